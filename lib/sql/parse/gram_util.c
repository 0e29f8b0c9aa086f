/*
 * gram_util.c — transaction control, session settings (SET/SHOW/RESET), prepared statements,
 * LOCK, COPY, EXPLAIN, VACUUM/ANALYZE, cursors and the small utility statements.
 */
#include <string.h>

#include "sql/parse/parse_int.h"
#include "util/err.h"
#include "util/mem.h"

DefElem *
gram_defelem(const char *name, ast_node *arg, int loc)
{
	DefElem *d = AST_NEW(DefElem, loc);

	d->defname = pstrdup(name);
	d->arg = arg;
	return d;
}

ast_node *
gram_boolean(bool v, int loc)
{
	Boolean *b = AST_NEW(Boolean, loc);

	b->boolval = v;
	return (ast_node *)b;
}

/* ---- transactions ------------------------------------------------------------------------- */

static DefElem *
transaction_mode(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;

	if (accept_kw(ps, KW_ISOLATION)) {
		const char *level;

		expect_kw(ps, KW_LEVEL);
		if (accept_kw(ps, KW_READ)) {
			if (accept_kw(ps, KW_UNCOMMITTED))
				level = "read uncommitted";
			else {
				expect_kw(ps, KW_COMMITTED);
				level = "read committed";
			}
		} else if (accept_kw(ps, KW_REPEATABLE)) {
			expect_kw(ps, KW_READ);
			level = "repeatable read";
		} else {
			expect_kw(ps, KW_SERIALIZABLE);
			level = "serializable";
		}
		return gram_defelem("transaction_isolation", (ast_node *)ast_string(level, loc), loc);
	}
	if (is_kw(ps, KW_READ)) {
		advance(ps);
		bool ro = accept_kw(ps, KW_ONLY);

		if (!ro)
			expect_kw(ps, KW_WRITE);
		return gram_defelem("transaction_read_only", gram_boolean(ro, loc), loc);
	}
	if (accept_kw(ps, KW_DEFERRABLE))
		return gram_defelem("transaction_deferrable", gram_boolean(true, loc), loc);
	if (is_kw(ps, KW_NOT) && peek_kw(ps, 1, KW_DEFERRABLE)) {
		advance(ps);
		advance(ps);
		return gram_defelem("transaction_deferrable", gram_boolean(false, loc), loc);
	}
	return NULL;
}

ast_list *
gram_transaction_modes(parse_state *ps)
{
	ast_list *l = NULL;
	bool after_comma = false;

	for (;;) {
		DefElem *d = transaction_mode(ps);

		if (d == NULL) {
			if (after_comma)
				parse_syntax_error(ps);
			return l;
		}
		l = ast_list_append(l, d);
		after_comma = accept_char(ps, ',');
	}
}

static void
opt_transaction(parse_state *ps)
{
	if (!accept_kw(ps, KW_WORK))
		accept_kw(ps, KW_TRANSACTION);
}

static bool
opt_chain(parse_state *ps)
{
	if (!accept_kw(ps, KW_AND))
		return false;
	if (accept_kw(ps, KW_NO)) {
		expect_kw(ps, KW_CHAIN);
		return false;
	}
	expect_kw(ps, KW_CHAIN);
	return true;
}

