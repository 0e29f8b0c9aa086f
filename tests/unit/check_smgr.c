/* check_smgr.c — unit tests for lib/smgr: files, segments, truncation, the sync table. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page/page.h"
#include "smgr/smgr.h"
#include "storage_test.h"
#include "util/cfg.h"
#include "util/err.h"

static void setup(void) { st_setup(1 << 20); }
static void teardown(void) { st_teardown(); }

static bool
file_exists(rel_locator loc, fork_num f, uint32_t seg)
{
	char path[PATH_MAX];
	struct stat st;

	smgr_path(loc, f, seg, false, path, sizeof(path));
	return stat(path, &st) == 0;
}

static void
fill(char *buf, uint32_t v)
{
	for (int i = 0; i < PAGE_SIZE / 4; i++)
		memcpy(buf + 4 * i, &v, 4);
}

START_TEST(paths_name_database_relfilenode_fork_and_segment)
{
	rel_locator loc = { 5, 16384 };
	char buf[256];

	smgr_path(loc, FORK_MAIN, 0, true, buf, sizeof(buf));
	ck_assert_str_eq(buf, "base/5/16384");
	smgr_path(loc, FORK_FSM, 0, true, buf, sizeof(buf));
	ck_assert_str_eq(buf, "base/5/16384_fsm");
	smgr_path(loc, FORK_OVF, 3, true, buf, sizeof(buf));
	ck_assert_str_eq(buf, "base/5/16384_ovf.3");
	smgr_path(loc, FORK_MAIN, 1, false, buf, sizeof(buf));
	ck_assert(strncmp(buf, st_dir(), strlen(st_dir())) == 0);
	ck_assert_str_eq(smgr_display_name(smgr_open(loc)), "base/5/16384");
	smgr_set_name(smgr_open(loc), "accounts");
	ck_assert_str_eq(smgr_display_name(smgr_open(loc)), "accounts");
}
END_TEST

START_TEST(blocks_round_trip_across_segments_and_truncate)
{
	rel_locator loc = { 1, 100 };
	smgr_rel *r;
	char buf[PAGE_SIZE], out[PAGE_SIZE];

	smgr_seg_blocks = 4;
	r = smgr_open(loc);
	ck_assert(!smgr_exists(r, FORK_MAIN));
	ck_assert_uint_eq(smgr_nblocks(r, FORK_MAIN), 0);
	smgr_create(r, FORK_MAIN, false);
	ck_assert(smgr_exists(r, FORK_MAIN));
	for (uint32_t b = 0; b < 10; b++) {
		fill(buf, b * 7 + 1);
		smgr_extend(r, FORK_MAIN, b, buf);
		ck_assert_uint_eq(smgr_nblocks(r, FORK_MAIN), b + 1);
	}
	ck_assert(file_exists(loc, FORK_MAIN, 1));
	ck_assert(file_exists(loc, FORK_MAIN, 2));
	ck_assert(!file_exists(loc, FORK_MAIN, 3));
	fill(buf, 999);
	smgr_write(r, FORK_MAIN, 6, buf);
	for (uint32_t b = 0; b < 10; b++) {
		smgr_read(r, FORK_MAIN, b, out);
		fill(buf, b == 6 ? 999 : b * 7 + 1);
		ck_assert(memcmp(buf, out, PAGE_SIZE) == 0);
	}
	smgr_truncate(r, FORK_MAIN, 5);
	ck_assert_uint_eq(smgr_nblocks(r, FORK_MAIN), 5);
	ck_assert(!file_exists(loc, FORK_MAIN, 2));
	smgr_read(r, FORK_MAIN, 4, out);
	fill(buf, 4 * 7 + 1);
	ck_assert(memcmp(buf, out, PAGE_SIZE) == 0);
	smgr_truncate(r, FORK_MAIN, 4);
	ck_assert_uint_eq(smgr_nblocks(r, FORK_MAIN), 4);
	smgr_extend_to(r, FORK_MAIN, 9);
	ck_assert_uint_eq(smgr_nblocks(r, FORK_MAIN), 9);
	smgr_read(r, FORK_MAIN, 8, out);
	ck_assert(out[100] == 0 && out[PAGE_SIZE - 1] == 0);
	smgr_truncate(r, FORK_MAIN, 0);
	ck_assert_uint_eq(smgr_nblocks(r, FORK_MAIN), 0);
	ck_assert(smgr_exists(r, FORK_MAIN));
}
END_TEST

START_TEST(unlink_removes_every_fork_and_segment)
{
	rel_locator loc = { 1, 200 };
	smgr_rel *r;

	smgr_seg_blocks = 2;
	r = smgr_open(loc);
	smgr_create(r, FORK_MAIN, false);
	smgr_extend_to(r, FORK_MAIN, 5);
	smgr_extend_to(r, FORK_FSM, 1);
	smgr_extend_to(r, FORK_OVF, 3);
	ck_assert(file_exists(loc, FORK_MAIN, 2));
	ck_assert(file_exists(loc, FORK_OVF, 1));
	smgr_unlink(loc);
	for (int f = 0; f < SMGR_NFORKS; f++)
		for (uint32_t s = 0; s < 3; s++)
			ck_assert(!file_exists(loc, (fork_num)f, s));
	ck_assert_uint_eq(smgr_nblocks(smgr_open(loc), FORK_MAIN), 0);
}
END_TEST

static void
read_beyond_end(void *arg)
{
	rel_locator loc = { 1, 300 };
	smgr_rel *r = smgr_open(loc);
	char buf[PAGE_SIZE];

	smgr_create(r, FORK_MAIN, true);
	smgr_extend_to(r, FORK_MAIN, 2);
	smgr_read(r, FORK_MAIN, 2, buf);
}

static void
create_twice(void *arg)
{
	rel_locator loc = { 1, 301 };
	smgr_rel *r = smgr_open(loc);

	smgr_create(r, FORK_MAIN, false);
	smgr_create(r, FORK_MAIN, false);
}

static void
read_missing_file(void *arg)
{
	rel_locator loc = { 1, 302 };
	char buf[PAGE_SIZE];

	smgr_read(smgr_open(loc), FORK_MAIN, 0, buf);
}

START_TEST(errors_name_the_file_and_reason)
{
	char msg[512];

	ck_assert_str_eq(st_catch(read_beyond_end, NULL, msg, sizeof(msg)), "58030");
	ck_assert_msg(strstr(msg, "could not read block 2 in file \"base/1/300\"") != NULL, "%s", msg);
	ck_assert_msg(strstr(msg, "read only 0 of 8192 bytes") != NULL, "%s", msg);
	ck_assert_str_eq(st_catch(create_twice, NULL, msg, sizeof(msg)), "58030");
	ck_assert_msg(strstr(msg, "File exists") != NULL, "%s", msg);
	ck_assert_str_eq(st_catch(read_missing_file, NULL, msg, sizeof(msg)), "58030");
	ck_assert_msg(strstr(msg, "No such file") != NULL, "%s", msg);
}
END_TEST

START_TEST(writes_are_queued_for_the_checkpointer_and_deduplicated)
{
	rel_locator loc = { 1, 400 };
	smgr_rel *r = smgr_open(loc);
	char buf[PAGE_SIZE];

	settings.fsync = true;
	smgr_seg_blocks = 2;
	memset(buf, 1, sizeof(buf));
	smgr_create(r, FORK_MAIN, false);
	for (uint32_t b = 0; b < 5; b++)
		smgr_extend(r, FORK_MAIN, b, buf);
	smgr_write(r, FORK_MAIN, 0, buf);
	ck_assert_int_eq(smgr_sync_queued(), 3); /* three segments */
	ck_assert_int_eq(smgr_sync_pending(), 3);
	ck_assert_int_eq(smgr_sync_queued(), 0);
	smgr_write(r, FORK_MAIN, 1, buf);
	ck_assert_int_eq(smgr_sync_queued(), 1);
	smgr_unlink(loc);
	ck_assert_int_eq(smgr_sync_pending(), 0); /* the file is gone: nothing to sync */
	smgr_immedsync(smgr_open(loc), FORK_MAIN); /* no file: no-op */
}
END_TEST

