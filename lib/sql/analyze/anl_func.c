/*
 * anl_func.c — function calls, aggregates, window functions and set-returning functions
 * (PostgreSQL's parse_func.c and parse_agg.c): resolution through lib/types, placement
 * rules, and the GROUP BY check of ungrouped columns.
 */
#include "sql/analyze/anl_int.h"

static anl_pstate *
level_up(anl_pstate *ps, int levels)
{
	while (levels-- > 0 && ps->parent)
		ps = ps->parent;
	return ps;
}

/* Where aggregates (window == false) or window functions may not appear: the text after
 * "aggregate functions are not allowed in " (NULL when allowed). */
static const char *
agg_forbidden(anl_ekind k, bool window)
{
	switch (k) {
	case EK_JOIN_ON: return "JOIN conditions";
	case EK_JOIN_USING: return "JOIN conditions";
	case EK_FROM_SUBSELECT: return "FROM clause of their own query level";
	case EK_FROM_FUNCTION: return "functions in FROM";
	case EK_WHERE: return "WHERE";
	case EK_HAVING: return window ? "HAVING" : NULL;
	case EK_FILTER: return "FILTER";
	case EK_WINDOW_PARTITION: return window ? "window definitions" : NULL;
	case EK_WINDOW_ORDER: return window ? "window definitions" : NULL;
	case EK_WINDOW_FRAME_RANGE: return window ? "window definitions" : "window RANGE";
	case EK_WINDOW_FRAME_ROWS: return window ? "window definitions" : "window ROWS";
	case EK_WINDOW_FRAME_GROUPS: return window ? "window definitions" : "window GROUPS";
	case EK_SELECT_TARGET: return NULL;
	case EK_INSERT_TARGET:
	case EK_UPDATE_SOURCE:
	case EK_UPDATE_TARGET: return window ? "UPDATE" : "UPDATE";
	case EK_GROUP_BY: return "GROUP BY";
	case EK_ORDER_BY: return NULL;
	case EK_DISTINCT_ON: return NULL;
	case EK_LIMIT: return "LIMIT";
	case EK_OFFSET: return "OFFSET";
	case EK_RETURNING: return "RETURNING";
	case EK_VALUES:
	case EK_VALUES_SINGLE: return "VALUES";
	case EK_CHECK_CONSTRAINT: return "check constraints";
	case EK_COLUMN_DEFAULT: return "DEFAULT expressions";
	case EK_INDEX_EXPRESSION: return "index expressions";
	case EK_INDEX_PREDICATE: return "index predicates";
	case EK_ALTER_COL_TRANSFORM: return "transform expressions";
	case EK_EXECUTE_PARAMETER: return "EXECUTE parameters";
	case EK_GENERATED_COLUMN: return "column generation expressions";
	case EK_CALL_ARGUMENT: return "CALL arguments";
	case EK_COPY_WHERE: return "COPY FROM WHERE conditions";
	case EK_CYCLE_MARK: return "CYCLE";
	default: return NULL;
	}
}

void
anl_check_agg_placement(anl_pstate *ps, int loc, bool window)
{
	const char *where = agg_forbidden(ps->ekind, window);
	if (!where)
		return;
	if (window)
		ANL_ERROR(ps, loc, "42P20", "window functions are not allowed in %s", where);
	ANL_ERROR(ps, loc, "42803", "aggregate functions are not allowed in %s", where);
}

static bool
srf_walker(qry_expr *e, void *arg)
{
	return (e->kind == QE_FUNC && e->u.func.retset);
}

bool
anl_expr_has_srf(qry_expr *e)
{
	return qry_walk_expr(e, srf_walker, NULL);
}

void
anl_check_srf_placement(anl_pstate *ps, int loc)
{
	const char *where = NULL;
	switch (ps->ekind) {
	case EK_SELECT_TARGET:
	case EK_FROM_FUNCTION:
	case EK_UPDATE_SOURCE:
	case EK_RETURNING:
	case EK_VALUES:
	case EK_OTHER:
		ps->has_target_srfs = ps->has_target_srfs || ps->ekind == EK_SELECT_TARGET ||
		                      ps->ekind == EK_UPDATE_SOURCE || ps->ekind == EK_RETURNING;
		return;
	case EK_ORDER_BY:
	case EK_GROUP_BY:
	case EK_DISTINCT_ON:
		ps->has_target_srfs = true;
		return;
	default:
		where = anl_ekind_name(ps->ekind);
		break;
	}
	switch (ps->ekind) {
	case EK_CHECK_CONSTRAINT: where = "check constraints"; break;
	case EK_COLUMN_DEFAULT: where = "DEFAULT expressions"; break;
	case EK_INDEX_EXPRESSION: where = "index expressions"; break;
	case EK_INDEX_PREDICATE: where = "index predicates"; break;
	case EK_JOIN_ON: where = "JOIN conditions"; break;
	case EK_GENERATED_COLUMN: where = "column generation expressions"; break;
	default: break;
	}
	ANL_ERROR(ps, loc, "0A000", "set-returning functions are not allowed in %s", where);
}

