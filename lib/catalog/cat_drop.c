/*
 * cat_drop.c — DROP with RESTRICT/CASCADE over the dependency entries (README section 2,
 * "Dependencies").  Two phases inside the batch: collect everything the drop reaches (and
 * the RESTRICT violations), then delete.  Collection uses the writer view, so another
 * transaction's uncommitted dependent (an index being created on the table) is a conflict.
 */
#include <stdio.h>
#include <string.h>

#include "catalog/cat_int.h"

typedef struct dctx {
	cat_ddl *d;
	cat_drop_behavior behavior;
	cat_dropped *items;
	int n, cap;
	char detail[ERR_MSG_MAX];
	size_t dlen;
	int nviol;
} dctx;

#define DETAIL_LINES 100

static const char *
relkind_word(char k)
{
	switch (k) {
	case CAT_RELKIND_TABLE: return "table";
	case CAT_RELKIND_INDEX: return "index";
	case CAT_RELKIND_VIEW: return "view";
	case CAT_RELKIND_SEQUENCE: return "sequence";
	case CAT_RELKIND_MATVIEW: return "materialized view";
	default: return "relation";
	}
}

/* Description of an object for messages; fills relation facts into it when given. */
static void
describe(cat_ddl *d, const cat_objref *o, char *buf, size_t len, cat_dropped *it)
{

	switch (o->kind) {
	case CAT_OBJ_RELATION:
	case CAT_OBJ_DEFAULT: {
		cat_relation *rel = cat_w_relation(d, o->oid);

		if (o->kind == CAT_OBJ_RELATION && o->subid == 0) {
			snprintf(buf, len, "%s %s", relkind_word(rel->kind), rel->name);
			if (it != NULL) {
				it->relkind = rel->kind;
				it->db = rel->db;
				it->relfilenode = rel->relfilenode;
			}
		} else {
			cat_attribute *atts = cat_w_attributes(d, rel);
			const char *col = o->subid >= 1 && o->subid <= rel->natts ? atts[o->subid - 1].name : "?";

			if (o->kind == CAT_OBJ_RELATION && (o->subid < 1 || o->subid > rel->natts ||
			                                    atts[o->subid - 1].dropped))
				ph_error(ERRCODE_UNDEFINED_COLUMN,
				         "column number %d of relation \"%s\" does not exist", o->subid, rel->name);
			snprintf(buf, len, "%scolumn %s of %s %s",
			         o->kind == CAT_OBJ_DEFAULT ? "default value for " : "", col,
			         relkind_word(rel->kind), rel->name);
			if (it != NULL)
				it->db = rel->db;
		}
		return;
	}
	case CAT_OBJ_CONSTRAINT: {
		cat_constraint c;
		cat_relation *rel;

		cat_w_load(d, REC_CONSTRAINT, o->oid, &c, true);
		rel = cat_w_relation(d, c.rel);
		snprintf(buf, len, "constraint %s on %s %s", c.name, relkind_word(rel->kind), rel->name);
		if (it != NULL)
			it->db = rel->db;
		return;
	}
	case CAT_OBJ_NAMESPACE: {
		cat_namespace ns;

		cat_w_namespace(d, o->oid, &ns);
		snprintf(buf, len, "schema %s", ns.name);
		if (it != NULL)
			it->db = ns.db;
		return;
	}
	case CAT_OBJ_FUNCTION: {
		cat_function f;

		cat_w_load(d, REC_FUNCTION, o->oid, &f, true);
		snprintf(buf, len, "%s %s", f.kind == 'p' ? "procedure" : "function", f.name);
		if (it != NULL)
			it->db = f.db;
		return;
	}
	case CAT_OBJ_GENERIC: {
		cat_generic g;

		cat_w_load(d, REC_GENERIC, o->oid, &g, true);
		snprintf(buf, len, "object %s", g.name);
		if (it != NULL)
			it->db = g.db;
		return;
	}
	case CAT_OBJ_DATABASE: {
		cat_database db;

		cat_w_load(d, REC_DATABASE, o->oid, &db, true);
		snprintf(buf, len, "database %s", db.name);
		if (it != NULL)
			it->db = o->oid;
		return;
	}
	default:
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "objects of kind %d cannot be dropped this way",
		         o->kind);
	}
}

