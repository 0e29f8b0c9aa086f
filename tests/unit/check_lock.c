/* check_lock.c — unit tests for lib/lock: the conflict matrix, holding and releasing, fair
 * queues, timeouts and cancellation, deadlock detection on synthetic graphs and between
 * real processes, wait-die and wound-wait. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lock/lock.h"
#include "lock/lock_int.h"
#include "shm/latch.h"
#include "shm/proc.h"
#include "tenv.h"
#include "util/cfg.h"
#include "util/err.h"


/* Shared scratch for the processes of one test. */
typedef struct board {
	volatile int step[16];          /* per child: progress markers */
	volatile int go[16];            /* per child: permission to continue */
	volatile int result[16];        /* per child: 0 ok, 1 error */
	char sqlstate[16][6];
	char detail[16][2 * LOCK_MSG_MAX + 2];
	volatile int order[16];
	volatile int norder;
	volatile int pid[16];
} board;
static board *B;

static void
setup(void)
{
	tenv_setup();
	settings.deadlock_timeout = 50;
	B = tenv_shared_scratch(sizeof(board));
}

static void
teardown(void)
{
	tenv_teardown();
}



static bool
is_waiting(pid_t child)
{
	int slot = tenv_child_slot(child);

	return slot >= 0 && atomic_load(&lock_procs[slot].lp_wait_status) == LW_WAITING;
}

static lock_tag
rel(uint32_t r)
{
	return lock_tag_relation(1, r);
}

/* Run a lock request in a child, catching its error into the board. */
static void
try_lock(int me, const lock_tag *t, lock_mode m)
{
	ERR_TRY();
	{
		lock_acquire(t, m, false, false);
		B->result[me] = 0;
	}
	ERR_CATCH();
	{
		memcpy(B->sqlstate[me], err_last()->sqlstate, 6);
		snprintf(B->detail[me], sizeof(B->detail[me]), "%s|%s", err_last()->message, err_last()->detail);
		B->result[me] = 1;
	}
	ERR_END();
}

/* ---- modes -------------------------------------------------------------------------------- */

START_TEST(conflict_matrix_matches_postgresql)
{
	/* PostgreSQL documentation, table 13.2 "Conflicting Lock Modes" (rows: requested). */
	static const char *const table[8] = {
		"       X", /* ACCESS SHARE */
		"      XX", /* ROW SHARE */
		"    XXXX", /* ROW EXCLUSIVE */
		"   XXXXX", /* SHARE UPDATE EXCLUSIVE */
		"  XX XXX", /* SHARE */
		"  XXXXXX", /* SHARE ROW EXCLUSIVE */
		" XXXXXXX", /* EXCLUSIVE */
		"XXXXXXXX", /* ACCESS EXCLUSIVE */
	};
	/* table 13.3 "Conflicting Row-Level Locks": KEY SHARE, SHARE, NO KEY UPDATE, UPDATE */
	static const char *const rows[4] = { "   X", "  XX", " XXX", "XXXX" };

	for (int a = 1; a <= 8; a++)
		for (int b = 1; b <= 8; b++) {
			ck_assert_msg(lock_conflicts((lock_mode)a, (lock_mode)b) == (table[a - 1][b - 1] == 'X'),
			              "%s vs %s", lock_mode_name((lock_mode)a), lock_mode_name((lock_mode)b));
			ck_assert(lock_conflicts((lock_mode)a, (lock_mode)b) ==
			          lock_conflicts((lock_mode)b, (lock_mode)a));
		}
	for (int a = 0; a < 4; a++)
		for (int b = 0; b < 4; b++)
			ck_assert(lock_conflicts((lock_mode)(9 + a), (lock_mode)(9 + b)) == (rows[a][b] == 'X'));
	/* table and row modes never meet */
	for (int a = 1; a <= 8; a++)
		for (int b = 9; b <= 12; b++)
			ck_assert(!lock_conflicts((lock_mode)a, (lock_mode)b));
	ck_assert_str_eq(lock_mode_name(LOCK_ACCESS_SHARE), "AccessShareLock");
	ck_assert_str_eq(lock_mode_name(LOCK_SHARE_UPDATE_EXCLUSIVE), "ShareUpdateExclusiveLock");
	ck_assert_str_eq(lock_mode_name(LOCK_FOR_NO_KEY_UPDATE), "ForNoKeyUpdateLock");
	ck_assert_str_eq(lock_mode_name((lock_mode)77), "?");
	ck_assert(!lock_conflicts((lock_mode)77, LOCK_SHARE));
}
END_TEST

