/*
 * gram.c — the recursive-descent parser: entry points, token helpers, statement dispatch,
 * SELECT (set operations, FROM, joins, GROUP BY, windows, ORDER BY, LIMIT, locking) and DML
 * (INSERT, UPDATE, DELETE).  Expressions are in gram_expr.c; DDL in gram_ddl.c; session,
 * transaction and utility statements in gram_util.c.  See README.md for the grammar notes.
 */
#include <string.h>

#include "sql/parse/parse.h"
#include "sql/parse/parse_int.h"
#include "util/err.h"
#include "util/mem.h"

/* ---- token helpers ------------------------------------------------------------------------- */

bool
accept_kw(parse_state *ps, kw_id k)
{
	if (is_kw(ps, k)) {
		advance(ps);
		return true;
	}
	return false;
}

bool
accept_char(parse_state *ps, int c)
{
	if (is_char(ps, c)) {
		advance(ps);
		return true;
	}
	return false;
}

void
expect_kw(parse_state *ps, kw_id k)
{
	if (!accept_kw(ps, k))
		parse_syntax_error(ps);
}

void
expect_char(parse_state *ps, int c)
{
	if (!accept_char(ps, c))
		parse_syntax_error(ps);
}

bool
is_word(parse_state *ps, const char *w)
{
	const token *t = cur_tok(ps);

	return t->type == TK_IDENT && strcmp(t->str, w) == 0 &&
	       ps->src[t->loc] != '"';
}

static inline int
kw_cat(const token *t)
{
	return kw_table[t->kw].category;
}

static inline bool
is_real_kw(const token *t)
{
	return t->type == TK_KEYWORD && t->kw < KW_NOT_LA;
}

bool
tok_is_colid(const token *t)
{
	return t->type == TK_IDENT ||
	       (is_real_kw(t) && (kw_cat(t) == KWC_UNRESERVED || kw_cat(t) == KWC_COL_NAME));
}

bool
tok_is_type_func_name(const token *t)
{
	return t->type == TK_IDENT ||
	       (is_real_kw(t) && (kw_cat(t) == KWC_UNRESERVED || kw_cat(t) == KWC_TYPE_FUNC_NAME));
}

bool
tok_is_col_label(const token *t)
{
	return t->type == TK_IDENT || is_real_kw(t);
}

bool
tok_is_bare_label(const token *t)
{
	return t->type == TK_IDENT || (is_real_kw(t) && kw_table[t->kw].bare);
}

bool
tok_is_nonreserved(const token *t)
{
	return t->type == TK_IDENT || (is_real_kw(t) && kw_cat(t) != KWC_RESERVED);
}

void
parse_enter(parse_state *ps)
{
	if (++ps->depth > PARSE_MAX_DEPTH) {
		ERR_BEGIN(ERRCODE_STATEMENT_TOO_COMPLEX);
		err_position(scan_char_position(ps->src, cur_tok(ps)->loc));
		err_hint("Simplify the statement: it nests more than %d levels deep.", PARSE_MAX_DEPTH);
		err_throw("statement too complex");
	}
}

/* ---- small pieces ------------------------------------------------------------------------- */

ast_list *
gram_comma_list(parse_state *ps, gram_item_fn item)
{
	ast_list *l = NULL;

	do
		l = ast_list_append(l, item(ps));
	while (accept_char(ps, ','));
	return l;
}

ast_node *
gram_where(parse_state *ps)
{
	if (!accept_kw(ps, KW_WHERE))
		return NULL;
	return gram_expr(ps);
}

ast_list *
gram_returning(parse_state *ps)
{
	if (!accept_kw(ps, KW_RETURNING))
		return NULL;
	return gram_target_list(ps);
}

bool
gram_at_select_start(parse_state *ps, int k)
{
	const token *t = peek_tok(ps, k);

	return tok_is_kw(t, KW_SELECT) || tok_is_kw(t, KW_VALUES) || tok_is_kw(t, KW_TABLE) ||
	       tok_is_kw(t, KW_WITH);
}

/* relation_expr: [ONLY] qualified_name [*] | ONLY ( qualified_name ) */
RangeVar *
gram_relation_expr(parse_state *ps)
{
	RangeVar *r;

	if (accept_kw(ps, KW_ONLY)) {
		if (accept_char(ps, '(')) {
			r = gram_qualified_name(ps);
			expect_char(ps, ')');
		} else
			r = gram_qualified_name(ps);
		r->inh = false;
		return r;
	}
	r = gram_qualified_name(ps);
	accept_char(ps, '*');
	return r;
}

static ast_node *
relation_expr_item(parse_state *ps)
{
	return (ast_node *)gram_relation_expr(ps);
}

ast_list *
gram_relation_expr_list(parse_state *ps)
{
	return gram_comma_list(ps, relation_expr_item);
}

/* [AS] ColId [(names)]; without AS only when allow_bare.  NULL if none. */
Alias *
gram_opt_alias(parse_state *ps, bool allow_bare)
{
	int loc = cur_tok(ps)->loc;
	Alias *a;

	if (accept_kw(ps, KW_AS)) {
		a = AST_NEW(Alias, loc);
		a->aliasname = gram_colid(ps);
	} else if (allow_bare && tok_is_colid(cur_tok(ps))) {
		a = AST_NEW(Alias, loc);
		a->aliasname = gram_colid(ps);
	} else
		return NULL;
	if (is_char(ps, '('))
		a->colnames = gram_opt_name_list(ps);
	return a;
}

/* ---- WITH --------------------------------------------------------------------------------- */

WithClause *
gram_with_clause(parse_state *ps)
{
	WithClause *w = AST_NEW(WithClause, cur_tok(ps)->loc);

	expect_kw(ps, KW_WITH);
	w->recursive = accept_kw(ps, KW_RECURSIVE);
	do {
		CommonTableExpr *c = AST_NEW(CommonTableExpr, cur_tok(ps)->loc);

		c->ctename = gram_colid(ps);
		if (is_char(ps, '('))
			c->aliascolnames = gram_opt_name_list(ps);
		expect_kw(ps, KW_AS);
		if (accept_kw(ps, KW_MATERIALIZED))
			c->ctematerialized = CTE_MATERIALIZE_ALWAYS;
		else if (accept_kw(ps, KW_NOT)) {
			expect_kw(ps, KW_MATERIALIZED);
			c->ctematerialized = CTE_MATERIALIZE_NEVER;
		}
		expect_char(ps, '(');
		c->ctequery = gram_preparable_stmt(ps);
		expect_char(ps, ')');
		w->ctes = ast_list_append(w->ctes, c);
	} while (accept_char(ps, ','));
	return w;
}

