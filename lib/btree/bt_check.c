/*
 * bt_check.c — the B+tree integrity checker (README "Checker").  Works on copies of pages
 * taken under shared locks, one page at a time; meant for an index nobody is changing.
 */
#include <stdarg.h>
#include <stdio.h>

#include "btree/bt_int.h"
#include "shm/lwlock.h"
#include "util/err.h"
#include "util/mem.h"

typedef struct checker {
	bt_index *idx;
	bt_report_fn report;
	void *arg;
	int problems;
	uint32_t nblocks;
	uint8_t *reached;       /* downlink targets seen at the level above */
	uint8_t *visited;       /* pages found by walking the levels */
} checker;

static void problem(checker *c, uint32_t blk, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
problem(checker *c, uint32_t blk, const char *fmt, ...)
{
	char what[512], msg[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(msg, sizeof(msg), "index \"%s\" block %u: %s", c->idx->name, blk, what);
	c->problems++;
	if (c->report)
		c->report(c->arg, msg);
}

static inline void bit_set(uint8_t *m, uint32_t b) { m[b >> 3] |= (uint8_t)(1u << (b & 7)); }
static inline bool bit_get(const uint8_t *m, uint32_t b) { return (m[b >> 3] >> (b & 7)) & 1; }

/* A private copy of a page (checksum verified by the pool); NULL with a problem on failure. */
static char *
copy_page(checker *c, uint32_t blk)
{
	char *volatile copy = NULL;

	if (blk == BT_NONE || blk >= c->nblocks) {
		problem(c, blk, "block number out of range (file has %u blocks)", c->nblocks);
		return NULL;
	}
	ERR_TRY();
	{
		buf_id b = buf_read(c->idx->smgr, FORK_MAIN, blk, NULL);

		buf_lock(b, BUF_SHARE);
		copy = palloc(PAGE_SIZE);
		memcpy(copy, buf_page(b), PAGE_SIZE);
		buf_unlock_release(b);
	}
	ERR_CATCH();
	{
		if (strcmp(err_last()->sqlstate, "XX001") != 0)
			err_rethrow();
		problem(c, blk, "%s", err_last()->message);
	}
	ERR_END();
	return copy;
}

/* Compare two tuples of the index as keys (a's full key and TID against b). */
static int
cmp_tuples(bt_index *idx, const bt_tuple *a, const bt_tuple *b)
{
	bt_skey k;

	bt_skey_from_tuple(idx, a, &k);
	return bt_compare(idx, &k, b);
}

/* Checks of one page that need only the page itself. */
static void
check_items(checker *c, uint32_t blk, char *page, uint32_t level)
{
	bt_opaque *o = bt_op(page);
	unsigned first = bt_first(o), maxs = page_max_slot(page);

	if (!bt_rightmost(o) && (maxs < 1 || !(bt_item(page, 1)->bt_info & BT_INFO_PIVOT)))
		problem(c, blk, "high key missing or not a pivot");
	for (unsigned s = first; s <= maxs; s++) {
		bt_tuple *t = bt_item(page, s);
		size_t len = lp_len(page_lp_get(page, s));

		if (bt_tuple_size(t) != len)
			problem(c, blk, "slot %u: tuple size %zu, line pointer says %zu", s,
			        bt_tuple_size(t), len);
		if (level > 0 && s == first && !(t->bt_info & BT_INFO_MINUS_INF))
			problem(c, blk, "first item of an internal page is not minus infinity");
		if (level > 0 && s > first && (t->bt_info & (BT_INFO_MINUS_INF | BT_INFO_PIVOT)) != BT_INFO_PIVOT)
			problem(c, blk, "slot %u: internal item is not a pivot", s);
		if (level == 0 && (t->bt_info & BT_INFO_PIVOT))
			problem(c, blk, "slot %u: leaf item is a pivot", s);
		if (s > first && cmp_tuples(c->idx, bt_item(page, s - 1), t) >= 0)
			problem(c, blk, "slot %u is not greater than slot %u", s, s - 1);
	}
	if (!bt_rightmost(o) && maxs >= first && maxs >= 2 &&
	    cmp_tuples(c->idx, bt_item(page, maxs), bt_item(page, 1)) >= 0)
		problem(c, blk, "last item is not below the high key");
}

/* Parent item slot of page `page` (internal) and its child: separator consistency. */
static void
check_child(checker *c, uint32_t blk, char *page, unsigned slot, uint32_t level)
{
	bt_opaque *o = bt_op(page);
	bt_tuple *it = bt_item(page, slot);
	uint32_t cblk = it->bt_blk;
	char *child = copy_page(c, cblk);
	bt_opaque *co;
	const bt_tuple *next = NULL;

	if (child == NULL)
		return;
	co = bt_op(child);
	bit_set(c->reached, cblk);
	if (page_type(child) != PT_BTREE || co->bto_level != level - 1 ||
	    (co->bto_flags & (BTP_DELETED | BTP_HALF_DEAD))) {
		problem(c, blk, "slot %u points to block %u which is not a live page of level %u", slot,
		        cblk, level - 1);
		pfree(child);
		return;
	}
	if (slot < page_max_slot(page))
		next = bt_item(page, slot + 1);
	else if (!bt_rightmost(o))
		next = bt_item(page, 1);
	if (next == NULL) {
		if (!bt_rightmost(co))
			problem(c, blk, "last child %u of a rightmost page is not rightmost", cblk);
	} else if (bt_rightmost(co)) {
		problem(c, blk, "child %u is rightmost but its parent item has a right neighbour", cblk);
	} else if (cmp_tuples(c->idx, bt_item(child, 1), next) != 0) {
		problem(c, blk, "high key of child %u differs from the next separator", cblk);
	}
	if (!(it->bt_info & BT_INFO_MINUS_INF) && co->bto_level == 0 &&
	    page_max_slot(child) >= bt_first(co) &&
	    cmp_tuples(c->idx, it, bt_item(child, bt_first(co))) > 0)
		problem(c, blk, "child %u has an entry below its separator", cblk);
	pfree(child);
}

int
bt_check(bt_index *idx, bt_report_fn report, void *arg)
{
	checker c = { idx, report, arg, 0, smgr_nblocks(idx->smgr, FORK_MAIN), NULL, NULL };
	bt_meta meta;
	uint32_t leftmost, level;

	bt_read_meta(idx, &meta);
	c.reached = palloc0(c.nblocks / 8 + 1);
	c.visited = palloc0(c.nblocks / 8 + 1);
	leftmost = meta.bm_root;
	level = meta.bm_level;
	bit_set(c.reached, leftmost);
	for (;;) {
		uint32_t blk = leftmost, prev = BT_NONE, next_leftmost = BT_NONE;
		char *prev_high = NULL;
		uint8_t *reached = c.reached;

		c.reached = palloc0(c.nblocks / 8 + 1);
		while (blk != BT_NONE) {
			char *page = copy_page(&c, blk);
			bt_opaque *o;
			unsigned first, maxs;

			if (page == NULL)
				break;
			if (bit_get(c.visited, blk)) {
				problem(&c, blk, "visited twice: the right-links form a cycle");
				pfree(page);
				break;
			}
			bit_set(c.visited, blk);
			o = bt_op(page);
			first = bt_first(o);
			maxs = page_max_slot(page);
			if (page_type(page) != PT_BTREE || o->bto_level != level ||
			    ((o->bto_flags & BTP_LEAF) != 0) != (level == 0) || (o->bto_flags & BTP_DELETED)) {
				problem(&c, blk, "page type %u, level %u, flags 0x%x on level %u",
				        page_type(page), o->bto_level, o->bto_flags, level);
				pfree(page);
				break;
			}
			if (o->bto_prev != prev)
				problem(&c, blk, "left-link %u, expected %u", o->bto_prev, prev);
			if ((o->bto_flags & BTP_ROOT) != (blk == meta.bm_root ? BTP_ROOT : 0))
				problem(&c, blk, "root flag does not match the metapage");
			if (o->bto_flags & BTP_HALF_DEAD) {
				if (maxs >= first)
					problem(&c, blk, "half-dead page has entries");
			} else if (!bit_get(reached, blk)) {
				problem(&c, blk, "no downlink leads to this page");
			}
			check_items(&c, blk, page, level);
			if (prev_high && maxs >= first && !(bt_item(page, first)->bt_info & BT_INFO_MINUS_INF) &&
			    cmp_tuples(idx, (bt_tuple *)prev_high, bt_item(page, first)) > 0)
				problem(&c, blk, "first item is below the left sibling's high key");
			if (level > 0) {
				for (unsigned s = first; s <= maxs; s++)
					check_child(&c, blk, page, s, level);
				if (next_leftmost == BT_NONE && maxs >= first)
					next_leftmost = bt_item(page, first)->bt_blk;
			}
			if (prev_high)
				pfree(prev_high);
			prev_high = NULL;
			if (!bt_rightmost(o)) {
				prev_high = palloc(bt_tuple_size(bt_item(page, 1)));
				memcpy(prev_high, bt_item(page, 1), bt_tuple_size(bt_item(page, 1)));
			}
			prev = blk;
			blk = o->bto_next;
			pfree(page);
		}
		if (prev_high)
			pfree(prev_high);
		pfree(reached);
		if (level == 0 || next_leftmost == BT_NONE)
			break;
		leftmost = next_leftmost;
		level--;
	}
	/* every page is either on a level or deleted */
	for (uint32_t blk = 1; blk < c.nblocks; blk++) {
		char *page;

		if (bit_get(c.visited, blk))
			continue;
		page = copy_page(&c, blk);
		if (page == NULL)
			continue;
		if (!page_is_new(page) && !(bt_op(page)->bto_flags & BTP_DELETED))
			problem(&c, blk, "page is not reachable from the root and not deleted");
		pfree(page);
	}
	pfree(c.reached);
	pfree(c.visited);
	return c.problems;
}

/* ---- index against heap ------------------------------------------------------------------------- */

static bool
entry_exists(bt_index *idx, const Datum *values, const bool *isnull, tid t)
{
	unsigned slot;
	buf_id b = bt_find_exact(idx, values, isnull, t, BUF_SHARE, &slot);

	buf_unlock_release(b);
	return slot != 0;
}

/* The first stored member of the HOT chain rooted at t, copied; NULL when none.  *dead is
 * set when the root is LP_DEAD (the entry waits for VACUUM). */
static heap_tuple *
chain_member(heap_rel *heap, tid t, bool *dead)
{
	buf_id b;
	char *page;
	heap_tuple *copy = NULL;
	unsigned slot = t.slot;

	*dead = false;
	if (t.blk >= heap_nblocks(heap))
		return NULL;
	b = buf_read(heap->smgr, FORK_MAIN, t.blk, NULL);
	buf_lock(b, BUF_SHARE);
	page = buf_page(b);
	if (!page_is_new(page) && slot >= 1 && slot <= page_max_slot(page)) {
		uint32_t lp = page_lp_get(page, slot);

		if (lp_flags(lp) == LP_DEAD)
			*dead = true;
		if (lp_flags(lp) == LP_REDIRECT) {
			slot = lp_off(lp);
			lp = slot <= page_max_slot(page) ? page_lp_get(page, slot) : 0;
		}
		if (lp_flags(lp) == LP_NORMAL) {
			heap_tuple ht = { lp_len(lp), tid_make(t.blk, slot), (heap_tuple_header *)page_item(page, slot) };

			copy = heap_copy_tuple(&ht);
		}
	}
	buf_unlock_release(b);
	return copy;
}

int
bt_check_heap(bt_index *idx, heap_rel *heap, const void *snapshot, bt_heap_key_fn keyfn,
              void *keyarg, bt_report_fn report, void *arg)
{
	checker c = { idx, report, arg, 0, smgr_nblocks(idx->smgr, FORK_MAIN), NULL, NULL };
	Datum ev[BT_MAX_COLS], hv[BT_MAX_COLS];
	bool en[BT_MAX_COLS], hn[BT_MAX_COLS];
	bt_scan *s;
	heap_scan *hs;
	heap_tuple *ht;
	tid t;

	bt_op_begin();
	s = bt_beginscan(idx, NULL, NULL, BT_FORWARD, true);
	while (bt_getnext(s, &t)) {
		bool dead;
		heap_tuple *m = chain_member(heap, t, &dead);

		if (m == NULL) {
			if (!dead)
				problem(&c, 0, "entry points to heap tuple (%u,%u), which does not exist", t.blk, t.slot);
			continue;
		}
		bt_scan_keys(s, ev, en);
		if (keyfn(m, hv, hn, keyarg) && !bt_keys_equal(idx, ev, en, hv, hn))
			problem(&c, 0, "entry for heap tuple (%u,%u) has a different key than the tuple",
			        t.blk, t.slot);
		heap_free_tuple(m);
	}
	bt_endscan(s);
	hs = heap_beginscan(heap, snapshot, HEAP_SCAN_ROOTS);
	while ((ht = heap_getnext(hs)) != NULL) {
		tid root = heap_scan_root(hs);

		if (!keyfn(ht, hv, hn, keyarg))
			continue;
		if (root.slot == 0 || !entry_exists(idx, hv, hn, root))
			problem(&c, 0, "heap tuple (%u,%u) has no index entry", ht->t_self.blk,
			        ht->t_self.slot);
	}
	heap_endscan(hs);
	bt_op_end();
	return c.problems;
}
