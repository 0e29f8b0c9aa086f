/*
 * supervisor.h — phantomd, the supervisor process (see daemons/README.md for its state
 * machine, the crash rule and the shutdown modes).
 *
 * The supervisor is single-threaded and never calls nng, LMDB or anything that starts
 * threads or takes locks in shared memory: it forks for the whole life of the server.
 */
#ifndef PH_DAEMONS_SUPERVISOR_H
#define PH_DAEMONS_SUPERVISOR_H

/* Data directory format written by phantomctl init into DATADIR/VERSION. */
#define PHANTOM_DATA_VERSION "1"

/* How long children get to exit after SIGQUIT before they are killed. */
#define SUPERVISOR_KILL_AFTER_MS 5000
/* Fast/smart shutdown: once sessions and the checkpoint are done, auxiliary processes get
 * this long to exit before SIGQUIT. */
#define SUPERVISOR_AUX_GRACE_MS 10000

/*
 * Run the server on datadir (settings and -c overrides already applied by the caller).
 * Returns the process exit status: 0 after a clean shutdown, 1 after a failed start or a
 * shutdown forced by an error.
 */
int supervisor_main(const char *datadir);

#endif
