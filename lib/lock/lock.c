/*
 * lock.c — the lock table: acquire, wait, release, wake-up, the process-local table of held
 * locks, subtransaction levels, prevention policies.  See README.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <sys/time.h>

#include "lock/lock_int.h"
#include "shm/latch.h"
#include "shm/proc.h"
#include "shm/shm.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"

lock_shared *lock_sh;
int32_t *lock_buckets;
lock_obj *lock_objs;
proclock *lock_pls;
lock_proc *lock_procs;

#define BIT(m) (1u << (m))
#define ALIGN_UP(x, a) (((x) + (a) - 1) & ~((size_t)(a) - 1))
#define TRANCHE_LOCK_PARTITION 40

/* ---- modes -------------------------------------------------------------------------------- */

static const uint32_t conflict_tab[LOCK_NMODES] = {
	[LOCK_NONE] = 0,
	[LOCK_ACCESS_SHARE] = BIT(LOCK_ACCESS_EXCLUSIVE),
	[LOCK_ROW_SHARE] = BIT(LOCK_EXCLUSIVE) | BIT(LOCK_ACCESS_EXCLUSIVE),
	[LOCK_ROW_EXCLUSIVE] = BIT(LOCK_SHARE) | BIT(LOCK_SHARE_ROW_EXCLUSIVE) | BIT(LOCK_EXCLUSIVE) |
	                       BIT(LOCK_ACCESS_EXCLUSIVE),
	[LOCK_SHARE_UPDATE_EXCLUSIVE] = BIT(LOCK_SHARE_UPDATE_EXCLUSIVE) | BIT(LOCK_SHARE) |
	                                BIT(LOCK_SHARE_ROW_EXCLUSIVE) | BIT(LOCK_EXCLUSIVE) |
	                                BIT(LOCK_ACCESS_EXCLUSIVE),
	[LOCK_SHARE] = BIT(LOCK_ROW_EXCLUSIVE) | BIT(LOCK_SHARE_UPDATE_EXCLUSIVE) |
	               BIT(LOCK_SHARE_ROW_EXCLUSIVE) | BIT(LOCK_EXCLUSIVE) | BIT(LOCK_ACCESS_EXCLUSIVE),
	[LOCK_SHARE_ROW_EXCLUSIVE] = BIT(LOCK_ROW_EXCLUSIVE) | BIT(LOCK_SHARE_UPDATE_EXCLUSIVE) |
	                             BIT(LOCK_SHARE) | BIT(LOCK_SHARE_ROW_EXCLUSIVE) |
	                             BIT(LOCK_EXCLUSIVE) | BIT(LOCK_ACCESS_EXCLUSIVE),
	[LOCK_EXCLUSIVE] = BIT(LOCK_ROW_SHARE) | BIT(LOCK_ROW_EXCLUSIVE) |
	                   BIT(LOCK_SHARE_UPDATE_EXCLUSIVE) | BIT(LOCK_SHARE) |
	                   BIT(LOCK_SHARE_ROW_EXCLUSIVE) | BIT(LOCK_EXCLUSIVE) |
	                   BIT(LOCK_ACCESS_EXCLUSIVE),
	[LOCK_ACCESS_EXCLUSIVE] = 0x1feu, /* modes 1..8 */
	[LOCK_FOR_KEY_SHARE] = BIT(LOCK_FOR_UPDATE),
	[LOCK_FOR_SHARE] = BIT(LOCK_FOR_NO_KEY_UPDATE) | BIT(LOCK_FOR_UPDATE),
	[LOCK_FOR_NO_KEY_UPDATE] = BIT(LOCK_FOR_SHARE) | BIT(LOCK_FOR_NO_KEY_UPDATE) |
	                           BIT(LOCK_FOR_UPDATE),
	[LOCK_FOR_UPDATE] = BIT(LOCK_FOR_KEY_SHARE) | BIT(LOCK_FOR_SHARE) |
	                    BIT(LOCK_FOR_NO_KEY_UPDATE) | BIT(LOCK_FOR_UPDATE),
};

static const char *const mode_names[LOCK_NMODES] = {
	"NoLock", "AccessShareLock", "RowShareLock", "RowExclusiveLock",
	"ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock",
	"AccessExclusiveLock", "ForKeyShareLock", "ForShareLock", "ForNoKeyUpdateLock",
	"ForUpdateLock",
};

uint32_t
lock_conflict_mask(lock_mode m)
{
	return (unsigned)m < LOCK_NMODES ? conflict_tab[m] : 0;
}

bool
lock_conflicts(lock_mode a, lock_mode b)
{
	return (lock_conflict_mask(a) & BIT(b)) != 0;
}

const char *
lock_mode_name(lock_mode m)
{
	return (unsigned)m < LOCK_NMODES ? mode_names[m] : "?";
}

