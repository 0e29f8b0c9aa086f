/*
 * listener.c — accepts client connections and hands each to an idle query worker
 * (see daemons/README.md, "Listener").
 *
 * For every connection it reads the first packet(s) itself, without blocking, within
 * authentication_timeout:
 *   SSLRequest, GSSENCRequest   answered 'N' (not supported), then the next packet is read
 *   CancelRequest               the worker whose pid and cancel key match gets PI_CANCEL and
 *                               its latch; the connection is closed without an answer
 *   StartupMessage 3.x          handed, with the socket, to an idle worker (CAS PS_READY ->
 *                               PS_CLAIMED, then SCM_RIGHTS); with no idle worker it waits in
 *                               a queue while the supervisor starts more (CTL_NEED_WORKER)
 *   anything else               ErrorResponse where possible, a log line, and close
 * With max_connections sessions (claimed + serving + queued) it answers 53300.  Nothing a
 * client sends can end this process: every length is checked before use.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "daemons/common/actor.h"
#include "daemons/common/handoff.h"
#include "daemons/common/pqwire.h"
#include "daemons/common/roles.h"
#include "shm/latch.h"
#include "shm/proc.h"
#include "shm/stats.h"
#include "util/cfg.h"
#include "util/log.h"

/* Connections in their first-packet phase beyond max_connections that we still read. */
#define EXTRA_PENDING 64
/* How often queued connections are retried and more workers asked for. */
#define QUEUE_RETRY_MS 50
#define QUEUE_ASK_MS 500

typedef enum { C_FIRST, C_QUEUED } conn_state;

typedef struct conn {
	int fd;
	conn_state st;
	uint8_t lenbuf[4];
	size_t lenhave;
	uint8_t *pkt;          /* the whole packet, length word included */
	uint32_t pktlen;
	size_t pkthave;
	bool ssl_done, gss_done;
	int64_t deadline;
	char peer[64];
	struct conn *prev, *next;     /* all connections */
	struct conn *qnext;           /* queue of startups waiting for a worker */
} conn;

static struct {
	conn *all;
	int nconns;
	conn *qhead, *qtail;
	int nqueued;
	int hsock;                 /* unbound datagram socket for hand-offs */
	int sweep_timer, queue_timer, ask_timer;
	bool smart_shutdown;
} L = { .hsock = -1 };

static void
peer_name(int fd, char *buf, size_t len)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	char host[INET6_ADDRSTRLEN] = "?";

	snprintf(buf, len, "?");
	if (getpeername(fd, (struct sockaddr *)&ss, &sl) != 0)
		return;
	if (ss.ss_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, host, sizeof(host));
	else if (ss.ss_family == AF_INET6)
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, host, sizeof(host));
	snprintf(buf, len, "%s", host);
}

static void
update_timers(void)
{
	actor_timer_enable(L.sweep_timer, L.nconns > 0);
	actor_timer_enable(L.queue_timer, L.nqueued > 0);
	actor_timer_enable(L.ask_timer, L.nqueued > 0);
}

static void
queue_remove(conn *c)
{
	conn **pp = &L.qhead, *prevq = NULL;

	while (*pp && *pp != c) {
		prevq = *pp;
		pp = &(*pp)->qnext;
	}
	if (*pp == NULL)
		return;
	*pp = c->qnext;
	if (L.qtail == c)
		L.qtail = prevq;
	L.nqueued--;
}

/* Forget a connection; close its socket unless it was handed off (close_fd false). */
static void
conn_free(conn *c, bool close_fd)
{
	if (c->st == C_FIRST)
		actor_unwatch(c->fd);
	else
		queue_remove(c);
	if (close_fd)
		close(c->fd);
	if (c->prev)
		c->prev->next = c->next;
	else
		L.all = c->next;
	if (c->next)
		c->next->prev = c->prev;
	L.nconns--;
	free(c->pkt);
	free(c);
	update_timers();
}

static void
refuse(conn *c, const char *sqlstate, const char *message)
{
	pq_send_fatal(c->fd, sqlstate, message);
	conn_free(c, true);
}

/* Sessions counted against max_connections: claimed or serving workers, and the queue. */
static int
sessions(void)
{
	return proc_count(ROLE_WORKER, (1 << PS_CLAIMED) | (1 << PS_SESSION)) + L.nqueued;
}

