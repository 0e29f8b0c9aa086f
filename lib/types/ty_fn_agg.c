/*
 * ty_fn_agg.c — aggregate definitions (count, sum, avg, min, max, bool_and/bool_or/every,
 * string_agg, array_agg, json_agg, bit_and/bit_or, variance and stddev) with their
 * transition/final/combine functions, and the window functions (row_number, rank,
 * dense_rank, percent_rank, cume_dist, ntile, lag, lead, first_value, last_value,
 * nth_value) written against the executor's ty_winobj interface (fn.h).
 *
 * Transition functions with an "internal" state allocate it in c->agg_ctx (the group's
 * lifetime) and are not strict: they see a NULL state on the first row of a group.
 */
#include <math.h>
#include <stdio.h>

#include "types/tyarray.h"
#include "types/tydatetime.h"
#include "types/tyjson.h"
#include "types/tynumeric.h"
#include "types/ty_catdef.h"

void ty_interval_add(const Interval *a, const Interval *b, Interval *r);
void ty_interval_div(const Interval *a, double f, Interval *r);

static mem_ctx *
aggctx(fn_call *c)
{
	return c->agg_ctx ? c->agg_ctx : mem_cur;
}

static void *
agg_alloc(fn_call *c, size_t n)
{
	return mem_zalloc(aggctx(c), n);
}

/* ---- count -------------------------------------------------------------------------------------- */

static Datum
int8inc(fn_call *c)
{
	return Int64GetDatum(ty_int8_add(ARG_INT64(0), 1));
}

static Datum
int8inc_any(fn_call *c)
{
	return Int64GetDatum(ty_int8_add(ARG_INT64(0), 1));
}

static Datum
int8pl_combine(fn_call *c)
{
	return Int64GetDatum(ty_int8_add(ARG_INT64(0), ARG_INT64(1)));
}

/* ---- sum / avg over integers ------------------------------------------------------------------- */

/* sum(int2), sum(int4) -> int8: the state is the running int8 sum (NULL until a value) */
static Datum
int4_sum(fn_call *c)
{
	if (ARG_ISNULL(0)) {
		if (ARG_ISNULL(1))
			return fn_return_null(c);
		return Int64GetDatum(ARGTYPE(1) == INT2OID ? ARG_INT16(1) : ARG_INT32(1));
	}
	if (ARG_ISNULL(1))
		return ARG(0);
	int64_t v = ARGTYPE(1) == INT2OID ? ARG_INT16(1) : ARG_INT32(1);
	return Int64GetDatum(ty_int8_add(ARG_INT64(0), v));
}

static Datum
int2_sum(fn_call *c)
{
	if (ARG_ISNULL(0)) {
		if (ARG_ISNULL(1))
			return fn_return_null(c);
		return Int64GetDatum(ARG_INT16(1));
	}
	if (ARG_ISNULL(1))
		return ARG(0);
	return Int64GetDatum(ty_int8_add(ARG_INT64(0), ARG_INT16(1)));
}

static Datum
int8_sum_combine(fn_call *c)
{
	if (ARG_ISNULL(0))
		return ARG_ISNULL(1) ? fn_return_null(c) : ARG(1);
	if (ARG_ISNULL(1))
		return ARG(0);
	return Int64GetDatum(ty_int8_add(ARG_INT64(0), ARG_INT64(1)));
}

/* internal numeric accumulator (sum(int8), sum/avg(numeric), avg(int), variance) */
static ty_numacc *
acc_state(fn_call *c)
{
	if (!ARG_ISNULL(0))
		return (ty_numacc *)ARG_PTR(0);
	mem_ctx *old = mem_switch(aggctx(c));
	ty_numacc *a = ty_numacc_new();
	mem_switch(old);
	return a;
}

static Datum
int_avg_accum(fn_call *c)
{
	ty_numacc *a = acc_state(c);
	if (!ARG_ISNULL(1)) {
		Oid t = ARGTYPE(1);
		int64_t v = t == INT2OID ? ARG_INT16(1) : t == INT4OID ? ARG_INT32(1) : ARG_INT64(1);
		ty_numacc_add_int64(a, v);
	}
	return PointerGetDatum(a);
}

static Datum
numeric_avg_accum(fn_call *c)
{
	ty_numacc *a = acc_state(c);
	if (!ARG_ISNULL(1))
		ty_numacc_add(a, ARG(1));
	return PointerGetDatum(a);
}

static Datum
numeric_acc_combine(fn_call *c)
{
	if (ARG_ISNULL(1))
		return ARG_ISNULL(0) ? fn_return_null(c) : ARG(0);
	ty_numacc *a = acc_state(c);
	ty_numacc_combine(a, (ty_numacc *)ARG_PTR(1));
	return PointerGetDatum(a);
}

