/*
 * pgw_placeholder.c — TEMPORARY stand-in for lib/pgwire's session, so that the process
 * model can be tested end to end before the protocol subsystem lands.  The protocol
 * engineer deletes this file (and its line in lib/pgwire/local.mk) with the real session.
 *
 * It does honestly and only this: accepts any user (trust), reports the usual
 * ParameterStatus values, BackendKeyData with the worker's cancel key and ReadyForQuery;
 * answers every Query — and the first extended-protocol message before each Sync — with
 * ERROR 0A000 "SQL is not available in this build yet"; ends on Terminate, end of file,
 * a protocol violation (FATAL 08P01) or PI_TERMINATE (FATAL 57P01).
 */
#include <errno.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "daemons/common/pqwire.h"
#include "pgwire/pgw.h"
#include "shm/latch.h"
#include "shm/proc.h"
#include "util/cfg.h"
#include "util/log.h"

#define WRITE_TIMEOUT_MS 10000

typedef struct sess {
	int sock;
	uint8_t out[4096];
	pq_buf b;
} sess;

static int
flush(sess *s)
{
	int rc = s->b.overflow ? -1 : pq_write_all(s->sock, s->b.data, s->b.len, WRITE_TIMEOUT_MS);

	pq_init(&s->b, s->out, sizeof(s->out));
	return rc;
}

static void
fatal(sess *s, const char *code, const char *message)
{
	pq_error(&s->b, "FATAL", code, message);
	flush(s);
}

/* Wait until the socket is readable; false when the session must end (PI_TERMINATE). */
static bool
wait_readable(sess *s)
{
	for (;;) {
		struct pollfd pf[2] = { { s->sock, POLLIN, 0 }, { latch_fd(), POLLIN, 0 } };
		uint32_t bits;

		if (poll(pf, pf[1].fd >= 0 ? 2 : 1, -1) < 0 && errno != EINTR)
			return false;
		if (pf[1].revents & POLLIN)
			latch_fd_consume();
		bits = proc_me ? atomic_fetch_and(&proc_me->ps_interrupts, ~(PI_RELOAD | PI_CANCEL)) : 0;
		if (bits & PI_RELOAD) {
			char err[512];

			if (cfg_reload(err, sizeof(err)) != 0)
				log_msg(LV_ERROR, "configuration file contains errors; keeping the current "
				        "settings: %s", err);
		}
		if (bits & PI_TERMINATE) {
			fatal(s, "57P01", "terminating connection due to administrator command");
			return false;
		}
		if (pf[0].revents)
			return true;
	}
}

/* Read exactly n bytes (buf may be NULL to discard); false on EOF, error or termination. */
static bool
read_exact(sess *s, uint8_t *buf, size_t n)
{
	uint8_t scratch[4096];

	while (n > 0) {
		size_t want = buf ? n : (n < sizeof(scratch) ? n : sizeof(scratch));
		ssize_t r = recv(s->sock, buf ? buf : scratch, want, MSG_DONTWAIT);

		if (r == 0)
			return false;
		if (r < 0) {
			if ((errno == EAGAIN || errno == EWOULDBLOCK) && wait_readable(s))
				continue;
			if (errno == EINTR)
				continue;
			return false;
		}
		if (buf)
			buf += r;
		n -= (size_t)r;
	}
	return true;
}

static void
parameter(sess *s, const char *name, const char *value)
{
	pq_begin(&s->b, 'S');
	pq_str(&s->b, name);
	pq_str(&s->b, value);
	pq_end(&s->b);
}

static void
ready(sess *s)
{
	pq_begin(&s->b, 'Z');
	pq_byte(&s->b, 'I');
	pq_end(&s->b);
}

static void
not_available(sess *s)
{
	pq_error(&s->b, "ERROR", "0A000", "SQL is not available in this build yet");
}

static bool
greet(sess *s, const uint8_t *pkt, size_t len)
{
	const char *user = pq_startup_param(pkt, len, "user");
	uint32_t minor = pq_get32(pkt + 4) & 0xffff;

	if (!pq_startup_valid(pkt, len)) {
		fatal(s, "08P01", "invalid startup packet layout: expected terminator as last byte");
		return false;
	}
	if (user == NULL || user[0] == '\0') {
		fatal(s, "28000", "no PostgreSQL user name specified in startup packet");
		return false;
	}
	if (minor > 0) {
		pq_begin(&s->b, 'v');
		pq_int32(&s->b, 0);
		pq_int32(&s->b, 0);
		pq_end(&s->b);
	}
	pq_begin(&s->b, 'R');
	pq_int32(&s->b, 0);
	pq_end(&s->b);
	parameter(s, "server_version", "15.0 (Phantom-DB 0.1.0)");
	parameter(s, "server_encoding", "UTF8");
	parameter(s, "client_encoding", "UTF8");
	parameter(s, "DateStyle", "ISO, MDY");
	parameter(s, "integer_datetimes", "on");
	parameter(s, "standard_conforming_strings", "on");
	parameter(s, "TimeZone", "UTC");
	pq_begin(&s->b, 'K');
	pq_int32(&s->b, (uint32_t)getpid());
	pq_int32(&s->b, proc_me ? (uint32_t)proc_me->ps_cancel_key : 0);
	pq_end(&s->b);
	ready(s);
	return flush(s) == 0;
}

void
pgw_session_main(int sock, const void *startup, size_t len)
{
	sess s;
	bool skipping = false;

	s.sock = sock;
	pq_init(&s.b, s.out, sizeof(s.out));
	if (len < 8 || !greet(&s, startup, len))
		return;
	for (;;) {
		uint8_t hdr[5];
		uint32_t mlen;

		if (!read_exact(&s, hdr, 5))
			return;
		mlen = pq_get32(hdr + 1);
		if (mlen < 4 || mlen > (uint64_t)settings.max_message_size) {
			fatal(&s, "08P01", "invalid message length");
			return;
		}
		if (!read_exact(&s, NULL, mlen - 4))
			return;
		switch (hdr[0]) {
		case 'X':
			return;
		case 'Q':
			not_available(&s);
			ready(&s);
			break;
		case 'S':
			skipping = false;
			ready(&s);
			break;
		case 'P': case 'B': case 'D': case 'E': case 'C': case 'F':
			if (!skipping)
				not_available(&s);
			skipping = true;
			break;
		case 'H': case 'd': case 'c': case 'f':
			break;
		default: {
			char m[64];

			snprintf(m, sizeof(m), "invalid frontend message type %d", hdr[0]);
			fatal(&s, "08P01", m);
			return;
		}
		}
		if (flush(&s) != 0)
			return;
	}
}
