/*
 * procarray.c — the "txn" shared region: xid allocation with a persisted high-water mark,
 * the proc array (running xids and subxids per process slot), snapshots, "is it running",
 * the global xmin horizon, bootstrap and startup.  README sections 1, 3 and 6.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "shm/proc.h"
#include "shm/shm.h"
#include "txn/txn_int.h"
#include "util/err.h"
#include "util/log.h"

txn_shared *txn_sh;
txn_proc *txn_procs;

#define ALIGN_UP(x, a) (((x) + (a) - 1) & ~((size_t)(a) - 1))

static size_t
procs_offset(void)
{
	return ALIGN_UP(sizeof(txn_shared), 64);
}

static size_t
ssi_offset(uint32_t nprocs)
{
	return ALIGN_UP(procs_offset() + sizeof(txn_proc) * nprocs, 64);
}

size_t
txn_shmem_size(void)
{
	uint32_t n = proc_nslots();

	return ssi_offset(n) + ssi_shmem_size(n);
}

static void
set_pointers(void *base)
{
	txn_sh = base;
	txn_procs = (txn_proc *)((char *)base + procs_offset());
	ssi_sh = (ssi_shared *)((char *)base + ssi_offset(txn_sh->ts_nprocs));
}

void
txn_shmem_init(void *base, size_t size)
{
	memset(base, 0, size);
	txn_sh = base;
	txn_sh->ts_nprocs = proc_nslots();
	lwlock_init(&txn_sh->ts_xidgen_lock, 50);
	lwlock_init(&txn_sh->ts_procarray_lock, 51);
	slru_init(&txn_sh->ts_clog, "clog", CLOG_BUFFERS, true);
	slru_init(&txn_sh->ts_subtrans, "subtrans", SUBTRANS_BUFFERS, false);
	set_pointers(base);
	ssi_shmem_init(ssi_sh, txn_sh->ts_nprocs);
}

void
txn_attach(void)
{
	void *base = shm_region("txn");

	if (base == NULL)
		ph_internal("transaction shared memory is not set up");
	if (base != (void *)txn_sh)
		set_pointers(base);
}

txn_proc *
txn_my_proc(void)
{
	if (proc_my_index < 0)
		ph_internal("this process has no process slot");
	return &txn_procs[proc_my_index];
}

/* ---- bootstrap and startup -------------------------------------------------------------- */

void
txn_bootstrap(const char *datadir)
{
	static const char *const dirs[] = { "clog", "subtrans" };

	for (int i = 0; i < 2; i++) {
		char path[TXN_PATH_MAX + 32];

		snprintf(path, sizeof(path), "%s/%s", datadir, dirs[i]);
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			ph_error(ERRCODE_IO_ERROR, "could not create directory \"%s\": %s", path,
			         strerror(errno));
	}
}

void
txn_set_datadir(const char *datadir)
{
	txn_attach();
	if (strlen(datadir) >= TXN_PATH_MAX)
		ph_error(ERRCODE_NAME_TOO_LONG, "data directory path \"%s\" is too long", datadir);
	if (txn_sh->ts_datadir[0] == '\0')
		snprintf(txn_sh->ts_datadir, sizeof(txn_sh->ts_datadir), "%s", datadir);
}

void
txn_startup(const wal_recovery_result *rec)
{
	wal_control c;
	txn_xid next;

	txn_attach();
	if (txn_sh->ts_datadir[0] == '\0')
		ph_internal("txn_startup before txn_init_process");
	txn_bootstrap(txn_sh->ts_datadir); /* creates the directories if an old layout lacks them */
	wal_control_get(&c);
	next = c.next_xid;
	if (rec != NULL && rec->max_xid + 1 > next)
		next = rec->max_xid + 1;
	if (next < TXN_FIRST_NORMAL_XID)
		next = TXN_FIRST_NORMAL_XID;
	/* No xid below the persisted mark may be handed out again (invariant 9): start at it. */
	lwlock_acquire(&txn_sh->ts_xidgen_lock, LW_EXCLUSIVE);
	txn_sh->ts_next_xid = next;
	txn_sh->ts_xid_hwm = c.next_xid > next ? c.next_xid : next;
	atomic_store(&txn_sh->ts_latest_completed, next - 1);
	lwlock_release(&txn_sh->ts_xidgen_lock);
	slru_wipe(&txn_sh->ts_subtrans);
	txn_sh->ts_started = true;
}

