/*
 * ty_cast.c — PostgreSQL's pg_cast for the built-in types, the search for a conversion path
 * (find_coercion_pathway), can_coerce_type with polymorphic consistency, applying a path,
 * and type-modifier coercion (varchar/bpchar length, numeric precision, time precision,
 * interval fields).
 */
#include <stdio.h>

#include "types/resolve.h"
#include "types/tyarray.h"
#include "types/tydatetime.h"
#include "types/tynumeric.h"
#include "types/ty_catdef.h"
#include "types/ty_dt_int.h"

/* pg_cast rows (castsource, casttarget, castcontext, castmethod, function prosrc) */
static const struct {
	Oid s, t;
	char ctx, method;
	const char *fn;
} castdefs[] = {
	{CHAROID, BPCHAROID, 'a', 'f', "ty_char_bpchar"},
	{CHAROID, VARCHAROID, 'a', 'f', "ty_char_text"},
	{CHAROID, INT4OID, 'e', 'f', "ty_char_int4"},
	{CHAROID, TEXTOID, 'i', 'f', "ty_char_text"},
	{INT8OID, FLOAT8OID, 'i', 'f', "ty_i8tod"},
	{INT8OID, INT4OID, 'a', 'f', "ty_int84"},
	{INT8OID, NUMERICOID, 'i', 'f', "ty_int8_numeric"},
	{INT8OID, OIDOID, 'i', 'f', "ty_i8tooid"},
	{INT8OID, FLOAT4OID, 'i', 'f', "ty_i8tof"},
	{INT8OID, REGCLASSOID, 'i', 'f', "ty_i8tooid"},
	{INT8OID, REGNAMESPACEOID, 'i', 'f', "ty_i8tooid"},
	{INT8OID, REGPROCOID, 'i', 'f', "ty_i8tooid"},
	{INT8OID, REGROLEOID, 'i', 'f', "ty_i8tooid"},
	{INT8OID, REGTYPEOID, 'i', 'f', "ty_i8tooid"},
	{INT8OID, INT2OID, 'a', 'f', "ty_int82"},
	{BOOLOID, BPCHAROID, 'a', 'f', "ty_bool_text"},
	{BOOLOID, VARCHAROID, 'a', 'f', "ty_bool_text"},
	{BOOLOID, INT4OID, 'e', 'f', "ty_bool_int4"},
	{BOOLOID, TEXTOID, 'a', 'f', "ty_bool_text"},
	{BPCHAROID, CHAROID, 'a', 'f', "ty_text_char"},
	{BPCHAROID, BPCHAROID, 'i', 'f', "ty_bpchar_typmod"},
	{BPCHAROID, VARCHAROID, 'i', 'f', "ty_rtrim1"},
	{BPCHAROID, NAMEOID, 'i', 'f', "ty_bpchar_name"},
	{BPCHAROID, TEXTOID, 'i', 'f', "ty_rtrim1"},
	{VARCHAROID, CHAROID, 'a', 'f', "ty_text_char"},
	{VARCHAROID, BPCHAROID, 'i', 'b', NULL},
	{VARCHAROID, VARCHAROID, 'i', 'f', "ty_varchar_typmod"},
	{VARCHAROID, NAMEOID, 'i', 'f', "ty_text_name"},
	{VARCHAROID, REGCLASSOID, 'i', 'f', "ty_text_regclass"},
	{VARCHAROID, TEXTOID, 'i', 'b', NULL},
	{DATEOID, TIMESTAMPTZOID, 'i', 'f', "ty_date_timestamptz"},
	{DATEOID, TIMESTAMPOID, 'i', 'f', "ty_date_timestamp"},
	{FLOAT8OID, INT8OID, 'a', 'f', "ty_dtoi8"},
	{FLOAT8OID, INT4OID, 'a', 'f', "ty_dtoi4"},
	{FLOAT8OID, NUMERICOID, 'a', 'f', "ty_float8_numeric"},
	{FLOAT8OID, FLOAT4OID, 'a', 'f', "ty_dtof"},
	{FLOAT8OID, INT2OID, 'a', 'f', "ty_dtoi2"},
	{INT4OID, CHAROID, 'e', 'f', "ty_int4_char"},
	{INT4OID, INT8OID, 'i', 'f', "ty_int48"},
	{INT4OID, BOOLOID, 'e', 'f', "ty_int4_bool"},
	{INT4OID, FLOAT8OID, 'i', 'f', "ty_i4tod"},
	{INT4OID, NUMERICOID, 'i', 'f', "ty_int4_numeric"},
	{INT4OID, OIDOID, 'i', 'b', NULL},
	{INT4OID, FLOAT4OID, 'i', 'f', "ty_i4tof"},
	{INT4OID, REGCLASSOID, 'i', 'b', NULL},
	{INT4OID, REGNAMESPACEOID, 'i', 'b', NULL},
	{INT4OID, REGPROCOID, 'i', 'b', NULL},
	{INT4OID, REGROLEOID, 'i', 'b', NULL},
	{INT4OID, REGTYPEOID, 'i', 'b', NULL},
	{INT4OID, INT2OID, 'a', 'f', "ty_int42"},
	{INTERVALOID, INTERVALOID, 'i', 'f', "ty_interval_typmod"},
	{INTERVALOID, TIMEOID, 'a', 'f', "ty_interval_time"},
	{JSONOID, JSONBOID, 'a', 'i', NULL},
	{JSONBOID, INT8OID, 'e', 'f', "ty_jsonb_int8"},
	{JSONBOID, BOOLOID, 'e', 'f', "ty_jsonb_bool"},
	{JSONBOID, FLOAT8OID, 'e', 'f', "ty_jsonb_float8"},
	{JSONBOID, INT4OID, 'e', 'f', "ty_jsonb_int4"},
	{JSONBOID, JSONOID, 'a', 'i', NULL},
	{JSONBOID, NUMERICOID, 'e', 'f', "ty_jsonb_numeric"},
	{JSONBOID, FLOAT4OID, 'e', 'f', "ty_jsonb_float4"},
	{JSONBOID, INT2OID, 'e', 'f', "ty_jsonb_int2"},
	{NAMEOID, BPCHAROID, 'a', 'f', "ty_name_bpchar"},
	{NAMEOID, VARCHAROID, 'a', 'f', "ty_name_text"},
	{NAMEOID, TEXTOID, 'i', 'f', "ty_name_text"},
	{NUMERICOID, INT8OID, 'a', 'f', "ty_numeric_int8"},
	{NUMERICOID, FLOAT8OID, 'i', 'f', "ty_numeric_float8"},
	{NUMERICOID, INT4OID, 'a', 'f', "ty_numeric_int4"},
	{NUMERICOID, NUMERICOID, 'i', 'f', "ty_numeric_typmod"},
	{NUMERICOID, FLOAT4OID, 'i', 'f', "ty_numeric_float4"},
	{NUMERICOID, INT2OID, 'a', 'f', "ty_numeric_int2"},
	{OIDOID, INT8OID, 'a', 'f', "ty_oid_int8"},
	{OIDOID, INT4OID, 'a', 'b', NULL},
	{OIDOID, REGCLASSOID, 'i', 'b', NULL},
	{OIDOID, REGNAMESPACEOID, 'i', 'b', NULL},
	{OIDOID, REGPROCOID, 'i', 'b', NULL},
	{OIDOID, REGROLEOID, 'i', 'b', NULL},
	{OIDOID, REGTYPEOID, 'i', 'b', NULL},
	{FLOAT4OID, INT8OID, 'a', 'f', "ty_ftoi8"},
	{FLOAT4OID, FLOAT8OID, 'i', 'f', "ty_ftod"},
	{FLOAT4OID, INT4OID, 'a', 'f', "ty_ftoi4"},
	{FLOAT4OID, NUMERICOID, 'a', 'f', "ty_float4_numeric"},
	{FLOAT4OID, INT2OID, 'a', 'f', "ty_ftoi2"},
	{REGCLASSOID, INT8OID, 'a', 'f', "ty_oid_int8"},
	{REGCLASSOID, INT4OID, 'a', 'b', NULL},
	{REGCLASSOID, OIDOID, 'i', 'b', NULL},
	{REGNAMESPACEOID, INT8OID, 'a', 'f', "ty_oid_int8"},
	{REGNAMESPACEOID, INT4OID, 'a', 'b', NULL},
	{REGNAMESPACEOID, OIDOID, 'i', 'b', NULL},
	{REGPROCOID, INT8OID, 'a', 'f', "ty_oid_int8"},
	{REGPROCOID, INT4OID, 'a', 'b', NULL},
	{REGPROCOID, OIDOID, 'i', 'b', NULL},
	{REGROLEOID, INT8OID, 'a', 'f', "ty_oid_int8"},
	{REGROLEOID, INT4OID, 'a', 'b', NULL},
	{REGROLEOID, OIDOID, 'i', 'b', NULL},
	{REGTYPEOID, INT8OID, 'a', 'f', "ty_oid_int8"},
	{REGTYPEOID, INT4OID, 'a', 'b', NULL},
	{REGTYPEOID, OIDOID, 'i', 'b', NULL},
	{INT2OID, INT8OID, 'i', 'f', "ty_int28"},
	{INT2OID, FLOAT8OID, 'i', 'f', "ty_i2tod"},
	{INT2OID, INT4OID, 'i', 'f', "ty_int24"},
	{INT2OID, NUMERICOID, 'i', 'f', "ty_int2_numeric"},
	{INT2OID, OIDOID, 'i', 'f', "ty_int24"},
	{INT2OID, FLOAT4OID, 'i', 'f', "ty_i2tof"},
	{INT2OID, REGCLASSOID, 'i', 'f', "ty_int24"},
	{INT2OID, REGNAMESPACEOID, 'i', 'f', "ty_int24"},
	{INT2OID, REGPROCOID, 'i', 'f', "ty_int24"},
	{INT2OID, REGROLEOID, 'i', 'f', "ty_int24"},
	{INT2OID, REGTYPEOID, 'i', 'f', "ty_int24"},
	{TEXTOID, CHAROID, 'a', 'f', "ty_text_char"},
	{TEXTOID, BPCHAROID, 'i', 'b', NULL},
	{TEXTOID, VARCHAROID, 'i', 'b', NULL},
	{TEXTOID, NAMEOID, 'i', 'f', "ty_text_name"},
	{TEXTOID, REGCLASSOID, 'i', 'f', "ty_text_regclass"},
	{TIMETZOID, TIMETZOID, 'i', 'f', "ty_timetz_typmod"},
	{TIMETZOID, TIMEOID, 'a', 'f', "ty_timetz_time"},
	{TIMEOID, INTERVALOID, 'i', 'f', "ty_time_interval"},
	{TIMEOID, TIMETZOID, 'i', 'f', "ty_time_timetz"},
	{TIMEOID, TIMEOID, 'i', 'f', "ty_time_typmod"},
	{TIMESTAMPTZOID, DATEOID, 'a', 'f', "ty_timestamptz_date"},
	{TIMESTAMPTZOID, TIMETZOID, 'a', 'f', "ty_timestamptz_timetz"},
	{TIMESTAMPTZOID, TIMEOID, 'a', 'f', "ty_timestamptz_time"},
	{TIMESTAMPTZOID, TIMESTAMPTZOID, 'i', 'f', "ty_timestamptz_typmod"},
	{TIMESTAMPTZOID, TIMESTAMPOID, 'a', 'f', "ty_timestamptz_timestamp"},
	{TIMESTAMPOID, DATEOID, 'a', 'f', "ty_timestamp_date"},
	{TIMESTAMPOID, TIMEOID, 'a', 'f', "ty_timestamp_time"},
	{TIMESTAMPOID, TIMESTAMPTZOID, 'i', 'f', "ty_timestamp_timestamptz"},
	{TIMESTAMPOID, TIMESTAMPOID, 'i', 'f', "ty_timestamp_typmod"},
};

