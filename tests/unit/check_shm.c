/* check_shm.c — the process table, the segment, the stats region and pollable latches. */
#include <check.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shm/latch.h"
#include "shm/proc.h"
#include "tests/unit/proc_fixture.h"
#include "shm/shm.h"
#include "shm/stats.h"
#include "util/cfg.h"

START_TEST(table_has_room_for_connections_and_auxiliaries)
{
	ck_assert_uint_eq(proc_tab->pt_nslots, 4 + 32);
	ck_assert_uint_eq(proc_nslots(), 4 + 32);
	ck_assert_int_eq(proc_tab->pt_supervisor_pid, getpid());
	ck_assert_int_eq(proc_tab->pt_port, settings.port);
}
END_TEST

START_TEST(alloc_gives_distinct_starting_slots)
{
	int a = proc_slot_alloc(ROLE_WORKER), b = proc_slot_alloc(ROLE_LISTENER);

	ck_assert_int_ge(a, 0);
	ck_assert_int_ne(a, b);
	ck_assert_uint_eq(atomic_load(&proc_tab->pt_slots[a].ps_state), PS_STARTING);
	ck_assert_uint_eq(proc_tab->pt_slots[b].ps_role, ROLE_LISTENER);
	ck_assert_int_gt(proc_tab->pt_slots[a].ps_start_time, 0);
}
END_TEST

START_TEST(free_and_reuse_bumps_generation_and_clears_the_slot)
{
	int a = proc_slot_alloc(ROLE_WORKER), b;
	uint32_t gen = proc_tab->pt_slots[a].ps_generation;

	strcpy(proc_tab->pt_slots[a].ps_user, "alice");
	atomic_store(&proc_tab->pt_slots[a].ps_interrupts, PI_CANCEL);
	proc_slot_free(a);
	ck_assert_uint_eq(atomic_load(&proc_tab->pt_slots[a].ps_state), PS_FREE);
	b = proc_slot_alloc(ROLE_METRICS);
	ck_assert_int_eq(a, b);
	ck_assert_uint_eq(proc_tab->pt_slots[b].ps_generation, gen + 1);
	ck_assert_str_eq(proc_tab->pt_slots[b].ps_user, "");
	ck_assert_uint_eq(atomic_load(&proc_tab->pt_slots[b].ps_interrupts), 0);
}
END_TEST

START_TEST(full_table_refuses)
{
	for (uint32_t i = 0; i < proc_nslots(); i++)
		ck_assert_int_ge(proc_slot_alloc(ROLE_WORKER), 0);
	ck_assert_int_eq(proc_slot_alloc(ROLE_WORKER), -1);
}
END_TEST

START_TEST(attach_sets_this_process)
{
	int a = proc_slot_alloc(ROLE_WALWRITER);

	proc_attach(a);
	ck_assert_ptr_eq(proc_me, &proc_tab->pt_slots[a]);
	ck_assert_int_eq(proc_my_index, a);
	ck_assert_int_eq(proc_me->ps_pid, getpid());
}
END_TEST

START_TEST(count_filters_by_role_and_state)
{
	int a = proc_slot_alloc(ROLE_WORKER), b = proc_slot_alloc(ROLE_WORKER);

	proc_slot_alloc(ROLE_LISTENER);
	atomic_store(&proc_tab->pt_slots[a].ps_state, PS_READY);
	atomic_store(&proc_tab->pt_slots[b].ps_state, PS_SESSION);
	ck_assert_int_eq(proc_count(ROLE_WORKER, 1 << PS_READY), 1);
	ck_assert_int_eq(proc_count(ROLE_WORKER, (1 << PS_READY) | (1 << PS_SESSION)), 2);
	ck_assert_int_eq(proc_count(ROLE_LISTENER, 1 << PS_STARTING), 1);
	ck_assert_int_eq(proc_count(ROLE_METRICS, ~0), 0);
}
END_TEST

START_TEST(role_and_state_names)
{
	for (int r = ROLE_LISTENER; r < ROLE_COUNT; r++)
		ck_assert_int_eq(proc_role_from_name(proc_role_name((proc_role)r)), r);
	ck_assert_str_eq(proc_role_name(ROLE_WALWRITER), "walwriter");
	ck_assert_str_eq(proc_role_name(ROLE_RECOVERY), "recovery");
	ck_assert_str_eq(proc_role_name(ROLE_COUNT), "?");
	ck_assert_int_eq(proc_role_from_name("postmaster"), ROLE_NONE);
	ck_assert_str_eq(proc_state_name(PS_CLAIMED), "claimed");
	ck_assert_str_eq(proc_state_name(99), "?");
}
END_TEST

/* ---- the segment --------------------------------------------------------------------- */

static char segname[64];

static void
segment_setup(void)
{
	cfg_init_defaults();
	settings.max_connections = 8;
	snprintf(segname, sizeof(segname), "/phantom.unittest.%d", (int)getpid());
	shm_remove_stale(segname);
}

static void
segment_teardown(void)
{
	shm_destroy();
	shm_remove_stale(segname);
}

START_TEST(create_lays_out_proc_and_stats)
{
	char err[256];

	ck_assert_int_eq(shm_create(segname, err, sizeof(err)), 0);
	ck_assert_ptr_nonnull(shm_region("proc"));
	ck_assert_ptr_nonnull(shm_region("stats"));
	ck_assert_ptr_null(shm_region("nothing"));
	ck_assert_ptr_eq(stats_shm(), shm_region("stats"));
	ck_assert_int_gt(atomic_load(&stats_shm()->st_server_start_us), 0);
	/* a second create of the same name is refused */
	{
		shm_header *mine = shm_hdr;

		ck_assert_int_eq(shm_create(segname, err, sizeof(err)), -1);
		ck_assert(strstr(err, "could not create shared memory segment") != NULL);
		shm_hdr = mine;
	}
}
END_TEST