static Datum
numeric_sum_final(fn_call *c)
{
	if (ARG_ISNULL(0) || ty_numacc_count((ty_numacc *)ARG_PTR(0)) == 0)
		return fn_return_null(c);
	return ty_numacc_sum((ty_numacc *)ARG_PTR(0));
}

static Datum
numeric_avg_final(fn_call *c)
{
	if (ARG_ISNULL(0) || ty_numacc_count((ty_numacc *)ARG_PTR(0)) == 0)
		return fn_return_null(c);
	return ty_numacc_avg((ty_numacc *)ARG_PTR(0));
}

#define VARFINAL(name, samp, sd)                                                                 \
	static Datum name(fn_call *c)                                                                \
	{                                                                                            \
		if (ARG_ISNULL(0))                                                                       \
			return fn_return_null(c);                                                            \
		bool isnull;                                                                             \
		Datum r = ty_numacc_variance((ty_numacc *)ARG_PTR(0), samp, sd, &isnull);               \
		return isnull ? fn_return_null(c) : r;                                                   \
	}
VARFINAL(numeric_var_samp, true, false)
VARFINAL(numeric_var_pop, false, false)
VARFINAL(numeric_stddev_samp, true, true)
VARFINAL(numeric_stddev_pop, false, true)

/* ---- float sum/avg/variance (PostgreSQL's float8_accum with the Youngs-Cramer update) ------------- */

typedef struct f8acc {
	double n, sx, sxx;
} f8acc;

static Datum
float8_accum(fn_call *c)
{
	f8acc *a;
	if (ARG_ISNULL(0))
		a = agg_alloc(c, sizeof *a);
	else
		a = (f8acc *)ARG_PTR(0);
	if (!ARG_ISNULL(1)) {
		double x = ARGTYPE(1) == FLOAT4OID ? (double)ARG_FLOAT4(1) : ARG_FLOAT8(1);
		double n = a->n + 1.0, sx = a->sx + x, sxx = a->sxx;
		if (a->n > 0.0) {
			double tmp = x * n - sx;
			sxx += tmp * tmp / (n * a->n);
			if (isinf(sx) || isinf(sxx)) {
				if (!isinf(a->sx) && !isinf(x))
					ty_float_overflow();
				sxx = NAN;
			}
		} else if (isnan(x) || isinf(x))
			sxx = NAN;
		a->n = n;
		a->sx = sx;
		a->sxx = sxx;
	}
	return PointerGetDatum(a);
}

static Datum
float8_avg(fn_call *c)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	f8acc *a = (f8acc *)ARG_PTR(0);
	if (a->n == 0.0)
		return fn_return_null(c);
	return Float8GetDatum(a->sx / a->n);
}

#define F8VAR(name, minn, denom, sq)                                                              \
	static Datum name(fn_call *c)                                                                 \
	{                                                                                             \
		if (ARG_ISNULL(0))                                                                        \
			return fn_return_null(c);                                                             \
		f8acc *a = (f8acc *)ARG_PTR(0);                                                           \
		if (a->n < minn)                                                                          \
			return fn_return_null(c);                                                             \
		double v = a->sxx / (denom);                                                              \
		return Float8GetDatum(sq ? sqrt(v) : v);                                                  \
	}
F8VAR(float8_var_samp, 2.0, a->n - 1.0, false)
F8VAR(float8_var_pop, 1.0, a->n, false)
F8VAR(float8_stddev_samp, 2.0, a->n - 1.0, true)
F8VAR(float8_stddev_pop, 1.0, a->n, true)

/* sum(float4)/sum(float8) use float4pl/float8pl (strict; the first value seeds the state) */
static Datum
float8pl_agg(fn_call *c)
{
	return Float8GetDatum(ty_float8_add(ARG_FLOAT8(0), ARG_FLOAT8(1)));
}

static Datum
float4pl_agg(fn_call *c)
{
	float a = ARG_FLOAT4(0), b = ARG_FLOAT4(1), r = a + b;
	if (isinf(r) && !isinf(a) && !isinf(b))
		ty_float_overflow();
	return Float4GetDatum(r);
}

/* ---- interval sum / avg ----------------------------------------------------------------------- */

static Datum
interval_pl_agg(fn_call *c)
{
	Interval a, b, r;
	ty_interval_get(ARG(0), &a);
	ty_interval_get(ARG(1), &b);
	ty_interval_add(&a, &b, &r);
	mem_ctx *old = mem_switch(aggctx(c));
	Datum d = ty_interval_datum(&r);
	mem_switch(old);
	return d;
}

