/*
 * smgr.c — relation files and the shared sync table; see smgr.h and README.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page/page.h"
#include "shm/spin.h"
#include "smgr/smgr.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

uint32_t smgr_seg_blocks = SMGR_SEG_BLOCKS_DEFAULT;

static char datadir[PATH_MAX] = ".";
static const char *const fork_suffix[SMGR_NFORKS] = { "", "_fsm", "_ovf" };

/* ---- shared sync table ------------------------------------------------------------------- */

typedef struct sync_ent {
	Oid db;
	Oid relnode;
	uint32_t seg;
	uint8_t fork;
	uint8_t used;
	uint16_t pad;
} sync_ent;

typedef struct smgr_shared {
	spinlock st_lock;
	uint32_t st_nused;         /* under st_lock */
	uint64_t st_clear_gen;     /* under st_lock: bumped each time the table is emptied */
	_Atomic uint64_t st_fd_gen; /* bumped by truncate and unlink (descriptor invalidation) */
	sync_ent st_ents[SMGR_SYNC_SLOTS];
} smgr_shared;

static smgr_shared *shared;

size_t
smgr_shmem_size(void)
{
	return sizeof(smgr_shared);
}

void
smgr_shmem_init(void *base, size_t size)
{
	memset(base, 0, size);
	shared = base;
	spin_init(&shared->st_lock);
}

/* ---- handles ----------------------------------------------------------------------------- */

#define NHASH 256
static smgr_rel *htab[NHASH];

static unsigned
hash_loc(rel_locator loc)
{
	return (loc.db * 2654435761u ^ loc.relnode * 40503u) % NHASH;
}

void
smgr_init(const char *dir)
{
	snprintf(datadir, sizeof(datadir), "%s", dir);
}

const char *
smgr_datadir(void)
{
	return datadir;
}

void
smgr_path(rel_locator loc, fork_num fork, uint32_t seg, bool rel_only, char *buf, size_t len)
{
	char segsuf[16] = "";

	if (seg > 0)
		snprintf(segsuf, sizeof(segsuf), ".%u", seg);
	snprintf(buf, len, "%s%sbase/%u/%u%s%s", rel_only ? "" : datadir, rel_only ? "" : "/",
	         loc.db, loc.relnode, fork_suffix[fork], segsuf);
}

smgr_rel *
smgr_open(rel_locator loc)
{
	unsigned h = hash_loc(loc);
	smgr_rel *r;

	for (r = htab[h]; r; r = r->hnext)
		if (r->loc.db == loc.db && r->loc.relnode == loc.relnode)
			return r;
	r = mem_zalloc(mem_top, sizeof(*r));
	r->loc = loc;
	snprintf(r->name, sizeof(r->name), "base/%u/%u", loc.db, loc.relnode);
	r->fd_gen = shared ? atomic_load(&shared->st_fd_gen) : 0;
	r->hnext = htab[h];
	htab[h] = r;
	return r;
}

void
smgr_set_name(smgr_rel *r, const char *name)
{
	if (name && name[0])
		snprintf(r->name, sizeof(r->name), "%s", name);
}

const char *
smgr_display_name(const smgr_rel *r)
{
	return r->name;
}

static void
close_fds(smgr_rel *r)
{
	for (int f = 0; f < SMGR_NFORKS; f++) {
		for (int s = 0; s < r->nfds[f]; s++)
			if (r->fds[f][s] >= 0) {
				close(r->fds[f][s]);
				r->fds[f][s] = -1;
			}
		r->full_segs[f] = 0;
	}
}

void
smgr_close(smgr_rel *r)
{
	smgr_rel **pp = &htab[hash_loc(r->loc)];

	close_fds(r);
	while (*pp && *pp != r)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = r->hnext;
	for (int f = 0; f < SMGR_NFORKS; f++)
		if (r->fds[f])
			pfree(r->fds[f]);
	pfree(r);
}

void
smgr_close_all(void)
{
	for (int h = 0; h < NHASH; h++)
		while (htab[h])
			smgr_close(htab[h]);
}

/* Another process truncated or unlinked something: our descriptors may be stale. */
static inline void
check_gen(smgr_rel *r)
{
	uint64_t g;

	if (shared == NULL)
		return;
	g = atomic_load_explicit(&shared->st_fd_gen, memory_order_acquire);
	if (g != r->fd_gen) {
		close_fds(r);
		r->fd_gen = g;
	}
}

