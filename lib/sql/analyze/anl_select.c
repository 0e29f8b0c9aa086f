/*
 * anl_select.c — statements and SELECT (PostgreSQL's analyze.c, parse_target.c,
 * parse_clause.c, parse_cte.c): the entry points, SELECT with its clauses, VALUES, set
 * operations, WITH (recursive), target lists, GROUP BY / ORDER BY / DISTINCT / LIMIT /
 * FOR UPDATE.
 */
#include "sql/analyze/anl_int.h"

/* ---- pstate and entry points ---------------------------------------------------------- */

anl_pstate *
anl_pstate_new(anl_pstate *parent, anl_ctx *ctx)
{
	anl_pstate *ps = palloc0(sizeof(*ps));
	ps->parent = parent;
	ps->ctx = ctx;
	ps->text = parent ? parent->text : ctx->text;
	ps->ekind = EK_NONE;
	ps->resolve_unknowns = true;
	return ps;
}

static void
default_params(anl_ctx *ctx)
{
	anl_params *d = &ctx->dflt;
	memset(d, 0, sizeof(*d));
	d->db = CAT_PHANTOM_DB_OID;
	Oid *path = palloc(sizeof(Oid) * 2);
	path[0] = CAT_PG_CATALOG_NAMESPACE;
	path[1] = CAT_PUBLIC_NAMESPACE;
	d->search_path = path;
	d->npath = 2;
	d->user = CAT_BOOTSTRAP_SUPERUSER_OID;
	ctx->params = d;
}

static bool
param_fix_walker(qry_expr *e, void *arg)
{
	anl_ctx *ctx = arg;
	if (e->kind == QE_PARAM && e->u.param.kind == QP_EXTERN && e->type == UNKNOWNOID &&
	    e->u.param.id <= ctx->nptypes && ctx->ptypes[e->u.param.id - 1] != InvalidOid)
		e->type = ctx->ptypes[e->u.param.id - 1];
	if (e->kind == QE_SUBLINK && e->u.sublink.subquery)
		qry_walk_query_exprs(e->u.sublink.subquery, param_fix_walker, arg);
	return false;
}

static void
fix_params_query(qry_query *q, anl_ctx *ctx)
{
	qry_walk_query_exprs(q, param_fix_walker, ctx);
	for (int i = 0; i < qry_list_len(q->rtable); i++) {
		qry_rte *r = q->rtable->items[i];
		if (r->subquery)
			fix_params_query(r->subquery, ctx);
	}
	for (int i = 0; i < qry_list_len(q->ctes); i++) {
		qry_cte *c = q->ctes->items[i];
		if (c->query)
			fix_params_query(c->query, ctx);
	}
	if (q->util_query)
		fix_params_query(q->util_query, ctx);
}

qry_query *
anl_analyze(const ast_node *stmt, const char *query_text, anl_params *params)
{
	ty_init();
	anl_sysview_init();
	anl_ctx *ctx = palloc0(sizeof(*ctx));
	ctx->text = query_text;
	if (params)
		ctx->params = params;
	else
		default_params(ctx);
	anl_params *p = ctx->params;
	if (p->nparams > 0) {
		ctx->nptypes = p->nparams;
		ctx->ptypes = palloc0(sizeof(Oid) * (size_t)p->nparams);
		ctx->ploc = palloc(sizeof(int) * (size_t)p->nparams);
		for (int i = 0; i < p->nparams; i++) {
			ctx->ptypes[i] = p->param_types ? p->param_types[i] : InvalidOid;
			ctx->ploc[i] = -1;
		}
		ctx->maxparam = p->nparams;
	}
	int stmt_loc = 0, stmt_len = 0;
	if (AST_IS(stmt, RawStmt)) {
		const RawStmt *r = (const RawStmt *)stmt;
		stmt_loc = r->stmt_location;
		stmt_len = r->stmt_len;
		stmt = r->stmt;
	}
	anl_pstate *ps = anl_pstate_new(NULL, ctx);
	qry_query *q = anl_transform_stmt(ps, (ast_node *)stmt);
	q->stmt_loc = stmt_loc;
	q->stmt_len = stmt_len;
	q->can_set_tag = true;
	/* every parameter must have a type by now */
	for (int i = 0; i < ctx->maxparam; i++) {
		if (ctx->ptypes[i] == InvalidOid || ctx->ptypes[i] == UNKNOWNOID) {
			if (ctx->ploc[i] < 0 && p->infer_params && i >= p->nparams) {
				/* a gap ($1 unused, $2 used): PostgreSQL reports it as undetermined */
			}
			ERR_BEGIN("42P18");
			err_position(ctx->ploc[i] >= 0 ? anl_pos(ps, ctx->ploc[i]) : 0);
			err_throw("could not determine data type of parameter $%d", i + 1);
		}
	}
	if (ctx->maxparam > 0) {
		fix_params_query(q, ctx);
		q->nparams = ctx->maxparam;
		q->param_types = palloc(sizeof(Oid) * (size_t)ctx->maxparam);
		memcpy(q->param_types, ctx->ptypes, sizeof(Oid) * (size_t)ctx->maxparam);
		if (p->infer_params || p->nparams > 0) {
			p->nparams = ctx->maxparam;
			p->param_types = palloc(sizeof(Oid) * (size_t)ctx->maxparam);
			memcpy(p->param_types, ctx->ptypes, sizeof(Oid) * (size_t)ctx->maxparam);
		}
	}
	return q;
}

qry_list *
anl_analyze_sql(const char *query_text, anl_params *params)
{
	ast_list *stmts = parse_sql(query_text, NULL);
	qry_list *r = NULL;
	for (int i = 0; i < ast_list_length(stmts); i++)
		r = qry_list_append(r, anl_analyze(ast_list_nth(stmts, i), query_text, params));
	return r;
}

qry_query *
anl_transform_stmt(anl_pstate *ps, ast_node *stmt)
{
	switch (AST_TAG(stmt)) {
	case T_SelectStmt: {
		SelectStmt *s = (SelectStmt *)stmt;
		if (s->intoClause)
			ANL_ERROR(ps, s->intoClause->hdr.loc, "42601", "SELECT ... INTO is not allowed here");
		return anl_transform_select(ps, s, false);
	}
	case T_InsertStmt:
		return anl_insert(ps, (InsertStmt *)stmt);
	case T_UpdateStmt:
		return anl_update(ps, (UpdateStmt *)stmt);
	case T_DeleteStmt:
		return anl_delete(ps, (DeleteStmt *)stmt);
	default:
		return anl_utility(ps, stmt);
	}
}

qry_query *
anl_subquery(anl_pstate *parent, ast_node *stmt, bool lateral_ok, anl_cte *cte)
{
	anl_pstate *ps = anl_pstate_new(parent, parent->ctx);
	ps->parent_cte = cte;
	/* items of the parent's FROM that are lateral-only become usable for LATERAL */
	qry_list *changed = NULL;
	if (lateral_ok)
		for (int i = 0; i < qry_list_len(parent->ns); i++) {
			anl_nsitem *it = parent->ns->items[i];
			if (it->lateral_only && !it->lateral_ok) {
				it->lateral_ok = true;
				changed = qry_list_append(changed, it);
			}
		}
	qry_query *q = anl_transform_stmt(ps, stmt);
	for (int i = 0; i < qry_list_len(changed); i++)
		((anl_nsitem *)changed->items[i])->lateral_ok = false;
	return q;
}

/* ---- target lists ------------------------------------------------------------------------- */

