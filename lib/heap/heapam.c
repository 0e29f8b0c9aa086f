/*
 * heapam.c — heap relations: create/open/drop, insert (with out-of-line values), delete,
 * update (HOT or not), row locks, fetch, HOT chain search and sequential scans.
 * See heap.h for the contract and README.md for the formats and the lock order.
 */
#include <stdio.h>

#include "heap/heap_int.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

bool (*heap_visibility_hook)(heap_tuple_header *tup, const void *snapshot, buf_id buf) = NULL;
heap_tm_result (*heap_update_hook)(heap_tuple_header *tup, tid self, uint64_t xid, uint32_t cid,
                                   buf_id buf) = NULL;
bool (*heap_dead_hook)(const heap_tuple_header *tup, void *arg) = NULL;
void *heap_dead_hook_arg = NULL;
uint32_t (*heap_cmax_hook)(const heap_tuple_header *tup, uint64_t xid, uint32_t cid) = NULL;

/* ---- relations ------------------------------------------------------------------------------ */

void
heap_create(rel_locator loc)
{
	smgr_create(smgr_open(loc), FORK_MAIN, false);
}

heap_rel *
heap_open(rel_locator loc, const tuple_desc *desc, const char *name)
{
	heap_rel *rel = palloc0(sizeof(*rel));

	rel->loc = loc;
	rel->smgr = smgr_open(loc);
	rel->desc = desc;
	snprintf(rel->name, sizeof(rel->name), "%s", name ? name : rel->smgr->name);
	smgr_set_name(rel->smgr, rel->name);
	rel->fillfactor = 100;
	rel->target_blk = BLK_INVALID;
	return rel;
}

void
heap_close(heap_rel *rel)
{
	pfree(rel);
}

void
heap_drop(rel_locator loc)
{
	buf_drop_relation(loc);
	smgr_unlink(loc);
}

void
heap_truncate(heap_rel *rel)
{
	buf_drop_relation(rel->loc);
	for (int f = 0; f < SMGR_NFORKS; f++)
		smgr_truncate(rel->smgr, (fork_num)f, 0);
	rel->target_blk = BLK_INVALID;
	rel->fsm_nblocks = 0;
}

uint32_t
heap_nblocks(heap_rel *rel)
{
	return smgr_nblocks(rel->smgr, FORK_MAIN);
}

void
heap_set_fillfactor(heap_rel *rel, int fillfactor)
{
	if (fillfactor < 10 || fillfactor > 100)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
		         "value %d out of bounds for option \"fillfactor\"", fillfactor);
	rel->fillfactor = fillfactor;
}

/* ---- page helpers --------------------------------------------------------------------------- */

size_t
heap_page_free(const char *page)
{
	size_t hole = page_hole(page);

	if (page_is_new(page))
		return PAGE_SIZE - PAGE_HEADER_SIZE - 4;
	if (page_chdr(page)->pd_flags & PD_HAS_FREE_LINES)
		return hole;
	if (page_max_slot(page) >= HEAP_MAX_SLOTS)
		return 0;
	return hole >= 4 ? hole - 4 : 0;
}

static inline bool
default_visible(const heap_tuple_header *h)
{
	return h->t_xmax == 0 || (h->t_infomask & (HEAP_XMAX_INVALID | HEAP_XMAX_LOCK_ONLY));
}

bool
heap_tuple_visible(heap_tuple_header *h, const void *snapshot, buf_id buf)
{
	if (snapshot == HEAP_SNAPSHOT_ANY)
		return true;
	if (heap_visibility_hook)
		return heap_visibility_hook(h, snapshot, buf);
	return default_visible(h);
}

static heap_tm_result
update_check(heap_tuple_header *h, tid self, uint64_t xid, uint32_t cid, buf_id buf,
             heap_tm_info *info)
{
	heap_tm_result r;

	if (heap_update_hook)
		r = heap_update_hook(h, self, xid, cid, buf);
	else if (default_visible(h))
		r = HTM_OK;
	else
		r = tid_eq(heap_tuple_ctid(h), self) ? HTM_DELETED : HTM_UPDATED;
	if (r != HTM_OK && info) {
		info->ctid = heap_tuple_ctid(h);
		info->xmax = h->t_xmax;
	}
	return r;
}

