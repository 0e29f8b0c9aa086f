/*
 * latch.h — per-process wake-up flag (a futex word in the process's slot).
 *
 * latch_set(idx) may be called by any process (or a signal handler); latch_wait sleeps until
 * the caller's latch is set, the timeout passes, or a signal arrives, then clears it.  The
 * pattern is: reset-then-check-condition-then-wait, so a wake-up between the check and the
 * wait is never lost:
 *
 *     for (;;) { latch_reset(); if (condition()) break; latch_wait(timeout); }
 */
#ifndef PH_SHM_LATCH_H
#define PH_SHM_LATCH_H

#include <stdbool.h>
#include <stdint.h>

void latch_set(int proc_index);
void latch_reset(void);
/* Returns true if the latch was set, false on timeout or signal. timeout_ms < 0: no limit. */
bool latch_wait(int64_t timeout_ms);

#endif
