/*
 * anl_ddl.h — a stand-in for the engine's DDL, shared by tests/analyze/anl_tool.c and
 * tests/unit/check_analyze.c: CREATE TABLE (columns, NOT NULL, PRIMARY KEY, DEFAULT),
 * CREATE [UNIQUE] INDEX on columns, CREATE VIEW (through anl_view_query) and DROP, applied
 * to the catalog with cat.h so that analyzed statements find their tables.  Test code only.
 */
#ifndef PH_TESTS_ANL_DDL_H
#define PH_TESTS_ANL_DDL_H

#include <string.h>

#include "catalog/cat.h"
#include "sql/analyze/anl.h"
#include "sql/parse/parse.h"
#include "util/err.h"
#include "types/types.h"
#include "util/mem.h"

static uint64_t ddl_xid = 100;

/* ---- a stand-in for the engine's DDL ---------------------------------------------------- */

static Oid
ddl_make_sequence(const char *name, Oid type)
{
	cat_sequence seq;
	cat_sequence_defaults(type, 1, &seq);
	cat_ddl *d = cat_ddl_begin(ddl_xid++, 0);
	cat_relation_def def;
	memset(&def, 0, sizeof def);
	def.ns = CAT_PUBLIC_NAMESPACE;
	def.name = name;
	def.kind = CAT_RELKIND_SEQUENCE;
	def.owner = CAT_BOOTSTRAP_SUPERUSER_OID;
	def.seq = &seq;
	Oid oid = cat_create_relation(d, &def);
	cat_ddl_commit(d);
	return oid;
}

static void
ddl_create_table(CreateStmt *s, const char *text)
{
	int n = 0;
	cat_column_def cols[256];
	int16_t pk[CAT_MAX_KEYS];
	int npk = 0;
	ast_list *uniques = NULL, *checks = NULL;
	memset(cols, 0, sizeof cols);
	for (int i = 0; i < ast_list_length(s->tableElts) && n < 256; i++) {
		ast_node *el = ast_list_nth(s->tableElts, i);
		if (AST_IS(el, ColumnDef)) {
			ColumnDef *cd = (ColumnDef *)el;
			cat_column_def *c = &cols[n++];
			c->name = cd->colname;
			const char *tn = ast_strval(ast_list_last(cd->typeName->names));
			if (strcmp(tn, "serial") == 0 || strcmp(tn, "bigserial") == 0) {
				/* serial: a sequence and a nextval default, as PostgreSQL's CREATE TABLE */
				c->type = strcmp(tn, "serial") == 0 ? INT4OID : INT8OID;
				c->typmod = -1;
				c->not_null = true;
				char *sname = psprintf("%s_%s_seq", s->relation->relname, cd->colname);
				ddl_make_sequence(sname, INT8OID);
				c->default_expr = psprintf("nextval('%s'::regclass)", sname);
				continue;
			}
			c->type = anl_typename(cd->typeName, text, &c->typmod);
			for (int k = 0; k < ast_list_length(cd->constraints); k++) {
				Constraint *con = ast_list_nth(cd->constraints, k);
				if (con->contype == CONSTR_NOTNULL)
					c->not_null = true;
				else if (con->contype == CONSTR_PRIMARY && npk < CAT_MAX_KEYS) {
					c->not_null = true;
					pk[npk++] = (int16_t)n;
				} else if (con->contype == CONSTR_CHECK)
					checks = ast_list_append(checks, con->raw_expr);
				else if (con->contype == CONSTR_UNIQUE)
					uniques = ast_list_append(uniques, ast_string(cd->colname, -1));
				else if (con->contype == CONSTR_DEFAULT) {
					anl_table_desc t = {s->relation->relname, 0, NULL, NULL, NULL};
					char *txt;
					anl_check_expr_for_table(con->raw_expr, &t, ANL_DDL_DEFAULT, c->type, c->typmod,
					                         text, &txt);
					c->default_expr = txt;
				}
			}
		} else if (AST_IS(el, Constraint)) {
			Constraint *con = (Constraint *)el;
			if (con->contype == CONSTR_CHECK)
				checks = ast_list_append(checks, con->raw_expr);
			if (con->contype == CONSTR_PRIMARY)
				for (int k = 0; k < ast_list_length(con->keys) && npk < CAT_MAX_KEYS; k++) {
					const char *kn = ast_strval(ast_list_nth(con->keys, k));
					for (int m = 0; m < n; m++)
						if (strcmp(cols[m].name, kn) == 0)
							pk[npk++] = (int16_t)(m + 1);
				}
		}
	}
	if (checks) {
		const char **names = palloc(sizeof(char *) * (size_t)(n + 1));
		Oid *types = palloc(sizeof(Oid) * (size_t)(n + 1));
		int32_t *mods = palloc(sizeof(int32_t) * (size_t)(n + 1));
		for (int i = 0; i < n; i++) {
			names[i] = cols[i].name;
			types[i] = cols[i].type;
			mods[i] = cols[i].typmod;
		}
		anl_table_desc td = {s->relation->relname, n, names, types, mods};
		for (int i = 0; i < ast_list_length(checks); i++)
			anl_check_expr_for_table(ast_list_nth(checks, i), &td, ANL_DDL_CHECK, InvalidOid, -1, text,
			                         NULL);
	}
	Oid ns = CAT_PUBLIC_NAMESPACE;
	cat_ddl *d = cat_ddl_begin(ddl_xid++, 0);
	cat_relation_def def;
	memset(&def, 0, sizeof def);
	def.ns = ns;
	def.name = s->relation->relname;
	def.kind = CAT_RELKIND_TABLE;
	def.owner = CAT_BOOTSTRAP_SUPERUSER_OID;
	def.ncolumns = n;
	def.columns = cols;
	Oid rel = cat_create_relation(d, &def);
	if (npk > 0) {
		cat_index_key keys[CAT_MAX_KEYS];
		for (int i = 0; i < npk; i++)
			keys[i] = (cat_index_key){pk[i], NULL, false, false};
		cat_index_def idx;
		memset(&idx, 0, sizeof idx);
		idx.table = rel;
		char *iname = psprintf("%s_pkey", s->relation->relname);
		idx.name = iname;
		idx.unique = idx.primary = true;
		idx.nkeys = npk;
		idx.keys = keys;
		idx.owner = CAT_BOOTSTRAP_SUPERUSER_OID;
		Oid io = cat_create_index(d, &idx);
		cat_constraint_def con;
		memset(&con, 0, sizeof con);
		con.rel = rel;
		con.name = iname;
		con.type = CAT_CON_PRIMARY;
		con.nkeys = npk;
		con.keys = pk;
		con.index = io;
		cat_create_constraint(d, &con);
	}
	cat_ddl_commit(d);
	(void)uniques;
}

