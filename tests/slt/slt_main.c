/*
 * slt_main.c — slt-runner: run sqllogictest scripts against a server over the wire.
 *
 * Usage: slt-runner [-h HOST] [-p PORT] [-U USER] [-d DBNAME] [-c CONNINFO]
 *                   [--hash-threshold N] [--no-cleanup] [--verbose] FILE|DIR...
 * Directories are searched for *.test files (sorted).  Prints a line per file with its
 * passed/failed/skipped record counts, then the totals; exit status 0 only when nothing
 * failed (1 on failures, 2 when a file could not be run).
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "slt.h"

typedef struct paths {
	char **v;
	int n, cap;
} paths;

static void
add_path(paths *p, const char *s)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->v = realloc(p->v, sizeof(char *) * (size_t)p->cap);
	}
	p->v[p->n++] = strdup(s);
}

static void
collect(paths *p, const char *path)
{
	struct stat sb;
	struct dirent **ents;
	int n;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		n = scandir(path, &ents, NULL, alphasort);
		for (int i = 0; i < n; i++) {
			const char *name = ents[i]->d_name;
			char sub[4096];
			size_t l = strlen(name);

			if (name[0] != '.') {
				snprintf(sub, sizeof(sub), "%s/%s", path, name);
				if (stat(sub, &sb) == 0 && S_ISDIR(sb.st_mode))
					collect(p, sub);
				else if (l > 5 && strcmp(name + l - 5, ".test") == 0)
					add_path(p, sub);
			}
			free(ents[i]);
		}
		if (n >= 0)
			free(ents);
		return;
	}
	add_path(p, path);
}

static void
usage(FILE *f)
{
	fputs("usage: slt-runner [-h HOST] [-p PORT] [-U USER] [-d DBNAME] [-c CONNINFO]\n"
	      "                  [--hash-threshold N] [--no-cleanup] [--verbose] FILE|DIR...\n", f);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"host", required_argument, NULL, 'h'},
		{"port", required_argument, NULL, 'p'},
		{"username", required_argument, NULL, 'U'},
		{"dbname", required_argument, NULL, 'd'},
		{"conninfo", required_argument, NULL, 'c'},
		{"hash-threshold", required_argument, NULL, 't'},
		{"no-cleanup", no_argument, NULL, 'n'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, '?'},
		{NULL, 0, NULL, 0},
	};
	slt_options opt = {.hash_threshold = -1, .cleanup = true};
	const char *host = NULL, *port = NULL, *user = NULL, *db = NULL, *info = NULL;
	char conninfo[2048] = "";
	paths files = {0};
	slt_stats total = {0};
	int c, unrunnable = 0;

	while ((c = getopt_long(argc, argv, "h:p:U:d:c:v", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': host = optarg; break;
		case 'p': port = optarg; break;
		case 'U': user = optarg; break;
		case 'd': db = optarg; break;
		case 'c': info = optarg; break;
		case 't': opt.hash_threshold = atoi(optarg); break;
		case 'n': opt.cleanup = false; break;
		case 'v': opt.verbose = true; break;
		case '?':
			usage(optopt ? stderr : stdout);
			return optopt ? 2 : 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	snprintf(conninfo, sizeof(conninfo), "%s%s%s%s%s%s%s%s%s application_name=slt-runner",
	         info ? info : "", host ? " host=" : "", host ? host : "", port ? " port=" : "",
	         port ? port : "", user ? " user=" : "", user ? user : "", db ? " dbname=" : "",
	         db ? db : "");
	opt.conninfo = conninfo;
	for (int i = optind; i < argc; i++)
		collect(&files, argv[i]);
	for (int i = 0; i < files.n; i++) {
		slt_stats st = {0};

		if (!slt_run_file(&opt, files.v[i], &st))
			unrunnable++;
		printf("%s: %d passed, %d failed, %d skipped\n", files.v[i], st.passed, st.failed,
		       st.skipped);
		fflush(stdout);
		total.passed += st.passed;
		total.failed += st.failed;
		total.skipped += st.skipped;
		free(files.v[i]);
	}
	printf("total: %d files, %d passed, %d failed, %d skipped%s\n", files.n, total.passed,
	       total.failed, total.skipped, unrunnable ? " (some files could not be run)" : "");
	free(files.v);
	return unrunnable ? 2 : total.failed ? 1 : 0;
}