static inline uint32_t
cmax_for(const heap_tuple_header *h, uint64_t xid, uint32_t cid)
{
	return heap_cmax_hook ? heap_cmax_hook(h, xid, cid) : cid;
}

static inline void
set_prune_hint(char *page, uint64_t xid)
{
	page_header *ph = page_hdr(page);

	if (ph->pd_prune_xid == 0 || xid < ph->pd_prune_xid)
		ph->pd_prune_xid = xid;
}

static size_t save_free(const heap_rel *rel);

/*
 * Opportunistic pruning of a pinned, unlocked page (needs heap_dead_hook): when an update
 * found it full, or its free space is below a tenth of a page (or the fill-factor reserve).
 */
static void
prune_opt(heap_rel *rel, buf_id b)
{
	char *page = buf_page(b);
	size_t minfree = save_free(rel) > PAGE_SIZE / 10 ? save_free(rel) : PAGE_SIZE / 10;

	if (heap_dead_hook == NULL || page_hdr(page)->pd_prune_xid == 0 ||
	    (!(page_hdr(page)->pd_flags & PD_PAGE_FULL) && heap_page_free(page) >= minfree))
		return;
	if (!buf_lock_cleanup_try(b))
		return;
	if (page_hdr(page)->pd_prune_xid != 0)
		heap_page_prune(rel, b, heap_dead_hook, heap_dead_hook_arg);
	buf_unlock(b);
}

/* ---- finding room for a tuple --------------------------------------------------------------- */

struct heap_bulk {
	heap_rel *rel;
	buf_strategy *ring;
	buf_id buf;        /* pinned current page, BUF_INVALID if none */
	uint32_t blk;
};

heap_bulk *
heap_bulk_begin(heap_rel *rel)
{
	heap_bulk *b = palloc0(sizeof(*b));

	b->rel = rel;
	b->ring = buf_strategy_create(BUF_RING_BULKWRITE);
	b->buf = BUF_INVALID;
	b->blk = BLK_INVALID;
	return b;
}

void
heap_bulk_end(heap_bulk *b)
{
	if (b->buf != BUF_INVALID)
		buf_release(b->buf);
	buf_strategy_free(b->ring);
	pfree(b);
}

static size_t
save_free(const heap_rel *rel)
{
	return (size_t)PAGE_SIZE * (size_t)(100 - rel->fillfactor) / 100;
}

/* Pin a candidate page (reusing the bulk pin), prune if useful, lock it exclusive. */
static buf_id
pin_and_lock(heap_rel *rel, uint32_t blk, heap_bulk *bulk)
{
	buf_id b;

	if (bulk && bulk->buf != BUF_INVALID && bulk->blk == blk) {
		b = bulk->buf;
		buf_pin_again(b);
	} else {
		b = buf_read(rel->smgr, FORK_MAIN, blk, bulk ? bulk->ring : NULL);
	}
	prune_opt(rel, b);
	buf_lock(b, BUF_EXCLUSIVE);
	if (page_is_new(buf_page(b))) {
		page_init(buf_page(b), PT_HEAP, 0);
		buf_mark_dirty(b);
	}
	return b;
}

static void
remember_target(heap_rel *rel, heap_bulk *bulk, buf_id b, uint32_t blk)
{
	rel->target_blk = blk;
	if (bulk && bulk->blk != blk) {
		if (bulk->buf != BUF_INVALID)
			buf_release(bulk->buf);
		buf_pin_again(b);
		bulk->buf = b;
		bulk->blk = blk;
	}
}

/*
 * A page with room for len bytes (plus the fill-factor reserve), pinned and locked exclusive.
 * Never returns block `avoid` (the page an update is leaving, whose lock the caller released).
 */
