/*
 * cat_ddl.c — create and alter catalog objects inside a DDL batch (one LMDB write
 * transaction).  Every function reads the latest state with the writer view and raises 40001
 * on another transaction's uncommitted change (README section 3).  Every change to a
 * relation's columns or constraints also writes a new version of the relation record, so
 * concurrent ALTERs of one table always meet on that record.
 */
#include <stdio.h>
#include <string.h>

#include "catalog/cat_int.h"

#define MAX_COLUMNS 1600

/* ---- helpers ---------------------------------------------------------------------------------- */

void
cat_obj_put_new(cat_ddl *d, Oid oid, uint8_t kind, const tlv_w *w)
{
	keybuf k;

	cat_key_object(&k, oid);
	cat_put_version(d, DBI_OBJECT, &k, kind, w->buf, w->len);
}

void
cat_obj_replace(cat_ddl *d, Oid oid, uint8_t kind, const tlv_w *w, const char *what)
{
	keybuf k;

	cat_key_object(&k, oid);
	if (!cat_replace(d, DBI_OBJECT, &k, kind, w->buf, w->len, what))
		ph_error(ERRCODE_UNDEFINED_OBJECT, "%s does not exist", what);
}

bool
cat_w_object(cat_ddl *d, Oid oid, uint8_t kind, cat_ver *v)
{
	keybuf k;
	char what[48];

	snprintf(what, sizeof(what), "catalog object %u", oid);
	cat_key_object(&k, oid);
	return cat_find_live(d, DBI_OBJECT, &k, v, what) && v->h.kind == kind;
}

bool
cat_w_load(cat_ddl *d, uint8_t rkind, Oid oid, void *out, bool must)
{
	cat_ver v;

	if (oid != InvalidOid && cat_w_object(d, oid, rkind, &v)) {
		cat_decode_into(rkind, oid, v.payload, v.plen, out, mem_cur);
		return true;
	}
	if (!must)
		return false;
	switch (rkind) {
	case REC_DATABASE:
		ph_error(ERRCODE_INVALID_CATALOG_NAME, "database with OID %u does not exist", oid);
	case REC_NAMESPACE:
		ph_error(ERRCODE_INVALID_SCHEMA_NAME, "schema with OID %u does not exist", oid);
	case REC_RELATION:
		ph_error(ERRCODE_UNDEFINED_TABLE, "relation with OID %u does not exist", oid);
	case REC_FUNCTION:
		ph_error(ERRCODE_UNDEFINED_FUNCTION, "function with OID %u does not exist", oid);
	case REC_CONSTRAINT:
		ph_error(ERRCODE_UNDEFINED_OBJECT, "constraint with OID %u does not exist", oid);
	case REC_ROLE:
		ph_error(ERRCODE_UNDEFINED_OBJECT, "role with OID %u does not exist", oid);
	default:
		ph_error(ERRCODE_UNDEFINED_OBJECT, "object with OID %u does not exist", oid);
	}
}

bool
cat_w_relation_opt(cat_ddl *d, Oid oid, cat_relation *out)
{
	return cat_w_load(d, REC_RELATION, oid, out, false);
}

cat_relation *
cat_w_relation(cat_ddl *d, Oid oid)
{
	cat_relation *rel = palloc(sizeof(*rel));

	cat_w_load(d, REC_RELATION, oid, rel, true);
	return rel;
}

void
cat_w_namespace(cat_ddl *d, Oid oid, cat_namespace *out)
{
	cat_w_load(d, REC_NAMESPACE, oid, out, true);
}

cat_attribute *
cat_w_attributes(cat_ddl *d, const cat_relation *rel)
{
	cat_attribute *atts = palloc0(sizeof(cat_attribute) * (size_t)(rel->natts + 1));
	cat_iter it;
	keybuf k;
	MDB_val key;
	vhdr h;
	const uint8_t *p;
	size_t n;

	(void)d;
	cat_key_object(&k, rel->oid);
	cat_iter_open(&it, cat_st.wtxn, DBI_ATTRIBUTE, &k, true);
	it.what = "a column of the relation";
	while (cat_iter_next(&it, &key, &h, &p, &n)) {
		cat_attribute a;

		cat_dec_attribute(p, n, &a, mem_cur);
		if (a.attnum >= 1 && a.attnum <= rel->natts)
			atts[a.attnum - 1] = a;
	}
	cat_iter_close(&it);
	for (int i = 0; i < rel->natts; i++)
		if (atts[i].attnum == 0) {
			atts[i].attnum = (int16_t)(i + 1);
			atts[i].dropped = true;
		}
	return atts;
}

void
cat_rel_replace(cat_ddl *d, const cat_relation *rel)
{
	cat_obj_store(d, REC_RELATION, rel->oid, rel);
}

void
cat_att_put(cat_ddl *d, Oid rel, const cat_attribute *a, bool replace)
{
	keybuf k;
	tlv_w w;

	cat_key_attribute(&k, rel, a->attnum);
	cat_tw_init(&w);
	cat_enc_attribute(&w, a);
	if (replace) {
		if (!cat_replace(d, DBI_ATTRIBUTE, &k, REC_ATTRIBUTE, w.buf, w.len, "column"))
			ph_error(ERRCODE_UNDEFINED_COLUMN, "column number %d of relation %u does not exist",
			         a->attnum, rel);
	} else
		cat_put_version(d, DBI_ATTRIBUTE, &k, REC_ATTRIBUTE, w.buf, w.len);
}

static void
check_name(const char *name, const char *what)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0)
		ph_error(ERRCODE_INVALID_NAME, "zero-length %s name is not allowed", what);
	if (n >= CAT_NAMELEN) {
		ERR_BEGIN(ERRCODE_NAME_TOO_LONG);
		err_detail("Names are limited to %d bytes.", CAT_NAMELEN - 1);
		err_throw("%s name \"%.20s...\" is too long", what, name);
	}
}

static bool
objref_eq(const cat_objref *a, const cat_objref *b)
{
	return a->kind == b->kind && a->oid == b->oid && a->subid == b->subid;
}

static void
dep_keys(keybuf *fw, keybuf *rv, const cat_objref *dep, const cat_objref *ref, char t)
{
	fw->n = 0;
	cat_kb_u8(fw, DEP_FORWARD);
	cat_kb_objref(fw, ref);
	cat_kb_objref(fw, dep);
	cat_kb_u8(fw, (uint8_t)t);
	rv->n = 0;
	cat_kb_u8(rv, DEP_REVERSE);
	cat_kb_objref(rv, dep);
	cat_kb_objref(rv, ref);
	cat_kb_u8(rv, (uint8_t)t);
}

