/*
 * cat_codec.c — encoding and decoding of catalog records (TLV payloads after the version
 * header).  Tags: cat_int.h; format rules: lib/catalog/README.md section 2.  Decoders skip
 * unknown tags and leave absent fields at their defaults.
 */
#include <string.h>

#include "catalog/cat_int.h"

static void
tw_i16s(tlv_w *w, uint8_t tag, const int16_t *v, int n)
{
	uint8_t b[2 * CAT_FUNC_MAX_ARGS];

	for (int i = 0; i < n; i++) {
		b[2 * i] = (uint8_t)v[i];
		b[2 * i + 1] = (uint8_t)((uint16_t)v[i] >> 8);
	}
	cat_tw_bytes(w, tag, b, 2 * (size_t)n);
}

static int
tr_i16s(const tlv_r *r, int16_t *out, int max)
{
	int n = (int)(r->len / 2);

	if (r->len % 2 != 0 || n > max)
		ph_error(ERRCODE_DATA_CORRUPTED, "catalog record has a malformed array field %d", r->tag);
	for (int i = 0; i < n; i++)
		out[i] = (int16_t)(r->val[2 * i] | (r->val[2 * i + 1] << 8));
	return n;
}

/* ---- database ------------------------------------------------------------------------------- */

void
cat_enc_database(tlv_w *w, const cat_database *db)
{
	cat_tw_str(w, T_NAME, db->name);
	cat_tw_u32(w, T_OWNER, db->owner);
	cat_tw_str(w, TD_ENCODING, db->encoding);
	cat_tw_str(w, TD_COLLATE, db->collate);
	cat_tw_str(w, TD_CTYPE, db->ctype);
	cat_tw_u8(w, TD_ALLOWCONN, db->allow_conn);
	cat_tw_i32(w, TD_CONNLIMIT, db->conn_limit);
	cat_tw_u8(w, TD_TEMPLATE, db->is_template);
}

static void
small_str(const tlv_r *r, char *dst, size_t cap)
{
	size_t n = r->len < cap - 1 ? r->len : cap - 1;

	memcpy(dst, r->val, n);
	dst[n] = '\0';
}

void
cat_dec_database(const uint8_t *p, size_t n, cat_database *db)
{
	tlv_r r;

	memset(db, 0, sizeof(*db));
	db->conn_limit = -1;
	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r)) {
		switch (r.tag) {
		case T_NAME: cat_tr_name(&r, db->name); break;
		case T_OWNER: db->owner = cat_tr_u32(&r); break;
		case TD_ENCODING: small_str(&r, db->encoding, sizeof(db->encoding)); break;
		case TD_COLLATE: small_str(&r, db->collate, sizeof(db->collate)); break;
		case TD_CTYPE: small_str(&r, db->ctype, sizeof(db->ctype)); break;
		case TD_ALLOWCONN: db->allow_conn = cat_tr_u8(&r); break;
		case TD_CONNLIMIT: db->conn_limit = cat_tr_i32(&r); break;
		case TD_TEMPLATE: db->is_template = cat_tr_u8(&r); break;
		default: break;
		}
	}
}

/* ---- namespace ------------------------------------------------------------------------------ */

void
cat_enc_namespace(tlv_w *w, const cat_namespace *ns)
{
	cat_tw_str(w, T_NAME, ns->name);
	cat_tw_u32(w, T_OWNER, ns->owner);
	cat_tw_u32(w, TN_DB, ns->db);
}

void
cat_dec_namespace(const uint8_t *p, size_t n, cat_namespace *ns)
{
	tlv_r r;

	memset(ns, 0, sizeof(*ns));
	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r)) {
		switch (r.tag) {
		case T_NAME: cat_tr_name(&r, ns->name); break;
		case T_OWNER: ns->owner = cat_tr_u32(&r); break;
		case TN_DB: ns->db = cat_tr_u32(&r); break;
		default: break;
		}
	}
}

/* ---- relation ------------------------------------------------------------------------------- */

