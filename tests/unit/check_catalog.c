/*
 * check_catalog.c — unit tests for lib/catalog (suite "catalog"): bootstrap, record round
 * trips of every object kind, search_path, MVCC visibility with a model transaction manager,
 * RESTRICT/CASCADE, the catalog version across processes, concurrent DDL from several
 * processes, stale reader slots, vacuum, relfilenodes and sequences.
 */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <fcntl.h>
#include <ftw.h>
#include <lmdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "catalog/cat.h"
#include "catalog/cat_int.h"
#include "shm/shm.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

/* ---- fixture ------------------------------------------------------------------------------------ */

static char dir[64];
static uint64_t next_xid = 100;

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
setup(void)
{
	mem_init();
	cfg_init_defaults();
	settings.fsync = false;
	cat_set_visibility_hook(NULL);
	cat_set_xid_state_hook(NULL);
	strcpy(dir, "/tmp/phcat.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	cat_bootstrap(dir, "admin");
	cat_open(dir);
}

static void
teardown(void)
{
	cat_close();
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Run stmt and require it to raise code. */
#define EXPECT_ERR(code, stmt)                                                   \
	do {                                                                         \
		volatile int raised__ = 0;                                               \
		ERR_TRY();                                                               \
		{ stmt; }                                                                \
		ERR_CATCH();                                                             \
		{                                                                        \
			raised__ = 1;                                                        \
			ck_assert_msg(strcmp(err_last()->sqlstate, code) == 0,               \
			              "expected %s, got %s: %s", code, err_last()->sqlstate, \
			              err_last()->message);                                  \
		}                                                                        \
		ERR_END();                                                               \
		ck_assert_msg(raised__, "expected SQLSTATE %s, nothing raised", code);   \
	} while (0)

static cat_ddl *
begin(void)
{
	return cat_ddl_begin(next_xid++, 0);
}

static cat_column_def
intcol(const char *name)
{
	cat_column_def c;

	memset(&c, 0, sizeof(c));
	c.name = name;
	c.type = INT4OID;
	c.typmod = -1;
	return c;
}

static Oid
create_table_in(cat_ddl *d, Oid ns, const char *name, int ncols)
{
	static const char *names[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
	cat_column_def cols[8];
	cat_relation_def def;

	for (int i = 0; i < ncols; i++)
		cols[i] = intcol(names[i]);
	memset(&def, 0, sizeof(def));
	def.ns = ns;
	def.name = name;
	def.kind = CAT_RELKIND_TABLE;
	def.owner = CAT_BOOTSTRAP_SUPERUSER_OID;
	def.ncolumns = ncols;
	def.columns = cols;
	return cat_create_relation(d, &def);
}

static Oid
make_table(Oid ns, const char *name, int ncols)
{
	cat_ddl *d = begin();
	Oid oid = create_table_in(d, ns, name, ncols);

	cat_ddl_commit(d);
	return oid;
}

static Oid
make_view(const char *name, Oid on)
{
	cat_column_def col = intcol("a");
	cat_objref ref = {CAT_OBJ_RELATION, on, 0};
	cat_relation_def def;
	cat_ddl *d = begin();
	Oid oid;

	memset(&def, 0, sizeof(def));
	def.ns = CAT_PUBLIC_NAMESPACE;
	def.name = name;
	def.kind = CAT_RELKIND_VIEW;
	def.ncolumns = 1;
	def.columns = &col;
	def.view_query = "SELECT a FROM t";
	def.nrefs = 1;
	def.refs = &ref;
	oid = cat_create_relation(d, &def);
	cat_ddl_commit(d);
	return oid;
}

static Oid
make_index(Oid table, const char *name, int16_t attnum, bool unique)
{
	cat_index_key key = {attnum, NULL, false, false};
	cat_index_def def;
	cat_ddl *d = begin();
	Oid oid;

	memset(&def, 0, sizeof(def));
	def.table = table;
	def.name = name;
	def.unique = unique;
	def.nkeys = 1;
	def.keys = &key;
	oid = cat_create_index(d, &def);
	cat_ddl_commit(d);
	return oid;
}

static Oid
make_sequence(const char *name, Oid type, int64_t inc, void (*adjust)(cat_sequence *))
{
	cat_sequence s;
	cat_relation_def def;
	cat_ddl *d = begin();
	Oid oid;

	cat_sequence_defaults(type, inc, &s);
	if (adjust)
		adjust(&s);
	memset(&def, 0, sizeof(def));
	def.ns = CAT_PUBLIC_NAMESPACE;
	def.name = name;
	def.kind = CAT_RELKIND_SEQUENCE;
	def.seq = &s;
	oid = cat_create_relation(d, &def);
	cat_ddl_commit(d);
	return oid;
}

static Oid
rel_oid(const char *name)
{
	return cat_lookup_relation(CAT_PUBLIC_NAMESPACE, name);
}

static Oid
rel_oid_in_batch(int i)
{
	char name[16];

	snprintf(name, sizeof(name), "t%d", i);
	return rel_oid(name);
}

/* ---- bootstrap ---------------------------------------------------------------------------------- */

START_TEST(bootstrap_creates_database_schemas_and_superuser)
{
	Oid *oids;
	const cat_role *r;
	const cat_database *db;
	const cat_namespace *ns;

	ck_assert_uint_eq(cat_lookup_database("phantom"), CAT_PHANTOM_DB_OID);
	ck_assert_uint_eq(cat_lookup_namespace(CAT_PHANTOM_DB_OID, "pg_catalog"),
	                  CAT_PG_CATALOG_NAMESPACE);
	ck_assert_uint_eq(cat_lookup_namespace(CAT_PHANTOM_DB_OID, "public"), CAT_PUBLIC_NAMESPACE);
	ck_assert_uint_eq(cat_lookup_namespace(CAT_PHANTOM_DB_OID, "information_schema"),
	                  CAT_INFORMATION_SCHEMA_NAMESPACE);
	ck_assert_uint_eq(cat_lookup_role("admin"), CAT_BOOTSTRAP_SUPERUSER_OID);
	r = cat_get_role(CAT_BOOTSTRAP_SUPERUSER_OID);
	ck_assert(r->superuser && r->login && r->createdb && r->createrole);
	ck_assert_ptr_null(r->password);
	db = cat_get_database(CAT_PHANTOM_DB_OID);
	ck_assert_str_eq(db->name, "phantom");
	ck_assert_str_eq(db->encoding, "UTF8");
	ck_assert(db->allow_conn);
	ck_assert_uint_eq(db->owner, CAT_BOOTSTRAP_SUPERUSER_OID);
	ns = cat_get_namespace(CAT_PG_CATALOG_NAMESPACE);
	ck_assert_uint_eq(ns->db, 0);
	ck_assert_int_eq(cat_list_databases(&oids), 1);
	ck_assert_int_eq(cat_list_namespaces(CAT_PHANTOM_DB_OID, &oids), 3);
	ck_assert_int_eq(cat_list_roles(&oids), 1);
	ck_assert_int_eq(cat_list_relations(CAT_PUBLIC_NAMESPACE, &oids), 0);
	ck_assert_uint_ge(cat_alloc_oid(), CAT_FIRST_USER_OID);
}
END_TEST

START_TEST(bootstrap_refuses_an_existing_catalog_and_bad_input)
{
	char other[64];

	cat_close();
	EXPECT_ERR("55000", cat_bootstrap(dir, "someone"));
	EXPECT_ERR("58P01", cat_bootstrap("/nonexistent/phantom", "admin"));
	strcpy(other, "/tmp/phcat2.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(other));
	EXPECT_ERR("42622", cat_bootstrap(other, "a_superuser_name_that_is_much_longer_than_sixty_three_bytes_total"));
	EXPECT_ERR("58P01", cat_open(other));
	nftw(other, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	cat_open(dir);
	ck_assert(cat_is_open());
	ck_assert_str_eq(cat_datadir(), dir);
}
END_TEST

START_TEST(phantomctl_init_creates_the_catalog)
{
	const char *top = getenv("top_builddir");
	char other[64], cmd[512];

	cat_close();
	strcpy(other, "/tmp/phcat3.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(other));
	snprintf(cmd, sizeof(cmd), "%s/phantomctl init -D %s/data --superuser carol >/dev/null",
	         top ? top : ".", other);
	ck_assert_int_eq(system(cmd), 0);
	snprintf(cmd, sizeof(cmd), "%s/data", other);
	cat_open(cmd);
	ck_assert_uint_eq(cat_lookup_role("carol"), CAT_BOOTSTRAP_SUPERUSER_OID);
	ck_assert_uint_eq(cat_lookup_database("phantom"), CAT_PHANTOM_DB_OID);
	ck_assert_uint_eq(cat_lookup_namespace(CAT_PHANTOM_DB_OID, "public"), CAT_PUBLIC_NAMESPACE);
	cat_close();
	nftw(other, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	cat_open(dir);
}
END_TEST

/* Write a raw value into a sub-database, bypassing the catalog (corruption tests). */
static void
raw_put(const char *dbname, const void *key, size_t klen, const void *val, size_t vlen)
{
	char path[128];
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {klen, (void *)key}, v = {vlen, (void *)val};

	snprintf(path, sizeof(path), "%s/catalog", dir);
	ck_assert_int_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 8);
	mdb_env_set_mapsize(env, (size_t)8 << 30);
	ck_assert_int_eq(mdb_env_open(env, path, MDB_NOTLS, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, dbname, 0, &dbi), 0);
	ck_assert_int_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	ck_assert_int_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

START_TEST(open_refuses_an_unknown_format)
{
	uint8_t f[4] = {99, 0, 0, 0};

	cat_close();
	raw_put("meta", "format", 6, f, 4);
	EXPECT_ERR("XX001", cat_open(dir));
	f[0] = 1;
	raw_put("meta", "format", 6, f, 4);
	cat_open(dir);
}
END_TEST

START_TEST(corrupted_records_raise_data_corrupted)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 1);
	uint8_t key[16], val[48];

	/* object t: a value with a wrong format byte, then one with a field running past the end */
	cat_close();
	key[0] = (uint8_t)(t >> 24);
	key[1] = (uint8_t)(t >> 16);
	key[2] = (uint8_t)(t >> 8);
	key[3] = (uint8_t)t;
	memset(key + 4, 0, 12);
	key[11] = 1;                       /* xmin = 1 (bootstrap: always visible) */
	memset(val, 0, sizeof(val));
	val[0] = 7;
	raw_put("object", key, 16, val, 40);
	cat_open(dir);
	EXPECT_ERR("XX001", cat_get_relation(t));
	cat_close();
	val[0] = 1;
	val[1] = 'r';
	val[28] = 8;                       /* payload length */
	val[32] = 1;                       /* tag 1 ... */
	val[33] = 100;                     /* ... claims 100 bytes */
	raw_put("object", key, 16, val, 40);
	cat_open(dir);
	EXPECT_ERR("XX001", cat_get_relation(t));
	cat_close();
	val[28] = 9;                       /* header disagrees with the value length */
	raw_put("object", key, 16, val, 40);
	cat_open(dir);
	EXPECT_ERR("XX001", cat_get_relation(t));
}
END_TEST

/* ---- record round trips ---------------------------------------------------------------------- */

START_TEST(table_round_trip_keeps_every_column_property)
{
	Oid seq = make_sequence("t_id_seq", INT8OID, 1, NULL);
	cat_column_def cols[4];
	cat_relation_def def;
	cat_ddl *d;
	Oid t;
	const cat_relation *rel;
	const cat_attribute *a;

	memset(cols, 0, sizeof(cols));
	cols[0] = (cat_column_def){.name = "id", .type = INT8OID, .typmod = -1,
	                           .identity = CAT_IDENTITY_ALWAYS, .identity_seq = seq};
	cols[1] = (cat_column_def){.name = "name", .type = VARCHAROID, .typmod = 44, .not_null = true,
	                           .default_expr = "'x'::character varying", .collation = 100};
	cols[2] = (cat_column_def){.name = "price", .type = NUMERICOID,
	                           .typmod = ((10 << 16) | 2) + 4};
	cols[3] = (cat_column_def){.name = "total", .type = NUMERICOID, .typmod = -1,
	                           .generated_expr = "(price * 2)"};
	memset(&def, 0, sizeof(def));
	def.ns = CAT_PUBLIC_NAMESPACE;
	def.name = "items";
	def.kind = CAT_RELKIND_TABLE;
	def.owner = CAT_BOOTSTRAP_SUPERUSER_OID;
	def.ncolumns = 4;
	def.columns = cols;
	d = begin();
	t = cat_create_relation(d, &def);
	cat_ddl_commit(d);

	ck_assert_uint_eq(rel_oid("items"), t);
	rel = cat_get_relation(t);
	ck_assert_str_eq(rel->name, "items");
	ck_assert_int_eq(rel->kind, CAT_RELKIND_TABLE);
	ck_assert_int_eq(rel->persistence, 'p');
	ck_assert_uint_eq(rel->db, CAT_PHANTOM_DB_OID);
	ck_assert_uint_eq(rel->ns, CAT_PUBLIC_NAMESPACE);
	ck_assert_uint_ne(rel->relfilenode, 0);
	ck_assert_uint_ne(rel->relfilenode, t);
	ck_assert_int_eq(rel->natts, 4);
	ck_assert_int_eq(rel->atts[0].identity, CAT_IDENTITY_ALWAYS);
	ck_assert_uint_eq(rel->atts[0].identity_seq, seq);
	ck_assert(rel->atts[0].not_null);        /* identity implies NOT NULL */
	a = cat_relation_attribute(rel, "name");
	ck_assert_int_eq(a->attnum, 2);
	ck_assert_uint_eq(a->type, VARCHAROID);
	ck_assert_int_eq(a->typmod, 44);
	ck_assert(a->not_null);
	ck_assert_str_eq(a->default_expr, "'x'::character varying");
	ck_assert_uint_eq(a->collation, 100);
	ck_assert_int_eq(rel->atts[2].typmod, ((10 << 16) | 2) + 4);
	ck_assert_ptr_null(rel->atts[2].default_expr);
	ck_assert_int_eq(rel->atts[3].generated, CAT_GENERATED_STORED);
	ck_assert_str_eq(rel->atts[3].generated_expr, "(price * 2)");
	ck_assert_ptr_null(cat_relation_attribute(rel, "nope"));
	ck_assert_int_eq(cat_object_kind(t), CAT_OBJ_RELATION);
	ck_assert_int_eq(cat_object_kind(CAT_PUBLIC_NAMESPACE), CAT_OBJ_NAMESPACE);
	ck_assert_int_eq(cat_object_kind(999999), CAT_OBJ_NONE);
	ck_assert_ptr_null(cat_get_namespace(t));        /* wrong kind */
	ck_assert_ptr_null(cat_get_relation(999999));
	/* the identity sequence cannot be dropped on its own */
	d = begin();
	EXPECT_ERR("2BP01", cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, seq, 0}, CAT_CASCADE, NULL));
}
END_TEST

START_TEST(index_round_trip_with_expressions_include_and_predicate)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 3);
	cat_index_key keys[3] = {{2, NULL, true, true}, {0, "lower(c)", false, false},
	                         {1, NULL, false, false}};
	Oid types[1] = {TEXTOID};
	cat_index_def def;
	cat_ddl *d = begin();
	Oid ix, ix2;
	const cat_relation *rel, *irel;

	memset(&def, 0, sizeof(def));
	def.table = t;
	def.name = "t_b_expr";
	def.am = CAT_AM_BTREE;
	def.unique = true;
	def.nulls_not_distinct = true;
	def.nkeys = 2;
	def.ninclude = 1;
	def.keys = keys;
	def.expr_types = types;
	def.predicate = "(a > 0)";
	ix = cat_create_index(d, &def);
	cat_ddl_commit(d);
	ix2 = make_index(t, "t_a_idx", 1, false);

	rel = cat_get_relation(t);
	ck_assert_int_eq(rel->nindexes, 2);
	ck_assert_uint_eq(rel->indexes[0].oid, ix);
	ck_assert_uint_eq(rel->indexes[1].oid, ix2);
	ck_assert_str_eq(rel->indexes[0].name, "t_b_expr");
	ck_assert(rel->indexes[0].unique && !rel->indexes[0].primary && rel->indexes[0].valid);
	ck_assert(rel->indexes[0].nulls_not_distinct);
	ck_assert_int_eq(rel->indexes[0].nkeys, 2);
	ck_assert_int_eq(rel->indexes[0].ncols, 3);
	ck_assert_int_eq(rel->indexes[0].keys[0].attnum, 2);
	ck_assert(rel->indexes[0].keys[0].desc && rel->indexes[0].keys[0].nulls_first);
	ck_assert_int_eq(rel->indexes[0].keys[1].attnum, 0);
	ck_assert_str_eq(rel->indexes[0].keys[1].expr, "lower(c)");
	ck_assert_str_eq(rel->indexes[0].predicate, "(a > 0)");
	ck_assert_int_eq(rel->indexes[1].am, CAT_AM_BTREE);

	irel = cat_get_relation(ix);
	ck_assert_int_eq(irel->kind, CAT_RELKIND_INDEX);
	ck_assert_uint_eq(irel->index->table, t);
	ck_assert_int_eq(irel->natts, 3);
	ck_assert_str_eq(irel->atts[0].name, "b");
	ck_assert_str_eq(irel->atts[1].name, "expr");
	ck_assert_uint_eq(irel->atts[1].type, TEXTOID);
	ck_assert_uint_eq(irel->relfilenode, rel->indexes[0].relfilenode);
	ck_assert_uint_eq(rel_oid("t_b_expr"), ix);

	d = begin();
	cat_set_index_valid(d, ix, false);
	cat_ddl_commit(d);
	ck_assert(!cat_get_relation(t)->indexes[0].valid);

	/* bad definitions */
	d = begin();
	def.name = "bad";
	keys[0].attnum = 9;
	EXPECT_ERR("42703", cat_create_index(d, &def));
	d = begin();
	keys[0].attnum = 1;
	def.nkeys = 1;
	def.ninclude = 2;                        /* the expression would be an INCLUDE column */
	EXPECT_ERR("0A000", cat_create_index(d, &def));
	d = begin();
	def.ninclude = 0;
	def.name = "t_a_idx";
	EXPECT_ERR("42P07", cat_create_index(d, &def));
	d = begin();
	def.name = "ok";
	def.am = 'z';
	EXPECT_ERR("42704", cat_create_index(d, &def));
	d = begin();
	def.table = ix;
	EXPECT_ERR("42809", cat_create_index(d, &def));
}
END_TEST

START_TEST(constraints_round_trip_for_every_type)
{
	Oid parent = make_table(CAT_PUBLIC_NAMESPACE, "parent", 2);
	Oid child = make_table(CAT_PUBLIC_NAMESPACE, "child", 3);
	Oid pk_ix = make_index(parent, "parent_pkey", 1, true);
	int16_t k1[1] = {1}, k2[1] = {2}, k3[1] = {3};
	cat_constraint_def pk = {.rel = parent, .name = "parent_pkey", .type = CAT_CON_PRIMARY,
	                         .nkeys = 1, .keys = k1, .index = pk_ix};
	cat_constraint_def ck = {.rel = child, .name = "child_c_check", .type = CAT_CON_CHECK,
	                         .check_expr = "(c > 0)", .not_valid = true};
	cat_constraint_def fk = {.rel = child, .name = "child_b_fkey", .type = CAT_CON_FOREIGN,
	                         .nkeys = 1, .keys = k2, .ref_rel = parent, .ref_keys = k1,
	                         .ref_index = pk_ix, .on_delete = CAT_FK_CASCADE,
	                         .on_update = CAT_FK_SETNULL, .match = CAT_FK_MATCH_FULL,
	                         .deferrable = true, .deferred = true};
	cat_constraint_def uq = {.rel = child, .name = "child_c_key", .type = CAT_CON_UNIQUE,
	                         .nkeys = 1, .keys = k3};
	cat_constraint_def nn = {.rel = child, .name = "child_a_not_null", .type = CAT_CON_NOTNULL,
	                         .nkeys = 1, .keys = k1};
	cat_ddl *d = begin();
	Oid pko, cko, fko;
	const cat_relation *prel, *crel;
	const cat_constraint *c;

	pko = cat_create_constraint(d, &pk);
	cko = cat_create_constraint(d, &ck);
	fko = cat_create_constraint(d, &fk);
	cat_create_constraint(d, &uq);
	cat_create_constraint(d, &nn);
	cat_ddl_commit(d);

	prel = cat_get_relation(parent);
	ck_assert_int_eq(prel->nconstraints, 1);
	ck_assert_int_eq(prel->constraints[0].type, CAT_CON_PRIMARY);
	ck_assert_uint_eq(prel->constraints[0].index, pk_ix);
	ck_assert(prel->atts[0].not_null);       /* primary key implies NOT NULL */
	ck_assert(!prel->atts[1].not_null);
	crel = cat_get_relation(child);
	ck_assert_int_eq(crel->nconstraints, 4);
	/* by name: child_a_not_null, child_b_fkey, child_c_check, child_c_key */
	ck_assert_str_eq(crel->constraints[0].name, "child_a_not_null");
	ck_assert(crel->atts[0].not_null);
	c = &crel->constraints[1];
	ck_assert_uint_eq(c->oid, fko);
	ck_assert_int_eq(c->type, CAT_CON_FOREIGN);
	ck_assert_uint_eq(c->ref_rel, parent);
	ck_assert_int_eq(c->keys[0], 2);
	ck_assert_int_eq(c->ref_keys[0], 1);
	ck_assert_int_eq(c->on_delete, CAT_FK_CASCADE);
	ck_assert_int_eq(c->on_update, CAT_FK_SETNULL);
	ck_assert_int_eq(c->match, CAT_FK_MATCH_FULL);
	ck_assert(c->deferrable && c->deferred && c->validated);
	ck_assert_uint_eq(c->index, pk_ix);
	c = &crel->constraints[2];
	ck_assert_str_eq(c->check_expr, "(c > 0)");
	ck_assert(!c->validated);
	ck_assert_uint_eq(cat_lookup_constraint(child, "child_c_check"), cko);
	ck_assert_uint_eq(cat_get_constraint(pko)->rel, parent);

	d = begin();
	cat_set_constraint_validated(d, cko);
	cat_ddl_commit(d);
	ck_assert(cat_get_constraint(cko)->validated);

	d = begin();
	EXPECT_ERR("42710", cat_create_constraint(d, &ck));
	d = begin();
	pk.name = "another_pkey";
	EXPECT_ERR("42P16", cat_create_constraint(d, &pk));
	d = begin();
	k3[0] = 7;
	EXPECT_ERR("42703", cat_create_constraint(d, &uq));
	d = begin();
	ck.check_expr = NULL;
	ck.name = "x";
	EXPECT_ERR("42P16", cat_create_constraint(d, &ck));
	d = begin();
	uq.index = child;
	uq.name = "y";
	k3[0] = 3;
	EXPECT_ERR("42P16", cat_create_constraint(d, &uq));
}
END_TEST

START_TEST(view_matview_and_sequence_round_trip)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 1);
	Oid v = make_view("v", t);
	cat_relation_def def;
	cat_column_def col = intcol("a");
	cat_sequence s;
	cat_ddl *d;
	Oid m, sq;
	const cat_relation *r;

	r = cat_get_relation(v);
	ck_assert_int_eq(r->kind, CAT_RELKIND_VIEW);
	ck_assert_str_eq(r->view_query, "SELECT a FROM t");
	ck_assert_uint_eq(r->relfilenode, 0);
	ck_assert_str_eq(r->atts[0].name, "a");

	memset(&def, 0, sizeof(def));
	def.ns = CAT_PUBLIC_NAMESPACE;
	def.name = "m";
	def.kind = CAT_RELKIND_MATVIEW;
	def.ncolumns = 1;
	def.columns = &col;
	def.view_query = "SELECT a FROM t";
	d = begin();
	m = cat_create_relation(d, &def);
	cat_ddl_commit(d);
	r = cat_get_relation(m);
	ck_assert_int_eq(r->kind, CAT_RELKIND_MATVIEW);
	ck_assert_uint_ne(r->relfilenode, 0);

	cat_sequence_defaults(INT4OID, -2, &s);
	ck_assert_int_eq(s.max, -1);
	ck_assert_int_eq(s.min, INT32_MIN);
	ck_assert_int_eq(s.start, -1);
	s.cache = 20;
	s.cycle = true;
	s.owned_rel = t;
	s.owned_col = 1;
	memset(&def, 0, sizeof(def));
	def.ns = CAT_PUBLIC_NAMESPACE;
	def.name = "sq";
	def.kind = CAT_RELKIND_SEQUENCE;
	def.seq = &s;
	d = begin();
	sq = cat_create_relation(d, &def);
	cat_ddl_commit(d);
	r = cat_get_relation(sq);
	ck_assert_int_eq(r->kind, CAT_RELKIND_SEQUENCE);
	ck_assert_uint_eq(r->seq->type, INT4OID);
	ck_assert_int_eq(r->seq->increment, -2);
	ck_assert_int_eq(r->seq->cache, 20);
	ck_assert(r->seq->cycle);
	ck_assert_uint_eq(r->seq->owned_rel, t);
	ck_assert_int_eq(r->seq->owned_col, 1);

	s.increment = 5;
	s.max = 1000;
	s.min = 1;
	s.start = 1;
	s.owned_rel = 0;
	d = begin();
	cat_alter_sequence(d, sq, &s);
	cat_ddl_commit(d);
	ck_assert_int_eq(cat_get_relation(sq)->seq->increment, 5);
	ck_assert_uint_eq(cat_get_relation(sq)->seq->owned_rel, 0);

	/* validation, as PostgreSQL */
	d = begin();
	s.increment = 0;
	EXPECT_ERR("22023", cat_alter_sequence(d, sq, &s));
	d = begin();
	s.increment = 1;
	s.min = 10;
	s.max = 5;
	EXPECT_ERR("22023", cat_alter_sequence(d, sq, &s));
	d = begin();
	s.min = 1;
	s.max = 100000;
	s.type = INT2OID;
	EXPECT_ERR("22023", cat_alter_sequence(d, sq, &s));
	d = begin();
	s.type = INT8OID;
	s.start = 0;
	EXPECT_ERR("22023", cat_alter_sequence(d, sq, &s));
	d = begin();
	s.start = 1;
	s.cache = 0;
	EXPECT_ERR("22023", cat_alter_sequence(d, sq, &s));
	d = begin();
	EXPECT_ERR("42809", cat_alter_sequence(d, t, &s));
	d = begin();
	def.name = "noquery";
	def.kind = CAT_RELKIND_VIEW;
	EXPECT_ERR("42P16", cat_create_relation(d, &def));
	d = begin();
	def.kind = CAT_RELKIND_SEQUENCE;
	def.seq = NULL;
	EXPECT_ERR("42P16", cat_create_relation(d, &def));
	d = begin();
	def.kind = CAT_RELKIND_INDEX;
	EXPECT_ERR("42P16", cat_create_relation(d, &def));
}
END_TEST