void
lock_tag_describe(const lock_tag *t, char *buf, size_t len)
{
	switch (t->kind) {
	case LOCKTAG_RELATION:
		snprintf(buf, len, "relation %u of database %u", t->rel, t->db);
		break;
	case LOCKTAG_TUPLE:
		snprintf(buf, len, "tuple (%u,%llu) of relation %u of database %u", t->blk,
		         (unsigned long long)t->id, t->rel, t->db);
		break;
	case LOCKTAG_XACT:
		snprintf(buf, len, "transaction %llu", (unsigned long long)t->id);
		break;
	case LOCKTAG_PAGE:
		snprintf(buf, len, "page %u of relation %u of database %u", t->blk, t->rel, t->db);
		break;
	case LOCKTAG_ADVISORY:
		snprintf(buf, len, "advisory lock [%u,%u,%llu]", t->db, t->rel, (unsigned long long)t->id);
		break;
	default:
		snprintf(buf, len, "unknown lock kind %u", t->kind);
	}
}

static bool
mode_fits(const lock_tag *t, lock_mode m)
{
	if (t->kind < LOCKTAG_RELATION || t->kind > LOCKTAG_ADVISORY)
		return false;
	if (t->kind == LOCKTAG_TUPLE)
		return m >= LOCK_FOR_KEY_SHARE && m <= LOCK_FOR_UPDATE;
	return m >= LOCK_ACCESS_SHARE && m <= LOCK_ACCESS_EXCLUSIVE;
}

static uint32_t
tag_hash(const lock_tag *t)
{
	/* FNV-1a over the fields, then a final mix */
	uint64_t h = 1469598103934665603ull;
	uint64_t v[4] = { t->kind, ((uint64_t)t->db << 32) | t->rel, t->blk, t->id };

	for (int i = 0; i < 4; i++) {
		h ^= v[i];
		h *= 1099511628211ull;
		h ^= h >> 29;
	}
	return (uint32_t)(h ^ (h >> 32));
}

static bool
tag_eq(const lock_tag *a, const lock_tag *b)
{
	return a->kind == b->kind && a->db == b->db && a->rel == b->rel && a->blk == b->blk &&
	       a->id == b->id;
}

/* ---- shared memory ------------------------------------------------------------------------ */

static void
sizes(uint32_t *nbuckets, uint32_t *nobj, uint32_t *npl, uint32_t *nprocs)
{
	uint64_t n = (uint64_t)settings.max_locks_per_transaction * proc_nslots();

	*nprocs = proc_nslots();
	*nobj = (uint32_t)n;
	*npl = (uint32_t)(2 * n);
	*nbuckets = 64;
	while (*nbuckets * LOCK_PARTITIONS < *nobj)
		*nbuckets *= 2;
}

static size_t
layout(uint32_t nb, uint32_t nobj, uint32_t npl, uint32_t nprocs, size_t off[4])
{
	size_t o = ALIGN_UP(sizeof(lock_shared), 64);

	off[0] = o;
	o += sizeof(int32_t) * LOCK_PARTITIONS * nb;
	o = ALIGN_UP(o, 64);
	off[1] = o;
	o += sizeof(lock_obj) * nobj;
	o = ALIGN_UP(o, 64);
	off[2] = o;
	o += sizeof(proclock) * npl;
	o = ALIGN_UP(o, 64);
	off[3] = o;
	o += sizeof(lock_proc) * nprocs;
	return o;
}

size_t
lock_shmem_size(void)
{
	uint32_t nb, nobj, npl, np;
	size_t off[4];

	sizes(&nb, &nobj, &npl, &np);
	return layout(nb, nobj, npl, np, off);
}

static void
set_pointers(void *base)
{
	size_t off[4];

	lock_sh = base;
	layout(lock_sh->ls_nbuckets, lock_sh->ls_nobj, lock_sh->ls_npl, lock_sh->ls_nprocs, off);
	lock_buckets = (int32_t *)((char *)base + off[0]);
	lock_objs = (lock_obj *)((char *)base + off[1]);
	lock_pls = (proclock *)((char *)base + off[2]);
	lock_procs = (lock_proc *)((char *)base + off[3]);
}

void
lock_shmem_init(void *base, size_t size)
{
	uint32_t nb, nobj, npl, np;

	memset(base, 0, size);
	sizes(&nb, &nobj, &npl, &np);
	lock_sh = base;
	lock_sh->ls_nbuckets = nb;
	lock_sh->ls_nobj = nobj;
	lock_sh->ls_npl = npl;
	lock_sh->ls_nprocs = np;
	for (int i = 0; i < LOCK_PARTITIONS; i++)
		lwlock_init(&lock_sh->ls_part[i], TRANCHE_LOCK_PARTITION);
	spin_init(&lock_sh->ls_obj_lck);
	spin_init(&lock_sh->ls_pl_lck);
	set_pointers(base);
	for (uint32_t i = 0; i < LOCK_PARTITIONS * nb; i++)
		lock_buckets[i] = NIL;
	for (uint32_t i = 0; i < nobj; i++)
		lock_objs[i].lo_next = i + 1 < nobj ? (int32_t)(i + 1) : NIL;
	lock_sh->ls_obj_free = 0;
	for (uint32_t i = 0; i < npl; i++)
		lock_pls[i].pl_next = i + 1 < npl ? (int32_t)(i + 1) : NIL;
	lock_sh->ls_pl_free = 0;
}

