/*
 * pgw_conn.c — one client connection's socket I/O: framed, size-limited reads with deadlines
 * and interrupt checks; batched writes that never raise.  See pgw_int.h and README.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pgwire/pgw.h"
#include "pgwire/pgw_int.h"
#include "shm/latch.h"
#include "shm/proc.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"

#define IN_CHUNK 8192
#define IN_KEEP_MAX (1024 * 1024)   /* shrink the input buffer back when larger than this */
#define OUT_INITIAL (16 * 1024)
#define POLL_SLICE_MS 500           /* interrupt check interval while blocked */

void
pgw_conn_init(pgw_conn *c, int sock, mem_ctx *ctx)
{
	int fl;

	memset(c, 0, sizeof(*c));
	c->sock = sock;
	c->ctx = ctx;
	c->in_cap = IN_CHUNK;
	c->in = mem_alloc(ctx, c->in_cap);
	c->out_cap = OUT_INITIAL;
	c->out = mem_alloc(ctx, c->out_cap);
	c->msg_at = SIZE_MAX;
	/* non-blocking: every wait goes through poll() so interrupts are seen */
	fl = fcntl(sock, F_GETFL);
	if (fl >= 0)
		(void)fcntl(sock, F_SETFL, fl | O_NONBLOCK);
	snprintf(c->peer, sizeof(c->peer), "[local]");
}

_Noreturn void
pgw_protocol_violation(const char *fmt, ...)
{
	va_list ap;
	char buf[ERR_MSG_MAX];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ERR_BEGIN(ERRCODE_PROTOCOL_VIOLATION);
	err_level(LV_FATAL);
	err_throw("%s", buf);
}

/* ---- waiting ----------------------------------------------------------------------------- */

static void
check_interrupts(pgw_conn *c, pgw_wait how)
{
	unsigned int bits;

	if (proc_me == NULL)
		return;
	bits = atomic_load(&proc_me->ps_interrupts);
	if (bits & PI_RELOAD) {
		char err[512];

		atomic_fetch_and(&proc_me->ps_interrupts, ~PI_RELOAD);
		if (cfg_reload(err, sizeof(err)) != 0)
			log_msg(LV_ERROR, "configuration file contains errors; keeping the current "
			        "settings: %s", err);
	}
	if (bits & PI_TERMINATE) {
		/* left set: the worker loop decides what else the request means for it */
		ph_fatal(ERRCODE_ADMIN_SHUTDOWN, "terminating connection due to administrator command");
	}
	if (bits & PI_CANCEL) {
		if (how == PGW_WAIT_COPY) {
			atomic_fetch_and(&proc_me->ps_interrupts, ~PI_CANCEL);
			ph_error(ERRCODE_QUERY_CANCELED, "canceling statement due to user request");
		}
		if (how == PGW_WAIT_IDLE)   /* a cancel for a query that has already finished */
			atomic_fetch_and(&proc_me->ps_interrupts, ~PI_CANCEL);
	}
}

/*
 * Wait until the socket has the events, checking interrupts whenever something happens:
 * the worker's latch descriptor (signals and latch_set turned into ps_interrupts bits) is
 * polled beside the socket; without it (tests) interrupts are looked at every
 * POLL_SLICE_MS.
 */
static void
wait_socket(pgw_conn *c, short events, pgw_wait how)
{
	for (;;) {
		struct pollfd pfd[2] = {{.fd = c->sock, .events = events},
		                        {.fd = latch_fd(), .events = POLLIN}};
		int nfds = pfd[1].fd >= 0 ? 2 : 1;
		int timeout = nfds == 2 ? -1 : POLL_SLICE_MS, r;
		int64_t now = proc_now_us();

		check_interrupts(c, how);
		if (how == PGW_WAIT_STARTUP && c->deadline_us > 0) {
			if (now >= c->deadline_us)
				ph_fatal(ERRCODE_QUERY_CANCELED, "canceling authentication due to timeout");
			if (timeout < 0 || (c->deadline_us - now) / 1000 < timeout)
				timeout = (int)((c->deadline_us - now) / 1000) + 1;
		}
		if (how == PGW_WAIT_IDLE && c->idle_deadline_us > 0) {
			if (now >= c->idle_deadline_us)
				ph_fatal(ERRCODE_IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
				         "terminating connection due to idle-in-transaction timeout");
			if (timeout < 0 || (c->idle_deadline_us - now) / 1000 < timeout)
				timeout = (int)((c->idle_deadline_us - now) / 1000) + 1;
		}
		r = poll(pfd, (nfds_t)nfds, timeout);
		if (r > 0 && nfds == 2 && (pfd[1].revents & POLLIN)) {
			latch_fd_consume();
			continue;   /* look at the interrupt bits first */
		}
		if (r > 0)
			return;   /* readable/writable, or an error/hangup the next call reports */
		if (r < 0 && errno != EINTR) {
			c->broken = true;
			ph_fatal(ERRCODE_CONNECTION_FAILURE, "could not wait for client socket: %s",
			         strerror(errno));
		}
	}
}

