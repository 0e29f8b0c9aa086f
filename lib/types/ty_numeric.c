/*
 * ty_numeric.c — the numeric type: exact decimal arithmetic in base 10000 with
 * PostgreSQL's result-scale rules, I/O, typmods, comparison, hashing, aggregation support.
 *
 * Values are unpacked into an nvar (sign, weight, display scale, digit array) for
 * computation and packed back by nv_result(), which strips zero digits and checks the
 * format's limits.  The algorithms follow the ones PostgreSQL documents for its numeric
 * type: schoolbook multiplication, Knuth's algorithm D for division (one extra base-10000
 * digit computed before rounding), integer Newton iteration for square roots, argument
 * reduction plus Taylor series for exp and ln, binary exponentiation for integer powers.
 * The scale chosen for each result is PostgreSQL's, so outputs print the same digits.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "types/ty_int.h"
#include "types/tynumeric.h"

#define NBASE 10000
#define HALF_NBASE 5000
#define DEC_DIGITS 4

#define NUMERIC_POS 0x0000
#define NUMERIC_NEG 0x4000
#define NUMERIC_SPECIAL 0xC000
#define NUMERIC_NAN 0xC000
#define NUMERIC_PINF 0xD000
#define NUMERIC_NINF 0xF000
#define NUMERIC_SIGN_MASK 0xC000
#define NUMERIC_DSCALE_MASK 0x3FFF
#define NUMERIC_WEIGHT_MAX 0x7FFF
#define NUMERIC_MAX_RESULT_SCALE (NUMERIC_MAX_PRECISION * 2)
#define NUMERIC_HDRSZ (VARHDRSZ + 4)

typedef int16_t ndigit;

#define NV_INLINE 12

typedef struct nvar {
	int ndigits;
	int weight;
	int sign;      /* NUMERIC_POS, NEG, NAN, PINF, NINF */
	int dscale;
	ndigit *digits;
	ndigit *buf;   /* allocation (NULL = inline) */
	ndigit inl[NV_INLINE + 1];
} nvar;

static const ndigit one_digit[1] = {1};
static const ndigit two_digit[1] = {2};

/* ---- nvar basics ----------------------------------------------------------------------- */

static void
nv_init(nvar *v)
{
	v->ndigits = 0;
	v->weight = 0;
	v->sign = NUMERIC_POS;
	v->dscale = 0;
	v->buf = NULL;
	v->digits = v->inl + 1;
}

static void
nv_free(nvar *v)
{
	if (v->buf)
		pfree(v->buf);
	v->buf = NULL;
	v->digits = v->inl + 1;
	v->ndigits = 0;
}

/* Make room for n digits (plus one spare in front for carries); contents undefined. */
static void
nv_alloc(nvar *v, int n)
{
	ndigit *old = v->buf;
	if (n <= NV_INLINE) {
		v->buf = NULL;
		v->digits = v->inl + 1;
	} else {
		v->buf = palloc(sizeof(ndigit) * (size_t)(n + 1));
		v->digits = v->buf + 1;
	}
	if (old)
		pfree(old);
	v->ndigits = n;
}

static void
nv_zero(nvar *v)
{
	nv_free(v);
	v->weight = 0;
	v->sign = NUMERIC_POS;
	/* dscale kept by callers that want it */
}

static void
nv_set(nvar *dst, const nvar *src)
{
	if (dst == src)
		return;
	ndigit *nb = NULL, *nd;
	if (src->ndigits <= NV_INLINE)
		nd = dst->inl + 1;
	else {
		nb = palloc(sizeof(ndigit) * (size_t)(src->ndigits + 1));
		nd = nb + 1;
	}
	memmove(nd, src->digits, sizeof(ndigit) * (size_t)src->ndigits);
	if (dst->buf)
		pfree(dst->buf);
	dst->buf = nb;
	dst->digits = nd;
	dst->ndigits = src->ndigits;
	dst->weight = src->weight;
	dst->sign = src->sign;
	dst->dscale = src->dscale;
}

/* Take over src's digits (src is left empty). */
static void
nv_move(nvar *dst, nvar *src)
{
	if (src->buf == NULL) {
		nv_set(dst, src);
		nv_free(src);
		return;
	}
	if (dst->buf)
		pfree(dst->buf);
	dst->buf = src->buf;
	dst->digits = src->digits;
	dst->ndigits = src->ndigits;
	dst->weight = src->weight;
	dst->sign = src->sign;
	dst->dscale = src->dscale;
	src->buf = NULL;
	src->digits = src->inl + 1;
	src->ndigits = 0;
}

static void
nv_const(nvar *v, const ndigit *d, int n, int weight, int dscale)
{
	nv_init(v);
	nv_alloc(v, n);
	memcpy(v->digits, d, sizeof(ndigit) * (size_t)n);
	v->weight = weight;
	v->dscale = dscale;
}

/* Remove leading and trailing zero digits. */
static void
nv_strip(nvar *v)
{
	ndigit *d = v->digits;
	int n = v->ndigits;
	while (n > 0 && *d == 0) {
		d++;
		v->weight--;
		n--;
	}
	while (n > 0 && d[n - 1] == 0)
		n--;
	if (n == 0) {
		v->weight = 0;
		if (v->sign != NUMERIC_NAN && v->sign != NUMERIC_PINF && v->sign != NUMERIC_NINF)
			v->sign = NUMERIC_POS;
	}
	v->digits = d;
	v->ndigits = n;
}

static bool
nv_special(const nvar *v)
{
	return (v->sign & NUMERIC_SIGN_MASK) == NUMERIC_SPECIAL;
}

/* ---- packing -------------------------------------------------------------------------- */

static uint16_t
num_header(Datum d)
{
	uint16_t h;
	memcpy(&h, (const char *)DatumGetPointer(d) + VARHDRSZ, 2);
	return h;
}

static void
nv_from_datum(Datum d, nvar *v)
{
	const char *p = DatumGetPointer(d);
	uint32_t sz = VARSIZE(p);
	uint16_t h;
	int16_t w;
	nv_init(v);
	memcpy(&h, p + VARHDRSZ, 2);
	if ((h & NUMERIC_SIGN_MASK) == NUMERIC_SPECIAL) {
		v->sign = h & 0xF000;
		return;
	}
	memcpy(&w, p + VARHDRSZ + 2, 2);
	int n = (int)(sz - NUMERIC_HDRSZ) / 2;
	nv_alloc(v, n);
	memcpy(v->digits, p + NUMERIC_HDRSZ, sizeof(ndigit) * (size_t)n);
	v->weight = w;
	v->sign = h & NUMERIC_SIGN_MASK;
	v->dscale = h & NUMERIC_DSCALE_MASK;
}

static noreturn void
overflow_error(void)
{
	ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
}

static Datum
make_special(int sign)
{
	char *p = palloc(VARHDRSZ + 2);
	uint16_t h = (uint16_t)sign;
	SET_VARSIZE(p, VARHDRSZ + 2);
	memcpy(p + VARHDRSZ, &h, 2);
	return PointerGetDatum(p);
}

static Datum
nv_result(nvar *v)
{
	if (nv_special(v))
		return make_special(v->sign);
	nv_strip(v);
	if (v->ndigits > 0 && (v->weight > NUMERIC_WEIGHT_MAX || v->weight < -NUMERIC_WEIGHT_MAX - 1))
		overflow_error();
	if (v->dscale > NUMERIC_DSCALE_MAX || v->dscale < 0)
		overflow_error();
	size_t sz = NUMERIC_HDRSZ + sizeof(ndigit) * (size_t)v->ndigits;
	char *p = palloc(sz);
	uint16_t h = (uint16_t)(v->sign | v->dscale);
	int16_t w = (int16_t)v->weight;
	SET_VARSIZE(p, (uint32_t)sz);
	memcpy(p + VARHDRSZ, &h, 2);
	memcpy(p + VARHDRSZ + 2, &w, 2);
	memcpy(p + NUMERIC_HDRSZ, v->digits, sizeof(ndigit) * (size_t)v->ndigits);
	return PointerGetDatum(p);
}

/* ---- rounding ------------------------------------------------------------------------- */

/* Round to rscale decimal digits after the point, half away from zero; sets dscale. */
static void
nv_round(nvar *v, int rscale)
{
	v->dscale = rscale;
	/* number of digits to keep */
	int di = (v->weight + 1) * DEC_DIGITS + rscale;
	if (di < 0) {
		v->ndigits = 0;
		v->weight = 0;
		v->sign = NUMERIC_POS;
		return;
	}
	int nd = (di + DEC_DIGITS - 1) / DEC_DIGITS;
	di %= DEC_DIGITS;
	if (nd > v->ndigits || (nd == v->ndigits && di == 0))
		return;
	ndigit *d = v->digits;
	int carry = 0;
	v->ndigits = nd;
	if (di == 0)
		carry = (d[nd] >= HALF_NBASE) ? 1 : 0;
	else {
		static const int pow10[] = {1, 10, 100, 1000};
		nd--;
		int pw = pow10[DEC_DIGITS - di];
		int extra = d[nd] % pw;
		d[nd] = (ndigit)(d[nd] - extra);
		if (extra * 2 >= pw) {
			int nv = d[nd] + pw;
			if (nv >= NBASE) {
				d[nd] = (ndigit)(nv - NBASE);
				carry = 1;
			} else
				d[nd] = (ndigit)nv;
		}
	}
	while (carry && nd > 0) {
		nd--;
		int x = d[nd] + carry;
		if (x >= NBASE) {
			d[nd] = (ndigit)(x - NBASE);
			carry = 1;
		} else {
			d[nd] = (ndigit)x;
			carry = 0;
		}
	}
	if (carry) {
		/* use the spare digit in front of digits[], or make room for one */
		if (v->digits == (v->buf ? v->buf : v->inl)) {
			ndigit *nb = palloc(sizeof(ndigit) * (size_t)(v->ndigits + 2));
			memcpy(nb + 2, v->digits, sizeof(ndigit) * (size_t)v->ndigits);
			if (v->buf)
				pfree(v->buf);
			v->buf = nb;
			v->digits = nb + 2;
		}
		v->digits--;
		v->digits[0] = 1;
		v->ndigits++;
		v->weight++;
	}
	nv_strip(v);
	v->dscale = rscale;
}

