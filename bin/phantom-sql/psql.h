/*
 * psql.h — internals of phantom-sql, the interactive SQL shell (see phantom-sql(1)).
 * Process-local, single-threaded; talks to the server only through libphantom.
 */
#ifndef PH_BIN_PHANTOM_SQL_H
#define PH_BIN_PHANTOM_SQL_H

#include <stdbool.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>

#include "phantom.h"

/* Set while a query runs, so that Ctrl-C sends a cancel request. */
extern volatile sig_atomic_t sql_query_running;

typedef enum { FMT_ALIGNED, FMT_UNALIGNED, FMT_CSV } out_format;

typedef struct settings_sql {
	out_format format;
	bool expanded;
	bool tuples_only;
	bool timing;
	bool quiet;
	bool echo_queries;
	char fieldsep[16];
	char null_display[32];
} settings_sql;

/* The shell's state. */
typedef struct shell {
	phantom_conn *conn;
	char *conninfo;          /* how we connected, for \c */
	settings_sql set;
	FILE *out;               /* query output (\o) */
	bool interactive;
	bool stop_on_error;      /* scripts: stop at the first error */
	bool had_error;
	const char *source;      /* "-c", a file name, or NULL for the terminal */
	int line;                /* line in source of the statement being run */
	const char *title;       /* centred above the next aligned table (catalog listings) */
	bool no_footer;          /* omit "(N rows)" for the next table */
} shell;

/* ---- scanning (scan.c) ---------------------------------------------------------------------- */

/* Where a partial statement stands at the end of the buffer. */
typedef enum { SCAN_NONE, SCAN_QUOTE, SCAN_DQUOTE, SCAN_DOLLAR, SCAN_COMMENT, SCAN_PAREN } scan_open;

typedef struct scan_state {
	scan_open open;
	int paren;
	int comment_depth;
	char dollar_tag[64];
} scan_state;

/*
 * Scan text from *pos: stops after a top-level ';' (returns 1), at a top-level backslash
 * (returns 2, *pos at the backslash), or at the end (returns 0).  The state carries quotes,
 * comments and parentheses across calls.
 */
int scan_text(const char *text, size_t len, size_t *pos, scan_state *st);
/* True when the buffer holds nothing but whitespace and comments. */
bool scan_is_blank(const char *text);

/* ---- printing (print.c) ----------------------------------------------------------------- */

void print_result(shell *sh, const phantom_result *r);
/* Notice handler: "NOTICE:  message" on stderr. */
void print_notice(void *arg, const phantom_result *n);
/* "ERROR:  ...", LINE n: with a caret under the error position, DETAIL, HINT. */
void print_error(shell *sh, const phantom_result *r, const char *query);
/* Display width of UTF-8 text (code points; control characters count 0). */
int text_width(const char *s, size_t len);

/* ---- commands (commands.c) ------------------------------------------------------------------- */

typedef enum { CMD_OK, CMD_ERROR, CMD_QUIT, CMD_SEND } cmd_status;

/* Run a backslash command (text after the backslash, to the end of the line).  qbuf is the
 * current query buffer (\g sends it, \r clears it, \p prints it). */
cmd_status run_backslash(shell *sh, const char *cmd, char *qbuf, size_t qcap);
/* Send one query string and print its results; false if an error occurred. */
bool run_query(shell *sh, const char *query);
/* The query buffer being filled from input lines. */
typedef struct qbuf {
	char *s;
	size_t len, cap;
	size_t scanned;          /* scan_text has looked at [0, scanned) with state st */
	scan_state st;
	int start_line;          /* input line where the buffered statement began */
} qbuf;

void qbuf_init(qbuf *q);
void qbuf_free(qbuf *q);
/* Add one input line: runs every statement it completes and any backslash command on it.
 * CMD_QUIT on \q, CMD_ERROR if something failed, else CMD_OK. */
cmd_status feed_line(shell *sh, qbuf *q, const char *line);
/* Run a file of SQL and backslash commands; false if it failed (stop_on_error). */
bool run_file(shell *sh, FILE *f, const char *name);
/* Connect with conninfo; false with the message printed. */
bool shell_connect(shell *sh, const char *conninfo, bool prompt_password);

#endif
