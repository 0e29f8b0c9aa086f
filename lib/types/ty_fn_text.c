/*
 * ty_fn_text.c — string and bytea operators and functions (character positions count
 * UTF-8 characters, comparison is bytewise: the C collation), LIKE/ILIKE operators,
 * POSIX regular expressions (libc <regex.h>, extended syntax), format(), md5/sha256,
 * encode/decode, casts among the character types.
 */
#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>

#include "types/ty_catdef.h"

bool ty_parse_bool_text(const char *s, size_t n, bool *out);
Datum ty_like_escape(const char *pat, int plen, const char *esc, int elen);
int ty_hex_decode(const char *s, int n, char *out);

#define TXT(n) ty_vardata(ARG(n))
#define TLEN(n) ty_varsize(ARG(n))

static Datum
mk(ty_buf *b)
{
	SET_VARSIZE(b->data, (uint32_t)b->len);
	return PointerGetDatum(b->data);
}

static void
vbuf(ty_buf *b, int cap)
{
	ty_buf_init(b, cap + VARHDRSZ + 1);
	b->len = VARHDRSZ;
}

/* ---- comparison ------------------------------------------------------------------------------ */

#define TCMP(name, EXPR)                                                                         \
	static Datum name(fn_call *c) { return BoolGetDatum(EXPR); }
TCMP(texteq, ty_text_eq(ARG(0), ARG(1)))
TCMP(textne, !ty_text_eq(ARG(0), ARG(1)))
TCMP(text_lt, ty_text_cmp(ARG(0), ARG(1)) < 0)
TCMP(text_le, ty_text_cmp(ARG(0), ARG(1)) <= 0)
TCMP(text_gt, ty_text_cmp(ARG(0), ARG(1)) > 0)
TCMP(text_ge, ty_text_cmp(ARG(0), ARG(1)) >= 0)
TCMP(bpchareq, ty_bpchar_cmp(ARG(0), ARG(1)) == 0)
TCMP(bpcharne, ty_bpchar_cmp(ARG(0), ARG(1)) != 0)
TCMP(bpcharlt, ty_bpchar_cmp(ARG(0), ARG(1)) < 0)
TCMP(bpcharle, ty_bpchar_cmp(ARG(0), ARG(1)) <= 0)
TCMP(bpchargt, ty_bpchar_cmp(ARG(0), ARG(1)) > 0)
TCMP(bpcharge, ty_bpchar_cmp(ARG(0), ARG(1)) >= 0)
TCMP(nameeq, ty_cmp_name(ARG(0), ARG(1)) == 0)
TCMP(namene, ty_cmp_name(ARG(0), ARG(1)) != 0)
TCMP(namelt, ty_cmp_name(ARG(0), ARG(1)) < 0)
TCMP(namele, ty_cmp_name(ARG(0), ARG(1)) <= 0)
TCMP(namegt, ty_cmp_name(ARG(0), ARG(1)) > 0)
TCMP(namege, ty_cmp_name(ARG(0), ARG(1)) >= 0)
TCMP(byteaeq, ty_text_eq(ARG(0), ARG(1)))
TCMP(byteane, !ty_text_eq(ARG(0), ARG(1)))
TCMP(bytealt, ty_text_cmp(ARG(0), ARG(1)) < 0)
TCMP(byteale, ty_text_cmp(ARG(0), ARG(1)) <= 0)
TCMP(byteagt, ty_text_cmp(ARG(0), ARG(1)) > 0)
TCMP(byteage, ty_text_cmp(ARG(0), ARG(1)) >= 0)

/* name vs text (PostgreSQL 12+) */
static int
name_text_cmp(Datum n, Datum t)
{
	const char *x = DatumGetPointer(n);
	return ty_memcmp_len(x, (int)strnlen(x, NAMEDATALEN), ty_vardata(t), ty_varsize(t));
}
TCMP(nameeqtext, name_text_cmp(ARG(0), ARG(1)) == 0)
TCMP(namenetext, name_text_cmp(ARG(0), ARG(1)) != 0)
TCMP(namelttext, name_text_cmp(ARG(0), ARG(1)) < 0)
TCMP(nameletext, name_text_cmp(ARG(0), ARG(1)) <= 0)
TCMP(namegttext, name_text_cmp(ARG(0), ARG(1)) > 0)
TCMP(namegetext, name_text_cmp(ARG(0), ARG(1)) >= 0)
TCMP(texteqname, name_text_cmp(ARG(1), ARG(0)) == 0)
TCMP(textnename, name_text_cmp(ARG(1), ARG(0)) != 0)
TCMP(textltname, name_text_cmp(ARG(1), ARG(0)) > 0)
TCMP(textlename, name_text_cmp(ARG(1), ARG(0)) >= 0)
TCMP(textgtname, name_text_cmp(ARG(1), ARG(0)) < 0)
TCMP(textgename, name_text_cmp(ARG(1), ARG(0)) <= 0)

static Datum
bttextcmp(fn_call *c)
{
	return Int32GetDatum(ty_text_cmp(ARG(0), ARG(1)));
}

static Datum
bpcharcmp(fn_call *c)
{
	return Int32GetDatum(ty_bpchar_cmp(ARG(0), ARG(1)));
}

static Datum
btnamecmp(fn_call *c)
{
	return Int32GetDatum(ty_cmp_name(ARG(0), ARG(1)));
}

static Datum
byteacmp(fn_call *c)
{
	return Int32GetDatum(ty_text_cmp(ARG(0), ARG(1)));
}

static Datum
text_larger(fn_call *c)
{
	return ty_text_cmp(ARG(0), ARG(1)) > 0 ? ARG(0) : ARG(1);
}

static Datum
text_smaller(fn_call *c)
{
	return ty_text_cmp(ARG(0), ARG(1)) < 0 ? ARG(0) : ARG(1);
}

static Datum
bpchar_larger(fn_call *c)
{
	return ty_bpchar_cmp(ARG(0), ARG(1)) >= 0 ? ARG(0) : ARG(1);
}

static Datum
bpchar_smaller(fn_call *c)
{
	return ty_bpchar_cmp(ARG(0), ARG(1)) <= 0 ? ARG(0) : ARG(1);
}

static Datum
text_starts_with(fn_call *c)
{
	int n = TLEN(0), m = TLEN(1);
	return BoolGetDatum(m <= n && memcmp(TXT(0), TXT(1), (size_t)m) == 0);
}

/* ---- concatenation ---------------------------------------------------------------------------- */

static Datum
textcat(fn_call *c)
{
	int n = TLEN(0), m = TLEN(1);
	char *v = palloc((size_t)(VARHDRSZ + n + m));
	SET_VARSIZE(v, (uint32_t)(VARHDRSZ + n + m));
	memcpy(v + VARHDRSZ, TXT(0), (size_t)n);
	memcpy(v + VARHDRSZ + n, TXT(1), (size_t)m);
	return PointerGetDatum(v);
}

/* text || anynonarray and the reverse: the other side through its output function */
static Datum
textanycat(fn_call *c)
{
	ty_buf b;
	vbuf(&b, 32);
	ty_buf_append(&b, TXT(0), TLEN(0));
	ty_must(ARGTYPE(1))->out(&b, ARG(1), ARGTYPE(1));
	return mk(&b);
}

static Datum
anytextcat(fn_call *c)
{
	ty_buf b;
	vbuf(&b, 32);
	ty_must(ARGTYPE(0))->out(&b, ARG(0), ARGTYPE(0));
	ty_buf_append(&b, TXT(1), TLEN(1));
	return mk(&b);
}

static Datum
byteacat(fn_call *c)
{
	return textcat(c);
}

/* ---- lengths -------------------------------------------------------------------------------------- */

static Datum
textlen(fn_call *c)
{
	return Int32GetDatum(ty_utf8_strlen(TXT(0), TLEN(0)));
}

static Datum
bpcharlen(fn_call *c)
{
	return Int32GetDatum(ty_utf8_strlen(TXT(0), ty_bpchar_trimmed_len(TXT(0), TLEN(0))));
}

static Datum
textoctetlen(fn_call *c)
{
	return Int32GetDatum(TLEN(0));
}

static Datum
bitlength(fn_call *c)
{
	return Int32GetDatum(TLEN(0) * 8);
}

/* ---- case ---------------------------------------------------------------------------------- */

static Datum
lower(fn_call *c)
{
	int n = TLEN(0);
	char *v = ty_varlena_make(TXT(0), (size_t)n);
	for (int i = 0; i < n; i++)
		v[VARHDRSZ + i] = (char)ty_tolower((unsigned char)v[VARHDRSZ + i]);
	return PointerGetDatum(v);
}

static Datum
upper(fn_call *c)
{
	int n = TLEN(0);
	char *v = ty_varlena_make(TXT(0), (size_t)n);
	for (int i = 0; i < n; i++)
		v[VARHDRSZ + i] = (char)ty_toupper((unsigned char)v[VARHDRSZ + i]);
	return PointerGetDatum(v);
}

static Datum
initcap(fn_call *c)
{
	int n = TLEN(0);
	char *v = ty_varlena_make(TXT(0), (size_t)n);
	char *s = v + VARHDRSZ;
	bool wasalnum = false;
	for (int i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		s[i] = (char)(wasalnum ? ty_tolower(ch) : ty_toupper(ch));
		/* C collation: only ASCII letters and digits are alphanumeric */
		wasalnum = ty_isalpha(ch) || ty_isdigit(ch);
	}
	return PointerGetDatum(v);
}

/* ---- substrings --------------------------------------------------------------------------------- */

/* Characters [start, start+count) with SQL's rules (start may be <= 0), count -1 = to end. */
static Datum
substr_chars(const char *s, int n, int64_t start, int64_t count, bool has_count, bool bytes)
{
	int64_t e;
	if (has_count) {
		if (count < 0)
			ph_error(ERRCODE_SUBSTRING_ERROR, "negative substring length not allowed");
		if (__builtin_add_overflow(start, count, &e))
			e = INT64_MAX;
	} else
		e = INT64_MAX;
	int64_t s1 = start < 1 ? 1 : start;
	if (e <= s1)
		return ret_text("", 0);
	int64_t nchars = e - s1;
	int b1, b2;
	if (bytes) {
		b1 = s1 - 1 > n ? n : (int)(s1 - 1);
		b2 = (int64_t)b1 + nchars > n ? n : (int)(b1 + nchars);
	} else {
		b1 = ty_utf8_bytes_for_chars(s, n, s1 - 1 > n ? n : (int)(s1 - 1));
		b2 = b1 + ty_utf8_bytes_for_chars(s + b1, n - b1, nchars > n ? n : (int)nchars);
	}
	return ret_text(s + b1, b2 - b1);
}

static Datum
text_substr(fn_call *c)
{
	return substr_chars(TXT(0), TLEN(0), ARG_INT32(1), c->nargs > 2 ? ARG_INT32(2) : -1,
	                    c->nargs > 2, false);
}

static Datum
bytea_substr(fn_call *c)
{
	return substr_chars(TXT(0), TLEN(0), ARG_INT32(1), c->nargs > 2 ? ARG_INT32(2) : -1,
	                    c->nargs > 2, true);
}

static Datum
text_left(fn_call *c)
{
	const char *s = TXT(0);
	int n = TLEN(0), k = ARG_INT32(1);
	int len = ty_utf8_strlen(s, n);
	if (k < 0)
		k = len + k < 0 ? 0 : len + k;
	return ret_text(s, ty_utf8_bytes_for_chars(s, n, k));
}