/* Lowest levelsup of the Vars in e (not inside sublinks), -1 if none. */
typedef struct minlevel_ctx {
	int min;
} minlevel_ctx;

static bool
minlevel_walker(qry_expr *e, void *arg)
{
	minlevel_ctx *c = arg;
	if (e->kind == QE_VAR && (c->min < 0 || e->u.var.levelsup < c->min))
		c->min = e->u.var.levelsup;
	if (e->kind == QE_AGGREF && (c->min < 0 || e->u.aggref.levelsup < c->min))
		c->min = e->u.aggref.levelsup;
	return false;
}

typedef struct aggin_ctx {
	int level;
	bool agg, win;
	int loc;              /* location of the first one found */
} aggin_ctx;

static bool
aggin_walker(qry_expr *e, void *arg)
{
	aggin_ctx *c = arg;
	if (e->kind == QE_AGGREF && e->u.aggref.levelsup == c->level && !c->agg) {
		c->agg = true;
		if (!c->win)
			c->loc = e->loc;
	}
	if (e->kind == QE_WINDOWFUNC && c->level == 0 && !c->win) {
		c->win = true;
		if (!c->agg)
			c->loc = e->loc;
	}
	return false;
}

bool
anl_contains_aggs_at(qry_expr *e, int levelsup)
{
	aggin_ctx c = {levelsup, false, false, -1};
	qry_walk_expr(e, aggin_walker, &c);
	return c.agg;
}

qry_expr *
anl_make_func(anl_pstate *ps, const ty_func *fn, qry_list *args, Oid rettype, int loc)
{
	qry_expr *e = qry_make_expr(QE_FUNC, rettype, -1, loc);
	e->u.func.fn = fn;
	e->u.func.args = args;
	e->u.func.retset = fn && (fn->flags & FN_RETSET);
	return e;
}

static qry_expr *
default_arg(anl_pstate *ps, const ty_func *fn, int argno)
{
	int first = fn->nargs - fn->ndefaults;
	const char *txt = fn->defaults[argno - first];
	Oid t = fn->argtypes[argno];
	if (!txt)
		return anl_make_null_const(t, -1);
	return qry_make_const(t, -1, ty_input(t, txt, -1), false);
}

static void
agg_order_by(anl_pstate *ps, qry_expr *agg, FuncCall *fc)
{
	for (int i = 0; i < ast_list_length(fc->agg_order); i++) {
		SortBy *sb = ast_list_nth(fc->agg_order, i);
		qry_expr *x = anl_expr_sub(ps, sb->node);
		x = anl_resolve_unknown(ps, x);
		int ref = 0;
		for (int k = 0; k < qry_list_len(agg->u.aggref.args); k++)
			if (qry_equal_expr(agg->u.aggref.args->items[k], x)) {
				ref = k + 1;
				break;
			}
		if (!ref) {
			if (fc->agg_distinct)
				ANL_ERROR(ps, sb->node->loc, "42P10",
				          "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list");
			agg->u.aggref.args = qry_list_append(agg->u.aggref.args, x);
			agg->u.aggref.nextra++;
			ref = qry_list_len(agg->u.aggref.args);
		}
		qry_sortgroup *sg = palloc0(sizeof(*sg));
		sg->ref = ref;
		sg->type = x->type;
		sg->descending = sb->sortby_dir == SORTBY_DESC;
		sg->nulls_first = sb->sortby_nulls == SORTBY_NULLS_DEFAULT ? sg->descending
		                                                          : sb->sortby_nulls == SORTBY_NULLS_FIRST;
		const ty_oper *op = ty_ordering_op(x->type, sg->descending);
		if (!op) {
			ERR_BEGIN("42883");
			err_position(anl_pos(ps, sb->node->loc));
			err_hint("Use an explicit ordering operator or modify the query.");
			err_throw("could not identify an ordering operator for type %s", anl_type_name(x->type));
		}
		sg->cmpfn = op->fn;
		const ty_oper *eq = ty_equality_op(x->type);
		sg->eqfn = eq ? eq->fn : NULL;
		agg->u.aggref.order = qry_list_append(agg->u.aggref.order, sg);
	}
}

/* Aggregate decorations on a plain function (PostgreSQL's messages, in its order). */
static void
not_aggregate_checks(anl_pstate *ps, FuncCall *fc, const char *name, int loc)
{
	if (fc->agg_star)
		ANL_ERROR(ps, loc, "42809", "%s(*) specified, but %s is not an aggregate function", name, name);
	if (fc->agg_distinct)
		ANL_ERROR(ps, loc, "42809", "DISTINCT specified, but %s is not an aggregate function", name);
	if (fc->agg_within_group)
		ANL_ERROR(ps, loc, "42809", "WITHIN GROUP specified, but %s is not an aggregate function", name);
	if (fc->agg_order)
		ANL_ERROR(ps, loc, "42809", "ORDER BY specified, but %s is not an aggregate function", name);
	if (fc->agg_filter)
		ANL_ERROR(ps, loc, "42809", "FILTER specified, but %s is not an aggregate function", name);
	if (fc->over)
		ANL_ERROR(ps, loc, "42809", "OVER specified, but %s is not a window function nor an aggregate function",
		          name);
}

