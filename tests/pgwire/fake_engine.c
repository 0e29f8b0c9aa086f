/*
 * fake_engine.c — test double of lib/sql/engine.h for protocol tests (see fake_engine.h).
 * Deliberately small: a tokenizer, a recognizer for a few statement shapes, and in-memory
 * tables of text rows.  Not a model of the real engine beyond the contract.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "fake_engine.h"
#include "pgwire/pgw.h"
#include "shm/proc.h"
#include "sql/engine.h"
#include "util/err.h"
#include "util/mem.h"

const char fake_pg15_verifier_pencil[] =
	"SCRAM-SHA-256$4096:njLzLk7NNskjkk49WQ4ISw==$H/IIglmvyZr6ntCkGgBMMRNDpTTXiNen4mRrtK+A1Q8="
	":DNFVND0mb9k54D9PzkJZKtaZ22knedubHBj617LHMXY=";

#define MAX_SERIES 1000000

/* ---- session state -------------------------------------------------------------------------- */

typedef struct ftable {
	char *name;
	int ncols;
	char **colnames;
	Oid *types;
	int nrows, cap;
	char ***rows;            /* rows[r][c], NULL = SQL NULL */
	struct ftable *next;
} ftable;

typedef struct fsetting {
	char *name, *value;
	struct fsetting *next;
} fsetting;

static mem_ctx *fe_ctx;       /* the engine session's memory */
static char txn = 'I';
static unsigned txn_gen;      /* bumped whenever a transaction ends: portals die */
static ftable *tables;        /* live as long as the engine session */
static fsetting *fsettings;
static const char *fe_user = "";

static void
txn_end(void)
{
	txn = 'I';
	txn_gen++;
}

static const char *
setting_get(const char *name)
{
	for (fsetting *s = fsettings; s; s = s->next)
		if (strcasecmp(s->name, name) == 0)
			return s->value;
	return NULL;
}

static void
setting_put(const char *name, const char *value)
{
	for (fsetting *s = fsettings; s; s = s->next)
		if (strcasecmp(s->name, name) == 0) {
			s->value = mem_strdup(fe_ctx, value);
			return;
		}
	fsetting *s = mem_alloc(fe_ctx, sizeof(*s));

	s->name = mem_strdup(fe_ctx, name);
	s->value = mem_strdup(fe_ctx, value);
	s->next = fsettings;
	fsettings = s;
}

/* ---- tokens --------------------------------------------------------------------------------- */

typedef enum { T_END, T_IDENT, T_NUM, T_STR, T_PARAM, T_QIDENT, T_OP, T_DOLLAR } tok_kind;

typedef struct tok {
	tok_kind k;
	char *s;          /* identifier (lower case), number text, string value, operator */
	int pos;          /* 1-based position in the whole query string */
} tok;

typedef struct lexer {
	const char *q;    /* the whole query string (positions count from here) */
	const char *p;
	const char *end;
	tok t;            /* current token */
} lexer;

static _Noreturn void
syntax_error(lexer *L)
{
	ERR_BEGIN(ERRCODE_SYNTAX_ERROR);
	err_position(L->t.pos);
	if (L->t.k == T_END)
		err_throw("syntax error at end of input");
	err_throw("syntax error at or near \"%s\"", L->t.s);
}

/* Length of a dollar-quote tag at p ("$$" or "$name$"), 0 if there is none. */
static size_t
dollar_tag_len(const char *p, const char *end)
{
	const char *q = p + 1;

	while (q < end && (isalpha((unsigned char)*q) || *q == '_' ||
	                   (q > p + 1 && isdigit((unsigned char)*q))))
		q++;
	return q < end && *q == '$' ? (size_t)(q - p) + 1 : 0;
}

static void
next(lexer *L)
{
	const char *p = L->p;

	for (;;) {
		while (p < L->end && isspace((unsigned char)*p))
			p++;
		if (p + 1 < L->end && p[0] == '-' && p[1] == '-') {
			while (p < L->end && *p != '\n')
				p++;
			continue;
		}
		if (p + 1 < L->end && p[0] == '/' && p[1] == '*') {
			int depth = 1;   /* comments nest, as in PostgreSQL */

			p += 2;
			while (p < L->end && depth > 0) {
				if (p + 1 < L->end && p[0] == '/' && p[1] == '*') {
					depth++;
					p += 2;
				} else if (p + 1 < L->end && p[0] == '*' && p[1] == '/') {
					depth--;
					p += 2;
				} else
					p++;
			}
			continue;
		}
		break;
	}
	L->t.pos = (int)(p - L->q) + 1;
	if (p >= L->end) {
		L->t.k = T_END;
		L->t.s = "";
		L->p = p;
		return;
	}
	const char *s = p;

	if (isalpha((unsigned char)*p) || *p == '_') {
		while (p < L->end && (isalnum((unsigned char)*p) || *p == '_' || *p == '.'))
			p++;
		L->t.k = T_IDENT;
		L->t.s = pstrndup(s, (size_t)(p - s));
		for (char *c = L->t.s; *c; c++)
			*c = (char)tolower((unsigned char)*c);
	} else if (isdigit((unsigned char)*p) ||
	           (*p == '.' && p + 1 < L->end && isdigit((unsigned char)p[1]))) {
		while (p < L->end && (isalnum((unsigned char)*p) || *p == '.' ||
		                      ((*p == '-' || *p == '+') && (p[-1] == 'e' || p[-1] == 'E'))))
			p++;
		L->t.k = T_NUM;
		L->t.s = pstrndup(s, (size_t)(p - s));
	} else if (*p == '\'') {
		char *buf = palloc((size_t)(L->end - p) + 1);
		size_t n = 0;

		p++;
		for (;;) {
			if (p >= L->end) {
				ERR_BEGIN(ERRCODE_SYNTAX_ERROR);
				err_position((int)(s - L->q) + 1);
				err_throw("unterminated quoted string at or near \"%.20s\"", s);
			}
			if (*p == '\'') {
				if (p + 1 < L->end && p[1] == '\'') {
					buf[n++] = '\'';
					p += 2;
					continue;
				}
				p++;
				break;
			}
			buf[n++] = *p++;
		}
		buf[n] = '\0';
		L->t.k = T_STR;
		L->t.s = buf;
	} else if (*p == '"') {
		const char *e = memchr(p + 1, '"', (size_t)(L->end - p - 1));

		if (e == NULL) {
			L->p = L->end;
			L->t.k = T_OP;
			L->t.s = "\"";
			syntax_error(L);
		}
		L->t.k = T_QIDENT;
		L->t.s = pstrndup(p + 1, (size_t)(e - p - 1));
		p = e + 1;
	} else if (*p == '$' && p + 1 < L->end && isdigit((unsigned char)p[1])) {
		p++;
		while (p < L->end && isdigit((unsigned char)*p))
			p++;
		L->t.k = T_PARAM;
		L->t.s = pstrndup(s + 1, (size_t)(p - s - 1));
	} else if (*p == '$' && dollar_tag_len(p, L->end) > 0) {
		/* dollar-quoted body ($$...$$ or $tag$...$tag$): keep it whole */
		size_t tl = dollar_tag_len(p, L->end);
		const char *e = p + tl;

		while (e + tl <= L->end && memcmp(e, p, tl) != 0)
			e++;
		L->t.k = T_DOLLAR;
		L->t.s = pstrndup(p + tl, (size_t)((e + tl <= L->end ? e : L->end) - p - tl));
		p = e + tl <= L->end ? e + tl : L->end;
	} else if (*p == ':' && p + 1 < L->end && p[1] == ':') {
		p += 2;
		L->t.k = T_OP;
		L->t.s = "::";
	} else {
		p++;
		L->t.k = T_OP;
		L->t.s = pstrndup(s, 1);
	}
	L->p = p;
}

