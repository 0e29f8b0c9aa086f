/*
 * check_pgwire.c — the server side of the protocol (lib/pgwire) driven with raw messages over
 * a socketpair, against the engine test double (tests/pgwire/fake_engine.c).
 *
 * Each test forks a session process running pgw_session_main on one end of a socketpair; the
 * test writes messages on the other end and reads the answers as a transcript, one token per
 * message ("T1 D:1 C:SELECT 1 Z:I"), which the assertions compare exactly.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../pgwire/msgbuf.h"
#include "pgwire/pgw.h"
#include "pgwire/pgw_scram.h"
#include "shm/proc.h"
#include "util/cfg.h"
#include "util/log.h"
#include "util/mem.h"

/* ---- a raw client -------------------------------------------------------------------------- */

typedef struct tconn {
	int fd;
	pid_t pid;
	int slot;
	char logpath[64];
	char last_err[16][256];     /* fields of the last ErrorResponse/NoticeResponse by code */
	char *extra;                /* last message body for special inspection */
	int32_t key_pid, key;
	char out[1 << 16];
	size_t outlen;
} tconn;

static void
put(tconn *t, const void *p, size_t n)
{
	msgbuf m = {(unsigned char *)t->out, sizeof(t->out), t->outlen, 0};

	ck_assert(t->outlen + n <= sizeof(t->out));
	mb_put(&m, p, n);
	t->outlen = m.n;
}

static msgbuf cur_msg;

static void
begin(tconn *t, char type)
{
	cur_msg = (msgbuf){(unsigned char *)t->out, sizeof(t->out), t->outlen, 0};
	mb_begin(&cur_msg, type);
	t->outlen = cur_msg.n;
}

static void
put32(tconn *t, uint32_t v)
{
	cur_msg.n = t->outlen;
	mb_put32(&cur_msg, v);
	t->outlen = cur_msg.n;
}

static void
put16(tconn *t, uint16_t v)
{
	cur_msg.n = t->outlen;
	mb_put16(&cur_msg, v);
	t->outlen = cur_msg.n;
}

static void
putstr(tconn *t, const char *s)
{
	put(t, s, strlen(s) + 1);
}

static void
end(tconn *t)
{
	cur_msg.n = t->outlen;
	mb_end(&cur_msg);
}

static void
flush_out(tconn *t)
{
	size_t done = 0;

	while (done < t->outlen) {
		ssize_t n = send(t->fd, t->out + done, t->outlen - done, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;   /* the server may have closed on purpose: the transcript shows it */
		done += (size_t)n;
	}
	t->outlen = 0;
}

static void
query(tconn *t, const char *sql)
{
	begin(t, 'Q');
	putstr(t, sql);
	end(t);
	flush_out(t);
}

/* Read exactly n bytes (10 s limit): 1, or 0 at EOF/timeout. */
static int
readn(tconn *t, void *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		struct pollfd pfd = {.fd = t->fd, .events = POLLIN};
		ssize_t r;

		if (poll(&pfd, 1, 10000) <= 0)
			return 0;
		r = recv(t->fd, (char *)buf + got, n - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return 0;
		got += (size_t)r;
	}
	return 1;
}

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void
append(char *tr, size_t cap, const char *fmt, ...)
{
	size_t n = strlen(tr);
	va_list ap;

	if (n && n + 1 < cap)
		tr[n++] = ' ';
	va_start(ap, fmt);
	vsnprintf(tr + n, cap - n, fmt, ap);
	va_end(ap);
}

/* Read one message and append its token to tr; returns the type, or 0 at EOF. */
static char
read_msg(tconn *t, char *tr, size_t cap, bool show_params)
{
	unsigned char hdr[5];
	unsigned char *body;
	uint32_t len;
	char type;

	if (!readn(t, hdr, 5)) {
		append(tr, cap, "EOF");
		return 0;
	}
	type = (char)hdr[0];
	len = rd32(hdr + 1);
	ck_assert_uint_ge(len, 4);
	body = malloc(len - 4 + 1);
	ck_assert(readn(t, body, len - 4) || len == 4);
	body[len - 4] = 0;
	free(t->extra);
	t->extra = malloc(len - 4 + 1);
	memcpy(t->extra, body, len - 4 + 1);
	switch (type) {
	case 'R':
		append(tr, cap, "R%u", rd32(body));
		break;
	case 'S':
		if (show_params)
			append(tr, cap, "S:%s=%s", body, body + strlen((char *)body) + 1);
		break;
	case 'K':
		t->key_pid = (int32_t)rd32(body);
		t->key = (int32_t)rd32(body + 4);
		append(tr, cap, "K");
		break;
	case 'Z':
		append(tr, cap, "Z:%c", body[0]);
		break;
	case 'T': {
		int n = body[0] << 8 | body[1];
		const unsigned char *p = body + 2;
		char names[256] = "";

		for (int i = 0; i < n; i++) {
			size_t l = strlen((const char *)p);
			uint32_t typ = rd32(p + l + 1 + 6);
			int fmt = p[l + 1 + 16] << 8 | p[l + 1 + 17];

			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s/%u%s",
			         i ? "," : "", p, typ, fmt ? "b" : "");
			p += l + 1 + 18;
		}
		append(tr, cap, "T%d(%s)", n, names);
		break;
	}
	case 'D': {
		int n = body[0] << 8 | body[1];
		const unsigned char *p = body + 2;
		char vals[512] = "";

		for (int i = 0; i < n; i++) {
			int32_t l = (int32_t)rd32(p);

			p += 4;
			if (l < 0)
				snprintf(vals + strlen(vals), sizeof(vals) - strlen(vals), "%sNULL",
				         i ? "|" : "");
			else {
				snprintf(vals + strlen(vals), sizeof(vals) - strlen(vals), "%s%.*s",
				         i ? "|" : "", l, (const char *)p);
				p += l;
			}
		}
		append(tr, cap, "D:%s", vals);
		break;
	}
	case 'C':
		append(tr, cap, "C:%s", body);
		break;
	case 'E':
	case 'N': {
		const unsigned char *p = body;

		memset(t->last_err, 0, sizeof(t->last_err));
		while (*p) {
			char code = (char)*p++;
			const char *idx = strchr("SVCMDHPstcnFLRW", code);

			if (idx)
				snprintf(t->last_err[idx - "SVCMDHPstcnFLRW"], 256, "%s", p);
			p += strlen((const char *)p) + 1;
		}
		append(tr, cap, "%c:%s", type, t->last_err[2]);
		break;
	}
	case 't': {
		int n = body[0] << 8 | body[1];
		char types[128] = "";

		for (int i = 0; i < n; i++)
			snprintf(types + strlen(types), sizeof(types) - strlen(types), "%s%u", i ? "," : "",
			         rd32(body + 2 + 4 * i));
		append(tr, cap, "t(%s)", types);
		break;
	}
	case 'G':
	case 'H':
		append(tr, cap, "%c%d/%d", type, body[0], body[1] << 8 | body[2]);
		break;
	case 'd':
		append(tr, cap, "d:%.*s", (int)(len - 4 > 0 && body[len - 5] == '\n' ? len - 5 : len - 4),
		       body);
		break;
	case 'v':
		append(tr, cap, "v%u.%u/%u", rd32(body) >> 16, rd32(body) & 0xffff, rd32(body + 4));
		break;
	default:
		append(tr, cap, "%c", type);
		break;
	}
	free(body);
	return type;
}

/* Everything up to and including ReadyForQuery (or EOF). */
static char tr[8192];

