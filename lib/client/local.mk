# lib/client: libphantom, the C client library (see lib/client/README.md).  It must not link
# the server: it builds from its own sources plus the self-contained lib/pgwire/pgw_scram.c,
# and exports only phantom_* symbols.
lib_LTLIBRARIES += lib/client/libphantom.la
lib_client_libphantom_la_SOURCES = \
	lib/client/phantom.h lib/client/phc_int.h \
	lib/client/conn.c lib/client/exec.c lib/client/result.c \
	lib/pgwire/pgw_scram.c lib/pgwire/pgw_scram.h
lib_client_libphantom_la_CPPFLAGS = -I$(top_srcdir)/lib -I$(top_srcdir)/lib/client \
	-D_GNU_SOURCE $(CRYPTO_CFLAGS)
lib_client_libphantom_la_LIBADD = $(CRYPTO_LIBS)
lib_client_libphantom_la_LDFLAGS = -version-info 0:0:0 -export-symbols-regex '^phantom_'
include_HEADERS += lib/client/phantom.h
pkgconfig_DATA += lib/client/libphantom.pc
EXTRA_DIST += lib/client/README.md lib/client/libphantom.pc.in
dist_man_MANS += man/phantom-client.3

check_PROGRAMS += tests/unit/check_client
tests_unit_check_client_SOURCES = tests/unit/check_client.c
tests_unit_check_client_CPPFLAGS = -I$(top_srcdir)/lib/client -D_GNU_SOURCE $(CRYPTO_CFLAGS) $(CHECK_CFLAGS)
tests_unit_check_client_LDADD = lib/client/libphantom.la $(CRYPTO_LIBS) $(CHECK_LIBS)
TESTS += tests/unit/check_client