qry_target *
anl_make_target(qry_expr *e, int resno, const char *name, bool junk)
{
	qry_target *t = palloc0(sizeof(*t));
	t->expr = e;
	t->resno = resno;
	t->name = name ? pstrdup(name) : NULL;
	t->resjunk = junk;
	if (e && e->kind == QE_VAR) {
		/* RowDescription's table oid / column number are filled by the engine from the
		 * range table (src_relid stays 0 here unless the Var is a plain table column) */
	}
	return t;
}

/* The table column a plain column reference comes from, through subqueries, views and
 * WITH queries (PostgreSQL's markTargetListOrigins: RowDescription's table oid and column
 * number, which drivers show as the result column's table). */
static void
var_origin(const qry_list *rtable, const qry_expr *e, anl_pstate *ps, Oid *relid, int16_t *attno)
{
	if (!e || e->kind != QE_VAR || e->u.var.attno <= 0)
		return;
	if (e->u.var.levelsup != 0)
		return;
	if (e->u.var.varno > qry_list_len(rtable))
		return;
	const qry_rte *rte = rtable->items[e->u.var.varno - 1];
	if (rte->kind == RTE_RELATION) {
		*relid = rte->relid;
		*attno = e->u.var.attno;
		return;
	}
	const qry_query *sub = NULL;
	if (rte->kind == RTE_SUBQUERY)
		sub = rte->subquery;
	else if (rte->kind == RTE_CTE && rte->ctelevelsup == 0 && ps) {
		for (int i = 0; i < qry_list_len(ps->ctes); i++) {
			anl_cte *c = ps->ctes->items[i];
			if (strcmp(c->name, rte->ctename) == 0 && c->cte->query)
				sub = c->cte->query;
		}
	}
	if (!sub || sub->cmd != QC_SELECT || sub->setops)
		return;
	int k = 0;
	for (int i = 0; i < qry_list_len(sub->targets); i++) {
		const qry_target *t = sub->targets->items[i];
		if (t->resjunk)
			continue;
		if (++k == e->u.var.attno) {
			if (t->src_relid) {
				*relid = t->src_relid;
				*attno = t->src_attno;
			}
			return;
		}
	}
}

static void
mark_source(anl_pstate *ps, qry_target *t)
{
	var_origin(ps->rtable, t->expr, ps, &t->src_relid, &t->src_attno);
}

qry_list *
anl_target_list(anl_pstate *ps, ast_list *targets, anl_ekind kind)
{
	qry_list *r = NULL;
	for (int i = 0; i < ast_list_length(targets); i++) {
		ResTarget *rt = ast_list_nth(targets, i);
		ast_node *v = rt->val;
		if (AST_IS(v, ColumnRef) && AST_IS(ast_list_last(((ColumnRef *)v)->fields), A_Star)) {
			qry_list *names = NULL;
			qry_list *exprs = anl_expand_star(ps, (ColumnRef *)v, v->loc, &names);
			for (int k = 0; k < qry_list_len(exprs); k++) {
				qry_target *t = anl_make_target(exprs->items[k], qry_list_len(r) + 1, names->items[k],
				                                false);
				mark_source(ps, t);
				r = qry_list_append(r, t);
			}
			continue;
		}
		if (AST_IS(v, A_Indirection)) {
			A_Indirection *ind = (A_Indirection *)v;
			if (AST_IS(ast_list_last(ind->indirection), A_Star))
				ANL_ERROR(ps, v->loc, "0A000", "row expansion via \"*\" is not supported here");
		}
		qry_expr *e = anl_expr(ps, v, kind);
		const char *name = rt->name ? rt->name : anl_figure_colname(v);
		qry_target *t = anl_make_target(e, qry_list_len(r) + 1, name, false);
		mark_source(ps, t);
		r = qry_list_append(r, t);
	}
	return r;
}

static void
resolve_target_unknowns(anl_pstate *ps, qry_list *targets)
{
	for (int i = 0; i < qry_list_len(targets); i++) {
		qry_target *t = targets->items[i];
		if (t->expr->type == UNKNOWNOID)
			t->expr = anl_resolve_unknown(ps, t->expr);
	}
}

/* ---- WITH ---------------------------------------------------------------------------------- */

/*
 * PostgreSQL's checkWellFormedRecursion, on the raw recursive term: the self reference may
 * not sit inside a subquery, on the nullable side of an outer join, or under INTERSECT /
 * EXCEPT.
 */
typedef struct rec_ctx {
	const char *name;
	anl_pstate *ps;
	int in_sub;          /* inside a SubLink / RangeSubselect / CTE of the term */
	const char *in_join; /* "an outer join" when on a nullable side */
	const char *in_setop;
} rec_ctx;

static void rec_check(rec_ctx *c, ast_node *n);

static bool
rec_walker(ast_node *n, void *arg)
{
	rec_check(arg, n);
	return false;
}

static void
rec_check(rec_ctx *c, ast_node *n)
{
	if (!n)
		return;
	if (AST_IS(n, RangeVar)) {
		RangeVar *rv = (RangeVar *)n;
		if (rv->schemaname || strcmp(rv->relname, c->name) != 0)
			return;
		if (c->in_sub)
			ANL_ERROR(c->ps, n->loc, "42P19", "recursive reference to query \"%s\" must not appear within a subquery",
			          c->name);
		if (c->in_join)
			ANL_ERROR(c->ps, n->loc, "42P19", "recursive reference to query \"%s\" must not appear within %s",
			          c->name, c->in_join);
		if (c->in_setop)
			ANL_ERROR(c->ps, n->loc, "42P19", "recursive reference to query \"%s\" must not appear within %s",
			          c->name, c->in_setop);
		return;
	}
	if (AST_IS(n, SubLink) || AST_IS(n, RangeSubselect) || AST_IS(n, CommonTableExpr)) {
		c->in_sub++;
		ast_walk(n, rec_walker, c);
		c->in_sub--;
		return;
	}
	if (AST_IS(n, JoinExpr)) {
		JoinExpr *j = (JoinExpr *)n;
		const char *save = c->in_join;
		if (j->jointype == JOIN_FULL || j->jointype == JOIN_RIGHT)
			c->in_join = "an outer join";
		rec_check(c, j->larg);
		c->in_join = save;
		if (j->jointype == JOIN_FULL || j->jointype == JOIN_LEFT)
			c->in_join = "an outer join";
		rec_check(c, j->rarg);
		c->in_join = save;
		rec_check(c, j->quals);
		return;
	}
	if (AST_IS(n, SelectStmt)) {
		SelectStmt *s = (SelectStmt *)n;
		if (s->op == SETOP_INTERSECT || s->op == SETOP_EXCEPT) {
			const char *save = c->in_setop;
			c->in_setop = s->op == SETOP_INTERSECT ? "INTERSECT" : "EXCEPT";
			rec_check(c, (ast_node *)s->larg);
			if (s->op == SETOP_EXCEPT)
				c->in_setop = "EXCEPT";
			rec_check(c, (ast_node *)s->rarg);
			c->in_setop = save;
			return;
		}
	}
	ast_walk(n, rec_walker, c);
}

static bool
refers_to(ast_node *n, void *name)
{
	if (AST_IS(n, RangeVar)) {
		RangeVar *rv = (RangeVar *)n;
		if (!rv->schemaname && strcmp(rv->relname, name) == 0)
			return true;
	}
	return false;
}

static char *
cte_name_of(anl_cte *c)
{
	return c->name;
}

