/*
 * ty_text.c — character types (text, varchar, bpchar, name, unknown) and bytea: I/O,
 * length typmods, comparison (C collation) and hashing; UTF-8 helpers.
 */
#include <stdio.h>

#include "types/ty_int.h"

#define MaxAttrSize (10 * 1024 * 1024)

/* ---- UTF-8 ------------------------------------------------------------------------------ */

int
ty_utf8_strlen(const char *s, int n)
{
	int count = 0;
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	/* fast path: count bytes that are not continuation bytes */
	while (p < e) {
		count += (*p & 0xC0) != 0x80;
		p++;
	}
	return count;
}

int
ty_utf8_bytes_for_chars(const char *s, int n, int nchars)
{
	int i = 0;
	while (nchars > 0 && i < n) {
		i += ty_utf8_charlen((unsigned char)s[i]);
		nchars--;
	}
	return i > n ? n : i;
}

void
ty_utf8_verify(const char *s, int n)
{
	const unsigned char *p = (const unsigned char *)s;
	int i = 0;
	while (i < n) {
		unsigned char c = p[i];
		if (c < 0x80) {
			if (c == 0)
				ph_error(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE,
				         "invalid byte sequence for encoding \"UTF8\": 0x00");
			i++;
			continue;
		}
		int len = ty_utf8_charlen(c);
		bool ok = len > 1 && i + len <= n;
		if (ok) {
			for (int k = 1; k < len; k++)
				if ((p[i + k] & 0xC0) != 0x80)
					ok = false;
		}
		if (ok) {
			/* overlongs, surrogates and > U+10FFFF */
			if (len == 2 && c < 0xC2)
				ok = false;
			else if (len == 3) {
				if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] > 0x9F))
					ok = false;
			} else if (len == 4) {
				if ((c == 0xF0 && p[i + 1] < 0x90) || c > 0xF4 || (c == 0xF4 && p[i + 1] > 0x8F))
					ok = false;
			}
		}
		if (!ok) {
			char buf[64];
			int l = 0, m = len < 1 ? 1 : len;
			for (int k = 0; k < m && i + k < n; k++)
				l += snprintf(buf + l, sizeof buf - (size_t)l, "%s0x%02x", k ? " " : "", p[i + k]);
			ph_error(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE,
			         "invalid byte sequence for encoding \"UTF8\": %s", buf);
		}
		i += len;
	}
}

int
ty_bpchar_trimmed_len(const char *s, int n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n;
}

/* ---- text ---------------------------------------------------------------------------------- */

Datum
ty_text_in(const char *s, Oid t, int32_t tm)
{
	return ty_text_datum(s, strlen(s));
}

void
ty_text_out(ty_buf *b, Datum v, Oid t)
{
	ty_buf_append(b, ty_vardata(v), ty_varsize(v));
}

Datum
ty_text_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_utf8_verify(d, n);
	return ty_text_datum(d, (size_t)n);
}

void
ty_text_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_append(b, ty_vardata(v), ty_varsize(v));
}

/* ---- varchar / bpchar --------------------------------------------------------------------- */

/* Length check of PostgreSQL's varchar_input/bpchar_input: excess characters may only be
 * spaces (they are dropped); anything else is 22001. */
static int
fit_length(const char *s, int n, int maxlen, const char *tname)
{
	int nchars = ty_utf8_strlen(s, n);
	if (nchars <= maxlen)
		return n;
	int keep = ty_utf8_bytes_for_chars(s, n, maxlen);
	for (int i = keep; i < n; i++)
		if (s[i] != ' ')
			ph_error(ERRCODE_STRING_DATA_RIGHT_TRUNCATION, "value too long for type %s(%d)", tname,
			         maxlen);
	return keep;
}

Datum
ty_varchar_in(const char *s, Oid t, int32_t tm)
{
	int n = (int)strlen(s);
	if (tm >= (int32_t)VARHDRSZ)
		n = fit_length(s, n, tm - VARHDRSZ, "character varying");
	return ty_text_datum(s, (size_t)n);
}

void
ty_varchar_out(ty_buf *b, Datum v, Oid t)
{
	ty_text_out(b, v, t);
}

Datum
ty_varchar_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_utf8_verify(d, n);
	if (tm >= (int32_t)VARHDRSZ)
		n = fit_length(d, n, tm - VARHDRSZ, "character varying");
	return ty_text_datum(d, (size_t)n);
}

void
ty_varchar_send(ty_buf *b, Datum v, Oid t)
{
	ty_text_send(b, v, t);
}

