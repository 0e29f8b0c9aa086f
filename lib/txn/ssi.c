/*
 * ssi.c — Serializable Snapshot Isolation (README section 4): serializable-transaction
 * records, rw-conflict edges, SIREAD locks with tuple -> page -> relation promotion, and the
 * dangerous-structure checks.  Everything shared is under SerializableLock.
 *
 * Ordering.  One counter (ss_seq) numbers three kinds of events: a transaction's snapshot
 * (snapshot_seq, read before its proc-array snapshot is taken), its pre-commit
 * (prepare_seq: from then on it counts as committed) and the end of its commit, after it
 * left the proc array (done_seq).  Hence
 *   - W "finished before R's snapshot" only if W.done_seq <= R.snapshot_seq (never wrongly);
 *   - A "might commit before" B unless B.done_seq < A.prepare_seq.
 * Both are used conservatively: a doubt adds an edge or counts a structure as dangerous.
 */
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>

#include "txn/txn_int.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"

ssi_shared *ssi_sh;
int ssi_me = -1;

#define ALIGN_UP(x, a) (((x) + (a) - 1) & ~((size_t)(a) - 1))
#define NIL (-1)

typedef struct ssi_layout {
	size_t xacts, edges, targets, locks, buckets, total;
} ssi_layout;

static void
counts(uint32_t nprocs, uint32_t *nx, uint32_t *ne, uint32_t *nt, uint32_t *nb)
{
	uint64_t t = (uint64_t)settings.max_locks_per_transaction * nprocs;

	if (t < 1024)
		t = 1024;
	*nx = 4 * nprocs;
	*ne = 16 * *nx;
	*nt = (uint32_t)t;
	*nb = 256;
	while (*nb < *nt)
		*nb *= 2;
}

static ssi_layout
layout(uint32_t nx, uint32_t ne, uint32_t nt, uint32_t nb)
{
	ssi_layout l;
	size_t o = ALIGN_UP(sizeof(ssi_shared), 64);

	l.xacts = o;
	o = ALIGN_UP(o + sizeof(ssi_xact) * nx, 64);
	l.edges = o;
	o = ALIGN_UP(o + sizeof(ssi_edge) * ne, 64);
	l.targets = o;
	o = ALIGN_UP(o + sizeof(ssi_target) * nt, 64);
	l.locks = o;
	o = ALIGN_UP(o + sizeof(ssi_lock) * nt, 64);
	l.buckets = o;
	o += sizeof(int32_t) * nb;
	l.total = o;
	return l;
}

size_t
ssi_shmem_size(uint32_t nprocs)
{
	uint32_t nx, ne, nt, nb;

	counts(nprocs, &nx, &ne, &nt, &nb);
	return layout(nx, ne, nt, nb).total;
}

#define L() layout(ssi_sh->ss_nxacts, ssi_sh->ss_nedges, ssi_sh->ss_ntargets, ssi_sh->ss_nbuckets)
#define SX ((ssi_xact *)((char *)ssi_sh + lay.xacts))
#define ED ((ssi_edge *)((char *)ssi_sh + lay.edges))
#define TG ((ssi_target *)((char *)ssi_sh + lay.targets))
#define LK ((ssi_lock *)((char *)ssi_sh + lay.locks))
#define BK ((int32_t *)((char *)ssi_sh + lay.buckets))

static ssi_layout lay;

static void
prepare_layout(void)
{
	txn_attach();
	lay = L();
}

void
ssi_shmem_init(void *base, uint32_t nprocs)
{
	uint32_t nx, ne, nt, nb;

	ssi_sh = base;
	counts(nprocs, &nx, &ne, &nt, &nb);
	ssi_sh->ss_nxacts = nx;
	ssi_sh->ss_nedges = ne;
	ssi_sh->ss_ntargets = nt;
	ssi_sh->ss_nlocks = nt;
	ssi_sh->ss_nbuckets = nb;
	lwlock_init(&ssi_sh->ss_lock, 70);
	lay = L();
	for (uint32_t i = 0; i < nx; i++)
		SX[i].sx_next_free = i + 1 < nx ? (int32_t)(i + 1) : NIL;
	for (uint32_t i = 0; i < ne; i++)
		ED[i].e_next_in = i + 1 < ne ? (int32_t)(i + 1) : NIL;
	for (uint32_t i = 0; i < nt; i++) {
		TG[i].t_next = i + 1 < nt ? (int32_t)(i + 1) : NIL;
		LK[i].l_next_t = i + 1 < nt ? (int32_t)(i + 1) : NIL;
	}
	for (uint32_t i = 0; i < nb; i++)
		BK[i] = NIL;
	ssi_sh->ss_free_xact = ssi_sh->ss_free_edge = ssi_sh->ss_free_target = ssi_sh->ss_free_lock = 0;
}

