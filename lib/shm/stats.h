/*
 * stats.h — server-wide counters in shared memory (the "stats" region), read by the
 * metrics exporter and phantomctl status.
 *
 * Every field is a C11 atomic updated with relaxed fetch-add by whoever counts the event;
 * readers load without locks.  A crash reset discards the segment, so the supervisor copies
 * the counters out (stats_save) before destroying it and back (stats_restore) into the new
 * one: totals cover the life of the server, not of one segment.
 *
 * Who writes what:
 *   st_server_start_us     supervisor, once at start (carried over resets)
 *   st_crash_resets        supervisor, per shared-memory reset
 *   st_restarts[role]      supervisor, per restart of an auxiliary process that died
 *   st_connections         listener, per accepted TCP connection
 *   st_connections_refused listener, per connection refused with 53300
 * Other subsystems may add counters here (append fields; keep it small).
 */
#ifndef PH_SHM_STATS_H
#define PH_SHM_STATS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "shm/proc.h"

typedef struct shm_stats {
	_Atomic int64_t st_server_start_us;
	_Atomic uint64_t st_crash_resets;
	_Atomic uint64_t st_connections;
	_Atomic uint64_t st_connections_refused;
	_Atomic uint64_t st_restarts[ROLE_COUNT];
} shm_stats;

/* Plain copy of the counters, kept by the supervisor across a reset. */
typedef struct stats_values {
	int64_t server_start_us;
	uint64_t crash_resets;
	uint64_t connections;
	uint64_t connections_refused;
	uint64_t restarts[ROLE_COUNT];
} stats_values;

size_t stats_shmem_size(void);
void stats_shmem_init(void *base, size_t size);
/* The stats region of the current segment (created or attached), or NULL. */
shm_stats *stats_shm(void);
/* Add n to a counter; a no-op when there is no segment. */
void stats_add(_Atomic uint64_t *counter, uint64_t n);
void stats_save(stats_values *out);
void stats_restore(const stats_values *in);

#endif
