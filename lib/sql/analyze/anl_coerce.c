/*
 * anl_coerce.c — type coercion (PostgreSQL's parse_coerce.c): implicit, assignment and
 * explicit casts as explicit nodes, unknown literals typed by their context, parameter
 * type inference, common types of CASE/UNION/VALUES/COALESCE/ARRAY.
 */
#include "sql/analyze/anl_int.h"

bool
anl_is_unknown(const qry_expr *e)
{
	return e && e->type == UNKNOWNOID;
}

/* Input of a literal for a type, with the literal's position on error (as PostgreSQL's
 * parser error callback adds it). */
static Datum
input_with_pos(anl_pstate *ps, Oid t, const char *s, int32_t typmod, int loc)
{
	volatile Datum v = 0;
	ERR_TRY();
	v = ty_input(t, s, typmod);
	ERR_CATCH();
	err_info *ei = err_last();
	if (ei->position == 0)
		ei->position = anl_pos(ps, loc);
	err_rethrow();
	ERR_END();
	return v;
}

void
anl_param_set_type(anl_pstate *ps, int n, Oid type, int loc)
{
	anl_ctx *ctx = ps->ctx;
	if (n <= 0 || n > ctx->nptypes)
		return;
	Oid cur = ctx->ptypes[n - 1];
	if (cur == InvalidOid || cur == UNKNOWNOID)
		ctx->ptypes[n - 1] = type;
	else if (cur != type) {
		ERR_BEGIN("42P08");
		err_position(anl_pos(ps, loc));
		err_detail("%s versus %s", anl_type_name(cur), anl_type_name(type));
		err_throw("inconsistent types deduced for parameter $%d", n);
	}
}

static qry_expr *
typmod_node(qry_expr *e, Oid target, int32_t typmod, bool is_explicit)
{
	if (typmod < 0 || e->typmod == typmod || !ty_has_typmod_coercion(target))
		return e;
	/* a constant keeps its coercion node: PostgreSQL raises 22001 for 'toolong'::varchar(2)
	 * only when the expression is evaluated (or folded by the planner), never at analysis,
	 * so a column DEFAULT 'xyz' on varchar(2) is accepted by CREATE TABLE */
	if (e->kind == QE_CONST && e->u.c.isnull) {
		e->typmod = typmod;
		return e;
	}
	qry_expr *t = qry_make_expr(QE_TYPMOD, target, typmod, -1);
	t->u.typmod.arg = e;
	t->u.typmod.is_explicit = is_explicit;
	return t;
}

static qry_expr *
cast_node(anl_pstate *ps, qry_expr *e, const ty_castpath *p, Oid target, int32_t typmod,
          ty_ccontext cc, bool *typmod_done)
{
	qry_expr *r;
	*typmod_done = false;
	switch (p->kind) {
	case CASTPATH_RELABEL:
		if (e->type == target)
			return e;
		r = qry_make_expr(QE_RELABEL, target, -1, -1);
		r->u.coerce.arg = e;
		/* keep a typmod that still applies (varchar(5) -> text drops it) */
		return r;
	case CASTPATH_FUNC: {
		r = qry_make_expr(QE_FUNC, target, -1, -1);
		r->u.func.fn = p->fn;
		r->u.func.args = qry_list_make1(e);
		if (p->fn->nargs == 3) {
			r->u.func.args = qry_list_append(r->u.func.args, anl_make_const_int4(typmod, -1));
			r->u.func.args = qry_list_append(r->u.func.args,
			                                 anl_make_const_bool(cc == COERCION_EXPLICIT, false));
			r->typmod = typmod;
			*typmod_done = true;
		}
		return r;
	}
	case CASTPATH_IO:
		r = qry_make_expr(QE_COERCEVIAIO, target, -1, -1);
		r->u.coerce.arg = e;
		return r;
	case CASTPATH_ARRAY: {
		qry_expr *ph = qry_make_expr(QE_CASETEST, p->elemsource, -1, -1);
		Oid et = ty_elem_of(target);
		qry_expr *el = anl_coerce_try(ps, ph, et, typmod, cc, cc == COERCION_EXPLICIT, -1);
		if (!el)
			return NULL;
		r = qry_make_expr(QE_ARRAYCOERCE, target, typmod, -1);
		r->u.arraycoerce.arg = e;
		r->u.arraycoerce.elemexpr = el;
		*typmod_done = true;
		return r;
	}
	case CASTPATH_NONE:
		break;
	}
	return NULL;
}

