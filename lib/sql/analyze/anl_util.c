/*
 * anl_util.c — utility statements: passed through as QC_UTILITY, with the parts the engine
 * needs analyzed (EXPLAIN's statement, CREATE TABLE AS / VIEW queries, PREPARE, EXECUTE
 * arguments, COPY (query), DECLARE, CALL), and the DDL expression helpers of anl.h.
 */
#include "sql/analyze/anl_int.h"

static qry_query *
utility_query(ast_node *stmt)
{
	qry_query *q = palloc0(sizeof(*q));
	q->cmd = QC_UTILITY;
	q->utility = stmt;
	return q;
}

static qry_query *
inner(anl_pstate *ps, ast_node *stmt)
{
	anl_pstate *sub = anl_pstate_new(NULL, ps->ctx);
	return anl_transform_stmt(sub, stmt);
}

static bool
is_optimizable(ast_node *n)
{
	return AST_IS(n, SelectStmt) || AST_IS(n, InsertStmt) || AST_IS(n, UpdateStmt) ||
	       AST_IS(n, DeleteStmt);
}

qry_query *
anl_utility(anl_pstate *ps, ast_node *stmt)
{
	qry_query *q = utility_query(stmt);
	switch (AST_TAG(stmt)) {
	case T_ExplainStmt: {
		ExplainStmt *e = (ExplainStmt *)stmt;
		q->util_query = inner(ps, e->query);
		break;
	}
	case T_CreateTableAsStmt: {
		CreateTableAsStmt *c = (CreateTableAsStmt *)stmt;
		anl_view_result vr;
		anl_view_query(c->query, c->into ? c->into->colNames : NULL, false, ps->text, ps->ctx->params,
		               &vr);
		q->util_query = vr.query;
		break;
	}
	case T_ViewStmt: {
		ViewStmt *v = (ViewStmt *)stmt;
		anl_view_result vr;
		anl_view_query(v->query, v->aliases, true, ps->text, ps->ctx->params, &vr);
		q->util_query = vr.query;
		break;
	}
	case T_PrepareStmt: {
		PrepareStmt *p = (PrepareStmt *)stmt;
		if (!is_optimizable(p->query))
			break;
		int n = ast_list_length(p->argtypes);
		anl_params sub = *ps->ctx->params;
		sub.nparams = n;
		sub.param_types = palloc0(sizeof(Oid) * (size_t)(n ? n : 1));
		for (int i = 0; i < n; i++) {
			int32_t tm;
			sub.param_types[i] = anl_typename(ast_list_nth(p->argtypes, i), ps->text, &tm);
			if (sub.param_types[i] == UNKNOWNOID)
				sub.param_types[i] = InvalidOid;
		}
		sub.infer_params = true;
		q->util_query = anl_analyze(p->query, ps->text, &sub);
		break;
	}
	case T_ExecuteStmt: {
		ExecuteStmt *e = (ExecuteStmt *)stmt;
		anl_params *pp = ps->ctx->params;
		int n = 0;
		const Oid *types = NULL;
		if (!pp->prepared_lookup || !pp->prepared_lookup(e->name, &n, &types))
			ph_error("26000", "prepared statement \"%s\" does not exist", e->name);
		int given = ast_list_length(e->params);
		if (given != n) {
			ERR_BEGIN("42601");
			err_detail("Expected %d parameters but got %d.", n, given);
			err_throw("wrong number of parameters for prepared statement \"%s\"", e->name);
		}
		for (int i = 0; i < given; i++) {
			ast_node *a = ast_list_nth(e->params, i);
			qry_expr *x = anl_expr(ps, a, EK_EXECUTE_PARAMETER);
			qry_expr *c = anl_coerce_try(ps, x, types[i], -1, COERCION_ASSIGNMENT, false, a->loc);
			if (!c) {
				ERR_BEGIN("42804");
				err_position(anl_pos(ps, a->loc));
				err_hint("You will need to rewrite or cast the expression.");
				err_throw("parameter $%d of type %s cannot be coerced to the expected type %s", i + 1,
				          anl_type_name(x->type), anl_type_name(types[i]));
			}
			q->util_exprs = qry_list_append(q->util_exprs, anl_fold_constants(c));
		}
		break;
	}
	case T_CopyStmt: {
		CopyStmt *c = (CopyStmt *)stmt;
		if (c->query) {
			if (c->is_from)
				ANL_ERROR(ps, c->hdr.loc, "42601", "COPY FROM does not support a query");
			q->util_query = inner(ps, c->query);
		} else if (c->relation) {
			const anl_sysview *sv;
			Oid relid = anl_lookup_relation(ps, c->relation, true, &sv);
			if (relid == InvalidOid)
				ph_error("42P01", "relation \"%s\" does not exist", c->relation->relname);
			if (!sv) {
				const cat_relation *rel = cat_get_relation(relid);
				for (int i = 0; rel && i < ast_list_length(c->attlist); i++) {
					const char *cn = ast_strval(ast_list_nth(c->attlist, i));
					if (!cat_relation_attribute(rel, cn))
						ph_error("42703", "column \"%s\" of relation \"%s\" does not exist", cn,
						         rel->name);
				}
			}
		}
		break;
	}
	case T_DeclareCursorStmt:
		q->util_query = inner(ps, ((DeclareCursorStmt *)stmt)->query);
		break;
	case T_CallStmt: {
		/* no built-in is a procedure: report as PostgreSQL does for either case */
		CallStmt *c = (CallStmt *)stmt;
		qry_expr *volatile call = NULL;
		ERR_TRY();
		call = anl_expr(ps, (ast_node *)c->funccall, EK_CALL_ARGUMENT);
		ERR_CATCH();
		err_info *ei = err_last();
		if (strcmp(ei->sqlstate, "42883") == 0 && strncmp(ei->message, "function ", 9) == 0) {
			char msg[ERR_MSG_MAX];
			snprintf(msg, sizeof msg, "procedure %s", ei->message + 9);
			snprintf(ei->message, sizeof ei->message, "%s", msg);
			snprintf(ei->hint, sizeof ei->hint, "%s",
			         "No procedure matches the given name and argument types. You might need to add explicit type casts.");
		}
		err_rethrow();
		ERR_END();
		if (call->kind == QE_FUNC && call->u.func.fn) {
			ty_buf b;
			ty_buf_init(&b, 64);
			ty_buf_printf(&b, "%s(", call->u.func.fn->name);
			for (int i = 0; i < qry_list_len(call->u.func.args); i++)
				ty_buf_printf(&b, "%s%s", i ? ", " : "",
				              anl_type_name(((qry_expr *)call->u.func.args->items[i])->type));
			ty_buf_putc(&b, ')');
			ERR_BEGIN("42809");
			err_position(anl_pos(ps, c->funccall->hdr.loc));
			err_hint("To call a function, use SELECT.");
			err_throw("%s is not a procedure", b.data);
		}
		q->util_exprs = qry_list_make1(call);
		break;
	}
	default:
		break;
	}
	return q;
}

