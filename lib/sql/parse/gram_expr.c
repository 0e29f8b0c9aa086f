/*
 * gram_expr.c — expressions (precedence climbing over PostgreSQL 15's operator table), type
 * names, function calls, names and constants.
 *
 * Precedence, lowest first (gram.y's %left/%right/%nonassoc lines):
 *   OR  <  AND  <  NOT (prefix)  <  IS ISNULL NOTNULL (nonassoc)  <  < > = <= >= <>
 *   (nonassoc)  <  BETWEEN IN LIKE ILIKE SIMILAR (nonassoc)  <  ESCAPE  <  other operators
 *   and OPERATOR()  <  + -  <  * / %  <  ^  <  AT TIME ZONE  <  COLLATE  <  unary minus
 *   <  [ ] subscripts  <  ::  <  .
 * "Nonassoc" means that a = b = c is a syntax error, as in PostgreSQL.  b_expr (the lower
 * bound of BETWEEN, column DEFAULT values) is the same without AND, OR, NOT, IS [NOT] NULL,
 * IS TRUE..., LIKE, IN, BETWEEN, COLLATE and AT TIME ZONE.
 */
#include <limits.h>
#include <string.h>

#include "sql/parse/parse_int.h"
#include "util/err.h"
#include "util/mem.h"

enum {
	P_NONE = 0, P_OR, P_AND, P_NOT, P_IS, P_CMP, P_LIKE, P_ESCAPE, P_OP, P_ADD, P_MUL, P_EXP,
	P_AT, P_COLLATE, P_UMINUS, P_TYPECAST
};

static ast_node *expr_prec(parse_state *ps, int min_prec, bool b_expr);
static ast_node *primary(parse_state *ps);
static ast_node *postfix(parse_state *ps, ast_node *n, bool allow_indirection);
static TypeName *simple_typename(parse_state *ps, bool const_ctx);
static ast_list *opt_interval(parse_state *ps);

/* ---- constructors ------------------------------------------------------------------------- */

ast_node *
gram_a_const(parse_state *ps, int loc, const_kind k, int ival, const char *s)
{
	A_Const *c = AST_NEW(A_Const, loc);

	(void)ps;
	c->ckind = k;
	c->ival = ival;
	c->sval = s ? pstrdup(s) : NULL;
	return (ast_node *)c;
}

static ast_list *
name1(const char *s, int loc)
{
	return ast_list_make1((ast_node *)ast_string(s, loc));
}

static ast_list *
system_name(const char *s, int loc)
{
	return ast_list_make2((ast_node *)ast_string("pg_catalog", loc), (ast_node *)ast_string(s, loc));
}

static ast_node *
make_op(ast_list *name, ast_node *l, ast_node *r, int loc)
{
	A_Expr *e = AST_NEW(A_Expr, loc);

	e->kind = AEXPR_OP;
	e->name = name;
	e->lexpr = l;
	e->rexpr = r;
	return (ast_node *)e;
}

static ast_node *
make_aexpr(aexpr_kind k, const char *name, ast_node *l, ast_node *r, int loc)
{
	A_Expr *e = (A_Expr *)make_op(name1(name, loc), l, r, loc);

	e->kind = k;
	return (ast_node *)e;
}

/* AND/OR, flattening a left operand of the same kind (as PostgreSQL's makeAndExpr). */
static ast_node *
make_bool(boolexpr_kind k, ast_node *l, ast_node *r, int loc)
{
	if (k != NOT_EXPR && AST_IS(l, BoolExpr) && ((BoolExpr *)l)->boolop == k) {
		((BoolExpr *)l)->args = ast_list_append(((BoolExpr *)l)->args, r);
		return l;
	}
	BoolExpr *b = AST_NEW(BoolExpr, loc);

	b->boolop = k;
	b->args = r ? ast_list_make2(l, r) : ast_list_make1(l);
	return (ast_node *)b;
}

static FuncCall *
make_func(ast_list *name, ast_list *args, coercion_form fmt, int loc)
{
	FuncCall *f = AST_NEW(FuncCall, loc);

	f->funcname = name;
	f->args = args;
	f->funcformat = fmt;
	return f;
}

static ast_node *
make_typecast(ast_node *arg, TypeName *t, int loc)
{
	TypeCast *c = AST_NEW(TypeCast, loc);

	c->arg = arg;
	c->typeName = t;
	return (ast_node *)c;
}

/* Unary minus of a numeric literal is folded into it (PostgreSQL's doNegate). */
static ast_node *
negate(ast_node *n, int loc)
{
	if (AST_IS(n, A_Const)) {
		A_Const *c = (A_Const *)n;

		if (c->ckind == CONST_INT) {
			c->ival = -c->ival;
			c->hdr.loc = loc;
			return n;
		}
		if (c->ckind == CONST_FLOAT) {
			c->sval = c->sval[0] == '-' ? pstrdup(c->sval + 1) : psprintf("-%s", c->sval);
			c->hdr.loc = loc;
			return n;
		}
	}
	return make_op(name1("-", loc), NULL, n, loc);
}

/* ---- names and constants ----------------------------------------------------------------- */

/* The current token as a name of the class ok() accepts. */
static char *
take_name(parse_state *ps, bool (*ok)(const token *))
{
	const token *t = cur_tok(ps);

	if (!ok(t))
		parse_syntax_error(ps);
	advance(ps);
	return t->str;
}

char *
gram_colid(parse_state *ps)
{
	return take_name(ps, tok_is_colid);
}

char *
gram_col_label(parse_state *ps)
{
	return take_name(ps, tok_is_col_label);
}

static char *
type_func_name(parse_state *ps)
{
	return take_name(ps, tok_is_type_func_name);
}

char *
gram_sconst(parse_state *ps)
{
	const token *t = cur_tok(ps);

	if (t->type != TK_SCONST)
		parse_syntax_error(ps);
	advance(ps);
	return t->str;
}

char *
gram_name_or_string(parse_state *ps)
{
	const token *t = cur_tok(ps);

	if (t->type == TK_SCONST || tok_is_nonreserved(t)) {
		advance(ps);
		return t->str;
	}
	parse_syntax_error(ps);
}

int
gram_iconst(parse_state *ps)
{
	const token *t = cur_tok(ps);

	if (t->type != TK_ICONST)
		parse_syntax_error(ps);
	advance(ps);
	return t->ival;
}

/* ColId { . ColLabel } */
ast_list *
gram_any_name(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	ast_list *l = name1(gram_colid(ps), loc);

	while (is_char(ps, '.') && tok_is_col_label(peek_tok(ps, 1))) {
		advance(ps);
		loc = cur_tok(ps)->loc;
		l = ast_list_append(l, ast_string(gram_col_label(ps), loc));
	}
	return l;
}

static ast_node *
any_name_item(parse_state *ps)
{
	return (ast_node *)gram_any_name(ps);
}

ast_list *
gram_qualified_name_list(parse_state *ps)
{
	return gram_comma_list(ps, any_name_item);
}

RangeVar *
gram_rangevar_from_names(parse_state *ps, ast_list *names, int loc)
{
	RangeVar *r = AST_NEW(RangeVar, loc);

	r->inh = true;
	r->relpersistence = RELPERSISTENCE_PERMANENT;
	switch (names->n) {
	case 1:
		r->relname = (char *)ast_strval(names->items[0]);
		break;
	case 2:
		r->schemaname = (char *)ast_strval(names->items[0]);
		r->relname = (char *)ast_strval(names->items[1]);
		break;
	case 3:
		r->catalogname = (char *)ast_strval(names->items[0]);
		r->schemaname = (char *)ast_strval(names->items[1]);
		r->relname = (char *)ast_strval(names->items[2]);
		break;
	default: {
		strbuf b;

		sb_init(&b, 64);
		for (int i = 0; i < names->n; i++) {
			if (i > 0)
				sb_putc(&b, '.');
			sb_puts(&b, ast_strval(names->items[i]));
		}
		parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, loc,
		                "improper qualified name (too many dotted names): %s", b.s);
	}
	}
	return r;
}

RangeVar *
gram_qualified_name(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;

	return gram_rangevar_from_names(ps, gram_any_name(ps), loc);
}

ast_node *
gram_qualified_name_item(parse_state *ps)
{
	return (ast_node *)gram_qualified_name(ps);
}

static ast_node *
colid_item(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;

	return (ast_node *)ast_string(gram_colid(ps), loc);
}

ast_list *
gram_name_list(parse_state *ps)
{
	return gram_comma_list(ps, colid_item);
}

/* ( name, ... ) */
ast_list *
gram_opt_name_list(parse_state *ps)
{
	ast_list *l;

	expect_char(ps, '(');
	l = gram_name_list(ps);
	expect_char(ps, ')');
	return l;
}

/* [+|-] number as a value node (Integer or Float) */
ast_node *
gram_numeric_only(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	bool neg = false;
	const token *t;

	if (accept_char(ps, '-'))
		neg = true;
	else
		accept_char(ps, '+');
	t = cur_tok(ps);
	if (t->type == TK_ICONST) {
		advance(ps);
		return (ast_node *)ast_integer(neg ? -t->ival : t->ival, loc);
	}
	if (t->type == TK_FCONST) {
		Float *f = AST_NEW(Float, loc);

		advance(ps);
		f->fval = neg ? psprintf("-%s", t->str) : pstrdup(t->str);
		return (ast_node *)f;
	}
	parse_syntax_error(ps);
}