static void
ddl_create_index(IndexStmt *s)
{
	const cat_relation *rel;
	Oid r = cat_lookup_relation(CAT_PUBLIC_NAMESPACE, s->relation->relname);
	if (!r || !(rel = cat_get_relation(r)))
		ph_error("42P01", "relation \"%s\" does not exist", s->relation->relname);
	cat_index_key keys[CAT_MAX_KEYS];
	int n = 0;
	for (int i = 0; i < ast_list_length(s->indexParams) && n < CAT_MAX_KEYS; i++) {
		IndexElem *ie = ast_list_nth(s->indexParams, i);
		if (!ie->name)
			return;
		const cat_attribute *a = cat_relation_attribute(rel, ie->name);
		if (!a)
			ph_error("42703", "column \"%s\" does not exist", ie->name);
		keys[n++] = (cat_index_key){a->attnum, NULL, ie->ordering == SORTBY_DESC, false};
	}
	cat_ddl *d = cat_ddl_begin(ddl_xid++, 0);
	cat_index_def idx;
	memset(&idx, 0, sizeof idx);
	idx.table = r;
	idx.name = s->idxname ? s->idxname : psprintf("%s_idx%lu", s->relation->relname, (unsigned long)ddl_xid);
	idx.unique = s->unique;
	idx.nkeys = n;
	idx.keys = keys;
	idx.owner = CAT_BOOTSTRAP_SUPERUSER_OID;
	cat_create_index(d, &idx);
	cat_ddl_commit(d);
}

static void
ddl_create_view(ViewStmt *s, const char *text)
{
	anl_view_result vr;
	anl_view_query(s->query, s->aliases, true, text, NULL, &vr);
	cat_column_def *cols = palloc0(sizeof(cat_column_def) * (size_t)(vr.ncols + 1));
	for (int i = 0; i < vr.ncols; i++) {
		cols[i].name = vr.colnames[i];
		cols[i].type = vr.coltypes[i];
		cols[i].typmod = vr.coltypmods[i];
	}
	cat_ddl *d = cat_ddl_begin(ddl_xid++, 0);
	cat_relation_def def;
	memset(&def, 0, sizeof def);
	def.ns = CAT_PUBLIC_NAMESPACE;
	def.name = s->view->relname;
	def.kind = CAT_RELKIND_VIEW;
	def.owner = CAT_BOOTSTRAP_SUPERUSER_OID;
	def.ncolumns = vr.ncols;
	def.columns = cols;
	def.view_query = vr.text;
	cat_create_relation(d, &def);
	cat_ddl_commit(d);
}

