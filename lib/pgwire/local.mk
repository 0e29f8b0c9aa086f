# lib/pgwire: PostgreSQL protocol v3, server side (see lib/pgwire/README.md).
lib_libphcore_la_SOURCES += \
	lib/pgwire/pgw.h lib/pgwire/pgw_int.h \
	lib/pgwire/pgw_conn.c lib/pgwire/pgw_auth.c lib/pgwire/pgw_session.c \
	lib/pgwire/pgw_scram.c lib/pgwire/pgw_scram.h lib/pgwire/pgw_engine_stub.c
EXTRA_DIST += lib/pgwire/README.md
