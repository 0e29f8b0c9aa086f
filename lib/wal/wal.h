/*
 * wal.h — the write-ahead log: inserting records, flushing them (group commit), reading them
 * back, the control file, checkpoints, resource managers and crash recovery.
 *
 * Design, formats, protocols and invariants: lib/wal/README.md.
 *
 * Principal entry points:
 *   wal_insert / wal_insert_ex   append a record to the shared WAL buffers (any process)
 *   wal_flush / wal_flush_commit make the log durable up to an LSN (group commit)
 *   wal_writer_iteration          one round of the WAL writer daemon
 *   wal_reader_*                 iterate records from an LSN, validating them
 *   wal_redo_block               full-page-image restore / "already applied?" during redo
 *   wal_rmgr_register            resource managers: rmid -> redo, describe
 *   wal_checkpoint               write a checkpoint (checkpointer, shutdown, end of recovery)
 *   wal_recovery_run                 crash recovery at server start
 *   wal_bootstrap                create the WAL and control file of a new data directory
 *   wal_control_*                the control file DATADIR/global/control
 *
 * Processes: every function that touches shared memory needs the "wal" region (created by
 * the supervisor).  A process may insert or flush with or without a proc slot, but at most
 * one slot-less process (the supervisor during startup and recovery) may do so at a time.
 *
 * Errors: functions raise through lib/util/err.h.  Once wal_insert has reserved space it can
 * no longer fail softly: an I/O error while writing WAL is a PANIC (the server resets and
 * recovers), because a hole in the log would lose every later record.
 */
#ifndef PH_WAL_WAL_H
#define PH_WAL_WAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t wal_lsn;

#define WAL_INVALID_LSN ((wal_lsn)0)
#define WAL_PAGE_SIZE 8192         /* WAL page */
#define WAL_PAGE_HDR_SIZE 24
#define WAL_REC_HDR_SIZE 32
#define WAL_BLK_HDR_SIZE 24
#define WAL_MAX_BLOCKS 8           /* block references per record */
#define WAL_DATA_PAGE_SIZE 8192    /* size of a data page (heap/index) for full-page images */
#define WAL_MAX_RECORD_LEN (64u * 1024 * 1024)
#define WAL_FORMAT_VERSION 1

/* Print an LSN as PostgreSQL does: high/low 32 bits in hex ("0/16B3F28"). */
#define WAL_LSN_FMT "%X/%X"
#define WAL_LSN_ARGS(l) (unsigned)((uint64_t)(l) >> 32), (unsigned)((uint64_t)(l) & 0xffffffffu)

/* Resource manager ids (README: "Resource managers"). */
enum {
	RM_XLOG = 0,     /* checkpoints (lib/wal) */
	RM_TXN = 1,      /* commit / abort (lib/txn) */
	RM_HEAP = 2,
	RM_BTREE = 3,
	RM_CATALOG = 4,
	RM_FIRST_TEST = 128,
	RM_MAX = 255
};

/* RM_XLOG info values */
#define WAL_XLOG_CHECKPOINT 0x10
#define WAL_XLOG_NOOP 0x20

/* ---- inserting -------------------------------------------------------------------------- */

typedef struct wal_chunk {
	const void *data;
	size_t len;
} wal_chunk;

typedef struct wal_page_id {
	uint32_t db;
	uint32_t rel;
	uint32_t blkno;
	uint8_t fork;
} wal_page_id;

/* wal_block.flags */
#define WAL_BLK_WILL_INIT 0x01   /* redo re-initialises the page: never needs an image */
#define WAL_BLK_FORCE_IMAGE 0x02 /* attach an image even if not the first change */

/*
 * A data page the record changes.  The caller holds the page pinned and exclusively
 * locked from before wal_insert until it has set the page LSN to the returned end LSN.
 * hole_off/hole_len: an all-zero range of the page that the image may omit (0/0: none).
 */
typedef struct wal_block {
	wal_page_id id;
	const void *page;        /* WAL_DATA_PAGE_SIZE bytes */
	wal_lsn page_lsn;        /* the page's LSN now */
	uint16_t hole_off;
	uint16_t hole_len;
	uint8_t flags;
} wal_block;

/*
 * Append a record.  Returns its end LSN (where the next record begins; the value to store
 * as the page LSN of every changed page and to pass to wal_flush).  A full-page image is
 * attached to each block whose page_lsn <= the redo LSN of the latest checkpoint (when
 * full_page_writes is on), or that has WAL_BLK_FORCE_IMAGE.
 * Raises 54000 if the record would exceed WAL_MAX_RECORD_LEN, XX000 for bad arguments
 * (before anything is reserved); PANICs on write errors after reservation.
 * Locks: none held on entry or exit (takes the insert spinlock, and may take
 * WALBufMappingLock and WALWriteLock to make room in the buffers).  Blocks only to make
 * room.  Any process attached to the segment.
 */
wal_lsn wal_insert(uint8_t rmid, uint8_t info, uint64_t xid, const wal_chunk *chunks, int nchunks,
                   const wal_block *blocks, int nblocks);