void
cat_enc_relation(tlv_w *w, const cat_relation *rel)
{
	cat_tw_str(w, T_NAME, rel->name);
	cat_tw_u32(w, T_OWNER, rel->owner);
	cat_tw_u32(w, TR_DB, rel->db);
	cat_tw_u32(w, TR_NS, rel->ns);
	cat_tw_u8(w, TR_KIND, (uint8_t)rel->kind);
	cat_tw_u32(w, TR_FILENODE, rel->relfilenode);
	cat_tw_u8(w, TR_PERSIST, (uint8_t)rel->persistence);
	cat_tw_i16(w, TR_NATTS, rel->natts);
	cat_tw_str(w, TR_VIEWQUERY, rel->view_query);
	if (rel->seq != NULL) {
		const cat_sequence *s = rel->seq;

		cat_tw_u32(w, TR_SEQTYPE, s->type);
		cat_tw_i64(w, TR_SEQINC, s->increment);
		cat_tw_i64(w, TR_SEQMIN, s->min);
		cat_tw_i64(w, TR_SEQMAX, s->max);
		cat_tw_i64(w, TR_SEQSTART, s->start);
		cat_tw_i64(w, TR_SEQCACHE, s->cache);
		cat_tw_u8(w, TR_SEQCYCLE, s->cycle);
		cat_tw_u32(w, TR_SEQOWNREL, s->owned_rel);
		cat_tw_i16(w, TR_SEQOWNCOL, s->owned_col);
	}
	if (rel->index != NULL) {
		const cat_index *ix = rel->index;
		int16_t attnums[CAT_MAX_KEYS];
		uint8_t opts[CAT_MAX_KEYS];
		uint8_t flags = (uint8_t)((ix->unique ? IF_UNIQUE : 0) | (ix->primary ? IF_PRIMARY : 0) |
		                          (ix->valid ? IF_VALID : 0) |
		                          (ix->nulls_not_distinct ? IF_NULLSNOTDISTINCT : 0));

		cat_tw_u32(w, TR_IXTABLE, ix->table);
		cat_tw_u8(w, TR_IXAM, (uint8_t)ix->am);
		cat_tw_u8(w, TR_IXFLAGS, flags);
		cat_tw_i16(w, TR_IXNKEYS, ix->nkeys);
		for (int i = 0; i < ix->ncols; i++) {
			attnums[i] = ix->keys[i].attnum;
			opts[i] = (uint8_t)((ix->keys[i].desc ? IO_DESC : 0) |
			                    (ix->keys[i].nulls_first ? IO_NULLSFIRST : 0));
		}
		tw_i16s(w, TR_IXATTNUMS, attnums, ix->ncols);
		cat_tw_bytes(w, TR_IXOPTIONS, opts, (size_t)ix->ncols);
		for (int i = 0; i < ix->ncols; i++)
			if (ix->keys[i].attnum == 0)
				cat_tw_str(w, TR_IXEXPR, ix->keys[i].expr ? ix->keys[i].expr : "");
		cat_tw_str(w, TR_IXPRED, ix->predicate);
	}
}

