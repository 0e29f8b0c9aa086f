/*
 * supervisor.c — phantomd: start, watch, restart and stop the server's processes.
 *
 * See daemons/README.md for the state machine (PM_*), the crash rule and the shutdown
 * sequence; this file implements them in one single-threaded poll loop that reacts to
 * signals (signalfd), to children's control messages (one shared pipe) and to deadlines.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "daemons/common/actor.h"
#include "daemons/common/clock.h"
#include "daemons/common/pidfile.h"
#include "daemons/common/roles.h"
#include "daemons/phantomd/listen.h"
#include "daemons/phantomd/supervisor.h"
#include "proto/msg.h"
#include "shm/latch.h"
#include "shm/proc.h"
#include "shm/shm.h"
#include "shm/stats.h"
#include "util/cfg.h"
#include "util/crash.h"
#include "util/log.h"

typedef enum {
	PM_INIT,
	PM_RECOVERY,        /* the recovery process runs; nothing else */
	PM_STARTING,        /* everything forked, waiting for all to report ready */
	PM_RUN,             /* accepting connections */
	PM_WAIT_WORKERS,    /* smart/fast shutdown: waiting for the workers to exit */
	PM_WAIT_CHECKPOINT, /* waiting for the checkpointer's shutdown checkpoint */
	PM_WAIT_AUX,        /* waiting for the remaining processes */
	PM_RESET,           /* crash: waiting for every child to die, then reinitialise */
	PM_IMMEDIATE        /* immediate shutdown: waiting for every child to die */
} pm_state;

static const char *const pm_state_names[] = {
	"init", "recovery", "starting", "run", "wait-workers", "wait-checkpoint", "wait-aux",
	"reset", "immediate"
};

enum { SD_NONE, SD_SMART, SD_FAST, SD_IMMEDIATE };

typedef struct child {
	pid_t pid;          /* 0: slot has no child */
	proc_role role;
	uint32_t gen;
	int down_fd;        /* our end of its pipe */
	int64_t started_ms;
	bool ready;
} child;

/* Back-off for auxiliary processes that die repeatedly. */
typedef struct aux_state {
	int64_t restart_at; /* 0: none pending */
	int fails;          /* consecutive deaths within AUX_STABLE_MS of their start */
} aux_state;

#define AUX_STABLE_MS 10000
#define AUX_MAX_BACKOFF_MS 30000

static const proc_role aux_roles[] = {
	ROLE_LISTENER, ROLE_WALWRITER, ROLE_CHECKPOINTER, ROLE_DEADLOCK, ROLE_COORDINATOR,
	ROLE_METRICS
};
#define N_AUX (sizeof(aux_roles) / sizeof(aux_roles[0]))

static void (*const role_main[ROLE_COUNT])(int) = {
	[ROLE_LISTENER] = listener_main,
	[ROLE_WORKER] = worker_main,
	[ROLE_WALWRITER] = walwriter_main,
	[ROLE_CHECKPOINTER] = checkpointer_main,
	[ROLE_DEADLOCK] = deadlock_main,
	[ROLE_COORDINATOR] = coordinator_main,
	[ROLE_METRICS] = metrics_main,
	[ROLE_RECOVERY] = recovery_main,
};

static struct {
	char datadir[PATH_MAX];
	char conf[PATH_MAX + 32];
	char shm_name[64];
	pid_t pid;
	int pid_fd;
	pidfile_info pinfo;
	int sig_fd;
	int ctl_rd, ctl_wr;
	int listen_fds[ACTOR_MAX_LISTEN];
	int nlisten;
	int metrics_fds[ACTOR_MAX_LISTEN];
	int nmetrics;
	pm_state state;
	int shutdown;       /* SD_* requested */
	int exit_status;
	int64_t kill_at;    /* SIGKILL the stragglers at this time (0: none) */
	int64_t quit_at;    /* SIGQUIT auxiliary processes still running at this time (0: none) */
	bool shm_made;
	child *kids;        /* by process-table slot */
	uint32_t nkids;
	aux_state aux[ROLE_COUNT];
	stats_values saved;
	uint8_t ctlbuf[2 * MSG_MAX_SIZE];
	size_t ctllen;
} S = { .pid_fd = -1, .sig_fd = -1, .ctl_rd = -1, .ctl_wr = -1 };