START_TEST(roles_functions_generics_and_statistics_round_trip)
{
	cat_role_def rd = {.name = "alice", .login = true, .createdb = true, .conn_limit = 5,
	                   .password = "SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy",
	                   .valid_until = 123456789};
	Oid argt[2] = {INT4OID, TEXTOID};
	const char *argn[2] = {"x", ""};
	const char *defs[1] = {"'hello'"};
	cat_function f = {.ns = CAT_PUBLIC_NAMESPACE, .owner = 10, .kind = 'f', .nargs = 2,
	                  .argtypes = argt, .argmodes = "ii", .argnames = argn, .ndefaults = 1,
	                  .argdefaults = defs, .rettype = INT4OID, .retset = true,
	                  .body = "SELECT $1", .volatility = CAT_STABLE, .strict = true};
	cat_stats st = {0}, *got;
	const char *mcv[2] = {"1", "2"};
	double freqs[2] = {0.5, 0.25};
	const char *hist[3] = {"3", "50", "99"};
	cat_ddl *d = begin();
	Oid role, fn, fn2, g, t, *oids;
	const cat_role *r;
	const cat_function *fr;
	const cat_generic *gr;

	strcpy(f.name, "add");
	strcpy(f.language, "sql");
	role = cat_create_role(d, &rd);
	fn = cat_create_function(d, &f);
	f.nargs = 1;
	f.ndefaults = 0;
	f.argnames = NULL;
	f.argmodes = NULL;
	fn2 = cat_create_function(d, &f);
	g = cat_create_generic(d, CAT_PUBLIC_NAMESPACE, 7, "orders_schema", 10, "{\"x\":1}", 7);
	t = create_table_in(d, CAT_PUBLIC_NAMESPACE, "t", 2);
	st.reltuples = 1000;
	st.relpages = 10;
	cat_set_statistics(d, t, 0, &st);
	memset(&st, 0, sizeof(st));
	st.null_frac = 0.1;
	st.n_distinct = -0.5;
	st.avg_width = 4;
	st.correlation = 0.9;
	st.nmcv = 2;
	st.mcv_values = mcv;
	st.mcv_freqs = freqs;
	st.nhist = 3;
	st.hist_bounds = hist;
	st.analyzed_at = 42;
	cat_set_statistics(d, t, 1, &st);
	cat_ddl_commit(d);

	r = cat_get_role(role);
	ck_assert_str_eq(r->name, "alice");
	ck_assert(r->login && r->createdb && !r->superuser && !r->createrole);
	ck_assert_int_eq(r->conn_limit, 5);
	ck_assert_str_eq(r->password, "SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy");
	ck_assert_int_eq(r->valid_until, 123456789);
	ck_assert_uint_eq(cat_lookup_role("alice"), role);

	fr = cat_get_function(fn);
	ck_assert_str_eq(fr->name, "add");
	ck_assert_int_eq(fr->nargs, 2);
	ck_assert_uint_eq(fr->argtypes[1], TEXTOID);
	ck_assert_str_eq(fr->argmodes, "ii");
	ck_assert_str_eq(fr->argnames[0], "x");
	ck_assert_str_eq(fr->argnames[1], "");
	ck_assert_int_eq(fr->ndefaults, 1);
	ck_assert_str_eq(fr->argdefaults[0], "'hello'");
	ck_assert_uint_eq(fr->rettype, INT4OID);
	ck_assert(fr->retset && fr->strict);
	ck_assert_str_eq(fr->language, "sql");
	ck_assert_str_eq(fr->body, "SELECT $1");
	ck_assert_int_eq(fr->volatility, CAT_STABLE);
	ck_assert_uint_eq(fr->db, CAT_PHANTOM_DB_OID);
	ck_assert_uint_eq(cat_lookup_function(CAT_PUBLIC_NAMESPACE, "add", 2, argt), fn);
	ck_assert_uint_eq(cat_lookup_function(CAT_PUBLIC_NAMESPACE, "add", 1, argt), fn2);
	ck_assert_uint_eq(cat_lookup_function(CAT_PUBLIC_NAMESPACE, "add", 0, argt), 0);
	ck_assert_int_eq(cat_lookup_functions(CAT_PUBLIC_NAMESPACE, "add", &oids), 2);
	ck_assert_int_eq(cat_lookup_functions(CAT_PUBLIC_NAMESPACE, "ad", &oids), 0);
	ck_assert_int_eq(cat_list_functions(CAT_PUBLIC_NAMESPACE, &oids), 2);
	ck_assert_int_eq(cat_object_kind(fn), CAT_OBJ_FUNCTION);

	gr = cat_get_generic(g);
	ck_assert_int_eq(gr->objkind, 7);
	ck_assert_int_eq(gr->len, 7);
	ck_assert_int_eq(memcmp(gr->payload, "{\"x\":1}", 7), 0);
	ck_assert_uint_eq(cat_lookup_generic(CAT_PUBLIC_NAMESPACE, 7, "orders_schema"), g);
	ck_assert_uint_eq(cat_lookup_generic(CAT_PUBLIC_NAMESPACE, 8, "orders_schema"), 0);
	ck_assert_int_eq(cat_list_generics(CAT_PUBLIC_NAMESPACE, 7, &oids), 1);

	got = cat_get_statistics(t, 0);
	ck_assert(got->reltuples == 1000 && got->relpages == 10);
	got = cat_get_statistics(t, 1);
	ck_assert(got->null_frac == 0.1 && got->n_distinct == -0.5 && got->correlation == 0.9);
	ck_assert_int_eq(got->avg_width, 4);
	ck_assert_int_eq(got->nmcv, 2);
	ck_assert_str_eq(got->mcv_values[1], "2");
	ck_assert(got->mcv_freqs[0] == 0.5 && got->mcv_freqs[1] == 0.25);
	ck_assert_int_eq(got->nhist, 3);
	ck_assert_str_eq(got->hist_bounds[2], "99");
	ck_assert_int_eq(got->analyzed_at, 42);
	ck_assert_ptr_null(cat_get_statistics(t, 2));

	/* replace statistics, update and rename things, alter the role */
	d = begin();
	st.nmcv = 0;
	st.null_frac = 0.2;
	cat_set_statistics(d, t, 1, &st);
	cat_update_generic(d, g, "{}", 2);
	cat_rename(d, &(cat_objref){CAT_OBJ_GENERIC, g, 0}, "orders2");
	cat_rename(d, &(cat_objref){CAT_OBJ_FUNCTION, fn, 0}, "plus");
	cat_rename(d, &(cat_objref){CAT_OBJ_ROLE, role, 0}, "bob");
	rd.superuser = true;
	rd.password = NULL;
	cat_alter_role(d, role, &rd);
	cat_set_owner(d, &(cat_objref){CAT_OBJ_FUNCTION, fn, 0}, role);
	cat_set_owner(d, &(cat_objref){CAT_OBJ_GENERIC, g, 0}, role);
	cat_ddl_commit(d);
	got = cat_get_statistics(t, 1);
	ck_assert(got->null_frac == 0.2);
	ck_assert_int_eq(got->nmcv, 0);
	ck_assert_int_eq(cat_get_generic(g)->len, 2);
	ck_assert_str_eq(cat_get_generic(g)->name, "orders2");
	ck_assert_uint_eq(cat_get_generic(g)->owner, role);
	ck_assert_uint_eq(cat_lookup_generic(CAT_PUBLIC_NAMESPACE, 7, "orders_schema"), 0);
	ck_assert_uint_eq(cat_lookup_function(CAT_PUBLIC_NAMESPACE, "plus", 2, argt), fn);
	ck_assert_uint_eq(cat_get_function(fn)->owner, role);
	ck_assert_uint_eq(cat_lookup_role("alice"), 0);
	ck_assert_str_eq(cat_get_role(role)->name, "bob");
	ck_assert(cat_get_role(role)->superuser);
	ck_assert_ptr_null(cat_get_role(role)->password);

	/* errors */
	d = begin();
	EXPECT_ERR("42710", cat_create_role(d, &(cat_role_def){.name = "bob"}));
	d = begin();
	f.nargs = 1;
	strcpy(f.name, "add");
	EXPECT_ERR("42723", cat_create_function(d, &f));
	d = begin();
	f.nargs = 101;
	EXPECT_ERR("54023", cat_create_function(d, &f));
	d = begin();
	EXPECT_ERR("42710", cat_create_generic(d, CAT_PUBLIC_NAMESPACE, 7, "orders2", 10, "", 0));
	d = begin();
	EXPECT_ERR("42703", cat_set_statistics(d, t, 5, &st));
	d = begin();
	EXPECT_ERR("42704", cat_alter_role(d, 999999, &rd));
	d = begin();
	EXPECT_ERR("0A000", cat_set_owner(d, &(cat_objref){CAT_OBJ_ROLE, role, 0}, role));
}
END_TEST

