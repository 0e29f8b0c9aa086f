/*
 * commands.c — running queries (with COPY data from the input or to the output), scripts, and
 * the backslash commands: \q \? \g \r \p \i \timing \x \a \t \f \pset \o \echo \c \conninfo
 * \copy and the catalog listings \d \dt \di \dv \ds \dn \l \d NAME (plain SQL over
 * pg_catalog, so they work against any server that provides it).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "psql.h"

static FILE *copy_source;    /* where COPY FROM STDIN data comes from: the script or stdin */
volatile sig_atomic_t sql_query_running;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void
copy_in_from(shell *sh, FILE *in, bool inline_data)
{
	char line[65536];
	bool prompt = sh->interactive && inline_data && isatty(fileno(in));

	if (prompt)
		fputs("Enter data to be copied followed by a newline.\n"
		      "End with a backslash and a period on a line by itself, or an EOF signal.\n", stdout);
	for (;;) {
		if (prompt)
			fputs(">> ", stdout), fflush(stdout);
		if (fgets(line, sizeof(line), in) == NULL)
			break;
		if (inline_data) {
			sh->line++;
			if (strcmp(line, "\\.\n") == 0 || strcmp(line, "\\.") == 0)
				break;
		}
		if (phantom_put_copy_data(sh->conn, line, (int)strlen(line)) < 0)
			break;
	}
	phantom_put_copy_end(sh->conn, ferror(in) ? strerror(errno) : NULL);
}

static void
copy_out_to(shell *sh, FILE *out)
{
	char *buf;
	int n;

	while ((n = phantom_get_copy_data(sh->conn, &buf, 0)) > 0) {
		fwrite(buf, 1, (size_t)n, out);
		phantom_free(buf);
	}
	fflush(out);
}

/* Collect and show every result of the command in progress; false if one was an error. */
static bool
show_results(shell *sh, const char *query, FILE *copy_in, FILE *copy_out)
{
	phantom_result *r;
	bool ok = true;

	while ((r = phantom_get_result(sh->conn)) != NULL) {
		switch (phantom_result_status(r)) {
		case PHANTOM_COPY_IN:
			copy_in_from(sh, copy_in ? copy_in : (copy_source ? copy_source : stdin), !copy_in);
			break;
		case PHANTOM_COPY_OUT:
			copy_out_to(sh, copy_out ? copy_out : sh->out);
			break;
		case PHANTOM_ERROR:
			print_error(sh, r, query);
			ok = false;
			break;
		default:
			print_result(sh, r);
			break;
		}
		phantom_clear(r);
	}
	if (phantom_status(sh->conn) != PHANTOM_CONNECTION_OK) {
		fprintf(stderr, "phantom-sql: the connection to the server was lost\n");
		ok = false;
	}
	return ok;
}

static bool
send_and_show(shell *sh, const char *query, FILE *copy_in, FILE *copy_out)
{
	double t0 = now_ms();
	bool ok;

	if (sh->set.echo_queries)
		fprintf(sh->out, "%s\n", query);
	if (!phantom_send_query(sh->conn, query)) {
		fputs(phantom_error_message(sh->conn), stderr);
		sh->had_error = true;
		return false;
	}
	sql_query_running = 1;
	ok = show_results(sh, query, copy_in, copy_out);
	sql_query_running = 0;
	if (sh->set.timing)
		fprintf(sh->out, "Time: %.3f ms\n", now_ms() - t0);
	if (!ok)
		sh->had_error = true;
	return ok;
}

bool
run_query(shell *sh, const char *query)
{
	return send_and_show(sh, query, NULL, NULL);
}

/* ---- \copy ---------------------------------------------------------------------------------- */