static buf_id
buffer_for_tuple(heap_rel *rel, size_t len, heap_bulk *bulk, uint32_t avoid, uint32_t *blkp)
{
	size_t need = PAGE_ALIGN(len) + 4, reserve = save_free(rel);
	uint32_t blk = bulk && bulk->blk != BLK_INVALID ? bulk->blk : rel->target_blk;
	bool from_fsm = false;
	buf_id b;

	for (int tries = 0; tries < 1000; tries++) {
		size_t avail;

		if (blk == BLK_INVALID || blk == avoid) {
			blk = fsm_search(rel, need + reserve);
			from_fsm = true;
			if (blk == avoid && blk != BLK_INVALID) {
				fsm_set(rel, blk, 0); /* stale: the caller knows it is full */
				continue;
			}
			if (blk == BLK_INVALID)
				break;
			if (blk >= heap_nblocks(rel)) { /* a map entry beyond the end: forget it */
				fsm_set(rel, blk, 0);
				blk = BLK_INVALID;
				continue;
			}
		}
		b = pin_and_lock(rel, blk, bulk);
		avail = heap_page_free(buf_page(b));
		if (avail >= need + reserve || (avail >= need && page_max_slot(buf_page(b)) == 0)) {
			remember_target(rel, bulk, b, blk);
			*blkp = blk;
			return b;
		}
		buf_unlock_release(b);
		/* the page is full for us: tell the map the truth and look elsewhere */
		if (from_fsm || avail < need)
			fsm_set(rel, blk, avail);
		blk = BLK_INVALID;
	}
	b = buf_extend(rel->smgr, FORK_MAIN, bulk ? bulk->ring : NULL, &blk);
	page_init(buf_page(b), PT_HEAP, 0);
	/* WAL: new heap page (logged with the first insert as an init record) */
	buf_mark_dirty(b);
	remember_target(rel, bulk, b, blk);
	*blkp = blk;
	return b;
}

/* ---- out-of-line values --------------------------------------------------------------------- */

/*
 * Prepare a tuple for storage: header fields, out-of-line values.  Returns tup itself or a
 * new palloc'd tuple; raises 54000 before writing anything when the row cannot fit.
 */
static heap_tuple *
prepare_tuple(heap_rel *rel, heap_tuple *tup, uint64_t xid, uint32_t cid, buf_strategy *ring)
{
	const tuple_desc *d = rel->desc;
	heap_tuple_header *h = tup->t_data;
	heap_tuple *nt;
	Datum *values;
	bool *isnull, *moved;
	size_t size, minsize;

	h->t_xmin = xid;
	h->t_xmax = 0;
	h->t_cid = cid;
	h->t_infomask = (uint16_t)((h->t_infomask & ~HEAP_XACT_MASK) | HEAP_XMAX_INVALID);
	h->t_infomask2 = 0;
	if (tup->t_len <= HEAP_OVF_THRESHOLD && !(h->t_infomask & HEAP_HASEXTERNAL))
		return tup;
	if (h->t_natts > d->natts)
		ph_internal("tuple has %d attributes, relation \"%s\" has %d", h->t_natts, rel->name,
		            d->natts);
	values = palloc(sizeof(Datum) * (size_t)d->natts);
	isnull = palloc(sizeof(bool) * (size_t)d->natts);
	moved = palloc0(sizeof(bool) * (size_t)d->natts);
	/* external values of another tuple are fetched: each stored value has one owner */
	heap_deform_tuple(d, tup, values, isnull, h->t_natts);
	size = h->t_hoff + heap_data_size(d, h->t_natts, values, isnull);
	minsize = size;
	for (int i = 0; i < h->t_natts; i++)
		if (!isnull[i] && d->attrs[i].typlen < 0 && VARSIZE(DatumGetPointer(values[i])) > HEAP_OVF_MIN_VALUE)
			minsize -= VARSIZE(DatumGetPointer(values[i])) - HEAP_OVF_PTR_SIZE;
	if (minsize > HEAP_MAX_TUPLE_SIZE)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED,
		         "row is too big: size %zu, maximum size %d", minsize, HEAP_MAX_TUPLE_SIZE);
	while (size > HEAP_OVF_THRESHOLD) {
		int best = -1;
		uint32_t bestsz = HEAP_OVF_MIN_VALUE;
		ovf_ptr *op;

		for (int i = 0; i < h->t_natts; i++)
			if (!isnull[i] && !moved[i] && d->attrs[i].typlen < 0 &&
			    VARSIZE(DatumGetPointer(values[i])) > bestsz) {
				best = i;
				bestsz = VARSIZE(DatumGetPointer(values[i]));
			}
		if (best < 0)
			break;
		op = palloc(sizeof(*op));
		ovf_store(rel, DatumGetPointer(values[best]), op, ring);
		values[best] = PointerGetDatum(op);
		moved[best] = true;
		size -= bestsz - HEAP_OVF_PTR_SIZE;
	}
	{
		/* form with the stored attributes only (t_natts may be below d->natts) */
		tuple_desc *sd = palloc(sizeof(tuple_desc) + sizeof(heap_attr) * (size_t)h->t_natts);

		sd->natts = h->t_natts;
		memcpy(sd->attrs, d->attrs, sizeof(heap_attr) * (size_t)h->t_natts);
		nt = heap_form_tuple(sd, values, isnull);
		pfree(sd);
	}
	memcpy(nt->t_data, h, offsetof(heap_tuple_header, t_natts));
	nt->t_data->t_infomask |= (uint16_t)(h->t_infomask & HEAP_XACT_MASK);
	for (int i = 0; i < h->t_natts; i++)
		if (moved[i])
			pfree(DatumGetPointer(values[i]));
	pfree(values);
	pfree(isnull);
	pfree(moved);
	return nt;
}

