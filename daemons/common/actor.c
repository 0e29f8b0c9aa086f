/* actor.c — the event loop of every child process; see actor.h and daemons/README.md. */
#include <errno.h>
#include <fcntl.h>
#include <nng/nng.h>
#include <nng/protocol/pipeline0/pull.h>
#include <nng/protocol/pipeline0/push.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "daemons/common/actor.h"
#include "daemons/common/clock.h"
#include "shm/latch.h"
#include "util/cfg.h"
#include "util/log.h"

child_env_t child_env = { .ctl_up_fd = -1, .ctl_down_fd = -1 };

#define MAX_HANDLERS 32
#define MAX_TIMERS 16
#define MAX_DESTS 8

typedef struct watch {
	int fd;
	bool dead;
	actor_fd_fn fn;
	void *arg;
	struct watch *next_dead;
} watch;

typedef struct timer {
	int64_t interval;
	const int64_t *setting;
	actor_fn fn;
	int64_t next;
	bool on;
} timer;

typedef struct dest {
	char url[320];
	nng_socket sock;
	int64_t used;
	bool open;
} dest;

static struct {
	proc_role role;
	int epfd;
	nng_socket mbox;
	bool mbox_open;
	char mbox_path[PATH_MAX + 128]; /* ipc file to remove at exit, or "" */
	uint8_t ctlbuf[2 * MSG_MAX_SIZE];
	size_t ctllen;
	struct { uint16_t type; actor_msg_fn fn; } handlers[MAX_HANDLERS];
	int nhandlers;
	timer timers[MAX_TIMERS];
	int ntimers;
	watch **watches;        /* by fd */
	int nwatches;
	watch *dead;            /* unwatched during a batch, freed after it */
	dest dests[MAX_DESTS];
	actor_interrupt_fn on_interrupt;
	actor_shutdown_fn on_shutdown;
} A = { .epfd = -1 };

int64_t
actor_now_ms(void)
{
	return clock_ms();
}

void
actor_mailbox_url(const char *datadir, const char *shm_name, proc_role role, int slot,
                  char *buf, size_t len)
{
	char name[64], path[PATH_MAX + 64];
	struct sockaddr_un sun;
	int n;

	if (role == ROLE_WORKER)
		snprintf(name, sizeof(name), "%s.%d", proc_role_name(role), slot);
	else
		snprintf(name, sizeof(name), "%s", proc_role_name(role));
	n = snprintf(path, sizeof(path), "%s/run/%s.ipc", datadir, name);
	if (n > 0 && (size_t)n < sizeof(sun.sun_path))
		snprintf(buf, len, "ipc://%s", path);
	else
		snprintf(buf, len, "abstract://%s.%s", shm_name[0] == '/' ? shm_name + 1 : shm_name,
		         name);
}

/* ---- watches ------------------------------------------------------------------------ */

void
actor_watch(int fd, uint32_t events, actor_fd_fn fn, void *arg)
{
	struct epoll_event ev;
	watch *w;

	if (fd >= A.nwatches) {
		int n = fd + 64;
		watch **nw = realloc(A.watches, sizeof(*nw) * (size_t)n);

		if (nw == NULL) {
			log_msg(LV_FATAL, "out of memory watching descriptor %d", fd);
			actor_exit(1);
		}
		memset(nw + A.nwatches, 0, sizeof(*nw) * (size_t)(n - A.nwatches));
		A.watches = nw;
		A.nwatches = n;
	}
	w = calloc(1, sizeof(*w));
	if (w == NULL) {
		log_msg(LV_FATAL, "out of memory watching descriptor %d", fd);
		actor_exit(1);
	}
	w->fd = fd;
	w->fn = fn;
	w->arg = arg;
	memset(&ev, 0, sizeof(ev));
	ev.events = events;
	ev.data.ptr = w;
	if (epoll_ctl(A.epfd, EPOLL_CTL_ADD, fd, &ev) != 0) {
		log_msg(LV_ERROR, "could not watch descriptor %d: %s", fd, strerror(errno));
		free(w);
		return;
	}
	A.watches[fd] = w;
}

