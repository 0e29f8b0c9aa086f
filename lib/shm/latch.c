/* latch.c — see latch.h. */
#include <signal.h>
#include <stddef.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "shm/futex.h"
#include "shm/latch.h"
#include "shm/proc.h"

static int latch_sigfd = -1;

void
latch_set(int idx)
{
	proc_slot *s = &proc_tab->pt_slots[idx];

	if (atomic_exchange(&s->ps_latch, 1) == 0) {
		futex_wake(&s->ps_latch, 1);
		/* A poll-based waiter learns of it through SIGURG on its latch_fd(). */
		if (atomic_load(&s->ps_latch_signal) && s->ps_pid > 0)
			kill(s->ps_pid, SIGURG);
	}
}

void
latch_reset(void)
{
	if (proc_me)
		atomic_store(&proc_me->ps_latch, 0);
}

bool
latch_wait(int64_t timeout_ms)
{
	if (proc_me == NULL)
		return false;
	if (atomic_load(&proc_me->ps_latch) == 0)
		futex_wait(&proc_me->ps_latch, 0, timeout_ms);
	return atomic_exchange(&proc_me->ps_latch, 0) != 0;
}

int
latch_fd_open(void)
{
	sigset_t set;

	if (latch_sigfd >= 0)
		return latch_sigfd;
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGURG);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0)
		return -1;
	latch_sigfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	if (latch_sigfd >= 0 && proc_me)
		atomic_store(&proc_me->ps_latch_signal, 1);
	return latch_sigfd;
}

int
latch_fd(void)
{
	return latch_sigfd;
}

void
latch_fd_consume(void)
{
	struct signalfd_siginfo si;
	unsigned bits = 0;

	while (latch_sigfd >= 0 && read(latch_sigfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		switch (si.ssi_signo) {
		case SIGHUP:
			bits |= PI_RELOAD;
			break;
		case SIGTERM:
			bits |= PI_TERMINATE;
			break;
		case SIGINT:
			bits |= PI_CANCEL;
			break;
		default:
			break;
		}
	}
	if (proc_me) {
		if (bits)
			atomic_fetch_or(&proc_me->ps_interrupts, bits);
		latch_reset();
	}
}
