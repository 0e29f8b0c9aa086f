/*
 * ty_json.c — json/jsonb: a recursive-descent parser with PostgreSQL's error texts, the
 * jsonb normalization (numeric numbers, unique keys sorted by length then bytes), printing,
 * comparison and hashing, and the to_json conversion of SQL values.
 */
#include <stdio.h>

#include "types/tyarray.h"
#include "types/tydatetime.h"
#include "types/tyjson.h"
#include "types/tynumeric.h"
#include "types/ty_int.h"

typedef struct jparser {
	const char *s;
	int len;
	int pos;
	bool decode;
	bool jsonb;
	int depth;
} jparser;

static noreturn void
json_fail(const char *detail, ...) __attribute__((format(printf, 1, 2)));
static noreturn void
json_fail(const char *detail, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, detail);
	vsnprintf(buf, sizeof buf, detail, ap);
	va_end(ap);
	ERR_BEGIN(ERRCODE_INVALID_TEXT_REPRESENTATION);
	err_detail("%s", buf);
	err_throw("invalid input syntax for type json");
}

static bool
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
skip(jparser *p)
{
	while (p->pos < p->len && is_ws(p->s[p->pos]))
		p->pos++;
}

static bool
alnumish(unsigned char c)
{
	return ty_isalpha(c) || ty_isdigit(c) || c == '_' || c >= 0x80;
}

/* Text of the token at the current position (for messages). */
static char *
token_text(jparser *p)
{
	int st = p->pos, e = st;
	if (st >= p->len)
		return pstrdup("");
	char c = p->s[st];
	if (c == '"') {
		e = st + 1;
		while (e < p->len && p->s[e] != '"') {
			if (p->s[e] == '\\' && e + 1 < p->len)
				e++;
			e++;
		}
		if (e < p->len)
			e++;
	} else if (alnumish((unsigned char)c) || c == '-') {
		e = st + 1;
		while (e < p->len && (alnumish((unsigned char)p->s[e]) || p->s[e] == '.' ||
		                      ((p->s[e] == '+' || p->s[e] == '-') &&
		                       (p->s[e - 1] == 'e' || p->s[e - 1] == 'E'))))
			e++;
	} else
		e = st + ty_utf8_charlen((unsigned char)c);
	if (e > p->len)
		e = p->len;
	return pstrndup(p->s + st, (size_t)(e - st));
}

static ty_jnode *
new_node(char kind, int start)
{
	ty_jnode *n = palloc0(sizeof(ty_jnode));
	n->kind = kind;
	n->start = start;
	return n;
}

static void
put_utf8(ty_buf *b, unsigned cp)
{
	char x[4];
	ty_buf_append(b, x, ty_utf8_encode(cp, x));
}