/* Find a top-level keyword (whole word, case-insensitive) outside quotes and parentheses. */
static const char *
find_keyword(const char *s, const char *kw)
{
	size_t kl = strlen(kw);
	int depth = 0;
	char q = 0;

	for (const char *p = s; *p; p++) {
		if (q) {
			if (*p == q)
				q = 0;
			continue;
		}
		if (*p == '\'' || *p == '"')
			q = *p;
		else if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (depth == 0 && strncasecmp(p, kw, kl) == 0 && (p == s || isspace((unsigned char)p[-1])) &&
		         (p[kl] == '\0' || isspace((unsigned char)p[kl])))
			return p;
	}
	return NULL;
}

static cmd_status
cmd_copy(shell *sh, const char *args)
{
	const char *from = find_keyword(args, "from"), *to = find_keyword(args, "to");
	const char *kw = from && (!to || from < to) ? from : to, *p;
	bool in = kw == from;
	char target[1024], *query;
	size_t n = 0;
	FILE *f = NULL;
	bool ok, std;

	if (kw == NULL) {
		fprintf(stderr, "\\copy: parse error: expected FROM or TO\n");
		return CMD_ERROR;
	}
	p = kw + (in ? 4 : 2);
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\'') {
		for (p++; *p && !(*p == '\'' && p[1] != '\''); p++) {
			if (*p == '\'')
				p++;
			if (n + 1 < sizeof(target))
				target[n++] = *p;
		}
		if (*p == '\'')
			p++;
	} else {
		while (*p && !isspace((unsigned char)*p) && n + 1 < sizeof(target))
			target[n++] = *p++;
	}
	target[n] = '\0';
	if (n == 0) {
		fprintf(stderr, "\\copy: parse error: missing file name\n");
		return CMD_ERROR;
	}
	std = strcasecmp(target, in ? "stdin" : "stdout") == 0 ||
	      strcasecmp(target, in ? "pstdin" : "pstdout") == 0;
	if (!std) {
		f = fopen(target, in ? "r" : "w");
		if (f == NULL) {
			fprintf(stderr, "%s: %s\n", target, strerror(errno));
			return CMD_ERROR;
		}
	}
	if (asprintf(&query, "COPY %.*s %s %s", (int)(kw - args), args,
	             in ? "FROM STDIN" : "TO STDOUT", p) < 0) {
		if (f)
			fclose(f);
		return CMD_ERROR;
	}
	ok = send_and_show(sh, query, in ? (f ? f : stdin) : NULL, in ? NULL : (f ? f : stdout));
	free(query);
	if (f)
		fclose(f);
	return ok ? CMD_OK : CMD_ERROR;
}

/* ---- catalog listings -------------------------------------------------------------------- */

static const char rel_list[] =
	"SELECT n.nspname AS \"Schema\", c.relname AS \"Name\", "
	"CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' "
	"WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 'p' THEN 'partitioned table' "
	"WHEN 'I' THEN 'partitioned index' END AS \"Type\", "
	"pg_catalog.pg_get_userbyid(c.relowner) AS \"Owner\"%s "
	"FROM pg_catalog.pg_class c "
	"LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace %s"
	"WHERE c.relkind IN (%s) AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' "
	"AND n.nspname !~ '^pg_toast' AND pg_catalog.pg_table_is_visible(c.oid) "
	"ORDER BY 1, 2";

/* Run a catalog query; on a missing catalog object, say so plainly. */
static phantom_result *
catalog_query(shell *sh, const char *cmd, const char *sql, int nparams, const char *const *vals)
{
	phantom_result *r = phantom_exec_params(sh->conn, sql, nparams, NULL, vals, NULL, NULL, 0);
	const char *code = phantom_result_error_field(r, PHANTOM_DIAG_SQLSTATE);

	if (phantom_result_status(r) == PHANTOM_TUPLES_OK)
		return r;
	if (code && (strcmp(code, "42P01") == 0 || strcmp(code, "42883") == 0 ||
	             strcmp(code, "42703") == 0 || strcmp(code, "3F000") == 0))
		fprintf(stderr, "\\%s: this server does not provide the pg_catalog views it needs (%s)\n",
		        cmd, phantom_result_error_field(r, PHANTOM_DIAG_MESSAGE_PRIMARY));
	else
		print_error(sh, r, NULL);
	phantom_clear(r);
	return NULL;
}