void
cat_add_dep(cat_ddl *d, const cat_objref *dependent, const cat_objref *referenced, char deptype)
{
	keybuf fw, rv;
	cat_ver v;

	if (objref_eq(dependent, referenced))
		return;
	/* A relation's parts referring to the same relation are dropped with it anyway. */
	if ((dependent->kind == CAT_OBJ_RELATION || dependent->kind == CAT_OBJ_DEFAULT) &&
	    referenced->kind == CAT_OBJ_RELATION && dependent->oid == referenced->oid)
		return;
	if (deptype != CAT_DEP_NORMAL && deptype != CAT_DEP_AUTO && deptype != CAT_DEP_INTERNAL)
		ph_internal("unknown dependency type '%c'", deptype);
	dep_keys(&fw, &rv, dependent, referenced, deptype);
	if (cat_find_live(d, DBI_DEPEND, &fw, &v, "dependency"))
		return;
	cat_put_version(d, DBI_DEPEND, &fw, REC_ENTRY, NULL, 0);
	cat_put_version(d, DBI_DEPEND, &rv, REC_ENTRY, NULL, 0);
}

int
cat_scan_deps(MDB_txn *txn, bool writer, uint8_t dir, const cat_objref *o, cat_depent **out)
{
	keybuf k;
	cat_iter it;
	MDB_val key;
	vhdr h;
	const uint8_t *p;
	size_t n;
	int count = 0, cap = 8;
	cat_depent *res = palloc(sizeof(cat_depent) * (size_t)cap);

	k.n = 0;
	cat_kb_u8(&k, dir);
	cat_kb_u8(&k, o->kind);
	cat_kb_be32(&k, o->oid);
	if (o->subid != 0)
		cat_kb_be16(&k, (uint16_t)o->subid);
	cat_iter_open(&it, txn, DBI_DEPEND, &k, writer);
	it.what = "an object it depends on or that depends on it";
	while (cat_iter_next(&it, &key, &h, &p, &n)) {
		const uint8_t *kp = key.mv_data;

		if (count == cap) {
			cap *= 2;
			res = repalloc(res, sizeof(cat_depent) * (size_t)cap);
		}
		cat_rd_objref(kp + 1, &res[count].self);
		cat_rd_objref(kp + 1 + OBJREF_SIZE, &res[count].other);
		res[count].deptype = (char)kp[1 + 2 * OBJREF_SIZE];
		count++;
	}
	cat_iter_close(&it);
	*out = res;
	return count;
}

void
cat_deps_delete_dependent(cat_ddl *d, uint8_t kind, Oid oid, int16_t subid)
{
	cat_objref me = {kind, oid, subid};
	cat_depent *deps;
	int n = cat_scan_deps(cat_st.wtxn, true, DEP_REVERSE, &me, &deps);

	(void)d;
	for (int i = 0; i < n; i++) {
		keybuf fw, rv;

		dep_keys(&fw, &rv, &deps[i].self, &deps[i].other, deps[i].deptype);
		cat_delete_live(d, DBI_DEPEND, &fw, "a dependency");
		cat_delete_live(d, DBI_DEPEND, &rv, "a dependency");
	}
	pfree(deps);
}

/* The referenced object of a new dependency must be live (and is thereby protected from a
 * concurrent DROP: README section 3). */
static void
check_ref_live(cat_ddl *d, const cat_objref *ref)
{
	cat_ver v;
	uint8_t rk;

	switch (ref->kind) {
	case CAT_OBJ_RELATION:
	case CAT_OBJ_DEFAULT: {
		cat_relation *rel = cat_w_relation(d, ref->oid);

		if (ref->subid != 0) {
			cat_attribute *atts = cat_w_attributes(d, rel);

			if (ref->subid < 0 || ref->subid > rel->natts || atts[ref->subid - 1].dropped)
				ph_error(ERRCODE_UNDEFINED_COLUMN,
				         "column number %d of relation \"%s\" does not exist", ref->subid,
				         rel->name);
		}
		return;
	}
	case CAT_OBJ_DATABASE: rk = REC_DATABASE; break;
	case CAT_OBJ_NAMESPACE: rk = REC_NAMESPACE; break;
	case CAT_OBJ_CONSTRAINT: rk = REC_CONSTRAINT; break;
	case CAT_OBJ_ROLE: rk = REC_ROLE; break;
	case CAT_OBJ_FUNCTION: rk = REC_FUNCTION; break;
	case CAT_OBJ_GENERIC: rk = REC_GENERIC; break;
	default:
		ph_error(ERRCODE_UNDEFINED_OBJECT, "unknown kind %d of a referenced object", ref->kind);
	}
	if (!cat_w_object(d, ref->oid, rk, &v))
		ph_error(ERRCODE_UNDEFINED_OBJECT, "referenced object %u does not exist", ref->oid);
}

/* ---- databases and schemas -------------------------------------------------------------------- */

static void
check_schema_name(const char *name)
{
	check_name(name, "schema");
	if (strncmp(name, "pg_", 3) == 0) {
		ERR_BEGIN(ERRCODE_RESERVED_NAME);
		err_detail("The prefix \"pg_\" is reserved for system schemas.");
		err_throw("unacceptable schema name \"%s\"", name);
	}
}

Oid
cat_do_create_namespace(cat_ddl *d, Oid db, const char *name, Oid owner, Oid oid)
{
	keybuf k, shared_k;
	cat_namespace ns;

	check_name(name, "schema");
	if (db != 0) {
		cat_database dbrec;

		cat_w_load(d, REC_DATABASE, db, &dbrec, true);
		cat_key_name(&shared_k, NC_NAMESPACE, 0, name);
		if (cat_name_live(d, &shared_k, "schema") != InvalidOid)
			ph_error(ERRCODE_DUPLICATE_SCHEMA, "schema \"%s\" already exists", name);
	}
	cat_key_name(&k, NC_NAMESPACE, db, name);
	if (oid == InvalidOid)
		oid = cat_next_oid(d);
	cat_name_insert(d, &k, oid, ERRCODE_DUPLICATE_SCHEMA, "schema", name);
	memset(&ns, 0, sizeof(ns));
	ns.oid = oid;
	ns.db = db;
	strcpy(ns.name, name);
	ns.owner = owner;
	cat_obj_create(d, REC_NAMESPACE, oid, &ns);
	return oid;
}

static Oid
create_namespace(cat_ddl *d, Oid db, const char *name, Oid owner, bool system)
{
	if (!system)
		check_schema_name(name);
	if (db == 0)
		ph_error(ERRCODE_INVALID_CATALOG_NAME, "a schema needs a database");
	return cat_do_create_namespace(d, db, name, owner, InvalidOid);
}

Oid
cat_create_namespace(cat_ddl *d, Oid db, const char *name, Oid owner)
{
	DDL_RETURN_OID(d, create_namespace(d, db, name, owner, false));
}

Oid
cat_create_system_namespace(cat_ddl *d, Oid db, const char *name, Oid owner)
{
	DDL_RETURN_OID(d, create_namespace(d, db, name, owner, true));
}

Oid
cat_do_create_database(cat_ddl *d, const char *name, Oid owner, Oid oid, Oid public_oid)
{
	keybuf k;
	cat_database db;

	check_name(name, "database");
	cat_key_name(&k, NC_DATABASE, 0, name);
	if (oid == InvalidOid)
		oid = cat_next_oid(d);
	cat_name_insert(d, &k, oid, ERRCODE_DUPLICATE_DATABASE, "database", name);
	memset(&db, 0, sizeof(db));
	db.oid = oid;
	strcpy(db.name, name);
	db.owner = owner;
	strcpy(db.encoding, "UTF8");
	strcpy(db.collate, "C");
	strcpy(db.ctype, "C");
	db.allow_conn = true;
	db.conn_limit = -1;
	cat_obj_create(d, REC_DATABASE, oid, &db);
	cat_do_create_namespace(d, oid, "public", owner, public_oid);
	return oid;
}

