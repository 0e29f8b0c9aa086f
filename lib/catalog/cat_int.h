/*
 * cat_int.h — internals of lib/catalog shared by its source files (not for other folders).
 * Formats: lib/catalog/README.md sections 1-2.
 */
#ifndef PH_CATALOG_CAT_INT_H
#define PH_CATALOG_CAT_INT_H

#include <limits.h>
#include <lmdb.h>
#include <stdatomic.h>
#include <sys/types.h>

#include "catalog/cat.h"
#include "shm/lwlock.h"
#include "util/err.h"
#include "util/mem.h"

#define CAT_FORMAT 1
#define VHDR_SIZE 32
#define VSUFFIX 12                   /* xmin BE64 + cmin BE32 at the end of versioned keys */
#define CAT_KEY_MAX 500              /* LMDB's default maximum key size is 511 */
#define CAT_MAP_SIZE ((size_t)8 << 30)

enum {
	DBI_META,
	DBI_OBJECT,
	DBI_ATTRIBUTE,
	DBI_NAME,
	DBI_DEPEND,
	DBI_STATISTIC,
	DBI_COUNT
};

/* record kinds (version header byte 1) */
#define REC_DATABASE 'd'
#define REC_NAMESPACE 'n'
#define REC_RELATION 'r'
#define REC_ATTRIBUTE 'a'
#define REC_CONSTRAINT 'c'
#define REC_ROLE 'o'
#define REC_FUNCTION 'f'
#define REC_GENERIC 'g'
#define REC_STATISTIC 's'
#define REC_ENTRY 'x'

/* name index classes */
#define NC_DATABASE 'D'
#define NC_NAMESPACE 'N'
#define NC_RELATION 'R'
#define NC_CONSTRAINT 'C'
#define NC_ROLE 'A'
#define NC_FUNCTION 'F'
#define NC_GENERIC 'G'

/* depend directions */
#define DEP_FORWARD 0x01   /* referenced, dependent */
#define DEP_REVERSE 0x02   /* dependent, referenced */
#define OBJREF_SIZE 7

/* ---- field tags (README section 2) --------------------------------------------------------- */
enum { T_NAME = 1, T_OWNER = 2 };
enum { TD_ENCODING = 3, TD_COLLATE, TD_CTYPE, TD_ALLOWCONN, TD_CONNLIMIT, TD_TEMPLATE };
enum { TN_DB = 3 };
enum {
	TR_DB = 3, TR_NS, TR_KIND, TR_FILENODE, TR_PERSIST, TR_NATTS,
	TR_VIEWQUERY = 20,
	TR_SEQTYPE = 30, TR_SEQINC, TR_SEQMIN, TR_SEQMAX, TR_SEQSTART, TR_SEQCACHE, TR_SEQCYCLE,
	TR_SEQOWNREL, TR_SEQOWNCOL,
	TR_IXTABLE = 40, TR_IXAM, TR_IXFLAGS, TR_IXNKEYS, TR_IXATTNUMS, TR_IXOPTIONS, TR_IXEXPR,
	TR_IXPRED
};
enum {
	TA_TYPE = 2, TA_TYPMOD, TA_FLAGS, TA_IDENTITY, TA_IDSEQ, TA_GENERATED, TA_DEFAULT,
	TA_GENEXPR, TA_COLLATION, TA_ATTNUM
};
enum {
	TC_REL = 2, TC_TYPE, TC_KEYS, TC_CHECK, TC_INDEX, TC_REFREL, TC_REFKEYS, TC_ACTIONS,
	TC_FLAGS, TC_NS, TC_DB
};
enum { TO_FLAGS = 2, TO_CONNLIMIT, TO_PASSWORD, TO_VALIDUNTIL };
enum {
	TF_NS = 2, TF_DB, TF_OWNER, TF_KIND, TF_ARGTYPES, TF_ARGMODES, TF_ARGNAMES, TF_ARGDEFAULTS,
	TF_RETTYPE, TF_RETSET, TF_LANGUAGE, TF_BODY, TF_VOLATILITY, TF_STRICT
};
enum { TG_NS = 2, TG_DB, TG_OWNER, TG_KIND, TG_PAYLOAD };
enum {
	TS_RELTUPLES = 1, TS_RELPAGES, TS_NULLFRAC, TS_NDISTINCT, TS_WIDTH, TS_MCV, TS_MCF, TS_HIST,
	TS_CORR, TS_ANALYZED
};

