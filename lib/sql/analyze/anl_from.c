/*
 * anl_from.c — the FROM clause and names (PostgreSQL's parse_clause.c, parse_relation.c):
 * relations through search_path, views expanded into subqueries, system views, CTE
 * references, subqueries, functions in FROM, joins with ON / USING / NATURAL, LATERAL,
 * column references with their ambiguity and "did you mean" rules, star expansion.
 *
 * Join alias references are flattened at once: a column of a JOIN (a merged USING column,
 * or a column named through the join's alias) becomes the join's alias expression (a Var of
 * one input, or COALESCE(l, r) for merged columns of FULL joins).  Vars therefore never
 * point at RTE_JOIN entries (README invariant 3).
 */
#include "sql/analyze/anl_int.h"

#define AccessShare 1
#define RowShare 2

static qry_list *transform_item(anl_pstate *ps, ast_node *n, qry_jointree **jt);

qry_rte *
anl_rte(anl_pstate *ps, int rtindex)
{
	return ps->rtable->items[rtindex - 1];
}

int
anl_add_rte(anl_pstate *ps, qry_rte *rte)
{
	ps->rtable = qry_list_append(ps->rtable, rte);
	return qry_list_len(ps->rtable);
}

anl_nsitem *
anl_add_ns(anl_pstate *ps, int rtindex, bool rel, bool cols)
{
	anl_nsitem *n = palloc0(sizeof(*n));
	n->rtindex = rtindex;
	n->rte = anl_rte(ps, rtindex);
	n->rel_visible = rel;
	n->cols_visible = cols;
	ps->ns = qry_list_append(ps->ns, n);
	return n;
}

static anl_nsitem *
make_ns(anl_pstate *ps, int rtindex, bool rel, bool cols)
{
	anl_nsitem *n = palloc0(sizeof(*n));
	n->rtindex = rtindex;
	n->rte = anl_rte(ps, rtindex);
	n->rel_visible = rel;
	n->cols_visible = cols;
	return n;
}

static const struct {
	const char *name;
	Oid type;
} syscols[] = {{"ctid", TIDOID}, {"xmin", XIDOID}, {"cmin", CIDOID},
               {"xmax", XIDOID}, {"cmax", CIDOID}, {"tableoid", OIDOID}};

const char *
anl_syscol_name(int attno)
{
	return attno < 0 && attno >= -6 ? syscols[-attno - 1].name : NULL;
}

Oid
anl_syscol_type(int attno)
{
	return attno < 0 && attno >= -6 ? syscols[-attno - 1].type : InvalidOid;
}

/* A system column of a table entry by name: its (negative) attno, or 0. */
static int
rte_find_syscol(qry_rte *rte, const char *name)
{
	if (rte->kind != RTE_RELATION && rte->kind != RTE_SYSVIEW)
		return 0;
	for (int i = 0; i < 6; i++)
		if (strcmp(syscols[i].name, name) == 0)
			return -(i + 1);
	return 0;
}

char *
anl_rte_colname(qry_rte *rte, int attno)
{
	if (attno < 0 && attno >= -6)
		return (char *)syscols[-attno - 1].name;
	if (attno <= 0 || attno > qry_list_len(rte->colnames))
		return "?";
	return rte->colnames->items[attno - 1];
}

static void
rte_add_col(qry_rte *rte, const char *name, Oid type, int32_t typmod)
{
	rte->colnames = qry_list_append(rte->colnames, pstrdup(name));
	rte->coltypes = qry_list_append(rte->coltypes, (void *)(uintptr_t)type);
	rte->coltypmods = qry_list_append(rte->coltypmods, (void *)(intptr_t)typmod);
}

/* Apply AS alias (c1, c2 ...) to a new entry's columns. */
static void
apply_alias(anl_pstate *ps, qry_rte *rte, Alias *a, const char *dflt)
{
	if (!a) {
		rte->alias = pstrdup(dflt);
		return;
	}
	rte->alias = pstrdup(a->aliasname);
	rte->has_alias = true;
	int n = ast_list_length(a->colnames), have = qry_list_len(rte->colnames);
	if (n > have)
		ph_error("42P10", "table \"%s\" has %d columns available but %d columns specified",
		         a->aliasname, have, n);
	/* the aliases name the columns in order, skipping dropped ones (named "") */
	for (int i = 0, k = 0; i < n && k < have; k++) {
		if (!*(char *)rte->colnames->items[k])
			continue;
		rte->colnames->items[k] = pstrdup(ast_strval(ast_list_nth(a->colnames, i)));
		i++;
	}
}

/* ---- relation lookup ----------------------------------------------------------------------- */

Oid
anl_lookup_relation(anl_pstate *ps, RangeVar *rv, bool missing_ok, const anl_sysview **sv)
{
	anl_params *p = ps->ctx->params;
	*sv = NULL;
	if (rv->catalogname && strcmp(rv->catalogname, "phantom") != 0) {
		const cat_database *db = cat_get_database(p->db);
		if (!db || strcmp(db->name, rv->catalogname) != 0)
			ANL_ERROR(ps, rv->hdr.loc, "0A000", "cross-database references are not implemented: %s.%s.%s",
			          rv->catalogname, rv->schemaname, rv->relname);
	}
	if (rv->schemaname) {
		Oid ns = cat_lookup_namespace(p->db, rv->schemaname);
		if (ns == InvalidOid) {
			if (missing_ok)
				return InvalidOid;
			ANL_ERROR(ps, rv->hdr.loc, "42P01", "relation \"%s.%s\" does not exist", rv->schemaname,
			          rv->relname);
		}
		if (ns == CAT_PG_CATALOG_NAMESPACE || ns == CAT_INFORMATION_SCHEMA_NAMESPACE) {
			*sv = anl_sysview_lookup(rv->schemaname, rv->relname);
			if (*sv)
				return (*sv)->oid;
		}
		Oid r = cat_lookup_relation(ns, rv->relname);
		if (r == InvalidOid && !missing_ok)
			ANL_ERROR(ps, rv->hdr.loc, "42P01", "relation \"%s.%s\" does not exist", rv->schemaname,
			          rv->relname);
		return r;
	}
	for (int i = 0; i < p->npath; i++) {
		Oid ns = p->search_path[i];
		if (ns == CAT_PG_CATALOG_NAMESPACE) {
			*sv = anl_sysview_lookup("pg_catalog", rv->relname);
			if (*sv)
				return (*sv)->oid;
		}
		Oid r = cat_lookup_relation(ns, rv->relname);
		if (r != InvalidOid)
			return r;
	}
	if (!missing_ok)
		ANL_ERROR(ps, rv->hdr.loc, "42P01", "relation \"%s\" does not exist", rv->relname);
	return InvalidOid;
}