void
lock_attach(void)
{
	void *base = shm_region("lock");

	if (base == NULL)
		ph_internal("lock shared memory is not set up");
	if (base != (void *)lock_sh)
		set_pointers(base);
}

/* ---- pools -------------------------------------------------------------------------------- */

static int32_t
pool_get(spinlock *lck, int32_t *head, int32_t *(*next)(int32_t))
{
	int32_t i;

	spin_acquire(lck);
	i = *head;
	if (i != NIL)
		*head = *next(i);
	spin_release(lck);
	return i;
}

static void
pool_put(spinlock *lck, int32_t *head, int32_t *(*next)(int32_t), int32_t i)
{
	spin_acquire(lck);
	*next(i) = *head;
	*head = i;
	spin_release(lck);
}

static int32_t *
obj_next(int32_t i)
{
	return &lock_objs[i].lo_next;
}

static int32_t *
pl_next(int32_t i)
{
	return &lock_pls[i].pl_next;
}

/* ---- the hash table (partition lock held) ------------------------------------------------- */

static int
partition_of(uint32_t hash)
{
	return (int)(hash % LOCK_PARTITIONS);
}

static int32_t *
bucket_of(uint32_t hash)
{
	return &lock_buckets[(size_t)partition_of(hash) * lock_sh->ls_nbuckets +
	                     (hash / LOCK_PARTITIONS) % lock_sh->ls_nbuckets];
}

static int32_t
obj_find(const lock_tag *tag, uint32_t hash)
{
	for (int32_t i = *bucket_of(hash); i != NIL; i = lock_objs[i].lo_next)
		if (lock_objs[i].lo_hash == hash && tag_eq(&lock_objs[i].lo_tag, tag))
			return i;
	return NIL;
}

static int32_t
obj_create(const lock_tag *tag, uint32_t hash)
{
	int32_t i = pool_get(&lock_sh->ls_obj_lck, &lock_sh->ls_obj_free, obj_next);
	int32_t *b;
	lock_obj *o;

	if (i == NIL)
		return NIL;
	o = &lock_objs[i];
	memset(o, 0, sizeof(*o));
	o->lo_tag = *tag;
	o->lo_hash = hash;
	o->lo_holders = o->lo_qhead = o->lo_qtail = NIL;
	b = bucket_of(hash);
	o->lo_next = *b;
	*b = i;
	return i;
}

static void
obj_free(int32_t i)
{
	int32_t *p = bucket_of(lock_objs[i].lo_hash);

	while (*p != i)
		p = &lock_objs[*p].lo_next;
	*p = lock_objs[i].lo_next;
	pool_put(&lock_sh->ls_obj_lck, &lock_sh->ls_obj_free, obj_next, i);
}

static int32_t
pl_find(lock_obj *o, int proc)
{
	for (int32_t i = o->lo_holders; i != NIL; i = lock_pls[i].pl_next)
		if (lock_pls[i].pl_proc == proc)
			return i;
	return NIL;
}

static int32_t
pl_create(int32_t obj, int proc)
{
	int32_t i = pool_get(&lock_sh->ls_pl_lck, &lock_sh->ls_pl_free, pl_next);
	lock_obj *o = &lock_objs[obj];
	proclock *pl;

	if (i == NIL)
		return NIL;
	pl = &lock_pls[i];
	memset(pl, 0, sizeof(*pl));
	pl->pl_lock = obj;
	pl->pl_proc = proc;
	pl->pl_qnext = pl->pl_qprev = NIL;
	pl->pl_prev = NIL;
	pl->pl_next = o->lo_holders;
	if (o->lo_holders != NIL)
		lock_pls[o->lo_holders].pl_prev = i;
	o->lo_holders = i;
	return i;
}

/* Unlink a proclock that holds nothing and waits for nothing; free the object when empty.
 * Returns false if the object was freed. */
static bool
pl_drop(lock_obj *o, int32_t i)
{
	proclock *pl = &lock_pls[i];

	if (pl->pl_prev != NIL)
		lock_pls[pl->pl_prev].pl_next = pl->pl_next;
	else
		o->lo_holders = pl->pl_next;
	if (pl->pl_next != NIL)
		lock_pls[pl->pl_next].pl_prev = pl->pl_prev;
	pool_put(&lock_sh->ls_pl_lck, &lock_sh->ls_pl_free, pl_next, i);
	if (o->lo_holders == NIL) {
		obj_free((int32_t)(o - lock_objs));
		return false;
	}
	return true;
}

/* ---- grant rules (partition lock held) ---------------------------------------------------- */

/* Modes held by processes other than pl's owner. */
static uint32_t
others_mask(const lock_obj *o, const proclock *pl)
{
	uint32_t m = 0;

	for (int k = 1; k < LOCK_NMODES; k++) {
		int n = o->lo_granted[k] - ((pl && (pl->pl_hold_mask & BIT(k))) ? 1 : 0);

		if (n > 0)
			m |= BIT(k);
	}
	return m;
}