#define NCASTS NELEM(castdefs)

typedef struct cast_rt {
	const ty_func *fn;
} cast_rt;
static cast_rt cast_fn[NCASTS];
static ty_cast cast_public[NCASTS];
static bool casts_ready;

static void
casts_init(void)
{
	if (casts_ready)
		return;
	ty_init();
	for (int i = 0; i < NCASTS; i++) {
		cast_fn[i].fn = castdefs[i].fn ? ty_func_by_prosrc(castdefs[i].fn) : NULL;
		if (castdefs[i].fn && !cast_fn[i].fn)
			ph_panic("lib/types: cast function %s is missing", castdefs[i].fn);
		cast_public[i].source = castdefs[i].s;
		cast_public[i].target = castdefs[i].t;
		cast_public[i].context = castdefs[i].ctx;
		cast_public[i].method = castdefs[i].method;
		cast_public[i].fnname = cast_fn[i].fn ? cast_fn[i].fn->name : NULL;
	}
	casts_ready = true;
}

const ty_cast *
ty_cast_table(int *n)
{
	casts_init();
	*n = NCASTS;
	return cast_public;
}

static int
find_castdef(Oid s, Oid t)
{
	for (int i = 0; i < NCASTS; i++)
		if (castdefs[i].s == s && castdefs[i].t == t)
			return i;
	return -1;
}

