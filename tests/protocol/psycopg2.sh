#!/bin/sh
# psycopg2.sh — the Python driver psycopg2 (Debian python3-psycopg2) against the server.
. "$(dirname "$0")/lib.sh"
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import psycopg2' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "python3-psycopg2 not installed: skipped"; exit 77; }
export HOST PORT USER_ DB FAKE
"$PY" "$(dirname "$0")/psycopg2_test.py"
