/*
 * anl_dml.c — INSERT, UPDATE, DELETE (PostgreSQL's analyze.c and parse_target.c): target
 * columns, defaults from the catalog, identity and generated columns, assignment casts,
 * RETURNING, ON CONFLICT with arbiter inference and EXCLUDED, MySQL's ON DUPLICATE KEY
 * UPDATE.
 */
#include "sql/analyze/anl_int.h"

#define RowExclusive 3

static const cat_relation *
target_rel(anl_pstate *ps, int rti)
{
	const cat_relation *rel = cat_get_relation(anl_rte(ps, rti)->relid);
	if (!rel)
		ph_internal("target relation vanished");
	return rel;
}

/* ---- automatically updatable views (PostgreSQL's view_query_is_auto_updatable and the
 * rewriter's rewriteTargetView) ---------------------------------------------------------- */

static const char *
view_not_updatable(const qry_query *vq)
{
	if (vq->distinct_clause)
		return "Views containing DISTINCT are not automatically updatable.";
	if (vq->group_clause || vq->grouping_sets)
		return "Views containing GROUP BY are not automatically updatable.";
	if (vq->having)
		return "Views containing HAVING are not automatically updatable.";
	if (vq->setops)
		return "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.";
	if (vq->ctes)
		return "Views containing WITH are not automatically updatable.";
	if (vq->limit_count || vq->limit_offset)
		return "Views containing LIMIT or OFFSET are not automatically updatable.";
	if (vq->has_aggs)
		return "Views that return aggregate functions are not automatically updatable.";
	if (vq->has_windows)
		return "Views that return window functions are not automatically updatable.";
	if (vq->has_target_srfs)
		return "Views that return set-returning functions are not automatically updatable.";
	const qry_list *fl = vq->jointree ? vq->jointree->fromlist : NULL;
	if (qry_list_len(fl) != 1 || ((qry_jointree *)fl->items[0])->kind != QJ_RANGEREF)
		return "Views that do not select from a single table or view are not automatically updatable.";
	const qry_rte *b = vq->rtable->items[((qry_jointree *)fl->items[0])->rtindex - 1];
	if (b->kind != RTE_RELATION || b->relkind != CAT_RELKIND_TABLE)
		return "Views that do not select from a single table or view are not automatically updatable.";
	return NULL;
}

static int
view_target(anl_pstate *ps, RangeVar *rv, const cat_relation *rel, bool visible)
{
	qry_cmd cmd = ps->query->cmd;
	char *vname = pstrdup(rel->name);
	int V = anl_add_view(ps, rel, rv->alias, rv->hdr.loc);
	qry_rte *vr = anl_rte(ps, V);
	qry_query *vq = vr->subquery;
	const char *why = view_not_updatable(vq);
	if (why) {
		ERR_BEGIN("55000");
		err_detail("%s", why);
		if (cmd == QC_INSERT) {
			err_hint("To enable inserting into the view, provide an INSTEAD OF INSERT trigger or an unconditional ON INSERT DO INSTEAD rule.");
			err_throw("cannot insert into view \"%s\"", vname);
		}
		if (cmd == QC_UPDATE) {
			err_hint("To enable updating the view, provide an INSTEAD OF UPDATE trigger or an unconditional ON UPDATE DO INSTEAD rule.");
			err_throw("cannot update view \"%s\"", vname);
		}
		err_hint("To enable deleting from the view, provide an INSTEAD OF DELETE trigger or an unconditional ON DELETE DO INSTEAD rule.");
		err_throw("cannot delete from view \"%s\"", vname);
	}
	int bvar = ((qry_jointree *)vq->jointree->fromlist->items[0])->rtindex;
	const qry_rte *b = vq->rtable->items[bvar - 1];
	qry_rte *r = qry_copy_rte(b);
	r->lockmode = RowExclusive;
	r->in_from = false;
	r->for_update = false;
	int R = anl_add_rte(ps, r);
	anl_viewtarget *vt = palloc0(sizeof(*vt));
	vt->view_rti = V;
	vt->base_rti = R;
	vt->base_varno = bvar;
	vt->vq = vq;
	vt->viewname = vname;
	vt->ncols = qry_list_len(vr->colnames);
	vt->attnos = palloc0(sizeof(int) * (size_t)(vt->ncols + 1));
	vt->colnames = palloc(sizeof(char *) * (size_t)(vt->ncols + 1));
	int k = 0;
	for (int i = 0; i < qry_list_len(vq->targets) && k < vt->ncols; i++) {
		qry_target *t = vq->targets->items[i];
		if (t->resjunk)
			continue;
		qry_expr *e = t->expr;
		vt->attnos[k] = (e->kind == QE_VAR && e->u.var.varno == bvar && e->u.var.levelsup == 0 &&
		                 e->u.var.attno > 0) ? e->u.var.attno : 0;
		vt->colnames[k] = vr->colnames->items[k];
		k++;
	}
	vr->in_from = visible;
	ps->vt = vt;
	ps->target_rtindex = R;
	if (visible)
		anl_add_ns(ps, V, true, true);
	return R;
}

