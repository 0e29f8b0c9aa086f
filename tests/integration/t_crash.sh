#!/bin/bash
# t_crash.sh — the supervisor's crash rules: an auxiliary process killed with -9 is
# restarted; a worker killed with -9 (or crashing with SIGSEGV, which logs a backtrace)
# makes the supervisor stop everything, recreate shared memory and start again; with
# restart_after_crash off it shuts down instead; kill -9 of phantomd leaves no orphan and
# the next start cleans the stale pid file and segment.
. "$(dirname "$0")/lib.sh"

# role_restarted ROLE OLDPID: status shows ROLE with another, live pid
role_restarted() {
	local p
	p=$(role_pid "$1")
	[ -n "$p" ] && [ "$p" != "$2" ] && alive "$p"
}
ready() { [ "$(sed -n 6p "$DATA/phantomd.pid" 2>/dev/null)" = ready ]; }
accepting() { "$PROBE" connect "$PORT" | grep -q '^ok'; }

check "init" init_data "log_level = info"
check "start" start_server
sup=$(supervisor_pid)

# --- auxiliary processes are restarted -----------------------------------------------------
for role in listener walwriter checkpointer deadlock coordinator metrics; do
	old=$(role_pid "$role")
	kill -9 "$old"
	check "$role killed with -9 is restarted" wait_for 10 role_restarted "$role" "$old"
	check "... and the log says so" log_has "$role (pid $old) was terminated by signal 9"
	remember_pids
done
# a second death soon after the restart waits (back-off)
old=$(role_pid deadlock)
kill -9 "$old"
check "a process dying again soon is restarted after a delay" wait_for 10 log_has 'restarting deadlock in 500 ms'
check "... and comes back" wait_for 10 role_restarted deadlock "$old"
remember_pids
# SIGTERM to an auxiliary process: it exits cleanly (PI_TERMINATE) and is restarted
old=$(role_pid coordinator)
kill -TERM "$old"
check "SIGTERM to the coordinator: it exits with status 0" wait_for 10 log_has "coordinator (pid $old) exited with status 0"
check "... and is restarted" wait_for 10 role_restarted coordinator "$old"
remember_pids
check "no crash reset for auxiliary processes" test "$(log_count 'reinitializing')" -eq 0
check "the restarted listener accepts connections" wait_for 5 accepting
check "metrics count the restart" grep -q '^phantom_process_restarts_total{role="walwriter"} 1' <<<"$(http_get /metrics)"
check "the supervisor is the same" test "$(supervisor_pid)" = "$sup"

# --- a worker killed with -9: crash reset ---------------------------------------------------
old_workers=$(worker_pids)
old_aux="$(role_pid listener) $(role_pid walwriter) $(role_pid checkpointer)"
victim=$(echo "$old_workers" | head -n 1)
kill -9 "$victim"
check "worker crash: the supervisor terminates the others" wait_for 10 log_has 'terminating any other active server processes'
check "worker crash: and reinitializes" wait_for 10 log_has 'all server processes terminated; reinitializing'
check "worker crash: the server is ready again" wait_for 10 ready
check "worker crash: every old worker is gone" wait_for 10 none_alive $old_workers
check "worker crash: auxiliary processes were replaced too" none_alive $old_aux
check "worker crash: query_workers new workers" wait_for 10 workers_are 4
check "worker crash: connections are accepted again" wait_for 10 accepting
remember_pids
if have pg_isready; then
	check "worker crash: pg_isready says accepting" grep -q 'accepting connections' <<<"$(pg_isready -h 127.0.0.1 -p "$PORT")"
fi
check "worker crash: status counts the reset" grep -q '^crash resets: 1' <<<"$("$PHANTOMCTL" status -D "$DATA")"
check "worker crash: metrics keep the counters" grep -q '^phantom_process_restarts_total{role="walwriter"} 1' <<<"$(http_get /metrics)"
check "worker crash: same supervisor" test "$(supervisor_pid)" = "$sup"

# --- a worker crashing with SIGSEGV writes a backtrace ------------------------------------
victim=$(worker_pids | head -n 1)
kill -SEGV "$victim"
check "SIGSEGV: the worker logs a backtrace" wait_for 10 log_has "worker\[$victim\] PANIC:  process crashed: signal 11"
check "SIGSEGV: backtrace frames follow" grep -q '^  #1 0x' "$LOG"
check "SIGSEGV: crash reset" wait_for 10 log_has 'reinitializing (crash reset 2)'
check "SIGSEGV: ready again" wait_for 10 accepting
remember_pids

# --- restart_after_crash = off: the server shuts down ---------------------------------------
echo "restart_after_crash = off" >> "$DATA/phantom.conf"
"$PHANTOMCTL" reload -D "$DATA" >/dev/null
check "reload of restart_after_crash applied" wait_for 5 log_has 'received SIGHUP'
pids=$(server_pids)
save_shm_name
kill -9 "$(worker_pids | head -n 1)"
check "restart_after_crash off: the supervisor shuts down" wait_for 10 log_has 'shutting down because restart_after_crash is off'
check_clean "restart_after_crash off" $pids
sed -i '/^restart_after_crash = off$/d' "$DATA/phantom.conf"

# --- kill -9 of the supervisor ------------------------------------------------------------
check "start again" start_server
pids=$(server_pids)
shm=$(shm_name)
kill -9 "$(supervisor_pid)"
check "kill -9 phantomd: no process of the server outlives it" wait_for 10 none_alive $pids
check "kill -9 phantomd: the pid file is left (stale)" test -e "$DATA/phantomd.pid"
check "kill -9 phantomd: the segment is left (stale)" test -e "/dev/shm$shm"
"$PHANTOMCTL" status -D "$DATA" >/dev/null
check "status calls it not running (3)" test $? -eq 3
check "the next start succeeds" start_server
check "it removed the stale pid file" log_has 'removing the stale pid file of server pid'
check "it removed the stale segment" log_has "removed stale shared memory segment $shm"
check "it runs" wait_for 5 accepting
check "stop" stop_server
finish
