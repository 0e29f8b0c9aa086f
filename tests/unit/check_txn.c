/* check_txn.c — unit tests for lib/txn: visibility tables, snapshots and the proc array with
 * processes, clog persistence, the session state machine, savepoints, update conflicts, SSI,
 * and Hermitage-style anomaly tests for each isolation level on a miniature heap. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lock/lock.h"
#include "lock/lock_int.h"
#include "shm/lwlock.h"
#include "shm/proc.h"
#include "tenv.h"
#include "txn/txn.h"
#include "txn/txn_catalog.h"
#include "txn/txn_int.h"
#include "util/cfg.h"
#include "util/err.h"

static void
setup(void)
{
	tenv_setup();
	settings.deadlock_timeout = 50;
}

static void
teardown(void)
{
	txn_set_oracle(NULL);
	tenv_teardown();
}

/* ---- a table oracle for the pure visibility functions --------------------------------------- */

enum { ST_NONE = 0, ST_CUR = 1, ST_RUN = 2, ST_COMMIT = 3, ST_ABORT = 4, ST_COMMIT_UNFLUSHED = 5 };
static int xstate[64];      /* status of xids 0..63 */
static txn_xid xparent[64]; /* subtransaction parents */

static bool
o_cur(txn_xid x)
{
	return x < 64 && xstate[x] == ST_CUR;
}
static bool
o_run(txn_xid x)
{
	return x < 64 && (xstate[x] == ST_RUN || xstate[x] == ST_CUR);
}
static bool
o_commit(txn_xid x)
{
	return x < TXN_FIRST_NORMAL_XID ? x != 0 : x < 64 && (xstate[x] == ST_COMMIT || xstate[x] == ST_COMMIT_UNFLUSHED);
}
static bool
o_hint(txn_xid x)
{
	return o_commit(x) && (x >= 64 || xstate[x] != ST_COMMIT_UNFLUSHED);
}
static txn_xid
o_top(txn_xid x)
{
	while (x < 64 && xparent[x] != 0)
		x = xparent[x];
	return x;
}
static const txn_xid_oracle table_oracle = { o_cur, o_run, o_commit, o_hint, o_top };

/*
 * The world of the table: xids 10..19 committed before the snapshot, 20..22 running at the
 * snapshot (20 and 21 top level, 22 a subtransaction of 21), 23 aborted, 24 committed but
 * its commit record not yet flushed, 30 is me (31 my live subtransaction, 32 my aborted
 * one), 40 started after the snapshot and committed.
 */
static txn_xid snap_xip[] = { 20, 21, 30 };
static txn_xid snap_subxip[] = { 22, 31 };

static void
world(void)
{
	memset(xstate, 0, sizeof(xstate));
	memset(xparent, 0, sizeof(xparent));
	for (int i = 10; i < 20; i++)
		xstate[i] = ST_COMMIT;
	xstate[20] = xstate[21] = xstate[22] = ST_RUN;
	xparent[22] = 21;
	xstate[23] = ST_ABORT;
	xstate[24] = ST_COMMIT_UNFLUSHED;
	xstate[30] = xstate[31] = ST_CUR;
	xparent[31] = 30;
	xstate[32] = ST_ABORT;
	xparent[32] = 30;
	xstate[40] = ST_COMMIT;
	txn_set_oracle(&table_oracle);
}

static txn_snapshot
world_snapshot(bool overflowed)
{
	txn_snapshot s;

	memset(&s, 0, sizeof(s));
	s.xmin = 20;
	s.xmax = 35;
	s.xip = snap_xip;
	s.xcnt = 3;
	s.subxip = snap_subxip;
	s.subxcnt = overflowed ? 0 : 2;
	s.suboverflowed = overflowed;
	s.curcid = 5;
	return s;
}

#define H(xmin, xmax, cid, mask) { xmin, xmax, cid, mask, true }

typedef struct vis_case {
	const char *name;
	txn_tuple_hdr t;
	bool visible;
	uint16_t hints;
} vis_case;

static const vis_case vis_cases[] = {
	{ "committed insert", H(10, 0, 0, 0), true, TXN_XMIN_COMMITTED },
	{ "committed insert, hinted", H(10, 0, 0, TXN_XMIN_COMMITTED), true, 0 },
	{ "insert by a bootstrap row", H(TXN_BOOTSTRAP_XID, 0, 0, 0), true, TXN_XMIN_COMMITTED },
	{ "commit record not flushed: no hint", H(24, 0, 0, 0), true, 0 },
	{ "insert running at the snapshot", H(20, 0, 0, 0), false, 0 },
	{ "insert by a running subtransaction", H(22, 0, 0, 0), false, 0 },
	{ "insert after the snapshot, committed", H(40, 0, 0, 0), false, 0 },
	{ "insert after the snapshot, hinted committed", H(40, 0, 0, TXN_XMIN_COMMITTED), false, 0 },
	{ "aborted insert", H(23, 0, 0, 0), false, TXN_XMIN_INVALID },
	{ "aborted insert, hinted", H(23, 0, 0, TXN_XMIN_INVALID), false, 0 },
	{ "crashed insert (never committed, not running)", H(25, 0, 0, 0), false, TXN_XMIN_INVALID },
	{ "my insert by an earlier command", H(30, 0, 4, 0), true, 0 },
	{ "my insert by this command (Halloween)", H(30, 0, 5, 0), false, 0 },
	{ "my insert by a later command", H(30, 0, 6, 0), false, 0 },
	{ "my subtransaction's insert", H(31, 0, 1, 0), true, 0 },
	{ "my aborted subtransaction's insert", H(32, 0, 1, 0), false, TXN_XMIN_INVALID },
	{ "my insert deleted by my aborted subtransaction", H(30, 32, 1, 0), true, TXN_XMAX_INVALID },
	{ "my insert locked by me", H(30, 30, 1, TXN_XMAX_LOCK_ONLY), true, 0 },
	{ "committed insert, deleted before the snapshot", H(10, 11, 0, 0), false, TXN_XMIN_COMMITTED | TXN_XMAX_COMMITTED },
	{ "deleted before the snapshot, hinted", H(10, 11, 0, TXN_XMIN_COMMITTED | TXN_XMAX_COMMITTED), false, 0 },
	{ "deleted by a transaction running at the snapshot", H(10, 20, 0, 0), true, TXN_XMIN_COMMITTED },
	{ "deleted by a running subtransaction", H(10, 22, 0, 0), true, TXN_XMIN_COMMITTED },
	{ "deleted after the snapshot", H(10, 40, 0, TXN_XMIN_COMMITTED), true, 0 },
	{ "deleted after the snapshot, hinted committed", H(10, 40, 0, TXN_XMIN_COMMITTED | TXN_XMAX_COMMITTED), true, 0 },
	{ "deletion aborted", H(10, 23, 0, TXN_XMIN_COMMITTED), true, TXN_XMAX_INVALID },
	{ "deletion hinted invalid", H(10, 11, 0, TXN_XMIN_COMMITTED | TXN_XMAX_INVALID), true, 0 },
	{ "locked only by a running transaction", H(10, 20, 0, TXN_XMIN_COMMITTED | TXN_XMAX_LOCK_ONLY), true, 0 },
	{ "deleted by me in an earlier command", H(10, 30, 2, TXN_XMIN_COMMITTED), false, 0 },
	{ "deleted by me in this command", H(10, 30, 5, TXN_XMIN_COMMITTED), true, 0 },
	{ "deleted by my subtransaction earlier", H(10, 31, 3, TXN_XMIN_COMMITTED), false, 0 },
	{ "deletion by a commit not yet flushed: no hint", H(10, 24, 0, TXN_XMIN_COMMITTED), false, 0 },
};

START_TEST(visibility_table_for_a_snapshot)
{
	txn_snapshot s;

	world();
	s = world_snapshot(false);
	for (size_t i = 0; i < sizeof(vis_cases) / sizeof(vis_cases[0]); i++) {
		const vis_case *c = &vis_cases[i];
		uint16_t hints = 0xffff;
		bool v = txn_visible(&c->t, &s, &hints);

		ck_assert_msg(v == c->visible, "%s: visible %d, expected %d", c->name, v, c->visible);
		ck_assert_msg(hints == c->hints, "%s: hints %#x, expected %#x", c->name, hints, c->hints);
	}
}
END_TEST