static void
set_state(pm_state st)
{
	if (S.state != st)
		log_msg(LV_DEBUG, "supervisor state %s -> %s", pm_state_names[S.state],
		        pm_state_names[st]);
	S.state = st;
}

static void
write_pidfile(const char *state)
{
	snprintf(S.pinfo.state, sizeof(S.pinfo.state), "%s", state);
	if (S.pid_fd >= 0 && pidfile_store(S.pid_fd, &S.pinfo) != 0)
		log_msg(LV_WARNING, "could not write pid file: %s", strerror(errno));
}

/* Remove the mailbox files of DATADIR/run (all processes are gone when this runs). */
static void
clean_run_dir(void)
{
	char dir[PATH_MAX + 8];
	DIR *d;
	struct dirent *e;

	snprintf(dir, sizeof(dir), "%s/run", S.datadir);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		if (n > 4 && strcmp(e->d_name + n - 4, ".ipc") == 0)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

/* ---- children ----------------------------------------------------------------------- */

static int
count_kids(int role)  /* role < 0: all */
{
	int n = 0;

	for (uint32_t i = 0; i < S.nkids; i++)
		if (S.kids[i].pid && (role < 0 || S.kids[i].role == (proc_role)role))
			n++;
	return n;
}

static int
next_worker_seq(void)
{
	for (int seq = 1;; seq++) {
		bool used = false;

		for (uint32_t i = 0; i < S.nkids && !used; i++)
			used = S.kids[i].pid && S.kids[i].role == ROLE_WORKER &&
			       proc_tab->pt_slots[i].ps_worker_seq == seq;
		if (!used)
			return seq;
	}
}

static void
quickdie(int sig)
{
	(void)sig;
	_exit(2);
}

/* In the child, right after fork: keep only what this role needs, then become it. */
static void
child_init(proc_role role, int slot, int down_fd)
{
	struct sigaction sa;
	sigset_t unblock;

	close(S.sig_fd);
	close(S.ctl_rd);
	for (uint32_t i = 0; i < S.nkids; i++)
		if (S.kids[i].pid && S.kids[i].down_fd >= 0)
			close(S.kids[i].down_fd);
	if (role != ROLE_LISTENER)
		listen_close_all(S.listen_fds, S.nlisten);
	if (role != ROLE_METRICS)
		listen_close_all(S.metrics_fds, S.nmetrics);
	snprintf(child_env.datadir, sizeof(child_env.datadir), "%s", S.datadir);
	snprintf(child_env.shm_name, sizeof(child_env.shm_name), "%s", S.shm_name);
	child_env.supervisor_pid = S.pid;
	child_env.ctl_up_fd = S.ctl_wr;
	child_env.ctl_down_fd = down_fd;
	child_env.nlisten = role == ROLE_LISTENER ? S.nlisten : 0;
	memcpy(child_env.listen_fds, S.listen_fds, sizeof(S.listen_fds));
	child_env.nmetrics = role == ROLE_METRICS ? S.nmetrics : 0;
	memcpy(child_env.metrics_fds, S.metrics_fds, sizeof(S.metrics_fds));

	/* nothing outlives the supervisor: SIGKILL when it dies, and it may already have */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != S.pid)
		_exit(1);
	proc_attach(slot);
	log_set_role(proc_role_name(role));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = quickdie;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	/* SIGHUP/SIGTERM/SIGINT stay blocked and go to latch_fd(); then SIGQUIT may come in */
	latch_fd_open();
	sigemptyset(&unblock);
	sigaddset(&unblock, SIGQUIT);
	sigaddset(&unblock, SIGCHLD);
	sigprocmask(SIG_UNBLOCK, &unblock, NULL);
	crash_install_handlers();
}

static pid_t
start_child(proc_role role)
{
	int slot = proc_slot_alloc(role), p[2];
	pid_t pid;

	if (slot < 0) {
		log_msg(LV_WARNING, "could not start a %s: the process table is full",
		        proc_role_name(role));
		return -1;
	}
	if (pipe2(p, O_CLOEXEC) != 0) {
		log_msg(LV_WARNING, "could not start a %s: pipe: %s", proc_role_name(role),
		        strerror(errno));
		proc_slot_free(slot);
		return -1;
	}
	if (role == ROLE_WORKER)
		proc_tab->pt_slots[slot].ps_worker_seq = next_worker_seq();
	pid = fork();
	if (pid < 0) {
		log_msg(LV_WARNING, "could not fork a %s: %s", proc_role_name(role), strerror(errno));
		close(p[0]);
		close(p[1]);
		proc_slot_free(slot);
		return -1;
	}
	if (pid == 0) {
		close(p[1]);
		child_init(role, slot, p[0]);
		role_main[role](slot);
		exit(0);
	}
	close(p[0]);
	fcntl(p[1], F_SETFL, O_NONBLOCK);
	proc_tab->pt_slots[slot].ps_pid = (int32_t)pid;
	S.kids[slot] = (child){ pid, role, proc_tab->pt_slots[slot].ps_generation, p[1], clock_ms(),
	                        false };
	log_msg(LV_INFO, "started %s (pid %d)", proc_role_name(role), (int)pid);
	return pid;
}

