/*
 * latch.h — per-process wake-up flag (a futex word in the process's slot).
 *
 * latch_set(idx) may be called by any process (or a signal handler); latch_wait sleeps until
 * the caller's latch is set, the timeout passes, or a signal arrives, then clears it.  The
 * pattern is: reset-then-check-condition-then-wait, so a wake-up between the check and the
 * wait is never lost:
 *
 *     for (;;) { latch_reset(); if (condition()) break; latch_wait(timeout); }
 *
 * Processes that wait in poll/epoll (every process's actor loop, a worker's session waiting
 * for its client) cannot sleep on a futex.  They call latch_fd_open() once; from then on
 * latch_set() on them also sends SIGURG, and latch_fd() — a signalfd — becomes readable.
 * The same descriptor reports the signals a child of the server reacts to, which
 * latch_fd_consume() turns into the process's interrupt bits (proc.h):
 *
 *     SIGHUP -> PI_RELOAD    SIGTERM -> PI_TERMINATE    SIGINT -> PI_CANCEL
 *     SIGURG (a latch_set), SIGUSR1, SIGUSR2 -> nothing beyond waking the caller
 *
 * so that the only place a process reacts to signals is where it reads ps_interrupts:
 *
 *     poll({client socket, latch_fd()}) ... if latch_fd() readable: latch_fd_consume();
 *     then look at proc_me->ps_interrupts (clear the bits you handle with atomic_fetch_and).
 *
 * A set latch with no pending signal is also reported: latch_fd_consume() clears the latch,
 * so after it the caller must check its conditions before polling again (as above).
 */
#ifndef PH_SHM_LATCH_H
#define PH_SHM_LATCH_H

#include <stdbool.h>
#include <stdint.h>

void latch_set(int proc_index);
void latch_reset(void);
/* Returns true if the latch was set, false on timeout or signal. timeout_ms < 0: no limit. */
bool latch_wait(int64_t timeout_ms);

/*
 * Make this process's latch pollable.  Blocks SIGHUP, SIGTERM, SIGINT, SIGURG, SIGUSR1 and
 * SIGUSR2 in the calling thread (call it before starting any thread, e.g. before the first
 * nng call, so that every thread inherits the mask) and returns the signalfd, or -1 with
 * errno.  Idempotent: later calls return the same descriptor.  Child processes only, after
 * proc_attach.
 */
int latch_fd_open(void);
/* The descriptor from latch_fd_open(), or -1. */
int latch_fd(void);
/* Read every pending signal from latch_fd(), set the matching interrupt bits in this
 * process's slot, and reset the latch.  Never blocks. */
void latch_fd_consume(void);

#endif
