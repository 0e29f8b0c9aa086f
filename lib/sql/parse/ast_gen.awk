# ast_gen.awk — builds the field table of every AST node (ast_fields.c) from the struct
# definitions in ast.h between AST-NODES-BEGIN and AST-NODES-END.  Each struct must begin
# with "ast_node hdr;" and declare one field per line; the field's C type gives its kind:
#   char *          AF_STR      ast_list *      AF_LIST     other pointer   AF_NODE
#   bool            AF_BOOL     char            AF_CHAR     int64_t         AF_INT64
#   anything else   AF_INT (int and enums; checked to have the size of an int)
BEGIN {
  print "/* Generated from ast.h by ast_gen.awk: do not edit. */"
  print "#include <stddef.h>"
  print "#include \"sql/parse/ast.h\""
  print "#include \"sql/parse/ast_int.h\""
  print ""
  inside = 0; cur = ""; n = 0
}
/^\/\* AST-NODES-BEGIN/ { inside = 1; next }
/^\/\* AST-NODES-END/ { inside = 0; next }
!inside { next }
/^typedef struct [A-Za-z_]+ \{/ {
  cur = $3; names[n++] = cur; nf = 0; sawhdr = 0
  printf "static const ast_field f_%s[] = {\n", cur
  next
}
cur != "" && /^\}/ {
  if (!sawhdr) { printf "ast.h: struct %s lacks its ast_node header\n", cur > "/dev/stderr"; bad = 1; exit 1 }
  print "\t{NULL, 0, 0}"
  print "};"
  cur = ""
  next
}
cur != "" {
  line = $0
  sub(/\/\*.*$/, "", line)
  if (line ~ /^[ \t]*\*/ || line ~ /^[ \t]*$/) next
  if (line !~ /;[ \t]*$/) { printf "ast.h: cannot read field line in %s: %s\n", cur, $0 > "/dev/stderr"; bad = 1; exit 1 }
  sub(/;[ \t]*$/, "", line)
  sub(/^[ \t]+/, "", line)
  if (line == "ast_node hdr") { sawhdr = 1; next }
  # the field name is the last identifier; the type is what precedes it
  fname = line; sub(/^.*[ \t*]/, "", fname)
  ctype = substr(line, 1, length(line) - length(fname))
  gsub(/[ \t]+$/, "", ctype)
  if (ctype ~ /\*$/) {
    if (ctype ~ /^char[ \t]*\*$/) kind = "AF_STR"
    else if (ctype ~ /^ast_list[ \t]*\*$/) kind = "AF_LIST"
    else kind = "AF_NODE"
  } else if (ctype == "bool") kind = "AF_BOOL"
  else if (ctype == "char") kind = "AF_CHAR"
  else if (ctype == "int64_t") kind = "AF_INT64"
  else {
    kind = "AF_INT"
    asserts[na++] = sprintf("_Static_assert(sizeof(((%s *)0)->%s) == sizeof(int), \"%s.%s is int-sized\");", cur, fname, cur, fname)
  }
  printf "\t{\"%s\", %s, offsetof(%s, %s)},\n", fname, kind, cur, fname
  next
}
END {
  if (bad) exit 1
  print ""
  for (i = 0; i < na; i++) print asserts[i]
  print ""
  print "const ast_node_info ast_node_table[T_NUM_TAGS] = {"
  for (i = 0; i < n; i++) printf "\t[T_%s] = {\"%s\", sizeof(%s), f_%s},\n", names[i], names[i], names[i], names[i]
  print "};"
}
