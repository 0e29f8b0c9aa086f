# lib/sql/analyze: the analyzer (raw parse trees -> analyzed query trees, sql/qry.h).
lib_libphcore_la_SOURCES += \
	lib/sql/qry.h lib/sql/plan.h \
	lib/sql/analyze/anl.h lib/sql/analyze/anl_int.h \
	lib/sql/analyze/qry.c lib/sql/analyze/qry_deparse.c \
	lib/sql/analyze/anl_select.c lib/sql/analyze/anl_from.c lib/sql/analyze/anl_expr.c \
	lib/sql/analyze/anl_coerce.c lib/sql/analyze/anl_func.c lib/sql/analyze/anl_dml.c \
	lib/sql/analyze/anl_util.c lib/sql/analyze/anl_fold.c lib/sql/analyze/anl_dump.c \
	lib/sql/analyze/anl_sysview.c lib/sql/analyze/anl_sysview_def.c lib/sql/analyze/anl_seq.c
EXTRA_DIST += lib/sql/analyze/README.md

check_PROGRAMS += tests/unit/check_analyze
tests_unit_check_analyze_SOURCES = tests/unit/check_analyze.c
tests_unit_check_analyze_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_analyze_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_analyze

# parse + analyze over the sqllogictest corpus (tests/analyze/slt-analyze.sh, by hand)
check_PROGRAMS += tests/analyze/anl_tool
tests_analyze_anl_tool_SOURCES = tests/analyze/anl_tool.c
tests_analyze_anl_tool_LDADD = $(CORE_LIBS)
EXTRA_DIST += tests/analyze/slt-analyze.sh tests/analyze/anl_ddl.h tests/analyze/generate.sh \
	tests/analyze/setup.sql tests/analyze/cases.sql tests/analyze/cases.expected tests/analyze/pgq.c

# bench/analyze_bench: parse + analyze time of pgbench's statements (BENCHMARKS.md); built
# by make check, run by hand
check_PROGRAMS += bench/analyze_bench
bench_analyze_bench_SOURCES = bench/analyze_bench.c
bench_analyze_bench_LDADD = $(CORE_LIBS)
EXTRA_DIST += doc/sql.md