static int
hex4(jparser *p, int at)
{
	if (at + 4 > p->len)
		return -1;
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p->s[at + i];
		int d = ty_hexval(c);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* Parse a string starting at '"'; returns decoded text when p->decode. */
static void
parse_string(jparser *p, char **out, int *outlen)
{
	ty_buf b;
	bool dec = p->decode;
	if (dec)
		ty_buf_init(&b, 32);
	int i = p->pos + 1;
	int hi_surrogate = -1;
	for (;;) {
		if (i >= p->len)
			json_fail("Token \"%s\" is invalid.", pstrndup(p->s + p->pos, (size_t)(p->len - p->pos)));
		unsigned char c = (unsigned char)p->s[i];
		if (c == '"')
			break;
		if (c < 0x20)
			json_fail("Character with value 0x%02x must be escaped.", c);
		if (c == '\\') {
			if (i + 1 >= p->len)
				json_fail("The input string ended unexpectedly.");
			char e = p->s[i + 1];
			if (e == 'u') {
				int v = hex4(p, i + 2);
				if (v < 0)
					json_fail("\"\\u\" must be followed by four hexadecimal digits.");
				if (!dec) {
					/* json keeps escapes as written: only the syntax is checked */
				} else if (v >= 0xD800 && v <= 0xDBFF) {
					if (hi_surrogate >= 0)
						json_fail("Unicode high surrogate must not follow a high surrogate.");
					hi_surrogate = v;
				} else if (v >= 0xDC00 && v <= 0xDFFF) {
					if (hi_surrogate < 0)
						json_fail("Unicode low surrogate must follow a high surrogate.");
					if (dec)
						put_utf8(&b, 0x10000u + (((unsigned)hi_surrogate - 0xD800) << 10) +
						                 ((unsigned)v - 0xDC00));
					hi_surrogate = -1;
				} else {
					if (hi_surrogate >= 0)
						json_fail("Unicode low surrogate must follow a high surrogate.");
					if (v == 0 && p->jsonb) {
						ERR_BEGIN(ERRCODE_UNTRANSLATABLE_CHARACTER);
						err_detail("\\u0000 cannot be converted to text.");
						err_throw("unsupported Unicode escape sequence");
					}
					if (dec)
						put_utf8(&b, (unsigned)v);
				}
				i += 6;
				continue;
			}
			if (hi_surrogate >= 0 && dec)
				json_fail("Unicode low surrogate must follow a high surrogate.");
			char r;
			switch (e) {
			case '"': r = '"'; break;
			case '\\': r = '\\'; break;
			case '/': r = '/'; break;
			case 'b': r = '\b'; break;
			case 'f': r = '\f'; break;
			case 'n': r = '\n'; break;
			case 'r': r = '\r'; break;
			case 't': r = '\t'; break;
			default: {
				int cl = ty_utf8_charlen((unsigned char)e);
				json_fail("Escape sequence \"\\%.*s\" is invalid.", cl, p->s + i + 1);
			}
			}
			if (dec)
				ty_buf_putc(&b, r);
			i += 2;
			continue;
		}
		if (hi_surrogate >= 0 && dec)
			json_fail("Unicode low surrogate must follow a high surrogate.");
		if (dec)
			ty_buf_putc(&b, (char)c);
		i++;
	}
	if (hi_surrogate >= 0 && dec)
		json_fail("Unicode low surrogate must follow a high surrogate.");
	if (dec) {
		*out = b.data;
		*outlen = b.len;
	} else {
		*out = NULL;
		*outlen = 0;
	}
	p->pos = i + 1;
}

static void
parse_number(jparser *p)
{
	int i = p->pos;
	int st = i;
	bool ok = true;
	if (i < p->len && p->s[i] == '-')
		i++;
	if (i < p->len && p->s[i] == '0')
		i++;
	else if (i < p->len && p->s[i] >= '1' && p->s[i] <= '9')
		while (i < p->len && ty_isdigit((unsigned char)p->s[i]))
			i++;
	else
		ok = false;
	if (ok && i < p->len && p->s[i] == '.') {
		i++;
		if (i >= p->len || !ty_isdigit((unsigned char)p->s[i]))
			ok = false;
		while (i < p->len && ty_isdigit((unsigned char)p->s[i]))
			i++;
	}
	if (ok && i < p->len && (p->s[i] == 'e' || p->s[i] == 'E')) {
		i++;
		if (i < p->len && (p->s[i] == '+' || p->s[i] == '-'))
			i++;
		if (i >= p->len || !ty_isdigit((unsigned char)p->s[i]))
			ok = false;
		while (i < p->len && ty_isdigit((unsigned char)p->s[i]))
			i++;
	}
	if (!ok || (i < p->len && alnumish((unsigned char)p->s[i]))) {
		p->pos = st;
		json_fail("Token \"%s\" is invalid.", token_text(p));
	}
	p->pos = i;
}

static ty_jnode *parse_value(jparser *p, const char *expected);

static void
add_kid(ty_jnode *n, ty_jnode *k, char *key, int klen, int *cap)
{
	if (n->n == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		n->kids = repalloc(n->kids ? n->kids : palloc(1), sizeof(ty_jnode *) * (size_t)*cap);
		if (n->kind == 'o') {
			n->keys = repalloc(n->keys ? n->keys : palloc(1), sizeof(char *) * (size_t)*cap);
			n->klens = repalloc(n->klens ? n->klens : palloc(1), sizeof(int) * (size_t)*cap);
		}
	}
	n->kids[n->n] = k;
	if (n->kind == 'o') {
		n->keys[n->n] = key;
		n->klens[n->n] = klen;
	}
	n->n++;
}

/* PostgreSQL's lexer reports a malformed token before the parser can complain about
 * its place: true/false/null and numbers are the only tokens made of such characters. */
static void
check_token(jparser *p)
{
	if (p->pos >= p->len)
		return;
	unsigned char c = (unsigned char)p->s[p->pos];
	if (!(alnumish(c) || c == '-'))
		return;
	char *tok = token_text(p);
	if (!strcmp(tok, "true") || !strcmp(tok, "false") || !strcmp(tok, "null"))
		return;
	if (c == '-' || ty_isdigit(c)) {
		int save = p->pos;
		parse_number(p); /* raises for a malformed number */
		p->pos = save;
		return;
	}
	json_fail("Token \"%s\" is invalid.", tok);
}

static noreturn void
expected_fail(jparser *p, const char *what)
{
	if (p->pos >= p->len)
		json_fail("The input string ended unexpectedly.");
	check_token(p);
	json_fail("Expected %s, but found \"%s\".", what, token_text(p));
}

static ty_jnode *
parse_value(jparser *p, const char *expected)
{
	skip(p);
	if (p->pos >= p->len)
		json_fail("The input string ended unexpectedly.");
	char c = p->s[p->pos];
	int start = p->pos;
	ty_jnode *n;
	if (c == '{' || c == '[') {
		if (++p->depth > TY_JSON_MAX_DEPTH)
			ph_error(ERRCODE_STATEMENT_TOO_COMPLEX, "stack depth limit exceeded");
	}
	switch (c) {
	case '{': {
		n = new_node('o', start);
		int cap = 0;
		p->pos++;
		skip(p);
		if (p->pos < p->len && p->s[p->pos] == '}') {
			p->pos++;
			break;
		}
		for (;;) {
			skip(p);
			if (p->pos >= p->len || p->s[p->pos] != '"')
				expected_fail(p, n->n == 0 ? "string or \"}\"" : "string");
			char *key;
			int klen;
			parse_string(p, &key, &klen);
			skip(p);
			if (p->pos >= p->len || p->s[p->pos] != ':')
				expected_fail(p, "\":\"");
			p->pos++;
			ty_jnode *v = parse_value(p, "JSON value");
			add_kid(n, v, key, klen, &cap);
			skip(p);
			if (p->pos < p->len && p->s[p->pos] == ',') {
				p->pos++;
				continue;
			}
			if (p->pos < p->len && p->s[p->pos] == '}') {
				p->pos++;
				break;
			}
			expected_fail(p, "\",\" or \"}\"");
		}
		break;
	}
	case '[': {
		n = new_node('a', start);
		int cap = 0;
		p->pos++;
		skip(p);
		if (p->pos < p->len && p->s[p->pos] == ']') {
			p->pos++;
			break;
		}
		for (;;) {
			ty_jnode *v = parse_value(p, n->n == 0 ? "array element or \"]\"" : "JSON value");
			add_kid(n, v, NULL, 0, &cap);
			skip(p);
			if (p->pos < p->len && p->s[p->pos] == ',') {
				p->pos++;
				continue;
			}
			if (p->pos < p->len && p->s[p->pos] == ']') {
				p->pos++;
				break;
			}
			expected_fail(p, "\",\" or \"]\"");
		}
		break;
	}
	case '"':
		n = new_node('s', start);
		parse_string(p, &n->str, &n->slen);
		break;
	case 't':
	case 'f':
	case 'n': {
		const char *w = c == 't' ? "true" : c == 'f' ? "false" : "null";
		int wl = (int)strlen(w);
		if (p->pos + wl <= p->len && memcmp(p->s + p->pos, w, (size_t)wl) == 0 &&
		    (p->pos + wl == p->len || !alnumish((unsigned char)p->s[p->pos + wl]))) {
			n = new_node(c == 'n' ? 'z' : c, start);
			p->pos += wl;
			break;
		}
		json_fail("Token \"%s\" is invalid.", token_text(p));
	}
	default:
		if (c == '-' || ty_isdigit((unsigned char)c)) {
			n = new_node('n', start);
			parse_number(p);
			n->str = pstrndup(p->s + start, (size_t)(p->pos - start));
			n->slen = p->pos - start;
			break;
		}
		if (alnumish((unsigned char)c))
			json_fail("Token \"%s\" is invalid.", token_text(p));
		expected_fail(p, expected);
	}
	if (c == '{' || c == '[')
		p->depth--;
	n->end = p->pos;
	return n;
}

ty_jnode *
ty_json_parse(const char *s, int len, bool decode_strings, bool for_jsonb)
{
	jparser p = {s, len, 0, decode_strings, for_jsonb, 0};
	ty_jnode *n = parse_value(&p, "JSON value");
	skip(&p);
	if (p.pos < p.len) {
		check_token(&p);
		json_fail("Expected end of input, but found \"%s\".", token_text(&p));
	}
	return n;
}

/* ---- jsonb normalization and printing --------------------------------------------------------- */

static int
key_cmp(const char *a, int la, const char *b, int lb)
{
	if (la != lb)
		return la < lb ? -1 : 1;
	return memcmp(a, b, (size_t)la);
}

void
ty_jsonb_normalize(ty_jnode *n)
{
	if (n->kind == 'n') {
		char *t = pstrndup(n->str, (size_t)n->slen);
		char *o = ty_numeric_to_cstring(ty_numeric_from_cstring(t));
		n->str = o;
		n->slen = (int)strlen(o);
		return;
	}
	if (n->kind == 'a') {
		for (int i = 0; i < n->n; i++)
			ty_jsonb_normalize(n->kids[i]);
		return;
	}
	if (n->kind != 'o')
		return;
	for (int i = 0; i < n->n; i++)
		ty_jsonb_normalize(n->kids[i]);
	/* stable insertion sort by key; for equal keys the later one wins */
	for (int i = 1; i < n->n; i++) {
		ty_jnode *k = n->kids[i];
		char *key = n->keys[i];
		int kl = n->klens[i];
		int j = i - 1;
		while (j >= 0 && key_cmp(n->keys[j], n->klens[j], key, kl) > 0) {
			n->kids[j + 1] = n->kids[j];
			n->keys[j + 1] = n->keys[j];
			n->klens[j + 1] = n->klens[j];
			j--;
		}
		n->kids[j + 1] = k;
		n->keys[j + 1] = key;
		n->klens[j + 1] = kl;
	}
	int w = 0;
	for (int i = 0; i < n->n; i++) {
		if (w > 0 && key_cmp(n->keys[w - 1], n->klens[w - 1], n->keys[i], n->klens[i]) == 0) {
			n->kids[w - 1] = n->kids[i];
			continue;
		}
		n->kids[w] = n->kids[i];
		n->keys[w] = n->keys[i];
		n->klens[w] = n->klens[i];
		w++;
	}
	n->n = w;
}

void
ty_json_escape(ty_buf *b, const char *s, int len)
{
	ty_buf_putc(b, '"');
	for (int i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"':
			ty_buf_puts(b, "\\\"");
			break;
		case '\\':
			ty_buf_puts(b, "\\\\");
			break;
		case '\b':
			ty_buf_puts(b, "\\b");
			break;
		case '\f':
			ty_buf_puts(b, "\\f");
			break;
		case '\n':
			ty_buf_puts(b, "\\n");
			break;
		case '\r':
			ty_buf_puts(b, "\\r");
			break;
		case '\t':
			ty_buf_puts(b, "\\t");
			break;
		default:
			if (c < 0x20)
				ty_buf_printf(b, "\\u%04x", c);
			else
				ty_buf_putc(b, (char)c);
		}
	}
	ty_buf_putc(b, '"');
}