/* Hand c to an idle worker; true when it left (the socket is the worker's now). */
static bool
try_dispatch(conn *c)
{
	for (uint32_t i = 0; i < proc_tab->pt_nslots; i++) {
		proc_slot *s = &proc_tab->pt_slots[i];
		uint32_t expect = PS_READY;
		int rc;

		if (s->ps_role != ROLE_WORKER || atomic_load(&s->ps_state) != PS_READY)
			continue;
		if (!atomic_compare_exchange_strong(&s->ps_state, &expect, PS_CLAIMED))
			continue;
		rc = handoff_send(L.hsock, child_env.shm_name, (int)i, s->ps_generation, c->fd, c->pkt,
		                  c->pktlen);
		if (rc == 0) {
			log_msg(LV_DEBUG, "connection from %s handed to worker pid %d", c->peer, s->ps_pid);
			conn_free(c, true);
			return true;
		}
		/* the worker is gone or full: give the slot back and try another */
		log_msg(LV_DEBUG, "could not hand a connection to worker pid %d: %s", s->ps_pid,
		        strerror(-rc));
		expect = PS_CLAIMED;
		atomic_compare_exchange_strong(&s->ps_state, &expect, PS_READY);
	}
	return false;
}

static void
ask_for_workers(void)
{
	msg_ctl_need_worker m;

	if (L.nqueued == 0)
		return;
	memset(&m, 0, sizeof(m));
	m.slot = proc_my_index;
	m.generation = proc_me->ps_generation;
	m.wanted = (uint32_t)L.nqueued;
	if (actor_send_supervisor(MSG_CTL_NEED_WORKER, &m) != 0)
		log_msg(LV_DEBUG, "could not ask the supervisor for workers");
}

static void
drain_queue(void)
{
	while (L.qhead && try_dispatch(L.qhead))
		;
}

static void
startup_complete(conn *c)
{
	if (L.smart_shutdown) {
		refuse(c, "57P03", "the database system is shutting down");
		return;
	}
	if (sessions() >= settings.max_connections) {
		stats_add(&stats_shm()->st_connections_refused, 1);
		log_msg(LV_INFO, "refused a connection from %s: max_connections (%d) reached", c->peer,
		        (int)settings.max_connections);
		refuse(c, "53300", "sorry, too many clients already");
		return;
	}
	actor_unwatch(c->fd);
	c->st = C_QUEUED;
	c->qnext = NULL;
	if (L.qtail)
		L.qtail->qnext = c;
	else
		L.qhead = c;
	L.qtail = c;
	L.nqueued++;
	/* serve in arrival order: only the head may go first */
	drain_queue();
	if (L.nqueued > 0) {
		ask_for_workers();
		update_timers();
	}
}

static void
handle_cancel(conn *c)
{
	int32_t pid = (int32_t)pq_get32(c->pkt + 8), key = (int32_t)pq_get32(c->pkt + 12);

	for (uint32_t i = 0; i < proc_tab->pt_nslots; i++) {
		proc_slot *s = &proc_tab->pt_slots[i];

		if (s->ps_role == ROLE_WORKER && s->ps_pid == pid &&
		    atomic_load(&s->ps_state) == PS_SESSION && s->ps_cancel_key == key) {
			atomic_fetch_or(&s->ps_interrupts, PI_CANCEL);
			latch_set((int)i);
			log_msg(LV_DEBUG, "cancel request for worker pid %d", pid);
			conn_free(c, true);
			return;
		}
	}
	log_msg(LV_INFO, "ignored a cancel request from %s: no session of pid %d with that key",
	        c->peer, pid);
	conn_free(c, true);
}

/* A whole first packet is in c->pkt: act on its request code. */
static void
packet_complete(conn *c)
{
	uint32_t code = pq_get32(c->pkt + 4);
	char msg[160];

	if (code == PQ_CANCEL_REQUEST) {
		if (c->pktlen != 16) {
			log_msg(LV_INFO, "invalid length of cancel request from %s", c->peer);
			conn_free(c, true);
			return;
		}
		handle_cancel(c);
		return;
	}
	if (code == PQ_SSL_REQUEST || code == PQ_GSSENC_REQUEST) {
		bool *done = code == PQ_SSL_REQUEST ? &c->ssl_done : &c->gss_done;

		if (*done || c->pktlen != 8) {
			log_msg(LV_INFO, "invalid %s request from %s",
			        code == PQ_SSL_REQUEST ? "SSL" : "GSSAPI encryption", c->peer);
			refuse(c, "08P01", "invalid startup packet sequence");
			return;
		}
		*done = true;
		if (pq_write_all(c->fd, "N", 1, 1000) != 0) {
			conn_free(c, true);
			return;
		}
		free(c->pkt);
		c->pkt = NULL;
		c->pktlen = 0;
		c->pkthave = 0;
		c->lenhave = 0;
		return;
	}
	if ((code >> 16) != 3) {
		snprintf(msg, sizeof(msg), "unsupported frontend protocol %u.%u: server supports 3.0 to 3.0",
		         code >> 16, code & 0xffff);
		log_msg(LV_INFO, "refused a connection from %s: %s", c->peer, msg);
		refuse(c, "0A000", msg);
		return;
	}
	startup_complete(c);
}