void
pgw_conn_wait_readable(pgw_conn *c, pgw_wait how)
{
	if (c->in_end > c->in_start)
		return;
	wait_socket(c, POLLIN, how);
}

/* ---- reading ----------------------------------------------------------------------------- */

/* Read more bytes into the input buffer, at least one.  Returns false at EOF. */
static bool
fill(pgw_conn *c, size_t want, pgw_wait how)
{
	if (c->in_cap - c->in_end < want) {
		/* move the unconsumed bytes to the front, then grow if still short */
		size_t have = c->in_end - c->in_start;

		if (c->in_start > 0) {
			memmove(c->in, c->in + c->in_start, have);
			c->in_start = 0;
			c->in_end = have;
		}
		if (c->in_cap - c->in_end < want) {
			size_t cap = c->in_cap;

			while (cap - c->in_end < want)
				cap *= 2;
			c->in = repalloc(c->in, cap);
			c->in_cap = cap;
		}
	}
	for (;;) {
		ssize_t n = recv(c->sock, c->in + c->in_end, c->in_cap - c->in_end, 0);

		if (n > 0) {
			c->in_end += (size_t)n;
			return true;
		}
		if (n == 0)
			return false;
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			wait_socket(c, POLLIN, how);
			continue;
		}
		if (errno == EINTR)
			continue;
		c->broken = true;
		ph_fatal(ERRCODE_CONNECTION_FAILURE, "could not receive data from client: %s",
		         strerror(errno));
	}
}

static uint32_t
be32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3];
}

int
pgw_conn_recv(pgw_conn *c, pgw_msg *m, pgw_wait how)
{
	uint32_t len;
	size_t have;

	if (c->broken)
		return 0;
	/* the previous message is consumed: give back a buffer a huge message left behind */
	if (c->in_cap > IN_KEEP_MAX && c->in_end - c->in_start < IN_CHUNK) {
		size_t have0 = c->in_end - c->in_start;
		char *fresh = mem_alloc(c->ctx, IN_CHUNK);

		memcpy(fresh, c->in + c->in_start, have0);
		pfree(c->in);
		c->in = fresh;
		c->in_cap = IN_CHUNK;
		c->in_start = 0;
		c->in_end = have0;
	}
	while (c->in_end - c->in_start < 5) {
		bool at_start = c->in_end == c->in_start;

		if (!fill(c, IN_CHUNK / 2, at_start ? how : (how == PGW_WAIT_IDLE ? PGW_WAIT_MESSAGE
		                                                                    : how))) {
			if (at_start)
				return 0;
			pgw_protocol_violation("unexpected EOF within message header");
		}
	}
	m->type = c->in[c->in_start];
	len = be32(c->in + c->in_start + 1);
	if (len < 4)
		pgw_protocol_violation("invalid message length %u for message type 0x%02x", len,
		                       (unsigned char)m->type);
	if ((int64_t)len - 4 > settings.max_message_size)
		pgw_protocol_violation("message of type 0x%02x is too large: %u bytes, limit %lld",
		                       (unsigned char)m->type, len,
		                       (long long)settings.max_message_size);
	/* read the body; grow only by what arrives (a lying length costs nothing up front) */
	while ((have = c->in_end - c->in_start) < (size_t)len + 1) {
		size_t missing = (size_t)len + 1 - have;

		if (!fill(c, missing < IN_CHUNK ? missing : IN_CHUNK,
		          how == PGW_WAIT_IDLE ? PGW_WAIT_MESSAGE : how))
			pgw_protocol_violation("unexpected EOF within message of type 0x%02x",
			                       (unsigned char)m->type);
	}
	m->data = c->in + c->in_start + 5;
	m->len = len - 4;
	m->pos = 0;
	c->in_start += (size_t)len + 1;
	return 1;
}