/* attribute flags (TA_FLAGS) */
#define AF_NOTNULL 0x01
#define AF_DROPPED 0x02
/* index flags (TR_IXFLAGS) */
#define IF_UNIQUE 0x01
#define IF_PRIMARY 0x02
#define IF_VALID 0x04
#define IF_NULLSNOTDISTINCT 0x08
/* index key options (TR_IXOPTIONS) */
#define IO_DESC 0x01
#define IO_NULLSFIRST 0x02
/* constraint flags (TC_FLAGS) */
#define CF_DEFERRABLE 0x01
#define CF_DEFERRED 0x02
#define CF_VALIDATED 0x04
/* role flags (TO_FLAGS) */
#define RF_SUPER 0x01
#define RF_LOGIN 0x02
#define RF_CREATEDB 0x04
#define RF_CREATEROLE 0x08
#define RF_INHERIT 0x10
#define RF_REPLICATION 0x20
#define RF_BYPASSRLS 0x40

/* ---- version header ------------------------------------------------------------------------ */
typedef struct vhdr {
	uint8_t format;
	uint8_t kind;
	uint16_t flags;
	uint32_t cmin;
	uint64_t xmin;
	uint64_t xmax;
	uint32_t cmax;
	uint32_t plen;
} vhdr;

void cat_vhdr_encode(const vhdr *h, uint8_t *out);
/* Decode and validate a stored value (raises XX001 on a bad header). */
void cat_vhdr_decode(const void *val, size_t len, vhdr *h);

/* ---- keys ------------------------------------------------------------------------------------ */
typedef struct keybuf {
	uint8_t b[CAT_KEY_MAX];
	size_t n;
} keybuf;

void cat_kb_u8(keybuf *k, uint8_t v);
void cat_kb_be16(keybuf *k, uint16_t v);
void cat_kb_be32(keybuf *k, uint32_t v);
void cat_kb_be64(keybuf *k, uint64_t v);
/* Name bytes followed by 0x00; raises 42622 when longer than CAT_NAMELEN - 1, 42602 if empty. */
void cat_kb_name(keybuf *k, const char *name);
void cat_kb_objref(keybuf *k, const cat_objref *o);
uint16_t cat_rd_be16(const uint8_t *p);
uint32_t cat_rd_be32(const uint8_t *p);
uint64_t cat_rd_be64(const uint8_t *p);
void cat_rd_objref(const uint8_t *p, cat_objref *o);

void cat_key_object(keybuf *k, Oid oid);
void cat_key_attribute(keybuf *k, Oid rel, int16_t attnum);
void cat_key_name(keybuf *k, uint8_t nclass, Oid scope, const char *name);
void cat_key_statistic(keybuf *k, Oid rel, int16_t attnum);

/* ---- TLV payloads ---------------------------------------------------------------------------- */
typedef struct tlv_w {
	uint8_t *buf;
	size_t len, cap;
} tlv_w;

void cat_tw_init(tlv_w *w);
void cat_tw_bytes(tlv_w *w, uint8_t tag, const void *p, size_t n);
void cat_tw_u8(tlv_w *w, uint8_t tag, uint8_t v);
void cat_tw_i16(tlv_w *w, uint8_t tag, int16_t v);
void cat_tw_i32(tlv_w *w, uint8_t tag, int32_t v);
void cat_tw_u32(tlv_w *w, uint8_t tag, uint32_t v);
void cat_tw_i64(tlv_w *w, uint8_t tag, int64_t v);
void cat_tw_f64(tlv_w *w, uint8_t tag, double v);
void cat_tw_str(tlv_w *w, uint8_t tag, const char *s);   /* nothing for NULL */

typedef struct tlv_r {
	const uint8_t *p, *end;
	uint8_t tag;
	const uint8_t *val;
	size_t len;
} tlv_r;

