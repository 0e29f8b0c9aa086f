#!/bin/bash
# t_connections.sh — the listener: the worker pool grows on demand up to max_connections,
# beyond which clients get 53300; SSL/GSSAPI requests answered 'N'; cancel requests reach
# the right worker; malformed or slow first packets and random bytes are refused without
# harm; malformed mailbox messages are logged and dropped.  Also prints connection set-up time.
. "$(dirname "$0")/lib.sh"

accepting() { "$PROBE" connect "$PORT" | grep -q '^ok'; }
listener_same() { [ "$(role_pid listener)" = "$LISTENER" ]; }

check "init" init_data "log_level = debug" "max_connections = 3" "query_workers = 2" \
	"authentication_timeout = 1s" "checkpoint_timeout = 1s" "query_worker_idle_timeout = 1s"
check "start" start_server
LISTENER=$(role_pid listener)
check "two workers to begin with" workers_are 2

# --- the pool grows, then max_connections refuses ---------------------------------------------
holders=""
for i in 1 2 3; do
	"$PROBE" hold "$PORT" 60 > "$WORK/hold$i.out" 2>&1 &
	holders="$holders $!"
	check "session $i is served" wait_for 10 grep -q '^ready' "$WORK/hold$i.out"
done
check "a third worker was started on demand" workers_are 3
out=$("$PROBE" connect "$PORT")
check "the fourth session gets 53300" grep -q '^error 53300: sorry, too many clients already' <<<"$out"
if have psql; then
	out=$(psql -X -h 127.0.0.1 -p "$PORT" -U phantom -c 'select 1' 2>&1)
	check "psql shows the 53300 message" grep -q 'sorry, too many clients already' <<<"$out"
fi
check "metrics count refused connections" grep -Eq '^phantom_connections_refused_total [1-9]' <<<"$(http_get /metrics)"
check "metrics count 3 active sessions" grep -q '^phantom_sessions_active 3' <<<"$(http_get /metrics)"
status=$("$PHANTOMCTL" status -D "$DATA")
check "status shows the sessions with user and database" grep -q 'session   phantom@phantom from 127.0.0.1' <<<"$status"

# --- cancel requests -------------------------------------------------------------------------
read -r _ pidkv keykv < "$WORK/hold1.out"
out=$("$PROBE" cancel "$PORT" "${pidkv#pid=}" "${keykv#key=}")
check "a cancel request is closed without an answer" grep -q '^closed' <<<"$out"
check "a cancel request with the right key reaches its worker" wait_for 5 log_has "cancel request for worker pid ${pidkv#pid=}"
out=$("$PROBE" cancel "$PORT" "${pidkv#pid=}" 12345)
check "a cancel request with a wrong key is ignored and logged" wait_for 5 log_has 'ignored a cancel request'

kill $holders
wait $holders 2>/dev/null
check "sessions are accepted again once others ended" wait_for 10 accepting
check "the extra worker exits after query_worker_idle_timeout" wait_for 10 workers_are 2
check "... saying why" log_has 'other idle workers: exiting'
check "the supervisor does not replace it" workers_are 2

