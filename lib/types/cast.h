/*
 * cast.h — PostgreSQL's cast rules (pg_cast) and type-modifier coercion.
 *
 * A conversion from a value of one type to another happens in two steps, as in PostgreSQL's
 * coerce_to_target_type: (1) the cast proper, found by ty_cast_find for a coercion context
 * (implicit in expressions, assignment when storing into a column, explicit for CAST and
 * ::), which yields a function, a binary relabelling, an I/O conversion (output as text,
 * then input) or an element-wise array coercion; (2) ty_coerce_typmod to the target's type
 * modifier (varchar length, numeric precision/scale, timestamp precision, ...), whose
 * behaviour differs for explicit casts (silent truncation of strings) and implicit or
 * assignment ones (22001 "value too long for type character varying(3)").
 *
 * Any process may call these; no locks.  Results follow fn.h's memory rules.
 */
#ifndef PH_TYPES_CAST_H
#define PH_TYPES_CAST_H

#include <stdbool.h>

#include "types/fn.h"

typedef enum ty_ccontext {
	COERCION_IMPLICIT = 0,   /* pg_cast.castcontext 'i' */
	COERCION_ASSIGNMENT = 1, /* 'a' (also allows implicit casts) */
	COERCION_EXPLICIT = 2    /* 'e' (allows all) */
} ty_ccontext;

typedef enum ty_castkind {
	CASTPATH_NONE = 0,     /* no cast */
	CASTPATH_RELABEL,      /* binary-coercible: the Datum is reused as is */
	CASTPATH_FUNC,         /* call fn (1 argument, or 3: value, typmod, is_explicit) */
	CASTPATH_IO,           /* output function of the source, input function of the target */
	CASTPATH_ARRAY         /* element-wise: elemsource -> elemtarget with the element path */
} ty_castkind;

typedef struct ty_castpath {
	ty_castkind kind;
	Oid source;
	Oid target;
	const ty_func *fn;     /* CASTPATH_FUNC */
	Oid elemsource;        /* CASTPATH_ARRAY */
	Oid elemtarget;
} ty_castpath;

/* One pg_cast row (for the catalog's pg_cast view and for tests). */
typedef struct ty_cast {
	Oid source;
	Oid target;
	char context;          /* 'i', 'a', 'e' */
	char method;           /* 'f' function, 'b' binary, 'i' I/O */
	const char *fnname;    /* implementing function (method 'f') */
} ty_cast;
const ty_cast *ty_cast_table(int *n);

/* Find how to convert source to target in the given context.  Same type: RELABEL.
 * unknown → anything: IO.  Anything → text/varchar/bpchar without a pg_cast entry: IO in
 * assignment and explicit contexts; text/varchar/bpchar → anything: IO in explicit context
 * (PostgreSQL's automatic I/O conversion casts).  Arrays: element-wise when the elements
 * can be cast in that context.  Pseudo-type targets (any, anyelement, anyarray,
 * anynonarray) accept matching sources by RELABEL.  Returns false (kind NONE) otherwise. */
bool ty_cast_find(Oid source, Oid target, ty_ccontext ctx, ty_castpath *out);
/* Whether every type of src[] can be coerced to the corresponding tgt[] in context ctx
 * (PostgreSQL's can_coerce_type, including the consistency of polymorphic arguments). */
bool ty_can_coerce(int n, const Oid *src, const Oid *tgt, ty_ccontext ctx);
/* Apply step (1).  typmod is the target's modifier, passed to 3-argument cast functions
 * and I/O input; the caller still applies ty_coerce_typmod for step (2). */
Datum ty_cast_apply(const ty_castpath *p, Datum v, int32_t typmod);
/* Step (2): coerce v (of type, with any typmod) to typmod.  explicit=true: strings are
 * truncated silently (and bpchar padded); false: 22001 when non-blank characters would be
 * lost.  numeric: rounds to the scale, 22003 "numeric field overflow" with DETAIL
 * "A field with precision 5, scale 2 must round to an absolute value less than 10^3.";
 * time/timestamp/interval: rounds to the precision.  typmod -1 returns v. */
Datum ty_coerce_typmod(Datum v, Oid type, int32_t typmod, bool explicit);
/* Both steps, raising 42846 "cannot cast type integer to date" when there is no path
 * (the analyzer normally checks first to place the error). */
Datum ty_convert(Datum v, Oid source, Oid target, int32_t typmod, ty_ccontext ctx);

/* Whether type t has a typmod coercion (varchar, bpchar, numeric, time, timetz,
 * timestamp, timestamptz, interval, and arrays of these). */
bool ty_has_typmod_coercion(Oid t);

#endif
