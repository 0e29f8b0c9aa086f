/*
 * spin.h — spinlocks in shared memory, for critical sections of a few dozen instructions
 * (never across I/O, allocation, an error or another spinlock of a different kind).
 *
 * A process that dies holding a spinlock wedges its waiters; the supervisor treats the death
 * of any process whose slot shows held locks (proc_slot.ps_locks_held) as a crash and resets
 * shared memory, so spin_acquire counts the lock in the caller's slot.
 */
#ifndef PH_SHM_SPIN_H
#define PH_SHM_SPIN_H

#include <stdatomic.h>
#include <stdbool.h>

typedef struct spinlock {
	atomic_uint sl_word;
} spinlock;

void spin_init(spinlock *s);
void spin_acquire(spinlock *s);
bool spin_try(spinlock *s);
void spin_release(spinlock *s);

#endif
