/*
 * server.c — phantomctl start, stop, restart, reload: run and signal phantomd.
 *
 * The pid file (daemons/common/pidfile.h) tells whether a server runs: its lock is held
 * while any process of the server lives, so "stopped" means the lock is free.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bin/phantomctl/ctl.h"
#include "daemons/common/clock.h"
#include "daemons/common/pidfile.h"
#include "daemons/common/pqwire.h"
#include "util/cfg.h"

#define DEFAULT_WAIT_SECS 60

typedef struct srv_opts {
	const char *dir;
	char abs[PATH_MAX];
	bool wait;
	int timeout;          /* seconds */
	int mode;             /* SIGTERM, SIGINT or SIGQUIT for stop */
	char opts[4096];      /* -o options for phantomd */
	bool opts_given;
} srv_opts;

static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void
parse_opts(int argc, char **argv, srv_opts *o, const char *usage)
{
	static const struct option lopts[] = {
		{ "pgdata", required_argument, NULL, 'D' },
		{ "wait", no_argument, NULL, 'w' },
		{ "no-wait", no_argument, NULL, 'W' },
		{ "timeout", required_argument, NULL, 't' },
		{ "mode", required_argument, NULL, 'm' },
		{ "options", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	char *end;
	int c;

	memset(o, 0, sizeof(*o));
	o->dir = getenv("PHANTOMDATA");
	o->wait = true;
	o->timeout = DEFAULT_WAIT_SECS;
	o->mode = SIGINT;
	while ((c = getopt_long(argc, argv, "D:wWt:m:o:", lopts, NULL)) != -1) {
		switch (c) {
		case 'D':
			o->dir = optarg;
			break;
		case 'w':
			o->wait = true;
			break;
		case 'W':
			o->wait = false;
			break;
		case 't':
			o->timeout = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end || o->timeout < 1 || o->timeout > 86400)
				ctl_die(1, "invalid timeout \"%s\": expected 1 to 86400 seconds", optarg);
			break;
		case 'm':
			if (strcmp(optarg, "smart") == 0 || strcmp(optarg, "s") == 0)
				o->mode = SIGTERM;
			else if (strcmp(optarg, "fast") == 0 || strcmp(optarg, "f") == 0)
				o->mode = SIGINT;
			else if (strcmp(optarg, "immediate") == 0 || strcmp(optarg, "i") == 0)
				o->mode = SIGQUIT;
			else
				ctl_die(1, "invalid shutdown mode \"%s\": use smart, fast or immediate", optarg);
			break;
		case 'o': {
			size_t n = strlen(o->opts);

			snprintf(o->opts + n, sizeof(o->opts) - n, "%s%s", n ? " " : "", optarg);
			o->opts_given = true;
			break;
		}
		default:
			ctl_die(1, "usage: %s", usage);
		}
	}
	if (optind < argc)
		ctl_die(1, "unexpected argument \"%s\"; usage: %s", argv[optind], usage);
}

/* Is pid alive (a zombie counts as gone)? */
static bool
alive(pid_t pid)
{
	char path[64], buf[512], *p;
	FILE *f;
	bool zombie = false;

	if (pid <= 0 || (kill(pid, 0) != 0 && errno == ESRCH))
		return false;
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return errno != ENOENT;
	if (fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')) != NULL && p[1] == ' ')
		zombie = p[2] == 'Z' || p[2] == 'X';
	fclose(f);
	return !zombie;
}

/* ---- start ---------------------------------------------------------------------------- */

static void
find_phantomd(char *buf, size_t len)
{
	const char *env = getenv("PHANTOMD");

	if (env && env[0]) {
		snprintf(buf, len, "%s", env);
		return;
	}
	snprintf(buf, len, "%s/phantomd", ctl_exe_dir());
	if (ctl_exe_dir()[0] && access(buf, X_OK) == 0)
		return;
	snprintf(buf, len, "%s/phantomd", SBINDIR);
}

static void
log_path(const char *datadir, bool settings_ok, char *buf, size_t len)
{
	const char *d = settings_ok && settings.log_directory ? settings.log_directory : "log";

	if (d[0] == '/')
		snprintf(buf, len, "%s/phantom.log", d);
	else
		snprintf(buf, len, "%s/%s/phantom.log", datadir, d);
}

static noreturn void
exec_phantomd(const char *bin, const char *datadir, const char *logfile, char *opts)
{
	char *args[128];
	int n = 0, fd;

	setsid();
	fd = open("/dev/null", O_RDONLY);
	if (fd >= 0) {
		dup2(fd, 0);
		close(fd);
	}
	fd = open(logfile, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (fd >= 0) {
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
	}
	/* a short argv[0] keeps the process titles clean (setproctitle reuses argv) */
	args[n++] = "phantomd";
	args[n++] = "-D";
	args[n++] = (char *)datadir;
	n += ctl_split_words(opts, args + n, 120);
	args[n] = NULL;
	execv(bin, args);
	fprintf(stderr, "phantomctl: could not execute \"%s\": %s\n", bin, strerror(errno));
	_exit(127);
}

/* The most telling line of the log written since offset: the last FATAL, else ERROR. */
static void
reason_from_log(const char *logfile, off_t offset, char *buf, size_t len)
{
	FILE *f = fopen(logfile, "r");
	char line[4096];
	int best = 0;

	snprintf(buf, len, "see %s", logfile);
	if (f == NULL)
		return;
	if (fseeko(f, offset, SEEK_SET) != 0)
		rewind(f);
	while (fgets(line, sizeof(line), f)) {
		const char *m;
		int rank = 0;

		line[strcspn(line, "\n")] = '\0';
		if ((m = strstr(line, " FATAL:  ")) != NULL)
			rank = 3;
		else if ((m = strstr(line, " ERROR:  ")) != NULL)
			rank = 2;
		else if ((m = strstr(line, "phantomctl: ")) == line || (m = strstr(line, "phantomd: ")) == line)
			rank = 1;
		if (rank && rank >= best) {
			const char *msg = strstr(m, ":  ");

			msg = msg ? msg + 3 : strchr(m, ':') + 2;
			snprintf(buf, len, "%s", msg);
			best = rank;
		}
	}
	fclose(f);
}

/*
 * Does the server accept connections?  A StartupMessage answered by anything but "the
 * database system is starting up/shutting down" (57P03) means yes, as for pg_isready.
 */
static bool
probe(int port, const char *user)
{
	char portstr[16], host[256];
	struct addrinfo hints, *res = NULL;
	uint8_t mem[512], reply[512];
	pq_buf b;
	bool up = false;
	int fd = -1;
	size_t n;

	/* the first listen address; wildcards are reached through loopback */
	snprintf(host, sizeof(host), "%s", settings.listen_addresses ? settings.listen_addresses : "");
	host[strcspn(host, ", \t")] = '\0';
	if (host[0] == '\0' || strcmp(host, "*") == 0 || strcmp(host, "0.0.0.0") == 0)
		snprintf(host, sizeof(host), "127.0.0.1");
	else if (strcmp(host, "::") == 0)
		snprintf(host, sizeof(host), "::1");
	snprintf(portstr, sizeof(portstr), "%d", port);
	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host, portstr, &hints, &res) != 0)
		return false;
	fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, res->ai_addr, res->ai_addrlen) != 0)
		goto out;
	{
		const char *const params[] = { "user", user, "database", "phantom", "application_name",
			                           "phantomctl", NULL };

		pq_init(&b, mem, sizeof(mem));
		pq_startup(&b, params);
	}
	if (pq_write_all(fd, mem, b.len, 2000) != 0)
		goto out;
	for (n = 0; n < 5;) {
		struct pollfd pf = { fd, POLLIN, 0 };
		ssize_t r;

		if (poll(&pf, 1, 2000) <= 0 || (r = recv(fd, reply + n, sizeof(reply) - n, 0)) <= 0)
			goto out;
		n += (size_t)r;
	}
	if (reply[0] == 'R') {
		up = true;
	} else if (reply[0] == 'E') {
		/* look for the SQLSTATE field in what arrived */
		up = true;
		for (size_t i = 5; i + 6 < n; i++)
			if (reply[i - 1] == '\0' && reply[i] == 'C' && memcmp(reply + i + 1, "57P03", 5) == 0)
				up = false;
	}
	if (up && reply[0] == 'R')
		(void)pq_write_all(fd, "X\0\0\0\4", 5, 500);
