#!/bin/sh
# psql.sh — PostgreSQL's own clients against the server: psql (queries, errors with their
# position, notices, transactions, COPY, \copy, \timing, SCRAM and password logins) and
# pgbench (a SELECT 1 script in simple, extended and prepared modes, no failed transactions).
. "$(dirname "$0")/lib.sh"
command -v psql >/dev/null || { echo "psql not installed: skipped"; exit 77; }
PSQL="psql -X -h $HOST -p $PORT -U $USER_ -d $DB"

expect "select" "1|x|" "$($PSQL -At -c "SELECT 1, 'x', NULL")"
expect "several statements show every result" "1
2
3" "$($PSQL -At -c "SELECT 1; SELECT 2; SELECT 3")"
expect "error with position" "ERROR:  column \"nosuch\" does not exist
LINE 1: SELECT nosuch
               ^" "$($PSQL -c "SELECT nosuch" 2>&1)"
expect "error exit status" "1" "$($PSQL -c "SELECT 1/0" >/dev/null 2>&1; echo $?)"
expect "failed transaction" "BEGIN
ERROR:  division by zero
ERROR:  current transaction is aborted, commands ignored until end of transaction block
ROLLBACK" "$(printf 'BEGIN;\nSELECT 1/0;\nSELECT 1;\nROLLBACK;\n' | $PSQL 2>&1)"
expect "copy in and out" "CREATE TABLE
COPY 3
1	one
2	two
3	\N" "$(printf 'CREATE TEMP TABLE t (a int, b text);\nCOPY t FROM STDIN;\n1\tone\n2\ttwo\n3\t\\N\n\\.\nCOPY t TO STDOUT;\n' | $PSQL 2>&1)"
printf '5,five\n6,six\n' > "$TMP/in.csv"
expect "client-side copy" "CREATE TABLE
COPY 2
COPY 2
5,five
6,six" "$(printf 'CREATE TEMP TABLE c (a int, b text);\n\\copy c from %s csv\n\\copy c to %s csv\n' "$TMP/in.csv" "$TMP/out.csv" | $PSQL 2>&1; cat "$TMP/out.csv")"
expect_match "timing" '^Time: [0-9.]+ ms' "$(printf '\\timing on\nSELECT 1;\n' | $PSQL -At 2>&1)"
expect "application_name reaches the server" "psql-test" \
	"$(PGAPPNAME=psql-test $PSQL -At -c 'SHOW application_name')"
expect "server_version is numeric first" "yes" \
	"$($PSQL -At -c 'SHOW server_version' | grep -Eq '^1[5-9]' && echo yes)"
if [ "$FAKE" = 1 ]; then
	expect "notice" "NOTICE:  hello" \
		"$($PSQL -q -c "DO \$\$BEGIN RAISE NOTICE 'hello'; END\$\$" 2>&1)"
	expect "scram login" "1" \
		"$(PGPASSWORD=secret psql -X -h $HOST -p $PORT -U alice -d $DB -At -c 'SELECT 1' 2>&1)"
	expect_match "scram wrong password" 'password authentication failed for user "alice"' \
		"$(PGPASSWORD=nope psql -X -h $HOST -p $PORT -U alice -d $DB -At -c 'SELECT 1' 2>&1)"
	expect "password login (PostgreSQL-made verifier)" "1" \
		"$(PGPASSWORD=pencil psql -X -h $HOST -p $PORT -U carol -d $DB -At -c 'SELECT 1' 2>&1)"
	expect_match "unknown database" 'database "nosuchdb" does not exist' \
		"$(psql -X -h $HOST -p $PORT -U bob -d nosuchdb -c 'SELECT 1' 2>&1)"
	expect_match "psql \\d on a server without pg_catalog says so" 'ERROR' \
		"$($PSQL -c '\d' 2>&1)"
fi

if command -v pgbench >/dev/null; then
	echo "SELECT 1;" > "$TMP/select1.sql"
	for mode in simple extended prepared; do
		out=$(pgbench -h $HOST -p $PORT -U $USER_ -n -f "$TMP/select1.sql" -M $mode -c 2 -j 2 \
			-t 200 $DB 2>&1)
		expect_match "pgbench -M $mode" 'number of transactions actually processed: 400/400' "$out"
		expect_match "pgbench -M $mode failures" 'number of failed transactions: 0 ' "$out"
	done
fi
finish
