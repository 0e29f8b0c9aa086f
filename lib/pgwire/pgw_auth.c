/*
 * pgw_auth.c — client authentication: `auth_rule` matching and the trust, password and
 * scram-sha-256 methods (RFC 5802/7677 server side, no channel binding).  See README.md.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "pgwire/pgw.h"
#include "pgwire/pgw_int.h"
#include "pgwire/pgw_scram.h"
#include "sql/engine.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"
#include "util/mem.h"

enum { AUTH_TRUST, AUTH_PASSWORD, AUTH_SCRAM, AUTH_REJECT };
static const char *const method_names[] = {"trust", "password", "scram-sha-256", "reject"};

typedef struct auth_rule {
	bool local;                 /* "local": Unix-domain sockets */
	char dbs[256];
	char users[256];
	bool any_addr;
	int family;                 /* AF_INET / AF_INET6 */
	unsigned char addr[16];
	unsigned char mask[16];
	int method;
} auth_rule;

/* ---- rules --------------------------------------------------------------------------------- */

static int
next_token(const char **p, char *buf, size_t cap)
{
	size_t n = 0;

	while (**p == ' ' || **p == '\t')
		(*p)++;
	if (**p == '\0' || **p == '\n' || **p == '#')
		return 0;
	while (**p && !isspace((unsigned char)**p)) {
		if (n + 1 >= cap)
			return -1;
		buf[n++] = *(*p)++;
	}
	buf[n] = '\0';
	return 1;
}

static bool
make_mask(int family, long bits, unsigned char *mask)
{
	int len = family == AF_INET ? 4 : 16;

	if (bits < 0 || bits > len * 8)
		return false;
	memset(mask, 0, 16);
	for (int i = 0; i < len; i++) {
		long b = bits - i * 8;

		mask[i] = b >= 8 ? 0xff : b <= 0 ? 0 : (unsigned char)(0xff << (8 - b));
	}
	return true;
}

static int
parse_address(const char *tok, auth_rule *r, char *err, size_t errlen)
{
	char host[128];
	const char *slash = strchr(tok, '/');
	long bits = -1;

	if (strcmp(tok, "all") == 0) {
		r->any_addr = true;
		return 0;
	}
	if (slash == NULL || (size_t)(slash - tok) >= sizeof(host)) {
		snprintf(err, errlen, "address \"%.64s\" needs the form ADDRESS/MASK", tok);
		return -1;
	}
	memcpy(host, tok, (size_t)(slash - tok));
	host[slash - tok] = '\0';
	if (inet_pton(AF_INET, host, r->addr) == 1)
		r->family = AF_INET;
	else if (inet_pton(AF_INET6, host, r->addr) == 1)
		r->family = AF_INET6;
	else {
		snprintf(err, errlen, "invalid IP address \"%.64s\"", host);
		return -1;
	}
	{
		char *end;

		bits = strtol(slash + 1, &end, 10);
		if (end == slash + 1 || *end != '\0' || !make_mask(r->family, bits, r->mask)) {
			snprintf(err, errlen, "invalid mask length \"%.16s\"", slash + 1);
			return -1;
		}
	}
	for (int i = 0; i < 16; i++)
		r->addr[i] &= r->mask[i];
	return 0;
}

