/*
 * slt_lib.c — sqllogictest script reading, value formatting, sorting and hashing, and the
 * runner (see slt.h).  The reading and comparison rules follow the reference sqllogictest
 * program (sqllogictest.c and its ODBC engine): a record is a paragraph; a query's SQL runs
 * until "----"; values are compared one per line, or by hash when more values than the
 * threshold came back or the query has a label.  One deliberate difference: a different
 * number of values is always a failure (the reference compares only the common prefix).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "slt.h"

/* ---- reading -------------------------------------------------------------------------------- */

void
slt_open(slt_script *s, const char *text, size_t len)
{
	s->text = malloc(len + 1);
	memcpy(s->text, text, len);
	s->text[len] = '\0';
	s->len = len;
	s->pos = 0;
	s->line = 0;
}

void
slt_close(slt_script *s)
{
	free(s->text);
	s->text = NULL;
}

/* The next line (NUL-terminated in place, '\r' and trailing blanks dropped; an all-blank
 * line becomes ""), or NULL at the end.  Comment lines are returned too. */
static char *
next_line(slt_script *s)
{
	char *l, *e;

	if (s->pos >= s->len)
		return NULL;
	l = s->text + s->pos;
	e = memchr(l, '\n', s->len - s->pos);
	if (e) {
		*e = '\0';
		s->pos = (size_t)(e - s->text) + 1;
	} else {
		s->pos = s->len;
	}
	s->line++;
	{
		size_t n = strlen(l);

		while (n > 0 && (l[n - 1] == '\r' || isspace((unsigned char)l[n - 1])))
			l[--n] = '\0';
	}
	return l;
}

/* Look at the next line without taking it: true if it is blank (or the end). */
static bool
next_is_blank(const slt_script *s)
{
	for (size_t i = s->pos; i < s->len; i++) {
		if (s->text[i] == '\n')
			return true;
		if (!isspace((unsigned char)s->text[i]))
			return false;
	}
	return true;
}

static int
tokenize(char *line, char **tok, int max)
{
	int n = 0;

	for (char *save = NULL, *t = strtok_r(line, " \t", &save); t && n < max;
	     t = strtok_r(NULL, " \t", &save))
		tok[n++] = t;
	return n;
}

void
slt_record_free(slt_record *r)
{
	free(r->types);
	free(r->label);
	free(r->sql);
	for (int i = 0; i < r->nexpected; i++)
		free(r->expected[i]);
	free(r->expected);
	free(r->bad);
	memset(r, 0, sizeof(*r));
}

static void
append_sql(char **sql, const char *line)
{
	size_t old = *sql ? strlen(*sql) : 0;
	char *n = realloc(*sql, old + strlen(line) + 2);

	if (old)
		n[old++] = '\n';
	strcpy(n + old, line);
	*sql = n;
}

