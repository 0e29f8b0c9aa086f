/*
 * pgw.h — the server side of PostgreSQL's frontend/backend protocol v3 (see README.md).
 *
 * Entry points:
 *   pgw_session_main        serve one client session on a connected socket (query worker)
 *   pgw_read_startup        read the first packet of a new connection (listener, test server)
 *   pgw_scram_make_verifier make a stored password verifier (CREATE/ALTER ROLE ... PASSWORD)
 *   pgw_auth_rules_check    validate `auth_rule` settings (config load, tests)
 */
#ifndef PH_PGWIRE_PGW_H
#define PH_PGWIRE_PGW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Serve one session: startup parameters, authentication by `auth_rule`, then the message
 * loop over the engine (lib/sql/engine.h) until Terminate, EOF, a FATAL error or
 * PI_TERMINATE while idle.  `startup` holds the StartupMessage as the listener read it, with
 * or without its leading length word (protocol version first); it is copied, so the caller
 * may free it on return.
 *
 * Called by a query worker (daemons/worker) for each connection the listener hands it.  The
 * worker has already set PS_SESSION and the session fields of its slot; ps_cancel_key is
 * what BackendKeyData sends (when it is 0, as in tests, a random key is made and stored).
 * The worker switched mem_cur to a session context (this function works in a child of it)
 * and, after this returns, closes sock, resets session settings (cfg_reset_session) and
 * deletes that context: the session never closes sock.
 *
 * While waiting for the client, the session polls latch_fd() (lib/shm/latch.h) beside the
 * socket when the worker opened it, and reacts to ps_interrupts: PI_TERMINATE ends the
 * session with FATAL 57P01 (the bit stays set for the worker to see), PI_CANCEL while idle is
 * dropped (a running statement is the engine's to cancel), PI_RELOAD calls cfg_reload().
 *
 * proc_me may be NULL in tests: then no slot fields are written and no interrupts are seen.
 * mem_init() must have run.  No locks held on entry or exit.  Never raises: every error is
 * reported to the client and logged.  On return the engine session has ended
 * (sql_session_end ran if sql_session_start had succeeded).  PI_TERMINATE, if this function
 * set it itself after a failed write, is cleared again before returning.
 */
void pgw_session_main(int sock, const void *startup, size_t len);

/* What pgw_read_startup found. */
typedef enum pgw_startup_kind {
	PGW_STARTUP_MESSAGE,     /* a StartupMessage (any protocol version): pass it on */
	PGW_STARTUP_SSL,         /* SSLRequest: answer 'N' and read again */
	PGW_STARTUP_GSSENC,      /* GSSENCRequest: answer 'N' and read again */
	PGW_STARTUP_CANCEL,      /* CancelRequest: *cancel_pid and *cancel_key are set */
	PGW_STARTUP_EOF,         /* the client closed the connection without a packet */
	PGW_STARTUP_BAD          /* malformed, oversized (> 10000 bytes), timeout or I/O error */
} pgw_startup_kind;

/*
 * Read one startup-phase packet (length word included) from a blocking or non-blocking
 * socket into buf (cap >= 10000 recommended), waiting at most timeout_ms in total.  *len is
 * the packet's length.  Does not answer SSLRequest/GSSENCRequest itself.  Never raises;
 * any process may call it.
 */
pgw_startup_kind pgw_read_startup(int sock, int timeout_ms, void *buf, size_t cap, size_t *len,
                                  int32_t *cancel_pid, int32_t *cancel_key);

/*
 * A new SCRAM-SHA-256 verifier for password (16 random salt bytes, 4096 iterations), in
 * PostgreSQL's format "SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>", palloc'd in
 * mem_cur.  Raises XX000 if libcrypto fails.  Any process.
 */
char *pgw_scram_make_verifier(const char *password);

/* True when password matches a stored verifier (constant time in the keys compared). */
bool pgw_scram_verify_password(const char *verifier, const char *password);

/*
 * Check newline-separated auth rules ("host DATABASE USER ADDRESS/MASK METHOD" or
 * "local DATABASE USER METHOD"; DATABASE and USER are "all" or comma-separated names;
 * METHOD trust|password|scram-sha-256|reject).  0, or -1 with "auth_rule N: reason" in err.
 */
int pgw_auth_rules_check(const char *rules, char *err, size_t errlen);

#endif