/* ---- process-local: which targets I hold, and child counts for promotion ----------------- */

typedef struct local_t {
	ssi_tag tag;
	bool held;
	int children;
	struct local_t *next;
} local_t;

#define LOCAL_BUCKETS 256
static local_t *local_tab[LOCAL_BUCKETS];

static uint32_t
tag_hash(const ssi_tag *t)
{
	uint64_t h = 1469598103934665603ull;
	uint64_t v[3] = { ((uint64_t)t->kind << 16) | t->slot, ((uint64_t)t->db << 32) | t->rel, t->blk };

	for (int i = 0; i < 3; i++) {
		h ^= v[i];
		h *= 1099511628211ull;
		h ^= h >> 31;
	}
	return (uint32_t)(h ^ (h >> 32));
}

static bool
tag_eq(const ssi_tag *a, const ssi_tag *b)
{
	return a->kind == b->kind && a->slot == b->slot && a->db == b->db && a->rel == b->rel &&
	       a->blk == b->blk;
}

static ssi_tag
mk(int kind, uint32_t db, uint32_t rel, uint32_t blk, uint16_t slot)
{
	ssi_tag t;

	memset(&t, 0, sizeof(t));
	t.kind = (uint8_t)kind;
	t.db = db;
	t.rel = rel;
	t.blk = kind >= SSI_PAGE ? blk : 0;
	t.slot = kind == SSI_TUPLE ? slot : 0;
	return t;
}

static local_t *
local_get(const ssi_tag *t, bool create)
{
	uint32_t b = tag_hash(t) % LOCAL_BUCKETS;
	local_t *e;

	for (e = local_tab[b]; e; e = e->next)
		if (tag_eq(&e->tag, t))
			return e;
	if (!create)
		return NULL;
	e = calloc(1, sizeof(*e));
	if (e == NULL)
		ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory");
	e->tag = *t;
	e->next = local_tab[b];
	local_tab[b] = e;
	return e;
}

static bool
local_held(const ssi_tag *t)
{
	local_t *e = local_get(t, false);

	return e != NULL && e->held;
}

/* Forget local entries for finer targets under rel (and page blk, if kind is SSI_PAGE). */
static void
local_drop_under(int kind, uint32_t db, uint32_t rel, uint32_t blk)
{
	for (int b = 0; b < LOCAL_BUCKETS; b++)
		for (local_t **p = &local_tab[b]; *p;) {
			local_t *e = *p;
			bool under = e->tag.db == db && e->tag.rel == rel && e->tag.kind > kind &&
			             (kind == SSI_REL || e->tag.blk == blk);

			if (under) {
				*p = e->next;
				free(e);
			} else {
				p = &e->next;
			}
		}
}

void
ssi_forget_local(void)
{
	for (int b = 0; b < LOCAL_BUCKETS; b++) {
		while (local_tab[b]) {
			local_t *e = local_tab[b];

			local_tab[b] = e->next;
			free(e);
		}
	}
	ssi_me = -1;
}

/* ---- records and edges (SerializableLock held) ------------------------------------------- */

static bool
prepared(int x)
{
	return SX[x].sx_prepare_seq != 0;
}

static bool
done(int x)
{
	return SX[x].sx_done_seq != 0;
}

static bool
rolled_back(int x)
{
	return (SX[x].sx_flags & SXF_ROLLED_BACK) != 0;
}

static bool
might_commit_before(int a, int b)
{
	return prepared(a) && !(done(b) && SX[b].sx_done_seq < SX[a].sx_prepare_seq);
}

static noreturn void
raise_failure(const char *reason)
{
	atomic_fetch_add(&ssi_sh->ss_failures, 1);
	ERR_BEGIN(ERRCODE_SERIALIZATION_FAILURE);
	err_detail("Reason code: %s.", reason);
	err_hint("The transaction might succeed if retried.");
	err_throw("could not serialize access due to read/write dependencies among transactions");
}

