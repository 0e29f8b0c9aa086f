/*
 * worker.c — a query worker: serves one client session at a time, then goes back to the
 * idle pool (see daemons/README.md, "Query workers").
 *
 * Idle, it waits in the actor loop on its hand-off socket (connections from the listener),
 * its mailbox and latch_fd.  A hand-off moves it PS_CLAIMED -> PS_SESSION; it fills the
 * session fields of its slot, runs pgw_session_main() (lib/pgwire) until the session ends,
 * resets per-session state and returns to PS_READY, telling the listener (WORKER_IDLE).
 * Workers beyond query_workers that stay idle for query_worker_idle_timeout exit.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
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
#include "pgwire/pgw.h"
#include "shm/lwlock.h"
#include "shm/proc.h"
#include "util/cfg.h"
#include "util/log.h"
#include "util/mem.h"

/* A claim (PS_CLAIMED) not followed by a connection within this many ticks is undone. */
#define CLAIM_EXPIRE_TICKS 3

static struct {
	int seq;                 /* number in the pool, for the process title */
	int handoff_fd;
	uint32_t shutdown_mode;  /* SHUTDOWN_* once the supervisor asked; 0 before */
	int64_t idle_since;
	int claimed_ticks;
	bool announced;          /* CTL_READY sent */
} W = { .handoff_fd = -1 };

static void
copy_field(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

static void
describe_peer(int fd, char *buf, size_t len)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	char host[INET6_ADDRSTRLEN] = "?";
	int port = 0;

	buf[0] = '\0';
	if (getpeername(fd, (struct sockaddr *)&ss, &sl) != 0)
		return;
	if (ss.ss_family == AF_INET) {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;

		inet_ntop(AF_INET, &a->sin_addr, host, sizeof(host));
		port = ntohs(a->sin_port);
	} else if (ss.ss_family == AF_INET6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;

		inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof(host));
		port = ntohs(a->sin6_port);
	}
	snprintf(buf, len, "%s(%d)", host, port);
}

/* PS_READY again: title, listener notified. */
static void
become_idle(void)
{
	msg_worker_idle w;

	W.idle_since = actor_now_ms();
	W.claimed_ticks = 0;
	setproctitle("worker %d idle", W.seq);
	if (!W.announced) {
		actor_ready();
		W.announced = true;
	} else {
		atomic_store(&proc_me->ps_state, PS_READY);
	}
	memset(&w, 0, sizeof(w));
	w.slot = proc_my_index;
	w.generation = proc_me->ps_generation;
	actor_send(ROLE_LISTENER, 0, MSG_WORKER_IDLE, &w);
}

/* Leave the pool if no session is on its way (CAS READY -> EXITING wins against a claim). */
static void
exit_if_idle(void)
{
	uint32_t expect = PS_READY;

	if (atomic_compare_exchange_strong(&proc_me->ps_state, &expect, PS_EXITING))
		actor_exit(0);
}

static void
clear_session_fields(void)
{
	proc_me->ps_cancel_key = 0;
	proc_me->ps_session_start = 0;
	proc_me->ps_query_start = 0;
	proc_me->ps_user[0] = proc_me->ps_database[0] = proc_me->ps_client[0] = '\0';
	proc_me->ps_application[0] = proc_me->ps_query[0] = '\0';
}

static void
serve(int sock, const uint8_t *startup, size_t len)
{
	mem_ctx *session, *prev;
	char err[256];
	int locks;

	atomic_store(&proc_me->ps_state, PS_SESSION);
	atomic_fetch_and(&proc_me->ps_interrupts, ~PI_CANCEL);
	proc_me->ps_cancel_key = (int32_t)arc4random();
	proc_me->ps_session_start = proc_now_us();
	copy_field(proc_me->ps_user, sizeof(proc_me->ps_user), pq_startup_param(startup, len, "user"));
	copy_field(proc_me->ps_database, sizeof(proc_me->ps_database),
	           pq_startup_param(startup, len, "database"));
	if (proc_me->ps_database[0] == '\0')
		copy_field(proc_me->ps_database, sizeof(proc_me->ps_database), proc_me->ps_user);
	copy_field(proc_me->ps_application, sizeof(proc_me->ps_application),
	           pq_startup_param(startup, len, "application_name"));
	describe_peer(sock, proc_me->ps_client, sizeof(proc_me->ps_client));
	setproctitle("worker %d %s %s %s", W.seq, proc_me->ps_user, proc_me->ps_database,
	             proc_me->ps_client);
	log_msg(LV_DEBUG, "session started for user \"%s\" database \"%s\" from %s", proc_me->ps_user,
	        proc_me->ps_database, proc_me->ps_client);

	session = mem_create(mem_top, "session");
	prev = mem_switch(session);
	pgw_session_main(sock, startup, len);
	mem_switch(prev);
	mem_delete(session);
	close(sock);

	/* Per-session state back to the pool's defaults. */
	lwlock_release_all();
	locks = atomic_load(&proc_me->ps_locks_held);
	if (locks != 0) {
		/* a lock leaked past the session: shared memory cannot be trusted (crash rule) */
		log_msg(LV_PANIC, "session ended holding %d locks in shared memory", locks);
		abort();
	}
	if (cfg_reset_session(NULL, err, sizeof(err)) != 0)
		log_msg(LV_WARNING, "could not reset session settings: %s", err);
	clear_session_fields();
	atomic_fetch_and(&proc_me->ps_interrupts, ~PI_CANCEL);
	log_msg(LV_DEBUG, "session ended");
}

