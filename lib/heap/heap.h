/*
 * heap.h — tables: tuple descriptors and the tuple format, heap relations (insert, fetch,
 * update, delete, lock, sequential scans), pruning, VACUUM and the checker.  The design,
 * the on-disk tuple format, the limits and the lock order are in lib/heap/README.md.
 *
 * The contract with the layers above:
 *  - A relation is a (database OID, relfilenode) pair plus a tuple descriptor, opened per
 *    process with heap_open (no I/O).  heap_create/heap_drop create and remove its files.
 *  - The heap does not know its indexes: heap_insert and heap_update return the new TID and
 *    the caller inserts index entries (none after a HOT update, see heap_update).
 *  - Transaction ids and command ids are parameters; visibility and update permission are
 *    decided by hooks that lib/txn sets (defaults below, used by tests).
 *  - Tuples returned by fetch and scans point into a pinned buffer page: valid until the
 *    documented release; copy with heap_copy_tuple to keep them.  Deforming returns plain
 *    values; values stored out of line are fetched into the caller's memory context.
 *  - No function returns with a content lock held.  Errors unwind through lib/util/err.h;
 *    the caller's error frame must call lwlock_release_all() and buf_release_all().
 * Any process attached to the shared memory may call these functions.
 */
#ifndef PH_HEAP_HEAP_H
#define PH_HEAP_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf/buf.h"
#include "page/page.h"
#include "smgr/smgr.h"
#include "types/datum.h"

/* ---- limits ------------------------------------------------------------------------------- */
#define HEAP_MAX_ATTRS 1600
#define HEAP_TUPLE_HDR 32
#define HEAP_MAX_TUPLE_SIZE (PAGE_SIZE - PAGE_HEADER_SIZE - 4)   /* 8156 */
#define HEAP_MAX_VALUE_SIZE ((uint32_t)(1u << 30) - 1)           /* 1 GiB - 1 */
#define HEAP_OVF_THRESHOLD 2032
#define HEAP_OVF_MIN_VALUE 128
#define HEAP_MAX_SLOTS ((PAGE_SIZE - PAGE_HEADER_SIZE) / (HEAP_TUPLE_HDR + 4)) /* 226 */
#define HEAP_OVF_PTR_SIZE 32

/* ---- tuple descriptor --------------------------------------------------------------------- */
typedef struct heap_attr {
	int16_t typlen;   /* > 0: fixed size in bytes; -1: varlena */
	bool byval;       /* fixed size of 1, 2, 4 or 8 bytes passed in the Datum */
	bool has_missing; /* ALTER TABLE ADD COLUMN ... DEFAULT: value for older, shorter tuples */
	Datum missing;    /* by reference: must live as long as the descriptor */
} heap_attr;

typedef struct tuple_desc {
	int natts;
	heap_attr attrs[];
} tuple_desc;

/* A descriptor of natts attributes (all varlena until set), palloc'd in mem_cur; 54011
 * beyond HEAP_MAX_ATTRS. */
tuple_desc *heap_desc_create(int natts);
/* Set attribute attno (0-based): typlen > 0 or -1; byval only for typlen 1, 2, 4, 8. */
void heap_desc_set(tuple_desc *d, int attno, int16_t typlen, bool byval);

/* ---- tuple format ------------------------------------------------------------------------- */
typedef struct heap_tuple_header {
	uint64_t t_xmin;
	uint64_t t_xmax;
	uint32_t t_cid;
	uint32_t t_ctid_blk;
	uint16_t t_ctid_slot;
	uint16_t t_natts;
	uint16_t t_infomask;
	uint8_t t_hoff;
	uint8_t t_infomask2;
	uint8_t t_bits[];     /* null bitmap (HEAP_HASNULL): bit set = NULL */
} heap_tuple_header;

_Static_assert(sizeof(heap_tuple_header) == HEAP_TUPLE_HDR, "tuple header is 32 bytes");

/* t_infomask */
#define HEAP_HASNULL 0x0001
#define HEAP_HASVARWIDTH 0x0002
#define HEAP_HASEXTERNAL 0x0004
#define HEAP_XMIN_COMMITTED 0x0010
#define HEAP_XMIN_INVALID 0x0020
#define HEAP_XMAX_COMMITTED 0x0040
#define HEAP_XMAX_INVALID 0x0080
#define HEAP_XMAX_LOCK_ONLY 0x0100
#define HEAP_XMAX_EXCL_LOCK 0x0200
#define HEAP_XMAX_SHR_LOCK 0x0400
#define HEAP_XMAX_IS_MULTI 0x0800
#define HEAP_UPDATED 0x1000
#define HEAP_COMBOCID 0x2000
#define HEAP_KEYS_UPDATED 0x4000
#define HEAP_XACT_MASK 0x7ff0 /* every bit above HEAP_HASEXTERNAL's group */
/* t_infomask2 */
#define HEAP_HOT_UPDATED 0x01
#define HEAP_ONLY_TUPLE 0x02

