/* spin.c — test-and-test-and-set spinlock with bounded busy-waiting, then yielding. */
#include <sched.h>
#include <time.h>

#include "shm/proc.h"
#include "shm/spin.h"

void
spin_init(spinlock *s)
{
	atomic_store_explicit(&s->sl_word, 0, memory_order_relaxed);
}

static inline void
cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

bool
spin_try(spinlock *s)
{
	if (atomic_exchange_explicit(&s->sl_word, 1, memory_order_acquire) == 0) {
		proc_note_lock(1);
		return true;
	}
	return false;
}

void
spin_acquire(spinlock *s)
{
	unsigned spins = 0;

	for (;;) {
		if (atomic_load_explicit(&s->sl_word, memory_order_relaxed) == 0 && spin_try(s))
			return;
		if (++spins < 200) {
			cpu_relax();
		} else if (spins < 1000) {
			sched_yield();
		} else {
			struct timespec ts = { 0, 100000 }; /* 0.1 ms: the holder was descheduled */

			nanosleep(&ts, NULL);
		}
	}
}

void
spin_release(spinlock *s)
{
	atomic_store_explicit(&s->sl_word, 0, memory_order_release);
	proc_note_lock(-1);
}
