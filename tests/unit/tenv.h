/*
 * tenv.h — a throw-away server environment for the unit tests of lib/wal, lib/lock and
 * lib/txn: a temporary data directory, a shared-memory segment with every region, a process
 * slot for the test process, and helpers to fork "worker" processes with their own slots
 * and to simulate a crash and restart.
 */
#ifndef PH_TESTS_TENV_H
#define PH_TESTS_TENV_H

#include <stdbool.h>
#include <sys/types.h>

#include "wal/wal.h"

extern char tenv_datadir[256];
extern wal_recovery_result tenv_recovery;

/* Settings suited to tests (small WAL buffers and segments, few slots, fsync off). */
void tenv_settings(void);
/* Create the data directory (bootstrapped) and shared memory, run recovery.  */
void tenv_setup(void);
/* Like tenv_setup but without recovery/startup: the test drives them. */
void tenv_setup_nostart(void);
/* "Crash": drop shared memory without any shutdown work, create it again. */
void tenv_crash(void);
/* Run recovery (and the txn startup) on the current shared memory. */
void tenv_start(void);
/* Remove shared memory and the data directory. */
void tenv_teardown(void);

/* Fork a process with its own slot that runs fn(arg) and exits with its return value. */
pid_t tenv_fork(int (*fn)(void *arg), void *arg);
/* Wait for a child forked by tenv_fork; returns its exit status (or 128 + signal). */
int tenv_wait(pid_t pid);
/* Proc index of a child forked by tenv_fork. */
int tenv_child_slot(pid_t pid);

/* Run stmt and assert that it raises the SQLSTATE code (err_last() describes it after). */
extern char tenv_caught[6];
#define EXPECT_ERROR(code, stmt)                                  \
	do {                                                          \
		tenv_caught[0] = '\0';                                    \
		ERR_TRY();                                                \
		{                                                         \
			stmt;                                                 \
		}                                                         \
		ERR_CATCH();                                              \
		{                                                         \
			memcpy(tenv_caught, err_last()->sqlstate, 6);         \
		}                                                         \
		ERR_END();                                                \
		ck_assert_str_eq(tenv_caught, code);                      \
	} while (0)

void tenv_sleep_ms(int ms);
/* Poll a condition for at most 10 s (a bound, never a timing assertion). */
#define WAIT_UNTIL(cond)                                           \
	do {                                                           \
		int w__ = 0;                                               \
		while (!(cond) && w__++ < 10000)                           \
			tenv_sleep_ms(1);                                      \
		ck_assert_msg((cond), "timed out waiting for " #cond);     \
	} while (0)

/* Simple shared scratch memory for tests (MAP_SHARED|MAP_ANONYMOUS), zeroed. */
void *tenv_shared_scratch(size_t size);

#endif
