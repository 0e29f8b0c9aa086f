/*
 * phantomctl.c — the control program: main, and what its subcommands share.
 * See phantomctl(1) and doc/operations.md.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bin/phantomctl/ctl.h"
#include "util/cfg.h"
#include "util/log.h"
#include "util/mem.h"

noreturn void
ctl_die(int status, const char *fmt, ...)
{
	va_list ap;

	fputs("phantomctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

void
ctl_datadir(const char *dir, char abs[PATH_MAX], int fail_status)
{
	char path[PATH_MAX + 16];
	struct stat st;

	if (dir == NULL || dir[0] == '\0')
		ctl_die(fail_status, "no data directory: use -D DIR or set PHANTOMDATA");
	if (stat(dir, &st) != 0) {
		if (errno == ENOENT)
			ctl_die(fail_status, "data directory \"%s\" does not exist", dir);
		ctl_die(fail_status, "could not access data directory \"%s\": %s", dir, strerror(errno));
	}
	if (!S_ISDIR(st.st_mode))
		ctl_die(fail_status, "\"%s\" is not a directory", dir);
	if (realpath(dir, abs) == NULL)
		ctl_die(fail_status, "could not resolve \"%s\": %s", dir, strerror(errno));
	snprintf(path, sizeof(path), "%s/VERSION", abs);
	if (access(path, R_OK) != 0) {
		if (errno == ENOENT)
			ctl_die(fail_status,
			        "\"%s\" is not a Phantom-DB data directory (no VERSION file); create one with "
			        "phantomctl init", abs);
		ctl_die(fail_status, "could not access data directory \"%s\": %s", abs, strerror(errno));
	}
}

const char *
ctl_exe_dir(void)
{
	static char dir[PATH_MAX];
	ssize_t n;

	if (dir[0])
		return dir;
	n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
	if (n <= 0) {
		dir[0] = '\0';
		return dir;
	}
	dir[n] = '\0';
	*strrchr(dir, '/') = '\0';
	return dir;
}

/* Split an options string on blanks, honouring '...' and "..." quotes; in place. */
int
ctl_split_words(char *s, char **words, int max)
{
	int n = 0;

	while (*s && n < max) {
		char *out;
		char q = 0;

		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		words[n++] = out = s;
		while (*s && (q || (*s != ' ' && *s != '\t'))) {
			if (!q && (*s == '\'' || *s == '"'))
				q = *s++;
			else if (q && *s == q)
				q = 0, s++;
			else
				*out++ = *s++;
		}
		if (*s)
			s++;
		*out = '\0';
	}
	return n;
}

int
ctl_load_settings(const char *datadir, const char *opts, char *err, size_t errlen)
{
	char path[PATH_MAX + 32], copy[4096], *words[128];
	int n;

	cfg_init_defaults();
	snprintf(copy, sizeof(copy), "%s", opts ? opts : "");
	n = ctl_split_words(copy, words, 128);
	for (int i = 0; i < n; i++) {
		const char *assignment = NULL;

		if (strcmp(words[i], "-c") == 0 && i + 1 < n)
			assignment = words[++i];
		else if (strncmp(words[i], "-c", 2) == 0 && words[i][2])
			assignment = words[i] + 2;
		else if (strncmp(words[i], "--", 2) == 0 && strchr(words[i], '='))
			assignment = words[i] + 2;
		if (assignment && cfg_override(assignment, err, errlen) != 0)
			return -1;
	}
	snprintf(path, sizeof(path), "%s/phantom.conf", datadir);
	return cfg_load(path, false, err, errlen);
}

static void
usage(FILE *f)
{
	fprintf(f,
	        "phantomctl controls a Phantom-DB server.\n\n"
	        "Usage:\n"
	        "  phantomctl init    -D DIR [--port N] [--superuser NAME]\n"
	        "  phantomctl start   -D DIR [--wait | --no-wait] [-t SECS] [-o \"OPTIONS\"]\n"
	        "  phantomctl stop    -D DIR [-m smart|fast|immediate] [--wait | --no-wait] [-t SECS]\n"
	        "  phantomctl restart -D DIR [-m MODE] [-t SECS] [-o \"OPTIONS\"]\n"
	        "  phantomctl reload  -D DIR\n"
	        "  phantomctl status  -D DIR\n"
	        "  phantomctl ping    -D DIR ROLE [SLOT] [-t SECS]\n\n"
	        "DIR defaults to the environment variable PHANTOMDATA.  See phantomctl(1).\n");
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} cmds[] = {
		{ "init", ctl_init },     { "start", ctl_start },   { "stop", ctl_stop },
		{ "restart", ctl_restart }, { "reload", ctl_reload }, { "status", ctl_status },
		{ "ping", ctl_ping },
	};

	mem_init();
	log_set_level(LV_ERROR); /* settings warnings are not ours to print */
	if (argc < 2) {
		usage(stderr);
		return 1;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("phantomctl (Phantom-DB) %s\n", PACKAGE_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "phantomctl: unknown command \"%s\"\n", argv[1]);
	usage(stderr);
	return 1;
}
