/* check_util.c — unit tests for lib/util: errors, memory contexts, settings, log levels. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"
#include "util/mem.h"

/* ---- errors ---------------------------------------------------------------------------- */

static void
raise_div0(void)
{
	ERR_BEGIN(ERRCODE_DIVISION_BY_ZERO);
	err_detail("Dividend was %d.", 7);
	err_position(12);
	err_throw("division by zero");
}

START_TEST(error_unwinds_to_nearest_frame_with_fields)
{
	volatile int reached = 0;

	ERR_TRY();
	{
		raise_div0();
		reached = 1;
	}
	ERR_CATCH();
	{
		err_info *e = err_last();

		ck_assert_str_eq(e->sqlstate, "22012");
		ck_assert_str_eq(e->message, "division by zero");
		ck_assert_str_eq(e->detail, "Dividend was 7.");
		ck_assert_int_eq(e->position, 12);
		ck_assert_int_eq(e->level, LV_ERROR);
		reached = 2;
	}
	ERR_END();
	ck_assert_int_eq(reached, 2);
	ck_assert_ptr_null(err_top);
}
END_TEST

START_TEST(nested_frames_rethrow_outward)
{
	volatile int inner = 0, outer = 0;

	ERR_TRY();
	{
		ERR_TRY();
		{
			ph_error(ERRCODE_UNIQUE_VIOLATION, "duplicate key value %d", 3);
		}
		ERR_CATCH();
		{
			inner = 1;
			err_rethrow();
		}
		ERR_END();
	}
	ERR_CATCH();
	{
		outer = 1;
		ck_assert_str_eq(err_last()->sqlstate, "23505");
		ck_assert_str_eq(err_last()->message, "duplicate key value 3");
	}
	ERR_END();
	ck_assert_int_eq(inner, 1);
	ck_assert_int_eq(outer, 1);
}
END_TEST

START_TEST(try_without_error_pops_frame)
{
	volatile int body = 0;

	ERR_TRY();
	{
		body = 1;
	}
	ERR_CATCH();
	{
		body = 99;
	}
	ERR_END();
	ck_assert_int_eq(body, 1);
	ck_assert_ptr_null(err_top);
}
END_TEST

START_TEST(fatal_level_is_reported)
{
	ERR_TRY();
	{
		ph_fatal(ERRCODE_ADMIN_SHUTDOWN, "terminating connection due to administrator command");
	}
	ERR_CATCH();
	{
		ck_assert_int_eq(err_last()->level, LV_FATAL);
		ck_assert_str_eq(err_last()->sqlstate, "57P01");
	}
	ERR_END();
}
END_TEST

START_TEST(code_names_come_from_errcodes_txt)
{
	ck_assert_str_eq(err_code_name("40P01"), "deadlock_detected");
	ck_assert_str_eq(err_code_name("53300"), "too_many_connections");
	ck_assert_ptr_null(err_code_name("ZZZZZ"));
}
END_TEST

START_TEST(uncaught_error_exits_with_status_1)
{
	ph_error(ERRCODE_INTERNAL_ERROR, "nobody catches this");
}
END_TEST

/* ---- memory contexts ---------------------------------------------------------------------- */

START_TEST(alloc_is_aligned_and_owned)
{
	mem_init();
	mem_ctx *c = mem_create(mem_top, "t");

	for (size_t n = 1; n < 20000; n = n * 3 + 1) {
		char *p = mem_alloc(c, n);

		ck_assert_int_eq((uintptr_t)p % 16, 0);
		ck_assert_ptr_eq(mem_owner(p), c);
		memset(p, 0xab, n);
	}
	ck_assert_uint_gt(mem_bytes(c), 14000);
	mem_delete(c);
}
END_TEST

START_TEST(free_list_reuses_small_chunks)
{
	mem_init();
	mem_ctx *c = mem_create(mem_top, "t");
	void *a = mem_alloc(c, 100);

	pfree(a);
	ck_assert_ptr_eq(mem_alloc(c, 120), a); /* same 128-byte class */
	mem_delete(c);
}
END_TEST

START_TEST(large_chunks_freed_and_reallocated)
{
	mem_init();
	mem_ctx *c = mem_create(mem_top, "t");
	mem_ctx *old = mem_switch(c);
	char *p = palloc(100000);
	size_t before;

	memset(p, 'x', 100000);
	p = repalloc(p, 300000);
	ck_assert_int_eq(p[99999], 'x');
	before = mem_bytes(c);
	pfree(p);
	ck_assert_uint_lt(mem_bytes(c), before - 290000);
	p = palloc(10);
	strcpy(p, "abc");
	p = repalloc(p, 50000);
	ck_assert_str_eq(p, "abc");
	mem_switch(old);
	mem_delete(c);
}
END_TEST

