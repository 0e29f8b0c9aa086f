/*
 * qry.h — the analyzed query tree: what lib/sql/analyze produces from the raw parse tree
 * (lib/sql/parse/ast.h) and lib/sql/plan consumes.  See lib/sql/README.md.
 *
 * Every name is resolved (relations to OIDs, columns to (range-table index, attribute
 * number), functions and operators to lib/types table entries), every expression has its
 * type and typmod, implicit casts are explicit nodes, and constraints on the query's shape
 * (GROUP BY rules, aggregate placement, set-operation column counts) have been checked with
 * errors that carry positions.  Node and field names follow PostgreSQL's Query and
 * primnodes.h where the concept is the same.
 *
 * Representation:
 *  - Expressions are `qry_expr` structs: a common header (kind, type, typmod, loc)
 *    followed by the fields of the kind.  One struct with a union keeps allocation and
 *    walking simple; the `u` member used is the one named after the kind.
 *  - Lists are qry_list (growable arrays of pointers); NULL is the empty list.
 *  - Everything is palloc'd in the statement's (or, for cached plans, the plan's) memory
 *    context; trees are copied with qry_copy_expr / qry_copy_query, never shared between
 *    two queries.
 *  - Range-table indexes (varno) are 1-based; attribute numbers (attno) are 1-based for
 *    table columns, 0 for "the whole row", and negative for PostgreSQL's system columns of
 *    tables: ctid -1 (tid), xmin -2 (xid), cmin -3 (cid), xmax -4 (xid), cmax -5 (cid),
 *    tableoid -6 (oid).
 */
#ifndef PH_SQL_QRY_H
#define PH_SQL_QRY_H

#include <stdbool.h>
#include <stdint.h>

#include "types/datum.h"

struct ty_func;
struct ty_oper;
struct ast_node;

/* ---- lists ------------------------------------------------------------------------------ */

typedef struct qry_list {
	int n;
	int cap;
	void **items;
} qry_list;

qry_list *qry_list_append(qry_list *l, void *item);  /* l may be NULL */
static inline int qry_list_len(const qry_list *l) { return l ? l->n : 0; }
static inline void *qry_list_nth(const qry_list *l, int i) { return l->items[i]; }

/* ---- expressions ------------------------------------------------------------------------- */

typedef enum qry_expr_kind {
	QE_CONST,          /* a constant value */
	QE_PARAM,          /* $n of the extended protocol / PREPARE, or an executor parameter */
	QE_VAR,            /* a column of a range-table entry (possibly of an outer query) */
	QE_FUNC,           /* function or operator call (operators are calls of their function) */
	QE_BOOL,           /* AND / OR (n-ary) / NOT */
	QE_NULLTEST,       /* IS [NOT] NULL (row-wise for row values, as the standard says) */
	QE_BOOLTEST,       /* IS [NOT] TRUE / FALSE / UNKNOWN */
	QE_DISTINCT,       /* IS [NOT] DISTINCT FROM, via an equality function */
	QE_NULLIF,         /* NULLIF(a, b), via an equality function */
	QE_SCALARARRAYOP,  /* x op ANY|ALL (array or IN-list) */
	QE_CASE,           /* CASE (searched; simple CASE is rewritten to searched with a
	                    * CaseTest placeholder for the operand evaluated once) */
	QE_CASETEST,       /* the operand of a simple CASE, inside its WHEN comparisons */
	QE_COALESCE,
	QE_MINMAX,         /* GREATEST / LEAST */
	QE_SUBLINK,        /* subquery in an expression (analysis output; the planner turns it
	                    * into a join (decorrelation) or a QE_SUBPLAN) */
	QE_SUBPLAN,        /* planner output: run a sub-plan (see plan.h) */
	QE_AGGREF,         /* aggregate call */
	QE_WINDOWFUNC,     /* window function call */
	QE_COERCEVIAIO,    /* cast through the text representation */
	QE_RELABEL,        /* binary-compatible cast (varchar -> text): no work, new type */
	QE_TYPMOD,         /* length/precision coercion (varchar(n), numeric(p,s)), explicit or not */
	QE_ROW,            /* ROW(...) */
	QE_ARRAY,          /* ARRAY[...] */
	QE_SUBSCRIPT,      /* a[i] or a[i:j] */
	QE_SQLVALUE,       /* CURRENT_DATE, CURRENT_USER, ... (value fixed per statement/txn) */
	QE_GROUPING,       /* GROUPING(...) */
	QE_SETTODEFAULT,   /* DEFAULT in INSERT/UPDATE lists (replaced by the column default) */
	QE_COLREF,         /* planner/executor: column `col` of input `input` (see plan.h) */
	QE_ARRAYCOERCE     /* element-wise array cast: u.arraycoerce */
} qry_expr_kind;

