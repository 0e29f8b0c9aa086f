/*
 * deparse.c — parse tree back to SQL text.
 *
 * The output is canonical: keywords in upper case, identifiers quoted only when they must
 * be, every operator expression fully parenthesised, SQL-standard type names spelled as
 * the standard spells them, column aliases always with AS.  Parsing the output gives a
 * tree that ast_equal() finds equal to the input (tests/unit/check_parse.c checks this for
 * every statement kind), which is what lets the catalog store view definitions and
 * CHECK/DEFAULT expressions as text.
 */
#include <string.h>

#include "sql/parse/parse.h"
#include "sql/parse/parse_int.h"
#include "util/err.h"
#include "util/mem.h"

static void expr(strbuf *b, const ast_node *n);
static void stmt(strbuf *b, const ast_node *n);
static void select_stmt(strbuf *b, const SelectStmt *s, const IntoClause *into);
static void type_name(strbuf *b, const TypeName *t);
static void word_or_literal(strbuf *b, const char *s);
static void options(strbuf *b, const ast_list *l, const char *sep);

/* ---- identifiers and literals ------------------------------------------------------------- */

bool
parse_ident_needs_quotes(const char *s)
{
	if (!((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return true;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '$'))
			return true;
	kw_id k = kw_lookup(s, (int)strlen(s));

	return k != KW__NONE && kw_table[k].category != KWC_UNRESERVED;
}

static void
ident(strbuf *b, const char *s)
{
	if (!parse_ident_needs_quotes(s)) {
		sb_puts(b, s);
		return;
	}
	sb_putc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			sb_putc(b, '"');
		sb_putc(b, *p);
	}
	sb_putc(b, '"');
}

char *
parse_quote_ident(const char *s)
{
	strbuf b;

	sb_init(&b, (int)strlen(s) + 3);
	ident(&b, s);
	return b.s;
}

/* all lower-case letters, digits and _, starting with a letter or _ */
static bool
plain_word(const char *s)
{
	bool plain = (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_';

	for (const char *p = s; *p && plain; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
	return plain;
}

/* a name that the grammar folds to lower case, printed in upper case when that is safe */
static void
upper_word(strbuf *b, const char *s)
{
	if (!plain_word(s) || (parse_ident_needs_quotes(s) && kw_lookup(s, (int)strlen(s)) == KW__NONE)) {
		ident(b, s);
		return;
	}
	for (const char *p = s; *p; p++)
		sb_putc(b, (*p >= 'a' && *p <= 'z') ? (char)(*p - 32) : *p);
}

static void
literal(strbuf *b, const char *s)
{
	sb_putc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			sb_putc(b, '\'');
		sb_putc(b, *p);
	}
	sb_putc(b, '\'');
}

/* a dotted name from a String list */
static void
name_list(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		if (i > 0)
			sb_putc(b, '.');
		ident(b, ast_strval(l->items[i]));
	}
}

/* (a, b, c) from a String list */
static void
paren_names(strbuf *b, const ast_list *l)
{
	sb_putc(b, '(');
	for (int i = 0; i < ast_list_length(l); i++) {
		if (i > 0)
			sb_puts(b, ", ");
		ident(b, ast_strval(l->items[i]));
	}
	sb_putc(b, ')');
}

static void
expr_list(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		if (i > 0)
			sb_puts(b, ", ");
		expr(b, l->items[i]);
	}
}

static void
rangevar(strbuf *b, const RangeVar *r, bool with_alias)
{
	if (!r->inh)
		sb_puts(b, "ONLY ");
	if (r->catalogname) {
		ident(b, r->catalogname);
		sb_putc(b, '.');
	}
	if (r->schemaname) {
		ident(b, r->schemaname);
		sb_putc(b, '.');
	}
	ident(b, r->relname);
	if (with_alias && r->alias) {
		sb_puts(b, " AS ");
		ident(b, r->alias->aliasname);
		if (r->alias->colnames)
			paren_names(b, r->alias->colnames);
	}
}

/* a qualified name without ONLY and alias (CREATE TABLE, DROP ...) */
static void
relname(strbuf *b, const RangeVar *r)
{
	RangeVar tmp = *r;

	tmp.inh = true;
	rangevar(b, &tmp, false);
}

static void
alias(strbuf *b, const Alias *a)
{
	if (a == NULL)
		return;
	sb_puts(b, " AS ");
	ident(b, a->aliasname);
	if (a->colnames)
		paren_names(b, a->colnames);
}

static void
operator_name(strbuf *b, const ast_list *name)
{
	if (name->n == 1) {
		sb_puts(b, ast_strval(name->items[0]));
		return;
	}
	sb_puts(b, "OPERATOR(");
	for (int i = 0; i < name->n - 1; i++) {
		ident(b, ast_strval(name->items[i]));
		sb_putc(b, '.');
	}
	sb_puts(b, ast_strval(name->items[name->n - 1]));
	sb_putc(b, ')');
}

/* ---- type names --------------------------------------------------------------------------- */

static bool
single_int_mod(const ast_list *mods, int *v)
{
	if (ast_list_length(mods) != 1 || !AST_IS(mods->items[0], A_Const) ||
	    ((A_Const *)mods->items[0])->ckind != CONST_INT)
		return false;
	*v = ((A_Const *)mods->items[0])->ival;
	return true;
}

static const char *
interval_fields(int mask)
{
	switch (mask) {
	case INTERVAL_MASK_YEAR: return "year";
	case INTERVAL_MASK_MONTH: return "month";
	case INTERVAL_MASK_DAY: return "day";
	case INTERVAL_MASK_HOUR: return "hour";
	case INTERVAL_MASK_MINUTE: return "minute";
	case INTERVAL_MASK_SECOND: return "second";
	case INTERVAL_MASK_YEAR | INTERVAL_MASK_MONTH: return "year to month";
	case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR: return "day to hour";
	case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE: return "day to minute";
	case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND:
		return "day to second";
	case INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE: return "hour to minute";
	case INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND: return "hour to second";
	case INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND: return "minute to second";
	default: return NULL;
	}
}

/* SQL-standard spelling of a pg_catalog type; false to use the generic form. */
static bool
standard_type(strbuf *b, const char *n, const ast_list *mods)
{
	static const struct { const char *name, *sql; } plain[] = {
		{"int4", "integer"}, {"int2", "smallint"}, {"int8", "bigint"}, {"float4", "real"},
		{"float8", "double precision"}, {"bool", "boolean"},
	};
	int v;

	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
		if (strcmp(n, plain[i].name) == 0) {
			if (mods != NULL)
				return false;
			sb_puts(b, plain[i].sql);
			return true;
		}
	if (strcmp(n, "numeric") == 0 || strcmp(n, "varbit") == 0 || strcmp(n, "bit") == 0) {
		if (mods == NULL && strcmp(n, "bit") == 0)
			return false;   /* BIT alone means bit(1) */
		sb_puts(b, strcmp(n, "varbit") == 0 ? "bit varying" : n);
		if (mods != NULL) {
			sb_putc(b, '(');
			expr_list(b, mods);
			sb_putc(b, ')');
		}
		return true;
	}
	if (strcmp(n, "varchar") == 0 || strcmp(n, "bpchar") == 0) {
		if (mods == NULL) {
			if (strcmp(n, "bpchar") == 0)
				return false;   /* CHARACTER alone means character(1) */
			sb_puts(b, "character varying");
			return true;
		}
		if (!single_int_mod(mods, &v))
			return false;
		sb_printf(b, "%s(%d)", n[0] == 'v' ? "character varying" : "character", v);
		return true;
	}
	if (strcmp(n, "time") == 0 || strcmp(n, "timetz") == 0 || strcmp(n, "timestamp") == 0 ||
	    strcmp(n, "timestamptz") == 0) {
		bool ts = strncmp(n, "timestamp", 9) == 0, tz = n[strlen(n) - 1] == 'z';

		if (mods != NULL && !single_int_mod(mods, &v))
			return false;
		sb_puts(b, ts ? "timestamp" : "time");
		if (mods != NULL)
			sb_printf(b, "(%d)", v);
		if (tz)
			sb_puts(b, " with time zone");
		return true;
	}
	if (strcmp(n, "interval") == 0) {
		int m, p;
		const char *f;

		if (mods == NULL) {
			sb_puts(b, "interval");
			return true;
		}
		for (int i = 0; i < mods->n; i++)
			if (!AST_IS(mods->items[i], A_Const) ||
			    ((A_Const *)mods->items[i])->ckind != CONST_INT)
				return false;
		m = ((A_Const *)mods->items[0])->ival;
		if (mods->n == 2) {
			p = ((A_Const *)mods->items[1])->ival;
			if (m == INTERVAL_FULL_RANGE) {
				sb_printf(b, "interval(%d)", p);
				return true;
			}
			if (!(m & INTERVAL_MASK_SECOND) || (f = interval_fields(m)) == NULL)
				return false;
			sb_printf(b, "interval %s(%d)", f, p);
			return true;
		}
		if (mods->n != 1 || (f = interval_fields(m)) == NULL)
			return false;
		sb_printf(b, "interval %s", f);
		return true;
	}
	return false;
}

static void
type_name(strbuf *b, const TypeName *t)
{
	if (t->setof)
		sb_puts(b, "SETOF ");
	if (!(ast_list_length(t->names) == 2 && strcmp(ast_strval(t->names->items[0]), "pg_catalog") == 0 &&
	      !t->pct_type && standard_type(b, ast_strval(t->names->items[1]), t->typmods))) {
		name_list(b, t->names);
		if (t->pct_type)
			sb_puts(b, "%TYPE");
		if (t->typmods) {
			sb_putc(b, '(');
			expr_list(b, t->typmods);
			sb_putc(b, ')');
		}
	}
	for (int i = 0; i < ast_list_length(t->arrayBounds); i++) {
		int v = ((Integer *)t->arrayBounds->items[i])->ival;

		if (v < 0)
			sb_puts(b, "[]");
		else
			sb_printf(b, "[%d]", v);
	}
}

char *
parse_deparse_type(const TypeName *t)
{
	strbuf b;

	sb_init(&b, 32);
	type_name(&b, t);
	return b.s;
}

/* ---- expressions -------------------------------------------------------------------------- */

static void
a_const(strbuf *b, const A_Const *c)
{
	switch (c->ckind) {
	case CONST_NULL: sb_puts(b, "NULL"); break;
	case CONST_BOOL: sb_puts(b, c->ival ? "TRUE" : "FALSE"); break;
	case CONST_INT: sb_printf(b, "%d", c->ival); break;
	case CONST_FLOAT: sb_puts(b, c->sval); break;
	case CONST_STRING: literal(b, c->sval); break;
	case CONST_BITSTRING:
		sb_putc(b, c->sval[0] == 'b' ? 'B' : 'X');
		literal(b, c->sval + 1);
		break;
	}
}

/* open l mid r close: the shape of most two-operand forms */
static void
two(strbuf *b, const char *open, const ast_node *l, const char *mid, const ast_node *r,
    const char *close)
{
	sb_puts(b, open);
	expr(b, l);
	sb_puts(b, mid);
	expr(b, r);
	sb_puts(b, close);
}

static bool
is_negative_const(const ast_node *n)
{
	const A_Const *c = (const A_Const *)n;

	return AST_IS(n, A_Const) && ((c->ckind == CONST_INT && c->ival < 0) ||
	                              (c->ckind == CONST_FLOAT && c->sval[0] == '-'));
}

static void
sort_list(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		const SortBy *s = (const SortBy *)l->items[i];

		if (i > 0)
			sb_puts(b, ", ");
		expr(b, s->node);
		if (s->sortby_dir == SORTBY_ASC)
			sb_puts(b, " ASC");
		else if (s->sortby_dir == SORTBY_DESC)
			sb_puts(b, " DESC");
		else if (s->sortby_dir == SORTBY_USING) {
			sb_puts(b, " USING ");
			if (s->useOp->n == 1)
				sb_puts(b, ast_strval(s->useOp->items[0]));
			else
				operator_name(b, s->useOp);
		}
		if (s->sortby_nulls == SORTBY_NULLS_FIRST)
			sb_puts(b, " NULLS FIRST");
		else if (s->sortby_nulls == SORTBY_NULLS_LAST)
			sb_puts(b, " NULLS LAST");
	}
}

static void
frame_bound(strbuf *b, int opts, bool start, const ast_node *offset)
{
	int up = start ? FRAMEOPTION_START_UNBOUNDED_PRECEDING : FRAMEOPTION_END_UNBOUNDED_PRECEDING;
	int uf = start ? FRAMEOPTION_START_UNBOUNDED_FOLLOWING : FRAMEOPTION_END_UNBOUNDED_FOLLOWING;
	int cr = start ? FRAMEOPTION_START_CURRENT_ROW : FRAMEOPTION_END_CURRENT_ROW;
	int op = start ? FRAMEOPTION_START_OFFSET_PRECEDING : FRAMEOPTION_END_OFFSET_PRECEDING;

	if (opts & up)
		sb_puts(b, "UNBOUNDED PRECEDING");
	else if (opts & uf)
		sb_puts(b, "UNBOUNDED FOLLOWING");
	else if (opts & cr)
		sb_puts(b, "CURRENT ROW");
	else {
		expr(b, offset);
		sb_puts(b, (opts & op) ? " PRECEDING" : " FOLLOWING");
	}
}

static void
window_spec(strbuf *b, const WindowDef *w)
{
	bool sp = false;

	sb_putc(b, '(');
	if (w->refname) {
		ident(b, w->refname);
		sp = true;
	}
	if (w->partitionClause) {
		sb_puts(b, sp ? " PARTITION BY " : "PARTITION BY ");
		expr_list(b, w->partitionClause);
		sp = true;
	}
	if (w->orderClause) {
		sb_puts(b, sp ? " ORDER BY " : "ORDER BY ");
		sort_list(b, w->orderClause);
		sp = true;
	}
	if (w->frameOptions & FRAMEOPTION_NONDEFAULT) {
		int o = w->frameOptions;

		if (sp)
			sb_putc(b, ' ');
		sb_puts(b, (o & FRAMEOPTION_RANGE) ? "RANGE " : (o & FRAMEOPTION_ROWS) ? "ROWS " : "GROUPS ");
		if (o & FRAMEOPTION_BETWEEN) {
			sb_puts(b, "BETWEEN ");
			frame_bound(b, o, true, w->startOffset);
			sb_puts(b, " AND ");
			frame_bound(b, o, false, w->endOffset);
		} else
			frame_bound(b, o, true, w->startOffset);
		if (o & FRAMEOPTION_EXCLUDE_CURRENT_ROW)
			sb_puts(b, " EXCLUDE CURRENT ROW");
		else if (o & FRAMEOPTION_EXCLUDE_GROUP)
			sb_puts(b, " EXCLUDE GROUP");
		else if (o & FRAMEOPTION_EXCLUDE_TIES)
			sb_puts(b, " EXCLUDE TIES");
	}
	sb_putc(b, ')');
}

