/*
 * main.c — phantom-sql: options, connecting, and the three ways of running: -c/-f actions,
 * a script on standard input, or the interactive loop with libedit line editing and
 * history in ~/.phantom_sql_history.  Exit status: 0 success, 1 a -c command failed,
 * 2 no connection (or it was lost), 3 a script (-f or standard input) stopped at an error.
 */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline.h>

#include "psql.h"

static shell sh;

static void
usage(FILE *f)
{
	fputs("phantom-sql is the interactive SQL shell of Phantom-DB.\n\n"
	      "Usage:\n  phantom-sql [OPTION]... [DBNAME [USERNAME]]\n\n"
	      "Connection:\n"
	      "  -h, --host=HOST          server host (default localhost)\n"
	      "  -p, --port=PORT          server port (default 5544)\n"
	      "  -U, --username=USER      user name (default: the login name)\n"
	      "  -d, --dbname=DBNAME      database, or a conninfo string or URI\n"
	      "  -W, --password           ask for a password before connecting\n"
	      "Running:\n"
	      "  -c, --command=SQL        run SQL (or one backslash command); may repeat\n"
	      "  -f, --file=FILE          run the commands in FILE (- for standard input); may repeat\n"
	      "  -e, --echo-queries       print each statement before running it\n"
	      "  -q, --quiet              no command tags and informational messages\n"
	      "  -v, --set=NAME=VALUE     accepted for psql compatibility (ON_ERROR_STOP is always on\n"
	      "                           in scripts)\n"
	      "  -X, --no-psqlrc          accepted for psql compatibility\n"
	      "Output:\n"
	      "  -A, --no-align           unaligned output\n"
	      "  -F, --field-separator=S  field separator for unaligned output (default |)\n"
	      "  -t, --tuples-only        rows only\n"
	      "  -x, --expanded           one line per column\n"
	      "      --csv                CSV output\n"
	      "Other:\n"
	      "  -V, --version            show the version\n"
	      "  -?, --help               show this help\n\n"
	      "Inside the shell, \\? lists the backslash commands.  See phantom-sql(1).\n", f);
}

/* Append key='value' (quoted for conninfo) to buf. */
static void
add_opt(char *buf, size_t cap, const char *key, const char *value)
{
	size_t n = strlen(buf);

	if (value == NULL)
		return;
	n += (size_t)snprintf(buf + n, cap - n, "%s%s='", n ? " " : "", key);
	for (const char *v = value; *v && n + 3 < cap; v++) {
		if (*v == '\'' || *v == '\\')
			buf[n++] = '\\';
		buf[n++] = *v;
	}
	snprintf(buf + n, cap - n, "'");
}

static void
on_sigint(int sig)
{
	char err[128];

	(void)sig;
	if (sql_query_running && sh.conn)
		(void)phantom_cancel(sh.conn, err, sizeof(err));
}

static const char *
prompt(const qbuf *q)
{
	static char p[300];
	char r = '=';
	const char *x = "";
	const char *su = phantom_parameter_status(sh.conn, "is_superuser");

	if (!scan_is_blank(q->s)) {
		switch (q->st.open) {
		case SCAN_QUOTE: r = '\''; break;
		case SCAN_DQUOTE: r = '"'; break;
		case SCAN_DOLLAR: r = '$'; break;
		case SCAN_COMMENT: r = '*'; break;
		case SCAN_PAREN: r = '('; break;
		default: r = '-'; break;
		}
	}
	switch (phantom_transaction_status(sh.conn)) {
	case PHANTOM_TXN_INTRANS: x = "*"; break;
	case PHANTOM_TXN_INERROR: x = "!"; break;
	case PHANTOM_TXN_UNKNOWN: x = "?"; break;
	default: break;
	}
	snprintf(p, sizeof(p), "%s%c%s%c ", phantom_db(sh.conn), r, x,
	         su && strcmp(su, "on") == 0 ? '#' : '>');
	return p;
}

static int
interactive(void)
{
	char hist[1024];
	const char *h = getenv("PHANTOM_SQL_HISTORY"), *home = getenv("HOME");
	qbuf q;
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGINT, &sa, NULL);
	if (h)
		snprintf(hist, sizeof(hist), "%s", h);
	else
		snprintf(hist, sizeof(hist), "%s/.phantom_sql_history", home ? home : ".");
	using_history();
	stifle_history(2000);
	read_history(hist);
	if (!sh.set.quiet)
		printf("phantom-sql (%s, server %s)\nType \"\\?\" for help.\n\n", PACKAGE_VERSION,
		       phantom_parameter_status(sh.conn, "server_version")
		           ? phantom_parameter_status(sh.conn, "server_version") : "unknown");
	qbuf_init(&q);
	for (;;) {
		char *line = readline(prompt(&q));
		cmd_status cs;

		if (line == NULL) {
			if (!sh.set.quiet)
				putchar('\n');
			break;
		}
		if (*line)
			add_history(line);
		sh.line++;
		cs = feed_line(&sh, &q, line);
		free(line);
		if (cs == CMD_QUIT)
			break;
		if (phantom_status(sh.conn) != PHANTOM_CONNECTION_OK) {
			char *info = strdup(sh.conninfo);

			fputs("The connection to the server was lost. Attempting reset: ", stderr);
			if (shell_connect(&sh, info, true))
				fputs("Succeeded.\n", stderr);
			else
				fputs("Failed.\n", stderr);
			free(info);
		}
	}
	qbuf_free(&q);
	write_history(hist);
	return 0;
}