typedef enum { QB_AND, QB_OR, QB_NOT } qry_bool_op;
typedef enum { QN_IS_NULL, QN_IS_NOT_NULL } qry_nulltest;
typedef enum { QT_IS_TRUE, QT_IS_NOT_TRUE, QT_IS_FALSE, QT_IS_NOT_FALSE, QT_IS_UNKNOWN,
               QT_IS_NOT_UNKNOWN } qry_booltest;
/* QS_ROWCOMPARE: (a, b) op (SELECT x, y), the subquery returning at most one row (21000
 * otherwise), compared column-wise with opfuncs as a row comparison. */
typedef enum { QS_EXISTS, QS_ALL, QS_ANY, QS_EXPR, QS_ARRAY, QS_MULTIEXPR,
               QS_ROWCOMPARE } qry_sublink_kind;
typedef enum { QP_EXTERN, QP_EXEC } qry_param_kind;

typedef struct qry_expr qry_expr;
struct qry_query;

struct qry_expr {
	qry_expr_kind kind;
	Oid type;            /* result type */
	int32_t typmod;      /* -1 if none */
	int loc;             /* byte offset in the query text, -1 if none */
	union {
		struct { Datum value; bool isnull; } c;                      /* QE_CONST */
		struct { qry_param_kind kind; int id; } param;              /* QE_PARAM: $id (1-based)
		                                                             * or executor param id */
		struct { int varno; int16_t attno; int levelsup; } var;     /* QE_VAR */
		struct {
			const struct ty_func *fn;
			const struct ty_oper *op;  /* set when written as an operator (for deparse/explain) */
			qry_list *args;            /* qry_expr* */
			bool variadic;
			bool retset;
		} func;                                                      /* QE_FUNC */
		struct { qry_bool_op op; qry_list *args; } boolexpr;        /* QE_BOOL */
		struct { qry_nulltest test; qry_expr *arg; bool is_row; } nulltest;
		struct { qry_booltest test; qry_expr *arg; } booltest;
		struct { const struct ty_func *eqfn; qry_expr *l, *r; bool not_distinct; } distinct;
		struct { const struct ty_func *eqfn; qry_expr *l, *r; } nullif;
		struct {
			const struct ty_func *fn; /* the comparison, e.g. int4eq */
			bool use_or;              /* true: ANY (IN), false: ALL */
			qry_expr *scalar;
			qry_expr *array;          /* an array-valued expression, or NULL with list set */
			qry_list *list;           /* IN (a, b, c): the elements (already of one type) */
		} saop;                                                      /* QE_SCALARARRAYOP */
		struct {
			qry_expr *testexpr;       /* simple CASE operand, evaluated once, or NULL */
			qry_list *whens;          /* qry_expr* conditions */
			qry_list *thens;          /* qry_expr* results, same length */
			qry_expr *defresult;      /* ELSE (a NULL constant when absent) */
		} caseexpr;
		struct { qry_list *args; } coalesce;
		struct { bool greatest; const struct ty_func *cmpfn; qry_list *args; } minmax;
		struct {
			qry_sublink_kind kind;
			qry_expr *testexpr;       /* for ANY/ALL: the left-hand side (a row for row
			                           * comparisons: QE_ROW) */
			qry_list *opfuncs;        /* ANY/ALL: one comparison per column (ty_func*) */
			struct qry_query *subquery;
			int subplan_id;           /* planner: index into plan_stmt.subplans */
			qry_list *param_ids;      /* planner: ids of QP_EXEC params it depends on */
			qry_list *args;           /* planner: outer expressions feeding those params */
			bool correlated;
		} sublink;                                                   /* QE_SUBLINK / QE_SUBPLAN */
		struct {
			const struct ty_func *fn; /* the aggregate (FN_AGG) */
			qry_list *args;           /* input expressions (empty for count(*)); the last
			                           * `nextra` of them are ORDER BY expressions that are
			                           * not arguments (sorted on, not passed) */
			qry_list *order;          /* ORDER BY inside the call: qry_sortgroup* whose ref
			                           * is the 1-based position in args */
			int nextra;
			qry_expr *filter;         /* FILTER (WHERE ...) or NULL */
			bool distinct;
			bool star;                /* count(*) */
			int levelsup;             /* aggregate of an outer query level */
			int aggno;                /* planner: slot in the Agg node's state array */
		} aggref;
		struct {
			const struct ty_func *fn;
			qry_list *args;
			qry_expr *filter;
			int winref;               /* index (1-based) into qry_query.window_clause */
			bool star;
			bool is_agg;              /* an ordinary aggregate used as a window function */
		} windowfunc;
		struct { qry_expr *arg; } coerce;                        /* COERCEVIAIO / RELABEL */
		struct { qry_expr *arg; bool is_explicit; } typmod;      /* QE_TYPMOD: to hdr typmod */
		struct { qry_list *args; qry_list *colnames; } row;
		struct { qry_list *elems; Oid elemtype; } array;
		struct { qry_expr *container; qry_list *lower; qry_list *upper; bool slice; } subscript;
		struct { int op; int32_t precision; } sqlvalue;          /* ast svf_op */
		struct { qry_list *args; qry_list *refs; } grouping;
		struct { int input; int col; } colref;                   /* QE_COLREF (see plan.h) */
		struct {
			qry_expr *arg;            /* the array */
			qry_expr *elemexpr;       /* cast of one element: an expression over a
			                           * QE_CASETEST of the source element type */
		} arraycoerce;                                           /* QE_ARRAYCOERCE */
	} u;
};

