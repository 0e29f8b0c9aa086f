/* latch.c — see latch.h. */
#include <stddef.h>

#include "shm/futex.h"
#include "shm/latch.h"
#include "shm/proc.h"

void
latch_set(int idx)
{
	proc_slot *s = &proc_tab->pt_slots[idx];

	if (atomic_exchange(&s->ps_latch, 1) == 0)
		futex_wake(&s->ps_latch, 1);
}

void
latch_reset(void)
{
	if (proc_me)
		atomic_store(&proc_me->ps_latch, 0);
}

bool
latch_wait(int64_t timeout_ms)
{
	if (proc_me == NULL)
		return false;
	if (atomic_load(&proc_me->ps_latch) == 0)
		futex_wait(&proc_me->ps_latch, 0, timeout_ms);
	return atomic_exchange(&proc_me->ps_latch, 0) != 0;
}