RoleSpec *
gram_rolespec(parse_state *ps)
{
	const token *t = cur_tok(ps);
	RoleSpec *r = AST_NEW(RoleSpec, t->loc);

	if (accept_kw(ps, KW_CURRENT_ROLE))
		r->roletype = ROLESPEC_CURRENT_ROLE;
	else if (accept_kw(ps, KW_CURRENT_USER))
		r->roletype = ROLESPEC_CURRENT_USER;
	else if (accept_kw(ps, KW_SESSION_USER))
		r->roletype = ROLESPEC_SESSION_USER;
	else {
		if (!tok_is_nonreserved(t))
			parse_syntax_error(ps);
		advance(ps);
		if (t->type == TK_IDENT && strcmp(t->str, "public") == 0 && ps->src[t->loc] != '"')
			r->roletype = ROLESPEC_PUBLIC;
		else if (strcmp(t->str, "none") == 0 && t->type == TK_KEYWORD)
			parse_error_loc(ps, ERRCODE_RESERVED_NAME, t->loc, "role name \"%s\" is reserved",
			                "none");
		else {
			r->roletype = ROLESPEC_CSTRING;
			r->rolename = t->str;
		}
	}
	return r;
}

/* An option's argument: a word, string or number (String / Integer / Float). */
ast_node *
gram_def_arg(parse_state *ps)
{
	const token *t = cur_tok(ps);

	if (t->type == TK_ICONST || t->type == TK_FCONST || t->type == '+' || t->type == '-')
		return gram_numeric_only(ps);
	if (t->type == TK_SCONST || t->type == TK_IDENT || t->type == TK_KEYWORD) {
		advance(ps);
		return (ast_node *)ast_string(t->str, t->loc);
	}
	parse_syntax_error(ps);
}

/* ---- operators ------------------------------------------------------------------------------ */

/* OPERATOR ( [schema .] op ) after the OPERATOR keyword has been seen. */
static ast_list *
operator_name(parse_state *ps)
{
	ast_list *l = NULL;

	expect_kw(ps, KW_OPERATOR);
	expect_char(ps, '(');
	while (tok_is_colid(cur_tok(ps)) && peek_char(ps, 1, '.')) {
		int loc = cur_tok(ps)->loc;

		l = ast_list_append(l, ast_string(gram_colid(ps), loc));
		advance(ps);
	}
	const token *t = cur_tok(ps);

	if (t->type == TK_OP || t->type == TK_LESS_EQUALS || t->type == TK_GREATER_EQUALS ||
	    t->type == TK_NOT_EQUALS)
		l = ast_list_append(l, ast_string(t->str, t->loc));
	else if (t->type < 256 && t->type != 0 && strchr("+-*/%^<>=", t->type) != NULL) {
		char op[2] = {(char)t->type, '\0'};

		l = ast_list_append(l, ast_string(op, t->loc));
	} else
		parse_syntax_error(ps);
	advance(ps);
	expect_char(ps, ')');
	return l;
}

/* Operator name at the current token (all_Op or OPERATOR(...)), consuming it; NULL if none. */
static ast_list *
math_or_op(parse_state *ps)
{
	const token *t = cur_tok(ps);

	switch (t->type) {
	case '+': case '-': case '*': case '/': case '%': case '^': case '<': case '>': case '=': {
		char op[2] = {(char)t->type, '\0'};

		advance(ps);
		return name1(op, t->loc);
	}
	case TK_OP: case TK_LESS_EQUALS: case TK_GREATER_EQUALS: case TK_NOT_EQUALS:
		advance(ps);
		return name1(t->str, t->loc);
	case TK_KEYWORD:
		if (t->kw == KW_OPERATOR && peek_char(ps, 1, '('))
			return operator_name(ps);
		return NULL;
	default:
		return NULL;
	}
}

ast_list *
gram_qual_op(parse_state *ps, bool *ok)
{
	ast_list *l = math_or_op(ps);

	*ok = l != NULL;
	return l;
}

/* ---- parenthesised content: a subquery, an expression, or a list ------------------------- */

static bool
at_select_continuation(parse_state *ps)
{
	return is_char(ps, ')') || is_kw(ps, KW_UNION) || is_kw(ps, KW_INTERSECT) ||
	       is_kw(ps, KW_EXCEPT) || is_kw(ps, KW_ORDER) || is_kw(ps, KW_LIMIT) ||
	       is_kw(ps, KW_OFFSET) || is_kw(ps, KW_FETCH) || is_kw(ps, KW_FOR);
}

static ast_node *
make_sublink(sublink_type k, ast_node *test, ast_list *op, ast_node *sel, int loc)
{
	SubLink *s = AST_NEW(SubLink, loc);

	s->subLinkType = k;
	s->testexpr = test;
	s->operName = op;
	s->subselect = sel;
	return (ast_node *)s;
}

/*
 * '(' ... ')': returns a SelectStmt (*is_select) when the parentheses hold a query — also
 * ((SELECT 1) UNION SELECT 2) — or else the List of the comma-separated expressions.
 */
ast_node *
gram_paren_select_or_expr(parse_state *ps, bool *is_select)
{
	ast_node *first;
	ast_list *l;
	int loc = cur_tok(ps)->loc;

	parse_enter(ps);
	expect_char(ps, '(');
	if (gram_at_select_start(ps, 0)) {
		ast_node *s = gram_select(ps);

		expect_char(ps, ')');
		*is_select = true;
		parse_leave(ps);
		return s;
	}
	if (is_char(ps, '(')) {
		bool inner_select;
		int inner_loc = cur_tok(ps)->loc;
		ast_node *inner = gram_paren_select_or_expr(ps, &inner_select);

		if (inner_select) {
			if (at_select_continuation(ps)) {
				ast_node *s = gram_select_continue(ps, (SelectStmt *)inner);

				expect_char(ps, ')');
				*is_select = true;
				parse_leave(ps);
				return s;
			}
			first = make_sublink(EXPR_SUBLINK, NULL, NULL, inner, inner_loc);
			first = gram_expr_from_primary(ps, first);
		} else {
			ast_list *il = (ast_list *)inner;

			if (il->n == 1)
				first = gram_expr_from_primary(ps, il->items[0]);
			else {
				RowExpr *r = AST_NEW(RowExpr, inner_loc);

				r->args = il;
				r->row_format = ROW_IMPLICIT;
				first = gram_expr_from_primary(ps, (ast_node *)r);
			}
		}
	} else
		first = gram_expr(ps);
	l = ast_list_make1(first);
	while (accept_char(ps, ','))
		l = ast_list_append(l, gram_expr(ps));
	expect_char(ps, ')');
	l->hdr.loc = loc;
	*is_select = false;
	parse_leave(ps);
	return (ast_node *)l;
}

/* ( select ) required: EXISTS, ARRAY( ), ANY/ALL */
static ast_node *
select_with_parens(parse_state *ps)
{
	bool is_select;
	const token *t = cur_tok(ps);
	ast_node *n = gram_paren_select_or_expr(ps, &is_select);

	if (!is_select)
		parse_syntax_error_at(ps, t + 1);
	return n;
}

/* ---- the expression loop ------------------------------------------------------------------ */

/* Is t outside any parentheses or brackets opened since the target entry began? */
static bool
at_target_top(parse_state *ps, const token *t)
{
	int depth = 0;

	if (ps->target_start < 0)
		return false;
	for (const token *k = &ps->toks[ps->target_start]; k < t; k++) {
		if (k->type == '(' || k->type == '[')
			depth++;
		else if (k->type == ')' || k->type == ']')
			depth--;
	}
	return depth == 0;
}

/* Tokens that end a target list entry (or cannot start an operand). */
static bool
ends_target(const token *t)
{
	switch (t->type) {
	case TK_EOF: case ',': case ')': case ';':
		return true;
	case TK_KEYWORD:
		switch (t->kw) {
		case KW_FROM: case KW_INTO: case KW_WHERE: case KW_GROUP: case KW_HAVING:
		case KW_WINDOW: case KW_ORDER: case KW_LIMIT: case KW_OFFSET: case KW_FETCH:
		case KW_FOR: case KW_UNION: case KW_INTERSECT: case KW_EXCEPT: case KW_RETURNING:
			return true;
		default:
			return false;
		}
	default:
		return false;
	}
}