ast_node *
gram_transaction(parse_state *ps)
{
	const token *t = cur_tok(ps);
	TransactionStmt *s = AST_NEW(TransactionStmt, t->loc);

	advance(ps);
	switch (t->kw) {
	case KW_BEGIN:
		opt_transaction(ps);
		s->kind = TRANS_STMT_BEGIN;
		s->options = gram_transaction_modes(ps);
		break;
	case KW_START:
		expect_kw(ps, KW_TRANSACTION);
		s->kind = TRANS_STMT_START;
		s->options = gram_transaction_modes(ps);
		break;
	case KW_COMMIT:
		if (accept_kw(ps, KW_PREPARED)) {
			s->kind = TRANS_STMT_COMMIT_PREPARED;
			s->gid = gram_sconst(ps);
			break;
		}
		/* fall through */
	case KW_END:
		opt_transaction(ps);
		s->kind = TRANS_STMT_COMMIT;
		s->chain = opt_chain(ps);
		break;
	case KW_ROLLBACK:
		if (accept_kw(ps, KW_PREPARED)) {
			s->kind = TRANS_STMT_ROLLBACK_PREPARED;
			s->gid = gram_sconst(ps);
			break;
		}
		opt_transaction(ps);
		if (accept_kw(ps, KW_TO)) {
			accept_kw(ps, KW_SAVEPOINT);
			s->kind = TRANS_STMT_ROLLBACK_TO;
			s->savepoint_name = gram_colid(ps);
			break;
		}
		s->kind = TRANS_STMT_ROLLBACK;
		s->chain = opt_chain(ps);
		break;
	case KW_ABORT:
		opt_transaction(ps);
		s->kind = TRANS_STMT_ROLLBACK;
		s->chain = opt_chain(ps);
		break;
	case KW_SAVEPOINT:
		s->kind = TRANS_STMT_SAVEPOINT;
		s->savepoint_name = gram_colid(ps);
		break;
	case KW_RELEASE:
		accept_kw(ps, KW_SAVEPOINT);
		s->kind = TRANS_STMT_RELEASE;
		s->savepoint_name = gram_colid(ps);
		break;
	case KW_PREPARE:
		expect_kw(ps, KW_TRANSACTION);
		s->kind = TRANS_STMT_PREPARE;
		s->gid = gram_sconst(ps);
		break;
	default:
		parse_syntax_error_at(ps, t);
	}
	return (ast_node *)s;
}

/* ---- SET / SHOW / RESET ------------------------------------------------------------------- */

/* var_name: ColId { . ColId }, joined with dots */
static char *
var_name(parse_state *ps)
{
	char *name = gram_colid(ps);

	while (accept_char(ps, '.'))
		name = psprintf("%s.%s", name, gram_colid(ps));
	return name;
}

/* var_value: TRUE | FALSE | ON | word | 'string' | number, as an A_Const */
static ast_node *
var_value(parse_state *ps)
{
	const token *t = cur_tok(ps);

	if (t->type == TK_ICONST || t->type == TK_FCONST || t->type == '+' || t->type == '-') {
		ast_node *n = gram_numeric_only(ps);

		if (AST_IS(n, Integer))
			return gram_a_const(ps, t->loc, CONST_INT, ((Integer *)n)->ival, NULL);
		return gram_a_const(ps, t->loc, CONST_FLOAT, 0, ((Float *)n)->fval);
	}
	if (tok_is_kw(t, KW_TRUE) || tok_is_kw(t, KW_FALSE) || tok_is_kw(t, KW_ON)) {
		advance(ps);
		return gram_a_const(ps, t->loc, CONST_STRING, 0, t->str);
	}
	return gram_a_const(ps, t->loc, CONST_STRING, 0, gram_name_or_string(ps));
}

static VariableSetStmt *
set_stmt(int kind, const char *name, int loc)
{
	VariableSetStmt *v = AST_NEW(VariableSetStmt, loc);

	v->kind = kind;
	v->name = name ? pstrdup(name) : NULL;
	return v;
}

