# lib/wal: write-ahead log, group commit, control file, checkpoints, recovery.
lib_libphcore_la_SOURCES += \
	lib/wal/wal.h lib/wal/wal_int.h \
	lib/wal/wal_insert.c \
	lib/wal/wal_file.c \
	lib/wal/wal_reader.c \
	lib/wal/recovery.c
EXTRA_DIST += lib/wal/README.md

check_PROGRAMS += tests/unit/check_wal
tests_unit_check_wal_SOURCES = tests/unit/check_wal.c tests/unit/tenv.c tests/unit/tenv.h
tests_unit_check_wal_CPPFLAGS = $(CHECK_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_check_wal_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_wal