typedef struct ivacc {
	Interval sum;
	int64_t n;
} ivacc;

static Datum
interval_avg_accum(fn_call *c)
{
	ivacc *a = ARG_ISNULL(0) ? agg_alloc(c, sizeof(ivacc)) : (ivacc *)ARG_PTR(0);
	if (!ARG_ISNULL(1)) {
		Interval x, r;
		ty_interval_get(ARG(1), &x);
		ty_interval_add(&a->sum, &x, &r);
		a->sum = r;
		a->n++;
	}
	return PointerGetDatum(a);
}

static Datum
interval_avg(fn_call *c)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	ivacc *a = (ivacc *)ARG_PTR(0);
	if (a->n == 0)
		return fn_return_null(c);
	Interval r;
	ty_interval_div(&a->sum, (double)a->n, &r);
	return ty_interval_datum(&r);
}

/* ---- min / max: the state is a copy of the current extreme -------------------------------------- */

static Datum
keep_extreme(fn_call *c, bool max)
{
	Oid t = ARGTYPE(1) ? ARGTYPE(1) : ARGTYPE(0);
	const ty_type *ty = ty_must(t);
	int r = ty->cmp(ARG(1), ARG(0));
	if ((max && r > 0) || (!max && r < 0)) {
		if (ty->byval)
			return ARG(1);
		mem_ctx *old = mem_switch(aggctx(c));
		Datum d = ty_datum_copy(ty, ARG(1));
		mem_switch(old);
		return d;
	}
	return ARG(0);
}

static Datum
agg_larger(fn_call *c)
{
	return keep_extreme(c, true);
}

static Datum
agg_smaller(fn_call *c)
{
	return keep_extreme(c, false);
}

/* ---- bool_and / bool_or ------------------------------------------------------------------------- */

static Datum
booland_statefunc(fn_call *c)
{
	return BoolGetDatum(ARG_BOOL(0) && ARG_BOOL(1));
}

static Datum
boolor_statefunc(fn_call *c)
{
	return BoolGetDatum(ARG_BOOL(0) || ARG_BOOL(1));
}

/* ---- bit_and / bit_or -------------------------------------------------------------------------- */

static Datum
bit_and_agg(fn_call *c)
{
	switch (ARGTYPE(1)) {
	case INT2OID:
		return Int16GetDatum((int16_t)(ARG_INT16(0) & ARG_INT16(1)));
	case INT4OID:
		return Int32GetDatum(ARG_INT32(0) & ARG_INT32(1));
	default:
		return Int64GetDatum(ARG_INT64(0) & ARG_INT64(1));
	}
}

static Datum
bit_or_agg(fn_call *c)
{
	switch (ARGTYPE(1)) {
	case INT2OID:
		return Int16GetDatum((int16_t)(ARG_INT16(0) | ARG_INT16(1)));
	case INT4OID:
		return Int32GetDatum(ARG_INT32(0) | ARG_INT32(1));
	default:
		return Int64GetDatum(ARG_INT64(0) | ARG_INT64(1));
	}
}

/* ---- string_agg ------------------------------------------------------------------------------ */

typedef struct stragg {
	ty_buf b;
	bool any;
} stragg;

static Datum
string_agg_transfn(fn_call *c)
{
	stragg *s = ARG_ISNULL(0) ? NULL : (stragg *)ARG_PTR(0);
	if (ARG_ISNULL(1))
		return s ? PointerGetDatum(s) : fn_return_null(c);
	if (!s) {
		mem_ctx *old = mem_switch(aggctx(c));
		s = palloc0(sizeof *s);
		ty_buf_init(&s->b, 256);
		mem_switch(old);
	}
	if (s->any && !ARG_ISNULL(2))
		ty_buf_append(&s->b, ty_vardata(ARG(2)), ty_varsize(ARG(2)));
	ty_buf_append(&s->b, ty_vardata(ARG(1)), ty_varsize(ARG(1)));
	s->any = true;
	return PointerGetDatum(s);
}

static Datum
string_agg_finalfn(fn_call *c)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	stragg *s = (stragg *)ARG_PTR(0);
	return ret_text(s->b.data, s->b.len);
}

/* ---- array_agg / json_agg ---------------------------------------------------------------------- */

typedef struct arragg {
	Oid elem;
	int n, cap;
	Datum *vals;
	bool *nulls;
} arragg;

