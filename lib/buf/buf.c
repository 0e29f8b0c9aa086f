/*
 * buf.c — the shared buffer pool; see buf.h for the contract and README.md for the design
 * (mapping table, clock sweep, I/O protocol, rings) and the lock order.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf/buf_int.h"
#include "shm/futex.h"
#include "shm/proc.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

void (*buf_wal_flush_hook)(uint64_t lsn) = NULL;

/* Shared (set by buf_shmem_init in the creator, inherited by fork). */
static buf_shared *bs;
static buf_desc *descs;
static char *pages;
static int32_t *buckets;
static map_ent *ents;
static buf_stat_line *stats;

/* Process-local. */
static int32_t *local_pins;     /* [nbuffers + 1] */
static uint32_t local_pins_n;   /* size the array was made for */
static int n_local_pinned;      /* distinct buffers with local_pins > 0 */
static buf_id io_in_progress;   /* buffer whose I/O this process started */

#define ALIGN_UP(x, a) (((x) + (a) - 1) & ~((size_t)(a) - 1))

static uint32_t
nbuffers_setting(void)
{
	int64_t n = settings.shared_buffers / PAGE_SIZE;

	return n < 16 ? 16 : (uint32_t)n;
}

static void
layout(uint32_t nbuf, uint32_t *nbuckets, uint32_t *nents, uint32_t *nstat, size_t off[5],
       size_t *total)
{
	size_t o = ALIGN_UP(sizeof(buf_shared), 64);
	uint32_t nb = BUF_NPART;

	while (nb < nbuf * 2)
		nb <<= 1;
	*nbuckets = nb;
	*nents = nbuf + 1024;
	*nstat = proc_nslots() + 1;
	off[0] = o;                                     /* descriptors */
	o = ALIGN_UP(o + (size_t)nbuf * sizeof(buf_desc), 4096);
	off[1] = o;                                     /* pages */
	o += (size_t)nbuf * PAGE_SIZE;
	off[2] = o;                                     /* buckets */
	o = ALIGN_UP(o + (size_t)nb * sizeof(int32_t), 64);
	off[3] = o;                                     /* entries */
	o = ALIGN_UP(o + (size_t)*nents * sizeof(map_ent), 64);
	off[4] = o;                                     /* stats */
	o += (size_t)*nstat * sizeof(buf_stat_line);
	*total = o;
}

size_t
buf_shmem_size(void)
{
	uint32_t a, b, c;
	size_t off[5], total;

	layout(nbuffers_setting(), &a, &b, &c, off, &total);
	return total;
}

void
buf_shmem_init(void *base, size_t size)
{
	uint32_t nbuf = nbuffers_setting();
	size_t off[5], total;

	memset(base, 0, sizeof(buf_shared));
	bs = base;
	bs->bs_nbuffers = nbuf;
	layout(nbuf, &bs->bs_nbuckets, &bs->bs_nents, &bs->bs_nstat, off, &total);
	PH_CHECK(total <= size);
	bs->bs_descs_off = off[0];
	bs->bs_pages_off = off[1];
	bs->bs_buckets_off = off[2];
	bs->bs_ents_off = off[3];
	bs->bs_stats_off = off[4];
	descs = (buf_desc *)((char *)base + off[0]) - 1; /* 1-based */
	pages = (char *)base + off[1];
	buckets = (int32_t *)((char *)base + off[2]);
	ents = (map_ent *)((char *)base + off[3]);
	stats = (buf_stat_line *)((char *)base + off[4]);
	for (uint32_t i = 1; i <= nbuf; i++) {
		buf_desc *d = &descs[i];

		memset(d, 0, sizeof(*d));
		d->bd_id = (int32_t)i;
		lwlock_init(&d->bd_content, LWT_BUF_CONTENT);
	}
	/* pages[] is left alone: a new segment is zero-filled by the kernel, and touching it
	 * here would commit shared_buffers of memory before any page is used */
	for (uint32_t i = 0; i < bs->bs_nbuckets; i++)
		buckets[i] = -1;
	for (uint32_t i = 0; i < bs->bs_nents; i++)
		ents[i].me_next = i + 1 < bs->bs_nents ? (int32_t)i + 1 : -1;
	bs->bs_free_head = 0;
	spin_init(&bs->bs_free_lock);
	for (int i = 0; i < BUF_NPART; i++)
		lwlock_init(&bs->bs_part[i].lock, LWT_BUF_MAPPING);
	for (int i = 0; i < BUF_NEXTLOCK; i++)
		lwlock_init(&bs->bs_ext[i].lock, LWT_BUF_EXTEND);
	memset(stats, 0, (size_t)bs->bs_nstat * sizeof(buf_stat_line));
	/* A new pool: this process's private state describes the old one. */
	free(local_pins);
	local_pins = NULL;
	local_pins_n = 0;
	n_local_pinned = 0;
	io_in_progress = BUF_INVALID;
}