static Datum
text_right(fn_call *c)
{
	const char *s = TXT(0);
	int n = TLEN(0), k = ARG_INT32(1);
	int len = ty_utf8_strlen(s, n);
	int skip = k < 0 ? -k : len - k;
	if (skip < 0)
		skip = 0;
	if (skip > len)
		skip = len;
	int b = ty_utf8_bytes_for_chars(s, n, skip);
	return ret_text(s + b, n - b);
}

/* 1-based character position of needle in hay, 0 if absent */
static int
text_position(const char *h, int hn, const char *nd, int nn, bool bytes)
{
	if (nn == 0)
		return 1;
	const char *p = memmem(h, (size_t)hn, nd, (size_t)nn);
	if (!p)
		return 0;
	return bytes ? (int)(p - h) + 1 : ty_utf8_strlen(h, (int)(p - h)) + 1;
}

static Datum
textpos(fn_call *c)
{
	return Int32GetDatum(text_position(TXT(0), TLEN(0), TXT(1), TLEN(1), false));
}

static Datum
byteapos(fn_call *c)
{
	return Int32GetDatum(text_position(TXT(0), TLEN(0), TXT(1), TLEN(1), true));
}

static Datum
textoverlay(fn_call *c)
{
	const char *s = TXT(0);
	int n = TLEN(0);
	int64_t from = ARG_INT32(2);
	int64_t len = c->nargs > 3 ? ARG_INT32(3) : ty_utf8_strlen(TXT(1), TLEN(1));
	int64_t after = from + len;
	if (from < 1 || after < from)
		ph_error(ERRCODE_SUBSTRING_ERROR, "negative substring length not allowed");
	int b1 = ty_utf8_bytes_for_chars(s, n, from - 1 > n ? n : (int)(from - 1));
	int b2 = ty_utf8_bytes_for_chars(s, n, after - 1 > n ? n : (int)(after - 1));
	ty_buf b;
	vbuf(&b, n + TLEN(1));
	ty_buf_append(&b, s, b1);
	ty_buf_append(&b, TXT(1), TLEN(1));
	ty_buf_append(&b, s + b2, n - b2);
	return mk(&b);
}

static Datum
replace_text(fn_call *c)
{
	const char *s = TXT(0), *f = TXT(1), *t = TXT(2);
	int n = TLEN(0), fn = TLEN(1), tn = TLEN(2);
	if (fn == 0 || n == 0)
		return ty_datum_copy(ty_get(TEXTOID), ARG(0));
	ty_buf b;
	vbuf(&b, n);
	int i = 0;
	for (;;) {
		const char *p = memmem(s + i, (size_t)(n - i), f, (size_t)fn);
		if (!p)
			break;
		ty_buf_append(&b, s + i, (int)(p - (s + i)));
		ty_buf_append(&b, t, tn);
		i = (int)(p - s) + fn;
	}
	ty_buf_append(&b, s + i, n - i);
	return mk(&b);
}

static Datum
translate(fn_call *c)
{
	const char *s = TXT(0), *f = TXT(1), *t = TXT(2);
	int n = TLEN(0), fn = TLEN(1), tn = TLEN(2);
	ty_buf b;
	vbuf(&b, n);
	for (int i = 0; i < n;) {
		int cl = ty_utf8_charlen((unsigned char)s[i]);
		if (cl > n - i)
			cl = n - i;
		/* find the character in from */
		int idx = 0, fi = 0;
		bool found = false;
		while (fi < fn) {
			int fl = ty_utf8_charlen((unsigned char)f[fi]);
			if (fl == cl && memcmp(f + fi, s + i, (size_t)cl) == 0) {
				found = true;
				break;
			}
			fi += fl;
			idx++;
		}
		if (!found)
			ty_buf_append(&b, s + i, cl);
		else {
			int ti = 0, k = 0;
			while (ti < tn && k < idx) {
				ti += ty_utf8_charlen((unsigned char)t[ti]);
				k++;
			}
			if (ti < tn)
				ty_buf_append(&b, t + ti, ty_utf8_charlen((unsigned char)t[ti]));
		}
		i += cl;
	}
	return mk(&b);
}

/* ---- trimming and padding -------------------------------------------------------------------- */

static bool
in_set(const char *set, int setn, const char *ch, int cl)
{
	for (int i = 0; i < setn;) {
		int l = ty_utf8_charlen((unsigned char)set[i]);
		if (l == cl && memcmp(set + i, ch, (size_t)cl) == 0)
			return true;
		i += l;
	}
	return false;
}

static Datum
do_trim(fn_call *c, bool left, bool right)
{
	const char *s = TXT(0);
	int n = TLEN(0);
	const char *set = " ";
	int setn = 1;
	if (c->nargs > 1) {
		set = TXT(1);
		setn = TLEN(1);
	}
	int b = 0, e = n;
	if (left)
		while (b < e) {
			int cl = ty_utf8_charlen((unsigned char)s[b]);
			if (!in_set(set, setn, s + b, cl))
				break;
			b += cl;
		}
	if (right)
		while (e > b) {
			int st = e - 1;
			while (st > b && ((unsigned char)s[st] & 0xC0) == 0x80)
				st--;
			if (!in_set(set, setn, s + st, e - st))
				break;
			e = st;
		}
	return ret_text(s + b, e - b);
}

static Datum
btrim(fn_call *c)
{
	return do_trim(c, true, true);
}

static Datum
ltrim(fn_call *c)
{
	return do_trim(c, true, false);
}

static Datum
rtrim(fn_call *c)
{
	return do_trim(c, false, true);
}

static Datum
byteatrim(fn_call *c)
{
	const char *s = TXT(0), *set = TXT(1);
	int n = TLEN(0), sn = TLEN(1), b = 0, e = n;
	while (b < e && memchr(set, s[b], (size_t)sn))
		b++;
	while (e > b && memchr(set, s[e - 1], (size_t)sn))
		e--;
	return ret_text(s + b, e - b);
}

static Datum
pad(fn_call *c, bool left)
{
	const char *s = TXT(0);
	int n = TLEN(0);
	int len = ARG_INT32(1);
	const char *fill = " ";
	int fn = 1;
	if (c->nargs > 2) {
		fill = TXT(2);
		fn = TLEN(2);
	}
	if (len < 0)
		len = 0;
	int slen = ty_utf8_strlen(s, n);
	if (slen >= len)
		return ret_text(s, ty_utf8_bytes_for_chars(s, n, len));
	if (fn == 0)
		return ret_text(s, n);
	if ((int64_t)len * 4 > MAX_VARLENA_SIZE)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "requested length too large");
	ty_buf b;
	vbuf(&b, n + (len - slen) * 4);
	int need = len - slen;
	if (!left)
		ty_buf_append(&b, s, n);
	for (int fi = 0; need > 0; need--) {
		int cl = ty_utf8_charlen((unsigned char)fill[fi]);
		ty_buf_append(&b, fill + fi, cl);
		fi += cl;
		if (fi >= fn)
			fi = 0;
	}
	if (left)
		ty_buf_append(&b, s, n);
	return mk(&b);
}

static Datum
lpad(fn_call *c)
{
	return pad(c, true);
}

static Datum
rpad(fn_call *c)
{
	return pad(c, false);
}

static Datum
repeat(fn_call *c)
{
	int n = TLEN(0), k = ARG_INT32(1);
	if (k <= 0 || n == 0)
		return ret_text("", 0);
	if ((int64_t)n * k > MAX_VARLENA_SIZE - VARHDRSZ)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "requested length too large");
	char *v = palloc((size_t)VARHDRSZ + (size_t)n * (size_t)k);
	SET_VARSIZE(v, (uint32_t)(VARHDRSZ + n * k));
	for (int i = 0; i < k; i++)
		memcpy(v + VARHDRSZ + (size_t)i * (size_t)n, TXT(0), (size_t)n);
	return PointerGetDatum(v);
}

static Datum
text_reverse(fn_call *c)
{
	const char *s = TXT(0);
	int n = TLEN(0);
	char *v = palloc((size_t)(VARHDRSZ + n));
	SET_VARSIZE(v, (uint32_t)(VARHDRSZ + n));
	char *o = v + VARHDRSZ + n;
	for (int i = 0; i < n;) {
		int cl = ty_utf8_charlen((unsigned char)s[i]);
		if (cl > n - i)
			cl = n - i;
		o -= cl;
		memcpy(o, s + i, (size_t)cl);
		i += cl;
	}
	return PointerGetDatum(v);
}

static Datum
split_part(fn_call *c)
{
	const char *s = TXT(0), *d = TXT(1);
	int n = TLEN(0), dn = TLEN(1), fld = ARG_INT32(2);
	if (fld == 0)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "field position must not be zero");
	if (n == 0)
		return ret_text("", 0);
	if (dn == 0)
		return (fld == 1 || fld == -1) ? ret_text(s, n) : ret_text("", 0);
	/* collect field boundaries */
	int cap = 16, cnt = 0;
	int *starts = palloc(sizeof(int) * (size_t)cap), *ends = palloc(sizeof(int) * (size_t)cap);
	int i = 0;
	for (;;) {
		const char *p = memmem(s + i, (size_t)(n - i), d, (size_t)dn);
		if (cnt == cap) {
			cap *= 2;
			starts = repalloc(starts, sizeof(int) * (size_t)cap);
			ends = repalloc(ends, sizeof(int) * (size_t)cap);
		}
		starts[cnt] = i;
		ends[cnt] = p ? (int)(p - s) : n;
		cnt++;
		if (!p)
			break;
		i = (int)(p - s) + dn;
	}
	int k = fld > 0 ? fld - 1 : cnt + fld;
	if (k < 0 || k >= cnt)
		return ret_text("", 0);
	return ret_text(s + starts[k], ends[k] - starts[k]);
}

static Datum
ascii_fn(fn_call *c)
{
	const unsigned char *s = (const unsigned char *)TXT(0);
	int n = TLEN(0);
	if (n == 0)
		return Int32GetDatum(0);
	int cl = ty_utf8_charlen(s[0]);
	if (cl == 1 || cl > n)
		return Int32GetDatum(s[0]);
	unsigned cp = s[0] & (0xFF >> (cl + 1));
	for (int i = 1; i < cl; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	return Int32GetDatum((int32_t)cp);
}

static Datum
chr_fn(fn_call *c)
{
	int32_t v = ARG_INT32(0);
	if (v < 0)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "character number must be positive");
	if (v == 0)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
	if (v > 0x10FFFF)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: %d", v);
	if (v >= 0xD800 && v <= 0xDFFF)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "requested character not valid for encoding: %d", v);
	char x[4];
	int n = ty_utf8_encode((unsigned)v, x);
	return ret_text(x, n);
}

static Datum
to_hex32(fn_call *c)
{
	char buf[16];
	int n = snprintf(buf, sizeof buf, "%x", (uint32_t)ARG_INT32(0));
	return ret_text(buf, n);
}

static Datum
to_hex64(fn_call *c)
{
	char buf[24];
	int n = snprintf(buf, sizeof buf, "%llx", (unsigned long long)(uint64_t)ARG_INT64(0));
	return ret_text(buf, n);
}

/* ---- concat / format / quoting ---------------------------------------------------------------- */

static void
append_any(ty_buf *b, fn_call *c, int i)
{
	Oid t = ARGTYPE(i);
	if (t == TEXTOID || t == VARCHAROID)
		ty_buf_append(b, TXT(i), TLEN(i));
	else
		ty_must(t)->out(b, ARG(i), t);
}

