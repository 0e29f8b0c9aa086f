/*
 * qry.c — helpers of the analyzed query tree (sql/qry.h): lists, constructors, deep copy,
 * structural equality, walkers and mutators.  Every per-kind switch below lists all the
 * expression kinds, so a kind added to qry.h without its fields here fails to compile
 * with -Wswitch (there is no default case).
 */
#include <string.h>

#include "sql/analyze/anl.h"
#include "sql/qry.h"
#include "types/types.h"
#include "util/err.h"
#include "util/mem.h"

/* ---- lists ------------------------------------------------------------------------------- */

qry_list *
qry_list_append(qry_list *l, void *item)
{
	if (!l) {
		l = palloc(sizeof(*l));
		l->n = 0;
		l->cap = 4;
		l->items = palloc(sizeof(void *) * 4);
	} else if (l->n == l->cap) {
		l->cap *= 2;
		l->items = repalloc(l->items, sizeof(void *) * (size_t)l->cap);
	}
	l->items[l->n++] = item;
	return l;
}

qry_list *
qry_list_make1(void *item)
{
	return qry_list_append(NULL, item);
}

qry_list *
qry_list_concat(qry_list *a, const qry_list *b)
{
	for (int i = 0; i < qry_list_len(b); i++)
		a = qry_list_append(a, b->items[i]);
	return a;
}

qry_list *
qry_list_copy(const qry_list *l)
{
	return qry_list_concat(NULL, l);
}

/* ---- constructors ------------------------------------------------------------------------ */

qry_expr *
qry_make_expr(qry_expr_kind kind, Oid type, int32_t typmod, int loc)
{
	qry_expr *e = palloc0(sizeof(*e));
	e->kind = kind;
	e->type = type;
	e->typmod = typmod;
	e->loc = loc;
	return e;
}

qry_expr *
qry_make_const(Oid type, int32_t typmod, Datum value, bool isnull)
{
	qry_expr *e = qry_make_expr(QE_CONST, type, typmod, -1);
	e->u.c.value = value;
	e->u.c.isnull = isnull;
	return e;
}

qry_expr *
qry_make_var(int varno, int16_t attno, Oid type, int32_t typmod, int levelsup)
{
	qry_expr *e = qry_make_expr(QE_VAR, type, typmod, -1);
	e->u.var.varno = varno;
	e->u.var.attno = attno;
	e->u.var.levelsup = levelsup;
	return e;
}

/* ---- copy -------------------------------------------------------------------------------- */

static qry_list *
copy_expr_list(const qry_list *l)
{
	qry_list *r = NULL;
	for (int i = 0; i < qry_list_len(l); i++)
		r = qry_list_append(r, qry_copy_expr(l->items[i]));
	return r;
}

static Datum
copy_datum(Oid type, Datum v, bool isnull)
{
	if (isnull)
		return v;
	if (type == UNKNOWNOID)
		return PointerGetDatum(pstrdup(DatumGetPointer(v)));
	const ty_type *t = ty_get(type);
	if (!t || t->byval)
		return v;
	return ty_datum_copy(t, v);
}

static qry_sortgroup *
copy_sortgroup(const qry_sortgroup *s)
{
	qry_sortgroup *r = palloc(sizeof(*r));
	*r = *s;
	return r;
}

static qry_list *
copy_sortgroups(const qry_list *l)
{
	qry_list *r = NULL;
	for (int i = 0; i < qry_list_len(l); i++)
		r = qry_list_append(r, copy_sortgroup(l->items[i]));
	return r;
}

