/*
 * phantom.h — libphantom, the C client library of Phantom-DB (installed as <phantom.h>).
 *
 * It speaks PostgreSQL's frontend/backend protocol v3, so it also works with PostgreSQL
 * servers.  Link with `pkg-config --libs libphantom`.  Manual: phantom-client(3).
 *
 * Model (close to libpq's, with phantom_ names):
 *  - A phantom_conn is one connection.  phantom_connect() always returns an object (NULL
 *    only when memory is exhausted); check phantom_status() and phantom_error_message().
 *  - Queries produce phantom_result objects, owned by the caller until phantom_clear().
 *    Results stay valid after the connection is finished.
 *  - Blocking calls: phantom_exec, phantom_exec_params, phantom_prepare,
 *    phantom_exec_prepared, phantom_describe_prepared, phantom_close_prepared.
 *    Non-blocking: phantom_send_* then phantom_consume_input / phantom_is_busy /
 *    phantom_get_result until it returns NULL.  Only one command may be in progress.
 *  - Threads: a connection and its results must be used by one thread at a time; different
 *    connections are independent.  The library keeps no global state except libcrypto's.
 *  - Text is passed as UTF-8 (the only client_encoding a Phantom-DB server accepts).
 *  - Errors never abort the process: functions report failure by their return value and
 *    describe it in phantom_error_message() (connection) or the result's error fields.
 */
#ifndef PHANTOM_H
#define PHANTOM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PHANTOM_LIB_VERSION 100   /* 0.1.0 */

typedef struct phantom_conn phantom_conn;
typedef struct phantom_result phantom_result;
typedef unsigned int phantom_oid;

typedef enum phantom_conn_status {
	PHANTOM_CONNECTION_OK,
	PHANTOM_CONNECTION_BAD
} phantom_conn_status;

typedef enum phantom_res_status {
	PHANTOM_EMPTY_QUERY,     /* the query string held no statement */
	PHANTOM_COMMAND_OK,      /* a statement that returns no rows completed */
	PHANTOM_TUPLES_OK,       /* a statement returned rows (possibly zero) */
	PHANTOM_COPY_OUT,        /* COPY TO STDOUT started: use phantom_get_copy_data */
	PHANTOM_COPY_IN,         /* COPY FROM STDIN started: use phantom_put_copy_data/_end */
	PHANTOM_ERROR,           /* the server reported an error, or the connection failed */
	PHANTOM_NOTICE           /* a notice (only seen by notice handlers) */
} phantom_res_status;

typedef enum phantom_txn_status {
	PHANTOM_TXN_IDLE,        /* no transaction open */
	PHANTOM_TXN_ACTIVE,      /* a command is in progress */
	PHANTOM_TXN_INTRANS,     /* idle inside a transaction block */
	PHANTOM_TXN_INERROR,     /* idle inside a failed transaction block */
	PHANTOM_TXN_UNKNOWN      /* the connection is bad */
} phantom_txn_status;

/* Error and notice fields (phantom_result_error_field). */
#define PHANTOM_DIAG_SEVERITY 'S'
#define PHANTOM_DIAG_SEVERITY_NONLOCALIZED 'V'
#define PHANTOM_DIAG_SQLSTATE 'C'
#define PHANTOM_DIAG_MESSAGE_PRIMARY 'M'
#define PHANTOM_DIAG_MESSAGE_DETAIL 'D'
#define PHANTOM_DIAG_MESSAGE_HINT 'H'
#define PHANTOM_DIAG_STATEMENT_POSITION 'P'
#define PHANTOM_DIAG_SCHEMA_NAME 's'
#define PHANTOM_DIAG_TABLE_NAME 't'
#define PHANTOM_DIAG_COLUMN_NAME 'c'
#define PHANTOM_DIAG_CONSTRAINT_NAME 'n'
#define PHANTOM_DIAG_SOURCE_FILE 'F'
#define PHANTOM_DIAG_SOURCE_LINE 'L'
#define PHANTOM_DIAG_SOURCE_FUNCTION 'R'

/* ---- connections ---------------------------------------------------------------------------- */

/*
 * Connect.  conninfo is "key=value ..." (values may be 'single quoted' with \' and \\
 * escapes) or a URI postgresql://, postgres:// or phantom://
 * [user[:password]@][host][:port][/dbname][?key=value&...].  Keys: host, port, user,
 * dbname, password, application_name, connect_timeout (seconds, 0 = none), options,
 * client_encoding (UTF8 only), sslmode (disable, allow, prefer; TLS is not supported yet).
 * Missing values come from the environment (PHANTOM_HOST, PHANTOM_PORT, PHANTOM_USER,
 * PHANTOM_DATABASE, PHANTOM_PASSWORD), then defaults: host localhost, port 5544, user = the
 * login name, dbname = user.  Authentication: trust, cleartext password, MD5 and
 * SCRAM-SHA-256 (the server's signature is verified).  Blocks until connected or failed.
 */
