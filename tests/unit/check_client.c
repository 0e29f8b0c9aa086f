/*
 * check_client.c — libphantom (lib/client) against a server: by default a fake-server
 * (tests/pgwire) started here on a free loopback port; with PHANTOM_TEST_HOST and
 * PHANTOM_TEST_PORT set, against that server instead (tests that need the test double's
 * roles are then skipped).  Links only libphantom, as a client program would.
 */
#include <check.h>
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <openssl/evp.h>

#include "phantom.h"

static pid_t server_pid;
static char host[64] = "127.0.0.1";
static char port[16];
static bool fake = true;

static void
server_start(void)
{
	const char *h = getenv("PHANTOM_TEST_HOST"), *p = getenv("PHANTOM_TEST_PORT");
	const char *top = getenv("top_builddir");
	char path[512], portfile[64];

	if (p && *p) {
		snprintf(host, sizeof(host), "%s", h && *h ? h : "127.0.0.1");
		snprintf(port, sizeof(port), "%s", p);
		fake = false;
		return;
	}
	snprintf(path, sizeof(path), "%s/tests/pgwire/fake-server", top ? top : ".");
	snprintf(portfile, sizeof(portfile), "/tmp/check_client.%d.port", (int)getpid());
	unlink(portfile);
	server_pid = fork();
	ck_assert_int_ge(server_pid, 0);
	if (server_pid == 0) {
		char log[64];

		snprintf(log, sizeof(log), "/tmp/check_client.%d.log", (int)getppid());
		freopen("/dev/null", "w", stdout);
		execl(path, "fake-server", "-P", portfile, "-l", log,
		      "-a", "host all alice 127.0.0.1/32 scram-sha-256",
		      "-a", "host all carol 127.0.0.1/32 password",
		      "-a", "host all all 127.0.0.1/32 trust", (char *)NULL);
		perror(path);
		_exit(127);
	}
	for (int i = 0; i < 500; i++) {
		FILE *f = fopen(portfile, "r");

		if (f) {
			bool ok = fgets(port, sizeof(port), f) != NULL;

			fclose(f);
			if (ok && strchr(port, '\n')) {
				*strchr(port, '\n') = '\0';
				return;
			}
		}
		usleep(10000);
	}
	ck_abort_msg("fake-server did not start");
}

static void
server_stop(void)
{
	if (server_pid > 0) {
		kill(server_pid, SIGTERM);
		waitpid(server_pid, NULL, 0);
		server_pid = 0;
	}
}

static const char *
test_user(void)
{
	const char *u = getenv("PHANTOM_TEST_USER");

	return fake || u == NULL ? "bob" : u;
}

static const char *
test_db(void)
{
	const char *d = getenv("PHANTOM_TEST_DB");

	return fake || d == NULL ? "test" : d;
}

static char *
conninfo(const char *extra)
{
	static char buf[512];

	snprintf(buf, sizeof(buf), "host=%s port=%s user=%s dbname=%s %s", host, port, test_user(),
	         test_db(), extra ? extra : "");
	return buf;
}

static phantom_conn *
connect_ok(void)
{
	phantom_conn *c = phantom_connect(conninfo(NULL));

	ck_assert_msg(phantom_status(c) == PHANTOM_CONNECTION_OK, "%s", phantom_error_message(c));
	phantom_set_notice_handler(c, NULL, NULL);
	return c;
}

static phantom_result *
exec_ok(phantom_conn *c, const char *sql, phantom_res_status want)
{
	phantom_result *r = phantom_exec(c, sql);

	ck_assert_msg(phantom_result_status(r) == want, "%s: %s %s", sql,
	              phantom_res_status_name(phantom_result_status(r)),
	              phantom_result_error_message(r));
	return r;
}

static void
run(phantom_conn *c, const char *sql, phantom_res_status want)
{
	phantom_clear(exec_ok(c, sql, want));
}

/* ---- conninfo -------------------------------------------------------------------------------- */

static const char *
opt(phantom_option *o, const char *k)
{
	for (; o && o->keyword; o++)
		if (strcmp(o->keyword, k) == 0)
			return o->value;
	return NULL;
}

START_TEST(keyword_value_strings_parse_with_quotes_and_escapes)
{
	char *err = NULL;
	phantom_option *o = phantom_conninfo_parse(
		"host=db.example port = 6000 user='o\\'brien' password='a b\\\\c' dbname=x\\ y "
		"application_name=first application_name=second", &err);

	ck_assert_ptr_nonnull(o);
	ck_assert_ptr_null(err);
	ck_assert_str_eq(opt(o, "host"), "db.example");
	ck_assert_str_eq(opt(o, "port"), "6000");
	ck_assert_str_eq(opt(o, "user"), "o'brien");
	ck_assert_str_eq(opt(o, "password"), "a b\\c");
	ck_assert_str_eq(opt(o, "dbname"), "x y");
	ck_assert_str_eq(opt(o, "application_name"), "second");
	phantom_options_free(o);
	o = phantom_conninfo_parse("", &err);
	ck_assert_ptr_nonnull(o);
	ck_assert_ptr_null(o[0].keyword);
	phantom_options_free(o);
}
END_TEST

START_TEST(bad_keyword_value_strings_are_reported)
{
	static const char *const bad[] = {"host", "nosuchkey=1", "user='abc", "host=x port"};
	static const char *const why[] = {"missing \"=\" after \"host\"", "invalid connection option "
	                                  "\"nosuchkey\"", "unterminated quoted string",
	                                  "missing \"=\" after \"port\""};

	for (int i = 0; i < 4; i++) {
		char *err = NULL;

		ck_assert_ptr_null(phantom_conninfo_parse(bad[i], &err));
		ck_assert_ptr_nonnull(err);
		ck_assert_msg(strstr(err, why[i]) != NULL, "%s: %s", bad[i], err);
		phantom_free(err);
	}
}
END_TEST