static void
bump_gen(void)
{
	if (shared)
		atomic_fetch_add(&shared->st_fd_gen, 1);
}

static noreturn void
io_error(const char *what, smgr_rel *r, fork_num fork, uint32_t seg, int errnum)
{
	char path[PATH_MAX];

	smgr_path(r->loc, fork, seg, true, path, sizeof(path));
	ph_error(errnum == ENOSPC ? ERRCODE_DISK_FULL : ERRCODE_IO_ERROR,
	         "could not %s file \"%s\" of relation \"%s\": %s", what, path, r->name,
	         strerror(errnum));
}

/* Descriptor of a segment; -1 when it does not exist and !create. */
static int
seg_fd(smgr_rel *r, fork_num fork, uint32_t seg, bool create)
{
	char path[PATH_MAX];
	int fd;

	if ((int)seg >= r->nfds[fork]) {
		int n = r->nfds[fork] ? r->nfds[fork] : 4;

		while (n <= (int)seg)
			n *= 2;
		r->fds[fork] = r->fds[fork] ? repalloc(r->fds[fork], n * sizeof(int))
		                            : mem_alloc(mem_top, n * sizeof(int));
		for (int i = r->nfds[fork]; i < n; i++)
			r->fds[fork][i] = -1;
		r->nfds[fork] = n;
	}
	if (r->fds[fork][seg] >= 0)
		return r->fds[fork][seg];
	smgr_path(r->loc, fork, seg, false, path, sizeof(path));
	fd = open(path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0600);
	if (fd < 0) {
		if (errno == ENOENT && !create)
			return -1;
		io_error("open", r, fork, seg, errno);
	}
	r->fds[fork][seg] = fd;
	return fd;
}

static void
make_db_dir(smgr_rel *r)
{
	char path[PATH_MAX + 32];

	snprintf(path, sizeof(path), "%s/base", datadir);
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		ph_error(ERRCODE_IO_ERROR, "could not create directory \"%s\": %s", path,
		         strerror(errno));
	snprintf(path, sizeof(path), "%s/base/%u", datadir, r->loc.db);
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		ph_error(ERRCODE_IO_ERROR, "could not create directory \"%s\": %s", path,
		         strerror(errno));
}

bool
smgr_exists(smgr_rel *r, fork_num fork)
{
	check_gen(r);
	return seg_fd(r, fork, 0, false) >= 0;
}

void
smgr_create(smgr_rel *r, fork_num fork, bool if_not_exists)
{
	char path[PATH_MAX];
	int fd;

	check_gen(r);
	make_db_dir(r);
	smgr_path(r->loc, fork, 0, false, path, sizeof(path));
	fd = open(path, O_RDWR | O_CLOEXEC | O_CREAT | (if_not_exists ? 0 : O_EXCL), 0600);
	if (fd < 0)
		io_error("create", r, fork, 0, errno);
	close(fd); /* seg_fd opens it again when it is used */
}

void
smgr_unlink(rel_locator loc)
{
	char path[PATH_MAX];
	smgr_rel *r = smgr_open(loc);

	close_fds(r);
	for (int f = 0; f < SMGR_NFORKS; f++)
		for (uint32_t s = 0;; s++) {
			smgr_path(loc, (fork_num)f, s, false, path, sizeof(path));
			if (unlink(path) != 0) {
				if (errno != ENOENT)
					ph_error(ERRCODE_IO_ERROR, "could not remove file \"%s\": %s", path,
					         strerror(errno));
				break;
			}
		}
	bump_gen();
	smgr_close(r);
}

uint32_t
smgr_nblocks(smgr_rel *r, fork_num fork)
{
	uint32_t s;

	check_gen(r);
	for (s = r->full_segs[fork];; s++) {
		int fd = seg_fd(r, fork, s, false);
		off_t size;

		if (fd < 0)
			return s * smgr_seg_blocks;
		size = lseek(fd, 0, SEEK_END);
		if (size < 0)
			io_error("seek to the end of", r, fork, s, errno);
		if ((uint64_t)size < (uint64_t)smgr_seg_blocks * PAGE_SIZE)
			return s * smgr_seg_blocks + (uint32_t)(size / PAGE_SIZE);
		r->full_segs[fork] = s + 1;
	}
}

static void register_sync(smgr_rel *r, fork_num fork, uint32_t seg);