static bool
is_kw(lexer *L, const char *kw)
{
	return L->t.k == T_IDENT && strcmp(L->t.s, kw) == 0;
}

static bool
accept_kw(lexer *L, const char *kw)
{
	if (!is_kw(L, kw))
		return false;
	next(L);
	return true;
}

static bool
accept_op(lexer *L, const char *op)
{
	if (L->t.k != T_OP || strcmp(L->t.s, op) != 0)
		return false;
	next(L);
	return true;
}

static void
expect_op(lexer *L, const char *op)
{
	if (!accept_op(L, op))
		syntax_error(L);
}

static char *
expect_name(lexer *L)
{
	char *s;

	if (L->t.k != T_IDENT && L->t.k != T_QIDENT)
		syntax_error(L);
	s = L->t.s;
	next(L);
	return s;
}

static void
expect_end(lexer *L)
{
	if (L->t.k != T_END)
		syntax_error(L);
}

/* ---- plans ---------------------------------------------------------------------------------- */

typedef enum {
	K_EMPTY, K_BEGIN, K_COMMIT, K_ROLLBACK, K_SET, K_RESET, K_SHOW, K_CREATE, K_DROP, K_INSERT,
	K_TAG, K_COPY_IN, K_COPY_OUT, K_ROWS, K_SERIES, K_TABLE, K_COUNT, K_SLEEP, K_TERMINATE, K_DO,
	K_DIV0
} plan_kind;

typedef enum { E_LIT, E_NULL, E_PARAM } expr_kind;

typedef struct expr {
	expr_kind k;
	char *text;
	int param;              /* 1-based */
	Oid type;
} expr;

typedef struct plan {
	plan_kind k;
	const char *tag;
	int ncols;
	res_column *cols;
	int nrows;
	expr **rows;            /* K_ROWS: rows[r][c] */
	char *name, *value;
	int64_t a, b;
	double secs;
	bool csv;
	int nparams;            /* highest $n */
	Oid ptypes[64];
	int errpos;
} plan;

static Oid
type_from_name(lexer *L, const char *n)
{
	if (!strcmp(n, "int") || !strcmp(n, "int4") || !strcmp(n, "integer"))
		return INT4OID;
	if (!strcmp(n, "int8") || !strcmp(n, "bigint"))
		return INT8OID;
	if (!strcmp(n, "int2") || !strcmp(n, "smallint"))
		return INT2OID;
	if (!strcmp(n, "text") || !strcmp(n, "varchar") || !strcmp(n, "char"))
		return TEXTOID;
	if (!strcmp(n, "float8") || !strcmp(n, "double") || !strcmp(n, "real") ||
	    !strcmp(n, "float") || !strcmp(n, "float4"))
		return FLOAT8OID;
	if (!strcmp(n, "numeric") || !strcmp(n, "decimal"))
		return NUMERICOID;
	if (!strcmp(n, "bool") || !strcmp(n, "boolean"))
		return BOOLOID;
	if (!strcmp(n, "bytea"))
		return BYTEAOID;
	if (!strcmp(n, "date"))
		return DATEOID;
	ERR_BEGIN(ERRCODE_UNDEFINED_OBJECT);
	err_position(L->t.pos);
	err_throw("type \"%s\" does not exist", n);
}

static int16_t
type_len(Oid t)
{
	switch (t) {
	case INT4OID:
		return 4;
	case INT8OID:
	case FLOAT8OID:
		return 8;
	case INT2OID:
		return 2;
	case BOOLOID:
		return 1;
	default:
		return -1;
	}
}

/* Append a row to a growing array of rows allocated in ctx. */
static void
append_row(char ****rows, int *n, int *cap, mem_ctx *ctx, char **row)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*rows = *rows ? repalloc(*rows, sizeof(char **) * (size_t)*cap)
		              : mem_alloc(ctx, sizeof(char **) * (size_t)*cap);
	}
	(*rows)[(*n)++] = row;
}