static void
cte_columns(anl_pstate *ps, anl_cte *c, qry_query *q)
{
	qry_cte *qc = c->cte;
	int n = ast_list_length(c->raw->aliascolnames);
	int have = 0;
	qry_list *src = q->cmd == QC_SELECT ? q->targets : q->returning;
	for (int i = 0; i < qry_list_len(src); i++)
		if (!((qry_target *)src->items[i])->resjunk)
			have++;
	if (q->cmd != QC_SELECT && qry_list_len(q->returning) == 0)
		ANL_ERROR(ps, c->loc, "0A000", "WITH query \"%s\" does not have a RETURNING clause",
		          cte_name_of(c));
	if (n > have)
		ANL_ERROR(ps, c->loc, "42P10", "WITH query \"%s\" has %d columns available but %d columns specified",
		          c->name, have, n);
	qc->colnames = NULL;
	int k = 0;
	for (int i = 0; i < qry_list_len(src); i++) {
		qry_target *t = src->items[i];
		if (t->resjunk)
			continue;
		qc->colnames = qry_list_append(qc->colnames, k < n ? pstrdup(ast_strval(ast_list_nth(c->raw->aliascolnames, k)))
		                                                     : pstrdup(t->name));
		k++;
	}
}

void
anl_with_clause(anl_pstate *ps, qry_query *q, WithClause *w)
{
	if (!w)
		return;
	for (int i = 0; i < ast_list_length(w->ctes); i++) {
		CommonTableExpr *ce = ast_list_nth(w->ctes, i);
		for (int k = 0; k < i; k++) {
			CommonTableExpr *o = ast_list_nth(w->ctes, k);
			if (strcmp(o->ctename, ce->ctename) == 0)
				ANL_ERROR(ps, ce->hdr.loc, "42712", "WITH query name \"%s\" specified more than once",
				          ce->ctename);
		}
	}
	qry_list *entries = NULL;
	for (int i = 0; i < ast_list_length(w->ctes); i++) {
		CommonTableExpr *ce = ast_list_nth(w->ctes, i);
		anl_cte *c = palloc0(sizeof(*c));
		c->name = pstrdup(ce->ctename);
		c->raw = ce;
		c->loc = ce->hdr.loc;
		c->recursive = w->recursive;
		c->cte = palloc0(sizeof(qry_cte));
		c->cte->name = c->name;
		c->cte->materialized = ce->ctematerialized == CTE_MATERIALIZE_ALWAYS ? 1
		                       : ce->ctematerialized == CTE_MATERIALIZE_NEVER ? 2 : 0;
		entries = qry_list_append(entries, c);
	}
	if (w->recursive)
		ps->ctes = qry_list_concat(ps->ctes, entries);
	for (int i = 0; i < qry_list_len(entries); i++) {
		anl_cte *c = entries->items[i];
		ast_node *body = c->raw->ctequery;
		bool self = w->recursive && ast_tree_walk(body, refers_to, c->name);
		if (self) {
			if (!AST_IS(body, SelectStmt) || ((SelectStmt *)body)->op != SETOP_UNION)
				ANL_ERROR(ps, c->loc, "42P19",
				          "recursive query \"%s\" does not have the form non-recursive-term UNION [ALL] recursive-term",
				          c->name);
			SelectStmt *u = (SelectStmt *)body;
			if (u->sortClause)
				ANL_ERROR(ps, ((ast_node *)ast_list_nth(u->sortClause, 0))->loc, "0A000",
				          "ORDER BY in a recursive query is not implemented");
			if (u->limitCount || u->limitOffset)
				ANL_ERROR(ps, u->limitCount ? u->limitCount->loc : u->limitOffset->loc, "0A000",
				          "%s in a recursive query is not implemented",
				          u->limitCount ? "LIMIT" : "OFFSET");
			if (u->lockingClause)
				ANL_ERROR(ps, c->loc, "0A000", "FOR UPDATE/SHARE in a recursive query is not implemented");
			rec_ctx rc = {c->name, ps, 0, NULL, NULL};
			rec_check(&rc, (ast_node *)u->rarg);
			/* the non-recursive term first: its columns are the CTE's */
			c->analyzing = true;
			c->self_ok = false;
			qry_query *nr = anl_subquery(ps, (ast_node *)u->larg, false, c);
			for (int k = 0; k < qry_list_len(nr->targets); k++) {
				qry_target *t = nr->targets->items[k];
				if (t->resjunk)
					continue;
				if (t->expr->type == UNKNOWNOID)
					t->expr = anl_resolve_unknown(ps, t->expr);
				const char *cn = k < ast_list_length(c->raw->aliascolnames)
				                     ? ast_strval(ast_list_nth(c->raw->aliascolnames, k))
				                     : t->name;
				c->colnames = qry_list_append(c->colnames, (void *)cn);
				c->coltypes = qry_list_append(c->coltypes, (void *)(uintptr_t)t->expr->type);
				c->coltypmods = qry_list_append(c->coltypmods, (void *)(intptr_t)t->expr->typmod);
			}
			c->self_ok = true;
			c->self_refs = 0;
			qry_query *full = anl_subquery(ps, body, false, c);
			if (c->self_refs == 0)
				ANL_ERROR(ps, c->loc, "42P19",
				          "recursive query \"%s\" does not have the form non-recursive-term UNION [ALL] recursive-term",
				          c->name);
			c->analyzing = false;
			int k = 0;
			for (int t = 0; t < qry_list_len(full->targets); t++) {
				qry_target *tg = full->targets->items[t];
				if (tg->resjunk)
					continue;
				if (k < qry_list_len(c->coltypes) &&
				    (Oid)(uintptr_t)c->coltypes->items[k] != tg->expr->type) {
					ERR_BEGIN("42804");
					err_position(anl_pos(ps, anl_expr_loc(((qry_target *)nr->targets->items[t])->expr)));
					err_hint("Cast the output of the non-recursive term to the correct type.");
					err_throw("recursive query \"%s\" column %d has type %s in non-recursive term but type %s overall",
					          c->name, k + 1, anl_type_name((Oid)(uintptr_t)c->coltypes->items[k]),
					          anl_type_name(tg->expr->type));
				}
				k++;
			}
			c->cte->query = full;
			c->cte->recursive = true;
			q->has_recursive = true;
		} else {
			c->analyzing = true;
			c->self_ok = false;
			qry_query *sub = anl_subquery(ps, body, false, c);
			c->analyzing = false;
			if (sub->cmd == QC_SELECT)
				resolve_target_unknowns(ps, sub->targets);
			c->cte->query = sub;
		}
		cte_columns(ps, c, c->cte->query);
		if (!w->recursive)
			ps->ctes = qry_list_append(ps->ctes, c);
		q->ctes = qry_list_append(q->ctes, c->cte);
		if (c->cte->query->cmd != QC_SELECT && ps->parent)
			ANL_ERROR(ps, c->loc, "0A000",
			          "WITH clause containing a data-modifying statement must be at the top level");
	}
}

/* ---- VALUES -------------------------------------------------------------------------------- */

