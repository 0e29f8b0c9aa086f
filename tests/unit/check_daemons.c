/* check_daemons.c — daemons/common: pid file, protocol helpers, hand-off, mailbox names. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "daemons/common/actor.h"
#include "daemons/common/handoff.h"
#include "daemons/common/pidfile.h"
#include "daemons/common/pqwire.h"
#include "shm/proc.h"
#include "tests/unit/proc_fixture.h"
#include "util/cfg.h"

/* ---- pid file ------------------------------------------------------------------------- */

static char dir[PATH_MAX];

static void
dir_setup(void)
{
	snprintf(dir, sizeof(dir), "%s/phpid.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
dir_teardown(void)
{
	char path[PATH_MAX + 32];

	snprintf(path, sizeof(path), "%s/%s", dir, PIDFILE_NAME);
	unlink(path);
	rmdir(dir);
}

static pidfile_info
sample_info(void)
{
	pidfile_info in;

	memset(&in, 0, sizeof(in));
	in.pid = 4242;
	strcpy(in.datadir, "/var/lib/phantom");
	in.start_time = 1700000000;
	in.port = 5544;
	strcpy(in.shm_name, "/phantom.803.1a2b");
	strcpy(in.state, "ready");
	return in;
}

START_TEST(format_and_parse_round_trip)
{
	pidfile_info in = sample_info(), out;
	char text[PATH_MAX + 256], err[128];

	ck_assert_int_gt(pidfile_format(&in, text, sizeof(text)), 0);
	ck_assert_str_eq(text, "4242\n/var/lib/phantom\n1700000000\n5544\n/phantom.803.1a2b\nready\n");
	ck_assert_int_eq(pidfile_parse(text, &out, err, sizeof(err)), 0);
	ck_assert_int_eq(out.pid, 4242);
	ck_assert_str_eq(out.datadir, in.datadir);
	ck_assert_int_eq(out.start_time, in.start_time);
	ck_assert_int_eq(out.port, 5544);
	ck_assert_str_eq(out.shm_name, in.shm_name);
	ck_assert_str_eq(out.state, "ready");
	/* later versions may append lines */
	strcat(text, "future\n");
	ck_assert_int_eq(pidfile_parse(text, &out, err, sizeof(err)), 0);
	ck_assert_int_eq(pidfile_format(&in, text, 10), -1);
}
END_TEST

START_TEST(parse_names_the_bad_line)
{
	static const struct { const char *text, *why; } cases[] = {
		{ "", "line 1:" },
		{ "abc\n", "line 1:" },
		{ "-5\n", "line 1:" },
		{ "12\nrelative/dir\n", "line 2:" },
		{ "12\n/d\nsoon\n", "line 3:" },
		{ "12\n/d\n1\n70000\n", "line 4:" },
		{ "12\n/d\n1\n5544\nnoslash\n", "line 5:" },
		{ "12\n/d\n1\n5544\n/seg\nconfused\n", "line 6:" },
		{ "12\n/d\n1\n5544\n/seg\nready", "line 6:" },
	};
	pidfile_info out;
	char err[128];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_int_eq(pidfile_parse(cases[i].text, &out, err, sizeof(err)), -1);
		ck_assert_msg(strncmp(err, cases[i].why, strlen(cases[i].why)) == 0, "case %zu: %s", i, err);
	}
}
END_TEST

START_TEST(lock_lifecycle)
{
	pidfile_info in = sample_info(), got, stale;
	char err[PATH_MAX + 256];
	pid_t holder;
	int fd, fd2, stale_found;

	ck_assert_int_eq(pidfile_check(dir, &got, err, sizeof(err)), PIDF_NONE);
	fd = pidfile_acquire(dir, &holder, &stale_found, &stale, err, sizeof(err));
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(stale_found, 0);
	/* locked but still empty: a torn write as far as readers know */
	ck_assert_int_eq(pidfile_check(dir, &got, err, sizeof(err)), PIDF_CORRUPT);
	ck_assert_int_eq(pidfile_store(fd, &in), 0);
	ck_assert_int_eq(pidfile_check(dir, &got, err, sizeof(err)), PIDF_RUNNING);
	ck_assert_int_eq(got.pid, 4242);
	/* a second server is refused and told who runs */
	fd2 = pidfile_acquire(dir, &holder, &stale_found, &stale, err, sizeof(err));
	ck_assert_int_eq(fd2, -1);
	ck_assert_int_eq(holder, 4242);
	ck_assert(strstr(err, "another server (pid 4242) is running") != NULL);
	/* shorter contents replace longer ones entirely */
	strcpy(in.state, "stopping");
	ck_assert_int_eq(pidfile_store(fd, &in), 0);
	strcpy(in.state, "ready");
	ck_assert_int_eq(pidfile_store(fd, &in), 0);
	ck_assert_int_eq(pidfile_check(dir, &got, err, sizeof(err)), PIDF_RUNNING);
	ck_assert_str_eq(got.state, "ready");
	/* the holder is gone: stale, and the next start learns what it left */
	close(fd);
	ck_assert_int_eq(pidfile_check(dir, &got, err, sizeof(err)), PIDF_STALE);
	fd = pidfile_acquire(dir, &holder, &stale_found, &stale, err, sizeof(err));
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(stale_found, 1);
	ck_assert_str_eq(stale.shm_name, "/phantom.803.1a2b");
	pidfile_unlink(dir);
	ck_assert_int_eq(pidfile_check(dir, &got, err, sizeof(err)), PIDF_NONE);
	close(fd);
}
END_TEST

START_TEST(corrupt_files_locked_and_unlocked)
{
	char path[PATH_MAX + 32], err[PATH_MAX + 256];
	pidfile_info got, stale;
	pid_t holder;
	int fd, stale_found;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, PIDFILE_NAME);
	f = fopen(path, "w");
	fputs("not a pid file\n", f);
	fclose(f);
	ck_assert_int_eq(pidfile_check(dir, &got, err, sizeof(err)), PIDF_STALE);
	ck_assert(strstr(err, "is corrupt: line 1") != NULL);
	fd = pidfile_acquire(dir, &holder, &stale_found, &stale, err, sizeof(err));
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(stale_found, 1);
	ck_assert_int_eq(stale.pid, 0);
	ck_assert_int_eq(pidfile_check(dir, &got, err, sizeof(err)), PIDF_CORRUPT);
	close(fd);
}
END_TEST