void cat_tr_init(tlv_r *r, const void *payload, size_t len);
bool cat_tr_next(tlv_r *r);                /* raises XX001 on a malformed field */
uint8_t cat_tr_u8(const tlv_r *r);
int16_t cat_tr_i16(const tlv_r *r);
int32_t cat_tr_i32(const tlv_r *r);
uint32_t cat_tr_u32(const tlv_r *r);
int64_t cat_tr_i64(const tlv_r *r);
double cat_tr_f64(const tlv_r *r);
char *cat_tr_str(const tlv_r *r, mem_ctx *mc);     /* NUL-terminated copy */
void cat_tr_name(const tlv_r *r, char *dst);       /* into char[CAT_NAMELEN] */

/* ---- process state ---------------------------------------------------------------------------- */
typedef struct cat_state {
	MDB_env *env;
	MDB_dbi dbi[DBI_COUNT];
	pid_t pid;                        /* process that opened env (for messages) */
	bool inherited;                   /* set in a child after fork (pthread_atfork) */
	char datadir[PATH_MAX];
	MDB_txn *rtxn;                    /* reusable read transaction (reset when idle) */
	int rdepth;
	MDB_txn *wtxn;                    /* open DDL batch */
	cat_snapshot snap;                /* statement's catalog snapshot */
	uint64_t *subxids;                /* copy of snap.cs_subxids (malloc) */
	uint32_t subxid_cap;
	uint64_t conflict_xid;
	bool ddl_noted;                   /* current transaction changed the catalog */
	Oid oid_next, oid_end;            /* locally reserved oid range [next, end) */
	mem_ctx *ctx;                     /* process-lifetime catalog memory */
	mem_ctx *caller_mc;               /* inside a DDL call: the caller's context (results) */
} cat_state;

extern cat_state cat_st;

struct cat_ddl {
	uint64_t xid;
	uint32_t cid;
	bool active;
	mem_ctx *mc;                      /* batch scratch memory */
};

/* Close (close_env) or forget (after fork) the environment and every LMDB handle. */
void cat_store_detach(bool close_env);
/* Abort a write transaction opened outside a DDL batch (OID ranges, vacuum). */
void cat_store_abort_write(void);
/* Open an LMDB environment at path with the server's flags (cat_boot.c). */
MDB_env *cat_env_open(const char *path);
/* Forget the shared region pointer (cat_cache.c) and session sequence state (cat_seq.c). */
void cat_shared_forget(void);
void cat_seq_forget(void);

/* Register the fork handler that marks an inherited environment (once per process). */
void cat_note_forks(void);
/* The environment is open and was opened by this process (not inherited). */
bool cat_env_mine(void);
/* The env must be open in this process (58P01 / XX000 otherwise). */
void cat_require_open(void);
/* Raise for an LMDB return code (58030, or 53100 for a full map). */
noreturn void cat_mdb_error(int rc, const char *what);

/* Read scope: the batch's write transaction if one is open, else the renewed reader. */
MDB_txn *cat_rd_begin(void);
void cat_rd_end(void);
/* Reset every read-side resource (error path, statement start). */
void cat_rd_reset_all(void);

/* Cursors registered for cleanup on errors. */
MDB_cursor *cat_cursor_open(MDB_txn *txn, int dbi);
void cat_cursor_close(MDB_cursor *c);

/* Is xid one of the reader's/writer's own? */
bool cat_xid_is_own(uint64_t xid);
/* Reader visibility of a version under the current catalog snapshot. */
bool cat_visible(const vhdr *h);
/* Writer view of a version (README section 3). */
typedef enum { WS_DEAD, WS_LIVE, WS_CONFLICT } cat_wstate;
cat_wstate cat_writer_state(const vhdr *h, uint64_t *conflict_xid);
/* Raise 40001 for a conflict with xid. */
noreturn void cat_raise_conflict(uint64_t xid, const char *what);
cat_xid_state cat_call_xid_state(uint64_t xid);

/* A version found by a scan: key and value copied into the given context. */
typedef struct cat_ver {
	uint8_t *key;
	size_t klen;
	vhdr h;
	uint8_t *payload;
	size_t plen;
} cat_ver;