static qry_query *
transform_values(anl_pstate *ps, SelectStmt *s)
{
	qry_query *q = palloc0(sizeof(*q));
	q->cmd = QC_SELECT;
	ps->query = q;
	anl_with_clause(ps, q, s->withClause);
	int nrows = ast_list_length(s->valuesLists);
	int ncols = -1;
	qry_list *rows = NULL;
	for (int i = 0; i < nrows; i++) {
		ast_list *row = ast_list_nth(s->valuesLists, i);
		if (ncols < 0)
			ncols = ast_list_length(row);
		else if (ast_list_length(row) != ncols)
			ANL_ERROR(ps, ((ast_node *)ast_list_nth(row, 0))->loc, "42601",
			          "VALUES lists must all be the same length");
		qry_list *r = NULL;
		for (int k = 0; k < ncols; k++) {
			ast_node *n = ast_list_nth(row, k);
			qry_expr *e = anl_expr(ps, n, EK_VALUES);
			r = qry_list_append(r, e);
		}
		rows = qry_list_append(rows, r);
	}
	qry_rte *rte = palloc0(sizeof(*rte));
	rte->kind = RTE_VALUES;
	rte->alias = pstrdup("*VALUES*");
	for (int k = 0; k < ncols; k++) {
		qry_list *col = NULL;
		for (int i = 0; i < nrows; i++)
			col = qry_list_append(col, ((qry_list *)rows->items[i])->items[k]);
		Oid t;
		int32_t tm;
		bool all_unknown = true;
		for (int i = 0; i < nrows; i++)
			if (((qry_expr *)col->items[i])->type != UNKNOWNOID)
				all_unknown = false;
		if (all_unknown && !ps->resolve_unknowns)
			t = UNKNOWNOID, tm = -1;
		else if (ps->in_values_insert) {
			/* INSERT ... VALUES: each row is coerced to the target columns by the INSERT */
			t = ((qry_expr *)col->items[0])->type;
			tm = -1;
			for (int i = 0; i < nrows; i++)
				if (((qry_expr *)col->items[i])->type != t)
					t = UNKNOWNOID;
		} else {
			t = anl_common_type(ps, col, "VALUES");
			tm = anl_common_typmod(col, t);
		}
		for (int i = 0; i < nrows && !ps->in_values_insert; i++) {
			qry_list *r = rows->items[i];
			if (t != UNKNOWNOID)
				r->items[k] = anl_coerce_common(ps, r->items[k], t, -1, "VALUES");
		}
		char name[32];
		snprintf(name, sizeof name, "column%d", k + 1);
		rte->colnames = qry_list_append(rte->colnames, pstrdup(name));
		rte->coltypes = qry_list_append(rte->coltypes, (void *)(uintptr_t)t);
		rte->coltypmods = qry_list_append(rte->coltypmods, (void *)(intptr_t)tm);
	}
	rte->values_lists = rows;
	rte->in_from = true;
	int rti = anl_add_rte(ps, rte);
	anl_add_ns(ps, rti, true, true);
	qry_jointree *rr = palloc0(sizeof(*rr));
	rr->kind = QJ_RANGEREF;
	rr->rtindex = rti;
	ps->joinlist = qry_list_append(ps->joinlist, rr);
	for (int k = 0; k < ncols; k++) {
		qry_expr *v = anl_make_rte_var(ps, rti, k + 1, 0, -1);
		q->targets = qry_list_append(q->targets,
		                             anl_make_target(v, k + 1, rte->colnames->items[k], false));
	}
	q->rtable = ps->rtable;
	anl_sort_clause(ps, q, s->sortClause, false);
	q->limit_offset = anl_limit(ps, s->limitOffset, EK_OFFSET);
	q->limit_count = anl_limit(ps, s->limitCount, EK_LIMIT);
	if (s->lockingClause)
		ANL_ERROR(ps, ((ast_node *)ast_list_nth(s->lockingClause, 0))->loc, "0A000",
		          "FOR UPDATE cannot be applied to VALUES");
	qry_jointree *jt = palloc0(sizeof(*jt));
	jt->kind = QJ_FROM;
	jt->fromlist = ps->joinlist;
	q->jointree = jt;
	q->rtable = ps->rtable;
	q->has_sublinks = ps->has_sublinks;
	return q;
}

/* ---- set operations ------------------------------------------------------------------------- */

static const char *
setop_name(set_operation op)
{
	return op == SETOP_UNION ? "UNION" : op == SETOP_INTERSECT ? "INTERSECT" : "EXCEPT";
}

typedef struct setop_cols {
	qry_list *types, *typmods, *names, *locs;
} setop_cols;

static void coerce_leaves(anl_pstate *ps, qry_query *top, qry_setop *n, int col, Oid type,
                          const char *context);

static qry_setop *
setop_tree(anl_pstate *ps, qry_query *top, SelectStmt *s, bool is_top, setop_cols *out)
{
	bool leaf = s->op == SETOP_NONE ||
	            (!is_top && (s->sortClause || s->limitCount || s->limitOffset || s->withClause ||
	                         s->lockingClause));
	qry_setop *n = palloc0(sizeof(*n));
	if (leaf && s->op == SETOP_NONE ? true : leaf) {
		anl_pstate *sub = anl_pstate_new(ps, ps->ctx);
		sub->resolve_unknowns = false;
		qry_query *q = anl_transform_stmt(sub, (ast_node *)s);
		qry_rte *rte = palloc0(sizeof(*rte));
		rte->kind = RTE_SUBQUERY;
		rte->subquery = q;
		char alias[32];
		snprintf(alias, sizeof alias, "*SELECT* %d", qry_list_len(ps->rtable) + 1);
		rte->alias = pstrdup(alias);
		for (int i = 0; i < qry_list_len(q->targets); i++) {
			qry_target *t = q->targets->items[i];
			if (t->resjunk)
				continue;
			rte->colnames = qry_list_append(rte->colnames, t->name);
			rte->coltypes = qry_list_append(rte->coltypes, (void *)(uintptr_t)t->expr->type);
			rte->coltypmods = qry_list_append(rte->coltypmods, (void *)(intptr_t)t->expr->typmod);
			out->types = qry_list_append(out->types, (void *)(uintptr_t)t->expr->type);
			out->typmods = qry_list_append(out->typmods, (void *)(intptr_t)t->expr->typmod);
			out->names = qry_list_append(out->names, t->name);
			out->locs = qry_list_append(out->locs, QRY_PTR(anl_expr_loc(t->expr)));
		}
		n->is_leaf = true;
		n->rtindex = anl_add_rte(ps, rte);
		n->coltypes = qry_list_copy(out->types);
		n->coltypmods = qry_list_copy(out->typmods);
		return n;
	}
	n->op = s->op == SETOP_UNION ? QSO_UNION : s->op == SETOP_INTERSECT ? QSO_INTERSECT : QSO_EXCEPT;
	n->all = s->all;
	setop_cols l = {0}, r = {0};
	n->larg = setop_tree(ps, top, s->larg, false, &l);
	n->rarg = setop_tree(ps, top, s->rarg, false, &r);
	const char *ctx = setop_name(s->op);
	if (qry_list_len(l.types) != qry_list_len(r.types)) {
		int loc = qry_list_len(r.locs) ? QRY_INT(r.locs->items[0]) : s->rarg->hdr.loc;
		ANL_ERROR(ps, loc, "42601", "each %s query must have the same number of columns", ctx);
	}
	for (int i = 0; i < qry_list_len(l.types); i++) {
		Oid lt = (Oid)(uintptr_t)l.types->items[i], rt = (Oid)(uintptr_t)r.types->items[i];
		Oid types[2] = {lt, rt};
		int locs[2] = {anl_pos(ps, QRY_INT(l.locs->items[i])), anl_pos(ps, QRY_INT(r.locs->items[i]))};
		Oid t = ty_select_common_type(2, types, ctx, locs);
		int32_t lm = (int32_t)(intptr_t)l.typmods->items[i], rm = (int32_t)(intptr_t)r.typmods->items[i];
		int32_t tm = (lt == t && rt == t && lm == rm) ? lm : -1;
		if (lt != t)
			coerce_leaves(ps, top, n->larg, i, t, ctx);
		if (rt != t)
			coerce_leaves(ps, top, n->rarg, i, t, ctx);
		out->types = qry_list_append(out->types, (void *)(uintptr_t)t);
		out->typmods = qry_list_append(out->typmods, (void *)(intptr_t)tm);
		out->names = qry_list_append(out->names, l.names->items[i]);
		out->locs = qry_list_append(out->locs, l.locs->items[i]);
	}
	n->coltypes = qry_list_copy(out->types);
	n->coltypmods = qry_list_copy(out->typmods);
	return n;
}

