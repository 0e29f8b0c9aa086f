/*
 * analyze_bench.c — parse + analyze time of pgbench's statements with a warm catalog cache.
 *
 * A temporary catalog (bootstrapped in /tmp, removed at the end) holds pgbench's four
 * tables with their primary keys.  Each iteration does what the query worker does per
 * statement: cat_begin_statement(), parse_sql() and anl_analyze() into a statement memory
 * context, then resets the context.  Workloads: pgbench's simple-protocol TPC-B statements
 * (cycled), the select-only statement, and the extended-protocol forms with $n inferred
 * (what Parse costs for pgbench -M extended).  Each workload runs -n iterations, -r times;
 * the median run's microseconds per statement are printed.  "analyze only" reuses one
 * parse tree and times anl_analyze alone.
 *
 * Usage: bench/analyze_bench [-n iterations] [-r runs]
 */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "catalog/cat.h"
#include "sql/analyze/anl.h"
#include "sql/parse/parse.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

static const char *const setup[] = {
	"create table pgbench_accounts(aid int primary key, bid int, abalance int, filler char(84))",
	"create table pgbench_branches(bid int primary key, bbalance int, filler char(88))",
	"create table pgbench_tellers(tid int primary key, bid int, tbalance int, filler char(84))",
	"create table pgbench_history(tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))",
};

static const char *const tpcb[] = {
	"UPDATE pgbench_accounts SET abalance = abalance + 1111 WHERE aid = 23242;",
	"SELECT abalance FROM pgbench_accounts WHERE aid = 23242;",
	"UPDATE pgbench_tellers SET tbalance = tbalance + 1111 WHERE tid = 10;",
	"UPDATE pgbench_branches SET bbalance = bbalance + 1111 WHERE bid = 1;",
	"INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (10, 1, 23242, 1111, "
	"CURRENT_TIMESTAMP);",
};
static const char *const selonly[] = {"SELECT abalance FROM pgbench_accounts WHERE aid = 23242;"};
static const char *const extended[] = {
	"UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2;",
	"SELECT abalance FROM pgbench_accounts WHERE aid = $1;",
	"UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2;",
	"UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2;",
	"INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, "
	"CURRENT_TIMESTAMP);",
};

#include "../tests/analyze/anl_ddl.h"

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static Oid path[2] = {CAT_PG_CATALOG_NAMESPACE, CAT_PUBLIC_NAMESPACE};

static void
one(const char *sql, bool params, const ast_node *tree)
{
	anl_params p;
	memset(&p, 0, sizeof p);
	p.db = CAT_PHANTOM_DB_OID;
	p.search_path = path;
	p.npath = 2;
	p.user = CAT_BOOTSTRAP_SUPERUSER_OID;
	p.infer_params = params;
	cat_begin_statement();
	if (!tree) {
		ast_list *l = parse_sql(sql, NULL);
		tree = ast_list_nth(l, 0);
	}
	anl_analyze(tree, sql, &p);
}

static double
run(const char *const *stmts, int n, bool params, bool analyze_only, long iters, mem_ctx *ctx)
{
	ast_node *trees[8] = {0};
	mem_ctx *keep = mem_create(mem_top, "trees");
	if (analyze_only) {
		mem_ctx *old = mem_switch(keep);
		for (int i = 0; i < n; i++)
			trees[i] = ast_list_nth(parse_sql(stmts[i], NULL), 0);
		mem_switch(old);
	}
	double t0 = now();
	for (long i = 0; i < iters; i++) {
		mem_ctx *old = mem_switch(ctx);
		one(stmts[i % n], params, trees[i % n]);
		mem_switch(old);
		mem_reset(ctx);
	}
	double us = (now() - t0) * 1e6 / (double)iters;
	mem_delete(keep);
	return us;
}

int
main(int argc, char **argv)
{
	long iters = 200000;
	int runs = 5;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "-n") == 0)
			iters = atol(argv[i + 1]);
		else if (strcmp(argv[i], "-r") == 0)
			runs = atoi(argv[i + 1]);
	}
	if (runs > 64)
		runs = 64;
	mem_init();
	cfg_init_defaults();
	settings.fsync = false;
	char dir[64];
	strcpy(dir, "/tmp/phanlbench.XXXXXX");
	if (!mkdtemp(dir))
		return 2;
	cat_bootstrap(dir, "admin");
	cat_open(dir);
	for (size_t i = 0; i < sizeof setup / sizeof setup[0]; i++)
		if (strcmp(anl_run_case(setup[i]), "OK") != 0)
			return 3;
	mem_ctx *ctx = mem_create(mem_top, "statement");
	struct {
		const char *name;
		const char *const *stmts;
		int n;
		bool params, only;
	} w[] = {
		{"TPC-B statements, simple protocol (parse + analyze)", tpcb, 5, false, false},
		{"SELECT abalance ... WHERE aid = 23242 (parse + analyze)", selonly, 1, false, false},
		{"TPC-B statements with $n inferred (parse + analyze)", extended, 5, true, false},
		{"TPC-B statements, simple protocol (analyze only)", tpcb, 5, false, true},
	};
	for (size_t k = 0; k < sizeof w / sizeof w[0]; k++) {
		double r[64];
		run(w[k].stmts, w[k].n, w[k].params, w[k].only, iters / 10, ctx);   /* warm up */
		for (int i = 0; i < runs; i++)
			r[i] = run(w[k].stmts, w[k].n, w[k].params, w[k].only, iters, ctx);
		qsort(r, (size_t)runs, sizeof r[0], cmp_double);
		printf("%-58s median %.3f us/statement (min %.3f, max %.3f)\n", w[k].name, r[runs / 2], r[0],
		       r[runs - 1]);
	}
	cat_close();
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
