/*
 * wal_file.c — segment files (create full size, open, recycle), the control file
 * (atomic replacement), bootstrap of a new data directory, and wal_startup.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "shm/proc.h"
#include "shm/shm.h"
#include "util/cfg.h"
#include "util/crc32c.h"
#include "util/err.h"
#include "util/log.h"
#include "wal/wal_int.h"

/* The segment this process last opened for writing (any process may become the writer). */
static int wfd = -1;
static uint64_t wseg = UINT64_MAX;

void
wal_segment_name(uint64_t segno, char *buf, size_t buflen)
{
	snprintf(buf, buflen, "%016llX", (unsigned long long)segno);
}

void
wal_seg_path(const char *datadir, uint64_t segno, char *buf, size_t buflen)
{
	char name[32];

	wal_segment_name(segno, name, sizeof(name));
	snprintf(buf, buflen, "%s/wal/%s", datadir, name);
}

/* Close fd (keeping errno) and raise 58030 "could not <action> \"path\"". */
static noreturn void
close_and_raise(int fd, const char *action, const char *path)
{
	int e = errno;

	close(fd);
	ph_error(ERRCODE_IO_ERROR, "could not %s \"%s\": %s", action, path, strerror(e));
}

void
wal_fsync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		ph_error(ERRCODE_IO_ERROR, "could not open directory \"%s\": %s", path, strerror(errno));
	if (settings.fsync && fsync(fd) != 0)
		close_and_raise(fd, "fsync directory", path);
	close(fd);
}

void
wal_write_full(int fd, const void *buf, size_t len, off_t off, const char *what)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = pwrite(fd, p, len, off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			ph_panic("could not write %s at offset %lld: %s", what, (long long)off,
			         strerror(errno));
		}
		p += n;
		len -= (size_t)n;
		off += n;
	}
}

/* Create a zero-filled segment file of full size under a temporary name, then rename it. */
static void
create_segment(const char *datadir, uint64_t segno, uint64_t segsz)
{
	char path[WAL_PATH_MAX + 32], tmp[WAL_PATH_MAX + 40], dir[WAL_PATH_MAX + 8];
	static char zeros[128 * 1024];
	int fd;

	wal_seg_path(datadir, segno, path, sizeof(path));
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		ph_error(ERRCODE_IO_ERROR, "could not create file \"%s\": %s", tmp, strerror(errno));
	for (uint64_t off = 0; off < segsz; off += sizeof(zeros)) {
		size_t n = segsz - off < sizeof(zeros) ? (size_t)(segsz - off) : sizeof(zeros);

		wal_write_full(fd, zeros, n, (off_t)off, "new WAL segment");
	}
	if (settings.fsync && fsync(fd) != 0)
		ph_panic("could not fsync file \"%s\": %s", tmp, strerror(errno));
	close(fd);
	if (rename(tmp, path) != 0)
		ph_error(ERRCODE_IO_ERROR, "could not rename \"%s\" to \"%s\": %s", tmp, path,
		         strerror(errno));
	snprintf(dir, sizeof(dir), "%s/wal", datadir);
	wal_fsync_dir(dir);
}

int
wal_seg_open_for_write(uint64_t segno)
{
	char path[WAL_PATH_MAX + 32];

	if (wfd >= 0 && wseg == segno)
		return wfd;
	wal_close_write_file();
	wal_seg_path(wal_sh->w_datadir, segno, path, sizeof(path));
	wfd = open(path, O_RDWR);
	if (wfd < 0 && errno == ENOENT) {
		create_segment(wal_sh->w_datadir, segno, wal_sh->w_seg_size);
		atomic_fetch_add(&wal_sh->st_segs_created, 1);
		wfd = open(path, O_RDWR);
	}
	if (wfd < 0)
		ph_panic("could not open WAL segment \"%s\": %s", path, strerror(errno));
	wseg = segno;
	return wfd;
}

void
wal_close_write_file(void)
{
	if (wfd >= 0)
		close(wfd);
	wfd = -1;
	wseg = UINT64_MAX;
}

/* ---- control file ------------------------------------------------------------------------- */

static void
control_paths(const char *datadir, char *path, char *tmp, char *dir, size_t len)
{
	snprintf(path, len, "%s/global/control", datadir);
	snprintf(tmp, len, "%s/global/control.tmp", datadir);
	snprintf(dir, len, "%s/global", datadir);
}

