/*
 * fake_engine.h — a test double of the SQL engine (lib/sql/engine.h), for protocol tests
 * only.  It understands a handful of statements, written as PostgreSQL would accept them so
 * that the same client tests can run against a real server:
 *
 *   BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT   transaction states I, T, E
 *   SET name = value / SET name TO value, SHOW name, RESET name    (reports ParameterStatus)
 *   SELECT expr [AS name], ...            literals 1, -2, 1.5, 'text', NULL, TRUE, FALSE, $n,
 *                                         each with an optional ::type cast
 *   VALUES (expr, ...), (...)             several rows
 *   SELECT * FROM generate_series(a, b)   b-a+1 rows of int4 (at most 1,000,000)
 *   SELECT pg_sleep(seconds)              sleeps, cancellable (57014)
 *   SELECT 1/0                            22012 division by zero
 *   SELECT pg_terminate_backend(pg_backend_pid())   FATAL 57P01
 *   DO $$ ... RAISE NOTICE|WARNING|EXCEPTION 'text' ... $$   a notice, or P0001
 *   CREATE [TEMP] TABLE t (col type, ...), DROP TABLE [IF EXISTS] t, INSERT INTO t VALUES (...),...
 *   SELECT * FROM t, SELECT count(*) FROM t, UPDATE ..., DELETE ...
 *   COPY t FROM STDIN [(FORMAT csv) | CSV], COPY t TO STDOUT [(FORMAT csv) | CSV]
 * Anything else is 42601 "syntax error at or near ..." with its position; an unknown name in
 * FROM is 42P01, an unknown column 42703.  Roles: every user but names starting with
 * "nosuch" exists; "alice" has password "secret", "carol" a verifier made by PostgreSQL 15
 * for "pencil", "nopass" none; databases starting with "nosuch" do not exist.
 */
#ifndef PH_TESTS_FAKE_ENGINE_H
#define PH_TESTS_FAKE_ENGINE_H

/* PostgreSQL 15's verifier for password "pencil" (SET password_encryption = 'scram-sha-256';
 * CREATE ROLE carol PASSWORD 'pencil'; SELECT rolpassword FROM pg_authid ...). */
extern const char fake_pg15_verifier_pencil[];

#endif
