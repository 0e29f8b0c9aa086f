/*
 * prune.c — HOT chains, page pruning and VACUUM; the algorithm is in README.md ("Heap
 * pages, HOT and pruning").
 */
#include "heap/heap_int.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

void
heap_page_roots(const char *page, uint16_t *roots)
{
	unsigned maxs = page_is_new(page) ? 0 : page_max_slot(page);

	memset(roots, 0, sizeof(uint16_t) * (maxs + 1));
	for (unsigned slot = 1; slot <= maxs; slot++) {
		uint32_t lp = page_lp_get(page, slot);
		unsigned cur, steps = 0;
		uint64_t prev_xmax = 0;
		bool first;

		if (lp_flags(lp) == LP_NORMAL) {
			const heap_tuple_header *h = (const heap_tuple_header *)(page + lp_off(lp));

			if (h->t_infomask2 & HEAP_ONLY_TUPLE)
				continue;
			cur = slot;
			first = true;
		} else if (lp_flags(lp) == LP_REDIRECT) {
			roots[slot] = (uint16_t)slot;
			cur = lp_off(lp);
			first = false;
		} else {
			continue;
		}
		while (cur >= 1 && cur <= maxs && steps++ <= maxs) {
			uint32_t clp = page_lp_get(page, cur);
			const heap_tuple_header *h;

			if (lp_flags(clp) != LP_NORMAL)
				break;
			h = (const heap_tuple_header *)(page + lp_off(clp));
			if (!first && (!(h->t_infomask2 & HEAP_ONLY_TUPLE) || (prev_xmax && h->t_xmin != prev_xmax)))
				break;
			roots[cur] = (uint16_t)slot;
			if (!(h->t_infomask2 & HEAP_HOT_UPDATED))
				break;
			prev_xmax = h->t_xmax;
			cur = h->t_ctid_slot;
			first = false;
		}
	}
}

enum { NS_KEEP = 0, NS_UNUSED, NS_DEAD, NS_REDIRECT };

typedef struct prune_state {
	heap_rel *rel;
	char *page;
	unsigned maxs;
	uint8_t *newstate;
	uint16_t *target;       /* NS_REDIRECT: where to */
	bool *visited;
	heap_tuple **gone;      /* copies of removed tuples holding out-of-line values */
	int ngone;
	int removed;
} prune_state;

static void
remove_tuple(prune_state *ps, unsigned slot, uint8_t how)
{
	heap_tuple_header *h = heap_page_tuple(ps->page, slot);

	ps->newstate[slot] = how;
	ps->removed++;
	if (h->t_infomask & HEAP_HASEXTERNAL) {
		heap_tuple t = { lp_len(page_lp_get(ps->page, slot)), tid_make(0, (uint16_t)slot), h };

		ps->gone[ps->ngone++] = heap_copy_tuple(&t);
	}
}

/* The chain starting at root slot `slot`; decide the new states of its members. */
static void
prune_chain(prune_state *ps, unsigned slot, heap_dead_fn is_dead, void *arg)
{
	uint32_t lp = page_lp_get(ps->page, slot);
	bool normal_root = lp_flags(lp) == LP_NORMAL;
	unsigned chain[PAGE_SIZE / 4], n = 0, k = 0;
	unsigned cur = normal_root ? slot : lp_off(lp);
	uint64_t prev_xmax = 0;

	while (cur >= 1 && cur <= ps->maxs && n < ps->maxs && !ps->visited[cur]) {
		uint32_t clp = page_lp_get(ps->page, cur);
		heap_tuple_header *h;

		if (lp_flags(clp) != LP_NORMAL)
			break;
		h = heap_page_tuple(ps->page, cur);
		if ((n > 0 || !normal_root) &&
		    (!(h->t_infomask2 & HEAP_ONLY_TUPLE) || (prev_xmax && h->t_xmin != prev_xmax)))
			break;
		chain[n++] = cur;
		ps->visited[cur] = true;
		if (!(h->t_infomask2 & HEAP_HOT_UPDATED))
			break;
		prev_xmax = h->t_xmax;
		cur = h->t_ctid_slot;
	}
	/* every version older than a dead one is dead too */
	for (unsigned i = 0; i < n; i++)
		if (is_dead(heap_page_tuple(ps->page, chain[i]), arg))
			k = i + 1;
	if (n == 0 && !normal_root) {
		ps->newstate[slot] = NS_DEAD; /* a redirect to nothing */
		return;
	}
	if (k == 0)
		return;
	for (unsigned i = normal_root ? 1 : 0; i < k; i++)
		remove_tuple(ps, chain[i], NS_UNUSED);
	if (normal_root)
		remove_tuple(ps, slot, k == n ? NS_DEAD : NS_REDIRECT);
	else
		ps->newstate[slot] = k == n ? NS_DEAD : NS_REDIRECT;
	if (k < n)
		ps->target[slot] = (uint16_t)chain[k];
}

