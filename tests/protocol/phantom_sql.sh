#!/bin/sh
# phantom_sql.sh — the shell: output byte-identical to psql's for the same queries and format
# options (psql is the reference), exit statuses, scripts with errors, COPY data inline and
# with \copy, and an interactive session on a pseudo-terminal.
. "$(dirname "$0")/lib.sh"
SQL="$top_builddir/phantom-sql -h $HOST -p $PORT -U $USER_ -d $DB"

if command -v psql >/dev/null; then
	PSQL="psql -X -h $HOST -p $PORT -U $USER_ -d $DB"
	for opts in "" "-A" "-t" "-A -t" "--csv" "-x" "-A -x" "-t -x" "-A -F ;"; do
		for q in "SELECT 1 AS a, 'abc' AS longer_name, NULL AS n, 2.5::float8 AS f" \
			"SELECT 'line1
line2' AS multi, 'x' AS y" \
			"SELECT 'h$(printf '\303\251')llo w$(printf '\303\266')rld' AS unicode, 42 AS n" \
			"SELECT * FROM generate_series(1, 12)" \
			"VALUES (1, 'a'), (22, 'bb'), (333, NULL)" \
			"SELECT 'a|b' AS p, 'c,d' AS q" \
			"BEGIN; SELECT 1; COMMIT" \
			"SELECT nosuch" \
			"SELECT 1;
SELECT 1/0"; do
			expect "same as psql $opts: $q" "$($PSQL $opts -c "$q" 2>&1)" "$($SQL $opts -c "$q" 2>&1)"
		done
	done
	printf '\n\nSELECT 1;\nSELECT\n  nosuch;\nSELECT 2;\n' > "$TMP/err.sql"
	expect "script error as psql reports it" \
		"$($PSQL -v ON_ERROR_STOP=1 -f "$TMP/err.sql" 2>&1 | sed 's/^psql:/X:/')" \
		"$($SQL -f "$TMP/err.sql" 2>&1 | sed 's/^phantom-sql:/X:/')"
	printf 'CREATE TEMP TABLE t (a int, b text);\nCOPY t FROM STDIN;\n1\tx\n2\ty\n\\.\nSELECT * FROM t;\n\\copy t to %s csv\n\\copy t from %s csv\nSELECT count(*) FROM t;\n\\echo done\n' \
		"$TMP/o1.csv" "$TMP/o1.csv" > "$TMP/copy.sql"
	expect "COPY and \\copy as psql does them" "$($PSQL -f "$TMP/copy.sql" 2>&1)" \
		"$(sed "s|o1.csv|o2.csv|g" "$TMP/copy.sql" > "$TMP/copy2.sql"; $SQL -f "$TMP/copy2.sql" 2>&1)"
fi

expect "exit status: success" 0 "$($SQL -c 'SELECT 1' >/dev/null 2>&1; echo $?)"
expect "exit status: -c error" 1 "$($SQL -c 'SELECT 1/0' >/dev/null 2>&1; echo $?)"
expect "a script on standard input stops at its first error" "1" \
	"$(printf 'SELECT 1;\nSELECT 1/0;\nSELECT 7777;\n' | $SQL -At 2>/dev/null)"
expect "exit status: script error" 3 "$(printf 'SELECT 1/0;\n' | $SQL >/dev/null 2>&1; echo $?)"
expect "exit status: -f error" 3 "$(printf 'SELECT 1/0;\n' > "$TMP/e.sql"; $SQL -f "$TMP/e.sql" >/dev/null 2>&1; echo $?)"
expect "exit status: no server" 2 \
	"$("$top_builddir/phantom-sql" -h 127.0.0.1 -p 1 -c 'SELECT 1' >/dev/null 2>&1; echo $?)"
expect "-c and -f run in order" "1
2
3" "$(echo 'SELECT 2;' > "$TMP/two.sql"; $SQL -At -c 'SELECT 1' -f "$TMP/two.sql" -c 'SELECT 3')"
expect "a backslash command with -c" "hello" "$($SQL -c '\echo hello')"
expect "\\g, \\p and \\r" "SELECT 5
 ?column? 
----------
        5
(1 row)" "$(printf 'SELECT 5\n\\p\n\\g\nSELECT 6\n\\r\n' | $SQL -q 2>&1)"
expect "\\pset and \\x" "a;b
1;2
-[ RECORD 1 ]
a | 1
b | 2" "$(printf '\\pset format unaligned\n\\pset fieldsep ;\nSELECT 1 AS a, 2 AS b;\n\\pset format aligned\n\\x on\nSELECT 1 AS a, 2 AS b;\n' | $SQL -q 2>&1 | grep -v 'row)')"
expect "\\pset null" "1|(null)" "$(printf '\\pset null (null)\nSELECT 1 AS a, NULL AS b;\n' | $SQL -A -t)"
expect "\\o sends results to a file" "42" \
	"$(printf '\\o %s\nSELECT 42;\n\\o\n' "$TMP/o.txt" | $SQL -At; cat "$TMP/o.txt")"
expect_match "\\timing" '^Time: [0-9]+\.[0-9]{3} ms$' "$(printf '\\timing on\nSELECT 1;\n' | $SQL -At 2>&1)"
expect "\\i runs a file" "2" "$(printf '\\i %s\n' "$TMP/two.sql" | $SQL -At)"
expect_match "unknown command" 'invalid command \\nosuch' "$($SQL -c '\nosuch' 2>&1)"
expect_match "\\conninfo" "database \"$DB\" as user \"$USER_\"" "$($SQL -c '\conninfo')"
expect_match "URI in -d" '^1$' "$("$top_builddir/phantom-sql" -At -d "postgresql://$USER_@$HOST:$PORT/$DB" -c 'SELECT 1')"
expect_match "--help" 'Usage:' "$("$top_builddir/phantom-sql" --help)"
expect_match "--version" 'phantom-sql \(Phantom-DB\) [0-9]' "$("$top_builddir/phantom-sql" --version)"
if [ "$FAKE" = 1 ]; then
	expect "\\d without pg_catalog explains itself" \
		'\d: this server does not provide the pg_catalog views it needs (column "n.nspname" does not exist)' \
		"$($SQL -c '\d' 2>&1)"
	expect "\\d exit status" 1 "$($SQL -c '\dt' >/dev/null 2>&1; echo $?)"
	expect "password from the environment" "1" \
		"$(PHANTOM_PASSWORD=secret "$top_builddir/phantom-sql" -h $HOST -p $PORT -U alice -d $DB -At -c 'SELECT 1' 2>&1)"
fi

PY=
for p in python3 /usr/bin/python3; do command -v $p >/dev/null && { PY=$p; break; }; done
if [ -n "$PY" ] && [ "$FAKE" = 1 ]; then
	out=$(SQL="$SQL" HIST="$TMP/history" $PY "$(dirname "$0")/phantom_sql_pty.py" 2>&1)
	expect "interactive session on a pseudo-terminal" "phantom_sql_pty: 0 failures" \
		"$(printf '%s\n' "$out" | tail -n 1)"
	[ "$(printf '%s\n' "$out" | tail -n 1)" = "phantom_sql_pty: 0 failures" ] || printf '%s\n' "$out"
fi
finish
