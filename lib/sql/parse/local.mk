# lib/sql/parse: the SQL lexer, parser, parse tree and deparser.  See README.md.
lib_libphcore_la_SOURCES += \
	lib/sql/parse/parse.h lib/sql/parse/ast.h lib/sql/parse/ast_int.h \
	lib/sql/parse/parse_int.h lib/sql/parse/kwlist.h \
	lib/sql/parse/ast.c lib/sql/parse/scan.c lib/sql/parse/gram.c \
	lib/sql/parse/gram_expr.c lib/sql/parse/gram_ddl.c lib/sql/parse/gram_util.c \
	lib/sql/parse/deparse.c
nodist_lib_libphcore_la_SOURCES += lib/sql/parse/ast_fields.c
BUILT_SOURCES += lib/sql/parse/ast_fields.c
CLEANFILES += lib/sql/parse/ast_fields.c
EXTRA_DIST += lib/sql/parse/ast_gen.awk lib/sql/parse/README.md doc/sql-syntax.md

lib/sql/parse/ast_fields.c: $(top_srcdir)/lib/sql/parse/ast.h $(top_srcdir)/lib/sql/parse/ast_gen.awk
	$(AM_V_GEN)$(MKDIR_P) lib/sql/parse && \
	$(AWK) -f $(top_srcdir)/lib/sql/parse/ast_gen.awk $(top_srcdir)/lib/sql/parse/ast.h > $@.tmp && \
	mv $@.tmp $@

check_PROGRAMS += tests/unit/check_parse
tests_unit_check_parse_SOURCES = tests/unit/check_parse.c
tests_unit_check_parse_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_parse_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_parse

# tests/parse/parse_tool: the corpus checker (tests/parse/parse-corpus.sh), not run by make check
check_PROGRAMS += tests/parse/parse_tool
tests_parse_parse_tool_SOURCES = tests/parse/parse_tool.c
tests_parse_parse_tool_LDADD = $(CORE_LIBS)
EXTRA_DIST += tests/parse/roundtrip.txt tests/parse/client-statements.sql \
	tests/parse/slt-sample.sql tests/parse/psql-meta.sql tests/parse/parse-corpus.sh \
	tests/parse/slt-extract.awk

# bench/parse_bench: parser throughput (BENCHMARKS.md); built by make check, not run
check_PROGRAMS += bench/parse_bench
bench_parse_bench_SOURCES = bench/parse_bench.c
bench_parse_bench_LDADD = $(CORE_LIBS)
