/*
 * check_analyze.c — unit tests of lib/sql/analyze: a bootstrapped temporary catalog with a
 * few tables, then a table of SQL statements with their expected outcome: an error (exact
 * SQLSTATE, message and character position, taken from PostgreSQL 15.18) or fragments that
 * must appear in the compact dump of the analyzed tree (anl_dump_query).
 */
#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/cat.h"
#include "sql/analyze/anl.h"
#include "sql/parse/parse.h"
#include "types/fn.h"
#include "types/types.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

#include "../analyze/anl_ddl.h"

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

static cat_column_def
col(const char *name, Oid type, int32_t typmod)
{
	cat_column_def c;
	memset(&c, 0, sizeof(c));
	c.name = name;
	c.type = type;
	c.typmod = typmod;
	return c;
}

static Oid
table(const char *name, int n, const cat_column_def *cols)
{
	cat_ddl *d = cat_ddl_begin(next_xid++, 0);
	cat_relation_def def;
	memset(&def, 0, sizeof(def));
	def.ns = CAT_PUBLIC_NAMESPACE;
	def.name = name;
	def.kind = CAT_RELKIND_TABLE;
	def.owner = CAT_BOOTSTRAP_SUPERUSER_OID;
	def.ncolumns = n;
	def.columns = cols;
	Oid oid = cat_create_relation(d, &def);
	cat_ddl_commit(d);
	return oid;
}

static void
primary_key(Oid rel, const char *name, int16_t attnum)
{
	cat_ddl *d = cat_ddl_begin(next_xid++, 0);
	cat_index_key key = {attnum, NULL, false, false};
	cat_index_def idx;
	memset(&idx, 0, sizeof(idx));
	idx.table = rel;
	idx.name = name;
	idx.unique = idx.primary = true;
	idx.nkeys = 1;
	idx.keys = &key;
	idx.owner = CAT_BOOTSTRAP_SUPERUSER_OID;
	Oid io = cat_create_index(d, &idx);
	cat_constraint_def con;
	memset(&con, 0, sizeof(con));
	con.rel = rel;
	con.name = name;
	con.type = CAT_CON_PRIMARY;
	con.nkeys = 1;
	con.keys = &attnum;
	con.index = io;
	cat_create_constraint(d, &con);
	cat_ddl_commit(d);
}