static void
on_handoff(int fd, uint32_t events, void *arg)
{
	static msg m;
	char err[256];
	int sock = handoff_recv(fd, &m, err, sizeof(err));

	if (sock < 0) {
		if (err[0])
			log_msg(LV_WARNING, "%s", err);
		return;
	}
	if (m.u.handoff.slot != proc_my_index || m.u.handoff.generation != proc_me->ps_generation) {
		log_msg(LV_WARNING, "dropped a connection meant for slot %d generation %u",
		        m.u.handoff.slot, m.u.handoff.generation);
		pq_send_fatal(sock, "57P03", "the database system is starting up");
		close(sock);
		return;
	}
	if (W.shutdown_mode == SHUTDOWN_FAST ||
	    (atomic_load(&proc_me->ps_interrupts) & PI_TERMINATE)) {
		pq_send_fatal(sock, "57P01", "terminating connection due to administrator command");
		close(sock);
		actor_exit(0);
	}
	serve(sock, m.u.handoff.startup, m.u.handoff.startup_len);
	actor_check_interrupts();
	if (W.shutdown_mode || (atomic_load(&proc_me->ps_interrupts) & PI_TERMINATE))
		actor_exit(0);
	become_idle();
}

static void
on_interrupt(uint32_t bits)
{
	/* idle: there is no statement to cancel */
	atomic_fetch_and(&proc_me->ps_interrupts, ~bits);
	if (bits & PI_TERMINATE) {
		uint32_t st = atomic_load(&proc_me->ps_state);

		if (st == PS_CLAIMED) {
			/* a connection is on its way: refuse it when it arrives, then exit */
			W.shutdown_mode = SHUTDOWN_FAST;
			return;
		}
		actor_exit(0);
	}
}

static void
on_shutdown(uint32_t mode)
{
	W.shutdown_mode = mode;
	exit_if_idle();
	/* claimed: on_handoff or the claim's expiry ends the process */
}

static void
retire_if_surplus(void)
{
	uint32_t expect = PS_READY;
	int idle;

	if (!atomic_compare_exchange_strong(&proc_me->ps_state, &expect, PS_EXITING))
		return;
	/* other workers that are idle; a concurrent retiree has left PS_READY already */
	idle = proc_count(ROLE_WORKER, 1 << PS_READY);
	if (idle >= settings.query_workers) {
		log_msg(LV_DEBUG, "idle for %lld ms with %d other idle workers: exiting",
		        (long long)settings.query_worker_idle_timeout, idle);
		actor_exit(0);
	}
	expect = PS_EXITING;
	atomic_compare_exchange_strong(&proc_me->ps_state, &expect, PS_READY);
	W.idle_since = actor_now_ms();
}

static void
idle_tick(void)
{
	uint32_t st = atomic_load(&proc_me->ps_state);

	if (st == PS_CLAIMED) {
		/* the listener claimed us and died before sending the connection */
		if (++W.claimed_ticks >= CLAIM_EXPIRE_TICKS) {
			uint32_t expect = PS_CLAIMED;

			W.claimed_ticks = 0;
			if (atomic_compare_exchange_strong(&proc_me->ps_state, &expect, PS_READY))
				log_msg(LV_DEBUG, "no connection arrived after a claim; idle again");
		}
		return;
	}
	W.claimed_ticks = 0;
	if (W.shutdown_mode) {
		exit_if_idle();
		return;
	}
	if (st == PS_READY && actor_now_ms() - W.idle_since >= settings.query_worker_idle_timeout)
		retire_if_surplus();
}

void
worker_main(int slot)
{
	char title[64];

	W.seq = proc_me->ps_worker_seq;
	snprintf(title, sizeof(title), "worker %d starting", W.seq);
	actor_start(ROLE_WORKER, title);
	W.handoff_fd = handoff_listen(child_env.shm_name, slot);
	if (W.handoff_fd < 0) {
		log_msg(LV_FATAL, "could not open the connection hand-off socket: %s", strerror(errno));
		actor_exit(1);
	}
	actor_watch(W.handoff_fd, EPOLLIN, on_handoff, NULL);
	actor_on_interrupt(on_interrupt);
	actor_on_shutdown(on_shutdown);
	actor_every(1000, idle_tick);
	become_idle();
	actor_run();
}
