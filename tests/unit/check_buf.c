/* check_buf.c — unit tests for lib/buf, the shared buffer pool. */
#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf/buf.h"
#include "shm/lwlock.h"
#include "storage_test.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

static void setup_small(void) { st_setup(16 * PAGE_SIZE); }
static void setup_64(void) { st_setup(64 * PAGE_SIZE); }
/* Processes racing for the same blocks may each grab a victim before finding the block
 * loaded by another; a roomy pool keeps such wasted victims from evicting loaded blocks. */
static void setup_512(void) { st_setup(512 * PAGE_SIZE); }
static void teardown(void) { st_teardown(); }

typedef struct payload {
	uint32_t blk;
	uint32_t pad;
	uint64_t value;
} payload;

static payload *
pl(buf_id b)
{
	return (payload *)page_special(buf_page(b));
}

/* A relation of n blocks, block b holding value b * 10. */
static smgr_rel *
make_rel(Oid relnode, uint32_t n, const char *name)
{
	rel_locator loc = { 1, relnode };
	smgr_rel *r = smgr_open(loc);

	smgr_set_name(r, name);
	smgr_create(r, FORK_MAIN, false);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t blk;
		buf_id b = buf_extend(r, FORK_MAIN, NULL, &blk);

		ck_assert_uint_eq(blk, i);
		ck_assert(page_is_new(buf_page(b)));
		page_init(buf_page(b), PT_HEAP, sizeof(payload));
		pl(b)->blk = blk;
		pl(b)->value = (uint64_t)blk * 10;
		buf_mark_dirty(b);
		buf_unlock_release(b);
	}
	return r;
}

static uint64_t
read_value(smgr_rel *r, uint32_t blk, buf_strategy *s)
{
	buf_id b = buf_read(r, FORK_MAIN, blk, s);
	uint64_t v;

	buf_lock(b, BUF_SHARE);
	ck_assert_uint_eq(pl(b)->blk, blk);
	v = pl(b)->value;
	buf_unlock_release(b);
	return v;
}

START_TEST(random_reads_and_writes_match_a_model_with_a_tiny_pool)
{
	enum { NBLK = 300, STEPS = 6000 };
	uint64_t model[NBLK], seed = 12345;
	smgr_rel *r = make_rel(10, NBLK, "model");
	buf_stats st;

	ck_assert_int_eq(buf_count(), 16);
	for (int i = 0; i < NBLK; i++)
		model[i] = (uint64_t)i * 10;
	for (int step = 0; step < STEPS; step++) {
		uint32_t blk = (uint32_t)(st_rand(&seed) % NBLK);

		if (st_rand(&seed) % 3 == 0) {
			buf_id b = buf_read(r, FORK_MAIN, blk, NULL);

			buf_lock(b, BUF_EXCLUSIVE);
			pl(b)->value = st_rand(&seed);
			model[blk] = pl(b)->value;
			buf_mark_dirty(b);
			buf_unlock_release(b);
		} else {
			ck_assert_uint_eq(read_value(r, blk, NULL), model[blk]);
		}
		if (step % 1000 == 999)
			buf_checkpoint_start(), buf_checkpoint_write(5);
		ck_assert_int_eq(buf_pins_held(), 0);
	}
	buf_stats_get(&st);
	ck_assert_uint_gt(st.evictions, 1000);
	ck_assert_uint_gt(st.writes, 500);
	ck_assert_uint_gt(st.reads, 1000);
	ck_assert_uint_gt(st.hits, 0);
	ck_assert_uint_eq(st.extends, NBLK);
	ck_assert_uint_eq(st.checksum_failures, 0);
	/* everything written back and re-read from the files, checksums verified */
	buf_sync_all();
	buf_drop_relation(r->loc);
	for (uint32_t blk = 0; blk < NBLK; blk++)
		ck_assert_uint_eq(read_value(r, blk, NULL), model[blk]);
}
END_TEST

START_TEST(pinned_buffers_survive_the_clock_sweep)
{
	smgr_rel *r = make_rel(11, 100, "pins");
	buf_id held[10];

	for (int i = 0; i < 10; i++) {
		held[i] = buf_read(r, FORK_MAIN, (uint32_t)i, NULL);
		ck_assert_int_eq(buf_debug_refcount(held[i]), 1);
	}
	ck_assert_int_eq(buf_pins_held(), 10);
	for (int round = 0; round < 3; round++)
		for (uint32_t blk = 10; blk < 100; blk++)
			ck_assert_uint_eq(read_value(r, blk, NULL), blk * 10);
	for (int i = 0; i < 10; i++) {
		ck_assert_int_eq(buf_lookup(r->loc, FORK_MAIN, (uint32_t)i), held[i]);
		ck_assert_uint_eq(pl(held[i])->blk, (uint32_t)i);
		buf_release(held[i]);
	}
	ck_assert_int_eq(buf_pins_held(), 0);
}
END_TEST