int
buf_count(void)
{
	return bs ? (int)bs->bs_nbuffers : 0;
}

static inline buf_desc *
desc_of(buf_id b)
{
	PH_ASSERT(b >= 1 && (uint32_t)b <= bs->bs_nbuffers);
	return &descs[b];
}

char *
buf_page(buf_id b)
{
	return pages + (size_t)(b - 1) * PAGE_SIZE;
}

static void
ensure_local(void)
{
	if (local_pins != NULL && local_pins_n == bs->bs_nbuffers)
		return;
	if (bs == NULL)
		ph_internal("buffer pool used before shared memory was created");
	free(local_pins);
	local_pins = calloc(bs->bs_nbuffers + 1, sizeof(int32_t));
	if (local_pins == NULL)
		ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory for the private pin array");
	local_pins_n = bs->bs_nbuffers;
	n_local_pinned = 0;
}

/* ---- statistics --------------------------------------------------------------------------- */

static inline void
stat_add(int which, uint64_t n)
{
	if (proc_my_index >= 0 && (uint32_t)proc_my_index + 1 < bs->bs_nstat) {
		_Atomic uint64_t *v = &stats[proc_my_index].v[which];

		/* single writer: a plain read-modify-write is enough for readers that sum */
		atomic_store_explicit(v, atomic_load_explicit(v, memory_order_relaxed) + n,
		                      memory_order_relaxed);
	} else {
		atomic_fetch_add_explicit(&stats[bs->bs_nstat - 1].v[which], n, memory_order_relaxed);
	}
}

void
buf_stats_get(buf_stats *out)
{
	uint64_t sum[8] = { 0 };

	memset(out, 0, sizeof(*out));
	if (bs == NULL)
		return;
	for (uint32_t i = 0; i < bs->bs_nstat; i++)
		for (int k = 0; k < 8; k++)
			sum[k] += atomic_load_explicit(&stats[i].v[k], memory_order_relaxed);
	out->reads = sum[ST_READS];
	out->hits = sum[ST_HITS];
	out->writes = sum[ST_WRITES];
	out->evictions = sum[ST_EVICTIONS];
	out->checksum_failures = sum[ST_CHECKSUM];
	out->extends = sum[ST_EXTENDS];
}

/* ---- header spinlock, waiting ------------------------------------------------------------- */

static inline void
cpu_relax(void)
{
#if defined(__x86_64__)
	__builtin_ia32_pause();
#endif
}

static uint32_t
wait_hdr_unlocked(buf_desc *d)
{
	uint32_t st;
	unsigned spins = 0;

	while ((st = atomic_load_explicit(&d->bd_state, memory_order_relaxed)) & BS_LOCKED) {
		if (++spins < 1000)
			cpu_relax();
		else
			usleep(10);
	}
	return st;
}

static uint32_t
lock_hdr(buf_desc *d)
{
	for (;;) {
		uint32_t old = atomic_fetch_or_explicit(&d->bd_state, BS_LOCKED, memory_order_acquire);

		if (!(old & BS_LOCKED))
			return old | BS_LOCKED;
		wait_hdr_unlocked(d);
	}
}

static inline void
unlock_hdr(buf_desc *d, uint32_t st)
{
	atomic_store_explicit(&d->bd_state, st & ~BS_LOCKED, memory_order_release);
}

static void
wake_waiters(buf_desc *d)
{
	atomic_fetch_add(&d->bd_wake, 1);
	if (atomic_load(&d->bd_waiters) > 0)
		futex_wake(&d->bd_wake, INT_MAX);
}

/* Sleep until bd_wake moves past `seq` (or a short timeout: the caller re-checks anyway). */
static void
wait_wake(buf_desc *d, uint32_t seq)
{
	atomic_fetch_add(&d->bd_waiters, 1);
	if (atomic_load(&d->bd_wake) == seq)
		futex_wait(&d->bd_wake, seq, 100);
	atomic_fetch_sub(&d->bd_waiters, 1);
}

static void
wait_io(buf_desc *d)
{
	for (;;) {
		uint32_t seq = atomic_load(&d->bd_wake);

		if (!(atomic_load(&d->bd_state) & BS_IO_IN_PROGRESS))
			return;
		wait_wake(d, seq);
	}
}

/* ---- pins --------------------------------------------------------------------------------- */

