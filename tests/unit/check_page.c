/* check_page.c — unit tests for lib/page (page layout, checksums) and lib/util/crc32c. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "page/page.h"
#include "util/crc32c.h"

/* ---- CRC32C ------------------------------------------------------------------------------- */

START_TEST(crc32c_matches_published_check_values)
{
	unsigned char buf[32];

	ck_assert_uint_eq(crc32c(0, "123456789", 9), 0xe3069283u);
	ck_assert_uint_eq(crc32c_sw(0, "123456789", 9), 0xe3069283u);
	/* RFC 3720 (iSCSI) B.4 vectors */
	memset(buf, 0, 32);
	ck_assert_uint_eq(crc32c_sw(0, buf, 32), 0x8a9136aau);
	memset(buf, 0xff, 32);
	ck_assert_uint_eq(crc32c_sw(0, buf, 32), 0x62a8ab43u);
	for (int i = 0; i < 32; i++)
		buf[i] = (unsigned char)i;
	ck_assert_uint_eq(crc32c_sw(0, buf, 32), 0x46dd794eu);
	for (int i = 0; i < 32; i++)
		buf[i] = (unsigned char)(31 - i);
	ck_assert_uint_eq(crc32c_sw(0, buf, 32), 0x113fdb5cu);
	ck_assert_uint_eq(crc32c(0, "", 0), 0);
}
END_TEST

START_TEST(crc32c_hardware_and_table_agree_at_every_alignment_and_chain)
{
	unsigned char data[300];
	unsigned seed = 7;

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(rand_r(&seed) >> 3);
	if (crc32c_have_hw())
		ck_assert_uint_eq(crc32c_hw(0, "123456789", 9), 0xe3069283u);
	for (size_t off = 0; off < 9; off++)
		for (size_t len = 0; len + off <= sizeof(data); len += 7) {
			uint32_t whole = crc32c_sw(0, data + off, len);
			size_t cut = len / 3;

			ck_assert_uint_eq(crc32c(0, data + off, len), whole);
			ck_assert_uint_eq(crc32c(crc32c(0, data + off, cut), data + off + cut, len - cut),
			                  whole);
			ck_assert_uint_eq(crc32c_sw(crc32c_sw(0, data + off, cut), data + off + cut, len - cut),
			                  whole);
			if (crc32c_have_hw())
				ck_assert_uint_eq(crc32c_hw(0, data + off, len), whole);
		}
}
END_TEST

/* ---- slotted pages -------------------------------------------------------------------------- */

static char page[PAGE_SIZE] __attribute__((aligned(8)));

static unsigned
add(const char *s, unsigned slot, bool shift)
{
	return page_add_item(page, s, strlen(s) + 1, slot, shift, 0);
}

static const char *
item(unsigned slot)
{
	return page_item(page, slot);
}

START_TEST(init_sets_header_and_special_space)
{
	page_header *h = page_hdr(page);

	page_init(page, PT_BTREE, 20);
	ck_assert_uint_eq(h->pd_lower, PAGE_HEADER_SIZE);
	ck_assert_uint_eq(h->pd_upper, PAGE_SIZE - 24);
	ck_assert_uint_eq(h->pd_special, PAGE_SIZE - 24);
	ck_assert_uint_eq(page_type(page), PT_BTREE);
	ck_assert_uint_eq(h->pd_version, PAGE_LAYOUT_VERSION);
	ck_assert_uint_eq(page_max_slot(page), 0);
	ck_assert_uint_eq(page_free_space(page), PAGE_SIZE - 24 - PAGE_HEADER_SIZE - 4);
	ck_assert(!page_is_new(page));
	page_set_lsn(page, 0x123456789abcull);
	ck_assert_uint_eq(page_get_lsn(page), 0x123456789abcull);
}
END_TEST

START_TEST(heap_items_round_trip_and_reuse_unused_slots)
{
	char buf[64];

	page_init(page, PT_HEAP, 0);
	for (int i = 1; i <= 10; i++) {
		snprintf(buf, sizeof(buf), "item-%d", i);
		ck_assert_uint_eq(add(buf, 0, false), (unsigned)i);
	}
	for (int i = 1; i <= 10; i++) {
		uint32_t lp = page_lp_get(page, i);

		snprintf(buf, sizeof(buf), "item-%d", i);
		ck_assert_str_eq(item(i), buf);
		ck_assert_uint_eq(lp_flags(lp), LP_NORMAL);
		ck_assert_uint_eq(lp_len(lp), strlen(buf) + 1);
		ck_assert_uint_eq(lp_off(lp) % 8, 0);
	}
	/* free slots 3 and 7, compact: slots keep their numbers */
	*page_lp(page, 3) = lp_make(0, LP_UNUSED, 0);
	*page_lp(page, 7) = lp_make(0, LP_DEAD, 0);
	page_compact(page);
	ck_assert(page_hdr(page)->pd_flags & PD_HAS_FREE_LINES);
	ck_assert_str_eq(item(9), "item-9");
	ck_assert_str_eq(item(1), "item-1");
	ck_assert_uint_eq(lp_flags(page_lp_get(page, 7)), LP_DEAD);
	ck_assert_uint_eq(add("new", 0, false), 3);  /* first unused slot */
	ck_assert_uint_eq(add("new2", 0, false), 11); /* then appended */
	/* trailing unused slots are dropped by compaction */
	*page_lp(page, 11) = lp_make(0, LP_UNUSED, 0);
	*page_lp(page, 10) = lp_make(0, LP_UNUSED, 0);
	page_compact(page);
	ck_assert_uint_eq(page_max_slot(page), 9);
	ck_assert_str_eq(item(3), "new");
	ck_assert(!(page_hdr(page)->pd_flags & PD_HAS_FREE_LINES));
}
END_TEST

