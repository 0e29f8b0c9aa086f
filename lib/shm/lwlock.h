/*
 * lwlock.h — shared/exclusive latches in shared memory ("lightweight locks").
 *
 * For short-term protection of shared structures: buffer contents, buffer-mapping
 * partitions, the WAL insert position, the lock table partitions.  Not for user-visible
 * locks (see lib/lock) and with no deadlock detection: take several only in the documented
 * order of the subsystem that owns them.
 *
 * Waiting blocks in futex_wait (no spinning beyond a few tries).  Every lwlock a process
 * holds is recorded in a process-local list so that lwlock_release_all() can drop them when
 * an error unwinds, and counted in the process slot so that the supervisor knows a process
 * died holding one (which forces a shared-memory reset).
 *
 * Fairness: a waiting exclusive locker sets LW_WANT_EXCL, which stops new shared lockers
 * from entering, so a stream of readers cannot starve a writer.
 */
#ifndef PH_SHM_LWLOCK_H
#define PH_SHM_LWLOCK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

typedef enum { LW_SHARED, LW_EXCLUSIVE } lw_mode;

typedef struct lwlock {
	atomic_uint lw_state;   /* LW_EXCL | LW_WANT_EXCL | LW_WAITERS | shared count */
	int32_t lw_owner;       /* pid of the exclusive holder, for diagnostics */
	uint32_t lw_tranche;    /* which kind of lock (for wait statistics) */
} lwlock;

#define LW_EXCL 0x80000000u
#define LW_WANT_EXCL 0x40000000u
#define LW_WAITERS 0x20000000u
#define LW_SHARE_MASK 0x00ffffffu

#define LWLOCK_MAX_HELD 64

void lwlock_init(lwlock *l, uint32_t tranche);
void lwlock_acquire(lwlock *l, lw_mode mode);
bool lwlock_conditional_acquire(lwlock *l, lw_mode mode);
void lwlock_release(lwlock *l);
/* Error recovery: release every lwlock this process holds. */
void lwlock_release_all(void);
bool lwlock_held_by_me(const lwlock *l);
/* This process's pid (cached; correct in children after fork). */
int32_t lwlock_my_pid(void);
int lwlock_num_held(void);

#endif
