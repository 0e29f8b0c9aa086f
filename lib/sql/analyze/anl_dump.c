/*
 * anl_dump.c — compact text of analyzed trees, for tests and debugging.  Expressions print
 * as `name(args)` with the resolved function's internal name, constants as `value::type`,
 * Vars as `alias.column` (`^n` for outer levels) when a query gives the range table,
 * casts as RELABEL/IO/TYPMOD/ARRAYCOERCE nodes; a query prints one clause per line.
 */
#include "sql/analyze/anl_int.h"

static void dump_expr(ty_buf *b, const qry_expr *e, const qry_query *q);
static bool var_names = true;   /* Vars as alias.column (else alias.#attno) */

static const char *
tname(Oid t)
{
	const ty_type *ty = ty_get(t);
	return ty ? ty->name : t == UNKNOWNOID ? "unknown" : "?";
}

static void
dump_list(ty_buf *b, const qry_list *l, const qry_query *q)
{
	for (int i = 0; i < qry_list_len(l); i++) {
		if (i)
			ty_buf_puts(b, ", ");
		dump_expr(b, l->items[i], q);
	}
}

static void
dump_const(ty_buf *b, const qry_expr *e)
{
	if (e->u.c.isnull)
		ty_buf_puts(b, "NULL");
	else if (e->type == UNKNOWNOID)
		ty_buf_printf(b, "'%s'", (const char *)DatumGetPointer(e->u.c.value));
	else {
		char *s = ty_output(e->type, e->u.c.value);
		bool quote = ty_category(e->type) != TYPCAT_NUMERIC && e->type != BOOLOID;
		ty_buf_printf(b, quote ? "'%s'" : "%s", s);
	}
	ty_buf_printf(b, "::%s", tname(e->type));
	if (e->typmod >= 0)
		ty_buf_printf(b, "(%d)", e->typmod);
}