txn_xid
txn_read_next_xid(void)
{
	txn_xid x;

	txn_attach();
	lwlock_acquire(&txn_sh->ts_xidgen_lock, LW_SHARED);
	x = txn_sh->ts_next_xid;
	lwlock_release(&txn_sh->ts_xidgen_lock);
	return x;
}

/* ---- assignment and end ---------------------------------------------------------------- */

txn_xid
txn_procarray_assign(bool top, txn_xid parent)
{
	txn_proc *me = txn_my_proc();
	txn_xid xid;

	if (!txn_sh->ts_started)
		ph_internal("transaction ids requested before txn_startup");
	lwlock_acquire(&txn_sh->ts_xidgen_lock, LW_EXCLUSIVE);
	xid = txn_sh->ts_next_xid;
	if (xid >= txn_sh->ts_xid_hwm) {
		/* persist a new mark before handing out anything at or above the old one */
		txn_sh->ts_xid_hwm = xid + TXN_XID_PREFETCH;
		wal_control_set_next_xid(txn_sh->ts_xid_hwm);
	}
	txn_sh->ts_next_xid = xid + 1;
	/* Published before XidGenLock is released (invariant 1). */
	if (top) {
		atomic_store(&me->tp_xid, xid);
	} else {
		uint32_t n = atomic_load(&me->tp_nsubxids);

		if (n < TXN_SUBXID_CACHE) {
			atomic_store(&me->tp_subxids[n], xid);
			atomic_store(&me->tp_nsubxids, n + 1);
		} else {
			atomic_store(&me->tp_overflowed, true);
		}
	}
	lwlock_release(&txn_sh->ts_xidgen_lock);
	if (!top)
		txn_subtrans_set_parent(xid, parent);
	return xid;
}

void
txn_procarray_end(txn_xid top, int nsub, const txn_xid *subxids)
{
	txn_proc *me = txn_my_proc();
	txn_xid maxx = top;

	for (int i = 0; i < nsub; i++)
		if (subxids[i] > maxx)
			maxx = subxids[i];
	if (top == TXN_INVALID_XID) {
		atomic_store(&me->tp_xmin, 0);
		return;
	}
	lwlock_acquire(&txn_sh->ts_procarray_lock, LW_EXCLUSIVE);
	if (maxx > atomic_load(&txn_sh->ts_latest_completed))
		atomic_store(&txn_sh->ts_latest_completed, maxx);
	atomic_store(&me->tp_xid, 0);
	atomic_store(&me->tp_nsubxids, 0);
	atomic_store(&me->tp_overflowed, false);
	atomic_store(&me->tp_xmin, 0);
	lwlock_release(&txn_sh->ts_procarray_lock);
}

void
txn_procarray_remove_subxids(int n, const txn_xid *subxids)
{
	txn_proc *me = txn_my_proc();
	txn_xid maxx = 0;

	lwlock_acquire(&txn_sh->ts_procarray_lock, LW_EXCLUSIVE);
	for (int i = 0; i < n; i++) {
		uint32_t cnt = atomic_load(&me->tp_nsubxids);

		if (subxids[i] > maxx)
			maxx = subxids[i];
		for (uint32_t k = 0; k < cnt; k++)
			if (atomic_load(&me->tp_subxids[k]) == subxids[i]) {
				atomic_store(&me->tp_subxids[k], atomic_load(&me->tp_subxids[cnt - 1]));
				atomic_store(&me->tp_nsubxids, cnt - 1);
				break;
			}
	}
	if (maxx > atomic_load(&txn_sh->ts_latest_completed))
		atomic_store(&txn_sh->ts_latest_completed, maxx);
	lwlock_release(&txn_sh->ts_procarray_lock);
}

/* ---- snapshots ----------------------------------------------------------------------------- */

txn_snapshot *
txn_snapshot_alloc(mem_ctx *ctx)
{
	txn_snapshot *s;

	txn_attach();
	s = mem_zalloc(ctx, sizeof(*s));
	s->xip = mem_alloc(ctx, sizeof(txn_xid) * txn_sh->ts_nprocs);
	s->subxip = mem_alloc(ctx, sizeof(txn_xid) * txn_sh->ts_nprocs * TXN_SUBXID_CACHE);
	return s;
}

