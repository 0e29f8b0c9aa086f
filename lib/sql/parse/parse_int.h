/*
 * parse_int.h — internal to lib/sql/parse: tokens, keywords, the parser state, and the
 * helpers shared by the lexer (scan.c), the grammar files (gram*.c) and the deparser.
 */
#ifndef PH_SQL_PARSE_INT_H
#define PH_SQL_PARSE_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "sql/parse/ast.h"

/* ---- keywords ---------------------------------------------------------------------------- */

typedef enum kw_id {
	KW__NONE = 0,
#define KW(text, id, cat, bare) KW_##id,
#include "sql/parse/kwlist.h"
#undef KW
	/* Lookahead variants made by the lexer's filter pass (PostgreSQL's *_LA tokens): never
	 * identifiers.  NOT before BETWEEN/IN/LIKE/ILIKE/SIMILAR, NULLS before FIRST/LAST, WITH
	 * before TIME/ORDINALITY, WITHOUT before TIME. */
	KW_NOT_LA,
	KW_NULLS_LA,
	KW_WITH_LA,
	KW_WITHOUT_LA,
	KW_COUNT
} kw_id;

typedef enum { KWC_UNRESERVED, KWC_COL_NAME, KWC_TYPE_FUNC_NAME, KWC_RESERVED } kw_category;

typedef struct kw_info {
	const char *text;
	uint8_t category;   /* kw_category */
	bool bare;          /* may be a column label without AS */
} kw_info;

extern const kw_info kw_table[KW_COUNT];

/* Keyword id of a word (any case, length n), or KW__NONE. */
kw_id kw_lookup(const char *s, int n);

/* ---- tokens -------------------------------------------------------------------------------- */

typedef enum tok_type {
	TK_EOF = 0,
	/* 1..255: one-character tokens, by their character: ( ) [ ] , ; : . + - * / % ^ < > = $ */
	TK_IDENT = 256,     /* str: folded (or quoted) identifier */
	TK_KEYWORD,         /* kw; str: the keyword's text */
	TK_SCONST,          /* str: the string after escape processing */
	TK_BCONST,          /* str: "b0101" */
	TK_XCONST,          /* str: "x1F" */
	TK_ICONST,          /* ival: an integer that fits int4 */
	TK_FCONST,          /* str: other numbers */
	TK_PARAM,           /* ival: $n */
	TK_OP,              /* str: an operator that is not one of the tokens below */
	TK_TYPECAST,        /* :: */
	TK_DOT_DOT,         /* .. */
	TK_COLON_EQUALS,    /* := */
	TK_EQUALS_GREATER,  /* => */
	TK_LESS_EQUALS,     /* <= */
	TK_GREATER_EQUALS,  /* >= */
	TK_NOT_EQUALS,      /* <> or != */
	TK_LEXERROR         /* a lexical error (ps->lex_error), raised when the parser gets here */
} tok_type;

typedef struct token {
	uint16_t type;      /* tok_type */
	uint16_t kw;        /* kw_id for TK_KEYWORD */
	int32_t loc;        /* byte offset of its first character */
	int32_t end;        /* byte offset after its last character */
	int32_t ival;
	char *str;
} token;

/* ---- parser state -------------------------------------------------------------------------- */

/* Nesting deeper than this raises 54001 (protects the C stack of the parser, the deparser
 * and every recursive walker of the tree).  Both recursion (parentheses, subqueries) and
 * left-deep chains (a + b + c ..., UNION chains, join chains, x::t::t) count, so no tree
 * the parser returns is deeper than this.  PostgreSQL accepts about 1000-4000. */
#define PARSE_MAX_DEPTH 3000
#define NAMEDATALEN 64

typedef struct parse_state {
	const char *src;    /* the query string */
	int srclen;
	token *toks;        /* all tokens of src, then TK_EOF */
	int ntoks;
	int cap;
	int pos;            /* current token */
	int depth;          /* nesting depth of the recursive descent */
	ast_list *notices;  /* ParseNotice list */
	bool in_odku;       /* in ON DUPLICATE KEY UPDATE: VALUES(col) means excluded.col */
	int target_start;   /* token index where the current target list entry starts, or -1 */
	struct err_info *lex_error; /* the error at the TK_LEXERROR token, if any */
	bool in_substring;  /* in SUBSTRING's first argument: SIMILAR without TO is its own */
} parse_state;

/* Lexer: fill ps->toks from ps->src; a lexical error becomes a TK_LEXERROR token. */
void scan_tokens(parse_state *ps);
/* Raise the lexical error recorded at the TK_LEXERROR token. */
noreturn void scan_raise_lex_error(parse_state *ps);

