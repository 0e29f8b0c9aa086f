#!/bin/sh
# commit_compare.sh — commits per second and per fsync, Phantom-DB beside PostgreSQL 15, in
# one run with the measurements interleaved (the machine is shared and noisy: every round
# measures all three one after another, and the median of the rounds is reported).
#
#   sh bench/commit_compare.sh [clients...]     (T=seconds R=rounds in the environment)
#
# Phantom-DB: bench/commit_bench -r 1, in mode "wal" (commit record + group-commit flush) and
# "txn" (a whole transaction: xid, lock, commit record, flush, clog, proc array).
# PostgreSQL 15: pgbench running "BEGIN; INSERT INTO t VALUES (1); COMMIT;" against a
# throw-away server on a Unix socket (no TCP) in a temporary directory under the current
# directory (the same disk as commit_bench's data directory); commits per fsync from
# pg_stat_database.xact_commit / pg_stat_wal.wal_sync.  fsync and synchronous_commit are on
# everywhere.  As root the server runs as user postgres; it is stopped by its pid file.
set -eu
[ -n "${DEBUG:-}" ] && set -x
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
T=${T:-5}
R=${R:-3}
clients=${*:-1 4 16 64}
here=$(cd "$(dirname "$0")" && pwd)
BENCH=${BENCH:-$here/commit_bench}

dir=$(mktemp -d "$PWD/commit_compare.XXXXXX")
chmod 755 "$dir"
as_pg() {
	if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$dir"
port=$((20000 + $$ % 20000))
cleanup() {
	as_pg "$PGBIN/pg_ctl -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap cleanup EXIT INT TERM

as_pg "$PGBIN/initdb -D '$dir/data' -A trust -U postgres" >/dev/null
as_pg "$PGBIN/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses='' \
	-c max_connections=120 -c fsync=on -c synchronous_commit=on\" start" >/dev/null
PSQL="psql -X -q -t -A -h $dir -p $port -U postgres -d postgres"
as_pg "$PSQL -c 'CREATE TABLE t (x int)'"
printf 'BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\n' > "$dir/commit.sql"
chmod 644 "$dir/commit.sql"

pgstat() {
	as_pg "$PSQL -c \"SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres') || ' ' || wal_sync FROM pg_stat_wal\""
}
pg_round() { # clients -> "commits/s commits/fsync"
	set -- "$1" $(pgstat)
	c0=$2 s0=$3
	tps=$(as_pg "$PGBIN/pgbench -n -f '$dir/commit.sql' -c $1 -j 2 -T $T -h '$dir' -p $port -U postgres postgres" 2>/dev/null |
		awk '/^tps/ {print int($3)}')
	sleep 0.6 # backends report statistics every 500 ms at most
	set -- $(pgstat)
	awk -v t="$tps" -v c="$(($1 - c0))" -v s="$(($2 - s0))" 'BEGIN { printf "%s %.2f\n", t, (s > 0 ? c / s : 0) }'
}
ph_round() { # mode clients -> "commits/s commits/fsync"
	(cd "$dir" && "$BENCH" -m "$1" -T "$T" -r 1 "$2") | awk 'NR > 2 {print $2, $4}'
}
med() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "PostgreSQL $($PGBIN/postgres --version | awk '{print $3}'); fsync=on synchronous_commit=on;" \
	"$T s per measurement; median of $R interleaved rounds; $(nproc) cores"
printf '%8s | %18s | %18s | %18s\n' "" "phantom wal" "phantom txn" "postgresql pgbench"
printf '%8s | %9s %8s | %9s %8s | %9s %8s\n' clients commits/s c/fsync commits/s c/fsync commits/s c/fsync
for c in $clients; do
	w1="" w2="" x1="" x2="" p1="" p2=""
	for r in $(seq "$R"); do
		# rotate the order, so that none always runs right after another's write-back
		for k in $(echo "0 1 2 0 1" | cut -d' ' -f$((r % 3 + 1))-$((r % 3 + 3))); do
			case $k in
			0) set -- $(ph_round wal "$c"); w1="$w1 $1"; w2="$w2 $2" ;;
			1) set -- $(ph_round txn "$c"); x1="$x1 $1"; x2="$x2 $2" ;;
			2) set -- $(pg_round "$c"); p1="$p1 $1"; p2="$p2 $2" ;;
			esac
		done
	done
	printf '%8d | %9s %8s | %9s %8s | %9s %8s\n' "$c" "$(echo $w1 | med)" "$(echo $w2 | med)" \
		"$(echo $x1 | med)" "$(echo $x2 | med)" "$(echo $p1 | med)" "$(echo $p2 | med)"
done
