/*
 * deadlock.c — the wait-for graph, cycle search and victim choice (README "Deadlock
 * detection").  The graph is a snapshot of the lock table taken with every partition lock
 * held; its workspace is allocated once per process and grows only with the number of
 * edges.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lock/lock_int.h"
#include "shm/latch.h"
#include "shm/proc.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"

/* ---- the pure part -------------------------------------------------------------------------- */

int
dl_find_cycle(const dl_graph *g, int *cycle, int *cycle_edges, int *scratch)
{
	int n = g->n;
	int *color = scratch, *stack = scratch + n, *iter = scratch + 2 * n;

	memset(color, 0, sizeof(int) * (size_t)n);
	for (int r = 0; r < n; r++) {
		int sp = 0;

		if (!g->root[r] || color[r] != 0)
			continue;
		stack[sp++] = r;
		color[r] = 1;
		iter[r] = g->edge_start[r];
		while (sp > 0) {
			int v = stack[sp - 1];

			if (iter[v] < g->edge_start[v + 1]) {
				int e = iter[v]++, w = g->edge_to[e];

				if (color[w] == 0) {
					color[w] = 1;
					iter[w] = g->edge_start[w];
					stack[sp++] = w;
				} else if (color[w] == 1) {
					int k = sp - 1, len;

					while (stack[k] != w)
						k--;
					len = sp - k;
					for (int i = 0; i < len; i++) {
						cycle[i] = stack[k + i];
						cycle_edges[i] = iter[stack[k + i]] - 1;
					}
					return len;
				}
			} else {
				color[v] = 2;
				sp--;
			}
		}
	}
	return 0;
}

int
dl_choose_victim(const dl_graph *g, const int *cycle, int len)
{
	int v = cycle[0];

	for (int i = 1; i < len; i++) {
		int c = cycle[i];

		if (g->age[c] > g->age[v] || (g->age[c] == g->age[v] && g->xid[c] > g->xid[v]) ||
		    (g->age[c] == g->age[v] && g->xid[c] == g->xid[v] && c > v))
			v = c;
	}
	return v;
}

/* ---- the graph of the lock table -------------------------------------------------------- */

static int ws_n;
static int *ws_start, *ws_to, *ws_cycle, *ws_cedges, *ws_scratch;
static bool *ws_soft, *ws_root;
static int64_t *ws_age;
static uint64_t *ws_xid;
static int ws_ecap, ws_ne;

static void *
xalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);

	if (p == NULL)
		ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory for the deadlock detector");
	return p;
}

static void
ws_prepare(int n)
{
	if (ws_n == n)
		return;
	free(ws_start);
	free(ws_cycle);
	free(ws_cedges);
	free(ws_scratch);
	free(ws_root);
	free(ws_age);
	free(ws_xid);
	ws_start = xalloc(sizeof(int) * (size_t)(n + 1));
	ws_cycle = xalloc(sizeof(int) * (size_t)n);
	ws_cedges = xalloc(sizeof(int) * (size_t)n);
	ws_scratch = xalloc(sizeof(int) * 3 * (size_t)n);
	ws_root = xalloc(sizeof(bool) * (size_t)n);
	ws_age = xalloc(sizeof(int64_t) * (size_t)n);
	ws_xid = xalloc(sizeof(uint64_t) * (size_t)n);
	if (ws_ecap == 0) {
		ws_ecap = 4 * n;
		ws_to = xalloc(sizeof(int) * (size_t)ws_ecap);
		ws_soft = xalloc(sizeof(bool) * (size_t)ws_ecap);
	}
	ws_n = n;
}

/* Called with every partition lock held: no raising here, so growth failure is a panic. */
static void
add_edge(int to, bool soft)
{
	if (ws_ne == ws_ecap) {
		int nc = ws_ecap * 2;
		int *nt = realloc(ws_to, sizeof(int) * (size_t)nc);
		bool *ns;

		if (nt == NULL)
			ph_panic("out of memory in the deadlock detector");
		ws_to = nt;
		ns = realloc(ws_soft, sizeof(bool) * (size_t)nc);
		if (ns == NULL)
			ph_panic("out of memory in the deadlock detector");
		ws_soft = ns;
		ws_ecap = nc;
	}
	ws_to[ws_ne] = to;
	ws_soft[ws_ne] = soft;
	ws_ne++;
}