/* ---- the query ------------------------------------------------------------------------------ */

typedef enum qry_cmd { QC_SELECT, QC_INSERT, QC_UPDATE, QC_DELETE, QC_UTILITY } qry_cmd;

typedef enum qry_rte_kind {
	RTE_RELATION,      /* a table, or a view before it is expanded */
	RTE_SUBQUERY,      /* derived table, expanded view, UNION arm */
	RTE_JOIN,          /* a join: its output columns are aliases of its inputs' columns */
	RTE_FUNCTION,      /* generate_series(...) and other set-returning functions in FROM */
	RTE_VALUES,        /* VALUES (...), (...) */
	RTE_CTE,           /* reference to a WITH query */
	RTE_SYSVIEW,       /* a pg_catalog / information_schema relation computed by the engine */
	RTE_RESULT         /* no FROM clause: one empty row */
} qry_rte_kind;

/* Named QJOIN_* (not JOIN_*) because the raw parse tree's join_type (parse/ast.h) uses
 * JOIN_INNER... and both headers meet in the analyzer; the values are the same. */
typedef enum qry_jointype { QJOIN_INNER, QJOIN_LEFT, QJOIN_FULL, QJOIN_RIGHT,
                            QJOIN_SEMI, QJOIN_ANTI } qry_jointype;

typedef struct qry_rte {
	qry_rte_kind kind;
	char *alias;               /* the name by which the query refers to it */
	char *relname;             /* RTE_RELATION / RTE_SYSVIEW: the relation's own name */
	char *nspname;             /*   and its schema's (for deparse and EXPLAIN) */
	bool has_alias;            /* alias written by the user (deparse prints it) */
	qry_list *colnames;        /* char*, output column names (after column aliases) */
	qry_list *coltypes;        /* Oid stored as uintptr_t */
	qry_list *coltypmods;      /* int32 stored as intptr_t */
	bool lateral;
	bool inh;                  /* unused: no inheritance */
	bool in_from;              /* directly visible in FROM (not only via a join alias) */
	/* RTE_RELATION / RTE_SYSVIEW */
	Oid relid;
	char relkind;              /* 'r' table, 'v' view, 'S' sequence, 'm' matview, 'i' index */
	int lockmode;              /* table lock to take at execution (lib/lock modes) */
	bool for_update;           /* FOR UPDATE/SHARE applies */
	/* RTE_SUBQUERY */
	struct qry_query *subquery;
	Oid view_relid;            /* an expanded view: the view's oid (permissions, EXPLAIN) */
	/* RTE_JOIN */
	qry_jointype jointype;
	qry_list *joinaliasvars;   /* qry_expr* per output column: Vars of the inputs (or
	                            * COALESCE for merged USING/NATURAL columns of full joins) */
	/* RTE_FUNCTION */
	qry_list *functions;       /* qry_expr* (QE_FUNC with retset, or any expression for a
	                            * non-set-returning function in FROM: one row) */
	bool ordinality;
	/* RTE_VALUES */
	qry_list *values_lists;    /* qry_list* of qry_expr* per row */
	/* RTE_CTE */
	char *ctename;
	int ctelevelsup;
	bool self_reference;       /* the recursive term's reference to its own CTE */
} qry_rte;