static int
infix_prec(parse_state *ps, const token *t, bool b_expr, int min_prec)
{
	switch (t->type) {
	case TK_TYPECAST:
		return P_TYPECAST;
	case '<': case '>': case '=': case TK_LESS_EQUALS: case TK_GREATER_EQUALS: case TK_NOT_EQUALS:
		return P_CMP;
	case TK_OP:
		return P_OP;
	case '+': case '-':
		return P_ADD;
	case '*': case '/': case '%':
		return P_MUL;
	case '^':
		return P_EXP;
	case TK_KEYWORD:
		break;
	default:
		return P_NONE;
	}
	/*
	 * A keyword operator that is also a bare column label, followed by what ends a target
	 * list entry, is the entry's label (SELECT 1 is, 'a' collate FROM t), as in PostgreSQL
	 * — but only where PostgreSQL could end the entry: at its outermost operator level.
	 */
	if (min_prec == P_NONE && kw_table[t->kw].bare && ends_target(t + 1) && at_target_top(ps, t))
		return P_NONE;
	switch (t->kw) {
	case KW_OPERATOR:
		return peek_char(ps, 1, '(') ? P_OP : P_NONE;
	case KW_IS:
		/* in a b_expr only IS [NOT] DISTINCT FROM is allowed; is_tail says so */
		return P_IS;
	case KW_OR:
		return b_expr ? P_NONE : P_OR;
	case KW_AND:
		return b_expr ? P_NONE : P_AND;
	case KW_ISNULL: case KW_NOTNULL:
		return b_expr ? P_NONE : P_IS;
	case KW_SIMILAR:
		/* SIMILAR without TO belongs to SUBSTRING(x SIMILAR p ESCAPE e) */
		return b_expr || (ps->in_substring && !tok_is_kw(t + 1, KW_TO)) ? P_NONE : P_LIKE;
	case KW_BETWEEN: case KW_IN: case KW_LIKE: case KW_ILIKE: case KW_NOT_LA:
		return b_expr ? P_NONE : P_LIKE;
	case KW_AT:
		return b_expr ? P_NONE : P_AT;
	case KW_COLLATE:
		return b_expr ? P_NONE : P_COLLATE;
	default:
		return P_NONE;
	}
}

/* After an operator: ANY/SOME/ALL (subquery or array)?  Returns the node or NULL. */
static ast_node *
sub_type_operand(parse_state *ps, ast_list *opname, ast_node *left, int loc)
{
	bool all;

	/* ANY, SOME and ALL are reserved: after an operator they must start (...) */
	if (is_kw(ps, KW_ANY) || is_kw(ps, KW_SOME))
		all = false;
	else if (is_kw(ps, KW_ALL))
		all = true;
	else
		return NULL;
	advance(ps);
	if (!is_char(ps, '('))
		parse_syntax_error(ps);

	bool is_select = false;
	ast_node *n;

	if (gram_at_select_start(ps, 1) || peek_char(ps, 1, '(')) {
		n = gram_paren_select_or_expr(ps, &is_select);
		if (is_select)
			return make_sublink(all ? ALL_SUBLINK : ANY_SUBLINK, left, opname, n, loc);
		if (((ast_list *)n)->n != 1)
			parse_syntax_error(ps);
		n = ((ast_list *)n)->items[0];
	} else {
		/* ( a_expr ): an array */
		expect_char(ps, '(');
		n = gram_expr(ps);
		expect_char(ps, ')');
	}

	A_Expr *e = (A_Expr *)make_op(opname, left, n, loc);

	e->kind = all ? AEXPR_OP_ALL : AEXPR_OP_ANY;
	return (ast_node *)e;
}

/* [NOT] BETWEEN / IN / LIKE / ILIKE / SIMILAR TO, after `left` (current token: the keyword
 * or NOT_LA). */
static ast_node *
like_family(parse_state *ps, ast_node *left)
{
	bool not = accept_kw(ps, KW_NOT_LA);
	const token *t = cur_tok(ps);
	int loc = t->loc;

	advance(ps);
	switch (t->kw) {
	case KW_BETWEEN: {
		bool sym = false;
		aexpr_kind k;
		ast_node *lo, *hi;

		if (accept_kw(ps, KW_SYMMETRIC))
			sym = true;
		else
			accept_kw(ps, KW_ASYMMETRIC);
		lo = expr_prec(ps, P_NONE, true);
		expect_kw(ps, KW_AND);
		hi = expr_prec(ps, P_LIKE + 1, false);
		k = sym ? (not ? AEXPR_NOT_BETWEEN_SYM : AEXPR_BETWEEN_SYM)
		        : (not ? AEXPR_NOT_BETWEEN : AEXPR_BETWEEN);
		return make_aexpr(k, sym ? (not ? "NOT BETWEEN SYMMETRIC" : "BETWEEN SYMMETRIC")
		                         : (not ? "NOT BETWEEN" : "BETWEEN"),
		                  left, (ast_node *)ast_list_make2(lo, hi), loc);
	}
	case KW_IN: {
		bool is_select;
		ast_node *n;

		if (!is_char(ps, '('))
			parse_syntax_error(ps);
		if (peek_char(ps, 1, ')')) {
			/* sqlite's empty list: x IN () is false, x NOT IN () true */
			advance(ps);
			advance(ps);
			return make_aexpr(AEXPR_IN, not ? "<>" : "=", left, (ast_node *)ast_list_new(), loc);
		}
		n = gram_paren_select_or_expr(ps, &is_select);
		if (is_select) {
			ast_node *s = make_sublink(ANY_SUBLINK, left, name1("=", loc), n, loc);

			return not ? make_bool(NOT_EXPR, s, NULL, loc) : s;
		}
		return make_aexpr(AEXPR_IN, not ? "<>" : "=", left, n, loc);
	}
	case KW_LIKE:
	case KW_ILIKE: {
		bool ilike = t->kw == KW_ILIKE;
		const char *op = ilike ? (not ? "!~~*" : "~~*") : (not ? "!~~" : "~~");
		ast_node *r = sub_type_operand(ps, name1(op, loc), left, loc);

		if (r != NULL)
			return r;
		r = expr_prec(ps, P_LIKE + 1, false);
		if (is_kw(ps, KW_ESCAPE)) {
			int eloc = cur_tok(ps)->loc;

			advance(ps);
			ast_node *esc = expr_prec(ps, P_LIKE + 1, false);

			r = (ast_node *)make_func(system_name("like_escape", eloc), ast_list_make2(r, esc),
			                          COERCE_SQL_SYNTAX, eloc);
		}
		return make_aexpr(ilike ? AEXPR_ILIKE : AEXPR_LIKE, op, left, r, loc);
	}
	case KW_SIMILAR: {
		ast_node *pat;
		ast_list *args;

		expect_kw(ps, KW_TO);
		pat = expr_prec(ps, P_LIKE + 1, false);
		args = ast_list_make1(pat);
		if (accept_kw(ps, KW_ESCAPE))
			args = ast_list_append(args, expr_prec(ps, P_LIKE + 1, false));
		return make_aexpr(AEXPR_SIMILAR, not ? "!~" : "~", left,
		                  (ast_node *)make_func(system_name("similar_to_escape", loc), args,
		                                        COERCE_SQL_SYNTAX, loc),
		                  loc);
	}
	default:
		parse_syntax_error_at(ps, t);
	}
}

static ast_node *
is_tail(parse_state *ps, ast_node *left, bool b_expr, bool *binary)
{
	int loc = cur_tok(ps)->loc;
	bool not;

	expect_kw(ps, KW_IS);
	not = accept_kw(ps, KW_NOT);
	*binary = false;
	if (!b_expr) {
		booltest_kind bt;

		if (accept_kw(ps, KW_NULL)) {
			NullTest *n = AST_NEW(NullTest, loc);

			n->arg = left;
			n->nulltesttype = not ? IS_NOT_NULL : IS_NULL;
			return (ast_node *)n;
		}
		if (accept_kw(ps, KW_TRUE))
			bt = not ? IS_NOT_TRUE : IS_TRUE;
		else if (accept_kw(ps, KW_FALSE))
			bt = not ? IS_NOT_FALSE : IS_FALSE;
		else if (accept_kw(ps, KW_UNKNOWN))
			bt = not ? IS_NOT_UNKNOWN : IS_UNKNOWN;
		else
			goto distinct;

		BooleanTest *b = AST_NEW(BooleanTest, loc);

		b->arg = left;
		b->booltesttype = bt;
		return (ast_node *)b;
	}
distinct:
	expect_kw(ps, KW_DISTINCT);
	expect_kw(ps, KW_FROM);
	*binary = true;
	return make_aexpr(not ? AEXPR_NOT_DISTINCT : AEXPR_DISTINCT, "=", left,
	                  expr_prec(ps, P_IS + 1, b_expr), loc);
}

