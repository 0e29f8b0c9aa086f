/*
 * gram_ddl.c — data definition: CREATE / ALTER / DROP of tables, indexes, views, sequences,
 * schemas, databases, roles, functions and triggers; TRUNCATE, REINDEX, COMMENT, GRANT,
 * REVOKE, REFRESH MATERIALIZED VIEW.
 */
#include <string.h>

#include "sql/parse/parse_int.h"
#include "util/err.h"
#include "util/mem.h"

static ast_list *
name1(const char *s, int loc)
{
	return ast_list_make1((ast_node *)ast_string(s, loc));
}

static bool
accept_if_exists(parse_state *ps)
{
	if (is_kw(ps, KW_IF) && peek_kw(ps, 1, KW_EXISTS)) {
		advance(ps);
		advance(ps);
		return true;
	}
	return false;
}

static bool
accept_if_not_exists(parse_state *ps)
{
	if (is_kw(ps, KW_IF) && peek_kw(ps, 1, KW_NOT)) {
		advance(ps);
		advance(ps);
		expect_kw(ps, KW_EXISTS);
		return true;
	}
	return false;
}

static drop_behavior
opt_drop_behavior(parse_state *ps)
{
	if (accept_kw(ps, KW_CASCADE))
		return DROP_CASCADE;
	accept_kw(ps, KW_RESTRICT);
	return DROP_RESTRICT;
}

/* WITH ( reloptions ): name [= value] or namespace.name [= value] */
static ast_list *
reloptions(parse_state *ps)
{
	ast_list *l = NULL;

	expect_char(ps, '(');
	do {
		DefElem *d = AST_NEW(DefElem, cur_tok(ps)->loc);

		d->defname = gram_col_label(ps);
		if (accept_char(ps, '.')) {
			d->defnamespace = d->defname;
			d->defname = gram_col_label(ps);
		}
		if (accept_char(ps, '='))
			d->arg = gram_def_arg(ps);
		l = ast_list_append(l, d);
	} while (accept_char(ps, ','));
	expect_char(ps, ')');
	return l;
}

/* ---- constraints -------------------------------------------------------------------------- */

enum { CAS_NOT_DEFERRABLE = 1, CAS_DEFERRABLE = 2, CAS_INITIALLY_IMMEDIATE = 4,
       CAS_INITIALLY_DEFERRED = 8, CAS_NOT_VALID = 16, CAS_NO_INHERIT = 32 };

/* ConstraintAttributeSpec: a sequence of DEFERRABLE ... NOT VALID ... NO INHERIT */
static int
constraint_attrs(parse_state *ps, int *loc)
{
	int bits = 0;

	*loc = cur_tok(ps)->loc;
	for (;;) {
		int nb, here = cur_tok(ps)->loc;

		if (accept_kw(ps, KW_DEFERRABLE))
			nb = CAS_DEFERRABLE;
		else if (is_kw(ps, KW_NOT) && peek_kw(ps, 1, KW_DEFERRABLE)) {
			advance(ps);
			advance(ps);
			nb = CAS_NOT_DEFERRABLE;
		} else if (is_kw(ps, KW_INITIALLY)) {
			advance(ps);
			if (accept_kw(ps, KW_DEFERRED))
				nb = CAS_INITIALLY_DEFERRED;
			else {
				expect_kw(ps, KW_IMMEDIATE);
				nb = CAS_INITIALLY_IMMEDIATE;
			}
		} else if (is_kw(ps, KW_NOT) && peek_kw(ps, 1, KW_VALID)) {
			advance(ps);
			advance(ps);
			nb = CAS_NOT_VALID;
		} else if (is_kw(ps, KW_NO) && peek_kw(ps, 1, KW_INHERIT)) {
			advance(ps);
			advance(ps);
			nb = CAS_NO_INHERIT;
		} else
			break;
		bits |= nb;
		if ((bits & CAS_DEFERRABLE) && (bits & CAS_NOT_DEFERRABLE))
			parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, here, "conflicting constraint properties");
		if ((bits & CAS_INITIALLY_DEFERRED) && (bits & CAS_INITIALLY_IMMEDIATE))
			parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, here, "conflicting constraint properties");
		if ((bits & CAS_INITIALLY_DEFERRED) && (bits & CAS_NOT_DEFERRABLE))
			parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, here,
			                "constraint declared INITIALLY DEFERRED must be DEFERRABLE");
	}
	return bits;
}

static const char *
contype_name(constr_type t)
{
	switch (t) {
	case CONSTR_CHECK: return "CHECK";
	case CONSTR_PRIMARY: return "PRIMARY KEY";
	case CONSTR_UNIQUE: return "UNIQUE";
	case CONSTR_EXCLUSION: return "EXCLUDE";
	case CONSTR_FOREIGN: return "FOREIGN KEY";
	default: return "?";
	}
}

/* Apply ConstraintAttributeSpec bits to c, refusing what its kind cannot have (these
 * errors carry no position, as in PostgreSQL). */
static void
apply_constraint_attrs(parse_state *ps, Constraint *c, int bits)
{
	const int loc = -1;

	if (bits & (CAS_DEFERRABLE | CAS_INITIALLY_DEFERRED)) {
		if (c->contype == CONSTR_CHECK)
			parse_error_loc(ps, ERRCODE_FEATURE_NOT_SUPPORTED, loc,
			                "%s constraints cannot be marked DEFERRABLE", contype_name(c->contype));
		c->deferrable = true;
	}
	if (bits & CAS_INITIALLY_DEFERRED)
		c->initdeferred = true;
	if (bits & CAS_NOT_VALID) {
		if (c->contype != CONSTR_CHECK && c->contype != CONSTR_FOREIGN)
			parse_error_loc(ps, ERRCODE_FEATURE_NOT_SUPPORTED, loc,
			                "%s constraints cannot be marked NOT VALID", contype_name(c->contype));
		c->skip_validation = true;
	}
	if (bits & CAS_NO_INHERIT) {
		if (c->contype != CONSTR_CHECK)
			parse_error_loc(ps, ERRCODE_FEATURE_NOT_SUPPORTED, loc,
			                "%s constraints cannot be marked NO INHERIT", contype_name(c->contype));
		c->is_no_inherit = true;
	}
}

/* A foreign key action after ON DELETE / ON UPDATE (at byte offset loc). */
static char
key_action(parse_state *ps, ast_list **set_cols, bool on_delete, int loc)
{
	if (accept_kw(ps, KW_NO)) {
		expect_kw(ps, KW_ACTION);
		return FKCONSTR_ACTION_NOACTION;
	}
	if (accept_kw(ps, KW_RESTRICT))
		return FKCONSTR_ACTION_RESTRICT;
	if (accept_kw(ps, KW_CASCADE))
		return FKCONSTR_ACTION_CASCADE;
	expect_kw(ps, KW_SET);

	char a;

	if (accept_kw(ps, KW_NULL))
		a = FKCONSTR_ACTION_SETNULL;
	else {
		expect_kw(ps, KW_DEFAULT);
		a = FKCONSTR_ACTION_SETDEFAULT;
	}
	if (is_char(ps, '(')) {
		if (!on_delete)
			parse_error_loc(ps, ERRCODE_FEATURE_NOT_SUPPORTED, loc,
			                "a column list with %s is only supported for ON DELETE actions",
			                a == FKCONSTR_ACTION_SETNULL ? "SET NULL" : "SET DEFAULT");
		*set_cols = gram_opt_name_list(ps);
	}
	return a;
}

/* REFERENCES table [(cols)] [MATCH ...] [ON DELETE ...] [ON UPDATE ...] */
static void
references(parse_state *ps, Constraint *c)
{
	bool upd = false, del = false;

	expect_kw(ps, KW_REFERENCES);
	c->pktable = gram_qualified_name(ps);
	if (is_char(ps, '('))
		c->pk_attrs = gram_opt_name_list(ps);
	c->fk_matchtype = FKCONSTR_MATCH_SIMPLE;
	c->fk_upd_action = FKCONSTR_ACTION_NOACTION;
	c->fk_del_action = FKCONSTR_ACTION_NOACTION;
	if (is_kw(ps, KW_MATCH)) {
		int loc = cur_tok(ps)->loc;

		advance(ps);
		if (accept_kw(ps, KW_FULL))
			c->fk_matchtype = FKCONSTR_MATCH_FULL;
		else if (accept_kw(ps, KW_PARTIAL))
			parse_error_loc(ps, ERRCODE_FEATURE_NOT_SUPPORTED, loc,
			                "MATCH PARTIAL not yet implemented");
		else
			expect_kw(ps, KW_SIMPLE);
	}
	while (is_kw(ps, KW_ON)) {
		bool is_del = peek_kw(ps, 1, KW_DELETE);

		if (!is_del && !peek_kw(ps, 1, KW_UPDATE))
			parse_syntax_error_at(ps, peek_tok(ps, 1));
		ast_list *cols = NULL;
		int on_loc = cur_tok(ps)->loc;

		if ((is_del && del) || (!is_del && upd))
			parse_syntax_error_at(ps, peek_tok(ps, 1));
		advance(ps);
		advance(ps);
		if (is_del) {
			del = true;
			c->fk_del_action = key_action(ps, &cols, true, on_loc);
			c->fk_del_set_cols = cols;
		} else {
			upd = true;
			c->fk_upd_action = key_action(ps, &cols, false, on_loc);
		}
	}
}

/* Options of UNIQUE and PRIMARY KEY: [INCLUDE (cols)] (table constraints only), WITH (...),
 * USING INDEX TABLESPACE. */
static void
index_constraint_options(parse_state *ps, Constraint *c, bool table)
{
	if (table && accept_kw(ps, KW_INCLUDE))
		c->including = gram_opt_name_list(ps);
	if (accept_kw(ps, KW_WITH))
		c->options = reloptions(ps);
	if (is_kw(ps, KW_USING) && peek_kw(ps, 1, KW_INDEX) && peek_kw(ps, 2, KW_TABLESPACE)) {
		advance(ps);
		advance(ps);
		advance(ps);
		c->indexspace = gram_colid(ps);
	}
}

static ast_list *seq_opt_list_parens(parse_state *ps);

/* GENERATED {ALWAYS | BY DEFAULT} AS {IDENTITY [(seq options)] | (expr) STORED} */
static void
generated(parse_state *ps, Constraint *c, bool identity_only)
{
	int loc;

	expect_kw(ps, KW_GENERATED);
	loc = cur_tok(ps)->loc;
	if (accept_kw(ps, KW_ALWAYS))
		c->generated_when = ATTRIBUTE_IDENTITY_ALWAYS;
	else {
		expect_kw(ps, KW_BY);
		expect_kw(ps, KW_DEFAULT);
		c->generated_when = ATTRIBUTE_IDENTITY_BY_DEFAULT;
	}
	expect_kw(ps, KW_AS);
	if (identity_only && !is_kw(ps, KW_IDENTITY))
		parse_syntax_error(ps);
	if (accept_kw(ps, KW_IDENTITY)) {
		c->contype = CONSTR_IDENTITY;
		if (is_char(ps, '('))
			c->options = seq_opt_list_parens(ps);
		return;
	}
	c->contype = CONSTR_GENERATED;
	if (c->generated_when != ATTRIBUTE_IDENTITY_ALWAYS) {
		ERR_BEGIN(ERRCODE_SYNTAX_ERROR);
		err_position(scan_char_position(ps->src, loc));
		err_throw("for a generated column, GENERATED ALWAYS must be specified");
	}
	expect_char(ps, '(');
	c->raw_expr = gram_expr(ps);
	expect_char(ps, ')');
	expect_kw(ps, KW_STORED);
}

