/*
 * txn.h — transactions: ids, snapshots, the commit log, MVCC visibility, the session's
 * transaction state machine, savepoints, and serializable snapshot isolation (SSI).
 *
 * The design, invariants and lock order are in lib/txn/README.md.  In short:
 *   - storage (heap, btree, catalog) calls the visibility functions (section "Visibility")
 *     with a txn_tuple_hdr adapted from its own tuple header, and the SSI hooks;
 *   - the SQL engine drives the state machine (section "Session") and asks it for the
 *     snapshot and the xid to stamp on new rows;
 *   - daemons call txn_checkpoint (through wal_checkpoint's hook) and nothing else.
 *
 * Errors: raised through lib/util/err.h with the SQLSTATEs named per function.  Functions
 * marked "any process" only need the shared-memory segment; the session functions need a
 * process slot (they take locks in lib/lock).
 */
#ifndef PH_TXN_TXN_H
#define PH_TXN_TXN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/mem.h"
#include "wal/wal.h"

typedef uint64_t txn_xid;
typedef uint32_t txn_cid;

#define TXN_INVALID_XID ((txn_xid)0)
#define TXN_BOOTSTRAP_XID ((txn_xid)1)
#define TXN_FROZEN_XID ((txn_xid)2)
#define TXN_FIRST_NORMAL_XID ((txn_xid)3)
#define TXN_INVALID_CID UINT32_MAX
#define TXN_XID_PREFETCH 65536
#define TXN_SUBXID_CACHE 64
#define TXN_SAVEPOINT_NAME_MAX 64

/* ---- commit log (any process) ------------------------------------------------------------- */

typedef enum txn_status {
	TXN_STATUS_IN_PROGRESS = 0, /* also: crashed, if not running */
	TXN_STATUS_COMMITTED = 1,
	TXN_STATUS_ABORTED = 2
} txn_status;

/* Status of xid in clog; *lsn (may be NULL) receives the LSN that must be flushed before a
 * commit hint may be set (0 when nothing is pending).  Special xids read as committed. */
txn_status txn_clog_get(txn_xid xid, wal_lsn *lsn);
/*
 * Set the status of a top-level xid and its subxids together (one hold of ClogLock).
 * lsn: the commit record's end when it is not yet flushed (synchronous_commit = off), else
 * 0.  Raises 58030 if a clog page cannot be read or written.
 */
void txn_clog_set(txn_xid xid, int nsub, const txn_xid *subxids, txn_status st, wal_lsn lsn);
/* Write every dirty clog page and fsync (checkpoint hook). */
void txn_clog_flush(void);

/* ---- transaction ids (any process) -------------------------------------------------------- */

txn_xid txn_read_next_xid(void);
/* Is xid running (in some process's proc-array slot, as top level or subtransaction)? */
bool txn_xid_in_progress(txn_xid xid);
bool txn_xid_did_commit(txn_xid xid);
/* Parent / top-level transaction of a subtransaction id (xid itself for a top level). */
txn_xid txn_subtrans_parent(txn_xid xid);
txn_xid txn_subtrans_topmost(txn_xid xid);
/* Oldest xid any snapshot may still consider running: versions deleted by committed xids
 * below it are dead to everyone.  Any process. */
txn_xid txn_global_xmin(void);

/* ---- snapshots ------------------------------------------------------------------------------ */

typedef struct txn_snapshot {
	txn_xid xmin;          /* every xid < xmin had finished */
	txn_xid xmax;          /* every xid >= xmax had not finished */
	uint32_t xcnt;
	uint32_t subxcnt;
	txn_xid *xip;          /* top-level xids running, each in [xmin, xmax) */
	txn_xid *subxip;       /* their subxids (unless suboverflowed) */
	bool suboverflowed;
	txn_cid curcid;        /* own rows with cmin < curcid are visible */
	uint64_t ssi_seq;      /* SSI: commit sequence at the time it was taken */
} txn_snapshot;

