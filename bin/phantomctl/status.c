/*
 * status.c — phantomctl status (pid file + the process table in shared memory, attached
 * read-only) and phantomctl ping (PING/PONG through a process's nng mailbox).
 */
#include <getopt.h>
#include <nng/nng.h>
#include <nng/protocol/pipeline0/pull.h>
#include <nng/protocol/pipeline0/push.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bin/phantomctl/ctl.h"
#include "daemons/common/actor.h"
#include "daemons/common/pidfile.h"
#include "proto/msg.h"
#include "shm/proc.h"
#include "shm/shm.h"
#include "shm/stats.h"

static const char *
parse_dir_only(int argc, char **argv, const char *usage, int fail_status)
{
	static const struct option lopts[] = {
		{ "pgdata", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = getenv("PHANTOMDATA");
	int c;

	while ((c = getopt_long(argc, argv, "+D:", lopts, NULL)) != -1) {
		if (c != 'D')
			ctl_die(fail_status, "usage: %s", usage);
		dir = optarg;
	}
	return dir;
}

static void
format_uptime(int64_t secs, char *buf, size_t len)
{
	if (secs >= 86400)
		snprintf(buf, len, "%lldd %02lld:%02lld:%02lld", (long long)(secs / 86400),
		         (long long)(secs % 86400 / 3600), (long long)(secs % 3600 / 60),
		         (long long)(secs % 60));
	else
		snprintf(buf, len, "%02lld:%02lld:%02lld", (long long)(secs / 3600),
		         (long long)(secs % 3600 / 60), (long long)(secs % 60));
}

static void
print_processes(const pidfile_info *info)
{
	char err[512];
	shm_stats *st;

	if (shm_attach_readonly(info->shm_name, err, sizeof(err)) != 0 || proc_tab == NULL) {
		printf("processes: unknown (%s)\n", err);
		return;
	}
	printf("processes:\n  %-13s %-5s %-8s %-9s %s\n", "ROLE", "SLOT", "PID", "STATE", "SESSION");
	printf("  %-13s %-5s %-8d %s\n", "supervisor", "-", (int)proc_tab->pt_supervisor_pid,
	       "running");
	for (int r = ROLE_LISTENER; r < ROLE_COUNT; r++)
		for (uint32_t i = 0; i < proc_tab->pt_nslots; i++) {
			proc_slot *s = &proc_tab->pt_slots[i];
			uint32_t state = atomic_load(&s->ps_state);
			char name[32];

			if (state == PS_FREE || s->ps_role != (uint32_t)r)
				continue;
			if (r == ROLE_WORKER)
				snprintf(name, sizeof(name), "worker %d", s->ps_worker_seq);
			else
				snprintf(name, sizeof(name), "%s", proc_role_name((proc_role)r));
			if (state == PS_SESSION)
				printf("  %-13s %-5u %-8d %-9s %s@%s from %s\n", name, i, s->ps_pid,
				       proc_state_name(state), s->ps_user, s->ps_database, s->ps_client);
			else
				printf("  %-13s %-5u %-8d %s\n", name, i, s->ps_pid, proc_state_name(state));
		}
	st = stats_shm();
	if (st)
		printf("crash resets: %llu\nconnections: %llu accepted, %llu refused\n",
		       (unsigned long long)atomic_load(&st->st_crash_resets),
		       (unsigned long long)atomic_load(&st->st_connections),
		       (unsigned long long)atomic_load(&st->st_connections_refused));
}

int
ctl_status(int argc, char **argv)
{
	char abs[PATH_MAX], err[PATH_MAX + 256], up[64];
	pidfile_info info;

	ctl_datadir(parse_dir_only(argc, argv, "phantomctl status -D DIR", EXIT_UNKNOWN), abs,
	            EXIT_UNKNOWN);
	switch (pidfile_check(abs, &info, err, sizeof(err))) {
	case PIDF_NONE:
	case PIDF_STALE:
		printf("no server running on data directory \"%s\"\n", abs);
		return EXIT_NOT_RUNNING;
	case PIDF_CORRUPT:
	case PIDF_ERROR:
		ctl_die(EXIT_UNKNOWN, "%s", err);
	case PIDF_RUNNING:
		break;
	}
	format_uptime((int64_t)time(NULL) - info.start_time, up, sizeof(up));
	printf("server is running (pid %d)\n"
	       "data directory: %s\n"
	       "state: %s\n"
	       "port: %d\n"
	       "uptime: %s\n"
	       "shared memory: %s\n",
	       (int)info.pid, info.datadir, info.state, info.port, up, info.shm_name);
	print_processes(&info);
	return 0;
}

/* ---- ping ------------------------------------------------------------------------------ */

int
ctl_ping(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "pgdata", required_argument, NULL, 'D' },
		{ "timeout", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = getenv("PHANTOMDATA");
	char abs[PATH_MAX], shm_name[64], to[PATH_MAX + 128], me[PATH_MAX + 128], *end;
	int c, timeout = 5, slot = 0, rv;
	proc_role role;
	nng_socket push, pull;
	msg_ping ping;
	uint8_t buf[MSG_MAX_SIZE];
	ssize_t n;
	struct timespec t0, t1;

	while ((c = getopt_long(argc, argv, "+D:t:", lopts, NULL)) != -1) {
		if (c == 'D') {
			dir = optarg;
		} else if (c == 't') {
			timeout = (int)strtol(optarg, &end, 10);
			if (*end || timeout < 1)
				ctl_die(1, "invalid timeout \"%s\"", optarg);
		} else {
			ctl_die(1, "usage: phantomctl ping -D DIR ROLE [SLOT] [-t SECS]");
		}
	}
	if (optind >= argc)
		ctl_die(1, "usage: phantomctl ping -D DIR ROLE [SLOT] [-t SECS]");
	role = proc_role_from_name(argv[optind]);
	if (role == ROLE_NONE || role == ROLE_RECOVERY)
		ctl_die(1, "unknown role \"%s\"", argv[optind]);
	if (optind + 1 < argc)
		slot = atoi(argv[optind + 1]);
	ctl_datadir(dir, abs, 1);
	shm_name_for(abs, shm_name, sizeof(shm_name));
	actor_mailbox_url(abs, shm_name, role, slot, to, sizeof(to));
	snprintf(me, sizeof(me), "ipc://%s/run/ctl.%d.ipc", abs, (int)getpid());
	if (strlen(me) >= 108 + 6)
		snprintf(me, sizeof(me), "abstract://%s.ctl.%d", shm_name + 1, (int)getpid());
	if ((rv = nng_pull0_open(&pull)) != 0 || (rv = nng_listen(pull, me, NULL, 0)) != 0 ||
	    (rv = nng_push0_open(&push)) != 0)
		ctl_die(1, "could not open a mailbox: %s", nng_strerror(rv));
	nng_socket_set_ms(pull, NNG_OPT_RECVTIMEO, timeout * 1000);
	nng_socket_set_ms(push, NNG_OPT_SENDTIMEO, timeout * 1000);
	if ((rv = nng_dial(push, to, NULL, 0)) != 0) {
		if (strncmp(me, "ipc://", 6) == 0)
			unlink(me + 6);
		ctl_die(1, "could not reach %s at %s: %s", argv[optind], to, nng_strerror(rv));
	}
	memset(&ping, 0, sizeof(ping));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ping.token = (uint64_t)t0.tv_nsec ^ (uint64_t)getpid();
	snprintf(ping.reply_to, sizeof(ping.reply_to), "%s", me);
	n = msg_encode(MSG_PING, &ping, buf, sizeof(buf));
	rv = n < 0 ? NNG_EINVAL : nng_send(push, buf, (size_t)n, 0);
	while (rv == 0) {
		void *data;
		size_t len;
		msg m;

		if ((rv = nng_recv(pull, &data, &len, NNG_FLAG_ALLOC)) != 0)
			break;
		if (msg_decode(data, len, &m) == MSG_OK && m.hdr.type == MSG_PONG &&
		    m.u.pong.token == ping.token) {
			clock_gettime(CLOCK_MONOTONIC, &t1);
			printf("%s (pid %d) answered in %.3f ms\n", proc_role_name((proc_role)m.u.pong.role),
			       m.u.pong.pid,
			       (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
			nng_free(data, len);
			break;
		}
		nng_free(data, len);
	}
	nng_close(push);
	nng_close(pull);
	if (strncmp(me, "ipc://", 6) == 0)
		unlink(me + 6);
	if (rv != 0)
		ctl_die(1, "no answer from %s: %s", argv[optind], nng_strerror(rv));
	return 0;
}