static Datum
array_agg_transfn(fn_call *c)
{
	arragg *a = ARG_ISNULL(0) ? NULL : (arragg *)ARG_PTR(0);
	mem_ctx *old = mem_switch(aggctx(c));
	if (!a) {
		a = palloc0(sizeof *a);
		a->elem = ARGTYPE(1);
		a->cap = 16;
		a->vals = palloc(sizeof(Datum) * (size_t)a->cap);
		a->nulls = palloc(sizeof(bool) * (size_t)a->cap);
	}
	if (a->n == a->cap) {
		a->cap *= 2;
		a->vals = repalloc(a->vals, sizeof(Datum) * (size_t)a->cap);
		a->nulls = repalloc(a->nulls, sizeof(bool) * (size_t)a->cap);
	}
	a->nulls[a->n] = ARG_ISNULL(1);
	a->vals[a->n] = ARG_ISNULL(1) ? 0 : ty_datum_copy(ty_must(a->elem), ARG(1));
	a->n++;
	mem_switch(old);
	return PointerGetDatum(a);
}

static Datum
array_agg_finalfn(fn_call *c)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	arragg *a = (arragg *)ARG_PTR(0);
	Oid elem = a->elem;
	if (c->rettype && ty_elem_of(c->rettype))
		elem = ty_elem_of(c->rettype);
	return ty_array_build(elem, a->n, a->vals, a->nulls);
}

static Datum
json_agg_final_common(fn_call *c, bool jsonb)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	arragg *a = (arragg *)ARG_PTR(0);
	ty_buf b;
	ty_buf_init(&b, 64);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	ty_buf_putc(&b, '[');
	for (int i = 0; i < a->n; i++) {
		if (i)
			ty_buf_puts(&b, ", ");
		if (a->nulls[i])
			ty_buf_puts(&b, "null");
		else
			ty_json_append_value(&b, a->vals[i], a->elem, jsonb);
	}
	ty_buf_putc(&b, ']');
	if (jsonb)
		return ty_jsonb_from_text(b.data + VARHDRSZ, b.len - VARHDRSZ);
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

static Datum
json_agg_finalfn(fn_call *c)
{
	return json_agg_final_common(c, false);
}

static Datum
jsonb_agg_finalfn(fn_call *c)
{
	return json_agg_final_common(c, true);
}

/* ---- window functions ------------------------------------------------------------------------ */

typedef struct rank_state {
	int64_t pos;       /* last row computed */
	int64_t rank;
	int64_t dense;
} rank_state;

static const ty_winapi *
wapi(fn_call *c)
{
	if (!c->win || !c->win->api)
		ph_internal("window function called without a window");
	return c->win->api;
}

static rank_state *
rank_update(fn_call *c)
{
	const ty_winapi *w = wapi(c);
	int64_t pos = w->current_pos(c->win);
	rank_state *s = c->win->fnstate;
	if (!s || pos == 0 || pos != s->pos + 1) {
		if (!s) {
			s = agg_alloc(c, sizeof *s);
			c->win->fnstate = s;
		}
		if (pos == 0 || s->pos < 0) {
			s->rank = 1;
			s->dense = 1;
		} else {
			/* not sequential: recompute by scanning back */
			int64_t p = pos, groups = 1;
			while (p > 0 && w->rows_are_peers(c->win, p - 1, p))
				p--;
			s->rank = p + 1;
			for (int64_t q = 1; q <= p; q++)
				if (!w->rows_are_peers(c->win, q - 1, q))
					groups++;
			s->dense = groups;
		}
		s->pos = pos;
		return s;
	}
	if (!w->rows_are_peers(c->win, pos - 1, pos)) {
		s->rank = pos + 1;
		s->dense++;
	}
	s->pos = pos;
	return s;
}

static Datum
window_row_number(fn_call *c)
{
	return Int64GetDatum(wapi(c)->current_pos(c->win) + 1);
}

static Datum
window_rank(fn_call *c)
{
	return Int64GetDatum(rank_update(c)->rank);
}

static Datum
window_dense_rank(fn_call *c)
{
	return Int64GetDatum(rank_update(c)->dense);
}

static Datum
window_percent_rank(fn_call *c)
{
	int64_t total = wapi(c)->partition_rows(c->win);
	int64_t rank = rank_update(c)->rank;
	if (total <= 1)
		return Float8GetDatum(0.0);
	return Float8GetDatum((double)(rank - 1) / (double)(total - 1));
}

static Datum
window_cume_dist(fn_call *c)
{
	const ty_winapi *w = wapi(c);
	int64_t total = w->partition_rows(c->win);
	int64_t pos = w->current_pos(c->win);
	int64_t last = pos;
	while (last + 1 < total && w->rows_are_peers(c->win, pos, last + 1))
		last++;
	return Float8GetDatum((double)(last + 1) / (double)total);
}