/* Truncate toward zero to rscale digits after the point. */
static void
nv_trunc(nvar *v, int rscale)
{
	v->dscale = rscale;
	int di = (v->weight + 1) * DEC_DIGITS + rscale;
	if (di <= 0) {
		v->ndigits = 0;
		v->weight = 0;
		v->sign = NUMERIC_POS;
		return;
	}
	int nd = (di + DEC_DIGITS - 1) / DEC_DIGITS;
	if (nd <= v->ndigits) {
		v->ndigits = nd;
		di %= DEC_DIGITS;
		if (di > 0) {
			static const int pow10[] = {1, 10, 100, 1000};
			int pw = pow10[DEC_DIGITS - di];
			v->digits[nd - 1] = (ndigit)(v->digits[nd - 1] - v->digits[nd - 1] % pw);
		}
	}
	nv_strip(v);
	v->dscale = rscale;
}

/* ---- text conversion ------------------------------------------------------------------ */

/* Parse the numeric at s.  Returns false on bad syntax; *end is set after the number (and
 * trailing whitespace is NOT skipped). */
static bool
nv_parse(const char *s, nvar *v, const char **end)
{
	const char *p = s;
	bool neg = false, have_dp = false;
	nv_init(v);
	if (*p == '+')
		p++;
	else if (*p == '-') {
		neg = true;
		p++;
	}
	if (*p == '.' ) {
		have_dp = true;
		p++;
	}
	if (!ty_isdigit((unsigned char)*p))
		return false;
	/* collect decimal digits */
	const char *start = p;
	int ndec = 0, dweight = -1, dscale = 0;
	if (have_dp)
		dweight = -1;
	char *dec = palloc((size_t)strlen(p) + DEC_DIGITS * 2 + 2);
	int leading = 0;
	(void)start;
	dec[ndec++] = '0'; /* allocate room; leading pad handled below */
	for (;;) {
		if (ty_isdigit((unsigned char)*p)) {
			dec[ndec++] = *p;
			if (!have_dp)
				dweight++;
			else
				dscale++;
			p++;
		} else if (*p == '.' && !have_dp) {
			have_dp = true;
			p++;
		} else
			break;
	}
	(void)leading;
	/* exponent */
	if (*p == 'e' || *p == 'E') {
		const char *q = p + 1;
		bool eneg = false;
		if (*q == '+')
			q++;
		else if (*q == '-') {
			eneg = true;
			q++;
		}
		if (!ty_isdigit((unsigned char)*q))
			return false;
		int64_t ex = 0;
		while (ty_isdigit((unsigned char)*q)) {
			if (ex < 100000000)
				ex = ex * 10 + (*q - '0');
			q++;
		}
		if (ex > (NUMERIC_WEIGHT_MAX + 1) * DEC_DIGITS * 2)
			overflow_error();
		if (eneg)
			ex = -ex;
		dweight += (int)ex;
		dscale -= (int)ex;
		if (dscale < 0)
			dscale = 0;
		p = q;
	}
	*end = p;
	/* dec[1..ndec) are the digits; the first represents 10^dweight */
	int ndig = ndec - 1;
	const char *digs = dec + 1;
	/* base-10000 alignment: weight of first digit */
	int w;
	if (dweight >= 0)
		w = (dweight + 1 + DEC_DIGITS - 1) / DEC_DIGITS - 1;
	else
		w = -((-dweight - 1) / DEC_DIGITS + 1);
	int offset = (w + 1) * DEC_DIGITS - (dweight + 1);  /* zeros to prepend */
	int total = offset + ndig;
	int nd = (total + DEC_DIGITS - 1) / DEC_DIGITS;
	nv_alloc(v, nd);
	for (int i = 0; i < nd; i++) {
		int x = 0;
		for (int k = 0; k < DEC_DIGITS; k++) {
			int pos = i * DEC_DIGITS + k - offset;
			int dg = (pos >= 0 && pos < ndig) ? digs[pos] - '0' : 0;
			x = x * 10 + dg;
		}
		v->digits[i] = (ndigit)x;
	}
	pfree(dec);
	v->weight = w;
	v->sign = neg ? NUMERIC_NEG : NUMERIC_POS;
	v->dscale = dscale;
	nv_strip(v);
	if (v->ndigits == 0)
		v->sign = NUMERIC_POS;
	return true;
}

/* Append the text of v to b. */
static void
nv_out(ty_buf *b, const nvar *v)
{
	if (v->sign == NUMERIC_NAN) {
		ty_buf_puts(b, "NaN");
		return;
	}
	if (v->sign == NUMERIC_PINF) {
		ty_buf_puts(b, "Infinity");
		return;
	}
	if (v->sign == NUMERIC_NINF) {
		ty_buf_puts(b, "-Infinity");
		return;
	}
	int dscale = v->dscale;
	int intdigits = v->weight >= 0 ? (v->weight + 1) * DEC_DIGITS : DEC_DIGITS;
	ty_buf_reserve(b, intdigits + dscale + DEC_DIGITS + 3);
	char *p = b->data + b->len, *start = p;
	if (v->sign == NUMERIC_NEG)
		*p++ = '-';
	/* integer part */
	if (v->weight < 0)
		*p++ = '0';
	else {
		bool started = false;
		for (int i = 0; i <= v->weight; i++) {
			int d = i < v->ndigits ? v->digits[i] : 0;
			int q1 = d / 1000, q2 = (d / 100) % 10, q3 = (d / 10) % 10, q4 = d % 10;
			if (started || q1) {
				*p++ = (char)('0' + q1);
				started = true;
			}
			if (started || q2) {
				*p++ = (char)('0' + q2);
				started = true;
			}
			if (started || q3) {
				*p++ = (char)('0' + q3);
				started = true;
			}
			*p++ = (char)('0' + q4);
			started = true;
		}
	}
	if (dscale > 0) {
		*p++ = '.';
		char *fs = p;
		for (int i = v->weight + 1; p - fs < dscale; i++) {
			int d = (i >= 0 && i < v->ndigits) ? v->digits[i] : 0;
			p[0] = (char)('0' + d / 1000);
			p[1] = (char)('0' + (d / 100) % 10);
			p[2] = (char)('0' + (d / 10) % 10);
			p[3] = (char)('0' + d % 10);
			p += 4;
		}
		p = fs + dscale;
	}
	*p = '\0';
	b->len += (int)(p - start);
}

/* ---- comparison ------------------------------------------------------------------------- */

static int
cmp_abs(const nvar *a, const nvar *b)
{
	int i1 = 0, i2 = 0;
	int w1 = a->weight, w2 = b->weight;
	/* skip leading zero digits */
	while (w1 > w2 && i1 < a->ndigits) {
		if (a->digits[i1++] != 0)
			return 1;
		w1--;
	}
	while (w2 > w1 && i2 < b->ndigits) {
		if (b->digits[i2++] != 0)
			return -1;
		w2--;
	}
	if (w1 == w2) {
		while (i1 < a->ndigits && i2 < b->ndigits) {
			int s = a->digits[i1++] - b->digits[i2++];
			if (s)
				return s > 0 ? 1 : -1;
		}
	}
	while (i1 < a->ndigits)
		if (a->digits[i1++] != 0)
			return 1;
	while (i2 < b->ndigits)
		if (b->digits[i2++] != 0)
			return -1;
	return 0;
}

static int
cmp_var(const nvar *a, const nvar *b)
{
	/* specials: NaN > +Inf > finite > -Inf */
	if (nv_special(a) || nv_special(b)) {
		int ra = a->sign == NUMERIC_NAN ? 3 : a->sign == NUMERIC_PINF ? 2 : a->sign == NUMERIC_NINF ? 0 : 1;
		int rb = b->sign == NUMERIC_NAN ? 3 : b->sign == NUMERIC_PINF ? 2 : b->sign == NUMERIC_NINF ? 0 : 1;
		if (ra != rb)
			return ra < rb ? -1 : 1;
		if (ra != 1)
			return 0;
	}
	if (a->ndigits == 0)
		return b->ndigits == 0 ? 0 : (b->sign == NUMERIC_POS ? -1 : 1);
	if (b->ndigits == 0)
		return a->sign == NUMERIC_POS ? 1 : -1;
	if (a->sign != b->sign)
		return a->sign == NUMERIC_POS ? 1 : -1;
	int c = cmp_abs(a, b);
	return a->sign == NUMERIC_POS ? c : -c;
}

/* ---- add / subtract --------------------------------------------------------------------- */

/* |a| + |b| into r (r may alias a or b). */
static void
add_abs(const nvar *a, const nvar *b, nvar *r)
{
	int rw = (a->weight > b->weight ? a->weight : b->weight) + 1;
	int rscale = a->dscale > b->dscale ? a->dscale : b->dscale;
	int ra = a->ndigits - a->weight - 1, rb = b->ndigits - b->weight - 1;
	int rdscale_digits = ra > rb ? ra : rb;  /* digits after the point */
	int rn = rdscale_digits + rw + 1;
	if (rn <= 0)
		rn = 1;
	nvar t;
	nv_init(&t);
	nv_alloc(&t, rn);
	int carry = 0;
	int i1 = rdscale_digits + a->weight + 1, i2 = rdscale_digits + b->weight + 1;
	for (int i = rn - 1; i >= 0; i--) {
		i1--;
		i2--;
		if (i1 >= 0 && i1 < a->ndigits)
			carry += a->digits[i1];
		if (i2 >= 0 && i2 < b->ndigits)
			carry += b->digits[i2];
		if (carry >= NBASE) {
			t.digits[i] = (ndigit)(carry - NBASE);
			carry = 1;
		} else {
			t.digits[i] = (ndigit)carry;
			carry = 0;
		}
	}
	t.weight = rw;
	t.dscale = rscale;
	t.sign = NUMERIC_POS;
	nv_strip(&t);
	nv_move(r, &t);
}

/* |a| - |b| into r, with |a| >= |b|. */
static void
sub_abs(const nvar *a, const nvar *b, nvar *r)
{
	int rw = a->weight;
	int rscale = a->dscale > b->dscale ? a->dscale : b->dscale;
	int ra = a->ndigits - a->weight - 1, rb = b->ndigits - b->weight - 1;
	int rdscale_digits = ra > rb ? ra : rb;
	int rn = rdscale_digits + rw + 1;
	if (rn <= 0)
		rn = 1;
	nvar t;
	nv_init(&t);
	nv_alloc(&t, rn);
	int borrow = 0;
	int i1 = rdscale_digits + a->weight + 1, i2 = rdscale_digits + b->weight + 1;
	for (int i = rn - 1; i >= 0; i--) {
		i1--;
		i2--;
		if (i1 >= 0 && i1 < a->ndigits)
			borrow += a->digits[i1];
		if (i2 >= 0 && i2 < b->ndigits)
			borrow -= b->digits[i2];
		if (borrow < 0) {
			t.digits[i] = (ndigit)(borrow + NBASE);
			borrow = -1;
		} else {
			t.digits[i] = (ndigit)borrow;
			borrow = 0;
		}
	}
	t.weight = rw;
	t.dscale = rscale;
	t.sign = NUMERIC_POS;
	nv_strip(&t);
	nv_move(r, &t);
}