START_TEST(tags_describe_themselves)
{
	char buf[200];
	lock_tag t;

	t = lock_tag_relation(1, 16384);
	lock_tag_describe(&t, buf, sizeof(buf));
	ck_assert_str_eq(buf, "relation 16384 of database 1");
	t = lock_tag_tuple(1, 16384, 3, 5);
	lock_tag_describe(&t, buf, sizeof(buf));
	ck_assert_str_eq(buf, "tuple (3,5) of relation 16384 of database 1");
	t = lock_tag_xact(456);
	lock_tag_describe(&t, buf, sizeof(buf));
	ck_assert_str_eq(buf, "transaction 456");
	t = lock_tag_page(1, 7, 9);
	lock_tag_describe(&t, buf, sizeof(buf));
	ck_assert_str_eq(buf, "page 9 of relation 7 of database 1");
	t = lock_tag_advisory(1, 2, 3);
	lock_tag_describe(&t, buf, sizeof(buf));
	ck_assert_str_eq(buf, "advisory lock [1,2,3]");
	t.kind = 99;
	lock_tag_describe(&t, buf, sizeof(buf));
	ck_assert_str_eq(buf, "unknown lock kind 99");
}
END_TEST

/* ---- holding and releasing ---------------------------------------------------------------- */

START_TEST(locks_are_reentrant_and_released_by_count)
{
	lock_tag t = rel(10), u = lock_tag_tuple(1, 10, 0, 1);

	ck_assert_int_eq(lock_acquire(&t, LOCK_ROW_EXCLUSIVE, false, false), LOCK_OK);
	ck_assert_int_eq(lock_acquire(&t, LOCK_ROW_EXCLUSIVE, false, false), LOCK_ALREADY_HELD);
	ck_assert_int_eq(lock_acquire(&t, LOCK_ACCESS_EXCLUSIVE, false, false), LOCK_OK); /* own modes never conflict */
	ck_assert_int_eq(lock_acquire(&u, LOCK_FOR_UPDATE, false, false), LOCK_OK);
	ck_assert(lock_is_consistent());
	ck_assert_int_eq(lock_num_held(), 3);
	ck_assert(lock_release(&t, LOCK_ROW_EXCLUSIVE, false));
	ck_assert(lock_held_by_me(&t, LOCK_ROW_EXCLUSIVE));
	ck_assert(lock_release(&t, LOCK_ROW_EXCLUSIVE, false));
	ck_assert(!lock_held_by_me(&t, LOCK_ROW_EXCLUSIVE));
	ck_assert(!lock_release(&t, LOCK_ROW_EXCLUSIVE, false)); /* not held: warning, false */
	ck_assert(lock_is_consistent());
	lock_release_all(false);
	ck_assert_int_eq(lock_num_held(), 0);
	ck_assert(!lock_held_by_me(&u, LOCK_FOR_UPDATE));
	/* a mode that does not fit the tag */
	EXPECT_ERROR("XX000", lock_acquire(&u, LOCK_SHARE, false, false));
	EXPECT_ERROR("XX000", lock_acquire(&t, LOCK_FOR_SHARE, false, false));
}
END_TEST

START_TEST(session_locks_outlive_transactions)
{
	lock_tag a = lock_tag_advisory(1, 0, 42), r = rel(11);

	ck_assert_int_eq(lock_acquire(&a, LOCK_EXCLUSIVE, true, false), LOCK_OK);
	ck_assert_int_eq(lock_acquire(&a, LOCK_EXCLUSIVE, false, false), LOCK_ALREADY_HELD);
	ck_assert_int_eq(lock_acquire(&r, LOCK_SHARE, false, false), LOCK_OK);
	lock_release_all(false);
	ck_assert(lock_held_by_me(&a, LOCK_EXCLUSIVE));
	ck_assert(!lock_held_by_me(&r, LOCK_SHARE));
	ck_assert(lock_is_consistent());
	lock_release_all(true);
	ck_assert(!lock_held_by_me(&a, LOCK_EXCLUSIVE));
	ck_assert_int_eq(lock_num_held(), 0);
}
END_TEST

START_TEST(subtransaction_levels_release_and_reassign)
{
	lock_tag t0 = rel(20), t1 = rel(21), t2 = rel(22);

	lock_set_level(0);
	lock_acquire(&t0, LOCK_SHARE, false, false);
	lock_set_level(1);
	lock_acquire(&t1, LOCK_SHARE, false, false);
	lock_acquire(&t0, LOCK_SHARE, false, false); /* already held at level 0: stays there */
	lock_set_level(2);
	lock_acquire(&t2, LOCK_SHARE, false, false);
	lock_reassign_level(2); /* RELEASE SAVEPOINT of level 2 */
	lock_set_level(1);
	lock_release_level(2);  /* nothing left at level 2 */
	ck_assert(lock_held_by_me(&t2, LOCK_SHARE));
	lock_release_level(1);  /* ROLLBACK TO level 1 */
	ck_assert(!lock_held_by_me(&t1, LOCK_SHARE));
	ck_assert(!lock_held_by_me(&t2, LOCK_SHARE));
	ck_assert(lock_held_by_me(&t0, LOCK_SHARE));
	ck_assert(lock_is_consistent());
	lock_release_all(false);
	lock_set_level(0);
}
END_TEST