/* ---- DDL helpers ------------------------------------------------------------------------------ */

void
anl_table_desc_of(Oid relid, anl_table_desc *out)
{
	const cat_relation *rel = cat_get_relation(relid);
	if (!rel)
		ph_error("42P01", "relation with OID %u does not exist", relid);
	out->name = pstrdup(rel->name);
	out->ncols = rel->natts;
	const char **names = palloc(sizeof(char *) * (size_t)(rel->natts + 1));
	Oid *types = palloc(sizeof(Oid) * (size_t)(rel->natts + 1));
	int32_t *mods = palloc(sizeof(int32_t) * (size_t)(rel->natts + 1));
	for (int i = 0; i < rel->natts; i++) {
		names[i] = pstrdup(rel->atts[i].dropped ? "" : rel->atts[i].name);
		types[i] = rel->atts[i].type;
		mods[i] = rel->atts[i].typmod;
	}
	out->colnames = names;
	out->coltypes = types;
	out->coltypmods = mods;
}

static bool
volatile_walker(qry_expr *e, void *arg)
{
	return (e->kind == QE_FUNC && e->u.func.fn && e->u.func.fn->volatility != FN_IMMUTABLE) ||
	       e->kind == QE_SQLVALUE;
}

qry_expr *
anl_check_expr_for_table(const ast_node *expr, const anl_table_desc *t, anl_exprkind_ddl kind,
                         Oid target_type, int32_t target_typmod, const char *query_text,
                         char **text)
{
	anl_ctx *ctx = palloc0(sizeof(*ctx));
	ctx->text = query_text;
	ctx->params = &ctx->dflt;
	ctx->dflt.db = CAT_PHANTOM_DB_OID;
	anl_pstate *ps = anl_pstate_new(NULL, ctx);
	anl_ekind ek;
	switch (kind) {
	case ANL_DDL_CHECK: ek = EK_CHECK_CONSTRAINT; break;
	case ANL_DDL_DEFAULT: ek = EK_COLUMN_DEFAULT; break;
	case ANL_DDL_GENERATED: ek = EK_GENERATED_COLUMN; break;
	case ANL_DDL_INDEX: ek = EK_INDEX_EXPRESSION; break;
	case ANL_DDL_PREDICATE: ek = EK_INDEX_PREDICATE; break;
	default: ek = EK_ALTER_COL_TRANSFORM; break;
	}
	if (kind != ANL_DDL_DEFAULT) {
		qry_rte *rte = palloc0(sizeof(*rte));
		rte->kind = RTE_RELATION;
		rte->alias = pstrdup(t->name);
		rte->relname = pstrdup(t->name);
		for (int i = 0; i < t->ncols; i++) {
			rte->colnames = qry_list_append(rte->colnames, pstrdup(t->colnames[i]));
			rte->coltypes = qry_list_append(rte->coltypes, (void *)(uintptr_t)t->coltypes[i]);
			rte->coltypmods = qry_list_append(rte->coltypmods, (void *)(intptr_t)t->coltypmods[i]);
		}
		rte->in_from = true;
		int rti = anl_add_rte(ps, rte);
		anl_add_ns(ps, rti, true, true);
	}
	qry_expr *e;
	volatile bool colref_error = false;
	ERR_TRY();
	e = anl_expr(ps, (ast_node *)expr, ek);
	ERR_CATCH();
	colref_error = kind == ANL_DDL_DEFAULT && strcmp(err_last()->sqlstate, "42703") == 0;
	if (!colref_error)
		err_rethrow();
	ERR_END();
	if (colref_error)
		ANL_ERROR(ps, expr->loc, "0A000", "cannot use column reference in DEFAULT expression");
	if (ps->has_aggs)
		ANL_ERROR(ps, expr->loc, "42803", "aggregate functions are not allowed in %s",
		          kind == ANL_DDL_CHECK ? "check constraints" :
		          kind == ANL_DDL_DEFAULT ? "DEFAULT expressions" :
		          kind == ANL_DDL_GENERATED ? "column generation expressions" :
		          kind == ANL_DDL_INDEX ? "index expressions" : kind == ANL_DDL_PREDICATE ? "index predicates"
		                                                                            : "transform expressions");
	switch (kind) {
	case ANL_DDL_CHECK:
		e = anl_coerce_to_boolean(ps, e, "CHECK");
		break;
	case ANL_DDL_PREDICATE:
		e = anl_coerce_to_boolean(ps, e, "WHERE");
		break;
	case ANL_DDL_DEFAULT:
	case ANL_DDL_GENERATED:
	case ANL_DDL_USING: {
		const char *cn = "?";
		e = anl_coerce_assign(ps, e, target_type, target_typmod, cn, expr->loc);
		break;
	}
	case ANL_DDL_INDEX:
		e = anl_resolve_unknown(ps, e);
		break;
	}
	if ((kind == ANL_DDL_INDEX || kind == ANL_DDL_PREDICATE || kind == ANL_DDL_GENERATED) &&
	    qry_walk_expr(e, volatile_walker, NULL))
		ANL_ERROR(ps, expr->loc, "42P17", "functions in %s must be marked IMMUTABLE",
		          kind == ANL_DDL_INDEX ? "index expression" :
		          kind == ANL_DDL_PREDICATE ? "index predicate" : "column generation expression");
	if (text) {
		qry_query ctxq;
		memset(&ctxq, 0, sizeof ctxq);
		ctxq.rtable = ps->rtable;
		*text = qry_deparse_expr(e, &ctxq);
	}
	return e;
}