static int
add_sysview(anl_pstate *ps, const anl_sysview *sv, Alias *alias)
{
	qry_rte *rte = palloc0(sizeof(*rte));
	rte->kind = RTE_SYSVIEW;
	rte->relid = sv->oid;
	rte->relkind = 'v';
	rte->relname = pstrdup(sv->name);
	rte->nspname = pstrdup(sv->schema);
	for (int i = 0; i < sv->ncols; i++)
		rte_add_col(rte, sv->cols[i].name, sv->cols[i].type, sv->cols[i].typmod);
	apply_alias(ps, rte, alias, sv->name);
	rte->in_from = true;
	return anl_add_rte(ps, rte);
}

int
anl_add_view(anl_pstate *ps, const cat_relation *rel, Alias *alias, int loc)
{
	anl_ctx *ctx = ps->ctx;
	if (++ctx->depth > 64)
		ANL_ERROR(ps, loc, "42P17", "infinite recursion detected in rules for relation \"%s\"",
		          rel->name);
	char *name = pstrdup(rel->name);
	char *text = pstrdup(rel->view_query ? rel->view_query : "");
	Oid relid = rel->oid;
	ast_list *stmts = parse_sql(text, NULL);
	if (ast_list_length(stmts) != 1)
		ANL_ERROR(ps, loc, "XX000", "stored query of view \"%s\" is not one statement", name);
	RawStmt *raw = ast_list_nth(stmts, 0);
	anl_pstate *vps = anl_pstate_new(NULL, ctx);
	vps->text = text;
	qry_query *q;
	ERR_TRY();
	q = anl_transform_stmt(vps, raw->stmt);
	ERR_CATCH();
	/* an error inside the view's own text has no position in this query */
	err_last()->position = anl_pos(ps, loc);
	err_rethrow();
	ERR_END();
	ctx->depth--;
	rel = cat_get_relation(relid);
	qry_rte *rte = palloc0(sizeof(*rte));
	rte->kind = RTE_SUBQUERY;
	rte->subquery = q;
	rte->view_relid = relid;
	rte->relid = relid;
	rte->relkind = 'v';
	rte->relname = name;
	int k = 0;
	for (int i = 0; i < qry_list_len(q->targets); i++) {
		qry_target *t = q->targets->items[i];
		if (t->resjunk)
			continue;
		const char *cn = t->name;
		if (rel && k < rel->natts)
			cn = rel->atts[k].name;
		rte_add_col(rte, cn, t->expr->type, t->expr->typmod);
		k++;
	}
	apply_alias(ps, rte, alias, name);
	rte->in_from = true;
	return anl_add_rte(ps, rte);
}

/* Add a relation named in FROM (or as a DML target) to the range table. */
int
anl_add_relation(anl_pstate *ps, RangeVar *rv, bool for_target, int lockmode)
{
	const anl_sysview *sv;
	Oid relid = anl_lookup_relation(ps, rv, false, &sv);
	if (sv) {
		if (for_target)
			ph_error("42809", "cannot change relation \"%s\"", rv->relname);
		return add_sysview(ps, sv, rv->alias);
	}
	const cat_relation *rel = cat_get_relation(relid);
	if (!rel)
		ANL_ERROR(ps, rv->hdr.loc, "42P01", "relation \"%s\" does not exist", rv->relname);
	if (rel->kind == CAT_RELKIND_INDEX)
		ANL_ERROR(ps, rv->hdr.loc, "42809", "\"%s\" is an index", rel->name);
	if (rel->kind == CAT_RELKIND_VIEW && !for_target)
		return anl_add_view(ps, rel, rv->alias, rv->hdr.loc);
	if (for_target && rel->kind != CAT_RELKIND_TABLE) {
		const char *what = rel->kind == CAT_RELKIND_VIEW ? "view" :
		                   rel->kind == CAT_RELKIND_SEQUENCE ? "sequence" :
		                   rel->kind == CAT_RELKIND_MATVIEW ? "materialized view" : "relation";
		ph_error("42809", "cannot change %s \"%s\"", what, rel->name);
	}
	qry_rte *rte = palloc0(sizeof(*rte));
	rte->kind = RTE_RELATION;
	rte->relid = relid;
	rte->relkind = rel->kind;
	rte->relname = pstrdup(rel->name);
	const cat_namespace *ns = cat_get_namespace(rel->ns);
	rte->nspname = pstrdup(ns ? ns->name : "?");
	rte->lockmode = lockmode;
	if (rel->kind == CAT_RELKIND_SEQUENCE) {
		rte_add_col(rte, "last_value", INT8OID, -1);
		rte_add_col(rte, "log_cnt", INT8OID, -1);
		rte_add_col(rte, "is_called", BOOLOID, -1);
	} else {
		for (int i = 0; i < rel->natts; i++) {
			const cat_attribute *a = &rel->atts[i];
			rte_add_col(rte, a->dropped ? "" : a->name, a->type, a->typmod);
		}
	}
	apply_alias(ps, rte, rv->alias, rel->name);
	rte->in_from = !for_target;
	return anl_add_rte(ps, rte);
}