static void
add_var(const nvar *a, const nvar *b, nvar *r)
{
	int rs;
	if (a->sign == b->sign) {
		rs = a->sign;
		add_abs(a, b, r);
		r->sign = r->ndigits ? rs : NUMERIC_POS;
		return;
	}
	int c = cmp_abs(a, b);
	if (c == 0) {
		int ds = a->dscale > b->dscale ? a->dscale : b->dscale;
		nv_zero(r);
		r->dscale = ds;
	} else if (c > 0) {
		rs = a->sign;
		sub_abs(a, b, r);
		r->sign = rs;
	} else {
		rs = b->sign;
		sub_abs(b, a, r);
		r->sign = rs;
	}
}

static void
sub_var(const nvar *a, const nvar *b, nvar *r)
{
	nvar nb;
	nb.ndigits = b->ndigits;
	nb.weight = b->weight;
	nb.dscale = b->dscale;
	nb.digits = b->digits;
	nb.buf = NULL;
	nb.sign = b->ndigits == 0 ? NUMERIC_POS : (b->sign == NUMERIC_POS ? NUMERIC_NEG : NUMERIC_POS);
	add_var(a, &nb, r);
}

/* ---- multiply --------------------------------------------------------------------------- */

/* r = a * b rounded to rscale (exact product first). */
static void
mul_var(const nvar *a, const nvar *b, nvar *r, int rscale)
{
	if (a->ndigits == 0 || b->ndigits == 0) {
		nv_zero(r);
		r->dscale = rscale;
		return;
	}
	int n1 = a->ndigits, n2 = b->ndigits;
	int rn = n1 + n2;
	int rsign = a->sign == b->sign ? NUMERIC_POS : NUMERIC_NEG;
	int rw = a->weight + b->weight + 1;
	nvar t;
	nv_init(&t);
	nv_alloc(&t, rn);
	if (n1 == 1 || n2 == 1) {
		const nvar *big = n1 == 1 ? b : a;
		int m = (n1 == 1 ? a : b)->digits[0];
		int carry = 0;
		t.digits[0] = 0;
		for (int i = big->ndigits - 1; i >= 0; i--) {
			int x = big->digits[i] * m + carry;
			t.digits[i + 1] = (ndigit)(x % NBASE);
			carry = x / NBASE;
		}
		t.digits[0] = (ndigit)carry;
	} else {
		uint64_t *acc = palloc0(sizeof(uint64_t) * (size_t)rn);
		for (int i = n1 - 1; i >= 0; i--) {
			uint64_t d1 = (uint64_t)a->digits[i];
			if (d1 == 0)
				continue;
			uint64_t *ap = acc + i + 1;
			for (int j = 0; j < n2; j++)
				ap[j] += d1 * (uint64_t)b->digits[j];
		}
		uint64_t carry = 0;
		for (int k = rn - 1; k >= 0; k--) {
			uint64_t x = acc[k] + carry;
			t.digits[k] = (ndigit)(x % NBASE);
			carry = x / NBASE;
		}
		pfree(acc);
	}
	t.weight = rw;
	t.sign = rsign;
	t.dscale = a->dscale + b->dscale;
	nv_strip(&t);
	if (t.ndigits == 0)
		t.sign = NUMERIC_POS;
	nv_round(&t, rscale);
	nv_move(r, &t);
}

/* ---- divide ----------------------------------------------------------------------------- */

/* r = a / b with rscale digits after the point, rounded (half away from zero) or
 * truncated.  Knuth's algorithm D in base NBASE. */
static void
div_var(const nvar *a, const nvar *b, nvar *r, int rscale, bool round)
{
	int n2 = b->ndigits;
	if (n2 == 0)
		ty_err_div0();
	/* b may have leading zeros only if unstripped; our vars are stripped */
	if (a->ndigits == 0) {
		nv_zero(r);
		r->dscale = rscale;
		return;
	}
	int rsign = a->sign == b->sign ? NUMERIC_POS : NUMERIC_NEG;
	int res_weight = a->weight - b->weight;
	int res_ndigits = res_weight + 1 + (rscale + DEC_DIGITS - 1) / DEC_DIGITS;
	if (res_ndigits < 1)
		res_ndigits = 1;
	if (round)
		res_ndigits++;
	int n1 = a->ndigits;
	int div_ndigits = res_ndigits + n2;
	if (div_ndigits < n1)
		div_ndigits = n1;

	/* u[0..div_ndigits] with u[0] = 0; v[0..n2) */
	int32_t *u = palloc0(sizeof(int32_t) * (size_t)(div_ndigits + 1));
	int32_t *v = palloc(sizeof(int32_t) * (size_t)(n2 + 1));
	for (int i = 0; i < n1; i++)
		u[i + 1] = a->digits[i];
	for (int i = 0; i < n2; i++)
		v[i] = b->digits[i];

	nvar t;
	nv_init(&t);
	nv_alloc(&t, res_ndigits);

	if (n2 == 1) {
		/* short division */
		int64_t d = v[0], rem = 0;
		for (int j = 0; j < res_ndigits; j++) {
			rem = rem * NBASE + (j + 1 <= div_ndigits ? u[j + 1] : 0);
			t.digits[j] = (ndigit)(rem / d);
			rem %= d;
		}
	} else {
		/* normalize so that v[0] >= NBASE/2 */
		int d = NBASE / (v[0] + 1);
		if (d > 1) {
			int carry = 0;
			for (int i = n2 - 1; i >= 0; i--) {
				int x = v[i] * d + carry;
				v[i] = x % NBASE;
				carry = x / NBASE;
			}
			carry = 0;
			for (int i = div_ndigits; i >= 0; i--) {
				int x = u[i] * d + carry;
				u[i] = x % NBASE;
				carry = x / NBASE;
			}
		}
		int32_t v1 = v[0], v2 = v[1];
		for (int j = 0; j < res_ndigits; j++) {
			/* estimate qhat from u[j], u[j+1], u[j+2] */
			int64_t num = (int64_t)u[j] * NBASE + u[j + 1];
			int64_t qhat = num / v1, rhat = num % v1;
			int64_t u2 = (j + 2 <= div_ndigits) ? u[j + 2] : 0;
			while (qhat >= NBASE || qhat * v2 > rhat * NBASE + u2) {
				qhat--;
				rhat += v1;
				if (rhat >= NBASE)
					break;
			}
			if (qhat > 0) {
				/* multiply and subtract qhat*v from u[j..j+n2] */
				int64_t borrow = 0, carry = 0;
				for (int i = n2 - 1; i >= 0; i--) {
					int64_t p = qhat * v[i] + carry;
					carry = p / NBASE;
					int64_t x = (int64_t)u[j + i + 1] - p % NBASE - borrow;
					if (x < 0) {
						x += NBASE;
						borrow = 1;
					} else
						borrow = 0;
					u[j + i + 1] = (int32_t)x;
				}
				int64_t x = (int64_t)u[j] - carry - borrow;
				if (x < 0) {
					/* qhat was one too large: add v back */
					u[j] = (int32_t)(x + NBASE);
					qhat--;
					int c2 = 0;
					for (int i = n2 - 1; i >= 0; i--) {
						int y = u[j + i + 1] + v[i] + c2;
						if (y >= NBASE) {
							u[j + i + 1] = y - NBASE;
							c2 = 1;
						} else {
							u[j + i + 1] = y;
							c2 = 0;
						}
					}
					u[j] = (u[j] + c2) % NBASE;
				} else
					u[j] = (int32_t)x;
			}
			t.digits[j] = (ndigit)qhat;
		}
	}
	pfree(u);
	pfree(v);
	t.weight = res_weight;
	t.sign = rsign;
	t.dscale = rscale;
	nv_strip(&t);
	if (round)
		nv_round(&t, rscale);
	else
		nv_trunc(&t, rscale);
	if (t.ndigits == 0)
		t.sign = NUMERIC_POS;
	nv_move(r, &t);
}

/* PostgreSQL's choice of the scale of a quotient. */
static int
select_div_scale(const nvar *a, const nvar *b)
{
	int w1 = 0, w2 = 0, f1 = 0, f2 = 0;
	for (int i = 0; i < a->ndigits; i++)
		if ((f1 = a->digits[i]) != 0) {
			w1 = a->weight - i;
			break;
		}
	for (int i = 0; i < b->ndigits; i++)
		if ((f2 = b->digits[i]) != 0) {
			w2 = b->weight - i;
			break;
		}
	int qweight = w1 - w2;
	if (f1 <= f2)
		qweight--;
	int rscale = NUMERIC_MIN_SIG_DIGITS - qweight * DEC_DIGITS;
	if (rscale < a->dscale)
		rscale = a->dscale;
	if (rscale < b->dscale)
		rscale = b->dscale;
	if (rscale < 0)
		rscale = 0;
	if (rscale > NUMERIC_MAX_DISPLAY_SCALE)
		rscale = NUMERIC_MAX_DISPLAY_SCALE;
	return rscale;
}

/* r = a mod b (sign of a), scale max of both. */
static void
mod_var(const nvar *a, const nvar *b, nvar *r)
{
	nvar q, p;
	nv_init(&q);
	nv_init(&p);
	div_var(a, b, &q, 0, false);
	mul_var(b, &q, &p, b->dscale);
	sub_var(a, &p, r);
	nv_free(&q);
	nv_free(&p);
}

/* ---- int64 conversions ------------------------------------------------------------------ */

static void
nv_from_int64(nvar *v, int64_t x)
{
	uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
	ndigit tmp[6];
	int n = 0;
	nv_init(v);
	while (u) {
		tmp[n++] = (ndigit)(u % NBASE);
		u /= NBASE;
	}
	nv_alloc(v, n);
	for (int i = 0; i < n; i++)
		v->digits[i] = tmp[n - 1 - i];
	v->weight = n - 1;
	v->sign = x < 0 ? NUMERIC_NEG : NUMERIC_POS;
	if (n == 0)
		v->weight = 0;
	v->dscale = 0;
}