/* ---- SELECT --------------------------------------------------------------------------------- */

static bool
at_target_list_end(parse_state *ps)
{
	const token *t = cur_tok(ps);

	if (t->type == TK_EOF || t->type == ';' || t->type == ')')
		return true;
	if (t->type != TK_KEYWORD)
		return false;
	switch (t->kw) {
	case KW_FROM: case KW_INTO: case KW_WHERE: case KW_GROUP: case KW_HAVING:
	case KW_WINDOW: case KW_ORDER: case KW_LIMIT: case KW_OFFSET: case KW_FETCH:
	case KW_FOR: case KW_UNION: case KW_INTERSECT: case KW_EXCEPT: case KW_ON:
	case KW_RETURNING: case KW_WITH:
		return true;
	default:
		return false;
	}
}

static ast_node *
target_el(parse_state *ps)
{
	const token *t = cur_tok(ps);
	ResTarget *r = AST_NEW(ResTarget, t->loc);
	int outer = ps->target_start;

	if (t->type == '*') {
		ColumnRef *c = AST_NEW(ColumnRef, t->loc);

		advance(ps);
		c->fields = ast_list_make1((ast_node *)AST_NEW(A_Star, t->loc));
		r->val = (ast_node *)c;
		return (ast_node *)r;
	}
	ps->target_start = ps->pos;   /* bare labels may end this entry (see infix_prec) */
	r->val = gram_expr(ps);
	ps->target_start = outer;
	if (accept_kw(ps, KW_AS))
		r->name = gram_col_label(ps);
	else if (tok_is_bare_label(cur_tok(ps)))
		r->name = gram_col_label(ps);
	return (ast_node *)r;
}

ast_list *
gram_target_list(parse_state *ps)
{
	return gram_comma_list(ps, target_el);
}

static IntoClause *
into_clause(parse_state *ps)
{
	IntoClause *into = AST_NEW(IntoClause, cur_tok(ps)->loc);
	char persistence = RELPERSISTENCE_PERMANENT;

	expect_kw(ps, KW_INTO);
	/* TEMP, UNLOGGED ... are persistence only when a name follows (INTO unlogged FROM t
	 * makes a table named unlogged) */
	if ((is_kw(ps, KW_TEMPORARY) || is_kw(ps, KW_TEMP)) &&
	    (tok_is_colid(peek_tok(ps, 1)) || peek_kw(ps, 1, KW_TABLE))) {
		advance(ps);
		persistence = RELPERSISTENCE_TEMP;
	} else if ((is_kw(ps, KW_LOCAL) || is_kw(ps, KW_GLOBAL)) &&
	           (peek_kw(ps, 1, KW_TEMP) || peek_kw(ps, 1, KW_TEMPORARY))) {
		advance(ps);
		advance(ps);
		persistence = RELPERSISTENCE_TEMP;
	} else if (is_kw(ps, KW_UNLOGGED) &&
	           (tok_is_colid(peek_tok(ps, 1)) || peek_kw(ps, 1, KW_TABLE))) {
		advance(ps);
		persistence = RELPERSISTENCE_UNLOGGED;
	}
	accept_kw(ps, KW_TABLE);
	into->rel = gram_qualified_name(ps);
	into->rel->relpersistence = persistence;
	return into;
}

/* ---- FROM --------------------------------------------------------------------------------- */

static ast_node *table_ref(parse_state *ps);
static ast_node *join_tail(parse_state *ps, ast_node *left);

static bool
at_join(parse_state *ps)
{
	const token *t = cur_tok(ps);

	if (t->type != TK_KEYWORD)
		return false;
	switch (t->kw) {
	case KW_JOIN: case KW_CROSS: case KW_NATURAL: case KW_INNER: case KW_LEFT:
	case KW_RIGHT: case KW_FULL:
		return true;
	default:
		return false;
	}
}

static ast_node *
range_subselect(parse_state *ps, bool lateral, ast_node *sub, int loc)
{
	RangeSubselect *r = AST_NEW(RangeSubselect, loc);

	r->lateral = lateral;
	r->subquery = sub;
	r->alias = gram_opt_alias(ps, true);
	return (ast_node *)r;
}

/* A function in FROM: f(args) [WITH ORDINALITY] [alias], or ROWS FROM (...) */
static ast_list *
coldef_list(parse_state *ps)
{
	ast_list *l = NULL;

	expect_char(ps, '(');
	do {
		ColumnDef *c = AST_NEW(ColumnDef, cur_tok(ps)->loc);

		c->colname = gram_colid(ps);
		c->typeName = gram_typename(ps);
		if (accept_kw(ps, KW_COLLATE)) {
			c->collClause = AST_NEW(CollateClause, cur_tok(ps)->loc);
			c->collClause->collname = gram_any_name(ps);
		}
		l = ast_list_append(l, c);
	} while (accept_char(ps, ','));
	expect_char(ps, ')');
	return l;
}

/* Alias of a function in FROM: [AS] name [(cols | coldefs)] or AS (coldefs). */
static void
func_alias(parse_state *ps, RangeFunction *rf)
{
	bool as = accept_kw(ps, KW_AS);

	if (as && is_char(ps, '(')) {
		rf->coldeflist = coldef_list(ps);
		return;
	}
	if (!as && !tok_is_colid(cur_tok(ps)))
		return;
	rf->alias = AST_NEW(Alias, cur_tok(ps)->loc);
	rf->alias->aliasname = gram_colid(ps);
	if (!is_char(ps, '('))
		return;
	/* (a, b) is a column alias list; (a int, b text) a column definition list */
	if (tok_is_colid(peek_tok(ps, 1)) && (peek_char(ps, 2, ',') || peek_char(ps, 2, ')')))
		rf->alias->colnames = gram_opt_name_list(ps);
	else
		rf->coldeflist = coldef_list(ps);
}

