# msggen.awk — generate the message structs, field tables and reference page from msg.def.
#   awk -v out=h  -f msggen.awk msg.def > msg_gen.h
#   awk -v out=c  -f msggen.awk msg.def > msg_gen.c
#   awk -v out=md -f msggen.awk msg.def > messages.md
# Any malformed line fails the generation with "msg.def:LINE: reason".

function fail(why) {
	printf "msg.def:%d: %s\n", NR, why > "/dev/stderr"
	bad = 1
	exit 1
}

function cstr(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	return "\"" s "\""
}

/^[ \t]*#/ || /^[ \t]*$/ { next }

{
	bar = index($0, "|")
	if (bar == 0)
		fail("missing \"| description\"")
	desc = substr($0, bar + 1)
	sub(/^[ \t]+/, "", desc)
	sub(/[ \t]+$/, "", desc)
	if (desc == "")
		fail("empty description")
	nf = split(substr($0, 1, bar - 1), w, /[ \t]+/)
	# split() on a line with leading blanks yields an empty first word
	k = 1
	if (w[1] == "")
		k = 2
	if (nf - k + 1 < 3)
		fail("expected CODE NAME CHANNEL")
	code = w[k]; name = w[k + 1]; chan = w[k + 2]
	if (code !~ /^[0-9]+$/ || code + 0 < 1 || code + 0 > 65535)
		fail("code must be 1..65535")
	if (name !~ /^[A-Z][A-Z0-9_]*$/)
		fail("name must be upper case")
	if (chan != "mailbox" && chan != "pipe" && chan != "handoff")
		fail("channel must be mailbox, pipe or handoff")
	if (code in seen_code)
		fail("code " code " used twice")
	if (name in seen_name)
		fail("name " name " used twice")
	seen_code[code] = 1
	seen_name[name] = 1
	n++
	m_code[n] = code; m_name[n] = name; m_chan[n] = chan; m_desc[n] = desc
	m_nf[n] = 0
	for (i = k + 3; i <= nf; i++) {
		if (w[i] == "")
			continue
		if (split(w[i], fv, ":") != 2 || fv[1] !~ /^[a-z][a-z0-9_]*$/)
			fail("field must be name:type, got \"" w[i] "\"")
		t = fv[2]; cap = 0
		if (t ~ /^(str|bytes)<[0-9]+>$/) {
			cap = t
			sub(/^[a-z]+</, "", cap)
			sub(/>$/, "", cap)
			sub(/<.*$/, "", t)
			if (cap + 0 < 1 || cap + 0 > 65535)
				fail("capacity must be 1..65535")
		} else if (t !~ /^(u32|i32|u64|i64)$/) {
			fail("unknown field type \"" t "\"")
		}
		j = ++m_nf[n]
		f_name[n, j] = fv[1]; f_type[n, j] = t; f_cap[n, j] = cap
	}
}

function lower(s) { return tolower(s) }

function ctype(t) {
	if (t == "u32") return "uint32_t"
	if (t == "i32") return "int32_t"
	if (t == "u64") return "uint64_t"
	return "int64_t"
}

