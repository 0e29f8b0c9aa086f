/*
 * engine.h — the contract between the protocol layer (lib/pgwire, in the query worker) and
 * the SQL engine (lib/sql).  The protocol layer knows messages and bytes; the engine knows
 * SQL, types and transactions.  Nothing crosses this line but text/binary-encoded values,
 * column descriptions and errors, so either side can be tested with a double of the other.
 *
 * Errors: every function here may raise (err.h) with an SQLSTATE; the protocol layer
 * catches, sends ErrorResponse, and carries on (LV_ERROR) or ends the session (LV_FATAL).
 * After a raised error the engine has already cleaned up the statement (locks, pins,
 * arenas) and put an explicit transaction into the failed state ('E').
 *
 * Memory: strings passed in are only borrowed for the call.  Objects returned
 * (sql_prepared, sql_portal, res_column arrays) belong to the engine and live until freed
 * or until the session ends.  A portal can run only inside the transaction that created it:
 * once that transaction has ended, sql_execute on it raises 34000, but the handle itself stays
 * valid until sql_portal_free (the protocol layer frees every portal when ReadyForQuery
 * reports 'I', and frees all statements and portals before sql_session_end).  A portal does
 * not depend on its prepared statement: the statement may be freed first.  During every call
 * mem_cur is a context that the protocol layer resets after each client message; the engine
 * keeps nothing there.
 *
 * Interrupts: the engine polls proc_me->ps_interrupts during long work and raises 57014
 * (cancel), 57P01 (terminate, FATAL), 40P01 (deadlock victim) as they require.
 */
#ifndef PH_SQL_ENGINE_H
#define PH_SQL_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "types/datum.h"
#include "util/err.h"

typedef struct res_column {
	const char *name;
	Oid table_oid;        /* 0 when not a plain table column */
	int16_t column_no;    /* attribute number in that table, else 0 */
	Oid type_oid;
	int16_t type_len;     /* -1 variable */
	int32_t typmod;
	int16_t format;       /* 0 text, 1 binary */
} res_column;

typedef enum { COPY_TEXT, COPY_CSV, COPY_BINARY } copy_format;

/*
 * Where results go.  The protocol layer fills in the callbacks; the engine calls them in
 * this order per statement: [describe] (row)* complete, or copy_in_* / copy_out_*.
 */
typedef struct dest_receiver dest_receiver;
struct dest_receiver {
	void *priv;
	/* RowDescription: only for statements that return rows, before the first row.  In the
	 * extended protocol the engine does not call it (Describe is answered separately). */
	void (*describe)(dest_receiver *d, int ncols, const res_column *cols);
	/* DataRow: values already encoded in each column's format; len -1 means NULL. */
	void (*row)(dest_receiver *d, int ncols, const char *const *vals, const int32_t *lens);
	/* CommandComplete with its tag ("SELECT 3", "INSERT 0 1", "UPDATE 2", "BEGIN"...). */
	void (*complete)(dest_receiver *d, const char *tag);
	/* EmptyQueryResponse (the query string held no statement). */
	void (*empty)(dest_receiver *d);
	/* NoticeResponse (level LV_NOTICE/LV_WARNING/LV_INFO). */
	void (*notice)(dest_receiver *d, const err_info *n);
	/* ParameterStatus after SET of a reported setting (application_name, TimeZone...). */
	void (*param_status)(dest_receiver *d, const char *name, const char *value);
	/* COPY ... FROM STDIN: send CopyInResponse, then pull data.  copy_in_read returns the
	 * number of bytes stored in buf (> 0), 0 at CopyDone, and raises 57014 on CopyFail. */
	void (*copy_in_begin)(dest_receiver *d, copy_format fmt, int ncols);
	size_t (*copy_in_read)(dest_receiver *d, char *buf, size_t cap);
	/* COPY ... TO STDOUT: CopyOutResponse, CopyData per call, CopyDone. */
	void (*copy_out_begin)(dest_receiver *d, copy_format fmt, int ncols);
	void (*copy_out_data)(dest_receiver *d, const char *data, size_t len);
	void (*copy_out_end)(dest_receiver *d);
};

typedef struct sql_session_params {
	const char *user;
	const char *database;
	const char *application_name;
	const char *client_addr;      /* "127.0.0.1" or "[local]" */
	const char *options;          /* the startup "options" parameter (-c name=value ...) */
	/* further startup parameters, name/value pairs (client_encoding, DateStyle...) */
	int nextra;
	const char *const *extra_names;
	const char *const *extra_values;
} sql_session_params;

/* ---- sessions ----------------------------------------------------------------------------- */

/* Start a session (after authentication).  Raises FATAL 3D000 for a missing database,
 * 28000 for a missing role.  Calls dest->param_status for every reported setting. */
void sql_session_start(const sql_session_params *p, dest_receiver *dest);
/* End the session: roll back an open transaction, drop prepared statements and portals. */
void sql_session_end(void);
/* Transaction state for ReadyForQuery: 'I' idle, 'T' in a transaction, 'E' failed. */
char sql_txn_state(void);
/* The role's stored password verifier ("SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:<ServerKey>")
 * or NULL when the role has none or does not exist.  Called before sql_session_start. */
char *sql_role_password(const char *user);

/* ---- simple query protocol ----------------------------------------------------------------- */

/* Run every statement of a query string in order (an implicit transaction block spans them
 * unless they manage transactions themselves, as PostgreSQL does).  Stops at the first error
 * by raising it. */
void sql_exec_simple(const char *query, dest_receiver *dest);

/* ---- extended query protocol ---------------------------------------------------------------- */

typedef struct sql_prepared sql_prepared;
typedef struct sql_portal sql_portal;

/* Parse: one statement (an empty string is allowed and gives EmptyQueryResponse later).
 * param_types may hold 0 for "infer".  Raises 42601 for several statements. */
sql_prepared *sql_prepare(const char *query, int nparams, const Oid *param_types);
/* Parameter types after inference (Describe statement: ParameterDescription). */
int sql_prepared_params(const sql_prepared *p, const Oid **types);
/* Result columns (RowDescription) or -1 when the statement returns no rows (NoData).
 * Formats in the returned columns are 0 (text) until a portal chooses. */
int sql_prepared_columns(const sql_prepared *p, const res_column **cols);
void sql_prepared_free(sql_prepared *p);

/* Bind: values are raw bytes in the given formats (PostgreSQL's rule: 0 format codes = all
 * text, 1 = that one for all, else one per parameter; same for result formats).
 * A NULL value pointer is SQL NULL.  Raises 22P02/22P03 for bad input, 08P01 for counts. */
sql_portal *sql_bind(sql_prepared *p, int nparams, const char *const *values,
                     const int32_t *lengths, int nformats, const int16_t *formats,
                     int nresult_formats, const int16_t *result_formats);
int sql_portal_columns(const sql_portal *portal, const res_column **cols);
/* Execute: send at most max_rows rows (0 = all).  Returns true when the portal is
 * suspended with rows left (PortalSuspended), false when it completed (complete() sent). */
bool sql_execute(sql_portal *portal, int64_t max_rows, dest_receiver *dest);
void sql_portal_free(sql_portal *portal);
/* Sync: end an implicit transaction block of the extended protocol (commit, or roll back
 * after an error). */
void sql_sync(void);

#endif