static void
print_titled(shell *sh, const char *title, phantom_result *r, bool footer)
{
	sh->title = title;
	sh->no_footer = !footer;
	print_result(sh, r);
	sh->title = NULL;
	sh->no_footer = false;
}

static cmd_status
list_relations(shell *sh, const char *cmd, const char *kinds, bool with_table)
{
	char sql[2048];
	phantom_result *r;

	snprintf(sql, sizeof(sql), rel_list, with_table ? ", c2.relname AS \"Table\"" : "",
	         with_table ? "LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid "
	                      "LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid " : "",
	         kinds);
	r = catalog_query(sh, cmd, sql, 0, NULL);
	if (r == NULL)
		return CMD_ERROR;
	if (phantom_ntuples(r) == 0 && !sh->set.quiet)
		fprintf(stderr, "Did not find any relations.\n");
	else
		print_titled(sh, "List of relations", r, true);
	phantom_clear(r);
	return CMD_OK;
}

static cmd_status
describe_one(shell *sh, const char *name)
{
	char schema[256] = "", rel[256];
	const char *dot = strchr(name, '.');
	const char *vals[2];
	phantom_result *r, *cols, *idx;
	char title[600], *oid;
	const char *kind;

	if (dot) {
		snprintf(schema, sizeof(schema), "%.*s", (int)(dot - name), name);
		snprintf(rel, sizeof(rel), "%s", dot + 1);
	} else
		snprintf(rel, sizeof(rel), "%s", name);
	vals[0] = rel;
	vals[1] = dot ? schema : NULL;
	r = catalog_query(sh, "d",
	                  "SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c "
	                  "LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	                  "WHERE c.relname = $1 AND CASE WHEN $2::text IS NULL "
	                  "THEN pg_catalog.pg_table_is_visible(c.oid) ELSE n.nspname = $2 END "
	                  "ORDER BY 2, 3", 2, vals);
	if (r == NULL)
		return CMD_ERROR;
	if (phantom_ntuples(r) == 0) {
		fprintf(stderr, "Did not find any relation named \"%s\".\n", name);
		phantom_clear(r);
		return CMD_ERROR;
	}
	oid = strdup(phantom_value(r, 0, 0));
	switch (phantom_value(r, 0, 3)[0]) {
	case 'v': kind = "View"; break;
	case 'i': kind = "Index"; break;
	case 'S': kind = "Sequence"; break;
	case 'm': kind = "Materialized view"; break;
	case 'p': kind = "Partitioned table"; break;
	default: kind = "Table"; break;
	}
	snprintf(title, sizeof(title), "%s \"%s.%s\"", kind, phantom_value(r, 0, 1),
	         phantom_value(r, 0, 2));
	phantom_clear(r);
	vals[0] = oid;
	cols = catalog_query(sh, "d",
	                     "SELECT a.attname AS \"Column\", "
	                     "pg_catalog.format_type(a.atttypid, a.atttypmod) AS \"Type\", "
	                     "CASE WHEN a.attnotnull THEN 'not null' ELSE '' END AS \"Nullable\", "
	                     "COALESCE((SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) "
	                     "FROM pg_catalog.pg_attrdef d WHERE d.adrelid = a.attrelid "
	                     "AND d.adnum = a.attnum AND a.atthasdef), '') AS \"Default\" "
	                     "FROM pg_catalog.pg_attribute a WHERE a.attrelid = $1::pg_catalog.oid "
	                     "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", 1, vals);
	if (cols == NULL) {
		free(oid);
		return CMD_ERROR;
	}
	print_titled(sh, title, cols, false);
	phantom_clear(cols);
	idx = catalog_query(sh, "d",
	                    "SELECT c2.relname, i.indisprimary, i.indisunique, "
	                    "pg_catalog.pg_get_indexdef(i.indexrelid, 0, true) "
	                    "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c2 "
	                    "ON c2.oid = i.indexrelid WHERE i.indrelid = $1::pg_catalog.oid "
	                    "ORDER BY i.indisprimary DESC, c2.relname", 1, vals);
	free(oid);
	if (idx == NULL)
		return CMD_ERROR;
	if (phantom_ntuples(idx) > 0) {
		fputs("Indexes:\n", sh->out);
		for (int i = 0; i < phantom_ntuples(idx); i++) {
			const char *def = strstr(phantom_value(idx, i, 3), " USING ");

			fprintf(sh->out, "    \"%s\"%s %s\n", phantom_value(idx, i, 0),
			        phantom_value(idx, i, 1)[0] == 't' ? " PRIMARY KEY,"
			        : phantom_value(idx, i, 2)[0] == 't' ? " UNIQUE," : "",
			        def ? def + 7 : phantom_value(idx, i, 3));
		}
	}
	fputc('\n', sh->out);
	phantom_clear(idx);
	return CMD_OK;
}

