/*
 * tyjson.h — json and jsonb values.
 *
 * json is validated text, kept exactly as given.  jsonb is, for now, stored as the
 * normalized text PostgreSQL prints for jsonb (README format 3); everything that reads or
 * builds jsonb goes through this interface, so the document-model issue can replace the
 * representation with a binary one without touching callers.
 *
 * Errors: 22P02 "invalid input syntax for type json" with PostgreSQL's DETAIL texts,
 * 22P05 for \u0000 in jsonb, 54001 for nesting deeper than TY_JSON_MAX_DEPTH.
 * Any process; no locks.  Results are palloc'd in mem_cur.
 */
#ifndef PH_TYPES_TYJSON_H
#define PH_TYPES_TYJSON_H

#include <stdbool.h>

#include "types/types.h"

#define TY_JSON_MAX_DEPTH 1000

/* A parsed JSON value (a tree). */
typedef struct ty_jnode {
	char kind;              /* 'o' object, 'a' array, 's' string, 'n' number, 't', 'f', 'z' null */
	int start, end;         /* byte span in the source text */
	char *str;              /* 's': decoded string; 'n': number text */
	int slen;
	int n;                  /* children */
	struct ty_jnode **kids;
	char **keys;            /* objects: decoded keys */
	int *klens;
} ty_jnode;

/* Parse; decode_strings resolves \u escapes (needed for jsonb and ->>). */
ty_jnode *ty_json_parse(const char *s, int len, bool decode_strings, bool for_jsonb);
/* Print a tree as jsonb text (sorted unique keys, ": " and ", "). */
void ty_jsonb_print(ty_buf *b, const ty_jnode *n);
/* Normalize a tree the way jsonb stores it (in place: dedupe and sort keys, numerics). */
void ty_jsonb_normalize(ty_jnode *n);
/* Append a SQL value as JSON (to_json rules); jsonb selects jsonb's spacing. */
void ty_json_append_value(ty_buf *b, Datum v, Oid type, bool jsonb);
/* Append a JSON string literal with escapes. */
void ty_json_escape(ty_buf *b, const char *s, int len);
/* Build jsonb from text (validate + normalize) and the tree of a jsonb value. */
Datum ty_jsonb_from_text(const char *s, int len);
ty_jnode *ty_jsonb_tree(Datum jb);
int ty_jsonb_compare_nodes(const ty_jnode *a, const ty_jnode *b);

#endif