qry_expr *
qry_copy_expr(const qry_expr *e)
{
	if (!e)
		return NULL;
	qry_expr *r = palloc(sizeof(*r));
	*r = *e;
	switch (e->kind) {
	case QE_CONST:
		r->u.c.value = copy_datum(e->type, e->u.c.value, e->u.c.isnull);
		break;
	case QE_PARAM:
	case QE_VAR:
	case QE_CASETEST:
	case QE_SQLVALUE:
	case QE_SETTODEFAULT:
	case QE_COLREF:
		break;
	case QE_FUNC:
		r->u.func.args = copy_expr_list(e->u.func.args);
		break;
	case QE_BOOL:
		r->u.boolexpr.args = copy_expr_list(e->u.boolexpr.args);
		break;
	case QE_NULLTEST:
		r->u.nulltest.arg = qry_copy_expr(e->u.nulltest.arg);
		break;
	case QE_BOOLTEST:
		r->u.booltest.arg = qry_copy_expr(e->u.booltest.arg);
		break;
	case QE_DISTINCT:
		r->u.distinct.l = qry_copy_expr(e->u.distinct.l);
		r->u.distinct.r = qry_copy_expr(e->u.distinct.r);
		break;
	case QE_NULLIF:
		r->u.nullif.l = qry_copy_expr(e->u.nullif.l);
		r->u.nullif.r = qry_copy_expr(e->u.nullif.r);
		break;
	case QE_SCALARARRAYOP:
		r->u.saop.scalar = qry_copy_expr(e->u.saop.scalar);
		r->u.saop.array = qry_copy_expr(e->u.saop.array);
		r->u.saop.list = copy_expr_list(e->u.saop.list);
		break;
	case QE_CASE:
		r->u.caseexpr.testexpr = qry_copy_expr(e->u.caseexpr.testexpr);
		r->u.caseexpr.whens = copy_expr_list(e->u.caseexpr.whens);
		r->u.caseexpr.thens = copy_expr_list(e->u.caseexpr.thens);
		r->u.caseexpr.defresult = qry_copy_expr(e->u.caseexpr.defresult);
		break;
	case QE_COALESCE:
		r->u.coalesce.args = copy_expr_list(e->u.coalesce.args);
		break;
	case QE_MINMAX:
		r->u.minmax.args = copy_expr_list(e->u.minmax.args);
		break;
	case QE_SUBLINK:
	case QE_SUBPLAN:
		r->u.sublink.testexpr = qry_copy_expr(e->u.sublink.testexpr);
		r->u.sublink.opfuncs = qry_list_copy(e->u.sublink.opfuncs);
		r->u.sublink.subquery = e->u.sublink.subquery ? qry_copy_query(e->u.sublink.subquery)
		                                              : NULL;
		r->u.sublink.param_ids = qry_list_copy(e->u.sublink.param_ids);
		r->u.sublink.args = copy_expr_list(e->u.sublink.args);
		break;
	case QE_AGGREF:
		r->u.aggref.args = copy_expr_list(e->u.aggref.args);
		r->u.aggref.order = copy_sortgroups(e->u.aggref.order);
		r->u.aggref.filter = qry_copy_expr(e->u.aggref.filter);
		break;
	case QE_WINDOWFUNC:
		r->u.windowfunc.args = copy_expr_list(e->u.windowfunc.args);
		r->u.windowfunc.filter = qry_copy_expr(e->u.windowfunc.filter);
		break;
	case QE_COERCEVIAIO:
	case QE_RELABEL:
		r->u.coerce.arg = qry_copy_expr(e->u.coerce.arg);
		break;
	case QE_TYPMOD:
		r->u.typmod.arg = qry_copy_expr(e->u.typmod.arg);
		break;
	case QE_ROW:
		r->u.row.args = copy_expr_list(e->u.row.args);
		r->u.row.colnames = qry_list_copy(e->u.row.colnames);
		break;
	case QE_ARRAY:
		r->u.array.elems = copy_expr_list(e->u.array.elems);
		break;
	case QE_SUBSCRIPT:
		r->u.subscript.container = qry_copy_expr(e->u.subscript.container);
		r->u.subscript.lower = copy_expr_list(e->u.subscript.lower);
		r->u.subscript.upper = copy_expr_list(e->u.subscript.upper);
		break;
	case QE_GROUPING:
		r->u.grouping.args = copy_expr_list(e->u.grouping.args);
		r->u.grouping.refs = qry_list_copy(e->u.grouping.refs);
		break;
	case QE_ARRAYCOERCE:
		r->u.arraycoerce.arg = qry_copy_expr(e->u.arraycoerce.arg);
		r->u.arraycoerce.elemexpr = qry_copy_expr(e->u.arraycoerce.elemexpr);
		break;
	}
	return r;
}

static char *
copy_str(const char *s)
{
	return s ? pstrdup(s) : NULL;
}

static qry_list *
copy_str_list(const qry_list *l)
{
	qry_list *r = NULL;
	for (int i = 0; i < qry_list_len(l); i++)
		r = qry_list_append(r, copy_str(l->items[i]));
	return r;
}

qry_target *
qry_copy_target(const qry_target *t)
{
	qry_target *r = palloc(sizeof(*r));
	*r = *t;
	r->expr = qry_copy_expr(t->expr);
	r->name = copy_str(t->name);
	return r;
}

static qry_list *
copy_targets(const qry_list *l)
{
	qry_list *r = NULL;
	for (int i = 0; i < qry_list_len(l); i++)
		r = qry_list_append(r, qry_copy_target(l->items[i]));
	return r;
}