/* A column constraint (after an optional CONSTRAINT name); NULL if none starts here. */
static Constraint *
column_constraint(parse_state *ps)
{
	Constraint *c = AST_NEW(Constraint, cur_tok(ps)->loc);

	if (is_kw(ps, KW_NOT) && !peek_kw(ps, 1, KW_DEFERRABLE)) {
		advance(ps);
		expect_kw(ps, KW_NULL);
		c->contype = CONSTR_NOTNULL;
	} else if (accept_kw(ps, KW_NULL))
		c->contype = CONSTR_NULL;
	else if (accept_kw(ps, KW_UNIQUE)) {
		c->contype = CONSTR_UNIQUE;
		if (is_kw(ps, KW_NULLS)) {
			advance(ps);
			c->nulls_not_distinct = accept_kw(ps, KW_NOT);
			expect_kw(ps, KW_DISTINCT);
		}
		index_constraint_options(ps, c, false);
	} else if (accept_kw(ps, KW_PRIMARY)) {
		expect_kw(ps, KW_KEY);
		c->contype = CONSTR_PRIMARY;
		index_constraint_options(ps, c, false);
	} else if (accept_kw(ps, KW_CHECK)) {
		c->contype = CONSTR_CHECK;
		expect_char(ps, '(');
		c->raw_expr = gram_expr(ps);
		expect_char(ps, ')');
		if (is_kw(ps, KW_NO) && peek_kw(ps, 1, KW_INHERIT)) {
			advance(ps);
			advance(ps);
			c->is_no_inherit = true;
		}
	} else if (accept_kw(ps, KW_DEFAULT)) {
		c->contype = CONSTR_DEFAULT;
		c->raw_expr = gram_b_expr(ps);
	} else if (is_kw(ps, KW_GENERATED))
		generated(ps, c, false);
	else if (is_kw(ps, KW_REFERENCES)) {
		c->contype = CONSTR_FOREIGN;
		references(ps, c);
	} else
		return NULL;
	return c;
}

static bool
deferrable_kind(const Constraint *c)
{
	return c != NULL && (c->contype == CONSTR_PRIMARY || c->contype == CONSTR_UNIQUE ||
	                     c->contype == CONSTR_EXCLUSION || c->contype == CONSTR_FOREIGN);
}

static ColumnDef *
column_def(parse_state *ps)
{
	ColumnDef *cd = AST_NEW(ColumnDef, cur_tok(ps)->loc);
	Constraint *last = NULL;
	int seen_deferrable = 0, seen_initially = 0;

	cd->colname = gram_colid(ps);
	cd->typeName = gram_typename(ps);
	if (accept_kw(ps, KW_COMPRESSION))
		cd->compression = gram_colid(ps);
	for (;;) {
		int loc = cur_tok(ps)->loc;
		Constraint *c;

		if (accept_kw(ps, KW_CONSTRAINT)) {
			char *name = gram_colid(ps);

			c = column_constraint(ps);
			if (c == NULL)
				parse_syntax_error(ps);
			c->conname = name;
			c->hdr.loc = loc;
		} else if (accept_kw(ps, KW_COLLATE)) {
			cd->collClause = AST_NEW(CollateClause, loc);
			cd->collClause->collname = gram_any_name(ps);
			continue;
		} else if (is_kw(ps, KW_DEFERRABLE) || (is_kw(ps, KW_NOT) && peek_kw(ps, 1, KW_DEFERRABLE))) {
			bool d = is_kw(ps, KW_DEFERRABLE);

			advance(ps);
			if (!d)
				advance(ps);
			if (!deferrable_kind(last))
				parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, loc, "misplaced %s clause",
				                d ? "DEFERRABLE" : "NOT DEFERRABLE");
			if (seen_deferrable++)
				parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, loc,
				                "multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed");
			last->deferrable = d;
			if (!d && last->initdeferred)
				parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, loc,
				                "constraint declared INITIALLY DEFERRED must be DEFERRABLE");
			continue;
		} else if (accept_kw(ps, KW_INITIALLY)) {
			bool deferred = accept_kw(ps, KW_DEFERRED);

			if (!deferred)
				expect_kw(ps, KW_IMMEDIATE);
			if (!deferrable_kind(last))
				parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, loc, "misplaced INITIALLY %s clause",
				                deferred ? "DEFERRED" : "IMMEDIATE");
			if (seen_initially++)
				parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, loc,
				                "multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed");
			last->initdeferred = deferred;
			if (deferred) {
				if (seen_deferrable && !last->deferrable)
					parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, loc,
					                "constraint declared INITIALLY DEFERRED must be DEFERRABLE");
				last->deferrable = true;
			}
			continue;
		} else {
			c = column_constraint(ps);
			if (c == NULL)
				break;
		}
		cd->constraints = ast_list_append(cd->constraints, c);
		last = c;
		seen_deferrable = seen_initially = 0;
	}
	return cd;
}

/* ( name [COLLATE c] [opclass] [ASC|DESC] [NULLS FIRST|LAST] | (expr) ... | func(...) ... ) */
static IndexElem *
index_elem(parse_state *ps, bool full)
{
	IndexElem *e = AST_NEW(IndexElem, cur_tok(ps)->loc);

	if (accept_char(ps, '(')) {
		e->expr = gram_expr(ps);
		expect_char(ps, ')');
	} else if (tok_is_colid(cur_tok(ps)) && !peek_char(ps, 1, '(') && !peek_char(ps, 1, '.'))
		e->name = gram_colid(ps);
	else
		e->expr = gram_expr(ps);
	if (!full)
		return e;
	if (accept_kw(ps, KW_COLLATE))
		e->collation = gram_any_name(ps);
	if (tok_is_colid(cur_tok(ps)) && !is_kw(ps, KW_NULLS)) {
		e->opclass = gram_any_name(ps);
		if (is_char(ps, '('))
			e->opclassopts = reloptions(ps);
	}
	if (accept_kw(ps, KW_ASC))
		e->ordering = SORTBY_ASC;
	else if (accept_kw(ps, KW_DESC))
		e->ordering = SORTBY_DESC;
	if (accept_kw(ps, KW_NULLS_LA)) {
		if (accept_kw(ps, KW_FIRST))
			e->nulls_ordering = SORTBY_NULLS_FIRST;
		else {
			expect_kw(ps, KW_LAST);
			e->nulls_ordering = SORTBY_NULLS_LAST;
		}
	}
	return e;
}

/* A table constraint, after an optional CONSTRAINT name; NULL if none starts here. */
static Constraint *
table_constraint(parse_state *ps)
{
	Constraint *c = AST_NEW(Constraint, cur_tok(ps)->loc);
	int bits, loc;

	if (accept_kw(ps, KW_CHECK)) {
		c->contype = CONSTR_CHECK;
		expect_char(ps, '(');
		c->raw_expr = gram_expr(ps);
		expect_char(ps, ')');
	} else if (is_kw(ps, KW_UNIQUE) || is_kw(ps, KW_PRIMARY)) {
		if (accept_kw(ps, KW_UNIQUE)) {
			c->contype = CONSTR_UNIQUE;
			if (is_kw(ps, KW_NULLS)) {
				advance(ps);
				c->nulls_not_distinct = accept_kw(ps, KW_NOT);
				expect_kw(ps, KW_DISTINCT);
			}
		} else {
			advance(ps);
			expect_kw(ps, KW_KEY);
			c->contype = CONSTR_PRIMARY;
		}
		if (is_kw(ps, KW_USING) && peek_kw(ps, 1, KW_INDEX)) {
			advance(ps);
			advance(ps);
			c->indexname = gram_colid(ps);
		} else {
			c->keys = gram_opt_name_list(ps);
			index_constraint_options(ps, c, true);
		}
	} else if (accept_kw(ps, KW_EXCLUDE)) {
		c->contype = CONSTR_EXCLUSION;
		c->access_method = pstrdup("gist");
		if (accept_kw(ps, KW_USING))
			c->access_method = gram_colid(ps);
		expect_char(ps, '(');
		do {
			IndexElem *e = index_elem(ps, true);
			bool ok;
			ast_list *op;

			expect_kw(ps, KW_WITH);
			op = gram_qual_op(ps, &ok);
			if (!ok)
				parse_syntax_error(ps);
			c->exclusions = ast_list_append(c->exclusions,
			                                ast_list_make2((ast_node *)e, (ast_node *)op));
		} while (accept_char(ps, ','));
		expect_char(ps, ')');
		index_constraint_options(ps, c, true);
		if (accept_kw(ps, KW_WHERE)) {
			expect_char(ps, '(');
			c->where_clause = gram_expr(ps);
			expect_char(ps, ')');
		}
	} else if (accept_kw(ps, KW_FOREIGN)) {
		expect_kw(ps, KW_KEY);
		c->contype = CONSTR_FOREIGN;
		c->fk_attrs = gram_opt_name_list(ps);
		references(ps, c);
	} else
		return NULL;
	bits = constraint_attrs(ps, &loc);
	apply_constraint_attrs(ps, c, bits);
	return c;
}

static Constraint *
named_table_constraint(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	char *name = NULL;
	Constraint *c;

	if (accept_kw(ps, KW_CONSTRAINT))
		name = gram_colid(ps);
	c = table_constraint(ps);
	if (c == NULL)
		parse_syntax_error(ps);
	c->conname = name;
	c->hdr.loc = loc;
	return c;
}

static ast_node *
table_like(parse_state *ps)
{
	TableLikeClause *t = AST_NEW(TableLikeClause, cur_tok(ps)->loc);

	expect_kw(ps, KW_LIKE);
	t->relation = gram_qualified_name(ps);
	for (;;) {
		bool incl;
		int bit;

		if (accept_kw(ps, KW_INCLUDING))
			incl = true;
		else if (accept_kw(ps, KW_EXCLUDING))
			incl = false;
		else
			break;
		if (accept_kw(ps, KW_COMMENTS)) bit = CREATE_TABLE_LIKE_COMMENTS;
		else if (accept_kw(ps, KW_COMPRESSION)) bit = CREATE_TABLE_LIKE_COMPRESSION;
		else if (accept_kw(ps, KW_CONSTRAINTS)) bit = CREATE_TABLE_LIKE_CONSTRAINTS;
		else if (accept_kw(ps, KW_DEFAULTS)) bit = CREATE_TABLE_LIKE_DEFAULTS;
		else if (accept_kw(ps, KW_GENERATED)) bit = CREATE_TABLE_LIKE_GENERATED;
		else if (accept_kw(ps, KW_IDENTITY)) bit = CREATE_TABLE_LIKE_IDENTITY;
		else if (accept_kw(ps, KW_INDEXES)) bit = CREATE_TABLE_LIKE_INDEXES;
		else if (accept_kw(ps, KW_STATISTICS)) bit = CREATE_TABLE_LIKE_STATISTICS;
		else if (accept_kw(ps, KW_STORAGE)) bit = CREATE_TABLE_LIKE_STORAGE;
		else {
			expect_kw(ps, KW_ALL);
			bit = CREATE_TABLE_LIKE_ALL;
		}
		if (incl)
			t->options |= bit;
		else
			t->options &= ~bit;
	}
	return (ast_node *)t;
}

static ast_node *
table_element(parse_state *ps)
{
	const token *t = cur_tok(ps);

	if (tok_is_kw(t, KW_LIKE))
		return table_like(ps);
	if (tok_is_kw(t, KW_CONSTRAINT) || tok_is_kw(t, KW_CHECK) || tok_is_kw(t, KW_UNIQUE) ||
	    tok_is_kw(t, KW_PRIMARY) || tok_is_kw(t, KW_EXCLUDE) || tok_is_kw(t, KW_FOREIGN))
		return (ast_node *)named_table_constraint(ps);
	return (ast_node *)column_def(ps);
}

/* ---- sequence options ------------------------------------------------------------------- */