static Datum
window_ntile(fn_call *c)
{
	const ty_winapi *w = wapi(c);
	bool isnull;
	Datum nb = w->arg_current(c->win, 0, &isnull);
	if (isnull)
		return fn_return_null(c);
	int32_t n = DatumGetInt32(nb);
	if (n <= 0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_NTILE, "argument of ntile must be greater than zero");
	int64_t total = w->partition_rows(c->win), i = w->current_pos(c->win);
	int64_t q = total / n, r = total % n;
	int64_t bucket;
	if (i < r * (q + 1))
		bucket = i / (q + 1) + 1;
	else
		bucket = r + (i - r * (q + 1)) / (q > 0 ? q : 1) + 1;
	return Int32GetDatum((int32_t)bucket);
}

static Datum
lead_lag(fn_call *c, bool lag)
{
	const ty_winapi *w = wapi(c);
	int64_t offset = 1;
	bool isnull, isout;
	if (c->nargs > 1) {
		Datum o = w->arg_current(c->win, 1, &isnull);
		if (isnull)
			return fn_return_null(c);
		offset = DatumGetInt32(o);
	}
	Datum v = w->arg_in_partition(c->win, 0, lag ? -offset : offset, WIN_SEEK_CURRENT, &isnull, &isout);
	if (isout) {
		if (c->nargs > 2) {
			v = w->arg_current(c->win, 2, &isnull);
			c->isnull = isnull;
			return v;
		}
		return fn_return_null(c);
	}
	c->isnull = isnull;
	return v;
}

static Datum
window_lag(fn_call *c)
{
	return lead_lag(c, true);
}

static Datum
window_lead(fn_call *c)
{
	return lead_lag(c, false);
}

static Datum
window_first_value(fn_call *c)
{
	bool isnull, isout;
	Datum v = wapi(c)->arg_in_frame(c->win, 0, 0, WIN_SEEK_HEAD, &isnull, &isout);
	c->isnull = isnull || isout;
	return v;
}

static Datum
window_last_value(fn_call *c)
{
	bool isnull, isout;
	Datum v = wapi(c)->arg_in_frame(c->win, 0, 0, WIN_SEEK_TAIL, &isnull, &isout);
	c->isnull = isnull || isout;
	return v;
}

static Datum
window_nth_value(fn_call *c)
{
	const ty_winapi *w = wapi(c);
	bool isnull, isout;
	Datum nd = w->arg_current(c->win, 1, &isnull);
	if (isnull)
		return fn_return_null(c);
	int32_t n = DatumGetInt32(nd);
	if (n <= 0)
		ph_error(ERRCODE_INVALID_ARGUMENT_FOR_NTH_VALUE, "argument of nth_value must be greater than zero");
	Datum v = w->arg_in_frame(c->win, 0, n - 1, WIN_SEEK_HEAD, &isnull, &isout);
	c->isnull = isnull || isout;
	return v;
}

/* ---- the fragment ----------------------------------------------------------------------------- */

#define NS(name, args, ret, impl) {name, args, ret, FN_NOSQL, impl, #impl, 0, 0, NULL, NULL}
#define NSS(name, args, ret, impl) {name, args, ret, FN_NOSQL | FN_STRICT, impl, #impl, 0, 0, NULL, NULL}
#define NSA(name, args, ret, impl, src) {name, args, ret, FN_NOSQL | FN_STRICT, impl, src, 0, 0, NULL, NULL}
#define WIN(name, args, ret, impl) {name, args, ret, FN_WINDOW, impl, #impl, 0, 0, NULL, NULL}

