/*
 * anl_expr.c — expressions: raw nodes (A_Expr, ColumnRef, FuncCall ...) to typed qry_expr
 * trees (PostgreSQL's parse_expr.c).  Operators resolve through lib/types (resolve.h);
 * implicit casts become explicit nodes (anl_coerce.c).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "sql/analyze/anl_int.h"

static qry_expr *transform(anl_pstate *ps, ast_node *n);

/* ---- small helpers ----------------------------------------------------------------------- */

int
anl_pos(anl_pstate *ps, int loc)
{
	if (loc < 0 || !ps || !ps->text)
		return 0;
	return parse_errposition(ps->text, loc);
}

char *
anl_type_name(Oid t)
{
	return ty_format_type(t, -1);
}

char *
anl_type_name_mod(Oid t, int32_t typmod)
{
	return ty_format_type(t, typmod);
}

const char *
anl_name_last(const ast_list *names)
{
	return ast_strval(ast_list_last(names));
}

char *
anl_name_join(const ast_list *names)
{
	ty_buf b;
	ty_buf_init(&b, 32);
	for (int i = 0; i < ast_list_length(names); i++) {
		if (i)
			ty_buf_putc(&b, '.');
		ast_node *n = ast_list_nth(names, i);
		ty_buf_puts(&b, AST_IS(n, String) ? ((String *)n)->sval : "*");
	}
	return b.data;
}

const char *
anl_ekind_name(anl_ekind k)
{
	switch (k) {
	case EK_NONE: return "invalid expression kind";
	case EK_OTHER: return "extension expression";
	case EK_JOIN_ON: return "JOIN/ON";
	case EK_JOIN_USING: return "JOIN/USING";
	case EK_FROM_SUBSELECT: return "sub-SELECT in FROM";
	case EK_FROM_FUNCTION: return "function in FROM";
	case EK_WHERE: return "WHERE";
	case EK_HAVING: return "HAVING";
	case EK_FILTER: return "FILTER";
	case EK_WINDOW_PARTITION: return "window PARTITION BY";
	case EK_WINDOW_ORDER: return "window ORDER BY";
	case EK_WINDOW_FRAME_RANGE: return "window RANGE";
	case EK_WINDOW_FRAME_ROWS: return "window ROWS";
	case EK_WINDOW_FRAME_GROUPS: return "window GROUPS";
	case EK_SELECT_TARGET: return "SELECT";
	case EK_INSERT_TARGET: return "INSERT";
	case EK_UPDATE_SOURCE:
	case EK_UPDATE_TARGET: return "UPDATE";
	case EK_GROUP_BY: return "GROUP BY";
	case EK_ORDER_BY: return "ORDER BY";
	case EK_DISTINCT_ON: return "DISTINCT ON";
	case EK_LIMIT: return "LIMIT";
	case EK_OFFSET: return "OFFSET";
	case EK_RETURNING: return "RETURNING";
	case EK_VALUES:
	case EK_VALUES_SINGLE: return "VALUES";
	case EK_CHECK_CONSTRAINT: return "CHECK";
	case EK_COLUMN_DEFAULT: return "DEFAULT";
	case EK_INDEX_EXPRESSION: return "index expression";
	case EK_INDEX_PREDICATE: return "index predicate";
	case EK_ALTER_COL_TRANSFORM: return "USING";
	case EK_EXECUTE_PARAMETER: return "EXECUTE";
	case EK_GENERATED_COLUMN: return "GENERATED AS";
	case EK_CALL_ARGUMENT: return "CALL";
	case EK_COPY_WHERE: return "WHERE";
	case EK_CYCLE_MARK: return "CYCLE";
	}
	return "?";
}

Oid
anl_expr_type(const qry_expr *e)
{
	return e ? e->type : InvalidOid;
}

int
anl_expr_loc(const qry_expr *e)
{
	if (!e)
		return -1;
	if (e->loc >= 0)
		return e->loc;
	switch (e->kind) {
	case QE_RELABEL:
	case QE_COERCEVIAIO:
		return anl_expr_loc(e->u.coerce.arg);
	case QE_TYPMOD:
		return anl_expr_loc(e->u.typmod.arg);
	case QE_FUNC:
		if (qry_list_len(e->u.func.args) > 0)
			return anl_expr_loc(e->u.func.args->items[0]);
		return -1;
	default:
		return -1;
	}
}

qry_expr *
anl_make_const_int4(int32_t v, int loc)
{
	qry_expr *e = qry_make_const(INT4OID, -1, Int32GetDatum(v), false);
	e->loc = loc;
	return e;
}

qry_expr *
anl_make_const_bool(bool v, bool isnull)
{
	return qry_make_const(BOOLOID, -1, BoolGetDatum(v), isnull);
}

qry_expr *
anl_make_null_const(Oid type, int32_t typmod)
{
	return qry_make_const(type, typmod, 0, true);
}

qry_expr *
anl_make_text_const(const char *s, int loc)
{
	qry_expr *e = qry_make_const(TEXTOID, -1, ty_cstring_to_text(s), false);
	e->loc = loc;
	return e;
}

static qry_expr *
make_bool(qry_bool_op op, qry_list *args, int loc)
{
	qry_expr *e = qry_make_expr(QE_BOOL, BOOLOID, -1, loc);
	e->u.boolexpr.op = op;
	e->u.boolexpr.args = args;
	return e;
}

static qry_expr *
make_and(qry_expr *a, qry_expr *b, int loc)
{
	return make_bool(QB_AND, qry_list_append(qry_list_make1(a), b), loc);
}

static qry_expr *
make_or(qry_expr *a, qry_expr *b, int loc)
{
	return make_bool(QB_OR, qry_list_append(qry_list_make1(a), b), loc);
}

/* ---- entry points ------------------------------------------------------------------------ */

qry_expr *
anl_expr(anl_pstate *ps, ast_node *n, anl_ekind kind)
{
	anl_ekind save = ps->ekind;
	ps->ekind = kind;
	qry_expr *e = transform(ps, n);
	ps->ekind = save;
	return e;
}

qry_expr *
anl_expr_sub(anl_pstate *ps, ast_node *n)
{
	return transform(ps, n);
}

qry_expr *
anl_bool_expr(anl_pstate *ps, ast_node *n, anl_ekind kind, const char *construct)
{
	if (!n)
		return NULL;
	qry_expr *e = anl_expr(ps, n, kind);
	return anl_coerce_to_boolean(ps, e, construct);
}

/* ---- constants --------------------------------------------------------------------------- */

