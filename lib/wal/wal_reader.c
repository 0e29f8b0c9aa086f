/*
 * wal_reader.c — read records back from segment files, validating page headers,
 * continuation flags, record headers, prev links and CRCs.  The first invalid thing is the
 * end of the valid log (README "Reading, crash tails and recovery").
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/crc32c.h"
#include "util/err.h"
#include "util/mem.h"
#include "wal/wal_int.h"

struct wal_reader {
	mem_ctx *ctx;
	char datadir[WAL_PATH_MAX];
	uint64_t sysid;
	uint64_t seg_size;
	int fd;
	uint64_t fd_seg;
	bool fd_missing;           /* fd_seg does not exist */
	uint64_t page_no;          /* page in `page`, UINT64_MAX if none */
	char page[WAL_PAGE_SIZE];
	char *buf;                 /* the record being assembled */
	size_t cap;
	wal_record rec;
	uint64_t next;             /* usable byte position of the next record */
	bool have_next;
	wal_lsn last;              /* start LSN of the last record returned */
	wal_lsn end;
	char reason[192];
};

wal_reader *
wal_reader_open(const char *datadir, uint64_t sysid, uint64_t seg_size)
{
	mem_ctx *ctx = mem_create(mem_top, "wal reader");
	wal_reader *r = mem_zalloc(ctx, sizeof(*r));

	r->ctx = ctx;
	snprintf(r->datadir, sizeof(r->datadir), "%s", datadir);
	r->sysid = sysid;
	r->seg_size = seg_size;
	r->fd = -1;
	r->fd_seg = UINT64_MAX;
	r->page_no = UINT64_MAX;
	return r;
}

void
wal_reader_close(wal_reader *r)
{
	if (r == NULL)
		return;
	if (r->fd >= 0)
		close(r->fd);
	mem_delete(r->ctx);
}

wal_lsn
wal_reader_end(const wal_reader *r, const char **reason)
{
	if (reason)
		*reason = r->reason;
	return r->end;
}

wal_lsn
wal_reader_last(const wal_reader *r)
{
	return r->last;
}

static bool
fail(wal_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool
fail(wal_reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof(r->reason), fmt, ap);
	va_end(ap);
	return false;
}

/* Load and validate one page.  false (with a reason) means: the valid log ends before it. */
static bool
load_page(wal_reader *r, uint64_t page_no)
{
	uint64_t lsn = page_no * WAL_PAGE_SIZE, seg = lsn / r->seg_size;
	wal_page_hdr h;
	ssize_t n;

	if (r->page_no == page_no)
		return true;
	r->page_no = UINT64_MAX;
	if (r->fd_seg != seg) {
		char path[WAL_PATH_MAX + 32];

		if (r->fd >= 0)
			close(r->fd);
		wal_seg_path(r->datadir, seg, path, sizeof(path));
		r->fd = open(path, O_RDONLY);
		r->fd_seg = seg;
		if (r->fd < 0) {
			if (errno != ENOENT)
				ph_error(ERRCODE_IO_ERROR, "could not open WAL segment \"%s\": %s", path,
				         strerror(errno));
		}
	}
	if (r->fd < 0) {
		char name[32];

		wal_segment_name(seg, name, sizeof(name));
		return fail(r, "WAL segment %s does not exist", name);
	}
	n = pread(r->fd, r->page, WAL_PAGE_SIZE, (off_t)(lsn % r->seg_size));
	if (n < 0)
		ph_error(ERRCODE_IO_ERROR, "could not read WAL at " WAL_LSN_FMT ": %s", WAL_LSN_ARGS(lsn),
		         strerror(errno));
	if (n != WAL_PAGE_SIZE)
		return fail(r, "WAL page at " WAL_LSN_FMT " is incomplete", WAL_LSN_ARGS(lsn));
	memcpy(&h, r->page, sizeof(h));
	if (h.magic != WAL_PAGE_MAGIC)
		return fail(r, "invalid magic number %04X in WAL page at " WAL_LSN_FMT, h.magic,
		            WAL_LSN_ARGS(lsn));
	if (h.pageaddr != lsn)
		return fail(r, "unexpected page address " WAL_LSN_FMT " in WAL page at " WAL_LSN_FMT,
		            WAL_LSN_ARGS(h.pageaddr), WAL_LSN_ARGS(lsn));
	if (r->sysid != 0 && h.sysid != r->sysid)
		return fail(r, "WAL page at " WAL_LSN_FMT " belongs to another data directory",
		            WAL_LSN_ARGS(lsn));
	if (h.flags & ~WAL_PAGE_CONT)
		return fail(r, "invalid flags %04X in WAL page at " WAL_LSN_FMT, h.flags, WAL_LSN_ARGS(lsn));
	r->page_no = page_no;
	return true;
}