/* A view column's table attno for assignment (0A000 for an expression column). */
static int
view_target_attno(anl_pstate *ps, const char *name, int loc, bool update)
{
	anl_viewtarget *vt = ps->vt;
	for (int j = 0; j < vt->ncols; j++)
		if (strcmp(vt->colnames[j], name) == 0) {
			if (vt->attnos[j] == 0) {
				ERR_BEGIN("0A000");
				err_detail("View columns that are not columns of their base relation are not updatable.");
				err_throw("cannot %s column \"%s\" of view \"%s\"", update ? "update" : "insert into",
				          name, vt->viewname);
			}
			return vt->attnos[j];
		}
	ERR_BEGIN("42703");
	err_position(anl_pos(ps, loc));
	err_throw("column \"%s\" of relation \"%s\" does not exist", name, vt->viewname);
}

/* Replace references to the view's columns by the view's expressions over its table. */
typedef struct vsubst {
	anl_viewtarget *vt;
	int depth;
} vsubst;

static qry_expr *
remap_base(qry_expr *e, void *arg)
{
	vsubst *s = arg;
	if (e->kind == QE_VAR && e->u.var.levelsup == 0 && e->u.var.varno == s->vt->base_varno) {
		e->u.var.varno = s->vt->base_rti;
		e->u.var.levelsup = s->depth;
	}
	return NULL;
}

static qry_expr *view_column_expr(vsubst *s, int attno, int loc)
{
	int k = 0;
	for (int i = 0; i < qry_list_len(s->vt->vq->targets); i++) {
		qry_target *t = s->vt->vq->targets->items[i];
		if (t->resjunk)
			continue;
		if (++k == attno) {
			qry_expr *x = qry_mutate_expr(qry_copy_expr(t->expr), remap_base, s);
			if (x->kind == QE_VAR)
				x->loc = loc;
			return x;
		}
	}
	return NULL;
}

static void subst_query(qry_query *q, vsubst *s);

static qry_expr *
subst_node(qry_expr *e, void *arg)
{
	vsubst *s = arg;
	if (e->kind == QE_VAR && e->u.var.varno == s->vt->view_rti && e->u.var.levelsup == s->depth &&
	    e->u.var.attno > 0)
		return view_column_expr(s, e->u.var.attno, e->loc);
	if (e->kind == QE_SUBLINK && e->u.sublink.subquery) {
		s->depth++;
		subst_query(e->u.sublink.subquery, s);
		s->depth--;
	}
	return NULL;
}

static void
subst_query(qry_query *q, vsubst *s)
{
	qry_mutate_query_exprs(q, subst_node, s);
	for (int i = 0; i < qry_list_len(q->rtable); i++) {
		qry_rte *r = q->rtable->items[i];
		if (r->kind == RTE_SUBQUERY && r->subquery && i + 1 != s->vt->view_rti) {
			s->depth++;
			subst_query(r->subquery, s);
			s->depth--;
		}
	}
}

/* After analysis of DML through a view: column references become the view's expressions and
 * UPDATE/DELETE see only the view's rows (its WHERE). */
static void
finish_view_target(anl_pstate *ps, qry_query *q)
{
	anl_viewtarget *vt = ps->vt;
	if (!vt)
		return;
	vsubst s = {vt, 0};
	/* top level only: subqueries of the view entry itself are left alone */
	qry_mutate_query_exprs(q, subst_node, &s);
	for (int i = 0; i < qry_list_len(q->rtable); i++) {
		qry_rte *r = q->rtable->items[i];
		if (r->kind == RTE_SUBQUERY && r->subquery && i + 1 != vt->view_rti && r->lateral) {
			s.depth = 1;
			subst_query(r->subquery, &s);
			s.depth = 0;
		}
	}
	if (q->cmd != QC_INSERT && vt->vq->jointree->where) {
		qry_expr *vw = qry_mutate_expr(qry_copy_expr(vt->vq->jointree->where), remap_base, &s);
		qry_expr *w = q->jointree->where;
		if (!w)
			q->jointree->where = vw;
		else {
			qry_expr *a = qry_make_expr(QE_BOOL, BOOLOID, -1, -1);
			a->u.boolexpr.op = QB_AND;
			a->u.boolexpr.args = qry_list_append(qry_list_make1(vw), w);
			q->jointree->where = a;
		}
	}
}

