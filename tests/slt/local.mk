# tests/slt: the sqllogictest runner (a libphantom client) and its self-tests.  The corpus is
# not part of this repository: give the runner paths (see TESTING.md).
check_PROGRAMS += tests/slt/slt-runner
tests_slt_slt_runner_SOURCES = tests/slt/slt_main.c tests/slt/slt_lib.c tests/slt/slt.h
tests_slt_slt_runner_CPPFLAGS = -I$(top_srcdir)/lib/client -D_GNU_SOURCE $(CRYPTO_CFLAGS)
tests_slt_slt_runner_LDADD = lib/client/libphantom.la $(CRYPTO_LIBS)

TESTS += tests/slt/selftest.sh
EXTRA_DIST += tests/slt/selftest.sh tests/slt/selftest/pass.test tests/slt/selftest/fail.test \
	tests/slt/selftest/fail.expected

check_PROGRAMS += tests/unit/check_slt
tests_unit_check_slt_SOURCES = tests/unit/check_slt.c tests/slt/slt_lib.c tests/slt/slt.h
tests_unit_check_slt_CPPFLAGS = -I$(top_srcdir)/lib/client -I$(top_srcdir)/tests/slt \
	-D_GNU_SOURCE $(CRYPTO_CFLAGS) $(CHECK_CFLAGS)
tests_unit_check_slt_LDADD = lib/client/libphantom.la $(CRYPTO_LIBS) $(CHECK_LIBS)
TESTS += tests/unit/check_slt

# make slt SLT_ARGS="-h 127.0.0.1 -p 5544 -U phantom -d phantom /path/to/slt/test"
slt: tests/slt/slt-runner
	tests/slt/slt-runner $(SLT_ARGS)
.PHONY: slt