static DefElem *
seq_opt(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;

	if (accept_kw(ps, KW_AS))
		return gram_defelem("as", (ast_node *)gram_typename(ps), loc);
	if (accept_kw(ps, KW_CACHE))
		return gram_defelem("cache", gram_numeric_only(ps), loc);
	if (accept_kw(ps, KW_CYCLE))
		return gram_defelem("cycle", gram_boolean(true, loc), loc);
	if (is_kw(ps, KW_NO)) {
		if (peek_kw(ps, 1, KW_CYCLE) || peek_kw(ps, 1, KW_MAXVALUE) ||
		    peek_kw(ps, 1, KW_MINVALUE)) {
			advance(ps);
			const token *t = cur_tok(ps);

			advance(ps);
			if (t->kw == KW_CYCLE)
				return gram_defelem("cycle", gram_boolean(false, loc), loc);
			return gram_defelem(t->kw == KW_MAXVALUE ? "maxvalue" : "minvalue", NULL, loc);
		}
		return NULL;
	}
	if (accept_kw(ps, KW_INCREMENT)) {
		accept_kw(ps, KW_BY);
		return gram_defelem("increment", gram_numeric_only(ps), loc);
	}
	if (accept_kw(ps, KW_MAXVALUE))
		return gram_defelem("maxvalue", gram_numeric_only(ps), loc);
	if (accept_kw(ps, KW_MINVALUE))
		return gram_defelem("minvalue", gram_numeric_only(ps), loc);
	if (accept_kw(ps, KW_OWNED)) {
		expect_kw(ps, KW_BY);
		return gram_defelem("owned_by", (ast_node *)gram_any_name(ps), loc);
	}
	if (is_kw(ps, KW_SEQUENCE) && peek_kw(ps, 1, KW_NAME)) {
		advance(ps);
		advance(ps);
		return gram_defelem("sequence_name", (ast_node *)gram_any_name(ps), loc);
	}
	if (accept_kw(ps, KW_START)) {
		accept_kw(ps, KW_WITH);
		return gram_defelem("start", gram_numeric_only(ps), loc);
	}
	if (accept_kw(ps, KW_RESTART)) {
		accept_kw(ps, KW_WITH);
		if (cur_tok(ps)->type == TK_ICONST || cur_tok(ps)->type == TK_FCONST ||
		    is_char(ps, '-') || is_char(ps, '+'))
			return gram_defelem("restart", gram_numeric_only(ps), loc);
		return gram_defelem("restart", NULL, loc);
	}
	return NULL;
}

ast_list *
gram_seq_options(parse_state *ps, bool alter)
{
	ast_list *l = NULL;
	DefElem *d;

	(void)alter;
	while ((d = seq_opt(ps)) != NULL)
		l = ast_list_append(l, d);
	return l;
}

static ast_list *
seq_opt_list_parens(parse_state *ps)
{
	ast_list *l;

	expect_char(ps, '(');
	l = gram_seq_options(ps, false);
	if (l == NULL)
		parse_syntax_error(ps);
	expect_char(ps, ')');
	return l;
}

/* ---- CREATE TABLE / TABLE AS / MATERIALIZED VIEW ------------------------------------------- */

/* ( colid, ... ): the column names of CREATE TABLE ... AS */
static bool
ctas_column_list_ahead(parse_state *ps)
{
	/* ( name , or ( name ): no column definition is a bare name, so this can only be
	 * CREATE TABLE AS */
	return is_char(ps, '(') && tok_is_colid(peek_tok(ps, 1)) &&
	       (peek_char(ps, 2, ',') || peek_char(ps, 2, ')'));
}

static oncommit_action
on_commit(parse_state *ps)
{
	if (!(is_kw(ps, KW_ON) && peek_kw(ps, 1, KW_COMMIT)))
		return ONCOMMIT_NOOP;
	advance(ps);
	advance(ps);
	if (accept_kw(ps, KW_DROP))
		return ONCOMMIT_DROP;
	if (accept_kw(ps, KW_DELETE)) {
		expect_kw(ps, KW_ROWS);
		return ONCOMMIT_DELETE_ROWS;
	}
	expect_kw(ps, KW_PRESERVE);
	expect_kw(ps, KW_ROWS);
	return ONCOMMIT_PRESERVE_ROWS;
}

/* [WITH (options) | WITHOUT OIDS] */
static ast_list *
opt_with(parse_state *ps)
{
	if (is_kw(ps, KW_WITH) && peek_char(ps, 1, '(')) {
		advance(ps);
		return reloptions(ps);
	}
	if (accept_kw(ps, KW_WITHOUT))
		expect_kw(ps, KW_OIDS);
	return NULL;
}

static char *
opt_tablespace(parse_state *ps)
{
	if (!accept_kw(ps, KW_TABLESPACE))
		return NULL;
	return gram_colid(ps);
}

/* [WITH [NO] DATA] after CREATE TABLE AS / MATERIALIZED VIEW */
static bool
opt_with_data(parse_state *ps)
{
	if (is_kw(ps, KW_WITH) && (peek_kw(ps, 1, KW_DATA) || peek_kw(ps, 1, KW_NO))) {
		advance(ps);
		bool no = accept_kw(ps, KW_NO);

		expect_kw(ps, KW_DATA);
		return no;
	}
	return false;
}

static ast_node *
create_table_as(parse_state *ps, RangeVar *rel, bool if_not_exists, object_type objtype,
                int loc)
{
	CreateTableAsStmt *s = AST_NEW(CreateTableAsStmt, loc);
	IntoClause *into = AST_NEW(IntoClause, rel->hdr.loc);

	into->rel = rel;
	if (is_char(ps, '('))
		into->colNames = gram_opt_name_list(ps);
	if (accept_kw(ps, KW_USING))
		into->accessMethod = gram_colid(ps);
	into->options = opt_with(ps);
	if (objtype == OBJECT_TABLE)
		into->onCommit = on_commit(ps);
	into->tableSpaceName = opt_tablespace(ps);
	expect_kw(ps, KW_AS);
	if (is_kw(ps, KW_EXECUTE) && objtype == OBJECT_TABLE)
		s->query = gram_execute(ps);
	else
		s->query = gram_select(ps);
	into->skipData = opt_with_data(ps);
	s->into = into;
	s->objtype = objtype;
	s->if_not_exists = if_not_exists;
	return (ast_node *)s;
}

static ast_node *
create_table(parse_state *ps, char persistence, int loc)
{
	CreateStmt *s;
	bool ine;
	RangeVar *rel;

	expect_kw(ps, KW_TABLE);
	ine = accept_if_not_exists(ps);
	rel = gram_qualified_name(ps);
	rel->relpersistence = persistence;
	if (!is_char(ps, '(') || ctas_column_list_ahead(ps))
		return create_table_as(ps, rel, ine, OBJECT_TABLE, loc);
	s = AST_NEW(CreateStmt, loc);
	s->relation = rel;
	s->if_not_exists = ine;
	expect_char(ps, '(');
	if (!is_char(ps, ')')) {
		do
			s->tableElts = ast_list_append(s->tableElts, table_element(ps));
		while (accept_char(ps, ','));
	}
	expect_char(ps, ')');
	if (accept_kw(ps, KW_INHERITS)) {
		expect_char(ps, '(');
		do
			s->inhRelations = ast_list_append(s->inhRelations, gram_qualified_name(ps));
		while (accept_char(ps, ','));
		expect_char(ps, ')');
	}
	if (is_kw(ps, KW_PARTITION)) {
		PartitionSpec *p = AST_NEW(PartitionSpec, cur_tok(ps)->loc);

		advance(ps);
		expect_kw(ps, KW_BY);
		p->strategy = gram_colid(ps);
		expect_char(ps, '(');
		do
			p->partParams = ast_list_append(p->partParams, index_elem(ps, true));
		while (accept_char(ps, ','));
		expect_char(ps, ')');
		s->partspec = p;
	}
	if (accept_kw(ps, KW_USING))
		s->accessMethod = gram_colid(ps);
	s->options = opt_with(ps);
	s->oncommit = on_commit(ps);
	s->tablespacename = opt_tablespace(ps);
	return (ast_node *)s;
}

/* ---- CREATE INDEX ------------------------------------------------------------------------ */

static ast_node *
create_index(parse_state *ps, int loc)
{
	IndexStmt *s = AST_NEW(IndexStmt, loc);

	s->unique = accept_kw(ps, KW_UNIQUE);
	expect_kw(ps, KW_INDEX);
	s->concurrent = accept_kw(ps, KW_CONCURRENTLY);
	if (accept_if_not_exists(ps)) {
		s->if_not_exists = true;
		s->idxname = gram_colid(ps);
	} else if (!is_kw(ps, KW_ON))
		s->idxname = gram_colid(ps);
	expect_kw(ps, KW_ON);
	s->relation = gram_relation_expr(ps);
	s->accessMethod = pstrdup("btree");
	if (accept_kw(ps, KW_USING))
		s->accessMethod = gram_colid(ps);
	expect_char(ps, '(');
	do
		s->indexParams = ast_list_append(s->indexParams, index_elem(ps, true));
	while (accept_char(ps, ','));
	expect_char(ps, ')');
	if (accept_kw(ps, KW_INCLUDE)) {
		expect_char(ps, '(');
		do
			s->indexIncludingParams = ast_list_append(s->indexIncludingParams,
			                                          index_elem(ps, false));
		while (accept_char(ps, ','));
		expect_char(ps, ')');
	}
	if (is_kw(ps, KW_NULLS)) {
		advance(ps);
		s->nulls_not_distinct = accept_kw(ps, KW_NOT);
		expect_kw(ps, KW_DISTINCT);
	}
	s->options = opt_with(ps);
	s->tableSpace = opt_tablespace(ps);
	s->whereClause = gram_where(ps);
	return (ast_node *)s;
}

/* ---- CREATE VIEW -------------------------------------------------------------------------- */

/* CREATE RECURSIVE VIEW v (cols) AS q  is  WITH RECURSIVE v (cols) AS (q) SELECT cols FROM v */
static ast_node *
recursive_view_select(RangeVar *view, ast_list *aliases, ast_node *query)
{
	CommonTableExpr *cte = AST_NEW(CommonTableExpr, -1);
	WithClause *w = AST_NEW(WithClause, -1);
	SelectStmt *s = AST_NEW(SelectStmt, -1);
	RangeVar *from = AST_NEW(RangeVar, -1);

	cte->ctename = view->relname;
	cte->aliascolnames = aliases;
	cte->ctequery = query;
	w->recursive = true;
	w->ctes = ast_list_make1((ast_node *)cte);
	for (int i = 0; i < aliases->n; i++) {
		ResTarget *rt = AST_NEW(ResTarget, -1);
		ColumnRef *cr = AST_NEW(ColumnRef, -1);

		cr->fields = name1(ast_strval(aliases->items[i]), -1);
		rt->val = (ast_node *)cr;
		s->targetList = ast_list_append(s->targetList, rt);
	}
	from->relname = view->relname;
	from->inh = true;
	from->relpersistence = RELPERSISTENCE_PERMANENT;
	s->fromClause = ast_list_make1((ast_node *)from);
	s->withClause = w;
	return (ast_node *)s;
}

static ast_node *
create_view(parse_state *ps, bool replace, char persistence, int loc)
{
	ViewStmt *s = AST_NEW(ViewStmt, loc);
	bool recursive = accept_kw(ps, KW_RECURSIVE);

	expect_kw(ps, KW_VIEW);
	s->replace = replace;
	s->view = gram_qualified_name(ps);
	s->view->relpersistence = persistence;
	if (is_char(ps, '('))
		s->aliases = gram_opt_name_list(ps);
	else if (recursive)
		parse_syntax_error(ps);
	s->options = opt_with(ps);
	expect_kw(ps, KW_AS);
	s->query = gram_select(ps);
	if (recursive)
		s->query = recursive_view_select(s->view, s->aliases, s->query);
	if (is_kw(ps, KW_WITH) &&
	    (peek_kw(ps, 1, KW_CHECK) || peek_kw(ps, 1, KW_CASCADED) || peek_kw(ps, 1, KW_LOCAL))) {
		advance(ps);
		s->withCheckOption = VIEW_CHECK_CASCADED;
		if (accept_kw(ps, KW_LOCAL))
			s->withCheckOption = VIEW_CHECK_LOCAL;
		else
			accept_kw(ps, KW_CASCADED);
		expect_kw(ps, KW_CHECK);
		expect_kw(ps, KW_OPTION);
	}
	return (ast_node *)s;
}

/* ---- schemas, databases, roles -------------------------------------------------------- */

static ast_node *
create_schema(parse_state *ps, int loc)
{
	CreateSchemaStmt *s = AST_NEW(CreateSchemaStmt, loc);

	expect_kw(ps, KW_SCHEMA);
	s->if_not_exists = accept_if_not_exists(ps);
	if (!is_kw(ps, KW_AUTHORIZATION))
		s->schemaname = gram_colid(ps);
	if (accept_kw(ps, KW_AUTHORIZATION))
		s->authrole = gram_rolespec(ps);
	while (is_kw(ps, KW_CREATE) || is_kw(ps, KW_GRANT)) {
		int eloc = cur_tok(ps)->loc;

		if (s->if_not_exists)
			parse_error_loc(ps, ERRCODE_FEATURE_NOT_SUPPORTED, eloc,
			                "CREATE SCHEMA IF NOT EXISTS cannot include schema elements");
		s->schemaElts = ast_list_append(s->schemaElts, gram_stmt(ps));
	}
	return (ast_node *)s;
}

