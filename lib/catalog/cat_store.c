/*
 * cat_store.c — the LMDB layer of the catalog: the environment, keys, the record encoding
 * (version header + TLV fields), MVCC visibility, and versioned reads and writes.
 * See lib/catalog/README.md sections 1-3.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog/cat_int.h"

cat_state cat_st;

/* ---- transaction hooks ----------------------------------------------------------------------- */

static bool
default_visibility(uint64_t xmin, uint64_t xmax, const cat_snapshot *snap)
{
	(void)xmin;
	(void)snap;
	return xmax == 0;
}

static cat_xid_state
default_xid_state(uint64_t xid)
{
	(void)xid;
	return CAT_XID_COMMITTED;
}

static cat_visibility_hook vis_hook = default_visibility;
static cat_xid_state_hook state_hook = default_xid_state;

void
cat_set_visibility_hook(cat_visibility_hook fn)
{
	vis_hook = fn ? fn : default_visibility;
}

void
cat_set_xid_state_hook(cat_xid_state_hook fn)
{
	state_hook = fn ? fn : default_xid_state;
}

cat_xid_state
cat_call_xid_state(uint64_t xid)
{
	if (xid < CAT_XID_FIRST_NORMAL)
		return CAT_XID_COMMITTED;
	return state_hook(xid);
}

bool
cat_xid_is_own(uint64_t xid)
{
	cat_ddl *d;

	if (xid < CAT_XID_FIRST_NORMAL)
		return false;
	if (xid == cat_st.snap.cs_xid)
		return true;
	d = cat_ddl_current();
	if (d != NULL && xid == d->xid)
		return true;
	for (uint32_t i = 0; i < cat_st.snap.cs_nsubxids; i++)
		if (cat_st.subxids[i] == xid)
			return true;
	return false;
}

bool
cat_visible(const vhdr *h)
{
	cat_ddl *d = cat_ddl_current();
	uint32_t cid = d != NULL ? d->cid : cat_st.snap.cs_cid;
	uint64_t xmin = h->xmin, xmax = h->xmax;

	if (cat_xid_is_own(xmin)) {
		if (h->cmin > cid)
			return false;           /* created by a later command of ours */
		xmin = CAT_XID_FROZEN;
	}
	if (xmax != 0 && cat_xid_is_own(xmax)) {
		if (h->cmax <= cid)
			return false;           /* deleted by us, already effective */
		xmax = 0;
	}
	if (xmin < CAT_XID_FIRST_NORMAL && xmax == 0)
		return true;
	return vis_hook(xmin, xmax, &cat_st.snap);
}

cat_wstate
cat_writer_state(const vhdr *h, uint64_t *conflict)
{
	if (!cat_xid_is_own(h->xmin)) {
		switch (cat_call_xid_state(h->xmin)) {
		case CAT_XID_ABORTED:
			return WS_DEAD;
		case CAT_XID_IN_PROGRESS:
			*conflict = h->xmin;
			return WS_CONFLICT;
		default:
			break;
		}
	}
	if (h->xmax == 0)
		return WS_LIVE;
	if (cat_xid_is_own(h->xmax))
		return WS_DEAD;
	switch (cat_call_xid_state(h->xmax)) {
	case CAT_XID_ABORTED:
		return WS_LIVE;
	case CAT_XID_IN_PROGRESS:
		*conflict = h->xmax;
		return WS_CONFLICT;
	default:
		return WS_DEAD;
	}
}

noreturn void
cat_raise_conflict(uint64_t xid, const char *what)
{
	cat_st.conflict_xid = xid;
	ERR_BEGIN(ERRCODE_SERIALIZATION_FAILURE);
	err_detail("Transaction %llu has an uncommitted change to it.", (unsigned long long)xid);
	err_hint("Retry the statement after that transaction ends.");
	err_throw("could not change %s: it is being modified by another transaction", what);
}

uint64_t
cat_conflict_xid(void)
{
	return cat_st.conflict_xid;
}

/* ---- errors ----------------------------------------------------------------------------------- */

noreturn void
cat_mdb_error(int rc, const char *what)
{
	if (rc == MDB_MAP_FULL) {
		ERR_BEGIN(ERRCODE_DISK_FULL);
		err_hint("The catalog map size (%zu bytes) is exhausted; vacuum the catalog.",
		         CAT_MAP_SIZE);
		err_throw("catalog is full");
	}
	if (rc == MDB_READERS_FULL) {
		ERR_BEGIN(ERRCODE_TOO_MANY_CONNECTIONS);
		err_hint("Stale reader slots are cleared at server start (cat_startup_check).");
		err_throw("catalog reader table is full");
	}
	ph_error(ERRCODE_IO_ERROR, "catalog %s failed: %s", what, mdb_strerror(rc));
}