START_TEST(visibility_with_an_overflowed_snapshot_maps_subxids_to_parents)
{
	txn_snapshot s;
	txn_tuple_hdr t = H(22, 0, 0, 0);

	world();
	s = world_snapshot(true);
	/* 22's parent 21 is running: invisible */
	ck_assert(!txn_visible(&t, &s, NULL));
	ck_assert(txn_xid_in_snapshot(22, &s));
	/* a subxid whose parent finished before the snapshot */
	xstate[16] = ST_COMMIT;
	xparent[16] = 12;
	t.xmin = 16;
	ck_assert(!txn_xid_in_snapshot(16, &s));
	ck_assert(txn_visible(&t, &s, NULL));
	/* without overflow, subxip answers directly */
	s = world_snapshot(false);
	ck_assert(txn_xid_in_snapshot(22, &s));
	ck_assert(!txn_xid_in_snapshot(19, &s));
	ck_assert(txn_xid_in_snapshot(35, &s)); /* >= xmax */
	ck_assert(!txn_xid_in_snapshot(5, &s)); /* < xmin */
}
END_TEST

START_TEST(combo_cids_keep_cmin_and_cmax_of_own_rows)
{
	txn_snapshot s;
	txn_tuple_hdr t = H(30, 0, 2, 0);
	uint16_t mask = 0;
	txn_cid c;

	world();
	s = world_snapshot(false);
	c = txn_combocid_for_delete(&t, 7, &mask); /* inserted at 2, deleted at 7 */
	ck_assert(mask & TXN_COMBOCID);
	t.xmax = 30;
	t.cid = c;
	t.infomask = mask;
	ck_assert_uint_eq(txn_tuple_cmin(&t), 2);
	ck_assert_uint_eq(txn_tuple_cmax(&t), 7);
	s.curcid = 5; /* between insert and delete: visible */
	ck_assert(txn_visible(&t, &s, NULL));
	s.curcid = 8;
	ck_assert(!txn_visible(&t, &s, NULL));
	s.curcid = 2;
	ck_assert(!txn_visible(&t, &s, NULL));
	ck_assert_uint_eq(txn_combocid_for_delete(&t, 7, &mask), c); /* same pair, same id */
	/* someone else's row: plain cmax */
	t = (txn_tuple_hdr)H(10, 0, 0, TXN_COMBOCID);
	mask = TXN_COMBOCID;
	ck_assert_uint_eq(txn_combocid_for_delete(&t, 9, &mask), 9);
	ck_assert_uint_eq(mask & TXN_COMBOCID, 0);
}
END_TEST

typedef struct upd_case {
	const char *name;
	txn_tuple_hdr t;
	txn_cid curcid;
	txn_tm_result r;
	uint16_t hints;
} upd_case;

static const upd_case upd_cases[] = {
	{ "live committed row", H(10, 0, 0, 0), 5, TM_OK, TXN_XMIN_COMMITTED },
	{ "row of an aborted insert", H(23, 0, 0, 0), 5, TM_INVISIBLE, TXN_XMIN_INVALID },
	{ "row of a running insert", H(20, 0, 0, 0), 5, TM_INVISIBLE, 0 },
	{ "my row from an earlier command", H(30, 0, 2, 0), 5, TM_OK, 0 },
	{ "my row from this command", H(30, 0, 5, 0), 5, TM_INVISIBLE, 0 },
	{ "my row I deleted in an earlier command", { 30, 30, 5, 0, true }, 6, TM_INVISIBLE, 0 },
	{ "row being updated by a running transaction", H(10, 20, 0, TXN_XMIN_COMMITTED), 5, TM_BEING_MODIFIED, 0 },
	{ "row locked by a running transaction", H(10, 20, 0, TXN_XMIN_COMMITTED | TXN_XMAX_LOCK_ONLY), 5, TM_BEING_MODIFIED, 0 },
	{ "row locked by a finished transaction", H(10, 11, 0, TXN_XMIN_COMMITTED | TXN_XMAX_LOCK_ONLY), 5, TM_OK, TXN_XMAX_INVALID },
	{ "row locked by me", H(10, 30, 0, TXN_XMIN_COMMITTED | TXN_XMAX_LOCK_ONLY), 5, TM_OK, 0 },
	{ "row updated by a committed transaction", { 10, 11, 0, TXN_XMIN_COMMITTED, false }, 5, TM_UPDATED, TXN_XMAX_COMMITTED },
	{ "row deleted by a committed transaction", H(10, 11, 0, TXN_XMIN_COMMITTED), 5, TM_DELETED, TXN_XMAX_COMMITTED },
	{ "row deleted, hinted committed", H(10, 11, 0, TXN_XMIN_COMMITTED | TXN_XMAX_COMMITTED), 5, TM_DELETED, 0 },
	{ "deletion aborted", H(10, 23, 0, TXN_XMIN_COMMITTED), 5, TM_OK, TXN_XMAX_INVALID },
	{ "row updated by me earlier", H(10, 30, 2, TXN_XMIN_COMMITTED), 5, TM_INVISIBLE, 0 },
	{ "row updated by me in this command", H(10, 30, 5, TXN_XMIN_COMMITTED), 5, TM_SELF_MODIFIED, 0 },
};

START_TEST(update_outcomes_table)
{
	world();
	for (size_t i = 0; i < sizeof(upd_cases) / sizeof(upd_cases[0]); i++) {
		const upd_case *c = &upd_cases[i];
		uint16_t hints = 0xffff;
		txn_tm_result r = txn_satisfies_update(&c->t, c->curcid, &hints);

		ck_assert_msg(r == c->r, "%s: result %d, expected %d", c->name, r, c->r);
		ck_assert_msg(hints == c->hints, "%s: hints %#x, expected %#x", c->name, hints, c->hints);
	}
}
END_TEST

START_TEST(vacuum_outcomes_against_the_horizon)
{
	static const struct {
		txn_tuple_hdr t;
		txn_xid horizon;
		txn_vac_result r;
	} cases[] = {
		{ H(10, 0, 0, 0), 20, VAC_LIVE },
		{ H(23, 0, 0, 0), 20, VAC_DEAD },                 /* aborted insert */
		{ H(20, 0, 0, 0), 20, VAC_INSERT_IN_PROGRESS },
		{ H(30, 30, 0, 0), 20, VAC_DELETE_IN_PROGRESS },  /* mine, inserted and deleted */
		{ H(20, 23, 0, 0), 20, VAC_INSERT_IN_PROGRESS },  /* deleter aborted */
		{ H(10, 20, 0, 0), 20, VAC_DELETE_IN_PROGRESS },
		{ H(10, 11, 0, 0), 20, VAC_DEAD },                /* deleted below the horizon */
		{ H(10, 11, 0, 0), 11, VAC_RECENTLY_DEAD },       /* someone may still see it */
		{ H(10, 19, 0, TXN_XMAX_COMMITTED | TXN_XMIN_COMMITTED), 15, VAC_RECENTLY_DEAD },
		{ H(10, 23, 0, 0), 20, VAC_LIVE },                /* deletion aborted */
		{ H(10, 20, 0, TXN_XMAX_LOCK_ONLY), 20, VAC_LIVE },
		{ H(10, 11, 0, TXN_XMAX_LOCK_ONLY), 20, VAC_LIVE },
		{ H(10, 0, 0, TXN_XMIN_INVALID), 20, VAC_DEAD },
	};

	world();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint16_t h;

		ck_assert_msg(txn_satisfies_vacuum(&cases[i].t, cases[i].horizon, &h) == cases[i].r,
		              "vacuum case %zu", i);
	}
}
END_TEST

START_TEST(dirty_visibility_reports_whom_to_wait_for)
{
	txn_tuple_hdr t;
	txn_xid w;
	uint16_t h;

	world();
	t = (txn_tuple_hdr)H(20, 0, 0, 0); /* running insert: counts, wait for 20 */
	ck_assert(txn_visible_dirty(&t, &w, &h));
	ck_assert_uint_eq(w, 20);
	t = (txn_tuple_hdr)H(10, 21, 0, 0); /* running delete: still there, wait for 21 */
	ck_assert(txn_visible_dirty(&t, &w, &h));
	ck_assert_uint_eq(w, 21);
	t = (txn_tuple_hdr)H(10, 11, 0, 0); /* committed delete */
	ck_assert(!txn_visible_dirty(&t, &w, &h));
	ck_assert_uint_eq(w, 0);
	t = (txn_tuple_hdr)H(23, 0, 0, 0);
	ck_assert(!txn_visible_dirty(&t, &w, &h));
	t = (txn_tuple_hdr)H(30, 0, 9, 0); /* mine, even from a later command */
	ck_assert(txn_visible_dirty(&t, &w, &h));
	t = (txn_tuple_hdr)H(30, 30, 9, 0); /* mine, deleted by me */
	ck_assert(!txn_visible_dirty(&t, &w, &h));
	t = (txn_tuple_hdr)H(10, 23, 0, 0); /* deletion aborted */
	ck_assert(txn_visible_dirty(&t, &w, &h));
	ck_assert_uint_eq(h & TXN_XMAX_INVALID, TXN_XMAX_INVALID);
}
END_TEST

