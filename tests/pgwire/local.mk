# tests/pgwire: the engine test double and the test-only server built on it (never installed).
# The double is compiled into each program that uses it (as objects, so it is always linked
# ahead of lib/libphcore.la, which references the engine's functions).
FAKE_ENGINE_SOURCES = tests/pgwire/fake_engine.c tests/pgwire/fake_engine.h tests/pgwire/msgbuf.h

check_PROGRAMS += tests/pgwire/fake-server
tests_pgwire_fake_server_SOURCES = tests/pgwire/fake_server.c $(FAKE_ENGINE_SOURCES)
tests_pgwire_fake_server_LDADD = $(CORE_LIBS)

check_PROGRAMS += tests/unit/check_scram
tests_unit_check_scram_SOURCES = tests/unit/check_scram.c
tests_unit_check_scram_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_scram_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_scram

check_PROGRAMS += tests/unit/check_pgwire
tests_unit_check_pgwire_SOURCES = tests/unit/check_pgwire.c $(FAKE_ENGINE_SOURCES)
tests_unit_check_pgwire_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_pgwire_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_pgwire