static ast_node *
func_table(parse_state *ps, bool lateral, int loc)
{
	RangeFunction *rf = AST_NEW(RangeFunction, loc);

	rf->lateral = lateral;
	if (is_kw(ps, KW_ROWS) && peek_kw(ps, 1, KW_FROM)) {
		advance(ps);
		advance(ps);
		rf->is_rowsfrom = true;
		expect_char(ps, '(');
		do {
			ast_node *f = gram_func_expr(ps);
			ast_list *defs = NULL;

			if (accept_kw(ps, KW_AS))
				defs = coldef_list(ps);
			rf->functions = ast_list_append(rf->functions,
			                                ast_list_make2(f, (ast_node *)defs));
		} while (accept_char(ps, ','));
		expect_char(ps, ')');
	} else {
		ast_node *f = gram_func_expr(ps);

		rf->functions = ast_list_make1((ast_node *)ast_list_make2(f, NULL));
	}
	if (is_kw(ps, KW_WITH_LA) && peek_kw(ps, 1, KW_ORDINALITY)) {
		advance(ps);
		advance(ps);
		rf->ordinality = true;
	}
	func_alias(ps, rf);
	return (ast_node *)rf;
}

/*
 * A parenthesised thing in FROM: a subquery, or a join tree.  Returns the SelectStmt (and
 * *is_select) or the JoinExpr.
 */
static ast_node *
from_paren(parse_state *ps, bool *is_select)
{
	ast_node *inner, *left;
	bool inner_select;
	int loc = cur_tok(ps)->loc;

	parse_enter(ps);
	expect_char(ps, '(');
	if (gram_at_select_start(ps, 0)) {
		inner = gram_select(ps);
		expect_char(ps, ')');
		*is_select = true;
		parse_leave(ps);
		return inner;
	}
	if (is_char(ps, '(')) {
		int inner_loc = cur_tok(ps)->loc;

		inner = from_paren(ps, &inner_select);
		if (inner_select) {
			if (is_char(ps, ')') || is_kw(ps, KW_UNION) || is_kw(ps, KW_INTERSECT) ||
			    is_kw(ps, KW_EXCEPT) || is_kw(ps, KW_ORDER) || is_kw(ps, KW_LIMIT) ||
			    is_kw(ps, KW_OFFSET) || is_kw(ps, KW_FETCH) || is_kw(ps, KW_FOR)) {
				inner = gram_select_continue(ps, (SelectStmt *)inner);
				expect_char(ps, ')');
				*is_select = true;
				parse_leave(ps);
				return inner;
			}
			left = range_subselect(ps, false, inner, inner_loc);
		} else {
			left = inner;
			((JoinExpr *)left)->alias = gram_opt_alias(ps, true);
		}
	} else
		left = table_ref(ps);
	left = join_tail(ps, left);
	if (!AST_IS(left, JoinExpr))
		parse_syntax_error(ps);
	expect_char(ps, ')');
	*is_select = false;
	(void)loc;
	parse_leave(ps);
	return left;
}

/* One table reference without joins. */
static ast_node *
table_ref(parse_state *ps)
{
	const token *t = cur_tok(ps);
	int loc = t->loc;
	bool lateral = false;

	if (accept_kw(ps, KW_LATERAL)) {
		lateral = true;
		t = cur_tok(ps);
	}
	if (t->type == '(') {
		bool is_select;
		ast_node *n = from_paren(ps, &is_select);

		if (is_select)
			return range_subselect(ps, lateral, n, loc);
		if (lateral)
			parse_syntax_error_at(ps, t);
		((JoinExpr *)n)->alias = gram_opt_alias(ps, true);
		return n;
	}
	if (lateral && !(is_kw(ps, KW_ROWS) && peek_kw(ps, 1, KW_FROM))) {
		/* LATERAL name ( ... ): a function */
		int k = 1;

		while (peek_char(ps, k, '.') && tok_is_col_label(peek_tok(ps, k + 1)))
			k += 2;
		if (!peek_char(ps, k, '('))
			parse_syntax_error_at(ps, peek_tok(ps, k));
	}
	if (lateral || (is_kw(ps, KW_ROWS) && peek_kw(ps, 1, KW_FROM)))
		return func_table(ps, lateral, loc);
	/* a function call: name [. name ...] ( — or a keyword function such as COALESCE( */
	int k = 0;

	if (t->type == TK_KEYWORD &&
	    (t->kw == KW_COALESCE || t->kw == KW_GREATEST || t->kw == KW_LEAST ||
	     t->kw == KW_NULLIF || t->kw == KW_EXTRACT || t->kw == KW_SUBSTRING ||
	     t->kw == KW_TRIM || t->kw == KW_POSITION || t->kw == KW_OVERLAY) && peek_char(ps, 1, '('))
		return func_table(ps, false, loc);   /* keyword functions */
	if (t->type == TK_KEYWORD &&
	    (t->kw == KW_CAST || t->kw == KW_CURRENT_DATE || t->kw == KW_CURRENT_TIME ||
	     t->kw == KW_CURRENT_TIMESTAMP || t->kw == KW_LOCALTIME || t->kw == KW_LOCALTIMESTAMP ||
	     t->kw == KW_CURRENT_USER || t->kw == KW_SESSION_USER || t->kw == KW_CURRENT_ROLE ||
	     t->kw == KW_USER || t->kw == KW_CURRENT_SCHEMA || t->kw == KW_CURRENT_CATALOG))
		return func_table(ps, false, loc);   /* reserved words that are functions */
	if (tok_is_type_func_name(t) || tok_is_colid(t)) {
		k = 1;
		while (peek_char(ps, k, '.') && tok_is_col_label(peek_tok(ps, k + 1)))
			k += 2;
		/* a function: a qualified name or a function name followed by '(', or a name that
		 * can only be a function's (LEFT, ...); column-name keywords (ROW, INT ...) are
		 * relation names here */
		if ((peek_char(ps, k, '(') && (k > 1 || tok_is_type_func_name(t))) || !tok_is_colid(t))
			return func_table(ps, false, loc);
	}

	RangeVar *r = gram_relation_expr(ps);

	r->hdr.loc = loc;
	r->alias = gram_opt_alias(ps, true);
	return (ast_node *)r;
}