/* ---- clog --------------------------------------------------------------------------------- */

START_TEST(clog_statuses_survive_a_restart)
{
	txn_xid subs[3] = { 100005, 100006, 200000 };

	ck_assert_int_eq(txn_clog_get(50, NULL), TXN_STATUS_IN_PROGRESS);
	txn_clog_set(50, 0, NULL, TXN_STATUS_COMMITTED, 0);
	txn_clog_set(51, 0, NULL, TXN_STATUS_ABORTED, 0);
	txn_clog_set(100000, 3, subs, TXN_STATUS_COMMITTED, 0); /* spans three pages */
	/* many pages: more than the cache holds, so some are evicted and written */
	for (txn_xid x = 1000; x < 1000 + 100 * (txn_xid)CLOG_XIDS_PER_PAGE; x += CLOG_XIDS_PER_PAGE)
		txn_clog_set(x, 0, NULL, (x / CLOG_XIDS_PER_PAGE) % 2 ? TXN_STATUS_COMMITTED : TXN_STATUS_ABORTED, 0);
	ck_assert_int_eq(txn_clog_get(50, NULL), TXN_STATUS_COMMITTED);
	wal_checkpoint(true); /* the checkpoint hook writes clog */
	tenv_crash();
	tenv_start();
	ck_assert_int_eq(txn_clog_get(50, NULL), TXN_STATUS_COMMITTED);
	ck_assert_int_eq(txn_clog_get(51, NULL), TXN_STATUS_ABORTED);
	ck_assert_int_eq(txn_clog_get(52, NULL), TXN_STATUS_IN_PROGRESS);
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(txn_clog_get(subs[i], NULL), TXN_STATUS_COMMITTED);
	for (txn_xid x = 1000; x < 1000 + 100 * (txn_xid)CLOG_XIDS_PER_PAGE; x += CLOG_XIDS_PER_PAGE)
		ck_assert_int_eq(txn_clog_get(x, NULL),
		                 (x / CLOG_XIDS_PER_PAGE) % 2 ? TXN_STATUS_COMMITTED : TXN_STATUS_ABORTED);
	ck_assert_int_eq(txn_clog_get(TXN_BOOTSTRAP_XID, NULL), TXN_STATUS_COMMITTED);
	EXPECT_ERROR("XX000", txn_clog_set(TXN_FROZEN_XID, 0, NULL, TXN_STATUS_ABORTED, 0));
}
END_TEST

START_TEST(commits_are_recovered_from_the_log_without_a_checkpoint)
{
	txn_xid a, b;

	txn_begin_block(-1, -1);
	a = txn_assign_xid();
	ck_assert(txn_commit_block());
	txn_begin_block(-1, -1);
	b = txn_assign_xid();
	txn_rollback_block();
	ck_assert(txn_xid_did_commit(a));
	/* crash without a checkpoint: clog pages never reached disk */
	tenv_crash();
	{
		char cmd[400];

		snprintf(cmd, sizeof(cmd), "rm -f %s/clog/*", tenv_datadir);
		ck_assert_int_eq(system(cmd), 0);
	}
	tenv_start();
	ck_assert(txn_xid_did_commit(a));
	/* b's abort record was never flushed: b simply never committed (invariant 4) */
	ck_assert(!txn_xid_did_commit(b));
	ck_assert(!txn_xid_in_progress(b));
	/* ids are never reused after a crash */
	txn_begin_block(-1, -1);
	ck_assert_uint_gt(txn_assign_xid(), b);
	txn_rollback_block();
}
END_TEST

START_TEST(xid_high_water_mark_is_persisted_before_use)
{
	wal_control c;
	txn_xid first, last = 0;

	wal_control_get(&c);
	first = txn_read_next_xid();
	ck_assert_uint_eq(c.next_xid, TXN_FIRST_NORMAL_XID);
	txn_begin_block(-1, -1);
	last = txn_assign_xid();
	txn_rollback_block();
	ck_assert_uint_eq(last, first);
	wal_control_get(&c);
	ck_assert_uint_eq(c.next_xid, first + TXN_XID_PREFETCH); /* raised before the xid was given */
	wal_control_read(tenv_datadir, &c);                     /* and on disk */
	ck_assert_uint_eq(c.next_xid, first + TXN_XID_PREFETCH);
	tenv_crash();
	tenv_start();
	ck_assert_uint_eq(txn_read_next_xid(), first + TXN_XID_PREFETCH);
}
END_TEST

/* ---- proc array and snapshots with processes -------------------------------------------------- */

typedef struct board {
	volatile int step[8], go[8], done[8];
	volatile txn_xid xid[8];
	volatile int result[8];
	char sqlstate[8][6];
	char message[8][256];
} board;
static board *B;

static int
child_holds_xid(void *arg)
{
	int me = (int)(intptr_t)arg;

	txn_begin_block(-1, -1);
	B->xid[me] = txn_assign_xid();
	if (me == 1) {
		/* three savepoints with writes: subxids */
		for (int i = 0; i < 3; i++) {
			char n[8];

			snprintf(n, sizeof(n), "s%d", i);
			txn_savepoint(n);
			txn_assign_xid();
		}
	}
	B->step[me] = 1;
	while (!B->go[me])
		tenv_sleep_ms(1);
	if (B->go[me] == 1)
		txn_commit_block();
	else
		txn_rollback_block();
	B->step[me] = 2;
	return 0;
}

START_TEST(snapshots_see_running_transactions_of_other_processes)
{
	pid_t p0, p1;
	txn_snapshot *s1, *s2;
	txn_tuple_hdr t;

	B = tenv_shared_scratch(sizeof(board));
	p0 = tenv_fork(child_holds_xid, (void *)0);
	WAIT_UNTIL(B->step[0] == 1);
	p1 = tenv_fork(child_holds_xid, (void *)1); /* its xids are consecutive */
	WAIT_UNTIL(B->step[1] == 1);
	s1 = txn_snapshot_take(mem_top);
	ck_assert(txn_xid_in_snapshot(B->xid[0], s1));
	ck_assert(txn_xid_in_snapshot(B->xid[1], s1));
	ck_assert(txn_xid_in_snapshot(B->xid[1] + 2, s1)); /* a subxid of child 1 */
	ck_assert(txn_xid_in_progress(B->xid[1] + 3));
	ck_assert(!txn_xid_in_progress(B->xid[1] + 4));      /* never assigned */
	ck_assert_uint_le(txn_global_xmin(), B->xid[0]);
	ck_assert_uint_eq(txn_subtrans_topmost(B->xid[1] + 3), B->xid[1]);
	ck_assert_uint_eq(txn_subtrans_parent(B->xid[1] + 3), B->xid[1] + 2);
	B->go[0] = 1; /* commit */
	B->go[1] = 2; /* abort */
	WAIT_UNTIL(B->step[0] == 2 && B->step[1] == 2);
	ck_assert_int_eq(tenv_wait(p0), 0);
	ck_assert_int_eq(tenv_wait(p1), 0);
	ck_assert(!txn_xid_in_progress(B->xid[0]));
	ck_assert(!txn_xid_in_progress(B->xid[1] + 2));
	s2 = txn_snapshot_take(mem_top);
	ck_assert(!txn_xid_in_snapshot(B->xid[0], s2));
	/* the old snapshot still says "running"; the new one sees the commit */
	t = (txn_tuple_hdr)H(B->xid[0], 0, 0, 0);
	ck_assert(!txn_visible(&t, s1, NULL));
	ck_assert(txn_visible(&t, s2, NULL));
	t.xmin = B->xid[1] + 2; /* aborted with its parent */
	ck_assert(!txn_visible(&t, s2, NULL));
	ck_assert_int_eq(txn_clog_get(B->xid[1] + 3, NULL), TXN_STATUS_ABORTED);
	ck_assert_uint_eq(txn_global_xmin(), s2->xmax);
}
END_TEST

static int
child_many_subxacts(void *arg)
{
	(void)arg;
	txn_begin_block(-1, -1);
	B->xid[0] = txn_assign_xid();
	for (int i = 0; i < TXN_SUBXID_CACHE + 10; i++) {
		char n[8];

		snprintf(n, sizeof(n), "s%d", i);
		txn_savepoint(n);
		B->xid[1] = txn_assign_xid();
		txn_release_savepoint(n);
	}
	B->step[0] = 1;
	while (!B->go[0])
		tenv_sleep_ms(1);
	txn_commit_block();
	B->step[0] = 2;
	return 0;
}

