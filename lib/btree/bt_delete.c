/*
 * bt_delete.c — removing entries (one, or VACUUM's bulk delete) and reclaiming empty leaf
 * pages in two steps (half-dead, then unlinked and put on the deleted-page list).  README
 * "Deletion of entries and of pages".
 */
#include "btree/bt_int.h"
#include "util/err.h"
#include "util/mem.h"

bool
bt_delete(bt_index *idx, const Datum *values, const bool *isnull, tid heap_tid)
{
	unsigned slot;
	buf_id b;

	bt_op_begin();
	b = bt_find_exact(idx, values, isnull, heap_tid, BUF_EXCLUSIVE, &slot);
	if (slot != 0) {
		page_index_delete(buf_page(b), slot);
		/* WAL: btree delete (block, slot) */
		buf_mark_dirty(b);
	}
	buf_unlock_release(b);
	bt_op_end();
	return slot != 0;
}

bool
bt_tid_in_set(tid t, void *arg)
{
	const bt_tid_set *set = arg;
	size_t lo = 0, hi = set->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = tid_cmp(set->tids[mid], t);

		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* ---- page deletion ---------------------------------------------------------------------------- */

/* Step 2: unlink a half-dead page (pinned, not locked) from its siblings; drops the pin. */
static bool
unlink_half_dead(bt_index *idx, buf_id b, uint32_t blk)
{
	uint32_t left, right;
	buf_id lb = BUF_INVALID, rb;
	bt_opaque *o;

	buf_lock(b, BUF_SHARE);
	left = bt_op(buf_page(b))->bto_prev;
	buf_unlock(b);
	if (left != BT_NONE) {
		lb = buf_read(idx->smgr, FORK_MAIN, left, NULL);
		buf_lock(lb, BUF_EXCLUSIVE);
		while (bt_op(buf_page(lb))->bto_next != blk) {
			uint32_t next = bt_op(buf_page(lb))->bto_next;

			buf_unlock_release(lb);
			if (next == BT_NONE) {
				buf_release(b);
				return false;
			}
			lb = buf_read(idx->smgr, FORK_MAIN, next, NULL);
			buf_lock(lb, BUF_EXCLUSIVE);
		}
	}
	buf_lock(b, BUF_EXCLUSIVE); /* left, target, right: left to right */
	o = bt_op(buf_page(b));
	if (!(o->bto_flags & BTP_HALF_DEAD)) {
		buf_unlock_release(b);
		if (lb != BUF_INVALID)
			buf_unlock_release(lb);
		return false;
	}
	right = o->bto_next;
	rb = buf_read(idx->smgr, FORK_MAIN, right, NULL);
	buf_lock(rb, BUF_EXCLUSIVE);
	if (lb != BUF_INVALID)
		bt_op(buf_page(lb))->bto_next = right;
	bt_op(buf_page(rb))->bto_prev = left;
	o->bto_flags = (uint16_t)((o->bto_flags & ~BTP_HALF_DEAD) | BTP_DELETED);
	o->bto_epoch = bt_next_epoch();
	o->bto_free_next = BT_NONE;
	/* WAL: unlink (left's next, right's prev, target deleted with its epoch) */
	buf_mark_dirty(b);
	buf_mark_dirty(rb);
	if (lb != BUF_INVALID) {
		buf_mark_dirty(lb);
		buf_unlock_release(lb);
	}
	buf_unlock_release(rb);
	buf_unlock_release(b);
	bt_free_page_append(idx, blk);
	return true;
}

static bool
deletable(const char *page)
{
	const bt_opaque *o = (const bt_opaque *)(page + page_chdr(page)->pd_special);

	return o->bto_level == 0 && !bt_ignorable(o) && !bt_rightmost(o) &&
	       !(o->bto_flags & BTP_ROOT) && page_max_slot(page) < bt_first(o);
}

bool
bt_try_delete_page(bt_index *idx, uint32_t blk, bt_vacuum_stats *st)
{
	buf_id b = buf_read(idx->smgr, FORK_MAIN, blk, NULL), pb;
	char *page = buf_page(b);
	bt_tuple *hk;
	bt_skey k;
	uint32_t pblk, right;
	unsigned slot;
	bool done;

	if (!buf_lock_cleanup_try(b)) { /* a scan is paused on it: another time */
		buf_release(b);
		return false;
	}
	if (bt_op(page)->bto_flags & BTP_HALF_DEAD)
		goto unlink;
	if (!deletable(page)) {
		buf_unlock_release(b);
		return false;
	}
	/* step 1: find the parent by searching for the high key, leaf unlocked */
	hk = bt_form_pivot(bt_item(page, 1), 0);
	buf_unlock(b);
	bt_skey_from_tuple(idx, hk, &k);
	pfree(hk);
	pb = bt_search(idx, &k, 1, BUF_SHARE, NULL);
	pblk = buf_blkno(pb);
	buf_unlock_release(pb);
	/* then lock leaf, then parent (child before parent, as splits do) */
	if (!buf_lock_cleanup_try(b)) {
		buf_release(b);
		return false;
	}
	if (!deletable(page)) {
		buf_unlock_release(b);
		return false;
	}
	right = bt_op(page)->bto_next;
	pb = buf_read(idx->smgr, FORK_MAIN, pblk, NULL);
	buf_lock(pb, BUF_EXCLUSIVE);
	pb = bt_find_downlink(idx, pb, blk, 0, &slot);
	if (pb == BUF_INVALID) {
		buf_unlock_release(b);
		return false;
	}
	if (slot >= page_max_slot(buf_page(pb)) || bt_item(buf_page(pb), slot + 1)->bt_blk != right) {
		/* the rightmost child of its parent (or an odd layout): keep it */
		buf_unlock_release(pb);
		buf_unlock_release(b);
		return false;
	}
	/* the right sibling takes over the key range: point our item at it, drop its own */
	bt_item(buf_page(pb), slot)->bt_blk = right;
	page_index_delete(buf_page(pb), slot + 1);
	bt_op(page)->bto_flags |= BTP_HALF_DEAD;
	/* WAL: mark half-dead (parent block and slot, leaf) */
	buf_mark_dirty(pb);
	buf_mark_dirty(b);
	buf_unlock_release(pb);
unlink:
	buf_unlock(b);
	done = unlink_half_dead(idx, b, blk);
	if (done && st)
		st->pages_deleted++;
	return done;
}

/* ---- vacuum ------------------------------------------------------------------------------------ */

/* Walk the leaves left to right (key order: splits only move entries right, so none is
 * missed); remove dead entries when is_dead is given; then reclaim empty pages. */
static void
walk_leaves(bt_index *idx, bt_dead_tid_fn is_dead, void *arg, bt_vacuum_stats *st)
{
	buf_strategy *ring = buf_strategy_create(BUF_RING_VACUUM);
	uint32_t *cand = NULL, blk;
	size_t ncand = 0, capcand = 0;
	uint16_t dead[PAGE_SIZE / 4];
	bt_skey k;
	buf_id b;
	bt_meta meta;

	bt_skey_init(&k, 0, NULL, NULL, -1);
	b = bt_search(idx, &k, 0, BUF_SHARE, NULL);
	buf_unlock(b);
	for (;;) {
		char *page = buf_page(b);
		bt_opaque *o;
		unsigned maxs, first, nd = 0;
		uint32_t next;

		blk = buf_blkno(b);
		buf_lock_cleanup(b);
		o = bt_op(page);
		first = bt_first(o);
		maxs = page_max_slot(page);
		if (!bt_ignorable(o)) {
			if (is_dead)
				for (unsigned s = first; s <= maxs; s++)
					if (is_dead(bt_tuple_tid(bt_item(page, s)), arg))
						dead[nd++] = (uint16_t)s;
			if (nd > 0) {
				page_index_delete_multi(page, dead, nd);
				/* WAL: btree vacuum (block, slots) */
				buf_mark_dirty(b);
			}
			st->entries_removed += nd;
			st->entries_left += page_max_slot(page) + 1 - first;
			st->leaf_pages++;
		}
		if ((o->bto_flags & BTP_HALF_DEAD) || deletable(page)) {
			if (ncand == capcand) {
				capcand = capcand ? capcand * 2 : 64;
				cand = cand ? repalloc(cand, capcand * sizeof(uint32_t))
				            : palloc(capcand * sizeof(uint32_t));
			}
			cand[ncand++] = blk;
		}
		next = o->bto_next;
		buf_unlock_release(b);
		if (next == BT_NONE)
			break;
		b = buf_read(idx->smgr, FORK_MAIN, next, ring);
	}
	for (size_t i = 0; i < ncand; i++)
		bt_try_delete_page(idx, cand[i], st);
	bt_read_meta(idx, &meta);
	st->pages_free = meta.bm_nfree;
	if (cand)
		pfree(cand);
	buf_strategy_free(ring);
}

void
bt_bulkdelete(bt_index *idx, bt_dead_tid_fn is_dead, void *arg, bt_vacuum_stats *stats)
{
	bt_vacuum_stats st;

	memset(&st, 0, sizeof(st));
	bt_op_begin();
	walk_leaves(idx, is_dead, arg, &st);
	bt_op_end();
	if (stats)
		*stats = st;
}

void
bt_vacuum_pages(bt_index *idx, bt_vacuum_stats *stats)
{
	bt_bulkdelete(idx, NULL, NULL, stats);
}