static void
grant(lock_obj *o, proclock *pl, lock_mode mode)
{
	pl->pl_hold_mask |= BIT(mode);
	o->lo_granted[mode]++;
	o->lo_grant_mask |= BIT(mode);
	atomic_fetch_add_explicit(&lock_sh->st_acquired, 1, memory_order_relaxed);
}

static void
ungrant(lock_obj *o, proclock *pl, lock_mode mode)
{
	pl->pl_hold_mask &= ~BIT(mode);
	if (--o->lo_granted[mode] == 0)
		o->lo_grant_mask &= ~BIT(mode);
}

static void
recompute_wait_mask(lock_obj *o)
{
	uint32_t m = 0;

	for (int32_t i = o->lo_qhead; i != NIL; i = lock_pls[i].pl_qnext)
		m |= BIT(lock_pls[i].pl_wait_mode);
	o->lo_wait_mask = m;
}

static void
queue_unlink(lock_obj *o, proclock *pl)
{
	int32_t i = (int32_t)(pl - lock_pls);

	if (pl->pl_qprev != NIL)
		lock_pls[pl->pl_qprev].pl_qnext = pl->pl_qnext;
	else
		o->lo_qhead = pl->pl_qnext;
	if (pl->pl_qnext != NIL)
		lock_pls[pl->pl_qnext].pl_qprev = pl->pl_qprev;
	else
		o->lo_qtail = pl->pl_qprev;
	pl->pl_qnext = pl->pl_qprev = NIL;
	pl->pl_wait_mode = 0;
	(void)i;
	recompute_wait_mask(o);
}

void
lock_wakeup(lock_obj *o)
{
	uint32_t ahead = 0;
	int32_t i = o->lo_qhead;

	while (i != NIL) {
		proclock *pl = &lock_pls[i];
		int32_t next = pl->pl_qnext;
		lock_mode m = (lock_mode)pl->pl_wait_mode;
		uint32_t c = conflict_tab[m];

		if (!(c & others_mask(o, pl)) && !(c & ahead)) {
			lock_proc *lp = &lock_procs[pl->pl_proc];

			queue_unlink(o, pl);
			grant(o, pl, m);
			atomic_store(&lp->lp_wait_status, LW_GRANTED);
			latch_set(pl->pl_proc);
		} else {
			ahead |= BIT(m);
		}
		i = next;
	}
}

bool
lock_dequeue(lock_obj *o, proclock *pl)
{
	queue_unlink(o, pl);
	if (pl->pl_hold_mask == 0 && !pl_drop(o, (int32_t)(pl - lock_pls)))
		return false;
	lock_wakeup(o);
	return true;
}

/* ---- process-local table ------------------------------------------------------------------ */

typedef struct local_lock {
	lock_tag tag;
	uint32_t hash;
	uint8_t mode;
	uint32_t xact_count;
	uint32_t session_count;
	int level;
	int32_t pl;               /* shared proclock */
} local_lock;

static local_lock *ltab;
static int nlocal, caplocal;
static int32_t *lidx;         /* open addressing: entry index + 1, 0 empty */
static int lidx_cap;
static int cur_level;
static int64_t stmt_deadline_us;
static void lidx_rebuild(void);
static int32_t ltab_pid;      /* process the table belongs to (a forked child starts empty) */

/* A child forked by a process holding locks inherits its table but none of its locks. */
static void
local_check_owner(void)
{
	int32_t pid = proc_me ? proc_me->ps_pid : 0;

	if (ltab_pid != pid) {
		nlocal = 0;
		cur_level = 0;
		stmt_deadline_us = 0;
		if (caplocal > 0)
			lidx_rebuild();
		ltab_pid = pid;
	}
}

static uint32_t
local_hash(const lock_tag *t, uint32_t h, lock_mode m)
{
	(void)t;
	return h * 31u + (uint32_t)m;
}

static void
lidx_rebuild(void)
{
	if (lidx_cap < 2 * caplocal) {
		free(lidx);
		lidx_cap = 16;
		while (lidx_cap < 2 * caplocal)
			lidx_cap *= 2;
		lidx = malloc(sizeof(int32_t) * (size_t)lidx_cap);
		if (lidx == NULL)
			ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory");
	}
	memset(lidx, 0, sizeof(int32_t) * (size_t)lidx_cap);
	for (int e = 0; e < nlocal; e++) {
		uint32_t k = local_hash(&ltab[e].tag, ltab[e].hash, ltab[e].mode) & (uint32_t)(lidx_cap - 1);

		while (lidx[k] != 0)
			k = (k + 1) & (uint32_t)(lidx_cap - 1);
		lidx[k] = e + 1;
	}
}

static local_lock *
local_find(const lock_tag *t, uint32_t h, lock_mode m)
{
	uint32_t k;

	if (lidx_cap == 0)
		return NULL;
	k = local_hash(t, h, m) & (uint32_t)(lidx_cap - 1);
	while (lidx[k] != 0) {
		local_lock *l = &ltab[lidx[k] - 1];

		if (l->hash == h && l->mode == m && tag_eq(&l->tag, t))
			return l;
		k = (k + 1) & (uint32_t)(lidx_cap - 1);
	}
	return NULL;
}

