/*
 * txn_int.h — lib/txn internals: the shared region layout (proc array, xid counter, the
 * two SLRUs, SSI state) and functions shared between the files of this folder and its unit
 * tests.  See README.md sections 3, 4 and 7.
 */
#ifndef PH_TXN_TXN_INT_H
#define PH_TXN_TXN_INT_H

#include <stdatomic.h>

#include "shm/lwlock.h"
#include "txn/txn.h"

#define TXN_PATH_MAX 1024
#define SLRU_PAGE_SIZE 8192
#define SLRU_PAGES_PER_SEGMENT 32
#define CLOG_BUFFERS 64
#define SUBTRANS_BUFFERS 32
#define CLOG_XIDS_PER_PAGE (SLRU_PAGE_SIZE * 4)
#define SUBTRANS_XIDS_PER_PAGE (SLRU_PAGE_SIZE / 8)

/* ---- SLRU: a small LRU cache of file-backed pages ------------------------------------------ */

enum { SLRU_EMPTY = 0, SLRU_CLEAN, SLRU_DIRTY };

typedef struct slru {
	lwlock sl_lock;                 /* everything below, and the files */
	char sl_name[16];               /* "clog", "subtrans": also the directory name */
	bool sl_fsync;
	int sl_nbuf;
	_Atomic uint64_t sl_clock;      /* LRU stamps (atomically bumped under a shared hold) */
	int64_t sl_page[CLOG_BUFFERS];  /* page number, -1 if empty */
	uint8_t sl_state[CLOG_BUFFERS];
	_Atomic uint64_t sl_used[CLOG_BUFFERS];
	wal_lsn sl_lsn[CLOG_BUFFERS];   /* clog: latest async commit on the page */
	char sl_data[CLOG_BUFFERS][SLRU_PAGE_SIZE];
} slru;

/* Find page (loading it, evicting the least recently used buffer); returns the buffer.
 * Caller holds sl_lock exclusive.  Raises 58030 on I/O errors (the lock stays held; the
 * error path releases it). */
int slru_page_locked(slru *s, int64_t page);
/* Shared-hold fast path: buffer holding page, or -1 (caller holds sl_lock shared). */
int slru_lookup(slru *s, int64_t page);
void slru_flush(slru *s);
void slru_init(slru *s, const char *name, int nbuf, bool do_fsync);
/* Delete every file of the SLRU directory (subtrans at startup). */
void slru_wipe(slru *s);

/* ---- the proc array ------------------------------------------------------------------------ */

typedef struct txn_proc {
	_Atomic uint64_t tp_xid;        /* top-level xid, 0 if none; written under XidGenLock */
	_Atomic uint64_t tp_xmin;       /* oldest snapshot xmin in use; owner writes */
	_Atomic uint32_t tp_nsubxids;   /* valid entries in tp_subxids */
	_Atomic bool tp_overflowed;     /* more subxids than fit */
	uint8_t tp_pad[3];
	_Atomic uint64_t tp_subxids[TXN_SUBXID_CACHE];
} txn_proc;

/* ---- SSI ------------------------------------------------------------------------------------ */

#define SSI_TUPLES_PER_PAGE 2
#define SSI_PAGES_PER_REL 32

enum { SX_FREE = 0, SX_ACTIVE = 1 };
#define SXF_DOOMED 0x1
#define SXF_ROLLED_BACK 0x2

typedef struct ssi_xact {
	uint32_t sx_state;
	uint32_t sx_flags;
	int32_t sx_proc;
	int32_t sx_next_free;
	txn_xid sx_xid;            /* top-level xid, 0 until assigned */
	uint64_t sx_snapshot_seq;  /* sequence when its snapshot was taken */
	uint64_t sx_prepare_seq;   /* set at pre-commit: counts as committed from then on */
	uint64_t sx_done_seq;      /* set after it left the proc array */
	int32_t sx_in;             /* edges where it is the writer */
	int32_t sx_out;            /* edges where it is the reader */
	int32_t sx_locks;          /* its SIREAD locks */
} ssi_xact;

