/*
 * fn.h — built-in functions, operators, aggregates and window functions, and the calling
 * convention the executor uses for them.  See lib/types/README.md.
 *
 * Calling convention.  Every built-in is `Datum fn(fn_call *c)`.  The executor fills one
 * fn_call per call site (fn_call_init) and, for each row, stores the arguments in c->arg /
 * c->argnull, clears c->isnull and calls c->fn->impl(c).  A function returns NULL by
 * setting c->isnull (fn_return_null).  Strict functions are never called with a NULL
 * argument: the caller returns NULL instead (FN_STRICT in c->fn->flags).
 *
 * Per-call-site state: c->cache (e.g. a compiled LIKE pattern or regular expression) is
 * owned by the function and allocated in c->cache_ctx, which must live as long as the call
 * site (the query); NULL means mem_cur.
 *
 * Set-returning functions (FN_RETSET): value-per-call.  Before the first call of a set
 * the caller sets c->srf_call = 0 and c->srf_done = false; each call returns one value (and
 * may set c->isnull); when the set is exhausted the function sets c->srf_done and its
 * return value is ignored.  The caller increments c->srf_call after each call.  State is
 * kept in c->srf_state, allocated in cache_ctx.
 *
 * Aggregates: a transition function receives the state as arg[0] (argnull[0] when the
 * state is still NULL) and returns the new state; c->agg_ctx is the context where a
 * by-reference or "internal" state must live (the group's lifetime).  Transition functions
 * of aggregates with an "internal" state are never strict.  The executor applies
 * PostgreSQL's rules (tests/unit/types_runner.c, eval_agg, is a reference): the state
 * starts as ty_input(transtype, initval) or NULL; for a strict transition function a row
 * with a NULL input is skipped, and while the state is NULL the first non-NULL input is
 * copied into agg_ctx and becomes the state without a call; a strict final function is
 * not called on a NULL state (the result is NULL); without a final function the state is
 * the result.  Partial aggregation merges two states with combinefn under the same
 * strictness rule (a NULL side is ignored).
 *
 * Window functions: c->win is the executor's window object (ty_winobj, below);
 * win->fnstate must be NULL at the start of each partition (the function allocates its
 * state in agg_ctx, which the executor resets per partition).
 *
 * Literals: a quoted literal is of type "unknown" (a C string); once resolution has chosen
 * its type, the analyzer converts it with ty_input(type, s, -1) and then applies the
 * target typmod with ty_coerce_typmod (explicit for `'x'::varchar(3)`), as PostgreSQL's
 * coerce_type does; interval is the exception, its input function needs the typmod
 * (`interval '1 day 2 hours' hour` keeps the hours only).
 *
 * CASE: PostgreSQL passes the ELSE branch first to select_common_type, so the message for
 * `CASE WHEN b THEN 1 ELSE 'a'::text END` is "CASE types text and integer cannot be
 * matched"; the analyzer should do the same.
 *
 * Memory: by-value results never allocate; by-reference results are palloc'd in mem_cur.
 * Errors: raised with PostgreSQL's SQLSTATE and message (22003, 22012, 22P02, ...).
 * Any process may call these; no locks are involved.
 */
#ifndef PH_TYPES_FN_H
#define PH_TYPES_FN_H

#include <stdbool.h>
#include <stdint.h>

#include "types/types.h"
#include "util/mem.h"

typedef struct fn_call fn_call;
typedef struct ty_func ty_func;
typedef struct ty_winobj ty_winobj;
typedef Datum (*fn_impl)(fn_call *c);

struct fn_call {
	const ty_func *fn;
	int nargs;
	Datum *arg;
	bool *argnull;
	const Oid *argtype;     /* actual argument types; needed by polymorphic and "any" functions */
	Oid rettype;            /* resolved result type (polymorphic functions) */
	int32_t rettypmod;
	bool isnull;            /* result is NULL (set by the function) */
	void *cache;
	mem_ctx *cache_ctx;
	/* set-returning functions */
	int64_t srf_call;
	bool srf_done;
	void *srf_state;
	/* aggregates */
	mem_ctx *agg_ctx;
	/* window functions */
	ty_winobj *win;
};

static inline void
fn_call_init(fn_call *c, const ty_func *f, int nargs, Datum *args, bool *nulls,
             const Oid *argtypes)
{
	memset(c, 0, sizeof(*c));
	c->fn = f;
	c->nargs = nargs;
	c->arg = args;
	c->argnull = nulls;
	c->argtype = argtypes;
	c->rettypmod = -1;
}

static inline Datum
fn_return_null(fn_call *c)
{
	c->isnull = true;
	return 0;
}

/* Call a function on a fn_call already filled: applies strictness. */
Datum fn_invoke(fn_call *c);

/* Convenience for tests and constant folding: call by table entry with values. */
Datum fn_call1(const ty_func *f, Datum a, bool *isnull);
Datum fn_call2(const ty_func *f, Datum a, Datum b, bool *isnull);