static bool
srf_loc_walker(qry_expr *e, void *arg)
{
	if (e->kind == QE_FUNC && e->u.func.retset) {
		*(int *)arg = e->loc;
		return true;
	}
	return false;
}

qry_expr *
anl_func_call(anl_pstate *ps, FuncCall *fc)
{
	int loc = fc->hdr.loc;
	const char *name = anl_name_last(fc->funcname);
	int nn = ast_list_length(fc->funcname);
	if (nn > 1) {
		const char *schema = ast_strval(ast_list_nth(fc->funcname, nn - 2));
		if (strcmp(schema, "pg_catalog") != 0 && cat_lookup_namespace(ps->ctx->params->db, schema) ==
		                                             InvalidOid)
			ANL_ERROR(ps, loc, "3F000", "schema \"%s\" does not exist", schema);
	}
	qry_list *args = NULL;
	bool named = false;
	for (int i = 0; i < ast_list_length(fc->args); i++) {
		ast_node *a = ast_list_nth(fc->args, i);
		if (AST_IS(a, NamedArgExpr)) {
			named = true;
			args = qry_list_append(args, anl_expr_sub(ps, ((NamedArgExpr *)a)->arg));
		} else
			args = qry_list_append(args, anl_expr_sub(ps, a));
	}
	if (named) {
		/* built-in functions have no argument names: no candidate can match */
		ty_buf b;
		ty_buf_init(&b, 64);
		ty_buf_printf(&b, "%s(", anl_name_join(fc->funcname));
		for (int i = 0; i < ast_list_length(fc->args); i++) {
			ast_node *a = ast_list_nth(fc->args, i);
			ty_buf_printf(&b, "%s", i ? ", " : "");
			if (AST_IS(a, NamedArgExpr))
				ty_buf_printf(&b, "%s => ", ((NamedArgExpr *)a)->name);
			ty_buf_puts(&b, anl_type_name(((qry_expr *)args->items[i])->type));
		}
		ty_buf_putc(&b, ')');
		ERR_BEGIN("42883");
		err_position(anl_pos(ps, loc));
		err_hint("No function matches the given name and argument types. You might need to add explicit type casts.");
		err_throw("function %s does not exist", b.data);
	}
	int nargs = qry_list_len(args);
	if (nargs > FUNC_MAX_ARGS)
		ANL_ERROR(ps, loc, "54023", "cannot pass more than %d arguments to a function",
		          FUNC_MAX_ARGS);
	Oid types[FUNC_MAX_ARGS];
	for (int i = 0; i < nargs; i++)
		types[i] = ((qry_expr *)args->items[i])->type;
	ty_resolution res;
	if (nn > 1 && strcmp(ast_strval(ast_list_nth(fc->funcname, nn - 2)), "pg_catalog") != 0) {
		/* user schemas hold no callable functions yet */
		ty_buf b;
		ty_buf_init(&b, 64);
		ty_buf_printf(&b, "%s(", anl_name_join(fc->funcname));
		for (int i = 0; i < nargs; i++)
			ty_buf_printf(&b, "%s%s", i ? ", " : "", anl_type_name(types[i]));
		ty_buf_putc(&b, ')');
		ERR_BEGIN("42883");
		err_position(anl_pos(ps, loc));
		err_hint("No function matches the given name and argument types. You might need to add explicit type casts.");
		err_throw("function %s does not exist", b.data);
	}
	const ty_func *seqf = anl_extra_function(name, nargs, types);
	if (seqf) {
		/* a function of the analyzer's extra table (anl_seq.c): nextval('seq') ... */
		qry_list *sargs = NULL;
		for (int i = 0; i < nargs; i++) {
			qry_expr *a = args->items[i];
			Oid t = seqf->argtypes[i];
			if (t == REGCLASSOID && a->kind == QE_CONST && !a->u.c.isnull &&
			    (a->type == UNKNOWNOID || a->type == TEXTOID))
				a = anl_regclass_const(ps, a->type == UNKNOWNOID ? DatumGetPointer(a->u.c.value)
				                                                 : ty_text_to_cstring(a->u.c.value),
				                       anl_expr_loc(a));
			else
				a = anl_coerce(ps, a, t, -1, COERCION_IMPLICIT, anl_expr_loc(a));
			sargs = qry_list_append(sargs, a);
		}
		for (int i = nargs; i < seqf->nargs; i++)
			sargs = qry_list_append(sargs, default_arg(ps, seqf, i));
		not_aggregate_checks(ps, fc, name, loc);
		qry_expr *e = anl_make_func(ps, seqf, sargs, seqf->rettype, loc);
		if (e->u.func.retset)
			anl_check_srf_placement(ps, loc);
		return e;
	}
	ty_resolve_function(name, nargs, types, anl_pos(ps, loc), &res);
	if (!res.fn) {
		/* a type name used as a function: an explicit cast of the one argument */
		not_aggregate_checks(ps, fc, name, loc);
		qry_expr *a = args->items[0];
		qry_expr *r = anl_coerce_try(ps, a, res.rettype, -1, COERCION_EXPLICIT, true, loc);
		if (!r)
			ANL_ERROR(ps, loc, "42846", "cannot cast type %s to %s", anl_type_name(a->type),
			          anl_type_name(res.rettype));
		return r;
	}
	const ty_func *fn = res.fn;
	bool is_agg = (fn->flags & FN_AGG) != 0, is_win = (fn->flags & FN_WINDOW) != 0;
	/* coerce the arguments */
	qry_list *cargs = NULL;
	for (int i = 0; i < nargs; i++) {
		qry_expr *a = args->items[i];
		Oid t = res.argtarget[i];
		if (t == InvalidOid || t == ANYOID)
			t = a->type == UNKNOWNOID ? TEXTOID : a->type;
		if (a->type == UNKNOWNOID && (t == UNKNOWNOID || ty_is_polymorphic(t)))
			t = TEXTOID;
		cargs = qry_list_append(cargs, anl_coerce(ps, a, t, -1, COERCION_IMPLICIT, anl_expr_loc(a)));
	}
	for (int i = nargs; i < nargs + res.ndefaults && i < fn->nargs; i++)
		cargs = qry_list_append(cargs, default_arg(ps, fn, i));
	if (!is_agg && !is_win) {
		not_aggregate_checks(ps, fc, name, loc);
		qry_expr *e = anl_make_func(ps, fn, cargs, res.rettype, loc);
		e->u.func.variadic = fc->func_variadic;
		if (e->u.func.retset)
			anl_check_srf_placement(ps, loc);
		return e;
	}
	if (fc->agg_within_group)
		ANL_ERROR(ps, loc, "0A000", "ordered-set aggregates are not supported");
	if (is_win && !fc->over)
		ANL_ERROR(ps, loc, "42809", "window function %s requires an OVER clause", name);
	if (fc->over) {
		/* window function (or aggregate used as one) */
		if (fc->agg_distinct)
			ANL_ERROR(ps, loc, "0A000", "DISTINCT is not implemented for window functions");
		if (fc->agg_order)
			ANL_ERROR(ps, loc, "0A000", "aggregate ORDER BY is not implemented for window functions");
		if (fc->agg_filter && !is_agg)
			ANL_ERROR(ps, loc, "0A000", "FILTER is not implemented for non-aggregate window functions");
		anl_check_agg_placement(ps, loc, true);
		for (int i = 0; i < qry_list_len(cargs); i++) {
			aggin_ctx c = {0, false, false, -1};
			qry_walk_expr(cargs->items[i], aggin_walker, &c);
			if (c.win)
				ANL_ERROR(ps, loc, "42P20", "window function calls cannot be nested");
		}
		qry_expr *e = qry_make_expr(QE_WINDOWFUNC, res.rettype, -1, loc);
		e->u.windowfunc.fn = fn;
		e->u.windowfunc.args = cargs;
		e->u.windowfunc.star = fc->agg_star;
		e->u.windowfunc.is_agg = is_agg;
		if (fc->agg_filter) {
			anl_ekind save = ps->ekind;
			ps->ekind = EK_FILTER;
			e->u.windowfunc.filter = anl_bool_expr(ps, fc->agg_filter, EK_FILTER, "FILTER");
			ps->ekind = save;
		}
		e->u.windowfunc.winref = anl_window_ref(ps, fc->over, loc);
		ps->has_windows = true;
		ps->winfuncs = qry_list_append(ps->winfuncs, e);
		return e;
	}
	/* plain aggregate */
	qry_expr *e = qry_make_expr(QE_AGGREF, res.rettype, -1, loc);
	e->u.aggref.fn = fn;
	e->u.aggref.args = cargs;
	e->u.aggref.star = fc->agg_star;
	e->u.aggref.distinct = fc->agg_distinct;
	if (fc->agg_order)
		agg_order_by(ps, e, fc);
	if (fc->agg_filter) {
		anl_ekind save = ps->ekind;
		e->u.aggref.filter = anl_bool_expr(ps, fc->agg_filter, EK_FILTER, "FILTER");
		ps->ekind = save;
	}
	minlevel_ctx mc = {-1};
	for (int i = 0; i < qry_list_len(e->u.aggref.args); i++)
		qry_walk_expr(e->u.aggref.args->items[i], minlevel_walker, &mc);
	qry_walk_expr(e->u.aggref.filter, minlevel_walker, &mc);
	int level = mc.min < 0 ? 0 : mc.min;
	e->u.aggref.levelsup = level;
	anl_pstate *owner = level_up(ps, level);
	anl_check_agg_placement(owner, loc, false);
	for (int i = 0; i < qry_list_len(e->u.aggref.args); i++) {
		aggin_ctx c = {level, false, false, -1};
		qry_walk_expr(e->u.aggref.args->items[i], aggin_walker, &c);
		if (c.agg)
			ANL_ERROR(ps, c.loc, "42803", "aggregate function calls cannot be nested");
		if (c.win)
			ANL_ERROR(ps, c.loc, "42803", "aggregate function calls cannot contain window function calls");
		int sloc = -1;
		if (qry_walk_expr(e->u.aggref.args->items[i], srf_loc_walker, &sloc)) {
			ERR_BEGIN("0A000");
			err_position(anl_pos(ps, sloc));
			err_hint("You might be able to move the set-returning function into a LATERAL FROM item.");
			err_throw("aggregate function calls cannot contain set-returning function calls");
		}
	}
	owner->has_aggs = true;
	return e;
}