/* Pin; returns whether the buffer is VALID.  With a strategy, usage only goes up to 1. */
static bool
pin_buffer(buf_desc *d, buf_strategy *s)
{
	int32_t *lp = &local_pins[d->bd_id];
	uint32_t st;

	if (*lp > 0) {
		(*lp)++;
		return (atomic_load(&d->bd_state) & BS_VALID) != 0;
	}
	st = atomic_load_explicit(&d->bd_state, memory_order_relaxed);
	for (;;) {
		uint32_t nw;

		if (st & BS_LOCKED)
			st = wait_hdr_unlocked(d);
		nw = st + 1;
		if (s == NULL ? BS_USAGE(st) < BS_MAX_USAGE : BS_USAGE(st) == 0)
			nw += BS_USAGE_ONE;
		if (atomic_compare_exchange_weak_explicit(&d->bd_state, &st, nw, memory_order_acquire,
		                                          memory_order_relaxed)) {
			st = nw;
			break;
		}
	}
	*lp = 1;
	n_local_pinned++;
	return (st & BS_VALID) != 0;
}

/* Pin a buffer whose header spinlock we hold (refcount known to be ours to add); unlocks. */
static void
pin_buffer_locked(buf_desc *d, uint32_t st)
{
	PH_ASSERT(local_pins[d->bd_id] == 0);
	unlock_hdr(d, st + 1);
	local_pins[d->bd_id] = 1;
	n_local_pinned++;
}

static void
unpin_buffer(buf_desc *d)
{
	int32_t *lp = &local_pins[d->bd_id];
	uint32_t st, nw;

	PH_CHECK(*lp > 0);
	if (--*lp > 0)
		return;
	PH_ASSERT(!lwlock_held_by_me(&d->bd_content));
	n_local_pinned--;
	st = atomic_load_explicit(&d->bd_state, memory_order_relaxed);
	for (;;) {
		if (st & BS_LOCKED)
			st = wait_hdr_unlocked(d);
		nw = st - 1;
		if (atomic_compare_exchange_weak_explicit(&d->bd_state, &st, nw, memory_order_release,
		                                          memory_order_relaxed))
			break;
	}
	/* a cleanup lock waits for refcount 1, buffer invalidation for 0 */
	if ((nw & BS_PIN_COUNT_WAITER) && (nw & BS_REFCOUNT_MASK) <= 1) {
		st = lock_hdr(d);
		st &= ~BS_PIN_COUNT_WAITER;
		unlock_hdr(d, st);
		wake_waiters(d);
	}
}

void
buf_pin_again(buf_id b)
{
	PH_CHECK(local_pins[b] > 0);
	local_pins[b]++;
}

void
buf_release(buf_id b)
{
	unpin_buffer(desc_of(b));
}

int
buf_pins_held(void)
{
	return n_local_pinned;
}

/* ---- I/O protocol ------------------------------------------------------------------------- */

/* Returns true when the caller must do the I/O (and now holds IO_IN_PROGRESS). */
static bool
start_io(buf_desc *d, bool for_input)
{
	uint32_t st;

	for (;;) {
		st = lock_hdr(d);
		if (!(st & BS_IO_IN_PROGRESS))
			break;
		unlock_hdr(d, st);
		wait_io(d);
	}
	if (for_input ? (st & BS_VALID) != 0 : (st & BS_DIRTY) == 0) {
		unlock_hdr(d, st);
		return false;
	}
	unlock_hdr(d, st | BS_IO_IN_PROGRESS);
	io_in_progress = d->bd_id;
	return true;
}

static void
terminate_io(buf_desc *d, bool clear_dirty, uint32_t set)
{
	uint32_t st = lock_hdr(d);

	st &= ~(BS_IO_IN_PROGRESS | BS_IO_ERROR);
	if (clear_dirty && !(st & BS_JUST_DIRTIED))
		st &= ~(BS_DIRTY | BS_CHECKPOINT_NEEDED);
	st |= set;
	unlock_hdr(d, st);
	io_in_progress = BUF_INVALID;
	wake_waiters(d);
}

static void
abort_io(void)
{
	buf_desc *d;
	uint32_t st;

	if (io_in_progress == BUF_INVALID)
		return;
	d = desc_of(io_in_progress);
	st = lock_hdr(d);
	st &= ~BS_IO_IN_PROGRESS;
	st |= BS_IO_ERROR;
	unlock_hdr(d, st);
	io_in_progress = BUF_INVALID;
	wake_waiters(d);
}

static smgr_rel *
smgr_of_tag(const buf_tag *t)
{
	rel_locator loc = { t->db, t->relnode };

	return smgr_open(loc);
}

/* Write a dirty buffer.  Caller holds a pin and the content lock (shared is enough). */
static void
flush_buffer(buf_desc *d)
{
	static char wbuf[PAGE_SIZE] __attribute__((aligned(4096)));
	char *page = buf_page(d->bd_id);
	uint32_t st;
	uint64_t lsn;

	if (!start_io(d, false))
		return;
	st = lock_hdr(d);
	unlock_hdr(d, st & ~BS_JUST_DIRTIED);
	lsn = page_get_lsn(page);
	if (lsn != 0 && buf_wal_flush_hook != NULL)
		buf_wal_flush_hook(lsn);
	memcpy(wbuf, page, PAGE_SIZE);
	if (!page_is_new(wbuf))
		page_set_checksum(wbuf, d->bd_tag.blk);
	smgr_write(smgr_of_tag(&d->bd_tag), (fork_num)d->bd_tag.fork, d->bd_tag.blk, wbuf);
	stat_add(ST_WRITES, 1);
	terminate_io(d, true, 0);
}