typedef struct ssi_edge {
	int32_t e_reader, e_writer;
	int32_t e_next_in;         /* next in the writer's sx_in list */
	int32_t e_next_out;        /* next in the reader's sx_out list */
} ssi_edge;

enum { SSI_REL = 1, SSI_PAGE = 2, SSI_TUPLE = 3 };
typedef struct ssi_tag {
	uint8_t kind;
	uint8_t pad;
	uint16_t slot;
	uint32_t db, rel, blk;
} ssi_tag;

typedef struct ssi_target {
	ssi_tag t_tag;
	uint32_t t_hash;
	int32_t t_next;            /* hash chain, or free list */
	int32_t t_locks;
} ssi_target;

typedef struct ssi_lock {
	int32_t l_target;
	int32_t l_xact;
	int32_t l_next_t;          /* in the target's list, or free list */
	int32_t l_next_x;          /* in the transaction's list */
} ssi_lock;

typedef struct ssi_shared {
	lwlock ss_lock;            /* SerializableLock: everything SSI */
	uint64_t ss_seq;           /* last prepare/done sequence number */
	uint32_t ss_nxacts, ss_nedges, ss_ntargets, ss_nlocks, ss_nbuckets;
	int32_t ss_free_xact, ss_free_edge, ss_free_target, ss_free_lock;
	uint32_t ss_active;        /* serializable transactions not yet done */
	_Atomic uint64_t ss_failures;
	/* followed by xacts, edges, targets, locks, buckets */
} ssi_shared;

/* ---- the region ---------------------------------------------------------------------------- */

typedef struct txn_shared {
	lwlock ts_xidgen_lock;          /* XidGenLock */
	txn_xid ts_next_xid;
	txn_xid ts_xid_hwm;             /* persisted high-water mark */
	lwlock ts_procarray_lock;       /* ProcArrayLock */
	_Atomic uint64_t ts_latest_completed;
	_Atomic uint64_t ts_commits, ts_aborts;
	uint32_t ts_nprocs;
	char ts_datadir[TXN_PATH_MAX];
	bool ts_started;
	slru ts_clog;
	slru ts_subtrans;
	/* followed by txn_proc[ts_nprocs], then the SSI area */
} txn_shared;

extern txn_shared *txn_sh;
extern txn_proc *txn_procs;
extern ssi_shared *ssi_sh;

void txn_attach(void);
void txn_set_datadir(const char *datadir);
void txn_combocid_reset(void);
txn_proc *txn_my_proc(void);
void txn_subtrans_set_parent(txn_xid xid, txn_xid parent);

/* proc array transitions (procarray.c) */
txn_xid txn_procarray_assign(bool top, txn_xid parent);
void txn_procarray_end(txn_xid top, int nsub, const txn_xid *subxids);
void txn_procarray_remove_subxids(int n, const txn_xid *subxids);
void txn_snapshot_fill(txn_snapshot *s, bool set_my_xmin);
txn_snapshot *txn_snapshot_alloc(mem_ctx *ctx);

/* SSI (ssi.c) */
size_t ssi_shmem_size(uint32_t nprocs);
void ssi_shmem_init(void *base, uint32_t nprocs);
int ssi_register(int proc, uint64_t seq);   /* -> handle; raises 53200 if full */
void ssi_set_xid(int sx, txn_xid xid);
uint64_t ssi_snapshot_seq(int sx);
/* Pre-commit of sx: raises 40001 when it must not commit. */
void ssi_pre_commit(int sx);
void ssi_release(int sx, bool committed);
/* Add the rw-conflict reader -> writer and check for dangerous structures; raises 40001
 * if `me` must abort (me: the calling transaction's handle). */
void ssi_add_conflict(int reader, int writer, int me);
void ssi_lock_target(int sx, const ssi_tag *t);
void ssi_check_in(int sx, const ssi_tag *t);
bool ssi_is_doomed(int sx);
int ssi_count_locks(int sx, int kind);
int ssi_count_edges(int sx);
int ssi_active_xacts(void);
void ssi_forget_local(void);
/* the process's current serializable transaction handle, -1 if none */
extern int ssi_me;

#endif