static ftable *__attribute__((noinline))
find_table(const char *name)
{
	for (ftable *t = tables; t; t = t->next)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

static ftable *
need_table(lexer *L, int pos, const char *name)
{
	ftable *t = find_table(name);

	if (t == NULL) {
		ERR_BEGIN(ERRCODE_UNDEFINED_TABLE);
		err_position(pos);
		err_throw("relation \"%s\" does not exist", name);
	}
	return t;
}

static void
set_col(res_column *c, const char *name, Oid type)
{
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->type_oid = type;
	c->type_len = type_len(type);
	c->typmod = -1;
}

static expr *
parse_expr(lexer *L, plan *pl)
{
	expr *e = palloc0(sizeof(expr));
	bool neg = false;

	if (accept_op(L, "-"))
		neg = true;
	switch (L->t.k) {
	case T_NUM: {
		bool isint = strspn(L->t.s, "0123456789") == strlen(L->t.s);

		e->k = E_LIT;
		e->text = neg ? psprintf("-%s", L->t.s) : L->t.s;
		e->type = isint ? (strlen(L->t.s) > 9 ? INT8OID : INT4OID) : NUMERICOID;
		next(L);
		break;
	}
	case T_STR:
		e->k = E_LIT;
		e->text = L->t.s;
		e->type = TEXTOID;
		next(L);
		break;
	case T_PARAM:
		e->k = E_PARAM;
		e->param = atoi(L->t.s);
		if (e->param < 1 || e->param > 64) {
			ERR_BEGIN(ERRCODE_UNDEFINED_PARAMETER);
			err_position(L->t.pos);
			err_throw("there is no parameter $%d", e->param);
		}
		if (e->param > pl->nparams)
			pl->nparams = e->param;
		e->type = pl->ptypes[e->param - 1] ? pl->ptypes[e->param - 1] : TEXTOID;
		next(L);
		break;
	case T_IDENT:
		if (is_kw(L, "null")) {
			e->k = E_NULL;
			e->type = TEXTOID;
		} else if (is_kw(L, "true") || is_kw(L, "false")) {
			e->k = E_LIT;
			e->text = is_kw(L, "true") ? "t" : "f";
			e->type = BOOLOID;
		} else {
			ERR_BEGIN(ERRCODE_UNDEFINED_COLUMN);
			err_position(L->t.pos);
			err_throw("column \"%s\" does not exist", L->t.s);
		}
		next(L);
		break;
	default:
		syntax_error(L);
	}
	if (neg && e->k != E_LIT)
		syntax_error(L);
	while (accept_op(L, "::")) {
		int pos = L->t.pos;
		char *tn = expect_name(L);

		if (strcmp(tn, "double") == 0)
			(void)accept_kw(L, "precision");
		(void)pos;
		e->type = type_from_name(L, tn);
		if (e->k == E_PARAM && pl->ptypes[e->param - 1] == 0)
			pl->ptypes[e->param - 1] = e->type;
	}
	return e;
}

/* SELECT list or one VALUES row; returns the number of expressions. */
static int
parse_list(lexer *L, plan *pl, expr ***out, char ***names)
{
	int n = 0, cap = 8;
	expr **v = palloc(sizeof(expr *) * (size_t)cap);
	char **nm = palloc(sizeof(char *) * (size_t)cap);

	do {
		if (n == cap) {
			cap *= 2;
			v = repalloc(v, sizeof(expr *) * (size_t)cap);
			nm = repalloc(nm, sizeof(char *) * (size_t)cap);
		}
		v[n] = parse_expr(L, pl);
		nm[n] = "?column?";
		if (names && accept_kw(L, "as"))
			nm[n] = expect_name(L);
		n++;
	} while (accept_op(L, ","));
	*out = v;
	if (names)
		*names = nm;
	return n;
}

static void
plan_select(lexer *L, plan *pl)
{
	int pos;

	if (accept_op(L, "*")) {
		if (!accept_kw(L, "from"))
			syntax_error(L);
		pos = L->t.pos;
		if (accept_kw(L, "generate_series")) {
			expect_op(L, "(");
			pl->a = strtoll(L->t.s, NULL, 10);
			if (L->t.k != T_NUM)
				syntax_error(L);
			next(L);
			expect_op(L, ",");
			if (L->t.k != T_NUM)
				syntax_error(L);
			pl->b = strtoll(L->t.s, NULL, 10);
			next(L);
			expect_op(L, ")");
			expect_end(L);
			if (pl->b - pl->a >= MAX_SERIES)
				ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "the test engine makes at most %d rows",
				         MAX_SERIES);
			pl->k = K_SERIES;
			pl->ncols = 1;
			pl->cols = palloc(sizeof(res_column));
			set_col(&pl->cols[0], "generate_series", INT4OID);
			return;
		}
		{
			char *name = expect_name(L);
			ftable *t = need_table(L, pos, name);

			while (L->t.k != T_END)   /* ORDER BY and the like: ignored */
				next(L);
			pl->k = K_TABLE;
			pl->name = t->name;
			pl->ncols = t->ncols;
			pl->cols = palloc(sizeof(res_column) * (size_t)(t->ncols ? t->ncols : 1));
			for (int i = 0; i < t->ncols; i++) {
				set_col(&pl->cols[i], t->colnames[i], t->types[i]);
				pl->cols[i].column_no = (int16_t)(i + 1);
				pl->cols[i].table_oid = 16384;
			}
			return;
		}
	}
	if (accept_kw(L, "count")) {
		expect_op(L, "(");
		expect_op(L, "*");
		expect_op(L, ")");
		if (!accept_kw(L, "from"))
			syntax_error(L);
		pos = L->t.pos;
		pl->name = need_table(L, pos, expect_name(L))->name;
		expect_end(L);
		pl->k = K_COUNT;
		pl->ncols = 1;
		pl->cols = palloc(sizeof(res_column));
		set_col(&pl->cols[0], "count", INT8OID);
		return;
	}
	if (accept_kw(L, "pg_sleep")) {
		expect_op(L, "(");
		if (L->t.k != T_NUM)
			syntax_error(L);
		pl->secs = strtod(L->t.s, NULL);
		next(L);
		expect_op(L, ")");
		expect_end(L);
		pl->k = K_SLEEP;
		pl->ncols = 1;
		pl->cols = palloc(sizeof(res_column));
		set_col(&pl->cols[0], "pg_sleep", VOIDOID);
		return;
	}
	if (accept_kw(L, "pg_terminate_backend")) {
		while (L->t.k != T_END)
			next(L);
		pl->k = K_TERMINATE;
		return;
	}
	/* literal list; "1/0" is the one arithmetic the double knows */
	{
		expr **v;
		char **names;
		int n;
		const char *save = L->p;
		tok savet = L->t;

		if (L->t.k == T_NUM) {
			next(L);
			if (accept_op(L, "/") && L->t.k == T_NUM && strcmp(L->t.s, "0") == 0) {
				next(L);
				expect_end(L);
				pl->k = K_DIV0;
				return;
			}
			L->p = save;
			L->t = savet;
		}
		n = parse_list(L, pl, &v, &names);
		if (is_kw(L, "from")) {
			next(L);
			pos = L->t.pos;
			(void)need_table(L, pos, expect_name(L));
			syntax_error(L);
		}
		expect_end(L);
		pl->k = K_ROWS;
		pl->ncols = n;
		pl->nrows = 1;
		pl->rows = palloc(sizeof(expr *));
		pl->rows[0] = (expr *)v;
		pl->cols = palloc(sizeof(res_column) * (size_t)n);
		for (int i = 0; i < n; i++)
			set_col(&pl->cols[i], names[i], v[i]->type);
	}
}

static void
plan_values(lexer *L, plan *pl)
{
	int cap = 4;

	pl->k = K_ROWS;
	pl->rows = palloc(sizeof(expr *) * (size_t)cap);
	do {
		expr **v;
		int n;

		expect_op(L, "(");
		n = parse_list(L, pl, &v, NULL);
		expect_op(L, ")");
		if (pl->nrows == 0) {
			pl->ncols = n;
		} else if (n != pl->ncols) {
			ERR_BEGIN(ERRCODE_SYNTAX_ERROR);
			err_position(L->t.pos);
			err_throw("VALUES lists must all be the same length");
		}
		if (pl->nrows == cap) {
			cap *= 2;
			pl->rows = repalloc(pl->rows, sizeof(expr *) * (size_t)cap);
		}
		pl->rows[pl->nrows++] = (expr *)v;
	} while (accept_op(L, ","));
	expect_end(L);
	pl->cols = palloc(sizeof(res_column) * (size_t)pl->ncols);
	for (int i = 0; i < pl->ncols; i++)
		set_col(&pl->cols[i], psprintf("column%d", i + 1), ((expr **)pl->rows[0])[i]->type);
}