VariableSetStmt *
gram_set_rest(parse_state *ps, bool is_local)
{
	int loc = cur_tok(ps)->loc;
	VariableSetStmt *v;

	if (is_kw(ps, KW_TRANSACTION)) {
		advance(ps);
		if (accept_kw(ps, KW_SNAPSHOT)) {
			v = set_stmt(VAR_SET_VALUE, "transaction_snapshot", loc);
			v->args = ast_list_make1(gram_a_const(ps, cur_tok(ps)->loc, CONST_STRING, 0,
			                                      gram_sconst(ps)));
		} else {
			v = set_stmt(VAR_SET_MULTI, "TRANSACTION", loc);
			v->args = gram_transaction_modes(ps);
			if (v->args == NULL)
				parse_syntax_error(ps);
		}
	} else if (is_kw(ps, KW_SESSION) && peek_kw(ps, 1, KW_CHARACTERISTICS)) {
		advance(ps);
		advance(ps);
		expect_kw(ps, KW_AS);
		expect_kw(ps, KW_TRANSACTION);
		v = set_stmt(VAR_SET_MULTI, "SESSION CHARACTERISTICS", loc);
		v->args = gram_transaction_modes(ps);
		if (v->args == NULL)
			parse_syntax_error(ps);
	} else if (is_kw(ps, KW_SESSION) && peek_kw(ps, 1, KW_AUTHORIZATION)) {
		advance(ps);
		advance(ps);
		if (accept_kw(ps, KW_DEFAULT))
			v = set_stmt(VAR_SET_DEFAULT, "session_authorization", loc);
		else {
			v = set_stmt(VAR_SET_VALUE, "session_authorization", loc);
			v->args = ast_list_make1(gram_a_const(ps, cur_tok(ps)->loc, CONST_STRING, 0,
			                                      gram_name_or_string(ps)));
		}
	} else if (is_kw(ps, KW_TIME) && peek_kw(ps, 1, KW_ZONE)) {
		const token *t;

		advance(ps);
		advance(ps);
		t = cur_tok(ps);
		if (accept_kw(ps, KW_DEFAULT) || accept_kw(ps, KW_LOCAL))
			return set_stmt(VAR_SET_DEFAULT, "timezone", loc);
		v = set_stmt(VAR_SET_VALUE, "timezone", loc);
		if (t->type == TK_SCONST || t->type == TK_IDENT) {
			advance(ps);
			v->args = ast_list_make1(gram_a_const(ps, t->loc, CONST_STRING, 0, t->str));
		} else if (tok_is_kw(t, KW_INTERVAL)) {
			/* INTERVAL 'value' [fields] or INTERVAL (p) 'value' */
			if (peek_tok(ps, 1)->type != TK_SCONST && !peek_char(ps, 1, '('))
				parse_syntax_error_at(ps, peek_tok(ps, 1));
			v->args = ast_list_make1(gram_expr(ps));
		} else if (t->type == TK_ICONST || t->type == TK_FCONST || t->type == '+' ||
		           t->type == '-')
			v->args = ast_list_make1(var_value(ps));
		else
			parse_syntax_error(ps);
	} else if (is_kw(ps, KW_SCHEMA)) {
		advance(ps);
		v = set_stmt(VAR_SET_VALUE, "search_path", loc);
		v->args = ast_list_make1(gram_a_const(ps, cur_tok(ps)->loc, CONST_STRING, 0,
		                                      gram_sconst(ps)));
	} else if (is_kw(ps, KW_NAMES)) {
		advance(ps);
		if (is_char(ps, TK_EOF) || is_char(ps, ';') || accept_kw(ps, KW_DEFAULT))
			return set_stmt(VAR_SET_DEFAULT, "client_encoding", loc);
		v = set_stmt(VAR_SET_VALUE, "client_encoding", loc);
		v->args = ast_list_make1(gram_a_const(ps, cur_tok(ps)->loc, CONST_STRING, 0,
		                                      gram_name_or_string(ps)));
	} else if (is_kw(ps, KW_ROLE) && !peek_kw(ps, 1, KW_TO) && !peek_char(ps, 1, '=')) {
		advance(ps);
		v = set_stmt(VAR_SET_VALUE, "role", loc);
		v->args = ast_list_make1(gram_a_const(ps, cur_tok(ps)->loc, CONST_STRING, 0,
		                                      gram_name_or_string(ps)));
	} else {
		char *name = var_name(ps);

		if (accept_kw(ps, KW_FROM)) {
			expect_kw(ps, KW_CURRENT);
			v = set_stmt(VAR_SET_CURRENT, name, loc);
		} else {
			if (!accept_kw(ps, KW_TO))
				expect_char(ps, '=');
			if (accept_kw(ps, KW_DEFAULT))
				v = set_stmt(VAR_SET_DEFAULT, name, loc);
			else {
				v = set_stmt(VAR_SET_VALUE, name, loc);
				do
					v->args = ast_list_append(v->args, var_value(ps));
				while (accept_char(ps, ','));
			}
		}
	}
	v->is_local = is_local;
	return v;
}

