#!/bin/bash
# t_stop_modes.sh — smart, fast and immediate shutdown with a session open: what the client
# sees, and that no process, pid file, shared-memory segment or mailbox is left behind.
. "$(dirname "$0")/lib.sh"

# hold_session FILE: a client session in the background, its output in FILE
hold_session() {
	"$PROBE" hold "$PORT" 60 > "$1" 2>&1 &
	HOLDER=$!
	wait_for 10 grep -q '^ready' "$1"
}

check "init" init_data "log_level = info"

# --- smart: waits for the session, refuses new ones meanwhile ------------------------------
check "smart: start" start_server
check "smart: a session is open" hold_session "$WORK/smart.out"
pids=$(server_pids)
save_shm_name
out=$("$PHANTOMCTL" stop -D "$DATA" -m smart --no-wait 2>&1)
check "smart: stop --no-wait returns at once" grep -q 'shutting down' <<<"$out"
check "smart: the supervisor logged the request" wait_for 10 log_has 'received smart shutdown request'
check "smart: pid file says stopping" test "$(sed -n 6p "$DATA/phantomd.pid")" = stopping
out=$("$PROBE" connect "$PORT")
check "smart: a new session is refused with 57P03" grep -q '^error 57P03: the database system is shutting down' <<<"$out"
check "smart: the open session is still served" alive "$HOLDER"
check "smart: supervisor and listener still run while the session lasts" all_alive "$(supervisor_pid)" "$(role_pid listener)"
check "smart: idle workers have left" wait_for 10 workers_are 1
kill "$HOLDER"
wait "$HOLDER" 2>/dev/null
check_clean "smart, once the session ended" $pids
check "smart: shutdown checkpoint requested" log_has 'shutdown checkpoint complete'
check "smart: log says shut down" log_has 'database system is shut down'

# --- fast: ends the session with 57P01 ---------------------------------------------------
check "fast: start" start_server
check "fast: a session is open" hold_session "$WORK/fast.out"
pids=$(server_pids)
save_shm_name
out=$("$PHANTOMCTL" stop -D "$DATA" -m fast 2>&1)
check "fast: stop waits and succeeds" grep -q 'server stopped' <<<"$out"
check "fast: the client was told 57P01" wait_for 5 grep -q '^error 57P01: terminating connection due to administrator command' "$WORK/fast.out"
check_clean "fast" $pids
check "fast: log has the shutdown checkpoint" test "$(log_count 'shutdown checkpoint complete')" -ge 2

# --- immediate: everyone exits at once ---------------------------------------------------
check "immediate: start" start_server
check "immediate: a session is open" hold_session "$WORK/immediate.out"
pids=$(server_pids)
save_shm_name
before=$(log_count 'shutdown checkpoint complete')
out=$("$PHANTOMCTL" stop -D "$DATA" -m immediate 2>&1)
check "immediate: stop succeeds" grep -q 'server stopped' <<<"$out"
check "immediate: the client sees the connection closed" wait_for 5 grep -q '^closed' "$WORK/immediate.out"
check_clean "immediate" $pids
check "immediate: no shutdown checkpoint" test "$(log_count 'shutdown checkpoint complete')" -eq "$before"
check "immediate: next start works (recovery runs first)" start_server
check "immediate: recovery ran before the others" log_has 'recovery finished'

# --- signals sent directly to phantomd: SIGTERM = smart, SIGINT = fast ----------------------
pids=$(server_pids)
save_shm_name
kill -INT "$(supervisor_pid)"
check_clean "SIGINT to phantomd" $pids
check "SIGINT is a fast shutdown" test "$(log_count 'received fast shutdown request')" -ge 2
check "SIGTERM: start" start_server
pids=$(server_pids)
save_shm_name
kill -TERM "$(supervisor_pid)"
check_clean "SIGTERM to phantomd (no sessions)" $pids
check "SIGTERM is a smart shutdown" test "$(log_count 'received smart shutdown request')" -ge 2
# --- a crash during a smart shutdown: everything stops at once ------------------------------
check "crash during shutdown: start" start_server
check "crash during shutdown: a session is open" hold_session "$WORK/crash.out"
pids=$(server_pids)
save_shm_name
"$PHANTOMCTL" stop -D "$DATA" -m smart --no-wait >/dev/null
check "crash during shutdown: smart shutdown began" wait_for 10 log_has 'received smart shutdown request'
kill -9 "$(worker_pids | head -n 1)"
check "crash during shutdown: the supervisor stops the others" wait_for 10 log_has 'a process crashed during shutdown; stopping the others at once'
check_clean "crash during shutdown" $pids
check "crash during shutdown: exit status 1 logged" log_has 'database system is shut down (exit status 1)'

# --- immediate shutdown with a process that ignores SIGQUIT: SIGKILL after 5 s ----------------
check "stuck process: start" start_server
pids=$(server_pids)
save_shm_name
kill -STOP "$(role_pid deadlock)"
"$PHANTOMCTL" stop -D "$DATA" -m immediate -t 30 >/dev/null
check "stuck process: killed after the bound" log_has 'sending SIGKILL to 1 processes that did not exit in time'
check_clean "stuck process" $pids

finish