static void
nv_from_int128(nvar *v, __int128 x)
{
	unsigned __int128 u = x < 0 ? (unsigned __int128)0 - (unsigned __int128)x : (unsigned __int128)x;
	ndigit tmp[12];
	int n = 0;
	nv_init(v);
	while (u) {
		tmp[n++] = (ndigit)(u % NBASE);
		u /= NBASE;
	}
	nv_alloc(v, n);
	for (int i = 0; i < n; i++)
		v->digits[i] = tmp[n - 1 - i];
	v->weight = n ? n - 1 : 0;
	v->sign = x < 0 ? NUMERIC_NEG : NUMERIC_POS;
	v->dscale = 0;
}

/* Rounded to an integer; false when it does not fit int64. */
static bool
nv_to_int64(const nvar *src, int64_t *out)
{
	nvar v;
	nv_init(&v);
	nv_set(&v, src);
	nv_round(&v, 0);
	if (v.ndigits == 0) {
		*out = 0;
		nv_free(&v);
		return true;
	}
	if (v.weight > 4) {
		nv_free(&v);
		return false;
	}
	unsigned __int128 acc = 0;
	for (int i = 0; i <= v.weight; i++)
		acc = acc * NBASE + (i < v.ndigits ? (unsigned)v.digits[i] : 0);
	bool neg = v.sign == NUMERIC_NEG;
	nv_free(&v);
	if (neg) {
		if (acc > (unsigned __int128)INT64_MAX + 1)
			return false;
		*out = (int64_t)(0 - (uint64_t)acc);
	} else {
		if (acc > (unsigned __int128)INT64_MAX)
			return false;
		*out = (int64_t)acc;
	}
	return true;
}

static double
nv_to_double(const nvar *v)
{
	if (v->sign == NUMERIC_NAN)
		return NAN;
	if (v->sign == NUMERIC_PINF)
		return INFINITY;
	if (v->sign == NUMERIC_NINF)
		return -INFINITY;
	ty_buf b;
	ty_buf_init(&b, 64);
	nv_out(&b, v);
	double d = strtod(b.data, NULL);
	pfree(b.data);
	return d;
}

/* Approximate double without raising on overflow (used for scale estimates). */
static double
nv_to_double_approx(const nvar *v)
{
	double x = 0;
	int n = v->ndigits < 4 ? v->ndigits : 4;
	for (int i = 0; i < n; i++)
		x = x * NBASE + v->digits[i];
	double e = (double)(v->weight - n + 1) * DEC_DIGITS;
	if (e > 308 + 16)
		x = HUGE_VAL;
	else
		x *= pow(10.0, e);
	return v->sign == NUMERIC_NEG ? -x : x;
}

/* ---- sqrt, exp, ln, power ------------------------------------------------------------------ */

/* Integer square root (floor) of n >= 0 (dscale 0, integer valued) into r. */
static void
isqrt_var(const nvar *n, nvar *r)
{
	if (n->ndigits == 0) {
		nv_zero(r);
		return;
	}
	/* initial over-estimate from the leading digits */
	double lead = 0;
	int take = n->ndigits < 4 ? n->ndigits : 4;
	for (int i = 0; i < take; i++)
		lead = lead * NBASE + n->digits[i];
	int exp10 = (n->weight - take + 1) * DEC_DIGITS; /* n ~= lead * 10^exp10 */
	if (exp10 % 2) {
		lead *= 10;
		exp10--;
	}
	double s = sqrt(lead) * (1 + 1e-12) + 1;
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%.0f", ceil(s));
	nvar x, y, q;
	nv_init(&x);
	nv_init(&y);
	nv_init(&q);
	const char *end;
	nv_parse(tmp, &x, &end);
	/* scale by 10^(exp10/2) */
	if (exp10 > 0) {
		int sh = exp10 / 2;
		nvar p10;
		char pbuf[16];
		snprintf(pbuf, sizeof pbuf, "1e%d", sh);
		nv_parse(pbuf, &p10, &end);
		mul_var(&x, &p10, &x, 0);
		nv_free(&p10);
	}
	x.dscale = 0;
	/* Newton: y = (x + n/x) / 2 until it stops decreasing */
	for (;;) {
		div_var(n, &x, &q, 0, false);
		add_var(&x, &q, &y);
		nvar two;
		nv_const(&two, two_digit, 1, 0, 0);
		div_var(&y, &two, &y, 0, false);
		nv_free(&two);
		if (cmp_var(&y, &x) >= 0)
			break;
		nv_set(&x, &y);
	}
	nv_move(r, &x);
	r->dscale = 0;
	nv_free(&y);
	nv_free(&q);
}

/* r = sqrt(a) rounded to rscale; a >= 0. */
static void
sqrt_var(const nvar *a, nvar *r, int rscale)
{
	if (a->ndigits == 0) {
		nv_zero(r);
		r->dscale = rscale;
		return;
	}
	/* N = floor(a * 10^(2*(rscale+1))), computed by moving the decimal point */
	int shift = 2 * (rscale + 1);
	nvar n;
	nv_init(&n);
	nv_set(&n, a);
	/* multiply by 10^shift: adjust via string-free digit scaling */
	{
		int wshift = shift / DEC_DIGITS, rem = shift % DEC_DIGITS;
		n.weight += wshift;
		if (rem) {
			static const int p10[] = {1, 10, 100, 1000};
			nvar m;
			ndigit md[1] = {(ndigit)p10[rem]};
			nv_const(&m, md, 1, 0, 0);
			mul_var(&n, &m, &n, n.dscale + 8);
			nv_free(&m);
		}
		nv_trunc(&n, 0);
	}
	nvar s;
	nv_init(&s);
	isqrt_var(&n, &s);
	/* s = sqrt truncated, times 10^(rscale+1): move the point back */
	{
		int back = rscale + 1;
		int wshift = back / DEC_DIGITS, rem = back % DEC_DIGITS;
		if (rem) {
			static const int p10[] = {1, 10, 100, 1000};
			/* multiply by 10^(4-rem) then shift one more digit */
			nvar m;
			ndigit md[1] = {(ndigit)p10[DEC_DIGITS - rem]};
			nv_const(&m, md, 1, 0, 0);
			mul_var(&s, &m, &s, 0);
			nv_free(&m);
			wshift++;
		}
		s.weight -= wshift;
		s.dscale = rscale + 1;
	}
	nv_round(&s, rscale);
	nv_move(r, &s);
	nv_free(&n);
}

/* Divide by a small integer. */
static void
div_var_int(const nvar *a, int d, nvar *r, int rscale)
{
	nvar dv;
	nv_from_int64(&dv, d);
	div_var(a, &dv, r, rscale, true);
	nv_free(&dv);
}

static void
exp_var(const nvar *arg, nvar *r, int rscale)
{
	nvar x, elem;
	nv_init(&x);
	nv_init(&elem);
	nv_set(&x, arg);
	double val = nv_to_double_approx(&x);
	if (fabs(val) >= NUMERIC_MAX_RESULT_SCALE * 3) {
		if (val > 0)
			overflow_error();
		nv_zero(r);
		r->dscale = rscale;
		nv_free(&x);
		return;
	}
	int dweight = (int)(val * 0.434294481903252);
	int ndiv2 = 0;
	if (fabs(val) > 0.01) {
		ndiv2 = 1;
		val /= 2;
		while (fabs(val) > 0.01) {
			ndiv2++;
			val /= 2;
		}
		div_var_int(&x, 1 << ndiv2, &x, x.dscale + ndiv2);
	}
	int sig_digits = 1 + dweight + rscale + (int)(ndiv2 * 0.301029995663981);
	if (sig_digits < 0)
		sig_digits = 0;
	sig_digits += 8;
	int local_rscale = sig_digits - 1;
	nvar one;
	nv_const(&one, one_digit, 1, 0, 0);
	add_var(&one, &x, r);
	mul_var(&x, &x, &elem, local_rscale);
	int ni = 2;
	div_var_int(&elem, ni, &elem, local_rscale);
	while (elem.ndigits != 0) {
		add_var(r, &elem, r);
		mul_var(&elem, &x, &elem, local_rscale);
		ni++;
		div_var_int(&elem, ni, &elem, local_rscale);
	}
	while (ndiv2-- > 0) {
		local_rscale = sig_digits - r->weight * 2 * DEC_DIGITS;
		if (local_rscale < 0)
			local_rscale = 0;
		mul_var(r, r, r, local_rscale);
	}
	nv_round(r, rscale);
	nv_free(&x);
	nv_free(&elem);
	nv_free(&one);
}

static int
estimate_ln_dweight(const nvar *v)
{
	if (v->sign != NUMERIC_POS)
		return 0;
	static const ndigit d09[1] = {9000}, d11[2] = {1, 1000};
	nvar p09, p11, one;
	nv_const(&p09, d09, 1, -1, 1);
	nv_const(&p11, d11, 2, 0, 1);
	nv_const(&one, one_digit, 1, 0, 0);
	int r;
	if (cmp_var(v, &p09) >= 0 && cmp_var(v, &p11) <= 0) {
		nvar x;
		nv_init(&x);
		sub_var(v, &one, &x);
		if (x.ndigits > 0)
			r = x.weight * DEC_DIGITS + (int)log10(x.digits[0]);
		else
			r = 0;
		nv_free(&x);
	} else if (v->ndigits > 0) {
		int digits = v->digits[0];
		int dweight = v->weight * DEC_DIGITS;
		if (v->ndigits > 1) {
			digits = digits * NBASE + v->digits[1];
			dweight -= DEC_DIGITS;
		}
		double lnv = log((double)digits) + dweight * 2.302585092994046;
		r = (int)log10(fabs(lnv));
	} else
		r = 0;
	nv_free(&p09);
	nv_free(&p11);
	nv_free(&one);
	return r;
}

