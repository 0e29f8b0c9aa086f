# lib/shm: the shared-memory segment, process table, spinlocks, lwlocks, latches.
lib_libphcore_la_SOURCES += \
	lib/shm/shm.c lib/shm/shm.h lib/shm/shm_regions.c \
	lib/shm/proc.c lib/shm/proc.h \
	lib/shm/spin.c lib/shm/spin.h \
	lib/shm/futex.c lib/shm/futex.h \
	lib/shm/lwlock.c lib/shm/lwlock.h \
	lib/shm/latch.c lib/shm/latch.h \
	lib/shm/stats.c lib/shm/stats.h
EXTRA_DIST += lib/shm/README.md

check_PROGRAMS += tests/unit/check_shm
tests_unit_check_shm_SOURCES = tests/unit/check_shm.c tests/unit/proc_fixture.h
tests_unit_check_shm_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_shm_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_shm
