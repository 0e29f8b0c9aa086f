/*
 * pgw_int.h — internals of lib/pgwire shared by its files (not for other folders).
 *
 * pgw_conn is one client connection's socket and buffers (see README.md, invariants 1-5).
 * Reading: pgw_conn_recv() returns one whole message, whose body stays valid until the next
 * pgw_conn_recv(); the pgw_get_* helpers take fields out of it and raise FATAL 08P01 when the
 * body is shorter than the field or a string has no terminator.
 * Writing: pgw_begin(type), pgw_put_*..., pgw_end() append one message to the output buffer;
 * pgw_flush() sends it.  Writes never raise (a failed write marks the connection broken).
 * All functions run in the query worker serving the session; none takes a lock.
 */
#ifndef PH_PGWIRE_PGW_INT_H
#define PH_PGWIRE_PGW_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/mem.h"

/* How a read waits: what it checks while the socket is quiet. */
typedef enum pgw_wait {
	PGW_WAIT_STARTUP,   /* before authentication: the connection's deadline applies */
	PGW_WAIT_IDLE,      /* between commands: PI_TERMINATE ends, PI_CANCEL is dropped */
	PGW_WAIT_MESSAGE,   /* the rest of a message already begun */
	PGW_WAIT_COPY       /* CopyData for COPY FROM STDIN: PI_CANCEL raises 57014 */
} pgw_wait;

typedef struct pgw_conn {
	int sock;
	bool broken;            /* a read or write failed: send nothing more */
	bool set_terminate;     /* we set PI_TERMINATE on our own slot after a failed write */
	mem_ctx *ctx;           /* owns the buffers */
	char *in;               /* received bytes: [in_start, in_end) not yet consumed */
	size_t in_start, in_end, in_cap;
	char *out;              /* messages not yet sent */
	size_t out_len, out_cap;
	size_t msg_at;          /* offset of the message being built, or SIZE_MAX */
	int64_t deadline_us;    /* PGW_WAIT_STARTUP reads fail after this (proc_now_us clock) */
	int64_t idle_deadline_us; /* PGW_WAIT_IDLE: idle-in-transaction timeout, 0 = none */
	char peer[64];          /* "127.0.0.1:5433" or "[local]" for the log */
} pgw_conn;

typedef struct pgw_msg {
	char type;
	const char *data;
	size_t len;
	size_t pos;
} pgw_msg;

#define PGW_FLUSH_AT (32 * 1024)

void pgw_conn_init(pgw_conn *c, int sock, mem_ctx *ctx);
/* One message: 1, or 0 at a clean end of input between messages (or a broken connection).
 * Raises FATAL 08P01 for a bad length or EOF inside a message, FATAL 57P01 on PI_TERMINATE,
 * FATAL 25P03 when idle_deadline_us passes, FATAL 08006 for a read error, and for
 * PGW_WAIT_STARTUP FATAL 57014 when the deadline passes. */
int pgw_conn_recv(pgw_conn *c, pgw_msg *m, pgw_wait how);
/* Wait until the socket is readable or the connection's deadline passes (for the
 * startup-packet reader); same raises as pgw_conn_recv. */
void pgw_conn_wait_readable(pgw_conn *c, pgw_wait how);

void pgw_begin(pgw_conn *c, char type);
void pgw_put_bytes(pgw_conn *c, const void *p, size_t n);
void pgw_put_str(pgw_conn *c, const char *s);      /* with its NUL */
void pgw_put_int8(pgw_conn *c, uint8_t v);
void pgw_put_int16(pgw_conn *c, int16_t v);
void pgw_put_int32(pgw_conn *c, int32_t v);
void pgw_end(pgw_conn *c);
/* Drop a message whose building was interrupted by an error. */
void pgw_abandon_partial(pgw_conn *c);
/* Send everything buffered; false when the connection is (now) broken. */
bool pgw_flush(pgw_conn *c);

/* Field readers; raise FATAL 08P01 "invalid message format" on short/malformed bodies. */
int32_t pgw_get_int32(pgw_msg *m);
int16_t pgw_get_int16(pgw_msg *m);
uint8_t pgw_get_int8(pgw_msg *m);
const char *pgw_get_str(pgw_msg *m);
const char *pgw_get_bytes(pgw_msg *m, size_t n);
/* The body must be fully consumed. */
void pgw_get_end(pgw_msg *m);
/* Raise FATAL 08P01 with a message (and a log line naming the peer, by the catcher). */
_Noreturn void pgw_protocol_violation(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Authentication (pgw_auth.c): runs the method chosen by auth_rule for this client; returns
 * after AuthenticationOk was queued, raises FATAL 28000/28P01/08P01 otherwise. */
void pgw_authenticate(pgw_conn *c, const char *user, const char *database);

#endif
