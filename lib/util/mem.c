/*
 * mem.c — memory contexts; see mem.h.
 *
 * Each chunk is preceded by a 16-byte header {owner context, size class or large size}.
 * Small requests are rounded up to a power of two (16 .. MEM_LARGE_CHUNK) and carved from
 * blocks that grow from 8 KiB to 1 MiB; freed small chunks go on the context's free list for
 * their class.  Large requests get a malloc block of their own, linked into the context's
 * list of large blocks so pfree can unlink and free it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/mem.h"

#define NCLASSES 10 /* 16, 32, ..., 8192 */
#define MIN_CLASS_SHIFT 4
#define BLOCK_MIN 8192
#define BLOCK_MAX (1024 * 1024)

typedef struct chunk_hdr {
	mem_ctx *owner;
	size_t size; /* usable bytes; for small chunks the class size */
} chunk_hdr;

typedef struct block {
	struct block *next;
	size_t size;  /* bytes after the header */
	size_t used;
	size_t pad;   /* keeps the header a multiple of 16 bytes */
} block;

typedef struct large_block {
	struct large_block *prev, *next;
	chunk_hdr hdr; /* must be last: the chunk follows it */
} large_block;

struct mem_ctx {
	const char *name;
	mem_ctx *parent, *first_child, *next_sibling;
	block *blocks;
	size_t next_block_size;
	large_block *large;
	void *freelist[NCLASSES];
	size_t bytes;
};

_Static_assert(sizeof(chunk_hdr) == 16, "chunk header keeps 16-byte alignment");
_Static_assert(sizeof(block) % 16 == 0, "block header keeps 16-byte alignment");
_Static_assert(sizeof(large_block) % 16 == 0, "large block header keeps 16-byte alignment");

mem_ctx *mem_top = NULL;
mem_ctx *mem_cur = NULL;

static noreturn void
out_of_memory(size_t n, const mem_ctx *c)
{
	ERR_BEGIN(ERRCODE_OUT_OF_MEMORY);
	err_detail("Failed on request of size %zu in memory context \"%s\".", n,
	           c ? c->name : "?");
	err_throw("out of memory");
}

static void *
xmalloc(size_t n, const mem_ctx *c)
{
	void *p = malloc(n);

	if (p == NULL)
		out_of_memory(n, c);
	return p;
}

void
mem_init(void)
{
	if (mem_top == NULL) {
		mem_top = mem_create(NULL, "top");
		mem_cur = mem_top;
	}
}

mem_ctx *
mem_create(mem_ctx *parent, const char *name)
{
	mem_ctx *c = xmalloc(sizeof(*c), parent);

	memset(c, 0, sizeof(*c));
	c->name = name;
	c->parent = parent;
	c->next_block_size = BLOCK_MIN;
	if (parent) {
		c->next_sibling = parent->first_child;
		parent->first_child = c;
	}
	return c;
}

/*
 * Free what c holds.  With keep, the context's first block (the oldest, at the end of the
 * list) survives emptied: contexts reset once per statement or row then allocate again
 * without a trip to malloc.
 */
static void
free_contents(mem_ctx *c, bool keep)
{
	block *kept = NULL;

	while (c->first_child)
		mem_delete(c->first_child);
	for (block *b = c->blocks, *n; b; b = n) {
		n = b->next;
		if (keep && n == NULL && b->size == BLOCK_MIN)
			kept = b;
		else
			free(b);
	}
	for (large_block *l = c->large, *n; l; l = n) {
		n = l->next;
		free(l);
	}
	c->blocks = kept;
	c->large = NULL;
	memset(c->freelist, 0, sizeof(c->freelist));
	c->bytes = 0;
	if (kept) {
		kept->used = 0;
		kept->next = NULL;
		c->bytes = sizeof(block) + kept->size;
	}
	c->next_block_size = kept ? BLOCK_MIN * 2 : BLOCK_MIN;
}

void
mem_reset(mem_ctx *c)
{
	free_contents(c, true);
}

void
mem_delete(mem_ctx *c)
{
	free_contents(c, false);
	if (c->parent) {
		mem_ctx **pp = &c->parent->first_child;

		while (*pp != c)
			pp = &(*pp)->next_sibling;
		*pp = c->next_sibling;
	}
	if (mem_cur == c)
		mem_cur = c->parent ? c->parent : mem_top;
	free(c);
}

mem_ctx *
mem_switch(mem_ctx *c)
{
	mem_ctx *old = mem_cur;

	mem_cur = c;
	return old;
}

const char *
mem_name(const mem_ctx *c)
{
	return c->name;
}

size_t
mem_bytes(const mem_ctx *c)
{
	size_t n = c->bytes;

	for (const mem_ctx *k = c->first_child; k; k = k->next_sibling)
		n += mem_bytes(k);
	return n;
}