/* The FROM tree: a join tree over range-table entries. */
typedef enum { QJ_RANGEREF, QJ_JOIN, QJ_FROM } qry_jt_kind;
typedef struct qry_jointree {
	qry_jt_kind kind;
	int rtindex;               /* QJ_RANGEREF: the entry; QJ_JOIN: the RTE_JOIN entry */
	/* QJ_JOIN */
	qry_jointype jointype;
	struct qry_jointree *larg, *rarg;
	qry_list *using_cols;      /* char* (for deparse/explain) */
	qry_expr *quals;           /* ON condition (USING/NATURAL turned into equalities) */
	/* QJ_FROM: the top level (comma-separated FROM items + WHERE) */
	qry_list *fromlist;        /* qry_jointree* */
	qry_expr *where;           /* QJ_FROM: the WHERE clause */
} qry_jointree;

typedef struct qry_target {
	qry_expr *expr;
	int resno;                 /* 1-based position */
	char *name;                /* column name as the client sees it ("?column?" if none) */
	bool resjunk;              /* helper column (ORDER BY expression not in the SELECT list,
	                            * row identity for UPDATE/DELETE), not sent to the client */
	int sortgroupref;          /* >0 when referenced by ORDER BY / GROUP BY / DISTINCT */
	Oid src_relid;             /* for RowDescription: the table and column it came from */
	int16_t src_attno;
} qry_target;

/* One ORDER BY / GROUP BY / DISTINCT item: refers to a target by sortgroupref. */
typedef struct qry_sortgroup {
	int ref;                   /* qry_target.sortgroupref */
	Oid type;                  /* type of the target (ty_cmp_for(type): 3-way comparison) */
	const struct ty_func *eqfn;   /* equality (grouping, DISTINCT, hashing) */
	const struct ty_func *cmpfn;  /* the ordering operator's function ("<", or ">" when
	                               * descending), or NULL if the type is unsortable */
	bool descending;
	bool nulls_first;
	bool hashable;
} qry_sortgroup;

typedef struct qry_window {
	char *name;                /* NULL for an inline OVER (...) */
	qry_list *partition;       /* qry_sortgroup* */
	qry_list *order;           /* qry_sortgroup* */
	int frame_options;         /* ast FRAMEOPTION_* bits */
	qry_expr *start_offset, *end_offset;
	int winref;
} qry_window;

typedef enum { QSO_UNION, QSO_INTERSECT, QSO_EXCEPT } qry_setop_kind;
typedef struct qry_setop {
	bool is_leaf;
	int rtindex;               /* leaf: an RTE_SUBQUERY holding one arm */
	qry_setop_kind op;
	bool all;
	struct qry_setop *larg, *rarg;
	qry_list *coltypes;        /* result column types (common types of both arms) */
	qry_list *coltypmods;
} qry_setop;

typedef struct qry_cte {
	char *name;
	qry_list *colnames;
	struct qry_query *query;
	bool recursive;            /* a UNION [ALL] of a non-recursive and a recursive term */
	int refcount;
	int materialized;          /* 0 default, 1 MATERIALIZED, 2 NOT MATERIALIZED */
} qry_cte;

typedef enum { OC_NONE, OC_NOTHING, OC_UPDATE } qry_onconflict_action;
typedef struct qry_onconflict {
	qry_onconflict_action action;
	Oid arbiter_index;         /* the unique index that decides conflicts (0: any) */
	qry_list *arbiter_cols;    /* attno (intptr_t) from ON CONFLICT (cols) */
	qry_list *set_targets;     /* qry_target* for DO UPDATE SET (resno = column attno) */
	qry_expr *where;           /* DO UPDATE ... WHERE */
	int excluded_rtindex;      /* range-table entry of EXCLUDED (also used for MySQL's
	                            * ON DUPLICATE KEY UPDATE ... VALUES(col)) */
} qry_onconflict;

typedef struct qry_rowmark {
	int rtindex;
	int strength;              /* 1 KEY SHARE, 2 SHARE, 3 NO KEY UPDATE, 4 UPDATE */
	int waitpolicy;            /* 0 wait, 1 SKIP LOCKED, 2 NOWAIT */
} qry_rowmark;