Oid
cat_create_database(cat_ddl *d, const char *name, Oid owner)
{
	DDL_RETURN_OID(d, cat_do_create_database(d, name, owner, InvalidOid, InvalidOid));
}

void
cat_drop_database(cat_ddl *d, Oid db, cat_drop_list *out)
{
	DDL_GUARD(d, {
		cat_database dbrec;
		keybuf k;
		Oid *ns;
		int nns;
		cat_objref *objs;

		cat_w_load(d, REC_DATABASE, db, &dbrec, true);
		cat_key_name(&k, NC_NAMESPACE, db, NULL);
		nns = cat_name_oids(cat_st.wtxn, &k, true, "a schema of the database", &ns);
		objs = palloc(sizeof(cat_objref) * (size_t)(nns + 1));
		objs[0] = (cat_objref){CAT_OBJ_DATABASE, db, 0};
		for (int i = 0; i < nns; i++)
			objs[i + 1] = (cat_objref){CAT_OBJ_NAMESPACE, ns[i], 0};
		cat_drop_objects(d, objs, nns + 1, CAT_CASCADE, out);
	});
}

/* ---- relations ---------------------------------------------------------------------------------- */

static void
col_to_att(const cat_column_def *c, int16_t attnum, cat_attribute *a)
{
	memset(a, 0, sizeof(*a));
	a->attnum = attnum;
	check_name(c->name, "column");
	strcpy(a->name, c->name);
	if (c->type == InvalidOid)
		ph_error(ERRCODE_INVALID_TABLE_DEFINITION, "column \"%s\" has no type", c->name);
	if (c->default_expr != NULL && c->identity) {
		ERR_BEGIN(ERRCODE_SYNTAX_ERROR);
		err_throw("both default and identity specified for column \"%s\"", c->name);
	}
	if (c->default_expr != NULL && c->generated_expr != NULL) {
		ERR_BEGIN(ERRCODE_SYNTAX_ERROR);
		err_throw("both default and generation expression specified for column \"%s\"", c->name);
	}
	if (c->identity && c->identity != CAT_IDENTITY_ALWAYS && c->identity != CAT_IDENTITY_BY_DEFAULT)
		ph_error(ERRCODE_INVALID_COLUMN_DEFINITION, "unknown identity kind for column \"%s\"",
		         c->name);
	a->type = c->type;
	a->typmod = c->typmod;
	a->not_null = c->not_null || c->identity;
	a->default_expr = c->default_expr;
	a->identity = c->identity;
	a->identity_seq = c->identity_seq;
	a->generated = c->generated_expr ? CAT_GENERATED_STORED : 0;
	a->generated_expr = c->generated_expr;
	a->collation = c->collation;
}

static void
column_deps(cat_ddl *d, Oid rel, int16_t attnum, const cat_column_def *c)
{
	cat_objref def = {CAT_OBJ_DEFAULT, rel, attnum};

	for (int i = 0; i < c->ndefault_refs; i++) {
		check_ref_live(d, &c->default_refs[i]);
		cat_add_dep(d, &def, &c->default_refs[i], CAT_DEP_NORMAL);
	}
	if (c->identity && c->identity_seq != InvalidOid) {
		cat_objref seq = {CAT_OBJ_RELATION, c->identity_seq, 0};
		cat_objref col = {CAT_OBJ_RELATION, rel, attnum};
		cat_relation s;

		if (!cat_w_relation_opt(d, c->identity_seq, &s) || s.kind != CAT_RELKIND_SEQUENCE)
			ph_error(ERRCODE_UNDEFINED_OBJECT, "identity sequence %u does not exist",
			         c->identity_seq);
		cat_add_dep(d, &seq, &col, CAT_DEP_INTERNAL);
	}
}

static int64_t
type_min(Oid t)
{
	return t == INT2OID ? INT16_MIN : t == INT4OID ? INT32_MIN : INT64_MIN;
}

static int64_t
type_max(Oid t)
{
	return t == INT2OID ? INT16_MAX : t == INT4OID ? INT32_MAX : INT64_MAX;
}

static const char *
type_word(Oid t)
{
	return t == INT2OID ? "smallint" : t == INT4OID ? "integer" : "bigint";
}

void
cat_sequence_defaults(Oid type, int64_t increment, cat_sequence *s)
{
	memset(s, 0, sizeof(*s));
	s->type = type ? type : INT8OID;
	s->increment = increment ? increment : 1;
	if (s->increment > 0) {
		s->min = 1;
		s->max = type_max(s->type);
		s->start = s->min;
	} else {
		s->min = type_min(s->type);
		s->max = -1;
		s->start = s->max;
	}
	s->cache = 1;
}

static void
seq_validate(const cat_sequence *s, const char *name)
{
	(void)name;
	if (s->type != INT2OID && s->type != INT4OID && s->type != INT8OID)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
		         "sequence type must be smallint, integer, or bigint");
	if (s->increment == 0)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
	if (s->max > type_max(s->type) || s->max < type_min(s->type))
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
		         "MAXVALUE (%lld) is out of range for sequence data type %s", (long long)s->max,
		         type_word(s->type));
	if (s->min < type_min(s->type) || s->min > type_max(s->type))
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
		         "MINVALUE (%lld) is out of range for sequence data type %s", (long long)s->min,
		         type_word(s->type));
	if (s->min >= s->max)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "MINVALUE (%lld) must be less than MAXVALUE (%lld)",
		         (long long)s->min, (long long)s->max);
	if (s->start < s->min)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
		         "START value (%lld) cannot be less than MINVALUE (%lld)", (long long)s->start,
		         (long long)s->min);
	if (s->start > s->max)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
		         "START value (%lld) cannot be greater than MAXVALUE (%lld)", (long long)s->start,
		         (long long)s->max);
	if (s->cache < 1)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "CACHE (%lld) must be greater than zero",
		         (long long)s->cache);
}

static void
seq_owner_dep(cat_ddl *d, Oid seq, const cat_sequence *s)
{
	cat_objref me = {CAT_OBJ_RELATION, seq, 0};
	cat_objref col = {CAT_OBJ_RELATION, s->owned_rel, s->owned_col};
	cat_relation *t;

	if (s->owned_rel == InvalidOid)
		return;
	t = cat_w_relation(d, s->owned_rel);
	if (t->kind != CAT_RELKIND_TABLE && t->kind != CAT_RELKIND_MATVIEW)
		ph_error(ERRCODE_WRONG_OBJECT_TYPE,
		         "sequence cannot be owned by relation \"%s\": it is not a table", t->name);
	check_ref_live(d, &col);
	cat_add_dep(d, &me, &col, CAT_DEP_AUTO);
}

