/*
 * bt_insert.c — insertion: unique checks, page splits, downlinks into parents, root splits.
 * README "Insertion (writers)" and "Split".
 */
#include <stdio.h>

#include "btree/bt_int.h"
#include "util/err.h"
#include "util/mem.h"

bt_heap_status (*bt_unique_hook)(bt_index *idx, tid heap_tid, uint64_t *xid, void *arg) = NULL;
void *bt_unique_hook_arg = NULL;
void (*bt_wait_hook)(uint64_t xid) = NULL;

#define LEAF_FILL 0.90
#define INTERNAL_FILL 0.70

static void place_item(bt_index *idx, buf_id b, bt_tuple *it, unsigned slot, bt_stack *stack);

/* ---- unique check --------------------------------------------------------------------------- */

/*
 * Look for entries equal to k (full key, no TID) from slot `slot` of the locked page b
 * onwards, reading right siblings under shared locks while b stays locked.  Returns the
 * status of the first conflicting heap tuple, or BT_HEAP_DEAD when there is none.
 */
static bt_heap_status
check_unique(bt_index *idx, buf_id b, const bt_skey *k, uint64_t *xid, tid *conflict)
{
	buf_id cur = b;
	unsigned slot = bt_binsrch(idx, buf_page(b), k);
	bt_skey eq = *k;

	eq.tail = 0;
	for (;;) {
		char *page = buf_page(cur);
		bt_opaque *o = bt_op(page);
		unsigned maxs = page_max_slot(page);
		uint32_t next;

		if (!bt_ignorable(o)) {
			for (unsigned s = slot; s <= maxs; s++) {
				bt_tuple *t = bt_item(page, s);
				bt_heap_status st;

				if (bt_compare(idx, &eq, t) != 0)
					goto done;
				*conflict = bt_tuple_tid(t);
				st = bt_unique_hook ? bt_unique_hook(idx, *conflict, xid, bt_unique_hook_arg)
				                    : BT_HEAP_LIVE;
				if (st != BT_HEAP_DEAD) {
					if (cur != b)
						buf_unlock_release(cur);
					return st;
				}
			}
			/* equal keys continue on the right only if the high key has the same key */
			if (bt_rightmost(o) || bt_compare(idx, &eq, bt_item(page, 1)) < 0)
				goto done;
		}
		if (bt_rightmost(o))
			goto done;
		next = o->bto_next;
		if (cur != b)
			buf_unlock_release(cur);
		cur = buf_read(idx->smgr, FORK_MAIN, next, NULL);
		buf_lock(cur, BUF_SHARE);
		slot = bt_first(bt_op(buf_page(cur)));
	}
done:
	if (cur != b)
		buf_unlock_release(cur);
	return BT_HEAP_DEAD;
}

static noreturn void
unique_violation(bt_index *idx, const Datum *values, const bool *isnull)
{
	char *keytext = idx->key_text ? idx->key_text(idx, values, isnull) : NULL;

	ERR_BEGIN(ERRCODE_UNIQUE_VIOLATION);
	if (keytext)
		err_detail("Key %s already exists.", keytext);
	err_object(NULL, NULL, NULL, idx->name);
	err_throw("duplicate key value violates unique constraint \"%s\"", idx->name);
}

/* From the first page that can hold k, move right (lock coupling) to where k belongs. */
static buf_id
step_right_to(bt_index *idx, buf_id b, const bt_skey *k)
{
	for (;;) {
		bt_opaque *o = bt_op(buf_page(b));
		buf_id rb;

		if (bt_rightmost(o) ||
		    (!bt_ignorable(o) && bt_compare(idx, k, bt_item(buf_page(b), 1)) < 0))
			return b;
		rb = buf_read(idx->smgr, FORK_MAIN, o->bto_next, NULL);
		buf_lock(rb, BUF_EXCLUSIVE);
		buf_unlock_release(b);
		b = rb;
	}
}