void
cat_dec_relation(const uint8_t *p, size_t n, cat_relation *rel, mem_ctx *mc)
{
	tlv_r r;
	cat_sequence *s = NULL;
	cat_index *ix = NULL;
	int nexpr = 0;
	const char *exprs[CAT_MAX_KEYS];
	cat_index_key keys[CAT_MAX_KEYS];

	memset(rel, 0, sizeof(*rel));
	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r)) {
		if (r.tag >= TR_SEQTYPE && r.tag <= TR_SEQOWNCOL && s == NULL)
			s = mem_zalloc(mc, sizeof(*s));
		if (r.tag >= TR_IXTABLE && r.tag <= TR_IXPRED && ix == NULL) {
			ix = mem_zalloc(mc, sizeof(*ix));
			memset(keys, 0, sizeof(keys));
		}
		switch (r.tag) {
		case T_NAME: cat_tr_name(&r, rel->name); break;
		case T_OWNER: rel->owner = cat_tr_u32(&r); break;
		case TR_DB: rel->db = cat_tr_u32(&r); break;
		case TR_NS: rel->ns = cat_tr_u32(&r); break;
		case TR_KIND: rel->kind = (char)cat_tr_u8(&r); break;
		case TR_FILENODE: rel->relfilenode = cat_tr_u32(&r); break;
		case TR_PERSIST: rel->persistence = (char)cat_tr_u8(&r); break;
		case TR_NATTS: rel->natts = cat_tr_i16(&r); break;
		case TR_VIEWQUERY: rel->view_query = cat_tr_str(&r, mc); break;
		case TR_SEQTYPE: s->type = cat_tr_u32(&r); break;
		case TR_SEQINC: s->increment = cat_tr_i64(&r); break;
		case TR_SEQMIN: s->min = cat_tr_i64(&r); break;
		case TR_SEQMAX: s->max = cat_tr_i64(&r); break;
		case TR_SEQSTART: s->start = cat_tr_i64(&r); break;
		case TR_SEQCACHE: s->cache = cat_tr_i64(&r); break;
		case TR_SEQCYCLE: s->cycle = cat_tr_u8(&r); break;
		case TR_SEQOWNREL: s->owned_rel = cat_tr_u32(&r); break;
		case TR_SEQOWNCOL: s->owned_col = cat_tr_i16(&r); break;
		case TR_IXTABLE: ix->table = cat_tr_u32(&r); break;
		case TR_IXAM: ix->am = (char)cat_tr_u8(&r); break;
		case TR_IXFLAGS: {
			uint8_t f = cat_tr_u8(&r);

			ix->unique = f & IF_UNIQUE;
			ix->primary = f & IF_PRIMARY;
			ix->valid = f & IF_VALID;
			ix->nulls_not_distinct = f & IF_NULLSNOTDISTINCT;
			break;
		}
		case TR_IXNKEYS: ix->nkeys = cat_tr_i16(&r); break;
		case TR_IXATTNUMS: {
			int16_t a[CAT_MAX_KEYS];

			ix->ncols = (int16_t)tr_i16s(&r, a, CAT_MAX_KEYS);
			for (int i = 0; i < ix->ncols; i++)
				keys[i].attnum = a[i];
			break;
		}
		case TR_IXOPTIONS:
			for (size_t i = 0; i < r.len && i < CAT_MAX_KEYS; i++) {
				keys[i].desc = r.val[i] & IO_DESC;
				keys[i].nulls_first = r.val[i] & IO_NULLSFIRST;
			}
			break;
		case TR_IXEXPR:
			if (nexpr < CAT_MAX_KEYS)
				exprs[nexpr++] = cat_tr_str(&r, mc);
			break;
		case TR_IXPRED: ix->predicate = cat_tr_str(&r, mc); break;
		default: break;
		}
	}
	if (ix != NULL) {
		int e = 0;

		for (int i = 0; i < ix->ncols; i++)
			if (keys[i].attnum == 0 && e < nexpr)
				keys[i].expr = exprs[e++];
		ix->keys = mem_alloc(mc, sizeof(cat_index_key) * (size_t)(ix->ncols > 0 ? ix->ncols : 1));
		memcpy(ix->keys, keys, sizeof(cat_index_key) * (size_t)ix->ncols);
		memcpy(ix->name, rel->name, CAT_NAMELEN);
		ix->relfilenode = rel->relfilenode;
	}
	rel->seq = s;
	rel->index = ix;
}

/* ---- attribute ------------------------------------------------------------------------------ */

void
cat_enc_attribute(tlv_w *w, const cat_attribute *a)
{
	uint8_t flags = (uint8_t)((a->not_null ? AF_NOTNULL : 0) | (a->dropped ? AF_DROPPED : 0));

	cat_tw_i16(w, TA_ATTNUM, a->attnum);
	cat_tw_str(w, T_NAME, a->name);
	cat_tw_u32(w, TA_TYPE, a->type);
	cat_tw_i32(w, TA_TYPMOD, a->typmod);
	cat_tw_u8(w, TA_FLAGS, flags);
	if (a->identity) {
		cat_tw_u8(w, TA_IDENTITY, (uint8_t)a->identity);
		cat_tw_u32(w, TA_IDSEQ, a->identity_seq);
	}
	if (a->generated)
		cat_tw_u8(w, TA_GENERATED, (uint8_t)a->generated);
	cat_tw_str(w, TA_DEFAULT, a->default_expr);
	cat_tw_str(w, TA_GENEXPR, a->generated_expr);
	if (a->collation)
		cat_tw_u32(w, TA_COLLATION, a->collation);
}

