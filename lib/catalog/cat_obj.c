/*
 * cat_obj.c — what differs between object kinds, in one place: the record kind of an object
 * kind, its name entry's key, its name and owner fields, its encoder, and the words used in
 * messages.  Renames, owner changes and drops are written once on top of these.
 */
#include <string.h>

#include "catalog/cat_int.h"

uint8_t
cat_rec_kind(uint8_t objkind)
{
	switch (objkind) {
	case CAT_OBJ_DATABASE: return REC_DATABASE;
	case CAT_OBJ_NAMESPACE: return REC_NAMESPACE;
	case CAT_OBJ_RELATION: return REC_RELATION;
	case CAT_OBJ_CONSTRAINT: return REC_CONSTRAINT;
	case CAT_OBJ_ROLE: return REC_ROLE;
	case CAT_OBJ_FUNCTION: return REC_FUNCTION;
	case CAT_OBJ_GENERIC: return REC_GENERIC;
	default: return 0;
	}
}

char *
cat_obj_name(uint8_t rkind, cat_anyobj *o)
{
	switch (rkind) {
	case REC_DATABASE: return o->db.name;
	case REC_NAMESPACE: return o->ns.name;
	case REC_RELATION: return o->rel.name;
	case REC_CONSTRAINT: return o->con.name;
	case REC_ROLE: return o->role.name;
	case REC_FUNCTION: return o->fn.name;
	default: return o->gen.name;
	}
}

Oid *
cat_obj_owner(uint8_t rkind, cat_anyobj *o)
{
	switch (rkind) {
	case REC_DATABASE: return &o->db.owner;
	case REC_NAMESPACE: return &o->ns.owner;
	case REC_RELATION: return &o->rel.owner;
	case REC_FUNCTION: return &o->fn.owner;
	case REC_GENERIC: return &o->gen.owner;
	default: return NULL;
	}
}

void
cat_obj_name_key(uint8_t rkind, const cat_anyobj *o, const char *name, keybuf *k)
{
	switch (rkind) {
	case REC_DATABASE: cat_key_name(k, NC_DATABASE, 0, name); break;
	case REC_NAMESPACE: cat_key_name(k, NC_NAMESPACE, o->ns.db, name); break;
	case REC_RELATION: cat_key_name(k, NC_RELATION, o->rel.ns, name); break;
	case REC_CONSTRAINT: cat_key_name(k, NC_CONSTRAINT, o->con.rel, name); break;
	case REC_ROLE: cat_key_name(k, NC_ROLE, 0, name); break;
	case REC_FUNCTION:
		cat_key_function_name(k, o->fn.ns, name, o->fn.nargs, o->fn.argtypes);
		break;
	default: cat_key_generic_name(k, o->gen.ns, o->gen.objkind, name); break;
	}
}

/* The word for the kind in messages, and the SQLSTATE of a duplicate name. */
const char *
cat_obj_word(uint8_t rkind, const char **dup_sqlstate)
{
	static const struct {
		uint8_t rkind;
		const char *word, *dup;
	} words[] = {
		{REC_DATABASE, "database", ERRCODE_DUPLICATE_DATABASE},
		{REC_NAMESPACE, "schema", ERRCODE_DUPLICATE_SCHEMA},
		{REC_RELATION, "relation", ERRCODE_DUPLICATE_TABLE},
		{REC_CONSTRAINT, "constraint", ERRCODE_DUPLICATE_OBJECT},
		{REC_ROLE, "role", ERRCODE_DUPLICATE_OBJECT},
		{REC_FUNCTION, "function", ERRCODE_DUPLICATE_FUNCTION},
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (words[i].rkind == rkind) {
			if (dup_sqlstate)
				*dup_sqlstate = words[i].dup;
			return words[i].word;
		}
	if (dup_sqlstate)
		*dup_sqlstate = ERRCODE_DUPLICATE_OBJECT;
	return "object";
}

static void
obj_encode(uint8_t rkind, const void *obj, tlv_w *w)
{
	const cat_anyobj *o = obj;

	cat_tw_init(w);
	switch (rkind) {
	case REC_DATABASE: cat_enc_database(w, &o->db); break;
	case REC_NAMESPACE: cat_enc_namespace(w, &o->ns); break;
	case REC_RELATION: cat_enc_relation(w, &o->rel); break;
	case REC_CONSTRAINT: cat_enc_constraint(w, &o->con); break;
	case REC_ROLE: cat_enc_role(w, &o->role); break;
	case REC_FUNCTION: cat_enc_function(w, &o->fn); break;
	default: cat_enc_generic(w, &o->gen); break;
	}
}

void
cat_obj_create(cat_ddl *d, uint8_t rkind, Oid oid, const void *obj)
{
	tlv_w w;

	obj_encode(rkind, obj, &w);
	cat_obj_put_new(d, oid, rkind, &w);
}

void
cat_obj_store(cat_ddl *d, uint8_t rkind, Oid oid, const void *obj)
{
	tlv_w w;

	obj_encode(rkind, obj, &w);
	cat_obj_replace(d, oid, rkind, &w, cat_obj_word(rkind, NULL));
}
