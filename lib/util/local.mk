# lib/util: errors, memory contexts, logging, settings, crash backtraces.
lib_libphcore_la_SOURCES += \
	lib/util/err.c lib/util/err.h \
	lib/util/mem.c lib/util/mem.h \
	lib/util/log.c lib/util/log.h \
	lib/util/cfg.c lib/util/cfg_table.c lib/util/cfg.h \
	lib/util/crash.c lib/util/crash.h
nodist_lib_libphcore_la_SOURCES = lib/util/err_codes.h
BUILT_SOURCES += lib/util/err_codes.h
CLEANFILES += lib/util/err_codes.h
EXTRA_DIST += lib/util/errcodes.txt lib/util/errcodes.awk lib/util/README.md

lib/util/err_codes.h: $(top_srcdir)/lib/util/errcodes.txt $(top_srcdir)/lib/util/errcodes.awk
	$(AM_V_GEN)$(MKDIR_P) lib/util && \
	$(AWK) -f $(top_srcdir)/lib/util/errcodes.awk $(top_srcdir)/lib/util/errcodes.txt > $@.tmp && \
	mv $@.tmp $@
EXTRA_DIST += lib/types/datum.h lib/sql/engine.h lib/sql/qry.h lib/sql/plan.h lib/sql/README.md doc/architecture.md
