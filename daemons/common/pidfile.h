/*
 * pidfile.h — DATADIR/phantomd.pid: who runs the server on a data directory.
 *
 * The file holds six lines (later versions may append more; readers ignore them):
 *
 *   1  supervisor pid
 *   2  data directory (absolute)
 *   3  start time, seconds since the epoch
 *   4  SQL port
 *   5  shared-memory segment name
 *   6  state: starting | ready | stopping
 *
 * The supervisor holds an open-file-description write lock (fcntl F_OFD_SETLK) on it for its
 * whole life.  Such a lock belongs to the open file, which every child inherits through
 * fork(): the lock is released only when the last process of the server has exited.  So:
 *
 *   1. A start finding the lock held refuses ("already running"), even if only orphaned
 *      children of a killed supervisor remain.
 *   2. A start finding the file but the lock free knows that no process of the old server
 *      lives: the file and the segment it names are stale and may be removed.
 *   3. Tools test the lock with F_OFD_GETLK, which never takes it, so `phantomctl status`
 *      cannot make a concurrent start fail.
 *   4. After acquiring the lock the server checks that the path still names the locked
 *      file (a stopping server unlinks it): otherwise it retries, so two starts cannot both
 *      hold "the" lock on different inodes.
 *
 * Used by phantomd (acquire, write, remove) and phantomctl (check).  No shared memory.
 */
#ifndef PH_DAEMONS_PIDFILE_H
#define PH_DAEMONS_PIDFILE_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define PIDFILE_NAME "phantomd.pid"

typedef struct pidfile_info {
	pid_t pid;
	char datadir[PATH_MAX];
	int64_t start_time;
	int port;
	char shm_name[64];
	char state[16];
} pidfile_info;

/* Results of pidfile_check. */
typedef enum {
	PIDF_NONE,     /* no pid file: not running */
	PIDF_RUNNING,  /* locked; info filled */
	PIDF_STALE,    /* a file without a lock: not running (info filled when parseable) */
	PIDF_CORRUPT,  /* locked, but the contents cannot be parsed */
	PIDF_ERROR     /* could not open or read it (err says why, e.g. permission denied) */
} pidfile_status;

/* Format info as the file's text; returns the length, or -1 if it does not fit. */
int pidfile_format(const pidfile_info *info, char *buf, size_t len);
/* Parse the file's text; 0, or -1 with "line N: reason" in err. */
int pidfile_parse(const char *text, pidfile_info *out, char *err, size_t errlen);

/*
 * Server: create/open and lock DATADIR/phantomd.pid.  Returns the descriptor (keep it open,
 * children inherit it), or -1 with a message in err; *holder is set to the running server's
 * pid when the lock is held by another server (0 otherwise).  When a stale file was there,
 * *stale_found is set to 1 and *stale holds what could be parsed of it (pid 0 if nothing).
 * The file's contents are left as they were: write them with pidfile_store.
 */
int pidfile_acquire(const char *datadir, pid_t *holder, int *stale_found, pidfile_info *stale,
                    char *err, size_t errlen);
/* Replace the contents; 0 or -1 with errno. */
int pidfile_store(int fd, const pidfile_info *info);
/* Unlink DATADIR/phantomd.pid (call while still holding the lock). */
void pidfile_unlink(const char *datadir);

/* Tools: the state of a data directory's pid file, without taking its lock. */
pidfile_status pidfile_check(const char *datadir, pidfile_info *info, char *err, size_t errlen);

#endif
