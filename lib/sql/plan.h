/*
 * plan.h — the plan tree: what lib/sql/plan produces from an analyzed query (qry.h) and
 * lib/sql/exec runs.  See lib/sql/README.md.
 *
 * A plan is a tree of nodes; each node produces rows with a fixed list of output columns
 * (`targets`).  Expressions inside a plan no longer contain QE_VAR: the planner rewrites
 * every column reference into QE_COLREF {input, col}, where `input` says which row the
 * column comes from and `col` is the 0-based column of that row:
 *
 *    PI_SCAN   the row produced by this scan node (heap tuple, index tuple, values row)
 *    PI_OUTER  the current row of the left child (joins, and single-child nodes)
 *    PI_INNER  the current row of the right child (joins)
 *
 * Outer-query references in correlated sub-plans become QE_PARAM {QP_EXEC, id}, whose
 * values the parent sets before (re)running the sub-plan.
 *
 * Plans are immutable once built: the executor keeps its run-time state in separate
 * structures, so one cached plan (prepared statement) can run many times.  Plans are
 * allocated in the memory context of their owner (statement or plan cache entry).
 */
#ifndef PH_SQL_PLAN_H
#define PH_SQL_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "sql/qry.h"

enum { PI_SCAN = 0, PI_OUTER = 1, PI_INNER = 2 };

typedef enum plan_kind {
	P_RESULT,          /* constant row(s) / projection / one-time filter */
	P_SEQSCAN,
	P_INDEXSCAN,       /* fetches heap rows by index order / key ranges */
	P_INDEXONLYSCAN,   /* answers from the index keys alone */
	P_VALUESSCAN,
	P_FUNCTIONSCAN,    /* set-returning functions in FROM */
	P_SUBQUERYSCAN,
	P_CTESCAN,         /* reads a materialised WITH query (shared by its references) */
	P_WORKTABLESCAN,   /* the recursive term's view of the previous iteration */
	P_SYSVIEWSCAN,     /* pg_catalog / information_schema relations built from the catalog */
	P_NESTLOOP,        /* includes index nested loop: the inner side is parameterised */
	P_HASHJOIN,
	P_MERGEJOIN,
	P_SORT,            /* external merge sort beyond work_mem */
	P_AGG,             /* plain, sorted or hashed (hash spills beyond work_mem) */
	P_WINDOWAGG,
	P_UNIQUE,          /* DISTINCT over sorted input */
	P_SETOP,           /* INTERSECT / EXCEPT [ALL] */
	P_APPEND,          /* UNION ALL (and UNION with a Unique/HashAgg on top) */
	P_RECURSIVEUNION,  /* WITH RECURSIVE */
	P_LIMIT,
	P_MATERIAL,
	P_PROJECTSET,      /* set-returning functions in the SELECT list */
	P_MODIFYTABLE,     /* INSERT / UPDATE / DELETE (+ ON CONFLICT, RETURNING) */
	P_LOCKROWS,        /* SELECT ... FOR UPDATE/SHARE */
	P_GATHER           /* reserved for parallel query */
} plan_kind;

typedef struct plan_sortkey {
	int col;                   /* column of the input row */
	const struct ty_func *cmpfn;
	bool descending;
	bool nulls_first;
} plan_sortkey;

/* One index-column bound or equality of an index scan. */
typedef struct plan_indexkey {
	int index_col;             /* 0-based column of the index */
	int strategy;              /* 1 <, 2 <=, 3 =, 4 >=, 5 >, 6 IS NULL, 7 IS NOT NULL */
	qry_expr *value;           /* constant, parameter or outer column (index nested loop) */
	const struct ty_func *cmpfn;  /* 3-way comparison between index column and value type */
} plan_indexkey;

