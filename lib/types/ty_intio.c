/*
 * ty_intio.c — I/O, comparison and hashing of bool, int2, int4, int8, oid (and the reg*
 * types' numeric form), "char", xid/cid and tid.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "types/ty_int.h"

/* ---- bool --------------------------------------------------------------------------------- */

/* PostgreSQL's parse_bool: case-insensitive prefixes of true/false/yes/no, "on"/"off" (at
 * least two letters for those), 1/0, with surrounding whitespace. */
static bool
parse_bool(const char *s, size_t n, bool *out)
{
	if (n == 0)
		return false;
	switch (ty_tolower((unsigned char)s[0])) {
	case 't':
		if (ty_strncasecmp(s, "true", n) == 0 && n <= 4) {
			*out = true;
			return true;
		}
		break;
	case 'y':
		if (n <= 3 && ty_strncasecmp(s, "yes", n) == 0) {
			*out = true;
			return true;
		}
		break;
	case 'f':
		if (n <= 5 && ty_strncasecmp(s, "false", n) == 0) {
			*out = false;
			return true;
		}
		break;
	case 'n':
		if (n <= 2 && ty_strncasecmp(s, "no", n) == 0) {
			*out = false;
			return true;
		}
		break;
	case 'o':
		if (n >= 2 && n <= 2 && ty_strncasecmp(s, "on", n) == 0) {
			*out = true;
			return true;
		}
		if (n >= 2 && n <= 3 && ty_strncasecmp(s, "off", n) == 0) {
			*out = false;
			return true;
		}
		break;
	case '1':
		if (n == 1) {
			*out = true;
			return true;
		}
		break;
	case '0':
		if (n == 1) {
			*out = false;
			return true;
		}
		break;
	}
	return false;
}

bool ty_parse_bool_text(const char *s, size_t n, bool *out);
bool
ty_parse_bool_text(const char *s, size_t n, bool *out)
{
	return parse_bool(s, n, out);
}

Datum
ty_bool_in(const char *s, Oid t, int32_t tm)
{
	const char *p = s;
	while (ty_isspace((unsigned char)*p))
		p++;
	size_t n = strlen(p);
	while (n > 0 && ty_isspace((unsigned char)p[n - 1]))
		n--;
	bool v;
	if (!parse_bool(p, n, &v))
		ty_err_syntax("boolean", s);
	return BoolGetDatum(v);
}

void
ty_bool_out(ty_buf *b, Datum v, Oid t)
{
	ty_buf_putc(b, DatumGetBool(v) ? 't' : 'f');
}

Datum
ty_bool_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	uint8_t x = ty_rd8(&r);
	ty_rd_end(&r);
	return BoolGetDatum(x != 0);
}

void
ty_bool_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_putc(b, DatumGetBool(v) ? 1 : 0);
}

int
ty_cmp_bool(Datum a, Datum b)
{
	return (int)DatumGetBool(a) - (int)DatumGetBool(b);
}

uint32_t
ty_hash_bool(Datum a)
{
	return ty_hash_uint64(DatumGetBool(a));
}

/* ---- integers ------------------------------------------------------------------------------ */

static int64_t
int_in(const char *s, const char *tname, int64_t lo, int64_t hi)
{
	int64_t v;
	bool ovf;
	if (!ty_parse_int64(s, &v, &ovf))
		ty_err_syntax(tname, s);
	if (ovf || v < lo || v > hi)
		ty_err_range(s, tname);
	return v;
}

Datum
ty_int2_in(const char *s, Oid t, int32_t tm)
{
	return Int16GetDatum((int16_t)int_in(s, "smallint", INT16_MIN, INT16_MAX));
}

Datum
ty_int4_in(const char *s, Oid t, int32_t tm)
{
	return Int32GetDatum((int32_t)int_in(s, "integer", INT32_MIN, INT32_MAX));
}

Datum
ty_int8_in(const char *s, Oid t, int32_t tm)
{
	return Int64GetDatum(int_in(s, "bigint", INT64_MIN, INT64_MAX));
}

static void
int_out(ty_buf *b, int64_t v)
{
	ty_buf_reserve(b, 21);
	b->len += ty_int64_to_str(v, b->data + b->len);
}

void
ty_int2_out(ty_buf *b, Datum v, Oid t)
{
	int_out(b, DatumGetInt16(v));
}