/* Take a snapshot of the proc array now (allocated in ctx).  Any process with a slot. */
txn_snapshot *txn_snapshot_take(mem_ctx *ctx);
txn_snapshot *txn_snapshot_copy(mem_ctx *ctx, const txn_snapshot *s);
/* Was xid running for this snapshot (including all xids >= xmax)? */
bool txn_xid_in_snapshot(txn_xid xid, const txn_snapshot *s);

/* ---- visibility (pure functions over a few header fields) ---------------------------------- */

/* infomask bits (PostgreSQL's values) */
#define TXN_COMBOCID 0x0020
#define TXN_XMAX_LOCK_ONLY 0x0080
#define TXN_XMIN_COMMITTED 0x0100
#define TXN_XMIN_INVALID 0x0200
#define TXN_XMAX_COMMITTED 0x0400
#define TXN_XMAX_INVALID 0x0800
#define TXN_HINT_MASK (TXN_XMIN_COMMITTED | TXN_XMIN_INVALID | TXN_XMAX_COMMITTED | TXN_XMAX_INVALID)

/* The tuple-header fields visibility needs; the heap adapts its header to this. */
typedef struct txn_tuple_hdr {
	txn_xid xmin;
	txn_xid xmax;          /* 0: not deleted or locked */
	txn_cid cid;           /* cmin, cmax or a combo cid (TXN_COMBOCID) */
	uint16_t infomask;
	bool ctid_is_self;     /* no newer version (deleted, or never updated) */
} txn_tuple_hdr;

/*
 * Is the version visible to snapshot s?  *hints receives infomask bits the caller may set
 * on the tuple (XMIN/XMAX_COMMITTED only when the commit record is flushed); it may ignore
 * them.  The functions below have the same hints contract.  Any process; no locks taken
 * except ClogLock/ProcArrayLock shared inside status lookups.
 */
bool txn_visible(const txn_tuple_hdr *t, const txn_snapshot *s, uint16_t *hints);

typedef enum txn_tm_result {
	TM_OK = 0,             /* may be updated/deleted/locked now */
	TM_INVISIBLE,          /* not visible at all (inserted by a later command, or aborted) */
	TM_SELF_MODIFIED,      /* already updated/deleted by this transaction */
	TM_UPDATED,            /* updated by a committed transaction: follow ctid */
	TM_DELETED,            /* deleted by a committed transaction */
	TM_BEING_MODIFIED      /* xmax is a running transaction: wait for it, then re-check */
} txn_tm_result;
txn_tm_result txn_satisfies_update(const txn_tuple_hdr *t, txn_cid curcid, uint16_t *hints);

typedef enum txn_vac_result {
	VAC_DEAD = 0,          /* dead to everyone: may be removed */
	VAC_LIVE,
	VAC_RECENTLY_DEAD,     /* deleted, but some snapshot may still see it */
	VAC_INSERT_IN_PROGRESS,
	VAC_DELETE_IN_PROGRESS
} txn_vac_result;
txn_vac_result txn_satisfies_vacuum(const txn_tuple_hdr *t, txn_xid horizon, uint16_t *hints);

/* "Dirty" visibility for unique checks: visible counting running inserts; *wait_xid gets
 * the running xid (xmin or xmax) the caller must wait for before deciding, else 0. */
bool txn_visible_dirty(const txn_tuple_hdr *t, txn_xid *wait_xid, uint16_t *hints);

/* cmin/cmax of a tuple written by this transaction (resolving combo cids). */
txn_cid txn_tuple_cmin(const txn_tuple_hdr *t);
txn_cid txn_tuple_cmax(const txn_tuple_hdr *t);
/* Value to store in cid when this transaction deletes/updates the tuple at command cmax;
 * sets or clears TXN_COMBOCID in *infomask. */
txn_cid txn_combocid_for_delete(const txn_tuple_hdr *t, txn_cid cmax, uint16_t *infomask);

/* Where the visibility functions learn about xids (tests install a table). */
typedef struct txn_xid_oracle {
	bool (*is_current)(txn_xid xid);   /* this transaction (top or live subtransaction) */
	bool (*in_progress)(txn_xid xid);
	bool (*did_commit)(txn_xid xid);
	bool (*hint_ok)(txn_xid xid);      /* its commit record is flushed */
	txn_xid (*topmost)(txn_xid xid);
} txn_xid_oracle;
void txn_set_oracle(const txn_xid_oracle *o); /* NULL: the real one */