void
bt_insert(bt_index *idx, const Datum *values, const bool *isnull, tid heap_tid)
{
	bt_tuple *it = bt_form_leaf(idx, values, isnull, heap_tid);
	bool checking = idx->unique;
	bt_skey k, ku;
	bt_stack *stack = NULL;
	buf_id b;

	for (int i = 0; i < idx->ncols; i++)
		checking &= !isnull[i]; /* NULLs never conflict */
	bt_skey_init(&k, idx->ncols, values, isnull, 0);
	k.has_tid = true;
	k.heap_tid = heap_tid;
	bt_skey_init(&ku, idx->ncols, values, isnull, -1);
	bt_op_begin();
	for (;;) {
		uint64_t xid = 0;
		tid conflict;
		bt_heap_status st;

		if (!checking) {
			b = bt_search(idx, &k, 0, BUF_EXCLUSIVE, &stack);
			break;
		}
		b = bt_search(idx, &ku, 0, BUF_EXCLUSIVE, &stack);
		st = check_unique(idx, b, &ku, &xid, &conflict);
		if (st == BT_HEAP_DEAD) {
			b = step_right_to(idx, b, &k);
			break;
		}
		buf_unlock_release(b);
		bt_free_stack(stack);
		stack = NULL;
		if (st == BT_HEAP_LIVE || bt_wait_hook == NULL) {
			bt_op_end();
			unique_violation(idx, values, isnull);
		}
		bt_wait_hook(xid); /* the other inserter may still roll back: wait, then look again */
	}
	place_item(idx, b, it, bt_binsrch(idx, buf_page(b), &k), stack);
	bt_free_stack(stack);
	bt_op_end();
	pfree(it);
}

/* ---- splits --------------------------------------------------------------------------------- */

#define PAGE_ROOM (PAGE_SIZE - PAGE_HEADER_SIZE - (int)sizeof(bt_opaque))

static inline size_t
room(size_t size)
{
	return PAGE_ALIGN(size) + 4;
}

/*
 * Choose where to split n items (sizes[]): items [0, k) stay left.  The left page gets a high
 * key (pivot of item k); on an internal page item k becomes the right page's minus-infinity
 * item.  Returns k, or 0 if no split point fits (cannot happen with BT_MAX_ITEM_SIZE).
 */
static int
split_point(bt_index *idx, const size_t *sizes, int n, bool leaf, size_t old_high, double fill)
{
	size_t total = 0, left = 0, limit = PAGE_ROOM;
	double best = 1e300;
	int bestk = 0;

	for (int j = 0; j < n; j++)
		total += room(sizes[j]);
	for (int k = 1; k < n; k++) {
		size_t lh = room(leaf ? sizes[k] + BT_TID_SIZE : sizes[k]);
		size_t rsz, lsz;
		double diff;

		left += room(sizes[k - 1]);
		lsz = left + lh;
		rsz = total - left + (old_high ? room(old_high) : 0) - (leaf ? 0 : room(sizes[k]) - room(BT_TUPLE_HDR));
		if (lsz > limit || rsz > limit)
			continue;
		diff = (double)left - fill * (double)total;
		if (diff < 0)
			diff = -diff;
		if (idx->page_limit && (lsz > idx->page_limit || rsz > idx->page_limit))
			diff += 1e9;
		if (diff < best) {
			best = diff;
			bestk = k;
		}
	}
	return bestk;
}

static void
add_or_die(char *page, const bt_tuple *t)
{
	if (page_add_item(page, t, bt_tuple_size(t), page_max_slot(page) + 1, true, 0) == 0)
		ph_internal("btree split produced a page that does not fit");
}

/* b is locked exclusive and has no room for `it` at `newslot`: split it, then insert the
 * downlink of the new right page into the parent. */
