/*
 * bt.h — B+tree indexes (Lehman–Yao, concurrent across processes), bulk build, an external
 * sort the executor can reuse, and the integrity checker.  Protocol, page layout and lock
 * order: lib/btree/README.md.
 *
 * Contract:
 *  - An index is a (database OID, relfilenode) pair plus a key definition (columns with
 *    typlen/byval, a comparator, ASC/DESC, NULLS FIRST/LAST) opened per process with bt_open.
 *    Entries map keys to heap TIDs; the caller (the SQL layer) inserts an entry after each
 *    heap insert or non-HOT update and never deletes them on DELETE: VACUUM does
 *    (bt_bulkdelete with the heap's dead TIDs).
 *  - Comparators get plain Datums (by value, or pointers to fixed data / plain varlenas, as
 *    datum.h) and may raise errors.
 *  - No function returns with a content lock held; a scan keeps one leaf page pinned between
 *    calls (released by bt_endscan).  Errors unwind: the caller's error frame must call
 *    lwlock_release_all(), buf_release_all() and bt_release_all().
 *  - Unique checks ask bt_unique_hook (lib/txn) about conflicting heap TIDs; without the
 *    hook every existing equal entry conflicts.  23505 names the index in err_object's
 *    constraint field.
 * Any process attached to shared memory may call these functions.
 */
#ifndef PH_BTREE_BT_H
#define PH_BTREE_BT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "heap/heap.h"
#include "smgr/smgr.h"
#include "types/datum.h"

#define BT_MAX_COLS 32
#define BT_MAX_ITEM_SIZE 2000

typedef int (*bt_cmp_fn)(Datum a, Datum b, void *arg);

typedef struct bt_column {
	int16_t typlen;     /* > 0 fixed size, -1 varlena */
	bool byval;
	bool desc;          /* descending order */
	bool nulls_first;   /* NULLs before non-NULLs in index order (after DESC) */
	bt_cmp_fn cmp;
	void *cmp_arg;
} bt_column;

typedef struct bt_index bt_index;
/* Text of a key for 23505's detail, e.g. "(a, b)=(1, x)"; palloc'd.  Optional. */
typedef char *(*bt_key_text_fn)(bt_index *idx, const Datum *values, const bool *isnull);

struct bt_index {
	rel_locator loc;
	smgr_rel *smgr;
	char name[SMGR_NAME_MAX];
	int ncols;
	bool unique;
	bt_column cols[BT_MAX_COLS];
	tuple_desc *kdesc;          /* key encoding (lib/heap attribute format) */
	bt_key_text_fn key_text;
	/* process-local */
	uint32_t root;              /* cached root block and level (BLK_INVALID = unknown) */
	uint32_t root_level;
	size_t page_limit;          /* tests: treat pages as full beyond this many bytes; 0 = none */
};

/* Create an empty index (metapage and an empty root leaf); 58030 if the file exists. */
void bt_create(rel_locator loc);
/* Process-local handle, palloc'd in mem_cur; no I/O.  cols is copied. */
bt_index *bt_open(rel_locator loc, int ncols, const bt_column *cols, bool unique,
                  const char *name);
void bt_close(bt_index *idx);
/* DROP INDEX: forget buffers, remove the file (caller holds an exclusive lock and has closed
 * this process's handles of the index). */
void bt_drop(rel_locator loc);

/* ---- unique checks (hooks set by lib/txn) ------------------------------------------------- */
typedef enum bt_heap_status { BT_HEAP_DEAD, BT_HEAP_LIVE, BT_HEAP_IN_PROGRESS } bt_heap_status;
/* Status of the heap tuple an equal entry points to; IN_PROGRESS sets *xid to wait for. */
extern bt_heap_status (*bt_unique_hook)(bt_index *idx, tid heap_tid, uint64_t *xid, void *arg);
extern void *bt_unique_hook_arg;
/* Wait until transaction xid has ended (called with no locks held). */
extern void (*bt_wait_hook)(uint64_t xid);

/* ---- entries ------------------------------------------------------------------------------- */
/*
 * Add (key, heap_tid).  Unique index and no NULL in the key: raises 23505 when an equal key
 * exists whose heap tuple is live (see bt_unique_hook).  54000 when the entry exceeds
 * BT_MAX_ITEM_SIZE bytes.
 */
void bt_insert(bt_index *idx, const Datum *values, const bool *isnull, tid heap_tid);
/* Remove the exact entry (key, heap_tid); false if it is not there. */
bool bt_delete(bt_index *idx, const Datum *values, const bool *isnull, tid heap_tid);

/* ---- scans --------------------------------------------------------------------------------- */
typedef enum bt_direction { BT_FORWARD, BT_BACKWARD } bt_direction;

/*
 * A bound on the leading nkeys columns (a prefix; nkeys 0 = unbounded), compared in index
 * order (DESC columns reversed, NULLs where the column puts them).  An inclusive bound
 * includes every entry whose prefix equals it.
 */