/* ---- CTE references ------------------------------------------------------------------------ */

anl_cte *
anl_find_cte(anl_pstate *ps, const char *name, int *levelsup)
{
	int lv = 0;
	for (anl_pstate *p = ps; p; p = p->parent, lv++) {
		for (int i = 0; i < qry_list_len(p->ctes); i++) {
			anl_cte *c = p->ctes->items[i];
			if (strcmp(c->name, name) == 0) {
				*levelsup = lv;
				return c;
			}
		}
	}
	return NULL;
}

static int
add_cte_ref(anl_pstate *ps, anl_cte *c, int levelsup, RangeVar *rv)
{
	qry_rte *rte = palloc0(sizeof(*rte));
	rte->kind = RTE_CTE;
	rte->ctename = pstrdup(c->name);
	rte->ctelevelsup = levelsup;
	if (c->analyzing) {
		if (!c->recursive || !c->self_ok)
			ANL_ERROR(ps, rv->hdr.loc, "42P19",
			          "recursive reference to query \"%s\" must not appear within its non-recursive term",
			          c->name);
		c->self_refs++;
		if (c->self_refs > 1)
			ANL_ERROR(ps, rv->hdr.loc, "42P19", "recursive reference to query \"%s\" must not appear more than once",
			          c->name);
		rte->self_reference = true;
		for (int i = 0; i < qry_list_len(c->colnames); i++)
			rte_add_col(rte, c->colnames->items[i], (Oid)(uintptr_t)c->coltypes->items[i],
			            (int32_t)(intptr_t)c->coltypmods->items[i]);
	} else {
		qry_query *q = c->cte->query;
		/* a data-modifying WITH query's columns are its RETURNING list */
		qry_list *src = q->cmd == QC_SELECT ? q->targets : q->returning;
		int k = 0;
		for (int i = 0; i < qry_list_len(src); i++) {
			qry_target *t = src->items[i];
			if (t->resjunk)
				continue;
			const char *cn = k < qry_list_len(c->cte->colnames) ? c->cte->colnames->items[k] : t->name;
			rte_add_col(rte, cn, t->expr->type, t->expr->typmod);
			k++;
		}
		c->cte->refcount++;
	}
	apply_alias(ps, rte, rv->alias, c->name);
	rte->in_from = true;
	return anl_add_rte(ps, rte);
}

/* ---- FROM items ------------------------------------------------------------------------------ */

static qry_jointree *
rangeref(int rtindex)
{
	qry_jointree *j = palloc0(sizeof(*j));
	j->kind = QJ_RANGEREF;
	j->rtindex = rtindex;
	return j;
}

static qry_list *
one_ns(anl_pstate *ps, int rtindex)
{
	return qry_list_make1(make_ns(ps, rtindex, true, true));
}

static int
range_subselect(anl_pstate *ps, RangeSubselect *r)
{
	qry_query *q = anl_subquery(ps, r->subquery, r->lateral, NULL);
	if (q->cmd != QC_SELECT)
		ANL_ERROR(ps, r->hdr.loc, "42601", "subquery in FROM must be a SELECT");
	qry_rte *rte = palloc0(sizeof(*rte));
	rte->kind = RTE_SUBQUERY;
	rte->subquery = q;
	rte->lateral = r->lateral;
	for (int i = 0; i < qry_list_len(q->targets); i++) {
		qry_target *t = q->targets->items[i];
		if (!t->resjunk)
			rte_add_col(rte, t->name, t->expr->type, t->expr->typmod);
	}
	apply_alias(ps, rte, r->alias, "unnamed_subquery");
	rte->in_from = true;
	return anl_add_rte(ps, rte);
}

static int
range_function(anl_pstate *ps, RangeFunction *r)
{
	qry_rte *rte = palloc0(sizeof(*rte));
	rte->kind = RTE_FUNCTION;
	rte->lateral = true;   /* functions in FROM may always refer to earlier items */
	rte->ordinality = r->ordinality;
	const char *first_name = NULL;
	int nfuncs = ast_list_length(r->functions);
	/* functions in FROM may refer to the items before them (implicitly LATERAL) */
	qry_list *opened = NULL;
	for (int i = 0; i < qry_list_len(ps->ns); i++) {
		anl_nsitem *it = ps->ns->items[i];
		if (it->lateral_only && !it->lateral_ok) {
			it->lateral_ok = true;
			opened = qry_list_append(opened, it);
		}
	}
	for (int i = 0; i < nfuncs; i++) {
		ast_list *pair = ast_list_nth(r->functions, i);
		ast_node *fexpr = ast_list_nth(pair, 0);
		ast_list *coldefs = ast_list_length(pair) > 1 ? ast_list_nth(pair, 1) : NULL;
		qry_expr *e = anl_expr(ps, fexpr, EK_FROM_FUNCTION);
		if (ps->has_aggs && anl_contains_aggs_at(e, 0))
			ANL_ERROR(ps, fexpr->loc, "42803", "aggregate functions are not allowed in functions in FROM");
		e = anl_resolve_unknown(ps, e);
		rte->functions = qry_list_append(rte->functions, e);
		const char *fname = AST_IS(fexpr, FuncCall) ? anl_name_last(((FuncCall *)fexpr)->funcname)
		                                             : anl_figure_colname(fexpr);
		if (!first_name)
			first_name = fname;
		if (coldefs || (r->coldeflist && nfuncs == 1) || e->type == RECORDOID)
			ANL_ERROR(ps, r->hdr.loc, "0A000", "functions returning record are not supported in FROM");
		/* a function returning a base type: one column, named after the function (or the
		 * alias when there is one function) */
		const char *cn = (nfuncs == 1 && r->alias) ? r->alias->aliasname : fname;
		rte_add_col(rte, cn, e->type, e->typmod);
	}
	for (int i = 0; i < qry_list_len(opened); i++)
		((anl_nsitem *)opened->items[i])->lateral_ok = false;
	if (r->ordinality)
		rte_add_col(rte, "ordinality", INT8OID, -1);
	apply_alias(ps, rte, r->alias, nfuncs == 1 ? first_name : "rows");
	rte->in_from = true;
	return anl_add_rte(ps, rte);
}