/* As wal_insert; also returns the record's start LSN and which blocks got an image (bit i). */
wal_lsn wal_insert_ex(uint8_t rmid, uint8_t info, uint64_t xid, const wal_chunk *chunks,
                      int nchunks, const wal_block *blocks, int nblocks, wal_lsn *start,
                      uint32_t *images);

/*
 * Wait until the log is durable (fsynced; written only, with fsync = off) up to lsn.
 * Group commit: whoever flushes writes everything inserted so far, and everyone waiting
 * is released by that one fsync.  An lsn beyond the insert position is clamped to it.
 * wal_flush_commit counts a commit in the statistics (use it for commit records).
 * Locks: none on entry or exit.  Blocks.  Raises nothing; PANICs on I/O errors.
 */
void wal_flush(wal_lsn lsn);
void wal_flush_commit(wal_lsn lsn);

/* Record that an asynchronous commit (synchronous_commit = off) ended at lsn: the WAL
 * writer makes it durable within a few wal_writer_delay. */
void wal_async_commit(wal_lsn lsn);

/*
 * One iteration of the WAL writer daemon: write and fsync whatever has been inserted and
 * not flushed.  Returns the number of milliseconds to sleep before the next call
 * (wal_writer_delay; longer when idle).  WAL writer only (any process works, but one is
 * enough).
 */
int64_t wal_writer_iteration(void);

/* Positions (atomic reads, any process). */
wal_lsn wal_insert_lsn(void);   /* end of the last reserved record */
wal_lsn wal_flushed_lsn(void);
wal_lsn wal_written_lsn(void);
wal_lsn wal_redo_lsn(void);     /* redo LSN of the latest checkpoint (FPI threshold) */

typedef struct wal_stats {
	uint64_t records;
	uint64_t bytes;            /* record bytes inserted */
	uint64_t fpi;              /* full-page images attached */
	uint64_t writes;           /* write rounds */
	uint64_t fsyncs;
	uint64_t commits;          /* wal_flush_commit calls */
	uint64_t commits_waited;   /* commits released by another process's fsync */
	uint64_t segments_created;
	uint64_t segments_recycled;
} wal_stats;
void wal_get_stats(wal_stats *out);

/* ---- reading ---------------------------------------------------------------------------- */

typedef struct wal_record_block {
	wal_page_id id;
	uint8_t flags;             /* WAL_BLK_HAS_IMAGE, WAL_BLK_WILL_INIT */
	uint16_t hole_off, hole_len;
	uint32_t img_len;
	const char *image;         /* NULL without image */
} wal_record_block;
#define WAL_BLK_HAS_IMAGE 0x80

typedef struct wal_record {
	wal_lsn lsn;               /* start */
	wal_lsn end_lsn;           /* end: where the next record begins */
	wal_lsn prev;
	uint64_t xid;
	uint8_t rmid;
	uint8_t info;
	uint16_t nblocks;
	uint32_t tot_len;
	const char *data;          /* main data */
	uint32_t data_len;
	wal_record_block blocks[WAL_MAX_BLOCKS];
} wal_record;

typedef struct wal_reader wal_reader;

/*
 * Open a reader on DATADIR/wal.  sysid: expected system id (0 accepts any, for tools).
 * seg_size: segment size in bytes.  The reader is process-local; memory is its own context.
 */
wal_reader *wal_reader_open(const char *datadir, uint64_t sysid, uint64_t seg_size);
void wal_reader_close(wal_reader *r);
/*
 * Read the record at lsn (a record start), or with lsn == WAL_INVALID_LSN the one after
 * the last one read.  Returns NULL at the end of valid log; wal_reader_end() then tells
 * where the valid log ends and why.  The record and its data stay valid until the next call.
 * Never raises for bad log content (that is the end of the log); raises 58030 only when a
 * file exists but cannot be read.
 */
const wal_record *wal_read_record(wal_reader *r, wal_lsn lsn);
wal_lsn wal_reader_end(const wal_reader *r, const char **reason);
/* Start LSN of the last record returned (for prev links). */
wal_lsn wal_reader_last(const wal_reader *r);

typedef enum { WAL_BLK_NEEDS_REDO, WAL_BLK_DONE, WAL_BLK_RESTORED } wal_blk_action;
/*
 * During redo, for block i of rec, with the page as it is now: restore the full-page image
 * if the record has one (RESTORED: the page now equals the image, its LSN is the image's),
 * else say whether the change is already on the page (DONE: page_lsn >= rec->end_lsn) or
 * must be applied (NEEDS_REDO).  After applying, the caller sets the page LSN to
 * rec->end_lsn.  page must be WAL_DATA_PAGE_SIZE bytes.
 */
wal_blk_action wal_redo_block(const wal_record *rec, int i, void *page, wal_lsn page_lsn);

/* ---- resource managers ------------------------------------------------------------------ */

typedef struct wal_rmgr {
	const char *name;
	void (*redo)(const wal_record *rec);
	/* one line describing the record, for logs and tools */
	void (*describe)(const wal_record *rec, char *buf, size_t buflen);
	void (*startup)(void);     /* optional: before the first redo */
	void (*cleanup)(void);     /* optional: after the last redo */
} wal_rmgr;

