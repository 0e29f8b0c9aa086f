/*
 * types_bench.c — value-system micro-benchmark: nanoseconds per call of the operations the
 * executor runs per row (arithmetic, comparison, LIKE, output of the common types).
 *
 *   bench/types_bench [runs] [calls]        (defaults: 7 runs of 1000000 calls)
 *
 * Each measurement is timed over `calls` calls cycling through a small array of prepared
 * inputs (so branch predictors cannot learn a single value), repeated `runs` times; the
 * median per-call time is printed.  Where the executor has a choice, the fast entry point
 * (fn.h, "direct entry points") and the generic fn_invoke path through the function table
 * are both measured, side by side.  Output functions append into one reused ty_buf, as the
 * wire-protocol writer does; allocations go to a context reset between runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "types/datum.h"
#include "types/fn.h"
#include "types/types.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

#define NVAL 64

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Values are prepared once; `sink` keeps the compiler from dropping the work. */
static volatile uint64_t sink;
static Datum ia[NVAL], ib[NVAL];          /* int8 */
static Datum na[NVAL], nb[NVAL];          /* numeric */
static Datum ta[NVAL], tb[NVAL];          /* text */
static Datum ls[NVAL];                    /* LIKE subjects */
static Datum ts[NVAL];                    /* timestamptz */
static Datum fv[NVAL];                    /* float8 */
static const ty_func *int8pl, *numeric_add_f, *texteq_f, *textlike_f;
static ty_like_pat *likepat;
static Datum likepat_text;
static ty_buf obuf;
static mem_ctx *runctx;

typedef void (*bench_fn)(long calls);

static void
b_int8_add_fast(long calls)
{
	uint64_t acc = 0;

	for (long i = 0; i < calls; i++)
		acc += (uint64_t)ty_int8_add(DatumGetInt64(ia[i & (NVAL - 1)]),
		                             DatumGetInt64(ib[i & (NVAL - 1)]));
	sink = acc;
}

static void
b_int8_add_generic(long calls)
{
	Datum args[2];
	bool nulls[2] = {false, false};
	fn_call c;
	uint64_t acc = 0;

	fn_call_init(&c, int8pl, 2, args, nulls, NULL);
	for (long i = 0; i < calls; i++) {
		args[0] = ia[i & (NVAL - 1)];
		args[1] = ib[i & (NVAL - 1)];
		acc += (uint64_t)DatumGetInt64(fn_invoke(&c));
	}
	sink = acc;
}

static void
b_numeric_add(long calls)
{
	uint64_t acc = 0;

	for (long i = 0; i < calls; i++) {
		acc += (uint64_t)ty_numeric_add(na[i & (NVAL - 1)], nb[i & (NVAL - 1)]);
		if ((i & 4095) == 4095)
			mem_reset(runctx);
	}
	sink = acc;
}

static void
b_numeric_add_generic(long calls)
{
	Datum args[2];
	bool nulls[2] = {false, false};
	fn_call c;
	uint64_t acc = 0;

	fn_call_init(&c, numeric_add_f, 2, args, nulls, NULL);
	for (long i = 0; i < calls; i++) {
		args[0] = na[i & (NVAL - 1)];
		args[1] = nb[i & (NVAL - 1)];
		acc += (uint64_t)fn_invoke(&c);
		if ((i & 4095) == 4095)
			mem_reset(runctx);
	}
	sink = acc;
}

static void
b_numeric_mul(long calls)
{
	uint64_t acc = 0;

	for (long i = 0; i < calls; i++) {
		acc += (uint64_t)ty_numeric_mul(na[i & (NVAL - 1)], nb[i & (NVAL - 1)]);
		if ((i & 4095) == 4095)
			mem_reset(runctx);
	}
	sink = acc;
}

static void
b_numeric_cmp(long calls)
{
	uint64_t acc = 0;

	for (long i = 0; i < calls; i++)
		acc += (uint64_t)(ty_numeric_cmp(na[i & (NVAL - 1)], nb[i & (NVAL - 1)]) + 1);
	sink = acc;
}

static void
b_text_cmp(long calls)
{
	uint64_t acc = 0;

	for (long i = 0; i < calls; i++)
		acc += (uint64_t)(ty_text_cmp(ta[i & (NVAL - 1)], tb[i & (NVAL - 1)]) + 1);
	sink = acc;
}

