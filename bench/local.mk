# bench: benchmarks; results and commands in BENCHMARKS.md.
EXTRA_DIST += bench/conn_setup.sh

# Catalog lookup micro-benchmark (built by `make check`, run by hand: see BENCHMARKS.md).
check_PROGRAMS += bench/catalog_bench
bench_catalog_bench_SOURCES = bench/catalog_bench.c
bench_catalog_bench_LDADD = $(CORE_LIBS)

# Storage layer benchmark (built by `make`, run by hand: see BENCHMARKS.md).
noinst_PROGRAMS += bench/storage_bench
bench_storage_bench_SOURCES = bench/storage_bench.c
bench_storage_bench_LDADD = $(CORE_LIBS)
EXTRA_DIST += bench/pg_storage_compare.sh

# Built with `make check` (so it never rots); run by hand, see BENCHMARKS.md.
check_PROGRAMS += bench/commit_bench
bench_commit_bench_SOURCES = bench/commit_bench.c
bench_commit_bench_LDADD = $(CORE_LIBS)
EXTRA_DIST += bench/commit_compare.sh

# Value-system micro-benchmark (built by `make check`, run by hand: see BENCHMARKS.md).
check_PROGRAMS += bench/types_bench
bench_types_bench_SOURCES = bench/types_bench.c
bench_types_bench_LDADD = $(CORE_LIBS)