/* Parse one rule line; 1 parsed, 0 blank/comment, -1 error (err set). */
static int
parse_rule(const char *line, auth_rule *r, char *err, size_t errlen)
{
	char tok[256];
	const char *p = line;
	int t;

	memset(r, 0, sizeof(*r));
	t = next_token(&p, tok, sizeof(tok));
	if (t == 0)
		return 0;
	if (t < 0 || (strcmp(tok, "host") != 0 && strcmp(tok, "local") != 0)) {
		snprintf(err, errlen, "rule must start with \"host\" or \"local\"");
		return -1;
	}
	r->local = strcmp(tok, "local") == 0;
	if (next_token(&p, r->dbs, sizeof(r->dbs)) != 1 ||
	    next_token(&p, r->users, sizeof(r->users)) != 1) {
		snprintf(err, errlen, "missing database or user field");
		return -1;
	}
	if (!r->local) {
		if (next_token(&p, tok, sizeof(tok)) != 1) {
			snprintf(err, errlen, "missing address field");
			return -1;
		}
		if (parse_address(tok, r, err, errlen) < 0)
			return -1;
	}
	if (next_token(&p, tok, sizeof(tok)) != 1) {
		snprintf(err, errlen, "missing method field");
		return -1;
	}
	r->method = -1;
	for (int i = 0; i < 4; i++)
		if (strcmp(tok, method_names[i]) == 0)
			r->method = i;
	if (r->method < 0) {
		snprintf(err, errlen, "unknown method \"%.64s\" (trust, password, scram-sha-256, reject)",
		         tok);
		return -1;
	}
	if (next_token(&p, tok, sizeof(tok)) != 0) {
		snprintf(err, errlen, "unexpected \"%.64s\" after the method", tok);
		return -1;
	}
	return 1;
}

/* Call fn for each rule in order until it returns true; -1 on a malformed rule. */
static int
for_each_rule(const char *rules, bool (*fn)(const auth_rule *r, int n, void *arg), void *arg,
              char *err, size_t errlen)
{
	const char *p = rules ? rules : "";
	int n = 0;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char line[1024], why[256];
		auth_rule r;
		int rc;

		n++;
		if (len >= sizeof(line)) {
			snprintf(err, errlen, "auth_rule %d: rule too long", n);
			return -1;
		}
		memcpy(line, p, len);
		line[len] = '\0';
		rc = parse_rule(line, &r, why, sizeof(why));
		if (rc < 0) {
			snprintf(err, errlen, "auth_rule %d: %s", n, why);
			return -1;
		}
		if (rc > 0 && fn(&r, n, arg))
			return n;
		p += len;
		if (*p == '\n')
			p++;
	}
	return 0;
}

static bool
accept_all(const auth_rule *r, int n, void *arg)
{
	return false;
}

int
pgw_auth_rules_check(const char *rules, char *err, size_t errlen)
{
	return for_each_rule(rules, accept_all, NULL, err, errlen) < 0 ? -1 : 0;
}

typedef struct match_ctx {
	const char *user, *db;
	struct sockaddr_storage peer;
	auth_rule found;
} match_ctx;

static bool
name_in_list(const char *list, const char *name)
{
	size_t nlen = strlen(name);
	const char *p = list;

	if (strcmp(list, "all") == 0)
		return true;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == nlen && strncmp(p, name, len) == 0)
			return true;
		p += len;
		if (*p == ',')
			p++;
	}
	return false;
}

static bool
addr_matches(const auth_rule *r, const struct sockaddr_storage *ss)
{
	unsigned char a[16];
	int family = ss->ss_family;

	if (family == AF_UNIX)
		return r->local;
	if (r->local)
		return false;
	if (r->any_addr)
		return true;
	if (family == AF_INET) {
		memcpy(a, &((const struct sockaddr_in *)ss)->sin_addr, 4);
	} else {
		const struct in6_addr *a6 = &((const struct sockaddr_in6 *)ss)->sin6_addr;

		if (IN6_IS_ADDR_V4MAPPED(a6)) {
			family = AF_INET;
			memcpy(a, (const unsigned char *)a6 + 12, 4);
		} else
			memcpy(a, a6, 16);
	}
	if (family != r->family)
		return false;
	for (int i = 0; i < (family == AF_INET ? 4 : 16); i++)
		if ((a[i] & r->mask[i]) != r->addr[i])
			return false;
	return true;
}

static bool
rule_matches(const auth_rule *r, int n, void *arg)
{
	match_ctx *m = arg;

	if (!name_in_list(r->dbs, m->db) || !name_in_list(r->users, m->user) ||
	    !addr_matches(r, &m->peer))
		return false;
	m->found = *r;
	return true;
}

/* ---- methods ------------------------------------------------------------------------------- */

