/* check_types.c — unit tests for lib/types: registry, text and binary I/O, typmods,
 * format_type, casts, and the PostgreSQL-generated I/O expectations (types_cases/). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/cast.h"
#include "types/fn.h"
#include "types/resolve.h"
#include "types/tyarray.h"
#include "types/tydatetime.h"
#include "types/tynumeric.h"
#include "types/types.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

#include "types_runner.c"

static void
setup(void)
{
	if (!mem_top)
		mem_init();
	cfg_init_defaults();
	ty_init();
}

static void
check_file(const char *name)
{
	ty_buf report;
	ty_buf_init(&report, 1024);
	int n = 0;
	int bad = run_case_file(name, &report, &n);
	if (bad)
		fprintf(stderr, "%s", report.data);
	ck_assert_msg(n > 0, "%s has no cases", name);
	ck_assert_msg(bad == 0, "%d of %d cases of %s differ from PostgreSQL", bad, n, name);
}

START_TEST(io_matches_postgresql)
{
	check_file("io");
}
END_TEST

START_TEST(datetime_io_matches_postgresql)
{
	check_file("datetime");
}
END_TEST

START_TEST(operators_match_postgresql)
{
	check_file("ops");
}
END_TEST

START_TEST(functions_match_postgresql)
{
	check_file("funcs");
}
END_TEST

START_TEST(float_output_is_shortest_round_trip_as_postgresql)
{
	check_file("floats");
}
END_TEST

START_TEST(casts_match_postgresql)
{
	check_file("casts");
}
END_TEST

START_TEST(aggregates_match_postgresql)
{
	check_file("aggs");
	/* sum, avg, count, min, max, bool_and, ... also went through their combine functions */
	ck_assert_int_gt(combined_aggs, 50);
}
END_TEST

static Suite *
types_suite(void)
{
	Suite *s = suite_create("types");
	TCase *tc = tcase_create("postgresql expectations");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, io_matches_postgresql);
	tcase_add_test(tc, datetime_io_matches_postgresql);
	tcase_add_test(tc, operators_match_postgresql);
	tcase_add_test(tc, functions_match_postgresql);
	tcase_add_test(tc, float_output_is_shortest_round_trip_as_postgresql);
	tcase_add_test(tc, casts_match_postgresql);
	tcase_add_test(tc, aggregates_match_postgresql);
	suite_add_tcase(s, tc);
	return s;
}

int
main(int argc, char **argv)
{
	if (argc > 1) {
		/* developer mode: check_types FILE... prints every mismatch */
		setup();
		int total = 0;
		for (int i = 1; i < argc; i++) {
			ty_buf report;
			ty_buf_init(&report, 1024);
			int n = 0;
			int bad = run_case_file(argv[i], &report, &n);
			printf("%s%s: %d/%d differ\n", report.data, argv[i], bad, n);
			total += bad;
		}
		return total ? 1 : 0;
	}
	SRunner *sr = srunner_create(types_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