qry_rte *
qry_copy_rte(const qry_rte *s)
{
	qry_rte *r = palloc(sizeof(*r));
	*r = *s;
	r->alias = copy_str(s->alias);
	r->relname = copy_str(s->relname);
	r->nspname = copy_str(s->nspname);
	r->colnames = copy_str_list(s->colnames);
	r->coltypes = qry_list_copy(s->coltypes);
	r->coltypmods = qry_list_copy(s->coltypmods);
	r->subquery = s->subquery ? qry_copy_query(s->subquery) : NULL;
	r->joinaliasvars = copy_expr_list(s->joinaliasvars);
	r->functions = copy_expr_list(s->functions);
	r->values_lists = NULL;
	for (int i = 0; i < qry_list_len(s->values_lists); i++)
		r->values_lists = qry_list_append(r->values_lists, copy_expr_list(s->values_lists->items[i]));
	r->ctename = copy_str(s->ctename);
	return r;
}

static qry_jointree *
copy_jointree(const qry_jointree *j)
{
	if (!j)
		return NULL;
	qry_jointree *r = palloc(sizeof(*r));
	*r = *j;
	r->larg = copy_jointree(j->larg);
	r->rarg = copy_jointree(j->rarg);
	r->using_cols = copy_str_list(j->using_cols);
	r->quals = qry_copy_expr(j->quals);
	r->fromlist = NULL;
	for (int i = 0; i < qry_list_len(j->fromlist); i++)
		r->fromlist = qry_list_append(r->fromlist, copy_jointree(j->fromlist->items[i]));
	r->where = qry_copy_expr(j->where);
	return r;
}

static qry_setop *
copy_setop(const qry_setop *s)
{
	if (!s)
		return NULL;
	qry_setop *r = palloc(sizeof(*r));
	*r = *s;
	r->larg = copy_setop(s->larg);
	r->rarg = copy_setop(s->rarg);
	r->coltypes = qry_list_copy(s->coltypes);
	r->coltypmods = qry_list_copy(s->coltypmods);
	return r;
}

qry_query *
qry_copy_query(const qry_query *q)
{
	qry_query *r = palloc(sizeof(*r));
	*r = *q;
	r->rtable = NULL;
	for (int i = 0; i < qry_list_len(q->rtable); i++)
		r->rtable = qry_list_append(r->rtable, qry_copy_rte(q->rtable->items[i]));
	r->jointree = copy_jointree(q->jointree);
	r->targets = copy_targets(q->targets);
	r->returning = copy_targets(q->returning);
	if (q->onconflict) {
		r->onconflict = palloc(sizeof(qry_onconflict));
		*r->onconflict = *q->onconflict;
		r->onconflict->arbiter_cols = qry_list_copy(q->onconflict->arbiter_cols);
		r->onconflict->set_targets = copy_targets(q->onconflict->set_targets);
		r->onconflict->where = qry_copy_expr(q->onconflict->where);
	}
	r->group_clause = copy_sortgroups(q->group_clause);
	r->grouping_sets = NULL;
	for (int i = 0; i < qry_list_len(q->grouping_sets); i++)
		r->grouping_sets = qry_list_append(r->grouping_sets, qry_list_copy(q->grouping_sets->items[i]));
	r->having = qry_copy_expr(q->having);
	r->window_clause = NULL;
	for (int i = 0; i < qry_list_len(q->window_clause); i++) {
		const qry_window *w = q->window_clause->items[i];
		qry_window *nw = palloc(sizeof(*nw));
		*nw = *w;
		nw->name = copy_str(w->name);
		nw->partition = copy_sortgroups(w->partition);
		nw->order = copy_sortgroups(w->order);
		nw->start_offset = qry_copy_expr(w->start_offset);
		nw->end_offset = qry_copy_expr(w->end_offset);
		r->window_clause = qry_list_append(r->window_clause, nw);
	}
	r->distinct_clause = copy_sortgroups(q->distinct_clause);
	r->sort_clause = copy_sortgroups(q->sort_clause);
	r->limit_offset = qry_copy_expr(q->limit_offset);
	r->limit_count = qry_copy_expr(q->limit_count);
	r->setops = copy_setop(q->setops);
	r->ctes = NULL;
	for (int i = 0; i < qry_list_len(q->ctes); i++) {
		const qry_cte *c = q->ctes->items[i];
		qry_cte *nc = palloc(sizeof(*nc));
		*nc = *c;
		nc->name = copy_str(c->name);
		nc->colnames = copy_str_list(c->colnames);
		nc->query = c->query ? qry_copy_query(c->query) : NULL;
		r->ctes = qry_list_append(r->ctes, nc);
	}
	r->rowmarks = NULL;
	for (int i = 0; i < qry_list_len(q->rowmarks); i++) {
		qry_rowmark *m = palloc(sizeof(*m));
		*m = *(qry_rowmark *)q->rowmarks->items[i];
		r->rowmarks = qry_list_append(r->rowmarks, m);
	}
	if (q->nparams > 0 && q->param_types) {
		r->param_types = palloc(sizeof(Oid) * (size_t)q->nparams);
		memcpy(r->param_types, q->param_types, sizeof(Oid) * (size_t)q->nparams);
	}
	r->util_query = q->util_query ? qry_copy_query(q->util_query) : NULL;
	r->util_exprs = copy_expr_list(q->util_exprs);
	return r;
}