static int
setup_target(anl_pstate *ps, RangeVar *rv, bool visible)
{
	if (!rv->schemaname) {
		int lv;
		if (anl_find_cte(ps, rv->relname, &lv))
			ANL_ERROR(ps, rv->hdr.loc, "42P01", "relation \"%s\" does not exist", rv->relname);
	}
	const anl_sysview *sv;
	Oid oid = anl_lookup_relation(ps, rv, false, &sv);
	const cat_relation *vrel = sv ? NULL : cat_get_relation(oid);
	if (vrel && vrel->kind == CAT_RELKIND_VIEW)
		return view_target(ps, rv, vrel, visible);
	int rti = anl_add_relation(ps, rv, true, RowExclusive);
	ps->target_rtindex = rti;
	if (visible) {
		anl_add_ns(ps, rti, true, true);
		anl_rte(ps, rti)->in_from = true;
	}
	return rti;
}

/* The default of column attno (1-based) as an expression of its type, or NULL. */
qry_expr *
anl_column_default(anl_pstate *ps, const cat_relation *rel, int attno)
{
	const cat_attribute *a = &rel->atts[attno - 1];
	const char *txt = a->default_expr;
	Oid type = a->type;
	int32_t typmod = a->typmod;
	char *name = pstrdup(a->name);
	if (a->identity) {
		/* nextval of the identity's sequence */
		const cat_relation *seq = cat_get_relation(a->identity_seq);
		if (!seq)
			return NULL;
		const cat_namespace *ns = cat_get_namespace(seq->ns);
		char *q = psprintf("nextval('%s.%s'::regclass)", ns ? parse_quote_ident(ns->name) : "public",
		                   parse_quote_ident(seq->name));
		txt = q;
	}
	if (!txt)
		return NULL;
	char *copy = pstrdup(txt);
	ast_node *raw = parse_expr(copy);
	anl_pstate *dps = anl_pstate_new(NULL, ps->ctx);
	dps->text = copy;
	qry_expr *e = anl_expr(dps, raw, EK_COLUMN_DEFAULT);
	return anl_coerce_assign(dps, e, type, typmod, name, -1);
}

static qry_expr *
default_or_null(anl_pstate *ps, const cat_relation *rel, int attno)
{
	qry_expr *e = anl_column_default(ps, rel, attno);
	if (!e)
		e = anl_make_null_const(rel->atts[attno - 1].type, rel->atts[attno - 1].typmod);
	return e;
}

qry_list *
anl_returning(anl_pstate *ps, ast_list *ret)
{
	if (!ret)
		return NULL;
	qry_list *r = anl_target_list(ps, ret, EK_RETURNING);
	for (int i = 0; i < qry_list_len(r); i++) {
		qry_target *t = r->items[i];
		if (t->expr->type == UNKNOWNOID)
			t->expr = anl_resolve_unknown(ps, t->expr);
	}
	return r;
}

/* Resolve an INSERT/UPDATE target column name (42703 with the table's name). */
static int
target_attno(anl_pstate *ps, const cat_relation *rel, const char *name, int loc, bool update)
{
	if (ps->vt)
		return view_target_attno(ps, name, loc, update);
	const cat_attribute *a = cat_relation_attribute(rel, name);
	if (!a && update)
		for (int s = -1; s >= -6; s--)
			if (strcmp(anl_syscol_name(s), name) == 0)
				ANL_ERROR(ps, loc, "0A000", "cannot assign to system column \"%s\"", name);
	if (!a) {
		ERR_BEGIN("42703");
		err_position(anl_pos(ps, loc));
		err_throw("column \"%s\" of relation \"%s\" does not exist", name, rel->name);
	}
	return a->attnum;
}

static void
check_assign_generated(anl_pstate *ps, const cat_relation *rel, int attno, bool is_default,
                       int override, int loc, bool update)
{
	const cat_attribute *a = &rel->atts[attno - 1];
	/* PostgreSQL reports these without a position */
	if (a->generated && !is_default) {
		ERR_BEGIN("428C9");
		err_detail("Column \"%s\" is a generated column.", a->name);
		if (update)
			err_throw("column \"%s\" can only be updated to DEFAULT", a->name);
		err_throw("cannot insert a non-DEFAULT value into column \"%s\"", a->name);
	}
	if (a->identity == CAT_IDENTITY_ALWAYS && !is_default) {
		if (update) {
			ERR_BEGIN("428C9");
			err_detail("Column \"%s\" is an identity column defined as GENERATED ALWAYS.", a->name);
			err_throw("column \"%s\" can only be updated to DEFAULT", a->name);
		}
		if (override != OVERRIDING_SYSTEM_VALUE) {
			ERR_BEGIN("428C9");   /* PostgreSQL gives no position here */
			err_detail("Column \"%s\" is an identity column defined as GENERATED ALWAYS.", a->name);
			err_hint("Use OVERRIDING SYSTEM VALUE to override.");
			err_throw("cannot insert a non-DEFAULT value into column \"%s\"", a->name);
		}
	}
}