START_TEST(a_new_transaction_forgets_a_stale_wound)
{
	atomic_fetch_or(&proc_me->ps_interrupts, PI_DEADLOCK | PI_CANCEL);
	lock_set_xact_info(0, proc_now_us());
	ck_assert_uint_eq(atomic_load(&proc_me->ps_interrupts) & PI_DEADLOCK, 0);
	ck_assert_uint_eq(atomic_load(&proc_me->ps_interrupts) & PI_CANCEL, PI_CANCEL); /* not ours */
	atomic_fetch_and(&proc_me->ps_interrupts, ~PI_CANCEL);
	lock_set_xact_info(77, proc_now_us());
	ck_assert_uint_eq(atomic_load(&lock_procs[proc_my_index].lp_xid), 77);
}
END_TEST

START_TEST(full_lock_table_raises_out_of_shared_memory)
{
	int i;

	for (i = 0; i < 100000; i++) {
		lock_tag t = rel(1000 + (uint32_t)i);

		tenv_caught[0] = '\0';
		ERR_TRY();
		{
			lock_acquire(&t, LOCK_SHARE, false, false);
		}
		ERR_CATCH();
		{
			memcpy(tenv_caught, err_last()->sqlstate, 6);
			ck_assert_ptr_nonnull(strstr(err_last()->hint, "max_locks_per_transaction"));
		}
		ERR_END();
		if (tenv_caught[0])
			break;
	}
	ck_assert_str_eq(tenv_caught, "53200");
	ck_assert_int_eq(i, settings.max_locks_per_transaction * (int)proc_nslots());
	lock_release_all(false);
	/* everything came back to the pools */
	{
		lock_tag t = rel(1);

		ck_assert_int_eq(lock_acquire(&t, LOCK_SHARE, false, false), LOCK_OK);
		lock_release_all(false);
	}
}
END_TEST

/* ---- waiting ------------------------------------------------------------------------------ */

typedef struct req {
	int me;
	lock_tag tag;
	lock_mode mode;
	lock_tag tag2;      /* second request after `go`, if kind != 0 */
	lock_mode mode2;
	int64_t age;
	int hold_ms;        /* keep the locks this long before releasing (after go2) */
} req;

static int
holder(void *arg)
{
	req *r = arg;

	lock_set_xact_info(0, r->age);
	B->pid[r->me] = getpid();
	try_lock(r->me, &r->tag, r->mode);
	if (B->result[r->me] == 0) {
		int n = __atomic_fetch_add(&B->norder, 1, __ATOMIC_SEQ_CST);

		B->order[n] = r->me;
	}
	B->step[r->me] = 1;
	while (!B->go[r->me])
		tenv_sleep_ms(1);
	if (r->tag2.kind != 0 && B->result[r->me] == 0) {
		try_lock(r->me, &r->tag2, r->mode2);
		B->step[r->me] = 2;
		while (B->go[r->me] < 2)
			tenv_sleep_ms(1);
	}
	lock_release_all(false);
	B->step[r->me] = 3;
	return 0;
}

START_TEST(waiters_are_granted_in_fifo_order)
{
	req a = { 0, rel(1), LOCK_SHARE }, b = { 1, rel(1), LOCK_EXCLUSIVE },
	    c = { 2, rel(1), LOCK_SHARE };
	pid_t pa, pb, pc;

	pa = tenv_fork(holder, &a);
	WAIT_UNTIL(B->step[0] == 1);
	pb = tenv_fork(holder, &b);
	WAIT_UNTIL(is_waiting(pb));
	/* C's Share is compatible with A's Share but must not pass B's waiting Exclusive */
	pc = tenv_fork(holder, &c);
	WAIT_UNTIL(is_waiting(pc));
	ck_assert_int_eq(B->norder, 1);
	B->go[0] = 1;
	WAIT_UNTIL(B->step[1] == 1);
	ck_assert(is_waiting(pc));
	B->go[1] = 1;
	WAIT_UNTIL(B->step[2] == 1);
	B->go[2] = 1;
	ck_assert_int_eq(tenv_wait(pa), 0);
	ck_assert_int_eq(tenv_wait(pb), 0);
	ck_assert_int_eq(tenv_wait(pc), 0);
	ck_assert_int_eq(B->norder, 3);
	ck_assert_int_eq(B->order[0], 0);
	ck_assert_int_eq(B->order[1], 1);
	ck_assert_int_eq(B->order[2], 2);
}
END_TEST

START_TEST(compatible_waiters_are_granted_together)
{
	req a = { 0, rel(2), LOCK_ACCESS_EXCLUSIVE }, b = { 1, rel(2), LOCK_SHARE },
	    c = { 2, rel(2), LOCK_ROW_SHARE };
	pid_t pa, pb, pc;

	pa = tenv_fork(holder, &a);
	WAIT_UNTIL(B->step[0] == 1);
	pb = tenv_fork(holder, &b);
	pc = tenv_fork(holder, &c);
	WAIT_UNTIL(is_waiting(pb) && is_waiting(pc));
	B->go[0] = 1;
	WAIT_UNTIL(B->step[1] == 1 && B->step[2] == 1);
	B->go[1] = B->go[2] = 1;
	ck_assert_int_eq(tenv_wait(pa), 0);
	ck_assert_int_eq(tenv_wait(pb), 0);
	ck_assert_int_eq(tenv_wait(pc), 0);
}
END_TEST