static cmd_status
list_simple(shell *sh, const char *cmd, const char *title, const char *sql)
{
	phantom_result *r = catalog_query(sh, cmd, sql, 0, NULL);

	if (r == NULL)
		return CMD_ERROR;
	print_titled(sh, title, r, true);
	phantom_clear(r);
	return CMD_OK;
}

/* ---- backslash commands ----------------------------------------------------------------- */

static const char help_text[] =
	"General\n"
	"  \\q                     quit phantom-sql\n"
	"  \\? [commands]          show this help\n"
	"  \\conninfo              show the connection\n"
	"  \\c[onnect] [DBNAME|CONNINFO]  connect to another database\n"
	"Query buffer\n"
	"  \\g                     send the query buffer\n"
	"  \\p                     show the query buffer\n"
	"  \\r                     clear the query buffer\n"
	"Input/Output\n"
	"  \\i FILE                run commands from FILE\n"
	"  \\o [FILE]              send query results to FILE (or back to stdout)\n"
	"  \\echo [TEXT]           write TEXT to standard output\n"
	"  \\copy ...              COPY with data from/to a client file, stdin or stdout\n"
	"Formatting\n"
	"  \\a                     toggle aligned/unaligned output\n"
	"  \\t [on|off]            rows only (no headers and footers)\n"
	"  \\x [on|off]            expanded output (one line per column)\n"
	"  \\f [SEP]               field separator for unaligned output\n"
	"  \\pset format aligned|unaligned|csv, \\pset null TEXT, \\pset fieldsep SEP,\n"
	"  \\pset tuples_only on|off, \\pset expanded on|off\n"
	"  \\timing [on|off]       show how long each statement takes\n"
	"Informational (need the server's pg_catalog)\n"
	"  \\d [NAME]              list tables, views and sequences, or describe NAME\n"
	"  \\dt  \\di  \\dv  \\ds    list tables, indexes, views, sequences\n"
	"  \\dn                    list schemas\n"
	"  \\l                     list databases\n";

/* Parse on/off (or toggle when absent). */
static bool
onoff(const char *arg, bool cur, const char *name, bool *bad)
{
	*bad = false;
	if (arg == NULL || *arg == '\0')
		return !cur;
	if (!strcasecmp(arg, "on") || !strcasecmp(arg, "true") || !strcmp(arg, "1"))
		return true;
	if (!strcasecmp(arg, "off") || !strcasecmp(arg, "false") || !strcmp(arg, "0"))
		return false;
	fprintf(stderr, "\\%s: unrecognized value \"%s\": Boolean expected\n", name, arg);
	*bad = true;
	return cur;
}

