/*
 * types_runner.c — replays tests/unit/types_cases/<name>.expected (generated from
 * PostgreSQL 15 by types_cases/generate.py) against lib/types and reports every line whose
 * result differs.  Shared by check_types.c and check_types_fn.c (included as a source).
 *
 * The evaluation mimics what PostgreSQL's parser and executor do for the tiny expression
 * forms of the case files: literals are unknown-typed strings coerced by the target type's
 * input function, `'x'::T` applies T's typmod as an explicit cast, operators and functions
 * go through ty_resolve_* and implicit casts, aggregates run their transition/final
 * functions with PostgreSQL's strictness rules, and those with a combine function are run
 * a second time as two partial aggregates merged by it, which must give the same result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/cast.h"
#include "types/fn.h"
#include "types/resolve.h"
#include "types/tydatetime.h"
#include "types/types.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

void ty_format_type_nomod(ty_buf *b, Oid type);

/* Aggregate cases that were also checked through partial states and the combine function. */
static int combined_aggs;

typedef struct tval {
	Oid type;
	int32_t typmod;
	Datum v;
	bool isnull;
} tval;

static void
esc_append(ty_buf *b, const char *s, int n)
{
	for (int i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\')
			ty_buf_puts(b, "\\\\");
		else if (c == '\t')
			ty_buf_puts(b, "\\t");
		else if (c == '\n')
			ty_buf_puts(b, "\\n");
		else
			ty_buf_putc(b, c);
	}
}

/* 'text'::type (typed literal) or an unknown literal */
static tval
literal(const char *type, const char *text)
{
	tval t;
	memset(&t, 0, sizeof t);
	if (strcmp(type, "unknown") == 0) {
		t.type = UNKNOWNOID;
		t.typmod = -1;
		if (strcmp(text, "\\N") == 0) {
			t.isnull = true;
			return t;
		}
		t.v = PointerGetDatum(pstrdup(text));
		return t;
	}
	ty_parse_typename(type, &t.type, &t.typmod);
	if (strcmp(text, "\\N") == 0) {
		t.isnull = true;
		return t;
	}
	t.v = ty_input(t.type, text, t.type == INTERVALOID ? t.typmod : -1);
	t.v = ty_coerce_typmod(t.v, t.type, t.typmod, true);
	return t;
}

/* coerce an argument to the type resolution chose (implicit context) */
static tval
coerce_arg(tval a, Oid target)
{
	if (a.type == target || target == InvalidOid || target == ANYOID)
		return a;
	tval r = a;
	r.type = target;
	r.typmod = -1;
	if (a.isnull)
		return r;
	if (a.type == UNKNOWNOID) {
		r.v = ty_input(target, DatumGetPointer(a.v), -1);
		return r;
	}
	ty_castpath p;
	if (!ty_cast_find(a.type, target, COERCION_IMPLICIT, &p))
		ph_error(ERRCODE_CANNOT_COERCE, "test runner: no implicit cast %u -> %u", a.type, target);
	r.v = ty_cast_apply(&p, a.v, -1);
	return r;
}

static void
fmt_result(ty_buf *out, tval r)
{
	ty_buf_puts(out, "OK\t");
	ty_format_type_nomod(out, r.type);
	ty_buf_putc(out, '\t');
	if (r.isnull) {
		ty_buf_puts(out, "\\N");
		return;
	}
	ty_buf v;
	ty_buf_init(&v, 64);
	ty_output_buf(&v, r.type, r.v);
	esc_append(out, v.data, v.len);
}

