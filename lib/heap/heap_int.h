/*
 * heap_int.h — internals of lib/heap shared between its files: the overflow pointer, the
 * overflow store, the free-space map and page helpers.  Not for other subsystems.
 */
#ifndef PH_HEAP_HEAP_INT_H
#define PH_HEAP_HEAP_INT_H

#include <string.h>

#include "heap/heap.h"

/* The 32-byte overflow pointer stored in place of a long varlena (README "Tuple format"). */
typedef struct ovf_ptr {
	uint32_t op_hdr;       /* OVF_PTR_FLAG | HEAP_OVF_PTR_SIZE */
	uint32_t op_rawsize;   /* VARSIZE of the plain value */
	Oid op_db;
	Oid op_relnode;
	uint32_t op_first;     /* first and last overflow page of the chain */
	uint32_t op_last;
	uint64_t op_value_id;
} ovf_ptr;

_Static_assert(sizeof(ovf_ptr) == HEAP_OVF_PTR_SIZE, "overflow pointer is 32 bytes");

#define OVF_PTR_FLAG 0x80000000u

static inline uint32_t
load_u32(const void *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static inline bool
heap_is_ovf_ptr(const void *p)
{
	return (load_u32(p) & OVF_PTR_FLAG) != 0;
}

/* ovf.c */
void ovf_store(heap_rel *rel, const void *value, ovf_ptr *out, buf_strategy *s);
void *ovf_fetch(const ovf_ptr *p);
void ovf_free(const ovf_ptr *p);

/* fsm.c */
uint32_t fsm_search(heap_rel *rel, size_t needed);
void fsm_set(heap_rel *rel, uint32_t blk, size_t freebytes);

/* heapam.c */
size_t heap_page_free(const char *page);
bool heap_tuple_visible(heap_tuple_header *h, const void *snapshot, buf_id buf);
/* Free the overflow values referenced by a stored tuple. */
void heap_free_external(heap_rel *rel, const heap_tuple_header *h, uint32_t len);

static inline heap_tuple_header *
heap_page_tuple(char *page, unsigned slot)
{
	return (heap_tuple_header *)page_item(page, slot);
}

#endif