/* ---- equality ---------------------------------------------------------------------------- */

static bool
list_equal(const qry_list *a, const qry_list *b)
{
	if (qry_list_len(a) != qry_list_len(b))
		return false;
	for (int i = 0; i < qry_list_len(a); i++)
		if (!qry_equal_expr(a->items[i], b->items[i]))
			return false;
	return true;
}

static bool
ptrlist_equal(const qry_list *a, const qry_list *b)
{
	if (qry_list_len(a) != qry_list_len(b))
		return false;
	for (int i = 0; i < qry_list_len(a); i++)
		if (a->items[i] != b->items[i])
			return false;
	return true;
}

static bool
sortgroups_equal(const qry_list *a, const qry_list *b)
{
	if (qry_list_len(a) != qry_list_len(b))
		return false;
	for (int i = 0; i < qry_list_len(a); i++) {
		const qry_sortgroup *x = a->items[i], *y = b->items[i];
		if (x->ref != y->ref || x->eqfn != y->eqfn || x->cmpfn != y->cmpfn ||
		    x->descending != y->descending || x->nulls_first != y->nulls_first)
			return false;
	}
	return true;
}

static bool
const_equal(const qry_expr *a, const qry_expr *b)
{
	if (a->u.c.isnull || b->u.c.isnull)
		return a->u.c.isnull == b->u.c.isnull;
	if (a->type == UNKNOWNOID)
		return strcmp(DatumGetPointer(a->u.c.value), DatumGetPointer(b->u.c.value)) == 0;
	const ty_type *t = ty_get(a->type);
	if (!t || t->byval)
		return a->u.c.value == b->u.c.value;
	int la = ty_datum_size(t, a->u.c.value), lb = ty_datum_size(t, b->u.c.value);
	return la == lb &&
	       memcmp(DatumGetPointer(a->u.c.value), DatumGetPointer(b->u.c.value), (size_t)la) == 0;
}