/* ---- mapping table ------------------------------------------------------------------------ */

static inline uint32_t
tag_hash(const buf_tag *t)
{
	uint64_t h = (uint64_t)t->db * 0x9e3779b97f4a7c15ull;

	h ^= (uint64_t)t->relnode * 0xc2b2ae3d27d4eb4full;
	h ^= (((uint64_t)t->fork << 32) | t->blk) * 0x165667b19e3779f9ull;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return (uint32_t)h;
}

static inline bool
tag_eq(const buf_tag *a, const buf_tag *b)
{
	return a->blk == b->blk && a->relnode == b->relnode && a->db == b->db && a->fork == b->fork;
}

static inline lwlock *
part_lock(uint32_t h)
{
	return &bs->bs_part[h & (BUF_NPART - 1)].lock;
}

static int32_t
map_lookup(const buf_tag *t, uint32_t h)
{
	for (int32_t e = buckets[h & (bs->bs_nbuckets - 1)]; e >= 0; e = ents[e].me_next)
		if (tag_eq(&ents[e].me_tag, t))
			return ents[e].me_buf;
	return BUF_INVALID;
}

/* Insert t -> b unless t is present; returns the existing buffer or BUF_INVALID. */
static int32_t
map_insert(const buf_tag *t, uint32_t h, buf_id b)
{
	int32_t *head = &buckets[h & (bs->bs_nbuckets - 1)], e;
	int32_t existing = map_lookup(t, h);

	if (existing != BUF_INVALID)
		return existing;
	spin_acquire(&bs->bs_free_lock);
	e = bs->bs_free_head;
	if (e >= 0)
		bs->bs_free_head = ents[e].me_next;
	spin_release(&bs->bs_free_lock);
	if (e < 0)
		ph_error(ERRCODE_INSUFFICIENT_RESOURCES, "out of buffer mapping entries");
	ents[e].me_tag = *t;
	ents[e].me_buf = b;
	ents[e].me_next = *head;
	*head = e;
	return BUF_INVALID;
}

static void
map_delete(const buf_tag *t, uint32_t h)
{
	int32_t *pp = &buckets[h & (bs->bs_nbuckets - 1)];

	while (*pp >= 0 && !tag_eq(&ents[*pp].me_tag, t))
		pp = &ents[*pp].me_next;
	PH_CHECK(*pp >= 0);
	{
		int32_t e = *pp;

		*pp = ents[e].me_next;
		spin_acquire(&bs->bs_free_lock);
		ents[e].me_next = bs->bs_free_head;
		bs->bs_free_head = e;
		spin_release(&bs->bs_free_lock);
	}
}

/* ---- strategy rings ----------------------------------------------------------------------- */

struct buf_strategy {
	buf_ring_kind kind;
	int size;
	int cur;
	buf_id ring[];
};

buf_strategy *
buf_strategy_create(buf_ring_kind kind)
{
	int n = kind == BUF_RING_BULKWRITE ? (16 << 20) / PAGE_SIZE : (256 << 10) / PAGE_SIZE;
	int cap = buf_count() / 8;
	buf_strategy *s;

	if (n > cap)
		n = cap;
	if (n < 1)
		n = 1;
	s = palloc0(sizeof(*s) + (size_t)n * sizeof(buf_id));
	s->kind = kind;
	s->size = n;
	s->cur = -1;
	return s;
}

void
buf_strategy_free(buf_strategy *s)
{
	if (s)
		pfree(s);
}

/* A reusable buffer from the ring, pinned; NULL when the current slot cannot be reused. */
static buf_desc *
strategy_get(buf_strategy *s)
{
	buf_id b;
	buf_desc *d;
	uint32_t st;

	if (++s->cur >= s->size)
		s->cur = 0;
	b = s->ring[s->cur];
	if (b == BUF_INVALID)
		return NULL;
	d = desc_of(b);
	st = lock_hdr(d);
	if ((st & BS_REFCOUNT_MASK) == 0 && BS_USAGE(st) <= 1) {
		pin_buffer_locked(d, st);
		return d;
	}
	unlock_hdr(d, st);
	return NULL;
}

/* ---- victims ------------------------------------------------------------------------------ */