static const ty_fndef fns[] = {
	NSS("int8inc", "int8", "int8", int8inc),
	NSS("int8inc_any", "int8,any", "int8", int8inc_any),
	NSS("int8pl_combine", "int8,int8", "int8", int8pl_combine),
	NS("int4_sum", "int8,int4", "int8", int4_sum),
	NS("int2_sum", "int8,int2", "int8", int2_sum),
	NS("int8_sum_combine", "int8,int8", "int8", int8_sum_combine),
	{"int2_avg_accum", "internal,int2", "internal", FN_NOSQL, int_avg_accum, "int2_avg_accum", 0, 0, NULL, NULL},
	{"int4_avg_accum", "internal,int4", "internal", FN_NOSQL, int_avg_accum, "int4_avg_accum", 0, 0, NULL, NULL},
	{"int8_avg_accum", "internal,int8", "internal", FN_NOSQL, int_avg_accum, "int8_avg_accum", 0, 0, NULL, NULL},
	NS("numeric_avg_accum", "internal,numeric", "internal", numeric_avg_accum),
	NS("numeric_acc_combine", "internal,internal", "internal", numeric_acc_combine),
	NS("numeric_sum_final", "internal", "numeric", numeric_sum_final),
	NS("numeric_avg_final", "internal", "numeric", numeric_avg_final),
	NS("numeric_var_samp", "internal", "numeric", numeric_var_samp),
	NS("numeric_var_pop", "internal", "numeric", numeric_var_pop),
	NS("numeric_stddev_samp", "internal", "numeric", numeric_stddev_samp),
	NS("numeric_stddev_pop", "internal", "numeric", numeric_stddev_pop),
	NS("float8_accum", "internal,float8", "internal", float8_accum),
	{"float4_accum", "internal,float4", "internal", FN_NOSQL, float8_accum, "float4_accum", 0, 0, NULL, NULL},
	NS("float8_avg", "internal", "float8", float8_avg),
	NS("float8_var_samp", "internal", "float8", float8_var_samp),
	NS("float8_var_pop", "internal", "float8", float8_var_pop),
	NS("float8_stddev_samp", "internal", "float8", float8_stddev_samp),
	NS("float8_stddev_pop", "internal", "float8", float8_stddev_pop),
	NSS("float8pl_agg", "float8,float8", "float8", float8pl_agg),
	NSS("float4pl_agg", "float4,float4", "float4", float4pl_agg),
	NSS("interval_pl_agg", "interval,interval", "interval", interval_pl_agg),
	NS("interval_avg_accum", "internal,interval", "internal", interval_avg_accum),
	NS("interval_avg", "internal", "interval", interval_avg),
	NSS("agg_larger", "anyelement,anyelement", "anyelement", agg_larger),
	NSS("agg_smaller", "anyelement,anyelement", "anyelement", agg_smaller),
	NSS("booland_statefunc", "bool,bool", "bool", booland_statefunc),
	NSS("boolor_statefunc", "bool,bool", "bool", boolor_statefunc),
	NSS("bit_and_agg", "anyelement,anyelement", "anyelement", bit_and_agg),
	NSS("bit_or_agg", "anyelement,anyelement", "anyelement", bit_or_agg),
	NS("string_agg_transfn", "internal,text,text", "internal", string_agg_transfn),
	NS("string_agg_finalfn", "internal", "text", string_agg_finalfn),
	{"bytea_string_agg_transfn", "internal,bytea,bytea", "internal", FN_NOSQL, string_agg_transfn, "bytea_string_agg_transfn", 0, 0, NULL, NULL},
	{"bytea_string_agg_finalfn", "internal", "bytea", FN_NOSQL, string_agg_finalfn, "bytea_string_agg_finalfn", 0, 0, NULL, NULL},
	NS("array_agg_transfn", "internal,anynonarray", "internal", array_agg_transfn),
	NS("array_agg_finalfn", "internal", "anyarray", array_agg_finalfn),
	{"json_agg_transfn", "internal,anyelement", "internal", FN_NOSQL, array_agg_transfn, "json_agg_transfn", 0, 0, NULL, NULL},
	NS("json_agg_finalfn", "internal", "json", json_agg_finalfn),
	NS("jsonb_agg_finalfn", "internal", "jsonb", jsonb_agg_finalfn),
	WIN("row_number", "", "int8", window_row_number),
	WIN("rank", "", "int8", window_rank),
	WIN("dense_rank", "", "int8", window_dense_rank),
	WIN("percent_rank", "", "float8", window_percent_rank),
	WIN("cume_dist", "", "float8", window_cume_dist),
	WIN("ntile", "int4", "int4", window_ntile),
	WIN("lag", "anyelement", "anyelement", window_lag),
	{"lag", "anyelement,int4", "anyelement", FN_WINDOW, window_lag, "window_lag_with_offset", 0, 0, NULL, NULL},
	{"lag", "anycompatible,int4,anycompatible", "anycompatible", FN_WINDOW, window_lag, "window_lag_with_offset_and_default", 0, 0, NULL, NULL},
	WIN("lead", "anyelement", "anyelement", window_lead),
	{"lead", "anyelement,int4", "anyelement", FN_WINDOW, window_lead, "window_lead_with_offset", 0, 0, NULL, NULL},
	{"lead", "anycompatible,int4,anycompatible", "anycompatible", FN_WINDOW, window_lead, "window_lead_with_offset_and_default", 0, 0, NULL, NULL},
	WIN("first_value", "anyelement", "anyelement", window_first_value),
	WIN("last_value", "anyelement", "anyelement", window_last_value),
	WIN("nth_value", "anyelement,int4", "anyelement", window_nth_value),
};