START_TEST(holder_upgrading_passes_a_waiter_that_waits_for_it)
{
	lock_tag t = rel(3);
	req b = { 1, rel(3), LOCK_EXCLUSIVE };
	pid_t pb;

	ck_assert_int_eq(lock_acquire(&t, LOCK_SHARE, false, false), LOCK_OK);
	pb = tenv_fork(holder, &b);
	WAIT_UNTIL(is_waiting(pb));
	/* B waits for my Share; my upgrade must not queue behind B (certain deadlock) */
	ck_assert_int_eq(lock_acquire(&t, LOCK_EXCLUSIVE, false, false), LOCK_OK);
	ck_assert(is_waiting(pb));
	lock_release_all(false);
	WAIT_UNTIL(B->step[1] == 1);
	ck_assert_int_eq(B->result[1], 0);
	B->go[1] = 1;
	ck_assert_int_eq(tenv_wait(pb), 0);
}
END_TEST

START_TEST(nowait_reports_not_available)
{
	req a = { 0, rel(4), LOCK_ACCESS_EXCLUSIVE };
	lock_tag t = rel(4);
	pid_t pa;

	pa = tenv_fork(holder, &a);
	WAIT_UNTIL(B->step[0] == 1);
	ck_assert_int_eq(lock_acquire(&t, LOCK_ACCESS_SHARE, false, true), LOCK_NOT_AVAIL);
	ck_assert(!lock_held_by_me(&t, LOCK_ACCESS_SHARE));
	B->go[0] = 1;
	ck_assert_int_eq(tenv_wait(pa), 0);
	ck_assert_int_eq(lock_acquire(&t, LOCK_ACCESS_SHARE, false, true), LOCK_OK);
	lock_release_all(false);
}
END_TEST

START_TEST(lock_timeout_raises_55P03_and_leaves_the_queue)
{
	req a = { 0, rel(5), LOCK_EXCLUSIVE };
	lock_tag t = rel(5);
	lock_stats st;
	pid_t pa;

	pa = tenv_fork(holder, &a);
	WAIT_UNTIL(B->step[0] == 1);
	settings.lock_timeout = 30;
	EXPECT_ERROR("55P03", lock_acquire(&t, LOCK_SHARE, false, false));
	ck_assert_str_eq(err_last()->message, "canceling statement due to lock timeout");
	ck_assert_ptr_nonnull(strstr(err_last()->detail, "ShareLock on relation 5 of database 1"));
	settings.lock_timeout = 0;
	lock_get_stats(&st);
	ck_assert_uint_eq(st.timeouts, 1);
	ck_assert_uint_eq(st.waiting_now, 0);
	B->go[0] = 1;
	ck_assert_int_eq(tenv_wait(pa), 0);
	/* nothing of the failed request is left behind */
	ck_assert_int_eq(lock_acquire(&t, LOCK_ACCESS_EXCLUSIVE, false, true), LOCK_OK);
	lock_release_all(false);
}
END_TEST

START_TEST(cancel_and_statement_timeout_interrupt_a_wait)
{
	req a = { 0, rel(6), LOCK_EXCLUSIVE }, b = { 1, rel(6), LOCK_SHARE };
	lock_tag t = rel(6);
	pid_t pa, pb;
	int slot;

	pa = tenv_fork(holder, &a);
	WAIT_UNTIL(B->step[0] == 1);
	pb = tenv_fork(holder, &b);
	WAIT_UNTIL(is_waiting(pb));
	slot = tenv_child_slot(pb);
	atomic_fetch_or(&proc_tab->pt_slots[slot].ps_interrupts, PI_CANCEL);
	latch_set(slot);
	WAIT_UNTIL(B->step[1] == 1);
	ck_assert_int_eq(B->result[1], 1);
	ck_assert_str_eq(B->sqlstate[1], "57014");
	ck_assert_ptr_nonnull(strstr(B->detail[1], "user request"));
	B->go[1] = 1;
	ck_assert_int_eq(tenv_wait(pb), 0);
	/* statement deadline */
	lock_set_statement_deadline(proc_now_us() + 30000);
	EXPECT_ERROR("57014", lock_acquire(&t, LOCK_SHARE, false, false));
	ck_assert_str_eq(err_last()->message, "canceling statement due to statement timeout");
	lock_set_statement_deadline(0);
	B->go[0] = 1;
	ck_assert_int_eq(tenv_wait(pa), 0);
}
END_TEST

static int
xact_owner(void *arg)
{
	lock_tag t = lock_tag_xact(100);

	(void)arg;
	lock_acquire(&t, LOCK_EXCLUSIVE, false, false);
	B->step[0] = 1;
	while (!B->go[0])
		tenv_sleep_ms(1);
	B->step[0] = 2; /* "committed" */
	lock_release_all(false);
	return 0;
}