typedef struct action {
	char kind;   /* 'c' or 'f' */
	const char *arg;
} action;

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"host", required_argument, NULL, 'h'},
		{"port", required_argument, NULL, 'p'},
		{"username", required_argument, NULL, 'U'},
		{"dbname", required_argument, NULL, 'd'},
		{"command", required_argument, NULL, 'c'},
		{"file", required_argument, NULL, 'f'},
		{"no-align", no_argument, NULL, 'A'},
		{"field-separator", required_argument, NULL, 'F'},
		{"tuples-only", no_argument, NULL, 't'},
		{"expanded", no_argument, NULL, 'x'},
		{"csv", no_argument, NULL, 1},
		{"quiet", no_argument, NULL, 'q'},
		{"echo-queries", no_argument, NULL, 'e'},
		{"set", required_argument, NULL, 'v'},
		{"no-psqlrc", no_argument, NULL, 'X'},
		{"password", no_argument, NULL, 'W'},
		{"no-password", no_argument, NULL, 'w'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, '?'},
		{NULL, 0, NULL, 0},
	};
	const char *host = NULL, *port = NULL, *user = NULL, *db = NULL;
	action *actions = calloc((size_t)argc + 1, sizeof(action));
	int nactions = 0, opt, status = 0;
	bool ask_password = false, no_password = false;
	char info[4096] = "";

	sh.out = stdout;
	sh.set.format = FMT_ALIGNED;
	snprintf(sh.set.fieldsep, sizeof(sh.set.fieldsep), "|");
	while ((opt = getopt_long(argc, argv, "h:p:U:d:c:f:AF:txqev:XWwV?", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h': host = optarg; break;
		case 'p': port = optarg; break;
		case 'U': user = optarg; break;
		case 'd': db = optarg; break;
		case 'c':
		case 'f':
			actions[nactions].kind = (char)opt;
			actions[nactions++].arg = optarg;
			break;
		case 'A': sh.set.format = FMT_UNALIGNED; break;
		case 'F': snprintf(sh.set.fieldsep, sizeof(sh.set.fieldsep), "%s", optarg); break;
		case 't': sh.set.tuples_only = true; break;
		case 'x': sh.set.expanded = true; break;
		case 1: sh.set.format = FMT_CSV; break;
		case 'q': sh.set.quiet = true; break;
		case 'e': sh.set.echo_queries = true; break;
		case 'v':
		case 'X':
			break;
		case 'W': ask_password = true; break;
		case 'w': no_password = true; break;
		case 'V':
			printf("phantom-sql (Phantom-DB) %s\n", PACKAGE_VERSION);
			return 0;
		case '?':
			/* getopt says '?' both for -?/--help and for an option it does not know */
			if (strcmp(argv[optind - 1], "-?") == 0 || strcmp(argv[optind - 1], "--help") == 0) {
				usage(stdout);
				return 0;
			}
			fprintf(stderr, "Try \"phantom-sql --help\" for more information.\n");
			return 1;
		default:
			usage(stderr);
			return 1;
		}
	}
	if (optind < argc && db == NULL)
		db = argv[optind++];
	if (optind < argc && user == NULL)
		user = argv[optind++];
	if (optind < argc) {
		fprintf(stderr, "phantom-sql: warning: extra command-line argument \"%s\" ignored\n",
		        argv[optind]);
	}
	if (db && (strchr(db, '=') || strstr(db, "://"))) {
		snprintf(info, sizeof(info), "%s", db);
		db = NULL;
	}
	if (strstr(info, "://") == NULL) {
		add_opt(info, sizeof(info), "host", host);
		add_opt(info, sizeof(info), "port", port);
		add_opt(info, sizeof(info), "user", user);
		add_opt(info, sizeof(info), "dbname", db);
		add_opt(info, sizeof(info), "fallback_application_name", "phantom-sql");
	} else if (host || port || user) {
		fprintf(stderr, "phantom-sql: -h, -p and -U cannot be combined with a URI\n");
		return 2;
	}
	if (ask_password && isatty(fileno(stdin))) {
		char *pw = getpass("Password: ");

		add_opt(info, sizeof(info), "password", pw ? pw : "");
	}
	signal(SIGPIPE, SIG_IGN);
	if (!shell_connect(&sh, info, !no_password))
		return 2;
	phantom_set_notice_handler(sh.conn, print_notice, &sh);
	if (nactions > 0) {
		sh.interactive = false;
		sh.stop_on_error = true;
		for (int i = 0; i < nactions && status == 0; i++) {
			if (actions[i].kind == 'c') {
				const char *c = actions[i].arg;

				sh.source = NULL;
				while (*c == ' ' || *c == '\t' || *c == '\n')
					c++;
				if (*c == '\\') {
					char empty[1] = "";

					if (run_backslash(&sh, c + 1, empty, 1) == CMD_ERROR)
						status = 1;
				} else if (!run_query(&sh, actions[i].arg))
					status = 1;
			} else {
				FILE *f = strcmp(actions[i].arg, "-") == 0 ? stdin : fopen(actions[i].arg, "r");

				if (f == NULL) {
					perror(actions[i].arg);
					status = 1;
					break;
				}
				if (!run_file(&sh, f, f == stdin ? "<stdin>" : actions[i].arg))
					status = 3;
				if (f != stdin)
					fclose(f);
			}
		}
	} else if (!isatty(fileno(stdin))) {
		sh.interactive = false;
		sh.stop_on_error = true;
		if (!run_file(&sh, stdin, "<stdin>"))
			status = 3;
	} else {
		sh.interactive = true;
		status = interactive();
	}
	if (status == 0 && phantom_status(sh.conn) != PHANTOM_CONNECTION_OK)
		status = 2;
	if (sh.out != stdout)
		fclose(sh.out);
	phantom_finish(sh.conn);
	free(actions);
	free(sh.conninfo);
	return status;
}