static buf_desc *
get_victim(buf_strategy *s)
{
	uint32_t trycounter = bs->bs_nbuffers;

	if (s != NULL) {
		buf_desc *d = strategy_get(s);

		if (d)
			return d;
	}
	for (;;) {
		uint64_t hand = atomic_fetch_add_explicit(&bs->bs_clock, 1, memory_order_relaxed);
		buf_desc *d = &descs[hand % bs->bs_nbuffers + 1];
		uint32_t st = atomic_load_explicit(&d->bd_state, memory_order_relaxed);

		if ((st & BS_REFCOUNT_MASK) == 0) {
			st = lock_hdr(d);
			if ((st & BS_REFCOUNT_MASK) == 0) {
				if (BS_USAGE(st) > 0) {
					unlock_hdr(d, st - BS_USAGE_ONE);
					trycounter = bs->bs_nbuffers;
					continue;
				}
				pin_buffer_locked(d, st);
				if (s != NULL)
					s->ring[s->cur] = d->bd_id;
				return d;
			}
			unlock_hdr(d, st);
		}
		if (--trycounter == 0)
			ph_error(ERRCODE_INSUFFICIENT_RESOURCES, "no unpinned buffers available");
	}
}

/*
 * Find or assign a buffer for a tag; returns it pinned.  *found: the tag was already mapped
 * (the buffer may still be being read by someone else).
 */
static buf_desc *
buffer_alloc(const buf_tag *tag, buf_strategy *s, bool *found)
{
	uint32_t h = tag_hash(tag), oh = 0, st;
	lwlock *nl = part_lock(h), *ol = NULL;
	buf_id b;
	buf_desc *d;
	buf_tag old_tag;
	bool old_valid;

	lwlock_acquire(nl, LW_SHARED);
	b = map_lookup(tag, h);
	if (b != BUF_INVALID) {
		d = desc_of(b);
		pin_buffer(d, s);
		lwlock_release(nl);
		*found = true;
		return d;
	}
	lwlock_release(nl);

	for (;;) {
		buf_id other;

		d = get_victim(s);
		st = atomic_load(&d->bd_state);
		if (st & BS_DIRTY) {
			if (!lwlock_conditional_acquire(&d->bd_content, LW_SHARED)) {
				unpin_buffer(d);
				continue;
			}
			flush_buffer(d);
			lwlock_release(&d->bd_content);
		}
		old_tag = d->bd_tag;
		old_valid = (atomic_load(&d->bd_state) & BS_TAG_VALID) != 0;
		if (old_valid) {
			oh = tag_hash(&old_tag);
			ol = part_lock(oh);
			if (ol == nl)
				ol = NULL;
		} else {
			ol = NULL;
		}
		if (ol != NULL && ol < nl) {
			lwlock_acquire(ol, LW_EXCLUSIVE);
			lwlock_acquire(nl, LW_EXCLUSIVE);
		} else {
			lwlock_acquire(nl, LW_EXCLUSIVE);
			if (ol != NULL)
				lwlock_acquire(ol, LW_EXCLUSIVE);
		}
		other = map_insert(tag, h, d->bd_id);
		if (other != BUF_INVALID) {
			/* someone else loaded the block meanwhile: use theirs */
			buf_desc *o = desc_of(other);

			if (ol != NULL)
				lwlock_release(ol);
			pin_buffer(o, s);
			lwlock_release(nl);
			unpin_buffer(d);
			*found = true;
			return o;
		}
		st = lock_hdr(d);
		if ((st & BS_REFCOUNT_MASK) == 1 && !(st & BS_DIRTY))
			break; /* header stays locked */
		unlock_hdr(d, st);
		map_delete(tag, h);
		if (ol != NULL)
			lwlock_release(ol);
		lwlock_release(nl);
		unpin_buffer(d);
	}
	if (old_valid)
		map_delete(&old_tag, oh);
	d->bd_tag = *tag;
	st &= ~(BS_VALID | BS_DIRTY | BS_JUST_DIRTIED | BS_CHECKPOINT_NEEDED | BS_IO_ERROR |
	        BS_USAGE_MASK);
	st |= BS_TAG_VALID | BS_USAGE_ONE;
	unlock_hdr(d, st);
	if (ol != NULL)
		lwlock_release(ol);
	lwlock_release(nl);
	if (old_valid)
		stat_add(ST_EVICTIONS, 1);
	*found = false;
	return d;
}

/* ---- reading and extending ---------------------------------------------------------------- */

static noreturn void
page_corrupt(buf_desc *d, smgr_rel *r, int res, uint32_t stored, uint32_t computed)
{
	char path[256];
	buf_tag t = d->bd_tag;

	stat_add(ST_CHECKSUM, 1);
	abort_io();
	unpin_buffer(d);
	smgr_path(r->loc, (fork_num)t.fork, t.blk / smgr_seg_blocks, true, path, sizeof(path));
	ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
	if (res == PAGE_BAD_CHECKSUM)
		err_detail("Stored checksum 0x%08x, computed 0x%08x; block %u of the fork is block %u of "
		           "the file.", stored, computed, t.blk, t.blk % smgr_seg_blocks);
	else
		err_detail("The page header is invalid; block %u of the fork is block %u of the file.",
		           t.blk, t.blk % smgr_seg_blocks);
	err_object(NULL, r->name, NULL, NULL);
	err_throw("invalid page in block %u of relation \"%s\" (file \"%s\"): %s", t.blk, r->name,
	          path, page_verify_reason(res));
}