/* Send a control message down one child's pipe (never blocks). */
static void
send_to_kid(int slot, uint16_t type, const void *body)
{
	uint8_t buf[256];
	ssize_t n = msg_encode(type, body, buf, sizeof(buf));

	if (n > 0 && S.kids[slot].pid && write(S.kids[slot].down_fd, buf, (size_t)n) != n)
		log_msg(LV_WARNING, "could not send %s to %s (pid %d)", msg_type_name(type),
		        proc_role_name(S.kids[slot].role), (int)S.kids[slot].pid);
}

static void
shutdown_kid(int slot, uint32_t mode)
{
	msg_ctl_shutdown m = { mode };

	send_to_kid(slot, MSG_CTL_SHUTDOWN, &m);
}

static void
signal_all(int sig)
{
	for (uint32_t i = 0; i < S.nkids; i++)
		if (S.kids[i].pid)
			kill(S.kids[i].pid, sig);
}

static void
start_workers(int n)
{
	int room = (int)settings.max_connections - count_kids(ROLE_WORKER);

	for (int i = 0; i < n && i < room; i++)
		if (start_child(ROLE_WORKER) < 0)
			break;
}

/* Keep query_workers workers alive while running. */
static void
ensure_workers(void)
{
	int have = count_kids(ROLE_WORKER);

	if (have < settings.query_workers)
		start_workers((int)settings.query_workers - have);
}

static void
start_all(void)
{
	S.aux[ROLE_WORKER].restart_at = 0;
	for (size_t i = 0; i < N_AUX; i++) {
		S.aux[aux_roles[i]].restart_at = 0;
		start_child(aux_roles[i]);
	}
	ensure_workers();
	set_state(PM_STARTING);
}

static bool
all_ready(void)
{
	int workers = 0;

	for (size_t r = 0; r < N_AUX; r++) {
		bool ok = false;

		for (uint32_t i = 0; i < S.nkids && !ok; i++)
			ok = S.kids[i].pid && S.kids[i].role == aux_roles[r] && S.kids[i].ready;
		if (!ok)
			return false;
	}
	for (uint32_t i = 0; i < S.nkids; i++)
		if (S.kids[i].pid && S.kids[i].role == ROLE_WORKER && S.kids[i].ready)
			workers++;
	return workers >= (settings.query_workers < settings.max_connections ? settings.query_workers
	                                                                     : settings.max_connections);
}

/* ---- shared memory and the end -------------------------------------------------------- */

static int
make_shm(void)
{
	char err[512];

	if (shm_create(S.shm_name, err, sizeof(err)) != 0) {
		log_msg(LV_FATAL, "%s", err);
		return -1;
	}
	S.shm_made = true;
	S.nkids = proc_nslots();
	return 0;
}

static void
destroy_shm(void)
{
	if (S.shm_made) {
		shm_destroy();
		S.shm_made = false;
	}
}

static void
finish(int status)
{
	destroy_shm();
	clean_run_dir();
	if (S.pid_fd >= 0) {
		pidfile_unlink(S.datadir);
		close(S.pid_fd);
		S.pid_fd = -1;
	}
	if (status == 0)
		log_msg(LV_INFO, "database system is shut down");
	else
		log_msg(LV_INFO, "database system is shut down (exit status %d)", status);
	exit(status);
}

static void
begin_immediate(void)
{
	set_state(PM_IMMEDIATE);
	signal_all(SIGQUIT);
	S.kill_at = clock_ms() + SUPERVISOR_KILL_AFTER_MS;
}