static void
ln_var(const nvar *arg, nvar *r, int rscale)
{
	if (arg->ndigits == 0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
	if (arg->sign == NUMERIC_NEG)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
	static const ndigit d09[1] = {9000}, d11[2] = {1, 1000};
	nvar x, fact, p09, p11, one, two, xx, elem, ni;
	nv_init(&x);
	nv_init(&xx);
	nv_init(&elem);
	nv_const(&p09, d09, 1, -1, 1);
	nv_const(&p11, d11, 2, 0, 1);
	nv_const(&one, one_digit, 1, 0, 0);
	nv_const(&two, two_digit, 1, 0, 0);
	nv_const(&fact, two_digit, 1, 0, 0);
	nv_set(&x, arg);
	while (cmp_var(&x, &p09) <= 0) {
		int lr = rscale - x.weight * DEC_DIGITS / 2 + 8;
		if (lr < 0)
			lr = 0;
		sqrt_var(&x, &x, lr);
		mul_var(&fact, &two, &fact, 0);
	}
	while (cmp_var(&x, &p11) >= 0) {
		int lr = rscale - x.weight * DEC_DIGITS / 2 + 8;
		if (lr < 0)
			lr = 0;
		sqrt_var(&x, &x, lr);
		mul_var(&fact, &two, &fact, 0);
	}
	int local_rscale = rscale + 8;
	nvar res;
	nv_init(&res);
	sub_var(&x, &one, &res);
	add_var(&x, &one, &elem);
	div_var(&res, &elem, &res, local_rscale, true);
	nv_set(&xx, &res);
	mul_var(&res, &res, &x, local_rscale);
	nv_const(&ni, one_digit, 1, 0, 0);
	for (;;) {
		add_var(&ni, &two, &ni);
		mul_var(&xx, &x, &xx, local_rscale);
		div_var(&xx, &ni, &elem, local_rscale, true);
		if (elem.ndigits == 0)
			break;
		add_var(&res, &elem, &res);
		if (elem.weight < (res.weight - local_rscale * 2 / DEC_DIGITS))
			break;
	}
	mul_var(&res, &fact, r, rscale);
	nv_free(&res);
	nv_free(&x);
	nv_free(&xx);
	nv_free(&elem);
	nv_free(&ni);
	nv_free(&fact);
	nv_free(&p09);
	nv_free(&p11);
	nv_free(&one);
	nv_free(&two);
}

static void
log_var(const nvar *base, const nvar *num, nvar *r)
{
	int ln_base_dweight = estimate_ln_dweight(base);
	int ln_num_dweight = estimate_ln_dweight(num);
	int result_dweight = ln_num_dweight - ln_base_dweight;
	int rscale = NUMERIC_MIN_SIG_DIGITS - result_dweight;
	if (rscale < base->dscale)
		rscale = base->dscale;
	if (rscale < num->dscale)
		rscale = num->dscale;
	if (rscale < 0)
		rscale = 0;
	if (rscale > NUMERIC_MAX_DISPLAY_SCALE)
		rscale = NUMERIC_MAX_DISPLAY_SCALE;
	int lbr = rscale + result_dweight - ln_base_dweight + 8;
	if (lbr < 0)
		lbr = 0;
	int lnr = rscale + result_dweight - ln_num_dweight + 8;
	if (lnr < 0)
		lnr = 0;
	nvar lb, ln;
	nv_init(&lb);
	nv_init(&ln);
	ln_var(base, &lb, lbr);
	ln_var(num, &ln, lnr);
	div_var(&ln, &lb, r, rscale, true);
	nv_free(&lb);
	nv_free(&ln);
}

/* base ^ exp for an integer exponent, rounded to rscale (PostgreSQL 15's power_var_int) */
static void
power_var_int(const nvar *base, int exp, nvar *r, int rscale)
{
	nvar one;
	nv_const(&one, one_digit, 1, 0, 0);
	switch (exp) {
	case 0:
		nv_set(r, &one);
		r->dscale = rscale;
		nv_free(&one);
		return;
	case 1:
		nv_set(r, base);
		nv_round(r, rscale);
		nv_free(&one);
		return;
	case -1:
		div_var(&one, base, r, rscale, true);
		nv_free(&one);
		return;
	case 2:
		mul_var(base, base, r, rscale);
		nv_free(&one);
		return;
	default:
		break;
	}
	if (base->ndigits == 0) {
		if (exp < 0)
			ty_err_div0();
		nv_zero(r);
		r->dscale = rscale;
		nv_free(&one);
		return;
	}
	double f = base->digits[0];
	int p = base->weight * DEC_DIGITS;
	for (int i = 1; i < base->ndigits && i * DEC_DIGITS < 16; i++) {
		f = f * NBASE + base->digits[i];
		p -= DEC_DIGITS;
	}
	f = exp * (log10(f) + p);
	if (f > 3.0 * SHRT_MAX * DEC_DIGITS)
		overflow_error();
	if (f + 1 < -rscale || f + 1 < -NUMERIC_MAX_DISPLAY_SCALE) {
		nv_zero(r);
		r->dscale = rscale;
		nv_free(&one);
		return;
	}
	int sig_digits = 1 + rscale + (int)f;
	sig_digits += (int)log(fabs((double)exp)) + 8;
	bool neg = exp < 0;
	unsigned mask = (unsigned)(exp < 0 ? -(int64_t)exp : exp);
	nvar bp, res;
	nv_init(&bp);
	nv_init(&res);
	nv_set(&bp, base);
	if (mask & 1)
		nv_set(&res, base);
	else
		nv_set(&res, &one);
	while ((mask >>= 1) > 0) {
		int lr = sig_digits - 2 * bp.weight * DEC_DIGITS;
		if (lr > 2 * bp.dscale)
			lr = 2 * bp.dscale;
		if (lr < 0)
			lr = 0;
		mul_var(&bp, &bp, &bp, lr);
		if (mask & 1) {
			lr = sig_digits - (bp.weight + res.weight) * DEC_DIGITS;
			if (lr > bp.dscale + res.dscale)
				lr = bp.dscale + res.dscale;
			if (lr < 0)
				lr = 0;
			mul_var(&bp, &res, &res, lr);
		}
		if (bp.weight > SHRT_MAX || res.weight > SHRT_MAX) {
			if (!neg)
				overflow_error();
			nv_zero(&res);
			neg = false;
			break;
		}
	}
	if (neg)
		div_var(&one, &res, r, rscale, true);
	else {
		nv_round(&res, rscale);
		nv_move(r, &res);
	}
	nv_free(&bp);
	nv_free(&res);
	nv_free(&one);
}

static void
power_var(const nvar *base, const nvar *exp, nvar *r)
{
	if (exp->ndigits == 0 || exp->ndigits <= exp->weight + 1) {
		int64_t e64;
		if (nv_to_int64(exp, &e64) && e64 >= INT32_MIN && e64 <= INT32_MAX) {
			int rscale = NUMERIC_MIN_SIG_DIGITS;
			if (rscale < base->dscale)
				rscale = base->dscale;
			if (rscale > NUMERIC_MAX_DISPLAY_SCALE)
				rscale = NUMERIC_MAX_DISPLAY_SCALE;
			power_var_int(base, (int)e64, r, rscale);
			return;
		}
	}
	if (base->ndigits == 0) {
		nv_zero(r);
		r->dscale = NUMERIC_MIN_SIG_DIGITS;
		return;
	}
	nvar lb, ln;
	nv_init(&lb);
	nv_init(&ln);
	int ln_dweight = estimate_ln_dweight(base);
	int lr = 8 - ln_dweight;
	if (lr < 0)
		lr = 0;
	ln_var(base, &lb, lr);
	mul_var(&lb, exp, &ln, lr);
	double val = nv_to_double_approx(&ln);
	if (fabs(val) > NUMERIC_MAX_RESULT_SCALE * 3.01) {
		if (val > 0)
			overflow_error();
		nv_zero(r);
		r->dscale = NUMERIC_MAX_DISPLAY_SCALE;
		nv_free(&lb);
		nv_free(&ln);
		return;
	}
	val *= 0.434294481903252;
	int rscale = NUMERIC_MIN_SIG_DIGITS - (int)val;
	if (rscale < base->dscale)
		rscale = base->dscale;
	if (rscale < exp->dscale)
		rscale = exp->dscale;
	if (rscale < 0)
		rscale = 0;
	if (rscale > NUMERIC_MAX_DISPLAY_SCALE)
		rscale = NUMERIC_MAX_DISPLAY_SCALE;
	int sig_digits = rscale + (int)val;
	if (sig_digits < 0)
		sig_digits = 0;
	lr = sig_digits - ln_dweight + 8;
	if (lr < 0)
		lr = 0;
	ln_var(base, &lb, lr);
	mul_var(&lb, exp, &ln, lr);
	exp_var(&ln, r, rscale);
	nv_free(&lb);
	nv_free(&ln);
}

/* ---- Datum-level API --------------------------------------------------------------------- */

static Datum
nan_datum(void)
{
	return make_special(NUMERIC_NAN);
}

static int
special_of(Datum d)
{
	uint16_t h = num_header(d);
	return (h & NUMERIC_SIGN_MASK) == NUMERIC_SPECIAL ? (h & 0xF000) : 0;
}

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_DIVSCALE, OP_DIVTRUNC, OP_MOD };

/* Finite operands: unpack, compute, pack. */
static Datum
finite_binop(Datum a, Datum b, int op, int rscale)
{
	nvar x, y, r;
	nv_from_datum(a, &x);
	nv_from_datum(b, &y);
	nv_init(&r);
	if (op >= OP_DIV && y.ndigits == 0)
		ty_err_div0();
	switch (op) {
	case OP_ADD:
		add_var(&x, &y, &r);
		break;
	case OP_SUB:
		sub_var(&x, &y, &r);
		break;
	case OP_MUL:
		mul_var(&x, &y, &r, x.dscale + y.dscale);
		if (r.dscale > NUMERIC_DSCALE_MAX)
			nv_round(&r, NUMERIC_DSCALE_MAX);
		break;
	case OP_DIV:
		div_var(&x, &y, &r, select_div_scale(&x, &y), true);
		break;
	case OP_DIVSCALE:
		div_var(&x, &y, &r, rscale, true);
		break;
	case OP_DIVTRUNC:
		div_var(&x, &y, &r, 0, false);
		break;
	default:
		mod_var(&x, &y, &r);
		break;
	}
	Datum d = nv_result(&r);
	nv_free(&x);
	nv_free(&y);
	nv_free(&r);
	return d;
}

static int
flip(int s)
{
	return s == NUMERIC_PINF ? NUMERIC_NINF : s == NUMERIC_NINF ? NUMERIC_PINF : s;
}

/* sign of a finite/special value: -1, 0, 1 */
static int
sign_of(Datum d)
{
	int s = special_of(d);
	if (s == NUMERIC_PINF)
		return 1;
	if (s == NUMERIC_NINF)
		return -1;
	const char *p = DatumGetPointer(d);
	if (VARSIZE(p) == NUMERIC_HDRSZ)
		return 0;
	return (num_header(d) & NUMERIC_SIGN_MASK) == NUMERIC_NEG ? -1 : 1;
}

static Datum
zero_datum(void)
{
	nvar z;
	nv_init(&z);
	return nv_result(&z);
}

/* Division with an infinite or NaN operand (shared by / and div()). */
static Datum
div_special(Datum a, Datum b, int sa, int sb)
{
	if (sa == NUMERIC_NAN || sb == NUMERIC_NAN)
		return nan_datum();
	if (sa) {
		if (sb)
			return nan_datum();
		int s = sign_of(b);
		if (s == 0)
			ty_err_div0();
		return make_special(s > 0 ? sa : flip(sa));
	}
	return zero_datum(); /* finite / infinity */
}