static local_lock *
local_add(const lock_tag *t, uint32_t h, lock_mode m, int32_t pl)
{
	local_lock *l;
	uint32_t k;

	if (nlocal == caplocal) {
		int nc = caplocal ? caplocal * 2 : 32;
		local_lock *n = realloc(ltab, sizeof(local_lock) * (size_t)nc);

		if (n == NULL)
			ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory");
		ltab = n;
		caplocal = nc;
		lidx_rebuild();
	}
	l = &ltab[nlocal++];
	memset(l, 0, sizeof(*l));
	l->tag = *t;
	l->hash = h;
	l->mode = (uint8_t)m;
	l->pl = pl;
	l->level = cur_level;
	k = local_hash(t, h, m) & (uint32_t)(lidx_cap - 1);
	while (lidx[k] != 0)
		k = (k + 1) & (uint32_t)(lidx_cap - 1);
	lidx[k] = nlocal;
	return l;
}

/* Remove entries whose counts are both zero, then rebuild the index. */
static void
local_compact(void)
{
	int j = 0;

	for (int i = 0; i < nlocal; i++)
		if (ltab[i].xact_count > 0 || ltab[i].session_count > 0)
			ltab[j++] = ltab[i];
	nlocal = j;
	if (caplocal > 0)
		lidx_rebuild();
}

/* ---- acquire ------------------------------------------------------------------------------ */

static int64_t
now_us(void)
{
	return proc_now_us();
}

static lock_proc *
my_lp(void)
{
	return &lock_procs[proc_my_index];
}

/* Is process a older than process b (by transaction age)? */
static bool
older(int a, int b)
{
	int64_t sa = atomic_load(&lock_procs[a].lp_txn_start_us);
	int64_t sb = atomic_load(&lock_procs[b].lp_txn_start_us);
	uint64_t xa, xb;

	if (sa == 0)
		sa = INT64_MAX;
	if (sb == 0)
		sb = INT64_MAX;
	if (sa != sb)
		return sa < sb;
	xa = atomic_load(&lock_procs[a].lp_xid);
	xb = atomic_load(&lock_procs[b].lp_xid);
	if (xa == 0)
		xa = UINT64_MAX;
	if (xb == 0)
		xb = UINT64_MAX;
	if (xa != xb)
		return xa < xb;
	return a < b;
}

void
lock_leave_message(int victim, const char *msg)
{
	lock_proc *lp = &lock_procs[victim];
	unsigned expect = 0;

	if (atomic_compare_exchange_strong(&lp->lp_msg_busy, &expect, 1u)) {
		snprintf(lp->lp_msg, sizeof(lp->lp_msg), "%s", msg);
		atomic_store(&lp->lp_msg_busy, 2u); /* complete */
	}
}

static noreturn void
raise_deadlock(const char *primary, const char *fallback_detail)
{
	lock_proc *lp = my_lp();
	char detail[LOCK_MSG_MAX];

	if (atomic_load(&lp->lp_msg_busy) == 2u)
		snprintf(detail, sizeof(detail), "%s", lp->lp_msg);
	else
		snprintf(detail, sizeof(detail), "%s", fallback_detail);
	atomic_store(&lp->lp_msg_busy, 0u);
	atomic_fetch_and(&proc_me->ps_interrupts, ~PI_DEADLOCK);
	ERR_BEGIN(ERRCODE_DEADLOCK_DETECTED);
	err_detail("%s", detail);
	err_hint("See server log for query details.");
	err_throw("%s", primary);
}

/*
 * Prevention policies (partition lock held).  Returns true if the requester must die
 * (wait_die); wounds younger blockers (wound_wait).  Blockers: holders of conflicting modes
 * and earlier waiters for conflicting modes.
 */
static bool
apply_policy(lock_obj *o, proclock *me_pl, lock_mode mode, char *why, size_t whylen)
{
	uint32_t c = conflict_tab[mode];
	int me = proc_my_index;
	char desc[160];

	if (settings.deadlock_policy == 0)
		return false;
	lock_tag_describe(&o->lo_tag, desc, sizeof(desc));
	for (int32_t i = o->lo_holders; i != NIL; i = lock_pls[i].pl_next) {
		proclock *pl = &lock_pls[i];
		bool blocks = pl != me_pl && ((pl->pl_hold_mask & c) || (pl->pl_wait_mode && (c & BIT(pl->pl_wait_mode))));
		int other = pl->pl_proc;

		if (!blocks)
			continue;
		if (settings.deadlock_policy == 1) { /* wait_die */
			if (!older(me, other)) {
				snprintf(why, whylen,
				         "Process %d would wait for %s on %s held or requested by older process %d "
				         "(deadlock_policy = wait_die).",
				         (int)proc_me->ps_pid, lock_mode_name(mode), desc,
				         (int)proc_tab->pt_slots[other].ps_pid);
				atomic_fetch_add(&lock_sh->st_prevented, 1);
				return true;
			}
		} else if (older(me, other)) { /* wound_wait: wound the younger blocker */
			char msg[LOCK_MSG_MAX];

			snprintf(msg, sizeof(msg),
			         "Process %d was wounded by older process %d, which waits for %s on %s "
			         "(deadlock_policy = wound_wait).",
			         (int)proc_tab->pt_slots[other].ps_pid, (int)proc_me->ps_pid,
			         lock_mode_name(mode), desc);
			lock_leave_message(other, msg);
			atomic_fetch_or(&proc_tab->pt_slots[other].ps_interrupts, PI_DEADLOCK);
			latch_set(other);
			atomic_fetch_add(&lock_sh->st_prevented, 1);
		}
	}
	return false;
}