static qry_expr *
transform_const(anl_pstate *ps, A_Const *c)
{
	qry_expr *e;
	int loc = c->hdr.loc;
	switch (c->ckind) {
	case CONST_INT:
		e = qry_make_const(INT4OID, -1, Int32GetDatum(c->ival), false);
		break;
	case CONST_FLOAT: {
		/* an integer literal beyond int4 is int8 when it fits, else numeric */
		const char *s = c->sval;
		bool integral = true;
		for (const char *p = s; *p; p++)
			if (!(*p >= '0' && *p <= '9') && !(p == s && (*p == '-' || *p == '+')))
				integral = false;
		if (integral) {
			errno = 0;
			char *end;
			long long v = strtoll(s, &end, 10);
			if (errno == 0 && *end == '\0') {
				e = qry_make_const(INT8OID, -1, Int64GetDatum(v), false);
				break;
			}
		}
		e = qry_make_const(NUMERICOID, -1, ty_input(NUMERICOID, s, -1), false);
		break;
	}
	case CONST_STRING:
		e = qry_make_const(UNKNOWNOID, -1, PointerGetDatum(pstrdup(c->sval)), false);
		break;
	case CONST_BITSTRING: {
		const ty_type *bt = ty_lookup_name(c->sval[0] == 'x' ? "bit" : "bit");
		if (!bt)
			ANL_ERROR(ps, loc, "0A000", "bit string literals are not supported");
		e = qry_make_const(bt->oid, -1, ty_input(bt->oid, c->sval, -1), false);
		break;
	}
	case CONST_BOOL:
		e = anl_make_const_bool(c->ival != 0, false);
		break;
	case CONST_NULL:
	default:
		e = qry_make_const(UNKNOWNOID, -1, 0, true);
		break;
	}
	e->loc = loc;
	return e;
}

/* ---- parameters -------------------------------------------------------------------------- */

static qry_expr *
transform_param(anl_pstate *ps, ParamRef *p)
{
	anl_ctx *ctx = ps->ctx;
	int n = p->number;
	anl_params *pp = ctx->params;
	if (n <= 0 || n > 65535 || (!pp->infer_params && n > pp->nparams))
		ANL_ERROR(ps, p->hdr.loc, "42P02", "there is no parameter $%d", n);
	if (n > ctx->nptypes) {
		int nn = n < 8 ? 8 : n * 2;
		Oid *t = palloc0(sizeof(Oid) * (size_t)nn);
		int *l = palloc0(sizeof(int) * (size_t)nn);
		if (ctx->nptypes) {
			memcpy(t, ctx->ptypes, sizeof(Oid) * (size_t)ctx->nptypes);
			memcpy(l, ctx->ploc, sizeof(int) * (size_t)ctx->nptypes);
		}
		for (int i = ctx->nptypes; i < nn; i++)
			l[i] = -1;
		ctx->ptypes = t;
		ctx->ploc = l;
		ctx->nptypes = nn;
	}
	if (n > ctx->maxparam)
		ctx->maxparam = n;
	if (ctx->ploc[n - 1] < 0)
		ctx->ploc[n - 1] = p->hdr.loc;
	Oid t = ctx->ptypes[n - 1];
	if (t == InvalidOid)
		t = UNKNOWNOID;
	qry_expr *e = qry_make_expr(QE_PARAM, t, -1, p->hdr.loc);
	e->u.param.kind = QP_EXTERN;
	e->u.param.id = n;
	return e;
}

/* ---- operators --------------------------------------------------------------------------- */

/* Build the call of a resolved operator over l (may be NULL for prefix) and r. */
qry_expr *
anl_make_op_call(anl_pstate *ps, const ty_resolution *res, qry_expr *l, qry_expr *r, int loc)
{
	qry_list *args = NULL;
	int i = 0;
	if (l) {
		args = qry_list_append(args, anl_coerce(ps, l, res->argtarget[0], -1, COERCION_IMPLICIT,
		                                        anl_expr_loc(l)));
		i = 1;
	}
	args = qry_list_append(args, anl_coerce(ps, r, res->argtarget[i], -1, COERCION_IMPLICIT,
	                                        anl_expr_loc(r)));
	qry_expr *e = qry_make_expr(QE_FUNC, res->rettype, -1, loc);
	e->u.func.fn = res->fn;
	e->u.func.op = res->op;
	e->u.func.args = args;
	e->u.func.retset = res->fn && (res->fn->flags & FN_RETSET);
	if (e->u.func.retset)
		anl_check_srf_placement(ps, loc);
	return e;
}

static Oid
op_input_type(qry_expr *e)
{
	if (!e)
		return InvalidOid;
	return e->type;
}

qry_expr *
anl_op(anl_pstate *ps, const char *opname, qry_expr *l, qry_expr *r, int loc)
{
	ty_resolution res;
	if (r && r->kind == QE_ROW && l && l->kind == QE_ROW)
		ANL_ERROR(ps, loc, "0A000", "row comparison operator %s is not supported here", opname);
	ty_resolve_operator(opname, op_input_type(l), op_input_type(r), anl_pos(ps, loc), &res);
	return anl_make_op_call(ps, &res, l, r, loc);
}

/* (a, b) op (c, d): = and <> pairwise with AND / OR; <, <=, >, >= lexicographic. */
static qry_expr *
row_compare(anl_pstate *ps, const char *op, qry_list *la, qry_list *ra, int loc)
{
	int n = qry_list_len(la);
	if (n != qry_list_len(ra))
		ANL_ERROR(ps, loc, "42601", "unequal number of entries in row expressions");
	if (n == 0)
		ANL_ERROR(ps, loc, "0A000", "cannot compare rows of zero length");
	qry_list *pairs = NULL;
	for (int i = 0; i < n; i++) {
		qry_expr *c = anl_op(ps, op, la->items[i], ra->items[i], loc);
		if (c->type != BOOLOID)
			ANL_ERROR(ps, loc, "42804", "row comparison operator must yield type boolean, not type %s",
			          anl_type_name(c->type));
		pairs = qry_list_append(pairs, c);
	}
	if (n == 1)
		return pairs->items[0];
	if (strcmp(op, "=") == 0)
		return make_bool(QB_AND, pairs, loc);
	if (strcmp(op, "<>") == 0)
		return make_bool(QB_OR, pairs, loc);
	bool lt = op[0] == '<', gt = op[0] == '>';
	if (!lt && !gt)
		ANL_ERROR(ps, loc, "42883", "could not determine interpretation of row comparison operator %s",
		          op);
	/* a1 < b1 OR (a1 = b1 AND (a2 < b2 OR (a2 = b2 AND ... an <= bn))) */
	const char *strict = lt ? "<" : ">";
	qry_expr *acc = pairs->items[n - 1];
	for (int i = n - 2; i >= 0; i--) {
		qry_expr *a = qry_copy_expr(la->items[i]), *b = qry_copy_expr(ra->items[i]);
		qry_expr *eq = anl_op(ps, "=", a, b, loc);
		qry_expr *st = anl_op(ps, strict, qry_copy_expr(la->items[i]), qry_copy_expr(ra->items[i]),
		                      loc);
		acc = make_or(st, make_and(eq, acc, loc), loc);
	}
	return acc;
}

static bool
is_row(qry_expr *e)
{
	return e && e->kind == QE_ROW;
}

