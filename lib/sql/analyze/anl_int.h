/*
 * anl_int.h — internals of lib/sql/analyze (not for other folders).  See README.md.
 */
#ifndef PH_SQL_ANALYZE_ANL_INT_H
#define PH_SQL_ANALYZE_ANL_INT_H

#include <stdio.h>
#include <stdnoreturn.h>
#include <string.h>

#include "catalog/cat.h"
#include "sql/analyze/anl.h"
#include "sql/parse/parse.h"
#include "types/cast.h"
#include "types/fn.h"
#include "types/resolve.h"
#include "types/types.h"
#include "util/err.h"
#include "util/mem.h"

/* Where an expression appears (PostgreSQL's ParseExprKind): decides what is allowed and
 * names the clause in error messages. */
typedef enum anl_ekind {
	EK_NONE = 0,
	EK_OTHER,
	EK_JOIN_ON,
	EK_JOIN_USING,
	EK_FROM_SUBSELECT,
	EK_FROM_FUNCTION,
	EK_WHERE,
	EK_HAVING,
	EK_FILTER,
	EK_WINDOW_PARTITION,
	EK_WINDOW_ORDER,
	EK_WINDOW_FRAME_RANGE,
	EK_WINDOW_FRAME_ROWS,
	EK_WINDOW_FRAME_GROUPS,
	EK_SELECT_TARGET,
	EK_INSERT_TARGET,
	EK_UPDATE_SOURCE,
	EK_UPDATE_TARGET,
	EK_GROUP_BY,
	EK_ORDER_BY,
	EK_DISTINCT_ON,
	EK_LIMIT,
	EK_OFFSET,
	EK_RETURNING,
	EK_VALUES,
	EK_VALUES_SINGLE,
	EK_CHECK_CONSTRAINT,
	EK_COLUMN_DEFAULT,
	EK_INDEX_EXPRESSION,
	EK_INDEX_PREDICATE,
	EK_ALTER_COL_TRANSFORM,
	EK_EXECUTE_PARAMETER,
	EK_GENERATED_COLUMN,
	EK_CALL_ARGUMENT,
	EK_COPY_WHERE,
	EK_CYCLE_MARK
} anl_ekind;

/* A name-space entry: a range-table entry visible to column references and/or as a
 * relation name (PostgreSQL's ParseNamespaceItem). */
typedef struct anl_nsitem {
	int rtindex;
	qry_rte *rte;
	bool rel_visible;          /* its alias can qualify column names */
	bool cols_visible;         /* its columns can be referenced unqualified */
	bool lateral_only;         /* visible only to LATERAL items (while building FROM) */
	bool lateral_ok;           /* ... and LATERAL items may use it */
	/* JOIN RTEs: per column, the expression it stands for (joinaliasvars) */
} anl_nsitem;

/* A WITH query visible at a level. */
typedef struct anl_cte {
	char *name;
	qry_cte *cte;              /* the analyzed CTE (query NULL while being analyzed) */
	CommonTableExpr *raw;
	int loc;
	bool recursive;            /* member of a WITH RECURSIVE list */
	/* while analyzing the recursive term: the non-recursive term's columns */
	qry_list *colnames, *coltypes, *coltypmods;
	bool analyzing;            /* being analyzed: a reference is a self reference */
	bool self_ok;              /* the non-recursive term is done: self reference allowed */
	int self_refs;
} anl_cte;

typedef struct anl_ctx anl_ctx;

/* INSERT/UPDATE/DELETE through an automatically updatable view (anl_dml.c). */
typedef struct anl_viewtarget {
	int view_rti;              /* the view, as a subquery entry used for names */
	int base_rti;              /* its table: the real target */
	int base_varno;            /* the table's varno inside the view's query */
	qry_query *vq;             /* the view's analyzed query */
	char *viewname;
	int ncols;
	int *attnos;               /* per view column: the table's attno, 0 for an expression */
	char **colnames;
} anl_viewtarget;

/* Per query level (PostgreSQL's ParseState). */
typedef struct anl_pstate {
	struct anl_pstate *parent;
	anl_ctx *ctx;
	const char *text;          /* the query text (positions) */
	qry_list *rtable;          /* qry_rte* */
	qry_list *joinlist;        /* qry_jointree* of FROM */
	qry_list *ns;              /* anl_nsitem* */
	qry_list *ctes;            /* anl_cte* of this level's WITH */
	anl_ekind ekind;
	bool has_aggs, has_windows, has_sublinks, has_target_srfs;
	bool is_select;
	bool resolve_unknowns;      /* unknown outputs become text (not in set-op arms and
	                            * INSERT sources) */
	ast_list *window_defs;     /* WindowDef* of the WINDOW clause (by position = winref-1
	                            * for named ones) */
	qry_list *windows;         /* qry_window* built so far */
	qry_list *raw_windows;     /* WindowDef* parallel to windows */
	qry_query *query;          /* the query being built (targets for ORDER BY) */
	int target_rtindex;        /* INSERT/UPDATE/DELETE target, 0 otherwise */
	bool in_values_insert;     /* VALUES of an INSERT: DEFAULT allowed */
	anl_cte *parent_cte;       /* analyzing the body of this CTE */
	bool locked_from_parent;   /* FOR UPDATE applies from an outer level */
	int next_sortref;
	/* aggregate bookkeeping: aggregates found at this level */
	qry_list *aggs;            /* qry_expr* QE_AGGREF whose levelsup refers to this level */
	qry_list *winfuncs;
	anl_viewtarget *vt;        /* DML target given as an updatable view, else NULL */
} anl_pstate;