# --- SSL and GSSAPI encryption requests --------------------------------------------------------
SSLREQ=0000000804d2162f
GSSREQ=0000000804d21630
# a valid StartupMessage: user=phantom database=pha
params=$(printf 'user\0phantom\0database\0pha\0\0' | od -An -tx1 | tr -d ' \n')
STARTUP=$(printf '%08x' $((8 + ${#params} / 2)))00030000$params
out=$("$PROBE" raw "$PORT" "$SSLREQ" "$STARTUP")
check "SSLRequest is answered N, then the startup proceeds" test "$out" = $'byte N\nmsg R'
out=$("$PROBE" raw "$PORT" "$GSSREQ" "$SSLREQ" "$STARTUP")
check "GSSENCRequest then SSLRequest are answered N, N" test "$out" = $'byte N\nbyte N\nmsg R'
out=$("$PROBE" raw "$PORT" "$SSLREQ" "$SSLREQ")
check "a second SSLRequest is a protocol violation" grep -q '^error 08P01: invalid startup packet sequence' <<<"$out"
if have psql; then
	out=$(psql -X "host=127.0.0.1 port=$PORT user=phantom sslmode=require" -c 'select 1' 2>&1)
	check "psql sslmode=require is told the server has no SSL" grep -q 'server does not support SSL' <<<"$out"
	out=$(psql -X "host=127.0.0.1 port=$PORT user=phantom sslmode=prefer" -c 'select 1' 2>&1)
	check "psql sslmode=prefer falls back to plain" grep -q 'SQL is not available' <<<"$out"
fi

# --- malformed first packets ------------------------------------------------------------------
out=$("$PROBE" raw "$PORT" deadbeefdeadbeefdeadbeef)
check "random bytes (huge length) get 08P01" grep -q '^error 08P01: invalid length of startup packet' <<<"$out"
out=$("$PROBE" raw "$PORT" 00989680)
check "a 10 MB length gets 08P01" grep -q '^error 08P01: invalid length of startup packet' <<<"$out"
out=$("$PROBE" raw "$PORT" 0000271100030000)
check "10001 bytes (one over the limit) gets 08P01" grep -q '^error 08P01: invalid length' <<<"$out"
out=$("$PROBE" raw "$PORT" 00000004)
check "a length below 8 gets 08P01" grep -q '^error 08P01: invalid length' <<<"$out"
out=$("$PROBE" raw "$PORT" 0000000800020000)
check "protocol 2.0 gets a clear error" grep -q '^error 0A000: unsupported frontend protocol 2.0: server supports 3.0 to 3.0' <<<"$out"
out=$("$PROBE" raw "$PORT" 0000000804d2162e00000000)
check "a CancelRequest of the wrong length is closed" grep -q '^closed' <<<"$out"
out=$("$PROBE" raw "$PORT" 00000010)
check "a packet that never completes is closed after authentication_timeout" grep -q '^closed' <<<"$out"
check "... with a log line" wait_for 5 log_has 'no complete startup packet within authentication_timeout'
out=$("$PROBE" raw "$PORT" $(printf '%08x' 12)0003000061626364)
check "a startup packet without terminator is refused by the session" grep -q '^error 08P01' <<<"$out"
for i in $(seq 1 40); do
	"$PROBE" fire "$PORT" "$(head -c $((RANDOM % 64 + 1)) /dev/urandom | od -An -tx1 | tr -d ' \n')"
done
"$PROBE" fire "$PORT" 0000004000030000
check "a packet cut short is logged" wait_for 5 log_has 'incomplete startup packet from 127.0.0.1'
check "the listener survived all of it" listener_same
check "and still serves sessions" accepting

# --- the placeholder session (lib/pgwire/pgw_placeholder.c) ------------------------------------
# hexmsg TYPE BODYHEX: a frontend message
hexmsg() { printf '%s%08x%s' "$(printf '%s' "$1" | od -An -tx1 | tr -d ' ')" $((4 + ${#2} / 2)) "$2"; }
sql=$(printf 'select 1\0' | od -An -tx1 | tr -d ' \n')
out=$("$PROBE" session "$PORT" "$(hexmsg Q "$sql")")
check "a Query gets 0A000 and ReadyForQuery" test "$out" = $'error 0A000: SQL is not available in this build yet\nmsg Z'
out=$("$PROBE" session "$PORT" "$(hexmsg P 00000000)$(hexmsg B 00)$(hexmsg E 00)$(hexmsg S '')")
check "an extended-protocol batch gets one 0A000, then ReadyForQuery at Sync" test "$out" = $'error 0A000: SQL is not available in this build yet\nmsg Z'
out=$("$PROBE" session "$PORT" "$(hexmsg H '')$(hexmsg S '')")
check "Flush and Sync alone: just ReadyForQuery" test "$out" = 'msg Z'
out=$("$PROBE" session "$PORT" "$(hexmsg '!' '')")
check "an unknown message type is a FATAL 08P01" grep -q '^error 08P01: invalid frontend message type 33' <<<"$out"
out=$("$PROBE" session "$PORT" 5100000002)
check "a message length below 4 is a FATAL 08P01" grep -q '^error 08P01: invalid message length' <<<"$out"
out=$("$PROBE" session "$PORT" "$(hexmsg X '')")
check "Terminate ends the session" test "$out" = closed
nouser=$(printf 'user\0\0\0' | od -An -tx1 | tr -d ' \n')
out=$("$PROBE" raw "$PORT" "$(printf '%08x' $((8 + ${#nouser} / 2)))00030000$nouser")
check "a startup without a user name gets 28000" grep -q '^error 28000: no PostgreSQL user name specified' <<<"$out"
out=$("$PROBE" raw "$PORT" "$(printf '%08x' $((8 + ${#params} / 2)))00030001$params")
check "protocol 3.1 gets NegotiateProtocolVersion" grep -q '^msg v' <<<"$out"

# --- malformed mailbox messages are logged and dropped ---------------------------------------
url="ipc://$DATA/run/walwriter.ipc"
walwriter=$(role_pid walwriter)
for kind in garbage badversion unknowntype truncated; do
	check "mailbox: $kind sent" grep -q '^sent' <<<"$("$PROBE" mbox "$url" "$kind")"
done
check "mailbox: four malformed messages logged" wait_for 5 test_count 'dropped a malformed message on the mailbox' 4
check "mailbox: the bad version is named" log_has 'unsupported message protocol version'
check "mailbox: the unknown type is named" log_has 'type 4660): unknown message type'
check "mailbox: wrong-channel message sent" grep -q '^sent' <<<"$("$PROBE" mbox "$url" wrongchannel)"
check "mailbox: a pipe-only message is dropped" wait_for 5 log_has 'dropped a CTL_SHUTDOWN message: it is not expected on the mailbox'
check "mailbox: a valid message nobody handles is sent" grep -q '^sent' <<<"$("$PROBE" mbox "$url" valid)"
check "mailbox: it is dropped with a log line" wait_for 5 log_has 'dropped a WORKER_IDLE message: walwriter does not handle it'
check "mailbox: the walwriter is unharmed" test "$(role_pid walwriter)" = "$walwriter"
out=$("$PHANTOMCTL" ping -D "$DATA" walwriter 2>&1)
check "mailbox: and still answers PING" grep -q 'answered' <<<"$out"
check "mailbox: CHECKPOINT_REQUEST sent" grep -q '^sent' <<<"$("$PROBE" mbox "ipc://$DATA/run/checkpointer.ipc" checkpoint)"
check "mailbox: the checkpointer handles it" wait_for 5 log_has 'checkpoint requested (flags 0x2)'
check "the checkpointer's timer fires (checkpoint_timeout = 1s)" wait_for 5 log_has 'checkpoint requested (flags 0x0)'

# --- connection set-up time (informational: speed targets belong in bench/) -------------------
say "$("$PROBE" conntime "$PORT" 200)"
check "stop" stop_server
finish
