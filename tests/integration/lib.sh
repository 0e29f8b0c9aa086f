# lib.sh — shared by the integration tests (sourced; bash).
#
# Each test gets a temporary directory with a data directory on free ports (SQL and
# metrics), uses the binaries of the build tree, and on exit kills — by pid, never by
# name — every server process it saw, removes their shared-memory segment and its
# directory.  Checks print "ok - ..." or "FAIL - ..."; the test fails if any check failed.
# Waiting is always a bounded poll (wait_for), never a bare sleep.

set -u
: "${top_builddir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_srcdir:=$top_builddir}"
PHANTOMCTL=$top_builddir/phantomctl
PROBE=$top_builddir/tests/integration/pqprobe
export PHANTOMD=$top_builddir/phantomd
export PHANTOM_SAMPLE_CONF=$top_srcdir/etc/phantom.conf
unset PHANTOMDATA
TESTNAME=$(basename "$0" .sh)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/phantom-$TESTNAME.XXXXXX")
DATA=$WORK/data
LOG=$DATA/log/phantom.log
SEEN=$WORK/pids.seen
FAILS=0
PORT=0
MPORT=0
: > "$SEEN"

say() { echo "# $*"; }
ok() { echo "ok - $*"; }
fail() { echo "FAIL - $*"; FAILS=$((FAILS + 1)); }
# check DESCRIPTION COMMAND...: one check, passing when the command succeeds
check() {
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else fail "$desc"; fi
}
have() { command -v "$1" >/dev/null 2>&1; }
quiet() { "$@" >/dev/null; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# wait_for SECONDS COMMAND...: run COMMAND every 50 ms until it succeeds; 1 on timeout
wait_for() {
	local end=$(($(now_ms) + $1 * 1000))
	shift
	while :; do
		"$@" && return 0
		[ "$(now_ms)" -ge "$end" ] && return 1
		sleep 0.05
	done
}

# alive PID: the process exists and is not a zombie
alive() {
	local st
	[ -r "/proc/$1/status" ] || return 1
	st=$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null)
	[ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}
none_alive() {
	local p
	for p in "$@"; do alive "$p" && return 1; done
	return 0
}
all_alive() {
	local p
	for p in "$@"; do alive "$p" || return 1; done
	return 0
}

supervisor_pid() { [ -f "$DATA/phantomd.pid" ] && head -n 1 "$DATA/phantomd.pid"; }

# server_pids: the supervisor and every process whose parent it is (from /proc)
server_pids() {
	local sup
	sup=$(supervisor_pid) || return 0
	alive "$sup" || return 0
	echo "$sup"
	awk -v p="$sup" '/^Pid:/ { pid = $2 } /^PPid:/ { if ($2 == p) print pid }' \
		/proc/[0-9]*/status 2>/dev/null
}
remember_pids() { server_pids >> "$SEEN"; }

# role_pid ROLE: pid of the (first) process of a role, from phantomctl status
role_pid() {
	"$PHANTOMCTL" status -D "$DATA" 2>/dev/null |
		awk -v r="$1" 'r != "worker" && $1 == r && $3 ~ /^[0-9]+$/ { print $3; exit }
		               r == "worker" && $1 == r && $4 ~ /^[0-9]+$/ { print $4; exit }'
}
# role_slot ROLE: its process-table slot (for phantomctl ping)
role_slot() {
	"$PHANTOMCTL" status -D "$DATA" 2>/dev/null |
		awk -v r="$1" 'r != "worker" && $1 == r { print $2; exit }
		               r == "worker" && $1 == r { print $3; exit }'
}
worker_pids() {
	"$PHANTOMCTL" status -D "$DATA" 2>/dev/null | awk '$1 == "worker" && $4 ~ /^[0-9]+$/ { print $4 }'
}
# workers_are N: status shows exactly N workers
workers_are() { [ "$(worker_pids | wc -l)" -eq "$1" ]; }
shm_name() { sed -n 5p "$DATA/phantomd.pid" 2>/dev/null; }
log_has() { grep -q -- "$1" "$LOG" 2>/dev/null; }
log_count() { grep -c -- "$1" "$LOG" 2>/dev/null || true; }
# test_count PATTERN N: the log has at least N lines matching PATTERN
test_count() { [ "$(log_count "$1")" -ge "$2" ]; }

# init_data [CONF LINE...]: phantomctl init on free ports, then append the lines
init_data() {
	PORT=$("$PROBE" freeport)
	MPORT=$("$PROBE" freeport)
	"$PHANTOMCTL" init -D "$DATA" --port "$PORT" >/dev/null || return 1
	{
		echo "metrics_port = $MPORT"
		for line in "$@"; do echo "$line"; done
	} >> "$DATA/phantom.conf"
}

# start_server [phantomctl start options]: start on free ports, retrying if one was taken
start_server() {
	local i out
	for i in 1 2 3 4 5; do
		if out=$("$PHANTOMCTL" start -D "$DATA" -t 30 "$@" 2>&1); then
			remember_pids
			return 0
		fi
		case $out in
		*"already in use"*)
			PORT=$("$PROBE" freeport)
			MPORT=$("$PROBE" freeport)
			printf 'port = %s\nmetrics_port = %s\n' "$PORT" "$MPORT" >> "$DATA/phantom.conf"
			;;
		*)
			echo "$out"
			return 1
			;;
		esac
	done
	echo "$out"
	return 1
}

stop_server() { "$PHANTOMCTL" stop -D "$DATA" -t 30 "$@" >/dev/null; }

# http GET PATH on the metrics port (bash's /dev/tcp; no curl needed)
http_get() {
	exec 3<>"/dev/tcp/127.0.0.1/$MPORT" || return 1
	printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
	timeout 5 cat <&3
	exec 3<&-
}

# check_clean DESCRIPTION PIDS...: nothing of the server is left behind
check_clean() {
	local desc=$1 shm
	shift
	shm=$(cat "$WORK/shm.name" 2>/dev/null)
	check "$desc: no server process left" wait_for 10 none_alive "$@"
	check "$desc: no pid file left" test ! -e "$DATA/phantomd.pid"
	check "$desc: no shared memory segment left" test ! -e "/dev/shm${shm:-/none}"
	check "$desc: no mailbox left in run/" test -z "$(ls -A "$DATA/run" 2>/dev/null)"
}
save_shm_name() { shm_name > "$WORK/shm.name"; }

cleanup() {
	local p shm
	remember_pids
	shm=$(shm_name)
	for p in $(sort -u "$SEEN"); do
		alive "$p" && kill -9 "$p" 2>/dev/null
	done
	for p in $(sort -u "$SEEN"); do
		wait_for 5 none_alive "$p" || true
	done
	[ -n "$shm" ] && rm -f "/dev/shm$shm"
	if [ "$FAILS" -gt 0 ] && [ -f "$LOG" ]; then
		echo "# --- last lines of the server log ---"
		tail -n 60 "$LOG" | sed 's/^/# /'
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

finish() {
	if [ "$FAILS" -gt 0 ]; then
		echo "# $TESTNAME: $FAILS checks failed"
		exit 1
	fi
	echo "# $TESTNAME: all checks passed"
	exit 0
}