static bool
is_system_func(const FuncCall *f, const char *name)
{
	return ast_list_length(f->funcname) == 2 &&
	       strcmp(ast_strval(f->funcname->items[0]), "pg_catalog") == 0 &&
	       strcmp(ast_strval(f->funcname->items[1]), name) == 0;
}

/* Special SQL syntax of a COERCE_SQL_SYNTAX call; false if not recognised. */
static bool
sql_syntax_func(strbuf *b, const FuncCall *f)
{
	int n = ast_list_length(f->args);
	ast_node *const *a = n ? f->args->items : NULL;

	if (is_system_func(f, "extract") && n == 2) {
		two(b, "EXTRACT(", a[0], " FROM ", a[1], "");
	} else if (is_system_func(f, "position") && n == 2) {
		two(b, "POSITION(", a[1], " IN ", a[0], "");
	} else if (is_system_func(f, "substring") && (n == 2 || n == 3)) {
		two(b, "SUBSTRING(", a[0], " FROM ", a[1], "");
		if (n == 3) {
			sb_puts(b, " FOR ");
			expr(b, a[2]);
		}
	} else if ((is_system_func(f, "btrim") || is_system_func(f, "ltrim") ||
	            is_system_func(f, "rtrim")) && n >= 1) {
		const char *w = ast_strval(f->funcname->items[1]);

		sb_puts(b, w[0] == 'b' ? "TRIM(BOTH " : w[0] == 'l' ? "TRIM(LEADING " : "TRIM(TRAILING ");
		if (n >= 2) {
			expr(b, a[n - 1]);
			sb_putc(b, ' ');
			n--;
		}
		sb_puts(b, "FROM ");
		for (int i = 0; i < n; i++) {
			if (i > 0)
				sb_puts(b, ", ");
			expr(b, a[i]);
		}
	} else if (is_system_func(f, "overlay") && (n == 3 || n == 4)) {
		two(b, "OVERLAY(", a[0], " PLACING ", a[1], " FROM ");
		expr(b, a[2]);
		if (n == 4) {
			sb_puts(b, " FOR ");
			expr(b, a[3]);
		}
	} else if (is_system_func(f, "timezone") && n == 2) {
		two(b, "(", a[1], " AT TIME ZONE ", a[0], "");
	} else if (is_system_func(f, "pg_collation_for") && n == 1) {
		sb_puts(b, "COLLATION FOR (");
		expr(b, a[0]);
	} else
		return false;
	sb_putc(b, ')');
	return true;
}

static void
func_call(strbuf *b, const FuncCall *f)
{
	if (f->funcformat == COERCE_SQL_SYNTAX && sql_syntax_func(b, f))
		return;
	if (ast_list_length(f->funcname) == 1 && ast_list_length(f->args) > 0 &&
	    (strcmp(ast_strval(f->funcname->items[0]), "substring") == 0 ||
	     strcmp(ast_strval(f->funcname->items[0]), "overlay") == 0) &&
	    !f->agg_star && !f->agg_distinct && !f->agg_order && !f->func_variadic)
		sb_puts(b, ast_strval(f->funcname->items[0]));   /* the grammar's plain-call form */
	else
		name_list(b, f->funcname);
	sb_putc(b, '(');
	if (f->agg_star)
		sb_putc(b, '*');
	if (f->agg_distinct)
		sb_puts(b, "DISTINCT ");
	for (int i = 0; i < ast_list_length(f->args); i++) {
		if (i > 0)
			sb_puts(b, ", ");
		if (f->func_variadic && i == f->args->n - 1)
			sb_puts(b, "VARIADIC ");
		expr(b, f->args->items[i]);
	}
	if (f->agg_order && !f->agg_within_group) {
		sb_puts(b, " ORDER BY ");
		sort_list(b, f->agg_order);
	}
	sb_putc(b, ')');
	if (f->agg_within_group) {
		sb_puts(b, " WITHIN GROUP (ORDER BY ");
		sort_list(b, f->agg_order);
		sb_putc(b, ')');
	}
	if (f->agg_filter) {
		sb_puts(b, " FILTER (WHERE ");
		expr(b, f->agg_filter);
		sb_putc(b, ')');
	}
	if (f->over) {
		sb_puts(b, " OVER ");
		if (f->over->name)
			ident(b, f->over->name);
		else
			window_spec(b, f->over);
	}
}

static const char *
aexpr_keyword(const A_Expr *e)
{
	const char *op = ast_strval(e->name->items[0]);
	bool not = op[0] == '!';

	switch (e->kind) {
	case AEXPR_LIKE: return not ? " NOT LIKE " : " LIKE ";
	case AEXPR_ILIKE: return not ? " NOT ILIKE " : " ILIKE ";
	case AEXPR_SIMILAR: return not ? " NOT SIMILAR TO " : " SIMILAR TO ";
	default: return NULL;
	}
}

static void
a_expr(strbuf *b, const A_Expr *e)
{
	switch (e->kind) {
	case AEXPR_OP:
		sb_putc(b, '(');
		if (e->lexpr) {
			expr(b, e->lexpr);
			sb_putc(b, ' ');
		}
		operator_name(b, e->name);
		sb_putc(b, ' ');
		expr(b, e->rexpr);
		sb_putc(b, ')');
		return;
	case AEXPR_OP_ANY:
	case AEXPR_OP_ALL:
		sb_putc(b, '(');
		expr(b, e->lexpr);
		sb_putc(b, ' ');
		operator_name(b, e->name);
		sb_puts(b, e->kind == AEXPR_OP_ANY ? " ANY (" : " ALL (");
		expr(b, e->rexpr);
		sb_puts(b, "))");
		return;
	case AEXPR_DISTINCT:
	case AEXPR_NOT_DISTINCT:
		two(b, "(", e->lexpr, e->kind == AEXPR_DISTINCT ? " IS DISTINCT FROM "
		                                                 : " IS NOT DISTINCT FROM ", e->rexpr, ")");
		return;
	case AEXPR_NULLIF:
		two(b, "NULLIF(", e->lexpr, ", ", e->rexpr, ")");
		return;
	case AEXPR_IN:
		sb_putc(b, '(');
		expr(b, e->lexpr);
		sb_puts(b, strcmp(ast_strval(e->name->items[0]), "=") == 0 ? " IN (" : " NOT IN (");
		expr_list(b, (const ast_list *)e->rexpr);
		sb_puts(b, "))");
		return;
	case AEXPR_LIKE:
	case AEXPR_ILIKE:
	case AEXPR_SIMILAR: {
		const FuncCall *f = (const FuncCall *)e->rexpr;

		sb_putc(b, '(');
		expr(b, e->lexpr);
		sb_puts(b, aexpr_keyword(e));
		if (AST_IS(f, FuncCall) && f->funcformat == COERCE_SQL_SYNTAX &&
		    (is_system_func(f, "like_escape") || is_system_func(f, "similar_to_escape"))) {
			expr(b, f->args->items[0]);
			if (f->args->n > 1) {
				sb_puts(b, " ESCAPE ");
				expr(b, f->args->items[1]);
			}
		} else
			expr(b, e->rexpr);
		sb_putc(b, ')');
		return;
	}
	case AEXPR_BETWEEN:
	case AEXPR_NOT_BETWEEN:
	case AEXPR_BETWEEN_SYM:
	case AEXPR_NOT_BETWEEN_SYM: {
		const ast_list *r = (const ast_list *)e->rexpr;

		sb_putc(b, '(');
		expr(b, e->lexpr);
		sb_putc(b, ' ');
		sb_puts(b, ast_strval(e->name->items[0]));
		two(b, " ", r->items[0], " AND ", r->items[1], ")");
		return;
	}
	}
}

static void
sublink(strbuf *b, const SubLink *s)
{
	switch (s->subLinkType) {
	case EXISTS_SUBLINK:
		sb_puts(b, "EXISTS (");
		break;
	case ARRAY_SUBLINK:
		sb_puts(b, "ARRAY(");
		break;
	case EXPR_SUBLINK:
	case MULTIEXPR_SUBLINK:
		sb_putc(b, '(');
		break;
	case ANY_SUBLINK:
	case ALL_SUBLINK:
		sb_putc(b, '(');
		expr(b, s->testexpr);
		if (s->subLinkType == ANY_SUBLINK && s->operName->n == 1 &&
		    strcmp(ast_strval(s->operName->items[0]), "=") == 0)
			sb_puts(b, " IN (");
		else {
			sb_putc(b, ' ');
			operator_name(b, s->operName);
			sb_puts(b, s->subLinkType == ANY_SUBLINK ? " ANY (" : " ALL (");
		}
		stmt(b, s->subselect);
		sb_puts(b, "))");
		return;
	}
	stmt(b, s->subselect);
	sb_putc(b, ')');
}

static void
array_expr(strbuf *b, const A_ArrayExpr *a, bool nested)
{
	bool all_arrays = ast_list_length(a->elements) > 0;

	for (int i = 0; i < ast_list_length(a->elements); i++)
		if (!AST_IS(a->elements->items[i], A_ArrayExpr))
			all_arrays = false;
	sb_puts(b, nested ? "[" : "ARRAY[");
	for (int i = 0; i < ast_list_length(a->elements); i++) {
		if (i > 0)
			sb_puts(b, ", ");
		if (all_arrays)
			array_expr(b, (const A_ArrayExpr *)a->elements->items[i], true);
		else
			expr(b, a->elements->items[i]);
	}
	sb_putc(b, ']');
}

static void
indirection(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		const ast_node *n = l->items[i];

		if (AST_IS(n, A_Indices)) {
			const A_Indices *ai = (const A_Indices *)n;

			sb_putc(b, '[');
			if (ai->is_slice) {
				if (ai->lidx)
					expr(b, ai->lidx);
				sb_putc(b, ':');
				if (ai->uidx)
					expr(b, ai->uidx);
			} else
				expr(b, ai->uidx);
			sb_putc(b, ']');
		} else if (AST_IS(n, A_Star))
			sb_puts(b, ".*");
		else {
			sb_putc(b, '.');
			ident(b, ast_strval(n));
		}
	}
}

static const char *const svf_names[] = {
	[SVF_CURRENT_DATE] = "CURRENT_DATE", [SVF_CURRENT_TIME] = "CURRENT_TIME",
	[SVF_CURRENT_TIME_N] = "CURRENT_TIME", [SVF_CURRENT_TIMESTAMP] = "CURRENT_TIMESTAMP",
	[SVF_CURRENT_TIMESTAMP_N] = "CURRENT_TIMESTAMP", [SVF_LOCALTIME] = "LOCALTIME",
	[SVF_LOCALTIME_N] = "LOCALTIME", [SVF_LOCALTIMESTAMP] = "LOCALTIMESTAMP",
	[SVF_LOCALTIMESTAMP_N] = "LOCALTIMESTAMP", [SVF_CURRENT_ROLE] = "CURRENT_ROLE",
	[SVF_CURRENT_USER] = "CURRENT_USER", [SVF_USER] = "USER",
	[SVF_SESSION_USER] = "SESSION_USER", [SVF_CURRENT_CATALOG] = "CURRENT_CATALOG",
	[SVF_CURRENT_SCHEMA] = "CURRENT_SCHEMA",
};

