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
	# statement boundaries: quotes, doubled quotes, dollar quotes, comments, parentheses
	cat > "$TMP/scan.sql" <<'SQL'
SELECT 'a;b' AS x; -- a comment; with a semicolon
/* a block; /* nested; */ still a comment; */ SELECT 'it''s;' AS y;
DO $$BEGIN RAISE NOTICE 'x;y'; END$$;
DO $tag$BEGIN RAISE NOTICE '$$;'; END$tag$;
SELECT 'multi
line;' AS m; VALUES (1, ';'), (2, 'x');
SELECT
  1 AS
  n
;
-- only a comment; then the end without a semicolon
SELECT 3
SQL
	expect "statement boundaries as psql finds them" \
		"$($PSQL -f "$TMP/scan.sql" 2>&1 | sed 's/^psql:/X:/')" \
		"$($SQL -f "$TMP/scan.sql" 2>&1 | sed 's/^phantom-sql:/X:/')"
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

# backslash commands and options beyond the common ones
expect "\\pset shows the settings" "format unaligned
expanded off
tuples_only on
fieldsep ':'
null ''" "$(printf '\\a\n\\t\n\\f :\n\\pset\n' | $SQL -q 2>&1)"
expect "toggles report their state" "Output format is unaligned.
Tuples only is on.
Field separator is \":\".
Expanded display is on.
Expanded display is off.
Timing is on.
Timing is off." "$(printf '\\a\n\\t on\n\\f :\n\\x\n\\x off\n\\timing\n\\timing off\n' | $SQL 2>&1)"
expect_match "bad boolean" 'unrecognized value "maybe": Boolean expected' "$($SQL -c '\x maybe' 2>&1)"
expect_match "bad \\pset format" 'allowed formats are aligned, unaligned, csv' "$($SQL -c '\pset format html' 2>&1)"
expect_match "bad \\pset option" 'unknown option: colour' "$($SQL -c '\pset colour red' 2>&1)"
expect "\\pset tuples_only and expanded" "1" "$(printf '\\pset tuples_only on\n\\pset expanded off\n\\pset format unaligned\nSELECT 1;\n' | $SQL -q 2>&1)"
expect "empty query buffer" "Query buffer is empty." "$($SQL -c '\p')"
expect_match "\\i needs a file" 'missing required argument' "$($SQL -c '\i' 2>&1)"
expect_match "\\i of a missing file" 'No such file' "$($SQL -c '\i /nonexistent/x.sql' 2>&1)"
expect_match "\\o to an unwritable file" 'No such file' "$($SQL -c '\o /nonexistent/x' 2>&1)"
expect_match "\\copy needs FROM or TO" 'expected FROM or TO' "$($SQL -c '\copy t' 2>&1)"
expect_match "\\copy needs a file" 'missing file name' "$($SQL -c '\copy t from' 2>&1)"
expect_match "\\copy of a missing file" 'No such file' "$($SQL -c '\copy t from /nonexistent/in' 2>&1)"
expect "\\copy from stdin and to a quoted name" "CREATE TABLE
COPY 2
COPY 2
7,x
8,y" "$(printf 'CREATE TEMP TABLE q (a int, b text);\n\\copy q from pstdin csv\n' > "$TMP/q.sql"; \
	printf "\\\\copy q to '%s' csv\n" "$TMP/q out.csv" >> "$TMP/q.sql"; \
	printf '7,x\n8,y\n' | $SQL -f "$TMP/q.sql" 2>&1; cat "$TMP/q out.csv")"
expect_match "\\c reconnects" "You are now connected to database \"$DB\" as user \"$USER_\"" \
	"$($SQL -c "\\c $DB" 2>&1)"
expect_match "\\c with a connection string" "You are now connected" \
	"$($SQL -c "\\c 'host=$HOST port=$PORT user=$USER_ dbname=$DB'" 2>&1)"
expect_match "\\c to a server that is not there" 'error: connection to server' \
	"$($SQL -c '\c port=1' 2>&1)"
expect "-e echoes statements" "SELECT 9
9" "$($SQL -At -e -c 'SELECT 9')"
expect "-q hides command tags" "" "$($SQL -q -c 'BEGIN')"
expect "dbname and user as arguments" "1" \
	"$("$top_builddir/phantom-sql" -h $HOST -p $PORT -At -w $DB $USER_ -c 'SELECT 1')"
expect_match "extra arguments are reported" 'extra command-line argument "more" ignored' \
	"$("$top_builddir/phantom-sql" -h $HOST -p $PORT -At $DB $USER_ more -c 'SELECT 1' 2>&1)"
expect "a bad option" 1 "$("$top_builddir/phantom-sql" --bogus >/dev/null 2>&1; echo $?)"
expect "-h with a URI" 2 \
	"$("$top_builddir/phantom-sql" -h x -d "postgresql://$HOST:$PORT/$DB" -c 'SELECT 1' >/dev/null 2>&1; echo $?)"
expect "-f of a missing file" 1 "$($SQL -f /nonexistent.sql >/dev/null 2>&1; echo $?)"
expect "-f - reads standard input" "4" "$(echo 'SELECT 4;' | $SQL -At -f -)"
expect "\\q stops a script" "1" "$(printf 'SELECT 1;\n\\q\nSELECT 2;\n' | $SQL -At)"
expect "\\g sends a statement without a semicolon" "5" "$(printf 'SELECT 5 \\g\n' | $SQL -At)"
expect "COPY FROM STDIN data inline in a script" "CREATE TABLE
COPY 2
2" "$(printf 'CREATE TEMP TABLE c (a int);\nCOPY c FROM STDIN;\n1\n2\n\\.\nSELECT count(*) FROM c;\n' | $SQL -t 2>&1 | sed 's/^ *//' | grep -v '^$')"
if [ "$FAKE" = 1 ]; then
	for c in '\dn' '\l' '\di' '\dv' '\ds' '\d t1'; do
		expect_match "$c without pg_catalog explains itself" 'does not provide the pg_catalog views' \
			"$($SQL -c "$c" 2>&1)"
	done
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