static void
crash_reset(void)
{
	if (S.shutdown != SD_NONE) {
		log_msg(LV_WARNING, "a process crashed during shutdown; stopping the others at once");
		S.exit_status = 1;
		begin_immediate();
		return;
	}
	if (!settings.restart_after_crash) {
		log_msg(LV_WARNING, "shutting down because restart_after_crash is off");
		S.shutdown = SD_IMMEDIATE;
		S.exit_status = 1;
		write_pidfile("stopping");
		begin_immediate();
		return;
	}
	log_msg(LV_WARNING, "terminating any other active server processes");
	set_state(PM_RESET);
	write_pidfile("starting");
	signal_all(SIGQUIT);
	S.kill_at = clock_ms() + SUPERVISOR_KILL_AFTER_MS;
}

/* Every child is gone after a crash: new shared memory, recovery, then everything again. */
static void
reinitialise(void)
{
	stats_save(&S.saved);
	destroy_shm();
	clean_run_dir();
	if (make_shm() != 0) {
		S.exit_status = 1;
		finish(1);
	}
	S.saved.crash_resets++;
	stats_restore(&S.saved);
	shm_hdr->sh_reset_count = S.saved.crash_resets;
	memset(S.kids, 0, sizeof(child) * S.nkids);
	log_msg(LV_INFO, "all server processes terminated; reinitializing (crash reset %llu)",
	        (unsigned long long)S.saved.crash_resets);
	set_state(PM_RECOVERY);
	if (start_child(ROLE_RECOVERY) < 0)
		finish(1);
}

static void
request_shutdown(int mode)
{
	static const char *const names[] = { "", "smart", "fast", "immediate" };

	if (mode <= S.shutdown)
		return;
	S.shutdown = mode;
	log_msg(LV_INFO, "received %s shutdown request", names[mode]);
	write_pidfile("stopping");
	if (mode == SD_IMMEDIATE) {
		begin_immediate();
		return;
	}
	if (S.state != PM_STARTING && S.state != PM_RUN && S.state != PM_WAIT_WORKERS)
		return; /* recovery or reset: handled when it ends; later stages: already stopping */
	for (uint32_t i = 0; i < S.nkids; i++) {
		if (!S.kids[i].pid)
			continue;
		if (S.kids[i].role == ROLE_WORKER) {
			if (mode == SD_FAST) {
				atomic_fetch_or(&proc_tab->pt_slots[i].ps_interrupts, PI_TERMINATE);
				latch_set((int)i);
			}
			shutdown_kid((int)i, mode == SD_FAST ? SHUTDOWN_FAST : SHUTDOWN_SMART);
		} else if (S.kids[i].role == ROLE_LISTENER) {
			shutdown_kid((int)i, mode == SD_FAST ? SHUTDOWN_FAST : SHUTDOWN_SMART);
		}
	}
	set_state(PM_WAIT_WORKERS);
}

static void
reload(void)
{
	char err[1024];

	log_msg(LV_INFO, "received SIGHUP, reloading %s", S.conf);
	if (cfg_load(S.conf, true, err, sizeof(err)) != 0) {
		log_msg(LV_ERROR, "%s", err);
		log_msg(LV_ERROR, "configuration file contains errors; no changes were applied");
		return;
	}
	signal_all(SIGHUP);
}

/* ---- reaping ------------------------------------------------------------------------ */

static void
describe_status(int status, char *buf, size_t len)
{
	if (WIFEXITED(status))
		snprintf(buf, len, "exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, len, "was terminated by signal %d: %s", WTERMSIG(status),
		         strsignal(WTERMSIG(status)));
	else
		snprintf(buf, len, "ended with wait status %d", status);
}

/* Delay before the next restart after `fails` deaths in a row soon after starting. */
static int64_t
backoff_ms(int fails)
{
	int64_t delay;

	if (fails <= 1)
		return 0;
	delay = 500LL << (fails - 2 < 6 ? fails - 2 : 6);
	return delay > AUX_MAX_BACKOFF_MS ? AUX_MAX_BACKOFF_MS : delay;
}

static void
schedule_restart(proc_role role, int64_t lived_ms)
{
	aux_state *a = &S.aux[role];
	int64_t delay;
	shm_stats *st = stats_shm();

	a->fails = lived_ms < AUX_STABLE_MS ? a->fails + 1 : 1;
	delay = backoff_ms(a->fails);
	a->restart_at = clock_ms() + delay;
	if (st)
		stats_add(&st->st_restarts[role], 1);
	if (delay)
		log_msg(LV_INFO, "restarting %s in %lld ms (it died %d times in a row soon after starting)",
		        proc_role_name(role), (long long)delay, a->fails);
	else
		log_msg(LV_INFO, "restarting %s", proc_role_name(role));
}

