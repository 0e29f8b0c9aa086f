/*
 * qry_deparse.c — SQL text of analyzed expressions and queries (for views, stored CHECK /
 * DEFAULT texts, EXPLAIN).  Operators print parenthesised with their operator name, casts as
 * (x)::type, functions by name, Vars as column or alias.column; the text parses again and
 * analyzes to an equal tree.
 */
#include "sql/analyze/anl_int.h"

typedef struct dctx {
	ty_buf *b;
	const qry_query *q;
	bool qualify;
	const struct dctx *parent;   /* the enclosing query's context (outer references) */
} dctx;

static void dp_expr(dctx *c, const qry_expr *e);
static void dp_query(ty_buf *b, const qry_query *q, const dctx *parent);

static void
dp_list(dctx *c, const qry_list *l, const char *sep)
{
	for (int i = 0; i < qry_list_len(l); i++) {
		if (i)
			ty_buf_puts(c->b, sep);
		dp_expr(c, l->items[i]);
	}
}

static void
dp_literal(ty_buf *b, const char *s)
{
	ty_buf_putc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			ty_buf_putc(b, '\'');
		ty_buf_putc(b, *p);
	}
	ty_buf_putc(b, '\'');
}

static void
dp_const(dctx *c, const qry_expr *e)
{
	ty_buf *b = c->b;
	if (e->u.c.isnull) {
		ty_buf_puts(b, "NULL");
		if (e->type != UNKNOWNOID)
			ty_buf_printf(b, "::%s", ty_format_type(e->type, e->typmod));
		return;
	}
	if (e->type == UNKNOWNOID) {
		dp_literal(b, DatumGetPointer(e->u.c.value));
		return;
	}
	char *s = ty_output(e->type, e->u.c.value);
	switch (e->type) {
	case INT4OID:
		if (s[0] == '-')
			ty_buf_printf(b, "(%s)", s);
		else
			ty_buf_puts(b, s);
		return;
	case BOOLOID:
		ty_buf_puts(b, DatumGetBool(e->u.c.value) ? "true" : "false");
		return;
	case NUMERICOID:
		if (strspn(s, "0123456789.") == strlen(s) && strchr(s, '.')) {
			ty_buf_puts(b, s);
			return;
		}
		break;
	default:
		break;
	}
	dp_literal(b, s);
	ty_buf_printf(b, "::%s", ty_format_type(e->type, e->typmod));
}

/* The name under which a column of an entry is printed: its own, or name_N when another
 * column of the entry has the same name (a subquery's two "?column?" columns), so that a
 * reference stays unambiguous when the text is analyzed again. */
static const char *
dp_colname(const qry_rte *r, int attno)
{
	const char *cn = r->colnames->items[attno - 1];
	if (r->kind == RTE_RELATION || r->kind == RTE_SYSVIEW)
		return cn;
	for (int i = 0; i < qry_list_len(r->colnames); i++)
		if (i != attno - 1 && strcmp(r->colnames->items[i], cn) == 0)
			return psprintf("%s_%d", cn, attno);
	return cn;
}

static void
dp_var(dctx *c, const qry_expr *e)
{
	const dctx *owner = c;
	for (int i = 0; i < e->u.var.levelsup && owner; i++)
		owner = owner->parent;
	const qry_query *q = owner ? owner->q : NULL;
	const qry_rte *r = NULL;
	if (q && e->u.var.varno <= qry_list_len(q->rtable))
		r = q->rtable->items[e->u.var.varno - 1];
	if (!r) {
		ty_buf_printf(c->b, "$var%d_%d", e->u.var.varno, e->u.var.attno);
		return;
	}
	if (e->u.var.attno == 0) {
		ty_buf_printf(c->b, "%s.*", parse_quote_ident(r->alias));
		return;
	}
	if (e->u.var.attno < 0) {
		ty_buf_printf(c->b, "%s.%s", parse_quote_ident(r->alias), anl_syscol_name(e->u.var.attno));
		return;
	}
	const char *col = dp_colname(r, e->u.var.attno);
	if (c->qualify || e->u.var.levelsup > 0)
		ty_buf_printf(c->b, "%s.", parse_quote_ident(r->alias));
	ty_buf_puts(c->b, parse_quote_ident(col));
}

/* A function name; keywords with special call syntax (extract, substring, position,
 * overlay, trim...) are qualified so that the plain call form parses. */
static void
dp_funcname(ty_buf *b, const char *name)
{
	if (parse_ident_needs_quotes(name))
		ty_buf_printf(b, "pg_catalog.%s", name);
	else
		ty_buf_puts(b, name);
}

static void
dp_cast(dctx *c, const qry_expr *arg, Oid type, int32_t typmod)
{
	ty_buf_putc(c->b, '(');
	dp_expr(c, arg);
	ty_buf_printf(c->b, ")::%s", ty_format_type(type, typmod));
}