ast_node *
gram_set(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	bool is_local = false;
	ast_node *n;

	expect_kw(ps, KW_SET);
	if (is_kw(ps, KW_CONSTRAINTS) && !peek_char(ps, 1, '=') && !peek_kw(ps, 1, KW_TO)) {
		ConstraintsSetStmt *c = AST_NEW(ConstraintsSetStmt, loc);

		advance(ps);
		if (!accept_kw(ps, KW_ALL)) {
			do
				c->constraints = ast_list_append(c->constraints, gram_qualified_name(ps));
			while (accept_char(ps, ','));
		}
		if (accept_kw(ps, KW_DEFERRED))
			c->deferred = true;
		else
			expect_kw(ps, KW_IMMEDIATE);
		return (ast_node *)c;
	}
	if (is_kw(ps, KW_LOCAL) && !peek_kw(ps, 1, KW_TO) && !peek_char(ps, 1, '=')) {
		advance(ps);
		is_local = true;
	} else if (is_kw(ps, KW_SESSION) && !peek_kw(ps, 1, KW_CHARACTERISTICS) &&
	           !peek_kw(ps, 1, KW_AUTHORIZATION) && !peek_kw(ps, 1, KW_TO) &&
	           !peek_char(ps, 1, '='))
		advance(ps);
	n = (ast_node *)gram_set_rest(ps, is_local);
	n->loc = loc;
	return n;
}

/* SHOW / RESET targets: TIME ZONE, TRANSACTION ISOLATION LEVEL, SESSION AUTHORIZATION, name */
static char *
show_reset_target(parse_state *ps)
{
	if (is_kw(ps, KW_TIME) && peek_kw(ps, 1, KW_ZONE)) {
		advance(ps);
		advance(ps);
		return pstrdup("timezone");
	}
	if (is_kw(ps, KW_TRANSACTION) && peek_kw(ps, 1, KW_ISOLATION)) {
		advance(ps);
		advance(ps);
		expect_kw(ps, KW_LEVEL);
		return pstrdup("transaction_isolation");
	}
	if (is_kw(ps, KW_SESSION) && peek_kw(ps, 1, KW_AUTHORIZATION)) {
		advance(ps);
		advance(ps);
		return pstrdup("session_authorization");
	}
	return var_name(ps);
}

ast_node *
gram_show(parse_state *ps)
{
	VariableShowStmt *s = AST_NEW(VariableShowStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_SHOW);
	if (accept_kw(ps, KW_ALL))
		s->name = pstrdup("all");
	else
		s->name = show_reset_target(ps);
	return (ast_node *)s;
}

ast_node *
gram_reset(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;

	expect_kw(ps, KW_RESET);
	if (accept_kw(ps, KW_ALL))
		return (ast_node *)set_stmt(VAR_RESET_ALL, NULL, loc);
	return (ast_node *)set_stmt(VAR_RESET, show_reset_target(ps), loc);
}

/* ---- prepared statements ------------------------------------------------------------------ */

ast_node *
gram_prepare(parse_state *ps)
{
	PrepareStmt *s = AST_NEW(PrepareStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_PREPARE);
	s->name = gram_colid(ps);
	if (accept_char(ps, '(')) {
		do
			s->argtypes = ast_list_append(s->argtypes, gram_typename(ps));
		while (accept_char(ps, ','));
		expect_char(ps, ')');
	}
	expect_kw(ps, KW_AS);
	s->query = gram_preparable_stmt(ps);
	return (ast_node *)s;
}

ast_node *
gram_execute(parse_state *ps)
{
	ExecuteStmt *s = AST_NEW(ExecuteStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_EXECUTE);
	s->name = gram_colid(ps);
	if (accept_char(ps, '(')) {
		s->params = gram_expr_list(ps);
		expect_char(ps, ')');
	}
	return (ast_node *)s;
}

ast_node *
gram_deallocate(parse_state *ps)
{
	DeallocateStmt *s = AST_NEW(DeallocateStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_DEALLOCATE);
	accept_kw(ps, KW_PREPARE);
	if (!accept_kw(ps, KW_ALL))
		s->name = gram_colid(ps);
	return (ast_node *)s;
}

/* ---- LOCK --------------------------------------------------------------------------------- */