static ast_node *
expr_loop(parse_state *ps, ast_node *left, int min_prec, bool b_expr)
{
	int last_nonassoc = -1, turns = 0;

	for (;;) {
		const token *t = cur_tok(ps);
		int loc = t->loc;
		int prec = infix_prec(ps, t, b_expr, min_prec);
		bool binary = true;

		if (prec == P_NONE || prec < min_prec)
			break;
		if (prec == last_nonassoc)
			parse_syntax_error(ps);
		parse_enter(ps);
		turns++;
		if (t->type == TK_TYPECAST) {
			/* x::type binds tightest, and applies to whatever precedes it, even
			 * x IS NULL::text */
			advance(ps);
			left = make_typecast(left, gram_typename(ps), loc);
			binary = false;
		} else if (t->type == TK_KEYWORD && t->kw != KW_OPERATOR) {
			switch (t->kw) {
			case KW_OR:
			case KW_AND:
				advance(ps);
				left = make_bool(t->kw == KW_OR ? OR_EXPR : AND_EXPR, left,
				                 expr_prec(ps, prec + 1, b_expr), loc);
				break;
			case KW_IS:
				left = is_tail(ps, left, b_expr, &binary);
				break;
			case KW_ISNULL:
			case KW_NOTNULL: {
				NullTest *n = AST_NEW(NullTest, loc);

				advance(ps);
				n->arg = left;
				n->nulltesttype = t->kw == KW_ISNULL ? IS_NULL : IS_NOT_NULL;
				left = (ast_node *)n;
				binary = false;
				break;
			}
			case KW_AT:
				advance(ps);
				expect_kw(ps, KW_TIME);
				expect_kw(ps, KW_ZONE);
				left = (ast_node *)make_func(system_name("timezone", loc),
				                             ast_list_make2(expr_prec(ps, P_AT + 1, false), left),
				                             COERCE_SQL_SYNTAX, loc);
				break;
			case KW_COLLATE: {
				CollateClause *c = AST_NEW(CollateClause, loc);

				advance(ps);
				c->arg = left;
				c->collname = gram_any_name(ps);
				left = (ast_node *)c;
				binary = false;
				break;
			}
			default:
				/* x [NOT] IN (...) and x LIKE ANY (...) end with a parenthesis, so they
				 * do not make the next operator of their level an error */
				left = like_family(ps, left);
				binary = !(AST_IS(left, SubLink) ||
				           (AST_IS(left, BoolExpr) && ((BoolExpr *)left)->boolop == NOT_EXPR) ||
				           (AST_IS(left, A_Expr) && (((A_Expr *)left)->kind == AEXPR_IN ||
				                                     ((A_Expr *)left)->kind == AEXPR_OP_ANY ||
				                                     ((A_Expr *)left)->kind == AEXPR_OP_ALL)));
				break;
			}
		} else {
			ast_list *op = math_or_op(ps);
			ast_node *sub = b_expr ? NULL : sub_type_operand(ps, op, left, loc);

			if (sub != NULL) {
				left = sub;
				binary = false;
			} else
				left = make_op(op, left, expr_prec(ps, prec + 1, b_expr), loc);
		}
		last_nonassoc = (binary && (prec == P_IS || prec == P_CMP || prec == P_LIKE)) ? prec : -1;
	}
	parse_leave_n(ps, turns);
	return left;
}

static ast_node *
unary(parse_state *ps, bool b_expr)
{
	const token *t = cur_tok(ps);
	int loc = t->loc;

	switch (t->type) {
	case '-':
		advance(ps);
		return negate(expr_prec(ps, P_UMINUS, b_expr), loc);
	case '+':
		advance(ps);
		return make_op(name1("+", loc), NULL, expr_prec(ps, P_UMINUS, b_expr), loc);
	case TK_OP: {
		ast_list *op = math_or_op(ps);

		return make_op(op, NULL, expr_prec(ps, P_OP + 1, b_expr), loc);
	}
	case TK_KEYWORD:
		if ((t->kw == KW_NOT || t->kw == KW_NOT_LA) && !b_expr) {
			advance(ps);
			return make_bool(NOT_EXPR, expr_prec(ps, P_NOT, false), NULL, loc);
		}
		if (t->kw == KW_OPERATOR && peek_char(ps, 1, '(')) {
			ast_list *op = operator_name(ps);

			return make_op(op, NULL, expr_prec(ps, P_OP + 1, b_expr), loc);
		}
		break;
	default:
		break;
	}
	return primary(ps);
}

static ast_node *
expr_prec(parse_state *ps, int min_prec, bool b_expr)
{
	ast_node *n;

	parse_enter(ps);
	n = expr_loop(ps, unary(ps, b_expr), min_prec, b_expr);
	parse_leave(ps);
	return n;
}

ast_node *
gram_expr(parse_state *ps)
{
	return expr_prec(ps, P_NONE, false);
}

ast_node *
gram_b_expr(parse_state *ps)
{
	return expr_prec(ps, P_NONE, true);
}

ast_node *
gram_expr_from_primary(parse_state *ps, ast_node *n)
{
	return expr_loop(ps, postfix(ps, n, !AST_IS(n, RowExpr)), P_NONE, false);
}

ast_list *
gram_expr_list(parse_state *ps)
{
	return gram_comma_list(ps, gram_expr);
}

/* ---- primaries ---------------------------------------------------------------------------- */

/* . name | . * | [ subscript ] | [ lo : hi ], repeated; NULL if none */
ast_list *
gram_indirection(parse_state *ps)
{
	ast_list *l = NULL;

	for (;;) {
		const token *t = cur_tok(ps);

		if (t->type == '.') {
			advance(ps);
			if (is_char(ps, '*')) {
				l = ast_list_append(l, AST_NEW(A_Star, cur_tok(ps)->loc));
				advance(ps);
			} else {
				int loc = cur_tok(ps)->loc;

				l = ast_list_append(l, ast_string(gram_col_label(ps), loc));
			}
		} else if (t->type == '[') {
			A_Indices *ai = AST_NEW(A_Indices, t->loc);

			advance(ps);
			if (!is_char(ps, ':'))
				ai->uidx = gram_expr(ps);
			if (accept_char(ps, ':')) {
				ai->is_slice = true;
				ai->lidx = ai->uidx;
				ai->uidx = is_char(ps, ']') ? NULL : gram_expr(ps);
			}
			expect_char(ps, ']');
			l = ast_list_append(l, ai);
		} else
			return l;
	}
}

/* Indirection (when allowed) and :: casts after a primary. */
static ast_node *
postfix(parse_state *ps, ast_node *n, bool allow_indirection)
{
	if (allow_indirection && (is_char(ps, '[') || is_char(ps, '.'))) {
		A_Indirection *ind = AST_NEW(A_Indirection, n->loc);

		ind->arg = n;
		ind->indirection = gram_indirection(ps);
		n = (ast_node *)ind;
	}
	int turns = 0;

	while (is_char(ps, TK_TYPECAST)) {
		int loc = cur_tok(ps)->loc;

		parse_enter(ps);
		turns++;
		advance(ps);
		n = make_typecast(n, gram_typename(ps), loc);
	}
	parse_leave_n(ps, turns);
	return n;
}

static WindowDef *
over_clause(parse_state *ps)
{
	if (!accept_kw(ps, KW_OVER))
		return NULL;
	if (is_char(ps, '('))
		return gram_window_spec(ps);

	WindowDef *w = AST_NEW(WindowDef, cur_tok(ps)->loc);

	w->name = gram_colid(ps);
	w->frameOptions = FRAMEOPTION_DEFAULTS;
	return w;
}

/* name ( args ) [WITHIN GROUP (ORDER BY ...)] [FILTER (WHERE ...)] [OVER ...] */
ast_node *
gram_func_application(parse_state *ps, ast_list *name, int loc)
{
	FuncCall *f = make_func(name, NULL, COERCE_EXPLICIT_CALL, loc);

	expect_char(ps, '(');
	if (is_char(ps, '*')) {
		advance(ps);
		f->agg_star = true;
	} else if (!is_char(ps, ')')) {
		if (accept_kw(ps, KW_DISTINCT))
			f->agg_distinct = true;
		else
			accept_kw(ps, KW_ALL);
		do {
			const token *t = cur_tok(ps);
			ast_node *arg;


			if (accept_kw(ps, KW_VARIADIC)) {
				f->func_variadic = true;
				t = cur_tok(ps);
			}
			if (tok_is_type_func_name(t) &&
			    (peek_char(ps, 1, TK_COLON_EQUALS) || peek_char(ps, 1, TK_EQUALS_GREATER))) {
				NamedArgExpr *na = AST_NEW(NamedArgExpr, t->loc);

				na->name = type_func_name(ps);
				advance(ps);
				na->arg = gram_expr(ps);
				arg = (ast_node *)na;
			} else
				arg = gram_expr(ps);
			f->args = ast_list_append(f->args, arg);
			if (f->func_variadic && is_char(ps, ','))
				parse_syntax_error(ps);   /* VARIADIC must be the last argument */
		} while (accept_char(ps, ','));
		if (is_kw(ps, KW_ORDER)) {
			advance(ps);
			expect_kw(ps, KW_BY);
			f->agg_order = gram_sort_clause(ps);
		}
	}
	expect_char(ps, ')');
	if (is_kw(ps, KW_WITHIN)) {
		int wloc = cur_tok(ps)->loc;

		advance(ps);
		expect_kw(ps, KW_GROUP);
		expect_char(ps, '(');
		expect_kw(ps, KW_ORDER);
		expect_kw(ps, KW_BY);
		ast_list *order = gram_sort_clause(ps);

		expect_char(ps, ')');
		if (f->agg_order != NULL)
			parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, wloc,
			                "cannot use multiple ORDER BY clauses with WITHIN GROUP");
		if (f->agg_distinct)
			parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, wloc,
			                "cannot use DISTINCT with WITHIN GROUP");
		if (f->func_variadic)
			parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, wloc,
			                "cannot use VARIADIC with WITHIN GROUP");
		f->agg_order = order;
		f->agg_within_group = true;
	}
	if (is_kw(ps, KW_FILTER) && peek_char(ps, 1, '(')) {
		advance(ps);
		advance(ps);
		expect_kw(ps, KW_WHERE);
		f->agg_filter = gram_expr(ps);
		expect_char(ps, ')');
	}
	f->over = over_clause(ps);
	return (ast_node *)f;
}