START_TEST(databases_and_schemas_with_their_errors)
{
	cat_ddl *d = begin();
	Oid db, s, pub2, *oids;
	int n;

	db = cat_create_database(d, "shop", 10);
	s = cat_create_namespace(d, db, "sales", 10);
	cat_ddl_commit(d);
	ck_assert_uint_eq(cat_lookup_database("shop"), db);
	pub2 = cat_lookup_namespace(db, "public");
	ck_assert_uint_ne(pub2, 0);
	ck_assert_uint_ne(pub2, CAT_PUBLIC_NAMESPACE);
	ck_assert_uint_eq(cat_lookup_namespace(db, "pg_catalog"), CAT_PG_CATALOG_NAMESPACE);
	ck_assert_uint_eq(cat_lookup_namespace(db, "sales"), s);
	ck_assert_uint_eq(cat_lookup_namespace(CAT_PHANTOM_DB_OID, "sales"), 0);
	ck_assert_uint_eq(cat_get_namespace(s)->db, db);
	n = cat_list_namespaces(db, &oids);
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(cat_list_databases(&oids), 2);
	/* relations in different databases with the same name */
	make_table(pub2, "t", 1);
	make_table(CAT_PUBLIC_NAMESPACE, "t", 2);
	ck_assert_int_eq(cat_get_relation(cat_lookup_relation(pub2, "t"))->natts, 1);
	ck_assert_uint_eq(cat_get_relation(cat_lookup_relation(pub2, "t"))->db, db);

	d = begin();
	EXPECT_ERR("42P04", cat_create_database(d, "shop", 10));
	d = begin();
	EXPECT_ERR("42P06", cat_create_namespace(d, db, "sales", 10));
	d = begin();
	EXPECT_ERR("42P06", cat_create_namespace(d, db, "information_schema", 10));
	d = begin();
	EXPECT_ERR("42939", cat_create_namespace(d, db, "pg_mine", 10));
	d = begin();
	ck_assert_uint_ne(cat_create_system_namespace(d, db, "pg_temp_3", 10), 0);
	cat_ddl_commit(d);
	ck_assert_uint_ne(cat_lookup_namespace(db, "pg_temp_3"), 0);
	d = begin();
	EXPECT_ERR("3D000", cat_create_namespace(d, 999999, "x", 10));
	d = begin();
	EXPECT_ERR("3F000", create_table_in(d, 999999, "x", 1));
	d = begin();
	EXPECT_ERR("42622", create_table_in(d, s, "a_relation_name_that_is_longer_than_sixty_three_bytes_in_total_x", 1));
	d = begin();
	EXPECT_ERR("42602", create_table_in(d, s, "", 1));
	d = begin();
	EXPECT_ERR("42P07", create_table_in(d, CAT_PUBLIC_NAMESPACE, "t", 1));

	/* rename database and schema, owners */
	d = begin();
	cat_rename(d, &(cat_objref){CAT_OBJ_DATABASE, db, 0}, "store");
	cat_rename(d, &(cat_objref){CAT_OBJ_NAMESPACE, s, 0}, "revenue");
	cat_set_owner(d, &(cat_objref){CAT_OBJ_DATABASE, db, 0}, 77);
	cat_set_owner(d, &(cat_objref){CAT_OBJ_NAMESPACE, s, 0}, 77);
	cat_ddl_commit(d);
	ck_assert_uint_eq(cat_lookup_database("shop"), 0);
	ck_assert_uint_eq(cat_lookup_database("store"), db);
	ck_assert_uint_eq(cat_lookup_namespace(db, "revenue"), s);
	ck_assert_uint_eq(cat_get_database(db)->owner, 77);
	ck_assert_uint_eq(cat_get_namespace(s)->owner, 77);
	d = begin();
	EXPECT_ERR("42P04", cat_rename(d, &(cat_objref){CAT_OBJ_DATABASE, db, 0}, "phantom"));
	d = begin();
	EXPECT_ERR("0A000", cat_rename(d, &(cat_objref){CAT_OBJ_DEFAULT, db, 1}, "x"));
	d = begin();
	EXPECT_ERR("2BP01", cat_drop(d, &(cat_objref){CAT_OBJ_NAMESPACE, CAT_PG_CATALOG_NAMESPACE, 0},
	                             CAT_CASCADE, NULL));
	d = begin();
	EXPECT_ERR("42501", cat_rename(d, &(cat_objref){CAT_OBJ_NAMESPACE,
	                                                CAT_INFORMATION_SCHEMA_NAMESPACE, 0}, "x"));
}
END_TEST