void
cat_dec_attribute(const uint8_t *p, size_t n, cat_attribute *a, mem_ctx *mc)
{
	tlv_r r;

	memset(a, 0, sizeof(*a));
	a->typmod = -1;
	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r)) {
		switch (r.tag) {
		case TA_ATTNUM: a->attnum = cat_tr_i16(&r); break;
		case T_NAME: cat_tr_name(&r, a->name); break;
		case TA_TYPE: a->type = cat_tr_u32(&r); break;
		case TA_TYPMOD: a->typmod = cat_tr_i32(&r); break;
		case TA_FLAGS: {
			uint8_t f = cat_tr_u8(&r);

			a->not_null = f & AF_NOTNULL;
			a->dropped = f & AF_DROPPED;
			break;
		}
		case TA_IDENTITY: a->identity = (char)cat_tr_u8(&r); break;
		case TA_IDSEQ: a->identity_seq = cat_tr_u32(&r); break;
		case TA_GENERATED: a->generated = (char)cat_tr_u8(&r); break;
		case TA_DEFAULT: a->default_expr = cat_tr_str(&r, mc); break;
		case TA_GENEXPR: a->generated_expr = cat_tr_str(&r, mc); break;
		case TA_COLLATION: a->collation = cat_tr_u32(&r); break;
		default: break;
		}
	}
}

/* ---- constraint ----------------------------------------------------------------------------- */

void
cat_enc_constraint(tlv_w *w, const cat_constraint *c)
{
	uint8_t flags = (uint8_t)((c->deferrable ? CF_DEFERRABLE : 0) |
	                          (c->deferred ? CF_DEFERRED : 0) |
	                          (c->validated ? CF_VALIDATED : 0));

	cat_tw_str(w, T_NAME, c->name);
	cat_tw_u32(w, TC_REL, c->rel);
	cat_tw_u32(w, TC_NS, c->ns);
	cat_tw_u8(w, TC_TYPE, (uint8_t)c->type);
	cat_tw_u8(w, TC_FLAGS, flags);
	if (c->nkeys > 0)
		tw_i16s(w, TC_KEYS, c->keys, c->nkeys);
	cat_tw_str(w, TC_CHECK, c->check_expr);
	if (c->index)
		cat_tw_u32(w, TC_INDEX, c->index);
	if (c->type == CAT_CON_FOREIGN) {
		uint8_t act[3] = {(uint8_t)c->on_delete, (uint8_t)c->on_update, (uint8_t)c->match};

		cat_tw_u32(w, TC_REFREL, c->ref_rel);
		tw_i16s(w, TC_REFKEYS, c->ref_keys, c->nkeys);
		cat_tw_bytes(w, TC_ACTIONS, act, 3);
	}
}

void
cat_dec_constraint(const uint8_t *p, size_t n, cat_constraint *c, mem_ctx *mc)
{
	tlv_r r;

	memset(c, 0, sizeof(*c));
	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r)) {
		switch (r.tag) {
		case T_NAME: cat_tr_name(&r, c->name); break;
		case TC_REL: c->rel = cat_tr_u32(&r); break;
		case TC_NS: c->ns = cat_tr_u32(&r); break;
		case TC_TYPE: c->type = (char)cat_tr_u8(&r); break;
		case TC_FLAGS: {
			uint8_t f = cat_tr_u8(&r);

			c->deferrable = f & CF_DEFERRABLE;
			c->deferred = f & CF_DEFERRED;
			c->validated = f & CF_VALIDATED;
			break;
		}
		case TC_KEYS: c->nkeys = (int16_t)tr_i16s(&r, c->keys, CAT_MAX_KEYS); break;
		case TC_CHECK: c->check_expr = cat_tr_str(&r, mc); break;
		case TC_INDEX: c->index = cat_tr_u32(&r); break;
		case TC_REFREL: c->ref_rel = cat_tr_u32(&r); break;
		case TC_REFKEYS: (void)tr_i16s(&r, c->ref_keys, CAT_MAX_KEYS); break;
		case TC_ACTIONS:
			if (r.len == 3) {
				c->on_delete = (char)r.val[0];
				c->on_update = (char)r.val[1];
				c->match = (char)r.val[2];
			}
			break;
		default: break;
		}
	}
}

/* ---- role ------------------------------------------------------------------------------------ */

