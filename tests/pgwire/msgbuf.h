/*
 * msgbuf.h — building protocol messages by hand in tests (frontend side): a fixed buffer,
 * big-endian integers, NUL-terminated strings, and begin/end that fill in the length word.
 * Writes past the capacity are cut off (the tests size their buffers generously).
 */
#ifndef PH_TESTS_MSGBUF_H
#define PH_TESTS_MSGBUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct msgbuf {
	unsigned char *b;
	size_t cap, n;
	size_t at;            /* offset of the length word of the message being built */
} msgbuf;

static inline void
mb_put(msgbuf *m, const void *p, size_t n)
{
	if (m->n + n > m->cap)
		n = m->cap - m->n;
	memcpy(m->b + m->n, p, n);
	m->n += n;
}

static inline void
mb_put32(msgbuf *m, uint32_t v)
{
	unsigned char b[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
	                      (unsigned char)(v >> 8), (unsigned char)v};

	mb_put(m, b, 4);
}

static inline void
mb_put16(msgbuf *m, uint16_t v)
{
	unsigned char b[2] = {(unsigned char)(v >> 8), (unsigned char)v};

	mb_put(m, b, 2);
}

static inline void
mb_str(msgbuf *m, const char *s)
{
	mb_put(m, s, strlen(s) + 1);
}

static inline void
mb_begin(msgbuf *m, char type)
{
	mb_put(m, &type, 1);
	m->at = m->n;
	mb_put32(m, 0);
}

static inline void
mb_end(msgbuf *m)
{
	uint32_t len = (uint32_t)(m->n - m->at);

	if (m->at + 4 <= m->cap)
		for (int k = 0; k < 4; k++)
			m->b[m->at + (size_t)k] = (unsigned char)(len >> (24 - 8 * k));
}

#endif
