/*
 * catalog_bench.c — catalog micro-benchmark: table lookup by name through search_path plus
 * its descriptor, cached and uncached; DDL commits per second; nextval with and without fsync.
 *
 *   bench/catalog_bench [tables] [runs]        (defaults: 1000 tables, 5 runs)
 *
 * Prints the median of the runs for each measurement.  The data directory is a temporary
 * directory under $TMPDIR (default /tmp), removed at the end.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog/cat.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(double), cmp_double);
	return v[n / 2];
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static uint64_t xid = 100;

static Oid
create_table(const char *name)
{
	static const char *cols[] = {"id", "name", "price", "qty", "created", "note", "flag", "ref"};
	static const Oid types[] = {INT8OID, TEXTOID, NUMERICOID, INT4OID, TIMESTAMPTZOID, TEXTOID,
	                            BOOLOID, INT8OID};
	cat_column_def c[8];
	cat_relation_def def;
	cat_index_key key = {1, NULL, false, false};
	cat_index_def ix;
	int16_t k1[1] = {1};
	cat_constraint_def pk;
	char ixname[64];
	cat_ddl *d = cat_ddl_begin(xid++, 0);
	Oid t;

	memset(c, 0, sizeof(c));
	for (int i = 0; i < 8; i++) {
		c[i].name = cols[i];
		c[i].type = types[i];
		c[i].typmod = -1;
	}
	c[0].not_null = true;
	c[3].default_expr = "0";
	memset(&def, 0, sizeof(def));
	def.ns = CAT_PUBLIC_NAMESPACE;
	def.name = name;
	def.kind = CAT_RELKIND_TABLE;
	def.owner = CAT_BOOTSTRAP_SUPERUSER_OID;
	def.ncolumns = 8;
	def.columns = c;
	t = cat_create_relation(d, &def);
	snprintf(ixname, sizeof(ixname), "%s_pkey", name);
	memset(&ix, 0, sizeof(ix));
	ix.table = t;
	ix.name = ixname;
	ix.unique = ix.primary = true;
	ix.nkeys = 1;
	ix.keys = &key;
	memset(&pk, 0, sizeof(pk));
	pk.rel = t;
	pk.name = ixname;
	pk.type = CAT_CON_PRIMARY;
	pk.nkeys = 1;
	pk.keys = k1;
	pk.index = cat_create_index(d, &ix);
	cat_create_constraint(d, &pk);
	cat_ddl_commit(d);
	return t;
}

/* Mean time of a lookup that misses the cache: 5 passes over the names, cache emptied before
 * each.  With descriptor: search_path resolution + relation; else one name probe. */
static double
uncached_ns(char (*names)[32], int ntables, bool descriptor)
{
	Oid path[2] = {CAT_PG_CATALOG_NAMESPACE, CAT_PUBLIC_NAMESPACE};
	double total = 0;
	long n = 0;
	volatile long sink = 0;

	for (int pass = 0; pass < 5; pass++) {
		double t0;

		cat_cache_flush();
		t0 = now_ns();
		for (int i = 0; i < ntables; i++) {
			if (descriptor)
				sink += cat_get_relation(
					cat_resolve_relation(CAT_PHANTOM_DB_OID, path, 2, names[i]))->natts;
			else
				sink += cat_lookup_relation(CAT_PUBLIC_NAMESPACE, names[i]);
		}
		total += now_ns() - t0;
		n += ntables;
	}
	return total / (double)n;
}