void
ty_jsonb_print(ty_buf *b, const ty_jnode *n)
{
	switch (n->kind) {
	case 'o':
		ty_buf_putc(b, '{');
		for (int i = 0; i < n->n; i++) {
			if (i)
				ty_buf_puts(b, ", ");
			ty_json_escape(b, n->keys[i], n->klens[i]);
			ty_buf_puts(b, ": ");
			ty_jsonb_print(b, n->kids[i]);
		}
		ty_buf_putc(b, '}');
		break;
	case 'a':
		ty_buf_putc(b, '[');
		for (int i = 0; i < n->n; i++) {
			if (i)
				ty_buf_puts(b, ", ");
			ty_jsonb_print(b, n->kids[i]);
		}
		ty_buf_putc(b, ']');
		break;
	case 's':
		ty_json_escape(b, n->str, n->slen);
		break;
	case 'n':
		ty_buf_append(b, n->str, n->slen);
		break;
	case 't':
		ty_buf_puts(b, "true");
		break;
	case 'f':
		ty_buf_puts(b, "false");
		break;
	default:
		ty_buf_puts(b, "null");
	}
}

Datum
ty_jsonb_from_text(const char *s, int len)
{
	ty_jnode *n = ty_json_parse(s, len, true, true);
	ty_jsonb_normalize(n);
	ty_buf b;
	ty_buf_init(&b, len + 16);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	ty_jsonb_print(&b, n);
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

ty_jnode *
ty_jsonb_tree(Datum jb)
{
	return ty_json_parse(ty_vardata(jb), ty_varsize(jb), true, true);
}

/* ---- I/O ------------------------------------------------------------------------------------ */

Datum
ty_json_in(const char *s, Oid t, int32_t tm)
{
	int len = (int)strlen(s);
	(void)ty_json_parse(s, len, false, false);
	return ty_text_datum(s, (size_t)len);
}

void
ty_json_out(ty_buf *b, Datum v, Oid t)
{
	ty_buf_append(b, ty_vardata(v), ty_varsize(v));
}

Datum
ty_json_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_utf8_verify(d, n);
	(void)ty_json_parse(d, n, false, false);
	return ty_text_datum(d, (size_t)n);
}