START_TEST(overflowed_subtransactions_are_found_through_subtrans)
{
	pid_t p;
	txn_snapshot *s;

	B = tenv_shared_scratch(sizeof(board));
	p = tenv_fork(child_many_subxacts, NULL);
	WAIT_UNTIL(B->step[0] == 1);
	/* a later transaction completes, so that the child's xids fall below the next xmax */
	txn_begin_block(-1, -1);
	txn_assign_xid();
	txn_commit_block();
	s = txn_snapshot_take(mem_top);
	ck_assert_uint_gt(s->xmax, B->xid[1]);
	ck_assert(s->suboverflowed);
	ck_assert(txn_xid_in_snapshot(B->xid[1], s)); /* the last subxid, not in the cache */
	ck_assert(txn_xid_in_progress(B->xid[1]));
	ck_assert_uint_eq(txn_subtrans_topmost(B->xid[1]), B->xid[0]);
	B->go[0] = 1;
	WAIT_UNTIL(B->step[0] == 2);
	ck_assert_int_eq(tenv_wait(p), 0);
	ck_assert(!txn_xid_in_progress(B->xid[1]));
	ck_assert(txn_xid_did_commit(B->xid[1]));
}
END_TEST

/* ---- the session state machine ---------------------------------------------------------------- */

static char last_notice[6];
static void
catch_notice(const char *sqlstate, const char *msg)
{
	(void)msg;
	memcpy(last_notice, sqlstate, 6);
}

START_TEST(state_machine_follows_postgresql)
{
	void (*old)(const char *, const char *) = txn_notice_hook;

	txn_notice_hook = catch_notice;
	ck_assert_int_eq(txn_block(), TXN_BLOCK_IDLE);
	ck_assert_int_eq(txn_status_char(), 'I');
	/* implicit transaction */
	txn_stmt_start();
	ck_assert_int_eq(txn_block(), TXN_BLOCK_IMPLICIT);
	txn_assign_xid();
	txn_stmt_end();
	ck_assert_int_eq(txn_block(), TXN_BLOCK_IDLE);
	/* COMMIT / ROLLBACK outside a block warn */
	last_notice[0] = 0;
	ck_assert(txn_commit_block());
	ck_assert_str_eq(last_notice, "25P01");
	last_notice[0] = 0;
	txn_rollback_block();
	ck_assert_str_eq(last_notice, "25P01");
	EXPECT_ERROR("25P01", txn_savepoint("a"));
	ck_assert_str_eq(err_last()->message, "SAVEPOINT can only be used in transaction blocks");
	EXPECT_ERROR("25P01", txn_release_savepoint("a"));
	EXPECT_ERROR("25P01", txn_rollback_to_savepoint("a"));
	last_notice[0] = 0;
	txn_set_isolation(TXN_SERIALIZABLE);
	ck_assert_str_eq(last_notice, "25P01");
	/* a block */
	txn_begin_block(TXN_REPEATABLE_READ, -1);
	ck_assert_int_eq(txn_status_char(), 'T');
	ck_assert_int_eq(txn_isolation_level(), TXN_REPEATABLE_READ);
	last_notice[0] = 0;
	txn_begin_block(-1, -1);
	ck_assert_str_eq(last_notice, "25001");
	txn_set_isolation(TXN_SERIALIZABLE); /* before the first query: allowed */
	txn_stmt_start();
	txn_get_snapshot();
	txn_stmt_end();
	EXPECT_ERROR("25001", txn_set_isolation(TXN_READ_COMMITTED));
	ck_assert_str_eq(err_last()->message, "SET TRANSACTION ISOLATION LEVEL must be called before any query");
	EXPECT_ERROR("3B001", txn_release_savepoint("nope"));
	ck_assert_str_eq(err_last()->message, "savepoint \"nope\" does not exist");
	/* an error: FAILED until ROLLBACK */
	txn_stmt_start();
	txn_stmt_abort();
	ck_assert_int_eq(txn_block(), TXN_BLOCK_FAILED);
	ck_assert_int_eq(txn_status_char(), 'E');
	EXPECT_ERROR("25P02", txn_stmt_start());
	EXPECT_ERROR("25P02", txn_savepoint("x"));
	ck_assert(!txn_commit_block()); /* COMMIT of a failed block rolls back */
	ck_assert_int_eq(txn_block(), TXN_BLOCK_IDLE);
	/* read only */
	txn_begin_block(-1, 1);
	ck_assert(txn_is_read_only());
	EXPECT_ERROR("25006", txn_check_write("UPDATE"));
	ck_assert_str_eq(err_last()->message, "cannot execute UPDATE in a read-only transaction");
	EXPECT_ERROR("25006", txn_assign_xid());
	txn_stmt_start();
	txn_get_snapshot();
	txn_stmt_end();
	EXPECT_ERROR("25001", txn_set_read_only(false));
	txn_rollback_block();
	txn_begin_block(-1, -1);
	txn_set_read_only(true);
	txn_set_read_only(false);
	txn_check_write("INSERT");
	txn_savepoint("s");
	EXPECT_ERROR("25001", txn_set_isolation(TXN_REPEATABLE_READ));
	txn_rollback_block();
	ck_assert_str_eq(txn_isolation_name(TXN_READ_COMMITTED), "read committed");
	ck_assert_str_eq(txn_isolation_name(TXN_SERIALIZABLE), "serializable");
	txn_notice_hook = old;
}
END_TEST

START_TEST(savepoints_undo_exactly_their_own_work)
{
	txn_xid top, s1, s2, s3;
	lock_tag r1 = lock_tag_relation(1, 1), r2 = lock_tag_relation(1, 2);

	txn_begin_block(-1, -1);
	top = txn_assign_xid();
	txn_savepoint("a");
	s1 = txn_assign_xid();
	lock_acquire(&r1, LOCK_ROW_EXCLUSIVE, false, false);
	ck_assert_int_eq(txn_nesting_level(), 1);
	txn_savepoint("b");
	s2 = txn_assign_xid();
	lock_acquire(&r2, LOCK_ROW_EXCLUSIVE, false, false);
	ck_assert(s1 > top && s2 > s1);
	ck_assert_uint_eq(txn_top_xid(), top);
	ck_assert_uint_eq(txn_current_xid(), s2);
	ck_assert(txn_is_current_xid(s2));
	/* ROLLBACK TO a: both subtransactions die, their locks go, a starts again */
	txn_rollback_to_savepoint("a");
	ck_assert_int_eq(txn_nesting_level(), 1);
	ck_assert(!txn_is_current_xid(s1));
	ck_assert(!txn_is_current_xid(s2));
	ck_assert(txn_is_current_xid(top));
	ck_assert_int_eq(txn_clog_get(s1, NULL), TXN_STATUS_ABORTED);
	ck_assert_int_eq(txn_clog_get(s2, NULL), TXN_STATUS_ABORTED);
	ck_assert(!txn_xid_in_progress(s2));
	ck_assert(!lock_held_by_me(&r1, LOCK_ROW_EXCLUSIVE));
	ck_assert(!lock_held_by_me(&r2, LOCK_ROW_EXCLUSIVE));
	ck_assert_uint_eq(txn_current_xid(), 0);
	s3 = txn_assign_xid();
	ck_assert_uint_gt(s3, s2);
	/* an error inside the savepoint, then ROLLBACK TO recovers the block */
	txn_savepoint("c");
	txn_stmt_start();
	txn_assign_xid();
	txn_stmt_abort();
	ck_assert_int_eq(txn_block(), TXN_BLOCK_FAILED);
	EXPECT_ERROR("25P02", txn_release_savepoint("c"));
	txn_rollback_to_savepoint("c");
	ck_assert_int_eq(txn_block(), TXN_BLOCK_INPROGRESS);
	/* RELEASE keeps the work: committed with the top level */
	txn_release_savepoint("c");
	txn_release_savepoint("a");
	ck_assert_int_eq(txn_nesting_level(), 0);
	ck_assert(txn_is_current_xid(s3));
	ck_assert(txn_commit_block());
	ck_assert(txn_xid_did_commit(top));
	ck_assert(txn_xid_did_commit(s3));
	ck_assert_int_eq(txn_clog_get(s1, NULL), TXN_STATUS_ABORTED);
	ck_assert_int_eq(lock_num_held(), 0);
}
END_TEST