/* ---- the session's transaction (process with a slot; the SQL engine drives it) ------------ */

typedef enum txn_isolation {
	TXN_READ_COMMITTED = 0,
	TXN_REPEATABLE_READ = 1,
	TXN_SERIALIZABLE = 2
} txn_isolation;

typedef enum txn_block_state {
	TXN_BLOCK_IDLE = 0,      /* no transaction */
	TXN_BLOCK_IMPLICIT,      /* single-statement transaction */
	TXN_BLOCK_INPROGRESS,    /* inside BEGIN ... */
	TXN_BLOCK_FAILED         /* inside BEGIN ..., after an error */
} txn_block_state;

/* Per statement: start (IDLE -> IMPLICIT; raises 25P02 in FAILED), end (commits an implicit
 * transaction, else next command id), abort (the statement failed: implicit -> rolled back;
 * in a block -> FAILED, the innermost (sub)transaction's work undone and its locks released).
 * txn_stmt_end can raise 40001 (SSI) while committing. */
void txn_stmt_start(void);
void txn_stmt_end(void);
void txn_stmt_abort(void);

/* BEGIN / START TRANSACTION.  isolation: -1 = default_transaction_isolation; read_only: -1 =
 * default (read write).  Inside a block: WARNING 25001, nothing changes. */
void txn_begin_block(int isolation, int read_only);
/* COMMIT: returns true if committed, false if the block had failed and was rolled back.
 * Outside a block: WARNING 25P01.  Raises 40001 if SSI refuses the commit (then the
 * transaction is rolled back and the state is IDLE). */
bool txn_commit_block(void);
/* ROLLBACK: outside a block WARNING 25P01. */
void txn_rollback_block(void);
/* SAVEPOINT / RELEASE / ROLLBACK TO: 25P01 outside a block, 25P02 (savepoint, release) in
 * a failed block, 3B001 for an unknown name. */
void txn_savepoint(const char *name);
void txn_release_savepoint(const char *name);
void txn_rollback_to_savepoint(const char *name);
/* SET TRANSACTION ...: 25001 after the first snapshot or in a subtransaction; outside a
 * block WARNING 25P01 and ignored. */
void txn_set_isolation(txn_isolation level);
void txn_set_read_only(bool read_only);
/* Raise 25006 "cannot execute <what> in a read-only transaction" when read-only. */
void txn_check_write(const char *what);

/* The snapshot for the current statement: READ COMMITTED takes one per statement, the other
 * levels one per transaction (SERIALIZABLE also registers with SSI).  Its curcid is the
 * current command id.  Valid until the statement ends. */
const txn_snapshot *txn_get_snapshot(void);
/* Keep a copy of a snapshot alive beyond its statement (cursors); it holds back the
 * horizon until released.  Both process-local. */
txn_snapshot *txn_snapshot_hold(const txn_snapshot *s);
void txn_snapshot_release(txn_snapshot *s);

/* The xid to stamp on rows written now (assigning the top-level and subtransaction ids on
 * first use; takes the transaction's ExclusiveLock on it).  Raises 25006 in a read-only
 * transaction. */
txn_xid txn_assign_xid(void);
txn_xid txn_top_xid(void);           /* 0 if none assigned */
txn_xid txn_current_xid(void);       /* innermost, 0 if none assigned */
txn_cid txn_current_cid(void);
/* Command counter increment: later commands see this one's writes.  54000 after 2^32-1. */
void txn_cci(void);
/* Is xid this transaction's (top level, live subtransaction or released savepoint)? */
bool txn_is_current_xid(txn_xid xid);
/* Copy up to cap of those xids (ascending: the top level's first) into buf (may be NULL);
 * returns how many there are. */
int txn_current_xids(txn_xid *buf, int cap);

txn_block_state txn_block(void);
/* 'I' idle, 'T' in a transaction block, 'E' in a failed block (ReadyForQuery). */
char txn_status_char(void);
txn_isolation txn_isolation_level(void);
bool txn_is_read_only(void);
int txn_nesting_level(void);
const char *txn_isolation_name(txn_isolation level);

