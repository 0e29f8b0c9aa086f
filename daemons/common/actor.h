/*
 * actor.h — the event loop every child process of the server runs (see daemons/README.md).
 *
 * A child is an actor: after fork the supervisor sets up its environment (child_env, the
 * inherited descriptors, its process-table slot) and calls <role>_main(slot), which
 * registers what the process reacts to and runs the loop:
 *
 *     void walwriter_main(int slot)
 *     {
 *         actor_start(ROLE_WALWRITER, "walwriter");
 *         actor_every_setting(&settings.wal_writer_delay, walwriter_tick);   // timer
 *         actor_on_msg(MSG_CHECKPOINT_REQUEST, on_request);                  // message
 *         actor_ready();
 *         actor_run();
 *     }
 *
 * The loop (epoll) waits on:
 *   - the process's nng mailbox (pull0, listening on actor_mailbox_url(role, slot)):
 *     each message is decoded with proto/msg.h and passed to the handler registered for its
 *     type; unknown, malformed and wrong-channel messages are logged and dropped.  PING is
 *     answered with PONG by default.
 *   - its pipe from the supervisor (CTL_* messages; end of file means the supervisor died:
 *     the process exits at once);
 *   - latch_fd() (lib/shm/latch.h): another process set our latch or interrupt bits, or a
 *     signal arrived.  PI_RELOAD reloads phantom.conf (cfg_reload); the remaining bits go
 *     to the interrupt hook (default: PI_TERMINATE exits);
 *   - descriptors the role adds with actor_watch, and timers (actor_every*).
 * After every wake-up it checks that the supervisor is still its parent.
 *
 * Signals: SIGQUIT ends the process at once with status 2 (immediate shutdown, crash reset);
 * SIGHUP/SIGTERM/SIGINT become PI_RELOAD/PI_TERMINATE/PI_CANCEL through latch_fd(); they are
 * blocked before the first nng call so that nng's threads never receive them.
 *
 * Everything here runs in one thread of one child process; no function may be called from
 * the supervisor (it has no nng and no actor).
 */
#ifndef PH_DAEMONS_ACTOR_H
#define PH_DAEMONS_ACTOR_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>
#include <sys/types.h>

#include "proto/msg.h"
#include "shm/proc.h"

#define ACTOR_MAX_LISTEN 16

/* What a child inherits from the supervisor (filled in the child right after fork). */
typedef struct child_env_t {
	char datadir[PATH_MAX];       /* absolute */
	char shm_name[64];
	pid_t supervisor_pid;
	int ctl_up_fd;                /* write end of the shared control pipe to the supervisor */
	int ctl_down_fd;              /* read end of this child's pipe from the supervisor */
	int listen_fds[ACTOR_MAX_LISTEN]; /* SQL port sockets (listener only, else -1) */
	int nlisten;
	int metrics_fds[ACTOR_MAX_LISTEN]; /* metrics_port sockets (metrics only) */
	int nmetrics;
} child_env_t;

extern child_env_t child_env;

typedef void (*actor_fn)(void);
typedef void (*actor_msg_fn)(const msg *m);
typedef void (*actor_fd_fn)(int fd, uint32_t events, void *arg);
typedef void (*actor_interrupt_fn)(uint32_t bits);
typedef void (*actor_shutdown_fn)(uint32_t mode);

/*
 * Set up the process as an actor of the given role: process title "phantomd: <title>", log
 * role, latch_fd, epoll, the nng mailbox and the supervisor pipe.  Exits with status 1 (after
 * logging why) if the mailbox cannot be opened.
 */
void actor_start(proc_role role, const char *title);

/* Handler for a message type (mailbox or supervisor pipe).  Replaces an earlier one. */
void actor_on_msg(uint16_t type, actor_msg_fn fn);
/* Call fn every interval_ms (first call one interval after registration).  Returns an id. */
int actor_every(int64_t interval_ms, actor_fn fn);
/* Same, the interval read from a setting (milliseconds) each time, so reload applies. */
int actor_every_setting(const int64_t *interval_ms, actor_fn fn);
/* Pause (false) or resume (true, restarting the interval) a timer. */
void actor_timer_enable(int id, bool on);
/* Watch fd for epoll events (EPOLLIN...); fn is called with the events that fired. */
void actor_watch(int fd, uint32_t events, actor_fd_fn fn, void *arg);
void actor_unwatch(int fd);
/* Reaction to interrupt bits other than PI_RELOAD (the hook clears the bits it handles). */
void actor_on_interrupt(actor_interrupt_fn fn);
/* Reaction to CTL_SHUTDOWN from the supervisor (default: actor_exit(0)). */
void actor_on_shutdown(actor_shutdown_fn fn);

/*
 * Act on pending interrupt bits now, as a wake-up of latch_fd() would: for a role that ran
 * code which consumed latch_fd() itself (a worker after its session).
 */
void actor_check_interrupts(void);

/* Mark this process ready (PS_READY) and tell the supervisor (CTL_READY). */
void actor_ready(void);
/* Run the loop; never returns (the process ends through actor_exit). */
noreturn void actor_run(void);
/* Close the mailbox and exit(status). */
noreturn void actor_exit(int status);

/*
 * Send a message to another process's mailbox, without blocking: the message is queued
 * (up to 16 per destination) until the connection is up.  Returns 0, or -1 if it could not
 * be queued (logged at DEBUG).  Destination sockets are kept open and reused.
 */
int actor_send(proc_role role, int slot, uint16_t type, const void *body);
int actor_send_url(const char *url, uint16_t type, const void *body);

/*
 * Mailbox address of a process: ipc://DATADIR/run/<role>.ipc for auxiliary processes,
 * ipc://DATADIR/run/worker.<slot>.ipc for workers; when that path does not fit a Unix
 * socket address, abstract://<segment name>.<role>[.<slot>].  Any process may call it.
 */
void actor_mailbox_url(const char *datadir, const char *shm_name, proc_role role, int slot,
                       char *buf, size_t len);

/* Send a control message to the supervisor over the pipe (never blocks); 0 or -1. */
int actor_send_supervisor(uint16_t type, const void *body);

/* Monotonic clock in milliseconds. */
int64_t actor_now_ms(void);

#endif