/* Reading: the visible version of logical key lk (payload copied into mc); false if none. */
bool cat_get_visible(MDB_txn *txn, int dbi, const keybuf *lk, mem_ctx *mc, cat_ver *out);

/* Prefix iteration over visible versions. */
typedef struct cat_iter {
	MDB_cursor *cur;
	keybuf prefix;
	bool started;
	bool writer;                 /* writer view: yields live versions, raises on conflicts */
	bool exact;                  /* only versions of exactly the prefix (no longer keys) */
	const char *what;            /* for conflict messages */
} cat_iter;

void cat_iter_open(cat_iter *it, MDB_txn *txn, int dbi, const keybuf *prefix, bool writer);
/* Next visible (reader) or live (writer) version; key/payload point into LMDB memory,
 * valid until the next call or any write.  false at the end. */
bool cat_iter_next(cat_iter *it, MDB_val *key, vhdr *h, const uint8_t **payload, size_t *plen);
void cat_iter_close(cat_iter *it);

/* ---- writing (inside a batch) ---------------------------------------------------------------- */
cat_ddl *cat_ddl_current(void);
/* The live version of lk under the writer view (copied into d->mc); false if none.  Raises
 * 40001 on a conflict with another transaction. */
bool cat_find_live(cat_ddl *d, int dbi, const keybuf *lk, cat_ver *out, const char *what);
/* Write a new version of lk (xmin = d->xid, cmin = d->cid). */
void cat_put_version(cat_ddl *d, int dbi, const keybuf *lk, uint8_t kind, const void *payload,
                     size_t plen);
/* Set xmax/cmax of a version previously found. */
void cat_delete_version(cat_ddl *d, int dbi, const cat_ver *v);
/* Replace the live version of lk with a new payload (old gets xmax); false if none live. */
bool cat_replace(cat_ddl *d, int dbi, const keybuf *lk, uint8_t kind, const void *payload,
                 size_t plen, const char *what);
/* Delete the live version of lk if any; returns whether one was. */
bool cat_delete_live(cat_ddl *d, int dbi, const keybuf *lk, const char *what);
/* Delete every live version under a prefix (e.g. all attributes of a relation). */
int cat_delete_prefix(cat_ddl *d, int dbi, const keybuf *prefix, const char *what);

/*
 * Insert a name entry (class, scope, name) → oid after checking uniqueness across
 * transactions: a live entry raises sqlstate with "<what> \"name\" already exists".
 */
void cat_name_insert(cat_ddl *d, const keybuf *lk, Oid oid, const char *sqlstate,
                     const char *what, const char *name);
/* Is a live name entry present (writer view)?  Returns its oid or 0. */
Oid cat_name_live(cat_ddl *d, const keybuf *lk, const char *what);
/* Delete the live name entry for lk (must exist for the object being changed). */
void cat_name_delete(cat_ddl *d, const keybuf *lk, const char *what);

/* Reading a name → oid (reader view). */
Oid cat_name_get(MDB_txn *txn, const keybuf *lk);

/* A fresh oid inside the batch (meta/next_oid). */
Oid cat_next_oid(cat_ddl *d);

/* meta sub-database helpers */
bool cat_meta_get_u32(MDB_txn *txn, const char *key, uint32_t *v);
void cat_meta_put(MDB_txn *txn, const char *key, const void *v, size_t n);