static Datum
text_concat(fn_call *c)
{
	ty_buf b;
	vbuf(&b, 64);
	for (int i = 0; i < c->nargs; i++)
		if (!ARG_ISNULL(i))
			append_any(&b, c, i);
	return mk(&b);
}

static Datum
text_concat_ws(fn_call *c)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	ty_buf b;
	vbuf(&b, 64);
	bool first = true;
	for (int i = 1; i < c->nargs; i++) {
		if (ARG_ISNULL(i))
			continue;
		if (!first)
			ty_buf_append(&b, TXT(0), TLEN(0));
		first = false;
		append_any(&b, c, i);
	}
	return mk(&b);
}

/* PostgreSQL's keywords that quote_ident must quote (reserved, type/function-name and
 * column-name keywords). */
static const char *const quote_keywords[] = {
	"all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
	"authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
	"char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
	"constraint", "create", "cross", "current_catalog", "current_date", "current_role",
	"current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal",
	"default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists",
	"extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant",
	"greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
	"int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral",
	"leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "national",
	"natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
	"offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing",
	"position", "precision", "primary", "real", "references", "returning", "right", "row",
	"select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
	"table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim",
	"true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
	"when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
	"xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
};

static bool
is_quote_keyword(const char *s, int n)
{
	for (size_t i = 0; i < sizeof quote_keywords / sizeof quote_keywords[0]; i++)
		if ((int)strlen(quote_keywords[i]) == n && memcmp(quote_keywords[i], s, (size_t)n) == 0)
			return true;
	return false;
}

void ty_quote_ident(ty_buf *b, const char *s, int n);
void
ty_quote_ident(ty_buf *b, const char *s, int n)
{
	bool safe = n > 0 && ((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_');
	for (int i = 0; i < n && safe; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
			safe = false;
	}
	if (safe && is_quote_keyword(s, n))
		safe = false;
	if (safe) {
		ty_buf_append(b, s, n);
		return;
	}
	ty_buf_putc(b, '"');
	for (int i = 0; i < n; i++) {
		if (s[i] == '"')
			ty_buf_putc(b, '"');
		ty_buf_putc(b, s[i]);
	}
	ty_buf_putc(b, '"');
}

static void
quote_literal(ty_buf *b, const char *s, int n)
{
	if (memchr(s, '\\', (size_t)n))
		ty_buf_putc(b, 'E');
	ty_buf_putc(b, '\'');
	for (int i = 0; i < n; i++) {
		if (s[i] == '\'' || s[i] == '\\')
			ty_buf_putc(b, s[i]);
		ty_buf_putc(b, s[i]);
	}
	ty_buf_putc(b, '\'');
}

static Datum
quote_ident_fn(fn_call *c)
{
	ty_buf b;
	vbuf(&b, TLEN(0) + 2);
	ty_quote_ident(&b, TXT(0), TLEN(0));
	return mk(&b);
}

static Datum
quote_literal_fn(fn_call *c)
{
	ty_buf b;
	vbuf(&b, TLEN(0) + 2);
	quote_literal(&b, TXT(0), TLEN(0));
	return mk(&b);
}

static Datum
quote_literal_any(fn_call *c)
{
	ty_buf tmp;
	ty_buf_init(&tmp, 32);
	append_any(&tmp, c, 0);
	ty_buf b;
	vbuf(&b, tmp.len + 2);
	quote_literal(&b, tmp.data, tmp.len);
	return mk(&b);
}

static Datum
quote_nullable(fn_call *c)
{
	if (ARG_ISNULL(0))
		return ret_text("NULL", 4);
	if (ARGTYPE(0) == TEXTOID || ARGTYPE(0) == InvalidOid)
		return quote_literal_fn(c);
	return quote_literal_any(c);
}

static noreturn void
format_error(const char *msg)
{
	ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "%s", msg);
}

static int
parse_num(const char **pp, const char *end, int *out)
{
	const char *p = *pp;
	int64_t v = 0;
	int n = 0;
	while (p < end && ty_isdigit((unsigned char)*p)) {
		v = v * 10 + (*p - '0');
		if (v > INT32_MAX)
			format_error("number is out of range");
		p++;
		n++;
	}
	*pp = p;
	*out = (int)v;
	return n;
}

static Datum
text_format(fn_call *c)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	const char *f = TXT(0), *end = f + TLEN(0);
	int nextarg = 1;
	ty_buf b;
	vbuf(&b, TLEN(0) + 32);
	for (const char *p = f; p < end; p++) {
		if (*p != '%') {
			ty_buf_putc(&b, *p);
			continue;
		}
		p++;
		if (p >= end) {
			ERR_BEGIN(ERRCODE_INVALID_PARAMETER_VALUE);
			err_hint("For a single \"%%\" use \"%%%%\".");
			err_throw("unterminated format() type specifier");
		}
		if (*p == '%') {
			ty_buf_putc(&b, '%');
			continue;
		}
		/* [argpos$][flags][width]type */
		int argpos = -1, width = 0;
		bool left = false, width_arg = false;
		const char *save = p;
		int num;
		if (parse_num(&p, end, &num) > 0 && p < end && *p == '$') {
			if (num == 0)
				format_error("format specifies argument 0, but arguments are numbered from 1");
			argpos = num;
			p++;
		} else
			p = save;
		while (p < end && *p == '-') {
			left = true;
			p++;
		}
		if (p < end && *p == '*') {
			p++;
			width_arg = true;
			const char *s2 = p;
			int wpos;
			int wargn;
			if (parse_num(&p, end, &wpos) > 0 && p < end && *p == '$') {
				p++;
				wargn = wpos;
			} else {
				p = s2;
				wargn = nextarg++;
			}
			if (wargn >= c->nargs)
				format_error("too few arguments for format()");
			if (!ARG_ISNULL(wargn)) {
				Oid wt = ARGTYPE(wargn);
				int64_t w = wt == INT2OID ? ARG_INT16(wargn) : wt == INT8OID ? ARG_INT64(wargn)
				            : ARG_INT32(wargn);
				if (w < 0) {
					left = true;
					w = -w;
				}
				width = (int)w;
			}
		} else
			parse_num(&p, end, &width);
		(void)width_arg;
		if (p >= end)
			format_error("unterminated format() type specifier");
		char type = *p;
		if (type != 's' && type != 'I' && type != 'L') {
			ERR_BEGIN(ERRCODE_INVALID_PARAMETER_VALUE);
			err_hint("For a single \"%%\" use \"%%%%\".");
			int cl = ty_utf8_charlen((unsigned char)type);
			err_throw("unrecognized format() type specifier \"%.*s\"", cl, p);
		}
		int argn = argpos > 0 ? argpos : nextarg;
		if (argn >= c->nargs)
			format_error("too few arguments for format()");
		nextarg = argn + 1;
		ty_buf v;
		ty_buf_init(&v, 32);
		bool isnull = ARG_ISNULL(argn);
		if (type == 'I') {
			if (isnull)
				ph_error(ERRCODE_NULL_VALUE_NOT_ALLOWED,
				         "null values cannot be formatted as an SQL identifier");
			ty_buf t;
			ty_buf_init(&t, 32);
			append_any(&t, c, argn);
			ty_quote_ident(&v, t.data, t.len);
		} else if (type == 'L') {
			if (isnull)
				ty_buf_puts(&v, "NULL");
			else {
				ty_buf t;
				ty_buf_init(&t, 32);
				append_any(&t, c, argn);
				quote_literal(&v, t.data, t.len);
			}
		} else if (!isnull)
			append_any(&v, c, argn);
		int vl = ty_utf8_strlen(v.data, v.len);
		if (!left)
			for (int k = vl; k < width; k++)
				ty_buf_putc(&b, ' ');
		ty_buf_append(&b, v.data, v.len);
		if (left)
			for (int k = vl; k < width; k++)
				ty_buf_putc(&b, ' ');
	}
	return mk(&b);
}

/* ---- md5 and sha-256 ------------------------------------------------------------------------ */

static uint32_t
rol(uint32_t x, int c2)
{
	return (x << c2) | (x >> (32 - c2));
}