void
ty_int4_out(ty_buf *b, Datum v, Oid t)
{
	int_out(b, DatumGetInt32(v));
}

void
ty_int8_out(ty_buf *b, Datum v, Oid t)
{
	int_out(b, DatumGetInt64(v));
}

Datum
ty_int2_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	int16_t v = (int16_t)ty_rd16(&r);
	ty_rd_end(&r);
	return Int16GetDatum(v);
}

Datum
ty_int4_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	int32_t v = (int32_t)ty_rd32(&r);
	ty_rd_end(&r);
	return Int32GetDatum(v);
}

Datum
ty_int8_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	int64_t v = (int64_t)ty_rd64(&r);
	ty_rd_end(&r);
	return Int64GetDatum(v);
}

void
ty_int2_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_put16(b, (uint16_t)DatumGetInt16(v));
}

void
ty_int4_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_put32(b, (uint32_t)DatumGetInt32(v));
}

void
ty_int8_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_put64(b, (uint64_t)DatumGetInt64(v));
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

int
ty_cmp_int2(Datum a, Datum b)
{
	return CMP(DatumGetInt16(a), DatumGetInt16(b));
}

int
ty_cmp_int4(Datum a, Datum b)
{
	return CMP(DatumGetInt32(a), DatumGetInt32(b));
}

int
ty_cmp_int8(Datum a, Datum b)
{
	return CMP(DatumGetInt64(a), DatumGetInt64(b));
}

/* The integer family hashes by int64 value, so equal int2/int4/int8 values hash equally. */
uint32_t
ty_hash_int2(Datum a)
{
	return ty_hash_uint64((uint64_t)(int64_t)DatumGetInt16(a));
}

uint32_t
ty_hash_int4(Datum a)
{
	return ty_hash_uint64((uint64_t)(int64_t)DatumGetInt32(a));
}

uint32_t
ty_hash_int8(Datum a)
{
	return ty_hash_uint64((uint64_t)DatumGetInt64(a));
}

/* ---- oid and other unsigned 32-bit types -------------------------------------------------- */

/* PostgreSQL's uint32in_subr: an unsigned 32-bit value, or a negative one down to
 * -2^31 taken modulo 2^32. */
static uint32_t
uint32_in(const char *s, const char *tname)
{
	int64_t v;
	bool ovf;
	if (!ty_parse_int64(s, &v, &ovf))
		ty_err_syntax(tname, s);
	if (ovf || v > (int64_t)UINT32_MAX || v < (int64_t)INT32_MIN)
		ty_err_range(s, tname);
	return (uint32_t)v;
}

Datum
ty_oid_in(const char *s, Oid t, int32_t tm)
{
	return ObjectIdGetDatum(uint32_in(s, "oid"));
}

void
ty_oid_out(ty_buf *b, Datum v, Oid t)
{
	ty_buf_reserve(b, 11);
	b->len += ty_uint64_to_str(DatumGetObjectId(v), b->data + b->len);
}

Datum
ty_oid_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	uint32_t v = ty_rd32(&r);
	ty_rd_end(&r);
	return ObjectIdGetDatum(v);
}

void
ty_oid_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_put32(b, DatumGetObjectId(v));
}

int
ty_cmp_oid(Datum a, Datum b)
{
	return CMP(DatumGetObjectId(a), DatumGetObjectId(b));
}

uint32_t
ty_hash_oid(Datum a)
{
	return ty_hash_uint64(DatumGetObjectId(a));
}

Datum
ty_xid_in(const char *s, Oid t, int32_t tm)
{
	/* PostgreSQL's xidin/cidin: strtoul(str, NULL, 0), without validation */
	return ObjectIdGetDatum((uint32_t)strtoul(s, NULL, 0));
}

void
ty_xid_out(ty_buf *b, Datum v, Oid t)
{
	ty_oid_out(b, v, t);
}

Datum
ty_xid_recv(const char *d, int n, Oid t, int32_t tm)
{
	return ty_oid_recv(d, n, t, tm);
}

void
ty_xid_send(ty_buf *b, Datum v, Oid t)
{
	ty_oid_send(b, v, t);
}

/* ---- "char" -------------------------------------------------------------------------------- */

/* One byte.  Input: the first byte, or \ooo (three octal digits) for a high-bit value.
 * Output: the byte, "\ooo" when its high bit is set, "" for \0. */
