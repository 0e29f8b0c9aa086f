/*
 * ty_fn_float.c — float4/float8 operators (including the float4-float8 cross-type ones),
 * comparisons with PostgreSQL's NaN ordering, casts to and from integers, and the math
 * functions with PostgreSQL's domain and range errors (degree-based trigonometry returns
 * exact values at the usual angles, as PostgreSQL's does).
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "types/tydatetime.h"
#include "types/tynumeric.h"
#include "types/ty_catdef.h"

#define RADIANS_PER_DEGREE 0.0174532925199432957692

static double
check_f8(double r, bool inf_ok, bool zero_ok)
{
	if (isinf(r) && !inf_ok)
		ty_float_overflow();
	if (r == 0.0 && !zero_ok)
		ty_float_underflow();
	return r;
}

static float
check_f4(float r, bool inf_ok, bool zero_ok)
{
	if (isinf(r) && !inf_ok)
		ty_float_overflow();
	if (r == 0.0f && !zero_ok)
		ty_float_underflow();
	return r;
}

/* ---- float4 arithmetic ---------------------------------------------------------------------- */

static Datum
float4pl(fn_call *c)
{
	float a = ARG_FLOAT4(0), b = ARG_FLOAT4(1);
	return Float4GetDatum(check_f4(a + b, isinf(a) || isinf(b), true));
}

static Datum
float4mi(fn_call *c)
{
	float a = ARG_FLOAT4(0), b = ARG_FLOAT4(1);
	return Float4GetDatum(check_f4(a - b, isinf(a) || isinf(b), true));
}

static Datum
float4mul(fn_call *c)
{
	float a = ARG_FLOAT4(0), b = ARG_FLOAT4(1);
	return Float4GetDatum(check_f4(a * b, isinf(a) || isinf(b), a == 0.0f || b == 0.0f));
}

static Datum
float4div(fn_call *c)
{
	float a = ARG_FLOAT4(0), b = ARG_FLOAT4(1);
	if (b == 0.0f && !isnan(a))
		ty_err_div0();
	return Float4GetDatum(check_f4(a / b, isinf(a), a == 0.0f || isinf(b)));
}

static Datum
float4um(fn_call *c)
{
	return Float4GetDatum(-ARG_FLOAT4(0));
}

static Datum
float4abs(fn_call *c)
{
	return Float4GetDatum(fabsf(ARG_FLOAT4(0)));
}

static Datum
float4up(fn_call *c)
{
	return ARG(0);
}

/* ---- float8 arithmetic (and the mixed float4/float8 forms, computed in double) ----------------- */

#define F8GET(n) (ARGTYPE(n) == FLOAT4OID ? (double)ARG_FLOAT4(n) : ARG_FLOAT8(n))

static Datum
float8pl(fn_call *c)
{
	return Float8GetDatum(ty_float8_add(ARG_FLOAT8(0), ARG_FLOAT8(1)));
}

static Datum
float8mi(fn_call *c)
{
	return Float8GetDatum(ty_float8_sub(ARG_FLOAT8(0), ARG_FLOAT8(1)));
}

static Datum
float8mul(fn_call *c)
{
	return Float8GetDatum(ty_float8_mul(ARG_FLOAT8(0), ARG_FLOAT8(1)));
}

static Datum
float8div(fn_call *c)
{
	return Float8GetDatum(ty_float8_div(ARG_FLOAT8(0), ARG_FLOAT8(1)));
}

#define MIX(name, GA, GB, fn)                                                                   \
	static Datum name(fn_call *c) { return Float8GetDatum(fn((double)GA(0), (double)GB(1))); }
MIX(float48pl, ARG_FLOAT4, ARG_FLOAT8, ty_float8_add)
MIX(float48mi, ARG_FLOAT4, ARG_FLOAT8, ty_float8_sub)
MIX(float48mul, ARG_FLOAT4, ARG_FLOAT8, ty_float8_mul)
MIX(float48div, ARG_FLOAT4, ARG_FLOAT8, ty_float8_div)
MIX(float84pl, ARG_FLOAT8, ARG_FLOAT4, ty_float8_add)
MIX(float84mi, ARG_FLOAT8, ARG_FLOAT4, ty_float8_sub)
MIX(float84mul, ARG_FLOAT8, ARG_FLOAT4, ty_float8_mul)
MIX(float84div, ARG_FLOAT8, ARG_FLOAT4, ty_float8_div)