void
heap_free_external(heap_rel *rel, const heap_tuple_header *h, uint32_t len)
{
	const tuple_desc *d = rel->desc;
	int natts = h->t_natts < d->natts ? h->t_natts : d->natts;
	const uint8_t *bits = (h->t_infomask & HEAP_HASNULL) ? h->t_bits : NULL;
	const char *p = (const char *)h + h->t_hoff, *end = (const char *)h + len;

	if (!(h->t_infomask & HEAP_HASEXTERNAL))
		return;
	for (int i = 0; i < natts && p < end; i++) {
		if (bits && (bits[i >> 3] & (1u << (i & 7))))
			continue;
		if (d->attrs[i].typlen > 0) {
			p += d->attrs[i].typlen;
		} else if (heap_is_ovf_ptr(p)) {
			ovf_ptr op;

			memcpy(&op, p, sizeof(op));
			ovf_free(&op);
			p += HEAP_OVF_PTR_SIZE;
		} else {
			p += load_u32(p);
		}
	}
}

/* ---- insert ----------------------------------------------------------------------------------- */

tid
heap_insert(heap_rel *rel, heap_tuple *tup, uint64_t xid, uint32_t cid, heap_bulk *bulk)
{
	heap_tuple *st = prepare_tuple(rel, tup, xid, cid, bulk ? bulk->ring : NULL);
	uint32_t blk;
	unsigned slot;
	buf_id b;
	heap_tuple_header *h;

	if (st->t_len > HEAP_MAX_TUPLE_SIZE)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "row is too big: size %u, maximum size %d",
		         st->t_len, HEAP_MAX_TUPLE_SIZE);
	b = buffer_for_tuple(rel, st->t_len, bulk, BLK_INVALID, &blk);
	slot = page_add_item(buf_page(b), st->t_data, st->t_len, 0, false, HEAP_MAX_SLOTS);
	PH_CHECK(slot != 0);
	h = heap_page_tuple(buf_page(b), slot);
	heap_tuple_set_ctid(h, tid_make(blk, slot));
	/* WAL: heap insert (tid, tuple; "init page" when it is the page's first item) */
	buf_mark_dirty(b);
	buf_unlock_release(b);
	tup->t_self = tid_make(blk, slot);
	if (st != tup)
		heap_free_tuple(st);
	return tup->t_self;
}

/* ---- delete, lock ----------------------------------------------------------------------------- */

/* Pin and lock exclusive the page of t; the tuple header, or NULL (page still locked). */
static heap_tuple_header *
lock_tuple_page(heap_rel *rel, tid t, buf_id *bp)
{
	buf_id b = buf_read(rel->smgr, FORK_MAIN, t.blk, NULL);
	char *page = buf_page(b);

	prune_opt(rel, b);
	buf_lock(b, BUF_EXCLUSIVE);
	*bp = b;
	if (page_is_new(page) || t.slot == 0 || t.slot > page_max_slot(page) ||
	    lp_flags(page_lp_get(page, t.slot)) != LP_NORMAL)
		return NULL;
	return heap_page_tuple(page, t.slot);
}

