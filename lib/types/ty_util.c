/*
 * ty_util.c — buffers, common errors, the binary reader, integer formatting, hashing.
 */
#include <stdarg.h>
#include <stdio.h>

#include "types/ty_int.h"

/* ---- ty_buf ------------------------------------------------------------------------------- */

void
ty_buf_init(ty_buf *b, int cap)
{
	if (cap < 16)
		cap = 16;
	b->data = palloc((size_t)cap);
	b->data[0] = '\0';
	b->len = 0;
	b->cap = cap;
}

void
ty_buf_reset(ty_buf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

void
ty_buf_reserve(ty_buf *b, int more)
{
	if (more < 0 || (int64_t)b->len + more + 1 > (int64_t)MAX_VARLENA_SIZE)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "out of memory");
	if (b->len + more + 1 <= b->cap)
		return;
	int64_t ncap = b->cap;
	while (ncap < (int64_t)b->len + more + 1)
		ncap *= 2;
	b->data = repalloc(b->data, (size_t)ncap);
	b->cap = (int)ncap;
}

void
ty_buf_append(ty_buf *b, const char *s, int n)
{
	if (b->len + n + 1 > b->cap)
		ty_buf_reserve(b, n);
	memcpy(b->data + b->len, s, (size_t)n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
ty_buf_puts(ty_buf *b, const char *s)
{
	ty_buf_append(b, s, (int)strlen(s));
}

void
ty_buf_printf(ty_buf *b, const char *fmt, ...)
{
	for (;;) {
		va_list ap;
		int avail = b->cap - b->len;
		va_start(ap, fmt);
		int n = vsnprintf(b->data + b->len, (size_t)avail, fmt, ap);
		va_end(ap);
		if (n < 0)
			ph_internal("vsnprintf failed");
		if (n < avail) {
			b->len += n;
			return;
		}
		ty_buf_reserve(b, n);
	}
}

void
ty_buf_put16(ty_buf *b, uint16_t v)
{
	char x[2] = {(char)(v >> 8), (char)v};
	ty_buf_append(b, x, 2);
}

void
ty_buf_put32(ty_buf *b, uint32_t v)
{
	char x[4] = {(char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v};
	ty_buf_append(b, x, 4);
}

void
ty_buf_put64(ty_buf *b, uint64_t v)
{
	ty_buf_put32(b, (uint32_t)(v >> 32));
	ty_buf_put32(b, (uint32_t)v);
}

/* ---- errors --------------------------------------------------------------------------------- */

void
ty_err_syntax(const char *tname, const char *str)
{
	ph_error(ERRCODE_INVALID_TEXT_REPRESENTATION, "invalid input syntax for type %s: \"%s\"",
	         tname, str);
}

void
ty_err_range(const char *str, const char *tname)
{
	ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, "value \"%s\" is out of range for type %s",
	         str, tname);
}

void
ty_err_binary(const char *msg)
{
	ph_error(ERRCODE_INVALID_BINARY_REPRESENTATION, "%s", msg);
}

void
ty_err_overflow(const char *msg)
{
	ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, "%s", msg);
}

void
ty_err_div0(void)
{
	ph_error(ERRCODE_DIVISION_BY_ZERO, "division by zero");
}

int
ty_strncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = ty_tolower((unsigned char)a[i]), y = ty_tolower((unsigned char)b[i]);
		if (x != y)
			return x - y;
		if (x == 0)
			return 0;
	}
	return 0;
}

/* ---- binary reader -------------------------------------------------------------------------- */

static void
rd_need(ty_rd *r, int n)
{
	if (n < 0 || r->pos + n > r->len)
		ty_err_binary("insufficient data left in message");
}

uint8_t
ty_rd8(ty_rd *r)
{
	rd_need(r, 1);
	return r->p[r->pos++];
}

uint16_t
ty_rd16(ty_rd *r)
{
	rd_need(r, 2);
	uint16_t v = (uint16_t)((r->p[r->pos] << 8) | r->p[r->pos + 1]);
	r->pos += 2;
	return v;
}

uint32_t
ty_rd32(ty_rd *r)
{
	rd_need(r, 4);
	const unsigned char *p = r->p + r->pos;
	uint32_t v = ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
	r->pos += 4;
	return v;
}