START_TEST(xact_wait_returns_when_the_transaction_ends)
{
	pid_t p = tenv_fork(xact_owner, NULL);

	WAIT_UNTIL(B->step[0] == 1);
	B->go[0] = 1;
	lock_xact_wait(100);
	ck_assert_int_eq(B->step[0], 2);
	ck_assert_int_eq(lock_num_held(), 0);
	ck_assert_int_eq(tenv_wait(p), 0);
}
END_TEST

/* ---- deadlock detection: synthetic graphs ------------------------------------------------- */

typedef struct tg {
	int n;
	int start[33], to[64];
	bool soft[64], root[32];
	int64_t age[32];
	uint64_t xid[32];
	int ne;
} tg;

static void
tg_init(tg *g, int n)
{
	memset(g, 0, sizeof(*g));
	g->n = n;
	for (int i = 0; i < n; i++) {
		g->age[i] = 1000 + i;
		g->root[i] = true;
	}
}

/* edges must be added in node order */
static void
tg_edge(tg *g, int from, int to, bool soft)
{
	for (int i = from + 1; i <= g->n; i++)
		g->start[i] = g->ne + 1;
	g->to[g->ne] = to;
	g->soft[g->ne] = soft;
	g->ne++;
}

static int
tg_cycle(tg *g, int *cycle)
{
	dl_graph d = { g->n, g->start, g->to, g->soft, g->age, g->xid, g->root };
	int edges[32], scratch[96];

	return dl_find_cycle(&d, cycle, edges, scratch);
}

static int
tg_victim(tg *g, int *cycle, int len)
{
	dl_graph d = { g->n, g->start, g->to, g->soft, g->age, g->xid, g->root };

	return dl_choose_victim(&d, cycle, len);
}

START_TEST(detector_finds_a_two_cycle)
{
	tg g;
	int c[32], len;

	tg_init(&g, 2);
	tg_edge(&g, 0, 1, false);
	tg_edge(&g, 1, 0, false);
	len = tg_cycle(&g, c);
	ck_assert_int_eq(len, 2);
	ck_assert_int_eq(tg_victim(&g, c, len), 1); /* the younger */
	g.age[0] = 5000;
	ck_assert_int_eq(tg_victim(&g, c, len), 0);
	g.age[1] = 5000;
	g.xid[0] = 7;
	g.xid[1] = 9;
	ck_assert_int_eq(tg_victim(&g, c, len), 1); /* same start: larger xid */
}
END_TEST

START_TEST(detector_finds_a_four_cycle_behind_a_chain)
{
	tg g;
	int c[32], len;
	bool in[5] = { false };

	tg_init(&g, 5);
	tg_edge(&g, 0, 1, false);
	tg_edge(&g, 1, 2, false);
	tg_edge(&g, 2, 3, false);
	tg_edge(&g, 3, 0, false);
	tg_edge(&g, 4, 0, false); /* 4 waits for the cycle but is not in it */
	g.age[4] = 99999;          /* youngest of all, but not a member */
	len = tg_cycle(&g, c);
	ck_assert_int_eq(len, 4);
	for (int i = 0; i < len; i++)
		in[c[i]] = true;
	ck_assert(in[0] && in[1] && in[2] && in[3] && !in[4]);
	for (int i = 0; i < len; i++) /* each waits for the next */
		ck_assert_int_eq(c[(i + 1) % len], (c[i] + 1) % 4);
	ck_assert_int_eq(tg_victim(&g, c, len), 3);
}
END_TEST

START_TEST(detector_follows_soft_edges)
{
	tg g;
	int c[32];

	tg_init(&g, 3);
	tg_edge(&g, 0, 1, true);  /* queued behind 1's conflicting request */
	tg_edge(&g, 1, 2, false);
	tg_edge(&g, 2, 0, false);
	ck_assert_int_eq(tg_cycle(&g, c), 3);
}
END_TEST

START_TEST(detector_reports_no_cycle_for_chains_and_diamonds)
{
	tg g;
	int c[32];

	tg_init(&g, 5);
	tg_edge(&g, 0, 1, false);
	tg_edge(&g, 1, 2, false);
	tg_edge(&g, 2, 3, false);
	tg_edge(&g, 4, 2, true);
	ck_assert_int_eq(tg_cycle(&g, c), 0);
	tg_init(&g, 4);
	tg_edge(&g, 0, 1, false);
	tg_edge(&g, 0, 2, false);
	tg_edge(&g, 1, 3, false);
	tg_edge(&g, 2, 3, true);
	ck_assert_int_eq(tg_cycle(&g, c), 0);
}
END_TEST

START_TEST(detector_only_searches_from_old_waits)
{
	tg g;
	int c[32];

	tg_init(&g, 4);
	tg_edge(&g, 2, 3, false);
	tg_edge(&g, 3, 2, false);
	for (int i = 0; i < 4; i++)
		g.root[i] = false;
	g.root[0] = true;
	ck_assert_int_eq(tg_cycle(&g, c), 0);
	g.root[3] = true;
	ck_assert_int_eq(tg_cycle(&g, c), 2);
}
END_TEST

