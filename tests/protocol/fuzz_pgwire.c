/*
 * fuzz_pgwire.c — random and mutated message streams against the server side of the protocol
 * (pgw_session_main over the engine test double).  For each case the session runs in a child
 * process on one end of a socketpair; the test writes the (mutated) stream, closes its
 * writing side and reads until EOF.  A case fails when the session process dies by a signal,
 * exits with a non-zero status, does not end within 10 s (hang), or sends a malformed
 * message stream.
 *
 * Cases are derived from (seed, case number) only, so any failure is reproduced with
 *   PHANTOM_FUZZ_SEED=<seed> PHANTOM_FUZZ_CASE=<n> tests/protocol/fuzz_pgwire
 * PHANTOM_FUZZ_SECONDS sets the time budget (default 15).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../pgwire/msgbuf.h"
#include "pgwire/pgw.h"
#include "shm/proc.h"
#include "util/cfg.h"
#include "util/log.h"
#include "util/mem.h"

#define DEFAULT_SEED 20261124u
#define MAX_STREAM (1 << 16)

/* xorshift64*: small, fast, and the same everywhere */
static uint64_t rng;

static uint64_t
rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ull;
}

static uint32_t
below(uint32_t n)
{
	return n ? (uint32_t)(rnd() % n) : 0;
}

typedef struct buf {
	unsigned char b[MAX_STREAM];
	size_t n;
	size_t starts[256];   /* message start offsets */
	int nmsg;
	msgbuf m;
} buf;

/* The msgbuf view of s, synchronised around each helper call. */
static msgbuf *
mb(buf *s)
{
	s->m.b = s->b;
	s->m.cap = sizeof(s->b);
	s->m.n = s->n;
	return &s->m;
}

#define SYNC(s, call) do { msgbuf *m_ = mb(s); call; (s)->n = m_->n; } while (0)

static void
put(buf *s, const void *p, size_t n)
{
	SYNC(s, mb_put(m_, p, n));
}

static void
put32(buf *s, uint32_t v)
{
	SYNC(s, mb_put32(m_, v));
}

static void
put16(buf *s, uint16_t v)
{
	SYNC(s, mb_put16(m_, v));
}

static void
puts0(buf *s, const char *str)
{
	SYNC(s, mb_str(m_, str));
}

static void
begin(buf *s, char type)
{
	if (s->nmsg < 256)
		s->starts[s->nmsg++] = s->n;
	SYNC(s, mb_begin(m_, type));
}

static void
end(buf *s)
{
	SYNC(s, mb_end(m_));
}

static void
q(buf *s, const char *sql)
{
	begin(s, 'Q');
	puts0(s, sql);
	end(s);
}

static void
parse(buf *s, const char *name, const char *sql, int ntypes)
{
	begin(s, 'P');
	puts0(s, name);
	puts0(s, sql);
	put16(s, (uint16_t)ntypes);
	for (int i = 0; i < ntypes; i++)
		put32(s, 23);
	end(s);
}

static void
bind_msg(buf *s, const char *portal, const char *stmt, int nparams, int rformat)
{
	begin(s, 'B');
	puts0(s, portal);
	puts0(s, stmt);
	put16(s, 0);
	put16(s, (uint16_t)nparams);
	for (int i = 0; i < nparams; i++) {
		put32(s, 2);
		put(s, "42", 2);
	}
	put16(s, 1);
	put16(s, (uint16_t)rformat);
	end(s);
}

static void
simple(buf *s, char type, char kind, const char *name)
{
	begin(s, type);
	if (kind)
		put(s, &kind, 1);
	if (name)
		puts0(s, name);
	end(s);
}

static void
execute(buf *s, const char *portal, uint32_t max)
{
	begin(s, 'E');
	puts0(s, portal);
	put32(s, max);
	end(s);
}