uint64_t
ty_rd64(ty_rd *r)
{
	uint64_t hi = ty_rd32(r);
	return (hi << 32) | ty_rd32(r);
}

const char *
ty_rdbytes(ty_rd *r, int n)
{
	rd_need(r, n);
	const char *p = (const char *)r->p + r->pos;
	r->pos += n;
	return p;
}

void
ty_rd_end(ty_rd *r)
{
	if (r->pos != r->len)
		ty_err_binary("incorrect binary data format");
}

/* ---- integers as text ----------------------------------------------------------------------- */

static const char digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

int
ty_uint64_to_str(uint64_t v, char *buf)
{
	char tmp[24];
	int i = 24;
	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		tmp[--i] = digit_pairs[2 * r + 1];
		tmp[--i] = digit_pairs[2 * r];
	}
	if (v >= 10) {
		tmp[--i] = digit_pairs[2 * v + 1];
		tmp[--i] = digit_pairs[2 * v];
	} else
		tmp[--i] = (char)('0' + v);
	int n = 24 - i;
	memcpy(buf, tmp + i, (size_t)n);
	buf[n] = '\0';
	return n;
}

int
ty_int64_to_str(int64_t v, char *buf)
{
	if (v < 0) {
		buf[0] = '-';
		return 1 + ty_uint64_to_str((uint64_t)0 - (uint64_t)v, buf + 1);
	}
	return ty_uint64_to_str((uint64_t)v, buf);
}

bool
ty_parse_int64(const char *s, int64_t *out, bool *ovf)
{
	const unsigned char *p = (const unsigned char *)s;
	bool neg = false;
	uint64_t acc = 0;

	*ovf = false;
	while (ty_isspace(*p))
		p++;
	if (*p == '-') {
		neg = true;
		p++;
	} else if (*p == '+')
		p++;
	if (!ty_isdigit(*p))
		return false;
	while (ty_isdigit(*p)) {
		unsigned d = *p - '0';
		if (acc > (UINT64_MAX - d) / 10)
			*ovf = true;
		else
			acc = acc * 10 + d;
		p++;
	}
	while (ty_isspace(*p))
		p++;
	if (*p != '\0')
		return false;
	if (*ovf)
		return true;
	if (neg) {
		if (acc > (uint64_t)INT64_MAX + 1) {
			*ovf = true;
			return true;
		}
		*out = (int64_t)(0 - acc);
	} else {
		if (acc > (uint64_t)INT64_MAX) {
			*ovf = true;
			return true;
		}
		*out = (int64_t)acc;
	}
	return true;
}

/* ---- hashing --------------------------------------------------------------------------------- */

uint32_t
ty_hash_uint64(uint64_t v)
{
	v ^= v >> 33;
	v *= 0xff51afd7ed558ccdULL;
	v ^= v >> 33;
	v *= 0xc4ceb9fe1a85ec53ULL;
	v ^= v >> 33;
	return (uint32_t)v;
}

uint32_t
ty_hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xff51afd7ed558ccdULL);
	while (n >= 8) {
		uint64_t k;
		memcpy(&k, s, 8);
		k *= 0x87c37b91114253d5ULL;
		k = (k << 31) | (k >> 33);
		k *= 0x4cf5ad432745937fULL;
		h ^= k;
		h = ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
		s += 8;
		n -= 8;
	}
	uint64_t k = 0;
	for (size_t i = 0; i < n; i++)
		k |= (uint64_t)s[i] << (8 * i);
	h ^= k * 0x87c37b91114253d5ULL;
	return ty_hash_uint64(h);
}

/* ---- varlena helpers ---------------------------------------------------------------------- */

void *
ty_varlena_make(const char *s, size_t n)
{
	if (n > MAX_VARLENA_SIZE - VARHDRSZ)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "invalid memory alloc request size %zu", n);
	char *v = palloc(n + VARHDRSZ);
	SET_VARSIZE(v, (uint32_t)(n + VARHDRSZ));
	if (n)
		memcpy(v + VARHDRSZ, s, n);
	return v;
}

Datum
ty_cstring_to_text(const char *s)
{
	return ty_text_datum(s, strlen(s));
}

char *
ty_text_to_cstring(Datum v)
{
	return pstrndup(ty_vardata(v), (size_t)ty_varsize(v));
}
