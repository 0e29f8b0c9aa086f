#!/bin/bash
# t_cli.sh — the command lines of phantomctl and phantomd: help, versions, every refusal
# with its one-line reason, init variants, --no-wait start and stop, ping errors.
. "$(dirname "$0")/lib.sh"

# fails_with STATUS PATTERN COMMAND...: the command exits with STATUS and prints PATTERN
fails_with() {
	local want=$1 pattern=$2 out rc
	shift 2
	out=$("$@" 2>&1)
	rc=$?
	[ "$rc" -eq "$want" ] && grep -q -- "$pattern" <<<"$out" && return 0
	echo "# got status $rc: $out"
	return 1
}

# --- phantomctl ----------------------------------------------------------------------------
check "phantomctl --help" grep -q '^Usage:' <<<"$("$PHANTOMCTL" --help)"
check "phantomctl --version" grep -q '^phantomctl (Phantom-DB) ' <<<"$("$PHANTOMCTL" --version)"
check "phantomctl without a command" fails_with 1 'Usage:' "$PHANTOMCTL"
check "phantomctl with an unknown command" fails_with 1 'unknown command "frobnicate"' "$PHANTOMCTL" frobnicate
check "status without a data directory exits 4" fails_with 4 'no data directory' "$PHANTOMCTL" status
check "start with a bad timeout" fails_with 1 'invalid timeout "soon"' "$PHANTOMCTL" start -D "$WORK" -t soon
check "start with a stray argument" fails_with 1 'unexpected argument "extra"' "$PHANTOMCTL" start -D "$WORK" extra
check "start with an unknown option" fails_with 1 'usage: phantomctl start' "$PHANTOMCTL" start --frob
check "ping an unknown role" fails_with 1 'unknown role "postmaster"' "$PHANTOMCTL" ping -D "$WORK" postmaster
check "init with a bad option" fails_with 1 'usage: phantomctl init' "$PHANTOMCTL" init --frob

# --- phantomd ------------------------------------------------------------------------------
touch "$WORK/file"
check "phantomd --help" grep -q 'phantomd -D DATADIR' <<<"$("$PHANTOMD" --help)"
check "phantomd --version" grep -q '^phantomd (Phantom-DB) ' <<<"$("$PHANTOMD" -V)"
check "phantomd without a data directory" fails_with 1 'no data directory' "$PHANTOMD"
check "phantomd -D without its argument" fails_with 1 'option -D needs an argument' "$PHANTOMD" -D
check "phantomd with an unknown argument" fails_with 1 'unknown argument "--frob"' "$PHANTOMD" --frob
check "phantomd -c with an unknown setting" fails_with 1 'unrecognized configuration parameter "frob"' "$PHANTOMD" -D "$WORK" -c frob=1
check "phantomd --name=value with a bad value" fails_with 1 'max_connections' "$PHANTOMD" -D "$WORK" --max_connections=0
check "phantomd on a missing directory" fails_with 1 'does not exist' "$PHANTOMD" -D "$WORK/none"
check "phantomd on a file" fails_with 1 'is not a directory' "$PHANTOMD" -D "$WORK/file"
check "phantomd on a directory that is not a data directory" fails_with 1 'is not a Phantom-DB data directory' "$PHANTOMD" -D"$WORK"

# --- init variants -------------------------------------------------------------------------
mkdir "$WORK/empty"
check "init into an existing empty directory" quiet "$PHANTOMCTL" init -D "$WORK/empty" --superuser admin_1
check "... keeps the sample's port line when --port is not given" grep -qx '#port = 5544' "$WORK/empty/phantom.conf"
check "... records the superuser" grep -qx admin_1 "$WORK/empty/global/superuser"
check "init creates missing parent directories" quiet "$PHANTOMCTL" init -D "$WORK/a/b/c" --port 7000
check "init on a file is refused" fails_with 1 'exists and is not a directory' "$PHANTOMCTL" init -D "$WORK/file"
check "init without a sample is refused" fails_with 1 'could not read the sample configuration' \
	env PHANTOM_SAMPLE_CONF=/nonexistent "$PHANTOMCTL" init -D "$WORK/nosample"
check "init takes PHANTOMDATA" quiet env PHANTOMDATA="$WORK/fromenv" "$PHANTOMCTL" init
check "... and wrote there" test -f "$WORK/fromenv/VERSION"
echo 999 > "$WORK/empty/VERSION"
check "phantomd refuses another data directory version" fails_with 1 'has format version "999"' "$PHANTOMD" -D "$WORK/empty"

# --- --no-wait start and stop --------------------------------------------------------------
check "init" init_data
out=$("$PHANTOMCTL" reload -D "$DATA" 2>&1)
check "reload without a server" grep -q 'no server running' <<<"$out"
check "ping without a server" fails_with 1 'could not reach walwriter' "$PHANTOMCTL" ping -D "$DATA" walwriter -t 1
out=$("$PHANTOMCTL" start -D "$DATA" --no-wait 2>&1)
check "start --no-wait returns at once" grep -q '^server starting (pid [0-9]*)' <<<"$out"
ready() { [ "$(sed -n 6p "$DATA/phantomd.pid" 2>/dev/null)" = ready ]; }
check "the server becomes ready" wait_for 30 ready
remember_pids
pids=$(server_pids)
save_shm_name
out=$("$PHANTOMCTL" stop -D "$DATA" --no-wait 2>&1)
check "stop --no-wait returns at once" grep -q 'shutting down' <<<"$out"
check_clean "after stop --no-wait" $pids
out=$("$PHANTOMCTL" restart -D "$DATA" 2>&1)
check "restart of a stopped server starts it" grep -q 'server started' <<<"$out"
remember_pids
check "stop" stop_server

# --- quoted -o options reach phantomd as one word --------------------------------------------
check "start with -o \"-c log_directory='my logs'\"" start_server -o "-c log_directory='my logs'"
check "the log went to the quoted directory" grep -q 'ready to accept connections' "$DATA/my logs/phantom.log"
check "stop" stop_server
check "an absolute log_directory" start_server -o "-c log_directory='$WORK/abs logs'"
check "the log went there" grep -q 'ready to accept connections' "$WORK/abs logs/phantom.log"
check "stop" stop_server
finish