void ty_md5(const void *data, size_t len, unsigned char out[16]);
void
ty_md5(const void *data, size_t len, unsigned char out[16])
{
	static const uint32_t K[64] = {
		0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
		0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
		0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
		0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
		0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
		0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
		0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
		0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
		0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
		0xeb86d391};
	static const int R[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
	                          5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
	                          4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
	                          6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
	uint32_t h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476;
	size_t total = ((len + 8) / 64 + 1) * 64;
	unsigned char *msg = palloc0(total);
	memcpy(msg, data, len);
	msg[len] = 0x80;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		msg[total - 8 + i] = (unsigned char)(bits >> (8 * i));
	for (size_t off = 0; off < total; off += 64) {
		uint32_t w[16];
		for (int i = 0; i < 16; i++)
			w[i] = (uint32_t)msg[off + 4 * i] | ((uint32_t)msg[off + 4 * i + 1] << 8) |
			       ((uint32_t)msg[off + 4 * i + 2] << 16) | ((uint32_t)msg[off + 4 * i + 3] << 24);
		uint32_t a = h0, b = h1, cc = h2, d = h3;
		for (int i = 0; i < 64; i++) {
			uint32_t f;
			int g;
			if (i < 16) {
				f = (b & cc) | (~b & d);
				g = i;
			} else if (i < 32) {
				f = (d & b) | (~d & cc);
				g = (5 * i + 1) % 16;
			} else if (i < 48) {
				f = b ^ cc ^ d;
				g = (3 * i + 5) % 16;
			} else {
				f = cc ^ (b | ~d);
				g = (7 * i) % 16;
			}
			uint32_t t = d;
			d = cc;
			cc = b;
			b = b + rol(a + f + K[i] + w[g], R[i]);
			a = t;
		}
		h0 += a;
		h1 += b;
		h2 += cc;
		h3 += d;
	}
	pfree(msg);
	uint32_t hs[4] = {h0, h1, h2, h3};
	for (int i = 0; i < 4; i++)
		for (int k = 0; k < 4; k++)
			out[4 * i + k] = (unsigned char)(hs[i] >> (8 * k));
}

static Datum
md5_text(fn_call *c)
{
	unsigned char d[16];
	ty_md5(TXT(0), (size_t)TLEN(0), d);
	char hex[33];
	for (int i = 0; i < 16; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
	return ret_text(hex, 32);
}

static uint32_t
ror(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void
sha256(const unsigned char *data, size_t len, unsigned char out[32])
{
	static const uint32_t k[64] = {
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
		0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
		0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
		0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
		0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
		0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
		0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
		0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
		0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
		0xc67178f2};
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	size_t total = ((len + 8) / 64 + 1) * 64;
	unsigned char *msg = palloc0(total);
	memcpy(msg, data, len);
	msg[len] = 0x80;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		msg[total - 1 - i] = (unsigned char)(bits >> (8 * i));
	for (size_t off = 0; off < total; off += 64) {
		uint32_t w[64];
		for (int i = 0; i < 16; i++)
			w[i] = ((uint32_t)msg[off + 4 * i] << 24) | ((uint32_t)msg[off + 4 * i + 1] << 16) |
			       ((uint32_t)msg[off + 4 * i + 2] << 8) | msg[off + 4 * i + 3];
		for (int i = 16; i < 64; i++) {
			uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
			uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
			w[i] = w[i - 16] + s0 + w[i - 7] + s1;
		}
		uint32_t a = h[0], b = h[1], cc = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
		for (int i = 0; i < 64; i++) {
			uint32_t S1 = ror(e, 6) ^ ror(e, 11) ^ ror(e, 25);
			uint32_t ch = (e & f) ^ (~e & g);
			uint32_t t1 = hh + S1 + ch + k[i] + w[i];
			uint32_t S0 = ror(a, 2) ^ ror(a, 13) ^ ror(a, 22);
			uint32_t mj = (a & b) ^ (a & cc) ^ (b & cc);
			uint32_t t2 = S0 + mj;
			hh = g;
			g = f;
			f = e;
			e = d + t1;
			d = cc;
			cc = b;
			b = a;
			a = t1 + t2;
		}
		h[0] += a;
		h[1] += b;
		h[2] += cc;
		h[3] += d;
		h[4] += e;
		h[5] += f;
		h[6] += g;
		h[7] += hh;
	}
	pfree(msg);
	for (int i = 0; i < 8; i++)
		for (int k2 = 0; k2 < 4; k2++)
			out[4 * i + k2] = (unsigned char)(h[i] >> (24 - 8 * k2));
}

static Datum
sha256_bytea(fn_call *c)
{
	unsigned char d[32];
	sha256((const unsigned char *)TXT(0), (size_t)TLEN(0), d);
	return ret_text((const char *)d, 32);
}

/* ---- encode / decode -------------------------------------------------------------------------- */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static Datum
binary_encode(fn_call *c)
{
	const unsigned char *s = (const unsigned char *)TXT(0);
	int n = TLEN(0);
	char *fmt = ty_text_to_cstring(ARG(1));
	ty_buf b;
	vbuf(&b, n * 2 + 8);
	if (!strcasecmp(fmt, "hex")) {
		static const char hx[] = "0123456789abcdef";
		for (int i = 0; i < n; i++) {
			ty_buf_putc(&b, hx[s[i] >> 4]);
			ty_buf_putc(&b, hx[s[i] & 15]);
		}
	} else if (!strcasecmp(fmt, "base64")) {
		int linelen = 0;
		for (int i = 0; i < n; i += 3) {
			uint32_t v = (uint32_t)s[i] << 16;
			if (i + 1 < n)
				v |= (uint32_t)s[i + 1] << 8;
			if (i + 2 < n)
				v |= s[i + 2];
			if (linelen >= 76) {
				ty_buf_putc(&b, '\n');
				linelen = 0;
			}
			ty_buf_putc(&b, b64[(v >> 18) & 63]);
			ty_buf_putc(&b, b64[(v >> 12) & 63]);
			ty_buf_putc(&b, i + 1 < n ? b64[(v >> 6) & 63] : '=');
			ty_buf_putc(&b, i + 2 < n ? b64[v & 63] : '=');
			linelen += 4;
		}
	} else if (!strcasecmp(fmt, "escape")) {
		for (int i = 0; i < n; i++) {
			if (s[i] == '\\')
				ty_buf_puts(&b, "\\\\");
			else if (s[i] == 0 || s[i] >= 0x80)
				ty_buf_printf(&b, "\\%03o", s[i]);
			else
				ty_buf_putc(&b, (char)s[i]);
		}
	} else
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "unrecognized encoding: \"%s\"", fmt);
	return mk(&b);
}

static int
b64val(char ch)
{
	const char *p = strchr(b64, ch);
	return (ch && p) ? (int)(p - b64) : -1;
}

static Datum
binary_decode(fn_call *c)
{
	const char *s = TXT(0);
	int n = TLEN(0);
	char *fmt = ty_text_to_cstring(ARG(1));
	char *v = palloc((size_t)(VARHDRSZ + n + 4));
	int o = 0;
	if (!strcasecmp(fmt, "hex"))
		o = ty_hex_decode(s, n, v + VARHDRSZ);
	else if (!strcasecmp(fmt, "base64")) {
		/* PostgreSQL's decoder: '=' only as the 3rd/4th symbol of the last quad */
		uint32_t buf = 0;
		int pos = 0, endpad = 0;
		for (int i = 0; i < n; i++) {
			char ch = s[i];
			int bv;
			if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
				continue;
			if (ch == '=') {
				if (!endpad) {
					if (pos == 2)
						endpad = 1;
					else if (pos == 3)
						endpad = 2;
					else
						ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
						         "unexpected \"=\" while decoding base64 sequence");
				}
				bv = 0;
			} else {
				bv = b64val(ch);
				if (bv < 0)
					ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
					         "invalid symbol \"%.*s\" found while decoding base64 sequence",
					         ty_utf8_charlen((unsigned char)ch), s + i);
			}
			buf = (buf << 6) + (uint32_t)bv;
			if (++pos == 4) {
				v[VARHDRSZ + o++] = (char)((buf >> 16) & 255);
				if (endpad == 0 || endpad > 1)
					v[VARHDRSZ + o++] = (char)((buf >> 8) & 255);
				if (endpad == 0 || endpad > 2)
					v[VARHDRSZ + o++] = (char)(buf & 255);
				buf = 0;
				pos = 0;
			}
		}
		if (pos != 0) {
			ERR_BEGIN(ERRCODE_INVALID_PARAMETER_VALUE);
			err_hint("Input data is missing padding, is truncated, or is otherwise corrupted.");
			err_throw("invalid base64 end sequence");
		}
	} else if (!strcasecmp(fmt, "escape")) {
		for (int i = 0; i < n;) {
			if (s[i] != '\\')
				v[VARHDRSZ + o++] = s[i++];
			else if (i + 1 < n && s[i + 1] == '\\') {
				v[VARHDRSZ + o++] = '\\';
				i += 2;
			} else if (i + 3 < n && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' &&
			           s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
				v[VARHDRSZ + o++] =
					(char)(((s[i + 1] - '0') << 6) | ((s[i + 2] - '0') << 3) | (s[i + 3] - '0'));
				i += 4;
			} else
				ph_error(ERRCODE_INVALID_TEXT_REPRESENTATION, "invalid input syntax for type %s", "bytea");
		}
	} else
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "unrecognized encoding: \"%s\"", fmt);
	SET_VARSIZE(v, (uint32_t)(VARHDRSZ + o));
	return PointerGetDatum(v);
}

static Datum
md5_bytea(fn_call *c)
{
	return md5_text(c);
}

static Datum
byteaoctetlen(fn_call *c)
{
	return Int32GetDatum(TLEN(0));
}

static Datum
get_byte(fn_call *c)
{
	int n = ARG_INT32(1);
	if (n < 0 || n >= TLEN(0))
		ph_error(ERRCODE_ARRAY_SUBSCRIPT_ERROR, "index %d out of valid range, 0..%d", n, TLEN(0) - 1);
	return Int32GetDatum((unsigned char)TXT(0)[n]);
}

static Datum
convert_to(fn_call *c)
{
	const char *enc = DatumGetPointer(ARG(1)); /* name */
	if (strcasecmp(enc, "utf8") && strcasecmp(enc, "utf-8") && strcasecmp(enc, "sql_ascii"))
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid destination encoding name \"%s\"", enc);
	return ty_datum_copy(ty_get(BYTEAOID), ARG(0));
}

static Datum
convert_from(fn_call *c)
{
	const char *enc = DatumGetPointer(ARG(1)); /* name */
	if (strcasecmp(enc, "utf8") && strcasecmp(enc, "utf-8") && strcasecmp(enc, "sql_ascii"))
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid source encoding name \"%s\"", enc);
	ty_utf8_verify(TXT(0), TLEN(0));
	return ty_datum_copy(ty_get(TEXTOID), ARG(0));
}

/* ---- LIKE -------------------------------------------------------------------------------------- */

typedef struct like_cache {
	char *pat;
	int plen;
	bool icase;
	ty_like_pat *lp;
} like_cache;

static const ty_like_pat *
like_pattern(fn_call *c, const char *pat, int plen, bool icase)
{
	like_cache *lc = c->cache;
	if (lc && lc->plen == plen && lc->icase == icase && memcmp(lc->pat, pat, (size_t)plen) == 0)
		return lc->lp;
	mem_ctx *ctx = c->cache_ctx ? c->cache_ctx : mem_cur;
	mem_ctx *old = mem_switch(ctx);
	if (!lc) {
		lc = palloc0(sizeof *lc);
		c->cache = lc;
	} else {
		/* the pattern changed (a column, not a constant): drop the old compiled form */
		pfree(lc->pat);
		ty_like_free(lc->lp);
	}
	lc->pat = palloc((size_t)plen + 1);
	memcpy(lc->pat, pat, (size_t)plen);
	lc->plen = plen;
	lc->icase = icase;
	lc->lp = ty_like_compile(pat, plen, icase);
	mem_switch(old);
	return lc->lp;
}

static bool
do_like(fn_call *c, bool icase)
{
	/* bpchar LIKE matches the padded value, as PostgreSQL's bpcharlike does */
	int slen = TLEN(0);
	const ty_like_pat *p = like_pattern(c, TXT(1), TLEN(1), icase);
	return ty_like_match(p, TXT(0), slen);
}

static Datum
textlike(fn_call *c)
{
	return BoolGetDatum(do_like(c, false));
}

static Datum
textnlike(fn_call *c)
{
	return BoolGetDatum(!do_like(c, false));
}

static Datum
texticlike(fn_call *c)
{
	return BoolGetDatum(do_like(c, true));
}

static Datum
texticnlike(fn_call *c)
{
	return BoolGetDatum(!do_like(c, true));
}

static bool
name_like(fn_call *c, bool icase)
{
	const char *n = DatumGetPointer(ARG(0));
	const ty_like_pat *p = like_pattern(c, TXT(1), TLEN(1), icase);
	return ty_like_match(p, n, (int)strnlen(n, NAMEDATALEN));
}

static Datum
namelike(fn_call *c)
{
	return BoolGetDatum(name_like(c, false));
}

static Datum
namenlike(fn_call *c)
{
	return BoolGetDatum(!name_like(c, false));
}

static Datum
nameiclike(fn_call *c)
{
	return BoolGetDatum(name_like(c, true));
}

static Datum
nameicnlike(fn_call *c)
{
	return BoolGetDatum(!name_like(c, true));
}

static Datum
bytealike(fn_call *c)
{
	return BoolGetDatum(do_like(c, false));
}

static Datum
byteanlike(fn_call *c)
{
	return BoolGetDatum(!do_like(c, false));
}

static Datum
like_escape_fn(fn_call *c)
{
	return ty_like_escape(TXT(0), TLEN(0), TXT(1), TLEN(1));
}

/* ---- SIMILAR TO ------------------------------------------------------------------------------ */

/*
 * similar_to_escape(pattern [, escape]): the regular expression that `x SIMILAR TO pattern
 * [ESCAPE e]` means; the analyzer rewrites SIMILAR TO into `x ~ similar_to_escape(...)`, as
 * PostgreSQL does.  The result is anchored and wrapped as "^(?:...)$"; % becomes .*, _
 * becomes ., ( becomes (?:, the ARE specials . ^ $ \ are escaped; bracket expressions are
 * copied (a ']' right after '[' or '[^' is a member); the escape character quotes the next
 * one, and its escape-double-quote pairs delimit the part substring() returns.
 */