START_TEST(unreadable_directory_is_an_error)
{
	char err[PATH_MAX + 256];
	pidfile_info got, stale;
	pid_t holder;
	int stale_found;

	ck_assert_int_eq(pidfile_acquire("/nonexistent/dir", &holder, &stale_found, &stale, err,
	                                 sizeof(err)), -1);
	ck_assert(strstr(err, "could not open pid file") != NULL);
	ck_assert_int_eq(pidfile_check("/proc/self/fdinfo/0", &got, err, sizeof(err)), PIDF_ERROR);
}
END_TEST

/* ---- protocol helpers ----------------------------------------------------------------- */

START_TEST(error_response_bytes)
{
	uint8_t mem[128];
	pq_buf b;
	static const uint8_t want[] = "E\0\0\0\x24" "SFATAL\0VFATAL\0C53300\0Mtoo many\0";

	pq_init(&b, mem, sizeof(mem));
	pq_error(&b, "FATAL", "53300", "too many");
	ck_assert(!b.overflow);
	ck_assert_uint_eq(b.len, 37);
	ck_assert(memcmp(mem, want, 37) == 0);
	ck_assert_uint_eq(pq_get32(mem + 1), 36);
}
END_TEST

START_TEST(overflow_voids_the_message)
{
	uint8_t mem[16];
	pq_buf b;

	pq_init(&b, mem, sizeof(mem));
	pq_error(&b, "FATAL", "53300", "a message far too long for sixteen bytes");
	ck_assert(b.overflow);
	pq_init(&b, mem, sizeof(mem));
	pq_begin(&b, 'Z');
	pq_byte(&b, 'I');
	pq_int16(&b, 0x0102);
	pq_end(&b);
	ck_assert(!b.overflow);
	ck_assert_uint_eq(b.len, 8);
	ck_assert_uint_eq(mem[6], 1);
	ck_assert_uint_eq(mem[7], 2);
}
END_TEST

