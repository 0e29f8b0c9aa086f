/* check_types_fn.c — unit tests for lib/types: the registry's invariants, typmods and
 * format_type, hashing consistent with equality, overload resolution and common types,
 * coercion contexts, window functions (against a mock window object), set-returning
 * calls, the fast entry points, time zones and binary input errors. */
#include <check.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "types/cast.h"
#include "types/fn.h"
#include "types/resolve.h"
#include "types/tyarray.h"
#include "types/tydatetime.h"
#include "types/tyjson.h"
#include "types/tynumeric.h"
#include "types/types.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

void ty_format_type_nomod(ty_buf *b, Oid type);

static void
setup(void)
{
	if (!mem_top)
		mem_init();
	cfg_init_defaults();
	ty_init();
}

/* Run f; return the SQLSTATE it raised ("" if none) and copy the message. */
typedef void (*thunk)(void *);
static char last_msg[1024], last_hint[512];

static const char *
raises(thunk f, void *arg)
{
	static char state[6];
	volatile bool failed = false;
	state[0] = '\0';
	last_msg[0] = '\0';
	ERR_TRY();
	{
		f(arg);
	}
	ERR_CATCH();
	{
		failed = true;
	}
	ERR_END();
	if (failed) {
		err_info *e = err_last();
		memcpy(state, e->sqlstate, 6);
		snprintf(last_msg, sizeof last_msg, "%s", e->message);
		snprintf(last_hint, sizeof last_hint, "%s", e->hint);
	}
	return state;
}

static Datum
in(Oid t, const char *s)
{
	return ty_input(t, s, -1);
}

static void
regclass_in_thunk(void *arg)
{
	ty_input(REGCLASSOID, arg, -1);
}

static void
setseed_thunk(void *arg)
{
	Oid f8[1] = {FLOAT8OID};
	fn_call1(ty_func_exact("setseed", 1, f8), *(Datum *)arg, &(bool){false});
}

static const char *
out(Oid t, Datum v)
{
	return ty_output(t, v);
}

/* ---- registry ------------------------------------------------------------------------------- */

static void
must_thunk(void *p)
{
	(void)p;
	ty_must(99999);
}

START_TEST(every_type_has_io_and_an_array_type_pointing_back)
{
	int n;
	const ty_type *all = ty_all(&n);
	ck_assert_int_gt(n, 60);
	for (int i = 0; i < n; i++) {
		const ty_type *t = &all[i];
		ck_assert_ptr_eq(ty_get(t->oid), t);
		ck_assert_msg(t->in && t->out, "%s has no text I/O", t->name);
		if (t->typtype == 'b' && t->category != TYPCAT_ARRAY) {
			ck_assert_msg(t->recv && t->send, "%s has no binary I/O", t->name);
			ck_assert_msg(t->array != InvalidOid, "%s has no array type", t->name);
			const ty_type *a = ty_get(t->array);
			ck_assert_msg(a && a->elem == t->oid, "array of %s does not point back", t->name);
		}
		if (t->category == TYPCAT_ARRAY && t->elem && t->oid != INT2VECTOROID &&
		    t->oid != OIDVECTOROID && t->oid != JSONARRAYOID)
			ck_assert_int_eq(ty_array_of(t->elem), t->oid);
	}
	ck_assert_ptr_null(ty_get(99999));
	ck_assert_str_eq(raises(must_thunk, NULL), "42704");
}
END_TEST

