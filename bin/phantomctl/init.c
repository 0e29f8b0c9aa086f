/*
 * init.c — phantomctl init: create a data directory.
 *
 *   DIR/phantom.conf   the sample configuration (port set when --port is given)
 *   DIR/VERSION        data directory format version (PHANTOM_DATA_VERSION)
 *   DIR/base/ wal/ log/ run/ catalog/ global/
 *   the catalog (DIR/catalog) with the database "phantom" and its superuser (cat_bootstrap)
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bin/phantomctl/ctl.h"
#include "catalog/cat.h"
#include "daemons/phantomd/supervisor.h"
#include "util/err.h"

static const char *const subdirs[] = { "base", "wal", "log", "run", "catalog", "global" };

/* The sample phantom.conf: PHANTOM_SAMPLE_CONF, the source tree when run from the build
 * tree, else the installed $(sysconfdir)/phantom.conf. */
static void
sample_conf(char *buf, size_t len)
{
	const char *env = getenv("PHANTOM_SAMPLE_CONF");

	if (env && env[0]) {
		snprintf(buf, len, "%s", env);
		return;
	}
#if defined(ABS_TOP_BUILDDIR) && defined(ABS_TOP_SRCDIR)
	if (strcmp(ctl_exe_dir(), ABS_TOP_BUILDDIR) == 0) {
		snprintf(buf, len, "%s/etc/phantom.conf", ABS_TOP_SRCDIR);
		return;
	}
#endif
	snprintf(buf, len, "%s/phantom.conf", SYSCONFDIR);
}

static bool
valid_role_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 63 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '$')
			return false;
	return true;
}

static int
write_file(const char *dir, const char *name, const char *text, size_t len)
{
	char path[PATH_MAX + 64];
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	n = write(fd, text, len);
	if (n != (ssize_t)len || fsync(fd) != 0) {
		int e = errno ? errno : EIO;

		close(fd);
		errno = e;
		return -1;
	}
	return close(fd);
}