/* ---- windows ------------------------------------------------------------------------------- */

int
anl_window_ref(anl_pstate *ps, WindowDef *wd, int loc)
{
	bool name_only = wd->name && !wd->refname && !wd->partitionClause && !wd->orderClause &&
	                 !(wd->frameOptions & FRAMEOPTION_NONDEFAULT);
	if (name_only) {
		for (int i = 0; i < ast_list_length(ps->window_defs); i++) {
			WindowDef *d = ast_list_nth(ps->window_defs, i);
			if (strcmp(d->name, wd->name) == 0)
				return i + 1;
		}
		ANL_ERROR(ps, wd->hdr.loc >= 0 ? wd->hdr.loc : loc, "42704", "window \"%s\" does not exist",
		          wd->name);
	}
	for (int i = 0; i < qry_list_len(ps->raw_windows); i++) {
		WindowDef *d = ps->raw_windows->items[i];
		if (ast_equal(d, wd))
			return ast_list_length(ps->window_defs) + i + 1;
	}
	ps->raw_windows = qry_list_append(ps->raw_windows, wd);
	return ast_list_length(ps->window_defs) + qry_list_len(ps->raw_windows);
}

static qry_expr *
frame_offset(anl_pstate *ps, ast_node *n, int opts, qry_window *w, qry_query *q)
{
	if (!n)
		return NULL;
	anl_ekind k = (opts & FRAMEOPTION_ROWS) ? EK_WINDOW_FRAME_ROWS
	              : (opts & FRAMEOPTION_GROUPS) ? EK_WINDOW_FRAME_GROUPS : EK_WINDOW_FRAME_RANGE;
	qry_expr *e = anl_expr(ps, n, k);
	if (qry_contains_kind(e, QE_VAR))
		ANL_ERROR(ps, n->loc, "42P10", "argument of %s must not contain variables",
		          (opts & FRAMEOPTION_ROWS) ? "ROWS" : (opts & FRAMEOPTION_GROUPS) ? "GROUPS" : "RANGE");
	if (k != EK_WINDOW_FRAME_RANGE)
		return anl_coerce_to_specific(ps, e, INT8OID, k == EK_WINDOW_FRAME_ROWS ? "ROWS" : "GROUPS");
	/* RANGE offset: the ORDER BY column's type for numbers, interval for date/time */
	qry_sortgroup *sg = w->order->items[0];
	Oid t = sg->type;
	char cat = ty_category(t);
	Oid want = (cat == TYPCAT_DATETIME || cat == TYPCAT_TIMESPAN) ? INTERVALOID : t;
	if (cat != TYPCAT_NUMERIC && cat != TYPCAT_DATETIME && cat != TYPCAT_TIMESPAN)
		ANL_ERROR(ps, n->loc, "0A000",
		          "RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s",
		          anl_type_name(t));
	return anl_coerce(ps, e, want, -1, COERCION_IMPLICIT, n->loc);
}

