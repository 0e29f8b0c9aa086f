/*
 * ty_int.h — internals shared by the files of lib/types (not for other folders).
 */
#ifndef PH_TYPES_TY_INT_H
#define PH_TYPES_TY_INT_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "types/cast.h"
#include "types/fn.h"
#include "types/types.h"
#include "util/err.h"
#include "util/mem.h"

/* ---- argument access inside built-ins ------------------------------------------------------ */
#define ARG(n) (c->arg[(n)])
#define ARG_INT16(n) DatumGetInt16(c->arg[(n)])
#define ARG_INT32(n) DatumGetInt32(c->arg[(n)])
#define ARG_INT64(n) DatumGetInt64(c->arg[(n)])
#define ARG_OID(n) DatumGetObjectId(c->arg[(n)])
#define ARG_BOOL(n) DatumGetBool(c->arg[(n)])
#define ARG_FLOAT4(n) DatumGetFloat4(c->arg[(n)])
#define ARG_FLOAT8(n) DatumGetFloat8(c->arg[(n)])
#define ARG_PTR(n) DatumGetPointer(c->arg[(n)])
#define ARG_ISNULL(n) (c->argnull && c->argnull[(n)])
#define ARGTYPE(n) (c->argtype ? c->argtype[(n)] : InvalidOid)

/* ---- common errors ------------------------------------------------------------------------- */
/* 22P02 invalid input syntax for type %s: "%s" */
noreturn void ty_err_syntax(const char *tname, const char *str);
/* 22003 value "%s" is out of range for type %s */
noreturn void ty_err_range(const char *str, const char *tname);
/* 22P03 insufficient data left in message / incorrect binary data format */
noreturn void ty_err_binary(const char *msg);
/* 22003 with a fixed message ("integer out of range") */
noreturn void ty_err_overflow(const char *msg);
noreturn void ty_err_div0(void);

static inline bool
ty_isspace(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}
static inline bool
ty_isdigit(unsigned char ch)
{
	return ch >= '0' && ch <= '9';
}
static inline bool
ty_isalpha(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}
static inline unsigned char
ty_tolower(unsigned char ch)
{
	return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
}
static inline unsigned char
ty_toupper(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') ? ch - 32 : ch;
}
int ty_strncasecmp(const char *a, const char *b, size_t n);

/* ---- binary reader ------------------------------------------------------------------------- */
typedef struct ty_rd {
	const unsigned char *p;
	int len;
	int pos;
} ty_rd;
static inline void
ty_rd_init(ty_rd *r, const char *p, int len)
{
	r->p = (const unsigned char *)p;
	r->len = len;
	r->pos = 0;
}
uint8_t ty_rd8(ty_rd *r);
uint16_t ty_rd16(ty_rd *r);
uint32_t ty_rd32(ty_rd *r);
uint64_t ty_rd64(ty_rd *r);
const char *ty_rdbytes(ty_rd *r, int n);
void ty_rd_end(ty_rd *r);  /* 22P03 "incorrect binary data format" when bytes are left */

/* ---- integer text conversions ------------------------------------------------------------ */
int ty_int64_to_str(int64_t v, char *buf);   /* returns length; buf >= 21 bytes */
int ty_uint64_to_str(uint64_t v, char *buf);
/* Parse PostgreSQL's way (whitespace around, sign, digits); false on bad syntax, *ovf on
 * overflow.  Accepts exactly int64 range. */
bool ty_parse_int64(const char *s, int64_t *out, bool *ovf);

/* ---- per-family I/O (the registry refers to these) -------------------------------------- */
#define TY_IO_DECL(x)                                                        \
	Datum x##_in(const char *s, Oid t, int32_t tm);                         \
	void x##_out(ty_buf *b, Datum v, Oid t);                                \
	Datum x##_recv(const char *d, int n, Oid t, int32_t tm);                \
	void x##_send(ty_buf *b, Datum v, Oid t);
TY_IO_DECL(ty_bool)
TY_IO_DECL(ty_int2)
TY_IO_DECL(ty_int4)
TY_IO_DECL(ty_int8)
TY_IO_DECL(ty_oid)
TY_IO_DECL(ty_char)
TY_IO_DECL(ty_xid)
TY_IO_DECL(ty_tid)
TY_IO_DECL(ty_int2vector)
TY_IO_DECL(ty_oidvector)
TY_IO_DECL(ty_float4)
TY_IO_DECL(ty_float8)
TY_IO_DECL(ty_numeric)
TY_IO_DECL(ty_text)
TY_IO_DECL(ty_varchar)
TY_IO_DECL(ty_bpchar)
TY_IO_DECL(ty_name)
TY_IO_DECL(ty_bytea)
TY_IO_DECL(ty_unknown)
TY_IO_DECL(ty_date)
TY_IO_DECL(ty_time)
TY_IO_DECL(ty_timetz)
TY_IO_DECL(ty_timestamp)
TY_IO_DECL(ty_timestamptz)
TY_IO_DECL(ty_interval)
TY_IO_DECL(ty_json)
TY_IO_DECL(ty_jsonb)
TY_IO_DECL(ty_uuid)
TY_IO_DECL(ty_array)
TY_IO_DECL(ty_regclass)
TY_IO_DECL(ty_regtype)
TY_IO_DECL(ty_regproc)
TY_IO_DECL(ty_regnamespace)
TY_IO_DECL(ty_regrole)
TY_IO_DECL(ty_void)
TY_IO_DECL(ty_record)