START_TEST(type_names_and_aliases_resolve_like_regtype)
{
	static const struct {
		const char *name;
		const char *formatted;
	} cases[] = {
		{"int", "integer"},
		{"INTEGER", "integer"},
		{"character varying(10)", "character varying(10)"},
		{"varchar(5)[]", "character varying(5)[]"},
		{"numeric(10,2)", "numeric(10,2)"},
		{"decimal(4)", "numeric(4,0)"},
		{"timestamp(3) with time zone", "timestamp(3) with time zone"},
		{"timestamptz", "timestamp with time zone"},
		{"time without time zone", "time without time zone"},
		{"interval year to month", "interval year to month"},
		{"interval second(2)", "interval second(2)"},
		{"interval(3)", "interval(3)"},
		{"double precision", "double precision"},
		{"float(3)", "real"},
		{"float(30)", "double precision"},
		{"char", "character(1)"},
		{"\"char\"", "\"char\""},
		{"national character varying", "character varying"},
		{"pg_catalog.int4", "integer"},
		{"int4 [ 3 ]", "integer[]"},
		{"_int4", "integer[]"},
		{"bool", "boolean"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		Oid oid;
		int32_t tm;
		ty_parse_typename(cases[i].name, &oid, &tm);
		ck_assert_msg(strcmp(ty_format_type(oid, tm), cases[i].formatted) == 0, "%s -> %s, want %s",
		              cases[i].name, ty_format_type(oid, tm), cases[i].formatted);
	}
}
END_TEST

static void
parse_name_thunk(void *s)
{
	Oid o;
	int32_t tm;
	ty_parse_typename(s, &o, &tm);
}

START_TEST(bad_type_names_raise_postgresql_errors)
{
	ck_assert_str_eq(raises(parse_name_thunk, "foo"), "42704");
	ck_assert_str_eq(last_msg, "type \"foo\" does not exist");
	ck_assert_str_eq(raises(parse_name_thunk, "varchar(0)"), "22023");
	ck_assert_str_eq(last_msg, "length for type varchar must be at least 1");
	ck_assert_str_eq(raises(parse_name_thunk, "char(10485761)"), "22023");
	ck_assert_str_eq(last_msg, "length for type char cannot exceed 10485760");
	ck_assert_str_eq(raises(parse_name_thunk, "numeric(1001)"), "22023");
	ck_assert_str_eq(last_msg, "NUMERIC precision 1001 must be between 1 and 1000");
	ck_assert_str_eq(raises(parse_name_thunk, "numeric(5,1001)"), "22023");
	ck_assert_str_eq(last_msg, "NUMERIC scale 1001 must be between -1000 and 1000");
	ck_assert_str_eq(raises(parse_name_thunk, "varchar(a)"), "42601");
	ck_assert_str_eq(raises(parse_name_thunk, "text(5)"), "42601");
	ck_assert_str_eq(last_msg, "type modifier is not allowed for type \"text\"");
	ck_assert_str_eq(raises(parse_name_thunk, "timestamp(-1)"), "22023");
	ck_assert_str_eq(last_msg, "TIMESTAMP(-1) precision must not be negative");
	ck_assert_str_eq(raises(parse_name_thunk, "float(0)"), "22023");
	ck_assert_str_eq(raises(parse_name_thunk, "float(54)"), "22023");
}
END_TEST

START_TEST(format_type_matches_postgresql)
{
	ck_assert_str_eq(ty_format_type(BPCHAROID, -1), "bpchar");
	ck_assert_str_eq(ty_format_type(BPCHAROID, 14), "character(10)");
	ck_assert_str_eq(ty_format_type(VARCHAROID, 14), "character varying(10)");
	ck_assert_str_eq(ty_format_type(NUMERICOID, ((10 << 16) | 2) + 4), "numeric(10,2)");
	ck_assert_str_eq(ty_format_type(NUMERICOID, -1), "numeric");
	ck_assert_str_eq(ty_format_type(TIMEOID, 3), "time(3) without time zone");
	ck_assert_str_eq(ty_format_type(TIMETZOID, -1), "time with time zone");
	ck_assert_str_eq(ty_format_type(TIMESTAMPTZOID, 6), "timestamp(6) with time zone");
	ck_assert_str_eq(ty_format_type(INTERVALOID, INTERVAL_TYPMOD(0xFFFF, INTERVAL_MASK_YEAR | INTERVAL_MASK_MONTH)),
	                 "interval year to month");
	ck_assert_str_eq(ty_format_type(VARCHARARRAYOID, 14), "character varying(10)[]");
	ck_assert_str_eq(ty_format_type(CHAROID, -1), "\"char\"");
	ck_assert_str_eq(ty_format_type(ANYOID, -1), "\"any\"");
	ck_assert_str_eq(ty_format_type(INT2VECTOROID, -1), "int2vector");
	ck_assert_str_eq(ty_format_type(99999, -1), "???");
	ck_assert_str_eq(ty_format_type(INT4OID, 5), "integer");
	ty_buf b;
	ty_buf_init(&b, 16);
	ty_format_type_nomod(&b, BPCHAROID);
	ck_assert_str_eq(b.data, "character");
}
END_TEST

/* ---- hashing and comparison ------------------------------------------------------------ */

START_TEST(equal_values_hash_equal_within_and_across_hash_families)
{
	/* integers */
	ck_assert_uint_eq(ty_hash(INT2OID, Int16GetDatum(-7)), ty_hash(INT4OID, Int32GetDatum(-7)));
	ck_assert_uint_eq(ty_hash(INT4OID, Int32GetDatum(-7)), ty_hash(INT8OID, Int64GetDatum(-7)));
	ck_assert_int_eq(ty_hash_family(INT2OID), ty_hash_family(INT8OID));
	/* floats, with -0 = 0 and NaN = NaN */
	ck_assert_uint_eq(ty_hash(FLOAT4OID, Float4GetDatum(1.5f)), ty_hash(FLOAT8OID, Float8GetDatum(1.5)));
	ck_assert_uint_eq(ty_hash(FLOAT8OID, Float8GetDatum(-0.0)), ty_hash(FLOAT8OID, Float8GetDatum(0.0)));
	ck_assert_int_eq(ty_compare(FLOAT8OID, Float8GetDatum(-0.0), Float8GetDatum(0.0)), 0);
	/* numeric: display scale does not matter */
	Datum a = in(NUMERICOID, "1.0"), b = in(NUMERICOID, "1.000");
	ck_assert_int_eq(ty_compare(NUMERICOID, a, b), 0);
	ck_assert_uint_eq(ty_hash(NUMERICOID, a), ty_hash(NUMERICOID, b));
	ck_assert_uint_ne(ty_hash(NUMERICOID, a), ty_hash(NUMERICOID, in(NUMERICOID, "1.01")));
	/* text family and bpchar padding */
	ck_assert_uint_eq(ty_hash(TEXTOID, in(TEXTOID, "abc")), ty_hash(NAMEOID, in(NAMEOID, "abc")));
	ck_assert_uint_eq(ty_hash(TEXTOID, in(TEXTOID, "abc")), ty_hash(VARCHAROID, in(VARCHAROID, "abc")));
	ck_assert_uint_eq(ty_hash(BPCHAROID, in(BPCHAROID, "a")), ty_hash(BPCHAROID, in(BPCHAROID, "a   ")));
	ck_assert_int_eq(ty_compare(BPCHAROID, in(BPCHAROID, "a"), in(BPCHAROID, "a   ")), 0);
	/* interval: 1 month = 30 days */
	Datum m = in(INTERVALOID, "1 mon"), d = in(INTERVALOID, "30 days");
	ck_assert_int_eq(ty_compare(INTERVALOID, m, d), 0);
	ck_assert_uint_eq(ty_hash(INTERVALOID, m), ty_hash(INTERVALOID, d));
	/* jsonb: numbers compare by value */
	Datum j1 = in(JSONBOID, "{\"a\": 1.0}"), j2 = in(JSONBOID, "{\"a\":1}");
	ck_assert_int_eq(ty_compare(JSONBOID, j1, j2), 0);
	ck_assert_uint_eq(ty_hash(JSONBOID, j1), ty_hash(JSONBOID, j2));
	/* arrays */
	ck_assert_uint_eq(ty_hash(INT4ARRAYOID, in(INT4ARRAYOID, "{1,2,NULL}")),
	                  ty_hash(INT4ARRAYOID, in(INT4ARRAYOID, "{ 1 ,2, null}")));
	/* no ordering for json */
	ck_assert_ptr_null(ty_cmp_for(JSONOID));
}
END_TEST

START_TEST(comparison_orders_values_as_postgresql)
{
	ck_assert_int_lt(ty_compare(TEXTOID, in(TEXTOID, "B"), in(TEXTOID, "a")), 0); /* C collation */
	ck_assert_int_lt(ty_compare(TEXTOID, in(TEXTOID, "ab"), in(TEXTOID, "abc")), 0);
	ck_assert_int_gt(ty_compare(FLOAT8OID, in(FLOAT8OID, "NaN"), in(FLOAT8OID, "Infinity")), 0);
	ck_assert_int_gt(ty_compare(NUMERICOID, in(NUMERICOID, "NaN"), in(NUMERICOID, "Infinity")), 0);
	ck_assert_int_lt(ty_compare(NUMERICOID, in(NUMERICOID, "-Infinity"), in(NUMERICOID, "-1e100")), 0);
	ck_assert_int_lt(ty_compare(DATEOID, in(DATEOID, "-infinity"), in(DATEOID, "4713-11-24 BC")), 0);
	ck_assert_int_lt(ty_compare(TIMETZOID, in(TIMETZOID, "04:00+01"), in(TIMETZOID, "04:00+00")), 0);
	ck_assert_int_lt(ty_compare(INT4ARRAYOID, in(INT4ARRAYOID, "{1,2}"), in(INT4ARRAYOID, "{1,NULL}")), 0);
	ck_assert_int_lt(ty_compare(UUIDOID, in(UUIDOID, "00000000-0000-0000-0000-000000000000"),
	                            in(UUIDOID, "00000000-0000-0000-0000-000000000001")),
	                 0);
	ck_assert_int_eq(ty_compare(CHAROID, in(CHAROID, "a"), in(CHAROID, "a")), 0);
	ck_assert(ty_equal(XIDOID, in(XIDOID, "5"), in(XIDOID, "5")));
	ck_assert(ty_text_eq(in(TEXTOID, "x"), in(TEXTOID, "x")));
	ck_assert_int_eq(ty_bpchar_cmp(in(BPCHAROID, "x "), in(BPCHAROID, "x")), 0);
}
END_TEST


/* Three values in increasing order for each type the comparison sweeps below cover. */
typedef struct sample_set {
	Oid type;
	const char *v[3];
} sample_set;

static const sample_set samples[] = {
	{BOOLOID, {"f", "t", "t"}},
	{INT2OID, {"-5", "0", "7"}},
	{INT4OID, {"-5", "1", "70000"}},
	{INT8OID, {"-5", "1", "5000000000"}},
	{FLOAT4OID, {"-1.5", "0.25", "1e10"}},
	{FLOAT8OID, {"-1.5", "1", "NaN"}},
	{NUMERICOID, {"-Infinity", "1.00", "5000000000.5"}},
	{OIDOID, {"0", "1", "4000000000"}},
	{CHAROID, {"a", "b", "c"}},
	{NAMEOID, {"ab", "abc", "b"}},
	{TEXTOID, {"B", "a", "ab"}},
	{VARCHAROID, {"", "a", "b"}},
	{BPCHAROID, {"a", "a  b", "b"}},
	{BYTEAOID, {"\\x00", "\\x0001", "\\xff"}},
	{DATEOID, {"-infinity", "2000-01-01", "2024-02-29"}},
	{TIMEOID, {"00:00", "12:00", "24:00"}},
	{TIMETZOID, {"01:00+02", "01:00+00", "23:00-05"}},
	{TIMESTAMPOID, {"1999-12-31 23:59:59", "2000-01-01", "infinity"}},
	{TIMESTAMPTZOID, {"1999-12-31 23:00+00", "2000-01-01 00:00:00.5+00", "2001-01-01 00:00+00"}},
	{INTERVALOID, {"-1 day", "1 day", "1 mon"}},
	{UUIDOID, {"00000000-0000-0000-0000-000000000000", "10000000-0000-0000-0000-000000000000",
	           "ffffffff-ffff-ffff-ffff-ffffffffffff"}},
	{JSONBOID, {"null", "\"a\"", "{\"a\": 1}"}},
	{TIDOID, {"(0,1)", "(0,2)", "(1,1)"}},
	{INT4ARRAYOID, {"{1}", "{1,2}", "{2}"}},
	{TEXTARRAYOID, {"{a}", "{a,NULL}", "{b}"}},
};

static const sample_set *
samples_of(Oid t)
{
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
		if (samples[i].type == t)
			return &samples[i];
	return NULL;
}

/* Order of a (type la) and b (type lb) through their common type, as a cross-type
 * comparison operator must decide it. */
static int
expected_order(Oid la, Datum a, Oid lb, Datum b)
{
	if (la == lb)
		return ty_compare(la, a, b);
	Oid both[2] = {la, lb};
	Oid ct = ty_select_common_type(2, both, "test", NULL);
	return ty_compare(ct, ty_convert(a, la, ct, -1, COERCION_IMPLICIT),
	                  ty_convert(b, lb, ct, -1, COERCION_IMPLICIT));
}

START_TEST(every_comparison_operator_agrees_with_the_type_ordering)
{
	int nops, checked = 0;
	const ty_oper *ops = ty_oper_table(&nops);
	ty_set_xact_timestamp(0);
	for (int k = 0; k < nops; k++) {
		const ty_oper *o = &ops[k];
		static const char *const names[] = {"=", "<>", "<", "<=", ">", ">="};
		int which = -1;
		for (int j = 0; j < 6; j++)
			if (strcmp(o->name, names[j]) == 0)
				which = j;
		const sample_set *sl = samples_of(o->left), *sr = samples_of(o->right);
		if (which < 0 || o->kind != 'b' || !sl || !sr)
			continue;
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++) {
				Datum a = in(o->left, sl->v[i]), b = in(o->right, sr->v[j]);
				int c = expected_order(o->left, a, o->right, b);
				bool want = which == 0 ? c == 0 : which == 1 ? c != 0 : which == 2 ? c < 0
				          : which == 3 ? c <= 0 : which == 4 ? c > 0 : c >= 0;
				bool isnull;
				bool got = DatumGetBool(fn_call2(o->fn, a, b, &isnull));
				ck_assert_msg(got == want && !isnull, "'%s' %s '%s' (%s) gave %d", sl->v[i],
				              o->name, sr->v[j], o->fn->prosrc, got);
			}
		checked++;
	}
	ck_assert_int_gt(checked, 150);
}
END_TEST