#define XMAX_BITS (HEAP_XMAX_COMMITTED | HEAP_XMAX_INVALID | HEAP_XMAX_LOCK_ONLY | \
                   HEAP_XMAX_EXCL_LOCK | HEAP_XMAX_SHR_LOCK | HEAP_XMAX_IS_MULTI)

typedef enum { XM_DELETE, XM_LOCK_SHARE, XM_LOCK_EXCL } xmax_kind;

/* Set xmax on the tuple at t (delete or row lock) if update_check allows. */
static heap_tm_result
set_xmax(heap_rel *rel, tid t, uint64_t xid, uint32_t cid, xmax_kind kind, heap_tm_info *info)
{
	buf_id b;
	heap_tuple_header *h = lock_tuple_page(rel, t, &b);
	heap_tm_result r = h ? update_check(h, t, xid, cid, b, info) : HTM_INVISIBLE;

	if (r == HTM_OK) {
		h->t_xmax = xid;
		h->t_infomask &= (uint16_t)~XMAX_BITS;
		if (kind == XM_DELETE) {
			h->t_cid = cmax_for(h, xid, cid);
			h->t_infomask2 &= (uint8_t)~HEAP_HOT_UPDATED;
			heap_tuple_set_ctid(h, t);
			set_prune_hint(buf_page(b), xid);
			/* WAL: heap delete (tid, xmax, cid, infomask) */
		} else {
			h->t_infomask |= HEAP_XMAX_LOCK_ONLY |
			                 (kind == XM_LOCK_EXCL ? HEAP_XMAX_EXCL_LOCK : HEAP_XMAX_SHR_LOCK);
			/* WAL: heap lock (tid, xmax, infomask) */
		}
		buf_mark_dirty(b);
	}
	buf_unlock_release(b);
	return r;
}

heap_tm_result
heap_delete(heap_rel *rel, tid t, uint64_t xid, uint32_t cid, heap_tm_info *info)
{
	return set_xmax(rel, t, xid, cid, XM_DELETE, info);
}

heap_tm_result
heap_lock_tuple(heap_rel *rel, tid t, uint64_t xid, uint32_t cid, bool exclusive,
                heap_tm_info *info)
{
	return set_xmax(rel, t, xid, cid, exclusive ? XM_LOCK_EXCL : XM_LOCK_SHARE, info);
}

/* ---- update ----------------------------------------------------------------------------------- */

/* Room on the page for a new item of len bytes (heap_page_free counts the line pointer). */
static inline bool
fits(const char *page, size_t len)
{
	return heap_page_free(page) >= PAGE_ALIGN(len);
}