/* Fold an identifier to lower case (ASCII letters only, as PostgreSQL does for UTF-8) and
 * truncate it to NAMEDATALEN-1 bytes, adding a 42622 notice when truncating. */
char *scan_identifier(parse_state *ps, const char *s, int n, bool fold, int loc);

/* 1-based character position of byte offset loc in src. */
int scan_char_position(const char *src, int loc);

/* Errors: raise 42601 "syntax error at or near ..." at token t / at the current token. */
noreturn void parse_syntax_error_at(parse_state *ps, const token *t);
noreturn void parse_syntax_error(parse_state *ps);
/* Raise code with a message and the position of byte offset loc (-1: none). */
noreturn void parse_error_loc(parse_state *ps, const char *code, int loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Token access. */
static inline token *cur_tok(parse_state *ps) { return &ps->toks[ps->pos]; }
static inline token *peek_tok(parse_state *ps, int k)
{
	int i = ps->pos + k;

	return &ps->toks[i < ps->ntoks ? i : ps->ntoks - 1];
}
static inline bool tok_is_kw(const token *t, kw_id k) { return t->type == TK_KEYWORD && t->kw == k; }
static inline bool is_kw(parse_state *ps, kw_id k) { return tok_is_kw(cur_tok(ps), k); }
static inline bool is_char(parse_state *ps, int c) { return cur_tok(ps)->type == c; }
static inline bool peek_kw(parse_state *ps, int k, kw_id kw) { return tok_is_kw(peek_tok(ps, k), kw); }
static inline bool peek_char(parse_state *ps, int k, int c) { return peek_tok(ps, k)->type == c; }
static inline void advance(parse_state *ps) { if (ps->pos < ps->ntoks - 1) ps->pos++; }

bool accept_kw(parse_state *ps, kw_id k);
bool accept_char(parse_state *ps, int c);
void expect_kw(parse_state *ps, kw_id k);
void expect_char(parse_state *ps, int c);
/* Is the current token the identifier (non-keyword word) w? (DUPLICATE, IGNORE ...) */
bool is_word(parse_state *ps, const char *w);

/* Token classes of PostgreSQL's grammar. */
bool tok_is_colid(const token *t);          /* IDENT, unreserved or column-name keyword */
bool tok_is_type_func_name(const token *t); /* IDENT, unreserved or type/function keyword */
bool tok_is_col_label(const token *t);      /* IDENT or any keyword */
bool tok_is_bare_label(const token *t);     /* IDENT or a bare-label keyword */
bool tok_is_nonreserved(const token *t);    /* IDENT or any non-reserved keyword */

/* Recursion guard: call enter at the top of every recursive production, leave at its end. */
void parse_enter(parse_state *ps);
static inline void parse_leave(parse_state *ps) { ps->depth--; }
/* A loop whose result nests one level deeper at each turn: parse_enter at each turn, then
 * parse_leave_n with the number of turns after the loop. */
static inline void parse_leave_n(parse_state *ps, int n) { ps->depth -= n; }

/* ---- grammar entry points shared between the gram*.c files ------------------------------- */

/* item, item, ...: a list of what item() parses, at least one */
typedef ast_node *(*gram_item_fn)(parse_state *ps);
ast_list *gram_comma_list(parse_state *ps, gram_item_fn item);

/* gram.c: statements */
ast_node *gram_stmt(parse_state *ps);
ast_node *gram_select(parse_state *ps);              /* SelectStmt, with WITH/ORDER/LIMIT */
ast_node *gram_select_after_with(parse_state *ps, WithClause *with);
ast_node *gram_preparable_stmt(parse_state *ps);     /* SELECT/INSERT/UPDATE/DELETE */
bool gram_at_select_start(parse_state *ps, int k);   /* SELECT, VALUES, TABLE, WITH at +k */
ast_node *gram_select_continue(parse_state *ps, SelectStmt *first);
WithClause *gram_with_clause(parse_state *ps);
ast_list *gram_target_list(parse_state *ps);
ast_list *gram_from_list(parse_state *ps);
ast_list *gram_sort_clause(parse_state *ps);         /* after ORDER BY */
ast_list *gram_returning(parse_state *ps);           /* RETURNING ... or NULL */
ast_node *gram_where(parse_state *ps);               /* WHERE expr or NULL */
RangeVar *gram_relation_expr(parse_state *ps);       /* [ONLY] qualified_name [*] */
ast_list *gram_relation_expr_list(parse_state *ps);
Alias *gram_opt_alias(parse_state *ps, bool allow_bare);
ast_list *gram_values_lists(parse_state *ps);

/* gram_expr.c: expressions, names, types */
ast_node *gram_expr(parse_state *ps);                 /* a_expr */
ast_node *gram_b_expr(parse_state *ps);               /* b_expr */
ast_node *gram_expr_from_primary(parse_state *ps, ast_node *primary);
ast_list *gram_expr_list(parse_state *ps);
ast_list *gram_indirection(parse_state *ps);          /* .name .* [i] [a:b] ..., or NULL */
ast_node *gram_paren_select_or_expr(parse_state *ps, bool *is_select);
ast_node *gram_func_application(parse_state *ps, ast_list *name, int loc);
ast_node *gram_func_expr(parse_state *ps);            /* a function call, no operators */
TypeName *gram_typename(parse_state *ps);             /* Typename */
TypeName *gram_func_type(parse_state *ps);            /* func_type (allows %TYPE) */
char *gram_colid(parse_state *ps);                    /* ColId */
char *gram_col_label(parse_state *ps);                /* ColLabel */
char *gram_name_or_string(parse_state *ps);           /* NonReservedWord_or_Sconst */
char *gram_sconst(parse_state *ps);                   /* Sconst */
int gram_iconst(parse_state *ps);                     /* Iconst */
ast_list *gram_any_name(parse_state *ps);             /* ColId attrs */
ast_list *gram_qualified_name_list(parse_state *ps);  /* names for DROP etc. */
RangeVar *gram_qualified_name(parse_state *ps);
ast_node *gram_qualified_name_item(parse_state *ps);   /* the same as an ast_node */
RangeVar *gram_rangevar_from_names(parse_state *ps, ast_list *names, int loc);
ast_list *gram_name_list(parse_state *ps);            /* ColId, ColId ... as Strings */
ast_list *gram_opt_name_list(parse_state *ps);        /* [(name, ...)] */
ast_list *gram_qual_op(parse_state *ps, bool *ok);    /* operator name (OPERATOR(...)) */
SortBy *gram_sortby(parse_state *ps);
WindowDef *gram_window_spec(parse_state *ps);         /* ( ... ) */
ast_node *gram_numeric_only(parse_state *ps);         /* [+-] number: Integer / Float */
ast_node *gram_a_const(parse_state *ps, int loc, const_kind k, int ival, const char *s);
RoleSpec *gram_rolespec(parse_state *ps);
ast_node *gram_def_arg(parse_state *ps);

/* gram_ddl.c / gram_util.c: statements by first keyword */
ast_node *gram_create(parse_state *ps);
ast_node *gram_alter(parse_state *ps);
ast_node *gram_drop(parse_state *ps);
ast_node *gram_truncate(parse_state *ps);
ast_node *gram_reindex(parse_state *ps);
ast_node *gram_comment(parse_state *ps);
ast_node *gram_grant(parse_state *ps, bool is_grant);
ast_node *gram_refresh(parse_state *ps);
ast_list *gram_seq_options(parse_state *ps, bool alter);
ast_node *gram_transaction(parse_state *ps);
ast_node *gram_set(parse_state *ps);
VariableSetStmt *gram_set_rest(parse_state *ps, bool is_local);
ast_node *gram_show(parse_state *ps);
ast_node *gram_reset(parse_state *ps);
ast_node *gram_prepare(parse_state *ps);
ast_node *gram_execute(parse_state *ps);
ast_node *gram_deallocate(parse_state *ps);
ast_node *gram_lock(parse_state *ps);
ast_node *gram_copy(parse_state *ps);
ast_node *gram_explain(parse_state *ps);
ast_node *gram_vacuum(parse_state *ps, bool is_vacuum);
ast_node *gram_misc(parse_state *ps);   /* LISTEN, NOTIFY, DISCARD, CHECKPOINT, CALL, DO ... */
ast_list *gram_transaction_modes(parse_state *ps);
ast_list *gram_generic_options(parse_state *ps, bool any_name); /* ( name [arg], ... ) */
DefElem *gram_defelem(const char *name, ast_node *arg, int loc);
ast_node *gram_boolean(bool v, int loc);                 /* a Boolean node */

/* ---- string building (ast.c) --------------------------------------------------------------- */

typedef struct strbuf {
	char *s;
	int len;
	int cap;
} strbuf;

void sb_init(strbuf *b, int cap);
void sb_put(strbuf *b, const char *s, int n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