static const qry_target *target_by_ref(const qry_query *q, int ref);

static void
dp_bound(dctx *c, int opts, bool start, const qry_expr *off)
{
	ty_buf *b = c->b;
	if (opts & (start ? FRAMEOPTION_START_UNBOUNDED_PRECEDING : FRAMEOPTION_END_UNBOUNDED_PRECEDING))
		ty_buf_puts(b, "UNBOUNDED PRECEDING");
	else if (opts & (start ? FRAMEOPTION_START_UNBOUNDED_FOLLOWING : FRAMEOPTION_END_UNBOUNDED_FOLLOWING))
		ty_buf_puts(b, "UNBOUNDED FOLLOWING");
	else if (opts & (start ? FRAMEOPTION_START_CURRENT_ROW : FRAMEOPTION_END_CURRENT_ROW))
		ty_buf_puts(b, "CURRENT ROW");
	else {
		dp_expr(c, off);
		ty_buf_puts(b, (opts & (start ? FRAMEOPTION_START_OFFSET_PRECEDING
		                               : FRAMEOPTION_END_OFFSET_PRECEDING)) ? " PRECEDING" : " FOLLOWING");
	}
}

/* (PARTITION BY ... ORDER BY ... frame) of a window */
static void
dp_window(dctx *c, const qry_window *w)
{
	ty_buf *b = c->b;
	ty_buf_putc(b, '(');
	if (!w) {
		ty_buf_putc(b, ')');
		return;
	}
	bool sp = false;
	for (int i = 0; i < qry_list_len(w->partition); i++) {
		const qry_sortgroup *s = w->partition->items[i];
		ty_buf_puts(b, i ? ", " : "PARTITION BY ");
		dp_expr(c, target_by_ref(c->q, s->ref)->expr);
		sp = true;
	}
	for (int i = 0; i < qry_list_len(w->order); i++) {
		const qry_sortgroup *s = w->order->items[i];
		ty_buf_puts(b, i ? ", " : sp ? " ORDER BY " : "ORDER BY ");
		dp_expr(c, target_by_ref(c->q, s->ref)->expr);
		if (s->descending)
			ty_buf_puts(b, " DESC");
		if (s->nulls_first != s->descending)
			ty_buf_puts(b, s->nulls_first ? " NULLS FIRST" : " NULLS LAST");
		sp = true;
	}
	int o = w->frame_options;
	if (o & FRAMEOPTION_NONDEFAULT) {
		ty_buf_puts(b, sp ? " " : "");
		ty_buf_puts(b, (o & FRAMEOPTION_ROWS) ? "ROWS " : (o & FRAMEOPTION_GROUPS) ? "GROUPS " : "RANGE ");
		if (o & FRAMEOPTION_BETWEEN) {
			ty_buf_puts(b, "BETWEEN ");
			dp_bound(c, o, true, w->start_offset);
			ty_buf_puts(b, " AND ");
			dp_bound(c, o, false, w->end_offset);
		} else
			dp_bound(c, o, true, w->start_offset);
		if (o & FRAMEOPTION_EXCLUDE_CURRENT_ROW)
			ty_buf_puts(b, " EXCLUDE CURRENT ROW");
		else if (o & FRAMEOPTION_EXCLUDE_GROUP)
			ty_buf_puts(b, " EXCLUDE GROUP");
		else if (o & FRAMEOPTION_EXCLUDE_TIES)
			ty_buf_puts(b, " EXCLUDE TIES");
	}
	ty_buf_putc(b, ')');
}

static bool
is_casetest(const qry_expr *e)
{
	while (e && (e->kind == QE_RELABEL || e->kind == QE_COERCEVIAIO ||
	             (e->kind == QE_FUNC && e->u.func.fn && (e->u.func.fn->flags & FN_CAST) &&
	              qry_list_len(e->u.func.args) >= 1)))
		e = e->kind == QE_FUNC ? e->u.func.args->items[0] : e->u.coerce.arg;
	return e && e->kind == QE_CASETEST;
}

