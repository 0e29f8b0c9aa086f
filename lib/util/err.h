/*
 * err.h — the one error path of Phantom-DB.
 *
 * An error is raised with ph_error(SQLSTATE, fmt, ...) or, when it needs more fields, with
 * ERR_BEGIN(code); err_detail(...); err_position(n); err_throw(fmt, ...).  Raising fills the
 * process's single err_info (fixed-size buffers: raising never allocates, so it works when
 * memory is exhausted) and unwinds with siglongjmp to the innermost ERR_TRY frame.  The frame's
 * owner (the worker's statement loop, a daemon's message loop) releases what the failed work
 * held — buffer pins, latches, locks, arenas — and decides whether the session goes on.
 *
 * Rules:
 *  - Locals changed inside ERR_TRY and read in ERR_CATCH must be volatile.
 *  - Never `return`, `break` or `goto` out of an ERR_TRY body: leave it by falling through.
 *  - Never unwind across a foreign library's frames (nng callbacks, LMDB, qsort
 *    comparators that libc calls back): check their return codes and raise after they return.
 *  - With no ERR_TRY frame active, a raised error is logged and the process exits(1).
 *  - Levels: LV_ERROR unwinds; LV_FATAL unwinds too, but the catcher must end the session or
 *    process (err_last()->level tells it); ph_panic() logs with a backtrace and abort()s, so the
 *    supervisor resets shared memory and runs recovery.
 *
 * Message style (PostgreSQL's): primary message short, lower case, no final period, says what
 * failed and why ("could not open file \"%s\": %m" is not available: use strerror(errno));
 * detail and hint are full sentences.
 */
#ifndef PH_UTIL_ERR_H
#define PH_UTIL_ERR_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdnoreturn.h>

#include "util/err_codes.h"

/* Severity levels, shared with the log (log.h). */
enum {
	LV_DEBUG2 = 0,
	LV_DEBUG = 1,
	LV_INFO = 2,
	LV_NOTICE = 3,
	LV_WARNING = 4,
	LV_ERROR = 5,
	LV_FATAL = 6,
	LV_PANIC = 7
};

#define ERR_MSG_MAX 1024
#define ERR_NAME_MAX 64

typedef struct err_info {
	char sqlstate[6];
	int level;                  /* LV_ERROR or LV_FATAL */
	char message[ERR_MSG_MAX];
	char detail[ERR_MSG_MAX];
	char hint[ERR_MSG_MAX / 2];
	int position;               /* 1-based character position in the statement, 0 = none */
	char schema[ERR_NAME_MAX];  /* optional object fields (ErrorResponse 's','t','c','n') */
	char table[ERR_NAME_MAX];
	char column[ERR_NAME_MAX];
	char constraint[ERR_NAME_MAX];
	const char *file;
	int line;
	const char *func;
} err_info;

typedef struct err_frame {
	sigjmp_buf jb;
	struct err_frame *prev;
} err_frame;

extern err_frame *err_top;

#define ERR_TRY()                                           \
	do {                                                    \
		err_frame err_frame__;                              \
		err_frame__.prev = err_top;                         \
		if (sigsetjmp(err_frame__.jb, 0) == 0) {            \
			err_top = &err_frame__;

#define ERR_CATCH()                                         \
			err_top = err_frame__.prev;                     \
		} else {                                            \
			err_top = err_frame__.prev;

#define ERR_END()                                           \
		}                                                   \
	} while (0)

/* Start building an error; the fields below may be set before err_throw. */
void err_begin(const char *sqlstate, const char *file, int line, const char *func);
#define ERR_BEGIN(code) err_begin((code), __FILE__, __LINE__, __func__)
void err_level(int level);
void err_detail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void err_hint(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void err_position(int pos);
void err_object(const char *schema, const char *table, const char *column,
                const char *constraint);
noreturn void err_throw(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* One-call forms. */
#define ph_error(code, ...) (ERR_BEGIN(code), err_throw(__VA_ARGS__))
#define ph_fatal(code, ...) (ERR_BEGIN(code), err_level(LV_FATAL), err_throw(__VA_ARGS__))
/* Can't-happen conditions: XX000 naming the source location. */
#define ph_internal(...) ph_error(ERRCODE_INTERNAL_ERROR, __VA_ARGS__)

/* Log at PANIC with a backtrace and abort(): shared state is no longer trustworthy. */
noreturn void ph_panic_at(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#define ph_panic(...) ph_panic_at(__FILE__, __LINE__, __VA_ARGS__)

/* The error being handled (valid inside ERR_CATCH and until the next err_begin). */
err_info *err_last(void);
/* Re-raise the error being handled to the next outer frame. */
noreturn void err_rethrow(void);
/* Copy the current error out (e.g. to send it to a client after cleanup). */
void err_copy(err_info *dst);
/* Condition name of a SQLSTATE ("division_by_zero"), or NULL. */
const char *err_code_name(const char *sqlstate);

/*
 * Assertions.  PH_ASSERT is compiled only with --enable-cassert (preconditions, lock
 * ownership, *_is_consistent() checkers).  PH_CHECK is always on, for cheap checks that
 * protect data: on failure it logs the expression and a backtrace and aborts.
 */
noreturn void ph_check_failed(const char *expr, const char *file, int line);
#define PH_CHECK(e) ((e) ? (void)0 : ph_check_failed(#e, __FILE__, __LINE__))
#ifdef USE_ASSERT_CHECKING
#define PH_ASSERT(e) PH_CHECK(e)
#else
#define PH_ASSERT(e) ((void)0)
#endif

#endif