static int
ctx_level(char c)
{
	return c == 'i' ? COERCION_IMPLICIT : c == 'a' ? COERCION_ASSIGNMENT : COERCION_EXPLICIT;
}

/* element type for casting purposes (vectors count as arrays on the source side) */
static Oid
cast_elem(Oid t, bool source)
{
	const ty_type *ty = ty_get(t);
	if (!ty || ty->category != TYPCAT_ARRAY || !ty->elem)
		return InvalidOid;
	if (!source && (t == INT2VECTOROID || t == OIDVECTOROID))
		return InvalidOid;
	return ty->elem;
}

bool
ty_cast_find(Oid source, Oid target, ty_ccontext ctx, ty_castpath *out)
{
	casts_init();
	memset(out, 0, sizeof *out);
	out->source = source;
	out->target = target;
	if (source == target) {
		out->kind = CASTPATH_RELABEL;
		return true;
	}
	if (source == UNKNOWNOID) {
		out->kind = CASTPATH_IO;
		return true;
	}
	if (target == ANYOID || (ty_is_polymorphic(target))) {
		out->kind = CASTPATH_RELABEL;
		return true;
	}
	int i = find_castdef(source, target);
	if (i >= 0) {
		if ((int)ctx < ctx_level(castdefs[i].ctx))
			return false;
		switch (castdefs[i].method) {
		case 'b':
			out->kind = CASTPATH_RELABEL;
			break;
		case 'i':
			out->kind = CASTPATH_IO;
			break;
		default:
			out->kind = CASTPATH_FUNC;
			out->fn = cast_fn[i].fn;
		}
		return true;
	}
	Oid te = cast_elem(target, false), se = cast_elem(source, true);
	if (te && se) {
		ty_castpath ep;
		if (ty_cast_find(se, te, ctx, &ep)) {
			out->kind = CASTPATH_ARRAY;
			out->elemsource = se;
			out->elemtarget = te;
			return true;
		}
	}
	char tc = ty_category(target), sc = ty_category(source);
	if (ctx >= COERCION_ASSIGNMENT && tc == TYPCAT_STRING) {
		out->kind = CASTPATH_IO;
		return true;
	}
	if (ctx >= COERCION_EXPLICIT && sc == TYPCAT_STRING) {
		out->kind = CASTPATH_IO;
		return true;
	}
	out->kind = CASTPATH_NONE;
	return false;
}