bool
slt_next(slt_script *s, slt_record *r)
{
	char *line, *tok[8], copy[512];
	int n;

	slt_record_free(r);
	/* skip blank and comment lines to the start of a record */
	do {
		line = next_line(s);
		if (line == NULL)
			return false;
	} while (line[0] == '\0' || line[0] == '#');
	/* skipif / onlyif prefixes */
	for (;;) {
		snprintf(copy, sizeof(copy), "%s", line);
		n = tokenize(copy, tok, 8);
		if (n >= 1 && (strcmp(tok[0], "skipif") == 0 || strcmp(tok[0], "onlyif") == 0)) {
			bool match = n >= 2 && strcasecmp(tok[1], SLT_ENGINE) == 0;

			if (tok[0][0] == 's' ? match : !match)
				r->skip = true;
			line = next_line(s);
			if (line == NULL)
				return false;
			continue;
		}
		break;
	}
	r->line = s->line;
	if (n >= 1 && strcmp(tok[0], "statement") == 0) {
		r->kind = SLT_STATEMENT;
		if (n >= 2 && strcmp(tok[1], "error") == 0)
			r->expect_error = true;
		else if (n < 2 || strcmp(tok[1], "ok") != 0)
			r->bad = strdup("statement argument should be 'ok' or 'error'");
		while (!next_is_blank(s) && (line = next_line(s)) != NULL)
			append_sql(&r->sql, line);
	} else if (n >= 1 && strcmp(tok[0], "query") == 0) {
		r->kind = SLT_QUERY;
		r->types = strdup(n >= 2 ? tok[1] : "");
		if (n < 2 || strspn(r->types, "ITR") != strlen(r->types))
			r->bad = strdup(n < 2 ? "missing type string" : "unknown type character in type string");
		r->sort = SLT_NOSORT;
		if (n >= 3) {
			if (strcmp(tok[2], "rowsort") == 0)
				r->sort = SLT_ROWSORT;
			else if (strcmp(tok[2], "valuesort") == 0)
				r->sort = SLT_VALUESORT;
			else if (strcmp(tok[2], "nosort") != 0 && !r->bad)
				r->bad = strdup("unknown sort method");
		}
		if (n >= 4)
			r->label = strdup(tok[3]);
		while (!next_is_blank(s) && (line = next_line(s)) != NULL) {
			if (strcmp(line, "----") == 0) {
				r->has_results = true;
				break;
			}
			append_sql(&r->sql, line);
		}
		if (r->has_results) {
			int cap = 16;

			r->expected = malloc(sizeof(char *) * (size_t)cap);
			while (!next_is_blank(s) && (line = next_line(s)) != NULL) {
				if (r->nexpected == cap) {
					cap *= 2;
					r->expected = realloc(r->expected, sizeof(char *) * (size_t)cap);
				}
				r->expected[r->nexpected++] = strdup(line);
			}
		}
	} else if (n >= 1 && strcmp(tok[0], "hash-threshold") == 0) {
		r->kind = SLT_HASH_THRESHOLD;
		r->threshold = n >= 2 ? atoi(tok[1]) : 0;
	} else if (n >= 1 && strcmp(tok[0], "halt") == 0) {
		r->kind = SLT_HALT;
	} else {
		r->kind = SLT_UNKNOWN;
		r->bad = strdup("unknown record type");
		/* skip the rest of the paragraph */
		while (!next_is_blank(s) && next_line(s) != NULL)
			;
	}
	if (r->sql == NULL)
		r->sql = strdup("");
	return true;
}

/* ---- values ----------------------------------------------------------------------------- */

void
slt_format(char type, const char *v, bool is_null, char *out, size_t cap)
{
	if (is_null) {
		snprintf(out, cap, "NULL");
		return;
	}
	if (type == 'I' || type == 'R') {
		double d = 0;
		long long ll;
		char *end;

		/* booleans read as 1/0, as through ODBC */
		if (strcmp(v, "t") == 0 || strcmp(v, "true") == 0)
			d = 1;
		else if (strcmp(v, "f") == 0 || strcmp(v, "false") == 0)
			d = 0;
		else if (type == 'I') {
			errno = 0;
			ll = strtoll(v, &end, 10);
			if (end != v && *end == '\0' && errno == 0) {
				snprintf(out, cap, "%lld", ll);
				return;
			}
			d = strtod(v, &end);   /* a real or numeric: truncated; junk reads as 0 */
			if (end == v)
				d = 0;
		} else {
			d = strtod(v, &end);
			if (end == v)
				d = 0;
		}
		if (type == 'I')
			snprintf(out, cap, "%lld", (long long)d);
		else
			snprintf(out, cap, "%.3f", d);
		return;
	}
	if (*v == '\0') {
		snprintf(out, cap, "(empty)");
		return;
	}
	{
		size_t n = 0;

		for (; *v && n + 1 < cap; v++)
			out[n++] = (*v < ' ' || *v > '~') ? '@' : *v;
		out[n] = '\0';
	}
}

static int sort_ncols;

static int
row_cmp(const void *a, const void *b)
{
	char *const *x = a, *const *y = b;
	int c = 0;

	for (int i = 0; c == 0 && i < sort_ncols; i++)
		c = strcmp(x[i], y[i]);
	return c;
}

void
slt_sort_values(char **values, int nvalues, int ncols, slt_sort how)
{
	if (how == SLT_NOSORT || nvalues == 0)
		return;
	sort_ncols = how == SLT_ROWSORT ? ncols : 1;
	qsort(values, (size_t)(nvalues / sort_ncols), sizeof(char *) * (size_t)sort_ncols, row_cmp);
}

void
slt_hash(char *const *values, int nvalues, char *out, size_t cap)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char d[16];
	unsigned int dl = 0;
	char hex[33];

	EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
	for (int i = 0; i < nvalues; i++) {
		EVP_DigestUpdate(ctx, values[i], strlen(values[i]));
		EVP_DigestUpdate(ctx, "\n", 1);
	}
	EVP_DigestFinal_ex(ctx, d, &dl);
	EVP_MD_CTX_free(ctx);
	for (int i = 0; i < 16; i++)
		sprintf(hex + 2 * i, "%02x", d[i]);
	snprintf(out, cap, "%d values hashing to %s", nvalues, hex);
}