qry_expr *
anl_coerce_try(anl_pstate *ps, qry_expr *e, Oid target, int32_t typmod, ty_ccontext cc,
               bool explicit_form, int loc)
{
	Oid src = e->type;
	bool is_explicit = cc == COERCION_EXPLICIT;
	if (target == ANYOID || (ty_is_polymorphic(target) && src != UNKNOWNOID))
		return e;
	if (src == target && e->kind != QE_SETTODEFAULT)
		return typmod_node(e, target, typmod, is_explicit);
	if (e->kind == QE_CONST && src == UNKNOWNOID && target == REGCLASSOID && !e->u.c.isnull) {
		/* a relation name: looked up now, through the search path */
		const char *txt = DatumGetPointer(e->u.c.value);
		bool numeric = *txt && strspn(txt, "0123456789") == strlen(txt);
		if (!numeric)
			return anl_regclass_const(ps, txt, e->loc);
	}
	if (e->kind == QE_CONST && src == UNKNOWNOID) {
		if (ty_is_polymorphic(target) || target == ANYOID)
			target = TEXTOID;
		qry_expr *c;
		if (e->u.c.isnull)
			c = qry_make_const(target, -1, 0, true);
		else {
			int32_t intm = target == INTERVALOID ? typmod : -1;
			Datum v = input_with_pos(ps, target, DatumGetPointer(e->u.c.value), intm, e->loc);
			c = qry_make_const(target, intm, v, false);
		}
		c->loc = e->loc;
		return typmod_node(c, target, typmod, is_explicit);
	}
	if (e->kind == QE_PARAM && src == UNKNOWNOID && e->u.param.kind == QP_EXTERN) {
		if (ty_is_polymorphic(target))
			return e;
		anl_param_set_type(ps, e->u.param.id, target, e->loc);
		e->type = target;
		return typmod_node(e, target, typmod, is_explicit);
	}
	if (src == UNKNOWNOID) {
		/* an unknown-typed expression that is not a literal: via its text */
		qry_expr *r = qry_make_expr(QE_COERCEVIAIO, target, -1, -1);
		r->u.coerce.arg = e;
		return typmod_node(r, target, typmod, is_explicit);
	}
	if (target == RECORDOID && (e->kind == QE_ROW || src == RECORDOID))
		return e;
	ty_castpath p;
	if (!ty_cast_find(src, target, cc, &p))
		return NULL;
	bool done;
	qry_expr *r = cast_node(ps, e, &p, target, typmod, cc, &done);
	if (!r)
		return NULL;
	if (!done)
		r = typmod_node(r, target, typmod, is_explicit);
	(void)explicit_form;
	(void)loc;
	return r;
}

qry_expr *
anl_coerce(anl_pstate *ps, qry_expr *e, Oid target, int32_t typmod, ty_ccontext cc, int loc)
{
	qry_expr *r = anl_coerce_try(ps, e, target, typmod, cc, false, loc);
	if (!r)
		ANL_ERROR(ps, loc, "42846", "cannot cast type %s to %s", anl_type_name(e->type),
		          anl_type_name(target));
	return r;
}

qry_expr *
anl_coerce_to_specific(anl_pstate *ps, qry_expr *e, Oid t, const char *construct)
{
	if (e->type != t) {
		qry_expr *r = anl_coerce_try(ps, e, t, -1, COERCION_ASSIGNMENT, false, anl_expr_loc(e));
		if (!r)
			ANL_ERROR(ps, anl_expr_loc(e), "42804", "argument of %s must be type %s, not type %s",
			          construct, anl_type_name(t), anl_type_name(e->type));
		e = r;
	}
	if (anl_expr_has_srf(e))
		ANL_ERROR(ps, anl_expr_loc(e), "42804", "argument of %s must not return a set", construct);
	return e;
}

qry_expr *
anl_coerce_to_boolean(anl_pstate *ps, qry_expr *e, const char *construct)
{
	if (!e)
		return NULL;
	if (e->type != BOOLOID) {
		qry_expr *r = anl_coerce_try(ps, e, BOOLOID, -1, COERCION_ASSIGNMENT, false,
		                             anl_expr_loc(e));
		if (!r)
			ANL_ERROR(ps, anl_expr_loc(e), "42804", "argument of %s must be type %s, not type %s",
			          construct, "boolean", anl_type_name(e->type));
		e = r;
	}
	if (anl_expr_has_srf(e))
		ANL_ERROR(ps, anl_expr_loc(e), "42804", "argument of %s must not return a set", construct);
	return e;
}

qry_expr *
anl_coerce_assign(anl_pstate *ps, qry_expr *e, Oid target, int32_t typmod, const char *colname,
                  int loc)
{
	qry_expr *r = anl_coerce_try(ps, e, target, typmod, COERCION_ASSIGNMENT, false, loc);
	if (!r) {
		ERR_BEGIN("42804");
		err_position(anl_pos(ps, loc >= 0 ? loc : anl_expr_loc(e)));
		err_hint("You will need to rewrite or cast the expression.");
		err_throw("column \"%s\" is of type %s but expression is of type %s", colname,
		          anl_type_name(target), anl_type_name(e->type));
	}
	return r;
}