START_TEST(columns_are_added_altered_renamed_and_relations_moved)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 2);
	Oid ix = make_index(t, "t_a_idx", 1, false);
	cat_column_def c = intcol("extra");
	cat_ddl *d = begin();
	Oid s, oldfile;
	int16_t an;
	const cat_relation *rel;

	c.default_expr = "42";
	an = cat_add_column(d, t, &c);
	ck_assert_int_eq(an, 3);
	cat_rename_column(d, t, 1, "alpha");
	c.type = INT8OID;
	c.not_null = true;
	c.default_expr = NULL;
	cat_alter_column(d, t, 2, &c);
	s = cat_create_namespace(d, CAT_PHANTOM_DB_OID, "other", 10);
	cat_ddl_commit(d);
	rel = cat_get_relation(t);
	ck_assert_int_eq(rel->natts, 3);
	ck_assert_str_eq(rel->atts[0].name, "alpha");
	ck_assert_str_eq(rel->atts[1].name, "b");
	ck_assert_uint_eq(rel->atts[1].type, INT8OID);
	ck_assert(rel->atts[1].not_null);
	ck_assert_str_eq(rel->atts[2].default_expr, "42");
	oldfile = rel->relfilenode;

	d = begin();
	cat_rename(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, "t2");
	cat_set_namespace(d, t, s);
	cat_set_relfilenode(d, t, 0);
	cat_set_owner(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, 55);
	cat_ddl_commit(d);
	ck_assert_uint_eq(rel_oid("t"), 0);
	ck_assert_uint_eq(rel_oid("t2"), 0);
	ck_assert_uint_eq(cat_lookup_relation(s, "t2"), t);
	ck_assert_uint_eq(cat_lookup_relation(s, "t_a_idx"), ix);   /* index moved along */
	rel = cat_get_relation(t);
	ck_assert_uint_ne(rel->relfilenode, oldfile);
	ck_assert_uint_eq(rel->owner, 55);
	ck_assert_uint_eq(rel->ns, s);

	d = begin();
	EXPECT_ERR("42701", cat_add_column(d, t, &(cat_column_def){.name = "alpha", .type = INT4OID}));
	d = begin();
	EXPECT_ERR("42701", cat_rename_column(d, t, 2, "alpha"));
	d = begin();
	EXPECT_ERR("42703", cat_rename_column(d, t, 9, "zeta"));
	d = begin();
	EXPECT_ERR("42P16", cat_add_column(d, t, &(cat_column_def){.name = "notype"}));
	d = begin();
	EXPECT_ERR("42601", cat_add_column(d, t, &(cat_column_def){.name = "both", .type = INT4OID,
	                                                            .default_expr = "1",
	                                                            .identity = 'a'}));
	d = begin();
	EXPECT_ERR("42601", cat_add_column(d, t, &(cat_column_def){.name = "both", .type = INT4OID,
	                                                            .default_expr = "1",
	                                                            .generated_expr = "2"}));
	d = begin();
	EXPECT_ERR("42809", cat_add_column(d, ix, &c));
	d = begin();
	EXPECT_ERR("42809", cat_set_namespace(d, ix, CAT_PUBLIC_NAMESPACE));
	d = begin();
	EXPECT_ERR("42P01", cat_rename(d, &(cat_objref){CAT_OBJ_RELATION, 999999, 0}, "x"));
	d = begin();
	{
		cat_column_def two[2] = {intcol("x"), intcol("x")};
		cat_relation_def def = {.ns = CAT_PUBLIC_NAMESPACE, .name = "dup", .kind = 'r',
		                        .ncolumns = 2, .columns = two};

		EXPECT_ERR("42701", cat_create_relation(d, &def));
	}
}
END_TEST

/* ---- search_path ---------------------------------------------------------------------------------- */

START_TEST(search_path_resolves_first_match_and_parses_the_setting)
{
	cat_ddl *d = begin();
	Oid s1, u, t_pub, t_s1, *path;
	int n;

	s1 = cat_create_namespace(d, CAT_PHANTOM_DB_OID, "s1", 10);
	u = cat_create_namespace(d, CAT_PHANTOM_DB_OID, "alice", 10);
	cat_create_namespace(d, CAT_PHANTOM_DB_OID, "Mixed Case", 10);
	t_pub = create_table_in(d, CAT_PUBLIC_NAMESPACE, "t", 1);
	t_s1 = create_table_in(d, s1, "t", 1);
	create_table_in(d, CAT_PUBLIC_NAMESPACE, "only_public", 1);
	cat_ddl_commit(d);

	{
		Oid p1[3] = {CAT_PG_CATALOG_NAMESPACE, s1, CAT_PUBLIC_NAMESPACE};
		Oid p2[2] = {CAT_PG_CATALOG_NAMESPACE, CAT_PUBLIC_NAMESPACE};

		ck_assert_uint_eq(cat_resolve_relation(CAT_PHANTOM_DB_OID, p1, 3, "t"), t_s1);
		ck_assert_uint_eq(cat_resolve_relation(CAT_PHANTOM_DB_OID, p2, 2, "t"), t_pub);
		ck_assert_uint_ne(cat_resolve_relation(CAT_PHANTOM_DB_OID, p1, 3, "only_public"), 0);
		ck_assert_uint_eq(cat_resolve_relation(CAT_PHANTOM_DB_OID, p1, 3, "missing"), 0);
		/* the negative entries are cached: the same answer again */
		ck_assert_uint_eq(cat_resolve_relation(CAT_PHANTOM_DB_OID, p1, 3, "missing"), 0);
		ck_assert_uint_eq(cat_resolve_relation(CAT_PHANTOM_DB_OID, p1, 3, ""), 0);
	}

	n = cat_search_path(CAT_PHANTOM_DB_OID, "\"$user\", public", "alice", &path);
	ck_assert_int_eq(n, 3);
	ck_assert_uint_eq(path[0], CAT_PG_CATALOG_NAMESPACE);
	ck_assert_uint_eq(path[1], u);
	ck_assert_uint_eq(path[2], CAT_PUBLIC_NAMESPACE);
	n = cat_search_path(CAT_PHANTOM_DB_OID, "\"$user\", public", "nobody", &path);
	ck_assert_int_eq(n, 2);
	n = cat_search_path(CAT_PHANTOM_DB_OID, "S1, nosuch,public, pg_catalog", NULL, &path);
	ck_assert_int_eq(n, 3);
	ck_assert_uint_eq(path[0], s1);
	ck_assert_uint_eq(path[1], CAT_PUBLIC_NAMESPACE);
	ck_assert_uint_eq(path[2], CAT_PG_CATALOG_NAMESPACE);
	n = cat_search_path(CAT_PHANTOM_DB_OID, "\"Mixed Case\", s1, s1", NULL, &path);
	ck_assert_int_eq(n, 3);
	ck_assert_uint_eq(path[1], cat_lookup_namespace(CAT_PHANTOM_DB_OID, "Mixed Case"));
	n = cat_search_path(CAT_PHANTOM_DB_OID, "", NULL, &path);
	ck_assert_int_eq(n, 1);
}
END_TEST

/* ---- MVCC with a model transaction manager --------------------------------------------------------- */

#define MAXX 4096
static cat_xid_state xstate[MAXX];

typedef struct model_snap {
	uint64_t xmax;            /* first xid not yet started when taken */
	int n;
	uint64_t inprog[32];
} model_snap;

static bool
committed_in(uint64_t x, const model_snap *s)
{
	if (x < CAT_XID_FIRST_NORMAL)
		return true;
	if (x >= s->xmax || xstate[x] != CAT_XID_COMMITTED)
		return false;
	for (int i = 0; i < s->n; i++)
		if (s->inprog[i] == x)
			return false;
	return true;
}

static bool
model_visible(uint64_t xmin, uint64_t xmax, const cat_snapshot *snap)
{
	const model_snap *s = snap->cs_txn;

	return committed_in(xmin, s) && !(xmax != 0 && committed_in(xmax, s));
}

static cat_xid_state
model_state(uint64_t xid)
{
	return xid < MAXX ? xstate[xid] : CAT_XID_IN_PROGRESS;
}

static model_snap snaps[8];
static cat_snapshot csnaps[8];

/* Take snapshot i for transaction xid (0 = none) at command cid. */
static void
take(int i, uint64_t xid, uint32_t cid)
{
	model_snap *s = &snaps[i];

	s->xmax = next_xid;
	s->n = 0;
	for (uint64_t x = 100; x < next_xid && s->n < 32; x++)
		if (xstate[x] == CAT_XID_IN_PROGRESS)
			s->inprog[s->n++] = x;
	memset(&csnaps[i], 0, sizeof(csnaps[i]));
	csnaps[i].cs_xid = xid;
	csnaps[i].cs_cid = cid;
	csnaps[i].cs_txn = s;
}

/* Statement start as snapshot i: the cache is per process, so flush between readers. */
static void
as(int i)
{
	cat_cache_flush();
	cat_begin_statement();
	cat_set_snapshot(&csnaps[i]);
}

static uint64_t
start_xact(void)
{
	uint64_t x = next_xid++;

	xstate[x] = CAT_XID_IN_PROGRESS;
	return x;
}

static void
mvcc_setup(void)
{
	setup();
	for (int i = 0; i < MAXX; i++)
		xstate[i] = CAT_XID_COMMITTED;
	cat_set_visibility_hook(model_visible);
	cat_set_xid_state_hook(model_state);
	take(0, 0, 0);
	as(0);
}

START_TEST(uncommitted_create_is_invisible_to_other_snapshots)
{
	uint64_t x1 = start_xact();
	cat_ddl *d = cat_ddl_begin(x1, 0);
	Oid t = create_table_in(d, CAT_PUBLIC_NAMESPACE, "t", 1);

	cat_ddl_commit(d);
	take(1, x1, 1);
	take(2, 0, 0);
	as(1);
	ck_assert_uint_eq(rel_oid("t"), t);
	ck_assert_ptr_nonnull(cat_get_relation(t));
	as(2);
	ck_assert_uint_eq(rel_oid("t"), 0);
	ck_assert_ptr_null(cat_get_relation(t));
	xstate[x1] = CAT_XID_COMMITTED;
	as(2);                                  /* old snapshot: still invisible */
	ck_assert_uint_eq(rel_oid("t"), 0);
	take(3, 0, 0);
	as(3);
	ck_assert_uint_eq(rel_oid("t"), t);
}
END_TEST

START_TEST(command_ids_order_changes_inside_a_transaction)
{
	uint64_t x1 = start_xact();
	cat_ddl *d = cat_ddl_begin(x1, 1);
	Oid t = create_table_in(d, CAT_PUBLIC_NAMESPACE, "t", 1);

	cat_ddl_commit(d);
	take(1, x1, 0);
	as(1);
	ck_assert_uint_eq(rel_oid("t"), 0);      /* created by a later command */
	take(1, x1, 1);
	as(1);
	ck_assert_uint_eq(rel_oid("t"), t);
	d = cat_ddl_begin(x1, 2);
	cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, CAT_RESTRICT, NULL);
	cat_ddl_commit(d);
	take(1, x1, 1);
	as(1);
	ck_assert_uint_eq(rel_oid("t"), t);      /* dropped by a later command */
	take(1, x1, 2);
	as(1);
	ck_assert_uint_eq(rel_oid("t"), 0);
	/* a subtransaction's change counts as own when listed */
	{
		uint64_t sub = start_xact();
		uint64_t subs[1] = {sub};
		Oid t2;

		d = cat_ddl_begin(sub, 3);
		t2 = create_table_in(d, CAT_PUBLIC_NAMESPACE, "t2", 1);
		cat_ddl_commit(d);
		take(1, x1, 3);
		csnaps[1].cs_nsubxids = 1;
		csnaps[1].cs_subxids = subs;
		as(1);
		ck_assert_uint_eq(rel_oid("t2"), t2);
		ck_assert_uint_eq(cat_current_snapshot()->cs_subxids[0], sub);
		take(1, x1, 3);
		as(1);
		ck_assert_uint_eq(rel_oid("t2"), 0);
	}
}
END_TEST

