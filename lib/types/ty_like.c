/*
 * ty_like.c — LIKE / ILIKE matching (PostgreSQL semantics: '%' any sequence, '_' one
 * character (a whole UTF-8 sequence), backslash escapes the next character; a pattern that
 * reaches a trailing lone backslash raises 22025 when the matcher gets there, as
 * PostgreSQL's does), and like_escape().
 *
 * The pattern is compiled once into items; the common shapes (exact, 'prefix%', '%suffix',
 * '%infix%') get dedicated byte-comparison paths; everything else runs an iterative
 * matcher that backtracks only to the most recent '%', which is complete for LIKE because
 * a later '%' can absorb anything an earlier one could.
 */
#include <stdio.h>

#include "types/ty_int.h"

enum { IT_LIT, IT_ANY1, IT_ANYSEQ, IT_ERR };

typedef struct like_item {
	uint8_t kind;
	char ch;
} like_item;

typedef enum { SHAPE_GENERIC, SHAPE_EXACT, SHAPE_PREFIX, SHAPE_SUFFIX, SHAPE_INFIX, SHAPE_ALL } like_shape;

struct ty_like_pat {
	bool icase;
	like_shape shape;
	int nitems;
	like_item *items;
	char *lit;          /* literal bytes for the simple shapes (folded for ILIKE) */
	int litlen;
};

