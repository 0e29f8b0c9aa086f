/*
 * futex.h — process-shared futex wait/wake on 32-bit words in shared memory (Linux).
 * futex_wait returns 0 when woken or the word changed, ETIMEDOUT, or EINTR (signal).
 */
#ifndef PH_SHM_FUTEX_H
#define PH_SHM_FUTEX_H

#include <stdatomic.h>
#include <stdint.h>

int futex_wait(atomic_uint *word, uint32_t expected, int64_t timeout_ms);
void futex_wake(atomic_uint *word, int nwaiters);

#endif