START_TEST(rolled_back_drop_leaves_the_table)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 1);
	uint64_t x1 = start_xact();
	cat_ddl *d = cat_ddl_begin(x1, 0);

	cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, CAT_RESTRICT, NULL);
	cat_ddl_commit(d);
	take(1, x1, 1);
	take(2, 0, 0);
	as(1);
	ck_assert_uint_eq(rel_oid("t"), 0);
	as(2);
	ck_assert_uint_eq(rel_oid("t"), t);      /* the drop is not committed */
	xstate[x1] = CAT_XID_ABORTED;
	take(3, 0, 0);
	as(3);
	ck_assert_uint_eq(rel_oid("t"), t);
	ck_assert_int_eq(cat_get_relation(t)->natts, 1);
	/* and another transaction may change it again (the aborted xmax counts as unset) */
	d = cat_ddl_begin(start_xact(), 0);
	cat_rename(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, "t_renamed");
	cat_ddl_commit(d);
}
END_TEST

START_TEST(rolled_back_create_frees_the_name)
{
	uint64_t x1 = start_xact(), x2;
	cat_ddl *d = cat_ddl_begin(x1, 0);
	Oid t1, t2;

	t1 = create_table_in(d, CAT_PUBLIC_NAMESPACE, "t", 1);
	cat_ddl_commit(d);
	xstate[x1] = CAT_XID_ABORTED;
	x2 = start_xact();
	d = cat_ddl_begin(x2, 0);
	t2 = create_table_in(d, CAT_PUBLIC_NAMESPACE, "t", 2);
	cat_ddl_commit(d);
	xstate[x2] = CAT_XID_COMMITTED;
	take(1, 0, 0);
	as(1);
	ck_assert_uint_ne(t1, t2);
	ck_assert_uint_eq(rel_oid("t"), t2);
	ck_assert_ptr_null(cat_get_relation(t1));
}
END_TEST

START_TEST(concurrent_creates_of_one_name_conflict)
{
	uint64_t x1 = start_xact(), x2 = start_xact();
	cat_ddl *d = cat_ddl_begin(x1, 0);

	create_table_in(d, CAT_PUBLIC_NAMESPACE, "t", 1);
	cat_ddl_commit(d);
	d = cat_ddl_begin(x2, 0);
	EXPECT_ERR("40001", create_table_in(d, CAT_PUBLIC_NAMESPACE, "t", 1));
	ck_assert_uint_eq(cat_conflict_xid(), x1);
	/* the first commits: the second now finds a duplicate */
	xstate[x1] = CAT_XID_COMMITTED;
	d = cat_ddl_begin(x2, 0);
	EXPECT_ERR("42P07", create_table_in(d, CAT_PUBLIC_NAMESPACE, "t", 1));
	/* other overloads of a function being created do not conflict with f() */
	{
		uint64_t xf1 = start_xact(), xf2 = start_xact();
		Oid argt[1] = {INT4OID};
		cat_function f = {.ns = CAT_PUBLIC_NAMESPACE, .nargs = 1, .argtypes = argt};

		strcpy(f.name, "f");
		d = cat_ddl_begin(xf1, 0);
		cat_create_function(d, &f);
		cat_ddl_commit(d);
		f.nargs = 0;
		d = cat_ddl_begin(xf2, 0);
		ck_assert_uint_ne(cat_create_function(d, &f), 0);
		cat_ddl_commit(d);
	}
	/* a schema being dropped by one transaction blocks creating in it */
	{
		uint64_t x3 = start_xact(), x4 = start_xact();
		Oid s;

		d = cat_ddl_begin(next_xid++, 0);
		s = cat_create_namespace(d, CAT_PHANTOM_DB_OID, "s", 10);
		cat_ddl_commit(d);
		d = cat_ddl_begin(x3, 0);
		cat_drop(d, &(cat_objref){CAT_OBJ_NAMESPACE, s, 0}, CAT_CASCADE, NULL);
		cat_ddl_commit(d);
		d = cat_ddl_begin(x4, 0);
		EXPECT_ERR("40001", create_table_in(d, s, "t", 1));
		ck_assert_uint_eq(cat_conflict_xid(), x3);
		xstate[x3] = CAT_XID_ABORTED;
		d = cat_ddl_begin(x4, 0);
		create_table_in(d, s, "t", 1);
		cat_ddl_commit(d);
	}
}
END_TEST

START_TEST(concurrent_changes_of_one_object_conflict)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 2);
	uint64_t x1 = start_xact(), x2 = start_xact(), x3 = start_xact();
	cat_ddl *d = cat_ddl_begin(x1, 0);

	cat_add_column(d, t, &(cat_column_def){.name = "z", .type = INT4OID});
	cat_ddl_commit(d);
	d = cat_ddl_begin(x2, 0);
	EXPECT_ERR("40001", cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, CAT_CASCADE, NULL));
	ck_assert_uint_eq(cat_conflict_xid(), x1);
	d = cat_ddl_begin(x2, 0);
	EXPECT_ERR("40001", cat_rename_column(d, t, 1, "q"));
	xstate[x1] = CAT_XID_COMMITTED;
	/* an index being created blocks dropping its table */
	d = cat_ddl_begin(x2, 0);
	{
		cat_index_key key = {1, NULL, false, false};
		cat_index_def def = {.table = t, .name = "t_i", .nkeys = 1, .keys = &key};

		cat_create_index(d, &def);
	}
	cat_ddl_commit(d);
	d = cat_ddl_begin(x3, 0);
	EXPECT_ERR("40001", cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, CAT_CASCADE, NULL));
	ck_assert_uint_eq(cat_conflict_xid(), x2);
	xstate[x2] = CAT_XID_COMMITTED;
	d = cat_ddl_begin(x3, 0);
	cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, CAT_CASCADE, NULL);
	cat_ddl_commit(d);
}
END_TEST

START_TEST(vacuum_removes_dead_versions_only)
{
	Oid keep = make_table(CAT_PUBLIC_NAMESPACE, "keep", 2), gone;
	uint64_t xa = start_xact(), xd = start_xact(), xr = start_xact();
	cat_ddl *d;
	int64_t removed;

	d = cat_ddl_begin(xa, 0);                /* aborted create */
	create_table_in(d, CAT_PUBLIC_NAMESPACE, "aborted", 3);
	cat_ddl_commit(d);
	xstate[xa] = CAT_XID_ABORTED;
	gone = make_table(CAT_PUBLIC_NAMESPACE, "gone", 1);
	d = cat_ddl_begin(xd, 0);                /* committed drop */
	cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, gone, 0}, CAT_RESTRICT, NULL);
	cat_ddl_commit(d);
	xstate[xd] = CAT_XID_COMMITTED;
	d = cat_ddl_begin(xr, 0);                /* rolled-back rename: xmax to clear */
	cat_rename(d, &(cat_objref){CAT_OBJ_RELATION, keep, 0}, "renamed");
	cat_ddl_commit(d);
	xstate[xr] = CAT_XID_ABORTED;

	/* below the drop: the aborted create's 5 versions go, the aborted rename's 2 new versions
	 * go and its 2 xmax marks are cleared; the committed drop is kept (xd is not < xd) */
	removed = cat_vacuum(xd);
	ck_assert_int_eq(removed, 9);
	ck_assert_int_eq(cat_vacuum(next_xid), 3);     /* the dropped table's 3 versions */
	ck_assert_int_eq(cat_vacuum(next_xid), 0);
	take(1, 0, 0);
	as(1);
	ck_assert_uint_eq(rel_oid("keep"), keep);
	ck_assert_int_eq(cat_get_relation(keep)->natts, 2);
	ck_assert_uint_eq(rel_oid("aborted"), 0);
	ck_assert_uint_eq(rel_oid("gone"), 0);
	ck_assert_uint_eq(rel_oid("renamed"), 0);
}
END_TEST

START_TEST(vacuum_resumes_across_batches_of_a_thousand_changes)
{
	Oid keep = make_table(CAT_PUBLIC_NAMESPACE, "keep", 1), *oids;
	cat_ddl *d = begin();
	cat_drop_list out;

	/* 400 tables of 3 columns: 400 objects, 400 names, 1200 attributes (two rounds) */
	for (int i = 0; i < 400; i++) {
		char name[16];

		snprintf(name, sizeof(name), "t%d", i);
		create_table_in(d, CAT_PUBLIC_NAMESPACE, name, 3);
	}
	cat_ddl_commit(d);
	d = begin();
	for (int i = 0; i < 400; i++)
		cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, rel_oid_in_batch(i), 0}, CAT_RESTRICT, &out);
	cat_ddl_commit(d);
	ck_assert_int_eq(cat_vacuum(next_xid), 2000);
	ck_assert_int_eq(cat_vacuum(next_xid), 0);
	ck_assert_int_eq(cat_list_relations(CAT_PUBLIC_NAMESPACE, &oids), 1);
	ck_assert_uint_eq(oids[0], keep);
	ck_assert_int_eq(cat_get_relation(keep)->natts, 1);
}
END_TEST

START_TEST(sequence_sweep_removes_files_of_aborted_and_dropped_sequences)
{
	uint64_t xa = start_xact(), xd = start_xact();
	cat_sequence s;
	cat_relation_def def = {.ns = CAT_PUBLIC_NAMESPACE, .kind = 'S', .seq = &s};
	cat_ddl *d;
	Oid keep, aborted, dropped;
	char path[128];
	struct stat st;

	cat_sequence_defaults(INT8OID, 1, &s);
	def.name = "keep";
	keep = make_sequence("keep", INT8OID, 1, NULL);
	dropped = make_sequence("dropped", INT8OID, 1, NULL);
	d = cat_ddl_begin(xa, 0);
	def.name = "aborted";
	aborted = cat_create_relation(d, &def);
	cat_ddl_commit(d);
	take(1, xa, 1);
	as(1);
	ck_assert_int_eq(cat_seq_nextval(aborted), 1);       /* its own transaction uses it */
	xstate[xa] = CAT_XID_ABORTED;
	take(2, 0, 0);
	as(2);
	ck_assert_int_eq(cat_seq_nextval(keep), 1);
	ck_assert_int_eq(cat_seq_nextval(dropped), 1);
	d = cat_ddl_begin(xd, 0);
	cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, dropped, 0}, CAT_RESTRICT, NULL);
	cat_ddl_commit(d);
	xstate[xd] = CAT_XID_COMMITTED;                      /* crash before cat_seq_remove */
	ck_assert_int_eq(cat_seq_sweep(), 2);
	snprintf(path, sizeof(path), "%s/seq/%u", dir, keep);
	ck_assert_int_eq(stat(path, &st), 0);
	snprintf(path, sizeof(path), "%s/seq/%u", dir, aborted);
	ck_assert_int_ne(stat(path, &st), 0);
	snprintf(path, sizeof(path), "%s/seq/%u", dir, dropped);
	ck_assert_int_ne(stat(path, &st), 0);
	ck_assert_int_eq(cat_seq_sweep(), 0);
	take(3, 0, 0);
	as(3);
	ck_assert_int_eq(cat_seq_nextval(keep), 2);
}
END_TEST

START_TEST(relfilenodes_list_live_and_in_progress_files)
{
	Oid live = make_table(CAT_PUBLIC_NAMESPACE, "live", 1), dropped, *files;
	uint64_t xa = start_xact(), xp = start_xact(), xd = start_xact(), xt = start_xact();
	cat_ddl *d;
	Oid fa, fp, fd, flive_old, flive_new;
	int n;

	take(1, 0, 0);
	as(1);
	flive_old = cat_get_relation(live)->relfilenode;
	d = cat_ddl_begin(xa, 0);
	fa = cat_get_relation(create_table_in(d, CAT_PUBLIC_NAMESPACE, "a", 1))->relfilenode;
	cat_ddl_commit(d);
	xstate[xa] = CAT_XID_ABORTED;
	d = cat_ddl_begin(xp, 0);
	fp = cat_get_relation(create_table_in(d, CAT_PUBLIC_NAMESPACE, "p", 1))->relfilenode;
	cat_ddl_commit(d);                       /* xp stays in progress */
	dropped = make_table(CAT_PUBLIC_NAMESPACE, "dropped", 1);
	take(1, 0, 0);
	as(1);
	fd = cat_get_relation(dropped)->relfilenode;
	d = cat_ddl_begin(xd, 0);
	cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, dropped, 0}, CAT_RESTRICT, NULL);
	cat_ddl_commit(d);
	xstate[xd] = CAT_XID_COMMITTED;
	flive_new = cat_alloc_oid();             /* TRUNCATE: a new file, committed */
	d = cat_ddl_begin(xt, 0);
	cat_set_relfilenode(d, live, flive_new);
	cat_ddl_commit(d);
	xstate[xt] = CAT_XID_COMMITTED;

	n = cat_list_relfilenodes(CAT_PHANTOM_DB_OID, &files);
	ck_assert_int_eq(n, 2);
	ck_assert(files[0] < files[1]);
	ck_assert((files[0] == fp && files[1] == flive_new) || (files[0] == flive_new && files[1] == fp));
	for (int i = 0; i < n; i++)
		ck_assert(files[i] != fa && files[i] != fd && files[i] != flive_old);
	ck_assert_int_eq(cat_list_relfilenodes(999, &files), 0);
}
END_TEST