START_TEST(reset_deletes_children)
{
	mem_init();
	mem_ctx *parent = mem_create(mem_top, "parent");
	mem_ctx *child = mem_create(parent, "child");

	mem_alloc(child, 5000);
	mem_alloc(parent, 10);
	ck_assert_uint_gt(mem_bytes(parent), 5000);
	mem_reset(parent);
	/* at most the first block is kept, and allocating again reuses it */
	ck_assert_uint_le(mem_bytes(parent), 8192 + 64);
	{
		size_t kept = mem_bytes(parent);

		ck_assert_uint_gt(kept, 8192);
		mem_alloc(parent, 100);
		ck_assert_uint_eq(mem_bytes(parent), kept);
	}
	mem_delete(parent);
}
END_TEST

START_TEST(psprintf_formats)
{
	mem_init();
	char *s = psprintf("%s-%d", "abc", 42);

	ck_assert_str_eq(s, "abc-42");
	ck_assert_str_eq(pstrndup("abcdef", 3), "abc");
}
END_TEST

START_TEST(huge_request_raises_out_of_memory)
{
	volatile int caught = 0;

	mem_init();
	ERR_TRY();
	{
		palloc((size_t)1 << 62);
	}
	ERR_CATCH();
	{
		caught = 1;
		ck_assert_str_eq(err_last()->sqlstate, "53200");
	}
	ERR_END();
	ck_assert_int_eq(caught, 1);
}
END_TEST

/* ---- settings ------------------------------------------------------------------------------ */

static char conf_path[64];