/* Tin -> Tpivot -> Tout with Tout committing first (README section 4). */
static void
check(int tin, int piv, int tout, int me, bool *raise)
{
	int victim;

	if (rolled_back(tin) || rolled_back(piv) || rolled_back(tout))
		return;
	if (!prepared(tout) || !might_commit_before(tout, piv))
		return;
	if (tin != tout && !might_commit_before(tout, tin))
		return;
	victim = !prepared(piv) ? piv : !prepared(tin) ? tin : -1;
	if (victim < 0)
		return;
	if (victim == me)
		*raise = true;
	else
		SX[victim].sx_flags |= SXF_DOOMED;
}

enum { ROLE_IN = 1, ROLE_PIVOT = 2, ROLE_OUT = 4, ROLE_ALL = 7 };

static void
check_around(int x, int roles, int me, bool *raise)
{
	if (roles & ROLE_IN)
		for (int32_t e1 = SX[x].sx_out; e1 != NIL; e1 = ED[e1].e_next_out) {
			int p = ED[e1].e_writer;

			for (int32_t e2 = SX[p].sx_out; e2 != NIL; e2 = ED[e2].e_next_out)
				check(x, p, ED[e2].e_writer, me, raise);
		}
	if (roles & ROLE_PIVOT)
		for (int32_t e1 = SX[x].sx_in; e1 != NIL; e1 = ED[e1].e_next_in)
			for (int32_t e2 = SX[x].sx_out; e2 != NIL; e2 = ED[e2].e_next_out)
				check(ED[e1].e_reader, x, ED[e2].e_writer, me, raise);
	if (roles & ROLE_OUT)
		for (int32_t e1 = SX[x].sx_in; e1 != NIL; e1 = ED[e1].e_next_in) {
			int p = ED[e1].e_reader;

			for (int32_t e2 = SX[p].sx_in; e2 != NIL; e2 = ED[e2].e_next_in)
				check(ED[e2].e_reader, p, x, me, raise);
		}
}

static void
add_conflict_locked(int r, int w, int me, bool *raise)
{
	int32_t e;

	if (r == w || rolled_back(r) || rolled_back(w))
		return;
	for (e = SX[r].sx_out; e != NIL; e = ED[e].e_next_out)
		if (ED[e].e_writer == w)
			return;
	e = ssi_sh->ss_free_edge;
	if (e == NIL) {
		/* Cannot record it: the only safe answer is to give up the caller. */
		log_msg(LV_WARNING, "SSI conflict table is full");
		*raise = true;
		return;
	}
	ssi_sh->ss_free_edge = ED[e].e_next_in;
	ED[e].e_reader = r;
	ED[e].e_writer = w;
	ED[e].e_next_out = SX[r].sx_out;
	SX[r].sx_out = e;
	ED[e].e_next_in = SX[w].sx_in;
	SX[w].sx_in = e;
	check_around(r, ROLE_ALL, me, raise);
	check_around(w, ROLE_ALL, me, raise);
}

void
ssi_add_conflict(int reader, int writer, int me)
{
	bool raise = false;

	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_EXCLUSIVE);
	add_conflict_locked(reader, writer, me, &raise);
	lwlock_release(&ssi_sh->ss_lock);
	if (raise)
		raise_failure("Canceled on identification as a pivot, during conflict checking");
}

int
ssi_register(int proc, uint64_t unused)
{
	int32_t x;

	(void)unused;
	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_EXCLUSIVE);
	x = ssi_sh->ss_free_xact;
	if (x == NIL) {
		lwlock_release(&ssi_sh->ss_lock);
		ERR_BEGIN(ERRCODE_OUT_OF_MEMORY);
		err_hint("Too many serializable transactions overlap; increase max_connections or "
		         "shorten long serializable transactions.");
		err_throw("out of shared memory");
	}
	ssi_sh->ss_free_xact = SX[x].sx_next_free;
	memset(&SX[x], 0, sizeof(SX[x]));
	SX[x].sx_state = SX_ACTIVE;
	SX[x].sx_proc = proc;
	SX[x].sx_snapshot_seq = ssi_sh->ss_seq;
	SX[x].sx_in = SX[x].sx_out = SX[x].sx_locks = NIL;
	ssi_sh->ss_active++;
	lwlock_release(&ssi_sh->ss_lock);
	ssi_forget_local();
	return x;
}