static qry_expr *
assign_value(anl_pstate *ps, const cat_relation *rel, int attno, qry_expr *e, int override,
             bool update, int loc)
{
	const cat_attribute *a = &rel->atts[attno - 1];
	bool is_default = e->kind == QE_SETTODEFAULT;
	check_assign_generated(ps, rel, attno, is_default, override, loc, update);
	if (is_default)
		return default_or_null(ps, rel, attno);
	if (a->identity == CAT_IDENTITY_BY_DEFAULT && override == OVERRIDING_USER_VALUE)
		return default_or_null(ps, rel, attno);
	int eloc = anl_expr_loc(e);
	return anl_coerce_assign(ps, e, a->type, a->typmod, a->name, eloc >= 0 ? eloc : loc);
}

/* SET col[...] / col.field: 42804 for a type without subscripts or fields, else 0A000. */
static void
check_indirection(anl_pstate *ps, const cat_relation *rel, int attno, ResTarget *rt)
{
	if (!rt->indirection)
		return;
	const cat_attribute *a = &rel->atts[attno - 1];
	ast_node *first = ast_list_nth(rt->indirection, 0);
	if (AST_IS(first, String))
		ANL_ERROR(ps, rt->hdr.loc, "42804",
		          "cannot assign to field \"%s\" of column \"%s\" because its type %s is not a composite type",
		          ((String *)first)->sval, a->name, anl_type_name(a->type));
	if (ty_elem_of(a->type) == InvalidOid)
		ANL_ERROR(ps, rt->hdr.loc, "42804", "cannot subscript type %s because it does not support subscripting",
		          anl_type_name(a->type));
	ANL_ERROR(ps, rt->hdr.loc, "0A000", "subscripted assignment is not supported");
}

/* A scalar subquery returning column `col` of an analyzed multi-column subquery. */
static qry_expr *
multiexpr_column(qry_query *sub, int col, int loc)
{
	qry_query *q = palloc0(sizeof(*q));
	q->cmd = QC_SELECT;
	qry_rte *rte = palloc0(sizeof(*rte));
	rte->kind = RTE_SUBQUERY;
	rte->subquery = qry_copy_query(sub);
	rte->alias = pstrdup("multiassign");
	rte->in_from = true;
	int k = 0;
	qry_target *pick = NULL;
	for (int i = 0; i < qry_list_len(sub->targets); i++) {
		qry_target *t = sub->targets->items[i];
		if (t->resjunk)
			continue;
		rte->colnames = qry_list_append(rte->colnames, t->name ? t->name : "?column?");
		rte->coltypes = qry_list_append(rte->coltypes, (void *)(uintptr_t)t->expr->type);
		rte->coltypmods = qry_list_append(rte->coltypmods, (void *)(intptr_t)t->expr->typmod);
		if (++k == col)
			pick = t;
	}
	q->rtable = qry_list_make1(rte);
	qry_expr *v = qry_make_var(1, (int16_t)col, pick->expr->type, pick->expr->typmod, 0);
	q->targets = qry_list_make1(anl_make_target(v, 1, pick->name, false));
	qry_jointree *rr = palloc0(sizeof(*rr));
	rr->kind = QJ_RANGEREF;
	rr->rtindex = 1;
	qry_jointree *jt = palloc0(sizeof(*jt));
	jt->kind = QJ_FROM;
	jt->fromlist = qry_list_make1(rr);
	q->jointree = jt;
	qry_expr *e = qry_make_expr(QE_SUBLINK, v->type, v->typmod, loc);
	e->u.sublink.kind = QS_EXPR;
	e->u.sublink.subquery = q;
	return e;
}

/*
 * The value of one SET target.  SET (a, b) = ROW(x, y) takes its element; SET (a, b) =
 * (SELECT x, y ...) becomes, per column, a scalar subquery over that SELECT (the SELECT
 * runs once per column; PostgreSQL runs it once — the same result for a subquery without
 * volatile functions).
 */
static qry_expr *
set_source(anl_pstate *ps, ResTarget *rt)
{
	qry_expr *e;
	if (AST_IS(rt->val, MultiAssignRef)) {
		MultiAssignRef *m = (MultiAssignRef *)rt->val;
		ast_node *src = m->source;
		if (AST_IS(src, RowExpr)) {
			RowExpr *row = (RowExpr *)src;
			if (ast_list_length(row->args) != m->ncolumns)
				ANL_ERROR(ps, src->loc, "42601", "number of columns does not match number of values");
			ast_node *x = ast_list_nth(row->args, m->colno - 1);
			ps->in_values_insert = AST_IS(x, SetToDefault);
			e = anl_expr(ps, x, EK_UPDATE_SOURCE);
			ps->in_values_insert = false;
			return e;
		}
		if (AST_IS(src, SubLink) && (((SubLink *)src)->subLinkType == MULTIEXPR_SUBLINK ||
		                             ((SubLink *)src)->subLinkType == EXPR_SUBLINK)) {
			SubLink *sl = (SubLink *)src;
			qry_query *sub = anl_subquery(ps, sl->subselect, false, NULL);
			ps->has_sublinks = true;
			int n = 0;
			for (int i = 0; i < qry_list_len(sub->targets); i++)
				if (!((qry_target *)sub->targets->items[i])->resjunk)
					n++;
			if (n != m->ncolumns)
				ANL_ERROR(ps, src->loc, "42601", "number of columns does not match number of values");
			return multiexpr_column(sub, m->colno, src->loc);
		}
		ANL_ERROR(ps, src->loc, "0A000",
		          "source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression");
	}
	ps->in_values_insert = AST_IS(rt->val, SetToDefault);
	e = anl_expr(ps, rt->val, EK_UPDATE_SOURCE);
	ps->in_values_insert = false;
	return e;
}