static qry_list *
range_var(anl_pstate *ps, RangeVar *rv)
{
	if (!rv->schemaname) {
		int lv;
		anl_cte *c = anl_find_cte(ps, rv->relname, &lv);
		if (c)
			return one_ns(ps, add_cte_ref(ps, c, lv, rv));
	}
	int lock = ps->locked_from_parent ? RowShare : AccessShare;
	return one_ns(ps, anl_add_relation(ps, rv, false, lock));
}

/* Position of a column named name in an entry, 0 when absent, -1 when ambiguous. */
static int
rte_find_col(qry_rte *rte, const char *name)
{
	int found = 0;
	for (int i = 0; i < qry_list_len(rte->colnames); i++)
		if (strcmp(rte->colnames->items[i], name) == 0) {
			if (found)
				return -1;
			found = i + 1;
		}
	return found;
}

/* Vars of a join's alias expressions are at the join's level; for an outer reference add
 * levelsup (qry_mutate_expr with a callback). */
static qry_expr *
shift_vars(qry_expr *e, void *arg)
{
	if (e->kind == QE_VAR)
		e->u.var.levelsup += *(int *)arg;
	return NULL;
}

static qry_expr *
rte_var(anl_pstate *ps, anl_pstate *owner, int rtindex, int attno, int levelsup, int loc)
{
	qry_rte *rte = anl_rte(owner, rtindex);
	qry_expr *e;
	if (rte->kind == RTE_JOIN && attno > 0) {
		e = qry_copy_expr(rte->joinaliasvars->items[attno - 1]);
		if (levelsup > 0)
			e = qry_mutate_expr(e, shift_vars, &levelsup);
		if (e->kind == QE_VAR)
			e->loc = loc;
		return e;
	}
	if (attno == 0)
		e = qry_make_var(rtindex, 0, RECORDOID, -1, levelsup);
	else if (attno < 0)
		e = qry_make_var(rtindex, (int16_t)attno, anl_syscol_type(attno), -1, levelsup);
	else
		e = qry_make_var(rtindex, (int16_t)attno, (Oid)(uintptr_t)rte->coltypes->items[attno - 1],
		                 (int32_t)(intptr_t)rte->coltypmods->items[attno - 1], levelsup);
	e->loc = loc;
	return e;
}

/* The position of a USING column among one side's columns (PostgreSQL's errors). */
static int
using_col(const qry_list *cols, const char *name, const char *side)
{
	int found = -1;
	for (int i = 0; i < qry_list_len(cols); i++)
		if (strcmp(cols->items[i], name) == 0) {
			if (found >= 0)
				ph_error("42702", "common column name \"%s\" appears more than once in %s table", name,
				         side);
			found = i;
		}
	if (found < 0)
		ph_error("42703", "column \"%s\" specified in USING clause does not exist in %s table", name,
		         side);
	return found;
}

qry_expr *
anl_make_rte_var(anl_pstate *ps, int rtindex, int attno, int levelsup, int loc)
{
	anl_pstate *owner = ps;
	for (int i = 0; i < levelsup; i++)
		owner = owner->parent;
	return rte_var(ps, owner, rtindex, attno, levelsup, loc);
}

