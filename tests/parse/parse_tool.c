/*
 * parse_tool.c — runs the parser over a stream of SQL records, for the corpus check
 * (tests/parse/parse-corpus.sh) and for exploring the parser by hand.
 *
 * Input (stdin): records separated by lines holding only the ASCII record separator
 * (\036); a record's first line may be "#where" (a file:line label for reports).
 * For each record: parse it; with -r also deparse every statement, parse the text again
 * and check that the trees are equal; with -p print the deparsed text (-P: as records);
 * with -d print the tree; with -e print one line per record: OK or sqlstate|message|position.  Prints one line per failure and a summary; exits 1 if any record failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sql/parse/parse.h"
#include "util/err.h"
#include "util/mem.h"

static int roundtrip, print, records, dump, quiet, errors;
static long nrec, nfail, nrtfail;

static void
one(const char *where, const char *sql)
{
	mem_ctx *ctx = mem_create(mem_top, "record");
	mem_ctx *old = mem_switch(ctx);
	volatile int stage = 0;

	nrec++;
	ERR_TRY();
	{
		ast_list *stmts = parse_sql(sql, NULL);

		stage = 1;
		if (errors)
			printf("OK\n");
		for (int i = 0; i < ast_list_length(stmts); i++) {
			RawStmt *r = (RawStmt *)stmts->items[i];

			if (dump)
				printf("%s\n", ast_dump(r->stmt));
			if (!roundtrip && !print)
				continue;
			char *text = ast_deparse(r->stmt);

			if (print)
				printf(records ? "%s\n\036\n" : "%s\n", text);
			if (roundtrip) {
				stage = 2;
				ast_list *again = parse_sql(text, NULL);

				if (ast_list_length(again) != 1 ||
				    !ast_equal(((RawStmt *)again->items[0])->stmt, r->stmt)) {
					nrtfail++;
					printf("ROUNDTRIP %s\n  in:  %s\n  out: %s\n", where, sql, text);
					if (!quiet && ast_list_length(again) == 1)
						printf("  tree1: %s\n  tree2: %s\n", ast_dump(r->stmt),
						       ast_dump(((RawStmt *)again->items[0])->stmt));
				}
				stage = 1;
			}
		}
	}
	ERR_CATCH();
	{
		err_info *e = err_last();

		if (stage == 2) {
			nrtfail++;
			printf("ROUNDTRIP-REPARSE %s: %s %s (position %d)\n  in: %s\n", where,
			       e->sqlstate, e->message, e->position, sql);
		} else if (errors) {
			nfail++;
			printf("%s|%s|%d\n", e->sqlstate, e->message, e->position);
		} else {
			nfail++;
			printf("FAIL %s: %s %s (position %d)\n", where, e->sqlstate, e->message, e->position);
			if (!quiet)
				printf("  %s\n", sql);
		}
	}
	ERR_END();
	mem_switch(old);
	mem_delete(ctx);
}

int
main(int argc, char **argv)
{
	char *line = NULL, *rec = NULL, where[512] = "?";
	size_t cap = 0, len = 0, rcap = 0;
	ssize_t n;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-r") == 0)
			roundtrip = 1;
		else if (strcmp(argv[i], "-p") == 0)
			print = 1;
		else if (strcmp(argv[i], "-P") == 0)
			print = records = 1;
		else if (strcmp(argv[i], "-d") == 0)
			dump = 1;
		else if (strcmp(argv[i], "-q") == 0)
			quiet = 1;
		else if (strcmp(argv[i], "-e") == 0)
			errors = 1;
		else {
			fprintf(stderr, "usage: %s [-r] [-p|-P] [-d] [-q] [-e] < records\n", argv[0]);
			return 2;
		}
	}
	mem_init();
	for (;;) {
		n = getline(&line, &cap, stdin);
		if (n < 0 || strcmp(line, "\036\n") == 0 || strcmp(line, "\036") == 0) {
			if (len > 0 && rec[len - 1] == '\n')
				len--;   /* the line end before the separator is not part of the SQL */
			if (len > 0) {
				rec[len] = '\0';
				one(where, rec);
			}
			len = 0;
			strcpy(where, "?");
			if (n < 0)
				break;
			continue;
		}
		if (len == 0 && line[0] == '#') {
			line[strcspn(line, "\n")] = '\0';
			snprintf(where, sizeof(where), "%s", line + 1);
			continue;
		}
		if (len + (size_t)n + 1 > rcap) {
			rcap = (len + (size_t)n + 1) * 2;
			rec = realloc(rec, rcap);
			if (rec == NULL)
				return 3;
		}
		memcpy(rec + len, line, (size_t)n);
		len += (size_t)n;
	}
	printf("records: %ld, parse failures: %ld", nrec, nfail);
	if (roundtrip)
		printf(", round-trip failures: %ld", nrtfail);
	printf("\n");
	free(line);
	free(rec);
	return nfail || nrtfail ? 1 : 0;
}