void
cat_enc_role(tlv_w *w, const cat_role *ro)
{
	uint8_t f = (uint8_t)((ro->superuser ? RF_SUPER : 0) | (ro->login ? RF_LOGIN : 0) |
	                      (ro->createdb ? RF_CREATEDB : 0) | (ro->createrole ? RF_CREATEROLE : 0) |
	                      (ro->inherit ? RF_INHERIT : 0) | (ro->replication ? RF_REPLICATION : 0) |
	                      (ro->bypassrls ? RF_BYPASSRLS : 0));

	cat_tw_str(w, T_NAME, ro->name);
	cat_tw_u8(w, TO_FLAGS, f);
	cat_tw_i32(w, TO_CONNLIMIT, ro->conn_limit);
	cat_tw_str(w, TO_PASSWORD, ro->password);
	if (ro->valid_until)
		cat_tw_i64(w, TO_VALIDUNTIL, ro->valid_until);
}

void
cat_dec_role(const uint8_t *p, size_t n, cat_role *ro, mem_ctx *mc)
{
	tlv_r r;

	memset(ro, 0, sizeof(*ro));
	ro->conn_limit = -1;
	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r)) {
		switch (r.tag) {
		case T_NAME: cat_tr_name(&r, ro->name); break;
		case TO_FLAGS: {
			uint8_t f = cat_tr_u8(&r);

			ro->superuser = f & RF_SUPER;
			ro->login = f & RF_LOGIN;
			ro->createdb = f & RF_CREATEDB;
			ro->createrole = f & RF_CREATEROLE;
			ro->inherit = f & RF_INHERIT;
			ro->replication = f & RF_REPLICATION;
			ro->bypassrls = f & RF_BYPASSRLS;
			break;
		}
		case TO_CONNLIMIT: ro->conn_limit = cat_tr_i32(&r); break;
		case TO_PASSWORD: ro->password = cat_tr_str(&r, mc); break;
		case TO_VALIDUNTIL: ro->valid_until = cat_tr_i64(&r); break;
		default: break;
		}
	}
}

/* ---- function -------------------------------------------------------------------------------- */

void
cat_enc_function(tlv_w *w, const cat_function *f)
{
	uint8_t types[4 * CAT_FUNC_MAX_ARGS];

	cat_tw_str(w, T_NAME, f->name);
	cat_tw_u32(w, TF_NS, f->ns);
	cat_tw_u32(w, TF_DB, f->db);
	cat_tw_u32(w, TF_OWNER, f->owner);
	cat_tw_u8(w, TF_KIND, (uint8_t)(f->kind ? f->kind : 'f'));
	for (int i = 0; i < f->nargs; i++)
		for (int b = 0; b < 4; b++)
			types[4 * i + b] = (uint8_t)(f->argtypes[i] >> (8 * b));
	cat_tw_bytes(w, TF_ARGTYPES, types, 4 * (size_t)f->nargs);
	if (f->argmodes != NULL)
		cat_tw_bytes(w, TF_ARGMODES, f->argmodes, (size_t)f->nargs);
	if (f->argnames != NULL)
		for (int i = 0; i < f->nargs; i++)
			cat_tw_str(w, TF_ARGNAMES, f->argnames[i] ? f->argnames[i] : "");
	for (int i = 0; i < f->ndefaults; i++)
		cat_tw_str(w, TF_ARGDEFAULTS, f->argdefaults[i]);
	cat_tw_u32(w, TF_RETTYPE, f->rettype);
	cat_tw_u8(w, TF_RETSET, f->retset);
	cat_tw_str(w, TF_LANGUAGE, f->language);
	cat_tw_str(w, TF_BODY, f->body);
	cat_tw_u8(w, TF_VOLATILITY, (uint8_t)(f->volatility ? f->volatility : CAT_VOLATILE));
	cat_tw_u8(w, TF_STRICT, f->strict);
}

