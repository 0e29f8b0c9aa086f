/*
 * scan.c — the SQL lexer: PostgreSQL 15's lexical rules (scan.l), hand-written.
 *
 * The whole query string is turned into an array of tokens before parsing starts, as
 * PostgreSQL parses a whole simple-protocol query string before running any of it: a
 * lexical error anywhere fails the batch.  Then a filter pass turns NOT/NULLS/WITH/WITHOUT
 * into their lookahead variants where the next token calls for it (kw_id *_LA).
 *
 * Rules (see also lib/sql/parse/README.md):
 *  - whitespace: space, tab, newline, carriage return, form feed; comments "--" to the end
 *    of the line and nested slash-star comments.
 *  - identifiers [A-Za-z_\x80-\xff][A-Za-z_0-9$\x80-\xff]*, folded to lower case (ASCII);
 *    keywords matched case-insensitively; "quoted" identifiers keep their case ("" escapes
 *    a quote); U&"..." with Unicode escapes; all truncated to 63 bytes with a notice.
 *  - strings '...' ('' escapes a quote; standard_conforming_strings is always on),
 *    E'...' with backslash escapes, U&'...' [UESCAPE 'c'], $tag$...$tag$, B'...', X'...',
 *    N'...'; two string literals separated by whitespace containing a newline are one.
 *  - numbers: digits, decimals (1., .5, 1.5), exponents (1e5, 1.e-3); an identifier
 *    character right after a number is "trailing junk" (PostgreSQL 15), and so is an
 *    exponent without digits; "1..2" is 1 followed by "..".
 *  - $n parameters; operators as PostgreSQL: a run of + - * / < > = ~ ! @ # % ^ & | ` ?,
 *    cut before any comment start, losing trailing + and - unless it contains one of
 *    ~ ! @ # % ^ & | ` ? (so "a<-b" is a < -b); "!=" is "<>".
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sql/parse/parse_int.h"
#include "util/err.h"
#include "util/mem.h"

/* ---- keywords ---------------------------------------------------------------------------- */

#define KWC_U KWC_UNRESERVED
#define KWC_C KWC_COL_NAME
#define KWC_T KWC_TYPE_FUNC_NAME
#define KWC_R KWC_RESERVED
#define KWB_BARE true
#define KWB_AS_LABEL false

const kw_info kw_table[KW_COUNT] = {
	[KW__NONE] = {"", KWC_RESERVED, false},
#define KW(text, id, cat, bare) [KW_##id] = {text, KWC_##cat, KWB_##bare},
#include "sql/parse/kwlist.h"
#undef KW
	[KW_NOT_LA] = {"not", KWC_RESERVED, false},
	[KW_NULLS_LA] = {"nulls", KWC_RESERVED, false},
	[KW_WITH_LA] = {"with", KWC_RESERVED, false},
	[KW_WITHOUT_LA] = {"without", KWC_RESERVED, false},
};

#define KW_HASH_SIZE 2048  /* power of two, about four times the number of keywords */
#define KW_MAX_LEN 17

static uint16_t kw_hash_table[KW_HASH_SIZE];
static uint8_t kw_len[KW_COUNT];

/* Character classes, filled with the keyword hash on first use. */
enum { CC_IDENT_START = 1, CC_IDENT_CONT = 2, CC_DIGIT = 4, CC_SPACE = 8, CC_OP = 16 };
static uint8_t cclass[256];
static bool scan_ready;

static inline uint32_t
hash_step(uint32_t h, unsigned char c)
{
	return (h ^ c) * 16777619u;
}

#define HASH_INIT 2166136261u

static void
scan_init(void)
{
	for (int c = 0; c < 256; c++) {
		uint8_t k = 0;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80)
			k |= CC_IDENT_START | CC_IDENT_CONT;
		if (c >= '0' && c <= '9')
			k |= CC_DIGIT | CC_IDENT_CONT;
		if (c == '$')
			k |= CC_IDENT_CONT;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
			k |= CC_SPACE;
		if (c != 0 && strchr("~!@#^&|`?+-*/%<>=", c) != NULL)
			k |= CC_OP;
		cclass[c] = k;
	}
	for (int k = 1; k < KW_NOT_LA; k++) {
		const char *t = kw_table[k].text;
		uint32_t h = HASH_INIT;

		kw_len[k] = (uint8_t)strlen(t);
		for (const char *p = t; *p; p++)
			h = hash_step(h, (unsigned char)*p);
		while (kw_hash_table[h & (KW_HASH_SIZE - 1)] != 0)
			h++;
		kw_hash_table[h & (KW_HASH_SIZE - 1)] = (uint16_t)k;
	}
	scan_ready = true;
}