/* Build a bpchar of exactly maxlen characters (pad with blanks), or as is without typmod. */
static Datum
bpchar_make(const char *s, int n, int32_t tm)
{
	if (tm < (int32_t)VARHDRSZ)
		return ty_text_datum(s, (size_t)n);
	int maxlen = tm - VARHDRSZ;
	n = fit_length(s, n, maxlen, "character");
	int nchars = ty_utf8_strlen(s, n);
	int pad = maxlen - nchars;
	char *v = palloc((size_t)(VARHDRSZ + n + (pad > 0 ? pad : 0)));
	memcpy(v + VARHDRSZ, s, (size_t)n);
	if (pad > 0)
		memset(v + VARHDRSZ + n, ' ', (size_t)pad);
	SET_VARSIZE(v, (uint32_t)(VARHDRSZ + n + (pad > 0 ? pad : 0)));
	return PointerGetDatum(v);
}

Datum
ty_bpchar_in(const char *s, Oid t, int32_t tm)
{
	return bpchar_make(s, (int)strlen(s), tm);
}

void
ty_bpchar_out(ty_buf *b, Datum v, Oid t)
{
	ty_text_out(b, v, t);
}

Datum
ty_bpchar_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_utf8_verify(d, n);
	return bpchar_make(d, n, tm);
}

void
ty_bpchar_send(ty_buf *b, Datum v, Oid t)
{
	ty_text_send(b, v, t);
}

static int32_t
char_modin(const int32_t *m, int n, const char *tname)
{
	if (n != 1)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid type modifier");
	if (m[0] < 1)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "length for type %s must be at least 1", tname);
	if (m[0] > MaxAttrSize)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "length for type %s cannot exceed %d", tname,
		         MaxAttrSize);
	return m[0] + VARHDRSZ;
}

int32_t
ty_varchar_modin(const int32_t *m, int n)
{
	return char_modin(m, n, "varchar");
}

int32_t
ty_bpchar_modin(const int32_t *m, int n)
{
	return char_modin(m, n, "char");
}

void
ty_char_modout(ty_buf *b, int32_t tm)
{
	if (tm >= (int32_t)VARHDRSZ)
		ty_buf_printf(b, "(%d)", tm - VARHDRSZ);
}

/* Comparison: text/varchar bytewise; bpchar without trailing blanks. */
int
ty_text_cmp(Datum a, Datum b)
{
	return ty_memcmp_len(ty_vardata(a), ty_varsize(a), ty_vardata(b), ty_varsize(b));
}

bool
ty_text_eq(Datum a, Datum b)
{
	int n = ty_varsize(a);
	return n == ty_varsize(b) && memcmp(ty_vardata(a), ty_vardata(b), (size_t)n) == 0;
}

int
ty_bpchar_cmp(Datum a, Datum b)
{
	return ty_memcmp_len(ty_vardata(a), ty_bpchar_trimmed_len(ty_vardata(a), ty_varsize(a)),
	                     ty_vardata(b), ty_bpchar_trimmed_len(ty_vardata(b), ty_varsize(b)));
}

uint32_t
ty_hash_text(Datum a)
{
	return ty_hash_bytes(ty_vardata(a), (size_t)ty_varsize(a));
}

uint32_t
ty_hash_bpchar(Datum a)
{
	return ty_hash_bytes(ty_vardata(a), (size_t)ty_bpchar_trimmed_len(ty_vardata(a), ty_varsize(a)));
}

/* ---- name: 64 bytes, NUL padded ------------------------------------------------------------ */

static Datum
name_make(const char *s, int n)
{
	if (n >= NAMEDATALEN) {
		/* truncate to 63 bytes, keeping whole characters */
		int keep = 0;
		while (keep < n) {
			int cl = ty_utf8_charlen((unsigned char)s[keep]);
			if (keep + cl > NAMEDATALEN - 1)
				break;
			keep += cl;
		}
		n = keep;
	}
	char *v = palloc0(NAMEDATALEN);
	memcpy(v, s, (size_t)n);
	return PointerGetDatum(v);
}

Datum
ty_name_in(const char *s, Oid t, int32_t tm)
{
	return name_make(s, (int)strlen(s));
}

void
ty_name_out(ty_buf *b, Datum v, Oid t)
{
	const char *p = DatumGetPointer(v);
	ty_buf_append(b, p, (int)strnlen(p, NAMEDATALEN));
}

Datum
ty_name_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_utf8_verify(d, n);
	if (n >= NAMEDATALEN)
		ph_error(ERRCODE_NAME_TOO_LONG, "identifier too long");
	return name_make(d, n);
}

void
ty_name_send(ty_buf *b, Datum v, Oid t)
{
	ty_name_out(b, v, t);
}

int
ty_cmp_name(Datum a, Datum b)
{
	const char *x = DatumGetPointer(a), *y = DatumGetPointer(b);
	return ty_memcmp_len(x, (int)strnlen(x, NAMEDATALEN), y, (int)strnlen(y, NAMEDATALEN));
}

uint32_t
ty_hash_name(Datum a)
{
	const char *x = DatumGetPointer(a);
	return ty_hash_bytes(x, strnlen(x, NAMEDATALEN));
}

/* ---- unknown (C string), void, record -------------------------------------------------------- */

