/*
 * check_parse.c — unit tests for lib/sql/parse: lexer, precedence, every statement kind
 * through parse -> deparse -> parse, syntax error positions (checked against PostgreSQL
 * 15), the generic tree operations, limits, and the statements clients send.
 *
 * Data files (tests/parse/): roundtrip.txt (statement => canonical text),
 * client-statements.sql (what psql and pgbench send), psql-meta.sql (psql's backslash
 * commands, driver start-up queries), slt-sample.sql (a sample of the sqllogictest corpus).  They are found through $top_srcdir, which make check sets.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sql/parse/ast_int.h"
#include "sql/parse/parse.h"
#include "sql/parse/parse_int.h"
#include "util/err.h"
#include "util/mem.h"

static mem_ctx *test_ctx;

static void
setup(void)
{
	mem_init();
	test_ctx = mem_create(mem_top, "test");
	mem_switch(test_ctx);
}

static void
teardown(void)
{
	mem_switch(mem_top);
	mem_delete(test_ctx);
}

static char *
read_data_file(const char *name)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	FILE *f;
	long n;
	char *buf;

	snprintf(path, sizeof(path), "%s/tests/parse/%s", top ? top : ".", name);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = palloc((size_t)n + 1);
	ck_assert_int_eq(fread(buf, 1, (size_t)n, f), n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Parse one statement, failing the test with the error if it does not parse. */
static ast_node *
parse_one(const char *sql)
{
	ast_node *volatile result = NULL;

	ERR_TRY();
	{
		ast_list *l = parse_sql(sql, NULL);

		ck_assert_msg(ast_list_length(l) == 1, "expected one statement in: %s", sql);
		result = ((RawStmt *)l->items[0])->stmt;
	}
	ERR_CATCH();
	{
		ck_abort_msg("parse failed: %s (position %d) in: %s", err_last()->message,
		             err_last()->position, sql);
	}
	ERR_END();
	return result;
}

typedef void (*parse_fn)(const char *);

static void
do_parse_sql(const char *s)
{
	parse_sql(s, NULL);
}

static void
do_parse_expr(const char *s)
{
	parse_expr(s);
}

static void
do_parse_type(const char *s)
{
	parse_type_name(s);
}

/* Run fn(sql), which must raise; returns (a copy of) the error. */
static err_info *
expect_error(parse_fn fn, const char *sql)
{
	static err_info e;
	volatile bool raised = false;

	ERR_TRY();
	{
		fn(sql);
	}
	ERR_CATCH();
	{
		err_copy(&e);
		raised = true;
	}
	ERR_END();
	ck_assert_msg(raised, "no error for [%.100s]", sql);
	return &e;
}

/* Deparse, reparse, and check that the trees are equal; returns the text. */
static char *
round_trip(const char *sql, ast_node *tree)
{
	char *text = ast_deparse(tree);
	ast_node *again = parse_one(text);

	ck_assert_msg(ast_equal(tree, again), "round trip changed the tree:\n  in:  %s\n  out: %s\n"
	              "  tree1: %s\n  tree2: %s", sql, text, ast_dump(tree), ast_dump(again));
	return text;
}

/* ---- lexer --------------------------------------------------------------------------------- */

/* The tokens of sql as a compact string, e.g. "id:a < - id:b". */
static char *
tokens(const char *sql)
{
	parse_state ps;
	strbuf b;

	memset(&ps, 0, sizeof(ps));
	ps.src = sql;
	ps.srclen = (int)strlen(sql);
	scan_tokens(&ps);
	sb_init(&b, 64);
	for (int i = 0; i < ps.ntoks && ps.toks[i].type != TK_EOF; i++) {
		const token *t = &ps.toks[i];

		if (i > 0)
			sb_putc(&b, ' ');
		switch (t->type) {
		case TK_IDENT: sb_printf(&b, "id:%s", t->str); break;
		case TK_KEYWORD:
			sb_printf(&b, "kw:%s%s", t->str, t->kw >= KW_NOT_LA ? "!" : "");
			break;
		case TK_SCONST: sb_printf(&b, "s:%s", t->str); break;
		case TK_BCONST: sb_printf(&b, "b:%s", t->str); break;
		case TK_XCONST: sb_printf(&b, "x:%s", t->str); break;
		case TK_ICONST: sb_printf(&b, "i:%d", t->ival); break;
		case TK_FCONST: sb_printf(&b, "f:%s", t->str); break;
		case TK_PARAM: sb_printf(&b, "$%d", t->ival); break;
		case TK_OP: sb_printf(&b, "op:%s", t->str); break;
		case TK_TYPECAST: sb_puts(&b, "::"); break;
		case TK_DOT_DOT: sb_puts(&b, ".."); break;
		case TK_COLON_EQUALS: sb_puts(&b, ":="); break;
		case TK_EQUALS_GREATER: sb_puts(&b, "=>"); break;
		case TK_LESS_EQUALS: sb_puts(&b, "<="); break;
		case TK_GREATER_EQUALS: sb_puts(&b, ">="); break;
		case TK_NOT_EQUALS: sb_puts(&b, "<>"); break;
		default: sb_putc(&b, (char)t->type); break;
		}
	}
	return b.s;
}

static const struct { const char *sql, *toks; } lex_cases[] = {
	/* operators: trailing + and - leave an operator unless it has ~ ! @ # % ^ & | ` ? */
	{"a<-b", "id:a < - id:b"},
	{"a<=-b", "id:a <= - id:b"},
	{"a*-b", "id:a * - id:b"},
	{"a @- b", "id:a op:@- id:b"},
	{"a !~~* b", "id:a op:!~~* id:b"},
	{"a != b <> c", "id:a <> id:b <> id:c"},
	{"a||b->>'k'", "id:a op:|| id:b op:->> s:k"},
	{"j #> '{a}' ? 'x' @> '{}' <@ '{}'", "id:j op:#> s:{a} op:? s:x op:@> s:{} op:<@ s:{}"},
	{"x::int", "id:x :: kw:int"},
	{"f(a := 1, b => 2)", "id:f ( id:a := i:1 , id:b => i:2 )"},
	{"a[1:2]", "id:a [ i:1 : i:2 ]"},
	{"5!=6", "i:5 <> i:6"},
	{"a+/*c*/b", "id:a + id:b"},
	{"a-/*c*/b", "id:a - id:b"},
	{"a--comment\n+b", "id:a + id:b"},
	/* numbers */
	{"1.e5 .5 1. 1e-3 1E+2 12", "f:1.e5 f:.5 f:1. f:1e-3 f:1E+2 i:12"},
	{"1..2", "i:1 .. i:2"},
	{"1.2.3", "f:1.2 f:.3"},
	{"2147483647 2147483648 9223372036854775808", "i:2147483647 f:2147483648 f:9223372036854775808"},
	{"$1 $23::int", "$1 $23 :: kw:int"},
	/* strings */
	{"'it''s'", "s:it's"},
	{"'a\\b'", "s:a\\b"},
	{"E'a\\'b\\\\c\\n\\101\\x41\\u0041\\U00000041\\q'", "s:a'b\\c\nAAAAq"},
	{"e'\\t'", "s:\t"},
	{"$$a'b$$ $tag$x$y$tag$ $a$ $b$ $a$", "s:a'b s:x$y s: $b$ "},
	{"'a'\n'b' 'c'", "s:ab s:c"},
	{"'a' -- c\n  'b'", "s:ab"},
	{"B'0101' X'1F' b'1'\n'0'", "b:b0101 x:x1F b:b10"},
	{"N'x'", "kw:nchar s:x"},
	{"U&'d\\0061t\\+000061'", "s:data"},
	{"U&'d!0061t' UESCAPE '!'", "s:dat"},
	{"U&'\\D83D\\DE00'", "s:\xF0\x9F\x98\x80"},
	{"E'\\uD83D\\uDE00'", "s:\xF0\x9F\x98\x80"},
	/* identifiers and keywords */
	{"Select FROM tAbLe", "kw:select kw:from kw:table"},
	{"\"A\"\"b\" Abc a$1 _x", "id:A\"b id:abc id:a$1 id:_x"},
	{"U&\"d\\0061t\"", "id:dat"},
	{"\xC3\xA9t\xC3\xA9 \xC3\x89T\xC3\x89", "id:\xC3\xA9t\xC3\xA9 id:\xC3\x89t\xC3\x89"},
	{"a.b.* t.\"C\"", "id:a . id:b . * id:t . id:C"},
	/* lookahead variants */
	{"not in not like not x", "kw:not! kw:in kw:not! kw:like kw:not id:x"},
	{"nulls first nulls x", "kw:nulls! kw:first kw:nulls id:x"},
	{"with time with ordinality with x without time", "kw:with! kw:time kw:with! kw:ordinality kw:with id:x kw:without! kw:time"},
	/* comments nest */
	{"1 /* a /* b */ c */ + 2", "i:1 + i:2"},
	{"$ x", "$ id:x"},
	{"", ""},
};

