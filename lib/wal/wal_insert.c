/*
 * wal_insert.c — shared WAL buffers: reserving space, copying records in parallel,
 * initialising ring pages, writing and fsyncing (group commit), the WAL writer's iteration.
 * The protocol is described in README.md ("Insertion", "Flushing and group commit").
 */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shm/latch.h"
#include "shm/proc.h"
#include "shm/shm.h"
#include "util/cfg.h"
#include "util/crc32c.h"
#include "util/err.h"
#include "util/log.h"
#include "wal/wal_int.h"

wal_shared *wal_sh;
wal_slot *wal_slots;
_Atomic uint64_t *wal_endlsn;
char *wal_pages;

#define ALIGN_UP(x, a) (((x) + (a) - 1) & ~((size_t)(a) - 1))
#define MAX_PIECES (2 * WAL_MAX_BLOCKS + 64)

enum { TRANCHE_WAL_MAPPING = 20, TRANCHE_WAL_WRITE, TRANCHE_WAL_CONTROL, TRANCHE_WAL_CKPT };

static uint32_t
nbuffers_wanted(void)
{
	int64_t n = settings.wal_buffers / WAL_PAGE_SIZE;

	return n < 8 ? 8 : (uint32_t)n;
}

static size_t
layout(uint32_t nslots, uint32_t nbuf, size_t *off_slots, size_t *off_endlsn, size_t *off_pages)
{
	size_t off = ALIGN_UP(sizeof(wal_shared), 64);

	*off_slots = off;
	off += (size_t)nslots * sizeof(wal_slot);
	*off_endlsn = off;
	off += (size_t)nbuf * sizeof(uint64_t);
	off = ALIGN_UP(off, 4096);
	*off_pages = off;
	off += (size_t)nbuf * WAL_PAGE_SIZE;
	return off;
}

size_t
wal_shmem_size(void)
{
	size_t a, b, c;

	return layout(proc_nslots() + 1, nbuffers_wanted(), &a, &b, &c);
}

void
wal_attach_pointers(void *base)
{
	size_t a, b, c;

	wal_sh = base;
	layout(wal_sh->w_nslots, wal_sh->w_nbuffers, &a, &b, &c);
	wal_slots = (wal_slot *)((char *)base + a);
	wal_endlsn = (_Atomic uint64_t *)((char *)base + b);
	wal_pages = (char *)base + c;
}

void
wal_shmem_init(void *base, size_t size)
{
	memset(base, 0, size);
	wal_sh = base;
	wal_sh->w_nslots = proc_nslots() + 1;
	wal_sh->w_nbuffers = nbuffers_wanted();
	spin_init(&wal_sh->w_insert_lck);
	lwlock_init(&wal_sh->w_mapping_lock, TRANCHE_WAL_MAPPING);
	lwlock_init(&wal_sh->w_write_lock, TRANCHE_WAL_WRITE);
	lwlock_init(&wal_sh->w_control_lock, TRANCHE_WAL_CONTROL);
	lwlock_init(&wal_sh->w_checkpoint_lock, TRANCHE_WAL_CKPT);
	wal_attach_pointers(base);
}

static void
attach(void)
{
	void *base;

	if (wal_sh != NULL && (void *)wal_sh == shm_region("wal"))
		return;
	base = shm_region("wal");
	if (base == NULL)
		ph_internal("WAL shared memory is not set up");
	wal_attach_pointers(base);
}

static void
require_started(void)
{
	attach();
	if (!wal_sh->w_started)
		ph_internal("WAL is not started (wal_startup was not called)");
}

wal_slot *
wal_my_slot(void)
{
	int i = proc_my_index >= 0 ? proc_my_index : (int)wal_sh->w_nslots - 1;

	return &wal_slots[i];
}

static void
backoff(unsigned *spins)
{
	if (++*spins < 100) {
#if defined(__x86_64__)
		__builtin_ia32_pause();
#endif
	} else if (*spins < 1000) {
		sched_yield();
	} else {
		struct timespec ts = { 0, 20000 };

		nanosleep(&ts, NULL);
	}
}