static inline tid heap_tuple_ctid(const heap_tuple_header *h)
{ return tid_make(h->t_ctid_blk, h->t_ctid_slot); }
static inline void heap_tuple_set_ctid(heap_tuple_header *h, tid t)
{ h->t_ctid_blk = t.blk; h->t_ctid_slot = t.slot; }

/* A tuple in memory: t_data points into a page (pinned) or into palloc'd memory. */
typedef struct heap_tuple {
	uint32_t t_len;          /* bytes of t_data */
	tid t_self;              /* where it is stored (invalid for a new tuple) */
	heap_tuple_header *t_data;
} heap_tuple;

/*
 * Form a tuple from values (by-value Datums, or pointers to fixed-size data / plain
 * varlenas), palloc'd in mem_cur as one chunk (struct + data).  Any size: heap_insert moves
 * long values out of line.  Raises 54000 for a varlena longer than HEAP_MAX_VALUE_SIZE.
 */
heap_tuple *heap_form_tuple(const tuple_desc *d, const Datum *values, const bool *isnull);
/*
 * Extract the first natts attributes (natts may exceed the tuple's own t_natts: the missing
 * attributes read as the descriptor's default or NULL).  By-reference values point into the
 * tuple (possibly unaligned) except out-of-line values, which are fetched into mem_cur as
 * plain varlenas.  Raises XX001 if an out-of-line chain is damaged.
 */
void heap_deform_tuple(const tuple_desc *d, const heap_tuple *t, Datum *values, bool *isnull,
                       int natts);
/* One attribute (0-based); same rules as heap_deform_tuple. */
Datum heap_getattr(const tuple_desc *d, const heap_tuple *t, int attno, bool *isnull);
heap_tuple *heap_copy_tuple(const heap_tuple *t); /* into mem_cur */
void heap_free_tuple(heap_tuple *t);

/*
 * The attribute encoding alone (no header), shared with lib/btree's index tuples.  natts
 * attributes of d; bitmap (when some value is NULL) holds (natts + 7) / 8 bytes.  Values
 * must be plain (no out-of-line pointers are created here).
 */
size_t heap_data_size(const tuple_desc *d, int natts, const Datum *values, const bool *isnull);
void heap_data_fill(const tuple_desc *d, int natts, const Datum *values, const bool *isnull,
                    char *data, uint8_t *bitmap);
/* Decode one attribute stored at *pp and advance *pp past it.  The value must be plain (no
 * out-of-line pointer: index keys never have them); by-reference results point into the data. */
static inline Datum
heap_att_decode(const heap_attr *a, const char **pp)
{
	const char *p = *pp;

	if (a->typlen > 0) {
		*pp = p + a->typlen;
		if (a->byval) {
			switch (a->typlen) {
			case 1:
				return (Datum)(int64_t)(int8_t)p[0];
			case 2: {
				int16_t v;

				memcpy(&v, p, 2);
				return (Datum)(int64_t)v;
			}
			case 4: {
				int32_t v;

				memcpy(&v, p, 4);
				return (Datum)(int64_t)v;
			}
			default: {
				Datum v;

				memcpy(&v, p, 8);
				return v;
			}
			}
		}
		return PointerGetDatum(p);
	}
	*pp = p + VARSIZE(p);
	return PointerGetDatum(p);
}

/* Decode natts_stored attributes at data (bitmap NULL = no NULLs) into the first
 * natts_wanted slots; fetch_external as in heap_deform_tuple. */
void heap_data_deform(const tuple_desc *d, int natts_stored, const uint8_t *bitmap,
                      const char *data, Datum *values, bool *isnull, int natts_wanted,
                      bool fetch_external);

/* ---- relations ---------------------------------------------------------------------------- */
typedef struct heap_rel {
	rel_locator loc;
	smgr_rel *smgr;
	const tuple_desc *desc;
	char name[SMGR_NAME_MAX];
	int fillfactor;          /* 10..100: inserts leave (100 - fillfactor)% free for updates */
	uint32_t target_blk;     /* process-local insertion target, BLK_INVALID = none */
	uint32_t fsm_nblocks;    /* process-local cache of the FSM fork's size */
} heap_rel;