/* ---- field readers ------------------------------------------------------------------------ */

static _Noreturn void
bad_format(pgw_msg *m)
{
	pgw_protocol_violation("invalid message format in message of type 0x%02x",
	                       (unsigned char)m->type);
}

const char *
pgw_get_bytes(pgw_msg *m, size_t n)
{
	const char *p;

	if (m->len - m->pos < n)
		bad_format(m);
	p = m->data + m->pos;
	m->pos += n;
	return p;
}

int32_t
pgw_get_int32(pgw_msg *m)
{
	return (int32_t)be32(pgw_get_bytes(m, 4));
}

int16_t
pgw_get_int16(pgw_msg *m)
{
	const unsigned char *u = (const unsigned char *)pgw_get_bytes(m, 2);

	return (int16_t)((u[0] << 8) | u[1]);
}

uint8_t
pgw_get_int8(pgw_msg *m)
{
	return (uint8_t)*pgw_get_bytes(m, 1);
}

const char *
pgw_get_str(pgw_msg *m)
{
	const char *s = m->data + m->pos;
	const char *nul = memchr(s, '\0', m->len - m->pos);

	if (nul == NULL)
		bad_format(m);
	m->pos += (size_t)(nul - s) + 1;
	return s;
}

void
pgw_get_end(pgw_msg *m)
{
	if (m->pos != m->len)
		bad_format(m);
}

/* ---- writing ------------------------------------------------------------------------------ */

static void
out_reserve(pgw_conn *c, size_t n)
{
	if (c->out_cap - c->out_len < n) {
		size_t cap = c->out_cap;

		while (cap - c->out_len < n)
			cap *= 2;
		c->out = repalloc(c->out, cap);
		c->out_cap = cap;
	}
}

void
pgw_begin(pgw_conn *c, char type)
{
	PH_ASSERT(c->msg_at == SIZE_MAX);
	out_reserve(c, 5);
	c->msg_at = c->out_len;
	c->out[c->out_len] = type;
	c->out_len += 5;
}

void
pgw_put_bytes(pgw_conn *c, const void *p, size_t n)
{
	out_reserve(c, n);
	memcpy(c->out + c->out_len, p, n);
	c->out_len += n;
}

void
pgw_put_str(pgw_conn *c, const char *s)
{
	pgw_put_bytes(c, s, strlen(s) + 1);
}

void
pgw_put_int8(pgw_conn *c, uint8_t v)
{
	pgw_put_bytes(c, &v, 1);
}

void
pgw_put_int16(pgw_conn *c, int16_t v)
{
	unsigned char b[2] = {(unsigned char)((uint16_t)v >> 8), (unsigned char)v};

	pgw_put_bytes(c, b, 2);
}

void
pgw_put_int32(pgw_conn *c, int32_t v)
{
	uint32_t u = (uint32_t)v;
	unsigned char b[4] = {(unsigned char)(u >> 24), (unsigned char)(u >> 16),
	                      (unsigned char)(u >> 8), (unsigned char)u};

	pgw_put_bytes(c, b, 4);
}

void
pgw_end(pgw_conn *c)
{
	uint32_t len = (uint32_t)(c->out_len - c->msg_at - 1);
	unsigned char *p = (unsigned char *)c->out + c->msg_at + 1;

	PH_ASSERT(c->msg_at != SIZE_MAX);
	p[0] = (unsigned char)(len >> 24);
	p[1] = (unsigned char)(len >> 16);
	p[2] = (unsigned char)(len >> 8);
	p[3] = (unsigned char)len;
	c->msg_at = SIZE_MAX;
	if (c->out_len >= PGW_FLUSH_AT)
		pgw_flush(c);
}

void
pgw_abandon_partial(pgw_conn *c)
{
	if (c->msg_at != SIZE_MAX) {
		c->out_len = c->msg_at;
		c->msg_at = SIZE_MAX;
	}
}