/* Remove my queued request after an error; keep a grant that raced with it. */
static void
abort_wait(int part, const lock_tag *tag, uint32_t hash, lock_mode mode, bool session)
{
	lock_proc *lp = my_lp();
	uint32_t st;

	lwlock_acquire(&lock_sh->ls_part[part], LW_EXCLUSIVE);
	st = atomic_load(&lp->lp_wait_status);
	if (st == LW_WAITING) {
		lock_obj *o = &lock_objs[lp->lp_wait_lock];

		lock_dequeue(o, &lock_pls[lp->lp_wait_proclock]);
	} else if (st == LW_GRANTED) {
		local_lock *l = local_add(tag, hash, mode, lp->lp_wait_proclock);

		if (session)
			l->session_count = 1;
		else
			l->xact_count = 1;
	}
	atomic_store(&lp->lp_wait_status, LW_NONE);
	lwlock_release(&lock_sh->ls_part[part]);
	atomic_fetch_sub(&lock_sh->ls_nwaiting, 1);
}

static void
wait_for_grant(int part, const lock_tag *tag, uint32_t hash, lock_mode mode, bool session)
{
	lock_proc *lp = my_lp();
	int64_t start = lp->lp_wait_start_us;
	bool checked = false;

	for (;;) {
		uint32_t st, ints;
		int64_t now, timeout = -1;

		latch_reset();
		st = atomic_load(&lp->lp_wait_status);
		if (st == LW_GRANTED) {
			atomic_store(&lp->lp_wait_status, LW_NONE);
			atomic_fetch_sub(&lock_sh->ls_nwaiting, 1);
			return;
		}
		if (st == LW_DEADLOCK) {
			atomic_store(&lp->lp_wait_status, LW_NONE);
			atomic_fetch_sub(&lock_sh->ls_nwaiting, 1);
			raise_deadlock("deadlock detected", "");
		}
		ints = atomic_load(&proc_me->ps_interrupts);
		if (ints & (PI_CANCEL | PI_TERMINATE | PI_DEADLOCK)) {
			abort_wait(part, tag, hash, mode, session);
			if (ints & PI_TERMINATE)
				ph_fatal(ERRCODE_ADMIN_SHUTDOWN, "terminating connection due to administrator command");
			if (ints & PI_DEADLOCK)
				raise_deadlock("deadlock detected", "Another transaction's lock request aborted this one.");
			atomic_fetch_and(&proc_me->ps_interrupts, ~PI_CANCEL);
			ph_error(ERRCODE_QUERY_CANCELED, "canceling statement due to user request");
		}
		now = now_us();
		if (settings.lock_timeout > 0) {
			int64_t left = start + settings.lock_timeout * 1000 - now;

			if (left <= 0) {
				char desc[160];

				abort_wait(part, tag, hash, mode, session);
				atomic_fetch_add(&lock_sh->st_timeouts, 1);
				lock_tag_describe(tag, desc, sizeof(desc));
				ERR_BEGIN(ERRCODE_LOCK_NOT_AVAILABLE);
				err_detail("Waited %lld ms for %s on %s.", (long long)settings.lock_timeout,
				           lock_mode_name(mode), desc);
				err_throw("canceling statement due to lock timeout");
			}
			timeout = left;
		}
		if (stmt_deadline_us > 0) {
			int64_t left = stmt_deadline_us - now;

			if (left <= 0) {
				abort_wait(part, tag, hash, mode, session);
				ph_error(ERRCODE_QUERY_CANCELED, "canceling statement due to statement timeout");
			}
			if (timeout < 0 || left < timeout)
				timeout = left;
		}
		if (!checked) {
			int64_t left = start + settings.deadlock_timeout * 1000 - now;

			if (left <= 0) {
				checked = true;
				lock_deadlock_check();
				continue;
			}
			if (timeout < 0 || left < timeout)
				timeout = left;
		}
		latch_wait(timeout < 0 ? -1 : (timeout + 999) / 1000);
	}
}