static const char *
next_word(char **p)
{
	char *s = *p, *w;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0') {
		*p = s;
		return NULL;
	}
	if (*s == '\'') {
		w = ++s;
		while (*s && *s != '\'')
			s++;
	} else {
		w = s;
		while (*s && !isspace((unsigned char)*s))
			s++;
	}
	if (*s)
		*s++ = '\0';
	*p = s;
	return w;
}

static cmd_status
cmd_pset(shell *sh, char **args)
{
	const char *opt = next_word(args), *val = next_word(args);
	bool bad;

	if (opt == NULL) {
		fprintf(sh->out, "format %s\nexpanded %s\ntuples_only %s\nfieldsep '%s'\nnull '%s'\n",
		        sh->set.format == FMT_CSV ? "csv" : sh->set.format == FMT_UNALIGNED ? "unaligned"
		                                                                          : "aligned",
		        sh->set.expanded ? "on" : "off", sh->set.tuples_only ? "on" : "off",
		        sh->set.fieldsep, sh->set.null_display);
		return CMD_OK;
	}
	if (strcmp(opt, "format") == 0) {
		if (val && !strcmp(val, "aligned"))
			sh->set.format = FMT_ALIGNED;
		else if (val && !strcmp(val, "unaligned"))
			sh->set.format = FMT_UNALIGNED;
		else if (val && !strcmp(val, "csv"))
			sh->set.format = FMT_CSV;
		else {
			fprintf(stderr, "\\pset: allowed formats are aligned, unaligned, csv\n");
			return CMD_ERROR;
		}
	} else if (strcmp(opt, "null") == 0) {
		snprintf(sh->set.null_display, sizeof(sh->set.null_display), "%s", val ? val : "");
	} else if (strcmp(opt, "fieldsep") == 0) {
		snprintf(sh->set.fieldsep, sizeof(sh->set.fieldsep), "%s", val ? val : "|");
	} else if (strcmp(opt, "tuples_only") == 0) {
		sh->set.tuples_only = onoff(val, sh->set.tuples_only, "pset", &bad);
		return bad ? CMD_ERROR : CMD_OK;
	} else if (strcmp(opt, "expanded") == 0) {
		sh->set.expanded = onoff(val, sh->set.expanded, "pset", &bad);
		return bad ? CMD_ERROR : CMD_OK;
	} else {
		fprintf(stderr, "\\pset: unknown option: %s\n", opt);
		return CMD_ERROR;
	}
	return CMD_OK;
}

bool
shell_connect(shell *sh, const char *conninfo, bool prompt_password)
{
	phantom_conn *c = phantom_connect(conninfo);

	if (phantom_status(c) != PHANTOM_CONNECTION_OK && prompt_password &&
	    strstr(phantom_error_message(c), "no password was supplied") && isatty(fileno(stdin))) {
		char *pw = getpass("Password: "), *info;

		phantom_finish(c);
		if (pw == NULL || asprintf(&info, "%s password='%s'", conninfo, pw) < 0)
			return false;
		c = phantom_connect(info);
		free(info);
	}
	if (phantom_status(c) != PHANTOM_CONNECTION_OK) {
		fprintf(stderr, "phantom-sql: error: %s", phantom_error_message(c));
		phantom_finish(c);
		return false;
	}
	phantom_finish(sh->conn);
	sh->conn = c;
	phantom_set_notice_handler(c, print_notice, sh);
	free(sh->conninfo);
	sh->conninfo = strdup(conninfo);
	return true;
}