static wal_page_hdr
cur_hdr(const wal_reader *r)
{
	wal_page_hdr h;

	memcpy(&h, r->page, sizeof(h));
	return h;
}

/*
 * Copy n bytes of the record starting at usable position `start` (record offset `from`)
 * into r->buf + from.  Pages entered after the record's first one must say they continue a
 * record with exactly the bytes that remain of it.
 */
static bool
read_bytes(wal_reader *r, uint64_t start, size_t from, size_t n, uint32_t tot_len)
{
	uint64_t pos = start + from;

	while (n > 0) {
		uint64_t page = pos / WAL_USABLE_PER_PAGE;
		size_t off = pos % WAL_USABLE_PER_PAGE, k;

		if (!load_page(r, page))
			return false;
		if (off == 0 && from > 0) {
			wal_page_hdr h = cur_hdr(r);

			if (!(h.flags & WAL_PAGE_CONT) || h.rem_len != tot_len - from)
				return fail(r, "WAL page at " WAL_LSN_FMT " does not continue the record at " WAL_LSN_FMT,
				            WAL_LSN_ARGS(page * WAL_PAGE_SIZE), WAL_LSN_ARGS(wal_bytepos_to_lsn(start)));
		}
		k = WAL_USABLE_PER_PAGE - off;
		if (k > n)
			k = n;
		memcpy(r->buf + from, r->page + WAL_PAGE_HDR_SIZE + off, k);
		from += k;
		pos += k;
		n -= k;
	}
	return true;
}

static bool
parse(wal_reader *r, uint64_t start)
{
	wal_record *rec = &r->rec;
	wal_rec_hdr h;
	size_t off;
	uint32_t crc;

	memcpy(&h, r->buf, sizeof(h));
	memset(rec, 0, sizeof(*rec));
	crc = crc32c(0, r->buf + WAL_REC_HDR_SIZE, h.tot_len - WAL_REC_HDR_SIZE);
	crc = crc32c(crc, r->buf, 4);
	if (crc32c(crc, r->buf + 8, WAL_REC_HDR_SIZE - 8) != h.crc)
		return fail(r, "incorrect checksum of WAL record at " WAL_LSN_FMT,
		            WAL_LSN_ARGS(wal_bytepos_to_lsn(start)));
	rec->lsn = wal_bytepos_to_lsn(start);
	rec->end_lsn = wal_bytepos_to_endlsn(start + WAL_ALIGN(h.tot_len));
	rec->prev = h.prev;
	rec->xid = h.xid;
	rec->rmid = h.rmid;
	rec->info = h.info;
	rec->nblocks = h.nblocks;
	rec->tot_len = h.tot_len;
	off = WAL_REC_HDR_SIZE + (size_t)h.nblocks * WAL_BLK_HDR_SIZE;
	for (int i = 0; i < h.nblocks; i++) {
		wal_blk_hdr bh;
		wal_record_block *b = &rec->blocks[i];

		memcpy(&bh, r->buf + WAL_REC_HDR_SIZE + i * WAL_BLK_HDR_SIZE, sizeof(bh));
		b->id.db = bh.db;
		b->id.rel = bh.rel;
		b->id.blkno = bh.blkno;
		b->id.fork = bh.fork;
		b->flags = bh.flags;
		b->hole_off = bh.hole_off;
		b->hole_len = bh.hole_len;
		if (bh.flags & WAL_BLK_HAS_IMAGE) {
			if ((uint32_t)bh.img_len + bh.hole_len != WAL_DATA_PAGE_SIZE ||
			    (uint32_t)bh.hole_off + bh.hole_len > WAL_DATA_PAGE_SIZE ||
			    off + bh.img_len > h.tot_len)
				return fail(r, "invalid block image in WAL record at " WAL_LSN_FMT,
				            WAL_LSN_ARGS(rec->lsn));
			b->img_len = bh.img_len;
			b->image = r->buf + off;
			off += bh.img_len;
		}
	}
	if (off + h.main_len != h.tot_len)
		return fail(r, "inconsistent lengths in WAL record at " WAL_LSN_FMT, WAL_LSN_ARGS(rec->lsn));
	rec->data = r->buf + off;
	rec->data_len = h.main_len;
	return true;
}