static Datum
float8um(fn_call *c)
{
	return Float8GetDatum(-ARG_FLOAT8(0));
}

static Datum
float8abs(fn_call *c)
{
	return Float8GetDatum(fabs(ARG_FLOAT8(0)));
}

static Datum
float8up(fn_call *c)
{
	return ARG(0);
}

/* ---- comparisons ------------------------------------------------------------------------------ */

#define FCMPS(p, GA, GB)                                                                         \
	static Datum p##eq(fn_call *c) { return BoolGetDatum(ty_float8_cmp(GA(0), GB(1)) == 0); }   \
	static Datum p##ne(fn_call *c) { return BoolGetDatum(ty_float8_cmp(GA(0), GB(1)) != 0); }   \
	static Datum p##lt(fn_call *c) { return BoolGetDatum(ty_float8_cmp(GA(0), GB(1)) < 0); }    \
	static Datum p##le(fn_call *c) { return BoolGetDatum(ty_float8_cmp(GA(0), GB(1)) <= 0); }   \
	static Datum p##gt(fn_call *c) { return BoolGetDatum(ty_float8_cmp(GA(0), GB(1)) > 0); }    \
	static Datum p##ge(fn_call *c) { return BoolGetDatum(ty_float8_cmp(GA(0), GB(1)) >= 0); }   \
	static Datum p##cmp(fn_call *c) { return Int32GetDatum(ty_float8_cmp(GA(0), GB(1))); }
FCMPS(float4, ARG_FLOAT4, ARG_FLOAT4)
FCMPS(float8, ARG_FLOAT8, ARG_FLOAT8)
FCMPS(float48, ARG_FLOAT4, ARG_FLOAT8)
FCMPS(float84, ARG_FLOAT8, ARG_FLOAT4)

static Datum
float8larger(fn_call *c)
{
	return ty_float8_cmp(ARG_FLOAT8(0), ARG_FLOAT8(1)) > 0 ? ARG(0) : ARG(1);
}

static Datum
float8smaller(fn_call *c)
{
	return ty_float8_cmp(ARG_FLOAT8(0), ARG_FLOAT8(1)) < 0 ? ARG(0) : ARG(1);
}

static Datum
float4larger(fn_call *c)
{
	return ty_float8_cmp(ARG_FLOAT4(0), ARG_FLOAT4(1)) > 0 ? ARG(0) : ARG(1);
}

static Datum
float4smaller(fn_call *c)
{
	return ty_float8_cmp(ARG_FLOAT4(0), ARG_FLOAT4(1)) < 0 ? ARG(0) : ARG(1);
}

/* ---- casts --------------------------------------------------------------------------------------- */

static Datum
ty_i4tod(fn_call *c)
{
	return Float8GetDatum((double)ARG_INT32(0));
}

static Datum
ty_i2tod(fn_call *c)
{
	return Float8GetDatum((double)ARG_INT16(0));
}

static Datum
ty_i8tod(fn_call *c)
{
	return Float8GetDatum((double)ARG_INT64(0));
}

static Datum
ty_i4tof(fn_call *c)
{
	return Float4GetDatum((float)ARG_INT32(0));
}

static Datum
ty_i2tof(fn_call *c)
{
	return Float4GetDatum((float)ARG_INT16(0));
}

static Datum
ty_i8tof(fn_call *c)
{
	return Float4GetDatum((float)ARG_INT64(0));
}

static int64_t
f2int(double v, const char *msg, double lo, double hi_excl)
{
	v = rint(v);
	if (isnan(v) || v < lo || v >= hi_excl)
		ty_err_overflow(msg);
	return (int64_t)v;
}

static Datum
ty_dtoi4(fn_call *c)
{
	return Int32GetDatum((int32_t)f2int(ARG_FLOAT8(0), "integer out of range", (double)INT32_MIN,
	                                    -(double)INT32_MIN));
}

static Datum
ty_dtoi2(fn_call *c)
{
	return Int16GetDatum((int16_t)f2int(ARG_FLOAT8(0), "smallint out of range", (double)INT16_MIN,
	                                    -(double)INT16_MIN));
}