static const char *
write_conf(const char *text)
{
	FILE *f;

	snprintf(conf_path, sizeof(conf_path), "/tmp/phcfg.%d.conf", (int)getpid());
	f = fopen(conf_path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return conf_path;
}

static void
expect_load_error(const char *text, const char *needle)
{
	char err[512] = "";

	cfg_init_defaults();
	ck_assert_int_eq(cfg_load(write_conf(text), false, err, sizeof(err)), -1);
	if (strstr(err, needle) == NULL)
		ck_abort_msg("error \"%s\" does not contain \"%s\"", err, needle);
	unlink(conf_path);
}

START_TEST(defaults_are_applied)
{
	cfg_init_defaults();
	ck_assert_int_eq(settings.port, 5544);
	ck_assert_int_eq(settings.shared_buffers, 128 * 1024 * 1024);
	ck_assert_int_eq(settings.deadlock_timeout, 1000);
	ck_assert_int_eq(settings.checkpoint_timeout, 300000);
	ck_assert(settings.fsync);
	ck_assert_str_eq(settings.listen_addresses, "127.0.0.1");
}
END_TEST

START_TEST(file_values_with_units_and_comments)
{
	char err[256];
	char buf[64];

	cfg_init_defaults();
	ck_assert_int_eq(cfg_load(write_conf("# comment\n"
	                                     "port = 6000   # trailing comment\n"
	                                     "shared_buffers = 256MB\n"
	                                     "work_mem=8192\n"
	                                     "deadlock_timeout = 250ms\n"
	                                     "checkpoint_timeout = 2min\n"
	                                     "fsync = off\n"
	                                     "listen_addresses = '127.0.0.1, ::1'\n"
	                                     "log_level = debug\n"
	                                     "deadlock_policy = wound_wait\n"
	                                     "checkpoint_completion_target = 0.5\n"
	                                     "application_name = 'it''s'\n"
	                                     "\n"),
	                          false, err, sizeof(err)),
	                 0);
	ck_assert_int_eq(settings.port, 6000);
	ck_assert_int_eq(settings.shared_buffers, 256LL * 1024 * 1024);
	ck_assert_int_eq(settings.work_mem, 8192LL * 1024);
	ck_assert_int_eq(settings.deadlock_timeout, 250);
	ck_assert_int_eq(settings.checkpoint_timeout, 120000);
	ck_assert(!settings.fsync);
	ck_assert_str_eq(settings.listen_addresses, "127.0.0.1, ::1");
	ck_assert_int_eq(settings.log_level, LV_DEBUG);
	ck_assert_int_eq(settings.deadlock_policy, 2);
	ck_assert_str_eq(settings.application_name, "it's");
	ck_assert_str_eq(cfg_show("shared_buffers", buf, sizeof(buf)), "256MB");
	ck_assert_str_eq(cfg_show("checkpoint_timeout", buf, sizeof(buf)), "2min");
	ck_assert_str_eq(cfg_show("deadlock_timeout", buf, sizeof(buf)), "250ms");
	ck_assert_str_eq(cfg_show("fsync", buf, sizeof(buf)), "off");
	ck_assert_str_eq(cfg_show("deadlock_policy", buf, sizeof(buf)), "wound_wait");
	log_set_level(LV_INFO);
	unlink(conf_path);
}
END_TEST

START_TEST(every_error_names_file_line_and_reason)
{
	expect_load_error("port = 5544\nbogus_key = 1\n", ":2: unrecognized configuration parameter \"bogus_key\"");
	expect_load_error("port = abc\n", ":1: invalid value for parameter \"port\"");
	expect_load_error("port = 70000\n", "outside the valid range");
	expect_load_error("shared_buffers = '10 parsecs'\n", "invalid unit for parameter \"shared_buffers\"");
	expect_load_error("deadlock_timeout = 5fortnights\n", "invalid unit for parameter \"deadlock_timeout\"");
	expect_load_error("fsync = maybe\n", "requires a Boolean value");
	expect_load_error("deadlock_policy = pray\n", "available values: detect,wait_die,wound_wait");
	expect_load_error("port 5544\n", ":1: syntax error: expected \"=\"");
	expect_load_error("port =\n", "a value is expected");
	expect_load_error("listen_addresses = 'abc\n", "unterminated quoted string");
	expect_load_error("port = 1 2\n", "unexpected text after the value");
	expect_load_error("= 3\n", "a setting name is expected");
	expect_load_error("checkpoint_completion_target = 2\n", "outside the valid range");
	expect_load_error("checkpoint_completion_target = x\n", "a number is required");
	expect_load_error("po-rt = 3\n", "invalid character in setting name");
}
END_TEST

START_TEST(bad_file_changes_nothing)
{
	char err[256];

	cfg_init_defaults();
	ck_assert_int_eq(cfg_load(write_conf("port = 6001\n"), false, err, sizeof(err)), 0);
	ck_assert_int_eq(cfg_load(write_conf("work_mem = 1MB\nport = zz\n"), true, err, sizeof(err)), -1);
	ck_assert_int_eq(settings.port, 6001);
	ck_assert_int_eq(settings.work_mem, 4 * 1024 * 1024);
	unlink(conf_path);
}
END_TEST

START_TEST(missing_file_is_an_error)
{
	char err[256];

	cfg_init_defaults();
	ck_assert_int_eq(cfg_load("/nonexistent/phantom.conf", false, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "could not open configuration file"));
}
END_TEST

START_TEST(reload_keeps_restart_settings_and_applies_others)
{
	char err[256];

	cfg_init_defaults();
	ck_assert_int_eq(cfg_load(write_conf("port = 6002\nwork_mem = 2MB\n"), false, err, sizeof(err)), 0);
	ck_assert_int_eq(cfg_load(write_conf("port = 6003\nwork_mem = 3MB\n"), true, err, sizeof(err)), 0);
	ck_assert_int_eq(settings.port, 6002);
	ck_assert_int_eq(settings.work_mem, 3 * 1024 * 1024);
	/* a setting removed from the file returns to its default */
	ck_assert_int_eq(cfg_load(write_conf("port = 6002\n"), true, err, sizeof(err)), 0);
	ck_assert_int_eq(settings.work_mem, 4 * 1024 * 1024);
	unlink(conf_path);
}
END_TEST

START_TEST(overrides_win_over_the_file)
{
	char err[256];

	cfg_init_defaults();
	ck_assert_int_eq(cfg_override("port=7000", err, sizeof(err)), 0);
	ck_assert_int_eq(cfg_load(write_conf("port = 6002\n"), false, err, sizeof(err)), 0);
	ck_assert_int_eq(settings.port, 7000);
	ck_assert_int_eq(cfg_override("nonsense=1", err, sizeof(err)), -1);
	ck_assert_int_eq(cfg_override("port", err, sizeof(err)), -1);
	ck_assert_int_eq(cfg_override("port=-5", err, sizeof(err)), -1);
	unlink(conf_path);
}
END_TEST

START_TEST(list_settings_accumulate)
{
	char err[256];

	cfg_init_defaults();
	ck_assert_ptr_nonnull(strstr(settings.auth_rules, "127.0.0.1/32 trust"));
	ck_assert_int_eq(cfg_load(write_conf("auth_rule = 'host all all 10.0.0.0/8 scram-sha-256'\n"
	                                     "auth_rule = 'host all all 0.0.0.0/0 password'\n"),
	                          false, err, sizeof(err)),
	                 0);
	ck_assert_str_eq(settings.auth_rules,
	                 "host all all 10.0.0.0/8 scram-sha-256\nhost all all 0.0.0.0/0 password");
	unlink(conf_path);
}
END_TEST

START_TEST(session_set_and_reset)
{
	char err[256];

	cfg_init_defaults();
	ck_assert_int_eq(cfg_set_session("statement_timeout", "5s", err, sizeof(err)), 0);
	ck_assert_int_eq(settings.statement_timeout, 5000);
	ck_assert_int_eq(cfg_set_session("port", "1", err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "cannot be changed now"));
	ck_assert_int_eq(cfg_set_session("no_such", "1", err, sizeof(err)), -1);
	ck_assert_int_eq(cfg_set_session("work_mem", "lots", err, sizeof(err)), -1);
	ck_assert_int_eq(cfg_set_session("work_mem", "64MB", err, sizeof(err)), 0);
	ck_assert_int_eq(cfg_reset_session("statement_timeout", err, sizeof(err)), 0);
	ck_assert_int_eq(settings.statement_timeout, 0);
	ck_assert_int_eq(settings.work_mem, 64 * 1024 * 1024);
	ck_assert_int_eq(cfg_reset_session(NULL, err, sizeof(err)), 0);
	ck_assert_int_eq(settings.work_mem, 4 * 1024 * 1024);
	ck_assert_int_eq(cfg_reset_session("port", err, sizeof(err)), -1);
	ck_assert_int_eq(cfg_reset_session("zzz", err, sizeof(err)), -1);
}
END_TEST

START_TEST(every_setting_is_documented_and_in_the_sample)
{
	size_t n;
	const cfg_def *t = cfg_table(&n);
	char path[1024];
	static char man[1 << 17], sample[1 << 16];
	FILE *f;
	size_t len;
	const char *srcdir = getenv("top_srcdir");

	if (srcdir == NULL)
		srcdir = ".";
	snprintf(path, sizeof(path), "%s/man/phantom.conf.5", srcdir);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	len = fread(man, 1, sizeof(man) - 1, f);
	man[len] = '\0';
	fclose(f);
	snprintf(path, sizeof(path), "%s/etc/phantom.conf", srcdir);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	len = fread(sample, 1, sizeof(sample) - 1, f);
	sample[len] = '\0';
	fclose(f);
	for (size_t i = 0; i < n; i++) {
		char needle[128];

		snprintf(needle, sizeof(needle), ".B %s\n", t[i].name);
		ck_assert_msg(strstr(man, needle) != NULL, "%s is not documented in phantom.conf(5)",
		              t[i].name);
		snprintf(needle, sizeof(needle), "%s = ", t[i].name);
		ck_assert_msg(strstr(sample, needle) != NULL, "%s is missing from etc/phantom.conf",
		              t[i].name);
	}
}
END_TEST

START_TEST(log_level_names_round_trip)
{
	ck_assert_int_eq(log_level_from_name("warning"), LV_WARNING);
	ck_assert_int_eq(log_level_from_name("DEBUG2"), LV_DEBUG2);
	ck_assert_int_eq(log_level_from_name("panic"), -1);
	ck_assert_str_eq(log_level_name(LV_ERROR), "ERROR");
}
END_TEST

static Suite *
util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc;

	tc = tcase_create("errors");
	tcase_add_test(tc, error_unwinds_to_nearest_frame_with_fields);
	tcase_add_test(tc, nested_frames_rethrow_outward);
	tcase_add_test(tc, try_without_error_pops_frame);
	tcase_add_test(tc, fatal_level_is_reported);
	tcase_add_test(tc, code_names_come_from_errcodes_txt);
	tcase_add_exit_test(tc, uncaught_error_exits_with_status_1, 1);
	suite_add_tcase(s, tc);

	tc = tcase_create("memory");
	tcase_add_test(tc, alloc_is_aligned_and_owned);
	tcase_add_test(tc, free_list_reuses_small_chunks);
	tcase_add_test(tc, large_chunks_freed_and_reallocated);
	tcase_add_test(tc, reset_deletes_children);
	tcase_add_test(tc, psprintf_formats);
	tcase_add_test(tc, huge_request_raises_out_of_memory);
	suite_add_tcase(s, tc);

	tc = tcase_create("settings");
	tcase_add_test(tc, defaults_are_applied);
	tcase_add_test(tc, file_values_with_units_and_comments);
	tcase_add_test(tc, every_error_names_file_line_and_reason);
	tcase_add_test(tc, bad_file_changes_nothing);
	tcase_add_test(tc, missing_file_is_an_error);
	tcase_add_test(tc, reload_keeps_restart_settings_and_applies_others);
	tcase_add_test(tc, overrides_win_over_the_file);
	tcase_add_test(tc, list_settings_accumulate);
	tcase_add_test(tc, session_set_and_reset);
	tcase_add_test(tc, every_setting_is_documented_and_in_the_sample);
	tcase_add_test(tc, log_level_names_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(util_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
