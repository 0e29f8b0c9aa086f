# lib.sh — shared by the protocol tests: a server to talk to, and small assertions.
# With PHANTOM_TEST_HOST/PHANTOM_TEST_PORT (and PHANTOM_TEST_USER, PHANTOM_TEST_DB) set, the
# tests use that server; otherwise they start tests/pgwire/fake-server on a free loopback
# port and stop it (by its pid) when they exit.  FAKE=1 marks the second case: tests that
# need the test double's roles and statements run only then.
top_builddir=${top_builddir:-$(cd "$(dirname "$0")/../.." && pwd)}
TMP=$(mktemp -d /tmp/phantom-protocol.XXXXXX)
FAKE_PID=
cleanup() {
	if [ -n "$FAKE_PID" ]; then kill "$FAKE_PID" 2>/dev/null; wait "$FAKE_PID" 2>/dev/null; fi
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP   # so that cleanup runs on signals too
if [ -n "${PHANTOM_TEST_PORT:-}" ]; then
	HOST=${PHANTOM_TEST_HOST:-127.0.0.1} PORT=$PHANTOM_TEST_PORT
	USER_=${PHANTOM_TEST_USER:-phantom} DB=${PHANTOM_TEST_DB:-phantom} FAKE=0
else
	"$top_builddir/tests/pgwire/fake-server" -P "$TMP/port" -l "$TMP/server.log" \
		-a "host all alice 127.0.0.1/32 scram-sha-256" \
		-a "host all carol 127.0.0.1/32 password" \
		-a "host all all 127.0.0.1/32 trust" >/dev/null &
	FAKE_PID=$!
	i=0
	while [ ! -s "$TMP/port" ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
	[ -s "$TMP/port" ] || { echo "fake-server did not start"; exit 99; }
	HOST=127.0.0.1 PORT=$(cat "$TMP/port") USER_=bob DB=test FAKE=1
fi
FAILS=0
CHECKS=0
# expect NAME EXPECTED ACTUAL
expect() {
	CHECKS=$((CHECKS + 1))
	if [ "$2" != "$3" ]; then
		FAILS=$((FAILS + 1))
		printf 'FAIL: %s\n--- expected\n%s\n--- actual\n%s\n' "$1" "$2" "$3"
	fi
}
# expect_match NAME PATTERN ACTUAL (grep -E)
expect_match() {
	CHECKS=$((CHECKS + 1))
	if ! printf '%s\n' "$3" | grep -Eq -- "$2"; then
		FAILS=$((FAILS + 1))
		printf 'FAIL: %s: no match for /%s/ in:\n%s\n' "$1" "$2" "$3"
	fi
}
finish() {
	echo "$(basename "$0"): $CHECKS checks, $FAILS failures"
	[ "$FAILS" -eq 0 ]
	exit $?
}