static qry_list *
join_expr(anl_pstate *ps, JoinExpr *j, qry_jointree **jt)
{
	qry_jointree *ljt, *rjt;
	qry_list *lns = transform_item(ps, j->larg, &ljt);
	/* the right side of a join may be LATERAL and see the left side */
	qry_list *save = ps->ns;
	ps->ns = qry_list_concat(qry_list_copy(save), lns);
	for (int i = 0; i < qry_list_len(lns); i++)
		((anl_nsitem *)lns->items[i])->lateral_only = true;
	qry_list *rns = transform_item(ps, j->rarg, &rjt);
	for (int i = 0; i < qry_list_len(lns); i++)
		((anl_nsitem *)lns->items[i])->lateral_only = false;
	ps->ns = save;

	qry_list *both = qry_list_concat(qry_list_copy(lns), rns);
	/* the join's columns: merged (USING/NATURAL) first, then the rest of each side */
	qry_rte *rte = palloc0(sizeof(*rte));
	rte->kind = RTE_JOIN;
	qry_jointype jtype = (qry_jointype)j->jointype;
	rte->jointype = jtype;
	qry_jointree *node = palloc0(sizeof(*node));
	node->kind = QJ_JOIN;
	node->jointype = jtype;
	node->larg = ljt;
	node->rarg = rjt;

	/* columns visible on each side (the join's inputs' column-visible items) */
	qry_list *lcols = NULL, *lexprs = NULL, *rcols = NULL, *rexprs = NULL;
	for (int side = 0; side < 2; side++) {
		qry_list *items = side ? rns : lns;
		for (int i = 0; i < qry_list_len(items); i++) {
			anl_nsitem *it = items->items[i];
			if (!it->cols_visible)
				continue;
			for (int c = 0; c < qry_list_len(it->rte->colnames); c++) {
				const char *cn = it->rte->colnames->items[c];
				if (!*cn)
					continue;
				qry_expr *v = rte_var(ps, ps, it->rtindex, c + 1, 0, -1);
				if (side) {
					rcols = qry_list_append(rcols, (void *)cn);
					rexprs = qry_list_append(rexprs, v);
				} else {
					lcols = qry_list_append(lcols, (void *)cn);
					lexprs = qry_list_append(lexprs, v);
				}
			}
		}
	}
	ast_list *using = j->usingClause;
	if (j->isNatural) {
		using = NULL;
		for (int i = 0; i < qry_list_len(lcols); i++)
			for (int k = 0; k < qry_list_len(rcols); k++)
				if (strcmp(lcols->items[i], rcols->items[k]) == 0) {
					using = ast_list_append(using, ast_string(lcols->items[i], j->hdr.loc));
					break;
				}
	}
	bool *lused = palloc0(sizeof(bool) * (size_t)(qry_list_len(lcols) + 1));
	bool *rused = palloc0(sizeof(bool) * (size_t)(qry_list_len(rcols) + 1));
	qry_expr *quals = NULL;
	for (int u = 0; u < ast_list_length(using); u++) {
		String *s = ast_list_nth(using, u);
		const char *name = s->sval;
		int loc = s->hdr.loc >= 0 ? s->hdr.loc : j->hdr.loc;
		for (int k = 0; k < u; k++)
			if (strcmp(ast_strval(ast_list_nth(using, k)), name) == 0)
				ph_error("42701", "column name \"%s\" appears more than once in USING clause",
				          name);
		int li = using_col(lcols, name, "left"), ri = using_col(rcols, name, "right");
		lused[li] = rused[ri] = true;
		qry_expr *lv = lexprs->items[li], *rv = rexprs->items[ri];
		qry_list *pair = qry_list_append(qry_list_make1(lv), rv);
		Oid t = anl_common_type(ps, pair, "JOIN/USING");
		int32_t tm = anl_common_typmod(pair, t);
		qry_expr *lc = anl_coerce_common(ps, qry_copy_expr(lv), t, -1, "JOIN/USING");
		qry_expr *rc = anl_coerce_common(ps, qry_copy_expr(rv), t, -1, "JOIN/USING");
		qry_expr *eq = anl_op(ps, "=", qry_copy_expr(lv), qry_copy_expr(rv), loc);
		eq = anl_coerce_to_boolean(ps, eq, "JOIN/USING");
		if (!quals)
			quals = eq;
		else if (quals->kind == QE_BOOL && quals->u.boolexpr.op == QB_AND)
			quals->u.boolexpr.args = qry_list_append(quals->u.boolexpr.args, eq);
		else {
			qry_expr *a = qry_make_expr(QE_BOOL, BOOLOID, -1, loc);
			a->u.boolexpr.op = QB_AND;
			a->u.boolexpr.args = qry_list_append(qry_list_make1(quals), eq);
			quals = a;
		}
		qry_expr *merged;
		switch (jtype) {
		case QJOIN_RIGHT:
			merged = rc;
			break;
		case QJOIN_FULL:
			merged = qry_make_expr(QE_COALESCE, t, tm, -1);
			merged->u.coalesce.args = qry_list_append(qry_list_make1(lc), rc);
			break;
		default:
			merged = lc;
			break;
		}
		rte_add_col(rte, name, t, tm);
		rte->joinaliasvars = qry_list_append(rte->joinaliasvars, merged);
		node->using_cols = qry_list_append(node->using_cols, pstrdup(name));
	}
	for (int side = 0; side < 2; side++) {
		qry_list *cols = side ? rcols : lcols, *exprs = side ? rexprs : lexprs;
		bool *used = side ? rused : lused;
		for (int i = 0; i < qry_list_len(cols); i++) {
			if (used[i])
				continue;
			qry_expr *v = exprs->items[i];
			rte_add_col(rte, cols->items[i], v->type, v->typmod);
			rte->joinaliasvars = qry_list_append(rte->joinaliasvars, v);
		}
	}
	if (j->quals) {
		/* ON may refer to the join's inputs only (and outer levels, lateral items) */
		qry_list *save_ns = ps->ns;
		qry_list *vis = NULL;
		for (int i = 0; i < qry_list_len(save_ns); i++) {
			anl_nsitem *it = palloc(sizeof(*it));
			*it = *(anl_nsitem *)save_ns->items[i];
			it->lateral_only = true;
			it->lateral_ok = false;
			vis = qry_list_append(vis, it);
		}
		ps->ns = qry_list_concat(vis, both);
		quals = anl_bool_expr(ps, j->quals, EK_JOIN_ON, "JOIN/ON");
		ps->ns = save_ns;
	}
	/* ON TRUE is no condition at all (how a join without one is deparsed) */
	if (quals && quals->kind == QE_CONST && !quals->u.c.isnull && DatumGetBool(quals->u.c.value))
		quals = NULL;
	node->quals = quals;
	if (j->alias) {
		rte->alias = pstrdup(j->alias->aliasname);
		rte->has_alias = true;
		int n = ast_list_length(j->alias->colnames);
		if (n > qry_list_len(rte->colnames))
			ANL_ERROR(ps, j->alias->hdr.loc, "42P10", "column alias list for \"%s\" has too many entries",
			          j->alias->aliasname);
		for (int i = 0; i < n; i++)
			rte->colnames->items[i] = pstrdup(ast_strval(ast_list_nth(j->alias->colnames, i)));
	} else
		rte->alias = pstrdup("unnamed_join");
	int rti = anl_add_rte(ps, rte);
	node->rtindex = rti;
	*jt = node;
	qry_list *result = NULL;
	if (!j->alias) {
		for (int i = 0; i < qry_list_len(both); i++) {
			anl_nsitem *it = both->items[i];
			it->cols_visible = false;
			result = qry_list_append(result, it);
		}
	}
	result = qry_list_append(result, make_ns(ps, rti, j->alias != NULL, true));
	if (j->join_using_alias) {
		/* USING (...) AS alias: a name for the merged columns only */
		qry_rte *ua = palloc0(sizeof(*ua));
		ua->kind = RTE_JOIN;
		ua->jointype = jtype;
		ua->alias = pstrdup(j->join_using_alias->aliasname);
		ua->has_alias = true;
		for (int i = 0; i < ast_list_length(using); i++) {
			rte_add_col(ua, rte->colnames->items[i], (Oid)(uintptr_t)rte->coltypes->items[i],
			            (int32_t)(intptr_t)rte->coltypmods->items[i]);
			ua->joinaliasvars = qry_list_append(ua->joinaliasvars,
			                                    qry_copy_expr(rte->joinaliasvars->items[i]));
		}
		int ui = anl_add_rte(ps, ua);
		result = qry_list_append(result, make_ns(ps, ui, true, false));
	}
	return result;
}

