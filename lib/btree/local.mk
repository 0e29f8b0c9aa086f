# lib/btree: B+tree indexes, bulk build, external sort, checker.
lib_libphcore_la_SOURCES += \
	lib/btree/bt.h lib/btree/bt_int.h \
	lib/btree/bt_tuple.c lib/btree/bt_page.c lib/btree/bt_search.c lib/btree/bt_insert.c \
	lib/btree/bt_delete.c lib/btree/bt_scan.c lib/btree/bt_sort.c lib/btree/bt_build.c \
	lib/btree/bt_check.c
EXTRA_DIST += lib/btree/README.md

check_PROGRAMS += tests/unit/check_btree
tests_unit_check_btree_SOURCES = tests/unit/check_btree.c tests/unit/storage_test.c \
	tests/unit/storage_test.h
tests_unit_check_btree_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_btree_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_btree

check_PROGRAMS += tests/unit/check_storage_mp
tests_unit_check_storage_mp_SOURCES = tests/unit/check_storage_mp.c tests/unit/storage_test.c \
	tests/unit/storage_test.h
tests_unit_check_storage_mp_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_storage_mp_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_storage_mp
