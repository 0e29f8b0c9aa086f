/* pgw_scram.c — SCRAM-SHA-256 helpers on libcrypto; see pgw_scram.h (shared with libphantom). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "pgwire/pgw_scram.h"

static const char b64chars[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int
pgw_b64_encode(const uint8_t *src, size_t len, char *dst, size_t dstcap)
{
	size_t need = pgw_b64_enclen(len), o = 0;

	if (dstcap < need + 1)
		return -1;
	for (size_t i = 0; i < len; i += 3) {
		uint32_t v = (uint32_t)src[i] << 16;
		size_t rest = len - i;

		if (rest > 1)
			v |= (uint32_t)src[i + 1] << 8;
		if (rest > 2)
			v |= src[i + 2];
		dst[o++] = b64chars[(v >> 18) & 63];
		dst[o++] = b64chars[(v >> 12) & 63];
		dst[o++] = rest > 1 ? b64chars[(v >> 6) & 63] : '=';
		dst[o++] = rest > 2 ? b64chars[v & 63] : '=';
	}
	dst[o] = '\0';
	return (int)o;
}

static int
b64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

int
pgw_b64_decode(const char *src, size_t len, uint8_t *dst, size_t dstcap)
{
	size_t o = 0;

	if (len % 4 != 0)
		return -1;
	for (size_t i = 0; i < len; i += 4) {
		int v[4], pad = 0;

		for (int k = 0; k < 4; k++) {
			if (src[i + k] == '=') {
				/* padding only in the last group, only at its end */
				if (i + 4 != len || k < 2)
					return -1;
				v[k] = 0;
				pad++;
			} else {
				if (pad)
					return -1;
				v[k] = b64_value(src[i + k]);
				if (v[k] < 0)
					return -1;
			}
		}
		uint32_t w = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 |
		             (uint32_t)v[3];
		size_t n = 3 - (size_t)pad;

		if (o + n > dstcap)
			return -1;
		dst[o++] = (uint8_t)(w >> 16);
		if (n > 1)
			dst[o++] = (uint8_t)(w >> 8);
		if (n > 2)
			dst[o++] = (uint8_t)w;
	}
	return (int)o;
}

int
pgw_random_bytes(void *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom((char *)buf + got, n - got, 0);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		got += (size_t)r;
	}
	if (got == n)
		return 0;
	return RAND_bytes(buf, (int)n) == 1 ? 0 : -1;
}

int
pgw_scram_salted_password(const char *password, const uint8_t *salt, size_t saltlen,
                          int iterations, uint8_t out[PGW_SCRAM_KEY_LEN])
{
	if (iterations < 1)
		return -1;
	return PKCS5_PBKDF2_HMAC(password, (int)strlen(password), salt, (int)saltlen, iterations,
	                         EVP_sha256(), PGW_SCRAM_KEY_LEN, out) == 1 ? 0 : -1;
}

int
pgw_scram_hmac(const uint8_t *key, size_t keylen, const void *msg, size_t msglen,
               uint8_t out[PGW_SCRAM_KEY_LEN])
{
	unsigned int olen = 0;

	if (HMAC(EVP_sha256(), key, (int)keylen, msg, msglen, out, &olen) == NULL)
		return -1;
	return olen == PGW_SCRAM_KEY_LEN ? 0 : -1;
}

int
pgw_scram_sha256(const void *msg, size_t len, uint8_t out[PGW_SCRAM_KEY_LEN])
{
	unsigned int olen = 0;

	if (EVP_Digest(msg, len, out, &olen, EVP_sha256(), NULL) != 1)
		return -1;
	return olen == PGW_SCRAM_KEY_LEN ? 0 : -1;
}

int
pgw_scram_keys(const uint8_t salted[PGW_SCRAM_KEY_LEN], uint8_t client_key[PGW_SCRAM_KEY_LEN],
               uint8_t stored_key[PGW_SCRAM_KEY_LEN], uint8_t server_key[PGW_SCRAM_KEY_LEN])
{
	uint8_t ck[PGW_SCRAM_KEY_LEN];

	if (pgw_scram_hmac(salted, PGW_SCRAM_KEY_LEN, "Client Key", 10, ck) < 0)
		return -1;
	if (client_key)
		memcpy(client_key, ck, sizeof(ck));
	if (stored_key && pgw_scram_sha256(ck, sizeof(ck), stored_key) < 0)
		return -1;
	if (server_key && pgw_scram_hmac(salted, PGW_SCRAM_KEY_LEN, "Server Key", 10, server_key) < 0)
		return -1;
	OPENSSL_cleanse(ck, sizeof(ck));
	return 0;
}

