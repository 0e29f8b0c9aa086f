/*
 * lock.h — the lock manager: table and row locks, "wait for transaction end", advisory
 * locks, fair FIFO wait queues, lock_timeout, deadlock detection and prevention.
 *
 * Design, invariants and protocols: lib/lock/README.md.
 *
 * Principal entry points:
 *   lock_acquire / lock_release     one lock, re-entrant (counted per process)
 *   lock_release_all                end of transaction (and of session)
 *   lock_release_level / lock_reassign_level   ROLLBACK TO / RELEASE SAVEPOINT
 *   lock_xact_wait                  wait until a transaction ends
 *   lock_deadlock_check                  the deadlock monitor's one call
 *
 * Who may call: lock_acquire/release need a process slot (proc_me) because waiting sleeps
 * on the process latch; lock_deadlock_check may be called by any process attached to the
 * segment.  No lwlock may be held when calling lock_acquire (it may sleep).
 */
#ifndef PH_LOCK_LOCK_H
#define PH_LOCK_LOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum lock_tag_kind {
	LOCKTAG_RELATION = 1, /* db, rel */
	LOCKTAG_TUPLE = 2,    /* db, rel, blk, id = slot */
	LOCKTAG_XACT = 3,     /* id = xid */
	LOCKTAG_PAGE = 4,     /* db, rel, blk */
	LOCKTAG_ADVISORY = 5  /* db, rel = key1, id = key2 */
} lock_tag_kind;

typedef struct lock_tag {
	uint8_t kind;
	uint8_t pad[3];
	uint32_t db;
	uint32_t rel;
	uint32_t blk;
	uint64_t id;
} lock_tag;

static inline lock_tag
lock_tag_relation(uint32_t db, uint32_t rel)
{
	return (lock_tag){ LOCKTAG_RELATION, { 0 }, db, rel, 0, 0 };
}
static inline lock_tag
lock_tag_tuple(uint32_t db, uint32_t rel, uint32_t blk, uint16_t slot)
{
	return (lock_tag){ LOCKTAG_TUPLE, { 0 }, db, rel, blk, slot };
}
static inline lock_tag
lock_tag_xact(uint64_t xid)
{
	return (lock_tag){ LOCKTAG_XACT, { 0 }, 0, 0, 0, xid };
}
static inline lock_tag
lock_tag_page(uint32_t db, uint32_t rel, uint32_t blk)
{
	return (lock_tag){ LOCKTAG_PAGE, { 0 }, db, rel, blk, 0 };
}
static inline lock_tag
lock_tag_advisory(uint32_t db, uint32_t key1, uint64_t key2)
{
	return (lock_tag){ LOCKTAG_ADVISORY, { 0 }, db, key1, 0, key2 };
}

/* Table modes 1..8 (PostgreSQL's), row modes 9..12 (tuple tags only). */
typedef enum lock_mode {
	LOCK_NONE = 0,
	LOCK_ACCESS_SHARE = 1,
	LOCK_ROW_SHARE = 2,
	LOCK_ROW_EXCLUSIVE = 3,
	LOCK_SHARE_UPDATE_EXCLUSIVE = 4,
	LOCK_SHARE = 5,
	LOCK_SHARE_ROW_EXCLUSIVE = 6,
	LOCK_EXCLUSIVE = 7,
	LOCK_ACCESS_EXCLUSIVE = 8,
	LOCK_FOR_KEY_SHARE = 9,
	LOCK_FOR_SHARE = 10,
	LOCK_FOR_NO_KEY_UPDATE = 11,
	LOCK_FOR_UPDATE = 12,
	LOCK_NMODES = 13
} lock_mode;

/* Do two modes conflict (held by different processes on the same object)? */
bool lock_conflicts(lock_mode a, lock_mode b);
/* "AccessShareLock" ... "AccessExclusiveLock", "ForKeyShareLock" ... "ForUpdateLock". */
const char *lock_mode_name(lock_mode m);
/* "relation 16384 of database 1", "tuple (3,5) of relation ...", "transaction 456", ... */
void lock_tag_describe(const lock_tag *t, char *buf, size_t buflen);