/* ---- ON CONFLICT -------------------------------------------------------------------------- */

static void
infer_arbiter(anl_pstate *ps, qry_query *q, const cat_relation *rel, OnConflictClause *oc)
{
	qry_onconflict *c = q->onconflict;
	InferClause *ic = oc->infer;
	if (oc->duplicate_key || !ic) {
		if (oc->action == ONCONFLICT_UPDATE && !oc->duplicate_key) {
			ERR_BEGIN("42601");
			err_position(anl_pos(ps, oc->hdr.loc));
			err_hint("For example, ON CONFLICT (column_name).");
			err_throw("ON CONFLICT DO UPDATE requires inference specification or constraint name");
		}
		c->arbiter_index = 0;   /* any unique index */
		return;
	}
	if (ic->conname) {
		Oid con = cat_lookup_constraint(rel->oid, ic->conname);
		const cat_constraint *cc = con ? cat_get_constraint(con) : NULL;
		if (!cc)
			ph_error("42704", "constraint \"%s\" for table \"%s\" does not exist", ic->conname,
			         rel->name);
		if (cc->type != CAT_CON_PRIMARY && cc->type != CAT_CON_UNIQUE)
			ANL_ERROR(ps, ic->hdr.loc, "42809", "constraint in ON CONFLICT clause has no associated index");
		c->arbiter_index = cc->index;
		for (int i = 0; i < cc->nkeys; i++)
			c->arbiter_cols = qry_list_append(c->arbiter_cols, QRY_PTR(cc->keys[i]));
		return;
	}
	int n = ast_list_length(ic->indexElems);
	int16_t cols[CAT_MAX_KEYS];
	int nc = 0;
	for (int i = 0; i < n; i++) {
		IndexElem *ie = ast_list_nth(ic->indexElems, i);
		if (!ie->name) {
			/* no expression indexes here: nothing can match (checked for errors first) */
			anl_expr(ps, ie->expr, EK_INDEX_EXPRESSION);
			nc = -1;
			break;
		}
		int a = target_attno(ps, rel, ie->name, ie->hdr.loc, false);
		bool dup = false;
		for (int k = 0; k < nc; k++)
			dup |= cols[k] == a;
		if (!dup && nc < CAT_MAX_KEYS)
			cols[nc++] = (int16_t)a;
	}
	/* the inference WHERE names a partial index's predicate; a full unique index on the
	 * columns satisfies any predicate, which is all we match */
	if (ic->whereClause)
		anl_bool_expr(ps, ic->whereClause, EK_INDEX_PREDICATE, "WHERE");
	for (int i = 0; nc >= 0 && i < rel->nindexes; i++) {
		const cat_index *ix = &rel->indexes[i];
		if (!ix->unique || !ix->valid || ix->predicate || ix->nkeys != nc)
			continue;
		bool all = true;
		for (int k = 0; k < ix->nkeys && all; k++) {
			bool found = false;
			for (int m = 0; m < nc; m++)
				found |= ix->keys[k].attnum == cols[m];
			all = found;
		}
		if (all) {
			c->arbiter_index = ix->oid;
			for (int k = 0; k < nc; k++)
				c->arbiter_cols = qry_list_append(c->arbiter_cols, QRY_PTR(cols[k]));
			return;
		}
	}
	ph_error("42P10", "there is no unique or exclusion constraint matching the ON CONFLICT specification");
}