START_TEST(uris_parse_every_part)
{
	char *err = NULL;
	phantom_option *o = phantom_conninfo_parse(
		"postgresql://us%40er:p%3Ass@db.example:6543/my%20db?application_name=app&connect_timeout=7",
		&err);

	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(opt(o, "user"), "us@er");
	ck_assert_str_eq(opt(o, "password"), "p:ss");
	ck_assert_str_eq(opt(o, "host"), "db.example");
	ck_assert_str_eq(opt(o, "port"), "6543");
	ck_assert_str_eq(opt(o, "dbname"), "my db");
	ck_assert_str_eq(opt(o, "application_name"), "app");
	ck_assert_str_eq(opt(o, "connect_timeout"), "7");
	phantom_options_free(o);
	o = phantom_conninfo_parse("phantom://[::1]:5544", &err);
	ck_assert_str_eq(opt(o, "host"), "::1");
	ck_assert_str_eq(opt(o, "port"), "5544");
	ck_assert_ptr_null(opt(o, "dbname"));
	phantom_options_free(o);
	o = phantom_conninfo_parse("postgres://alice@/db", &err);
	ck_assert_str_eq(opt(o, "user"), "alice");
	ck_assert_ptr_null(opt(o, "host"));
	ck_assert_str_eq(opt(o, "dbname"), "db");
	phantom_options_free(o);
	o = phantom_conninfo_parse("postgresql://", &err);
	ck_assert_ptr_nonnull(o);
	ck_assert_ptr_null(o[0].keyword);
	phantom_options_free(o);
}
END_TEST

START_TEST(bad_uris_are_reported)
{
	static const char *const bad[] = {
		"postgresql://h/db?nosuch=1", "postgresql://h/db?noequals", "postgresql://h/d%zzb",
		"postgresql://[::1/db", "postgresql://a,b/db", "postgresql://h/d%0", "postgresql://h/d%00",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *err = NULL;

		ck_assert_msg(phantom_conninfo_parse(bad[i], &err) == NULL, "%s", bad[i]);
		ck_assert_ptr_nonnull(err);
		phantom_free(err);
	}
}
END_TEST

START_TEST(quoting_helpers)
{
	char *s = phantom_escape_literal("it's", 4);

	ck_assert_str_eq(s, "'it''s'");
	phantom_free(s);
	s = phantom_escape_literal("a\\b'", 4);
	ck_assert_str_eq(s, "E'a\\\\b'''");
	phantom_free(s);
	s = phantom_escape_identifier("My \"T\"", 6);
	ck_assert_str_eq(s, "\"My \"\"T\"\"\"");
	phantom_free(s);
}
END_TEST

START_TEST(null_arguments_are_harmless)
{
	ck_assert_int_eq(phantom_status(NULL), PHANTOM_CONNECTION_BAD);
	ck_assert_int_eq(phantom_ntuples(NULL), 0);
	ck_assert_int_eq(phantom_nfields(NULL), 0);
	ck_assert_str_eq(phantom_value(NULL, 0, 0), "");
	ck_assert_int_eq(phantom_is_null(NULL, 0, 0), 1);
	ck_assert_int_eq(phantom_result_status(NULL), PHANTOM_ERROR);
	ck_assert_int_eq(phantom_transaction_status(NULL), PHANTOM_TXN_UNKNOWN);
	ck_assert_ptr_null(phantom_get_result(NULL));
	ck_assert_int_eq(phantom_lib_version(), PHANTOM_LIB_VERSION);
	ck_assert_str_eq(phantom_res_status_name(PHANTOM_COPY_IN), "PHANTOM_COPY_IN");
	ck_assert_str_eq(phantom_res_status_name((phantom_res_status)99), "PHANTOM_UNKNOWN");
	phantom_finish(NULL);
	phantom_clear(NULL);
}
END_TEST

/* ---- connecting --------------------------------------------------------------------------- */

START_TEST(connect_reports_server_parameters)
{
	phantom_conn *c = connect_ok();

	ck_assert_int_ge(phantom_server_version(c), 150000);
	ck_assert_ptr_nonnull(phantom_parameter_status(c, "server_version"));
	ck_assert_str_eq(phantom_parameter_status(c, "server_encoding"), "UTF8");
	ck_assert_str_eq(phantom_parameter_status(c, "integer_datetimes"), "on");
	ck_assert_ptr_null(phantom_parameter_status(c, "no_such_parameter"));
	ck_assert_int_gt(phantom_backend_pid(c), 0);
	ck_assert_int_ge(phantom_socket(c), 0);
	ck_assert_int_eq(phantom_transaction_status(c), PHANTOM_TXN_IDLE);
	ck_assert_str_eq(phantom_host(c), host);
	ck_assert_str_eq(phantom_port(c), port);
	ck_assert_str_eq(phantom_db(c), test_db());
	ck_assert_str_eq(phantom_error_message(c), "");
	phantom_finish(c);
}
END_TEST

START_TEST(connect_failures_explain_themselves)
{
	static const struct {
		const char *info;
		const char *msg;
	} cases[] = {
		{"host=127.0.0.1 port=1 user=x", "Is the server running"},
		{"host=127.0.0.1 port=abc user=x", "invalid port number"},
		{"host=127.0.0.1 port=99999 user=x", "invalid port number"},
		{"host=127.0.0.1 sslmode=require user=x", "no TLS yet"},
		{"host=127.0.0.1 client_encoding=LATIN1 user=x", "not supported"},
		{"host=127.0.0.1 connect_timeout=x user=x", "connect_timeout"},
		{"nonsense", "missing \"=\""},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		phantom_conn *c = phantom_connect(cases[i].info);

		ck_assert_int_eq(phantom_status(c), PHANTOM_CONNECTION_BAD);
		ck_assert_msg(strstr(phantom_error_message(c), cases[i].msg) != NULL, "%s: %s",
		              cases[i].info, phantom_error_message(c));
		ck_assert_int_eq(phantom_socket(c), -1);
		phantom_finish(c);
	}
}
END_TEST