static _Noreturn void
auth_failed(pgw_conn *c, const char *user, const char *why)
{
	log_msg(LV_INFO, "password authentication failed for user \"%s\" from %s: %s", user,
	        c->peer, why);
	ph_fatal(ERRCODE_INVALID_PASSWORD, "password authentication failed for user \"%s\"", user);
}

static void
send_auth(pgw_conn *c, int32_t code, const void *data, size_t len)
{
	pgw_begin(c, 'R');
	pgw_put_int32(c, code);
	if (len)
		pgw_put_bytes(c, data, len);
	pgw_end(c);
}

/* The client's answer to an authentication request: a 'p' message. */
static void
recv_password_msg(pgw_conn *c, pgw_msg *m)
{
	if (!pgw_flush(c) || pgw_conn_recv(c, m, PGW_WAIT_STARTUP) == 0) {
		c->broken = true;   /* psql does this to ask the user for a password */
		ph_fatal(ERRCODE_CONNECTION_FAILURE, "client closed the connection during authentication");
	}
	if (m->type != 'p')
		pgw_protocol_violation("expected password response, got message type 0x%02x",
		                       (unsigned char)m->type);
}

static void
auth_password(pgw_conn *c, const char *user)
{
	pgw_msg m;
	const char *pw;
	char *verifier;

	send_auth(c, 3, NULL, 0);
	recv_password_msg(c, &m);
	pw = pgw_get_str(&m);
	pgw_get_end(&m);
	if (*pw == '\0')
		auth_failed(c, user, "empty password");
	verifier = sql_role_password(user);
	if (verifier == NULL)
		auth_failed(c, user, "the role has no password");
	if (!pgw_scram_check_password(verifier, pw))
		auth_failed(c, user, "wrong password or unusable verifier");
}

static _Noreturn void
bad_scram(const char *detail)
{
	ERR_BEGIN(ERRCODE_PROTOCOL_VIOLATION);
	err_level(LV_FATAL);
	err_detail("%s", detail);
	err_throw("malformed SCRAM message");
}

/* The verifier's pieces, or a doomed imitation for a role without a usable one, so that the
 * exchange looks the same to the client either way (no role enumeration). */
static bool
scram_secret(const char *user, int *iter, uint8_t *salt, size_t *saltlen, uint8_t *stored,
             uint8_t *server)
{
	static uint8_t mock_key[32];
	static bool mock_ready;
	char *verifier = sql_role_password(user);
	uint8_t h[PGW_SCRAM_KEY_LEN];

	if (verifier &&
	    pgw_scram_parse_verifier(verifier, iter, salt, saltlen, stored, server) == 0)
		return true;
	if (!mock_ready) {
		(void)pgw_random_bytes(mock_key, sizeof(mock_key));
		mock_ready = true;
	}
	(void)pgw_scram_hmac(mock_key, sizeof(mock_key), user, strlen(user), h);
	*iter = PGW_SCRAM_ITERATIONS;
	memcpy(salt, h, PGW_SCRAM_SALT_LEN);
	*saltlen = PGW_SCRAM_SALT_LEN;
	(void)pgw_random_bytes(stored, PGW_SCRAM_KEY_LEN);
	(void)pgw_random_bytes(server, PGW_SCRAM_KEY_LEN);
	return false;
}