static qry_list *
transform_item(anl_pstate *ps, ast_node *n, qry_jointree **jt)
{
	qry_list *items;
	switch (AST_TAG(n)) {
	case T_RangeVar:
		items = range_var(ps, (RangeVar *)n);
		break;
	case T_RangeSubselect:
		items = one_ns(ps, range_subselect(ps, (RangeSubselect *)n));
		break;
	case T_RangeFunction:
		items = one_ns(ps, range_function(ps, (RangeFunction *)n));
		break;
	case T_JoinExpr:
		return join_expr(ps, (JoinExpr *)n, jt);
	default:
		ph_internal("unrecognized FROM item %s", ast_tag_name(AST_TAG(n)));
	}
	*jt = rangeref(((anl_nsitem *)items->items[0])->rtindex);
	return items;
}

/* Check that no two visible relation names clash (42712). */
static void
check_ns_conflicts(anl_pstate *ps, qry_list *items, int loc)
{
	for (int i = 0; i < qry_list_len(items); i++) {
		anl_nsitem *a = items->items[i];
		if (!a->rel_visible)
			continue;
		for (int k = 0; k < qry_list_len(ps->ns); k++) {
			anl_nsitem *b = ps->ns->items[k];
			if (!b->rel_visible || a == b)
				continue;
			if (strcmp(a->rte->alias, b->rte->alias) != 0)
				continue;
			/* two relations without aliases in different schemas may share a name */
			if (a->rte->kind == RTE_RELATION && b->rte->kind == RTE_RELATION && !a->rte->has_alias &&
			    !b->rte->has_alias && a->rte->relid != b->rte->relid)
				continue;
			ph_error("42712", "table name \"%s\" specified more than once", a->rte->alias);
		}
	}
}

void
anl_transform_from(anl_pstate *ps, ast_list *from)
{
	for (int i = 0; i < ast_list_length(from); i++) {
		ast_node *n = ast_list_nth(from, i);
		qry_jointree *jt;
		/* earlier items are visible only to LATERAL items */
		for (int k = 0; k < qry_list_len(ps->ns); k++)
			((anl_nsitem *)ps->ns->items[k])->lateral_only = true;
		qry_list *items = transform_item(ps, n, &jt);
		for (int k = 0; k < qry_list_len(ps->ns); k++)
			((anl_nsitem *)ps->ns->items[k])->lateral_only = false;
		check_ns_conflicts(ps, items, n->loc);
		ps->ns = qry_list_concat(ps->ns, items);
		ps->joinlist = qry_list_append(ps->joinlist, jt);
	}
}

/* ---- column references ----------------------------------------------------------------------- */

static bool
ns_usable(anl_pstate *ps, anl_nsitem *it, int levelsup)
{
	if (!it->lateral_only)
		return true;
	/* a lateral-only item: usable from a LATERAL subquery / function below */
	return it->lateral_ok;
}

/* Levenshtein distance with a cap (PostgreSQL's fuzzy column matching). */
static int
levenshtein(const char *a, const char *b)
{
	int la = (int)strlen(a), lb = (int)strlen(b);
	if (la > 64 || lb > 64)
		return 1000;
	int d[65][65];
	for (int i = 0; i <= la; i++)
		d[i][0] = i;
	for (int k = 0; k <= lb; k++)
		d[0][k] = k;
	for (int i = 1; i <= la; i++)
		for (int k = 1; k <= lb; k++) {
			int c = d[i - 1][k - 1] + (a[i - 1] != b[k - 1]);
			if (d[i - 1][k] + 1 < c)
				c = d[i - 1][k] + 1;
			if (d[i][k - 1] + 1 < c)
				c = d[i][k - 1] + 1;
			d[i][k] = c;
		}
	return d[la][lb];
}

