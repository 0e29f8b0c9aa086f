/*
 * crash.h — backtraces for crashing processes (libunwind).
 *
 * crash_install_handlers() installs, on an alternate signal stack, handlers for SIGSEGV,
 * SIGBUS, SIGILL, SIGFPE and SIGABRT that write "<role>[pid] crashed: signal N" and a
 * backtrace to the log with write(2) only (no stdio, no malloc), then restore the default
 * action and re-raise, so the supervisor sees death by signal and resets shared memory.
 */
#ifndef PH_UTIL_CRASH_H
#define PH_UTIL_CRASH_H

void crash_install_handlers(void);
/* Write the calling thread's backtrace to fd; async-signal-safe. */
void crash_write_backtrace(int fd);

#endif
