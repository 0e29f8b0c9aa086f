# tests: unit tests (Check) per module, integration tests against a real server.
check_PROGRAMS += tests/unit/check_util
tests_unit_check_util_SOURCES = tests/unit/check_util.c
tests_unit_check_util_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_util_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_util