void
actor_unwatch(int fd)
{
	watch *w;

	if (fd < 0 || fd >= A.nwatches || A.watches[fd] == NULL)
		return;
	w = A.watches[fd];
	A.watches[fd] = NULL;
	epoll_ctl(A.epfd, EPOLL_CTL_DEL, fd, NULL);
	/* An event for it may still be in the batch being dispatched: free it afterwards. */
	w->dead = true;
	w->next_dead = A.dead;
	A.dead = w;
}

/* ---- timers ------------------------------------------------------------------------- */

static int64_t
timer_interval(const timer *t)
{
	int64_t ms = t->setting ? *t->setting : t->interval;

	return ms > 0 ? ms : 1;
}

static int
add_timer(int64_t interval, const int64_t *setting, actor_fn fn)
{
	timer *t;

	if (A.ntimers >= MAX_TIMERS) {
		log_msg(LV_FATAL, "too many timers");
		actor_exit(1);
	}
	t = &A.timers[A.ntimers];
	t->interval = interval;
	t->setting = setting;
	t->fn = fn;
	t->on = true;
	t->next = actor_now_ms() + timer_interval(t);
	return A.ntimers++;
}

int
actor_every(int64_t interval_ms, actor_fn fn)
{
	return add_timer(interval_ms, NULL, fn);
}

int
actor_every_setting(const int64_t *interval_ms, actor_fn fn)
{
	return add_timer(0, interval_ms, fn);
}

void
actor_timer_enable(int id, bool on)
{
	if (id < 0 || id >= A.ntimers)
		return;
	if (on && !A.timers[id].on)
		A.timers[id].next = actor_now_ms() + timer_interval(&A.timers[id]);
	A.timers[id].on = on;
}

static int
next_timeout(void)
{
	int64_t now = actor_now_ms(), best = -1;

	for (int i = 0; i < A.ntimers; i++) {
		int64_t d;

		if (!A.timers[i].on)
			continue;
		d = A.timers[i].next - now;
		if (d < 0)
			d = 0;
		if (best < 0 || d < best)
			best = d;
	}
	/* wake at least once a second to check that the supervisor lives */
	if (best < 0 || best > 1000)
		best = 1000;
	return (int)best;
}

static void
fire_timers(void)
{
	int64_t now = actor_now_ms();

	for (int i = 0; i < A.ntimers; i++) {
		timer *t = &A.timers[i];

		if (!t->on || t->next > now)
			continue;
		t->next = now + timer_interval(t);
		t->fn();
	}
}

/* ---- messages ----------------------------------------------------------------------- */

void
actor_on_msg(uint16_t type, actor_msg_fn fn)
{
	for (int i = 0; i < A.nhandlers; i++)
		if (A.handlers[i].type == type) {
			A.handlers[i].fn = fn;
			return;
		}
	if (A.nhandlers >= MAX_HANDLERS) {
		log_msg(LV_FATAL, "too many message handlers");
		actor_exit(1);
	}
	A.handlers[A.nhandlers].type = type;
	A.handlers[A.nhandlers].fn = fn;
	A.nhandlers++;
}

static const char *
channel_name(msg_channel ch)
{
	return ch == MSG_CH_MAILBOX ? "mailbox" : ch == MSG_CH_PIPE ? "supervisor pipe" : "hand-off";
}