void
anl_view_query(const ast_node *query, const ast_list *aliases, bool for_view,
               const char *query_text, anl_params *params, anl_view_result *out)
{
	qry_query *q = anl_analyze(query, query_text, params);
	if (q->cmd != QC_SELECT)
		ph_error("42601", "views must be defined by a SELECT");
	memset(out, 0, sizeof(*out));
	out->query = q;
	int n = 0;
	for (int i = 0; i < qry_list_len(q->targets); i++)
		if (!((qry_target *)q->targets->items[i])->resjunk)
			n++;
	int na = ast_list_length(aliases);
	if (na > n) {
		if (for_view)
			ph_error("42601", "CREATE VIEW specifies more column names than columns");
		ph_error("42601", "too many column names were specified");
	}
	out->ncols = n;
	out->colnames = palloc(sizeof(char *) * (size_t)(n + 1));
	out->coltypes = palloc(sizeof(Oid) * (size_t)(n + 1));
	out->coltypmods = palloc(sizeof(int32_t) * (size_t)(n + 1));
	int k = 0;
	for (int i = 0; i < qry_list_len(q->targets); i++) {
		qry_target *t = q->targets->items[i];
		if (t->resjunk)
			continue;
		if (k < na)
			t->name = pstrdup(ast_strval(ast_list_nth(aliases, k)));
		if (t->expr->type == UNKNOWNOID)
			t->expr->type = TEXTOID;
		out->colnames[k] = pstrdup(t->name);
		out->coltypes[k] = t->expr->type;
		out->coltypmods[k] = t->expr->typmod;
		for (int m = 0; m < k; m++)
			if (strcmp(out->colnames[m], out->colnames[k]) == 0)
				ph_error("42701", "column \"%s\" specified more than once", out->colnames[k]);
		k++;
	}
	out->text = qry_deparse_query(q);
}
