/* pqwire.c — PostgreSQL protocol v3 message building and start-up parsing; see pqwire.h. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>

#include "daemons/common/clock.h"
#include "daemons/common/pqwire.h"

void
pq_init(pq_buf *b, void *mem, size_t cap)
{
	b->data = mem;
	b->cap = cap;
	b->len = 0;
	b->start = 0;
	b->overflow = false;
}

static void
put(pq_buf *b, const void *p, size_t n)
{
	if (b->overflow || b->cap - b->len < n) {
		b->overflow = true;
		return;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void
pq_begin(pq_buf *b, char type)
{
	uint8_t zero[4] = { 0 };

	b->start = b->len;
	put(b, &type, 1);
	put(b, zero, 4);
}

void
pq_byte(pq_buf *b, uint8_t v)
{
	put(b, &v, 1);
}

void
pq_int16(pq_buf *b, uint16_t v)
{
	uint8_t p[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	put(b, p, 2);
}

void
pq_int32(pq_buf *b, uint32_t v)
{
	uint8_t p[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v };

	put(b, p, 4);
}

void
pq_str(pq_buf *b, const char *s)
{
	put(b, s, strlen(s) + 1);
}

void
pq_end(pq_buf *b)
{
	uint32_t n;

	if (b->overflow)
		return;
	n = (uint32_t)(b->len - b->start - 1);
	b->data[b->start + 1] = (uint8_t)(n >> 24);
	b->data[b->start + 2] = (uint8_t)(n >> 16);
	b->data[b->start + 3] = (uint8_t)(n >> 8);
	b->data[b->start + 4] = (uint8_t)n;
}

void
pq_error(pq_buf *b, const char *severity, const char *sqlstate, const char *message)
{
	pq_begin(b, 'E');
	pq_byte(b, 'S');
	pq_str(b, severity);
	pq_byte(b, 'V');
	pq_str(b, severity);
	pq_byte(b, 'C');
	pq_str(b, sqlstate);
	pq_byte(b, 'M');
	pq_str(b, message);
	pq_byte(b, 0);
	pq_end(b);
}

void
pq_startup(pq_buf *b, const char *const *params)
{
	size_t start = b->len;
	uint32_t n;

	pq_int32(b, 0);
	pq_int32(b, PQ_PROTOCOL_3_0);
	for (size_t i = 0; params[i] && params[i + 1]; i += 2) {
		pq_str(b, params[i]);
		pq_str(b, params[i + 1]);
	}
	pq_byte(b, 0);
	if (b->overflow)
		return;
	n = (uint32_t)(b->len - start);
	b->data[start] = (uint8_t)(n >> 24);
	b->data[start + 1] = (uint8_t)(n >> 16);
	b->data[start + 2] = (uint8_t)(n >> 8);
	b->data[start + 3] = (uint8_t)n;
}

uint32_t
pq_get32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Walk the name/value list after the protocol code; calls back per pair. */
static bool
walk_params(const uint8_t *pkt, size_t len, const char *want, const char **found)
{
	size_t pos = 8;

	if (len < 9 || pkt[len - 1] != '\0')
		return false;
	for (;;) {
		const char *name = (const char *)pkt + pos, *value;
		size_t nl = strnlen(name, len - pos);

		if (pos + nl >= len)
			return false;
		if (nl == 0)
			return pos + 1 == len;  /* the terminating empty name must be the last byte */
		value = name + nl + 1;
		pos += nl + 1;
		if (pos >= len)
			return false;
		nl = strnlen(value, len - pos);
		if (pos + nl >= len)
			return false;
		if (want && *found == NULL && strcmp(name, want) == 0)
			*found = value;
		pos += nl + 1;
	}
}

const char *
pq_startup_param(const uint8_t *pkt, size_t len, const char *name)
{
	const char *found = NULL;

	return walk_params(pkt, len, name, &found) ? found : NULL;
}

bool
pq_startup_valid(const uint8_t *pkt, size_t len)
{
	const char *unused = NULL;

	return walk_params(pkt, len, NULL, &unused);
}

int
pq_write_all(int fd, const void *buf, size_t len, int timeout_ms)
{
	const uint8_t *p = buf;
	int64_t end = clock_ms() + timeout_ms;

	while (len > 0) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT);

		if (n > 0) {
			p += n;
			len -= (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			struct pollfd pf = { fd, POLLOUT, 0 };
			int64_t left = end - clock_ms();

			if (left <= 0 || poll(&pf, 1, (int)left) <= 0)
				return -1;
			continue;
		}
		return -1;
	}
	return 0;
}

void
pq_send_fatal(int fd, const char *sqlstate, const char *message)
{
	uint8_t mem[1024];
	pq_buf b;

	pq_init(&b, mem, sizeof(mem));
	pq_error(&b, "FATAL", sqlstate, message);
	if (!b.overflow)
		(void)pq_write_all(fd, b.data, b.len, 1000);
}