START_TEST(support_functions_agree_with_the_type_ordering)
{
	/* btree comparison functions (bt*cmp, *_cmp) and larger/smaller (max/min support) */
	int nf, cmps = 0, minmax = 0;
	const ty_func *fs = ty_func_table(&nf);
	for (int k = 0; k < nf; k++) {
		const ty_func *f = &fs[k];
		if (f->nargs != 2 || (f->flags & FN_AGG))
			continue;
		const sample_set *sl = samples_of(f->argtypes[0]), *sr = samples_of(f->argtypes[1]);
		if (!sl || !sr)
			continue;
		size_t len = strlen(f->prosrc);
		bool is_cmp = f->rettype == INT4OID && len > 3 && strcmp(f->prosrc + len - 3, "cmp") == 0;
		bool is_larger = strstr(f->prosrc, "larger") != NULL;
		bool is_smaller = strstr(f->prosrc, "smaller") != NULL;
		if (!is_cmp && !is_larger && !is_smaller)
			continue;
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++) {
				Datum a = in(f->argtypes[0], sl->v[i]), b = in(f->argtypes[1], sr->v[j]);
				int c = expected_order(f->argtypes[0], a, f->argtypes[1], b);
				bool isnull;
				Datum r = fn_call2(f, a, b, &isnull);
				if (is_cmp) {
					int got = DatumGetInt32(r);
					ck_assert_msg((got > 0) - (got < 0) == (c > 0) - (c < 0), "%s('%s','%s') gave %d",
					              f->prosrc, sl->v[i], sr->v[j], got);
				} else {
					Datum want = (is_larger ? c >= 0 : c <= 0) ? a : b;
					ck_assert_msg(ty_compare(f->rettype, r, want) == 0, "%s('%s','%s')", f->prosrc,
					              sl->v[i], sr->v[j]);
				}
			}
		if (is_cmp)
			cmps++;
		else
			minmax++;
	}
	ck_assert_int_gt(cmps, 30);
	ck_assert_int_gt(minmax, 20);
}
END_TEST

START_TEST(every_sample_survives_text_and_binary_round_trips_with_stable_hash)
{
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		Oid t = samples[i].type;
		for (int j = 0; j < 3; j++) {
			Datum v = in(t, samples[i].v[j]);
			Datum back = in(t, out(t, v));
			ck_assert_msg(ty_equal(t, v, back), "%s", samples[i].v[j]);
			ck_assert_uint_eq(ty_hash(t, v), ty_hash(t, back));
			ty_buf b;
			ty_buf_init(&b, 16);
			ty_send(&b, t, v);
			Datum r = ty_recv(t, b.data, b.len, -1);
			ck_assert_msg(ty_equal(t, v, r), "binary %s", samples[i].v[j]);
		}
	}
}
END_TEST

/* ---- resolution -------------------------------------------------------------------------- */

START_TEST(operator_resolution_picks_postgresql_operators)
{
	ty_resolution r;
	ty_resolve_operator("+", INT4OID, NUMERICOID, 0, &r);
	ck_assert_int_eq(r.rettype, NUMERICOID);
	ck_assert_int_eq(r.argtarget[0], NUMERICOID);
	ck_assert_str_eq(r.fn->prosrc, "numeric_add");
	ty_resolve_operator("=", INT4OID, INT8OID, 0, &r);
	ck_assert_str_eq(r.fn->prosrc, "int48eq");
	ck_assert_int_eq(r.argtarget[0], INT4OID);
	ck_assert_int_eq(r.argtarget[1], INT8OID);
	ck_assert(r.op->canhash);
	ty_resolve_operator("||", UNKNOWNOID, INT4OID, 0, &r);
	ck_assert_str_eq(r.fn->prosrc, "textanycat");
	ck_assert_int_eq(r.argtarget[0], TEXTOID);
	ck_assert_int_eq(r.argtarget[1], INT4OID);
	ty_resolve_operator("+", INT4OID, UNKNOWNOID, 0, &r);
	ck_assert_str_eq(r.fn->prosrc, "int4pl");
	ty_resolve_operator("-", InvalidOid, INT8OID, 0, &r);
	ck_assert_str_eq(r.fn->prosrc, "int8um");
	ty_resolve_operator("||", INT4ARRAYOID, INT8OID, 0, &r);
	ck_assert_int_eq(r.rettype, INT8ARRAYOID);
	ck_assert_int_eq(r.argtarget[0], INT8ARRAYOID);
	/* commutators and negators are wired */
	const ty_oper *lt = ty_oper_exact("<", INT4OID, INT8OID);
	ck_assert_ptr_nonnull(lt);
	const ty_oper *gt = ty_oper_by_oid(lt->commutator);
	ck_assert_str_eq(gt->name, ">");
	ck_assert_int_eq(gt->left, INT8OID);
	ck_assert_str_eq(ty_oper_by_oid(lt->negator)->name, ">=");
	ck_assert_ptr_nonnull(ty_ordering_op(TEXTOID, false));
	ck_assert_str_eq(ty_ordering_op(INT4ARRAYOID, true)->name, ">");
	ck_assert_ptr_nonnull(ty_equality_op(DATEOID));
}
END_TEST

typedef struct resolve_args {
	const char *name;
	Oid l, r;
	int location;
} resolve_args;

static void
resolve_op_thunk(void *p)
{
	resolve_args *a = p;
	ty_resolution r;
	ty_resolve_operator(a->name, a->l, a->r, a->location, &r);
}

static void
resolve_fn_thunk(void *p)
{
	resolve_args *a = p;
	ty_resolution r;
	Oid args[2] = {a->l, a->r};
	ty_resolve_function(a->name, a->r ? 2 : (a->l ? 1 : 0), args, a->location, &r);
}

START_TEST(missing_and_ambiguous_operators_and_functions_raise_with_position)
{
	resolve_args a = {"+", INT4OID, TEXTOID, 12};
	ck_assert_str_eq(raises(resolve_op_thunk, &a), "42883");
	ck_assert_str_eq(last_msg, "operator does not exist: integer + text");
	ck_assert_int_eq(err_last()->position, 12);
	ck_assert_str_eq(last_hint, "No operator matches the given name and argument types. You might "
	                            "need to add explicit type casts.");
	resolve_args b = {"+", UNKNOWNOID, UNKNOWNOID, 0};
	ck_assert_str_eq(raises(resolve_op_thunk, &b), "42725");
	ck_assert_str_eq(last_msg, "operator is not unique: unknown + unknown");
	resolve_args c = {"foo", INT4OID, 0, 3};
	ck_assert_str_eq(raises(resolve_fn_thunk, &c), "42883");
	ck_assert_str_eq(last_msg, "function foo(integer) does not exist");
	resolve_args d = {"date_trunc", UNKNOWNOID, UNKNOWNOID, 0};
	ck_assert_str_eq(raises(resolve_fn_thunk, &d), "42725");
	ck_assert_str_eq(last_msg, "function date_trunc(unknown, unknown) is not unique");
	/* float8 is the preferred numeric type, so power('2','3') resolves */
	Oid uu[2] = {UNKNOWNOID, UNKNOWNOID};
	ty_resolution pr;
	ty_resolve_function("power", 2, uu, 0, &pr);
	ck_assert_int_eq(pr.rettype, FLOAT8OID);
	ck_assert_str_eq(last_hint, "Could not choose a best candidate function. You might need to add "
	                            "explicit type casts.");
	ty_resolution r;
	Oid t = INT4OID;
	ck_assert(!ty_try_resolve_function("foo", 1, &t, 0, &r));
}
END_TEST

START_TEST(function_resolution_handles_coercion_calls_defaults_and_variadics)
{
	ty_resolution r;
	Oid one = UNKNOWNOID;
	ty_resolve_function("length", 1, &one, 0, &r);
	ck_assert_int_eq(r.argtarget[0], TEXTOID);
	ck_assert_int_eq(r.rettype, INT4OID);
	/* a type name called like a function is a coercion */
	Oid v = VARCHAROID;
	ty_resolve_function("text", 1, &v, 0, &r);
	ck_assert_ptr_null(r.fn);
	ck_assert_int_eq(r.rettype, TEXTOID);
	ty_resolve_function("int4", 1, &one, 0, &r);
	ck_assert_ptr_null(r.fn);
	ck_assert_int_eq(r.rettype, INT4OID);
	/* defaults */
	Oid mi[1] = {INT4OID};
	ty_resolve_function("make_interval", 1, mi, 0, &r);
	ck_assert_int_eq(r.ndefaults, 6);
	ck_assert_str_eq(r.fn->defaults[0], "0");
	/* variadic "any": unknown literals stay unknown */
	Oid ca[3] = {UNKNOWNOID, INT4OID, BOOLOID};
	ty_resolve_function("concat", 3, ca, 0, &r);
	ck_assert_int_eq(r.nvariadic, 3);
	ck_assert_int_eq(r.argtarget[0], UNKNOWNOID);
	ck_assert_int_eq(r.argtarget[2], BOOLOID);
	/* aggregates and window functions resolve like functions */
	Oid i8 = INT8OID;
	ty_resolve_function("sum", 1, &i8, 0, &r);
	ck_assert(r.fn->flags & FN_AGG);
	ck_assert_int_eq(r.rettype, NUMERICOID);
	const ty_agg *ag = ty_agg_of(r.fn);
	ck_assert_ptr_nonnull(ag);
	ck_assert_int_eq(ag->transtype, INTERNALOID);
	ty_resolve_function("count", 0, NULL, 0, &r);
	ck_assert(ty_agg_of(r.fn)->count_star);
	ty_resolve_function("row_number", 0, NULL, 0, &r);
	ck_assert(r.fn->flags & FN_WINDOW);
	Oid aa = INT4ARRAYOID;
	ty_resolve_function("unnest", 1, &aa, 0, &r);
	ck_assert_int_eq(r.rettype, INT4OID);
	ck_assert(r.fn->flags & FN_RETSET);
	Oid ae[1] = {TEXTOID};
	ty_resolve_function("array_agg", 1, ae, 0, &r);
	ck_assert_int_eq(r.rettype, TEXTARRAYOID);
}
END_TEST

