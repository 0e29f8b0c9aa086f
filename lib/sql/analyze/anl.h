/*
 * anl.h — the analyzer: raw parse trees (parse/ast.h) in, analyzed query trees (sql/qry.h)
 * out.  Design, invariants and the differences from PostgreSQL: lib/sql/analyze/README.md.
 *
 * Principal entry points:
 *   anl_analyze            one statement → qry_query (QC_UTILITY for DDL and the rest)
 *   anl_analyze_sql        a query string: parse + analyze every statement
 *   anl_check_expr_for_table  CHECK / DEFAULT / GENERATED / index expressions of DDL
 *   anl_view_query         CREATE VIEW: the analyzed query, its columns and stored text
 *   anl_typename           TypeName → (type oid, typmod)
 *   anl_sysview_register / anl_sysview_lookup   the pg_catalog / information_schema table
 *   anl_dump_query / anl_dump_expr              compact text of a tree (tests, debugging)
 *
 * Common contract:
 *  - Called by the query worker (any process that has done cat_open), inside a statement:
 *    the caller has run cat_begin_statement + cat_set_snapshot, so catalog lookups see the
 *    statement's catalog snapshot.  No lock is taken or held here; relations are looked up
 *    by name only (the executor locks them by the range table's lockmode and rechecks the
 *    catalog version with cat_check_version).
 *  - Everything returned is palloc'd in mem_cur (the statement context, or the plan-cache
 *    context of a prepared statement).  Catalog descriptors are never kept in the result:
 *    names, types and texts are copied.  Inputs are only borrowed.
 *  - Errors unwind through util/err.h with PostgreSQL 15's SQLSTATE, message, detail, hint
 *    and the 1-based character position in query_text (err_position), e.g.
 *      42P01 relation "x" does not exist          42703 column "x" does not exist
 *      42702 column reference "x" is ambiguous    42883 operator/function does not exist
 *      42804 datatype mismatch                    42803 grouping errors
 *      42P10 invalid column reference             42P18 indeterminate datatype
 *      42P19 invalid recursion                    42P20 windowing error
 *      42601 syntax error (shape checks)          428C9 generated always
 *      42846 cannot coerce                        0A000 feature not supported
 *      3F000 schema does not exist                42704 undefined object (type, collation)
 *      22xxx raised by constant folding (division by zero, bad input of literals)
 */
#ifndef PH_SQL_ANALYZE_ANL_H
#define PH_SQL_ANALYZE_ANL_H

#include <stdbool.h>

#include "sql/parse/ast.h"
#include "sql/qry.h"

/* What the analyzer needs to know about the session. */
typedef struct anl_params {
	Oid db;                    /* current database */
	const Oid *search_path;    /* namespaces in order (cat_search_path), pg_catalog first */
	int npath;
	Oid user;                  /* current role (CURRENT_USER) */
	/*
	 * Parameters $1..$n.  In: nparams types given by the client (0 = infer).  With
	 * infer_params true (extended protocol Parse, PREPARE without types) a $n beyond nparams
	 * is allowed and its type inferred; on return param_types (palloc'd in mem_cur, possibly
	 * reallocated) holds every parameter's type and nparams the highest number used.  With
	 * infer_params false a $n beyond nparams raises 42P02 "there is no parameter $n".
	 * A parameter whose type cannot be inferred raises 42P18 "could not determine data type
	 * of parameter $n".
	 */
	int nparams;
	Oid *param_types;
	bool infer_params;
	/* Type of each prepared statement's parameters, for EXECUTE (NULL: 26000 for all). */
	bool (*prepared_lookup)(const char *name, int *nparams, const Oid **types);
} anl_params;

/*
 * Analyze one statement (a RawStmt or a bare statement node) of query_text.  Returns the
 * analyzed query; utility statements come back as QC_UTILITY with `utility` pointing at
 * the raw statement and, where the engine needs it, util_query / util_exprs filled (see
 * qry.h).  params may be NULL (no parameters, default database and search path from the
 * catalog: database `phantom`, path pg_catalog, public).
 */
qry_query *anl_analyze(const ast_node *stmt, const char *query_text, anl_params *params);

/* Parse query_text (parse_sql) and analyze each statement: a list of qry_query*. */
qry_list *anl_analyze_sql(const char *query_text, anl_params *params);

/* ---- helpers for DDL (called by the engine's utility code) ------------------------------- */

/* A table as DDL sees it before (CREATE TABLE) or after (ALTER TABLE) it exists. */
typedef struct anl_table_desc {
	const char *name;
	int ncols;
	const char *const *colnames;
	const Oid *coltypes;
	const int32_t *coltypmods;
} anl_table_desc;

typedef enum anl_exprkind_ddl {
	ANL_DDL_CHECK,        /* CHECK constraint: boolean, columns of the table */
	ANL_DDL_DEFAULT,      /* column DEFAULT: no column references, coerced to the column */
	ANL_DDL_GENERATED,    /* GENERATED ALWAYS AS (expr) STORED: columns, immutable */
	ANL_DDL_INDEX,        /* index expression: columns, immutable */
	ANL_DDL_PREDICATE,    /* partial index WHERE: boolean, columns, immutable */
	ANL_DDL_USING         /* ALTER COLUMN TYPE ... USING: columns, coerced to the type */
} anl_exprkind_ddl;