START_TEST(pinning_twice_needs_two_releases_and_counts_once)
{
	smgr_rel *r = make_rel(12, 4, "twice");
	buf_id a = buf_read(r, FORK_MAIN, 1, NULL);
	buf_id b = buf_read(r, FORK_MAIN, 1, NULL);

	ck_assert_int_eq(a, b);
	buf_pin_again(a);
	ck_assert_int_eq(buf_debug_refcount(a), 1);
	ck_assert_int_eq(buf_pins_held(), 1);
	buf_release(a);
	buf_release(a);
	ck_assert_int_eq(buf_debug_refcount(a), 1);
	buf_release(a);
	ck_assert_int_eq(buf_debug_refcount(a), 0);
	ck_assert_int_eq(buf_pins_held(), 0);
	ck_assert_int_ge(buf_debug_usage(a), 1);
}
END_TEST

static void
read_block_7(void *arg)
{
	buf_read(arg, FORK_MAIN, 7, NULL);
}

START_TEST(every_buffer_pinned_raises_53000)
{
	smgr_rel *r = make_rel(13, 20, "full");
	char msg[256];

	for (uint32_t i = 0; i < 16; i++)
		buf_read(r, FORK_MAIN, i == 7 ? 19 : i, NULL);
	ck_assert_str_eq(st_catch(read_block_7, r, msg, sizeof(msg)), "53000");
	ck_assert_msg(strstr(msg, "no unpinned buffers available") != NULL, "%s", msg);
	ck_assert_int_eq(buf_pins_held(), 0); /* error recovery dropped them all */
	ck_assert_uint_eq(read_value(r, 7, NULL), 70);
}
END_TEST

static void
patch_file(smgr_rel *r, uint32_t blk, off_t off, const void *bytes, size_t n)
{
	char path[PATH_MAX];
	int fd;

	smgr_path(r->loc, FORK_MAIN, 0, false, path, sizeof(path));
	fd = open(path, O_RDWR);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, bytes, n, (off_t)blk * PAGE_SIZE + off), (ssize_t)n);
	close(fd);
}

START_TEST(flipped_bit_on_disk_raises_XX001_naming_relation_file_and_block)
{
	smgr_rel *r = make_rel(14, 10, "accounts");
	char page[PAGE_SIZE], msg[1024];
	buf_stats st;

	buf_sync_all();
	buf_drop_relation(r->loc);
	smgr_read(r, FORK_MAIN, 7, page);
	page[5000] ^= 0x10;
	patch_file(r, 7, 5000, page + 5000, 1);
	ck_assert_str_eq(st_catch(read_block_7, r, msg, sizeof(msg)), "XX001");
	ck_assert_msg(strstr(msg, "invalid page in block 7 of relation \"accounts\" "
	                          "(file \"base/1/14\"): checksum mismatch") != NULL, "%s", msg);
	ck_assert_msg(strstr(msg, "Stored checksum 0x") != NULL, "%s", msg);
	buf_stats_get(&st);
	ck_assert_uint_eq(st.checksum_failures, 1);
	/* never used silently: the next reader fails too, and neighbours still work */
	ck_assert_str_eq(st_catch(read_block_7, r, msg, sizeof(msg)), "XX001");
	ck_assert_uint_eq(read_value(r, 6, NULL), 60);
	ck_assert_int_eq(buf_pins_held(), 0);
	/* repair the page: reading works again */
	page[5000] ^= 0x10;
	patch_file(r, 7, 5000, page + 5000, 1);
	ck_assert_uint_eq(read_value(r, 7, NULL), 70);
}
END_TEST

START_TEST(page_copied_to_the_wrong_block_raises_XX001)
{
	smgr_rel *r = make_rel(15, 10, "misplaced");
	char page[PAGE_SIZE], msg[1024];

	buf_sync_all();
	buf_drop_relation(r->loc);
	smgr_read(r, FORK_MAIN, 3, page);
	patch_file(r, 7, 0, page, PAGE_SIZE);
	ck_assert_str_eq(st_catch(read_block_7, r, msg, sizeof(msg)), "XX001");
	ck_assert_msg(strstr(msg, "block 7 of relation \"misplaced\"") != NULL, "%s", msg);
	ck_assert_uint_eq(read_value(r, 3, NULL), 30);
}
END_TEST