START_TEST(commit_is_durable_before_clog_says_committed)
{
	txn_xid x;
	wal_stats a, b;

	wal_get_stats(&a);
	txn_begin_block(-1, -1);
	x = txn_assign_xid();
	ck_assert(txn_commit_block());
	wal_get_stats(&b);
	ck_assert_uint_eq(b.commits, a.commits + 1); /* flushed as a commit */
	ck_assert_uint_ge(wal_flushed_lsn(), wal_insert_lsn());
	ck_assert(txn_xid_did_commit(x));
	/* asynchronous commit: committed in clog, hint bits wait for the flush */
	settings.synchronous_commit = false;
	txn_begin_block(-1, -1);
	x = txn_assign_xid();
	ck_assert(txn_commit_block());
	{
		wal_lsn lsn;
		txn_tuple_hdr t = H(x, 0, 0, 0);
		txn_snapshot *s = txn_snapshot_take(mem_top);
		uint16_t h;

		ck_assert_int_eq(txn_clog_get(x, &lsn), TXN_STATUS_COMMITTED);
		ck_assert_uint_gt(lsn, wal_flushed_lsn());
		ck_assert(txn_visible(&t, s, &h));
		ck_assert_uint_eq(h, 0);        /* not yet */
		wal_writer_iteration();
		ck_assert(txn_visible(&t, s, &h));
		ck_assert_uint_eq(h, TXN_XMIN_COMMITTED);
	}
	settings.synchronous_commit = true;
}
END_TEST

static int cb_events[8];
static void
count_event(txn_event ev, void *arg)
{
	(void)arg;
	cb_events[ev]++;
}

START_TEST(callbacks_see_every_event)
{
	memset(cb_events, 0, sizeof(cb_events));
	txn_register_callback(count_event, NULL);
	txn_begin_block(-1, -1);
	txn_savepoint("a");
	txn_release_savepoint("a");
	txn_savepoint("b");
	txn_rollback_to_savepoint("b");
	txn_commit_block();
	txn_stmt_start();
	txn_stmt_abort();
	ck_assert_int_eq(cb_events[TXN_EV_PRE_COMMIT], 1);
	ck_assert_int_eq(cb_events[TXN_EV_COMMIT], 1);
	ck_assert_int_eq(cb_events[TXN_EV_ABORT], 1);
	ck_assert_int_eq(cb_events[TXN_EV_SUB_START], 2);
	ck_assert_int_eq(cb_events[TXN_EV_SUB_COMMIT], 1);
	ck_assert_int_eq(cb_events[TXN_EV_SUB_ABORT], 1);
}
END_TEST

START_TEST(read_committed_snapshots_move_and_release_the_horizon)
{
	const txn_snapshot *s;
	txn_snapshot *held;
	txn_xid before;

	txn_begin_block(TXN_READ_COMMITTED, -1);
	txn_stmt_start();
	s = txn_get_snapshot();
	ck_assert_ptr_eq(s, txn_get_snapshot()); /* one per statement */
	ck_assert_uint_eq(atomic_load(&txn_my_proc()->tp_xmin), s->xmin);
	held = txn_snapshot_hold(s);
	txn_stmt_end();
	/* a held copy keeps the horizon */
	before = txn_global_xmin();
	ck_assert_uint_le(before, held->xmin);
	txn_snapshot_release(held);
	txn_stmt_start();
	txn_get_snapshot();
	txn_stmt_end();
	ck_assert_uint_eq(atomic_load(&txn_my_proc()->tp_xmin), 0); /* none between statements */
	ck_assert_uint_eq(txn_current_cid(), 2);
	txn_cci();
	ck_assert_uint_eq(txn_current_cid(), 3);
	txn_commit_block();
}
END_TEST

START_TEST(concurrent_update_decisions_by_isolation_level)
{
	txn_begin_block(TXN_READ_COMMITTED, -1);
	ck_assert_int_eq(txn_on_concurrent_update(TM_UPDATED), TXN_UPD_RECHECK);
	ck_assert_int_eq(txn_on_concurrent_update(TM_DELETED), TXN_UPD_SKIP);
	EXPECT_ERROR("XX000", txn_on_concurrent_update(TM_OK));
	txn_rollback_block();
	txn_begin_block(TXN_REPEATABLE_READ, -1);
	EXPECT_ERROR("40001", txn_on_concurrent_update(TM_UPDATED));
	ck_assert_str_eq(err_last()->message, "could not serialize access due to concurrent update");
	txn_rollback_block();
	txn_begin_block(TXN_SERIALIZABLE, -1);
	EXPECT_ERROR("40001", txn_on_concurrent_update(TM_DELETED));
	ck_assert_str_eq(err_last()->message, "could not serialize access due to concurrent delete");
	txn_rollback_block();
}
END_TEST

/* ---- a miniature heap and an isolation tester ---------------------------------------------- */

#define SIM_ROWS 128
typedef struct simrow {
	txn_tuple_hdr h;
	int key, val, next, used;
} simrow;

typedef struct sim {
	lwlock lk;
	int n;
	simrow rows[SIM_ROWS];
	/* tester */
	volatile int cmd[4], cmd_seq[4], done_seq[4], quit;
	volatile int res[64];
	char err[64][6];
	volatile int level;
} sim;
static sim *S;

enum { NOTFOUND = -1 };

static void
apply_hints(simrow *r, uint16_t h)
{
	r->h.infomask |= h;
}

/* A sequential scan: SIREAD lock on the relation, conflict-out on every version met. */
static int
sim_read(int key, bool sum)
{
	const txn_snapshot *s = txn_get_snapshot();
	int v = NOTFOUND, total = 0;

	txn_ssi_lock_relation(1, 1);
	lwlock_acquire(&S->lk, LW_EXCLUSIVE);
	for (int i = 0; i < S->n; i++) {
		simrow *r = &S->rows[i];
		uint16_t h;
		bool vis;

		if (!sum && r->key != key)
			continue;
		vis = txn_visible(&r->h, s, &h);
		apply_hints(r, h);
		txn_ssi_conflict_out(&r->h, vis, s);
		if (vis) {
			v = r->val;
			if (sum && r->val % 3 == 0)
				total++;
		}
	}
	lwlock_release(&S->lk);
	return sum ? total : v;
}

static void
sim_add(int key, int val, txn_xid xid)
{
	simrow *r = &S->rows[S->n++];

	memset(r, 0, sizeof(*r));
	r->h.xmin = xid;
	r->h.cid = txn_current_cid();
	r->h.ctid_is_self = true;
	r->key = key;
	r->val = val;
	r->next = -1;
	r->used = 1;
}

static int
sim_insert(int key, int val)
{
	txn_xid x;

	txn_get_snapshot();
	txn_check_write("INSERT");
	txn_ssi_conflict_in(1, 1, UINT32_MAX, -1);
	x = txn_assign_xid();
	lwlock_acquire(&S->lk, LW_EXCLUSIVE);
	sim_add(key, val, x);
	lwlock_release(&S->lk);
	return 1;
}

/* UPDATE ... WHERE key = k, with the executor's loop of README section 2. */
static int
sim_update(int key, int val, bool del)
{
	const txn_snapshot *s = txn_get_snapshot();
	int idx = -1;
	txn_xid x;

	txn_check_write("UPDATE");
	x = txn_assign_xid();
	lwlock_acquire(&S->lk, LW_EXCLUSIVE);
	for (int i = 0; i < S->n; i++) {
		uint16_t h;

		if (S->rows[i].key == key && txn_visible(&S->rows[i].h, s, &h))
			idx = i;
	}
	for (;;) {
		simrow *r;
		uint16_t h;
		txn_tm_result tm;

		if (idx < 0) {
			lwlock_release(&S->lk);
			return 0;
		}
		r = &S->rows[idx];
		tm = txn_satisfies_update(&r->h, txn_current_cid(), &h);
		apply_hints(r, h);
		if (tm == TM_OK) {
			uint16_t mask = r->h.infomask & ~(TXN_XMAX_INVALID | TXN_XMAX_COMMITTED | TXN_XMAX_LOCK_ONLY);

			txn_ssi_conflict_in(1, 1, 0, idx);
			r->h.cid = txn_combocid_for_delete(&r->h, txn_current_cid(), &mask);
			r->h.infomask = mask;
			r->h.xmax = x;
			if (!del) {
				r->h.ctid_is_self = false;
				r->next = S->n;
				sim_add(key, val, x);
			}
			lwlock_release(&S->lk);
			return 1;
		}
		if (tm == TM_BEING_MODIFIED) {
			txn_xid w = r->h.xmax;

			lwlock_release(&S->lk);
			txn_wait_for_xact(w);
			lwlock_acquire(&S->lk, LW_EXCLUSIVE);
			continue;
		}
		if (tm == TM_UPDATED || tm == TM_DELETED) {
			txn_upd_action a;

			lwlock_release(&S->lk);
			a = txn_on_concurrent_update(tm); /* 40001 above READ COMMITTED */
			lwlock_acquire(&S->lk, LW_EXCLUSIVE);
			if (a == TXN_UPD_SKIP) {
				lwlock_release(&S->lk);
				return 0;
			}
			idx = r->next; /* EvalPlanQual: the newest version (our WHERE is the key) */
			continue;
		}
		lwlock_release(&S->lk);
		return 0; /* TM_SELF_MODIFIED: already done by this statement */
	}
}