/*
 * Analyze a DDL expression of table t.  For DEFAULT / GENERATED / USING, target_type and
 * target_typmod give the column's type (assignment coercion, 42804 when impossible).
 * Raises 0A000 "cannot use subquery in check constraint" (and the other kinds' texts),
 * 42803 "aggregate functions are not allowed in check constraints", 42P20 for window
 * functions, 0A000 "set-returning functions are not allowed in ...", 42703 for unknown
 * columns, 0A000 "cannot use column reference in DEFAULT expression", 42P17 "functions
 * in index expression must be marked IMMUTABLE".  Returns the analyzed expression (Vars
 * have varno 1, attno = position in t) and, in *text, the canonical SQL text to store
 * (qry_deparse_expr).  query_text is the statement's text for error positions.
 */
qry_expr *anl_check_expr_for_table(const ast_node *expr, const anl_table_desc *t,
                                   anl_exprkind_ddl kind, Oid target_type,
                                   int32_t target_typmod, const char *query_text, char **text);

/* The description of an existing relation (columns not dropped, in attnum order; dropped
 * columns appear with an empty name so attnos stay positions). */
void anl_table_desc_of(Oid relid, anl_table_desc *out);

/*
 * CREATE VIEW / CREATE MATERIALIZED VIEW / CREATE TABLE AS: analyze the query, apply the
 * column aliases (42601 "CREATE VIEW specifies more column names than columns" with
 * for_view, "too many column names were specified" without), and
 * return the column names/types (palloc'd arrays of ncols) and the text to store in the
 * catalog (view_query: the deparsed analyzed query, stars expanded).  Columns of type
 * unknown become text, as PostgreSQL 15 does.  42P16 for duplicate column names
 * ("column \"a\" specified more than once").
 */
typedef struct anl_view_result {
	qry_query *query;
	int ncols;
	char **colnames;
	Oid *coltypes;
	int32_t *coltypmods;
	char *text;
} anl_view_result;
void anl_view_query(const ast_node *query, const ast_list *aliases, bool for_view,
                    const char *query_text, anl_params *params, anl_view_result *out);

/* A type name (CAST, column definitions): 42704 `type "x" does not exist`, 22023/42601
 * for bad modifiers; position from the node's loc in query_text (may be NULL). */
Oid anl_typename(const TypeName *tn, const char *query_text, int32_t *typmod);

/* ---- system views (pg_catalog, information_schema) ------------------------------------- */

typedef struct anl_sysview_col {
	const char *name;
	Oid type;
	int32_t typmod;
} anl_sysview_col;

typedef struct anl_sysview {
	const char *schema;        /* "pg_catalog" or "information_schema" */
	const char *name;
	Oid oid;                   /* stable oid for RTE_SYSVIEW.relid (PostgreSQL's when known) */
	int ncols;
	const anl_sysview_col *cols;
	void *impl;                /* the engine's row producer (opaque here) */
} anl_sysview;

/*
 * Register a system view (process-local table; call before the first analysis, e.g. at
 * worker start).  A second registration of the same name replaces the columns and impl.
 * The strings and arrays must live as long as the process (static data).
 */
void anl_sysview_register(const anl_sysview *v);
/* By schema ("pg_catalog" / "information_schema") and name; NULL when none. */
const anl_sysview *anl_sysview_lookup(const char *schema, const char *name);
const anl_sysview *anl_sysview_by_oid(Oid oid);
/* Attach the engine's row producer to a registered view (false when not registered). */
bool anl_sysview_set_impl(const char *schema, const char *name, void *impl);

/* ---- functions that need the catalog ------------------------------------------------------ */

/*
 * Add a function the analyzer resolves when lib/types has no function of that name
 * (pg_get_userbyid, pg_table_is_visible, obj_description ... whose implementations read
 * the catalog, so lib/types cannot hold them).  Candidates of one name are matched by
 * argument count (trailing `ndefaults` optional) and implicit coercibility; the one with
 * the most exact argument types wins.  f must live as long as the process (static data).
 * Process-local; call at worker start, before analyzing.  nextval, currval, setval and
 * lastval are registered by the analyzer itself.  Raises 54000 beyond 512 functions.
 */
void anl_function_register(const struct ty_func *f);

/* ---- constant folding and dumps --------------------------------------------------------- */

/* Fold immutable function calls (and casts, boolean logic, CASE, COALESCE over constants)
 * on constant arguments, in place where possible.  Errors of the function propagate (as
 * PostgreSQL's planner raises them for SELECT 1/0). */
qry_expr *anl_fold_constants(qry_expr *e);

/* Compact one-line text of an expression / multi-line text of a query, for tests. */
char *anl_dump_expr(const qry_expr *e);
char *anl_dump_query(const qry_query *q);
/* Same, Vars printed as alias.#attno when with_names is false (names can differ between
 * two analyses of equivalent text; positions cannot). */
char *anl_dump_query_ex(const qry_query *q, bool with_names);

#endif