/* Locations are ignored; everything else must match. */
bool
qry_equal_expr(const qry_expr *a, const qry_expr *b)
{
	if (a == b)
		return true;
	if (!a || !b)
		return false;
	if (a->kind != b->kind || a->type != b->type || a->typmod != b->typmod)
		return false;
	switch (a->kind) {
	case QE_CONST:
		return const_equal(a, b);
	case QE_PARAM:
		return a->u.param.kind == b->u.param.kind && a->u.param.id == b->u.param.id;
	case QE_VAR:
		return a->u.var.varno == b->u.var.varno && a->u.var.attno == b->u.var.attno &&
		       a->u.var.levelsup == b->u.var.levelsup;
	case QE_FUNC:
		return a->u.func.fn == b->u.func.fn && a->u.func.variadic == b->u.func.variadic &&
		       list_equal(a->u.func.args, b->u.func.args);
	case QE_BOOL:
		return a->u.boolexpr.op == b->u.boolexpr.op &&
		       list_equal(a->u.boolexpr.args, b->u.boolexpr.args);
	case QE_NULLTEST:
		return a->u.nulltest.test == b->u.nulltest.test &&
		       a->u.nulltest.is_row == b->u.nulltest.is_row &&
		       qry_equal_expr(a->u.nulltest.arg, b->u.nulltest.arg);
	case QE_BOOLTEST:
		return a->u.booltest.test == b->u.booltest.test &&
		       qry_equal_expr(a->u.booltest.arg, b->u.booltest.arg);
	case QE_DISTINCT:
		return a->u.distinct.eqfn == b->u.distinct.eqfn &&
		       a->u.distinct.not_distinct == b->u.distinct.not_distinct &&
		       qry_equal_expr(a->u.distinct.l, b->u.distinct.l) &&
		       qry_equal_expr(a->u.distinct.r, b->u.distinct.r);
	case QE_NULLIF:
		return a->u.nullif.eqfn == b->u.nullif.eqfn &&
		       qry_equal_expr(a->u.nullif.l, b->u.nullif.l) &&
		       qry_equal_expr(a->u.nullif.r, b->u.nullif.r);
	case QE_SCALARARRAYOP:
		return a->u.saop.fn == b->u.saop.fn && a->u.saop.use_or == b->u.saop.use_or &&
		       qry_equal_expr(a->u.saop.scalar, b->u.saop.scalar) &&
		       qry_equal_expr(a->u.saop.array, b->u.saop.array) &&
		       list_equal(a->u.saop.list, b->u.saop.list);
	case QE_CASE:
		return qry_equal_expr(a->u.caseexpr.testexpr, b->u.caseexpr.testexpr) &&
		       list_equal(a->u.caseexpr.whens, b->u.caseexpr.whens) &&
		       list_equal(a->u.caseexpr.thens, b->u.caseexpr.thens) &&
		       qry_equal_expr(a->u.caseexpr.defresult, b->u.caseexpr.defresult);
	case QE_CASETEST:
	case QE_SETTODEFAULT:
		return true;
	case QE_COALESCE:
		return list_equal(a->u.coalesce.args, b->u.coalesce.args);
	case QE_MINMAX:
		return a->u.minmax.greatest == b->u.minmax.greatest &&
		       list_equal(a->u.minmax.args, b->u.minmax.args);
	case QE_SUBLINK:
	case QE_SUBPLAN:
		/* subqueries compare by their full dump (every clause, type and resolved
		 * function), which is what equality of two analyses means */
		return a->u.sublink.kind == b->u.sublink.kind &&
		       a->u.sublink.subplan_id == b->u.sublink.subplan_id &&
		       qry_equal_expr(a->u.sublink.testexpr, b->u.sublink.testexpr) &&
		       (a->u.sublink.subquery == b->u.sublink.subquery ||
		        (a->u.sublink.subquery && b->u.sublink.subquery &&
		         strcmp(anl_dump_query(a->u.sublink.subquery),
		                anl_dump_query(b->u.sublink.subquery)) == 0));
	case QE_AGGREF:
		return a->u.aggref.fn == b->u.aggref.fn && a->u.aggref.distinct == b->u.aggref.distinct &&
		       a->u.aggref.star == b->u.aggref.star &&
		       a->u.aggref.levelsup == b->u.aggref.levelsup &&
		       list_equal(a->u.aggref.args, b->u.aggref.args) &&
		       sortgroups_equal(a->u.aggref.order, b->u.aggref.order) &&
		       qry_equal_expr(a->u.aggref.filter, b->u.aggref.filter);
	case QE_WINDOWFUNC:
		return a->u.windowfunc.fn == b->u.windowfunc.fn &&
		       a->u.windowfunc.winref == b->u.windowfunc.winref &&
		       a->u.windowfunc.star == b->u.windowfunc.star &&
		       list_equal(a->u.windowfunc.args, b->u.windowfunc.args) &&
		       qry_equal_expr(a->u.windowfunc.filter, b->u.windowfunc.filter);
	case QE_COERCEVIAIO:
	case QE_RELABEL:
		return qry_equal_expr(a->u.coerce.arg, b->u.coerce.arg);
	case QE_TYPMOD:
		return a->u.typmod.is_explicit == b->u.typmod.is_explicit &&
		       qry_equal_expr(a->u.typmod.arg, b->u.typmod.arg);
	case QE_ROW:
		return list_equal(a->u.row.args, b->u.row.args);
	case QE_ARRAY:
		return a->u.array.elemtype == b->u.array.elemtype &&
		       list_equal(a->u.array.elems, b->u.array.elems);
	case QE_SUBSCRIPT:
		return a->u.subscript.slice == b->u.subscript.slice &&
		       qry_equal_expr(a->u.subscript.container, b->u.subscript.container) &&
		       list_equal(a->u.subscript.lower, b->u.subscript.lower) &&
		       list_equal(a->u.subscript.upper, b->u.subscript.upper);
	case QE_SQLVALUE:
		return a->u.sqlvalue.op == b->u.sqlvalue.op &&
		       a->u.sqlvalue.precision == b->u.sqlvalue.precision;
	case QE_GROUPING:
		return ptrlist_equal(a->u.grouping.refs, b->u.grouping.refs) &&
		       list_equal(a->u.grouping.args, b->u.grouping.args);
	case QE_COLREF:
		return a->u.colref.input == b->u.colref.input && a->u.colref.col == b->u.colref.col;
	case QE_ARRAYCOERCE:
		return qry_equal_expr(a->u.arraycoerce.arg, b->u.arraycoerce.arg) &&
		       qry_equal_expr(a->u.arraycoerce.elemexpr, b->u.arraycoerce.elemexpr);
	}
	return false;
}