typedef struct bt_bound {
	int nkeys;
	const Datum *values;
	const bool *isnull;
	bool inclusive;
} bt_bound;

typedef struct bt_scan bt_scan;

/* Entries between lower and upper (either may be NULL = unbounded) in the given direction.
 * want_keys: bt_scan_keys returns the key of each entry (index-only scans).  palloc'd. */
bt_scan *bt_beginscan(bt_index *idx, const bt_bound *lower, const bt_bound *upper,
                      bt_direction dir, bool want_keys);
/* Next entry's heap TID; false at the end. */
bool bt_getnext(bt_scan *s, tid *heap_tid);
/* Key of the entry last returned (want_keys); by-reference values valid until the next call. */
void bt_scan_keys(bt_scan *s, Datum *values, bool *isnull);
void bt_endscan(bt_scan *s);

/* ---- vacuum -------------------------------------------------------------------------------- */
typedef bool (*bt_dead_tid_fn)(tid heap_tid, void *arg);

typedef struct bt_vacuum_stats {
	uint64_t entries_removed;
	uint64_t entries_left;
	uint64_t leaf_pages;
	uint64_t pages_deleted;     /* emptied leaves unlinked by this call */
	uint64_t pages_free;        /* deleted pages waiting for reuse */
} bt_vacuum_stats;

/* The heap's index-cleanup callback gets a sorted array of dead TIDs: wrap it in a
 * bt_tid_set and pass bt_tid_in_set as is_dead (binary search). */
typedef struct bt_tid_set {
	const tid *tids;
	size_t n;
} bt_tid_set;
bool bt_tid_in_set(tid t, void *set);

/*
 * VACUUM: remove every entry whose heap TID is_dead says is dead, walking the leaves in key
 * order under cleanup locks (waits for other processes' scans paused on a page), then delete
 * empty leaves.  One VACUUM per index at a time (caller's lock); the calling process must have
 * no scan of this index open.  stats may be NULL.
 */
void bt_bulkdelete(bt_index *idx, bt_dead_tid_fn is_dead, void *arg, bt_vacuum_stats *stats);
/* Only the page reclamation part (after bt_delete emptied pages). */
void bt_vacuum_pages(bt_index *idx, bt_vacuum_stats *stats);
/* Error recovery: this process has no btree operation in progress any more; closes the
 * files of sorts that were interrupted. */
void bt_release_all(void);

/* Region "btree" (operation epochs for page recycling). */
size_t bt_shmem_size(void);
void bt_shmem_init(void *base, size_t size);

/* ---- bulk build ------------------------------------------------------------------------------ */
typedef struct bt_build bt_build;

/* Start building a new, empty index (just created) bottom-up; mem_limit bounds the sort
 * (maintenance_work_mem). */
bt_build *bt_build_begin(bt_index *idx, size_t mem_limit);
void bt_build_add(bt_build *b, const Datum *values, const bool *isnull, tid heap_tid);
/* Sort, write every page (checksummed, through smgr, then fsync) and install the root.
 * Raises 23505 for equal keys (without NULLs) in a unique index. */
void bt_build_finish(bt_build *b);

/* ---- external sort (generic: byte records, caller's order) ------------------------------- */
typedef int (*bt_sort_cmp)(const void *a, size_t alen, const void *b, size_t blen, void *arg);
typedef struct bt_sort bt_sort;

/* Records are kept in memory up to mem_limit bytes, then sorted runs go to temporary files
 * (DATADIR/tmp, unlinked at once) and are merged.  cmp may raise.  53100/58030 on I/O. */
bt_sort *bt_sort_begin(bt_sort_cmp cmp, void *arg, size_t mem_limit);
void bt_sort_put(bt_sort *s, const void *rec, size_t len);
void bt_sort_finish(bt_sort *s);
/* Next record in order; *rec valid until the next call.  False at the end. */
bool bt_sort_next(bt_sort *s, const void **rec, size_t *len);
/* Number of runs written to files (0 = everything fitted in memory). */
int bt_sort_runs(const bt_sort *s);
void bt_sort_end(bt_sort *s);

/* ---- checker ----------------------------------------------------------------------------------- */
typedef void (*bt_report_fn)(void *arg, const char *msg);
/* Compute the index key of a heap tuple (the SQL layer knows the column mapping); false =
 * the tuple has no entry (partial index). */
typedef bool (*bt_heap_key_fn)(const heap_tuple *t, Datum *values, bool *isnull, void *arg);

/* Structure: order within and across pages, high keys, sibling links, levels, parent/child
 * separators, reachability.  Returns the number of problems.  Meant for a quiet index. */
int bt_check(bt_index *idx, bt_report_fn report, void *arg);
/* Index against heap: every entry points to an existing tuple with the same key, every live
 * tuple (visible to snapshot) has its entry. */
int bt_check_heap(bt_index *idx, heap_rel *heap, const void *snapshot, bt_heap_key_fn keyfn,
                  void *keyarg, bt_report_fn report, void *arg);

#endif
