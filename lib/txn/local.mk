# lib/txn: transaction ids, snapshots, clog, visibility, the session state machine, SSI.
lib_libphcore_la_SOURCES += \
	lib/txn/txn.h lib/txn/txn_int.h \
	lib/txn/slru.c \
	lib/txn/clog.c \
	lib/txn/procarray.c \
	lib/txn/visibility.c \
	lib/txn/xact.c \
	lib/txn/ssi.c \
	lib/txn/txn_catalog.h lib/txn/catalog_glue.c
EXTRA_DIST += lib/txn/README.md

check_PROGRAMS += tests/unit/check_txn
tests_unit_check_txn_SOURCES = tests/unit/check_txn.c tests/unit/tenv.c tests/unit/tenv.h
tests_unit_check_txn_CPPFLAGS = $(CHECK_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_check_txn_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_txn
