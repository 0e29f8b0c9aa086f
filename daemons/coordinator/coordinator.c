/*
 * coordinator.c — the transaction coordinator process: two-phase commit with external
 * participants and sagas (lib/txn, to come), reachable on coordinator_port.  Today the actor
 * skeleton only: the 2PC subsystem adds its mailbox messages and its TCP socket here.
 */
#include "daemons/common/actor.h"
#include "daemons/common/roles.h"

void
coordinator_main(int slot)
{
	(void)slot;
	actor_start(ROLE_COORDINATOR, "coordinator");
	actor_ready();
	actor_run();
}