bool
pgw_scram_equal(const void *a, const void *b, size_t len)
{
	return CRYPTO_memcmp(a, b, len) == 0;
}

int
pgw_scram_build_verifier(const char *password, const uint8_t *salt, size_t saltlen,
                         int iterations, char *buf, size_t cap)
{
	uint8_t salted[PGW_SCRAM_KEY_LEN], stored[PGW_SCRAM_KEY_LEN], server[PGW_SCRAM_KEY_LEN];
	char s64[PGW_SCRAM_MAX_SALT * 2], st64[64], sv64[64];
	int n;

	if (saltlen == 0 || saltlen > PGW_SCRAM_MAX_SALT ||
	    pgw_scram_salted_password(password, salt, saltlen, iterations, salted) < 0 ||
	    pgw_scram_keys(salted, NULL, stored, server) < 0)
		return -1;
	OPENSSL_cleanse(salted, sizeof(salted));
	if (pgw_b64_encode(salt, saltlen, s64, sizeof(s64)) < 0 ||
	    pgw_b64_encode(stored, sizeof(stored), st64, sizeof(st64)) < 0 ||
	    pgw_b64_encode(server, sizeof(server), sv64, sizeof(sv64)) < 0)
		return -1;
	n = snprintf(buf, cap, "%s$%d:%s$%s:%s", PGW_SCRAM_MECHANISM, iterations, s64, st64, sv64);
	return n > 0 && (size_t)n < cap ? 0 : -1;
}

int
pgw_scram_parse_verifier(const char *v, int *iterations, uint8_t *salt, size_t *saltlen,
                         uint8_t stored_key[PGW_SCRAM_KEY_LEN],
                         uint8_t server_key[PGW_SCRAM_KEY_LEN])
{
	const size_t mlen = strlen(PGW_SCRAM_MECHANISM);
	const char *p, *colon, *dollar, *colon2;
	char *end;
	long it;
	int n;

	if (v == NULL || strncmp(v, PGW_SCRAM_MECHANISM "$", mlen + 1) != 0)
		return -1;
	p = v + mlen + 1;
	errno = 0;
	it = strtol(p, &end, 10);
	if (end == p || *end != ':' || errno != 0 || it < 1 || it > 100000000)
		return -1;
	colon = end;
	dollar = strchr(colon, '$');
	if (dollar == NULL)
		return -1;
	n = pgw_b64_decode(colon + 1, (size_t)(dollar - colon - 1), salt, PGW_SCRAM_MAX_SALT);
	if (n <= 0)
		return -1;
	*saltlen = (size_t)n;
	colon2 = strchr(dollar, ':');
	if (colon2 == NULL)
		return -1;
	if (pgw_b64_decode(dollar + 1, (size_t)(colon2 - dollar - 1), stored_key,
	                   PGW_SCRAM_KEY_LEN) != PGW_SCRAM_KEY_LEN)
		return -1;
	if (pgw_b64_decode(colon2 + 1, strlen(colon2 + 1), server_key, PGW_SCRAM_KEY_LEN) !=
	    PGW_SCRAM_KEY_LEN)
		return -1;
	*iterations = (int)it;
	return 0;
}

bool
pgw_scram_check_password(const char *verifier, const char *password)
{
	uint8_t salt[PGW_SCRAM_MAX_SALT], stored[PGW_SCRAM_KEY_LEN], server[PGW_SCRAM_KEY_LEN];
	uint8_t salted[PGW_SCRAM_KEY_LEN], c_stored[PGW_SCRAM_KEY_LEN], c_server[PGW_SCRAM_KEY_LEN];
	size_t saltlen;
	int iterations;
	bool ok;

	if (pgw_scram_parse_verifier(verifier, &iterations, salt, &saltlen, stored, server) < 0)
		return false;
	if (pgw_scram_salted_password(password, salt, saltlen, iterations, salted) < 0 ||
	    pgw_scram_keys(salted, NULL, c_stored, c_server) < 0)
		return false;
	OPENSSL_cleanse(salted, sizeof(salted));
	/* both keys, and no early exit, so timing tells nothing about which one differed */
	ok = pgw_scram_equal(stored, c_stored, sizeof(stored));
	ok &= pgw_scram_equal(server, c_server, sizeof(server));
	return ok;
}

const char *
pgw_scram_attr(const char *msg, size_t msglen, char name, size_t *len)
{
	size_t i = 0;

	while (i < msglen) {
		size_t j = i;

		while (j < msglen && msg[j] != ',')
			j++;
		if (j - i >= 2 && msg[i] == name && msg[i + 1] == '=') {
			*len = j - i - 2;
			return msg + i + 2;
		}
		i = j + 1;
	}
	return NULL;
}