static Oid
do_create_relation(cat_ddl *d, const cat_relation_def *def)
{
	cat_namespace ns;
	cat_relation rel;
	keybuf k;
	Oid oid;
	char kind = def->kind;

	if (kind != CAT_RELKIND_TABLE && kind != CAT_RELKIND_VIEW && kind != CAT_RELKIND_SEQUENCE &&
	    kind != CAT_RELKIND_MATVIEW)
		ph_error(ERRCODE_INVALID_TABLE_DEFINITION, "cannot create a relation of kind '%c' here",
		         kind ? kind : '?');
	check_name(def->name, "relation");
	cat_w_namespace(d, def->ns, &ns);
	if (def->ncolumns < 0 || def->ncolumns > MAX_COLUMNS)
		ph_error(ERRCODE_TOO_MANY_COLUMNS, "tables can have at most %d columns", MAX_COLUMNS);
	for (int i = 0; i < def->ncolumns; i++)
		for (int j = 0; j < i; j++)
			if (def->columns[i].name && def->columns[j].name &&
			    strcmp(def->columns[i].name, def->columns[j].name) == 0)
				ph_error(ERRCODE_DUPLICATE_COLUMN, "column \"%s\" specified more than once",
				         def->columns[i].name);
	if ((kind == CAT_RELKIND_VIEW || kind == CAT_RELKIND_MATVIEW) &&
	    (def->view_query == NULL || def->view_query[0] == '\0'))
		ph_error(ERRCODE_INVALID_TABLE_DEFINITION, "view \"%s\" has no query", def->name);
	if (kind == CAT_RELKIND_SEQUENCE) {
		if (def->seq == NULL)
			ph_error(ERRCODE_INVALID_TABLE_DEFINITION, "sequence \"%s\" has no definition",
			         def->name);
		seq_validate(def->seq, def->name);
	}
	cat_key_name(&k, NC_RELATION, def->ns, def->name);
	oid = cat_next_oid(d);
	cat_name_insert(d, &k, oid, ERRCODE_DUPLICATE_TABLE, "relation", def->name);

	memset(&rel, 0, sizeof(rel));
	rel.oid = oid;
	rel.db = ns.db;
	rel.ns = def->ns;
	strcpy(rel.name, def->name);
	rel.kind = kind;
	rel.persistence = def->persistence ? def->persistence : 'p';
	rel.owner = def->owner;
	if (kind == CAT_RELKIND_TABLE || kind == CAT_RELKIND_MATVIEW)
		rel.relfilenode = def->relfilenode ? def->relfilenode : cat_next_oid(d);
	rel.natts = (int16_t)def->ncolumns;
	rel.view_query = def->view_query;
	rel.seq = (cat_sequence *)def->seq;
	cat_obj_create(d, REC_RELATION, oid, &rel);

	for (int i = 0; i < def->ncolumns; i++) {
		cat_attribute a;

		col_to_att(&def->columns[i], (int16_t)(i + 1), &a);
		cat_att_put(d, oid, &a, false);
		column_deps(d, oid, (int16_t)(i + 1), &def->columns[i]);
	}
	for (int i = 0; i < def->nrefs; i++) {
		cat_objref me = {CAT_OBJ_RELATION, oid, 0};

		check_ref_live(d, &def->refs[i]);
		cat_add_dep(d, &me, &def->refs[i], CAT_DEP_NORMAL);
	}
	if (kind == CAT_RELKIND_SEQUENCE)
		seq_owner_dep(d, oid, def->seq);
	return oid;
}

Oid
cat_create_relation(cat_ddl *d, const cat_relation_def *def)
{
	DDL_RETURN_OID(d, do_create_relation(d, def));
}

/* ---- indexes ------------------------------------------------------------------------------------- */

static Oid
do_create_index(cat_ddl *d, const cat_index_def *def)
{
	cat_relation *t = cat_w_relation(d, def->table);
	cat_attribute *atts;
	cat_relation rel;
	cat_index ix;
	keybuf k;
	Oid oid;
	int ncols = def->nkeys + def->ninclude, e = 0, nexpr = 0;
	cat_objref me, whole = {CAT_OBJ_RELATION, def->table, 0};

	if (t->kind != CAT_RELKIND_TABLE && t->kind != CAT_RELKIND_MATVIEW)
		ph_error(ERRCODE_WRONG_OBJECT_TYPE, "\"%s\" is not a table or materialized view", t->name);
	check_name(def->name, "index");
	if (def->nkeys < 1 || def->ninclude < 0)
		ph_error(ERRCODE_INVALID_TABLE_DEFINITION, "an index needs at least one key column");
	if (ncols > CAT_MAX_KEYS)
		ph_error(ERRCODE_TOO_MANY_COLUMNS, "cannot use more than %d columns in an index",
		         CAT_MAX_KEYS);
	if (def->am != 0 && def->am != CAT_AM_BTREE && def->am != CAT_AM_HASH)
		ph_error(ERRCODE_UNDEFINED_OBJECT, "access method '%c' does not exist", def->am);
	atts = cat_w_attributes(d, t);
	for (int i = 0; i < ncols; i++) {
		int16_t an = def->keys[i].attnum;

		if (an == 0) {
			if (i >= def->nkeys)
				ph_error(ERRCODE_FEATURE_NOT_SUPPORTED,
				         "expressions are not supported in included columns");
			if (def->keys[i].expr == NULL || def->keys[i].expr[0] == '\0')
				ph_error(ERRCODE_INVALID_TABLE_DEFINITION, "index expression %d is empty", i + 1);
			nexpr++;
		} else if (an < 0 || an > t->natts || atts[an - 1].dropped)
			ph_error(ERRCODE_UNDEFINED_COLUMN,
			         "column number %d of relation \"%s\" does not exist", an, t->name);
	}
	cat_key_name(&k, NC_RELATION, t->ns, def->name);
	oid = cat_next_oid(d);
	cat_name_insert(d, &k, oid, ERRCODE_DUPLICATE_TABLE, "relation", def->name);

	memset(&ix, 0, sizeof(ix));
	ix.table = def->table;
	ix.am = def->am ? def->am : CAT_AM_BTREE;
	ix.unique = def->unique || def->primary;
	ix.primary = def->primary;
	ix.valid = !def->invalid;
	ix.nulls_not_distinct = def->nulls_not_distinct;
	ix.nkeys = (int16_t)def->nkeys;
	ix.ncols = (int16_t)ncols;
	ix.keys = (cat_index_key *)def->keys;
	ix.predicate = def->predicate;
	memset(&rel, 0, sizeof(rel));
	rel.oid = oid;
	rel.db = t->db;
	rel.ns = t->ns;
	strcpy(rel.name, def->name);
	rel.kind = CAT_RELKIND_INDEX;
	rel.persistence = t->persistence;
	rel.owner = def->owner ? def->owner : t->owner;
	rel.relfilenode = def->relfilenode ? def->relfilenode : cat_next_oid(d);
	rel.natts = (int16_t)ncols;
	rel.index = &ix;
	cat_obj_create(d, REC_RELATION, oid, &rel);

	me = (cat_objref){CAT_OBJ_RELATION, oid, 0};
	for (int i = 0; i < ncols; i++) {
		cat_attribute a;
		int16_t an = def->keys[i].attnum;

		memset(&a, 0, sizeof(a));
		a.attnum = (int16_t)(i + 1);
		if (an > 0) {
			cat_objref col = {CAT_OBJ_RELATION, def->table, an};

			strcpy(a.name, atts[an - 1].name);
			a.type = atts[an - 1].type;
			a.typmod = atts[an - 1].typmod;
			a.collation = atts[an - 1].collation;
			cat_add_dep(d, &me, &col, CAT_DEP_AUTO);
		} else {
			if (e == 0)
				strcpy(a.name, "expr");
			else
				snprintf(a.name, sizeof(a.name), "expr%d", e);
			a.type = def->expr_types ? def->expr_types[e] : InvalidOid;
			a.typmod = -1;
			e++;
		}
		cat_att_put(d, oid, &a, false);
	}
	cat_add_dep(d, &me, &whole, CAT_DEP_AUTO);
	return oid;
}