static void
expr(strbuf *b, const ast_node *n)
{
	if (n == NULL)
		return;
	switch (AST_TAG(n)) {
	case T_A_Const:
		a_const(b, (const A_Const *)n);
		break;
	case T_ColumnRef: {
		const ast_list *f = ((const ColumnRef *)n)->fields;

		for (int i = 0; i < f->n; i++) {
			if (i > 0)
				sb_putc(b, '.');
			if (AST_IS(f->items[i], A_Star))
				sb_putc(b, '*');
			else
				ident(b, ast_strval(f->items[i]));
		}
		break;
	}
	case T_ParamRef:
		sb_printf(b, "$%d", ((const ParamRef *)n)->number);
		break;
	case T_A_Expr:
		a_expr(b, (const A_Expr *)n);
		break;
	case T_BoolExpr: {
		const BoolExpr *e = (const BoolExpr *)n;

		sb_putc(b, '(');
		if (e->boolop == NOT_EXPR)
			sb_puts(b, "NOT ");
		for (int i = 0; i < e->args->n; i++) {
			if (i > 0)
				sb_puts(b, e->boolop == AND_EXPR ? " AND " : " OR ");
			expr(b, e->args->items[i]);
		}
		sb_putc(b, ')');
		break;
	}
	case T_NullTest:
		sb_putc(b, '(');
		expr(b, ((const NullTest *)n)->arg);
		sb_puts(b, ((const NullTest *)n)->nulltesttype == IS_NULL ? " IS NULL)" : " IS NOT NULL)");
		break;
	case T_BooleanTest: {
		static const char *const w[] = {" IS TRUE)", " IS NOT TRUE)", " IS FALSE)",
		                                " IS NOT FALSE)", " IS UNKNOWN)", " IS NOT UNKNOWN)"};

		sb_putc(b, '(');
		expr(b, ((const BooleanTest *)n)->arg);
		sb_puts(b, w[((const BooleanTest *)n)->booltesttype]);
		break;
	}
	case T_TypeCast: {
		const TypeCast *c = (const TypeCast *)n;
		bool simple = (AST_IS(c->arg, A_Const) && !is_negative_const(c->arg)) ||
		              AST_IS(c->arg, ColumnRef) || AST_IS(c->arg, ParamRef) ||
		              AST_IS(c->arg, TypeCast) || AST_IS(c->arg, FuncCall);

		if (!simple)
			sb_putc(b, '(');
		expr(b, c->arg);
		if (!simple)
			sb_putc(b, ')');
		sb_puts(b, "::");
		type_name(b, c->typeName);
		break;
	}
	case T_CollateClause:
		sb_putc(b, '(');
		expr(b, ((const CollateClause *)n)->arg);
		sb_puts(b, " COLLATE ");
		name_list(b, ((const CollateClause *)n)->collname);
		sb_putc(b, ')');
		break;
	case T_FuncCall:
		func_call(b, (const FuncCall *)n);
		break;
	case T_NamedArgExpr:
		ident(b, ((const NamedArgExpr *)n)->name);
		sb_puts(b, " => ");
		expr(b, ((const NamedArgExpr *)n)->arg);
		break;
	case T_A_Star:
		sb_putc(b, '*');
		break;
	case T_A_Indirection: {
		const A_Indirection *ai = (const A_Indirection *)n;
		bool bare = AST_IS(ai->arg, ParamRef) ||
		            (AST_IS(ai->arg, ColumnRef) && AST_IS(ai->indirection->items[0], A_Indices)) ||
		            (AST_IS(ai->arg, SubLink) &&
		             ((const SubLink *)ai->arg)->subLinkType == EXPR_SUBLINK);

		if (!bare)
			sb_putc(b, '(');
		expr(b, ai->arg);
		if (!bare)
			sb_putc(b, ')');
		indirection(b, ai->indirection);
		break;
	}
	case T_A_ArrayExpr:
		array_expr(b, (const A_ArrayExpr *)n, false);
		break;
	case T_SubLink:
		sublink(b, (const SubLink *)n);
		break;
	case T_CaseExpr: {
		const CaseExpr *c = (const CaseExpr *)n;

		sb_puts(b, "CASE");
		if (c->arg) {
			sb_putc(b, ' ');
			expr(b, c->arg);
		}
		for (int i = 0; i < c->args->n; i++) {
			const CaseWhen *w = (const CaseWhen *)c->args->items[i];

			sb_puts(b, " WHEN ");
			expr(b, w->expr);
			sb_puts(b, " THEN ");
			expr(b, w->result);
		}
		if (c->defresult) {
			sb_puts(b, " ELSE ");
			expr(b, c->defresult);
		}
		sb_puts(b, " END");
		break;
	}
	case T_RowExpr: {
		const RowExpr *r = (const RowExpr *)n;

		sb_puts(b, r->row_format == ROW_EXPLICIT || ast_list_length(r->args) < 2 ? "ROW(" : "(");
		expr_list(b, r->args);
		sb_putc(b, ')');
		break;
	}
	case T_CoalesceExpr:
		sb_puts(b, "COALESCE(");
		expr_list(b, ((const CoalesceExpr *)n)->args);
		sb_putc(b, ')');
		break;
	case T_MinMaxExpr:
		sb_puts(b, ((const MinMaxExpr *)n)->op == MINMAX_GREATEST ? "GREATEST(" : "LEAST(");
		expr_list(b, ((const MinMaxExpr *)n)->args);
		sb_putc(b, ')');
		break;
	case T_SQLValueFunction: {
		const SQLValueFunction *v = (const SQLValueFunction *)n;

		sb_puts(b, svf_names[v->op]);
		if (v->typmod >= 0)
			sb_printf(b, "(%d)", v->typmod);
		break;
	}
	case T_SetToDefault:
		sb_puts(b, "DEFAULT");
		break;
	case T_GroupingFunc:
		sb_puts(b, "GROUPING(");
		expr_list(b, ((const GroupingFunc *)n)->args);
		sb_putc(b, ')');
		break;
	case T_CurrentOfExpr:
		sb_puts(b, "CURRENT OF ");
		ident(b, ((const CurrentOfExpr *)n)->cursor_name);
		break;
	case T_SelectStmt:
		sb_putc(b, '(');
		stmt(b, n);
		sb_putc(b, ')');
		break;
	case T_GroupingSet: {
		const GroupingSet *g = (const GroupingSet *)n;
		static const char *const w[] = {"(", "(", "ROLLUP (", "CUBE (", "GROUPING SETS ("};

		sb_puts(b, w[g->kind]);
		expr_list(b, g->content);
		sb_putc(b, ')');
		break;
	}
	case T_List:
		sb_putc(b, '(');
		expr_list(b, (const ast_list *)n);
		sb_putc(b, ')');
		break;
	case T_TypeName:
		type_name(b, (const TypeName *)n);
		break;
	case T_String:
		ident(b, ((const String *)n)->sval);
		break;
	case T_Integer:
		sb_printf(b, "%d", ((const Integer *)n)->ival);
		break;
	case T_Float:
		sb_puts(b, ((const Float *)n)->fval);
		break;
	default:
		ph_internal("cannot deparse node %s as an expression", ast_tag_name(AST_TAG(n)));
	}
}

/* ---- SELECT --------------------------------------------------------------------------------- */

static void
with_clause(strbuf *b, const WithClause *w)
{
	sb_puts(b, w->recursive ? "WITH RECURSIVE " : "WITH ");
	for (int i = 0; i < w->ctes->n; i++) {
		const CommonTableExpr *c = (const CommonTableExpr *)w->ctes->items[i];

		if (i > 0)
			sb_puts(b, ", ");
		ident(b, c->ctename);
		if (c->aliascolnames) {
			sb_putc(b, ' ');
			paren_names(b, c->aliascolnames);
		}
		sb_puts(b, " AS ");
		if (c->ctematerialized == CTE_MATERIALIZE_ALWAYS)
			sb_puts(b, "MATERIALIZED ");
		else if (c->ctematerialized == CTE_MATERIALIZE_NEVER)
			sb_puts(b, "NOT MATERIALIZED ");
		sb_putc(b, '(');
		stmt(b, c->ctequery);
		sb_putc(b, ')');
	}
	sb_putc(b, ' ');
}

static void from_item(strbuf *b, const ast_node *n);

static void
coldefs(strbuf *b, const ast_list *l)
{
	sb_putc(b, '(');
	for (int i = 0; i < l->n; i++) {
		const ColumnDef *c = (const ColumnDef *)l->items[i];

		if (i > 0)
			sb_puts(b, ", ");
		ident(b, c->colname);
		sb_putc(b, ' ');
		type_name(b, c->typeName);
		if (c->collClause) {
			sb_puts(b, " COLLATE ");
			name_list(b, c->collClause->collname);
		}
	}
	sb_putc(b, ')');
}

static void
from_item(strbuf *b, const ast_node *n)
{
	switch (AST_TAG(n)) {
	case T_RangeVar:
		rangevar(b, (const RangeVar *)n, true);
		break;
	case T_RangeSubselect: {
		const RangeSubselect *r = (const RangeSubselect *)n;

		if (r->lateral)
			sb_puts(b, "LATERAL ");
		sb_putc(b, '(');
		stmt(b, r->subquery);
		sb_putc(b, ')');
		alias(b, r->alias);
		break;
	}
	case T_RangeFunction: {
		const RangeFunction *r = (const RangeFunction *)n;

		if (r->lateral)
			sb_puts(b, "LATERAL ");
		if (r->is_rowsfrom) {
			sb_puts(b, "ROWS FROM (");
			for (int i = 0; i < r->functions->n; i++) {
				const ast_list *pair = (const ast_list *)r->functions->items[i];

				if (i > 0)
					sb_puts(b, ", ");
				expr(b, pair->items[0]);
				if (pair->items[1]) {
					sb_puts(b, " AS ");
					coldefs(b, (const ast_list *)pair->items[1]);
				}
			}
			sb_putc(b, ')');
		} else {
			const ast_node *f = ((const ast_list *)r->functions->items[0])->items[0];

			if (AST_IS(f, TypeCast)) {
				/* a cast in FROM must be spelled CAST (x AS t) */
				sb_puts(b, "CAST(");
				expr(b, ((const TypeCast *)f)->arg);
				sb_puts(b, " AS ");
				type_name(b, ((const TypeCast *)f)->typeName);
				sb_putc(b, ')');
			} else
				expr(b, f);
		}
		if (r->ordinality)
			sb_puts(b, " WITH ORDINALITY");
		if (r->alias) {
			sb_puts(b, " AS ");
			ident(b, r->alias->aliasname);
			if (r->alias->colnames)
				paren_names(b, r->alias->colnames);
		}
		if (r->coldeflist) {
			sb_puts(b, r->alias ? " " : " AS ");
			coldefs(b, r->coldeflist);
		}
		break;
	}
	case T_JoinExpr: {
		const JoinExpr *j = (const JoinExpr *)n;
		bool cross = j->jointype == JOIN_INNER && !j->isNatural && j->quals == NULL &&
		             j->usingClause == NULL;

		sb_putc(b, '(');
		from_item(b, j->larg);
		if (j->isNatural)
			sb_puts(b, " NATURAL");
		switch (j->jointype) {
		case JOIN_INNER: sb_puts(b, cross ? " CROSS JOIN " : " JOIN "); break;
		case JOIN_LEFT: sb_puts(b, " LEFT JOIN "); break;
		case JOIN_RIGHT: sb_puts(b, " RIGHT JOIN "); break;
		case JOIN_FULL: sb_puts(b, " FULL JOIN "); break;
		}
		from_item(b, j->rarg);
		if (j->quals) {
			sb_puts(b, " ON ");
			expr(b, j->quals);
		} else if (j->usingClause) {
			sb_puts(b, " USING ");
			paren_names(b, j->usingClause);
			if (j->join_using_alias) {
				sb_puts(b, " AS ");
				ident(b, j->join_using_alias->aliasname);
			}
		}
		sb_putc(b, ')');
		alias(b, j->alias);
		break;
	}
	default:
		ph_internal("cannot deparse node %s in FROM", ast_tag_name(AST_TAG(n)));
	}
}

static void
from_list(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		if (i > 0)
			sb_puts(b, ", ");
		from_item(b, l->items[i]);
	}
}

static void
target_list(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		const ResTarget *r = (const ResTarget *)l->items[i];

		if (i > 0)
			sb_puts(b, ", ");
		expr(b, r->val);
		if (r->name) {
			sb_puts(b, " AS ");
			ident(b, r->name);
		}
	}
}

static void
into_clause(strbuf *b, const IntoClause *into)
{
	sb_puts(b, " INTO ");
	if (into->rel->relpersistence == RELPERSISTENCE_TEMP)
		sb_puts(b, "TEMPORARY ");
	else if (into->rel->relpersistence == RELPERSISTENCE_UNLOGGED)
		sb_puts(b, "UNLOGGED ");
	sb_puts(b, "TABLE ");
	relname(b, into->rel);
}

static bool
select_needs_parens(const SelectStmt *s)
{
	return s->sortClause || s->limitCount || s->limitOffset || s->lockingClause ||
	       s->withClause || s->intoClause;
}

static int
setop_prec(const SelectStmt *s)
{
	return s->op == SETOP_INTERSECT ? 2 : s->op == SETOP_NONE ? 3 : 1;
}

static void
setop_operand(strbuf *b, const SelectStmt *s, bool parens)
{
	if (parens)
		sb_putc(b, '(');
	select_stmt(b, s, NULL);
	if (parens)
		sb_putc(b, ')');
}

static void
locking(strbuf *b, const ast_list *l)
{
	static const char *const w[] = {"", " FOR KEY SHARE", " FOR SHARE", " FOR NO KEY UPDATE",
	                                " FOR UPDATE"};

	for (int i = 0; i < ast_list_length(l); i++) {
		const LockingClause *lc = (const LockingClause *)l->items[i];

		sb_puts(b, w[lc->strength]);
		if (lc->lockedRels) {
			sb_puts(b, " OF ");
			for (int k = 0; k < lc->lockedRels->n; k++) {
				if (k > 0)
					sb_puts(b, ", ");
				relname(b, (const RangeVar *)lc->lockedRels->items[k]);
			}
		}
		if (lc->waitPolicy == LOCKWAIT_ERROR)
			sb_puts(b, " NOWAIT");
		else if (lc->waitPolicy == LOCKWAIT_SKIP)
			sb_puts(b, " SKIP LOCKED");
	}
}

static void
select_stmt(strbuf *b, const SelectStmt *s, const IntoClause *into)
{
	if (s->withClause)
		with_clause(b, s->withClause);
	if (s->op != SETOP_NONE) {
		static const char *const ops[] = {"", " UNION ", " INTERSECT ", " EXCEPT "};
		int p = setop_prec(s);

		setop_operand(b, s->larg, select_needs_parens(s->larg) || setop_prec(s->larg) < p);
		sb_puts(b, ops[s->op]);
		if (s->all)
			sb_puts(b, "ALL ");
		setop_operand(b, s->rarg, select_needs_parens(s->rarg) || s->rarg->op != SETOP_NONE);
	} else if (s->valuesLists) {
		sb_puts(b, "VALUES ");
		for (int i = 0; i < s->valuesLists->n; i++) {
			if (i > 0)
				sb_puts(b, ", ");
			sb_putc(b, '(');
			expr_list(b, (const ast_list *)s->valuesLists->items[i]);
			sb_putc(b, ')');
		}
	} else {
		sb_puts(b, "SELECT");
		if (s->distinctOn) {
			sb_puts(b, " DISTINCT ON (");
			expr_list(b, s->distinctOn);
			sb_putc(b, ')');
		} else if (s->distinct)
			sb_puts(b, " DISTINCT");
		if (s->targetList) {
			sb_putc(b, ' ');
			target_list(b, s->targetList);
		}
		if (into || s->intoClause)
			into_clause(b, into ? into : s->intoClause);
		if (s->fromClause) {
			sb_puts(b, " FROM ");
			from_list(b, s->fromClause);
		}
		if (s->whereClause) {
			sb_puts(b, " WHERE ");
			expr(b, s->whereClause);
		}
		if (s->groupClause) {
			sb_puts(b, s->groupDistinct ? " GROUP BY DISTINCT " : " GROUP BY ");
			expr_list(b, s->groupClause);
		}
		if (s->havingClause) {
			sb_puts(b, " HAVING ");
			expr(b, s->havingClause);
		}
		if (s->windowClause) {
			sb_puts(b, " WINDOW ");
			for (int i = 0; i < s->windowClause->n; i++) {
				const WindowDef *w = (const WindowDef *)s->windowClause->items[i];

				if (i > 0)
					sb_puts(b, ", ");
				ident(b, w->name);
				sb_puts(b, " AS ");
				window_spec(b, w);
			}
		}
	}
	if (s->sortClause) {
		sb_puts(b, " ORDER BY ");
		sort_list(b, s->sortClause);
	}
	if (s->limitOption == LIMIT_OPTION_WITH_TIES) {
		sb_puts(b, " FETCH FIRST ");
		if (is_negative_const(s->limitCount) || !(AST_IS(s->limitCount, A_Const) ||
		                                          AST_IS(s->limitCount, ColumnRef) ||
		                                          AST_IS(s->limitCount, ParamRef))) {
			sb_putc(b, '(');
			expr(b, s->limitCount);
			sb_putc(b, ')');
		} else
			expr(b, s->limitCount);
		sb_puts(b, " ROWS WITH TIES");
	} else if (s->limitCount) {
		sb_puts(b, " LIMIT ");
		if (AST_IS(s->limitCount, A_Const) &&
		    ((const A_Const *)s->limitCount)->ckind == CONST_NULL)
			sb_puts(b, "ALL");
		else
			expr(b, s->limitCount);
	}
	if (s->limitOffset) {
		sb_puts(b, " OFFSET ");
		expr(b, s->limitOffset);
	}
	locking(b, s->lockingClause);
}