/* One step of a scenario: session, operation, key, value, and the expected result per level
 * (RC, RR, SER): a value, or ERR (an error; err names it), or ANY. */
#define ANY (-1000)
#define ERR (-2000)
#define BLOCKS (-3000) /* the step must block (checked when it is issued) */
typedef struct step {
	int s;
	char op; /* b begin, c commit, a abort, r read, p predicate count, u update, i insert, d delete */
	int key, val;
	int expect[3];
	const char *err[3];
} step;

static void
session_exec(int me, const step *st, int k)
{
	ERR_TRY();
	{
		int v = 0;

		switch (st->op) {
		case 'b':
			txn_begin_block(S->level, -1);
			break;
		case 'c':
			v = txn_commit_block() ? 1 : 0;
			break;
		case 'a':
			txn_rollback_block();
			break;
		default:
			txn_stmt_start();
			switch (st->op) {
			case 'r':
				v = sim_read(st->key, false);
				break;
			case 'p':
				v = sim_read(0, true);
				break;
			case 'u':
				v = sim_update(st->key, st->val, false);
				break;
			case 'd':
				v = sim_update(st->key, 0, true);
				break;
			case 'i':
				v = sim_insert(st->key, st->val);
				break;
			}
			txn_stmt_end();
		}
		S->res[k] = v;
	}
	ERR_CATCH();
	{
		memcpy(S->err[k], err_last()->sqlstate, 6);
		S->res[k] = ERR;
		txn_stmt_abort();
	}
	ERR_END();
	(void)me;
}

static const step *cur_steps;

static int
session_main(void *arg)
{
	int me = (int)(intptr_t)arg, seen = 0;

	while (!S->quit) {
		if (S->cmd_seq[me] == seen) {
			tenv_sleep_ms(1);
			continue;
		}
		seen = S->cmd_seq[me];
		session_exec(me, &cur_steps[S->cmd[me]], S->cmd[me]);
		S->done_seq[me] = seen;
	}
	if (txn_block() != TXN_BLOCK_IDLE)
		txn_rollback_block();
	return 0;
}

static bool
session_blocked(pid_t p)
{
	int slot = tenv_child_slot(p);

	return atomic_load(&lock_procs[slot].lp_wait_status) == LW_WAITING;
}

static void
setup_rows(void)
{
	lwlock_init(&S->lk, 99);
	txn_stmt_start();
	sim_insert(1, 10);
	sim_insert(2, 20);
	txn_stmt_end();
}

/* Run steps at isolation level `level` with `nsess` sessions, then check expectations. */
static void
run_scenario(const char *name, const step *steps, int nsteps, int nsess, int level)
{
	pid_t p[4];

	S = tenv_shared_scratch(sizeof(sim));
	setup_rows();
	S->level = level;
	cur_steps = steps;
	for (int i = 0; i < nsess; i++)
		p[i] = tenv_fork(session_main, (void *)(intptr_t)i);
	for (int k = 0; k < nsteps; k++) {
		int s = steps[k].s;

		/* a session runs one step at a time */
		WAIT_UNTIL(S->done_seq[s] == S->cmd_seq[s]);
		S->res[k] = ANY;
		S->cmd[s] = k;
		S->cmd_seq[s]++;
		WAIT_UNTIL(S->done_seq[s] == S->cmd_seq[s] || session_blocked(p[s]));
		if (steps[k].expect[level] == BLOCKS)
			ck_assert_msg(S->done_seq[s] != S->cmd_seq[s], "%s/%s: step %d should block", name,
			              txn_isolation_name(level), k);
	}
	for (int i = 0; i < nsess; i++)
		WAIT_UNTIL(S->done_seq[i] == S->cmd_seq[i]);
	S->quit = 1;
	for (int i = 0; i < nsess; i++)
		ck_assert_int_eq(tenv_wait(p[i]), 0);
	for (int k = 0; k < nsteps; k++) {
		int e = steps[k].expect[level];

		if (e == ANY || e == BLOCKS)
			continue;
		if (e == ERR)
			ck_assert_msg(S->res[k] == ERR && strcmp(S->err[k], steps[k].err[level]) == 0,
			              "%s/%s: step %d: expected error %s, got %d %s", name,
			              txn_isolation_name(level), k, steps[k].err[level], S->res[k], S->err[k]);
		else
			ck_assert_msg(S->res[k] == e, "%s/%s: step %d: expected %d, got %d (%s)", name,
			              txn_isolation_name(level), k, e, S->res[k], S->err[k]);
	}
}

/* final committed value of key, read by a new transaction */
static int
final_value(int key)
{
	int v;

	txn_stmt_start();
	v = sim_read(key, false);
	txn_stmt_end();
	return v;
}

#define ALL(v) { v, v, v }
#define NOERR { NULL, NULL, NULL }

/* G0: write cycles (dirty writes) are prevented at every level */
static const step g0[] = {
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },
	{ 0, 'u', 1, 11, ALL(1), NOERR },
	{ 1, 'u', 1, 12, ALL(BLOCKS), NOERR },
	{ 0, 'u', 2, 21, ALL(1), NOERR },
	{ 0, 'c', 0, 0, ALL(1), NOERR },
	{ 1, 'u', 2, 22, { 1, ERR, ERR }, { NULL, "25P02", "25P02" } },
	{ 1, 'c', 0, 0, { 1, 0, 0 }, NOERR },
};

/* G1a: aborted reads */
static const step g1a[] = {
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },
	{ 0, 'u', 1, 101, ALL(1), NOERR },
	{ 1, 'r', 1, 0, ALL(10), NOERR },
	{ 0, 'a', 0, 0, ALL(ANY), NOERR },
	{ 1, 'r', 1, 0, ALL(10), NOERR },
	{ 1, 'c', 0, 0, ALL(1), NOERR },
};

/* G1b: intermediate reads */
static const step g1b[] = {
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },
	{ 0, 'u', 1, 101, ALL(1), NOERR },
	{ 1, 'r', 1, 0, ALL(10), NOERR },
	{ 0, 'u', 1, 11, ALL(1), NOERR },
	{ 0, 'c', 0, 0, ALL(1), NOERR },
	{ 1, 'r', 1, 0, { 11, 10, 10 }, NOERR },
	{ 1, 'c', 0, 0, ALL(1), NOERR },
};

/* G1c: circular information flow */
static const step g1c[] = {
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },
	{ 0, 'u', 1, 11, ALL(1), NOERR },
	{ 1, 'u', 2, 22, ALL(1), NOERR },
	{ 0, 'r', 2, 0, ALL(20), NOERR },
	{ 1, 'r', 1, 0, ALL(10), NOERR },
	{ 0, 'c', 0, 0, ALL(1), NOERR },
	{ 1, 'c', 0, 0, { 1, 1, ERR }, { NULL, NULL, "40001" } },
};

/* OTV: observed transaction vanishes */
static const step otv[] = {
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },
	{ 2, 'b', 0, 0, ALL(ANY), NOERR },
	{ 0, 'u', 1, 11, ALL(1), NOERR },
	{ 0, 'u', 2, 19, ALL(1), NOERR },
	{ 1, 'u', 1, 12, ALL(BLOCKS), NOERR },
	{ 0, 'c', 0, 0, ALL(1), NOERR },
	{ 2, 'r', 1, 0, ALL(11), NOERR },
	{ 1, 'u', 2, 18, { 1, ERR, ERR }, { NULL, "25P02", "25P02" } },
	{ 2, 'r', 2, 0, ALL(19), NOERR },
	{ 1, 'c', 0, 0, { 1, 0, 0 }, NOERR },
	{ 2, 'r', 2, 0, { 18, 19, 19 }, NOERR },
	{ 2, 'r', 1, 0, { 12, 11, 11 }, NOERR },
	{ 2, 'c', 0, 0, ALL(1), NOERR },
};

/* PMP: predicate-many-preceders */
static const step pmp[] = {
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },
	{ 0, 'p', 0, 0, ALL(0), NOERR },
	{ 1, 'i', 3, 30, ALL(1), NOERR },
	{ 1, 'c', 0, 0, ALL(1), NOERR },
	{ 0, 'p', 0, 0, { 1, 0, 0 }, NOERR },
	{ 0, 'c', 0, 0, ALL(1), NOERR },
};

/* P4: lost update */
static const step p4[] = {
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },
	{ 0, 'r', 1, 0, ALL(10), NOERR },
	{ 1, 'r', 1, 0, ALL(10), NOERR },
	{ 0, 'u', 1, 11, ALL(1), NOERR },
	{ 1, 'u', 1, 11, ALL(BLOCKS), NOERR },
	{ 0, 'c', 0, 0, ALL(1), NOERR },
	{ 1, 'c', 0, 0, { 1, 0, 0 }, NOERR },
};

