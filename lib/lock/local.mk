# lib/lock: the lock manager, deadlock detection and prevention.
lib_libphcore_la_SOURCES += \
	lib/lock/lock.h lib/lock/lock_int.h \
	lib/lock/lock.c \
	lib/lock/deadlock.c
EXTRA_DIST += lib/lock/README.md

check_PROGRAMS += tests/unit/check_lock
tests_unit_check_lock_SOURCES = tests/unit/check_lock.c tests/unit/tenv.c tests/unit/tenv.h
tests_unit_check_lock_CPPFLAGS = $(CHECK_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_check_lock_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_lock
