/* err.c — raising, catching and describing errors; see err.h for the contract. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PH_ERR_CODES_TABLE
#include "util/err.h"
#include "util/log.h"
#include "util/crash.h"

err_frame *err_top = NULL;

static err_info cur_err;

void
err_begin(const char *sqlstate, const char *file, int line, const char *func)
{
	memset(&cur_err, 0, sizeof(cur_err));
	memcpy(cur_err.sqlstate, sqlstate, 5);
	cur_err.sqlstate[5] = '\0';
	cur_err.level = LV_ERROR;
	cur_err.file = file;
	cur_err.line = line;
	cur_err.func = func;
}

void
err_level(int level)
{
	cur_err.level = level;
}

void
err_detail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cur_err.detail, sizeof(cur_err.detail), fmt, ap);
	va_end(ap);
}

void
err_hint(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cur_err.hint, sizeof(cur_err.hint), fmt, ap);
	va_end(ap);
}

void
err_position(int pos)
{
	cur_err.position = pos;
}

static void
copy_name(char *dst, const char *src)
{
	if (src != NULL)
		snprintf(dst, ERR_NAME_MAX, "%s", src);
}

void
err_object(const char *schema, const char *table, const char *column, const char *constraint)
{
	copy_name(cur_err.schema, schema);
	copy_name(cur_err.table, table);
	copy_name(cur_err.column, column);
	copy_name(cur_err.constraint, constraint);
}

err_info *
err_last(void)
{
	return &cur_err;
}

void
err_copy(err_info *dst)
{
	*dst = cur_err;
}

noreturn void
err_rethrow(void)
{
	err_frame *f = err_top;

	if (f == NULL) {
		log_msg(LV_FATAL, "%s (%s) at %s:%d", cur_err.message, cur_err.sqlstate,
		        cur_err.file ? cur_err.file : "?", cur_err.line);
		exit(1);
	}
	err_top = f->prev;
	siglongjmp(f->jb, 1);
}

noreturn void
err_throw(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cur_err.message, sizeof(cur_err.message), fmt, ap);
	va_end(ap);
	err_rethrow();
}

const char *
err_code_name(const char *sqlstate)
{
	for (size_t i = 0; i < sizeof(err_code_table) / sizeof(err_code_table[0]); i++)
		if (strcmp(err_code_table[i].code, sqlstate) == 0)
			return err_code_table[i].name;
	return NULL;
}

noreturn void
ph_panic_at(const char *file, int line, const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	log_msg(LV_PANIC, "%s (at %s:%d)", msg, file, line);
	crash_write_backtrace(log_fd());
	signal(SIGABRT, SIG_DFL);	/* the backtrace is written: no second one from the handler */
	abort();
}

noreturn void
ph_check_failed(const char *expr, const char *file, int line)
{
	log_msg(LV_PANIC, "check failed: %s (at %s:%d)", expr, file, line);
	crash_write_backtrace(log_fd());
	signal(SIGABRT, SIG_DFL);
	abort();
}