/* ---- DML ---------------------------------------------------------------------------------- */

static void
set_targets(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		const ResTarget *r = (const ResTarget *)l->items[i];

		if (i > 0)
			sb_puts(b, ", ");
		if (AST_IS(r->val, MultiAssignRef)) {
			const MultiAssignRef *m = (const MultiAssignRef *)r->val;

			sb_putc(b, '(');
			for (int k = 0; k < m->ncolumns && i + k < l->n; k++) {
				const ResTarget *t = (const ResTarget *)l->items[i + k];

				if (k > 0)
					sb_puts(b, ", ");
				ident(b, t->name);
				indirection(b, t->indirection);
			}
			sb_puts(b, ") = ");
			expr(b, m->source);
			i += m->ncolumns - 1;
			continue;
		}
		ident(b, r->name);
		indirection(b, r->indirection);
		sb_puts(b, " = ");
		expr(b, r->val);
	}
}

static void
returning(strbuf *b, const ast_list *l)
{
	if (l) {
		sb_puts(b, " RETURNING ");
		target_list(b, l);
	}
}

static void
index_elem(strbuf *b, const IndexElem *e)
{
	if (e->name)
		ident(b, e->name);
	else {
		sb_putc(b, '(');
		expr(b, e->expr);
		sb_putc(b, ')');
	}
	if (e->collation) {
		sb_puts(b, " COLLATE ");
		name_list(b, e->collation);
	}
	if (e->opclass) {
		sb_putc(b, ' ');
		name_list(b, e->opclass);
		if (e->opclassopts) {
			sb_putc(b, ' ');
			options(b, e->opclassopts, " = ");
		}
	}
	if (e->ordering == SORTBY_ASC)
		sb_puts(b, " ASC");
	else if (e->ordering == SORTBY_DESC)
		sb_puts(b, " DESC");
	if (e->nulls_ordering == SORTBY_NULLS_FIRST)
		sb_puts(b, " NULLS FIRST");
	else if (e->nulls_ordering == SORTBY_NULLS_LAST)
		sb_puts(b, " NULLS LAST");
}

static void
index_elems(strbuf *b, const ast_list *l)
{
	sb_putc(b, '(');
	for (int i = 0; i < ast_list_length(l); i++) {
		if (i > 0)
			sb_puts(b, ", ");
		index_elem(b, (const IndexElem *)l->items[i]);
	}
	sb_putc(b, ')');
}

static void
insert_stmt(strbuf *b, const InsertStmt *s)
{
	if (s->withClause)
		with_clause(b, s->withClause);
	sb_puts(b, s->is_replace ? "INSERT OR REPLACE INTO " : "INSERT INTO ");
	relname(b, s->relation);
	if (s->relation->alias) {
		sb_puts(b, " AS ");
		ident(b, s->relation->alias->aliasname);
	}
	if (s->cols) {
		sb_puts(b, " (");
		for (int i = 0; i < s->cols->n; i++) {
			const ResTarget *r = (const ResTarget *)s->cols->items[i];

			if (i > 0)
				sb_puts(b, ", ");
			ident(b, r->name);
			indirection(b, r->indirection);
		}
		sb_putc(b, ')');
	}
	if (s->override == OVERRIDING_USER_VALUE)
		sb_puts(b, " OVERRIDING USER VALUE");
	else if (s->override == OVERRIDING_SYSTEM_VALUE)
		sb_puts(b, " OVERRIDING SYSTEM VALUE");
	if (s->selectStmt) {
		sb_putc(b, ' ');
		stmt(b, s->selectStmt);
	} else
		sb_puts(b, " DEFAULT VALUES");
	if (s->onConflictClause) {
		const OnConflictClause *oc = s->onConflictClause;

		if (oc->duplicate_key) {
			sb_puts(b, " ON DUPLICATE KEY UPDATE ");
			set_targets(b, oc->targetList);
		} else {
			sb_puts(b, " ON CONFLICT");
			if (oc->infer) {
				if (oc->infer->conname) {
					sb_puts(b, " ON CONSTRAINT ");
					ident(b, oc->infer->conname);
				} else {
					sb_putc(b, ' ');
					index_elems(b, oc->infer->indexElems);
					if (oc->infer->whereClause) {
						sb_puts(b, " WHERE ");
						expr(b, oc->infer->whereClause);
					}
				}
			}
			if (oc->action == ONCONFLICT_NOTHING)
				sb_puts(b, " DO NOTHING");
			else {
				sb_puts(b, " DO UPDATE SET ");
				set_targets(b, oc->targetList);
				if (oc->whereClause) {
					sb_puts(b, " WHERE ");
					expr(b, oc->whereClause);
				}
			}
		}
	}
	returning(b, s->returningList);
}

static void
dml_target(strbuf *b, const RangeVar *r)
{
	rangevar(b, r, false);
	if (r->alias) {
		sb_puts(b, " AS ");
		ident(b, r->alias->aliasname);
	}
}

static void
where(strbuf *b, const ast_node *w)
{
	if (w) {
		sb_puts(b, " WHERE ");
		expr(b, w);
	}
}

/* [WITH ...] UPDATE / DELETE FROM target */
static void
dml_head(strbuf *b, const WithClause *with, const char *verb, const RangeVar *rel)
{
	if (with)
		with_clause(b, with);
	sb_puts(b, verb);
	dml_target(b, rel);
}

/* [FROM / USING list] [WHERE ...] [RETURNING ...] */
static void
dml_tail(strbuf *b, const char *from_word, const ast_list *from, const ast_node *w,
         const ast_list *ret)
{
	if (from) {
		sb_puts(b, from_word);
		from_list(b, from);
	}
	where(b, w);
	returning(b, ret);
}

/* ---- DDL pieces ---------------------------------------------------------------------------- */

static void
def_arg(strbuf *b, const ast_node *a)
{
	switch (AST_TAG(a)) {
	case T_String:
		word_or_literal(b, ((const String *)a)->sval);
		break;
	case T_Integer:
		sb_printf(b, "%d", ((const Integer *)a)->ival);
		break;
	case T_Float:
		sb_puts(b, ((const Float *)a)->fval);
		break;
	case T_Boolean:
		sb_puts(b, ((const Boolean *)a)->boolval ? "true" : "false");
		break;
	case T_A_Star:
		sb_putc(b, '*');
		break;
	case T_TypeName:
		type_name(b, (const TypeName *)a);
		break;
	case T_List: {
		const ast_list *l = (const ast_list *)a;

		sb_putc(b, '(');
		for (int i = 0; i < l->n; i++) {
			if (i > 0)
				sb_puts(b, ", ");
			def_arg(b, l->items[i]);
		}
		sb_putc(b, ')');
		break;
	}
	default:
		expr(b, a);
	}
}

/* A column label (option names): any keyword is allowed, so quote only odd spellings. */
static void
label(strbuf *b, const char *s)
{
	if (plain_word(s))
		sb_puts(b, s);
	else
		ident(b, s);
}

/* An option's word argument: bare when the grammar reads it back as the same word. */
static void
word_or_literal(strbuf *b, const char *s)
{
	kw_id k = plain_word(s) ? kw_lookup(s, (int)strlen(s)) : KW__NONE;

	if (plain_word(s) && (k == KW__NONE || kw_table[k].category != KWC_RESERVED ||
	                      k == KW_ON || k == KW_TRUE || k == KW_FALSE))
		sb_puts(b, s);
	else
		literal(b, s);
}

/* ( name [= arg], ... ): reloptions, generic options */
static void
options(strbuf *b, const ast_list *l, const char *sep)
{
	sb_putc(b, '(');
	for (int i = 0; i < ast_list_length(l); i++) {
		const DefElem *d = (const DefElem *)l->items[i];

		if (i > 0)
			sb_puts(b, ", ");
		if (d->defnamespace) {
			label(b, d->defnamespace);
			sb_putc(b, '.');
		}
		label(b, d->defname);
		if (d->arg) {
			sb_puts(b, sep);
			def_arg(b, d->arg);
		}
	}
	sb_putc(b, ')');
}

static void
seq_options(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		const DefElem *d = (const DefElem *)l->items[i];
		const char *n = d->defname;

		if (i > 0 || b->len > 0)
			sb_putc(b, ' ');
		if (strcmp(n, "as") == 0) {
			sb_puts(b, "AS ");
			type_name(b, (const TypeName *)d->arg);
		} else if (strcmp(n, "cycle") == 0)
			sb_puts(b, ((const Boolean *)d->arg)->boolval ? "CYCLE" : "NO CYCLE");
		else if ((strcmp(n, "maxvalue") == 0 || strcmp(n, "minvalue") == 0) && d->arg == NULL)
			sb_puts(b, n[1] == 'a' ? "NO MAXVALUE" : "NO MINVALUE");
		else if (strcmp(n, "owned_by") == 0) {
			sb_puts(b, "OWNED BY ");
			name_list(b, (const ast_list *)d->arg);
		} else if (strcmp(n, "sequence_name") == 0) {
			sb_puts(b, "SEQUENCE NAME ");
			name_list(b, (const ast_list *)d->arg);
		} else if (strcmp(n, "restart") == 0 && d->arg == NULL)
			sb_puts(b, "RESTART");
		else {
			static const struct { const char *n, *w; } kw[] = {
				{"cache", "CACHE "}, {"increment", "INCREMENT BY "}, {"maxvalue", "MAXVALUE "},
				{"minvalue", "MINVALUE "}, {"start", "START WITH "}, {"restart", "RESTART WITH "},
			};
			for (size_t k = 0; k < sizeof(kw) / sizeof(kw[0]); k++)
				if (strcmp(n, kw[k].n) == 0)
					sb_puts(b, kw[k].w);
			def_arg(b, d->arg);
		}
	}
}

static const char *
fk_action(char a)
{
	switch (a) {
	case FKCONSTR_ACTION_RESTRICT: return "RESTRICT";
	case FKCONSTR_ACTION_CASCADE: return "CASCADE";
	case FKCONSTR_ACTION_SETNULL: return "SET NULL";
	case FKCONSTR_ACTION_SETDEFAULT: return "SET DEFAULT";
	default: return "NO ACTION";
	}
}

static void
index_options_tail(strbuf *b, const Constraint *c)
{
	if (c->including) {
		sb_puts(b, " INCLUDE ");
		paren_names(b, c->including);
	}
	if (c->options) {
		sb_puts(b, " WITH ");
		options(b, c->options, " = ");
	}
	if (c->indexspace) {
		sb_puts(b, " USING INDEX TABLESPACE ");
		ident(b, c->indexspace);
	}
}

static void
constraint(strbuf *b, const Constraint *c, bool column)
{
	if (c->conname) {
		sb_puts(b, "CONSTRAINT ");
		ident(b, c->conname);
		sb_putc(b, ' ');
	}
	switch (c->contype) {
	case CONSTR_NULL: sb_puts(b, "NULL"); break;
	case CONSTR_NOTNULL: sb_puts(b, "NOT NULL"); break;
	case CONSTR_DEFAULT:
		sb_puts(b, "DEFAULT ");
		expr(b, c->raw_expr);
		break;
	case CONSTR_IDENTITY:
		sb_puts(b, c->generated_when == ATTRIBUTE_IDENTITY_ALWAYS ? "GENERATED ALWAYS AS IDENTITY"
		                                                        : "GENERATED BY DEFAULT AS IDENTITY");
		if (c->options) {
			strbuf o;

			sb_init(&o, 64);
			seq_options(&o, c->options);
			sb_puts(b, " (");
			sb_puts(b, o.s);
			sb_putc(b, ')');
		}
		break;
	case CONSTR_GENERATED:
		sb_puts(b, "GENERATED ALWAYS AS (");
		expr(b, c->raw_expr);
		sb_puts(b, ") STORED");
		break;
	case CONSTR_CHECK:
		sb_puts(b, "CHECK (");
		expr(b, c->raw_expr);
		sb_putc(b, ')');
		if (c->is_no_inherit)
			sb_puts(b, " NO INHERIT");
		if (c->skip_validation)
			sb_puts(b, " NOT VALID");
		break;
	case CONSTR_PRIMARY:
	case CONSTR_UNIQUE:
		sb_puts(b, c->contype == CONSTR_PRIMARY ? "PRIMARY KEY" : "UNIQUE");
		if (c->nulls_not_distinct)
			sb_puts(b, " NULLS NOT DISTINCT");
		if (c->indexname) {
			sb_puts(b, " USING INDEX ");
			ident(b, c->indexname);
		} else {
			if (!column) {
				sb_putc(b, ' ');
				paren_names(b, c->keys);
			}
			index_options_tail(b, c);
		}
		break;
	case CONSTR_EXCLUSION:
		sb_puts(b, "EXCLUDE USING ");
		ident(b, c->access_method);
		sb_puts(b, " (");
		for (int i = 0; i < c->exclusions->n; i++) {
			const ast_list *pair = (const ast_list *)c->exclusions->items[i];

			if (i > 0)
				sb_puts(b, ", ");
			index_elem(b, (const IndexElem *)pair->items[0]);
			sb_puts(b, " WITH ");
			operator_name(b, (const ast_list *)pair->items[1]);
		}
		sb_putc(b, ')');
		index_options_tail(b, c);
		if (c->where_clause) {
			sb_puts(b, " WHERE (");
			expr(b, c->where_clause);
			sb_putc(b, ')');
		}
		break;
	case CONSTR_FOREIGN:
		if (!column) {
			sb_puts(b, "FOREIGN KEY ");
			paren_names(b, c->fk_attrs);
			sb_putc(b, ' ');
		}
		sb_puts(b, "REFERENCES ");
		relname(b, c->pktable);
		if (c->pk_attrs) {
			sb_putc(b, ' ');
			paren_names(b, c->pk_attrs);
		}
		if (c->fk_matchtype == FKCONSTR_MATCH_FULL)
			sb_puts(b, " MATCH FULL");
		if (c->fk_upd_action != FKCONSTR_ACTION_NOACTION) {
			sb_puts(b, " ON UPDATE ");
			sb_puts(b, fk_action(c->fk_upd_action));
		}
		if (c->fk_del_action != FKCONSTR_ACTION_NOACTION) {
			sb_puts(b, " ON DELETE ");
			sb_puts(b, fk_action(c->fk_del_action));
			if (c->fk_del_set_cols) {
				sb_putc(b, ' ');
				paren_names(b, c->fk_del_set_cols);
			}
		}
		if (c->skip_validation)
			sb_puts(b, " NOT VALID");
		break;
	}
	if (c->deferrable)
		sb_puts(b, " DEFERRABLE");
	if (c->initdeferred)
		sb_puts(b, " INITIALLY DEFERRED");
}