static void
on_readable(int fd, uint32_t events, void *arg)
{
	conn *c = arg;

	for (;;) {
		ssize_t n;

		if (c->lenhave < 4) {
			n = recv(fd, c->lenbuf + c->lenhave, 4 - c->lenhave, 0);
		} else {
			n = recv(fd, c->pkt + c->pkthave, c->pktlen - c->pkthave, 0);
		}
		if (n == 0) {
			if (c->lenhave > 0)
				log_msg(LV_INFO, "incomplete startup packet from %s", c->peer);
			conn_free(c, true);
			return;
		}
		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
				return;
			conn_free(c, true);
			return;
		}
		if (c->lenhave < 4) {
			c->lenhave += (size_t)n;
			if (c->lenhave < 4)
				continue;
			c->pktlen = pq_get32(c->lenbuf);
			if (c->pktlen < 8 || c->pktlen > PQ_MAX_STARTUP) {
				log_msg(LV_INFO, "invalid length of startup packet from %s (%u bytes)", c->peer,
				        c->pktlen);
				refuse(c, "08P01", "invalid length of startup packet");
				return;
			}
			c->pkt = malloc(c->pktlen);
			if (c->pkt == NULL) {
				refuse(c, "53200", "out of memory");
				return;
			}
			memcpy(c->pkt, c->lenbuf, 4);
			c->pkthave = 4;
			continue;
		}
		c->pkthave += (size_t)n;
		if (c->pkthave == c->pktlen) {
			/* read exactly one packet: whatever follows is the session's */
			packet_complete(c);
			return;
		}
	}
}

static void
on_accept(int lfd, uint32_t events, void *arg)
{
	for (int k = 0; k < 64; k++) {
		int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC), one = 1;
		conn *c;

		if (fd < 0) {
			if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR &&
			    errno != ECONNABORTED)
				log_msg(LV_WARNING, "could not accept a connection: %s", strerror(errno));
			return;
		}
		stats_add(&stats_shm()->st_connections, 1);
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		if (L.nconns >= settings.max_connections + EXTRA_PENDING) {
			stats_add(&stats_shm()->st_connections_refused, 1);
			pq_send_fatal(fd, "53300", "sorry, too many clients already");
			close(fd);
			continue;
		}
		c = calloc(1, sizeof(*c));
		if (c == NULL) {
			close(fd);
			continue;
		}
		c->fd = fd;
		c->st = C_FIRST;
		c->deadline = actor_now_ms() + settings.authentication_timeout;
		peer_name(fd, c->peer, sizeof(c->peer));
		c->next = L.all;
		if (L.all)
			L.all->prev = c;
		L.all = c;
		L.nconns++;
		actor_watch(fd, EPOLLIN | EPOLLRDHUP, on_readable, c);
		update_timers();
	}
}

/* Close connections whose first packet or worker did not come in time. */
static void
sweep(void)
{
	int64_t now = actor_now_ms();

	for (conn *c = L.all, *next; c; c = next) {
		next = c->next;
		if (now < c->deadline)
			continue;
		if (c->st == C_QUEUED) {
			log_msg(LV_WARNING, "no query worker became free for the connection from %s", c->peer);
			refuse(c, "53000", "no query worker became available in time");
		} else {
			log_msg(LV_INFO, "closed a connection from %s: no complete startup packet within "
			        "authentication_timeout", c->peer);
			conn_free(c, true);
		}
	}
}

static void
on_worker_idle(const msg *m)
{
	drain_queue();
	update_timers();
}

static void
on_shutdown(uint32_t mode)
{
	if (mode == SHUTDOWN_SMART) {
		log_msg(LV_DEBUG, "smart shutdown: refusing new sessions");
		L.smart_shutdown = true;
		return;
	}
	while (L.all) {
		if (L.all->st == C_QUEUED)
			refuse(L.all, "57P01", "terminating connection due to administrator command");
		else
			conn_free(L.all, true);
	}
	actor_exit(0);
}

void
listener_main(int slot)
{
	(void)slot;
	actor_start(ROLE_LISTENER, "listener");
	L.hsock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (L.hsock < 0) {
		log_msg(LV_FATAL, "could not create the hand-off socket: %s", strerror(errno));
		actor_exit(1);
	}
	for (int i = 0; i < child_env.nlisten; i++)
		actor_watch(child_env.listen_fds[i], EPOLLIN, on_accept, NULL);
	actor_on_msg(MSG_WORKER_IDLE, on_worker_idle);
	actor_on_shutdown(on_shutdown);
	L.sweep_timer = actor_every(250, sweep);
	L.queue_timer = actor_every(QUEUE_RETRY_MS, drain_queue);
	L.ask_timer = actor_every(QUEUE_ASK_MS, ask_for_workers);
	update_timers();
	actor_ready();
	actor_run();
}
