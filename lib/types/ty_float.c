/*
 * ty_float.c — float4 and float8: input, shortest round-trip output, binary I/O,
 * comparison (NaN sorts last and equals itself), hashing, checked arithmetic.
 *
 * Output.  With extra_float_digits > 0 (the default, 1) PostgreSQL prints the shortest
 * decimal that reads back as the same value (its Ryu code).  We find it by asking libc for
 * the correctly rounded decimal at 15, 16 then 17 significant digits (6..9 for float4) and
 * keeping the first that round-trips; a candidate lying exactly half-way between two
 * floating-point neighbours is refused, as Ryu there does (1e23 prints as
 * 9.999999999999999e+22).  The digits are then laid out as PostgreSQL does: exponent
 * notation when the decimal exponent is < -4 or >= 15 (float4: >= 6), else fixed.
 * With extra_float_digits <= 0: printf("%.*g", 15 + extra_float_digits) (float4: 6 + ...).
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "types/ty_int.h"
#include "util/cfg.h"

noreturn void
ty_float_overflow(void)
{
	ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
}

noreturn void
ty_float_underflow(void)
{
	ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
}

/* ---- input ---------------------------------------------------------------------------------- */

/* Parse a float from s (orig is the whole input for messages).  With end == NULL the whole
 * string must be consumed (trailing whitespace allowed); otherwise *end gets the position
 * after the number and its trailing whitespace. */
static double
float_parse(const char *s, const char *tname, const char *orig, const char **end, bool single)
{
	const char *num = s;
	char *ep;
	double val;

	while (ty_isspace((unsigned char)*num))
		num++;
	if (*num == '\0')
		ty_err_syntax(tname, orig);
	errno = 0;
	val = single ? (double)strtof(num, &ep) : strtod(num, &ep);
	if (ep == num || errno != 0) {
		int save = errno;
		if (ep != num && save == ERANGE) {
			if (val == 0.0 || isinf(val)) {
				char *tok = pstrndup(num, (size_t)(ep - num));
				ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE,
				         "\"%s\" is out of range for type %s", tok, tname);
			}
			/* denormal results are accepted */
		} else if (ep == num) {
			/* glibc already accepts nan/inf/infinity; anything else is bad */
			ty_err_syntax(tname, orig);
		}
	}
	while (ty_isspace((unsigned char)*ep))
		ep++;
	if (end)
		*end = ep;
	else if (*ep != '\0')
		ty_err_syntax(tname, orig);
	return val;
}

double
ty_float8_parse(const char *s, const char *tname, const char *orig, const char **end)
{
	return float_parse(s, tname, orig, end, false);
}

Datum
ty_float8_in(const char *s, Oid t, int32_t tm)
{
	return Float8GetDatum(float_parse(s, "double precision", s, NULL, false));
}

Datum
ty_float4_in(const char *s, Oid t, int32_t tm)
{
	return Float4GetDatum((float)float_parse(s, "real", s, NULL, true));
}

/* ---- output --------------------------------------------------------------------------------- */

/* Lay out the digits "d[0..nd)" with decimal exponent e (value = 0.d1d2... no: d1.d2... x
 * 10^e) PostgreSQL's way.  Returns the length. */
