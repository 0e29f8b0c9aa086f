/*
 * buf.h — the shared buffer pool.  See lib/buf/README.md for the design, the lock table and
 * the five access rules every caller follows.
 *
 * A buffer is named by a 1-based id (buf_id); BUF_INVALID (0) is none.  Ids are the same in
 * every process.  Pins are counted per process (pinning twice needs two releases) and are
 * process-local obligations: error recovery calls lwlock_release_all() then
 * buf_release_all().  Any process forked from the one that created shared memory may call
 * these functions, as long as it forked while holding no pins and no locks.
 *
 * Errors raised by the read/extend functions: XX001 data_corrupted (checksum or header of a
 * page read from disk; the message names relation, file and block; counted in
 * buf_stats.checksum_failures), 58030/53100 from smgr, 53000 when every buffer is pinned.
 */
#ifndef PH_BUF_BUF_H
#define PH_BUF_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "page/page.h"
#include "smgr/smgr.h"

typedef int32_t buf_id;
#define BUF_INVALID 0

typedef enum buf_lock_mode { BUF_SHARE, BUF_EXCLUSIVE } buf_lock_mode;

typedef enum buf_read_mode {
	BUF_RM_NORMAL, /* read the block; it must exist */
	BUF_RM_EXTEND, /* recovery/FSM: a block beyond the end is first added as zeros */
	BUF_RM_ZERO    /* do not read: return the buffer zero-filled (unless already valid),
	                  pinned and locked exclusive (redo of a full-page image) */
} buf_read_mode;

typedef enum buf_ring_kind { BUF_RING_BULKREAD, BUF_RING_BULKWRITE, BUF_RING_VACUUM } buf_ring_kind;
typedef struct buf_strategy buf_strategy;

typedef struct buf_stats {
	uint64_t reads;             /* pages read from files */
	uint64_t hits;              /* lookups satisfied from the pool */
	uint64_t writes;            /* pages written to files */
	uint64_t evictions;         /* valid pages replaced by other pages */
	uint64_t checksum_failures; /* pages that failed verification when read */
	uint64_t extends;           /* blocks added to files */
} buf_stats;

/*
 * Write-ahead rule: called with a page's LSN before the page is written, when the LSN is not
 * 0; must return only when the WAL up to that LSN is durable (set by lib/wal).  NULL = no WAL.
 */
extern void (*buf_wal_flush_hook)(uint64_t lsn);

/* Region "buf" (lib/shm/shm_regions.c); sized from settings.shared_buffers. */
size_t buf_shmem_size(void);
void buf_shmem_init(void *base, size_t size);
/* Number of buffers in the pool. */
int buf_count(void);

/*
 * Pin the buffer holding (r, fork, blk), reading it if needed.  Returns it pinned, not
 * locked.  `s` (may be NULL) is a strategy ring for bulk access.  Raises as described above.
 */
buf_id buf_read(smgr_rel *r, fork_num fork, uint32_t blk, buf_strategy *s);
buf_id buf_read_ext(smgr_rel *r, fork_num fork, uint32_t blk, buf_read_mode mode,
                    buf_strategy *s);
/*
 * Add a block at the end of the fork (under the relation-extension lock) and return its
 * buffer pinned and locked exclusive, the page all zero (page_is_new); *blk gets its number.
 * The caller initialises the page and marks it dirty.  May be called holding one other
 * content lock (rule 5 of the heap and btree READMEs).
 */
buf_id buf_extend(smgr_rel *r, fork_num fork, buf_strategy *s, uint32_t *blk);

/* Add one more pin to a buffer this process has pinned. */
void buf_pin_again(buf_id b);
/* Drop one pin.  The content lock must not be held when the last pin goes. */
void buf_release(buf_id b);

/* Content lock of a pinned buffer (shared/exclusive).  May block; never raises. */
void buf_lock(buf_id b, buf_lock_mode mode);
bool buf_lock_try(buf_id b, buf_lock_mode mode);
void buf_unlock(buf_id b);
static inline void buf_unlock_release(buf_id b);
/*
 * Cleanup lock: exclusive content lock while this process holds the only pin (waits for
 * other pins to go).  The caller holds exactly one pin.  The _try form does not wait and
 * fails when this process holds more than one pin (a scan of its own on the page).
 */
void buf_lock_cleanup(buf_id b);
bool buf_lock_cleanup_try(buf_id b);

/* The page of a pinned buffer, and its block number / tag. */
char *buf_page(buf_id b);
uint32_t buf_blkno(buf_id b);
void buf_get_tag(buf_id b, rel_locator *loc, fork_num *fork, uint32_t *blk);

/* Mark dirty: exclusive content lock held (rule 2). */
void buf_mark_dirty(buf_id b);
/* Mark dirty after a hint-bit change under a shared lock (rule 3). */
void buf_mark_dirty_hint(buf_id b);

/* Error recovery: end an interrupted I/O and drop every pin of this process. */
void buf_release_all(void);
/* Number of distinct buffers this process has pinned (leak checks at statement end). */
int buf_pins_held(void);

/* Write every dirty buffer of one relation (all forks); no locks held on entry. */
void buf_flush_relation(smgr_rel *r);
/*
 * Forget the buffers of a relation (DROP, TRUNCATE) or of blocks >= first_blk of one fork,
 * without writing them.  The caller guarantees (a table lock) that no one else uses them;
 * waits for pins held by writers such as the checkpointer.
 */
void buf_drop_relation(rel_locator loc);
void buf_drop_fork_tail(rel_locator loc, fork_num fork, uint32_t first_blk);

/*
 * Checkpoint: mark every dirty buffer (returns how many), then write marked buffers, at most
 * `max` per call (returns how many it wrote; 0 = none left).  Any process; no locks held.
 */
int buf_checkpoint_start(void);
int buf_checkpoint_write(int max);
/* Write all dirty buffers and fsync everything written (checkpoint_start + write + sync). */
void buf_sync_all(void);

/* Strategy rings (process-local; free with buf_strategy_free). */
buf_strategy *buf_strategy_create(buf_ring_kind kind);
void buf_strategy_free(buf_strategy *s);

/* Counters summed over all processes. */
void buf_stats_get(buf_stats *out);

/* Diagnostics for tests and tools: does not pin; BUF_INVALID if the block is not cached. */
buf_id buf_lookup(rel_locator loc, fork_num fork, uint32_t blk);
int buf_debug_refcount(buf_id b);
int buf_debug_usage(buf_id b);
bool buf_debug_dirty(buf_id b);

static inline void
buf_unlock_release(buf_id b)
{
	buf_unlock(b);
	buf_release(b);
}

#endif
