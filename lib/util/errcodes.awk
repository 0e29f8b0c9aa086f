# Generates err_codes.h from errcodes.txt: one #define per SQLSTATE, plus a table
# mapping codes to condition names (used by error messages and the docs).
BEGIN {
  print "/* Generated from lib/util/errcodes.txt by errcodes.awk: do not edit. */"
  print "#ifndef PH_ERR_CODES_H"
  print "#define PH_ERR_CODES_H"
  n = 0
}
/^#/ || NF == 0 { next }
NF != 3 || length($1) != 5 { printf "errcodes.txt:%d: malformed line\n", NR > "/dev/stderr"; bad = 1; exit 1 }
{ printf "#define %s \"%s\"\n", $2, $1; code[n] = $1; name[n] = $3; n++ }
END {
  if (bad) exit 1
  print ""
  print "#ifdef PH_ERR_CODES_TABLE"
  print "static const struct { const char *code; const char *name; } err_code_table[] = {"
  for (i = 0; i < n; i++) printf "\t{\"%s\", \"%s\"},\n", code[i], name[i]
  print "};"
  print "#endif"
  print "#endif"
}