/* G-single: read skew */
static const step gsingle[] = {
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },
	{ 0, 'r', 1, 0, ALL(10), NOERR },
	{ 1, 'r', 1, 0, ALL(10), NOERR },
	{ 1, 'r', 2, 0, ALL(20), NOERR },
	{ 1, 'u', 1, 12, ALL(1), NOERR },
	{ 1, 'u', 2, 18, ALL(1), NOERR },
	{ 1, 'c', 0, 0, ALL(1), NOERR },
	{ 0, 'r', 2, 0, { 18, 20, 20 }, NOERR },
	{ 0, 'c', 0, 0, ALL(1), NOERR },
};

/* G2-item: write skew */
static const step g2item[] = {
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },
	{ 0, 'r', 1, 0, ALL(10), NOERR },
	{ 0, 'r', 2, 0, ALL(20), NOERR },
	{ 1, 'r', 1, 0, ALL(10), NOERR },
	{ 1, 'r', 2, 0, ALL(20), NOERR },
	{ 0, 'u', 1, 11, ALL(1), NOERR },
	{ 1, 'u', 2, 21, ALL(1), NOERR },
	{ 0, 'c', 0, 0, ALL(1), NOERR },
	{ 1, 'c', 0, 0, { 1, 1, ERR }, { NULL, NULL, "40001" } },
};

/* G2: anti-dependency cycles through predicates */
static const step g2[] = {
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },
	{ 0, 'p', 0, 0, ALL(0), NOERR },
	{ 1, 'p', 0, 0, ALL(0), NOERR },
	{ 0, 'i', 3, 30, ALL(1), NOERR },
	{ 1, 'i', 4, 42, ALL(1), NOERR },
	{ 0, 'c', 0, 0, ALL(1), NOERR },
	{ 1, 'c', 0, 0, { 1, 1, ERR }, { NULL, NULL, "40001" } },
};

/* The read-only anomaly (Fekete, O'Neil, O'Neil 2004): T3 reads what T1 wrote but not T2's
 * write that T1 depends on.  Serializable must abort one of them. */
static const step readonly_anomaly[] = {
	{ 1, 'b', 0, 0, ALL(ANY), NOERR },                 /* T2: deposit */
	{ 1, 'r', 1, 0, ALL(10), NOERR },
	{ 1, 'r', 2, 0, ALL(20), NOERR },
	{ 0, 'b', 0, 0, ALL(ANY), NOERR },                 /* T1: sets the batch closed */
	{ 0, 'u', 2, 21, ALL(1), NOERR },
	{ 0, 'c', 0, 0, ALL(1), NOERR },
	{ 2, 'b', 0, 0, ALL(ANY), NOERR },                 /* T3: report */
	{ 2, 'r', 1, 0, ALL(10), NOERR },
	{ 2, 'r', 2, 0, ALL(21), NOERR },
	{ 2, 'c', 0, 0, ALL(1), NOERR },
	{ 1, 'u', 1, 11, { 1, 1, ERR }, { NULL, NULL, "40001" } }, /* T2 is the pivot */
	{ 1, 'c', 0, 0, { 1, 1, 0 }, NOERR },
};

