# bench: benchmarks; results and commands in BENCHMARKS.md.
EXTRA_DIST += bench/conn_setup.sh

# Catalog lookup micro-benchmark (built by `make check`, run by hand: see BENCHMARKS.md).
check_PROGRAMS += bench/catalog_bench
bench_catalog_bench_SOURCES = bench/catalog_bench.c
bench_catalog_bench_LDADD = $(CORE_LIBS)