static void
dp_expr(dctx *c, const qry_expr *e)
{
	ty_buf *b = c->b;
	if (!e) {
		ty_buf_puts(b, "NULL");
		return;
	}
	switch (e->kind) {
	case QE_CONST:
		dp_const(c, e);
		return;
	case QE_PARAM:
		ty_buf_printf(b, "$%d", e->u.param.id);
		return;
	case QE_VAR:
		dp_var(c, e);
		return;
	case QE_FUNC: {
		const ty_oper *op = e->u.func.op;
		if (op && qry_list_len(e->u.func.args) == 2) {
			ty_buf_putc(b, '(');
			dp_expr(c, e->u.func.args->items[0]);
			ty_buf_printf(b, " %s ", op->name);
			dp_expr(c, e->u.func.args->items[1]);
			ty_buf_putc(b, ')');
			return;
		}
		if (op) {
			const qry_expr *a = e->u.func.args->items[0];
			ty_buf_printf(b, "(%s ", op->name);
			if (a->kind == QE_CONST && !a->u.c.isnull && ty_category(a->type) == TYPCAT_NUMERIC) {
				/* "- 9" would parse as the constant -9: keep the operator */
				ty_buf_printf(b, "(%s)::%s", ty_output(a->type, a->u.c.value),
				              ty_format_type(a->type, a->typmod));
			} else
				dp_expr(c, a);
			ty_buf_putc(b, ')');
			return;
		}
		if (e->u.func.fn && (e->u.func.fn->flags & FN_CAST)) {
			dp_cast(c, e->u.func.args->items[0], e->type, e->typmod);
			return;
		}
		dp_funcname(b, e->u.func.fn ? e->u.func.fn->name : "?");
		ty_buf_putc(b, '(');
		dp_list(c, e->u.func.args, ", ");
		ty_buf_putc(b, ')');
		return;
	}
	case QE_BOOL:
		if (e->u.boolexpr.op == QB_NOT) {
			ty_buf_puts(b, "(NOT ");
			dp_expr(c, e->u.boolexpr.args->items[0]);
			ty_buf_putc(b, ')');
			return;
		}
		ty_buf_putc(b, '(');
		dp_list(c, e->u.boolexpr.args, e->u.boolexpr.op == QB_AND ? " AND " : " OR ");
		ty_buf_putc(b, ')');
		return;
	case QE_NULLTEST:
		ty_buf_putc(b, '(');
		dp_expr(c, e->u.nulltest.arg);
		ty_buf_puts(b, e->u.nulltest.test == QN_IS_NULL ? " IS NULL)" : " IS NOT NULL)");
		return;
	case QE_BOOLTEST: {
		static const char *n[] = {" IS TRUE)", " IS NOT TRUE)", " IS FALSE)", " IS NOT FALSE)",
		                          " IS UNKNOWN)", " IS NOT UNKNOWN)"};
		ty_buf_putc(b, '(');
		dp_expr(c, e->u.booltest.arg);
		ty_buf_puts(b, n[e->u.booltest.test]);
		return;
	}
	case QE_DISTINCT:
		ty_buf_putc(b, '(');
		dp_expr(c, e->u.distinct.l);
		ty_buf_puts(b, e->u.distinct.not_distinct ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
		dp_expr(c, e->u.distinct.r);
		ty_buf_putc(b, ')');
		return;
	case QE_NULLIF:
		ty_buf_puts(b, "NULLIF(");
		dp_expr(c, e->u.nullif.l);
		ty_buf_puts(b, ", ");
		dp_expr(c, e->u.nullif.r);
		ty_buf_putc(b, ')');
		return;
	case QE_SCALARARRAYOP: {
		/* the operator implemented by the comparison function */
		const char *opname = "=";
		int nops;
		const ty_oper *ops = ty_oper_table(&nops);
		for (int i = 0; i < nops; i++)
			if (ops[i].fn == e->u.saop.fn && ops[i].kind == 'b') {
				opname = ops[i].name;
				break;
			}
		ty_buf_putc(b, '(');
		dp_expr(c, e->u.saop.scalar);
		if (!e->u.saop.array) {
			/* an IN list: print it as written so it analyzes to the same tree */
			ty_buf_puts(b, e->u.saop.use_or ? " IN (" : " NOT IN (");
			dp_list(c, e->u.saop.list, ", ");
			ty_buf_puts(b, "))");
			return;
		}
		ty_buf_printf(b, " %s %s (", opname, e->u.saop.use_or ? "ANY" : "ALL");
		dp_expr(c, e->u.saop.array);
		ty_buf_puts(b, "))");
		return;
	}
	case QE_CASE:
		ty_buf_puts(b, "CASE");
		if (e->u.caseexpr.testexpr) {
			ty_buf_putc(b, ' ');
			dp_expr(c, e->u.caseexpr.testexpr);
		}
		for (int i = 0; i < qry_list_len(e->u.caseexpr.whens); i++) {
			const qry_expr *w = e->u.caseexpr.whens->items[i];
			ty_buf_puts(b, " WHEN ");
			if (e->u.caseexpr.testexpr && w->kind == QE_FUNC && qry_list_len(w->u.func.args) == 2 &&
			    is_casetest(w->u.func.args->items[0]))
				dp_expr(c, w->u.func.args->items[1]);   /* simple CASE: the compared value */
			else
				dp_expr(c, w);
			ty_buf_puts(b, " THEN ");
			dp_expr(c, e->u.caseexpr.thens->items[i]);
		}
		ty_buf_puts(b, " ELSE ");
		dp_expr(c, e->u.caseexpr.defresult);
		ty_buf_puts(b, " END");
		return;
	case QE_CASETEST:
		/* only inside a simple CASE's conditions: print the operand again */
		ty_buf_puts(b, "NULL");
		return;
	case QE_COALESCE:
		ty_buf_puts(b, "COALESCE(");
		dp_list(c, e->u.coalesce.args, ", ");
		ty_buf_putc(b, ')');
		return;
	case QE_MINMAX:
		ty_buf_puts(b, e->u.minmax.greatest ? "GREATEST(" : "LEAST(");
		dp_list(c, e->u.minmax.args, ", ");
		ty_buf_putc(b, ')');
		return;
	case QE_SUBLINK:
	case QE_SUBPLAN: {
		switch (e->u.sublink.kind) {
		case QS_EXISTS:
			ty_buf_puts(b, "EXISTS ");
			break;
		case QS_ARRAY:
			ty_buf_puts(b, "ARRAY");
			break;
		case QS_ANY:
		case QS_ALL:
		case QS_ROWCOMPARE:
			ty_buf_putc(b, '(');
			dp_expr(c, e->u.sublink.testexpr);
			ty_buf_printf(b, " = %s ", e->u.sublink.kind == QS_ALL ? "ALL" : e->u.sublink.kind == QS_ANY ? "ANY" : "");
			break;
		default:
			break;
		}
		ty_buf_putc(b, '(');
		if (e->u.sublink.subquery)
			dp_query(b, e->u.sublink.subquery, c);
		ty_buf_putc(b, ')');
		if (e->u.sublink.kind == QS_ANY || e->u.sublink.kind == QS_ALL ||
		    e->u.sublink.kind == QS_ROWCOMPARE)
			ty_buf_putc(b, ')');
		return;
	}
	case QE_AGGREF: {
		dp_funcname(b, e->u.aggref.fn->name);
		ty_buf_printf(b, "(%s", e->u.aggref.distinct ? "DISTINCT " : "");
		if (e->u.aggref.star)
			ty_buf_putc(b, '*');
		int nreal = qry_list_len(e->u.aggref.args) - e->u.aggref.nextra;
		for (int i = 0; i < nreal; i++) {
			if (i)
				ty_buf_puts(b, ", ");
			dp_expr(c, e->u.aggref.args->items[i]);
		}
		for (int i = 0; i < qry_list_len(e->u.aggref.order); i++) {
			const qry_sortgroup *s = e->u.aggref.order->items[i];
			ty_buf_puts(b, i ? ", " : " ORDER BY ");
			dp_expr(c, e->u.aggref.args->items[s->ref - 1]);
			if (s->descending)
				ty_buf_puts(b, " DESC");
			if (s->nulls_first != s->descending)
				ty_buf_puts(b, s->nulls_first ? " NULLS FIRST" : " NULLS LAST");
		}
		ty_buf_putc(b, ')');
		if (e->u.aggref.filter) {
			ty_buf_puts(b, " FILTER (WHERE ");
			dp_expr(c, e->u.aggref.filter);
			ty_buf_putc(b, ')');
		}
		return;
	}
	case QE_WINDOWFUNC: {
		dp_funcname(b, e->u.windowfunc.fn->name);
		ty_buf_putc(b, '(');
		if (e->u.windowfunc.star)
			ty_buf_putc(b, '*');
		dp_list(c, e->u.windowfunc.args, ", ");
		ty_buf_putc(b, ')');
		if (e->u.windowfunc.filter) {
			ty_buf_puts(b, " FILTER (WHERE ");
			dp_expr(c, e->u.windowfunc.filter);
			ty_buf_putc(b, ')');
		}
		const qry_window *w = NULL;
		for (int i = 0; c->q && i < qry_list_len(c->q->window_clause); i++) {
			const qry_window *x = c->q->window_clause->items[i];
			if (x->winref == e->u.windowfunc.winref)
				w = x;
		}
		if (w && w->name)
			ty_buf_printf(b, " OVER %s", parse_quote_ident(w->name));
		else {
			ty_buf_puts(b, " OVER ");
			dp_window(c, w);
		}
		return;
	}
	case QE_COERCEVIAIO:
	case QE_RELABEL:
		dp_cast(c, e->u.coerce.arg, e->type, e->typmod);
		return;
	case QE_TYPMOD:
		dp_cast(c, e->u.typmod.arg, e->type, e->typmod);
		return;
	case QE_ARRAYCOERCE:
		dp_cast(c, e->u.arraycoerce.arg, e->type, e->typmod);
		return;
	case QE_ROW:
		ty_buf_puts(b, "ROW(");
		dp_list(c, e->u.row.args, ", ");
		ty_buf_putc(b, ')');
		return;
	case QE_ARRAY:
		ty_buf_puts(b, "ARRAY[");
		dp_list(c, e->u.array.elems, ", ");
		ty_buf_putc(b, ']');
		if (qry_list_len(e->u.array.elems) == 0)   /* ARRAY[] needs its type */
			ty_buf_printf(b, "::%s", ty_format_type(e->type, -1));
		return;
	case QE_SUBSCRIPT:
		ty_buf_putc(b, '(');
		dp_expr(c, e->u.subscript.container);
		ty_buf_putc(b, ')');
		for (int i = 0; i < qry_list_len(e->u.subscript.upper); i++) {
			ty_buf_putc(b, '[');
			if (e->u.subscript.slice) {
				if (e->u.subscript.lower->items[i])
					dp_expr(c, e->u.subscript.lower->items[i]);
				ty_buf_putc(b, ':');
			}
			if (e->u.subscript.upper->items[i])
				dp_expr(c, e->u.subscript.upper->items[i]);
			ty_buf_putc(b, ']');
		}
		return;
	case QE_SQLVALUE: {
		static const char *n[] = {"CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIME", "CURRENT_TIMESTAMP",
		                          "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIME", "LOCALTIMESTAMP",
		                          "LOCALTIMESTAMP", "CURRENT_ROLE", "CURRENT_USER", "USER",
		                          "SESSION_USER", "CURRENT_CATALOG", "CURRENT_SCHEMA"};
		ty_buf_puts(b, n[e->u.sqlvalue.op]);
		if (e->u.sqlvalue.precision >= 0)
			ty_buf_printf(b, "(%d)", e->u.sqlvalue.precision);
		return;
	}
	case QE_GROUPING:
		ty_buf_puts(b, "GROUPING(");
		dp_list(c, e->u.grouping.args, ", ");
		ty_buf_putc(b, ')');
		return;
	case QE_SETTODEFAULT:
		ty_buf_puts(b, "DEFAULT");
		return;
	case QE_COLREF:
		ty_buf_printf(b, "$col%d_%d", e->u.colref.input, e->u.colref.col);
		return;
	}
}

char *
qry_deparse_expr(const qry_expr *e, const qry_query *context)
{
	ty_buf b;
	ty_buf_init(&b, 64);
	dctx c = {&b, context, context && qry_list_len(context->rtable) > 1, NULL};
	dp_expr(&c, e);
	return b.data;
}

static void
dp_from_item(ty_buf *b, const qry_query *q, const qry_jointree *j, const dctx *pc)
{
	if (j->kind == QJ_JOIN && j->jointype == QJOIN_INNER && !j->quals) {
		ty_buf_putc(b, '(');
		dp_from_item(b, q, j->larg, pc);
		ty_buf_puts(b, " CROSS JOIN ");
		dp_from_item(b, q, j->rarg, pc);
		ty_buf_putc(b, ')');
		return;
	}
	if (j->kind == QJ_JOIN) {
		static const char *n[] = {" JOIN ", " LEFT JOIN ", " FULL JOIN ", " RIGHT JOIN ", " JOIN ",
		                          " JOIN "};
		const qry_rte *jr = q->rtable->items[j->rtindex - 1];
		ty_buf_putc(b, '(');
		dp_from_item(b, q, j->larg, pc);
		ty_buf_puts(b, n[j->jointype]);
		dp_from_item(b, q, j->rarg, pc);
		if (j->using_cols) {
			ty_buf_puts(b, " USING (");
			for (int i = 0; i < qry_list_len(j->using_cols); i++)
				ty_buf_printf(b, "%s%s", i ? ", " : "", parse_quote_ident(j->using_cols->items[i]));
			ty_buf_putc(b, ')');
		} else {
			ty_buf_puts(b, " ON ");
			if (j->quals) {
				dctx c = {b, q, true, pc};
				dp_expr(&c, j->quals);
			} else
				ty_buf_puts(b, "true");
		}
		ty_buf_putc(b, ')');
		/* a join alias is not printed: Vars name the joined tables themselves (join alias
		 * references are flattened at analysis), which an alias would hide */
		(void)jr;
		return;
	}
	const qry_rte *r = q->rtable->items[j->rtindex - 1];
	switch (r->kind) {
	case RTE_RELATION:
	case RTE_SYSVIEW:
		ty_buf_printf(b, "%s.%s", parse_quote_ident(r->nspname ? r->nspname : "public"),
		              parse_quote_ident(r->relname));
		break;
	case RTE_SUBQUERY:
		if (r->view_relid && r->relname) {
			const cat_relation *rel = cat_get_relation(r->view_relid);
			const cat_namespace *ns = rel ? cat_get_namespace(rel->ns) : NULL;
			ty_buf_printf(b, "%s.%s", parse_quote_ident(ns ? ns->name : "public"),
			              parse_quote_ident(r->relname));
			break;
		}
		ty_buf_puts(b, r->lateral ? "LATERAL (" : "(");
		dp_query(b, r->subquery, r->lateral ? &(dctx){b, q, true, pc} : pc);
		ty_buf_putc(b, ')');
		break;
	case RTE_FUNCTION: {
		dctx c = {b, q, true, pc};
		if (qry_list_len(r->functions) > 1) {
			ty_buf_puts(b, "ROWS FROM (");
			dp_list(&c, r->functions, ", ");
			ty_buf_putc(b, ')');
		} else
			dp_list(&c, r->functions, ", ");
		if (r->ordinality)
			ty_buf_puts(b, " WITH ORDINALITY");
		break;
	}
	case RTE_VALUES: {
		ty_buf_puts(b, "(VALUES ");
		for (int i = 0; i < qry_list_len(r->values_lists); i++) {
			dctx c = {b, q, true, pc};
			ty_buf_puts(b, i ? ", (" : "(");
			dp_list(&c, r->values_lists->items[i], ", ");
			ty_buf_putc(b, ')');
		}
		ty_buf_putc(b, ')');
		break;
	}
	case RTE_CTE:
		ty_buf_puts(b, parse_quote_ident(r->ctename));
		break;
	default:
		break;
	}
	ty_buf_printf(b, " %s", parse_quote_ident(r->alias));
	bool aliased = r->kind != RTE_RELATION && r->kind != RTE_SYSVIEW;
	if (r->kind == RTE_RELATION) {
		/* column aliases: print them when they differ from the columns' names */
		const cat_relation *rel = cat_get_relation(r->relid);
		for (int i = 0; rel && i < rel->natts && i < qry_list_len(r->colnames); i++)
			if (!rel->atts[i].dropped && strcmp(rel->atts[i].name, r->colnames->items[i]) != 0)
				aliased = true;
	}
	if (aliased) {
		ty_buf_putc(b, '(');
		bool first = true;
		for (int i = 0; i < qry_list_len(r->colnames); i++) {
			const char *cn = r->colnames->items[i];
			if (!*cn)
				continue;   /* a dropped column */
			cn = dp_colname(r, i + 1);
			ty_buf_printf(b, "%s%s", first ? "" : ", ", parse_quote_ident(cn));
			first = false;
		}
		ty_buf_putc(b, ')');
	}
}

static const qry_target *
target_by_ref(const qry_query *q, int ref)
{
	for (int i = 0; i < qry_list_len(q->targets); i++) {
		const qry_target *t = q->targets->items[i];
		if (t->sortgroupref == ref)
			return t;
	}
	return NULL;
}

/* An ORDER BY / GROUP BY / DISTINCT ON item: an output column by its position (so that a
 * subquery or a constant is not analyzed a second time as a new expression), a helper
 * column by its expression. */
static void
dp_sortitem(dctx *c, const qry_query *q, int ref)
{
	int pos = 0;
	for (int i = 0; i < qry_list_len(q->targets); i++) {
		const qry_target *t = q->targets->items[i];
		if (t->resjunk)
			continue;
		pos++;
		if (t->sortgroupref == ref) {
			ty_buf_printf(c->b, "%d", pos);
			return;
		}
	}
	dp_expr(c, target_by_ref(q, ref)->expr);
}

static void
dp_setop(ty_buf *b, const qry_query *q, const qry_setop *s, const dctx *pc)
{
	if (s->is_leaf) {
		const qry_rte *r = q->rtable->items[s->rtindex - 1];
		ty_buf_putc(b, '(');
		dp_query(b, r->subquery, pc);
		ty_buf_putc(b, ')');
		return;
	}
	static const char *n[] = {" UNION ", " INTERSECT ", " EXCEPT "};
	ty_buf_putc(b, '(');
	dp_setop(b, q, s->larg, pc);
	ty_buf_puts(b, n[s->op]);
	if (s->all)
		ty_buf_puts(b, "ALL ");
	dp_setop(b, q, s->rarg, pc);
	ty_buf_putc(b, ')');
}

static void dp_dml(ty_buf *b, const qry_query *q, const dctx *parent);

static void
dp_returning(dctx *c, const qry_list *ret)
{
	for (int i = 0; i < qry_list_len(ret); i++) {
		const qry_target *t = ret->items[i];
		ty_buf_puts(c->b, i ? ", " : " RETURNING ");
		dp_expr(c, t->expr);
		ty_buf_printf(c->b, " AS %s", parse_quote_ident(t->name ? t->name : "?column?"));
	}
}

static void
dp_target_rel(ty_buf *b, const qry_rte *r)
{
	ty_buf_printf(b, "%s.%s", parse_quote_ident(r->nspname ? r->nspname : "public"),
	              parse_quote_ident(r->relname));
	if (r->has_alias)
		ty_buf_printf(b, " AS %s", parse_quote_ident(r->alias));
}

/* INSERT / UPDATE / DELETE (data-modifying WITH queries) */
static void
dp_dml(ty_buf *b, const qry_query *q, const dctx *parent)
{
	dctx c = {b, q, true, parent};
	const qry_rte *tr = q->rtable->items[q->result_rel - 1];
	qry_list *others = NULL;
	for (int i = 0; i < qry_list_len(q->jointree->fromlist); i++) {
		const qry_jointree *j = q->jointree->fromlist->items[i];
		if (!(j->kind == QJ_RANGEREF && j->rtindex == q->result_rel))
			others = qry_list_append(others, (void *)j);
	}
	if (q->cmd == QC_INSERT) {
		ty_buf_puts(b, "INSERT INTO ");
		dp_target_rel(b, tr);
		ty_buf_puts(b, " (");
		for (int i = 0; i < qry_list_len(q->targets); i++) {
			const qry_target *t = q->targets->items[i];
			ty_buf_printf(b, "%s%s", i ? ", " : "", parse_quote_ident(anl_rte_colname((qry_rte *)tr, t->resno)));
		}
		ty_buf_puts(b, q->override == OVERRIDING_USER_VALUE ? ") OVERRIDING USER VALUE "
		               : ") OVERRIDING SYSTEM VALUE ");
		if (!others) {
			ty_buf_puts(b, "VALUES (");
			for (int i = 0; i < qry_list_len(q->targets); i++) {
				if (i)
					ty_buf_puts(b, ", ");
				dp_expr(&c, ((const qry_target *)q->targets->items[i])->expr);
			}
			ty_buf_putc(b, ')');
		} else {
			ty_buf_puts(b, "SELECT ");
			for (int i = 0; i < qry_list_len(q->targets); i++) {
				if (i)
					ty_buf_puts(b, ", ");
				dp_expr(&c, ((const qry_target *)q->targets->items[i])->expr);
			}
			ty_buf_puts(b, " FROM ");
			dp_from_item(b, q, others->items[0], parent);
		}
		if (q->onconflict) {
			const qry_onconflict *oc = q->onconflict;
			ty_buf_puts(b, " ON CONFLICT");
			if (oc->arbiter_cols) {
				ty_buf_puts(b, " (");
				for (int i = 0; i < qry_list_len(oc->arbiter_cols); i++)
					ty_buf_printf(b, "%s%s", i ? ", " : "",
					              parse_quote_ident(anl_rte_colname((qry_rte *)tr, QRY_INT(oc->arbiter_cols->items[i]))));
				ty_buf_putc(b, ')');
			}
			if (oc->action == OC_NOTHING)
				ty_buf_puts(b, " DO NOTHING");
			else {
				ty_buf_puts(b, " DO UPDATE SET ");
				for (int i = 0; i < qry_list_len(oc->set_targets); i++) {
					const qry_target *t = oc->set_targets->items[i];
					ty_buf_printf(b, "%s%s = ", i ? ", " : "", parse_quote_ident(anl_rte_colname((qry_rte *)tr, t->resno)));
					dp_expr(&c, t->expr);
				}
				if (oc->where) {
					ty_buf_puts(b, " WHERE ");
					dp_expr(&c, oc->where);
				}
			}
		}
	} else if (q->cmd == QC_UPDATE) {
		ty_buf_puts(b, "UPDATE ");
		dp_target_rel(b, tr);
		ty_buf_puts(b, " SET ");
		for (int i = 0; i < qry_list_len(q->targets); i++) {
			const qry_target *t = q->targets->items[i];
			ty_buf_printf(b, "%s%s = ", i ? ", " : "", parse_quote_ident(anl_rte_colname((qry_rte *)tr, t->resno)));
			dp_expr(&c, t->expr);
		}
		for (int i = 0; i < qry_list_len(others); i++) {
			ty_buf_puts(b, i ? ", " : " FROM ");
			dp_from_item(b, q, others->items[i], parent);
		}
	} else {
		ty_buf_puts(b, "DELETE FROM ");
		dp_target_rel(b, tr);
		for (int i = 0; i < qry_list_len(others); i++) {
			ty_buf_puts(b, i ? ", " : " USING ");
			dp_from_item(b, q, others->items[i], parent);
		}
	}
	if (q->cmd != QC_INSERT && q->jointree->where) {
		ty_buf_puts(b, " WHERE ");
		dp_expr(&c, q->jointree->where);
	}
	dp_returning(&c, q->returning);
}

static void
dp_query(ty_buf *b, const qry_query *q, const dctx *parent)
{
	if (q->cmd == QC_INSERT || q->cmd == QC_UPDATE || q->cmd == QC_DELETE) {
		dp_dml(b, q, parent);
		return;
	}
	dctx c = {b, q, qry_list_len(q->rtable) > 1 || parent != NULL, parent};
	if (q->ctes) {
		ty_buf_puts(b, q->has_recursive ? "WITH RECURSIVE " : "WITH ");
		for (int i = 0; i < qry_list_len(q->ctes); i++) {
			const qry_cte *ct = q->ctes->items[i];
			ty_buf_printf(b, "%s%s(", i ? ", " : "", parse_quote_ident(ct->name));
			for (int k = 0; k < qry_list_len(ct->colnames); k++)
				ty_buf_printf(b, "%s%s", k ? ", " : "", parse_quote_ident(ct->colnames->items[k]));
			ty_buf_puts(b, ") AS (");
			dp_query(b, ct->query, parent);
			ty_buf_puts(b, ")");
		}
		ty_buf_putc(b, ' ');
	}
	const qry_rte *r0 = qry_list_len(q->rtable) == 1 ? q->rtable->items[0] : NULL;
	if (r0 && r0->kind == RTE_VALUES && !q->jointree->where && !q->group_clause && !q->distinct_clause) {
		/* a VALUES statement (not VALUES in FROM, which is a subquery) */
		ty_buf_puts(b, "VALUES ");
		for (int i = 0; i < qry_list_len(r0->values_lists); i++) {
			ty_buf_puts(b, i ? ", (" : "(");
			dp_list(&c, r0->values_lists->items[i], ", ");
			ty_buf_putc(b, ')');
		}
	} else if (q->setops) {
		dp_setop(b, q, q->setops, parent);
	} else {
		ty_buf_puts(b, "SELECT ");
		if (q->distinct_clause && !q->distinct_on)
			ty_buf_puts(b, "DISTINCT ");
		else if (q->distinct_on) {
			ty_buf_puts(b, "DISTINCT ON (");
			for (int i = 0; i < qry_list_len(q->distinct_clause); i++) {
				const qry_sortgroup *s = q->distinct_clause->items[i];
				if (i)
					ty_buf_puts(b, ", ");
				dp_sortitem(&c, q, s->ref);
			}
			ty_buf_puts(b, ") ");
		}
		int k = 0;
		for (int i = 0; i < qry_list_len(q->targets); i++) {
			const qry_target *t = q->targets->items[i];
			if (t->resjunk)
				continue;
			if (k++)
				ty_buf_puts(b, ", ");
			dp_expr(&c, t->expr);
			ty_buf_printf(b, " AS %s", parse_quote_ident(t->name ? t->name : "?column?"));
		}
		if (q->jointree && q->jointree->fromlist) {
			ty_buf_puts(b, " FROM ");
			for (int i = 0; i < qry_list_len(q->jointree->fromlist); i++) {
				if (i)
					ty_buf_puts(b, ", ");
				dp_from_item(b, q, q->jointree->fromlist->items[i], parent);
			}
		}
		if (q->jointree && q->jointree->where) {
			ty_buf_puts(b, " WHERE ");
			dp_expr(&c, q->jointree->where);
		}
		if (q->group_clause) {
			ty_buf_puts(b, " GROUP BY ");
			for (int i = 0; i < qry_list_len(q->group_clause); i++) {
				const qry_sortgroup *s = q->group_clause->items[i];
				if (i)
					ty_buf_puts(b, ", ");
				dp_sortitem(&c, q, s->ref);
			}
		}
		if (q->having) {
			ty_buf_puts(b, " HAVING ");
			dp_expr(&c, q->having);
		}
		bool first = true;
		for (int i = 0; i < qry_list_len(q->window_clause); i++) {
			const qry_window *w = q->window_clause->items[i];
			if (!w->name)
				continue;
			ty_buf_printf(b, "%s%s AS ", first ? " WINDOW " : ", ", parse_quote_ident(w->name));
			dp_window(&c, w);
			first = false;
		}
	}
	if (q->sort_clause) {
		ty_buf_puts(b, " ORDER BY ");
		for (int i = 0; i < qry_list_len(q->sort_clause); i++) {
			const qry_sortgroup *s = q->sort_clause->items[i];
			if (i)
				ty_buf_puts(b, ", ");
			dp_sortitem(&c, q, s->ref);
			if (s->descending)
				ty_buf_puts(b, " DESC");
			if (s->nulls_first != s->descending)
				ty_buf_puts(b, s->nulls_first ? " NULLS FIRST" : " NULLS LAST");
		}
	}
	if (q->limit_count) {
		ty_buf_puts(b, " LIMIT ");
		dp_expr(&c, q->limit_count);
	}
	if (q->limit_offset) {
		ty_buf_puts(b, " OFFSET ");
		dp_expr(&c, q->limit_offset);
	}
}

char *
qry_deparse_query(const qry_query *q)
{
	ty_buf b;
	ty_buf_init(&b, 256);
	dp_query(&b, q, NULL);
	return b.data;
}