/* Decode one message and pass it to its handler, or log why it is dropped. */
static void
dispatch(const void *buf, size_t len, msg_channel ch)
{
	static msg m;
	const msg_desc *d;
	int rc = msg_decode(buf, len, &m);

	if (rc != MSG_OK) {
		log_msg(LV_WARNING, "dropped a malformed message on the %s (%zu bytes, type %u): %s",
		        channel_name(ch), len, m.hdr.type, msg_strerror(rc));
		return;
	}
	d = msg_find(m.hdr.type);
	if (d->channel != ch) {
		log_msg(LV_WARNING, "dropped a %s message: it is not expected on the %s", d->name,
		        channel_name(ch));
		return;
	}
	for (int i = 0; i < A.nhandlers; i++)
		if (A.handlers[i].type == m.hdr.type) {
			A.handlers[i].fn(&m);
			return;
		}
	log_msg(LV_WARNING, "dropped a %s message: %s does not handle it", d->name,
	        proc_role_name(A.role));
}

static void
on_mailbox(int fd, uint32_t events, void *arg)
{
	for (int i = 0; i < 64; i++) {
		nng_msg *nm;
		int rv = nng_recvmsg(A.mbox, &nm, NNG_FLAG_NONBLOCK);

		if (rv == NNG_EAGAIN)
			return;
		if (rv != 0) {
			log_msg(LV_WARNING, "could not receive from the mailbox: %s", nng_strerror(rv));
			return;
		}
		dispatch(nng_msg_body(nm), nng_msg_len(nm), MSG_CH_MAILBOX);
		nng_msg_free(nm);
	}
}

static void
ctl_down_message(const uint8_t *m, size_t n, void *arg)
{
	dispatch(m, n, MSG_CH_PIPE);
}

static void
on_ctl_down(int fd, uint32_t events, void *arg)
{
	ssize_t n = read(fd, A.ctlbuf + A.ctllen, sizeof(A.ctlbuf) - A.ctllen);
	int rc;

	if (n == 0) {
		log_msg(LV_WARNING, "the supervisor is gone; exiting");
		actor_exit(1);
	}
	if (n < 0)
		return;
	A.ctllen += (size_t)n;
	rc = msg_stream_drain(A.ctlbuf, &A.ctllen, ctl_down_message, NULL);
	if (rc < 0)
		log_msg(LV_WARNING, "dropped garbage on the supervisor pipe: %s", msg_strerror(rc));
}

static dest *
get_dest(const char *url)
{
	dest *d = NULL;
	int rv;

	for (int i = 0; i < MAX_DESTS; i++)
		if (A.dests[i].open && strcmp(A.dests[i].url, url) == 0)
			return &A.dests[i];
	for (int i = 0; i < MAX_DESTS; i++)
		if (d == NULL || !A.dests[i].open || (d->open && A.dests[i].used < d->used))
			d = &A.dests[i];
	if (d->open) {
		nng_close(d->sock);
		d->open = false;
	}
	if ((rv = nng_push0_open(&d->sock)) != 0) {
		log_msg(LV_WARNING, "could not open a socket to %s: %s", url, nng_strerror(rv));
		return NULL;
	}
	nng_socket_set_int(d->sock, NNG_OPT_SENDBUF, 16);
	nng_socket_set_ms(d->sock, NNG_OPT_RECONNMINT, 10);
	nng_socket_set_ms(d->sock, NNG_OPT_RECONNMAXT, 500);
	if ((rv = nng_dial(d->sock, url, NULL, NNG_FLAG_NONBLOCK)) != 0) {
		log_msg(LV_WARNING, "could not dial %s: %s", url, nng_strerror(rv));
		nng_close(d->sock);
		return NULL;
	}
	snprintf(d->url, sizeof(d->url), "%s", url);
	d->open = true;
	return d;
}