static ast_node *
case_expr(parse_state *ps)
{
	CaseExpr *c = AST_NEW(CaseExpr, cur_tok(ps)->loc);

	expect_kw(ps, KW_CASE);
	if (!is_kw(ps, KW_WHEN))
		c->arg = gram_expr(ps);
	do {
		CaseWhen *w = AST_NEW(CaseWhen, cur_tok(ps)->loc);

		expect_kw(ps, KW_WHEN);
		w->expr = gram_expr(ps);
		expect_kw(ps, KW_THEN);
		w->result = gram_expr(ps);
		c->args = ast_list_append(c->args, w);
	} while (is_kw(ps, KW_WHEN));
	if (accept_kw(ps, KW_ELSE))
		c->defresult = gram_expr(ps);
	expect_kw(ps, KW_END);
	return (ast_node *)c;
}

static ast_node *
array_expr(parse_state *ps, int loc)
{
	A_ArrayExpr *a = AST_NEW(A_ArrayExpr, loc);

	parse_enter(ps);
	expect_char(ps, '[');
	if (is_char(ps, '[')) {
		do
			a->elements = ast_list_append(a->elements, array_expr(ps, cur_tok(ps)->loc));
		while (accept_char(ps, ','));
	} else if (!is_char(ps, ']'))
		a->elements = gram_expr_list(ps);
	expect_char(ps, ']');
	parse_leave(ps);
	return (ast_node *)a;
}

static ast_node *
svf(parse_state *ps, svf_op op, svf_op op_n, int loc)
{
	SQLValueFunction *v = AST_NEW(SQLValueFunction, loc);

	advance(ps);
	v->op = op;
	v->typmod = -1;
	if (op_n != op && is_char(ps, '(')) {
		advance(ps);
		v->op = op_n;
		v->typmod = gram_iconst(ps);
		expect_char(ps, ')');
	}
	return (ast_node *)v;
}

/* Special-syntax functions: EXTRACT, POSITION, SUBSTRING, TRIM, OVERLAY (current: the
 * keyword, followed by '('). */
static ast_node *
special_func(parse_state *ps, kw_id kw, int loc)
{
	ast_list *args = NULL;
	const char *fname;

	advance(ps);
	expect_char(ps, '(');
	switch (kw) {
	case KW_EXTRACT: {
		const token *t = cur_tok(ps);
		char *field;

		if (t->type == TK_SCONST || t->type == TK_IDENT)
			field = t->str;
		else if (tok_is_kw(t, KW_YEAR) || tok_is_kw(t, KW_MONTH) || tok_is_kw(t, KW_DAY) ||
		         tok_is_kw(t, KW_HOUR) || tok_is_kw(t, KW_MINUTE) || tok_is_kw(t, KW_SECOND))
			field = t->str;
		else
			parse_syntax_error(ps);
		advance(ps);
		expect_kw(ps, KW_FROM);
		args = ast_list_make2(gram_a_const(ps, t->loc, CONST_STRING, 0, field), gram_expr(ps));
		fname = "extract";
		break;
	}
	case KW_POSITION: {
		ast_node *a = gram_b_expr(ps), *b;

		expect_kw(ps, KW_IN);
		b = gram_b_expr(ps);
		args = ast_list_make2(b, a);
		fname = "position";
		break;
	}
	case KW_SUBSTRING: {
		bool outer = ps->in_substring;

		ps->in_substring = true;

		ast_node *x = gram_expr(ps);

		ps->in_substring = outer;

		fname = "substring";
		if (accept_kw(ps, KW_FROM)) {
			ast_node *from = gram_expr(ps);

			args = ast_list_make2(x, from);
			if (accept_kw(ps, KW_FOR))
				args = ast_list_append(args, gram_expr(ps));
		} else if (accept_kw(ps, KW_FOR)) {
			ast_node *len = gram_expr(ps);

			if (accept_kw(ps, KW_FROM))
				args = ast_list_append(ast_list_make2(x, gram_expr(ps)), len);
			else
				args = ast_list_append(ast_list_make2(x, gram_a_const(ps, -1, CONST_INT, 1,
				                                                      NULL)), len);
		} else if (accept_kw(ps, KW_SIMILAR)) {
			ast_node *pat = gram_expr(ps);

			expect_kw(ps, KW_ESCAPE);
			args = ast_list_append(ast_list_make2(x, pat), gram_expr(ps));
		} else {
			/* substring(a, b, c): an ordinary call */
			args = ast_list_make1(x);
			while (accept_char(ps, ','))
				args = ast_list_append(args, gram_expr(ps));
			expect_char(ps, ')');
			return (ast_node *)make_func(name1("substring", loc), args, COERCE_EXPLICIT_CALL,
			                             loc);
		}
		break;
	}
	case KW_TRIM: {
		fname = "btrim";
		if (accept_kw(ps, KW_LEADING))
			fname = "ltrim";
		else if (accept_kw(ps, KW_TRAILING))
			fname = "rtrim";
		else
			accept_kw(ps, KW_BOTH);
		/* FROM list | chars FROM list | list: the characters go last */
		if (accept_kw(ps, KW_FROM))
			args = gram_expr_list(ps);
		else {
			ast_node *first = gram_expr(ps);

			if (accept_kw(ps, KW_FROM))
				args = ast_list_append(gram_expr_list(ps), first);
			else {
				args = ast_list_make1(first);
				while (accept_char(ps, ','))
					args = ast_list_append(args, gram_expr(ps));
			}
		}
		break;
	}
	case KW_OVERLAY: {
		ast_node *x = gram_expr(ps);

		fname = "overlay";
		if (!accept_kw(ps, KW_PLACING)) {
			args = ast_list_make1(x);
			while (accept_char(ps, ','))
				args = ast_list_append(args, gram_expr(ps));
			expect_char(ps, ')');
			return (ast_node *)make_func(name1("overlay", loc), args, COERCE_EXPLICIT_CALL, loc);
		}
		args = ast_list_make2(x, gram_expr(ps));
		expect_kw(ps, KW_FROM);
		args = ast_list_append(args, gram_expr(ps));
		if (accept_kw(ps, KW_FOR))
			args = ast_list_append(args, gram_expr(ps));
		break;
	}
	default:
		parse_syntax_error(ps);
	}
	expect_char(ps, ')');
	return (ast_node *)make_func(system_name(fname, loc), args, COERCE_SQL_SYNTAX, loc);
}

/* Keywords that start an SQL-standard type name (ConstTypename), and whether the tokens
 * after kw continue a type rather than making kw a column name. */
static bool
const_type_start(parse_state *ps)
{
	const token *t = cur_tok(ps), *n = t + 1;

	if (t->type != TK_KEYWORD)
		return false;
	switch (t->kw) {
	case KW_INT: case KW_INTEGER: case KW_SMALLINT: case KW_BIGINT: case KW_REAL:
	case KW_BOOLEAN: case KW_FLOAT: case KW_DECIMAL: case KW_DEC: case KW_NUMERIC:
	case KW_BIT: case KW_CHARACTER: case KW_CHAR: case KW_VARCHAR: case KW_NCHAR:
	case KW_TIMESTAMP: case KW_TIME: case KW_INTERVAL:
		return n->type == TK_SCONST || n->type == '(' || tok_is_kw(n, KW_VARYING) ||
		       tok_is_kw(n, KW_WITH_LA) || tok_is_kw(n, KW_WITHOUT_LA);
	case KW_NATIONAL:
		return tok_is_kw(n, KW_CHARACTER) || tok_is_kw(n, KW_CHAR);
	case KW_DOUBLE:
		return tok_is_kw(n, KW_PRECISION);
	default:
		return false;
	}
}

/* TYPE 'literal' for an SQL-standard type name (current token starts it). */
static ast_node *
const_typed_literal(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	bool interval = is_kw(ps, KW_INTERVAL);
	TypeName *tn;
	ast_node *lit;

	if (interval && peek_tok(ps, 1)->type == TK_SCONST) {
		tn = AST_NEW(TypeName, loc);
		tn->names = system_name("interval", loc);
		advance(ps);
		lit = gram_a_const(ps, cur_tok(ps)->loc, CONST_STRING, 0, gram_sconst(ps));
		tn->typmods = opt_interval(ps);
		return make_typecast(lit, tn, loc);
	}
	tn = simple_typename(ps, true);
	if (cur_tok(ps)->type != TK_SCONST)
		parse_syntax_error(ps);
	lit = gram_a_const(ps, cur_tok(ps)->loc, CONST_STRING, 0, gram_sconst(ps));
	return make_typecast(lit, tn, loc);
}

