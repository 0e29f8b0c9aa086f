/*
 * ty_fn_int.c — integer (int2/int4/int8, with PostgreSQL's cross-type operators), bool,
 * oid and "char" operators and functions; casts among them; generate_series over integers.
 */
#include <stdio.h>
#include <stdlib.h>

#include "types/tynumeric.h"
#include "types/ty_catdef.h"

static noreturn void
int2_oor(void)
{
	ty_err_overflow("smallint out of range");
}

static noreturn void
int4_oor(void)
{
	ty_err_overflow("integer out of range");
}

static noreturn void
int8_oor(void)
{
	ty_err_overflow("bigint out of range");
}

/* ---- fast entry points -------------------------------------------------------------------- */

int64_t
ty_int8_add(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		int8_oor();
	return r;
}

int64_t
ty_int8_sub(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_sub_overflow(a, b, &r))
		int8_oor();
	return r;
}

int64_t
ty_int8_mul(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_mul_overflow(a, b, &r))
		int8_oor();
	return r;
}

int64_t
ty_int8_div(int64_t a, int64_t b)
{
	if (b == 0)
		ty_err_div0();
	if (b == -1) {
		if (a == INT64_MIN)
			int8_oor();
		return -a;
	}
	return a / b;
}

int64_t
ty_int8_mod(int64_t a, int64_t b)
{
	if (b == 0)
		ty_err_div0();
	if (b == -1)
		return 0;
	return a % b;
}

int32_t
ty_int4_add(int32_t a, int32_t b)
{
	int32_t r;
	if (__builtin_add_overflow(a, b, &r))
		int4_oor();
	return r;
}

int32_t
ty_int4_sub(int32_t a, int32_t b)
{
	int32_t r;
	if (__builtin_sub_overflow(a, b, &r))
		int4_oor();
	return r;
}

int32_t
ty_int4_mul(int32_t a, int32_t b)
{
	int32_t r;
	if (__builtin_mul_overflow(a, b, &r))
		int4_oor();
	return r;
}

int32_t
ty_int4_div(int32_t a, int32_t b)
{
	if (b == 0)
		ty_err_div0();
	if (b == -1) {
		if (a == INT32_MIN)
			int4_oor();
		return -a;
	}
	return a / b;
}

int32_t
ty_int4_mod(int32_t a, int32_t b)
{
	if (b == 0)
		ty_err_div0();
	if (b == -1)
		return 0;
	return a % b;
}

static int16_t
int2_check(int64_t v)
{
	if (v < INT16_MIN || v > INT16_MAX)
		int2_oor();
	return (int16_t)v;
}

/* ---- arithmetic: result type decides overflow checking ----------------------------------------- */