static qry_window *
build_window(anl_pstate *ps, qry_query *q, WindowDef *wd, int winref)
{
	qry_window *w = palloc0(sizeof(*w));
	w->winref = winref;
	w->name = wd->name ? pstrdup(wd->name) : NULL;
	WindowDef *ref = NULL;
	if (wd->refname) {
		for (int i = 0; i < ast_list_length(ps->window_defs); i++) {
			WindowDef *d = ast_list_nth(ps->window_defs, i);
			if (d->name && strcmp(d->name, wd->refname) == 0 && d != wd) {
				ref = d;
				break;
			}
		}
		if (!ref)
			ANL_ERROR(ps, wd->hdr.loc, "42704", "window \"%s\" does not exist", wd->refname);
		if (wd->partitionClause)
			ANL_ERROR(ps, wd->hdr.loc, "42P20", "cannot override PARTITION BY clause of window \"%s\"",
			          wd->refname);
		if (wd->orderClause && ref->orderClause)
			ANL_ERROR(ps, wd->hdr.loc, "42P20", "cannot override ORDER BY clause of window \"%s\"",
			          wd->refname);
		if (ref->frameOptions & FRAMEOPTION_NONDEFAULT) {
			ERR_BEGIN("42P20");
			err_position(anl_pos(ps, wd->hdr.loc));
			if (!wd->partitionClause && !wd->orderClause && !(wd->frameOptions & FRAMEOPTION_NONDEFAULT))
				err_hint("Omit the parentheses in this OVER clause.");
			err_throw("cannot copy window \"%s\" because it has a frame clause", wd->refname);
		}
	}
	ast_list *part = ref ? ref->partitionClause : wd->partitionClause;
	ast_list *order = wd->orderClause ? wd->orderClause : ref ? ref->orderClause : NULL;
	for (int i = 0; i < ast_list_length(part); i++) {
		ast_node *n = ast_list_nth(part, i);
		qry_target *t = anl_find_target_for(ps, q, n, EK_WINDOW_PARTITION, false);
		bool dup = false;
		for (int k = 0; k < qry_list_len(w->partition); k++)
			if (((qry_sortgroup *)w->partition->items[k])->ref == t->sortgroupref)
				dup = true;
		if (!dup)
			w->partition = qry_list_append(w->partition,
			                               anl_make_sortgroup(ps, t, q, false, SORTBY_NULLS_DEFAULT,
			                                                  NULL, n->loc, false));
	}
	for (int i = 0; i < ast_list_length(order); i++) {
		SortBy *sb = ast_list_nth(order, i);
		qry_target *t = anl_find_target_for(ps, q, sb->node, EK_WINDOW_ORDER, false);
		w->order = qry_list_append(w->order,
		                           anl_make_sortgroup(ps, t, q, sb->sortby_dir == SORTBY_DESC,
		                                              sb->sortby_nulls, sb->useOp, sb->node->loc,
		                                              true));
	}
	int opts = wd->frameOptions;
	if (!(opts & FRAMEOPTION_NONDEFAULT))
		opts = FRAMEOPTION_DEFAULTS;
	w->frame_options = opts;
	if ((opts & FRAMEOPTION_RANGE) &&
	    (opts & (FRAMEOPTION_START_OFFSET_PRECEDING | FRAMEOPTION_END_OFFSET_PRECEDING |
	             FRAMEOPTION_START_OFFSET_FOLLOWING | FRAMEOPTION_END_OFFSET_FOLLOWING)) &&
	    qry_list_len(w->order) != 1)
		ANL_ERROR(ps, wd->hdr.loc, "42P20",
		          "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column");
	if ((opts & FRAMEOPTION_GROUPS) && qry_list_len(w->order) == 0)
		ANL_ERROR(ps, wd->hdr.loc, "42P20", "GROUPS mode requires an ORDER BY clause");
	w->start_offset = frame_offset(ps, wd->startOffset, opts, w, q);
	w->end_offset = frame_offset(ps, wd->endOffset, opts, w, q);
	return w;
}