static const wal_record *
read_at(wal_reader *r, uint64_t start, bool check_prev)
{
	wal_rec_hdr h;
	size_t first;

	r->end = wal_bytepos_to_lsn(start);
	if (start % 8 != 0) {
		fail(r, "WAL position " WAL_LSN_FMT " is not a record boundary", WAL_LSN_ARGS(r->end));
		return NULL;
	}
	if (r->cap < WAL_REC_HDR_SIZE) {
		r->cap = 64 * 1024;
		r->buf = mem_alloc(r->ctx, r->cap);
	}
	/* The header may be split over two pages, but its first 8 bytes never are. */
	first = WAL_USABLE_PER_PAGE - start % WAL_USABLE_PER_PAGE;
	if (!load_page(r, start / WAL_USABLE_PER_PAGE))
		return NULL;
	if (start % WAL_USABLE_PER_PAGE == 0 && (cur_hdr(r).flags & WAL_PAGE_CONT)) {
		fail(r, "WAL page at " WAL_LSN_FMT " starts with a continuation where a record should begin",
		     WAL_LSN_ARGS(r->end - WAL_PAGE_HDR_SIZE));
		return NULL;
	}
	memcpy(&h, r->page + WAL_PAGE_HDR_SIZE + start % WAL_USABLE_PER_PAGE, first < 8 ? first : 8);
	if (h.tot_len < WAL_REC_HDR_SIZE || h.tot_len > WAL_MAX_RECORD_LEN + WAL_REC_HDR_SIZE +
	                                                  WAL_MAX_BLOCKS * (WAL_BLK_HDR_SIZE + WAL_DATA_PAGE_SIZE)) {
		fail(r, "invalid record length %u at " WAL_LSN_FMT, h.tot_len, WAL_LSN_ARGS(r->end));
		return NULL;
	}
	if (!read_bytes(r, start, 0, WAL_REC_HDR_SIZE, h.tot_len))
		return NULL;
	memcpy(&h, r->buf, sizeof(h));
	if (h.nblocks > WAL_MAX_BLOCKS) {
		fail(r, "invalid block count %u at " WAL_LSN_FMT, h.nblocks, WAL_LSN_ARGS(r->end));
		return NULL;
	}
	if (check_prev && h.prev != r->last) {
		fail(r, "record with incorrect prev-link " WAL_LSN_FMT " at " WAL_LSN_FMT,
		     WAL_LSN_ARGS(h.prev), WAL_LSN_ARGS(r->end));
		return NULL;
	}
	if (r->cap < h.tot_len) {
		size_t nc = r->cap;

		while (nc < h.tot_len)
			nc *= 2;
		r->buf = repalloc(r->buf, nc);
		r->cap = nc;
	}
	if (!read_bytes(r, start, WAL_REC_HDR_SIZE, h.tot_len - WAL_REC_HDR_SIZE, h.tot_len))
		return NULL;
	if (!parse(r, start))
		return NULL;
	r->last = r->rec.lsn;
	r->next = start + WAL_ALIGN(h.tot_len);
	r->have_next = true;
	r->end = wal_bytepos_to_lsn(r->next);
	r->reason[0] = '\0';
	return &r->rec;
}

const wal_record *
wal_read_record(wal_reader *r, wal_lsn lsn)
{
	if (lsn != WAL_INVALID_LSN) {
		if (lsn % WAL_PAGE_SIZE < WAL_PAGE_HDR_SIZE) {
			fail(r, "WAL position " WAL_LSN_FMT " is inside a page header", WAL_LSN_ARGS(lsn));
			r->end = lsn;
			return NULL;
		}
		return read_at(r, wal_lsn_to_bytepos(lsn), false);
	}
	if (!r->have_next) {
		fail(r, "no start position given");
		return NULL;
	}
	return read_at(r, r->next, true);
}

wal_blk_action
wal_redo_block(const wal_record *rec, int i, void *page, wal_lsn page_lsn)
{
	const wal_record_block *b;
	char *p = page;

	if (i < 0 || i >= rec->nblocks)
		ph_internal("WAL record at " WAL_LSN_FMT " has no block %d", WAL_LSN_ARGS(rec->lsn), i);
	b = &rec->blocks[i];
	if (b->image != NULL) {
		memcpy(p, b->image, b->hole_off);
		memset(p + b->hole_off, 0, b->hole_len);
		memcpy(p + b->hole_off + b->hole_len, b->image + b->hole_off,
		       WAL_DATA_PAGE_SIZE - b->hole_off - b->hole_len);
		return WAL_BLK_RESTORED;
	}
	if (b->flags & WAL_BLK_WILL_INIT)
		return WAL_BLK_NEEDS_REDO;
	return page_lsn >= rec->end_lsn ? WAL_BLK_DONE : WAL_BLK_NEEDS_REDO;
}