static Datum
similar_escape_common(fn_call *c, const char *esc, int elen)
{
	const char *p = TXT(0);
	int n = TLEN(0);
	if (elen > 0 && ty_utf8_strlen(esc, elen) != 1) {
		ERR_BEGIN(ERRCODE_INVALID_ESCAPE_SEQUENCE);
		err_hint("Escape string must be empty or one character.");
		err_throw("invalid escape string");
	}
	ty_buf b;
	vbuf(&b, n * 2 + 16);
	ty_buf_puts(&b, "^(?:");
	bool afterescape = false, incharclass = false;
	int classpos = 0, nquotes = 0;
	for (int i = 0; i < n;) {
		int cl = ty_utf8_charlen((unsigned char)p[i]);
		if (cl > n - i)
			cl = n - i;
		char ch = p[i];
		if (afterescape) {
			if (ch == '"' && !incharclass) {
				if (nquotes == 0)
					ty_buf_puts(&b, "){1,1}?(");
				else if (nquotes == 1)
					ty_buf_puts(&b, "){1,1}(?:");
				else
					ph_error(ERRCODE_INVALID_USE_OF_ESCAPE_CHARACTER,
					         "SQL regular expression may not contain more than two escape-double-quote separators");
				nquotes++;
			} else {
				ty_buf_putc(&b, '\\');
				ty_buf_append(&b, p + i, cl);
			}
			afterescape = false;
		} else if (elen > 0 && cl == elen && memcmp(p + i, esc, (size_t)elen) == 0) {
			afterescape = true;
		} else if (incharclass) {
			if (ch == '\\')
				ty_buf_putc(&b, '\\');
			ty_buf_append(&b, p + i, cl);
			/* classpos: 0 right after '[', 1 right after "[^", 2 after a member */
			if (ch == ']' && classpos == 2)
				incharclass = false;
			else if (ch == '^' && classpos == 0)
				classpos = 1;
			else
				classpos = 2;
		} else if (ch == '[') {
			ty_buf_putc(&b, '[');
			incharclass = true;
			classpos = 0;
		} else if (ch == '%') {
			ty_buf_puts(&b, ".*");
		} else if (ch == '_') {
			ty_buf_putc(&b, '.');
		} else if (ch == '(') {
			ty_buf_puts(&b, "(?:");
		} else if (ch == '\\' || ch == '.' || ch == '^' || ch == '$') {
			ty_buf_putc(&b, '\\');
			ty_buf_putc(&b, ch);
		} else {
			ty_buf_append(&b, p + i, cl);
		}
		i += cl;
	}
	ty_buf_puts(&b, ")$");
	return mk(&b);
}

static Datum
similar_to_escape_1(fn_call *c)
{
	return similar_escape_common(c, "\\", 1);
}

static Datum
similar_to_escape_2(fn_call *c)
{
	return similar_escape_common(c, TXT(1), TLEN(1));
}

/* ---- regular expressions (POSIX ERE via libc) ------------------------------------------------------ */

/*
 * PostgreSQL's patterns are ARE (advanced regular expressions); libc's engine knows ERE.
 * are_translate rewrites the ARE notations that ERE lacks into ERE, so that they match
 * what PostgreSQL matches, or rejects them:
 *   \d \D \s \S \w \W        -> [[:digit:]] [^[:digit:]] ... (inside brackets: [:digit:] ...)
 *   \m \M \y \Y              -> \< \> \b \B (GNU extensions of glibc's ERE)
 *   \A \Z                    -> ^ $
 *   \t \n \r \f \v \a \e \b  -> the character (\b is backspace in ARE)
 *   \xHH... \uHHHH \UHHHHHHHH -> the character, escaped if special
 *   \1..\9                   -> back-references, renumbered past non-capturing groups
 *   (?:...)                  -> a group that regexp_match & co. do not report
 *   [\]] [\\] [\-]           -> brackets rebuilt so that ]-\ are members
 *   leading ***= / ***: / (?flags) -> literal pattern / ARE / embedded options
 * Refused with 0A000 (libc cannot match them as PostgreSQL does): non-greedy quantifiers
 * (*? +? ?? {m,n}?), lookahead and lookbehind constraints.  Other escapes of a letter or
 * digit raise 2201B "invalid escape \ sequence" as in PostgreSQL.
 */
typedef struct re_prog {
	regex_t re;
	int nmatch;         /* re_nsub + 1: size of the regmatch_t arrays */
	int ngroups;        /* capturing groups the user wrote */
	int *gmap;          /* gmap[k] (k = 1..ngroups): the ERE group index of user group k */
	regmatch_t *m;      /* nmatch entries, reused by every match */
} re_prog;

static noreturn void
re_error(const char *msg)
{
	ph_error(ERRCODE_INVALID_REGULAR_EXPRESSION, "invalid regular expression: %s", msg);
}

static void
re_put_literal(ty_buf *b, uint32_t cp)
{
	char u[4];
	if (cp < 0x80 && strchr(".[]()*+?{}|^$\\", (int)cp) && cp != 0) {
		ty_buf_putc(b, '\\');
		ty_buf_putc(b, (char)cp);
		return;
	}
	int n = ty_utf8_encode(cp, u);
	ty_buf_append(b, u, n);
}

/* \x \u \U: the code point; *i is left on the last digit */
static uint32_t
re_hex_escape(const char *p, int n, int *i, char kind)
{
	int maxd = kind == 'x' ? 8 : kind == 'u' ? 4 : 8, nd = 0;
	uint32_t v = 0;
	while (*i + 1 < n && nd < maxd && isxdigit((unsigned char)p[*i + 1])) {
		char ch = p[++*i];
		v = v * 16 + (uint32_t)(isdigit((unsigned char)ch) ? ch - '0' : (tolower((unsigned char)ch) - 'a' + 10));
		nd++;
	}
	if (nd == 0 || (kind != 'x' && nd != maxd) || v > 0x10FFFF || v == 0)
		re_error("invalid escape \\ sequence");
	return v;
}

/* The character an ARE character-entry escape \e stands for (B: backslash, outside
 * brackets only); 2201B for any other letter or digit.  *i is on e, left on its last char. */
static uint32_t
re_char_escape(char e, const char *p, int n, int *i, bool in_bracket)
{
	switch (e) {
	case 't': return '\t';
	case 'n': return '\n';
	case 'r': return '\r';
	case 'f': return '\f';
	case 'v': return '\v';
	case 'a': return '\a';
	case 'e': return 033;
	case 'b': return '\b';
	case 'x': case 'u': case 'U': return re_hex_escape(p, n, i, e);
	case 'B':
		if (!in_bracket)
			return '\\';
		/* fall through */
	default: re_error("invalid escape \\ sequence");
	}
}

/* Class escape letters usable inside brackets: the class name, or NULL. */
static const char *
re_class_name(char c)
{
	return c == 'd' ? "[:digit:]" : c == 's' ? "[:space:]" : c == 'w' ? "[:alnum:]_" : NULL;
}

/* A bracket expression starting at p[*i] == '['; appends its ERE form. */
static void
re_bracket(ty_buf *b, const char *p, int n, int *i)
{
	ty_buf body;
	bool neg = false, rbracket = false, dash = false, caret = false, first = true;
	ty_buf_init(&body, 16);
	int k = *i + 1;
	if (k < n && p[k] == '^') {
		neg = true;
		k++;
	}
	for (;; k++) {
		if (k >= n)
			re_error("brackets [] not balanced");
		char ch = p[k];
		if (ch == ']') {
			if (!first)
				break;
			rbracket = true; /* a leading ']' is a member */
			first = false;
			continue;
		}
		first = false;
		if (ch == '[' && k + 1 < n && (p[k + 1] == ':' || p[k + 1] == '.' || p[k + 1] == '=')) {
			char kind = p[k + 1];
			int e = k + 2;
			while (e + 1 < n && !(p[e] == kind && p[e + 1] == ']'))
				e++;
			if (e + 1 >= n)
				re_error("brackets [] not balanced");
			ty_buf_append(&body, p + k, e + 2 - k);
			k = e + 1;
			continue;
		}
		if (ch == '\\' && k + 1 < n) {
			char e = p[++k];
			const char *cls = re_class_name(e);
			if (cls)
				ty_buf_puts(&body, cls);
			else if (isalnum((unsigned char)e)) {
				uint32_t cp = re_char_escape(e, p, n, &k, true);
				char u[4];
				int ul = ty_utf8_encode(cp, u);
				if (ul == 1 && u[0] == ']')
					rbracket = true;
				else if (ul == 1 && u[0] == '-')
					dash = true;
				else
					ty_buf_append(&body, u, ul);
			} else if (e == ']')
				rbracket = true;
			else if (e == '-')
				dash = true;
			else if (e == '^')
				caret = true;
			else
				ty_buf_putc(&body, e); /* a backslash is an ordinary member in ERE */
			continue;
		}
		ty_buf_putc(&body, ch);
	}
	*i = k;
	/* ']' must come first, '^' anywhere but first, '-' last to be members in ERE */
	if (!neg && !rbracket && !dash && body.len == 0 && caret) {
		ty_buf_puts(b, "\\^");
		pfree(body.data);
		return;
	}
	ty_buf_putc(b, '[');
	if (neg)
		ty_buf_putc(b, '^');
	if (rbracket)
		ty_buf_putc(b, ']');
	else if (dash && !neg && body.len == 0 && caret) {
		ty_buf_puts(b, "-^]"); /* '-' first, then '^' */
		pfree(body.data);
		return;
	}
	ty_buf_append(b, body.data, body.len);
	if (caret)
		ty_buf_putc(b, '^');
	if (dash)
		ty_buf_putc(b, '-');
	ty_buf_putc(b, ']');
	pfree(body.data);
}

static noreturn void
re_unsupported(const char *what)
{
	ERR_BEGIN(ERRCODE_FEATURE_NOT_SUPPORTED);
	err_hint("Phantom-DB matches regular expressions with the POSIX extended syntax of the C "
	         "library, plus PostgreSQL's escapes.");
	err_throw("regular expression %s are not supported", what);
}

/* Translate an ARE into ERE (see above); returns the ERE text, updates *cflags, fills the
 * group map of prog. */