/* ---- codecs (cat_codec.c) -------------------------------------------------------------------- */
void cat_enc_database(tlv_w *w, const cat_database *db);
void cat_dec_database(const uint8_t *p, size_t n, cat_database *db);
void cat_enc_namespace(tlv_w *w, const cat_namespace *ns);
void cat_dec_namespace(const uint8_t *p, size_t n, cat_namespace *ns);
/* Relation record (not attributes): kind-specific parts from rel->seq / rel->index / view. */
void cat_enc_relation(tlv_w *w, const cat_relation *rel);
void cat_dec_relation(const uint8_t *p, size_t n, cat_relation *rel, mem_ctx *mc);
void cat_enc_attribute(tlv_w *w, const cat_attribute *a);
void cat_dec_attribute(const uint8_t *p, size_t n, cat_attribute *a, mem_ctx *mc);
void cat_enc_constraint(tlv_w *w, const cat_constraint *c);
void cat_dec_constraint(const uint8_t *p, size_t n, cat_constraint *c, mem_ctx *mc);
void cat_enc_role(tlv_w *w, const cat_role *r);
void cat_dec_role(const uint8_t *p, size_t n, cat_role *r, mem_ctx *mc);
void cat_enc_function(tlv_w *w, const cat_function *f);
void cat_dec_function(const uint8_t *p, size_t n, cat_function *f, mem_ctx *mc);
void cat_enc_generic(tlv_w *w, const cat_generic *g);
void cat_dec_generic(const uint8_t *p, size_t n, cat_generic *g, mem_ctx *mc);
void cat_enc_stats(tlv_w *w, const cat_stats *s);
void cat_dec_stats(const uint8_t *p, size_t n, cat_stats *s, mem_ctx *mc);
/* Size of the descriptor of a record kind (REC_*), and decoding into one (strings in mc). */
size_t cat_record_size(uint8_t rkind);
void cat_decode_into(uint8_t rkind, Oid oid, const uint8_t *p, size_t n, void *out, mem_ctx *mc);
/* A little-endian oid (the payload of name entries). */
Oid cat_le_oid(const uint8_t *p);

/* ---- loading records (reader view, into mc) ------------------------------------------------- */
bool cat_load_object(MDB_txn *txn, Oid oid, mem_ctx *mc, cat_ver *v);
cat_relation *cat_load_relation(MDB_txn *txn, Oid oid, mem_ctx *mc);

/* ---- DDL helpers (cat_ddl.c), writer view, inside a batch ----------------------------------- */
void cat_obj_put_new(cat_ddl *d, Oid oid, uint8_t kind, const tlv_w *w);
/* Replace the live version of object oid; raises 42704 naming what when none is live. */
void cat_obj_replace(cat_ddl *d, Oid oid, uint8_t kind, const tlv_w *w, const char *what);
/* Live object of the given record kind, or false. */
bool cat_w_object(cat_ddl *d, Oid oid, uint8_t kind, cat_ver *v);
cat_relation *cat_w_relation(cat_ddl *d, Oid oid);          /* 42P01 when gone */
bool cat_w_relation_opt(cat_ddl *d, Oid oid, cat_relation *out);
void cat_w_namespace(cat_ddl *d, Oid oid, cat_namespace *out);   /* 3F000 when gone */
/* Live object of record kind rkind decoded into out (a descriptor of that kind); when it is
 * gone: false, or with must the kind's "does not exist" error (3D000, 3F000, 42P01, 42704,
 * 42883). */
bool cat_w_load(cat_ddl *d, uint8_t rkind, Oid oid, void *out, bool must);
/* Oids of the live (writer) or visible (reader) name entries under a prefix, palloc'd. */
int cat_name_oids(MDB_txn *txn, const keybuf *prefix, bool writer, const char *what, Oid **out);
/* Run fn in a write transaction of its own (outside DDL batches); aborted if fn raises. */
void cat_run_write(void (*fn)(void *arg), void *arg);
/* Live attributes of rel, indexed by attnum - 1 (missing ones flagged dropped). */
cat_attribute *cat_w_attributes(cat_ddl *d, const cat_relation *rel);
void cat_rel_replace(cat_ddl *d, const cat_relation *rel);
void cat_att_put(cat_ddl *d, Oid rel, const cat_attribute *a, bool replace);
void cat_add_dep(cat_ddl *d, const cat_objref *dependent, const cat_objref *referenced, char deptype);
/* Delete the dependency pairs in which (kind, oid, subid) is the dependent; subid 0 means
 * the object and every part of it. */
void cat_deps_delete_dependent(cat_ddl *d, uint8_t kind, Oid oid, int16_t subid);
/* Dependency entries (writer or reader view) under dir: DEP_FORWARD lists what depends on o,
 * DEP_REVERSE what o depends on; subid 0 covers every subid of o. */
typedef struct cat_depent {
	cat_objref self;      /* o itself, with the entry's subid */
	cat_objref other;
	char deptype;
} cat_depent;
int cat_scan_deps(MDB_txn *txn, bool writer, uint8_t dir, const cat_objref *o,
                  cat_depent **out);