/* Keyword of an already lower-cased word of n bytes whose hash is h. */
static kw_id
kw_find(const char *lower, int n, uint32_t h)
{
	for (;; h++) {
		int k = kw_hash_table[h & (KW_HASH_SIZE - 1)];

		if (k == 0)
			return KW__NONE;
		if (kw_len[k] == n && memcmp(kw_table[k].text, lower, (size_t)n) == 0)
			return (kw_id)k;
	}
}

kw_id
kw_lookup(const char *s, int n)
{
	char lower[KW_MAX_LEN];
	uint32_t h = HASH_INIT;

	if (n > KW_MAX_LEN || n == 0)
		return KW__NONE;
	if (!scan_ready)
		scan_init();
	for (int i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		lower[i] = c;
		h = hash_step(h, (unsigned char)c);
	}
	return kw_find(lower, n, h);
}

/* ---- positions and errors -------------------------------------------------------------- */

int
scan_char_position(const char *src, int loc)
{
	int pos = 1;

	for (int i = 0; i < loc && src[i] != '\0'; i++)
		if (((unsigned char)src[i] & 0xC0) != 0x80)
			pos++;
	return pos;
}

noreturn void
parse_error_loc(parse_state *ps, const char *code, int loc, const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ERR_BEGIN(code);
	if (loc >= 0)
		err_position(scan_char_position(ps->src, loc));
	err_throw("%s", msg);
}

/* A lexical error "<msg> at or near "<text from start to stop>"". */
static noreturn void
lex_error(parse_state *ps, const char *code, const char *msg, int start, int stop)
{
	int n = stop - start;

	if (n > 200)
		n = 200;
	parse_error_loc(ps, code, start, "%s at or near \"%.*s\"", msg, n, ps->src + start);
}

noreturn void
parse_syntax_error_at(parse_state *ps, const token *t)
{
	if (t->type == TK_LEXERROR)
		scan_raise_lex_error(ps);
	if (t->type == TK_EOF)
		parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, t->loc, "syntax error at end of input");
	lex_error(ps, ERRCODE_SYNTAX_ERROR, "syntax error", t->loc, t->end);
}

noreturn void
parse_syntax_error(parse_state *ps)
{
	parse_syntax_error_at(ps, cur_tok(ps));
}

/* ---- identifiers -------------------------------------------------------------------------- */

