#!/bin/bash
# PostgreSQL 15 reference numbers for bench/storage_bench: COPY of 1M pgbench_accounts-like
# rows into a table with a primary key, index point lookups (server-side loop and pgbench -S),
# and a sequential scan.  Starts a throwaway server on a free loopback port; stops it by pid.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
W=$(mktemp -d /tmp/pgcmp.XXXXXX); chown postgres "$W"
for p in $(shuf -i 58000-58999 -n 50); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { PORT=$p; break; }; done
runuser -u postgres -- $PGBIN/initdb -D "$W/pg" -U postgres --auth=trust >/dev/null
runuser -u postgres -- $PGBIN/pg_ctl -D "$W/pg" -o "-p $PORT -k $W -c listen_addresses=127.0.0.1" -l "$W/log" -w start >/dev/null
PID=$(head -1 "$W/pg/postmaster.pid")
trap 'kill -INT $PID; while kill -0 $PID 2>/dev/null; do sleep 0.2; done; rm -rf "$W"' EXIT
P() { psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }
awk 'BEGIN{for(i=1;i<=1000000;i++) printf "%d\t%d\t0\t\n", i, int((i-1)/100000)+1}' > "$W/accounts.tsv"
chown postgres "$W/accounts.tsv"
ms() { sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1; }
echo "PostgreSQL $($PGBIN/postgres -V | awk '{print $3}') defaults (shared_buffers 128MB, fsync on), port $PORT"
for r in 1 2 3; do
  P -c "drop table if exists accounts" -c "create table accounts(aid int primary key, bid int, abalance int, filler char(84)) with (fillfactor=100)"
  t=$(P -c '\timing on' -c "copy accounts from '$W/accounts.tsv'" | ms)
  echo "copy 1M rows with primary key: $t ms -> $(awk -v t=$t 'BEGIN{printf "%.0f", 1000000/(t/1000)}') rows/s"
done
P -c "vacuum analyze accounts" -c "checkpoint"
for r in 1 2 3; do
  t=$(P -c '\timing on' -c "do \$\$ declare s bigint := 0; v int; begin for i in 1..1000000 loop select abalance into v from accounts where aid = 1 + (i::bigint * 7919) % 1000000; s := s + v; end loop; end \$\$" | ms)
  echo "1M index point lookups in a plpgsql loop: $t ms -> $(awk -v t=$t 'BEGIN{printf "%.0f", 1000000/(t/1000)}') lookups/s"
done
for r in 1 2 3; do
  t=$(P -c 'set max_parallel_workers_per_gather = 0' -c '\timing on' -c "select sum(abalance) from accounts" | ms)
  echo "seq scan sum(abalance), no parallel workers: $t ms -> $(awk -v t=$t 'BEGIN{printf "%.0f", 1000000/(t/1000)}') rows/s"
done
P -c "create database bench"
pgbench -i -q -s 10 -h 127.0.0.1 -p "$PORT" -U postgres bench >/dev/null 2>&1
for r in 1 2 3; do
  pgbench -S -c1 -j1 -T10 -n -M prepared -h 127.0.0.1 -p "$PORT" -U postgres bench 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/pgbench -S -c1 -T10 -M prepared (scale 10): \1 tps/p'
done
