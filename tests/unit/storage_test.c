/* storage_test.c — fixtures for the storage unit tests; see storage_test.h. */
#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf/buf.h"
#include "shm/lwlock.h"
#include "shm/proc.h"
#include "shm/shm.h"
#include "smgr/smgr.h"
#include "storage_test.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

static char dir[256];
static char shmname[64];

void
st_setup(size_t pool_bytes)
{
	char err[256];

	mem_init();
	cfg_init_defaults();
	settings.fsync = false;
	settings.shared_buffers = (int64_t)pool_bytes;
	settings.max_connections = 20;
	snprintf(dir, sizeof(dir), "/tmp/phstore.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	smgr_init(dir);
	snprintf(shmname, sizeof(shmname), "/phtest.%d.%ld", (int)getpid(), (long)time(NULL));
	ck_assert_msg(shm_create(shmname, err, sizeof(err)) == 0, "%s", err);
	/* the mapping is all we need (children inherit it): drop the name at once, so a test
	 * that fails before its teardown leaves nothing in /dev/shm */
	shm_unlink(shmname);
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void
st_teardown(void)
{
	lwlock_release_all();
	buf_release_all();
	smgr_close_all();
	shm_destroy();
	if (dir[0])
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	dir[0] = '\0';
}

const char *
st_dir(void)
{
	return dir;
}

uint64_t
st_rand(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545f4914f6cdd1dull;
}

pid_t
st_fork_worker(int (*fn)(void *arg, int i), void *arg, int i)
{
	int slot = proc_slot_alloc(ROLE_WORKER);
	pid_t pid;

	ck_assert_int_ge(slot, 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int rc = 1;

		proc_attach(slot);
		ERR_TRY();
		{
			rc = fn(arg, i);
		}
		ERR_CATCH();
		{
			fprintf(stderr, "worker %d: %s: %s (%s)\n", i, err_last()->sqlstate,
			        err_last()->message, err_last()->detail);
			rc = 2;
		}
		ERR_END();
		exit(rc);
	}
	return pid;
}

int
st_wait(pid_t pid)
{
	int status;

	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 100 + WTERMSIG(status);
}

const char *
st_catch(void (*fn)(void *), void *arg, char *msg, size_t len)
{
	static char code[6];

	code[0] = '\0';
	if (len)
		msg[0] = '\0';
	ERR_TRY();
	{
		fn(arg);
	}
	ERR_CATCH();
	{
		snprintf(code, sizeof(code), "%s", err_last()->sqlstate);
		snprintf(msg, len, "%.500s | %.400s", err_last()->message, err_last()->detail);
		lwlock_release_all();
		buf_release_all();
	}
	ERR_END();
	return code;
}

int
st_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}

int st_problems;
char st_last_problem[700];
char st_all_problems[16384];

void
st_collect(void *arg, const char *msg)
{
	size_t used = strlen(st_all_problems);

	(void)arg;
	st_problems++;
	snprintf(st_last_problem, sizeof(st_last_problem), "%s", msg);
	snprintf(st_all_problems + used, sizeof(st_all_problems) - used, "%s\n", msg);
}

void
st_problems_reset(void)
{
	st_problems = 0;
	st_last_problem[0] = '\0';
	st_all_problems[0] = '\0';
}

int
st_cmp_int4(uint64_t a, uint64_t b, void *arg)
{
	int32_t x = (int32_t)a, y = (int32_t)b;

	(void)arg;
	return (x > y) - (x < y);
}