buf_id
buf_read_ext(smgr_rel *r, fork_num fork, uint32_t blk, buf_read_mode mode, buf_strategy *s)
{
	buf_tag tag = { r->loc.db, r->loc.relnode, (uint32_t)fork, blk };
	buf_desc *d;
	bool found;
	char *page;

	ensure_local();
	if (mode == BUF_RM_EXTEND && blk >= smgr_nblocks(r, fork)) {
		lwlock *el = &bs->bs_ext[(r->loc.relnode * 31u + r->loc.db * 7u + fork) % BUF_NEXTLOCK].lock;

		lwlock_acquire(el, LW_EXCLUSIVE);
		smgr_extend_to(r, fork, blk + 1);
		lwlock_release(el);
	}
	d = buffer_alloc(&tag, s, &found);
	page = buf_page(d->bd_id);
	if (found && (atomic_load(&d->bd_state) & BS_VALID)) {
		stat_add(ST_HITS, 1);
		if (mode == BUF_RM_ZERO)
			lwlock_acquire(&d->bd_content, LW_EXCLUSIVE);
		return d->bd_id;
	}
	if (!start_io(d, true)) {
		stat_add(ST_HITS, 1); /* another process read it while we waited */
		if (mode == BUF_RM_ZERO)
			lwlock_acquire(&d->bd_content, LW_EXCLUSIVE);
		return d->bd_id;
	}
	if (mode == BUF_RM_ZERO) {
		memset(page, 0, PAGE_SIZE);
		lwlock_acquire(&d->bd_content, LW_EXCLUSIVE);
		terminate_io(d, false, BS_VALID);
		return d->bd_id;
	}
	smgr_read(r, fork, blk, page);
	{
		uint32_t stored, computed;
		int res = page_verify(page, blk, &stored, &computed);

		if (res == PAGE_BAD_CHECKSUM || res == PAGE_BAD_HEADER)
			page_corrupt(d, r, res, stored, computed);
	}
	stat_add(ST_READS, 1);
	terminate_io(d, false, BS_VALID);
	return d->bd_id;
}

buf_id
buf_read(smgr_rel *r, fork_num fork, uint32_t blk, buf_strategy *s)
{
	return buf_read_ext(r, fork, blk, BUF_RM_NORMAL, s);
}

buf_id
buf_extend(smgr_rel *r, fork_num fork, buf_strategy *s, uint32_t *blkp)
{
	lwlock *el = &bs->bs_ext[(r->loc.relnode * 31u + r->loc.db * 7u + fork) % BUF_NEXTLOCK].lock;
	buf_tag tag = { r->loc.db, r->loc.relnode, (uint32_t)fork, 0 };
	buf_desc *d;
	bool found;

	ensure_local();
	lwlock_acquire(el, LW_EXCLUSIVE);
	tag.blk = smgr_nblocks(r, fork);
	d = buffer_alloc(&tag, s, &found);
	if (!start_io(d, true)) {
		/* A valid buffer for a block beyond the end of the file: a bug elsewhere. */
		unpin_buffer(d);
		lwlock_release(el);
		ph_error(ERRCODE_INTERNAL_ERROR,
		         "unexpected data beyond the end of block %u of relation \"%s\"", tag.blk,
		         r->name);
	}
	memset(buf_page(d->bd_id), 0, PAGE_SIZE);
	smgr_extend(r, fork, tag.blk, NULL);
	lwlock_acquire(&d->bd_content, LW_EXCLUSIVE);
	terminate_io(d, false, BS_VALID);
	lwlock_release(el);
	stat_add(ST_EXTENDS, 1);
	*blkp = tag.blk;
	return d->bd_id;
}

/* ---- content locks and dirtying ----------------------------------------------------------- */

void
buf_lock(buf_id b, buf_lock_mode mode)
{
	PH_ASSERT(local_pins[b] > 0);
	lwlock_acquire(&desc_of(b)->bd_content, mode == BUF_SHARE ? LW_SHARED : LW_EXCLUSIVE);
}

bool
buf_lock_try(buf_id b, buf_lock_mode mode)
{
	PH_ASSERT(local_pins[b] > 0);
	return lwlock_conditional_acquire(&desc_of(b)->bd_content,
	                                  mode == BUF_SHARE ? LW_SHARED : LW_EXCLUSIVE);
}

void
buf_unlock(buf_id b)
{
	lwlock_release(&desc_of(b)->bd_content);
}

