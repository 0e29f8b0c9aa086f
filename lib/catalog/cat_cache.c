/*
 * cat_cache.c — lookups, the per-process catalog cache, the catalog version and lists.
 * See lib/catalog/README.md section 5 for when the cache is flushed and why that is enough.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/cat_int.h"
#include "shm/shm.h"

/* ---- shared region ----------------------------------------------------------------------------- */

typedef struct cat_shared {
	_Atomic uint64_t cs_version;      /* catalog version: bumped by each committed DDL txn */
	char cs_pad[56];
	/* the sequence table follows (cat_seq.c) */
} cat_shared;

static cat_shared *shared;
static bool shared_is_local;      /* the malloc'd stand-in, not the server's segment */

size_t
cat_shmem_size(void)
{
	return sizeof(cat_shared) + cat_seq_shmem_size();
}

void
cat_shmem_init(void *base, size_t size)
{
	cat_shared *s = base;

	memset(base, 0, size);
	atomic_store(&s->cs_version, 1);
	cat_seq_shmem_init((char *)base + sizeof(cat_shared));
}

struct cat_shared *
cat_shared_region(void)
{
	if (shared == NULL) {
		shared = shm_region("catalog");
		if (shared == NULL) {
			/* No server shared memory (tools, unit tests): a process-local stand-in. */
			size_t n = cat_shmem_size();

			shared = malloc(n);
			if (shared == NULL)
				ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory");
			cat_shmem_init(shared, n);
			shared_is_local = true;
		}
	}
	return shared;
}

void *
cat_shared_seq_area(void)
{
	return (char *)cat_shared_region() + sizeof(cat_shared);
}

void
cat_shared_forget(void)
{
	if (shared_is_local)
		free(shared);
	shared = NULL;
	shared_is_local = false;
}

uint64_t
cat_version(void)
{
	return atomic_load_explicit(&cat_shared_region()->cs_version, memory_order_acquire);
}

/* ---- the cache ---------------------------------------------------------------------------------- */

#define CACHE_MAX_ENTRIES 16384

typedef struct name_ent {
	uint32_t hash;         /* 0 = empty slot */
	uint8_t nclass;
	Oid scope;
	Oid oid;               /* InvalidOid = known absent */
	char name[CAT_NAMELEN];
} name_ent;

typedef struct obj_ent {
	Oid oid;               /* 0 = empty slot */
	uint8_t kind;          /* REC_* */
	void *obj;
} obj_ent;

static struct {
	mem_ctx *mc;
	name_ent *names;
	uint32_t nmask, ncount;
	obj_ent *objs;
	uint32_t omask, ocount;
	uint64_t version;      /* catalog version the contents belong to */
} cache;

void
cat_cache_init(void)
{
	if (cache.mc == NULL)
		cache.mc = mem_create(cat_st.ctx, "catalog cache");
	cache.nmask = 1023;
	cache.omask = 1023;
	cache.names = mem_zalloc(cache.mc, sizeof(name_ent) * (cache.nmask + 1));
	cache.objs = mem_zalloc(cache.mc, sizeof(obj_ent) * (cache.omask + 1));
	cache.ncount = cache.ocount = 0;
}

void
cat_cache_flush(void)
{
	if (cache.mc == NULL)
		return;
	mem_reset(cache.mc);
	cat_cache_init();
}

/* The cache is usable when no DDL batch is open (a batch's own changes bypass it). */
static bool
cache_usable(void)
{
	return cache.mc != NULL && cat_ddl_current() == NULL;
}