static qry_expr *
make_distinct(anl_pstate *ps, qry_expr *l, qry_expr *r, bool not_distinct, int loc)
{
	if (is_row(l) && is_row(r)) {
		int n = qry_list_len(l->u.row.args);
		if (n != qry_list_len(r->u.row.args))
			ANL_ERROR(ps, loc, "42601", "unequal number of entries in row expressions");
		qry_list *parts = NULL;
		for (int i = 0; i < n; i++)
			parts = qry_list_append(parts, make_distinct(ps, l->u.row.args->items[i],
			                                            r->u.row.args->items[i], false, loc));
		qry_expr *e = n == 1 ? parts->items[0] : make_bool(QB_OR, parts, loc);
		if (not_distinct)
			e = make_bool(QB_NOT, qry_list_make1(e), loc);
		return e;
	}
	ty_resolution res;
	ty_resolve_operator("=", l->type, r->type, anl_pos(ps, loc), &res);
	if (res.rettype != BOOLOID)
		ANL_ERROR(ps, loc, "42804", "IS DISTINCT FROM requires = operator to yield boolean");
	qry_expr *e = qry_make_expr(QE_DISTINCT, BOOLOID, -1, loc);
	e->u.distinct.eqfn = res.fn;
	e->u.distinct.l = anl_coerce(ps, l, res.argtarget[0], -1, COERCION_IMPLICIT, anl_expr_loc(l));
	e->u.distinct.r = anl_coerce(ps, r, res.argtarget[1], -1, COERCION_IMPLICIT, anl_expr_loc(r));
	e->u.distinct.not_distinct = not_distinct;
	return e;
}

/* x op ANY|ALL (array) */
static qry_expr *
scalar_array_op(anl_pstate *ps, const char *opname, qry_expr *l, qry_expr *r, bool use_or,
                int loc)
{
	Oid atype = r->type, rtype;
	if (atype == UNKNOWNOID)
		rtype = UNKNOWNOID;
	else {
		rtype = ty_elem_of(atype);
		if (rtype == InvalidOid)
			ANL_ERROR(ps, loc, "42809", "op ANY/ALL (array) requires array on right side");
	}
	ty_resolution res;
	ty_resolve_operator(opname, l->type, rtype, anl_pos(ps, loc), &res);
	if (res.rettype != BOOLOID)
		ANL_ERROR(ps, loc, "42809", "op ANY/ALL (array) requires operator to yield boolean");
	if (res.fn && (res.fn->flags & FN_RETSET))
		ANL_ERROR(ps, loc, "42809", "op ANY/ALL (array) requires operator not to return a set");
	Oid res_atype = ty_array_of(res.argtarget[1]);
	if (res_atype == InvalidOid)
		ANL_ERROR(ps, loc, "42704", "could not find array type for data type %s",
		          anl_type_name(res.argtarget[1]));
	qry_expr *e = qry_make_expr(QE_SCALARARRAYOP, BOOLOID, -1, loc);
	e->u.saop.fn = res.fn;
	e->u.saop.use_or = use_or;
	e->u.saop.scalar = anl_coerce(ps, l, res.argtarget[0], -1, COERCION_IMPLICIT, anl_expr_loc(l));
	e->u.saop.array = anl_coerce(ps, r, res_atype, -1, COERCION_IMPLICIT, anl_expr_loc(r));
	return e;
}

static bool
has_var_walker(qry_expr *e, void *arg)
{
	return e->kind == QE_VAR || e->kind == QE_SUBLINK;
}

/* Common type without raising: InvalidOid when the types do not match. */
static Oid
try_common_type(qry_list *exprs)
{
	int n = qry_list_len(exprs);
	Oid *types = palloc(sizeof(Oid) * (size_t)(n ? n : 1));
	for (int i = 0; i < n; i++)
		types[i] = ((qry_expr *)exprs->items[i])->type;
	volatile Oid r = InvalidOid;
	ERR_TRY();
	r = ty_select_common_type(n, types, "IN", NULL);
	ERR_CATCH();
	r = InvalidOid;
	ERR_END();
	return r;
}

/* x IN (a, b, c) / x NOT IN (...) */
static qry_expr *
transform_in(anl_pstate *ps, A_Expr *a)
{
	bool not_in = strcmp(anl_name_last(a->name), "<>") == 0;
	int loc = a->hdr.loc;
	qry_expr *l = transform(ps, a->lexpr);
	ast_list *rl = (ast_list *)a->rexpr;
	if (ast_list_length(rl) == 0)   /* sqlite's x IN (): false, NOT IN (): true */
		return anl_make_const_bool(not_in, false);
	qry_list *rexprs = NULL, *arrayable = NULL, *others = NULL;
	for (int i = 0; i < ast_list_length(rl); i++) {
		qry_expr *r = transform(ps, ast_list_nth(rl, i));
		rexprs = qry_list_append(rexprs, r);
		if (!is_row(l) && !qry_walk_expr(r, has_var_walker, NULL))
			arrayable = qry_list_append(arrayable, r);
		else
			others = qry_list_append(others, r);
	}
	qry_expr *result = NULL;
	if (!is_row(l) && qry_list_len(arrayable) > 1) {
		qry_list *all = qry_list_append(qry_list_copy(arrayable), l);
		Oid common = try_common_type(all);
		Oid atype = common ? ty_array_of(common) : InvalidOid;
		if (common != InvalidOid && atype != InvalidOid && common != RECORDOID) {
			/* resolve the operator on the common type */
			volatile bool ok = false;
			ty_resolution res;
			ERR_TRY();
			ty_resolve_operator(not_in ? "<>" : "=", common, common, 0, &res);
			ok = res.rettype == BOOLOID && res.argtarget[0] == common &&
			     res.argtarget[1] == common;
			ERR_CATCH();
			ok = false;
			ERR_END();
			if (ok) {
				qry_expr *e = qry_make_expr(QE_SCALARARRAYOP, BOOLOID, -1, loc);
				e->u.saop.fn = res.fn;
				e->u.saop.use_or = !not_in;
				e->u.saop.scalar = anl_coerce_common(ps, l, common, -1, "IN");
				for (int i = 0; i < qry_list_len(arrayable); i++)
					e->u.saop.list = qry_list_append(e->u.saop.list,
					                                 anl_coerce_common(ps, arrayable->items[i],
					                                                   common, -1, "IN"));
				result = e;
				rexprs = others;
				l = qry_copy_expr(l);
			}
		}
	}
	for (int i = 0; i < qry_list_len(rexprs); i++) {
		qry_expr *r = rexprs->items[i];
		qry_expr *cmp;
		qry_expr *lc = (result || i > 0) ? qry_copy_expr(l) : l;
		if (is_row(lc) && is_row(r))
			cmp = row_compare(ps, not_in ? "<>" : "=", lc->u.row.args, r->u.row.args, loc);
		else
			cmp = anl_op(ps, not_in ? "<>" : "=", lc, r, loc);
		cmp = anl_coerce_to_boolean(ps, cmp, "IN");
		if (!result)
			result = cmp;
		else if (result->kind == QE_BOOL && result->u.boolexpr.op == (not_in ? QB_AND : QB_OR) &&
		         result->loc == -2)
			result->u.boolexpr.args = qry_list_append(result->u.boolexpr.args, cmp);
		else {
			result = not_in ? make_and(result, cmp, loc) : make_or(result, cmp, loc);
			result->loc = -2;   /* marks the chain built here (flat) */
		}
	}
	if (result && result->loc == -2)
		result->loc = loc;
	return result;
}