static void
plan_copy(lexer *L, plan *pl)
{
	int pos = L->t.pos;

	pl->name = need_table(L, pos, expect_name(L))->name;
	if (accept_kw(L, "from")) {
		if (!accept_kw(L, "stdin"))
			syntax_error(L);
		pl->k = K_COPY_IN;
	} else if (accept_kw(L, "to")) {
		if (!accept_kw(L, "stdout"))
			syntax_error(L);
		pl->k = K_COPY_OUT;
	} else
		syntax_error(L);
	(void)accept_kw(L, "with");
	if (accept_kw(L, "csv"))
		pl->csv = true;
	else if (accept_op(L, "(")) {
		while (!accept_op(L, ")")) {
			if (L->t.k == T_END)
				syntax_error(L);
			if (is_kw(L, "csv"))
				pl->csv = true;
			next(L);
		}
	}
	expect_end(L);
}

static void
plan_create(lexer *L, plan *pl)
{
	int cap = 8;

	(void)(accept_kw(L, "temp") || accept_kw(L, "temporary"));
	if (!accept_kw(L, "table"))
		syntax_error(L);
	pl->k = K_CREATE;
	pl->name = expect_name(L);
	if (find_table(pl->name))
		ph_error(ERRCODE_DUPLICATE_TABLE, "relation \"%s\" already exists", pl->name);
	pl->cols = palloc(sizeof(res_column) * (size_t)cap);
	expect_op(L, "(");
	do {
		char *cn = expect_name(L), *tn = expect_name(L);
		int depth = 0;

		if (pl->ncols == cap) {
			cap *= 2;
			pl->cols = repalloc(pl->cols, sizeof(res_column) * (size_t)cap);
		}
		set_col(&pl->cols[pl->ncols++], cn, type_from_name(L, tn));
		/* skip modifiers and constraints up to the next top-level comma */
		while (L->t.k != T_END && !(depth == 0 && L->t.k == T_OP &&
		                            (!strcmp(L->t.s, ",") || !strcmp(L->t.s, ")")))) {
			if (L->t.k == T_OP && !strcmp(L->t.s, "("))
				depth++;
			if (L->t.k == T_OP && !strcmp(L->t.s, ")"))
				depth--;
			next(L);
		}
	} while (accept_op(L, ","));
	expect_op(L, ")");
	while (L->t.k != T_END)   /* WITH (...) options */
		next(L);
	pl->tag = "CREATE TABLE";
}

/* Analyse one statement (text [start, end) of the query string q). */
static plan *
analyze(const char *q, const char *start, const char *end, int nparams, const Oid *types)
{
	lexer L = {.q = q, .p = start, .end = end};
	plan *pl = palloc0(sizeof(plan));

	for (int i = 0; i < nparams && i < 64; i++)
		pl->ptypes[i] = types[i];
	if (nparams > 64)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "the test engine takes at most 64 parameters");
	pl->nparams = nparams;
	next(&L);
	if (L.t.k == T_END) {
		pl->k = K_EMPTY;
		return pl;
	}
	if (accept_kw(&L, "begin") || (accept_kw(&L, "start") && accept_kw(&L, "transaction"))) {
		(void)(accept_kw(&L, "transaction") || accept_kw(&L, "work"));
		pl->k = K_BEGIN;
	} else if (accept_kw(&L, "commit") || accept_kw(&L, "end")) {
		pl->k = K_COMMIT;
	} else if (accept_kw(&L, "rollback") || accept_kw(&L, "abort")) {
		pl->k = K_ROLLBACK;
	} else if (accept_kw(&L, "set")) {
		(void)accept_kw(&L, "session");
		pl->k = K_SET;
		pl->name = expect_name(&L);
		if (!accept_op(&L, "=") && !accept_kw(&L, "to"))
			syntax_error(&L);
		if (L.t.k == T_END)
			syntax_error(&L);
		pl->value = L.t.s;
		next(&L);
		while (accept_op(&L, ",")) {
			pl->value = psprintf("%s, %s", pl->value, L.t.s);
			next(&L);
		}
	} else if (accept_kw(&L, "reset")) {
		pl->k = K_RESET;
		pl->name = expect_name(&L);
	} else if (accept_kw(&L, "show")) {
		pl->k = K_SHOW;
		pl->name = expect_name(&L);
		pl->ncols = 1;
		pl->cols = palloc(sizeof(res_column));
		set_col(&pl->cols[0], pl->name, TEXTOID);
	} else if (accept_kw(&L, "select")) {
		plan_select(&L, pl);
		return pl;
	} else if (accept_kw(&L, "values")) {
		plan_values(&L, pl);
		return pl;
	} else if (accept_kw(&L, "copy")) {
		plan_copy(&L, pl);
		return pl;
	} else if (accept_kw(&L, "create")) {
		plan_create(&L, pl);
		return pl;
	} else if (accept_kw(&L, "drop")) {
		bool if_exists = false;
		int pos;

		if (!accept_kw(&L, "table"))
			syntax_error(&L);
		if (accept_kw(&L, "if")) {
			if (!accept_kw(&L, "exists"))
				syntax_error(&L);
			if_exists = true;
		}
		pos = L.t.pos;
		pl->name = expect_name(&L);
		if (!if_exists)
			(void)need_table(&L, pos, pl->name);
		pl->k = K_DROP;
	} else if (accept_kw(&L, "insert")) {
		int pos;

		if (!accept_kw(&L, "into"))
			syntax_error(&L);
		pos = L.t.pos;
		pl->name = need_table(&L, pos, expect_name(&L))->name;
		if (!accept_kw(&L, "values"))
			syntax_error(&L);
		plan_values(&L, pl);
		if (pl->ncols != find_table(pl->name)->ncols)
			ph_error(ERRCODE_SYNTAX_ERROR, "INSERT has %s expressions than target columns",
			         pl->ncols > find_table(pl->name)->ncols ? "more" : "fewer");
		pl->k = K_INSERT;
		pl->ncols = 0;
		return pl;
	} else if (is_kw(&L, "update") || is_kw(&L, "delete")) {
		pl->tag = is_kw(&L, "update") ? "UPDATE 0" : "DELETE 0";
		while (L.t.k != T_END)
			next(&L);
		pl->k = K_TAG;
	} else if (accept_kw(&L, "do")) {
		if (L.t.k != T_DOLLAR && L.t.k != T_STR)
			syntax_error(&L);
		pl->value = L.t.s;
		next(&L);
		pl->k = K_DO;
	} else {
		syntax_error(&L);
	}
	expect_end(&L);
	return pl;
}

/* ---- execution -------------------------------------------------------------------------- */

typedef struct params {
	int n;
	const char *const *values;    /* text, NUL-terminated (converted from binary) */
} params;

/* One result row as text values; NULL entries are SQL NULL. */
typedef void (*row_fn)(void *arg, int ncols, char **vals);

static void
check_cancel(void)
{
	if (proc_me && (atomic_load(&proc_me->ps_interrupts) & PI_CANCEL)) {
		atomic_fetch_and(&proc_me->ps_interrupts, ~PI_CANCEL);
		ph_error(ERRCODE_QUERY_CANCELED, "canceling statement due to user request");
	}
	if (proc_me && (atomic_load(&proc_me->ps_interrupts) & PI_TERMINATE))
		ph_fatal(ERRCODE_ADMIN_SHUTDOWN, "terminating connection due to administrator command");
}