Datum
ty_cast_apply(const ty_castpath *p, Datum v, int32_t typmod)
{
	switch (p->kind) {
	case CASTPATH_RELABEL:
		return v;
	case CASTPATH_FUNC: {
		fn_call c;
		Datum args[3] = {v, Int32GetDatum(typmod), BoolGetDatum(false)};
		bool nulls[3] = {false, false, false};
		int n = p->fn->nargs;
		fn_call_init(&c, p->fn, n, args, nulls, p->fn->argtypes);
		c.rettype = p->target;
		c.rettypmod = typmod;
		return p->fn->impl(&c);
	}
	case CASTPATH_IO: {
		const char *s;
		if (p->source == UNKNOWNOID || p->source == CSTRINGOID)
			s = DatumGetPointer(v);
		else
			s = ty_output(p->source, v);
		return ty_input(p->target, s, p->target == INTERVALOID ? typmod : -1);
	}
	case CASTPATH_ARRAY: {
		int n;
		Datum *vals;
		bool *nulls;
		ty_array_deconstruct(v, &n, &vals, &nulls);
		ty_castpath ep;
		ty_cast_find(p->elemsource, p->elemtarget, COERCION_EXPLICIT, &ep);
		for (int i = 0; i < n; i++)
			if (!nulls[i]) {
				vals[i] = ty_cast_apply(&ep, vals[i], typmod);
				if (typmod >= 0)
					vals[i] = ty_coerce_typmod(vals[i], p->elemtarget, typmod, true);
			}
		int nd = ty_array_ndim(v);
		int dims[MAXDIM], lbs[MAXDIM];
		for (int d = 0; d < nd; d++) {
			dims[d] = ty_array_dim(v, d + 1);
			lbs[d] = ty_array_lbound(v, d + 1);
		}
		return ty_array_build_md(p->elemtarget, nd, dims, lbs, vals, nulls);
	}
	default:
		ph_internal("no cast path from %u to %u", p->source, p->target);
	}
}