/* A name-based primary: column reference, function call or `type 'literal'`. */
static ast_node *
name_primary(parse_state *ps, bool allow_literal)
{
	const token *first = cur_tok(ps);
	int loc = first->loc;
	bool colid = tok_is_colid(first), funcname = tok_is_type_func_name(first);
	ast_list *names, *ind = NULL;

	if (!colid && !funcname)
		parse_syntax_error(ps);
	advance(ps);
	names = name1(first->str, loc);
	while (is_char(ps, '.') && tok_is_col_label(peek_tok(ps, 1))) {
		advance(ps);
		int nloc = cur_tok(ps)->loc;

		names = ast_list_append(names, ast_string(gram_col_label(ps), nloc));
	}
	/* a function call, or a typed literal: only plain (possibly qualified) names */
	if (is_char(ps, '(') && (funcname || names->n > 1)) {
		ast_node *f = gram_func_application(ps, names, loc);
		FuncCall *fc = (FuncCall *)f;

		if (allow_literal && cur_tok(ps)->type == TK_SCONST && fc->over == NULL &&
		    fc->agg_filter == NULL &&
		    fc->agg_order == NULL && !fc->agg_star && !fc->agg_distinct && !fc->func_variadic) {
			/* type_name(typmods) 'literal' */
			TypeName *tn = AST_NEW(TypeName, loc);

			tn->names = names;
			tn->typmods = fc->args;
			return make_typecast(gram_a_const(ps, cur_tok(ps)->loc, CONST_STRING, 0,
			                                  gram_sconst(ps)), tn, loc);
		}
		return f;
	}
	if (allow_literal && cur_tok(ps)->type == TK_SCONST && (funcname || names->n > 1)) {
		TypeName *tn = AST_NEW(TypeName, loc);

		tn->names = names;
		return make_typecast(gram_a_const(ps, cur_tok(ps)->loc, CONST_STRING, 0,
		                                  gram_sconst(ps)), tn, loc);
	}
	if (!colid)
		parse_syntax_error_at(ps, first + 1 < cur_tok(ps) ? first + 1 : cur_tok(ps));

	ColumnRef *c = AST_NEW(ColumnRef, loc);

	c->fields = names;
	if (is_char(ps, '.') && peek_char(ps, 1, '*')) {
		advance(ps);
		c->fields = ast_list_append(c->fields, AST_NEW(A_Star, cur_tok(ps)->loc));
		advance(ps);
		return (ast_node *)c;
	}
	if (is_char(ps, '[')) {
		A_Indirection *ai = AST_NEW(A_Indirection, loc);

		ind = gram_indirection(ps);
		ai->arg = (ast_node *)c;
		ai->indirection = ind;
		return (ast_node *)ai;
	}
	return (ast_node *)c;
}

static ast_node *
keyword_primary(parse_state *ps)
{
	const token *t = cur_tok(ps);
	int loc = t->loc;
	bool paren = peek_char(ps, 1, '(');

	switch (t->kw) {
	case KW_TRUE:
	case KW_FALSE:
		advance(ps);
		return gram_a_const(ps, loc, CONST_BOOL, t->kw == KW_TRUE, NULL);
	case KW_NULL:
		advance(ps);
		return gram_a_const(ps, loc, CONST_NULL, 0, NULL);
	case KW_CASE:
		return case_expr(ps);
	case KW_CAST: {
		ast_node *arg;
		TypeName *tn;

		advance(ps);
		expect_char(ps, '(');
		arg = gram_expr(ps);
		expect_kw(ps, KW_AS);
		tn = gram_typename(ps);
		expect_char(ps, ')');
		return make_typecast(arg, tn, loc);
	}
	case KW_EXISTS:
		if (!paren)
			break;   /* a column named exists */
		advance(ps);
		return make_sublink(EXISTS_SUBLINK, NULL, NULL, select_with_parens(ps), loc);
	case KW_ARRAY:
		advance(ps);
		if (is_char(ps, '['))
			return array_expr(ps, loc);
		return make_sublink(ARRAY_SUBLINK, NULL, NULL, select_with_parens(ps), loc);
	case KW_DEFAULT:
		advance(ps);
		return (ast_node *)AST_NEW(SetToDefault, loc);
	case KW_CURRENT_DATE:
		return svf(ps, SVF_CURRENT_DATE, SVF_CURRENT_DATE, loc);
	case KW_CURRENT_TIME:
		return svf(ps, SVF_CURRENT_TIME, SVF_CURRENT_TIME_N, loc);
	case KW_CURRENT_TIMESTAMP:
		return svf(ps, SVF_CURRENT_TIMESTAMP, SVF_CURRENT_TIMESTAMP_N, loc);
	case KW_LOCALTIME:
		return svf(ps, SVF_LOCALTIME, SVF_LOCALTIME_N, loc);
	case KW_LOCALTIMESTAMP:
		return svf(ps, SVF_LOCALTIMESTAMP, SVF_LOCALTIMESTAMP_N, loc);
	case KW_CURRENT_ROLE:
		return svf(ps, SVF_CURRENT_ROLE, SVF_CURRENT_ROLE, loc);
	case KW_CURRENT_USER:
		return svf(ps, SVF_CURRENT_USER, SVF_CURRENT_USER, loc);
	case KW_SESSION_USER:
		return svf(ps, SVF_SESSION_USER, SVF_SESSION_USER, loc);
	case KW_USER:
		return svf(ps, SVF_USER, SVF_USER, loc);
	case KW_CURRENT_CATALOG:
		return svf(ps, SVF_CURRENT_CATALOG, SVF_CURRENT_CATALOG, loc);
	case KW_CURRENT_SCHEMA:
		return svf(ps, SVF_CURRENT_SCHEMA, SVF_CURRENT_SCHEMA, loc);
	case KW_ROW:
		if (paren) {
			RowExpr *r = AST_NEW(RowExpr, loc);

			advance(ps);
			advance(ps);
			if (!is_char(ps, ')'))
				r->args = gram_expr_list(ps);
			expect_char(ps, ')');
			r->row_format = ROW_EXPLICIT;
			return (ast_node *)r;
		}
		break;
	case KW_COALESCE:
	case KW_GREATEST:
	case KW_LEAST:
		if (paren) {
			ast_list *args;

			advance(ps);
			advance(ps);
			args = gram_expr_list(ps);
			expect_char(ps, ')');
			if (t->kw == KW_COALESCE) {
				CoalesceExpr *c = AST_NEW(CoalesceExpr, loc);

				c->args = args;
				return (ast_node *)c;
			}
			MinMaxExpr *m = AST_NEW(MinMaxExpr, loc);

			m->op = t->kw == KW_GREATEST ? MINMAX_GREATEST : MINMAX_LEAST;
			m->args = args;
			return (ast_node *)m;
		}
		break;
	case KW_NULLIF:
		if (paren) {
			ast_node *a, *b;

			advance(ps);
			advance(ps);
			a = gram_expr(ps);
			expect_char(ps, ',');
			b = gram_expr(ps);
			expect_char(ps, ')');
			return make_aexpr(AEXPR_NULLIF, "=", a, b, loc);
		}
		break;
	case KW_GROUPING:
		if (paren) {
			GroupingFunc *g = AST_NEW(GroupingFunc, loc);

			advance(ps);
			advance(ps);
			g->args = gram_expr_list(ps);
			expect_char(ps, ')');
			return (ast_node *)g;
		}
		break;
	case KW_EXTRACT:
	case KW_POSITION:
	case KW_SUBSTRING:
	case KW_TRIM:
	case KW_OVERLAY:
		if (paren)
			return special_func(ps, (kw_id)t->kw, loc);
		break;
	case KW_COLLATION:
		if (peek_kw(ps, 1, KW_FOR) && peek_char(ps, 2, '(')) {
			ast_node *a;

			advance(ps);
			advance(ps);
			advance(ps);
			a = gram_expr(ps);
			expect_char(ps, ')');
			return (ast_node *)make_func(system_name("pg_collation_for", loc),
			                             ast_list_make1(a), COERCE_SQL_SYNTAX, loc);
		}
		break;
	case KW_VALUES:
		if (ps->in_odku && paren) {
			/* MySQL's VALUES(col) in ON DUPLICATE KEY UPDATE: the excluded row */
			ColumnRef *c = AST_NEW(ColumnRef, loc);
			int cloc;

			advance(ps);
			advance(ps);
			cloc = cur_tok(ps)->loc;
			c->fields = ast_list_make2((ast_node *)ast_string("excluded", loc),
			                           (ast_node *)ast_string(gram_colid(ps), cloc));
			expect_char(ps, ')');
			return (ast_node *)c;
		}
		break;
	default:
		break;
	}
	if (const_type_start(ps))
		return const_typed_literal(ps);
	return name_primary(ps, true);
}

/* A function call as FROM takes it (PostgreSQL's func_expr_windowless): a call, or one of
 * the keyword forms (CAST, COALESCE, CURRENT_DATE ...), without operators. */
ast_node *
gram_func_expr(parse_state *ps)
{
	const token *t = cur_tok(ps);

	if (t->type == TK_IDENT || (t->type == TK_KEYWORD && !const_type_start(ps) &&
	                            (tok_is_colid(t) || tok_is_type_func_name(t)) &&
	                            !is_kw(ps, KW_COALESCE) && !is_kw(ps, KW_GREATEST) &&
	                            !is_kw(ps, KW_LEAST) && !is_kw(ps, KW_NULLIF) &&
	                            !is_kw(ps, KW_EXTRACT) && !is_kw(ps, KW_POSITION) &&
	                            !is_kw(ps, KW_SUBSTRING) && !is_kw(ps, KW_TRIM) &&
	                            !is_kw(ps, KW_OVERLAY) && !is_kw(ps, KW_COLLATION)))
		return name_primary(ps, false);
	if (t->type == TK_KEYWORD)
		return keyword_primary(ps);
	parse_syntax_error(ps);
}

