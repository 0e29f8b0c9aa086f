# slt-extract.awk — prints the SQL of every sqllogictest record that applies to PostgreSQL,
# as records for parse_tool: "#file:line", the SQL, then a line holding only \036.
# Records under "onlyif <other db>" or "skipif postgresql" are left out; "halt" ends the
# file unless a condition excludes it.
function flush() {
	if (nsql > 0 && !skip) {
		printf "#%s:%d\n", FILENAME, start
		for (i = 1; i <= nsql; i++) print sql[i]
		print "\036"
	}
	nsql = 0; skip = 0; insql = 0
}
{ sub(/\r$/, "") }
FNR == 1 { flush(); halted = 0; skip = 0; pending = 0 }
halted { next }
insql {
	if ($0 == "" || $0 == "----") { flush(); inresult = ($0 == "----"); next }
	sql[++nsql] = $0
	next
}
inresult { if ($0 == "") inresult = 0; next }
/^#/ || NF == 0 { next }
$1 == "skipif" { if ($2 == "postgresql") pending = 1; next }
$1 == "onlyif" { if ($2 != "postgresql") pending = 1; next }
$1 == "halt" { if (!pending) halted = 1; pending = 0; next }
$1 == "statement" || $1 == "query" { insql = 1; skip = pending; pending = 0; start = FNR + 1; next }
{ pending = 0 }
END { flush() }