bool
ty_has_typmod_coercion(Oid t)
{
	Oid e = ty_elem_of(t);
	if (e)
		t = e;
	switch (t) {
	case VARCHAROID:
	case BPCHAROID:
	case NUMERICOID:
	case TIMEOID:
	case TIMETZOID:
	case TIMESTAMPOID:
	case TIMESTAMPTZOID:
	case INTERVALOID:
		return true;
	default:
		return false;
	}
}

static Datum
varchar_typmod(Datum v, int32_t typmod, bool explicit)
{
	int len = ty_varsize(v), maxlen = typmod - VARHDRSZ;
	if (maxlen < 0 || len <= maxlen)
		return v;
	const char *s = ty_vardata(v);
	int keep = ty_utf8_bytes_for_chars(s, len, maxlen);
	if (keep >= len)
		return v;
	if (!explicit)
		for (int i = keep; i < len; i++)
			if (s[i] != ' ')
				ph_error(ERRCODE_STRING_DATA_RIGHT_TRUNCATION,
				         "value too long for type character varying(%d)", maxlen);
	return ty_text_datum(s, (size_t)keep);
}

static Datum
bpchar_typmod(Datum v, int32_t typmod, bool explicit)
{
	int maxlen = typmod - VARHDRSZ;
	if (maxlen < 0)
		return v;
	int len = ty_varsize(v);
	const char *s = ty_vardata(v);
	int charlen = ty_utf8_strlen(s, len);
	if (charlen == maxlen)
		return v;
	int bytes;
	if (charlen > maxlen) {
		int keep = ty_utf8_bytes_for_chars(s, len, maxlen);
		if (!explicit)
			for (int i = keep; i < len; i++)
				if (s[i] != ' ')
					ph_error(ERRCODE_STRING_DATA_RIGHT_TRUNCATION,
					         "value too long for type character(%d)", maxlen);
		len = keep;
		bytes = keep;
	} else
		bytes = len + (maxlen - charlen);
	char *r = palloc((size_t)(VARHDRSZ + bytes));
	SET_VARSIZE(r, (uint32_t)(VARHDRSZ + bytes));
	memcpy(r + VARHDRSZ, s, (size_t)len);
	if (bytes > len)
		memset(r + VARHDRSZ + len, ' ', (size_t)(bytes - len));
	return PointerGetDatum(r);
}