static void
drop_rel(Oid r)
{
	cat_ddl *d = cat_ddl_begin(ddl_xid++, 0);
	cat_objref o = {CAT_OBJ_RELATION, r, 0};
	cat_drop_list out;
	cat_drop(d, &o, CAT_CASCADE, &out);
	cat_ddl_commit(d);
}

static void
ddl_drop(DropStmt *s)
{
	for (int i = 0; i < ast_list_length(s->objects); i++) {
		ast_list *name = ast_list_nth(s->objects, i);
		const char *rn = ast_strval(ast_list_last(name));
		Oid r = cat_lookup_relation(CAT_PUBLIC_NAMESPACE, rn);
		if (!r) {
			if (s->missing_ok)
				continue;
			ph_error("42P01", "table \"%s\" does not exist", rn);
		}
		drop_rel(r);
	}
}

__attribute__((unused)) static void
reset_schema(void)
{
	cat_begin_statement();
	Oid *oids;
	int n = cat_list_relations(CAT_PUBLIC_NAMESPACE, &oids);
	for (int i = 0; i < n; i++) {
		const cat_relation *r = cat_get_relation(oids[i]);
		if (r && (r->kind == CAT_RELKIND_TABLE || r->kind == CAT_RELKIND_VIEW))
			drop_rel(oids[i]);
		cat_begin_statement();
	}
}

/* Apply one DDL statement; false when stmt is not DDL handled here. */
static bool
ddl_apply(ast_node *st, const char *text)
{
	if (AST_IS(st, CreateStmt))
		ddl_create_table((CreateStmt *)st, text);
	else if (AST_IS(st, CreateSeqStmt))
		ddl_make_sequence(((CreateSeqStmt *)st)->sequence->relname, INT8OID);
	else if (AST_IS(st, IndexStmt))
		ddl_create_index((IndexStmt *)st);
	else if (AST_IS(st, ViewStmt))
		ddl_create_view((ViewStmt *)st, text);
	else if (AST_IS(st, DropStmt))
		ddl_drop((DropStmt *)st);
	else
		return false;
	return true;
}

static qry_expr *
fold_cb(qry_expr *e, void *arg)
{
	(void)arg;
	return anl_fold_constants(e);
}

static void
fold_query(qry_query *q)
{
	qry_mutate_query_exprs(q, fold_cb, NULL);
	for (int i = 0; i < qry_list_len(q->rtable); i++) {
		qry_rte *r = q->rtable->items[i];
		if (r->kind == RTE_SUBQUERY && r->subquery)
			fold_query(r->subquery);
	}
}

/*
 * Analyze one statement text as the comparison files expect: "OK", "PARAMS $1:type ...".
 * for a "P:" line (parameter types inferred), or "ERR sqlstate|message|position[|HINT: h]
 * [|DETAIL: d]".  DDL statements are applied and give "OK".  Result palloc'd in mem_cur.
 */
__attribute__((unused)) static char *
anl_run_case(const char *line)
{
	char *sql = pstrdup(line);
	bool want_params = strncmp(sql, "P:", 2) == 0;
	if (want_params)
		memset(sql, ' ', 2);
	char *volatile out = NULL;
	ERR_TRY();
	cat_begin_statement();
	ast_list *stmts = parse_sql(sql, NULL);
	for (int i = 0; i < ast_list_length(stmts); i++) {
		RawStmt *rs = ast_list_nth(stmts, i);
		if (ddl_apply(rs->stmt, sql))
			continue;
		anl_params pp;
		memset(&pp, 0, sizeof pp);
		Oid path[2] = {CAT_PG_CATALOG_NAMESPACE, CAT_PUBLIC_NAMESPACE};
		pp.db = CAT_PHANTOM_DB_OID;
		pp.search_path = path;
		pp.npath = 2;
		pp.infer_params = true;
		qry_query *q = anl_analyze((ast_node *)rs, sql, want_params ? &pp : NULL);
		/* the planner folds constants (and raises, e.g. 22001 for 'toolong' into
		 * varchar(3)); PostgreSQL's outcome includes that step, so do it here too */
		if (!want_params)
			fold_query(q);
		if (want_params) {
			char *p = pstrdup("PARAMS");
			for (int k = 0; k < pp.nparams; k++)
				p = psprintf("%s $%d:%s", p, k + 1, ty_format_type(pp.param_types[k], -1));
			out = p;
		}
	}
	if (!out)
		out = pstrdup("OK");
	ERR_CATCH();
	cat_error_cleanup();
	err_info *e = err_last();
	out = psprintf("ERR %s|%s|%d%s%s%s%s", e->sqlstate, e->message, e->position,
	               e->hint[0] ? "|HINT: " : "", e->hint, e->detail[0] ? "|DETAIL: " : "", e->detail);
	ERR_END();
	return out;
}

#endif