/* CREATE DATABASE options: name [=] value | DEFAULT */
static ast_list *
createdb_options(parse_state *ps)
{
	ast_list *l = NULL;

	accept_kw(ps, KW_WITH);
	for (;;) {
		const token *t = cur_tok(ps);
		char *name;

		if (is_kw(ps, KW_CONNECTION) && peek_kw(ps, 1, KW_LIMIT)) {
			advance(ps);
			advance(ps);
			name = pstrdup("connection_limit");
		} else if (t->type == TK_IDENT || tok_is_kw(t, KW_ENCODING) ||
		           tok_is_kw(t, KW_LOCATION) || tok_is_kw(t, KW_OWNER) ||
		           tok_is_kw(t, KW_TABLESPACE) || tok_is_kw(t, KW_TEMPLATE)) {
			advance(ps);
			name = t->str;
		} else
			return l;
		accept_char(ps, '=');

		ast_node *arg;

		if (accept_kw(ps, KW_DEFAULT))
			arg = NULL;
		else
			arg = gram_def_arg(ps);
		l = ast_list_append(l, gram_defelem(name, arg, t->loc));
	}
}

static ast_node *
createdb(parse_state *ps, int loc)
{
	CreatedbStmt *s = AST_NEW(CreatedbStmt, loc);

	expect_kw(ps, KW_DATABASE);
	s->dbname = gram_colid(ps);
	s->options = createdb_options(ps);
	return (ast_node *)s;
}

static ast_node *
rolespec_item(parse_state *ps)
{
	return (ast_node *)gram_rolespec(ps);
}

static ast_list *
role_list(parse_state *ps)
{
	return gram_comma_list(ps, rolespec_item);
}

/* One role option (CREATE/ALTER ROLE); NULL if none. */
static DefElem *
role_option(parse_state *ps, bool create)
{
	const token *t = cur_tok(ps);
	int loc = t->loc;

	if (accept_kw(ps, KW_PASSWORD)) {
		if (accept_kw(ps, KW_NULL))
			return gram_defelem("password", NULL, loc);
		return gram_defelem("password", (ast_node *)ast_string(gram_sconst(ps), loc), loc);
	}
	if (is_kw(ps, KW_ENCRYPTED) && peek_kw(ps, 1, KW_PASSWORD)) {
		advance(ps);
		advance(ps);
		return gram_defelem("password", (ast_node *)ast_string(gram_sconst(ps), loc), loc);
	}
	if (is_kw(ps, KW_UNENCRYPTED) && peek_kw(ps, 1, KW_PASSWORD)) {
		ERR_BEGIN(ERRCODE_FEATURE_NOT_SUPPORTED);
		err_position(scan_char_position(ps->src, loc));
		err_hint("Remove UNENCRYPTED to store the password in encrypted form instead.");
		err_throw("UNENCRYPTED PASSWORD is no longer supported");
	}
	if (accept_kw(ps, KW_INHERIT))
		return gram_defelem("inherit", gram_boolean(true, loc), loc);
	if (is_kw(ps, KW_CONNECTION) && peek_kw(ps, 1, KW_LIMIT)) {
		advance(ps);
		advance(ps);
		ast_node *n = gram_numeric_only(ps);

		if (!AST_IS(n, Integer))
			parse_syntax_error_at(ps, t + 2);
		return gram_defelem("connectionlimit", n, loc);
	}
	if (is_kw(ps, KW_VALID) && peek_kw(ps, 1, KW_UNTIL)) {
		advance(ps);
		advance(ps);
		return gram_defelem("validUntil", (ast_node *)ast_string(gram_sconst(ps), loc), loc);
	}
	if (accept_kw(ps, KW_USER))
		return gram_defelem("rolemembers", (ast_node *)role_list(ps), loc);
	if (create) {
		if (accept_kw(ps, KW_SYSID))
			return gram_defelem("sysid", (ast_node *)ast_integer(gram_iconst(ps), loc), loc);
		if (accept_kw(ps, KW_ADMIN))
			return gram_defelem("adminmembers", (ast_node *)role_list(ps), loc);
		if (accept_kw(ps, KW_ROLE))
			return gram_defelem("rolemembers", (ast_node *)role_list(ps), loc);
		if (accept_kw(ps, KW_IN)) {
			if (!accept_kw(ps, KW_ROLE))
				expect_kw(ps, KW_GROUP);
			return gram_defelem("addroleto", (ast_node *)role_list(ps), loc);
		}
	}
	if (t->type != TK_IDENT)
		return NULL;

	static const struct { const char *word, *name; bool v; } words[] = {
		{"superuser", "superuser", true}, {"nosuperuser", "superuser", false},
		{"createrole", "createrole", true}, {"nocreaterole", "createrole", false},
		{"createdb", "createdb", true}, {"nocreatedb", "createdb", false},
		{"login", "canlogin", true}, {"nologin", "canlogin", false},
		{"replication", "isreplication", true}, {"noreplication", "isreplication", false},
		{"bypassrls", "bypassrls", true}, {"nobypassrls", "bypassrls", false},
		{"noinherit", "inherit", false},
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(t->str, words[i].word) == 0) {
			advance(ps);
			return gram_defelem(words[i].name, gram_boolean(words[i].v, loc), loc);
		}
	parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, loc, "unrecognized role option \"%s\"", t->str);
}

static ast_list *
role_options(parse_state *ps, bool create)
{
	ast_list *l = NULL;
	DefElem *d;

	accept_kw(ps, KW_WITH);
	while ((d = role_option(ps, create)) != NULL)
		l = ast_list_append(l, d);
	return l;
}

static ast_node *
create_role(parse_state *ps, int loc)
{
	CreateRoleStmt *s = AST_NEW(CreateRoleStmt, loc);
	const token *t = cur_tok(ps);

	advance(ps);
	s->stmt_type = t->kw == KW_USER ? ROLESTMT_USER : t->kw == KW_GROUP ? ROLESTMT_GROUP
	                                                                    : ROLESTMT_ROLE;
	RoleSpec *r = gram_rolespec(ps);

	if (r->roletype != ROLESPEC_CSTRING)
		parse_error_loc(ps, ERRCODE_RESERVED_NAME, r->hdr.loc,
		                "role name \"%s\" is reserved",
		                r->roletype == ROLESPEC_PUBLIC ? "public" : "current_user");
	s->role = r->rolename;
	s->options = role_options(ps, true);
	return (ast_node *)s;
}

/* ---- functions and triggers ------------------------------------------------------------- */

/* Can the token at +k start a type name? */
static bool
type_starts_at(parse_state *ps, int k)
{
	const token *t = peek_tok(ps, k);

	if (tok_is_type_func_name(t))
		return true;
	if (t->type != TK_KEYWORD)
		return false;
	switch (t->kw) {
	case KW_INT: case KW_INTEGER: case KW_SMALLINT: case KW_BIGINT: case KW_REAL:
	case KW_FLOAT: case KW_DECIMAL: case KW_DEC: case KW_NUMERIC: case KW_BOOLEAN:
	case KW_BIT: case KW_CHARACTER: case KW_CHAR: case KW_VARCHAR: case KW_NATIONAL:
	case KW_NCHAR: case KW_TIMESTAMP: case KW_TIME: case KW_INTERVAL: case KW_SETOF:
		return true;
	default:
		return false;
	}
}

static FunctionParameter *
func_arg(parse_state *ps, bool with_default)
{
	FunctionParameter *p = AST_NEW(FunctionParameter, cur_tok(ps)->loc);

	p->mode = FUNC_PARAM_DEFAULT;
	if (accept_kw(ps, KW_IN)) {
		p->mode = accept_kw(ps, KW_OUT) ? FUNC_PARAM_INOUT : FUNC_PARAM_IN;
	} else if ((is_kw(ps, KW_OUT) || is_kw(ps, KW_INOUT)) && type_starts_at(ps, 1)) {
		p->mode = is_kw(ps, KW_OUT) ? FUNC_PARAM_OUT : FUNC_PARAM_INOUT;
		advance(ps);
	} else if (accept_kw(ps, KW_VARIADIC))
		p->mode = FUNC_PARAM_VARIADIC;
	/* a parameter name, when a type name or a mode follows it */
	if (tok_is_type_func_name(cur_tok(ps)) &&
	    ((type_starts_at(ps, 1) && !peek_char(ps, 1, '.') && !peek_char(ps, 1, '(') &&
	      !peek_char(ps, 1, '[')) ||
	     (p->mode == FUNC_PARAM_DEFAULT && (peek_kw(ps, 1, KW_IN) || peek_kw(ps, 1, KW_INOUT) ||
	                                        peek_kw(ps, 1, KW_VARIADIC))))) {
		const token *t = cur_tok(ps);

		advance(ps);
		p->name = t->str;
		if (p->mode == FUNC_PARAM_DEFAULT) {
			/* param_name arg_class func_type */
			if (accept_kw(ps, KW_IN))
				p->mode = accept_kw(ps, KW_OUT) ? FUNC_PARAM_INOUT : FUNC_PARAM_IN;
			else if ((is_kw(ps, KW_OUT) || is_kw(ps, KW_INOUT)) && type_starts_at(ps, 1)) {
				p->mode = is_kw(ps, KW_OUT) ? FUNC_PARAM_OUT : FUNC_PARAM_INOUT;
				advance(ps);
			} else if (accept_kw(ps, KW_VARIADIC))
				p->mode = FUNC_PARAM_VARIADIC;
		}
	}
	p->argType = gram_func_type(ps);
	if (with_default) {
		if (accept_kw(ps, KW_DEFAULT) || accept_char(ps, '='))
			p->defexpr = gram_expr(ps);
	}
	return p;
}

/* ( [func_arg, ...] ) */
static ast_list *
func_args(parse_state *ps, bool with_default)
{
	ast_list *l = NULL;

	expect_char(ps, '(');
	if (!is_char(ps, ')')) {
		do
			l = ast_list_append(l, func_arg(ps, with_default));
		while (accept_char(ps, ','));
	}
	expect_char(ps, ')');
	return l;
}

static ObjectWithArgs *
function_with_argtypes(parse_state *ps)
{
	const token *t = cur_tok(ps);
	ObjectWithArgs *o = AST_NEW(ObjectWithArgs, t->loc);

	/* func_name: a function-name keyword (LEFT ...) alone, or ColId [. name ...] */
	if (tok_is_type_func_name(t) && !tok_is_colid(t)) {
		advance(ps);
		o->objname = ast_list_make1((ast_node *)ast_string(t->str, t->loc));
	} else
		o->objname = gram_any_name(ps);
	if (!is_char(ps, '(')) {
		o->args_unspecified = true;
		return o;
	}
	ast_list *params = func_args(ps, false);

	for (int i = 0; i < ast_list_length(params); i++) {
		FunctionParameter *p = (FunctionParameter *)params->items[i];

		if (p->mode != FUNC_PARAM_OUT && p->mode != FUNC_PARAM_TABLE)
			o->objargs = ast_list_append(o->objargs, p->argType);
	}
	return o;
}