void
smgr_read(smgr_rel *r, fork_num fork, uint32_t blk, void *buf)
{
	uint32_t seg = blk / smgr_seg_blocks;
	off_t off = (off_t)(blk % smgr_seg_blocks) * PAGE_SIZE;
	ssize_t n;
	int fd;

	check_gen(r);
	fd = seg_fd(r, fork, seg, false);
	if (fd < 0)
		io_error("open", r, fork, seg, ENOENT);
	n = pread(fd, buf, PAGE_SIZE, off);
	if (n != PAGE_SIZE) {
		char path[PATH_MAX];

		if (n < 0)
			io_error("read", r, fork, seg, errno);
		smgr_path(r->loc, fork, seg, true, path, sizeof(path));
		ph_error(ERRCODE_IO_ERROR,
		         "could not read block %u in file \"%s\" of relation \"%s\": read only %zd of %d bytes",
		         blk, path, r->name, n, PAGE_SIZE);
	}
}

static void
write_block(smgr_rel *r, fork_num fork, uint32_t blk, const void *buf, bool create)
{
	static const char zeros[PAGE_SIZE];
	uint32_t seg = blk / smgr_seg_blocks;
	off_t off = (off_t)(blk % smgr_seg_blocks) * PAGE_SIZE;
	ssize_t n;
	int fd;

	check_gen(r);
	fd = seg_fd(r, fork, seg, create);
	if (fd < 0)
		io_error("open", r, fork, seg, ENOENT);
	n = pwrite(fd, buf ? buf : zeros, PAGE_SIZE, off);
	if (n != PAGE_SIZE) {
		char path[PATH_MAX];

		if (n < 0)
			io_error("write", r, fork, seg, errno);
		smgr_path(r->loc, fork, seg, true, path, sizeof(path));
		ph_error(ERRCODE_DISK_FULL,
		         "could not write block %u in file \"%s\": wrote only %zd of %d bytes", blk,
		         path, n, PAGE_SIZE);
	}
	register_sync(r, fork, seg);
}

void
smgr_write(smgr_rel *r, fork_num fork, uint32_t blk, const void *buf)
{
	write_block(r, fork, blk, buf, false);
}

void
smgr_extend(smgr_rel *r, fork_num fork, uint32_t blk, const void *buf)
{
	PH_ASSERT(blk == smgr_nblocks(r, fork));
	write_block(r, fork, blk, buf, true);
}

void
smgr_extend_to(smgr_rel *r, fork_num fork, uint32_t nblocks)
{
	uint32_t cur;

	if (!smgr_exists(r, fork))
		smgr_create(r, fork, true);
	for (cur = smgr_nblocks(r, fork); cur < nblocks; cur++)
		write_block(r, fork, cur, NULL, true);
}

void
smgr_truncate(smgr_rel *r, fork_num fork, uint32_t nblocks)
{
	char path[PATH_MAX];
	uint32_t nsegs;

	check_gen(r);
	if (!smgr_exists(r, fork))
		return;
	nsegs = smgr_nblocks(r, fork) / smgr_seg_blocks + 1;
	for (uint32_t s = nsegs; s-- > 0;) {
		uint64_t start = (uint64_t)s * smgr_seg_blocks;

		if (s > 0 && start >= nblocks) {
			smgr_path(r->loc, fork, s, false, path, sizeof(path));
			if (unlink(path) != 0 && errno != ENOENT)
				io_error("remove", r, fork, s, errno);
		} else if (start + smgr_seg_blocks > nblocks) {
			int fd = seg_fd(r, fork, s, false);

			if (fd >= 0 && ftruncate(fd, (off_t)(nblocks - start) * PAGE_SIZE) != 0)
				io_error("truncate", r, fork, s, errno);
		}
	}
	close_fds(r);
	bump_gen();
	r->fd_gen = shared ? atomic_load(&shared->st_fd_gen) : 0;
}

static void
fsync_fd(smgr_rel *r, fork_num fork, uint32_t seg, int fd)
{
	if (fsync(fd) != 0) {
		char path[PATH_MAX];

		smgr_path(r->loc, fork, seg, true, path, sizeof(path));
		/* The kernel may have dropped the dirty pages: retrying could report success
		 * for data that is gone, so this is not recoverable without the WAL. */
		ph_panic("could not fsync file \"%s\": %s", path, strerror(errno));
	}
}

