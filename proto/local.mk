# proto: message formats between processes.  proto/msg.def is the single source; msggen.awk
# generates the structs and field tables (built) and proto/messages.md (checked in, verified
# by proto/check-doc.sh; refresh it with `make proto-doc`).
lib_libphcore_la_SOURCES += proto/msg.c proto/msg.h
nodist_lib_libphcore_la_SOURCES += proto/msg_gen.h proto/msg_gen.c
BUILT_SOURCES += proto/msg_gen.h proto/msg_gen.c
CLEANFILES += proto/msg_gen.h proto/msg_gen.c
EXTRA_DIST += proto/msg.def proto/msggen.awk proto/messages.md proto/README.md proto/check-doc.sh

proto/msg_gen.h: $(top_srcdir)/proto/msg.def $(top_srcdir)/proto/msggen.awk
	$(AM_V_GEN)$(MKDIR_P) proto && \
	$(AWK) -v out=h -f $(top_srcdir)/proto/msggen.awk $(top_srcdir)/proto/msg.def > $@.tmp && \
	mv $@.tmp $@
proto/msg_gen.c: $(top_srcdir)/proto/msg.def $(top_srcdir)/proto/msggen.awk
	$(AM_V_GEN)$(MKDIR_P) proto && \
	$(AWK) -v out=c -f $(top_srcdir)/proto/msggen.awk $(top_srcdir)/proto/msg.def > $@.tmp && \
	mv $@.tmp $@

proto-doc:
	$(AWK) -v out=md -f $(top_srcdir)/proto/msggen.awk $(top_srcdir)/proto/msg.def \
		> $(top_srcdir)/proto/messages.md
.PHONY: proto-doc

TESTS += proto/check-doc.sh
check_PROGRAMS += tests/unit/check_proto
tests_unit_check_proto_SOURCES = tests/unit/check_proto.c
tests_unit_check_proto_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_proto_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_proto