void
cat_dec_function(const uint8_t *p, size_t n, cat_function *f, mem_ctx *mc)
{
	tlv_r r;
	Oid *types = NULL;
	char *modes = NULL;
	const char **names = NULL, **defs = NULL;
	int nnames = 0;

	memset(f, 0, sizeof(*f));
	names = mem_zalloc(mc, sizeof(char *) * CAT_FUNC_MAX_ARGS);
	defs = mem_zalloc(mc, sizeof(char *) * CAT_FUNC_MAX_ARGS);
	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r)) {
		switch (r.tag) {
		case T_NAME: cat_tr_name(&r, f->name); break;
		case TF_NS: f->ns = cat_tr_u32(&r); break;
		case TF_DB: f->db = cat_tr_u32(&r); break;
		case TF_OWNER: f->owner = cat_tr_u32(&r); break;
		case TF_KIND: f->kind = (char)cat_tr_u8(&r); break;
		case TF_ARGTYPES:
			if (r.len % 4 != 0 || r.len / 4 > CAT_FUNC_MAX_ARGS)
				ph_error(ERRCODE_DATA_CORRUPTED, "catalog function record is corrupted");
			f->nargs = (int16_t)(r.len / 4);
			types = mem_alloc(mc, sizeof(Oid) * (f->nargs + 1));
			for (int i = 0; i < f->nargs; i++)
				types[i] = (Oid)r.val[4 * i] | ((Oid)r.val[4 * i + 1] << 8) |
				           ((Oid)r.val[4 * i + 2] << 16) | ((Oid)r.val[4 * i + 3] << 24);
			break;
		case TF_ARGMODES: modes = cat_tr_str(&r, mc); break;
		case TF_ARGNAMES:
			if (nnames < CAT_FUNC_MAX_ARGS)
				names[nnames++] = cat_tr_str(&r, mc);
			break;
		case TF_ARGDEFAULTS:
			if (f->ndefaults < CAT_FUNC_MAX_ARGS)
				defs[f->ndefaults++] = cat_tr_str(&r, mc);
			break;
		case TF_RETTYPE: f->rettype = cat_tr_u32(&r); break;
		case TF_RETSET: f->retset = cat_tr_u8(&r); break;
		case TF_LANGUAGE: cat_tr_name(&r, f->language); break;
		case TF_BODY: f->body = cat_tr_str(&r, mc); break;
		case TF_VOLATILITY: f->volatility = (char)cat_tr_u8(&r); break;
		case TF_STRICT: f->strict = cat_tr_u8(&r); break;
		default: break;
		}
	}
	f->argtypes = types;
	f->argmodes = modes;
	f->argnames = nnames ? names : NULL;
	f->argdefaults = defs;
}

/* ---- generic --------------------------------------------------------------------------------- */

void
cat_enc_generic(tlv_w *w, const cat_generic *g)
{
	cat_tw_str(w, T_NAME, g->name);
	cat_tw_u32(w, TG_NS, g->ns);
	cat_tw_u32(w, TG_DB, g->db);
	cat_tw_u32(w, TG_OWNER, g->owner);
	cat_tw_i16(w, TG_KIND, (int16_t)g->objkind);
	cat_tw_bytes(w, TG_PAYLOAD, g->payload, g->len);
}

void
cat_dec_generic(const uint8_t *p, size_t n, cat_generic *g, mem_ctx *mc)
{
	tlv_r r;

	memset(g, 0, sizeof(*g));
	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r)) {
		switch (r.tag) {
		case T_NAME: cat_tr_name(&r, g->name); break;
		case TG_NS: g->ns = cat_tr_u32(&r); break;
		case TG_DB: g->db = cat_tr_u32(&r); break;
		case TG_OWNER: g->owner = cat_tr_u32(&r); break;
		case TG_KIND: g->objkind = (uint16_t)cat_tr_i16(&r); break;
		case TG_PAYLOAD: {
			void *copy = mem_alloc(mc, r.len ? r.len : 1);

			memcpy(copy, r.val, r.len);
			g->payload = copy;
			g->len = (uint32_t)r.len;
			break;
		}
		default: break;
		}
	}
}

/* ---- statistics ------------------------------------------------------------------------------ */

void
cat_enc_stats(tlv_w *w, const cat_stats *s)
{
	cat_tw_f64(w, TS_RELTUPLES, s->reltuples);
	cat_tw_i64(w, TS_RELPAGES, s->relpages);
	cat_tw_f64(w, TS_NULLFRAC, s->null_frac);
	cat_tw_f64(w, TS_NDISTINCT, s->n_distinct);
	cat_tw_i32(w, TS_WIDTH, s->avg_width);
	cat_tw_f64(w, TS_CORR, s->correlation);
	cat_tw_i64(w, TS_ANALYZED, s->analyzed_at);
	for (int i = 0; i < s->nmcv; i++)
		cat_tw_str(w, TS_MCV, s->mcv_values[i] ? s->mcv_values[i] : "");
	if (s->nmcv > 0)
		cat_tw_bytes(w, TS_MCF, s->mcv_freqs, sizeof(double) * (size_t)s->nmcv);
	for (int i = 0; i < s->nhist; i++)
		cat_tw_str(w, TS_HIST, s->hist_bounds[i] ? s->hist_bounds[i] : "");
}