/* Set in a child right after fork(): the environment it inherited must not be used. */
static void
note_fork(void)
{
	cat_st.inherited = true;
}

void
cat_note_forks(void)
{
	static bool registered;

	if (!registered) {
		pthread_atfork(NULL, NULL, note_fork);
		registered = true;
	}
}

bool
cat_env_mine(void)
{
	return cat_st.env != NULL && !cat_st.inherited;
}

void
cat_require_open(void)
{
	if (cat_st.env == NULL)
		ph_internal("catalog is not open in this process");
	if (cat_st.inherited)
		ph_internal("catalog environment opened by process %d used in process %d",
		            (int)cat_st.pid, (int)getpid());
}

/* ---- keys ------------------------------------------------------------------------------------- */

static void
kb_room(keybuf *k, size_t n)
{
	if (k->n + n > CAT_KEY_MAX)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "catalog key too long");
}

void
cat_kb_u8(keybuf *k, uint8_t v)
{
	kb_room(k, 1);
	k->b[k->n++] = v;
}

void
cat_kb_be16(keybuf *k, uint16_t v)
{
	kb_room(k, 2);
	k->b[k->n++] = (uint8_t)(v >> 8);
	k->b[k->n++] = (uint8_t)v;
}

void
cat_kb_be32(keybuf *k, uint32_t v)
{
	kb_room(k, 4);
	for (int s = 24; s >= 0; s -= 8)
		k->b[k->n++] = (uint8_t)(v >> s);
}

void
cat_kb_be64(keybuf *k, uint64_t v)
{
	kb_room(k, 8);
	for (int s = 56; s >= 0; s -= 8)
		k->b[k->n++] = (uint8_t)(v >> s);
}

void
cat_kb_name(keybuf *k, const char *name)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0)
		ph_error(ERRCODE_INVALID_NAME, "zero-length name is not allowed");
	if (n >= CAT_NAMELEN) {
		ERR_BEGIN(ERRCODE_NAME_TOO_LONG);
		err_detail("Names are limited to %d bytes.", CAT_NAMELEN - 1);
		err_throw("name \"%.*s...\" is too long", 20, name);
	}
	kb_room(k, n + 1);
	memcpy(k->b + k->n, name, n + 1);
	k->n += n + 1;
}

void
cat_kb_objref(keybuf *k, const cat_objref *o)
{
	cat_kb_u8(k, o->kind);
	cat_kb_be32(k, o->oid);
	cat_kb_be16(k, (uint16_t)o->subid);
}

uint16_t
cat_rd_be16(const uint8_t *p)
{
	return (uint16_t)((p[0] << 8) | p[1]);
}

uint32_t
cat_rd_be32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

uint64_t
cat_rd_be64(const uint8_t *p)
{
	return ((uint64_t)cat_rd_be32(p) << 32) | cat_rd_be32(p + 4);
}

void
cat_rd_objref(const uint8_t *p, cat_objref *o)
{
	o->kind = p[0];
	o->oid = cat_rd_be32(p + 1);
	o->subid = (int16_t)cat_rd_be16(p + 5);
}

void
cat_key_object(keybuf *k, Oid oid)
{
	k->n = 0;
	cat_kb_be32(k, oid);
}

void
cat_key_attribute(keybuf *k, Oid rel, int16_t attnum)
{
	k->n = 0;
	cat_kb_be32(k, rel);
	cat_kb_be16(k, (uint16_t)attnum);
}

void
cat_key_statistic(keybuf *k, Oid rel, int16_t attnum)
{
	cat_key_attribute(k, rel, attnum);
}

void
cat_key_name(keybuf *k, uint8_t nclass, Oid scope, const char *name)
{
	k->n = 0;
	cat_kb_u8(k, nclass);
	cat_kb_be32(k, scope);
	if (name != NULL)
		cat_kb_name(k, name);
}

/* ---- version header ----------------------------------------------------------------------------- */