heap_tm_result
heap_update(heap_rel *rel, tid otid, heap_tuple *newtup, uint64_t xid, uint32_t cid,
            bool hot_allowed, tid *new_tid, bool *hot, heap_tm_info *info)
{
	heap_tuple *st = prepare_tuple(rel, newtup, xid, cid, NULL);
	buf_id ob, nb = BUF_INVALID;
	uint32_t nblk = otid.blk;
	heap_tuple_header *oh, *nh;
	heap_tm_result r;
	unsigned slot;
	bool same;

	*hot = false;
	if (st->t_len > HEAP_MAX_TUPLE_SIZE)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "row is too big: size %u, maximum size %d",
		         st->t_len, HEAP_MAX_TUPLE_SIZE);
	oh = lock_tuple_page(rel, otid, &ob);
	for (;;) {
		if (oh == NULL) {
			r = HTM_INVISIBLE;
			break;
		}
		r = update_check(oh, otid, xid, cid, ob, info);
		if (r != HTM_OK)
			break;
		if (nb == BUF_INVALID && fits(buf_page(ob), st->t_len)) {
			nb = ob;
			nblk = otid.blk;
			break;
		}
		if (nb != BUF_INVALID && fits(buf_page(nb), st->t_len))
			break;
		/* another page: release ours, find one, take both locks in block order */
		if (nb != BUF_INVALID)
			buf_unlock_release(nb);
		page_hdr(buf_page(ob))->pd_flags |= PD_PAGE_FULL; /* hint only */
		buf_unlock(ob);
		nb = buffer_for_tuple(rel, st->t_len, NULL, otid.blk, &nblk);
		if (nblk < otid.blk) {
			buf_lock(ob, BUF_EXCLUSIVE);
		} else {
			buf_unlock(nb);
			buf_lock(ob, BUF_EXCLUSIVE);
			buf_lock(nb, BUF_EXCLUSIVE);
		}
		oh = lp_flags(page_lp_get(buf_page(ob), otid.slot)) == LP_NORMAL
		         ? heap_page_tuple(buf_page(ob), otid.slot) : NULL;
	}
	if (r != HTM_OK) {
		if (nb != BUF_INVALID && nb != ob)
			buf_unlock_release(nb);
		buf_unlock_release(ob);
		if (st != newtup) {
			heap_free_external(rel, st->t_data, st->t_len);
			heap_free_tuple(st);
		}
		return r;
	}
	same = nb == ob;
	nh = st->t_data;
	nh->t_infomask |= HEAP_UPDATED;
	if (same && hot_allowed)
		nh->t_infomask2 |= HEAP_ONLY_TUPLE;
	slot = page_add_item(buf_page(nb), st->t_data, st->t_len, 0, false, HEAP_MAX_SLOTS);
	PH_CHECK(slot != 0);
	nh = heap_page_tuple(buf_page(nb), slot);
	heap_tuple_set_ctid(nh, tid_make(nblk, slot));
	oh->t_xmax = xid;
	oh->t_cid = cmax_for(oh, xid, cid);
	oh->t_infomask &= (uint16_t)~XMAX_BITS;
	if (same && hot_allowed)
		oh->t_infomask2 |= HEAP_HOT_UPDATED;
	else
		oh->t_infomask2 &= (uint8_t)~HEAP_HOT_UPDATED;
	heap_tuple_set_ctid(oh, tid_make(nblk, slot));
	set_prune_hint(buf_page(ob), xid);
	/* WAL: heap update (old tid, new tid, xmax, new tuple, HOT flag; both pages) */
	buf_mark_dirty(ob);
	if (!same) {
		buf_mark_dirty(nb);
		buf_unlock_release(nb);
	}
	buf_unlock_release(ob);
	*new_tid = tid_make(nblk, slot);
	*hot = same && hot_allowed;
	newtup->t_self = *new_tid;
	if (st != newtup)
		heap_free_tuple(st);
	return HTM_OK;
}

/* ---- fetch ------------------------------------------------------------------------------------ */

bool
heap_fetch(heap_rel *rel, tid t, const void *snapshot, heap_tuple *out, buf_id *bp)
{
	buf_id b = buf_read(rel->smgr, FORK_MAIN, t.blk, NULL);
	char *page = buf_page(b);
	heap_tuple_header *h;
	uint32_t lp;

	buf_lock(b, BUF_SHARE);
	if (page_is_new(page) || t.slot == 0 || t.slot > page_max_slot(page))
		goto miss;
	lp = page_lp_get(page, t.slot);
	if (lp_flags(lp) != LP_NORMAL)
		goto miss;
	h = heap_page_tuple(page, t.slot);
	if (!heap_tuple_visible(h, snapshot, b))
		goto miss;
	out->t_data = h;
	out->t_len = lp_len(lp);
	out->t_self = t;
	buf_unlock(b);
	*bp = b;
	return true;
miss:
	buf_unlock_release(b);
	*bp = BUF_INVALID;
	return false;
}

bool
heap_hot_search(heap_rel *rel, tid root, const void *snapshot, heap_tuple *out, buf_id *bp)
{
	buf_id b = buf_read(rel->smgr, FORK_MAIN, root.blk, NULL);
	char *page = buf_page(b);
	unsigned slot = root.slot, maxs, steps = 0;
	uint64_t prev_xmax = 0;
	bool first = true;

	prune_opt(rel, b);
	buf_lock(b, BUF_SHARE);
	maxs = page_is_new(page) ? 0 : page_max_slot(page);
	while (slot >= 1 && slot <= maxs && steps++ <= maxs) {
		uint32_t lp = page_lp_get(page, slot);
		heap_tuple_header *h;

		if (lp_flags(lp) == LP_REDIRECT && first) {
			slot = lp_off(lp);
			first = false;
			continue;
		}
		if (lp_flags(lp) != LP_NORMAL)
			break;
		h = heap_page_tuple(page, slot);
		if (!first && (!(h->t_infomask2 & HEAP_ONLY_TUPLE) || (prev_xmax && h->t_xmin != prev_xmax)))
			break;
		if (heap_tuple_visible(h, snapshot, b)) {
			out->t_data = h;
			out->t_len = lp_len(lp);
			out->t_self = tid_make(root.blk, slot);
			buf_unlock(b);
			*bp = b;
			return true;
		}
		if (!(h->t_infomask2 & HEAP_HOT_UPDATED) || h->t_ctid_blk != root.blk)
			break;
		prev_xmax = h->t_xmax;
		slot = h->t_ctid_slot;
		first = false;
	}
	buf_unlock_release(b);
	*bp = BUF_INVALID;
	return false;
}