lock_result
lock_acquire(const lock_tag *tag, lock_mode mode, bool session, bool nowait)
{
	uint32_t hash = tag_hash(tag);
	int part = partition_of(hash);
	local_lock *l;
	int32_t oi, pi;
	lock_obj *o;
	proclock *pl;
	lock_proc *lp;
	char why[LOCK_MSG_MAX];

	if (!mode_fits(tag, mode))
		ph_internal("lock mode %d does not fit lock kind %d", (int)mode, (int)tag->kind);
	if (proc_me == NULL)
		ph_internal("lock_acquire needs a process slot");
	lock_attach();
	local_check_owner();
	l = local_find(tag, hash, mode);
	if (l != NULL && (l->xact_count > 0 || l->session_count > 0)) {
		if (session)
			l->session_count++;
		else {
			if (l->xact_count == 0)
				l->level = cur_level;
			l->xact_count++;
		}
		return LOCK_ALREADY_HELD;
	}
	lwlock_acquire(&lock_sh->ls_part[part], LW_EXCLUSIVE);
	oi = obj_find(tag, hash);
	if (oi == NIL)
		oi = obj_create(tag, hash);
	if (oi == NIL)
		goto out_of_memory;
	o = &lock_objs[oi];
	pi = pl_find(o, proc_my_index);
	if (pi == NIL)
		pi = pl_create(oi, proc_my_index);
	if (pi == NIL) {
		if (o->lo_holders == NIL)
			obj_free(oi);
		goto out_of_memory;
	}
	pl = &lock_pls[pi];
	{
		uint32_t c = conflict_tab[mode];
		bool jump = false;

		/* Held by me already in this mode (through the other of session/xact)? */
		if (pl->pl_hold_mask & BIT(mode))
			goto granted;
		/* A waiter that waits for me must not be waited for. */
		for (int32_t q = o->lo_qhead; q != NIL; q = lock_pls[q].pl_qnext)
			if (conflict_tab[lock_pls[q].pl_wait_mode] & pl->pl_hold_mask)
				jump = true;
		if (!(c & others_mask(o, pl)) && (jump || !(c & o->lo_wait_mask))) {
			grant(o, pl, mode);
			goto granted;
		}
		if (nowait) {
			if (pl->pl_hold_mask == 0)
				pl_drop(o, pi);
			lwlock_release(&lock_sh->ls_part[part]);
			return LOCK_NOT_AVAIL;
		}
		if (apply_policy(o, pl, mode, why, sizeof(why))) {
			if (pl->pl_hold_mask == 0)
				pl_drop(o, pi);
			lwlock_release(&lock_sh->ls_part[part]);
			ERR_BEGIN(ERRCODE_DEADLOCK_DETECTED);
			err_detail("%s", why);
			err_hint("Retry the transaction.");
			err_throw("deadlock prevented: transaction aborted instead of waiting for an older one");
		}
		/* enqueue: at the tail, or before the first waiter that waits for me */
		{
			int32_t before = NIL;

			if (pl->pl_hold_mask)
				for (int32_t q = o->lo_qhead; q != NIL; q = lock_pls[q].pl_qnext)
					if (conflict_tab[lock_pls[q].pl_wait_mode] & pl->pl_hold_mask) {
						before = q;
						break;
					}
			pl->pl_wait_mode = (uint8_t)mode;
			if (before == NIL) {
				pl->pl_qprev = o->lo_qtail;
				pl->pl_qnext = NIL;
				if (o->lo_qtail != NIL)
					lock_pls[o->lo_qtail].pl_qnext = pi;
				else
					o->lo_qhead = pi;
				o->lo_qtail = pi;
			} else {
				proclock *b = &lock_pls[before];

				pl->pl_qnext = before;
				pl->pl_qprev = b->pl_qprev;
				if (b->pl_qprev != NIL)
					lock_pls[b->pl_qprev].pl_qnext = pi;
				else
					o->lo_qhead = pi;
				b->pl_qprev = pi;
			}
			o->lo_wait_mask |= BIT(mode);
		}
		lp = my_lp();
		lp->lp_wait_lock = oi;
		lp->lp_wait_proclock = pi;
		lp->lp_wait_mode = (uint8_t)mode;
		lp->lp_wait_start_us = now_us();
		atomic_store(&lp->lp_wait_status, LW_WAITING);
		atomic_fetch_add(&lock_sh->ls_nwaiting, 1);
		atomic_fetch_add(&lock_sh->st_waits, 1);
		lwlock_release(&lock_sh->ls_part[part]);
		wait_for_grant(part, tag, hash, mode, session);
		goto record;
	}
granted:
	lwlock_release(&lock_sh->ls_part[part]);
record:
	if (l == NULL)
		l = local_add(tag, hash, mode, pi);
	l->pl = pi;
	if (session)
		l->session_count = 1;
	else {
		l->xact_count = 1;
		l->level = cur_level;
	}
	return LOCK_OK;

out_of_memory:
	lwlock_release(&lock_sh->ls_part[part]);
	ERR_BEGIN(ERRCODE_OUT_OF_MEMORY);
	err_hint("You might need to increase max_locks_per_transaction.");
	err_throw("out of shared memory");
}

/* ---- release ------------------------------------------------------------------------------ */