out:
	if (fd >= 0)
		close(fd);
	freeaddrinfo(res);
	return up;
}

static void
superuser_name(const char *datadir, char *buf, size_t len)
{
	char path[PATH_MAX + 32];
	FILE *f;

	snprintf(buf, len, "phantom");
	snprintf(path, sizeof(path), "%s/global/superuser", datadir);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(buf, (int)len, f) == NULL)
			snprintf(buf, len, "phantom");
		buf[strcspn(buf, "\n")] = '\0';
		fclose(f);
	}
}

static void
save_opts(const char *datadir, const char *opts)
{
	char path[PATH_MAX + 32];
	FILE *f;

	snprintf(path, sizeof(path), "%s/phantomd.opts", datadir);
	if ((f = fopen(path, "w")) != NULL) {
		fprintf(f, "%s\n", opts);
		fclose(f);
	}
}

static void
load_opts(const char *datadir, char *buf, size_t len)
{
	char path[PATH_MAX + 32];
	FILE *f;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "%s/phantomd.opts", datadir);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(buf, (int)len, f) == NULL)
			buf[0] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		fclose(f);
	}
}

/* Refuse to go on if a server runs (or the pid file cannot be judged). */
static void
require_stopped(const char *datadir)
{
	pidfile_info info;
	char err[PATH_MAX + 256];

	switch (pidfile_check(datadir, &info, err, sizeof(err))) {
	case PIDF_RUNNING:
		ctl_die(1, "a server is already running on data directory \"%s\" (pid %d)", datadir,
		        (int)info.pid);
	case PIDF_CORRUPT:
		ctl_die(1, "%s; a server seems to be running", err);
	case PIDF_ERROR:
		ctl_die(1, "%s", err);
	case PIDF_NONE:
	case PIDF_STALE:
		break;
	}
}