/* One valid session stream (after startup), chosen by the generator. */
static void
valid_stream(buf *s)
{
	static const char *const queries[] = {
		"SELECT 1", "SELECT 1, 'a', NULL", "SELECT * FROM generate_series(1, 20)",
		"BEGIN", "COMMIT", "ROLLBACK", "SELECT 1/0", "SELEC 1", "SET application_name = 'f'",
		"SHOW application_name", "CREATE TABLE t (a int, b text)", "INSERT INTO t VALUES (1, 'x')",
		"SELECT * FROM t", "SELECT count(*) FROM t", "DO $$BEGIN RAISE NOTICE 'n'; END$$",
		"VALUES (1, 2), (3, 4)", "", ";", "SELECT $1", "COPY t TO STDOUT",
	};
	int n = 1 + (int)below(6);

	for (int i = 0; i < n; i++) {
		switch (below(7)) {
		case 0:
		case 1:
			q(s, queries[below(sizeof(queries) / sizeof(queries[0]))]);
			break;
		case 2:
			parse(s, "", queries[below(sizeof(queries) / sizeof(queries[0]))], 0);
			bind_msg(s, "", "", 0, (int)below(2));
			simple(s, 'D', 'P', "");
			execute(s, "", below(3));
			simple(s, 'S', 0, NULL);
			break;
		case 3:
			parse(s, "s1", "SELECT $1::int4, 'x'", 1);
			simple(s, 'D', 'S', "s1");
			bind_msg(s, "p1", "s1", 1, 0);
			execute(s, "p1", 1);
			execute(s, "p1", 0);
			simple(s, 'C', 'P', "p1");
			simple(s, 'C', 'S', "s1");
			simple(s, 'H', 0, NULL);
			simple(s, 'S', 0, NULL);
			break;
		case 4:
			q(s, "CREATE TABLE c (a int, b text)");
			q(s, "COPY c FROM STDIN");
			begin(s, 'd');
			put(s, "1\tx\n2\ty\n", 8);
			end(s);
			if (below(2))
				simple(s, 'c', 0, NULL);
			else
				simple(s, 'f', 0, "stop");
			q(s, "COPY c TO STDOUT (FORMAT csv)");
			break;
		case 5:
			parse(s, "", "SELECT * FROM generate_series(1, 5)", 0);
			bind_msg(s, "", "", 0, 0);
			execute(s, "", 2);
			execute(s, "", 2);
			simple(s, 'S', 0, NULL);
			break;
		default:
			simple(s, below(2) ? 'S' : 'H', 0, NULL);
			break;
		}
	}
	if (below(2))
		simple(s, 'X', 0, NULL);
}

static void
mutate(buf *s)
{
	int rounds = 1 + (int)below(4);

	for (int r = 0; r < rounds && s->n > 0; r++) {
		switch (below(7)) {
		case 0:   /* flip bits */
			for (int k = 0; k < 1 + (int)below(8); k++)
				s->b[below((uint32_t)s->n)] ^= (unsigned char)(1u << below(8));
			break;
		case 1:   /* random byte values */
			for (int k = 0; k < 1 + (int)below(4); k++)
				s->b[below((uint32_t)s->n)] = (unsigned char)rnd();
			break;
		case 2: { /* change a length field */
			size_t m = s->nmsg ? s->starts[below((uint32_t)s->nmsg)] + 1 : 1;
			static const uint32_t lens[] = {0, 3, 4, 5, 0x7fffffff, 0xffffffff, 65536, 70000,
			                                1u << 30};
			uint32_t v = below(2) ? lens[below(9)] : (uint32_t)rnd();

			if (m + 4 <= s->n)
				for (int k = 0; k < 4; k++)
					s->b[m + (size_t)k] = (unsigned char)(v >> (24 - 8 * k));
			break;
		}
		case 3:   /* truncate */
			s->n = below((uint32_t)s->n + 1);
			break;
		case 4: { /* insert random bytes */
			size_t pos = below((uint32_t)s->n + 1), k = 1 + below(16);

			if (s->n + k <= sizeof(s->b)) {
				memmove(s->b + pos + k, s->b + pos, s->n - pos);
				for (size_t i = 0; i < k; i++)
					s->b[pos + i] = (unsigned char)rnd();
				s->n += k;
			}
			break;
		}
		case 5: { /* delete a range */
			size_t pos = below((uint32_t)s->n), k = 1 + below(32);

			if (pos + k > s->n)
				k = s->n - pos;
			memmove(s->b + pos, s->b + pos + k, s->n - pos - k);
			s->n -= k;
			break;
		}
		default: { /* duplicate a stretch */
			size_t pos = below((uint32_t)s->n), k = 1 + below(64);

			if (pos + k > s->n)
				k = s->n - pos;
			if (s->n + k <= sizeof(s->b)) {
				memmove(s->b + pos + 2 * k, s->b + pos + k, s->n - pos - k);
				memcpy(s->b + pos + k, s->b + pos, k);
				s->n += k;
			}
			break;
		}
		}
	}
}