static void
coerce_leaves(anl_pstate *ps, qry_query *top, qry_setop *n, int col, Oid type, const char *context)
{
	n->coltypes->items[col] = (void *)(uintptr_t)type;
	n->coltypmods->items[col] = (void *)(intptr_t)-1;
	if (!n->is_leaf) {
		coerce_leaves(ps, top, n->larg, col, type, context);
		coerce_leaves(ps, top, n->rarg, col, type, context);
		return;
	}
	qry_rte *rte = anl_rte(ps, n->rtindex);
	qry_query *q = rte->subquery;
	int k = 0;
	for (int i = 0; i < qry_list_len(q->targets); i++) {
		qry_target *t = q->targets->items[i];
		if (t->resjunk)
			continue;
		if (k++ == col) {
			t->expr = anl_coerce_common(ps, t->expr, type, -1, context);
			rte->coltypes->items[col] = (void *)(uintptr_t)type;
			rte->coltypmods->items[col] = (void *)(intptr_t)-1;
		}
	}
}

static qry_query *
transform_setop(anl_pstate *ps, SelectStmt *s)
{
	qry_query *q = palloc0(sizeof(*q));
	q->cmd = QC_SELECT;
	ps->query = q;
	anl_with_clause(ps, q, s->withClause);
	setop_cols cols = {0};
	/* the top node carries ORDER BY / LIMIT / FOR UPDATE of the whole */
	SelectStmt top = *s;
	top.sortClause = NULL;
	top.limitCount = top.limitOffset = NULL;
	top.lockingClause = NULL;
	top.withClause = NULL;
	q->setops = setop_tree(ps, q, &top, true, &cols);
	/* unknown columns of the whole become text */
	for (int i = 0; i < qry_list_len(cols.types); i++)
		if ((Oid)(uintptr_t)cols.types->items[i] == UNKNOWNOID) {
			coerce_leaves(ps, q, q->setops, i, TEXTOID, setop_name(s->op));
			cols.types->items[i] = (void *)(uintptr_t)TEXTOID;
		}
	/* the result columns: Vars of the leftmost leaf */
	qry_setop *lm = q->setops;
	while (!lm->is_leaf)
		lm = lm->larg;
	for (int i = 0; i < qry_list_len(cols.types); i++) {
		qry_expr *v = qry_make_var(lm->rtindex, (int16_t)(i + 1), (Oid)(uintptr_t)cols.types->items[i],
		                           (int32_t)(intptr_t)cols.typmods->items[i], 0);
		v->loc = QRY_INT(cols.locs->items[i]);
		q->targets = qry_list_append(q->targets, anl_make_target(v, i + 1, cols.names->items[i], false));
	}
	q->rtable = ps->rtable;
	/* ORDER BY may name result columns only */
	for (int i = 0; i < ast_list_length(s->sortClause); i++) {
		SortBy *sb = ast_list_nth(s->sortClause, i);
		ast_node *n = sb->node;
		qry_target *t = NULL;
		if (AST_IS(n, A_Const) && ((A_Const *)n)->ckind == CONST_INT) {
			int pos = ((A_Const *)n)->ival;
			if (pos < 1 || pos > qry_list_len(q->targets))
				ANL_ERROR(ps, n->loc, "42P10", "ORDER BY position %d is not in select list", pos);
			t = q->targets->items[pos - 1];
		} else if (AST_IS(n, ColumnRef) && ast_list_length(((ColumnRef *)n)->fields) == 1 &&
		           AST_IS(ast_list_nth(((ColumnRef *)n)->fields, 0), String)) {
			const char *name = ast_strval(ast_list_nth(((ColumnRef *)n)->fields, 0));
			for (int k = 0; k < qry_list_len(q->targets); k++) {
				qry_target *x = q->targets->items[k];
				if (strcmp(x->name, name) == 0) {
					if (t)
						ANL_ERROR(ps, n->loc, "42702", "ORDER BY \"%s\" is ambiguous", name);
					t = x;
				}
			}
			if (!t)
				anl_missing_column(ps, NULL, name, n->loc);
		} else {
			ERR_BEGIN("0A000");
			err_position(anl_pos(ps, anl_raw_loc(n)));
			err_detail("Only result column names can be used, not expressions or functions.");
			err_hint("Add the expression/function to every SELECT, or move the UNION into a FROM clause.");
			err_throw("invalid UNION/INTERSECT/EXCEPT ORDER BY clause");
		}
		q->sort_clause = qry_list_append(q->sort_clause,
		                                 anl_make_sortgroup(ps, t, q, sb->sortby_dir == SORTBY_DESC,
		                                                    sb->sortby_nulls, sb->useOp, n->loc, true));
	}
	q->limit_offset = anl_limit(ps, s->limitOffset, EK_OFFSET);
	q->limit_count = anl_limit(ps, s->limitCount, EK_LIMIT);
	q->limit_with_ties = s->limitOption == LIMIT_OPTION_WITH_TIES;
	if (s->lockingClause)
		ph_error("0A000", "FOR UPDATE is not allowed with UNION/INTERSECT/EXCEPT");
	qry_jointree *jt = palloc0(sizeof(*jt));
	jt->kind = QJ_FROM;
	q->jointree = jt;
	q->has_sublinks = ps->has_sublinks;
	return q;
}

/* ---- SELECT --------------------------------------------------------------------------------- */

qry_query *
anl_transform_select(anl_pstate *ps, SelectStmt *s, bool is_subquery)
{
	if (s->valuesLists)
		return transform_values(ps, s);
	if (s->op != SETOP_NONE)
		return transform_setop(ps, s);
	qry_query *q = palloc0(sizeof(*q));
	q->cmd = QC_SELECT;
	ps->query = q;
	ps->is_select = true;
	anl_with_clause(ps, q, s->withClause);
	if (s->lockingClause)
		ps->locked_from_parent = true;
	anl_transform_from(ps, s->fromClause);
	ps->window_defs = s->windowClause;
	q->targets = anl_target_list(ps, s->targetList, EK_SELECT_TARGET);
	if (ps->resolve_unknowns)
		resolve_target_unknowns(ps, q->targets);
	qry_expr *where = anl_bool_expr(ps, s->whereClause, EK_WHERE, "WHERE");
	q->having = anl_bool_expr(ps, s->havingClause, EK_HAVING, "HAVING");
	anl_sort_clause(ps, q, s->sortClause, s->distinct && !s->distinctOn);
	anl_group_clause(ps, q, s);
	anl_distinct_clause(ps, q, s);
	q->limit_offset = anl_limit(ps, s->limitOffset, EK_OFFSET);
	q->limit_count = anl_limit(ps, s->limitCount, EK_LIMIT);
	q->limit_with_ties = s->limitOption == LIMIT_OPTION_WITH_TIES;
	if (q->limit_with_ties && !s->sortClause)
		ANL_ERROR(ps, s->limitCount ? s->limitCount->loc : s->hdr.loc, "42601",
		          "WITH TIES cannot be specified without ORDER BY clause");
	anl_transform_windows(ps, q);
	q->rtable = ps->rtable;
	qry_jointree *jt = palloc0(sizeof(*jt));
	jt->kind = QJ_FROM;
	jt->fromlist = ps->joinlist;
	jt->where = where;
	q->jointree = jt;
	q->has_aggs = ps->has_aggs;
	q->has_windows = ps->has_windows;
	q->has_sublinks = ps->has_sublinks;
	q->has_target_srfs = ps->has_target_srfs;
	anl_check_aggregates(ps, q);
	anl_locking_clause(ps, q, s);
	(void)is_subquery;
	return q;
}

