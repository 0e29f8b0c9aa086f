/* crash.c — libunwind backtraces from fatal-signal handlers; see crash.h. */
#define UNW_LOCAL_ONLY
#include <libunwind.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/crash.h"
#include "util/log.h"

static char altstack[64 * 1024];

/* Minimal async-signal-safe formatting helpers. */
static size_t
put_str(char *buf, size_t n, size_t cap, const char *s)
{
	while (*s && n < cap)
		buf[n++] = *s++;
	return n;
}

static size_t
put_num(char *buf, size_t n, size_t cap, uint64_t v, int base)
{
	char tmp[32];
	int k = 0;

	do {
		tmp[k++] = "0123456789abcdef"[v % (uint64_t)base];
		v /= (uint64_t)base;
	} while (v && k < 32);
	while (k > 0 && n < cap)
		buf[n++] = tmp[--k];
	return n;
}

void
crash_write_backtrace(int fd)
{
	unw_context_t ctx;
	unw_cursor_t cur;
	int depth = 0;

	if (unw_getcontext(&ctx) != 0 || unw_init_local(&cur, &ctx) != 0)
		return;
	while (unw_step(&cur) > 0 && depth < 64) {
		char line[512], name[256];
		unw_word_t ip = 0, off = 0;
		size_t n = 0;

		unw_get_reg(&cur, UNW_REG_IP, &ip);
		n = put_str(line, n, sizeof(line), "  #");
		n = put_num(line, n, sizeof(line), (uint64_t)depth, 10);
		n = put_str(line, n, sizeof(line), " 0x");
		n = put_num(line, n, sizeof(line), (uint64_t)ip, 16);
		if (unw_get_proc_name(&cur, name, sizeof(name), &off) == 0) {
			n = put_str(line, n, sizeof(line), " ");
			n = put_str(line, n, sizeof(line), name);
			n = put_str(line, n, sizeof(line), "+0x");
			n = put_num(line, n, sizeof(line), (uint64_t)off, 16);
		}
		n = put_str(line, n, sizeof(line) - 1, "\n");
		if (write(fd, line, n) < 0)
			return;
		depth++;
	}
}

static void
crash_handler(int sig)
{
	char line[256];
	size_t n = 0;
	int fd = log_fd();

	n = put_str(line, n, sizeof(line), log_role());
	n = put_str(line, n, sizeof(line), "[");
	n = put_num(line, n, sizeof(line), (uint64_t)getpid(), 10);
	n = put_str(line, n, sizeof(line), "] PANIC:  process crashed: signal ");
	n = put_num(line, n, sizeof(line), (uint64_t)sig, 10);
	n = put_str(line, n, sizeof(line), " (");
	n = put_str(line, n, sizeof(line), sigabbrev_np(sig) ? sigabbrev_np(sig) : "?");
	n = put_str(line, n, sizeof(line) - 1, "); backtrace follows\n");
	if (write(fd, line, n) >= 0)
		crash_write_backtrace(fd);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
crash_install_handlers(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };
	stack_t ss;
	struct sigaction sa;

	memset(&ss, 0, sizeof(ss));
	ss.ss_sp = altstack;
	ss.ss_size = sizeof(altstack);
	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = crash_handler;
	sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}
