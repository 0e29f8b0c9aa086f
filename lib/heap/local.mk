# lib/heap: tables (tuple format, heap pages, overflow values, free-space map, vacuum).
lib_libphcore_la_SOURCES += \
	lib/heap/heap.h lib/heap/heap_int.h \
	lib/heap/htup.c lib/heap/heapam.c lib/heap/fsm.c lib/heap/ovf.c lib/heap/prune.c \
	lib/heap/heap_check.c
EXTRA_DIST += lib/heap/README.md

check_PROGRAMS += tests/unit/check_heap
tests_unit_check_heap_SOURCES = tests/unit/check_heap.c tests/unit/storage_test.c \
	tests/unit/storage_test.h
tests_unit_check_heap_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_heap_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_heap