void
ty_json_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_append(b, ty_vardata(v), ty_varsize(v));
}

Datum
ty_jsonb_in(const char *s, Oid t, int32_t tm)
{
	return ty_jsonb_from_text(s, (int)strlen(s));
}

void
ty_jsonb_out(ty_buf *b, Datum v, Oid t)
{
	ty_buf_append(b, ty_vardata(v), ty_varsize(v));
}

/* Binary jsonb: a version byte (1) followed by the text. */
Datum
ty_jsonb_recv(const char *d, int n, Oid t, int32_t tm)
{
	if (n < 1 || d[0] != 1)
		ph_error(ERRCODE_INVALID_BINARY_REPRESENTATION, "unsupported jsonb version number %d",
		         n < 1 ? 0 : d[0]);
	ty_utf8_verify(d + 1, n - 1);
	return ty_jsonb_from_text(d + 1, n - 1);
}

void
ty_jsonb_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_putc(b, 1);
	ty_buf_append(b, ty_vardata(v), ty_varsize(v));
}

/* ---- jsonb comparison (PostgreSQL's btree order) ----------------------------------------------- */

static int
kind_rank(char k)
{
	switch (k) {
	case 'z': return 0;
	case 's': return 1;
	case 'n': return 2;
	case 't':
	case 'f': return 3;
	case 'a': return 4;
	default: return 5;
	}
}