/* A worker ended normally: replace it, with a back-off if workers die before they are ready. */
static void
worker_ended(const child *c)
{
	aux_state *a = &S.aux[ROLE_WORKER];

	if (c->ready) {
		a->fails = 0;
		ensure_workers();
		return;
	}
	a->fails++;
	a->restart_at = clock_ms() + backoff_ms(a->fails);
	log_msg(LV_WARNING, "worker (pid %d) ended before it was ready; replacing it in %lld ms",
	        (int)c->pid, (long long)backoff_ms(a->fails));
}

static void
child_died(uint32_t slot, int status)
{
	child c = S.kids[slot];
	proc_slot *ps = &proc_tab->pt_slots[slot];
	int locks = atomic_load(&ps->ps_locks_held);
	bool clean_exit = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
	bool crash = (c.role == ROLE_WORKER && !clean_exit) || locks > 0;
	bool quiet = S.state == PM_RESET || S.state == PM_IMMEDIATE;
	char how[128];

	describe_status(status, how, sizeof(how));
	close(c.down_fd);
	S.kids[slot].pid = 0;
	proc_slot_free((int)slot);
	if (quiet) {
		log_msg(LV_DEBUG, "%s (pid %d) %s", proc_role_name(c.role), (int)c.pid, how);
		return;
	}
	if (c.role == ROLE_RECOVERY) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			log_msg(LV_INFO, "recovery finished");
			if (S.shutdown != SD_NONE)
				finish(S.exit_status);
			start_all();
		} else {
			log_msg(LV_FATAL, "recovery process (pid %d) %s; shutting down", (int)c.pid, how);
			S.exit_status = 1;
			finish(1);
		}
		return;
	}
	if (crash) {
		log_msg(LV_WARNING, "%s process (pid %d) %s%s", proc_role_name(c.role), (int)c.pid, how,
		        locks > 0 ? " while holding locks in shared memory" : "");
		crash_reset();
		return;
	}
	if (S.state == PM_RUN || S.state == PM_STARTING) {
		if (c.role == ROLE_WORKER) {
			log_msg(LV_INFO, "worker (pid %d) %s", (int)c.pid, how);
			worker_ended(&c);
		} else {
			log_msg(LV_WARNING, "%s (pid %d) %s", proc_role_name(c.role), (int)c.pid, how);
			schedule_restart(c.role, clock_ms() - c.started_ms);
		}
		return;
	}
	log_msg(LV_INFO, "%s (pid %d) %s", proc_role_name(c.role), (int)c.pid, how);
}

static void
reap(void)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		uint32_t i;

		for (i = 0; i < S.nkids; i++)
			if (S.kids[i].pid == pid)
				break;
		if (i < S.nkids)
			child_died(i, status);
	}
}

/* ---- control messages from children ------------------------------------------------- */

static bool
sender_ok(int32_t slot, uint32_t gen)
{
	return slot >= 0 && (uint32_t)slot < S.nkids && S.kids[slot].pid &&
	       S.kids[slot].gen == gen;
}

static void
ctl_message(const uint8_t *buf, size_t len)
{
	msg m;
	int rc = msg_decode(buf, len, &m);

	if (rc != MSG_OK) {
		log_msg(LV_WARNING, "dropped a malformed control message: %s", msg_strerror(rc));
		return;
	}
	switch (m.hdr.type) {
	case MSG_CTL_READY:
		if (sender_ok(m.u.ctl_ready.slot, m.u.ctl_ready.generation)) {
			S.kids[m.u.ctl_ready.slot].ready = true;
			log_msg(LV_DEBUG, "%s (pid %d) is ready", proc_role_name(S.kids[m.u.ctl_ready.slot].role),
			        (int)m.u.ctl_ready.pid);
		}
		break;
	case MSG_CTL_NEED_WORKER: {
		int starting = 0, want = (int)m.u.ctl_need_worker.wanted;

		if (S.state != PM_RUN && S.state != PM_STARTING)
			break;
		for (uint32_t i = 0; i < S.nkids; i++)
			if (S.kids[i].pid && S.kids[i].role == ROLE_WORKER && !S.kids[i].ready)
				starting++;
		if (want > starting) {
			log_msg(LV_DEBUG, "starting %d more workers on request", want - starting);
			start_workers(want - starting);
		}
		break;
	}
	default:
		log_msg(LV_WARNING, "dropped a %s message: not a message for the supervisor",
		        msg_type_name(m.hdr.type));
	}
}