/* One routine option; NULL if none. */
static DefElem *
func_option(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	const token *t = cur_tok(ps);

	if (accept_kw(ps, KW_AS)) {
		ast_list *l = name1(gram_sconst(ps), loc);

		if (accept_char(ps, ','))
			l = ast_list_append(l, ast_string(gram_sconst(ps), loc));
		return gram_defelem("as", (ast_node *)l, loc);
	}
	if (accept_kw(ps, KW_LANGUAGE))
		return gram_defelem("language", (ast_node *)ast_string(gram_name_or_string(ps), loc),
		                    loc);
	if (accept_kw(ps, KW_IMMUTABLE) || accept_kw(ps, KW_STABLE) || accept_kw(ps, KW_VOLATILE))
		return gram_defelem("volatility", (ast_node *)ast_string(t->str, loc), loc);
	if (accept_kw(ps, KW_STRICT))
		return gram_defelem("strict", gram_boolean(true, loc), loc);
	if (is_kw(ps, KW_CALLED)) {
		advance(ps);
		expect_kw(ps, KW_ON);
		expect_kw(ps, KW_NULL);
		expect_kw(ps, KW_INPUT);
		return gram_defelem("strict", gram_boolean(false, loc), loc);
	}
	if (is_kw(ps, KW_RETURNS) && peek_kw(ps, 1, KW_NULL)) {
		advance(ps);
		advance(ps);
		expect_kw(ps, KW_ON);
		expect_kw(ps, KW_NULL);
		expect_kw(ps, KW_INPUT);
		return gram_defelem("strict", gram_boolean(true, loc), loc);
	}
	if (is_kw(ps, KW_SECURITY) || is_kw(ps, KW_EXTERNAL)) {
		if (accept_kw(ps, KW_EXTERNAL))
			expect_kw(ps, KW_SECURITY);
		else
			advance(ps);
		if (accept_kw(ps, KW_DEFINER))
			return gram_defelem("security", gram_boolean(true, loc), loc);
		expect_kw(ps, KW_INVOKER);
		return gram_defelem("security", gram_boolean(false, loc), loc);
	}
	if (accept_kw(ps, KW_LEAKPROOF))
		return gram_defelem("leakproof", gram_boolean(true, loc), loc);
	if (is_kw(ps, KW_NOT) && peek_kw(ps, 1, KW_LEAKPROOF)) {
		advance(ps);
		advance(ps);
		return gram_defelem("leakproof", gram_boolean(false, loc), loc);
	}
	if (accept_kw(ps, KW_COST))
		return gram_defelem("cost", gram_numeric_only(ps), loc);
	if (accept_kw(ps, KW_ROWS))
		return gram_defelem("rows", gram_numeric_only(ps), loc);
	if (accept_kw(ps, KW_SUPPORT))
		return gram_defelem("support", (ast_node *)gram_any_name(ps), loc);
	if (accept_kw(ps, KW_PARALLEL))
		return gram_defelem("parallel", (ast_node *)ast_string(gram_colid(ps), loc), loc);
	if (accept_kw(ps, KW_WINDOW))
		return gram_defelem("window", gram_boolean(true, loc), loc);
	if (is_kw(ps, KW_SET)) {
		advance(ps);
		return gram_defelem("set", (ast_node *)gram_set_rest(ps, false), loc);
	}
	if (is_kw(ps, KW_RESET)) {
		return gram_defelem("set", gram_reset(ps), loc);
	}
	return NULL;
}

static ast_node *
create_function(parse_state *ps, bool replace, int loc)
{
	CreateFunctionStmt *s = AST_NEW(CreateFunctionStmt, loc);
	DefElem *d;

	s->is_procedure = is_kw(ps, KW_PROCEDURE);
	advance(ps);
	s->replace = replace;
	s->funcname = gram_any_name(ps);
	s->parameters = func_args(ps, true);
	if (!s->is_procedure && accept_kw(ps, KW_RETURNS)) {
		if (is_kw(ps, KW_TABLE) && peek_char(ps, 1, '(')) {
			ast_list *cols = NULL;

			advance(ps);
			advance(ps);
			do {
				FunctionParameter *p = AST_NEW(FunctionParameter, cur_tok(ps)->loc);

				p->name = gram_colid(ps);
				p->argType = gram_func_type(ps);
				p->mode = FUNC_PARAM_TABLE;
				cols = ast_list_append(cols, p);
			} while (accept_char(ps, ','));
			expect_char(ps, ')');
			s->parameters = ast_list_concat(s->parameters, cols);
			if (cols->n == 1) {
				s->returnType = ast_copy(((FunctionParameter *)cols->items[0])->argType);
			} else {
				s->returnType = AST_NEW(TypeName, -1);
				s->returnType->names = ast_list_make2((ast_node *)ast_string("pg_catalog", -1),
				                                      (ast_node *)ast_string("record", -1));
			}
			s->returnType->setof = true;
		} else
			s->returnType = gram_func_type(ps);
	}
	while ((d = func_option(ps)) != NULL)
		s->options = ast_list_append(s->options, d);
	if (accept_kw(ps, KW_RETURN)) {
		/* RETURN expr: a one-statement SQL body */
		s->sql_body = gram_expr(ps);
	} else if (is_kw(ps, KW_BEGIN) && peek_kw(ps, 1, KW_ATOMIC)) {
		ast_list *body = ast_list_new();

		advance(ps);
		advance(ps);
		for (;;) {
			while (accept_char(ps, ';'))
				;
			if (accept_kw(ps, KW_END))
				break;
			body = ast_list_append(body, gram_stmt(ps));
			if (!is_char(ps, ';') && !is_kw(ps, KW_END))
				parse_syntax_error(ps);
		}
		s->sql_body = (ast_node *)body;
	}
	return (ast_node *)s;
}

static int
trigger_events(parse_state *ps, ast_list **columns)
{
	int events = 0;

	do {
		int loc = cur_tok(ps)->loc, ev;

		if (accept_kw(ps, KW_INSERT))
			ev = TRIGGER_TYPE_INSERT;
		else if (accept_kw(ps, KW_DELETE))
			ev = TRIGGER_TYPE_DELETE;
		else if (accept_kw(ps, KW_TRUNCATE))
			ev = TRIGGER_TYPE_TRUNCATE;
		else {
			expect_kw(ps, KW_UPDATE);
			ev = TRIGGER_TYPE_UPDATE;
			if (accept_kw(ps, KW_OF))
				*columns = gram_name_list(ps);
		}
		if (events & ev)
			parse_syntax_error_at(ps, peek_tok(ps, -1));
		(void)loc;
		events |= ev;
	} while (accept_kw(ps, KW_OR));
	return events;
}

static ast_node *
create_trigger(parse_state *ps, bool replace, int loc)
{
	CreateTrigStmt *s = AST_NEW(CreateTrigStmt, loc);

	s->replace = replace;
	s->isconstraint = accept_kw(ps, KW_CONSTRAINT);
	expect_kw(ps, KW_TRIGGER);
	accept_if_not_exists(ps);   /* sqlite */
	s->trigname = gram_colid(ps);
	if (accept_kw(ps, KW_BEFORE))
		s->timing = TRIGGER_TYPE_BEFORE;
	else if (accept_kw(ps, KW_AFTER))
		s->timing = TRIGGER_TYPE_AFTER;
	else if (accept_kw(ps, KW_INSTEAD)) {
		expect_kw(ps, KW_OF);
		s->timing = TRIGGER_TYPE_INSTEAD;
	} else
		s->timing = TRIGGER_TYPE_BEFORE;   /* sqlite's default */
	s->events = trigger_events(ps, &s->columns);
	expect_kw(ps, KW_ON);
	s->relation = gram_qualified_name(ps);
	if (s->isconstraint) {
		int bits, aloc;

		bits = constraint_attrs(ps, &aloc);
		s->deferrable = (bits & (CAS_DEFERRABLE | CAS_INITIALLY_DEFERRED)) != 0;
		s->initdeferred = (bits & CAS_INITIALLY_DEFERRED) != 0;
	}
	if (accept_kw(ps, KW_FOR)) {
		accept_kw(ps, KW_EACH);
		if (accept_kw(ps, KW_ROW))
			s->row = true;
		else
			expect_kw(ps, KW_STATEMENT);
	}
	if (accept_kw(ps, KW_WHEN)) {
		if (is_char(ps, '(')) {
			advance(ps);
			s->whenClause = gram_expr(ps);
			expect_char(ps, ')');
		} else
			s->whenClause = gram_expr(ps);
	}
	if (accept_kw(ps, KW_BEGIN)) {
		/* sqlite: BEGIN stmt; ... END */
		s->row = true;
		for (;;) {
			while (accept_char(ps, ';'))
				;
			if (accept_kw(ps, KW_END))
				break;
			s->body = ast_list_append(s->body, gram_stmt(ps));
			if (!is_char(ps, ';') && !is_kw(ps, KW_END))
				parse_syntax_error(ps);
		}
		return (ast_node *)s;
	}
	expect_kw(ps, KW_EXECUTE);
	if (!accept_kw(ps, KW_FUNCTION))
		expect_kw(ps, KW_PROCEDURE);
	s->funcname = gram_any_name(ps);
	expect_char(ps, '(');
	if (!is_char(ps, ')')) {
		do {
			const token *t = cur_tok(ps);
			char *v;

			if (t->type == TK_ICONST)
				v = psprintf("%d", t->ival);
			else if (t->type == TK_FCONST || t->type == TK_SCONST || tok_is_col_label(t))
				v = t->str;
			else
				parse_syntax_error(ps);
			advance(ps);
			s->args = ast_list_append(s->args, ast_string(v, t->loc));
		} while (accept_char(ps, ','));
	}
	expect_char(ps, ')');
	return (ast_node *)s;
}

/* ---- CREATE ------------------------------------------------------------------------------- */

static ast_node *
create_sequence(parse_state *ps, char persistence, int loc)
{
	CreateSeqStmt *s = AST_NEW(CreateSeqStmt, loc);

	expect_kw(ps, KW_SEQUENCE);
	s->if_not_exists = accept_if_not_exists(ps);
	s->sequence = gram_qualified_name(ps);
	s->sequence->relpersistence = persistence;
	s->options = gram_seq_options(ps, false);
	return (ast_node *)s;
}

ast_node *
gram_create(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	bool replace = false;
	char persistence = RELPERSISTENCE_PERMANENT;
	const token *t;

	expect_kw(ps, KW_CREATE);
	if (accept_kw(ps, KW_OR)) {
		expect_kw(ps, KW_REPLACE);
		replace = true;
	}
	if (is_kw(ps, KW_LOCAL) || is_kw(ps, KW_GLOBAL)) {
		advance(ps);
		if (!accept_kw(ps, KW_TEMP))
			expect_kw(ps, KW_TEMPORARY);
		persistence = RELPERSISTENCE_TEMP;
	} else if (accept_kw(ps, KW_TEMP) || accept_kw(ps, KW_TEMPORARY))
		persistence = RELPERSISTENCE_TEMP;
	else if (accept_kw(ps, KW_UNLOGGED))
		persistence = RELPERSISTENCE_UNLOGGED;
	t = cur_tok(ps);
	if (t->type != TK_KEYWORD)
		parse_syntax_error(ps);
	if (replace && t->kw != KW_VIEW && t->kw != KW_RECURSIVE && t->kw != KW_FUNCTION &&
	    t->kw != KW_PROCEDURE && t->kw != KW_TRIGGER && t->kw != KW_CONSTRAINT)
		parse_syntax_error(ps);
	if (persistence != RELPERSISTENCE_PERMANENT && t->kw != KW_TABLE && t->kw != KW_VIEW &&
	    t->kw != KW_RECURSIVE && t->kw != KW_SEQUENCE)
		parse_syntax_error(ps);
	if (persistence == RELPERSISTENCE_UNLOGGED && (t->kw == KW_VIEW || t->kw == KW_RECURSIVE))
		parse_error_loc(ps, ERRCODE_SYNTAX_ERROR, -1,
		                "views cannot be unlogged because they do not have storage");
	if (persistence == RELPERSISTENCE_UNLOGGED && t->kw != KW_TABLE && t->kw != KW_SEQUENCE)
		parse_syntax_error(ps);
	switch (t->kw) {
	case KW_TABLE:
		return create_table(ps, persistence, loc);
	case KW_UNIQUE:
	case KW_INDEX:
		return create_index(ps, loc);
	case KW_VIEW:
	case KW_RECURSIVE:
		return create_view(ps, replace, persistence, loc);
	case KW_MATERIALIZED: {
		bool ine;
		RangeVar *rel;

		advance(ps);
		expect_kw(ps, KW_VIEW);
		ine = accept_if_not_exists(ps);
		rel = gram_qualified_name(ps);
		return create_table_as(ps, rel, ine, OBJECT_MATVIEW, loc);
	}
	case KW_SEQUENCE:
		return create_sequence(ps, persistence, loc);
	case KW_SCHEMA:
		return create_schema(ps, loc);
	case KW_DATABASE:
		return createdb(ps, loc);
	case KW_ROLE:
	case KW_USER:
	case KW_GROUP:
		return create_role(ps, loc);
	case KW_FUNCTION:
	case KW_PROCEDURE:
		return create_function(ps, replace, loc);
	case KW_TRIGGER:
	case KW_CONSTRAINT:
		return create_trigger(ps, replace, loc);
	default:
		parse_syntax_error(ps);
	}
}