static tval
call_resolved(const ty_resolution *res, tval *args, int nargs)
{
	tval r;
	memset(&r, 0, sizeof r);
	r.typmod = -1;
	r.type = res->rettype;
	if (!res->fn) {
		/* function-call-shaped coercion */
		tval a = args[0];
		if (a.isnull) {
			r.isnull = true;
			return r;
		}
		if (a.type == UNKNOWNOID)
			r.v = ty_input(r.type, DatumGetPointer(a.v), -1);
		else
			r.v = ty_convert(a.v, a.type, r.type, -1, COERCION_EXPLICIT);
		return r;
	}
	int total = nargs + res->ndefaults;
	Datum *vals = palloc(sizeof(Datum) * (size_t)(total + 1));
	bool *nulls = palloc(sizeof(bool) * (size_t)(total + 1));
	Oid *types = palloc(sizeof(Oid) * (size_t)(total + 1));
	for (int i = 0; i < nargs; i++) {
		tval c = coerce_arg(args[i], res->argtarget[i]);
		vals[i] = c.v;
		nulls[i] = c.isnull;
		types[i] = c.type;
	}
	for (int i = nargs; i < total; i++) {
		int d = i - (res->fn->nargs - res->fn->ndefaults);
		types[i] = res->fn->argtypes[i];
		vals[i] = ty_input(types[i], res->fn->defaults[d], -1);
		nulls[i] = false;
	}
	fn_call c;
	fn_call_init(&c, res->fn, total, vals, nulls, types);
	c.rettype = res->rettype;
	if (res->fn->flags & FN_RETSET)
		ph_internal("test runner: set-returning function in fn case");
	r.v = fn_invoke(&c);
	r.isnull = c.isnull;
	return r;
}

static void
eval_srf(ty_buf *out, const ty_resolution *res, tval *args, int nargs)
{
	Datum *vals = palloc(sizeof(Datum) * (size_t)(nargs + 1));
	bool *nulls = palloc(sizeof(bool) * (size_t)(nargs + 1));
	Oid *types = palloc(sizeof(Oid) * (size_t)(nargs + 1));
	for (int i = 0; i < nargs; i++) {
		tval c = coerce_arg(args[i], res->argtarget[i]);
		vals[i] = c.v;
		nulls[i] = c.isnull;
		types[i] = c.type;
	}
	fn_call c;
	fn_call_init(&c, res->fn, nargs, vals, nulls, types);
	c.rettype = res->rettype;
	ty_buf_puts(out, "OK\t");
	bool strict_null = false;
	for (int i = 0; i < nargs; i++)
		if ((res->fn->flags & FN_STRICT) && nulls[i])
			strict_null = true;
	ty_buf v;
	ty_buf_init(&v, 64);
	int rows = 0;
	while (!strict_null && rows < 10000) {
		c.isnull = false;
		Datum d = res->fn->impl(&c);
		if (c.srf_done)
			break;
		if (rows)
			ty_buf_putc(&v, '\x1e');
		if (c.isnull)
			ty_buf_puts(&v, "\\N");
		else {
			ty_buf one;
			ty_buf_init(&one, 32);
			ty_output_buf(&one, res->rettype, d);
			esc_append(&v, one.data, one.len);
		}
		rows++;
		c.srf_call++;
	}
	if (rows == 0)
		ty_buf_puts(out, "\t(0 rows)");
	else {
		ty_format_type_nomod(out, res->rettype);
		ty_buf_putc(out, '\t');
		ty_buf_append(out, v.data, v.len);
	}
}

typedef struct agg_run {
	const ty_agg *ag;
	ty_resolution res;
	mem_ctx *cx;
	Datum state;
	bool snull;
} agg_run;

static void
agg_start(agg_run *a, const ty_agg *ag, const ty_resolution *res)
{
	a->ag = ag;
	a->res = *res;
	a->cx = mem_create(mem_cur, "agg");
	a->state = 0;
	a->snull = true;
	if (ag->initval) {
		a->state = ty_input(ag->transtype, ag->initval, -1);
		a->snull = false;
	}
}

/* Feed rows i = first, first + step, ... of vals through the transition function, with
 * PostgreSQL's rule for strict transition functions: NULL inputs are skipped, and with a
 * NULL initial state the first input becomes the state. */
