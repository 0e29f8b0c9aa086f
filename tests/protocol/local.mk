# tests/protocol: fuzzing and client-driven protocol tests (psql, psycopg2, libphantom,
# phantom-sql), against tests/pgwire/fake-server or any server in PHANTOM_TEST_HOST/PORT.
check_PROGRAMS += tests/protocol/fuzz_pgwire
tests_protocol_fuzz_pgwire_SOURCES = tests/protocol/fuzz_pgwire.c $(FAKE_ENGINE_SOURCES)
tests_protocol_fuzz_pgwire_LDADD = $(CORE_LIBS)
TESTS += tests/protocol/fuzz_pgwire
# Scripts run against the fake server (or PHANTOM_TEST_HOST/PORT); exit 77 = skipped when the
# client (psql, python3-psycopg2) is not installed.
TESTS += tests/protocol/psql.sh tests/protocol/psycopg2.sh tests/protocol/phantom_sql.sh
EXTRA_DIST += tests/protocol/lib.sh tests/protocol/psql.sh tests/protocol/psycopg2.sh \
	tests/protocol/psycopg2_test.py tests/protocol/phantom_sql.sh tests/protocol/phantom_sql_pty.py