static ast_node *
join_tail(parse_state *ps, ast_node *left)
{
	int turns = 0;

	while (at_join(ps)) {
		JoinExpr *j = AST_NEW(JoinExpr, cur_tok(ps)->loc);
		bool needs_qual = true;

		parse_enter(ps);
		turns++;

		j->jointype = JOIN_INNER;
		if (accept_kw(ps, KW_CROSS)) {
			expect_kw(ps, KW_JOIN);
			needs_qual = false;
		} else {
			if (accept_kw(ps, KW_NATURAL)) {
				j->isNatural = true;
				needs_qual = false;
			}
			if (accept_kw(ps, KW_INNER))
				j->jointype = JOIN_INNER;
			else if (accept_kw(ps, KW_LEFT))
				j->jointype = JOIN_LEFT;
			else if (accept_kw(ps, KW_RIGHT))
				j->jointype = JOIN_RIGHT;
			else if (accept_kw(ps, KW_FULL))
				j->jointype = JOIN_FULL;
			if (j->jointype != JOIN_INNER)
				accept_kw(ps, KW_OUTER);
			expect_kw(ps, KW_JOIN);
		}
		j->larg = left;
		parse_enter(ps);
		j->rarg = table_ref(ps);
		/* a qualified join's right side may itself be a join awaiting its qualification */
		if (needs_qual && at_join(ps))
			j->rarg = join_tail(ps, j->rarg);
		parse_leave(ps);
		if (needs_qual) {
			if (accept_kw(ps, KW_ON))
				j->quals = gram_expr(ps);
			else if (accept_kw(ps, KW_USING)) {
				j->usingClause = gram_opt_name_list(ps);
				if (is_kw(ps, KW_AS)) {
					advance(ps);
					j->join_using_alias = AST_NEW(Alias, cur_tok(ps)->loc);
					j->join_using_alias->aliasname = gram_colid(ps);
				}
			} else
				parse_syntax_error(ps);
		}
		left = (ast_node *)j;
	}
	parse_leave_n(ps, turns);
	return left;
}

static ast_node *
from_item(parse_state *ps)
{
	return join_tail(ps, table_ref(ps));
}

ast_list *
gram_from_list(parse_state *ps)
{
	return gram_comma_list(ps, from_item);
}

/* ---- GROUP BY, WINDOW, ORDER BY, LIMIT, FOR UPDATE ----------------------------------------- */

static ast_node *group_by_item(parse_state *ps);

static ast_node *
group_by_item(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	GroupingSet *g;

	if (is_char(ps, '(') && peek_char(ps, 1, ')')) {
		advance(ps);
		advance(ps);
		return (ast_node *)AST_NEW(GroupingSet, loc);   /* GROUPING_SET_EMPTY */
	}
	if ((is_kw(ps, KW_ROLLUP) || is_kw(ps, KW_CUBE)) && peek_char(ps, 1, '(')) {
		g = AST_NEW(GroupingSet, loc);
		g->kind = is_kw(ps, KW_ROLLUP) ? GROUPING_SET_ROLLUP : GROUPING_SET_CUBE;
		advance(ps);
		advance(ps);
		g->content = gram_expr_list(ps);
		expect_char(ps, ')');
		return (ast_node *)g;
	}
	if (is_kw(ps, KW_GROUPING) && peek_kw(ps, 1, KW_SETS)) {
		g = AST_NEW(GroupingSet, loc);
		g->kind = GROUPING_SET_SETS;
		advance(ps);
		advance(ps);
		expect_char(ps, '(');
		parse_enter(ps);
		g->content = gram_comma_list(ps, group_by_item);
		parse_leave(ps);
		expect_char(ps, ')');
		return (ast_node *)g;
	}
	return gram_expr(ps);
}

static ast_list *
window_clause(parse_state *ps)
{
	ast_list *l = NULL;

	do {
		int loc = cur_tok(ps)->loc;
		char *name = gram_colid(ps);
		WindowDef *w;

		expect_kw(ps, KW_AS);
		w = gram_window_spec(ps);
		w->name = name;
		w->hdr.loc = loc;
		l = ast_list_append(l, w);
	} while (accept_char(ps, ','));
	return l;
}

static ast_node *
sortby_item(parse_state *ps)
{
	return (ast_node *)gram_sortby(ps);
}

ast_list *
gram_sort_clause(parse_state *ps)
{
	return gram_comma_list(ps, sortby_item);
}

typedef struct select_limit {
	ast_node *offset;
	ast_node *count;
	limit_option option;
	int loc;
	bool given;
} select_limit;

/* FETCH {FIRST|NEXT} [n] {ROW|ROWS} {ONLY|WITH TIES} (after FETCH) */
static void
fetch_first(parse_state *ps, select_limit *lim)
{
	if (!accept_kw(ps, KW_FIRST))
		expect_kw(ps, KW_NEXT);
	if (is_kw(ps, KW_ROW) || is_kw(ps, KW_ROWS))
		lim->count = gram_a_const(ps, -1, CONST_INT, 1, NULL);
	else if (is_char(ps, '+') || is_char(ps, '-')) {
		lim->count = gram_numeric_only(ps);
		/* as an expression constant */
		if (AST_IS(lim->count, Integer))
			lim->count = gram_a_const(ps, lim->count->loc, CONST_INT,
			                          ((Integer *)lim->count)->ival, NULL);
		else
			lim->count = gram_a_const(ps, lim->count->loc, CONST_FLOAT, 0,
			                          ((Float *)lim->count)->fval);
	} else
		lim->count = gram_b_expr(ps);
	if (!accept_kw(ps, KW_ROW))
		expect_kw(ps, KW_ROWS);
	if (accept_kw(ps, KW_ONLY))
		lim->option = LIMIT_OPTION_COUNT;
	else {
		if (!accept_kw(ps, KW_WITH) && !accept_kw(ps, KW_WITH_LA))
			parse_syntax_error(ps);
		expect_kw(ps, KW_TIES);
		lim->option = LIMIT_OPTION_WITH_TIES;
	}
}