/* Build a startup packet from NUL-separated parameter bytes. */
static size_t
startup(uint8_t *out, const char *params, size_t plen)
{
	size_t len = 8 + plen;

	out[0] = 0, out[1] = 0, out[2] = (uint8_t)(len >> 8), out[3] = (uint8_t)len;
	out[4] = 0, out[5] = 3, out[6] = 0, out[7] = 0;
	memcpy(out + 8, params, plen);
	return len;
}

START_TEST(startup_parameters)
{
	uint8_t p[256];
	size_t n = startup(p, "user\0bob\0database\0shop\0\0", 24);

	ck_assert(pq_startup_valid(p, n));
	ck_assert_str_eq(pq_startup_param(p, n, "user"), "bob");
	ck_assert_str_eq(pq_startup_param(p, n, "database"), "shop");
	ck_assert_ptr_null(pq_startup_param(p, n, "options"));
	n = startup(p, "\0", 1);
	ck_assert(pq_startup_valid(p, n));
	/* no final terminator, a value running off the end, trailing bytes after it */
	n = startup(p, "user\0bob\0", 9);
	ck_assert(!pq_startup_valid(p, n));
	n = startup(p, "user\0bob", 8);
	ck_assert(!pq_startup_valid(p, n));
	ck_assert_ptr_null(pq_startup_param(p, n, "user"));
	n = startup(p, "user\0\0\0x\0", 9);
	ck_assert(!pq_startup_valid(p, n));
	n = startup(p, "user", 4);
	ck_assert(!pq_startup_valid(p, n));
	ck_assert(!pq_startup_valid(p, 8));
}
END_TEST

START_TEST(startup_message_is_built_with_its_length)
{
	const char *const params[] = { "user", "bob", "database", "shop", NULL };
	uint8_t mem[128];
	pq_buf b;

	pq_init(&b, mem, sizeof(mem));
	pq_startup(&b, params);
	ck_assert(!b.overflow);
	ck_assert_uint_eq(b.len, 8 + 24);
	ck_assert_uint_eq(pq_get32(mem), b.len);
	ck_assert_uint_eq(pq_get32(mem + 4), PQ_PROTOCOL_3_0);
	ck_assert(pq_startup_valid(mem, b.len));
	ck_assert_str_eq(pq_startup_param(mem, b.len, "database"), "shop");
	pq_init(&b, mem, 12);
	pq_startup(&b, params);
	ck_assert(b.overflow);
}
END_TEST

START_TEST(write_all_reports_a_closed_peer)
{
	int sv[2];

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	ck_assert_int_eq(pq_write_all(sv[0], "abc", 3, 100), 0);
	close(sv[1]);
	ck_assert_int_eq(pq_write_all(sv[0], "abc", 3, 100), -1);
	close(sv[0]);
}
END_TEST

/* ---- hand-off --------------------------------------------------------------------------- */