void cat_key_generic_name(keybuf *k, Oid ns, uint16_t objkind, const char *name);
void cat_key_function_name(keybuf *k, Oid ns, const char *name, int nargs, const Oid *argtypes);
/* Any object descriptor, and what differs between kinds (cat_obj.c). */
typedef union cat_anyobj {
	cat_database db;
	cat_namespace ns;
	cat_relation rel;
	cat_constraint con;
	cat_role role;
	cat_function fn;
	cat_generic gen;
} cat_anyobj;
uint8_t cat_rec_kind(uint8_t objkind);                 /* CAT_OBJ_* -> REC_* (0: none) */
char *cat_obj_name(uint8_t rkind, cat_anyobj *o);
Oid *cat_obj_owner(uint8_t rkind, cat_anyobj *o);       /* NULL for kinds without owner */
void cat_obj_name_key(uint8_t rkind, const cat_anyobj *o, const char *name, keybuf *k);
const char *cat_obj_word(uint8_t rkind, const char **dup_sqlstate);
/* Write obj (a descriptor of rkind) as object oid's first version / its new version. */
void cat_obj_create(cat_ddl *d, uint8_t rkind, Oid oid, const void *obj);
void cat_obj_store(cat_ddl *d, uint8_t rkind, Oid oid, const void *obj);

/* Creation with preassigned oids (bootstrap); InvalidOid = allocate. */
Oid cat_do_create_namespace(cat_ddl *d, Oid db, const char *name, Oid owner, Oid oid);
Oid cat_do_create_database(cat_ddl *d, const char *name, Oid owner, Oid oid, Oid public_oid);
Oid cat_do_create_role(cat_ddl *d, const cat_role_def *def, Oid oid);
/* Drop machinery (cat_drop.c). */
void cat_drop_objects(cat_ddl *d, const cat_objref *objs, int nobjs, cat_drop_behavior behavior,
                  cat_drop_list *out);

/* ---- cache (cat_cache.c) --------------------------------------------------------------------- */
void cat_cache_init(void);
/* Shared region, or a process-local stand-in. */
struct cat_shared;
struct cat_shared *cat_shared_region(void);
/* Where the sequence table starts inside the region. */
void *cat_shared_seq_area(void);

/* ---- sequences (cat_seq.c) ------------------------------------------------------------------- */
size_t cat_seq_shmem_size(void);
void cat_seq_shmem_init(void *base);

/* Guards: run a body with cleanup on error (README invariant 5).  The body must not
 * return/break/goto out; locals it sets and the code after reads must be volatile. */
void cat_ddl_fail(cat_ddl *d);
void cat_ddl_check(cat_ddl *d);
#define DDL_GUARD(d, ...)                                           \
	do {                                                            \
		mem_ctx *volatile guard_saved__ = cat_st.caller_mc;         \
		cat_ddl_check(d);                                           \
		cat_st.caller_mc = mem_switch((d)->mc);                     \
		ERR_TRY();                                                  \
		{ __VA_ARGS__; }                                            \
		ERR_CATCH();                                                \
		{                                                           \
			mem_switch(cat_st.caller_mc);                           \
			cat_st.caller_mc = guard_saved__;                       \
			cat_ddl_fail(d);                                        \
			err_rethrow();                                          \
		}                                                           \
		ERR_END();                                                  \
		mem_switch(cat_st.caller_mc);                               \
		cat_st.caller_mc = guard_saved__;                           \
	} while (0)

/* Body of a DDL wrapper returning an oid. */
#define DDL_RETURN_OID(d, expr)                                     \
	do {                                                            \
		volatile Oid ddl_oid__ = InvalidOid;                        \
		DDL_GUARD(d, ddl_oid__ = (expr));                           \
		return ddl_oid__;                                           \
	} while (0)

#define RD_GUARD(...)                               \
	do {                                            \
		ERR_TRY();                                  \
		{ __VA_ARGS__; }                            \
		ERR_CATCH();                                \
		{ cat_rd_reset_all(); err_rethrow(); }      \
		ERR_END();                                  \
	} while (0)

#endif