START_TEST(server_refusals_carry_the_server_message)
{
	char info[256];
	phantom_conn *c;

	if (!fake)
		return;
	snprintf(info, sizeof(info), "host=%s port=%s user=nosuchrole", host, port);
	c = phantom_connect(info);
	ck_assert_int_eq(phantom_status(c), PHANTOM_CONNECTION_BAD);
	ck_assert(strstr(phantom_error_message(c), "FATAL:  role \"nosuchrole\" does not exist"));
	phantom_finish(c);
	snprintf(info, sizeof(info), "host=%s port=%s user=bob dbname=nosuchdb", host, port);
	c = phantom_connect(info);
	ck_assert(strstr(phantom_error_message(c), "database \"nosuchdb\" does not exist"));
	phantom_finish(c);
	/* a query on a bad connection fails cleanly */
	{
		phantom_result *r = phantom_exec(c = phantom_connect("port=1 host=127.0.0.1 user=x"),
		                                 "SELECT 1");

		ck_assert_int_eq(phantom_result_status(r), PHANTOM_ERROR);
		ck_assert_int_eq(phantom_send_query(c, "SELECT 1"), 0);
		phantom_clear(r);
		phantom_finish(c);
	}
}
END_TEST

START_TEST(scram_and_password_authentication)
{
	char info[256];
	phantom_conn *c;

	if (!fake)
		return;
	snprintf(info, sizeof(info), "postgresql://alice:secret@%s:%s/test", host, port);
	c = phantom_connect(info);
	ck_assert_msg(phantom_status(c) == PHANTOM_CONNECTION_OK, "%s", phantom_error_message(c));
	phantom_finish(c);
	snprintf(info, sizeof(info), "postgresql://alice:wrong@%s:%s/test", host, port);
	c = phantom_connect(info);
	ck_assert(strstr(phantom_error_message(c), "password authentication failed for user \"alice\""));
	phantom_finish(c);
	snprintf(info, sizeof(info), "host=%s port=%s user=alice", host, port);
	c = phantom_connect(info);
	ck_assert(strstr(phantom_error_message(c), "no password was supplied"));
	phantom_finish(c);
	snprintf(info, sizeof(info), "host=%s port=%s user=carol password=pencil", host, port);
	c = phantom_connect(info);
	ck_assert_msg(phantom_status(c) == PHANTOM_CONNECTION_OK, "%s", phantom_error_message(c));
	phantom_finish(c);
	/* the password may come from the environment */
	setenv("PHANTOM_PASSWORD", "secret", 1);
	snprintf(info, sizeof(info), "host=%s port=%s user=alice", host, port);
	c = phantom_connect(info);
	unsetenv("PHANTOM_PASSWORD");
	ck_assert_msg(phantom_status(c) == PHANTOM_CONNECTION_OK, "%s", phantom_error_message(c));
	phantom_finish(c);
}
END_TEST

START_TEST(environment_supplies_defaults)
{
	phantom_conn *c;

	setenv("PHANTOM_HOST", host, 1);
	setenv("PHANTOM_PORT", port, 1);
	setenv("PHANTOM_USER", test_user(), 1);
	setenv("PHANTOM_DATABASE", test_db(), 1);
	c = phantom_connect("application_name=envtest");
	unsetenv("PHANTOM_HOST");
	unsetenv("PHANTOM_PORT");
	unsetenv("PHANTOM_USER");
	unsetenv("PHANTOM_DATABASE");
	ck_assert_msg(phantom_status(c) == PHANTOM_CONNECTION_OK, "%s", phantom_error_message(c));
	ck_assert_str_eq(phantom_parameter_status(c, "application_name"), "envtest");
	phantom_finish(c);
}
END_TEST

/* ---- queries -------------------------------------------------------------------------------- */

START_TEST(results_give_values_names_types_and_tags)
{
	phantom_conn *c = connect_ok();
	phantom_result *r = exec_ok(c, "SELECT 1 AS a, 'two' AS b, NULL AS c", PHANTOM_TUPLES_OK);

	ck_assert_int_eq(phantom_ntuples(r), 1);
	ck_assert_int_eq(phantom_nfields(r), 3);
	ck_assert_str_eq(phantom_fname(r, 1), "b");
	ck_assert_ptr_null(phantom_fname(r, 3));
	ck_assert_int_eq(phantom_fnumber(r, "c"), 2);
	ck_assert_int_eq(phantom_fnumber(r, "B"), 1);
	ck_assert_int_eq(phantom_fnumber(r, "zz"), -1);
	ck_assert_uint_eq(phantom_ftype(r, 0), 23);
	ck_assert_int_eq(phantom_fsize(r, 0), 4);
	ck_assert_int_eq(phantom_fmod(r, 0), -1);
	ck_assert_int_eq(phantom_fformat(r, 0), 0);
	ck_assert_uint_eq(phantom_ftable(r, 0), 0);
	ck_assert_int_eq(phantom_ftablecol(r, 0), 0);
	ck_assert_str_eq(phantom_value(r, 0, 0), "1");
	ck_assert_str_eq(phantom_value(r, 0, 1), "two");
	ck_assert_int_eq(phantom_length(r, 0, 1), 3);
	ck_assert_int_eq(phantom_is_null(r, 0, 1), 0);
	ck_assert_int_eq(phantom_is_null(r, 0, 2), 1);
	ck_assert_str_eq(phantom_value(r, 0, 2), "");
	ck_assert_str_eq(phantom_value(r, 1, 0), "");
	ck_assert_str_eq(phantom_cmd_status(r), "SELECT 1");
	ck_assert_int_eq(phantom_cmd_tuples(r), 1);
	ck_assert_str_eq(phantom_result_error_message(r), "");
	phantom_clear(r);
	/* several statements: the last result */
	r = exec_ok(c, "SELECT 1; SELECT * FROM generate_series(1, 4)", PHANTOM_TUPLES_OK);
	ck_assert_int_eq(phantom_ntuples(r), 4);
	ck_assert_str_eq(phantom_value(r, 3, 0), "4");
	phantom_clear(r);
	r = exec_ok(c, "", PHANTOM_EMPTY_QUERY);
	ck_assert_int_eq(phantom_cmd_tuples(r), -1);
	phantom_clear(r);
	r = exec_ok(c, "BEGIN", PHANTOM_COMMAND_OK);
	ck_assert_str_eq(phantom_cmd_status(r), "BEGIN");
	ck_assert_int_eq(phantom_cmd_tuples(r), -1);
	phantom_clear(r);
	run(c, "CREATE TEMP TABLE t (a int, b text)", PHANTOM_COMMAND_OK);
	r = exec_ok(c, "INSERT INTO t VALUES (1, 'x'), (2, 'y')", PHANTOM_COMMAND_OK);
	ck_assert_int_eq(phantom_cmd_tuples(r), 2);
	phantom_clear(r);
	run(c, "COMMIT", PHANTOM_COMMAND_OK);
	phantom_finish(c);
	/* results outlive their connection */
	ck_assert_int_eq(phantom_ntuples(NULL), 0);
}
END_TEST