void
anl_transform_windows(anl_pstate *ps, qry_query *q)
{
	int nnamed = ast_list_length(ps->window_defs);
	for (int i = 0; i < nnamed; i++) {
		WindowDef *d = ast_list_nth(ps->window_defs, i);
		for (int k = 0; k < i; k++) {
			WindowDef *o = ast_list_nth(ps->window_defs, k);
			if (strcmp(o->name, d->name) == 0) {
				/* PostgreSQL points at the definition's parenthesis */
				int loc = d->hdr.loc;
				if (loc >= 0 && ps->text) {
					const char *p = strchr(ps->text + loc, '(');
					if (p)
						loc = (int)(p - ps->text);
				}
				ANL_ERROR(ps, loc, "42P20", "window \"%s\" is already defined", d->name);
			}
		}
	}
	for (int i = 0; i < nnamed; i++)
		q->window_clause = qry_list_append(q->window_clause,
		                                   build_window(ps, q, ast_list_nth(ps->window_defs, i), i + 1));
	for (int i = 0; i < qry_list_len(ps->raw_windows); i++) {
		WindowDef *d = ps->raw_windows->items[i];
		qry_window *w = build_window(ps, q, d, nnamed + i + 1);
		w->name = NULL;
		q->window_clause = qry_list_append(q->window_clause, w);
	}
}

/* ---- GROUP BY check ------------------------------------------------------------------------ */

typedef struct group_ctx {
	anl_pstate *ps;
	qry_query *q;
	qry_list *groupexprs;      /* qry_expr* of the GROUP BY targets */
	qry_list *fd_rels;         /* rtindexes whose primary key is fully grouped */
	int sublevels;             /* depth inside sublinks */
	bool in_having;
} group_ctx;

static void check_ungrouped_query(group_ctx *c, qry_query *sub);

