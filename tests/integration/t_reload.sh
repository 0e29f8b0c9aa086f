#!/bin/bash
# t_reload.sh — reload applies a changed reloadable setting (log_level) in every process;
# a bad file is rejected by phantomctl and by the server, which keeps its settings;
# a changed restart-only setting is reported and ignored.
. "$(dirname "$0")/lib.sh"

# session_logged_at_debug: a new session makes its worker log a DEBUG line
session_debug_lines() { log_count 'DEBUG:  session started'; }
connect_logs_debug() {
	local before
	before=$(session_debug_lines)
	"$PROBE" connect "$PORT" >/dev/null
	wait_for 2 test_more "$before"
}
test_more() { [ "$(session_debug_lines)" -gt "$1" ]; }

check "init" init_data "log_level = info"
check "start" start_server
sup=$(supervisor_pid)
"$PROBE" connect "$PORT" >/dev/null
check "at log_level info a session logs no DEBUG line" test "$(session_debug_lines)" -eq 0

# --- a good reload -----------------------------------------------------------------------
echo "log_level = debug" >> "$DATA/phantom.conf"
out=$("$PHANTOMCTL" reload -D "$DATA" 2>&1)
check "reload signals the server" grep -q 'server signaled' <<<"$out"
check "the supervisor logs the reload" wait_for 5 log_has 'received SIGHUP, reloading'
check "after reload workers log at DEBUG" wait_for 10 connect_logs_debug
check "auxiliary processes reloaded too" wait_for 5 log_has 'walwriter\[[0-9]*\] DEBUG:  configuration reloaded'
check "reload did not restart anything" test "$(supervisor_pid)" = "$sup"

# --- a bad file: phantomctl refuses to signal; the server refuses the file -------------------
cp "$DATA/phantom.conf" "$WORK/good.conf"
printf 'log_level = info\nbogus_setting = 1\n' >> "$DATA/phantom.conf"
line=$(grep -n '^bogus_setting' "$DATA/phantom.conf" | cut -d: -f1)
out=$("$PHANTOMCTL" reload -D "$DATA" 2>&1)
check "phantomctl reload rejects the bad file (exit 1)" test $? -eq 1
check "... naming file, line and reason" grep -q "phantom.conf:$line: unrecognized configuration parameter \"bogus_setting\"; server not signaled" <<<"$out"
kill -HUP "$sup"
check "the server rejects the bad file with file:line:reason" wait_for 5 log_has "phantom.conf:$line: unrecognized configuration parameter \"bogus_setting\""
check "... and says nothing was applied" log_has 'configuration file contains errors; no changes were applied'
check "the old log_level (debug) is kept" wait_for 10 connect_logs_debug
check "the server still runs" alive "$sup"

# --- a restart-only setting changed by reload ---------------------------------------------
cp "$WORK/good.conf" "$DATA/phantom.conf"
echo "max_connections = 7" >> "$DATA/phantom.conf"
"$PHANTOMCTL" reload -D "$DATA" >/dev/null
check "a restart-only change is reported and ignored" wait_for 5 log_has 'parameter "max_connections" cannot be changed without restarting the server'

# --- -o options survive restart ------------------------------------------------------------
cp "$WORK/good.conf" "$DATA/phantom.conf"
check "stop" stop_server
check "start with -o -c log_level=warning" start_server -o "-c log_level=warning"
before=$(log_count 'INFO:')
"$PROBE" connect "$PORT" >/dev/null
out=$("$PHANTOMCTL" restart -D "$DATA" 2>&1)
remember_pids
check "restart succeeds" grep -q 'server started' <<<"$out"
check "restart reuses the -o options (no INFO lines at log_level warning)" test "$(log_count 'INFO:')" -eq "$before"
check "stop" stop_server
finish
