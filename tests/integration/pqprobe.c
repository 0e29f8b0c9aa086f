/*
 * pqprobe.c — a raw client for the integration tests: speaks just enough of the PostgreSQL
 * protocol (and of the inter-process message format) to provoke and observe what psql cannot.
 * Every connection goes to 127.0.0.1.  Output is one line per observation, for grep.
 *
 *   pqprobe freeport                       print a TCP port that is free right now
 *   pqprobe connect PORT [USER]            startup; "ok pid=P key=K" | "error CODE: msg" | "closed"
 *   pqprobe hold PORT SECONDS [USER]       connect, print "ready pid=P key=K", then wait for
 *                                          the server: "error CODE: msg" | "closed" | "timeout"
 *   pqprobe raw PORT HEX...                send each HEX string, print one response after each:
 *                                          "byte X" | "error CODE: msg" | "msg T" | "closed" | "timeout"
 *   pqprobe session PORT HEX...            connect, then send each HEX string and print the
 *                                          answers up to ReadyForQuery: "error CODE: msg",
 *                                          "msg T", ..., "closed" or "timeout"
 *   pqprobe fire PORT HEX                  send HEX and close at once, reading nothing
 *   pqprobe cancel PORT PID KEY            send a CancelRequest; "sent" then "closed"
 *   pqprobe conntime PORT N                N connections in a row; median and 90th percentile ms
 *   pqprobe mbox URL KIND                  send a bad message to a mailbox: KIND is garbage,
 *                                          badversion, unknowntype, truncated or wrongchannel;
 *                                          or a valid CHECKPOINT_REQUEST ("checkpoint") or
 *                                          WORKER_IDLE ("valid")
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <nng/nng.h>
#include <nng/protocol/pipeline0/push.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "daemons/common/pqwire.h"
#include "proto/msg.h"

static int
connect_port(int port)
{
	struct sockaddr_in sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		printf("connect failed: %s\n", strerror(errno));
		exit(2);
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return fd;
}

/* Read exactly n bytes within timeout_ms; 1 ok, 0 closed, -1 timeout. */
static int
read_n(int fd, uint8_t *buf, size_t n, int timeout_ms)
{
	while (n > 0) {
		struct pollfd pf = { fd, POLLIN, 0 };
		ssize_t r;

		if (poll(&pf, 1, timeout_ms) <= 0)
			return -1;
		r = recv(fd, buf, n, 0);
		if (r <= 0)
			return 0;
		buf += r;
		n -= (size_t)r;
	}
	return 1;
}

/* Read one backend message; returns its type, 0 if closed, -1 on timeout. */
static int
read_msg(int fd, uint8_t *body, size_t cap, size_t *len, int timeout_ms)
{
	uint8_t hdr[5];
	uint32_t n;
	int rc = read_n(fd, hdr, 5, timeout_ms);

	if (rc <= 0)
		return rc;
	n = pq_get32(hdr + 1);
	if (n < 4 || n - 4 > cap)
		return 0;
	*len = n - 4;
	rc = read_n(fd, body, *len, timeout_ms);
	return rc <= 0 ? rc : hdr[0];
}

static void
print_error(const uint8_t *body, size_t len)
{
	const char *code = "?", *text = "?";

	for (size_t i = 0; i < len && body[i];) {
		const char *v = (const char *)body + i + 1;

		if (body[i] == 'C')
			code = v;
		if (body[i] == 'M')
			text = v;
		i += 2 + strlen(v);
	}
	printf("error %s: %s\n", code, text);
}

static void
send_startup(int fd, const char *user)
{
	const char *const params[] = { "user", user, "database", "phantom", NULL };
	uint8_t mem[512];
	pq_buf b;

	pq_init(&b, mem, sizeof(mem));
	pq_startup(&b, params);
	pq_write_all(fd, mem, b.len, 5000);
}