START_TEST(heap_page_fills_up_and_max_slots_is_enforced)
{
	char big[1000];
	unsigned n = 0;

	memset(big, 'x', sizeof(big));
	page_init(page, PT_HEAP, 0);
	while (page_add_item(page, big, sizeof(big), 0, false, 0))
		n++;
	ck_assert_uint_eq(n, (PAGE_SIZE - PAGE_HEADER_SIZE) / (1000 + 4));
	ck_assert_uint_lt(page_free_space(page), 1000);
	page_init(page, PT_HEAP, 0);
	for (int i = 0; i < 5; i++)
		ck_assert_uint_ne(page_add_item(page, "a", 1, 0, false, 5), 0);
	ck_assert_uint_eq(page_add_item(page, "a", 1, 0, false, 5), 0);
	/* explicit slot beyond the end leaves unused slots before it */
	page_init(page, PT_HEAP, 0);
	ck_assert_uint_eq(page_add_item(page, "z", 2, 4, false, 0), 4);
	ck_assert_uint_eq(page_max_slot(page), 4);
	ck_assert_uint_eq(lp_flags(page_lp_get(page, 2)), LP_UNUSED);
	ck_assert_uint_eq(page_add_item(page, "y", 2, 4, false, 0), 0); /* occupied */
	ck_assert_uint_eq(page_add_item(page, "y", 2, 2, false, 0), 2);
	ck_assert_uint_eq(page_add_item(page, "", 0, 0, false, 0), 0);    /* empty item */
}
END_TEST

START_TEST(index_items_shift_on_insert_and_delete)
{
	uint16_t del[2];

	page_init(page, PT_BTREE, 16);
	ck_assert_uint_eq(add("b", 1, true), 1);
	ck_assert_uint_eq(add("d", 2, true), 2);
	ck_assert_uint_eq(add("a", 1, true), 1);
	ck_assert_uint_eq(add("c", 3, true), 3);
	ck_assert_uint_eq(add("e", 5, true), 5);
	ck_assert_uint_eq(add("x", 7, true), 0); /* beyond max+1 */
	for (unsigned i = 1; i <= 5; i++)
		ck_assert_int_eq(item(i)[0], 'a' + (int)i - 1);
	page_index_delete(page, 2);
	ck_assert_uint_eq(page_max_slot(page), 4);
	ck_assert_str_eq(item(1), "a");
	ck_assert_str_eq(item(2), "c");
	ck_assert_str_eq(item(4), "e");
	ck_assert(page_index_replace(page, 2, "a much longer item", 19));
	ck_assert_str_eq(item(2), "a much longer item");
	ck_assert_str_eq(item(3), "d");
	del[0] = 3;
	del[1] = 1;
	page_index_delete_multi(page, del, 2);
	ck_assert_uint_eq(page_max_slot(page), 2);
	ck_assert_str_eq(item(1), "a much longer item");
	ck_assert_str_eq(item(2), "e");
	/* the free space is whole again after deleting everything */
	page_index_delete(page, 1);
	page_index_delete(page, 1);
	ck_assert_uint_eq(page_hole(page), PAGE_SIZE - 16 - PAGE_HEADER_SIZE);
}
END_TEST

START_TEST(index_replace_refuses_when_it_does_not_fit)
{
	char big[5000];

	memset(big, 'q', sizeof(big));
	page_init(page, PT_BTREE, 0);
	ck_assert_uint_eq(page_add_item(page, big, sizeof(big), 1, true, 0), 1);
	ck_assert_uint_eq(page_add_item(page, "s", 2, 2, true, 0), 2);
	ck_assert(!page_index_replace(page, 2, big, sizeof(big)));
	ck_assert_str_eq(item(2), "s");
}
END_TEST

/* ---- checksums ------------------------------------------------------------------------------ */