/* ---- running ------------------------------------------------------------------------------- */

typedef struct label {
	char *name, *hash;
	struct label *next;
} label;

typedef struct runner {
	const slt_options *opt;
	const char *path;
	phantom_conn *conn;
	int threshold;
	label *labels;
} runner;

static void
report(runner *R, const slt_record *r, const char *what, const char *detail)
{
	printf("%s:%d: %s\n", R->path, r->line, what);
	if (R->opt->verbose) {
		printf("  SQL:\n    %s\n", r->sql);
		if (detail)
			printf("%s", detail);
	}
}

static void
quiet_notice(void *arg, const phantom_result *n)
{
}

static void
cleanup(runner *R)
{
	static const char q[] =
		"SELECT c.relkind, c.relname FROM pg_catalog.pg_class c "
		"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
		"WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v')";
	phantom_result *r = phantom_exec(R->conn, q);

	if (phantom_result_status(r) == PHANTOM_TUPLES_OK) {
		for (int i = 0; i < phantom_ntuples(r); i++) {
			char *id = phantom_escape_identifier(phantom_value(r, i, 1),
			                                     strlen(phantom_value(r, i, 1)));
			char sql[512];

			snprintf(sql, sizeof(sql), "DROP %s IF EXISTS %s CASCADE",
			         phantom_value(r, i, 0)[0] == 'v' ? "VIEW" : "TABLE", id);
			phantom_clear(phantom_exec(R->conn, sql));
			phantom_free(id);
		}
	}
	phantom_clear(r);
}

/* A label's results must agree everywhere it is used: false on disagreement. */
static bool
check_label(runner *R, const char *name, const char *hash)
{
	for (label *l = R->labels; l; l = l->next)
		if (strcmp(l->name, name) == 0)
			return strcmp(l->hash, hash) == 0;
	label *l = malloc(sizeof(*l));

	l->name = strdup(name);
	l->hash = strdup(hash);
	l->next = R->labels;
	R->labels = l;
	return true;
}

static bool
run_statement(runner *R, const slt_record *r)
{
	phantom_result *res = phantom_exec(R->conn, r->sql);
	bool failed = phantom_result_status(res) == PHANTOM_ERROR;
	bool ok = failed == r->expect_error;

	if (!ok) {
		char detail[1200];

		snprintf(detail, sizeof(detail), "  expected: %s\n  actual:   %s\n",
		         r->expect_error ? "an error" : "success",
		         failed ? phantom_result_error_message(res) : "success\n");
		report(R, r, "statement error", detail);
	}
	phantom_clear(res);
	return ok;
}

static char *
join_lines(char *const *v, int n, int limit)
{
	size_t len = 1;
	char *s;

	for (int i = 0; i < n && i < limit; i++)
		len += strlen(v[i]) + 5;
	s = malloc(len + 32);
	s[0] = '\0';
	for (int i = 0; i < n && i < limit; i++) {
		strcat(s, "    ");
		strcat(s, v[i]);
		strcat(s, "\n");
	}
	if (n > limit)
		sprintf(s + strlen(s), "    ... (%d more)\n", n - limit);
	return s;
}