Oid
anl_common_type(anl_pstate *ps, qry_list *exprs, const char *context)
{
	int n = qry_list_len(exprs);
	if (n == 0)
		return TEXTOID;
	Oid *types = palloc(sizeof(Oid) * (size_t)n);
	int *locs = palloc(sizeof(int) * (size_t)n);
	for (int i = 0; i < n; i++) {
		qry_expr *e = exprs->items[i];
		types[i] = e->type;
		locs[i] = anl_pos(ps, anl_expr_loc(e));
	}
	return ty_select_common_type(n, types, context, locs);
}

int32_t
anl_common_typmod(qry_list *exprs, Oid common)
{
	int n = qry_list_len(exprs);
	if (n == 0)
		return -1;
	int32_t tm = -1;
	for (int i = 0; i < n; i++) {
		qry_expr *e = exprs->items[i];
		if (e->type != common)
			return -1;
		if (i == 0)
			tm = e->typmod;
		else if (e->typmod != tm)
			return -1;
	}
	return tm;
}

qry_expr *
anl_coerce_common(anl_pstate *ps, qry_expr *e, Oid t, int32_t typmod, const char *context)
{
	if (e->type == t && typmod < 0)
		return e;
	qry_expr *r = anl_coerce_try(ps, e, t, typmod, COERCION_IMPLICIT, false, anl_expr_loc(e));
	if (!r)
		ANL_ERROR(ps, anl_expr_loc(e), "42846", "%s could not convert type %s to %s", context,
		          anl_type_name(e->type), anl_type_name(t));
	return r;
}

qry_expr *
anl_resolve_unknown(anl_pstate *ps, qry_expr *e)
{
	if (!e || e->type != UNKNOWNOID)
		return e;
	return anl_coerce(ps, e, TEXTOID, -1, COERCION_IMPLICIT, anl_expr_loc(e));
}

/* ---- type names ---------------------------------------------------------------------------- */

Oid
anl_typename(const TypeName *tn, const char *query_text, int32_t *typmod)
{
	int loc = tn->hdr.loc;
	int pos = (query_text && loc >= 0) ? parse_errposition(query_text, loc) : 0;
	const char *name = anl_name_last(tn->names);
	int nn = ast_list_length(tn->names);
	if (tn->pct_type)
		ph_error("0A000", "%%TYPE references are not supported");
	if (nn > 1) {
		const char *schema = ast_strval(ast_list_nth(tn->names, nn - 2));
		if (strcmp(schema, "pg_catalog") != 0) {
			ERR_BEGIN("42704");
			err_position(pos);
			err_throw("type \"%s\" does not exist", anl_name_join(tn->names));
		}
	}
	/* the grammar turns an unquoted char into pg_catalog.bpchar: a bare "char" was quoted,
	 * and means the one-byte internal type */
	const ty_type *t = strcmp(name, "char") == 0 ? ty_get(CHAROID) : ty_lookup_name(name);
	/* names the SQL grammar does not map but PostgreSQL's catalog knows by alias */
	if (!t || (nn == 1 && strchr(name, ' '))) {
		ERR_BEGIN("42704");
		err_position(pos);
		err_throw("type \"%s\" does not exist", anl_name_join(tn->names));
	}
	Oid oid = t->oid;
	int32_t tm = -1;
	int nmods = ast_list_length(tn->typmods);
	if (nmods > 0) {
		int32_t mods[8];
		if (nmods > 8)
			nmods = 8;
		for (int i = 0; i < nmods; i++) {
			ast_node *m = ast_list_nth(tn->typmods, i);
			if (AST_IS(m, A_Const) && ((A_Const *)m)->ckind == CONST_INT)
				mods[i] = ((A_Const *)m)->ival;
			else if (AST_IS(m, Integer))
				mods[i] = ((Integer *)m)->ival;
			else {
				ERR_BEGIN("42601");
				err_position(pos);
				err_throw("type modifiers must be simple constants or identifiers");
			}
		}
		volatile int32_t vt = -1;
		ERR_TRY();
		vt = ty_typmod_in(oid, mods, nmods);
		ERR_CATCH();
		err_info *ei = err_last();
		if (ei->position == 0)
			ei->position = pos;
		err_rethrow();
		ERR_END();
		tm = vt;
	}
	for (int i = 0; i < ast_list_length(tn->arrayBounds); i++) {
		Oid a = ty_elem_of(oid) ? oid : ty_array_of(oid);
		if (a == InvalidOid) {
			ERR_BEGIN("42704");
			err_position(pos);
			err_throw("could not find array type for data type %s", anl_type_name(oid));
		}
		oid = a;
	}
	*typmod = tm;
	return oid;
}