static char *
eval(const expr *e, const params *pr)
{
	if (e->k == E_NULL)
		return NULL;
	if (e->k == E_PARAM) {
		const char *v = e->param <= pr->n ? pr->values[e->param - 1] : NULL;

		if (v && e->type == INT4OID) {
			char *end;
			long long x = strtoll(v, &end, 10);

			if (*v == '\0' || *end != '\0' || x < INT32_MIN || x > INT32_MAX)
				ph_error(ERRCODE_INVALID_TEXT_REPRESENTATION,
				         "invalid input syntax for type integer: \"%s\"", v);
		}
		return v ? pstrdup(v) : NULL;
	}
	return e->text;
}

static void
emit_rows(plan *pl, const params *pr, row_fn fn, void *arg)
{
	char **vals = palloc(sizeof(char *) * (size_t)(pl->ncols ? pl->ncols : 1));

	switch (pl->k) {
	case K_ROWS:
		for (int r = 0; r < pl->nrows; r++) {
			expr **row = (expr **)pl->rows[r];

			for (int c = 0; c < pl->ncols; c++)
				vals[c] = eval(row[c], pr);
			fn(arg, pl->ncols, vals);
		}
		break;
	case K_SERIES:
		for (int64_t i = pl->a; i <= pl->b; i++) {
			char buf[24];

			if ((i & 1023) == 0)
				check_cancel();
			snprintf(buf, sizeof(buf), "%lld", (long long)i);
			vals[0] = buf;
			fn(arg, 1, vals);
		}
		break;
	case K_TABLE: {
		ftable *t = find_table(pl->name);

		for (int r = 0; t && r < t->nrows; r++)
			fn(arg, t->ncols, t->rows[r]);
		break;
	}
	case K_COUNT:
		vals[0] = psprintf("%d", find_table(pl->name)->nrows);
		fn(arg, 1, vals);
		break;
	case K_SHOW: {
		const char *v = setting_get(pl->name);

		if (v == NULL && strcasecmp(pl->name, "server_version") == 0)
			v = "15.0 (Phantom-DB test engine)";
		if (v == NULL)
			ERR_BEGIN(ERRCODE_UNDEFINED_OBJECT), err_throw("unrecognized configuration parameter \"%s\"", pl->name);
		vals[0] = (char *)v;
		fn(arg, 1, vals);
		break;
	}
	case K_SLEEP: {
		int64_t until = proc_now_us() + (int64_t)(pl->secs * 1e6);

		while (proc_now_us() < until) {
			struct timespec ts = {0, 5 * 1000 * 1000};

			check_cancel();
			nanosleep(&ts, NULL);
		}
		check_cancel();
		vals[0] = "";
		fn(arg, 1, vals);
		break;
	}
	default:
		break;
	}
}

static bool
returns_rows(const plan *pl)
{
	return pl->k == K_ROWS || pl->k == K_SERIES || pl->k == K_TABLE || pl->k == K_COUNT ||
	       pl->k == K_SHOW || pl->k == K_SLEEP;
}

static void
report_setting(dest_receiver *d, const char *name, const char *value)
{
	static const char *const reported[] = {"application_name", "TimeZone", "DateStyle",
	                                       "IntervalStyle", "client_encoding"};

	for (size_t i = 0; i < sizeof(reported) / sizeof(reported[0]); i++)
		if (strcasecmp(name, reported[i]) == 0)
			d->param_status(d, reported[i], value);
}

/* COPY FROM STDIN: read everything, one row per line. */
static void
copy_in_rows(plan *pl, ftable *t, dest_receiver *d)
{
	char chunk[4096];
	char *line = palloc(256);
	size_t len = 0, cap = 256, n;
	int64_t rows = 0;
	bool done = false;

	while (!done) {
		n = d->copy_in_read(d, chunk, sizeof(chunk));
		if (n == 0) {
			done = true;
			if (len == 0)
				break;
			chunk[0] = '\n';
			n = 1;
		}
		for (size_t i = 0; i < n; i++) {
			if (chunk[i] != '\n') {
				if (len + 1 >= cap) {
					cap *= 2;
					line = repalloc(line, cap);
				}
				line[len++] = chunk[i];
				continue;
			}
			line[len] = '\0';
			len = 0;
			if (strcmp(line, "\\.") == 0)
				continue;
			{
				char **row = mem_alloc(fe_ctx, sizeof(char *) * (size_t)(t->ncols ? t->ncols : 1));
				char sep = pl->csv ? ',' : '\t';
				char *p = line;
				int c = 0;

				for (;;) {
					char *e = strchr(p, sep);

					if (c >= t->ncols) {
						ERR_BEGIN(ERRCODE_BAD_COPY_FILE_FORMAT);
						err_detail("COPY %s, line %lld: \"%s\"", t->name, (long long)rows + 1, line);
						err_throw("extra data after last expected column");
					}
					if (e)
						*e = '\0';
					row[c++] = strcmp(p, pl->csv ? "" : "\\N") == 0 ? NULL : mem_strdup(fe_ctx, p);
					if (!e)
						break;
					p = e + 1;
				}
				if (c < t->ncols) {
					ERR_BEGIN(ERRCODE_BAD_COPY_FILE_FORMAT);
					err_detail("COPY %s, line %lld: \"%s\"", t->name, (long long)rows + 1, line);
					err_throw("missing data for column \"%s\"", t->colnames[c]);
				}
				append_row(&t->rows, &t->nrows, &t->cap, fe_ctx, row);
				rows++;
			}
		}
	}
}

static int64_t
copy_in(plan *pl, dest_receiver *d)
{
	ftable *const t = find_table(pl->name);
	const int start = t->nrows;

	d->copy_in_begin(d, pl->csv ? COPY_CSV : COPY_TEXT, t->ncols);
	ERR_TRY();
	{
		copy_in_rows(pl, t, d);
	}
	ERR_CATCH();
	{
		t->nrows = start;   /* a failed COPY adds nothing */
		err_rethrow();
	}
	ERR_END();
	return t->nrows - start;
}

static void
copy_out(plan *pl, dest_receiver *d, int64_t *count)
{
	ftable *t = find_table(pl->name);

	d->copy_out_begin(d, pl->csv ? COPY_CSV : COPY_TEXT, t->ncols);
	for (int r = 0; r < t->nrows; r++) {
		char *line = pstrdup("");

		for (int c = 0; c < t->ncols; c++) {
			const char *v = t->rows[r][c];

			line = psprintf("%s%s%s", line, c ? (pl->csv ? "," : "\t") : "",
			                v ? v : (pl->csv ? "" : "\\N"));
		}
		line = psprintf("%s\n", line);
		d->copy_out_data(d, line, strlen(line));
	}
	d->copy_out_end(d);
	*count = t->nrows;
}