/* ---- sequential scans ------------------------------------------------------------------------- */

struct heap_scan {
	heap_rel *rel;
	const void *snapshot;
	int flags;
	buf_strategy *ring;
	uint32_t nblocks;
	uint32_t next_blk;
	buf_id buf;
	int nvis, idx;
	uint16_t vis[HEAP_MAX_SLOTS * 2];
	uint16_t roots[PAGE_SIZE / 4 + 1];
	heap_tuple tup;
};

heap_scan *
heap_beginscan(heap_rel *rel, const void *snapshot, int flags)
{
	heap_scan *s = palloc0(sizeof(*s));

	s->rel = rel;
	s->snapshot = snapshot;
	s->flags = flags;
	s->buf = BUF_INVALID;
	s->nblocks = heap_nblocks(rel);
	if (!(flags & HEAP_SCAN_NORING) &&
	    ((flags & HEAP_SCAN_BULKREAD) || s->nblocks > (uint32_t)buf_count() / 4))
		s->ring = buf_strategy_create(BUF_RING_BULKREAD);
	return s;
}

void
heap_rescan(heap_scan *s)
{
	if (s->buf != BUF_INVALID)
		buf_release(s->buf);
	s->buf = BUF_INVALID;
	s->next_blk = 0;
	s->nvis = s->idx = 0;
	s->nblocks = heap_nblocks(s->rel);
}

void
heap_endscan(heap_scan *s)
{
	if (s->buf != BUF_INVALID)
		buf_release(s->buf);
	buf_strategy_free(s->ring);
	pfree(s);
}

/* Collect the visible tuples of the next page into s->vis; false at the end. */
static bool
next_page(heap_scan *s)
{
	char *page;
	unsigned maxs;

	if (s->buf != BUF_INVALID) {
		buf_release(s->buf);
		s->buf = BUF_INVALID;
	}
	while (s->next_blk < s->nblocks) {
		s->buf = buf_read(s->rel->smgr, FORK_MAIN, s->next_blk++, s->ring);
		page = buf_page(s->buf);
		prune_opt(s->rel, s->buf);
		buf_lock(s->buf, BUF_SHARE);
		s->nvis = s->idx = 0;
		maxs = page_is_new(page) ? 0 : page_max_slot(page);
		for (unsigned slot = 1; slot <= maxs; slot++) {
			if (lp_flags(page_lp_get(page, slot)) != LP_NORMAL)
				continue;
			if (heap_tuple_visible(heap_page_tuple(page, slot), s->snapshot, s->buf))
				s->vis[s->nvis++] = (uint16_t)slot;
		}
		if (s->nvis > 0 && (s->flags & HEAP_SCAN_ROOTS))
			heap_page_roots(page, s->roots);
		buf_unlock(s->buf);
		if (s->nvis > 0)
			return true;
		buf_release(s->buf);
		s->buf = BUF_INVALID;
	}
	return false;
}

heap_tuple *
heap_getnext(heap_scan *s)
{
	char *page;
	unsigned slot;

	if (s->idx >= s->nvis && !next_page(s))
		return NULL;
	page = buf_page(s->buf);
	slot = s->vis[s->idx++];
	s->tup.t_data = heap_page_tuple(page, slot);
	s->tup.t_len = lp_len(page_lp_get(page, slot));
	s->tup.t_self = tid_make(buf_blkno(s->buf), slot);
	return &s->tup;
}

tid
heap_scan_root(heap_scan *s)
{
	PH_CHECK(s->flags & HEAP_SCAN_ROOTS);
	return tid_make(s->tup.t_self.blk, s->roots[s->tup.t_self.slot]);
}