Datum
ty_numeric_add(Datum a, Datum b)
{
	int sa = special_of(a), sb = special_of(b);
	if (sa || sb) {
		if (sa == NUMERIC_NAN || sb == NUMERIC_NAN)
			return nan_datum();
		if (sa && sb)
			return sa == sb ? make_special(sa) : nan_datum();
		return make_special(sa ? sa : sb);
	}
	return finite_binop(a, b, OP_ADD, 0);
}

Datum
ty_numeric_sub(Datum a, Datum b)
{
	int sa = special_of(a), sb = special_of(b);
	if (sa || sb) {
		if (sa == NUMERIC_NAN || sb == NUMERIC_NAN)
			return nan_datum();
		if (sa && sb)
			return sa != sb ? make_special(sa) : nan_datum();
		return make_special(sa ? sa : flip(sb));
	}
	return finite_binop(a, b, OP_SUB, 0);
}

Datum
ty_numeric_mul(Datum a, Datum b)
{
	int sa = special_of(a), sb = special_of(b);
	if (sa || sb) {
		if (sa == NUMERIC_NAN || sb == NUMERIC_NAN)
			return nan_datum();
		int s = sign_of(a) * sign_of(b);
		if (s == 0)
			return nan_datum();
		return make_special(s > 0 ? NUMERIC_PINF : NUMERIC_NINF);
	}
	return finite_binop(a, b, OP_MUL, 0);
}

Datum
ty_numeric_div(Datum a, Datum b)
{
	int sa = special_of(a), sb = special_of(b);
	if (sa || sb)
		return div_special(a, b, sa, sb);
	return finite_binop(a, b, OP_DIV, 0);
}

Datum
ty_numeric_div_scale(Datum a, Datum b, int rscale)
{
	return finite_binop(a, b, OP_DIVSCALE, rscale);
}

Datum
ty_numeric_div_trunc(Datum a, Datum b)
{
	int sa = special_of(a), sb = special_of(b);
	if (sa || sb)
		return div_special(a, b, sa, sb);
	return finite_binop(a, b, OP_DIVTRUNC, 0);
}

Datum
ty_numeric_mod(Datum a, Datum b)
{
	int sa = special_of(a), sb = special_of(b);
	if (sa || sb) {
		if (sa == NUMERIC_NAN || sb == NUMERIC_NAN)
			return nan_datum();
		if (sa) {
			if (sign_of(b) == 0 && !sb)
				ty_err_div0();
			return nan_datum();
		}
		/* finite mod infinity = the finite value */
		return ty_datum_copy(ty_get(NUMERICOID), a);
	}
	return finite_binop(a, b, OP_MOD, 0);
}

Datum
ty_numeric_neg(Datum a)
{
	nvar x;
	nv_from_datum(a, &x);
	if (nv_special(&x))
		x.sign = flip(x.sign);
	else if (x.ndigits)
		x.sign = x.sign == NUMERIC_POS ? NUMERIC_NEG : NUMERIC_POS;
	Datum d = nv_result(&x);
	nv_free(&x);
	return d;
}

Datum
ty_numeric_abs(Datum a)
{
	nvar x;
	nv_from_datum(a, &x);
	if (x.sign == NUMERIC_NINF)
		x.sign = NUMERIC_PINF;
	else if (!nv_special(&x))
		x.sign = NUMERIC_POS;
	Datum d = nv_result(&x);
	nv_free(&x);
	return d;
}

Datum
ty_numeric_round(Datum a, int scale)
{
	if (special_of(a))
		return ty_datum_copy(ty_get(NUMERICOID), a);
	if (scale > NUMERIC_MAX_RESULT_SCALE)
		scale = NUMERIC_MAX_RESULT_SCALE;
	if (scale < -NUMERIC_MAX_RESULT_SCALE)
		scale = -NUMERIC_MAX_RESULT_SCALE;
	nvar x;
	nv_from_datum(a, &x);
	nv_round(&x, scale);
	if (scale < 0)
		x.dscale = 0;
	Datum d = nv_result(&x);
	nv_free(&x);
	return d;
}

Datum
ty_numeric_trunc(Datum a, int scale)
{
	if (special_of(a))
		return ty_datum_copy(ty_get(NUMERICOID), a);
	if (scale > NUMERIC_MAX_RESULT_SCALE)
		scale = NUMERIC_MAX_RESULT_SCALE;
	if (scale < -NUMERIC_MAX_RESULT_SCALE)
		scale = -NUMERIC_MAX_RESULT_SCALE;
	nvar x;
	nv_from_datum(a, &x);
	nv_trunc(&x, scale);
	if (scale < 0)
		x.dscale = 0;
	Datum d = nv_result(&x);
	nv_free(&x);
	return d;
}

static Datum
ceil_floor(Datum a, bool ceil_)
{
	if (special_of(a))
		return ty_datum_copy(ty_get(NUMERICOID), a);
	nvar x, t;
	nv_from_datum(a, &x);
	nv_init(&t);
	nv_set(&t, &x);
	nv_trunc(&t, 0);
	if (ceil_ && x.sign == NUMERIC_POS && cmp_var(&x, &t) != 0) {
		nvar one;
		nv_const(&one, one_digit, 1, 0, 0);
		add_var(&t, &one, &t);
		nv_free(&one);
	} else if (!ceil_ && x.sign == NUMERIC_NEG && cmp_var(&x, &t) != 0) {
		nvar one;
		nv_const(&one, one_digit, 1, 0, 0);
		sub_var(&t, &one, &t);
		nv_free(&one);
	}
	t.dscale = 0;
	Datum d = nv_result(&t);
	nv_free(&x);
	nv_free(&t);
	return d;
}

Datum
ty_numeric_ceil(Datum a)
{
	return ceil_floor(a, true);
}

Datum
ty_numeric_floor(Datum a)
{
	return ceil_floor(a, false);
}

Datum
ty_numeric_sqrt(Datum a)
{
	int s = special_of(a);
	if (s == NUMERIC_NAN || s == NUMERIC_PINF)
		return make_special(s);
	if (s == NUMERIC_NINF || sign_of(a) < 0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
		         "cannot take square root of a negative number");
	nvar x, r;
	nv_from_datum(a, &x);
	nv_init(&r);
	int sweight = (x.weight + 1) * DEC_DIGITS / 2 - 1;
	int rscale = NUMERIC_MIN_SIG_DIGITS - sweight;
	if (rscale < x.dscale)
		rscale = x.dscale;
	if (rscale < 0)
		rscale = 0;
	if (rscale > NUMERIC_MAX_DISPLAY_SCALE)
		rscale = NUMERIC_MAX_DISPLAY_SCALE;
	sqrt_var(&x, &r, rscale);
	Datum d = nv_result(&r);
	nv_free(&x);
	nv_free(&r);
	return d;
}

Datum
ty_numeric_exp(Datum a)
{
	int s = special_of(a);
	if (s == NUMERIC_NAN || s == NUMERIC_PINF)
		return make_special(s);
	if (s == NUMERIC_NINF) {
		nvar z;
		nv_init(&z);
		return nv_result(&z);
	}
	nvar x, r;
	nv_from_datum(a, &x);
	nv_init(&r);
	double val = nv_to_double_approx(&x) * 0.434294481903252;
	if (val < -NUMERIC_MAX_RESULT_SCALE)
		val = -NUMERIC_MAX_RESULT_SCALE;
	if (val > NUMERIC_MAX_RESULT_SCALE)
		val = NUMERIC_MAX_RESULT_SCALE;
	int rscale = NUMERIC_MIN_SIG_DIGITS - (int)val;
	if (rscale < x.dscale)
		rscale = x.dscale;
	if (rscale < 0)
		rscale = 0;
	if (rscale > NUMERIC_MAX_DISPLAY_SCALE)
		rscale = NUMERIC_MAX_DISPLAY_SCALE;
	exp_var(&x, &r, rscale);
	Datum d = nv_result(&r);
	nv_free(&x);
	nv_free(&r);
	return d;
}

Datum
ty_numeric_ln(Datum a)
{
	int s = special_of(a);
	if (s == NUMERIC_NINF)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
	if (s)
		return make_special(s);
	nvar x, r;
	nv_from_datum(a, &x);
	nv_init(&r);
	int dw = estimate_ln_dweight(&x);
	int rscale = NUMERIC_MIN_SIG_DIGITS - dw;
	if (rscale < x.dscale)
		rscale = x.dscale;
	if (rscale < 0)
		rscale = 0;
	if (rscale > NUMERIC_MAX_DISPLAY_SCALE)
		rscale = NUMERIC_MAX_DISPLAY_SCALE;
	ln_var(&x, &r, rscale);
	Datum d = nv_result(&r);
	nv_free(&x);
	nv_free(&r);
	return d;
}