static void
startup_packet(buf *s, bool mutate_it)
{
	s->n = 0;
	put32(s, 0);
	put32(s, 196608);
	puts0(s, "user");
	puts0(s, below(4) ? "bob" : "alice");
	puts0(s, "database");
	puts0(s, "db");
	if (below(3) == 0) {
		puts0(s, "application_name");
		puts0(s, "fuzz");
	}
	put(s, "", 1);
	for (int k = 0; k < 4; k++)
		s->b[k] = (unsigned char)(s->n >> (24 - 8 * k));
	if (mutate_it) {
		s->nmsg = 0;
		mutate(s);
	}
}

/* Check the server's answer is a sequence of whole, well-formed messages. */
static const char *
check_output(const unsigned char *o, size_t n)
{
	size_t p = 0;

	while (p < n) {
		uint32_t len;

		if (n - p < 5)
			return "output ends inside a message header";
		if (!strchr("RSKZTDCIENtn123sGHdcv", o[p]))
			return "unknown message type from the server";
		len = (uint32_t)o[p + 1] << 24 | (uint32_t)o[p + 2] << 16 | (uint32_t)o[p + 3] << 8 |
		      o[p + 4];
		if (len < 4 || n - p - 1 < len)
			return "output ends inside a message body";
		if ((o[p] == 'E' || o[p] == 'N') && (len < 6 || o[p + 5] == 0))
			return "error or notice without fields";
		p += 1 + len;
	}
	return NULL;
}