typedef struct common_args {
	int n;
	Oid t[4];
	const char *ctx;
} common_args;

static void
common_thunk(void *p)
{
	common_args *a = p;
	int loc[4] = {5, 9, 13, 17};
	ty_select_common_type(a->n, a->t, a->ctx, loc);
}

START_TEST(common_types_follow_select_common_type)
{
	Oid a[] = {INT4OID, NUMERICOID};
	ck_assert_int_eq(ty_select_common_type(2, a, "UNION", NULL), NUMERICOID);
	Oid b[] = {INT4OID, FLOAT8OID};
	ck_assert_int_eq(ty_select_common_type(2, b, "UNION", NULL), FLOAT8OID);
	Oid c[] = {VARCHAROID, BPCHAROID};
	ck_assert_int_eq(ty_select_common_type(2, c, "UNION", NULL), VARCHAROID);
	Oid d[] = {BPCHAROID, VARCHAROID};
	ck_assert_int_eq(ty_select_common_type(2, d, "UNION", NULL), BPCHAROID);
	Oid e[] = {DATEOID, TIMESTAMPTZOID};
	ck_assert_int_eq(ty_select_common_type(2, e, "UNION", NULL), TIMESTAMPTZOID);
	Oid f[] = {INT2OID, INT8OID, INT4OID};
	ck_assert_int_eq(ty_select_common_type(3, f, "UNION", NULL), INT8OID);
	Oid g[] = {UNKNOWNOID, UNKNOWNOID};
	ck_assert_int_eq(ty_select_common_type(2, g, "CASE", NULL), TEXTOID);
	Oid h[] = {FLOAT4OID, NUMERICOID};
	ck_assert_int_eq(ty_select_common_type(2, h, "UNION", NULL), FLOAT4OID);
	Oid i[] = {NAMEOID, TEXTOID};
	ck_assert_int_eq(ty_select_common_type(2, i, "UNION", NULL), NAMEOID);
	Oid j[] = {UNKNOWNOID, INT4OID};
	ck_assert_int_eq(ty_select_common_type(2, j, "COALESCE", NULL), INT4OID);
	common_args k = {2, {TEXTOID, INT4OID}, "CASE"};
	ck_assert_str_eq(raises(common_thunk, &k), "42804");
	ck_assert_str_eq(last_msg, "CASE types text and integer cannot be matched");
	ck_assert_int_eq(err_last()->position, 9);
	common_args l = {2, {INTERVALOID, TIMEOID}, "UNION"};
	ck_assert_str_eq(raises(common_thunk, &l), "42804");
	ck_assert_str_eq(last_msg, "UNION types interval and time without time zone cannot be matched");
	int32_t tms[2] = {14, 14};
	Oid vv[2] = {VARCHAROID, VARCHAROID};
	ck_assert_int_eq(ty_select_common_typmod(2, vv, tms, VARCHAROID), 14);
	tms[1] = 20;
	ck_assert_int_eq(ty_select_common_typmod(2, vv, tms, VARCHAROID), -1);
}
END_TEST

/* ---- casts and coercion contexts -------------------------------------------------------------- */

typedef struct coerce_args {
	Datum v;
	Oid t;
	int32_t tm;
	bool explicit;
} coerce_args;

static void
coerce_thunk(void *p)
{
	coerce_args *a = p;
	ty_coerce_typmod(a->v, a->t, a->tm, a->explicit);
}

START_TEST(coercion_contexts_follow_pg_cast)
{
	ty_castpath p;
	ck_assert(ty_cast_find(INT4OID, INT8OID, COERCION_IMPLICIT, &p));
	ck_assert_int_eq(p.kind, CASTPATH_FUNC);
	ck_assert(!ty_cast_find(INT8OID, INT4OID, COERCION_IMPLICIT, &p));
	ck_assert(ty_cast_find(INT8OID, INT4OID, COERCION_ASSIGNMENT, &p));
	ck_assert(!ty_cast_find(FLOAT8OID, INT4OID, COERCION_IMPLICIT, &p));
	ck_assert(ty_cast_find(FLOAT8OID, INT4OID, COERCION_ASSIGNMENT, &p));
	ck_assert(ty_cast_find(TEXTOID, VARCHAROID, COERCION_IMPLICIT, &p));
	ck_assert_int_eq(p.kind, CASTPATH_RELABEL);
	/* automatic I/O casts: to strings on assignment, from strings only explicitly */
	ck_assert(!ty_cast_find(INT4OID, TEXTOID, COERCION_IMPLICIT, &p));
	ck_assert(ty_cast_find(INT4OID, TEXTOID, COERCION_ASSIGNMENT, &p));
	ck_assert_int_eq(p.kind, CASTPATH_IO);
	ck_assert(!ty_cast_find(TEXTOID, INT4OID, COERCION_ASSIGNMENT, &p));
	ck_assert(ty_cast_find(TEXTOID, INT4OID, COERCION_EXPLICIT, &p));
	ck_assert(!ty_cast_find(BOOLOID, DATEOID, COERCION_EXPLICIT, &p));
	ck_assert(ty_cast_find(INT4ARRAYOID, INT8ARRAYOID, COERCION_IMPLICIT, &p));
	ck_assert_int_eq(p.kind, CASTPATH_ARRAY);
	ck_assert(ty_cast_find(DATEOID, TIMESTAMPTZOID, COERCION_IMPLICIT, &p));
	ck_assert(ty_cast_find(UNKNOWNOID, DATEOID, COERCION_IMPLICIT, &p));
	ck_assert_int_eq(p.kind, CASTPATH_IO);
	Oid src[2] = {INT4OID, UNKNOWNOID}, tgt[2] = {ANYELEMENTOID, ANYELEMENTOID};
	ck_assert(ty_can_coerce(2, src, tgt, COERCION_IMPLICIT));
	Oid src2[2] = {INT4OID, TEXTOID};
	ck_assert(!ty_can_coerce(2, src2, tgt, COERCION_IMPLICIT));
	Oid src3[2] = {INT4ARRAYOID, INT4OID}, tgt3[2] = {ANYARRAYOID, ANYELEMENTOID};
	ck_assert(ty_can_coerce(2, src3, tgt3, COERCION_IMPLICIT));
	int n;
	const ty_cast *tab = ty_cast_table(&n);
	ck_assert_int_gt(n, 100);
	ck_assert_int_eq(tab[0].source, CHAROID);
	/* assignment to varchar(3) / char(3) / numeric(5,2) */
	int32_t vc3 = 3 + VARHDRSZ;
	coerce_args a = {in(TEXTOID, "abcdef"), VARCHAROID, vc3, false};
	ck_assert_str_eq(raises(coerce_thunk, &a), "22001");
	ck_assert_str_eq(last_msg, "value too long for type character varying(3)");
	ck_assert_str_eq(out(VARCHAROID, ty_coerce_typmod(a.v, VARCHAROID, vc3, true)), "abc");
	ck_assert_str_eq(out(VARCHAROID, ty_coerce_typmod(in(TEXTOID, "ab     "), VARCHAROID, vc3, false)), "ab ");
	coerce_args b = {in(TEXTOID, "abcd"), BPCHAROID, vc3, false};
	ck_assert_str_eq(raises(coerce_thunk, &b), "22001");
	ck_assert_str_eq(last_msg, "value too long for type character(3)");
	ck_assert_str_eq(out(BPCHAROID, ty_coerce_typmod(in(TEXTOID, "a"), BPCHAROID, vc3, false)), "a  ");
	coerce_args c = {in(NUMERICOID, "999.995"), NUMERICOID, ((5 << 16) | 2) + VARHDRSZ, false};
	ck_assert_str_eq(raises(coerce_thunk, &c), "22003");
	ck_assert_str_eq(last_msg, "numeric field overflow");
	ck_assert_str_eq(err_last()->detail,
	                 "A field with precision 5, scale 2 must round to an absolute value less than 10^3.");
	ck_assert_str_eq(out(INT4OID, ty_convert(in(FLOAT8OID, "2.5"), FLOAT8OID, INT4OID, -1, COERCION_ASSIGNMENT)), "2");
	ck_assert(ty_has_typmod_coercion(VARCHARARRAYOID));
	ck_assert(!ty_has_typmod_coercion(INT4OID));
}
END_TEST

static void
convert_thunk(void *p)
{
	(void)p;
	ty_convert(BoolGetDatum(true), BOOLOID, DATEOID, -1, COERCION_EXPLICIT);
}

START_TEST(impossible_casts_raise_cannot_coerce)
{
	ck_assert_str_eq(raises(convert_thunk, NULL), "42846");
	ck_assert_str_eq(last_msg, "cannot cast type boolean to date");
}
END_TEST

/* ---- windows -------------------------------------------------------------------------------- */

/* A partition of rows ordered by key; arg 0 = value, arg 1 and 2 constants. */
typedef struct mock_win {
	int n;
	int cur;
	const int *key;
	const int *val;
	Datum a1, a2;      /* arguments 1 and 2 (arg 0 too for ntile, which has one argument) */
	bool a1null;
	int frame_end; /* inclusive, relative to partition; -1 = current row */
} mock_win;

static int64_t
m_rows(ty_winobj *w)
{
	return ((mock_win *)w->priv)->n;
}

static int64_t
m_pos(ty_winobj *w)
{
	return ((mock_win *)w->priv)->cur;
}

static bool
m_peers(ty_winobj *w, int64_t a, int64_t b)
{
	mock_win *m = w->priv;
	return m->key[a] == m->key[b];
}