typedef struct plan plan;
struct plan {
	plan_kind kind;
	int id;                    /* numbering for EXPLAIN ANALYZE instrumentation */
	plan *left, *right;        /* children (lefttree = outer, righttree = inner) */
	qry_list *children;        /* P_APPEND: plan* */
	qry_list *targets;         /* output columns: qry_target* over the node's inputs */
	qry_expr *qual;            /* filter over the inputs (AND of conditions), or NULL */
	/* estimates */
	double startup_cost, total_cost;
	double rows;
	int width;
	bool parallel_safe;
	union {
		struct { qry_expr *one_time_filter; } result;
		struct {
			int rtindex;
			Oid relid;
			bool sample_ring;      /* large scan: use a buffer ring */
		} scan;                    /* P_SEQSCAN */
		struct {
			int rtindex;
			Oid relid;
			Oid indexid;
			qry_list *keys;        /* plan_indexkey* (ANDed) */
			bool backward;
			qry_expr *recheck;     /* conditions the keys only approximate */
		} index;                   /* P_INDEXSCAN / P_INDEXONLYSCAN */
		struct { qry_list *rows; } values;           /* qry_list* of qry_expr* */
		struct { qry_list *funcs; bool ordinality; } func;
		struct { int cte_id; int param_id; } cte;    /* CTESCAN / WORKTABLESCAN */
		struct { Oid relid; } sysview;
		struct {
			qry_jointype jointype;
			qry_expr *joinqual;        /* join condition (vs. qual: filter after join) */
			qry_list *nest_params;     /* NESTLOOP: qry_expr* outer columns passed to the
			                            * inner side as QP_EXEC params (index nested loop) */
			qry_list *nest_param_ids;
			/* HASHJOIN: equi-join keys */
			qry_list *hash_outer_keys; /* qry_expr* over PI_OUTER */
			qry_list *hash_inner_keys; /* qry_expr* over PI_INNER */
			qry_list *hash_eqfns;      /* ty_func* */
			/* MERGEJOIN */
			qry_list *merge_outer_keys;
			qry_list *merge_inner_keys;
			qry_list *merge_sortkeys;  /* plan_sortkey* describing both inputs' order */
		} join;
		struct { int nkeys; plan_sortkey *keys; int64_t bound; } sort;  /* bound: top-N */
		struct {
			int strategy;              /* 0 plain, 1 sorted, 2 hashed */
			int ngroup;                /* grouping columns of the input */
			int *group_cols;
			const struct ty_func **group_eqfns;
			qry_list *aggs;            /* qry_expr* QE_AGGREF, each with aggno set */
			double ngroups_est;
		} agg;
		struct {
			qry_window *win;
			int npart, nord;
			int *part_cols;
			plan_sortkey *ord_keys;
			qry_list *funcs;           /* qry_expr* QE_WINDOWFUNC */
		} window;
		struct { int ncols; int *cols; const struct ty_func **eqfns; } unique;
		struct {
			qry_setop_kind op;
			bool all;
			int ncols;
			int flag_col;              /* which input each row came from */
		} setop;
		struct { int wt_param_id; bool union_all; int ncols; } recursive;
		struct { qry_expr *offset, *count; bool with_ties; } limit;
		struct {
			qry_cmd op;                /* QC_INSERT / QC_UPDATE / QC_DELETE */
			int rtindex;
			Oid relid;
			qry_list *update_cols;     /* attnos being assigned (intptr_t) */
			qry_onconflict *onconflict;
			qry_list *returning;       /* qry_target* over the new/old row (PI_SCAN) */
			bool can_set_tag;
		} modify;
		struct { qry_list *rowmarks; } lockrows;
	} u;
};

/* A planned statement: the tree plus what the executor needs around it. */
typedef struct plan_stmt {
	qry_cmd cmd;
	plan *root;
	qry_list *subplans;        /* plan* referenced by QE_SUBPLAN (subplan_id) */
	qry_list *init_subplans;   /* uncorrelated sub-plans run once (ids into subplans) */
	qry_list *ctes;            /* plan* for WITH queries, by cte_id */
	qry_list *rtable;          /* qry_rte* (relations to lock and open) */
	qry_list *result_cols;     /* qry_target* sent to the client (non-junk) */
	int nexec_params;          /* QP_EXEC parameter slots */
	int nparams;
	Oid *param_types;
	bool has_returning;
	bool can_set_tag;
	uint64_t catalog_version;  /* the plan is invalid when the catalog moved past it */
	struct ast_node *utility;  /* utility statement passed through */
} plan_stmt;

#endif
