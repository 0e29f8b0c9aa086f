#!/bin/bash
# protocol-overhead.sh — what the protocol layer costs, measured with the engine test double
# (tests/pgwire/fake-server: lib/pgwire over an engine that answers SELECT 1 from memory, no
# storage, no planner) against PostgreSQL 15 answering the same statement, side by side,
# interleaved A B A B so that machine drift cancels.  Reports medians.
#
#   pgbench -f select1.sql -M simple|extended|prepared  at 1 and 4 clients (TPS)
#   pgbench -C -M simple  (a new connection per transaction: connection set-up cost)
#
# Usage: bench/pgwire/protocol-overhead.sh [--time 5] [--reps 3] [--pg-port PORT]
#   (without --pg-port a throwaway PostgreSQL is started here, as user postgres when root)
# Build first (make check builds tests/pgwire/fake-server).  Loopback only.
set -euo pipefail
TIME=5 REPS=3 PG_PORT=
while [[ $# -gt 0 ]]; do
  case $1 in
    --time) TIME=$2; shift 2;; --reps) REPS=$2; shift 2;; --pg-port) PG_PORT=$2; shift 2;;
    -h|--help) sed -n '2,14p' "$0"; exit 0;;
    *) echo "unknown argument: $1" >&2; exit 2;;
  esac
done
TOP=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin
WORK=$(mktemp -d /tmp/protocol-overhead.XXXXXX)
FAKE_PID=
runas() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [[ -n $FAKE_PID ]] && kill "$FAKE_PID" 2>/dev/null && wait "$FAKE_PID" 2>/dev/null
  if [[ -z ${PG_GIVEN:-} && -f $WORK/pg/postmaster.pid ]]; then
    runas "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
"$TOP/tests/pgwire/fake-server" -P "$WORK/port" -l "$WORK/fake.log" -c log_level=warning >/dev/null &
FAKE_PID=$!
for _ in $(seq 200); do [[ -s $WORK/port ]] && break; sleep 0.02; done
FAKE_PORT=$(cat "$WORK/port")
PG_GIVEN=$PG_PORT
if [[ -z $PG_PORT ]]; then
  for p in $(shuf -i 57000-57999 -n 50); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { PG_PORT=$p; break; }; done
  [[ $(id -u) == 0 ]] && chown postgres "$WORK"
  runas "$PGBIN/initdb" -D "$WORK/pg" -U bench --auth=trust >"$WORK/initdb.log" 2>&1
  runas "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" \
    -l "$WORK/pg.log" -w start >/dev/null
fi
echo "SELECT 1;" > "$WORK/select1.sql"
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
run() {  # port user db args... -> tps
  local port=$1 user=$2 db=$3; shift 3
  pgbench -h 127.0.0.1 -p "$port" -U "$user" -n -f "$WORK/select1.sql" -T "$TIME" "$@" "$db" 2>&1 |
    sed -n 's/^tps = \([0-9.]*\).*/\1/p' | tail -n1
}
printf '%-34s %14s %14s %8s\n' "workload" "fake-server" "PostgreSQL15" "ratio"
for w in "simple 1" "extended 1" "prepared 1" "simple 4" "prepared 4" "connect 1"; do
  set -- $w
  mode=$1 c=$2 extra=(-M "$mode" -c "$c" -j "$(( c < 2 ? c : 2 ))")
  [[ $mode == connect ]] && extra=(-M simple -C -c 1 -j 1)
  : > "$WORK/a"; : > "$WORK/b"
  for _ in $(seq "$REPS"); do
    run "$FAKE_PORT" bench test "${extra[@]}" >> "$WORK/a"
    run "$PG_PORT" bench postgres "${extra[@]}" >> "$WORK/b"
  done
  a=$(median < "$WORK/a") b=$(median < "$WORK/b")
  label="SELECT 1, -M $mode, $c client(s)"
  [[ $mode == connect ]] && label="connect+SELECT 1+close (-C)"
  printf '%-34s %14.0f %14.0f %8.2f\n' "$label" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN{print (b > 0 ? a / b : 0)}')"
  if [[ $mode == connect ]]; then
    printf '%-34s %13.2fms %13.2fms\n' "  = connection set-up + 1 query" \
      "$(awk -v a="$a" 'BEGIN{print 1000/a}')" "$(awk -v b="$b" 'BEGIN{print 1000/b}')"
  fi
done
