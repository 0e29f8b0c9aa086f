/*
 * proc.h — the process table in shared memory.
 *
 * One slot per process of the server, found by its index (the "proc number"), which other
 * subsystems use to index their per-process arrays (transaction state, lock waits).
 *
 * Ownership (see lib/shm/README.md):
 *  - Only the supervisor allocates and frees slots: it picks a free slot before fork(),
 *    fills ps_role/ps_generation/ps_state = PS_STARTING, and frees it after waitpid().
 *  - The child sets ps_pid at start and afterwards owns its slot's fields, except
 *    ps_latch and ps_interrupts, which any process may set to wake or interrupt it.
 *  - Readers (listener choosing an idle worker, phantomctl status, metrics) read without
 *    locks and must tolerate a slot that changes under them; ps_state is the only field
 *    updated with compare-and-swap (the listener claims an idle worker with it).
 */
#ifndef PH_SHM_PROC_H
#define PH_SHM_PROC_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

typedef enum proc_role {
	ROLE_NONE = 0,
	ROLE_LISTENER,
	ROLE_WORKER,
	ROLE_WALWRITER,
	ROLE_CHECKPOINTER,
	ROLE_DEADLOCK,
	ROLE_COORDINATOR,
	ROLE_METRICS,
	ROLE_RECOVERY,   /* short-lived: runs crash recovery before the others start */
	ROLE_COUNT
} proc_role;

typedef enum proc_state {
	PS_FREE = 0,     /* slot unused */
	PS_STARTING,     /* forked, not yet ready */
	PS_READY,        /* auxiliary process running / worker idle, waiting for a session */
	PS_CLAIMED,      /* worker chosen by the listener, connection on its way */
	PS_SESSION,      /* worker serving a session */
	PS_EXITING       /* told to stop, or ending on its own */
} proc_state;

/* Interrupt flags (ps_interrupts), set by others, cleared by the owner. */
#define PI_CANCEL 0x1u          /* cancel the running statement (57014) */
#define PI_TERMINATE 0x2u       /* end the session (57P01) */
#define PI_DEADLOCK 0x4u        /* chosen as deadlock victim (40P01) */
#define PI_RELOAD 0x8u          /* settings changed */
#define PI_CATALOG 0x10u        /* catalog version changed */
#define PI_WALFLUSH 0x20u       /* WAL flushed past what this process waits for */

#define PROC_QUERY_MAX 1024

typedef struct proc_slot {
	_Atomic uint32_t ps_state;      /* proc_state */
	uint32_t ps_role;               /* proc_role */
	int32_t ps_pid;
	uint32_t ps_generation;         /* bumped each time the slot is reused */
	int64_t ps_start_time;          /* microseconds since the epoch */
	atomic_uint ps_latch;           /* futex word: 1 = set (see latch.h) */
	atomic_uint ps_latch_signal;    /* 1: owner waits in poll on latch_fd(); latch_set also
	                                 * sends it SIGURG (see latch.h) */
	atomic_uint ps_interrupts;      /* PI_* bits */
	atomic_int ps_locks_held;       /* spinlocks + lwlocks held right now */
	int32_t ps_worker_seq;          /* workers: number within the pool, for the title */
	/* session information, written by the worker that serves it */
	int32_t ps_cancel_key;
	int64_t ps_session_start;
	int64_t ps_query_start;         /* 0 when idle */
	char ps_user[64];
	char ps_database[64];
	char ps_client[64];
	char ps_application[64];
	char ps_query[PROC_QUERY_MAX];
	char ps_pad[64];
} __attribute__((aligned(64))) proc_slot;

typedef struct proc_table {
	uint32_t pt_nslots;
	uint32_t pt_pad;
	int64_t pt_server_start;        /* microseconds since the epoch */
	int32_t pt_supervisor_pid;
	int32_t pt_port;
	proc_slot pt_slots[];
} proc_table;

extern proc_table *proc_tab;        /* set when shared memory is created/attached */
extern proc_slot *proc_me;          /* this process's slot, NULL in the supervisor/tools */
extern int proc_my_index;           /* -1 when none */

size_t proc_shmem_size(void);
void proc_shmem_init(void *base, size_t size);
uint32_t proc_nslots(void);

/* Supervisor only. */
int proc_slot_alloc(proc_role role);          /* index, or -1 when the table is full */
void proc_slot_free(int idx);
/* Child, right after fork. */
void proc_attach(int idx);

const char *proc_role_name(proc_role role);
/* "free", "starting", "ready", "claimed", "session", "exiting" (or "?"). */
const char *proc_state_name(uint32_t state);
proc_role proc_role_from_name(const char *name);
int proc_count(proc_role role, int state_mask);  /* state_mask: bits (1 << PS_*) */

/* Book-keeping used by spinlocks and lwlocks (a no-op without a slot). */
static inline void
proc_note_lock(int delta)
{
	if (proc_me)
		atomic_fetch_add_explicit(&proc_me->ps_locks_held, delta, memory_order_relaxed);
}

int64_t proc_now_us(void);

#endif
