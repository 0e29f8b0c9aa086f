/*
 * phc_int.h — internals of libphantom shared by its files (see README.md).  Functions here
 * carry the phc_ prefix and are not exported from the shared library (only phantom_* are).
 */
#ifndef PH_CLIENT_PHC_INT_H
#define PH_CLIENT_PHC_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "phantom.h"

/* ---- results --------------------------------------------------------------------------- */

typedef struct phc_block {
	struct phc_block *next;
	size_t used, cap;
	char data[];
} phc_block;

typedef struct phc_field {
	char *name;
	phantom_oid table;
	int column;
	phantom_oid type;
	int size;
	int mod;
	int format;
} phc_field;

typedef struct phc_value {
	int len;                /* -1 = NULL */
	char *v;                /* NUL-terminated ("" for NULL) */
} phc_value;

struct phantom_result {
	phantom_res_status status;
	int nfields;
	phc_field *fields;
	int ntuples, rowcap;
	phc_value **rows;
	char *tag;
	int nparams;
	phantom_oid *params;
	char *diag[128];        /* error/notice fields by their code letter */
	char *errmsg;           /* formatted, "" when none */
	phc_block *blocks;      /* arena for everything above */
	phantom_result *next;   /* the connection's queue of finished results */
};

phantom_result *phc_result_new(phantom_res_status status);
void *phc_alloc(phantom_result *r, size_t n);
char *phc_strdup(phantom_result *r, const char *s, size_t n);
/* A client-side error result carrying message (no server fields but 'M' and 'S'). */
phantom_result *phc_error_result(const char *message);
/* Build errmsg from the diag fields. */
void phc_format_error(phantom_result *r);

/* ---- connections -------------------------------------------------------------------------- */

typedef enum { PHC_IDLE, PHC_BUSY, PHC_COPY_IN, PHC_COPY_OUT } phc_state;
typedef enum { PHC_Q_SIMPLE, PHC_Q_EXTENDED, PHC_Q_PREPARE, PHC_Q_DESCRIBE, PHC_Q_CLOSE } phc_qkind;

typedef struct phc_param {
	char *name, *value;
	struct phc_param *next;
} phc_param;

struct phantom_conn {
	int sock;
	phantom_conn_status status;
	char *host, *port, *user, *dbname, *password, *appname, *options;
	int connect_timeout;         /* seconds, 0 = none */
	char *errmsg;
	char *in;                    /* received, [in_start, in_end) not yet parsed */
	size_t in_start, in_end, in_cap;
	char *out;                   /* queued for sending */
	size_t out_len, out_cap, msg_at;
	bool nonblocking;
	phc_state state;
	phc_qkind qkind;
	bool copy_needs_sync;        /* COPY started by the extended protocol */
	char txn;                    /* 'I', 'T', 'E' from ReadyForQuery */
	phantom_result *cur;         /* being built */
	phantom_result *qhead, *qtail;
	phc_param *params;           /* ParameterStatus */
	int32_t be_pid, be_key;
	phantom_notice_fn notice_fn;
	void *notice_arg;
	struct sockaddr_storage addr;
	socklen_t addrlen;
};

/* A message being read. */
typedef struct phc_msg {
	char type;
	const char *data;
	size_t len, pos;
	bool bad;                    /* a getter ran past the end */
} phc_msg;

void phc_set_error(phantom_conn *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The connection failed: mark it bad, queue an error result if a command was running. */
void phc_fail(phantom_conn *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void phc_out_begin(phantom_conn *c, char type);
void phc_out_bytes(phantom_conn *c, const void *p, size_t n);
void phc_out_str(phantom_conn *c, const char *s);
void phc_out_int32(phantom_conn *c, int32_t v);
void phc_out_int16(phantom_conn *c, int16_t v);
void phc_out_end(phantom_conn *c);
/* Wait until all output is sent (blocking) or send what fits (non-blocking): 0/1/-1 as
 * phantom_flush; force_wait makes even a non-blocking connection wait. */
int phc_flush(phantom_conn *c, bool force_wait);
/* Read what is available; with wait, block until at least one byte arrives or deadline_ms
 * (absolute, monotonic ms; 0 = none) passes.  1 got data, 0 nothing (non-waiting or timeout),
 * -1 failure (connection marked bad). */
int phc_read(phantom_conn *c, bool wait, int64_t deadline_ms);
/* Take the next complete message from the input buffer: 1, or 0 if incomplete, -1 if its
 * length is impossible (connection marked bad). */
int phc_next_msg(phantom_conn *c, phc_msg *m);
int64_t phc_now_ms(void);

int32_t phc_get_int32(phc_msg *m);
int16_t phc_get_int16(phc_msg *m);
const char *phc_get_str(phc_msg *m);
const char *phc_get_bytes(phc_msg *m, size_t n);

/* Error/notice message fields into r->diag. */
void phc_read_fields(phantom_result *r, phc_msg *m);
/* Handle a message valid in any state (ParameterStatus, NoticeResponse, ...): true if done. */
bool phc_common_message(phantom_conn *c, phc_msg *m);
void phc_set_param(phantom_conn *c, const char *name, const char *value);

#endif