/* A binary op whose operands are read with GA/GB and computed in int64/int32 with checks. */
#define ARITH4(fname, GA, GB, OP)                                                          \
	static Datum fname(fn_call *c) { return Int32GetDatum(ty_int4_##OP(GA(0), GB(1))); }
#define ARITH8(fname, GA, GB, OP)                                                          \
	static Datum fname(fn_call *c) { return Int64GetDatum(ty_int8_##OP(GA(0), GB(1))); }

ARITH4(int4pl, ARG_INT32, ARG_INT32, add)
ARITH4(int4mi, ARG_INT32, ARG_INT32, sub)
ARITH4(int4mul, ARG_INT32, ARG_INT32, mul)
ARITH4(int4div, ARG_INT32, ARG_INT32, div)
ARITH4(int4mod, ARG_INT32, ARG_INT32, mod)
ARITH4(int24pl, ARG_INT16, ARG_INT32, add)
ARITH4(int24mi, ARG_INT16, ARG_INT32, sub)
ARITH4(int24mul, ARG_INT16, ARG_INT32, mul)
ARITH4(int24div, ARG_INT16, ARG_INT32, div)
ARITH4(int42pl, ARG_INT32, ARG_INT16, add)
ARITH4(int42mi, ARG_INT32, ARG_INT16, sub)
ARITH4(int42mul, ARG_INT32, ARG_INT16, mul)
ARITH4(int42div, ARG_INT32, ARG_INT16, div)
ARITH8(int8pl, ARG_INT64, ARG_INT64, add)
ARITH8(int8mi, ARG_INT64, ARG_INT64, sub)
ARITH8(int8mul, ARG_INT64, ARG_INT64, mul)
ARITH8(int8div, ARG_INT64, ARG_INT64, div)
ARITH8(int8mod, ARG_INT64, ARG_INT64, mod)
ARITH8(int48pl, ARG_INT32, ARG_INT64, add)
ARITH8(int48mi, ARG_INT32, ARG_INT64, sub)
ARITH8(int48mul, ARG_INT32, ARG_INT64, mul)
ARITH8(int48div, ARG_INT32, ARG_INT64, div)
ARITH8(int84pl, ARG_INT64, ARG_INT32, add)
ARITH8(int84mi, ARG_INT64, ARG_INT32, sub)
ARITH8(int84mul, ARG_INT64, ARG_INT32, mul)
ARITH8(int84div, ARG_INT64, ARG_INT32, div)
ARITH8(int28pl, ARG_INT16, ARG_INT64, add)
ARITH8(int28mi, ARG_INT16, ARG_INT64, sub)
ARITH8(int28mul, ARG_INT16, ARG_INT64, mul)
ARITH8(int28div, ARG_INT16, ARG_INT64, div)
ARITH8(int82pl, ARG_INT64, ARG_INT16, add)
ARITH8(int82mi, ARG_INT64, ARG_INT16, sub)
ARITH8(int82mul, ARG_INT64, ARG_INT16, mul)
ARITH8(int82div, ARG_INT64, ARG_INT16, div)

static Datum
int2pl(fn_call *c)
{
	return Int16GetDatum(int2_check((int64_t)ARG_INT16(0) + ARG_INT16(1)));
}

static Datum
int2mi(fn_call *c)
{
	return Int16GetDatum(int2_check((int64_t)ARG_INT16(0) - ARG_INT16(1)));
}

static Datum
int2mul(fn_call *c)
{
	return Int16GetDatum(int2_check((int64_t)ARG_INT16(0) * ARG_INT16(1)));
}

static Datum
int2div(fn_call *c)
{
	int16_t b = ARG_INT16(1);
	if (b == 0)
		ty_err_div0();
	return Int16GetDatum(int2_check((int64_t)ARG_INT16(0) / b));
}

static Datum
int2mod(fn_call *c)
{
	int16_t b = ARG_INT16(1);
	if (b == 0)
		ty_err_div0();
	if (b == -1)
		return Int16GetDatum(0);
	return Int16GetDatum((int16_t)(ARG_INT16(0) % b));
}

static Datum
int2um(fn_call *c)
{
	return Int16GetDatum(int2_check(-(int64_t)ARG_INT16(0)));
}

static Datum
int4um(fn_call *c)
{
	int32_t a = ARG_INT32(0);
	if (a == INT32_MIN)
		int4_oor();
	return Int32GetDatum(-a);
}

static Datum
int8um(fn_call *c)
{
	int64_t a = ARG_INT64(0);
	if (a == INT64_MIN)
		int8_oor();
	return Int64GetDatum(-a);
}

static Datum
int_up(fn_call *c)
{
	return ARG(0);
}

static Datum
int2abs(fn_call *c)
{
	return Int16GetDatum(int2_check(llabs(ARG_INT16(0))));
}

static Datum
int4abs(fn_call *c)
{
	int32_t a = ARG_INT32(0);
	if (a == INT32_MIN)
		int4_oor();
	return Int32GetDatum(a < 0 ? -a : a);
}

static Datum
int8abs(fn_call *c)
{
	int64_t a = ARG_INT64(0);
	if (a == INT64_MIN)
		int8_oor();
	return Int64GetDatum(a < 0 ? -a : a);
}

/* bitwise */
#define BITOPS(T, GET, MK, p)                                                                 \
	static Datum p##and(fn_call *c) { return MK((T)(GET(0) & GET(1))); }                     \
	static Datum p##or(fn_call *c) { return MK((T)(GET(0) | GET(1))); }                      \
	static Datum p##xor(fn_call *c) { return MK((T)(GET(0) ^ GET(1))); }                     \
	static Datum p##not(fn_call *c) { return MK((T)~GET(0)); }                               \
	static Datum p##shl(fn_call *c) { return MK((T)((uint64_t)GET(0) << (ARG_INT32(1) & 63))); } \
	static Datum p##shr(fn_call *c) { return MK((T)(GET(0) >> (ARG_INT32(1) & 63))); }
BITOPS(int16_t, ARG_INT16, Int16GetDatum, int2)
BITOPS(int32_t, ARG_INT32, Int32GetDatum, int4)
BITOPS(int64_t, ARG_INT64, Int64GetDatum, int8)

static int64_t
gcd64(int64_t a, int64_t b, bool is8)
{
	/* PostgreSQL: gcd(INT_MIN, INT_MIN) and gcd(INT_MIN, 0) overflow */
	int64_t mn = is8 ? INT64_MIN : INT32_MIN;
	if ((a == mn && (b == 0 || b == mn)) || (b == mn && a == 0)) {
		if (is8)
			int8_oor();
		int4_oor();
	}
	uint64_t x = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
	uint64_t y = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
	while (y) {
		uint64_t t = x % y;
		x = y;
		y = t;
	}
	if ((is8 && x > (uint64_t)INT64_MAX) || (!is8 && x > (uint64_t)INT32_MAX)) {
		if (is8)
			int8_oor();
		int4_oor();
	}
	return (int64_t)x;
}

static Datum
int4gcd(fn_call *c)
{
	return Int32GetDatum((int32_t)gcd64(ARG_INT32(0), ARG_INT32(1), false));
}

static Datum
int8gcd(fn_call *c)
{
	return Int64GetDatum(gcd64(ARG_INT64(0), ARG_INT64(1), true));
}

static Datum
int4lcm(fn_call *c)
{
	int32_t a = ARG_INT32(0), b = ARG_INT32(1);
	if (a == 0 || b == 0)
		return Int32GetDatum(0);
	int64_t g = gcd64(a, b, false);
	int64_t r = ((int64_t)a / g) * b;
	if (r < 0)
		r = -r;
	if (r > INT32_MAX)
		int4_oor();
	return Int32GetDatum((int32_t)r);
}

static Datum
int8lcm(fn_call *c)
{
	int64_t a = ARG_INT64(0), b = ARG_INT64(1);
	if (a == 0 || b == 0)
		return Int64GetDatum(0);
	int64_t g = gcd64(a, b, true), r;
	if (__builtin_mul_overflow(a / g, b, &r) || r == INT64_MIN)
		int8_oor();
	return Int64GetDatum(r < 0 ? -r : r);
}

/* ---- comparisons ----------------------------------------------------------------------------- */

#define CMPS(p, GA, GB)                                                                       \
	static Datum p##eq(fn_call *c) { return BoolGetDatum(GA(0) == GB(1)); }                  \
	static Datum p##ne(fn_call *c) { return BoolGetDatum(GA(0) != GB(1)); }                  \
	static Datum p##lt(fn_call *c) { return BoolGetDatum(GA(0) < GB(1)); }                   \
	static Datum p##le(fn_call *c) { return BoolGetDatum(GA(0) <= GB(1)); }                  \
	static Datum p##gt(fn_call *c) { return BoolGetDatum(GA(0) > GB(1)); }                   \
	static Datum p##ge(fn_call *c) { return BoolGetDatum(GA(0) >= GB(1)); }                  \
	static Datum p##cmp(fn_call *c) { return Int32GetDatum((GA(0) > GB(1)) - (GA(0) < GB(1))); }
CMPS(int2, ARG_INT16, ARG_INT16)
CMPS(int4, ARG_INT32, ARG_INT32)
CMPS(int8, ARG_INT64, ARG_INT64)
CMPS(int24, ARG_INT16, ARG_INT32)
CMPS(int42, ARG_INT32, ARG_INT16)
CMPS(int28, ARG_INT16, ARG_INT64)
CMPS(int82, ARG_INT64, ARG_INT16)
CMPS(int48, ARG_INT32, ARG_INT64)
CMPS(int84, ARG_INT64, ARG_INT32)
CMPS(oid, ARG_OID, ARG_OID)
CMPS(bool, ARG_BOOL, ARG_BOOL)
#define ARG_UCHAR(n) ((unsigned char)(int8_t)c->arg[(n)])
CMPS(char, ARG_UCHAR, ARG_UCHAR)

static Datum
xideq(fn_call *c)
{
	return BoolGetDatum(ARG_OID(0) == ARG_OID(1));
}

static Datum
xidne(fn_call *c)
{
	return BoolGetDatum(ARG_OID(0) != ARG_OID(1));
}

static Datum
tideq(fn_call *c)
{
	return BoolGetDatum(ty_cmp_tid(ARG(0), ARG(1)) == 0);
}

static Datum
tidne(fn_call *c)
{
	return BoolGetDatum(ty_cmp_tid(ARG(0), ARG(1)) != 0);
}

static Datum
tidlt(fn_call *c)
{
	return BoolGetDatum(ty_cmp_tid(ARG(0), ARG(1)) < 0);
}

static Datum
tidgt(fn_call *c)
{
	return BoolGetDatum(ty_cmp_tid(ARG(0), ARG(1)) > 0);
}

static Datum
tidle(fn_call *c)
{
	return BoolGetDatum(ty_cmp_tid(ARG(0), ARG(1)) <= 0);
}

static Datum
tidge(fn_call *c)
{
	return BoolGetDatum(ty_cmp_tid(ARG(0), ARG(1)) >= 0);
}

/* larger/smaller (used by greatest/least support and max/min transition functions) */
#define MINMAX(p, GET, MK)                                                                     \
	static Datum p##larger(fn_call *c) { return MK(GET(0) > GET(1) ? GET(0) : GET(1)); }      \
	static Datum p##smaller(fn_call *c) { return MK(GET(0) < GET(1) ? GET(0) : GET(1)); }
MINMAX(int2, ARG_INT16, Int16GetDatum)
MINMAX(int4, ARG_INT32, Int32GetDatum)
MINMAX(int8, ARG_INT64, Int64GetDatum)
MINMAX(oid, ARG_OID, ObjectIdGetDatum)
MINMAX(bool, ARG_BOOL, BoolGetDatum)

/* ---- boolean ---------------------------------------------------------------------------------- */

static Datum
boolnot(fn_call *c)
{
	return BoolGetDatum(!ARG_BOOL(0));
}

/* ---- casts -------------------------------------------------------------------------------------- */

static Datum
ty_int24(fn_call *c)
{
	return Int32GetDatum(ARG_INT16(0));
}

static Datum
ty_int28(fn_call *c)
{
	return Int64GetDatum(ARG_INT16(0));
}

static Datum
ty_int48(fn_call *c)
{
	return Int64GetDatum(ARG_INT32(0));
}

static Datum
ty_int42(fn_call *c)
{
	return Int16GetDatum(int2_check(ARG_INT32(0)));
}

static Datum
ty_int82(fn_call *c)
{
	return Int16GetDatum(int2_check(ARG_INT64(0)));
}

static Datum
ty_int84(fn_call *c)
{
	int64_t v = ARG_INT64(0);
	if (v < INT32_MIN || v > INT32_MAX)
		int4_oor();
	return Int32GetDatum((int32_t)v);
}

static Datum
ty_i8tooid(fn_call *c)
{
	int64_t v = ARG_INT64(0);
	if (v < 0 || v > (int64_t)UINT32_MAX)
		ty_err_overflow("OID out of range");
	return ObjectIdGetDatum((Oid)v);
}

static Datum
ty_oid_int8(fn_call *c)
{
	return Int64GetDatum((int64_t)ARG_OID(0));
}

static Datum
ty_int4_bool(fn_call *c)
{
	return BoolGetDatum(ARG_INT32(0) != 0);
}

static Datum
ty_bool_int4(fn_call *c)
{
	return Int32GetDatum(ARG_BOOL(0) ? 1 : 0);
}

static Datum
ty_bool_text(fn_call *c)
{
	return ARG_BOOL(0) ? ret_text("true", 4) : ret_text("false", 5);
}

static Datum
ty_char_int4(fn_call *c)
{
	return Int32GetDatum((int8_t)ARG(0));
}

static Datum
ty_int4_char(fn_call *c)
{
	int32_t v = ARG_INT32(0);
	if (v < INT8_MIN || v > INT8_MAX)
		ty_err_overflow("\"char\" out of range");
	return (Datum)(int64_t)(int8_t)v;
}

static Datum
ty_char_text(fn_call *c)
{
	unsigned char ch = (unsigned char)(int8_t)ARG(0);
	char buf[5];
	if (ch & 0x80) {
		snprintf(buf, sizeof buf, "\\%03o", ch);
		return ret_text(buf, 4);
	}
	if (ch == 0)
		return ret_text("", 0);
	buf[0] = (char)ch;
	return ret_text(buf, 1);
}

static Datum
ty_char_bpchar(fn_call *c)
{
	return ty_char_text(c);
}

static Datum
ty_text_char(fn_call *c)
{
	const char *s = ty_vardata(ARG(0));
	int n = ty_varsize(ARG(0));
	unsigned char ch;
	if (n == 4 && s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
	    s[3] >= '0' && s[3] <= '7')
		ch = (unsigned char)(((s[1] - '0') << 6) | ((s[2] - '0') << 3) | (s[3] - '0'));
	else
		ch = n > 0 ? (unsigned char)s[0] : 0;
	return (Datum)(int64_t)(int8_t)ch;
}

static Datum
ty_int4_numeric(fn_call *c)
{
	return ty_numeric_from_int64(ARG_INT32(0));
}

static Datum
ty_int2_numeric(fn_call *c)
{
	return ty_numeric_from_int64(ARG_INT16(0));
}

static Datum
ty_int8_numeric(fn_call *c)
{
	return ty_numeric_from_int64(ARG_INT64(0));
}

/* ---- generate_series ---------------------------------------------------------------------------- */

typedef struct series_int {
	int64_t cur, stop, step;
} series_int;

static Datum
series_common(fn_call *c, bool is8)
{
	series_int *st = c->srf_state;
	if (c->srf_call == 0) {
		int64_t start = is8 ? ARG_INT64(0) : ARG_INT32(0);
		int64_t stop = is8 ? ARG_INT64(1) : ARG_INT32(1);
		int64_t step = c->nargs > 2 ? (is8 ? ARG_INT64(2) : ARG_INT32(2)) : 1;
		if (step == 0)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "step size cannot equal zero");
		st = mem_alloc(c->cache_ctx ? c->cache_ctx : mem_cur, sizeof *st);
		st->cur = start;
		st->stop = stop;
		st->step = step;
		c->srf_state = st;
	}
	if ((st->step > 0 && st->cur > st->stop) || (st->step < 0 && st->cur < st->stop)) {
		c->srf_done = true;
		return 0;
	}
	int64_t v = st->cur;
	int64_t next;
	if (__builtin_add_overflow(st->cur, st->step, &next) ||
	    (!is8 && (next > INT32_MAX || next < INT32_MIN))) {
		/* the last value: make the next call stop */
		st->step = st->step > 0 ? 1 : -1;
		st->cur = st->step > 0 ? INT64_MAX : INT64_MIN;
		st->stop = st->step > 0 ? INT64_MAX - 1 : INT64_MIN + 1;
	} else
		st->cur = next;
	return is8 ? Int64GetDatum(v) : Int32GetDatum((int32_t)v);
}

static Datum
generate_series_int4(fn_call *c)
{
	return series_common(c, false);
}

static Datum
generate_series_int8(fn_call *c)
{
	return series_common(c, true);
}

/* ---- the fragment ------------------------------------------------------------------------------- */

#define CMPDEFS(p, T1, T2, K)                                                                   \
	FOP(#p "eq", T1 "," T2, "bool", p##eq, FAST_EQ, K),                                     \
	FOP(#p "ne", T1 "," T2, "bool", p##ne, FAST_NE, K),                                     \
	FOP(#p "lt", T1 "," T2, "bool", p##lt, FAST_LT, K),                                     \
	FOP(#p "le", T1 "," T2, "bool", p##le, FAST_LE, K),                                     \
	FOP(#p "gt", T1 "," T2, "bool", p##gt, FAST_GT, K),                                     \
	FOP(#p "ge", T1 "," T2, "bool", p##ge, FAST_GE, K)
#define CMPOPS(p, T1, T2)                                                                       \
	{"=", T1, T2, #p "eq"}, {"<>", T1, T2, #p "ne"}, {"<", T1, T2, #p "lt"},                \
	{"<=", T1, T2, #p "le"}, {">", T1, T2, #p "gt"}, {">=", T1, T2, #p "ge"}
#define ARITHDEFS(p, T1, T2, R, K)                                                              \
	FOP(#p "pl", T1 "," T2, R, p##pl, FAST_ADD, K),                                         \
	FOP(#p "mi", T1 "," T2, R, p##mi, FAST_SUB, K),                                         \
	FOP(#p "mul", T1 "," T2, R, p##mul, FAST_MUL, K),                                       \
	FOP(#p "div", T1 "," T2, R, p##div, FAST_DIV, K)
#define ARITHOPS(p, T1, T2)                                                                     \
	{"+", T1, T2, #p "pl"}, {"-", T1, T2, #p "mi"}, {"*", T1, T2, #p "mul"}, {"/", T1, T2, #p "div"}
#define BITDEFS(p, T)                                                                           \
	F(#p "and", T "," T, T, p##and), F(#p "or", T "," T, T, p##or),                        \
	F(#p "xor", T "," T, T, p##xor), F(#p "not", T, T, p##not),                            \
	F(#p "shl", T ",int4", T, p##shl), F(#p "shr", T ",int4", T, p##shr)
#define BITOPDEFS(p, T)                                                                         \
	{"&", T, T, #p "and"}, {"|", T, T, #p "or"}, {"#", T, T, #p "xor"}, {"~", NULL, T, #p "not"}, \
	{"<<", T, "int4", #p "shl"}, {">>", T, "int4", #p "shr"}

static const ty_fndef fns[] = {
	ARITHDEFS(int2, "int2", "int2", "int2", FK_INT2),
	ARITHDEFS(int4, "int4", "int4", "int4", FK_INT4),
	ARITHDEFS(int8, "int8", "int8", "int8", FK_INT8),
	ARITHDEFS(int24, "int2", "int4", "int4", FK_NONE),
	ARITHDEFS(int42, "int4", "int2", "int4", FK_NONE),
	ARITHDEFS(int48, "int4", "int8", "int8", FK_NONE),
	ARITHDEFS(int84, "int8", "int4", "int8", FK_NONE),
	ARITHDEFS(int28, "int2", "int8", "int8", FK_NONE),
	ARITHDEFS(int82, "int8", "int2", "int8", FK_NONE),
	FOP("int2mod", "int2,int2", "int2", int2mod, FAST_MOD, FK_INT2),
	FOP("int4mod", "int4,int4", "int4", int4mod, FAST_MOD, FK_INT4),
	FOP("int8mod", "int8,int8", "int8", int8mod, FAST_MOD, FK_INT8),
	F("mod", "int2,int2", "int2", int2mod),
	F("mod", "int4,int4", "int4", int4mod),
	F("mod", "int8,int8", "int8", int8mod),
	F("int2um", "int2", "int2", int2um),
	F("int4um", "int4", "int4", int4um),
	F("int8um", "int8", "int8", int8um),
	{"int2up", "int2", "int2", FN_STRICT, int_up, "int2up", 0, 0, NULL, NULL},
	{"int4up", "int4", "int4", FN_STRICT, int_up, "int4up", 0, 0, NULL, NULL},
	{"int8up", "int8", "int8", FN_STRICT, int_up, "int8up", 0, 0, NULL, NULL},
	F("abs", "int2", "int2", int2abs),
	F("abs", "int4", "int4", int4abs),
	F("abs", "int8", "int8", int8abs),
	F("gcd", "int4,int4", "int4", int4gcd),
	F("gcd", "int8,int8", "int8", int8gcd),
	F("lcm", "int4,int4", "int4", int4lcm),
	F("lcm", "int8,int8", "int8", int8lcm),
	BITDEFS(int2, "int2"),
	BITDEFS(int4, "int4"),
	BITDEFS(int8, "int8"),
	CMPDEFS(int2, "int2", "int2", FK_INT2),
	CMPDEFS(int4, "int4", "int4", FK_INT4),
	CMPDEFS(int8, "int8", "int8", FK_INT8),
	CMPDEFS(int24, "int2", "int4", FK_NONE),
	CMPDEFS(int42, "int4", "int2", FK_NONE),
	CMPDEFS(int28, "int2", "int8", FK_NONE),
	CMPDEFS(int82, "int8", "int2", FK_NONE),
	CMPDEFS(int48, "int4", "int8", FK_NONE),
	CMPDEFS(int84, "int8", "int4", FK_NONE),
	CMPDEFS(oid, "oid", "oid", FK_NONE),
	CMPDEFS(bool, "bool", "bool", FK_BOOL),
	CMPDEFS(char, "\"char\"", "\"char\"", FK_NONE),
	F("btint2cmp", "int2,int2", "int4", int2cmp),
	F("btint4cmp", "int4,int4", "int4", int4cmp),
	F("btint8cmp", "int8,int8", "int4", int8cmp),
	F("btint24cmp", "int2,int4", "int4", int24cmp),
	F("btint42cmp", "int4,int2", "int4", int42cmp),
	F("btint28cmp", "int2,int8", "int4", int28cmp),
	F("btint82cmp", "int8,int2", "int4", int82cmp),
	F("btint48cmp", "int4,int8", "int4", int48cmp),
	F("btint84cmp", "int8,int4", "int4", int84cmp),
	F("btoidcmp", "oid,oid", "int4", oidcmp),
	F("btboolcmp", "bool,bool", "int4", boolcmp),
	F("btcharcmp", "\"char\",\"char\"", "int4", charcmp),
	F("xideq", "xid,xid", "bool", xideq),
	{"xidneq", "xid,xid", "bool", FN_STRICT, xidne, "xidneq", 0, 0, NULL, NULL},
	F("tideq", "tid,tid", "bool", tideq),
	F("tidne", "tid,tid", "bool", tidne),
	F("tidlt", "tid,tid", "bool", tidlt),
	F("tidgt", "tid,tid", "bool", tidgt),
	F("tidle", "tid,tid", "bool", tidle),
	F("tidge", "tid,tid", "bool", tidge),
	F("int2larger", "int2,int2", "int2", int2larger),
	F("int2smaller", "int2,int2", "int2", int2smaller),
	F("int4larger", "int4,int4", "int4", int4larger),
	F("int4smaller", "int4,int4", "int4", int4smaller),
	F("int8larger", "int8,int8", "int8", int8larger),
	F("int8smaller", "int8,int8", "int8", int8smaller),
	F("oidlarger", "oid,oid", "oid", oidlarger),
	F("oidsmaller", "oid,oid", "oid", oidsmaller),
	F("boollarger", "bool,bool", "bool", boollarger),
	F("boolsmaller", "bool,bool", "bool", boolsmaller),
	F("boolnot", "bool", "bool", boolnot),
	/* casts (named after the target type, as in PostgreSQL) */
	{"int4", "int2", "int4", FN_STRICT | FN_CAST, ty_int24, "ty_int24", 0, 0, NULL, NULL},
	{"int8", "int2", "int8", FN_STRICT | FN_CAST, ty_int28, "ty_int28", 0, 0, NULL, NULL},
	{"int8", "int4", "int8", FN_STRICT | FN_CAST, ty_int48, "ty_int48", 0, 0, NULL, NULL},
	{"int2", "int4", "int2", FN_STRICT | FN_CAST, ty_int42, "ty_int42", 0, 0, NULL, NULL},
	{"int2", "int8", "int2", FN_STRICT | FN_CAST, ty_int82, "ty_int82", 0, 0, NULL, NULL},
	{"int4", "int8", "int4", FN_STRICT | FN_CAST, ty_int84, "ty_int84", 0, 0, NULL, NULL},
	{"oid", "int8", "oid", FN_STRICT | FN_CAST, ty_i8tooid, "ty_i8tooid", 0, 0, NULL, NULL},
	{"int8", "oid", "int8", FN_STRICT | FN_CAST, ty_oid_int8, "ty_oid_int8", 0, 0, NULL, NULL},
	{"bool", "int4", "bool", FN_STRICT | FN_CAST, ty_int4_bool, "ty_int4_bool", 0, 0, NULL, NULL},
	{"int4", "bool", "int4", FN_STRICT | FN_CAST, ty_bool_int4, "ty_bool_int4", 0, 0, NULL, NULL},
	{"text", "bool", "text", FN_STRICT | FN_CAST, ty_bool_text, "ty_bool_text", 0, 0, NULL, NULL},
	{"int4", "\"char\"", "int4", FN_STRICT | FN_CAST, ty_char_int4, "ty_char_int4", 0, 0, NULL, NULL},
	{"char", "int4", "\"char\"", FN_STRICT | FN_CAST, ty_int4_char, "ty_int4_char", 0, 0, NULL, NULL},
	{"text", "\"char\"", "text", FN_STRICT | FN_CAST, ty_char_text, "ty_char_text", 0, 0, NULL, NULL},
	{"bpchar", "\"char\"", "bpchar", FN_STRICT | FN_CAST, ty_char_bpchar, "ty_char_bpchar", 0, 0, NULL, NULL},
	{"char", "text", "\"char\"", FN_STRICT | FN_CAST, ty_text_char, "ty_text_char", 0, 0, NULL, NULL},
	{"numeric", "int4", "numeric", FN_STRICT | FN_CAST, ty_int4_numeric, "ty_int4_numeric", 0, 0, NULL, NULL},
	{"numeric", "int2", "numeric", FN_STRICT | FN_CAST, ty_int2_numeric, "ty_int2_numeric", 0, 0, NULL, NULL},
	{"numeric", "int8", "numeric", FN_STRICT | FN_CAST, ty_int8_numeric, "ty_int8_numeric", 0, 0, NULL, NULL},
	{"generate_series", "int4,int4", "setof int4", FN_STRICT | FN_RETSET, generate_series_int4, "generate_series_int4", 0, 0, NULL, NULL},
	{"generate_series", "int4,int4,int4", "setof int4", FN_STRICT | FN_RETSET, generate_series_int4, "generate_series_step_int4", 0, 0, NULL, NULL},
	{"generate_series", "int8,int8", "setof int8", FN_STRICT | FN_RETSET, generate_series_int8, "generate_series_int8", 0, 0, NULL, NULL},
	{"generate_series", "int8,int8,int8", "setof int8", FN_STRICT | FN_RETSET, generate_series_int8, "generate_series_step_int8", 0, 0, NULL, NULL},
};

static const ty_opdef ops[] = {
	ARITHOPS(int2, "int2", "int2"),
	ARITHOPS(int4, "int4", "int4"),
	ARITHOPS(int8, "int8", "int8"),
	ARITHOPS(int24, "int2", "int4"),
	ARITHOPS(int42, "int4", "int2"),
	ARITHOPS(int48, "int4", "int8"),
	ARITHOPS(int84, "int8", "int4"),
	ARITHOPS(int28, "int2", "int8"),
	ARITHOPS(int82, "int8", "int2"),
	{"%", "int2", "int2", "int2mod"},
	{"%", "int4", "int4", "int4mod"},
	{"%", "int8", "int8", "int8mod"},
	{"-", NULL, "int2", "int2um"},
	{"-", NULL, "int4", "int4um"},
	{"-", NULL, "int8", "int8um"},
	{"+", NULL, "int2", "int2up"},
	{"+", NULL, "int4", "int4up"},
	{"+", NULL, "int8", "int8up"},
	{"@", NULL, "int2", "int2abs"},
	{"@", NULL, "int4", "int4abs"},
	{"@", NULL, "int8", "int8abs"},
	BITOPDEFS(int2, "int2"),
	BITOPDEFS(int4, "int4"),
	BITOPDEFS(int8, "int8"),
	CMPOPS(int2, "int2", "int2"),
	CMPOPS(int4, "int4", "int4"),
	CMPOPS(int8, "int8", "int8"),
	CMPOPS(int24, "int2", "int4"),
	CMPOPS(int42, "int4", "int2"),
	CMPOPS(int28, "int2", "int8"),
	CMPOPS(int82, "int8", "int2"),
	CMPOPS(int48, "int4", "int8"),
	CMPOPS(int84, "int8", "int4"),
	CMPOPS(oid, "oid", "oid"),
	CMPOPS(bool, "bool", "bool"),
	CMPOPS(char, "\"char\"", "\"char\""),
	{"=", "xid", "xid", "xideq"},
	{"<>", "xid", "xid", "xidneq"},
	{"=", "tid", "tid", "tideq"},
	{"<>", "tid", "tid", "tidne"},
	{"<", "tid", "tid", "tidlt"},
	{">", "tid", "tid", "tidgt"},
	{"<=", "tid", "tid", "tidle"},
	{">=", "tid", "tid", "tidge"},
};

const ty_fragment ty_frag_int = {fns, NELEM(fns), ops, NELEM(ops), NULL, 0};