static void
release_shared(local_lock *l)
{
	int part = partition_of(l->hash);
	lock_obj *o;
	proclock *pl;

	lwlock_acquire(&lock_sh->ls_part[part], LW_EXCLUSIVE);
	pl = &lock_pls[l->pl];
	o = &lock_objs[pl->pl_lock];
	PH_ASSERT(pl->pl_proc == proc_my_index && (pl->pl_hold_mask & BIT(l->mode)));
	ungrant(o, pl, (lock_mode)l->mode);
	if (pl->pl_hold_mask == 0 && pl->pl_wait_mode == 0) {
		if (pl_drop(o, l->pl))
			lock_wakeup(o);
	} else {
		lock_wakeup(o);
	}
	lwlock_release(&lock_sh->ls_part[part]);
}

bool
lock_release(const lock_tag *tag, lock_mode mode, bool session)
{
	uint32_t hash = tag_hash(tag);
	local_lock *l;

	local_check_owner();
	l = local_find(tag, hash, mode);
	if (l == NULL || (session ? l->session_count : l->xact_count) == 0) {
		char desc[160];

		lock_tag_describe(tag, desc, sizeof(desc));
		log_msg(LV_WARNING, "you don't own a lock of type %s on %s", lock_mode_name(mode), desc);
		return false;
	}
	lock_attach();
	if (session)
		l->session_count--;
	else
		l->xact_count--;
	if (l->xact_count == 0 && l->session_count == 0) {
		release_shared(l);
		local_compact();
	}
	return true;
}

void
lock_release_all(bool include_session)
{
	bool any = false;

	local_check_owner();
	if (nlocal == 0)
		return;
	lock_attach();
	for (int i = 0; i < nlocal; i++) {
		local_lock *l = &ltab[i];

		l->xact_count = 0;
		if (include_session)
			l->session_count = 0;
		if (l->session_count == 0) {
			release_shared(l);
			any = true;
		}
	}
	if (any)
		local_compact();
	cur_level = 0;
}

void
lock_set_level(int level)
{
	local_check_owner();
	cur_level = level;
}

void
lock_release_level(int level)
{
	bool any = false;

	local_check_owner();
	lock_attach();
	for (int i = 0; i < nlocal; i++) {
		local_lock *l = &ltab[i];

		if (l->xact_count > 0 && l->level >= level) {
			l->xact_count = 0;
			if (l->session_count == 0) {
				release_shared(l);
				any = true;
			}
		}
	}
	if (any)
		local_compact();
}

void
lock_reassign_level(int level)
{
	for (int i = 0; i < nlocal; i++)
		if (ltab[i].xact_count > 0 && ltab[i].level >= level)
			ltab[i].level = level - 1 < 0 ? 0 : level - 1;
}

bool
lock_held_by_me(const lock_tag *tag, lock_mode mode)
{
	local_lock *l;

	local_check_owner();
	l = local_find(tag, tag_hash(tag), mode);

	return l != NULL && (l->xact_count > 0 || l->session_count > 0);
}

int
lock_num_held(void)
{
	local_check_owner();
	return nlocal;
}

void
lock_xact_wait(uint64_t xid)
{
	lock_tag t = lock_tag_xact(xid);

	lock_acquire(&t, LOCK_SHARE, false, false);
	lock_release(&t, LOCK_SHARE, false);
}

void
lock_set_xact_info(uint64_t xid, int64_t start_us)
{
	lock_attach();
	if (proc_my_index < 0)
		return;
	if (xid == 0 && proc_me != NULL) {
		/* a new transaction (or none): a wound aimed at the previous one is stale */
		atomic_fetch_and(&proc_me->ps_interrupts, ~PI_DEADLOCK);
		atomic_store(&lock_procs[proc_my_index].lp_msg_busy, 0u);
	}
	atomic_store(&lock_procs[proc_my_index].lp_xid, xid);
	atomic_store(&lock_procs[proc_my_index].lp_txn_start_us, start_us);
}

void
lock_set_statement_deadline(int64_t deadline_us)
{
	local_check_owner();
	stmt_deadline_us = deadline_us;
}

void
lock_get_stats(lock_stats *o)
{
	lock_attach();
	o->acquired = atomic_load(&lock_sh->st_acquired);
	o->waits = atomic_load(&lock_sh->st_waits);
	o->deadlocks = atomic_load(&lock_sh->st_deadlocks);
	o->prevented = atomic_load(&lock_sh->st_prevented);
	o->timeouts = atomic_load(&lock_sh->st_timeouts);
	o->waiting_now = atomic_load(&lock_sh->ls_nwaiting);
}

bool
lock_is_consistent(void)
{
	bool ok = true;

	lock_attach();
	for (int i = 0; i < nlocal && ok; i++) {
		local_lock *l = &ltab[i];
		int part = partition_of(l->hash);
		proclock *pl;

		if (l->xact_count == 0 && l->session_count == 0)
			ok = false;
		lwlock_acquire(&lock_sh->ls_part[part], LW_SHARED);
		pl = &lock_pls[l->pl];
		if (pl->pl_proc != proc_my_index || !(pl->pl_hold_mask & BIT(l->mode)) ||
		    !tag_eq(&lock_objs[pl->pl_lock].lo_tag, &l->tag))
			ok = false;
		lwlock_release(&lock_sh->ls_part[part]);
	}
	return ok;
}