/* Bytes of s[0..n) that fit in max bytes without splitting a UTF-8 character. */
static int
clip_utf8(const char *s, int n, int max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

char *
scan_identifier(parse_state *ps, const char *s, int n, bool fold, int loc)
{
	char *r = palloc((size_t)n + 1);

	for (int i = 0; i < n; i++) {
		char c = s[i];

		if (fold && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		r[i] = c;
	}
	r[n] = '\0';
	if (n >= NAMEDATALEN) {
		int keep = clip_utf8(r, n, NAMEDATALEN - 1);
		ParseNotice *pn = AST_NEW(ParseNotice, loc);

		pn->sqlstate = pstrdup(ERRCODE_NAME_TOO_LONG);
		pn->message = psprintf("identifier \"%s\" will be truncated to \"%.*s\"", r, keep, r);
		ps->notices = ast_list_append(ps->notices, pn);
		r[keep] = '\0';
	}
	return r;
}

/* ---- the lexer ---------------------------------------------------------------------------- */

typedef struct lexer {
	parse_state *ps;
	const char *s;
	int n;
	int i;
	strbuf lit;         /* literal being built */
} lexer;

static inline bool
is_ident_start(unsigned char c)
{
	return (cclass[c] & CC_IDENT_START) != 0;
}

static inline bool
is_ident_cont(unsigned char c)
{
	return (cclass[c] & CC_IDENT_CONT) != 0;
}

static inline bool
is_digit(unsigned char c)
{
	return (cclass[c] & CC_DIGIT) != 0;
}

static inline bool
is_space(unsigned char c)
{
	return (cclass[c] & CC_SPACE) != 0;
}

static inline bool
is_op_char(unsigned char c)
{
	return (cclass[c] & CC_OP) != 0;
}

static int
hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static token *
new_token(lexer *lx, int type, int start)
{
	parse_state *ps = lx->ps;
	token *t;

	if (ps->ntoks == ps->cap) {
		ps->cap *= 2;
		ps->toks = repalloc(ps->toks, sizeof(token) * (size_t)ps->cap);
	}
	t = &ps->toks[ps->ntoks++];
	t->type = (uint16_t)type;
	t->kw = KW__NONE;
	t->loc = start;
	t->end = lx->i;
	t->ival = 0;
	t->str = NULL;
	return t;
}

/* Skip whitespace and -- comments from lx->i; returns true if a newline was crossed. */
static bool
skip_blanks(lexer *lx)
{
	bool newline = false;

	for (;;) {
		unsigned char c = (unsigned char)lx->s[lx->i];

		if (is_space(c)) {
			if (c == '\n' || c == '\r')
				newline = true;
			lx->i++;
		} else if (c == '-' && lx->s[lx->i + 1] == '-') {
			while (lx->i < lx->n && lx->s[lx->i] != '\n' && lx->s[lx->i] != '\r')
				lx->i++;
		} else
			return newline;
	}
}

/* Skip whitespace and all comments (slash-star comments nest). */
static void
skip_space(lexer *lx)
{
	for (;;) {
		skip_blanks(lx);
		if (lx->s[lx->i] != '/' || lx->s[lx->i + 1] != '*')
			return;

		int start = lx->i, depth = 1;

		lx->i += 2;
		while (depth > 0) {
			if (lx->i >= lx->n)
				lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "unterminated /* comment", start, lx->n);
			if (lx->s[lx->i] == '*' && lx->s[lx->i + 1] == '/') {
				depth--;
				lx->i += 2;
			} else if (lx->s[lx->i] == '/' && lx->s[lx->i + 1] == '*') {
				depth++;
				lx->i += 2;
			} else
				lx->i++;
		}
	}
}

/*
 * After a closing quote: if only whitespace with a newline (and -- comments) separates it
 * from another quote, the literal continues there (SQL's string continuation).  Returns
 * true and leaves lx->i after that quote, or false and leaves lx->i untouched.
 */
static bool
string_continues(lexer *lx)
{
	int save = lx->i;

	if (skip_blanks(lx) && lx->s[lx->i] == '\'') {
		lx->i++;
		return true;
	}
	lx->i = save;
	return false;
}

static void
put_utf8(strbuf *b, uint32_t cp)
{
	char u[4];
	int n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	sb_put(b, u, n);
}

/* Length of the valid UTF-8 sequence at s, or 0. */
static int
utf8_seq_len(const unsigned char *s, int avail)
{
	int n;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0) {
		n = 2;
		cp = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3;
		cp = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4;
		cp = s[0] & 0x07;
	} else
		return 0;
	if (n > avail)
		return 0;
	for (int k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

static void
check_utf8(lexer *lx, const strbuf *b)
{
	const unsigned char *s = (const unsigned char *)b->s;

	for (int i = 0; i < b->len;) {
		int k = utf8_seq_len(s + i, b->len - i);

		if (k == 0 || (k == 1 && s[i] == 0)) {
			char hex[16] = "";
			int m = b->len - i < 4 ? b->len - i : 4;

			for (int j = 0; j < m; j++)
				snprintf(hex + strlen(hex), sizeof(hex) - strlen(hex), "%s0x%02x",
				         j ? " " : "", s[i + j]);
			if (s[i] < 0x80)
				snprintf(hex, sizeof(hex), "0x%02x", s[i]);
			parse_error_loc(lx->ps, ERRCODE_CHARACTER_NOT_IN_REPERTOIRE, -1,
			                "invalid byte sequence for encoding \"UTF8\": %s", hex);
		}
		i += k;
	}
}

static bool
is_high_surrogate(uint32_t c)
{
	return c >= 0xD800 && c <= 0xDBFF;
}

static bool
is_low_surrogate(uint32_t c)
{
	return c >= 0xDC00 && c <= 0xDFFF;
}

/* Read exactly n hex digits at lx->i; -1 if they are not there. */
static long
read_hex(lexer *lx, int n)
{
	long v = 0;

	for (int k = 0; k < n; k++) {
		int h = hex_value((unsigned char)lx->s[lx->i + k]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	lx->i += n;
	return v;
}

/*
 * A Unicode escape error.  E'' strings report it like other lexical errors, "at or near"
 * the text from loc to stop; U&'' strings (plain) with the position only, as PostgreSQL,
 * which checks them after lexing, does.
 */
static noreturn void
unicode_error(lexer *lx, bool plain, const char *msg, int loc, int stop)
{
	if (plain)
		parse_error_loc(lx->ps, ERRCODE_SYNTAX_ERROR, loc, "%s", msg);
	lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, msg, loc, stop);
}

/* Append a Unicode code point from an escape, pairing surrogates. */
static void
put_unicode(lexer *lx, uint32_t cp, uint32_t *pending_high, int esc_loc, bool plain)
{
	if (*pending_high != 0) {
		if (!is_low_surrogate(cp))
			unicode_error(lx, plain, "invalid Unicode surrogate pair", esc_loc, lx->i);
		cp = 0x10000 + ((*pending_high - 0xD800) << 10) + (cp - 0xDC00);
		*pending_high = 0;
	} else if (is_high_surrogate(cp)) {
		*pending_high = cp;
		return;
	} else if (is_low_surrogate(cp))
		unicode_error(lx, plain, "invalid Unicode surrogate pair", esc_loc, lx->i);
	if (cp == 0 || cp > 0x10FFFF)
		unicode_error(lx, plain, "invalid Unicode escape value", esc_loc, lx->i);
	put_utf8(&lx->lit, cp);
}

/* The body of '...' or E'...' (lx->i after the opening quote); result in lx->lit. */
static void
scan_quoted_string(lexer *lx, int start, bool escapes, const char *unterminated)
{
	bool raw_bytes = false;
	uint32_t pending_high = 0;

	for (;;) {
		if (lx->i >= lx->n)
			lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, unterminated, start, lx->n);
		char c = lx->s[lx->i];

		if (c == '\'') {
			if (lx->s[lx->i + 1] == '\'') {
				sb_putc(&lx->lit, '\'');
				lx->i += 2;
				continue;
			}
			lx->i++;
			if (string_continues(lx))
				continue;
			if (pending_high != 0)
				lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair",
				          lx->i - 1, lx->i);
			break;
		}
		if (escapes && c == '\\') {
			int esc = lx->i;
			unsigned char e = (unsigned char)lx->s[lx->i + 1];

			if (lx->i + 1 >= lx->n)
				lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, unterminated, start, lx->n);
			if (pending_high != 0 && e != 'u' && e != 'U')
				lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair", esc,
				          esc + 1);
			lx->i += 2;
			switch (e) {
			case 'b': sb_putc(&lx->lit, '\b'); break;
			case 'f': sb_putc(&lx->lit, '\f'); break;
			case 'n': sb_putc(&lx->lit, '\n'); break;
			case 'r': sb_putc(&lx->lit, '\r'); break;
			case 't': sb_putc(&lx->lit, '\t'); break;
			case 'x':
				if (hex_value((unsigned char)lx->s[lx->i]) >= 0) {
					int v = hex_value((unsigned char)lx->s[lx->i++]);

					if (hex_value((unsigned char)lx->s[lx->i]) >= 0)
						v = v * 16 + hex_value((unsigned char)lx->s[lx->i++]);
					sb_putc(&lx->lit, (char)v);
					raw_bytes = true;
				} else
					sb_putc(&lx->lit, 'x');
				break;
			case 'u':
			case 'U': {
				long cp = read_hex(lx, e == 'u' ? 4 : 8);

				if (cp < 0) {
					ERR_BEGIN(ERRCODE_INVALID_ESCAPE_SEQUENCE);
					err_position(scan_char_position(lx->s, esc));
					err_hint("Unicode escapes must be \\uXXXX or \\UXXXXXXXX.");
					err_throw("invalid Unicode escape");
				}
				put_unicode(lx, (uint32_t)cp, &pending_high, esc, false);
				break;
			}
			default:
				if (e >= '0' && e <= '7') {
					int v = e - '0';

					for (int k = 0; k < 2 && lx->s[lx->i] >= '0' && lx->s[lx->i] <= '7'; k++)
						v = v * 8 + (lx->s[lx->i++] - '0');
					sb_putc(&lx->lit, (char)(v & 0xFF));
					raw_bytes = true;
				} else
					sb_putc(&lx->lit, (char)e);
			}
			continue;
		}
		if (pending_high != 0)   /* a high surrogate must be followed by its low half */
			lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair", lx->i,
			          lx->i + 1);
		sb_putc(&lx->lit, c);
		lx->i++;
	}
	if (raw_bytes)
		check_utf8(lx, &lx->lit);
}