void
anl_missing_column(anl_pstate *ps, const char *relname, const char *colname, int loc)
{
	/* an exact match in an entry that this part of the query cannot see */
	const char *hidden_rel = NULL;
	const char *best_rel[2] = {NULL, NULL}, *best_col[2] = {NULL, NULL};
	int best = 4, nbest = 0;
	for (anl_pstate *p = ps; p; p = p->parent) {
		for (int i = 0; i < qry_list_len(p->rtable); i++) {
			qry_rte *rte = p->rtable->items[i];
			if (rte->kind == RTE_JOIN || !rte->alias)
				continue;
			if (relname && strcmp(rte->alias, relname) != 0)
				continue;
			if (!rte->in_from && rte->kind == RTE_RELATION && p->target_rtindex != i + 1)
				continue;
			for (int c = 0; c < qry_list_len(rte->colnames); c++) {
				const char *cn = rte->colnames->items[c];
				if (!*cn)
					continue;
				if (strcmp(cn, colname) == 0 && !hidden_rel)
					hidden_rel = rte->alias;
				int dist = levenshtein(colname, cn);
				if (dist > (int)strlen(colname) / 2 || dist == 0)
					continue;
				if (dist < best) {
					best = dist;
					nbest = 1;
					best_rel[0] = rte->alias;
					best_col[0] = cn;
				} else if (dist == best && nbest == 1 && strcmp(best_rel[0], rte->alias) != 0) {
					best_rel[1] = rte->alias;
					best_col[1] = cn;
					nbest = 2;
				} else if (dist == best)
					nbest = 3;
			}
		}
	}
	ERR_BEGIN("42703");
	err_position(anl_pos(ps, loc));
	if (hidden_rel)
		err_hint("There is a column named \"%s\" in table \"%s\", but it cannot be referenced from this part of the query.",
		         colname, hidden_rel);
	else if (nbest == 1)
		err_hint("Perhaps you meant to reference the column \"%s.%s\".", best_rel[0], best_col[0]);
	else if (nbest == 2)
		err_hint("Perhaps you meant to reference the column \"%s.%s\" or the column \"%s.%s\".",
		         best_rel[0], best_col[0], best_rel[1], best_col[1]);
	if (relname)
		err_throw("column %s.%s does not exist", relname, colname);
	err_throw("column \"%s\" does not exist", colname);
}

/* Find the name-space item for a qualified reference; NULL when none at any level. */
static anl_nsitem *
find_rel(anl_pstate *ps, const char *schema, const char *rel, int *levelsup, anl_pstate **owner,
         int loc)
{
	int lv = 0;
	for (anl_pstate *p = ps; p; p = p->parent, lv++) {
		anl_nsitem *found = NULL;
		for (int i = 0; i < qry_list_len(p->ns); i++) {
			anl_nsitem *it = p->ns->items[i];
			if (!it->rel_visible || !ns_usable(p, it, lv))
				continue;
			if (strcmp(it->rte->alias, rel) != 0)
				continue;
			if (schema && (it->rte->has_alias || !it->rte->nspname ||
			               strcmp(it->rte->nspname, schema) != 0))
				continue;
			if (found && found->rte != it->rte)
				ANL_ERROR(ps, loc, "42P09", "table reference \"%s\" is ambiguous", rel);
			found = it;
		}
		if (found) {
			*levelsup = lv;
			*owner = p;
			return found;
		}
	}
	return NULL;
}

static void
missing_rel(anl_pstate *ps, const char *rel, int loc)
{
	/* an entry of that name exists but is not visible here */
	for (anl_pstate *p = ps; p; p = p->parent)
		for (int i = 0; i < qry_list_len(p->ns); i++) {
			anl_nsitem *it = p->ns->items[i];
			if (it->rel_visible && strcmp(it->rte->alias, rel) == 0) {
				ERR_BEGIN("42P01");
				err_position(anl_pos(ps, loc));
				err_hint("There is an entry for table \"%s\", but it cannot be referenced from this part of the query.",
				         rel);
				err_throw("invalid reference to FROM-clause entry for table \"%s\"", rel);
			}
		}
	for (anl_pstate *p = ps; p; p = p->parent)
		for (int i = 0; i < qry_list_len(p->rtable); i++) {
			qry_rte *rte = p->rtable->items[i];
			if (rte->relname && strcmp(rte->relname, rel) == 0 && rte->has_alias && rte->in_from) {
				ERR_BEGIN("42P01");
				err_position(anl_pos(ps, loc));
				err_hint("Perhaps you meant to reference the table alias \"%s\".", rte->alias);
				err_throw("invalid reference to FROM-clause entry for table \"%s\"", rel);
			}
		}
	ANL_ERROR(ps, loc, "42P01", "missing FROM-clause entry for table \"%s\"", rel);
}

