/*
 * anl_tool.c — runs parse + analyze (no execution) over SQL records, for the sqllogictest
 * corpus (tests/analyze/slt-analyze.sh).  Reads records as tests/parse/slt-extract.awk
 * prints them ("#file:line", SQL lines, a line holding only \036).  DDL statements (CREATE
 * TABLE / INDEX / VIEW, DROP) are applied to a temporary catalog by a small stand-in for
 * the engine's DDL, so later statements find their tables; every SELECT / INSERT / UPDATE /
 * DELETE is analyzed and counted.  A new file starts with an empty schema.
 *
 * Output: one line per failure with -v ("file:line SQLSTATE message"), then a summary of
 * the statements analyzed, failed, and the failures by SQLSTATE and message (numbers and
 * quoted values removed).
 */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog/cat.h"
#include "sql/analyze/anl.h"
#include "sql/parse/parse.h"
#include "types/types.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

#include "anl_ddl.h"

static int verbose;
static int each;       /* -e: one result line per statement (for comparisons) */
static int roundtrip;  /* -r: deparse each analyzed SELECT, analyze the text again, compare */
static long rt_ok, rt_bad;
static int dump;       /* -d: print each analyzed statement's tree */

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* ---- counting ------------------------------------------------------------------------- */

typedef struct cls {
	char key[160];
	int count;
	char example[200];
} cls;

static cls classes[4096];
static int nclasses;

static void
count_error(const err_info *e, const char *where)
{
	char key[160];
	int k = snprintf(key, sizeof key, "%s ", e->sqlstate);
	for (const char *p = e->message; *p && k < (int)sizeof key - 1; p++) {
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');
			if (q) {
				p = q;
				key[k++] = '_';
				continue;
			}
		}
		if (*p >= '0' && *p <= '9')
			continue;
		key[k++] = *p;
	}
	key[k] = '\0';
	for (int i = 0; i < nclasses; i++)
		if (strcmp(classes[i].key, key) == 0) {
			classes[i].count++;
			return;
		}
	if (nclasses < 4096) {
		snprintf(classes[nclasses].key, sizeof classes[nclasses].key, "%s", key);
		snprintf(classes[nclasses].example, sizeof classes[nclasses].example, "%s", where);
		classes[nclasses++].count = 1;
	}
}

static int
cmp_cls(const void *a, const void *b)
{
	return ((const cls *)b)->count - ((const cls *)a)->count;
}