/*
 * Apply U&'...' / U&"..." escapes (escape character esc) to lit in place; srcpos[i] is the
 * source offset of lit byte i, for error positions.
 */
static void
apply_unicode_escapes(lexer *lx, char esc, const int *srcpos, int end_quote)
{
	strbuf in = lx->lit;
	uint32_t pending_high = 0;
	lexer sub = *lx;

	sb_init(&lx->lit, in.len + 1);
	sub.s = in.s;
	sub.n = in.len;
	sub.i = 0;
	while (sub.i < sub.n) {
		char c = in.s[sub.i];
		int here = srcpos[sub.i];

		if (c != esc) {
			if (pending_high != 0)
				unicode_error(lx, true, "invalid Unicode surrogate pair", here, here + 1);
			sb_putc(&lx->lit, c);
			sub.i++;
			continue;
		}
		if (in.s[sub.i + 1] == esc) {
			sb_putc(&lx->lit, esc);
			sub.i += 2;
			continue;
		}
		sub.i++;
		long cp;

		if (in.s[sub.i] == '+') {
			sub.i++;
			cp = read_hex(&sub, 6);
		} else
			cp = read_hex(&sub, 4);
		if (cp < 0) {
			ERR_BEGIN(ERRCODE_SYNTAX_ERROR);
			err_position(scan_char_position(lx->s, here));
			err_hint("Unicode escapes must be \\XXXX or \\+XXXXXX.");
			err_throw("invalid Unicode escape");
		}
		sub.lit = lx->lit;
		put_unicode(&sub, (uint32_t)cp, &pending_high, here, true);
		lx->lit = sub.lit;
	}
	if (pending_high != 0)   /* at the closing quote */
		unicode_error(lx, true, "invalid Unicode surrogate pair", end_quote, end_quote + 1);
}

