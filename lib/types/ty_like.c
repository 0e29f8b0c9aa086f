/*
 * ty_like.c — LIKE / ILIKE matching (PostgreSQL semantics: '%' any sequence, '_' one
 * character (a whole UTF-8 sequence), backslash escapes the next character; a pattern that
 * reaches a trailing lone backslash raises 22025 when the matcher gets there, as
 * PostgreSQL's does), and like_escape().
 *
 * The pattern is compiled once into items; the common shapes (exact, 'prefix%', '%suffix',
 * '%infix%') get dedicated byte-comparison paths.  Other patterns are cut at each '%' into
 * segments of literals and '_'; a segment always spans the same number of characters, so
 * taking for each middle segment its leftmost occurrence after the previous one (memmem()
 * for literal segments) is complete: a later '%' can absorb anything an earlier one could.
 * The first segment is anchored at the start, the last at the end.  Patterns ending in a
 * lone backslash run an iterative backtracking matcher instead, which raises 22025 only
 * when it reaches that backslash, as PostgreSQL does.
 */
#include <stdio.h>

#include "types/ty_int.h"

enum { IT_LIT, IT_ANY1, IT_ANYSEQ, IT_ERR };

typedef struct like_item {
	uint8_t kind;
	char ch;
} like_item;

typedef enum {
	SHAPE_GENERIC, SHAPE_SEGMENTS, SHAPE_EXACT, SHAPE_PREFIX, SHAPE_SUFFIX, SHAPE_INFIX, SHAPE_ALL
} like_shape;

/* A run of items between two '%' (SHAPE_SEGMENTS). */
typedef struct like_seg {
	int first, n;       /* items[first .. first+n) */
	int nchars;         /* characters it spans */
	bool literal;       /* no '_': lit[0..n) are its bytes */
	char *lit;
} like_seg;

struct ty_like_pat {
	bool icase;
	like_shape shape;
	int nitems;
	like_item *items;
	char *lit;          /* literal bytes for the simple shapes (folded for ILIKE) */
	int litlen;
	bool lead, trail;   /* SHAPE_SEGMENTS: the pattern starts / ends with '%' */
	int nseg;
	like_seg *seg;
};

static noreturn void
trailing_escape(void)
{
	ph_error(ERRCODE_INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
}

static void
compile_segments(ty_like_pat *p, bool lead, bool trail)
{
	p->shape = SHAPE_SEGMENTS;
	p->lead = lead;
	p->trail = trail;
	p->seg = palloc(sizeof(like_seg) * (size_t)(p->nitems / 2 + 2));
	for (int i = 0; i < p->nitems;) {
		if (p->items[i].kind == IT_ANYSEQ) {
			i++;
			continue;
		}
		like_seg *g = &p->seg[p->nseg++];
		g->first = i;
		g->n = 0;
		g->nchars = 0;
		g->literal = true;
		for (; i < p->nitems && p->items[i].kind != IT_ANYSEQ; i++, g->n++) {
			const like_item *x = &p->items[i];
			if (x->kind == IT_ANY1)
				g->literal = false;
			/* a literal continuation byte belongs to the character before it */
			if (x->kind == IT_ANY1 || ((unsigned char)x->ch & 0xC0) != 0x80)
				g->nchars++;
		}
		g->lit = palloc((size_t)g->n + 1);
		for (int k = 0; k < g->n; k++)
			g->lit[k] = p->items[g->first + k].ch;
	}
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
	} else if (n == 0 || p->items[n - 1].kind != IT_ERR)
		compile_segments(p, lead, trail);
	else
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

/* Match segment g at s[i..limit); returns the end offset or -1. */
static int
seg_match_at(const ty_like_pat *p, const like_seg *g, const char *s, int i, int limit)
{
	if (g->literal) {
		if (limit - i < g->n || !mem_eq(p, g->lit, s + i, g->n))
			return -1;
		return i + g->n;
	}
	const like_item *x = p->items + g->first;
	for (int k = 0; k < g->n; k++, x++) {
		if (i >= limit)
			return -1;
		if (x->kind == IT_ANY1) {
			i += ty_utf8_charlen((unsigned char)s[i]);
			if (i > limit)
				return -1;
		} else if (!eqb(p, x->ch, s[i]))
			return -1;
		else
			i++;
	}
	return i;
}

/* Leftmost occurrence of g in s[pos..limit): its end offset, or -1. */
static int
seg_find(const ty_like_pat *p, const like_seg *g, const char *s, int pos, int limit)
{
	if (g->literal && !p->icase) {
		const char *f = memmem(s + pos, (size_t)(limit - pos), g->lit, (size_t)g->n);
		return f ? (int)(f - s) + g->n : -1;
	}
	bool first_lit = p->items[g->first].kind == IT_LIT;
	char c0 = g->lit[0];
	for (int i = pos; i < limit;) {
		if (first_lit && !p->icase) {
			const char *f = memchr(s + i, c0, (size_t)(limit - i));
			if (!f)
				return -1;
			i = (int)(f - s);
		}
		int e = seg_match_at(p, g, s, i, limit);
		if (e >= 0)
			return e;
		i += first_lit && !p->icase ? 1 : ty_utf8_charlen((unsigned char)s[i]);
	}
	return -1;
}

static bool
match_segments(const ty_like_pat *p, const char *s, int slen)
{
	int pos = 0, limit = slen, a = 0, b = p->nseg;
	if (!p->lead) {
		pos = seg_match_at(p, &p->seg[0], s, 0, slen);
		if (pos < 0)
			return false;
		a = 1;
		if (b == 1 && !p->trail)
			return pos == slen;
	}
	if (!p->trail && b > a) {
		/* the last segment ends at the end: step back over its characters */
		const like_seg *g = &p->seg[b - 1];
		int st = slen;
		for (int k = 0; k < g->nchars; k++) {
			if (st <= pos)
				return false;
			st--;
			while (st > pos && ((unsigned char)s[st] & 0xC0) == 0x80)
				st--;
		}
		if (seg_match_at(p, g, s, st, slen) != slen)
			return false;
		limit = st;
		b--;
	}
	for (int k = a; k < b; k++) {
		pos = seg_find(p, &p->seg[k], s, pos, limit);
		if (pos < 0)
			return false;
	}
	return true;
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
	case SHAPE_SEGMENTS:
		return match_segments(p, s, slen);
	default:
		return match_generic(p, s, slen);
	}
}

void
ty_like_free(ty_like_pat *p)
{
	for (int i = 0; i < p->nseg; i++)
		pfree(p->seg[i].lit);
	if (p->seg)
		pfree(p->seg);
	pfree(p->items);
	if (p->lit)
		pfree(p->lit);
	pfree(p);
}

bool ty_like(const char *s, int slen, const char *pat, int patlen, bool icase);
bool
ty_like(const char *s, int slen, const char *pat, int patlen, bool icase)
{
	ty_like_pat *p = ty_like_compile(pat, patlen, icase);
	bool r = ty_like_match(p, s, slen);
	ty_like_free(p);
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