int
main(int argc, char **argv)
{
	int ntables = argc > 1 ? atoi(argv[1]) : 1000;
	int runs = argc > 2 ? atoi(argv[2]) : 5;
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char dir[256], (*names)[32];
	Oid path[2] = {CAT_PG_CATALOG_NAMESPACE, CAT_PUBLIC_NAMESPACE};
	double *res = malloc(sizeof(double) * (size_t)runs), t0;
	long iters;
	volatile Oid sink = 0;
	Oid seq;

	if (ntables < 1 || runs < 1) {
		fprintf(stderr, "usage: catalog_bench [tables] [runs]\n");
		return 2;
	}
	mem_init();
	cfg_init_defaults();
	snprintf(dir, sizeof(dir), "%s/phcatbench.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	names = malloc(sizeof(*names) * (size_t)ntables);
	cat_bootstrap(dir, "bench");
	cat_open(dir);

	/* DDL: one LMDB commit (fsync) per CREATE TABLE with its primary key */
	settings.fsync = true;
	cat_close();
	cat_open(dir);
	t0 = now_ns();
	for (int i = 0; i < 100 && i < ntables; i++) {
		snprintf(names[i], sizeof(names[i]), "table_%d", i);
		create_table(names[i]);
	}
	printf("create table + pkey, fsync on:  %.0f statements/s (%d tables)\n",
	       (ntables < 100 ? ntables : 100) / ((now_ns() - t0) / 1e9), ntables < 100 ? ntables : 100);
	settings.fsync = false;
	cat_close();
	cat_open(dir);
	for (int i = 100; i < ntables; i++) {
		snprintf(names[i], sizeof(names[i]), "table_%d", i);
		create_table(names[i]);
	}

	/* cached: resolve through search_path (a miss in pg_catalog, a hit in public) + descriptor */
	cat_begin_statement();
	for (int i = 0; i < ntables; i++)
		sink += cat_get_relation(cat_resolve_relation(CAT_PHANTOM_DB_OID, path, 2, names[i]))->natts;
	iters = 2000000;
	for (int r = 0; r < runs; r++) {
		t0 = now_ns();
		for (long i = 0; i < iters; i++) {
			const cat_relation *rel = cat_get_relation(
				cat_resolve_relation(CAT_PHANTOM_DB_OID, path, 2, names[i % ntables]));

			sink += rel->natts;
		}
		res[r] = (now_ns() - t0) / (double)iters;
	}
	printf("cached lookup (name via search_path + descriptor):   %.1f ns (median of %d runs)\n",
	       median(res, runs), runs);

	/* uncached: every lookup misses (the cache is emptied before each pass over the names) */
	for (int r = 0; r < runs; r++)
		res[r] = uncached_ns(names, ntables, true);
	printf("uncached lookup (LMDB: 2 name probes + relation, 8 attributes, constraint, index): "
	       "%.1f ns (median of %d runs)\n", median(res, runs), runs);
	for (int r = 0; r < runs; r++)
		res[r] = uncached_ns(names, ntables, false);
	printf("uncached name -> oid only (one LMDB probe): %.1f ns (median of %d runs)\n",
	       median(res, runs), runs);

	/* nextval: cache 1, fsync on (one file write + fdatasync per 32 values) */
	{
		cat_sequence s;
		cat_relation_def def;
		cat_ddl *d = cat_ddl_begin(xid++, 0);

		cat_sequence_defaults(INT8OID, 1, &s);
		memset(&def, 0, sizeof(def));
		def.ns = CAT_PUBLIC_NAMESPACE;
		def.name = "bench_seq";
		def.kind = CAT_RELKIND_SEQUENCE;
		def.seq = &s;
		seq = cat_create_relation(d, &def);
		cat_ddl_commit(d);
	}
	for (int f = 0; f <= 1; f++) {
		settings.fsync = f;
		iters = f ? 20000 : 1000000;
		for (int r = 0; r < runs; r++) {
			t0 = now_ns();
			for (long i = 0; i < iters; i++)
				sink += (Oid)cat_seq_nextval(seq);
			res[r] = (now_ns() - t0) / (double)iters;
		}
		printf("nextval (cache 1), fsync %s: %.0f ns per call (median of %d runs)\n",
		       f ? "on" : "off", median(res, runs), runs);
	}

	cat_close();
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(names);
	free(res);
	return sink == 0xdeadbeef ? 1 : 0;
}
