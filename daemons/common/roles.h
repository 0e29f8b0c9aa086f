/*
 * roles.h — the entry point of each process role, called in the child right after fork()
 * (see daemons/README.md).  Each runs until the process exits; none returns normally.
 */
#ifndef PH_DAEMONS_ROLES_H
#define PH_DAEMONS_ROLES_H

void listener_main(int slot);
void worker_main(int slot);
void walwriter_main(int slot);
void checkpointer_main(int slot);
void deadlock_main(int slot);
void coordinator_main(int slot);
void metrics_main(int slot);
void recovery_main(int slot);

/*
 * Crash recovery, run by the recovery process at every start and after every crash reset,
 * before any other process starts.  Returns 0 when the data directory is consistent, -1 (after
 * logging why) when it cannot be made so; the supervisor then shuts down.
 * Until lib/wal exists it does nothing (daemons/recovery/recovery.c).
 */
int recovery_run(void);

#endif