START_TEST(large_results_arrive_whole)
{
	phantom_conn *c = connect_ok();
	phantom_result *r = exec_ok(c, "SELECT * FROM generate_series(1, 100000)", PHANTOM_TUPLES_OK);
	long long sum = 0;

	phantom_finish(c);
	ck_assert_int_eq(phantom_ntuples(r), 100000);
	for (int i = 0; i < phantom_ntuples(r); i++)
		sum += atoll(phantom_value(r, i, 0));
	ck_assert_int_eq(sum, 5000050000LL);
	phantom_clear(r);
}
END_TEST

START_TEST(errors_carry_sqlstate_position_detail_and_hint)
{
	phantom_conn *c = connect_ok();
	phantom_result *r = exec_ok(c, "SELECT nosuchcol", PHANTOM_ERROR);

	ck_assert_str_eq(phantom_result_error_field(r, PHANTOM_DIAG_SQLSTATE), "42703");
	ck_assert_str_eq(phantom_result_error_field(r, PHANTOM_DIAG_STATEMENT_POSITION), "8");
	ck_assert_str_eq(phantom_result_error_field(r, PHANTOM_DIAG_SEVERITY), "ERROR");
	ck_assert_str_eq(phantom_result_error_message(r),
	                 "ERROR:  column \"nosuchcol\" does not exist\n");
	ck_assert_ptr_null(phantom_result_error_field(r, PHANTOM_DIAG_MESSAGE_HINT));
	ck_assert_ptr_null(phantom_result_error_field(r, 300));
	ck_assert(strstr(phantom_error_message(c), "nosuchcol"));
	phantom_clear(r);
	if (fake) {
		r = exec_ok(c, "DO $$BEGIN RAISE EXCEPTION 'boom'; END$$", PHANTOM_ERROR);
		ck_assert_str_eq(phantom_result_error_message(r),
		                 "ERROR:  boom\nHINT:  Raised by a DO block.\n");
		phantom_clear(r);
	}
	/* the first error is returned, not what followed it */
	r = exec_ok(c, "SELECT 1; SELECT 1/0; SELECT 2", PHANTOM_ERROR);
	ck_assert_str_eq(phantom_result_error_field(r, PHANTOM_DIAG_SQLSTATE), "22012");
	phantom_clear(r);
	phantom_finish(c);
}
END_TEST

START_TEST(parameters_text_null_and_binary)
{
	phantom_conn *c = connect_ok();
	const char *vals[] = {"41", NULL, "abc"};
	phantom_oid types[] = {23, 25, 25};
	phantom_result *r;

	r = phantom_exec_params(c, "SELECT $1::int4 AS n, $2::text AS nul, $3::text AS s", 3, types,
	                        vals, NULL, NULL, 0);
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_TUPLES_OK);
	ck_assert_str_eq(phantom_value(r, 0, 0), "41");
	ck_assert(phantom_is_null(r, 0, 1));
	ck_assert_str_eq(phantom_value(r, 0, 2), "abc");
	phantom_clear(r);
	/* binary result: an int4 as four bytes */
	r = phantom_exec_params(c, "SELECT $1::int4", 1, NULL, vals, NULL, NULL, 1);
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_TUPLES_OK);
	ck_assert_int_eq(phantom_fformat(r, 0), 1);
	ck_assert_int_eq(phantom_length(r, 0, 0), 4);
	ck_assert(memcmp(phantom_value(r, 0, 0), "\0\0\0\51", 4) == 0);
	phantom_clear(r);
	/* binary parameter */
	{
		const char bin[] = {0, 0, 1, 0};
		const char *bv[] = {bin};
		int len[] = {4}, fmt[] = {1};
		phantom_oid t[] = {23};

		r = phantom_exec_params(c, "SELECT $1::int4", 1, t, bv, len, fmt, 0);
		ck_assert_str_eq(phantom_value(r, 0, 0), "256");
		phantom_clear(r);
	}
	r = phantom_exec_params(c, "SELECT $1::int4", 1, NULL, (const char *[]){"x"}, NULL, NULL, 0);
	ck_assert_str_eq(phantom_result_error_field(r, PHANTOM_DIAG_SQLSTATE), "22P02");
	phantom_clear(r);
	r = phantom_exec_params(c, "SELECT 1", -1, NULL, NULL, NULL, NULL, 0);
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_ERROR);
	phantom_clear(r);
	phantom_finish(c);
}
END_TEST