static uint32_t
name_hash(const char *name)
{
	uint32_t h = 2166136261u;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

static uint32_t
mix_hash(uint32_t nh, uint8_t nclass, Oid scope)
{
	uint32_t h = nh ^ (scope * 0x9e3779b1u) ^ ((uint32_t)nclass << 24);

	h ^= h >> 15;
	h *= 0x2c1b3c6du;
	h ^= h >> 12;
	return h ? h : 1;
}

static name_ent *
name_probe(uint32_t h, uint8_t nclass, Oid scope, const char *name)
{
	for (uint32_t i = h & cache.nmask;; i = (i + 1) & cache.nmask) {
		name_ent *e = &cache.names[i];

		if (e->hash == 0)
			return e;
		if (e->hash == h && e->scope == scope && e->nclass == nclass &&
		    strcmp(e->name, name) == 0)
			return e;
	}
}

static void cache_grow_names(void);

static void
name_store(uint32_t h, uint8_t nclass, Oid scope, const char *name, Oid oid)
{
	name_ent *e;

	if ((cache.ncount + 1) * 2 > cache.nmask + 1)
		cache_grow_names();
	e = name_probe(h, nclass, scope, name);
	if (e->hash == 0) {
		e->hash = h;
		e->nclass = nclass;
		e->scope = scope;
		strncpy(e->name, name, CAT_NAMELEN - 1);
		cache.ncount++;
	}
	e->oid = oid;
}

static void
cache_grow_names(void)
{
	name_ent *old = cache.names;
	uint32_t oldn = cache.nmask + 1;

	cache.nmask = oldn * 2 - 1;
	cache.names = mem_zalloc(cache.mc, sizeof(name_ent) * (cache.nmask + 1));
	for (uint32_t i = 0; i < oldn; i++)
		if (old[i].hash != 0)
			*name_probe(old[i].hash, old[i].nclass, old[i].scope, old[i].name) = old[i];
	pfree(old);
}

static obj_ent *
obj_probe(Oid oid)
{
	for (uint32_t i = (oid * 0x9e3779b1u) & cache.omask;; i = (i + 1) & cache.omask) {
		obj_ent *e = &cache.objs[i];

		if (e->oid == 0 || e->oid == oid)
			return e;
	}
}

static void
obj_store(Oid oid, uint8_t kind, void *obj)
{
	obj_ent *e;

	if ((cache.ocount + 1) * 2 > cache.omask + 1) {
		obj_ent *old = cache.objs;
		uint32_t oldn = cache.omask + 1;

		cache.omask = oldn * 2 - 1;
		cache.objs = mem_zalloc(cache.mc, sizeof(obj_ent) * (cache.omask + 1));
		for (uint32_t i = 0; i < oldn; i++)
			if (old[i].oid != 0)
				*obj_probe(old[i].oid) = old[i];
		pfree(old);
	}
	e = obj_probe(oid);
	if (e->oid == 0)
		cache.ocount++;
	e->oid = oid;
	e->kind = kind;
	e->obj = obj;
}

/* ---- statements, version, DDL notes ------------------------------------------------------------ */

static void
check_version(void)
{
	uint64_t v = cat_version();

	if (v != cache.version) {
		cat_cache_flush();
		cache.version = v;
	}
}

/* Statement start: also the only point where the cache may be trimmed for size, because a
 * flush frees descriptors the statement may still hold. */
static void
check_size(void)
{
	if (cache.ncount + cache.ocount > CACHE_MAX_ENTRIES)
		cat_cache_flush();
}

void
cat_begin_statement(void)
{
	cat_require_open();
	cat_rd_reset_all();
	check_version();
	check_size();
}

bool
cat_check_version(void)
{
	if (cat_version() == cache.version)
		return false;
	check_version();
	return true;
}

void
cat_set_snapshot(const cat_snapshot *snap)
{
	if (snap == NULL) {
		memset(&cat_st.snap, 0, sizeof(cat_st.snap));
		return;
	}
	if (snap->cs_nsubxids > cat_st.subxid_cap) {
		uint64_t *p = realloc(cat_st.subxids, sizeof(uint64_t) * snap->cs_nsubxids);

		if (p == NULL)
			ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory");
		cat_st.subxids = p;
		cat_st.subxid_cap = snap->cs_nsubxids;
	}
	if (snap->cs_nsubxids)
		memcpy(cat_st.subxids, snap->cs_subxids, sizeof(uint64_t) * snap->cs_nsubxids);
	cat_st.snap = *snap;
	cat_st.snap.cs_subxids = cat_st.subxids;
}

const cat_snapshot *
cat_current_snapshot(void)
{
	return &cat_st.snap;
}

void
cat_note_ddl(void)
{
	cat_st.ddl_noted = true;
	cat_cache_flush();
}

void
cat_commit_ddl(void)
{
	if (cat_st.ddl_noted) {
		cat_st.ddl_noted = false;
		atomic_fetch_add_explicit(&cat_shared_region()->cs_version, 1, memory_order_acq_rel);
	}
	cat_cache_flush();
}

void
cat_abort_ddl(void)
{
	cat_st.ddl_noted = false;
	cat_cache_flush();
}

/* ---- loading records ---------------------------------------------------------------------------- */

bool
cat_load_object(MDB_txn *txn, Oid oid, mem_ctx *mc, cat_ver *v)
{
	keybuf k;

	cat_key_object(&k, oid);
	return cat_get_visible(txn, DBI_OBJECT, &k, mc, v);
}

static int
cmp_index_oid(const void *a, const void *b)
{
	Oid x = ((const cat_index *)a)->oid, y = ((const cat_index *)b)->oid;

	return x < y ? -1 : x > y;
}

/* Copy an index definition's strings into mc (the definition was decoded elsewhere). */
static void
index_own_strings(cat_index *ix, mem_ctx *mc)
{
	cat_index_key *keys = mem_alloc(mc, sizeof(cat_index_key) * (size_t)(ix->ncols + 1));

	memcpy(keys, ix->keys, sizeof(cat_index_key) * (size_t)ix->ncols);
	ix->keys = keys;
	for (int i = 0; i < ix->ncols; i++)
		if (ix->keys[i].expr != NULL)
			ix->keys[i].expr = mem_strdup(mc, ix->keys[i].expr);
	if (ix->predicate != NULL)
		ix->predicate = mem_strdup(mc, ix->predicate);
}

/*
 * Build a relation descriptor in mc.  Raw records are copied into a scratch context that is
 * reset at the end, so the cache holds only the descriptor itself.
 */
cat_relation *
cat_load_relation(MDB_txn *txn, Oid oid, mem_ctx *mc)
{
	static mem_ctx *sc;
	cat_ver v;
	cat_relation *rel;
	cat_iter it;
	keybuf k;
	MDB_val key;
	vhdr h;
	const uint8_t *p;
	size_t n;

	if (sc == NULL)
		sc = mem_create(cat_st.ctx, "catalog load scratch");
	mem_reset(sc);
	if (!cat_load_object(txn, oid, sc, &v) || v.h.kind != REC_RELATION)
		return NULL;
	rel = mem_alloc(mc, sizeof(*rel));
	cat_decode_into(REC_RELATION, oid, v.payload, v.plen, rel, mc);

	/* attributes, in attnum order */
	rel->atts = mem_zalloc(mc, sizeof(cat_attribute) * (size_t)(rel->natts > 0 ? rel->natts : 1));
	cat_key_object(&k, oid);
	cat_iter_open(&it, txn, DBI_ATTRIBUTE, &k, false);
	while (cat_iter_next(&it, &key, &h, &p, &n)) {
		cat_attribute a;

		cat_dec_attribute(p, n, &a, mc);
		if (a.attnum >= 1 && a.attnum <= rel->natts)
			rel->atts[a.attnum - 1] = a;
	}
	cat_iter_close(&it);
	for (int i = 0; i < rel->natts; i++)
		if (rel->atts[i].attnum == 0) {          /* no visible version: treat as dropped */
			rel->atts[i].attnum = (int16_t)(i + 1);
			rel->atts[i].dropped = true;
			rel->atts[i].typmod = -1;
		}

	/* constraints, by name */
	{
		Oid *coids;
		int nc;

		cat_key_name(&k, NC_CONSTRAINT, oid, NULL);
		nc = cat_name_oids(txn, &k, false, NULL, &coids);
		rel->constraints = nc ? mem_alloc(mc, sizeof(cat_constraint) * (size_t)nc) : NULL;
		for (int i = 0; i < nc; i++) {
			cat_ver cv;

			if (cat_load_object(txn, coids[i], sc, &cv) && cv.h.kind == REC_CONSTRAINT)
				cat_decode_into(REC_CONSTRAINT, coids[i], cv.payload, cv.plen,
				                &rel->constraints[rel->nconstraints++], mc);
		}
		pfree(coids);
	}

	/* indexes: relations of kind 'i' that depend on this one */
	if (rel->kind == CAT_RELKIND_TABLE || rel->kind == CAT_RELKIND_MATVIEW) {
		cat_objref me = {CAT_OBJ_RELATION, oid, 0};
		cat_depent *deps;
		int nd = cat_scan_deps(txn, false, DEP_FORWARD, &me, &deps), nix = 0;
		Oid *ixoids = mem_alloc(sc, sizeof(Oid) * (size_t)(nd + 1));

		for (int d = 0; d < nd; d++) {
			const cat_objref *dep = &deps[d].other;
			bool seen = false;

			if (dep->kind != CAT_OBJ_RELATION || dep->subid != 0)
				continue;
			for (int i = 0; i < nix; i++)
				seen |= ixoids[i] == dep->oid;
			if (!seen)
				ixoids[nix++] = dep->oid;
		}
		pfree(deps);
		rel->indexes = nix ? mem_alloc(mc, sizeof(cat_index) * (size_t)nix) : NULL;
		for (int i = 0; i < nix; i++) {
			cat_ver iv;
			cat_relation irel;

			if (!cat_load_object(txn, ixoids[i], sc, &iv) || iv.h.kind != REC_RELATION)
				continue;
			cat_decode_into(REC_RELATION, ixoids[i], iv.payload, iv.plen, &irel, sc);
			if (irel.kind != CAT_RELKIND_INDEX || irel.index == NULL || irel.index->table != oid)
				continue;
			rel->indexes[rel->nindexes] = *irel.index;
			index_own_strings(&rel->indexes[rel->nindexes++], mc);
		}
		qsort(rel->indexes, (size_t)rel->nindexes, sizeof(cat_index), cmp_index_oid);
	}
	mem_reset(sc);
	return rel;
}

/* Memory for an object loaded now: the cache, or the batch when one is open. */
static mem_ctx *
load_ctx(void)
{
	cat_ddl *d = cat_ddl_current();

	return d != NULL ? d->mc : cache.mc;
}

/* ---- lookups by name ---------------------------------------------------------------------------- */

/* Name → oid through the cache (the key is built only on a miss). */
static Oid
name_lookup(uint8_t nclass, Oid scope, const char *name, uint32_t nh)
{
	volatile Oid oid = InvalidOid;
	volatile uint32_t h = 0;

	cat_require_open();
	if (cache_usable()) {
		name_ent *e;

		h = mix_hash(nh, nclass, scope);
		e = name_probe(h, nclass, scope, name);
		if (e->hash != 0)
			return e->oid;
	}
	RD_GUARD({
		keybuf k;

		cat_key_name(&k, nclass, scope, name);
		oid = cat_name_get(cat_rd_begin(), &k);
		cat_rd_end();
	});
	if (cache_usable())
		name_store(h, nclass, scope, name, oid);
	return oid;
}

/* Build the key for a simple name class; false (nothing found) for invalid names. */
static bool
simple_key(keybuf *k, uint8_t nclass, Oid scope, const char *name)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0 || n >= CAT_NAMELEN)
		return false;
	cat_key_name(k, nclass, scope, name);
	return true;
}