/* Create the files of a new relation (58030 if they exist). */
void heap_create(rel_locator loc);
/* A process-local handle (palloc'd in mem_cur; no I/O).  desc must outlive it. */
heap_rel *heap_open(rel_locator loc, const tuple_desc *desc, const char *name);
void heap_close(heap_rel *rel);
/* DROP: forget the buffers and remove the files.  Caller holds an exclusive table lock and
 * has closed this process's handles of the relation (their smgr handle is freed). */
void heap_drop(rel_locator loc);
/* TRUNCATE in place: every fork emptied.  Caller holds an exclusive table lock and must make
 * other processes reopen their handles. */
void heap_truncate(heap_rel *rel);
uint32_t heap_nblocks(heap_rel *rel);
void heap_set_fillfactor(heap_rel *rel, int fillfactor);

/* ---- visibility and transaction hooks (lib/txn sets them; NULL = defaults) ---------------- */
#define HEAP_SNAPSHOT_ANY ((const void *)1) /* every normal tuple is visible */

typedef enum heap_tm_result {
	HTM_OK,             /* done */
	HTM_INVISIBLE,      /* the tuple does not exist or is not visible to the command */
	HTM_SELF_MODIFIED,  /* already modified by this command (hook only) */
	HTM_UPDATED,        /* updated by a committed transaction: info->ctid is the newer version */
	HTM_DELETED,        /* deleted by a committed transaction */
	HTM_BEING_MODIFIED  /* xmax is in progress (hook only): wait for info->xmax and retry */
} heap_tm_result;

typedef struct heap_tm_info {
	tid ctid;           /* newer version (HTM_UPDATED) */
	uint64_t xmax;      /* the conflicting transaction */
} heap_tm_info;

/* Visible to snapshot?  Default: xmax == 0 or marked invalid or lock-only.  May set hint bits
 * (then buf_mark_dirty_hint(buf)); called with the page locked (shared or exclusive). */
extern bool (*heap_visibility_hook)(heap_tuple_header *tup, const void *snapshot, buf_id buf);
/* May xid/cid delete, update or lock the tuple?  Default: HTM_OK when xmax is 0, invalid or
 * lock-only; else HTM_UPDATED (ctid elsewhere) or HTM_DELETED.  Page locked exclusive. */
extern heap_tm_result (*heap_update_hook)(heap_tuple_header *tup, tid self, uint64_t xid,
                                          uint32_t cid, buf_id buf);
/* Dead to every snapshot (opportunistic pruning)?  Default NULL: no opportunistic pruning. */
extern bool (*heap_dead_hook)(const heap_tuple_header *tup, void *arg);
extern void *heap_dead_hook_arg;
/* t_cid to store when xid deletes the tuple (combo command ids).  Default: cid. */
extern uint32_t (*heap_cmax_hook)(const heap_tuple_header *tup, uint64_t xid, uint32_t cid);

/* ---- modification --------------------------------------------------------------------------- */
typedef struct heap_bulk heap_bulk;

/* Bulk insertion state (COPY): keeps the current page pinned and uses a bulk-write ring. */
heap_bulk *heap_bulk_begin(heap_rel *rel);
void heap_bulk_end(heap_bulk *b);

/*
 * Insert: sets t_xmin = xid, t_cid = cid, t_xmax = 0 on tup, moves long values out of line
 * (the stored tuple may differ from tup; tup is not changed otherwise), stores it and returns
 * its TID (also in tup->t_self).  bulk may be NULL.  Raises 54000 when the row cannot fit a
 * page even with all long values out of line, or a value exceeds HEAP_MAX_VALUE_SIZE.
 */
tid heap_insert(heap_rel *rel, heap_tuple *tup, uint64_t xid, uint32_t cid, heap_bulk *bulk);
/*
 * Delete/update/lock the tuple at t as transaction xid, command cid, if heap_update_hook
 * allows (else return its verdict with *info filled; nothing changed).
 * heap_update stores newtup as the new version; with hot_allowed (the caller changed no
 * indexed column) and room on the same page it is a HOT update: *hot is set and the caller
 * must NOT insert index entries; otherwise the caller inserts entries for *new_tid.
 */
