/*
 * storage_bench.c — throughput of the storage layer alone (no SQL, no network): bulk insert
 * into a heap with one unique B+tree index, point lookups through the index, and a
 * sequential scan, on rows shaped like pgbench_accounts (aid int4, bid int4, abalance int4,
 * filler char(84)), with a buffer pool larger and smaller than the data.
 *
 *   bench/storage_bench [--rows N] [--lookups N] [--reps N] [--pool-large MB]
 *                       [--pool-small MB] [--dir DIR] [--fsync]
 *
 * Each repetition starts from an empty data directory and fresh shared memory; the medians
 * are printed.  "insert+sync" includes writing every dirty page and fsyncing the files.
 */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "btree/bt.h"
#include "buf/buf.h"
#include "heap/heap.h"
#include "shm/shm.h"
#include "smgr/smgr.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

enum { M_INSERT, M_INSERT_SYNC, M_LOOKUP, M_SCAN, M_COUNT };
static const char *const metric_name[M_COUNT] = {
	"bulk insert (rows/s)", "insert+sync (rows/s)", "point lookup (lookups/s)",
	"seq scan (rows/s)"
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp_int4(Datum a, Datum b, void *arg)
{
	int32_t x = DatumGetInt32(a), y = DatumGetInt32(b);

	(void)arg;
	return (x > y) - (x < y);
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static uint64_t
xorshift(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545f4914f6cdd1dull;
}

/* One repetition with a pool of pool_mb; fills res[M_*]. */
static void
run_once(const char *base, int pool_mb, long rows, long lookups, double *res)
{
	char dir[512], shmname[64], err[256];
	const rel_locator hl = { 1, 16384 }, il = { 1, 16385 };
	bt_column col = { 4, true, false, false, cmp_int4, NULL };
	tuple_desc *d;
	heap_rel *h;
	bt_index *idx;
	heap_bulk *bulk;
	mem_ctx *rowctx, *old;
	char filler[VARHDRSZ + 84];
	double t0, t1;
	uint64_t seed = 12345;
	long found = 0, nrows = 0;
	int64_t sum = 0;

	snprintf(dir, sizeof(dir), "%s/storage_bench.XXXXXX", base);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	smgr_init(dir);
	settings.shared_buffers = (int64_t)pool_mb << 20;
	snprintf(shmname, sizeof(shmname), "/storage_bench.%d", (int)getpid());
	if (shm_create(shmname, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	d = heap_desc_create(4);
	heap_desc_set(d, 0, 4, true);
	heap_desc_set(d, 1, 4, true);
	heap_desc_set(d, 2, 4, true);
	heap_desc_set(d, 3, -1, false);
	heap_create(hl);
	bt_create(il);
	h = heap_open(hl, d, "pgbench_accounts");
	idx = bt_open(il, 1, &col, true, "pgbench_accounts_pkey");
	SET_VARSIZE(filler, sizeof(filler));
	memset(VARDATA(filler), ' ', 84);

	/* bulk insert, ascending keys as COPY of pgbench -i does */
	bulk = heap_bulk_begin(h); /* outlives the per-row context */
	rowctx = mem_create(mem_top, "row");
	old = mem_switch(rowctx);
	t0 = now();
	for (long i = 1; i <= rows; i++) {
		Datum v[4] = { Int32GetDatum((int32_t)i), Int32GetDatum((int32_t)((i - 1) / 100000 + 1)),
		               Int32GetDatum(0), PointerGetDatum(filler) };
		bool n[4] = { false, false, false, false };
		heap_tuple *t = heap_form_tuple(d, v, n);
		tid id = heap_insert(h, t, 1, 0, bulk);

		bt_insert(idx, v, n, id);
		if (i % 1024 == 0)
			mem_reset(rowctx);
	}
	heap_bulk_end(bulk);
	t1 = now();
	res[M_INSERT] = (double)rows / (t1 - t0);
	buf_sync_all();
	res[M_INSERT_SYNC] = (double)rows / (now() - t0);
	mem_reset(rowctx);

	/* point lookups by random key */
	t0 = now();
	for (long i = 0; i < lookups; i++) {
		Datum key = Int32GetDatum((int32_t)(xorshift(&seed) % (uint64_t)rows + 1));
		bool kn = false, isnull;
		bt_bound b = { 1, &key, &kn, true };
		bt_scan *s = bt_beginscan(idx, &b, &b, BT_FORWARD, false);
		tid t;

		while (bt_getnext(s, &t)) {
			heap_tuple ht;
			buf_id buf;

			if (heap_hot_search(h, t, NULL, &ht, &buf)) {
				sum += DatumGetInt32(heap_getattr(d, &ht, 2, &isnull));
				found++;
				buf_release(buf);
			}
		}
		bt_endscan(s);
		if (i % 1024 == 0)
			mem_reset(rowctx);
	}
	res[M_LOOKUP] = (double)lookups / (now() - t0);
	if (found != lookups) {
		fprintf(stderr, "lookups found %ld of %ld rows\n", found, lookups);
		exit(1);
	}

	/* sequential scan, reading one column of each row */
	t0 = now();
	{
		heap_scan *s = heap_beginscan(h, NULL, 0);
		heap_tuple *t;
		bool isnull;

		while ((t = heap_getnext(s)) != NULL) {
			sum += DatumGetInt32(heap_getattr(d, t, 2, &isnull));
			nrows++;
		}
		heap_endscan(s);
	}
	res[M_SCAN] = (double)nrows / (now() - t0);
	if (nrows != rows || sum != 0) {
		fprintf(stderr, "scan saw %ld of %ld rows\n", nrows, rows);
		exit(1);
	}
	mem_switch(old);
	mem_delete(rowctx);
	smgr_close_all();
	shm_destroy();
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	long rows = 1000000, lookups = 1000000;
	int reps = 3, pools[2] = { 512, 32 };
	const char *base = "/tmp";
	bool use_fsync = false;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rows") && i + 1 < argc)
			rows = atol(argv[++i]);
		else if (!strcmp(argv[i], "--lookups") && i + 1 < argc)
			lookups = atol(argv[++i]);
		else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			reps = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--pool-large") && i + 1 < argc)
			pools[0] = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--pool-small") && i + 1 < argc)
			pools[1] = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--dir") && i + 1 < argc)
			base = argv[++i];
		else if (!strcmp(argv[i], "--fsync"))
			use_fsync = true;
		else {
			fprintf(stderr, "usage: %s [--rows N] [--lookups N] [--reps N] [--pool-large MB] "
			                "[--pool-small MB] [--dir DIR] [--fsync]\n", argv[0]);
			return 2;
		}
	}
	if (rows < 1 || lookups < 1 || reps < 1) {
		fprintf(stderr, "rows, lookups and reps must be positive\n");
		return 2;
	}
	mem_init();
	cfg_init_defaults();
	settings.fsync = use_fsync;
	printf("storage_bench: %ld rows (aid int4 primary key, bid, abalance, filler char(84)), "
	       "%ld lookups, %d repetitions, fsync %s, medians\n", rows, lookups, reps,
	       use_fsync ? "on" : "off");
	printf("%-26s %16s %16s\n", "", "pool", "pool");
	printf("%-26s %13d MB %13d MB\n", "metric", pools[0], pools[1]);
	{
		double res[2][M_COUNT][64];

		if (reps > 64)
			reps = 64;
		for (int r = 0; r < reps; r++)
			for (int p = 0; p < 2; p++) {
				double one[M_COUNT];

				run_once(base, pools[p], rows, lookups, one);
				for (int m = 0; m < M_COUNT; m++)
					res[p][m][r] = one[m];
			}
		for (int m = 0; m < M_COUNT; m++) {
			printf("%-26s", metric_name[m]);
			for (int p = 0; p < 2; p++) {
				qsort(res[p][m], (size_t)reps, sizeof(double), cmp_double);
				printf(" %16.0f", res[p][m][reps / 2]);
			}
			printf("\n");
		}
	}
	return 0;
}