static qry_expr *
transform_between(anl_pstate *ps, A_Expr *a)
{
	ast_list *bounds = (ast_list *)a->rexpr;
	int loc = a->hdr.loc;
	ast_node *x = a->lexpr, *lo = ast_list_nth(bounds, 0), *hi = ast_list_nth(bounds, 1);
	qry_expr *e;
#define OP(name, l, r) anl_coerce_to_boolean(ps, anl_op(ps, name, transform(ps, l), transform(ps, r), loc), "BETWEEN")
	switch (a->kind) {
	case AEXPR_BETWEEN:
		e = make_and(OP(">=", x, lo), OP("<=", x, hi), loc);
		break;
	case AEXPR_NOT_BETWEEN:
		e = make_or(OP("<", x, lo), OP(">", x, hi), loc);
		break;
	case AEXPR_BETWEEN_SYM:
		e = make_or(make_and(OP(">=", x, lo), OP("<=", x, hi), loc),
		            make_and(OP(">=", x, hi), OP("<=", x, lo), loc), loc);
		break;
	default:
		e = make_and(make_or(OP("<", x, lo), OP(">", x, hi), loc),
		             make_or(OP("<", x, hi), OP(">", x, lo), loc), loc);
		break;
	}
#undef OP
	return e;
}

static qry_expr *
transform_aexpr(anl_pstate *ps, A_Expr *a)
{
	const char *opname = anl_name_last(a->name);
	int loc = a->hdr.loc;
	switch (a->kind) {
	case AEXPR_OP:
	case AEXPR_LIKE:
	case AEXPR_ILIKE:
	case AEXPR_SIMILAR: {
		/* x = NULL stays a comparison (transform_null_equals is off by default) */
		if (a->lexpr && AST_IS(a->rexpr, SubLink) &&
		    ((SubLink *)a->rexpr)->subLinkType == EXPR_SUBLINK && AST_IS(a->lexpr, RowExpr)) {
			/* (a, b) op (SELECT x, y): a row comparison with a one-row subquery */
			SubLink *sl = ast_copy(a->rexpr);
			sl->hdr.loc = a->hdr.loc;   /* errors point at the operator */
			sl->subLinkType = ANY_SUBLINK;
			sl->testexpr = a->lexpr;
			sl->operName = a->name;
			qry_expr *e = anl_sublink(ps, sl);
			e->u.sublink.kind = QS_ROWCOMPARE;
			return e;
		}
		qry_expr *l = a->lexpr ? transform(ps, a->lexpr) : NULL;
		qry_expr *r = transform(ps, a->rexpr);
		if (l && is_row(l) && is_row(r))
			return row_compare(ps, opname, l->u.row.args, r->u.row.args, loc);
		return anl_op(ps, opname, l, r, loc);
	}
	case AEXPR_OP_ANY:
	case AEXPR_OP_ALL: {
		qry_expr *l = transform(ps, a->lexpr);
		qry_expr *r = transform(ps, a->rexpr);
		return scalar_array_op(ps, opname, l, r, a->kind == AEXPR_OP_ANY, loc);
	}
	case AEXPR_DISTINCT:
	case AEXPR_NOT_DISTINCT: {
		qry_expr *l = transform(ps, a->lexpr);
		qry_expr *r = transform(ps, a->rexpr);
		return make_distinct(ps, l, r, a->kind == AEXPR_NOT_DISTINCT, loc);
	}
	case AEXPR_NULLIF: {
		qry_expr *l = transform(ps, a->lexpr);
		qry_expr *r = transform(ps, a->rexpr);
		ty_resolution res;
		ty_resolve_operator("=", l->type, r->type, anl_pos(ps, loc), &res);
		if (res.rettype != BOOLOID)
			ANL_ERROR(ps, loc, "42804", "NULLIF requires = operator to yield boolean");
		qry_expr *e = qry_make_expr(QE_NULLIF, res.argtarget[0], -1, loc);
		e->u.nullif.eqfn = res.fn;
		e->u.nullif.l = anl_coerce(ps, l, res.argtarget[0], -1, COERCION_IMPLICIT, anl_expr_loc(l));
		e->u.nullif.r = anl_coerce(ps, r, res.argtarget[1], -1, COERCION_IMPLICIT, anl_expr_loc(r));
		return e;
	}
	case AEXPR_IN:
		return transform_in(ps, a);
	case AEXPR_BETWEEN:
	case AEXPR_NOT_BETWEEN:
	case AEXPR_BETWEEN_SYM:
	case AEXPR_NOT_BETWEEN_SYM:
		return transform_between(ps, a);
	}
	ph_internal("unrecognized A_Expr kind %d", (int)a->kind);
}

/* ---- boolean and tests ------------------------------------------------------------------- */

static qry_expr *
transform_boolexpr(anl_pstate *ps, BoolExpr *b)
{
	const char *construct = b->boolop == AND_EXPR ? "AND" : b->boolop == OR_EXPR ? "OR" : "NOT";
	qry_list *args = NULL;
	for (int i = 0; i < ast_list_length(b->args); i++) {
		qry_expr *a = transform(ps, ast_list_nth(b->args, i));
		a = anl_coerce_to_boolean(ps, a, construct);
		/* AND of AND (e.g. a BETWEEN inside an AND) is one AND: the deparsed text parses
		 * back to the same tree */
		if (b->boolop != NOT_EXPR && a->kind == QE_BOOL &&
		    a->u.boolexpr.op == (b->boolop == AND_EXPR ? QB_AND : QB_OR))
			args = qry_list_concat(args, a->u.boolexpr.args);
		else
			args = qry_list_append(args, a);
	}
	return make_bool(b->boolop == AND_EXPR ? QB_AND : b->boolop == OR_EXPR ? QB_OR : QB_NOT, args,
	                 b->hdr.loc);
}

static qry_expr *
transform_nulltest(anl_pstate *ps, NullTest *t)
{
	qry_expr *arg = transform(ps, t->arg);
	if (anl_is_unknown(arg) && arg->kind != QE_PARAM)
		arg = anl_resolve_unknown(ps, arg);
	qry_expr *e = qry_make_expr(QE_NULLTEST, BOOLOID, -1, t->hdr.loc);
	e->u.nulltest.test = t->nulltesttype == IS_NULL ? QN_IS_NULL : QN_IS_NOT_NULL;
	e->u.nulltest.arg = arg;
	e->u.nulltest.is_row = arg->kind == QE_ROW || arg->type == RECORDOID;
	return e;
}

static qry_expr *
transform_booltest(anl_pstate *ps, BooleanTest *t)
{
	static const char *names[] = {"IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE",
	                              "IS UNKNOWN", "IS NOT UNKNOWN"};
	qry_expr *arg = anl_coerce_to_boolean(ps, transform(ps, t->arg), names[t->booltesttype]);
	qry_expr *e = qry_make_expr(QE_BOOLTEST, BOOLOID, -1, t->hdr.loc);
	e->u.booltest.test = (qry_booltest)t->booltesttype;
	e->u.booltest.arg = arg;
	return e;
}

/* ---- casts, collations --------------------------------------------------------------------- */

static qry_expr *transform_array(anl_pstate *ps, A_ArrayExpr *a, Oid array_type, Oid elem_type,
                                 int32_t typmod);