Datum
ty_char_in(const char *s, Oid t, int32_t tm)
{
	unsigned char ch = (unsigned char)s[0];
	if (strlen(s) == 4 && s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' &&
	    s[2] <= '7' && s[3] >= '0' && s[3] <= '7')
		ch = (unsigned char)(((s[1] - '0') << 6) | ((s[2] - '0') << 3) | (s[3] - '0'));
	return (Datum)(int64_t)(int8_t)ch;
}

void
ty_char_out(ty_buf *b, Datum v, Oid t)
{
	unsigned char ch = (unsigned char)(int8_t)v;
	if (ch == 0)
		return;
	if (ch & 0x80) {
		ty_buf_printf(b, "\\%03o", ch);
		return;
	}
	ty_buf_putc(b, (char)ch);
}

Datum
ty_char_recv(const char *d, int n, Oid t, int32_t tm)
{
	/* charrecv takes the first byte of the message (it is sent as a one-byte string). */
	if (n < 1)
		return (Datum)0;
	return (Datum)(int64_t)(int8_t)d[0];
}

void
ty_char_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_putc(b, (char)(int8_t)v);
}

int
ty_cmp_char(Datum a, Datum b)
{
	/* PostgreSQL compares "char" as unsigned bytes. */
	unsigned char x = (unsigned char)(int8_t)a, y = (unsigned char)(int8_t)b;
	return CMP(x, y);
}

uint32_t
ty_hash_char(Datum a)
{
	return ty_hash_uint64((unsigned char)(int8_t)a);
}

/* ---- tid -------------------------------------------------------------------------------- */
/* (block, offset): 6 bytes by reference, block uint32 then offset uint16 (host order). */

Datum
ty_tid_in(const char *s, Oid t, int32_t tm)
{
	const char *p = s;
	char *end;
	unsigned long blk, off;
	if (*p++ != '(')
		ty_err_syntax("tid", s);
	if (!ty_isdigit((unsigned char)*p) && *p != '-')
		ty_err_syntax("tid", s);
	errno = 0;
	long long sblk = strtoll(p, &end, 10);
	if (end == p || *end != ',' || errno || sblk < INT32_MIN || sblk > (long long)UINT32_MAX)
		ty_err_syntax("tid", s);
	blk = (unsigned long)(uint32_t)sblk;
	p = end + 1;
	if (!ty_isdigit((unsigned char)*p) && *p != '-')
		ty_err_syntax("tid", s);
	long long soff = strtoll(p, &end, 10);
	if (end == p || *end != ')' || end[1] != '\0' || soff < 0 || soff > 65535)
		ty_err_syntax("tid", s);
	off = (unsigned long)soff;
	char *v = palloc(8);
	uint32_t b32 = (uint32_t)blk;
	uint16_t o16 = (uint16_t)off;
	memcpy(v, &b32, 4);
	memcpy(v + 4, &o16, 2);
	return PointerGetDatum(v);
}

static void
tid_get(Datum v, uint32_t *blk, uint16_t *off)
{
	const char *p = DatumGetPointer(v);
	memcpy(blk, p, 4);
	memcpy(off, p + 4, 2);
}

void
ty_tid_out(ty_buf *b, Datum v, Oid t)
{
	uint32_t blk;
	uint16_t off;
	tid_get(v, &blk, &off);
	ty_buf_printf(b, "(%u,%u)", blk, (unsigned)off);
}

Datum
ty_tid_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	uint32_t blk = ty_rd32(&r);
	uint16_t off = ty_rd16(&r);
	ty_rd_end(&r);
	char *v = palloc(8);
	memcpy(v, &blk, 4);
	memcpy(v + 4, &off, 2);
	return PointerGetDatum(v);
}

void
ty_tid_send(ty_buf *b, Datum v, Oid t)
{
	uint32_t blk;
	uint16_t off;
	tid_get(v, &blk, &off);
	ty_buf_put32(b, blk);
	ty_buf_put16(b, off);
}

int
ty_cmp_tid(Datum a, Datum b)
{
	uint32_t b1, b2;
	uint16_t o1, o2;
	tid_get(a, &b1, &o1);
	tid_get(b, &b2, &o2);
	if (b1 != b2)
		return CMP(b1, b2);
	return CMP(o1, o2);
}

uint32_t
ty_hash_tid(Datum a)
{
	uint32_t blk;
	uint16_t off;
	tid_get(a, &blk, &off);
	return ty_hash_uint64(((uint64_t)blk << 16) | off);
}