void
txn_snapshot_fill(txn_snapshot *s, bool set_my_xmin)
{
	txn_xid xmax, xmin;
	uint32_t n = 0, ns = 0;
	bool over = false;

	lwlock_acquire(&txn_sh->ts_procarray_lock, LW_SHARED);
	xmax = atomic_load(&txn_sh->ts_latest_completed) + 1;
	xmin = xmax;
	for (uint32_t i = 0; i < txn_sh->ts_nprocs; i++) {
		txn_proc *p = &txn_procs[i];
		txn_xid x = atomic_load(&p->tp_xid);
		uint32_t cnt;

		if (x == TXN_INVALID_XID || x >= xmax)
			continue;
		s->xip[n++] = x;
		if (x < xmin)
			xmin = x;
		if (atomic_load(&p->tp_overflowed)) {
			over = true;
			continue;
		}
		cnt = atomic_load(&p->tp_nsubxids);
		for (uint32_t k = 0; k < cnt; k++) {
			txn_xid sx = atomic_load(&p->tp_subxids[k]);

			if (sx < xmax)
				s->subxip[ns++] = sx;
		}
	}
	/* Set under the shared hold: no xid below it can finish meanwhile (README 3). */
	if (set_my_xmin && proc_my_index >= 0)
		atomic_store(&txn_procs[proc_my_index].tp_xmin, xmin);
	lwlock_release(&txn_sh->ts_procarray_lock);
	s->xmin = xmin;
	s->xmax = xmax;
	s->xcnt = n;
	s->subxcnt = ns;
	s->suboverflowed = over;
	s->curcid = 0;
}

txn_snapshot *
txn_snapshot_take(mem_ctx *ctx)
{
	txn_snapshot *s = txn_snapshot_alloc(ctx);

	txn_snapshot_fill(s, false);
	return s;
}

txn_snapshot *
txn_snapshot_copy(mem_ctx *ctx, const txn_snapshot *src)
{
	txn_snapshot *s = mem_zalloc(ctx, sizeof(*s));

	*s = *src;
	s->xip = mem_alloc(ctx, sizeof(txn_xid) * (src->xcnt ? src->xcnt : 1));
	s->subxip = mem_alloc(ctx, sizeof(txn_xid) * (src->subxcnt ? src->subxcnt : 1));
	memcpy(s->xip, src->xip, sizeof(txn_xid) * src->xcnt);
	memcpy(s->subxip, src->subxip, sizeof(txn_xid) * src->subxcnt);
	return s;
}

/* ---- running? horizon? ------------------------------------------------------------------- */

static bool
scan_for(txn_xid xid, bool *overflow_seen)
{
	bool found = false;

	lwlock_acquire(&txn_sh->ts_procarray_lock, LW_SHARED);
	for (uint32_t i = 0; i < txn_sh->ts_nprocs && !found; i++) {
		txn_proc *p = &txn_procs[i];
		uint32_t cnt;

		if (atomic_load(&p->tp_xid) == TXN_INVALID_XID)
			continue;
		if (atomic_load(&p->tp_xid) == xid) {
			found = true;
			break;
		}
		cnt = atomic_load(&p->tp_nsubxids);
		for (uint32_t k = 0; k < cnt; k++)
			if (atomic_load(&p->tp_subxids[k]) == xid)
				found = true;
		if (atomic_load(&p->tp_overflowed))
			*overflow_seen = true;
	}
	lwlock_release(&txn_sh->ts_procarray_lock);
	return found;
}

bool
txn_xid_in_progress(txn_xid xid)
{
	bool over = false;
	txn_xid top;

	if (xid < TXN_FIRST_NORMAL_XID)
		return false;
	txn_attach();
	if (xid >= txn_read_next_xid())
		return false; /* never assigned */
	if (scan_for(xid, &over))
		return true;
	if (!over)
		return false;
	/* Some process has more subxids than it can publish: map to the top level. */
	if (txn_clog_get(xid, NULL) == TXN_STATUS_ABORTED)
		return false;
	top = txn_subtrans_topmost(xid);
	if (top == xid)
		return false;
	return scan_for(top, &over);
}

txn_xid
txn_global_xmin(void)
{
	txn_xid h;

	txn_attach();
	lwlock_acquire(&txn_sh->ts_procarray_lock, LW_SHARED);
	h = atomic_load(&txn_sh->ts_latest_completed) + 1;
	for (uint32_t i = 0; i < txn_sh->ts_nprocs; i++) {
		txn_xid x = atomic_load(&txn_procs[i].tp_xid), m = atomic_load(&txn_procs[i].tp_xmin);

		if (x != TXN_INVALID_XID && x < h)
			h = x;
		if (m != TXN_INVALID_XID && m < h)
			h = m;
	}
	lwlock_release(&txn_sh->ts_procarray_lock);
	return h;
}