START_TEST(prepared_statements_describe_run_and_close)
{
	phantom_conn *c = connect_ok();
	phantom_oid types[] = {23};
	const char *v5[] = {"5"};
	phantom_result *r;

	r = phantom_prepare(c, "s1", "SELECT $1::int4 AS x, 'k' AS y", 1, types);
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_COMMAND_OK);
	phantom_clear(r);
	r = phantom_prepare(c, "s1", "SELECT 1", 0, NULL);
	ck_assert_str_eq(phantom_result_error_field(r, PHANTOM_DIAG_SQLSTATE), "42P05");
	phantom_clear(r);
	r = phantom_describe_prepared(c, "s1");
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_COMMAND_OK);
	ck_assert_int_eq(phantom_nparams(r), 1);
	ck_assert_uint_eq(phantom_paramtype(r, 0), 23);
	ck_assert_uint_eq(phantom_paramtype(r, 1), 0);
	ck_assert_int_eq(phantom_nfields(r), 2);
	ck_assert_str_eq(phantom_fname(r, 1), "y");
	phantom_clear(r);
	for (int i = 0; i < 3; i++) {
		r = phantom_exec_prepared(c, "s1", 1, v5, NULL, NULL, 0);
		ck_assert_int_eq(phantom_result_status(r), PHANTOM_TUPLES_OK);
		ck_assert_str_eq(phantom_value(r, 0, 0), "5");
		ck_assert_str_eq(phantom_value(r, 0, 1), "k");
		phantom_clear(r);
	}
	r = phantom_prepare(c, "s2", "BEGIN", 0, NULL);
	phantom_clear(r);
	r = phantom_describe_prepared(c, "s2");
	ck_assert_int_eq(phantom_nfields(r), 0);
	ck_assert_int_eq(phantom_nparams(r), 0);
	phantom_clear(r);
	r = phantom_close_prepared(c, "s1");
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_COMMAND_OK);
	phantom_clear(r);
	r = phantom_exec_prepared(c, "s1", 1, v5, NULL, NULL, 0);
	ck_assert_str_eq(phantom_result_error_field(r, PHANTOM_DIAG_SQLSTATE), "26000");
	phantom_clear(r);
	phantom_finish(c);
}
END_TEST

START_TEST(transaction_status_follows_the_server)
{
	phantom_conn *c = connect_ok();

	run(c, "BEGIN", PHANTOM_COMMAND_OK);
	ck_assert_int_eq(phantom_transaction_status(c), PHANTOM_TXN_INTRANS);
	run(c, "SELECT 1/0", PHANTOM_ERROR);
	ck_assert_int_eq(phantom_transaction_status(c), PHANTOM_TXN_INERROR);
	run(c, "SELECT 1", PHANTOM_ERROR);
	run(c, "ROLLBACK", PHANTOM_COMMAND_OK);
	ck_assert_int_eq(phantom_transaction_status(c), PHANTOM_TXN_IDLE);
	ck_assert_int_eq(phantom_send_query(c, "SELECT 1"), 1);
	ck_assert_int_eq(phantom_transaction_status(c), PHANTOM_TXN_ACTIVE);
	ck_assert_int_eq(phantom_send_query(c, "SELECT 2"), 0);
	ck_assert(strstr(phantom_error_message(c), "already in progress"));
	phantom_clear(phantom_get_result(c));
	ck_assert_ptr_null(phantom_get_result(c));
	ck_assert_ptr_null(phantom_get_result(c));
	phantom_finish(c);
}
END_TEST

typedef struct notices {
	int n;
	char last[256];
} notices;

static void
collect(void *arg, const phantom_result *n)
{
	notices *ns = arg;

	ns->n++;
	snprintf(ns->last, sizeof(ns->last), "%s|%s", phantom_result_error_field(n, 'S'),
	         phantom_result_error_field(n, 'M'));
	ck_assert_int_eq(phantom_result_status(n), PHANTOM_NOTICE);
}

START_TEST(notices_reach_the_handler)
{
	phantom_conn *c = connect_ok();
	notices ns = {0};

	phantom_set_notice_handler(c, collect, &ns);
	run(c, "COMMIT", PHANTOM_COMMAND_OK);
	ck_assert_int_eq(ns.n, 1);
	ck_assert_str_eq(ns.last, "WARNING|there is no transaction in progress");
	if (fake) {
		run(c, "DO $$BEGIN RAISE NOTICE 'hi'; END$$", PHANTOM_COMMAND_OK);
		ck_assert_int_eq(ns.n, 2);
		ck_assert_str_eq(ns.last, "NOTICE|hi");
	}
	phantom_set_notice_handler(c, NULL, NULL);
	run(c, "COMMIT", PHANTOM_COMMAND_OK);
	phantom_finish(c);
}
END_TEST

/* ---- COPY -------------------------------------------------------------------------------- */

START_TEST(copy_in_and_out_round_trip)
{
	phantom_conn *c = connect_ok();
	phantom_result *r;
	char *buf;
	int n, rows = 0;
	char all[256] = "";

	run(c, "CREATE TEMP TABLE ct (a int, b text)", PHANTOM_COMMAND_OK);
	r = exec_ok(c, "COPY ct FROM STDIN", PHANTOM_COPY_IN);
	ck_assert_int_eq(phantom_nfields(r), 2);
	phantom_clear(r);
	ck_assert_int_eq(phantom_transaction_status(c), PHANTOM_TXN_ACTIVE);
	ck_assert_int_eq(phantom_put_copy_data(c, "1\tone\n2\t", 8), 1);
	ck_assert_int_eq(phantom_put_copy_data(c, "two\n", 4), 1);
	r = phantom_get_result(c);   /* still copying: the same status again */
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_COPY_IN);
	phantom_clear(r);
	ck_assert_int_eq(phantom_put_copy_end(c, NULL), 1);
	ck_assert_int_eq(phantom_put_copy_end(c, NULL), -1);
	r = phantom_get_result(c);
	ck_assert_str_eq(phantom_cmd_status(r), "COPY 2");
	ck_assert_int_eq(phantom_cmd_tuples(r), 2);
	phantom_clear(r);
	ck_assert_ptr_null(phantom_get_result(c));
	ck_assert_int_eq(phantom_put_copy_data(c, "x", 1), -1);

	r = exec_ok(c, "COPY ct TO STDOUT", PHANTOM_COPY_OUT);
	phantom_clear(r);
	while ((n = phantom_get_copy_data(c, &buf, 0)) > 0) {
		rows++;
		strncat(all, buf, sizeof(all) - strlen(all) - 1);
		phantom_free(buf);
	}
	ck_assert_int_eq(n, -1);
	ck_assert_int_eq(rows, 2);
	ck_assert_str_eq(all, "1\tone\n2\ttwo\n");
	r = phantom_get_result(c);
	ck_assert_str_eq(phantom_cmd_status(r), "COPY 2");
	phantom_clear(r);
	ck_assert_ptr_null(phantom_get_result(c));

	/* a client-side failure cancels the copy */
	phantom_clear(exec_ok(c, "COPY ct FROM STDIN", PHANTOM_COPY_IN));
	ck_assert_int_eq(phantom_put_copy_data(c, "3\tthree\n", 8), 1);
	ck_assert_int_eq(phantom_put_copy_end(c, "user gave up"), 1);
	r = phantom_get_result(c);
	ck_assert_str_eq(phantom_result_error_field(r, 'C'), "57014");
	ck_assert(strstr(phantom_result_error_field(r, 'M'), "user gave up"));
	phantom_clear(r);
	ck_assert_ptr_null(phantom_get_result(c));
	/* a server-side failure: the server stops the copy */
	phantom_clear(exec_ok(c, "COPY ct FROM STDIN", PHANTOM_COPY_IN));
	ck_assert_int_eq(phantom_put_copy_data(c, "3\n", 2), 1);   /* column b missing */
	ck_assert_int_eq(phantom_put_copy_end(c, NULL), 1);
	r = phantom_get_result(c);
	ck_assert_str_eq(phantom_result_error_field(r, 'C'), "22P04");
	/* the line is named in DETAIL (fake engine) or CONTEXT (PostgreSQL) */
	ck_assert(phantom_result_error_field(r, PHANTOM_DIAG_MESSAGE_DETAIL) ||
	          phantom_result_error_field(r, 'W'));
	phantom_clear(r);
	ck_assert_ptr_null(phantom_get_result(c));
	r = exec_ok(c, "SELECT count(*) FROM ct", PHANTOM_TUPLES_OK);
	ck_assert_str_eq(phantom_value(r, 0, 0), "2");
	phantom_clear(r);
	phantom_finish(c);
}
END_TEST

