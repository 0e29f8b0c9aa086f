/*
 * ty_catdef.h — how the files of lib/types declare their built-in functions, operators and
 * aggregates: each contributes "fragments" (arrays of the definitions below) that
 * ty_catalog.c turns into the ty_func/ty_oper/ty_agg tables at ty_init().  Signatures are
 * written as type names ("int4,int4") so the tables read like pg_proc.
 */
#ifndef PH_TYPES_TY_CATDEF_H
#define PH_TYPES_TY_CATDEF_H

#include "types/ty_int.h"

/* extra flag bits used only in definitions */
#define FV_STABLE 0x0100
#define FV_VOLATILE 0x0200

typedef struct ty_fndef {
	const char *name;      /* SQL name */
	const char *args;      /* "int4,int4"; "" none; a final "...any" is VARIADIC "any" */
	const char *ret;       /* result type; "setof T" for set-returning functions */
	uint16_t flags;        /* FN_* | FV_* */
	fn_impl impl;
	const char *prosrc;    /* unique C name */
	uint8_t fastop, fastkind;
	const char *def1;      /* comma-separated defaults of the trailing arguments, or NULL */
	const char *def2;      /* unused */
} ty_fndef;

typedef struct ty_opdef {
	const char *name;
	const char *left;      /* NULL for prefix operators */
	const char *right;
	const char *prosrc;    /* implementing function */
} ty_opdef;

typedef struct ty_aggdef {
	const char *name;
	const char *args;      /* "" for count(*) */
	const char *ret;
	const char *transfn;   /* prosrc of the transition function */
	const char *finalfn;   /* prosrc or NULL */
	const char *combinefn; /* prosrc or NULL */
	const char *transtype;
	const char *initval;
} ty_aggdef;

/* Strict immutable function. */
#define F(name, args, ret, impl) {name, args, ret, FN_STRICT, impl, #impl, 0, 0, NULL, NULL}
/* With flags. */
#define FX(name, args, ret, flags, impl) {name, args, ret, flags, impl, #impl, 0, 0, NULL, NULL}
/* Operator support function with a fast path. */
#define FOP(name, args, ret, impl, op, kind) {name, args, ret, FN_STRICT | FN_LEAKPROOF, impl, #impl, op, kind, NULL, NULL}
/* Defaults. */
#define FD(name, args, ret, flags, impl, d1, d2) {name, args, ret, flags, impl, #impl, 0, 0, d1, d2}

typedef struct ty_fragment {
	const ty_fndef *fns;
	int nfns;
	const ty_opdef *ops;
	int nops;
	const ty_aggdef *aggs;
	int naggs;
} ty_fragment;

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

extern const ty_fragment ty_frag_int, ty_frag_float, ty_frag_numeric, ty_frag_text,
	ty_frag_datetime, ty_frag_formatting, ty_frag_misc, ty_frag_agg;

/* Helpers shared by function files */
static inline Datum
ret_text(const char *s, int n)
{
	return ty_text_datum(s, (size_t)n);
}

#endif