static Datum
m_part(ty_winobj *w, int argno, int64_t rel, ty_winseek seek, bool *isnull, bool *isout)
{
	mock_win *m = w->priv;
	int64_t pos = seek == WIN_SEEK_HEAD ? rel : seek == WIN_SEEK_TAIL ? m->n - 1 + rel : m->cur + rel;
	*isout = pos < 0 || pos >= m->n;
	*isnull = *isout;
	return *isout ? 0 : Int32GetDatum(m->val[pos]);
}

static Datum
m_frame(ty_winobj *w, int argno, int64_t rel, ty_winseek seek, bool *isnull, bool *isout)
{
	mock_win *m = w->priv;
	int end = m->frame_end < 0 ? m->cur : m->frame_end;
	int64_t pos = seek == WIN_SEEK_HEAD ? rel : end + rel;
	*isout = pos < 0 || pos > end;
	*isnull = *isout;
	return *isout ? 0 : Int32GetDatum(m->val[pos]);
}

static Datum
m_current(ty_winobj *w, int argno, bool *isnull)
{
	mock_win *m = w->priv;
	/* ntile's only argument is argument 0: serve it from a1 as well */
	bool first = argno == 1 || (argno == 0 && m->val == NULL);
	*isnull = first ? m->a1null : false;
	return first ? m->a1 : m->a2;
}

static const ty_winapi mock_api = {m_rows, m_pos, m_peers, m_part, m_frame, m_current};

/* Run window function `name` (with nargs declared) over the partition, into out[]. */
static void
run_window(const char *name, int nargs, const Oid *argtypes, mock_win *m, char out[][32])
{
	ty_resolution r;
	ty_resolve_function(name, nargs, argtypes, 0, &r);
	ck_assert(r.fn->flags & FN_WINDOW);
	ty_winobj w = {&mock_api, m, NULL};
	for (int i = 0; i < m->n; i++) {
		m->cur = i;
		fn_call c;
		Datum args[3] = {0, m->a1, m->a2};
		bool nulls[3] = {false, false, false};
		fn_call_init(&c, r.fn, nargs, args, nulls, r.argtarget);
		c.win = &w;
		c.rettype = r.rettype;
		Datum v = r.fn->impl(&c);
		if (c.isnull)
			snprintf(out[i], 32, "NULL");
		else
			snprintf(out[i], 32, "%s", ty_output(r.rettype, v));
	}
}

static void
expect_row(char got[][32], int n, const char *const *want, const char *what)
{
	for (int i = 0; i < n; i++)
		ck_assert_msg(strcmp(got[i], want[i]) == 0, "%s row %d: got %s want %s", what, i, got[i], want[i]);
}

START_TEST(ranking_window_functions_match_postgresql)
{
	/* SELECT k, row_number() OVER w, rank() OVER w ... FROM (VALUES (1),(1),(2),(3),(3),(3)) */
	static const int key[6] = {1, 1, 2, 3, 3, 3}, val[6] = {10, 20, 30, 40, 50, 60};
	mock_win m = {6, 0, key, val, Int32GetDatum(4), 0, false, -1};
	char got[6][32];
	run_window("row_number", 0, NULL, &m, got);
	expect_row(got, 6, (const char *const[]){"1", "2", "3", "4", "5", "6"}, "row_number");
	run_window("rank", 0, NULL, &m, got);
	expect_row(got, 6, (const char *const[]){"1", "1", "3", "4", "4", "4"}, "rank");
	run_window("dense_rank", 0, NULL, &m, got);
	expect_row(got, 6, (const char *const[]){"1", "1", "2", "3", "3", "3"}, "dense_rank");
	run_window("percent_rank", 0, NULL, &m, got);
	expect_row(got, 6, (const char *const[]){"0", "0", "0.4", "0.6", "0.6", "0.6"}, "percent_rank");
	run_window("cume_dist", 0, NULL, &m, got);
	expect_row(got, 6,
	           (const char *const[]){"0.3333333333333333", "0.3333333333333333", "0.5", "1", "1", "1"},
	           "cume_dist");
	Oid i4 = INT4OID;
	m.val = NULL; /* ntile reads no values */
	run_window("ntile", 1, &i4, &m, got);
	expect_row(got, 6, (const char *const[]){"1", "1", "2", "2", "3", "4"}, "ntile(4)");
	m.a1 = Int32GetDatum(10);
	run_window("ntile", 1, &i4, &m, got);
	expect_row(got, 6, (const char *const[]){"1", "2", "3", "4", "5", "6"}, "ntile(10)");
	m.a1null = true;
	run_window("ntile", 1, &i4, &m, got);
	expect_row(got, 6, (const char *const[]){"NULL", "NULL", "NULL", "NULL", "NULL", "NULL"}, "ntile(NULL)");
}
END_TEST

static void
ntile_zero_thunk(void *p)
{
	static const int key[2] = {1, 2};
	mock_win m = {2, 0, key, NULL, Int32GetDatum(0), 0, false, -1};
	char got[2][32];
	Oid i4 = INT4OID;
	run_window("ntile", 1, &i4, &m, got);
}

START_TEST(value_window_functions_match_postgresql)
{
	static const int key[5] = {1, 2, 3, 4, 5}, val[5] = {10, 20, 30, 40, 50};
	mock_win m = {5, 0, key, val, Int32GetDatum(2), Int32GetDatum(-1), false, -1};
	char got[5][32];
	Oid a1[1] = {INT4OID};
	run_window("lag", 1, a1, &m, got);
	expect_row(got, 5, (const char *const[]){"NULL", "10", "20", "30", "40"}, "lag(x)");
	Oid a2[2] = {INT4OID, INT4OID};
	run_window("lead", 2, a2, &m, got);
	expect_row(got, 5, (const char *const[]){"30", "40", "50", "NULL", "NULL"}, "lead(x, 2)");
	Oid a3[3] = {INT4OID, INT4OID, INT4OID};
	run_window("lag", 3, a3, &m, got);
	expect_row(got, 5, (const char *const[]){"-1", "-1", "10", "20", "30"}, "lag(x, 2, -1)");
	/* default frame: RANGE UNBOUNDED PRECEDING .. CURRENT ROW */
	run_window("first_value", 1, a1, &m, got);
	expect_row(got, 5, (const char *const[]){"10", "10", "10", "10", "10"}, "first_value");
	run_window("last_value", 1, a1, &m, got);
	expect_row(got, 5, (const char *const[]){"10", "20", "30", "40", "50"}, "last_value");
	run_window("nth_value", 2, a2, &m, got);
	expect_row(got, 5, (const char *const[]){"NULL", "20", "20", "20", "20"}, "nth_value(x, 2)");
	m.frame_end = 4; /* ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING */
	run_window("last_value", 1, a1, &m, got);
	expect_row(got, 5, (const char *const[]){"50", "50", "50", "50", "50"}, "last_value full frame");
	ck_assert_str_eq(raises(ntile_zero_thunk, NULL), "22014");
	ck_assert_str_eq(last_msg, "argument of ntile must be greater than zero");
}
END_TEST

/* ---- set-returning protocol, fast paths, memory -------------------------------------------- */

START_TEST(set_returning_functions_follow_the_value_per_call_protocol)
{
	Oid args[3] = {INT4OID, INT4OID, INT4OID};
	ty_resolution r;
	ty_resolve_function("generate_series", 3, args, 0, &r);
	Datum v[3] = {Int32GetDatum(10), Int32GetDatum(1), Int32GetDatum(-4)};
	bool nl[3] = {false, false, false};
	fn_call c;
	fn_call_init(&c, r.fn, 3, v, nl, r.argtarget);
	int got[8], n = 0;
	for (;;) {
		c.isnull = false;
		Datum d = fn_invoke(&c);
		if (c.srf_done)
			break;
		ck_assert_int_lt(n, 8);
		got[n++] = DatumGetInt32(d);
		c.srf_call++;
	}
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(got[0], 10);
	ck_assert_int_eq(got[2], 2);
}
END_TEST

static void
i4add_thunk(void *p)
{
	(void)p;
	ty_int4_add(INT32_MAX, 1);
}

static void
i8div_thunk(void *p)
{
	(void)p;
	ty_int8_div(INT64_MIN, -1);
}

static void
f8div_thunk(void *p)
{
	(void)p;
	ty_float8_div(1, 0);
}

static void
i4mod_thunk(void *p)
{
	(void)p;
	ty_int4_mod(1, 0);
}

