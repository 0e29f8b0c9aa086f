/*
 * xact.c — the session's transaction: the block state machine, commit and abort (with the
 * ordering of README section 1), savepoints, snapshots per isolation level, update-conflict
 * decisions, callbacks, and the RM_TXN resource manager.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>

#include "lock/lock.h"
#include "shm/lwlock.h"
#include "shm/proc.h"
#include "txn/txn_int.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"

typedef struct level {
	char name[TXN_SAVEPOINT_NAME_MAX];
	txn_xid xid;                 /* this level's xid (level 0: the top level), 0 until needed */
} level;

static struct {
	int32_t pid;                 /* owner process: a forked child starts idle */
	txn_block_state block;
	txn_isolation iso;
	bool read_only;
	bool snapshot_taken;         /* isolation level frozen */
	txn_cid cid;
	int64_t start_us;
	level *levels;
	int depth, caplevels;
	txn_xid *xids;               /* every live xid of this transaction, ascending */
	int nxids, capxids;
	txn_snapshot *xact_snap, *stmt_snap;
	bool xact_snap_valid, stmt_snap_valid;
	int nholds;
	txn_xid hold_min;
} X;

#define MAX_CALLBACKS 16
static struct {
	void (*fn)(txn_event, void *);
	void *arg;
} callbacks[MAX_CALLBACKS];
static int ncallbacks;

static void
default_notice(const char *sqlstate, const char *msg)
{
	log_msg(LV_WARNING, "%s (SQLSTATE %s)", msg, sqlstate);
}

void (*txn_notice_hook)(const char *sqlstate, const char *message) = default_notice;

static void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (q == NULL)
		ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory");
	return q;
}

/* ---- small helpers ------------------------------------------------------------------------ */

static void
check_owner(void)
{
	int32_t pid = proc_me ? proc_me->ps_pid : 0;

	if (X.pid != pid) {
		X.pid = pid;
		X.block = TXN_BLOCK_IDLE;
		X.depth = 0;
		X.nxids = 0;
		X.nholds = 0;
		X.xact_snap_valid = X.stmt_snap_valid = false;
		ssi_forget_local();
	}
}

static void
fire(txn_event ev)
{
	for (int i = 0; i < ncallbacks; i++)
		callbacks[i].fn(ev, callbacks[i].arg);
}

void
txn_register_callback(void (*fn)(txn_event ev, void *arg), void *arg)
{
	if (ncallbacks == MAX_CALLBACKS)
		ph_internal("too many transaction callbacks");
	callbacks[ncallbacks].fn = fn;
	callbacks[ncallbacks].arg = arg;
	ncallbacks++;
}

static void
notice(const char *sqlstate, const char *msg)
{
	if (txn_notice_hook)
		txn_notice_hook(sqlstate, msg);
}

const char *
txn_isolation_name(txn_isolation level)
{
	switch (level) {
	case TXN_READ_COMMITTED:
		return "read committed";
	case TXN_REPEATABLE_READ:
		return "repeatable read";
	case TXN_SERIALIZABLE:
		return "serializable";
	}
	return "?";
}

static void
push_level(const char *name)
{
	if (X.depth + 1 >= X.caplevels) {
		X.caplevels = X.caplevels ? X.caplevels * 2 : 8;
		X.levels = xrealloc(X.levels, sizeof(level) * (size_t)X.caplevels);
	}
	X.depth++;
	memset(&X.levels[X.depth], 0, sizeof(level));
	if (name)
		snprintf(X.levels[X.depth].name, sizeof(X.levels[X.depth].name), "%s", name);
}

static void
add_xid(txn_xid xid)
{
	if (X.nxids == X.capxids) {
		X.capxids = X.capxids ? X.capxids * 2 : 16;
		X.xids = xrealloc(X.xids, sizeof(txn_xid) * (size_t)X.capxids);
	}
	X.xids[X.nxids++] = xid;
}