static void
auth_scram(pgw_conn *c, const char *user)
{
	static const char mechs[] = PGW_SCRAM_MECHANISM "\0";
	pgw_msg m;
	const char *mech, *cfirst, *bare, *cnonce, *attr;
	size_t cfirst_len, gs2_len, cnonce_len, alen;
	uint8_t salt[PGW_SCRAM_MAX_SALT], stored[PGW_SCRAM_KEY_LEN], server[PGW_SCRAM_KEY_LEN];
	uint8_t snonce_raw[18], proof[PGW_SCRAM_KEY_LEN], sig[PGW_SCRAM_KEY_LEN];
	uint8_t ckey[PGW_SCRAM_KEY_LEN], hkey[PGW_SCRAM_KEY_LEN];
	char snonce[32], salt64[PGW_SCRAM_MAX_SALT * 2], gs2_64[64], sfinal[80];
	char *server_first, *nonce, *authmsg, *cfinal;
	size_t saltlen, cfinal_len, without_proof;
	int iter;
	bool real, ok;
	int32_t n;

	send_auth(c, 10, mechs, sizeof(mechs));
	recv_password_msg(c, &m);
	mech = pgw_get_str(&m);
	if (strcmp(mech, PGW_SCRAM_MECHANISM) != 0)
		pgw_protocol_violation("client selected an invalid SASL authentication mechanism");
	n = pgw_get_int32(&m);
	if (n < 0)
		pgw_protocol_violation("SASLInitialResponse without initial response");
	cfirst_len = (size_t)n;
	{
		const char *raw = pgw_get_bytes(&m, cfirst_len);

		pgw_get_end(&m);
		cfirst = pstrndup(raw, cfirst_len);
	}
	if (strlen(cfirst) != cfirst_len)
		bad_scram("client-first-message contains a NUL byte");
	/* gs2-header: cbind-flag "," [authzid] "," */
	if (cfirst_len < 3 || (cfirst[0] != 'n' && cfirst[0] != 'y' && cfirst[0] != 'p'))
		bad_scram("client-first-message must start with a channel-binding flag");
	if (cfirst[0] == 'p') {
		ERR_BEGIN(ERRCODE_FEATURE_NOT_SUPPORTED);
		err_level(LV_FATAL);
		err_throw("channel binding is not supported");
	}
	if (cfirst[1] != ',')
		bad_scram("comma expected after the channel-binding flag");
	if (cfirst[2] != ',') {
		ERR_BEGIN(ERRCODE_FEATURE_NOT_SUPPORTED);
		err_level(LV_FATAL);
		err_throw("client uses authorization identity, but it is not supported");
	}
	gs2_len = 3;
	bare = cfirst + gs2_len;
	if (strncmp(bare, "n=", 2) != 0)
		bad_scram("client-first-message-bare must start with \"n=\"");
	if (pgw_scram_attr(bare, strlen(bare), 'm', &alen) != NULL) {
		ERR_BEGIN(ERRCODE_FEATURE_NOT_SUPPORTED);
		err_level(LV_FATAL);
		err_throw("SCRAM extensions are not supported");
	}
	cnonce = pgw_scram_attr(bare, strlen(bare), 'r', &cnonce_len);
	if (cnonce == NULL || cnonce_len == 0)
		bad_scram("client nonce missing");
	for (size_t i = 0; i < cnonce_len; i++)
		if (cnonce[i] < 0x21 || cnonce[i] > 0x7e)
			bad_scram("client nonce contains a non-printable character");

	real = scram_secret(user, &iter, salt, &saltlen, stored, server);
	if (pgw_random_bytes(snonce_raw, sizeof(snonce_raw)) < 0)
		ph_internal("could not generate a random nonce");
	pgw_b64_encode(snonce_raw, sizeof(snonce_raw), snonce, sizeof(snonce));
	pgw_b64_encode(salt, saltlen, salt64, sizeof(salt64));
	nonce = psprintf("%.*s%s", (int)cnonce_len, cnonce, snonce);
	server_first = psprintf("r=%s,s=%s,i=%d", nonce, salt64, iter);
	send_auth(c, 11, server_first, strlen(server_first));

	recv_password_msg(c, &m);
	cfinal_len = m.len;
	cfinal = pstrndup(pgw_get_bytes(&m, m.len), cfinal_len);
	if (strlen(cfinal) != cfinal_len)
		bad_scram("client-final-message contains a NUL byte");
	/* c=base64(gs2-header), r=nonce, ..., p=proof (last) */
	pgw_b64_encode((const uint8_t *)cfirst, gs2_len, gs2_64, sizeof(gs2_64));
	attr = pgw_scram_attr(cfinal, cfinal_len, 'c', &alen);
	if (attr != cfinal + 2 || alen != strlen(gs2_64) || memcmp(attr, gs2_64, alen) != 0)
		bad_scram("unexpected channel-binding data");
	attr = pgw_scram_attr(cfinal, cfinal_len, 'r', &alen);
	if (attr == NULL || alen != strlen(nonce) || memcmp(attr, nonce, alen) != 0)
		bad_scram("nonce does not match");
	{
		const char *p = strstr(cfinal, ",p=");

		if (p == NULL || strchr(p + 3, ',') != NULL)
			bad_scram("proof missing or not last");
		without_proof = (size_t)(p - cfinal);
		if (pgw_b64_decode(p + 3, strlen(p + 3), proof, sizeof(proof)) != PGW_SCRAM_KEY_LEN)
			bad_scram("malformed proof");
	}
	authmsg = psprintf("%s,%s,%.*s", bare, server_first, (int)without_proof, cfinal);
	if (pgw_scram_hmac(stored, sizeof(stored), authmsg, strlen(authmsg), sig) < 0)
		ph_internal("could not compute the SCRAM client signature");
	for (int i = 0; i < PGW_SCRAM_KEY_LEN; i++)
		ckey[i] = proof[i] ^ sig[i];
	if (pgw_scram_sha256(ckey, sizeof(ckey), hkey) < 0)
		ph_internal("could not hash the SCRAM client key");
	ok = pgw_scram_equal(hkey, stored, sizeof(hkey));
	if (!real)
		auth_failed(c, user, "the role has no usable password");
	if (!ok)
		auth_failed(c, user, "wrong proof");
	if (pgw_scram_hmac(server, sizeof(server), authmsg, strlen(authmsg), sig) < 0)
		ph_internal("could not compute the SCRAM server signature");
	memcpy(sfinal, "v=", 2);
	pgw_b64_encode(sig, sizeof(sig), sfinal + 2, sizeof(sfinal) - 2);
	send_auth(c, 12, sfinal, strlen(sfinal));
}