static void
dump_expr(ty_buf *b, const qry_expr *e, const qry_query *q)
{
	if (!e) {
		ty_buf_puts(b, "<>");
		return;
	}
	switch (e->kind) {
	case QE_CONST:
		dump_const(b, e);
		return;
	case QE_PARAM:
		ty_buf_printf(b, "$%d::%s", e->u.param.id, tname(e->type));
		return;
	case QE_VAR: {
		const qry_rte *r = NULL;
		if (q && e->u.var.levelsup == 0 && e->u.var.varno <= qry_list_len(q->rtable))
			r = q->rtable->items[e->u.var.varno - 1];
		if (r && e->u.var.attno < 0)
			ty_buf_printf(b, "%s.%s", r->alias, anl_syscol_name(e->u.var.attno));
		else if (r && e->u.var.attno > 0 && e->u.var.attno <= qry_list_len(r->colnames) && var_names)
			ty_buf_printf(b, "%s.%s", r->alias, (char *)r->colnames->items[e->u.var.attno - 1]);
		else if (r && e->u.var.attno > 0)
			ty_buf_printf(b, "%s.#%d", r->alias, e->u.var.attno);
		else if (r && e->u.var.attno == 0)
			ty_buf_printf(b, "%s.*", r->alias);
		else
			ty_buf_printf(b, "v%d.%d", e->u.var.varno, e->u.var.attno);
		if (e->u.var.levelsup)
			ty_buf_printf(b, "^%d", e->u.var.levelsup);
		return;
	}
	case QE_FUNC:
		ty_buf_printf(b, "%s(", e->u.func.fn ? e->u.func.fn->name : "?");
		dump_list(b, e->u.func.args, q);
		ty_buf_putc(b, ')');
		return;
	case QE_BOOL:
		ty_buf_puts(b, e->u.boolexpr.op == QB_AND ? "AND(" : e->u.boolexpr.op == QB_OR ? "OR(" : "NOT(");
		dump_list(b, e->u.boolexpr.args, q);
		ty_buf_putc(b, ')');
		return;
	case QE_NULLTEST:
		ty_buf_puts(b, e->u.nulltest.test == QN_IS_NULL ? "ISNULL(" : "NOTNULL(");
		dump_expr(b, e->u.nulltest.arg, q);
		ty_buf_putc(b, ')');
		return;
	case QE_BOOLTEST: {
		static const char *n[] = {"IS_TRUE", "IS_NOT_TRUE", "IS_FALSE", "IS_NOT_FALSE",
		                          "IS_UNKNOWN", "IS_NOT_UNKNOWN"};
		ty_buf_printf(b, "%s(", n[e->u.booltest.test]);
		dump_expr(b, e->u.booltest.arg, q);
		ty_buf_putc(b, ')');
		return;
	}
	case QE_DISTINCT:
		ty_buf_printf(b, "%s[%s](", e->u.distinct.not_distinct ? "NOT_DISTINCT" : "DISTINCT",
		              e->u.distinct.eqfn ? e->u.distinct.eqfn->name : "?");
		dump_expr(b, e->u.distinct.l, q);
		ty_buf_puts(b, ", ");
		dump_expr(b, e->u.distinct.r, q);
		ty_buf_putc(b, ')');
		return;
	case QE_NULLIF:
		ty_buf_printf(b, "NULLIF[%s](", e->u.nullif.eqfn ? e->u.nullif.eqfn->name : "?");
		dump_expr(b, e->u.nullif.l, q);
		ty_buf_puts(b, ", ");
		dump_expr(b, e->u.nullif.r, q);
		ty_buf_putc(b, ')');
		return;
	case QE_SCALARARRAYOP:
		ty_buf_printf(b, "%s[%s](", e->u.saop.use_or ? "ANY" : "ALL",
		              e->u.saop.fn ? e->u.saop.fn->name : "?");
		dump_expr(b, e->u.saop.scalar, q);
		ty_buf_puts(b, ", ");
		if (e->u.saop.array)
			dump_expr(b, e->u.saop.array, q);
		else {
			ty_buf_putc(b, '{');
			dump_list(b, e->u.saop.list, q);
			ty_buf_putc(b, '}');
		}
		ty_buf_putc(b, ')');
		return;
	case QE_CASE:
		ty_buf_puts(b, "CASE(");
		if (e->u.caseexpr.testexpr) {
			dump_expr(b, e->u.caseexpr.testexpr, q);
			ty_buf_puts(b, "; ");
		}
		for (int i = 0; i < qry_list_len(e->u.caseexpr.whens); i++) {
			ty_buf_puts(b, "WHEN ");
			dump_expr(b, e->u.caseexpr.whens->items[i], q);
			ty_buf_puts(b, " THEN ");
			dump_expr(b, e->u.caseexpr.thens->items[i], q);
			ty_buf_puts(b, "; ");
		}
		ty_buf_puts(b, "ELSE ");
		dump_expr(b, e->u.caseexpr.defresult, q);
		ty_buf_printf(b, ")::%s", tname(e->type));
		return;
	case QE_CASETEST:
		ty_buf_printf(b, "CASETEST::%s", tname(e->type));
		return;
	case QE_COALESCE:
		ty_buf_puts(b, "COALESCE(");
		dump_list(b, e->u.coalesce.args, q);
		ty_buf_printf(b, ")::%s", tname(e->type));
		return;
	case QE_MINMAX:
		ty_buf_puts(b, e->u.minmax.greatest ? "GREATEST(" : "LEAST(");
		dump_list(b, e->u.minmax.args, q);
		ty_buf_printf(b, ")::%s", tname(e->type));
		return;
	case QE_SUBLINK:
	case QE_SUBPLAN: {
		static const char *n[] = {"EXISTS", "ALL", "ANY", "EXPR", "ARRAY", "MULTIEXPR", "ROWCOMPARE"};
		ty_buf_printf(b, "SUBLINK_%s(", n[e->u.sublink.kind]);
		if (e->u.sublink.testexpr) {
			dump_expr(b, e->u.sublink.testexpr, q);
			ty_buf_puts(b, "; ");
		}
		ty_buf_printf(b, "%d targets)::%s", e->u.sublink.subquery ? qry_list_len(e->u.sublink.subquery->targets) : 0,
		              tname(e->type));
		return;
	}
	case QE_AGGREF:
		ty_buf_printf(b, "AGG %s(%s", e->u.aggref.fn->name, e->u.aggref.distinct ? "DISTINCT " : "");
		if (e->u.aggref.star)
			ty_buf_putc(b, '*');
		dump_list(b, e->u.aggref.args, q);
		if (e->u.aggref.filter) {
			ty_buf_puts(b, " FILTER ");
			dump_expr(b, e->u.aggref.filter, q);
		}
		ty_buf_printf(b, ")::%s", tname(e->type));
		if (e->u.aggref.levelsup)
			ty_buf_printf(b, "^%d", e->u.aggref.levelsup);
		return;
	case QE_WINDOWFUNC:
		ty_buf_printf(b, "WIN %s(", e->u.windowfunc.fn->name);
		if (e->u.windowfunc.star)
			ty_buf_putc(b, '*');
		dump_list(b, e->u.windowfunc.args, q);
		ty_buf_printf(b, ") OVER w%d::%s", e->u.windowfunc.winref, tname(e->type));
		return;
	case QE_COERCEVIAIO:
	case QE_RELABEL:
		ty_buf_puts(b, e->kind == QE_RELABEL ? "RELABEL(" : "IO(");
		dump_expr(b, e->u.coerce.arg, q);
		ty_buf_printf(b, " -> %s)", tname(e->type));
		return;
	case QE_TYPMOD:
		ty_buf_puts(b, "TYPMOD(");
		dump_expr(b, e->u.typmod.arg, q);
		ty_buf_printf(b, " -> %s)", ty_format_type(e->type, e->typmod));
		return;
	case QE_ARRAYCOERCE:
		ty_buf_puts(b, "ARRAYCOERCE(");
		dump_expr(b, e->u.arraycoerce.arg, q);
		ty_buf_puts(b, "; ");
		dump_expr(b, e->u.arraycoerce.elemexpr, q);
		ty_buf_printf(b, " -> %s)", tname(e->type));
		return;
	case QE_ROW:
		ty_buf_puts(b, "ROW(");
		dump_list(b, e->u.row.args, q);
		ty_buf_putc(b, ')');
		return;
	case QE_ARRAY:
		ty_buf_puts(b, "ARRAY[");
		dump_list(b, e->u.array.elems, q);
		ty_buf_printf(b, "]::%s", tname(e->type));
		return;
	case QE_SUBSCRIPT:
		dump_expr(b, e->u.subscript.container, q);
		for (int i = 0; i < qry_list_len(e->u.subscript.upper); i++) {
			ty_buf_putc(b, '[');
			if (e->u.subscript.slice) {
				dump_expr(b, e->u.subscript.lower->items[i], q);
				ty_buf_putc(b, ':');
			}
			dump_expr(b, e->u.subscript.upper->items[i], q);
			ty_buf_putc(b, ']');
		}
		return;
	case QE_SQLVALUE:
		ty_buf_printf(b, "SQLVALUE%d::%s", e->u.sqlvalue.op, tname(e->type));
		return;
	case QE_GROUPING:
		ty_buf_puts(b, "GROUPING(");
		dump_list(b, e->u.grouping.args, q);
		ty_buf_putc(b, ')');
		return;
	case QE_SETTODEFAULT:
		ty_buf_puts(b, "DEFAULT");
		return;
	case QE_COLREF:
		ty_buf_printf(b, "COL(%d,%d)", e->u.colref.input, e->u.colref.col);
		return;
	}
}

