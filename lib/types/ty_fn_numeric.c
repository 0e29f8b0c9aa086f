/*
 * ty_fn_numeric.c — numeric operators, functions and casts (the arithmetic lives in
 * ty_numeric.c), generate_series over numerics.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "types/tynumeric.h"
#include "types/ty_catdef.h"

static Datum
numeric_add(fn_call *c)
{
	return ty_numeric_add(ARG(0), ARG(1));
}

static Datum
numeric_sub(fn_call *c)
{
	return ty_numeric_sub(ARG(0), ARG(1));
}

static Datum
numeric_mul(fn_call *c)
{
	return ty_numeric_mul(ARG(0), ARG(1));
}

static Datum
numeric_div(fn_call *c)
{
	return ty_numeric_div(ARG(0), ARG(1));
}

static Datum
numeric_mod(fn_call *c)
{
	return ty_numeric_mod(ARG(0), ARG(1));
}

static Datum
numeric_div_trunc(fn_call *c)
{
	return ty_numeric_div_trunc(ARG(0), ARG(1));
}

static Datum
numeric_uminus(fn_call *c)
{
	return ty_numeric_neg(ARG(0));
}

static Datum
numeric_uplus(fn_call *c)
{
	return ty_datum_copy(ty_get(NUMERICOID), ARG(0));
}

static Datum
numeric_abs(fn_call *c)
{
	return ty_numeric_abs(ARG(0));
}

#define NCMP(name, OP)                                                                            \
	static Datum name(fn_call *c) { return BoolGetDatum(ty_numeric_cmp(ARG(0), ARG(1)) OP 0); }
NCMP(numeric_eq, ==)
NCMP(numeric_ne, !=)
NCMP(numeric_lt, <)
NCMP(numeric_le, <=)
NCMP(numeric_gt, >)
NCMP(numeric_ge, >=)

static Datum
numeric_cmp(fn_call *c)
{
	return Int32GetDatum(ty_numeric_cmp(ARG(0), ARG(1)));
}

static Datum
numeric_larger(fn_call *c)
{
	return ty_numeric_cmp(ARG(0), ARG(1)) > 0 ? ARG(0) : ARG(1);
}

static Datum
numeric_smaller(fn_call *c)
{
	return ty_numeric_cmp(ARG(0), ARG(1)) < 0 ? ARG(0) : ARG(1);
}

static Datum
numeric_round(fn_call *c)
{
	return ty_numeric_round(ARG(0), c->nargs > 1 ? ARG_INT32(1) : 0);
}

static Datum
numeric_trunc(fn_call *c)
{
	return ty_numeric_trunc(ARG(0), c->nargs > 1 ? ARG_INT32(1) : 0);
}

static Datum
numeric_ceil(fn_call *c)
{
	return ty_numeric_ceil(ARG(0));
}

static Datum
numeric_floor(fn_call *c)
{
	return ty_numeric_floor(ARG(0));
}

static Datum
numeric_sign(fn_call *c)
{
	int s = ty_numeric_sign(ARG(0));
	if (s == 2)
		return ty_numeric_from_cstring("NaN");
	return ty_numeric_from_int64(s);
}

static Datum
numeric_sqrt(fn_call *c)
{
	return ty_numeric_sqrt(ARG(0));
}

static Datum
numeric_exp(fn_call *c)
{
	return ty_numeric_exp(ARG(0));
}

static Datum
numeric_ln(fn_call *c)
{
	return ty_numeric_ln(ARG(0));
}

static Datum
numeric_log10(fn_call *c)
{
	return ty_numeric_log(ty_numeric_from_int64(10), ARG(0));
}

static Datum
numeric_log(fn_call *c)
{
	return ty_numeric_log(ARG(0), ARG(1));
}

static Datum
numeric_power(fn_call *c)
{
	return ty_numeric_power(ARG(0), ARG(1));
}

static Datum
numeric_scale(fn_call *c)
{
	int s = ty_numeric_scale(ARG(0));
	if (s < 0)
		return fn_return_null(c);
	return Int32GetDatum(s);
}

/* smallest scale that represents the value exactly */
static Datum
numeric_min_scale(fn_call *c)
{
	if (ty_numeric_scale(ARG(0)) < 0)
		return fn_return_null(c);
	char *s = ty_numeric_to_cstring(ARG(0));
	char *dot = strchr(s, '.');
	if (!dot)
		return Int32GetDatum(0);
	int n = (int)strlen(dot + 1);
	while (n > 0 && dot[n] == '0')
		n--;
	return Int32GetDatum(n);
}