ast_node *
gram_lock(parse_state *ps)
{
	LockStmt *s = AST_NEW(LockStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_LOCK);
	accept_kw(ps, KW_TABLE);
	s->relations = gram_relation_expr_list(ps);
	s->mode = AccessExclusiveLock;
	if (accept_kw(ps, KW_IN)) {
		if (accept_kw(ps, KW_ACCESS)) {
			if (accept_kw(ps, KW_SHARE))
				s->mode = AccessShareLock;
			else {
				expect_kw(ps, KW_EXCLUSIVE);
				s->mode = AccessExclusiveLock;
			}
		} else if (accept_kw(ps, KW_ROW)) {
			if (accept_kw(ps, KW_SHARE))
				s->mode = RowShareLock;
			else {
				expect_kw(ps, KW_EXCLUSIVE);
				s->mode = RowExclusiveLock;
			}
		} else if (accept_kw(ps, KW_SHARE)) {
			if (accept_kw(ps, KW_UPDATE)) {
				expect_kw(ps, KW_EXCLUSIVE);
				s->mode = ShareUpdateExclusiveLock;
			} else if (accept_kw(ps, KW_ROW)) {
				expect_kw(ps, KW_EXCLUSIVE);
				s->mode = ShareRowExclusiveLock;
			} else
				s->mode = ShareLock;
		} else {
			expect_kw(ps, KW_EXCLUSIVE);
			s->mode = ExclusiveLock;
		}
		expect_kw(ps, KW_MODE);
	}
	s->nowait = accept_kw(ps, KW_NOWAIT);
	return (ast_node *)s;
}

/* ---- generic option lists: ( name [arg], ... ) ------------------------------------------- */

static ast_node *
generic_arg(parse_state *ps)
{
	const token *t = cur_tok(ps);

	switch (t->type) {
	case TK_ICONST: case TK_FCONST: case '+': case '-':
		return gram_numeric_only(ps);
	case '*':
		advance(ps);
		return (ast_node *)AST_NEW(A_Star, t->loc);
	case '(': {
		ast_list *l = NULL;

		advance(ps);
		do {
			const token *e = cur_tok(ps);

			if (e->type != TK_SCONST && !tok_is_nonreserved(e) && !tok_is_kw(e, KW_ON) &&
			    !tok_is_kw(e, KW_TRUE) && !tok_is_kw(e, KW_FALSE))
				parse_syntax_error(ps);
			advance(ps);
			l = ast_list_append(l, ast_string(e->str, e->loc));
		} while (accept_char(ps, ','));
		expect_char(ps, ')');
		return (ast_node *)l;
	}
	case TK_SCONST:
		advance(ps);
		return (ast_node *)ast_string(t->str, t->loc);
	case TK_IDENT:
	case TK_KEYWORD:
		if (tok_is_nonreserved(t) || tok_is_kw(t, KW_ON) || tok_is_kw(t, KW_TRUE) ||
		    tok_is_kw(t, KW_FALSE)) {
			advance(ps);
			return (ast_node *)ast_string(t->str, t->loc);
		}
		return NULL;
	default:
		return NULL;
	}
}

/* ( name [arg], ... ): COPY takes any word as a name (ColLabel); EXPLAIN, VACUUM and
 * REINDEX take non-reserved words and ANALYZE (utility_option_name). */
ast_list *
gram_generic_options(parse_state *ps, bool any_name)
{
	ast_list *l = NULL;

	expect_char(ps, '(');
	do {
		const token *t = cur_tok(ps);
		char *name;

		if (!any_name && !tok_is_nonreserved(t) && !tok_is_kw(t, KW_ANALYZE) &&
		    !tok_is_kw(t, KW_ANALYSE))
			parse_syntax_error(ps);
		name = gram_col_label(ps);

		if (strcmp(name, "analyse") == 0)
			name = "analyze";
		l = ast_list_append(l, gram_defelem(name, generic_arg(ps), t->loc));
	} while (accept_char(ps, ','));
	expect_char(ps, ')');
	return l;
}

/* ---- COPY --------------------------------------------------------------------------------- */