static void
ctl_stream_message(const uint8_t *m, size_t n, void *arg)
{
	ctl_message(m, n);
}

static void
read_ctl(void)
{
	ssize_t n;

	while ((n = read(S.ctl_rd, S.ctlbuf + S.ctllen, sizeof(S.ctlbuf) - S.ctllen)) > 0) {
		int rc;

		S.ctllen += (size_t)n;
		rc = msg_stream_drain(S.ctlbuf, &S.ctllen, ctl_stream_message, NULL);
		if (rc < 0)
			log_msg(LV_WARNING, "dropped garbage on the control pipe: %s", msg_strerror(rc));
	}
}

/* ---- the state machine's progress ---------------------------------------------------- */

static void
advance(void)
{
	int64_t now = clock_ms();

	if (S.kill_at && now >= S.kill_at) {
		int n = count_kids(-1);

		if (n > 0) {
			log_msg(LV_WARNING, "sending SIGKILL to %d processes that did not exit in time", n);
			signal_all(SIGKILL);
		}
		S.kill_at = 0;
	}
	switch (S.state) {
	case PM_STARTING:
	case PM_RUN:
		for (size_t i = 0; i < N_AUX; i++) {
			aux_state *a = &S.aux[aux_roles[i]];

			if (a->restart_at && now >= a->restart_at) {
				a->restart_at = 0;
				start_child(aux_roles[i]);
			}
		}
		if (S.aux[ROLE_WORKER].restart_at && now >= S.aux[ROLE_WORKER].restart_at) {
			S.aux[ROLE_WORKER].restart_at = 0;
			ensure_workers();
		}
		if (S.state == PM_STARTING && all_ready()) {
			set_state(PM_RUN);
			write_pidfile("ready");
			log_msg(LV_INFO, "database system is ready to accept connections on port %d",
			        (int)settings.port);
		}
		break;
	case PM_WAIT_WORKERS:
		if (count_kids(ROLE_WORKER) > 0)
			break;
		for (uint32_t i = 0; i < S.nkids; i++)
			if (S.kids[i].pid && S.kids[i].role != ROLE_CHECKPOINTER &&
			    S.kids[i].role != ROLE_WALWRITER)
				shutdown_kid((int)i, SHUTDOWN_FAST);
		set_state(PM_WAIT_CHECKPOINT);
		for (uint32_t i = 0; i < S.nkids; i++)
			if (S.kids[i].pid && S.kids[i].role == ROLE_CHECKPOINTER) {
				msg_ctl_checkpoint ck = { CKPT_SHUTDOWN };

				log_msg(LV_INFO, "asking the checkpointer for a shutdown checkpoint");
				send_to_kid((int)i, MSG_CTL_CHECKPOINT, &ck);
			}
		/* FALLTHROUGH */
	case PM_WAIT_CHECKPOINT:
		if (count_kids(ROLE_CHECKPOINTER) > 0)
			break;
		for (uint32_t i = 0; i < S.nkids; i++)
			if (S.kids[i].pid)
				shutdown_kid((int)i, SHUTDOWN_FAST);
		set_state(PM_WAIT_AUX);
		S.quit_at = now + SUPERVISOR_AUX_GRACE_MS;
		/* FALLTHROUGH */
	case PM_WAIT_AUX:
		if (count_kids(-1) == 0)
			finish(S.exit_status);
		if (S.quit_at && now >= S.quit_at) {
			/* Nothing is left to wait for: no sessions, the checkpoint is done.  A process
			 * that still runs is stuck; do not let it hold the shutdown forever. */
			for (uint32_t i = 0; i < S.nkids; i++)
				if (S.kids[i].pid)
					log_msg(LV_WARNING, "%s (pid %d) did not exit within %d ms; sending SIGQUIT",
					        proc_role_name(S.kids[i].role), (int)S.kids[i].pid,
					        SUPERVISOR_AUX_GRACE_MS);
			signal_all(SIGQUIT);
			S.quit_at = 0;
			S.kill_at = now + SUPERVISOR_KILL_AFTER_MS;
		}
		break;
	case PM_RESET:
		if (count_kids(-1) == 0) {
			S.kill_at = 0;
			if (S.shutdown != SD_NONE)
				finish(S.exit_status);
			reinitialise();
		}
		break;
	case PM_IMMEDIATE:
		if (count_kids(-1) == 0)
			finish(S.exit_status);
		break;
	case PM_INIT:
	case PM_RECOVERY:
		break;
	}
}