/* Encode one text value in the requested format: binary for the fixed-size types. */
static const char *
encode(const char *v, Oid type, int16_t fmt, int32_t *len)
{
	static char buf[8];

	if (fmt == 1 && (type == INT4OID || type == INT8OID || type == INT2OID || type == BOOLOID ||
	                 type == FLOAT8OID)) {
		uint64_t u;
		int n = type_len(type);

		if (type == BOOLOID)
			u = v[0] == 't';
		else if (type == FLOAT8OID) {
			double dv = strtod(v, NULL);

			memcpy(&u, &dv, 8);
		} else
			u = (uint64_t)strtoll(v, NULL, 10);
		for (int i = 0; i < n; i++)
			buf[i] = (char)(u >> (8 * (n - 1 - i)));
		*len = n;
		return buf;
	}
	*len = (int32_t)strlen(v);
	return v;
}

typedef struct sink {
	dest_receiver *d;
	const res_column *cols;
	int64_t count;
} sink;

static void
sink_row(void *arg, int ncols, char **vals)
{
	sink *s = arg;
	const char *out[64];
	int32_t lens[64];

	PH_CHECK(ncols <= 64);
	for (int i = 0; i < ncols; i++) {
		if (vals[i] == NULL) {
			out[i] = NULL;
			lens[i] = -1;
		} else
			out[i] = encode(vals[i], s->cols[i].type_oid, s->cols[i].format, &lens[i]);
		if (out[i] && s->cols[i].format == 1 && lens[i] <= 8) {
			/* encode() reuses one buffer: keep a copy per column */
			char *copy = palloc((size_t)lens[i] + 1);

			memcpy(copy, out[i], (size_t)lens[i]);
			out[i] = copy;
		}
	}
	s->d->row(s->d, ncols, out, lens);
	s->count++;
}

