/*
 * parse.h — the SQL parser: query text in, raw parse tree (ast.h) out, and back.
 *
 * A hand-written recursive-descent parser following PostgreSQL 15's grammar (plus MySQL's
 * INSERT ... ON DUPLICATE KEY UPDATE and the few sqlite forms the sqllogictest corpus uses);
 * see lib/sql/parse/README.md for the design and doc/sql-syntax.md for the language.
 *
 * Common contract of the functions below:
 *  - Any process may call them; they take no locks and keep no state between calls (the
 *    keyword hash is built once per process on first use).
 *  - Everything returned is palloc'd in mem_cur (util/mem.h): free it by resetting that
 *    context.  Input strings are only borrowed.
 *  - Errors unwind through util/err.h with err_position set to the 1-based character
 *    position in the query string:
 *      42601 syntax_error: "syntax error at or near \"tok\"", "syntax error at end of
 *            input", unterminated quoted string / identifier / comment / dollar-quoted
 *            string / bit or hexadecimal string, "trailing junk after numeric literal",
 *            "zero-length delimited identifier", and PostgreSQL's grammar-level checks
 *            (multiple ORDER BY clauses, conflicting constraint properties ...)
 *      54001 statement_too_complex: nesting deeper than PARSE_MAX_DEPTH (1000) levels
 *      22025 invalid_escape_sequence, 22021 character_not_in_repertoire (string escapes)
 *      22023 invalid_parameter_value (float(p) out of range), 42P20 windowing_error (frame
 *            clauses), 0A000 feature_not_supported (LIMIT #,#, MATCH PARTIAL ...),
 *            42939 reserved_name (role "none"), 53200 out of memory
 */
#ifndef PH_SQL_PARSE_H
#define PH_SQL_PARSE_H

#include <stdbool.h>

#include "sql/parse/ast.h"

/*
 * Parse a query string holding zero or more statements separated by semicolons.  Returns
 * a list of RawStmt (NULL for an empty query), each with the statement, the byte offset of
 * its first token and its length up to the end of its last token.  The whole string is
 * lexed and parsed before returning, so a syntax error anywhere fails the whole batch (as
 * PostgreSQL does for simple-protocol queries).  If notices is not NULL it receives the
 * ParseNotice list (42622: identifiers truncated to 63 bytes), or NULL.
 */
ast_list *parse_sql(const char *query, ast_list **notices);

/* One expression (a stored CHECK or DEFAULT, a view column) and nothing else. */
ast_node *parse_expr(const char *text);

/* One type name ("integer", "varchar(10)", "pg_catalog.int4[]"), as in a cast. */
TypeName *parse_type_name(const char *text);

/* 1-based character position of node location loc in query (0 when loc < 0): the value
 * for err_position() when the analyzer reports an error at a node. */
int parse_errposition(const char *query, int loc);

/*
 * SQL text of a statement or expression node (canonical: keywords upper case, operators
 * fully parenthesised, identifiers quoted when needed).  Parsing the text yields a tree
 * ast_equal() to n.  Raises XX000 for a node that is not a statement or expression.
 */
char *ast_deparse(const void *n);
/* SQL text of a type name (SQL-standard spelling where there is one: "integer"). */
char *parse_deparse_type(const TypeName *t);

/* An identifier as SQL text: quoted when it is not all lower-case letters, digits, _ and
 * $ starting with a letter or _, or when it is a keyword that is not unreserved. */
char *parse_quote_ident(const char *s);
bool parse_ident_needs_quotes(const char *s);

#endif