static int
poll_timeout(void)
{
	int64_t now = clock_ms(), t = 1000;

	if (S.kill_at && S.kill_at - now < t)
		t = S.kill_at - now;
	if (S.quit_at && S.quit_at - now < t)
		t = S.quit_at - now;
	for (int r = 0; r < ROLE_COUNT; r++) {
		int64_t at = S.aux[r].restart_at;

		if (at && at - now < t)
			t = at - now;
	}
	return t < 0 ? 0 : (int)t;
}

static void
loop(void)
{
	for (;;) {
		struct pollfd pf[2] = { { S.sig_fd, POLLIN, 0 }, { S.ctl_rd, POLLIN, 0 } };

		if (poll(pf, 2, poll_timeout()) < 0 && errno != EINTR) {
			log_msg(LV_FATAL, "poll failed: %s", strerror(errno));
			signal_all(SIGKILL);
			finish(1);
		}
		if (pf[0].revents & POLLIN) {
			struct signalfd_siginfo si;

			while (read(S.sig_fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
				switch (si.ssi_signo) {
				case SIGHUP:
					reload();
					break;
				case SIGTERM:
					request_shutdown(SD_SMART);
					break;
				case SIGINT:
					request_shutdown(SD_FAST);
					break;
				case SIGQUIT:
					request_shutdown(SD_IMMEDIATE);
					break;
				default:
					break;
				}
			}
		}
		if (pf[1].revents & POLLIN)
			read_ctl();
		reap();
		advance();
	}
}

/* ---- start -------------------------------------------------------------------------- */

static int
check_datadir(const char *given)
{
	char path[PATH_MAX + 32], version[32] = "";
	struct stat st;
	FILE *f;

	if (realpath(given, S.datadir) == NULL) {
		log_msg(LV_FATAL, "data directory \"%s\" does not exist", given);
		return -1;
	}
	if (stat(S.datadir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		log_msg(LV_FATAL, "\"%s\" is not a directory", S.datadir);
		return -1;
	}
	if (access(S.datadir, R_OK | W_OK | X_OK) != 0) {
		log_msg(LV_FATAL, "could not access data directory \"%s\": %s", S.datadir, strerror(errno));
		return -1;
	}
	if (strchr(S.datadir, '\n')) {
		log_msg(LV_FATAL, "data directory path must not contain a newline");
		return -1;
	}
	snprintf(path, sizeof(path), "%s/VERSION", S.datadir);
	f = fopen(path, "r");
	if (f == NULL) {
		log_msg(LV_FATAL, "\"%s\" is not a Phantom-DB data directory: %s: %s", S.datadir, path,
		        strerror(errno));
		return -1;
	}
	if (fgets(version, sizeof(version), f) == NULL)
		version[0] = '\0';
	fclose(f);
	version[strcspn(version, "\r\n")] = '\0';
	if (strcmp(version, PHANTOM_DATA_VERSION) != 0) {
		log_msg(LV_FATAL, "data directory \"%s\" has format version \"%s\"; this server needs \"%s\"",
		        S.datadir, version, PHANTOM_DATA_VERSION);
		return -1;
	}
	return 0;
}

static int
open_log(void)
{
	char dir[PATH_MAX * 2], path[PATH_MAX * 2 + 16];

	if (settings.log_destination != 0)
		return 0;
	if (settings.log_directory[0] == '/')
		snprintf(dir, sizeof(dir), "%s", settings.log_directory);
	else
		snprintf(dir, sizeof(dir), "%s/%s", S.datadir, settings.log_directory);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		log_msg(LV_FATAL, "could not create log directory \"%s\": %s", dir, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/phantom.log", dir);
	if (log_open_file(path) != 0) {
		log_msg(LV_FATAL, "could not open log file \"%s\": %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static void
raise_fd_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

/* Fatal error after the pid file is ours: clean up and leave. */
static int
fail_start(void)
{
	listen_close_all(S.listen_fds, S.nlisten);
	listen_close_all(S.metrics_fds, S.nmetrics);
	destroy_shm();
	if (S.pid_fd >= 0) {
		pidfile_unlink(S.datadir);
		close(S.pid_fd);
	}
	return 1;
}

int
supervisor_main(const char *given_datadir)
{
	char err[1024], path[PATH_MAX + 32];
	int stale_found;
	pid_t holder;
	pidfile_info stale;
	sigset_t mask;

	/* signals first: a SIGTERM during start must be seen by the loop, not kill us */
	sigemptyset(&mask);
	sigaddset(&mask, SIGCHLD);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGQUIT);
	sigaddset(&mask, SIGUSR1);
	sigaddset(&mask, SIGUSR2);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	signal(SIGPIPE, SIG_IGN);
	S.pid = getpid();
	log_set_role("supervisor");

	if (check_datadir(given_datadir) != 0)
		return 1;
	snprintf(S.conf, sizeof(S.conf), "%s/phantom.conf", S.datadir);
	if (cfg_load(S.conf, false, err, sizeof(err)) != 0) {
		log_msg(LV_FATAL, "%s", err);
		return 1;
	}
	shm_name_for(S.datadir, S.shm_name, sizeof(S.shm_name));
	S.pid_fd = pidfile_acquire(S.datadir, &holder, &stale_found, &stale, err, sizeof(err));
	if (S.pid_fd < 0) {
		log_msg(LV_FATAL, "%s", err);
		return 1;
	}
	if (open_log() != 0)
		return fail_start();
	log_msg(LV_INFO, "starting Phantom-DB %s on data directory %s (pid %d)", PACKAGE_VERSION,
	        S.datadir, (int)S.pid);
	if (stale_found) {
		/* the lock was free: no process of the old server lives (pidfile.h, rule 2) */
		if (stale.pid)
			log_msg(LV_INFO, "removing the stale pid file of server pid %d", (int)stale.pid);
		else
			log_msg(LV_INFO, "removing an unreadable stale pid file");
		if (stale.shm_name[0] && shm_remove_stale(stale.shm_name))
			log_msg(LV_INFO, "removed stale shared memory segment %s", stale.shm_name);
		if (shm_remove_stale(S.shm_name))
			log_msg(LV_INFO, "removed stale shared memory segment %s", S.shm_name);
	}
	S.pinfo.pid = S.pid;
	snprintf(S.pinfo.datadir, sizeof(S.pinfo.datadir), "%s", S.datadir);
	S.pinfo.start_time = (int64_t)time(NULL);
	S.pinfo.port = (int)settings.port;
	snprintf(S.pinfo.shm_name, sizeof(S.pinfo.shm_name), "%s", S.shm_name);
	write_pidfile("starting");

	snprintf(path, sizeof(path), "%s/run", S.datadir);
	if (mkdir(path, 0700) != 0 && errno != EEXIST) {
		log_msg(LV_FATAL, "could not create directory \"%s\": %s", path, strerror(errno));
		return fail_start();
	}
	clean_run_dir();
	raise_fd_limit();
	S.nlisten = listen_bind_all(settings.listen_addresses, (int)settings.port, S.listen_fds,
	                            ACTOR_MAX_LISTEN, err, sizeof(err));
	if (S.nlisten < 0) {
		S.nlisten = 0;
		log_msg(LV_FATAL, "%s", err);
		return fail_start();
	}
	if (settings.metrics_port > 0) {
		S.nmetrics = listen_bind_all(settings.listen_addresses, (int)settings.metrics_port,
		                             S.metrics_fds, ACTOR_MAX_LISTEN, err, sizeof(err));
		if (S.nmetrics < 0) {
			S.nmetrics = 0;
			log_msg(LV_FATAL, "%s (metrics_port)", err);
			return fail_start();
		}
	}
	if (make_shm() != 0)
		return fail_start();
	S.kids = calloc(S.nkids, sizeof(child));
	S.sig_fd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
	if (S.kids == NULL || S.sig_fd < 0) {
		log_msg(LV_FATAL, "could not set up the supervisor: %s", strerror(errno));
		return fail_start();
	}
	{
		int p[2];

		if (pipe2(p, O_CLOEXEC | O_NONBLOCK) != 0) {
			log_msg(LV_FATAL, "could not create the control pipe: %s", strerror(errno));
			return fail_start();
		}
		S.ctl_rd = p[0];
		S.ctl_wr = p[1];
	}
	set_state(PM_RECOVERY);
	if (start_child(ROLE_RECOVERY) < 0)
		return fail_start();
	loop();
	return 0;
}
