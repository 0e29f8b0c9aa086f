/*
 * datum.h — how SQL values are represented in memory (the contract shared by storage,
 * the SQL engine and the type library).  See lib/types/README.md.
 *
 * A value is a Datum (64 bits) plus a separate null flag.  Fixed-size types of at most
 * 8 bytes are passed by value inside the Datum; every other type is passed by reference: the
 * Datum holds a pointer to the value in memory owned by someone else (a memory context, or a
 * pinned page for as long as the pin is held).
 *
 * By-reference variable-length values ("varlena": text, varchar, bpchar, bytea, numeric,
 * json, jsonb) start with a 4-byte header holding the total length in bytes, header
 * included; the data follows unaligned.  In memory a varlena is always "plain" (inline and
 * uncompressed): storage turns out-of-line values back into plain ones before handing them
 * to the executor, so the SQL layer never sees a storage pointer.
 *
 * Type identifiers are PostgreSQL's OIDs for the same types, because clients (psql, libpq,
 * JDBC, psycopg) read them from RowDescription and parameter descriptions.  Type modifiers
 * (typmod) follow PostgreSQL too: -1 = none; varchar(n)/char(n): n + 4;
 * numeric(p,s): ((p << 16) | s) + 4; time/timestamp/interval precision: p.
 */
#ifndef PH_TYPES_DATUM_H
#define PH_TYPES_DATUM_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t Datum;
typedef uint32_t Oid;

#define InvalidOid ((Oid)0)

/* ---- built-in type OIDs (PostgreSQL's values) ----------------------------------------- */
#define BOOLOID 16
#define BYTEAOID 17
#define CHAROID 18
#define NAMEOID 19
#define INT8OID 20
#define INT2OID 21
#define INT2VECTOROID 22
#define INT4OID 23
#define REGPROCOID 24
#define TEXTOID 25
#define OIDOID 26
#define OIDVECTOROID 30
#define JSONOID 114
#define FLOAT4OID 700
#define FLOAT8OID 701
#define UNKNOWNOID 705
#define BOOLARRAYOID 1000
#define CHARARRAYOID 1002
#define NAMEARRAYOID 1003
#define INT2ARRAYOID 1005
#define INT4ARRAYOID 1007
#define TEXTARRAYOID 1009
#define BPCHARARRAYOID 1014
#define VARCHARARRAYOID 1015
#define INT8ARRAYOID 1016
#define FLOAT4ARRAYOID 1021
#define FLOAT8ARRAYOID 1022
#define OIDARRAYOID 1028
#define ACLITEMOID 1033
#define ACLITEMARRAYOID 1034
#define BPCHAROID 1042
#define VARCHAROID 1043
#define DATEOID 1082
#define TIMEOID 1083
#define TIMESTAMPOID 1114
#define TIMESTAMPTZOID 1184
#define INTERVALOID 1186
#define TIMETZOID 1266
#define NUMERICOID 1700
#define NUMERICARRAYOID 1231
#define REGCLASSOID 2205
#define REGTYPEOID 2206
#define RECORDOID 2249
#define VOIDOID 2278
#define ANYOID 2276
#define ANYELEMENTOID 2283
#define UUIDOID 2950
#define JSONBOID 3802
#define REGNAMESPACEOID 4089
#define REGROLEOID 4096

/* Added by lib/types (compatible extension): the remaining types of the registry, their
 * array types, and the pseudo-types used by function signatures. */
#define TIDOID 27
#define XIDOID 28
#define CIDOID 29
#define JSONARRAYOID 199
#define BYTEAARRAYOID 1001
#define INT2VECTORARRAYOID 1006
#define REGPROCARRAYOID 1008
#define TIDARRAYOID 1010
#define XIDARRAYOID 1011
#define CIDARRAYOID 1012
#define OIDVECTORARRAYOID 1013
#define TIMESTAMPARRAYOID 1115
#define DATEARRAYOID 1182
#define TIMEARRAYOID 1183
#define TIMESTAMPTZARRAYOID 1185
#define INTERVALARRAYOID 1187
#define CSTRINGARRAYOID 1263
#define TIMETZARRAYOID 1270
#define REGPROCEDUREOID 2202
#define REGOPEROID 2203
#define REGOPERATOROID 2204
#define REGPROCEDUREARRAYOID 2207
#define REGOPERARRAYOID 2208
#define REGOPERATORARRAYOID 2209
#define REGCLASSARRAYOID 2210
#define REGTYPEARRAYOID 2211
#define CSTRINGOID 2275
#define ANYARRAYOID 2277
#define INTERNALOID 2281
#define RECORDARRAYOID 2287
#define ANYNONARRAYOID 2776
#define UUIDARRAYOID 2951
#define JSONBARRAYOID 3807
#define REGNAMESPACEARRAYOID 4090
#define REGROLEARRAYOID 4097
#define ANYCOMPATIBLEOID 5077
#define ANYCOMPATIBLEARRAYOID 5078
#define ANYCOMPATIBLENONARRAYOID 5079

