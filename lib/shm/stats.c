/* stats.c — server-wide counters in shared memory; see stats.h. */
#include <string.h>

#include "shm/shm.h"
#include "shm/stats.h"

static shm_stats *stats_cached;
static const shm_header *stats_cached_for;

size_t
stats_shmem_size(void)
{
	return sizeof(shm_stats);
}

void
stats_shmem_init(void *base, size_t size)
{
	memset(base, 0, size);
	atomic_store(&((shm_stats *)base)->st_server_start_us, proc_now_us());
}

shm_stats *
stats_shm(void)
{
	if (shm_hdr == NULL)
		return NULL;
	if (stats_cached_for != shm_hdr) {
		stats_cached = shm_region("stats");
		stats_cached_for = shm_hdr;
	}
	return stats_cached;
}

void
stats_add(_Atomic uint64_t *counter, uint64_t n)
{
	if (counter)
		atomic_fetch_add_explicit(counter, n, memory_order_relaxed);
}

void
stats_save(stats_values *out)
{
	shm_stats *s = stats_shm();

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return;
	out->server_start_us = atomic_load(&s->st_server_start_us);
	out->crash_resets = atomic_load(&s->st_crash_resets);
	out->connections = atomic_load(&s->st_connections);
	out->connections_refused = atomic_load(&s->st_connections_refused);
	for (int r = 0; r < ROLE_COUNT; r++)
		out->restarts[r] = atomic_load(&s->st_restarts[r]);
}

void
stats_restore(const stats_values *in)
{
	shm_stats *s = stats_shm();

	if (s == NULL)
		return;
	atomic_store(&s->st_server_start_us, in->server_start_us);
	atomic_store(&s->st_crash_resets, in->crash_resets);
	atomic_store(&s->st_connections, in->connections);
	atomic_store(&s->st_connections_refused, in->connections_refused);
	for (int r = 0; r < ROLE_COUNT; r++)
		atomic_store(&s->st_restarts[r], in->restarts[r]);
}
