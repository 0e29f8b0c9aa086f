#!/bin/sh
# Lint every manual page with groff's warnings on; any warning fails the test.
set -u
srcdir=${top_srcdir:-$(dirname "$0")/..}
status=0
for page in "$srcdir"/man/*.[0-9]; do
	out=$(LC_ALL=C groff -man -ww -z "$page" 2>&1)
	if [ -n "$out" ]; then
		echo "FAIL: $page"
		echo "$out"
		status=1
	else
		echo "ok: $page"
	fi
	if LC_ALL=C grep -n '[^ -~	]' "$page" >/dev/null; then
		echo "FAIL: $page has non-ASCII characters (use groff escapes)"
		status=1
	fi
done
exit $status
