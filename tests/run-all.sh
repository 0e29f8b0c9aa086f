#!/bin/sh
# run-all.sh — the whole test suite from a fresh clone on Debian 12: installs the build and
# test dependencies (when run as root with apt-get), builds with coverage, runs `make check`
# (unit, integration, protocol and SQL tests) and prints line coverage of lib/ and daemons/.
set -eu
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq build-essential autoconf automake libtool pkg-config \
		libnng-dev libbsd-dev liblmdb-dev libcjson-dev check libsubunit-dev libunwind-dev \
		libedit-dev libssl-dev groff-base lcov postgresql postgresql-client python3-psycopg2 \
		>/dev/null
fi
autoreconf -fi
./configure --enable-coverage --enable-cassert
make -j"$(nproc)"
make -j"$(nproc)" check || { cat test-suite.log 2>/dev/null | tail -n 200; exit 1; }
make coverage-report