/* ---- sort / group helpers ---------------------------------------------------------------- */

void
anl_assign_sortref(qry_query *q, qry_target *t)
{
	if (t->sortgroupref)
		return;
	int max = 0;
	for (int i = 0; i < qry_list_len(q->targets); i++) {
		qry_target *x = q->targets->items[i];
		if (x->sortgroupref > max)
			max = x->sortgroupref;
	}
	t->sortgroupref = max + 1;
}

qry_sortgroup *
anl_make_sortgroup(anl_pstate *ps, qry_target *t, qry_query *q, bool desc, int nulls,
                   ast_list *useop, int loc, bool need_sort)
{
	anl_assign_sortref(q, t);
	if (t->expr->type == UNKNOWNOID)
		t->expr = anl_resolve_unknown(ps, t->expr);
	Oid type = t->expr->type;
	qry_sortgroup *sg = palloc0(sizeof(*sg));
	sg->ref = t->sortgroupref;
	sg->type = type;
	if (useop) {
		const char *op = anl_name_last(useop);
		if (strcmp(op, "<") == 0)
			desc = false;
		else if (strcmp(op, ">") == 0)
			desc = true;
		else {
			ast_node *opn = ast_list_last(useop);
			ERR_BEGIN("42809");
			err_position(anl_pos(ps, opn->loc >= 0 ? opn->loc : loc));
			err_hint("Ordering operators must be \"<\" or \">\" members of btree operator families.");
			err_throw("operator %s is not a valid ordering operator", op);
		}
	}
	sg->descending = desc;
	sg->nulls_first = nulls == SORTBY_NULLS_DEFAULT ? desc : nulls == SORTBY_NULLS_FIRST;
	const ty_oper *op = ty_ordering_op(type, desc);
	if (!op && need_sort) {
		ERR_BEGIN("42883");
		err_position(anl_pos(ps, loc));
		err_hint("Use an explicit ordering operator or modify the query.");
		err_throw("could not identify an ordering operator for type %s", anl_type_name(type));
	}
	sg->cmpfn = op ? op->fn : NULL;
	const ty_oper *eq = ty_equality_op(type);
	sg->eqfn = eq ? eq->fn : NULL;
	sg->hashable = eq && eq->canhash;
	if (!need_sort && !eq) {
		ERR_BEGIN("42883");
		err_position(anl_pos(ps, loc));
		err_throw("could not identify an equality operator for type %s", anl_type_name(type));
	}
	return sg;
}

static bool
is_int_const(ast_node *n)
{
	return AST_IS(n, A_Const) && ((A_Const *)n)->ckind == CONST_INT;
}

static bool
is_const(ast_node *n)
{
	return AST_IS(n, A_Const);
}

/*
 * The target an ORDER BY / GROUP BY / DISTINCT ON / PARTITION BY item refers to, adding a
 * junk target when it is a new expression (PostgreSQL's findTargetlistEntrySQL92/SQL99).
 */
qry_target *
anl_find_target_for(anl_pstate *ps, qry_query *q, ast_node *node, anl_ekind kind, bool sql92)
{
	const char *clause = kind == EK_GROUP_BY ? "GROUP BY" : kind == EK_ORDER_BY ? "ORDER BY"
	                     : kind == EK_DISTINCT_ON ? "DISTINCT ON" : anl_ekind_name(kind);
	if (sql92) {
		if (AST_IS(node, ColumnRef) && ast_list_length(((ColumnRef *)node)->fields) == 1 &&
		    AST_IS(ast_list_nth(((ColumnRef *)node)->fields, 0), String)) {
			const char *name = ast_strval(ast_list_nth(((ColumnRef *)node)->fields, 0));
			qry_target *found = NULL;
			if (kind == EK_GROUP_BY) {
				/* an input column of that name wins over an output alias */
				bool input = false;
				for (int i = 0; i < qry_list_len(ps->ns); i++) {
					anl_nsitem *it = ps->ns->items[i];
					if (!it->cols_visible)
						continue;
					for (int c = 0; c < qry_list_len(it->rte->colnames); c++)
						if (strcmp(it->rte->colnames->items[c], name) == 0)
							input = true;
				}
				if (!input)
					for (int i = 0; i < qry_list_len(q->targets); i++) {
						qry_target *t = q->targets->items[i];
						if (!t->resjunk && t->name && strcmp(t->name, name) == 0) {
							if (found && !qry_equal_expr(found->expr, t->expr))
								ANL_ERROR(ps, node->loc, "42702", "%s \"%s\" is ambiguous", clause, name);
							found = t;
						}
					}
			} else {
				for (int i = 0; i < qry_list_len(q->targets); i++) {
					qry_target *t = q->targets->items[i];
					if (!t->resjunk && t->name && strcmp(t->name, name) == 0) {
						if (found && !qry_equal_expr(found->expr, t->expr))
							ANL_ERROR(ps, node->loc, "42702", "%s \"%s\" is ambiguous", clause, name);
						if (!found)
							found = t;
					}
				}
			}
			if (found)
				return found;
		}
		if (is_int_const(node)) {
			int pos = ((A_Const *)node)->ival;
			int k = 0;
			for (int i = 0; i < qry_list_len(q->targets); i++) {
				qry_target *t = q->targets->items[i];
				if (t->resjunk)
					continue;
				if (++k == pos)
					return t;
			}
			ANL_ERROR(ps, node->loc, "42P10", "%s position %d is not in select list", clause, pos);
		}
		if (is_const(node) && ((A_Const *)node)->ckind != CONST_NULL)
			ANL_ERROR(ps, node->loc, "42601", "non-integer constant in %s", clause);
	}
	qry_expr *e = anl_expr(ps, node, kind);
	for (int i = 0; i < qry_list_len(q->targets); i++) {
		qry_target *t = q->targets->items[i];
		if (qry_equal_expr(t->expr, e))
			return t;
	}
	if (ps->ekind == EK_NONE && false)
		return NULL;
	e = anl_resolve_unknown(ps, e);
	qry_target *t = anl_make_target(e, qry_list_len(q->targets) + 1, NULL, true);
	q->targets = qry_list_append(q->targets, t);
	return t;
}

