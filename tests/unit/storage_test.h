/*
 * storage_test.h — fixtures shared by the storage unit tests: a temporary data directory,
 * a shared-memory segment with a buffer pool of a chosen size, and helpers for tests that
 * fork worker processes.
 */
#ifndef PH_TESTS_STORAGE_TEST_H
#define PH_TESTS_STORAGE_TEST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Create a data directory and shared memory with a pool of pool_bytes (fsync off). */
void st_setup(size_t pool_bytes);
/* Drop pins, destroy shared memory, remove the data directory. */
void st_teardown(void);
const char *st_dir(void);
/* Small deterministic PRNG (xorshift64*), so failures are reproducible. */
uint64_t st_rand(uint64_t *state);
/* Fork a child that runs fn(arg, i) in a process-table slot and exits with its result. */
pid_t st_fork_worker(int (*fn)(void *arg, int i), void *arg, int i);
/* Wait for a child; returns its exit status (or 100 + signal number). */
int st_wait(pid_t pid);
/*
 * Run fn(arg) inside an error frame.  Returns the SQLSTATE raised ("" if none) and copies
 * "message | detail" into msg; releases locks and pins as a statement frame would.
 */
const char *st_catch(void (*fn)(void *), void *arg, char *msg, size_t len);
/* Checker report callback: counts problems into st_problems, keeps the last one and all of
 * them (newline-separated, truncated) for assertions; st_problems_reset() clears them. */
extern int st_problems;
extern char st_last_problem[700];
extern char st_all_problems[16384];
void st_collect(void *arg, const char *msg);
void st_problems_reset(void);
/* int4 comparator for index keys (bt_cmp_fn). */
int st_cmp_int4(uint64_t a, uint64_t b, void *arg);
/* Run a suite (fork mode) and return main's exit status. */
struct Suite;
int st_run(struct Suite *s);

#endif