void
pgw_authenticate(pgw_conn *c, const char *user, const char *database)
{
	match_ctx mc;
	socklen_t sl = sizeof(mc.peer);
	char err[300];
	int n;

	memset(&mc, 0, sizeof(mc));
	mc.user = user;
	mc.db = database;
	if (getpeername(c->sock, (struct sockaddr *)&mc.peer, &sl) < 0)
		mc.peer.ss_family = AF_UNIX;   /* socketpair and the like */
	n = for_each_rule(settings.auth_rules, rule_matches, &mc, err, sizeof(err));
	if (n < 0) {
		log_msg(LV_WARNING, "%s", err);
		ERR_BEGIN(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION);
		err_level(LV_FATAL);
		err_detail("The server's authentication rules are invalid: %s.", err);
		err_throw("no auth rule for host \"%s\", user \"%s\", database \"%s\"", c->peer, user,
		          database);
	}
	if (n == 0)
		ph_fatal(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION,
		         "no auth rule for host \"%s\", user \"%s\", database \"%s\"", c->peer, user,
		         database);
	switch (mc.found.method) {
	case AUTH_TRUST:
		break;
	case AUTH_REJECT:
		ph_fatal(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION,
		         "auth rule %d rejects host \"%s\", user \"%s\", database \"%s\"", n, c->peer,
		         user, database);
	case AUTH_PASSWORD:
		auth_password(c, user);
		break;
	default:
		auth_scram(c, user);
		break;
	}
	send_auth(c, 0, NULL, 0);
}

char *
pgw_scram_make_verifier(const char *password)
{
	uint8_t salt[PGW_SCRAM_SALT_LEN];
	char buf[PGW_SCRAM_VERIFIER_MAX];

	if (pgw_random_bytes(salt, sizeof(salt)) < 0 ||
	    pgw_scram_build_verifier(password, salt, sizeof(salt), PGW_SCRAM_ITERATIONS, buf,
	                             sizeof(buf)) < 0)
		ph_internal("could not compute a SCRAM verifier");
	return pstrdup(buf);
}

bool
pgw_scram_verify_password(const char *verifier, const char *password)
{
	return pgw_scram_check_password(verifier, password);
}
