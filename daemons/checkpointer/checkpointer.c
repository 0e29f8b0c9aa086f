/*
 * checkpointer.c — the checkpointer process: checkpoints on checkpoint_timeout, on request
 * (CHECKPOINT_REQUEST in its mailbox) and, at a clean shutdown, the shutdown checkpoint the
 * supervisor asks for (CTL_CHECKPOINT with CKPT_SHUTDOWN), after which it exits.
 * The checkpoint itself comes with lib/wal and lib/buf: checkpoint_perform is the hook.
 */
#include "daemons/common/actor.h"
#include "daemons/common/roles.h"
#include "util/cfg.h"
#include "util/log.h"

/* Perform a checkpoint (CKPT_* flags).  Nothing to write until the buffer pool and WAL exist. */
static void
checkpoint_perform(uint32_t flags)
{
	log_msg(LV_DEBUG, "checkpoint requested (flags 0x%x): nothing to write yet", flags);
}

static void
checkpoint_timed(void)
{
	checkpoint_perform(0);
}

static void
on_request(const msg *m)
{
	checkpoint_perform(m->u.checkpoint_request.flags);
}

static void
on_ctl_checkpoint(const msg *m)
{
	uint32_t flags = m->u.ctl_checkpoint.flags;

	checkpoint_perform(flags);
	if (flags & CKPT_SHUTDOWN) {
		log_msg(LV_INFO, "shutdown checkpoint complete");
		actor_exit(0);
	}
}

void
checkpointer_main(int slot)
{
	(void)slot;
	actor_start(ROLE_CHECKPOINTER, "checkpointer");
	actor_every_setting(&settings.checkpoint_timeout, checkpoint_timed);
	actor_on_msg(MSG_CHECKPOINT_REQUEST, on_request);
	actor_on_msg(MSG_CTL_CHECKPOINT, on_ctl_checkpoint);
	actor_ready();
	actor_run();
}
