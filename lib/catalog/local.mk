# lib/catalog: the system catalog in LMDB (see lib/catalog/README.md).
lib_libphcore_la_SOURCES += \
	lib/catalog/cat.h lib/catalog/cat_int.h \
	lib/catalog/cat_store.c lib/catalog/cat_codec.c lib/catalog/cat_cache.c \
	lib/catalog/cat_obj.c lib/catalog/cat_ddl.c lib/catalog/cat_drop.c lib/catalog/cat_boot.c lib/catalog/cat_seq.c
EXTRA_DIST += lib/catalog/README.md

check_PROGRAMS += tests/unit/check_catalog
tests_unit_check_catalog_SOURCES = tests/unit/check_catalog.c
tests_unit_check_catalog_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_catalog_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_catalog