static Datum
numeric_trim_scale(fn_call *c)
{
	if (ty_numeric_scale(ARG(0)) < 0)
		return ty_datum_copy(ty_get(NUMERICOID), ARG(0));
	char *s = ty_numeric_to_cstring(ARG(0));
	char *dot = strchr(s, '.');
	if (dot) {
		int n = (int)strlen(s);
		while (n > 0 && s[n - 1] == '0')
			n--;
		if (s[n - 1] == '.')
			n--;
		s[n] = '\0';
	}
	return ty_numeric_from_cstring(s);
}

static Datum
numeric_fac(fn_call *c)
{
	int64_t n = ARG_INT64(0);
	if (n < 0)
		ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, "factorial of a negative number is undefined");
	if (n > 32177)
		ty_err_overflow("value overflows numeric format");
	Datum r = ty_numeric_from_int64(1);
	for (int64_t i = 2; i <= n; i++)
		r = ty_numeric_mul(r, ty_numeric_from_int64(i));
	return r;
}

static Datum
width_bucket_numeric(fn_call *c)
{
	Datum op = ARG(0), lo = ARG(1), hi = ARG(2);
	int32_t count = ARG_INT32(3);
	if (count <= 0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, "count must be greater than zero");
	if (ty_numeric_is_nan(op) || ty_numeric_is_nan(lo) || ty_numeric_is_nan(hi))
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
		         "operand, lower bound, and upper bound cannot be NaN");
	if (ty_numeric_is_inf(lo) || ty_numeric_is_inf(hi))
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
		         "lower and upper bounds must be finite");
	int cmp = ty_numeric_cmp(lo, hi);
	if (cmp == 0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
		         "lower bound cannot equal upper bound");
	Datum cnt = ty_numeric_from_int64(count);
	int64_t r;
	if (cmp < 0) {
		if (ty_numeric_cmp(op, lo) < 0)
			return Int32GetDatum(0);
		if (ty_numeric_cmp(op, hi) >= 0) {
			if (count == INT32_MAX)
				ty_err_overflow("integer out of range");
			return Int32GetDatum(count + 1);
		}
		/* (op - lo) * count / (hi - lo), truncated, + 1 */
		Datum num = ty_numeric_mul(ty_numeric_sub(op, lo), cnt);
		r = ty_numeric_to_int64(ty_numeric_div_trunc(num, ty_numeric_sub(hi, lo)));
	} else {
		if (ty_numeric_cmp(op, lo) > 0)
			return Int32GetDatum(0);
		if (ty_numeric_cmp(op, hi) <= 0) {
			if (count == INT32_MAX)
				ty_err_overflow("integer out of range");
			return Int32GetDatum(count + 1);
		}
		Datum num = ty_numeric_mul(ty_numeric_sub(lo, op), cnt);
		r = ty_numeric_to_int64(ty_numeric_div_trunc(num, ty_numeric_sub(lo, hi)));
	}
	if (r >= count)
		r = count - 1;
	return Int32GetDatum((int32_t)(r + 1));
}

static Datum
numeric_gcd(fn_call *c)
{
	Datum a = ty_numeric_abs(ARG(0)), b = ty_numeric_abs(ARG(1));
	if (ty_numeric_is_nan(a) || ty_numeric_is_nan(b) || ty_numeric_is_inf(a) || ty_numeric_is_inf(b))
		return ty_numeric_from_cstring("NaN");
	int sa = ty_numeric_scale(a), sb = ty_numeric_scale(b);
	int rs = sa > sb ? sa : sb;
	while (ty_numeric_sign(b) != 0) {
		Datum t = ty_numeric_mod(a, b);
		a = b;
		b = t;
	}
	return ty_numeric_round(a, rs);
}

/* ---- casts -------------------------------------------------------------------------------------- */

static Datum
ty_numeric_int4(fn_call *c)
{
	return Int32GetDatum(ty_numeric_to_int32(ARG(0)));
}

static Datum
ty_numeric_int2(fn_call *c)
{
	return Int16GetDatum(ty_numeric_to_int16(ARG(0)));
}

static Datum
ty_numeric_int8(fn_call *c)
{
	return Int64GetDatum(ty_numeric_to_int64(ARG(0)));
}

