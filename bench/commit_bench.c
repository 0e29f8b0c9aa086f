/*
 * commit_bench.c — commits per second and commits per fsync with group commit.
 *
 *   bench/commit_bench [-D dir] [-T seconds] [-r repeats] [-m wal|txn] [clients...]
 *
 * Creates a fresh data directory (default: a temporary one under the current directory, so
 * that fsync reaches the real disk rather than tmpfs), shared memory and the WAL, then for
 * each client count forks that many processes which commit in a loop for -T seconds:
 *   -m wal  (default) wal_insert of a 48-byte commit record + wal_flush_commit, as the WAL
 *           writer and group commit see it;
 *   -m txn  a whole transaction: BEGIN, assign an xid, COMMIT (proc array, xact lock, commit
 *           record, flush, clog).
 * fsync is on and synchronous_commit on.  Prints, per client count, the median of the
 * repeats: commits/s and commits per fsync.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "shm/proc.h"
#include "shm/shm.h"
#include "txn/txn.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"
#include "util/mem.h"
#include "wal/wal.h"

#define RM_BENCH (RM_FIRST_TEST + 20)
#define MAXCLIENTS 256

static volatile uint64_t *counts; /* per client, shared */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
client(int id, double end, int txn_mode)
{
	uint64_t n = 0;
	char rec[48];

	memset(rec, 0, sizeof(rec));
	while (now() < end) {
		if (txn_mode) {
			txn_begin_block(-1, -1);
			txn_assign_xid();
			txn_commit_block();
		} else {
			wal_chunk ch = { rec, sizeof(rec) };
			wal_lsn e;

			memcpy(rec, &n, sizeof(n));
			e = wal_insert(RM_BENCH, 0, n, &ch, 1, NULL, 0);
			wal_flush_commit(e);
		}
		n++;
	}
	counts[id] = n;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	char dir[512] = "", shmname[64], err[256], cmd[600];
	int seconds = 5, repeats = 3, txn_mode = 0, nclients = 0, opt;
	int clients[32];
	wal_recovery_result rr;
	bool made_dir = false;

	while ((opt = getopt(argc, argv, "D:T:r:m:")) != -1) {
		switch (opt) {
		case 'D':
			snprintf(dir, sizeof(dir), "%s", optarg);
			break;
		case 'T':
			seconds = atoi(optarg);
			break;
		case 'r':
			repeats = atoi(optarg);
			break;
		case 'm':
			txn_mode = strcmp(optarg, "txn") == 0;
			break;
		default:
			fprintf(stderr, "usage: %s [-D dir] [-T seconds] [-r repeats] [-m wal|txn] [clients...]\n",
			        argv[0]);
			return 2;
		}
	}
	for (int i = optind; i < argc && nclients < 32; i++)
		clients[nclients++] = atoi(argv[i]);
	if (nclients == 0) {
		int d[4] = { 1, 4, 16, 64 };

		for (int i = 0; i < 4; i++)
			clients[nclients++] = d[i];
	}
	if (repeats < 1 || repeats > 15 || seconds < 1)
		return 2;
	mem_init();
	cfg_init_defaults();
	settings.max_connections = MAXCLIENTS;
	settings.fsync = true;
	settings.synchronous_commit = true;
	log_set_level(LV_WARNING);
	if (dir[0] == '\0') {
		snprintf(dir, sizeof(dir), "./commit_bench.XXXXXX");
		if (mkdtemp(dir) == NULL) {
			perror("mkdtemp");
			return 1;
		}
		made_dir = true;
	}
	counts = mmap(NULL, sizeof(uint64_t) * MAXCLIENTS, PROT_READ | PROT_WRITE,
	              MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	snprintf(shmname, sizeof(shmname), "/commit_bench.%d", (int)getpid());
	wal_bootstrap(dir, TXN_FIRST_NORMAL_XID);
	txn_bootstrap(dir);
	if (shm_create(shmname, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	txn_init_process(dir);
	wal_recovery_run(dir, &rr);
	txn_startup(&rr);
	printf("mode=%s fsync=on synchronous_commit=on seconds=%d repeats=%d (median shown)\n",
	       txn_mode ? "txn" : "wal", seconds, repeats);
	printf("%8s %12s %12s %14s\n", "clients", "commits/s", "fsyncs/s", "commits/fsync");
	for (int c = 0; c < nclients; c++) {
		int n = clients[c];
		double rate[15], per[15], fs[15];

		if (n < 1 || n > MAXCLIENTS - 8)
			continue;
		for (int r = 0; r < repeats; r++) {
			wal_stats a, b;
			pid_t pids[MAXCLIENTS];
			int slots[MAXCLIENTS];
			uint64_t total = 0;
			double t0, t1, end;

			wal_get_stats(&a);
			t0 = now();
			end = t0 + seconds;
			for (int i = 0; i < n; i++) {
				slots[i] = proc_slot_alloc(ROLE_WORKER);
				fflush(NULL);
				pids[i] = fork();
				if (pids[i] == 0) {
					proc_attach(slots[i]);
					client(i, end, txn_mode);
					exit(0);
				}
			}
			for (int i = 0; i < n; i++) {
				waitpid(pids[i], NULL, 0);
				proc_slot_free(slots[i]);
				total += counts[i];
			}
			t1 = now();
			wal_get_stats(&b);
			rate[r] = (double)total / (t1 - t0);
			fs[r] = (double)(b.fsyncs - a.fsyncs) / (t1 - t0);
			per[r] = b.fsyncs > a.fsyncs ? (double)(b.commits - a.commits) / (double)(b.fsyncs - a.fsyncs) : 0;
		}
		qsort(rate, (size_t)repeats, sizeof(double), cmp_double);
		qsort(per, (size_t)repeats, sizeof(double), cmp_double);
		qsort(fs, (size_t)repeats, sizeof(double), cmp_double);
		printf("%8d %12.0f %12.0f %14.2f\n", n, rate[repeats / 2], fs[repeats / 2], per[repeats / 2]);
		fflush(stdout);
	}
	shm_destroy();
	if (made_dir) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
	}
	return 0;
}