static int wal_calls;
static uint64_t wal_max;

static void
fake_wal_flush(uint64_t lsn)
{
	wal_calls++;
	if (lsn > wal_max)
		wal_max = lsn;
}

START_TEST(write_calls_the_wal_hook_with_the_page_lsn_first)
{
	smgr_rel *r = make_rel(16, 3, "walrule");
	buf_id b;

	buf_sync_all();
	buf_wal_flush_hook = fake_wal_flush;
	b = buf_read(r, FORK_MAIN, 1, NULL);
	buf_lock(b, BUF_EXCLUSIVE);
	pl(b)->value = 5;
	page_set_lsn(buf_page(b), 777);
	buf_mark_dirty(b);
	buf_unlock_release(b);
	buf_sync_all();
	buf_wal_flush_hook = NULL;
	ck_assert_int_eq(wal_calls, 1);
	ck_assert_uint_eq(wal_max, 777);
}
END_TEST

START_TEST(checkpoint_writes_every_dirty_buffer_in_pieces)
{
	smgr_rel *r = make_rel(17, 40, "ckpt");
	int n, total = 0;
	char page[PAGE_SIZE];
	uint32_t stored, computed;

	buf_sync_all();
	for (uint32_t blk = 0; blk < 30; blk++) {
		buf_id b = buf_read(r, FORK_MAIN, blk, NULL);

		buf_lock(b, BUF_EXCLUSIVE);
		pl(b)->value = 1000 + blk;
		buf_mark_dirty(b);
		buf_unlock_release(b);
	}
	ck_assert_int_eq(buf_checkpoint_start(), 30);
	ck_assert_int_eq(buf_checkpoint_write(10), 10);
	while ((n = buf_checkpoint_write(10)) > 0)
		total += n;
	ck_assert_int_eq(total, 20);
	for (uint32_t blk = 0; blk < 40; blk++) {
		buf_id b = buf_lookup(r->loc, FORK_MAIN, blk);

		ck_assert(b != BUF_INVALID);
		ck_assert(!buf_debug_dirty(b));
		smgr_read(r, FORK_MAIN, blk, page);
		ck_assert_int_eq(page_verify(page, blk, &stored, &computed), PAGE_OK);
		ck_assert_uint_eq(((payload *)page_special(page))->value, blk < 30 ? 1000 + blk : blk * 10);
	}
}
END_TEST

START_TEST(bulk_read_ring_keeps_hot_pages_resident)
{
	smgr_rel *hot = make_rel(18, 20, "hot");
	smgr_rel *big = make_rel(19, 400, "big");
	buf_strategy *s = buf_strategy_create(BUF_RING_BULKREAD);
	int resident = 0;

	buf_sync_all();
	for (int round = 0; round < 5; round++)
		for (uint32_t blk = 0; blk < 20; blk++)
			read_value(hot, blk, NULL);
	for (uint32_t blk = 0; blk < 400; blk++)
		ck_assert_uint_eq(read_value(big, blk, s), blk * 10);
	for (uint32_t blk = 0; blk < 20; blk++)
		resident += buf_lookup(hot->loc, FORK_MAIN, blk) != BUF_INVALID;
	ck_assert_int_eq(resident, 20);
	buf_strategy_free(s);
	/* the same scan without a ring pushes them out */
	for (uint32_t blk = 0; blk < 400; blk++)
		read_value(big, blk, NULL);
	resident = 0;
	for (uint32_t blk = 0; blk < 20; blk++)
		resident += buf_lookup(hot->loc, FORK_MAIN, blk) != BUF_INVALID;
	ck_assert_int_lt(resident, 20);
}
END_TEST

START_TEST(bulk_write_ring_reuses_its_own_dirty_buffers)
{
	rel_locator loc = { 1, 20 };
	smgr_rel *r = smgr_open(loc);
	buf_strategy *s = buf_strategy_create(BUF_RING_BULKWRITE);

	smgr_create(r, FORK_MAIN, false);
	for (uint32_t i = 0; i < 200; i++) {
		uint32_t blk;
		buf_id b = buf_extend(r, FORK_MAIN, s, &blk);

		page_init(buf_page(b), PT_HEAP, sizeof(payload));
		pl(b)->blk = blk;
		pl(b)->value = blk * 10;
		buf_mark_dirty(b);
		buf_unlock_release(b);
	}
	buf_strategy_free(s);
	for (uint32_t blk = 0; blk < 200; blk++)
		ck_assert_uint_eq(read_value(r, blk, NULL), blk * 10);
}
END_TEST