Datum
ty_unknown_in(const char *s, Oid t, int32_t tm)
{
	return PointerGetDatum(pstrdup(s));
}

void
ty_unknown_out(ty_buf *b, Datum v, Oid t)
{
	ty_buf_puts(b, DatumGetPointer(v));
}

Datum
ty_unknown_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_utf8_verify(d, n);
	return PointerGetDatum(pstrndup(d, (size_t)n));
}

void
ty_unknown_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_puts(b, DatumGetPointer(v));
}

Datum
ty_void_in(const char *s, Oid t, int32_t tm)
{
	return 0;
}

void
ty_void_out(ty_buf *b, Datum v, Oid t)
{
}

Datum
ty_void_recv(const char *d, int n, Oid t, int32_t tm)
{
	return 0;
}

void
ty_void_send(ty_buf *b, Datum v, Oid t)
{
}

Datum
ty_record_in(const char *s, Oid t, int32_t tm)
{
	ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "input of anonymous composite types is not implemented");
}

void
ty_record_out(ty_buf *b, Datum v, Oid t)
{
	ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "record values are printed by the executor");
}

Datum
ty_record_recv(const char *d, int n, Oid t, int32_t tm)
{
	ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "input of anonymous composite types is not implemented");
}

void
ty_record_send(ty_buf *b, Datum v, Oid t)
{
	ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "record values are sent by the executor");
}

/* ---- bytea -------------------------------------------------------------------------------- */

int
ty_utf8_encode(unsigned cp, char *x)
{
	if (cp < 0x80) {
		x[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		x[0] = (char)(0xC0 | (cp >> 6));
		x[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		x[0] = (char)(0xE0 | (cp >> 12));
		x[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		x[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	x[0] = (char)(0xF0 | (cp >> 18));
	x[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	x[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	x[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int
ty_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode hex digits (whitespace between byte pairs allowed); returns bytes written. */
int ty_hex_decode(const char *s, int n, char *out);
int
ty_hex_decode(const char *s, int n, char *out)
{
	int o = 0, i = 0;
	while (i < n) {
		if (ty_isspace((unsigned char)s[i])) {
			i++;
			continue;
		}
		int h = ty_hexval(s[i]);
		if (h < 0) {
			int cl = ty_utf8_charlen((unsigned char)s[i]);
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"%.*s\"", cl, s + i);
		}
		if (i + 1 >= n)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
		int l = ty_hexval(s[i + 1]);
		if (l < 0) {
			int cl = ty_utf8_charlen((unsigned char)s[i + 1]);
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"%.*s\"", cl,
			         s + i + 1);
		}
		out[o++] = (char)((h << 4) | l);
		i += 2;
	}
	return o;
}

Datum
ty_bytea_in(const char *s, Oid t, int32_t tm)
{
	size_t n = strlen(s);
	if (n >= 2 && s[0] == '\\' && s[1] == 'x') {
		char *v = palloc(VARHDRSZ + (n - 2) / 2 + 1);
		int len = ty_hex_decode(s + 2, (int)n - 2, v + VARHDRSZ);
		SET_VARSIZE(v, (uint32_t)(VARHDRSZ + len));
		return PointerGetDatum(v);
	}
	/* escape format */
	char *v = palloc(VARHDRSZ + n + 1);
	char *o = v + VARHDRSZ;
	for (size_t i = 0; i < n;) {
		if (s[i] != '\\') {
			*o++ = s[i++];
		} else if (i + 1 < n && s[i + 1] == '\\') {
			*o++ = '\\';
			i += 2;
		} else if (i + 3 < n && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' &&
		           s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
			*o++ = (char)(((s[i + 1] - '0') << 6) | ((s[i + 2] - '0') << 3) | (s[i + 3] - '0'));
			i += 4;
		} else
			ph_error(ERRCODE_INVALID_TEXT_REPRESENTATION, "invalid input syntax for type %s", "bytea");
	}
	SET_VARSIZE(v, (uint32_t)(o - v));
	return PointerGetDatum(v);
}

void
ty_bytea_out(ty_buf *b, Datum v, Oid t)
{
	static const char hx[] = "0123456789abcdef";
	int n = ty_varsize(v);
	const unsigned char *p = (const unsigned char *)ty_vardata(v);
	ty_buf_reserve(b, 2 + 2 * n);
	char *o = b->data + b->len;
	*o++ = '\\';
	*o++ = 'x';
	for (int i = 0; i < n; i++) {
		*o++ = hx[p[i] >> 4];
		*o++ = hx[p[i] & 15];
	}
	*o = '\0';
	b->len += 2 + 2 * n;
}

Datum
ty_bytea_recv(const char *d, int n, Oid t, int32_t tm)
{
	return ty_text_datum(d, (size_t)n);
}

void
ty_bytea_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_append(b, ty_vardata(v), ty_varsize(v));
}

int
ty_cmp_bytea(Datum a, Datum b)
{
	return ty_text_cmp(a, b);
}