/* ---- walk and mutate --------------------------------------------------------------------- */

typedef bool (*walk_fn)(qry_expr *e, void *arg);

static bool
walk_list(qry_list *l, walk_fn fn, void *arg)
{
	for (int i = 0; i < qry_list_len(l); i++)
		if (qry_walk_expr(l->items[i], fn, arg))
			return true;
	return false;
}

bool
qry_walk_expr(qry_expr *e, walk_fn fn, void *arg)
{
	if (!e)
		return false;
	if (fn(e, arg))
		return true;
	switch (e->kind) {
	case QE_CONST:
	case QE_PARAM:
	case QE_VAR:
	case QE_CASETEST:
	case QE_SQLVALUE:
	case QE_SETTODEFAULT:
	case QE_COLREF:
		return false;
	case QE_FUNC:
		return walk_list(e->u.func.args, fn, arg);
	case QE_BOOL:
		return walk_list(e->u.boolexpr.args, fn, arg);
	case QE_NULLTEST:
		return qry_walk_expr(e->u.nulltest.arg, fn, arg);
	case QE_BOOLTEST:
		return qry_walk_expr(e->u.booltest.arg, fn, arg);
	case QE_DISTINCT:
		return qry_walk_expr(e->u.distinct.l, fn, arg) || qry_walk_expr(e->u.distinct.r, fn, arg);
	case QE_NULLIF:
		return qry_walk_expr(e->u.nullif.l, fn, arg) || qry_walk_expr(e->u.nullif.r, fn, arg);
	case QE_SCALARARRAYOP:
		return qry_walk_expr(e->u.saop.scalar, fn, arg) ||
		       qry_walk_expr(e->u.saop.array, fn, arg) || walk_list(e->u.saop.list, fn, arg);
	case QE_CASE:
		return qry_walk_expr(e->u.caseexpr.testexpr, fn, arg) ||
		       walk_list(e->u.caseexpr.whens, fn, arg) ||
		       walk_list(e->u.caseexpr.thens, fn, arg) ||
		       qry_walk_expr(e->u.caseexpr.defresult, fn, arg);
	case QE_COALESCE:
		return walk_list(e->u.coalesce.args, fn, arg);
	case QE_MINMAX:
		return walk_list(e->u.minmax.args, fn, arg);
	case QE_SUBLINK:
	case QE_SUBPLAN:
		/* the subquery is not walked (callers that need it walk it themselves) */
		return qry_walk_expr(e->u.sublink.testexpr, fn, arg) ||
		       walk_list(e->u.sublink.args, fn, arg);
	case QE_AGGREF:
		return walk_list(e->u.aggref.args, fn, arg) ||
		       qry_walk_expr(e->u.aggref.filter, fn, arg);
	case QE_WINDOWFUNC:
		return walk_list(e->u.windowfunc.args, fn, arg) ||
		       qry_walk_expr(e->u.windowfunc.filter, fn, arg);
	case QE_COERCEVIAIO:
	case QE_RELABEL:
		return qry_walk_expr(e->u.coerce.arg, fn, arg);
	case QE_TYPMOD:
		return qry_walk_expr(e->u.typmod.arg, fn, arg);
	case QE_ROW:
		return walk_list(e->u.row.args, fn, arg);
	case QE_ARRAY:
		return walk_list(e->u.array.elems, fn, arg);
	case QE_SUBSCRIPT:
		return qry_walk_expr(e->u.subscript.container, fn, arg) ||
		       walk_list(e->u.subscript.lower, fn, arg) ||
		       walk_list(e->u.subscript.upper, fn, arg);
	case QE_GROUPING:
		return walk_list(e->u.grouping.args, fn, arg);
	case QE_ARRAYCOERCE:
		return qry_walk_expr(e->u.arraycoerce.arg, fn, arg);
	}
	return false;
}

typedef qry_expr *(*mutate_fn)(qry_expr *e, void *arg);