static ast_node *
primary(parse_state *ps)
{
	const token *t = cur_tok(ps);
	int loc = t->loc;
	ast_node *n;

	switch (t->type) {
	case TK_ICONST:
		advance(ps);
		return postfix(ps, gram_a_const(ps, loc, CONST_INT, t->ival, NULL), false);
	case TK_FCONST:
		advance(ps);
		return postfix(ps, gram_a_const(ps, loc, CONST_FLOAT, 0, t->str), false);
	case TK_SCONST:
		advance(ps);
		return postfix(ps, gram_a_const(ps, loc, CONST_STRING, 0, t->str), false);
	case TK_BCONST:
	case TK_XCONST:
		advance(ps);
		return postfix(ps, gram_a_const(ps, loc, CONST_BITSTRING, 0, t->str), false);
	case TK_PARAM: {
		ParamRef *p = AST_NEW(ParamRef, loc);

		advance(ps);
		p->number = t->ival;
		return postfix(ps, (ast_node *)p, true);
	}
	case '(': {
		bool is_select;
		ast_list *l;

		n = gram_paren_select_or_expr(ps, &is_select);
		if (is_select)
			return postfix(ps, make_sublink(EXPR_SUBLINK, NULL, NULL, n, loc), true);
		l = (ast_list *)n;
		if (l->n == 1)
			return postfix(ps, l->items[0], true);

		RowExpr *r = AST_NEW(RowExpr, loc);

		r->args = l;
		r->row_format = ROW_IMPLICIT;
		return postfix(ps, (ast_node *)r, false);
	}
	case TK_IDENT:
		n = name_primary(ps, true);
		break;
	case TK_KEYWORD:
		n = keyword_primary(ps);
		break;
	default:
		parse_syntax_error(ps);
	}
	/* column references carry their own subscripts; functions take none (as PostgreSQL) */
	return postfix(ps, n, false);
}

/* ---- ORDER BY items and windows ---------------------------------------------------------- */

SortBy *
gram_sortby(parse_state *ps)
{
	SortBy *s = AST_NEW(SortBy, cur_tok(ps)->loc);

	s->node = gram_expr(ps);
	if (accept_kw(ps, KW_ASC))
		s->sortby_dir = SORTBY_ASC;
	else if (accept_kw(ps, KW_DESC))
		s->sortby_dir = SORTBY_DESC;
	else if (accept_kw(ps, KW_USING)) {
		bool ok;

		s->sortby_dir = SORTBY_USING;
		s->useOp = gram_qual_op(ps, &ok);
		if (!ok)
			parse_syntax_error(ps);
	}
	if (accept_kw(ps, KW_NULLS_LA)) {
		if (accept_kw(ps, KW_FIRST))
			s->sortby_nulls = SORTBY_NULLS_FIRST;
		else {
			expect_kw(ps, KW_LAST);
			s->sortby_nulls = SORTBY_NULLS_LAST;
		}
	}
	return s;
}

/* One frame bound; returns its FRAMEOPTION_START_* bits (the caller shifts for END). */
static int
frame_bound(parse_state *ps, ast_node **offset)
{
	if (is_kw(ps, KW_UNBOUNDED) && (peek_kw(ps, 1, KW_PRECEDING) || peek_kw(ps, 1, KW_FOLLOWING))) {
		advance(ps);
		return accept_kw(ps, KW_PRECEDING) ? FRAMEOPTION_START_UNBOUNDED_PRECEDING
		                                   : (advance(ps), FRAMEOPTION_START_UNBOUNDED_FOLLOWING);
	}
	if (is_kw(ps, KW_CURRENT) && peek_kw(ps, 1, KW_ROW)) {
		advance(ps);
		advance(ps);
		return FRAMEOPTION_START_CURRENT_ROW;
	}
	*offset = gram_expr(ps);
	if (accept_kw(ps, KW_PRECEDING))
		return FRAMEOPTION_START_OFFSET_PRECEDING;
	expect_kw(ps, KW_FOLLOWING);
	return FRAMEOPTION_START_OFFSET_FOLLOWING;
}

/* START_* bit to the matching END_* bit */
static int
start_to_end(int b)
{
	switch (b) {
	case FRAMEOPTION_START_UNBOUNDED_PRECEDING: return FRAMEOPTION_END_UNBOUNDED_PRECEDING;
	case FRAMEOPTION_START_UNBOUNDED_FOLLOWING: return FRAMEOPTION_END_UNBOUNDED_FOLLOWING;
	case FRAMEOPTION_START_CURRENT_ROW: return FRAMEOPTION_END_CURRENT_ROW;
	case FRAMEOPTION_START_OFFSET_PRECEDING: return FRAMEOPTION_END_OFFSET_PRECEDING;
	default: return FRAMEOPTION_END_OFFSET_FOLLOWING;
	}
}

static void
frame_clause(parse_state *ps, WindowDef *w)
{
	int opts = FRAMEOPTION_NONDEFAULT, start, end, sloc, eloc;

	if (accept_kw(ps, KW_RANGE))
		opts |= FRAMEOPTION_RANGE;
	else if (accept_kw(ps, KW_ROWS))
		opts |= FRAMEOPTION_ROWS;
	else if (accept_kw(ps, KW_GROUPS))
		opts |= FRAMEOPTION_GROUPS;
	else
		return;
	if (accept_kw(ps, KW_BETWEEN)) {
		opts |= FRAMEOPTION_BETWEEN;
		sloc = cur_tok(ps)->loc;
		start = frame_bound(ps, &w->startOffset);
		expect_kw(ps, KW_AND);
		eloc = cur_tok(ps)->loc;
		end = start_to_end(frame_bound(ps, &w->endOffset));
	} else {
		sloc = eloc = cur_tok(ps)->loc;
		start = frame_bound(ps, &w->startOffset);
		end = FRAMEOPTION_END_CURRENT_ROW;
	}
	if (start == FRAMEOPTION_START_UNBOUNDED_FOLLOWING)
		parse_error_loc(ps, ERRCODE_WINDOWING_ERROR, sloc,
		                "frame start cannot be UNBOUNDED FOLLOWING");
	if (end == FRAMEOPTION_END_UNBOUNDED_PRECEDING)
		parse_error_loc(ps, ERRCODE_WINDOWING_ERROR, eloc,
		                "frame end cannot be UNBOUNDED PRECEDING");
	if (!(opts & FRAMEOPTION_BETWEEN) && start == FRAMEOPTION_START_OFFSET_FOLLOWING)
		parse_error_loc(ps, ERRCODE_WINDOWING_ERROR, sloc,
		                "frame starting from following row cannot end with current row");
	if (start == FRAMEOPTION_START_CURRENT_ROW && end == FRAMEOPTION_END_OFFSET_PRECEDING)
		parse_error_loc(ps, ERRCODE_WINDOWING_ERROR, eloc,
		                "frame starting from current row cannot have preceding rows");
	if (start == FRAMEOPTION_START_OFFSET_FOLLOWING &&
	    (end == FRAMEOPTION_END_OFFSET_PRECEDING || end == FRAMEOPTION_END_CURRENT_ROW))
		parse_error_loc(ps, ERRCODE_WINDOWING_ERROR, eloc,
		                "frame starting from following row cannot have preceding rows");
	opts |= start | end;
	if (accept_kw(ps, KW_EXCLUDE)) {
		if (is_kw(ps, KW_CURRENT)) {
			advance(ps);
			expect_kw(ps, KW_ROW);
			opts |= FRAMEOPTION_EXCLUDE_CURRENT_ROW;
		} else if (accept_kw(ps, KW_GROUP))
			opts |= FRAMEOPTION_EXCLUDE_GROUP;
		else if (accept_kw(ps, KW_TIES))
			opts |= FRAMEOPTION_EXCLUDE_TIES;
		else {
			expect_kw(ps, KW_NO);
			expect_kw(ps, KW_OTHERS);
		}
	}
	w->frameOptions = opts;
}

WindowDef *
gram_window_spec(parse_state *ps)
{
	WindowDef *w = AST_NEW(WindowDef, cur_tok(ps)->loc);

	expect_char(ps, '(');
	w->frameOptions = FRAMEOPTION_DEFAULTS;
	if (tok_is_colid(cur_tok(ps)) && !is_kw(ps, KW_PARTITION) && !is_kw(ps, KW_RANGE) &&
	    !is_kw(ps, KW_ROWS) && !is_kw(ps, KW_GROUPS))
		w->refname = gram_colid(ps);
	if (is_kw(ps, KW_PARTITION)) {
		advance(ps);
		expect_kw(ps, KW_BY);
		w->partitionClause = gram_expr_list(ps);
	}
	if (is_kw(ps, KW_ORDER)) {
		advance(ps);
		expect_kw(ps, KW_BY);
		w->orderClause = gram_sort_clause(ps);
	}
	frame_clause(ps, w);
	expect_char(ps, ')');
	return w;
}

/* ---- type names --------------------------------------------------------------------------- */

static TypeName *
make_typename(ast_list *names, int loc)
{
	TypeName *t = AST_NEW(TypeName, loc);

	t->names = names;
	return t;
}

static ast_node *
int_const(parse_state *ps, int v)
{
	return gram_a_const(ps, -1, CONST_INT, v, NULL);
}