/* Per statement. */
struct anl_ctx {
	anl_params *params;
	anl_params dflt;
	const char *text;
	int depth;                 /* view expansion depth */
	Oid *ptypes;               /* $n types being inferred (index n-1) */
	int nptypes;
	int maxparam;
	int *ploc;                 /* first location of each $n */
};

/* ---- errors --------------------------------------------------------------------------- */
int anl_pos(anl_pstate *ps, int loc);
/* raise with position: ANL_ERROR(ps, loc, code, fmt...) */
#define ANL_ERROR(ps, loc, code, ...) \
	(ERR_BEGIN(code), err_position(anl_pos((ps), (loc))), err_throw(__VA_ARGS__))
const char *anl_ekind_name(anl_ekind k);
char *anl_type_name(Oid t);
char *anl_type_name_mod(Oid t, int32_t typmod);

/* ---- pstate ---------------------------------------------------------------------------- */
anl_pstate *anl_pstate_new(anl_pstate *parent, anl_ctx *ctx);
qry_query *anl_transform_stmt(anl_pstate *ps, ast_node *stmt);
qry_query *anl_transform_select(anl_pstate *ps, SelectStmt *s, bool is_subquery);
qry_query *anl_subquery(anl_pstate *parent, ast_node *stmt, bool lateral_ok,
                        anl_cte *cte);

/* ---- FROM and names (anl_from.c) ------------------------------------------------------- */
void anl_transform_from(anl_pstate *ps, ast_list *from);
int anl_add_rte(anl_pstate *ps, qry_rte *rte);
qry_rte *anl_rte(anl_pstate *ps, int rtindex);
int anl_add_relation(anl_pstate *ps, RangeVar *rv, bool for_target, int lockmode);
int anl_add_view(anl_pstate *ps, const cat_relation *rel, Alias *alias, int loc);
anl_nsitem *anl_add_ns(anl_pstate *ps, int rtindex, bool rel, bool cols);
qry_expr *anl_column_ref(anl_pstate *ps, ColumnRef *cr);
qry_list *anl_expand_star(anl_pstate *ps, ColumnRef *cr, int loc, qry_list **names);
qry_list *anl_expand_rte(anl_pstate *ps, int rtindex, int levelsup, int loc,
                         qry_list **names);
qry_expr *anl_make_rte_var(anl_pstate *ps, int rtindex, int attno, int levelsup, int loc);
anl_cte *anl_find_cte(anl_pstate *ps, const char *name, int *levelsup);
Oid anl_lookup_relation(anl_pstate *ps, RangeVar *rv, bool missing_ok,
                        const anl_sysview **sysview);
void anl_check_rte_names(anl_pstate *ps);
char *anl_rte_colname(qry_rte *rte, int attno);
/* System columns (attno -1..-6): name and type; NULL / InvalidOid for other attnos. */
const char *anl_syscol_name(int attno);
Oid anl_syscol_type(int attno);

/* ---- expressions (anl_expr.c) ---------------------------------------------------------- */
qry_expr *anl_expr(anl_pstate *ps, ast_node *n, anl_ekind kind);
qry_expr *anl_expr_sub(anl_pstate *ps, ast_node *n);   /* same kind as current */
qry_expr *anl_bool_expr(anl_pstate *ps, ast_node *n, anl_ekind kind, const char *construct);
qry_expr *anl_make_const_int4(int32_t v, int loc);
qry_expr *anl_make_const_bool(bool v, bool isnull);
qry_expr *anl_make_null_const(Oid type, int32_t typmod);
qry_expr *anl_make_text_const(const char *s, int loc);
Oid anl_expr_type(const qry_expr *e);
int anl_expr_loc(const qry_expr *e);
qry_expr *anl_op(anl_pstate *ps, const char *opname, qry_expr *l, qry_expr *r, int loc);
qry_expr *anl_make_op_call(anl_pstate *ps, const ty_resolution *res, qry_expr *l,
                           qry_expr *r, int loc);
bool anl_contains_aggs_at(qry_expr *e, int levelsup);
qry_expr *anl_sublink(anl_pstate *ps, SubLink *sl);
char *anl_figure_colname(ast_node *n);
/* PostgreSQL's exprLocation of a raw node: the leftmost location of the construct. */
int anl_raw_loc(const ast_node *n);
noreturn void anl_missing_column(anl_pstate *ps, const char *relname, const char *colname, int loc);