static char *
are_translate(const char *p, int n, int *cflags, re_prog *prog)
{
	ty_buf b;
	int ere_groups = 0, cap = 8;
	ty_buf_init(&b, n + 16);
	prog->gmap = palloc(sizeof(int) * (size_t)cap);
	prog->ngroups = 0;
	int i = 0;
	if (n >= 4 && memcmp(p, "***=", 4) == 0) {
		for (i = 4; i < n; i++)
			re_put_literal(&b, (unsigned char)p[i]);
		ty_buf_putc(&b, '\0');
		return b.data;
	}
	if (n >= 4 && memcmp(p, "***:", 4) == 0)
		i = 4;
	if (n - i >= 3 && p[i] == '(' && p[i + 1] == '?' && isalpha((unsigned char)p[i + 2])) {
		int k = i + 2;
		for (; k < n && p[k] != ')'; k++) {
			switch (p[k]) {
			case 'i': *cflags |= REG_ICASE; break;
			case 'c': *cflags &= ~REG_ICASE; break;
			case 'n': case 'p': case 'w': *cflags |= REG_NEWLINE; break;
			case 's': case 't': *cflags &= ~REG_NEWLINE; break;
			case 'e': case 'b': case 'x': case 'q':
				re_unsupported("embedded options other than i, c, n, p, w, s and t");
			default: re_error("invalid embedded option");
			}
		}
		if (k >= n)
			re_error("parentheses () not balanced");
		i = k + 1;
	}
	for (; i < n; i++) {
		char ch = p[i];
		switch (ch) {
		case '\\': {
			if (i + 1 >= n)
				re_error("invalid escape \\ sequence");
			char e = p[++i];
			const char *cls = re_class_name(e);
			if (cls) {
				ty_buf_putc(&b, '[');
				ty_buf_puts(&b, cls);
				ty_buf_putc(&b, ']');
			} else if (e == 'D' || e == 'S' || e == 'W') {
				ty_buf_puts(&b, "[^");
				ty_buf_puts(&b, re_class_name((char)tolower((unsigned char)e)));
				ty_buf_putc(&b, ']');
			} else if (e == 'm' || e == 'M' || e == 'y' || e == 'Y' || e == 'A' || e == 'Z') {
				ty_buf_puts(&b, e == 'm' ? "\\<" : e == 'M' ? "\\>" : e == 'y' ? "\\b"
				              : e == 'Y' ? "\\B" : e == 'A' ? "^" : "$");
			} else if (e >= '1' && e <= '9') {
				int g = e - '0';
				if (g > prog->ngroups || prog->gmap[g] > 9)
					re_error("invalid backreference number");
				ty_buf_putc(&b, '\\');
				ty_buf_putc(&b, (char)('0' + prog->gmap[g]));
			} else if (isalnum((unsigned char)e)) {
				re_put_literal(&b, re_char_escape(e, p, n, &i, false));
			} else {
				ty_buf_putc(&b, '\\');
				ty_buf_putc(&b, e);
			}
			break;
		}
		case '[':
			re_bracket(&b, p, n, &i);
			break;
		case '(':
			ere_groups++;
			if (i + 1 < n && p[i + 1] == '?') {
				if (i + 2 < n && p[i + 2] == ':')
					i += 2; /* non-capturing: an ERE group the user does not see */
				else if (i + 2 < n && (p[i + 2] == '=' || p[i + 2] == '!' || p[i + 2] == '<'))
					re_unsupported("lookahead and lookbehind constraints");
				else
					re_error("quantifier operand invalid");
			} else {
				if (prog->ngroups + 1 >= cap) {
					cap *= 2;
					prog->gmap = repalloc(prog->gmap, sizeof(int) * (size_t)cap);
				}
				prog->gmap[++prog->ngroups] = ere_groups;
			}
			ty_buf_putc(&b, '(');
			break;
		case '*': case '+': case '?': case '{':
			if (ch == '{') {
				int k = i + 1;
				while (k < n && p[k] != '}')
					k++;
				if (k >= n)
					re_error("braces {} not balanced");
				ty_buf_append(&b, p + i, k + 1 - i);
				i = k;
			} else
				ty_buf_putc(&b, ch);
			if (i + 1 < n && p[i + 1] == '?')
				re_unsupported("non-greedy quantifiers");
			break;
		default:
			ty_buf_putc(&b, ch);
		}
	}
	ty_buf_putc(&b, '\0');
	return b.data;
}

typedef struct re_cache {
	char *pat;
	int plen;
	int cflags;
	re_prog prog;
	bool valid;
} re_cache;

static re_prog *
get_regex(fn_call *c, const char *pat, int plen, int cflags)
{
	re_cache *rc = c->cache;
	if (rc && rc->valid && rc->plen == plen && rc->cflags == cflags &&
	    memcmp(rc->pat, pat, (size_t)plen) == 0)
		return &rc->prog;
	mem_ctx *old = mem_switch(c->cache_ctx ? c->cache_ctx : mem_cur);
	if (!rc) {
		rc = palloc0(sizeof *rc);
		c->cache = rc;
	}
	if (rc->valid) {
		regfree(&rc->prog.re);
		pfree(rc->pat);
		pfree(rc->prog.gmap);
		pfree(rc->prog.m);
		rc->valid = false;
	}
	rc->pat = pstrndup(pat, (size_t)plen);
	rc->plen = plen;
	rc->cflags = cflags;
	int ecflags = cflags;
	char *ere = are_translate(pat, plen, &ecflags, &rc->prog);
	int r = regcomp(&rc->prog.re, ere, ecflags | REG_EXTENDED);
	pfree(ere);
	if (r == 0) {
		rc->prog.nmatch = (int)rc->prog.re.re_nsub + 1;
		rc->prog.m = palloc(sizeof(regmatch_t) * (size_t)rc->prog.nmatch);
	}
	mem_switch(old);
	if (r != 0) {
		/* PostgreSQL's wording for the error classes both engines share */
		const char *msg;
		switch (r) {
		case REG_EPAREN:
			msg = "parentheses () not balanced";
			break;
		case REG_EBRACK:
			msg = "brackets [] not balanced";
			break;
		case REG_EBRACE:
			msg = "braces {} not balanced";
			break;
		case REG_BADRPT:
			msg = "quantifier operand invalid";
			break;
		case REG_EESCAPE:
			msg = "invalid escape \\ sequence";
			break;
		case REG_ECTYPE:
			msg = "invalid character class";
			break;
		case REG_ERANGE:
			msg = "invalid character range";
			break;
		case REG_BADBR:
			msg = "invalid repetition count(s)";
			break;
		case REG_ESUBREG:
			msg = "invalid backreference number";
			break;
		case REG_ECOLLATE:
			msg = "invalid collating element";
			break;
		case REG_ESPACE:
			msg = "out of memory";
			break;
		default:
			msg = "invalid regular expression";
		}
		re_error(msg);
	}
	rc->valid = true;
	return &rc->prog;
}

static int
parse_flags(fn_call *c, int argn, bool *global)
{
	int cflags = 0;
	*global = false;
	if (argn < c->nargs && !ARG_ISNULL(argn)) {
		const char *f = TXT(argn);
		int n = TLEN(argn);
		for (int i = 0; i < n; i++) {
			switch (f[i]) {
			case 'g':
				*global = true;
				break;
			case 'i':
				cflags |= REG_ICASE;
				break;
			case 'c':
				cflags &= ~REG_ICASE;
				break;
			case 'n':
			case 'p':
			case 'w':
				cflags |= REG_NEWLINE;
				break;
			case 's':
			case 't':
				cflags &= ~REG_NEWLINE;
				break;
			case 'x':
				break;
			default:
				ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid regular expression option: \"%.*s\"",
				         ty_utf8_charlen((unsigned char)f[i]), f + i);
			}
		}
	}
	return cflags;
}

static bool
re_exec(regex_t *re, const char *s, int n, int from, regmatch_t *m, int nm)
{
	m[0].rm_so = from;
	m[0].rm_eo = n;
	return regexec(re, s, (size_t)nm, m, REG_STARTEND | (from > 0 ? REG_NOTBOL : 0)) == 0;
}

static bool
textregex(fn_call *c, int cflags)
{
	re_prog *re = get_regex(c, TXT(1), TLEN(1), cflags | REG_NOSUB);
	return re_exec(&re->re, TXT(0), TLEN(0), 0, re->m, 1);
}

static Datum
textregexeq(fn_call *c)
{
	return BoolGetDatum(textregex(c, 0));
}

static Datum
textregexne(fn_call *c)
{
	return BoolGetDatum(!textregex(c, 0));
}

static Datum
texticregexeq(fn_call *c)
{
	return BoolGetDatum(textregex(c, REG_ICASE));
}

static Datum
texticregexne(fn_call *c)
{
	return BoolGetDatum(!textregex(c, REG_ICASE));
}

static Datum
regexp_replace(fn_call *c)
{
	bool global;
	int cflags = parse_flags(c, 3, &global);
	re_prog *re = get_regex(c, TXT(1), TLEN(1), cflags);
	const char *s = TXT(0), *r = TXT(2);
	int n = TLEN(0), rn = TLEN(2);
	ty_buf b;
	vbuf(&b, n + 16);
	int pos = 0;
	regmatch_t *m = re->m;
	while (pos <= n && re_exec(&re->re, s, n, pos, m, re->nmatch)) {
		ty_buf_append(&b, s + pos, (int)m[0].rm_so - pos);
		for (int i = 0; i < rn; i++) {
			if (r[i] == '\\' && i + 1 < rn) {
				char d = r[i + 1];
				if (d >= '1' && d <= '9') {
					int g = d - '0';
					if (g <= re->ngroups && m[re->gmap[g]].rm_so >= 0) {
						g = re->gmap[g];
						ty_buf_append(&b, s + m[g].rm_so, (int)(m[g].rm_eo - m[g].rm_so));
					}
					i++;
					continue;
				}
				if (d == '&') {
					ty_buf_append(&b, s + m[0].rm_so, (int)(m[0].rm_eo - m[0].rm_so));
					i++;
					continue;
				}
				if (d == '\\') {
					ty_buf_putc(&b, '\\');
					i++;
					continue;
				}
			}
			ty_buf_putc(&b, r[i]);
		}
		int np = (int)m[0].rm_eo;
		if (m[0].rm_eo == m[0].rm_so) {
			/* empty match: copy one character and move on */
			if (np < n) {
				int cl = ty_utf8_charlen((unsigned char)s[np]);
				ty_buf_append(&b, s + np, cl);
				np += cl;
			} else
				np = n + 1;
		}
		pos = np;
		if (!global)
			break;
	}
	if (pos < n)
		ty_buf_append(&b, s + pos, n - pos);
	return mk(&b);
}

Datum ty_array_build(Oid elemtype, int n, const Datum *vals, const bool *nulls);

static Datum
match_array(const re_prog *re, const char *s)
{
	const regmatch_t *m = re->m;
	int ng = re->ngroups;
	if (ng == 0) {
		Datum v = ret_text(s + m[0].rm_so, (int)(m[0].rm_eo - m[0].rm_so));
		return ty_array_build(TEXTOID, 1, &v, NULL);
	}
	Datum *vals = palloc(sizeof(Datum) * (size_t)ng);
	bool *nulls = palloc(sizeof(bool) * (size_t)ng);
	for (int k = 1; k <= ng; k++) {
		const regmatch_t *g = &m[re->gmap[k]];
		nulls[k - 1] = g->rm_so < 0;
		vals[k - 1] = g->rm_so < 0 ? 0 : ret_text(s + g->rm_so, (int)(g->rm_eo - g->rm_so));
	}
	return ty_array_build(TEXTOID, ng, vals, nulls);
}

static Datum
regexp_match(fn_call *c)
{
	bool global;
	int cflags = parse_flags(c, 2, &global);
	if (global)
		ERR_BEGIN(ERRCODE_INVALID_PARAMETER_VALUE), err_hint("Use the regexp_matches function instead."),
			err_throw("%s does not support the \"global\" option", "regexp_match()");
	re_prog *re = get_regex(c, TXT(1), TLEN(1), cflags);
	if (!re_exec(&re->re, TXT(0), TLEN(0), 0, re->m, re->nmatch))
		return fn_return_null(c);
	return match_array(re, TXT(0));
}

typedef struct re_srf {
	int pos;
	bool global;
} re_srf;

static Datum
regexp_matches(fn_call *c)
{
	bool global;
	int cflags = parse_flags(c, 2, &global);
	re_prog *re = get_regex(c, TXT(1), TLEN(1), cflags);
	re_srf *st = c->srf_state;
	if (c->srf_call == 0) {
		st = mem_alloc(c->cache_ctx ? c->cache_ctx : mem_cur, sizeof *st);
		st->pos = 0;
		st->global = global;
		c->srf_state = st;
	}
	const char *s = TXT(0);
	int n = TLEN(0);
	regmatch_t *m = re->m;
	if (st->pos > n || !re_exec(&re->re, s, n, st->pos, m, re->nmatch)) {
		c->srf_done = true;
		return 0;
	}
	int np = (int)m[0].rm_eo;
	if (m[0].rm_eo == m[0].rm_so)
		np += np < n ? ty_utf8_charlen((unsigned char)s[np]) : 1;
	st->pos = st->global ? np : n + 1;
	return match_array(re, s);
}