Oid
cat_create_index(cat_ddl *d, const cat_index_def *def)
{
	DDL_RETURN_OID(d, do_create_index(d, def));
}

/* ---- constraints ----------------------------------------------------------------------------- */

static void
check_keys(const cat_relation *t, const cat_attribute *atts, int nkeys, const int16_t *keys)
{
	for (int i = 0; i < nkeys; i++)
		if (keys[i] < 1 || keys[i] > t->natts || atts[keys[i] - 1].dropped)
			ph_error(ERRCODE_UNDEFINED_COLUMN,
			         "column number %d of relation \"%s\" does not exist", keys[i], t->name);
}

/* Does rel have a live primary key constraint? */
static bool
has_primary_key(cat_ddl *d, Oid rel)
{
	keybuf k;
	Oid *oids;
	int n;

	cat_key_name(&k, NC_CONSTRAINT, rel, NULL);
	n = cat_name_oids(cat_st.wtxn, &k, true, "a constraint of the relation", &oids);
	for (int i = 0; i < n; i++) {
		cat_constraint c;

		if (cat_w_load(d, REC_CONSTRAINT, oids[i], &c, false) && c.type == CAT_CON_PRIMARY)
			return true;
	}
	return false;
}

static Oid
do_create_constraint(cat_ddl *d, const cat_constraint_def *def)
{
	cat_relation *t = cat_w_relation(d, def->rel);
	cat_attribute *atts;
	cat_constraint c;
	keybuf k;
	Oid oid;
	cat_objref me, whole = {CAT_OBJ_RELATION, def->rel, 0};
	char ty = def->type;

	if (ty != CAT_CON_PRIMARY && ty != CAT_CON_UNIQUE && ty != CAT_CON_CHECK &&
	    ty != CAT_CON_FOREIGN && ty != CAT_CON_NOTNULL)
		ph_error(ERRCODE_INVALID_TABLE_DEFINITION, "unknown constraint type '%c'", ty ? ty : '?');
	if (t->kind != CAT_RELKIND_TABLE && t->kind != CAT_RELKIND_MATVIEW)
		ph_error(ERRCODE_WRONG_OBJECT_TYPE, "\"%s\" is not a table", t->name);
	check_name(def->name, "constraint");
	atts = cat_w_attributes(d, t);
	if (ty == CAT_CON_CHECK) {
		if (def->check_expr == NULL || def->check_expr[0] == '\0')
			ph_error(ERRCODE_INVALID_TABLE_DEFINITION, "check constraint \"%s\" has no expression",
			         def->name);
	} else {
		if (def->nkeys < 1 || def->nkeys > CAT_MAX_KEYS || (ty == CAT_CON_NOTNULL && def->nkeys != 1))
			ph_error(ERRCODE_INVALID_TABLE_DEFINITION,
			         "constraint \"%s\" has an invalid number of columns (%d)", def->name, def->nkeys);
		check_keys(t, atts, def->nkeys, def->keys);
	}
	if (ty == CAT_CON_PRIMARY && has_primary_key(d, def->rel))
		ph_error(ERRCODE_INVALID_TABLE_DEFINITION,
		         "multiple primary keys for table \"%s\" are not allowed", t->name);
	if (def->index != InvalidOid && (ty == CAT_CON_PRIMARY || ty == CAT_CON_UNIQUE)) {
		cat_relation ix;

		if (!cat_w_relation_opt(d, def->index, &ix) || ix.kind != CAT_RELKIND_INDEX ||
		    ix.index->table != def->rel)
			ph_error(ERRCODE_INVALID_TABLE_DEFINITION, "index %u is not an index of table \"%s\"",
			         def->index, t->name);
	}
	if (ty == CAT_CON_FOREIGN) {
		cat_relation *r = cat_w_relation(d, def->ref_rel);

		if (r->kind != CAT_RELKIND_TABLE)
			ph_error(ERRCODE_WRONG_OBJECT_TYPE, "referenced relation \"%s\" is not a table",
			         r->name);
		if (def->ref_keys == NULL)
			ph_error(ERRCODE_INVALID_FOREIGN_KEY, "foreign key \"%s\" has no referenced columns",
			         def->name);
		check_keys(r, r == t ? atts : cat_w_attributes(d, r), def->nkeys, def->ref_keys);
	}
	cat_key_name(&k, NC_CONSTRAINT, def->rel, def->name);
	if (cat_name_live(d, &k, "constraint") != InvalidOid)
		ph_error(ERRCODE_DUPLICATE_OBJECT, "constraint \"%s\" for relation \"%s\" already exists",
		         def->name, t->name);
	oid = cat_next_oid(d);
	cat_name_insert(d, &k, oid, ERRCODE_DUPLICATE_OBJECT, "constraint", def->name);

	memset(&c, 0, sizeof(c));
	c.oid = oid;
	c.rel = def->rel;
	c.ns = t->ns;
	strcpy(c.name, def->name);
	c.type = ty;
	if (ty != CAT_CON_CHECK) {
		c.nkeys = (int16_t)def->nkeys;
		memcpy(c.keys, def->keys, sizeof(int16_t) * (size_t)def->nkeys);
	}
	c.check_expr = ty == CAT_CON_CHECK ? def->check_expr : NULL;
	c.index = ty == CAT_CON_FOREIGN ? def->ref_index : def->index;
	if (ty == CAT_CON_FOREIGN) {
		c.ref_rel = def->ref_rel;
		memcpy(c.ref_keys, def->ref_keys, sizeof(int16_t) * (size_t)def->nkeys);
		c.on_delete = def->on_delete ? def->on_delete : CAT_FK_NOACTION;
		c.on_update = def->on_update ? def->on_update : CAT_FK_NOACTION;
		c.match = def->match ? def->match : CAT_FK_MATCH_SIMPLE;
	}
	c.deferrable = def->deferrable || def->deferred;
	c.deferred = def->deferred;
	c.validated = !def->not_valid;
	cat_obj_create(d, REC_CONSTRAINT, oid, &c);

	me = (cat_objref){CAT_OBJ_CONSTRAINT, oid, 0};
	cat_add_dep(d, &me, &whole, CAT_DEP_AUTO);
	for (int i = 0; i < c.nkeys; i++) {
		cat_objref col = {CAT_OBJ_RELATION, def->rel, c.keys[i]};

		cat_add_dep(d, &me, &col, CAT_DEP_AUTO);
	}
	if (ty == CAT_CON_FOREIGN) {
		for (int i = 0; i < c.nkeys; i++) {
			cat_objref col = {CAT_OBJ_RELATION, def->ref_rel, c.ref_keys[i]};

			if (def->ref_rel != def->rel)
				cat_add_dep(d, &me, &col, CAT_DEP_NORMAL);
		}
		if (def->ref_index != InvalidOid) {
			cat_objref ix = {CAT_OBJ_RELATION, def->ref_index, 0};

			check_ref_live(d, &ix);
			cat_add_dep(d, &me, &ix, CAT_DEP_NORMAL);
		}
	} else if (def->index != InvalidOid) {
		cat_objref ix = {CAT_OBJ_RELATION, def->index, 0};

		cat_add_dep(d, &ix, &me, CAT_DEP_INTERNAL);
	}
	/* A primary key implies NOT NULL on its columns (as PostgreSQL). */
	if (ty == CAT_CON_PRIMARY || ty == CAT_CON_NOTNULL)
		for (int i = 0; i < c.nkeys; i++) {
			cat_attribute *a = &atts[c.keys[i] - 1];

			if (!a->not_null) {
				a->not_null = true;
				cat_att_put(d, def->rel, a, true);
			}
		}
	cat_rel_replace(d, t);
	return oid;
}