void
anl_sort_clause(anl_pstate *ps, qry_query *q, ast_list *sort, bool distinct_required)
{
	for (int i = 0; i < ast_list_length(sort); i++) {
		SortBy *sb = ast_list_nth(sort, i);
		int before = qry_list_len(q->targets);
		qry_target *t = anl_find_target_for(ps, q, sb->node, EK_ORDER_BY, true);
		if (distinct_required && qry_list_len(q->targets) > before)
			ANL_ERROR(ps, anl_raw_loc(sb->node), "42P10",
			          "for SELECT DISTINCT, ORDER BY expressions must appear in select list");
		bool dup = false;
		for (int k = 0; k < qry_list_len(q->sort_clause); k++)
			if (((qry_sortgroup *)q->sort_clause->items[k])->ref == t->sortgroupref &&
			    t->sortgroupref)
				dup = true;
		qry_sortgroup *sg = anl_make_sortgroup(ps, t, q, sb->sortby_dir == SORTBY_DESC,
		                                       sb->sortby_nulls, sb->useOp, sb->node->loc, true);
		if (!dup)
			q->sort_clause = qry_list_append(q->sort_clause, sg);
	}
}

static void
add_group_item(anl_pstate *ps, qry_query *q, ast_node *n, qry_list **refs)
{
	qry_target *t = anl_find_target_for(ps, q, n, EK_GROUP_BY, true);
	if (anl_contains_aggs_at(t->expr, 0))
		ANL_ERROR(ps, n->loc, "42803", "aggregate functions are not allowed in GROUP BY");
	if (qry_contains_kind(t->expr, QE_WINDOWFUNC))
		ANL_ERROR(ps, n->loc, "42P20", "window functions are not allowed in GROUP BY");
	bool dup = false;
	for (int k = 0; k < qry_list_len(q->group_clause); k++)
		if (((qry_sortgroup *)q->group_clause->items[k])->ref == t->sortgroupref && t->sortgroupref)
			dup = true;
	if (!dup) {
		/* reuse the ORDER BY item's direction when it names the same target */
		qry_sortgroup *sg = anl_make_sortgroup(ps, t, q, false, SORTBY_NULLS_DEFAULT, NULL, n->loc,
		                                       false);
		q->group_clause = qry_list_append(q->group_clause, sg);
	}
	if (refs)
		*refs = qry_list_append(*refs, QRY_PTR(t->sortgroupref));
}

static void
group_set(anl_pstate *ps, qry_query *q, GroupingSet *g, qry_list **sets)
{
	switch (g->kind) {
	case GROUPING_SET_EMPTY:
		*sets = qry_list_append(*sets, NULL);
		return;
	case GROUPING_SET_SIMPLE: {
		qry_list *refs = NULL;
		for (int i = 0; i < ast_list_length(g->content); i++)
			add_group_item(ps, q, ast_list_nth(g->content, i), &refs);
		*sets = qry_list_append(*sets, refs);
		return;
	}
	case GROUPING_SET_SETS:
		for (int i = 0; i < ast_list_length(g->content); i++) {
			ast_node *n = ast_list_nth(g->content, i);
			if (AST_IS(n, GroupingSet))
				group_set(ps, q, (GroupingSet *)n, sets);
			else if (AST_IS(n, RowExpr) && ((RowExpr *)n)->row_format == ROW_IMPLICIT) {
				qry_list *refs = NULL;
				for (int k = 0; k < ast_list_length(((RowExpr *)n)->args); k++)
					add_group_item(ps, q, ast_list_nth(((RowExpr *)n)->args, k), &refs);
				*sets = qry_list_append(*sets, refs);
			} else {
				qry_list *refs = NULL;
				add_group_item(ps, q, n, &refs);
				*sets = qry_list_append(*sets, refs);
			}
		}
		return;
	case GROUPING_SET_ROLLUP:
	case GROUPING_SET_CUBE: {
		int n = ast_list_length(g->content);
		qry_list **items = palloc0(sizeof(qry_list *) * (size_t)(n ? n : 1));
		for (int i = 0; i < n; i++) {
			ast_node *x = ast_list_nth(g->content, i);
			if (AST_IS(x, GroupingSet)) {
				GroupingSet *sub = (GroupingSet *)x;
				for (int k = 0; k < ast_list_length(sub->content); k++)
					add_group_item(ps, q, ast_list_nth(sub->content, k), &items[i]);
			} else if (AST_IS(x, RowExpr) && ((RowExpr *)x)->row_format == ROW_IMPLICIT) {
				for (int k = 0; k < ast_list_length(((RowExpr *)x)->args); k++)
					add_group_item(ps, q, ast_list_nth(((RowExpr *)x)->args, k), &items[i]);
			} else
				add_group_item(ps, q, x, &items[i]);
		}
		if (g->kind == GROUPING_SET_ROLLUP) {
			for (int len = n; len >= 0; len--) {
				qry_list *s = NULL;
				for (int i = 0; i < len; i++)
					s = qry_list_concat(s, items[i]);
				*sets = qry_list_append(*sets, s);
			}
		} else {
			if (n > 12)
				ANL_ERROR(ps, g->hdr.loc, "54001", "CUBE is limited to 12 elements");
			for (int mask = (1 << n) - 1; mask >= 0; mask--) {
				qry_list *s = NULL;
				for (int i = 0; i < n; i++)
					if (mask & (1 << (n - 1 - i)))
						s = qry_list_concat(s, items[i]);
				*sets = qry_list_append(*sets, s);
			}
		}
		return;
	}
	}
}

void
anl_group_clause(anl_pstate *ps, qry_query *q, SelectStmt *s)
{
	bool has_sets = false;
	for (int i = 0; i < ast_list_length(s->groupClause); i++)
		if (AST_IS(ast_list_nth(s->groupClause, i), GroupingSet))
			has_sets = true;
	if (!has_sets) {
		for (int i = 0; i < ast_list_length(s->groupClause); i++)
			add_group_item(ps, q, ast_list_nth(s->groupClause, i), NULL);
		return;
	}
	/* GROUPING SETS: the cross product of the items' sets */
	qry_list *product = qry_list_make1(NULL);
	for (int i = 0; i < ast_list_length(s->groupClause); i++) {
		ast_node *n = ast_list_nth(s->groupClause, i);
		qry_list *sets = NULL;
		if (AST_IS(n, GroupingSet))
			group_set(ps, q, (GroupingSet *)n, &sets);
		else {
			qry_list *refs = NULL;
			add_group_item(ps, q, n, &refs);
			sets = qry_list_make1(refs);
		}
		qry_list *np = NULL;
		for (int a = 0; a < qry_list_len(product); a++)
			for (int b = 0; b < qry_list_len(sets); b++)
				np = qry_list_append(np, qry_list_concat(qry_list_copy(product->items[a]),
				                                         sets->items[b]));
		product = np;
	}
	if (qry_list_len(product) > 4096)
		ANL_ERROR(ps, s->hdr.loc, "54001", "too many grouping sets present (maximum 4096)");
	q->grouping_sets = product;
	ps->has_aggs = true;
}