int
ty_jsonb_compare_nodes(const ty_jnode *a, const ty_jnode *b)
{
	int ra = kind_rank(a->kind), rb = kind_rank(b->kind);
	if (ra != rb)
		return ra < rb ? -1 : 1;
	switch (a->kind) {
	case 'z':
		return 0;
	case 's':
		return ty_memcmp_len(a->str, a->slen, b->str, b->slen) < 0 ? -1
		       : ty_memcmp_len(a->str, a->slen, b->str, b->slen) > 0 ? 1 : 0;
	case 'n':
		return ty_numeric_cmp(ty_numeric_from_cstring(pstrndup(a->str, (size_t)a->slen)),
		                      ty_numeric_from_cstring(pstrndup(b->str, (size_t)b->slen)));
	case 't':
	case 'f':
		return (a->kind == 't') - (b->kind == 't');
	case 'a':
	case 'o':
		if (a->n != b->n)
			return a->n < b->n ? -1 : 1;
		for (int i = 0; i < a->n; i++) {
			if (a->kind == 'o') {
				int c = key_cmp(a->keys[i], a->klens[i], b->keys[i], b->klens[i]);
				if (c)
					return c < 0 ? -1 : 1;
			}
			int c = ty_jsonb_compare_nodes(a->kids[i], b->kids[i]);
			if (c)
				return c;
		}
		return 0;
	}
	return 0;
}

