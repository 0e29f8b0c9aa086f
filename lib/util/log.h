/*
 * log.h — the server log.
 *
 * Every process writes whole lines, each a single write(2) to a descriptor opened with
 * O_APPEND, so lines from concurrent processes never interleave inside a line:
 *
 *   2026-11-24 13:06:24.123 UTC walwriter[12345] INFO:  message
 *
 * The role is set once per process (log_set_role after fork).  Messages below the level
 * from the `log_level` setting are dropped.  log_msg never raises and never allocates; it may
 * be called from any process, but not from a signal handler (use log_fd() with write(2)).
 */
#ifndef PH_UTIL_LOG_H
#define PH_UTIL_LOG_H

#include <stdarg.h>
#include "util/err.h"

void log_set_role(const char *role);
const char *log_role(void);
void log_set_level(int level);
int log_get_level(void);
/* Open (create, append) the log file; returns 0 or -1 with errno.  Without it, stderr. */
int log_open_file(const char *path);
/* Use an already open descriptor (the supervisor hands its log to children this way). */
void log_use_fd(int fd);
int log_fd(void);

void log_msg(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void log_vmsg(int level, const char *fmt, va_list ap);
/* Log the error being handled (err_last()) with its SQLSTATE, at the given level. */
void log_error(int level, const err_info *e);

const char *log_level_name(int level);
/* Parse a level name ("debug2", "debug", "info", "notice", "warning", "error"); -1 if unknown. */
int log_level_from_name(const char *name);

#define log_debug(...) log_msg(LV_DEBUG, __VA_ARGS__)
#define log_info(...) log_msg(LV_INFO, __VA_ARGS__)
#define log_notice(...) log_msg(LV_NOTICE, __VA_ARGS__)
#define log_warning(...) log_msg(LV_WARNING, __VA_ARGS__)

#endif