static void
raise_in_do(const char *body, dest_receiver *d)
{
	char *low = pstrdup(body);
	const char *r, *q1, *q2;
	err_info n;

	for (char *c = low; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	r = strstr(low, "raise ");
	if (r == NULL)
		return;
	q1 = strchr(r, '\'');
	q2 = q1 ? strchr(q1 + 1, '\'') : NULL;
	if (q2 == NULL)
		return;
	memset(&n, 0, sizeof(n));
	snprintf(n.message, sizeof(n.message), "%.*s", (int)(q2 - q1 - 1), body + (q1 + 1 - low));
	if (strncmp(r + 6, "exception", 9) == 0)
		ERR_BEGIN(ERRCODE_RAISE_EXCEPTION), err_hint("Raised by a DO block."), err_throw("%s", n.message);
	n.level = strncmp(r + 6, "warning", 7) == 0 ? LV_WARNING : LV_NOTICE;
	memcpy(n.sqlstate, n.level == LV_WARNING ? "01000" : "00000", 6);
	d->notice(d, &n);
}

static void
warn(dest_receiver *d, const char *code, const char *msg)
{
	err_info n;

	memset(&n, 0, sizeof(n));
	n.level = LV_WARNING;
	memcpy(n.sqlstate, code, 6);
	snprintf(n.message, sizeof(n.message), "%s", msg);
	d->notice(d, &n);
}

static void
insert_rows(plan *pl)
{
	ftable *t = find_table(pl->name);
	params none = {0, NULL};

	for (int r = 0; r < pl->nrows; r++) {
		char **row = mem_alloc(fe_ctx, sizeof(char *) * (size_t)t->ncols);

		for (int c = 0; c < t->ncols; c++) {
			char *v = eval(((expr **)pl->rows[r])[c], &none);

			row[c] = v ? mem_strdup(fe_ctx, v) : NULL;
		}
		append_row(&t->rows, &t->nrows, &t->cap, fe_ctx, row);
	}
}

/* Run a statement that does not return rows; returns its tag. */
static const char *
exec_command(plan *pl, dest_receiver *d)
{
	int64_t n = 0;

	switch (pl->k) {
	case K_BEGIN:
		if (txn != 'I')
			warn(d, "25001", "there is already a transaction in progress");
		else
			txn = 'T';
		return "BEGIN";
	case K_COMMIT: {
		const char *tag = txn == 'E' ? "ROLLBACK" : "COMMIT";

		if (txn == 'I')
			warn(d, "25P01", "there is no transaction in progress");
		txn_end();
		return tag;
	}
	case K_ROLLBACK:
		if (txn == 'I')
			warn(d, "25P01", "there is no transaction in progress");
		txn_end();
		return "ROLLBACK";
	case K_SET:
		setting_put(pl->name, pl->value);
		report_setting(d, pl->name, pl->value);
		return "SET";
	case K_RESET:
		setting_put(pl->name, "");
		report_setting(d, pl->name, "");
		return "RESET";
	case K_CREATE: {
		ftable *t = mem_zalloc(fe_ctx, sizeof(ftable));

		t->name = mem_strdup(fe_ctx, pl->name);
		t->ncols = pl->ncols;
		t->colnames = mem_alloc(fe_ctx, sizeof(char *) * (size_t)(pl->ncols ? pl->ncols : 1));
		t->types = mem_alloc(fe_ctx, sizeof(Oid) * (size_t)(pl->ncols ? pl->ncols : 1));
		for (int i = 0; i < pl->ncols; i++) {
			t->colnames[i] = mem_strdup(fe_ctx, pl->cols[i].name);
			t->types[i] = pl->cols[i].type_oid;
		}
		t->next = tables;
		tables = t;
		return "CREATE TABLE";
	}
	case K_DROP:
		for (ftable **pp = &tables; *pp; pp = &(*pp)->next)
			if (strcmp((*pp)->name, pl->name) == 0) {
				*pp = (*pp)->next;
				break;
			}
		return "DROP TABLE";
	case K_INSERT:
		insert_rows(pl);
		return psprintf("INSERT 0 %d", pl->nrows);
	case K_COPY_IN:
		n = copy_in(pl, d);
		return psprintf("COPY %lld", (long long)n);
	case K_COPY_OUT:
		copy_out(pl, d, &n);
		return psprintf("COPY %lld", (long long)n);
	case K_TERMINATE:
		ph_fatal(ERRCODE_ADMIN_SHUTDOWN, "terminating connection due to administrator command");
	case K_DIV0:
		ph_error(ERRCODE_DIVISION_BY_ZERO, "division by zero");
	case K_DO:
		raise_in_do(pl->value, d);
		return "DO";
	default:
		return pl->tag;
	}
}

static void
check_aborted(const plan *pl)
{
	if (txn == 'E' && pl->k != K_COMMIT && pl->k != K_ROLLBACK && pl->k != K_EMPTY)
		ph_error(ERRCODE_IN_FAILED_SQL_TRANSACTION,
		         "current transaction is aborted, commands ignored until end of transaction block");
}

/* An error inside an explicit transaction block fails the block. */
#define FAIL_BLOCK_ON_ERROR(...)                          \
	do {                                                  \
		ERR_TRY();                                        \
		{                                                 \
			__VA_ARGS__;                                  \
		}                                                 \
		ERR_CATCH();                                      \
		{                                                 \
			if (txn == 'T')                               \
				txn = 'E';                                \
			err_rethrow();                                \
		}                                                 \
		ERR_END();                                        \
	} while (0)

static void
run_one(const char *q, const char *s, const char *e, dest_receiver *d)
{
	plan *pl = analyze(q, s, e, 0, NULL);
	params none = {0, NULL};

	check_aborted(pl);
	if (returns_rows(pl)) {
		sink sk = {d, pl->cols, 0};

		d->describe(d, pl->ncols, pl->cols);
		emit_rows(pl, &none, sink_row, &sk);
		d->complete(d, pl->k == K_SHOW ? "SHOW" : psprintf("SELECT %lld", (long long)sk.count));
	} else {
		d->complete(d, exec_command(pl, d));
	}
}

void
sql_exec_simple(const char *query, dest_receiver *dest)
{
	const char *volatile p = query, *volatile start = query;
	volatile int ran = 0;

	FAIL_BLOCK_ON_ERROR({
		for (;; p++) {
			if (*p == '\'' || *p == '"') {
				const char *e = strchr(p + 1, *p);

				p = e ? e : p + strlen(p) - 1;
				continue;
			}
			if (p[0] == '$' && dollar_tag_len(p, p + strlen(p)) > 0) {
				size_t tl = dollar_tag_len(p, p + strlen(p));
				char tag[64];
				const char *e;

				snprintf(tag, sizeof(tag), "%.*s", (int)tl, p);
				e = strstr(p + tl, tag);
				p = e ? e + tl - 1 : p + strlen(p) - 1;
				continue;
			}
			if (p[0] == '-' && p[1] == '-') {
				const char *e = strchr(p, '\n');

				p = e ? e : p + strlen(p) - 1;
				continue;
			}
			if (p[0] == '/' && p[1] == '*') {
				int depth = 1;

				for (p += 2; *p && depth > 0; p++) {
					if (p[0] == '/' && p[1] == '*')
						depth++, p++;
					else if (p[0] == '*' && p[1] == '/')
						depth--, p++;
				}
				p--;
				continue;
			}
			if (*p == ';' || *p == '\0') {
				lexer L = {.q = query, .p = start, .end = p};

				next(&L);
				if (L.t.k != T_END) {
					run_one(query, start, p, dest);
					ran++;
				}
				if (*p == '\0')
					break;
				start = p + 1;
			}
		}
		if (ran == 0)
			dest->empty(dest);
	});
	if (txn == 'I')
		txn_gen++;   /* the implicit transaction of the query string ended */
}

/* ---- extended protocol --------------------------------------------------------------------- */

struct sql_prepared {
	mem_ctx *ctx;
	char *query;
	plan *pl;
	Oid *ptypes;
};

struct sql_portal {
	mem_ctx *ctx;
	plan *pl;
	params pr;
	res_column *cols;
	unsigned gen;
	bool materialized, done;
	const char *tag;
	int nrows, cap, pos;
	char ***rows;
};

static plan *
analyze_in(mem_ctx *ctx, const char *query, int nparams, const Oid *types)
{
	mem_ctx *old = mem_switch(ctx);
	plan *volatile pl = NULL;
	const char *p = query;

	ERR_TRY();
	{
		/* one statement only (a trailing semicolon is fine) */
		for (; *p; p++) {
			if (*p == '\'') {
				const char *e = strchr(p + 1, '\'');

				p = e ? e : p + strlen(p) - 1;
			} else if (*p == ';') {
				lexer L = {.q = query, .p = p + 1, .end = query + strlen(query)};

				next(&L);
				if (L.t.k != T_END)
					ph_error(ERRCODE_SYNTAX_ERROR,
					         "cannot insert multiple commands into a prepared statement");
				break;
			}
		}
		pl = analyze(query, query, p, nparams, types);
	}
	ERR_CATCH();
	{
		mem_switch(old);
		err_rethrow();
	}
	ERR_END();
	mem_switch(old);
	return pl;
}

sql_prepared *
sql_prepare(const char *query, int nparams, const Oid *param_types)
{
	mem_ctx *ctx = mem_create(fe_ctx, "fake statement");
	sql_prepared *volatile sp = NULL;

	ERR_TRY();
	{
		sp = mem_zalloc(ctx, sizeof(*sp));
		sp->ctx = ctx;
		sp->query = mem_strdup(ctx, query);
		sp->pl = analyze_in(ctx, sp->query, nparams, param_types);
		sp->ptypes = mem_alloc(ctx, sizeof(Oid) * (size_t)(sp->pl->nparams + 1));
		for (int i = 0; i < sp->pl->nparams; i++)
			sp->ptypes[i] = sp->pl->ptypes[i] ? sp->pl->ptypes[i] : TEXTOID;
	}
	ERR_CATCH();
	{
		mem_delete(ctx);
		err_rethrow();
	}
	ERR_END();
	return sp;
}

int
sql_prepared_params(const sql_prepared *p, const Oid **types)
{
	*types = p->ptypes;
	return p->pl->nparams;
}

int
sql_prepared_columns(const sql_prepared *p, const res_column **cols)
{
	if (!returns_rows(p->pl))
		return -1;
	*cols = p->pl->cols;
	return p->pl->ncols;
}

void
sql_prepared_free(sql_prepared *p)
{
	mem_delete(p->ctx);
}

static char *
param_text(int i, const char *v, int32_t len, int16_t fmt, Oid type)
{
	const unsigned char *u = (const unsigned char *)v;
	int64_t x = 0;

	if (fmt == 0)
		return pstrdup(v);
	if (type == INT4OID || type == INT8OID || type == INT2OID) {
		if (len != type_len(type))
			ph_error(ERRCODE_INVALID_BINARY_REPRESENTATION,
			         "incorrect binary data format in bind parameter %d", i + 1);
		for (int k = 0; k < len; k++)
			x = (x << 8) | u[k];
		if (len == 4)
			x = (int32_t)x;
		if (len == 2)
			x = (int16_t)x;
		return psprintf("%lld", (long long)x);
	}
	if (type == BOOLOID) {
		if (len != 1)
			ph_error(ERRCODE_INVALID_BINARY_REPRESENTATION,
			         "incorrect binary data format in bind parameter %d", i + 1);
		return pstrdup(u[0] ? "t" : "f");
	}
	return pstrndup(v, (size_t)len);
}

sql_portal *
sql_bind(sql_prepared *p, int nparams, const char *const *values, const int32_t *lengths,
         int nformats, const int16_t *formats, int nresult_formats, const int16_t *result_formats)
{
	mem_ctx *ctx;
	sql_portal *volatile po = NULL;

	if (nparams != p->pl->nparams)
		ph_error(ERRCODE_PROTOCOL_VIOLATION,
		         "bind message supplies %d parameters, but prepared statement requires %d",
		         nparams, p->pl->nparams);
	if (nformats > 1 && nformats != nparams)
		ph_error(ERRCODE_PROTOCOL_VIOLATION,
		         "bind message has %d parameter formats but %d parameters", nformats, nparams);
	check_aborted(p->pl);
	ctx = mem_create(fe_ctx, "fake portal");
	ERR_TRY();
	{
		mem_ctx *old;
		char **vals;

		po = mem_zalloc(ctx, sizeof(*po));
		po->ctx = ctx;
		po->pl = analyze_in(ctx, p->query, p->pl->nparams, p->ptypes);
		old = mem_switch(ctx);
		vals = palloc(sizeof(char *) * (size_t)(nparams + 1));
		for (int i = 0; i < nparams; i++) {
			int16_t f = nformats == 0 ? 0 : nformats == 1 ? formats[0] : formats[i];

			vals[i] = values[i] ? param_text(i, values[i], lengths[i], f, p->ptypes[i]) : NULL;
		}
		mem_switch(old);
		po->pr.n = nparams;
		po->pr.values = (const char *const *)vals;
		if (returns_rows(po->pl)) {
			int n = po->pl->ncols;

			if (nresult_formats > 1 && nresult_formats != n)
				ph_error(ERRCODE_PROTOCOL_VIOLATION,
				         "bind message has %d result formats but query has %d columns",
				         nresult_formats, n);
			po->cols = mem_alloc(ctx, sizeof(res_column) * (size_t)(n ? n : 1));
			for (int i = 0; i < n; i++) {
				po->cols[i] = po->pl->cols[i];
				po->cols[i].format = nresult_formats == 0 ? 0
				                     : nresult_formats == 1 ? result_formats[0]
				                                            : result_formats[i];
			}
		}
		po->gen = txn_gen;
	}
	ERR_CATCH();
	{
		mem_delete(ctx);
		err_rethrow();
	}
	ERR_END();
	return po;
}

int
sql_portal_columns(const sql_portal *portal, const res_column **cols)
{
	if (!returns_rows(portal->pl))
		return -1;
	*cols = portal->cols;
	return portal->pl->ncols;
}

static void
store_row(void *arg, int ncols, char **vals)
{
	sql_portal *po = arg;
	char **row = mem_alloc(po->ctx, sizeof(char *) * (size_t)(ncols ? ncols : 1));

	for (int i = 0; i < ncols; i++)
		row[i] = vals[i] ? mem_strdup(po->ctx, vals[i]) : NULL;
	append_row(&po->rows, &po->nrows, &po->cap, po->ctx, row);
}

bool
sql_execute(sql_portal *po, int64_t max_rows, dest_receiver *dest)
{
	volatile bool suspended = false;

	if (po->gen != txn_gen)
		ph_error(ERRCODE_INVALID_CURSOR_NAME, "portal does not exist: its transaction has ended");
	check_aborted(po->pl);
	FAIL_BLOCK_ON_ERROR({
		if (!returns_rows(po->pl)) {
			if (po->pl->k == K_EMPTY)
				dest->empty(dest);
			else {
				if (!po->done)
					po->tag = mem_strdup(po->ctx, exec_command(po->pl, dest));
				po->done = true;
				dest->complete(dest, po->tag);
			}
		} else {
			sink sk = {dest, po->cols, 0};

			if (!po->materialized) {
				emit_rows(po->pl, &po->pr, store_row, po);
				po->materialized = true;
			}
			while (po->pos < po->nrows && (max_rows == 0 || sk.count < max_rows))
				sink_row(&sk, po->pl->ncols, po->rows[po->pos++]);
			if (po->pos < po->nrows)
				suspended = true;
			else
				dest->complete(dest, po->pl->k == K_SHOW
				                         ? "SHOW"
				                         : psprintf("SELECT %lld", (long long)sk.count));
		}
	});
	return suspended;
}

void
sql_portal_free(sql_portal *portal)
{
	mem_delete(portal->ctx);
}

void
sql_sync(void)
{
	if (txn == 'I')
		txn_gen++;
}

/* ---- sessions -------------------------------------------------------------------------------- */

char
sql_txn_state(void)
{
	return txn;
}

char *
sql_role_password(const char *user)
{
	static char *alice;

	if (strcmp(user, "alice") == 0) {
		if (alice == NULL) {
			mem_ctx *old = mem_switch(mem_top);

			alice = pgw_scram_make_verifier("secret");
			mem_switch(old);
		}
		return pstrdup(alice);
	}
	if (strcmp(user, "carol") == 0)
		return pstrdup(fake_pg15_verifier_pencil);
	if (strcmp(user, "mallory") == 0)
		return pstrdup("md5c0ffee");   /* not a SCRAM verifier: must never authenticate */
	return NULL;
}

static void
apply_option(const char *name, const char *value)
{
	static const char *const known[] = {"application_name", "TimeZone", "DateStyle",
	                                    "IntervalStyle", "client_encoding", "search_path",
	                                    "extra_float_digits", "statement_timeout", "work_mem"};

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcasecmp(name, known[i]) == 0) {
			setting_put(known[i], value);
			return;
		}
	ph_fatal(ERRCODE_UNDEFINED_OBJECT, "unrecognized configuration parameter \"%s\"", name);
}