static void
b_text_eq_generic(long calls)
{
	Datum args[2];
	bool nulls[2] = {false, false};
	fn_call c;
	uint64_t acc = 0;

	fn_call_init(&c, texteq_f, 2, args, nulls, NULL);
	for (long i = 0; i < calls; i++) {
		args[0] = ta[i & (NVAL - 1)];
		args[1] = tb[i & (NVAL - 1)];
		acc += (uint64_t)fn_invoke(&c);
	}
	sink = acc;
}

static void
b_like_compiled(long calls)
{
	uint64_t acc = 0;

	for (long i = 0; i < calls; i++) {
		Datum s = ls[i & (NVAL - 1)];

		const void *p = DatumGetPointer(s);

		acc += ty_like_match(likepat, VARDATA(p), (int)VARSIZE_ANY_EXHDR(p));
	}
	sink = acc;
}

static void
b_like_generic(long calls)
{
	Datum args[2];
	bool nulls[2] = {false, false};
	Oid types[2] = {TEXTOID, TEXTOID};
	fn_call c;
	uint64_t acc = 0;

	fn_call_init(&c, textlike_f, 2, args, nulls, types);
	c.cache_ctx = runctx;
	args[1] = likepat_text;
	for (long i = 0; i < calls; i++) {
		args[0] = ls[i & (NVAL - 1)];
		acc += (uint64_t)fn_invoke(&c);
	}
	sink = acc;
}

static void
b_out(long calls, Oid type, const Datum *v)
{
	uint64_t acc = 0;

	for (long i = 0; i < calls; i++) {
		ty_buf_reset(&obuf);
		ty_output_buf(&obuf, type, v[i & (NVAL - 1)]);
		acc += (uint64_t)obuf.len;
		if ((i & 4095) == 4095)
			mem_reset(runctx);
	}
	sink = acc;
}

static void
b_timestamptz_out(long calls)
{
	b_out(calls, TIMESTAMPTZOID, ts);
}

static void
b_timestamptz_out_paris(long calls)
{
	char err[128];

	cfg_set_session("timezone", "Europe/Paris", err, sizeof err);
	b_out(calls, TIMESTAMPTZOID, ts);
	cfg_set_session("timezone", "UTC", err, sizeof err);
}

static void
b_timestamp_out(long calls)
{
	b_out(calls, TIMESTAMPOID, ts);
}

static void
b_float8_out(long calls)
{
	b_out(calls, FLOAT8OID, fv);
}

static void
b_numeric_out(long calls)
{
	b_out(calls, NUMERICOID, na);
}

static void
b_int8_in(long calls)
{
	static const char *const s[8] = {"0", "42", "-17", "123456789", "9223372036854775807",
	                                 "  77 ", "-9223372036854775808", "31415926"};
	uint64_t acc = 0;

	for (long i = 0; i < calls; i++)
		acc += (uint64_t)ty_input(INT8OID, s[i & 7], -1);
	sink = acc;
}

static void
b_timestamptz_in(long calls)
{
	static const char *const s[4] = {"2024-01-02 03:04:05.678+02", "2023-07-14 12:00:00",
	                                 "1999-12-31T23:59:59Z", "2024-02-29 00:00:00 Europe/Paris"};
	uint64_t acc = 0;

	for (long i = 0; i < calls; i++) {
		acc += (uint64_t)ty_input(TIMESTAMPTZOID, s[i & 3], -1);
		if ((i & 4095) == 4095)
			mem_reset(runctx);
	}
	sink = acc;
}