static const char *
until_ready(tconn *t)
{
	char ty;

	tr[0] = 0;
	do
		ty = read_msg(t, tr, sizeof(tr), false);
	while (ty && ty != 'Z');
	return tr;
}

static const char *
until_eof(tconn *t)
{
	tr[0] = 0;
	while (read_msg(t, tr, sizeof(tr), false))
		;
	return tr;
}

/* ---- sessions in child processes ------------------------------------------------------------ */

static void
setup_shm(void)
{
	size_t size;
	void *base;

	mem_init();
	cfg_init_defaults();
	size = proc_shmem_size();
	base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ck_assert(base != MAP_FAILED);
	proc_shmem_init(base, size);
	signal(SIGPIPE, SIG_IGN);
}

static size_t
build_startup(char *buf, uint32_t version, const char *const *kv)
{
	size_t n = 8;

	for (int i = 0; kv && kv[i]; i++) {
		strcpy(buf + n, kv[i]);
		n += strlen(kv[i]) + 1;
	}
	buf[n++] = 0;
	for (int i = 0; i < 4; i++) {
		buf[i] = (char)(n >> (24 - 8 * i));
		buf[4 + i] = (char)(version >> (24 - 8 * i));
	}
	return n;
}

/* Settings for the child, as "name=value" strings, applied before the session. */
static const char *child_settings[8];

static void
child_set(int i, const char *s)
{
	child_settings[i] = s;
}

static tconn *
start_bytes(const char *buf, size_t n)
{
	static tconn conn;
	tconn *t = &conn;
	int sv[2];

	free(t->extra);
	memset(t, 0, sizeof(*t));
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	t->slot = proc_slot_alloc(ROLE_WORKER);
	ck_assert_int_ge(t->slot, 0);
	snprintf(t->logpath, sizeof(t->logpath), "/tmp/check_pgwire.%d.log", (int)getpid());
	unlink(t->logpath);
	t->pid = fork();
	ck_assert_int_ge(t->pid, 0);
	if (t->pid == 0) {
		char err[256];

		close(sv[0]);
		proc_attach(t->slot);
		log_open_file(t->logpath);
		log_set_level(LV_DEBUG);
		if (settings.auth_rules == NULL || !strstr(settings.auth_rules, "local"))
			ck_assert_int_eq(cfg_override("auth_rule=local all all trust", err, sizeof(err)), 0);
		for (int i = 0; i < 8; i++)
			if (child_settings[i] && cfg_override(child_settings[i], err, sizeof(err)) < 0) {
				fprintf(stderr, "%s\n", err);
				exit(3);
			}
		pgw_session_main(sv[1], buf, n);
		exit(0);
	}
	close(sv[1]);
	t->fd = sv[0];
	return t;
}

static tconn *
start_raw(uint32_t version, const char *const *kv, bool strip_length)
{
	char buf[2048];
	size_t n = build_startup(buf, version, kv);

	return strip_length ? start_bytes(buf + 4, n - 4) : start_bytes(buf, n);
}

static tconn *
start_session(const char *user)
{
	const char *kv[] = {"user", user, "database", "db", "application_name", "check", NULL};

	return start_raw(196608, kv, false);
}

/* Start a trusted session and read through the first ReadyForQuery. */
static tconn *
ready_session(void)
{
	tconn *t = start_session("bob");

	ck_assert_str_eq(until_ready(t), "R0 K Z:I");
	return t;
}

/* Close our end and wait for the session process: its exit status. */
static int
finish(tconn *t)
{
	int st = 0;

	close(t->fd);
	ck_assert_int_eq(waitpid(t->pid, &st, 0), t->pid);
	proc_slot_free(t->slot);
	ck_assert_msg(WIFEXITED(st), "session process died by signal %d", WTERMSIG(st));
	return WEXITSTATUS(st);
}

static bool
log_contains(tconn *t, const char *needle)
{
	char buf[65536];
	FILE *f = fopen(t->logpath, "r");
	size_t n;

	if (f == NULL)
		return false;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = 0;
	fclose(f);
	unlink(t->logpath);
	return strstr(buf, needle) != NULL;
}

/* ---- startup ------------------------------------------------------------------------------- */