Oid
cat_create_constraint(cat_ddl *d, const cat_constraint_def *def)
{
	DDL_RETURN_OID(d, do_create_constraint(d, def));
}

/* ---- columns ---------------------------------------------------------------------------------- */

static void
check_column_unique(const cat_relation *t, const cat_attribute *atts, const char *name)
{
	for (int i = 0; i < t->natts; i++)
		if (!atts[i].dropped && strcmp(atts[i].name, name) == 0)
			ph_error(ERRCODE_DUPLICATE_COLUMN, "column \"%s\" of relation \"%s\" already exists",
			         name, t->name);
}

int16_t
cat_add_column(cat_ddl *d, Oid rel, const cat_column_def *col)
{
	volatile int16_t attnum = 0;

	DDL_GUARD(d, {
		cat_relation *t = cat_w_relation(d, rel);
		cat_attribute *atts = cat_w_attributes(d, t);
		cat_attribute a;

		if (t->kind == CAT_RELKIND_INDEX || t->kind == CAT_RELKIND_SEQUENCE)
			ph_error(ERRCODE_WRONG_OBJECT_TYPE, "\"%s\" is not a table", t->name);
		check_name(col->name, "column");
		check_column_unique(t, atts, col->name);
		if (t->natts >= MAX_COLUMNS)
			ph_error(ERRCODE_TOO_MANY_COLUMNS, "tables can have at most %d columns", MAX_COLUMNS);
		t->natts++;
		cat_rel_replace(d, t);
		col_to_att(col, t->natts, &a);
		cat_att_put(d, rel, &a, false);
		column_deps(d, rel, t->natts, col);
		attnum = t->natts;
	});
	return attnum;
}

static cat_attribute *
live_column(cat_ddl *d, cat_relation *t, cat_attribute **atts_out, int16_t attnum)
{
	cat_attribute *atts = cat_w_attributes(d, t);

	if (attnum < 1 || attnum > t->natts || atts[attnum - 1].dropped)
		ph_error(ERRCODE_UNDEFINED_COLUMN, "column number %d of relation \"%s\" does not exist",
		         attnum, t->name);
	*atts_out = atts;
	return &atts[attnum - 1];
}

void
cat_alter_column(cat_ddl *d, Oid rel, int16_t attnum, const cat_column_def *col)
{
	DDL_GUARD(d, {
		cat_relation *t = cat_w_relation(d, rel);
		cat_attribute *atts, *old = live_column(d, t, &atts, attnum);
		cat_attribute a;
		cat_column_def c = *col;

		c.name = old->name;
		if (c.type == InvalidOid) {
			c.type = old->type;
			c.typmod = old->typmod;
		}
		col_to_att(&c, attnum, &a);
		if (old->identity_seq != InvalidOid && old->identity_seq != a.identity_seq) {
			keybuf fw, rv;
			cat_objref seq = {CAT_OBJ_RELATION, old->identity_seq, 0};
			cat_objref me = {CAT_OBJ_RELATION, rel, attnum};

			dep_keys(&fw, &rv, &seq, &me, CAT_DEP_INTERNAL);
			cat_delete_live(d, DBI_DEPEND, &fw, "a dependency");
			cat_delete_live(d, DBI_DEPEND, &rv, "a dependency");
		}
		cat_deps_delete_dependent(d, CAT_OBJ_DEFAULT, rel, attnum);
		cat_att_put(d, rel, &a, true);
		column_deps(d, rel, attnum, &c);
		cat_rel_replace(d, t);
	});
}

void
cat_rename_column(cat_ddl *d, Oid rel, int16_t attnum, const char *newname)
{
	DDL_GUARD(d, {
		cat_relation *t = cat_w_relation(d, rel);
		cat_attribute *atts, *a = live_column(d, t, &atts, attnum);

		check_name(newname, "column");
		check_column_unique(t, atts, newname);
		strcpy(a->name, newname);
		cat_att_put(d, rel, a, true);
		cat_rel_replace(d, t);
	});
}

/* ---- renames, owners, small changes ------------------------------------------------------------- */

void
cat_key_function_name(keybuf *k, Oid ns, const char *name, int nargs, const Oid *argtypes)
{
	cat_key_name(k, NC_FUNCTION, ns, name);
	for (int i = 0; i < nargs; i++)
		cat_kb_be32(k, argtypes[i]);
}

/* Move a name entry: insert the new one (uniqueness) then delete the old one. */
static void
move_name(cat_ddl *d, const keybuf *oldk, const keybuf *newk, Oid oid, const char *sqlstate,
          const char *what, const char *newname)
{
	cat_name_insert(d, newk, oid, sqlstate, what, newname);
	cat_name_delete(d, oldk, what);
}

static void
do_rename(cat_ddl *d, const cat_objref *obj, const char *newname)
{
	uint8_t rk = cat_rec_kind(obj->kind);
	cat_anyobj o;
	keybuf ok, nk;
	const char *dup, *word;

	if (rk == 0)
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "objects of kind %d cannot be renamed", obj->kind);
	word = cat_obj_word(rk, &dup);
	if (rk == REC_NAMESPACE)
		check_schema_name(newname);
	else
		check_name(newname, word);
	cat_w_load(d, rk, obj->oid, &o, true);
	if (rk == REC_NAMESPACE && o.ns.db == 0) {
		ERR_BEGIN(ERRCODE_INSUFFICIENT_PRIVILEGE);
		err_detail("System schemas cannot be renamed.");
		err_throw("permission denied to rename schema \"%s\"", o.ns.name);
	}
	cat_obj_name_key(rk, &o, cat_obj_name(rk, &o), &ok);
	cat_obj_name_key(rk, &o, newname, &nk);
	move_name(d, &ok, &nk, obj->oid, dup, word, newname);
	strcpy(cat_obj_name(rk, &o), newname);
	cat_obj_store(d, rk, obj->oid, &o);
}