START_TEST(copy_through_the_extended_protocol)
{
	phantom_conn *c = connect_ok();
	phantom_result *r;
	char *buf;

	run(c, "CREATE TEMP TABLE ce (a int)", PHANTOM_COMMAND_OK);
	r = phantom_exec_params(c, "COPY ce FROM STDIN", 0, NULL, NULL, NULL, NULL, 0);
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_COPY_IN);
	phantom_clear(r);
	ck_assert_int_eq(phantom_put_copy_data(c, "7\n8\n", 4), 1);
	ck_assert_int_eq(phantom_put_copy_end(c, NULL), 1);
	r = phantom_get_result(c);
	ck_assert_str_eq(phantom_cmd_status(r), "COPY 2");
	phantom_clear(r);
	ck_assert_ptr_null(phantom_get_result(c));
	r = phantom_exec_params(c, "COPY ce TO STDOUT", 0, NULL, NULL, NULL, NULL, 0);
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_COPY_OUT);
	phantom_clear(r);
	ck_assert_int_eq(phantom_get_copy_data(c, &buf, 0), 2);
	ck_assert_str_eq(buf, "7\n");
	phantom_free(buf);
	ck_assert_int_eq(phantom_get_copy_data(c, &buf, 0), 2);
	phantom_free(buf);
	ck_assert_int_eq(phantom_get_copy_data(c, &buf, 0), -1);
	phantom_clear(phantom_get_result(c));
	ck_assert_ptr_null(phantom_get_result(c));
	ck_assert_int_eq(phantom_transaction_status(c), PHANTOM_TXN_IDLE);
	/* blocking exec refuses while a COPY is open */
	phantom_clear(exec_ok(c, "COPY ce FROM STDIN", PHANTOM_COPY_IN));
	r = phantom_exec(c, "SELECT 1");
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_ERROR);
	ck_assert(strstr(phantom_result_error_message(r), "COPY is in progress"));
	phantom_clear(r);
	phantom_put_copy_end(c, NULL);
	phantom_clear(phantom_get_result(c));
	phantom_finish(c);
}
END_TEST

/* ---- non-blocking, cancel, server-side termination ----------------------------------------- */

START_TEST(non_blocking_results_arrive_in_order)
{
	phantom_conn *c = connect_ok();
	phantom_result *r;
	int results = 0, busy_seen = 0;
	char tags[128] = "";

	ck_assert_int_eq(phantom_set_nonblocking(c, 1), 1);
	ck_assert_int_eq(phantom_is_nonblocking(c), 1);
	ck_assert_int_eq(phantom_send_query(c, "SELECT pg_sleep(0.05); SELECT 2; BEGIN"), 1);
	while (phantom_flush(c) == 1)
		;
	for (;;) {
		struct pollfd pfd = {.fd = phantom_socket(c), .events = POLLIN};

		if (phantom_is_busy(c)) {
			busy_seen++;
			ck_assert_int_ge(poll(&pfd, 1, 5000), 1);
			ck_assert_int_eq(phantom_consume_input(c), 1);
			continue;
		}
		r = phantom_get_result(c);
		if (r == NULL)
			break;
		results++;
		snprintf(tags + strlen(tags), sizeof(tags) - strlen(tags), "[%s]", phantom_cmd_status(r));
		phantom_clear(r);
	}
	ck_assert_int_eq(results, 3);
	ck_assert_str_eq(tags, "[SELECT 1][SELECT 1][BEGIN]");
	ck_assert_int_gt(busy_seen, 0);
	ck_assert_int_eq(phantom_transaction_status(c), PHANTOM_TXN_INTRANS);
	/* the other send functions */
	ck_assert_int_eq(phantom_send_prepare(c, "np", "SELECT $1::int4", 1, NULL), 1);
	r = phantom_get_result(c);
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_COMMAND_OK);
	phantom_clear(r);
	ck_assert_ptr_null(phantom_get_result(c));
	ck_assert_int_eq(phantom_send_query_prepared(c, "np", 1, (const char *[]){"9"}, NULL, NULL, 0),
	                 1);
	r = phantom_get_result(c);
	ck_assert_str_eq(phantom_value(r, 0, 0), "9");
	phantom_clear(r);
	ck_assert_ptr_null(phantom_get_result(c));
	ck_assert_int_eq(phantom_send_describe_prepared(c, "np"), 1);
	r = phantom_get_result(c);
	ck_assert_int_eq(phantom_nparams(r), 1);
	phantom_clear(r);
	ck_assert_ptr_null(phantom_get_result(c));
	ck_assert_int_eq(phantom_send_query_params(c, "SELECT $1", 1, NULL, (const char *[]){"q"},
	                                           NULL, NULL, 0), 1);
	r = phantom_get_result(c);
	ck_assert_str_eq(phantom_value(r, 0, 0), "q");
	phantom_clear(r);
	ck_assert_ptr_null(phantom_get_result(c));
	ck_assert_int_eq(phantom_consume_input(c), 1);
	phantom_finish(c);
}
END_TEST