/* ---- dependencies --------------------------------------------------------------------------------- */

START_TEST(drop_table_restrict_is_refused_by_a_view)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 1);
	Oid v = make_view("v", t);
	cat_objref obj = {CAT_OBJ_RELATION, t, 0};
	cat_ddl *d;
	cat_depinfo *deps;

	make_index(t, "t_a", 1, false);
	d = begin();
	ERR_TRY();
	{
		cat_drop(d, &obj, CAT_RESTRICT, NULL);
		ck_abort_msg("drop succeeded");
	}
	ERR_CATCH();
	{
		err_info *e = err_last();

		ck_assert_str_eq(e->sqlstate, "2BP01");
		ck_assert_str_eq(e->message, "cannot drop table t because other objects depend on it");
		ck_assert_str_eq(e->detail, "view v depends on table t");
		ck_assert_str_eq(e->hint, "Use DROP ... CASCADE to drop the dependent objects too.");
	}
	ERR_END();
	ck_assert_uint_eq(rel_oid("t"), t);
	ck_assert_int_eq(cat_list_dependents(&obj, &deps), 3);   /* view, index, index column */
	(void)v;
}
END_TEST

START_TEST(drop_table_cascade_reaches_every_dependent)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 2), v, w, ix, sq, con;
	cat_drop_list out;
	cat_ddl *d;
	int16_t k1[1] = {1};
	bool saw_view = false, saw_w = false, saw_index = false, saw_seq = false;

	v = make_view("v", t);
	{
		cat_column_def col = intcol("a");
		cat_objref ref = {CAT_OBJ_RELATION, v, 0};
		cat_relation_def def = {.ns = CAT_PUBLIC_NAMESPACE, .name = "w", .kind = 'v',
		                        .ncolumns = 1, .columns = &col, .view_query = "SELECT a FROM v",
		                        .nrefs = 1, .refs = &ref};

		d = begin();
		w = cat_create_relation(d, &def);
		cat_ddl_commit(d);
	}
	ix = make_index(t, "t_pkey", 1, true);
	d = begin();
	con = cat_create_constraint(d, &(cat_constraint_def){.rel = t, .name = "t_pkey",
	                                                     .type = CAT_CON_PRIMARY, .nkeys = 1,
	                                                     .keys = k1, .index = ix});
	cat_ddl_commit(d);
	{
		cat_sequence s;
		cat_relation_def def = {.ns = CAT_PUBLIC_NAMESPACE, .name = "t_b_seq", .kind = 'S',
		                        .seq = &s};

		cat_sequence_defaults(INT8OID, 1, &s);
		s.owned_rel = t;
		s.owned_col = 2;
		d = begin();
		sq = cat_create_relation(d, &def);
		cat_ddl_commit(d);
	}
	d = begin();
	cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, CAT_CASCADE, &out);
	cat_ddl_commit(d);
	ck_assert_int_eq(out.n, 6);
	ck_assert_str_eq(out.items[0].desc, "table t");
	ck_assert_uint_eq(out.items[0].relfilenode != 0, 1);
	ck_assert_uint_eq(out.items[0].db, CAT_PHANTOM_DB_OID);
	for (int i = 1; i < out.n; i++) {
		saw_view |= strcmp(out.items[i].desc, "view v") == 0;
		saw_w |= strcmp(out.items[i].desc, "view w") == 0;
		saw_index |= strcmp(out.items[i].desc, "index t_pkey") == 0 && out.items[i].relfilenode;
		saw_seq |= strcmp(out.items[i].desc, "sequence t_b_seq") == 0;
	}
	ck_assert(saw_view && saw_w && saw_index && saw_seq);
	ck_assert_uint_eq(rel_oid("t"), 0);
	ck_assert_uint_eq(rel_oid("v"), 0);
	ck_assert_uint_eq(rel_oid("w"), 0);
	ck_assert_uint_eq(rel_oid("t_pkey"), 0);
	ck_assert_uint_eq(rel_oid("t_b_seq"), 0);
	ck_assert_ptr_null(cat_get_constraint(con));
	ck_assert_ptr_null(cat_get_relation(sq));
	(void)w;
}
END_TEST

START_TEST(internal_index_goes_only_through_its_constraint)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 1);
	Oid ix = make_index(t, "t_pkey", 1, true), con;
	int16_t k1[1] = {1};
	cat_ddl *d = begin();
	cat_drop_list out;

	con = cat_create_constraint(d, &(cat_constraint_def){.rel = t, .name = "t_pkey",
	                                                     .type = CAT_CON_PRIMARY, .nkeys = 1,
	                                                     .keys = k1, .index = ix});
	cat_ddl_commit(d);
	d = begin();
	ERR_TRY();
	{
		cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, ix, 0}, CAT_CASCADE, NULL);
	}
	ERR_CATCH();
	{
		ck_assert_str_eq(err_last()->sqlstate, "2BP01");
		ck_assert_str_eq(err_last()->message,
		                 "cannot drop index t_pkey because constraint t_pkey on table t requires it");
		ck_assert_str_eq(err_last()->hint, "You can drop constraint t_pkey on table t instead.");
	}
	ERR_END();
	d = begin();
	cat_drop(d, &(cat_objref){CAT_OBJ_CONSTRAINT, con, 0}, CAT_RESTRICT, &out);
	cat_ddl_commit(d);
	ck_assert_int_eq(out.n, 2);
	ck_assert_str_eq(out.items[1].desc, "index t_pkey");
	ck_assert_uint_eq(rel_oid("t_pkey"), 0);
	ck_assert_int_eq(cat_get_relation(t)->nconstraints, 0);
	ck_assert_int_eq(cat_get_relation(t)->nindexes, 0);
}
END_TEST

START_TEST(drop_column_cascades_to_indexes_and_constraints_on_it)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 3);
	int16_t k2[1] = {2};
	cat_ddl *d;
	cat_drop_list out;
	const cat_relation *rel;

	make_index(t, "t_b", 2, false);
	make_index(t, "t_c", 3, false);
	d = begin();
	cat_create_constraint(d, &(cat_constraint_def){.rel = t, .name = "t_b_key",
	                                               .type = CAT_CON_UNIQUE, .nkeys = 1,
	                                               .keys = k2});
	cat_set_statistics(d, t, 2, &(cat_stats){.null_frac = 0.5});
	cat_ddl_commit(d);
	d = begin();
	cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, t, 2}, CAT_RESTRICT, &out);
	cat_ddl_commit(d);
	ck_assert_int_eq(out.n, 3);
	ck_assert_str_eq(out.items[0].desc, "column b of table t");
	rel = cat_get_relation(t);
	ck_assert_int_eq(rel->natts, 3);
	ck_assert(rel->atts[1].dropped);
	ck_assert_str_eq(rel->atts[1].name, "........pg.dropped.2........");
	ck_assert_ptr_null(cat_relation_attribute(rel, "b"));
	ck_assert_int_eq(rel->nindexes, 1);
	ck_assert_str_eq(rel->indexes[0].name, "t_c");
	ck_assert_int_eq(rel->nconstraints, 0);
	ck_assert_ptr_null(cat_get_statistics(t, 2));
	d = begin();
	EXPECT_ERR("42703", cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, t, 2}, CAT_RESTRICT, NULL));
	d = begin();
	EXPECT_ERR("42P01", cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, 999999, 0}, CAT_RESTRICT, NULL));
}
END_TEST

START_TEST(sequence_used_by_a_default_needs_cascade_which_clears_it)
{
	Oid sq = make_sequence("s", INT8OID, 1, NULL);
	cat_objref ref = {CAT_OBJ_RELATION, sq, 0};
	cat_column_def col = intcol("id");
	cat_relation_def def = {.ns = CAT_PUBLIC_NAMESPACE, .name = "t", .kind = 'r', .ncolumns = 1,
	                        .columns = &col};
	cat_ddl *d = begin();
	cat_drop_list out;
	Oid t;

	col.default_expr = "nextval('s'::regclass)";
	col.ndefault_refs = 1;
	col.default_refs = &ref;
	t = cat_create_relation(d, &def);
	cat_ddl_commit(d);
	d = begin();
	ERR_TRY();
	{
		cat_drop(d, &ref, CAT_RESTRICT, NULL);
	}
	ERR_CATCH();
	{
		ck_assert_str_eq(err_last()->sqlstate, "2BP01");
		ck_assert_str_eq(err_last()->detail,
		                 "default value for column id of table t depends on sequence s");
	}
	ERR_END();
	d = begin();
	cat_drop(d, &ref, CAT_CASCADE, &out);
	cat_ddl_commit(d);
	ck_assert_int_eq(out.n, 2);
	ck_assert_int_eq(out.items[1].obj.kind, CAT_OBJ_DEFAULT);
	ck_assert_ptr_null(cat_get_relation(t)->atts[0].default_expr);
	ck_assert_uint_eq(rel_oid("t"), t);
	/* ALTER COLUMN ... DROP DEFAULT through cat_drop of the default itself */
	d = begin();
	cat_alter_column(d, t, 1, &(cat_column_def){.default_expr = "7"});
	cat_ddl_commit(d);
	ck_assert_str_eq(cat_get_relation(t)->atts[0].default_expr, "7");
	d = begin();
	cat_drop(d, &(cat_objref){CAT_OBJ_DEFAULT, t, 1}, CAT_RESTRICT, NULL);
	cat_ddl_commit(d);
	ck_assert_ptr_null(cat_get_relation(t)->atts[0].default_expr);
}
END_TEST

START_TEST(drop_schema_and_database_take_their_contents)
{
	cat_ddl *d = begin();
	Oid s, db, pub, f, g, *files;
	Oid argt[1] = {INT4OID};
	cat_function fn = {.nargs = 1, .argtypes = argt, .rettype = INT4OID};
	cat_drop_list out;
	int n;

	s = cat_create_namespace(d, CAT_PHANTOM_DB_OID, "s", 10);
	create_table_in(d, s, "t", 1);
	fn.ns = s;
	strcpy(fn.name, "f");
	f = cat_create_function(d, &fn);
	g = cat_create_generic(d, s, 3, "doc", 10, "x", 1);
	cat_ddl_commit(d);
	make_index(cat_lookup_relation(s, "t"), "t_i", 1, false);
	d = begin();
	ERR_TRY();
	{
		cat_drop(d, &(cat_objref){CAT_OBJ_NAMESPACE, s, 0}, CAT_RESTRICT, NULL);
	}
	ERR_CATCH();
	{
		ck_assert_str_eq(err_last()->sqlstate, "2BP01");
		ck_assert_str_eq(err_last()->message, "cannot drop schema s because other objects depend on it");
		ck_assert_str_eq(err_last()->detail,
		                 "table t depends on schema s\nfunction f depends on schema s\n"
		                 "object doc depends on schema s");
	}
	ERR_END();
	d = begin();
	cat_drop(d, &(cat_objref){CAT_OBJ_NAMESPACE, s, 0}, CAT_CASCADE, &out);
	cat_ddl_commit(d);
	ck_assert_int_eq(out.n, 5);   /* schema, table, index, function, object */
	ck_assert_uint_eq(cat_lookup_namespace(CAT_PHANTOM_DB_OID, "s"), 0);
	ck_assert_ptr_null(cat_get_function(f));
	ck_assert_ptr_null(cat_get_generic(g));

	d = begin();
	db = cat_create_database(d, "tmp", 10);
	cat_ddl_commit(d);
	pub = cat_lookup_namespace(db, "public");
	make_table(pub, "a", 1);
	make_table(pub, "b", 1);
	ck_assert_int_eq(cat_list_relfilenodes(db, &files), 2);
	d = begin();
	cat_drop_database(d, db, &out);
	cat_ddl_commit(d);
	ck_assert_int_eq(out.n, 4);
	ck_assert_str_eq(out.items[0].desc, "database tmp");
	ck_assert_uint_eq(cat_lookup_database("tmp"), 0);
	ck_assert_uint_eq(cat_lookup_relation(pub, "a"), 0);
	n = cat_list_relfilenodes(db, &files);
	ck_assert_int_eq(n, 0);
	d = begin();
	EXPECT_ERR("3D000", cat_drop_database(d, db, &out));
	d = begin();
	EXPECT_ERR("0A000", cat_drop(d, &(cat_objref){CAT_OBJ_DATABASE, CAT_PHANTOM_DB_OID, 0},
	                             CAT_CASCADE, NULL));
}
END_TEST

START_TEST(foreign_key_blocks_dropping_the_referenced_table)
{
	Oid parent = make_table(CAT_PUBLIC_NAMESPACE, "parent", 1);
	Oid child = make_table(CAT_PUBLIC_NAMESPACE, "child", 1);
	int16_t k1[1] = {1};
	cat_ddl *d = begin();
	cat_drop_list out;

	cat_create_constraint(d, &(cat_constraint_def){.rel = child, .name = "child_fk",
	                                               .type = CAT_CON_FOREIGN, .nkeys = 1,
	                                               .keys = k1, .ref_rel = parent,
	                                               .ref_keys = k1});
	cat_ddl_commit(d);
	d = begin();
	ERR_TRY();
	{
		cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, parent, 0}, CAT_RESTRICT, NULL);
	}
	ERR_CATCH();
	{
		ck_assert_str_eq(err_last()->detail, "constraint child_fk on table child depends on table parent");
	}
	ERR_END();
	d = begin();
	cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, parent, 0}, CAT_CASCADE, &out);
	cat_ddl_commit(d);
	ck_assert_int_eq(out.n, 2);
	ck_assert_uint_eq(rel_oid("child"), child);
	ck_assert_int_eq(cat_get_relation(child)->nconstraints, 0);
}
END_TEST

