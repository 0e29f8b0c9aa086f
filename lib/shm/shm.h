/*
 * shm.h — the server's POSIX shared-memory segment.
 *
 * The supervisor creates one segment at start (and a fresh one after a crash reset), lays
 * out every subsystem's region in it in the order of the region table (shm_regions.c), and
 * calls each region's init function.  Children inherit the mapping at the same address
 * through fork(), so pointers into the segment are valid in every process of the server;
 * anything persisted or sent in a message uses offsets instead.
 *
 * The segment's name, "/phantom.<hex of the data directory's inode and device>", is written
 * into the pid file, so that a start after `kill -9` of the supervisor removes a stale
 * segment before creating its own.  Tools (phantomctl status) attach read-only with
 * shm_attach_readonly to read the process table.
 */
#ifndef PH_SHM_SHM_H
#define PH_SHM_SHM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SHM_MAGIC 0x50484d31u /* "PHM1" */
#define SHM_LAYOUT_VERSION 1

typedef struct shm_region_def {
	const char *name;
	size_t (*size)(void);                  /* bytes needed, from the current settings */
	void (*init)(void *base, size_t size); /* supervisor, before any child starts */
} shm_region_def;

typedef struct shm_region_info {
	char name[24];
	uint64_t offset;
	uint64_t size;
} shm_region_info;

#define SHM_MAX_REGIONS 32

typedef struct shm_header {
	uint32_t sh_magic;
	uint32_t sh_version;
	uint64_t sh_size;
	int32_t sh_creator_pid;
	uint32_t sh_nregions;
	uint64_t sh_reset_count;    /* crash resets since the server started */
	shm_region_info sh_regions[SHM_MAX_REGIONS];
} shm_header;

extern shm_header *shm_hdr;

/* Segment name for a data directory (stable across restarts). */
void shm_name_for(const char *datadir, char *buf, size_t buflen);
/* Create, size, map and initialise; returns 0 or -1 with a message. */
int shm_create(const char *name, char *err, size_t errlen);
/* Unmap and unlink the segment created by this process. */
void shm_destroy(void);
/* Remove a segment left behind by a dead server; returns 1 if one was removed. */
int shm_remove_stale(const char *name);
/* Map an existing segment read-only (tools); sets shm_hdr and proc_tab. */
int shm_attach_readonly(const char *name, char *err, size_t errlen);
/* Address of a region by name, or NULL. */
void *shm_region(const char *name);
size_t shm_total_size(void);

#endif