/* Run one case; NULL on success, else what went wrong. */
static const char *
run_case(uint64_t seed, unsigned long n, int *out_size)
{
	static buf start, s;
	static unsigned char out[1 << 22];
	size_t outn = 0, sent = 0;
	int sv[2], st;
	pid_t pid;
	int64_t deadline;
	int kind;
	const char *why = NULL;

	rng = seed ^ (0x9E3779B97F4A7C15ull * (n + 1));
	(void)rnd();
	kind = (int)below(10);
	memset(&s, 0, sizeof(s));
	startup_packet(&start, kind == 0);
	if (kind == 1) {   /* pure noise */
		s.n = below(2048);
		for (size_t i = 0; i < s.n; i++)
			s.b[i] = (unsigned char)rnd();
	} else {
		valid_stream(&s);
		if (kind != 2)
			mutate(&s);
	}
	*out_size = (int)s.n;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return "socketpair failed";
	pid = fork();
	if (pid < 0)
		return "fork failed";
	if (pid == 0) {
		char err[128];

		close(sv[0]);
		cfg_override(kind == 3 ? "auth_rule=local all alice scram-sha-256\nlocal all all trust"
		                       : "auth_rule=local all all trust", err, sizeof(err));
		pgw_session_main(sv[1], start.b, start.n);
		exit(0);
	}
	close(sv[1]);
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	deadline = (int64_t)time(NULL) + 10;
	for (;;) {
		struct pollfd pfd = {.fd = sv[0], .events = POLLIN | (sent < s.n ? POLLOUT : 0)};
		ssize_t r;

		if (time(NULL) > deadline) {
			why = "hang: the session did not end within 10 s";
			kill(pid, SIGKILL);
			break;
		}
		if (poll(&pfd, 1, 1000) <= 0)
			continue;
		if ((pfd.revents & POLLOUT) && sent < s.n) {
			r = send(sv[0], s.b + sent, s.n - sent, MSG_NOSIGNAL);
			if (r > 0)
				sent += (size_t)r;
			else if (r < 0 && errno != EAGAIN)
				sent = s.n;   /* the server closed first: fine */
			if (sent == s.n)
				shutdown(sv[0], SHUT_WR);
		}
		if (pfd.revents & (POLLIN | POLLHUP | POLLERR)) {
			r = recv(sv[0], out + outn, outn < sizeof(out) ? sizeof(out) - outn : 0, 0);
			if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
				if (sent < s.n)
					shutdown(sv[0], SHUT_WR);
				break;
			}
			if (r > 0 && outn + (size_t)r < sizeof(out))
				outn += (size_t)r;
			else if (r > 0)
				outn = 0;   /* huge output: keep reading, check framing of the tail only */
		}
		if (s.n == 0 && sent == 0) {
			shutdown(sv[0], SHUT_WR);
			sent = 1;
		}
	}
	close(sv[0]);
	for (useconds_t pause = 20, waited = 0; waited < 5000000; waited += pause, pause *= 2) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			goto reaped;
		usleep(pause < 100000 ? pause : (pause = 100000));
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return why ? why : "hang: the session process did not exit after EOF";
reaped:
	if (why)
		return why;
	if (WIFSIGNALED(st))
		return WTERMSIG(st) == SIGABRT ? "session process aborted (assertion)"
		                               : "session process crashed (signal)";
	if (WEXITSTATUS(st) != 0)
		return "session process exited with a non-zero status";
	if (outn > 0 && outn < sizeof(out) - 1)
		return check_output(out, outn);
	return NULL;
}

int
main(void)
{
	const char *e;
	uint64_t seed = DEFAULT_SEED;
	double budget = 15;
	long only = -1;
	unsigned long n, failures = 0;
	struct timespec t0, t1;

	if ((e = getenv("PHANTOM_FUZZ_SEED")) && *e)
		seed = strtoull(e, NULL, 10);
	if ((e = getenv("PHANTOM_FUZZ_SECONDS")) && *e)
		budget = atof(e);
	if ((e = getenv("PHANTOM_FUZZ_CASE")) && *e)
		only = atol(e);
	mem_init();
	cfg_init_defaults();
	{
		char err[128];

		cfg_override("max_message_size=64kB", err, sizeof(err));
	}
	log_use_fd(open("/dev/null", O_WRONLY | O_CLOEXEC));
	signal(SIGPIPE, SIG_IGN);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (n = only >= 0 ? (unsigned long)only : 0;; n++) {
		int size;
		const char *why = run_case(seed, n, &size);

		if (why) {
			failures++;
			fprintf(stderr, "FAIL case %lu (%d bytes): %s\n  reproduce: PHANTOM_FUZZ_SEED=%llu "
			        "PHANTOM_FUZZ_CASE=%lu %s\n", n, size, why, (unsigned long long)seed, n,
			        "tests/protocol/fuzz_pgwire");
			if (failures >= 5)
				break;
		}
		if (only >= 0)
			break;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if ((double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9 > budget)
			break;
	}
	printf("fuzz_pgwire: seed %llu, %lu cases, %lu failures\n", (unsigned long long)seed,
	       only >= 0 ? 1 : n + 1, failures);
	return failures ? 1 : 0;
}