/* split at matches: returns the pieces */
static int
regexp_split(fn_call *c, Datum **out)
{
	bool global;
	int cflags = parse_flags(c, 2, &global);
	if (global)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "%s does not support the \"global\" option",
		         "regexp_split_to_table()");
	re_prog *re = get_regex(c, TXT(1), TLEN(1), cflags);
	const char *s = TXT(0);
	int n = TLEN(0), cap = 8, cnt = 0, start = 0, search = 0, prev_end = -1;
	Datum *v = palloc(sizeof(Datum) * (size_t)cap);
	regmatch_t *m = re->m;
	/* zero-length matches at the start or end of the string, or right after the previous
	 * match, do not split (PostgreSQL's "ignore degenerate" rule) */
	while (search <= n && re_exec(&re->re, s, n, search, m, 1)) {
		int so = (int)m[0].rm_so, eo = (int)m[0].rm_eo;
		if (eo == so && (so == 0 || so >= n || so == prev_end)) {
			if (so >= n)
				break;
			search = so + ty_utf8_charlen((unsigned char)s[so]);
			continue;
		}
		if (cnt == cap) {
			cap *= 2;
			v = repalloc(v, sizeof(Datum) * (size_t)cap);
		}
		v[cnt++] = ret_text(s + start, so - start);
		start = eo;
		prev_end = eo;
		search = eo > so ? eo : eo + (eo < n ? ty_utf8_charlen((unsigned char)s[eo]) : 1);
	}
	if (cnt == cap)
		v = repalloc(v, sizeof(Datum) * (size_t)(cap + 1));
	v[cnt++] = ret_text(s + start, n - start);
	*out = v;
	return cnt;
}

static Datum
regexp_split_to_array(fn_call *c)
{
	Datum *v;
	int n = regexp_split(c, &v);
	return ty_array_build(TEXTOID, n, v, NULL);
}

typedef struct split_srf {
	Datum *v;
	int n, i;
} split_srf;

static Datum
regexp_split_to_table(fn_call *c)
{
	split_srf *st = c->srf_state;
	if (c->srf_call == 0) {
		mem_ctx *old = mem_switch(c->cache_ctx ? c->cache_ctx : mem_cur);
		st = palloc(sizeof *st);
		st->n = regexp_split(c, &st->v);
		st->i = 0;
		mem_switch(old);
		c->srf_state = st;
	}
	if (st->i >= st->n) {
		c->srf_done = true;
		return 0;
	}
	return st->v[st->i++];
}

static Datum
textregexsubstr(fn_call *c)
{
	re_prog *re = get_regex(c, TXT(1), TLEN(1), 0);
	regmatch_t *m = re->m;
	if (!re_exec(&re->re, TXT(0), TLEN(0), 0, m, re->nmatch))
		return fn_return_null(c);
	int g = re->ngroups > 0 ? re->gmap[1] : 0;
	if (m[g].rm_so < 0)
		return fn_return_null(c);
	return ret_text(TXT(0) + m[g].rm_so, (int)(m[g].rm_eo - m[g].rm_so));
}

/* ---- casts among character types ---------------------------------------------------------------- */

static Datum
ty_rtrim1(fn_call *c)
{
	return ret_text(TXT(0), ty_bpchar_trimmed_len(TXT(0), TLEN(0)));
}

static Datum
ty_text_name(fn_call *c)
{
	return ty_name_in(ty_text_to_cstring(ARG(0)), NAMEOID, -1);
}

static Datum
ty_bpchar_name(fn_call *c)
{
	char *s = pstrndup(TXT(0), (size_t)ty_bpchar_trimmed_len(TXT(0), TLEN(0)));
	return ty_name_in(s, NAMEOID, -1);
}

static Datum
ty_name_text(fn_call *c)
{
	const char *n = DatumGetPointer(ARG(0));
	return ret_text(n, (int)strnlen(n, NAMEDATALEN));
}

static Datum
ty_name_bpchar(fn_call *c)
{
	return ty_name_text(c);
}

Datum ty_regclass_from_name(const char *s);

static Datum
ty_text_regclass(fn_call *c)
{
	return ty_regclass_from_name(ty_text_to_cstring(ARG(0)));
}

static Datum
ty_varchar_typmod(fn_call *c)
{
	return ty_coerce_typmod(ARG(0), VARCHAROID, ARG_INT32(1), c->nargs > 2 && ARG_BOOL(2));
}

static Datum
ty_bpchar_typmod(fn_call *c)
{
	return ty_coerce_typmod(ARG(0), BPCHAROID, ARG_INT32(1), c->nargs > 2 && ARG_BOOL(2));
}

static Datum
text_to_bool(fn_call *c)
{
	return ty_bool_in(ty_text_to_cstring(ARG(0)), BOOLOID, -1);
}

/* ---- the fragment --------------------------------------------------------------------------------- */