START_TEST(handoff_carries_the_socket_and_the_packet)
{
	char name[64], err[256];
	int listener = proc_slot_alloc(ROLE_LISTENER), worker = proc_slot_alloc(ROLE_WORKER);
	int wsock, lsock, sv[2], got;
	msg m;

	snprintf(name, sizeof(name), "/phantom.unittest.%d", (int)getpid());
	proc_tab->pt_slots[listener].ps_pid = (int32_t)getpid();
	wsock = handoff_listen(name, worker);
	ck_assert_int_ge(wsock, 0);
	lsock = socket(AF_UNIX, SOCK_DGRAM, 0);
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	ck_assert_int_eq(handoff_recv(wsock, &m, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(handoff_send(lsock, name, worker, 7, sv[0], "startup!", 8), 0);
	got = handoff_recv(wsock, &m, err, sizeof(err));
	ck_assert_int_ge(got, 0);
	ck_assert_int_eq(m.u.handoff.slot, worker);
	ck_assert_uint_eq(m.u.handoff.generation, 7);
	ck_assert_uint_eq(m.u.handoff.startup_len, 8);
	ck_assert(memcmp(m.u.handoff.startup, "startup!", 8) == 0);
	/* the received descriptor is the same connection */
	ck_assert_int_eq(write(got, "x", 1), 1);
	{
		char c;

		ck_assert_int_eq(read(sv[1], &c, 1), 1);
		ck_assert_int_eq(c, 'x');
	}
	/* nobody listens on another slot */
	ck_assert_int_eq(handoff_send(lsock, name, worker + 1, 1, sv[0], "s", 1), -ECONNREFUSED);
	/* a sender that is not our listener is refused, and its descriptor closed */
	proc_tab->pt_slots[listener].ps_pid = 1;
	ck_assert_int_eq(handoff_send(lsock, name, worker, 7, sv[0], "startup!", 8), 0);
	ck_assert_int_eq(handoff_recv(wsock, &m, err, sizeof(err)), -1);
	ck_assert(strstr(err, "not our listener") != NULL);
	/* too long a packet cannot be sent */
	{
		static char big[20000];

		ck_assert_int_eq(handoff_send(lsock, name, worker, 7, sv[0], big, sizeof(big)), -EMSGSIZE);
	}
	close(got);
	close(sv[0]);
	close(sv[1]);
	close(lsock);
	close(wsock);
}
END_TEST

/* ---- mailbox addresses ----------------------------------------------------------------- */

START_TEST(mailbox_urls)
{
	char url[PATH_MAX + 128], longdir[200];

	actor_mailbox_url("/var/lib/phantom", "/phantom.1.2", ROLE_WALWRITER, 3, url, sizeof(url));
	ck_assert_str_eq(url, "ipc:///var/lib/phantom/run/walwriter.ipc");
	actor_mailbox_url("/var/lib/phantom", "/phantom.1.2", ROLE_WORKER, 12, url, sizeof(url));
	ck_assert_str_eq(url, "ipc:///var/lib/phantom/run/worker.12.ipc");
	memset(longdir, 'd', sizeof(longdir) - 1);
	longdir[0] = '/';
	longdir[sizeof(longdir) - 1] = '\0';
	actor_mailbox_url(longdir, "/phantom.1.2", ROLE_WORKER, 12, url, sizeof(url));
	ck_assert_str_eq(url, "abstract://phantom.1.2.worker.12");
}
END_TEST

static Suite *
daemons_suite(void)
{
	Suite *s = suite_create("daemons");
	TCase *tc;

	tc = tcase_create("pid file");
	tcase_add_checked_fixture(tc, dir_setup, dir_teardown);
	tcase_add_test(tc, format_and_parse_round_trip);
	tcase_add_test(tc, parse_names_the_bad_line);
	tcase_add_test(tc, lock_lifecycle);
	tcase_add_test(tc, corrupt_files_locked_and_unlocked);
	tcase_add_test(tc, unreadable_directory_is_an_error);
	suite_add_tcase(s, tc);

	tc = tcase_create("pqwire");
	tcase_add_test(tc, error_response_bytes);
	tcase_add_test(tc, overflow_voids_the_message);
	tcase_add_test(tc, startup_parameters);
	tcase_add_test(tc, startup_message_is_built_with_its_length);
	tcase_add_test(tc, write_all_reports_a_closed_peer);
	suite_add_tcase(s, tc);

	tc = tcase_create("hand-off");
	tcase_add_checked_fixture(tc, table_setup, table_teardown);
	tcase_add_test(tc, handoff_carries_the_socket_and_the_packet);
	tcase_add_test(tc, mailbox_urls);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(daemons_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
