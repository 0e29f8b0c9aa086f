#!/bin/sh
# Fails when proto/messages.md no longer matches proto/msg.def (run `make proto-doc`).
set -u
srcdir=${top_srcdir:-$(dirname "$0")/..}
tmp=${TMPDIR:-/tmp}/msgdoc.$$
trap 'rm -f "$tmp"' EXIT
awk -v out=md -f "$srcdir/proto/msggen.awk" "$srcdir/proto/msg.def" > "$tmp" || exit 1
if ! cmp -s "$tmp" "$srcdir/proto/messages.md"; then
	echo "FAIL: proto/messages.md is stale; run 'make proto-doc' and commit it"
	diff -u "$srcdir/proto/messages.md" "$tmp"
	exit 1
fi
echo "ok: proto/messages.md matches proto/msg.def"