START_TEST(roles_owning_objects_cannot_be_dropped)
{
	cat_ddl *d = begin();
	Oid r, r2;
	cat_relation_def def;
	cat_column_def col = intcol("a");

	r = cat_create_role(d, &(cat_role_def){.name = "owner1"});
	r2 = cat_create_role(d, &(cat_role_def){.name = "nobody"});
	memset(&def, 0, sizeof(def));
	def.ns = CAT_PUBLIC_NAMESPACE;
	def.name = "owned";
	def.kind = 'r';
	def.owner = r;
	def.ncolumns = 1;
	def.columns = &col;
	cat_create_relation(d, &def);
	cat_ddl_commit(d);
	d = begin();
	ERR_TRY();
	{
		cat_drop_role(d, r);
	}
	ERR_CATCH();
	{
		ck_assert_str_eq(err_last()->sqlstate, "2BP01");
		ck_assert_str_eq(err_last()->detail, "owner of relation owned");
	}
	ERR_END();
	d = begin();
	EXPECT_ERR("2BP01", cat_drop_role(d, CAT_BOOTSTRAP_SUPERUSER_OID));
	d = begin();
	cat_drop_role(d, r2);
	cat_ddl_commit(d);
	ck_assert_uint_eq(cat_lookup_role("nobody"), 0);
	d = begin();
	EXPECT_ERR("42704", cat_drop_role(d, r2));
	d = begin();
	EXPECT_ERR("42704", cat_add_dependency(d, &(cat_objref){CAT_OBJ_ROLE, r2, 0},
	                                       &(cat_objref){CAT_OBJ_ROLE, r, 0}, 'n'));
}
END_TEST

START_TEST(explicit_dependencies_are_listed_and_enforced)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 2);
	cat_ddl *d = begin();
	Oid argt[1] = {INT4OID};
	cat_function fn = {.ns = CAT_PUBLIC_NAMESPACE, .nargs = 1, .argtypes = argt};
	cat_objref fref, col = {CAT_OBJ_RELATION, t, 2};
	cat_depinfo *deps;

	strcpy(fn.name, "uses_t");
	fref = (cat_objref){CAT_OBJ_FUNCTION, cat_create_function(d, &fn), 0};
	cat_add_dependency(d, &fref, &col, CAT_DEP_NORMAL);
	cat_add_dependency(d, &fref, &col, CAT_DEP_NORMAL);      /* idempotent */
	cat_ddl_commit(d);
	ck_assert_int_eq(cat_list_dependents(&col, &deps), 1);
	ck_assert_int_eq(deps[0].dependent.kind, CAT_OBJ_FUNCTION);
	ck_assert_int_eq(deps[0].deptype, CAT_DEP_NORMAL);
	ck_assert_int_eq(deps[0].referenced.subid, 2);
	d = begin();
	EXPECT_ERR("2BP01", cat_drop(d, &col, CAT_RESTRICT, NULL));
	d = begin();
	EXPECT_ERR("42703", cat_add_dependency(d, &fref, &(cat_objref){CAT_OBJ_RELATION, t, 9}, 'n'));
	d = begin();
	EXPECT_ERR("XX000", cat_add_dependency(d, &fref, &col, 'x'));
}
END_TEST

/* ---- catalog version and caches across processes --------------------------------------------- */

static char shm_name[64];

/* Create the server's shared memory and reopen the catalog so that it uses it. */
static void
with_shared_memory(void)
{
	char err[256];

	cat_close();
	snprintf(shm_name, sizeof(shm_name), "/phcat.test.%d", (int)getpid());
	shm_remove_stale(shm_name);
	ck_assert_msg(shm_create(shm_name, err, sizeof(err)) == 0, "%s", err);
	cat_open(dir);
}

static void
shm_teardown(void)
{
	teardown();
	shm_destroy();
}

static void
wait_byte(int fd)
{
	char c;

	ck_assert_int_eq(read(fd, &c, 1), 1);
}