int
actor_send_url(const char *url, uint16_t type, const void *body)
{
	static uint8_t buf[MSG_MAX_SIZE];
	ssize_t n = msg_encode(type, body, buf, sizeof(buf));
	dest *d;
	int rv;

	if (n < 0) {
		log_msg(LV_WARNING, "could not encode a %s message: %s", msg_type_name(type),
		        msg_strerror((int)n));
		return -1;
	}
	if ((d = get_dest(url)) == NULL)
		return -1;
	d->used = actor_now_ms();
	if ((rv = nng_send(d->sock, buf, (size_t)n, NNG_FLAG_NONBLOCK)) != 0) {
		log_msg(LV_DEBUG, "could not send %s to %s: %s", msg_type_name(type), url,
		        nng_strerror(rv));
		return -1;
	}
	return 0;
}

int
actor_send(proc_role role, int slot, uint16_t type, const void *body)
{
	char url[320];

	actor_mailbox_url(child_env.datadir, child_env.shm_name, role, slot, url, sizeof(url));
	return actor_send_url(url, type, body);
}

int
actor_send_supervisor(uint16_t type, const void *body)
{
	uint8_t buf[512];
	ssize_t n = msg_encode(type, body, buf, sizeof(buf));

	if (n < 0 || child_env.ctl_up_fd < 0)
		return -1;
	/* one write of at most PIPE_BUF bytes: atomic among the children sharing the pipe */
	return write(child_env.ctl_up_fd, buf, (size_t)n) == n ? 0 : -1;
}

static void
on_ping(const msg *m)
{
	msg_pong p;
	const char *to = m->u.ping.reply_to;

	if (to[0] == '\0')
		return;
	/* answer only local mailboxes: a message must not make us connect anywhere else */
	if (strncmp(to, "ipc://", 6) != 0 && strncmp(to, "abstract://", 11) != 0) {
		log_msg(LV_WARNING, "ignored a PING asking for an answer at \"%s\"", to);
		return;
	}
	memset(&p, 0, sizeof(p));
	p.token = m->u.ping.token;
	p.pid = (int32_t)getpid();
	p.role = (uint32_t)A.role;
	p.slot = proc_my_index;
	actor_send_url(to, MSG_PONG, &p);
}

static void
on_ctl_shutdown(const msg *m)
{
	if (A.on_shutdown)
		A.on_shutdown(m->u.ctl_shutdown.mode);
	else
		actor_exit(0);
}

/* ---- interrupts and reload ---------------------------------------------------------- */

void
actor_on_interrupt(actor_interrupt_fn fn)
{
	A.on_interrupt = fn;
}

void
actor_on_shutdown(actor_shutdown_fn fn)
{
	A.on_shutdown = fn;
}

static void
handle_interrupts(void)
{
	uint32_t bits;

	if (proc_me == NULL)
		return;
	bits = atomic_fetch_and(&proc_me->ps_interrupts, ~PI_RELOAD);
	if (bits & PI_RELOAD) {
		char err[1024];

		if (cfg_reload(err, sizeof(err)) != 0) {
			log_msg(LV_ERROR, "configuration file contains errors; keeping the current settings: %s",
			        err);
		} else {
			log_msg(LV_DEBUG, "configuration reloaded");
		}
	}
	bits = atomic_load(&proc_me->ps_interrupts);
	if (bits == 0)
		return;
	if (A.on_interrupt) {
		A.on_interrupt(bits);
	} else {
		atomic_fetch_and(&proc_me->ps_interrupts, ~bits);
		if (bits & PI_TERMINATE) {
			log_msg(LV_DEBUG, "terminating on request");
			actor_exit(0);
		}
	}
}

void
actor_check_interrupts(void)
{
	handle_interrupts();
}

static void
on_latch(int fd, uint32_t events, void *arg)
{
	latch_fd_consume();
	handle_interrupts();
}

/* ---- life cycle --------------------------------------------------------------------- */