int32_t ty_varchar_modin(const int32_t *m, int n);
int32_t ty_bpchar_modin(const int32_t *m, int n);
void ty_char_modout(ty_buf *b, int32_t tm);
int32_t ty_numeric_modin(const int32_t *m, int n);
void ty_numeric_modout(ty_buf *b, int32_t tm);
int32_t ty_time_modin(const int32_t *m, int n);
int32_t ty_timestamp_modin(const int32_t *m, int n);
void ty_time_modout(ty_buf *b, int32_t tm);
void ty_timetz_modout(ty_buf *b, int32_t tm);
void ty_timestamp_modout(ty_buf *b, int32_t tm);
void ty_timestamptz_modout(ty_buf *b, int32_t tm);
int32_t ty_interval_modin(const int32_t *m, int n);
void ty_interval_modout(ty_buf *b, int32_t tm);

/* comparison and hashing per type */
int ty_cmp_bool(Datum a, Datum b);
int ty_cmp_int2(Datum a, Datum b);
int ty_cmp_int4(Datum a, Datum b);
int ty_cmp_int8(Datum a, Datum b);
int ty_cmp_oid(Datum a, Datum b);
int ty_cmp_char(Datum a, Datum b);
int ty_cmp_tid(Datum a, Datum b);
int ty_cmp_float4(Datum a, Datum b);
int ty_cmp_float8(Datum a, Datum b);
int ty_cmp_name(Datum a, Datum b);
int ty_cmp_bytea(Datum a, Datum b);
int ty_cmp_date(Datum a, Datum b);
int ty_cmp_time(Datum a, Datum b);
int ty_cmp_timetz(Datum a, Datum b);
int ty_cmp_interval(Datum a, Datum b);
int ty_cmp_uuid(Datum a, Datum b);
int ty_cmp_jsonb(Datum a, Datum b);
int ty_cmp_array(Datum a, Datum b);
int ty_cmp_vector(Datum a, Datum b);
uint32_t ty_hash_bool(Datum a);
uint32_t ty_hash_int2(Datum a);
uint32_t ty_hash_int4(Datum a);
uint32_t ty_hash_int8(Datum a);
uint32_t ty_hash_oid(Datum a);
uint32_t ty_hash_char(Datum a);
uint32_t ty_hash_tid(Datum a);
uint32_t ty_hash_float4(Datum a);
uint32_t ty_hash_float8(Datum a);
uint32_t ty_hash_numeric(Datum a);
uint32_t ty_hash_text(Datum a);
uint32_t ty_hash_bpchar(Datum a);
uint32_t ty_hash_name(Datum a);
uint32_t ty_hash_date(Datum a);
uint32_t ty_hash_time(Datum a);
uint32_t ty_hash_timetz(Datum a);
uint32_t ty_hash_interval(Datum a);
uint32_t ty_hash_uuid(Datum a);
uint32_t ty_hash_jsonb(Datum a);
uint32_t ty_hash_array(Datum a);
uint32_t ty_hash_vector(Datum a);

/* ---- floats -------------------------------------------------------------------------------- */
/* Shortest round-trip (extra_float_digits > 0) or %.{15+efd}g output, PostgreSQL's layout. */
int ty_float8_to_str(double v, char *buf);  /* buf >= 32 bytes */
int ty_float4_to_str(float v, char *buf);
double ty_float8_parse(const char *s, const char *tname, const char *orig, const char **end);
noreturn void ty_float_overflow(void);
noreturn void ty_float_underflow(void);

/* ---- text -------------------------------------------------------------------------------- */
/* Number of UTF-8 characters in s[0..n). */
int ty_utf8_strlen(const char *s, int n);
/* Byte length of the UTF-8 character starting at s (1 for invalid lead bytes). */
static inline int
ty_utf8_charlen(unsigned char ch)
{
	if (ch < 0x80)
		return 1;
	if ((ch & 0xE0) == 0xC0)
		return 2;
	if ((ch & 0xF0) == 0xE0)
		return 3;
	if ((ch & 0xF8) == 0xF0)
		return 4;
	return 1;
}
/* Encode code point cp as UTF-8 into out (4 bytes room); returns the length. */
int ty_utf8_encode(unsigned cp, char *out);
/* Value of a hexadecimal digit, -1 if c is not one. */
int ty_hexval(char c);
/* Bytes taken by the first nchars characters of s[0..n). */
int ty_utf8_bytes_for_chars(const char *s, int n, int nchars);
/* Raise 22021 invalid byte sequence for encoding "UTF8" when s is not valid UTF-8. */
void ty_utf8_verify(const char *s, int n);
/* Blank-padded length (without trailing spaces) of a bpchar value. */
int ty_bpchar_trimmed_len(const char *s, int n);
/* text comparison of two byte strings (C collation). */
static inline int
ty_memcmp_len(const char *a, int na, const char *b, int nb)
{
	int r = memcmp(a, b, na < nb ? na : nb);
	if (r != 0)
		return r;
	return (na > nb) - (na < nb);
}

/* ---- casting helpers used by the function tables --------------------------------------- */
/* Output a value of any type and make it text (I/O casts, concat, format). */
Datum ty_any_to_text(Datum v, Oid type);

/* ---- the tables (ty_catalog.c) ------------------------------------------------------------- */
const ty_func *ty_func_by_prosrc(const char *prosrc);

/* ---- random numbers (ty_math.c), shared with uuid ------------------------------------- */
uint64_t ty_random_u64(void);
void ty_random_bytes(void *buf, size_t n);

#endif