static uint32_t
control_crc(const wal_control *c)
{
	return crc32c(0, c, offsetof(wal_control, crc));
}

const char *
wal_state_name(uint32_t state)
{
	switch (state) {
	case WAL_STATE_SHUT_DOWN:
		return "shut down";
	case WAL_STATE_IN_PRODUCTION:
		return "in production";
	case WAL_STATE_IN_RECOVERY:
		return "in crash recovery";
	default:
		return "unknown";
	}
}

void
wal_control_read(const char *datadir, wal_control *out)
{
	char path[WAL_PATH_MAX + 32], tmp[WAL_PATH_MAX + 32], dir[WAL_PATH_MAX + 32];
	char buf[sizeof(wal_control) + 1];
	ssize_t n;
	int fd;

	control_paths(datadir, path, tmp, dir, sizeof(path));
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		if (errno == ENOENT)
			ph_error(ERRCODE_UNDEFINED_FILE, "control file \"%s\" does not exist", path);
		ph_error(ERRCODE_IO_ERROR, "could not open control file \"%s\": %s", path, strerror(errno));
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < 0)
		ph_error(ERRCODE_IO_ERROR, "could not read control file \"%s\": %s", path, strerror(errno));
	if ((size_t)n != sizeof(wal_control)) {
		ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
		err_detail("The file has %zd bytes; expected %zu.", n, sizeof(wal_control));
		err_throw("control file \"%s\" is corrupted", path);
	}
	memcpy(out, buf, sizeof(*out));
	if (out->magic != WAL_CONTROL_MAGIC || out->crc != control_crc(out)) {
		ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
		err_detail("%s", out->magic != WAL_CONTROL_MAGIC ? "The magic number is wrong."
		                                                 : "The CRC does not match the contents.");
		err_throw("control file \"%s\" is corrupted", path);
	}
	if (out->version != WAL_FORMAT_VERSION || out->page_size != WAL_PAGE_SIZE) {
		ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
		err_detail("The file has format version %u and WAL page size %u; this server uses %u and %u.",
		           out->version, out->page_size, WAL_FORMAT_VERSION, WAL_PAGE_SIZE);
		err_throw("control file \"%s\" is incompatible with this server", path);
	}
	if (out->seg_size < WAL_PAGE_SIZE * 16 || out->seg_size % WAL_PAGE_SIZE != 0) {
		ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
		err_detail("WAL segment size %llu is invalid.", (unsigned long long)out->seg_size);
		err_throw("control file \"%s\" is corrupted", path);
	}
}

void
wal_control_write(const char *datadir, const wal_control *c)
{
	char path[WAL_PATH_MAX + 32], tmp[WAL_PATH_MAX + 32], dir[WAL_PATH_MAX + 32];
	wal_control copy = *c;
	int fd;

	control_paths(datadir, path, tmp, dir, sizeof(path));
	copy.magic = WAL_CONTROL_MAGIC;
	copy.version = WAL_FORMAT_VERSION;
	copy.page_size = WAL_PAGE_SIZE;
	copy.pad = 0;
	copy.crc = control_crc(&copy);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		ph_error(ERRCODE_IO_ERROR, "could not create file \"%s\": %s", tmp, strerror(errno));
	if (write(fd, &copy, sizeof(copy)) != (ssize_t)sizeof(copy))
		close_and_raise(fd, "write file", tmp);
	if (settings.fsync && fsync(fd) != 0)
		close_and_raise(fd, "fsync file", tmp);
	close(fd);
	if (rename(tmp, path) != 0)
		ph_error(ERRCODE_IO_ERROR, "could not rename \"%s\" to \"%s\": %s", tmp, path,
		         strerror(errno));
	wal_fsync_dir(dir);
}

void
wal_control_get(wal_control *out)
{
	lwlock_acquire(&wal_sh->w_control_lock, LW_SHARED);
	*out = wal_sh->w_control;
	lwlock_release(&wal_sh->w_control_lock);
}

void
wal_control_set_next_xid(uint64_t next_xid)
{
	lwlock_acquire(&wal_sh->w_control_lock, LW_EXCLUSIVE);
	if (next_xid > wal_sh->w_control.next_xid) {
		wal_sh->w_control.next_xid = next_xid;
		wal_control_write(wal_sh->w_datadir, &wal_sh->w_control);
	}
	lwlock_release(&wal_sh->w_control_lock);
}

