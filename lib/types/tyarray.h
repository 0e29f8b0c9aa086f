/*
 * tyarray.h — arrays of the base types (format 4 in lib/types/README.md): construction,
 * deconstruction, and the dimension accessors the executor and the catalog use
 * (int2vector/oidvector are arrays with lower bound 0).
 *
 * Element Datums returned by ty_array_deconstruct point into the array for by-reference
 * types (valid while the array is); the arrays of values/nulls are palloc'd in mem_cur.
 * Errors: 54000 "array size exceeds the maximum allowed (134217727)", 2202E subscripts.
 * Any process; no locks.
 */
#ifndef PH_TYPES_TYARRAY_H
#define PH_TYPES_TYARRAY_H

#include <stdbool.h>

#include "types/datum.h"

#define MAXDIM 6
#define MaxArraySize ((int)(0x3FFFFFFF / sizeof(Datum)))

/* One-dimensional array with lower bound 1 (n == 0: the empty array). */
Datum ty_array_build(Oid elemtype, int n, const Datum *vals, const bool *nulls);
/* General form: ndim 0..MAXDIM, dims/lbs per dimension, elements in row-major order. */
Datum ty_array_build_md(Oid elemtype, int ndim, const int *dims, const int *lbs,
                        const Datum *vals, const bool *nulls);
/* All elements in row-major order. */
void ty_array_deconstruct(Datum arr, int *n, Datum **vals, bool **nulls);
Oid ty_array_elemtype(Datum arr);
int ty_array_ndim(Datum arr);
const int *ty_array_dims(Datum arr);     /* unaligned-safe copy is not needed: read via memcpy */
int ty_array_dim(Datum arr, int d);       /* length of dimension d (1-based), 0 if none */
int ty_array_lbound(Datum arr, int d);
int ty_array_nitems(Datum arr);
bool ty_array_has_nulls(Datum arr);
/* Element i (0-based, row-major); *isnull set. */
Datum ty_array_get(Datum arr, int i, bool *isnull);

#endif