static bool
select_limit_clause(parse_state *ps, select_limit *lim)
{
	bool any = false;

	for (;;) {
		int loc = cur_tok(ps)->loc;

		if (is_kw(ps, KW_LIMIT) && lim->count == NULL && lim->option == LIMIT_OPTION_DEFAULT) {
			advance(ps);
			if (is_kw(ps, KW_ALL)) {
				lim->count = gram_a_const(ps, cur_tok(ps)->loc, CONST_NULL, 0, NULL);
				advance(ps);
			} else
				lim->count = gram_expr(ps);
			if (is_char(ps, ',')) {
				ERR_BEGIN(ERRCODE_SYNTAX_ERROR);
				err_position(scan_char_position(ps->src, loc));
				err_hint("Use separate LIMIT and OFFSET clauses.");
				err_throw("LIMIT #,# syntax is not supported");
			}
			lim->option = LIMIT_OPTION_COUNT;
		} else if (is_kw(ps, KW_OFFSET) && lim->offset == NULL) {
			advance(ps);
			lim->offset = gram_expr(ps);
			if (!accept_kw(ps, KW_ROW))
				accept_kw(ps, KW_ROWS);
		} else if (is_kw(ps, KW_FETCH) && lim->count == NULL &&
		           lim->option == LIMIT_OPTION_DEFAULT) {
			advance(ps);
			fetch_first(ps, lim);
		} else
			break;
		if (!any)
			lim->loc = loc;
		any = true;
	}
	lim->given = any;
	return any;
}

static ast_list *
locking_clause(parse_state *ps)
{
	ast_list *l = NULL;

	while (is_kw(ps, KW_FOR)) {
		LockingClause *lc = AST_NEW(LockingClause, cur_tok(ps)->loc);

		advance(ps);
		if (accept_kw(ps, KW_UPDATE))
			lc->strength = LCS_FORUPDATE;
		else if (accept_kw(ps, KW_SHARE))
			lc->strength = LCS_FORSHARE;
		else if (accept_kw(ps, KW_NO)) {
			expect_kw(ps, KW_KEY);
			expect_kw(ps, KW_UPDATE);
			lc->strength = LCS_FORNOKEYUPDATE;
		} else if (accept_kw(ps, KW_KEY)) {
			expect_kw(ps, KW_SHARE);
			lc->strength = LCS_FORKEYSHARE;
		} else if (accept_kw(ps, KW_READ)) {
			/* FOR READ ONLY: no locking */
			expect_kw(ps, KW_ONLY);
			continue;
		} else
			parse_syntax_error(ps);
		if (accept_kw(ps, KW_OF))
			lc->lockedRels = gram_comma_list(ps, gram_qualified_name_item);
		if (accept_kw(ps, KW_NOWAIT))
			lc->waitPolicy = LOCKWAIT_ERROR;
		else if (is_kw(ps, KW_SKIP)) {
			advance(ps);
			expect_kw(ps, KW_LOCKED);
			lc->waitPolicy = LOCKWAIT_SKIP;
		}
		l = ast_list_append(l, lc);
	}
	return l;
}

/* ---- simple SELECT and VALUES ------------------------------------------------------------- */

ast_list *
gram_values_lists(parse_state *ps)
{
	ast_list *l = NULL;

	expect_kw(ps, KW_VALUES);
	do {
		ast_list *row;

		expect_char(ps, '(');
		row = gram_expr_list(ps);
		expect_char(ps, ')');
		l = ast_list_append(l, row);
	} while (accept_char(ps, ','));
	return l;
}

static SelectStmt *
simple_select(parse_state *ps)
{
	SelectStmt *s = AST_NEW(SelectStmt, cur_tok(ps)->loc);

	if (is_kw(ps, KW_VALUES)) {
		s->valuesLists = gram_values_lists(ps);
		return s;
	}
	if (accept_kw(ps, KW_TABLE)) {
		/* TABLE t is SELECT * FROM t */
		ResTarget *rt = AST_NEW(ResTarget, -1);
		ColumnRef *cr = AST_NEW(ColumnRef, -1);

		cr->fields = ast_list_make1((ast_node *)AST_NEW(A_Star, -1));
		rt->val = (ast_node *)cr;
		s->targetList = ast_list_make1((ast_node *)rt);
		s->fromClause = ast_list_make1((ast_node *)gram_relation_expr(ps));
		return s;
	}
	expect_kw(ps, KW_SELECT);
	if (accept_kw(ps, KW_DISTINCT)) {
		s->distinct = true;
		if (accept_kw(ps, KW_ON)) {
			expect_char(ps, '(');
			s->distinctOn = gram_expr_list(ps);
			expect_char(ps, ')');
			s->distinct = false;
		}
		/* DISTINCT requires a target list */
		if (at_target_list_end(ps))
			parse_syntax_error(ps);
	} else
		accept_kw(ps, KW_ALL);
	if (!at_target_list_end(ps))
		s->targetList = gram_target_list(ps);
	if (is_kw(ps, KW_INTO))
		s->intoClause = into_clause(ps);
	if (accept_kw(ps, KW_FROM))
		s->fromClause = gram_from_list(ps);
	s->whereClause = gram_where(ps);
	if (is_kw(ps, KW_GROUP)) {
		advance(ps);
		expect_kw(ps, KW_BY);
		if (accept_kw(ps, KW_DISTINCT))
			s->groupDistinct = true;
		else
			accept_kw(ps, KW_ALL);
		s->groupClause = gram_comma_list(ps, group_by_item);
	}
	if (accept_kw(ps, KW_HAVING))
		s->havingClause = gram_expr(ps);
	if (accept_kw(ps, KW_WINDOW))
		s->windowClause = window_clause(ps);
	return s;
}

/* ---- set operations and the clauses that apply to a whole query -------------------------- */

static SelectStmt *set_expr(parse_state *ps, SelectStmt *left, int min_prec);