static int
xid_index(txn_xid xid)
{
	int lo = 0, hi = X.nxids - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (X.xids[mid] == xid)
			return mid;
		if (X.xids[mid] < xid)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

bool
txn_is_current_xid(txn_xid xid)
{
	check_owner();
	if (X.block == TXN_BLOCK_IDLE || xid == TXN_INVALID_XID)
		return false;
	return xid_index(xid) >= 0;
}

int
txn_current_xids(txn_xid *buf, int cap)
{
	check_owner();
	if (X.block == TXN_BLOCK_IDLE)
		return 0;
	for (int i = 0; buf != NULL && i < X.nxids && i < cap; i++)
		buf[i] = X.xids[i];
	return X.nxids;
}

static void
start_transaction(int isolation, int read_only)
{
	if (X.caplevels == 0)
		push_level(NULL), X.depth = 0;
	txn_attach();
	memset(&X.levels[0], 0, sizeof(level));
	X.depth = 0;
	X.nxids = 0;
	X.iso = isolation >= 0 ? (txn_isolation)isolation : (txn_isolation)settings.default_transaction_isolation;
	X.read_only = read_only >= 0 ? read_only != 0 : false;
	X.snapshot_taken = false;
	X.cid = 0;
	X.start_us = proc_now_us();
	X.xact_snap_valid = X.stmt_snap_valid = false;
	X.nholds = 0;
	if (X.xact_snap == NULL) {
		X.xact_snap = txn_snapshot_alloc(mem_top);
		X.stmt_snap = txn_snapshot_alloc(mem_top);
	}
	lock_set_level(0);
	lock_set_xact_info(0, X.start_us);
}

static void
cleanup_transaction(void)
{
	X.depth = 0;
	X.nxids = 0;
	X.xact_snap_valid = X.stmt_snap_valid = false;
	X.nholds = 0;
	txn_combocid_reset();
	lock_set_level(0);
	lock_set_xact_info(0, 0);
}

/* ---- commit and abort -------------------------------------------------------------------- */

typedef struct txn_wal_rec {
	int64_t time;
	uint32_t nsub;
	uint32_t pad;
	/* followed by nsub xids */
} txn_wal_rec;

static wal_lsn
log_xact(uint8_t info, txn_xid xid, int nsub, const txn_xid *subs)
{
	txn_wal_rec r = { proc_now_us(), (uint32_t)nsub, 0 };
	wal_chunk ch[2] = { { &r, sizeof(r) }, { subs, sizeof(txn_xid) * (size_t)nsub } };

	return wal_insert(RM_TXN, info, xid, ch, 2, NULL, 0);
}

static void
commit_transaction(void)
{
	txn_xid top = X.levels[0].xid;
	int nsub = X.nxids > 0 ? X.nxids - 1 : 0;
	const txn_xid *subs = X.nxids > 1 ? X.xids + 1 : NULL;

	fire(TXN_EV_PRE_COMMIT);
	if (ssi_me >= 0)
		ssi_pre_commit(ssi_me);
	if (top != TXN_INVALID_XID) {
		/* From the commit record on, failing is not an option (README section 1). */
		ERR_TRY();
		{
			wal_lsn lsn = log_xact(TXN_WAL_COMMIT, top, nsub, subs);

			if (settings.synchronous_commit) {
				wal_flush_commit(lsn);
				lsn = 0;
			} else {
				wal_async_commit(lsn);
			}
			txn_clog_set(top, nsub, subs, TXN_STATUS_COMMITTED, lsn);
		}
		ERR_CATCH();
		{
			ph_panic("could not record the commit of transaction %llu: %s",
			         (unsigned long long)top, err_last()->message);
		}
		ERR_END();
	}
	txn_procarray_end(top, nsub, subs);
	if (ssi_me >= 0) {
		ssi_release(ssi_me, true);
		ssi_me = -1;
	}
	atomic_fetch_add(&txn_sh->ts_commits, 1);
	fire(TXN_EV_COMMIT);
	lock_release_all(false);
	cleanup_transaction();
}

static void
abort_transaction(void)
{
	txn_xid top = X.levels[0].xid;
	int nsub = X.nxids > 0 ? X.nxids - 1 : 0;
	const txn_xid *subs = X.nxids > 1 ? X.xids + 1 : NULL;

	lwlock_release_all();
	if (top != TXN_INVALID_XID) {
		/* Not flushed: a crash makes the transaction count as aborted anyway. */
		log_xact(TXN_WAL_ABORT, top, nsub, subs);
		txn_clog_set(top, nsub, subs, TXN_STATUS_ABORTED, 0);
	}
	txn_procarray_end(top, nsub, subs);
	if (ssi_me >= 0) {
		ssi_release(ssi_me, false);
		ssi_me = -1;
	}
	atomic_fetch_add(&txn_sh->ts_aborts, 1);
	fire(TXN_EV_ABORT);
	lock_release_all(false);
	cleanup_transaction();
}

/* Abort the work of levels >= d (d >= 1); the level entries stay. */
static void
abort_levels_from(int d)
{
	int first = -1;

	lwlock_release_all();
	for (int k = d; k <= X.depth && first < 0; k++)
		if (X.levels[k].xid != TXN_INVALID_XID)
			first = xid_index(X.levels[k].xid);
	if (first >= 0) {
		int n = X.nxids - first;

		log_xact(TXN_WAL_ABORT, X.xids[first], n - 1, X.xids + first + 1);
		txn_clog_set(X.xids[first], n - 1, X.xids + first + 1, TXN_STATUS_ABORTED, 0);
		txn_procarray_remove_subxids(n, X.xids + first);
		X.nxids = first;
	}
	for (int k = d; k <= X.depth; k++)
		X.levels[k].xid = TXN_INVALID_XID;
	lock_release_level(d);
	fire(TXN_EV_SUB_ABORT);
}

/* Commit, or on failure abort; either way the session is idle afterwards. */
static void
commit_or_abort(void)
{
	ERR_TRY();
	{
		commit_transaction();
	}
	ERR_CATCH();
	{
		abort_transaction();
		X.block = TXN_BLOCK_IDLE;
		err_rethrow();
	}
	ERR_END();
	X.block = TXN_BLOCK_IDLE;
}

/* ---- the state machine ------------------------------------------------------------------- */

static noreturn void
raise_failed(void)
{
	ph_error(ERRCODE_IN_FAILED_SQL_TRANSACTION,
	         "current transaction is aborted, commands ignored until end of transaction block");
}

void
txn_stmt_start(void)
{
	check_owner();
	switch (X.block) {
	case TXN_BLOCK_IDLE:
		start_transaction(-1, -1);
		X.block = TXN_BLOCK_IMPLICIT;
		break;
	case TXN_BLOCK_FAILED:
		raise_failed();
	case TXN_BLOCK_IMPLICIT:
	case TXN_BLOCK_INPROGRESS:
		X.stmt_snap_valid = false;
		break;
	}
}

void
txn_stmt_end(void)
{
	check_owner();
	switch (X.block) {
	case TXN_BLOCK_IMPLICIT:
		commit_or_abort();
		break;
	case TXN_BLOCK_INPROGRESS:
		txn_cci();
		X.stmt_snap_valid = false;
		if (X.iso == TXN_READ_COMMITTED && X.nholds == 0 && proc_my_index >= 0)
			atomic_store(&txn_my_proc()->tp_xmin, 0); /* no snapshot in use between statements */
		break;
	default:
		break;
	}
}

void
txn_stmt_abort(void)
{
	check_owner();
	lwlock_release_all();
	switch (X.block) {
	case TXN_BLOCK_IMPLICIT:
		abort_transaction();
		X.block = TXN_BLOCK_IDLE;
		break;
	case TXN_BLOCK_INPROGRESS:
		if (X.depth > 0) {
			abort_levels_from(X.depth);
		} else {
			/* the whole transaction is dead; the block waits for ROLLBACK */
			txn_isolation iso = X.iso;
			bool ro = X.read_only;

			abort_transaction();
			X.iso = iso;
			X.read_only = ro;
		}
		X.block = TXN_BLOCK_FAILED;
		break;
	default:
		break;
	}
}

void
txn_begin_block(int isolation, int read_only)
{
	check_owner();
	switch (X.block) {
	case TXN_BLOCK_IDLE:
		start_transaction(isolation, read_only);
		X.block = TXN_BLOCK_INPROGRESS;
		break;
	case TXN_BLOCK_IMPLICIT:
		/* BEGIN inside a multi-statement implicit transaction turns it into a block */
		X.block = TXN_BLOCK_INPROGRESS;
		if (isolation >= 0 && !X.snapshot_taken)
			X.iso = (txn_isolation)isolation;
		if (read_only >= 0)
			X.read_only = read_only != 0;
		break;
	default:
		notice(ERRCODE_ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
	}
}

bool
txn_commit_block(void)
{
	check_owner();
	switch (X.block) {
	case TXN_BLOCK_INPROGRESS:
	case TXN_BLOCK_IMPLICIT:
		commit_or_abort();
		return true;
	case TXN_BLOCK_FAILED:
		abort_transaction();
		X.block = TXN_BLOCK_IDLE;
		return false;
	default:
		notice(ERRCODE_NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
		return true;
	}
}

void
txn_rollback_block(void)
{
	check_owner();
	if (X.block == TXN_BLOCK_IDLE) {
		notice(ERRCODE_NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
		return;
	}
	abort_transaction();
	X.block = TXN_BLOCK_IDLE;
}

static void
require_block(const char *what)
{
	if (X.block == TXN_BLOCK_IDLE || X.block == TXN_BLOCK_IMPLICIT)
		ph_error(ERRCODE_NO_ACTIVE_SQL_TRANSACTION, "%s can only be used in transaction blocks", what);
}

static int
find_savepoint(const char *name)
{
	for (int k = X.depth; k >= 1; k--)
		if (strcmp(X.levels[k].name, name) == 0)
			return k;
	ph_error(ERRCODE_INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"%s\" does not exist", name);
	return -1;
}

void
txn_savepoint(const char *name)
{
	check_owner();
	require_block("SAVEPOINT");
	if (X.block == TXN_BLOCK_FAILED)
		raise_failed();
	if (strlen(name) >= TXN_SAVEPOINT_NAME_MAX)
		ph_error(ERRCODE_NAME_TOO_LONG, "savepoint name \"%s\" is too long", name);
	push_level(name);
	lock_set_level(X.depth);
	fire(TXN_EV_SUB_START);
}

void
txn_release_savepoint(const char *name)
{
	int k;

	check_owner();
	require_block("RELEASE SAVEPOINT");
	if (X.block == TXN_BLOCK_FAILED)
		raise_failed();
	k = find_savepoint(name);
	/* levels k.. merge into k-1: their xids stay current and commit with the top level */
	lock_reassign_level(k);
	X.depth = k - 1;
	lock_set_level(X.depth);
	fire(TXN_EV_SUB_COMMIT);
}

void
txn_rollback_to_savepoint(const char *name)
{
	int k;

	check_owner();
	require_block("ROLLBACK TO SAVEPOINT");
	k = find_savepoint(name);
	abort_levels_from(k);
	X.depth = k; /* the savepoint itself stays, fresh */
	lock_set_level(k);
	X.block = TXN_BLOCK_INPROGRESS;
	X.stmt_snap_valid = false;
}

void
txn_set_isolation(txn_isolation level)
{
	check_owner();
	if (X.block == TXN_BLOCK_IDLE || X.block == TXN_BLOCK_IMPLICIT) {
		notice(ERRCODE_NO_ACTIVE_SQL_TRANSACTION, "SET TRANSACTION can only be used in transaction blocks");
		return;
	}
	if (X.depth > 0)
		ph_error(ERRCODE_ACTIVE_SQL_TRANSACTION,
		         "SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
	if (X.snapshot_taken && level != X.iso)
		ph_error(ERRCODE_ACTIVE_SQL_TRANSACTION,
		         "SET TRANSACTION ISOLATION LEVEL must be called before any query");
	X.iso = level;
}

void
txn_set_read_only(bool read_only)
{
	check_owner();
	if (X.block == TXN_BLOCK_IDLE || X.block == TXN_BLOCK_IMPLICIT) {
		notice(ERRCODE_NO_ACTIVE_SQL_TRANSACTION, "SET TRANSACTION can only be used in transaction blocks");
		return;
	}
	if (!read_only && X.read_only && X.snapshot_taken)
		ph_error(ERRCODE_ACTIVE_SQL_TRANSACTION, "transaction read-write mode must be set before any query");
	X.read_only = read_only;
}

void
txn_check_write(const char *what)
{
	check_owner();
	if (X.block != TXN_BLOCK_IDLE && X.read_only)
		ph_error(ERRCODE_READ_ONLY_SQL_TRANSACTION, "cannot execute %s in a read-only transaction", what);
}

/* ---- snapshots, ids, command ids ---------------------------------------------------------- */

const txn_snapshot *
txn_get_snapshot(void)
{
	check_owner();
	if (X.block == TXN_BLOCK_IDLE)
		ph_internal("snapshot requested outside a transaction");
	if (X.block == TXN_BLOCK_FAILED)
		raise_failed();
	if (X.iso == TXN_READ_COMMITTED) {
		if (!X.stmt_snap_valid) {
			txn_snapshot_fill(X.stmt_snap, X.nholds == 0);
			X.stmt_snap_valid = true;
			X.snapshot_taken = true;
		}
		X.stmt_snap->curcid = X.cid;
		return X.stmt_snap;
	}
	if (!X.xact_snap_valid) {
		uint64_t seq = 0;

		if (X.iso == TXN_SERIALIZABLE) {
			ssi_me = ssi_register(proc_my_index, 0);
			if (X.levels[0].xid != TXN_INVALID_XID)
				ssi_set_xid(ssi_me, X.levels[0].xid);
		}
		txn_snapshot_fill(X.xact_snap, true);
		if (ssi_me >= 0)
			seq = ssi_snapshot_seq(ssi_me);
		X.xact_snap->ssi_seq = seq;
		X.xact_snap_valid = true;
		X.snapshot_taken = true;
	}
	X.xact_snap->curcid = X.cid;
	return X.xact_snap;
}

txn_snapshot *
txn_snapshot_hold(const txn_snapshot *s)
{
	txn_snapshot *c = txn_snapshot_copy(mem_top, s);

	check_owner();
	if (X.nholds == 0 || s->xmin < X.hold_min)
		X.hold_min = s->xmin;
	X.nholds++;
	return c;
}

void
txn_snapshot_release(txn_snapshot *s)
{
	check_owner();
	if (X.nholds > 0)
		X.nholds--;
	pfree(s->xip);
	pfree(s->subxip);
	pfree(s);
}

txn_xid
txn_assign_xid(void)
{
	check_owner();
	if (X.block == TXN_BLOCK_IDLE)
		ph_internal("transaction id requested outside a transaction");
	if (X.block == TXN_BLOCK_FAILED)
		raise_failed();
	if (X.read_only)
		ph_error(ERRCODE_READ_ONLY_SQL_TRANSACTION, "cannot execute a write in a read-only transaction");
	for (int k = 0; k <= X.depth; k++) {
		lock_tag t;

		if (X.levels[k].xid != TXN_INVALID_XID)
			continue;
		/* parents first: a subtransaction's xid is always greater than its parent's */
		X.levels[k].xid = txn_procarray_assign(k == 0, k == 0 ? 0 : X.levels[k - 1].xid);
		add_xid(X.levels[k].xid);
		t = lock_tag_xact(X.levels[k].xid);
		lock_set_level(k);
		lock_acquire(&t, LOCK_EXCLUSIVE, false, false);
		if (k == 0) {
			lock_set_xact_info(X.levels[0].xid, X.start_us);
			if (ssi_me >= 0)
				ssi_set_xid(ssi_me, X.levels[0].xid);
		}
	}
	lock_set_level(X.depth);
	return X.levels[X.depth].xid;
}

txn_xid
txn_top_xid(void)
{
	check_owner();
	return X.block == TXN_BLOCK_IDLE ? TXN_INVALID_XID : X.levels[0].xid;
}

txn_xid
txn_current_xid(void)
{
	check_owner();
	return X.block == TXN_BLOCK_IDLE ? TXN_INVALID_XID : X.levels[X.depth].xid;
}

txn_cid
txn_current_cid(void)
{
	check_owner();
	return X.cid;
}

void
txn_cci(void)
{
	check_owner();
	if (X.cid >= TXN_INVALID_CID - 1)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED,
		         "cannot have more than 2^32-2 commands in a transaction");
	X.cid++;
}

txn_block_state
txn_block(void)
{
	check_owner();
	return X.block;
}

char
txn_status_char(void)
{
	check_owner();
	return X.block == TXN_BLOCK_INPROGRESS ? 'T' : X.block == TXN_BLOCK_FAILED ? 'E' : 'I';
}

txn_isolation
txn_isolation_level(void)
{
	check_owner();
	return X.block == TXN_BLOCK_IDLE ? (txn_isolation)settings.default_transaction_isolation : X.iso;
}

bool
txn_is_read_only(void)
{
	check_owner();
	return X.block != TXN_BLOCK_IDLE && X.read_only;
}

int
txn_nesting_level(void)
{
	check_owner();
	return X.block == TXN_BLOCK_IDLE ? 0 : X.depth;
}

/* ---- update conflicts -------------------------------------------------------------------- */

txn_upd_action
txn_on_concurrent_update(txn_tm_result r)
{
	check_owner();
	if (r != TM_UPDATED && r != TM_DELETED)
		ph_internal("txn_on_concurrent_update called with result %d", (int)r);
	if (X.iso != TXN_READ_COMMITTED) {
		ERR_BEGIN(ERRCODE_SERIALIZATION_FAILURE);
		err_hint("The transaction might succeed if retried.");
		err_throw("could not serialize access due to concurrent %s", r == TM_UPDATED ? "update" : "delete");
	}
	return r == TM_UPDATED ? TXN_UPD_RECHECK : TXN_UPD_SKIP;
}

void
txn_wait_for_xact(txn_xid xid)
{
	while (xid != TXN_INVALID_XID) {
		txn_xid parent;

		lock_xact_wait(xid);
		if (!txn_xid_in_progress(xid))
			return;
		/* a released subtransaction: its xid now lives as long as its parent */
		parent = txn_subtrans_parent(xid);
		if (parent == xid)
			return;
		xid = parent;
	}
}

/* ---- resource manager, checkpoints, statistics --------------------------------------------- */

static void
txn_redo(const wal_record *rec)
{
	txn_wal_rec r;
	const txn_xid *subs;

	if (rec->data_len < sizeof(r))
		ph_error(ERRCODE_DATA_CORRUPTED, "transaction record at " WAL_LSN_FMT " is too short",
		         WAL_LSN_ARGS(rec->lsn));
	memcpy(&r, rec->data, sizeof(r));
	if (rec->data_len != sizeof(r) + r.nsub * sizeof(txn_xid))
		ph_error(ERRCODE_DATA_CORRUPTED, "transaction record at " WAL_LSN_FMT " has a bad length",
		         WAL_LSN_ARGS(rec->lsn));
	subs = (const txn_xid *)(rec->data + sizeof(r));
	{
		/* the data may be unaligned in the reader's buffer */
		txn_xid *copy = palloc(sizeof(txn_xid) * (r.nsub ? r.nsub : 1));

		memcpy(copy, subs, sizeof(txn_xid) * r.nsub);
		txn_clog_set(rec->xid, (int)r.nsub, copy,
		             rec->info == TXN_WAL_COMMIT ? TXN_STATUS_COMMITTED : TXN_STATUS_ABORTED, 0);
		pfree(copy);
	}
}

static void
txn_describe(const wal_record *rec, char *buf, size_t len)
{
	txn_wal_rec r = { 0 };

	if (rec->data_len >= sizeof(r))
		memcpy(&r, rec->data, sizeof(r));
	snprintf(buf, len, "%s of transaction %llu with %u subtransactions",
	         rec->info == TXN_WAL_COMMIT ? "commit" : "abort", (unsigned long long)rec->xid, r.nsub);
}

static const wal_rmgr txn_rmgr = { "TXN", txn_redo, txn_describe, NULL, NULL };

static void
checkpoint_hook(bool shutdown)
{
	(void)shutdown;
	txn_clog_flush();
}

static uint64_t
next_xid_source(void)
{
	uint64_t hwm;

	txn_attach();
	lwlock_acquire(&txn_sh->ts_xidgen_lock, LW_SHARED);
	hwm = txn_sh->ts_xid_hwm;
	lwlock_release(&txn_sh->ts_xidgen_lock);
	return hwm;
}

void
txn_init_process(const char *datadir)
{
	txn_set_datadir(datadir);
	wal_rmgr_register(RM_TXN, &txn_rmgr);
	wal_checkpoint_register(checkpoint_hook);
	wal_set_next_xid_source(next_xid_source);
}

void
txn_get_stats(txn_stats *o)
{
	txn_attach();
	o->commits = atomic_load(&txn_sh->ts_commits);
	o->aborts = atomic_load(&txn_sh->ts_aborts);
	o->ssi_failures = atomic_load(&ssi_sh->ss_failures);
	o->next_xid = txn_read_next_xid();
}