void
sql_session_start(const sql_session_params *p, dest_receiver *dest)
{
	if (strncmp(p->user, "nosuch", 6) == 0)
		ph_fatal(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION, "role \"%s\" does not exist", p->user);
	if (strncmp(p->database, "nosuch", 6) == 0)
		ph_fatal(ERRCODE_INVALID_CATALOG_NAME, "database \"%s\" does not exist", p->database);
	fe_ctx = mem_create(mem_top, "fake engine session");
	tables = NULL;
	fsettings = NULL;
	txn = 'I';
	fe_user = mem_strdup(fe_ctx, p->user);
	setting_put("application_name", p->application_name ? p->application_name : "");
	setting_put("TimeZone", "UTC");
	setting_put("DateStyle", "ISO, MDY");
	setting_put("IntervalStyle", "postgres");
	setting_put("client_encoding", "UTF8");
	setting_put("search_path", "\"$user\", public");
	for (int i = 0; i < p->nextra; i++)
		apply_option(p->extra_names[i], p->extra_values[i]);
	if (p->options) {
		/* "-c name=value" words */
		char *o = mem_strdup(fe_ctx, p->options), *save = NULL;

		for (char *w = strtok_r(o, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
			char *eq;

			if (strcmp(w, "-c") == 0)
				continue;
			if (strncmp(w, "-c", 2) == 0)
				w += 2;
			eq = strchr(w, '=');
			if (eq == NULL)
				ph_fatal(ERRCODE_INVALID_PARAMETER_VALUE, "invalid command-line argument: %s", w);
			*eq = '\0';
			apply_option(w, eq + 1);
		}
	}
	for (fsetting *s = fsettings; s; s = s->next)
		report_setting(dest, s->name, s->value);
	dest->param_status(dest, "is_superuser", "on");
}

void
sql_session_end(void)
{
	if (txn != 'I')
		txn_end();
	if (fe_ctx)
		mem_delete(fe_ctx);
	fe_ctx = NULL;
	tables = NULL;
	fsettings = NULL;
}
