/*
 * bt_int.h — internals of lib/btree: page special space, metapage, index tuple format, scan
 * keys and the functions the btree files share.  Formats: README.md ("Pages").
 */
#ifndef PH_BTREE_BT_INT_H
#define PH_BTREE_BT_INT_H

#include <string.h>

#include "btree/bt.h"
#include "buf/buf.h"
#include "page/page.h"

#define BT_NONE BLK_INVALID
#define BT_META_BLK 0
#define BT_MAGIC 0x42545231u /* "BTR1" */
#define BT_VERSION 1

/* bto_flags */
#define BTP_LEAF 0x01
#define BTP_ROOT 0x02
#define BTP_HALF_DEAD 0x04
#define BTP_DELETED 0x08

typedef struct bt_opaque {
	uint32_t bto_prev;
	uint32_t bto_next;
	uint32_t bto_level;
	uint16_t bto_flags;
	uint16_t bto_pad;
	uint64_t bto_epoch;
	uint32_t bto_free_next;
	uint32_t bto_pad2;
} bt_opaque;

_Static_assert(sizeof(bt_opaque) == 32, "btree special space is 32 bytes");

typedef struct bt_meta {
	uint32_t bm_magic;
	uint32_t bm_version;
	uint32_t bm_root;
	uint32_t bm_level;
	uint32_t bm_free_head;
	uint32_t bm_free_tail;
	uint64_t bm_nfree;
} bt_meta;

/* Index tuple header (README "Pages"): 8 bytes, then key data [, heap TID for pivots]. */
typedef struct bt_tuple {
	uint32_t bt_blk;    /* leaf: heap block; pivot: downlink (0 in a high key) */
	uint16_t bt_slot;   /* leaf: heap slot */
	uint16_t bt_info;
} bt_tuple;

#define BT_TUPLE_HDR 8
#define BT_INFO_SIZE 0x1fff
#define BT_INFO_NULLS 0x2000
#define BT_INFO_PIVOT 0x4000
#define BT_INFO_MINUS_INF 0x8000
#define BT_TID_SIZE 6

static inline bt_opaque *bt_op(char *page) { return (bt_opaque *)page_special(page); }
static inline bt_meta *bt_metap(char *page) { return (bt_meta *)(page + PAGE_HEADER_SIZE); }
static inline bool bt_rightmost(const bt_opaque *o) { return o->bto_next == BT_NONE; }
static inline bool bt_leftmost(const bt_opaque *o) { return o->bto_prev == BT_NONE; }
static inline bool bt_ignorable(const bt_opaque *o)
{ return (o->bto_flags & (BTP_HALF_DEAD | BTP_DELETED)) != 0; }
/* Slot of the first data item (after the high key, if any). */
static inline unsigned bt_first(const bt_opaque *o) { return bt_rightmost(o) ? 1 : 2; }
static inline bt_tuple *bt_item(char *page, unsigned slot) { return (bt_tuple *)page_item(page, slot); }
static inline size_t bt_tuple_size(const bt_tuple *t) { return t->bt_info & BT_INFO_SIZE; }

/* Heap TID of a tuple: leaf entries carry it in the header, pivots at their end. */
static inline tid
bt_tuple_tid(const bt_tuple *t)
{
	tid r;

	if (!(t->bt_info & BT_INFO_PIVOT))
		return tid_make(t->bt_blk, t->bt_slot);
	memcpy(&r.blk, (const char *)t + bt_tuple_size(t) - BT_TID_SIZE, 4);
	memcpy(&r.slot, (const char *)t + bt_tuple_size(t) - 2, 2);
	return r;
}

/* A search key: a prefix of the columns, an optional heap TID, and how the missing part
 * compares (tail -1: minus infinity, +1: plus infinity, 0: equal). */
typedef struct bt_skey {
	int nkeys;
	bool has_tid;
	int8_t tail;
	tid heap_tid;
	Datum values[BT_MAX_COLS];
	bool isnull[BT_MAX_COLS];
} bt_skey;

/* A stack of parent pages visited on the way down. */
typedef struct bt_stack {
	uint32_t blk;
	unsigned slot;
	struct bt_stack *parent;
} bt_stack;

/* bt_tuple.c */
bt_tuple *bt_form_leaf(bt_index *idx, const Datum *values, const bool *isnull, tid heap_tid);
bt_tuple *bt_form_pivot(const bt_tuple *src, uint32_t downlink);
bt_tuple *bt_form_minus_inf(uint32_t downlink);
void bt_tuple_keys(bt_index *idx, const bt_tuple *t, Datum *values, bool *isnull);
void bt_skey_from_tuple(bt_index *idx, const bt_tuple *t, bt_skey *k);
void bt_skey_init(bt_skey *k, int nkeys, const Datum *values, const bool *isnull, int tail);
int bt_compare(bt_index *idx, const bt_skey *k, const bt_tuple *t);
int bt_compare_col(const bt_column *c, Datum a, bool anull, Datum b, bool bnull);
bool bt_keys_equal(bt_index *idx, const Datum *av, const bool *an, const Datum *bv,
                   const bool *bn);

/* bt_page.c */
void bt_op_begin(void);
void bt_op_end(void);
uint64_t bt_next_epoch(void);
/* The root, locked shared (or `mode` when it is at `level`). */
buf_id bt_get_root(bt_index *idx, int level, buf_lock_mode mode, uint32_t *blk);
void bt_set_root(bt_index *idx, uint32_t blk, uint32_t level);
void bt_read_meta(bt_index *idx, bt_meta *out);
void bt_invalidate_root(bt_index *idx);
buf_id bt_alloc_page(bt_index *idx, uint32_t *blk);
void bt_free_page_append(bt_index *idx, uint32_t blk);
void bt_init_page(char *page, uint32_t level, uint16_t flags);
size_t bt_page_used(const char *page);
bool bt_fits(bt_index *idx, const char *page, size_t size);

/* bt_search.c */
buf_id bt_search(bt_index *idx, const bt_skey *k, int level, buf_lock_mode mode,
                 bt_stack **stack);
buf_id bt_moveright(bt_index *idx, buf_id b, const bt_skey *k, buf_lock_mode mode);
unsigned bt_binsrch(bt_index *idx, char *page, const bt_skey *k);
/* Find the item pointing to child starting at pb (locked exclusive), moving right; returns
 * the page locked exclusive, or BUF_INVALID (nothing held) when it is not found. */
buf_id bt_find_downlink(bt_index *idx, buf_id pb, uint32_t child, unsigned start,
                        unsigned *slot);
buf_id bt_step_left(bt_index *idx, uint32_t cur, uint32_t prev);
/* The leaf that holds (key, heap_tid), locked in mode; *slot is its slot, or 0 if absent. */
buf_id bt_find_exact(bt_index *idx, const Datum *values, const bool *isnull, tid heap_tid,
                     buf_lock_mode mode, unsigned *slot);
void bt_free_stack(bt_stack *s);

/* bt_insert.c */
void bt_insert_parent(bt_index *idx, buf_id child, bool child_was_root, bt_tuple *sep,
                      bt_stack *stack);

/* bt_sort.c */
void bt_sort_release_files(void);

/* bt_delete.c */
bool bt_try_delete_page(bt_index *idx, uint32_t blk, bt_vacuum_stats *st);

#endif