uint64_t
ssi_snapshot_seq(int sx)
{
	prepare_layout();
	return SX[sx].sx_snapshot_seq;
}

void
ssi_set_xid(int sx, txn_xid xid)
{
	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_EXCLUSIVE);
	SX[sx].sx_xid = xid;
	lwlock_release(&ssi_sh->ss_lock);
}

bool
ssi_is_doomed(int sx)
{
	bool d;

	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_SHARED);
	d = (SX[sx].sx_flags & SXF_DOOMED) != 0;
	lwlock_release(&ssi_sh->ss_lock);
	return d;
}

static void
check_doomed(const char *during)
{
	if (ssi_me >= 0 && ssi_is_doomed(ssi_me)) {
		char reason[160];

		snprintf(reason, sizeof(reason), "Canceled on identification as a pivot, during %s", during);
		raise_failure(reason);
	}
}

/* ---- SIREAD locks (SerializableLock held) -------------------------------------------------- */

static int32_t *
bucket(uint32_t h)
{
	return &BK[h & (ssi_sh->ss_nbuckets - 1)];
}

static int32_t
target_find(const ssi_tag *t, uint32_t h)
{
	for (int32_t i = *bucket(h); i != NIL; i = TG[i].t_next)
		if (TG[i].t_hash == h && tag_eq(&TG[i].t_tag, t))
			return i;
	return NIL;
}

static void
target_free(int32_t i)
{
	int32_t *p = bucket(TG[i].t_hash);

	while (*p != i)
		p = &TG[*p].t_next;
	*p = TG[i].t_next;
	TG[i].t_next = ssi_sh->ss_free_target;
	ssi_sh->ss_free_target = i;
}

/* Take a SIREAD lock on t for sx; false if the shared tables are full. */
static bool
lock_target(int sx, const ssi_tag *t)
{
	uint32_t h = tag_hash(t);
	int32_t ti = target_find(t, h), li;

	if (ti == NIL) {
		if (ssi_sh->ss_free_target == NIL || ssi_sh->ss_free_lock == NIL)
			return false;
		ti = ssi_sh->ss_free_target;
		ssi_sh->ss_free_target = TG[ti].t_next;
		TG[ti].t_tag = *t;
		TG[ti].t_hash = h;
		TG[ti].t_locks = NIL;
		TG[ti].t_next = *bucket(h);
		*bucket(h) = ti;
	}
	for (li = TG[ti].t_locks; li != NIL; li = LK[li].l_next_t)
		if (LK[li].l_xact == sx)
			return true;
	li = ssi_sh->ss_free_lock;
	if (li == NIL) {
		if (TG[ti].t_locks == NIL)
			target_free(ti);
		return false;
	}
	ssi_sh->ss_free_lock = LK[li].l_next_t;
	LK[li].l_target = ti;
	LK[li].l_xact = sx;
	LK[li].l_next_t = TG[ti].t_locks;
	TG[ti].t_locks = li;
	LK[li].l_next_x = SX[sx].sx_locks;
	SX[sx].sx_locks = li;
	return true;
}

/* Remove lock li (found at *px in its transaction's list). */
static void
unlock_at(int32_t *px)
{
	int32_t li = *px, ti = LK[li].l_target;
	int32_t *pt = &TG[ti].t_locks;

	*px = LK[li].l_next_x;
	while (*pt != li)
		pt = &LK[*pt].l_next_t;
	*pt = LK[li].l_next_t;
	if (TG[ti].t_locks == NIL)
		target_free(ti);
	LK[li].l_next_t = ssi_sh->ss_free_lock;
	ssi_sh->ss_free_lock = li;
}

/* Drop sx's locks finer than (kind, rel[, blk]). */
static void
unlock_under(int sx, int kind, uint32_t db, uint32_t rel, uint32_t blk)
{
	for (int32_t *p = &SX[sx].sx_locks; *p != NIL;) {
		const ssi_tag *t = &TG[LK[*p].l_target].t_tag;

		if (t->db == db && t->rel == rel && t->kind > kind && (kind == SSI_REL || t->blk == blk))
			unlock_at(p);
		else
			p = &LK[*p].l_next_x;
	}
}

