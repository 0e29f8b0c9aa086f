#!/bin/bash
# t_lifecycle.sh — init, start, status (all seven roles), the handshake with psql and
# pg_isready, mailboxes, metrics, refused second starts, port in use, stop, status codes.
. "$(dirname "$0")/lib.sh"

# --- init ---------------------------------------------------------------------------------
mkdir -p "$WORK/full" && touch "$WORK/full/x"
out=$("$PHANTOMCTL" init -D "$WORK/full" 2>&1)
check "init refuses a non-empty directory (exit 1)" test $? -eq 1
check "init says why" grep -q 'exists but is not empty' <<<"$out"
out=$("$PHANTOMCTL" init -D "$WORK/p0" --port 0 2>&1)
check "init refuses port 0" grep -q 'invalid port "0"' <<<"$out"
out=$("$PHANTOMCTL" init -D "$WORK/su" --superuser '1bad' 2>&1)
check "init refuses a bad superuser name" grep -q 'invalid superuser name' <<<"$out"
check "init leaves nothing behind after refusing" test ! -e "$WORK/p0" -a ! -e "$WORK/su"
check "init creates the data directory" init_data "log_level = info"
for d in base wal log run catalog global; do
	check "init created $d/" test -d "$DATA/$d"
done
check "init wrote VERSION" grep -qx 1 "$DATA/VERSION"
check "init set the port in phantom.conf" grep -qx "port = $PORT" "$DATA/phantom.conf"
check "init recorded the superuser (catalog bootstrap call site)" grep -qx phantom "$DATA/global/superuser"
check "data directory is private (0700)" test "$(stat -c %a "$DATA")" = 700

# --- status before start -----------------------------------------------------------------
"$PHANTOMCTL" status -D "$DATA" >/dev/null
check "status of a stopped server exits 3" test $? -eq 3
"$PHANTOMCTL" status -D "$WORK/nonexistent" >/dev/null 2>&1
check "status of a missing directory exits 4" test $? -eq 4
"$PHANTOMCTL" status -D "$WORK" >/dev/null 2>&1
check "status of a directory that is not a data directory exits 4" test $? -eq 4
out=$("$PHANTOMCTL" stop -D "$DATA" 2>&1)
check "stop without a server fails with a clear line" grep -q 'no server running' <<<"$out"

# --- start and status --------------------------------------------------------------------
echo "work_men = 4MB" >> "$DATA/phantom.conf"
out=$("$PHANTOMCTL" start -D "$DATA" -t 10 2>&1)
check "start with a misspelt setting fails" test $? -eq 1
check "... with file:line:reason from the log" grep -q 'could not start server: .*/phantom.conf:[0-9]*: unrecognized configuration parameter "work_men"' <<<"$out"
sed -i '/^work_men/d' "$DATA/phantom.conf"
out=$("$PHANTOMCTL" start -D "$DATA" -t 10 -o "-c max_connections=0" 2>&1)
check "start with a bad -c override fails and says why" grep -q 'could not start server: .*max_connections' <<<"$out"
check "start succeeds" start_server
status=$("$PHANTOMCTL" status -D "$DATA")
check "status of a running server exits 0" test $? -eq 0
for role in supervisor listener walwriter checkpointer deadlock coordinator metrics worker; do
	pid=$(role_pid "$role")
	check "status lists $role with a live pid ($pid)" alive "${pid:-0}"
done
check "status shows query_workers (4) workers" test "$(worker_pids | wc -l)" -eq 4
check "status shows the port" grep -q "^port: $PORT\$" <<<"$status"
check "pid file says ready" test "$(sed -n 6p "$DATA/phantomd.pid")" = ready
check "process titles show roles" grep -q 'phantomd: walwriter' "/proc/$(role_pid walwriter)/cmdline"

# --- the PostgreSQL handshake ------------------------------------------------------------
if have pg_isready; then
	out=$(pg_isready -h 127.0.0.1 -p "$PORT" 2>&1)
	check "pg_isready says accepting connections" grep -q 'accepting connections' <<<"$out"
fi
if have psql; then
	out=$(psql -X -h 127.0.0.1 -p "$PORT" -U phantom -d phantom -c 'select 1' 2>&1)
	check "psql completes the handshake and gets 0A000" grep -q 'SQL is not available in this build yet' <<<"$out"
fi
out=$("$PROBE" connect "$PORT")
check "BackendKeyData carries the worker pid and a key" grep -Eq '^ok pid=[0-9]+ key=-?[0-9]+$' <<<"$out"

