#!/bin/bash
# conn_setup.sh — connection set-up time: pgbench -C (a new connection per transaction) with a
# script that sends no SQL, so each "transaction" is connect + startup + terminate.  Runs
# Phantom-DB and, when installed, PostgreSQL 15 side by side on the same machine, each in a
# temporary data directory on a free port, and prints pgbench's "average connection time".
#
#   bench/conn_setup.sh [SECONDS] [ROUNDS]     (default 10 s, 3 rounds; the median is shown)
#
# Run from the build tree after `make` (uses ./phantomd, ./phantomctl and pqprobe for ports).
set -u
cd "$(dirname "$0")/.."
secs=${1:-10}
rounds=${2:-3}
work=$(mktemp -d /tmp/phantom-bench.XXXXXX)
chmod 755 "$work"
pgbin=/usr/lib/postgresql/15/bin
script=$work/noop.sql
printf '\\set x 1\n' > "$script"
chmod 644 "$script"
export PHANTOMD=$PWD/phantomd PHANTOM_SAMPLE_CONF=$PWD/etc/phantom.conf

cleanup() {
	./phantomctl stop -D "$work/phantom" -m immediate >/dev/null 2>&1
	[ -d "$work/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# run NAME PORT USER: ROUNDS x pgbench -C; prints the median average connection time
run() {
	local i
	for i in $(seq 1 "$rounds"); do
		pgbench -h 127.0.0.1 -p "$2" -U "$3" -n -C -c 1 -T "$secs" -f "$script" phantom 2>/dev/null |
			awk '/average connection time/ { print $5 }'
	done | median
}

port=$(tests/integration/pqprobe freeport)
./phantomctl init -D "$work/phantom" --port "$port" >/dev/null
echo "metrics_port = 0" >> "$work/phantom/phantom.conf"
./phantomctl start -D "$work/phantom" >/dev/null || exit 1
echo "phantom-db   average connection time (median of $rounds x ${secs}s): $(run phantom "$port" phantom) ms"
./phantomctl stop -D "$work/phantom" >/dev/null

if [ -x "$pgbin/initdb" ] && [ "$(id -u)" = 0 ]; then
	pgport=$(tests/integration/pqprobe freeport)
	mkdir -m 700 "$work/pg" && chown postgres "$work/pg"
	runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U phantom -A trust >/dev/null
	runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p $pgport -k $work/pg" -l "$work/pg/log" -w start >/dev/null
	runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U phantom phantom
	echo "postgres 15  average connection time (median of $rounds x ${secs}s): $(run pg "$pgport" phantom) ms"
fi
