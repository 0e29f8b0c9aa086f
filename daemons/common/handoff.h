/*
 * handoff.h — passing a client connection from the listener to a query worker.
 *
 * Each worker binds a Unix datagram socket in Linux's abstract namespace named
 * "<segment name>.w<slot>" (no path, so no length limit and nothing to clean up: the name
 * disappears with the socket).  The listener sends it one datagram: a HANDOFF message
 * (proto/msg.def: slot, generation, the StartupMessage bytes) with the connection's
 * descriptor attached as SCM_RIGHTS.  The worker checks the sender's credentials
 * (SCM_CREDENTIALS): same user, and the pid of the current listener, because any local
 * process can address an abstract socket.
 */
#ifndef PH_DAEMONS_HANDOFF_H
#define PH_DAEMONS_HANDOFF_H

#include <stddef.h>
#include <stdint.h>

#include "proto/msg.h"

/* Worker: the bound, non-blocking socket for its slot, or -1 with errno. */
int handoff_listen(const char *shm_name, int slot);

/*
 * Listener: send connfd and the startup packet to the worker in slot (generation gen) over
 * sock (an unbound datagram socket of the caller).  Returns 0, or -errno (ECONNREFUSED: no
 * worker listens there; EAGAIN: its queue is full).  The caller still owns connfd.
 */
int handoff_send(int sock, const char *shm_name, int slot, uint32_t gen, int connfd,
                 const void *startup, size_t len);

/*
 * Worker: receive one hand-off.  Returns the connection's descriptor with the decoded
 * message in *out, or -1 when nothing valid was there (why in err; any descriptor that came
 * with a rejected datagram is closed).  -1 with err[0] == '\0' means nothing to read.
 */
int handoff_recv(int sock, msg *out, char *err, size_t errlen);

#endif
