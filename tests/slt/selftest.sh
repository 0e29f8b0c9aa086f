#!/bin/sh
# selftest.sh — the sqllogictest runner on hand-written scripts against the fake server:
# pass.test must pass completely; fail.test must fail exactly where fail.expected says.
. "$(dirname "$0")/../protocol/lib.sh"
RUN="$top_builddir/tests/slt/slt-runner -h $HOST -p $PORT -U $USER_ -d $DB"
D=$(cd "$(dirname "$0")/selftest" && pwd)
[ "$FAKE" = 1 ] || { echo "selftest needs the fake server's statements: skipped"; exit 77; }

out=$(cd "$D" && $RUN pass.test 2>&1); st=$?
expect "pass.test passes" "pass.test: 16 passed, 0 failed, 2 skipped
total: 1 files, 16 passed, 0 failed, 2 skipped" "$out"
expect "pass.test exit status" 0 "$st"
out=$(cd "$D" && $RUN fail.test 2>&1); st=$?
expect "fail.test is reported record by record" "$(cat "$D/fail.expected")
total: 1 files, 2 passed, 11 failed, 0 skipped" "$out"
expect "fail.test exit status" 1 "$st"
out=$(cd "$D" && $RUN --verbose fail.test 2>&1)
expect_match "verbose shows SQL, expected and actual" '^    SELECT 1$' "$out"
expect_match "verbose: expected values" '^  expected \(1 values\):$' "$out"
expect_match "verbose: actual values" '^  actual \(1 values\):$' "$out"
out=$(cd "$D" && $RUN --hash-threshold 0 pass.test 2>&1); st=$?
expect_match "a command-line threshold overrides the scripts" 'wrong result$' "$out"
out=$($RUN "$D" 2>&1); st=$?
expect_match "directories are searched" "^total: 2 files, 18 passed, 11 failed, 2 skipped" "$out"
expect "missing file" 2 "$($RUN /nonexistent.test >/dev/null 2>&1; echo $?)"
expect "no server" 2 "$("$top_builddir/tests/slt/slt-runner" -h 127.0.0.1 -p 1 "$D/pass.test" >/dev/null 2>&1; echo $?)"
finish