/*
 * Update conflicts (README section 2): after txn_satisfies_update returned TM_UPDATED or
 * TM_DELETED for a row this transaction's snapshot saw.  REPEATABLE READ / SERIALIZABLE:
 * raises 40001 "could not serialize access due to concurrent update" (or "delete").
 * READ COMMITTED: returns TXN_UPD_RECHECK for TM_UPDATED (follow ctid, re-evaluate the
 * quals on the newest version: EvalPlanQual) or TXN_UPD_SKIP for TM_DELETED.
 */
typedef enum { TXN_UPD_RECHECK, TXN_UPD_SKIP } txn_upd_action;
txn_upd_action txn_on_concurrent_update(txn_tm_result r);
/* Wait until xid (top level or subtransaction) has ended.  Raises as lock_acquire. */
void txn_wait_for_xact(txn_xid xid);

typedef enum txn_event {
	TXN_EV_PRE_COMMIT,  /* may raise: the transaction then aborts */
	TXN_EV_COMMIT,
	TXN_EV_ABORT,
	TXN_EV_SUB_START,
	TXN_EV_SUB_COMMIT,  /* RELEASE SAVEPOINT */
	TXN_EV_SUB_ABORT    /* ROLLBACK TO SAVEPOINT, error in a subtransaction */
} txn_event;
/* Called at each event (in registration order); process-local, kept for the process. */
void txn_register_callback(void (*fn)(txn_event ev, void *arg), void *arg);
/* Warnings of the state machine (25001, 25P01) go here; default: the server log. */
extern void (*txn_notice_hook)(const char *sqlstate, const char *message);

/* ---- SERIALIZABLE: SSI hooks for storage (no-ops unless the transaction is serializable) -- */

/* SIREAD locks for what was read: a tuple, an index/heap page, a whole relation. */
void txn_ssi_lock_tuple(uint32_t db, uint32_t rel, uint32_t blk, uint16_t slot);
void txn_ssi_lock_page(uint32_t db, uint32_t rel, uint32_t blk);
void txn_ssi_lock_relation(uint32_t db, uint32_t rel);
/* The reader met a version: `visible` is txn_visible's answer.  Records a rw-conflict
 * reader -> writer when a concurrent transaction created or deleted it.  May raise 40001. */
void txn_ssi_conflict_out(const txn_tuple_hdr *t, bool visible, const txn_snapshot *s);
/* The writer is about to write: checks SIREAD locks on the tuple (slot >= 0), its page
 * (blk != UINT32_MAX) and the relation.  May raise 40001. */
void txn_ssi_conflict_in(uint32_t db, uint32_t rel, uint32_t blk, int slot);
/* An index page split: SIREAD locks on old_blk also cover new_blk. */
void txn_ssi_page_split(uint32_t db, uint32_t rel, uint32_t old_blk, uint32_t new_blk);

/* ---- shared memory, startup, recovery, checkpoints ----------------------------------------- */

size_t txn_shmem_size(void);
void txn_shmem_init(void *base, size_t size);
/* Create DATADIR/clog and DATADIR/subtrans for a new data directory.  Raises 58030. */
void txn_bootstrap(const char *datadir);
/* Every process, before anything else of this module (the startup process before
 * wal_recovery_run): registers the RM_TXN resource manager and the checkpoint hooks, and
 * records the data directory in shared memory if it is not there yet. */
void txn_init_process(const char *datadir);
/* After wal_recovery_run, once: next xid from the control file and the log, subtrans wiped.
 * rec may be NULL. */
void txn_startup(const wal_recovery_result *rec);

/* RM_TXN info values and record layout (for tools) */
#define TXN_WAL_COMMIT 0x10
#define TXN_WAL_ABORT 0x20

typedef struct txn_stats {
	uint64_t commits;
	uint64_t aborts;
	uint64_t ssi_failures;
	txn_xid next_xid;
} txn_stats;
void txn_get_stats(txn_stats *out);

#endif
