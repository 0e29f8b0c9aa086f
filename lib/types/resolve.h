/*
 * resolve.h — PostgreSQL's overload resolution ("Type Conversion" chapter of the manual):
 * operators (10.2), functions (10.3), value storage (10.4, see cast.h) and the result
 * type of UNION, CASE, ARRAY, VALUES, COALESCE, GREATEST/LEAST (10.5).
 *
 * The analyzer passes argument types as it knows them: UNKNOWNOID for untyped string
 * literals and NULL, InvalidOid for the missing side of a prefix operator.  The result
 * names the chosen table entry, the type each argument must be coerced to (the analyzer
 * then builds the casts with ty_cast_find in COERCION_IMPLICIT context; unknown literals
 * are coerced by the target type's input function), and the resolved result type
 * (polymorphic types substituted).
 *
 * Errors (raised with err_position(location) when location > 0):
 *   42883 "operator does not exist: integer + text" / "function foo(integer) does not exist"
 *         with HINT "No operator matches the given name and argument types. You might need
 *         to add explicit type casts." (functions: "No function matches ...")
 *   42725 "operator is not unique: unknown + unknown" / "function foo(unknown) is not
 *         unique" with HINT "Could not choose a best candidate operator. You might need to
 *         add explicit type casts."
 *   42804 "CASE types integer and text cannot be matched"
 *   42P18 "could not determine polymorphic type because input has type unknown"
 * Any process; no locks; the tables are static, lookups are hash probes plus a scan of the
 * candidates of one name.
 */
#ifndef PH_TYPES_RESOLVE_H
#define PH_TYPES_RESOLVE_H

#include "types/fn.h"

typedef struct ty_resolution {
	/* the function (an operator's implementing function); NULL for a function-call-shaped
	 * type coercion such as text(x) or int4('12'): cast argument 0 to rettype explicitly */
	const ty_func *fn;
	const ty_oper *op;            /* operators only */
	int nargs;                    /* actual arguments */
	Oid argtarget[FUNC_MAX_ARGS]; /* type each actual argument must be coerced to */
	Oid rettype;                  /* result type after polymorphic substitution */
	int nvariadic;                /* arguments given to a trailing VARIADIC "any" */
	int ndefaults;                /* declared arguments filled from defaults */
} ty_resolution;

/* Binary operator: left and right given.  Prefix operator: left = InvalidOid. */
void ty_resolve_operator(const char *name, Oid left, Oid right, int location,
                         ty_resolution *out);
/* Function call (including aggregates and window functions: check out->fn->flags). */
void ty_resolve_function(const char *name, int nargs, const Oid *argtypes, int location,
                         ty_resolution *out);
/* Same, but returns false instead of raising 42883 (for callers that try alternatives,
 * e.g. a column-projection fallback).  Ambiguity still raises 42725. */
bool ty_try_resolve_function(const char *name, int nargs, const Oid *argtypes, int location,
                             ty_resolution *out);

/* Common type of a set of expressions (select_common_type).  context is the SQL construct
 * for the message ("UNION", "CASE", "COALESCE", "VALUES", "ARRAY", "GREATEST", "LEAST",
 * "IN"); locations (may be NULL) give each input's position for the error.  All unknown
 * → text.  Raises 42804 "%s types %s and %s cannot be matched". */
Oid ty_select_common_type(int n, const Oid *types, const char *context, const int *locations);
/* Same with the typmod: the common typmod when every input has the same one, else -1. */
int32_t ty_select_common_typmod(int n, const Oid *types, const int32_t *typmods, Oid common);

/* Whether t is one of the polymorphic pseudo-types (anyelement, anyarray, anynonarray,
 * anycompatible...). */
bool ty_is_polymorphic(Oid t);
/* Preferred type of a category, and the category of a type. */
char ty_category(Oid t);
bool ty_is_preferred(Oid t);

#endif