static void
column_def(strbuf *b, const ColumnDef *c)
{
	ident(b, c->colname);
	sb_putc(b, ' ');
	type_name(b, c->typeName);
	if (c->compression) {
		sb_puts(b, " COMPRESSION ");
		ident(b, c->compression);
	}
	for (int i = 0; i < ast_list_length(c->constraints); i++) {
		sb_putc(b, ' ');
		constraint(b, (const Constraint *)c->constraints->items[i], true);
	}
	if (c->collClause) {
		sb_puts(b, " COLLATE ");
		name_list(b, c->collClause->collname);
	}
}

static const char *
persistence_word(char p)
{
	return p == RELPERSISTENCE_TEMP ? "TEMPORARY " : p == RELPERSISTENCE_UNLOGGED ? "UNLOGGED " : "";
}

static const char *
oncommit_words(oncommit_action a)
{
	switch (a) {
	case ONCOMMIT_PRESERVE_ROWS: return " ON COMMIT PRESERVE ROWS";
	case ONCOMMIT_DELETE_ROWS: return " ON COMMIT DELETE ROWS";
	case ONCOMMIT_DROP: return " ON COMMIT DROP";
	default: return "";
	}
}

static void
create_stmt(strbuf *b, const CreateStmt *s)
{
	sb_puts(b, "CREATE ");
	sb_puts(b, persistence_word(s->relation->relpersistence));
	sb_puts(b, "TABLE ");
	if (s->if_not_exists)
		sb_puts(b, "IF NOT EXISTS ");
	relname(b, s->relation);
	sb_puts(b, " (");
	for (int i = 0; i < ast_list_length(s->tableElts); i++) {
		const ast_node *e = s->tableElts->items[i];

		if (i > 0)
			sb_puts(b, ", ");
		if (AST_IS(e, ColumnDef))
			column_def(b, (const ColumnDef *)e);
		else if (AST_IS(e, Constraint))
			constraint(b, (const Constraint *)e, false);
		else {
			const TableLikeClause *t = (const TableLikeClause *)e;
			static const struct { int bit; const char *w; } likes[] = {
				{CREATE_TABLE_LIKE_COMMENTS, "COMMENTS"},
				{CREATE_TABLE_LIKE_COMPRESSION, "COMPRESSION"},
				{CREATE_TABLE_LIKE_CONSTRAINTS, "CONSTRAINTS"},
				{CREATE_TABLE_LIKE_DEFAULTS, "DEFAULTS"},
				{CREATE_TABLE_LIKE_GENERATED, "GENERATED"},
				{CREATE_TABLE_LIKE_IDENTITY, "IDENTITY"},
				{CREATE_TABLE_LIKE_INDEXES, "INDEXES"},
				{CREATE_TABLE_LIKE_STATISTICS, "STATISTICS"},
				{CREATE_TABLE_LIKE_STORAGE, "STORAGE"},
			};

			sb_puts(b, "LIKE ");
			relname(b, t->relation);
			if (t->options == CREATE_TABLE_LIKE_ALL)
				sb_puts(b, " INCLUDING ALL");
			else
				for (size_t k = 0; k < sizeof(likes) / sizeof(likes[0]); k++)
					if (t->options & likes[k].bit) {
						sb_puts(b, " INCLUDING ");
						sb_puts(b, likes[k].w);
					}
		}
	}
	sb_putc(b, ')');
	if (s->inhRelations) {
		sb_puts(b, " INHERITS (");
		for (int i = 0; i < s->inhRelations->n; i++) {
			if (i > 0)
				sb_puts(b, ", ");
			relname(b, (const RangeVar *)s->inhRelations->items[i]);
		}
		sb_putc(b, ')');
	}
	if (s->partspec) {
		sb_puts(b, " PARTITION BY ");
		ident(b, s->partspec->strategy);
		sb_putc(b, ' ');
		index_elems(b, s->partspec->partParams);
	}
	if (s->accessMethod) {
		sb_puts(b, " USING ");
		ident(b, s->accessMethod);
	}
	if (s->options) {
		sb_puts(b, " WITH ");
		options(b, s->options, " = ");
	}
	sb_puts(b, oncommit_words(s->oncommit));
	if (s->tablespacename) {
		sb_puts(b, " TABLESPACE ");
		ident(b, s->tablespacename);
	}
}

static void
ctas(strbuf *b, const CreateTableAsStmt *s)
{
	const IntoClause *into = s->into;

	if (s->is_select_into) {
		select_stmt(b, (const SelectStmt *)s->query, into);
		return;
	}
	sb_puts(b, "CREATE ");
	if (s->objtype == OBJECT_MATVIEW)
		sb_puts(b, "MATERIALIZED VIEW ");
	else {
		sb_puts(b, persistence_word(into->rel->relpersistence));
		sb_puts(b, "TABLE ");
	}
	if (s->if_not_exists)
		sb_puts(b, "IF NOT EXISTS ");
	relname(b, into->rel);
	if (into->colNames) {
		sb_putc(b, ' ');
		paren_names(b, into->colNames);
	}
	if (into->accessMethod) {
		sb_puts(b, " USING ");
		ident(b, into->accessMethod);
	}
	if (into->options) {
		sb_puts(b, " WITH ");
		options(b, into->options, " = ");
	}
	sb_puts(b, oncommit_words(into->onCommit));
	if (into->tableSpaceName) {
		sb_puts(b, " TABLESPACE ");
		ident(b, into->tableSpaceName);
	}
	sb_puts(b, " AS ");
	stmt(b, s->query);
	if (into->skipData)
		sb_puts(b, " WITH NO DATA");
}

static const char *
object_word(object_type t)
{
	switch (t) {
	case OBJECT_TABLE: return "TABLE";
	case OBJECT_VIEW: return "VIEW";
	case OBJECT_MATVIEW: return "MATERIALIZED VIEW";
	case OBJECT_INDEX: return "INDEX";
	case OBJECT_SEQUENCE: return "SEQUENCE";
	case OBJECT_SCHEMA: return "SCHEMA";
	case OBJECT_DATABASE: return "DATABASE";
	case OBJECT_ROLE: return "ROLE";
	case OBJECT_FUNCTION: return "FUNCTION";
	case OBJECT_PROCEDURE: return "PROCEDURE";
	case OBJECT_ROUTINE: return "ROUTINE";
	case OBJECT_AGGREGATE: return "AGGREGATE";
	case OBJECT_TRIGGER: return "TRIGGER";
	case OBJECT_TYPE: return "TYPE";
	case OBJECT_DOMAIN: return "DOMAIN";
	case OBJECT_EXTENSION: return "EXTENSION";
	case OBJECT_COLUMN: return "COLUMN";
	case OBJECT_TABCONSTRAINT: return "CONSTRAINT";
	case OBJECT_LANGUAGE: return "LANGUAGE";
	case OBJECT_TABLESPACE: return "TABLESPACE";
	case OBJECT_FOREIGN_TABLE: return "FOREIGN TABLE";
	case OBJECT_COLLATION: return "COLLATION";
	}
	return "?";
}

static void
behavior(strbuf *b, drop_behavior d)
{
	if (d == DROP_CASCADE)
		sb_puts(b, " CASCADE");
}

static void
rolespec(strbuf *b, const RoleSpec *r)
{
	switch (r->roletype) {
	case ROLESPEC_CSTRING: ident(b, r->rolename); break;
	case ROLESPEC_CURRENT_ROLE: sb_puts(b, "CURRENT_ROLE"); break;
	case ROLESPEC_CURRENT_USER: sb_puts(b, "CURRENT_USER"); break;
	case ROLESPEC_SESSION_USER: sb_puts(b, "SESSION_USER"); break;
	case ROLESPEC_PUBLIC: sb_puts(b, "PUBLIC"); break;
	}
}

static void
rolespec_list(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		if (i > 0)
			sb_puts(b, ", ");
		rolespec(b, (const RoleSpec *)l->items[i]);
	}
}

static void
func_param_type_list(strbuf *b, const ObjectWithArgs *o)
{
	name_list(b, o->objname);
	if (o->args_unspecified)
		return;
	sb_putc(b, '(');
	for (int i = 0; i < ast_list_length(o->objargs); i++) {
		if (i > 0)
			sb_puts(b, ", ");
		type_name(b, (const TypeName *)o->objargs->items[i]);
	}
	sb_putc(b, ')');
}

static void
alter_table_cmd(strbuf *b, const AlterTableCmd *c)
{
	switch (c->subtype) {
	case AT_AddColumn:
		sb_puts(b, c->missing_ok ? "ADD COLUMN IF NOT EXISTS " : "ADD COLUMN ");
		column_def(b, (const ColumnDef *)c->def);
		return;
	case AT_AddConstraint:
		sb_puts(b, "ADD ");
		constraint(b, (const Constraint *)c->def, false);
		return;
	case AT_DropColumn:
	case AT_DropConstraint:
		sb_puts(b, c->subtype == AT_DropColumn ? "DROP COLUMN " : "DROP CONSTRAINT ");
		if (c->missing_ok)
			sb_puts(b, "IF EXISTS ");
		ident(b, c->name);
		behavior(b, c->behavior);
		return;
	case AT_ValidateConstraint:
		sb_puts(b, "VALIDATE CONSTRAINT ");
		ident(b, c->name);
		return;
	case AT_SetRelOptions:
	case AT_ResetRelOptions:
		if (c->name) {
			sb_puts(b, "ALTER COLUMN ");
			ident(b, c->name);
			sb_putc(b, ' ');
		}
		sb_puts(b, c->subtype == AT_SetRelOptions ? "SET " : "RESET ");
		options(b, (const ast_list *)c->def, " = ");
		return;
	case AT_ChangeOwner:
		sb_puts(b, "OWNER TO ");
		rolespec(b, c->newowner);
		return;
	case AT_SetLogged: sb_puts(b, "SET LOGGED"); return;
	case AT_SetUnLogged: sb_puts(b, "SET UNLOGGED"); return;
	case AT_DropCluster: sb_puts(b, "SET WITHOUT CLUSTER"); return;
	case AT_ClusterOn:
		sb_puts(b, "CLUSTER ON ");
		ident(b, c->name);
		return;
	case AT_EnableTrig: case AT_DisableTrig:
		sb_puts(b, c->subtype == AT_EnableTrig ? "ENABLE TRIGGER " : "DISABLE TRIGGER ");
		ident(b, c->name);
		return;
	case AT_EnableTrigAll: sb_puts(b, "ENABLE TRIGGER ALL"); return;
	case AT_DisableTrigAll: sb_puts(b, "DISABLE TRIGGER ALL"); return;
	case AT_EnableTrigUser: sb_puts(b, "ENABLE TRIGGER USER"); return;
	case AT_DisableTrigUser: sb_puts(b, "DISABLE TRIGGER USER"); return;
	case AT_EnableRowSecurity: sb_puts(b, "ENABLE ROW LEVEL SECURITY"); return;
	case AT_DisableRowSecurity: sb_puts(b, "DISABLE ROW LEVEL SECURITY"); return;
	case AT_ReplicaIdentity: {
		const char *w = ((const String *)c->def)->sval;

		sb_puts(b, "REPLICA IDENTITY ");
		if (strcmp(w, "index") == 0) {
			sb_puts(b, "USING INDEX ");
			ident(b, c->name);
		} else if (strcmp(w, "default") == 0)
			sb_puts(b, "DEFAULT");
		else if (strcmp(w, "full") == 0)
			sb_puts(b, "FULL");
		else
			sb_puts(b, "NOTHING");
		return;
	}
	default:
		break;
	}
	/* ALTER COLUMN forms */
	sb_puts(b, "ALTER COLUMN ");
	ident(b, c->name);
	switch (c->subtype) {
	case AT_ColumnDefault:
		if (c->def) {
			sb_puts(b, " SET DEFAULT ");
			expr(b, c->def);
		} else
			sb_puts(b, " DROP DEFAULT");
		break;
	case AT_DropNotNull: sb_puts(b, " DROP NOT NULL"); break;
	case AT_SetNotNull: sb_puts(b, " SET NOT NULL"); break;
	case AT_DropExpression:
		sb_puts(b, c->missing_ok ? " DROP EXPRESSION IF EXISTS" : " DROP EXPRESSION");
		break;
	case AT_DropIdentity:
		sb_puts(b, c->missing_ok ? " DROP IDENTITY IF EXISTS" : " DROP IDENTITY");
		break;
	case AT_SetStatistics:
		sb_puts(b, " SET STATISTICS ");
		def_arg(b, c->def);
		break;
	case AT_SetStorage:
		sb_puts(b, " SET STORAGE ");
		ident(b, ((const String *)c->def)->sval);
		break;
	case AT_AddIdentity:
		sb_puts(b, " ADD ");
		constraint(b, (const Constraint *)c->def, true);
		break;
	case AT_SetIdentity: {
		const ast_list *l = (const ast_list *)c->def;

		for (int i = 0; i < ast_list_length(l); i++) {
			const DefElem *d = (const DefElem *)l->items[i];

			if (strcmp(d->defname, "generated") == 0) {
				sb_puts(b, ((const Integer *)d->arg)->ival == ATTRIBUTE_IDENTITY_ALWAYS
				               ? " SET GENERATED ALWAYS" : " SET GENERATED BY DEFAULT");
			} else if (strcmp(d->defname, "restart") == 0) {
				strbuf o;

				sb_init(&o, 32);
				seq_options(&o, ast_list_make1((ast_node *)d));
				sb_putc(b, ' ');
				sb_puts(b, o.s);
			} else {
				strbuf o;

				sb_init(&o, 32);
				seq_options(&o, ast_list_make1((ast_node *)d));
				sb_puts(b, " SET ");
				sb_puts(b, o.s);
			}
		}
		break;
	}
	case AT_AlterColumnType: {
		const ColumnDef *cd = (const ColumnDef *)c->def;

		sb_puts(b, " TYPE ");
		type_name(b, cd->typeName);
		if (cd->collClause) {
			sb_puts(b, " COLLATE ");
			name_list(b, cd->collClause->collname);
		}
		if (cd->raw_default) {
			sb_puts(b, " USING ");
			expr(b, cd->raw_default);
		}
		break;
	}
	default:
		ph_internal("cannot deparse ALTER TABLE action %d", c->subtype);
	}
}