static Datum
ty_dtoi8(fn_call *c)
{
	return Int64GetDatum(f2int(ARG_FLOAT8(0), "bigint out of range", (double)INT64_MIN,
	                           -(double)INT64_MIN));
}

static Datum
ty_ftoi4(fn_call *c)
{
	return Int32GetDatum((int32_t)f2int(rintf(ARG_FLOAT4(0)), "integer out of range",
	                                    (double)INT32_MIN, -(double)INT32_MIN));
}

static Datum
ty_ftoi2(fn_call *c)
{
	return Int16GetDatum((int16_t)f2int(rintf(ARG_FLOAT4(0)), "smallint out of range",
	                                    (double)INT16_MIN, -(double)INT16_MIN));
}

static Datum
ty_ftoi8(fn_call *c)
{
	return Int64GetDatum(f2int(rintf(ARG_FLOAT4(0)), "bigint out of range", (double)INT64_MIN,
	                           -(double)INT64_MIN));
}

static Datum
ty_dtof(fn_call *c)
{
	double d = ARG_FLOAT8(0);
	float f = (float)d;
	if (isinf(f) && !isinf(d))
		ty_float_overflow();
	if (f == 0.0f && d != 0.0)
		ty_float_underflow();
	return Float4GetDatum(f);
}

static Datum
ty_ftod(fn_call *c)
{
	return Float8GetDatum((double)ARG_FLOAT4(0));
}

static Datum
ty_float8_numeric(fn_call *c)
{
	return ty_numeric_from_double(ARG_FLOAT8(0), DBL_DIG);
}

static Datum
ty_float4_numeric(fn_call *c)
{
	return ty_numeric_from_double(ARG_FLOAT4(0), FLT_DIG);
}

/* ---- math ----------------------------------------------------------------------------------- */

static Datum
dsqrt(fn_call *c)
{
	double a = ARG_FLOAT8(0);
	if (a < 0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
		         "cannot take square root of a negative number");
	double r = sqrt(a);
	return Float8GetDatum(check_f8(r, isinf(a), a == 0));
}

static Datum
dcbrt(fn_call *c)
{
	double a = ARG_FLOAT8(0);
	double r = cbrt(a);
	return Float8GetDatum(check_f8(r, isinf(a), a == 0));
}

static Datum
dexp(fn_call *c)
{
	double a = ARG_FLOAT8(0), r;
	if (isnan(a))
		r = a;
	else if (isinf(a))
		r = a > 0 ? a : 0;
	else {
		errno = 0;
		r = exp(a);
		if (errno == ERANGE) {
			if (r != 0.0)
				ty_float_overflow();
			ty_float_underflow();
		}
		check_f8(r, false, false);
	}
	return Float8GetDatum(r);
}