/* The pre-9.0 option list: BINARY, CSV, HEADER, DELIMITER [AS] 'x', ... */
static ast_list *
copy_old_options(parse_state *ps, ast_list *l)
{
	for (;;) {
		int loc = cur_tok(ps)->loc;

		if (accept_kw(ps, KW_BINARY))
			l = ast_list_append(l, gram_defelem("format", (ast_node *)ast_string("binary", loc), loc));
		else if (accept_kw(ps, KW_CSV))
			l = ast_list_append(l, gram_defelem("format", (ast_node *)ast_string("csv", loc), loc));
		else if (accept_kw(ps, KW_FREEZE))
			l = ast_list_append(l, gram_defelem("freeze", (ast_node *)ast_string("true", loc), loc));
		else if (accept_kw(ps, KW_HEADER))
			l = ast_list_append(l, gram_defelem("header", (ast_node *)ast_string("true", loc), loc));
		else if (is_kw(ps, KW_DELIMITER) || is_kw(ps, KW_NULL) || is_kw(ps, KW_QUOTE) ||
		         is_kw(ps, KW_ESCAPE) || is_kw(ps, KW_ENCODING)) {
			const char *name = cur_tok(ps)->str;

			advance(ps);
			accept_kw(ps, KW_AS);
			l = ast_list_append(l, gram_defelem(name, (ast_node *)ast_string(gram_sconst(ps), loc),
			                               loc));
		} else if (accept_kw(ps, KW_FORCE)) {
			const char *name;
			ast_node *arg;

			if (accept_kw(ps, KW_QUOTE))
				name = "force_quote";
			else if (accept_kw(ps, KW_NOT)) {
				expect_kw(ps, KW_NULL);
				name = "force_not_null";
			} else {
				expect_kw(ps, KW_NULL);
				name = "force_null";
			}
			if (is_char(ps, '*') && strcmp(name, "force_quote") == 0) {
				arg = (ast_node *)AST_NEW(A_Star, cur_tok(ps)->loc);
				advance(ps);
			} else
				arg = (ast_node *)gram_name_list(ps);
			l = ast_list_append(l, gram_defelem(name, arg, loc));
		} else
			return l;
	}
}

ast_node *
gram_copy(parse_state *ps)
{
	CopyStmt *s = AST_NEW(CopyStmt, cur_tok(ps)->loc);
	int loc;

	expect_kw(ps, KW_COPY);
	if (is_char(ps, '(')) {
		advance(ps);
		s->query = gram_preparable_stmt(ps);
		expect_char(ps, ')');
	} else {
		loc = cur_tok(ps)->loc;
		if (accept_kw(ps, KW_BINARY))
			s->options = ast_list_make1((ast_node *)gram_defelem("format",
			                            (ast_node *)ast_string("binary", loc), loc));
		s->relation = gram_qualified_name(ps);
		if (is_char(ps, '('))
			s->attlist = gram_opt_name_list(ps);
	}
	if (accept_kw(ps, KW_FROM))
		s->is_from = true;
	else
		expect_kw(ps, KW_TO);
	s->is_program = accept_kw(ps, KW_PROGRAM);
	if (!accept_kw(ps, KW_STDIN) && !accept_kw(ps, KW_STDOUT))
		s->filename = gram_sconst(ps);
	loc = cur_tok(ps)->loc;
	if ((is_kw(ps, KW_USING) && peek_kw(ps, 1, KW_DELIMITERS)) || is_kw(ps, KW_DELIMITERS)) {
		accept_kw(ps, KW_USING);
		advance(ps);
		s->options = ast_list_append(s->options, gram_defelem("delimiter",
		                             (ast_node *)ast_string(gram_sconst(ps), loc), loc));
	}
	accept_kw(ps, KW_WITH);
	if (is_char(ps, '('))
		s->options = ast_list_concat(s->options, gram_generic_options(ps, true));
	else
		s->options = copy_old_options(ps, s->options);
	s->whereClause = gram_where(ps);
	return (ast_node *)s;
}

/* ---- EXPLAIN, VACUUM, ANALYZE --------------------------------------------------------------- */

ast_node *
gram_explain(parse_state *ps)
{
	ExplainStmt *s = AST_NEW(ExplainStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_EXPLAIN);
	if (is_char(ps, '(') && !gram_at_select_start(ps, 1) && !peek_char(ps, 1, '('))
		s->options = gram_generic_options(ps, false);
	else {
		int loc = cur_tok(ps)->loc;

		if (accept_kw(ps, KW_ANALYZE) || accept_kw(ps, KW_ANALYSE))
			s->options = ast_list_make1((ast_node *)gram_defelem("analyze", NULL, loc));
		loc = cur_tok(ps)->loc;
		if (accept_kw(ps, KW_VERBOSE))
			s->options = ast_list_append(s->options, gram_defelem("verbose", NULL, loc));
	}
	switch (cur_tok(ps)->type == TK_KEYWORD ? cur_tok(ps)->kw : KW__NONE) {
	case KW_CREATE: case KW_EXECUTE: case KW_DECLARE: case KW_REFRESH:
		s->query = gram_stmt(ps);
		break;
	default:
		s->query = gram_preparable_stmt(ps);
		break;
	}
	return (ast_node *)s;
}