static int
do_start(srv_opts *o)
{
	char bin[PATH_MAX + 16], logfile[PATH_MAX * 2], err[1024], user[80], reason[PATH_MAX * 2 + 64];
	char optcopy[sizeof(o->opts)];
	bool settings_ok;
	struct stat st;
	off_t offset = 0;
	int64_t deadline;
	pid_t pid;

	require_stopped(o->abs);
	find_phantomd(bin, sizeof(bin));
	if (access(bin, X_OK) != 0)
		ctl_die(1, "could not find phantomd at \"%s\": %s (set PHANTOMD)", bin, strerror(errno));
	settings_ok = ctl_load_settings(o->abs, o->opts, err, sizeof(err)) == 0;
	log_path(o->abs, settings_ok, logfile, sizeof(logfile));
	{
		char dir[sizeof(logfile)];

		snprintf(dir, sizeof(dir), "%s", logfile);
		*strrchr(dir, '/') = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			ctl_die(1, "could not create log directory \"%s\": %s", dir, strerror(errno));
	}
	if (stat(logfile, &st) == 0)
		offset = st.st_size;
	save_opts(o->abs, o->opts);
	snprintf(optcopy, sizeof(optcopy), "%s", o->opts);
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		ctl_die(1, "could not fork: %s", strerror(errno));
	if (pid == 0)
		exec_phantomd(bin, o->abs, logfile, optcopy);
	if (!o->wait) {
		printf("server starting (pid %d); log in %s\n", (int)pid, logfile);
		return 0;
	}
	superuser_name(o->abs, user, sizeof(user));
	deadline = clock_ms() + (int64_t)o->timeout * 1000;
	while (clock_ms() < deadline) {
		pidfile_info info;
		int status;

		if (waitpid(pid, &status, WNOHANG) == pid) {
			reason_from_log(logfile, offset, reason, sizeof(reason));
			ctl_die(1, "could not start server: %s", reason);
		}
		if (pidfile_check(o->abs, &info, err, sizeof(err)) == PIDF_RUNNING && info.pid == pid &&
		    strcmp(info.state, "ready") == 0 && probe(info.port, user)) {
			printf("server started (pid %d, port %d)\n", (int)pid, info.port);
			return 0;
		}
		sleep_ms(50);
	}
	ctl_die(1, "server did not start within %d seconds; see %s", o->timeout, logfile);
}