/* timetz: by reference, 12 bytes (PostgreSQL's TimeTzADT). */
typedef struct TimeTzADT {
	int64_t time;             /* microseconds since midnight, local */
	int32_t zone;             /* offset in seconds WEST of UTC (PostgreSQL's sign) */
} TimeTzADT;

/* Infinite dates and timestamps (PostgreSQL's). */
#define DATEVAL_NOBEGIN ((DateADT)INT32_MIN)
#define DATEVAL_NOEND ((DateADT)INT32_MAX)
#define DT_NOBEGIN ((Timestamp)INT64_MIN)
#define DT_NOEND ((Timestamp)INT64_MAX)

/* ---- by-value conversions --------------------------------------------------------------- */
static inline Datum BoolGetDatum(bool b) { return b ? 1 : 0; }
static inline bool DatumGetBool(Datum d) { return d != 0; }
static inline Datum Int16GetDatum(int16_t v) { return (Datum)(int64_t)v; }
static inline int16_t DatumGetInt16(Datum d) { return (int16_t)d; }
static inline Datum Int32GetDatum(int32_t v) { return (Datum)(int64_t)v; }
static inline int32_t DatumGetInt32(Datum d) { return (int32_t)d; }
static inline Datum Int64GetDatum(int64_t v) { return (Datum)v; }
static inline int64_t DatumGetInt64(Datum d) { return (int64_t)d; }
static inline Datum ObjectIdGetDatum(Oid v) { return (Datum)v; }
static inline Oid DatumGetObjectId(Datum d) { return (Oid)d; }
static inline Datum Float4GetDatum(float f) { uint32_t u; memcpy(&u, &f, 4); return (Datum)u; }
static inline float DatumGetFloat4(Datum d) { uint32_t u = (uint32_t)d; float f; memcpy(&f, &u, 4); return f; }
static inline Datum Float8GetDatum(double f) { Datum u; memcpy(&u, &f, 8); return u; }
static inline double DatumGetFloat8(Datum d) { double f; memcpy(&f, &d, 8); return f; }
static inline Datum PointerGetDatum(const void *p) { return (Datum)(uintptr_t)p; }
static inline void *DatumGetPointer(Datum d) { return (void *)(uintptr_t)d; }

/* ---- varlena ------------------------------------------------------------------------------ */
#define VARHDRSZ 4

typedef struct varlena {
	char vl_len[4]; /* total length including this header; read with VARSIZE */
	char vl_dat[];
} varlena;

static inline uint32_t VARSIZE(const void *p) { uint32_t n; memcpy(&n, p, 4); return n; }
static inline void SET_VARSIZE(void *p, uint32_t n) { memcpy(p, &n, 4); }
static inline char *VARDATA(const void *p) { return (char *)p + VARHDRSZ; }
static inline uint32_t VARSIZE_ANY_EXHDR(const void *p) { return VARSIZE(p) - VARHDRSZ; }

/* Largest value the SQL layer handles (storage may put it out of line). */
#define MAX_VARLENA_SIZE ((uint32_t)1 << 30)

/* Date/time representations (PostgreSQL's): */
typedef int32_t DateADT;      /* days since 2000-01-01 */
typedef int64_t TimeADT;      /* microseconds since midnight */
typedef int64_t Timestamp;    /* microseconds since 2000-01-01 00:00:00 (UTC for timestamptz) */
typedef struct Interval {
	int64_t time;             /* microseconds */
	int32_t day;
	int32_t month;
} Interval;                   /* by reference, 16 bytes, fixed length */

#endif
