/*
 * mem.h — memory contexts (arenas) by lifetime.
 *
 * Memory is allocated in a context and freed all at once when the context is reset or
 * deleted: process (mem_top), session, transaction, statement, per-row.  Contexts form a
 * tree; resetting or deleting a context does the same to its children.  Allocation never
 * returns NULL: when malloc fails it raises ERRCODE_OUT_OF_MEMORY (53200), which unwinds to
 * the statement frame like any other error.
 *
 * palloc() and friends allocate in mem_cur, the current context, which the statement loop
 * sets; mem_switch() changes it and returns the previous one for restoring.  pfree() and
 * repalloc() work on any chunk without naming its context (each chunk records its owner).
 * Small chunks are recycled through per-context free lists by size class; chunks above
 * MEM_LARGE_CHUNK get their own malloc block that pfree returns at once.
 *
 * Contexts are process-local; never put a palloc'd pointer in shared memory.
 */
#ifndef PH_UTIL_MEM_H
#define PH_UTIL_MEM_H

#include <stddef.h>
#include <stdarg.h>

typedef struct mem_ctx mem_ctx;

#define MEM_LARGE_CHUNK 8192

extern mem_ctx *mem_top;  /* lives as long as the process */
extern mem_ctx *mem_cur;  /* where palloc allocates */

/* Create mem_top (called once per process, in main). */
void mem_init(void);
mem_ctx *mem_create(mem_ctx *parent, const char *name);
void mem_reset(mem_ctx *c);   /* free every chunk and delete every child */
void mem_delete(mem_ctx *c);  /* mem_reset + free the context itself */
mem_ctx *mem_switch(mem_ctx *c);
const char *mem_name(const mem_ctx *c);
/* Bytes currently held from malloc by c and its children (for work_mem decisions). */
size_t mem_bytes(const mem_ctx *c);
/* Context that owns a chunk. */
mem_ctx *mem_owner(const void *p);

void *mem_alloc(mem_ctx *c, size_t n);
void *mem_zalloc(mem_ctx *c, size_t n);
char *mem_strdup(mem_ctx *c, const char *s);

void *palloc(size_t n);
void *palloc0(size_t n);
void *repalloc(void *p, size_t n);
void pfree(void *p);
char *pstrdup(const char *s);
char *pstrndup(const char *s, size_t n);
char *psprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *pvsprintf(const char *fmt, va_list ap);

#endif