/* ---- positions ---------------------------------------------------------------------------- */

static uint64_t
cur_bytepos(void)
{
	uint64_t c;

	spin_acquire(&wal_sh->w_insert_lck);
	c = wal_sh->w_cur;
	spin_release(&wal_sh->w_insert_lck);
	return c;
}

wal_lsn
wal_insert_lsn(void)
{
	require_started();
	return wal_bytepos_to_endlsn(cur_bytepos());
}

wal_lsn
wal_flushed_lsn(void)
{
	attach();
	return atomic_load(&wal_sh->w_flushed);
}

wal_lsn
wal_written_lsn(void)
{
	attach();
	return atomic_load(&wal_sh->w_written);
}

wal_lsn
wal_redo_lsn(void)
{
	attach();
	return atomic_load(&wal_sh->w_redo);
}

void
wal_get_stats(wal_stats *o)
{
	attach();
	o->records = atomic_load(&wal_sh->st_records);
	o->bytes = atomic_load(&wal_sh->st_bytes);
	o->fpi = atomic_load(&wal_sh->st_fpi);
	o->writes = atomic_load(&wal_sh->st_writes);
	o->fsyncs = atomic_load(&wal_sh->st_fsyncs);
	o->commits = atomic_load(&wal_sh->st_commits);
	o->commits_waited = atomic_load(&wal_sh->st_commits_waited);
	o->segments_created = atomic_load(&wal_sh->st_segs_created);
	o->segments_recycled = atomic_load(&wal_sh->st_segs_recycled);
}

/* ---- waiting for inserters ------------------------------------------------------------------ */

wal_lsn
wal_wait_insertions(wal_lsn upto, wal_lsn need)
{
	unsigned spins = 0;

	if (need > upto)
		need = upto;
	for (;;) {
		wal_lsn min = upto;

		for (uint32_t i = 0; i < wal_sh->w_nslots; i++) {
			uint64_t v = atomic_load(&wal_slots[i].ws_inserting_at);

			if (v != 0 && v < min)
				min = v;
		}
		if (min >= need)
			return min;
		backoff(&spins);
	}
}

/* ---- writing -------------------------------------------------------------------------------- */

void
wal_write_locked(wal_lsn upto, bool flush)
{
	wal_lsn written = atomic_load(&wal_sh->w_written);
	uint64_t segsz = wal_sh->w_seg_size;
	int fd = -1;

	PH_ASSERT(lwlock_held_by_me(&wal_sh->w_write_lock));
	/* A position inside a page header holds no record bytes: stop at the page boundary
	 * (that page may not be initialised yet). */
	if (upto % WAL_PAGE_SIZE <= WAL_PAGE_HDR_SIZE)
		upto -= upto % WAL_PAGE_SIZE;
	if (upto > written) {
		uint64_t pos = written - written % WAL_PAGE_SIZE;
		uint64_t last_page = (upto - 1) / WAL_PAGE_SIZE;

		while (pos < upto) {
			uint64_t page = pos / WAL_PAGE_SIZE, seg = pos / segsz;
			uint32_t idx = (uint32_t)(page % wal_sh->w_nbuffers), n = 1;
			uint64_t seg_end = (seg + 1) * segsz;

			if (atomic_load(&wal_endlsn[idx]) != (page + 1) * WAL_PAGE_SIZE)
				ph_panic("WAL buffer %u does not hold page at " WAL_LSN_FMT, idx,
				         WAL_LSN_ARGS(page * WAL_PAGE_SIZE));
			while (page + n <= last_page && idx + n < wal_sh->w_nbuffers &&
			       (page + n) * WAL_PAGE_SIZE < seg_end)
				n++;
			fd = wal_seg_open_for_write(seg);
			wal_write_full(fd, wal_pages + (size_t)idx * WAL_PAGE_SIZE, (size_t)n * WAL_PAGE_SIZE,
			               (off_t)((page * WAL_PAGE_SIZE) % segsz), "WAL segment");
			pos = (page + n) * WAL_PAGE_SIZE;
			/* A segment written to its end is fsynced now: later flushes only fsync the
			 * segment that holds their end. */
			if (pos == seg_end && upto >= seg_end && settings.fsync) {
				if (fdatasync(fd) != 0)
					ph_panic("could not fsync WAL segment: %s", strerror(errno));
				atomic_fetch_add(&wal_sh->st_fsyncs, 1);
			}
		}
		atomic_store(&wal_sh->w_written, upto);
		atomic_fetch_add(&wal_sh->st_writes, 1);
	}
	if (flush) {
		wal_lsn w = atomic_load(&wal_sh->w_written);

		if (atomic_load(&wal_sh->w_flushed) < w) {
			if (settings.fsync) {
				if (w % segsz != 0) {
					fd = wal_seg_open_for_write(w / segsz);
					if (fdatasync(fd) != 0)
						ph_panic("could not fsync WAL segment: %s", strerror(errno));
					atomic_fetch_add(&wal_sh->st_fsyncs, 1);
				}
			}
			atomic_store(&wal_sh->w_flushed, w);
		}
	}
}

