# bin/phantom-sql: the interactive SQL shell (phantom-sql(1)); a client of libphantom only.
bin_PROGRAMS += phantom-sql
phantom_sql_SOURCES = bin/phantom-sql/main.c bin/phantom-sql/scan.c bin/phantom-sql/print.c \
	bin/phantom-sql/commands.c bin/phantom-sql/psql.h
phantom_sql_CPPFLAGS = -I$(top_builddir) -I$(top_srcdir)/lib/client -D_GNU_SOURCE $(EDIT_CFLAGS)
phantom_sql_LDADD = lib/client/libphantom.la $(EDIT_LIBS)
dist_man_MANS += man/phantom-sql.1
EXTRA_DIST += doc/clients.md