/* A write failed: drop output and ask the engine to stop at its next interrupt check. */
static void
mark_broken(pgw_conn *c, const char *why)
{
	if (!c->broken)
		log_msg(LV_INFO, "could not send data to client %s: %s", c->peer, why);
	c->broken = true;
	c->out_len = 0;
	if (proc_me && !(atomic_fetch_or(&proc_me->ps_interrupts, PI_TERMINATE) & PI_TERMINATE))
		c->set_terminate = true;
}

bool
pgw_flush(pgw_conn *c)
{
	size_t done = 0;

	if (c->broken) {
		c->out_len = 0;
		return false;
	}
	while (done < c->out_len) {
		ssize_t n = send(c->sock, c->out + done, c->out_len - done, MSG_NOSIGNAL);

		if (n > 0) {
			done += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			struct pollfd pfd[2] = {{.fd = c->sock, .events = POLLOUT},
			                        {.fd = latch_fd(), .events = POLLIN}};
			int nfds = pfd[1].fd >= 0 ? 2 : 1;

			/* the client is not reading: keep waiting, but give up on shutdown */
			if (poll(pfd, (nfds_t)nfds, nfds == 2 ? -1 : POLL_SLICE_MS) < 0 && errno != EINTR) {
				mark_broken(c, strerror(errno));
				return false;
			}
			if (nfds == 2 && (pfd[1].revents & POLLIN))
				latch_fd_consume();
			if (proc_me && (atomic_load(&proc_me->ps_interrupts) & PI_TERMINATE)) {
				mark_broken(c, "terminating while the client does not read");
				return false;
			}
			continue;
		}
		mark_broken(c, n < 0 ? strerror(errno) : "connection closed");
		return false;
	}
	c->out_len = 0;
	if (c->out_cap > IN_KEEP_MAX) {
		pfree(c->out);
		c->out_cap = OUT_INITIAL;
		c->out = mem_alloc(c->ctx, c->out_cap);
	}
	return true;
}

/* ---- the first packet, for a listener ------------------------------------------------------ */

/* Read exactly n bytes before the deadline; 1 done, 0 EOF before any byte, -1 otherwise. */
static int
read_full(int sock, char *buf, size_t n, int64_t deadline)
{
	size_t got = 0;

	while (got < n) {
		int64_t left = (deadline - proc_now_us()) / 1000;
		struct pollfd pfd = {.fd = sock, .events = POLLIN};
		ssize_t r;

		if (left <= 0)
			return -1;
		r = poll(&pfd, 1, left > POLL_SLICE_MS ? POLL_SLICE_MS : (int)left);
		if (r < 0 && errno != EINTR)
			return -1;
		if (r <= 0)
			continue;
		r = recv(sock, buf + got, n - got, MSG_DONTWAIT);
		if (r == 0)
			return got == 0 ? 0 : -1;
		if (r < 0) {
			if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
				continue;
			return -1;
		}
		got += (size_t)r;
	}
	return 1;
}

pgw_startup_kind
pgw_read_startup(int sock, int timeout_ms, void *buf, size_t cap, size_t *len,
                 int32_t *cancel_pid, int32_t *cancel_key)
{
	int64_t deadline = proc_now_us() + (int64_t)timeout_ms * 1000;
	char *b = buf;
	uint32_t n, code;
	int r;

	*len = 0;
	if (cap < 8)
		return PGW_STARTUP_BAD;
	r = read_full(sock, b, 4, deadline);
	if (r <= 0)
		return r == 0 ? PGW_STARTUP_EOF : PGW_STARTUP_BAD;
	n = be32(b);
	if (n < 8 || n > 10000 || n > cap)
		return PGW_STARTUP_BAD;
	if (read_full(sock, b + 4, n - 4, deadline) <= 0)
		return PGW_STARTUP_BAD;
	*len = n;
	code = be32(b + 4);
	if (code == 80877103u && n == 8)
		return PGW_STARTUP_SSL;
	if (code == 80877104u && n == 8)
		return PGW_STARTUP_GSSENC;
	if (code == 80877102u) {
		if (n != 16)
			return PGW_STARTUP_BAD;
		*cancel_pid = (int32_t)be32(b + 8);
		*cancel_key = (int32_t)be32(b + 12);
		return PGW_STARTUP_CANCEL;
	}
	return PGW_STARTUP_MESSAGE;
}