/* ---- ALTER -------------------------------------------------------------------------------- */

static AlterTableCmd *
alter_cmd(alter_table_type t, int loc)
{
	AlterTableCmd *c = AST_NEW(AlterTableCmd, loc);

	c->subtype = t;
	return c;
}

/* ALTER [COLUMN] name ... (after ALTER [COLUMN]) */
static AlterTableCmd *
alter_column(parse_state *ps, int loc)
{
	char *col = gram_colid(ps);
	AlterTableCmd *c;

	/* the action word commits: an unknown word after it is the error */
	if ((is_kw(ps, KW_SET) && !peek_kw(ps, 1, KW_DEFAULT) && !peek_kw(ps, 1, KW_NOT) &&
	     !peek_kw(ps, 1, KW_STATISTICS) && !peek_kw(ps, 1, KW_STORAGE) &&
	     !peek_kw(ps, 1, KW_GENERATED) && !peek_kw(ps, 1, KW_DATA) && !peek_char(ps, 1, '(') &&
	     !peek_kw(ps, 1, KW_INCREMENT) && !peek_kw(ps, 1, KW_MINVALUE) &&
	     !peek_kw(ps, 1, KW_MAXVALUE) && !peek_kw(ps, 1, KW_NO) && !peek_kw(ps, 1, KW_CACHE) &&
	     !peek_kw(ps, 1, KW_CYCLE) && !peek_kw(ps, 1, KW_START)) ||
	    (is_kw(ps, KW_DROP) && !peek_kw(ps, 1, KW_DEFAULT) && !peek_kw(ps, 1, KW_NOT) &&
	     !peek_kw(ps, 1, KW_EXPRESSION) && !peek_kw(ps, 1, KW_IDENTITY)) ||
	    (is_kw(ps, KW_ADD) && !peek_kw(ps, 1, KW_GENERATED)) ||
	    (is_kw(ps, KW_RESET) && !peek_char(ps, 1, '(')))
		parse_syntax_error_at(ps, peek_tok(ps, 1));
	if (is_kw(ps, KW_SET) && peek_kw(ps, 1, KW_DEFAULT)) {
		advance(ps);
		advance(ps);
		c = alter_cmd(AT_ColumnDefault, loc);
		c->def = gram_expr(ps);
	} else if (is_kw(ps, KW_DROP) && peek_kw(ps, 1, KW_DEFAULT)) {
		advance(ps);
		advance(ps);
		c = alter_cmd(AT_ColumnDefault, loc);
	} else if (is_kw(ps, KW_DROP) && peek_kw(ps, 1, KW_NOT)) {
		advance(ps);
		advance(ps);
		expect_kw(ps, KW_NULL);
		c = alter_cmd(AT_DropNotNull, loc);
	} else if (is_kw(ps, KW_SET) && peek_kw(ps, 1, KW_NOT)) {
		advance(ps);
		advance(ps);
		expect_kw(ps, KW_NULL);
		c = alter_cmd(AT_SetNotNull, loc);
	} else if (is_kw(ps, KW_DROP) && peek_kw(ps, 1, KW_EXPRESSION)) {
		advance(ps);
		advance(ps);
		c = alter_cmd(AT_DropExpression, loc);
		c->missing_ok = accept_if_exists(ps);
	} else if (is_kw(ps, KW_DROP) && peek_kw(ps, 1, KW_IDENTITY)) {
		advance(ps);
		advance(ps);
		c = alter_cmd(AT_DropIdentity, loc);
		c->missing_ok = accept_if_exists(ps);
	} else if (is_kw(ps, KW_SET) && peek_kw(ps, 1, KW_STATISTICS)) {
		advance(ps);
		advance(ps);
		c = alter_cmd(AT_SetStatistics, loc);
		c->def = gram_numeric_only(ps);
	} else if (is_kw(ps, KW_SET) && peek_kw(ps, 1, KW_STORAGE)) {
		advance(ps);
		advance(ps);
		c = alter_cmd(AT_SetStorage, loc);
		c->def = (ast_node *)ast_string(gram_colid(ps), loc);
	} else if (is_kw(ps, KW_ADD) && peek_kw(ps, 1, KW_GENERATED)) {
		Constraint *con = AST_NEW(Constraint, cur_tok(ps)->loc);

		advance(ps);
		generated(ps, con, true);
		c = alter_cmd(AT_AddIdentity, loc);
		c->def = (ast_node *)con;
	} else if (is_kw(ps, KW_RESTART) ||
	           (is_kw(ps, KW_SET) && (peek_kw(ps, 1, KW_GENERATED) || peek_kw(ps, 1, KW_DATA) ||
	                                  peek_char(ps, 1, '(')))) {
		if (peek_kw(ps, 1, KW_DATA)) {
			advance(ps);
			advance(ps);
			goto type;
		}
		if (peek_char(ps, 1, '(')) {
			advance(ps);
			c = alter_cmd(AT_SetRelOptions, loc);
			c->def = (ast_node *)reloptions(ps);
		} else {
			ast_list *opts = NULL;

			c = alter_cmd(AT_SetIdentity, loc);
			while (is_kw(ps, KW_SET) || is_kw(ps, KW_RESTART)) {
				int oloc = cur_tok(ps)->loc;

				if (is_kw(ps, KW_RESTART)) {
					opts = ast_list_concat(opts, gram_seq_options(ps, true));
					continue;
				}
				advance(ps);
				if (accept_kw(ps, KW_GENERATED)) {
					char w;

					if (accept_kw(ps, KW_ALWAYS))
						w = ATTRIBUTE_IDENTITY_ALWAYS;
					else {
						expect_kw(ps, KW_BY);
						expect_kw(ps, KW_DEFAULT);
						w = ATTRIBUTE_IDENTITY_BY_DEFAULT;
					}
					opts = ast_list_append(opts, gram_defelem("generated",
					                       (ast_node *)ast_integer(w, oloc), oloc));
				} else {
					DefElem *d = seq_opt(ps);

					if (d == NULL)
						parse_syntax_error(ps);
					opts = ast_list_append(opts, d);
				}
			}
			c->def = (ast_node *)opts;
		}
	} else if (is_kw(ps, KW_RESET) && peek_char(ps, 1, '(')) {
		advance(ps);
		c = alter_cmd(AT_ResetRelOptions, loc);
		c->def = (ast_node *)reloptions(ps);
	} else if (is_kw(ps, KW_TYPE)) {
type:
		expect_kw(ps, KW_TYPE);
		ColumnDef *cd = AST_NEW(ColumnDef, cur_tok(ps)->loc);

		cd->typeName = gram_typename(ps);
		if (accept_kw(ps, KW_COLLATE)) {
			cd->collClause = AST_NEW(CollateClause, cur_tok(ps)->loc);
			cd->collClause->collname = gram_any_name(ps);
		}
		if (accept_kw(ps, KW_USING))
			cd->raw_default = gram_expr(ps);
		c = alter_cmd(AT_AlterColumnType, loc);
		c->def = (ast_node *)cd;
	} else
		parse_syntax_error(ps);
	c->name = col;
	return c;
}

static AlterTableCmd *
alter_table_cmd(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	AlterTableCmd *c;

	if (accept_kw(ps, KW_ADD)) {
		const token *t = cur_tok(ps);

		if (tok_is_kw(t, KW_CONSTRAINT) || tok_is_kw(t, KW_CHECK) || tok_is_kw(t, KW_UNIQUE) ||
		    tok_is_kw(t, KW_PRIMARY) || tok_is_kw(t, KW_EXCLUDE) || tok_is_kw(t, KW_FOREIGN)) {
			c = alter_cmd(AT_AddConstraint, loc);
			c->def = (ast_node *)named_table_constraint(ps);
			return c;
		}
		c = alter_cmd(AT_AddColumn, loc);
		accept_kw(ps, KW_COLUMN);
		c->missing_ok = accept_if_not_exists(ps);
		c->def = (ast_node *)column_def(ps);
		return c;
	}
	if (accept_kw(ps, KW_DROP)) {
		if (accept_kw(ps, KW_CONSTRAINT)) {
			c = alter_cmd(AT_DropConstraint, loc);
			c->missing_ok = accept_if_exists(ps);
			c->name = gram_colid(ps);
			c->behavior = opt_drop_behavior(ps);
			return c;
		}
		c = alter_cmd(AT_DropColumn, loc);
		accept_kw(ps, KW_COLUMN);
		c->missing_ok = accept_if_exists(ps);
		c->name = gram_colid(ps);
		c->behavior = opt_drop_behavior(ps);
		return c;
	}
	if (accept_kw(ps, KW_ALTER)) {
		accept_kw(ps, KW_COLUMN);
		return alter_column(ps, loc);
	}
	if (is_kw(ps, KW_VALIDATE) && peek_kw(ps, 1, KW_CONSTRAINT)) {
		advance(ps);
		advance(ps);
		c = alter_cmd(AT_ValidateConstraint, loc);
		c->name = gram_colid(ps);
		return c;
	}
	if (accept_kw(ps, KW_SET)) {
		if (accept_kw(ps, KW_LOGGED))
			return alter_cmd(AT_SetLogged, loc);
		if (accept_kw(ps, KW_UNLOGGED))
			return alter_cmd(AT_SetUnLogged, loc);
		if (is_kw(ps, KW_WITHOUT) && peek_kw(ps, 1, KW_CLUSTER)) {
			advance(ps);
			advance(ps);
			return alter_cmd(AT_DropCluster, loc);
		}
		c = alter_cmd(AT_SetRelOptions, loc);
		c->def = (ast_node *)reloptions(ps);
		return c;
	}
	if (accept_kw(ps, KW_RESET)) {
		c = alter_cmd(AT_ResetRelOptions, loc);
		c->def = (ast_node *)reloptions(ps);
		return c;
	}
	if (accept_kw(ps, KW_OWNER)) {
		expect_kw(ps, KW_TO);
		c = alter_cmd(AT_ChangeOwner, loc);
		c->newowner = gram_rolespec(ps);
		return c;
	}
	if (is_kw(ps, KW_CLUSTER) && peek_kw(ps, 1, KW_ON)) {
		advance(ps);
		advance(ps);
		c = alter_cmd(AT_ClusterOn, loc);
		c->name = gram_colid(ps);
		return c;
	}
	if (is_kw(ps, KW_ENABLE) || is_kw(ps, KW_DISABLE)) {
		bool enable = is_kw(ps, KW_ENABLE);

		advance(ps);
		if (accept_kw(ps, KW_ROW)) {
			expect_kw(ps, KW_LEVEL);
			expect_kw(ps, KW_SECURITY);
			return alter_cmd(enable ? AT_EnableRowSecurity : AT_DisableRowSecurity, loc);
		}
		expect_kw(ps, KW_TRIGGER);
		if (accept_kw(ps, KW_ALL))
			return alter_cmd(enable ? AT_EnableTrigAll : AT_DisableTrigAll, loc);
		if (accept_kw(ps, KW_USER))
			return alter_cmd(enable ? AT_EnableTrigUser : AT_DisableTrigUser, loc);
		c = alter_cmd(enable ? AT_EnableTrig : AT_DisableTrig, loc);
		c->name = gram_colid(ps);
		return c;
	}
	if (accept_kw(ps, KW_REPLICA)) {
		expect_kw(ps, KW_IDENTITY);
		c = alter_cmd(AT_ReplicaIdentity, loc);
		if (is_kw(ps, KW_USING)) {
			advance(ps);
			expect_kw(ps, KW_INDEX);
			c->name = gram_colid(ps);
			c->def = (ast_node *)ast_string("index", loc);
		} else {
			const token *t = cur_tok(ps);

			if (!tok_is_kw(t, KW_DEFAULT) && !tok_is_kw(t, KW_FULL) && !tok_is_kw(t, KW_NOTHING))
				parse_syntax_error(ps);
			advance(ps);
			c->def = (ast_node *)ast_string(t->str, loc);
		}
		return c;
	}
	/* ALTER TABLE t ADD col is handled above; a bare column name is not an action */
	parse_syntax_error(ps);
}