void
wal_wake_flush_waiters(void)
{
	uint32_t n = wal_sh->w_nslots - 1;

	for (uint32_t i = 0; i < n && proc_tab != NULL; i++)
		if (atomic_load(&wal_slots[i].ws_flush_wait) != 0)
			latch_set((int)i);
}

/* ---- ring pages ---------------------------------------------------------------------------- */

void
wal_init_page_hdr(char *page, wal_lsn pageaddr, uint64_t sysid)
{
	wal_page_hdr h = { WAL_PAGE_MAGIC, 0, 0, pageaddr, sysid };

	memcpy(page, &h, sizeof(h));
}

/* Initialise ring pages in order until the page ending at want_end is ready. */
static void
advance_buffers(wal_lsn want_end)
{
	lwlock_acquire(&wal_sh->w_mapping_lock, LW_EXCLUSIVE);
	while (atomic_load(&wal_sh->w_initialized) < want_end) {
		wal_lsn q = atomic_load(&wal_sh->w_initialized);
		uint32_t idx = (uint32_t)((q / WAL_PAGE_SIZE) % wal_sh->w_nbuffers);
		wal_lsn old_end = atomic_load(&wal_endlsn[idx]);
		char *p;

		if (old_end != 0 && atomic_load(&wal_sh->w_written) < old_end) {
			/* The old page must reach the file first.  Never wait for inserters while
			 * holding a lock: they may need this very lock. */
			lwlock_release(&wal_sh->w_mapping_lock);
			wal_wait_insertions(old_end, old_end);
			lwlock_acquire(&wal_sh->w_write_lock, LW_EXCLUSIVE);
			if (atomic_load(&wal_sh->w_written) < old_end)
				wal_write_locked(old_end, false);
			lwlock_release(&wal_sh->w_write_lock);
			wal_wake_flush_waiters();
			lwlock_acquire(&wal_sh->w_mapping_lock, LW_EXCLUSIVE);
			continue;
		}
		p = wal_pages + (size_t)idx * WAL_PAGE_SIZE;
		memset(p, 0, WAL_PAGE_SIZE);
		wal_init_page_hdr(p, q, wal_sh->w_sysid);
		atomic_store_explicit(&wal_endlsn[idx], q + WAL_PAGE_SIZE, memory_order_release);
		atomic_store(&wal_sh->w_initialized, q + WAL_PAGE_SIZE);
	}
	lwlock_release(&wal_sh->w_mapping_lock);
}

