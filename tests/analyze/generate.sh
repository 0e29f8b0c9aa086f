#!/bin/bash
# generate.sh — writes tests/analyze/cases.expected from a PostgreSQL 15 server: the outcome
# of each line of cases.sql after the tables of setup.sql, in the form
#   OK | ERR sqlstate|message|position[|HINT: hint][|DETAIL: detail] | PARAMS $1:type ...
# (a "P:" line is prepared with the extended protocol and its parameter types described).
# Usage: PGQ=/path/to/pgq tests/analyze/generate.sh, where pgq is tests/analyze/pgq.c (a small
# libpq client built by hand, see its comment) that
# prints those lines for its arguments (see the comment at the end of this file); run it
# against a throwaway server whose database has no table named like setup.sql's.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${PGQ:?set PGQ to the libpq client}"
mapfile -t S < "$here/setup.sql"
mapfile -t C < "$here/cases.sql"
"$PGQ" "drop schema public cascade" "create schema public" "${S[@]}" >/dev/null
"$PGQ" "${C[@]}" | sed 's/^OK.*/OK/' > "$here/cases.expected"
# pgq: for each argument, PQexec it (or, for "P:sql", PQprepare + PQdescribePrepared and
# print "PARAMS $n:format_type ..."), printing "OK" or "ERR" with PG_DIAG_SQLSTATE,
# PG_DIAG_MESSAGE_PRIMARY, PG_DIAG_STATEMENT_POSITION (0 if none), HINT and DETAIL.
