/*
 * recovery.c — the recovery process, forked by the supervisor at every start and after every
 * crash reset, before any other process: it runs recovery_run() and exits 0 when the data
 * directory is consistent.  It is not an actor (no mailbox): it does one job and ends.
 */
#include <stdlib.h>
#include <unistd.h>

#include "daemons/common/actor.h"
#include "daemons/common/roles.h"
#include "util/log.h"

/*
 * Crash recovery hook (see roles.h).  Until lib/wal exists there is no log to replay and
 * nothing can be inconsistent, so it only says so.  The WAL subsystem replaces this body
 * with: read the control file, replay the WAL from the last checkpoint's redo point, write
 * an end-of-recovery checkpoint.  It runs in its own process, so it may open LMDB and nng.
 */
int
recovery_run(void)
{
	log_msg(LV_DEBUG, "recovery: nothing to replay (no write-ahead log yet)");
	return 0;
}

void
recovery_main(int slot)
{
	(void)slot;
	setproctitle("%s", "recovery");
	exit(recovery_run() == 0 ? 0 : 1);
}