static void
prepare(void)
{
	char s[128];
	Oid i8[2] = {INT8OID, INT8OID}, nn[2] = {NUMERICOID, NUMERICOID};
	Oid tt[2] = {TEXTOID, TEXTOID};

	srandom(12345);
	for (int i = 0; i < NVAL; i++) {
		ia[i] = Int64GetDatum((int64_t)random() - (1L << 30));
		ib[i] = Int64GetDatum((int64_t)random());
		/* money-like values: up to 8 integer digits, 2 decimals */
		snprintf(s, sizeof(s), "%ld.%02ld", random() % 100000000, random() % 100);
		na[i] = ty_input(NUMERICOID, s, -1);
		snprintf(s, sizeof(s), "%ld.%02ld", random() % 10000, random() % 100);
		nb[i] = ty_input(NUMERICOID, s, -1);
		/* 24-byte keys sharing a 16-byte prefix, as in an index of customer codes */
		snprintf(s, sizeof(s), "customer-0000000%08ld", random() % 100000000);
		ta[i] = ty_cstring_to_text(s);
		snprintf(s, sizeof(s), "customer-0000000%08ld", random() % 100000000);
		tb[i] = ty_cstring_to_text(s);
		/* 60-byte subjects, a quarter matching '%needle%sky' */
		snprintf(s, sizeof(s), "the quick brown fox %s over the lazy dog %08ld %s",
		         (i & 3) == 0 ? "needle" : "jumps", random() % 100000000,
		         (i & 1) == 0 ? "sky" : "sea");
		ls[i] = ty_cstring_to_text(s);
		/* timestamps spread over 1990..2030 */
		ts[i] = Int64GetDatum(((int64_t)random() % (40LL * 365 * 86400) - 10LL * 365 * 86400) *
		                      1000000 + random() % 1000000);
		fv[i] = Float8GetDatum((double)random() / 997.0 * ((i & 1) ? 1e-3 : 1e6));
	}
	int8pl = ty_func_exact("int8pl", 2, i8);
	numeric_add_f = ty_func_exact("numeric_add", 2, nn);
	texteq_f = ty_func_exact("texteq", 2, tt);
	textlike_f = ty_func_exact("textlike", 2, tt);
	if (!int8pl || !numeric_add_f || !texteq_f || !textlike_f) {
		fprintf(stderr, "types_bench: built-in functions missing from the table\n");
		exit(1);
	}
	likepat = ty_like_compile("%needle%sky", 11, false);
	likepat_text = ty_cstring_to_text("%needle%sky");
	ty_buf_init(&obuf, 256);
}

static const struct {
	const char *name;
	bench_fn fn;
} benches[] = {
	{"int8 add, direct entry point (ty_int8_add)", b_int8_add_fast},
	{"int8 add, generic fn_invoke (int8pl)", b_int8_add_generic},
	{"numeric add, direct (ty_numeric_add)", b_numeric_add},
	{"numeric add, generic fn_invoke (numeric_add)", b_numeric_add_generic},
	{"numeric mul, direct (ty_numeric_mul)", b_numeric_mul},
	{"numeric compare (ty_numeric_cmp)", b_numeric_cmp},
	{"text compare, 24 bytes, C collation (ty_text_cmp)", b_text_cmp},
	{"text equality, generic fn_invoke (texteq)", b_text_eq_generic},
	{"LIKE '%needle%sky', 60 bytes, compiled (ty_like_match)", b_like_compiled},
	{"LIKE '%needle%sky', generic fn_invoke (textlike)", b_like_generic},
	{"timestamptz output (TimeZone UTC)", b_timestamptz_out},
	{"timestamptz output (TimeZone Europe/Paris, with DST)", b_timestamptz_out_paris},
	{"timestamp output", b_timestamp_out},
	{"float8 output (shortest round trip)", b_float8_out},
	{"numeric output", b_numeric_out},
	{"int8 input", b_int8_in},
	{"timestamptz input", b_timestamptz_in},
};

int
main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 7;
	long calls = argc > 2 ? atol(argv[2]) : 1000000;
	double *t;

	if (runs < 1 || calls < 1) {
		fprintf(stderr, "usage: types_bench [runs] [calls]\n");
		return 2;
	}
	t = malloc(sizeof(double) * (size_t)runs);
	if (!t)
		return 1;
	mem_init();
	cfg_init_defaults();
	ty_init();
	char err[128];
	if (cfg_set_session("timezone", "UTC", err, sizeof err) != 0) {
		fprintf(stderr, "types_bench: %s\n", err);
		return 1;
	}
	prepare();
	runctx = mem_create(mem_top, "types_bench");
	mem_switch(runctx);
	printf("%-58s %10s\n", "measurement", "ns/call");
	for (size_t k = 0; k < sizeof(benches) / sizeof(benches[0]); k++) {
		for (int r = 0; r < runs; r++) {
			double t0 = now_ns();

			benches[k].fn(calls);
			t[r] = (now_ns() - t0) / (double)calls;
			mem_reset(runctx);
		}
		qsort(t, (size_t)runs, sizeof(double), cmp_double);
		printf("%-58s %10.1f\n", benches[k].name, t[runs / 2]);
	}
	free(t);
	return 0;
}