static qry_expr *
transform_typecast(anl_pstate *ps, TypeCast *tc)
{
	int32_t typmod;
	Oid target = anl_typename(tc->typeName, ps->text, &typmod);
	ast_node *argn = tc->arg;
	qry_expr *arg;
	int loc = tc->hdr.loc;
	if (AST_IS(argn, A_ArrayExpr) && ty_elem_of(target) != InvalidOid) {
		Oid elem = ty_elem_of(target);
		arg = transform_array(ps, (A_ArrayExpr *)argn, target, elem, typmod);
	} else
		arg = transform(ps, argn);
	if (loc < 0)
		loc = tc->typeName->hdr.loc;
	qry_expr *r = anl_coerce_try(ps, arg, target, typmod, COERCION_EXPLICIT, true, loc);
	if (!r)
		ANL_ERROR(ps, loc, "42846", "cannot cast type %s to %s", anl_type_name(arg->type),
		          anl_type_name_mod(target, typmod));
	return r;
}

static qry_expr *
transform_collate(anl_pstate *ps, CollateClause *c)
{
	qry_expr *arg = transform(ps, c->arg);
	const char *name = anl_name_last(c->collname);
	if (ast_list_length(c->collname) > 1) {
		const char *schema = ast_strval(ast_list_nth(c->collname, 0));
		if (strcmp(schema, "pg_catalog") != 0)
			ANL_ERROR(ps, c->hdr.loc, "42704", "collation \"%s\" for encoding \"UTF8\" does not exist",
			          anl_name_join(c->collname));
	}
	if (strcmp(name, "C") != 0 && strcmp(name, "default") != 0 && strcmp(name, "POSIX") != 0 &&
	    strcmp(name, "ucs_basic") != 0)
		ANL_ERROR(ps, c->hdr.loc, "42704", "collation \"%s\" for encoding \"UTF8\" does not exist",
		          anl_name_join(c->collname));
	Oid t = arg->type;
	if (t == UNKNOWNOID)
		arg = anl_coerce(ps, arg, TEXTOID, -1, COERCION_IMPLICIT, anl_expr_loc(arg));
	else {
		Oid base = ty_elem_of(t) ? ty_elem_of(t) : t;
		char cat = ty_category(base);
		if (cat != TYPCAT_STRING)
			ANL_ERROR(ps, c->hdr.loc, "42804", "collations are not supported by type %s",
			          anl_type_name(t));
	}
	return arg;
}

/* ---- CASE, COALESCE, GREATEST/LEAST, ARRAY, ROW ------------------------------------------ */

static qry_expr *
transform_case(anl_pstate *ps, CaseExpr *c)
{
	qry_expr *e = qry_make_expr(QE_CASE, InvalidOid, -1, c->hdr.loc);
	qry_expr *placeholder = NULL;
	if (c->arg) {
		qry_expr *arg = transform(ps, c->arg);
		if (anl_is_unknown(arg))
			arg = anl_coerce(ps, arg, TEXTOID, -1, COERCION_IMPLICIT, anl_expr_loc(arg));
		e->u.caseexpr.testexpr = arg;
		placeholder = qry_make_expr(QE_CASETEST, arg->type, arg->typmod, -1);
	}
	qry_list *results = NULL;
	for (int i = 0; i < ast_list_length(c->args); i++) {
		CaseWhen *w = ast_list_nth(c->args, i);
		qry_expr *cond;
		if (placeholder) {
			qry_expr *v = transform(ps, w->expr);
			cond = anl_op(ps, "=", qry_copy_expr(placeholder), v, w->expr->loc);
		} else
			cond = transform(ps, w->expr);
		cond = anl_coerce_to_boolean(ps, cond, "CASE/WHEN");
		e->u.caseexpr.whens = qry_list_append(e->u.caseexpr.whens, cond);
		results = qry_list_append(results, transform(ps, w->result));
	}
	qry_expr *def = c->defresult ? transform(ps, c->defresult) : NULL;
	qry_list *all = qry_list_copy(def ? qry_list_make1(def) : NULL);
	all = qry_list_concat(all, results);   /* PostgreSQL puts ELSE first */
	Oid t = anl_common_type(ps, all, "CASE");
	int32_t tm = anl_common_typmod(all, t);
	for (int i = 0; i < qry_list_len(results); i++)
		e->u.caseexpr.thens = qry_list_append(e->u.caseexpr.thens,
		                                      anl_coerce_common(ps, results->items[i], t, -1, "CASE"));
	e->u.caseexpr.defresult = def ? anl_coerce_common(ps, def, t, -1, "CASE")
	                              : anl_make_null_const(t, -1);
	e->type = t;
	e->typmod = tm;
	return e;
}

static qry_list *
transform_list(anl_pstate *ps, ast_list *l)
{
	qry_list *r = NULL;
	for (int i = 0; i < ast_list_length(l); i++)
		r = qry_list_append(r, transform(ps, ast_list_nth(l, i)));
	return r;
}

static qry_expr *
transform_coalesce(anl_pstate *ps, CoalesceExpr *c)
{
	qry_list *args = transform_list(ps, c->args);
	Oid t = anl_common_type(ps, args, "COALESCE");
	qry_expr *e = qry_make_expr(QE_COALESCE, t, anl_common_typmod(args, t), c->hdr.loc);
	for (int i = 0; i < qry_list_len(args); i++)
		e->u.coalesce.args = qry_list_append(e->u.coalesce.args,
		                                     anl_coerce_common(ps, args->items[i], t, -1, "COALESCE"));
	return e;
}

static qry_expr *
transform_minmax(anl_pstate *ps, MinMaxExpr *m)
{
	const char *ctx = m->op == MINMAX_GREATEST ? "GREATEST" : "LEAST";
	qry_list *args = transform_list(ps, m->args);
	Oid t = anl_common_type(ps, args, ctx);
	qry_expr *e = qry_make_expr(QE_MINMAX, t, anl_common_typmod(args, t), m->hdr.loc);
	e->u.minmax.greatest = m->op == MINMAX_GREATEST;
	for (int i = 0; i < qry_list_len(args); i++)
		e->u.minmax.args = qry_list_append(e->u.minmax.args,
		                                   anl_coerce_common(ps, args->items[i], t, -1, ctx));
	const ty_oper *op = ty_ordering_op(t, false);
	if (!op)
		ph_error("42883", "could not identify a comparison function for type %s", anl_type_name(t));
	e->u.minmax.cmpfn = op->fn;
	return e;
}