START_TEST(fast_entry_points_check_overflow_and_division)
{
	ck_assert_int_eq(ty_int4_add(2, 3), 5);
	ck_assert_int_eq(ty_int8_mul(-4, 5), -20);
	ck_assert_int_eq(ty_int4_mod(INT32_MIN, -1), 0);
	ck_assert_int_eq(ty_int8_mod(-7, 2), -1);
	ck_assert_int_eq(ty_int4_div(-7, 2), -3);
	ck_assert_int_eq(ty_int8_sub(5, 7), -2);
	ck_assert_int_eq(ty_int4_sub(5, 7), -2);
	ck_assert_int_eq(ty_int4_mul(-4, 5), -20);
	ck_assert_str_eq(raises(i4add_thunk, NULL), "22003");
	ck_assert_str_eq(last_msg, "integer out of range");
	ck_assert_str_eq(raises(i8div_thunk, NULL), "22003");
	ck_assert_str_eq(last_msg, "bigint out of range");
	ck_assert_str_eq(raises(f8div_thunk, NULL), "22012");
	ck_assert_str_eq(raises(i4mod_thunk, NULL), "22012");
	ck_assert(ty_float8_cmp(NAN, NAN) == 0 && ty_float4_cmp(1.0f, NAN) < 0);
	ck_assert_str_eq(out(NUMERICOID, ty_numeric_add(in(NUMERICOID, "1.5"), in(NUMERICOID, "2"))), "3.5");
	ck_assert_str_eq(out(NUMERICOID, ty_numeric_sub(in(NUMERICOID, "1.5"), in(NUMERICOID, "2"))), "-0.5");
	ck_assert_str_eq(out(NUMERICOID, ty_numeric_mul(in(NUMERICOID, "1.5"), in(NUMERICOID, "2"))), "3.0");
	ck_assert_str_eq(out(NUMERICOID, ty_numeric_div(in(NUMERICOID, "1"), in(NUMERICOID, "8"))), "0.12500000000000000000");
	ck_assert_int_lt(ty_numeric_cmp(in(NUMERICOID, "1.5"), in(NUMERICOID, "2")), 0);
	ck_assert_int_lt(ty_text_cmp(in(TEXTOID, "a"), in(TEXTOID, "b")), 0);
	/* by-value calls allocate nothing */
	mem_ctx *cx = mem_create(mem_top, "noalloc");
	mem_ctx *old = mem_switch(cx);
	size_t before = mem_bytes(cx);
	const ty_oper *op = ty_oper_exact("+", INT8OID, INT8OID);
	ck_assert_int_eq(op->fn->fastop, FAST_ADD);
	ck_assert_int_eq(op->fn->fastkind, FK_INT8);
	Datum args[2] = {Int64GetDatum(1), Int64GetDatum(2)};
	bool nl[2] = {false, false};
	fn_call c;
	fn_call_init(&c, op->fn, 2, args, nl, op->fn->argtypes);
	for (int i = 0; i < 1000; i++)
		args[0] = fn_invoke(&c);
	ck_assert_int_eq(DatumGetInt64(args[0]), 2001);
	ck_assert_uint_eq(mem_bytes(cx), before);
	mem_switch(old);
	mem_delete(cx);
	bool isnull;
	ck_assert_int_eq(DatumGetInt32(fn_call2(ty_oper_exact("*", INT4OID, INT4OID)->fn, Int32GetDatum(6),
	                                        Int32GetDatum(7), &isnull)),
	                 42);
	ck_assert_int_eq(DatumGetInt32(fn_call1(ty_func_exact("abs", 1, (Oid[]){INT4OID}), Int32GetDatum(-3), &isnull)), 3);
}
END_TEST

typedef struct like_case {
	const char *s, *p;
	bool icase, want;
} like_case;

/* The definition of LIKE, as directly as possible: backtracking over every split. */
static bool
like_reference(const char *s, const char *p, bool icase)
{
	if (*p == '\0')
		return *s == '\0';
	if (*p == '%')
		for (const char *t = s;; t += *t ? 1 : 0) {
			/* only split at character boundaries */
			if (((unsigned char)*t & 0xC0) != 0x80 && like_reference(t, p + 1, icase))
				return true;
			if (*t == '\0')
				return false;
		}
	if (*s == '\0')
		return false;
	if (*p == '_') {
		const char *t = s + 1;
		while (((unsigned char)*t & 0xC0) == 0x80)
			t++;
		return like_reference(t, p + 1, icase);
	}
	if (*p == '\\')
		p++;
	char a = *p, b = *s;
	if (icase) {
		a = (char)tolower((unsigned char)a);
		b = (char)tolower((unsigned char)b);
	}
	return a == b && like_reference(s + 1, p + 1, icase);
}

START_TEST(like_matcher_agrees_with_the_definition_on_random_patterns)
{
	/* "\xc3\xa9" is é: two bytes, one character */
	static const char *const pat_atoms[] = {"a", "b", "A", "%", "%", "_", "\\%", "\\_", "\xc3\xa9"};
	static const char *const str_atoms[] = {"a", "b", "B", "%", "_", "\xc3\xa9"};
	uint32_t seed = 12345;
	int matched = 0;
	for (int iter = 0; iter < 40000; iter++) {
		char p[64] = "", s[64] = "";
		seed = seed * 1103515245u + 12345u;
		int np = (int)(seed >> 16) % 7, ns = (int)(seed >> 8) % 9;
		for (int i = 0; i < np; i++) {
			seed = seed * 1103515245u + 12345u;
			strcat(p, pat_atoms[(seed >> 16) % 9]);
		}
		for (int i = 0; i < ns; i++) {
			seed = seed * 1103515245u + 12345u;
			strcat(s, str_atoms[(seed >> 16) % 6]);
		}
		bool icase = iter % 3 == 0;
		ty_like_pat *cp = ty_like_compile(p, (int)strlen(p), icase);
		bool got = ty_like_match(cp, s, (int)strlen(s));
		ty_like_free(cp);
		ck_assert_msg(got == like_reference(s, p, icase), "'%s' %s '%s' gave %d", s,
		              icase ? "ILIKE" : "LIKE", p, got);
		matched += got;
	}
	/* both outcomes were exercised */
	ck_assert_int_gt(matched, 2000);
	ck_assert_int_lt(matched, 38000);
}
END_TEST

START_TEST(like_matcher_handles_wildcards_escapes_and_multibyte)
{
	static const like_case cases[] = {
		{"abc", "abc", false, true},      {"abc", "ab", false, false},
		{"abc", "a%", false, true},       {"abc", "%c", false, true},
		{"abc", "%b%", false, true},      {"abc", "%x%", false, false},
		{"abc", "_b_", false, true},      {"héllo", "h_llo", false, true},
		{"héllo", "h__llo", false, false}, {"a%c", "a\\%c", false, true},
		{"abc", "a\\%c", false, false},   {"a_c", "a\\_c", false, true},
		{"", "%", false, true},           {"", "_", false, false},
		{"mississippi", "%iss%ipp%", false, true}, {"aaaa", "%a%a%a%a%", false, true},
		{"aaa", "%a%a%a%a%", false, false}, {"ABC", "a%", true, true},
		{"ABC", "%B_", true, true},       {"abc", "A%", false, false},
		{"x\\y", "x\\\\y", false, true},   {"abcabc", "%bc", false, true},
		{"abcbc", "a%b_", false, true},   {"abc", "ab%bc", false, false},
		{"xaaay", "x%a_a%y", false, true}, {"héé", "%_é", false, true},
		{"héé", "%é_", false, true},      {"abXcd", "%B%D", true, true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const like_case *lc = &cases[i];
		ty_like_pat *p = ty_like_compile(lc->p, (int)strlen(lc->p), lc->icase);
		bool got = ty_like_match(p, lc->s, (int)strlen(lc->s));
		ck_assert_msg(got == lc->want, "'%s' LIKE '%s' gave %d", lc->s, lc->p, got);
	}
	/* through the function table, one fn_call reused while the pattern changes per row */
	Oid tt[2] = {TEXTOID, TEXTOID};
	const ty_func *f = ty_func_exact("textlike", 2, tt);
	ck_assert_ptr_nonnull(f);
	Datum args[2];
	bool nulls[2] = {false, false};
	fn_call c;
	fn_call_init(&c, f, 2, args, nulls, tt);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].icase)
			continue;
		args[0] = ty_cstring_to_text(cases[i].s);
		args[1] = ty_cstring_to_text(cases[i].p);
		ck_assert_int_eq(DatumGetBool(fn_invoke(&c)), cases[i].want);
	}
}
END_TEST

static void
regex_match_thunk(void *arg)
{
	Oid tt[2] = {TEXTOID, TEXTOID};
	bool isnull;
	fn_call2(ty_func_exact("textregexeq", 2, tt), ty_cstring_to_text("ab"),
	         ty_cstring_to_text(arg), &isnull);
}

/* x SIMILAR TO p, as the analyzer rewrites it: x ~ similar_to_escape(p) */
static bool
similar_to(const char *x, const char *pat)
{
	Oid t1[1] = {TEXTOID}, tt[2] = {TEXTOID, TEXTOID};
	bool isnull;
	Datum re = fn_call1(ty_func_exact("similar_to_escape", 1, t1), ty_cstring_to_text(pat), &isnull);
	return DatumGetBool(fn_call2(ty_func_exact("textregexeq", 2, tt), ty_cstring_to_text(x), re, &isnull));
}

START_TEST(similar_to_matches_as_postgresql)
{
	/* results from PostgreSQL 15 */
	ck_assert(similar_to("abc", "a(b|x)c"));
	ck_assert(similar_to("abc", "a%"));
	ck_assert(!similar_to("abc", "_b"));
	ck_assert(similar_to("aaa", "a{2,}"));
	ck_assert(similar_to("ab", "[a-b]+"));
	ck_assert(similar_to("a.c", "a\\.c"));
	ck_assert(!similar_to("abc", "a\\.c"));
	ck_assert(similar_to("a%", "a\\%"));
	ck_assert(!similar_to("ab", "a\\%"));
	ck_assert(!similar_to("xabcx", "abc"));      /* anchored at both ends */
	ck_assert(similar_to("a$^", "a$^"));         /* ARE anchors are escaped */
}
END_TEST