/* ---- the function table ----------------------------------------------------------------- */

#define FN_MAXARGS 8          /* declared arguments of a built-in (variadic "any" beyond) */
#define FUNC_MAX_ARGS 100     /* PostgreSQL's limit on actual arguments */

/* flags */
#define FN_STRICT 0x0001
#define FN_RETSET 0x0002
#define FN_VARIADIC 0x0004    /* last declared argument is VARIADIC "any" (or an array) */
#define FN_AGG 0x0008         /* an aggregate (see ty_agg) */
#define FN_WINDOW 0x0010      /* a window function */
#define FN_LEAKPROOF 0x0020
#define FN_CAST 0x0040        /* implements a cast (pg_cast) */
#define FN_NOSQL 0x0080       /* internal support function, not callable by name from SQL */

/* volatility (pg_proc.provolatile) */
#define FN_IMMUTABLE 'i'
#define FN_STABLE 's'
#define FN_VOLATILE 'v'

/* Operations the executor may run with a specialised loop instead of fn_call. */
typedef enum fn_fastop {
	FAST_NONE = 0,
	FAST_ADD, FAST_SUB, FAST_MUL, FAST_DIV, FAST_MOD,
	FAST_EQ, FAST_NE, FAST_LT, FAST_LE, FAST_GT, FAST_GE,
	FAST_LIKE, FAST_NOTLIKE
} fn_fastop;

/* Operand kinds of a fast operation: both arguments have this representation. */
typedef enum fn_fastkind {
	FK_NONE = 0, FK_INT2, FK_INT4, FK_INT8, FK_FLOAT4, FK_FLOAT8, FK_NUMERIC, FK_TEXT,
	FK_BOOL, FK_DATE, FK_TIMESTAMP
} fn_fastkind;

struct ty_func {
	Oid oid;                 /* pg_proc oid (ours; PostgreSQL's where known) */
	const char *name;        /* SQL name ("length"); internal names for operator functions */
	int16_t nargs;           /* declared arguments (variadic: including the variadic one) */
	Oid argtypes[FN_MAXARGS];
	Oid rettype;
	uint16_t flags;          /* FN_* */
	char volatility;         /* FN_IMMUTABLE, FN_STABLE, FN_VOLATILE */
	fn_impl impl;
	const char *prosrc;      /* C symbol name, for pg_proc.prosrc */
	uint8_t fastop;          /* fn_fastop */
	uint8_t fastkind;        /* fn_fastkind */
	int16_t ndefaults;       /* trailing arguments that may be omitted (defaults below) */
	/* default values of the last ndefaults arguments, as text for the argument type's input
	 * function: defaults[0] belongs to argument nargs - ndefaults */
	const char *defaults[FN_MAXARGS];
};

/* Operators (pg_operator). */
typedef struct ty_oper {
	Oid oid;
	const char *name;        /* "+", "||", "~~" */
	char kind;               /* 'b' infix, 'l' prefix */
	Oid left;                /* 0 for prefix operators */
	Oid right;
	Oid result;
	const ty_func *fn;       /* the implementing function */
	Oid commutator;          /* operator oid or 0 */
	Oid negator;
	bool canhash;            /* = usable for hash join/aggregation */
	bool canmerge;
} ty_oper;

/* Aggregates (pg_aggregate).  The aggregate itself is a ty_func with FN_AGG whose argtypes
 * are the aggregated inputs; transfn takes (state, inputs...). */
typedef struct ty_agg {
	const ty_func *agg;
	const ty_func *transfn;
	const ty_func *finalfn;      /* NULL: the state is the result */
	const ty_func *combinefn;    /* NULL: no partial aggregation */
	Oid transtype;               /* INTERNALOID for palloc'd C structs */
	const char *initval;         /* text of the initial state, NULL = NULL */
	bool count_star;             /* count(*): no argument */
	const ty_func *sortop_fn;    /* min/max: the comparison that decides (informational) */
} ty_agg;

/* Window functions: the executor implements this object for the current row of the
 * current partition.  Positions are 0-based within the partition. */
typedef enum { WIN_SEEK_CURRENT, WIN_SEEK_HEAD, WIN_SEEK_TAIL } ty_winseek;
typedef struct ty_winapi {
	int64_t (*partition_rows)(ty_winobj *w);
	int64_t (*current_pos)(ty_winobj *w);
	/* Rank support: is the row at pos a peer (equal ORDER BY keys) of the one at pos2? */
	bool (*rows_are_peers)(ty_winobj *w, int64_t pos1, int64_t pos2);
	/* Argument argno evaluated at a row relative to (seek, relpos) within the partition /
	 * the frame; *isout is set when the row does not exist. */
	Datum (*arg_in_partition)(ty_winobj *w, int argno, int64_t relpos, ty_winseek seek,
	                          bool *isnull, bool *isout);
	Datum (*arg_in_frame)(ty_winobj *w, int argno, int64_t relpos, ty_winseek seek,
	                      bool *isnull, bool *isout);
	/* Argument evaluated at the current row (for ntile's and nth_value's constants). */
	Datum (*arg_current)(ty_winobj *w, int argno, bool *isnull);
} ty_winapi;
struct ty_winobj {
	const ty_winapi *api;
	void *priv;              /* the executor's state */
	void *fnstate;           /* the function's state for this partition: NULL at its start */
};