static qry_list *
mutate_list(qry_list *l, mutate_fn fn, void *arg)
{
	for (int i = 0; i < qry_list_len(l); i++)
		l->items[i] = qry_mutate_expr(l->items[i], fn, arg);
	return l;
}

/* Children first, then fn on the node; the tree is changed in place (nodes are never
 * shared, qry.h). */
qry_expr *
qry_mutate_expr(qry_expr *e, mutate_fn fn, void *arg)
{
	if (!e)
		return NULL;
	switch (e->kind) {
	case QE_CONST:
	case QE_PARAM:
	case QE_VAR:
	case QE_CASETEST:
	case QE_SQLVALUE:
	case QE_SETTODEFAULT:
	case QE_COLREF:
		break;
	case QE_FUNC:
		mutate_list(e->u.func.args, fn, arg);
		break;
	case QE_BOOL:
		mutate_list(e->u.boolexpr.args, fn, arg);
		break;
	case QE_NULLTEST:
		e->u.nulltest.arg = qry_mutate_expr(e->u.nulltest.arg, fn, arg);
		break;
	case QE_BOOLTEST:
		e->u.booltest.arg = qry_mutate_expr(e->u.booltest.arg, fn, arg);
		break;
	case QE_DISTINCT:
		e->u.distinct.l = qry_mutate_expr(e->u.distinct.l, fn, arg);
		e->u.distinct.r = qry_mutate_expr(e->u.distinct.r, fn, arg);
		break;
	case QE_NULLIF:
		e->u.nullif.l = qry_mutate_expr(e->u.nullif.l, fn, arg);
		e->u.nullif.r = qry_mutate_expr(e->u.nullif.r, fn, arg);
		break;
	case QE_SCALARARRAYOP:
		e->u.saop.scalar = qry_mutate_expr(e->u.saop.scalar, fn, arg);
		e->u.saop.array = qry_mutate_expr(e->u.saop.array, fn, arg);
		mutate_list(e->u.saop.list, fn, arg);
		break;
	case QE_CASE:
		e->u.caseexpr.testexpr = qry_mutate_expr(e->u.caseexpr.testexpr, fn, arg);
		mutate_list(e->u.caseexpr.whens, fn, arg);
		mutate_list(e->u.caseexpr.thens, fn, arg);
		e->u.caseexpr.defresult = qry_mutate_expr(e->u.caseexpr.defresult, fn, arg);
		break;
	case QE_COALESCE:
		mutate_list(e->u.coalesce.args, fn, arg);
		break;
	case QE_MINMAX:
		mutate_list(e->u.minmax.args, fn, arg);
		break;
	case QE_SUBLINK:
	case QE_SUBPLAN:
		e->u.sublink.testexpr = qry_mutate_expr(e->u.sublink.testexpr, fn, arg);
		mutate_list(e->u.sublink.args, fn, arg);
		break;
	case QE_AGGREF:
		mutate_list(e->u.aggref.args, fn, arg);
		e->u.aggref.filter = qry_mutate_expr(e->u.aggref.filter, fn, arg);
		break;
	case QE_WINDOWFUNC:
		mutate_list(e->u.windowfunc.args, fn, arg);
		e->u.windowfunc.filter = qry_mutate_expr(e->u.windowfunc.filter, fn, arg);
		break;
	case QE_COERCEVIAIO:
	case QE_RELABEL:
		e->u.coerce.arg = qry_mutate_expr(e->u.coerce.arg, fn, arg);
		break;
	case QE_TYPMOD:
		e->u.typmod.arg = qry_mutate_expr(e->u.typmod.arg, fn, arg);
		break;
	case QE_ROW:
		mutate_list(e->u.row.args, fn, arg);
		break;
	case QE_ARRAY:
		mutate_list(e->u.array.elems, fn, arg);
		break;
	case QE_SUBSCRIPT:
		e->u.subscript.container = qry_mutate_expr(e->u.subscript.container, fn, arg);
		mutate_list(e->u.subscript.lower, fn, arg);
		mutate_list(e->u.subscript.upper, fn, arg);
		break;
	case QE_GROUPING:
		mutate_list(e->u.grouping.args, fn, arg);
		break;
	case QE_ARRAYCOERCE:
		e->u.arraycoerce.arg = qry_mutate_expr(e->u.arraycoerce.arg, fn, arg);
		break;
	}
	qry_expr *r = fn(e, arg);
	return r ? r : e;
}

static bool
kind_walker(qry_expr *e, void *arg)
{
	return e->kind == *(qry_expr_kind *)arg;
}