START_TEST(regex_constructs_libc_cannot_match_like_postgresql_are_refused)
{
	/* would silently match differently (longest instead of shortest, no lookahead) */
	static const char *const refused[] = {"a*?", "<.+?>", "a??", "a{1,2}?", "a(?=b)",
	                                      "a(?!b)", "(?<=a)b", "(?e)a"};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		ck_assert_str_eq(raises(regex_match_thunk, (void *)refused[i]), "0A000");
		ck_assert_msg(strstr(last_msg, "not supported"), "%s: %s", refused[i], last_msg);
	}
	/* the ARE notations that are translated work */
	ck_assert_str_eq(raises(regex_match_thunk, "^\\w\\W?[\\d\\w]$"), "");
	ck_assert_str_eq(raises(regex_match_thunk, "(?:a)(b)\\1?"), "");
	ck_assert_str_eq(raises(regex_match_thunk, "(a)\\2"), "2201B");
	ck_assert_str_eq(last_msg, "invalid regular expression: invalid backreference number");
	ck_assert_str_eq(raises(regex_match_thunk, "\\x"), "2201B");
	ck_assert_str_eq(raises(regex_match_thunk, "(?z)a"), "2201B");
	ck_assert_str_eq(last_msg, "invalid regular expression: invalid embedded option");
}
END_TEST


/* Call a built-in by name with the given arguments (types must match a declared entry). */
static Datum
call_named(const char *name, int nargs, const Oid *types, const Datum *vals, bool *isnull)
{
	const ty_func *f = ty_func_exact(name, nargs, types);
	ck_assert_msg(f != NULL, "%s/%d not in the table", name, nargs);
	Datum args[4];
	bool nulls[4] = {false, false, false, false};
	for (int i = 0; i < nargs; i++)
		args[i] = vals[i];
	fn_call c;
	fn_call_init(&c, f, nargs, args, nulls, types);
	c.rettype = f->rettype;
	Datum r = fn_invoke(&c);
	*isnull = c.isnull;
	return r;
}

static const char *
call_out(const char *name, int nargs, const Oid *types, const Datum *vals)
{
	bool isnull;
	Datum r = call_named(name, nargs, types, vals, &isnull);
	ck_assert(!isnull);
	return out(ty_func_exact(name, nargs, types)->rettype, r);
}

START_TEST(current_time_functions_read_the_transaction_and_statement_clock)
{
	char err[128];
	ck_assert_int_eq(cfg_set_session("timezone", "Europe/Paris", err, sizeof err), 0);
	Timestamp xact = DatumGetInt64(in(TIMESTAMPTZOID, "2024-05-07 13:04:05.123456+00"));
	ty_set_xact_timestamp(xact);
	ty_set_stmt_timestamp(xact + 1500000);
	Oid i4[1] = {INT4OID};
	Datum two[1] = {Int32GetDatum(2)}, zero[1] = {Int32GetDatum(0)}, one[1] = {Int32GetDatum(1)};
	ck_assert_str_eq(call_out("now", 0, NULL, NULL), "2024-05-07 15:04:05.123456+02");
	ck_assert_str_eq(call_out("transaction_timestamp", 0, NULL, NULL), "2024-05-07 15:04:05.123456+02");
	ck_assert_str_eq(call_out("current_timestamp", 0, NULL, NULL), "2024-05-07 15:04:05.123456+02");
	ck_assert_str_eq(call_out("current_timestamp", 1, i4, two), "2024-05-07 15:04:05.12+02");
	ck_assert_str_eq(call_out("statement_timestamp", 0, NULL, NULL), "2024-05-07 15:04:06.623456+02");
	ck_assert_str_eq(call_out("current_date", 0, NULL, NULL), "2024-05-07");
	ck_assert_str_eq(call_out("current_time", 0, NULL, NULL), "15:04:05.123456+02");
	ck_assert_str_eq(call_out("current_time", 1, i4, zero), "15:04:05+02");
	ck_assert_str_eq(call_out("localtime", 0, NULL, NULL), "15:04:05.123456");
	ck_assert_str_eq(call_out("localtime", 1, i4, one), "15:04:05.1");
	ck_assert_str_eq(call_out("localtimestamp", 0, NULL, NULL), "2024-05-07 15:04:05.123456");
	ck_assert_str_eq(call_out("localtimestamp", 1, i4, zero), "2024-05-07 15:04:05");
	/* age(x) is age(current_date at midnight, x) */
	Oid ts[1] = {TIMESTAMPOID}, tstz[1] = {TIMESTAMPTZOID};
	Datum d[1] = {in(TIMESTAMPOID, "2020-01-01")};
	ck_assert_str_eq(call_out("age", 1, ts, d), "4 years 4 mons 6 days");
	d[0] = in(TIMESTAMPTZOID, "2020-01-01 00:00+01");
	ck_assert_str_eq(call_out("age", 1, tstz, d), "4 years 4 mons 6 days");
	/* the real clock moves on */
	bool isnull;
	Datum clk = call_named("clock_timestamp", 0, NULL, NULL, &isnull);
	ck_assert_int_gt(DatumGetInt64(clk), DatumGetInt64(in(TIMESTAMPTZOID, "2024-01-01")));
	const char *tod = call_out("timeofday", 0, NULL, NULL);
	ck_assert_msg(strstr(tod, "CE") != NULL, "timeofday gave %s", tod); /* CET or CEST */
	ck_assert_int_eq(cfg_set_session("timezone", "UTC", err, sizeof err), 0);
}
END_TEST

START_TEST(random_values_have_the_right_shape)
{
	bool isnull;
	Datum u1 = call_named("gen_random_uuid", 0, NULL, NULL, &isnull);
	Datum u2 = call_named("gen_random_uuid", 0, NULL, NULL, &isnull);
	ck_assert(!ty_equal(UUIDOID, u1, u2));
	const char *s = out(UUIDOID, u1);
	ck_assert_int_eq(strlen(s), 36);
	ck_assert_int_eq(s[14], '4');                  /* version 4 */
	ck_assert(strchr("89ab", s[19]) != NULL);       /* RFC 4122 variant */
	Oid f8[1] = {FLOAT8OID};
	Datum seed[1] = {Float8GetDatum(0.5)};
	call_named("setseed", 1, f8, seed, &isnull);
	double r1 = DatumGetFloat8(call_named("random", 0, NULL, NULL, &isnull));
	call_named("setseed", 1, f8, seed, &isnull);
	double r2 = DatumGetFloat8(call_named("random", 0, NULL, NULL, &isnull));
	ck_assert(r1 == r2);
	for (int i = 0; i < 1000; i++) {
		double r = DatumGetFloat8(call_named("random", 0, NULL, NULL, &isnull));
		ck_assert(r >= 0.0 && r < 1.0);
	}
	Datum bad[1] = {Float8GetDatum(1.5)};
	ck_assert_str_eq(raises(setseed_thunk, bad), "22023");
	ck_assert_str_eq(last_msg, "setseed parameter 1.5 is out of allowed range [-1,1]");
}
END_TEST

/* reg* types print names and read names through the catalog layer's hooks */
static Oid
mock_in(const char *name)
{
	if (strcmp(name, "thing") == 0)
		return 16400;
	ph_error(ERRCODE_UNDEFINED_OBJECT, "no object \"%s\"", name);
}

static const char *
mock_out(Oid o)
{
	return o == 16400 ? "thing" : NULL;
}

START_TEST(reg_types_use_the_catalog_hooks_and_fall_back_to_numbers)
{
	static const Oid regs[] = {REGCLASSOID, REGPROCOID, REGNAMESPACEOID, REGROLEOID};
	ty_catalog_hooks saved = *ty_catalog();
	ty_catalog_hooks h = {mock_in, mock_out, NULL, NULL, mock_in, mock_out,
	                      mock_in, mock_out, mock_in, mock_out};
	ty_set_catalog_hooks(&h);
	for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++) {
		Oid t = regs[i];
		Datum v = in(t, " thing ");
		ck_assert_uint_eq(DatumGetObjectId(v), 16400);
		ck_assert_str_eq(out(t, v), "thing");
		ck_assert_str_eq(out(t, in(t, "12345")), "12345"); /* unknown oid: the number */
		ck_assert_str_eq(out(t, in(t, "-")), "-");
		ty_buf b;
		ty_buf_init(&b, 8);
		ty_send(&b, t, v);
		ck_assert_uint_eq(DatumGetObjectId(ty_recv(t, b.data, b.len, -1)), 16400);
	}
	ty_set_catalog_hooks(NULL);
	ck_assert_str_eq(raises(regclass_in_thunk, "thing"), "42P01");
	ck_assert_str_eq(last_msg, "relation \"thing\" does not exist");
	ty_set_catalog_hooks(&saved);
}
END_TEST

/* ---- time zones and the statement clock ----------------------------------------------------- */

