/*
 * wal_int.h — lib/wal internals: the shared state, position arithmetic, on-disk headers.
 * Only the lib/wal sources include this file.  See README.md for the protocols.
 */
#ifndef PH_WAL_WAL_INT_H
#define PH_WAL_WAL_INT_H

#include <limits.h>
#include <stdatomic.h>

#include "shm/lwlock.h"
#include "shm/spin.h"
#include "wal/wal.h"

#define WAL_PAGE_MAGIC 0xD17A
#define WAL_PAGE_CONT 0x0001
#define WAL_USABLE_PER_PAGE (WAL_PAGE_SIZE - WAL_PAGE_HDR_SIZE) /* 8168, a multiple of 8 */
#define WAL_ALIGN(x) (((x) + 7) & ~(uint64_t)7)
#define WAL_PATH_MAX 1024

/* On-disk page header (README "Format"). */
typedef struct wal_page_hdr {
	uint16_t magic;
	uint16_t flags;
	uint32_t rem_len;
	uint64_t pageaddr;
	uint64_t sysid;
} wal_page_hdr;

/* On-disk record header. */
typedef struct wal_rec_hdr {
	uint32_t tot_len;
	uint32_t crc;
	uint64_t xid;
	uint64_t prev;
	uint8_t rmid;
	uint8_t info;
	uint16_t nblocks;
	uint32_t main_len;
} wal_rec_hdr;

/* On-disk block header. */
typedef struct wal_blk_hdr {
	uint32_t db;
	uint32_t rel;
	uint32_t blkno;
	uint8_t fork;
	uint8_t flags;
	uint16_t img_len;          /* 0 without image; 8192 - hole_len otherwise (fits: >= 1) */
	uint16_t hole_off;
	uint16_t hole_len;
	uint32_t pad;
} wal_blk_hdr;

_Static_assert(sizeof(wal_page_hdr) == WAL_PAGE_HDR_SIZE, "page header size");
_Static_assert(sizeof(wal_rec_hdr) == WAL_REC_HDR_SIZE, "record header size");
_Static_assert(sizeof(wal_blk_hdr) == WAL_BLK_HDR_SIZE, "block header size");
_Static_assert(WAL_USABLE_PER_PAGE % 8 == 0, "records are 8-aligned in usable space");

/* Checkpoint record main data (RM_XLOG / WAL_XLOG_CHECKPOINT). */
typedef struct wal_checkpoint_rec {
	wal_lsn redo;
	uint64_t next_xid;
	int64_t time;
	uint32_t shutdown;
	uint32_t pad;
} wal_checkpoint_rec;

/* Per-process insertion progress, padded to a cache line. */
typedef struct wal_slot {
	_Atomic uint64_t ws_inserting_at;  /* LSN: everything I inserted before it is copied; 0 idle */
	_Atomic uint64_t ws_flush_wait;    /* LSN I wait to be flushed; 0 none */
	char ws_pad[48];
} wal_slot;

/*
 * The shared state.  Field -> lock:
 *   ws_insert_lck: w_cur, w_last, w_redo, publication of ws_inserting_at
 *   w_mapping_lock: w_initialized, w_endlsn[] (written under it, read atomically)
 *   w_write_lock: w_written, w_flushed (written under it, read atomically), the files
 *   w_control_lock: w_control and the control file
 *   statistics: atomics, no lock
 */
typedef struct wal_shared {
	spinlock w_insert_lck;
	uint64_t w_cur;            /* usable byte position of the next reservation */
	uint64_t w_last;           /* usable byte position of the last record's start */
	_Atomic uint64_t w_redo;   /* redo LSN of the latest checkpoint */
	lwlock w_mapping_lock;
	_Atomic uint64_t w_initialized; /* LSN up to which ring pages are initialised */
	lwlock w_write_lock;
	_Atomic uint64_t w_written;
	_Atomic uint64_t w_flushed;
	_Atomic uint64_t w_async;  /* end of the latest asynchronous commit */
	lwlock w_control_lock;
	wal_control w_control;
	lwlock w_checkpoint_lock;  /* one checkpoint at a time */
	_Atomic uint64_t st_records, st_bytes, st_fpi, st_writes, st_fsyncs, st_commits,
		st_commits_waited, st_segs_created, st_segs_recycled;
	bool w_started;
	uint64_t w_sysid;
	uint64_t w_seg_size;
	uint32_t w_nbuffers;
	uint32_t w_nslots;         /* process slots + 1 for a slot-less process */
	char w_datadir[WAL_PATH_MAX];
	/* followed by: wal_slot[w_nslots], _Atomic uint64_t endlsn[w_nbuffers], pages */
} wal_shared;

extern wal_shared *wal_sh;
extern wal_slot *wal_slots;
extern _Atomic uint64_t *wal_endlsn;
extern char *wal_pages;

/* ---- position arithmetic (usable bytes <-> LSN) ---------------------------------------- */

static inline wal_lsn
wal_bytepos_to_lsn(uint64_t b)
{
	return (b / WAL_USABLE_PER_PAGE) * WAL_PAGE_SIZE + WAL_PAGE_HDR_SIZE + b % WAL_USABLE_PER_PAGE;
}

/* End position: a position exactly at a page's usable end maps to the page boundary. */
static inline wal_lsn
wal_bytepos_to_endlsn(uint64_t b)
{
	if (b > 0 && b % WAL_USABLE_PER_PAGE == 0)
		return (b / WAL_USABLE_PER_PAGE) * WAL_PAGE_SIZE;
	return wal_bytepos_to_lsn(b);
}

static inline uint64_t
wal_lsn_to_bytepos(wal_lsn lsn)
{
	uint64_t page = lsn / WAL_PAGE_SIZE, off = lsn % WAL_PAGE_SIZE;

	if (off < WAL_PAGE_HDR_SIZE)
		off = WAL_PAGE_HDR_SIZE;
	return page * WAL_USABLE_PER_PAGE + off - WAL_PAGE_HDR_SIZE;
}

/* ---- internal functions ---------------------------------------------------------------- */

void wal_attach_pointers(void *base);
wal_slot *wal_my_slot(void);
/* Write (and fsync if asked) the buffers up to lsn; w_write_lock held by the caller. */
void wal_write_locked(wal_lsn upto, bool flush);
/* Wait (no locks held) until every inserter is past need; returns min(upto, progress). */
wal_lsn wal_wait_insertions(wal_lsn upto, wal_lsn need);
void wal_wake_flush_waiters(void);
/* Files. */
void wal_seg_path(const char *datadir, uint64_t segno, char *buf, size_t buflen);
int wal_seg_open_for_write(uint64_t segno);    /* creates it full size if missing */
void wal_close_write_file(void);
void wal_fsync_dir(const char *path);
void wal_write_full(int fd, const void *buf, size_t len, off_t off, const char *what);
/* Assemble a record's bytes into buf (bootstrap path, no shared memory).  Returns length. */
size_t wal_build_record_local(char *buf, size_t cap, uint8_t rmid, uint8_t info, uint64_t xid,
                              wal_lsn prev, const void *data, uint32_t len);
void wal_init_page_hdr(char *page, wal_lsn pageaddr, uint64_t sysid);

#endif
