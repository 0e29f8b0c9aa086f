/*
 * main.c — phantomd: parse the command line, then run the supervisor (supervisor.c).
 *
 *   phantomd -D DATADIR [-c name=value]... | --version | --help
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemons/phantomd/supervisor.h"
#include "util/cfg.h"
#include "util/crash.h"
#include "util/log.h"
#include "util/mem.h"

static void
usage(FILE *f)
{
	fprintf(f,
	        "phantomd is the Phantom-DB server.\n\n"
	        "Usage:\n"
	        "  phantomd -D DATADIR [-c NAME=VALUE]...\n\n"
	        "Options:\n"
	        "  -D DATADIR        data directory (or environment variable PHANTOMDATA)\n"
	        "  -c NAME=VALUE     set a setting, overriding phantom.conf (repeatable)\n"
	        "  --NAME=VALUE      same as -c NAME=VALUE\n"
	        "  -V, --version     print the version and exit\n"
	        "  -h, --help        print this help and exit\n\n"
	        "Normally started by phantomctl start; see phantomd(8).\n");
}

int
main(int argc, char **argv, char **envp)
{
	const char *datadir = getenv("PHANTOMDATA");
	char err[512];

	setproctitle_init(argc, argv, envp);
	mem_init();
	crash_install_handlers();
	cfg_init_defaults();
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val = NULL;

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			printf("phantomd (Phantom-DB) %s\n", PACKAGE_VERSION);
			return 0;
		}
		if (strcmp(a, "-D") == 0 || strcmp(a, "-c") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "phantomd: option %s needs an argument\n", a);
				return 1;
			}
			val = argv[++i];
		} else if (strncmp(a, "-D", 2) == 0 || strncmp(a, "-c", 2) == 0) {
			val = a + 2;
		} else if (strncmp(a, "--", 2) == 0 && strchr(a, '=')) {
			if (cfg_override(a + 2, err, sizeof(err)) != 0) {
				fprintf(stderr, "phantomd: %s\n", err);
				return 1;
			}
			continue;
		} else {
			fprintf(stderr, "phantomd: unknown argument \"%s\"\n", a);
			usage(stderr);
			return 1;
		}
		if (a[1] == 'D') {
			datadir = val;
		} else if (cfg_override(val, err, sizeof(err)) != 0) {
			fprintf(stderr, "phantomd: %s\n", err);
			return 1;
		}
	}
	if (datadir == NULL || datadir[0] == '\0') {
		fprintf(stderr, "phantomd: no data directory: use -D DATADIR or set PHANTOMDATA\n");
		return 1;
	}
	return supervisor_main(datadir);
}