static int pfd_pinned[2], pfd_release[2];

static int
child_pin_and_wait(void *arg, int i)
{
	smgr_rel *r = smgr_open(*(rel_locator *)arg);
	buf_id b = buf_read(r, FORK_MAIN, 2, NULL);
	char c;

	(void)i;
	if (write(pfd_pinned[1], "p", 1) != 1 || read(pfd_release[0], &c, 1) != 1)
		return 3;
	usleep(20000);
	buf_release(b);
	return 0;
}

START_TEST(cleanup_lock_waits_for_other_pins)
{
	smgr_rel *r = make_rel(21, 4, "cleanup");
	buf_id b;
	pid_t pid;
	char c;

	ck_assert_int_eq(pipe(pfd_pinned), 0);
	ck_assert_int_eq(pipe(pfd_release), 0);
	pid = st_fork_worker(child_pin_and_wait, &r->loc, 0);
	ck_assert_int_eq(read(pfd_pinned[0], &c, 1), 1);
	b = buf_read(r, FORK_MAIN, 2, NULL);
	ck_assert_int_eq(buf_debug_refcount(b), 2);
	ck_assert(!buf_lock_cleanup_try(b));
	ck_assert(buf_lock_try(b, BUF_EXCLUSIVE)); /* an ordinary lock is available */
	buf_unlock(b);
	ck_assert_int_eq(write(pfd_release[1], "r", 1), 1);
	buf_lock_cleanup(b); /* returns once the child unpinned */
	ck_assert_int_eq(buf_debug_refcount(b), 1);
	buf_unlock_release(b);
	ck_assert_int_eq(st_wait(pid), 0);
	ck_assert(buf_lock_cleanup_try(b = buf_read(r, FORK_MAIN, 2, NULL)));
	buf_unlock_release(b);
}
END_TEST

static int
child_read_all(void *arg, int i)
{
	smgr_rel *r = smgr_open(*(rel_locator *)arg);

	for (uint32_t k = 0; k < 40; k++) {
		uint32_t blk = (k + (uint32_t)i * 5) % 40;

		if (read_value(r, blk, NULL) != blk * 10)
			return 5;
	}
	return 0;
}

START_TEST(concurrent_readers_read_each_block_once)
{
	smgr_rel *r = make_rel(22, 40, "once");
	buf_stats before, after;
	pid_t pids[6];

	buf_sync_all();
	buf_drop_relation(r->loc);
	buf_stats_get(&before);
	for (int i = 0; i < 6; i++)
		pids[i] = st_fork_worker(child_read_all, &r->loc, i);
	for (int i = 0; i < 6; i++)
		ck_assert_int_eq(st_wait(pids[i]), 0);
	buf_stats_get(&after);
	ck_assert_uint_eq(after.reads - before.reads, 40);
	ck_assert_uint_eq(after.hits - before.hits, 6 * 40 - 40);
}
END_TEST

static int
child_extend(void *arg, int i)
{
	smgr_rel *r = smgr_open(*(rel_locator *)arg);

	for (int k = 0; k < 50; k++) {
		uint32_t blk;
		buf_id b = buf_extend(r, FORK_MAIN, NULL, &blk);

		page_init(buf_page(b), PT_HEAP, sizeof(payload));
		pl(b)->blk = blk;
		pl(b)->value = 1000000 + (uint64_t)i;
		buf_mark_dirty(b);
		buf_unlock_release(b);
	}
	return 0;
}

START_TEST(concurrent_extenders_get_distinct_blocks)
{
	rel_locator loc = { 1, 23 };
	smgr_rel *r = smgr_open(loc);
	int per[4] = { 0 };
	pid_t pids[4];

	smgr_create(r, FORK_MAIN, false);
	for (int i = 0; i < 4; i++)
		pids[i] = st_fork_worker(child_extend, &loc, i);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(st_wait(pids[i]), 0);
	ck_assert_uint_eq(smgr_nblocks(r, FORK_MAIN), 200);
	for (uint32_t blk = 0; blk < 200; blk++) {
		uint64_t v = read_value(r, blk, NULL);

		ck_assert(v >= 1000000 && v < 1000004);
		per[v - 1000000]++;
	}
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(per[i], 50);
}
END_TEST