Datum
ty_numeric_log(Datum base, Datum num)
{
	int sb = special_of(base), sn = special_of(num);
	if (sb || sn) {
		if (sb == NUMERIC_NAN || sn == NUMERIC_NAN)
			return nan_datum();
		int gb = sign_of(base), gn = sign_of(num);
		if (gb <= 0) {
			if (gb == 0)
				ph_error(ERRCODE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
			ph_error(ERRCODE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
		}
		if (gn <= 0) {
			if (gn == 0)
				ph_error(ERRCODE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
			ph_error(ERRCODE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
		}
		if (sb == NUMERIC_PINF)
			return sn == NUMERIC_PINF ? nan_datum() : ty_numeric_from_int64(0);
		return make_special(NUMERIC_PINF);
	}
	nvar b, n, r;
	nv_from_datum(base, &b);
	nv_from_datum(num, &n);
	nv_init(&r);
	log_var(&b, &n, &r);
	Datum d = nv_result(&r);
	nv_free(&b);
	nv_free(&n);
	nv_free(&r);
	return d;
}

Datum
ty_numeric_power(Datum a, Datum b)
{
	int sa = special_of(a), sb = special_of(b);
	nvar x, y, r;
	if (sa || sb) {
		/* PostgreSQL 15's rules for special inputs */
		if (sa == NUMERIC_NAN) {
			if (!sb && sign_of(b) == 0)
				return ty_numeric_from_int64(1);
			return nan_datum();
		}
		if (sb == NUMERIC_NAN) {
			nv_from_datum(a, &x);
			if (!sa && x.ndigits == 1 && x.weight == 0 && x.digits[0] == 1 && x.sign == NUMERIC_POS)
				return ty_numeric_from_int64(1);
			return nan_datum();
		}
		if (sb) {
			/* infinite exponent */
			if (sa == 0 && sign_of(a) == 0) {
				if (sb == NUMERIC_NINF)
					ph_error(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
					         "zero raised to a negative power is undefined");
				return ty_numeric_from_int64(0);
			}
			/* compare |a| with 1 */
			int c;
			if (sa)
				c = 1;
			else {
				nvar one;
				nv_from_datum(a, &x);
				nv_const(&one, one_digit, 1, 0, 0);
				c = cmp_abs(&x, &one);
				nv_free(&one);
			}
			if (c == 0)
				return ty_numeric_from_int64(1);
			if ((c > 0) == (sb == NUMERIC_PINF))
				return make_special(NUMERIC_PINF);
			return ty_numeric_from_int64(0);
		}
		/* infinite base, finite exponent */
		nv_from_datum(b, &y);
		int es = y.ndigits == 0 ? 0 : (y.sign == NUMERIC_NEG ? -1 : 1);
		if (es == 0)
			return ty_numeric_from_int64(1);
		if (es < 0)
			return ty_numeric_from_int64(0);
		if (sa == NUMERIC_NINF) {
			if (y.ndigits > y.weight + 1)
				ph_error(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
				         "a negative number raised to a non-integer power yields a complex result");
			/* an odd integer exponent keeps the sign */
			bool odd = y.ndigits == y.weight + 1 && (y.digits[y.ndigits - 1] % 2) == 1;
			return make_special(odd ? NUMERIC_NINF : NUMERIC_PINF);
		}
		return make_special(NUMERIC_PINF);
	}
	nv_from_datum(a, &x);
	nv_from_datum(b, &y);
	nv_init(&r);
	if (x.ndigits == 0 && y.sign == NUMERIC_NEG && y.ndigits)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
		         "zero raised to a negative power is undefined");
	if (x.sign == NUMERIC_NEG && x.ndigits) {
		nvar t;
		nv_init(&t);
		nv_set(&t, &y);
		nv_trunc(&t, 0);
		if (cmp_var(&t, &y) != 0)
			ph_error(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
			         "a negative number raised to a non-integer power yields a complex result");
		nv_free(&t);
	}
	power_var(&x, &y, &r);
	Datum d = nv_result(&r);
	nv_free(&x);
	nv_free(&y);
	nv_free(&r);
	return d;
}

int
ty_numeric_sign(Datum a)
{
	if (special_of(a) == NUMERIC_NAN)
		return 2;
	return sign_of(a);
}

bool
ty_numeric_is_nan(Datum a)
{
	return special_of(a) == NUMERIC_NAN;
}

bool
ty_numeric_is_inf(Datum a)
{
	int s = special_of(a);
	return s == NUMERIC_PINF || s == NUMERIC_NINF;
}

int
ty_numeric_scale(Datum a)
{
	if (special_of(a))
		return -1;
	return num_header(a) & NUMERIC_DSCALE_MASK;
}

int
ty_numeric_cmp(Datum a, Datum b)
{
	nvar x, y;
	nv_from_datum(a, &x);
	nv_from_datum(b, &y);
	int c = cmp_var(&x, &y);
	nv_free(&x);
	nv_free(&y);
	return c;
}

uint32_t
ty_hash_numeric(Datum a)
{
	int s = special_of(a);
	if (s)
		return ty_hash_uint64(0xABCD0000u | (uint32_t)s);
	const char *p = DatumGetPointer(a);
	int n = (int)(VARSIZE(p) - NUMERIC_HDRSZ);
	if (n == 0)
		return ty_hash_uint64(0);
	int16_t w;
	memcpy(&w, p + VARHDRSZ + 2, 2);
	uint16_t h = num_header(a) & NUMERIC_SIGN_MASK;
	/* digits are stored stripped, so equal values have equal digits and weight */
	uint32_t hv = ty_hash_bytes(p + NUMERIC_HDRSZ, (size_t)n);
	return ty_hash_combine(hv, ty_hash_uint64(((uint64_t)(uint16_t)w << 16) | h));
}

Datum
ty_numeric_from_int64(int64_t v)
{
	nvar x;
	nv_from_int64(&x, v);
	Datum d = nv_result(&x);
	nv_free(&x);
	return d;
}

Datum
ty_numeric_from_double(double v, int digits)
{
	if (isnan(v))
		return nan_datum();
	if (isinf(v))
		return make_special(v > 0 ? NUMERIC_PINF : NUMERIC_NINF);
	char buf[64];
	snprintf(buf, sizeof buf, "%.*g", digits, v);
	nvar x;
	const char *end;
	nv_parse(buf, &x, &end);
	Datum d = nv_result(&x);
	nv_free(&x);
	return d;
}

static int64_t
to_int(Datum v, const char *tname, int64_t lo, int64_t hi)
{
	int s = special_of(v);
	if (s == NUMERIC_NAN)
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "cannot convert NaN to %s", tname);
	if (s)
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "cannot convert infinity to %s", tname);
	nvar x;
	nv_from_datum(v, &x);
	int64_t r;
	bool ok = nv_to_int64(&x, &r);
	nv_free(&x);
	if (!ok || r < lo || r > hi)
		ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range", tname);
	return r;
}

int64_t
ty_numeric_to_int64(Datum v)
{
	return to_int(v, "bigint", INT64_MIN, INT64_MAX);
}

int32_t
ty_numeric_to_int32(Datum v)
{
	return (int32_t)to_int(v, "integer", INT32_MIN, INT32_MAX);
}

int16_t
ty_numeric_to_int16(Datum v)
{
	return (int16_t)to_int(v, "smallint", INT16_MIN, INT16_MAX);
}

double
ty_numeric_to_double(Datum v)
{
	nvar x;
	nv_from_datum(v, &x);
	double d = nv_to_double(&x);
	nv_free(&x);
	if (isinf(d) && !nv_special(&x))
		ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE,
		         "\"%s\" is out of range for type double precision", ty_numeric_to_cstring(v));
	return d;
}

/* ---- I/O ----------------------------------------------------------------------------------- */

/* Parse a whole string (whitespace around allowed), including NaN and infinities. */
static void
numeric_parse_full(const char *s, nvar *v)
{
	const char *p = s;
	while (ty_isspace((unsigned char)*p))
		p++;
	static const struct {
		const char *w;
		int sign;
	} specials[] = {{"nan", NUMERIC_NAN},       {"infinity", NUMERIC_PINF},
	                {"+infinity", NUMERIC_PINF}, {"-infinity", NUMERIC_NINF},
	                {"inf", NUMERIC_PINF},       {"+inf", NUMERIC_PINF},
	                {"-inf", NUMERIC_NINF}};
	for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++) {
		size_t n = strlen(specials[i].w);
		if (ty_strncasecmp(p, specials[i].w, n) == 0) {
			const char *q = p + n;
			while (ty_isspace((unsigned char)*q))
				q++;
			if (*q == '\0') {
				nv_init(v);
				v->sign = specials[i].sign;
				return;
			}
		}
	}
	const char *end;
	if (!nv_parse(p, v, &end))
		ty_err_syntax("numeric", s);
	while (ty_isspace((unsigned char)*end))
		end++;
	if (*end != '\0')
		ty_err_syntax("numeric", s);
}

/* Apply precision/scale typmod to v in place; raises 22003. */
static void
apply_typmod(nvar *v, int32_t typmod)
{
	if (typmod < (int32_t)VARHDRSZ)
		return;
	int tm = typmod - VARHDRSZ;
	int precision = (tm >> 16) & 0xFFFF;
	int scale = ((tm & 0x7FF) ^ 1024) - 1024;
	if (nv_special(v)) {
		if (v->sign == NUMERIC_NAN)
			return;
		ERR_BEGIN(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE);
		err_detail("A field with precision %d, scale %d cannot hold an infinite value.",
		           precision, scale);
		err_throw("numeric field overflow");
	}
	nv_round(v, scale);
	if (scale < 0)
		v->dscale = 0;
	int maxdigits = precision - scale;
	if (v->ndigits > 0) {
		/* number of decimal digits before the point */
		int ddigits = (v->weight + 1) * DEC_DIGITS;
		int d0 = v->digits[0];
		if (d0 < 10)
			ddigits -= 3;
		else if (d0 < 100)
			ddigits -= 2;
		else if (d0 < 1000)
			ddigits -= 1;
		if (ddigits > maxdigits) {
			ERR_BEGIN(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE);
			err_detail("A field with precision %d, scale %d must round to an absolute "
			           "value less than %s%d.",
			           precision, scale, maxdigits ? "10^" : "", maxdigits ? maxdigits : 1);
			err_throw("numeric field overflow");
		}
	}
}

Datum
ty_numeric_apply_typmod(Datum v, int32_t typmod)
{
	if (typmod < (int32_t)VARHDRSZ)
		return v;
	nvar x;
	nv_from_datum(v, &x);
	apply_typmod(&x, typmod);
	Datum d = nv_result(&x);
	nv_free(&x);
	return d;
}

Datum
ty_numeric_in(const char *s, Oid t, int32_t tm)
{
	nvar v;
	numeric_parse_full(s, &v);
	apply_typmod(&v, tm);
	Datum d = nv_result(&v);
	nv_free(&v);
	return d;
}

Datum
ty_numeric_from_cstring(const char *s)
{
	return ty_numeric_in(s, NUMERICOID, -1);
}

void
ty_numeric_out(ty_buf *b, Datum v, Oid t)
{
	nvar x;
	nv_from_datum(v, &x);
	nv_out(b, &x);
	nv_free(&x);
}

char *
ty_numeric_to_cstring(Datum v)
{
	ty_buf b;
	ty_buf_init(&b, 32);
	ty_numeric_out(&b, v, NUMERICOID);
	return b.data;
}

Datum
ty_numeric_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	int len = (uint16_t)ty_rd16(&r);
	int16_t weight = (int16_t)ty_rd16(&r);
	uint16_t sign = ty_rd16(&r);
	uint16_t dscale = ty_rd16(&r);
	nvar v;
	nv_init(&v);
	if (sign == NUMERIC_NAN || sign == NUMERIC_PINF || sign == NUMERIC_NINF) {
		v.sign = sign;
		ty_rd_end(&r);
		apply_typmod(&v, tm);
		return make_special(sign);
	}
	if (sign != NUMERIC_POS && sign != NUMERIC_NEG)
		ty_err_binary("invalid sign in external \"numeric\" value");
	if ((dscale & NUMERIC_DSCALE_MASK) != dscale)
		ty_err_binary("invalid scale in external \"numeric\" value");
	if (len > (NUMERIC_WEIGHT_MAX + 1) * 2 + NUMERIC_DSCALE_MAX)
		ty_err_binary("invalid length in external \"numeric\" value");
	nv_alloc(&v, len);
	for (int i = 0; i < len; i++) {
		int dg = (int16_t)ty_rd16(&r);
		if (dg < 0 || dg >= NBASE)
			ty_err_binary("invalid digit in external \"numeric\" value");
		v.digits[i] = (ndigit)dg;
	}
	ty_rd_end(&r);
	v.weight = weight;
	v.sign = sign;
	v.dscale = dscale;
	nv_strip(&v);
	nv_trunc(&v, dscale);
	apply_typmod(&v, tm);
	Datum res = nv_result(&v);
	nv_free(&v);
	return res;
}