static bool
is_grouped(group_ctx *c, qry_expr *e)
{
	if (c->sublevels > 0) {
		/* inside a subquery: a Var of the checked level compares at that level */
		if (e->kind != QE_VAR || e->u.var.levelsup != c->sublevels)
			return false;
		qry_expr v = *e;
		v.u.var.levelsup = 0;
		for (int i = 0; i < qry_list_len(c->groupexprs); i++)
			if (qry_equal_expr(c->groupexprs->items[i], &v))
				return true;
		return false;
	}
	for (int i = 0; i < qry_list_len(c->groupexprs); i++)
		if (qry_equal_expr(c->groupexprs->items[i], e))
			return true;
	return false;
}

static bool
group_walker(qry_expr *e, void *arg)
{
	group_ctx *c = arg;
	if (e->kind == QE_AGGREF && e->u.aggref.levelsup == c->sublevels)
		return false != false;  /* do not descend: handled below by returning true-like */
	if (is_grouped(c, e))
		return false;
	if (e->kind == QE_VAR && e->u.var.levelsup == c->sublevels) {
		for (int i = 0; i < qry_list_len(c->fd_rels); i++)
			if (QRY_INT(c->fd_rels->items[i]) == e->u.var.varno)
				return false;
		qry_rte *rte = anl_rte(c->ps, e->u.var.varno);
		char *col = anl_rte_colname(rte, e->u.var.attno);
		if (c->sublevels == 0)
			ANL_ERROR(c->ps, e->loc, "42803",
			          "column \"%s.%s\" must appear in the GROUP BY clause or be used in an aggregate function",
			          rte->alias, col);
		ANL_ERROR(c->ps, e->loc, "42803", "subquery uses ungrouped column \"%s.%s\" from outer query",
		          rte->alias, col);
	}
	return false;
}

/* Walk that skips aggregates of the checked level and grouped subtrees. */
static void
group_check(group_ctx *c, qry_expr *e)
{
	if (!e)
		return;
	if (e->kind == QE_AGGREF && e->u.aggref.levelsup == c->sublevels)
		return;
	if (e->kind == QE_GROUPING && c->sublevels == 0) {
		for (int i = 0; i < qry_list_len(e->u.grouping.args); i++)
			if (!is_grouped(c, e->u.grouping.args->items[i]))
				ANL_ERROR(c->ps, anl_expr_loc(e->u.grouping.args->items[i]), "42803",
				          "arguments to GROUPING must be grouping expressions of the associated query level");
		return;
	}
	if (is_grouped(c, e))
		return;
	if (e->kind == QE_VAR) {
		group_walker(e, c);
		return;
	}
	if (e->kind == QE_SUBLINK) {
		group_check(c, e->u.sublink.testexpr);
		c->sublevels++;
		check_ungrouped_query(c, e->u.sublink.subquery);
		c->sublevels--;
		return;
	}
	/* descend one level by hand through the generic walker */
	struct child_ctx {
		group_ctx *c;
		qry_expr *root;
	};
	switch (e->kind) {
	case QE_FUNC:
		for (int i = 0; i < qry_list_len(e->u.func.args); i++)
			group_check(c, e->u.func.args->items[i]);
		return;
	case QE_BOOL:
		for (int i = 0; i < qry_list_len(e->u.boolexpr.args); i++)
			group_check(c, e->u.boolexpr.args->items[i]);
		return;
	case QE_NULLTEST: group_check(c, e->u.nulltest.arg); return;
	case QE_BOOLTEST: group_check(c, e->u.booltest.arg); return;
	case QE_DISTINCT: group_check(c, e->u.distinct.l); group_check(c, e->u.distinct.r); return;
	case QE_NULLIF: group_check(c, e->u.nullif.l); group_check(c, e->u.nullif.r); return;
	case QE_SCALARARRAYOP:
		group_check(c, e->u.saop.scalar);
		group_check(c, e->u.saop.array);
		for (int i = 0; i < qry_list_len(e->u.saop.list); i++)
			group_check(c, e->u.saop.list->items[i]);
		return;
	case QE_CASE:
		group_check(c, e->u.caseexpr.testexpr);
		for (int i = 0; i < qry_list_len(e->u.caseexpr.whens); i++) {
			group_check(c, e->u.caseexpr.whens->items[i]);
			group_check(c, e->u.caseexpr.thens->items[i]);
		}
		group_check(c, e->u.caseexpr.defresult);
		return;
	case QE_COALESCE:
		for (int i = 0; i < qry_list_len(e->u.coalesce.args); i++)
			group_check(c, e->u.coalesce.args->items[i]);
		return;
	case QE_MINMAX:
		for (int i = 0; i < qry_list_len(e->u.minmax.args); i++)
			group_check(c, e->u.minmax.args->items[i]);
		return;
	case QE_AGGREF:
		/* an aggregate of an outer level: its arguments belong to that level */
		for (int i = 0; i < qry_list_len(e->u.aggref.args); i++)
			group_check(c, e->u.aggref.args->items[i]);
		return;
	case QE_WINDOWFUNC:
		for (int i = 0; i < qry_list_len(e->u.windowfunc.args); i++)
			group_check(c, e->u.windowfunc.args->items[i]);
		group_check(c, e->u.windowfunc.filter);
		return;
	case QE_COERCEVIAIO:
	case QE_RELABEL: group_check(c, e->u.coerce.arg); return;
	case QE_TYPMOD: group_check(c, e->u.typmod.arg); return;
	case QE_ARRAYCOERCE: group_check(c, e->u.arraycoerce.arg); return;
	case QE_ROW:
		for (int i = 0; i < qry_list_len(e->u.row.args); i++)
			group_check(c, e->u.row.args->items[i]);
		return;
	case QE_ARRAY:
		for (int i = 0; i < qry_list_len(e->u.array.elems); i++)
			group_check(c, e->u.array.elems->items[i]);
		return;
	case QE_SUBSCRIPT:
		group_check(c, e->u.subscript.container);
		for (int i = 0; i < qry_list_len(e->u.subscript.lower); i++)
			group_check(c, e->u.subscript.lower->items[i]);
		for (int i = 0; i < qry_list_len(e->u.subscript.upper); i++)
			group_check(c, e->u.subscript.upper->items[i]);
		return;
	default:
		return;
	}
}