static qry_expr *
transform_array(anl_pstate *ps, A_ArrayExpr *a, Oid array_type, Oid elem_type, int32_t typmod)
{
	int loc = a->hdr.loc;
	qry_list *elems = NULL;
	bool sub_arrays = ast_list_length(a->elements) > 0;
	for (int i = 0; i < ast_list_length(a->elements); i++) {
		ast_node *n = ast_list_nth(a->elements, i);
		qry_expr *x;
		if (AST_IS(n, A_ArrayExpr))
			x = transform_array(ps, (A_ArrayExpr *)n, array_type, elem_type, typmod);
		else {
			sub_arrays = false;
			x = transform(ps, n);
		}
		elems = qry_list_append(elems, x);
	}
	/* nested ARRAY[[..],[..]]: the sub-arrays share the result type */
	for (int i = 0; i < ast_list_length(a->elements); i++)
		if (!AST_IS(ast_list_nth(a->elements, i), A_ArrayExpr))
			sub_arrays = false;
	Oid elem = elem_type;
	if (elem == InvalidOid) {
		if (qry_list_len(elems) == 0) {
			ERR_BEGIN("42P18");
			err_position(anl_pos(ps, loc));
			err_hint("Explicitly cast to the desired type, for example ARRAY[]::integer[].");
			err_throw("cannot determine type of empty array");
		}
		Oid common = anl_common_type(ps, elems, "ARRAY");
		if (sub_arrays) {
			elem = ty_elem_of(common);
			array_type = common;
		} else {
			elem = common;
			array_type = ty_array_of(common);
		}
		if (array_type == InvalidOid)
			ANL_ERROR(ps, loc, "42704", "could not find array type for data type %s",
			          anl_type_name(common));
	}
	qry_expr *e = qry_make_expr(QE_ARRAY, array_type, -1, loc);
	e->u.array.elemtype = elem;
	Oid target = sub_arrays ? array_type : elem;
	for (int i = 0; i < qry_list_len(elems); i++) {
		qry_expr *x = elems->items[i];
		qry_expr *c = anl_coerce_try(ps, x, target, -1, COERCION_EXPLICIT, false, anl_expr_loc(x));
		if (!c)
			ANL_ERROR(ps, anl_expr_loc(x), "42846", "cannot cast type %s to %s",
			          anl_type_name(x->type), anl_type_name(target));
		e->u.array.elems = qry_list_append(e->u.array.elems, c);
	}
	(void)typmod;
	return e;
}

static qry_expr *
transform_row(anl_pstate *ps, RowExpr *r)
{
	qry_expr *e = qry_make_expr(QE_ROW, RECORDOID, -1, r->hdr.loc);
	for (int i = 0; i < ast_list_length(r->args); i++) {
		ast_node *n = ast_list_nth(r->args, i);
		if (AST_IS(n, ColumnRef) && AST_IS(ast_list_last(((ColumnRef *)n)->fields), A_Star)) {
			qry_list *names = NULL;
			e->u.row.args = qry_list_concat(e->u.row.args,
			                                anl_expand_star(ps, (ColumnRef *)n, n->loc, &names));
			continue;
		}
		e->u.row.args = qry_list_append(e->u.row.args, transform(ps, n));
	}
	for (int i = 0; i < qry_list_len(e->u.row.args); i++)
		e->u.row.colnames = qry_list_append(e->u.row.colnames, psprintf("f%d", i + 1));
	return e;
}

/* ---- subscripts and field selection ----------------------------------------------------- */

static qry_expr *
transform_indirection(anl_pstate *ps, A_Indirection *ind)
{
	qry_expr *e = transform(ps, ind->arg);
	int loc = ind->hdr.loc;
	qry_list *lower = NULL, *upper = NULL;
	bool slice = false, any = false;
	for (int i = 0; i <= ast_list_length(ind->indirection); i++) {
		ast_node *n = i < ast_list_length(ind->indirection) ? ast_list_nth(ind->indirection, i)
		                                                     : NULL;
		if (n && AST_IS(n, A_Indices)) {
			A_Indices *ix = (A_Indices *)n;
			any = true;
			if (ix->is_slice)
				slice = true;
			qry_expr *lo = ix->lidx ? transform(ps, ix->lidx) : NULL;
			qry_expr *hi = ix->uidx ? transform(ps, ix->uidx) : NULL;
			if (lo)
				lo = anl_coerce_to_specific(ps, lo, INT4OID, "ARRAY SUBSCRIPT");
			if (hi)
				hi = anl_coerce_to_specific(ps, hi, INT4OID, "ARRAY SUBSCRIPT");
			lower = qry_list_append(lower, lo);
			upper = qry_list_append(upper, hi);
			continue;
		}
		if (any) {
			Oid t = e->type;
			if (t == UNKNOWNOID)
				ANL_ERROR(ps, loc, "42804", "cannot subscript type %s because it does not support subscripting",
				          anl_type_name(t));
			Oid elem = ty_elem_of(t);
			if (elem == InvalidOid || t == INT2VECTOROID || t == OIDVECTOROID) {
				if (t == INT2VECTOROID)
					elem = INT2OID;
				else if (t == OIDVECTOROID)
					elem = OIDOID;
				else
					ANL_ERROR(ps, anl_expr_loc(e), "42804",
					          "cannot subscript type %s because it does not support subscripting",
					          anl_type_name(t));
			}
			qry_expr *s = qry_make_expr(QE_SUBSCRIPT, slice ? t : elem, -1, loc);
			s->u.subscript.container = e;
			s->u.subscript.lower = lower;
			s->u.subscript.upper = upper;
			s->u.subscript.slice = slice;
			e = s;
			lower = upper = NULL;
			any = slice = false;
		}
		if (!n)
			break;
		if (AST_IS(n, String)) {
			const char *field = ((String *)n)->sval;
			if (e->kind == QE_ROW) {
				/* (t.*).col: the column of the row */
				qry_expr *found = NULL;
				for (int k = 0; k < qry_list_len(e->u.row.colnames); k++)
					if (strcmp(e->u.row.colnames->items[k], field) == 0)
						found = e->u.row.args->items[k];
				if (!found)
					ANL_ERROR(ps, anl_expr_loc(e), "42703", "column \"%s\" not found in data type record",
					          field);
				e = found;
				continue;
			}
			ANL_ERROR(ps, anl_expr_loc(e) >= 0 ? anl_expr_loc(e) : loc, "42809",
			          "column notation .%s applied to type %s, which is not a composite type", field,
			          anl_type_name(e->type));
		}
		ANL_ERROR(ps, loc, "0A000", "row expansion via \"*\" is not supported here");
	}
	return e;
}

/* ---- SQL value functions ----------------------------------------------------------------- */

static qry_expr *
transform_svf(anl_pstate *ps, SQLValueFunction *f)
{
	Oid t;
	int32_t typmod = -1;
	switch (f->op) {
	case SVF_CURRENT_DATE: t = DATEOID; break;
	case SVF_CURRENT_TIME: t = TIMETZOID; break;
	case SVF_CURRENT_TIME_N: t = TIMETZOID; typmod = f->typmod; break;
	case SVF_CURRENT_TIMESTAMP: t = TIMESTAMPTZOID; break;
	case SVF_CURRENT_TIMESTAMP_N: t = TIMESTAMPTZOID; typmod = f->typmod; break;
	case SVF_LOCALTIME: t = TIMEOID; break;
	case SVF_LOCALTIME_N: t = TIMEOID; typmod = f->typmod; break;
	case SVF_LOCALTIMESTAMP: t = TIMESTAMPOID; break;
	case SVF_LOCALTIMESTAMP_N: t = TIMESTAMPOID; typmod = f->typmod; break;
	default: t = NAMEOID; break;
	}
	if (typmod > 6)
		typmod = 6;    /* PostgreSQL reduces it with a WARNING */
	if (typmod < -1)
		ANL_ERROR(ps, f->hdr.loc, "22023", "%s(%d) precision must not be negative",
		          t == TIMETZOID ? "TIME" : t == TIMEOID ? "TIME" : "TIMESTAMP", typmod);
	qry_expr *e = qry_make_expr(QE_SQLVALUE, t, typmod, f->hdr.loc);
	e->u.sqlvalue.op = f->op;
	e->u.sqlvalue.precision = typmod;
	return e;
}