const char *
wal_datadir(void)
{
	return wal_sh ? wal_sh->w_datadir : NULL;
}

/* ---- bootstrap ---------------------------------------------------------------------------- */

static void
make_dir(const char *path)
{
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		ph_error(ERRCODE_IO_ERROR, "could not create directory \"%s\": %s", path, strerror(errno));
}

size_t
wal_build_record_local(char *buf, size_t cap, uint8_t rmid, uint8_t info, uint64_t xid,
                       wal_lsn prev, const void *data, uint32_t len)
{
	wal_rec_hdr h = { 0 };
	uint32_t crc;

	if (WAL_REC_HDR_SIZE + (size_t)len > cap)
		ph_internal("record too large for the bootstrap buffer");
	h.tot_len = WAL_REC_HDR_SIZE + len;
	h.xid = xid;
	h.prev = prev;
	h.rmid = rmid;
	h.info = info;
	h.main_len = len;
	memcpy(buf, &h, sizeof(h));
	memcpy(buf + WAL_REC_HDR_SIZE, data, len);
	crc = crc32c(0, buf + WAL_REC_HDR_SIZE, len);
	crc = crc32c(crc, buf, 4);
	h.crc = crc32c(crc, buf + 8, WAL_REC_HDR_SIZE - 8);
	memcpy(buf, &h, sizeof(h));
	return h.tot_len;
}

void
wal_bootstrap(const char *datadir, uint64_t first_xid)
{
	char path[WAL_PATH_MAX + 32], page[WAL_PAGE_SIZE];
	uint64_t segsz = (uint64_t)settings.wal_segment_size;
	wal_checkpoint_rec cp = { 0 };
	wal_control c = { 0 };
	struct timespec ts;
	int fd;

	if (strlen(datadir) >= WAL_PATH_MAX - 64)
		ph_error(ERRCODE_NAME_TOO_LONG, "data directory path \"%s\" is too long", datadir);
	if (segsz < WAL_PAGE_SIZE * 16 || segsz % WAL_PAGE_SIZE != 0)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid wal_segment_size %lld",
		         (long long)segsz);
	snprintf(path, sizeof(path), "%s/wal", datadir);
	make_dir(path);
	snprintf(path, sizeof(path), "%s/global", datadir);
	make_dir(path);
	clock_gettime(CLOCK_REALTIME, &ts);
	c.sysid = ((uint64_t)ts.tv_sec << 32) ^ ((uint64_t)ts.tv_nsec << 12) ^ (uint64_t)getpid();
	create_segment(datadir, 0, segsz);
	memset(page, 0, sizeof(page));
	wal_init_page_hdr(page, 0, c.sysid);
	cp.redo = WAL_PAGE_HDR_SIZE;
	cp.next_xid = first_xid;
	cp.time = (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
	cp.shutdown = 1;
	wal_build_record_local(page + WAL_PAGE_HDR_SIZE, sizeof(page) - WAL_PAGE_HDR_SIZE, RM_XLOG,
	                       WAL_XLOG_CHECKPOINT, 0, WAL_INVALID_LSN, &cp, sizeof(cp));
	wal_seg_path(datadir, 0, path, sizeof(path));
	fd = open(path, O_RDWR);
	if (fd < 0)
		ph_error(ERRCODE_IO_ERROR, "could not open \"%s\": %s", path, strerror(errno));
	wal_write_full(fd, page, sizeof(page), 0, "WAL segment");
	if (settings.fsync && fsync(fd) != 0)
		ph_panic("could not fsync \"%s\": %s", path, strerror(errno));
	close(fd);
	c.state = WAL_STATE_SHUT_DOWN;
	c.checkpoint_lsn = WAL_PAGE_HDR_SIZE;
	c.redo_lsn = WAL_PAGE_HDR_SIZE;
	c.next_xid = first_xid;
	c.checkpoint_time = cp.time;
	c.seg_size = segsz;
	wal_control_write(datadir, &c);
}

/* ---- startup ------------------------------------------------------------------------------ */

static bool
page_hdr_valid_for(const char *page, wal_lsn addr, uint64_t sysid)
{
	wal_page_hdr h;

	memcpy(&h, page, sizeof(h));
	return h.magic == WAL_PAGE_MAGIC && h.pageaddr == addr && h.sysid == sysid;
}

