# bench: benchmarks; results and commands in BENCHMARKS.md.
EXTRA_DIST += bench/conn_setup.sh