START_TEST(detector_finds_long_cycles)
{
	tg g;
	int c[32];

	tg_init(&g, 32);
	for (int i = 0; i < 32; i++)
		tg_edge(&g, i, (i + 1) % 32, i % 3 == 0);
	for (int i = 0; i < 32; i++)
		g.root[i] = i == 17;
	ck_assert_int_eq(tg_cycle(&g, c), 32);
}
END_TEST

/* ---- deadlocks between real processes ---------------------------------------------------- */

/* Child i holds rel(100 + i), then (after go) requests rel(100 + (i+1) % n). */
static int
ring_member(void *arg)
{
	req *r = arg;

	return holder(r);
}

static bool
any_failed(int n)
{
	for (int i = 0; i < n; i++)
		if (B->result[i] == 1)
			return true;
	return false;
}

static void
run_ring(int n)
{
	req r[8];
	pid_t p[8];
	int victims = 0, victim = -1;
	char expect[200];

	for (int i = 0; i < n; i++) {
		r[i] = (req){ i, rel(100 + (uint32_t)i), LOCK_EXCLUSIVE, rel(100 + (uint32_t)((i + 1) % n)),
		              LOCK_EXCLUSIVE, 1000 * (i + 1), 0 };
		p[i] = tenv_fork(ring_member, &r[i]);
	}
	for (int i = 0; i < n; i++)
		WAIT_UNTIL(B->step[i] == 1);
	for (int i = 0; i < n; i++)
		B->go[i] = 1;
	/* exactly one victim; once it has let go, everybody else gets its second lock in turn */
	WAIT_UNTIL(any_failed(n));
	for (int i = 0; i < n; i++)
		if (B->result[i] == 1) {
			victims++;
			victim = i;
		}
	{
		int rounds = 0;
		bool done = false;

		while (!done && rounds++ < 10000) {
			done = true;
			for (int i = 0; i < n; i++) {
				if (B->step[i] == 2 && B->go[i] < 2)
					B->go[i] = 2;
				if (B->step[i] != 3)
					done = false;
			}
			tenv_sleep_ms(1);
		}
		ck_assert(done);
	}
	for (int i = 0; i < n; i++)
		ck_assert_int_eq(tenv_wait(p[i]), 0);
	ck_assert_int_eq(victims, 1);
	ck_assert_int_eq(victim, n - 1); /* the youngest transaction */
	ck_assert_str_eq(B->sqlstate[victim], "40P01");
	ck_assert_ptr_nonnull(strstr(B->detail[victim], "deadlock detected|"));
	/* the report names every process and lock of the cycle */
	for (int i = 0; i < n; i++) {
		snprintf(expect, sizeof(expect),
		         "Process %d waits for ExclusiveLock on relation %d of database 1; blocked by process %d.",
		         B->pid[i], 100 + (i + 1) % n, B->pid[(i + 1) % n]);
		ck_assert_msg(strstr(B->detail[victim], expect) != NULL, "missing \"%s\" in \"%s\"", expect,
		              B->detail[victim]);
	}
	for (int i = 0; i < n; i++)
		if (i != victim)
			ck_assert_int_eq(B->result[i], 0);
}

START_TEST(two_processes_in_a_deadlock_lose_exactly_one)
{
	run_ring(2);
}
END_TEST

START_TEST(four_processes_in_a_deadlock_lose_exactly_one)
{
	run_ring(4);
}
END_TEST

START_TEST(deadlock_through_a_queued_request_is_found)
{
	/* A holds Share on R; C holds Exclusive on S; B waits for Exclusive on R (behind A);
	 * C asks for Share on R (queued behind B: a soft edge); A asks for S. */
	req a = { 0, rel(200), LOCK_SHARE, rel(201), LOCK_EXCLUSIVE, 1000, 0 };
	req b = { 1, rel(200), LOCK_EXCLUSIVE, { 0 }, 0, 3000, 0 };
	req c = { 2, rel(201), LOCK_EXCLUSIVE, rel(200), LOCK_SHARE, 2000, 0 };
	pid_t pa, pb, pc;

	pa = tenv_fork(holder, &a);
	pc = tenv_fork(holder, &c);
	WAIT_UNTIL(B->step[0] == 1 && B->step[2] == 1);
	pb = tenv_fork(holder, &b);
	WAIT_UNTIL(is_waiting(pb));
	B->go[2] = 1;
	WAIT_UNTIL(is_waiting(pc));
	B->go[0] = 1;
	/* B is the youngest member of A -> C -> B -> A */
	WAIT_UNTIL(B->step[1] == 1);
	ck_assert_int_eq(B->result[1], 1);
	ck_assert_str_eq(B->sqlstate[1], "40P01");
	B->go[1] = 1;
	WAIT_UNTIL(B->step[2] == 2 || B->step[0] == 2);
	B->go[0] = B->go[2] = 2;
	ck_assert_int_eq(tenv_wait(pa), 0);
	ck_assert_int_eq(tenv_wait(pb), 0);
	ck_assert_int_eq(tenv_wait(pc), 0);
	ck_assert_int_eq(B->result[0], 0);
	ck_assert_int_eq(B->result[2], 0);
}
END_TEST

