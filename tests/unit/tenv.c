/* tenv.c — see tenv.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "shm/proc.h"
#include "shm/shm.h"
#include "tenv.h"
#include "txn/txn.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"
#include "util/mem.h"

char tenv_datadir[256];
char tenv_caught[6];
wal_recovery_result tenv_recovery;
static char shm_name[64];
static int my_slot = -1;

#define MAX_CHILDREN 128
static pid_t child_pid[MAX_CHILDREN];
static int child_slot[MAX_CHILDREN];

void
tenv_settings(void)
{
	if (mem_top == NULL)
		mem_init();
	cfg_init_defaults();
	settings.max_connections = 8;
	settings.wal_buffers = 64 * 1024;
	settings.wal_segment_size = 1024 * 1024;
	settings.fsync = false;
	settings.max_locks_per_transaction = 64;
	settings.shared_buffers = 1024 * 1024; /* other regions are sized from settings too */
	log_set_level(getenv("TENV_LOG") ? LV_DEBUG : LV_ERROR);
}

static void
create_shm(void)
{
	char err[256];

	if (shm_create(shm_name, err, sizeof(err)) != 0) {
		fprintf(stderr, "tenv: %s\n", err);
		exit(2);
	}
	my_slot = proc_slot_alloc(ROLE_WORKER);
	proc_attach(my_slot);
}

void
tenv_setup_nostart(void)
{
	tenv_settings();
	snprintf(tenv_datadir, sizeof(tenv_datadir), "/tmp/phtest.XXXXXX");
	if (mkdtemp(tenv_datadir) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	snprintf(shm_name, sizeof(shm_name), "/phtest.%d", (int)getpid());
	shm_remove_stale(shm_name);
	wal_bootstrap(tenv_datadir, TXN_FIRST_NORMAL_XID);
	txn_bootstrap(tenv_datadir);
	create_shm();
}

void
tenv_start(void)
{
	txn_init_process(tenv_datadir);
	wal_recovery_run(tenv_datadir, &tenv_recovery);
	txn_startup(&tenv_recovery);
}

void
tenv_setup(void)
{
	tenv_setup_nostart();
	tenv_start();
}

void
tenv_crash(void)
{
	proc_me = NULL;
	proc_my_index = -1;
	shm_destroy();
	create_shm();
}

void
tenv_teardown(void)
{
	char cmd[300];

	proc_me = NULL;
	proc_my_index = -1;
	shm_destroy();
	if (tenv_datadir[0]) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tenv_datadir);
		if (system(cmd) != 0)
			fprintf(stderr, "tenv: could not remove %s\n", tenv_datadir);
	}
}

pid_t
tenv_fork(int (*fn)(void *arg), void *arg)
{
	int slot = proc_slot_alloc(ROLE_WORKER);
	pid_t pid;

	if (slot < 0) {
		fprintf(stderr, "tenv: no free process slot\n");
		exit(2);
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		int rc;

		proc_attach(slot);
		rc = fn(arg);
		exit(rc);
	}
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (child_pid[i] == 0) {
			child_pid[i] = pid;
			child_slot[i] = slot;
			break;
		}
	return pid;
}

int
tenv_child_slot(pid_t pid)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (child_pid[i] == pid)
			return child_slot[i];
	return -1;
}

int
tenv_wait(pid_t pid)
{
	int st = 0;

	if (waitpid(pid, &st, 0) != pid)
		return -1;
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (child_pid[i] == pid) {
			proc_slot_free(child_slot[i]);
			child_pid[i] = 0;
		}
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + WTERMSIG(st);
}

void *
tenv_shared_scratch(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	memset(p, 0, size);
	return p;
}

void
tenv_sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}
