/*
 * fsm.c — the free-space map of a heap (fork FORK_FSM): one byte per heap page (free bytes /
 * 32) in leaf pages of 8000 slots, two levels of upper pages holding the maximum of each
 * child page.  Layout and rules in README.md ("Free-space map").
 *
 * Locking: one FSM page at a time, except fsm_set which holds a child while it updates the
 * parent (child before parent; searches never hold two).  FSM pages are not WAL-logged:
 * the map is a hint, corrected by searches and rebuilt by VACUUM.
 */
#include "heap/heap_int.h"
#include "util/err.h"

#define FSM_SLOTS 8000
#define FSM_SHIFT 5 /* 32-byte categories */

typedef struct fsm_data {
	uint32_t next_slot;     /* where the next search starts (a hint, written racily) */
	uint8_t max;            /* maximum of slots[] */
	uint8_t pad[3];
	uint8_t slots[FSM_SLOTS];
} fsm_data;

_Static_assert(PAGE_HEADER_SIZE + sizeof(fsm_data) <= PAGE_SIZE, "FSM page fits");

static inline fsm_data *
fsm_of(buf_id b)
{
	return (fsm_data *)(buf_page(b) + PAGE_HEADER_SIZE);
}

static inline uint32_t blk_upper(uint32_t i) { return 1 + i * (FSM_SLOTS + 1); }
static inline uint32_t blk_leaf(uint32_t j)
{ return 1 + (j / FSM_SLOTS) * (FSM_SLOTS + 1) + 1 + j % FSM_SLOTS; }

/* An FSM page, pinned; BUF_INVALID when it does not exist and !extend. */
static buf_id
fsm_read(heap_rel *rel, uint32_t blk, bool extend)
{
	if (blk >= rel->fsm_nblocks) {
		rel->fsm_nblocks = smgr_nblocks(rel->smgr, FORK_FSM);
		if (blk >= rel->fsm_nblocks) {
			buf_id b;

			if (!extend)
				return BUF_INVALID;
			b = buf_read_ext(rel->smgr, FORK_FSM, blk, BUF_RM_EXTEND, NULL);
			rel->fsm_nblocks = blk + 1;
			return b;
		}
	}
	return buf_read(rel->smgr, FORK_FSM, blk, NULL);
}

static uint8_t
page_max(const fsm_data *f)
{
	uint8_t m = 0;

	for (int i = 0; i < FSM_SLOTS; i++)
		if (f->slots[i] > m)
			m = f->slots[i];
	return m;
}

/* Set a slot (exclusive lock held); returns the page's new maximum, or -1 if unchanged. */
static int
set_slot(buf_id b, uint32_t slot, uint8_t cat)
{
	fsm_data *f;
	uint8_t old, oldmax;

	if (page_is_new(buf_page(b)))
		page_init(buf_page(b), PT_FSM, 0);
	f = fsm_of(b);
	old = f->slots[slot];
	if (old == cat)
		return -1;
	oldmax = f->max;
	f->slots[slot] = cat;
	if (cat > f->max)
		f->max = cat;
	else if (old == f->max)
		f->max = page_max(f);
	buf_mark_dirty(b);
	return f->max != oldmax ? f->max : -1;
}

static uint8_t
category(size_t freebytes)
{
	size_t c = freebytes >> FSM_SHIFT;

	return c > 255 ? 255 : (uint8_t)c;
}

void
fsm_set(heap_rel *rel, uint32_t blk, size_t freebytes)
{
	uint32_t j = blk / FSM_SLOTS, i = j / FSM_SLOTS;
	buf_id leaf, upper, root;
	int m;

	leaf = fsm_read(rel, blk_leaf(j), true);
	buf_lock(leaf, BUF_EXCLUSIVE);
	m = set_slot(leaf, blk % FSM_SLOTS, category(freebytes));
	if (m >= 0) {
		upper = fsm_read(rel, blk_upper(i), true);
		buf_lock(upper, BUF_EXCLUSIVE);
		buf_unlock_release(leaf);
		m = set_slot(upper, j % FSM_SLOTS, (uint8_t)m);
		if (m >= 0) {
			root = fsm_read(rel, 0, true);
			buf_lock(root, BUF_EXCLUSIVE);
			buf_unlock_release(upper);
			set_slot(root, i, (uint8_t)m);
			buf_unlock_release(root);
		} else {
			buf_unlock_release(upper);
		}
	} else {
		buf_unlock_release(leaf);
	}
}

/* First slot >= cat from the page's hint onwards (wrapping), or -1.  Shared lock held. */
static int
find_slot(buf_id b, uint8_t cat)
{
	fsm_data *f = fsm_of(b);
	uint32_t start = __atomic_load_n(&f->next_slot, __ATOMIC_RELAXED) % FSM_SLOTS;

	for (uint32_t k = 0; k < FSM_SLOTS; k++) {
		uint32_t s = (start + k) % FSM_SLOTS;

		if (f->slots[s] >= cat) {
			__atomic_store_n(&f->next_slot, s + 1, __ATOMIC_RELAXED);
			return (int)s;
		}
	}
	return -1;
}

/* Read a page's maximum, or -1 when it is missing/new; returns the slot found (or -1). */
static int
search_page(heap_rel *rel, uint32_t blk, uint8_t cat, int *pagemax)
{
	buf_id b = fsm_read(rel, blk, false);
	int s = -1;

	*pagemax = 0;
	if (b == BUF_INVALID)
		return -1;
	buf_lock(b, BUF_SHARE);
	if (!page_is_new(buf_page(b))) {
		*pagemax = fsm_of(b)->max;
		if (*pagemax >= cat)
			s = find_slot(b, cat);
	}
	buf_unlock_release(b);
	return s;
}

/* An upper slot claimed more than its child has: correct it. */
static void
fix_slot(heap_rel *rel, uint32_t blk, uint32_t slot, int actual)
{
	buf_id b = fsm_read(rel, blk, true);

	buf_lock(b, BUF_EXCLUSIVE);
	set_slot(b, slot, (uint8_t)actual);
	buf_unlock_release(b);
}

uint32_t
fsm_search(heap_rel *rel, size_t needed)
{
	uint8_t cat = category(needed + (1u << FSM_SHIFT) - 1);

	if (cat == 0)
		cat = 1;
	for (int tries = 0; tries < 8; tries++) {
		int i, js, k, m;
		uint32_t j;

		i = search_page(rel, 0, cat, &m);
		if (i < 0)
			return BLK_INVALID;
		js = search_page(rel, blk_upper((uint32_t)i), cat, &m);
		if (js < 0) {
			fix_slot(rel, 0, (uint32_t)i, m);
			continue;
		}
		j = (uint32_t)i * FSM_SLOTS + (uint32_t)js;
		k = search_page(rel, blk_leaf(j), cat, &m);
		if (k < 0) {
			fix_slot(rel, blk_upper((uint32_t)i), (uint32_t)js, m);
			continue;
		}
		return j * FSM_SLOTS + (uint32_t)k;
	}
	return BLK_INVALID;
}

size_t
heap_fsm_get(heap_rel *rel, uint32_t blk)
{
	buf_id b = fsm_read(rel, blk_leaf(blk / FSM_SLOTS), false);
	size_t v = 0;

	if (b == BUF_INVALID)
		return 0;
	buf_lock(b, BUF_SHARE);
	if (!page_is_new(buf_page(b)))
		v = (size_t)fsm_of(b)->slots[blk % FSM_SLOTS] << FSM_SHIFT;
	buf_unlock_release(b);
	return v;
}