static qry_expr *
transform_grouping(anl_pstate *ps, GroupingFunc *g)
{
	if (ast_list_length(g->args) > 31)
		ANL_ERROR(ps, g->hdr.loc, "54023", "GROUPING must have fewer than 32 arguments");
	anl_check_agg_placement(ps, g->hdr.loc, false);
	qry_expr *e = qry_make_expr(QE_GROUPING, INT4OID, -1, g->hdr.loc);
	e->u.grouping.args = transform_list(ps, g->args);
	ps->has_aggs = true;
	return e;
}

/* ---- dispatcher -------------------------------------------------------------------------- */

static qry_expr *
transform(anl_pstate *ps, ast_node *n)
{
	if (!n)
		return NULL;
	switch (AST_TAG(n)) {
	case T_A_Const:
		return transform_const(ps, (A_Const *)n);
	case T_ColumnRef:
		return anl_column_ref(ps, (ColumnRef *)n);
	case T_ParamRef:
		return transform_param(ps, (ParamRef *)n);
	case T_A_Expr:
		return transform_aexpr(ps, (A_Expr *)n);
	case T_BoolExpr:
		return transform_boolexpr(ps, (BoolExpr *)n);
	case T_NullTest:
		return transform_nulltest(ps, (NullTest *)n);
	case T_BooleanTest:
		return transform_booltest(ps, (BooleanTest *)n);
	case T_TypeCast:
		return transform_typecast(ps, (TypeCast *)n);
	case T_CollateClause:
		return transform_collate(ps, (CollateClause *)n);
	case T_FuncCall:
		return anl_func_call(ps, (FuncCall *)n);
	case T_A_Indirection:
		return transform_indirection(ps, (A_Indirection *)n);
	case T_A_ArrayExpr:
		return transform_array(ps, (A_ArrayExpr *)n, InvalidOid, InvalidOid, -1);
	case T_SubLink:
		return anl_sublink(ps, (SubLink *)n);
	case T_CaseExpr:
		return transform_case(ps, (CaseExpr *)n);
	case T_RowExpr:
		return transform_row(ps, (RowExpr *)n);
	case T_CoalesceExpr:
		return transform_coalesce(ps, (CoalesceExpr *)n);
	case T_MinMaxExpr:
		return transform_minmax(ps, (MinMaxExpr *)n);
	case T_SQLValueFunction:
		return transform_svf(ps, (SQLValueFunction *)n);
	case T_SetToDefault:
		if (!ps->in_values_insert)
			ANL_ERROR(ps, n->loc, "42601", "DEFAULT is not allowed in this context");
		return qry_make_expr(QE_SETTODEFAULT, UNKNOWNOID, -1, n->loc);
	case T_GroupingFunc:
		return transform_grouping(ps, (GroupingFunc *)n);
	case T_CurrentOfExpr:
		ANL_ERROR(ps, n->loc, "0A000", "WHERE CURRENT OF is not supported");
	case T_NamedArgExpr:
		ANL_ERROR(ps, n->loc, "42601", "named arguments are only allowed in function calls");
	case T_A_Star:
		ANL_ERROR(ps, n->loc, "42601", "row expansion via \"*\" is not supported here");
	case T_MultiAssignRef:
		ANL_ERROR(ps, n->loc, "42601", "multiple-column assignment is only allowed in UPDATE SET");
	default:
		ph_internal("unrecognized expression node %s", ast_tag_name(AST_TAG(n)));
	}
}

/* ---- sublinks ---------------------------------------------------------------------------- */

static const char *
sublink_context_error(anl_ekind k)
{
	switch (k) {
	case EK_JOIN_USING: return NULL;
	case EK_CHECK_CONSTRAINT: return "cannot use subquery in check constraint";
	case EK_COLUMN_DEFAULT: return "cannot use subquery in DEFAULT expression";
	case EK_INDEX_EXPRESSION: return "cannot use subquery in index expression";
	case EK_INDEX_PREDICATE: return "cannot use subquery in index predicate";
	case EK_ALTER_COL_TRANSFORM: return "cannot use subquery in transform expression";
	case EK_EXECUTE_PARAMETER: return "cannot use subquery in EXECUTE parameter";
	case EK_GENERATED_COLUMN: return "cannot use subquery in column generation expression";
	case EK_CALL_ARGUMENT: return "cannot use subquery in CALL argument";
	case EK_COPY_WHERE: return "cannot use subquery in COPY FROM WHERE condition";
	default: return NULL;
	}
}

qry_expr *
anl_sublink(anl_pstate *ps, SubLink *sl)
{
	int loc = sl->hdr.loc;
	const char *err = sublink_context_error(ps->ekind);
	if (err)
		ANL_ERROR(ps, loc, "0A000", "%s", err);
	ps->has_sublinks = true;
	qry_query *sub = anl_subquery(ps, sl->subselect, false, NULL);
	if (sub->cmd != QC_SELECT)
		ANL_ERROR(ps, loc, "42601", "subquery must be a SELECT");
	qry_expr *e = qry_make_expr(QE_SUBLINK, BOOLOID, -1, loc);
	e->u.sublink.subquery = sub;
	qry_list *cols = NULL;
	for (int i = 0; i < qry_list_len(sub->targets); i++) {
		qry_target *t = sub->targets->items[i];
		if (!t->resjunk)
			cols = qry_list_append(cols, t);
	}
	switch (sl->subLinkType) {
	case EXISTS_SUBLINK:
		e->u.sublink.kind = QS_EXISTS;
		return e;
	case EXPR_SUBLINK:
	case ARRAY_SUBLINK: {
		if (qry_list_len(cols) > 1)
			ANL_ERROR(ps, loc, "42601", "subquery must return only one column");
		if (qry_list_len(cols) == 0)
			ANL_ERROR(ps, loc, "42601", "subquery must return only one column");
		qry_target *t = cols->items[0];
		if (sl->subLinkType == EXPR_SUBLINK) {
			e->u.sublink.kind = QS_EXPR;
			e->type = t->expr->type;
			e->typmod = t->expr->typmod;
		} else {
			e->u.sublink.kind = QS_ARRAY;
			Oid et = t->expr->type;
			Oid at = ty_elem_of(et) ? et : ty_array_of(et);
			if (at == InvalidOid)
				ANL_ERROR(ps, loc, "42704", "could not find array type for data type %s",
				          anl_type_name(et));
			e->type = at;
		}
		return e;
	}
	case MULTIEXPR_SUBLINK:
		e->u.sublink.kind = QS_MULTIEXPR;
		e->type = RECORDOID;
		return e;
	case ALL_SUBLINK:
	case ANY_SUBLINK:
		break;
	}
	/* ANY / ALL / IN: compare the left-hand side with the columns */
	e->u.sublink.kind = sl->subLinkType == ALL_SUBLINK ? QS_ALL : QS_ANY;
	const char *opname = sl->operName ? anl_name_last(sl->operName) : "=";
	qry_expr *lhs = transform(ps, sl->testexpr);
	qry_list *lefts = is_row(lhs) ? lhs->u.row.args : qry_list_make1(lhs);
	int nl = qry_list_len(lefts), nr = qry_list_len(cols);
	if (nl < nr)
		ANL_ERROR(ps, loc, "42601", "subquery has too many columns");
	if (nl > nr)
		ANL_ERROR(ps, loc, "42601", "subquery has too few columns");
	qry_list *newlefts = NULL;
	for (int i = 0; i < nl; i++) {
		qry_expr *l = lefts->items[i];
		qry_target *t = cols->items[i];
		ty_resolution res;
		ty_resolve_operator(opname, l->type, t->expr->type, anl_pos(ps, loc), &res);
		if (res.rettype != BOOLOID)
			ANL_ERROR(ps, loc, "42804", "operator %s must return type boolean, not type %s", opname,
			          anl_type_name(res.rettype));
		newlefts = qry_list_append(newlefts, anl_coerce(ps, l, res.argtarget[0], -1,
		                                               COERCION_IMPLICIT, anl_expr_loc(l)));
		if (t->expr->type != res.argtarget[1] && t->sortgroupref == 0 && !sub->setops) {
			qry_expr *c = anl_coerce_try(ps, t->expr, res.argtarget[1], -1, COERCION_IMPLICIT,
			                             false, anl_expr_loc(t->expr));
			if (c)
				t->expr = c;
		}
		e->u.sublink.opfuncs = qry_list_append(e->u.sublink.opfuncs, (void *)res.fn);
	}
	if (is_row(lhs)) {
		lhs->u.row.args = newlefts;
		e->u.sublink.testexpr = lhs;
	} else
		e->u.sublink.testexpr = newlefts->items[0];
	return e;
}