/* After U&'...' or U&"...": an optional UESCAPE 'c'. */
static char
scan_uescape(lexer *lx)
{
	int save = lx->i;

	skip_space(lx);
	if (lx->n - lx->i >= 7 && kw_lookup(lx->s + lx->i, 7) == KW_UESCAPE &&
	    !is_ident_cont((unsigned char)lx->s[lx->i + 7])) {
		lx->i += 7;
		skip_space(lx);
		const char *q = lx->s + lx->i;

		if (q[0] == '\'' && q[1] != '\0' && q[2] == '\'' && q[1] != '\'' && q[1] != '"' &&
		    q[1] != '+' && hex_value((unsigned char)q[1]) < 0 && !is_space((unsigned char)q[1])) {
			lx->i += 3;
			return q[1];
		}
		/* at or near the string after UESCAPE */
		int stop = lx->i + 1;

		if (q[0] == '\'') {
			while (stop < lx->n && lx->s[stop] != '\'')
				stop++;
			stop = stop < lx->n ? stop + 1 : lx->n;
		}
		lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "invalid Unicode escape character", lx->i, stop);
	}
	lx->i = save;
	return '\\';
}

static void
scan_number(lexer *lx, int start)
{
	const char *s = lx->s;
	bool is_float = false;

	while (is_digit((unsigned char)s[lx->i]))
		lx->i++;
	if (s[lx->i] == '.') {
		if (s[lx->i + 1] == '.') {
			/* "1..": the integer, then ".." */
		} else {
			is_float = true;
			lx->i++;
			while (is_digit((unsigned char)s[lx->i]))
				lx->i++;
		}
	}
	if (s[lx->i] == 'e' || s[lx->i] == 'E') {
		int e = lx->i + 1;

		if (s[e] == '+' || s[e] == '-')
			e++;
		if (is_digit((unsigned char)s[e])) {
			is_float = true;
			lx->i = e;
			while (is_digit((unsigned char)s[lx->i]))
				lx->i++;
		} else if (e > lx->i + 1)
			lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "trailing junk after numeric literal",
			          start, e);
	}
	if (is_ident_start((unsigned char)s[lx->i])) {
		int e = lx->i;

		while (is_ident_cont((unsigned char)s[e]))
			e++;
		lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "trailing junk after numeric literal", start, e);
	}
	int len = lx->i - start;

	if (!is_float && len <= 10) {
		long long v = 0;

		for (int k = start; k < lx->i; k++)
			v = v * 10 + (s[k] - '0');
		if (v <= INT_MAX) {
			token *t = new_token(lx, TK_ICONST, start);

			t->ival = (int32_t)v;
			return;
		}
	}
	token *t = new_token(lx, TK_FCONST, start);

	t->str = pstrndup(s + start, (size_t)len);
}

/* $tag$ at lx->i?  Returns the length of the delimiter (>= 2) or 0. */
static int
dollar_delim(const char *s, int i)
{
	int k = i + 1;

	if (s[k] == '$')
		return 2;
	if (!is_ident_start((unsigned char)s[k]))
		return 0;
	while (is_ident_start((unsigned char)s[k]) || is_digit((unsigned char)s[k]))
		k++;
	return s[k] == '$' ? k - i + 1 : 0;
}