int
ty_cmp_jsonb(Datum a, Datum b)
{
	if (ty_varsize(a) == ty_varsize(b) &&
	    memcmp(ty_vardata(a), ty_vardata(b), (size_t)ty_varsize(a)) == 0)
		return 0;
	return ty_jsonb_compare_nodes(ty_jsonb_tree(a), ty_jsonb_tree(b));
}

static uint32_t
hash_node(const ty_jnode *n)
{
	uint32_t h = ty_hash_uint64((uint64_t)kind_rank(n->kind));
	switch (n->kind) {
	case 's':
		return ty_hash_combine(h, ty_hash_bytes(n->str, (size_t)n->slen));
	case 'n':
		return ty_hash_combine(h, ty_hash_numeric(ty_numeric_from_cstring(pstrndup(n->str, (size_t)n->slen))));
	case 't':
		return ty_hash_combine(h, 1);
	case 'a':
	case 'o':
		for (int i = 0; i < n->n; i++) {
			if (n->kind == 'o')
				h = ty_hash_combine(h, ty_hash_bytes(n->keys[i], (size_t)n->klens[i]));
			h = ty_hash_combine(h, hash_node(n->kids[i]));
		}
		return h;
	default:
		return h;
	}
}

uint32_t
ty_hash_jsonb(Datum a)
{
	return hash_node(ty_jsonb_tree(a));
}

/* ---- to_json ---------------------------------------------------------------------------------- */

static void
json_datetime(ty_buf *b, Datum v, Oid type)
{
	ty_tm tm;
	Timestamp ts;
	switch (type) {
	case DATEOID: {
		DateADT d = (DateADT)(int32_t)v;
		if (d == DATEVAL_NOBEGIN || d == DATEVAL_NOEND) {
			ty_buf_puts(b, d == DATEVAL_NOEND ? "\"infinity\"" : "\"-infinity\"");
			return;
		}
		int y, m, dd;
		ty_j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
		ty_buf_printf(b, "\"%04d-%02d-%02d%s\"", y > 0 ? y : -(y - 1), m, dd, y <= 0 ? " BC" : "");
		return;
	}
	case TIMESTAMPOID:
	case TIMESTAMPTZOID:
		ts = (Timestamp)v;
		if (ts == DT_NOBEGIN || ts == DT_NOEND) {
			ty_buf_puts(b, ts == DT_NOEND ? "\"infinity\"" : "\"-infinity\"");
			return;
		}
		ty_timestamp2tm(ts, &tm, type == TIMESTAMPTZOID, NULL);
		ty_buf_printf(b, "\"%04d-%02d-%02dT%02d:%02d:%02d", tm.year > 0 ? tm.year : -(tm.year - 1),
		              tm.mon, tm.mday, tm.hour, tm.min, tm.sec);
		if (tm.usec) {
			char f[8];
			snprintf(f, sizeof f, "%06lld", (long long)tm.usec);
			int n = 6;
			while (f[n - 1] == '0')
				n--;
			ty_buf_putc(b, '.');
			ty_buf_append(b, f, n);
		}
		if (type == TIMESTAMPTZOID) {
			int a = tm.gmtoff < 0 ? -tm.gmtoff : tm.gmtoff;
			ty_buf_printf(b, "%c%02d:%02d", tm.gmtoff < 0 ? '-' : '+', a / 3600, (a / 60) % 60);
			if (a % 60)
				ty_buf_printf(b, ":%02d", a % 60);
		}
		if (tm.year <= 0)
			ty_buf_puts(b, " BC");
		ty_buf_putc(b, '"');
		return;
	default:
		break;
	}
}