/* Startup handshake up to ReadyForQuery; prints the outcome; returns 1 when ready. */
static int
handshake(int fd, const char *user, const char *okword)
{
	static uint8_t body[65536];
	uint32_t pid = 0, key = 0;

	send_startup(fd, user);
	for (;;) {
		size_t len = 0;
		int t = read_msg(fd, body, sizeof(body), &len, 10000);

		if (t <= 0) {
			printf("%s\n", t == 0 ? "closed" : "timeout");
			return 0;
		}
		if (t == 'E') {
			print_error(body, len);
			return 0;
		}
		if (t == 'K' && len == 8) {
			pid = pq_get32(body);
			key = pq_get32(body + 4);
		}
		if (t == 'Z') {
			if (okword)
				printf("%s pid=%u key=%d\n", okword, pid, (int32_t)key);
			return 1;
		}
	}
}

static size_t
unhex(const char *s, uint8_t *out, size_t cap)
{
	size_t n = 0;

	while (s[0] && s[1] && n < cap) {
		unsigned v;

		if (sscanf(s, "%2x", &v) != 1)
			break;
		out[n++] = (uint8_t)v;
		s += 2;
	}
	return n;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
mbox(const char *url, const char *kind)
{
	uint8_t buf[256];
	msg_worker_idle w = { 1, 1 };
	nng_socket s;
	ssize_t n;
	int rv;

	n = msg_encode(MSG_WORKER_IDLE, &w, buf, sizeof(buf));
	if (strcmp(kind, "garbage") == 0) {
		memcpy(buf, "this is not a message", 21);
		n = 21;
	} else if (strcmp(kind, "badversion") == 0) {
		buf[4] = 99;
	} else if (strcmp(kind, "unknowntype") == 0) {
		buf[6] = 0x34, buf[7] = 0x12;
	} else if (strcmp(kind, "truncated") == 0) {
		n -= 3;
	} else if (strcmp(kind, "valid") == 0) {
		/* a well-formed WORKER_IDLE, for a process that has no handler for it */
	} else if (strcmp(kind, "checkpoint") == 0) {
		msg_checkpoint_request cr = { CKPT_FORCE, (int32_t)getpid() };

		n = msg_encode(MSG_CHECKPOINT_REQUEST, &cr, buf, sizeof(buf));
	} else if (strcmp(kind, "wrongchannel") == 0) {
		msg_ctl_shutdown sd = { SHUTDOWN_FAST };

		n = msg_encode(MSG_CTL_SHUTDOWN, &sd, buf, sizeof(buf));
	} else {
		fprintf(stderr, "unknown kind %s\n", kind);
		return 2;
	}
	if ((rv = nng_push0_open(&s)) != 0 || (rv = nng_dial(s, url, NULL, 0)) != 0 ||
	    (rv = nng_send(s, buf, (size_t)n, 0)) != 0) {
		printf("send failed: %s\n", nng_strerror(rv));
		return 1;
	}
	/* let the pipe deliver before closing */
	usleep(100000);
	nng_close(s);
	printf("sent\n");
	return 0;
}

int
main(int argc, char **argv)
{
	static uint8_t body[65536];
	const char *cmd = argc > 1 ? argv[1] : "";
	int port = argc > 2 ? atoi(argv[2]) : 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (strcmp(cmd, "freeport") == 0) {
		struct sockaddr_in sa;
		socklen_t sl = sizeof(sa);
		int fd = socket(AF_INET, SOCK_STREAM, 0);

		memset(&sa, 0, sizeof(sa));
		sa.sin_family = AF_INET;
		sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
		    getsockname(fd, (struct sockaddr *)&sa, &sl) != 0)
			return 1;
		printf("%d\n", ntohs(sa.sin_port));
		return 0;
	}
	if (strcmp(cmd, "connect") == 0 && argc >= 3) {
		int fd = connect_port(port);

		if (handshake(fd, argc > 3 ? argv[3] : "phantom", "ok"))
			pq_write_all(fd, "X\0\0\0\4", 5, 1000);
		close(fd);
		return 0;
	}
	if (strcmp(cmd, "hold") == 0 && argc >= 4) {
		int fd = connect_port(port), t;
		size_t len = 0;

		if (!handshake(fd, argc > 4 ? argv[4] : "phantom", "ready"))
			return 0;
		t = read_msg(fd, body, sizeof(body), &len, atoi(argv[3]) * 1000);
		if (t == 'E')
			print_error(body, len);
		else
			printf("%s\n", t == 0 ? "closed" : t < 0 ? "timeout" : "message");
		close(fd);
		return 0;
	}
	if (strcmp(cmd, "raw") == 0 && argc >= 4) {
		int fd = connect_port(port);

		for (int i = 3; i < argc; i++) {
			uint8_t out[20000], first;
			size_t n = unhex(argv[i], out, sizeof(out)), len = 0;
			int r;

			if (pq_write_all(fd, out, n, 2000) != 0) {
				printf("closed\n");
				break;
			}
			r = read_n(fd, &first, 1, 3000);
			if (r <= 0) {
				printf("%s\n", r == 0 ? "closed" : "timeout");
				continue;
			}
			if (first == 'N' || first == 'S') {
				/* a one-byte answer to SSLRequest/GSSENCRequest, or a message S... */
				struct pollfd pf = { fd, POLLIN, 0 };

				if (first == 'N' || poll(&pf, 1, 200) <= 0) {
					printf("byte %c\n", first);
					continue;
				}
			}
			{
				uint8_t lenb[4];

				if (read_n(fd, lenb, 4, 3000) <= 0 || pq_get32(lenb) < 4 ||
				    (len = pq_get32(lenb) - 4) > sizeof(body) ||
				    read_n(fd, body, len, 3000) <= 0) {
					printf("closed\n");
					continue;
				}
			}
			if (first == 'E')
				print_error(body, len);
			else
				printf("msg %c\n", first);
		}
		close(fd);
		return 0;
	}
	if (strcmp(cmd, "session") == 0 && argc >= 4) {
		static uint8_t out[20000];
		int fd = connect_port(port);

		if (!handshake(fd, "phantom", NULL))
			return 1;
		for (int i = 3; i < argc; i++) {
			size_t n = unhex(argv[i], out, sizeof(out));

			if (pq_write_all(fd, out, n, 2000) != 0) {
				printf("closed\n");
				break;
			}
			for (;;) {
				size_t len = 0;
				int t = read_msg(fd, body, sizeof(body), &len, 3000);

				if (t <= 0) {
					printf("%s\n", t == 0 ? "closed" : "timeout");
					break;
				}
				if (t == 'E')
					print_error(body, len);
				else
					printf("msg %c\n", t);
				if (t == 'Z')
					break;
			}
		}
		close(fd);
		return 0;
	}
	if (strcmp(cmd, "fire") == 0 && argc >= 4) {
		static uint8_t out[20000];
		int fd = connect_port(port);
		size_t n = unhex(argv[3], out, sizeof(out));

		pq_write_all(fd, out, n, 2000);
		close(fd);
		return 0;
	}
	if (strcmp(cmd, "cancel") == 0 && argc >= 5) {
		uint8_t mem[16];
		pq_buf b;
		int fd = connect_port(port), r;

		pq_init(&b, mem, sizeof(mem));
		pq_int32(&b, 16);
		pq_int32(&b, PQ_CANCEL_REQUEST);
		pq_int32(&b, (uint32_t)atoi(argv[3]));
		pq_int32(&b, (uint32_t)atoi(argv[4]));
		pq_write_all(fd, mem, 16, 1000);
		printf("sent\n");
		r = read_n(fd, mem, 1, 3000);
		printf("%s\n", r == 0 ? "closed" : r < 0 ? "timeout" : "answered");
		close(fd);
		return 0;
	}
	if (strcmp(cmd, "conntime") == 0 && argc >= 4) {
		int n = atoi(argv[3]);
		double *t = calloc((size_t)n, sizeof(double));

		for (int i = 0; i < n; i++) {
			double t0 = now_ms();
			int fd = connect_port(port);

			if (!handshake(fd, "phantom", NULL))
				return 1;
			pq_write_all(fd, "X\0\0\0\4", 5, 1000);
			close(fd);
			t[i] = now_ms() - t0;
		}
		qsort(t, (size_t)n, sizeof(double), cmp_double);
		printf("connections %d median %.3f ms p90 %.3f ms\n", n, t[n / 2], t[n * 9 / 10]);
		free(t);
		return 0;
	}
	if (strcmp(cmd, "mbox") == 0 && argc >= 4)
		return mbox(argv[2], argv[3]);
	fprintf(stderr, "usage: see the comment at the top of pqprobe.c\n");
	return 2;
}
