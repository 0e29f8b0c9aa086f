/*
 * smgr.h — relation files: DATADIR/base/<db>/<relfilenode>[_fsm|_ovf][.<segment>].
 * See lib/smgr/README.md for the file layout, invariants and the sync table.
 *
 * Entry points (any process of the server, after smgr_init; none takes a content lock):
 *   smgr_open        process-local handle for a relation (cached; no I/O)
 *   smgr_create / smgr_exists / smgr_unlink
 *   smgr_read / smgr_write / smgr_extend / smgr_extend_to / smgr_nblocks / smgr_truncate
 *   smgr_immedsync   fsync one fork now (bulk builds)
 *   smgr_sync_pending  fsync everything written since the last call (checkpointer)
 *
 * Errors: 58030 io_error (open, read, write, fsync, short read) and 53100 disk_full, naming
 * the file.  Callers that add blocks must hold the relation-extension lock (lib/buf does);
 * truncate and unlink need the caller's guarantee (a table lock) that no other process uses
 * the blocks concerned.  Handles and descriptors are process-local; a relation's cached
 * descriptors are dropped in every process after any truncate or unlink (a shared
 * generation counter), so a relfilenode may be reused later.
 */
#ifndef PH_SMGR_SMGR_H
#define PH_SMGR_SMGR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "types/datum.h"

typedef struct rel_locator {
	Oid db;
	Oid relnode;
} rel_locator;

typedef enum fork_num {
	FORK_MAIN = 0,
	FORK_FSM = 1,
	FORK_OVF = 2
} fork_num;

#define SMGR_NFORKS 3
#define SMGR_SEG_BLOCKS_DEFAULT 131072u /* 1 GiB of 8 KiB blocks */
#define SMGR_NAME_MAX 64

typedef struct smgr_rel {
	rel_locator loc;
	char name[SMGR_NAME_MAX];     /* for messages; "" = use the file path */
	/* private: */
	int nfds[SMGR_NFORKS];        /* entries of fds[] */
	int *fds[SMGR_NFORKS];        /* per segment, -1 = not open */
	uint32_t full_segs[SMGR_NFORKS]; /* known-full leading segments (valid for fd_gen) */
	uint64_t fd_gen;              /* shared truncate/unlink generation when fds were opened */
	struct smgr_rel *hnext;
} smgr_rel;

/* Segment size in blocks; tests may lower it before creating any file.  Same in all processes. */
extern uint32_t smgr_seg_blocks;

/* Set this process's data directory (copied). */
void smgr_init(const char *datadir);
const char *smgr_datadir(void);

smgr_rel *smgr_open(rel_locator loc);
/* Set the name used in error messages (a table or index name). */
void smgr_set_name(smgr_rel *r, const char *name);
/* The name for messages: the name set, else "base/<db>/<relnode>". */
const char *smgr_display_name(const smgr_rel *r);
/* Path of a segment file, relative to the data directory when rel_only, else absolute. */
void smgr_path(rel_locator loc, fork_num fork, uint32_t seg, bool rel_only, char *buf,
               size_t len);
/* Close the descriptors of one handle and forget it (the pointer becomes invalid). */
void smgr_close(smgr_rel *r);
void smgr_close_all(void);

bool smgr_exists(smgr_rel *r, fork_num fork);
/* Create the fork's first segment (and the database directory).  Raises 58030 if it exists
 * unless if_not_exists. */
void smgr_create(smgr_rel *r, fork_num fork, bool if_not_exists);
/* Remove every segment of every fork; missing files are fine. */
void smgr_unlink(rel_locator loc);

/* Number of blocks in the fork (0 when it does not exist). */
uint32_t smgr_nblocks(smgr_rel *r, fork_num fork);
void smgr_read(smgr_rel *r, fork_num fork, uint32_t blk, void *buf);
/* Write an existing block (blk < nblocks). */
void smgr_write(smgr_rel *r, fork_num fork, uint32_t blk, const void *buf);
/* Add block blk == nblocks with the given contents (NULL = zeros). */
void smgr_extend(smgr_rel *r, fork_num fork, uint32_t blk, const void *buf);
/* Add zero blocks until the fork has at least nblocks blocks (creating the fork if needed). */
void smgr_extend_to(smgr_rel *r, fork_num fork, uint32_t nblocks);
/* Shrink the fork to nblocks blocks (removing later segments). */
void smgr_truncate(smgr_rel *r, fork_num fork, uint32_t nblocks);
/* fsync every segment of the fork now. */
void smgr_immedsync(smgr_rel *r, fork_num fork);

/* ---- shared sync table (region "smgr") ---------------------------------------------------- */
#define SMGR_SYNC_SLOTS 4096

size_t smgr_shmem_size(void);
void smgr_shmem_init(void *base, size_t size);
/* fsync every segment written since the last call; returns how many were synced.
 * Intended for the checkpointer; an fsync failure is a PANIC (the data may be lost). */
int smgr_sync_pending(void);
/* Number of registered, not yet synced segments (tests, metrics). */
int smgr_sync_queued(void);

#endif