ast_node *
gram_vacuum(parse_state *ps, bool is_vacuum)
{
	VacuumStmt *s = AST_NEW(VacuumStmt, cur_tok(ps)->loc);

	advance(ps);
	s->is_vacuumcmd = is_vacuum;
	if (is_char(ps, '('))
		s->options = gram_generic_options(ps, false);
	else {
		/* the old syntax, in PostgreSQL's fixed order: VACUUM [FULL] [FREEZE] [VERBOSE]
		 * [ANALYZE], ANALYZE [VERBOSE] */
		static const kw_id order[] = {KW_FULL, KW_FREEZE, KW_VERBOSE, KW_ANALYZE};

		for (size_t i = is_vacuum ? 0 : 2; i < (is_vacuum ? 4 : 3); i++) {
			int loc = cur_tok(ps)->loc;

			if (accept_kw(ps, order[i]) || (order[i] == KW_ANALYZE && accept_kw(ps, KW_ANALYSE)))
				s->options = ast_list_append(s->options,
				                             gram_defelem(kw_table[order[i]].text, NULL, loc));
		}
	}
	if (tok_is_colid(cur_tok(ps))) {
		do {
			VacuumRelation *r = AST_NEW(VacuumRelation, cur_tok(ps)->loc);

			r->relation = gram_qualified_name(ps);
			if (is_char(ps, '('))
				r->va_cols = gram_opt_name_list(ps);
			s->rels = ast_list_append(s->rels, r);
		} while (accept_char(ps, ','));
	}
	return (ast_node *)s;
}

/* ---- cursors -------------------------------------------------------------------------------- */

static ast_node *
declare_cursor(parse_state *ps)
{
	DeclareCursorStmt *s = AST_NEW(DeclareCursorStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_DECLARE);
	s->portalname = gram_colid(ps);
	for (;;) {
		if (accept_kw(ps, KW_BINARY))
			s->options |= CURSOR_OPT_BINARY;
		else if (accept_kw(ps, KW_INSENSITIVE))
			s->options |= CURSOR_OPT_INSENSITIVE;
		else if (accept_kw(ps, KW_ASENSITIVE))
			s->options |= CURSOR_OPT_ASENSITIVE;
		else if (accept_kw(ps, KW_SCROLL))
			s->options |= CURSOR_OPT_SCROLL;
		else if (is_kw(ps, KW_NO) && peek_kw(ps, 1, KW_SCROLL)) {
			advance(ps);
			advance(ps);
			s->options |= CURSOR_OPT_NO_SCROLL;
		} else
			break;
	}
	expect_kw(ps, KW_CURSOR);
	if (accept_kw(ps, KW_WITH) || accept_kw(ps, KW_WITH_LA)) {
		expect_kw(ps, KW_HOLD);
		s->options |= CURSOR_OPT_HOLD;
	} else if (accept_kw(ps, KW_WITHOUT) || accept_kw(ps, KW_WITHOUT_LA))
		expect_kw(ps, KW_HOLD);
	expect_kw(ps, KW_FOR);
	s->query = gram_select(ps);
	return (ast_node *)s;
}

static int64_t
signed_iconst(parse_state *ps)
{
	bool neg = accept_char(ps, '-');

	if (!neg)
		accept_char(ps, '+');
	int v = gram_iconst(ps);

	return neg ? -(int64_t)v : v;
}

static ast_node *
fetch_stmt(parse_state *ps, bool ismove)
{
	FetchStmt *s = AST_NEW(FetchStmt, cur_tok(ps)->loc);
	const token *t;

	advance(ps);
	s->ismove = ismove;
	s->direction = FETCH_FORWARD;
	s->howMany = 1;
	t = cur_tok(ps);
	if (accept_kw(ps, KW_NEXT))
		;
	else if (accept_kw(ps, KW_PRIOR))
		s->direction = FETCH_BACKWARD;
	else if (accept_kw(ps, KW_FIRST))
		s->direction = FETCH_ABSOLUTE;
	else if (accept_kw(ps, KW_LAST)) {
		s->direction = FETCH_ABSOLUTE;
		s->howMany = -1;
	} else if (accept_kw(ps, KW_ABSOLUTE)) {
		s->direction = FETCH_ABSOLUTE;
		s->howMany = signed_iconst(ps);
	} else if (accept_kw(ps, KW_RELATIVE)) {
		s->direction = FETCH_RELATIVE;
		s->howMany = signed_iconst(ps);
	} else if (accept_kw(ps, KW_ALL))
		s->howMany = FETCH_ALL;
	else if (t->type == TK_ICONST || t->type == '-' || t->type == '+')
		s->howMany = signed_iconst(ps);
	else if (accept_kw(ps, KW_FORWARD) || accept_kw(ps, KW_BACKWARD)) {
		if (t->kw == KW_BACKWARD)
			s->direction = FETCH_BACKWARD;
		if (accept_kw(ps, KW_ALL))
			s->howMany = FETCH_ALL;
		else if (cur_tok(ps)->type == TK_ICONST || is_char(ps, '-') || is_char(ps, '+'))
			s->howMany = signed_iconst(ps);
	}
	if (!accept_kw(ps, KW_FROM))
		accept_kw(ps, KW_IN);
	s->portalname = gram_colid(ps);
	return (ast_node *)s;
}

