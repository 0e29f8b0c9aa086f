# lib/pgwire: PostgreSQL protocol v3, server side.  pgw_placeholder.c is TEMPORARY (see it).
lib_libphcore_la_SOURCES += lib/pgwire/pgw.h lib/pgwire/pgw_placeholder.c