static Datum
ty_numeric_float8(fn_call *c)
{
	return Float8GetDatum(ty_numeric_to_double(ARG(0)));
}

static Datum
ty_numeric_float4(fn_call *c)
{
	char *s = ty_numeric_to_cstring(ARG(0));
	return ty_float4_in(s, FLOAT4OID, -1);
}

static Datum
ty_numeric_typmod(fn_call *c)
{
	return ty_numeric_apply_typmod(ARG(0), ARG_INT32(1));
}

/* ---- generate_series(numeric, numeric [, numeric]) ------------------------------------------------ */

typedef struct series_num {
	Datum cur, stop, step;
	int dir;
} series_num;

static Datum
generate_series_numeric(fn_call *c)
{
	series_num *st = c->srf_state;
	if (c->srf_call == 0) {
		Datum start = ARG(0), stop = ARG(1);
		Datum step = c->nargs > 2 ? ARG(2) : ty_numeric_from_int64(1);
		if (ty_numeric_is_nan(start))
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "start value cannot be NaN");
		if (ty_numeric_is_inf(start))
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "start value cannot be infinity");
		if (ty_numeric_is_nan(stop))
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "stop value cannot be NaN");
		if (ty_numeric_is_inf(stop))
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "stop value cannot be infinity");
		if (ty_numeric_is_nan(step))
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "step size cannot be NaN");
		if (ty_numeric_is_inf(step))
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "step size cannot be infinity");
		int dir = ty_numeric_sign(step);
		if (dir == 0)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "step size cannot equal zero");
		mem_ctx *old = mem_switch(c->cache_ctx ? c->cache_ctx : mem_cur);
		st = palloc(sizeof *st);
		st->cur = ty_datum_copy(ty_get(NUMERICOID), start);
		st->stop = ty_datum_copy(ty_get(NUMERICOID), stop);
		st->step = ty_datum_copy(ty_get(NUMERICOID), step);
		st->dir = dir;
		mem_switch(old);
		c->srf_state = st;
	}
	int cmp = ty_numeric_cmp(st->cur, st->stop);
	if ((st->dir > 0 && cmp > 0) || (st->dir < 0 && cmp < 0)) {
		c->srf_done = true;
		return 0;
	}
	Datum v = ty_datum_copy(ty_get(NUMERICOID), st->cur);
	mem_ctx *old = mem_switch(c->cache_ctx ? c->cache_ctx : mem_cur);
	st->cur = ty_numeric_add(st->cur, st->step);
	mem_switch(old);
	return v;
}

#define CASTF(name, args, ret, impl) {name, args, ret, FN_STRICT | FN_CAST, impl, #impl, 0, 0, NULL, NULL}

