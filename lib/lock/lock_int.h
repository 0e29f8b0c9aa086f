/*
 * lock_int.h — lib/lock internals: shared structures (README "Structures") and the pure
 * cycle-finding algorithm of the deadlock detector, exposed for unit tests.
 */
#ifndef PH_LOCK_LOCK_INT_H
#define PH_LOCK_LOCK_INT_H

#include <stdatomic.h>

#include "lock/lock.h"
#include "shm/lwlock.h"
#include "shm/spin.h"

#define LOCK_PARTITIONS 16
#define LOCK_MSG_MAX 1024
#define NIL (-1)

/* lp_wait_status */
enum { LW_NONE = 0, LW_WAITING = 1, LW_GRANTED = 2, LW_DEADLOCK = 3 };

/* A lockable object with at least one holder or waiter.  Guarded by its partition lock. */
typedef struct lock_obj {
	lock_tag lo_tag;
	uint32_t lo_hash;
	int32_t lo_next;                 /* hash chain */
	uint16_t lo_granted[LOCK_NMODES];
	uint32_t lo_grant_mask;
	uint32_t lo_wait_mask;
	int32_t lo_holders;              /* list of proclocks (holders and waiters) */
	int32_t lo_qhead, lo_qtail;      /* wait queue of proclocks, FIFO */
} lock_obj;

/* One process's holds on / request for one object.  Guarded by the partition lock. */
typedef struct proclock {
	int32_t pl_lock;
	int32_t pl_proc;
	uint32_t pl_hold_mask;
	uint8_t pl_wait_mode;            /* 0 unless queued */
	uint8_t pl_pad[3];
	int32_t pl_next, pl_prev;        /* in lo_holders */
	int32_t pl_qnext, pl_qprev;      /* in the wait queue */
} proclock;

/* Per process slot.  Wait fields: written under the partition of the awaited lock. */
typedef struct lock_proc {
	_Atomic uint32_t lp_wait_status;
	int32_t lp_wait_proclock;
	int32_t lp_wait_lock;
	uint8_t lp_wait_mode;
	uint8_t lp_pad[3];
	int64_t lp_wait_start_us;
	_Atomic int64_t lp_txn_start_us;  /* owner writes, anyone reads */
	_Atomic uint64_t lp_xid;
	atomic_uint lp_msg_busy;          /* 1 while lp_msg holds an undelivered report */
	char lp_msg[LOCK_MSG_MAX];
} lock_proc;

typedef struct lock_shared {
	lwlock ls_part[LOCK_PARTITIONS];
	uint32_t ls_nbuckets;            /* per partition */
	uint32_t ls_nobj, ls_npl, ls_nprocs;
	spinlock ls_obj_lck;
	int32_t ls_obj_free;
	spinlock ls_pl_lck;
	int32_t ls_pl_free;
	atomic_uint ls_nwaiting;
	_Atomic uint64_t st_acquired, st_waits, st_deadlocks, st_prevented, st_timeouts;
	/* followed by buckets[LOCK_PARTITIONS][nbuckets], lock_obj[nobj], proclock[npl],
	 * lock_proc[nprocs] */
} lock_shared;

extern lock_shared *lock_sh;
extern int32_t *lock_buckets;
extern lock_obj *lock_objs;
extern proclock *lock_pls;
extern lock_proc *lock_procs;

uint32_t lock_conflict_mask(lock_mode m);
/* Wake waiters of obj that can now be granted (partition lock held). */
void lock_wakeup(lock_obj *obj);
/* Remove a queued proclock from its wait queue, free it if it holds nothing, free the
 * object if nothing is left (partition lock held).  Returns false if the object was freed. */
bool lock_dequeue(lock_obj *obj, proclock *pl);
void lock_attach(void);
/* Leave a report for process victim (the first one wins until it is delivered). */
void lock_leave_message(int victim, const char *msg);

/* ---- the detector's graph (pure; unit-tested on synthetic graphs) ----------------------- */

typedef struct dl_graph {
	int n;                 /* nodes 0..n-1 (process numbers) */
	const int *edge_start; /* n + 1 entries; node i's edges are [edge_start[i], edge_start[i+1]) */
	const int *edge_to;
	const bool *edge_soft; /* soft: waits behind a queued request, not a held lock */
	const int64_t *age;    /* transaction start; larger = younger */
	const uint64_t *xid;   /* tie-break: larger = younger */
	const bool *root;      /* search starts here (waits older than deadlock_timeout) */
} dl_graph;

/*
 * Find a cycle reachable from a root.  Writes its nodes in wait order (cycle[i] waits for
 * cycle[i+1], the last for the first) and the edge index of each step, returns its length,
 * or 0 if there is none.  scratch: 3 * n ints.
 */
int dl_find_cycle(const dl_graph *g, int *cycle, int *cycle_edges, int *scratch);
/* The youngest member of the cycle (largest age, then xid, then node number). */
int dl_choose_victim(const dl_graph *g, const int *cycle, int len);

#endif