bool
qry_contains_kind(qry_expr *e, qry_expr_kind k)
{
	return qry_walk_expr(e, kind_walker, &k);
}

/* ---- whole-query walks ----------------------------------------------------------------- */

static bool
walk_targets(qry_list *l, walk_fn fn, void *arg)
{
	for (int i = 0; i < qry_list_len(l); i++)
		if (qry_walk_expr(((qry_target *)l->items[i])->expr, fn, arg))
			return true;
	return false;
}

static bool
walk_jointree(qry_jointree *j, walk_fn fn, void *arg)
{
	if (!j)
		return false;
	switch (j->kind) {
	case QJ_RANGEREF:
		return false;
	case QJ_JOIN:
		return walk_jointree(j->larg, fn, arg) || walk_jointree(j->rarg, fn, arg) ||
		       qry_walk_expr(j->quals, fn, arg);
	case QJ_FROM:
		for (int i = 0; i < qry_list_len(j->fromlist); i++)
			if (walk_jointree(j->fromlist->items[i], fn, arg))
				return true;
		return qry_walk_expr(j->where, fn, arg);
	}
	return false;
}

bool
qry_walk_query_exprs(qry_query *q, walk_fn fn, void *arg)
{
	if (walk_targets(q->targets, fn, arg) || walk_targets(q->returning, fn, arg) ||
	    walk_jointree(q->jointree, fn, arg) || qry_walk_expr(q->having, fn, arg) ||
	    qry_walk_expr(q->limit_offset, fn, arg) || qry_walk_expr(q->limit_count, fn, arg))
		return true;
	if (q->onconflict && (walk_targets(q->onconflict->set_targets, fn, arg) ||
	                      qry_walk_expr(q->onconflict->where, fn, arg)))
		return true;
	for (int i = 0; i < qry_list_len(q->window_clause); i++) {
		qry_window *w = q->window_clause->items[i];
		if (qry_walk_expr(w->start_offset, fn, arg) || qry_walk_expr(w->end_offset, fn, arg))
			return true;
	}
	for (int i = 0; i < qry_list_len(q->rtable); i++) {
		qry_rte *r = q->rtable->items[i];
		if (walk_list(r->functions, fn, arg))
			return true;
		for (int k = 0; k < qry_list_len(r->values_lists); k++)
			if (walk_list(r->values_lists->items[k], fn, arg))
				return true;
	}
	return false;
}

static void
mutate_targets(qry_list *l, mutate_fn fn, void *arg)
{
	for (int i = 0; i < qry_list_len(l); i++) {
		qry_target *t = l->items[i];
		t->expr = qry_mutate_expr(t->expr, fn, arg);
	}
}

static void
mutate_jointree(qry_jointree *j, mutate_fn fn, void *arg)
{
	if (!j)
		return;
	if (j->kind == QJ_JOIN) {
		mutate_jointree(j->larg, fn, arg);
		mutate_jointree(j->rarg, fn, arg);
		j->quals = qry_mutate_expr(j->quals, fn, arg);
	} else if (j->kind == QJ_FROM) {
		for (int i = 0; i < qry_list_len(j->fromlist); i++)
			mutate_jointree(j->fromlist->items[i], fn, arg);
		j->where = qry_mutate_expr(j->where, fn, arg);
	}
}

void
qry_mutate_query_exprs(qry_query *q, mutate_fn fn, void *arg)
{
	mutate_targets(q->targets, fn, arg);
	mutate_targets(q->returning, fn, arg);
	mutate_jointree(q->jointree, fn, arg);
	q->having = qry_mutate_expr(q->having, fn, arg);
	q->limit_offset = qry_mutate_expr(q->limit_offset, fn, arg);
	q->limit_count = qry_mutate_expr(q->limit_count, fn, arg);
	if (q->onconflict) {
		mutate_targets(q->onconflict->set_targets, fn, arg);
		q->onconflict->where = qry_mutate_expr(q->onconflict->where, fn, arg);
	}
	for (int i = 0; i < qry_list_len(q->window_clause); i++) {
		qry_window *w = q->window_clause->items[i];
		w->start_offset = qry_mutate_expr(w->start_offset, fn, arg);
		w->end_offset = qry_mutate_expr(w->end_offset, fn, arg);
	}
	for (int i = 0; i < qry_list_len(q->rtable); i++) {
		qry_rte *r = q->rtable->items[i];
		mutate_list(r->functions, fn, arg);
		for (int k = 0; k < qry_list_len(r->values_lists); k++)
			mutate_list(r->values_lists->items[k], fn, arg);
	}
}
