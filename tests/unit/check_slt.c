/* check_slt.c — the sqllogictest runner's script reader, value formatting, sorting and MD5
 * hashing (tests/slt/slt_lib.c), without a server. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "slt.h"

static const char *
fmt(char type, const char *v, bool null)
{
	static char out[128];

	slt_format(type, v, null, out, sizeof(out));
	return out;
}

START_TEST(integers_are_printed_as_the_reference_does)
{
	ck_assert_str_eq(fmt('I', "42", false), "42");
	ck_assert_str_eq(fmt('I', "-7", false), "-7");
	ck_assert_str_eq(fmt('I', "9223372036854775807", false), "9223372036854775807");
	ck_assert_str_eq(fmt('I', "1.9", false), "1");       /* reals are truncated */
	ck_assert_str_eq(fmt('I', "-1.9", false), "-1");
	ck_assert_str_eq(fmt('I', "2e3", false), "2000");
	ck_assert_str_eq(fmt('I', "12abc", false), "12");    /* a numeric prefix */
	ck_assert_str_eq(fmt('I', "abc", false), "0");
	ck_assert_str_eq(fmt('I', "t", false), "1");         /* booleans as ODBC reads them */
	ck_assert_str_eq(fmt('I', "f", false), "0");
	ck_assert_str_eq(fmt('I', "", true), "NULL");
}
END_TEST

START_TEST(reals_have_three_decimals)
{
	ck_assert_str_eq(fmt('R', "2", false), "2.000");
	ck_assert_str_eq(fmt('R', "1.23456", false), "1.235");
	ck_assert_str_eq(fmt('R', "-2.5", false), "-2.500");
	ck_assert_str_eq(fmt('R', "-0.0001", false), "-0.000");
	ck_assert_str_eq(fmt('R', "1e20", false), "100000000000000000000.000");
	ck_assert_str_eq(fmt('R', "x", false), "0.000");
	ck_assert_str_eq(fmt('R', "true", false), "1.000");
	ck_assert_str_eq(fmt('R', "1", true), "NULL");
}
END_TEST

START_TEST(text_marks_empty_and_unprintable)
{
	ck_assert_str_eq(fmt('T', "", false), "(empty)");
	ck_assert_str_eq(fmt('T', "a\tb\n", false), "a@b@");
	ck_assert_str_eq(fmt('T', "\xc3\xa9t\xc3\xa9", false), "@@t@@");   /* "été": bytes */
	ck_assert_str_eq(fmt('T', " ~!", false), " ~!");
	ck_assert_str_eq(fmt('T', "\x7f", false), "@");
	ck_assert_str_eq(fmt('T', "x", true), "NULL");
	ck_assert_str_eq(fmt('T', "42", false), "42");
}
END_TEST

START_TEST(hashes_are_md5_of_values_with_newlines)
{
	char *v[] = {"1", "2"};
	char out[80];

	slt_hash(v, 2, out, sizeof(out));
	ck_assert_str_eq(out, "2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0");
	slt_hash(v, 0, out, sizeof(out));
	ck_assert_str_eq(out, "0 values hashing to d41d8cd98f00b204e9800998ecf8427e");
}
END_TEST

START_TEST(sorting_by_rows_and_by_values)
{
	char *rows[] = {"b", "1", "a", "2", "a", "1", "10", "x"};
	char *vals[] = {"b", "1", "a", "2", "a", "10"};
	char *none[] = {"z", "a"};

	slt_sort_values(rows, 8, 2, SLT_ROWSORT);
	ck_assert_str_eq(rows[0], "10");   /* strcmp order: "10" < "a" */
	ck_assert_str_eq(rows[2], "a");
	ck_assert_str_eq(rows[3], "1");
	ck_assert_str_eq(rows[4], "a");
	ck_assert_str_eq(rows[5], "2");
	ck_assert_str_eq(rows[6], "b");
	ck_assert_str_eq(rows[7], "1");
	slt_sort_values(vals, 6, 2, SLT_VALUESORT);
	ck_assert_str_eq(vals[0], "1");
	ck_assert_str_eq(vals[1], "10");
	ck_assert_str_eq(vals[2], "2");
	ck_assert_str_eq(vals[5], "b");
	slt_sort_values(none, 2, 1, SLT_NOSORT);
	ck_assert_str_eq(none[0], "z");
}
END_TEST