START_TEST(cancel_stops_a_running_query)
{
	phantom_conn *c = connect_ok();
	phantom_result *r;
	char err[256];

	ck_assert_int_eq(phantom_send_query(c, "SELECT pg_sleep(30)"), 1);
	usleep(200 * 1000);
	ck_assert_int_eq(phantom_cancel(c, err, sizeof(err)), 1);
	r = phantom_get_result(c);
	/* the row description came first in the fake engine; a real engine fails before it */
	while (r && phantom_result_status(r) != PHANTOM_ERROR) {
		phantom_clear(r);
		r = phantom_get_result(c);
	}
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(phantom_result_error_field(r, 'C'), "57014");
	phantom_clear(r);
	ck_assert_ptr_null(phantom_get_result(c));
	run(c, "SELECT 1", PHANTOM_TUPLES_OK);   /* the session goes on */
	phantom_finish(c);
	ck_assert_int_eq(phantom_cancel(NULL, err, sizeof(err)), 0);
}
END_TEST

START_TEST(server_ending_the_session_marks_the_connection_bad)
{
	phantom_conn *c = connect_ok();
	phantom_result *r;

	if (!fake) {
		phantom_finish(c);
		return;
	}
	r = phantom_exec(c, "SELECT pg_terminate_backend(pg_backend_pid())");
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_ERROR);
	ck_assert_str_eq(phantom_result_error_field(r, 'C'), "57P01");
	ck_assert_str_eq(phantom_result_error_field(r, 'S'), "FATAL");
	phantom_clear(r);
	r = phantom_exec(c, "SELECT 1");
	ck_assert_int_eq(phantom_result_status(r), PHANTOM_ERROR);
	phantom_clear(r);
	ck_assert_int_eq(phantom_status(c), PHANTOM_CONNECTION_BAD);
	ck_assert_int_eq(phantom_transaction_status(c), PHANTOM_TXN_UNKNOWN);
	ck_assert_int_eq(phantom_consume_input(c), 0);
	phantom_finish(c);
}
END_TEST

/* ---- a misbehaving server: the client must refuse what it should --------------------------- */

typedef enum {
	EVIL_MD5, EVIL_NO_SCRAM, EVIL_BAD_NONCE, EVIL_BAD_SIGNATURE, EVIL_SKIP_SCRAM,
	EVIL_GSS, EVIL_UNEXPECTED, EVIL_SILENT, EVIL_BAD_LENGTH
} evil_kind;

static void
wr(int fd, char type, const void *body, size_t len)
{
	unsigned char h[5] = {(unsigned char)type, (unsigned char)((len + 4) >> 24),
	                      (unsigned char)((len + 4) >> 16), (unsigned char)((len + 4) >> 8),
	                      (unsigned char)(len + 4)};

	(void)!write(fd, h, 5);
	(void)!write(fd, body, len);
}

static void
auth_msg(int fd, int code, const char *data, size_t len)
{
	char b[256] = {0, 0, 0, (char)code};

	memcpy(b + 4, data, len);
	wr(fd, 'R', b, len + 4);
}