/* Zero every page from `from` (a page boundary) to the end of its segment that still looks
 * like valid log, and remove later segment files that hold valid-looking log: nothing stale
 * may follow the end of valid log (README "Reading, crash tails and recovery"). */
static void
clear_after(wal_lsn from)
{
	uint64_t segsz = wal_sh->w_seg_size, seg = from / segsz;
	char path[WAL_PATH_MAX + 32];
	static char buf[256 * 1024], zero[WAL_PAGE_SIZE];
	bool wrote = false;
	DIR *d;
	struct dirent *de;
	int fd;

	wal_seg_path(wal_sh->w_datadir, seg, path, sizeof(path));
	fd = open(path, O_RDWR);
	if (fd >= 0) {
		for (uint64_t off = from % segsz; off < segsz; off += sizeof(buf)) {
			size_t want = segsz - off < sizeof(buf) ? (size_t)(segsz - off) : sizeof(buf);
			ssize_t n = pread(fd, buf, want, (off_t)off);

			if (n <= 0)
				break;
			for (size_t p = 0; p + WAL_PAGE_SIZE <= (size_t)n; p += WAL_PAGE_SIZE)
				if (page_hdr_valid_for(buf + p, seg * segsz + off + p, wal_sh->w_sysid)) {
					wal_write_full(fd, zero, WAL_PAGE_SIZE, (off_t)(off + p), "WAL segment");
					wrote = true;
				}
		}
		if (wrote && settings.fsync && fdatasync(fd) != 0)
			ph_panic("could not fsync \"%s\": %s", path, strerror(errno));
		close(fd);
	}
	snprintf(path, sizeof(path), "%s/wal", wal_sh->w_datadir);
	d = opendir(path);
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char *end;
		unsigned long long s;
		char fp[WAL_PATH_MAX + 32], hdr[WAL_PAGE_HDR_SIZE];

		if (strlen(de->d_name) != 16)
			continue;
		s = strtoull(de->d_name, &end, 16);
		if (*end != '\0' || s <= seg)
			continue;
		wal_seg_path(wal_sh->w_datadir, s, fp, sizeof(fp));
		fd = open(fp, O_RDONLY);
		if (fd < 0)
			continue;
		if (pread(fd, hdr, sizeof(hdr), 0) == (ssize_t)sizeof(hdr) &&
		    page_hdr_valid_for(hdr, s * segsz, wal_sh->w_sysid)) {
			log_msg(LV_WARNING, "removing WAL segment %s beyond the end of valid log", de->d_name);
			unlink(fp);
		}
		close(fd);
	}
	closedir(d);
}