static char *
reanalyze(const char *txt)
{
	char *volatile d = NULL;
	ERR_TRY();
	qry_list *again = anl_analyze_sql(txt, NULL);
	d = anl_dump_query_ex(again->items[0], false);
	if (strcmp(qry_deparse_query(again->items[0]), txt) != 0)
		d = psprintf("TEXT DIFFERS: %s", qry_deparse_query(again->items[0]));
	ERR_CATCH();
	d = psprintf("ERR %s %s", err_last()->sqlstate, err_last()->message);
	ERR_END();
	return d;
}

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else if (strcmp(argv[i], "-e") == 0)
			each = 1;
		else if (strcmp(argv[i], "-r") == 0)
			roundtrip = 1;
		else if (strcmp(argv[i], "-d") == 0)
			dump = 1;
	mem_init();
	cfg_init_defaults();
	settings.fsync = false;
	char dir[64];
	strcpy(dir, "/tmp/phanltool.XXXXXX");
	if (!mkdtemp(dir))
		return 2;
	cat_bootstrap(dir, "admin");
	cat_open(dir);
	mem_ctx *stmt_ctx = mem_create(mem_top, "statement");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	char cur_file[512] = "", where[600] = "";
	size_t bufcap = 1 << 16, buflen = 0;
	char *buf = malloc(bufcap);
	long analyzed = 0, ok = 0, failed = 0, ddl = 0, ddl_failed = 0, parse_failed = 0;
	while ((len = getline(&line, &cap, stdin)) > 0) {
		if (line[0] == '#' && buflen == 0) {
			line[strcspn(line, "\n")] = '\0';
			snprintf(where, sizeof where, "%s", line + 1);
			char *colon = strrchr(line + 1, ':');
			if (colon)
				*colon = '\0';
			if (strcmp(cur_file, line + 1) != 0) {
				snprintf(cur_file, sizeof cur_file, "%s", line + 1);
				mem_switch(stmt_ctx);
				ERR_TRY();
				reset_schema();
				ERR_CATCH();
				fprintf(stderr, "reset failed: %s\n", err_last()->message);
				ERR_END();
				mem_switch(mem_top);
				mem_reset(stmt_ctx);
			}
			continue;
		}
		if (strcmp(line, "\036\n") != 0 && strcmp(line, "\036") != 0) {
			if (buflen + (size_t)len + 1 > bufcap) {
				bufcap = (buflen + (size_t)len + 1) * 2;
				buf = realloc(buf, bufcap);
			}
			memcpy(buf + buflen, line, (size_t)len);
			buflen += (size_t)len;
			continue;
		}
		buf[buflen] = '\0';
		buflen = 0;
		bool want_params = strncmp(buf, "P:", 2) == 0;
		if (want_params)
			memset(buf, ' ', 2);   /* keep positions */
		mem_switch(stmt_ctx);
		if (each) {
			/* one outcome line per record, as tests/analyze/cases.expected */
			memcpy(buf, want_params ? "P:" : buf, want_params ? 2 : 0);
			printf("%s\n", anl_run_case(buf));
			mem_switch(mem_top);
			mem_reset(stmt_ctx);
			continue;
		}
		ast_list *volatile stmts = NULL;
		ERR_TRY();
		stmts = parse_sql(buf, NULL);
		ERR_CATCH();
		parse_failed++;
		if (each)
			printf("ERR %s|%s|%d\n", err_last()->sqlstate, err_last()->message, err_last()->position);
		ERR_END();
		for (volatile int i = 0; i < ast_list_length(stmts); i++) {
			RawStmt *rs = ast_list_nth(stmts, i);
			ast_node *st = rs->stmt;
			volatile bool dml = AST_IS(st, SelectStmt) || AST_IS(st, InsertStmt) || AST_IS(st, UpdateStmt) ||
			           AST_IS(st, DeleteStmt);
			ERR_TRY();
			cat_begin_statement();
			if (dml) {
				analyzed++;
				anl_params pp;
				memset(&pp, 0, sizeof pp);
				Oid path[2] = {CAT_PG_CATALOG_NAMESPACE, CAT_PUBLIC_NAMESPACE};
				pp.db = CAT_PHANTOM_DB_OID;
				pp.search_path = path;
				pp.npath = 2;
				pp.infer_params = true;
				qry_query *q = anl_analyze((ast_node *)rs, buf, want_params ? &pp : NULL);
				ok++;
				if (dump)
					printf("%s\n%s\n", where, anl_dump_query(q));
				if (roundtrip && q->cmd == QC_SELECT) {
					char *txt = qry_deparse_query(q);
					char *d1 = anl_dump_query_ex(q, false);
					char *d2 = reanalyze(txt);
					if (strcmp(d1, d2) == 0)
						rt_ok++;
					else {
						rt_bad++;
						if (verbose)
							printf("%s ROUNDTRIP\n  sql:  %s\n  text: %s\n  %s\n  %s\n", where, buf, txt, d1, d2);
					}
				}
				if (each && want_params) {
					printf("PARAMS");
					for (int k = 0; k < pp.nparams; k++)
						printf(" $%d:%s", k + 1, ty_format_type(pp.param_types[k], -1));
					printf("\n");
				} else if (each)
					printf("OK\n");
			} else if (ddl_apply(st, buf))
				ddl++;
			ERR_CATCH();
			cat_error_cleanup();
			if (each) {
				err_info *e = err_last();
				printf("ERR %s|%s|%d", e->sqlstate, e->message, e->position);
				if (e->hint[0])
					printf("|HINT: %s", e->hint);
				if (e->detail[0])
					printf("|DETAIL: %s", e->detail);
				printf("\n");
			}
			if (dml) {
				failed++;
				count_error(err_last(), where);
				if (verbose)
					printf("%s %s %s\n", where, err_last()->sqlstate, err_last()->message);
			} else
				ddl_failed++;
			ERR_END();
		}
		mem_switch(mem_top);
		mem_reset(stmt_ctx);
	}
	if (each) {
		cat_close();
		nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
		return 0;
	}
	qsort(classes, (size_t)nclasses, sizeof classes[0], cmp_cls);
	printf("statements analyzed: %ld, without error: %ld, with error: %ld\n", analyzed, ok, failed);
	printf("DDL applied: %ld (%ld failed); parse failures: %ld\n", ddl, ddl_failed, parse_failed);
	if (roundtrip)
		printf("deparse round trips: %ld equal, %ld different\n", rt_ok, rt_bad);
	for (int i = 0; i < nclasses; i++)
		printf("%8d  %s   (e.g. %s)\n", classes[i].count, classes[i].key, classes[i].example);
	cat_close();
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(buf);
	free(line);
	return 0;
}