typedef enum lock_result {
	LOCK_OK = 0,          /* granted now */
	LOCK_ALREADY_HELD,    /* this process already held the mode: count raised */
	LOCK_NOT_AVAIL        /* nowait and it would have to wait */
} lock_result;

/*
 * Acquire a lock, waiting if needed (unless nowait).  Transaction locks (session = false)
 * are released by lock_release_all(false) at transaction end; session locks only by
 * lock_release or lock_release_all(true).
 * Raises: 55P03 "canceling statement due to lock timeout" (lock_timeout);
 *         40P01 "deadlock detected" (chosen as victim; detail names the cycle) or a
 *               prevention policy refused the wait (wait_die) / wounded us (wound_wait);
 *         57014 on PI_CANCEL or when the statement deadline passes while waiting;
 *         57P01 (FATAL) on PI_TERMINATE; 53200 when the shared lock table is full;
 *         XX000 for a mode that does not fit the tag.
 * If it raises, the request is no longer queued (a grant that raced with the error is kept
 * and released with the transaction's other locks).
 * Locks: none held on entry or exit; takes one partition lwlock at a time.  Blocks.
 * Process with a slot only.
 */
lock_result lock_acquire(const lock_tag *tag, lock_mode mode, bool session, bool nowait);

/* Release one hold (count) of a lock; false if this process does not hold it. */
bool lock_release(const lock_tag *tag, lock_mode mode, bool session);
/* Release every transaction lock (and session locks too if include_session). */
void lock_release_all(bool include_session);
/* Does this process hold tag in mode (as a transaction or session lock)? */
bool lock_held_by_me(const lock_tag *tag, lock_mode mode);
/* Number of distinct (tag, mode) this process holds. */
int lock_num_held(void);

/*
 * Subtransactions: the current nesting level (0 = top).  Transaction locks remember the
 * level at which they were first taken.  lock_release_level(n) releases those taken at
 * level >= n (ROLLBACK TO SAVEPOINT); lock_reassign_level(n) gives those at level >= n to
 * level n - 1 (RELEASE SAVEPOINT).  lib/txn drives these.
 */
void lock_set_level(int level);
void lock_release_level(int level);
void lock_reassign_level(int level);

/* Wait until transaction xid ends (ShareLock on its XACT tag, then release).  Raises as
 * lock_acquire. */
void lock_xact_wait(uint64_t xid);

/*
 * Who this process's transaction is, for deadlock_policy and victim choice: its xid (0
 * until assigned) and start time (microseconds; older = smaller).  lib/txn calls it at
 * transaction start and end (xid 0, which also clears a stale PI_DEADLOCK wound) and when
 * the xid is assigned.
 */
void lock_set_xact_info(uint64_t xid, int64_t start_us);
/* Absolute time (microseconds since the epoch) at which the running statement times out;
 * 0 = none.  The SQL engine sets it at statement start from statement_timeout. */
void lock_set_statement_deadline(int64_t deadline_us);

/*
 * Look for deadlocks among processes waiting longer than deadlock_timeout and break each
 * cycle by aborting its youngest transaction (README "Deadlock detection").  Returns the
 * number of victims.  Costs one atomic read when nobody waits.  Takes all partition locks
 * (in order) while it works.  Any process attached to the segment (the deadlock monitor
 * daemon calls it every deadlock_timeout / 2 or so); waiters also call it once themselves
 * after deadlock_timeout.
 */
int lock_deadlock_check(void);

typedef struct lock_stats {
	uint64_t acquired;      /* grants, immediate or after waiting */
	uint64_t waits;         /* requests that had to wait */
	uint64_t deadlocks;     /* victims chosen by detection */
	uint64_t prevented;     /* wait_die deaths and wound_wait wounds */
	uint64_t timeouts;      /* lock_timeout expiries */
	uint32_t waiting_now;
} lock_stats;
void lock_get_stats(lock_stats *out);

/* Shared memory (region "lock"). */
size_t lock_shmem_size(void);
void lock_shmem_init(void *base, size_t size);

/* Assertion helper: the process-local table agrees with the shared hold masks. */
bool lock_is_consistent(void);

#endif