static noreturn void
trailing_escape(void)
{
	ph_error(ERRCODE_INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
}

ty_like_pat *
ty_like_compile(const char *pat, int patlen, bool icase)
{
	ty_like_pat *p = palloc0(sizeof *p);
	p->icase = icase;
	p->items = palloc(sizeof(like_item) * (size_t)(patlen + 1));
	int n = 0;
	for (int i = 0; i < patlen; i++) {
		char ch = pat[i];
		if (ch == '\\') {
			if (i + 1 >= patlen) {
				p->items[n++] = (like_item){IT_ERR, 0};
				break;
			}
			ch = pat[++i];
			p->items[n++] = (like_item){IT_LIT, icase ? (char)ty_tolower((unsigned char)ch) : ch};
		} else if (ch == '%') {
			if (n == 0 || p->items[n - 1].kind != IT_ANYSEQ)
				p->items[n++] = (like_item){IT_ANYSEQ, 0};
		} else if (ch == '_')
			p->items[n++] = (like_item){IT_ANY1, 0};
		else
			p->items[n++] = (like_item){IT_LIT, icase ? (char)ty_tolower((unsigned char)ch) : ch};
	}
	p->nitems = n;
	/* classify */
	int first_lit = 0, last_lit = n;
	bool lead = n > 0 && p->items[0].kind == IT_ANYSEQ;
	bool trail = n > 0 && p->items[n - 1].kind == IT_ANYSEQ;
	if (lead)
		first_lit = 1;
	if (trail && n > (lead ? 1 : 0))
		last_lit = n - 1;
	bool pure = true;
	for (int i = first_lit; i < last_lit; i++)
		if (p->items[i].kind != IT_LIT)
			pure = false;
	if (n == 1 && lead)
		p->shape = SHAPE_ALL;
	else if (pure) {
		p->litlen = last_lit - first_lit;
		p->lit = palloc((size_t)p->litlen + 1);
		for (int i = 0; i < p->litlen; i++)
			p->lit[i] = p->items[first_lit + i].ch;
		p->shape = lead && trail ? SHAPE_INFIX : lead ? SHAPE_SUFFIX : trail ? SHAPE_PREFIX : SHAPE_EXACT;
	} else
		p->shape = SHAPE_GENERIC;
	return p;
}

static inline bool
eqb(const ty_like_pat *p, char pc, char tc)
{
	return p->icase ? pc == (char)ty_tolower((unsigned char)tc) : pc == tc;
}

static bool
mem_eq(const ty_like_pat *p, const char *a, const char *t, int n)
{
	if (!p->icase)
		return memcmp(a, t, (size_t)n) == 0;
	for (int i = 0; i < n; i++)
		if (a[i] != (char)ty_tolower((unsigned char)t[i]))
			return false;
	return true;
}

static bool
mem_find(const ty_like_pat *p, const char *t, int tlen)
{
	if (p->litlen == 0)
		return true;
	if (!p->icase)
		return memmem(t, (size_t)tlen, p->lit, (size_t)p->litlen) != NULL;
	for (int i = 0; i + p->litlen <= tlen; i++)
		if (mem_eq(p, p->lit, t + i, p->litlen))
			return true;
	return false;
}

static bool
match_generic(const ty_like_pat *p, const char *s, int slen)
{
	int pi = 0, si = 0;
	int star_pi = -1, star_si = 0;
	const like_item *it = p->items;
	while (1) {
		if (pi < p->nitems) {
			const like_item *x = &it[pi];
			if (x->kind == IT_ERR) {
				if (si < slen)
					trailing_escape();
				return false;
			}
			if (x->kind == IT_ANYSEQ) {
				/* '%' at the end matches the rest */
				if (pi + 1 == p->nitems)
					return true;
				if (it[pi + 1].kind == IT_ERR) {
					if (si < slen)
						trailing_escape();
					return false;
				}
				star_pi = ++pi;
				star_si = si;
				continue;
			}
			if (si < slen) {
				if (x->kind == IT_ANY1) {
					si += ty_utf8_charlen((unsigned char)s[si]);
					if (si > slen)
						si = slen;
					pi++;
					continue;
				}
				if (eqb(p, x->ch, s[si])) {
					si++;
					pi++;
					continue;
				}
			}
		} else if (si == slen)
			return true;
		/* mismatch: let the last '%' absorb one more character */
		if (star_pi < 0 || star_si >= slen)
			return false;
		star_si += ty_utf8_charlen((unsigned char)s[star_si]);
		if (star_si > slen)
			star_si = slen;
		si = star_si;
		pi = star_pi;
	}
}

bool
ty_like_match(const ty_like_pat *p, const char *s, int slen)
{
	switch (p->shape) {
	case SHAPE_ALL:
		return true;
	case SHAPE_EXACT:
		return slen == p->litlen && mem_eq(p, p->lit, s, slen);
	case SHAPE_PREFIX:
		return slen >= p->litlen && mem_eq(p, p->lit, s, p->litlen);
	case SHAPE_SUFFIX:
		return slen >= p->litlen && mem_eq(p, p->lit, s + slen - p->litlen, p->litlen);
	case SHAPE_INFIX:
		return mem_find(p, s, slen);
	default:
		return match_generic(p, s, slen);
	}
}

bool ty_like(const char *s, int slen, const char *pat, int patlen, bool icase);
bool
ty_like(const char *s, int slen, const char *pat, int patlen, bool icase)
{
	ty_like_pat *p = ty_like_compile(pat, patlen, icase);
	bool r = ty_like_match(p, s, slen);
	pfree(p->items);
	if (p->lit)
		pfree(p->lit);
	pfree(p);
	return r;
}

/* like_escape(pattern, escape): rewrite a pattern with another escape character (or none)
 * into the backslash form. */
Datum ty_like_escape(const char *pat, int plen, const char *esc, int elen);
Datum
ty_like_escape(const char *pat, int plen, const char *esc, int elen)
{
	ty_buf b;
	ty_buf_init(&b, plen * 2 + 8);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	if (elen == 0) {
		for (int i = 0; i < plen; i++) {
			if (pat[i] == '\\')
				ty_buf_putc(&b, '\\');
			ty_buf_putc(&b, pat[i]);
		}
	} else {
		int ecl = ty_utf8_charlen((unsigned char)esc[0]);
		if (ty_utf8_strlen(esc, elen) != 1) {
			ERR_BEGIN(ERRCODE_INVALID_ESCAPE_SEQUENCE);
			err_hint("Escape string must be empty or one character.");
			err_throw("invalid escape string");
		}
		if (ecl == 1 && esc[0] == '\\') {
			ty_buf_append(&b, pat, plen);
		} else {
			bool afterescape = false;
			for (int i = 0; i < plen;) {
				int cl = ty_utf8_charlen((unsigned char)pat[i]);
				if (cl > plen - i)
					cl = plen - i;
				if (afterescape) {
					ty_buf_append(&b, pat + i, cl);
					afterescape = false;
				} else if (cl == ecl && memcmp(pat + i, esc, (size_t)cl) == 0) {
					ty_buf_putc(&b, '\\');
					afterescape = true;
				} else if (pat[i] == '\\') {
					ty_buf_puts(&b, "\\\\");
				} else
					ty_buf_append(&b, pat + i, cl);
				i += cl;
			}
		}
	}
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}