static bool
ref_eq(const cat_objref *a, const cat_objref *b)
{
	return a->kind == b->kind && a->oid == b->oid && a->subid == b->subid;
}

/* Is o already to be dropped, itself or as part of a relation that is? */
static bool
in_list(const dctx *c, const cat_objref *o)
{
	for (int i = 0; i < c->n; i++) {
		const cat_objref *x = &c->items[i].obj;

		if (ref_eq(x, o))
			return true;
		if (x->kind == CAT_OBJ_RELATION && x->oid == o->oid &&
		    (o->kind == CAT_OBJ_RELATION || o->kind == CAT_OBJ_DEFAULT) &&
		    (x->subid == 0 || (o->kind == CAT_OBJ_DEFAULT && x->subid == o->subid)))
			return true;
	}
	return false;
}

static void
violation(dctx *c, const char *dep, const char *ref)
{
	if (c->nviol++ < DETAIL_LINES && c->dlen < sizeof(c->detail) - 2)
		c->dlen += (size_t)snprintf(c->detail + c->dlen, sizeof(c->detail) - c->dlen,
		                            "%s%s depends on %s", c->dlen ? "\n" : "", dep, ref);
	if (c->dlen >= sizeof(c->detail))
		c->dlen = sizeof(c->detail) - 1;
}

/* Members of a namespace (relations except indexes, functions, generic objects). */
static int
namespace_members(cat_ddl *d, Oid ns, cat_objref **out)
{
	static const struct {
		uint8_t nclass, kind;
	} classes[] = {{NC_RELATION, CAT_OBJ_RELATION}, {NC_FUNCTION, CAT_OBJ_FUNCTION},
	               {NC_GENERIC, CAT_OBJ_GENERIC}};
	int count = 0, cap = 16;
	cat_objref *res = palloc(sizeof(cat_objref) * (size_t)cap);

	for (size_t ci = 0; ci < sizeof(classes) / sizeof(classes[0]); ci++) {
		keybuf k;
		Oid *oids;
		int n;

		cat_key_name(&k, classes[ci].nclass, ns, NULL);
		n = cat_name_oids(cat_st.wtxn, &k, true, "an object in the schema", &oids);
		for (int i = 0; i < n; i++) {
			cat_relation r;

			/* Indexes go with their tables. */
			if (classes[ci].kind == CAT_OBJ_RELATION && cat_w_relation_opt(d, oids[i], &r) &&
			    r.kind == CAT_RELKIND_INDEX)
				continue;
			if (count == cap) {
				cap *= 2;
				res = repalloc(res, sizeof(cat_objref) * (size_t)cap);
			}
			res[count++] = (cat_objref){classes[ci].kind, oids[i], 0};
		}
	}
	*out = res;
	return count;
}

static void visit(dctx *c, const cat_objref *o, bool is_target, const char *via_desc, char how);

static void
visit_dependent(dctx *c, const cat_objref *dep, char deptype, const char *mydesc)
{
	if (deptype == CAT_DEP_NORMAL && c->behavior == CAT_RESTRICT) {
		char ddesc[2 * CAT_NAMELEN + 48];

		describe(c->d, dep, ddesc, sizeof(ddesc), NULL);
		violation(c, ddesc, mydesc);
	}
	visit(c, dep, false, mydesc, deptype);
}

