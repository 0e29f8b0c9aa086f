/*
 * pgw.h — the server side of PostgreSQL's frontend/backend protocol v3 (lib/pgwire).
 *
 * Called by a query worker (daemons/worker) for each connection the listener hands it.
 * The worker has already set PS_SESSION and the session fields of its process-table slot
 * (ps_cancel_key is what BackendKeyData must send), switched mem_cur to a session context,
 * and will close sock, reset session settings and delete that context when this returns.
 * The session must not close sock.  It should poll latch_fd() (lib/shm/latch.h) beside the
 * socket and react to ps_interrupts: PI_TERMINATE ends the session with FATAL 57P01,
 * PI_CANCEL cancels the running statement (57014), PI_RELOAD calls cfg_reload().
 */
#ifndef PH_PGWIRE_PGW_H
#define PH_PGWIRE_PGW_H

#include <stddef.h>

/* Serve one client session on sock, whose StartupMessage (length word included) the listener already read. Returns when the session ends; never raises. */
void pgw_session_main(int sock, const void *startup, size_t len);

#endif