void
cat_rename(cat_ddl *d, const cat_objref *obj, const char *newname)
{
	DDL_GUARD(d, do_rename(d, obj, newname));
}

/* Indexes of a table (writer view). */
static int
table_indexes(cat_ddl *d, Oid table, Oid **out)
{
	cat_objref me = {CAT_OBJ_RELATION, table, 0};
	cat_depent *deps;
	int n = cat_scan_deps(cat_st.wtxn, true, DEP_FORWARD, &me, &deps), nres = 0;
	Oid *res = palloc(sizeof(Oid) * (size_t)(n + 1));

	for (int i = 0; i < n; i++) {
		cat_relation r;
		bool dup = false;

		for (int j = 0; j < nres; j++)
			dup |= res[j] == deps[i].other.oid;
		if (!dup && deps[i].other.kind == CAT_OBJ_RELATION &&
		    cat_w_relation_opt(d, deps[i].other.oid, &r) && r.kind == CAT_RELKIND_INDEX)
			res[nres++] = deps[i].other.oid;
	}
	*out = res;
	return nres;
}

void
cat_set_namespace(cat_ddl *d, Oid rel, Oid newns)
{
	DDL_GUARD(d, {
		cat_relation *t = cat_w_relation(d, rel);
		cat_namespace ns;
		Oid *ix;
		int nix;
		keybuf ok, nk;

		cat_w_namespace(d, newns, &ns);
		if (t->kind == CAT_RELKIND_INDEX)
			ph_error(ERRCODE_WRONG_OBJECT_TYPE, "cannot move index \"%s\" on its own", t->name);
		if (t->ns != newns) {
			nix = table_indexes(d, rel, &ix);
			for (int i = -1; i < nix; i++) {
				cat_relation *r = i < 0 ? t : cat_w_relation(d, ix[i]);

				cat_key_name(&ok, NC_RELATION, r->ns, r->name);
				cat_key_name(&nk, NC_RELATION, newns, r->name);
				move_name(d, &ok, &nk, r->oid, ERRCODE_DUPLICATE_TABLE, "relation", r->name);
				r->ns = newns;
				r->db = ns.db;
				cat_rel_replace(d, r);
			}
		}
	});
}

void
cat_set_relfilenode(cat_ddl *d, Oid rel, Oid relfilenode)
{
	DDL_GUARD(d, {
		cat_relation *t = cat_w_relation(d, rel);

		if (t->relfilenode == InvalidOid)
			ph_error(ERRCODE_WRONG_OBJECT_TYPE, "relation \"%s\" has no storage", t->name);
		t->relfilenode = relfilenode ? relfilenode : cat_next_oid(d);
		cat_rel_replace(d, t);
	});
}

static void
do_set_owner(cat_ddl *d, const cat_objref *obj, Oid owner)
{
	uint8_t rk = cat_rec_kind(obj->kind);
	cat_anyobj o;

	if (rk == 0 || rk == REC_CONSTRAINT || rk == REC_ROLE)
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "objects of kind %d have no owner", obj->kind);
	cat_w_load(d, rk, obj->oid, &o, true);
	*cat_obj_owner(rk, &o) = owner;
	cat_obj_store(d, rk, obj->oid, &o);
}

void
cat_set_owner(cat_ddl *d, const cat_objref *obj, Oid owner)
{
	DDL_GUARD(d, do_set_owner(d, obj, owner));
}

void
cat_alter_sequence(cat_ddl *d, Oid seq, const cat_sequence *def)
{
	DDL_GUARD(d, {
		cat_relation *t = cat_w_relation(d, seq);
		cat_sequence s = *def;

		if (t->kind != CAT_RELKIND_SEQUENCE)
			ph_error(ERRCODE_WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", t->name);
		seq_validate(&s, t->name);
		if (t->seq->owned_rel != s.owned_rel || t->seq->owned_col != s.owned_col) {
			keybuf fw, rv;
			cat_objref me = {CAT_OBJ_RELATION, seq, 0};
			cat_objref col = {CAT_OBJ_RELATION, t->seq->owned_rel, t->seq->owned_col};

			if (t->seq->owned_rel != InvalidOid) {
				dep_keys(&fw, &rv, &me, &col, CAT_DEP_AUTO);
				cat_delete_live(d, DBI_DEPEND, &fw, "a dependency");
				cat_delete_live(d, DBI_DEPEND, &rv, "a dependency");
			}
			seq_owner_dep(d, seq, &s);
		}
		t->seq = &s;
		cat_rel_replace(d, t);
	});
}

void
cat_set_index_valid(cat_ddl *d, Oid index, bool valid)
{
	DDL_GUARD(d, {
		cat_relation *t = cat_w_relation(d, index);

		if (t->kind != CAT_RELKIND_INDEX)
			ph_error(ERRCODE_WRONG_OBJECT_TYPE, "\"%s\" is not an index", t->name);
		t->index->valid = valid;
		cat_rel_replace(d, t);
	});
}

void
cat_set_constraint_validated(cat_ddl *d, Oid con)
{
	DDL_GUARD(d, {
		cat_constraint c;

		cat_w_load(d, REC_CONSTRAINT, con, &c, true);
		c.validated = true;
		cat_obj_store(d, REC_CONSTRAINT, con, &c);
	});
}

void
cat_add_dependency(cat_ddl *d, const cat_objref *dependent, const cat_objref *referenced,
                   char deptype)
{
	DDL_GUARD(d, {
		check_ref_live(d, dependent);
		check_ref_live(d, referenced);
		cat_add_dep(d, dependent, referenced, deptype);
	});
}

/* ---- roles --------------------------------------------------------------------------------------- */

static void
role_from_def(const cat_role_def *def, cat_role *r)
{
	memset(r, 0, sizeof(*r));
	r->superuser = def->superuser;
	r->login = def->login;
	r->createdb = def->createdb;
	r->createrole = def->createrole;
	r->inherit = def->inherit;
	r->replication = def->replication;
	r->bypassrls = def->bypassrls;
	r->conn_limit = def->conn_limit;
	r->password = def->password;
	r->valid_until = def->valid_until;
}

Oid
cat_do_create_role(cat_ddl *d, const cat_role_def *def, Oid oid)
{
	keybuf k;
	cat_role r;

	check_name(def->name, "role");
	cat_key_name(&k, NC_ROLE, 0, def->name);
	if (oid == InvalidOid)
		oid = cat_next_oid(d);
	cat_name_insert(d, &k, oid, ERRCODE_DUPLICATE_OBJECT, "role", def->name);
	role_from_def(def, &r);
	r.oid = oid;
	strcpy(r.name, def->name);
	cat_obj_create(d, REC_ROLE, oid, &r);
	return oid;
}

Oid
cat_create_role(cat_ddl *d, const cat_role_def *def)
{
	DDL_RETURN_OID(d, cat_do_create_role(d, def, InvalidOid));
}

void
cat_alter_role(cat_ddl *d, Oid role, const cat_role_def *def)
{
	DDL_GUARD(d, {
		cat_role old, r;

		cat_w_load(d, REC_ROLE, role, &old, true);
		role_from_def(def, &r);
		strcpy(r.name, old.name);
		cat_obj_store(d, REC_ROLE, role, &r);
	});
}

/* Owner field of any object record (0 if the kind has none). */
static Oid
record_owner(const uint8_t *p, size_t n)
{
	tlv_r r;

	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r))
		if (r.tag == T_OWNER && r.len == 4)
			return cat_tr_u32(&r);
	return InvalidOid;
}