static void
promote_rel(int sx, uint32_t db, uint32_t rel)
{
	ssi_tag t = mk(SSI_REL, db, rel, 0, 0);

	/* dropping the finer locks first frees room for the coarse one */
	unlock_under(sx, SSI_REL, db, rel, 0);
	local_drop_under(SSI_REL, db, rel, 0);
	if (!lock_target(sx, &t)) {
		lwlock_release(&ssi_sh->ss_lock);
		ERR_BEGIN(ERRCODE_OUT_OF_MEMORY);
		err_hint("You might need to increase max_locks_per_transaction.");
		err_throw("out of shared memory");
	}
	local_get(&t, true)->held = true;
}

static void
promote_page(int sx, uint32_t db, uint32_t rel, uint32_t blk)
{
	ssi_tag t = mk(SSI_PAGE, db, rel, blk, 0), r = mk(SSI_REL, db, rel, 0, 0);
	local_t *parent;

	unlock_under(sx, SSI_PAGE, db, rel, blk);
	local_drop_under(SSI_PAGE, db, rel, blk);
	if (!lock_target(sx, &t)) {
		promote_rel(sx, db, rel);
		return;
	}
	local_get(&t, true)->held = true;
	parent = local_get(&r, true);
	if (++parent->children > SSI_PAGES_PER_REL)
		promote_rel(sx, db, rel);
}

void
ssi_lock_target(int sx, const ssi_tag *t)
{
	ssi_tag page = mk(SSI_PAGE, t->db, t->rel, t->blk, 0), rel = mk(SSI_REL, t->db, t->rel, 0, 0);

	if (local_held(&rel) || (t->kind == SSI_TUPLE && local_held(&page)) || local_held(t))
		return;
	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_EXCLUSIVE);
	if (t->kind == SSI_REL) {
		promote_rel(sx, t->db, t->rel);
	} else if (t->kind == SSI_PAGE) {
		promote_page(sx, t->db, t->rel, t->blk);
	} else if (!lock_target(sx, t)) {
		promote_rel(sx, t->db, t->rel); /* the tables are full: coarser is still correct */
	} else {
		local_t *parent;

		local_get(t, true)->held = true;
		parent = local_get(&page, true);
		if (++parent->children > SSI_TUPLES_PER_PAGE)
			promote_page(sx, t->db, t->rel, t->blk);
	}
	lwlock_release(&ssi_sh->ss_lock);
}

/* Writer sx touches target t: every other holder that overlapped sx read before it. */
static void
check_in_locked(int sx, const ssi_tag *t, bool *raise)
{
	int32_t ti = target_find(t, tag_hash(t));

	if (ti == NIL)
		return;
	for (int32_t li = TG[ti].t_locks; li != NIL;) {
		int32_t next = LK[li].l_next_t;
		int h = LK[li].l_xact;

		if (h != sx && !rolled_back(h) &&
		    !(done(h) && SX[h].sx_done_seq <= SX[sx].sx_snapshot_seq))
			add_conflict_locked(h, sx, sx, raise);
		li = next;
	}
}

void
ssi_check_in(int sx, const ssi_tag *t)
{
	bool raise = false;

	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_EXCLUSIVE);
	check_in_locked(sx, t, &raise);
	lwlock_release(&ssi_sh->ss_lock);
	if (raise)
		raise_failure("Canceled on identification as a pivot, during conflict in checking");
}

/* ---- commit, release, cleanup ------------------------------------------------------------- */

void
ssi_pre_commit(int sx)
{
	bool raise = false;

	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_EXCLUSIVE);
	if (SX[sx].sx_flags & SXF_DOOMED) {
		lwlock_release(&ssi_sh->ss_lock);
		raise_failure("Canceled on identification as a pivot, during commit attempt");
	}
	/* as Tin or pivot, with myself still uncommitted */
	check_around(sx, ROLE_IN | ROLE_PIVOT, sx, &raise);
	if (raise) {
		lwlock_release(&ssi_sh->ss_lock);
		raise_failure("Canceled on identification as a pivot, during commit attempt");
	}
	/* from now on I count as committed; as Tout I may doom pivots that read before me */
	SX[sx].sx_prepare_seq = ++ssi_sh->ss_seq;
	check_around(sx, ROLE_OUT, sx, &raise);
	lwlock_release(&ssi_sh->ss_lock);
}