qry_expr *
anl_column_ref(anl_pstate *ps, ColumnRef *cr)
{
	int n = ast_list_length(cr->fields);
	int loc = cr->hdr.loc;
	ast_node *last = ast_list_last(cr->fields);
	if (AST_IS(last, A_Star)) {
		/* t.* in an expression: the whole row */
		if (n == 1)
			ANL_ERROR(ps, loc, "42601", "row expansion via \"*\" is not supported here");
		const char *rel = ast_strval(ast_list_nth(cr->fields, n - 2));
		const char *schema = n >= 3 ? ast_strval(ast_list_nth(cr->fields, n - 3)) : NULL;
		int lv;
		anl_pstate *owner;
		anl_nsitem *it = find_rel(ps, schema, rel, &lv, &owner, loc);
		if (!it)
			missing_rel(ps, rel, loc);
		qry_expr *row = qry_make_expr(QE_ROW, RECORDOID, -1, loc);
		for (int c = 0; c < qry_list_len(it->rte->colnames); c++) {
			if (!*(char *)it->rte->colnames->items[c])
				continue;
			row->u.row.args = qry_list_append(row->u.row.args, rte_var(ps, owner, it->rtindex, c + 1, lv, loc));
			row->u.row.colnames = qry_list_append(row->u.row.colnames, it->rte->colnames->items[c]);
		}
		return row;
	}
	if (n == 1) {
		const char *col = ast_strval(last);
		int lv = 0;
		for (anl_pstate *p = ps; p; p = p->parent, lv++) {
			qry_expr *found = NULL;
			for (int i = 0; i < qry_list_len(p->ns); i++) {
				anl_nsitem *it = p->ns->items[i];
				if (!it->cols_visible || !ns_usable(p, it, lv))
					continue;
				int a = rte_find_col(it->rte, col);
				if (a == 0)
					a = rte_find_syscol(it->rte, col);
				else if (a < 0)
					a = -100;   /* two columns of the name */
				if (a == 0)
					continue;
				if (a == -100 || found)
					ANL_ERROR(ps, loc, "42702", "column reference \"%s\" is ambiguous", col);
				found = rte_var(ps, p, it->rtindex, a, lv, loc);
			}
			if (found)
				return found;
			/* a bare relation name: the whole row */
			for (int i = 0; i < qry_list_len(p->ns); i++) {
				anl_nsitem *it = p->ns->items[i];
				if (it->rel_visible && ns_usable(p, it, lv) && strcmp(it->rte->alias, col) == 0) {
					qry_expr *row = qry_make_expr(QE_ROW, RECORDOID, -1, loc);
					for (int c = 0; c < qry_list_len(it->rte->colnames); c++)
						if (*(char *)it->rte->colnames->items[c]) {
							row->u.row.args = qry_list_append(row->u.row.args,
							                                  rte_var(ps, p, it->rtindex, c + 1, lv, loc));
							row->u.row.colnames = qry_list_append(row->u.row.colnames,
							                                      it->rte->colnames->items[c]);
						}
					return row;
				}
			}
		}
		anl_missing_column(ps, NULL, col, loc);
	}
	/* rel.col, schema.rel.col, db.schema.rel.col */
	if (n > 4)
		ANL_ERROR(ps, loc, "42601", "improper qualified name (too many dotted names): %s",
		          anl_name_join(cr->fields));
	const char *col = ast_strval(last);
	const char *rel = ast_strval(ast_list_nth(cr->fields, n - 2));
	const char *schema = n >= 3 ? ast_strval(ast_list_nth(cr->fields, n - 3)) : NULL;
	if (n == 4) {
		const char *db = ast_strval(ast_list_nth(cr->fields, 0));
		const cat_database *d = cat_get_database(ps->ctx->params->db);
		if (!d || strcmp(d->name, db) != 0)
			ANL_ERROR(ps, loc, "0A000", "cross-database references are not implemented: %s",
			          anl_name_join(cr->fields));
	}
	int lv;
	anl_pstate *owner;
	anl_nsitem *it = find_rel(ps, schema, rel, &lv, &owner, loc);
	if (!it)
		missing_rel(ps, rel, loc);
	int a = rte_find_col(it->rte, col);
	if (a < 0)
		ANL_ERROR(ps, loc, "42702", "column reference \"%s\" is ambiguous", col);
	if (a == 0)
		a = rte_find_syscol(it->rte, col);
	if (a == 0) {
		/* the exact name in another visible relation */
		const char *other = NULL;
		for (anl_pstate *p = ps; p && !other; p = p->parent)
			for (int i = 0; i < qry_list_len(p->ns) && !other; i++) {
				anl_nsitem *o = p->ns->items[i];
				if (o->rte != it->rte && o->rel_visible && rte_find_col(o->rte, col) > 0)
					other = o->rte->alias;
			}
		ERR_BEGIN("42703");
		err_position(anl_pos(ps, loc));
		if (other) {
			err_hint("Perhaps you meant to reference the column \"%s.%s\".", other, col);
			err_throw("column %s.%s does not exist", rel, col);
		}
		/* fuzzy match within that relation */
		const char *bestc = NULL;
		int best = 4;
		for (int c = 0; c < qry_list_len(it->rte->colnames); c++) {
			const char *cn = it->rte->colnames->items[c];
			int d = levenshtein(col, cn);
			if (*cn && d > 0 && d <= (int)strlen(col) / 2 && d < best) {
				best = d;
				bestc = cn;
			}
		}
		if (bestc)
			err_hint("Perhaps you meant to reference the column \"%s.%s\".", rel, bestc);
		err_throw("column %s.%s does not exist", rel, col);
	}
	return rte_var(ps, owner, it->rtindex, a, lv, loc);
}

/* ---- star expansion -------------------------------------------------------------------------- */

qry_list *
anl_expand_rte(anl_pstate *ps, int rtindex, int levelsup, int loc, qry_list **names)
{
	anl_pstate *owner = ps;
	for (int i = 0; i < levelsup; i++)
		owner = owner->parent;
	qry_rte *rte = anl_rte(owner, rtindex);
	qry_list *r = NULL;
	for (int c = 0; c < qry_list_len(rte->colnames); c++) {
		const char *cn = rte->colnames->items[c];
		if (!*cn)
			continue;
		r = qry_list_append(r, rte_var(ps, owner, rtindex, c + 1, levelsup, loc));
		*names = qry_list_append(*names, (void *)cn);
	}
	return r;
}

qry_list *
anl_expand_star(anl_pstate *ps, ColumnRef *cr, int loc, qry_list **names)
{
	int n = ast_list_length(cr->fields);
	if (n == 1) {
		qry_list *r = NULL;
		bool any = false;
		for (int i = 0; i < qry_list_len(ps->ns); i++) {
			anl_nsitem *it = ps->ns->items[i];
			if (!it->cols_visible || it->lateral_only)
				continue;
			any = true;
			r = qry_list_concat(r, anl_expand_rte(ps, it->rtindex, 0, loc, names));
		}
		if (!any)
			ANL_ERROR(ps, loc, "42601", "SELECT * with no tables specified is not valid");
		return r;
	}
	const char *rel = ast_strval(ast_list_nth(cr->fields, n - 2));
	const char *schema = n >= 3 ? ast_strval(ast_list_nth(cr->fields, n - 3)) : NULL;
	int lv;
	anl_pstate *owner;
	anl_nsitem *it = find_rel(ps, schema, rel, &lv, &owner, loc);
	if (!it)
		missing_rel(ps, rel, loc);
	return anl_expand_rte(ps, it->rtindex, lv, loc, names);
}
