/*
 * types.h — the type registry: every built-in type's properties, its text and binary I/O,
 * type modifiers, format_type, and per-type comparison and hashing.  See
 * lib/types/README.md for the value formats and invariants.
 *
 * Principal entry points:
 *   ty_get(oid), ty_lookup_name(name)        registry lookups
 *   ty_input / ty_output / ty_recv / ty_send  text and binary I/O
 *   ty_typmod_in / ty_format_type             "varchar(10)" <-> 14, format_type()
 *   ty_compare / ty_hash / ty_equal           ordering and hashing (C collation for text)
 *
 * Every function may be called by any process, with no lock held; none takes a lock.
 * Results that are not by-value are palloc'd in mem_cur (the caller's context).
 * Errors are raised through lib/util/err.h with PostgreSQL's SQLSTATEs and messages.
 */
#ifndef PH_TYPES_TYPES_H
#define PH_TYPES_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "types/datum.h"

/* ---- growable byte buffer (palloc'd in the context current at ty_buf_init) ---------------- */
typedef struct ty_buf {
	char *data;   /* always NUL-terminated */
	int len;
	int cap;
} ty_buf;

void ty_buf_init(ty_buf *b, int cap);
void ty_buf_reset(ty_buf *b);  /* len = 0, keeps the storage */
void ty_buf_reserve(ty_buf *b, int more);
void ty_buf_append(ty_buf *b, const char *s, int n);
void ty_buf_puts(ty_buf *b, const char *s);
void ty_buf_printf(ty_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void
ty_buf_putc(ty_buf *b, char c)
{
	if (b->len + 1 >= b->cap)
		ty_buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
/* Big-endian integers (binary wire format). */
void ty_buf_put16(ty_buf *b, uint16_t v);
void ty_buf_put32(ty_buf *b, uint32_t v);
void ty_buf_put64(ty_buf *b, uint64_t v);

/* ---- the registry ----------------------------------------------------------------------- */

/* Type modifier conventions (datum.h): -1 none; char/varchar n+4; numeric ((p<<16)|s)+4;
 * time/timestamp p; interval (range<<16)|p with p = 0xFFFF for "no precision". */
#define TYPMOD_NONE (-1)
#define NAMEDATALEN 64

typedef Datum (*ty_in_fn)(const char *str, Oid typid, int32_t typmod);
typedef void (*ty_out_fn)(ty_buf *b, Datum v, Oid typid);
/* data/len is the parameter's bytes; must consume exactly len bytes or raise 22P03. */
typedef Datum (*ty_recv_fn)(const char *data, int len, Oid typid, int32_t typmod);
typedef void (*ty_send_fn)(ty_buf *b, Datum v, Oid typid);
typedef int32_t (*ty_modin_fn)(const int32_t *mods, int n);
typedef void (*ty_modout_fn)(ty_buf *b, int32_t typmod);
typedef int (*ty_cmp_fn)(Datum a, Datum b);
typedef uint32_t (*ty_hash_fn)(Datum a);

/* typcategory letters (PostgreSQL's). */
#define TYPCAT_ARRAY 'A'
#define TYPCAT_BOOLEAN 'B'
#define TYPCAT_DATETIME 'D'
#define TYPCAT_NUMERIC 'N'
#define TYPCAT_PSEUDO 'P'
#define TYPCAT_STRING 'S'
#define TYPCAT_TIMESPAN 'T'
#define TYPCAT_USER 'U'
#define TYPCAT_BITSTRING 'V'
#define TYPCAT_UNKNOWN 'X'

typedef struct ty_type {
	Oid oid;
	const char *name;        /* pg_type.typname ("int4") */
	const char *sqlname;     /* format_type spelling ("integer"); NULL = name */
	int16_t len;             /* bytes; -1 varlena; -2 C string (cstring/unknown) */
	bool byval;
	char align;              /* 'c' 's' 'i' 'd' (pg_type.typalign, informational) */
	char category;           /* TYPCAT_* */
	bool preferred;          /* pg_type.typispreferred */
	char typtype;            /* 'b' base, 'p' pseudo */
	Oid elem;                /* arrays (and int2vector/oidvector): element type */
	Oid array;               /* this type's array type, 0 if none */
	char delim;              /* array element delimiter */
	ty_in_fn in;
	ty_out_fn out;
	ty_recv_fn recv;
	ty_send_fn send;
	ty_modin_fn modin;       /* NULL: the type takes no modifier */
	ty_modout_fn modout;
	ty_cmp_fn cmp;           /* NULL: no ordering (json, xid) */
	ty_hash_fn hash;         /* NULL: not hashable (json) */
	const char *procnames;   /* "in out recv send" C names, for pg_type/pg_proc views */
} ty_type;

/* Build indexes; idempotent.  Every lookup calls it, so explicit calls are optional. */
void ty_init(void);

/* NULL when oid is not a known type. */
const ty_type *ty_get(Oid oid);
/* Like ty_get, but raises 42704 "cache lookup failed for type %u" for unknown oids. */
const ty_type *ty_must(Oid oid);
/* By pg_type name or SQL alias, case-insensitive: "int4", "integer", "int", "character
 * varying", "double precision", "timestamp with time zone", "timestamptz", "bool"... and a
 * trailing "[]" for the array type.  NULL when unknown.  No typmod is accepted here. */
const ty_type *ty_lookup_name(const char *name);
/* Parse a full type name as regtype's input does: "varchar(10)", "numeric(10,2)",
 * "timestamp(3) with time zone", "interval year to month", "int[]", "character(5)[]".
 * Raises 42704 `type "x" does not exist`, 42601 on bad syntax, 22023 on bad modifiers. */
void ty_parse_typename(const char *s, Oid *oid, int32_t *typmod);
/* All registered types, in OID order. */
const ty_type *ty_all(int *n);

/* Array type of elem (0 if none) and element type of an array type (0 if not an array). */
Oid ty_array_of(Oid elem);
Oid ty_elem_of(Oid arraytype);

/* ---- typmods and format_type ------------------------------------------------------------ */

/* The integers of "numeric(10,2)" → typmod; raises 22023 with PostgreSQL's messages
 * ("length for type varchar must be at least 1", "NUMERIC precision 0 must be between 1
 * and 1000") or 42601 when the type takes no modifier ("type modifier is not allowed for
 * type \"integer\"").  For interval, mods[0] is the range mask (INTERVAL_MASK_*), mods[1]
 * the precision. */
int32_t ty_typmod_in(Oid type, const int32_t *mods, int n);
/* format_type(oid, typmod) as PostgreSQL prints it ("character varying(10)",
 * "timestamp(3) with time zone", "integer[]", "\"char\"").  Unknown oid: "???". */
char *ty_format_type(Oid type, int32_t typmod);
void ty_format_type_buf(ty_buf *b, Oid type, int32_t typmod);
/* Length of a value of this type in bytes (varlena: its header; name: 64). */
int ty_datum_size(const ty_type *t, Datum v);
/* Copy a by-reference value into mem_cur (by-value: returned as is). */
Datum ty_datum_copy(const ty_type *t, Datum v);

/* ---- text and binary I/O ---------------------------------------------------------------- */

/* Text input honouring typmod (varchar/bpchar length check: 22001 "value too long for
 * type character varying(3)"; numeric precision: 22003).  Raises 22P02/22003/22007/22008
 * as PostgreSQL does.  The analyzer should pass typmod -1 for literals and apply
 * ty_coerce_typmod afterwards (except for interval), as PostgreSQL's coerce_type does. */
Datum ty_input(Oid type, const char *str, int32_t typmod);
/* Text output: palloc'd NUL-terminated string; _buf appends to b. */
char *ty_output(Oid type, Datum v);
void ty_output_buf(ty_buf *b, Oid type, Datum v);
/* Binary input/output in PostgreSQL's wire format for the type; 22P03 on bad data,
 * 0A000 when the type has no binary format. */
Datum ty_recv(Oid type, const char *data, int len, int32_t typmod);
void ty_send(ty_buf *b, Oid type, Datum v);

/* ---- comparison and hashing ------------------------------------------------------------- */

/* <0, 0, >0.  Both values of the same type.  Raises 42883 for types without ordering. */
int ty_compare(Oid type, Datum a, Datum b);
bool ty_equal(Oid type, Datum a, Datum b);
uint32_t ty_hash(Oid type, Datum a);
/* Comparison function for a type (NULL if it has none): what sorts and btrees call. */
ty_cmp_fn ty_cmp_for(Oid type);
ty_hash_fn ty_hash_for(Oid type);
/* Hash family: types of one family hash equal values equally (README invariant 3).
 * Returns a representative oid (INT8OID for int2/int4/int8, FLOAT8OID for float4/8,
 * TEXTOID for text/varchar/name, ...) or the type itself. */
Oid ty_hash_family(Oid type);

/* Mix two hashes (for multi-column keys). */
static inline uint32_t
ty_hash_combine(uint32_t a, uint32_t b)
{
	a ^= b + 0x9e3779b9u + (a << 6) + (a >> 2);
	return a;
}
uint32_t ty_hash_bytes(const void *p, size_t n);
uint32_t ty_hash_uint64(uint64_t v);

/* ---- catalog hooks ----------------------------------------------------------------------- */

/* regclass/regtype/regproc/regnamespace/regrole text I/O needs the catalog.  The catalog
 * layer installs these; without them names are not resolved (numeric oids only, and the
 * built-in types for regtype).  Lookups raise 42P01/42704 themselves when a name is
 * unknown; name_of returns NULL for an unknown oid (printed as the number). */
typedef struct ty_catalog_hooks {
	Oid (*regclass_in)(const char *name);
	const char *(*regclass_out)(Oid oid);
	Oid (*regtype_in)(const char *name);       /* user types; built-ins are handled here */
	const char *(*regtype_out)(Oid oid);
	Oid (*regproc_in)(const char *name);
	const char *(*regproc_out)(Oid oid);
	Oid (*regnamespace_in)(const char *name);
	const char *(*regnamespace_out)(Oid oid);
	Oid (*regrole_in)(const char *name);
	const char *(*regrole_out)(Oid oid);
} ty_catalog_hooks;
void ty_set_catalog_hooks(const ty_catalog_hooks *h);
const ty_catalog_hooks *ty_catalog(void);

/* ---- varlena helpers --------------------------------------------------------------------- */

/* palloc a varlena holding n bytes of s. */
void *ty_varlena_make(const char *s, size_t n);
static inline Datum
ty_text_datum(const char *s, size_t n)
{
	return PointerGetDatum(ty_varlena_make(s, n));
}
Datum ty_cstring_to_text(const char *s);
/* palloc'd NUL-terminated copy of a text/varchar/bpchar/bytea/json value. */
char *ty_text_to_cstring(Datum v);
static inline const char *
ty_vardata(Datum v)
{
	return VARDATA(DatumGetPointer(v));
}
static inline int
ty_varsize(Datum v)
{
	return (int)VARSIZE_ANY_EXHDR(DatumGetPointer(v));
}

#endif
