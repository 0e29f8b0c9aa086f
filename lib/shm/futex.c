/* futex.c — thin wrappers over the futex(2) system call (shared, not PRIVATE, futexes). */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "shm/futex.h"

int
futex_wait(atomic_uint *word, uint32_t expected, int64_t timeout_ms)
{
	struct timespec ts, *tsp = NULL;

	if (timeout_ms >= 0) {
		ts.tv_sec = timeout_ms / 1000;
		ts.tv_nsec = (timeout_ms % 1000) * 1000000L;
		tsp = &ts;
	}
	if (syscall(SYS_futex, (uint32_t *)word, FUTEX_WAIT, expected, tsp, NULL, 0) == 0)
		return 0;
	if (errno == EAGAIN)
		return 0;
	return errno;
}

void
futex_wake(atomic_uint *word, int nwaiters)
{
	syscall(SYS_futex, (uint32_t *)word, FUTEX_WAKE, nwaiters > 0 ? nwaiters : INT_MAX, NULL,
	        NULL, 0);
}
