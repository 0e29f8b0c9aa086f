/* check_scram.c — SCRAM-SHA-256 and base64 helpers (lib/pgwire/pgw_scram.c, pgw_auth.c), and
 * the weak engine fallbacks (this program links no engine). */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pgwire/pgw.h"
#include "pgwire/pgw_scram.h"
#include "sql/engine.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"
#include "util/mem.h"

/* PostgreSQL 15.18: CREATE ROLE carol PASSWORD 'pencil'; SELECT rolpassword ... */
static const char pg15_pencil[] =
	"SCRAM-SHA-256$4096:njLzLk7NNskjkk49WQ4ISw==$H/IIglmvyZr6ntCkGgBMMRNDpTTXiNen4mRrtK+A1Q8="
	":DNFVND0mb9k54D9PzkJZKtaZ22knedubHBj617LHMXY=";

START_TEST(base64_matches_rfc4648_vectors)
{
	static const char *const in[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
	static const char *const out[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=",
	                                  "Zm9vYmFy"};

	for (int i = 0; i < 7; i++) {
		char enc[32];
		uint8_t dec[32];
		int n = pgw_b64_encode((const uint8_t *)in[i], strlen(in[i]), enc, sizeof(enc));

		ck_assert_int_eq(n, (int)strlen(out[i]));
		ck_assert_str_eq(enc, out[i]);
		n = pgw_b64_decode(out[i], strlen(out[i]), dec, sizeof(dec));
		ck_assert_int_eq(n, (int)strlen(in[i]));
		ck_assert(memcmp(dec, in[i], (size_t)n) == 0);
	}
}
END_TEST

START_TEST(base64_rejects_malformed_input_and_short_buffers)
{
	uint8_t dec[8];
	char enc[4];

	ck_assert_int_eq(pgw_b64_decode("Zg=", 3, dec, sizeof(dec)), -1);
	ck_assert_int_eq(pgw_b64_decode("Z===", 4, dec, sizeof(dec)), -1);
	ck_assert_int_eq(pgw_b64_decode("Zm9!", 4, dec, sizeof(dec)), -1);
	ck_assert_int_eq(pgw_b64_decode("Zg==Zg==", 8, dec, sizeof(dec)), -1);
	ck_assert_int_eq(pgw_b64_decode("Z=g=", 4, dec, sizeof(dec)), -1);
	ck_assert_int_eq(pgw_b64_decode("Zm9vYmFy", 8, dec, 5), -1);
	ck_assert_int_eq(pgw_b64_encode((const uint8_t *)"foo", 3, enc, sizeof(enc)), -1);
}
END_TEST

/* RFC 7677 section 3: the whole exchange for user "user", password "pencil". */
START_TEST(scram_exchange_matches_rfc7677_example)
{
	const char *cfirst_bare = "n=user,r=rOprNGfwEbeRWgbNEkqO";
	const char *sfirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
	                     "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
	const char *cfinal_wo = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
	uint8_t salt[32], salted[32], ckey[32], stored[32], skey[32], sig[32], proof[32];
	char authmsg[512], b64[64];
	const char *s;
	size_t len;
	int saltlen;

	s = pgw_scram_attr(sfirst, strlen(sfirst), 's', &len);
	ck_assert_ptr_nonnull(s);
	saltlen = pgw_b64_decode(s, len, salt, sizeof(salt));
	ck_assert_int_eq(saltlen, 16);
	ck_assert_int_eq(pgw_scram_salted_password("pencil", salt, (size_t)saltlen, 4096, salted), 0);
	ck_assert_int_eq(pgw_scram_keys(salted, ckey, stored, skey), 0);
	snprintf(authmsg, sizeof(authmsg), "%s,%s,%s", cfirst_bare, sfirst, cfinal_wo);
	ck_assert_int_eq(pgw_scram_hmac(stored, 32, authmsg, strlen(authmsg), sig), 0);
	for (int i = 0; i < 32; i++)
		proof[i] = ckey[i] ^ sig[i];
	pgw_b64_encode(proof, 32, b64, sizeof(b64));
	ck_assert_str_eq(b64, "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
	ck_assert_int_eq(pgw_scram_hmac(skey, 32, authmsg, strlen(authmsg), sig), 0);
	pgw_b64_encode(sig, 32, b64, sizeof(b64));
	ck_assert_str_eq(b64, "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
}
END_TEST

START_TEST(postgresql_verifier_checks_its_password_only)
{
	ck_assert(pgw_scram_check_password(pg15_pencil, "pencil"));
	ck_assert(!pgw_scram_check_password(pg15_pencil, "Pencil"));
	ck_assert(!pgw_scram_check_password(pg15_pencil, ""));
	ck_assert(pgw_scram_verify_password(pg15_pencil, "pencil"));
}
END_TEST

START_TEST(built_verifier_has_postgresql_format_and_round_trips)
{
	static const uint8_t salt[16] = {0x9e, 0x32, 0xf3, 0x2e, 0x4e, 0xcd, 0x36, 0xc9,
	                                 0x23, 0x92, 0x4e, 0x3d, 0x59, 0x0e, 0x08, 0x4b};
	char v[PGW_SCRAM_VERIFIER_MAX];
	uint8_t s2[PGW_SCRAM_MAX_SALT], st[32], sv[32];
	size_t sl;
	int it;

	/* the same salt and iterations as the PostgreSQL verifier give the same string */
	ck_assert_int_eq(pgw_scram_build_verifier("pencil", salt, 16, 4096, v, sizeof(v)), 0);
	ck_assert_str_eq(v, pg15_pencil);
	ck_assert_int_eq(pgw_scram_parse_verifier(v, &it, s2, &sl, st, sv), 0);
	ck_assert_int_eq(it, 4096);
	ck_assert_int_eq((int)sl, 16);
	ck_assert(memcmp(s2, salt, 16) == 0);
	ck_assert_int_eq(pgw_scram_build_verifier("x", salt, 16, 4096, v, 20), -1);
	ck_assert_int_eq(pgw_scram_build_verifier("x", salt, 0, 4096, v, sizeof(v)), -1);
	ck_assert_int_eq(pgw_scram_build_verifier("x", salt, 16, 0, v, sizeof(v)), -1);
}
END_TEST

START_TEST(malformed_verifiers_are_rejected)
{
	static const char *const bad[] = {
		NULL,
		"md5c0ffee",
		"SCRAM-SHA-256$",
		"SCRAM-SHA-256$0:njLzLk7NNskjkk49WQ4ISw==$H/IIglmvyZr6ntCkGgBMMRNDpTTXiNen4mRrtK+A1Q8=:"
		"DNFVND0mb9k54D9PzkJZKtaZ22knedubHBj617LHMXY=",
		"SCRAM-SHA-256$4096:njLzLk7NNskjkk49WQ4ISw==",
		"SCRAM-SHA-256$4096:!!!!$H/IIglmvyZr6ntCkGgBMMRNDpTTXiNen4mRrtK+A1Q8=:"
		"DNFVND0mb9k54D9PzkJZKtaZ22knedubHBj617LHMXY=",
		"SCRAM-SHA-256$4096:njLzLk7NNskjkk49WQ4ISw==$Zm9v:"
		"DNFVND0mb9k54D9PzkJZKtaZ22knedubHBj617LHMXY=",
		"SCRAM-SHA-256$4096:njLzLk7NNskjkk49WQ4ISw==$H/IIglmvyZr6ntCkGgBMMRNDpTTXiNen4mRrtK+A1Q8=",
		"SCRAM-SHA-256$4096:njLzLk7NNskjkk49WQ4ISw==$H/IIglmvyZr6ntCkGgBMMRNDpTTXiNen4mRrtK+A1Q8=:Zm9v",
		"SCRAM-SHA-256$x:njLzLk7NNskjkk49WQ4ISw==$H/IIglmvyZr6ntCkGgBMMRNDpTTXiNen4mRrtK+A1Q8=:"
		"DNFVND0mb9k54D9PzkJZKtaZ22knedubHBj617LHMXY=",
	};
	uint8_t s[PGW_SCRAM_MAX_SALT], st[32], sv[32];
	size_t sl;
	int it;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(pgw_scram_parse_verifier(bad[i], &it, s, &sl, st, sv) == -1, "case %zu", i);
		ck_assert(!pgw_scram_check_password(bad[i], "pencil"));
	}
}
END_TEST

START_TEST(made_verifiers_use_fresh_salts_and_verify)
{
	char *a, *b;

	mem_init();
	a = pgw_scram_make_verifier("s3cret");
	b = pgw_scram_make_verifier("s3cret");
	ck_assert_str_ne(a, b);
	ck_assert(strncmp(a, "SCRAM-SHA-256$4096:", 19) == 0);
	ck_assert(pgw_scram_check_password(a, "s3cret"));
	ck_assert(pgw_scram_check_password(b, "s3cret"));
	ck_assert(!pgw_scram_check_password(a, "s3cret "));
}
END_TEST

START_TEST(attributes_are_found_by_name)
{
	const char *m = "r=abc,s=c2FsdA==,i=4096";
	size_t len;
	const char *v;

	v = pgw_scram_attr(m, strlen(m), 'i', &len);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq((int)len, 4);
	ck_assert(strncmp(v, "4096", 4) == 0);
	v = pgw_scram_attr(m, strlen(m), 'r', &len);
	ck_assert_int_eq((int)len, 3);
	ck_assert_ptr_null(pgw_scram_attr(m, strlen(m), 'p', &len));
	ck_assert_ptr_null(pgw_scram_attr("", 0, 'r', &len));
}
END_TEST

START_TEST(random_bytes_differ)
{
	uint8_t a[16], b[16];

	ck_assert_int_eq(pgw_random_bytes(a, sizeof(a)), 0);
	ck_assert_int_eq(pgw_random_bytes(b, sizeof(b)), 0);
	ck_assert(memcmp(a, b, sizeof(a)) != 0);
	ck_assert(pgw_scram_equal(a, a, 16));
	ck_assert(!pgw_scram_equal(a, b, 16));
}
END_TEST

/* This program links no engine: the weak fallbacks in pgw_engine_stub.c stand in. */
static const char *
raised_by(void (*fn)(void))
{
	static char code[6];

	code[0] = '\0';
	ERR_TRY();
	{
		fn();
	}
	ERR_CATCH();
	{
		memcpy(code, err_last()->sqlstate, 6);
	}
	ERR_END();
	return code;
}

static void call_exec(void) { sql_exec_simple("SELECT 1", NULL); }
static void call_prepare(void) { (void)sql_prepare("SELECT 1", 0, NULL); }
static void call_params(void) { const Oid *t; (void)sql_prepared_params(NULL, &t); }
static void call_columns(void) { const res_column *c; (void)sql_prepared_columns(NULL, &c); }
static void call_bind(void) { (void)sql_bind(NULL, 0, NULL, NULL, 0, NULL, 0, NULL); }
static void call_pcolumns(void) { const res_column *c; (void)sql_portal_columns(NULL, &c); }
static void call_execute(void) { (void)sql_execute(NULL, 0, NULL); }
static void call_quiet(void) { sql_session_end(); sql_prepared_free(NULL); sql_portal_free(NULL); sql_sync(); }

START_TEST(without_an_engine_every_entry_point_says_so)
{
	void (*const raising[])(void) = {call_exec, call_prepare, call_params, call_columns,
	                                 call_bind, call_pcolumns, call_execute};

	mem_init();
	for (size_t i = 0; i < sizeof(raising) / sizeof(raising[0]); i++)
		ck_assert_str_eq(raised_by(raising[i]), "0A000");
	ck_assert_str_eq(raised_by(call_quiet), "");
	ck_assert_int_eq(sql_txn_state(), 'I');
	ck_assert_ptr_null(sql_role_password("anyone"));
}
END_TEST

START_TEST(without_an_engine_sessions_start_and_statements_say_so)
{
	static const char startup[] = {0, 0, 0, 18, 0, 3, 0, 0, 'u', 's', 'e', 'r', 0, 'b', 'o',
	                               'b', 0, 0};
	static const char query[] = {'Q', 0, 0, 0, 13, 's', 'e', 'l', 'e', 'c', 't', ' ', '1', 0,
	                             'X', 0, 0, 0, 4};
	char buf[2048] = "";
	int sv[2];
	ssize_t n, got = 0;
	pid_t pid;

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	pid = fork();
	if (pid == 0) {
		char err[128];

		close(sv[0]);
		mem_init();
		cfg_init_defaults();
		cfg_override("auth_rule=local all all trust", err, sizeof(err));
		log_set_level(LV_PANIC);
		pgw_session_main(sv[1], startup, sizeof(startup));
		exit(0);
	}
	close(sv[1]);
	ck_assert_int_eq(write(sv[0], query, sizeof(query)), (ssize_t)sizeof(query));
	while ((n = read(sv[0], buf + got, sizeof(buf) - 1 - (size_t)got)) > 0)
		got += n;
	close(sv[0]);
	waitpid(pid, NULL, 0);
	ck_assert_int_gt(got, 9);
	ck_assert_int_eq(buf[0], 'R');      /* authenticated (trust), session started */
	ck_assert(memmem(buf, (size_t)got, "SERROR", 7) != NULL);
	ck_assert(memmem(buf, (size_t)got, "C0A000", 7) != NULL);
	ck_assert(memmem(buf, (size_t)got, "SQL is not available in this build yet", 38) != NULL);
	ck_assert_int_eq(buf[got - 6], 'Z');   /* ReadyForQuery after the error */
}
END_TEST

static Suite *
scram_suite(void)
{
	Suite *s = suite_create("scram");
	TCase *t = tcase_create("base64");

	tcase_add_test(t, base64_matches_rfc4648_vectors);
	tcase_add_test(t, base64_rejects_malformed_input_and_short_buffers);
	suite_add_tcase(s, t);
	t = tcase_create("scram");
	tcase_add_test(t, scram_exchange_matches_rfc7677_example);
	tcase_add_test(t, attributes_are_found_by_name);
	tcase_add_test(t, random_bytes_differ);
	suite_add_tcase(s, t);
	t = tcase_create("verifiers");
	tcase_add_test(t, postgresql_verifier_checks_its_password_only);
	tcase_add_test(t, built_verifier_has_postgresql_format_and_round_trips);
	tcase_add_test(t, malformed_verifiers_are_rejected);
	tcase_add_test(t, made_verifiers_use_fresh_salts_and_verify);
	suite_add_tcase(s, t);
	t = tcase_create("engine fallbacks");
	tcase_add_test(t, without_an_engine_every_entry_point_says_so);
	tcase_add_test(t, without_an_engine_sessions_start_and_statements_say_so);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(scram_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
