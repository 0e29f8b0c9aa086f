/*
 * fake_server.c — a test-only server: the real protocol layer (lib/pgwire) over the engine
 * test double (fake_engine.c).  It plays the listener's part in miniature: accepts TCP on
 * 127.0.0.1, forks one process per connection, answers SSLRequest/GSSENCRequest with 'N',
 * turns a CancelRequest into PI_CANCEL on the matching process slot, and otherwise runs
 * pgw_session_main.  Used by tests/protocol, tests/slt and check_client; never installed.
 *
 * Usage: fake-server [-p PORT] [-P PORTFILE] [-a AUTH_RULE]... [-c name=value]... [-l LOG]
 *   -p 0 (the default) picks a free port; the port is written to PORTFILE (and stdout).
 *   SIGTERM or SIGINT: sessions get PI_TERMINATE (FATAL 57P01 while idle), then it exits.
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "pgwire/pgw.h"
#include "shm/proc.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"
#include "util/mem.h"

static volatile sig_atomic_t stopping;

static void
on_stop(int sig)
{
	stopping = 1;
}

static void
usage(void)
{
	fprintf(stderr, "usage: fake-server [-p PORT] [-P PORTFILE] [-a AUTH_RULE]... "
	                "[-c name=value]... [-l LOGFILE]\n");
	exit(2);
}

/* The child: read the first packet(s), then serve the session or deliver a cancel. */
static void
serve(int sock, int slot)
{
	char buf[10000];
	size_t len;
	int32_t pid = 0, key = 0;

	proc_attach(slot);
	atomic_store(&proc_me->ps_state, PS_SESSION);
	log_set_role("fake-session");
	for (;;) {
		pgw_startup_kind k = pgw_read_startup(sock, (int)settings.authentication_timeout, buf,
		                                      sizeof(buf), &len, &pid, &key);

		switch (k) {
		case PGW_STARTUP_SSL:
		case PGW_STARTUP_GSSENC:
			if (write(sock, "N", 1) != 1) {
				close(sock);
				return;
			}
			continue;
		case PGW_STARTUP_CANCEL:
			for (uint32_t i = 0; i < proc_tab->pt_nslots; i++) {
				proc_slot *s = &proc_tab->pt_slots[i];

				if (atomic_load(&s->ps_state) == PS_SESSION && s->ps_pid == pid &&
				    s->ps_cancel_key == key && key != 0)
					atomic_fetch_or(&s->ps_interrupts, PI_CANCEL);
			}
			close(sock);
			return;
		case PGW_STARTUP_MESSAGE:
			pgw_session_main(sock, buf, len);
			close(sock);   /* as the worker does: the session leaves it open */
			return;
		default:
			log_msg(LV_INFO, "no usable startup packet (%d)", (int)k);
			close(sock);
			return;
		}
	}
}

int
main(int argc, char **argv)
{
	const char *portfile = NULL;
	char *rules = NULL;
	char err[512];
	int port = 0, opt, lsock, one = 1;
	struct sockaddr_in sa;
	socklen_t sl = sizeof(sa);
	pid_t *kids;
	void *base;
	size_t size;

	/* a test server must not outlive the test that started it */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	mem_init();
	cfg_init_defaults();
	while ((opt = getopt(argc, argv, "p:P:a:c:l:")) != -1) {
		switch (opt) {
		case 'p':
			port = atoi(optarg);
			break;
		case 'P':
			portfile = optarg;
			break;
		case 'a':
			rules = rules ? psprintf("%s\n%s", rules, optarg) : pstrdup(optarg);
			break;
		case 'c':
			if (cfg_override(optarg, err, sizeof(err)) < 0) {
				fprintf(stderr, "fake-server: %s\n", err);
				return 2;
			}
			break;
		case 'l':
			if (log_open_file(optarg) < 0) {
				perror(optarg);
				return 2;
			}
			break;
		default:
			usage();
		}
	}
	if (rules) {
		char *a = psprintf("auth_rule=%s", rules);

		if (pgw_auth_rules_check(rules, err, sizeof(err)) < 0 ||
		    cfg_override(a, err, sizeof(err)) < 0) {
			fprintf(stderr, "fake-server: %s\n", err);
			return 2;
		}
	}
	log_set_role("fake-server");
	log_set_level(settings.log_level);

	size = proc_shmem_size();
	base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	proc_shmem_init(base, size);
	kids = calloc(proc_nslots(), sizeof(pid_t));

	lsock = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	setsockopt(lsock, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons((uint16_t)port);
	if (bind(lsock, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(lsock, 128) < 0 ||
	    getsockname(lsock, (struct sockaddr *)&sa, &sl) < 0) {
		perror("fake-server: listen");
		return 1;
	}
	port = ntohs(sa.sin_port);
	if (portfile) {
		FILE *f = fopen(portfile, "w");

		if (f == NULL || fprintf(f, "%d\n", port) < 0 || fclose(f) != 0) {
			perror(portfile);
			return 1;
		}
	}
	printf("%d\n", port);
	fflush(stdout);
	signal(SIGTERM, on_stop);
	signal(SIGINT, on_stop);
	signal(SIGPIPE, SIG_IGN);

	while (!stopping) {
		struct pollfd pfd = {.fd = lsock, .events = POLLIN};
		pid_t dead;
		int st;

		while ((dead = waitpid(-1, &st, WNOHANG)) > 0)
			for (uint32_t i = 0; i < proc_nslots(); i++)
				if (kids[i] == dead) {
					kids[i] = 0;
					proc_slot_free((int)i);
					if (WIFSIGNALED(st))
						log_msg(LV_WARNING, "session process %d died by signal %d", (int)dead,
						        WTERMSIG(st));
				}
		if (poll(&pfd, 1, 200) <= 0)
			continue;
		int sock = accept4(lsock, NULL, NULL, SOCK_CLOEXEC);

		if (sock < 0)
			continue;
		int slot = proc_slot_alloc(ROLE_WORKER);

		if (slot < 0) {
			static const char full[] = "too many connections";

			log_msg(LV_WARNING, "%s", full);
			close(sock);
			continue;
		}
		pid_t pid = fork();

		if (pid == 0) {
			close(lsock);
			signal(SIGTERM, SIG_DFL);
			signal(SIGINT, SIG_DFL);
			serve(sock, slot);
			exit(0);
		}
		close(sock);
		if (pid < 0) {
			proc_slot_free(slot);
			continue;
		}
		kids[slot] = pid;
	}
	/* shut down: ask every session to end, then wait for them */
	for (uint32_t i = 0; i < proc_nslots(); i++)
		if (kids[i])
			atomic_fetch_or(&proc_tab->pt_slots[i].ps_interrupts, PI_TERMINATE);
	while (wait(NULL) > 0 || errno == EINTR)
		;
	close(lsock);
	if (portfile)
		unlink(portfile);
	exit(0);
}