/* Read one message body (type in *t); its length, -1 at EOF. */
static int
rd(int fd, char *t, char *body, size_t cap)
{
	unsigned char h[5];
	uint32_t len;

	if (read(fd, h, 5) != 5)
		return -1;
	*t = (char)h[0];
	len = (uint32_t)h[1] << 24 | (uint32_t)h[2] << 16 | (uint32_t)h[3] << 8 | h[4];
	if (len < 4 || len - 4 >= cap)
		return -1;
	for (size_t got = 0; got < len - 4;) {
		ssize_t n = read(fd, body + got, len - 4 - got);

		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	body[len - 4] = 0;
	return (int)(len - 4);
}

static void
ready(int fd)
{
	wr(fd, 'R', "\0\0\0\0", 4);
	wr(fd, 'K', "\0\0\0\1\0\0\0\2", 8);
	wr(fd, 'Z', "I", 1);
}

static void
evil_session(int fd, evil_kind k)
{
	char buf[1024], t;
	unsigned char len[4];

	if (read(fd, len, 4) != 4 || read(fd, buf, (size_t)(len[3] - 4)) <= 0)
		return;
	switch (k) {
	case EVIL_MD5: {
		/* md5(md5(password || user) as hex || salt) as hex, "md5" in front */
		unsigned char d[16];
		unsigned int dl;
		char inner[40], expect[40] = "md5";

		auth_msg(fd, 5, "salt", 4);
		if (rd(fd, &t, buf, sizeof(buf)) < 0)
			return;
		EVP_Digest("pwbobbob", 8, d, &dl, EVP_md5(), NULL);   /* password "pwbob", user "bob" */
		for (int i = 0; i < 16; i++)
			sprintf(inner + 2 * i, "%02x", d[i]);
		memcpy(inner + 32, "salt", 4);
		EVP_Digest(inner, 36, d, &dl, EVP_md5(), NULL);
		for (int i = 0; i < 16; i++)
			sprintf(expect + 3 + 2 * i, "%02x", d[i]);
		if (t == 'p' && strcmp(buf, expect) == 0) {
			ready(fd);
		} else {
			static const char e[] = "SFATAL\0C28P01\0Mbad md5\0";

			wr(fd, 'E', e, sizeof(e));
		}
		break;
	}
	case EVIL_NO_SCRAM:
		auth_msg(fd, 10, "SCRAM-SHA-1\0\0", 13);
		break;
	case EVIL_BAD_NONCE:
	case EVIL_BAD_SIGNATURE:
	case EVIL_SKIP_SCRAM: {
		char sfirst[200];
		const char *r;

		auth_msg(fd, 10, "SCRAM-SHA-256\0\0", 15);
		if (rd(fd, &t, buf, sizeof(buf)) < 0)
			return;
		if (k == EVIL_SKIP_SCRAM) {
			ready(fd);
			break;
		}
		r = strstr(buf + 18, "r=");   /* after "SCRAM-SHA-256\0" and the length word */
		snprintf(sfirst, sizeof(sfirst), "r=%s%s,s=c2FsdHNhbHQ=,i=4096",
		         k == EVIL_BAD_NONCE ? "someone-else" : (r ? r + 2 : ""), "srv");
		auth_msg(fd, 11, sfirst, strlen(sfirst));
		if (rd(fd, &t, buf, sizeof(buf)) < 0)
			return;
		auth_msg(fd, 12, "v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", 46);
		ready(fd);
		break;
	}
	case EVIL_GSS:
		auth_msg(fd, 7, "", 0);
		break;
	case EVIL_UNEXPECTED:
		wr(fd, 'R', "\0\0\0\0", 4);
		wr(fd, 'T', "\0\0", 2);
		break;
	case EVIL_SILENT:
		sleep(4);
		break;
	case EVIL_BAD_LENGTH:
		(void)!write(fd, "Z\0\0\0\2", 5);
		break;
	}
	/* wait for the client to go */
	while (read(fd, buf, sizeof(buf)) > 0)
		;
}

static const char *
try_evil(evil_kind k, const char *extra)
{
	static char msg[1024];
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t sl = sizeof(sa);
	int ls = socket(AF_INET, SOCK_STREAM, 0), st;
	pid_t pid;
	char info[256];
	phantom_conn *c;

	ck_assert_int_eq(bind(ls, (struct sockaddr *)&sa, sizeof(sa)), 0);
	ck_assert_int_eq(listen(ls, 1), 0);
	getsockname(ls, (struct sockaddr *)&sa, &sl);
	pid = fork();
	if (pid == 0) {
		int fd = accept(ls, NULL, NULL);

		evil_session(fd, k);
		_exit(0);
	}
	close(ls);
	snprintf(info, sizeof(info), "host=127.0.0.1 port=%d user=bob password=pwbob %s",
	         ntohs(sa.sin_port), extra ? extra : "");
	c = phantom_connect(info);
	snprintf(msg, sizeof(msg), "%s", phantom_status(c) == PHANTOM_CONNECTION_OK
	         ? "OK" : phantom_error_message(c));
	phantom_finish(c);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return msg;
}

START_TEST(the_client_refuses_what_a_server_must_not_do)
{
	ck_assert_str_eq(try_evil(EVIL_MD5, NULL), "OK");   /* MD5 computed as PostgreSQL does */
	ck_assert(strstr(try_evil(EVIL_NO_SCRAM, NULL), "none of the server's SASL"));
	ck_assert(strstr(try_evil(EVIL_BAD_NONCE, NULL), "invalid SCRAM server-first-message"));
	ck_assert(strstr(try_evil(EVIL_BAD_SIGNATURE, NULL), "incorrect server signature"));
	ck_assert(strstr(try_evil(EVIL_SKIP_SCRAM, NULL), "without completing SCRAM"));
	ck_assert(strstr(try_evil(EVIL_GSS, NULL), "authentication method 7"));
	ck_assert(strstr(try_evil(EVIL_UNEXPECTED, NULL), "unexpected message type 0x54"));
	ck_assert(strstr(try_evil(EVIL_BAD_LENGTH, NULL), "invalid message length"));
	ck_assert(strstr(try_evil(EVIL_SILENT, "connect_timeout=1"), "timeout expired"));
}
END_TEST

static Suite *
client_suite(void)
{
	Suite *s = suite_create("client");
	TCase *t;

	t = tcase_create("conninfo");
	tcase_add_test(t, keyword_value_strings_parse_with_quotes_and_escapes);
	tcase_add_test(t, bad_keyword_value_strings_are_reported);
	tcase_add_test(t, uris_parse_every_part);
	tcase_add_test(t, bad_uris_are_reported);
	tcase_add_test(t, quoting_helpers);
	tcase_add_test(t, null_arguments_are_harmless);
	suite_add_tcase(s, t);

	t = tcase_create("connect");
	tcase_add_unchecked_fixture(t, server_start, server_stop);
	tcase_add_test(t, connect_reports_server_parameters);
	tcase_add_test(t, connect_failures_explain_themselves);
	tcase_add_test(t, server_refusals_carry_the_server_message);
	tcase_add_test(t, scram_and_password_authentication);
	tcase_add_test(t, environment_supplies_defaults);
	tcase_add_test(t, the_client_refuses_what_a_server_must_not_do);
	suite_add_tcase(s, t);

	t = tcase_create("queries");
	tcase_add_unchecked_fixture(t, server_start, server_stop);
	tcase_add_test(t, results_give_values_names_types_and_tags);
	tcase_add_test(t, large_results_arrive_whole);
	tcase_add_test(t, errors_carry_sqlstate_position_detail_and_hint);
	tcase_add_test(t, parameters_text_null_and_binary);
	tcase_add_test(t, prepared_statements_describe_run_and_close);
	tcase_add_test(t, transaction_status_follows_the_server);
	tcase_add_test(t, notices_reach_the_handler);
	suite_add_tcase(s, t);

	t = tcase_create("copy");
	tcase_add_unchecked_fixture(t, server_start, server_stop);
	tcase_add_test(t, copy_in_and_out_round_trip);
	tcase_add_test(t, copy_through_the_extended_protocol);
	suite_add_tcase(s, t);

	t = tcase_create("async");
	tcase_add_unchecked_fixture(t, server_start, server_stop);
	tcase_add_test(t, non_blocking_results_arrive_in_order);
	tcase_add_test(t, cancel_stops_a_running_query);
	tcase_add_test(t, server_ending_the_session_marks_the_connection_bad);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(client_suite());
	int failed;

	signal(SIGPIPE, SIG_IGN);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
