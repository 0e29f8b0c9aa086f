# bench/pgwire: protocol-layer benchmarks (see BENCHMARKS.md).
EXTRA_DIST += bench/pgwire/protocol-overhead.sh