function gen_h(   i, j) {
	print "/* Generated from proto/msg.def by proto/msggen.awk: do not edit. */"
	print "#ifndef PH_PROTO_MSG_GEN_H"
	print "#define PH_PROTO_MSG_GEN_H"
	print ""
	print "#include <stdint.h>"
	print ""
	print "enum msg_type {"
	for (i = 1; i <= n; i++)
		printf "\tMSG_%s = %d,\n", m_name[i], m_code[i]
	print "};"
	printf "\n#define MSG_NTYPES %d\n\n", n
	for (i = 1; i <= n; i++) {
		printf "/* %s */\n", m_desc[i]
		printf "typedef struct msg_%s {\n", lower(m_name[i])
		if (m_nf[i] == 0)
			print "\tuint8_t unused_;"
		for (j = 1; j <= m_nf[i]; j++) {
			if (f_type[i, j] == "str")
				printf "\tchar %s[%d];\n", f_name[i, j], f_cap[i, j]
			else if (f_type[i, j] == "bytes")
				printf "\tuint32_t %s_len;\n\tuint8_t %s[%d];\n", f_name[i, j], f_name[i, j], f_cap[i, j]
			else
				printf "\t%s %s;\n", ctype(f_type[i, j]), f_name[i, j]
		}
		printf "} msg_%s;\n\n", lower(m_name[i])
	}
	print "/* Any message body (decoding target). */"
	print "typedef union msg_body {"
	for (i = 1; i <= n; i++)
		printf "\tmsg_%s %s;\n", lower(m_name[i]), lower(m_name[i])
	print "} msg_body;"
	print ""
	print "#endif"
}

function gen_c(   i, j, s, kind) {
	print "/* Generated from proto/msg.def by proto/msggen.awk: do not edit. */"
	print "#include <stddef.h>"
	print ""
	print "#include \"proto/msg.h\""
	print ""
	for (i = 1; i <= n; i++) {
		if (m_nf[i] == 0)
			continue
		s = "msg_" lower(m_name[i])
		printf "static const msg_field fields_%s[] = {\n", lower(m_name[i])
		for (j = 1; j <= m_nf[i]; j++) {
			kind = "MF_" toupper(f_type[i, j])
			if (f_type[i, j] == "bytes")
				printf "\t{\"%s\", %s, offsetof(%s, %s), %d, offsetof(%s, %s_len)},\n", \
					f_name[i, j], kind, s, f_name[i, j], f_cap[i, j], s, f_name[i, j]
			else
				printf "\t{\"%s\", %s, offsetof(%s, %s), %d, 0},\n", \
					f_name[i, j], kind, s, f_name[i, j], f_cap[i, j]
		}
		print "};"
	}
	print ""
	print "const msg_desc msg_table[] = {"
	for (i = 1; i <= n; i++) {
		printf "\t{MSG_%s, \"%s\", MSG_CH_%s, %s, %d, sizeof(msg_%s),\n\t %s},\n", \
			m_name[i], m_name[i], toupper(m_chan[i]), \
			(m_nf[i] ? "fields_" lower(m_name[i]) : "NULL"), m_nf[i], lower(m_name[i]), \
			cstr(m_desc[i])
	}
	print "};"
	print ""
	print "const unsigned msg_table_len = sizeof(msg_table) / sizeof(msg_table[0]);"
}

function gen_md(   i, j, fl) {
	print "# Inter-process messages"
	print ""
	print "Generated from `proto/msg.def` by `proto/msggen.awk` (`make proto-doc` refreshes this"
	print "file; `make check` fails when it is stale).  The header and encoding rules are in"
	print "[README.md](README.md)."
	print ""
	print "| code | name | channel | fields | description |"
	print "|---:|---|---|---|---|"
	for (i = 1; i <= n; i++) {
		fl = ""
		for (j = 1; j <= m_nf[i]; j++) {
			fl = fl (j > 1 ? ", " : "") "`" f_name[i, j] ": " f_type[i, j]
			if (f_cap[i, j])
				fl = fl "<" f_cap[i, j] ">"
			fl = fl "`"
		}
		if (fl == "")
			fl = "(none)"
		printf "| %d | %s | %s | %s | %s |\n", m_code[i], m_name[i], m_chan[i], fl, m_desc[i]
	}
}

END {
	if (bad)
		exit 1
	if (n == 0) {
		print "msg.def: no messages" > "/dev/stderr"
		exit 1
	}
	if (out == "h")
		gen_h()
	else if (out == "c")
		gen_c()
	else if (out == "md")
		gen_md()
	else {
		print "msggen.awk: set -v out=h, c or md" > "/dev/stderr"
		exit 1
	}
}