static void
scan_dollar(lexer *lx, int start)
{
	const char *s = lx->s;

	if (is_digit((unsigned char)s[lx->i + 1])) {
		long long v = 0;

		lx->i++;
		while (is_digit((unsigned char)s[lx->i])) {
			if (v <= INT_MAX)
				v = v * 10 + (s[lx->i] - '0');
			lx->i++;
		}
		if (is_ident_cont((unsigned char)s[lx->i])) {
			int e = lx->i;

			while (is_ident_cont((unsigned char)s[e]))
				e++;
			lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "trailing junk after parameter", start, e);
		}
		/* $0 is the analyzer's to refuse (42P02), as in PostgreSQL */
		if (v > INT_MAX)
			lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "parameter number too large", start, lx->i);
		token *t = new_token(lx, TK_PARAM, start);

		t->ival = (int32_t)v;
		return;
	}
	int dl = dollar_delim(s, lx->i);

	if (dl == 0) {
		lx->i++;
		new_token(lx, '$', start);
		return;
	}
	int body = lx->i + dl;

	for (int k = body; k < lx->n; k++) {
		if (s[k] == '$' && k + dl <= lx->n && memcmp(s + k, s + start, (size_t)dl) == 0) {
			lx->i = k + dl;
			token *t = new_token(lx, TK_SCONST, start);

			t->str = pstrndup(s + body, (size_t)(k - body));
			return;
		}
	}
	lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "unterminated dollar-quoted string", start, lx->n);
}

static void
scan_operator(lexer *lx, int start)
{
	const char *s = lx->s;
	int e = start, len;

	while (is_op_char((unsigned char)s[e]))
		e++;
	len = e - start;
	/* a comment start ends the operator */
	for (int k = 1; k < len; k++)
		if ((s[start + k] == '-' && s[start + k + 1] == '-') ||
		    (s[start + k] == '/' && s[start + k + 1] == '*')) {
			len = k;
			break;
		}
	if (len > 1 && (s[start + len - 1] == '+' || s[start + len - 1] == '-')) {
		bool keep = false;

		for (int k = 0; k < len - 1; k++)
			if (strchr("~!@#^&|`?%", s[start + k]) != NULL) {
				keep = true;
				break;
			}
		if (!keep)
			while (len > 1 && (s[start + len - 1] == '+' || s[start + len - 1] == '-'))
				len--;
	}
	lx->i = start + len;
	if (len == 1 && strchr("+-*/%^<>=", s[start]) != NULL) {
		new_token(lx, s[start], start);
		return;
	}
	if (len == 2) {
		int type = 0;

		if (s[start] == '=' && s[start + 1] == '>')
			type = TK_EQUALS_GREATER;
		else if (s[start] == '>' && s[start + 1] == '=')
			type = TK_GREATER_EQUALS;
		else if (s[start] == '<' && s[start + 1] == '=')
			type = TK_LESS_EQUALS;
		else if ((s[start] == '<' && s[start + 1] == '>') ||
		         (s[start] == '!' && s[start + 1] == '='))
			type = TK_NOT_EQUALS;
		if (type != 0) {
			token *t = new_token(lx, type, start);

			t->str = pstrdup(type == TK_EQUALS_GREATER ? "=>" : type == TK_GREATER_EQUALS ? ">="
			                 : type == TK_LESS_EQUALS ? "<=" : "<>");
			return;
		}
	}
	if (len >= NAMEDATALEN)
		lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "operator too long", start, lx->i);
	token *t = new_token(lx, TK_OP, start);

	t->str = pstrndup(s + start, (size_t)len);
}

