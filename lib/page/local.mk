# lib/page: page format and checksums (and the CRC32C they use, in lib/util).
lib_libphcore_la_SOURCES += \
	lib/page/page.c lib/page/page.h \
	lib/util/crc32c.c lib/util/crc32c.h
EXTRA_DIST += lib/page/README.md

check_PROGRAMS += tests/unit/check_page
tests_unit_check_page_SOURCES = tests/unit/check_page.c
tests_unit_check_page_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_page_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_page
EXTRA_DIST += doc/storage.md