static const char *
record_name(const uint8_t *p, size_t n, char *buf)
{
	tlv_r r;

	buf[0] = '\0';
	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r))
		if (r.tag == T_NAME) {
			cat_tr_name(&r, buf);
			break;
		}
	return buf;
}

void
cat_drop_role(cat_ddl *d, Oid role)
{
	DDL_GUARD(d, {
		cat_role r;
		keybuf k;
		MDB_cursor *cur;
		MDB_val key, val;
		int rc, nowned = 0;
		char detail[ERR_MSG_MAX] = "";
		size_t dlen = 0;

		cat_w_load(d, REC_ROLE, role, &r, true);
		if (role == CAT_BOOTSTRAP_SUPERUSER_OID)
			ph_error(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST,
			         "cannot drop role %s because it is required by the database system", r.name);
		/* Every object it owns blocks the drop; only owned versions matter for conflicts. */
		cur = cat_cursor_open(cat_st.wtxn, DBI_OBJECT);
		for (rc = mdb_cursor_get(cur, &key, &val, MDB_FIRST); rc == 0;
		     rc = mdb_cursor_get(cur, &key, &val, MDB_NEXT)) {
			vhdr h;
			uint64_t cx = 0;
			const uint8_t *p = (const uint8_t *)val.mv_data + VHDR_SIZE;
			char name[CAT_NAMELEN];

			cat_vhdr_decode(val.mv_data, val.mv_size, &h);
			if (h.kind == REC_ROLE || record_owner(p, h.plen) != role)
				continue;
			switch (cat_writer_state(&h, &cx)) {
			case WS_CONFLICT:
				cat_raise_conflict(cx, "an object owned by the role");
			case WS_LIVE:
				if (nowned++ < 10 && dlen < sizeof(detail) - 80)
					dlen += (size_t)snprintf(detail + dlen, sizeof(detail) - dlen, "%sowner of %s %s",
					                         dlen ? "\n" : "",
					                         h.kind == REC_DATABASE ? "database"
					                         : h.kind == REC_NAMESPACE ? "schema"
					                         : h.kind == REC_RELATION ? "relation"
					                         : h.kind == REC_FUNCTION ? "function" : "object",
					                         record_name(p, h.plen, name));
				break;
			default:
				break;
			}
		}
		cat_cursor_close(cur);
		if (rc != 0 && rc != MDB_NOTFOUND)
			cat_mdb_error(rc, "cursor read");
		if (nowned > 0) {
			ERR_BEGIN(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST);
			if (nowned > 10)
				err_detail("%s\nand %d other objects", detail, nowned - 10);
			else
				err_detail("%s", detail);
			err_throw("role \"%s\" cannot be dropped because some objects depend on it", r.name);
		}
		cat_key_name(&k, NC_ROLE, 0, r.name);
		cat_name_delete(d, &k, "role");
		cat_delete_live(d, DBI_OBJECT, (cat_key_object(&k, role), &k), "role");
	});
}

/* ---- functions and generic objects ------------------------------------------------------------ */

static Oid
do_create_function(cat_ddl *d, const cat_function *def)
{
	cat_namespace ns;
	cat_function f = *def;
	keybuf k;
	Oid oid;

	check_name(def->name, "function");
	cat_w_namespace(d, def->ns, &ns);
	if (def->nargs < 0 || def->nargs > CAT_FUNC_MAX_ARGS)
		ph_error(ERRCODE_TOO_MANY_ARGUMENTS, "functions cannot have more than %d arguments",
		         CAT_FUNC_MAX_ARGS);
	if (def->ndefaults < 0 || def->ndefaults > def->nargs)
		ph_error(ERRCODE_INVALID_FUNCTION_DEFINITION, "function has more defaults than arguments");
	if (def->kind && def->kind != 'f' && def->kind != 'p' && def->kind != 'a' && def->kind != 'w')
		ph_error(ERRCODE_INVALID_FUNCTION_DEFINITION, "unknown function kind '%c'", def->kind);
	cat_key_function_name(&k, def->ns, def->name, def->nargs, def->argtypes);
	if (cat_name_live(d, &k, "function") != InvalidOid)
		ph_error(ERRCODE_DUPLICATE_FUNCTION, "function \"%s\" already exists with same argument types",
		         def->name);
	oid = cat_next_oid(d);
	cat_name_insert(d, &k, oid, ERRCODE_DUPLICATE_FUNCTION, "function", def->name);
	f.oid = oid;
	f.db = ns.db;
	cat_obj_create(d, REC_FUNCTION, oid, &f);
	return oid;
}

Oid
cat_create_function(cat_ddl *d, const cat_function *def)
{
	DDL_RETURN_OID(d, do_create_function(d, def));
}

Oid
cat_create_generic(cat_ddl *d, Oid ns, uint16_t objkind, const char *name, Oid owner,
                   const void *payload, uint32_t len)
{
	volatile Oid oid = InvalidOid;

	DDL_GUARD(d, {
		cat_namespace nsr;
		cat_generic g;
		keybuf k;

		check_name(name, "object");
		cat_w_namespace(d, ns, &nsr);
		cat_key_generic_name(&k, ns, objkind, name);
		oid = cat_next_oid(d);
		cat_name_insert(d, &k, oid, ERRCODE_DUPLICATE_OBJECT, "object", name);
		memset(&g, 0, sizeof(g));
		g.oid = oid;
		g.ns = ns;
		g.db = nsr.db;
		g.owner = owner;
		g.objkind = objkind;
		strcpy(g.name, name);
		g.payload = payload;
		g.len = len;
		cat_obj_create(d, REC_GENERIC, oid, &g);
	});
	return oid;
}

void
cat_update_generic(cat_ddl *d, Oid oid, const void *payload, uint32_t len)
{
	DDL_GUARD(d, {
		cat_generic g;

		cat_w_load(d, REC_GENERIC, oid, &g, true);
		g.payload = payload;
		g.len = len;
		cat_obj_store(d, REC_GENERIC, oid, &g);
	});
}

/* ---- statistics ------------------------------------------------------------------------------------ */

void
cat_set_statistics(cat_ddl *d, Oid rel, int16_t attnum, const cat_stats *st)
{
	DDL_GUARD(d, {
		cat_relation *t = cat_w_relation(d, rel);
		keybuf k;
		tlv_w w;

		if (attnum < 0 || attnum > t->natts)
			ph_error(ERRCODE_UNDEFINED_COLUMN, "column number %d of relation \"%s\" does not exist",
			         attnum, t->name);
		cat_key_statistic(&k, rel, attnum);
		cat_tw_init(&w);
		cat_enc_stats(&w, st);
		if (!cat_replace(d, DBI_STATISTIC, &k, REC_STATISTIC, w.buf, w.len, "statistics"))
			cat_put_version(d, DBI_STATISTIC, &k, REC_STATISTIC, w.buf, w.len);
	});
}