cmd_status
run_backslash(shell *sh, const char *cmdline, char *qbuf, size_t qcap)
{
	char *copy = strdup(cmdline), *args = copy;
	const char *cmd = next_word(&args), *a;
	cmd_status st = CMD_OK;
	bool bad;

	if (cmd == NULL) {
		free(copy);
		return CMD_ERROR;
	}
	if (!strcmp(cmd, "q") || !strcmp(cmd, "quit")) {
		st = CMD_QUIT;
	} else if (!strcmp(cmd, "?") || !strcmp(cmd, "h") || !strcmp(cmd, "help")) {
		fputs(help_text, sh->out);
	} else if (!strcmp(cmd, "g")) {
		st = CMD_SEND;
	} else if (!strcmp(cmd, "r")) {
		qbuf[0] = '\0';
		if (sh->interactive)
			fputs("Query buffer reset (cleared).\n", sh->out);
	} else if (!strcmp(cmd, "p")) {
		if (scan_is_blank(qbuf))
			fputs("Query buffer is empty.\n", sh->out);
		else
			fprintf(sh->out, "%.*s\n", (int)(strlen(qbuf) - (qbuf[strlen(qbuf) - 1] == '\n')),
			        qbuf);
	} else if (!strcmp(cmd, "timing")) {
		sh->set.timing = onoff(next_word(&args), sh->set.timing, "timing", &bad);
		if (bad)
			st = CMD_ERROR;
		else if (!sh->set.quiet)
			fprintf(sh->out, "Timing is %s.\n", sh->set.timing ? "on" : "off");
	} else if (!strcmp(cmd, "x")) {
		sh->set.expanded = onoff(next_word(&args), sh->set.expanded, "x", &bad);
		if (bad)
			st = CMD_ERROR;
		else if (!sh->set.quiet)
			fprintf(sh->out, "Expanded display is %s.\n", sh->set.expanded ? "on" : "off");
	} else if (!strcmp(cmd, "a")) {
		sh->set.format = sh->set.format == FMT_ALIGNED ? FMT_UNALIGNED : FMT_ALIGNED;
		if (!sh->set.quiet)
			fprintf(sh->out, "Output format is %s.\n",
			        sh->set.format == FMT_ALIGNED ? "aligned" : "unaligned");
	} else if (!strcmp(cmd, "t")) {
		sh->set.tuples_only = onoff(next_word(&args), sh->set.tuples_only, "t", &bad);
		if (bad)
			st = CMD_ERROR;
		else if (!sh->set.quiet)
			fprintf(sh->out, "Tuples only is %s.\n", sh->set.tuples_only ? "on" : "off");
	} else if (!strcmp(cmd, "f")) {
		a = next_word(&args);
		if (a)
			snprintf(sh->set.fieldsep, sizeof(sh->set.fieldsep), "%s", a);
		if (!sh->set.quiet)
			fprintf(sh->out, "Field separator is \"%s\".\n", sh->set.fieldsep);
	} else if (!strcmp(cmd, "pset")) {
		st = cmd_pset(sh, &args);
	} else if (!strcmp(cmd, "echo")) {
		while (isspace((unsigned char)*args))
			args++;
		fprintf(sh->out, "%s\n", args);
	} else if (!strcmp(cmd, "o") || !strcmp(cmd, "out")) {
		a = next_word(&args);
		if (sh->out != stdout)
			fclose(sh->out);
		sh->out = stdout;
		if (a && (sh->out = fopen(a, "w")) == NULL) {
			fprintf(stderr, "%s: %s\n", a, strerror(errno));
			sh->out = stdout;
			st = CMD_ERROR;
		}
	} else if (!strcmp(cmd, "i") || !strcmp(cmd, "include")) {
		a = next_word(&args);
		if (a == NULL) {
			fprintf(stderr, "\\i: missing required argument\n");
			st = CMD_ERROR;
		} else {
			FILE *f = fopen(a, "r");

			if (f == NULL) {
				fprintf(stderr, "%s: %s\n", a, strerror(errno));
				st = CMD_ERROR;
			} else {
				shell inner = *sh;

				inner.interactive = false;
				inner.stop_on_error = sh->stop_on_error || !sh->interactive;
				st = run_file(&inner, f, a) ? CMD_OK : CMD_ERROR;
				sh->set = inner.set;
				sh->out = inner.out;
				sh->conn = inner.conn;
				sh->conninfo = inner.conninfo;
				fclose(f);
			}
		}
	} else if (!strcmp(cmd, "copy")) {
		st = cmd_copy(sh, args);
	} else if (!strcmp(cmd, "conninfo")) {
		fprintf(sh->out, "You are connected to database \"%s\" as user \"%s\" on host \"%s\" at "
		        "port \"%s\".\n", phantom_db(sh->conn), phantom_user(sh->conn),
		        phantom_host(sh->conn), phantom_port(sh->conn));
	} else if (!strcmp(cmd, "c") || !strcmp(cmd, "connect")) {
		char info[1024];

		a = next_word(&args);
		if (a == NULL)
			snprintf(info, sizeof(info), "%s", sh->conninfo);
		else if (strchr(a, '=') || strstr(a, "://"))
			snprintf(info, sizeof(info), "%s", a);
		else
			snprintf(info, sizeof(info), "%s dbname='%s'", sh->conninfo, a);
		if (!shell_connect(sh, info, true))
			st = CMD_ERROR;
		else if (!sh->set.quiet)
			fprintf(sh->out, "You are now connected to database \"%s\" as user \"%s\".\n",
			        phantom_db(sh->conn), phantom_user(sh->conn));
	} else if (!strcmp(cmd, "d")) {
		a = next_word(&args);
		st = a ? describe_one(sh, a) : list_relations(sh, "d", "'r','p','v','m','S','f'", false);
	} else if (!strcmp(cmd, "dt")) {
		st = list_relations(sh, cmd, "'r','p'", false);
	} else if (!strcmp(cmd, "di")) {
		st = list_relations(sh, cmd, "'i','I'", true);
	} else if (!strcmp(cmd, "dv")) {
		st = list_relations(sh, cmd, "'v'", false);
	} else if (!strcmp(cmd, "ds")) {
		st = list_relations(sh, cmd, "'S'", false);
	} else if (!strcmp(cmd, "dn")) {
		st = list_simple(sh, cmd, "List of schemas",
		                 "SELECT n.nspname AS \"Name\", "
		                 "pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\" "
		                 "FROM pg_catalog.pg_namespace n WHERE n.nspname !~ '^pg_' "
		                 "AND n.nspname <> 'information_schema' ORDER BY 1");
	} else if (!strcmp(cmd, "l") || !strcmp(cmd, "list")) {
		st = list_simple(sh, cmd, "List of databases",
		                 "SELECT d.datname AS \"Name\", "
		                 "pg_catalog.pg_get_userbyid(d.datdba) AS \"Owner\", "
		                 "pg_catalog.pg_encoding_to_char(d.encoding) AS \"Encoding\" "
		                 "FROM pg_catalog.pg_database d ORDER BY 1");
	} else {
		fprintf(stderr, "invalid command \\%s\nTry \\? for help.\n", cmd);
		st = CMD_ERROR;
	}
	(void)qcap;
	free(copy);
	if (st == CMD_ERROR)
		sh->had_error = true;
	return st;
}

