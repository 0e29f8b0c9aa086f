/*
 * deadlock.c — the deadlock monitor process: builds the wait-for graph from the lock table,
 * finds cycles and signals victims (lib/lock, to come).  deadlock_check is the hook, run every
 * deadlock_timeout.
 */
#include "daemons/common/actor.h"
#include "daemons/common/roles.h"
#include "util/cfg.h"

/* Look for cycles among lock waits older than deadlock_timeout.  lib/lock hooks here. */
static void
deadlock_check(void)
{
}

void
deadlock_main(int slot)
{
	(void)slot;
	actor_start(ROLE_DEADLOCK, "deadlock monitor");
	actor_every_setting(&settings.deadlock_timeout, deadlock_check);
	actor_ready();
	actor_run();
}
