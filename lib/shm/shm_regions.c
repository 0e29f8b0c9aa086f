/*
 * shm_regions.c — the table of shared-memory regions, in layout order.  A subsystem that
 * needs shared memory adds one line here with its size and init functions.
 */
#include "catalog/cat.h"
#include "btree/bt.h"
#include "buf/buf.h"
#include "lock/lock.h"
#include "shm/proc.h"
#include "smgr/smgr.h"
#include "shm/shm.h"
#include "shm/stats.h"
#include "txn/txn.h"
#include "wal/wal.h"

const shm_region_def shm_region_table[] = {
	{"proc", proc_shmem_size, proc_shmem_init},
	{"stats", stats_shmem_size, stats_shmem_init},
	{"catalog", cat_shmem_size, cat_shmem_init},
	{"smgr", smgr_shmem_size, smgr_shmem_init},
	{"buf", buf_shmem_size, buf_shmem_init},
	{"btree", bt_shmem_size, bt_shmem_init},
	{"wal", wal_shmem_size, wal_shmem_init},
	{"lock", lock_shmem_size, lock_shmem_init},
	{"txn", txn_shmem_size, txn_shmem_init},
};

const unsigned shm_region_count = sizeof(shm_region_table) / sizeof(shm_region_table[0]);
