/*
 * tynumeric.h — arbitrary-precision exact decimal arithmetic (the numeric type), with
 * PostgreSQL's result-scale rules and limits (131072 digits before the point, 16383 after;
 * NaN, Infinity and -Infinity).  Storage format: lib/types/README.md, format 1.
 *
 * All functions take and return numeric Datums (palloc'd in mem_cur).  Errors: 22003
 * "value overflows numeric format", "numeric field overflow" (typmod), 22012 "division by
 * zero", 2201E/2201F for logarithms and powers, 0A000 for NaN/Infinity to integer.
 * Any process; no locks.
 */
#ifndef PH_TYPES_TYNUMERIC_H
#define PH_TYPES_TYNUMERIC_H

#include <stdbool.h>
#include <stdint.h>

#include "types/datum.h"

#define NUMERIC_MAX_PRECISION 1000
#define NUMERIC_MIN_SCALE (-1000)
#define NUMERIC_MAX_SCALE 1000
#define NUMERIC_MAX_DISPLAY_SCALE NUMERIC_MAX_PRECISION
#define NUMERIC_DSCALE_MAX 0x3FFF
#define NUMERIC_MIN_SIG_DIGITS 16

Datum ty_numeric_from_int64(int64_t v);
Datum ty_numeric_from_double(double v, int digits);  /* digits: 15 for float8, 6 for float4 */
/* Round to integer (half away from zero) and range-check: 22003 "bigint out of range",
 * 0A000 "cannot convert NaN to bigint" / "cannot convert infinity to bigint". */
int64_t ty_numeric_to_int64(Datum v);
int32_t ty_numeric_to_int32(Datum v);
int16_t ty_numeric_to_int16(Datum v);
double ty_numeric_to_double(Datum v);
Datum ty_numeric_from_cstring(const char *s);          /* raises 22P02 */
char *ty_numeric_to_cstring(Datum v);

Datum ty_numeric_mod(Datum a, Datum b);
Datum ty_numeric_neg(Datum a);
Datum ty_numeric_abs(Datum a);
Datum ty_numeric_round(Datum a, int scale);
Datum ty_numeric_trunc(Datum a, int scale);
Datum ty_numeric_ceil(Datum a);
Datum ty_numeric_floor(Datum a);
Datum ty_numeric_sqrt(Datum a);
Datum ty_numeric_exp(Datum a);
Datum ty_numeric_ln(Datum a);
Datum ty_numeric_log(Datum base, Datum x);
Datum ty_numeric_power(Datum a, Datum b);
Datum ty_numeric_div_trunc(Datum a, Datum b);          /* div(): integer quotient */
int ty_numeric_sign(Datum a);                          /* -1, 0, 1; NaN: 2 */
bool ty_numeric_is_nan(Datum a);
bool ty_numeric_is_inf(Datum a);
int ty_numeric_scale(Datum a);                         /* display scale; -1 for specials */
/* Apply a numeric typmod (precision/scale): rounds, 22003 "numeric field overflow". */
Datum ty_numeric_apply_typmod(Datum v, int32_t typmod);
/* Division with an explicit result scale (rounded), for avg() and friends. */
Datum ty_numeric_div_scale(Datum a, Datum b, int rscale);

/* Accumulator for sum/avg/variance over integers and numerics without re-packing each
 * row.  Lives in the aggregate context given to ty_numacc_init. */
typedef struct ty_numacc ty_numacc;
ty_numacc *ty_numacc_new(void);                     /* in mem_cur */
void ty_numacc_add(ty_numacc *a, Datum numeric);
void ty_numacc_add_int64(ty_numacc *a, int64_t v);
void ty_numacc_add_int128(ty_numacc *a, __int128 v);
void ty_numacc_combine(ty_numacc *a, const ty_numacc *b);
int64_t ty_numacc_count(const ty_numacc *a);
Datum ty_numacc_sum(const ty_numacc *a);            /* NULL handling is the caller's */
Datum ty_numacc_avg(const ty_numacc *a);
/* Variance/stddev: samp (n-1) or pop (n); *isnull when undefined (n < 2 for samp). */
Datum ty_numacc_variance(const ty_numacc *a, bool samp, bool stddev, bool *isnull);

#endif
