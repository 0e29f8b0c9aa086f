/*
 * parse_bench.c — parser throughput: statements per second for the statements pgbench
 * sends in simple-protocol mode (-M simple) and for a larger analytic query.
 *
 * Each iteration parses one statement with parse_sql() into a statement memory context and
 * resets that context, as the query worker does per statement.  Each workload runs for a
 * fixed number of iterations, repeated -r times; the median run is reported.
 *
 * Usage: bench/parse_bench [-n iterations] [-r runs]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sql/parse/parse.h"
#include "util/err.h"
#include "util/mem.h"

static const char *const tpcb[] = {
	"BEGIN;",
	"UPDATE pgbench_accounts SET abalance = abalance + 1111 WHERE aid = 23242;",
	"SELECT abalance FROM pgbench_accounts WHERE aid = 23242;",
	"UPDATE pgbench_tellers SET tbalance = tbalance + 1111 WHERE tid = 10;",
	"UPDATE pgbench_branches SET bbalance = bbalance + 1111 WHERE bid = 1;",
	"INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (10, 1, 23242, 1111, "
	"CURRENT_TIMESTAMP);",
	"END;",
};

/* TPC-H Q5-like: six-way join, filters, date arithmetic, grouping, ordering */
static const char *const analytic[] = {
	"SELECT n.n_name, sum(l.l_extendedprice * (1 - l.l_discount)) AS revenue, "
	"count(DISTINCT o.o_orderkey) AS orders, avg(l.l_quantity) FILTER (WHERE l.l_returnflag = 'R'), "
	"CASE WHEN sum(l.l_quantity) > 1000 THEN 'big' ELSE 'small' END AS size "
	"FROM customer c JOIN orders o ON c.c_custkey = o.o_custkey "
	"JOIN lineitem l ON l.l_orderkey = o.o_orderkey "
	"JOIN supplier s ON l.l_suppkey = s.s_suppkey AND c.c_nationkey = s.s_nationkey "
	"JOIN nation n ON s.s_nationkey = n.n_nationkey "
	"JOIN region r ON n.n_regionkey = r.r_regionkey "
	"WHERE r.r_name = 'ASIA' AND o.o_orderdate >= DATE '1994-01-01' "
	"AND o.o_orderdate < DATE '1994-01-01' + INTERVAL '1' YEAR "
	"AND l.l_shipmode IN ('AIR', 'MAIL', 'SHIP') AND s.s_comment NOT LIKE '%Complaints%' "
	"AND EXISTS (SELECT 1 FROM partsupp ps WHERE ps.ps_suppkey = s.s_suppkey AND ps.ps_availqty > 10) "
	"GROUP BY n.n_name HAVING sum(l.l_extendedprice) > 100000 "
	"ORDER BY revenue DESC, n.n_name LIMIT 20;",
};

typedef struct workload {
	const char *name;
	const char *const *stmts;
	int nstmts;
} workload;

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

/* Seconds for `iters` statements of w, cycling through its statements. */
static double
run(const workload *w, long iters, mem_ctx *ctx)
{
	double t0 = now();

	for (long i = 0; i < iters; i++) {
		mem_ctx *old = mem_switch(ctx);
		ast_list *l = parse_sql(w->stmts[i % w->nstmts], NULL);

		if (ast_list_length(l) != 1) {
			fprintf(stderr, "unexpected statement count\n");
			exit(1);
		}
		mem_switch(old);
		mem_reset(ctx);
	}
	return now() - t0;
}

int
main(int argc, char **argv)
{
	long iters = 1000000;
	int runs = 5;
	const workload wl[] = {
		{"pgbench TPC-B statements (7, cycled)", tpcb, 7},
		{"pgbench UPDATE pgbench_accounts", tpcb + 1, 1},
		{"pgbench -S SELECT", tpcb + 2, 1},
		{"analytic 6-way join (1 KB)", analytic, 1},
	};

	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "-n") == 0)
			iters = atol(argv[i + 1]);
		else if (strcmp(argv[i], "-r") == 0)
			runs = atoi(argv[i + 1]);
	}
	if (iters <= 0 || runs <= 0 || runs > 99) {
		fprintf(stderr, "usage: %s [-n iterations] [-r runs]\n", argv[0]);
		return 2;
	}
	mem_init();

	mem_ctx *ctx = mem_create(mem_top, "statement");

	printf("%-40s %14s %12s\n", "workload", "statements/s", "us/statement");
	for (size_t k = 0; k < sizeof(wl) / sizeof(wl[0]); k++) {
		double t[99];
		long n = strstr(wl[k].name, "analytic") ? iters / 10 : iters;

		run(&wl[k], n / 10, ctx);   /* warm up */
		for (int r = 0; r < runs; r++)
			t[r] = run(&wl[k], n, ctx);
		qsort(t, (size_t)runs, sizeof(double), cmp_double);

		double med = t[runs / 2];

		printf("%-40s %14.0f %12.3f\n", wl[k].name, (double)n / med, med / (double)n * 1e6);
	}
	mem_delete(ctx);
	return 0;
}