void
ty_numeric_send(ty_buf *b, Datum v, Oid t)
{
	nvar x;
	nv_from_datum(v, &x);
	ty_buf_put16(b, (uint16_t)x.ndigits);
	ty_buf_put16(b, (uint16_t)(int16_t)x.weight);
	ty_buf_put16(b, (uint16_t)x.sign);
	/* specials: PostgreSQL sends the dscale bits of its short header (32 for infinities) */
	ty_buf_put16(b, (uint16_t)(nv_special(&x) ? (x.sign & 0x1F80) >> 7 : x.dscale));
	for (int i = 0; i < x.ndigits; i++)
		ty_buf_put16(b, (uint16_t)x.digits[i]);
	nv_free(&x);
}

/* ---- typmod ----------------------------------------------------------------------------- */

int32_t
ty_numeric_modin(const int32_t *m, int n)
{
	if (n == 2) {
		if (m[0] < 1 || m[0] > NUMERIC_MAX_PRECISION)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
			         "NUMERIC precision %d must be between 1 and %d", m[0], NUMERIC_MAX_PRECISION);
		if (m[1] < NUMERIC_MIN_SCALE || m[1] > NUMERIC_MAX_SCALE)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "NUMERIC scale %d must be between %d and %d",
			         m[1], NUMERIC_MIN_SCALE, NUMERIC_MAX_SCALE);
		return ((m[0] << 16) | (m[1] & 0x7FF)) + VARHDRSZ;
	}
	if (n == 1) {
		if (m[0] < 1 || m[0] > NUMERIC_MAX_PRECISION)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
			         "NUMERIC precision %d must be between 1 and %d", m[0], NUMERIC_MAX_PRECISION);
		return (m[0] << 16) + VARHDRSZ;
	}
	ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid NUMERIC type modifier");
}

void
ty_numeric_modout(ty_buf *b, int32_t tm)
{
	if (tm < (int32_t)VARHDRSZ)
		return;
	int x = tm - VARHDRSZ;
	ty_buf_printf(b, "(%d,%d)", (x >> 16) & 0xFFFF, ((x & 0x7FF) ^ 1024) - 1024);
}

/* ---- accumulators for sum/avg/variance ---------------------------------------------------- */

struct ty_numacc {
	int64_t n;
	bool use_var;       /* sums kept as nvars (a numeric arrived, or int128 would overflow) */
	__int128 isum;      /* exact integer sums while !use_var */
	__int128 isumsq;
	nvar sum;
	nvar sumsq;
	int nan, pinf, ninf;
	mem_ctx *ctx;       /* where sum/sumsq digits live */
};

#define I128_MAX ((__int128)(((unsigned __int128)1 << 127) - 1))
#define I128_LIM ((__int128)1 << 120)

ty_numacc *
ty_numacc_new(void)
{
	ty_numacc *a = palloc0(sizeof(ty_numacc));
	nv_init(&a->sum);
	nv_init(&a->sumsq);
	a->ctx = mem_cur;
	return a;
}

static void
acc_to_var(ty_numacc *a)
{
	if (a->use_var)
		return;
	mem_ctx *old = mem_switch(a->ctx);
	nvar t;
	nv_from_int128(&t, a->isum);
	nv_set(&a->sum, &t);
	nv_free(&t);
	nv_from_int128(&t, a->isumsq);
	nv_set(&a->sumsq, &t);
	nv_free(&t);
	mem_switch(old);
	a->use_var = true;
}

/* Add x and x*x (exact) to the nvar sums. */
static void
acc_add_var(ty_numacc *a, const nvar *x)
{
	mem_ctx *old = mem_switch(a->ctx);
	nvar t;
	nv_init(&t);
	add_var(&a->sum, x, &t);
	nv_set(&a->sum, &t);
	mul_var(x, x, &t, x->dscale * 2);
	add_var(&a->sumsq, &t, &t);
	nv_set(&a->sumsq, &t);
	nv_free(&t);
	mem_switch(old);
}

void
ty_numacc_add_int128(ty_numacc *a, __int128 v)
{
	a->n++;
	if (!a->use_var && v < I128_LIM && v > -I128_LIM && a->isum < I128_LIM &&
	    a->isum > -I128_LIM) {
		__int128 av = v < 0 ? -v : v;
		if (av < ((__int128)1 << 63)) {
			__int128 sq = av * av;
			if (a->isumsq <= I128_MAX - sq) {
				a->isum += v;
				a->isumsq += sq;
				return;
			}
		}
	}
	acc_to_var(a);
	nvar x;
	nv_from_int128(&x, v);
	acc_add_var(a, &x);
	nv_free(&x);
}

void
ty_numacc_add_int64(ty_numacc *a, int64_t v)
{
	ty_numacc_add_int128(a, v);
}

void
ty_numacc_add(ty_numacc *a, Datum num)
{
	a->n++;
	int s = special_of(num);
	if (s) {
		if (s == NUMERIC_NAN)
			a->nan++;
		else if (s == NUMERIC_PINF)
			a->pinf++;
		else
			a->ninf++;
		return;
	}
	acc_to_var(a);
	nvar x;
	nv_from_datum(num, &x);
	acc_add_var(a, &x);
	nv_free(&x);
}

void
ty_numacc_combine(ty_numacc *a, const ty_numacc *b)
{
	a->nan += b->nan;
	a->pinf += b->pinf;
	a->ninf += b->ninf;
	if (!a->use_var && !b->use_var && a->isum < I128_LIM && a->isum > -I128_LIM &&
	    b->isum < I128_LIM && b->isum > -I128_LIM && a->isumsq <= I128_MAX - b->isumsq) {
		a->n += b->n;
		a->isum += b->isum;
		a->isumsq += b->isumsq;
		return;
	}
	acc_to_var(a);
	mem_ctx *old = mem_switch(a->ctx);
	nvar bs, bq, t;
	nv_init(&t);
	if (b->use_var) {
		nv_init(&bs);
		nv_init(&bq);
		nv_set(&bs, &b->sum);
		nv_set(&bq, &b->sumsq);
	} else {
		nv_from_int128(&bs, b->isum);
		nv_from_int128(&bq, b->isumsq);
	}
	add_var(&a->sum, &bs, &t);
	nv_set(&a->sum, &t);
	add_var(&a->sumsq, &bq, &t);
	nv_set(&a->sumsq, &t);
	nv_free(&bs);
	nv_free(&bq);
	nv_free(&t);
	mem_switch(old);
	a->n += b->n;
}

int64_t
ty_numacc_count(const ty_numacc *a)
{
	return a->n;
}

static bool
acc_special(const ty_numacc *a, Datum *out)
{
	if (a->nan || (a->pinf && a->ninf)) {
		*out = nan_datum();
		return true;
	}
	if (a->pinf) {
		*out = make_special(NUMERIC_PINF);
		return true;
	}
	if (a->ninf) {
		*out = make_special(NUMERIC_NINF);
		return true;
	}
	return false;
}

static void
acc_sum_var(const ty_numacc *a, nvar *out)
{
	if (a->use_var) {
		nv_init(out);
		nv_set(out, &a->sum);
	} else
		nv_from_int128(out, a->isum);
}

Datum
ty_numacc_sum(const ty_numacc *a)
{
	Datum d;
	if (acc_special(a, &d))
		return d;
	nvar s;
	acc_sum_var(a, &s);
	d = nv_result(&s);
	nv_free(&s);
	return d;
}

Datum
ty_numacc_avg(const ty_numacc *a)
{
	Datum d;
	if (acc_special(a, &d))
		return d;
	nvar s, n, r;
	acc_sum_var(a, &s);
	nv_from_int64(&n, a->n);
	nv_init(&r);
	int rscale = select_div_scale(&s, &n);
	div_var(&s, &n, &r, rscale, true);
	d = nv_result(&r);
	nv_free(&s);
	nv_free(&n);
	nv_free(&r);
	return d;
}

Datum
ty_numacc_variance(const ty_numacc *a, bool samp, bool stddev, bool *isnull)
{
	*isnull = false;
	if (a->n == 0 || (samp && a->n == 1)) {
		*isnull = true;
		return 0;
	}
	if (a->nan || a->pinf || a->ninf)
		return nan_datum();
	/* PostgreSQL: (n * sumX2 - sumX^2) / (n * (n - 1)) with rscale = dscale of sumX * 2,
	 * at least NUMERIC_MIN_SIG_DIGITS-driven division scale. */
	nvar s, q, n, n1, t1, t2, r;
	acc_sum_var(a, &s);
	if (a->use_var) {
		nv_init(&q);
		nv_set(&q, &a->sumsq);
	} else
		nv_from_int128(&q, a->isumsq);
	nv_from_int64(&n, a->n);
	nv_from_int64(&n1, samp ? a->n - 1 : a->n); /* PostgreSQL: N*(N-1) or N*N */
	nv_init(&t1);
	nv_init(&t2);
	nv_init(&r);
	int rscale = s.dscale * 2;
	mul_var(&s, &s, &t1, rscale);     /* sumX^2 */
	mul_var(&q, &n, &t2, rscale);     /* n * sumX2 */
	sub_var(&t2, &t1, &t2);
	if (t2.ndigits == 0 || t2.sign == NUMERIC_NEG) {
		/* zero, or negative through rounding */
		nv_zero(&r);
		r.dscale = 0;
	} else {
		mul_var(&n, &n1, &t1, 0);
		rscale = select_div_scale(&t2, &t1);
		div_var(&t2, &t1, &r, rscale, true);
		if (stddev)
			sqrt_var(&r, &r, rscale);
	}
	Datum d = nv_result(&r);
	nv_free(&s);
	nv_free(&q);
	nv_free(&n);
	nv_free(&n1);
	nv_free(&t1);
	nv_free(&t2);
	nv_free(&r);
	return d;
}
