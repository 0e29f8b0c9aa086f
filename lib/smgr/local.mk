# lib/smgr: relation files (segments, forks) and the shared sync table.
lib_libphcore_la_SOURCES += lib/smgr/smgr.c lib/smgr/smgr.h
EXTRA_DIST += lib/smgr/README.md

check_PROGRAMS += tests/unit/check_smgr
tests_unit_check_smgr_SOURCES = tests/unit/check_smgr.c tests/unit/storage_test.c \
	tests/unit/storage_test.h
tests_unit_check_smgr_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_smgr_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_smgr