/* Remove edge e from its reader's and its writer's lists and free it. */
static void
unlink_edge(int32_t e)
{
	int32_t *p = &SX[ED[e].e_reader].sx_out;

	while (*p != e)
		p = &ED[*p].e_next_out;
	*p = ED[e].e_next_out;
	p = &SX[ED[e].e_writer].sx_in;
	while (*p != e)
		p = &ED[*p].e_next_in;
	*p = ED[e].e_next_in;
	ED[e].e_next_in = ssi_sh->ss_free_edge;
	ssi_sh->ss_free_edge = e;
}

static void
free_xact(int x)
{
	while (SX[x].sx_out != NIL)
		unlink_edge(SX[x].sx_out);
	while (SX[x].sx_in != NIL)
		unlink_edge(SX[x].sx_in);
	while (SX[x].sx_locks != NIL)
		unlock_at(&SX[x].sx_locks);
	SX[x].sx_state = SX_FREE;
	SX[x].sx_next_free = ssi_sh->ss_free_xact;
	ssi_sh->ss_free_xact = x;
}

void
ssi_release(int sx, bool committed)
{
	uint64_t oldest = UINT64_MAX;

	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_EXCLUSIVE);
	ssi_sh->ss_active--;
	if (committed) {
		if (SX[sx].sx_prepare_seq == 0)
			SX[sx].sx_prepare_seq = ++ssi_sh->ss_seq; /* committed without pre-commit */
		SX[sx].sx_done_seq = ++ssi_sh->ss_seq;
		SX[sx].sx_proc = -1;
	} else {
		/* a rolled-back transaction creates no dependencies */
		SX[sx].sx_flags |= SXF_ROLLED_BACK;
		free_xact(sx);
	}
	/* Committed transactions are kept while someone who overlapped them runs (inv. 10). */
	for (uint32_t i = 0; i < ssi_sh->ss_nxacts; i++)
		if (SX[i].sx_state == SX_ACTIVE && !done((int)i) && SX[i].sx_snapshot_seq < oldest)
			oldest = SX[i].sx_snapshot_seq;
	for (uint32_t i = 0; i < ssi_sh->ss_nxacts; i++)
		if (SX[i].sx_state == SX_ACTIVE && done((int)i) && SX[i].sx_done_seq <= oldest)
			free_xact((int)i);
	lwlock_release(&ssi_sh->ss_lock);
	ssi_forget_local();
}

/* ---- the public hooks ------------------------------------------------------------------------ */

void
txn_ssi_lock_tuple(uint32_t db, uint32_t rel, uint32_t blk, uint16_t slot)
{
	ssi_tag t = mk(SSI_TUPLE, db, rel, blk, slot);

	if (ssi_me < 0)
		return;
	check_doomed("a read");
	ssi_lock_target(ssi_me, &t);
}

void
txn_ssi_lock_page(uint32_t db, uint32_t rel, uint32_t blk)
{
	ssi_tag t = mk(SSI_PAGE, db, rel, blk, 0);

	if (ssi_me < 0)
		return;
	check_doomed("a read");
	ssi_lock_target(ssi_me, &t);
}

void
txn_ssi_lock_relation(uint32_t db, uint32_t rel)
{
	ssi_tag t = mk(SSI_REL, db, rel, 0, 0);

	if (ssi_me < 0)
		return;
	check_doomed("a read");
	ssi_lock_target(ssi_me, &t);
}

void
txn_ssi_conflict_in(uint32_t db, uint32_t rel, uint32_t blk, int slot)
{
	bool raise = false;

	if (ssi_me < 0)
		return;
	check_doomed("conflict in checking");
	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_EXCLUSIVE);
	{
		/* the tuple, its page, its relation: whichever the write names */
		ssi_tag tags[3] = { mk(SSI_TUPLE, db, rel, blk, (uint16_t)slot), mk(SSI_PAGE, db, rel, blk, 0),
		                    mk(SSI_REL, db, rel, 0, 0) };
		int first = slot >= 0 && blk != UINT32_MAX ? 0 : blk != UINT32_MAX ? 1 : 2;

		for (int i = first; i < 3; i++)
			check_in_locked(ssi_me, &tags[i], &raise);
	}
	lwlock_release(&ssi_sh->ss_lock);
	if (raise)
		raise_failure("Canceled on identification as a pivot, during conflict in checking");
}