static void
on_conflict(anl_pstate *ps, qry_query *q, const cat_relation *rel, OnConflictClause *oc, int rti)
{
	qry_onconflict *c = palloc0(sizeof(*c));
	q->onconflict = c;
	c->action = oc->action == ONCONFLICT_NOTHING ? OC_NOTHING : OC_UPDATE;
	/* the target under its own name (or alias) is visible in the inference, SET and WHERE */
	qry_list *save = ps->ns;
	ps->ns = NULL;
	anl_add_ns(ps, rti, true, true);
	infer_arbiter(ps, q, rel, oc);
	if (c->action != OC_UPDATE) {
		ps->ns = save;
		return;
	}
	/* EXCLUDED: the row proposed for insertion */
	qry_rte *target = anl_rte(ps, rti);
	qry_rte *ex = qry_copy_rte(target);
	ex->alias = pstrdup("excluded");
	ex->has_alias = true;
	ex->in_from = false;
	ex->lockmode = 0;
	int exi = anl_add_rte(ps, ex);
	c->excluded_rtindex = exi;
	anl_add_ns(ps, exi, true, false);
	for (int i = 0; i < ast_list_length(oc->targetList); i++) {
		ResTarget *rt = ast_list_nth(oc->targetList, i);
		int a = target_attno(ps, rel, rt->name, rt->hdr.loc, true);
		check_indirection(ps, rel, a, rt);
		qry_expr *e = set_source(ps, rt);
		e = assign_value(ps, rel, a, e, 0, true, rt->hdr.loc);
		for (int k = 0; k < qry_list_len(c->set_targets); k++)
			if (((qry_target *)c->set_targets->items[k])->resno == a)
				ph_error("42601", "multiple assignments to same column \"%s\"", rt->name);
		c->set_targets = qry_list_append(c->set_targets, anl_make_target(e, a, rt->name, false));
	}
	c->where = anl_bool_expr(ps, oc->whereClause, EK_WHERE, "WHERE");
	ps->ns = save;
}

/* ---- INSERT -------------------------------------------------------------------------------- */

/* INSERT INTO view VALUES (...) without a column list: a value for an expression column of
 * the view is refused, as PostgreSQL does. */
static void
check_view_columns(anl_pstate *ps, const int *attnos, int n)
{
	if (!ps->vt)
		return;
	for (int i = 0; i < n && i < ps->vt->ncols; i++)
		if (attnos[i] == 0)
			view_target_attno(ps, ps->vt->colnames[i], -1, false);
}