static void
agg_feed(agg_run *a, const char *type, char **vals, int nv, int first, int step)
{
	const ty_agg *ag = a->ag;
	Oid transargs[2] = {ag->transtype, a->res.argtarget[0]};
	for (int i = first; i < nv; i += step) {
		tval x = coerce_arg(literal(type, vals[i]), a->res.argtarget[0]);
		if (ag->transfn->flags & FN_STRICT) {
			if (x.isnull)
				continue;
			if (a->snull) {
				mem_ctx *old = mem_switch(a->cx);
				a->state = ty_datum_copy(ty_must(x.type), x.v);
				mem_switch(old);
				a->snull = false;
				continue;
			}
		}
		Datum args[2] = {a->state, x.v};
		bool nulls[2] = {a->snull, x.isnull};
		fn_call c;
		fn_call_init(&c, ag->transfn, 2, args, nulls, transargs);
		c.agg_ctx = a->cx;
		c.rettype = ag->transtype;
		c.isnull = false;
		a->state = ag->transfn->impl(&c);
		a->snull = c.isnull;
	}
}

/* Merge b's state into a's through the combine function (strict: a NULL side is ignored). */
static void
agg_combine(agg_run *a, agg_run *b)
{
	const ty_func *cf = a->ag->combinefn;
	if ((cf->flags & FN_STRICT) && (a->snull || b->snull)) {
		if (a->snull && !b->snull) {
			mem_ctx *old = mem_switch(a->cx);
			a->state = a->ag->transtype == INTERNALOID ? b->state
			         : ty_datum_copy(ty_must(a->ag->transtype), b->state);
			mem_switch(old);
			a->snull = false;
		}
		return;
	}
	Oid types[2] = {a->ag->transtype, a->ag->transtype};
	Datum args[2] = {a->state, b->state};
	bool nulls[2] = {a->snull, b->snull};
	fn_call c;
	fn_call_init(&c, cf, 2, args, nulls, types);
	c.agg_ctx = a->cx;
	c.rettype = a->ag->transtype;
	a->state = cf->impl(&c);
	a->snull = c.isnull;
}

static tval
agg_final(agg_run *a)
{
	const ty_agg *ag = a->ag;
	tval r;
	memset(&r, 0, sizeof r);
	r.type = a->res.rettype;
	r.typmod = -1;
	if (ag->finalfn) {
		if ((ag->finalfn->flags & FN_STRICT) && a->snull) {
			r.isnull = true;
			return r;
		}
		Datum args[1] = {a->state};
		bool nulls[1] = {a->snull};
		fn_call c;
		fn_call_init(&c, ag->finalfn, 1, args, nulls, &ag->transtype);
		c.rettype = a->res.rettype;
		c.agg_ctx = a->cx;
		r.v = ag->finalfn->impl(&c);
		r.isnull = c.isnull;
	} else {
		r.v = a->state;
		r.isnull = a->snull;
	}
	return r;
}

/* Run an aggregate over the rows; when it has a combine function, also run it as two
 * partial aggregates (odd and even rows) merged by that function, as a parallel plan
 * would, and insist on the same result. */
static tval
eval_agg(const char *name, const char *type, char **vals, int nv)
{
	Oid argt;
	int32_t tm;
	ty_parse_typename(type, &argt, &tm);
	ty_resolution res;
	ty_resolve_function(name, 1, &argt, 0, &res);
	const ty_agg *ag = ty_agg_of(res.fn);
	if (!ag)
		ph_internal("test runner: %s is not an aggregate", name);
	agg_run whole;
	agg_start(&whole, ag, &res);
	agg_feed(&whole, type, vals, nv, 0, 1);
	tval r = agg_final(&whole);
	if (ag->combinefn) {
		agg_run odd, even;
		agg_start(&even, ag, &res);
		agg_start(&odd, ag, &res);
		agg_feed(&even, type, vals, nv, 0, 2);
		agg_feed(&odd, type, vals, nv, 1, 2);
		agg_combine(&even, &odd);
		tval r2 = agg_final(&even);
		const char *s1 = r.isnull ? "NULL" : ty_output(r.type, r.v);
		const char *s2 = r2.isnull ? "NULL" : ty_output(r2.type, r2.v);
		if (strcmp(s1, s2) != 0)
			ph_internal("test runner: %s: one pass gave %s, combined partial states %s", name, s1, s2);
		combined_aggs++;
	}
	return r;
}

