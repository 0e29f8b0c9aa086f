/*
 * buf_int.h — internals of the buffer pool, for lib/buf only (and diagnostics that must
 * read descriptors).  See README.md for which lock guards each field.
 */
#ifndef PH_BUF_BUF_INT_H
#define PH_BUF_BUF_INT_H

#include <stdatomic.h>

#include "buf/buf.h"
#include "shm/lwlock.h"
#include "shm/spin.h"

/* lwlock tranches of this subsystem (wait statistics). */
#define LWT_BUF_CONTENT 101
#define LWT_BUF_MAPPING 102
#define LWT_BUF_EXTEND 103

#define BUF_NPART 128   /* mapping partitions (power of two) */
#define BUF_NEXTLOCK 64 /* relation-extension locks */

typedef struct buf_tag {
	Oid db;
	Oid relnode;
	uint32_t fork;
	uint32_t blk;
} buf_tag;

/* State word bits. */
#define BS_REFCOUNT_MASK ((1u << 18) - 1)
#define BS_USAGE_ONE (1u << 18)
#define BS_USAGE_MASK (0xfu << 18)
#define BS_USAGE(s) (((s) & BS_USAGE_MASK) >> 18)
#define BS_MAX_USAGE 5
#define BS_LOCKED (1u << 22)            /* header spinlock */
#define BS_DIRTY (1u << 23)
#define BS_VALID (1u << 24)
#define BS_TAG_VALID (1u << 25)
#define BS_IO_IN_PROGRESS (1u << 26)
#define BS_IO_ERROR (1u << 27)
#define BS_JUST_DIRTIED (1u << 28)
#define BS_PIN_COUNT_WAITER (1u << 29)
#define BS_CHECKPOINT_NEEDED (1u << 30)

typedef struct buf_desc {
	buf_tag bd_tag;             /* header spinlock; stable while pinned */
	_Atomic uint32_t bd_state;  /* CAS; see bits above */
	int32_t bd_id;              /* 1-based, constant */
	atomic_uint bd_wake;        /* futex sequence: bumped when I/O ends or pins drop */
	atomic_uint bd_waiters;     /* processes sleeping on bd_wake */
	lwlock bd_content;          /* the page's content lock */
} __attribute__((aligned(64))) buf_desc;

_Static_assert(sizeof(buf_desc) == 64, "buffer descriptor is one cache line");

typedef struct padded_lwlock {
	lwlock lock;
	char pad[64 - sizeof(lwlock)];
} __attribute__((aligned(64))) padded_lwlock;

typedef struct map_ent {
	buf_tag me_tag;
	int32_t me_buf;
	int32_t me_next; /* next entry in the bucket or the free list, -1 = end */
} map_ent;

/* Per-process counters: one line per process slot, plus one shared line (atomic adds). */
typedef struct buf_stat_line {
	_Atomic uint64_t v[8];
} __attribute__((aligned(64))) buf_stat_line;

enum { ST_READS, ST_HITS, ST_WRITES, ST_EVICTIONS, ST_CHECKSUM, ST_EXTENDS };

typedef struct buf_shared {
	uint32_t bs_nbuffers;
	uint32_t bs_nbuckets;       /* power of two, multiple of BUF_NPART */
	uint32_t bs_nents;
	uint32_t bs_nstat;          /* process slots + 1 */
	_Atomic uint64_t bs_clock;  /* clock hand */
	spinlock bs_free_lock;      /* guards bs_free_head and the free chain */
	int32_t bs_free_head;
	size_t bs_descs_off, bs_pages_off, bs_buckets_off, bs_ents_off, bs_stats_off;
	padded_lwlock bs_part[BUF_NPART];
	padded_lwlock bs_ext[BUF_NEXTLOCK];
} buf_shared;

#endif