static bool
valid_name(const char *name)
{
	size_t n = name ? strlen(name) : 0;

	return n > 0 && n < CAT_NAMELEN;
}

static Oid
simple_lookup(uint8_t nclass, Oid scope, const char *name)
{
	if (!valid_name(name))
		return InvalidOid;
	return name_lookup(nclass, scope, name, name_hash(name));
}

Oid
cat_lookup_database(const char *name)
{
	return simple_lookup(NC_DATABASE, 0, name);
}

Oid
cat_lookup_namespace(Oid db, const char *name)
{
	Oid oid = simple_lookup(NC_NAMESPACE, db, name);

	if (oid == InvalidOid && db != 0)
		oid = simple_lookup(NC_NAMESPACE, 0, name);
	return oid;
}

Oid
cat_lookup_relation(Oid ns, const char *name)
{
	return simple_lookup(NC_RELATION, ns, name);
}

Oid
cat_lookup_role(const char *name)
{
	return simple_lookup(NC_ROLE, 0, name);
}

Oid
cat_lookup_constraint(Oid rel, const char *name)
{
	return simple_lookup(NC_CONSTRAINT, rel, name);
}

Oid
cat_resolve_relation(Oid db, const Oid *path, int npath, const char *name)
{
	uint32_t nh;

	(void)db;
	if (!valid_name(name))
		return InvalidOid;
	nh = name_hash(name);
	for (int i = 0; i < npath; i++) {
		Oid oid = name_lookup(NC_RELATION, path[i], name, nh);

		if (oid != InvalidOid)
			return oid;
	}
	return InvalidOid;
}

