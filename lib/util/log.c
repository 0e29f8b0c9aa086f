/* log.c — timestamped, role-tagged log lines; see log.h. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "util/log.h"

static int log_out = 2;
static int log_level = LV_INFO;
static char log_rolename[32] = "phantom";

static const char *const level_names[] = {
	"DEBUG2", "DEBUG", "INFO", "NOTICE", "WARNING", "ERROR", "FATAL", "PANIC"
};

void
log_set_role(const char *role)
{
	snprintf(log_rolename, sizeof(log_rolename), "%s", role);
}

const char *
log_role(void)
{
	return log_rolename;
}

void
log_set_level(int level)
{
	log_level = level;
}

int
log_get_level(void)
{
	return log_level;
}

int
log_open_file(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);

	if (fd < 0)
		return -1;
	if (log_out > 2)
		close(log_out);
	log_out = fd;
	return 0;
}

void
log_use_fd(int fd)
{
	log_out = fd;
}

int
log_fd(void)
{
	return log_out;
}

const char *
log_level_name(int level)
{
	if (level < LV_DEBUG2 || level > LV_PANIC)
		return "LOG";
	return level_names[level];
}

int
log_level_from_name(const char *name)
{
	for (int i = LV_DEBUG2; i <= LV_ERROR; i++)
		if (strcasecmp(name, level_names[i]) == 0)
			return i;
	return -1;
}

void
log_vmsg(int level, const char *fmt, va_list ap)
{
	char line[4096];
	struct timeval tv;
	struct tm tm;
	size_t n;
	int k;

	if (level < log_level)
		return;
	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	n = strftime(line, sizeof(line), "%Y-%m-%d %H:%M:%S", &tm);
	k = snprintf(line + n, sizeof(line) - n, ".%03d UTC %s[%d] %s:  ", (int)(tv.tv_usec / 1000),
	             log_rolename, (int)getpid(), log_level_name(level));
	if (k > 0)
		n += (size_t)k;
	k = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	if (k < 0)
		k = 0;
	n += (size_t)k;
	if (n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	/* one line per message: fold embedded newlines */
	for (size_t i = 0; i < n; i++)
		if (line[i] == '\n')
			line[i] = ' ';
	line[n++] = '\n';
	if (write(log_out, line, n) < 0) {
		/* nowhere else to report it */
	}
}

void
log_msg(int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vmsg(level, fmt, ap);
	va_end(ap);
}

void
log_error(int level, const err_info *e)
{
	log_msg(level, "%s (SQLSTATE %s)%s%s", e->message, e->sqlstate,
	        e->detail[0] ? " DETAIL: " : "", e->detail);
}