/* ---- input: statements and commands from lines ------------------------------------------ */

void
qbuf_init(qbuf *q)
{
	memset(q, 0, sizeof(*q));
	q->cap = 4096;
	q->s = malloc(q->cap);
	q->s[0] = '\0';
}

void
qbuf_free(qbuf *q)
{
	free(q->s);
	q->s = NULL;
}

static void
qbuf_reset_scan(qbuf *q)
{
	memset(&q->st, 0, sizeof(q->st));
	q->scanned = 0;
}

/* Replace the buffer's first `drop` bytes with `keep` (a prefix kept, or ""). */
static void
qbuf_splice(qbuf *q, const char *keep, size_t drop)
{
	size_t kl = strlen(keep), rest = q->len - drop;
	char *n = malloc(kl + rest + 1 > q->cap ? kl + rest + 1 : q->cap);

	memcpy(n, keep, kl);
	memcpy(n + kl, q->s + drop, rest);
	n[kl + rest] = '\0';
	free(q->s);
	q->s = n;
	q->len = kl + rest;
	if (kl + rest + 1 > q->cap)
		q->cap = kl + rest + 1;
	qbuf_reset_scan(q);
}

cmd_status
feed_line(shell *sh, qbuf *q, const char *line)
{
	size_t n;
	cmd_status result = CMD_OK;

	if (q->len == 0)
		while (isspace((unsigned char)*line))   /* a statement starts at its first character */
			line++;
	n = strlen(line);
	if (n == 0 && q->len == 0)
		return CMD_OK;
	if (scan_is_blank(q->s))
		q->start_line = sh->line;
	if (q->len + n + 2 > q->cap) {
		q->cap = (q->len + n + 2) * 2;
		q->s = realloc(q->s, q->cap);
	}
	memcpy(q->s + q->len, line, n);
	q->len += n;
	if (n == 0 || line[n - 1] != '\n')
		q->s[q->len++] = '\n';
	q->s[q->len] = '\0';
	for (;;) {
		size_t pos = q->scanned;
		int r = scan_text(q->s, q->len, &pos, &q->st);

		if (r == 0) {
			q->scanned = pos;
			return result;
		}
		if (r == 1) {
			char saved = q->s[pos];
			bool ok = true;

			q->s[pos] = '\0';
			if (!scan_is_blank(q->s))
				ok = run_query(sh, q->s);
			q->s[pos] = saved;
			/* the next statement starts at its first non-blank character, as in psql */
			while (pos < q->len && isspace((unsigned char)q->s[pos]))
				pos++;
			qbuf_splice(q, "", pos);
			if (!ok && sh->stop_on_error)
				return CMD_ERROR;
			if (!ok)
				result = CMD_ERROR;
			continue;
		}
		/* a backslash command runs to the end of its line; what precedes it stays buffered */
		{
			char *nl = memchr(q->s + pos, '\n', q->len - pos);
			size_t end = nl ? (size_t)(nl - q->s) : q->len;
			char *cmd = strndup(q->s + pos + 1, end - pos - 1);
			char *prefix = strndup(q->s, pos);
			cmd_status cs = run_backslash(sh, cmd, prefix, pos + 1);

			free(cmd);
			if (cs == CMD_SEND) {
				bool ok = scan_is_blank(prefix) || run_query(sh, prefix);

				prefix[0] = '\0';
				if (!ok)
					cs = CMD_ERROR;
			}
			qbuf_splice(q, prefix, nl ? end + 1 : end);
			free(prefix);
			if (cs == CMD_QUIT)
				return CMD_QUIT;
			if (cs == CMD_ERROR) {
				if (sh->stop_on_error)
					return CMD_ERROR;
				result = CMD_ERROR;
			}
		}
	}
}

bool
run_file(shell *sh, FILE *f, const char *name)
{
	qbuf q;
	char *line = NULL;
	size_t lcap = 0;
	const char *saved_source = sh->source;
	FILE *saved_copy = copy_source;
	int saved_line = sh->line;
	bool ok = true;

	qbuf_init(&q);
	sh->source = name;
	sh->line = 0;
	copy_source = f;
	while (getline(&line, &lcap, f) >= 0) {
		cmd_status cs;

		sh->line++;
		cs = feed_line(sh, &q, line);
		if (cs == CMD_QUIT)
			break;
		if (cs == CMD_ERROR && sh->stop_on_error) {
			ok = false;
			break;
		}
	}
	/* a last statement without a semicolon still runs, as psql does */
	if (ok && !scan_is_blank(q.s)) {
		sh->line = q.start_line;
		if (!run_query(sh, q.s) && sh->stop_on_error)
			ok = false;
	}
	free(line);
	qbuf_free(&q);
	sh->source = saved_source;
	sh->line = saved_line;
	copy_source = saved_copy;
	return ok;
}