static void
le_put(uint8_t *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t
le_get(const uint8_t *p, int n)
{
	uint64_t v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

void
cat_vhdr_encode(const vhdr *h, uint8_t *out)
{
	out[0] = h->format;
	out[1] = h->kind;
	le_put(out + 2, h->flags, 2);
	le_put(out + 4, h->cmin, 4);
	le_put(out + 8, h->xmin, 8);
	le_put(out + 16, h->xmax, 8);
	le_put(out + 24, h->cmax, 4);
	le_put(out + 28, h->plen, 4);
}

void
cat_vhdr_decode(const void *val, size_t len, vhdr *h)
{
	const uint8_t *p = val;

	if (len < VHDR_SIZE || p[0] != CAT_FORMAT) {
		ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
		err_detail("Value of %zu bytes, format byte %d (expected %d).", len,
		           len ? p[0] : -1, CAT_FORMAT);
		err_throw("catalog record has an unknown format");
	}
	h->format = p[0];
	h->kind = p[1];
	h->flags = (uint16_t)le_get(p + 2, 2);
	h->cmin = (uint32_t)le_get(p + 4, 4);
	h->xmin = le_get(p + 8, 8);
	h->xmax = le_get(p + 16, 8);
	h->cmax = (uint32_t)le_get(p + 24, 4);
	h->plen = (uint32_t)le_get(p + 28, 4);
	if (h->plen != len - VHDR_SIZE) {
		ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
		err_detail("Header says %u payload bytes, value holds %zu.", h->plen, len - VHDR_SIZE);
		err_throw("catalog record is truncated");
	}
}

/* ---- TLV ----------------------------------------------------------------------------------------- */

void
cat_tw_init(tlv_w *w)
{
	w->cap = 256;
	w->len = 0;
	w->buf = palloc(w->cap);
}

static void
tw_room(tlv_w *w, size_t n)
{
	if (w->len + n > w->cap) {
		while (w->len + n > w->cap)
			w->cap *= 2;
		w->buf = repalloc(w->buf, w->cap);
	}
}

void
cat_tw_bytes(tlv_w *w, uint8_t tag, const void *p, size_t n)
{
	size_t v = n;

	tw_room(w, n + 11);
	w->buf[w->len++] = tag;
	do {
		uint8_t b = v & 0x7f;

		v >>= 7;
		w->buf[w->len++] = (uint8_t)(b | (v ? 0x80 : 0));
	} while (v);
	if (n)
		memcpy(w->buf + w->len, p, n);
	w->len += n;
}

void
cat_tw_u8(tlv_w *w, uint8_t tag, uint8_t v)
{
	cat_tw_bytes(w, tag, &v, 1);
}

void
cat_tw_i16(tlv_w *w, uint8_t tag, int16_t v)
{
	uint8_t b[2];

	le_put(b, (uint16_t)v, 2);
	cat_tw_bytes(w, tag, b, 2);
}

void
cat_tw_i32(tlv_w *w, uint8_t tag, int32_t v)
{
	uint8_t b[4];

	le_put(b, (uint32_t)v, 4);
	cat_tw_bytes(w, tag, b, 4);
}

void
cat_tw_u32(tlv_w *w, uint8_t tag, uint32_t v)
{
	cat_tw_i32(w, tag, (int32_t)v);
}

void
cat_tw_i64(tlv_w *w, uint8_t tag, int64_t v)
{
	uint8_t b[8];

	le_put(b, (uint64_t)v, 8);
	cat_tw_bytes(w, tag, b, 8);
}

void
cat_tw_f64(tlv_w *w, uint8_t tag, double v)
{
	uint64_t u;

	memcpy(&u, &v, 8);
	cat_tw_i64(w, tag, (int64_t)u);
}

void
cat_tw_str(tlv_w *w, uint8_t tag, const char *s)
{
	if (s != NULL)
		cat_tw_bytes(w, tag, s, strlen(s));
}

void
cat_tr_init(tlv_r *r, const void *payload, size_t len)
{
	r->p = payload;
	r->end = r->p + len;
}

static noreturn void
tlv_corrupt(const char *why)
{
	ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
	err_detail("%s", why);
	err_throw("catalog record is corrupted");
}

bool
cat_tr_next(tlv_r *r)
{
	size_t len = 0;
	int shift = 0;

	if (r->p >= r->end)
		return false;
	r->tag = *r->p++;
	for (;;) {
		uint8_t b;

		if (r->p >= r->end || shift > 28)
			tlv_corrupt("Field length runs past the record.");
		b = *r->p++;
		len |= (size_t)(b & 0x7f) << shift;
		shift += 7;
		if (!(b & 0x80))
			break;
	}
	if (len > (size_t)(r->end - r->p))
		tlv_corrupt("Field value runs past the record.");
	r->val = r->p;
	r->len = len;
	r->p += len;
	return true;
}

static uint64_t
tr_fixed(const tlv_r *r, size_t width)
{
	if (r->len != width) {
		char why[96];

		snprintf(why, sizeof(why), "Field %d has %zu bytes, expected %zu.", r->tag, r->len,
		         width);
		tlv_corrupt(why);
	}
	return le_get(r->val, (int)width);
}

uint8_t
cat_tr_u8(const tlv_r *r)
{
	return (uint8_t)tr_fixed(r, 1);
}

int16_t
cat_tr_i16(const tlv_r *r)
{
	return (int16_t)tr_fixed(r, 2);
}

int32_t
cat_tr_i32(const tlv_r *r)
{
	return (int32_t)tr_fixed(r, 4);
}

uint32_t
cat_tr_u32(const tlv_r *r)
{
	return (uint32_t)tr_fixed(r, 4);
}

int64_t
cat_tr_i64(const tlv_r *r)
{
	return (int64_t)tr_fixed(r, 8);
}

double
cat_tr_f64(const tlv_r *r)
{
	uint64_t u = tr_fixed(r, 8);
	double v;

	memcpy(&v, &u, 8);
	return v;
}

char *
cat_tr_str(const tlv_r *r, mem_ctx *mc)
{
	char *s = mem_alloc(mc, r->len + 1);

	memcpy(s, r->val, r->len);
	s[r->len] = '\0';
	return s;
}

void
cat_tr_name(const tlv_r *r, char *dst)
{
	if (r->len >= CAT_NAMELEN)
		tlv_corrupt("Name field is too long.");
	memcpy(dst, r->val, r->len);
	dst[r->len] = '\0';
}

/* ---- read scope and cursors --------------------------------------------------------------------- */

#define MAX_CURSORS 16
/* Registered cursors (closed or forgotten on every exit path: README invariant 5). */
static struct {
	MDB_cursor *cur;
	bool write;
} cursors[MAX_CURSORS];

/*
 * One reusable cursor per sub-database for the read transaction: LMDB lets read-only
 * cursors outlive a reset transaction and be renewed, which saves a malloc/free per lookup.
 */
static struct {
	MDB_cursor *cur;
	bool in_use;
	uint64_t gen;             /* read transaction generation it was last renewed for */
} rcursors[DBI_COUNT];
static uint64_t rtxn_gen;

MDB_txn *
cat_rd_begin(void)
{
	int rc;

	cat_require_open();
	if (cat_st.wtxn != NULL)
		return cat_st.wtxn;
	if (cat_st.rdepth++ > 0)
		return cat_st.rtxn;
	if (cat_st.rtxn != NULL)
		rc = mdb_txn_renew(cat_st.rtxn);
	else
		rc = mdb_txn_begin(cat_st.env, NULL, MDB_RDONLY, &cat_st.rtxn);
	if (rc != 0) {
		cat_st.rdepth = 0;
		if (cat_st.rtxn != NULL) {
			mdb_txn_abort(cat_st.rtxn);
			cat_st.rtxn = NULL;
		}
		cat_mdb_error(rc, "read transaction");
	}
	rtxn_gen++;
	return cat_st.rtxn;
}

/* Forget (write) or close (read) registered cursors. */
static void
cursors_release(bool write)
{
	for (int i = 0; i < MAX_CURSORS; i++)
		if (cursors[i].cur != NULL && cursors[i].write == write) {
			if (!write)
				mdb_cursor_close(cursors[i].cur);
			cursors[i].cur = NULL;
		}
	if (!write)
		for (int i = 0; i < DBI_COUNT; i++)
			rcursors[i].in_use = false;
}

void
cat_rd_end(void)
{
	if (cat_st.rdepth > 0 && --cat_st.rdepth == 0) {
		cursors_release(false);
		mdb_txn_reset(cat_st.rtxn);
	}
}

void
cat_rd_reset_all(void)
{
	cursors_release(false);
	if (cat_st.rdepth > 0) {
		cat_st.rdepth = 0;
		mdb_txn_reset(cat_st.rtxn);
	}
}

/* Close the reusable read cursors (before the environment closes). */
static void
rcursors_close(void)
{
	for (int i = 0; i < DBI_COUNT; i++) {
		if (rcursors[i].cur != NULL)
			mdb_cursor_close(rcursors[i].cur);
		rcursors[i].cur = NULL;
		rcursors[i].in_use = false;
	}
}

MDB_cursor *
cat_cursor_open(MDB_txn *txn, int dbi)
{
	MDB_cursor *c;
	int rc;

	if (txn == cat_st.rtxn && !rcursors[dbi].in_use) {
		if (rcursors[dbi].cur == NULL)
			rc = mdb_cursor_open(txn, cat_st.dbi[dbi], &rcursors[dbi].cur);
		else
			rc = rcursors[dbi].gen == rtxn_gen ? 0 : mdb_cursor_renew(txn, rcursors[dbi].cur);
		if (rc != 0)
			cat_mdb_error(rc, "cursor open");
		rcursors[dbi].gen = rtxn_gen;
		rcursors[dbi].in_use = true;
		return rcursors[dbi].cur;
	}
	rc = mdb_cursor_open(txn, cat_st.dbi[dbi], &c);
	if (rc != 0)
		cat_mdb_error(rc, "cursor open");
	for (int i = 0; i < MAX_CURSORS; i++)
		if (cursors[i].cur == NULL) {
			cursors[i].cur = c;
			cursors[i].write = (txn == cat_st.wtxn);
			return c;
		}
	mdb_cursor_close(c);
	ph_internal("too many open catalog cursors");
}

void
cat_cursor_close(MDB_cursor *c)
{
	for (int i = 0; i < DBI_COUNT; i++)
		if (rcursors[i].cur == c) {
			rcursors[i].in_use = false;
			return;
		}
	for (int i = 0; i < MAX_CURSORS; i++)
		if (cursors[i].cur == c) {
			cursors[i].cur = NULL;
			break;
		}
	mdb_cursor_close(c);
}

/* ---- versioned reads -------------------------------------------------------------------------- */

static bool
has_prefix(const MDB_val *k, const keybuf *p)
{
	return k->mv_size >= p->n && memcmp(k->mv_data, p->b, p->n) == 0;
}

void
cat_iter_open(cat_iter *it, MDB_txn *txn, int dbi, const keybuf *prefix, bool writer)
{
	it->cur = cat_cursor_open(txn, dbi);
	it->prefix = *prefix;
	it->started = false;
	it->writer = writer;
	it->exact = false;
	it->what = "catalog entry";
}

bool
cat_iter_next(cat_iter *it, MDB_val *key, vhdr *h, const uint8_t **payload, size_t *plen)
{
	MDB_val k, v;

	for (;;) {
		int rc;

		if (!it->started) {
			k.mv_data = it->prefix.b;
			k.mv_size = it->prefix.n;
			rc = mdb_cursor_get(it->cur, &k, &v, MDB_SET_RANGE);
			it->started = true;
		} else
			rc = mdb_cursor_get(it->cur, &k, &v, MDB_NEXT);
		if (rc == MDB_NOTFOUND)
			return false;
		if (rc != 0)
			cat_mdb_error(rc, "cursor read");
		if (!has_prefix(&k, &it->prefix))
			return false;
		if (it->exact && k.mv_size != it->prefix.n + VSUFFIX)
			continue;          /* a longer logical key sharing the prefix */
		cat_vhdr_decode(v.mv_data, v.mv_size, h);
		if (it->writer) {
			uint64_t cx = 0;

			switch (cat_writer_state(h, &cx)) {
			case WS_DEAD:
				continue;
			case WS_CONFLICT:
				cat_raise_conflict(cx, it->what);
			default:
				break;
			}
		} else if (!cat_visible(h))
			continue;
		*key = k;
		*payload = (const uint8_t *)v.mv_data + VHDR_SIZE;
		*plen = h->plen;
		return true;
	}
}

void
cat_iter_close(cat_iter *it)
{
	if (it->cur != NULL)
		cat_cursor_close(it->cur);
	it->cur = NULL;
}

static void
ver_copy(mem_ctx *mc, const MDB_val *k, const vhdr *h, const uint8_t *payload, cat_ver *out)
{
	out->klen = k->mv_size;
	out->key = mem_alloc(mc, k->mv_size);
	memcpy(out->key, k->mv_data, k->mv_size);
	out->h = *h;
	out->plen = h->plen;
	out->payload = mem_alloc(mc, h->plen ? h->plen : 1);
	memcpy(out->payload, payload, h->plen);
}

bool
cat_get_visible(MDB_txn *txn, int dbi, const keybuf *lk, mem_ctx *mc, cat_ver *out)
{
	cat_iter it;
	MDB_val k;
	vhdr h;
	const uint8_t *p;
	size_t n;
	bool found = false;

	cat_iter_open(&it, txn, dbi, lk, false);
	it.exact = true;
	while (cat_iter_next(&it, &k, &h, &p, &n)) {
		ver_copy(mc, &k, &h, p, out);
		found = true;
		break;
	}
	cat_iter_close(&it);
	return found;
}

Oid
cat_name_get(MDB_txn *txn, const keybuf *lk)
{
	cat_iter it;
	MDB_val k;
	vhdr h;
	const uint8_t *p;
	size_t n;
	Oid oid = InvalidOid;

	cat_iter_open(&it, txn, DBI_NAME, lk, false);
	it.exact = true;
	while (cat_iter_next(&it, &k, &h, &p, &n)) {
		if (n != 4)
			continue;
		oid = (Oid)le_get(p, 4);
		break;
	}
	cat_iter_close(&it);
	return oid;
}

Oid
cat_le_oid(const uint8_t *p)
{
	return (Oid)le_get(p, 4);
}

int
cat_name_oids(MDB_txn *txn, const keybuf *prefix, bool writer, const char *what, Oid **out)
{
	cat_iter it;
	MDB_val k;
	vhdr h;
	const uint8_t *p;
	size_t n;
	int count = 0, cap = 16;
	Oid *oids = palloc(sizeof(Oid) * (size_t)cap);

	cat_iter_open(&it, txn, DBI_NAME, prefix, writer);
	if (what != NULL)
		it.what = what;
	while (cat_iter_next(&it, &k, &h, &p, &n)) {
		if (n != 4)
			continue;
		if (count == cap) {
			cap *= 2;
			oids = repalloc(oids, sizeof(Oid) * (size_t)cap);
		}
		oids[count++] = (Oid)le_get(p, 4);
	}
	cat_iter_close(&it);
	*out = oids;
	return count;
}

/* ---- meta ------------------------------------------------------------------------------------- */

bool
cat_meta_get_u32(MDB_txn *txn, const char *key, uint32_t *v)
{
	MDB_val k = {strlen(key), (void *)key}, val;
	int rc = mdb_get(txn, cat_st.dbi[DBI_META], &k, &val);

	if (rc == MDB_NOTFOUND)
		return false;
	if (rc != 0)
		cat_mdb_error(rc, "meta read");
	if (val.mv_size != 4)
		ph_error(ERRCODE_DATA_CORRUPTED, "catalog meta entry \"%s\" is corrupted", key);
	*v = (uint32_t)le_get(val.mv_data, 4);
	return true;
}

void
cat_meta_put(MDB_txn *txn, const char *key, const void *v, size_t n)
{
	MDB_val k = {strlen(key), (void *)key}, val = {n, (void *)v};
	int rc = mdb_put(txn, cat_st.dbi[DBI_META], &k, &val, 0);

	if (rc != 0)
		cat_mdb_error(rc, "meta write");
}

/* ---- versioned writes ------------------------------------------------------------------------ */

static void
put_raw(int dbi, const uint8_t *key, size_t klen, const vhdr *h, const void *payload,
        size_t plen)
{
	size_t n = VHDR_SIZE + plen;
	uint8_t stackbuf[512];
	uint8_t *buf = n <= sizeof(stackbuf) ? stackbuf : palloc(n);
	MDB_val k = {klen, (void *)key}, v = {n, buf};
	int rc;

	cat_vhdr_encode(h, buf);
	if (plen)
		memcpy(buf + VHDR_SIZE, payload, plen);
	rc = mdb_put(cat_st.wtxn, cat_st.dbi[dbi], &k, &v, 0);
	if (buf != stackbuf)
		pfree(buf);
	if (rc != 0)
		cat_mdb_error(rc, "write");
}

bool
cat_find_live(cat_ddl *d, int dbi, const keybuf *lk, cat_ver *out, const char *what)
{
	cat_iter it;
	MDB_val k;
	vhdr h;
	const uint8_t *p;
	size_t n;
	bool found = false;

	cat_iter_open(&it, cat_st.wtxn, dbi, lk, true);
	it.what = what;
	it.exact = true;
	while (cat_iter_next(&it, &k, &h, &p, &n)) {
		ver_copy(d->mc, &k, &h, p, out);
		found = true;
		break;
	}
	cat_iter_close(&it);
	return found;
}

void
cat_put_version(cat_ddl *d, int dbi, const keybuf *lk, uint8_t kind, const void *payload,
                size_t plen)
{
	keybuf k = *lk;
	vhdr h = {CAT_FORMAT, kind, 0, d->cid, d->xid, 0, 0, (uint32_t)plen};

	cat_kb_be64(&k, d->xid);
	cat_kb_be32(&k, d->cid);
	put_raw(dbi, k.b, k.n, &h, payload, plen);
}

void
cat_delete_version(cat_ddl *d, int dbi, const cat_ver *v)
{
	vhdr h = v->h;

	h.xmax = d->xid;
	h.cmax = d->cid;
	put_raw(dbi, v->key, v->klen, &h, v->payload, v->plen);
}

/* Is v's key the one a new version by d would get? */
static bool
same_command(const cat_ddl *d, const cat_ver *v)
{
	return v->h.xmin == d->xid && v->h.cmin == d->cid;
}

bool
cat_replace(cat_ddl *d, int dbi, const keybuf *lk, uint8_t kind, const void *payload,
            size_t plen, const char *what)
{
	cat_ver v;

	if (!cat_find_live(d, dbi, lk, &v, what))
		return false;
	if (!same_command(d, &v))
		cat_delete_version(d, dbi, &v);
	cat_put_version(d, dbi, lk, kind, payload, plen);
	return true;
}

bool
cat_delete_live(cat_ddl *d, int dbi, const keybuf *lk, const char *what)
{
	cat_ver v;

	if (!cat_find_live(d, dbi, lk, &v, what))
		return false;
	cat_delete_version(d, dbi, &v);
	return true;
}

int
cat_delete_prefix(cat_ddl *d, int dbi, const keybuf *prefix, const char *what)
{
	cat_iter it;
	MDB_val k;
	vhdr h;
	const uint8_t *p;
	size_t n;
	int count = 0, cap = 16;
	cat_ver *vs = mem_alloc(d->mc, sizeof(cat_ver) * cap);

	/* Collect first: writing while a cursor walks the same tree would disturb it. */
	cat_iter_open(&it, cat_st.wtxn, dbi, prefix, true);
	it.what = what;
	while (cat_iter_next(&it, &k, &h, &p, &n)) {
		if (count == cap) {
			cap *= 2;
			vs = repalloc(vs, sizeof(cat_ver) * cap);
		}
		ver_copy(d->mc, &k, &h, p, &vs[count++]);
	}
	cat_iter_close(&it);
	for (int i = 0; i < count; i++)
		cat_delete_version(d, dbi, &vs[i]);
	return count;
}

void
cat_name_insert(cat_ddl *d, const keybuf *lk, Oid oid, const char *sqlstate, const char *what,
                const char *name)
{
	uint8_t val[4];

	if (cat_name_live(d, lk, what) != InvalidOid) {
		ERR_BEGIN(sqlstate);
		err_throw("%s \"%s\" already exists", what, name);
	}
	le_put(val, oid, 4);
	cat_put_version(d, DBI_NAME, lk, REC_ENTRY, val, 4);
}

Oid
cat_name_live(cat_ddl *d, const keybuf *lk, const char *what)
{
	cat_ver v;

	if (!cat_find_live(d, DBI_NAME, lk, &v, what))
		return InvalidOid;
	return v.plen == 4 ? (Oid)le_get(v.payload, 4) : InvalidOid;
}

void
cat_name_delete(cat_ddl *d, const keybuf *lk, const char *what)
{
	(void)cat_delete_live(d, DBI_NAME, lk, what);
}

/* ---- OIDs ------------------------------------------------------------------------------------- */

static Oid
oid_take(MDB_txn *txn, uint32_t count)
{
	uint32_t next;
	uint8_t b[4];

	if (!cat_meta_get_u32(txn, "next_oid", &next))
		ph_error(ERRCODE_DATA_CORRUPTED, "catalog has no OID counter");
	if (next < CAT_FIRST_USER_OID || (uint64_t)next + count > UINT32_MAX) {
		ERR_BEGIN(ERRCODE_PROGRAM_LIMIT_EXCEEDED);
		err_detail("The OID counter is at %u.", next);
		err_throw("no more object identifiers are available");
	}
	le_put(b, next + count, 4);
	cat_meta_put(txn, "next_oid", b, 4);
	return next;
}

Oid
cat_next_oid(cat_ddl *d)
{
	(void)d;
	return oid_take(cat_st.wtxn, 1);
}

void
cat_store_abort_write(void)
{
	MDB_txn *txn = cat_st.wtxn;

	cat_st.wtxn = NULL;
	cursors_release(true);
	if (txn != NULL)
		mdb_txn_abort(txn);
}

#define OID_RANGE 32

void
cat_run_write(void (*fn)(void *arg), void *arg)
{
	MDB_txn *txn;
	int rc;

	cat_require_open();
	if (cat_st.wtxn != NULL)
		ph_internal("catalog write transaction inside another");
	rc = mdb_txn_begin(cat_st.env, NULL, 0, &txn);
	if (rc != 0)
		cat_mdb_error(rc, "write transaction");
	cat_st.wtxn = txn;
	ERR_TRY();
	{
		fn(arg);
	}
	ERR_CATCH();
	{
		cat_store_abort_write();
		err_rethrow();
	}
	ERR_END();
	cat_st.wtxn = NULL;
	cursors_release(true);
	rc = mdb_txn_commit(txn);
	if (rc != 0)
		cat_mdb_error(rc, "commit");
}

static void
take_range(void *arg)
{
	*(Oid *)arg = oid_take(cat_st.wtxn, OID_RANGE);
}

Oid
cat_alloc_oid(void)
{
	Oid first = 0;

	cat_require_open();
	if (cat_st.oid_next < cat_st.oid_end)
		return cat_st.oid_next++;
	if (cat_st.wtxn != NULL)
		return oid_take(cat_st.wtxn, 1);
	cat_run_write(take_range, &first);
	cat_st.oid_next = first + 1;
	cat_st.oid_end = first + OID_RANGE;
	return first;
}

/* ---- DDL batches -------------------------------------------------------------------------------- */

static cat_ddl the_ddl;

cat_ddl *
cat_ddl_current(void)
{
	return the_ddl.active ? &the_ddl : NULL;
}

cat_ddl *
cat_ddl_begin(uint64_t xid, uint32_t cid)
{
	MDB_txn *txn;
	int rc;

	cat_require_open();
	if (the_ddl.active)
		ph_internal("a catalog DDL batch is already open in this process");
	if (xid == CAT_XID_INVALID)
		ph_internal("catalog DDL needs a transaction id");
	cat_rd_reset_all();
	rc = mdb_txn_begin(cat_st.env, NULL, 0, &txn);
	if (rc != 0)
		cat_mdb_error(rc, "write transaction");
	cat_st.wtxn = txn;
	the_ddl.xid = xid;
	the_ddl.cid = cid;
	the_ddl.active = true;
	if (the_ddl.mc == NULL)
		the_ddl.mc = mem_create(cat_st.ctx, "catalog ddl");
	cat_st.conflict_xid = 0;
	return &the_ddl;
}

static void
ddl_end(cat_ddl *d)
{
	cat_st.wtxn = NULL;
	cursors_release(true);
	d->active = false;
	mem_reset(d->mc);
}

void
cat_ddl_check(cat_ddl *d)
{
	if (d == NULL || d != &the_ddl || !d->active)
		ph_internal("catalog DDL call outside a batch");
}

void
cat_ddl_fail(cat_ddl *d)
{
	if (d != NULL && d->active) {
		MDB_txn *txn = cat_st.wtxn;

		ddl_end(d);
		mdb_txn_abort(txn);
	}
}

void
cat_ddl_abort(cat_ddl *d)
{
	cat_ddl_fail(d);
}

void
cat_ddl_commit(cat_ddl *d)
{
	MDB_txn *txn;
	int rc;

	cat_ddl_check(d);
	txn = cat_st.wtxn;
	ddl_end(d);
	rc = mdb_txn_commit(txn);
	cat_note_ddl();
	if (rc != 0)
		cat_mdb_error(rc, "commit");
}

void
cat_store_detach(bool close_env)
{
	if (close_env && cat_st.env != NULL) {
		cat_ddl_fail(cat_ddl_current());
		cat_rd_reset_all();
		rcursors_close();
		if (cat_st.rtxn != NULL)
			mdb_txn_abort(cat_st.rtxn);
		mdb_env_close(cat_st.env);
	}
	/* An environment inherited through fork() is only forgotten: LMDB must not be called
	 * on it in this process. */
	memset(cursors, 0, sizeof(cursors));
	memset(rcursors, 0, sizeof(rcursors));
	the_ddl.active = false;
	cat_st.inherited = false;
	cat_st.env = NULL;
	cat_st.rtxn = NULL;
	cat_st.wtxn = NULL;
	cat_st.rdepth = 0;
	cat_st.oid_next = cat_st.oid_end = 0;
	cat_st.ddl_noted = false;
	cat_st.conflict_xid = 0;
}

void
cat_error_cleanup(void)
{
	cat_ddl_fail(cat_ddl_current());
	if (cat_env_mine())
		cat_rd_reset_all();
}
