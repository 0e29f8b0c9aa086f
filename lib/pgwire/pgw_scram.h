/*
 * pgw_scram.h — SCRAM-SHA-256 building blocks (RFC 5802, RFC 7677) and base64 (RFC 4648).
 *
 * Self-contained on purpose: this file and pgw_scram.c use only libc and libcrypto (no
 * err.h, no memory contexts), so the same source is compiled into the server (lib/pgwire)
 * and into the client library (lib/client) without making libphantom link the server.
 * Every function reports failure by its return value and never raises; none allocates.
 * Any process may call them; they keep no state.
 *
 * Keys (all PGW_SCRAM_KEY_LEN = 32 bytes):
 *   SaltedPassword = PBKDF2-HMAC-SHA-256(password, salt, iterations)
 *   ClientKey = HMAC(SaltedPassword, "Client Key")     StoredKey = SHA-256(ClientKey)
 *   ServerKey = HMAC(SaltedPassword, "Server Key")
 *   ClientSignature = HMAC(StoredKey, AuthMessage)     ClientProof = ClientKey XOR ClientSignature
 *   ServerSignature = HMAC(ServerKey, AuthMessage)
 * A stored verifier (PostgreSQL's format):
 *   SCRAM-SHA-256$<iterations>:<base64 salt>$<base64 StoredKey>:<base64 ServerKey>
 */
#ifndef PH_PGWIRE_PGW_SCRAM_H
#define PH_PGWIRE_PGW_SCRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PGW_SCRAM_KEY_LEN 32
#define PGW_SCRAM_SALT_LEN 16
#define PGW_SCRAM_ITERATIONS 4096
#define PGW_SCRAM_MAX_SALT 64
#define PGW_SCRAM_MECHANISM "SCRAM-SHA-256"
/* Upper bound of a verifier's length, terminating NUL included. */
#define PGW_SCRAM_VERIFIER_MAX 256

/* Base64 with padding.  encode returns the length written (NUL-terminated, so dstcap must be
 * at least 4*ceil(len/3)+1), or -1 when dst is too small.  decode accepts only canonical
 * padded input and returns the number of bytes, or -1 for bad input or a short dst. */
int pgw_b64_encode(const uint8_t *src, size_t len, char *dst, size_t dstcap);
int pgw_b64_decode(const char *src, size_t len, uint8_t *dst, size_t dstcap);
static inline size_t pgw_b64_enclen(size_t n) { return (n + 2) / 3 * 4; }

/* Cryptographically secure random bytes (getrandom, falling back to libcrypto).  0 or -1. */
int pgw_random_bytes(void *buf, size_t n);

/* SaltedPassword; 0 or -1 (libcrypto failure, iterations < 1). */
int pgw_scram_salted_password(const char *password, const uint8_t *salt, size_t saltlen,
                              int iterations, uint8_t out[PGW_SCRAM_KEY_LEN]);
/* HMAC-SHA-256 of msg with key; 0 or -1. */
int pgw_scram_hmac(const uint8_t *key, size_t keylen, const void *msg, size_t msglen,
                   uint8_t out[PGW_SCRAM_KEY_LEN]);
/* SHA-256; 0 or -1. */
int pgw_scram_sha256(const void *msg, size_t len, uint8_t out[PGW_SCRAM_KEY_LEN]);
/* ClientKey, StoredKey and ServerKey from SaltedPassword (any out may be NULL); 0 or -1. */
int pgw_scram_keys(const uint8_t salted[PGW_SCRAM_KEY_LEN], uint8_t client_key[PGW_SCRAM_KEY_LEN],
                   uint8_t stored_key[PGW_SCRAM_KEY_LEN], uint8_t server_key[PGW_SCRAM_KEY_LEN]);
/* Constant-time comparison of two equal-length byte strings: true when equal. */
bool pgw_scram_equal(const void *a, const void *b, size_t len);

/* Write a verifier for password with the given salt and iterations into buf (cap at least
 * PGW_SCRAM_VERIFIER_MAX); 0 or -1. */
int pgw_scram_build_verifier(const char *password, const uint8_t *salt, size_t saltlen,
                             int iterations, char *buf, size_t cap);
/* Split a verifier; 0, or -1 when it is not a well-formed SCRAM-SHA-256 verifier. */
int pgw_scram_parse_verifier(const char *verifier, int *iterations, uint8_t *salt,
                             size_t *saltlen, uint8_t stored_key[PGW_SCRAM_KEY_LEN],
                             uint8_t server_key[PGW_SCRAM_KEY_LEN]);
/* True when password matches verifier (the `password` method); false for a malformed one. */
bool pgw_scram_check_password(const char *verifier, const char *password);

/* Value of attribute `name` ("r", "s", ...) in a SCRAM message "a=...,b=...": a pointer into
 * msg and its length in *len, or NULL when absent. */
const char *pgw_scram_attr(const char *msg, size_t msglen, char name, size_t *len);

#endif