START_TEST(lexer_tokenizes_postgresql_style)
{
	for (size_t i = 0; i < sizeof(lex_cases) / sizeof(lex_cases[0]); i++) {
		char *got = tokens(lex_cases[i].sql);

		ck_assert_msg(strcmp(got, lex_cases[i].toks) == 0, "tokens of [%s]:\n  got  [%s]\n  want [%s]",
		              lex_cases[i].sql, got, lex_cases[i].toks);
	}
}
END_TEST

START_TEST(lexer_truncates_long_identifiers_with_a_notice)
{
	char sql[256];
	ast_list *notices = NULL;
	ast_list *l;
	SelectStmt *s;
	ResTarget *rt;

	/* 70 ASCII letters, then 40 two-byte characters: truncation keeps whole characters */
	strcpy(sql, "SELECT 1 AS ");
	for (int i = 0; i < 70; i++)
		strcat(sql, "a");
	strcat(sql, ", 2 AS ");
	for (int i = 0; i < 40; i++)
		strcat(sql, "\xC3\xA9");
	l = parse_sql(sql, &notices);
	s = (SelectStmt *)((RawStmt *)l->items[0])->stmt;
	rt = (ResTarget *)s->targetList->items[0];
	ck_assert_int_eq(strlen(rt->name), 63);
	rt = (ResTarget *)s->targetList->items[1];
	ck_assert_int_eq(strlen(rt->name), 62);   /* 31 characters of 2 bytes */
	ck_assert_int_eq(ast_list_length(notices), 2);
	ck_assert_str_eq(((ParseNotice *)notices->items[0])->sqlstate, "42622");
	ck_assert_msg(strstr(((ParseNotice *)notices->items[0])->message, "will be truncated to") != NULL,
	              "%s", ((ParseNotice *)notices->items[0])->message);
}
END_TEST

START_TEST(keyword_lookup_is_case_insensitive_and_exact)
{
	ck_assert_int_eq(kw_lookup("select", 6), KW_SELECT);
	ck_assert_int_eq(kw_lookup("SeLeCt", 6), KW_SELECT);
	ck_assert_int_eq(kw_lookup("selec", 5), KW__NONE);
	ck_assert_int_eq(kw_lookup("selects", 7), KW__NONE);
	ck_assert_int_eq(kw_lookup("xmlserialize", 12), KW_XMLSERIALIZE);
	ck_assert_int_eq(kw_lookup("abort", 5), KW_ABORT);
	ck_assert_int_eq(kw_lookup("", 0), KW__NONE);
	/* every keyword is found by its own text */
	for (int k = 1; k < KW_NOT_LA; k++)
		ck_assert_int_eq(kw_lookup(kw_table[k].text, (int)strlen(kw_table[k].text)), k);
	/* PostgreSQL's classification */
	ck_assert_int_eq(kw_table[KW_SELECT].category, KWC_RESERVED);
	ck_assert_int_eq(kw_table[KW_LEFT].category, KWC_TYPE_FUNC_NAME);
	ck_assert_int_eq(kw_table[KW_INT].category, KWC_COL_NAME);
	ck_assert_int_eq(kw_table[KW_KEY].category, KWC_UNRESERVED);
}
END_TEST

START_TEST(non_reserved_keywords_are_usable_as_names)
{
	/* pgbench and sqllogictest use names that are keywords */
	SelectStmt *s = (SelectStmt *)parse_one("SELECT key, value, name, text, type, data, position "
	                                         "FROM action, filter AS over");

	ck_assert_int_eq(ast_list_length(s->targetList), 7);
	ck_assert_str_eq(((RangeVar *)s->fromClause->items[1])->alias->aliasname, "over");
	/* bare column labels: PostgreSQL 15 allows most keywords without AS */
	s = (SelectStmt *)parse_one("SELECT 1 left, 2 at, 3 x");
	ck_assert_str_eq(((ResTarget *)s->targetList->items[0])->name, "left");
	ck_assert_str_eq(((ResTarget *)s->targetList->items[1])->name, "at");
	/* keyword operators that end the entry are labels too (PostgreSQL 15 does this) */
	s = (SelectStmt *)parse_one("SELECT 1 is, 2 and, 'a' collate, 4 between FROM t");
	ck_assert_str_eq(((ResTarget *)s->targetList->items[0])->name, "is");
	ck_assert_str_eq(((ResTarget *)s->targetList->items[1])->name, "and");
	ck_assert_str_eq(((ResTarget *)s->targetList->items[2])->name, "collate");
	ck_assert_str_eq(((ResTarget *)s->targetList->items[3])->name, "between");
	ck_assert_int_eq(AST_TAG(((ResTarget *)s->targetList->items[3])->val), T_A_Const);
}
END_TEST

/* ---- literals and nodes ------------------------------------------------------------------- */

START_TEST(constants_have_postgresql_types)
{
	SelectStmt *s = (SelectStmt *)parse_one("SELECT 1, -2147483648, 2147483648, 1.5, -1.5, 'x', "
	                                         "TRUE, NULL, B'01', - (3)");
	const A_Const *c[10];

	for (int i = 0; i < 10; i++)
		c[i] = (const A_Const *)((ResTarget *)s->targetList->items[i])->val;
	ck_assert_int_eq(c[0]->ckind, CONST_INT);
	ck_assert_int_eq(c[0]->ival, 1);
	ck_assert_int_eq(c[1]->ckind, CONST_FLOAT);   /* 2147483648 does not fit int4 */
	ck_assert_str_eq(c[1]->sval, "-2147483648");
	ck_assert_int_eq(c[2]->ckind, CONST_FLOAT);
	ck_assert_str_eq(c[3]->sval, "1.5");
	ck_assert_str_eq(c[4]->sval, "-1.5");          /* unary minus folded into the constant */
	ck_assert_int_eq(c[5]->ckind, CONST_STRING);
	ck_assert_int_eq(c[6]->ckind, CONST_BOOL);
	ck_assert_int_eq(c[6]->ival, 1);
	ck_assert_int_eq(c[7]->ckind, CONST_NULL);
	ck_assert_int_eq(c[8]->ckind, CONST_BITSTRING);
	ck_assert_str_eq(c[8]->sval, "b01");
	ck_assert_int_eq(c[9]->ival, -3);
}
END_TEST