/* Collect the oids of the visible name entries under a prefix. */
static int
list_names(const keybuf *prefix, Oid **out)
{
	volatile int count = 0;
	Oid *volatile oids = NULL;

	cat_require_open();
	RD_GUARD({
		Oid *o;

		count = cat_name_oids(cat_rd_begin(), prefix, false, NULL, &o);
		oids = o;
		cat_rd_end();
	});
	*out = oids;
	return count;
}

static void
key_function_prefix(keybuf *k, Oid ns, const char *name)
{
	cat_key_name(k, NC_FUNCTION, ns, name);
}

int
cat_lookup_functions(Oid ns, const char *name, Oid **oids)
{
	keybuf k;

	if (!simple_key(&k, NC_FUNCTION, ns, name)) {
		*oids = palloc(sizeof(Oid));
		return 0;
	}
	key_function_prefix(&k, ns, name);
	return list_names(&k, oids);
}

Oid
cat_lookup_function(Oid ns, const char *name, int nargs, const Oid *argtypes)
{
	keybuf k;
	volatile Oid oid = InvalidOid;

	if (!simple_key(&k, NC_FUNCTION, ns, name) || nargs < 0 || nargs > CAT_FUNC_MAX_ARGS)
		return InvalidOid;
	for (int i = 0; i < nargs; i++)
		cat_kb_be32(&k, argtypes[i]);
	cat_require_open();
	RD_GUARD({
		MDB_txn *txn = cat_rd_begin();

		oid = cat_name_get(txn, &k);
		cat_rd_end();
	});
	return oid;
}