/* A literal introduced by a prefix letter: E'..', B'..', X'..', N'..', U&'..', U&".." */
static bool
scan_prefixed(lexer *lx, int start)
{
	const char *s = lx->s;
	char c = s[start];
	token *t;

	if (s[start + 1] == '\'') {
		switch (c) {
		case 'e':
		case 'E':
			lx->i = start + 2;
			lx->lit.len = 0;
			scan_quoted_string(lx, start, true, "unterminated quoted string");
			t = new_token(lx, TK_SCONST, start);
			t->str = pstrndup(lx->lit.s, (size_t)lx->lit.len);
			return true;
		case 'b':
		case 'B':
		case 'x':
		case 'X': {
			bool bit = (c == 'b' || c == 'B');

			lx->i = start + 2;
			lx->lit.len = 0;
			sb_putc(&lx->lit, bit ? 'b' : 'x');
			for (;;) {
				if (lx->i >= lx->n)
					lex_error(lx->ps, ERRCODE_SYNTAX_ERROR,
					          bit ? "unterminated bit string literal"
					              : "unterminated hexadecimal string literal",
					          start, lx->n);
				if (s[lx->i] == '\'') {
					lx->i++;
					if (string_continues(lx))
						continue;
					break;
				}
				sb_putc(&lx->lit, s[lx->i++]);
			}
			t = new_token(lx, bit ? TK_BCONST : TK_XCONST, start);
			t->str = pstrndup(lx->lit.s, (size_t)lx->lit.len);
			return true;
		}
		case 'n':
		case 'N':
			/* N'...': the keyword NCHAR followed by the string */
			lx->i = start + 1;
			t = new_token(lx, TK_KEYWORD, start);
			t->kw = KW_NCHAR;
			t->str = (char *)kw_table[KW_NCHAR].text;
			return true;
		default:
			return false;
		}
	}
	if ((c == 'u' || c == 'U') && s[start + 1] == '&' && (s[start + 2] == '\'' || s[start + 2] == '"')) {
		bool ident = s[start + 2] == '"';
		int *srcpos = palloc(sizeof(int) * (size_t)(lx->n - start + 1));

		lx->i = start + 3;
		lx->lit.len = 0;
		for (;;) {
			if (lx->i >= lx->n)
				lex_error(lx->ps, ERRCODE_SYNTAX_ERROR,
				          ident ? "unterminated quoted identifier" : "unterminated quoted string",
				          start, lx->n);
			if (s[lx->i] == s[start + 2]) {
				if (s[lx->i + 1] == s[start + 2]) {
					srcpos[lx->lit.len] = lx->i;
					sb_putc(&lx->lit, s[lx->i]);
					lx->i += 2;
					continue;
				}
				lx->i++;
				if (!ident && string_continues(lx))
					continue;
				break;
			}
			srcpos[lx->lit.len] = lx->i;
			sb_putc(&lx->lit, s[lx->i++]);
		}
		int end = lx->i;
		char esc = scan_uescape(lx);

		apply_unicode_escapes(lx, esc, srcpos, end - 1);
		pfree(srcpos);
		if (ident) {
			if (lx->lit.len == 0)
				lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "zero-length delimited identifier",
				          start, end);
			t = new_token(lx, TK_IDENT, start);
			t->str = scan_identifier(lx->ps, lx->lit.s, lx->lit.len, false, start);
		} else {
			t = new_token(lx, TK_SCONST, start);
			t->str = pstrndup(lx->lit.s, (size_t)lx->lit.len);
		}
		t->end = end;
		return true;
	}
	return false;
}

static void
scan_word(lexer *lx, int start)
{
	const char *s = lx->s;
	char lower[NAMEDATALEN];
	uint32_t h = HASH_INIT;
	int n = 0;
	token *t;

	/* fold and hash in one pass; a word longer than a keyword needs neither */
	lx->i = start;
	do {
		char c = s[lx->i++];

		if (n < NAMEDATALEN) {
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			lower[n] = c;
			h = hash_step(h, (unsigned char)c);
		}
		n++;
	} while (is_ident_cont((unsigned char)s[lx->i]));
	if (n <= KW_MAX_LEN) {
		kw_id k = kw_find(lower, n, h);

		if (k != KW__NONE) {
			t = new_token(lx, TK_KEYWORD, start);
			t->kw = (uint16_t)k;
			t->str = (char *)kw_table[k].text;
			return;
		}
	}
	t = new_token(lx, TK_IDENT, start);
	if (n < NAMEDATALEN)
		t->str = pstrndup(lower, (size_t)n);
	else
		t->str = scan_identifier(lx->ps, s + start, n, true, start);
}

static void
scan_quoted_ident(lexer *lx, int start)
{
	const char *s = lx->s;
	token *t;

	lx->i = start + 1;
	lx->lit.len = 0;
	for (;;) {
		if (lx->i >= lx->n)
			lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "unterminated quoted identifier", start, lx->n);
		if (s[lx->i] == '"') {
			if (s[lx->i + 1] == '"') {
				sb_putc(&lx->lit, '"');
				lx->i += 2;
				continue;
			}
			lx->i++;
			break;
		}
		sb_putc(&lx->lit, s[lx->i++]);
	}
	if (lx->lit.len == 0)
		lex_error(lx->ps, ERRCODE_SYNTAX_ERROR, "zero-length delimited identifier", start, lx->i);
	t = new_token(lx, TK_IDENT, start);
	t->str = scan_identifier(lx->ps, lx->lit.s, lx->lit.len, false, start);
}