/* ---- the rest ------------------------------------------------------------------------------- */

ast_node *
gram_misc(parse_state *ps)
{
	const token *t = cur_tok(ps);
	int loc = t->loc;

	switch (t->type == TK_KEYWORD ? t->kw : KW__NONE) {
	case KW_LISTEN: {
		ListenStmt *s = AST_NEW(ListenStmt, loc);

		advance(ps);
		s->conditionname = gram_colid(ps);
		return (ast_node *)s;
	}
	case KW_UNLISTEN: {
		UnlistenStmt *s = AST_NEW(UnlistenStmt, loc);

		advance(ps);
		if (!accept_char(ps, '*'))
			s->conditionname = gram_colid(ps);
		return (ast_node *)s;
	}
	case KW_NOTIFY: {
		NotifyStmt *s = AST_NEW(NotifyStmt, loc);

		advance(ps);
		s->conditionname = gram_colid(ps);
		if (accept_char(ps, ','))
			s->payload = gram_sconst(ps);
		return (ast_node *)s;
	}
	case KW_DISCARD: {
		DiscardStmt *s = AST_NEW(DiscardStmt, loc);

		advance(ps);
		if (accept_kw(ps, KW_ALL))
			s->target = DISCARD_ALL;
		else if (accept_kw(ps, KW_PLANS))
			s->target = DISCARD_PLANS;
		else if (accept_kw(ps, KW_SEQUENCES))
			s->target = DISCARD_SEQUENCES;
		else if (accept_kw(ps, KW_TEMP) || accept_kw(ps, KW_TEMPORARY))
			s->target = DISCARD_TEMP;
		else
			parse_syntax_error(ps);
		return (ast_node *)s;
	}
	case KW_CHECKPOINT:
		advance(ps);
		return (ast_node *)AST_NEW(CheckPointStmt, loc);
	case KW_CALL: {
		CallStmt *s = AST_NEW(CallStmt, loc);
		int floc;

		advance(ps);
		floc = cur_tok(ps)->loc;
		s->funccall = (FuncCall *)gram_func_application(ps, gram_any_name(ps), floc);
		return (ast_node *)s;
	}
	case KW_DO: {
		DoStmt *s = AST_NEW(DoStmt, loc);
		bool have_code = false;

		advance(ps);
		for (;;) {
			int iloc = cur_tok(ps)->loc;

			if (cur_tok(ps)->type == TK_SCONST && !have_code) {
				s->args = ast_list_append(s->args, gram_defelem("as",
				                          (ast_node *)ast_string(gram_sconst(ps), iloc), iloc));
				have_code = true;
			} else if (accept_kw(ps, KW_LANGUAGE))
				s->args = ast_list_append(s->args, gram_defelem("language",
				                          (ast_node *)ast_string(gram_name_or_string(ps), iloc),
				                          iloc));
			else
				break;
		}
		if (!have_code)
			parse_syntax_error(ps);
		return (ast_node *)s;
	}
	case KW_DECLARE:
		return declare_cursor(ps);
	case KW_FETCH:
		return fetch_stmt(ps, false);
	case KW_MOVE:
		return fetch_stmt(ps, true);
	case KW_CLOSE: {
		ClosePortalStmt *s = AST_NEW(ClosePortalStmt, loc);

		advance(ps);
		if (!accept_kw(ps, KW_ALL))
			s->portalname = gram_colid(ps);
		return (ast_node *)s;
	}
	default:
		parse_syntax_error(ps);
	}
}