char *
anl_dump_expr(const qry_expr *e)
{
	ty_buf b;
	ty_buf_init(&b, 64);
	dump_expr(&b, e, NULL);
	return b.data;
}

static void
dump_targets(ty_buf *b, const char *what, const qry_list *l, const qry_query *q)
{
	if (!l)
		return;
	ty_buf_printf(b, "%s:", what);
	for (int i = 0; i < qry_list_len(l); i++) {
		const qry_target *t = l->items[i];
		ty_buf_printf(b, " %d%s%s%s=", t->resno, t->name ? ":" : "", t->name ? t->name : "",
		              t->resjunk ? "(junk)" : "");
		dump_expr(b, t->expr, q);
		if (t->sortgroupref)
			ty_buf_printf(b, "[ref%d]", t->sortgroupref);
		ty_buf_putc(b, ';');
	}
	ty_buf_putc(b, '\n');
}

static void
dump_sort(ty_buf *b, const char *what, const qry_list *l)
{
	if (!l)
		return;
	ty_buf_printf(b, "%s:", what);
	for (int i = 0; i < qry_list_len(l); i++) {
		const qry_sortgroup *s = l->items[i];
		ty_buf_printf(b, " ref%d%s%s", s->ref, s->descending ? " DESC" : "",
		              s->nulls_first != s->descending ? (s->nulls_first ? " NULLS FIRST" : " NULLS LAST") : "");
	}
	ty_buf_putc(b, '\n');
}