/* A set operation's operand: a simple select or a parenthesised query. */
static SelectStmt *
select_primary(parse_state *ps)
{
	if (is_char(ps, '(')) {
		SelectStmt *s;

		parse_enter(ps);
		advance(ps);
		s = (SelectStmt *)gram_select(ps);
		expect_char(ps, ')');
		parse_leave(ps);
		return s;
	}
	if (is_kw(ps, KW_SELECT) || is_kw(ps, KW_VALUES) || is_kw(ps, KW_TABLE))
		return simple_select(ps);
	parse_syntax_error(ps);
}

static SelectStmt *
set_expr(parse_state *ps, SelectStmt *left, int min_prec)
{
	int turns = 0;

	if (left == NULL)
		left = select_primary(ps);
	for (;;) {
		int prec, loc = cur_tok(ps)->loc;
		set_operation op;

		if (is_kw(ps, KW_UNION)) {
			op = SETOP_UNION;
			prec = 1;
		} else if (is_kw(ps, KW_EXCEPT)) {
			op = SETOP_EXCEPT;
			prec = 1;
		} else if (is_kw(ps, KW_INTERSECT)) {
			op = SETOP_INTERSECT;
			prec = 2;
		} else
			break;
		if (prec < min_prec)
			break;
		advance(ps);
		parse_enter(ps);
		turns++;

		SelectStmt *s = AST_NEW(SelectStmt, loc);

		s->op = op;
		if (accept_kw(ps, KW_ALL))
			s->all = true;
		else
			accept_kw(ps, KW_DISTINCT);
		parse_enter(ps);
		s->larg = left;
		s->rarg = set_expr(ps, NULL, prec + 1);
		parse_leave(ps);
		s->hdr.loc = left->hdr.loc;
		left = s;
	}
	parse_leave_n(ps, turns);
	return left;
}

static noreturn void
multiple_clause_error(parse_state *ps, int loc, const char *what)
{
	parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, loc, "multiple %s clauses not allowed", what);
}

/* Trailing ORDER BY / LIMIT / OFFSET / FETCH / FOR UPDATE after the set expression. */
static ast_node *
select_tail(parse_state *ps, SelectStmt *s, WithClause *with)
{
	select_limit lim = {0};
	ast_list *sort = NULL, *locking = NULL;
	int sort_loc = -1, lock_loc = -1;

	if (is_kw(ps, KW_ORDER)) {
		sort_loc = cur_tok(ps)->loc;
		advance(ps);
		expect_kw(ps, KW_BY);
		sort = gram_sort_clause(ps);
	}
	if (is_kw(ps, KW_FOR)) {
		lock_loc = cur_tok(ps)->loc;
		locking = locking_clause(ps);
		select_limit_clause(ps, &lim);
	} else if (select_limit_clause(ps, &lim) && is_kw(ps, KW_FOR)) {
		lock_loc = cur_tok(ps)->loc;
		locking = locking_clause(ps);
	}
	if (sort != NULL) {
		if (s->sortClause != NULL)
			multiple_clause_error(ps, sort_loc, "ORDER BY");
		s->sortClause = sort;
	}
	(void)lock_loc;
	/* locking clauses add up, as in PostgreSQL */
	s->lockingClause = ast_list_concat(s->lockingClause, locking);
	if (lim.given) {
		if (lim.offset != NULL) {
			if (s->limitOffset != NULL)
				multiple_clause_error(ps, lim.offset->loc, "OFFSET");
			s->limitOffset = lim.offset;
		}
		if (lim.count != NULL) {
			if (s->limitCount != NULL)
				multiple_clause_error(ps, lim.count->loc, "LIMIT");
			s->limitCount = lim.count;
			s->limitOption = lim.option;
		}
	}
	if (s->limitOption == LIMIT_OPTION_WITH_TIES) {
		if (s->sortClause == NULL)
			parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, -1,
			                "WITH TIES cannot be specified without ORDER BY clause");
		for (int i = 0; i < ast_list_length(s->lockingClause); i++)
			if (((LockingClause *)s->lockingClause->items[i])->waitPolicy == LOCKWAIT_SKIP)
				parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, -1,
				                "SKIP LOCKED and WITH TIES options cannot be used together");
	}
	if (with != NULL) {
		if (s->withClause != NULL)
			multiple_clause_error(ps, with->hdr.loc, "WITH");
		s->withClause = with;
	}
	return (ast_node *)s;
}

ast_node *
gram_select_continue(parse_state *ps, SelectStmt *first)
{
	return select_tail(ps, set_expr(ps, first, 0), NULL);
}

ast_node *
gram_select_after_with(parse_state *ps, WithClause *with)
{
	return select_tail(ps, set_expr(ps, NULL, 0), with);
}

ast_node *
gram_select(parse_state *ps)
{
	WithClause *with = NULL;
	ast_node *r;

	parse_enter(ps);
	if (is_kw(ps, KW_WITH))
		with = gram_with_clause(ps);
	r = gram_select_after_with(ps, with);
	parse_leave(ps);
	return r;
}

/* ---- INSERT / UPDATE / DELETE ------------------------------------------------------------- */

/* ColId opt_indirection, for INSERT column lists and UPDATE SET targets */
static ResTarget *
set_target(parse_state *ps)
{
	ResTarget *r = AST_NEW(ResTarget, cur_tok(ps)->loc);

	r->name = gram_colid(ps);
	r->indirection = gram_indirection(ps);
	return r;
}

static ast_list *
set_clause_list(parse_state *ps)
{
	ast_list *l = NULL;

	do {
		if (is_char(ps, '(')) {
			ast_list *targets = NULL;
			ast_node *source;

			advance(ps);
			do
				targets = ast_list_append(targets, set_target(ps));
			while (accept_char(ps, ','));
			expect_char(ps, ')');
			expect_char(ps, '=');
			source = gram_expr(ps);
			for (int i = 0; i < targets->n; i++) {
				ResTarget *r = (ResTarget *)targets->items[i];
				MultiAssignRef *m = AST_NEW(MultiAssignRef, source->loc);

				m->source = source;
				m->colno = i + 1;
				m->ncolumns = targets->n;
				r->val = (ast_node *)m;
				l = ast_list_append(l, r);
			}
		} else {
			ResTarget *r = set_target(ps);

			expect_char(ps, '=');
			r->val = gram_expr(ps);
			l = ast_list_append(l, r);
		}
	} while (accept_char(ps, ','));
	return l;
}