# --- mailboxes ---------------------------------------------------------------------------
for role in listener walwriter checkpointer deadlock coordinator metrics; do
	out=$("$PHANTOMCTL" ping -D "$DATA" "$role" -t 5 2>&1)
	check "$role answers PING through its mailbox" grep -q "^$role (pid [0-9]*) answered" <<<"$out"
done
out=$("$PHANTOMCTL" ping -D "$DATA" worker "$(role_slot worker)" -t 5 2>&1)
check "a worker answers PING through its mailbox" grep -q '^worker (pid [0-9]*) answered' <<<"$out"

# --- metrics -----------------------------------------------------------------------------
m=$(http_get /metrics)
check "GET /metrics answers 200" grep -q '^HTTP/1.1 200' <<<"$m"
check "metrics: phantom_up 1" grep -q '^phantom_up 1' <<<"$m"
check "metrics: 4 workers" grep -q '^phantom_processes{role="worker"} 4' <<<"$m"
check "metrics: connections counted" grep -Eq '^phantom_connections_total [1-9]' <<<"$m"
check "metrics: crash resets 0" grep -q '^phantom_crash_resets_total 0' <<<"$m"
h=$(http_get /health)
check "GET /health says ok" grep -q '"status":"ok"' <<<"$h"
check "health lists processes" grep -q '"role":"checkpointer"' <<<"$h"
check "unknown path is 404" grep -q '^HTTP/1.1 404' <<<"$(http_get /nothing)"

# --- a second server on the same data directory or port ----------------------------------
out=$("$PHANTOMCTL" start -D "$DATA" 2>&1)
check "a second phantomctl start is refused" grep -q 'already running' <<<"$out"
out=$("$PHANTOMD" -D "$DATA" 2>&1)
check "a second phantomd is refused" grep -q 'another server (pid [0-9]*) is running' <<<"$out"
check "the first server still runs" test "$(sed -n 6p "$DATA/phantomd.pid")" = ready
"$PHANTOMCTL" init -D "$WORK/other" --port "$PORT" >/dev/null
echo "metrics_port = 0" >> "$WORK/other/phantom.conf"
out=$("$PHANTOMCTL" start -D "$WORK/other" -t 10 2>&1)
check "a start on a port in use fails" test $? -ne 0
check "... and says the port is in use" grep -q 'Address already in use' <<<"$out"
check "... and leaves no pid file" test ! -e "$WORK/other/phantomd.pid"
echo "port = $("$PROBE" freeport)" >> "$WORK/other/phantom.conf"
echo "metrics_port = $MPORT" >> "$WORK/other/phantom.conf"
out=$("$PHANTOMCTL" start -D "$WORK/other" -t 10 2>&1)
check "a metrics_port in use is reported too" grep -q 'Address already in use (metrics_port)' <<<"$out"

# --- stop --------------------------------------------------------------------------------
pids=$(server_pids)
save_shm_name
out=$("$PHANTOMCTL" stop -D "$DATA" 2>&1)
check "stop (fast by default) succeeds" grep -q 'server stopped' <<<"$out"
check_clean "after stop" $pids
"$PHANTOMCTL" status -D "$DATA" >/dev/null
check "status after stop exits 3" test $? -eq 3

# --- a stale, corrupt pid file does not prevent a start ----------------------------------
echo "garbage" > "$DATA/phantomd.pid"
"$PHANTOMCTL" status -D "$DATA" >/dev/null 2>&1
check "status with an unlocked corrupt pid file says not running (3)" test $? -eq 3
check "start replaces a stale corrupt pid file" start_server
check "the log says so" log_has 'removing an unreadable stale pid file'
out=$("$PHANTOMCTL" restart -D "$DATA" 2>&1)
check "restart succeeds" grep -q 'server started' <<<"$out"
remember_pids
check "stop after restart" stop_server

# --- IPv6 and IPv4 literals together (when the machine has ::1) ---------------------------
if grep -q '^00000000000000000000000000000001 ' /proc/net/if_inet6 2>/dev/null && have psql; then
	echo "listen_addresses = '::1, 127.0.0.1'" >> "$DATA/phantom.conf"
	check "start on ::1 and 127.0.0.1" start_server
	out=$(psql -X -h ::1 -p "$PORT" -U phantom -c 'select 1' 2>&1)
	check "psql over IPv6 completes the handshake" grep -q 'SQL is not available' <<<"$out"
	check "pg_isready over IPv4 too" grep -q 'accepting' <<<"$(pg_isready -h 127.0.0.1 -p "$PORT")"
	check "stop" stop_server
else
	say "skipped the IPv6 checks: no ::1 here"
fi
finish