static const ty_fndef fns[] = {
	FOP("numeric_add", "numeric,numeric", "numeric", numeric_add, FAST_ADD, FK_NUMERIC),
	FOP("numeric_sub", "numeric,numeric", "numeric", numeric_sub, FAST_SUB, FK_NUMERIC),
	FOP("numeric_mul", "numeric,numeric", "numeric", numeric_mul, FAST_MUL, FK_NUMERIC),
	FOP("numeric_div", "numeric,numeric", "numeric", numeric_div, FAST_DIV, FK_NUMERIC),
	FOP("numeric_mod", "numeric,numeric", "numeric", numeric_mod, FAST_MOD, FK_NUMERIC),
	{"mod", "numeric,numeric", "numeric", FN_STRICT, numeric_mod, "numeric_mod_sql", 0, 0, NULL, NULL},
	{"div", "numeric,numeric", "numeric", FN_STRICT, numeric_div_trunc, "numeric_div_trunc", 0, 0, NULL, NULL},
	F("numeric_uminus", "numeric", "numeric", numeric_uminus),
	F("numeric_uplus", "numeric", "numeric", numeric_uplus),
	F("numeric_abs", "numeric", "numeric", numeric_abs),
	{"abs", "numeric", "numeric", FN_STRICT, numeric_abs, "numeric_abs_sql", 0, 0, NULL, NULL},
	FOP("numeric_eq", "numeric,numeric", "bool", numeric_eq, FAST_EQ, FK_NUMERIC),
	FOP("numeric_ne", "numeric,numeric", "bool", numeric_ne, FAST_NE, FK_NUMERIC),
	FOP("numeric_lt", "numeric,numeric", "bool", numeric_lt, FAST_LT, FK_NUMERIC),
	FOP("numeric_le", "numeric,numeric", "bool", numeric_le, FAST_LE, FK_NUMERIC),
	FOP("numeric_gt", "numeric,numeric", "bool", numeric_gt, FAST_GT, FK_NUMERIC),
	FOP("numeric_ge", "numeric,numeric", "bool", numeric_ge, FAST_GE, FK_NUMERIC),
	F("numeric_cmp", "numeric,numeric", "int4", numeric_cmp),
	F("numeric_larger", "numeric,numeric", "numeric", numeric_larger),
	F("numeric_smaller", "numeric,numeric", "numeric", numeric_smaller),
	F("round", "numeric", "numeric", numeric_round),
	{"round", "numeric,int4", "numeric", FN_STRICT, numeric_round, "numeric_round2", 0, 0, NULL, NULL},
	F("trunc", "numeric", "numeric", numeric_trunc),
	{"trunc", "numeric,int4", "numeric", FN_STRICT, numeric_trunc, "numeric_trunc2", 0, 0, NULL, NULL},
	F("ceil", "numeric", "numeric", numeric_ceil),
	{"ceiling", "numeric", "numeric", FN_STRICT, numeric_ceil, "numeric_ceiling", 0, 0, NULL, NULL},
	F("floor", "numeric", "numeric", numeric_floor),
	F("sign", "numeric", "numeric", numeric_sign),
	F("sqrt", "numeric", "numeric", numeric_sqrt),
	F("exp", "numeric", "numeric", numeric_exp),
	F("ln", "numeric", "numeric", numeric_ln),
	F("log", "numeric", "numeric", numeric_log10),
	{"log10", "numeric", "numeric", FN_STRICT, numeric_log10, "numeric_log10_sql", 0, 0, NULL, NULL},
	F("log", "numeric,numeric", "numeric", numeric_log),
	F("power", "numeric,numeric", "numeric", numeric_power),
	{"pow", "numeric,numeric", "numeric", FN_STRICT, numeric_power, "numeric_pow_sql", 0, 0, NULL, NULL},
	F("scale", "numeric", "int4", numeric_scale),
	F("min_scale", "numeric", "int4", numeric_min_scale),
	F("trim_scale", "numeric", "numeric", numeric_trim_scale),
	F("factorial", "int8", "numeric", numeric_fac),
	F("gcd", "numeric,numeric", "numeric", numeric_gcd),
	F("width_bucket", "numeric,numeric,numeric,int4", "int4", width_bucket_numeric),
	CASTF("int4", "numeric", "int4", ty_numeric_int4),
	CASTF("int2", "numeric", "int2", ty_numeric_int2),
	CASTF("int8", "numeric", "int8", ty_numeric_int8),
	CASTF("float8", "numeric", "float8", ty_numeric_float8),
	CASTF("float4", "numeric", "float4", ty_numeric_float4),
	CASTF("numeric", "numeric,int4", "numeric", ty_numeric_typmod),
	{"generate_series", "numeric,numeric", "setof numeric", FN_STRICT | FN_RETSET, generate_series_numeric, "generate_series_numeric", 0, 0, NULL, NULL},
	{"generate_series", "numeric,numeric,numeric", "setof numeric", FN_STRICT | FN_RETSET, generate_series_numeric, "generate_series_step_numeric", 0, 0, NULL, NULL},
};

static const ty_opdef ops[] = {
	{"+", "numeric", "numeric", "numeric_add"},
	{"-", "numeric", "numeric", "numeric_sub"},
	{"*", "numeric", "numeric", "numeric_mul"},
	{"/", "numeric", "numeric", "numeric_div"},
	{"%", "numeric", "numeric", "numeric_mod"},
	{"^", "numeric", "numeric", "numeric_power"},
	{"-", NULL, "numeric", "numeric_uminus"},
	{"+", NULL, "numeric", "numeric_uplus"},
	{"@", NULL, "numeric", "numeric_abs"},
	{"=", "numeric", "numeric", "numeric_eq"},
	{"<>", "numeric", "numeric", "numeric_ne"},
	{"<", "numeric", "numeric", "numeric_lt"},
	{"<=", "numeric", "numeric", "numeric_le"},
	{">", "numeric", "numeric", "numeric_gt"},
	{">=", "numeric", "numeric", "numeric_ge"},
};

const ty_fragment ty_frag_numeric = {fns, NELEM(fns), ops, NELEM(ops), NULL, 0};