static object_type
relation_kind(parse_state *ps)
{
	const token *t = cur_tok(ps);

	switch (t->type == TK_KEYWORD ? t->kw : KW__NONE) {
	case KW_TABLE: advance(ps); return OBJECT_TABLE;
	case KW_INDEX: advance(ps); return OBJECT_INDEX;
	case KW_VIEW: advance(ps); return OBJECT_VIEW;
	case KW_SEQUENCE: advance(ps); return OBJECT_SEQUENCE;
	case KW_MATERIALIZED:
		advance(ps);
		expect_kw(ps, KW_VIEW);
		return OBJECT_MATVIEW;
	case KW_FOREIGN:
		advance(ps);
		expect_kw(ps, KW_TABLE);
		return OBJECT_FOREIGN_TABLE;
	default:
		parse_syntax_error(ps);
	}
}

static ast_node *
alter_relation(parse_state *ps, int loc)
{
	object_type kind = relation_kind(ps);
	bool missing_ok = accept_if_exists(ps);
	RangeVar *rel = gram_relation_expr(ps);

	if (accept_kw(ps, KW_RENAME)) {
		RenameStmt *r = AST_NEW(RenameStmt, loc);

		r->relation = rel;
		r->relationType = kind;
		r->missing_ok = missing_ok;
		if (accept_kw(ps, KW_TO)) {
			r->renameType = kind;
		} else if (kind == OBJECT_INDEX || kind == OBJECT_SEQUENCE) {
			parse_syntax_error(ps);
		} else if (accept_kw(ps, KW_CONSTRAINT)) {
			r->renameType = OBJECT_TABCONSTRAINT;
			r->subname = gram_colid(ps);
			expect_kw(ps, KW_TO);
		} else {
			accept_kw(ps, KW_COLUMN);
			r->renameType = OBJECT_COLUMN;
			r->subname = gram_colid(ps);
			expect_kw(ps, KW_TO);
		}
		r->newname = gram_colid(ps);
		return (ast_node *)r;
	}
	if (is_kw(ps, KW_SET) && peek_kw(ps, 1, KW_SCHEMA)) {
		AlterObjectSchemaStmt *a = AST_NEW(AlterObjectSchemaStmt, loc);

		advance(ps);
		advance(ps);
		a->objectType = kind;
		a->relation = rel;
		a->newschema = gram_colid(ps);
		a->missing_ok = missing_ok;
		return (ast_node *)a;
	}
	if (kind == OBJECT_SEQUENCE && !is_kw(ps, KW_OWNER) && !is_kw(ps, KW_SET) &&
	    !is_kw(ps, KW_RESET)) {
		AlterSeqStmt *s = AST_NEW(AlterSeqStmt, loc);

		s->sequence = rel;
		s->missing_ok = missing_ok;
		s->options = gram_seq_options(ps, true);
		if (s->options == NULL)
			parse_syntax_error(ps);
		return (ast_node *)s;
	}
	AlterTableStmt *s = AST_NEW(AlterTableStmt, loc);

	s->relation = rel;
	s->objtype = kind;
	s->missing_ok = missing_ok;
	do
		s->cmds = ast_list_append(s->cmds, alter_table_cmd(ps));
	while (accept_char(ps, ','));
	return (ast_node *)s;
}

static ast_node *
rename_named(parse_state *ps, object_type kind, char *old, int loc)
{
	RenameStmt *r = AST_NEW(RenameStmt, loc);

	expect_kw(ps, KW_RENAME);
	expect_kw(ps, KW_TO);
	r->renameType = kind;
	r->subname = old;
	r->newname = gram_colid(ps);
	return (ast_node *)r;
}

ast_node *
gram_alter(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	const token *t;

	expect_kw(ps, KW_ALTER);
	t = cur_tok(ps);
	switch (t->type == TK_KEYWORD ? t->kw : KW__NONE) {
	case KW_TABLE: case KW_INDEX: case KW_VIEW: case KW_SEQUENCE: case KW_MATERIALIZED:
	case KW_FOREIGN:
		return alter_relation(ps, loc);
	case KW_SCHEMA:
	case KW_DATABASE: {
		object_type kind = t->kw == KW_SCHEMA ? OBJECT_SCHEMA : OBJECT_DATABASE;
		char *name;

		advance(ps);
		name = gram_colid(ps);
		if (is_kw(ps, KW_OWNER)) {
			AlterTableStmt *s = AST_NEW(AlterTableStmt, loc);
			AlterTableCmd *c = alter_cmd(AT_ChangeOwner, cur_tok(ps)->loc);

			advance(ps);
			expect_kw(ps, KW_TO);
			c->newowner = gram_rolespec(ps);
			c->name = name;
			s->objtype = kind;
			s->cmds = ast_list_make1((ast_node *)c);
			return (ast_node *)s;
		}
		return rename_named(ps, kind, name, loc);
	}
	case KW_ROLE:
	case KW_USER:
	case KW_GROUP: {
		RoleSpec *role;

		advance(ps);
		role = gram_rolespec(ps);
		if (is_kw(ps, KW_RENAME))
			return rename_named(ps, OBJECT_ROLE, role->rolename, loc);

		AlterRoleStmt *s = AST_NEW(AlterRoleStmt, loc);

		s->role = role;
		if (is_kw(ps, KW_IN) && peek_kw(ps, 1, KW_DATABASE)) {
			advance(ps);
			advance(ps);
			s->database = gram_colid(ps);
		}
		if (accept_kw(ps, KW_SET))
			s->setstmt = (ast_node *)gram_set_rest(ps, false);
		else if (is_kw(ps, KW_RESET))
			s->setstmt = gram_reset(ps);
		else if (s->database != NULL)
			parse_syntax_error(ps);
		else
			s->options = role_options(ps, false);
		return (ast_node *)s;
	}
	case KW_TRIGGER: {
		RenameStmt *r = AST_NEW(RenameStmt, loc);

		advance(ps);
		r->renameType = OBJECT_TRIGGER;
		r->subname = gram_colid(ps);
		expect_kw(ps, KW_ON);
		r->relation = gram_qualified_name(ps);
		expect_kw(ps, KW_RENAME);
		expect_kw(ps, KW_TO);
		r->newname = gram_colid(ps);
		return (ast_node *)r;
	}
	case KW_FUNCTION:
	case KW_PROCEDURE: {
		object_type kind = t->kw == KW_FUNCTION ? OBJECT_FUNCTION : OBJECT_PROCEDURE;
		ObjectWithArgs *o;

		advance(ps);
		o = function_with_argtypes(ps);
		if (is_kw(ps, KW_SET) && peek_kw(ps, 1, KW_SCHEMA)) {
			AlterObjectSchemaStmt *a = AST_NEW(AlterObjectSchemaStmt, loc);

			advance(ps);
			advance(ps);
			a->objectType = kind;
			a->object = (ast_node *)o;
			a->newschema = gram_colid(ps);
			return (ast_node *)a;
		}
		RenameStmt *r = AST_NEW(RenameStmt, loc);

		expect_kw(ps, KW_RENAME);
		expect_kw(ps, KW_TO);
		r->renameType = kind;
		r->object = (ast_node *)o;
		r->newname = gram_colid(ps);
		return (ast_node *)r;
	}
	default:
		parse_syntax_error(ps);
	}
}

/* ---- DROP --------------------------------------------------------------------------------- */

/* The object kind named at the current token (DROP, COMMENT ON), consuming it; the kinds
 * the statement allows are the bits (1 << object_type) of `allowed`. */
static object_type
object_keyword(parse_state *ps, unsigned allowed)
{
	static const struct { kw_id kw, kw2; object_type type; } kinds[] = {
		{KW_TABLE, KW__NONE, OBJECT_TABLE}, {KW_VIEW, KW__NONE, OBJECT_VIEW},
		{KW_INDEX, KW__NONE, OBJECT_INDEX}, {KW_SEQUENCE, KW__NONE, OBJECT_SEQUENCE},
		{KW_SCHEMA, KW__NONE, OBJECT_SCHEMA}, {KW_DATABASE, KW__NONE, OBJECT_DATABASE},
		{KW_ROLE, KW__NONE, OBJECT_ROLE}, {KW_COLUMN, KW__NONE, OBJECT_COLUMN},
		{KW_TYPE, KW__NONE, OBJECT_TYPE}, {KW_DOMAIN, KW__NONE, OBJECT_DOMAIN},
		{KW_EXTENSION, KW__NONE, OBJECT_EXTENSION}, {KW_COLLATION, KW__NONE, OBJECT_COLLATION},
		{KW_FUNCTION, KW__NONE, OBJECT_FUNCTION}, {KW_PROCEDURE, KW__NONE, OBJECT_PROCEDURE},
		{KW_ROUTINE, KW__NONE, OBJECT_ROUTINE}, {KW_AGGREGATE, KW__NONE, OBJECT_AGGREGATE},
		{KW_CONSTRAINT, KW__NONE, OBJECT_TABCONSTRAINT}, {KW_TRIGGER, KW__NONE, OBJECT_TRIGGER},
		{KW_MATERIALIZED, KW_VIEW, OBJECT_MATVIEW}, {KW_FOREIGN, KW_TABLE, OBJECT_FOREIGN_TABLE},
	};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (is_kw(ps, kinds[i].kw) && (allowed & (1u << kinds[i].type))) {
			advance(ps);
			if (kinds[i].kw2 != KW__NONE)
				expect_kw(ps, kinds[i].kw2);
			return kinds[i].type;
		}
	parse_syntax_error(ps);
}

#define OBJ(t) (1u << OBJECT_##t)

ast_node *
gram_drop(parse_state *ps)
{
	int loc = cur_tok(ps)->loc;
	const token *t;
	DropStmt *s;

	expect_kw(ps, KW_DROP);
	t = cur_tok(ps);
	switch (t->type == TK_KEYWORD ? t->kw : KW__NONE) {
	case KW_DATABASE: {
		DropdbStmt *d = AST_NEW(DropdbStmt, loc);

		advance(ps);
		d->missing_ok = accept_if_exists(ps);
		d->dbname = gram_colid(ps);
		if (is_kw(ps, KW_WITH) || is_char(ps, '(')) {
			accept_kw(ps, KW_WITH);
			expect_char(ps, '(');
			do {
				int oloc = cur_tok(ps)->loc;

				expect_kw(ps, KW_FORCE);
				d->options = ast_list_append(d->options, gram_defelem("force", NULL, oloc));
			} while (accept_char(ps, ','));
			expect_char(ps, ')');
		}
		return (ast_node *)d;
	}
	case KW_ROLE: case KW_USER: case KW_GROUP: {
		DropRoleStmt *d = AST_NEW(DropRoleStmt, loc);

		advance(ps);
		d->missing_ok = accept_if_exists(ps);
		d->roles = role_list(ps);
		return (ast_node *)d;
	}
	default:
		break;
	}
	s = AST_NEW(DropStmt, loc);
	s->removeType = object_keyword(ps, OBJ(TABLE) | OBJ(VIEW) | OBJ(INDEX) | OBJ(SEQUENCE) |
	                                   OBJ(SCHEMA) | OBJ(TYPE) | OBJ(DOMAIN) | OBJ(EXTENSION) |
	                                   OBJ(COLLATION) | OBJ(FUNCTION) | OBJ(PROCEDURE) |
	                                   OBJ(ROUTINE) | OBJ(AGGREGATE) | OBJ(TRIGGER) |
	                                   OBJ(MATVIEW) | OBJ(FOREIGN_TABLE));
	if (s->removeType == OBJECT_INDEX)
		s->concurrent = accept_kw(ps, KW_CONCURRENTLY);
	s->missing_ok = accept_if_exists(ps);
	switch (s->removeType) {
	case OBJECT_FUNCTION: case OBJECT_PROCEDURE: case OBJECT_ROUTINE: case OBJECT_AGGREGATE:
		do
			s->objects = ast_list_append(s->objects, function_with_argtypes(ps));
		while (accept_char(ps, ','));
		break;
	case OBJECT_TRIGGER: {
		int nloc = cur_tok(ps)->loc;
		char *name = gram_colid(ps);

		if (accept_kw(ps, KW_ON)) {
			ast_list *obj = gram_any_name(ps);

			s->objects = ast_list_make1((ast_node *)ast_list_append(obj, ast_string(name, nloc)));
		} else
			s->objects = ast_list_make1((ast_node *)name1(name, nloc));   /* sqlite */
		break;
	}
	case OBJECT_SCHEMA: case OBJECT_EXTENSION:
		do {
			int nloc = cur_tok(ps)->loc;

			s->objects = ast_list_append(s->objects, name1(gram_colid(ps), nloc));
		} while (accept_char(ps, ','));
		break;
	default:
		s->objects = gram_qualified_name_list(ps);
		break;
	}
	s->behavior = opt_drop_behavior(ps);
	return (ast_node *)s;
}