START_TEST(time_zones_follow_the_tz_database_and_dst_rules)
{
	ck_assert_ptr_null(ty_tz_lookup("Nowhere/Land"));
	ck_assert(!ty_tz_valid_setting("Nowhere/Land"));
	const ty_tz *ny = ty_tz_lookup("america/new_york");
	ck_assert_ptr_nonnull(ny);
	ck_assert_ptr_eq(ty_tz_lookup("America/New_York"), ny);
	const char *abbr;
	bool dst;
	/* 2024-07-01 12:00 UTC: EDT */
	ck_assert_int_eq(ty_tz_offset_utc(ny, 1719835200, &abbr, &dst), -4 * 3600);
	ck_assert_str_eq(abbr, "EDT");
	ck_assert(dst);
	/* far future uses the POSIX footer rule */
	ck_assert_int_eq(ty_tz_offset_utc(ny, INT64_C(4102444800) + 180 * 86400, NULL, NULL), -4 * 3600);
	/* skipped local time takes the offset before the change, a repeated one the later */
	ck_assert_int_eq(ty_tz_offset_local(ny, 1678588200 /* 2023-03-12 02:30 local */, NULL), -5 * 3600);
	ck_assert_int_eq(ty_tz_offset_local(ny, 1699147800 /* 2023-11-05 01:30 local */, NULL), -5 * 3600);
	const ty_tz *posix = ty_tz_lookup("UTC+2");
	ck_assert_int_eq(ty_tz_offset_utc(posix, 0, &abbr, NULL), -7200);
	ck_assert_str_eq(abbr, "UTC");
	const ty_tz *hrs = ty_tz_lookup("+05:30");
	ck_assert_ptr_null(hrs);
	ck_assert_int_eq(ty_tz_offset_utc(ty_tz_lookup("5.5"), 0, NULL, NULL), 19800);
	int off;
	ck_assert(ty_tz_abbrev("cest", &off, &dst) && off == 7200 && dst);
	ck_assert(!ty_tz_abbrev("xyz", &off, &dst));
	ck_assert_str_eq(ty_tz_name(ny), "america/new_york");
	/* statement clock */
	ty_set_xact_timestamp(1000000);
	ty_set_stmt_timestamp(2000000);
	ck_assert_int_eq(ty_xact_timestamp(), 1000000);
	ck_assert_int_eq(ty_stmt_timestamp(), 2000000);
	ck_assert_int_gt(ty_clock_timestamp(), INT64_C(757382400000000));
	char err[128];
	ck_assert_int_eq(cfg_set_session("timezone", "Asia/Kolkata", err, sizeof err), 0);
	ck_assert_ptr_eq(ty_tz_session(), ty_tz_lookup("Asia/Kolkata"));
	ck_assert_str_eq(out(TIMESTAMPTZOID, (Datum)(int64_t)0), "2000-01-01 05:30:00+05:30");
	cfg_reset_session(NULL, err, sizeof err);
	ck_assert_int_eq(ty_date2j(2000, 1, 1), POSTGRES_EPOCH_JDATE);
	int y, mo, d;
	ty_j2date(0, &y, &mo, &d);
	ck_assert_int_eq(y, -4713); /* 4714 BC */
	ck_assert_int_eq(ty_j2day(POSTGRES_EPOCH_JDATE), 6);
	ck_assert_int_eq(ty_days_in_month(2100, 2), 28);
}
END_TEST

/* ---- binary input errors ------------------------------------------------------------------- */

typedef struct recv_args {
	Oid t;
	const char *data;
	int len;
} recv_args;

static void
recv_thunk(void *p)
{
	recv_args *a = p;
	ty_recv(a->t, a->data, a->len, -1);
}

START_TEST(bad_binary_input_raises_22p03)
{
	recv_args a = {INT4OID, "\0\0\1", 3};
	ck_assert_str_eq(raises(recv_thunk, &a), "22P03");
	ck_assert_str_eq(last_msg, "insufficient data left in message");
	recv_args b = {INT4OID, "\0\0\0\1\2", 5};
	ck_assert_str_eq(raises(recv_thunk, &b), "22P03");
	ck_assert_str_eq(last_msg, "incorrect binary data format");
	/* numeric digit 10000 */
	recv_args c = {NUMERICOID, "\0\1\0\0\0\0\0\0\x27\x10", 10};
	ck_assert_str_eq(raises(recv_thunk, &c), "22P03");
	ck_assert_str_eq(last_msg, "invalid digit in external \"numeric\" value");
	recv_args d = {NUMERICOID, "\0\0\0\0\x12\x34\0\0", 8};
	ck_assert_str_eq(raises(recv_thunk, &d), "22P03");
	ck_assert_str_eq(last_msg, "invalid sign in external \"numeric\" value");
	/* int4[] whose elements claim to be text */
	recv_args e = {INT4ARRAYOID, "\0\0\0\1\0\0\0\0\0\0\0\x19\0\0\0\0\0\0\0\1", 20};
	ck_assert_str_eq(raises(recv_thunk, &e), "42804");
	recv_args f = {TEXTOID, "\xc3\x28", 2};
	ck_assert_str_eq(raises(recv_thunk, &f), "22021");
	ck_assert_str_eq(last_msg, "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28");
	recv_args g = {JSONBOID, "\2{}", 3};
	ck_assert_str_eq(raises(recv_thunk, &g), "22P03");
	recv_args h = {DATEOID, "\x7f\xff\xff\xfe", 4};
	ck_assert_str_eq(raises(recv_thunk, &h), "22008");
}
END_TEST

START_TEST(arrays_build_and_deconstruct_with_bounds)
{
	Datum vals[3] = {Int32GetDatum(1), 0, Int32GetDatum(3)};
	bool nulls[3] = {false, true, false};
	Datum a = ty_array_build(INT4OID, 3, vals, nulls);
	ck_assert_str_eq(out(INT4ARRAYOID, a), "{1,NULL,3}");
	ck_assert_int_eq(ty_array_nitems(a), 3);
	ck_assert(ty_array_has_nulls(a));
	bool isnull;
	ck_assert_int_eq(DatumGetInt32(ty_array_get(a, 2, &isnull)), 3);
	ty_array_get(a, 1, &isnull);
	ck_assert(isnull);
	ty_array_get(a, 7, &isnull);
	ck_assert(isnull);
	int dims[2] = {2, 2}, lbs[2] = {0, 5};
	Datum v4[4] = {ty_cstring_to_text("a"), ty_cstring_to_text("b c"), ty_cstring_to_text(""),
	               ty_cstring_to_text("d")};
	Datum m = ty_array_build_md(TEXTOID, 2, dims, lbs, v4, NULL);
	ck_assert_str_eq(out(TEXTARRAYOID, m), "[0:1][5:6]={{a,\"b c\"},{\"\",d}}");
	ck_assert_int_eq(ty_array_ndim(m), 2);
	ck_assert_int_eq(ty_array_lbound(m, 2), 5);
	ck_assert_int_eq(ty_array_dims(m)[1], 2);
	ck_assert_str_eq(out(INT4ARRAYOID, ty_array_build(INT4OID, 0, NULL, NULL)), "{}");
	/* jsonb interface */
	ty_jnode *t = ty_jsonb_tree(in(JSONBOID, "{\"b\": [1, 2], \"a\": null}"));
	ck_assert_int_eq(t->kind, 'o');
	ck_assert_int_eq(t->n, 2);
	ck_assert_str_eq(t->keys[0], "a");
}
END_TEST

static Suite *
fn_suite(void)
{
	Suite *s = suite_create("types_fn");
	TCase *reg = tcase_create("registry");
	tcase_add_checked_fixture(reg, setup, NULL);
	tcase_add_test(reg, every_type_has_io_and_an_array_type_pointing_back);
	tcase_add_test(reg, type_names_and_aliases_resolve_like_regtype);
	tcase_add_test(reg, bad_type_names_raise_postgresql_errors);
	tcase_add_test(reg, format_type_matches_postgresql);
	tcase_add_test(reg, equal_values_hash_equal_within_and_across_hash_families);
	tcase_add_test(reg, comparison_orders_values_as_postgresql);
	tcase_add_test(reg, every_comparison_operator_agrees_with_the_type_ordering);
	tcase_add_test(reg, support_functions_agree_with_the_type_ordering);
	tcase_add_test(reg, every_sample_survives_text_and_binary_round_trips_with_stable_hash);
	tcase_add_test(reg, arrays_build_and_deconstruct_with_bounds);
	tcase_add_test(reg, bad_binary_input_raises_22p03);
	suite_add_tcase(s, reg);
	TCase *res = tcase_create("resolution and casts");
	tcase_add_checked_fixture(res, setup, NULL);
	tcase_add_test(res, operator_resolution_picks_postgresql_operators);
	tcase_add_test(res, missing_and_ambiguous_operators_and_functions_raise_with_position);
	tcase_add_test(res, function_resolution_handles_coercion_calls_defaults_and_variadics);
	tcase_add_test(res, common_types_follow_select_common_type);
	tcase_add_test(res, coercion_contexts_follow_pg_cast);
	tcase_add_test(res, impossible_casts_raise_cannot_coerce);
	suite_add_tcase(s, res);
	TCase *ex = tcase_create("execution");
	tcase_add_checked_fixture(ex, setup, NULL);
	tcase_add_test(ex, ranking_window_functions_match_postgresql);
	tcase_add_test(ex, value_window_functions_match_postgresql);
	tcase_add_test(ex, set_returning_functions_follow_the_value_per_call_protocol);
	tcase_add_test(ex, fast_entry_points_check_overflow_and_division);
	tcase_add_test(ex, like_matcher_handles_wildcards_escapes_and_multibyte);
	tcase_add_test(ex, like_matcher_agrees_with_the_definition_on_random_patterns);
	tcase_add_test(ex, regex_constructs_libc_cannot_match_like_postgresql_are_refused);
	tcase_add_test(ex, similar_to_matches_as_postgresql);
	tcase_add_test(ex, time_zones_follow_the_tz_database_and_dst_rules);
	tcase_add_test(ex, current_time_functions_read_the_transaction_and_statement_clock);
	tcase_add_test(ex, random_values_have_the_right_shape);
	tcase_add_test(ex, reg_types_use_the_catalog_hooks_and_fall_back_to_numbers);
	suite_add_tcase(s, ex);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(fn_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