heap_tm_result heap_delete(heap_rel *rel, tid t, uint64_t xid, uint32_t cid, heap_tm_info *info);
heap_tm_result heap_update(heap_rel *rel, tid otid, heap_tuple *newtup, uint64_t xid,
                           uint32_t cid, bool hot_allowed, tid *new_tid, bool *hot,
                           heap_tm_info *info);
heap_tm_result heap_lock_tuple(heap_rel *rel, tid t, uint64_t xid, uint32_t cid,
                               bool exclusive, heap_tm_info *info);

/* ---- reading -------------------------------------------------------------------------------- */
/*
 * Fetch the tuple at t if it is visible to snapshot.  On true, *out points into the page of
 * *buf, which the caller must buf_release() (not locked).  On false nothing is held.
 */
bool heap_fetch(heap_rel *rel, tid t, const void *snapshot, heap_tuple *out, buf_id *buf);
/*
 * Index lookups: follow the HOT chain that starts at root (the TID an index entry holds) and
 * return the first member visible to snapshot, as heap_fetch.  out->t_self is the member.
 */
bool heap_hot_search(heap_rel *rel, tid root, const void *snapshot, heap_tuple *out,
                     buf_id *buf);

typedef struct heap_scan heap_scan;
#define HEAP_SCAN_BULKREAD 0x1 /* use a ring even for a small table */
#define HEAP_SCAN_NORING 0x2   /* never use a ring */
#define HEAP_SCAN_ROOTS 0x4    /* track the root TID of each tuple (heap_scan_root) */

/* Sequential scan of the blocks present at the start; a ring when the table is larger than a
 * quarter of the pool.  palloc'd in mem_cur. */
heap_scan *heap_beginscan(heap_rel *rel, const void *snapshot, int flags);
/* Next visible tuple, or NULL at the end.  The tuple points into a pinned page and is valid
 * until the next call, heap_rescan or heap_endscan. */
heap_tuple *heap_getnext(heap_scan *s);
/* With HEAP_SCAN_ROOTS: the TID index entries use for the current tuple (its HOT root). */
tid heap_scan_root(heap_scan *s);
void heap_rescan(heap_scan *s);
void heap_endscan(heap_scan *s);

/* ---- pruning and vacuum --------------------------------------------------------------------- */
typedef bool (*heap_dead_fn)(const heap_tuple_header *tup, void *arg);
/* dead: TIDs sorted ascending; remove every index entry pointing at one of them. */
typedef void (*heap_index_cleanup_fn)(const tid *dead, size_t n, void *arg);

typedef struct heap_vacuum_stats {
	uint64_t pages;             /* pages scanned */
	uint64_t pages_skipped;     /* pruning skipped: cleanup lock not available */
	uint64_t tuples_removed;    /* tuple versions removed */
	uint64_t tuples_live;       /* normal tuples left */
	uint64_t items_freed;       /* line pointers made reusable after index cleanup */
	uint64_t index_passes;      /* calls of the index-cleanup callback */
	uint64_t free_bytes;        /* free space recorded in the FSM */
} heap_vacuum_stats;

/*
 * Prune one page (see README): the caller holds the buffer's cleanup lock; returns the number
 * of tuple versions removed.  Overflow values of removed tuples are freed before returning
 * (overflow-fork locks may be taken while holding a heap page lock, never the reverse).
 */
int heap_page_prune(heap_rel *rel, buf_id buf, heap_dead_fn is_dead, void *arg);
/*
 * VACUUM the relation: prune every page, let `cleanup` remove index entries of dead items,
 * free those items and record free space.  Readers and writers keep working (one page lock
 * at a time).  The caller serialises VACUUMs of one table.  stats may be NULL.
 */
void heap_vacuum(heap_rel *rel, heap_dead_fn is_dead, void *arg, heap_index_cleanup_fn cleanup,
                 void *cleanup_arg, heap_vacuum_stats *stats);
/* Free space the FSM records for a block (tests, tools). */
size_t heap_fsm_get(heap_rel *rel, uint32_t blk);

/* ---- checker -------------------------------------------------------------------------------- */
typedef void (*heap_report_fn)(void *arg, const char *msg);
/* Verify page headers, line pointers, tuple lengths and encodings, HOT chains and overflow
 * pointers; report each problem; return the number found.  Shared page locks only. */
int heap_check(heap_rel *rel, heap_report_fn report, void *arg);
/* For each slot of a heap page: the root slot of its HOT chain (itself for a root), or 0
 * (unused, dead, or unreachable heap-only).  roots has PAGE_SIZE / 4 + 1 entries. */
void heap_page_roots(const char *page, uint16_t *roots);

#endif
