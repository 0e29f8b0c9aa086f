# lib/shm: the shared-memory segment, process table, spinlocks, lwlocks, latches.
lib_libphcore_la_SOURCES += \
	lib/shm/shm.c lib/shm/shm.h lib/shm/shm_regions.c \
	lib/shm/proc.c lib/shm/proc.h \
	lib/shm/spin.c lib/shm/spin.h \
	lib/shm/futex.c lib/shm/futex.h \
	lib/shm/lwlock.c lib/shm/lwlock.h \
	lib/shm/latch.c lib/shm/latch.h
EXTRA_DIST += lib/shm/README.md