static void
function_parameters(strbuf *b, const ast_list *params, bool table_cols)
{
	bool first = true;

	for (int i = 0; i < ast_list_length(params); i++) {
		const FunctionParameter *p = (const FunctionParameter *)params->items[i];

		if ((p->mode == FUNC_PARAM_TABLE) != table_cols)
			continue;
		if (!first)
			sb_puts(b, ", ");
		first = false;
		switch (p->mode) {
		case FUNC_PARAM_IN: sb_puts(b, "IN "); break;
		case FUNC_PARAM_OUT: sb_puts(b, "OUT "); break;
		case FUNC_PARAM_INOUT: sb_puts(b, "INOUT "); break;
		case FUNC_PARAM_VARIADIC: sb_puts(b, "VARIADIC "); break;
		default: break;
		}
		if (p->name) {
			ident(b, p->name);
			sb_putc(b, ' ');
		}
		type_name(b, p->argType);
		if (p->defexpr) {
			sb_puts(b, " DEFAULT ");
			expr(b, p->defexpr);
		}
	}
}

static void
var_set(strbuf *b, const VariableSetStmt *v, bool with_set);

static void
function_options(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		const DefElem *d = (const DefElem *)l->items[i];
		const char *n = d->defname;

		sb_putc(b, ' ');
		if (strcmp(n, "as") == 0) {
			const ast_list *as = (const ast_list *)d->arg;

			sb_puts(b, "AS ");
			literal(b, ast_strval(as->items[0]));
			if (as->n > 1) {
				sb_puts(b, ", ");
				literal(b, ast_strval(as->items[1]));
			}
		} else if (strcmp(n, "language") == 0) {
			sb_puts(b, "LANGUAGE ");
			ident(b, ((const String *)d->arg)->sval);
		} else if (strcmp(n, "volatility") == 0) {
			const char *v = ((const String *)d->arg)->sval;

			sb_puts(b, v[0] == 'i' ? "IMMUTABLE" : v[0] == 's' ? "STABLE" : "VOLATILE");
		} else if (strcmp(n, "strict") == 0)
			sb_puts(b, ((const Boolean *)d->arg)->boolval ? "STRICT" : "CALLED ON NULL INPUT");
		else if (strcmp(n, "security") == 0)
			sb_puts(b, ((const Boolean *)d->arg)->boolval ? "SECURITY DEFINER"
			                                              : "SECURITY INVOKER");
		else if (strcmp(n, "leakproof") == 0)
			sb_puts(b, ((const Boolean *)d->arg)->boolval ? "LEAKPROOF" : "NOT LEAKPROOF");
		else if (strcmp(n, "cost") == 0 || strcmp(n, "rows") == 0) {
			sb_puts(b, n[0] == 'c' ? "COST " : "ROWS ");
			def_arg(b, d->arg);
		} else if (strcmp(n, "support") == 0) {
			sb_puts(b, "SUPPORT ");
			name_list(b, (const ast_list *)d->arg);
		} else if (strcmp(n, "parallel") == 0) {
			sb_puts(b, "PARALLEL ");
			ident(b, ((const String *)d->arg)->sval);
		} else if (strcmp(n, "window") == 0)
			sb_puts(b, "WINDOW");
		else if (strcmp(n, "set") == 0)
			var_set(b, (const VariableSetStmt *)d->arg, true);
	}
}

static void
transaction_modes(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		const DefElem *d = (const DefElem *)l->items[i];

		sb_puts(b, i > 0 ? ", " : " ");
		if (strcmp(d->defname, "transaction_isolation") == 0) {
			sb_puts(b, "ISOLATION LEVEL ");
			for (const char *p = ((const String *)d->arg)->sval; *p; p++)
				sb_putc(b, (*p >= 'a' && *p <= 'z') ? (char)(*p - 32) : *p);
		} else if (strcmp(d->defname, "transaction_read_only") == 0)
			sb_puts(b, ((const Boolean *)d->arg)->boolval ? "READ ONLY" : "READ WRITE");
		else
			sb_puts(b, ((const Boolean *)d->arg)->boolval ? "DEFERRABLE" : "NOT DEFERRABLE");
	}
}

/* a setting name such as a.b, quoted part by part */
static void
dotted_name(strbuf *b, const char *name)
{
	for (const char *p = name, *dot; p; p = dot ? dot + 1 : NULL) {
		dot = strchr(p, '.');
		ident(b, dot ? pstrndup(p, (size_t)(dot - p)) : p);
		if (dot)
			sb_putc(b, '.');
	}
}

static void
var_set(strbuf *b, const VariableSetStmt *v, bool with_set)
{
	switch (v->kind) {
	case VAR_RESET:
		sb_puts(b, "RESET ");
		dotted_name(b, v->name);
		return;
	case VAR_RESET_ALL:
		sb_puts(b, "RESET ALL");
		return;
	default:
		break;
	}
	if (with_set)
		sb_puts(b, v->is_local ? "SET LOCAL " : "SET ");
	if (v->kind == VAR_SET_MULTI) {
		sb_puts(b, strcmp(v->name, "TRANSACTION") == 0 ? "TRANSACTION"
		                                               : "SESSION CHARACTERISTICS AS TRANSACTION");
		transaction_modes(b, v->args);
		return;
	}
	dotted_name(b, v->name);
	if (v->kind == VAR_SET_VALUE && strcmp(v->name, "timezone") == 0 &&
	    ast_list_length(v->args) == 1 && AST_IS(v->args->items[0], TypeCast)) {
		/* SET TIME ZONE INTERVAL '...' [fields]: the literal in its typed form */
		const TypeCast *c = (const TypeCast *)v->args->items[0];
		const ast_list *mods = c->typeName->typmods;
		int m = ast_list_length(mods) > 0 ? ((const A_Const *)mods->items[0])->ival : 0;

		b->len -= (int)strlen(v->name);
		b->s[b->len] = '\0';
		sb_puts(b, "TIME ZONE INTERVAL");
		if (ast_list_length(mods) == 2 && m == INTERVAL_FULL_RANGE)
			sb_printf(b, "(%d)", ((const A_Const *)mods->items[1])->ival);
		sb_putc(b, ' ');
		literal(b, ((const A_Const *)c->arg)->sval);
		if (mods != NULL && m != INTERVAL_FULL_RANGE) {
			sb_printf(b, " %s", interval_fields(m));
			if (mods->n == 2)
				sb_printf(b, "(%d)", ((const A_Const *)mods->items[1])->ival);
		}
		return;
	}
	if (v->kind == VAR_SET_DEFAULT)
		sb_puts(b, " TO DEFAULT");
	else if (v->kind == VAR_SET_CURRENT)
		sb_puts(b, " FROM CURRENT");
	else {
		sb_puts(b, " TO ");
		expr_list(b, v->args);
	}
}

static void
copy_stmt(strbuf *b, const CopyStmt *s)
{
	sb_puts(b, "COPY ");
	if (s->query) {
		sb_putc(b, '(');
		stmt(b, s->query);
		sb_putc(b, ')');
	} else {
		relname(b, s->relation);
		if (s->attlist) {
			sb_putc(b, ' ');
			paren_names(b, s->attlist);
		}
	}
	sb_puts(b, s->is_from ? " FROM " : " TO ");
	if (s->is_program)
		sb_puts(b, "PROGRAM ");
	if (s->filename)
		literal(b, s->filename);
	else
		sb_puts(b, s->is_from ? "STDIN" : "STDOUT");
	if (s->options) {
		sb_puts(b, " WITH ");
		options(b, s->options, " ");
	}
	where(b, s->whereClause);
}

static void
trigger_stmt(strbuf *b, const CreateTrigStmt *s)
{
	static const struct { int bit; const char *w; } ev[] = {
		{TRIGGER_TYPE_INSERT, "INSERT"}, {TRIGGER_TYPE_DELETE, "DELETE"},
		{TRIGGER_TYPE_UPDATE, "UPDATE"}, {TRIGGER_TYPE_TRUNCATE, "TRUNCATE"},
	};
	bool first = true;

	sb_puts(b, s->replace ? "CREATE OR REPLACE " : "CREATE ");
	if (s->isconstraint)
		sb_puts(b, "CONSTRAINT ");
	sb_puts(b, "TRIGGER ");
	ident(b, s->trigname);
	sb_puts(b, s->timing == TRIGGER_TYPE_BEFORE ? " BEFORE " : s->timing == TRIGGER_TYPE_INSTEAD
	                                                             ? " INSTEAD OF " : " AFTER ");
	for (size_t i = 0; i < sizeof(ev) / sizeof(ev[0]); i++)
		if (s->events & ev[i].bit) {
			if (!first)
				sb_puts(b, " OR ");
			first = false;
			sb_puts(b, ev[i].w);
			if (ev[i].bit == TRIGGER_TYPE_UPDATE && s->columns) {
				sb_puts(b, " OF ");
				for (int k = 0; k < s->columns->n; k++) {
					if (k > 0)
						sb_puts(b, ", ");
					ident(b, ast_strval(s->columns->items[k]));
				}
			}
		}
	sb_puts(b, " ON ");
	relname(b, s->relation);
	if (s->deferrable)
		sb_puts(b, " DEFERRABLE");
	if (s->initdeferred)
		sb_puts(b, " INITIALLY DEFERRED");
	sb_puts(b, s->row ? " FOR EACH ROW" : " FOR EACH STATEMENT");
	if (s->whenClause) {
		sb_puts(b, " WHEN (");
		expr(b, s->whenClause);
		sb_putc(b, ')');
	}
	if (s->funcname == NULL) {
		sb_puts(b, " BEGIN");
		for (int i = 0; i < ast_list_length(s->body); i++) {
			sb_putc(b, ' ');
			stmt(b, s->body->items[i]);
			sb_putc(b, ';');
		}
		sb_puts(b, " END");
		return;
	}
	sb_puts(b, " EXECUTE FUNCTION ");
	name_list(b, s->funcname);
	sb_putc(b, '(');
	for (int i = 0; i < ast_list_length(s->args); i++) {
		if (i > 0)
			sb_puts(b, ", ");
		literal(b, ast_strval(s->args->items[i]));
	}
	sb_putc(b, ')');
}

static void
grant_stmt(strbuf *b, const GrantStmt *g)
{
	sb_puts(b, g->is_grant ? "GRANT " : "REVOKE ");
	if (!g->is_grant && g->grant_option)
		sb_puts(b, "GRANT OPTION FOR ");
	if (g->privileges == NULL)
		sb_puts(b, "ALL PRIVILEGES");
	for (int i = 0; i < ast_list_length(g->privileges); i++) {
		const AccessPriv *p = (const AccessPriv *)g->privileges->items[i];

		if (i > 0)
			sb_puts(b, ", ");
		if (p->priv_name == NULL)
			sb_puts(b, "ALL PRIVILEGES");
		else
			upper_word(b, p->priv_name);
		if (p->cols) {
			sb_putc(b, ' ');
			paren_names(b, p->cols);
		}
	}
	sb_puts(b, " ON ");
	if (g->targtype == ACL_TARGET_ALL_IN_SCHEMA) {
		sb_puts(b, g->objtype == OBJECT_TABLE ? "ALL TABLES" : g->objtype == OBJECT_SEQUENCE
		           ? "ALL SEQUENCES" : g->objtype == OBJECT_FUNCTION ? "ALL FUNCTIONS"
		           : g->objtype == OBJECT_PROCEDURE ? "ALL PROCEDURES" : "ALL ROUTINES");
		sb_puts(b, " IN SCHEMA ");
	} else {
		sb_puts(b, object_word(g->objtype));
		sb_putc(b, ' ');
	}
	for (int i = 0; i < ast_list_length(g->objects); i++) {
		const ast_node *o = g->objects->items[i];

		if (i > 0)
			sb_puts(b, ", ");
		if (AST_IS(o, RangeVar))
			relname(b, (const RangeVar *)o);
		else if (AST_IS(o, ObjectWithArgs))
			func_param_type_list(b, (const ObjectWithArgs *)o);
		else if (AST_IS(o, String))
			ident(b, ((const String *)o)->sval);
		else
			name_list(b, (const ast_list *)o);
	}
	sb_puts(b, g->is_grant ? " TO " : " FROM ");
	rolespec_list(b, g->grantees);
	if (g->is_grant && g->grant_option)
		sb_puts(b, " WITH GRANT OPTION");
	if (g->grantor) {
		sb_puts(b, " GRANTED BY ");
		rolespec(b, g->grantor);
	}
	behavior(b, g->behavior);
}