static void
split(bt_index *idx, buf_id b, bt_tuple *it, unsigned newslot, bt_stack *stack)
{
	char *page = buf_page(b), *tmp = palloc(PAGE_SIZE);
	bt_opaque *o = bt_op(page), *to;
	bool leaf = o->bto_level == 0, was_root = (o->bto_flags & BTP_ROOT) != 0;
	unsigned first = bt_first(o), maxs = page_max_slot(page);
	int n = (int)(maxs - first + 2), k;
	bt_tuple **items = palloc(sizeof(bt_tuple *) * (size_t)n);
	size_t *sizes = palloc(sizeof(size_t) * (size_t)n);
	bt_tuple *sep, *hk;
	size_t old_high = bt_rightmost(o) ? 0 : bt_tuple_size(bt_item(page, 1));
	double fill = 0.5;
	uint32_t nblk;
	buf_id nb;
	char *np;

	for (int j = 0, s = (int)first; j < n; j++) {
		if (j == (int)(newslot - first))
			items[j] = it;
		else
			items[j] = bt_item(page, (unsigned)s++);
		sizes[j] = bt_tuple_size(items[j]);
	}
	if (bt_rightmost(o) && newslot == maxs + 1)
		fill = leaf ? LEAF_FILL : INTERNAL_FILL; /* ascending inserts leave full pages */
	k = split_point(idx, sizes, n, leaf, old_high, fill);
	if (k <= 0)
		ph_internal("no split point for a page of index \"%s\"", idx->name);

	nb = bt_alloc_page(idx, &nblk);
	np = buf_page(nb);
	bt_init_page(np, o->bto_level, o->bto_flags & BTP_LEAF);
	bt_op(np)->bto_prev = buf_blkno(b);
	bt_op(np)->bto_next = o->bto_next;
	if (old_high)
		add_or_die(np, bt_item(page, 1));
	for (int j = k; j < n; j++) {
		if (!leaf && j == k) {
			bt_tuple *mi = bt_form_minus_inf(items[j]->bt_blk);

			add_or_die(np, mi);
			pfree(mi);
		} else {
			add_or_die(np, items[j]);
		}
	}
	sep = bt_form_pivot(items[k], nblk);
	hk = bt_form_pivot(items[k], 0);
	bt_init_page(tmp, o->bto_level, o->bto_flags & ~BTP_ROOT);
	to = bt_op(tmp);
	to->bto_prev = o->bto_prev;
	to->bto_next = nblk;
	page_set_lsn(tmp, page_get_lsn(page));
	add_or_die(tmp, hk);
	for (int j = 0; j < k; j++)
		add_or_die(tmp, items[j]);
	if (!bt_rightmost(o)) {
		buf_id rb = buf_read(idx->smgr, FORK_MAIN, o->bto_next, NULL);

		buf_lock(rb, BUF_EXCLUSIVE);
		bt_op(buf_page(rb))->bto_prev = nblk;
		buf_mark_dirty(rb);
		buf_unlock_release(rb);
	}
	/* WAL: split (left page image, right page image, new prev link of the old right page) */
	memcpy(page, tmp, PAGE_SIZE);
	buf_mark_dirty(b);
	buf_mark_dirty(nb);
	buf_unlock_release(nb);
	pfree(tmp);
	pfree(items);
	pfree(sizes);
	pfree(hk);
	bt_insert_parent(idx, b, was_root, sep, stack);
	pfree(sep);
}

/* Insert `it` at slot of the locked page b (splitting if needed); releases b. */
static void
place_item(bt_index *idx, buf_id b, bt_tuple *it, unsigned slot, bt_stack *stack)
{
	char *page = buf_page(b);

	if (bt_fits(idx, page, bt_tuple_size(it))) {
		if (page_add_item(page, it, bt_tuple_size(it), slot, true, 0) != slot)
			ph_internal("btree insert into a page with room failed");
		/* WAL: btree insert (block, slot, tuple) */
		buf_mark_dirty(b);
		buf_unlock_release(b);
		return;
	}
	split(idx, b, it, slot, stack);
}

void
bt_insert_parent(bt_index *idx, buf_id child, bool child_was_root, bt_tuple *sep,
                 bt_stack *stack)
{
	uint32_t cblk = buf_blkno(child), level = bt_op(buf_page(child))->bto_level;
	unsigned slot;
	buf_id pb;

	if (child_was_root) {
		uint32_t rblk;
		buf_id rb = bt_alloc_page(idx, &rblk);
		bt_tuple *mi = bt_form_minus_inf(cblk);

		bt_init_page(buf_page(rb), level + 1, BTP_ROOT);
		add_or_die(buf_page(rb), mi);
		add_or_die(buf_page(rb), sep);
		pfree(mi);
		/* WAL: new root (with the split) */
		buf_mark_dirty(rb);
		bt_set_root(idx, rblk, level + 1); /* metapage after the pages we hold */
		buf_unlock_release(rb);
		buf_unlock_release(child);
		return;
	}
	if (stack != NULL) {
		pb = buf_read(idx->smgr, FORK_MAIN, stack->blk, NULL);
		buf_lock(pb, BUF_EXCLUSIVE);
		slot = stack->slot;
	} else {
		/* the child was the root when we descended, and someone split it since */
		bt_skey k;

		bt_skey_from_tuple(idx, sep, &k);
		pb = bt_search(idx, &k, (int)level + 1, BUF_EXCLUSIVE, NULL);
		slot = 0;
	}
	pb = bt_find_downlink(idx, pb, cblk, slot, &slot);
	if (pb == BUF_INVALID) {
		buf_unlock_release(child);
		ph_error(ERRCODE_INDEX_CORRUPTED, "could not find the downlink to block %u in index \"%s\"",
		         cblk, idx->name);
	}
	buf_unlock_release(child);
	place_item(idx, pb, sep, slot + 1, stack ? stack->parent : NULL);
}
