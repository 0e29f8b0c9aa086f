/*
 * walwriter.c — the WAL writer process: flushes WAL buffers to the segment files, grouping
 * commits (lib/wal, to come).  Today it is the actor skeleton the WAL subsystem plugs into:
 * one line per timer or message, as below.
 */
#include "daemons/common/actor.h"
#include "daemons/common/roles.h"
#include "util/cfg.h"

/* Every wal_writer_delay: write and flush WAL of asynchronous commits.  lib/wal hooks here. */
static void
walwriter_tick(void)
{
}

void
walwriter_main(int slot)
{
	(void)slot;
	actor_start(ROLE_WALWRITER, "walwriter");
	actor_every_setting(&settings.wal_writer_delay, walwriter_tick);
	actor_ready();
	actor_run();
}