/* ---- TRUNCATE, REINDEX, REFRESH -------------------------------------------------------------- */

ast_node *
gram_truncate(parse_state *ps)
{
	TruncateStmt *s = AST_NEW(TruncateStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_TRUNCATE);
	accept_kw(ps, KW_TABLE);
	s->relations = gram_relation_expr_list(ps);
	if (is_kw(ps, KW_RESTART) || is_kw(ps, KW_CONTINUE)) {
		s->restart_seqs = is_kw(ps, KW_RESTART);
		advance(ps);
		expect_kw(ps, KW_IDENTITY);
	}
	s->behavior = opt_drop_behavior(ps);
	return (ast_node *)s;
}

ast_node *
gram_reindex(parse_state *ps)
{
	ReindexStmt *s = AST_NEW(ReindexStmt, cur_tok(ps)->loc);
	const token *t;

	expect_kw(ps, KW_REINDEX);
	if (is_char(ps, '('))
		s->params = gram_generic_options(ps, false);
	t = cur_tok(ps);
	/* sqlite: REINDEX name (not one of PostgreSQL's object kinds, no options) */
	if (s->params == NULL && tok_is_colid(t) && !tok_is_kw(t, KW_INDEX) &&
	    !tok_is_kw(t, KW_TABLE) && !tok_is_kw(t, KW_SCHEMA) && !tok_is_kw(t, KW_SYSTEM) &&
	    !tok_is_kw(t, KW_DATABASE) &&
	    (peek_char(ps, 1, TK_EOF) || peek_char(ps, 1, ';') || peek_char(ps, 1, '.'))) {
		s->kind = REINDEX_OBJECT_ANY;
		s->relation = gram_qualified_name(ps);
		return (ast_node *)s;
	}
	switch (t->type == TK_KEYWORD ? t->kw : KW__NONE) {
	case KW_INDEX: s->kind = REINDEX_OBJECT_INDEX; break;
	case KW_TABLE: s->kind = REINDEX_OBJECT_TABLE; break;
	case KW_SCHEMA: s->kind = REINDEX_OBJECT_SCHEMA; break;
	case KW_SYSTEM: s->kind = REINDEX_OBJECT_SYSTEM; break;
	case KW_DATABASE: s->kind = REINDEX_OBJECT_DATABASE; break;
	default: parse_syntax_error(ps);
	}
	advance(ps);
	if (is_kw(ps, KW_CONCURRENTLY)) {
		s->params = ast_list_append(s->params, gram_defelem("concurrently", NULL,
		                                                     cur_tok(ps)->loc));
		advance(ps);
	}
	if (s->kind == REINDEX_OBJECT_INDEX || s->kind == REINDEX_OBJECT_TABLE)
		s->relation = gram_qualified_name(ps);
	else
		s->name = gram_colid(ps);
	return (ast_node *)s;
}

ast_node *
gram_refresh(parse_state *ps)
{
	RefreshMatViewStmt *s = AST_NEW(RefreshMatViewStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_REFRESH);
	expect_kw(ps, KW_MATERIALIZED);
	expect_kw(ps, KW_VIEW);
	s->concurrent = accept_kw(ps, KW_CONCURRENTLY);
	s->relation = gram_qualified_name(ps);
	s->skipData = opt_with_data(ps);
	return (ast_node *)s;
}

/* ---- COMMENT ------------------------------------------------------------------------------ */

ast_node *
gram_comment(parse_state *ps)
{
	CommentStmt *s = AST_NEW(CommentStmt, cur_tok(ps)->loc);

	expect_kw(ps, KW_COMMENT);
	expect_kw(ps, KW_ON);
	s->objtype = object_keyword(ps, OBJ(TABLE) | OBJ(VIEW) | OBJ(INDEX) | OBJ(SEQUENCE) |
	                                OBJ(SCHEMA) | OBJ(DATABASE) | OBJ(ROLE) | OBJ(COLUMN) |
	                                OBJ(TYPE) | OBJ(DOMAIN) | OBJ(EXTENSION) | OBJ(COLLATION) |
	                                OBJ(FUNCTION) | OBJ(PROCEDURE) | OBJ(TABCONSTRAINT) |
	                                OBJ(TRIGGER) | OBJ(MATVIEW));
	switch (s->objtype) {
	case OBJECT_FUNCTION: case OBJECT_PROCEDURE:
		s->object = (ast_node *)function_with_argtypes(ps);
		break;
	case OBJECT_TABCONSTRAINT: case OBJECT_TRIGGER: {
		int nloc = cur_tok(ps)->loc;
		char *name = gram_colid(ps);

		expect_kw(ps, KW_ON);
		s->object = (ast_node *)ast_list_append(gram_any_name(ps), ast_string(name, nloc));
		break;
	}
	default:
		s->object = (ast_node *)gram_any_name(ps);
		break;
	}
	expect_kw(ps, KW_IS);
	if (!accept_kw(ps, KW_NULL))
		s->comment = gram_sconst(ps);
	return (ast_node *)s;
}

/* ---- GRANT / REVOKE ----------------------------------------------------------------------- */

static AccessPriv *
privilege(parse_state *ps)
{
	const token *t = cur_tok(ps);
	AccessPriv *p = AST_NEW(AccessPriv, t->loc);

	if (tok_is_kw(t, KW_SELECT) || tok_is_kw(t, KW_REFERENCES) || tok_is_kw(t, KW_CREATE)) {
		advance(ps);
		p->priv_name = t->str;
	} else
		p->priv_name = gram_colid(ps);
	if (is_char(ps, '('))
		p->cols = gram_opt_name_list(ps);
	return p;
}

/* [WITH {GRANT|ADMIN} OPTION] [GRANTED BY role] [CASCADE|RESTRICT] at the end of GRANT and
 * REVOKE */
static void
grant_tail(parse_state *ps, bool is_grant, kw_id option, bool *opt, RoleSpec **grantor,
           drop_behavior *behavior)
{
	if (is_grant && accept_kw(ps, KW_WITH)) {
		expect_kw(ps, option);
		expect_kw(ps, KW_OPTION);
		*opt = true;
	}
	if (is_kw(ps, KW_GRANTED)) {
		advance(ps);
		expect_kw(ps, KW_BY);
		*grantor = gram_rolespec(ps);
	}
	if (!is_grant)
		*behavior = opt_drop_behavior(ps);
}

ast_node *
gram_grant(parse_state *ps, bool is_grant)
{
	int loc = cur_tok(ps)->loc;
	ast_list *privs = NULL;
	bool all = false, grant_option_for = false;

	advance(ps);
	if (!is_grant && accept_kw(ps, KW_GRANT)) {
		expect_kw(ps, KW_OPTION);
		expect_kw(ps, KW_FOR);
		grant_option_for = true;
	} else if (!is_grant && is_kw(ps, KW_ADMIN) && peek_kw(ps, 1, KW_OPTION)) {
		advance(ps);
		advance(ps);
		expect_kw(ps, KW_FOR);
		grant_option_for = true;
	}
	if (is_kw(ps, KW_ALL)) {
		advance(ps);
		accept_kw(ps, KW_PRIVILEGES);
		all = true;
		if (is_char(ps, '(')) {
			AccessPriv *p = AST_NEW(AccessPriv, cur_tok(ps)->loc);

			p->cols = gram_opt_name_list(ps);
			privs = ast_list_make1((ast_node *)p);
		}
	} else {
		do
			privs = ast_list_append(privs, privilege(ps));
		while (accept_char(ps, ','));
	}
	if (!all && (is_kw(ps, KW_TO) || is_kw(ps, KW_FROM))) {
		/* GRANT role, ... TO role, ... */
		GrantRoleStmt *g = AST_NEW(GrantRoleStmt, loc);

		for (int i = 0; i < privs->n; i++)
			if (((AccessPriv *)privs->items[i])->cols != NULL)
				parse_syntax_error(ps);
		g->is_grant = is_grant;
		g->granted_roles = privs;
		advance(ps);
		g->grantee_roles = role_list(ps);
		g->admin_opt = grant_option_for;
		grant_tail(ps, is_grant, KW_ADMIN, &g->admin_opt, &g->grantor, &g->behavior);
		return (ast_node *)g;
	}

	GrantStmt *g = AST_NEW(GrantStmt, loc);

	g->is_grant = is_grant;
	g->privileges = privs;
	g->grant_option = grant_option_for;
	expect_kw(ps, KW_ON);
	g->objtype = OBJECT_TABLE;
	g->targtype = ACL_TARGET_OBJECT;
	if (accept_kw(ps, KW_ALL)) {
		const token *k = cur_tok(ps);

		if (!tok_is_kw(k, KW_TABLES) && !tok_is_kw(k, KW_SEQUENCES) &&
		    !tok_is_kw(k, KW_FUNCTIONS) && !tok_is_kw(k, KW_PROCEDURES) &&
		    !tok_is_kw(k, KW_ROUTINES))
			parse_syntax_error(ps);
		advance(ps);
		g->objtype = k->kw == KW_TABLES ? OBJECT_TABLE : k->kw == KW_SEQUENCES ? OBJECT_SEQUENCE
		           : k->kw == KW_FUNCTIONS ? OBJECT_FUNCTION
		           : k->kw == KW_PROCEDURES ? OBJECT_PROCEDURE : OBJECT_ROUTINE;
		g->targtype = ACL_TARGET_ALL_IN_SCHEMA;
		expect_kw(ps, KW_IN);
		expect_kw(ps, KW_SCHEMA);
		g->objects = gram_name_list(ps);
	} else {
		const token *k = cur_tok(ps);
		bool names = false, funcs = false;
		/* an object-kind word followed by TO / FROM is a table's name */
		bool kind_word = !peek_kw(ps, 1, KW_TO) && !peek_kw(ps, 1, KW_FROM) &&
		                 !peek_char(ps, 1, ',');

		switch (k->type == TK_KEYWORD && kind_word ? k->kw : KW__NONE) {
		case KW_TABLE: advance(ps); break;
		case KW_SEQUENCE: advance(ps); g->objtype = OBJECT_SEQUENCE; break;
		case KW_DATABASE: advance(ps); g->objtype = OBJECT_DATABASE; names = true; break;
		case KW_SCHEMA: advance(ps); g->objtype = OBJECT_SCHEMA; names = true; break;
		case KW_LANGUAGE: advance(ps); g->objtype = OBJECT_LANGUAGE; names = true; break;
		case KW_TABLESPACE: advance(ps); g->objtype = OBJECT_TABLESPACE; names = true; break;
		case KW_TYPE: advance(ps); g->objtype = OBJECT_TYPE; break;
		case KW_DOMAIN: advance(ps); g->objtype = OBJECT_DOMAIN; break;
		case KW_FUNCTION: advance(ps); g->objtype = OBJECT_FUNCTION; funcs = true; break;
		case KW_PROCEDURE: advance(ps); g->objtype = OBJECT_PROCEDURE; funcs = true; break;
		case KW_ROUTINE: advance(ps); g->objtype = OBJECT_ROUTINE; funcs = true; break;
		default: break;
		}
		if (funcs) {
			do
				g->objects = ast_list_append(g->objects, function_with_argtypes(ps));
			while (accept_char(ps, ','));
		} else if (names)
			g->objects = gram_name_list(ps);
		else if (g->objtype == OBJECT_TABLE || g->objtype == OBJECT_SEQUENCE) {
			do
				g->objects = ast_list_append(g->objects, gram_qualified_name(ps));
			while (accept_char(ps, ','));
		} else
			g->objects = gram_qualified_name_list(ps);
	}
	if (is_grant)
		expect_kw(ps, KW_TO);
	else
		expect_kw(ps, KW_FROM);
	do {
		accept_kw(ps, KW_GROUP);
		g->grantees = ast_list_append(g->grantees, gram_rolespec(ps));
	} while (accept_char(ps, ','));
	grant_tail(ps, is_grant, KW_GRANT, &g->grant_option, &g->grantor, &g->behavior);
	return (ast_node *)g;
}