#define CMP6(p, T1, T2, K)                                                                     \
	FOP(#p "eq", T1 "," T2, "bool", p##eq, FAST_EQ, K), FOP(#p "ne", T1 "," T2, "bool", p##ne, FAST_NE, K), \
	FOP(#p "lt", T1 "," T2, "bool", p##lt, FAST_LT, K), FOP(#p "le", T1 "," T2, "bool", p##le, FAST_LE, K), \
	FOP(#p "gt", T1 "," T2, "bool", p##gt, FAST_GT, K), FOP(#p "ge", T1 "," T2, "bool", p##ge, FAST_GE, K)
#define CMP6OPS(p, T1, T2)                                                                     \
	{"=", T1, T2, #p "eq"}, {"<>", T1, T2, #p "ne"}, {"<", T1, T2, #p "lt"},               \
	{"<=", T1, T2, #p "le"}, {">", T1, T2, #p "gt"}, {">=", T1, T2, #p "ge"}
#define CASTF(name, args, ret, impl) {name, args, ret, FN_STRICT | FN_CAST, impl, #impl, 0, 0, NULL, NULL}
#define ALIAS(name, args, ret, impl, src) {name, args, ret, FN_STRICT, impl, src, 0, 0, NULL, NULL}

static const ty_fndef fns[] = {
	FOP("texteq", "text,text", "bool", texteq, FAST_EQ, FK_TEXT),
	FOP("textne", "text,text", "bool", textne, FAST_NE, FK_TEXT),
	FOP("text_lt", "text,text", "bool", text_lt, FAST_LT, FK_TEXT),
	FOP("text_le", "text,text", "bool", text_le, FAST_LE, FK_TEXT),
	FOP("text_gt", "text,text", "bool", text_gt, FAST_GT, FK_TEXT),
	FOP("text_ge", "text,text", "bool", text_ge, FAST_GE, FK_TEXT),
	FOP("bpchareq", "bpchar,bpchar", "bool", bpchareq, FAST_EQ, FK_NONE),
	FOP("bpcharne", "bpchar,bpchar", "bool", bpcharne, FAST_NE, FK_NONE),
	FOP("bpcharlt", "bpchar,bpchar", "bool", bpcharlt, FAST_LT, FK_NONE),
	FOP("bpcharle", "bpchar,bpchar", "bool", bpcharle, FAST_LE, FK_NONE),
	FOP("bpchargt", "bpchar,bpchar", "bool", bpchargt, FAST_GT, FK_NONE),
	FOP("bpcharge", "bpchar,bpchar", "bool", bpcharge, FAST_GE, FK_NONE),
	CMP6(name, "name", "name", FK_NONE),
	CMP6(bytea, "bytea", "bytea", FK_NONE),
	F("nameeqtext", "name,text", "bool", nameeqtext),
	F("namenetext", "name,text", "bool", namenetext),
	F("namelttext", "name,text", "bool", namelttext),
	F("nameletext", "name,text", "bool", nameletext),
	F("namegttext", "name,text", "bool", namegttext),
	F("namegetext", "name,text", "bool", namegetext),
	F("texteqname", "text,name", "bool", texteqname),
	F("textnename", "text,name", "bool", textnename),
	F("textltname", "text,name", "bool", textltname),
	F("textlename", "text,name", "bool", textlename),
	F("textgtname", "text,name", "bool", textgtname),
	F("textgename", "text,name", "bool", textgename),
	F("bttextcmp", "text,text", "int4", bttextcmp),
	F("bpcharcmp", "bpchar,bpchar", "int4", bpcharcmp),
	F("btnamecmp", "name,name", "int4", btnamecmp),
	F("byteacmp", "bytea,bytea", "int4", byteacmp),
	F("text_larger", "text,text", "text", text_larger),
	F("text_smaller", "text,text", "text", text_smaller),
	F("bpchar_larger", "bpchar,bpchar", "bpchar", bpchar_larger),
	F("bpchar_smaller", "bpchar,bpchar", "bpchar", bpchar_smaller),
	{"starts_with", "text,text", "bool", FN_STRICT, text_starts_with, "starts_with", 0, 0, NULL, NULL},
	F("textcat", "text,text", "text", textcat),
	FX("textanycat", "text,anynonarray", "text", FN_STRICT | FV_STABLE, textanycat),
	FX("anytextcat", "anynonarray,text", "text", FN_STRICT | FV_STABLE, anytextcat),
	F("byteacat", "bytea,bytea", "bytea", byteacat),
	F("length", "text", "int4", textlen),
	ALIAS("length", "bpchar", "int4", bpcharlen, "bpcharlen"),
	ALIAS("length", "bytea", "int4", byteaoctetlen, "byteaoctetlen"),
	ALIAS("char_length", "text", "int4", textlen, "textlen_char"),
	ALIAS("char_length", "bpchar", "int4", bpcharlen, "bpcharlen_char"),
	ALIAS("character_length", "text", "int4", textlen, "textlen_character"),
	ALIAS("character_length", "bpchar", "int4", bpcharlen, "bpcharlen_character"),
	ALIAS("octet_length", "text", "int4", textoctetlen, "textoctetlen"),
	ALIAS("octet_length", "bpchar", "int4", textoctetlen, "bpcharoctetlen"),
	ALIAS("octet_length", "bytea", "int4", byteaoctetlen, "byteaoctetlen_sql"),
	ALIAS("bit_length", "text", "int4", bitlength, "bitlength_text"),
	ALIAS("bit_length", "bytea", "int4", bitlength, "bitlength_bytea"),
	F("lower", "text", "text", lower),
	F("upper", "text", "text", upper),
	F("initcap", "text", "text", initcap),
	ALIAS("substr", "text,int4,int4", "text", text_substr, "text_substr"),
	ALIAS("substr", "text,int4", "text", text_substr, "text_substr_no_len"),
	ALIAS("substring", "text,int4,int4", "text", text_substr, "text_substring"),
	ALIAS("substring", "text,int4", "text", text_substr, "text_substring_no_len"),
	ALIAS("substr", "bytea,int4,int4", "bytea", bytea_substr, "bytea_substr"),
	ALIAS("substr", "bytea,int4", "bytea", bytea_substr, "bytea_substr_no_len"),
	ALIAS("substring", "bytea,int4,int4", "bytea", bytea_substr, "bytea_substring"),
	ALIAS("substring", "bytea,int4", "bytea", bytea_substr, "bytea_substring_no_len"),
	ALIAS("substring", "text,text", "text", textregexsubstr, "textregexsubstr"),
	ALIAS("left", "text,int4", "text", text_left, "text_left"),
	ALIAS("right", "text,int4", "text", text_right, "text_right"),
	ALIAS("strpos", "text,text", "int4", textpos, "textpos"),
	ALIAS("position", "text,text", "int4", textpos, "textpos_sql"),
	ALIAS("position", "bytea,bytea", "int4", byteapos, "byteapos"),
	ALIAS("overlay", "text,text,int4,int4", "text", textoverlay, "textoverlay"),
	ALIAS("overlay", "text,text,int4", "text", textoverlay, "textoverlay_no_len"),
	ALIAS("replace", "text,text,text", "text", replace_text, "replace_text"),
	F("translate", "text,text,text", "text", translate),
	ALIAS("btrim", "text,text", "text", btrim, "btrim"),
	ALIAS("btrim", "text", "text", btrim, "btrim1"),
	ALIAS("ltrim", "text,text", "text", ltrim, "ltrim"),
	ALIAS("ltrim", "text", "text", ltrim, "ltrim1"),
	ALIAS("rtrim", "text,text", "text", rtrim, "rtrim"),
	ALIAS("rtrim", "text", "text", rtrim, "rtrim1"),
	ALIAS("btrim", "bytea,bytea", "bytea", byteatrim, "byteatrim"),
	ALIAS("lpad", "text,int4,text", "text", lpad, "lpad"),
	ALIAS("lpad", "text,int4", "text", lpad, "lpad1"),
	ALIAS("rpad", "text,int4,text", "text", rpad, "rpad"),
	ALIAS("rpad", "text,int4", "text", rpad, "rpad1"),
	F("repeat", "text,int4", "text", repeat),
	ALIAS("reverse", "text", "text", text_reverse, "text_reverse"),
	F("split_part", "text,text,int4", "text", split_part),
	ALIAS("ascii", "text", "int4", ascii_fn, "ascii"),
	ALIAS("chr", "int4", "text", chr_fn, "chr"),
	ALIAS("to_hex", "int4", "text", to_hex32, "to_hex32"),
	ALIAS("to_hex", "int8", "text", to_hex64, "to_hex64"),
	{"concat", "...any", "text", FV_STABLE, text_concat, "text_concat", 0, 0, NULL, NULL},
	{"concat_ws", "text,...any", "text", FV_STABLE, text_concat_ws, "text_concat_ws", 0, 0, NULL, NULL},
	{"format", "text,...any", "text", FV_STABLE, text_format, "text_format", 0, 0, NULL, NULL},
	{"format", "text", "text", FV_STABLE, text_format, "text_format_nv", 0, 0, NULL, NULL},
	ALIAS("quote_ident", "text", "text", quote_ident_fn, "quote_ident"),
	ALIAS("quote_literal", "text", "text", quote_literal_fn, "quote_literal"),
	{"quote_literal", "anyelement", "text", FN_STRICT | FV_STABLE, quote_literal_any, "quote_literal_any", 0, 0, NULL, NULL},
	{"quote_nullable", "text", "text", FV_STABLE, quote_nullable, "quote_nullable", 0, 0, NULL, NULL},
	{"quote_nullable", "anyelement", "text", FV_STABLE, quote_nullable, "quote_nullable_any", 0, 0, NULL, NULL},
	ALIAS("md5", "text", "text", md5_text, "md5_text"),
	ALIAS("md5", "bytea", "text", md5_bytea, "md5_bytea"),
	ALIAS("sha256", "bytea", "bytea", sha256_bytea, "sha256_bytea"),
	ALIAS("encode", "bytea,text", "text", binary_encode, "binary_encode"),
	ALIAS("decode", "text,text", "bytea", binary_decode, "binary_decode"),
	ALIAS("get_byte", "bytea,int4", "int4", get_byte, "byteaGetByte"),
	F("convert_to", "text,name", "bytea", convert_to),
	F("convert_from", "bytea,name", "text", convert_from),
	FOP("textlike", "text,text", "bool", textlike, FAST_LIKE, FK_TEXT),
	FOP("textnlike", "text,text", "bool", textnlike, FAST_NOTLIKE, FK_TEXT),
	F("texticlike", "text,text", "bool", texticlike),
	F("texticnlike", "text,text", "bool", texticnlike),
	ALIAS("bpcharlike", "bpchar,text", "bool", textlike, "bpcharlike"),
	ALIAS("bpcharnlike", "bpchar,text", "bool", textnlike, "bpcharnlike"),
	ALIAS("bpchariclike", "bpchar,text", "bool", texticlike, "bpchariclike"),
	ALIAS("bpcharicnlike", "bpchar,text", "bool", texticnlike, "bpcharicnlike"),
	F("namelike", "name,text", "bool", namelike),
	F("namenlike", "name,text", "bool", namenlike),
	F("nameiclike", "name,text", "bool", nameiclike),
	F("nameicnlike", "name,text", "bool", nameicnlike),
	F("bytealike", "bytea,bytea", "bool", bytealike),
	F("byteanlike", "bytea,bytea", "bool", byteanlike),
	ALIAS("like", "text,text", "bool", textlike, "textlike_sql"),
	ALIAS("like", "bytea,bytea", "bool", bytealike, "bytealike_sql"),
	ALIAS("ilike", "text,text", "bool", texticlike, "texticlike_sql"),
	ALIAS("like_escape", "text,text", "text", like_escape_fn, "like_escape"),
	F("similar_to_escape", "text", "text", similar_to_escape_1),
	F("similar_to_escape", "text,text", "text", similar_to_escape_2),
	F("textregexeq", "text,text", "bool", textregexeq),
	F("textregexne", "text,text", "bool", textregexne),
	F("texticregexeq", "text,text", "bool", texticregexeq),
	F("texticregexne", "text,text", "bool", texticregexne),
	ALIAS("regexp_replace", "text,text,text", "text", regexp_replace, "textregexreplace_noopt"),
	ALIAS("regexp_replace", "text,text,text,text", "text", regexp_replace, "textregexreplace"),
	ALIAS("regexp_match", "text,text", "text[]", regexp_match, "regexp_match_no_flags"),
	ALIAS("regexp_match", "text,text,text", "text[]", regexp_match, "regexp_match"),
	{"regexp_matches", "text,text", "setof text[]", FN_STRICT | FN_RETSET, regexp_matches, "regexp_matches_no_flags", 0, 0, NULL, NULL},
	{"regexp_matches", "text,text,text", "setof text[]", FN_STRICT | FN_RETSET, regexp_matches, "regexp_matches", 0, 0, NULL, NULL},
	ALIAS("regexp_split_to_array", "text,text", "text[]", regexp_split_to_array, "regexp_split_to_array_no_flags"),
	ALIAS("regexp_split_to_array", "text,text,text", "text[]", regexp_split_to_array, "regexp_split_to_array"),
	{"regexp_split_to_table", "text,text", "setof text", FN_STRICT | FN_RETSET, regexp_split_to_table, "regexp_split_to_table_no_flags", 0, 0, NULL, NULL},
	{"regexp_split_to_table", "text,text,text", "setof text", FN_STRICT | FN_RETSET, regexp_split_to_table, "regexp_split_to_table", 0, 0, NULL, NULL},
	CASTF("text", "bpchar", "text", ty_rtrim1),
	{"varchar", "bpchar", "varchar", FN_STRICT | FN_CAST, ty_rtrim1, "ty_rtrim1_varchar", 0, 0, NULL, NULL},
	CASTF("name", "text", "name", ty_text_name),
	{"name", "varchar", "name", FN_STRICT | FN_CAST, ty_text_name, "ty_varchar_name", 0, 0, NULL, NULL},
	CASTF("name", "bpchar", "name", ty_bpchar_name),
	CASTF("text", "name", "text", ty_name_text),
	CASTF("bpchar", "name", "bpchar", ty_name_bpchar),
	{"varchar", "name", "varchar", FN_STRICT | FN_CAST, ty_name_text, "ty_name_varchar", 0, 0, NULL, NULL},
	FX("regclass", "text", "regclass", FN_STRICT | FN_CAST | FV_STABLE, ty_text_regclass),
	CASTF("varchar", "varchar,int4,bool", "varchar", ty_varchar_typmod),
	CASTF("bpchar", "bpchar,int4,bool", "bpchar", ty_bpchar_typmod),
	{"bool", "text", "bool", FN_STRICT | FN_NOSQL, text_to_bool, "text_to_bool", 0, 0, NULL, NULL},
};

static const ty_opdef ops[] = {
	{"=", "text", "text", "texteq"},
	{"<>", "text", "text", "textne"},
	{"<", "text", "text", "text_lt"},
	{"<=", "text", "text", "text_le"},
	{">", "text", "text", "text_gt"},
	{">=", "text", "text", "text_ge"},
	{"=", "bpchar", "bpchar", "bpchareq"},
	{"<>", "bpchar", "bpchar", "bpcharne"},
	{"<", "bpchar", "bpchar", "bpcharlt"},
	{"<=", "bpchar", "bpchar", "bpcharle"},
	{">", "bpchar", "bpchar", "bpchargt"},
	{">=", "bpchar", "bpchar", "bpcharge"},
	CMP6OPS(name, "name", "name"),
	CMP6OPS(bytea, "bytea", "bytea"),
	{"=", "name", "text", "nameeqtext"},
	{"<>", "name", "text", "namenetext"},
	{"<", "name", "text", "namelttext"},
	{"<=", "name", "text", "nameletext"},
	{">", "name", "text", "namegttext"},
	{">=", "name", "text", "namegetext"},
	{"=", "text", "name", "texteqname"},
	{"<>", "text", "name", "textnename"},
	{"<", "text", "name", "textltname"},
	{"<=", "text", "name", "textlename"},
	{">", "text", "name", "textgtname"},
	{">=", "text", "name", "textgename"},
	{"||", "text", "text", "textcat"},
	{"||", "text", "anynonarray", "textanycat"},
	{"||", "anynonarray", "text", "anytextcat"},
	{"||", "bytea", "bytea", "byteacat"},
	{"^@", "text", "text", "starts_with"},
	{"~~", "text", "text", "textlike"},
	{"!~~", "text", "text", "textnlike"},
	{"~~*", "text", "text", "texticlike"},
	{"!~~*", "text", "text", "texticnlike"},
	{"~~", "bpchar", "text", "bpcharlike"},
	{"!~~", "bpchar", "text", "bpcharnlike"},
	{"~~*", "bpchar", "text", "bpchariclike"},
	{"!~~*", "bpchar", "text", "bpcharicnlike"},
	{"~~", "name", "text", "namelike"},
	{"!~~", "name", "text", "namenlike"},
	{"~~*", "name", "text", "nameiclike"},
	{"!~~*", "name", "text", "nameicnlike"},
	{"~~", "bytea", "bytea", "bytealike"},
	{"!~~", "bytea", "bytea", "byteanlike"},
	{"~", "text", "text", "textregexeq"},
	{"!~", "text", "text", "textregexne"},
	{"~*", "text", "text", "texticregexeq"},
	{"!~*", "text", "text", "texticregexne"},
};

const ty_fragment ty_frag_text = {fns, NELEM(fns), ops, NELEM(ops), NULL, 0};