static const char script[] =
	"# a comment\r\n"
	"hash-threshold 3\n"
	"\n"
	"statement ok\n"
	"CREATE TABLE t(a INTEGER,\n"
	"   b TEXT)   \n"
	"\n"
	"skipif postgresql # not for us\n"
	"statement ok\n"
	"SELECT 1\n"
	"\n"
	"onlyif PostgreSQL\n"
	"statement error\n"
	"SELECT x\n"
	"\n"
	"onlyif mysql\n"
	"query I nosort\n"
	"SELECT 1\n"
	"----\n"
	"1\n"
	"\n"
	"query IT rowsort label-7\n"
	"SELECT a, b\n"
	"  FROM t\n"
	"----\n"
	"1\n"
	"x\n"
	"\n"
	"query R\n"
	"SELECT 1\n"
	"\n"
	"query\n"
	"SELECT 1\n"
	"\n"
	"query IZ nosort\n"
	"SELECT 1\n"
	"\n"
	"query I upside\n"
	"SELECT 1\n"
	"\n"
	"statement maybe\n"
	"SELECT 1\n"
	"\n"
	"frobnicate\n"
	"SELECT 1\n"
	"\n"
	"halt\n";

START_TEST(scripts_are_read_record_by_record)
{
	slt_script s;
	slt_record r = {0};

	slt_open(&s, script, strlen(script));
	ck_assert(slt_next(&s, &r));
	ck_assert_int_eq(r.kind, SLT_HASH_THRESHOLD);
	ck_assert_int_eq(r.threshold, 3);
	ck_assert_int_eq(r.line, 2);

	ck_assert(slt_next(&s, &r));
	ck_assert_int_eq(r.kind, SLT_STATEMENT);
	ck_assert(!r.expect_error && !r.skip);
	ck_assert_str_eq(r.sql, "CREATE TABLE t(a INTEGER,\n   b TEXT)");
	ck_assert_int_eq(r.line, 4);

	ck_assert(slt_next(&s, &r));
	ck_assert(r.skip);                 /* skipif postgresql */
	ck_assert_int_eq(r.line, 9);

	ck_assert(slt_next(&s, &r));
	ck_assert(!r.skip);                /* onlyif postgresql (any case) */
	ck_assert(r.expect_error);

	ck_assert(slt_next(&s, &r));
	ck_assert(r.skip);                 /* onlyif mysql */
	ck_assert_int_eq(r.kind, SLT_QUERY);

	ck_assert(slt_next(&s, &r));
	ck_assert_int_eq(r.kind, SLT_QUERY);
	ck_assert_str_eq(r.types, "IT");
	ck_assert_int_eq(r.sort, SLT_ROWSORT);
	ck_assert_str_eq(r.label, "label-7");
	ck_assert_str_eq(r.sql, "SELECT a, b\n  FROM t");
	ck_assert(r.has_results);
	ck_assert_int_eq(r.nexpected, 2);
	ck_assert_str_eq(r.expected[1], "x");
	ck_assert_ptr_null(r.bad);

	ck_assert(slt_next(&s, &r));
	ck_assert_str_eq(r.types, "R");
	ck_assert_int_eq(r.sort, SLT_NOSORT);   /* the default */
	ck_assert(!r.has_results);
	ck_assert_ptr_null(r.label);

	ck_assert(slt_next(&s, &r));
	ck_assert_str_eq(r.bad, "missing type string");
	ck_assert(slt_next(&s, &r));
	ck_assert_str_eq(r.bad, "unknown type character in type string");
	ck_assert(slt_next(&s, &r));
	ck_assert_str_eq(r.bad, "unknown sort method");
	ck_assert(slt_next(&s, &r));
	ck_assert_str_eq(r.bad, "statement argument should be 'ok' or 'error'");
	ck_assert(slt_next(&s, &r));
	ck_assert_int_eq(r.kind, SLT_UNKNOWN);
	ck_assert(slt_next(&s, &r));
	ck_assert_int_eq(r.kind, SLT_HALT);
	ck_assert(!slt_next(&s, &r));
	slt_record_free(&r);
	slt_close(&s);
}
END_TEST

START_TEST(a_script_may_end_without_a_newline_or_after_prefixes)
{
	static const char t1[] = "statement ok\nSELECT 1";
	static const char t2[] = "skipif mysql\n";
	slt_script s;
	slt_record r = {0};

	slt_open(&s, t1, strlen(t1));
	ck_assert(slt_next(&s, &r));
	ck_assert_str_eq(r.sql, "SELECT 1");
	ck_assert(!slt_next(&s, &r));
	slt_close(&s);
	slt_open(&s, t2, strlen(t2));
	ck_assert(!slt_next(&s, &r));
	slt_close(&s);
	slt_record_free(&r);
}
END_TEST

static Suite *
slt_suite(void)
{
	Suite *s = suite_create("slt");
	TCase *t = tcase_create("values");

	tcase_add_test(t, integers_are_printed_as_the_reference_does);
	tcase_add_test(t, reals_have_three_decimals);
	tcase_add_test(t, text_marks_empty_and_unprintable);
	tcase_add_test(t, hashes_are_md5_of_values_with_newlines);
	tcase_add_test(t, sorting_by_rows_and_by_values);
	suite_add_tcase(s, t);
	t = tcase_create("scripts");
	tcase_add_test(t, scripts_are_read_record_by_record);
	tcase_add_test(t, a_script_may_end_without_a_newline_or_after_prefixes);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(slt_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