static bool
sub_walker(qry_expr *e, void *arg)
{
	group_check(arg, e);
	return false;
}

static void
check_ungrouped_query(group_ctx *c, qry_query *sub)
{
	/* only Vars that reach up to the checked level matter: walk every expression */
	struct {
		int dummy;
	} unused;
	(void)unused;
	for (int i = 0; i < qry_list_len(sub->targets); i++)
		group_check(c, ((qry_target *)sub->targets->items[i])->expr);
	if (sub->jointree) {
		qry_list *stack = qry_list_make1(sub->jointree);
		while (qry_list_len(stack) > 0) {
			qry_jointree *j = stack->items[--stack->n];
			if (j->kind == QJ_FROM) {
				group_check(c, j->where);
				for (int i = 0; i < qry_list_len(j->fromlist); i++)
					stack = qry_list_append(stack, j->fromlist->items[i]);
			} else if (j->kind == QJ_JOIN) {
				group_check(c, j->quals);
				stack = qry_list_append(stack, j->larg);
				stack = qry_list_append(stack, j->rarg);
			}
		}
	}
	group_check(c, sub->having);
	for (int i = 0; i < qry_list_len(sub->rtable); i++) {
		qry_rte *r = sub->rtable->items[i];
		if (r->kind == RTE_SUBQUERY && r->subquery && r->lateral) {
			c->sublevels++;
			check_ungrouped_query(c, r->subquery);
			c->sublevels--;
		}
	}
	(void)sub_walker;
}

/* Relations whose primary key columns are all plain grouped Vars (functional dependency). */
static qry_list *
fd_relations(anl_pstate *ps, qry_list *groupexprs)
{
	qry_list *r = NULL;
	for (int i = 0; i < qry_list_len(ps->rtable); i++) {
		qry_rte *rte = ps->rtable->items[i];
		if (rte->kind != RTE_RELATION || rte->relkind != 'r')
			continue;
		const cat_relation *rel = cat_get_relation(rte->relid);
		if (!rel)
			continue;
		for (int k = 0; k < rel->nconstraints; k++) {
			const cat_constraint *con = &rel->constraints[k];
			if (con->type != CAT_CON_PRIMARY)
				continue;
			bool all = true;
			for (int a = 0; a < con->nkeys && all; a++) {
				bool found = false;
				for (int g = 0; g < qry_list_len(groupexprs); g++) {
					qry_expr *ge = groupexprs->items[g];
					if (ge->kind == QE_VAR && ge->u.var.levelsup == 0 && ge->u.var.varno == i + 1 &&
					    ge->u.var.attno == con->keys[a])
						found = true;
				}
				all = found;
			}
			if (all)
				r = qry_list_append(r, QRY_PTR(i + 1));
		}
	}
	return r;
}

void
anl_check_aggregates(anl_pstate *ps, qry_query *q)
{
	if (!ps->has_aggs && qry_list_len(q->group_clause) == 0 && !q->having)
		return;
	group_ctx c = {ps, q, NULL, NULL, 0, false};
	for (int i = 0; i < qry_list_len(q->group_clause); i++) {
		qry_sortgroup *sg = q->group_clause->items[i];
		for (int k = 0; k < qry_list_len(q->targets); k++) {
			qry_target *t = q->targets->items[k];
			if (t->sortgroupref == sg->ref)
				c.groupexprs = qry_list_append(c.groupexprs, t->expr);
		}
	}
	c.fd_rels = fd_relations(ps, c.groupexprs);
	for (int i = 0; i < qry_list_len(q->targets); i++) {
		qry_target *t = q->targets->items[i];
		group_check(&c, t->expr);
	}
	c.in_having = true;
	group_check(&c, q->having);
	for (int i = 0; i < qry_list_len(q->window_clause); i++) {
		qry_window *w = q->window_clause->items[i];
		(void)w;
	}
}
