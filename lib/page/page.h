/*
 * page.h — the 8 KiB page: header, line pointers, items, checksum.  See lib/page/README.md
 * for the byte layout and its invariants.
 *
 * Everything here works on a page image in memory (a buffer-pool page the caller has pinned
 * and locked as lib/buf/README.md requires, or a private copy); nothing takes locks, does
 * I/O, allocates or raises, so these routines are safe inside critical sections.
 */
#ifndef PH_PAGE_PAGE_H
#define PH_PAGE_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PAGE_SIZE 8192
#define PAGE_HEADER_SIZE 32
#define PAGE_LAYOUT_VERSION 1
#define PAGE_ALIGN(n) (((size_t)(n) + 7) & ~(size_t)7)

/* Page types (pd_type). */
enum {
	PT_NONE = 0,
	PT_HEAP = 1,
	PT_BTREE = 2,
	PT_BTMETA = 3,
	PT_FSM = 4,
	PT_OVF = 5,
	PT_OVFMETA = 6
};

/* pd_flags */
#define PD_HAS_FREE_LINES 0x0001 /* some line pointer is LP_UNUSED (hint) */
#define PD_PAGE_FULL 0x0002      /* an update did not fit: pruning may help (hint) */
#define PD_ALL_VISIBLE 0x0004    /* reserved for a visibility map */

typedef struct page_header {
	uint64_t pd_lsn;
	uint32_t pd_checksum;
	uint16_t pd_flags;
	uint16_t pd_lower;
	uint16_t pd_upper;
	uint16_t pd_special;
	uint8_t pd_type;
	uint8_t pd_version;
	uint16_t pd_reserved;
	uint64_t pd_prune_xid;
	uint32_t pd_linp[];
} page_header;

_Static_assert(sizeof(page_header) == PAGE_HEADER_SIZE, "page header is 32 bytes");

#define PAGE_MAX_ITEM (PAGE_SIZE - PAGE_HEADER_SIZE - 4)

/* ---- line pointers ------------------------------------------------------------------------ */
enum { LP_UNUSED = 0, LP_NORMAL = 1, LP_REDIRECT = 2, LP_DEAD = 3 };

static inline uint32_t lp_make(unsigned off, unsigned flags, unsigned len)
{ return (uint32_t)off | ((uint32_t)flags << 15) | ((uint32_t)len << 17); }
static inline unsigned lp_off(uint32_t lp) { return lp & 0x7fff; }
static inline unsigned lp_flags(uint32_t lp) { return (lp >> 15) & 3; }
static inline unsigned lp_len(uint32_t lp) { return lp >> 17; }

static inline page_header *page_hdr(char *page) { return (page_header *)page; }
static inline const page_header *page_chdr(const char *page) { return (const page_header *)page; }
/* Highest slot number in use (slots are 1-based; 0 when the page has no line pointers). */
static inline unsigned page_max_slot(const char *page)
{ return (page_chdr(page)->pd_lower - PAGE_HEADER_SIZE) / 4; }
static inline uint32_t *page_lp(char *page, unsigned slot)
{ return &page_hdr(page)->pd_linp[slot - 1]; }
static inline uint32_t page_lp_get(const char *page, unsigned slot)
{ return page_chdr(page)->pd_linp[slot - 1]; }
static inline char *page_item(char *page, unsigned slot)
{ return page + lp_off(*page_lp(page, slot)); }
static inline char *page_special(char *page) { return page + page_hdr(page)->pd_special; }
static inline bool page_is_new(const char *page) { return page_chdr(page)->pd_upper == 0; }
static inline uint64_t page_get_lsn(const char *page) { return page_chdr(page)->pd_lsn; }
static inline void page_set_lsn(char *page, uint64_t lsn) { page_hdr(page)->pd_lsn = lsn; }
static inline unsigned page_type(const char *page) { return page_chdr(page)->pd_type; }

/* ---- tuple identifiers ---------------------------------------------------------------------- */
#define BLK_INVALID 0xffffffffu

typedef struct tid {
	uint32_t blk;
	uint16_t slot; /* 1-based; 0 = invalid */
} tid;

static inline tid tid_make(uint32_t blk, unsigned slot) { tid t = { blk, (uint16_t)slot }; return t; }
static inline bool tid_valid(tid t) { return t.slot != 0; }
static inline bool tid_eq(tid a, tid b) { return a.blk == b.blk && a.slot == b.slot; }
static inline int tid_cmp(tid a, tid b)
{
	if (a.blk != b.blk)
		return a.blk < b.blk ? -1 : 1;
	return a.slot < b.slot ? -1 : a.slot > b.slot;
}

/* ---- page operations ------------------------------------------------------------------------ */
/* Format an empty page of a type with `special` bytes (rounded up to 8) of special space. */
void page_init(char *page, unsigned type, size_t special);
/* Bytes available for one more item including its new line pointer (0 if none). */
size_t page_free_space(const char *page);
/* Bytes between pd_lower and pd_upper. */
static inline size_t page_hole(const char *page)
{ return (size_t)(page_chdr(page)->pd_upper - page_chdr(page)->pd_lower); }

/*
 * Add an item; returns its slot, or 0 when it does not fit.
 *  slot == 0, shift false: heap style, reuse the first LP_UNUSED slot (PD_HAS_FREE_LINES) or
 *    append a new line pointer; max_slots limits the number of line pointers (0 = none).
 *  slot > 0, shift true: index style, insert at `slot` (1 .. max+1), later slots move up.
 *  slot > 0, shift false: put the item exactly at `slot`, which must be unused or max+1
 *    (redo of a heap insert).
 */
unsigned page_add_item(char *page, const void *item, size_t size, unsigned slot, bool shift,
                       unsigned max_slots);
/* Index style: remove the item at slot, later slots move down; storage is compacted. */
void page_index_delete(char *page, unsigned slot);
/* Index style: remove the items at the given slots (any order, no duplicates). */
void page_index_delete_multi(char *page, const uint16_t *slots, unsigned n);
/* Index style: replace the item at slot (sizes may differ); false if it does not fit. */
bool page_index_replace(char *page, unsigned slot, const void *item, size_t size);
/*
 * Heap style: pack the storage of LP_NORMAL items at the end of the page (slot numbers are
 * kept), free the storage of LP_DEAD items, drop trailing LP_UNUSED line pointers and set
 * PD_HAS_FREE_LINES as appropriate.
 */
void page_compact(char *page);

/* ---- checksums ------------------------------------------------------------------------------ */
enum { PAGE_OK = 0, PAGE_NEW, PAGE_BAD_HEADER, PAGE_BAD_CHECKSUM };

uint32_t page_checksum(const char *page, uint32_t blkno);
void page_set_checksum(char *page, uint32_t blkno);
/* Verify a page read from disk at blkno; fills stored and computed for messages. */
int page_verify(const char *page, uint32_t blkno, uint32_t *stored, uint32_t *computed);
/* Human-readable reason for a page_verify result. */
const char *page_verify_reason(int result);

#endif