static void
build_graph(int64_t now)
{
	int64_t old = settings.deadlock_timeout * 1000;

	ws_ne = 0;
	for (int p = 0; p < ws_n; p++) {
		lock_proc *lp = &lock_procs[p];
		lock_obj *o;
		proclock *mine;
		uint32_t c;

		ws_start[p] = ws_ne;
		ws_age[p] = atomic_load(&lp->lp_txn_start_us);
		if (ws_age[p] == 0)
			ws_age[p] = INT64_MAX;
		ws_xid[p] = atomic_load(&lp->lp_xid);
		ws_root[p] = false;
		if (atomic_load(&lp->lp_wait_status) != LW_WAITING)
			continue;
		ws_root[p] = now - lp->lp_wait_start_us >= old;
		o = &lock_objs[lp->lp_wait_lock];
		mine = &lock_pls[lp->lp_wait_proclock];
		c = lock_conflict_mask((lock_mode)lp->lp_wait_mode);
		for (int32_t i = o->lo_holders; i != NIL; i = lock_pls[i].pl_next)
			if (lock_pls[i].pl_proc != p && (lock_pls[i].pl_hold_mask & c))
				add_edge(lock_pls[i].pl_proc, false);
		for (int32_t i = o->lo_qhead; i != NIL && &lock_pls[i] != mine; i = lock_pls[i].pl_qnext)
			if (lock_pls[i].pl_proc != p && (c & (1u << lock_pls[i].pl_wait_mode)))
				add_edge(lock_pls[i].pl_proc, true);
	}
	ws_start[ws_n] = ws_ne;
}

static void
describe_cycle(int len, char *buf, size_t buflen)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < len && used < buflen; i++) {
		int p = ws_cycle[i], q = ws_cycle[(i + 1) % len];
		lock_proc *lp = &lock_procs[p];
		char desc[160];
		int n;

		lock_tag_describe(&lock_objs[lp->lp_wait_lock].lo_tag, desc, sizeof(desc));
		n = snprintf(buf + used, buflen - used, "%sProcess %d waits for %s on %s; blocked by process %d.",
		             i ? "\n" : "", (int)proc_tab->pt_slots[p].ps_pid,
		             lock_mode_name((lock_mode)lp->lp_wait_mode), desc,
		             (int)proc_tab->pt_slots[q].ps_pid);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

int
lock_deadlock_check(void)
{
	int victims = 0;
	dl_graph g;

	lock_attach();
	if (atomic_load(&lock_sh->ls_nwaiting) == 0)
		return 0;
	ws_prepare((int)lock_sh->ls_nprocs);
	for (int i = 0; i < LOCK_PARTITIONS; i++)
		lwlock_acquire(&lock_sh->ls_part[i], LW_EXCLUSIVE);
	for (;;) {
		int len, v;
		char msg[LOCK_MSG_MAX];
		lock_proc *lp;

		build_graph(proc_now_us());
		g = (dl_graph){ ws_n, ws_start, ws_to, ws_soft, ws_age, ws_xid, ws_root };
		len = dl_find_cycle(&g, ws_cycle, ws_cedges, ws_scratch);
		if (len == 0)
			break;
		v = dl_choose_victim(&g, ws_cycle, len);
		describe_cycle(len, msg, sizeof(msg));
		lp = &lock_procs[v];
		lock_leave_message(v, msg);
		lock_dequeue(&lock_objs[lp->lp_wait_lock], &lock_pls[lp->lp_wait_proclock]);
		atomic_store(&lp->lp_wait_status, LW_DEADLOCK);
		atomic_fetch_or(&proc_tab->pt_slots[v].ps_interrupts, PI_DEADLOCK);
		latch_set(v);
		atomic_fetch_add(&lock_sh->st_deadlocks, 1);
		victims++;
		log_msg(LV_INFO, "deadlock detected: process %d chosen as victim\n%s",
		        (int)proc_tab->pt_slots[v].ps_pid, msg);
	}
	for (int i = LOCK_PARTITIONS - 1; i >= 0; i--)
		lwlock_release(&lock_sh->ls_part[i]);
	return victims;
}