#define SCEN(fn, steps, nsess)                                                          \
	START_TEST(fn)                                                                      \
	{                                                                                   \
		run_scenario(#fn, steps, (int)(sizeof(steps) / sizeof(steps[0])), nsess, _i);   \
	}                                                                                   \
	END_TEST

SCEN(hermitage_g1a, g1a, 2)
SCEN(hermitage_g1b, g1b, 2)
SCEN(hermitage_g1c, g1c, 2)
SCEN(hermitage_pmp, pmp, 2)
SCEN(hermitage_p4_lost_update, p4, 2)
SCEN(hermitage_g_single_read_skew, gsingle, 2)
SCEN(hermitage_g2_item_write_skew, g2item, 2)
SCEN(hermitage_g2_predicate, g2, 2)
SCEN(serializable_read_only_anomaly, readonly_anomaly, 3)

START_TEST(hermitage_g0_write_cycles)
{
	run_scenario("g0", g0, (int)(sizeof(g0) / sizeof(g0[0])), 2, _i);
	/* at read committed the second writer's updates won; above it they were refused */
	ck_assert_int_eq(final_value(1), _i == 0 ? 12 : 11);
	ck_assert_int_eq(final_value(2), _i == 0 ? 22 : 21);
}
END_TEST

START_TEST(hermitage_otv_observed_transaction_vanishes)
{
	run_scenario("otv", otv, (int)(sizeof(otv) / sizeof(otv[0])), 3, _i);
	ck_assert_int_eq(final_value(1), _i == 0 ? 12 : 11);
}
END_TEST

START_TEST(read_committed_update_rechecks_the_newest_version)
{
	run_scenario("p4", p4, (int)(sizeof(p4) / sizeof(p4[0])), 2, TXN_READ_COMMITTED);
	ck_assert_int_eq(final_value(1), 11);
	ck_assert_int_eq(S->n, 4); /* two initial rows, two versions of row 1 */
}
END_TEST

/* ---- SSI internals ------------------------------------------------------------------------- */

START_TEST(ssi_promotes_tuple_locks_to_page_and_relation)
{
	int sx;

	txn_begin_block(TXN_SERIALIZABLE, -1);
	txn_stmt_start();
	txn_get_snapshot();
	sx = ssi_me;
	ck_assert_int_ge(sx, 0);
	txn_ssi_lock_tuple(1, 7, 0, 1);
	txn_ssi_lock_tuple(1, 7, 0, 2);
	txn_ssi_lock_tuple(1, 7, 0, 2); /* again: nothing new */
	ck_assert_int_eq(ssi_count_locks(sx, SSI_TUPLE), 2);
	txn_ssi_lock_tuple(1, 7, 0, 3); /* third on the page: promoted */
	ck_assert_int_eq(ssi_count_locks(sx, SSI_TUPLE), 0);
	ck_assert_int_eq(ssi_count_locks(sx, SSI_PAGE), 1);
	txn_ssi_lock_tuple(1, 7, 0, 9); /* covered by the page lock */
	ck_assert_int_eq(ssi_count_locks(sx, 0), 1);
	for (uint32_t b = 1; b <= SSI_PAGES_PER_REL; b++)
		txn_ssi_lock_page(1, 7, b);
	ck_assert_int_eq(ssi_count_locks(sx, SSI_REL), 1);
	ck_assert_int_eq(ssi_count_locks(sx, 0), 1);
	txn_ssi_lock_tuple(1, 7, 99, 1); /* covered by the relation lock */
	ck_assert_int_eq(ssi_count_locks(sx, 0), 1);
	txn_ssi_lock_relation(1, 8);
	ck_assert_int_eq(ssi_count_locks(sx, SSI_REL), 2);
	txn_stmt_end();
	txn_rollback_block();
	ck_assert_int_eq(ssi_active_xacts(), 0); /* rolled back: gone at once */
}
END_TEST

START_TEST(ssi_keeps_committed_readers_while_overlapping_transactions_run)
{
	int a, b;

	/* a and b overlap; a reads and commits; b writes what a read later: rw-conflict a -> b */
	a = ssi_register(proc_my_index, 0);
	b = ssi_register(proc_my_index, 0);
	ssi_me = a;
	{
		ssi_tag t = { SSI_REL, 0, 0, 1, 5, 0 };

		ssi_lock_target(a, &t);
		ssi_pre_commit(a);
		ssi_release(a, true);
		ck_assert_int_eq(ssi_active_xacts(), 2); /* a is kept: b overlapped it */
		ssi_me = b;
		ssi_check_in(b, &t);
		ck_assert_int_eq(ssi_count_edges(b), 1);
	}
	ssi_pre_commit(b);
	ssi_release(b, true);
	ck_assert_int_eq(ssi_active_xacts(), 0); /* nobody overlaps them any more */
}
END_TEST

START_TEST(ssi_structures_doom_the_pivot)
{
	int t1, t2, t3;

	/* t1 -> t2 -> t3 with t3 committing first: t2 is doomed */
	t1 = ssi_register(proc_my_index, 0);
	t2 = ssi_register(proc_my_index, 0);
	t3 = ssi_register(proc_my_index, 0);
	ssi_add_conflict(t1, t2, t1);
	ssi_add_conflict(t2, t3, t1);
	ck_assert(!ssi_is_doomed(t2));
	ssi_pre_commit(t3);
	ck_assert(ssi_is_doomed(t2));
	ck_assert(!ssi_is_doomed(t1));
	EXPECT_ERROR("40001", ssi_pre_commit(t2));
	ck_assert_ptr_nonnull(strstr(err_last()->detail, "pivot"));
	ssi_release(t2, false);
	ssi_pre_commit(t1); /* the cycle is broken: t1 commits */
	ssi_release(t3, true);
	ssi_release(t1, true);
	ck_assert_int_eq(ssi_active_xacts(), 0);
	/* a structure completed by the caller itself, as pivot after tout committed: raise now */
	t1 = ssi_register(proc_my_index, 0);
	t2 = ssi_register(proc_my_index, 0);
	t3 = ssi_register(proc_my_index, 0);
	ssi_add_conflict(t2, t3, t2);
	ssi_pre_commit(t3);
	EXPECT_ERROR("40001", ssi_add_conflict(t1, t2, t2));
	ssi_release(t2, false);
	ssi_release(t1, false);
	ssi_release(t3, true);
	/* serial histories raise nothing: t1 -> t2 where t1 commits before t2 started */
	t1 = ssi_register(proc_my_index, 0);
	ssi_pre_commit(t1);
	ssi_release(t1, true);
	t2 = ssi_register(proc_my_index, 0);
	ssi_pre_commit(t2);
	ssi_release(t2, true);
	ck_assert_int_eq(ssi_active_xacts(), 0);
}
END_TEST

START_TEST(ssi_page_split_carries_locks_to_the_new_page)
{
	int r, w;
	ssi_tag newpage = { SSI_PAGE, 0, 0, 1, 9, 42 };

	r = ssi_register(proc_my_index, 0);
	w = ssi_register(proc_my_index, 0);
	ssi_me = r;
	txn_ssi_lock_page(1, 9, 41);
	txn_ssi_page_split(1, 9, 41, 42);
	ssi_me = w;
	ssi_check_in(w, &newpage);
	ck_assert_int_eq(ssi_count_edges(r), 1);
	ssi_release(r, false);
	ssi_release(w, false);
	ssi_me = -1;
}
END_TEST

/* ---- the catalog's hooks ------------------------------------------------------------------ */

static txn_xid
committed_xid(bool commit)
{
	txn_xid x;

	txn_begin_block(-1, -1);
	x = txn_assign_xid();
	if (commit)
		txn_commit_block();
	else
		txn_rollback_block();
	return x;
}

START_TEST(catalog_hooks_apply_mvcc_to_catalog_rows)
{
	txn_xid c1 = committed_xid(true), a1 = committed_xid(false), c2, mine, sub;
	cat_snapshot cs, none = { 0 };
	pid_t p;

	B = tenv_shared_scratch(sizeof(board));
	p = tenv_fork(child_holds_xid, (void *)0); /* a running transaction */
	WAIT_UNTIL(B->step[0] == 1);
	ck_assert_int_eq(txn_catalog_xid_state(TXN_BOOTSTRAP_XID), CAT_XID_COMMITTED);
	ck_assert_int_eq(txn_catalog_xid_state(TXN_INVALID_XID), CAT_XID_ABORTED);
	ck_assert_int_eq(txn_catalog_xid_state(c1), CAT_XID_COMMITTED);
	ck_assert_int_eq(txn_catalog_xid_state(a1), CAT_XID_ABORTED);
	ck_assert_int_eq(txn_catalog_xid_state(B->xid[0]), CAT_XID_IN_PROGRESS);
	txn_begin_block(TXN_REPEATABLE_READ, -1);
	mine = txn_assign_xid();
	txn_savepoint("s");
	sub = txn_assign_xid();
	ck_assert_int_eq(txn_catalog_xid_state(mine), CAT_XID_IN_PROGRESS);
	txn_stmt_start();
	txn_catalog_snapshot(&cs);
	ck_assert_uint_eq(cs.cs_xid, mine);
	ck_assert_uint_eq(cs.cs_nsubxids, 1);
	ck_assert_uint_eq(cs.cs_subxids[0], sub);
	ck_assert_ptr_nonnull(cs.cs_txn);
	ck_assert(txn_catalog_visible(c1, 0, &cs));                     /* committed before */
	ck_assert(!txn_catalog_visible(a1, 0, &cs));                    /* aborted */
	ck_assert(!txn_catalog_visible(B->xid[0], 0, &cs));             /* running */
	ck_assert(!txn_catalog_visible(TXN_FROZEN_XID, c1, &cs));       /* dropped, committed */
	ck_assert(txn_catalog_visible(TXN_FROZEN_XID, a1, &cs));        /* drop rolled back */
	ck_assert(txn_catalog_visible(TXN_FROZEN_XID, B->xid[0], &cs)); /* drop in progress */
	txn_stmt_end();
	B->go[0] = 1;
	WAIT_UNTIL(B->step[0] == 2);
	ck_assert_int_eq(tenv_wait(p), 0);
	/* the next statement's catalog snapshot is fresh, even at REPEATABLE READ */
	txn_stmt_start();
	txn_catalog_snapshot(&cs);
	ck_assert(txn_catalog_visible(B->xid[0], 0, &cs));
	ck_assert(!txn_xid_in_snapshot(B->xid[0], txn_get_snapshot())); /* taken after: sees it */
	txn_stmt_end();
	txn_rollback_block();
	/* without a snapshot: the latest committed state */
	c2 = committed_xid(true);
	ck_assert(txn_catalog_visible(c2, 0, &none));
	ck_assert(!txn_catalog_visible(c2, c1, NULL));
	ck_assert(!txn_catalog_visible(a1, 0, NULL));
}
END_TEST

static Suite *
txn_suite(void)
{
	Suite *s = suite_create("txn");
	TCase *tc;

	tc = tcase_create("visibility");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, visibility_table_for_a_snapshot);
	tcase_add_test(tc, visibility_with_an_overflowed_snapshot_maps_subxids_to_parents);
	tcase_add_test(tc, combo_cids_keep_cmin_and_cmax_of_own_rows);
	tcase_add_test(tc, update_outcomes_table);
	tcase_add_test(tc, vacuum_outcomes_against_the_horizon);
	tcase_add_test(tc, dirty_visibility_reports_whom_to_wait_for);
	suite_add_tcase(s, tc);

	tc = tcase_create("clog and xids");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, clog_statuses_survive_a_restart);
	tcase_add_test(tc, commits_are_recovered_from_the_log_without_a_checkpoint);
	tcase_add_test(tc, xid_high_water_mark_is_persisted_before_use);
	tcase_add_test(tc, snapshots_see_running_transactions_of_other_processes);
	tcase_add_test(tc, overflowed_subtransactions_are_found_through_subtrans);
	suite_add_tcase(s, tc);

	tc = tcase_create("session");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, state_machine_follows_postgresql);
	tcase_add_test(tc, savepoints_undo_exactly_their_own_work);
	tcase_add_test(tc, commit_is_durable_before_clog_says_committed);
	tcase_add_test(tc, callbacks_see_every_event);
	tcase_add_test(tc, read_committed_snapshots_move_and_release_the_horizon);
	tcase_add_test(tc, concurrent_update_decisions_by_isolation_level);
	suite_add_tcase(s, tc);

	tc = tcase_create("isolation");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, hermitage_g0_write_cycles, 0, 3);
	tcase_add_loop_test(tc, hermitage_g1a, 0, 3);
	tcase_add_loop_test(tc, hermitage_g1b, 0, 3);
	tcase_add_loop_test(tc, hermitage_g1c, 0, 3);
	tcase_add_loop_test(tc, hermitage_otv_observed_transaction_vanishes, 0, 3);
	tcase_add_loop_test(tc, hermitage_pmp, 0, 3);
	tcase_add_loop_test(tc, hermitage_p4_lost_update, 0, 3);
	tcase_add_loop_test(tc, hermitage_g_single_read_skew, 0, 3);
	tcase_add_loop_test(tc, hermitage_g2_item_write_skew, 0, 3);
	tcase_add_loop_test(tc, hermitage_g2_predicate, 0, 3);
	tcase_add_loop_test(tc, serializable_read_only_anomaly, 0, 3);
	tcase_add_test(tc, read_committed_update_rechecks_the_newest_version);
	suite_add_tcase(s, tc);

	tc = tcase_create("ssi");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, ssi_promotes_tuple_locks_to_page_and_relation);
	tcase_add_test(tc, ssi_keeps_committed_readers_while_overlapping_transactions_run);
	tcase_add_test(tc, ssi_structures_doom_the_pivot);
	tcase_add_test(tc, ssi_page_split_carries_locks_to_the_new_page);
	suite_add_tcase(s, tc);

	tc = tcase_create("catalog hooks");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, catalog_hooks_apply_mvcc_to_catalog_rows);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(txn_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