static double
log_check(double a)
{
	if (a == 0.0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
	if (a < 0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
	return a;
}

static Datum
dlog1(fn_call *c)
{
	double a = log_check(ARG_FLOAT8(0));
	double r = log(a);
	return Float8GetDatum(check_f8(r, isinf(a), a == 1.0));
}

static Datum
dlog10(fn_call *c)
{
	double a = log_check(ARG_FLOAT8(0));
	double r = log10(a);
	return Float8GetDatum(check_f8(r, isinf(a), a == 1.0));
}

static Datum
dpow(fn_call *c)
{
	double x = ARG_FLOAT8(0), y = ARG_FLOAT8(1), r;
	if (isnan(x))
		return Float8GetDatum((isnan(y) || y != 0.0) ? NAN : 1.0);
	if (isnan(y))
		return Float8GetDatum(x != 1.0 ? NAN : 1.0);
	if (x == 0 && y < 0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
		         "zero raised to a negative power is undefined");
	if (x < 0 && floor(y) != y)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
		         "a negative number raised to a non-integer power yields a complex result");
	if (isinf(y)) {
		double ax = fabs(x);
		if (ax == 1.0)
			r = 1.0;
		else if (y > 0)
			r = ax > 1.0 ? y : 0.0;
		else
			r = ax > 1.0 ? 0.0 : -y;
	} else if (isinf(x)) {
		if (y == 0.0)
			r = 1.0;
		else if (x > 0)
			r = y > 0 ? x : 0.0;
		else {
			double halfy = y / 2;
			bool odd = floor(halfy) != halfy;
			if (y > 0)
				r = odd ? x : -x;
			else
				r = odd ? -0.0 : 0.0;
		}
	} else {
		errno = 0;
		r = pow(x, y);
		if (errno == EDOM || isnan(r)) {
			if (x == 0.0)
				r = 0.0;
			else {
				double ax = fabs(x);
				if (ax == 1.0)
					r = 1.0;
				else if (y >= 0.0 ? (ax > 1.0) : (ax < 1.0))
					ty_float_overflow();
				else
					ty_float_underflow();
			}
		} else if (errno == ERANGE) {
			if (r != 0.0)
				ty_float_overflow();
			ty_float_underflow();
		} else {
			if (isinf(r))
				ty_float_overflow();
			if (r == 0.0 && x != 0.0)
				ty_float_underflow();
		}
	}
	return Float8GetDatum(r);
}

static noreturn void
input_oor(void)
{
	ty_err_overflow("input is out of range");
}

#define TRIG(name, fn, domain)                                                                   \
	static Datum name(fn_call *c)                                                                \
	{                                                                                            \
		double a = ARG_FLOAT8(0);                                                                \
		if (isnan(a))                                                                            \
			return Float8GetDatum(NAN);                                                          \
		if (!(domain))                                                                           \
			input_oor();                                                                         \
		double r = fn(a);                                                                        \
		if (isinf(r))                                                                            \
			ty_float_overflow();                                                                 \
		return Float8GetDatum(r);                                                                \
	}
TRIG(dsin, sin, !isinf(a))
TRIG(dcos, cos, !isinf(a))
TRIG(dtan, tan, !isinf(a))
TRIG(dasin, asin, a >= -1.0 && a <= 1.0)
TRIG(dacos, acos, a >= -1.0 && a <= 1.0)
TRIG(datan, atan, true)

static Datum
dcot(fn_call *c)
{
	double a = ARG_FLOAT8(0);
	if (isnan(a))
		return Float8GetDatum(NAN);
	if (isinf(a))
		input_oor();
	double r = 1.0 / tan(a);
	return Float8GetDatum(r);
}

static Datum
datan2(fn_call *c)
{
	double a = ARG_FLOAT8(0), b = ARG_FLOAT8(1);
	if (isnan(a) || isnan(b))
		return Float8GetDatum(NAN);
	double r = atan2(a, b);
	if (isinf(r))
		ty_float_overflow();
	return Float8GetDatum(r);
}

/* degree-based functions, exact at 0/30/45/60/90 as PostgreSQL's */
static double sin_30, one_minus_cos_60, asin_0_5, acos_0_5, atan_1_0, tan_45, cot_45;
static bool degree_consts;


static double sind_q1(double x);
static double cosd_q1(double x);

static void
init_degree_consts(void)
{
	if (degree_consts)
		return;
	sin_30 = sin(30.0 * RADIANS_PER_DEGREE);
	one_minus_cos_60 = 1.0 - cos(60.0 * RADIANS_PER_DEGREE);
	asin_0_5 = asin(0.5);
	acos_0_5 = acos(0.5);
	atan_1_0 = atan(1.0);
	degree_consts = true;
	tan_45 = sind_q1(45.0) / cosd_q1(45.0);
	cot_45 = cosd_q1(45.0) / sind_q1(45.0);
}

static double
sind_0_to_30(double x)
{
	volatile double s = sin(x * RADIANS_PER_DEGREE);
	return (s / sin_30) / 2.0;
}

static double
cosd_0_to_60(double x)
{
	volatile double one_minus_cos_x = 1.0 - cos(x * RADIANS_PER_DEGREE);
	return 1.0 - (one_minus_cos_x / one_minus_cos_60) / 2.0;
}

static double
sind_q1(double x)
{
	if (x <= 30.0)
		return sind_0_to_30(x);
	return cosd_0_to_60(90.0 - x);
}

static double
cosd_q1(double x)
{
	if (x <= 60.0)
		return cosd_0_to_60(x);
	return sind_0_to_30(90.0 - x);
}

static Datum
dsind(fn_call *c)
{
	double a = ARG_FLOAT8(0);
	int sign = 1;
	init_degree_consts();
	if (isnan(a))
		return Float8GetDatum(NAN);
	if (isinf(a))
		input_oor();
	a = fmod(a, 360.0);
	if (a < 0.0) {
		a = -a;
		sign = -sign;
	}
	if (a > 180.0) {
		a = 360.0 - a;
		sign = -sign;
	}
	if (a > 90.0)
		a = 180.0 - a;
	return Float8GetDatum(sign * sind_q1(a));
}

static Datum
dcosd(fn_call *c)
{
	double a = ARG_FLOAT8(0);
	int sign = 1;
	init_degree_consts();
	if (isnan(a))
		return Float8GetDatum(NAN);
	if (isinf(a))
		input_oor();
	a = fmod(a, 360.0);
	if (a < 0.0)
		a = -a;
	if (a > 180.0)
		a = 360.0 - a;
	if (a > 90.0) {
		a = 180.0 - a;
		sign = -sign;
	}
	return Float8GetDatum(sign * cosd_q1(a));
}

static Datum
tan_cot_d(fn_call *c, bool cot)
{
	double a = ARG_FLOAT8(0);
	int sign = 1;
	init_degree_consts();
	if (isnan(a))
		return Float8GetDatum(NAN);
	if (isinf(a))
		input_oor();
	a = fmod(a, 360.0);
	if (a < 0.0) {
		a = -a;
		sign = -sign;
	}
	if (a > 180.0) {
		a = 360.0 - a;
		sign = -sign;
	}
	if (a > 90.0) {
		a = 180.0 - a;
		sign = -sign;
	}
	double r;
	if (!cot) {
		volatile double t = sind_q1(a) / cosd_q1(a);
		r = sign * (t / tan_45);
	} else {
		volatile double t = cosd_q1(a) / sind_q1(a);
		r = sign * (t / cot_45);
	}
	if (r == 0.0)
		r = 0.0;
	return Float8GetDatum(r);
}

static Datum
dtand(fn_call *c)
{
	return tan_cot_d(c, false);
}

static Datum
dcotd(fn_call *c)
{
	return tan_cot_d(c, true);
}

static double
asind_q1(double x)
{
	if (x <= 0.5) {
		volatile double asin_x = asin(x);
		return (asin_x / asin_0_5) * 30.0;
	}
	volatile double acos_x = acos(x);
	return 90.0 - (acos_x / acos_0_5) * 60.0;
}

static double
acosd_q1(double x)
{
	if (x <= 0.5) {
		volatile double asin_x = asin(x);
		return 90.0 - (asin_x / asin_0_5) * 30.0;
	}
	volatile double acos_x = acos(x);
	return (acos_x / acos_0_5) * 60.0;
}

static Datum
dasind(fn_call *c)
{
	double a = ARG_FLOAT8(0);
	init_degree_consts();
	if (isnan(a))
		return Float8GetDatum(NAN);
	if (a < -1.0 || a > 1.0)
		input_oor();
	return Float8GetDatum(a >= 0.0 ? asind_q1(a) : -asind_q1(-a));
}

static Datum
dacosd(fn_call *c)
{
	double a = ARG_FLOAT8(0);
	init_degree_consts();
	if (isnan(a))
		return Float8GetDatum(NAN);
	if (a < -1.0 || a > 1.0)
		input_oor();
	return Float8GetDatum(a >= 0.0 ? acosd_q1(a) : 90.0 + asind_q1(-a));
}

static Datum
datand(fn_call *c)
{
	double a = ARG_FLOAT8(0);
	init_degree_consts();
	if (isnan(a))
		return Float8GetDatum(NAN);
	volatile double t = atan(a);
	return Float8GetDatum((t / atan_1_0) * 45.0);
}

static Datum
datan2d(fn_call *c)
{
	double a = ARG_FLOAT8(0), b = ARG_FLOAT8(1);
	init_degree_consts();
	if (isnan(a) || isnan(b))
		return Float8GetDatum(NAN);
	volatile double t = atan2(a, b);
	return Float8GetDatum((t / atan_1_0) * 45.0);
}

static Datum
degrees(fn_call *c)
{
	return Float8GetDatum(ty_float8_div(ARG_FLOAT8(0), RADIANS_PER_DEGREE));
}

static Datum
radians(fn_call *c)
{
	return Float8GetDatum(ty_float8_mul(ARG_FLOAT8(0), RADIANS_PER_DEGREE));
}

static Datum
dpi(fn_call *c)
{
	return Float8GetDatum(M_PI);
}

static Datum
dround(fn_call *c)
{
	return Float8GetDatum(rint(ARG_FLOAT8(0)));
}

static Datum
dtrunc(fn_call *c)
{
	return Float8GetDatum(trunc(ARG_FLOAT8(0)));
}

static Datum
dceil(fn_call *c)
{
	return Float8GetDatum(ceil(ARG_FLOAT8(0)));
}

static Datum
dfloor(fn_call *c)
{
	return Float8GetDatum(floor(ARG_FLOAT8(0)));
}

static Datum
dsign(fn_call *c)
{
	double a = ARG_FLOAT8(0);
	return Float8GetDatum(a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0);
}

/* random(): a xorshift generator seeded from the OS; setseed makes it reproducible. */
static uint64_t rng_state;

uint64_t
ty_random_u64(void)
{
	if (rng_state == 0) {
		FILE *f = fopen("/dev/urandom", "rb");
		if (!f || fread(&rng_state, sizeof rng_state, 1, f) != 1)
			rng_state = (uint64_t)ty_clock_timestamp();
		if (f)
			fclose(f);
		if (rng_state == 0)
			rng_state = 0x9E3779B97F4A7C15ULL;
	}
	uint64_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

void
ty_random_bytes(void *buf, size_t n)
{
	FILE *f = fopen("/dev/urandom", "rb");
	if (f && fread(buf, 1, n, f) == n) {
		fclose(f);
		return;
	}
	if (f)
		fclose(f);
	unsigned char *p = buf;
	for (size_t i = 0; i < n; i += 8) {
		uint64_t r = ty_random_u64();
		memcpy(p + i, &r, n - i < 8 ? n - i : 8);
	}
}

static Datum
drandom(fn_call *c)
{
	return Float8GetDatum((double)(ty_random_u64() >> 11) * (1.0 / 9007199254740992.0));
}

static Datum
setseed(fn_call *c)
{
	double s = ARG_FLOAT8(0);
	if (s < -1 || s > 1 || isnan(s))
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "setseed parameter %g is out of allowed range [-1,1]", s);
	rng_state = (uint64_t)((s + 1.0) * 4294967295.0) * 0x9E3779B97F4A7C15ULL + 1;
	return 0;
}

static Datum
width_bucket_float8(fn_call *c)
{
	double op = ARG_FLOAT8(0), lo = ARG_FLOAT8(1), hi = ARG_FLOAT8(2);
	int32_t count = ARG_INT32(3);
	if (count <= 0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, "count must be greater than zero");
	if (isnan(op) || isnan(lo) || isnan(hi))
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
		         "operand, lower bound, and upper bound cannot be NaN");
	if (isinf(lo) || isinf(hi))
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
		         "lower and upper bounds must be finite");
	int32_t r;
	if (lo < hi) {
		if (op < lo)
			r = 0;
		else if (op >= hi) {
			if (count == INT32_MAX)
				ty_err_overflow("integer out of range");
			r = count + 1;
		} else {
			if (!isinf(hi - lo))
				r = (int32_t)(count * ((op - lo) / (hi - lo)));
			else
				r = (int32_t)(count * ((op / 2 - lo / 2) / (hi / 2 - lo / 2)));
			if (r >= count)
				r = count - 1;
			r++;
		}
	} else if (lo > hi) {
		if (op > lo)
			r = 0;
		else if (op <= hi) {
			if (count == INT32_MAX)
				ty_err_overflow("integer out of range");
			r = count + 1;
		} else {
			if (!isinf(lo - hi))
				r = (int32_t)(count * ((lo - op) / (lo - hi)));
			else
				r = (int32_t)(count * ((lo / 2 - op / 2) / (lo / 2 - hi / 2)));
			if (r >= count)
				r = count - 1;
			r++;
		}
	} else
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
		         "lower bound cannot equal upper bound");
	return Int32GetDatum(r);
}