static int
layout(char *out, bool neg, const char *d, int nd, int e, int sci_at)
{
	char *p = out;
	if (neg)
		*p++ = '-';
	if (e < -4 || e >= sci_at) {
		*p++ = d[0];
		if (nd > 1) {
			*p++ = '.';
			memcpy(p, d + 1, (size_t)(nd - 1));
			p += nd - 1;
		}
		p += sprintf(p, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
	} else if (e < 0) {
		*p++ = '0';
		*p++ = '.';
		for (int i = 0; i < -e - 1; i++)
			*p++ = '0';
		memcpy(p, d, (size_t)nd);
		p += nd;
	} else {
		/* e+1 digits before the point */
		for (int i = 0; i <= e; i++)
			*p++ = i < nd ? d[i] : '0';
		if (nd > e + 1) {
			*p++ = '.';
			memcpy(p, d + e + 1, (size_t)(nd - e - 1));
			p += nd - e - 1;
		}
	}
	*p = '\0';
	return (int)(p - out);
}

/* Split "%.*e" output into digits (trailing zeros removed) and exponent. */
static int
split_e(const char *s, char *digits, int *exp10)
{
	int nd = 0;
	const char *p = s;
	if (*p == '-')
		p++;
	for (; *p && *p != 'e'; p++)
		if (*p != '.')
			digits[nd++] = *p;
	*exp10 = atoi(p + 1);
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	return nd;
}

static int
special_out(double v, char *buf)
{
	if (isnan(v))
		return sprintf(buf, "NaN");
	if (isinf(v))
		return sprintf(buf, v > 0 ? "Infinity" : "-Infinity");
	return -1;
}

/* Is the decimal string s exactly halfway between d and one of its neighbours? */
static bool
at_midpoint(const char *s, double d)
{
	long double x = strtold(s, NULL);
	long double up = ((long double)d + (long double)nextafter(d, INFINITY)) / 2;
	long double dn = ((long double)d + (long double)nextafter(d, -INFINITY)) / 2;
	return x == up || x == dn;
}

static bool
at_midpoint_f(const char *s, float f)
{
	double x = strtod(s, NULL);
	double up = ((double)f + (double)nextafterf(f, INFINITY)) / 2;
	double dn = ((double)f + (double)nextafterf(f, -INFINITY)) / 2;
	return x == up || x == dn;
}

int
ty_float8_to_str(double v, char *buf)
{
	int n = special_out(v, buf);
	if (n >= 0)
		return n;
	int efd = (int)settings.extra_float_digits;
	if (efd <= 0) {
		int prec = DBL_DIG + efd;
		if (prec < 1)
			prec = 1;
		return sprintf(buf, "%.*g", prec, v);
	}
	if (v == 0)
		return sprintf(buf, signbit(v) ? "-0" : "0");
	/* fast path: integers below 10^15 print as themselves */
	if (fabs(v) < 1e15 && v == (double)(int64_t)v)
		return ty_int64_to_str((int64_t)v, buf);
	char tmp[40], digits[24];
	int e;
	/* subnormals have fewer significant bits: the shortest form may be below 15 digits */
	for (int p = fabs(v) < DBL_MIN ? 1 : DBL_DIG; p <= 17; p++) {
		sprintf(tmp, "%.*e", p - 1, v);
		if (p < 17 && (strtod(tmp, NULL) != v || at_midpoint(tmp, v)))
			continue;
		int nd = split_e(tmp, digits, &e);
		return layout(buf, v < 0, digits, nd, e, DBL_DIG);
	}
	return 0; /* not reached */
}

int
ty_float4_to_str(float v, char *buf)
{
	int n = special_out(v, buf);
	if (n >= 0)
		return n;
	int efd = (int)settings.extra_float_digits;
	if (efd <= 0) {
		int prec = FLT_DIG + efd;
		if (prec < 1)
			prec = 1;
		return sprintf(buf, "%.*g", prec, (double)v);
	}
	if (v == 0)
		return sprintf(buf, signbit(v) ? "-0" : "0");
	char tmp[40], digits[24];
	int e;
	for (int p = fabsf(v) < FLT_MIN ? 1 : FLT_DIG; p <= 9; p++) {
		sprintf(tmp, "%.*e", p - 1, (double)v);
		if (p < 9 && (strtof(tmp, NULL) != v || at_midpoint_f(tmp, v)))
			continue;
		int nd = split_e(tmp, digits, &e);
		return layout(buf, v < 0, digits, nd, e, FLT_DIG);
	}
	return 0;
}

void
ty_float8_out(ty_buf *b, Datum v, Oid t)
{
	ty_buf_reserve(b, 40);
	b->len += ty_float8_to_str(DatumGetFloat8(v), b->data + b->len);
}

void
ty_float4_out(ty_buf *b, Datum v, Oid t)
{
	ty_buf_reserve(b, 40);
	b->len += ty_float4_to_str(DatumGetFloat4(v), b->data + b->len);
}

/* ---- binary --------------------------------------------------------------------------------- */

Datum
ty_float8_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	uint64_t u = ty_rd64(&r);
	ty_rd_end(&r);
	return (Datum)u;
}

void
ty_float8_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_put64(b, (uint64_t)v);
}

Datum
ty_float4_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	uint32_t u = ty_rd32(&r);
	ty_rd_end(&r);
	return (Datum)u;
}

void
ty_float4_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_put32(b, (uint32_t)v);
}

/* ---- comparison and hashing ----------------------------------------------------------------- */

int
ty_float8_cmp(double a, double b)
{
	if (isnan(a))
		return isnan(b) ? 0 : 1;
	if (isnan(b))
		return -1;
	return (a > b) - (a < b);
}

int
ty_float4_cmp(float a, float b)
{
	return ty_float8_cmp(a, b);
}

int
ty_cmp_float8(Datum a, Datum b)
{
	return ty_float8_cmp(DatumGetFloat8(a), DatumGetFloat8(b));
}

int
ty_cmp_float4(Datum a, Datum b)
{
	return ty_float8_cmp(DatumGetFloat4(a), DatumGetFloat4(b));
}

static uint32_t
hash_double(double d)
{
	if (d == 0)
		d = 0; /* -0 and 0 hash alike */
	if (isnan(d))
		d = NAN;
	uint64_t u;
	memcpy(&u, &d, 8);
	return ty_hash_uint64(u);
}

uint32_t
ty_hash_float8(Datum a)
{
	return hash_double(DatumGetFloat8(a));
}

uint32_t
ty_hash_float4(Datum a)
{
	return hash_double(DatumGetFloat4(a));
}

/* ---- arithmetic with PostgreSQL's overflow checks ------------------------------------------- */

double
ty_float8_add(double a, double b)
{
	double r = a + b;
	if (isinf(r) && !isinf(a) && !isinf(b))
		ty_float_overflow();
	return r;
}

double
ty_float8_sub(double a, double b)
{
	double r = a - b;
	if (isinf(r) && !isinf(a) && !isinf(b))
		ty_float_overflow();
	return r;
}

double
ty_float8_mul(double a, double b)
{
	double r = a * b;
	if (isinf(r) && !isinf(a) && !isinf(b))
		ty_float_overflow();
	if (r == 0.0 && a != 0.0 && b != 0.0)
		ty_float_underflow();
	return r;
}

double
ty_float8_div(double a, double b)
{
	if (b == 0.0 && !isnan(a))
		ty_err_div0();
	double r = a / b;
	if (isinf(r) && !isinf(a))
		ty_float_overflow();
	if (r == 0.0 && a != 0.0 && !isinf(b))
		ty_float_underflow();
	return r;
}
