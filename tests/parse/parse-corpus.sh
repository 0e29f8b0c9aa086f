#!/bin/sh
# parse-corpus.sh — parses every statement and query of the sqllogictest corpus that
# applies to PostgreSQL, and deparses/re-parses each one (round trip).  Not part of
# make check: the corpus is large.  Usage (from the build tree):
#   tests/parse/parse-corpus.sh [corpus-dir]      (default ../shared/slt of the source tree)
# Prints each failure and a summary; exits 1 if anything failed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-${top_srcdir:-$here/../..}/../../shared/slt}
[ -d "$dir" ] || dir=/work/shared/slt
tool=${PARSE_TOOL:-$here/parse_tool}
[ -x "$tool" ] || tool=./tests/parse/parse_tool
find "$dir" -name '*.test' | sort | while read -r f; do
	awk -f "$here/slt-extract.awk" "$f"
done | "$tool" -r -q