void
smgr_immedsync(smgr_rel *r, fork_num fork)
{
	uint32_t nsegs;

	if (!settings.fsync || !smgr_exists(r, fork))
		return;
	nsegs = smgr_nblocks(r, fork) / smgr_seg_blocks + 1;
	for (uint32_t s = 0; s < nsegs; s++) {
		int fd = seg_fd(r, fork, s, false);

		if (fd >= 0)
			fsync_fd(r, fork, s, fd);
	}
}

/* ---- sync requests ------------------------------------------------------------------------ */

static struct {
	rel_locator loc;
	uint32_t seg;
	int fork;
	uint64_t clear_gen;
	bool valid;
} last_reg;

static unsigned
sync_hash(rel_locator loc, fork_num fork, uint32_t seg)
{
	uint64_t h = ((uint64_t)loc.db * 0x9e3779b97f4a7c15ull) ^ ((uint64_t)loc.relnode << 20) ^
	             ((uint64_t)seg << 4) ^ (uint64_t)fork;

	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 32;
	return (unsigned)(h % SMGR_SYNC_SLOTS);
}

static void
register_sync(smgr_rel *r, fork_num fork, uint32_t seg)
{
	unsigned h;
	bool done = false;

	if (!settings.fsync)
		return;
	if (shared == NULL) {
		fsync_fd(r, fork, seg, seg_fd(r, fork, seg, false));
		return;
	}
	if (last_reg.valid && last_reg.loc.db == r->loc.db && last_reg.loc.relnode == r->loc.relnode &&
	    last_reg.seg == seg && last_reg.fork == (int)fork &&
	    last_reg.clear_gen == __atomic_load_n(&shared->st_clear_gen, __ATOMIC_ACQUIRE))
		return;
	spin_acquire(&shared->st_lock);
	for (h = sync_hash(r->loc, fork, seg);; h = (h + 1) % SMGR_SYNC_SLOTS) {
		sync_ent *e = &shared->st_ents[h];

		if (!e->used) {
			if (shared->st_nused >= SMGR_SYNC_SLOTS * 3 / 4)
				break; /* full: sync it ourselves below */
			e->db = r->loc.db;
			e->relnode = r->loc.relnode;
			e->seg = seg;
			e->fork = (uint8_t)fork;
			e->used = 1;
			shared->st_nused++;
			done = true;
			break;
		}
		if (e->db == r->loc.db && e->relnode == r->loc.relnode && e->seg == seg &&
		    e->fork == fork) {
			done = true;
			break;
		}
	}
	last_reg.clear_gen = shared->st_clear_gen;
	spin_release(&shared->st_lock);
	if (!done) {
		fsync_fd(r, fork, seg, seg_fd(r, fork, seg, false));
		last_reg.valid = false;
		return;
	}
	last_reg.loc = r->loc;
	last_reg.seg = seg;
	last_reg.fork = (int)fork;
	last_reg.valid = true;
}

int
smgr_sync_queued(void)
{
	int n;

	if (shared == NULL)
		return 0;
	spin_acquire(&shared->st_lock);
	n = (int)shared->st_nused;
	spin_release(&shared->st_lock);
	return n;
}

int
smgr_sync_pending(void)
{
	static sync_ent todo[SMGR_SYNC_SLOTS];
	int n = 0, synced = 0;

	if (shared == NULL)
		return 0;
	spin_acquire(&shared->st_lock);
	for (unsigned i = 0; i < SMGR_SYNC_SLOTS; i++)
		if (shared->st_ents[i].used) {
			todo[n++] = shared->st_ents[i];
			shared->st_ents[i].used = 0;
		}
	shared->st_nused = 0;
	__atomic_add_fetch(&shared->st_clear_gen, 1, __ATOMIC_RELEASE);
	spin_release(&shared->st_lock);
	for (int i = 0; i < n; i++) {
		rel_locator loc = { todo[i].db, todo[i].relnode };
		char path[PATH_MAX];
		int fd;

		smgr_path(loc, (fork_num)todo[i].fork, todo[i].seg, false, path, sizeof(path));
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0) {
			if (errno == ENOENT)
				continue; /* dropped or truncated since: nothing to keep */
			ph_error(ERRCODE_IO_ERROR, "could not open file \"%s\": %s", path, strerror(errno));
		}
		if (fsync(fd) != 0)
			ph_panic("could not fsync file \"%s\": %s", path, strerror(errno));
		close(fd);
		synced++;
	}
	return synced;
}