void
wal_startup(const char *datadir, wal_lsn end_lsn, wal_lsn last_lsn)
{
	wal_control c;
	uint64_t cur, page;
	size_t off;

	if (shm_region("wal") == NULL)
		ph_internal("WAL shared memory is not set up");
	wal_attach_pointers(shm_region("wal"));
	if (strlen(datadir) >= WAL_PATH_MAX)
		ph_error(ERRCODE_NAME_TOO_LONG, "data directory path \"%s\" is too long", datadir);
	wal_control_read(datadir, &c);
	wal_close_write_file();
	snprintf(wal_sh->w_datadir, sizeof(wal_sh->w_datadir), "%s", datadir);
	wal_sh->w_control = c;
	wal_sh->w_sysid = c.sysid;
	wal_sh->w_seg_size = c.seg_size;
	if ((int64_t)c.seg_size != settings.wal_segment_size)
		log_msg(LV_NOTICE, "using the data directory's WAL segment size %llu instead of wal_segment_size",
		        (unsigned long long)c.seg_size);
	cur = wal_lsn_to_bytepos(end_lsn);
	if (cur % 8 != 0)
		ph_internal("end of WAL " WAL_LSN_FMT " is not a record boundary", WAL_LSN_ARGS(end_lsn));
	wal_sh->w_cur = cur;
	wal_sh->w_last = wal_lsn_to_bytepos(last_lsn);
	atomic_store(&wal_sh->w_redo, c.redo_lsn);
	for (uint32_t i = 0; i < wal_sh->w_nbuffers; i++)
		atomic_store(&wal_endlsn[i], 0);
	for (uint32_t i = 0; i < wal_sh->w_nslots; i++) {
		atomic_store(&wal_slots[i].ws_inserting_at, 0);
		atomic_store(&wal_slots[i].ws_flush_wait, 0);
	}
	page = cur / WAL_USABLE_PER_PAGE;
	off = cur % WAL_USABLE_PER_PAGE;
	atomic_store(&wal_sh->w_written, wal_bytepos_to_endlsn(cur));
	atomic_store(&wal_sh->w_flushed, wal_bytepos_to_endlsn(cur));
	atomic_store(&wal_sh->w_async, 0);
	if (off != 0) {
		/* Keep the valid start of the last page in the ring; rewrite it with a clean tail. */
		uint32_t idx = (uint32_t)(page % wal_sh->w_nbuffers);
		char *p = wal_pages + (size_t)idx * WAL_PAGE_SIZE;
		char path[WAL_PATH_MAX + 32];
		uint64_t segsz = c.seg_size;
		int fd;

		wal_seg_path(datadir, page * WAL_PAGE_SIZE / segsz, path, sizeof(path));
		fd = open(path, O_RDWR);
		if (fd < 0 || pread(fd, p, WAL_PAGE_SIZE, (off_t)((page * WAL_PAGE_SIZE) % segsz)) !=
		                  WAL_PAGE_SIZE)
			ph_error(ERRCODE_IO_ERROR, "could not read the last WAL page from \"%s\"", path);
		memset(p + WAL_PAGE_HDR_SIZE + off, 0, WAL_USABLE_PER_PAGE - off);
		wal_write_full(fd, p, WAL_PAGE_SIZE, (off_t)((page * WAL_PAGE_SIZE) % segsz), "WAL segment");
		if (settings.fsync && fdatasync(fd) != 0)
			ph_panic("could not fsync \"%s\": %s", path, strerror(errno));
		close(fd);
		atomic_store(&wal_endlsn[idx], (page + 1) * WAL_PAGE_SIZE);
		atomic_store(&wal_sh->w_initialized, (page + 1) * WAL_PAGE_SIZE);
	} else {
		atomic_store(&wal_sh->w_initialized, page * WAL_PAGE_SIZE);
	}
	clear_after(atomic_load(&wal_sh->w_initialized));
	wal_sh->w_started = true;
	if (!settings.fsync)
		log_msg(LV_WARNING, "fsync is off: an operating system crash or power loss can lose "
		                    "committed transactions or corrupt the database");
}

/* ---- recycling ---------------------------------------------------------------------------- */

int
wal_recycle_segments(wal_lsn lsn)
{
	uint64_t segsz = wal_sh->w_seg_size, cutoff = lsn / segsz;
	uint64_t insert_seg = wal_insert_lsn() / segsz;
	int64_t keep = settings.max_wal_size / (int64_t)segsz;
	uint64_t next_future = insert_seg + 1;
	char path[WAL_PATH_MAX + 32], dst[WAL_PATH_MAX + 32];
	int n = 0, future = 0;
	DIR *d;
	struct dirent *de;

	if (keep < 2)
		keep = 2;
	snprintf(path, sizeof(path), "%s/wal", wal_sh->w_datadir);
	d = opendir(path);
	if (d == NULL)
		return 0;
	/* count segments already prepared beyond the insert position */
	while ((de = readdir(d)) != NULL) {
		char *end;
		unsigned long long s;

		if (strlen(de->d_name) != 16)
			continue;
		s = strtoull(de->d_name, &end, 16);
		if (*end == '\0' && s > insert_seg)
			future++;
	}
	rewinddir(d);
	while ((de = readdir(d)) != NULL) {
		char *end;
		unsigned long long s;

		if (strlen(de->d_name) != 16)
			continue;
		s = strtoull(de->d_name, &end, 16);
		if (*end != '\0' || s >= cutoff)
			continue;
		wal_seg_path(wal_sh->w_datadir, s, path, sizeof(path));
		if (future < keep) {
			struct stat st;

			for (;; next_future++) {
				wal_seg_path(wal_sh->w_datadir, next_future, dst, sizeof(dst));
				if (stat(dst, &st) != 0)
					break;
			}
			if (rename(path, dst) == 0) {
				future++;
				next_future++;
				atomic_fetch_add(&wal_sh->st_segs_recycled, 1);
				n++;
				continue;
			}
		}
		if (unlink(path) == 0)
			n++;
	}
	closedir(d);
	if (n > 0) {
		snprintf(path, sizeof(path), "%s/wal", wal_sh->w_datadir);
		wal_fsync_dir(path);
	}
	return n;
}