/* ---- locations of raw nodes ----------------------------------------------------------------- */

static int
leftmost(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

int
anl_raw_loc(const ast_node *n)
{
	if (!n)
		return -1;
	switch (AST_TAG(n)) {
	case T_A_Expr:
		return leftmost(n->loc, anl_raw_loc(((const A_Expr *)n)->lexpr));
	case T_TypeCast:
		return leftmost(n->loc, anl_raw_loc(((const TypeCast *)n)->arg));
	case T_CollateClause:
		return leftmost(n->loc, anl_raw_loc(((const CollateClause *)n)->arg));
	case T_NullTest:
		return leftmost(n->loc, anl_raw_loc(((const NullTest *)n)->arg));
	case T_BooleanTest:
		return leftmost(n->loc, anl_raw_loc(((const BooleanTest *)n)->arg));
	case T_BoolExpr: {
		const BoolExpr *b = (const BoolExpr *)n;
		return leftmost(n->loc, ast_list_length(b->args) ? anl_raw_loc(ast_list_nth(b->args, 0)) : -1);
	}
	case T_A_Indirection:
		return anl_raw_loc(((const A_Indirection *)n)->arg);
	default:
		return n->loc;
	}
}

/* ---- column names of expressions (FigureColname) ----------------------------------------- */

static const char *
figure(ast_node *n, int *strength)
{
	*strength = 0;
	if (!n)
		return NULL;
	switch (AST_TAG(n)) {
	case T_ColumnRef: {
		ColumnRef *c = (ColumnRef *)n;
		ast_node *last = ast_list_last(c->fields);
		if (AST_IS(last, String)) {
			*strength = 2;
			return ((String *)last)->sval;
		}
		return NULL;
	}
	case T_A_Indirection: {
		A_Indirection *ind = (A_Indirection *)n;
		for (int i = ast_list_length(ind->indirection) - 1; i >= 0; i--) {
			ast_node *x = ast_list_nth(ind->indirection, i);
			if (AST_IS(x, String)) {
				*strength = 2;
				return ((String *)x)->sval;
			}
		}
		return figure(ind->arg, strength);
	}
	case T_FuncCall: {
		FuncCall *f = (FuncCall *)n;
		*strength = 2;
		return anl_name_last(f->funcname);
	}
	case T_A_Expr: {
		A_Expr *a = (A_Expr *)n;
		if (a->kind == AEXPR_NULLIF) {
			*strength = 2;
			return "nullif";
		}
		return NULL;
	}
	case T_TypeCast: {
		TypeCast *tc = (TypeCast *)n;
		const char *r = figure(tc->arg, strength);
		if (*strength <= 1) {
			const char *tn = anl_name_last(tc->typeName->names);
			/* PostgreSQL names a cast column by the type's name as written */
			*strength = 1;
			return tn;
		}
		return r;
	}
	case T_CollateClause:
		return figure(((CollateClause *)n)->arg, strength);
	case T_SubLink: {
		SubLink *s = (SubLink *)n;
		if (s->subLinkType == EXISTS_SUBLINK) {
			*strength = 2;
			return "exists";
		}
		if (s->subLinkType == ARRAY_SUBLINK) {
			*strength = 2;
			return "array";
		}
		if (s->subLinkType == EXPR_SUBLINK && AST_IS(s->subselect, SelectStmt)) {
			SelectStmt *sel = (SelectStmt *)s->subselect;
			while (sel->op != SETOP_NONE && sel->larg)
				sel = sel->larg;
			if (ast_list_length(sel->targetList) == 1) {
				ResTarget *rt = ast_list_nth(sel->targetList, 0);
				if (rt->name) {
					*strength = 2;
					return rt->name;
				}
				return figure(rt->val, strength);
			}
		}
		return NULL;
	}
	case T_CaseExpr: {
		CaseExpr *c = (CaseExpr *)n;
		const char *r = figure(c->defresult, strength);
		if (*strength <= 1) {
			*strength = 1;
			return "case";
		}
		return r;
	}
	case T_A_ArrayExpr:
		*strength = 2;
		return "array";
	case T_RowExpr:
		*strength = 2;
		return "row";
	case T_CoalesceExpr:
		*strength = 2;
		return "coalesce";
	case T_MinMaxExpr:
		*strength = 2;
		return ((MinMaxExpr *)n)->op == MINMAX_GREATEST ? "greatest" : "least";
	case T_SQLValueFunction: {
		static const char *names[] = {"current_date", "current_time", "current_time",
		                              "current_timestamp", "current_timestamp", "localtime",
		                              "localtime", "localtimestamp", "localtimestamp",
		                              "current_role", "current_user", "user", "session_user",
		                              "current_catalog", "current_schema"};
		*strength = 2;
		return names[((SQLValueFunction *)n)->op];
	}
	case T_GroupingFunc:
		*strength = 2;
		return "grouping";
	default:
		return NULL;
	}
}

char *
anl_figure_colname(ast_node *n)
{
	int s;
	const char *r = figure(n, &s);
	return pstrdup(r ? r : "?column?");
}