/* ---- the fragment --------------------------------------------------------------------------------- */

#define FCMPDEFS(p, T1, T2, K)                                                                 \
	FOP(#p "eq", T1 "," T2, "bool", p##eq, FAST_EQ, K), FOP(#p "ne", T1 "," T2, "bool", p##ne, FAST_NE, K), \
	FOP(#p "lt", T1 "," T2, "bool", p##lt, FAST_LT, K), FOP(#p "le", T1 "," T2, "bool", p##le, FAST_LE, K), \
	FOP(#p "gt", T1 "," T2, "bool", p##gt, FAST_GT, K), FOP(#p "ge", T1 "," T2, "bool", p##ge, FAST_GE, K)
#define FCMPOPS(p, T1, T2)                                                                     \
	{"=", T1, T2, #p "eq"}, {"<>", T1, T2, #p "ne"}, {"<", T1, T2, #p "lt"},               \
	{"<=", T1, T2, #p "le"}, {">", T1, T2, #p "gt"}, {">=", T1, T2, #p "ge"}
#define FARITHOPS(p, T1, T2)                                                                   \
	{"+", T1, T2, #p "pl"}, {"-", T1, T2, #p "mi"}, {"*", T1, T2, #p "mul"}, {"/", T1, T2, #p "div"}
#define CASTF(name, args, ret, impl) {name, args, ret, FN_STRICT | FN_CAST, impl, #impl, 0, 0, NULL, NULL}

static const ty_fndef fns[] = {
	FOP("float4pl", "float4,float4", "float4", float4pl, FAST_ADD, FK_FLOAT4),
	FOP("float4mi", "float4,float4", "float4", float4mi, FAST_SUB, FK_FLOAT4),
	FOP("float4mul", "float4,float4", "float4", float4mul, FAST_MUL, FK_FLOAT4),
	FOP("float4div", "float4,float4", "float4", float4div, FAST_DIV, FK_FLOAT4),
	FOP("float8pl", "float8,float8", "float8", float8pl, FAST_ADD, FK_FLOAT8),
	FOP("float8mi", "float8,float8", "float8", float8mi, FAST_SUB, FK_FLOAT8),
	FOP("float8mul", "float8,float8", "float8", float8mul, FAST_MUL, FK_FLOAT8),
	FOP("float8div", "float8,float8", "float8", float8div, FAST_DIV, FK_FLOAT8),
	F("float48pl", "float4,float8", "float8", float48pl),
	F("float48mi", "float4,float8", "float8", float48mi),
	F("float48mul", "float4,float8", "float8", float48mul),
	F("float48div", "float4,float8", "float8", float48div),
	F("float84pl", "float8,float4", "float8", float84pl),
	F("float84mi", "float8,float4", "float8", float84mi),
	F("float84mul", "float8,float4", "float8", float84mul),
	F("float84div", "float8,float4", "float8", float84div),
	F("float4um", "float4", "float4", float4um),
	F("float8um", "float8", "float8", float8um),
	F("float4up", "float4", "float4", float4up),
	F("float8up", "float8", "float8", float8up),
	F("float4abs", "float4", "float4", float4abs),
	F("float8abs", "float8", "float8", float8abs),
	{"abs", "float4", "float4", FN_STRICT, float4abs, "float4abs_sql", 0, 0, NULL, NULL},
	{"abs", "float8", "float8", FN_STRICT, float8abs, "float8abs_sql", 0, 0, NULL, NULL},
	FCMPDEFS(float4, "float4", "float4", FK_FLOAT4),
	FCMPDEFS(float8, "float8", "float8", FK_FLOAT8),
	FCMPDEFS(float48, "float4", "float8", FK_NONE),
	FCMPDEFS(float84, "float8", "float4", FK_NONE),
	F("btfloat4cmp", "float4,float4", "int4", float4cmp),
	F("btfloat8cmp", "float8,float8", "int4", float8cmp),
	F("btfloat48cmp", "float4,float8", "int4", float48cmp),
	F("btfloat84cmp", "float8,float4", "int4", float84cmp),
	F("float8larger", "float8,float8", "float8", float8larger),
	F("float8smaller", "float8,float8", "float8", float8smaller),
	F("float4larger", "float4,float4", "float4", float4larger),
	F("float4smaller", "float4,float4", "float4", float4smaller),
	CASTF("float8", "int4", "float8", ty_i4tod),
	CASTF("float8", "int2", "float8", ty_i2tod),
	CASTF("float8", "int8", "float8", ty_i8tod),
	CASTF("float4", "int4", "float4", ty_i4tof),
	CASTF("float4", "int2", "float4", ty_i2tof),
	CASTF("float4", "int8", "float4", ty_i8tof),
	CASTF("int4", "float8", "int4", ty_dtoi4),
	CASTF("int2", "float8", "int2", ty_dtoi2),
	CASTF("int8", "float8", "int8", ty_dtoi8),
	CASTF("int4", "float4", "int4", ty_ftoi4),
	CASTF("int2", "float4", "int2", ty_ftoi2),
	CASTF("int8", "float4", "int8", ty_ftoi8),
	CASTF("float4", "float8", "float4", ty_dtof),
	CASTF("float8", "float4", "float8", ty_ftod),
	CASTF("numeric", "float8", "numeric", ty_float8_numeric),
	CASTF("numeric", "float4", "numeric", ty_float4_numeric),
	F("sqrt", "float8", "float8", dsqrt),
	F("cbrt", "float8", "float8", dcbrt),
	F("exp", "float8", "float8", dexp),
	F("ln", "float8", "float8", dlog1),
	F("log", "float8", "float8", dlog10),
	{"log10", "float8", "float8", FN_STRICT, dlog10, "dlog10_sql", 0, 0, NULL, NULL},
	F("power", "float8,float8", "float8", dpow),
	{"pow", "float8,float8", "float8", FN_STRICT, dpow, "dpow_sql", 0, 0, NULL, NULL},
	F("sin", "float8", "float8", dsin),
	F("cos", "float8", "float8", dcos),
	F("tan", "float8", "float8", dtan),
	F("cot", "float8", "float8", dcot),
	F("asin", "float8", "float8", dasin),
	F("acos", "float8", "float8", dacos),
	F("atan", "float8", "float8", datan),
	F("atan2", "float8,float8", "float8", datan2),
	F("sind", "float8", "float8", dsind),
	F("cosd", "float8", "float8", dcosd),
	F("tand", "float8", "float8", dtand),
	F("cotd", "float8", "float8", dcotd),
	F("asind", "float8", "float8", dasind),
	F("acosd", "float8", "float8", dacosd),
	F("atand", "float8", "float8", datand),
	F("atan2d", "float8,float8", "float8", datan2d),
	F("degrees", "float8", "float8", degrees),
	F("radians", "float8", "float8", radians),
	F("pi", "", "float8", dpi),
	F("round", "float8", "float8", dround),
	F("trunc", "float8", "float8", dtrunc),
	F("ceil", "float8", "float8", dceil),
	{"ceiling", "float8", "float8", FN_STRICT, dceil, "dceiling", 0, 0, NULL, NULL},
	F("floor", "float8", "float8", dfloor),
	F("sign", "float8", "float8", dsign),
	FX("random", "", "float8", FV_VOLATILE, drandom),
	FX("setseed", "float8", "void", FN_STRICT | FV_VOLATILE, setseed),
	F("width_bucket", "float8,float8,float8,int4", "int4", width_bucket_float8),
};

static const ty_opdef ops[] = {
	FARITHOPS(float4, "float4", "float4"),
	FARITHOPS(float8, "float8", "float8"),
	FARITHOPS(float48, "float4", "float8"),
	FARITHOPS(float84, "float8", "float4"),
	{"-", NULL, "float4", "float4um"},
	{"-", NULL, "float8", "float8um"},
	{"+", NULL, "float4", "float4up"},
	{"+", NULL, "float8", "float8up"},
	{"@", NULL, "float4", "float4abs"},
	{"@", NULL, "float8", "float8abs"},
	{"^", "float8", "float8", "dpow"},
	{"|/", NULL, "float8", "dsqrt"},
	{"||/", NULL, "float8", "dcbrt"},
	FCMPOPS(float4, "float4", "float4"),
	FCMPOPS(float8, "float8", "float8"),
	FCMPOPS(float48, "float4", "float8"),
	FCMPOPS(float84, "float8", "float4"),
};

const ty_fragment ty_frag_float = {fns, NELEM(fns), ops, NELEM(ops), NULL, 0};