typedef struct qry_query {
	qry_cmd cmd;
	struct ast_node *utility;  /* QC_UTILITY: the raw statement, run by the engine */
	int stmt_loc, stmt_len;    /* the statement's place in the query string */

	qry_list *rtable;          /* qry_rte* */
	qry_jointree *jointree;    /* QJ_FROM */
	qry_list *targets;         /* qry_target* (SELECT list; INSERT/UPDATE: values per
	                            * target column, resno = column attno) */
	int result_rel;            /* INSERT/UPDATE/DELETE: rtindex of the target table */
	qry_list *returning;       /* qry_target* */
	qry_onconflict *onconflict;

	bool has_aggs, has_windows, has_sublinks, has_target_srfs, has_recursive;
	qry_list *group_clause;    /* qry_sortgroup* */
	qry_list *grouping_sets;   /* NULL unless GROUPING SETS/ROLLUP/CUBE */
	qry_expr *having;
	qry_list *window_clause;   /* qry_window* */
	qry_list *distinct_clause; /* qry_sortgroup* */
	bool distinct_on;
	qry_list *sort_clause;     /* qry_sortgroup* */
	qry_expr *limit_offset;
	qry_expr *limit_count;
	bool limit_with_ties;
	qry_setop *setops;         /* set operation tree, or NULL */
	qry_list *ctes;            /* qry_cte* */
	qry_list *rowmarks;        /* qry_rowmark* */

	int nparams;               /* $n parameters used; types in param_types */
	Oid *param_types;
	bool can_set_tag;          /* its command tag is the statement's */

	int override;              /* INSERT ... OVERRIDING: 0 none, 1 USER, 2 SYSTEM VALUE */
	bool is_replace;           /* sqlite REPLACE INTO (delete a conflicting row first) */
	/* QC_UTILITY: what the analyzer checked inside the statement (see anl.h) */
	struct qry_query *util_query;  /* EXPLAIN, CREATE TABLE AS, CREATE VIEW, COPY (query),
	                                * DECLARE, PREPARE: the analyzed inner query */
	qry_list *util_exprs;      /* EXECUTE: the arguments, coerced to the parameter types;
	                            * CALL: the procedure call (QE_FUNC) */
} qry_query;

/* ---- helpers (lib/sql/analyze/qry.c) --------------------------------------------------------- */
qry_expr *qry_make_const(Oid type, int32_t typmod, Datum value, bool isnull);
qry_expr *qry_make_var(int varno, int16_t attno, Oid type, int32_t typmod, int levelsup);
qry_expr *qry_copy_expr(const qry_expr *e);
qry_query *qry_copy_query(const qry_query *q);
bool qry_equal_expr(const qry_expr *a, const qry_expr *b);
/* Call fn(e, arg) on e and, when it returns false, on each child; stop when it returns true. */
bool qry_walk_expr(qry_expr *e, bool (*fn)(qry_expr *e, void *arg), void *arg);
/* Rebuild e bottom-up: fn may return a replacement for a node (or NULL to keep it). */
qry_expr *qry_mutate_expr(qry_expr *e, qry_expr *(*fn)(qry_expr *e, void *arg), void *arg);
/* Text form of an expression / query (for EXPLAIN, views, \d); SQL that re-parses.
 * context gives the range table for Vars (NULL: Vars print as $varno.attno). */
char *qry_deparse_expr(const qry_expr *e, const qry_query *context);
char *qry_deparse_query(const qry_query *q);

/* More list helpers. */
qry_list *qry_list_make1(void *item);
qry_list *qry_list_concat(qry_list *a, const qry_list *b);   /* appends b's items to a */
qry_list *qry_list_copy(const qry_list *l);                  /* shallow */
static inline void *qry_list_last(const qry_list *l) { return l->items[l->n - 1]; }
#define QRY_FOREACH(var, l) \
	for (int var##__i = 0; (l) != NULL && var##__i < (l)->n && \
	     ((var) = (void *)(l)->items[var##__i], 1); var##__i++)
/* Integers and Oids stored in lists. */
#define QRY_INT(p) ((int)(intptr_t)(p))
#define QRY_PTR(i) ((void *)(intptr_t)(i))

qry_expr *qry_make_expr(qry_expr_kind kind, Oid type, int32_t typmod, int loc);
/* Copy helpers for the other node kinds (deep). */
qry_rte *qry_copy_rte(const qry_rte *r);
qry_target *qry_copy_target(const qry_target *t);
/* Walk every expression of a query (targets, quals, clauses, range table functions and
 * values, returning, on conflict), not descending into sublinks' subqueries: fn as in
 * qry_walk_expr.  Returns true when fn stopped the walk. */
bool qry_walk_query_exprs(qry_query *q, bool (*fn)(qry_expr *e, void *arg), void *arg);
/* Replace every expression of a query through qry_mutate_expr. */
void qry_mutate_query_exprs(qry_query *q, qry_expr *(*fn)(qry_expr *e, void *arg), void *arg);
/* Whether the expression contains a node of kind k (not looking inside subqueries). */
bool qry_contains_kind(qry_expr *e, qry_expr_kind k);

#endif