START_TEST(waits_without_a_cycle_are_left_alone)
{
	/* B waits for A, C waits for B: a chain */
	req a = { 0, rel(300), LOCK_EXCLUSIVE, { 0 }, 0, 1000, 0 };
	req b = { 1, rel(301), LOCK_EXCLUSIVE, rel(300), LOCK_EXCLUSIVE, 2000, 0 };
	req c = { 2, rel(301), LOCK_EXCLUSIVE, { 0 }, 0, 3000, 0 };
	pid_t pa, pb, pc;
	lock_stats st;

	ck_assert_int_eq(lock_deadlock_check(), 0); /* nobody waits: nothing to do */
	pa = tenv_fork(holder, &a);
	pb = tenv_fork(holder, &b);
	WAIT_UNTIL(B->step[0] == 1 && B->step[1] == 1);
	B->go[1] = 1;
	pc = tenv_fork(holder, &c);
	WAIT_UNTIL(is_waiting(pb) && is_waiting(pc));
	tenv_sleep_ms(80); /* let the waits pass deadlock_timeout so that they are searched */
	ck_assert_int_eq(lock_deadlock_check(), 0);
	lock_get_stats(&st);
	ck_assert_uint_eq(st.deadlocks, 0);
	ck_assert_uint_eq(st.waiting_now, 2);
	B->go[0] = 1;
	WAIT_UNTIL(B->step[1] == 2);
	B->go[1] = 2;
	WAIT_UNTIL(B->step[2] == 1);
	B->go[2] = 1;
	ck_assert_int_eq(tenv_wait(pa), 0);
	ck_assert_int_eq(tenv_wait(pb), 0);
	ck_assert_int_eq(tenv_wait(pc), 0);
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(B->result[i], 0);
}
END_TEST

START_TEST(monitor_call_breaks_a_deadlock_the_waiters_did_not_check)
{
	req r[2];
	pid_t p[2];

	settings.deadlock_timeout = 600000; /* the waiters themselves will not look */
	for (int i = 0; i < 2; i++) {
		r[i] = (req){ i, rel(400 + (uint32_t)i), LOCK_EXCLUSIVE, rel(400 + (uint32_t)(1 - i)),
		              LOCK_EXCLUSIVE, 1000 * (i + 1), 0 };
		p[i] = tenv_fork(holder, &r[i]);
	}
	WAIT_UNTIL(B->step[0] == 1 && B->step[1] == 1);
	B->go[0] = B->go[1] = 1;
	WAIT_UNTIL(is_waiting(p[0]) && is_waiting(p[1]));
	ck_assert_int_eq(lock_deadlock_check(), 0); /* not old enough yet */
	settings.deadlock_timeout = 1;         /* as the monitor would after deadlock_timeout */
	tenv_sleep_ms(5);
	ck_assert_int_eq(lock_deadlock_check(), 1);
	WAIT_UNTIL(B->step[1] == 2 && B->result[1] == 1);
	B->go[1] = 2;
	WAIT_UNTIL(B->step[0] == 2);
	B->go[0] = 2;
	ck_assert_int_eq(tenv_wait(p[0]), 0);
	ck_assert_int_eq(tenv_wait(p[1]), 0);
	ck_assert_str_eq(B->sqlstate[1], "40P01");
}
END_TEST

/* ---- prevention ----------------------------------------------------------------------------- */

START_TEST(wait_die_kills_the_younger_requester)
{
	req young = { 1, rel(500), LOCK_EXCLUSIVE, { 0 }, 0, 9000, 0 };
	req old = { 0, rel(501), LOCK_EXCLUSIVE, rel(500), LOCK_EXCLUSIVE, 1000, 0 };
	lock_tag t = rel(501);
	pid_t po, py;

	settings.deadlock_policy = 1;
	po = tenv_fork(holder, &old);
	WAIT_UNTIL(B->step[0] == 1);
	/* a younger transaction asking for what the older holds dies at once */
	lock_set_xact_info(0, 5000);
	EXPECT_ERROR("40P01", lock_acquire(&t, LOCK_SHARE, false, false));
	ck_assert_ptr_nonnull(strstr(err_last()->detail, "wait_die"));
	ck_assert(!lock_held_by_me(&t, LOCK_SHARE));
	/* an older one asking for what a younger holds waits for it */
	py = tenv_fork(holder, &young);
	WAIT_UNTIL(B->step[1] == 1);
	B->go[0] = 1;
	WAIT_UNTIL(is_waiting(po));
	B->go[1] = 1;
	WAIT_UNTIL(B->step[0] == 2);
	ck_assert_int_eq(B->result[0], 0);
	B->go[0] = 2;
	ck_assert_int_eq(tenv_wait(po), 0);
	ck_assert_int_eq(tenv_wait(py), 0);
}
END_TEST