/* Evaluate one case (fields f[0..nf)), writing "OK\t..." or "ERR\t..." to out. */
static void
eval_case(char **f, int nf, ty_buf *out)
{
	volatile bool failed = false;
	ty_buf *volatile o = out;
	ERR_TRY();
	{
		const char *k = f[0];
		if (!strcmp(k, "in")) {
			fmt_result(o, literal(f[1], f[2]));
		} else if (!strcmp(k, "cast")) {
			tval a = literal(f[1], f[2]);
			Oid to;
			int32_t tm;
			ty_parse_typename(f[3], &to, &tm);
			tval r = {to, tm, 0, a.isnull};
			if (!a.isnull) {
				if (a.type == UNKNOWNOID)
					r.v = ty_coerce_typmod(ty_input(to, DatumGetPointer(a.v), to == INTERVALOID ? tm : -1),
					                       to, tm, true);
				else {
					ty_castpath p;
					if (!ty_cast_find(a.type, to, COERCION_EXPLICIT, &p)) {
						ty_buf x, y;
						ty_buf_init(&x, 32);
						ty_buf_init(&y, 32);
						ty_format_type_nomod(&x, a.type);
						ty_format_type_nomod(&y, to);
						ph_error(ERRCODE_CANNOT_COERCE, "cannot cast type %s to %s", x.data, y.data);
					}
					r.v = ty_coerce_typmod(ty_cast_apply(&p, a.v, tm), to, tm, true);
				}
			}
			fmt_result(o, r);
		} else if (!strcmp(k, "op")) {
			tval l = {InvalidOid, -1, 0, false};
			if (strcmp(f[2], "-") != 0)
				l = literal(f[2], f[3]);
			tval r = literal(f[4], f[5]);
			ty_resolution res;
			ty_resolve_operator(f[1], l.type, r.type, 0, &res);
			tval args[2] = {l, r};
			tval v = l.type == InvalidOid ? call_resolved(&res, &args[1], 1) : call_resolved(&res, args, 2);
			fmt_result(o, v);
		} else if (!strcmp(k, "fn") || !strcmp(k, "srf")) {
			int nargs = (nf - 2) / 2;
			tval *args = palloc(sizeof(tval) * (size_t)(nargs + 1));
			Oid *types = palloc(sizeof(Oid) * (size_t)(nargs + 1));
			for (int i = 0; i < nargs; i++) {
				args[i] = literal(f[2 + 2 * i], f[3 + 2 * i]);
				types[i] = args[i].type;
			}
			ty_resolution res;
			ty_resolve_function(f[1], nargs, types, 0, &res);
			if (!strcmp(k, "srf"))
				eval_srf(o, &res, args, nargs);
			else
				fmt_result(o, call_resolved(&res, args, nargs));
		} else if (!strcmp(k, "agg")) {
			fmt_result(o, eval_agg(f[1], f[2], f + 3, nf - 3));
		} else if (!strcmp(k, "bin")) {
			tval a = literal(f[1], f[2]);
			ty_buf b;
			ty_buf_init(&b, 64);
			ty_send(&b, a.type, a.v);
			/* round trip: receive must give the same value back */
			Datum back = ty_recv(a.type, b.data, b.len, a.typmod);
			if (!ty_equal(a.type == JSONOID ? TEXTOID : a.type, back, a.v))
				ph_internal("binary round trip changed the value");
			ty_buf_puts(o, "OK\tbytea\t");
			static const char hx[] = "0123456789abcdef";
			for (int i = 0; i < b.len; i++) {
				ty_buf_putc(o, hx[(unsigned char)b.data[i] >> 4]);
				ty_buf_putc(o, hx[(unsigned char)b.data[i] & 15]);
			}
		} else
			ph_internal("unknown case kind %s", k);
	}
	ERR_CATCH();
	{
		failed = true;
	}
	ERR_END();
	if (failed) {
		err_info *e = err_last();
		ty_buf_reset(o);
		ty_buf_printf(o, "ERR\t%s\t", e->sqlstate);
		esc_append(o, e->message, (int)strlen(e->message));
		ty_buf_putc(o, '\t');
		if (e->detail[0])
			esc_append(o, e->detail, (int)strlen(e->detail));
		else
			ty_buf_puts(o, "\\N");
		ty_buf_putc(o, '\t');
		if (e->hint[0])
			esc_append(o, e->hint, (int)strlen(e->hint));
		else
			ty_buf_puts(o, "\\N");
	}
}