void
ty_json_append_value(ty_buf *b, Datum v, Oid type, bool jsonb)
{
	const ty_type *t = ty_must(type);
	switch (type) {
	case BOOLOID:
		ty_buf_puts(b, DatumGetBool(v) ? "true" : "false");
		return;
	case INT2OID:
	case INT4OID:
	case INT8OID:
	case NUMERICOID:
	case FLOAT4OID:
	case FLOAT8OID:
	case OIDOID: {
		ty_buf tmp;
		ty_buf_init(&tmp, 32);
		t->out(&tmp, v, type);
		/* NaN and infinities are not JSON numbers */
		if (ty_isdigit((unsigned char)tmp.data[0]) ||
		    (tmp.data[0] == '-' && ty_isdigit((unsigned char)tmp.data[1])))
			ty_buf_append(b, tmp.data, tmp.len);
		else
			ty_json_escape(b, tmp.data, tmp.len);
		return;
	}
	case JSONOID:
		ty_buf_append(b, ty_vardata(v), ty_varsize(v));
		return;
	case JSONBOID:
		ty_buf_append(b, ty_vardata(v), ty_varsize(v));
		return;
	case DATEOID:
	case TIMESTAMPOID:
	case TIMESTAMPTZOID:
		json_datetime(b, v, type);
		return;
	default:
		break;
	}
	if (t->category == TYPCAT_ARRAY && t->elem) {
		int n;
		Datum *vals;
		bool *nulls;
		ty_array_deconstruct(v, &n, &vals, &nulls);
		int nd = ty_array_ndim(v);
		if (nd <= 1) {
			ty_buf_putc(b, '[');
			for (int i = 0; i < n; i++) {
				if (i)
					ty_buf_puts(b, jsonb ? ", " : ",");
				if (nulls[i])
					ty_buf_puts(b, "null");
				else
					ty_json_append_value(b, vals[i], t->elem, jsonb);
			}
			ty_buf_putc(b, ']');
			return;
		}
		/* multi-dimensional: nested arrays */
		int dims[8], idx[8] = {0};
		for (int d = 0; d < nd; d++)
			dims[d] = ty_array_dim(v, d + 1);
		for (int d = 0; d < nd; d++)
			ty_buf_putc(b, '[');
		for (int i = 0; i < n; i++) {
			if (nulls[i])
				ty_buf_puts(b, "null");
			else
				ty_json_append_value(b, vals[i], t->elem, jsonb);
			int d = nd - 1, closed = 0;
			idx[d]++;
			while (d > 0 && idx[d] == dims[d]) {
				idx[d] = 0;
				d--;
				idx[d]++;
				closed++;
			}
			if (i == n - 1)
				break;
			for (int k = 0; k < closed; k++)
				ty_buf_putc(b, ']');
			ty_buf_puts(b, jsonb ? ", " : ",");
			for (int k = 0; k < closed; k++)
				ty_buf_putc(b, '[');
		}
		for (int d = 0; d < nd; d++)
			ty_buf_putc(b, ']');
		return;
	}
	ty_buf tmp;
	ty_buf_init(&tmp, 32);
	t->out(&tmp, v, type);
	ty_json_escape(b, tmp.data, tmp.len);
}
