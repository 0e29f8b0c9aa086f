/*
 * pgw_engine_stub.c — weak fallbacks for lib/sql/engine.h, so that programs linking the
 * protocol layer link and serve sessions before the SQL engine exists: a session starts,
 * and every statement gets ERROR 0A000 "SQL is not available in this build yet" (as the
 * foundation's placeholder session answered).  Any strong definition (the real engine in
 * lib/sql, or the test double in tests/pgwire) replaces these at link time.  Delete this
 * file once lib/sql defines every function of engine.h.
 */
#include <stddef.h>

#include "sql/engine.h"
#include "util/err.h"

#define WEAK __attribute__((weak))

static _Noreturn void
no_engine(void)
{
	ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "SQL is not available in this build yet");
}

WEAK void sql_session_start(const sql_session_params *p, dest_receiver *d) {}
WEAK void sql_session_end(void) {}
WEAK char sql_txn_state(void) { return 'I'; }
WEAK char *sql_role_password(const char *user) { return NULL; }
WEAK void sql_exec_simple(const char *q, dest_receiver *d) { no_engine(); }
WEAK sql_prepared *sql_prepare(const char *q, int n, const Oid *t) { no_engine(); }
WEAK int sql_prepared_params(const sql_prepared *p, const Oid **t) { no_engine(); }
WEAK int sql_prepared_columns(const sql_prepared *p, const res_column **c) { no_engine(); }
WEAK void sql_prepared_free(sql_prepared *p) {}
WEAK sql_portal *sql_bind(sql_prepared *p, int n, const char *const *v, const int32_t *l,
                          int nf, const int16_t *f, int nr, const int16_t *r) { no_engine(); }
WEAK int sql_portal_columns(const sql_portal *p, const res_column **c) { no_engine(); }
WEAK bool sql_execute(sql_portal *p, int64_t m, dest_receiver *d) { no_engine(); }
WEAK void sql_portal_free(sql_portal *p) {}
WEAK void sql_sync(void) {}
