/*
 * bt_scan.c — range scans in both directions.  One leaf page at a time: its matching entries
 * are copied under a shared lock, the lock is released and the pin kept until they are
 * consumed (the interlock with VACUUM), then the scan steps to the saved right-link or walks
 * left.  README "Search (readers)".
 */
#include "btree/bt_int.h"
#include "util/err.h"
#include "util/mem.h"

#define MAX_ITEMS (PAGE_SIZE / 4)

struct bt_scan {
	bt_index *idx;
	bt_direction dir;
	bool want_keys;
	bool has_lower, has_upper;
	bt_skey lower, upper;      /* tails set so that compare() > 0 / < 0 means "inside" */
	bool started, done;
	buf_id buf;                /* pinned current leaf, or BUF_INVALID */
	uint32_t blk, next_blk, prev_blk;
	int n, i, cur;
	tid *tids;                 /* [MAX_ITEMS], allocated at the first page */
	uint16_t *koff;            /* want_keys: [MAX_ITEMS] offsets into keys */
	char *keys;                /* want_keys: copies of the entries, one page's worth */
};

bt_scan *
bt_beginscan(bt_index *idx, const bt_bound *lower, const bt_bound *upper, bt_direction dir,
             bool want_keys)
{
	bt_scan *s = palloc0(sizeof(*s));

	s->idx = idx;
	s->dir = dir;
	s->want_keys = want_keys;
	s->buf = BUF_INVALID;
	s->cur = -1;
	if (lower && lower->nkeys > 0) {
		s->has_lower = true;
		bt_skey_init(&s->lower, lower->nkeys, lower->values, lower->isnull,
		             lower->inclusive ? -1 : 1);
	}
	if (upper && upper->nkeys > 0) {
		s->has_upper = true;
		bt_skey_init(&s->upper, upper->nkeys, upper->values, upper->isnull,
		             upper->inclusive ? 1 : -1);
	}
	bt_op_begin();
	return s;
}

static void
alloc_arrays(bt_scan *s)
{
	s->tids = palloc(sizeof(tid) * MAX_ITEMS);
	if (s->want_keys) {
		s->koff = palloc(sizeof(uint16_t) * MAX_ITEMS);
		s->keys = palloc(PAGE_SIZE);
	}
}

void
bt_endscan(bt_scan *s)
{
	if (s->buf != BUF_INVALID)
		buf_release(s->buf);
	bt_op_end();
	if (s->tids) {
		pfree(s->tids);
		if (s->want_keys) {
			pfree(s->koff);
			pfree(s->keys);
		}
	}
	pfree(s);
}

static inline void
keep(bt_scan *s, const bt_tuple *t, size_t *kb)
{
	s->tids[s->n] = bt_tuple_tid(t);
	if (s->want_keys) {
		s->koff[s->n] = (uint16_t)*kb;
		memcpy(s->keys + *kb, t, bt_tuple_size(t));
		*kb += PAGE_ALIGN(bt_tuple_size(t));
	}
	s->n++;
}

/* Copy the qualifying entries of the locked leaf b starting at slot (moving in the scan's
 * direction); sets done when a bound or the end of the index is reached. */
static void
read_page(bt_scan *s, buf_id b, unsigned start)
{
	char *page = buf_page(b);
	bt_opaque *o = bt_op(page);
	unsigned first = bt_first(o), maxs = page_max_slot(page);
	size_t kb = 0;

	if (s->tids == NULL)
		alloc_arrays(s);
	s->n = s->i = 0;
	s->blk = buf_blkno(b);
	s->next_blk = o->bto_next;
	s->prev_blk = o->bto_prev;
	if (bt_ignorable(o))
		return;
	if (s->dir == BT_FORWARD) {
		for (unsigned slot = start < first ? first : start; slot <= maxs; slot++) {
			bt_tuple *t = bt_item(page, slot);

			if (s->has_upper && bt_compare(s->idx, &s->upper, t) <= 0) {
				s->done = true;
				return;
			}
			keep(s, t, &kb);
		}
		if (bt_rightmost(o))
			s->done = true;
	} else {
		for (unsigned slot = start > maxs ? maxs : start; slot >= first && slot > 0; slot--) {
			bt_tuple *t = bt_item(page, slot);

			if (s->has_lower && bt_compare(s->idx, &s->lower, t) >= 0) {
				s->done = true;
				return;
			}
			keep(s, t, &kb);
		}
		if (bt_leftmost(o))
			s->done = true;
	}
}

static void
start(bt_scan *s)
{
	bt_skey k;
	unsigned slot;

	if (s->dir == BT_FORWARD) {
		if (s->has_lower)
			k = s->lower;
		else
			bt_skey_init(&k, 0, NULL, NULL, -1);
	} else {
		if (s->has_upper)
			k = s->upper;
		else
			bt_skey_init(&k, 0, NULL, NULL, 1);
	}
	s->buf = bt_search(s->idx, &k, 0, BUF_SHARE, NULL);
	slot = bt_binsrch(s->idx, buf_page(s->buf), &k);
	read_page(s, s->buf, s->dir == BT_FORWARD ? slot : slot - 1);
	buf_unlock(s->buf);
}

/* Move to the next leaf in the scan's direction; false at the end. */
static bool
advance(bt_scan *s)
{
	buf_id b;

	if (s->dir == BT_FORWARD) {
		if (s->next_blk == BT_NONE)
			return false;
		buf_release(s->buf);
		s->buf = BUF_INVALID;
		b = buf_read(s->idx->smgr, FORK_MAIN, s->next_blk, NULL);
		buf_lock(b, BUF_SHARE);
		s->buf = b;
		read_page(s, b, 1);
	} else {
		/* keep the current page pinned while looking for its left sibling */
		b = bt_step_left(s->idx, s->blk, s->prev_blk);
		buf_release(s->buf);
		s->buf = b;
		if (b == BUF_INVALID)
			return false;
		read_page(s, b, page_max_slot(buf_page(b)));
	}
	buf_unlock(b);
	return true;
}

bool
bt_getnext(bt_scan *s, tid *heap_tid)
{
	while (s->i >= s->n) {
		if (!s->started) {
			s->started = true;
			start(s);
			continue;
		}
		if (s->done || !advance(s)) {
			s->done = true;
			return false;
		}
	}
	s->cur = s->i++;
	*heap_tid = s->tids[s->cur];
	return true;
}

void
bt_scan_keys(bt_scan *s, Datum *values, bool *isnull)
{
	PH_CHECK(s->want_keys && s->cur >= 0);
	bt_tuple_keys(s->idx, (const bt_tuple *)(s->keys + s->koff[s->cur]), values, isnull);
}