/* The sample with "port = N" in place of its port line (when port > 0). */
static char *
make_conf(const char *sample, int port, size_t *outlen)
{
	FILE *f = fopen(sample, "r");
	char line[4096], *out = NULL;
	size_t cap = 0, len = 0;
	bool done = port <= 0;

	if (f == NULL)
		return NULL;
	while (fgets(line, sizeof(line), f)) {
		char repl[64];
		const char *piece = line;
		size_t n;

		if (!done && (strncmp(line, "#port = ", 8) == 0 || strncmp(line, "port = ", 7) == 0)) {
			snprintf(repl, sizeof(repl), "port = %d\n", port);
			piece = repl;
			done = true;
		}
		n = strlen(piece);
		if (len + n + 64 > cap) {
			cap = (len + n + 64) * 2;
			out = realloc(out, cap);
			if (out == NULL) {
				fclose(f);
				return NULL;
			}
		}
		memcpy(out + len, piece, n);
		len += n;
	}
	fclose(f);
	if (out == NULL)
		return NULL;
	if (!done)
		len += (size_t)snprintf(out + len, cap - len, "port = %d\n", port);
	*outlen = len;
	return out;
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Undo a failed init: remove what we created (everything, if we created DIR). */
/* Create the catalog; 0, or -1 with the error's message in err. */
static int
bootstrap_catalog(const char *dir, const char *superuser, char *err, size_t errlen)
{
	volatile int rc = 0;

	ERR_TRY();
	{
		cat_bootstrap(dir, superuser);
	}
	ERR_CATCH();
	{
		snprintf(err, errlen, "%s", err_last()->message);
		rc = -1;
	}
	ERR_END();
	return rc;
}

static void
undo(const char *dir, bool created_dir)
{
	char path[PATH_MAX + 64];

	if (created_dir) {
		nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
		return;
	}
	for (size_t i = 0; i < sizeof(subdirs) / sizeof(subdirs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, subdirs[i]);
		nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	}
	snprintf(path, sizeof(path), "%s/phantom.conf", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/VERSION", dir);
	unlink(path);
}

static bool
dir_is_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool empty = true;

	if (d == NULL)
		return false;
	while (empty && (e = readdir(d)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(d);
	return empty;
}

/* mkdir -p with mode 0700 for the last component; -1 with errno. */
static int
mkdirs(const char *dir)
{
	char tmp[PATH_MAX];

	snprintf(tmp, sizeof(tmp), "%s", dir);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(tmp, 0700);
}

int
ctl_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "pgdata", required_argument, NULL, 'D' },
		{ "port", required_argument, NULL, 'p' },
		{ "superuser", required_argument, NULL, 'U' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = getenv("PHANTOMDATA"), *superuser = "phantom";
	char sample[PATH_MAX + 32], path[PATH_MAX + 64], *conf, *end;
	size_t conflen;
	int port = 0, c;
	bool created = false;
	struct stat st;

	while ((c = getopt_long(argc, argv, "D:p:U:", opts, NULL)) != -1) {
		switch (c) {
		case 'D':
			dir = optarg;
			break;
		case 'p':
			port = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end || port < 1 || port > 65535)
				ctl_die(1, "invalid port \"%s\": expected 1 to 65535", optarg);
			break;
		case 'U':
			superuser = optarg;
			break;
		default:
			ctl_die(1, "usage: phantomctl init -D DIR [--port N] [--superuser NAME]");
		}
	}
	if (dir == NULL || dir[0] == '\0')
		ctl_die(1, "no data directory: use -D DIR or set PHANTOMDATA");
	if (!valid_role_name(superuser))
		ctl_die(1, "invalid superuser name \"%s\": use a letter or _ then letters, digits, _ or $ "
		        "(at most 63)", superuser);
	sample_conf(sample, sizeof(sample));
	conf = make_conf(sample, port, &conflen);
	if (conf == NULL)
		ctl_die(1, "could not read the sample configuration \"%s\": %s (set PHANTOM_SAMPLE_CONF)",
		        sample, strerror(errno));
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			ctl_die(1, "\"%s\" exists and is not a directory", dir);
		if (!dir_is_empty(dir)) {
			if (access(dir, R_OK) != 0)
				ctl_die(1, "could not access directory \"%s\": %s", dir, strerror(errno));
			ctl_die(1, "directory \"%s\" exists but is not empty", dir);
		}
		if (chmod(dir, 0700) != 0)
			ctl_die(1, "could not change permissions of \"%s\": %s", dir, strerror(errno));
	} else if (errno == ENOENT) {
		if (mkdirs(dir) != 0)
			ctl_die(1, "could not create directory \"%s\": %s", dir, strerror(errno));
		created = true;
	} else {
		ctl_die(1, "could not access directory \"%s\": %s", dir, strerror(errno));
	}
	for (size_t i = 0; i < sizeof(subdirs) / sizeof(subdirs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, subdirs[i]);
		if (mkdir(path, 0700) != 0)
			goto fail;
	}
	if (write_file(dir, "phantom.conf", conf, conflen) != 0 ||
	    write_file(dir, "VERSION", PHANTOM_DATA_VERSION "\n", strlen(PHANTOM_DATA_VERSION) + 1) != 0)
		goto fail;
	{
		/*
		 * catalog bootstrap: the LMDB catalog under DIR/catalog with the database "phantom",
		 * its schemas and the superuser role (lib/catalog).  DIR/global/superuser keeps the
		 * name for phantomctl start's readiness probe.
		 */
		char line[80], err[ERR_MSG_MAX];
		int n = snprintf(line, sizeof(line), "%s\n", superuser);

		if (write_file(dir, "global/superuser", line, (size_t)n) != 0)
			goto fail;
		if (bootstrap_catalog(dir, superuser, err, sizeof(err)) != 0) {
			undo(dir, created);
			free(conf);
			ctl_die(1, "could not initialize \"%s\": %s", dir, err);
		}
	}
	free(conf);
	printf("data directory \"%s\" initialized (superuser \"%s\"); start the server with:\n"
	       "    phantomctl start -D %s\n", dir, superuser, dir);
	return 0;
fail:
	{
		int e = errno;

		undo(dir, created);
		free(conf);
		ctl_die(1, "could not initialize \"%s\": %s", dir, strerror(e));
	}
}