static void
dump_jt(ty_buf *b, const qry_jointree *j, const qry_query *q)
{
	switch (j->kind) {
	case QJ_RANGEREF:
		ty_buf_printf(b, "%d", j->rtindex);
		return;
	case QJ_JOIN: {
		static const char *n[] = {"INNER", "LEFT", "FULL", "RIGHT", "SEMI", "ANTI"};
		ty_buf_printf(b, "(%s ", n[j->jointype]);
		dump_jt(b, j->larg, q);
		ty_buf_putc(b, ' ');
		dump_jt(b, j->rarg, q);
		if (j->quals) {
			ty_buf_puts(b, " ON ");
			dump_expr(b, j->quals, q);
		}
		ty_buf_putc(b, ')');
		return;
	}
	case QJ_FROM:
		for (int i = 0; i < qry_list_len(j->fromlist); i++) {
			if (i)
				ty_buf_puts(b, ", ");
			dump_jt(b, j->fromlist->items[i], q);
		}
		return;
	}
}

char *
anl_dump_query_ex(const qry_query *q, bool with_names)
{
	bool save = var_names;
	var_names = with_names;
	char *r = anl_dump_query(q);
	var_names = save;
	return r;
}

char *
anl_dump_query(const qry_query *q)
{
	static const char *cmds[] = {"SELECT", "INSERT", "UPDATE", "DELETE", "UTILITY"};
	static const char *kinds[] = {"relation", "subquery", "join", "function", "values", "cte",
	                              "sysview", "result"};
	ty_buf b;
	ty_buf_init(&b, 256);
	ty_buf_printf(&b, "%s", cmds[q->cmd]);
	if (q->result_rel)
		ty_buf_printf(&b, " into %d", q->result_rel);
	ty_buf_putc(&b, '\n');
	if (q->cmd == QC_UTILITY) {
		ty_buf_printf(&b, "utility: %s\n", ast_tag_name(AST_TAG(q->utility)));
		if (q->util_query) {
			char *inner = anl_dump_query(q->util_query);
			ty_buf_printf(&b, "inner: %s", inner);
		}
		return b.data;
	}
	if (q->rtable) {
		ty_buf_puts(&b, "rtable:");
		for (int i = 0; i < qry_list_len(q->rtable); i++) {
			const qry_rte *r = q->rtable->items[i];
			if (r->kind == RTE_JOIN)
				continue;   /* names only: no Var refers to a join (README invariant 3) */
			ty_buf_printf(&b, " %d=%s(%s)", i + 1, r->alias ? r->alias : "?", kinds[r->kind]);
		}
		ty_buf_putc(&b, '\n');
	}
	dump_targets(&b, "targets", q->targets, q);
	if (q->jointree && q->jointree->fromlist) {
		ty_buf_puts(&b, "from: ");
		dump_jt(&b, q->jointree, q);
		ty_buf_putc(&b, '\n');
	}
	if (q->jointree && q->jointree->where) {
		ty_buf_puts(&b, "where: ");
		dump_expr(&b, q->jointree->where, q);
		ty_buf_putc(&b, '\n');
	}
	dump_sort(&b, "group", q->group_clause);
	if (q->having) {
		ty_buf_puts(&b, "having: ");
		dump_expr(&b, q->having, q);
		ty_buf_putc(&b, '\n');
	}
	dump_sort(&b, q->distinct_on ? "distinct on" : "distinct", q->distinct_clause);
	dump_sort(&b, "order", q->sort_clause);
	if (q->limit_count || q->limit_offset) {
		ty_buf_puts(&b, "limit: ");
		dump_expr(&b, q->limit_count, q);
		ty_buf_puts(&b, " offset ");
		dump_expr(&b, q->limit_offset, q);
		ty_buf_putc(&b, '\n');
	}
	if (q->onconflict) {
		ty_buf_printf(&b, "onconflict: %s arbiter=%s\n",
		              q->onconflict->action == OC_NOTHING ? "NOTHING" : "UPDATE",
		              q->onconflict->arbiter_index ? "index" : "any");
		dump_targets(&b, "set", q->onconflict->set_targets, q);
	}
	dump_targets(&b, "returning", q->returning, q);
	if (q->nparams) {
		ty_buf_puts(&b, "params:");
		for (int i = 0; i < q->nparams; i++)
			ty_buf_printf(&b, " $%d=%s", i + 1, tname(q->param_types[i]));
		ty_buf_putc(&b, '\n');
	}
	return b.data;
}
