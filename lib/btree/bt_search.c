/*
 * bt_search.c — descending the tree, moving right (Lehman–Yao), binary search within a page,
 * finding a parent's downlink and stepping left.  README "Search (readers)".
 */
#include "btree/bt_int.h"
#include "util/err.h"
#include "util/mem.h"

unsigned
bt_binsrch(bt_index *idx, char *page, const bt_skey *k)
{
	bt_opaque *o = bt_op(page);
	unsigned lo = bt_first(o), hi = page_max_slot(page) + 1;

	if (o->bto_level == 0) {
		/* first item >= k */
		while (lo < hi) {
			unsigned mid = lo + (hi - lo) / 2;

			if (bt_compare(idx, k, bt_item(page, mid)) > 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo;
	}
	/* last item <= k (the minus-infinity item always is) */
	lo++;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;

		if (bt_compare(idx, k, bt_item(page, mid)) >= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

buf_id
bt_moveright(bt_index *idx, buf_id b, const bt_skey *k, buf_lock_mode mode)
{
	for (;;) {
		char *page = buf_page(b);
		bt_opaque *o = bt_op(page);
		uint32_t next;

		if (bt_rightmost(o))
			return b;
		if (!bt_ignorable(o) && bt_compare(idx, k, bt_item(page, 1)) < 0)
			return b;
		next = o->bto_next;
		buf_unlock_release(b);
		b = buf_read(idx->smgr, FORK_MAIN, next, NULL);
		buf_lock(b, mode);
	}
}

void
bt_free_stack(bt_stack *s)
{
	while (s) {
		bt_stack *p = s->parent;

		pfree(s);
		s = p;
	}
}

buf_id
bt_search(bt_index *idx, const bt_skey *k, int level, buf_lock_mode mode, bt_stack **stackp)
{
	uint32_t blk;
	buf_id b = bt_get_root(idx, level, mode, &blk);
	bt_stack *stack = NULL;

	for (;;) {
		bt_opaque *o;
		unsigned slot;
		uint32_t child;
		buf_lock_mode cm;

		b = bt_moveright(idx, b, k, (int)bt_op(buf_page(b))->bto_level == level ? mode : BUF_SHARE);
		o = bt_op(buf_page(b));
		if ((int)o->bto_level == level)
			break;
		if ((int)o->bto_level < level) {
			buf_unlock_release(b);
			bt_free_stack(stack);
			ph_error(ERRCODE_INDEX_CORRUPTED, "index \"%s\" has no level %d", idx->name, level);
		}
		slot = bt_binsrch(idx, buf_page(b), k);
		child = bt_item(buf_page(b), slot)->bt_blk;
		if (stackp) {
			bt_stack *st = palloc(sizeof(*st));

			st->blk = buf_blkno(b);
			st->slot = slot;
			st->parent = stack;
			stack = st;
		}
		cm = (int)o->bto_level - 1 == level ? mode : BUF_SHARE;
		buf_unlock_release(b);
		b = buf_read(idx->smgr, FORK_MAIN, child, NULL);
		buf_lock(b, cm);
	}
	if (stackp)
		*stackp = stack;
	return b;
}

buf_id
bt_find_downlink(bt_index *idx, buf_id pb, uint32_t child, unsigned start, unsigned *slot)
{
	for (;;) {
		char *page = buf_page(pb);
		bt_opaque *o = bt_op(page);
		unsigned first = bt_first(o), maxs = page_max_slot(page);
		uint32_t next;

		if (!bt_ignorable(o)) {
			if (start < first)
				start = first;
			for (unsigned s = start; s <= maxs; s++)
				if (bt_item(page, s)->bt_blk == child) {
					*slot = s;
					return pb;
				}
			for (unsigned s = first; s < start && s <= maxs; s++)
				if (bt_item(page, s)->bt_blk == child) {
					*slot = s;
					return pb;
				}
		}
		next = o->bto_next;
		buf_unlock_release(pb);
		if (next == BT_NONE)
			return BUF_INVALID;
		pb = buf_read(idx->smgr, FORK_MAIN, next, NULL);
		buf_lock(pb, BUF_EXCLUSIVE);
		start = 0;
	}
}

buf_id
bt_step_left(bt_index *idx, uint32_t cur, uint32_t prev)
{
	uint32_t lblk = prev;

	for (int guard = 0; guard < 1000000; guard++) {
		buf_id lb;

		if (lblk == BT_NONE)
			return BUF_INVALID;
		lb = buf_read(idx->smgr, FORK_MAIN, lblk, NULL);
		buf_lock(lb, BUF_SHARE);
		for (;;) {
			bt_opaque *lo = bt_op(buf_page(lb));
			uint32_t next;

			if (lo->bto_next == cur) {
				if (!bt_ignorable(lo))
					return lb;
				/* a deleted or half-dead page left of cur: go further left */
				lblk = lo->bto_prev;
				buf_unlock_release(lb);
				break;
			}
			next = lo->bto_next;
			buf_unlock_release(lb);
			if (next == BT_NONE)
				ph_error(ERRCODE_INDEX_CORRUPTED,
				         "could not find the left sibling of block %u in index \"%s\"", cur,
				         idx->name);
			lb = buf_read(idx->smgr, FORK_MAIN, next, NULL);
			buf_lock(lb, BUF_SHARE);
		}
	}
	ph_error(ERRCODE_INDEX_CORRUPTED, "left-link loop at block %u in index \"%s\"", cur,
	         idx->name);
}

buf_id
bt_find_exact(bt_index *idx, const Datum *values, const bool *isnull, tid heap_tid,
              buf_lock_mode mode, unsigned *slot)
{
	bt_skey k;
	buf_id b;

	bt_skey_init(&k, idx->ncols, values, isnull, 0);
	k.has_tid = true;
	k.heap_tid = heap_tid;
	b = bt_search(idx, &k, 0, mode, NULL);
	*slot = bt_binsrch(idx, buf_page(b), &k);
	if (*slot > page_max_slot(buf_page(b)) || bt_compare(idx, &k, bt_item(buf_page(b), *slot)) != 0)
		*slot = 0;
	return b;
}