START_TEST(a_full_sync_table_makes_the_writer_sync_itself)
{
	char buf[PAGE_SIZE];
	int cap = SMGR_SYNC_SLOTS * 3 / 4;

	settings.fsync = true;
	memset(buf, 2, sizeof(buf));
	for (int i = 0; i < cap + 10; i++) {
		rel_locator loc = { 2, 1000 + (Oid)i };
		smgr_rel *r = smgr_open(loc);

		smgr_create(r, FORK_MAIN, false);
		smgr_extend(r, FORK_MAIN, 0, buf);
		smgr_close(r);
	}
	/* the table stopped at its cap; the ten beyond it were fsynced by their writers (not
	 * syncing the cap's worth here: thousands of fsyncs on a disk take many seconds) */
	ck_assert_int_eq(smgr_sync_queued(), cap);
}
END_TEST

static int pipe_go[2], pipe_done[2];

static int
child_watch_size(void *arg, int i)
{
	rel_locator loc = { 1, 500 };
	smgr_rel *r = smgr_open(loc);
	uint32_t before, after;
	char c;

	(void)arg;
	(void)i;
	before = smgr_nblocks(r, FORK_MAIN);
	if (write(pipe_done[1], "r", 1) != 1 || read(pipe_go[0], &c, 1) != 1)
		return 3;
	after = smgr_nblocks(r, FORK_MAIN);
	return before == 6 && after == 1 ? 0 : 4;
}

START_TEST(other_processes_see_truncation_at_once)
{
	rel_locator loc = { 1, 500 };
	smgr_rel *r = smgr_open(loc);
	pid_t pid;
	char c;

	smgr_seg_blocks = 2;
	smgr_create(r, FORK_MAIN, false);
	smgr_extend_to(r, FORK_MAIN, 6);
	ck_assert_int_eq(pipe(pipe_go), 0);
	ck_assert_int_eq(pipe(pipe_done), 0);
	pid = st_fork_worker(child_watch_size, NULL, 0);
	ck_assert_int_eq(read(pipe_done[0], &c, 1), 1);
	smgr_truncate(r, FORK_MAIN, 1);
	ck_assert_int_eq(write(pipe_go[1], "g", 1), 1);
	ck_assert_int_eq(st_wait(pid), 0);
}
END_TEST

static Suite *
smgr_suite(void)
{
	Suite *s = suite_create("smgr");
	TCase *tc = tcase_create("files");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, paths_name_database_relfilenode_fork_and_segment);
	tcase_add_test(tc, blocks_round_trip_across_segments_and_truncate);
	tcase_add_test(tc, unlink_removes_every_fork_and_segment);
	tcase_add_test(tc, errors_name_the_file_and_reason);
	tcase_add_test(tc, other_processes_see_truncation_at_once);
	suite_add_tcase(s, tc);

	tc = tcase_create("sync");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, writes_are_queued_for_the_checkpointer_and_deduplicated);
	tcase_add_test(tc, a_full_sync_table_makes_the_writer_sync_itself);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return st_run(smgr_suite());
}
