# lib/buf: the shared buffer pool.
lib_libphcore_la_SOURCES += lib/buf/buf.c lib/buf/buf.h lib/buf/buf_int.h
EXTRA_DIST += lib/buf/README.md


check_PROGRAMS += tests/unit/check_buf
tests_unit_check_buf_SOURCES = tests/unit/check_buf.c tests/unit/storage_test.c \
	tests/unit/storage_test.h
tests_unit_check_buf_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_buf_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_buf
