/*
 * ast.c — allocation of parse-tree nodes and lists, and the generic tree operations (walk,
 * copy, equal, dump) driven by the field table generated from ast.h (see ast_int.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sql/parse/ast.h"
#include "sql/parse/ast_int.h"
#include "sql/parse/parse_int.h"
#include "util/err.h"
#include "util/mem.h"

void *
ast_new_node(ast_tag tag, size_t size, int loc)
{
	ast_node *n = palloc0(size);

	n->type = (uint16_t)tag;
	n->loc = loc;
	return n;
}

/* ---- lists -------------------------------------------------------------------------------- */

/* A list and its first `cap` slots are one allocation; a list that outgrows them gets a
 * separate items array (the inline slots are then left unused). */
static ast_list *
list_new(int cap)
{
	ast_list *l = palloc(sizeof(ast_list) + sizeof(ast_node *) * (size_t)cap);

	l->hdr.type = T_List;
	l->hdr.loc = -1;
	l->n = 0;
	l->cap = cap;
	l->items = (ast_node **)(l + 1);
	return l;
}

ast_list *
ast_list_append(ast_list *l, void *x)
{
	if (l == NULL)
		l = list_new(4);
	else if (l->n == l->cap) {
		ast_node **items = palloc(sizeof(ast_node *) * (size_t)l->cap * 2);

		memcpy(items, l->items, sizeof(ast_node *) * (size_t)l->n);
		if (l->items != (ast_node **)(l + 1))
			pfree(l->items);
		l->items = items;
		l->cap *= 2;
	}
	l->items[l->n++] = x;
	return l;
}

ast_list *
ast_list_new(void)
{
	return list_new(4);
}

ast_list *
ast_list_make1(ast_node *x)
{
	return ast_list_append(NULL, x);
}

ast_list *
ast_list_make2(ast_node *x, ast_node *y)
{
	return ast_list_append(ast_list_append(NULL, x), y);
}

ast_list *
ast_list_concat(ast_list *a, const ast_list *b)
{
	for (int i = 0; i < ast_list_length(b); i++)
		a = ast_list_append(a, b->items[i]);
	return a;
}

/* ---- value nodes -------------------------------------------------------------------------- */

String *
ast_string(const char *s, int loc)
{
	String *n = AST_NEW(String, loc);

	n->sval = pstrdup(s);
	return n;
}

Integer *
ast_integer(int v, int loc)
{
	Integer *n = AST_NEW(Integer, loc);

	n->ival = v;
	return n;
}

const char *
ast_strval(const ast_node *n)
{
	PH_ASSERT(AST_IS(n, String));
	return ((const String *)n)->sval;
}

const char *
ast_tag_name(int tag)
{
	if (tag == T_List)
		return "List";
	if (tag <= T_Invalid || tag >= T_NUM_TAGS || ast_node_table[tag].name == NULL)
		return "?";
	return ast_node_table[tag].name;
}

static const ast_node_info *
node_info(const ast_node *n)
{
	int tag = n->type;

	if (tag <= T_List || tag >= T_NUM_TAGS || ast_node_table[tag].name == NULL)
		ph_internal("unrecognized parse node type %d", tag);
	return &ast_node_table[tag];
}

#define FIELD_PTR(n, f) ((char *)(n) + (f)->offset)

/* ---- walk --------------------------------------------------------------------------------- */

bool
ast_walk(ast_node *n, ast_walker fn, void *ctx)
{
	if (n == NULL)
		return false;
	if (n->type == T_List) {
		ast_list *l = (ast_list *)n;

		for (int i = 0; i < l->n; i++)
			if (l->items[i] != NULL && fn(l->items[i], ctx))
				return true;
		return false;
	}
	for (const ast_field *f = node_info(n)->fields; f->name; f++) {
		if (f->kind == AF_NODE) {
			ast_node *c = *(ast_node **)FIELD_PTR(n, f);

			if (c != NULL && fn(c, ctx))
				return true;
		} else if (f->kind == AF_LIST) {
			if (ast_walk(*(ast_node **)FIELD_PTR(n, f), fn, ctx))
				return true;
		}
	}
	return false;
}

typedef struct tree_walk_ctx {
	ast_walker fn;
	void *ctx;
} tree_walk_ctx;

static bool
tree_walk_step(ast_node *n, void *arg)
{
	tree_walk_ctx *t = arg;

	if (n->type != T_List && t->fn(n, t->ctx))
		return true;
	return ast_walk(n, tree_walk_step, t);
}

bool
ast_tree_walk(ast_node *n, ast_walker fn, void *ctx)
{
	tree_walk_ctx t = {fn, ctx};

	if (n == NULL)
		return false;
	return tree_walk_step(n, &t);
}

/* ---- copy --------------------------------------------------------------------------------- */