START_TEST(recovery_modes_extend_or_zero_without_reading)
{
	rel_locator loc = { 1, 24 };
	smgr_rel *r = smgr_open(loc);
	buf_id b;

	smgr_create(r, FORK_MAIN, false);
	b = buf_read_ext(r, FORK_MAIN, 9, BUF_RM_EXTEND, NULL);
	ck_assert_uint_eq(smgr_nblocks(r, FORK_MAIN), 10);
	ck_assert(page_is_new(buf_page(b)));
	buf_release(b);
	/* a zeroed buffer comes back locked exclusive, even over garbage on disk */
	patch_file(r, 4, 100, "garbage", 7);
	b = buf_read_ext(r, FORK_MAIN, 4, BUF_RM_ZERO, NULL);
	ck_assert(page_is_new(buf_page(b)));
	ck_assert(!buf_lock_try(b, BUF_SHARE) || (buf_unlock(b), false));
	page_init(buf_page(b), PT_HEAP, sizeof(payload));
	pl(b)->blk = 4;
	pl(b)->value = 44;
	buf_mark_dirty(b);
	buf_unlock_release(b);
	buf_sync_all();
	buf_drop_relation(loc);
	ck_assert_uint_eq(read_value(r, 4, NULL), 44);
}
END_TEST

START_TEST(drop_forgets_buffers_without_writing)
{
	smgr_rel *r = make_rel(25, 12, "drop");
	buf_stats before, after;

	buf_stats_get(&before);
	buf_drop_fork_tail(r->loc, FORK_MAIN, 8);
	for (uint32_t blk = 0; blk < 12; blk++)
		ck_assert((buf_lookup(r->loc, FORK_MAIN, blk) != BUF_INVALID) == (blk < 8));
	buf_drop_relation(r->loc);
	for (uint32_t blk = 0; blk < 12; blk++)
		ck_assert(buf_lookup(r->loc, FORK_MAIN, blk) == BUF_INVALID);
	buf_stats_get(&after);
	ck_assert_uint_eq(after.writes, before.writes);
}
END_TEST

START_TEST(release_all_drops_leaked_pins)
{
	smgr_rel *r = make_rel(26, 5, "leak");
	buf_id b;

	for (uint32_t blk = 0; blk < 3; blk++)
		buf_read(r, FORK_MAIN, blk, NULL);
	b = buf_read(r, FORK_MAIN, 0, NULL);
	ck_assert_int_eq(buf_pins_held(), 3);
	buf_release_all();
	ck_assert_int_eq(buf_pins_held(), 0);
	ck_assert_int_eq(buf_debug_refcount(b), 0);
	buf_flush_relation(r);
	ck_assert(!buf_debug_dirty(b));
}
END_TEST

static Suite *
buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc;

	tc = tcase_create("tiny pool");
	tcase_add_checked_fixture(tc, setup_small, teardown);
	tcase_add_test(tc, random_reads_and_writes_match_a_model_with_a_tiny_pool);
	tcase_add_test(tc, pinned_buffers_survive_the_clock_sweep);
	tcase_add_test(tc, pinning_twice_needs_two_releases_and_counts_once);
	tcase_add_test(tc, every_buffer_pinned_raises_53000);
	tcase_add_test(tc, release_all_drops_leaked_pins);
	suite_add_tcase(s, tc);

	tc = tcase_create("checksums");
	tcase_add_checked_fixture(tc, setup_small, teardown);
	tcase_add_test(tc, flipped_bit_on_disk_raises_XX001_naming_relation_file_and_block);
	tcase_add_test(tc, page_copied_to_the_wrong_block_raises_XX001);
	tcase_add_test(tc, write_calls_the_wal_hook_with_the_page_lsn_first);
	suite_add_tcase(s, tc);

	tc = tcase_create("pool operations");
	tcase_add_checked_fixture(tc, setup_64, teardown);
	tcase_add_test(tc, checkpoint_writes_every_dirty_buffer_in_pieces);
	tcase_add_test(tc, bulk_read_ring_keeps_hot_pages_resident);
	tcase_add_test(tc, bulk_write_ring_reuses_its_own_dirty_buffers);
	tcase_add_test(tc, recovery_modes_extend_or_zero_without_reading);
	tcase_add_test(tc, drop_forgets_buffers_without_writing);
	suite_add_tcase(s, tc);

	tc = tcase_create("processes");
	tcase_add_checked_fixture(tc, setup_512, teardown);
	tcase_add_test(tc, cleanup_lock_waits_for_other_pins);
	tcase_add_test(tc, concurrent_readers_read_each_block_once);
	tcase_add_test(tc, concurrent_extenders_get_distinct_blocks);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return st_run(buf_suite());
}