mem_ctx *
mem_owner(const void *p)
{
	return ((const chunk_hdr *)p - 1)->owner;
}

static int
size_class(size_t n)
{
	int k = 0;
	size_t s = (size_t)1 << MIN_CLASS_SHIFT;

	while (s < n) {
		s <<= 1;
		k++;
	}
	return k;
}

static void *
alloc_large(mem_ctx *c, size_t n)
{
	large_block *l = xmalloc(sizeof(large_block) + n, c);

	l->prev = NULL;
	l->next = c->large;
	if (c->large)
		c->large->prev = l;
	c->large = l;
	l->hdr.owner = c;
	l->hdr.size = n;
	c->bytes += sizeof(large_block) + n;
	return &l->hdr + 1;
}

void *
mem_alloc(mem_ctx *c, size_t n)
{
	int k;
	size_t csize, need;
	chunk_hdr *h;
	block *b;

	if (n == 0)
		n = 1;
	if (n > MEM_LARGE_CHUNK) {
		if (n > SIZE_MAX / 2)
			out_of_memory(n, c);
		return alloc_large(c, n);
	}
	k = size_class(n);
	csize = (size_t)1 << (k + MIN_CLASS_SHIFT);
	if (c->freelist[k]) {
		void *p = c->freelist[k];

		c->freelist[k] = *(void **)p;
		return p;
	}
	need = sizeof(chunk_hdr) + csize;
	b = c->blocks;
	if (b == NULL || b->size - b->used < need) {
		size_t bs = c->next_block_size;

		while (bs < need)
			bs <<= 1;
		b = xmalloc(sizeof(block) + bs, c);
		b->size = bs;
		b->used = 0;
		b->next = c->blocks;
		c->blocks = b;
		c->bytes += sizeof(block) + bs;
		if (c->next_block_size < BLOCK_MAX)
			c->next_block_size <<= 1;
	}
	h = (chunk_hdr *)((char *)(b + 1) + b->used);
	b->used += need;
	h->owner = c;
	h->size = csize;
	return h + 1;
}

void *
mem_zalloc(mem_ctx *c, size_t n)
{
	void *p = mem_alloc(c, n);

	memset(p, 0, n);
	return p;
}

char *
mem_strdup(mem_ctx *c, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = mem_alloc(c, n);

	memcpy(p, s, n);
	return p;
}

void
pfree(void *p)
{
	chunk_hdr *h;
	mem_ctx *c;

	if (p == NULL)
		return;
	h = (chunk_hdr *)p - 1;
	c = h->owner;
	if (h->size > MEM_LARGE_CHUNK) {
		large_block *l = (large_block *)((char *)h - offsetof(large_block, hdr));

		if (l->prev)
			l->prev->next = l->next;
		else
			c->large = l->next;
		if (l->next)
			l->next->prev = l->prev;
		c->bytes -= sizeof(large_block) + h->size;
		free(l);
		return;
	}
	{
		int k = size_class(h->size);

		*(void **)p = c->freelist[k];
		c->freelist[k] = p;
	}
}

void *
repalloc(void *p, size_t n)
{
	chunk_hdr *h;
	void *q;

	if (p == NULL)
		return palloc(n);
	h = (chunk_hdr *)p - 1;
	if (n <= h->size && h->size <= MEM_LARGE_CHUNK)
		return p;
	if (h->size > MEM_LARGE_CHUNK && n > MEM_LARGE_CHUNK) {
		mem_ctx *c = h->owner;
		large_block *l = (large_block *)((char *)h - offsetof(large_block, hdr));
		large_block *nl;
		size_t old = h->size;

		nl = realloc(l, sizeof(large_block) + n);
		if (nl == NULL)
			out_of_memory(n, c);
		if (nl->prev)
			nl->prev->next = nl;
		else
			c->large = nl;
		if (nl->next)
			nl->next->prev = nl;
		nl->hdr.size = n;
		c->bytes = c->bytes - old + n;
		return &nl->hdr + 1;
	}
	q = mem_alloc(h->owner, n);
	memcpy(q, p, h->size < n ? h->size : n);
	pfree(p);
	return q;
}

void *
palloc(size_t n)
{
	return mem_alloc(mem_cur, n);
}

void *
palloc0(size_t n)
{
	return mem_zalloc(mem_cur, n);
}

char *
pstrdup(const char *s)
{
	return mem_strdup(mem_cur, s);
}

char *
pstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = palloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
pvsprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		ph_internal("invalid format string \"%s\"", fmt);
	p = palloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
psprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = pvsprintf(fmt, ap);
	va_end(ap);
	return p;
}
