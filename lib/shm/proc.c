/* proc.c — the process table; see proc.h for who may write what. */
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "shm/proc.h"
#include "util/cfg.h"

proc_table *proc_tab = NULL;
proc_slot *proc_me = NULL;
int proc_my_index = -1;

static const char *const role_names[ROLE_COUNT] = {
	"supervisor", "listener", "worker", "walwriter", "checkpointer", "deadlock",
	"coordinator", "metrics", "recovery"
};

/* Auxiliary processes, with room for ones that are exiting while their successor starts. */
#define AUX_SLOTS 32

uint32_t
proc_nslots(void)
{
	return (uint32_t)settings.max_connections + AUX_SLOTS;
}

size_t
proc_shmem_size(void)
{
	return sizeof(proc_table) + (size_t)proc_nslots() * sizeof(proc_slot);
}

int64_t
proc_now_us(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
}

void
proc_shmem_init(void *base, size_t size)
{
	proc_tab = base;
	memset(base, 0, size);
	proc_tab->pt_nslots = proc_nslots();
	proc_tab->pt_server_start = proc_now_us();
	proc_tab->pt_supervisor_pid = (int32_t)getpid();
	proc_tab->pt_port = (int32_t)settings.port;
}

int
proc_slot_alloc(proc_role role)
{
	for (uint32_t i = 0; i < proc_tab->pt_nslots; i++) {
		proc_slot *s = &proc_tab->pt_slots[i];

		if (atomic_load(&s->ps_state) == PS_FREE) {
			uint32_t gen = s->ps_generation + 1;

			memset((char *)s + sizeof(s->ps_state), 0, sizeof(*s) - sizeof(s->ps_state));
			s->ps_role = role;
			s->ps_generation = gen;
			s->ps_start_time = proc_now_us();
			atomic_store(&s->ps_state, PS_STARTING);
			return (int)i;
		}
	}
	return -1;
}

void
proc_slot_free(int idx)
{
	proc_slot *s = &proc_tab->pt_slots[idx];

	s->ps_pid = 0;
	s->ps_role = ROLE_NONE;
	atomic_store(&s->ps_state, PS_FREE);
}

void
proc_attach(int idx)
{
	proc_my_index = idx;
	proc_me = &proc_tab->pt_slots[idx];
	proc_me->ps_pid = (int32_t)getpid();
}

const char *
proc_role_name(proc_role role)
{
	if (role <= ROLE_NONE || role >= ROLE_COUNT)
		return "?";
	return role_names[role];
}

const char *
proc_state_name(uint32_t state)
{
	static const char *const names[] = { "free", "starting", "ready", "claimed", "session",
		                                 "exiting" };

	return state < sizeof(names) / sizeof(names[0]) ? names[state] : "?";
}

proc_role
proc_role_from_name(const char *name)
{
	for (int r = ROLE_LISTENER; r < ROLE_COUNT; r++)
		if (strcmp(role_names[r], name) == 0)
			return (proc_role)r;
	return ROLE_NONE;
}

int
proc_count(proc_role role, int state_mask)
{
	int n = 0;

	for (uint32_t i = 0; i < proc_tab->pt_nslots; i++) {
		proc_slot *s = &proc_tab->pt_slots[i];
		uint32_t st = atomic_load(&s->ps_state);

		if (st != PS_FREE && s->ps_role == (uint32_t)role && (state_mask & (1 << st)))
			n++;
	}
	return n;
}