/* The filter pass: lookahead variants of NOT, NULLS, WITH, WITHOUT. */
static void
filter_lookahead(parse_state *ps)
{
	for (int i = 0; i + 1 < ps->ntoks; i++) {
		token *t = &ps->toks[i], *n = &ps->toks[i + 1];

		if (t->type != TK_KEYWORD || n->type != TK_KEYWORD)
			continue;
		switch (t->kw) {
		case KW_NOT:
			if (n->kw == KW_BETWEEN || n->kw == KW_IN || n->kw == KW_LIKE ||
			    n->kw == KW_ILIKE || n->kw == KW_SIMILAR)
				t->kw = KW_NOT_LA;
			break;
		case KW_NULLS:
			if (n->kw == KW_FIRST || n->kw == KW_LAST)
				t->kw = KW_NULLS_LA;
			break;
		case KW_WITH:
			if (n->kw == KW_TIME || n->kw == KW_ORDINALITY)
				t->kw = KW_WITH_LA;
			break;
		case KW_WITHOUT:
			if (n->kw == KW_TIME)
				t->kw = KW_WITHOUT_LA;
			break;
		default:
			break;
		}
	}
}

/* Tokenize lx->s from lx->i to the end (raises on a lexical error). */
static void
scan_loop(lexer *lx)
{
	for (;;) {
		skip_space(lx);
		if (lx->i >= lx->n)
			break;

		int start = lx->i;
		unsigned char c = (unsigned char)lx->s[start];

		if (is_ident_start(c)) {
			if (!scan_prefixed(lx, start))
				scan_word(lx, start);
		} else if (is_digit(c) || (c == '.' && is_digit((unsigned char)lx->s[start + 1]))) {
			scan_number(lx, start);
		} else if (c == '\'') {
			lx->i = start + 1;
			lx->lit.len = 0;
			scan_quoted_string(lx, start, false, "unterminated quoted string");
			token *t = new_token(lx, TK_SCONST, start);

			t->str = pstrndup(lx->lit.s, (size_t)lx->lit.len);
		} else if (c == '"') {
			scan_quoted_ident(lx, start);
		} else if (c == '$') {
			scan_dollar(lx, start);
		} else if (c == ':') {
			if (lx->s[start + 1] == ':') {
				lx->i = start + 2;
				new_token(lx, TK_TYPECAST, start);
			} else if (lx->s[start + 1] == '=') {
				lx->i = start + 2;
				new_token(lx, TK_COLON_EQUALS, start);
			} else {
				lx->i = start + 1;
				new_token(lx, ':', start);
			}
		} else if (c == '.') {
			if (lx->s[start + 1] == '.') {
				lx->i = start + 2;
				new_token(lx, TK_DOT_DOT, start);
			} else {
				lx->i = start + 1;
				new_token(lx, '.', start);
			}
		} else if (is_op_char(c)) {
			scan_operator(lx, start);
		} else {
			/* ( ) [ ] , ; and any other character: a one-character token */
			lx->i = start + 1;
			new_token(lx, c, start);
		}
	}
}

/*
 * A lexical error is not raised at once: the tokens before it are kept, a TK_LEXERROR token
 * holding the error takes its place, and the parser raises it when it reaches that token.
 * So, as in PostgreSQL, which lexes on demand, a syntax error earlier in the text is the
 * one reported ("SELECT * x FROM "unterminated" fails at x).
 */
void
scan_tokens(parse_state *ps)
{
	lexer lx;

	if (!scan_ready)
		scan_init();
	lx.ps = ps;
	lx.s = ps->src;
	lx.n = ps->srclen;
	lx.i = 0;
	sb_init(&lx.lit, 64);
	ps->cap = 32;
	ps->ntoks = 0;
	ps->toks = palloc(sizeof(token) * (size_t)ps->cap);
	ps->lex_error = NULL;
	ERR_TRY();
	{
		scan_loop(&lx);
	}
	ERR_CATCH();
	{
		if (err_last()->level != LV_ERROR || strcmp(err_last()->sqlstate, ERRCODE_OUT_OF_MEMORY) == 0)
			err_rethrow();
		ps->lex_error = palloc(sizeof(err_info));
		err_copy(ps->lex_error);
		/* lx was changed inside the try block: set what new_token reads before using it */
		lx.i = lx.n;
		new_token(&lx, TK_LEXERROR, lx.n);
	}
	ERR_END();
	new_token(&lx, TK_EOF, lx.n);
	filter_lookahead(ps);
}

noreturn void
scan_raise_lex_error(parse_state *ps)
{
	const err_info *e = ps->lex_error;

	ERR_BEGIN(e->sqlstate);
	if (e->position > 0)
		err_position(e->position);
	if (e->hint[0])
		err_hint("%s", e->hint);
	err_throw("%s", e->message);
}