#define MINMAX(t)                                                                                \
	{"max", t, t, "agg_larger", NULL, "agg_larger", t, NULL},                                   \
	{"min", t, t, "agg_smaller", NULL, "agg_smaller", t, NULL}

static const ty_aggdef aggs[] = {
	{"count", "", "int8", "int8inc", NULL, "int8pl_combine", "int8", "0"},
	{"count", "any", "int8", "int8inc_any", NULL, "int8pl_combine", "int8", "0"},
	{"sum", "int2", "int8", "int2_sum", NULL, "int8_sum_combine", "int8", NULL},
	{"sum", "int4", "int8", "int4_sum", NULL, "int8_sum_combine", "int8", NULL},
	{"sum", "int8", "numeric", "int8_avg_accum", "numeric_sum_final", "numeric_acc_combine", "internal", NULL},
	{"sum", "numeric", "numeric", "numeric_avg_accum", "numeric_sum_final", "numeric_acc_combine", "internal", NULL},
	{"sum", "float4", "float4", "float4pl_agg", NULL, "float4pl_agg", "float4", NULL},
	{"sum", "float8", "float8", "float8pl_agg", NULL, "float8pl_agg", "float8", NULL},
	{"sum", "interval", "interval", "interval_pl_agg", NULL, "interval_pl_agg", "interval", NULL},
	{"avg", "int2", "numeric", "int2_avg_accum", "numeric_avg_final", "numeric_acc_combine", "internal", NULL},
	{"avg", "int4", "numeric", "int4_avg_accum", "numeric_avg_final", "numeric_acc_combine", "internal", NULL},
	{"avg", "int8", "numeric", "int8_avg_accum", "numeric_avg_final", "numeric_acc_combine", "internal", NULL},
	{"avg", "numeric", "numeric", "numeric_avg_accum", "numeric_avg_final", "numeric_acc_combine", "internal", NULL},
	{"avg", "float4", "float8", "float4_accum", "float8_avg", NULL, "internal", NULL},
	{"avg", "float8", "float8", "float8_accum", "float8_avg", NULL, "internal", NULL},
	{"avg", "interval", "interval", "interval_avg_accum", "interval_avg", NULL, "internal", NULL},
	MINMAX("int2"), MINMAX("int4"), MINMAX("int8"), MINMAX("oid"), MINMAX("float4"),
	MINMAX("float8"), MINMAX("numeric"), MINMAX("text"), MINMAX("bpchar"), MINMAX("date"),
	MINMAX("time"), MINMAX("timetz"), MINMAX("timestamp"), MINMAX("timestamptz"),
	MINMAX("interval"), MINMAX("anyarray"), MINMAX("tid"),
	{"bool_and", "bool", "bool", "booland_statefunc", NULL, "booland_statefunc", "bool", NULL},
	{"every", "bool", "bool", "booland_statefunc", NULL, "booland_statefunc", "bool", NULL},
	{"bool_or", "bool", "bool", "boolor_statefunc", NULL, "boolor_statefunc", "bool", NULL},
	{"bit_and", "int2", "int2", "bit_and_agg", NULL, "bit_and_agg", "int2", NULL},
	{"bit_and", "int4", "int4", "bit_and_agg", NULL, "bit_and_agg", "int4", NULL},
	{"bit_and", "int8", "int8", "bit_and_agg", NULL, "bit_and_agg", "int8", NULL},
	{"bit_or", "int2", "int2", "bit_or_agg", NULL, "bit_or_agg", "int2", NULL},
	{"bit_or", "int4", "int4", "bit_or_agg", NULL, "bit_or_agg", "int4", NULL},
	{"bit_or", "int8", "int8", "bit_or_agg", NULL, "bit_or_agg", "int8", NULL},
	{"string_agg", "text,text", "text", "string_agg_transfn", "string_agg_finalfn", NULL, "internal", NULL},
	{"string_agg", "bytea,bytea", "bytea", "bytea_string_agg_transfn", "bytea_string_agg_finalfn", NULL, "internal", NULL},
	{"array_agg", "anynonarray", "anyarray", "array_agg_transfn", "array_agg_finalfn", NULL, "internal", NULL},
	{"json_agg", "anyelement", "json", "json_agg_transfn", "json_agg_finalfn", NULL, "internal", NULL},
	{"jsonb_agg", "anyelement", "jsonb", "json_agg_transfn", "jsonb_agg_finalfn", NULL, "internal", NULL},
	{"variance", "int8", "numeric", "int8_avg_accum", "numeric_var_samp", NULL, "internal", NULL},
	{"variance", "int4", "numeric", "int4_avg_accum", "numeric_var_samp", NULL, "internal", NULL},
	{"variance", "int2", "numeric", "int2_avg_accum", "numeric_var_samp", NULL, "internal", NULL},
	{"variance", "numeric", "numeric", "numeric_avg_accum", "numeric_var_samp", NULL, "internal", NULL},
	{"variance", "float8", "float8", "float8_accum", "float8_var_samp", NULL, "internal", NULL},
	{"variance", "float4", "float8", "float4_accum", "float8_var_samp", NULL, "internal", NULL},
	{"var_samp", "int8", "numeric", "int8_avg_accum", "numeric_var_samp", NULL, "internal", NULL},
	{"var_samp", "int4", "numeric", "int4_avg_accum", "numeric_var_samp", NULL, "internal", NULL},
	{"var_samp", "int2", "numeric", "int2_avg_accum", "numeric_var_samp", NULL, "internal", NULL},
	{"var_samp", "numeric", "numeric", "numeric_avg_accum", "numeric_var_samp", NULL, "internal", NULL},
	{"var_samp", "float8", "float8", "float8_accum", "float8_var_samp", NULL, "internal", NULL},
	{"var_samp", "float4", "float8", "float4_accum", "float8_var_samp", NULL, "internal", NULL},
	{"var_pop", "int8", "numeric", "int8_avg_accum", "numeric_var_pop", NULL, "internal", NULL},
	{"var_pop", "int4", "numeric", "int4_avg_accum", "numeric_var_pop", NULL, "internal", NULL},
	{"var_pop", "int2", "numeric", "int2_avg_accum", "numeric_var_pop", NULL, "internal", NULL},
	{"var_pop", "numeric", "numeric", "numeric_avg_accum", "numeric_var_pop", NULL, "internal", NULL},
	{"var_pop", "float8", "float8", "float8_accum", "float8_var_pop", NULL, "internal", NULL},
	{"var_pop", "float4", "float8", "float4_accum", "float8_var_pop", NULL, "internal", NULL},
	{"stddev", "int8", "numeric", "int8_avg_accum", "numeric_stddev_samp", NULL, "internal", NULL},
	{"stddev", "int4", "numeric", "int4_avg_accum", "numeric_stddev_samp", NULL, "internal", NULL},
	{"stddev", "int2", "numeric", "int2_avg_accum", "numeric_stddev_samp", NULL, "internal", NULL},
	{"stddev", "numeric", "numeric", "numeric_avg_accum", "numeric_stddev_samp", NULL, "internal", NULL},
	{"stddev", "float8", "float8", "float8_accum", "float8_stddev_samp", NULL, "internal", NULL},
	{"stddev", "float4", "float8", "float4_accum", "float8_stddev_samp", NULL, "internal", NULL},
	{"stddev_samp", "int8", "numeric", "int8_avg_accum", "numeric_stddev_samp", NULL, "internal", NULL},
	{"stddev_samp", "int4", "numeric", "int4_avg_accum", "numeric_stddev_samp", NULL, "internal", NULL},
	{"stddev_samp", "int2", "numeric", "int2_avg_accum", "numeric_stddev_samp", NULL, "internal", NULL},
	{"stddev_samp", "numeric", "numeric", "numeric_avg_accum", "numeric_stddev_samp", NULL, "internal", NULL},
	{"stddev_samp", "float8", "float8", "float8_accum", "float8_stddev_samp", NULL, "internal", NULL},
	{"stddev_samp", "float4", "float8", "float4_accum", "float8_stddev_samp", NULL, "internal", NULL},
	{"stddev_pop", "int8", "numeric", "int8_avg_accum", "numeric_stddev_pop", NULL, "internal", NULL},
	{"stddev_pop", "int4", "numeric", "int4_avg_accum", "numeric_stddev_pop", NULL, "internal", NULL},
	{"stddev_pop", "int2", "numeric", "int2_avg_accum", "numeric_stddev_pop", NULL, "internal", NULL},
	{"stddev_pop", "numeric", "numeric", "numeric_avg_accum", "numeric_stddev_pop", NULL, "internal", NULL},
	{"stddev_pop", "float8", "float8", "float8_accum", "float8_stddev_pop", NULL, "internal", NULL},
	{"stddev_pop", "float4", "float8", "float4_accum", "float8_stddev_pop", NULL, "internal", NULL},
};

const ty_fragment ty_frag_agg = {fns, NELEM(fns), NULL, 0, aggs, NELEM(aggs)};