static void
role_options(strbuf *b, const ast_list *l)
{
	for (int i = 0; i < ast_list_length(l); i++) {
		const DefElem *d = (const DefElem *)l->items[i];
		const char *n = d->defname;
		static const struct { const char *name, *yes, *no; } flags[] = {
			{"superuser", "SUPERUSER", "NOSUPERUSER"}, {"createrole", "CREATEROLE", "NOCREATEROLE"},
			{"createdb", "CREATEDB", "NOCREATEDB"}, {"canlogin", "LOGIN", "NOLOGIN"},
			{"isreplication", "REPLICATION", "NOREPLICATION"},
			{"bypassrls", "BYPASSRLS", "NOBYPASSRLS"}, {"inherit", "INHERIT", "NOINHERIT"},
		};
		bool done = false;

		sb_putc(b, ' ');
		for (size_t k = 0; k < sizeof(flags) / sizeof(flags[0]); k++)
			if (strcmp(n, flags[k].name) == 0) {
				sb_puts(b, ((const Boolean *)d->arg)->boolval ? flags[k].yes : flags[k].no);
				done = true;
			}
		if (done)
			continue;
		if (strcmp(n, "password") == 0) {
			sb_puts(b, "PASSWORD ");
			if (d->arg)
				literal(b, ((const String *)d->arg)->sval);
			else
				sb_puts(b, "NULL");
		} else if (strcmp(n, "connectionlimit") == 0)
			sb_printf(b, "CONNECTION LIMIT %d", ((const Integer *)d->arg)->ival);
		else if (strcmp(n, "validUntil") == 0) {
			sb_puts(b, "VALID UNTIL ");
			literal(b, ((const String *)d->arg)->sval);
		} else if (strcmp(n, "sysid") == 0)
			sb_printf(b, "SYSID %d", ((const Integer *)d->arg)->ival);
		else {
			sb_puts(b, strcmp(n, "rolemembers") == 0 ? "ROLE " : strcmp(n, "adminmembers") == 0
			           ? "ADMIN " : "IN ROLE ");
			rolespec_list(b, (const ast_list *)d->arg);
		}
	}
}

/* ---- statements --------------------------------------------------------------------------- */

