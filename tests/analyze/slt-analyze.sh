#!/bin/sh
# slt-analyze.sh — parse + analyze (no execution) of every SELECT/INSERT/UPDATE/DELETE of the
# sqllogictest corpus that applies to PostgreSQL, after the CREATE TABLE/INDEX/VIEW
# statements of each file.  Not part of make check.  Usage (from the build tree, after
# `make check` built tests/analyze/anl_tool):
#   tests/analyze/slt-analyze.sh [corpus-dir] [-v]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-/work/shared/slt}
[ -d "$dir" ] || dir=$here/../../../shared/slt
tool=${ANL_TOOL:-./tests/analyze/anl_tool}
find "$dir" -name '*.test' | sort | while read -r f; do
	awk -f "$here/../parse/slt-extract.awk" "$f"
done | "$tool" ${2:-}