START_TEST(wound_wait_aborts_the_younger_holder)
{
	/* young holds R and then waits for S (held by me); old asks for R and wounds young */
	req young = { 1, rel(600), LOCK_EXCLUSIVE, rel(601), LOCK_EXCLUSIVE, 9000, 0 };
	req old = { 0, rel(600), LOCK_EXCLUSIVE, { 0 }, 0, 1000, 0 };
	lock_tag s = rel(601);
	pid_t py, po;

	settings.deadlock_policy = 2;
	lock_set_xact_info(0, 500); /* I am the oldest: nobody wounds me */
	lock_acquire(&s, LOCK_EXCLUSIVE, false, false);
	py = tenv_fork(holder, &young);
	WAIT_UNTIL(B->step[1] == 1);
	B->go[1] = 1;
	WAIT_UNTIL(is_waiting(py));
	po = tenv_fork(holder, &old);
	WAIT_UNTIL(B->step[1] == 2); /* young was wounded out of its wait */
	ck_assert_int_eq(B->result[1], 1);
	ck_assert_str_eq(B->sqlstate[1], "40P01");
	ck_assert_ptr_nonnull(strstr(B->detail[1], "wound_wait"));
	B->go[1] = 2; /* young aborts: releases R */
	WAIT_UNTIL(B->step[0] == 1);
	ck_assert_int_eq(B->result[0], 0);
	B->go[0] = 1;
	ck_assert_int_eq(tenv_wait(py), 0);
	ck_assert_int_eq(tenv_wait(po), 0);
	/* a younger requester waits instead of wounding an older holder */
	{
		req y2 = { 2, rel(601), LOCK_SHARE, { 0 }, 0, 9999, 0 };
		pid_t p2 = tenv_fork(holder, &y2);
		lock_stats st;

		WAIT_UNTIL(is_waiting(p2));
		lock_get_stats(&st);
		ck_assert_uint_eq(st.prevented, 1);
		ck_assert_uint_eq(atomic_load(&proc_me->ps_interrupts) & PI_DEADLOCK, 0);
		lock_release_all(false);
		WAIT_UNTIL(B->step[2] == 1);
		ck_assert_int_eq(B->result[2], 0);
		B->go[2] = 1;
		ck_assert_int_eq(tenv_wait(p2), 0);
	}
}
END_TEST

static Suite *
lock_suite(void)
{
	Suite *s = suite_create("lock");
	TCase *tc;

	tc = tcase_create("modes");
	tcase_add_test(tc, conflict_matrix_matches_postgresql);
	tcase_add_test(tc, tags_describe_themselves);
	suite_add_tcase(s, tc);

	tc = tcase_create("holding");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, locks_are_reentrant_and_released_by_count);
	tcase_add_test(tc, session_locks_outlive_transactions);
	tcase_add_test(tc, subtransaction_levels_release_and_reassign);
	tcase_add_test(tc, a_new_transaction_forgets_a_stale_wound);
	tcase_add_test(tc, full_lock_table_raises_out_of_shared_memory);
	suite_add_tcase(s, tc);

	tc = tcase_create("waiting");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, waiters_are_granted_in_fifo_order);
	tcase_add_test(tc, compatible_waiters_are_granted_together);
	tcase_add_test(tc, holder_upgrading_passes_a_waiter_that_waits_for_it);
	tcase_add_test(tc, nowait_reports_not_available);
	tcase_add_test(tc, lock_timeout_raises_55P03_and_leaves_the_queue);
	tcase_add_test(tc, cancel_and_statement_timeout_interrupt_a_wait);
	tcase_add_test(tc, xact_wait_returns_when_the_transaction_ends);
	suite_add_tcase(s, tc);

	tc = tcase_create("deadlock graphs");
	tcase_add_test(tc, detector_finds_a_two_cycle);
	tcase_add_test(tc, detector_finds_a_four_cycle_behind_a_chain);
	tcase_add_test(tc, detector_follows_soft_edges);
	tcase_add_test(tc, detector_reports_no_cycle_for_chains_and_diamonds);
	tcase_add_test(tc, detector_only_searches_from_old_waits);
	tcase_add_test(tc, detector_finds_long_cycles);
	suite_add_tcase(s, tc);

	tc = tcase_create("deadlocks");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, two_processes_in_a_deadlock_lose_exactly_one);
	tcase_add_test(tc, four_processes_in_a_deadlock_lose_exactly_one);
	tcase_add_test(tc, deadlock_through_a_queued_request_is_found);
	tcase_add_test(tc, waits_without_a_cycle_are_left_alone);
	tcase_add_test(tc, monitor_call_breaks_a_deadlock_the_waiters_did_not_check);
	suite_add_tcase(s, tc);

	tc = tcase_create("prevention");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, wait_die_kills_the_younger_requester);
	tcase_add_test(tc, wound_wait_aborts_the_younger_holder);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(lock_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
