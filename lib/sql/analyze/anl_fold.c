/*
 * anl_fold.c — constant folding: immutable functions and casts over constants become
 * constants (PostgreSQL's eval_const_expressions, simplified).  The planner calls it; a
 * function that raises on its constant arguments raises here, as PostgreSQL's planner does
 * for SELECT 1/0.  Parameters are never folded (a prepared statement's plan must stay
 * valid for every value).
 */
#include "sql/analyze/anl_int.h"

static bool
all_const(qry_list *args)
{
	for (int i = 0; i < qry_list_len(args); i++)
		if (((qry_expr *)args->items[i])->kind != QE_CONST)
			return false;
	return true;
}

static qry_expr *
fold_node(qry_expr *e, void *arg)
{
	switch (e->kind) {
	case QE_FUNC: {
		const ty_func *fn = e->u.func.fn;
		if (!fn || fn->volatility != FN_IMMUTABLE || (fn->flags & (FN_RETSET | FN_AGG | FN_WINDOW)) ||
		    !all_const(e->u.func.args))
			return NULL;
		int n = qry_list_len(e->u.func.args);
		if (n > FUNC_MAX_ARGS)
			return NULL;
		Datum args[FUNC_MAX_ARGS];
		bool nulls[FUNC_MAX_ARGS];
		Oid types[FUNC_MAX_ARGS];
		for (int i = 0; i < n; i++) {
			qry_expr *a = e->u.func.args->items[i];
			args[i] = a->u.c.value;
			nulls[i] = a->u.c.isnull;
			types[i] = a->type;
		}
		fn_call c;
		fn_call_init(&c, fn, n, args, nulls, types);
		c.rettype = e->type;
		c.rettypmod = e->typmod;
		Datum v = fn_invoke(&c);
		qry_expr *r = qry_make_const(e->type, e->typmod, v, c.isnull);
		r->loc = e->loc;
		return r;
	}
	case QE_RELABEL: {
		qry_expr *a = e->u.coerce.arg;
		if (a->kind != QE_CONST)
			return NULL;
		qry_expr *r = qry_make_const(e->type, e->typmod, a->u.c.value, a->u.c.isnull);
		r->loc = a->loc;
		return r;
	}
	case QE_COERCEVIAIO: {
		qry_expr *a = e->u.coerce.arg;
		if (a->kind != QE_CONST || a->type == UNKNOWNOID)
			return NULL;
		const ty_type *t = ty_get(e->type);
		if (!t)
			return NULL;
		if (a->u.c.isnull)
			return qry_make_const(e->type, e->typmod, 0, true);
		char *s = ty_output(a->type, a->u.c.value);
		return qry_make_const(e->type, e->typmod, ty_input(e->type, s, -1), false);
	}
	case QE_TYPMOD: {
		qry_expr *a = e->u.typmod.arg;
		if (a->kind != QE_CONST)
			return NULL;
		if (a->u.c.isnull)
			return qry_make_const(e->type, e->typmod, 0, true);
		return qry_make_const(e->type, e->typmod,
		                      ty_coerce_typmod(a->u.c.value, e->type, e->typmod,
		                                       e->u.typmod.is_explicit),
		                      false);
	}
	case QE_BOOL: {
		/* AND/OR with a deciding constant, NOT of a constant */
		if (e->u.boolexpr.op == QB_NOT) {
			qry_expr *a = e->u.boolexpr.args->items[0];
			if (a->kind == QE_CONST)
				return qry_make_const(BOOLOID, -1, BoolGetDatum(!DatumGetBool(a->u.c.value)),
				                      a->u.c.isnull);
			return NULL;
		}
		bool is_and = e->u.boolexpr.op == QB_AND;
		bool any_null = false;
		qry_list *rest = NULL;
		for (int i = 0; i < qry_list_len(e->u.boolexpr.args); i++) {
			qry_expr *a = e->u.boolexpr.args->items[i];
			if (a->kind == QE_CONST) {
				if (a->u.c.isnull)
					any_null = true;
				else if (DatumGetBool(a->u.c.value) != is_and)
					return qry_make_const(BOOLOID, -1, BoolGetDatum(!is_and), false);
				continue;
			}
			rest = qry_list_append(rest, a);
		}
		if (!rest)
			return qry_make_const(BOOLOID, -1, BoolGetDatum(is_and), any_null);
		if (any_null)
			rest = qry_list_append(rest, qry_make_const(BOOLOID, -1, 0, true));
		if (qry_list_len(rest) == 1)
			return rest->items[0];
		e->u.boolexpr.args = rest;
		return NULL;
	}
	case QE_NULLTEST: {
		qry_expr *a = e->u.nulltest.arg;
		if (a->kind != QE_CONST)
			return NULL;
		bool isnull = a->u.c.isnull;
		return qry_make_const(BOOLOID, -1,
		                      BoolGetDatum(e->u.nulltest.test == QN_IS_NULL ? isnull : !isnull), false);
	}
	default:
		return NULL;
	}
}

qry_expr *
anl_fold_constants(qry_expr *e)
{
	return qry_mutate_expr(e, fold_node, NULL);
}