static void
visit(dctx *c, const cat_objref *o, bool is_target, const char *via_desc, char how)
{
	cat_dropped item;
	cat_depent *deps;
	int ndeps;
	char *mydesc;

	(void)via_desc;
	(void)how;
	if (in_list(c, o))
		return;
	memset(&item, 0, sizeof(item));
	item.obj = *o;
	describe(c->d, o, item.desc, sizeof(item.desc), &item);
	if (o->kind == CAT_OBJ_NAMESPACE && item.db == 0)
		ph_error(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST,
		         "cannot drop %s because it is required by the database system", item.desc);

	/* An internal part of another object is dropped only through its owner. */
	ndeps = cat_scan_deps(cat_st.wtxn, true, DEP_REVERSE, o, &deps);
	for (int i = 0; i < ndeps; i++) {
		if (deps[i].deptype != CAT_DEP_INTERNAL || in_list(c, &deps[i].other))
			continue;
		if (is_target) {
			char odesc[2 * CAT_NAMELEN + 48];

			describe(c->d, &deps[i].other, odesc, sizeof(odesc), NULL);
			ERR_BEGIN(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST);
			err_hint("You can drop %s instead.", odesc);
			err_throw("cannot drop %s because %s requires it", item.desc, odesc);
		}
	}

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->items = c->items ? repalloc(c->items, sizeof(cat_dropped) * (size_t)c->cap)
		                    : palloc(sizeof(cat_dropped) * (size_t)c->cap);
	}
	c->items[c->n++] = item;
	mydesc = pstrdup(item.desc);

	/* Owners of internal parts reached by cascading go too (the index of a PK). */
	for (int i = 0; i < ndeps; i++)
		if (deps[i].deptype == CAT_DEP_INTERNAL && !in_list(c, &deps[i].other))
			visit(c, &deps[i].other, false, mydesc, CAT_DEP_INTERNAL);

	ndeps = cat_scan_deps(cat_st.wtxn, true, DEP_FORWARD, o, &deps);
	for (int i = 0; i < ndeps; i++) {
		const cat_objref *dep = &deps[i].other;

		if (in_list(c, dep))
			continue;
		visit_dependent(c, dep, deps[i].deptype, mydesc);
	}
	if (o->kind == CAT_OBJ_NAMESPACE) {
		cat_objref *members;
		int nm = namespace_members(c->d, o->oid, &members);

		for (int i = 0; i < nm; i++)
			if (!in_list(c, &members[i]))
				visit_dependent(c, &members[i], CAT_DEP_NORMAL, mydesc);
	}
}

/* ---- phase 2: delete -------------------------------------------------------------------------- */

static void
drop_relation(cat_ddl *d, Oid oid)
{
	cat_relation r;
	keybuf k;

	if (!cat_w_relation_opt(d, oid, &r))
		return;                              /* already gone through another path */
	cat_key_object(&k, oid);
	cat_delete_live(d, DBI_OBJECT, &k, "relation");
	cat_key_name(&k, NC_RELATION, r.ns, r.name);
	cat_name_delete(d, &k, "relation");
	cat_key_object(&k, oid);                     /* prefix: every attnum */
	cat_delete_prefix(d, DBI_ATTRIBUTE, &k, "a column");
	cat_delete_prefix(d, DBI_STATISTIC, &k, "statistics");
	cat_deps_delete_dependent(d, CAT_OBJ_RELATION, oid, 0);
	cat_deps_delete_dependent(d, CAT_OBJ_DEFAULT, oid, 0);
}

static void
drop_column(cat_ddl *d, Oid rel, int16_t attnum)
{
	cat_relation r;
	cat_attribute *atts, *a;
	keybuf k;

	if (!cat_w_relation_opt(d, rel, &r))
		return;
	atts = cat_w_attributes(d, &r);
	if (attnum < 1 || attnum > r.natts || atts[attnum - 1].dropped)
		return;
	a = &atts[attnum - 1];
	snprintf(a->name, sizeof(a->name), "........pg.dropped.%d........", attnum);
	a->dropped = true;
	a->not_null = false;
	a->default_expr = NULL;
	a->generated = 0;
	a->generated_expr = NULL;
	a->identity = 0;
	a->identity_seq = InvalidOid;
	cat_att_put(d, rel, a, true);
	cat_key_statistic(&k, rel, attnum);
	cat_delete_live(d, DBI_STATISTIC, &k, "statistics");
	cat_deps_delete_dependent(d, CAT_OBJ_RELATION, rel, attnum);
	cat_deps_delete_dependent(d, CAT_OBJ_DEFAULT, rel, attnum);
	cat_rel_replace(d, &r);
}