Datum ty_timetz_make(int64_t time, int32_t zone_west);

Datum
ty_coerce_typmod(Datum v, Oid type, int32_t typmod, bool explicit)
{
	if (typmod < 0)
		return v;
	Oid e = ty_elem_of(type);
	if (e) {
		if (!ty_has_typmod_coercion(e))
			return v;
		int n;
		Datum *vals;
		bool *nulls;
		ty_array_deconstruct(v, &n, &vals, &nulls);
		for (int i = 0; i < n; i++)
			if (!nulls[i])
				vals[i] = ty_coerce_typmod(vals[i], e, typmod, explicit);
		int nd = ty_array_ndim(v);
		int dims[MAXDIM], lbs[MAXDIM];
		for (int d = 0; d < nd; d++) {
			dims[d] = ty_array_dim(v, d + 1);
			lbs[d] = ty_array_lbound(v, d + 1);
		}
		return ty_array_build_md(e, nd, dims, lbs, vals, nulls);
	}
	switch (type) {
	case VARCHAROID:
		return varchar_typmod(v, typmod, explicit);
	case BPCHAROID:
		return bpchar_typmod(v, typmod, explicit);
	case NUMERICOID:
		return ty_numeric_apply_typmod(v, typmod);
	case TIMEOID:
	case TIMESTAMPOID:
	case TIMESTAMPTZOID: {
		int64_t t = (int64_t)v;
		if (type != TIMEOID && (t == DT_NOBEGIN || t == DT_NOEND))
			return v;
		dt_adjust_time_typmod(&t, typmod);
		if (type != TIMEOID)
			dt_check_timestamp(t);
		return (Datum)t;
	}
	case TIMETZOID: {
		TimeTzADT x;
		memcpy(&x.time, DatumGetPointer(v), 8);
		memcpy(&x.zone, (const char *)DatumGetPointer(v) + 8, 4);
		dt_adjust_time_typmod(&x.time, typmod);
		return ty_timetz_make(x.time, x.zone);
	}
	case INTERVALOID: {
		Interval iv;
		ty_interval_get(v, &iv);
		dt_adjust_interval_typmod(&iv, typmod);
		return ty_interval_datum(&iv);
	}
	default:
		return v;
	}
}

Datum
ty_convert(Datum v, Oid source, Oid target, int32_t typmod, ty_ccontext ctx)
{
	ty_castpath p;
	if (!ty_cast_find(source, target, ctx, &p))
		ph_error(ERRCODE_CANNOT_COERCE, "cannot cast type %s to %s", ty_format_type(source, -1),
		         ty_format_type(target, -1));
	Datum r = ty_cast_apply(&p, v, typmod);
	return ty_coerce_typmod(r, target, typmod, ctx == COERCION_EXPLICIT);
}

/* ---- can_coerce_type ------------------------------------------------------------------------- */

bool ty_check_generic_consistency(int n, const Oid *src, const Oid *tgt);

bool
ty_can_coerce(int n, const Oid *src, const Oid *tgt, ty_ccontext ctx)
{
	bool generics = false;
	for (int i = 0; i < n; i++) {
		Oid s = src[i], t = tgt[i];
		if (s == t || t == ANYOID)
			continue;
		if (ty_is_polymorphic(t)) {
			generics = true;
			continue;
		}
		if (s == UNKNOWNOID)
			continue;
		ty_castpath p;
		if (ty_cast_find(s, t, ctx, &p))
			continue;
		return false;
	}
	if (generics && !ty_check_generic_consistency(n, src, tgt))
		return false;
	return true;
}