/* Register (process-local table; every process that may run recovery registers). */
void wal_rmgr_register(uint8_t rmid, const wal_rmgr *rm);
const wal_rmgr *wal_rmgr_get(uint8_t rmid);

/* ---- control file ----------------------------------------------------------------------- */

typedef enum {
	WAL_STATE_SHUT_DOWN = 1,
	WAL_STATE_IN_PRODUCTION = 2,
	WAL_STATE_IN_RECOVERY = 3
} wal_db_state;

typedef struct wal_control {
	uint32_t magic;
	uint32_t version;
	uint64_t sysid;
	uint32_t state;            /* wal_db_state */
	uint32_t page_size;
	wal_lsn checkpoint_lsn;    /* latest checkpoint record */
	wal_lsn redo_lsn;          /* its redo point */
	uint64_t next_xid;         /* high-water mark of transaction ids (lib/txn) */
	int64_t checkpoint_time;   /* microseconds since the epoch */
	uint64_t seg_size;
	uint32_t pad;
	uint32_t crc;              /* CRC32C of everything before it */
} wal_control;

#define WAL_CONTROL_MAGIC 0x50484354u /* "PHCT" */

/*
 * Read DATADIR/global/control.  Raises 58P01 if missing, 58030 on I/O errors, XX001
 * "control file ... is corrupted" on a bad size, magic, version or CRC.
 */
void wal_control_read(const char *datadir, wal_control *out);
/* Write atomically (temp file, fsync, rename, fsync directory).  Raises 58030. */
void wal_control_write(const char *datadir, const wal_control *c);
const char *wal_state_name(uint32_t state);

/* Shared copy (after wal_startup): read it, and raise the persisted xid high-water mark
 * (writes the file; lib/txn calls it under XidGenLock). */
void wal_control_get(wal_control *out);
void wal_control_set_next_xid(uint64_t next_xid);

/* ---- shared memory, bootstrap, startup -------------------------------------------------- */

size_t wal_shmem_size(void);
void wal_shmem_init(void *base, size_t size);

/*
 * Create DATADIR/wal and DATADIR/global/control for a new data directory: one segment
 * holding a shutdown checkpoint at the first LSN, next xid first_xid.  Raises 58030.
 * Needs no shared memory (phantomctl init).
 */
void wal_bootstrap(const char *datadir, uint64_t first_xid);

/*
 * Prepare shared WAL state for inserting after the end of valid log at end_lsn, whose last
 * record started at last_lsn: loads the partial last page, clears everything after it on
 * disk, reads the control file into shared memory, warns loudly if fsync is off.
 * wal_recovery_run calls it; call it directly only in tests.  Supervisor (or one process)
 * before others use the WAL.
 */
void wal_startup(const char *datadir, wal_lsn end_lsn, wal_lsn last_lsn);
const char *wal_datadir(void);

/* ---- checkpoints and recovery ---------------------------------------------------------- */

/* Called by wal_checkpoint between choosing the redo point and writing the record: write
 * out what must be on disk for redo to start there (buffer pool pages, clog pages). */
typedef void (*wal_checkpoint_hook)(bool shutdown);
void wal_checkpoint_register(wal_checkpoint_hook fn);
/* Who knows the xid high-water mark to store in checkpoints (lib/txn registers it). */
void wal_set_next_xid_source(uint64_t (*fn)(void));

/*
 * Write a checkpoint: new redo point, hooks, checkpoint record, flush, control file,
 * recycle segments before the redo point.  Returns the checkpoint record's LSN.
 * Checkpointer, or the supervisor at shutdown / end of recovery.  Locks: none.
 */
wal_lsn wal_checkpoint(bool shutdown);

/* Recycle or remove segment files entirely before lsn's segment (keeps up to
 * max_wal_size worth of recycled future segments).  Returns files recycled + removed. */
int wal_recycle_segments(wal_lsn lsn);

typedef struct wal_recovery_result {
	bool clean;                /* control file said shut down and nothing followed */
	wal_lsn checkpoint_lsn;
	wal_lsn redo_lsn;
	wal_lsn end_lsn;           /* end of valid log: inserting continues here */
	uint64_t records;          /* records replayed */
	uint64_t max_xid;          /* highest xid seen in replayed records */
	uint64_t next_xid;         /* from the control file */
	double seconds;
	char end_reason[128];
} wal_recovery_result;

/*
 * Crash recovery (also run after a clean shutdown, where it replays nothing): read the
 * control file, mark IN_RECOVERY, read the checkpoint it names, replay every record from
 * the redo LSN to the end of valid log through the rmgr table, wal_startup at the end, write
 * an end-of-recovery checkpoint, mark IN_PRODUCTION, log the time and record count.
 * Raises XX001 for a corrupted control file or a missing checkpoint record.  Supervisor
 * (or a startup process), after shared memory exists and before others use it.
 */
void wal_recovery_run(const char *datadir, wal_recovery_result *out);

/* ---- utilities -------------------------------------------------------------------------- */

/* Segment file name for segment number segno ("000000000000002A"). */
void wal_segment_name(uint64_t segno, char *buf, size_t buflen);

#endif