START_TEST(tools_attach_read_only_and_see_the_table)
{
	char err[256];
	int status, slot;
	pid_t pid;

	ck_assert_int_eq(shm_create(segname, err, sizeof(err)), 0);
	proc_tab = shm_region("proc");
	slot = proc_slot_alloc(ROLE_CHECKPOINTER);
	stats_add(&stats_shm()->st_connections, 5);
	pid = fork();
	if (pid == 0) {
		shm_hdr = NULL;
		proc_tab = NULL;
		if (shm_attach_readonly(segname, err, sizeof(err)) != 0)
			_exit(1);
		if (proc_tab->pt_slots[slot].ps_role != ROLE_CHECKPOINTER)
			_exit(2);
		if (atomic_load(&stats_shm()->st_connections) != 5)
			_exit(3);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

START_TEST(attach_to_a_missing_segment_fails)
{
	char err[256];

	ck_assert_int_eq(shm_attach_readonly("/phantom.no.such.segment", err, sizeof(err)), -1);
	ck_assert(strstr(err, "could not open shared memory segment") != NULL);
}
END_TEST

START_TEST(stale_segment_removal)
{
	char err[256];

	ck_assert_int_eq(shm_create(segname, err, sizeof(err)), 0);
	ck_assert_int_eq(shm_remove_stale(segname), 1);
	ck_assert_int_eq(shm_remove_stale(segname), 0);
}
END_TEST

START_TEST(stats_survive_save_and_restore)
{
	char err[256];
	stats_values v;

	ck_assert_int_eq(shm_create(segname, err, sizeof(err)), 0);
	stats_add(&stats_shm()->st_crash_resets, 2);
	stats_add(&stats_shm()->st_restarts[ROLE_WALWRITER], 3);
	stats_save(&v);
	shm_destroy();
	ck_assert_int_eq(shm_create(segname, err, sizeof(err)), 0);
	ck_assert_uint_eq(atomic_load(&stats_shm()->st_crash_resets), 0);
	stats_restore(&v);
	ck_assert_uint_eq(atomic_load(&stats_shm()->st_crash_resets), 2);
	ck_assert_uint_eq(atomic_load(&stats_shm()->st_restarts[ROLE_WALWRITER]), 3);
	ck_assert_int_eq(atomic_load(&stats_shm()->st_server_start_us), v.server_start_us);
}
END_TEST

START_TEST(stats_without_a_segment_are_harmless)
{
	stats_values v;

	ck_assert_ptr_null(stats_shm());
	stats_add(NULL, 1);
	stats_save(&v);
	ck_assert_uint_eq(v.crash_resets, 0);
	stats_restore(&v);
}
END_TEST

/* ---- pollable latches ------------------------------------------------------------------ */

static bool
readable(int fd, int ms)
{
	struct pollfd pf = { fd, POLLIN, 0 };

	return poll(&pf, 1, ms) == 1;
}

START_TEST(latch_fd_reports_latch_set_and_signals_as_interrupts)
{
	int me = proc_slot_alloc(ROLE_WORKER), fd;

	proc_attach(me);
	fd = latch_fd_open();
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(latch_fd_open(), fd);
	ck_assert_int_eq(latch_fd(), fd);
	ck_assert_uint_eq(atomic_load(&proc_me->ps_latch_signal), 1);
	ck_assert(!readable(fd, 0));

	/* another process's latch_set reaches a poll-based waiter */
	latch_set(me);
	ck_assert(readable(fd, 1000));
	latch_fd_consume();
	ck_assert_uint_eq(atomic_load(&proc_me->ps_latch), 0);
	ck_assert(!readable(fd, 0));

	kill(getpid(), SIGHUP);
	kill(getpid(), SIGTERM);
	kill(getpid(), SIGINT);
	ck_assert(readable(fd, 1000));
	latch_fd_consume();
	ck_assert_uint_eq(atomic_load(&proc_me->ps_interrupts), PI_RELOAD | PI_TERMINATE | PI_CANCEL);
	/* a set latch without a signal pending wakes latch_wait at once */
	latch_set(me);
	latch_fd_consume();
	ck_assert(!latch_wait(0));
	latch_set(me);
	ck_assert(latch_wait(1000));
}
END_TEST

static Suite *
shm_suite(void)
{
	Suite *s = suite_create("shm");
	TCase *tc;

	tc = tcase_create("process table");
	tcase_add_checked_fixture(tc, table_setup, table_teardown);
	tcase_add_test(tc, table_has_room_for_connections_and_auxiliaries);
	tcase_add_test(tc, alloc_gives_distinct_starting_slots);
	tcase_add_test(tc, free_and_reuse_bumps_generation_and_clears_the_slot);
	tcase_add_test(tc, full_table_refuses);
	tcase_add_test(tc, attach_sets_this_process);
	tcase_add_test(tc, count_filters_by_role_and_state);
	tcase_add_test(tc, role_and_state_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("segment");
	tcase_add_checked_fixture(tc, segment_setup, segment_teardown);
	tcase_add_test(tc, create_lays_out_proc_and_stats);
	tcase_add_test(tc, tools_attach_read_only_and_see_the_table);
	tcase_add_test(tc, attach_to_a_missing_segment_fails);
	tcase_add_test(tc, stale_segment_removal);
	tcase_add_test(tc, stats_survive_save_and_restore);
	tcase_add_test(tc, stats_without_a_segment_are_harmless);
	suite_add_tcase(s, tc);

	tc = tcase_create("latch");
	tcase_add_checked_fixture(tc, table_setup, table_teardown);
	tcase_add_test(tc, latch_fd_reports_latch_set_and_signals_as_interrupts);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(shm_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