qry_query *
anl_insert(anl_pstate *ps, InsertStmt *s)
{
	qry_query *q = palloc0(sizeof(*q));
	q->cmd = QC_INSERT;
	ps->query = q;
	anl_with_clause(ps, q, s->withClause);
	q->override = s->override;
	q->is_replace = s->is_replace;
	int rti = setup_target(ps, s->relation, false);
	q->result_rel = rti;
	const cat_relation *rel = target_rel(ps, rti);
	char *relname = pstrdup(rel->name);
	/* the target columns */
	int ncols = ast_list_length(s->cols);
	int *attnos;
	int nattnos = 0;
	if (ncols > 0) {
		attnos = palloc(sizeof(int) * (size_t)ncols);
		for (int i = 0; i < ncols; i++) {
			ResTarget *rt = ast_list_nth(s->cols, i);
			int a = target_attno(ps, rel, rt->name, rt->hdr.loc, false);
			check_indirection(ps, rel, a, rt);
			for (int k = 0; k < nattnos; k++)
				if (attnos[k] == a)
					ANL_ERROR(ps, rt->hdr.loc, "42701", "column \"%s\" specified more than once", rt->name);
			attnos[nattnos++] = a;
		}
	} else if (ps->vt) {
		/* the view's columns, in order (0: an expression column, refused if given a value) */
		attnos = palloc(sizeof(int) * (size_t)(ps->vt->ncols + 1));
		for (int i = 0; i < ps->vt->ncols; i++)
			attnos[nattnos++] = ps->vt->attnos[i];
	} else {
		attnos = palloc(sizeof(int) * (size_t)(rel->natts + 1));
		for (int i = 0; i < rel->natts; i++)
			if (!rel->atts[i].dropped)
				attnos[nattnos++] = i + 1;
	}
	qry_expr **vals = palloc0(sizeof(qry_expr *) * (size_t)(rel->natts + 1));
	int *vlocs = palloc(sizeof(int) * (size_t)(rel->natts + 1));
	SelectStmt *sel = (SelectStmt *)s->selectStmt;
	if (!sel) {
		/* DEFAULT VALUES */
	} else if (sel->valuesLists && ast_list_length(sel->valuesLists) == 1 && !sel->sortClause &&
	           !sel->limitCount && !sel->withClause) {
		/* single-row VALUES: the expressions go straight into the target list */
		ast_list *row = ast_list_nth(sel->valuesLists, 0);
		int n = ast_list_length(row);
		if (n > nattnos)
			ANL_ERROR(ps, ((ast_node *)ast_list_nth(row, nattnos))->loc, "42601",
			          "INSERT has more expressions than target columns");
		if (n < nattnos && ncols > 0)
			ANL_ERROR(ps, ((ResTarget *)ast_list_nth(s->cols, n))->hdr.loc, "42601",
			          "INSERT has more target columns than expressions");
		check_view_columns(ps, attnos, n);
		ps->in_values_insert = true;
		for (int i = 0; i < n; i++) {
			ast_node *x = ast_list_nth(row, i);
			vals[attnos[i]] = anl_expr(ps, x, EK_VALUES_SINGLE);
			vlocs[attnos[i]] = x->loc;
		}
		ps->in_values_insert = false;
		nattnos = n;
	} else {
		/* INSERT ... SELECT or multi-row VALUES: a subquery in the range table */
		anl_pstate *sub = anl_pstate_new(ps, ps->ctx);
		sub->resolve_unknowns = false;
		sub->in_values_insert = sel->valuesLists != NULL;
		qry_query *sq = anl_transform_select(sub, sel, true);
		int n = 0;
		for (int i = 0; i < qry_list_len(sq->targets); i++)
			if (!((qry_target *)sq->targets->items[i])->resjunk)
				n++;
		if (n > nattnos) {
			qry_target *t = sq->targets->items[nattnos];
			ANL_ERROR(ps, anl_expr_loc(t->expr), "42601", "INSERT has more expressions than target columns");
		}
		if (n < nattnos && ncols > 0)
			ANL_ERROR(ps, ((ResTarget *)ast_list_nth(s->cols, n))->hdr.loc, "42601",
			          "INSERT has more target columns than expressions");
		check_view_columns(ps, attnos, n);
		/* DEFAULT in multi-row VALUES: replace by the column default in each row */
		if (sel->valuesLists) {
			qry_rte *vr = NULL;
			for (int i = 0; i < qry_list_len(sq->rtable); i++)
				if (((qry_rte *)sq->rtable->items[i])->kind == RTE_VALUES)
					vr = sq->rtable->items[i];
			if (vr) {
				for (int r = 0; r < qry_list_len(vr->values_lists); r++) {
					qry_list *row = vr->values_lists->items[r];
					for (int k = 0; k < qry_list_len(row) && k < nattnos; k++) {
						qry_expr *x = row->items[k];
						int a = attnos[k];
						const cat_attribute *att = &rel->atts[a - 1];
						bool is_def = x->kind == QE_SETTODEFAULT;
						check_assign_generated(ps, rel, a, is_def, s->override, anl_expr_loc(x), false);
						if (is_def)
							row->items[k] = default_or_null(ps, rel, a);
						else
							row->items[k] = anl_coerce_assign(ps, x, att->type, att->typmod, att->name,
							                                  anl_expr_loc(x));
					}
				}
				/* the VALUES columns now have the target columns' types */
				for (int k = 0; k < qry_list_len(vr->colnames) && k < nattnos; k++) {
					const cat_attribute *att = &rel->atts[attnos[k] - 1];
					vr->coltypes->items[k] = (void *)(uintptr_t)att->type;
					vr->coltypmods->items[k] = (void *)(intptr_t)att->typmod;
					qry_target *t = sq->targets->items[k];
					t->expr->type = att->type;
					t->expr->typmod = att->typmod;
				}
			}
		}
		qry_rte *rte = palloc0(sizeof(*rte));
		rte->kind = RTE_SUBQUERY;
		rte->subquery = sq;
		rte->alias = pstrdup("*SELECT*");
		for (int i = 0; i < qry_list_len(sq->targets); i++) {
			qry_target *t = sq->targets->items[i];
			if (t->resjunk)
				continue;
			rte->colnames = qry_list_append(rte->colnames, t->name ? t->name : "?column?");
			rte->coltypes = qry_list_append(rte->coltypes, (void *)(uintptr_t)t->expr->type);
			rte->coltypmods = qry_list_append(rte->coltypmods, (void *)(intptr_t)t->expr->typmod);
		}
		rte->in_from = true;
		int sri = anl_add_rte(ps, rte);
		qry_jointree *rr = palloc0(sizeof(*rr));
		rr->kind = QJ_RANGEREF;
		rr->rtindex = sri;
		ps->joinlist = qry_list_append(ps->joinlist, rr);
		for (int i = 0; i < n; i++) {
			qry_target *t = sq->targets->items[i];
			if (t->expr->type == UNKNOWNOID && !sel->valuesLists && !sq->setops) {
				/* an unknown literal of the SELECT takes the column's type there */
				const cat_attribute *att = &rel->atts[attnos[i] - 1];
				t->expr = anl_coerce_assign(ps, t->expr, att->type, att->typmod, att->name,
				                            anl_expr_loc(t->expr));
				rte->coltypes->items[i] = (void *)(uintptr_t)t->expr->type;
				rte->coltypmods->items[i] = (void *)(intptr_t)t->expr->typmod;
			}
			qry_expr *v = anl_make_rte_var(ps, sri, i + 1, 0, anl_expr_loc(t->expr));
			vals[attnos[i]] = sel->valuesLists ? v : v;
			vlocs[attnos[i]] = anl_expr_loc(t->expr);
			if (sel->valuesLists) {
				/* already coerced per row above; mark so assign_value keeps it */
			}
		}
		nattnos = n;
		q->has_sublinks = sub->has_sublinks;
	}
	/* every column gets a value: given, default, or nothing (NULL, left to the executor) */
	for (int a = 1; a <= rel->natts; a++) {
		const cat_attribute *att = &rel->atts[a - 1];
		if (att->dropped)
			continue;
		qry_expr *e = vals[a];
		if (e) {
			e = assign_value(ps, rel, a, e, s->override, false, vlocs[a]);
		} else {
			if (att->generated)
				continue;   /* computed by the executor from generated_expr */
			e = anl_column_default(ps, rel, a);
			if (!e)
				continue;
		}
		q->targets = qry_list_append(q->targets, anl_make_target(e, a, att->name, false));
	}
	rel = target_rel(ps, rti);
	if (s->onConflictClause)
		on_conflict(ps, q, rel, s->onConflictClause, rti);
	/* RETURNING sees the target table (or the view it was named by) */
	if (s->returningList) {
		qry_list *save = ps->ns;
		ps->ns = NULL;
		anl_add_ns(ps, ps->vt ? ps->vt->view_rti : rti, true, true);
		q->returning = anl_returning(ps, s->returningList);
		ps->ns = save;
	}
	q->rtable = ps->rtable;
	qry_jointree *jt = palloc0(sizeof(*jt));
	jt->kind = QJ_FROM;
	jt->fromlist = ps->joinlist;
	q->jointree = jt;
	q->has_sublinks = q->has_sublinks || ps->has_sublinks;
	finish_view_target(ps, q);
	(void)relname;
	return q;
}