static void
stmt(strbuf *b, const ast_node *n)
{
	switch (AST_TAG(n)) {
	case T_RawStmt:
		stmt(b, ((const RawStmt *)n)->stmt);
		return;
	case T_SelectStmt:
		select_stmt(b, (const SelectStmt *)n, NULL);
		return;
	case T_InsertStmt:
		insert_stmt(b, (const InsertStmt *)n);
		return;
	case T_UpdateStmt: {
		const UpdateStmt *s = (const UpdateStmt *)n;

		dml_head(b, s->withClause, "UPDATE ", s->relation);
		sb_puts(b, " SET ");
		set_targets(b, s->targetList);
		dml_tail(b, " FROM ", s->fromClause, s->whereClause, s->returningList);
		return;
	}
	case T_DeleteStmt: {
		const DeleteStmt *s = (const DeleteStmt *)n;

		dml_head(b, s->withClause, "DELETE FROM ", s->relation);
		dml_tail(b, " USING ", s->usingClause, s->whereClause, s->returningList);
		return;
	}
	case T_CreateStmt:
		create_stmt(b, (const CreateStmt *)n);
		return;
	case T_CreateTableAsStmt:
		ctas(b, (const CreateTableAsStmt *)n);
		return;
	case T_AlterTableStmt: {
		const AlterTableStmt *s = (const AlterTableStmt *)n;

		sb_puts(b, "ALTER ");
		sb_puts(b, object_word(s->objtype));
		if (s->objtype == OBJECT_SCHEMA || s->objtype == OBJECT_DATABASE) {
			const AlterTableCmd *c = (const AlterTableCmd *)s->cmds->items[0];

			sb_putc(b, ' ');
			ident(b, c->name);
			sb_puts(b, " OWNER TO ");
			rolespec(b, c->newowner);
			return;
		}
		sb_puts(b, s->missing_ok ? " IF EXISTS " : " ");
		rangevar(b, s->relation, false);
		for (int i = 0; i < s->cmds->n; i++) {
			sb_puts(b, i > 0 ? ", " : " ");
			alter_table_cmd(b, (const AlterTableCmd *)s->cmds->items[i]);
		}
		return;
	}
	case T_RenameStmt: {
		const RenameStmt *s = (const RenameStmt *)n;

		sb_puts(b, "ALTER ");
		if (s->renameType == OBJECT_COLUMN || s->renameType == OBJECT_TABCONSTRAINT)
			sb_puts(b, object_word(s->relationType));
		else
			sb_puts(b, object_word(s->renameType));
		sb_putc(b, ' ');
		if (s->renameType == OBJECT_TRIGGER) {
			ident(b, s->subname);
			sb_puts(b, " ON ");
			relname(b, s->relation);
		} else if (s->relation) {
			if (s->missing_ok)
				sb_puts(b, "IF EXISTS ");
			rangevar(b, s->relation, false);
			if (s->renameType == OBJECT_COLUMN || s->renameType == OBJECT_TABCONSTRAINT) {
				sb_puts(b, s->renameType == OBJECT_COLUMN ? " RENAME COLUMN " : " RENAME CONSTRAINT ");
				ident(b, s->subname);
				sb_puts(b, " TO ");
				ident(b, s->newname);
				return;
			}
		} else if (s->object)
			func_param_type_list(b, (const ObjectWithArgs *)s->object);
		else
			ident(b, s->subname);
		sb_puts(b, " RENAME TO ");
		ident(b, s->newname);
		return;
	}
	case T_AlterObjectSchemaStmt: {
		const AlterObjectSchemaStmt *s = (const AlterObjectSchemaStmt *)n;

		sb_puts(b, "ALTER ");
		sb_puts(b, object_word(s->objectType));
		sb_puts(b, s->missing_ok ? " IF EXISTS " : " ");
		if (s->relation)
			rangevar(b, s->relation, false);
		else
			func_param_type_list(b, (const ObjectWithArgs *)s->object);
		sb_puts(b, " SET SCHEMA ");
		ident(b, s->newschema);
		return;
	}
	case T_DropStmt: {
		const DropStmt *s = (const DropStmt *)n;

		sb_puts(b, "DROP ");
		sb_puts(b, object_word(s->removeType));
		if (s->concurrent)
			sb_puts(b, " CONCURRENTLY");
		if (s->missing_ok)
			sb_puts(b, " IF EXISTS");
		for (int i = 0; i < s->objects->n; i++) {
			const ast_node *o = s->objects->items[i];

			sb_puts(b, i > 0 ? ", " : " ");
			if (AST_IS(o, ObjectWithArgs))
				func_param_type_list(b, (const ObjectWithArgs *)o);
			else if (s->removeType == OBJECT_TRIGGER && ((const ast_list *)o)->n > 1) {
				const ast_list *l = (const ast_list *)o;

				ident(b, ast_strval(l->items[l->n - 1]));
				sb_puts(b, " ON ");
				for (int k = 0; k < l->n - 1; k++) {
					if (k > 0)
						sb_putc(b, '.');
					ident(b, ast_strval(l->items[k]));
				}
			} else
				name_list(b, (const ast_list *)o);
		}
		behavior(b, s->behavior);
		return;
	}
	case T_TruncateStmt: {
		const TruncateStmt *s = (const TruncateStmt *)n;

		sb_puts(b, "TRUNCATE TABLE ");
		for (int i = 0; i < s->relations->n; i++) {
			if (i > 0)
				sb_puts(b, ", ");
			rangevar(b, (const RangeVar *)s->relations->items[i], false);
		}
		if (s->restart_seqs)
			sb_puts(b, " RESTART IDENTITY");
		behavior(b, s->behavior);
		return;
	}
	case T_IndexStmt: {
		const IndexStmt *s = (const IndexStmt *)n;

		sb_puts(b, s->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
		if (s->concurrent)
			sb_puts(b, "CONCURRENTLY ");
		if (s->if_not_exists)
			sb_puts(b, "IF NOT EXISTS ");
		if (s->idxname) {
			ident(b, s->idxname);
			sb_putc(b, ' ');
		}
		sb_puts(b, "ON ");
		rangevar(b, s->relation, false);
		sb_puts(b, " USING ");
		ident(b, s->accessMethod);
		sb_putc(b, ' ');
		index_elems(b, s->indexParams);
		if (s->indexIncludingParams) {
			sb_puts(b, " INCLUDE ");
			index_elems(b, s->indexIncludingParams);
		}
		if (s->nulls_not_distinct)
			sb_puts(b, " NULLS NOT DISTINCT");
		if (s->options) {
			sb_puts(b, " WITH ");
			options(b, s->options, " = ");
		}
		if (s->tableSpace) {
			sb_puts(b, " TABLESPACE ");
			ident(b, s->tableSpace);
		}
		where(b, s->whereClause);
		return;
	}
	case T_ReindexStmt: {
		const ReindexStmt *s = (const ReindexStmt *)n;
		static const char *const w[] = {"INDEX", "TABLE", "SCHEMA", "SYSTEM", "DATABASE", ""};
		bool concurrently = false;
		ast_list *params = NULL;

		for (int i = 0; i < ast_list_length(s->params); i++) {
			const DefElem *d = (const DefElem *)s->params->items[i];

			if (strcmp(d->defname, "concurrently") == 0 && d->arg == NULL &&
			    s->kind != REINDEX_OBJECT_ANY)
				concurrently = true;
			else
				params = ast_list_append(params, (void *)d);
		}
		sb_puts(b, "REINDEX ");
		if (params) {
			options(b, params, " ");
			sb_putc(b, ' ');
		}
		if (s->kind != REINDEX_OBJECT_ANY) {
			sb_puts(b, w[s->kind]);
			sb_putc(b, ' ');
		}
		if (concurrently)
			sb_puts(b, "CONCURRENTLY ");
		if (s->relation)
			relname(b, s->relation);
		else if (s->name)
			ident(b, s->name);
		return;
	}
	case T_ViewStmt: {
		const ViewStmt *s = (const ViewStmt *)n;

		sb_puts(b, s->replace ? "CREATE OR REPLACE " : "CREATE ");
		if (s->view->relpersistence == RELPERSISTENCE_TEMP)
			sb_puts(b, "TEMPORARY ");
		sb_puts(b, "VIEW ");
		relname(b, s->view);
		if (s->aliases) {
			sb_putc(b, ' ');
			paren_names(b, s->aliases);
		}
		if (s->options) {
			sb_puts(b, " WITH ");
			options(b, s->options, " = ");
		}
		sb_puts(b, " AS ");
		stmt(b, s->query);
		if (s->withCheckOption == VIEW_CHECK_LOCAL)
			sb_puts(b, " WITH LOCAL CHECK OPTION");
		else if (s->withCheckOption == VIEW_CHECK_CASCADED)
			sb_puts(b, " WITH CASCADED CHECK OPTION");
		return;
	}
	case T_RefreshMatViewStmt: {
		const RefreshMatViewStmt *s = (const RefreshMatViewStmt *)n;

		sb_puts(b, s->concurrent ? "REFRESH MATERIALIZED VIEW CONCURRENTLY "
		                         : "REFRESH MATERIALIZED VIEW ");
		relname(b, s->relation);
		if (s->skipData)
			sb_puts(b, " WITH NO DATA");
		return;
	}
	case T_CreateSeqStmt:
	case T_AlterSeqStmt: {
		bool create = AST_TAG(n) == T_CreateSeqStmt;
		const CreateSeqStmt *cs = (const CreateSeqStmt *)n;
		const AlterSeqStmt *as = (const AlterSeqStmt *)n;
		const RangeVar *seq = create ? cs->sequence : as->sequence;
		strbuf o;

		if (create) {
			sb_puts(b, "CREATE ");
			sb_puts(b, persistence_word(seq->relpersistence));
			sb_puts(b, cs->if_not_exists ? "SEQUENCE IF NOT EXISTS " : "SEQUENCE ");
		} else
			sb_puts(b, as->missing_ok ? "ALTER SEQUENCE IF EXISTS " : "ALTER SEQUENCE ");
		relname(b, seq);
		sb_init(&o, 64);
		seq_options(&o, create ? cs->options : as->options);
		if (o.len > 0)
			sb_putc(b, ' ');
		sb_puts(b, o.s);
		return;
	}
	case T_CreateSchemaStmt: {
		const CreateSchemaStmt *s = (const CreateSchemaStmt *)n;

		sb_puts(b, s->if_not_exists ? "CREATE SCHEMA IF NOT EXISTS" : "CREATE SCHEMA");
		if (s->schemaname) {
			sb_putc(b, ' ');
			ident(b, s->schemaname);
		}
		if (s->authrole) {
			sb_puts(b, " AUTHORIZATION ");
			rolespec(b, s->authrole);
		}
		for (int i = 0; i < ast_list_length(s->schemaElts); i++) {
			sb_putc(b, ' ');
			stmt(b, s->schemaElts->items[i]);
		}
		return;
	}
	case T_CreatedbStmt: {
		const CreatedbStmt *s = (const CreatedbStmt *)n;

		sb_puts(b, "CREATE DATABASE ");
		ident(b, s->dbname);
		for (int i = 0; i < ast_list_length(s->options); i++) {
			const DefElem *d = (const DefElem *)s->options->items[i];

			sb_putc(b, ' ');
			if (strcmp(d->defname, "connection_limit") == 0)
				sb_puts(b, "CONNECTION LIMIT");
			else
				upper_word(b, d->defname);
			sb_puts(b, " = ");
			if (d->arg)
				def_arg(b, d->arg);
			else
				sb_puts(b, "DEFAULT");
		}
		return;
	}
	case T_DropdbStmt: {
		const DropdbStmt *s = (const DropdbStmt *)n;

		sb_puts(b, s->missing_ok ? "DROP DATABASE IF EXISTS " : "DROP DATABASE ");
		ident(b, s->dbname);
		if (s->options)
			sb_puts(b, " WITH (FORCE)");
		return;
	}
	case T_CreateRoleStmt: {
		const CreateRoleStmt *s = (const CreateRoleStmt *)n;

		sb_puts(b, s->stmt_type == ROLESTMT_USER ? "CREATE USER " : s->stmt_type == ROLESTMT_GROUP
		           ? "CREATE GROUP " : "CREATE ROLE ");
		ident(b, s->role);
		if (s->options)
			sb_puts(b, " WITH");
		role_options(b, s->options);
		return;
	}
	case T_AlterRoleStmt: {
		const AlterRoleStmt *s = (const AlterRoleStmt *)n;

		sb_puts(b, "ALTER ROLE ");
		rolespec(b, s->role);
		if (s->database) {
			sb_puts(b, " IN DATABASE ");
			ident(b, s->database);
		}
		if (s->setstmt) {
			sb_putc(b, ' ');
			var_set(b, (const VariableSetStmt *)s->setstmt, true);
			return;
		}
		if (s->options)
			sb_puts(b, " WITH");
		role_options(b, s->options);
		return;
	}
	case T_DropRoleStmt: {
		const DropRoleStmt *s = (const DropRoleStmt *)n;

		sb_puts(b, s->missing_ok ? "DROP ROLE IF EXISTS " : "DROP ROLE ");
		rolespec_list(b, s->roles);
		return;
	}
	case T_GrantStmt:
		grant_stmt(b, (const GrantStmt *)n);
		return;
	case T_GrantRoleStmt: {
		const GrantRoleStmt *s = (const GrantRoleStmt *)n;

		sb_puts(b, s->is_grant ? "GRANT " : "REVOKE ");
		if (!s->is_grant && s->admin_opt)
			sb_puts(b, "ADMIN OPTION FOR ");
		for (int i = 0; i < s->granted_roles->n; i++) {
			if (i > 0)
				sb_puts(b, ", ");
			ident(b, ((const AccessPriv *)s->granted_roles->items[i])->priv_name);
		}
		sb_puts(b, s->is_grant ? " TO " : " FROM ");
		rolespec_list(b, s->grantee_roles);
		if (s->is_grant && s->admin_opt)
			sb_puts(b, " WITH ADMIN OPTION");
		if (s->grantor) {
			sb_puts(b, " GRANTED BY ");
			rolespec(b, s->grantor);
		}
		behavior(b, s->behavior);
		return;
	}
	case T_CommentStmt: {
		const CommentStmt *s = (const CommentStmt *)n;

		sb_puts(b, "COMMENT ON ");
		sb_puts(b, object_word(s->objtype));
		sb_putc(b, ' ');
		if (AST_IS(s->object, ObjectWithArgs))
			func_param_type_list(b, (const ObjectWithArgs *)s->object);
		else if (s->objtype == OBJECT_TABCONSTRAINT || s->objtype == OBJECT_TRIGGER) {
			const ast_list *l = (const ast_list *)s->object;

			ident(b, ast_strval(l->items[l->n - 1]));
			sb_puts(b, " ON ");
			for (int k = 0; k < l->n - 1; k++) {
				if (k > 0)
					sb_putc(b, '.');
				ident(b, ast_strval(l->items[k]));
			}
		} else
			name_list(b, (const ast_list *)s->object);
		sb_puts(b, " IS ");
		if (s->comment)
			literal(b, s->comment);
		else
			sb_puts(b, "NULL");
		return;
	}
	case T_CreateFunctionStmt: {
		const CreateFunctionStmt *s = (const CreateFunctionStmt *)n;
		bool table = false;

		sb_puts(b, s->replace ? "CREATE OR REPLACE " : "CREATE ");
		sb_puts(b, s->is_procedure ? "PROCEDURE " : "FUNCTION ");
		name_list(b, s->funcname);
		sb_putc(b, '(');
		function_parameters(b, s->parameters, false);
		sb_putc(b, ')');
		for (int i = 0; i < ast_list_length(s->parameters); i++)
			if (((const FunctionParameter *)s->parameters->items[i])->mode == FUNC_PARAM_TABLE)
				table = true;
		if (table) {
			sb_puts(b, " RETURNS TABLE (");
			function_parameters(b, s->parameters, true);
			sb_putc(b, ')');
		} else if (s->returnType) {
			sb_puts(b, " RETURNS ");
			type_name(b, s->returnType);
		}
		function_options(b, s->options);
		if (s->sql_body) {
			if (AST_IS(s->sql_body, List)) {
				const ast_list *l = (const ast_list *)s->sql_body;

				sb_puts(b, " BEGIN ATOMIC");
				for (int i = 0; i < l->n; i++) {
					sb_putc(b, ' ');
					stmt(b, l->items[i]);
					sb_putc(b, ';');
				}
				sb_puts(b, " END");
			} else {
				sb_puts(b, " RETURN ");
				expr(b, s->sql_body);
			}
		}
		return;
	}
	case T_CallStmt:
		sb_puts(b, "CALL ");
		func_call(b, ((const CallStmt *)n)->funccall);
		return;
	case T_DoStmt: {
		const ast_list *l = ((const DoStmt *)n)->args;

		sb_puts(b, "DO");
		for (int i = 0; i < l->n; i++) {
			const DefElem *d = (const DefElem *)l->items[i];

			if (strcmp(d->defname, "language") == 0) {
				sb_puts(b, " LANGUAGE ");
				ident(b, ((const String *)d->arg)->sval);
			} else {
				sb_putc(b, ' ');
				literal(b, ((const String *)d->arg)->sval);
			}
		}
		return;
	}
	case T_CreateTrigStmt:
		trigger_stmt(b, (const CreateTrigStmt *)n);
		return;
	case T_TransactionStmt: {
		const TransactionStmt *s = (const TransactionStmt *)n;

		switch (s->kind) {
		case TRANS_STMT_BEGIN:
		case TRANS_STMT_START:
			sb_puts(b, s->kind == TRANS_STMT_BEGIN ? "BEGIN" : "START TRANSACTION");
			transaction_modes(b, s->options);
			break;
		case TRANS_STMT_COMMIT:
		case TRANS_STMT_ROLLBACK:
			sb_puts(b, s->kind == TRANS_STMT_COMMIT ? "COMMIT" : "ROLLBACK");
			if (s->chain)
				sb_puts(b, " AND CHAIN");
			break;
		case TRANS_STMT_SAVEPOINT:
		case TRANS_STMT_RELEASE:
		case TRANS_STMT_ROLLBACK_TO:
			sb_puts(b, s->kind == TRANS_STMT_SAVEPOINT ? "SAVEPOINT " : s->kind == TRANS_STMT_RELEASE
			           ? "RELEASE SAVEPOINT " : "ROLLBACK TO SAVEPOINT ");
			ident(b, s->savepoint_name);
			break;
		case TRANS_STMT_PREPARE:
		case TRANS_STMT_COMMIT_PREPARED:
		case TRANS_STMT_ROLLBACK_PREPARED:
			sb_puts(b, s->kind == TRANS_STMT_PREPARE ? "PREPARE TRANSACTION " : s->kind ==
			           TRANS_STMT_COMMIT_PREPARED ? "COMMIT PREPARED " : "ROLLBACK PREPARED ");
			literal(b, s->gid);
			break;
		}
		return;
	}
	case T_VariableSetStmt:
		var_set(b, (const VariableSetStmt *)n, true);
		return;
	case T_VariableShowStmt: {
		const char *name = ((const VariableShowStmt *)n)->name;

		sb_puts(b, "SHOW ");
		if (strcmp(name, "all") == 0)
			sb_puts(b, "ALL");
		else
			dotted_name(b, name);
		return;
	}
	case T_PrepareStmt: {
		const PrepareStmt *s = (const PrepareStmt *)n;

		sb_puts(b, "PREPARE ");
		ident(b, s->name);
		if (s->argtypes) {
			sb_puts(b, " (");
			for (int i = 0; i < s->argtypes->n; i++) {
				if (i > 0)
					sb_puts(b, ", ");
				type_name(b, (const TypeName *)s->argtypes->items[i]);
			}
			sb_putc(b, ')');
		}
		sb_puts(b, " AS ");
		stmt(b, s->query);
		return;
	}
	case T_ExecuteStmt: {
		const ExecuteStmt *s = (const ExecuteStmt *)n;

		sb_puts(b, "EXECUTE ");
		ident(b, s->name);
		if (s->params) {
			sb_puts(b, " (");
			expr_list(b, s->params);
			sb_putc(b, ')');
		}
		return;
	}
	case T_DeallocateStmt: {
		const DeallocateStmt *s = (const DeallocateStmt *)n;

		sb_puts(b, "DEALLOCATE ");
		if (s->name)
			ident(b, s->name);
		else
			sb_puts(b, "ALL");
		return;
	}
	case T_LockStmt: {
		const LockStmt *s = (const LockStmt *)n;
		static const char *const modes[] = {
			"", "ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE",
			"SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE",
		};

		sb_puts(b, "LOCK TABLE ");
		for (int i = 0; i < s->relations->n; i++) {
			if (i > 0)
				sb_puts(b, ", ");
			rangevar(b, (const RangeVar *)s->relations->items[i], false);
		}
		sb_puts(b, " IN ");
		sb_puts(b, modes[s->mode]);
		sb_puts(b, " MODE");
		if (s->nowait)
			sb_puts(b, " NOWAIT");
		return;
	}
	case T_ListenStmt:
		sb_puts(b, "LISTEN ");
		ident(b, ((const ListenStmt *)n)->conditionname);
		return;
	case T_UnlistenStmt:
		sb_puts(b, "UNLISTEN ");
		if (((const UnlistenStmt *)n)->conditionname)
			ident(b, ((const UnlistenStmt *)n)->conditionname);
		else
			sb_putc(b, '*');
		return;
	case T_NotifyStmt: {
		const NotifyStmt *s = (const NotifyStmt *)n;

		sb_puts(b, "NOTIFY ");
		ident(b, s->conditionname);
		if (s->payload) {
			sb_puts(b, ", ");
			literal(b, s->payload);
		}
		return;
	}
	case T_DiscardStmt: {
		static const char *const w[] = {"DISCARD ALL", "DISCARD PLANS", "DISCARD SEQUENCES",
		                                "DISCARD TEMP"};

		sb_puts(b, w[((const DiscardStmt *)n)->target]);
		return;
	}
	case T_CopyStmt:
		copy_stmt(b, (const CopyStmt *)n);
		return;
	case T_ExplainStmt: {
		const ExplainStmt *s = (const ExplainStmt *)n;

		sb_puts(b, "EXPLAIN ");
		if (s->options) {
			options(b, s->options, " ");
			sb_putc(b, ' ');
		}
		stmt(b, s->query);
		return;
	}
	case T_VacuumStmt: {
		const VacuumStmt *s = (const VacuumStmt *)n;

		sb_puts(b, s->is_vacuumcmd ? "VACUUM" : "ANALYZE");
		if (s->options) {
			sb_putc(b, ' ');
			options(b, s->options, " ");
		}
		for (int i = 0; i < ast_list_length(s->rels); i++) {
			const VacuumRelation *r = (const VacuumRelation *)s->rels->items[i];

			sb_puts(b, i > 0 ? ", " : " ");
			relname(b, r->relation);
			if (r->va_cols) {
				sb_putc(b, ' ');
				paren_names(b, r->va_cols);
			}
		}
		return;
	}
	case T_CheckPointStmt:
		sb_puts(b, "CHECKPOINT");
		return;
	case T_ConstraintsSetStmt: {
		const ConstraintsSetStmt *s = (const ConstraintsSetStmt *)n;

		sb_puts(b, "SET CONSTRAINTS ");
		if (s->constraints == NULL)
			sb_puts(b, "ALL");
		for (int i = 0; i < ast_list_length(s->constraints); i++) {
			if (i > 0)
				sb_puts(b, ", ");
			relname(b, (const RangeVar *)s->constraints->items[i]);
		}
		sb_puts(b, s->deferred ? " DEFERRED" : " IMMEDIATE");
		return;
	}
	case T_DeclareCursorStmt: {
		const DeclareCursorStmt *s = (const DeclareCursorStmt *)n;

		sb_puts(b, "DECLARE ");
		ident(b, s->portalname);
		if (s->options & CURSOR_OPT_BINARY)
			sb_puts(b, " BINARY");
		if (s->options & CURSOR_OPT_INSENSITIVE)
			sb_puts(b, " INSENSITIVE");
		if (s->options & CURSOR_OPT_ASENSITIVE)
			sb_puts(b, " ASENSITIVE");
		if (s->options & CURSOR_OPT_SCROLL)
			sb_puts(b, " SCROLL");
		if (s->options & CURSOR_OPT_NO_SCROLL)
			sb_puts(b, " NO SCROLL");
		sb_puts(b, " CURSOR");
		if (s->options & CURSOR_OPT_HOLD)
			sb_puts(b, " WITH HOLD");
		sb_puts(b, " FOR ");
		stmt(b, s->query);
		return;
	}
	case T_FetchStmt: {
		const FetchStmt *s = (const FetchStmt *)n;

		sb_puts(b, s->ismove ? "MOVE " : "FETCH ");
		switch (s->direction) {
		case FETCH_FORWARD:
		case FETCH_BACKWARD:
			sb_puts(b, s->direction == FETCH_FORWARD ? "FORWARD " : "BACKWARD ");
			if (s->howMany == FETCH_ALL)
				sb_puts(b, "ALL ");
			else
				sb_printf(b, "%lld ", (long long)s->howMany);
			break;
		case FETCH_ABSOLUTE:
		case FETCH_RELATIVE:
			sb_printf(b, "%s %lld ", s->direction == FETCH_ABSOLUTE ? "ABSOLUTE" : "RELATIVE",
			          (long long)s->howMany);
			break;
		}
		sb_puts(b, "FROM ");
		ident(b, s->portalname);
		return;
	}
	case T_ClosePortalStmt:
		sb_puts(b, "CLOSE ");
		if (((const ClosePortalStmt *)n)->portalname)
			ident(b, ((const ClosePortalStmt *)n)->portalname);
		else
			sb_puts(b, "ALL");
		return;
	default:
		expr(b, n);
	}
}

char *
ast_deparse(const void *n)
{
	strbuf b;

	sb_init(&b, 256);
	if (n != NULL)
		stmt(&b, n);
	return b.s;
}