/* [AS] alias after the target table of UPDATE / DELETE (not SET) */
static void
dml_alias(parse_state *ps, RangeVar *r)
{
	int loc = cur_tok(ps)->loc;

	if (accept_kw(ps, KW_AS) || (tok_is_colid(cur_tok(ps)) && !is_kw(ps, KW_SET))) {
		r->alias = AST_NEW(Alias, loc);
		r->alias->aliasname = gram_colid(ps);
	}
}

static ast_node *
where_or_current_of(parse_state *ps)
{
	if (is_kw(ps, KW_WHERE) && peek_kw(ps, 1, KW_CURRENT) && peek_kw(ps, 2, KW_OF)) {
		CurrentOfExpr *c = AST_NEW(CurrentOfExpr, peek_tok(ps, 1)->loc);

		advance(ps);
		advance(ps);
		advance(ps);
		c->cursor_name = gram_colid(ps);
		return (ast_node *)c;
	}
	return gram_where(ps);
}

static InferClause *
infer_clause(parse_state *ps)
{
	InferClause *ic = AST_NEW(InferClause, cur_tok(ps)->loc);

	if (accept_kw(ps, KW_ON)) {
		expect_kw(ps, KW_CONSTRAINT);
		ic->conname = gram_colid(ps);
		return ic;
	}
	if (!is_char(ps, '('))
		return NULL;
	advance(ps);
	do {
		IndexElem *e = AST_NEW(IndexElem, cur_tok(ps)->loc);

		if (accept_char(ps, '(')) {
			e->expr = gram_expr(ps);
			expect_char(ps, ')');
		} else if (tok_is_colid(cur_tok(ps)) && !peek_char(ps, 1, '(') &&
		           !peek_char(ps, 1, '.'))
			e->name = gram_colid(ps);
		else
			e->expr = gram_expr(ps);
		if (accept_kw(ps, KW_COLLATE))
			e->collation = gram_any_name(ps);
		if (tok_is_colid(cur_tok(ps)))
			e->opclass = gram_any_name(ps);
		ic->indexElems = ast_list_append(ic->indexElems, e);
	} while (accept_char(ps, ','));
	expect_char(ps, ')');
	ic->whereClause = gram_where(ps);
	return ic;
}

static OnConflictClause *
on_conflict(parse_state *ps)
{
	OnConflictClause *oc = AST_NEW(OnConflictClause, cur_tok(ps)->loc);

	if (is_kw(ps, KW_ON) && peek_tok(ps, 1)->type == TK_IDENT &&
	    strcmp(peek_tok(ps, 1)->str, "duplicate") == 0 && peek_kw(ps, 2, KW_KEY)) {
		/* MySQL: ON DUPLICATE KEY UPDATE col = expr, ... */
		advance(ps);
		advance(ps);
		advance(ps);
		expect_kw(ps, KW_UPDATE);
		oc->action = ONCONFLICT_UPDATE;
		oc->duplicate_key = true;
		ps->in_odku = true;
		oc->targetList = set_clause_list(ps);
		ps->in_odku = false;
		return oc;
	}
	expect_kw(ps, KW_ON);
	expect_kw(ps, KW_CONFLICT);
	oc->infer = infer_clause(ps);
	expect_kw(ps, KW_DO);
	if (accept_kw(ps, KW_NOTHING)) {
		oc->action = ONCONFLICT_NOTHING;
		return oc;
	}
	expect_kw(ps, KW_UPDATE);
	expect_kw(ps, KW_SET);
	oc->action = ONCONFLICT_UPDATE;
	oc->targetList = set_clause_list(ps);
	oc->whereClause = gram_where(ps);
	return oc;
}

static ast_node *
insert_stmt(parse_state *ps, WithClause *with)
{
	InsertStmt *s = AST_NEW(InsertStmt, cur_tok(ps)->loc);

	if (accept_kw(ps, KW_REPLACE)) {
		s->is_replace = true;   /* sqlite/MySQL REPLACE INTO */
	} else {
		expect_kw(ps, KW_INSERT);
		if (is_kw(ps, KW_OR) && peek_kw(ps, 1, KW_REPLACE)) {
			advance(ps);
			advance(ps);
			s->is_replace = true;   /* sqlite INSERT OR REPLACE */
		}
	}
	s->withClause = with;
	expect_kw(ps, KW_INTO);
	s->relation = gram_qualified_name(ps);
	if (is_kw(ps, KW_AS)) {
		advance(ps);
		s->relation->alias = AST_NEW(Alias, cur_tok(ps)->loc);
		s->relation->alias->aliasname = gram_colid(ps);
	}
	if (is_char(ps, '(') && !gram_at_select_start(ps, 1) && !peek_char(ps, 1, '(')) {
		advance(ps);
		do
			s->cols = ast_list_append(s->cols, set_target(ps));
		while (accept_char(ps, ','));
		expect_char(ps, ')');
	}
	if (accept_kw(ps, KW_OVERRIDING)) {
		if (accept_kw(ps, KW_USER))
			s->override = OVERRIDING_USER_VALUE;
		else {
			expect_kw(ps, KW_SYSTEM);
			s->override = OVERRIDING_SYSTEM_VALUE;
		}
		expect_kw(ps, KW_VALUE);
	}
	if (accept_kw(ps, KW_DEFAULT))
		expect_kw(ps, KW_VALUES);
	else
		s->selectStmt = gram_select(ps);
	if (is_kw(ps, KW_ON))
		s->onConflictClause = on_conflict(ps);
	s->returningList = gram_returning(ps);
	return (ast_node *)s;
}

static ast_node *
update_stmt(parse_state *ps, WithClause *with)
{
	UpdateStmt *s = AST_NEW(UpdateStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_UPDATE);
	s->withClause = with;
	s->relation = gram_relation_expr(ps);
	dml_alias(ps, s->relation);
	expect_kw(ps, KW_SET);
	s->targetList = set_clause_list(ps);
	if (accept_kw(ps, KW_FROM))
		s->fromClause = gram_from_list(ps);
	s->whereClause = where_or_current_of(ps);
	s->returningList = gram_returning(ps);
	return (ast_node *)s;
}