static void
str_append(const char ***arr, int *n, int *cap, const char *s, mem_ctx *mc)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*arr = *arr ? repalloc(*arr, sizeof(char *) * (size_t)*cap)
		            : mem_alloc(mc, sizeof(char *) * (size_t)*cap);
	}
	(*arr)[(*n)++] = s;
}

void
cat_dec_stats(const uint8_t *p, size_t n, cat_stats *s, mem_ctx *mc)
{
	tlv_r r;
	const char **mcv = NULL, **hist = NULL;
	int mcap = 0, hcap = 0;

	memset(s, 0, sizeof(*s));
	cat_tr_init(&r, p, n);
	while (cat_tr_next(&r)) {
		switch (r.tag) {
		case TS_RELTUPLES: s->reltuples = cat_tr_f64(&r); break;
		case TS_RELPAGES: s->relpages = cat_tr_i64(&r); break;
		case TS_NULLFRAC: s->null_frac = cat_tr_f64(&r); break;
		case TS_NDISTINCT: s->n_distinct = cat_tr_f64(&r); break;
		case TS_WIDTH: s->avg_width = cat_tr_i32(&r); break;
		case TS_CORR: s->correlation = cat_tr_f64(&r); break;
		case TS_ANALYZED: s->analyzed_at = cat_tr_i64(&r); break;
		case TS_MCV: str_append(&mcv, &s->nmcv, &mcap, cat_tr_str(&r, mc), mc); break;
		case TS_HIST: str_append(&hist, &s->nhist, &hcap, cat_tr_str(&r, mc), mc); break;
		case TS_MCF: {
			double *f = mem_alloc(mc, r.len ? r.len : 1);

			memcpy(f, r.val, r.len);
			s->mcv_freqs = f;
			break;
		}
		default: break;
		}
	}
	s->mcv_values = mcv;
	s->hist_bounds = hist;
}

/* ---- by record kind --------------------------------------------------------------------------- */

size_t
cat_record_size(uint8_t rkind)
{
	switch (rkind) {
	case REC_DATABASE: return sizeof(cat_database);
	case REC_NAMESPACE: return sizeof(cat_namespace);
	case REC_RELATION: return sizeof(cat_relation);
	case REC_CONSTRAINT: return sizeof(cat_constraint);
	case REC_ROLE: return sizeof(cat_role);
	case REC_FUNCTION: return sizeof(cat_function);
	case REC_GENERIC: return sizeof(cat_generic);
	default: return 0;
	}
}

void
cat_decode_into(uint8_t rkind, Oid oid, const uint8_t *p, size_t n, void *out, mem_ctx *mc)
{
	switch (rkind) {
	case REC_DATABASE:
		cat_dec_database(p, n, out);
		((cat_database *)out)->oid = oid;
		break;
	case REC_NAMESPACE:
		cat_dec_namespace(p, n, out);
		((cat_namespace *)out)->oid = oid;
		break;
	case REC_RELATION: {
		cat_relation *rel = out;

		cat_dec_relation(p, n, rel, mc);
		rel->oid = oid;
		if (rel->index != NULL)
			rel->index->oid = oid;
		break;
	}
	case REC_CONSTRAINT:
		cat_dec_constraint(p, n, out, mc);
		((cat_constraint *)out)->oid = oid;
		break;
	case REC_ROLE:
		cat_dec_role(p, n, out, mc);
		((cat_role *)out)->oid = oid;
		break;
	case REC_FUNCTION:
		cat_dec_function(p, n, out, mc);
		((cat_function *)out)->oid = oid;
		break;
	case REC_GENERIC:
		cat_dec_generic(p, n, out, mc);
		((cat_generic *)out)->oid = oid;
		break;
	default:
		ph_internal("cannot decode catalog records of kind '%c'", rkind);
	}
}