static char *
get_page(uint64_t page, wal_slot *me)
{
	uint32_t idx = (uint32_t)(page % wal_sh->w_nbuffers);
	wal_lsn want = (page + 1) * WAL_PAGE_SIZE;

	if (atomic_load_explicit(&wal_endlsn[idx], memory_order_acquire) != want) {
		/* Everything I copied so far lies before this page: say so before waiting. */
		wal_lsn start = page * WAL_PAGE_SIZE;

		if (atomic_load(&me->ws_inserting_at) < start)
			atomic_store(&me->ws_inserting_at, start);
		advance_buffers(want);
	}
	return wal_pages + (size_t)idx * WAL_PAGE_SIZE;
}

/* ---- inserting ---------------------------------------------------------------------------- */

typedef struct piece {
	const void *p;
	size_t len;
} piece;

static void
copy_record(uint64_t startpos, const piece *pcs, int npcs, size_t total, wal_slot *me)
{
	uint64_t page = startpos / WAL_USABLE_PER_PAGE;
	size_t off = startpos % WAL_USABLE_PER_PAGE;
	char *buf = get_page(page, me);
	char *dst = buf + WAL_PAGE_HDR_SIZE + off;
	size_t avail = WAL_USABLE_PER_PAGE - off, remaining = total;

	for (int i = 0; i < npcs; i++) {
		const char *src = pcs[i].p;
		size_t len = pcs[i].len;

		while (len > 0) {
			size_t n;

			if (avail == 0) {
				wal_page_hdr *h;

				page++;
				buf = get_page(page, me);
				h = (wal_page_hdr *)buf;
				h->flags |= WAL_PAGE_CONT;
				h->rem_len = (uint32_t)remaining;
				dst = buf + WAL_PAGE_HDR_SIZE;
				avail = WAL_USABLE_PER_PAGE;
			}
			n = len < avail ? len : avail;
			memcpy(dst, src, n);
			dst += n;
			src += n;
			avail -= n;
			len -= n;
			remaining -= n;
		}
	}
}