/* ---- UPDATE and DELETE ------------------------------------------------------------------- */

/* The start of UPDATE / DELETE: WITH, the target (first in the join list) and FROM/USING. */
static qry_query *
dml_start(anl_pstate *ps, qry_cmd cmd, WithClause *with, RangeVar *target, ast_list *from)
{
	qry_query *q = palloc0(sizeof(*q));
	q->cmd = cmd;
	ps->query = q;
	anl_with_clause(ps, q, with);
	int rti = setup_target(ps, target, true);
	q->result_rel = rti;
	qry_jointree *self = palloc0(sizeof(*self));
	self->kind = QJ_RANGEREF;
	self->rtindex = rti;
	ps->joinlist = qry_list_append(ps->joinlist, self);
	anl_transform_from(ps, from);
	return q;
}

static void
dml_finish(anl_pstate *ps, qry_query *q, qry_expr *where)
{
	q->rtable = ps->rtable;
	qry_jointree *jt = palloc0(sizeof(*jt));
	jt->kind = QJ_FROM;
	jt->fromlist = ps->joinlist;
	jt->where = where;
	q->jointree = jt;
	q->has_sublinks = ps->has_sublinks;
	finish_view_target(ps, q);
}

qry_query *
anl_update(anl_pstate *ps, UpdateStmt *s)
{
	qry_query *q = dml_start(ps, QC_UPDATE, s->withClause, s->relation, s->fromClause);
	int rti = q->result_rel;
	qry_expr *where = anl_bool_expr(ps, s->whereClause, EK_WHERE, "WHERE");
	const cat_relation *rel = target_rel(ps, rti);
	for (int i = 0; i < ast_list_length(s->targetList); i++) {
		ResTarget *rt = ast_list_nth(s->targetList, i);
		int a = target_attno(ps, rel, rt->name, rt->hdr.loc, true);
		check_indirection(ps, rel, a, rt);
		qry_expr *e = set_source(ps, rt);
		for (int k = 0; k < qry_list_len(q->targets); k++)
			if (((qry_target *)q->targets->items[k])->resno == a)
				ph_error("42601", "multiple assignments to same column \"%s\"", rt->name);
		e = assign_value(ps, rel, a, e, 0, true, rt->hdr.loc);
		rel = target_rel(ps, rti);
		q->targets = qry_list_append(q->targets, anl_make_target(e, a, rt->name, false));
	}
	q->returning = anl_returning(ps, s->returningList);
	if (ps->has_aggs)
		ANL_ERROR(ps, s->hdr.loc, "42803", "aggregate functions are not allowed in UPDATE");
	dml_finish(ps, q, where);
	return q;
}

/* ---- DELETE -------------------------------------------------------------------------------- */

qry_query *
anl_delete(anl_pstate *ps, DeleteStmt *s)
{
	qry_query *q = dml_start(ps, QC_DELETE, s->withClause, s->relation, s->usingClause);
	qry_expr *where = anl_bool_expr(ps, s->whereClause, EK_WHERE, "WHERE");
	q->returning = anl_returning(ps, s->returningList);
	dml_finish(ps, q, where);
	return q;
}