void
cat_key_generic_name(keybuf *k, Oid ns, uint16_t objkind, const char *name)
{
	k->n = 0;
	cat_kb_u8(k, NC_GENERIC);
	cat_kb_be32(k, ns);
	cat_kb_be16(k, objkind);
	if (name != NULL)
		cat_kb_name(k, name);
}

Oid
cat_lookup_generic(Oid ns, uint16_t objkind, const char *name)
{
	keybuf k;
	volatile Oid oid = InvalidOid;
	size_t n = name ? strlen(name) : 0;

	if (n == 0 || n >= CAT_NAMELEN)
		return InvalidOid;
	cat_key_generic_name(&k, ns, objkind, name);
	cat_require_open();
	RD_GUARD({
		MDB_txn *txn = cat_rd_begin();

		oid = cat_name_get(txn, &k);
		cat_rd_end();
	});
	return oid;
}

/* ---- lookups by oid ---------------------------------------------------------------------------- */

/* Cached object of the given record kind, or load and decode it. */
static void *
obj_lookup(Oid oid, uint8_t rkind)
{
	void *volatile obj = NULL;

	cat_require_open();
	if (oid == InvalidOid)
		return NULL;
	if (cache_usable()) {
		obj_ent *e = obj_probe(oid);

		if (e->oid == oid)
			return e->kind == rkind ? e->obj : NULL;
	}
	RD_GUARD({
		MDB_txn *txn = cat_rd_begin();
		mem_ctx *mc = load_ctx();
		cat_ver v;

		if (rkind == REC_RELATION)
			obj = cat_load_relation(txn, oid, mc);
		else if (cat_load_object(txn, oid, mc, &v) && v.h.kind == rkind) {
			void *o = mem_alloc(mc, cat_record_size(rkind));

			cat_decode_into(rkind, oid, v.payload, v.plen, o, mc);
			obj = o;
		}
		cat_rd_end();
	});
	if (obj != NULL && cache_usable())
		obj_store(oid, rkind, obj);
	return obj;
}