/* ---- coercion (anl_coerce.c) ----------------------------------------------------------- */
/* Returns NULL when impossible (caller reports). */
qry_expr *anl_coerce_try(anl_pstate *ps, qry_expr *e, Oid target, int32_t typmod,
                         ty_ccontext cc, bool explicit_form, int loc);
/* Raises 42846 "cannot cast type %s to %s" when impossible. */
qry_expr *anl_coerce(anl_pstate *ps, qry_expr *e, Oid target, int32_t typmod,
                     ty_ccontext cc, int loc);
/* Coerce for a construct that needs type t ("argument of WHERE must be type boolean"). */
qry_expr *anl_coerce_to_boolean(anl_pstate *ps, qry_expr *e, const char *construct);
qry_expr *anl_coerce_to_specific(anl_pstate *ps, qry_expr *e, Oid t, const char *construct);
/* Assignment to a column: 42804 "column \"%s\" is of type %s but expression is of type %s". */
qry_expr *anl_coerce_assign(anl_pstate *ps, qry_expr *e, Oid target, int32_t typmod,
                            const char *colname, int loc);
Oid anl_common_type(anl_pstate *ps, qry_list *exprs, const char *context);
int32_t anl_common_typmod(qry_list *exprs, Oid common);
qry_expr *anl_coerce_common(anl_pstate *ps, qry_expr *e, Oid t, int32_t typmod,
                            const char *context);
/* An unknown literal or parameter left in a target list becomes text. */
qry_expr *anl_resolve_unknown(anl_pstate *ps, qry_expr *e);
void anl_param_set_type(anl_pstate *ps, int paramno, Oid type, int loc);
bool anl_is_unknown(const qry_expr *e);

/* ---- functions, aggregates, windows (anl_func.c) -------------------------------------- */
qry_expr *anl_func_call(anl_pstate *ps, FuncCall *fc);
qry_expr *anl_make_func(anl_pstate *ps, const ty_func *fn, qry_list *args, Oid rettype,
                        int loc);
void anl_check_aggregates(anl_pstate *ps, qry_query *q);
void anl_check_agg_placement(anl_pstate *ps, int loc, bool window);
void anl_transform_windows(anl_pstate *ps, qry_query *q);
int anl_window_ref(anl_pstate *ps, WindowDef *wd, int loc);
bool anl_expr_has_srf(qry_expr *e);
void anl_check_srf_placement(anl_pstate *ps, int loc);

/* ---- clauses (anl_clause.c) ------------------------------------------------------------ */
qry_list *anl_target_list(anl_pstate *ps, ast_list *targets, anl_ekind kind);
qry_target *anl_make_target(qry_expr *e, int resno, const char *name, bool junk);
void anl_group_clause(anl_pstate *ps, qry_query *q, SelectStmt *s);
void anl_sort_clause(anl_pstate *ps, qry_query *q, ast_list *sort, bool distinct_required);
void anl_distinct_clause(anl_pstate *ps, qry_query *q, SelectStmt *s);
qry_expr *anl_limit(anl_pstate *ps, ast_node *n, anl_ekind kind);
qry_sortgroup *anl_make_sortgroup(anl_pstate *ps, qry_target *t, qry_query *q,
                                  bool desc, int nulls, ast_list *useop, int loc,
                                  bool need_sort);
void anl_assign_sortref(qry_query *q, qry_target *t);
qry_target *anl_find_target_for(anl_pstate *ps, qry_query *q, ast_node *node,
                                anl_ekind kind, bool sql92);
void anl_locking_clause(anl_pstate *ps, qry_query *q, SelectStmt *s);

/* ---- DML (anl_dml.c) ------------------------------------------------------------------- */
qry_query *anl_insert(anl_pstate *ps, InsertStmt *s);
qry_query *anl_update(anl_pstate *ps, UpdateStmt *s);
qry_query *anl_delete(anl_pstate *ps, DeleteStmt *s);
qry_list *anl_returning(anl_pstate *ps, ast_list *ret);
qry_expr *anl_column_default(anl_pstate *ps, const cat_relation *rel, int attno);

/* ---- utility (anl_util.c) -------------------------------------------------------------- */
qry_query *anl_utility(anl_pstate *ps, ast_node *stmt);
void anl_with_clause(anl_pstate *ps, qry_query *q, WithClause *w);

/* ---- sequence functions and regclass literals (anl_seq.c) ------------------------------- */
const ty_func *anl_extra_function(const char *name, int nargs, const Oid *types);
qry_expr *anl_regclass_const(anl_pstate *ps, const char *text, int loc);

/* ---- misc ------------------------------------------------------------------------------ */
void anl_sysview_init(void);
const char *anl_name_last(const ast_list *names);
char *anl_name_join(const ast_list *names);

#endif