static void
make_full_page(void)
{
	char buf[40];

	page_init(page, PT_HEAP, 0);
	for (int i = 0; page_free_space(page) > 48; i++) {
		snprintf(buf, sizeof(buf), "tuple number %d", i);
		add(buf, 0, false);
	}
	page_set_lsn(page, 42);
}

START_TEST(checksum_detects_every_single_flipped_bit)
{
	uint32_t stored, computed;

	make_full_page();
	page_set_checksum(page, 17);
	ck_assert_int_eq(page_verify(page, 17, &stored, &computed), PAGE_OK);
	for (int bit = 0; bit < PAGE_SIZE * 8; bit++) {
		page[bit / 8] ^= (char)(1 << (bit % 8));
		ck_assert_msg(page_verify(page, 17, &stored, &computed) == PAGE_BAD_CHECKSUM,
		              "flipped bit %d not detected", bit);
		page[bit / 8] ^= (char)(1 << (bit % 8));
	}
	ck_assert_int_eq(page_verify(page, 17, &stored, &computed), PAGE_OK);
}
END_TEST

START_TEST(checksum_detects_a_misplaced_block)
{
	uint32_t stored, computed;

	make_full_page();
	page_set_checksum(page, 1000);
	ck_assert_int_eq(page_verify(page, 1000, &stored, &computed), PAGE_OK);
	ck_assert_int_eq(page_verify(page, 1001, &stored, &computed), PAGE_BAD_CHECKSUM);
	ck_assert_int_eq(page_verify(page, 0, &stored, &computed), PAGE_BAD_CHECKSUM);
	ck_assert_uint_ne(stored, computed);
	ck_assert_str_eq(page_verify_reason(PAGE_BAD_CHECKSUM), "checksum mismatch");
}
END_TEST

START_TEST(all_zero_page_is_new_and_damaged_zero_page_is_not)
{
	uint32_t stored, computed;

	memset(page, 0, PAGE_SIZE);
	ck_assert(page_is_new(page));
	ck_assert_int_eq(page_verify(page, 5, &stored, &computed), PAGE_NEW);
	page[4000] = 1;
	ck_assert_int_eq(page_verify(page, 5, &stored, &computed), PAGE_BAD_CHECKSUM);
}
END_TEST

START_TEST(valid_checksum_over_a_bad_header_is_rejected)
{
	uint32_t stored, computed;

	make_full_page();
	page_hdr(page)->pd_lower = page_hdr(page)->pd_upper + 8;
	page_set_checksum(page, 3);
	ck_assert_int_eq(page_verify(page, 3, &stored, &computed), PAGE_BAD_HEADER);
	make_full_page();
	page_hdr(page)->pd_version = 9;
	page_set_checksum(page, 3);
	ck_assert_int_eq(page_verify(page, 3, &stored, &computed), PAGE_BAD_HEADER);
	ck_assert_str_eq(page_verify_reason(PAGE_BAD_HEADER), "page header is invalid");
}
END_TEST

START_TEST(tids_compare_by_block_then_slot)
{
	ck_assert_int_lt(tid_cmp(tid_make(1, 9), tid_make(2, 1)), 0);
	ck_assert_int_gt(tid_cmp(tid_make(2, 3), tid_make(2, 1)), 0);
	ck_assert_int_eq(tid_cmp(tid_make(2, 3), tid_make(2, 3)), 0);
	ck_assert(tid_eq(tid_make(4, 4), tid_make(4, 4)));
	ck_assert(!tid_valid(tid_make(4, 0)));
}
END_TEST

static Suite *
page_suite(void)
{
	Suite *s = suite_create("page");
	TCase *tc;

	tc = tcase_create("crc32c");
	tcase_add_test(tc, crc32c_matches_published_check_values);
	tcase_add_test(tc, crc32c_hardware_and_table_agree_at_every_alignment_and_chain);
	suite_add_tcase(s, tc);

	tc = tcase_create("layout");
	tcase_add_test(tc, init_sets_header_and_special_space);
	tcase_add_test(tc, heap_items_round_trip_and_reuse_unused_slots);
	tcase_add_test(tc, heap_page_fills_up_and_max_slots_is_enforced);
	tcase_add_test(tc, index_items_shift_on_insert_and_delete);
	tcase_add_test(tc, index_replace_refuses_when_it_does_not_fit);
	tcase_add_test(tc, tids_compare_by_block_then_slot);
	suite_add_tcase(s, tc);

	tc = tcase_create("checksum");
	tcase_add_test(tc, checksum_detects_every_single_flipped_bit);
	tcase_add_test(tc, checksum_detects_a_misplaced_block);
	tcase_add_test(tc, all_zero_page_is_new_and_damaged_zero_page_is_not);
	tcase_add_test(tc, valid_checksum_over_a_bad_header_is_rejected);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(page_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