const cat_database *
cat_get_database(Oid oid)
{
	return obj_lookup(oid, REC_DATABASE);
}

const cat_namespace *
cat_get_namespace(Oid oid)
{
	return obj_lookup(oid, REC_NAMESPACE);
}

const cat_relation *
cat_get_relation(Oid oid)
{
	return obj_lookup(oid, REC_RELATION);
}

const cat_role *
cat_get_role(Oid oid)
{
	return obj_lookup(oid, REC_ROLE);
}

const cat_constraint *
cat_get_constraint(Oid oid)
{
	return obj_lookup(oid, REC_CONSTRAINT);
}

const cat_function *
cat_get_function(Oid oid)
{
	return obj_lookup(oid, REC_FUNCTION);
}

const cat_generic *
cat_get_generic(Oid oid)
{
	return obj_lookup(oid, REC_GENERIC);
}

cat_objkind
cat_object_kind(Oid oid)
{
	volatile uint8_t kind = 0;

	cat_require_open();
	if (cache_usable()) {
		obj_ent *e = obj_probe(oid);

		if (e->oid == oid)
			kind = e->kind;
	}
	if (kind == 0)
		RD_GUARD({
			MDB_txn *txn = cat_rd_begin();
			cat_ver v;

			if (cat_load_object(txn, oid, mem_cur, &v)) {
				kind = v.h.kind;
				pfree(v.key);
				pfree(v.payload);
			}
			cat_rd_end();
		});
	switch (kind) {
	case REC_DATABASE: return CAT_OBJ_DATABASE;
	case REC_NAMESPACE: return CAT_OBJ_NAMESPACE;
	case REC_RELATION: return CAT_OBJ_RELATION;
	case REC_CONSTRAINT: return CAT_OBJ_CONSTRAINT;
	case REC_ROLE: return CAT_OBJ_ROLE;
	case REC_FUNCTION: return CAT_OBJ_FUNCTION;
	case REC_GENERIC: return CAT_OBJ_GENERIC;
	default: return CAT_OBJ_NONE;
	}
}

const cat_attribute *
cat_relation_attribute(const cat_relation *rel, const char *name)
{
	for (int i = 0; i < rel->natts; i++)
		if (!rel->atts[i].dropped && strcmp(rel->atts[i].name, name) == 0)
			return &rel->atts[i];
	return NULL;
}

cat_stats *
cat_get_statistics(Oid rel, int16_t attnum)
{
	cat_stats *volatile st = NULL;
	keybuf k;

	cat_require_open();
	cat_key_statistic(&k, rel, attnum);
	RD_GUARD({
		MDB_txn *txn = cat_rd_begin();
		cat_ver v;

		if (cat_get_visible(txn, DBI_STATISTIC, &k, mem_cur, &v)) {
			st = palloc(sizeof(cat_stats));
			cat_dec_stats(v.payload, v.plen, st, mem_cur);
		}
		cat_rd_end();
	});
	return st;
}

/* ---- lists ------------------------------------------------------------------------------------- */

int
cat_list_databases(Oid **oids)
{
	keybuf k;

	cat_key_name(&k, NC_DATABASE, 0, NULL);
	return list_names(&k, oids);
}