static void
setup(void)
{
	mem_init();
	cfg_init_defaults();
	settings.fsync = false;
	strcpy(dir, "/tmp/phanl.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	cat_bootstrap(dir, "admin");
	cat_open(dir);
	cat_column_def t[] = {col("a", INT4OID, -1), col("b", TEXTOID, -1)};
	table("t", 2, t);
	cat_column_def u[] = {col("a", INT4OID, -1), col("c", INT4OID, -1)};
	table("u", 2, u);
	cat_column_def acc[] = {col("aid", INT4OID, -1), col("bid", INT4OID, -1),
	                        col("abalance", INT4OID, -1), col("filler", BPCHAROID, 88)};
	Oid a = table("pgbench_accounts", 4, acc);
	primary_key(a, "pgbench_accounts_pkey", 1);
	cat_column_def w[] = {col("id", INT4OID, -1), col("vc", VARCHAROID, 7), col("n", INT4OID, -1)};
	w[0].identity = CAT_IDENTITY_ALWAYS;
	w[2].default_expr = "7";
	table("w", 3, w);
}

static void
teardown(void)
{
	cat_close();
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Analyze sql; return "ERR code|message|position" or the dump. */
static char *
run(const char *sql, anl_params *p)
{
	char *volatile out = NULL;
	ERR_TRY();
	cat_begin_statement();
	qry_list *qs = anl_analyze_sql(sql, p);
	out = anl_dump_query(qs->items[0]);
	ERR_CATCH();
	err_info *e = err_last();
	out = psprintf("ERR %s|%s|%d%s%s", e->sqlstate, e->message, e->position, e->hint[0] ? "|HINT: " : "",
	               e->hint);
	ERR_END();
	return out;
}

typedef struct acase {
	const char *sql;
	const char *expect;   /* "ERR ..." exact prefix, or fragments separated by " && " */
} acase;

/* Errors: SQLSTATE, message and position exactly as PostgreSQL 15.18 reports them. */
static const acase errors[] = {
	{"select x from t", "ERR 42703|column \"x\" does not exist|8"},
	{"select a from t, u", "ERR 42702|column reference \"a\" is ambiguous|8"},
	{"select t.x from t", "ERR 42703|column t.x does not exist|8"},
	{"select * from nosuch", "ERR 42P01|relation \"nosuch\" does not exist|15"},
	{"select b from t group by a",
	 "ERR 42803|column \"t.b\" must appear in the GROUP BY clause or be used in an aggregate function|8"},
	{"select count(*) from t where count(*) > 1", "ERR 42803|aggregate functions are not allowed in WHERE|30"},
	{"select a + b from t",
	 "ERR 42883|operator does not exist: integer + text|10|HINT: No operator matches the given name and argument types. You might need to add explicit type casts."},
	{"select 1 union select 1, 2", "ERR 42601|each UNION query must have the same number of columns|23"},
	{"insert into w(id) values (1)",
	 "ERR 428C9|cannot insert a non-DEFAULT value into column \"id\"|0|HINT: Use OVERRIDING SYSTEM VALUE to override."},
	{"insert into t values (1, 'x', 3)", "ERR 42601|INSERT has more expressions than target columns|31"},
	{"select distinct a from t order by b",
	 "ERR 42P10|for SELECT DISTINCT, ORDER BY expressions must appear in select list|35"},
	{"select a from t order by 3", "ERR 42P10|ORDER BY position 3 is not in select list|26"},
	{"select sum(sum(a)) from t", "ERR 42803|aggregate function calls cannot be nested|12"},
	{"select 'a' = 1", "ERR 22P02|invalid input syntax for type integer: \"a\"|8"},
	{"select z.a from t", "ERR 42P01|missing FROM-clause entry for table \"z\"|8"},
	{"select aa from t",
	 "ERR 42703|column \"aa\" does not exist|8|HINT: Perhaps you meant to reference the column \"t.a\"."},
	{"insert into t select 1 on conflict (b) do nothing",
	 "ERR 42P10|there is no unique or exclusion constraint matching the ON CONFLICT specification|0"},
	{"with recursive r as (select * from r union all select 1) select * from r",
	 "ERR 42P19|recursive reference to query \"r\" must not appear within its non-recursive term|36"},
	{"select row_number() from t", "ERR 42809|window function row_number requires an OVER clause|8"},
	{"select * from t where a = row_number() over ()",
	 "ERR 42P20|window functions are not allowed in WHERE|27"},
};

/* Trees: fragments of the dump. */
static const acase trees[] = {
	{"select 'a'", "targets: 1:?column?='a'::text;"},
	{"select aid, abalance from pgbench_accounts group by aid",
	 "group: ref1"},
	{"select a::text, b from t where a > 1",
	 "where: int4gt(t.a, 1::int4)"},
	{"select * from t join u using (a)", "targets: 1:a=t.a; 2:b=t.b; 3:c=u.c;"},
	{"insert into w(vc) values (1)", "2:vc="},
	{"insert into w(vc) values ('x')", "3:n=7::int4;"},
	{"select a from t where a in (1, 2, 3)", "ANY[int4eq](t.a, {1::int4, 2::int4, 3::int4})"},
	{"select count(*) from t having count(*) > 1", "having: int84gt(AGG count(*)::int8, 1::int4)"},
	{"insert into pgbench_accounts values (1, 2, 3, 'x') on duplicate key update abalance = values(abalance) + 1",
	 "onconflict: UPDATE arbiter=any\nset: 3:abalance=int4pl(excluded.abalance, 1::int4);"},
	{"insert into pgbench_accounts values (1, 2, 3, 'x') on conflict (aid) do nothing",
	 "onconflict: NOTHING arbiter=index"},
	{"update t set a = a + 1 where b = 'x' returning a",
	 "targets: 1:a=int4pl(t.a, 1::int4);\nfrom: 1\nwhere: texteq(t.b, 'x'::text)\nreturning: 1:a=t.a;"},
	{"delete from t using u where u.a = t.a", "from: 1, 2\nwhere: int4eq(u.a, t.a)"},
	{"insert into w (vc) values ('abcd')", "2:vc=TYPMOD('abcd'::varchar -> character varying(3))"},
};

START_TEST(errors_match_postgresql)
{
	const acase *c = &errors[_i];
	char *got = run(c->sql, NULL);
	ck_assert_msg(strcmp(got, c->expect) == 0, "%s\n  expected: %s\n  got:      %s", c->sql, c->expect, got);
}
END_TEST

START_TEST(trees_have_resolved_types)
{
	const acase *c = &trees[_i];
	char *got = run(c->sql, NULL);
	ck_assert_msg(strstr(got, c->expect) != NULL, "%s\n  expected fragment: %s\n  got: %s", c->sql,
	              c->expect, got);
}
END_TEST

/* pgbench's statements through the extended protocol: parameter types inferred. */
START_TEST(parameters_inferred_from_context)
{
	static const struct {
		const char *sql;
		const char *types;
	} cases[] = {
		{"update pgbench_accounts set abalance = abalance + $1 where aid = $2", "params: $1=int4 $2=int4"},
		{"insert into t values ($1, $2)", "params: $1=int4 $2=text"},
		{"select $1 + 1", "params: $1=int4"},
		{"select abalance from pgbench_accounts where aid = $1", "params: $1=int4"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		anl_params p;
		memset(&p, 0, sizeof p);
		Oid path[2] = {CAT_PG_CATALOG_NAMESPACE, CAT_PUBLIC_NAMESPACE};
		p.db = CAT_PHANTOM_DB_OID;
		p.search_path = path;
		p.npath = 2;
		p.infer_params = true;
		char *got = run(cases[i].sql, &p);
		ck_assert_msg(strstr(got, cases[i].types) != NULL, "%s: %s", cases[i].sql, got);
	}
	anl_params p;
	memset(&p, 0, sizeof p);
	p.infer_params = true;
	Oid path[2] = {CAT_PG_CATALOG_NAMESPACE, CAT_PUBLIC_NAMESPACE};
	p.db = CAT_PHANTOM_DB_OID;
	p.search_path = path;
	p.npath = 2;
	char *got = run("select $2::int", &p);
	ck_assert_str_eq(got, "ERR 42P18|could not determine data type of parameter $1|0");
}
END_TEST

START_TEST(system_views_have_postgresql_columns)
{
	const anl_sysview *v = anl_sysview_lookup("pg_catalog", "pg_class");
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(v->cols[0].name, "oid");
	ck_assert_str_eq(v->cols[1].name, "relname");
	ck_assert_uint_eq(v->cols[1].type, NAMEOID);
	ck_assert_ptr_nonnull(anl_sysview_lookup("information_schema", "columns"));
	ck_assert_ptr_null(anl_sysview_lookup("pg_catalog", "nosuch"));
	char *got = run("select relname from pg_class where relkind = 'r'", NULL);
	ck_assert_msg(strstr(got, "pg_class(sysview)") != NULL, "%s", got);
}
END_TEST

START_TEST(copy_equal_and_fold)
{
	cat_begin_statement();
	qry_list *qs = anl_analyze_sql("select a + 1 * 2, b from t where a between 1 and 10", NULL);
	qry_query *q = qs->items[0];
	qry_query *c = qry_copy_query(q);
	for (int i = 0; i < qry_list_len(q->targets); i++)
		ck_assert(qry_equal_expr(((qry_target *)q->targets->items[i])->expr,
		                         ((qry_target *)c->targets->items[i])->expr));
	qry_expr *e = ((qry_target *)c->targets->items[0])->expr;
	e = anl_fold_constants(e);
	ck_assert_str_eq(anl_dump_expr(e), "int4pl(v1.1, 2::int4)");
	qs = anl_analyze_sql("select 1/0", NULL);
	qry_expr *z = ((qry_target *)((qry_query *)qs->items[0])->targets->items[0])->expr;
	volatile int raised = 0;
	ERR_TRY();
	anl_fold_constants(z);
	ERR_CATCH();
	raised = strcmp(err_last()->sqlstate, "22012") == 0;
	ERR_END();
	ck_assert(raised);
}
END_TEST

static char **
read_lines(const char *name, int *n)
{
	const char *src = getenv("top_srcdir");
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/analyze/%s", src ? src : ".", name);
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char **lines = NULL;
	int cnt = 0, cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	while ((len = getline(&line, &lcap, f)) > 0) {
		line[strcspn(line, "\n")] = '\0';
		if (cnt == cap) {
			cap = cap ? cap * 2 : 256;
			lines = realloc(lines, sizeof(char *) * (size_t)cap);
		}
		lines[cnt++] = strdup(line);
	}
	free(line);
	fclose(f);
	*n = cnt;
	return lines;
}

/* tests/analyze/cases.sql against cases.expected (PostgreSQL 15.18's outcomes). */
START_TEST(cases_match_postgresql)
{
	int ns, nc, ne;
	char **setup_sql = read_lines("setup.sql", &ns);
	char **cases = read_lines("cases.sql", &nc);
	char **expected = read_lines("cases.expected", &ne);
	ck_assert_int_eq(nc, ne);
	/* the fixture's tables are replaced by setup.sql's */
	static const char *drops[] = {"drop table t", "drop table u", "drop table pgbench_accounts",
	                              "drop table w"};
	for (size_t i = 0; i < sizeof drops / sizeof drops[0]; i++)
		ck_assert_str_eq(anl_run_case(drops[i]), "OK");
	for (int i = 0; i < ns; i++)
		ck_assert_msg(strcmp(anl_run_case(setup_sql[i]), "OK") == 0, "setup: %s", setup_sql[i]);
	int bad = 0;
	char report[8192] = "";
	for (int i = 0; i < nc; i++) {
		char *got = anl_run_case(cases[i]);
		if (strcmp(got, expected[i]) != 0) {
			bad++;
			size_t l = strlen(report);
			snprintf(report + l, sizeof report - l, "\n%s\n  PG:  %s\n  got: %s", cases[i], expected[i],
			         got);
		}
	}
	ck_assert_msg(bad == 0, "%d of %d cases differ from PostgreSQL:%s", bad, nc, report);
}
END_TEST

static int
count_walker_n;
static bool
count_walker(qry_expr *e, void *arg)
{
	(void)e;
	(void)arg;
	count_walker_n++;
	return false;
}

static qry_expr *
identity_mutator(qry_expr *e, void *arg)
{
	(void)arg;
	return e->kind == QE_CONST ? qry_copy_expr(e) : NULL;
}

/*
 * Every statement of cases.sql that analyzes: its copy dumps the same, walks visit the same
 * number of nodes, a mutator that replaces constants by copies changes nothing, and a
 * SELECT's deparsed text (what a view stores) analyzes back to the same tree.
 */
START_TEST(cases_copy_walk_and_deparse)
{
	int ns, nc;
	char **setup_sql = read_lines("setup.sql", &ns);
	char **cases = read_lines("cases.sql", &nc);
	static const char *drops[] = {"drop table t", "drop table u", "drop table pgbench_accounts",
	                              "drop table w"};
	for (size_t i = 0; i < sizeof drops / sizeof drops[0]; i++)
		anl_run_case(drops[i]);
	for (int i = 0; i < ns; i++)
		anl_run_case(setup_sql[i]);
	int checked = 0, roundtrips = 0;
	for (int i = 0; i < nc; i++) {
		if (strncmp(cases[i], "P:", 2) == 0)
			continue;
		qry_query *volatile q = NULL;
		ERR_TRY();
		cat_begin_statement();
		ast_list *stmts = parse_sql(cases[i], NULL);
		RawStmt *rs = ast_list_nth(stmts, 0);
		if (AST_IS(rs->stmt, SelectStmt) || AST_IS(rs->stmt, InsertStmt) ||
		    AST_IS(rs->stmt, UpdateStmt) || AST_IS(rs->stmt, DeleteStmt) ||
		    AST_IS(rs->stmt, ExplainStmt))
			q = anl_analyze((ast_node *)rs, cases[i], NULL);
		ERR_CATCH();
		cat_error_cleanup();
		ERR_END();
		if (!q)
			continue;
		checked++;
		char *d1 = anl_dump_query(q);
		qry_query *c = qry_copy_query(q);
		ck_assert_msg(strcmp(d1, anl_dump_query(c)) == 0, "copy differs: %s", cases[i]);
		count_walker_n = 0;
		qry_walk_query_exprs(q, count_walker, NULL);
		int n1 = count_walker_n;
		count_walker_n = 0;
		qry_walk_query_exprs(c, count_walker, NULL);
		ck_assert_int_eq(n1, count_walker_n);
		qry_mutate_query_exprs(c, identity_mutator, NULL);
		ck_assert_msg(strcmp(d1, anl_dump_query(c)) == 0, "mutate changed: %s", cases[i]);
		for (int k = 0; k < qry_list_len(q->targets); k++)
			ck_assert(qry_equal_expr(((qry_target *)q->targets->items[k])->expr,
			                         ((qry_target *)c->targets->items[k])->expr));
		if (q->cmd == QC_SELECT) {
			/* same tree (Vars by position) and the same text again */
			char *txt = qry_deparse_query(q);
			qry_list *again = anl_analyze_sql(txt, NULL);
			char *a1 = anl_dump_query_ex(q, false), *a2 = anl_dump_query_ex(again->items[0], false);
			ck_assert_msg(strcmp(a1, a2) == 0, "deparse round trip of %s\n  text: %s\n  %s\n  %s", cases[i],
			              txt, a1, a2);
			ck_assert_str_eq(txt, qry_deparse_query(again->items[0]));
			roundtrips++;
		}
	}
	ck_assert_int_gt(checked, 200);
	ck_assert_int_gt(roundtrips, 150);
}
END_TEST

static bool
lookup_prepared(const char *name, int *n, const Oid **types)
{
	static const Oid one_int[] = {INT4OID};
	if (strcmp(name, "pp") != 0)
		return false;
	*n = 1;
	*types = one_int;
	return true;
}

/* EXECUTE arguments, CALL, DECLARE, EXPLAIN, CREATE VIEW / TABLE AS through anl_analyze;
 * outcomes as PostgreSQL 15.18 gives them. */
START_TEST(utility_statements)
{
	anl_params p;
	memset(&p, 0, sizeof p);
	Oid path[2] = {CAT_PG_CATALOG_NAMESPACE, CAT_PUBLIC_NAMESPACE};
	p.db = CAT_PHANTOM_DB_OID;
	p.search_path = path;
	p.npath = 2;
	p.prepared_lookup = lookup_prepared;
	static const struct {
		const char *sql;
		const char *expect;
	} cases[] = {
		{"execute pp('x')", "ERR 22P02|invalid input syntax for type integer: \"x\"|12"},
		{"execute pp(1, 2)", "ERR 42601|wrong number of parameters for prepared statement \"pp\"|0"},
		{"execute pp(now())",
		 "ERR 42804|parameter $1 of type timestamp with time zone cannot be coerced to the expected type integer|12"},
		{"execute nosuch(1)", "ERR 26000|prepared statement \"nosuch\" does not exist|0"},
		{"execute pp((select 1))", "ERR 0A000|cannot use subquery in EXECUTE parameter|12"},
		{"execute pp('5')", "UTILITY"},
		{"declare c cursor for select x from t", "ERR 42703|column \"x\" does not exist|29"},
		{"declare c cursor for select a from t", "inner: SELECT"},
		{"call nosuch(1)", "ERR 42883|procedure nosuch(integer) does not exist|6"},
		{"call abs(1)", "ERR 42809|abs(integer) is not a procedure|6"},
		{"create view vv as select a, b from t", "inner: SELECT"},
		{"create view vv (x, y, z) as select a, b from t",
		 "ERR 42601|CREATE VIEW specifies more column names than columns|0"},
		{"create table ct (x, y, z) as select a, b from t",
		 "ERR 42601|too many column names were specified|0"},
		{"explain select a from t where b = 'x'", "utility: ExplainStmt"},
		{"prepare q1 (int, nosuchtype) as select 1", "ERR 42704|type \"nosuchtype\" does not exist|18"},
		{"prepare q2 as select $1 + 1", "params: $1=int4"},
		{"copy t (a, nosuch) to stdout", "ERR 42703|column \"nosuch\" of relation \"t\" does not exist|0"},
		{"select '{1,2}'::int[]::text[], '{1}'::text[]::int8[]", "ARRAYCOERCE"},
		{"select 1::varchar(3), 'abc'::char(2), 1.5::numeric(3,1)", "TYPMOD"},
		{"select 1::int4(2)", "ERR 42601|type modifier is not allowed for type \"int4\"|11"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = run(cases[i].sql, &p);
		if (strncmp(cases[i].expect, "ERR", 3) == 0)
			ck_assert_msg(strncmp(got, cases[i].expect, strlen(cases[i].expect)) == 0, "%s\n  expected %s\n  got %s",
			              cases[i].sql, cases[i].expect, got);
		else
			ck_assert_msg(strstr(got, cases[i].expect) != NULL, "%s: %s", cases[i].sql, got);
	}
	/* the EXECUTE argument arrives coerced and folded */
	cat_begin_statement();
	qry_query *q = anl_analyze_sql("execute pp('5')", &p)->items[0];
	ck_assert_int_eq(qry_list_len(q->util_exprs), 1);
	ck_assert_str_eq(anl_dump_expr(q->util_exprs->items[0]), "5::int4");
}
END_TEST

static Datum
fake_userbyid(fn_call *c)
{
	(void)c;
	return ty_cstring_to_text("admin");
}

/* Functions registered by the engine (they need the catalog) resolve when lib/types has no
 * function of the name; defaults fill missing arguments; lib/types' names win. */
START_TEST(registered_functions)
{
	static const ty_func f1 = {90001, "pg_fake_userbyid", 2, {OIDOID, INT4OID}, TEXTOID,
	                           FN_STRICT, FN_STABLE, fake_userbyid, "fake_userbyid", 0, 0, 1,
	                           {"7", NULL}};
	static const ty_func f2 = {90002, "lower", 1, {OIDOID}, TEXTOID, FN_STRICT, FN_STABLE,
	                           fake_userbyid, "fake_lower", 0, 0, 0, {NULL, NULL}};
	anl_function_register(&f1);
	anl_function_register(&f1);
	anl_function_register(&f2);
	char *d = run("select pg_fake_userbyid(relowner) from pg_class", NULL);
	ck_assert_msg(strstr(d, "pg_fake_userbyid(pg_class.relowner, 7::int4)") != NULL, "%s", d);
	d = run("select pg_fake_userbyid(10, 2)", NULL);
	ck_assert_msg(strstr(d, "pg_fake_userbyid(RELABEL(10::int4 -> oid), 2::int4)") != NULL, "%s", d);
	d = run("select pg_fake_userbyid('x', 2)", NULL);
	ck_assert_msg(strstr(d, "ERR 22P02") != NULL, "%s", d);
	d = run("select pg_fake_userbyid(1, 2, 3)", NULL);
	ck_assert_msg(strstr(d, "ERR 42883|function pg_fake_userbyid(integer, integer, integer) does not exist") != NULL,
	              "%s", d);
	d = run("select lower('X')", NULL);
	ck_assert_msg(strstr(d, "lower('X'::text)") != NULL, "%s", d);
	d = run("select nextval('pgbench_accounts')", NULL);
	ck_assert_msg(strstr(d, "nextval(") != NULL, "%s", d);
}
END_TEST

/* RowDescription origins: a result column's table and column, through subqueries and
 * views (PostgreSQL's markTargetListOrigins). */
START_TEST(result_column_origins)
{
	cat_begin_statement();
	Oid t = cat_lookup_relation(CAT_PUBLIC_NAMESPACE, "t");
	qry_query *q = anl_analyze_sql("select b, t.a + 1, s.a from t, (select a from t) s", NULL)->items[0];
	qry_target *t0 = q->targets->items[0], *t1 = q->targets->items[1], *t2 = q->targets->items[2];
	ck_assert_uint_eq(t0->src_relid, t);
	ck_assert_int_eq(t0->src_attno, 2);
	ck_assert_uint_eq(t1->src_relid, 0);
	ck_assert_uint_eq(t2->src_relid, t);
	ck_assert_int_eq(t2->src_attno, 1);
	q = anl_analyze_sql("with w as (select b from t) select b from w", NULL)->items[0];
	ck_assert_uint_eq(((qry_target *)q->targets->items[0])->src_relid, t);
}
END_TEST

/* The DDL helpers: expressions of CHECK, DEFAULT, GENERATED, index expressions and
 * predicates, USING, with the text to store. */
START_TEST(ddl_expression_helpers)
{
	cat_begin_statement();
	anl_table_desc td;
	anl_table_desc_of(cat_lookup_relation(CAT_PUBLIC_NAMESPACE, "t"), &td);
	ck_assert_int_eq(td.ncols, 2);
	ck_assert_str_eq(td.colnames[1], "b");
	char *text;
	const char *sql = "a > 0 AND b <> ''";
	ast_node *e = parse_expr(sql);
	qry_expr *x = anl_check_expr_for_table(e, &td, ANL_DDL_CHECK, InvalidOid, -1, sql, &text);
	ck_assert_uint_eq(x->type, BOOLOID);
	ck_assert_str_eq(text, "((a > 0) AND (b <> ''::text))");
	sql = "length(b) + a";
	x = anl_check_expr_for_table(parse_expr(sql), &td, ANL_DDL_INDEX, InvalidOid, -1, sql, &text);
	ck_assert_str_eq(text, "(length(b) + a)");
	sql = "a * 2";
	x = anl_check_expr_for_table(parse_expr(sql), &td, ANL_DDL_GENERATED, INT8OID, -1, sql, &text);
	ck_assert_uint_eq(x->type, INT8OID);
	sql = "b::int";
	x = anl_check_expr_for_table(parse_expr(sql), &td, ANL_DDL_USING, INT4OID, -1, sql, &text);
	ck_assert_str_eq(text, "(b)::integer");
	sql = "'5'";
	x = anl_check_expr_for_table(parse_expr(sql), &td, ANL_DDL_DEFAULT, INT4OID, -1, sql, &text);
	ck_assert_str_eq(text, "5");
	static const struct {
		const char *sql;
		anl_exprkind_ddl kind;
		const char *code;
		const char *msg;
	} errs[] = {
		{"now() > '2024-01-01'", ANL_DDL_PREDICATE, "42P17", "functions in index predicate must be marked IMMUTABLE"},
		{"random()", ANL_DDL_INDEX, "42P17", "functions in index expression must be marked IMMUTABLE"},
		{"a", ANL_DDL_PREDICATE, "42804", "argument of WHERE must be type boolean, not type integer"},
		{"(select 1)", ANL_DDL_INDEX, "0A000", "cannot use subquery in index expression"},
		{"(select 1)", ANL_DDL_PREDICATE, "0A000", "cannot use subquery in index predicate"},
		{"(select 1)", ANL_DDL_GENERATED, "0A000", "cannot use subquery in column generation expression"},
		{"(select 1)", ANL_DDL_USING, "0A000", "cannot use subquery in transform expression"},
		{"(select 1)", ANL_DDL_DEFAULT, "0A000", "cannot use subquery in DEFAULT expression"},
		{"count(*)", ANL_DDL_INDEX, "42803", "aggregate functions are not allowed in index expressions"},
		{"sum(a)", ANL_DDL_GENERATED, "42803", "aggregate functions are not allowed in column generation expressions"},
		{"generate_series(1, a)", ANL_DDL_INDEX, "0A000", "set-returning functions are not allowed in index expressions"},
		{"nosuch", ANL_DDL_INDEX, "42703", "column \"nosuch\" does not exist"},
		{"b", ANL_DDL_DEFAULT, "0A000", "cannot use column reference in DEFAULT expression"},
	};
	for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++) {
		volatile int raised = 0;
		ERR_TRY();
		anl_check_expr_for_table(parse_expr(errs[i].sql), &td, errs[i].kind, INT4OID, -1, errs[i].sql, NULL);
		ERR_CATCH();
		raised = 1;
		ck_assert_msg(strcmp(err_last()->sqlstate, errs[i].code) == 0 &&
		              strcmp(err_last()->message, errs[i].msg) == 0,
		              "%s: got %s %s", errs[i].sql, err_last()->sqlstate, err_last()->message);
		ERR_END();
		ck_assert_msg(raised, "%s: no error", errs[i].sql);
	}
}
END_TEST

/* The system-view table: registration, replacement, lookups, the engine's row producer. */
START_TEST(system_view_registration)
{
	static const anl_sysview_col cols[] = {{"x", INT4OID, -1}, {"y", TEXTOID, -1}};
	anl_sysview v = {"pg_catalog", "pg_my_view", 99001, 2, cols, NULL};
	anl_sysview_register(&v);
	const anl_sysview *got = anl_sysview_lookup("pg_catalog", "pg_my_view");
	ck_assert_ptr_nonnull(got);
	ck_assert_int_eq(got->ncols, 2);
	ck_assert_ptr_eq(anl_sysview_by_oid(99001), got);
	ck_assert_ptr_null(anl_sysview_by_oid(1));
	int marker;
	ck_assert(anl_sysview_set_impl("pg_catalog", "pg_my_view", &marker));
	ck_assert_ptr_eq(anl_sysview_lookup("pg_catalog", "pg_my_view")->impl, &marker);
	ck_assert(!anl_sysview_set_impl("pg_catalog", "nosuch", &marker));
	v.ncols = 1;
	anl_sysview_register(&v);
	ck_assert_int_eq(anl_sysview_lookup("pg_catalog", "pg_my_view")->ncols, 1);
	char *d = run("select x from pg_my_view", NULL);
	ck_assert_msg(strstr(d, "pg_my_view(sysview)") != NULL, "%s", d);
	d = run("select y from pg_my_view", NULL);
	ck_assert_msg(strstr(d, "ERR 42703") != NULL, "%s", d);
	d = run("select oid, relname, relkind from pg_catalog.pg_class, information_schema.tables", NULL);
	ck_assert_msg(strstr(d, "ERR") == NULL, "%s", d);
	d = run("insert into pg_class (oid) values (1)", NULL);
	ck_assert_msg(strstr(d, "ERR 42809|cannot change relation \"pg_class\"|0") != NULL, "%s", d);
}
END_TEST

/* Constant folding: immutable calls, casts, boolean logic, NULL tests. */
START_TEST(fold_constants)
{
	static const struct {
		const char *sql;
		const char *folded;
	} cases[] = {
		{"select 1 + 2 * 3", "7::int4"},
		{"select '1.50'::numeric(4,1)", "1.5::numeric(262149)"},
		{"select 'abc'::varchar(2)", "'ab'::varchar(6)"},
		{"select 12::text", "'12'::text"},
		{"select true and false", "f::bool"},
		{"select null::bool or true", "t::bool"},
		{"select not true", "f::bool"},
		{"select null is null, 1 is not null", "t::bool"},
		{"select a from t where a > 1 and true", "int4gt"},
		{"select now() > now()", "timestamptz_gt(now(), now())"},
		{"select length(null::text)", "NULL::int4"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cat_begin_statement();
		qry_query *q = anl_analyze_sql(cases[i].sql, NULL)->items[0];
		qry_expr *e = ((qry_target *)q->targets->items[0])->expr;
		if (q->jointree->where)
			e = q->jointree->where;
		char *d = anl_dump_expr(anl_fold_constants(e));
		ck_assert_msg(strstr(d, cases[i].folded) != NULL, "%s: %s", cases[i].sql, d);
	}
}
END_TEST

static Suite *
analyze_suite(void)
{
	Suite *s = suite_create("analyze");
	TCase *tc = tcase_create("statements");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, errors_match_postgresql, 0, (int)(sizeof errors / sizeof errors[0]));
	tcase_add_loop_test(tc, trees_have_resolved_types, 0, (int)(sizeof trees / sizeof trees[0]));
	tcase_add_test(tc, parameters_inferred_from_context);
	tcase_add_test(tc, system_views_have_postgresql_columns);
	tcase_add_test(tc, copy_equal_and_fold);
	tcase_add_test(tc, cases_match_postgresql);
	tcase_add_test(tc, cases_copy_walk_and_deparse);
	tcase_add_test(tc, utility_statements);
	tcase_add_test(tc, ddl_expression_helpers);
	tcase_add_test(tc, system_view_registration);
	tcase_add_test(tc, fold_constants);
	tcase_add_test(tc, result_column_origins);
	tcase_add_test(tc, registered_functions);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(analyze_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