bool
buf_lock_cleanup_try(buf_id b)
{
	buf_desc *d = desc_of(b);
	uint32_t st;

	if (local_pins[b] != 1)
		return false; /* this process itself holds another pin (a scan on the page) */
	if (!lwlock_conditional_acquire(&d->bd_content, LW_EXCLUSIVE))
		return false;
	st = atomic_load(&d->bd_state);
	if ((st & BS_REFCOUNT_MASK) == 1)
		return true;
	lwlock_release(&d->bd_content);
	return false;
}

void
buf_lock_cleanup(buf_id b)
{
	buf_desc *d = desc_of(b);

	PH_CHECK(local_pins[b] == 1);
	for (;;) {
		uint32_t st, seq;

		lwlock_acquire(&d->bd_content, LW_EXCLUSIVE);
		st = lock_hdr(d);
		if ((st & BS_REFCOUNT_MASK) == 1) {
			unlock_hdr(d, st);
			return;
		}
		seq = atomic_load(&d->bd_wake);
		unlock_hdr(d, st | BS_PIN_COUNT_WAITER);
		lwlock_release(&d->bd_content);
		wait_wake(d, seq);
	}
}

static void
set_dirty(buf_desc *d)
{
	uint32_t st = atomic_load_explicit(&d->bd_state, memory_order_relaxed);

	if ((st & (BS_DIRTY | BS_JUST_DIRTIED)) == (BS_DIRTY | BS_JUST_DIRTIED))
		return;
	for (;;) {
		if (st & BS_LOCKED)
			st = wait_hdr_unlocked(d);
		if (atomic_compare_exchange_weak(&d->bd_state, &st, st | BS_DIRTY | BS_JUST_DIRTIED))
			return;
	}
}

void
buf_mark_dirty(buf_id b)
{
	buf_desc *d = desc_of(b);

	PH_ASSERT(d->bd_content.lw_owner == lwlock_my_pid());
	set_dirty(d);
}

void
buf_mark_dirty_hint(buf_id b)
{
	buf_desc *d = desc_of(b);

	PH_ASSERT(lwlock_held_by_me(&d->bd_content));
	/* WAL: with full_page_writes, the first hint-bit change after a checkpoint needs a
	 * full-page image (a torn write would fail the checksum). */
	set_dirty(d);
}

uint32_t
buf_blkno(buf_id b)
{
	return desc_of(b)->bd_tag.blk;
}

void
buf_get_tag(buf_id b, rel_locator *loc, fork_num *fork, uint32_t *blk)
{
	buf_desc *d = desc_of(b);

	loc->db = d->bd_tag.db;
	loc->relnode = d->bd_tag.relnode;
	*fork = (fork_num)d->bd_tag.fork;
	*blk = d->bd_tag.blk;
}

/* ---- error recovery ----------------------------------------------------------------------- */

void
buf_release_all(void)
{
	if (bs == NULL || local_pins == NULL)
		return;
	abort_io();
	if (n_local_pinned == 0)
		return;
	for (uint32_t i = 1; i <= bs->bs_nbuffers && n_local_pinned > 0; i++)
		if (local_pins[i] > 0) {
			local_pins[i] = 1;
			unpin_buffer(&descs[i]);
		}
}

/* ---- whole-pool operations ---------------------------------------------------------------- */

/* Pin buffer i if `want` holds for its state (checked under the header lock). */
static bool
pin_if(buf_desc *d, bool (*want)(const buf_desc *, uint32_t, const void *), const void *arg)
{
	uint32_t st = lock_hdr(d);

	if (!want(d, st, arg)) {
		unlock_hdr(d, st);
		return false;
	}
	if (local_pins[d->bd_id] > 0) {
		unlock_hdr(d, st);
		local_pins[d->bd_id]++;
	} else {
		pin_buffer_locked(d, st);
	}
	return true;
}

static void
flush_pinned(buf_desc *d)
{
	lwlock_acquire(&d->bd_content, LW_SHARED);
	flush_buffer(d);
	lwlock_release(&d->bd_content);
	unpin_buffer(d);
}

static bool
want_rel_dirty(const buf_desc *d, uint32_t st, const void *arg)
{
	const rel_locator *loc = arg;

	return (st & (BS_TAG_VALID | BS_VALID | BS_DIRTY)) == (BS_TAG_VALID | BS_VALID | BS_DIRTY) &&
	       d->bd_tag.db == loc->db && d->bd_tag.relnode == loc->relnode;
}

void
buf_flush_relation(smgr_rel *r)
{
	ensure_local();
	for (uint32_t i = 1; i <= bs->bs_nbuffers; i++) {
		buf_desc *d = &descs[i];

		if (d->bd_tag.relnode != r->loc.relnode) /* racy pre-check; rechecked under lock */
			continue;
		if (pin_if(d, want_rel_dirty, &r->loc))
			flush_pinned(d);
	}
}

