/* pidfile.c — the pid file and its lock; see pidfile.h for the rules. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemons/common/pidfile.h"

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static void
pid_path(const char *datadir, char *buf, size_t len)
{
	snprintf(buf, len, "%s/%s", datadir, PIDFILE_NAME);
}

int
pidfile_format(const pidfile_info *in, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%d\n%s\n%lld\n%d\n%s\n%s\n", (int)in->pid, in->datadir,
	                 (long long)in->start_time, in->port, in->shm_name, in->state);

	return (n < 0 || (size_t)n >= len) ? -1 : n;
}

/* Next line of *p into out (without the newline); -1 if there is no complete line. */
static int
next_line(const char **p, char *out, size_t outlen)
{
	const char *nl = strchr(*p, '\n');
	size_t n;

	if (nl == NULL)
		return -1;
	n = (size_t)(nl - *p);
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, *p, n);
	out[n] = '\0';
	*p = nl + 1;
	return 0;
}

static int
parse_int(const char *s, long long min, long long max, long long *out)
{
	char *end;

	if (*s == '\0')
		return -1;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return (errno || *end || *out < min || *out > max) ? -1 : 0;
}

int
pidfile_parse(const char *text, pidfile_info *out, char *err, size_t errlen)
{
	char line[PATH_MAX];
	const char *p = text;
	long long v;

	memset(out, 0, sizeof(*out));
	if (next_line(&p, line, sizeof(line)) || parse_int(line, 1, INT32_MAX, &v)) {
		seterr(err, errlen, "line 1: a process id is expected");
		return -1;
	}
	out->pid = (pid_t)v;
	if (next_line(&p, line, sizeof(line)) || line[0] != '/') {
		seterr(err, errlen, "line 2: an absolute data directory path is expected");
		return -1;
	}
	snprintf(out->datadir, sizeof(out->datadir), "%s", line);
	if (next_line(&p, line, sizeof(line)) || parse_int(line, 0, INT64_MAX, &v)) {
		seterr(err, errlen, "line 3: a start time is expected");
		return -1;
	}
	out->start_time = v;
	if (next_line(&p, line, sizeof(line)) || parse_int(line, 1, 65535, &v)) {
		seterr(err, errlen, "line 4: a port number is expected");
		return -1;
	}
	out->port = (int)v;
	if (next_line(&p, line, sizeof(line)) || line[0] != '/' ||
	    strlen(line) >= sizeof(out->shm_name)) {
		seterr(err, errlen, "line 5: a shared memory segment name is expected");
		return -1;
	}
	snprintf(out->shm_name, sizeof(out->shm_name), "%s", line);
	if (next_line(&p, line, sizeof(line)) ||
	    (strcmp(line, "starting") && strcmp(line, "ready") && strcmp(line, "stopping"))) {
		seterr(err, errlen, "line 6: a state (starting, ready, stopping) is expected");
		return -1;
	}
	snprintf(out->state, sizeof(out->state), "%s", line);
	return 0;
}

/* Read the whole (small) file from offset 0; -1 with errno. */
static ssize_t
read_all(int fd, char *buf, size_t len)
{
	ssize_t n = pread(fd, buf, len - 1, 0);

	if (n < 0)
		return -1;
	buf[n] = '\0';
	return n;
}

static int
ofd_lock(int fd, short type, int cmd)
{
	struct flock fl;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	if (fcntl(fd, cmd, &fl) != 0)
		return -1;
	return cmd == F_OFD_GETLK ? (fl.l_type != F_UNLCK) : 0;
}

int
pidfile_acquire(const char *datadir, pid_t *holder, int *stale_found, pidfile_info *stale,
                char *err, size_t errlen)
{
	char path[PATH_MAX + 32], text[PATH_MAX + 256], perr[128];

	*holder = 0;
	*stale_found = 0;
	memset(stale, 0, sizeof(*stale));
	pid_path(datadir, path, sizeof(path));
	for (int attempt = 0; attempt < 10; attempt++) {
		struct stat a, b;
		int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

		if (fd < 0) {
			seterr(err, errlen, "could not open pid file \"%s\": %s", path, strerror(errno));
			return -1;
		}
		if (ofd_lock(fd, F_WRLCK, F_OFD_SETLK) != 0) {
			int e = errno;
			pidfile_info cur;

			if (e == EAGAIN || e == EACCES) {
				if (read_all(fd, text, sizeof(text)) > 0 &&
				    pidfile_parse(text, &cur, perr, sizeof(perr)) == 0)
					*holder = cur.pid;
				if (*holder)
					seterr(err, errlen, "another server (pid %d) is running on data directory \"%s\"",
					       (int)*holder, datadir);
				else
					seterr(err, errlen, "another server is running on data directory \"%s\"",
					       datadir);
			} else {
				seterr(err, errlen, "could not lock pid file \"%s\": %s", path, strerror(e));
			}
			close(fd);
			return -1;
		}
		/* The file we locked must still be the one the path names (invariant 4). */
		if (fstat(fd, &a) != 0 || stat(path, &b) != 0 || a.st_ino != b.st_ino ||
		    a.st_dev != b.st_dev) {
			close(fd);
			continue;
		}
		if (read_all(fd, text, sizeof(text)) > 0) {
			*stale_found = 1;
			if (pidfile_parse(text, stale, perr, sizeof(perr)) != 0)
				memset(stale, 0, sizeof(*stale));
		}
		return fd;
	}
	seterr(err, errlen, "could not lock pid file \"%s\": it keeps being replaced", path);
	return -1;
}

int
pidfile_store(int fd, const pidfile_info *info)
{
	char text[PATH_MAX + 256];
	int n = pidfile_format(info, text, sizeof(text));

	if (n < 0) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (pwrite(fd, text, (size_t)n, 0) != n || ftruncate(fd, n) != 0)
		return -1;
	return 0;
}

void
pidfile_unlink(const char *datadir)
{
	char path[PATH_MAX + 32];

	pid_path(datadir, path, sizeof(path));
	unlink(path);
}

pidfile_status
pidfile_check(const char *datadir, pidfile_info *info, char *err, size_t errlen)
{
	char path[PATH_MAX + 32], text[PATH_MAX + 256], perr[128];
	int fd, locked, parsed;

	memset(info, 0, sizeof(*info));
	pid_path(datadir, path, sizeof(path));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return PIDF_NONE;
		seterr(err, errlen, "could not open pid file \"%s\": %s", path, strerror(errno));
		return PIDF_ERROR;
	}
	locked = ofd_lock(fd, F_WRLCK, F_OFD_GETLK);
	if (locked < 0) {
		seterr(err, errlen, "could not test the lock of pid file \"%s\": %s", path,
		       strerror(errno));
		close(fd);
		return PIDF_ERROR;
	}
	/* A server rewrites the file while it changes state: retry a torn read briefly. */
	parsed = -1;
	for (int i = 0; i < 5 && parsed != 0; i++) {
		if (i)
			usleep(20000);
		if (read_all(fd, text, sizeof(text)) < 0) {
			seterr(err, errlen, "could not read pid file \"%s\": %s", path, strerror(errno));
			close(fd);
			return PIDF_ERROR;
		}
		parsed = pidfile_parse(text, info, perr, sizeof(perr));
		if (!locked)
			break;
	}
	close(fd);
	if (parsed != 0) {
		memset(info, 0, sizeof(*info));
		seterr(err, errlen, "pid file \"%s\" is corrupt: %s", path, perr);
		return locked ? PIDF_CORRUPT : PIDF_STALE;
	}
	return locked ? PIDF_RUNNING : PIDF_STALE;
}