START_TEST(startup_reports_parameters_key_and_ready)
{
	tconn *t = start_session("bob");
	char all[4096] = "";
	char ty;
	proc_slot *s;

	do
		ty = read_msg(t, all, sizeof(all), true);
	while (ty && ty != 'Z');
	ck_assert_msg(strstr(all, "S:server_version=15.0 (Phantom-DB ") != NULL, "%s", all);
	ck_assert(strstr(all, "S:server_encoding=UTF8"));
	ck_assert(strstr(all, "S:client_encoding=UTF8"));
	ck_assert(strstr(all, "S:DateStyle=ISO, MDY"));
	ck_assert(strstr(all, "S:integer_datetimes=on"));
	ck_assert(strstr(all, "S:standard_conforming_strings=on"));
	ck_assert(strstr(all, "S:TimeZone=UTC"));
	ck_assert(strstr(all, "S:IntervalStyle=postgres"));
	ck_assert(strstr(all, "S:application_name=check"));
	ck_assert(strstr(all, "S:is_superuser=on"));   /* reported by the engine, not the default */
	ck_assert(strstr(all, "S:session_authorization=bob"));
	ck_assert(strstr(all, "K Z:I"));
	s = &proc_tab->pt_slots[t->slot];
	ck_assert_int_eq(t->key_pid, t->pid);
	ck_assert_int_eq(t->key, s->ps_cancel_key);
	ck_assert_str_eq(s->ps_user, "bob");
	ck_assert_str_eq(s->ps_database, "db");
	ck_assert_str_eq(s->ps_application, "check");
	ck_assert_str_eq(s->ps_client, "[local]");
	ck_assert_int_gt(s->ps_session_start, 0);
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(startup_without_length_word_and_database_defaults_to_user)
{
	const char *kv[] = {"user", "bob", NULL};
	tconn *t = start_raw(196608, kv, true);

	ck_assert_str_eq(until_ready(t), "R0 K Z:I");
	ck_assert_str_eq(proc_tab->pt_slots[t->slot].ps_database, "bob");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(startup_errors_are_fatal_with_sqlstate)
{
	static const struct {
		uint32_t version;
		const char *kv[9];
		const char *expect;
	} cases[] = {
		{0x00020000, {"user", "bob", NULL}, "E:0A000 EOF"},
		{196608, {"database", "db", NULL}, "E:28000 EOF"},
		{196608, {"user", "bob", "client_encoding", "LATIN1", NULL}, "E:22023 EOF"},
		{196608, {"user", "bob", "replication", "true", NULL}, "E:0A000 EOF"},
		{196608, {"user", "bob", "nosuch_setting", "1", NULL}, "R0 E:42704 EOF"},
		{196608, {"user", "bob", "database", "nosuchdb", NULL}, "R0 E:3D000 EOF"},
		{196608, {"user", "nosuchrole", NULL}, "R0 E:28000 EOF"},
		{80877103, {NULL}, "E:08P01 EOF"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tconn *t = start_raw(cases[i].version, cases[i].kv, false);

		ck_assert_msg(strcmp(until_eof(t), cases[i].expect) == 0, "case %zu: %s", i, tr);
		ck_assert_int_eq(finish(t), 0);
	}
}
END_TEST

START_TEST(startup_options_and_client_encoding_reach_the_engine)
{
	const char *kv[] = {"user", "bob", "client_encoding", "utf-8", "options",
	                    "-c TimeZone=Europe/Paris", NULL};
	tconn *t = start_raw(196608, kv, false);
	char all[4096] = "";

	while (read_msg(t, all, sizeof(all), true) != 'Z')
		;
	ck_assert_msg(strstr(all, "S:TimeZone=Europe/Paris") != NULL, "%s", all);
	ck_assert(strstr(all, "S:client_encoding=UTF8"));
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(newer_minor_version_and_pq_options_are_negotiated)
{
	const char *kv[] = {"user", "bob", "_pq_.compression", "on", NULL};
	tconn *t = start_raw(196608 + 2, kv, false);

	ck_assert_str_eq(until_ready(t), "v3.0/1 R0 K Z:I");
	ck_assert_str_eq(t->extra, "I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(malformed_startup_packets_are_refused)
{
	/* parameters not terminated; value missing; too short; too long */
	static const char unterminated[] = {0, 0, 0, 16, 0, 3, 0, 0, 'u', 's', 'e', 'r', 0, 'b', 'o', 'b'};
	static const char novalue[] = {0, 0, 0, 13, 0, 3, 0, 0, 'u', 's', 'e', 'r', 0};
	static const char tiny[] = {0, 3};
	static char big[12000];
	tconn *t;

	t = start_bytes(unterminated, sizeof(unterminated));
	ck_assert_str_eq(until_eof(t), "E:08P01 EOF");
	ck_assert_int_eq(finish(t), 0);
	t = start_bytes(novalue, sizeof(novalue));
	ck_assert_str_eq(until_eof(t), "E:08P01 EOF");
	ck_assert_int_eq(finish(t), 0);
	t = start_bytes(tiny, sizeof(tiny));
	ck_assert_str_eq(until_eof(t), "E:08P01 EOF");
	ck_assert_int_eq(finish(t), 0);
	big[5] = 3;
	t = start_bytes(big, sizeof(big));
	ck_assert_str_eq(until_eof(t), "E:08P01 EOF");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

/* ---- authentication ----------------------------------------------------------------------- */

static void
send_password(tconn *t, const char *pw)
{
	begin(t, 'p');
	putstr(t, pw);
	end(t);
	flush_out(t);
}

START_TEST(no_matching_rule_is_refused_with_28000)
{
	tconn *t;

	child_set(0, "auth_rule=local all alice trust");
	t = start_session("bob");
	ck_assert_str_eq(until_eof(t), "E:28000 EOF");
	ck_assert(strstr(t->last_err[3], "no auth rule for host \"[local]\", user \"bob\", "
	                                 "database \"db\""));
	ck_assert_int_eq(finish(t), 0);
	child_set(0, "auth_rule=local all all reject");
	t = start_session("bob");
	ck_assert_str_eq(until_eof(t), "E:28000 EOF");
	ck_assert_int_eq(finish(t), 0);
	child_set(0, NULL);
}
END_TEST

START_TEST(host_rules_do_not_match_local_connections)
{
	tconn *t;

	child_set(0, "auth_rule=host all all 0.0.0.0/0 trust");
	t = start_session("bob");
	ck_assert_str_eq(until_eof(t), "E:28000 EOF");
	ck_assert_int_eq(finish(t), 0);
	child_set(0, NULL);
}
END_TEST

START_TEST(password_method_accepts_right_and_refuses_wrong)
{
	tconn *t;

	child_set(0, "auth_rule=local all all password");
	t = start_session("alice");
	tr[0] = 0;
	read_msg(t, tr, sizeof(tr), false);
	ck_assert_str_eq(tr, "R3");
	ck_assert_int_eq(finish(t), 0);   /* never answered (psql does this): ends on our close */

	t = start_session("alice");
	tr[0] = 0;
	read_msg(t, tr, sizeof(tr), false);
	ck_assert_str_eq(tr, "R3");
	send_password(t, "secret");
	ck_assert_str_eq(until_ready(t), "R0 K Z:I");
	ck_assert_int_eq(finish(t), 0);

	const char *wrong[] = {"wrong", "", NULL};

	for (int i = 0; wrong[i]; i++) {
		t = start_session(i ? "carol" : "alice");
		tr[0] = 0;
		read_msg(t, tr, sizeof(tr), false);
		send_password(t, wrong[i]);
		ck_assert_str_eq(until_eof(t), "E:28P01 EOF");
		ck_assert(log_contains(t, "password authentication failed"));
		ck_assert_int_eq(finish(t), 0);
	}
	/* a PostgreSQL-made verifier; a role without a verifier; a non-SCRAM verifier */
	t = start_session("carol");
	read_msg(t, tr, sizeof(tr), false);
	send_password(t, "pencil");
	ck_assert_str_eq(until_ready(t), "R0 K Z:I");
	ck_assert_int_eq(finish(t), 0);
	const char *users[] = {"nopass", "mallory"};

	for (int i = 0; i < 2; i++) {
		t = start_session(users[i]);
		read_msg(t, tr, sizeof(tr), false);
		send_password(t, "md5c0ffee");
		ck_assert_str_eq(until_eof(t), "E:28P01 EOF");
		ck_assert_int_eq(finish(t), 0);
	}
	child_set(0, NULL);
}
END_TEST

START_TEST(authentication_times_out)
{
	tconn *t;

	child_set(0, "auth_rule=local all all password");
	child_set(1, "authentication_timeout=1s");
	t = start_session("alice");
	ck_assert_str_eq(until_eof(t), "R3 E:57014 EOF");
	ck_assert_str_eq(t->last_err[3], "canceling authentication due to timeout");
	ck_assert_int_eq(finish(t), 0);
	child_set(0, NULL);
	child_set(1, NULL);
}
END_TEST

START_TEST(password_answer_must_be_a_password_message)
{
	tconn *t;

	child_set(0, "auth_rule=local all all password");
	t = start_session("alice");
	read_msg(t, tr, sizeof(tr), false);
	query(t, "select 1");
	ck_assert_str_eq(until_eof(t), "E:08P01 EOF");
	ck_assert_int_eq(finish(t), 0);
	child_set(0, NULL);
}
END_TEST

/* Client side of SCRAM for the tests: returns the transcript after the final message. */
typedef struct scram_opts {
	const char *password;
	const char *gs2;             /* "n,," normally */
	const char *mech;
	bool wrong_nonce, wrong_cbind, drop_proof;
} scram_opts;

static const char *
scram_login(tconn *t, const char *user, const scram_opts *o)
{
	char cfirst[128], cfinal[512], authmsg[1024], proof64[64];
	const char *cnonce = "fyko+d2lbbFgONRv9qkxdawL";
	const char *sfirst, *r, *s, *i;
	size_t rl, sl, il;
	uint8_t salt[64], salted[32], ckey[32], stored[32], sig[32], proof[32];
	int saltlen;
	char sfirst_copy[512];

	tr[0] = 0;
	read_msg(t, tr, sizeof(tr), false);
	ck_assert_str_eq(tr, "R10");
	ck_assert_str_eq(t->extra + 4, "SCRAM-SHA-256");
	snprintf(cfirst, sizeof(cfirst), "%sn=,r=%s", o->gs2, cnonce);
	begin(t, 'p');
	putstr(t, o->mech ? o->mech : "SCRAM-SHA-256");
	put32(t, (uint32_t)strlen(cfirst));
	put(t, cfirst, strlen(cfirst));
	end(t);
	flush_out(t);
	tr[0] = 0;
	if (read_msg(t, tr, sizeof(tr), false) != 'R') {
		while (read_msg(t, tr, sizeof(tr), false))
			;
		return tr;
	}
	sfirst = t->extra + 4;
	snprintf(sfirst_copy, sizeof(sfirst_copy), "%s", sfirst);
	r = pgw_scram_attr(sfirst_copy, strlen(sfirst_copy), 'r', &rl);
	s = pgw_scram_attr(sfirst_copy, strlen(sfirst_copy), 's', &sl);
	i = pgw_scram_attr(sfirst_copy, strlen(sfirst_copy), 'i', &il);
	ck_assert(r && s && i);
	ck_assert(strncmp(r, cnonce, strlen(cnonce)) == 0);
	saltlen = pgw_b64_decode(s, sl, salt, sizeof(salt));
	ck_assert_int_gt(saltlen, 0);
	pgw_scram_salted_password(o->password, salt, (size_t)saltlen, atoi(i), salted);
	pgw_scram_keys(salted, ckey, stored, NULL);
	{
		const char *gs2 = o->wrong_cbind ? "y,," : o->gs2;
		char cb[64];

		pgw_b64_encode((const uint8_t *)gs2, strlen(gs2), cb, sizeof(cb));
		snprintf(cfinal, sizeof(cfinal), "c=%s,r=%.*s%s", cb, (int)rl, r,
		         o->wrong_nonce ? "x" : "");
	}
	snprintf(authmsg, sizeof(authmsg), "%s,%s,%s", cfirst + strlen(o->gs2), sfirst_copy, cfinal);
	pgw_scram_hmac(stored, 32, authmsg, strlen(authmsg), sig);
	for (int k = 0; k < 32; k++)
		proof[k] = ckey[k] ^ sig[k];
	pgw_b64_encode(proof, 32, proof64, sizeof(proof64));
	if (!o->drop_proof)
		snprintf(cfinal + strlen(cfinal), sizeof(cfinal) - strlen(cfinal), ",p=%s", proof64);
	begin(t, 'p');
	put(t, cfinal, strlen(cfinal));
	end(t);
	flush_out(t);
	tr[0] = 0;
	{
		char ty;

		do
			ty = read_msg(t, tr, sizeof(tr), false);
		while (ty && ty != 'Z');
	}
	return tr;
}

START_TEST(scram_logs_in_with_right_password_only)
{
	scram_opts ok = {.password = "secret", .gs2 = "n,,"};
	scram_opts bad = {.password = "Secret", .gs2 = "n,,"};
	scram_opts pg = {.password = "pencil", .gs2 = "y,,"};
	tconn *t;

	child_set(0, "auth_rule=local all all scram-sha-256");
	t = start_session("alice");
	ck_assert_str_eq(scram_login(t, "alice", &ok), "R12 R0 K Z:I");
	ck_assert(strncmp(t->extra, "I", 1) == 0);
	ck_assert_int_eq(finish(t), 0);
	t = start_session("alice");
	ck_assert_str_eq(scram_login(t, "alice", &bad), "E:28P01 EOF");
	ck_assert_int_eq(finish(t), 0);
	t = start_session("carol");   /* PostgreSQL's verifier, client says it could bind */
	ck_assert_str_eq(scram_login(t, "carol", &pg), "R12 R0 K Z:I");
	ck_assert_int_eq(finish(t), 0);
	t = start_session("nopass");  /* no verifier: the exchange runs, then fails */
	ck_assert_str_eq(scram_login(t, "nopass", &ok), "E:28P01 EOF");
	ck_assert(log_contains(t, "no usable password"));
	ck_assert_int_eq(finish(t), 0);
	child_set(0, NULL);
}
END_TEST

START_TEST(scram_protocol_errors_end_the_connection)
{
	static const scram_opts cases[] = {
		{.password = "secret", .gs2 = "n,,", .wrong_nonce = true},
		{.password = "secret", .gs2 = "n,,", .wrong_cbind = true},
		{.password = "secret", .gs2 = "n,,", .drop_proof = true},
		{.password = "secret", .gs2 = "n,,", .mech = "SCRAM-SHA-1"},
		{.password = "secret", .gs2 = "p=tls-server-end-point,,"},
		{.password = "secret", .gs2 = "n,a=alice,"},
		{.password = "secret", .gs2 = "x,,"},
	};
	static const char *const expect[] = {"E:08P01 EOF", "E:08P01 EOF", "E:08P01 EOF",
	                                     "E:08P01 EOF", "E:0A000 EOF", "E:0A000 EOF",
	                                     "E:08P01 EOF"};

	child_set(0, "auth_rule=local all all scram-sha-256");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tconn *t = start_session("alice");

		ck_assert_msg(strcmp(scram_login(t, "alice", &cases[i]), expect[i]) == 0, "case %zu: %s",
		              i, tr);
		ck_assert_int_eq(finish(t), 0);
	}
	child_set(0, NULL);
}
END_TEST

START_TEST(auth_rules_are_validated)
{
	char err[256];

	ck_assert_int_eq(pgw_auth_rules_check("host all all 127.0.0.1/32 trust\n"
	                                      "host db1,db2 u1,u2 10.0.0.0/8 scram-sha-256\n"
	                                      "# comment\n\n"
	                                      "host all all ::1/128 password\n"
	                                      "host all all all reject\n"
	                                      "local all all trust", err, sizeof(err)), 0);
	static const char *const bad[] = {
		"hots all all 127.0.0.1/32 trust", "host all all 127.0.0.1 trust",
		"host all all 127.0.0.1/33 trust", "host all all 300.0.0.1/8 trust",
		"host all all 127.0.0.1/32 md5", "host all all 127.0.0.1/32 trust extra",
		"host all", "local all all", "host all all ::1/129 trust", "host all all 10.0.0.0/x trust",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(pgw_auth_rules_check(bad[i], err, sizeof(err)) == -1, "%s", bad[i]);
		ck_assert(strncmp(err, "auth_rule 1: ", 13) == 0);
	}
	ck_assert_int_eq(pgw_auth_rules_check("host all all 127.0.0.1/32 trust\nbad", err,
	                                      sizeof(err)), -1);
	ck_assert(strncmp(err, "auth_rule 2: ", 13) == 0);
}
END_TEST

START_TEST(invalid_rules_refuse_connections)
{
	tconn *t;

	child_set(0, "auth_rule=local all all bogus");
	t = start_session("bob");
	ck_assert_str_eq(until_eof(t), "E:28000 EOF");
	ck_assert(strstr(t->last_err[4], "authentication rules are invalid"));
	ck_assert_int_eq(finish(t), 0);
	child_set(0, NULL);
}
END_TEST

/* ---- simple query ------------------------------------------------------------------------ */

START_TEST(simple_query_returns_rows_and_tags)
{
	tconn *t = ready_session();

	query(t, "SELECT 1 AS one, 'x', NULL; SELECT * FROM generate_series(1, 2)");
	ck_assert_str_eq(until_ready(t), "T3(one/23,?column?/25,?column?/25) D:1|x|NULL C:SELECT 1 "
	                                 "T1(generate_series/23) D:1 D:2 C:SELECT 2 Z:I");
	query(t, "");
	ck_assert_str_eq(until_ready(t), "I Z:I");
	query(t, " ; ; ");
	ck_assert_str_eq(until_ready(t), "I Z:I");
	query(t, "BEGIN");
	ck_assert_str_eq(until_ready(t), "C:BEGIN Z:T");
	query(t, "SELECT 1/0");
	ck_assert_str_eq(until_ready(t), "E:22012 Z:E");
	query(t, "SELECT 1");
	ck_assert_str_eq(until_ready(t), "E:25P02 Z:E");
	query(t, "ROLLBACK");
	ck_assert_str_eq(until_ready(t), "C:ROLLBACK Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(error_response_carries_every_field)
{
	tconn *t = ready_session();

	query(t, "SELECT 1;\n SELECT nosuchcol");
	ck_assert_str_eq(until_ready(t), "T1(?column?/23) D:1 C:SELECT 1 E:42703 Z:I");
	ck_assert_str_eq(t->last_err[0], "ERROR");
	ck_assert_str_eq(t->last_err[1], "ERROR");
	ck_assert_str_eq(t->last_err[3], "column \"nosuchcol\" does not exist");
	ck_assert_str_eq(t->last_err[6], "19");
	ck_assert_str_eq(t->last_err[11], "fake_engine.c");
	ck_assert_int_gt(atoi(t->last_err[12]), 0);
	ck_assert_str_eq(t->last_err[13], "parse_expr");
	query(t, "DO $$ BEGIN RAISE EXCEPTION 'boom'; END $$");
	ck_assert_str_eq(until_ready(t), "E:P0001 Z:I");
	ck_assert_str_eq(t->last_err[3], "boom");
	ck_assert_str_eq(t->last_err[5], "Raised by a DO block.");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(notices_arrive_before_completion)
{
	tconn *t = ready_session();

	query(t, "DO $$BEGIN RAISE NOTICE 'hello'; END$$; DO $$ RAISE WARNING 'careful' $$");
	ck_assert_str_eq(until_ready(t), "N:00000 C:DO N:01000 C:DO Z:I");
	ck_assert_str_eq(t->last_err[0], "WARNING");
	ck_assert_str_eq(t->last_err[3], "careful");
	query(t, "COMMIT");
	ck_assert_str_eq(until_ready(t), "N:25P01 C:COMMIT Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(set_reports_parameter_status_and_slot_tracks_queries)
{
	tconn *t = ready_session();
	char all[1024] = "";
	proc_slot *s = &proc_tab->pt_slots[t->slot];

	query(t, "SET application_name = 'renamed'");
	while (read_msg(t, all, sizeof(all), true) != 'Z')
		;
	ck_assert_str_eq(all, "S:application_name=renamed C:SET Z:I");
	ck_assert_str_eq(s->ps_application, "renamed");
	ck_assert_str_eq(s->ps_query, "SET application_name = 'renamed'");
	ck_assert_int_eq(s->ps_query_start, 0);
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(fastpath_and_stray_copy_messages)
{
	tconn *t = ready_session();

	begin(t, 'd');
	put(t, "x\n", 2);
	end(t);
	begin(t, 'c');
	end(t);
	begin(t, 'F');
	put32(t, 1);
	end(t);
	flush_out(t);
	ck_assert_str_eq(until_ready(t), "E:0A000 Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(terminate_ends_the_session_cleanly)
{
	tconn *t = ready_session();

	begin(t, 'X');
	end(t);
	flush_out(t);
	ck_assert_str_eq(until_eof(t), "EOF");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(long_statements_are_logged_with_duration)
{
	tconn *t;

	child_set(0, "log_min_duration_statement=0");
	t = ready_session();
	query(t, "SELECT 42");
	ck_assert_str_eq(until_ready(t), "T1(?column?/23) D:42 C:SELECT 1 Z:I");
	ck_assert_int_eq(finish(t), 0);
	ck_assert(log_contains(t, "statement: SELECT 42"));
	child_set(0, NULL);
}
END_TEST

/* ---- extended query ---------------------------------------------------------------------- */

static void
parse_msg(tconn *t, const char *name, const char *sql, int n, const uint32_t *types)
{
	begin(t, 'P');
	putstr(t, name);
	putstr(t, sql);
	put16(t, (uint16_t)n);
	for (int i = 0; i < n; i++)
		put32(t, types[i]);
	end(t);
}

static void
bind_msg(tconn *t, const char *portal, const char *stmt, int nf, const int16_t *f, int np,
         const char *const *vals, const int32_t *lens, int nr, const int16_t *rf)
{
	begin(t, 'B');
	putstr(t, portal);
	putstr(t, stmt);
	put16(t, (uint16_t)nf);
	for (int i = 0; i < nf; i++)
		put16(t, (uint16_t)f[i]);
	put16(t, (uint16_t)np);
	for (int i = 0; i < np; i++) {
		if (vals[i] == NULL)
			put32(t, 0xffffffffu);
		else {
			int32_t l = lens ? lens[i] : (int32_t)strlen(vals[i]);

			put32(t, (uint32_t)l);
			put(t, vals[i], (size_t)l);
		}
	}
	put16(t, (uint16_t)nr);
	for (int i = 0; i < nr; i++)
		put16(t, (uint16_t)rf[i]);
	end(t);
}

static void
simple_msg(tconn *t, char type, char kind, const char *name)
{
	begin(t, type);
	if (kind)
		put(t, &kind, 1);
	if (name)
		putstr(t, name);
	end(t);
}

static void
execute_msg(tconn *t, const char *portal, uint32_t max)
{
	begin(t, 'E');
	putstr(t, portal);
	put32(t, max);
	end(t);
}

static void
sync_msg(tconn *t)
{
	simple_msg(t, 'S', 0, NULL);
	flush_out(t);
}

START_TEST(extended_protocol_runs_unnamed_statements)
{
	tconn *t = ready_session();
	const char *vals[] = {"7", "seven"};
	static const uint32_t types[] = {23, 0};

	parse_msg(t, "", "SELECT $1::int4 AS n, $2", 2, types);
	bind_msg(t, "", "", 0, NULL, 2, vals, NULL, 0, NULL);
	simple_msg(t, 'D', 'P', "");
	execute_msg(t, "", 0);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "1 2 T2(n/23,?column?/25) D:7|seven C:SELECT 1 Z:I");
	/* describe the statement: parameter types, then columns in text format */
	parse_msg(t, "", "SELECT $1::int4 AS n, $2", 0, NULL);
	simple_msg(t, 'D', 'S', "");
	parse_msg(t, "", "BEGIN", 0, NULL);
	simple_msg(t, 'D', 'S', "");
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "1 t(23,25) T2(n/23,?column?/25) 1 t() n Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(extended_protocol_named_statements_and_portals)
{
	tconn *t = ready_session();
	const char *one[] = {"5"};

	parse_msg(t, "s1", "SELECT * FROM generate_series(1, 5)", 0, NULL);
	bind_msg(t, "p1", "s1", 0, NULL, 0, NULL, NULL, 0, NULL);
	execute_msg(t, "p1", 2);
	execute_msg(t, "p1", 2);
	execute_msg(t, "p1", 2);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "1 2 D:1 D:2 s D:3 D:4 s D:5 C:SELECT 1 Z:I");
	/* the portal died with the transaction; the statement lives on */
	execute_msg(t, "p1", 0);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "E:34000 Z:I");
	parse_msg(t, "s1", "SELECT 1", 0, NULL);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "E:42P05 Z:I");
	bind_msg(t, "p2", "s1", 0, NULL, 0, NULL, NULL, 0, NULL);
	bind_msg(t, "p2", "s1", 0, NULL, 0, NULL, NULL, 0, NULL);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "2 E:42P03 Z:I");
	simple_msg(t, 'C', 'S', "s1");
	simple_msg(t, 'C', 'S', "s1");       /* closing what does not exist is fine */
	simple_msg(t, 'C', 'P', "nosuch");
	bind_msg(t, "", "s1", 0, NULL, 0, NULL, NULL, 0, NULL);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "3 3 3 E:26000 Z:I");
	bind_msg(t, "", "", 0, NULL, 0, NULL, NULL, 0, NULL);
	simple_msg(t, 'D', 'S', "nosuch");
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "E:26000 Z:I");
	ck_assert_str_eq(t->last_err[3], "unnamed prepared statement does not exist");
	/* a simple Query drops the unnamed statement, not the named ones */
	parse_msg(t, "", "SELECT 2", 0, NULL);
	parse_msg(t, "keep", "SELECT 3", 0, NULL);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "1 1 Z:I");
	query(t, "SELECT 9");
	(void)until_ready(t);
	bind_msg(t, "", "", 0, NULL, 0, NULL, NULL, 0, NULL);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "E:26000 Z:I");
	bind_msg(t, "", "keep", 0, NULL, 0, NULL, NULL, 0, NULL);
	execute_msg(t, "", 0);
	simple_msg(t, 'D', 'P', "nosuch");
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "2 D:3 C:SELECT 1 E:34000 Z:I");
	/* parameters where none are expected: the engine's 08P01 is an ERROR, not FATAL */
	bind_msg(t, "", "keep", 0, NULL, 1, one, NULL, 0, NULL);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "E:08P01 Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(portals_survive_inside_an_explicit_transaction)
{
	tconn *t = ready_session();

	query(t, "BEGIN");
	(void)until_ready(t);
	parse_msg(t, "", "SELECT * FROM generate_series(1, 3)", 0, NULL);
	bind_msg(t, "cur", "", 0, NULL, 0, NULL, NULL, 0, NULL);
	execute_msg(t, "cur", 1);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "1 2 D:1 s Z:T");
	execute_msg(t, "cur", 0);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "D:2 D:3 C:SELECT 2 Z:T");
	query(t, "COMMIT");
	ck_assert_str_eq(until_ready(t), "C:COMMIT Z:I");
	execute_msg(t, "cur", 0);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "E:34000 Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(error_skips_messages_until_sync)
{
	tconn *t = ready_session();

	parse_msg(t, "", "SELEC 1", 0, NULL);
	bind_msg(t, "", "", 0, NULL, 0, NULL, NULL, 0, NULL);
	execute_msg(t, "", 0);
	query(t, "SELECT 1");      /* ignored too, until Sync */
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "E:42601 Z:I");
	ck_assert_str_eq(t->last_err[6], "1");
	parse_msg(t, "", "SELECT 1; SELECT 2", 0, NULL);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "E:42601 Z:I");
	/* in a transaction the failure sticks until ROLLBACK */
	query(t, "BEGIN");
	(void)until_ready(t);
	parse_msg(t, "", "SELECT 1/0", 0, NULL);
	bind_msg(t, "", "", 0, NULL, 0, NULL, NULL, 0, NULL);
	execute_msg(t, "", 0);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "1 2 E:22012 Z:E");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(flush_sends_without_sync)
{
	tconn *t = ready_session();

	parse_msg(t, "a", "SELECT 1", 0, NULL);
	simple_msg(t, 'H', 0, NULL);
	flush_out(t);
	tr[0] = 0;
	read_msg(t, tr, sizeof(tr), false);
	ck_assert_str_eq(tr, "1");
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(binary_parameters_and_results)
{
	tconn *t = ready_session();
	static const uint32_t types[] = {23, 20, 16};
	const char i4[] = {0, 0, 1, 0}, i8[] = {0, 0, 0, 0, 0, 0, 0, 2}, b[] = {1};
	const char *vals[] = {i4, i8, b};
	int32_t lens[] = {4, 8, 1};
	int16_t bin[] = {1};
	int32_t badlens[] = {4, 4, 1};

	parse_msg(t, "", "SELECT $1::int4, $2::int8, $3::bool", 3, types);
	bind_msg(t, "", "", 1, bin, 3, vals, lens, 0, NULL);
	execute_msg(t, "", 0);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "1 2 D:256|2|t C:SELECT 1 Z:I");
	bind_msg(t, "", "", 1, bin, 3, vals, badlens, 0, NULL);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "E:22P03 Z:I");
	/* binary results: an int4 comes back as four bytes */
	parse_msg(t, "", "SELECT 65::int4", 0, NULL);
	bind_msg(t, "", "", 0, NULL, 0, NULL, NULL, 1, bin);
	simple_msg(t, 'D', 'P', "");
	execute_msg(t, "", 0);
	sync_msg(t);
	tr[0] = 0;
	ck_assert_int_eq(read_msg(t, tr, sizeof(tr), false), '1');
	ck_assert_int_eq(read_msg(t, tr, sizeof(tr), false), '2');
	ck_assert_int_eq(read_msg(t, tr, sizeof(tr), false), 'T');
	ck_assert_int_eq(read_msg(t, tr, sizeof(tr), false), 'D');
	ck_assert(memcmp(t->extra, "\0\1\0\0\0\4\0\0\0A", 10) == 0);
	ck_assert_str_eq(tr, "1 2 T1(?column?/23b) D:");
	ck_assert_str_eq(until_ready(t), "C:SELECT 1 Z:I");
	/* a format code other than 0 or 1 */
	{
		int16_t two[] = {2};

		bind_msg(t, "", "", 0, NULL, 0, NULL, NULL, 1, two);
		sync_msg(t);
		ck_assert_str_eq(until_ready(t), "E:22023 Z:I");
	}
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

/* ---- COPY ----------------------------------------------------------------------------------- */

static void
copy_data(tconn *t, const char *s)
{
	begin(t, 'd');
	put(t, s, strlen(s));
	end(t);
}

START_TEST(copy_in_and_out)
{
	tconn *t = ready_session();

	query(t, "CREATE TABLE t (a int, b text)");
	(void)until_ready(t);
	query(t, "COPY t FROM STDIN");
	tr[0] = 0;
	read_msg(t, tr, sizeof(tr), false);
	ck_assert_str_eq(tr, "G0/2");
	copy_data(t, "1\tone\n2\t");
	copy_data(t, "two\n");
	copy_data(t, "");
	simple_msg(t, 'H', 0, NULL);     /* Flush and Sync are ignored during COPY */
	copy_data(t, "3\t\\N\n");
	simple_msg(t, 'c', 0, NULL);
	flush_out(t);
	ck_assert_str_eq(until_ready(t), "C:COPY 3 Z:I");
	query(t, "COPY t TO STDOUT");
	ck_assert_str_eq(until_ready(t), "H0/2 d:1\tone d:2\ttwo d:3\t\\N c C:COPY 3 Z:I");
	query(t, "COPY t TO STDOUT (FORMAT csv)");
	ck_assert_str_eq(until_ready(t), "H0/2 d:1,one d:2,two d:3, c C:COPY 3 Z:I");
	/* the client gives up: CopyFail */
	query(t, "COPY t FROM STDIN");
	copy_data(t, "4\tfour\n");
	simple_msg(t, 'f', 0, "changed my mind");
	flush_out(t);
	ck_assert_str_eq(until_ready(t), "G0/2 E:57014 Z:I");
	ck_assert_str_eq(t->last_err[3], "COPY from stdin failed: changed my mind");
	/* bad data: the error comes at once, the rest of the copy stream is dropped */
	query(t, "COPY t FROM STDIN");
	copy_data(t, "5\n");
	copy_data(t, "6\tsix\n");
	simple_msg(t, 'c', 0, NULL);
	flush_out(t);
	ck_assert_str_eq(until_ready(t), "G0/2 E:22P04 Z:I");
	query(t, "SELECT count(*) FROM t");
	ck_assert_str_eq(until_ready(t), "T1(count/20) D:3 C:SELECT 1 Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(copy_in_through_the_extended_protocol)
{
	tconn *t = ready_session();

	query(t, "CREATE TABLE t (a int)");
	(void)until_ready(t);
	parse_msg(t, "", "COPY t FROM STDIN", 0, NULL);
	bind_msg(t, "", "", 0, NULL, 0, NULL, NULL, 0, NULL);
	execute_msg(t, "", 0);
	flush_out(t);
	tr[0] = 0;
	while (read_msg(t, tr, sizeof(tr), false) != 'G')
		;
	copy_data(t, "1\n2\n");
	simple_msg(t, 'c', 0, NULL);
	sync_msg(t);
	ck_assert_str_eq(until_ready(t), "C:COPY 2 Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(unexpected_message_during_copy_is_fatal)
{
	tconn *t = ready_session();

	query(t, "CREATE TABLE t (a int)");
	(void)until_ready(t);
	query(t, "COPY t FROM STDIN");
	query(t, "SELECT 1");
	ck_assert_str_eq(until_eof(t), "G0/1 E:08P01 EOF");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(eof_during_copy_ends_the_session)
{
	tconn *t = ready_session();

	query(t, "CREATE TABLE t (a int)");
	(void)until_ready(t);
	query(t, "COPY t FROM STDIN");
	copy_data(t, "1\n");
	flush_out(t);
	shutdown(t->fd, SHUT_WR);
	ck_assert_str_eq(until_eof(t), "G0/1 EOF");
	ck_assert_int_eq(finish(t), 0);
	ck_assert(log_contains(t, "unexpected EOF on client connection during COPY"));
}
END_TEST

/* ---- protocol violations -------------------------------------------------------------- */

static const char *
violation(const void *bytes, size_t n, bool close_write)
{
	tconn *t = ready_session();
	static char out[256];

	put(t, bytes, n);
	flush_out(t);
	if (close_write)
		shutdown(t->fd, SHUT_WR);
	snprintf(out, sizeof(out), "%s", until_eof(t));
	ck_assert_int_eq(finish(t), 0);
	ck_assert_msg(strcmp(out, "E:08P01 EOF") != 0 || log_contains(t, "protocol violation"),
	              "no log line for a protocol violation");
	return out;
}

START_TEST(protocol_violations_are_fatal_08P01)
{
	/* unknown type, length below 4, unterminated string, trailing bytes, truncated body,
	 * truncated header, bad Describe kind, bad Close kind, negative counts */
	static const struct {
		const char *bytes;
		size_t n;
	} cases[] = {
		{"z\0\0\0\4", 5},
		{"Q\0\0\0\3", 5},
		{"Q\0\0\0\10abcd", 9},
		{"H\0\0\0\5x", 6},
		{"Q\0\0\0\50SELECT", 11},
		{"Q\0\0", 3},
		{"D\0\0\0\6X\0", 7},
		{"C\0\0\0\6X\0", 7},
		{"P\0\0\0\10\0\0\377\377", 9},
		{"B\0\0\0\12\0\0\377\377\0\0", 11},
		{"B\0\0\0\20\0\0\0\0\0\1\377\377\377\376\0\0", 17},
		{"E\0\0\0\5\0", 6},
		{"p\0\0\0\5\0", 6},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(strcmp(violation(cases[i].bytes, cases[i].n, true), "E:08P01 EOF") == 0,
		              "case %zu", i);
}
END_TEST

START_TEST(oversized_messages_are_refused_without_reading_them)
{
	tconn *t;

	child_set(0, "max_message_size=64kB");
	t = ready_session();
	put(t, "Q\0\1\0\5", 5);   /* 65541 bytes announced: just over the limit */
	flush_out(t);
	ck_assert_str_eq(until_eof(t), "E:08P01 EOF");
	ck_assert(strstr(t->last_err[3], "too large"));
	ck_assert_int_eq(finish(t), 0);
	child_set(0, NULL);
}
END_TEST

START_TEST(large_messages_under_the_limit_work)
{
	tconn *t = ready_session();
	size_t n = 200000;
	char *q = malloc(n + 1);

	memset(q, ' ', n);
	memcpy(q, "SELECT 5", 8);
	q[n] = 0;
	{   /* written by hand: the body does not fit the test's buffer */
		unsigned char hdr[5] = {'Q', (unsigned char)((n + 5) >> 24), (unsigned char)((n + 5) >> 16),
		                        (unsigned char)((n + 5) >> 8), (unsigned char)(n + 5)};

		ck_assert_int_eq(send(t->fd, hdr, 5, 0), 5);
		for (size_t done = 0; done < n + 1;) {
			ssize_t w = send(t->fd, q + done, n + 1 - done, 0);

			ck_assert_int_gt(w, 0);
			done += (size_t)w;
		}
	}
	ck_assert_str_eq(until_ready(t), "T1(?column?/23) D:5 C:SELECT 1 Z:I");
	query(t, "SELECT 6");
	ck_assert_str_eq(until_ready(t), "T1(?column?/23) D:6 C:SELECT 1 Z:I");
	free(q);
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

/* ---- interrupts and broken connections ----------------------------------------------------- */

START_TEST(terminate_request_while_idle_is_fatal_57P01)
{
	tconn *t = ready_session();

	atomic_fetch_or(&proc_tab->pt_slots[t->slot].ps_interrupts, PI_TERMINATE);
	ck_assert_str_eq(until_eof(t), "E:57P01 EOF");
	ck_assert_str_eq(t->last_err[0], "FATAL");
	ck_assert_int_eq(finish(t), 0);
	/* the request stays visible to the worker loop */
	ck_assert(atomic_load(&proc_tab->pt_slots[t->slot].ps_interrupts) & PI_TERMINATE);
	atomic_store(&proc_tab->pt_slots[t->slot].ps_interrupts, 0);
}
END_TEST

START_TEST(cancel_interrupts_a_running_statement_only)
{
	tconn *t = ready_session();
	proc_slot *s = &proc_tab->pt_slots[t->slot];

	/* a cancel that arrives while idle is dropped */
	atomic_fetch_or(&s->ps_interrupts, PI_CANCEL);
	query(t, "SELECT pg_sleep(0.01)");
	ck_assert_str_eq(until_ready(t), "T1(pg_sleep/2278) D: C:SELECT 1 Z:I");
	query(t, "SELECT pg_sleep(30)");
	for (int i = 0; i < 1000 && s->ps_query_start == 0; i++)
		usleep(10 * 1000);   /* until the statement runs */
	atomic_fetch_or(&s->ps_interrupts, PI_CANCEL);
	ck_assert_str_eq(until_ready(t), "T1(pg_sleep/2278) E:57014 Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(cancel_during_copy_in_wait)
{
	tconn *t = ready_session();

	query(t, "CREATE TABLE t (a int)");
	(void)until_ready(t);
	query(t, "COPY t FROM STDIN");
	tr[0] = 0;
	read_msg(t, tr, sizeof(tr), false);
	atomic_fetch_or(&proc_tab->pt_slots[t->slot].ps_interrupts, PI_CANCEL);
	ck_assert_str_eq(until_ready(t), "E:57014 Z:I");
	ck_assert_int_eq(finish(t), 0);
}
END_TEST

START_TEST(idle_in_transaction_timeout_ends_the_session)
{
	tconn *t;

	child_set(0, "idle_in_transaction_session_timeout=200ms");
	t = ready_session();
	query(t, "SELECT 1");
	(void)until_ready(t);
	query(t, "BEGIN");
	ck_assert_str_eq(until_ready(t), "C:BEGIN Z:T");
	ck_assert_str_eq(until_eof(t), "E:25P03 EOF");
	ck_assert_int_eq(finish(t), 0);
	child_set(0, NULL);
}
END_TEST

START_TEST(client_that_disappears_mid_result_ends_the_session)
{
	tconn *t = ready_session();

	query(t, "SELECT * FROM generate_series(1, 900000)");
	usleep(50 * 1000);
	/* finish() closes our end without reading; the session must notice and exit normally */
	ck_assert_int_eq(finish(t), 0);
	ck_assert(log_contains(t, "could not send data to client"));
	ck_assert_int_eq(atomic_load(&proc_tab->pt_slots[t->slot].ps_interrupts) & PI_TERMINATE, 0);
}
END_TEST

START_TEST(startup_reader_classifies_first_packets)
{
	int sv[2];
	char buf[10000];
	size_t len;
	int32_t pid = 0, key = 0;
	static const unsigned char ssl[] = {0, 0, 0, 8, 4, 210, 22, 47};
	static const unsigned char gss[] = {0, 0, 0, 8, 4, 210, 22, 48};
	static const unsigned char cancel[] = {0, 0, 0, 16, 4, 210, 22, 46, 0, 0, 0, 42, 0, 0, 1, 2};
	static const unsigned char start[] = {0, 0, 0, 9, 0, 3, 0, 0, 0};
	static const unsigned char huge[] = {0, 1, 0, 0, 0, 3, 0, 0};

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	ck_assert_int_eq(write(sv[0], ssl, 8), 8);
	ck_assert_int_eq(pgw_read_startup(sv[1], 1000, buf, sizeof(buf), &len, &pid, &key),
	                 PGW_STARTUP_SSL);
	ck_assert_int_eq(write(sv[0], gss, 8), 8);
	ck_assert_int_eq(pgw_read_startup(sv[1], 1000, buf, sizeof(buf), &len, &pid, &key),
	                 PGW_STARTUP_GSSENC);
	ck_assert_int_eq(write(sv[0], cancel, 16), 16);
	ck_assert_int_eq(pgw_read_startup(sv[1], 1000, buf, sizeof(buf), &len, &pid, &key),
	                 PGW_STARTUP_CANCEL);
	ck_assert_int_eq(pid, 42);
	ck_assert_int_eq(key, 258);
	ck_assert_int_eq(write(sv[0], start, 9), 9);
	ck_assert_int_eq(pgw_read_startup(sv[1], 1000, buf, sizeof(buf), &len, &pid, &key),
	                 PGW_STARTUP_MESSAGE);
	ck_assert_int_eq((int)len, 9);
	ck_assert_int_eq(write(sv[0], huge, 8), 8);
	ck_assert_int_eq(pgw_read_startup(sv[1], 1000, buf, sizeof(buf), &len, &pid, &key),
	                 PGW_STARTUP_BAD);
	ck_assert_int_eq(pgw_read_startup(sv[1], 100, buf, sizeof(buf), &len, &pid, &key),
	                 PGW_STARTUP_BAD);   /* the rest of the huge one: a bad length again */
	close(sv[0]);
	ck_assert_int_eq(pgw_read_startup(sv[1], 1000, buf, sizeof(buf), &len, &pid, &key),
	                 PGW_STARTUP_EOF);
	close(sv[1]);
}
END_TEST

static Suite *
pgwire_suite(void)
{
	Suite *s = suite_create("pgwire");
	TCase *t;

	t = tcase_create("startup");
	tcase_add_unchecked_fixture(t, setup_shm, NULL);
	tcase_add_test(t, startup_reports_parameters_key_and_ready);
	tcase_add_test(t, startup_without_length_word_and_database_defaults_to_user);
	tcase_add_test(t, startup_errors_are_fatal_with_sqlstate);
	tcase_add_test(t, startup_options_and_client_encoding_reach_the_engine);
	tcase_add_test(t, newer_minor_version_and_pq_options_are_negotiated);
	tcase_add_test(t, malformed_startup_packets_are_refused);
	tcase_add_test(t, startup_reader_classifies_first_packets);
	suite_add_tcase(s, t);

	t = tcase_create("authentication");
	tcase_add_unchecked_fixture(t, setup_shm, NULL);
	tcase_add_test(t, no_matching_rule_is_refused_with_28000);
	tcase_add_test(t, host_rules_do_not_match_local_connections);
	tcase_add_test(t, password_method_accepts_right_and_refuses_wrong);
	tcase_add_test(t, authentication_times_out);
	tcase_add_test(t, password_answer_must_be_a_password_message);
	tcase_add_test(t, scram_logs_in_with_right_password_only);
	tcase_add_test(t, scram_protocol_errors_end_the_connection);
	tcase_add_test(t, auth_rules_are_validated);
	tcase_add_test(t, invalid_rules_refuse_connections);
	suite_add_tcase(s, t);

	t = tcase_create("simple query");
	tcase_add_unchecked_fixture(t, setup_shm, NULL);
	tcase_add_test(t, simple_query_returns_rows_and_tags);
	tcase_add_test(t, error_response_carries_every_field);
	tcase_add_test(t, notices_arrive_before_completion);
	tcase_add_test(t, set_reports_parameter_status_and_slot_tracks_queries);
	tcase_add_test(t, fastpath_and_stray_copy_messages);
	tcase_add_test(t, terminate_ends_the_session_cleanly);
	tcase_add_test(t, long_statements_are_logged_with_duration);
	suite_add_tcase(s, t);

	t = tcase_create("extended query");
	tcase_add_unchecked_fixture(t, setup_shm, NULL);
	tcase_add_test(t, extended_protocol_runs_unnamed_statements);
	tcase_add_test(t, extended_protocol_named_statements_and_portals);
	tcase_add_test(t, portals_survive_inside_an_explicit_transaction);
	tcase_add_test(t, error_skips_messages_until_sync);
	tcase_add_test(t, flush_sends_without_sync);
	tcase_add_test(t, binary_parameters_and_results);
	suite_add_tcase(s, t);

	t = tcase_create("copy");
	tcase_add_unchecked_fixture(t, setup_shm, NULL);
	tcase_add_test(t, copy_in_and_out);
	tcase_add_test(t, copy_in_through_the_extended_protocol);
	tcase_add_test(t, unexpected_message_during_copy_is_fatal);
	tcase_add_test(t, eof_during_copy_ends_the_session);
	suite_add_tcase(s, t);

	t = tcase_create("bad input");
	tcase_add_unchecked_fixture(t, setup_shm, NULL);
	tcase_add_test(t, protocol_violations_are_fatal_08P01);
	tcase_add_test(t, oversized_messages_are_refused_without_reading_them);
	tcase_add_test(t, large_messages_under_the_limit_work);
	suite_add_tcase(s, t);

	t = tcase_create("interrupts");
	tcase_add_unchecked_fixture(t, setup_shm, NULL);
	tcase_add_test(t, terminate_request_while_idle_is_fatal_57P01);
	tcase_add_test(t, cancel_interrupts_a_running_statement_only);
	tcase_add_test(t, cancel_during_copy_in_wait);
	tcase_add_test(t, idle_in_transaction_timeout_ends_the_session);
	tcase_add_test(t, client_that_disappears_mid_result_ends_the_session);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(pgwire_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