int
cat_list_namespaces(Oid db, Oid **oids)
{
	keybuf k;
	Oid *a, *b;
	int na, nb = 0;

	cat_key_name(&k, NC_NAMESPACE, 0, NULL);
	na = list_names(&k, &a);
	if (db != 0) {
		cat_key_name(&k, NC_NAMESPACE, db, NULL);
		nb = list_names(&k, &b);
		a = repalloc(a, sizeof(Oid) * (size_t)(na + nb + 1));
		memcpy(a + na, b, sizeof(Oid) * (size_t)nb);
		pfree(b);
	}
	*oids = a;
	return na + nb;
}

int
cat_list_relations(Oid ns, Oid **oids)
{
	keybuf k;

	cat_key_name(&k, NC_RELATION, ns, NULL);
	return list_names(&k, oids);
}

int
cat_list_roles(Oid **oids)
{
	keybuf k;

	cat_key_name(&k, NC_ROLE, 0, NULL);
	return list_names(&k, oids);
}

int
cat_list_functions(Oid ns, Oid **oids)
{
	keybuf k;

	cat_key_name(&k, NC_FUNCTION, ns, NULL);
	return list_names(&k, oids);
}

int
cat_list_generics(Oid ns, uint16_t objkind, Oid **oids)
{
	keybuf k;

	cat_key_generic_name(&k, ns, objkind, NULL);
	return list_names(&k, oids);
}

int
cat_list_dependents(const cat_objref *obj, cat_depinfo **out)
{
	volatile int count = 0;
	cat_depent *volatile deps = NULL;
	cat_depinfo *res;

	cat_require_open();
	RD_GUARD({
		cat_depent *dd;

		count = cat_scan_deps(cat_rd_begin(), false, DEP_FORWARD, obj, &dd);
		deps = dd;
		cat_rd_end();
	});
	res = palloc(sizeof(cat_depinfo) * (size_t)(count + 1));
	for (int i = 0; i < count; i++) {
		res[i].referenced = deps[i].self;
		res[i].dependent = deps[i].other;
		res[i].deptype = deps[i].deptype;
	}
	pfree(deps);
	*out = res;
	return count;
}

/* ---- search_path ---------------------------------------------------------------------------------- */

int
cat_search_path(Oid db, const char *setting, const char *user, Oid **path)
{
	Oid *out = palloc(sizeof(Oid) * 34);
	int n = 0;
	bool have_catalog = false;
	const char *s = setting ? setting : "";

	out[n++] = CAT_PG_CATALOG_NAMESPACE;    /* provisional: removed if listed explicitly */
	while (*s) {
		char name[CAT_NAMELEN * 2];
		size_t len = 0;
		Oid ns;
		bool dup = false;

		while (*s == ' ' || *s == '\t' || *s == ',')
			s++;
		if (!*s)
			break;
		if (*s == '"') {
			s++;
			while (*s && len < sizeof(name) - 1) {
				if (*s == '"') {
					if (s[1] == '"') {
						name[len++] = '"';
						s += 2;
						continue;
					}
					s++;
					break;
				}
				name[len++] = *s++;
			}
		} else
			while (*s && *s != ',' && *s != ' ' && *s != '\t' && len < sizeof(name) - 1)
				name[len++] = (char)tolower((unsigned char)*s++);
		name[len] = '\0';
		while (*s && *s != ',')
			s++;
		if (strcmp(name, "$user") == 0)
			ns = user ? cat_lookup_namespace(db, user) : InvalidOid;
		else
			ns = cat_lookup_namespace(db, name);
		if (ns == InvalidOid || n >= 33)
			continue;
		if (ns == CAT_PG_CATALOG_NAMESPACE) {
			if (have_catalog)
				continue;
			have_catalog = true;
			memmove(out, out + 1, sizeof(Oid) * (size_t)(n - 1));
			n--;
		}
		for (int i = (have_catalog ? 0 : 1); i < n; i++)
			if (out[i] == ns)
				dup = true;
		if (!dup)
			out[n++] = ns;
	}
	*path = out;
	return n;
}