static void
drop_default(cat_ddl *d, Oid rel, int16_t attnum)
{
	cat_relation r;
	cat_attribute *atts;

	cat_deps_delete_dependent(d, CAT_OBJ_DEFAULT, rel, attnum);
	if (!cat_w_relation_opt(d, rel, &r))
		return;
	atts = cat_w_attributes(d, &r);
	if (attnum < 1 || attnum > r.natts || atts[attnum - 1].dropped)
		return;
	atts[attnum - 1].default_expr = NULL;
	cat_att_put(d, rel, &atts[attnum - 1], true);
	cat_rel_replace(d, &r);
}

static void
drop_named(cat_ddl *d, const cat_objref *o)
{
	uint8_t rk = cat_rec_kind(o->kind);
	cat_anyobj obj;
	keybuf k;

	if (rk == 0 || !cat_w_load(d, rk, o->oid, &obj, false))
		return;                              /* already gone through another path */
	cat_obj_name_key(rk, &obj, cat_obj_name(rk, &obj), &k);
	cat_name_delete(d, &k, "name");
	cat_key_object(&k, o->oid);
	cat_delete_live(d, DBI_OBJECT, &k, "object");
	cat_deps_delete_dependent(d, o->kind, o->oid, 0);
}

void
cat_drop_objects(cat_ddl *d, const cat_objref *objs, int nobjs, cat_drop_behavior behavior,
             cat_drop_list *out)
{
	dctx c;

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.behavior = behavior;
	for (int i = 0; i < nobjs; i++) {
		char desc[2 * CAT_NAMELEN + 48];

		if (i == 0)
			visit(&c, &objs[i], true, NULL, 0);
		else if (!in_list(&c, &objs[i])) {
			describe(d, &objs[i], desc, sizeof(desc), NULL);
			visit(&c, &objs[i], false, desc, CAT_DEP_AUTO);
		}
	}
	if (c.nviol > 0) {
		ERR_BEGIN(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST);
		if (c.nviol > DETAIL_LINES)
			err_detail("%s\nand %d other objects", c.detail, c.nviol - DETAIL_LINES);
		else
			err_detail("%s", c.detail);
		err_hint("Use DROP ... CASCADE to drop the dependent objects too.");
		err_throw("cannot drop %s because other objects depend on it", c.items[0].desc);
	}
	for (int i = 0; i < c.n; i++) {
		const cat_objref *o = &c.items[i].obj;

		switch (o->kind) {
		case CAT_OBJ_RELATION:
			if (o->subid == 0)
				drop_relation(d, o->oid);
			else
				drop_column(d, o->oid, o->subid);
			break;
		case CAT_OBJ_DEFAULT:
			drop_default(d, o->oid, o->subid);
			break;
		default:
			drop_named(d, o);
			break;
		}
	}
	if (out != NULL) {
		out->n = c.n;
		out->items = mem_alloc(cat_st.caller_mc, sizeof(cat_dropped) * (size_t)(c.n + 1));
		memcpy(out->items, c.items, sizeof(cat_dropped) * (size_t)c.n);
	}
}

void
cat_drop(cat_ddl *d, const cat_objref *obj, cat_drop_behavior behavior, cat_drop_list *out)
{
	DDL_GUARD(d, {
		if (obj->kind == CAT_OBJ_DATABASE || obj->kind == CAT_OBJ_ROLE)
			ph_error(ERRCODE_FEATURE_NOT_SUPPORTED,
			         "use cat_drop_database or cat_drop_role for databases and roles");
		cat_drop_objects(d, obj, 1, behavior, out);
	});
}