START_TEST(version_bump_flushes_the_cache_of_another_process)
{
	int to_child[2], to_parent[2], status;
	pid_t pid;
	Oid t;

	with_shared_memory();
	t = make_table(CAT_PUBLIC_NAMESPACE, "t", 1);
	cat_commit_ddl();
	ck_assert_int_eq(pipe(to_child), 0);
	ck_assert_int_eq(pipe(to_parent), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int code = 0;

		cat_open(dir);                   /* after fork: a fresh environment */
		cat_begin_statement();
		if (rel_oid("t") != t)
			code |= 1;
		if (write(to_parent[1], "r", 1) != 1)
			code |= 2;
		wait_byte(to_child[0]);
		if (rel_oid("t") != t)           /* cached: the drop is not seen yet */
			code |= 4;
		if (!cat_check_version())        /* as after a lock: the version moved, flushed */
			code |= 8;
		if (cat_check_version())         /* nothing new since */
			code |= 16;
		if (rel_oid("t") != 0)
			code |= 32;
		cat_begin_statement();           /* the same version: nothing to flush */
		if (rel_oid("t") != 0)
			code |= 64;
		cat_close();
		exit(code);
	}
	wait_byte(to_parent[0]);
	{
		uint64_t v0 = cat_version();
		cat_ddl *d = begin();

		cat_drop(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, CAT_RESTRICT, NULL);
		cat_ddl_commit(d);
		ck_assert_uint_eq(cat_version(), v0);     /* not before the transaction commits */
		cat_commit_ddl();
		ck_assert_uint_eq(cat_version(), v0 + 1);
		cat_commit_ddl();                         /* nothing noted: no bump */
		cat_abort_ddl();
		ck_assert_uint_eq(cat_version(), v0 + 1);
	}
	ck_assert_int_eq(write(to_child[1], "g", 1), 1);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

START_TEST(own_ddl_is_seen_by_the_next_lookup)
{
	Oid t = make_table(CAT_PUBLIC_NAMESPACE, "t", 1);
	cat_ddl *d;

	ck_assert_uint_eq(rel_oid("t"), t);            /* now cached */
	ck_assert_uint_eq(rel_oid("u"), 0);            /* negative entry cached */
	d = begin();
	cat_rename(d, &(cat_objref){CAT_OBJ_RELATION, t, 0}, "u");
	/* inside the batch, lookups see the batch's changes */
	ck_assert_uint_eq(rel_oid("u"), t);
	ck_assert_str_eq(cat_get_relation(t)->name, "u");
	cat_ddl_commit(d);
	ck_assert_uint_eq(rel_oid("t"), 0);
	ck_assert_uint_eq(rel_oid("u"), t);
	/* an error inside a batch aborts it: nothing of it remains */
	d = begin();
	create_table_in(d, CAT_PUBLIC_NAMESPACE, "v", 1);
	EXPECT_ERR("42P07", create_table_in(d, CAT_PUBLIC_NAMESPACE, "u", 1));
	ck_assert_uint_eq(rel_oid("v"), 0);
	EXPECT_ERR("XX000", create_table_in(d, CAT_PUBLIC_NAMESPACE, "w", 1));  /* batch is gone */
	cat_ddl_abort(d);                             /* idempotent */
	/* cat_error_cleanup aborts an open batch */
	d = begin();
	create_table_in(d, CAT_PUBLIC_NAMESPACE, "x", 1);
	cat_error_cleanup();
	ck_assert_uint_eq(rel_oid("x"), 0);
	d = begin();
	EXPECT_ERR("XX000", cat_ddl_begin(next_xid++, 0));
	EXPECT_ERR("XX000", cat_vacuum(0));
	cat_ddl_abort(d);
	EXPECT_ERR("XX000", cat_ddl_begin(0, 0));
}
END_TEST

START_TEST(catalog_used_after_fork_without_reopening_is_refused)
{
	int status;
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		volatile int code = 1;

		ERR_TRY();
		{
			cat_cache_flush();
			(void)cat_get_relation(424242);
		}
		ERR_CATCH();
		{
			code = strcmp(err_last()->sqlstate, "XX000") == 0 ? 0 : 2;
		}
		ERR_END();
		cat_open(dir);                  /* forgets the inherited handle, opens its own */
		if (cat_lookup_database("phantom") != CAT_PHANTOM_DB_OID)
			code |= 4;
		cat_close();
		exit(code);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

/* ---- several processes ------------------------------------------------------------------------ */

#define NPROC 4
#define NSHARED 25
#define NOWN 10

START_TEST(concurrent_ddl_from_processes_keeps_names_unique)
{
	pid_t pids[NPROC];
	int created_total = 0;
	Oid *oids;
	int n;

	cat_close();                        /* children open their own environments */
	for (int p = 0; p < NPROC; p++) {
		pids[p] = fork();
		ck_assert_int_ge(pids[p], 0);
		if (pids[p] == 0) {
			int created = 0;

			cat_open(dir);
			for (int i = 0; i < NSHARED + NOWN; i++) {
				char name[32];
				volatile bool ok = true;

				if (i < NSHARED)
					snprintf(name, sizeof(name), "shared_%d", i);
				else
					snprintf(name, sizeof(name), "own_%d_%d", p, i);
				ERR_TRY();
				{
					cat_ddl *d = cat_ddl_begin(1000 + (uint64_t)p * 1000 + (uint64_t)i, 0);

					create_table_in(d, CAT_PUBLIC_NAMESPACE, name, 2);
					cat_ddl_commit(d);
				}
				ERR_CATCH();
				{
					ok = false;
					if (strcmp(err_last()->sqlstate, "42P07") != 0 || i >= NSHARED)
						exit(200);
				}
				ERR_END();
				if (ok && i < NSHARED)
					created++;
			}
			cat_close();
			exit(created);
		}
	}
	for (int p = 0; p < NPROC; p++) {
		int status;

		ck_assert_int_eq(waitpid(pids[p], &status, 0), pids[p]);
		ck_assert(WIFEXITED(status));
		ck_assert_int_lt(WEXITSTATUS(status), 200);
		created_total += WEXITSTATUS(status);
	}
	ck_assert_int_eq(created_total, NSHARED);
	cat_open(dir);
	n = cat_list_relations(CAT_PUBLIC_NAMESPACE, &oids);
	ck_assert_int_eq(n, NSHARED + NPROC * NOWN);
	for (int i = 0; i < n; i++) {
		const cat_relation *r = cat_get_relation(oids[i]);

		ck_assert_ptr_nonnull(r);
		ck_assert_int_eq(r->natts, 2);
		for (int j = 0; j < i; j++)
			ck_assert_uint_ne(oids[i], oids[j]);
	}
}
END_TEST

START_TEST(stale_reader_slot_is_cleared_by_startup_check)
{
	int status;
	pid_t pid;

	ck_assert_int_eq(cat_startup_check(dir), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		cat_open(dir);
		(void)cat_rd_begin();           /* a read transaction that is never ended */
		exit(0);                        /* "crash": no cat_close */
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_int_eq(cat_startup_check(dir), 1);
	ck_assert_int_eq(cat_startup_check(dir), 0);
	cat_close();
	ck_assert_int_eq(cat_startup_check(dir), 0);   /* opens and closes its own handle */
	EXPECT_ERR("58P01", cat_startup_check("/nonexistent"));
	cat_open(dir);
}
END_TEST

/* ---- sequences ---------------------------------------------------------------------------------- */

static void
adj_start5_by3(cat_sequence *s)
{
	s->start = 5;
	s->increment = 3;
}

START_TEST(nextval_counts_from_start_by_increment)
{
	Oid s = make_sequence("s", INT8OID, 1, adj_start5_by3), t;

	EXPECT_ERR("55000", cat_seq_currval(s));
	EXPECT_ERR("55000", cat_seq_lastval());
	ck_assert_int_eq(cat_seq_nextval(s), 5);
	ck_assert_int_eq(cat_seq_nextval(s), 8);
	ck_assert_int_eq(cat_seq_nextval(s), 11);
	ck_assert_int_eq(cat_seq_currval(s), 11);
	ck_assert_int_eq(cat_seq_lastval(), 11);
	EXPECT_ERR("42P01", cat_seq_nextval(999999));
	t = make_table(CAT_PUBLIC_NAMESPACE, "t", 1);
	EXPECT_ERR("42809", cat_seq_nextval(t));
	cat_seq_session_reset();
	EXPECT_ERR("55000", cat_seq_currval(s));
	ck_assert_int_eq(cat_seq_nextval(s), 14);
}
END_TEST

static void
adj_max3(cat_sequence *s)
{
	s->max = 3;
}

static void
adj_cycle3(cat_sequence *s)
{
	s->max = 3;
	s->cycle = true;
}

START_TEST(bounds_raise_2200H_unless_cycle)
{
	Oid s = make_sequence("s", INT8OID, 1, adj_max3);
	Oid c = make_sequence("c", INT8OID, 1, adj_cycle3);
	Oid down = make_sequence("down", INT2OID, -1, NULL);
	int expect[] = {1, 2, 3, 1, 2, 3, 1};

	for (int i = 1; i <= 3; i++)
		ck_assert_int_eq(cat_seq_nextval(s), i);
	ERR_TRY();
	{
		cat_seq_nextval(s);
	}
	ERR_CATCH();
	{
		ck_assert_str_eq(err_last()->sqlstate, "2200H");
		ck_assert_str_eq(err_last()->message, "nextval: reached maximum value of sequence \"s\" (3)");
	}
	ERR_END();
	ck_assert_int_eq(cat_seq_currval(s), 3);
	for (int i = 0; i < 7; i++)
		ck_assert_int_eq(cat_seq_nextval(c), expect[i]);
	ck_assert_int_eq(cat_seq_nextval(down), -1);
	ck_assert_int_eq(cat_seq_setval(down, INT16_MIN, true), INT16_MIN);
	EXPECT_ERR("2200H", cat_seq_nextval(down));
}
END_TEST

static void
adj_big(cat_sequence *s)
{
	s->start = INT64_MAX - 1;
}

static void
adj_down_cycle(cat_sequence *s)
{
	s->min = -3;
	s->cycle = true;
}

static void
adj_cache10_max5(cat_sequence *s)
{
	s->cache = 10;
	s->max = 5;
}

START_TEST(descending_cycle_and_cache_stop_at_the_limit)
{
	Oid down = make_sequence("down", INT8OID, -1, adj_down_cycle);
	Oid c = make_sequence("c", INT8OID, 1, adj_cache10_max5);
	int expect[] = {-1, -2, -3, -1, -2};

	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(cat_seq_nextval(down), expect[i]);
	/* CACHE 10 with only 5 values left: this session gets 1..5, the next none */
	for (int i = 1; i <= 5; i++)
		ck_assert_int_eq(cat_seq_nextval(c), i);
	EXPECT_ERR("2200H", cat_seq_nextval(c));
	cat_seq_session_reset();
	EXPECT_ERR("2200H", cat_seq_nextval(c));
}
END_TEST

START_TEST(bigint_limit_does_not_overflow)
{
	Oid s = make_sequence("s", INT8OID, 1, adj_big);

	ck_assert_int_eq(cat_seq_nextval(s), INT64_MAX - 1);
	ck_assert_int_eq(cat_seq_nextval(s), INT64_MAX);
	EXPECT_ERR("2200H", cat_seq_nextval(s));
}
END_TEST

START_TEST(setval_sets_the_next_value_within_bounds)
{
	Oid s = make_sequence("s", INT4OID, 1, NULL);

	ck_assert_int_eq(cat_seq_setval(s, 100, false), 100);
	EXPECT_ERR("55000", cat_seq_currval(s));     /* is_called false: currval not set */
	ck_assert_int_eq(cat_seq_nextval(s), 100);
	ck_assert_int_eq(cat_seq_setval(s, 200, true), 200);
	ck_assert_int_eq(cat_seq_currval(s), 200);
	ck_assert_int_eq(cat_seq_nextval(s), 201);
	ERR_TRY();
	{
		cat_seq_setval(s, 0, true);
	}
	ERR_CATCH();
	{
		ck_assert_str_eq(err_last()->sqlstate, "22003");
		ck_assert_str_eq(err_last()->message,
		                 "setval: value 0 is out of bounds for sequence \"s\" (1..2147483647)");
	}
	ERR_END();
}
END_TEST

static void
adj_cache10(cat_sequence *s)
{
	s->cache = 10;
}

START_TEST(cache_hands_each_session_its_own_range)
{
	Oid s = make_sequence("s", INT8OID, 1, adj_cache10);

	ck_assert_int_eq(cat_seq_nextval(s), 1);
	ck_assert_int_eq(cat_seq_nextval(s), 2);
	cat_seq_session_reset();                  /* another session */
	ck_assert_int_eq(cat_seq_nextval(s), 11);
	ck_assert_int_eq(cat_seq_nextval(s), 12);
	cat_seq_setval(s, 500, true);             /* discards this session's cached values */
	ck_assert_int_eq(cat_seq_nextval(s), 501);
}
END_TEST

START_TEST(values_survive_a_crash_and_a_clean_restart)
{
	Oid s = make_sequence("s", INT8OID, 1, NULL);
	int64_t v;

	for (int i = 1; i <= 5; i++)
		ck_assert_int_eq(cat_seq_nextval(s), i);
	/* crash: shared memory lost, only the file remains */
	cat_close();
	cat_open(dir);
	v = cat_seq_nextval(s);
	ck_assert_int_gt(v, 5);
	ck_assert_int_le(v, 5 + 32 + 1);
	/* clean shutdown writes exact values */
	cat_seq_flush_all();
	cat_close();
	cat_open(dir);
	ck_assert_int_eq(cat_seq_nextval(s), v + 1);
	/* setval is exact at once */
	cat_seq_setval(s, 1000, true);
	cat_close();
	cat_open(dir);
	ck_assert_int_eq(cat_seq_nextval(s), 1001);
	/* after removal the file is gone: a sequence with that oid would start over */
	cat_seq_remove(s);
	EXPECT_ERR("55000", cat_seq_lastval());
	ck_assert_int_eq(cat_seq_nextval(s), 1);
	cat_seq_remove(s);
}
END_TEST

START_TEST(torn_sequence_file_falls_back_to_the_other_record)
{
	Oid s = make_sequence("s", INT8OID, 1, NULL);
	char path[128];
	int fd;
	int64_t v;

	cat_seq_setval(s, 50, true);             /* generation 1: record at offset 512 */
	cat_seq_setval(s, 60, true);             /* generation 2: record at offset 0 */
	cat_close();
	snprintf(path, sizeof(path), "%s/seq/%u", dir, s);
	fd = open(path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, "garbage", 7, 8), 7);   /* tear the newest record */
	close(fd);
	cat_open(dir);
	v = cat_seq_nextval(s);
	ck_assert_int_eq(v, 51);
	cat_close();
	fd = open(path, O_WRONLY);
	ck_assert_int_eq(pwrite(fd, "garbage", 7, 8), 7);
	ck_assert_int_eq(pwrite(fd, "garbage", 7, 512 + 8), 7);
	close(fd);
	cat_open(dir);
	EXPECT_ERR("XX001", cat_seq_nextval(s));
}
END_TEST

START_TEST(many_sequences_evict_slots_without_losing_values)
{
	enum { N = 1100 };
	static Oid oids[N];
	cat_ddl *d = begin();
	cat_sequence s;

	cat_sequence_defaults(INT8OID, 1, &s);
	for (int i = 0; i < N; i++) {
		char name[32];
		cat_relation_def def = {.ns = CAT_PUBLIC_NAMESPACE, .kind = 'S', .seq = &s};

		snprintf(name, sizeof(name), "s%d", i);
		def.name = name;
		oids[i] = cat_create_relation(d, &def);
	}
	cat_ddl_commit(d);
	for (int round = 1; round <= 2; round++)
		for (int i = 0; i < N; i++)
			ck_assert_int_eq(cat_seq_nextval(oids[i]), round);
	cat_seq_flush_all();
}
END_TEST

START_TEST(sequence_values_are_unique_across_processes)
{
	enum { PER = 150 };
	int fds[2][2];
	pid_t pids[2];
	static int64_t seen[2 * PER];
	int nseen = 0;
	Oid s;

	with_shared_memory();
	s = make_sequence("s", INT8OID, 1, NULL);
	for (int p = 0; p < 2; p++) {
		ck_assert_int_eq(pipe(fds[p]), 0);
		pids[p] = fork();
		ck_assert_int_ge(pids[p], 0);
		if (pids[p] == 0) {
			cat_open(dir);
			for (int i = 0; i < PER; i++) {
				int64_t v = cat_seq_nextval(s);

				if (write(fds[p][1], &v, sizeof(v)) != sizeof(v))
					exit(1);
			}
			cat_close();
			exit(0);
		}
		close(fds[p][1]);
	}
	for (int p = 0; p < 2; p++) {
		int64_t v;
		int status;

		while (read(fds[p][0], &v, sizeof(v)) == sizeof(v))
			seen[nseen++] = v;
		ck_assert_int_eq(waitpid(pids[p], &status, 0), pids[p]);
		ck_assert_int_eq(WEXITSTATUS(status), 0);
	}
	ck_assert_int_eq(nseen, 2 * PER);
	for (int i = 0; i < nseen; i++) {
		ck_assert(seen[i] >= 1 && seen[i] <= 2 * PER);
		for (int j = 0; j < i; j++)
			ck_assert(seen[i] != seen[j]);
	}
	ck_assert_int_eq(cat_seq_nextval(s), 2 * PER + 1);
}
END_TEST

/* ---- suite -------------------------------------------------------------------------------------- */

static Suite *
catalog_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc;

	tc = tcase_create("bootstrap");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, bootstrap_creates_database_schemas_and_superuser);
	tcase_add_test(tc, bootstrap_refuses_an_existing_catalog_and_bad_input);
	tcase_add_test(tc, open_refuses_an_unknown_format);
	tcase_add_test(tc, corrupted_records_raise_data_corrupted);
	tcase_add_test(tc, phantomctl_init_creates_the_catalog);
	suite_add_tcase(s, tc);

	tc = tcase_create("round trips");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, table_round_trip_keeps_every_column_property);
	tcase_add_test(tc, index_round_trip_with_expressions_include_and_predicate);
	tcase_add_test(tc, constraints_round_trip_for_every_type);
	tcase_add_test(tc, view_matview_and_sequence_round_trip);
	tcase_add_test(tc, roles_functions_generics_and_statistics_round_trip);
	tcase_add_test(tc, databases_and_schemas_with_their_errors);
	tcase_add_test(tc, columns_are_added_altered_renamed_and_relations_moved);
	tcase_add_test(tc, search_path_resolves_first_match_and_parses_the_setting);
	suite_add_tcase(s, tc);

	tc = tcase_create("mvcc");
	tcase_add_checked_fixture(tc, mvcc_setup, teardown);
	tcase_add_test(tc, uncommitted_create_is_invisible_to_other_snapshots);
	tcase_add_test(tc, command_ids_order_changes_inside_a_transaction);
	tcase_add_test(tc, rolled_back_drop_leaves_the_table);
	tcase_add_test(tc, rolled_back_create_frees_the_name);
	tcase_add_test(tc, concurrent_creates_of_one_name_conflict);
	tcase_add_test(tc, concurrent_changes_of_one_object_conflict);
	tcase_add_test(tc, vacuum_removes_dead_versions_only);
	tcase_add_test(tc, relfilenodes_list_live_and_in_progress_files);
	tcase_add_test(tc, sequence_sweep_removes_files_of_aborted_and_dropped_sequences);
	suite_add_tcase(s, tc);

	tc = tcase_create("vacuum");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, vacuum_resumes_across_batches_of_a_thousand_changes);
	suite_add_tcase(s, tc);

	tc = tcase_create("dependencies");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, drop_table_restrict_is_refused_by_a_view);
	tcase_add_test(tc, drop_table_cascade_reaches_every_dependent);
	tcase_add_test(tc, internal_index_goes_only_through_its_constraint);
	tcase_add_test(tc, drop_column_cascades_to_indexes_and_constraints_on_it);
	tcase_add_test(tc, sequence_used_by_a_default_needs_cascade_which_clears_it);
	tcase_add_test(tc, drop_schema_and_database_take_their_contents);
	tcase_add_test(tc, foreign_key_blocks_dropping_the_referenced_table);
	tcase_add_test(tc, roles_owning_objects_cannot_be_dropped);
	tcase_add_test(tc, explicit_dependencies_are_listed_and_enforced);
	suite_add_tcase(s, tc);

	tc = tcase_create("processes");
	tcase_add_checked_fixture(tc, setup, shm_teardown);
	tcase_add_test(tc, version_bump_flushes_the_cache_of_another_process);
	tcase_add_test(tc, own_ddl_is_seen_by_the_next_lookup);
	tcase_add_test(tc, catalog_used_after_fork_without_reopening_is_refused);
	tcase_add_test(tc, concurrent_ddl_from_processes_keeps_names_unique);
	tcase_add_test(tc, stale_reader_slot_is_cleared_by_startup_check);
	tcase_add_test(tc, sequence_values_are_unique_across_processes);
	suite_add_tcase(s, tc);

	tc = tcase_create("sequences");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, nextval_counts_from_start_by_increment);
	tcase_add_test(tc, bounds_raise_2200H_unless_cycle);
	tcase_add_test(tc, bigint_limit_does_not_overflow);
	tcase_add_test(tc, descending_cycle_and_cache_stop_at_the_limit);
	tcase_add_test(tc, setval_sets_the_next_value_within_bounds);
	tcase_add_test(tc, cache_hands_each_session_its_own_range);
	tcase_add_test(tc, values_survive_a_crash_and_a_clean_restart);
	tcase_add_test(tc, torn_sequence_file_falls_back_to_the_other_record);
	tcase_add_test(tc, many_sequences_evict_slots_without_losing_values);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(catalog_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
