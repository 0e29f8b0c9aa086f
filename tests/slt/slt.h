/*
 * slt.h — the sqllogictest runner's parts (tests/slt): the script reader, value formatting,
 * sorting and hashing exactly as the reference sqllogictest program does them, and the
 * runner that executes a script against a server through libphantom.
 *
 * Format (one record per paragraph; lines starting with '#' are comments):
 *   statement ok|error            then SQL lines
 *   query <types> [nosort|rowsort|valuesort] [label]   then SQL, "----", expected values
 *   hash-threshold N              results with more than N values are compared by MD5
 *   skipif <db> / onlyif <db>     prefix lines of a record (we are "postgresql")
 *   halt                          stop reading the script
 * Types: I integer (printed "%lld"), R real (printed "%.3f"), T text ("(empty)" for the
 * empty string, bytes outside ' '..'~' become '@'); NULL is "NULL".  Expected values are one
 * per line, or "N values hashing to <md5 of each value followed by a newline>".
 */
#ifndef PH_TESTS_SLT_H
#define PH_TESTS_SLT_H

#include <stdbool.h>
#include <stddef.h>

#include "phantom.h"

#define SLT_ENGINE "postgresql"
#define SLT_DEFAULT_HASH_THRESHOLD 8

typedef enum { SLT_STATEMENT, SLT_QUERY, SLT_HASH_THRESHOLD, SLT_HALT, SLT_UNKNOWN } slt_kind;
typedef enum { SLT_NOSORT, SLT_ROWSORT, SLT_VALUESORT } slt_sort;

typedef struct slt_record {
	slt_kind kind;
	int line;               /* line of the record's first line (after skipif/onlyif) */
	bool skip;              /* a skipif/onlyif says not for us */
	bool expect_error;      /* statement error */
	char *types;            /* query: "IIT" */
	slt_sort sort;
	char *label;            /* query: label or NULL */
	char *sql;
	char **expected;        /* query: expected lines (NULL when no "----") */
	int nexpected;
	bool has_results;       /* the record had a "----" line */
	int threshold;          /* hash-threshold value */
	char *bad;              /* a malformed record: why */
} slt_record;

typedef struct slt_script {
	char *text;
	size_t len, pos;
	int line;
} slt_script;

/* Reading: slt_open takes a copy of text.  slt_next fills rec and returns true, or false at
 * the end of the script.  The record's strings live until the next call. */
void slt_open(slt_script *s, const char *text, size_t len);
bool slt_next(slt_script *s, slt_record *rec);
void slt_close(slt_script *s);
void slt_record_free(slt_record *rec);

/* One value as the reference prints it for column type 'I', 'R' or 'T' (out: cap >= 32). */
void slt_format(char type, const char *value, bool is_null, char *out, size_t cap);
/* Sort values (nvalues = nrows * ncols) in place. */
void slt_sort_values(char **values, int nvalues, int ncols, slt_sort how);
/* "N values hashing to <md5>" into out (cap >= 64). */
void slt_hash(char *const *values, int nvalues, char *out, size_t cap);

typedef struct slt_stats {
	int passed, failed, skipped;
} slt_stats;

typedef struct slt_options {
	const char *conninfo;
	int hash_threshold;      /* -1: take it from the scripts */
	bool verbose;
	bool cleanup;            /* drop the public schema's tables and views before each file */
} slt_options;

/* Run one script file; failures are described on stdout (with --verbose: SQL, expected,
 * actual).  Returns false if the file could not be run at all (no connection, unreadable). */
bool slt_run_file(const slt_options *opt, const char *path, slt_stats *st);

#endif