int
heap_page_prune(heap_rel *rel, buf_id b, heap_dead_fn is_dead, void *arg)
{
	char *page = buf_page(b);
	prune_state ps;
	uint64_t hint = 0;
	bool changed = false;

	if (page_is_new(page))
		return 0;
	memset(&ps, 0, sizeof(ps));
	ps.rel = rel;
	ps.page = page;
	ps.maxs = page_max_slot(page);
	ps.newstate = palloc0(ps.maxs + 1);
	ps.target = palloc0(sizeof(uint16_t) * (ps.maxs + 1));
	ps.visited = palloc0(sizeof(bool) * (ps.maxs + 1));
	ps.gone = palloc(sizeof(heap_tuple *) * (ps.maxs + 1));
	for (unsigned slot = 1; slot <= ps.maxs; slot++) {
		uint32_t lp = page_lp_get(page, slot);

		if (lp_flags(lp) == LP_REDIRECT ||
		    (lp_flags(lp) == LP_NORMAL &&
		     !(heap_page_tuple(page, slot)->t_infomask2 & HEAP_ONLY_TUPLE)))
			prune_chain(&ps, slot, is_dead, arg);
	}
	for (unsigned slot = 1; slot <= ps.maxs; slot++)
		if (lp_flags(page_lp_get(page, slot)) == LP_NORMAL && !ps.visited[slot] &&
		    (heap_page_tuple(page, slot)->t_infomask2 & HEAP_ONLY_TUPLE) &&
		    is_dead(heap_page_tuple(page, slot), arg))
			remove_tuple(&ps, slot, NS_UNUSED); /* orphaned member of an aborted update */
	/* WAL: prune record (redirects, dead and unused slots); from here no errors */
	for (unsigned slot = 1; slot <= ps.maxs; slot++) {
		switch (ps.newstate[slot]) {
		case NS_UNUSED:
			*page_lp(page, slot) = lp_make(0, LP_UNUSED, 0);
			changed = true;
			break;
		case NS_DEAD:
			*page_lp(page, slot) = lp_make(0, LP_DEAD, 0);
			changed = true;
			break;
		case NS_REDIRECT:
			*page_lp(page, slot) = lp_make(ps.target[slot], LP_REDIRECT, 0);
			changed = true;
			break;
		default:
			break;
		}
	}
	if (changed)
		page_compact(page);
	/* the hint: the oldest xmax still on the page */
	for (unsigned slot = 1; slot <= page_max_slot(page); slot++)
		if (lp_flags(page_lp_get(page, slot)) == LP_NORMAL) {
			const heap_tuple_header *h = heap_page_tuple(page, slot);

			if (h->t_xmax != 0 && !(h->t_infomask & (HEAP_XMAX_INVALID | HEAP_XMAX_LOCK_ONLY)) &&
			    (hint == 0 || h->t_xmax < hint))
				hint = h->t_xmax;
		}
	page_hdr(page)->pd_prune_xid = hint;
	page_hdr(page)->pd_flags &= (uint16_t)~PD_PAGE_FULL;
	buf_mark_dirty(b);
	for (int i = 0; i < ps.ngone; i++) {
		heap_free_external(rel, ps.gone[i]->t_data, ps.gone[i]->t_len);
		heap_free_tuple(ps.gone[i]);
	}
	pfree(ps.newstate);
	pfree(ps.target);
	pfree(ps.visited);
	pfree(ps.gone);
	return ps.removed;
}

/* ---- VACUUM ----------------------------------------------------------------------------------- */

typedef struct vac_state {
	heap_rel *rel;
	buf_strategy *ring;
	tid *dead;
	size_t n, cap, max;
	heap_index_cleanup_fn cleanup;
	void *cleanup_arg;
	heap_vacuum_stats st;
} vac_state;