static bool
xid_aborted(txn_xid xid, uint16_t infomask, uint16_t invalid_bit)
{
	if (infomask & invalid_bit)
		return true;
	return txn_clog_get(xid, NULL) == TXN_STATUS_ABORTED;
}

void
txn_ssi_conflict_out(const txn_tuple_hdr *t, bool visible, const txn_snapshot *s)
{
	txn_xid writer, top;
	bool raise = false;
	int w = -1;

	if (ssi_me < 0)
		return;
	check_doomed("conflict out checking");
	if (!visible) {
		/* not visible: interesting only if its creator is concurrent with us */
		writer = t->xmin;
		if (txn_is_current_xid(writer) || !txn_xid_in_snapshot(writer, s) ||
		    xid_aborted(writer, t->infomask, TXN_XMIN_INVALID))
			return;
	} else {
		/* visible: interesting if a concurrent transaction deleted or replaced it */
		writer = t->xmax;
		if (writer == TXN_INVALID_XID || (t->infomask & (TXN_XMAX_INVALID | TXN_XMAX_LOCK_ONLY)) ||
		    txn_is_current_xid(writer) || !txn_xid_in_snapshot(writer, s) ||
		    xid_aborted(writer, t->infomask, TXN_XMAX_INVALID))
			return;
	}
	top = txn_subtrans_topmost(writer);
	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_EXCLUSIVE);
	for (uint32_t i = 0; i < ssi_sh->ss_nxacts; i++)
		if (SX[i].sx_state == SX_ACTIVE && SX[i].sx_xid == top) {
			w = (int)i;
			break;
		}
	if (w >= 0)
		add_conflict_locked(ssi_me, w, ssi_me, &raise);
	lwlock_release(&ssi_sh->ss_lock);
	if (raise)
		raise_failure("Canceled on conflict out to pivot, during read");
}

void
txn_ssi_page_split(uint32_t db, uint32_t rel, uint32_t old_blk, uint32_t new_blk)
{
	ssi_tag o = mk(SSI_PAGE, db, rel, old_blk, 0), n = mk(SSI_PAGE, db, rel, new_blk, 0);
	int32_t ti;

	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_EXCLUSIVE);
	ti = target_find(&o, tag_hash(&o));
	if (ti != NIL) {
		int holders[64], nh = 0;

		/* collect first: lock_target may change the list we walk */
		for (int32_t li = TG[ti].t_locks; li != NIL && nh < 64; li = LK[li].l_next_t)
			holders[nh++] = LK[li].l_xact;
		for (int i = 0; i < nh; i++)
			if (!lock_target(holders[i], &n)) {
				ssi_tag r = mk(SSI_REL, db, rel, 0, 0);

				lock_target(holders[i], &r);
			}
	}
	lwlock_release(&ssi_sh->ss_lock);
}

/* ---- for tests and monitoring --------------------------------------------------------------- */

int
ssi_count_locks(int sx, int kind)
{
	int n = 0;

	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_SHARED);
	for (int32_t li = SX[sx].sx_locks; li != NIL; li = LK[li].l_next_x)
		if (kind == 0 || TG[LK[li].l_target].t_tag.kind == kind)
			n++;
	lwlock_release(&ssi_sh->ss_lock);
	return n;
}

int
ssi_count_edges(int sx)
{
	int n = 0;

	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_SHARED);
	for (int32_t e = SX[sx].sx_out; e != NIL; e = ED[e].e_next_out)
		n++;
	for (int32_t e = SX[sx].sx_in; e != NIL; e = ED[e].e_next_in)
		n++;
	lwlock_release(&ssi_sh->ss_lock);
	return n;
}

int
ssi_active_xacts(void)
{
	int n = 0;

	prepare_layout();
	lwlock_acquire(&ssi_sh->ss_lock, LW_SHARED);
	for (uint32_t i = 0; i < ssi_sh->ss_nxacts; i++)
		if (SX[i].sx_state == SX_ACTIVE)
			n++;
	lwlock_release(&ssi_sh->ss_lock);
	return n;
}