/* ( expr_list ) type modifiers, or NULL */
static ast_list *
opt_type_modifiers(parse_state *ps)
{
	ast_list *l;

	if (!accept_char(ps, '('))
		return NULL;
	l = gram_expr_list(ps);
	expect_char(ps, ')');
	return l;
}

/* SECOND [(p)] at the end of interval fields: appends the precision to *mods */
static void
interval_second(parse_state *ps, int mask, ast_list **mods)
{
	expect_kw(ps, KW_SECOND);
	*mods = ast_list_make1(int_const(ps, mask));
	if (accept_char(ps, '(')) {
		*mods = ast_list_append(*mods, int_const(ps, gram_iconst(ps)));
		expect_char(ps, ')');
	}
}

static ast_list *
opt_interval(parse_state *ps)
{
	ast_list *mods = NULL;
	int mask;

	if (accept_kw(ps, KW_YEAR)) {
		mask = INTERVAL_MASK_YEAR;
		if (accept_kw(ps, KW_TO)) {
			expect_kw(ps, KW_MONTH);
			mask |= INTERVAL_MASK_MONTH;
		}
	} else if (accept_kw(ps, KW_MONTH))
		mask = INTERVAL_MASK_MONTH;
	else if (accept_kw(ps, KW_DAY)) {
		mask = INTERVAL_MASK_DAY;
		if (accept_kw(ps, KW_TO)) {
			if (accept_kw(ps, KW_HOUR))
				mask |= INTERVAL_MASK_HOUR;
			else if (accept_kw(ps, KW_MINUTE))
				mask |= INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE;
			else {
				interval_second(ps, mask | INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE |
				                        INTERVAL_MASK_SECOND, &mods);
				return mods;
			}
		}
	} else if (accept_kw(ps, KW_HOUR)) {
		mask = INTERVAL_MASK_HOUR;
		if (accept_kw(ps, KW_TO)) {
			if (accept_kw(ps, KW_MINUTE))
				mask |= INTERVAL_MASK_MINUTE;
			else {
				interval_second(ps, mask | INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND, &mods);
				return mods;
			}
		}
	} else if (accept_kw(ps, KW_MINUTE)) {
		mask = INTERVAL_MASK_MINUTE;
		if (accept_kw(ps, KW_TO)) {
			interval_second(ps, mask | INTERVAL_MASK_SECOND, &mods);
			return mods;
		}
	} else if (is_kw(ps, KW_SECOND)) {
		interval_second(ps, INTERVAL_MASK_SECOND, &mods);
		return mods;
	} else
		return NULL;
	return ast_list_make1(int_const(ps, mask));
}

/*
 * SimpleTypename (and ConstTypename when const_ctx: char and bit without a length get no
 * default length, and INTERVAL takes no fields, which follow the literal).
 */
static TypeName *
simple_typename(parse_state *ps, bool const_ctx)
{
	const token *t = cur_tok(ps);
	int loc = t->loc;
	TypeName *tn;

	if (t->type == TK_KEYWORD) {
		switch (t->kw) {
		case KW_INT: case KW_INTEGER:
			advance(ps);
			return make_typename(system_name("int4", loc), loc);
		case KW_SMALLINT:
			advance(ps);
			return make_typename(system_name("int2", loc), loc);
		case KW_BIGINT:
			advance(ps);
			return make_typename(system_name("int8", loc), loc);
		case KW_REAL:
			advance(ps);
			return make_typename(system_name("float4", loc), loc);
		case KW_BOOLEAN:
			advance(ps);
			return make_typename(system_name("bool", loc), loc);
		case KW_FLOAT:
			advance(ps);
			if (accept_char(ps, '(')) {
				int ploc = cur_tok(ps)->loc;
				int p = gram_iconst(ps);

				expect_char(ps, ')');
				if (p < 1)
					parse_error_loc(ps, ERRCODE_INVALID_PARAMETER_VALUE, ploc,
					                "precision for type float must be at least 1 bit");
				if (p > 53)
					parse_error_loc(ps, ERRCODE_INVALID_PARAMETER_VALUE, ploc,
					                "precision for type float must be less than 54 bits");
				return make_typename(system_name(p <= 24 ? "float4" : "float8", loc), loc);
			}
			return make_typename(system_name("float8", loc), loc);
		case KW_DOUBLE:
			if (!peek_kw(ps, 1, KW_PRECISION))
				break;
			advance(ps);
			advance(ps);
			return make_typename(system_name("float8", loc), loc);
		case KW_DECIMAL: case KW_DEC: case KW_NUMERIC:
			advance(ps);
			tn = make_typename(system_name("numeric", loc), loc);
			tn->typmods = opt_type_modifiers(ps);
			return tn;
		case KW_BIT: {
			bool varying;

			advance(ps);
			varying = accept_kw(ps, KW_VARYING);
			tn = make_typename(system_name(varying ? "varbit" : "bit", loc), loc);
			tn->typmods = opt_type_modifiers(ps);
			if (tn->typmods == NULL && !varying && !const_ctx)
				tn->typmods = ast_list_make1(int_const(ps, 1));
			return tn;
		}
		case KW_CHARACTER: case KW_CHAR: case KW_VARCHAR: case KW_NATIONAL: case KW_NCHAR: {
			bool varying;

			advance(ps);
			if (t->kw == KW_NATIONAL && !accept_kw(ps, KW_CHARACTER))
				expect_kw(ps, KW_CHAR);
			varying = t->kw == KW_VARCHAR || accept_kw(ps, KW_VARYING);
			tn = make_typename(system_name(varying ? "varchar" : "bpchar", loc), loc);
			if (accept_char(ps, '(')) {
				tn->typmods = ast_list_make1(gram_a_const(ps, cur_tok(ps)->loc, CONST_INT,
				                                          gram_iconst(ps), NULL));
				expect_char(ps, ')');
			} else if (!varying && !const_ctx)
				tn->typmods = ast_list_make1(int_const(ps, 1));
			return tn;
		}
		case KW_TIMESTAMP: case KW_TIME: {
			bool tz = false, ts = t->kw == KW_TIMESTAMP;
			ast_list *mods = NULL;

			advance(ps);
			if (accept_char(ps, '(')) {
				mods = ast_list_make1(gram_a_const(ps, cur_tok(ps)->loc, CONST_INT,
				                                   gram_iconst(ps), NULL));
				expect_char(ps, ')');
			}
			if (accept_kw(ps, KW_WITH_LA)) {
				expect_kw(ps, KW_TIME);
				expect_kw(ps, KW_ZONE);
				tz = true;
			} else if (accept_kw(ps, KW_WITHOUT_LA)) {
				expect_kw(ps, KW_TIME);
				expect_kw(ps, KW_ZONE);
			}
			tn = make_typename(system_name(ts ? (tz ? "timestamptz" : "timestamp")
			                                  : (tz ? "timetz" : "time"), loc), loc);
			tn->typmods = mods;
			return tn;
		}
		case KW_INTERVAL:
			advance(ps);
			tn = make_typename(system_name("interval", loc), loc);
			if (accept_char(ps, '(')) {
				int p = gram_iconst(ps);

				expect_char(ps, ')');
				tn->typmods = ast_list_make2(int_const(ps, INTERVAL_FULL_RANGE), int_const(ps, p));
			} else if (!const_ctx)
				tn->typmods = opt_interval(ps);
			return tn;
		default:
			break;
		}
	}
	/* GenericType: type_function_name [. attrs] [(typmods)] */
	if (!tok_is_type_func_name(t))
		parse_syntax_error(ps);
	tn = make_typename(name1(type_func_name(ps), loc), loc);
	while (is_char(ps, '.') && tok_is_col_label(peek_tok(ps, 1))) {
		advance(ps);
		int nloc = cur_tok(ps)->loc;

		tn->names = ast_list_append(tn->names, ast_string(gram_col_label(ps), nloc));
	}
	tn->typmods = opt_type_modifiers(ps);
	return tn;
}

static TypeName *
typename_common(parse_state *ps, bool allow_pct)
{
	int loc = cur_tok(ps)->loc;
	bool setof = accept_kw(ps, KW_SETOF);
	TypeName *tn;

	parse_enter(ps);
	tn = simple_typename(ps, false);
	tn->setof = setof;
	tn->hdr.loc = loc;
	if (allow_pct && is_char(ps, '%') && peek_kw(ps, 1, KW_TYPE)) {
		advance(ps);
		advance(ps);
		tn->pct_type = true;
		parse_leave(ps);
		return tn;
	}
	if (accept_kw(ps, KW_ARRAY)) {
		int bound = -1;

		if (accept_char(ps, '[')) {
			bound = gram_iconst(ps);
			expect_char(ps, ']');
		}
		tn->arrayBounds = ast_list_make1((ast_node *)ast_integer(bound, -1));
	} else {
		while (is_char(ps, '[')) {
			int bound = -1;

			advance(ps);
			if (!is_char(ps, ']'))
				bound = gram_iconst(ps);
			expect_char(ps, ']');
			tn->arrayBounds = ast_list_append(tn->arrayBounds, ast_integer(bound, -1));
		}
	}
	parse_leave(ps);
	return tn;
}

TypeName *
gram_typename(parse_state *ps)
{
	return typename_common(ps, false);
}

TypeName *
gram_func_type(parse_state *ps)
{
	return typename_common(ps, true);
}