void
anl_distinct_clause(anl_pstate *ps, qry_query *q, SelectStmt *s)
{
	if (!s->distinct && !s->distinctOn)
		return;
	if (!s->distinctOn) {
		/* ORDER BY items first, in their order, then the other output columns */
		for (int i = 0; i < qry_list_len(q->sort_clause); i++) {
			qry_sortgroup *sg = q->sort_clause->items[i];
			qry_sortgroup *d = palloc(sizeof(*d));
			*d = *sg;
			if (!d->eqfn) {
				qry_target *t = NULL;
				for (int k = 0; k < qry_list_len(q->targets); k++)
					if (((qry_target *)q->targets->items[k])->sortgroupref == sg->ref)
						t = q->targets->items[k];
				ANL_ERROR(ps, t ? anl_expr_loc(t->expr) : -1, "42883",
				          "could not identify an equality operator for type %s", anl_type_name(sg->type));
			}
			q->distinct_clause = qry_list_append(q->distinct_clause, d);
		}
		for (int i = 0; i < qry_list_len(q->targets); i++) {
			qry_target *t = q->targets->items[i];
			if (t->resjunk)
				continue;
			bool have = false;
			for (int k = 0; k < qry_list_len(q->distinct_clause); k++)
				if (((qry_sortgroup *)q->distinct_clause->items[k])->ref == t->sortgroupref &&
				    t->sortgroupref)
					have = true;
			if (!have)
				q->distinct_clause = qry_list_append(q->distinct_clause,
				                                     anl_make_sortgroup(ps, t, q, false,
				                                                        SORTBY_NULLS_DEFAULT, NULL,
				                                                        anl_expr_loc(t->expr), false));
		}
		return;
	}
	q->distinct_on = true;
	qry_list *refs = NULL;
	for (int i = 0; i < ast_list_length(s->distinctOn); i++) {
		ast_node *n = ast_list_nth(s->distinctOn, i);
		qry_target *t = anl_find_target_for(ps, q, n, EK_DISTINCT_ON, true);
		refs = qry_list_append(refs, QRY_PTR(t->sortgroupref ? t->sortgroupref : 0));
		anl_assign_sortref(q, t);
		refs->items[refs->n - 1] = QRY_PTR(t->sortgroupref);
		bool have = false;
		for (int k = 0; k < qry_list_len(q->distinct_clause); k++)
			if (((qry_sortgroup *)q->distinct_clause->items[k])->ref == t->sortgroupref)
				have = true;
		if (!have)
			q->distinct_clause = qry_list_append(q->distinct_clause,
			                                     anl_make_sortgroup(ps, t, q, false,
			                                                        SORTBY_NULLS_DEFAULT, NULL,
			                                                        n->loc, false));
	}
	/* the leading ORDER BY items must be the DISTINCT ON expressions */
	int nsort = qry_list_len(q->sort_clause);
	bool skipped = false;
	for (int i = 0; i < nsort; i++) {
		qry_sortgroup *sg = q->sort_clause->items[i];
		bool in = false;
		for (int k = 0; k < qry_list_len(refs); k++)
			if (QRY_INT(refs->items[k]) == sg->ref)
				in = true;
		if (!in)
			skipped = true;
		else if (skipped) {
			ast_node *sn = ((SortBy *)ast_list_nth(s->sortClause, i))->node;
			ANL_ERROR(ps, sn->loc, "42P10", "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
		}
	}
	if (nsort > 0)
		for (int k = 0; k < qry_list_len(refs); k++) {
			bool in = false;
			for (int i = 0; i < nsort; i++)
				if (((qry_sortgroup *)q->sort_clause->items[i])->ref == QRY_INT(refs->items[k]))
					in = true;
			if (!in && k < nsort) {
				ast_node *dn = ast_list_nth(s->distinctOn, k);
				ANL_ERROR(ps, dn->loc, "42P10",
				          "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
			}
		}
}

qry_expr *
anl_limit(anl_pstate *ps, ast_node *n, anl_ekind kind)
{
	if (!n)
		return NULL;
	const char *construct = kind == EK_LIMIT ? "LIMIT" : "OFFSET";
	if (AST_IS(n, A_Const) && ((A_Const *)n)->ckind == CONST_NULL)
		return anl_make_null_const(INT8OID, -1);
	qry_expr *e = anl_expr(ps, n, kind);
	e = anl_coerce_to_specific(ps, e, INT8OID, construct);
	if (qry_contains_kind(e, QE_VAR)) {
		/* only outer-level Vars are allowed */
		ANL_ERROR(ps, n->loc, "42P10", "argument of %s must not contain variables", construct);
	}
	return e;
}

/* ---- FOR UPDATE / SHARE ----------------------------------------------------------------------- */

void
anl_locking_clause(anl_pstate *ps, qry_query *q, SelectStmt *s)
{
	for (int i = 0; i < ast_list_length(s->lockingClause); i++) {
		LockingClause *lc = ast_list_nth(s->lockingClause, i);
		const char *what = lc->strength == LCS_FORKEYSHARE ? "FOR KEY SHARE"
		                   : lc->strength == LCS_FORSHARE ? "FOR SHARE"
		                   : lc->strength == LCS_FORNOKEYUPDATE ? "FOR NO KEY UPDATE" : "FOR UPDATE";
		if (q->distinct_clause)
			ph_error("0A000", "%s is not allowed with DISTINCT clause", what);
		if (q->group_clause || q->grouping_sets)
			ph_error("0A000", "%s is not allowed with GROUP BY clause", what);
		if (q->having)
			ph_error("0A000", "%s is not allowed with HAVING clause", what);
		if (q->has_aggs)
			ph_error("0A000", "%s is not allowed with aggregate functions", what);
		if (q->has_windows)
			ph_error("0A000", "%s is not allowed with window functions", what);
		if (q->has_target_srfs)
			ph_error("0A000", "%s is not allowed with set-returning functions in the target list", what);
		int strength = lc->strength;
		int wait = lc->waitPolicy == LOCKWAIT_SKIP ? 1 : lc->waitPolicy == LOCKWAIT_ERROR ? 2 : 0;
		if (ast_list_length(lc->lockedRels) == 0) {
			for (int r = 0; r < qry_list_len(q->rtable); r++) {
				qry_rte *rte = q->rtable->items[r];
				if (!rte->in_from || (rte->kind != RTE_RELATION && rte->kind != RTE_SUBQUERY))
					continue;
				rte->for_update = true;
				rte->lockmode = 2;
				qry_rowmark *m = palloc0(sizeof(*m));
				m->rtindex = r + 1;
				m->strength = strength;
				m->waitpolicy = wait;
				q->rowmarks = qry_list_append(q->rowmarks, m);
			}
			continue;
		}
		for (int k = 0; k < ast_list_length(lc->lockedRels); k++) {
			RangeVar *rv = ast_list_nth(lc->lockedRels, k);
			int found = 0;
			for (int r = 0; r < qry_list_len(q->rtable); r++) {
				qry_rte *rte = q->rtable->items[r];
				if (rte->in_from && rte->alias && strcmp(rte->alias, rv->relname) == 0) {
					if (rte->kind == RTE_JOIN)
						ANL_ERROR(ps, rv->hdr.loc, "0A000", "%s cannot be applied to a join", what);
					if (rte->kind == RTE_FUNCTION)
						ANL_ERROR(ps, rv->hdr.loc, "0A000", "%s cannot be applied to a function", what);
					if (rte->kind == RTE_VALUES)
						ANL_ERROR(ps, rv->hdr.loc, "0A000", "%s cannot be applied to VALUES", what);
					found = r + 1;
				}
			}
			if (!found)
				ANL_ERROR(ps, rv->hdr.loc, "42P01", "relation \"%s\" in %s clause not found in FROM clause",
				          rv->relname, what);
			qry_rte *rte = q->rtable->items[found - 1];
			rte->for_update = true;
			rte->lockmode = 2;
			qry_rowmark *m = palloc0(sizeof(*m));
			m->rtindex = found;
			m->strength = strength;
			m->waitpolicy = wait;
			q->rowmarks = qry_list_append(q->rowmarks, m);
		}
	}
}