/* Make the collected LP_DEAD items reusable, after the indexes forgot them. */
static void
free_dead_items(vac_state *vs)
{
	size_t i = 0;

	if (vs->n == 0)
		return;
	if (vs->cleanup) {
		vs->cleanup(vs->dead, vs->n, vs->cleanup_arg);
		vs->st.index_passes++;
	}
	while (i < vs->n) {
		uint32_t blk = vs->dead[i].blk;
		buf_id b = buf_read(vs->rel->smgr, FORK_MAIN, blk, vs->ring);
		char *page = buf_page(b);
		page_header *ph = page_hdr(page);
		unsigned maxs;
		size_t freeb;
		bool unused = false;

		buf_lock(b, BUF_EXCLUSIVE);
		for (; i < vs->n && vs->dead[i].blk == blk; i++) {
			uint32_t *lp = page_lp(page, vs->dead[i].slot);

			if (vs->dead[i].slot <= page_max_slot(page) && lp_flags(*lp) == LP_DEAD) {
				*lp = lp_make(0, LP_UNUSED, 0);
				vs->st.items_freed++;
			}
		}
		/* no tuple moves: an exclusive lock is enough; trailing free slots go away */
		maxs = page_max_slot(page);
		while (maxs > 0 && page_lp_get(page, maxs) == lp_make(0, LP_UNUSED, 0))
			maxs--;
		ph->pd_lower = (uint16_t)(PAGE_HEADER_SIZE + 4 * maxs);
		for (unsigned s = 1; s <= maxs && !unused; s++)
			unused = page_lp_get(page, s) == lp_make(0, LP_UNUSED, 0);
		if (unused)
			ph->pd_flags |= PD_HAS_FREE_LINES;
		/* WAL: vacuum record (slots made unused) */
		buf_mark_dirty(b);
		freeb = heap_page_free(page);
		buf_unlock_release(b);
		fsm_set(vs->rel, blk, freeb);
		vs->st.free_bytes += freeb;
	}
	vs->n = 0;
}

static void
add_dead(vac_state *vs, uint32_t blk, const uint16_t *slots, unsigned k)
{
	if (vs->n + k > vs->max)
		free_dead_items(vs);
	if (vs->n + k > vs->cap) {
		vs->cap = vs->cap * 2 > vs->n + k ? vs->cap * 2 : vs->n + k;
		vs->dead = repalloc(vs->dead, vs->cap * sizeof(tid));
	}
	for (unsigned i = 0; i < k; i++)
		vs->dead[vs->n++] = tid_make(blk, slots[i]);
}

void
heap_vacuum(heap_rel *rel, heap_dead_fn is_dead, void *arg, heap_index_cleanup_fn cleanup,
            void *cleanup_arg, heap_vacuum_stats *stats)
{
	uint32_t nblocks = heap_nblocks(rel);
	vac_state vs;
	uint16_t slots[PAGE_SIZE / 4];

	memset(&vs, 0, sizeof(vs));
	vs.rel = rel;
	vs.ring = buf_strategy_create(BUF_RING_VACUUM);
	vs.cap = 1024;
	vs.max = (size_t)settings.maintenance_work_mem / sizeof(tid);
	if (vs.max < PAGE_SIZE / 4)
		vs.max = PAGE_SIZE / 4;
	vs.dead = palloc(vs.cap * sizeof(tid));
	vs.cleanup = cleanup;
	vs.cleanup_arg = cleanup_arg;
	for (uint32_t blk = 0; blk < nblocks; blk++) {
		buf_id b = buf_read(rel->smgr, FORK_MAIN, blk, vs.ring);
		char *page = buf_page(b);
		unsigned k = 0, maxs;
		size_t freeb;

		if (buf_lock_cleanup_try(b)) {
			vs.st.tuples_removed += (uint64_t)heap_page_prune(rel, b, is_dead, arg);
		} else {
			buf_lock(b, BUF_SHARE);
			vs.st.pages_skipped++;
		}
		vs.st.pages++;
		maxs = page_is_new(page) ? 0 : page_max_slot(page);
		for (unsigned s = 1; s <= maxs; s++) {
			unsigned f = lp_flags(page_lp_get(page, s));

			if (f == LP_DEAD)
				slots[k++] = (uint16_t)s;
			else if (f == LP_NORMAL)
				vs.st.tuples_live++;
		}
		freeb = heap_page_free(page);
		buf_unlock_release(b);
		if (k > 0) {
			add_dead(&vs, blk, slots, k);
		} else {
			fsm_set(rel, blk, freeb);
			vs.st.free_bytes += freeb;
		}
	}
	free_dead_items(&vs);
	buf_strategy_free(vs.ring);
	pfree(vs.dead);
	if (stats)
		*stats = vs.st;
}