/* A stand-in catalog for the reg* types: it knows pg_class (1259) only. */
static Oid
test_regclass_in(const char *name)
{
	if (strcmp(name, "pg_class") == 0)
		return 1259;
	ph_error(ERRCODE_UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
}

static const char *
test_regclass_out(Oid oid)
{
	return oid == 1259 ? "pg_class" : NULL;
}

/* Run one .expected file; returns the number of mismatches and fills report. */
static int
run_case_file(const char *name, ty_buf *report, int *ncases)
{
	const char *srcdir = getenv("top_srcdir");
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/unit/types_cases/%s.expected", srcdir ? srcdir : ".", name);
	FILE *fp = fopen(path, "r");
	if (!fp) {
		ty_buf_printf(report, "cannot open %s\n", path);
		return 1;
	}
	char *line = NULL;
	size_t cap = 0;
	int bad = 0, lineno = 0;
	*ncases = 0;
	cfg_reset_session(NULL, NULL, 0);
	ty_set_xact_timestamp(INT64_C(757382400000000)); /* 2024-01-01 00:00:00 UTC */
	ty_catalog_hooks hooks = {0};
	hooks.regclass_in = test_regclass_in;
	hooks.regclass_out = test_regclass_out;
	ty_set_catalog_hooks(&hooks);
	mem_ctx *cx = mem_create(mem_top, "case");
	while (getline(&line, &cap, fp) > 0) {
		lineno++;
		size_t l = strlen(line);
		if (l && line[l - 1] == '\n')
			line[--l] = '\0';
		if (!l || line[0] == '#')
			continue;
		mem_ctx *old = mem_switch(cx);
		char *sep = strstr(line, "\t=>\t");
		char *caseline = pstrndup(line, sep ? (size_t)(sep - line) : l);
		char *f[64];
		int nf = 0;
		for (char *save = NULL, *tok = strtok_r(caseline, "\t", &save); tok && nf < 64;
		     tok = strtok_r(NULL, "\t", &save))
			f[nf++] = tok;
		/* empty fields: split keeps them (strtok skips them), so re-split by hand */
		nf = 0;
		caseline = pstrndup(line, sep ? (size_t)(sep - line) : l);
		for (char *p = caseline;;) {
			f[nf++] = p;
			char *t = strchr(p, '\t');
			if (!t || nf >= 64)
				break;
			*t = '\0';
			p = t + 1;
		}
		if (!strcmp(f[0], "set")) {
			char err[256];
			if (cfg_set_session(f[1], f[2], err, sizeof err) != 0) {
				ty_buf_printf(report, "%s:%d: cannot set %s: %s\n", name, lineno, f[1], err);
				bad++;
			}
			mem_switch(old);
			mem_reset(cx);
			continue;
		}
		if (!sep) {
			mem_switch(old);
			mem_reset(cx);
			continue;
		}
		(*ncases)++;
		const char *expected = sep + 4;
		ty_buf got;
		ty_buf_init(&got, 128);
		eval_case(f, nf, &got);
		if (strcmp(got.data, expected) != 0) {
			bad++;
			ty_buf_printf(report, "%s:%d: %s\n    expected: %s\n    got:      %s\n", name, lineno,
			              pstrndup(line, (size_t)(sep - line)), expected, got.data);
		}
		mem_switch(old);
		mem_reset(cx);
	}
	free(line);
	fclose(fp);
	mem_delete(cx);
	cfg_reset_session(NULL, NULL, 0);
	return bad;
}