static void
drop_matching(rel_locator loc, int fork, uint32_t first_blk)
{
	ensure_local();
	for (uint32_t i = 1; i <= bs->bs_nbuffers; i++) {
		buf_desc *d = &descs[i];

		for (;;) {
			buf_tag t = d->bd_tag;
			uint32_t h, st, seq;
			lwlock *pl;

			if (t.relnode != loc.relnode || t.db != loc.db ||
			    (fork >= 0 && (t.fork != (uint32_t)fork || t.blk < first_blk)))
				break;
			h = tag_hash(&t);
			pl = part_lock(h);
			lwlock_acquire(pl, LW_EXCLUSIVE);
			st = lock_hdr(d);
			if (!(st & BS_TAG_VALID)) {
				unlock_hdr(d, st);
				lwlock_release(pl);
				break; /* already invalid */
			}
			if (!tag_eq(&d->bd_tag, &t)) {
				unlock_hdr(d, st);
				lwlock_release(pl);
				continue; /* reused for another block meanwhile: look again */
			}
			if ((st & BS_REFCOUNT_MASK) != 0) {
				/* a writer (checkpoint, eviction) has it pinned: wait for the pin to go */
				PH_CHECK(local_pins[i] == 0);
				seq = atomic_load(&d->bd_wake);
				unlock_hdr(d, st | BS_PIN_COUNT_WAITER);
				lwlock_release(pl);
				wait_wake(d, seq);
				continue;
			}
			map_delete(&t, h);
			st &= ~(BS_TAG_VALID | BS_VALID | BS_DIRTY | BS_JUST_DIRTIED | BS_CHECKPOINT_NEEDED |
			        BS_IO_ERROR | BS_USAGE_MASK);
			unlock_hdr(d, st);
			lwlock_release(pl);
			break;
		}
	}
}

void
buf_drop_relation(rel_locator loc)
{
	drop_matching(loc, -1, 0);
}

void
buf_drop_fork_tail(rel_locator loc, fork_num fork, uint32_t first_blk)
{
	drop_matching(loc, (int)fork, first_blk);
}

int
buf_checkpoint_start(void)
{
	int n = 0;

	for (uint32_t i = 1; i <= bs->bs_nbuffers; i++) {
		buf_desc *d = &descs[i];
		uint32_t st;

		if (!(atomic_load_explicit(&d->bd_state, memory_order_relaxed) & BS_DIRTY))
			continue;
		st = lock_hdr(d);
		if (st & BS_DIRTY) {
			st |= BS_CHECKPOINT_NEEDED;
			n++;
		}
		unlock_hdr(d, st);
	}
	return n;
}

static bool
want_ckpt(const buf_desc *d, uint32_t st, const void *arg)
{
	(void)d;
	(void)arg;
	return (st & (BS_CHECKPOINT_NEEDED | BS_VALID)) == (BS_CHECKPOINT_NEEDED | BS_VALID);
}

int
buf_checkpoint_write(int max)
{
	static uint32_t cursor; /* process-local: the checkpointer resumes where it stopped */
	int written = 0;

	ensure_local();
	for (uint32_t k = 0; k < bs->bs_nbuffers && written < max; k++) {
		buf_desc *d;

		if (++cursor > bs->bs_nbuffers)
			cursor = 1;
		d = &descs[cursor];
		if (!(atomic_load_explicit(&d->bd_state, memory_order_relaxed) & BS_CHECKPOINT_NEEDED))
			continue;
		if (pin_if(d, want_ckpt, NULL)) {
			uint32_t st;

			flush_pinned(d);
			/* written by someone else meanwhile, or clean: the mark is done either way */
			st = lock_hdr(d);
			if (!(st & BS_DIRTY))
				st &= ~BS_CHECKPOINT_NEEDED;
			unlock_hdr(d, st);
			written++;
		}
	}
	return written;
}

void
buf_sync_all(void)
{
	buf_checkpoint_start();
	while (buf_checkpoint_write(1024) > 0)
		;
	smgr_sync_pending();
}

/* ---- diagnostics -------------------------------------------------------------------------- */

buf_id
buf_lookup(rel_locator loc, fork_num fork, uint32_t blk)
{
	buf_tag t = { loc.db, loc.relnode, (uint32_t)fork, blk };
	uint32_t h = tag_hash(&t);
	buf_id b;

	lwlock_acquire(part_lock(h), LW_SHARED);
	b = map_lookup(&t, h);
	lwlock_release(part_lock(h));
	return b;
}

int
buf_debug_refcount(buf_id b)
{
	return (int)(atomic_load(&desc_of(b)->bd_state) & BS_REFCOUNT_MASK);
}

int
buf_debug_usage(buf_id b)
{
	return (int)BS_USAGE(atomic_load(&desc_of(b)->bd_state));
}

bool
buf_debug_dirty(buf_id b)
{
	return (atomic_load(&desc_of(b)->bd_state) & BS_DIRTY) != 0;
}
