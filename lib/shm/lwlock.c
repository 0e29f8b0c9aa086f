/*
 * lwlock.c — futex-based shared/exclusive latch; see lwlock.h.
 *
 * State word transitions (all by CAS):
 *   shared acquire:    no EXCL and no WANT_EXCL            -> count + 1
 *   exclusive acquire: no EXCL and count == 0               -> EXCL (WANT_EXCL cleared)
 *   blocked lockers set WAITERS (exclusive ones also WANT_EXCL) and futex_wait on the word;
 *   release clears its part and, when WAITERS was set, clears WAITERS and wakes everyone,
 *   who retry (and set the bits again if they still cannot enter).
 */
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

#include "shm/futex.h"
#include "shm/lwlock.h"
#include "shm/proc.h"
#include "util/err.h"

/* This process's pid, cached: getpid() is a system call and exclusive acquisitions are hot.
 * A fork handler clears it in the child. */
static int32_t self_pid;

static void
forget_pid(void)
{
	self_pid = 0;
}

int32_t
lwlock_my_pid(void)
{
	static bool registered;

	if (self_pid == 0) {
		if (!registered) {
			pthread_atfork(NULL, NULL, forget_pid);
			registered = true;
		}
		self_pid = (int32_t)getpid();
	}
	return self_pid;
}

static lwlock *held[LWLOCK_MAX_HELD];
static lw_mode held_mode[LWLOCK_MAX_HELD];
static int nheld;

void
lwlock_init(lwlock *l, uint32_t tranche)
{
	atomic_store(&l->lw_state, 0);
	l->lw_owner = 0;
	l->lw_tranche = tranche;
}

static bool
attempt(lwlock *l, lw_mode mode, bool waiting)
{
	uint32_t old = atomic_load_explicit(&l->lw_state, memory_order_relaxed);

	for (;;) {
		uint32_t nw;

		if (mode == LW_SHARED) {
			/* A waiting writer blocks new readers, but not readers that already waited. */
			if ((old & LW_EXCL) || ((old & LW_WANT_EXCL) && !waiting))
				return false;
			nw = old + 1;
		} else {
			if ((old & LW_EXCL) || (old & LW_SHARE_MASK))
				return false;
			nw = (old | LW_EXCL) & ~LW_WANT_EXCL;
		}
		if (atomic_compare_exchange_weak_explicit(&l->lw_state, &old, nw, memory_order_acquire,
		                                          memory_order_relaxed))
			return true;
	}
}

static void
remember(lwlock *l, lw_mode mode)
{
	if (nheld >= LWLOCK_MAX_HELD)
		ph_panic("too many lwlocks held");
	held[nheld] = l;
	held_mode[nheld] = mode;
	nheld++;
	if (mode == LW_EXCLUSIVE)
		l->lw_owner = lwlock_my_pid();
	proc_note_lock(1);
}

bool
lwlock_conditional_acquire(lwlock *l, lw_mode mode)
{
	if (!attempt(l, mode, false))
		return false;
	remember(l, mode);
	return true;
}

void
lwlock_acquire(lwlock *l, lw_mode mode)
{
	bool waited = false;

	for (int tries = 0;; tries++) {
		uint32_t old;

		if (attempt(l, mode, waited))
			break;
		if (tries < 20) {
#if defined(__x86_64__)
			__builtin_ia32_pause();
#endif
			continue;
		}
		/* announce that we wait, then sleep until the word changes */
		old = atomic_load(&l->lw_state);
		for (;;) {
			uint32_t nw = old | LW_WAITERS | (mode == LW_EXCLUSIVE ? LW_WANT_EXCL : 0);

			if (mode == LW_SHARED ? !(old & LW_EXCL) && (waited || !(old & LW_WANT_EXCL))
			                      : !(old & LW_EXCL) && !(old & LW_SHARE_MASK))
				break; /* became free: retry at once */
			if (old == nw || atomic_compare_exchange_weak(&l->lw_state, &old, nw)) {
				futex_wait(&l->lw_state, nw, -1);
				break;
			}
		}
		waited = true;
	}
	remember(l, mode);
}

void
lwlock_release(lwlock *l)
{
	int i;
	lw_mode mode;
	uint32_t old, nw;

	for (i = nheld - 1; i >= 0; i--)
		if (held[i] == l)
			break;
	if (i < 0)
		ph_panic("lwlock released but not held");
	mode = held_mode[i];
	for (; i < nheld - 1; i++) {
		held[i] = held[i + 1];
		held_mode[i] = held_mode[i + 1];
	}
	nheld--;
	if (mode == LW_EXCLUSIVE)
		l->lw_owner = 0;
	old = atomic_load_explicit(&l->lw_state, memory_order_relaxed);
	do {
		nw = mode == LW_EXCLUSIVE ? old & ~LW_EXCL : old - 1;
		if (nw & LW_WAITERS && (nw & LW_SHARE_MASK) == 0 && !(nw & LW_EXCL))
			nw &= ~LW_WAITERS;
	} while (!atomic_compare_exchange_weak_explicit(&l->lw_state, &old, nw, memory_order_release,
	                                                memory_order_relaxed));
	proc_note_lock(-1);
	if ((old & LW_WAITERS) && !(nw & LW_WAITERS))
		futex_wake(&l->lw_state, 0);
}

void
lwlock_release_all(void)
{
	while (nheld > 0)
		lwlock_release(held[nheld - 1]);
}

bool
lwlock_held_by_me(const lwlock *l)
{
	for (int i = 0; i < nheld; i++)
		if (held[i] == l)
			return true;
	return false;
}

int
lwlock_num_held(void)
{
	return nheld;
}