static ast_node *
delete_stmt(parse_state *ps, WithClause *with)
{
	DeleteStmt *s = AST_NEW(DeleteStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_DELETE);
	expect_kw(ps, KW_FROM);
	s->withClause = with;
	s->relation = gram_relation_expr(ps);
	dml_alias(ps, s->relation);
	if (accept_kw(ps, KW_USING))
		s->usingClause = gram_from_list(ps);
	s->whereClause = where_or_current_of(ps);
	s->returningList = gram_returning(ps);
	return (ast_node *)s;
}

/* SELECT, VALUES, TABLE, INSERT, UPDATE, DELETE, each optionally after WITH. */
ast_node *
gram_preparable_stmt(parse_state *ps)
{
	WithClause *with = NULL;
	ast_node *r;

	parse_enter(ps);
	if (is_kw(ps, KW_WITH))
		with = gram_with_clause(ps);
	if (is_kw(ps, KW_INSERT) || (with == NULL && is_kw(ps, KW_REPLACE)))
		r = insert_stmt(ps, with);
	else if (is_kw(ps, KW_UPDATE))
		r = update_stmt(ps, with);
	else if (is_kw(ps, KW_DELETE))
		r = delete_stmt(ps, with);
	else
		r = gram_select_after_with(ps, with);
	parse_leave(ps);
	return r;
}

/* ---- statements --------------------------------------------------------------------------- */

/* SELECT ... INTO at the top level is CREATE TABLE AS. */
static ast_node *
select_into_to_ctas(ast_node *n)
{
	SelectStmt *s = (SelectStmt *)n;
	CreateTableAsStmt *c;

	if (!AST_IS(n, SelectStmt) || s->intoClause == NULL)
		return n;
	c = AST_NEW(CreateTableAsStmt, n->loc);
	c->into = s->intoClause;
	c->objtype = OBJECT_TABLE;
	c->is_select_into = true;
	s->intoClause = NULL;
	c->query = n;
	return (ast_node *)c;
}

ast_node *
gram_stmt(parse_state *ps)
{
	const token *t = cur_tok(ps);

	if (t->type == '(')
		return select_into_to_ctas(gram_select(ps));
	if (t->type != TK_KEYWORD)
		parse_syntax_error(ps);
	switch (t->kw) {
	case KW_SELECT: case KW_VALUES: case KW_TABLE: case KW_WITH: case KW_INSERT:
	case KW_UPDATE: case KW_DELETE:
		return select_into_to_ctas(gram_preparable_stmt(ps));
	case KW_REPLACE:
		return insert_stmt(ps, NULL);
	case KW_CREATE:
		return gram_create(ps);
	case KW_ALTER:
		return gram_alter(ps);
	case KW_DROP:
		return gram_drop(ps);
	case KW_TRUNCATE:
		return gram_truncate(ps);
	case KW_REINDEX:
		return gram_reindex(ps);
	case KW_COMMENT:
		return gram_comment(ps);
	case KW_GRANT:
		return gram_grant(ps, true);
	case KW_REVOKE:
		return gram_grant(ps, false);
	case KW_REFRESH:
		return gram_refresh(ps);
	case KW_BEGIN: case KW_START: case KW_COMMIT: case KW_END: case KW_ROLLBACK:
	case KW_ABORT: case KW_SAVEPOINT: case KW_RELEASE:
		return gram_transaction(ps);
	case KW_PREPARE:
		if (peek_kw(ps, 1, KW_TRANSACTION))
			return gram_transaction(ps);
		return gram_prepare(ps);
	case KW_SET:
		return gram_set(ps);
	case KW_SHOW:
		return gram_show(ps);
	case KW_RESET:
		return gram_reset(ps);
	case KW_EXECUTE:
		return gram_execute(ps);
	case KW_DEALLOCATE:
		return gram_deallocate(ps);
	case KW_LOCK:
		return gram_lock(ps);
	case KW_COPY:
		return gram_copy(ps);
	case KW_EXPLAIN:
		return gram_explain(ps);
	case KW_VACUUM:
		return gram_vacuum(ps, true);
	case KW_ANALYZE: case KW_ANALYSE:
		return gram_vacuum(ps, false);
	default:
		return gram_misc(ps);
	}
}

/* ---- entry points ------------------------------------------------------------------------- */

static void
init_state(parse_state *ps, const char *query)
{
	memset(ps, 0, sizeof(*ps));
	ps->target_start = -1;
	ps->src = query;
	ps->srclen = (int)strlen(query);
	scan_tokens(ps);
}

ast_list *
parse_sql(const char *query, ast_list **notices)
{
	parse_state ps;
	ast_list *stmts = NULL;

	init_state(&ps, query);
	for (;;) {
		while (accept_char(&ps, ';'))
			;
		if (is_char(&ps, TK_EOF))
			break;

		int start = cur_tok(&ps)->loc;
		ast_node *stmt = gram_stmt(&ps);
		RawStmt *raw = AST_NEW(RawStmt, start);

		if (!is_char(&ps, ';') && !is_char(&ps, TK_EOF))
			parse_syntax_error(&ps);
		raw->stmt = stmt;
		raw->stmt_location = start;
		raw->stmt_len = ps.toks[ps.pos - 1].end - start;
		stmts = ast_list_append(stmts, raw);
	}
	if (notices != NULL)
		*notices = ps.notices;
	return stmts;
}

ast_node *
parse_expr(const char *text)
{
	parse_state ps;
	ast_node *e;

	init_state(&ps, text);
	e = gram_expr(&ps);
	if (!is_char(&ps, TK_EOF))
		parse_syntax_error(&ps);
	return e;
}

TypeName *
parse_type_name(const char *text)
{
	parse_state ps;
	TypeName *t;

	init_state(&ps, text);
	t = gram_typename(&ps);
	if (!is_char(&ps, TK_EOF))
		parse_syntax_error(&ps);
	return t;
}

int
parse_errposition(const char *query, int loc)
{
	if (loc < 0)
		return 0;
	return scan_char_position(query, loc);
}