phantom_conn *phantom_connect(const char *conninfo);
phantom_conn_status phantom_status(const phantom_conn *conn);
/* The last error on the connection, "" if none; valid until the next call on conn. */
const char *phantom_error_message(const phantom_conn *conn);
/* Send Terminate, close the socket and free conn (NULL is allowed). */
void phantom_finish(phantom_conn *conn);

const char *phantom_host(const phantom_conn *conn);
const char *phantom_port(const phantom_conn *conn);
const char *phantom_user(const phantom_conn *conn);
const char *phantom_db(const phantom_conn *conn);
/* A ParameterStatus value reported by the server ("server_version"...), or NULL. */
const char *phantom_parameter_status(const phantom_conn *conn, const char *name);
/* server_version as a number: "15.0 (...)" -> 150000; 0 if unknown. */
int phantom_server_version(const phantom_conn *conn);
int phantom_backend_pid(const phantom_conn *conn);
phantom_txn_status phantom_transaction_status(const phantom_conn *conn);
/* The socket, for poll(); -1 if the connection is bad. */
int phantom_socket(const phantom_conn *conn);
int phantom_lib_version(void);

/* Notices (and warnings) are passed to fn with a result of status PHANTOM_NOTICE that is
 * valid only during the call.  The default handler prints "SEVERITY:  message" on stderr;
 * fn NULL silences notices. */
typedef void (*phantom_notice_fn)(void *arg, const phantom_result *notice);
void phantom_set_notice_handler(phantom_conn *conn, phantom_notice_fn fn, void *arg);

/* Parsed conninfo: an array of keyword/value pairs ending with keyword NULL (values from the
 * string only, no defaults), or NULL with a malloc'd message in *err (free with
 * phantom_free). */
typedef struct phantom_option {
	char *keyword;
	char *value;
} phantom_option;
phantom_option *phantom_conninfo_parse(const char *conninfo, char **err);
void phantom_options_free(phantom_option *opts);

/* ---- blocking queries ---------------------------------------------------------------------- */

/*
 * Run a query string of one or more statements (simple query protocol).  Returns the result
 * of the last statement, or the first error; a COPY result is returned as soon as the COPY
 * starts.  Never NULL unless memory is exhausted: connection failures give PHANTOM_ERROR.
 */
phantom_result *phantom_exec(phantom_conn *conn, const char *query);
/*
 * One statement with parameters $1..$n (extended protocol, unnamed statement).  types may be
 * NULL (server infers) or hold 0 entries; values[i] NULL is SQL NULL; lengths and formats
 * matter only for binary parameters (formats[i] 1; NULL formats = all text);
 * result_format 0 text, 1 binary.
 */
phantom_result *phantom_exec_params(phantom_conn *conn, const char *query, int nparams,
                                    const phantom_oid *types, const char *const *values,
                                    const int *lengths, const int *formats, int result_format);
/* Prepare a named statement ("" = the unnamed one); PHANTOM_COMMAND_OK on success. */
phantom_result *phantom_prepare(phantom_conn *conn, const char *name, const char *query,
                                int nparams, const phantom_oid *types);
phantom_result *phantom_exec_prepared(phantom_conn *conn, const char *name, int nparams,
                                      const char *const *values, const int *lengths,
                                      const int *formats, int result_format);
/* Parameter types (phantom_nparams/phantom_paramtype) and result columns of a statement. */
phantom_result *phantom_describe_prepared(phantom_conn *conn, const char *name);
phantom_result *phantom_close_prepared(phantom_conn *conn, const char *name);

/* ---- non-blocking use ---------------------------------------------------------------------- */

/* Queue a command and send what the socket takes; 1 on success, 0 on failure (see
 * phantom_error_message).  Then read results with phantom_get_result until NULL. */
int phantom_send_query(phantom_conn *conn, const char *query);
int phantom_send_query_params(phantom_conn *conn, const char *query, int nparams,
                              const phantom_oid *types, const char *const *values,
                              const int *lengths, const int *formats, int result_format);
int phantom_send_prepare(phantom_conn *conn, const char *name, const char *query, int nparams,
                         const phantom_oid *types);
int phantom_send_query_prepared(phantom_conn *conn, const char *name, int nparams,
                                const char *const *values, const int *lengths,
                                const int *formats, int result_format);