START_TEST(sql_type_names_map_to_catalog_names)
{
	static const struct { const char *in, *out; } cases[] = {
		{"int", "integer"}, {"int4", "int4"}, {"smallint", "smallint"}, {"bigint", "bigint"},
		{"real", "real"}, {"float", "double precision"}, {"float(24)", "real"},
		{"float(25)", "double precision"}, {"double precision", "double precision"},
		{"decimal(10,2)", "numeric(10, 2)"}, {"dec", "numeric"}, {"boolean", "boolean"},
		{"char", "character(1)"}, {"character(5)", "character(5)"},
		{"varchar", "character varying"}, {"character varying(3)", "character varying(3)"},
		{"national char varying(2)", "character varying(2)"}, {"\"char\"", "\"char\""},
		{"bit", "bit(1)"}, {"bit varying", "bit varying"},
		{"time", "time"}, {"time(3) with time zone", "time(3) with time zone"},
		{"timestamp without time zone", "timestamp"}, {"timestamptz", "timestamptz"},
		{"interval", "interval"}, {"interval(2)", "interval(2)"},
		{"interval minute to second(4)", "interval minute to second(4)"},
		{"int[]", "integer[]"}, {"int[3][]", "integer[3][]"}, {"integer array", "integer[]"},
		{"integer array[5]", "integer[5]"}, {"pg_catalog.int4", "integer"},
		{"myschema.mytype(1, 'x')", "myschema.mytype(1, 'x')"}, {"setof text", "SETOF text"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		TypeName *t = parse_type_name(cases[i].in);
		char *out = parse_deparse_type(t);

		ck_assert_msg(strcmp(out, cases[i].out) == 0, "type [%s]: got [%s] want [%s]",
		              cases[i].in, out, cases[i].out);
		ck_assert_msg(ast_equal(t, parse_type_name(out)), "type [%s] round trip", cases[i].in);
	}
	/* names as the catalog sees them */
	TypeName *t = parse_type_name("double precision");

	ck_assert_str_eq(ast_strval(t->names->items[0]), "pg_catalog");
	ck_assert_str_eq(ast_strval(t->names->items[1]), "float8");
	t = parse_type_name("interval hour to minute");
	ck_assert_int_eq(((A_Const *)t->typmods->items[0])->ival,
	                 INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE);
}
END_TEST

START_TEST(mysql_upsert_becomes_on_conflict_with_excluded)
{
	InsertStmt *s = (InsertStmt *)parse_one("INSERT INTO t (a, b) VALUES (1, 2) "
	                                         "ON DUPLICATE KEY UPDATE b = VALUES(b) + 1");
	OnConflictClause *oc = s->onConflictClause;
	ColumnRef *c;

	ck_assert(oc->duplicate_key);
	ck_assert_int_eq(oc->action, ONCONFLICT_UPDATE);
	ck_assert_ptr_null(oc->infer);
	c = (ColumnRef *)((A_Expr *)((ResTarget *)oc->targetList->items[0])->val)->lexpr;
	ck_assert_int_eq(AST_TAG(c), T_ColumnRef);
	ck_assert_str_eq(ast_strval(c->fields->items[0]), "excluded");
	ck_assert_str_eq(ast_strval(c->fields->items[1]), "b");
	/* outside that clause VALUES is not a function */
	ck_assert_str_eq(ast_deparse(parse_one("INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE "
	                                       "SET b = excluded.b")),
	                 "INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = excluded.b");
}
END_TEST

START_TEST(select_into_at_top_level_is_create_table_as)
{
	CreateTableAsStmt *c = (CreateTableAsStmt *)parse_one("SELECT a INTO TEMP t2 FROM t");

	ck_assert_int_eq(AST_TAG(c), T_CreateTableAsStmt);
	ck_assert(c->is_select_into);
	ck_assert_str_eq(c->into->rel->relname, "t2");
	ck_assert_int_eq(c->into->rel->relpersistence, RELPERSISTENCE_TEMP);
	ck_assert_ptr_null(((SelectStmt *)c->query)->intoClause);
}
END_TEST

/* ---- precedence --------------------------------------------------------------------------- */

static const struct { const char *in, *out; } prec_cases[] = {
	{"1 + 2 * 3", "(1 + (2 * 3))"},
	{"1 * 2 + 3", "((1 * 2) + 3)"},
	{"2 ^ 3 ^ 2", "((2 ^ 3) ^ 2)"},
	{"- a ^ 2", "((- a) ^ 2)"},
	{"-a * b", "((- a) * b)"},
	{"- a::int", "(- a::integer)"},
	{"a + b = c", "((a + b) = c)"},
	{"a = b AND c = d OR e", "(((a = b) AND (c = d)) OR e)"},
	{"a OR b AND c", "(a OR (b AND c))"},
	{"NOT a AND b", "((NOT a) AND b)"},
	{"NOT a = b", "(NOT (a = b))"},
	{"a IS NULL = b", "((a IS NULL) = b)"},
	{"a = b IS NULL", "((a = b) IS NULL)"},
	{"a BETWEEN b AND c = d", "((a BETWEEN b AND c) = d)"},
	{"a BETWEEN b + 1 AND c * 2", "(a BETWEEN (b + 1) AND (c * 2))"},
	{"a LIKE b || c", "(a LIKE (b || c))"},
	{"a || b LIKE c", "((a || b) LIKE c)"},
	{"a + b || c", "((a + b) || c)"},
	{"a || b + c", "(a || (b + c))"},
	{"a IN (1) = TRUE", "((a IN (1)) = TRUE)"},
	{"a = b IN (1)", "(a = (b IN (1)))"},
	{"a AT TIME ZONE 'x' + b", "((a AT TIME ZONE 'x') + b)"},
	{"a COLLATE \"C\" || b", "((a COLLATE \"C\") || b)"},
	{"- a COLLATE \"C\"", "((- a) COLLATE \"C\")"},
	{"a ~ b ~ c", "((a ~ b) ~ c)"},
	{"NOT NOT a", "(NOT (NOT a))"},
	{"a IS DISTINCT FROM b OR c", "((a IS DISTINCT FROM b) OR c)"},
	{"x = ANY (y) AND z", "((x = ANY (y)) AND z)"},
	{"1 - -1", "(1 - -1)"},
	{"a * (b + c)", "(a * (b + c))"},
	{"(a AND b) AND c", "(a AND b AND c)"},
	{"a AND (b AND c)", "(a AND (b AND c))"},
	{"@ a + b", "(@ (a + b))"},
	{"a ISNULL AND b NOTNULL", "((a IS NULL) AND (b IS NOT NULL))"},
	{"a::int + b::int", "(a::integer + b::integer)"},
	{"a - b - c", "((a - b) - c)"},
	{"a % b * c", "((a % b) * c)"},
	{"a + b OPERATOR(pg_catalog.*) c", "((a + b) OPERATOR(pg_catalog.*) c)"},
	{"NOT a IS NULL", "(NOT (a IS NULL))"},
	{"a IS NOT TRUE AND b", "((a IS NOT TRUE) AND b)"},
	{"-(1 + 2)", "(- (1 + 2))"},
	{"- 2147483648", "-2147483648"},
	{"(a, b) = (c, d)", "((a, b) = (c, d))"},
	{"a = b OR NOT c AND d", "((a = b) OR ((NOT c) AND d))"},
	{"(-1)::text", "(-1)::text"},
	{"-1::text", "(- 1::text)"},
	{"((SELECT 1) + 1)", "((SELECT 1) + 1)"},
	{"((SELECT 1) UNION SELECT 2)", "(SELECT 1 UNION SELECT 2)"},
	{"(((SELECT a))[1])", "(SELECT a)[1]"},
};

START_TEST(expressions_follow_postgresql_precedence)
{
	for (size_t i = 0; i < sizeof(prec_cases) / sizeof(prec_cases[0]); i++) {
		ast_node *e = parse_expr(prec_cases[i].in);
		char *out = ast_deparse(e);

		ck_assert_msg(strcmp(out, prec_cases[i].out) == 0, "[%s]: got [%s] want [%s]",
		              prec_cases[i].in, out, prec_cases[i].out);
		ck_assert_msg(ast_equal(e, parse_expr(out)), "[%s] round trip", prec_cases[i].in);
	}
}
END_TEST

/* ---- statements: the round-trip table ---------------------------------------------------- */

START_TEST(every_statement_kind_round_trips_to_canonical_text)
{
	char *data = read_data_file("roundtrip.txt");
	int n = 0;

	for (char *line = strtok(data, "\n"); line != NULL; line = strtok(NULL, "\n")) {
		if (line[0] == '#')
			continue;
		char *input = line;
		char *expect = strtok(NULL, "\n");

		ck_assert_msg(expect != NULL && strncmp(expect, "=> ", 3) == 0,
		              "roundtrip.txt: no expected text after: %s", input);
		expect += 3;

		ast_node *tree = parse_one(input);
		char *text = round_trip(input, tree);

		ck_assert_msg(strcmp(text, expect) == 0, "canonical text of:\n  %s\n  got:  %s\n  want: %s",
		              input, text, expect);
		n++;
	}
	ck_assert_int_ge(n, 620);
}
END_TEST

/* Parse a batch file and round-trip every statement; returns the statement count. */
static int
check_batch_file(const char *name)
{
	char *sql = read_data_file(name);
	ast_list *l = parse_sql(sql, NULL);

	for (int i = 0; i < ast_list_length(l); i++) {
		RawStmt *r = (RawStmt *)l->items[i];
		char *one = pstrndup(sql + r->stmt_location, (size_t)r->stmt_len);

		/* the statement's text, cut out by location and length, parses to the same tree */
		ck_assert_msg(ast_equal(parse_one(one), r->stmt), "%s: statement %d: %s", name, i, one);
		round_trip(one, r->stmt);
	}
	return ast_list_length(l);
}

START_TEST(statements_psql_and_pgbench_send_parse)
{
	ck_assert_int_eq(check_batch_file("client-statements.sql"), 49);
}
END_TEST

START_TEST(psql_meta_commands_and_driver_queries_parse)
{
	ck_assert_int_eq(check_batch_file("psql-meta.sql"), 68);
}
END_TEST

START_TEST(sqllogictest_sample_parses_and_round_trips)
{
	ck_assert_int_ge(check_batch_file("slt-sample.sql"), 700);
}
END_TEST

/* ---- errors ------------------------------------------------------------------------------- */

/* Each checked against PostgreSQL 15.18: same SQLSTATE, message and position (0: none). */
static const struct { const char *sql, *code, *msg; int pos; } error_cases[] = {
	{"SELEC 1", "42601", "syntax error at or near \"SELEC\"", 1},
	{"SELECT 1 +", "42601", "syntax error at end of input", 11},
	{"SELECT (1", "42601", "syntax error at end of input", 10},
	{"SELECT 1)", "42601", "syntax error at or near \")\"", 9},
	{"SELECT * FROM", "42601", "syntax error at end of input", 14},
	{"SELECT 'abc", "42601", "unterminated quoted string at or near \"'abc\"", 8},
	{"SELECT \"abc", "42601", "unterminated quoted identifier at or near \"\"abc\"", 8},
	{"SELECT /* abc", "42601", "unterminated /* comment at or near \"/* abc\"", 8},
	{"SELECT $$abc", "42601", "unterminated dollar-quoted string at or near \"$$abc\"", 8},
	{"SELECT E'abc", "42601", "unterminated quoted string at or near \"E'abc\"", 8},
	{"SELECT \"\"", "42601", "zero-length delimited identifier at or near \"\"\"\"", 8},
	{"SELECT 1 = 1 = 1", "42601", "syntax error at or near \"=\"", 14},
	{"SELECT 1 < 2 < 3", "42601", "syntax error at or near \"<\"", 14},
	{"SELECT 1..2", "42601", "syntax error at or near \"..\"", 9},
	{"SELECT 123abc", "42601", "trailing junk after numeric literal at or near \"123abc\"", 8},
	{"SELECT 1e", "42601", "trailing junk after numeric literal at or near \"1e\"", 8},
	{"SELECT 0x1f", "42601", "trailing junk after numeric literal at or near \"0x1f\"", 8},
	{"SELECT $1abc", "42601", "trailing junk after parameter at or near \"$1abc\"", 8},
	{"SELECT B'01", "42601", "unterminated bit string literal at or near \"B'01\"", 8},
	{"SELECT X'1f", "42601", "unterminated hexadecimal string literal at or near \"X'1f\"", 8},
	/* positions count characters, not bytes */
	{"SELECT \xC3\xA9, (1", "42601", "syntax error at end of input", 13},
	{"SELECT '\xC3\xA9' 'x'", "42601", "syntax error at or near \"'x'\"", 12},
	{"SELECT '\xC3\xBC' + , 2", "42601", "syntax error at or near \",\"", 14},
	{"SELECT \xC3\xB1 FROM t WHERE x = '\xC3\xBC' AND AND", "42601",
	 "syntax error at or near \"AND\"", 35},
	{"SELECT 1 FROM t ORDER BY 1 ORDER BY 2", "42601", "syntax error at or near \"ORDER\"", 28},
	{"SELECT a FROM t LIMIT 1, 2", "42601", "LIMIT #,# syntax is not supported", 17},
	{"SELECT a FROM t LIMIT 1 LIMIT 2", "42601", "syntax error at or near \"LIMIT\"", 25},
	{"INSERT INTO t VALUES (1", "42601", "syntax error at end of input", 24},
	{"INSERT t VALUES (1)", "42601", "syntax error at or near \"t\"", 8},
	{"UPDATE t a = 1", "42601", "syntax error at or near \"=\"", 12},
	{"DELETE t", "42601", "syntax error at or near \"t\"", 8},
	{"CREATE TABLE t (a)", "42601", "syntax error at end of input", 19},
	{"CREATE TABLE t (a int,)", "42601", "syntax error at or near \")\"", 23},
	{"CREATE TABLE (a int)", "42601", "syntax error at or near \"(\"", 14},
	{"DROP TABLE", "42601", "syntax error at end of input", 11},
	{"ALTER TABLE t FROB", "42601", "syntax error at or near \"FROB\"", 15},
	{"SELECT * FROM t JOIN u", "42601", "syntax error at end of input", 23},
	{"SELECT * FROM t LEFT JOIN u USING a", "42601", "syntax error at or near \"a\"", 35},
	{"SELECT CASE WHEN 1 THEN 2", "42601", "syntax error at end of input", 26},
	{"SELECT CAST(1 AS)", "42601", "syntax error at or near \")\"", 17},
	{"SELECT count(*", "42601", "syntax error at end of input", 15},
	{"SELECT f(a b)", "42601", "syntax error at or near \"b\"", 12},
	{"SELECT ARRAY[1,2][1]", "42601", "syntax error at or near \"[\"", 18},
	{"SELECT a FROM t WHERE a IN 1", "42601", "syntax error at or near \"1\"", 28},
	{"SELECT 1 IS DISTINCT FROM 2 IS NULL", "42601", "syntax error at or near \"IS\"", 29},
	{"SELECT sum(x) OVER (ROWS UNBOUNDED FOLLOWING) FROM t", "42P20",
	 "frame start cannot be UNBOUNDED FOLLOWING", 26},
	{"SELECT sum(x) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM t", "42P20",
	 "frame starting from current row cannot have preceding rows", 50},
	{"SELECT sum(x) OVER (ROWS 1 FOLLOWING) FROM t", "42P20",
	 "frame starting from following row cannot end with current row", 26},
	{"SELECT 1::float(0)", "22023", "precision for type float must be at least 1 bit", 17},
	{"SELECT 1::float(60)", "22023", "precision for type float must be less than 54 bits", 17},
	{"SELECT a FROM t FETCH FIRST 1 ROW WITH TIES", "42601",
	 "WITH TIES cannot be specified without ORDER BY clause", 0},
	{"BEGIN ISOLATION LEVEL FOO", "42601", "syntax error at or near \"FOO\"", 23},
	{"SET", "42601", "syntax error at end of input", 4},
	{"CREATE TABLE t (a int CHECK (a > 0) DEFERRABLE)", "42601", "misplaced DEFERRABLE clause", 37},
	{"CREATE TABLE t (a int NOT NULL DEFERRABLE)", "42601", "misplaced DEFERRABLE clause", 32},
	{"CREATE TABLE t (a int, UNIQUE (a) NOT VALID)", "0A000",
	 "UNIQUE constraints cannot be marked NOT VALID", 0},
	{"CREATE TABLE t (a int, CHECK (a > 0) DEFERRABLE)", "0A000",
	 "CHECK constraints cannot be marked DEFERRABLE", 0},
	{"CREATE TABLE t (a int UNIQUE DEFERRABLE NOT DEFERRABLE)", "42601",
	 "multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed", 41},
	{"SELECT e'\\u00zz'", "22025", "invalid Unicode escape", 10},
	{"SELECT U&'\\zzzz'", "42601", "invalid Unicode escape", 11},
	{"SELECT e'\\xff'", "22021", "invalid byte sequence for encoding \"UTF8\": 0xff", 0},
	{"SELECT 1; SELECT (; SELECT 3", "42601", "syntax error at or near \";\"", 19},
	{"SELECT 1 FROM t; SELEC 2", "42601", "syntax error at or near \"SELEC\"", 18},
	{"SELECT\n  a,\n  b +\nFROM t", "42601", "syntax error at or near \"FROM\"", 19},
	{"CREATE ROLE none", "42939", "role name \"none\" is reserved", 13},
	{"WITH x AS (SELECT 1) WITH y AS (SELECT 2) SELECT 1", "42601",
	 "syntax error at or near \"WITH\"", 22},
	{"(WITH x AS (SELECT 1) SELECT 1) ORDER BY 1 ORDER BY 1", "42601",
	 "syntax error at or near \"ORDER\"", 44},
	{"SELECT ((SELECT 1) UNION SELECT 2", "42601", "syntax error at end of input", 34},
	{"VALUES (1),", "42601", "syntax error at end of input", 12},
	{"SELECT 1 FROM t WHERE a NOT 5", "42601", "syntax error at or near \"NOT\"", 25},
	{"SELECT a::", "42601", "syntax error at end of input", 11},
	{"SELECT f(a => )", "42601", "syntax error at or near \")\"", 15},
	{"VACUUM FULL ANALYZE VERBOSE t", "42601", "syntax error at or near \"VERBOSE\"", 21},
	/* more constructs, each result also checked against PostgreSQL 15.18 */
	{"CREATE TABLE t (a int, UNIQUE (a) DEFERRABLE NOT DEFERRABLE)", "42601", "conflicting constraint properties", 46},
	{"CREATE TABLE t (a int, UNIQUE (a) INITIALLY DEFERRED INITIALLY IMMEDIATE)", "42601", "conflicting constraint properties", 54},
	{"CREATE TABLE t (a int, UNIQUE (a) NOT DEFERRABLE INITIALLY DEFERRED)", "42601", "constraint declared INITIALLY DEFERRED must be DEFERRABLE", 50},
	{"CREATE TABLE t (a int, UNIQUE (a) NO INHERIT)", "0A000", "UNIQUE constraints cannot be marked NO INHERIT", 0},
	{"CREATE TABLE t (a int, PRIMARY KEY (a) NOT VALID)", "0A000", "PRIMARY KEY constraints cannot be marked NOT VALID", 0},
	{"CREATE TABLE t (a int REFERENCES u MATCH PARTIAL)", "0A000", "MATCH PARTIAL not yet implemented", 36},
	{"CREATE TABLE t (a int REFERENCES u ON UPDATE SET NULL (a))", "0A000", "a column list with SET NULL is only supported for ON DELETE actions", 36},
	{"CREATE TABLE t (a int REFERENCES u ON DELETE CASCADE ON DELETE CASCADE)", "42601", "syntax error at or near \"DELETE\"", 57},
	{"CREATE TABLE t (a int GENERATED BY DEFAULT AS (1) STORED)", "42601", "for a generated column, GENERATED ALWAYS must be specified", 33},
	{"CREATE TABLE t (a int INITIALLY DEFERRED)", "42601", "misplaced INITIALLY DEFERRED clause", 23},
	{"CREATE TABLE t (a int UNIQUE INITIALLY DEFERRED INITIALLY IMMEDIATE)", "42601", "multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed", 49},
	{"CREATE TABLE t (a int UNIQUE NOT DEFERRABLE INITIALLY DEFERRED)", "42601", "constraint declared INITIALLY DEFERRED must be DEFERRABLE", 45},
	{"CREATE ROLE r UNENCRYPTED PASSWORD 'x'", "0A000", "UNENCRYPTED PASSWORD is no longer supported", 15},
	{"CREATE ROLE r FOO", "42601", "unrecognized role option \"foo\"", 15},
	{"CREATE ROLE public", "42939", "role name \"public\" is reserved", 13},
	{"CREATE ROLE r CONNECTION LIMIT 1.5", "42601", "syntax error at or near \"1.5\"", 32},
	{"CREATE SCHEMA IF NOT EXISTS s CREATE TABLE t (a int)", "0A000", "CREATE SCHEMA IF NOT EXISTS cannot include schema elements", 31},
	{"CREATE OR REPLACE TABLE t (a int)", "42601", "syntax error at or near \"TABLE\"", 19},
	{"CREATE TEMP INDEX i ON t (a)", "42601", "syntax error at or near \"INDEX\"", 13},
	{"CREATE UNLOGGED VIEW v AS SELECT 1", "42601", "views cannot be unlogged because they do not have storage", 0},
	{"CREATE RECURSIVE VIEW v AS SELECT 1", "42601", "syntax error at or near \"AS\"", 25},
	{"SELECT f(DISTINCT x) WITHIN GROUP (ORDER BY y)", "42601", "cannot use DISTINCT with WITHIN GROUP", 22},
	{"SELECT f(x ORDER BY z) WITHIN GROUP (ORDER BY y)", "42601", "cannot use multiple ORDER BY clauses with WITHIN GROUP", 24},
	{"SELECT f(VARIADIC x) WITHIN GROUP (ORDER BY y)", "42601", "cannot use VARIADIC with WITHIN GROUP", 22},
	{"SELECT f(VARIADIC a, b)", "42601", "syntax error at or near \",\"", 20},
	{"SELECT sum(x) OVER (ROWS BETWEEN 1 PRECEDING AND UNBOUNDED PRECEDING) FROM t", "42P20", "frame end cannot be UNBOUNDED PRECEDING", 50},
	{"SELECT sum(x) OVER (ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM t", "42P20", "frame starting from following row cannot have preceding rows", 50},
	{"SELECT a FROM t ORDER BY a FETCH FIRST 1 ROW WITH TIES FOR UPDATE SKIP LOCKED", "42601", "SKIP LOCKED and WITH TIES options cannot be used together", 0},
	{"(SELECT 1 LIMIT 1) LIMIT 2", "42601", "multiple LIMIT clauses not allowed", 26},
	{"(SELECT 1 OFFSET 1) OFFSET 2", "42601", "multiple OFFSET clauses not allowed", 28},
	{"SELECT U&'\\D800'", "42601", "invalid Unicode surrogate pair", 16},
	{"SELECT U&'x' UESCAPE 'ab'", "42601", "invalid Unicode escape character at or near \"'ab'\"", 22},
	{"SELECT E'\\uD800x'", "42601", "invalid Unicode surrogate pair at or near \"x\"", 16},
	{"SELECT E'\\uDC00'", "42601", "invalid Unicode surrogate pair at or near \"\\uDC00\"", 10},
	{"SELECT E'\\U00110000'", "42601", "invalid Unicode escape value at or near \"\\U00110000\"", 10},
	{"SELECT ARRAY(1)", "42601", "syntax error at or near \"1\"", 14},
	{"SELECT EXISTS 1", "42601", "syntax error at or near \"1\"", 15},
	{"INSERT INTO t OVERRIDING FOO VALUE VALUES (1)", "42601", "syntax error at or near \"FOO\"", 26},
	{"DROP MATERIALIZED TABLE x", "42601", "syntax error at or near \"TABLE\"", 19},
	{"DROP FOREIGN VIEW x", "42601", "syntax error at or near \"VIEW\"", 14},
	{"REINDEX FOO x", "42601", "syntax error at or near \"FOO\"", 9},
	{"COMMENT ON FOO x IS 'y'", "42601", "syntax error at or near \"FOO\"", 12},
	{"ALTER TABLE t ALTER COLUMN a ADD GENERATED ALWAYS AS (1) STORED", "42601", "syntax error at or near \"(\"", 54},
	{"ALTER FOO x", "42601", "syntax error at or near \"FOO\"", 7},
	{"DISCARD FOO", "42601", "syntax error at or near \"FOO\"", 9},
	{"SELECT 1 FROM t WHERE a = ANY (1, 2)", "42601", "syntax error at or near \",\"", 33},
	{"SELECT CAST(a AS int", "42601", "syntax error at end of input", 21},
	{"SELECT * FROM LATERAL t", "42601", "syntax error at end of input", 24},
	{"SELECT * FROM (a)", "42601", "syntax error at or near \")\"", 17},
	{"SELECT 1 IS NOT", "42601", "syntax error at end of input", 16},
	{"SELECT x FROM t GROUP BY GROUPING SETS (a", "42601", "syntax error at end of input", 42},
	{"CREATE TABLE t (a int) PARTITION OF p", "42601", "syntax error at or near \"OF\"", 34},
	{"SELECT 1 FROM t FOR", "42601", "syntax error at end of input", 20},
	{"SELECT 1 FROM t FOR NO UPDATE", "42601", "syntax error at or near \"UPDATE\"", 24},
	{"UPDATE t SET (a, b) = 1, c", "42601", "syntax error at end of input", 27},
	{"SELECT 1 UNION", "42601", "syntax error at end of input", 15},
	{"COPY t FROM", "42601", "syntax error at end of input", 12},
	{"COPY t TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (a)", "42601", "syntax error at end of input", 51},
	{"SET x TO", "42601", "syntax error at end of input", 9},
	{"SET TIME ZONE", "42601", "syntax error at end of input", 14},
	{"BEGIN TRANSACTION READ", "42601", "syntax error at end of input", 23},
	{"PREPARE p AS VACUUM", "42601", "syntax error at or near \"VACUUM\"", 14},
	{"DEALLOCATE", "42601", "syntax error at end of input", 11},
	{"LOCK t IN FOO MODE", "42601", "syntax error at or near \"FOO\"", 11},
	{"FETCH ABSOLUTE x FROM c", "42601", "syntax error at or near \"x\"", 16},
	{"CREATE INDEX ON t", "42601", "syntax error at end of input", 18},
	{"CREATE FUNCTION f(a int RETURNS int", "42601", "syntax error at or near \"RETURNS\"", 25},
	{"GRANT SELECT ON t", "42601", "syntax error at end of input", 18},
	{"REVOKE SELECT ON t TO r", "42601", "syntax error at or near \"TO\"", 20},
	{"SELECT 1 AT TIME ZONE", "42601", "syntax error at end of input", 22},
	{"SELECT TRIM(BOTH FROM)", "42601", "syntax error at or near \")\"", 22},
	{"SELECT EXTRACT(1 FROM x)", "42601", "syntax error at or near \"1\"", 16},
	{"SELECT POSITION('a')", "42601", "syntax error at or near \")\"", 20},
	{"SELECT OVERLAY('a' PLACING 'b')", "42601", "syntax error at or near \")\"", 31},
	{"SELECT SUBSTRING('a' SIMILAR 'b')", "42601", "syntax error at or near \")\"", 33},
	{"SELECT x NOT 1", "42601", "syntax error at or near \"1\"", 14},
	{"SELECT 1 FROM t WHERE a BETWEEN 1 OR 2", "42601", "syntax error at or near \"OR\"", 35},
	{"SELECT a FROM t WINDOW w", "42601", "syntax error at end of input", 25},
	{"SELECT sum(x) OVER (ROWS) FROM t", "42601", "syntax error at or near \")\"", 25},
	{"SELECT sum(x) OVER (ROWS BETWEEN CURRENT ROW) FROM t", "42601", "syntax error at or near \")\"", 45},
	{"SELECT sum(x) OVER (RANGE CURRENT ROW EXCLUDE FOO) FROM t", "42601", "syntax error at or near \"FOO\"", 47},
	{"SELECT a FROM t ORDER BY a USING", "42601", "syntax error at end of input", 33},
	{"SELECT a FROM t ORDER BY a NULLS", "42601", "syntax error at or near \"NULLS\"", 28},
	{"SELECT * FROM t NATURAL JOIN u ON TRUE", "42601", "syntax error at or near \"ON\"", 32},
	{"SELECT * FROM t JOIN u USING (a) AS", "42601", "syntax error at end of input", 36},
	{"SELECT ROW(1", "42601", "syntax error at end of input", 13},
	{"SELECT CASE END", "42601", "syntax error at or near \"END\"", 13},
	{"SELECT COALESCE()", "42601", "syntax error at or near \")\"", 17},
	{"SELECT 1::", "42601", "syntax error at end of input", 11},
	{"SELECT 1::int[", "42601", "syntax error at end of input", 15},
	{"SELECT 'x'::float(x)", "42601", "syntax error at or near \"x\"", 19},
	{"SELECT 'x'::interval year to day", "42601", "syntax error at or near \"day\"", 30},
	/* a syntax error earlier in the text wins over a lexical one later (lexing is lazy in
	 * PostgreSQL), and keywords commit to the construct they start, as in PostgreSQL */
	{"SELECT * text FROM \"My AS \"T\"", "42601", "syntax error at or near \"text\"", 10},
	{"SELECT 1 FROM t WHERE a SIMILAR b TO", "42601", "syntax error at or near \"b\"", 33},
	{"CREATE OR TEMP VIEW v AS SELECT 1", "42601", "syntax error at or near \"TEMP\"", 11},
	{"SET TIME ZONE CASCADE", "42601", "syntax error at or near \"CASCADE\"", 15},
	{"INSERT INTO t DEFAULT UNIQUE", "42601", "syntax error at or near \"UNIQUE\"", 23},
	{"ALTER TABLE t ALTER COLUMN a SET ALWAYS", "42601", "syntax error at or near \"ALWAYS\"", 34},
	{"CREATE SCHEMA IF NOT VALUES EXISTS s", "42601", "syntax error at or near \"VALUES\"", 22},
	{"EXPLAIN (GROUP) SELECT 1", "42601", "syntax error at or near \"GROUP\"", 10},
	{"SELECT 'a' 'b", "42601", "unterminated quoted string at or near \"'b\"", 12},
	{"SELECT 1 FROM t WHERE x = 'ok' AND y = 'unterminated", "42601", "unterminated quoted string at or near \"'unterminated\"", 40},
	{"COMMENT ON PROCEDURE IS 'x'", "42601", "syntax error at or near \"'x'\"", 25},
	{"GRANT SELECT ON ALL r IN SCHEMA s TO u", "42601", "syntax error at or near \"r\"", 21},
	{"CREATE TABLE t (x, AS SELECT 1", "42601", "syntax error at or near \"AS\"", 20},
	{"SELECT NULL AT TIME a", "42601", "syntax error at or near \"a\"", 21},
	{"SELECT (1 IS FROM t)", "42601", "syntax error at or near \"FROM\"", 14},
	{"SELECT a AT ZONE b", "42601", "syntax error at or near \"ZONE\"", 13},
	{"SELECT * FROM LATERAL s.f(1) 'x' r", "42601", "syntax error at or near \"'x'\"", 30},
	{"SELECT count(*) WITHIN (ORDER BY a)", "42601", "syntax error at or near \"(\"", 24},
	{"WITH a AS NOT (SELECT 1) SELECT 1", "42601", "syntax error at or near \"(\"", 15},
	/* errors of our own (PostgreSQL checks these elsewhere) */
	{"SELECT a.b.c.d.e FROM t.u.v.w", "42601",
	 "improper qualified name (too many dotted names): t.u.v.w", 23},
};

START_TEST(syntax_errors_report_postgresql_positions)
{
	for (size_t i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++) {
		err_info *e = expect_error(do_parse_sql, error_cases[i].sql);

		ck_assert_msg(strcmp(e->sqlstate, error_cases[i].code) == 0 &&
		              strcmp(e->message, error_cases[i].msg) == 0 &&
		              e->position == error_cases[i].pos,
		              "[%s]:\n  got  %s %s at %d\n  want %s %s at %d", error_cases[i].sql,
		              e->sqlstate, e->message, e->position, error_cases[i].code,
		              error_cases[i].msg, error_cases[i].pos);
	}
}
END_TEST

START_TEST(nesting_too_deep_is_statement_too_complex)
{
	strbuf b;
	err_info *e;

	/* 1000 levels parse (PostgreSQL's own limit is about there) */
	sb_init(&b, 8192);
	sb_puts(&b, "SELECT ");
	for (int i = 0; i < 1000; i++)
		sb_putc(&b, '(');
	sb_putc(&b, '1');
	for (int i = 0; i < 1000; i++)
		sb_putc(&b, ')');
	round_trip(b.s, parse_one(b.s));
	/* a long left-deep chain too */
	sb_init(&b, 8192);
	sb_puts(&b, "SELECT 1");
	for (int i = 0; i < 1000; i++)
		sb_puts(&b, "+1");
	round_trip(b.s, parse_one(b.s));
	/* 100000 parentheses are refused before the stack is at risk */
	sb_init(&b, 300000);
	sb_puts(&b, "SELECT ");
	for (int i = 0; i < 100000; i++)
		sb_putc(&b, '(');
	e = expect_error(do_parse_sql, b.s);
	ck_assert_str_eq(e->sqlstate, "54001");
	ck_assert_str_eq(e->message, "statement too complex");
	/* and so are 100000-term chains */
	sb_init(&b, 300000);
	sb_puts(&b, "SELECT 1");
	for (int i = 0; i < 100000; i++)
		sb_puts(&b, "*2");
	ck_assert_str_eq(expect_error(do_parse_sql, b.s)->sqlstate, "54001");
}
END_TEST

/* ---- API ---------------------------------------------------------------------------------- */

START_TEST(batches_split_into_statements_with_locations)
{
	const char *q = "  SELECT 1;\nSELECT 'a;b' ; ;  UPDATE t SET a = 1  ;CREATE TRIGGER r "
	                "UPDATE ON t BEGIN SELECT 1; SELECT 2; END;";
	ast_list *l = parse_sql(q, NULL);
	RawStmt *r;

	ck_assert_int_eq(ast_list_length(l), 4);
	r = (RawStmt *)l->items[0];
	ck_assert_int_eq(r->stmt_location, 2);
	ck_assert_int_eq(r->stmt_len, 8);
	r = (RawStmt *)l->items[1];
	ck_assert_int_eq(strncmp(q + r->stmt_location, "SELECT 'a;b'", (size_t)r->stmt_len), 0);
	ck_assert_int_eq(r->stmt_len, 12);
	r = (RawStmt *)l->items[2];
	ck_assert_int_eq(strncmp(q + r->stmt_location, "UPDATE t SET a = 1", (size_t)r->stmt_len), 0);
	r = (RawStmt *)l->items[3];
	ck_assert_int_eq(AST_TAG(r->stmt), T_CreateTrigStmt);
	ck_assert_int_eq(ast_list_length(((CreateTrigStmt *)r->stmt)->body), 2);
	/* empty query strings */
	ck_assert_ptr_null(parse_sql("", NULL));
	ck_assert_ptr_null(parse_sql(" ;; -- nothing\n", NULL));
}
END_TEST

START_TEST(locations_and_error_positions)
{
	const char *q = "SELECT \xC3\xA9t\xC3\xA9, b FROM t";
	SelectStmt *s = (SelectStmt *)parse_one(q);
	ast_node *b = ((ResTarget *)s->targetList->items[1])->val;

	ck_assert_int_eq(b->loc, 14);                     /* bytes */
	ck_assert_int_eq(parse_errposition(q, b->loc), 13); /* characters, 1-based */
	ck_assert_int_eq(parse_errposition(q, -1), 0);
	ck_assert_int_eq(((RangeVar *)s->fromClause->items[0])->hdr.loc, 21);
}
END_TEST

START_TEST(parse_expr_and_type_name_take_exactly_one_item)
{
	ck_assert_str_eq(ast_deparse(parse_expr("a > 0 AND b IS NOT NULL")),
	                 "((a > 0) AND (b IS NOT NULL))");
	ck_assert_str_eq(expect_error(do_parse_expr, "1 +")->sqlstate, "42601");
	ck_assert_str_eq(expect_error(do_parse_expr, "a b")->sqlstate, "42601");
	ck_assert_str_eq(expect_error(do_parse_expr, "1; 2")->sqlstate, "42601");
	ck_assert_str_eq(expect_error(do_parse_type, "int int")->sqlstate, "42601");
	ck_assert_int_eq(expect_error(do_parse_type, "float(99)")->position, 7);
}
END_TEST

START_TEST(identifiers_are_quoted_only_when_needed)
{
	ck_assert_str_eq(parse_quote_ident("abc"), "abc");
	ck_assert_str_eq(parse_quote_ident("a_1$"), "a_1$");
	ck_assert_str_eq(parse_quote_ident("Abc"), "\"Abc\"");
	ck_assert_str_eq(parse_quote_ident("a b"), "\"a b\"");
	ck_assert_str_eq(parse_quote_ident("a\"b"), "\"a\"\"b\"");
	ck_assert_str_eq(parse_quote_ident("1a"), "\"1a\"");
	ck_assert_str_eq(parse_quote_ident("select"), "\"select\"");   /* reserved */
	ck_assert_str_eq(parse_quote_ident("int"), "\"int\"");         /* column-name keyword */
	ck_assert_str_eq(parse_quote_ident("key"), "key");             /* unreserved */
	ck_assert_str_eq(parse_quote_ident("\xC3\xA9"), "\"\xC3\xA9\"");
}
END_TEST

/* ---- tree operations ---------------------------------------------------------------------- */

static bool
count_nodes(ast_node *n, void *ctx)
{
	(*(int *)ctx)++;
	return false;
}

static bool
find_paramref(ast_node *n, void *ctx)
{
	(void)ctx;
	return AST_IS(n, ParamRef);
}

START_TEST(walk_copy_and_equal_work_on_any_tree)
{
	const char *q = "WITH w AS (SELECT 1) SELECT a, f(b ORDER BY c) FILTER (WHERE d) "
	                "OVER (PARTITION BY e) FROM t JOIN u USING (k) WHERE x IN (1, 2) "
	                "AND y = ANY (SELECT z FROM v) GROUP BY ROLLUP (a) HAVING $1 > 0";
	ast_node *tree = parse_one(q);
	ast_node *copy = ast_copy(tree);
	int n1 = 0, n2 = 0, children = 0;

	ck_assert_ptr_ne(tree, copy);
	ck_assert(ast_equal(tree, copy));
	ck_assert_str_eq(ast_dump(tree), ast_dump(copy));
	ast_tree_walk(tree, count_nodes, &n1);
	ast_tree_walk(copy, count_nodes, &n2);
	ck_assert_int_eq(n1, n2);
	ck_assert_int_gt(n1, 40);
	ast_walk(tree, count_nodes, &children);
	ck_assert_int_lt(children, n1);
	ck_assert(ast_tree_walk(tree, find_paramref, NULL));
	ck_assert(!ast_tree_walk(parse_one("SELECT 1"), find_paramref, NULL));

	/* locations do not matter for equality; content does */
	ck_assert(ast_equal(parse_one("SELECT   a+1 FROM t"), parse_one("select a + 1 from t")));
	ck_assert(!ast_equal(parse_one("SELECT a+1 FROM t"), parse_one("SELECT a+2 FROM t")));
	ck_assert(!ast_equal(parse_one("SELECT a FROM t"), parse_one("SELECT \"A\" FROM t")));
	ck_assert(!ast_equal(parse_one("SELECT DISTINCT a FROM t"), parse_one("SELECT a FROM t")));
	ck_assert(!ast_equal(parse_one("SELECT a::int"), parse_one("SELECT a::bigint")));
	ck_assert(ast_equal(NULL, ast_list_new()));
	ck_assert(!ast_equal(parse_one("SELECT 1"), NULL));

	/* a copy is independent of its original */
	SelectStmt *s = (SelectStmt *)copy;

	((ColumnRef *)((ResTarget *)s->targetList->items[0])->val)->fields->items[0] =
		(ast_node *)ast_string("zz", -1);
	ck_assert(!ast_equal(tree, copy));
	ck_assert_ptr_nonnull(strstr(ast_deparse(tree), "SELECT a, "));
}
END_TEST

START_TEST(multi_assignment_shares_its_source_and_copies_apart)
{
	UpdateStmt *u = (UpdateStmt *)parse_one("UPDATE t SET (a, b, c) = (SELECT 1, 2, 3)");
	MultiAssignRef *m1 = (MultiAssignRef *)((ResTarget *)u->targetList->items[0])->val;
	MultiAssignRef *m3 = (MultiAssignRef *)((ResTarget *)u->targetList->items[2])->val;
	UpdateStmt *c = ast_copy(u);

	ck_assert_ptr_eq(m1->source, m3->source);
	ck_assert_int_eq(m3->colno, 3);
	ck_assert_int_eq(m3->ncolumns, 3);
	ck_assert(ast_equal(u, c));
	ck_assert_str_eq(ast_deparse(c), "UPDATE t SET (a, b, c) = (SELECT 1, 2, 3)");
}
END_TEST

START_TEST(field_table_covers_every_node_kind)
{
	for (int t = T_String; t < T_NUM_TAGS; t++) {
		ck_assert_msg(ast_node_table[t].name != NULL, "tag %d has no field table", t);
		ck_assert_str_eq(ast_tag_name(t), ast_node_table[t].name);
		ck_assert_int_ge(ast_node_table[t].size, sizeof(ast_node));
	}
	ck_assert_str_eq(ast_tag_name(T_List), "List");
	ck_assert_str_eq(ast_tag_name(T_SelectStmt), "SelectStmt");
	ck_assert_str_eq(ast_tag_name(9999), "?");
	/* the dump names fields */
	ck_assert_str_eq(ast_dump(parse_expr("$1")), "{ParamRef :number 1}");
	ck_assert_str_eq(ast_dump(parse_expr("'x'")), "{A_Const :ckind 3 :ival 0 :sval \"x\"}");
}
END_TEST

static Suite *
parse_suite(void)
{
	Suite *s = suite_create("parse");
	TCase *tc;

	tc = tcase_create("lexer");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, lexer_tokenizes_postgresql_style);
	tcase_add_test(tc, lexer_truncates_long_identifiers_with_a_notice);
	tcase_add_test(tc, keyword_lookup_is_case_insensitive_and_exact);
	tcase_add_test(tc, non_reserved_keywords_are_usable_as_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("trees");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, constants_have_postgresql_types);
	tcase_add_test(tc, sql_type_names_map_to_catalog_names);
	tcase_add_test(tc, mysql_upsert_becomes_on_conflict_with_excluded);
	tcase_add_test(tc, select_into_at_top_level_is_create_table_as);
	tcase_add_test(tc, expressions_follow_postgresql_precedence);
	suite_add_tcase(s, tc);

	tc = tcase_create("round trip");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, every_statement_kind_round_trips_to_canonical_text);
	tcase_add_test(tc, statements_psql_and_pgbench_send_parse);
	tcase_add_test(tc, psql_meta_commands_and_driver_queries_parse);
	tcase_add_test(tc, sqllogictest_sample_parses_and_round_trips);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, syntax_errors_report_postgresql_positions);
	tcase_add_test(tc, nesting_too_deep_is_statement_too_complex);
	suite_add_tcase(s, tc);

	tc = tcase_create("api");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, batches_split_into_statements_with_locations);
	tcase_add_test(tc, locations_and_error_positions);
	tcase_add_test(tc, parse_expr_and_type_name_take_exactly_one_item);
	tcase_add_test(tc, identifiers_are_quoted_only_when_needed);
	tcase_add_test(tc, walk_copy_and_equal_work_on_any_tree);
	tcase_add_test(tc, multi_assignment_shares_its_source_and_copies_apart);
	tcase_add_test(tc, field_table_covers_every_node_kind);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(parse_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