/* Lookups.  Functions and operators are found by name; the returned arrays point into the
 * static tables.  n is the number of candidates. */
const ty_func *const *ty_funcs_named(const char *name, int *n);
const ty_oper *const *ty_opers_named(const char *name, int *n);
const ty_func *ty_func_by_oid(Oid oid);
const ty_oper *ty_oper_by_oid(Oid oid);
const ty_agg *ty_agg_of(const ty_func *f);     /* NULL if not an aggregate */
/* Exact-signature lookups (no casts): NULL when absent. */
const ty_func *ty_func_exact(const char *name, int nargs, const Oid *argtypes);
const ty_oper *ty_oper_exact(const char *name, Oid left, Oid right);
/* Whole tables (for the catalog's pg_proc/pg_operator/pg_aggregate views). */
const ty_func *ty_func_table(int *n);
const ty_oper *ty_oper_table(int *n);
const ty_agg *ty_agg_table(int *n);

/* Comparison support used by sorts, btrees, merge joins, min/max, greatest/least: the
 * "<" operator's function and the 3-way comparison of a type (with cross-type support for
 * the integer, float, numeric and text families). */
const ty_oper *ty_ordering_op(Oid type, bool descending);
const ty_oper *ty_equality_op(Oid type);

/* ---- fast entry points (no fn_call, no allocation for by-value results) -------------------- */

/* Overflow-checked integer arithmetic: raise 22003 "integer out of range" /
 * "smallint out of range" / "bigint out of range", 22012 "division by zero". */
int64_t ty_int8_add(int64_t a, int64_t b);
int64_t ty_int8_sub(int64_t a, int64_t b);
int64_t ty_int8_mul(int64_t a, int64_t b);
int64_t ty_int8_div(int64_t a, int64_t b);
int64_t ty_int8_mod(int64_t a, int64_t b);
int32_t ty_int4_add(int32_t a, int32_t b);
int32_t ty_int4_sub(int32_t a, int32_t b);
int32_t ty_int4_mul(int32_t a, int32_t b);
int32_t ty_int4_div(int32_t a, int32_t b);
int32_t ty_int4_mod(int32_t a, int32_t b);
/* float8 arithmetic with PostgreSQL's checks: 22003 "value out of range: overflow" /
 * "underflow", 22012 for division by zero. */
double ty_float8_add(double a, double b);
double ty_float8_sub(double a, double b);
double ty_float8_mul(double a, double b);
double ty_float8_div(double a, double b);
/* NaN-aware float comparison as PostgreSQL (NaN equals NaN and sorts above everything). */
int ty_float8_cmp(double a, double b);
int ty_float4_cmp(float a, float b);
/* numeric (tynumeric.h has the full API) */
Datum ty_numeric_add(Datum a, Datum b);
Datum ty_numeric_sub(Datum a, Datum b);
Datum ty_numeric_mul(Datum a, Datum b);
Datum ty_numeric_div(Datum a, Datum b);
int ty_numeric_cmp(Datum a, Datum b);
/* text (C collation); bpchar ignores trailing blanks */
int ty_text_cmp(Datum a, Datum b);
bool ty_text_eq(Datum a, Datum b);
int ty_bpchar_cmp(Datum a, Datum b);
/* LIKE: compile a pattern once (in the current context), match many times.  The pattern
 * uses backslash as its escape character, as PostgreSQL's ~~ operator does; `x LIKE p ESCAPE
 * e` is evaluated as `x ~~ like_escape(p, e)` (the like_escape function is in the table).
 * Raises 22025 "LIKE pattern must not end with escape character".  Matching is by bytes
 * for LIKE and by ASCII case folding for ILIKE; '_' matches one UTF-8 character.
 * `x SIMILAR TO p [ESCAPE e]` is evaluated as `x ~ similar_to_escape(p [, e])`, as in
 * PostgreSQL (both functions are in the table). */
typedef struct ty_like_pat ty_like_pat;
ty_like_pat *ty_like_compile(const char *pat, int patlen, bool icase);
bool ty_like_match(const ty_like_pat *p, const char *s, int slen);
/* Free a compiled pattern (or reset the context it was compiled in). */
void ty_like_free(ty_like_pat *p);
/* One-shot form (compiles on each call). */
bool ty_like(const char *s, int slen, const char *pat, int patlen, bool icase);

#endif