int phantom_send_describe_prepared(phantom_conn *conn, const char *name);
/* In non-blocking mode the send functions and phantom_put_copy_* never wait for the socket;
 * call phantom_flush until it returns 0.  1 on success, 0 on failure. */
int phantom_set_nonblocking(phantom_conn *conn, int on);
int phantom_is_nonblocking(const phantom_conn *conn);
/* Send buffered output: 0 all sent, 1 some left (non-blocking mode), -1 failure. */
int phantom_flush(phantom_conn *conn);
/* Read whatever the socket has without waiting; 1 ok, 0 connection failure. */
int phantom_consume_input(phantom_conn *conn);
/* 1 when phantom_get_result would have to wait for the server. */
int phantom_is_busy(phantom_conn *conn);
/* The next result of the command in progress, or NULL when it is complete.  Waits for the
 * server if needed.  During COPY it returns a PHANTOM_COPY_IN/OUT result again until the
 * copy is finished. */
phantom_result *phantom_get_result(phantom_conn *conn);
/* Ask the server to cancel the command in progress (a CancelRequest on a new connection).
 * 1 if the request was sent, 0 with a message in errbuf otherwise.  Safe to call from
 * another thread than the one using conn. */
int phantom_cancel(phantom_conn *conn, char *errbuf, int errbufsize);

/* ---- COPY ----------------------------------------------------------------------------------- */

/* Send data during COPY FROM STDIN: 1 sent/queued, 0 would block (non-blocking), -1 error. */
int phantom_put_copy_data(phantom_conn *conn, const char *buf, int nbytes);
/* End COPY FROM STDIN; errmsg non-NULL makes it fail with that message.  Same returns. Then
 * phantom_get_result gives the COPY's final result. */
int phantom_put_copy_end(phantom_conn *conn, const char *errmsg);
/* One row during COPY TO STDOUT: its length with *buffer malloc'd (phantom_free), -1 when the
 * copy is done (then phantom_get_result), -2 on error, 0 with async and nothing ready yet. */
int phantom_get_copy_data(phantom_conn *conn, char **buffer, int async);
void phantom_free(void *ptr);

/* ---- results ------------------------------------------------------------------------------ */

phantom_res_status phantom_result_status(const phantom_result *res);
/* "PHANTOM_TUPLES_OK" and so on. */
const char *phantom_res_status_name(phantom_res_status status);
/* "ERROR:  message\nDETAIL:  ...\nHINT:  ...\n" like psql prints, "" for no error. */
const char *phantom_result_error_message(const phantom_result *res);
/* One field (PHANTOM_DIAG_*), or NULL when absent. */
const char *phantom_result_error_field(const phantom_result *res, int fieldcode);
int phantom_ntuples(const phantom_result *res);
int phantom_nfields(const phantom_result *res);
/* Column name; NULL for a bad index. */
const char *phantom_fname(const phantom_result *res, int col);
/* Column index by name (exact match first, then case-insensitive), -1 if none. */
int phantom_fnumber(const phantom_result *res, const char *name);
phantom_oid phantom_ftype(const phantom_result *res, int col);
int phantom_fmod(const phantom_result *res, int col);
int phantom_fsize(const phantom_result *res, int col);
int phantom_fformat(const phantom_result *res, int col);
phantom_oid phantom_ftable(const phantom_result *res, int col);
int phantom_ftablecol(const phantom_result *res, int col);
/* The value (NUL-terminated; binary values may contain NULs: use phantom_length); "" for
 * SQL NULL and for a bad index. */
const char *phantom_value(const phantom_result *res, int row, int col);
int phantom_is_null(const phantom_result *res, int row, int col);
int phantom_length(const phantom_result *res, int row, int col);
/* The command tag ("SELECT 3", "INSERT 0 1"), "" if none. */
const char *phantom_cmd_status(const phantom_result *res);
/* Rows affected or returned according to the tag, -1 when the tag has no count. */
long long phantom_cmd_tuples(const phantom_result *res);
/* Parameters of a described statement. */
int phantom_nparams(const phantom_result *res);
phantom_oid phantom_paramtype(const phantom_result *res, int i);
void phantom_clear(phantom_result *res);

/* ---- quoting --------------------------------------------------------------------------------- */

/* 'text' or E'te\\xt' as an SQL literal; "name" as an identifier.  malloc'd (phantom_free);
 * NULL when memory is exhausted. */
char *phantom_escape_literal(const char *str, size_t len);
char *phantom_escape_identifier(const char *str, size_t len);

#ifdef __cplusplus
}
#endif
#endif