wal_lsn
wal_insert_ex(uint8_t rmid, uint8_t info, uint64_t xid, const wal_chunk *chunks, int nchunks,
              const wal_block *blocks, int nblocks, wal_lsn *start_out, uint32_t *images_out)
{
	static char hdrbuf[WAL_REC_HDR_SIZE + WAL_BLK_HDR_SIZE * WAL_MAX_BLOCKS];
	piece pcs[MAX_PIECES];
	wal_rec_hdr *h = (wal_rec_hdr *)hdrbuf;
	wal_slot *me;
	uint64_t start, size, prev;
	uint32_t images;
	size_t total;
	wal_lsn redo;
	int npcs;
	uint32_t crc;
	uint64_t main_len;

	require_started();
	if (nblocks < 0 || nblocks > WAL_MAX_BLOCKS || nchunks < 0 || nchunks > 64)
		ph_internal("wal_insert: %d blocks, %d chunks", nblocks, nchunks);
	main_len = 0;
	for (int i = 0; i < nchunks; i++)
		main_len += chunks[i].len;
	me = wal_my_slot();
retry:
	redo = atomic_load(&wal_sh->w_redo);
	images = 0;
	npcs = 1;
	total = WAL_REC_HDR_SIZE + (size_t)nblocks * WAL_BLK_HDR_SIZE;
	for (int i = 0; i < nblocks; i++) {
		const wal_block *b = &blocks[i];
		wal_blk_hdr *bh = (wal_blk_hdr *)(hdrbuf + WAL_REC_HDR_SIZE + i * WAL_BLK_HDR_SIZE);
		bool img = (b->flags & WAL_BLK_FORCE_IMAGE) ||
		           (!(b->flags & WAL_BLK_WILL_INIT) && settings.full_page_writes &&
		            b->page_lsn <= redo);

		if ((size_t)b->hole_off + b->hole_len > WAL_DATA_PAGE_SIZE || b->hole_len >= WAL_DATA_PAGE_SIZE)
			ph_internal("wal_insert: bad page hole %u+%u", b->hole_off, b->hole_len);
		memset(bh, 0, sizeof(*bh));
		bh->db = b->id.db;
		bh->rel = b->id.rel;
		bh->blkno = b->id.blkno;
		bh->fork = b->id.fork;
		bh->flags = b->flags & WAL_BLK_WILL_INIT;
		if (img) {
			if (b->page == NULL)
				ph_internal("wal_insert: block %d needs an image but has no page", i);
			bh->flags |= WAL_BLK_HAS_IMAGE;
			bh->img_len = (uint16_t)(WAL_DATA_PAGE_SIZE - b->hole_len);
			bh->hole_off = b->hole_len ? b->hole_off : 0;
			bh->hole_len = b->hole_len;
			images |= 1u << i;
			total += bh->img_len;
		}
	}
	/* images, in block order */
	for (int i = 0; i < nblocks; i++) {
		const wal_block *b = &blocks[i];
		const char *pg = b->page;

		if (!(images & (1u << i)))
			continue;
		if (b->hole_len == 0) {
			pcs[npcs++] = (piece){ pg, WAL_DATA_PAGE_SIZE };
		} else {
			if (b->hole_off > 0)
				pcs[npcs++] = (piece){ pg, b->hole_off };
			if ((size_t)b->hole_off + b->hole_len < WAL_DATA_PAGE_SIZE)
				pcs[npcs++] = (piece){ pg + b->hole_off + b->hole_len,
				                       WAL_DATA_PAGE_SIZE - b->hole_off - b->hole_len };
		}
	}
	for (int i = 0; i < nchunks; i++)
		if (chunks[i].len > 0)
			pcs[npcs++] = (piece){ chunks[i].data, chunks[i].len };
	if (total + main_len > WAL_MAX_RECORD_LEN)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "WAL record would be %llu bytes, more than the maximum of %u",
		         (unsigned long long)(total + main_len), WAL_MAX_RECORD_LEN);
	total += main_len;
	memset(h, 0, WAL_REC_HDR_SIZE);
	h->tot_len = (uint32_t)total;
	h->xid = xid;
	h->rmid = rmid;
	h->info = info;
	h->nblocks = (uint16_t)nblocks;
	h->main_len = (uint32_t)main_len;
	pcs[0] = (piece){ hdrbuf, WAL_REC_HDR_SIZE + (size_t)nblocks * WAL_BLK_HDR_SIZE };
	/* CRC of everything after the record header, now; the header once prev is known. */
	crc = crc32c(0, hdrbuf + WAL_REC_HDR_SIZE, pcs[0].len - WAL_REC_HDR_SIZE);
	for (int i = 1; i < npcs; i++)
		crc = crc32c(crc, pcs[i].p, pcs[i].len);
	size = WAL_ALIGN(total);

	spin_acquire(&wal_sh->w_insert_lck);
	if (atomic_load(&wal_sh->w_redo) != redo) {
		/* A checkpoint moved the redo point since we decided on images. */
		wal_lsn nr = atomic_load(&wal_sh->w_redo);
		bool again = false;

		for (int i = 0; i < nblocks; i++)
			if (!(images & (1u << i)) && !(blocks[i].flags & WAL_BLK_WILL_INIT) &&
			    settings.full_page_writes && blocks[i].page_lsn <= nr)
				again = true;
		if (again) {
			spin_release(&wal_sh->w_insert_lck);
			goto retry;
		}
	}
	start = wal_sh->w_cur;
	wal_sh->w_cur += size;
	prev = wal_sh->w_last;
	wal_sh->w_last = start;
	atomic_store(&me->ws_inserting_at, wal_bytepos_to_lsn(start));
	/* Reserved space must be filled: dying before that stalls every flusher, so it counts as
	 * holding a lock (the supervisor then resets shared memory). */
	proc_note_lock(1);
	spin_release(&wal_sh->w_insert_lck);

	h->prev = wal_bytepos_to_lsn(prev);
	crc = crc32c(crc, hdrbuf, 4);
	h->crc = crc32c(crc, hdrbuf + 8, WAL_REC_HDR_SIZE - 8);
	copy_record(start, pcs, npcs, total, me);
	atomic_store_explicit(&me->ws_inserting_at, 0, memory_order_release);
	proc_note_lock(-1);

	atomic_fetch_add(&wal_sh->st_records, 1);
	atomic_fetch_add(&wal_sh->st_bytes, total);
	if (images)
		atomic_fetch_add(&wal_sh->st_fpi, (uint64_t)__builtin_popcount(images));
	if (start_out)
		*start_out = wal_bytepos_to_lsn(start);
	if (images_out)
		*images_out = images;
	return wal_bytepos_to_endlsn(start + size);
}