static bool
run_query(runner *R, const slt_record *r)
{
	phantom_result *res = phantom_exec(R->conn, r->sql);
	int ncols = (int)strlen(r->types), nvals;
	char **vals = NULL, hash[80];
	bool ok = true, hashed;
	char *why = NULL;

	if (phantom_result_status(res) != PHANTOM_TUPLES_OK) {
		char detail[1200];

		snprintf(detail, sizeof(detail), "  error: %s", phantom_result_status(res) == PHANTOM_ERROR
		         ? phantom_result_error_message(res) : "the statement returned no rows\n");
		report(R, r, "query failed", detail);
		phantom_clear(res);
		return false;
	}
	if (phantom_nfields(res) != ncols) {
		char detail[200];

		snprintf(detail, sizeof(detail), "  wrong number of result columns: expected %d but got "
		         "%d\n", ncols, phantom_nfields(res));
		report(R, r, "query failed", detail);
		phantom_clear(res);
		return false;
	}
	nvals = phantom_ntuples(res) * ncols;
	vals = malloc(sizeof(char *) * (size_t)(nvals ? nvals : 1));
	for (int i = 0; i < phantom_ntuples(res); i++)
		for (int c = 0; c < ncols; c++) {
			const char *v = phantom_value(res, i, c);
			size_t cap = strlen(v) + 32;
			char *f = malloc(cap);

			slt_format(r->types[c], v, phantom_is_null(res, i, c), f, cap);
			vals[i * ncols + c] = f;
		}
	phantom_clear(res);
	slt_sort_values(vals, nvals, ncols, r->sort);
	hashed = R->threshold > 0 && nvals > R->threshold;
	if (r->label || hashed)
		slt_hash(vals, nvals, hash, sizeof(hash));
	if (r->label && !check_label(R, r->label, hash)) {
		report(R, r, "labeled result does not agree with previous values", NULL);
		ok = false;
	}
	if (!r->has_results) {
		/* no expected results given: only the successful run counts */
	} else if (hashed) {
		if (r->nexpected != 1 || strcmp(r->expected[0], hash) != 0) {
			ok = false;
			if (asprintf(&why, "  expected:\n%s  actual:\n    %s\n",
			             r->nexpected ? r->expected[0] : "(nothing)", hash) < 0)
				why = NULL;
		}
	} else {
		bool same = r->nexpected == nvals;

		for (int i = 0; same && i < nvals; i++)
			same = strcmp(r->expected[i], vals[i]) == 0;
		if (!same) {
			char *e = join_lines(r->expected, r->nexpected, 40), *a = join_lines(vals, nvals, 40);

			ok = false;
			if (asprintf(&why, "  expected (%d values):\n%s  actual (%d values):\n%s",
			             r->nexpected, e, nvals, a) < 0)
				why = NULL;
			free(e);
			free(a);
		}
	}
	if (!ok && why)
		report(R, r, hashed ? "wrong result hash" : "wrong result", why);
	free(why);
	for (int i = 0; i < nvals; i++)
		free(vals[i]);
	free(vals);
	return ok;
}

bool
slt_run_file(const slt_options *opt, const char *path, slt_stats *st)
{
	runner R = {.opt = opt, .path = path, .threshold = SLT_DEFAULT_HASH_THRESHOLD};
	slt_script s;
	slt_record rec = {0};
	FILE *f = fopen(path, "rb");
	char *text;
	long len;

	if (f == NULL) {
		printf("%s: cannot open: %s\n", path, strerror(errno));
		return false;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = malloc((size_t)len + 1);
	if (fread(text, 1, (size_t)len, f) != (size_t)len) {
		fclose(f);
		free(text);
		printf("%s: read error\n", path);
		return false;
	}
	fclose(f);
	R.conn = phantom_connect(opt->conninfo);
	if (phantom_status(R.conn) != PHANTOM_CONNECTION_OK) {
		printf("%s: cannot connect: %s", path, phantom_error_message(R.conn));
		phantom_finish(R.conn);
		free(text);
		return false;
	}
	phantom_set_notice_handler(R.conn, quiet_notice, NULL);
	if (opt->cleanup)
		cleanup(&R);
	if (opt->hash_threshold >= 0)
		R.threshold = opt->hash_threshold;
	slt_open(&s, text, (size_t)len);
	free(text);
	while (slt_next(&s, &rec)) {
		if (rec.skip) {
			st->skipped++;
			continue;
		}
		if (rec.bad) {
			report(&R, &rec, rec.bad, NULL);
			st->failed++;
			if (rec.kind == SLT_UNKNOWN)
				break;   /* as the reference: an unknown record ends the script */
			continue;
		}
		switch (rec.kind) {
		case SLT_STATEMENT:
			if (run_statement(&R, &rec))
				st->passed++;
			else
				st->failed++;
			break;
		case SLT_QUERY:
			if (run_query(&R, &rec))
				st->passed++;
			else
				st->failed++;
			break;
		case SLT_HASH_THRESHOLD:
			if (opt->hash_threshold < 0)
				R.threshold = rec.threshold;
			break;
		case SLT_HALT:
			goto done;
		default:
			break;
		}
		if (phantom_status(R.conn) != PHANTOM_CONNECTION_OK) {
			printf("%s:%d: the connection was lost; the rest of the file is not run\n", path,
			       rec.line);
			st->failed++;
			break;
		}
	}
done:
	slt_record_free(&rec);
	slt_close(&s);
	while (R.labels) {
		label *l = R.labels;

		R.labels = l->next;
		free(l->name);
		free(l->hash);
		free(l);
	}
	phantom_finish(R.conn);
	return true;
}