int
ctl_start(int argc, char **argv)
{
	srv_opts o;

	parse_opts(argc, argv, &o,
	           "phantomctl start -D DIR [--wait | --no-wait] [-t SECS] [-o \"OPTIONS\"]");
	ctl_datadir(o.dir, o.abs, 1);
	return do_start(&o);
}

/* ---- stop ------------------------------------------------------------------------------ */

/* Signal the server and wait for it to be gone; returns 0, or exits with a message. */
static int
do_stop(srv_opts *o, bool quiet_if_stopped)
{
	char err[PATH_MAX + 256];
	pidfile_info info;
	int64_t deadline;

	switch (pidfile_check(o->abs, &info, err, sizeof(err))) {
	case PIDF_NONE:
	case PIDF_STALE:
		if (quiet_if_stopped)
			return 0;
		ctl_die(1, "no server running on data directory \"%s\"", o->abs);
	case PIDF_CORRUPT:
	case PIDF_ERROR:
		ctl_die(1, "%s", err);
	case PIDF_RUNNING:
		break;
	}
	if (kill(info.pid, o->mode) != 0 && errno != ESRCH) {
		if (errno == EPERM)
			ctl_die(1, "could not send the stop signal to pid %d: permission denied", (int)info.pid);
		ctl_die(1, "could not send the stop signal to pid %d: %s", (int)info.pid, strerror(errno));
	}
	if (!o->wait) {
		printf("server shutting down\n");
		return 0;
	}
	deadline = clock_ms() + (int64_t)o->timeout * 1000;
	while (clock_ms() < deadline) {
		pidfile_info now;
		pidfile_status s = pidfile_check(o->abs, &now, err, sizeof(err));

		if ((s == PIDF_NONE || s == PIDF_STALE) && !alive(info.pid)) {
			printf("server stopped\n");
			return 0;
		}
		sleep_ms(20);
	}
	ctl_die(1, "server (pid %d) did not stop within %d seconds", (int)info.pid, o->timeout);
}

int
ctl_stop(int argc, char **argv)
{
	srv_opts o;

	parse_opts(argc, argv, &o,
	           "phantomctl stop -D DIR [-m smart|fast|immediate] [--wait | --no-wait] [-t SECS]");
	ctl_datadir(o.dir, o.abs, 1);
	return do_stop(&o, false);
}

int
ctl_restart(int argc, char **argv)
{
	srv_opts o;

	parse_opts(argc, argv, &o, "phantomctl restart -D DIR [-m MODE] [-t SECS] [-o \"OPTIONS\"]");
	ctl_datadir(o.dir, o.abs, 1);
	if (!o.opts_given)
		load_opts(o.abs, o.opts, sizeof(o.opts));
	o.wait = true;
	do_stop(&o, true);
	return do_start(&o);
}

int
ctl_reload(int argc, char **argv)
{
	char err[1024];
	pidfile_info info;
	srv_opts o;

	parse_opts(argc, argv, &o, "phantomctl reload -D DIR");
	ctl_datadir(o.dir, o.abs, 1);
	switch (pidfile_check(o.abs, &info, err, sizeof(err))) {
	case PIDF_NONE:
	case PIDF_STALE:
		ctl_die(1, "no server running on data directory \"%s\"", o.abs);
	case PIDF_CORRUPT:
	case PIDF_ERROR:
		ctl_die(1, "%s", err);
	case PIDF_RUNNING:
		break;
	}
	load_opts(o.abs, o.opts, sizeof(o.opts));
	if (ctl_load_settings(o.abs, o.opts, err, sizeof(err)) != 0)
		ctl_die(1, "%s; server not signaled", err);
	if (kill(info.pid, SIGHUP) != 0)
		ctl_die(1, "could not signal pid %d: %s", (int)info.pid, strerror(errno));
	printf("server signaled to reload its configuration\n");
	return 0;
}