wal_lsn
wal_insert(uint8_t rmid, uint8_t info, uint64_t xid, const wal_chunk *chunks, int nchunks,
           const wal_block *blocks, int nblocks)
{
	return wal_insert_ex(rmid, info, xid, chunks, nchunks, blocks, nblocks, NULL, NULL);
}

/* ---- flushing ------------------------------------------------------------------------------ */

/* Returns true if this process's own fsync made lsn durable. */
static bool
flush_internal(wal_lsn lsn)
{
	wal_slot *me = wal_my_slot();

	for (;;) {
		wal_lsn upto = wal_bytepos_to_endlsn(cur_bytepos()), done;

		if (lsn > upto)
			lsn = upto;
		if (lsn % WAL_PAGE_SIZE <= WAL_PAGE_HDR_SIZE)
			lsn -= lsn % WAL_PAGE_SIZE;
		if (atomic_load(&wal_sh->w_flushed) >= lsn)
			return false;
		/* Wait for the copies before us, holding no lock (README: why). */
		done = wal_wait_insertions(upto, lsn);
		if (lwlock_conditional_acquire(&wal_sh->w_write_lock, LW_EXCLUSIVE)) {
			bool mine = false;

			if (atomic_load(&wal_sh->w_flushed) < lsn) {
				wal_write_locked(done, true);
				mine = true;
			}
			lwlock_release(&wal_sh->w_write_lock);
			wal_wake_flush_waiters();
			if (atomic_load(&wal_sh->w_flushed) >= lsn)
				return mine;
			continue;
		}
		/* Someone else is writing: sleep until woken, then look again. */
		atomic_store(&me->ws_flush_wait, lsn);
		latch_reset();
		if (atomic_load(&wal_sh->w_flushed) < lsn &&
		    (atomic_load(&wal_sh->w_write_lock.lw_state) & LW_EXCL)) {
			if (proc_me != NULL) {
				latch_wait(100);
			} else {
				struct timespec ts = { 0, 100000 };

				nanosleep(&ts, NULL);
			}
		}
		atomic_store(&me->ws_flush_wait, 0);
	}
}

void
wal_flush(wal_lsn lsn)
{
	require_started();
	if (atomic_load(&wal_sh->w_flushed) >= lsn)
		return;
	flush_internal(lsn);
}

void
wal_flush_commit(wal_lsn lsn)
{
	require_started();
	atomic_fetch_add(&wal_sh->st_commits, 1);
	if (atomic_load(&wal_sh->w_flushed) >= lsn || !flush_internal(lsn))
		atomic_fetch_add(&wal_sh->st_commits_waited, 1);
}

void
wal_async_commit(wal_lsn lsn)
{
	uint64_t old;

	require_started();
	old = atomic_load(&wal_sh->w_async);
	while (old < lsn && !atomic_compare_exchange_weak(&wal_sh->w_async, &old, lsn))
		;
}

int64_t
wal_writer_iteration(void)
{
	wal_lsn upto;

	require_started();
	upto = wal_bytepos_to_endlsn(cur_bytepos());
	if (atomic_load(&wal_sh->w_flushed) < upto)
		flush_internal(upto);
	return settings.wal_writer_delay > 0 ? settings.wal_writer_delay : 10;
}