void *
ast_copy(const void *p)
{
	const ast_node *n = p;

	if (n == NULL)
		return NULL;
	if (n->type == T_List) {
		const ast_list *l = p;
		ast_list *c = list_new(l->n > 0 ? l->n : 1);

		c->hdr.loc = l->hdr.loc;
		for (int i = 0; i < l->n; i++)
			c->items[i] = ast_copy(l->items[i]);
		c->n = l->n;
		return c;
	}
	const ast_node_info *info = node_info(n);
	ast_node *c = palloc(info->size);

	memcpy(c, n, info->size);
	for (const ast_field *f = info->fields; f->name; f++) {
		void **slot = (void **)FIELD_PTR(c, f);

		if (f->kind == AF_NODE || f->kind == AF_LIST)
			*slot = ast_copy(*slot);
		else if (f->kind == AF_STR && *slot != NULL)
			*slot = pstrdup(*slot);
	}
	return c;
}

/* ---- equal -------------------------------------------------------------------------------- */

bool
ast_equal(const void *pa, const void *pb)
{
	const ast_node *a = pa, *b = pb;

	if (a == b)
		return true;
	/* NULL and an empty list are both the empty list */
	if (a == NULL)
		return b->type == T_List && ((const ast_list *)b)->n == 0;
	if (b == NULL)
		return a->type == T_List && ((const ast_list *)a)->n == 0;
	if (a->type != b->type)
		return false;
	if (a->type == T_List) {
		const ast_list *la = pa, *lb = pb;

		if (la->n != lb->n)
			return false;
		for (int i = 0; i < la->n; i++)
			if (!ast_equal(la->items[i], lb->items[i]))
				return false;
		return true;
	}
	for (const ast_field *f = node_info(a)->fields; f->name; f++) {
		const char *fa = FIELD_PTR(a, f), *fb = FIELD_PTR(b, f);

		switch ((ast_field_kind)f->kind) {
		case AF_NODE:
		case AF_LIST:
			if (!ast_equal(*(void *const *)fa, *(void *const *)fb))
				return false;
			break;
		case AF_STR: {
			const char *sa = *(char *const *)fa, *sb = *(char *const *)fb;

			if (sa != sb && (sa == NULL || sb == NULL || strcmp(sa, sb) != 0))
				return false;
			break;
		}
		case AF_INT:
			if (*(const int *)fa != *(const int *)fb)
				return false;
			break;
		case AF_BOOL:
			if (*(const bool *)fa != *(const bool *)fb)
				return false;
			break;
		case AF_CHAR:
			if (*fa != *fb)
				return false;
			break;
		case AF_INT64:
			if (*(const int64_t *)fa != *(const int64_t *)fb)
				return false;
			break;
		}
	}
	return true;
}

/* ---- string building ---------------------------------------------------------------------- */

void
sb_init(strbuf *b, int cap)
{
	b->s = palloc((size_t)cap);
	b->len = 0;
	b->cap = cap;
	b->s[0] = '\0';
}

void
sb_put(strbuf *b, const char *s, int n)
{
	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap *= 2;
		b->s = repalloc(b->s, (size_t)b->cap);
	}
	memcpy(b->s + b->len, s, (size_t)n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
sb_puts(strbuf *b, const char *s)
{
	sb_put(b, s, (int)strlen(s));
}

void
sb_putc(strbuf *b, char c)
{
	sb_put(b, &c, 1);
}

void
sb_printf(strbuf *b, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < (int)sizeof(tmp)) {
		sb_put(b, tmp, n);
		return;
	}
	char *big = palloc((size_t)n + 1);

	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb_put(b, big, n);
	pfree(big);
}

/* ---- dump --------------------------------------------------------------------------------- */

static void
dump_node(strbuf *b, const ast_node *n)
{
	char num[32];

	if (n == NULL) {
		sb_puts(b, "<>");
		return;
	}
	if (n->type == T_List) {
		const ast_list *l = (const ast_list *)n;

		sb_puts(b, "(");
		for (int i = 0; i < l->n; i++) {
			if (i > 0)
				sb_puts(b, " ");
			dump_node(b, l->items[i]);
		}
		sb_puts(b, ")");
		return;
	}
	const ast_node_info *info = node_info(n);

	sb_puts(b, "{");
	sb_puts(b, info->name);
	for (const ast_field *f = info->fields; f->name; f++) {
		const char *fp = FIELD_PTR(n, f);

		sb_puts(b, " :");
		sb_puts(b, f->name);
		sb_puts(b, " ");
		switch ((ast_field_kind)f->kind) {
		case AF_NODE:
		case AF_LIST:
			dump_node(b, *(ast_node *const *)fp);
			break;
		case AF_STR: {
			const char *s = *(char *const *)fp;

			if (s == NULL)
				sb_puts(b, "<>");
			else {
				sb_puts(b, "\"");
				sb_puts(b, s);
				sb_puts(b, "\"");
			}
			break;
		}
		case AF_INT:
			snprintf(num, sizeof(num), "%d", *(const int *)fp);
			sb_puts(b, num);
			break;
		case AF_BOOL:
			sb_puts(b, *(const bool *)fp ? "true" : "false");
			break;
		case AF_CHAR:
			if (*fp == '\0')
				sb_puts(b, "<>");
			else
				sb_putc(b, *fp);
			break;
		case AF_INT64:
			snprintf(num, sizeof(num), "%lld", (long long)*(const int64_t *)fp);
			sb_puts(b, num);
			break;
		}
	}
	sb_puts(b, "}");
}

char *
ast_dump(const void *n)
{
	strbuf b;

	sb_init(&b, 256);
	dump_node(&b, n);
	return b.s;
}