static void
open_mailbox(void)
{
	char url[PATH_MAX + 128];
	int rv, fd;

	actor_mailbox_url(child_env.datadir, child_env.shm_name, A.role, proc_my_index, url,
	                  sizeof(url));
	if (strncmp(url, "ipc://", 6) == 0) {
		/* a file left by a predecessor that was killed: nobody else owns this name */
		snprintf(A.mbox_path, sizeof(A.mbox_path), "%s", url + 6);
		unlink(A.mbox_path);
	}
	if ((rv = nng_pull0_open(&A.mbox)) != 0) {
		log_msg(LV_FATAL, "could not open mailbox: %s", nng_strerror(rv));
		exit(1);
	}
	nng_socket_set_size(A.mbox, NNG_OPT_RECVMAXSZ, MSG_MAX_SIZE);
	if ((rv = nng_listen(A.mbox, url, NULL, 0)) != 0) {
		log_msg(LV_FATAL, "could not listen on mailbox %s: %s", url, nng_strerror(rv));
		exit(1);
	}
	A.mbox_open = true;
	if ((rv = nng_socket_get_int(A.mbox, NNG_OPT_RECVFD, &fd)) != 0) {
		log_msg(LV_FATAL, "could not poll mailbox %s: %s", url, nng_strerror(rv));
		exit(1);
	}
	actor_watch(fd, EPOLLIN, on_mailbox, NULL);
}

void
actor_start(proc_role role, const char *title)
{
	int lfd;

	A.role = role;
	setproctitle("%s", title);
	/* signals blocked before nng starts its threads (they inherit the mask) */
	lfd = latch_fd_open();
	A.epfd = epoll_create1(EPOLL_CLOEXEC);
	if (lfd < 0 || A.epfd < 0) {
		log_msg(LV_FATAL, "could not set up the event loop: %s", strerror(errno));
		exit(1);
	}
	actor_watch(lfd, EPOLLIN, on_latch, NULL);
	if (child_env.ctl_down_fd >= 0) {
		fcntl(child_env.ctl_down_fd, F_SETFL, O_NONBLOCK);
		actor_watch(child_env.ctl_down_fd, EPOLLIN, on_ctl_down, NULL);
	}
	actor_on_msg(MSG_PING, on_ping);
	actor_on_msg(MSG_CTL_SHUTDOWN, on_ctl_shutdown);
	open_mailbox();
}

void
actor_ready(void)
{
	msg_ctl_ready r;

	if (proc_me == NULL)
		return;
	atomic_store(&proc_me->ps_state, PS_READY);
	memset(&r, 0, sizeof(r));
	r.slot = proc_my_index;
	r.generation = proc_me->ps_generation;
	r.pid = (int32_t)getpid();
	if (actor_send_supervisor(MSG_CTL_READY, &r) != 0)
		log_msg(LV_WARNING, "could not tell the supervisor that %s is ready",
		        proc_role_name(A.role));
}

noreturn void
actor_run(void)
{
	struct epoll_event evs[64];

	handle_interrupts();
	for (;;) {
		int n = epoll_wait(A.epfd, evs, 64, next_timeout());

		if (n < 0 && errno != EINTR) {
			log_msg(LV_FATAL, "epoll_wait failed: %s", strerror(errno));
			actor_exit(1);
		}
		for (int i = 0; i < n; i++) {
			watch *w = evs[i].data.ptr;

			if (!w->dead)
				w->fn(w->fd, evs[i].events, w->arg);
		}
		while (A.dead) {
			watch *w = A.dead;

			A.dead = w->next_dead;
			free(w);
		}
		fire_timers();
		if (getppid() != child_env.supervisor_pid) {
			log_msg(LV_WARNING, "the supervisor is gone; exiting");
			actor_exit(1);
		}
	}
}

noreturn void
actor_exit(int status)
{
	/*
	 * The sockets are not closed with nng_close: it waits for nng's own threads to finish
	 * with every pipe and dialer, and a process's exit must not depend on that.  exit()
	 * ends those threads and the kernel closes the descriptors; only the mailbox's socket
	 * file needs removing.
	 */
	if (A.mbox_open && A.mbox_path[0])
		unlink(A.mbox_path);
	exit(status);
}
