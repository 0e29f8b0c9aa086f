/*
 * slru.c — a simple least-recently-used cache of 8 KiB pages in shared memory, backed by
 * files of 32 pages under DATADIR/<name>/ (README section 1 "The commit log").  Used for
 * clog (fsynced) and subtrans (never fsynced, wiped at start).  One lwlock per SLRU
 * protects the buffers and the files; a page that is not on disk reads as zeros.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "txn/txn_int.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"

void
slru_init(slru *s, const char *name, int nbuf, bool do_fsync)
{
	memset(s, 0, sizeof(*s));
	lwlock_init(&s->sl_lock, 60);
	snprintf(s->sl_name, sizeof(s->sl_name), "%s", name);
	s->sl_fsync = do_fsync;
	s->sl_nbuf = nbuf;
	for (int i = 0; i < nbuf; i++)
		s->sl_page[i] = -1;
}

static void
seg_path(const slru *s, int64_t seg, char *buf, size_t len)
{
	snprintf(buf, len, "%s/%s/%016llX", txn_sh->ts_datadir, s->sl_name, (unsigned long long)seg);
}

static void
read_page(slru *s, int64_t page, char *buf)
{
	char path[TXN_PATH_MAX + 64];
	int fd;
	ssize_t n;

	seg_path(s, page / SLRU_PAGES_PER_SEGMENT, path, sizeof(path));
	memset(buf, 0, SLRU_PAGE_SIZE);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		if (errno == ENOENT)
			return;
		ph_error(ERRCODE_IO_ERROR, "could not open file \"%s\": %s", path, strerror(errno));
	}
	n = pread(fd, buf, SLRU_PAGE_SIZE, (off_t)(page % SLRU_PAGES_PER_SEGMENT) * SLRU_PAGE_SIZE);
	close(fd);
	if (n < 0)
		ph_error(ERRCODE_IO_ERROR, "could not read file \"%s\": %s", path, strerror(errno));
	if (n > 0 && n < SLRU_PAGE_SIZE)
		memset(buf + n, 0, SLRU_PAGE_SIZE - (size_t)n);
}

static void
write_buffer(slru *s, int b)
{
	char path[TXN_PATH_MAX + 64];
	int64_t page = s->sl_page[b];
	int fd;

	/* A clog page that records asynchronous commits must not reach disk before their
	 * commit records do (README invariant 6). */
	if (s->sl_lsn[b] != 0 && wal_datadir() != NULL && wal_flushed_lsn() < s->sl_lsn[b])
		wal_flush(s->sl_lsn[b]);
	seg_path(s, page / SLRU_PAGES_PER_SEGMENT, path, sizeof(path));
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	if (fd < 0)
		ph_error(ERRCODE_IO_ERROR, "could not open file \"%s\": %s", path, strerror(errno));
	if (pwrite(fd, s->sl_data[b], SLRU_PAGE_SIZE,
	           (off_t)(page % SLRU_PAGES_PER_SEGMENT) * SLRU_PAGE_SIZE) != SLRU_PAGE_SIZE ||
	    (s->sl_fsync && settings.fsync && fsync(fd) != 0)) {
		int e = errno;

		close(fd);
		ph_error(ERRCODE_IO_ERROR, "could not write file \"%s\": %s", path, strerror(e));
	}
	close(fd);
	s->sl_state[b] = SLRU_CLEAN;
}

int
slru_lookup(slru *s, int64_t page)
{
	for (int b = 0; b < s->sl_nbuf; b++)
		if (s->sl_page[b] == page) {
			atomic_store_explicit(&s->sl_used[b], atomic_fetch_add(&s->sl_clock, 1) + 1,
			                      memory_order_relaxed);
			return b;
		}
	return -1;
}

int
slru_page_locked(slru *s, int64_t page)
{
	int b = slru_lookup(s, page), victim = -1;
	uint64_t best = UINT64_MAX;

	PH_ASSERT(lwlock_held_by_me(&s->sl_lock));
	if (b >= 0)
		return b;
	for (b = 0; b < s->sl_nbuf; b++) {
		uint64_t u;

		if (s->sl_state[b] == SLRU_EMPTY) {
			victim = b;
			break;
		}
		u = atomic_load_explicit(&s->sl_used[b], memory_order_relaxed);
		if (u < best) {
			best = u;
			victim = b;
		}
	}
	if (s->sl_state[victim] == SLRU_DIRTY)
		write_buffer(s, victim);
	s->sl_page[victim] = -1;
	s->sl_state[victim] = SLRU_EMPTY;
	read_page(s, page, s->sl_data[victim]);
	s->sl_page[victim] = page;
	s->sl_state[victim] = SLRU_CLEAN;
	s->sl_lsn[victim] = 0;
	atomic_store(&s->sl_used[victim], atomic_fetch_add(&s->sl_clock, 1) + 1);
	return victim;
}

void
slru_flush(slru *s)
{
	lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
	for (int b = 0; b < s->sl_nbuf; b++)
		if (s->sl_state[b] == SLRU_DIRTY)
			write_buffer(s, b);
	lwlock_release(&s->sl_lock);
}

void
slru_wipe(slru *s)
{
	char dir[TXN_PATH_MAX + 32], path[TXN_PATH_MAX + 64];
	struct dirent *de;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/%s", txn_sh->ts_datadir, s->sl_name);
	d = opendir(dir);
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strlen(de->d_name) != 16)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		unlink(path);
	}
	closedir(d);
	lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
	for (int b = 0; b < s->sl_nbuf; b++) {
		s->sl_page[b] = -1;
		s->sl_state[b] = SLRU_EMPTY;
	}
	lwlock_release(&s->sl_lock);
}
