/* check_wal.c — unit tests for lib/wal: CRC32C, inserting and reading records from several
 * processes, torn tails and corruption, recovery through a test resource manager, full-page
 * images, checkpoints, group commit, the control file. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shm/proc.h"
#include "tenv.h"
#include "util/cfg.h"
#include "util/crc32c.h"
#include "util/err.h"
#include "wal/wal.h"
#include "wal/wal_int.h"


#define RM_SEQ RM_FIRST_TEST
#define RM_PAGE (RM_FIRST_TEST + 1)

/* Raise-catching helper: runs fn, returns the SQLSTATE raised ("" if none). */

/* ---- a test resource manager that records which sequence numbers were replayed ---------- */

#define MAX_SEQ 20000
static uint32_t replayed[MAX_SEQ];
static int nreplayed;
static int redo_exit_after = -1; /* crash (exit) after this many redo calls */

static void
seq_redo(const wal_record *rec)
{
	uint32_t seq;

	ck_assert_uint_ge(rec->data_len, 4);
	memcpy(&seq, rec->data, 4);
	/* the payload after the sequence number is a pattern derived from it (one assertion:
	 * each passing ck_assert costs a write to Check's pipe) */
	{
		uint32_t bad = 0;

		for (uint32_t i = 4; i < rec->data_len; i++)
			if ((unsigned char)rec->data[i] != (unsigned char)(seq * 31 + i))
				bad++;
		ck_assert_uint_eq(bad, 0);
	}
	if (nreplayed < MAX_SEQ)
		replayed[nreplayed++] = seq;
}

static void
seq_describe(const wal_record *rec, char *buf, size_t len)
{
	snprintf(buf, len, "seq record of %u bytes", rec->data_len);
}

static const wal_rmgr seq_rmgr = { "test-seq", seq_redo, seq_describe, NULL, NULL };

static char payload[2 * 1024 * 1024];

/* Insert a seq record of len bytes of data; returns end LSN, start in *start. */
static wal_lsn
put_seq(uint32_t seq, size_t len, wal_lsn *start)
{
	wal_chunk ch[2];

	if (len < 4)
		len = 4;
	memcpy(payload, &seq, 4);
	for (size_t i = 4; i < len; i++)
		payload[i] = (char)(seq * 31 + i);
	ch[0] = (wal_chunk){ payload, 2 };
	ch[1] = (wal_chunk){ payload + 2, len - 2 };
	return wal_insert_ex(RM_SEQ, 0, seq, ch, 2, NULL, 0, start, NULL);
}

static void
setup(void)
{
	tenv_setup();
	wal_rmgr_register(RM_SEQ, &seq_rmgr);
	nreplayed = 0;
	redo_exit_after = -1;
}

static void
teardown(void)
{
	tenv_teardown();
}

/* ---- CRC ---------------------------------------------------------------------------------- */

START_TEST(record_crc_is_crc32c_of_data_then_header)
{
	/* a record built by the bootstrap path carries CRC32C(data || header[0..4) || header[8..32)) */
	char buf[128], flat[128];
	uint32_t data = 0x01020304, stored;
	size_t n = wal_build_record_local(buf, sizeof(buf), RM_SEQ, 7, 42, 24, &data, 4);

	ck_assert_uint_eq(n, WAL_REC_HDR_SIZE + 4);
	memcpy(&stored, buf + 4, 4);
	memcpy(flat, buf + WAL_REC_HDR_SIZE, 4);
	memcpy(flat + 4, buf, 4);
	memcpy(flat + 8, buf + 8, WAL_REC_HDR_SIZE - 8);
	ck_assert_uint_eq(stored, crc32c(0, flat, 4 + 4 + WAL_REC_HDR_SIZE - 8));
	ck_assert_uint_eq(crc32c(0, "123456789", 9), 0xE3069283u);
}
END_TEST

/* ---- control file ------------------------------------------------------------------------- */

START_TEST(control_file_round_trips)
{
	wal_control a = { 0 }, b;

	a.sysid = 42;
	a.state = WAL_STATE_IN_PRODUCTION;
	a.checkpoint_lsn = 0x1234567890ull;
	a.redo_lsn = 0x1234560000ull;
	a.next_xid = 777777;
	a.checkpoint_time = 1;
	a.seg_size = 1024 * 1024;
	wal_control_write(tenv_datadir, &a);
	wal_control_read(tenv_datadir, &b);
	ck_assert_uint_eq(b.sysid, 42);
	ck_assert_uint_eq(b.state, WAL_STATE_IN_PRODUCTION);
	ck_assert_uint_eq(b.checkpoint_lsn, a.checkpoint_lsn);
	ck_assert_uint_eq(b.redo_lsn, a.redo_lsn);
	ck_assert_uint_eq(b.next_xid, 777777);
	ck_assert_uint_eq(b.magic, WAL_CONTROL_MAGIC);
	ck_assert_str_eq(wal_state_name(b.state), "in production");
	ck_assert_str_eq(wal_state_name(99), "unknown");
}
END_TEST

static void
control_path(char *buf, size_t len)
{
	snprintf(buf, len, "%s/global/control", tenv_datadir);
}

START_TEST(control_file_corruption_is_detected)
{
	char path[300];
	wal_control c;
	int fd;
	unsigned char byte;

	control_path(path, sizeof(path));
	/* one flipped byte in the middle */
	fd = open(path, O_RDWR);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pread(fd, &byte, 1, 20), 1);
	byte ^= 0x40;
	ck_assert_int_eq(pwrite(fd, &byte, 1, 20), 1);
	close(fd);
	EXPECT_ERROR("XX001", wal_control_read(tenv_datadir, &c));
	ck_assert_ptr_nonnull(strstr(err_last()->message, "is corrupted"));
	/* truncated */
	ck_assert_int_eq(truncate(path, 10), 0);
	EXPECT_ERROR("XX001", wal_control_read(tenv_datadir, &c));
	/* missing */
	unlink(path);
	EXPECT_ERROR("58P01", wal_control_read(tenv_datadir, &c));
	/* recovery refuses to start */
	EXPECT_ERROR("58P01", wal_recovery_run(tenv_datadir, NULL));
}
END_TEST

START_TEST(control_file_with_bad_magic_or_version_is_refused)
{
	wal_control c;
	char path[300];
	int fd;

	wal_control_read(tenv_datadir, &c);
	control_path(path, sizeof(path));
	/* a correct CRC over a wrong version */
	c.version = 99;
	c.crc = crc32c(0, &c, offsetof(wal_control, crc));
	fd = open(path, O_WRONLY | O_TRUNC);
	ck_assert_int_eq(write(fd, &c, sizeof(c)), (int)sizeof(c));
	close(fd);
	EXPECT_ERROR("XX001", wal_control_read(tenv_datadir, &c));
	ck_assert_ptr_nonnull(strstr(err_last()->message, "incompatible"));
	c.version = WAL_FORMAT_VERSION;
	c.magic = 1;
	c.crc = crc32c(0, &c, offsetof(wal_control, crc));
	fd = open(path, O_WRONLY | O_TRUNC);
	ck_assert_int_eq(write(fd, &c, sizeof(c)), (int)sizeof(c));
	close(fd);
	EXPECT_ERROR("XX001", wal_control_read(tenv_datadir, &c));
}
END_TEST

/* ---- insert and read back ----------------------------------------------------------------- */

static size_t
size_for(uint32_t seq)
{
	/* mostly small, some page-spanning, a few larger than the whole ring or a segment */
	if (seq % 97 == 0)
		return 200000 + seq;
	if (seq % 13 == 0)
		return 9000 + seq % 5000;
	return 4 + (seq * 37) % 300;
}

START_TEST(records_read_back_in_order_with_prev_links)
{
	wal_lsn starts[600], ends[600], first;
	wal_reader *r;
	const wal_record *rec;
	const char *reason;
	wal_control c;
	int n = 600;

	first = wal_insert_lsn();
	for (int i = 0; i < n; i++)
		ends[i] = put_seq((uint32_t)i, size_for((uint32_t)i), &starts[i]);
	ck_assert_uint_ge(starts[0], first);
	wal_flush(ends[n - 1]);
	ck_assert_uint_ge(wal_flushed_lsn(), ends[n - 1]);
	/* more than one segment was used */
	ck_assert_uint_ge(ends[n - 1] / (1024 * 1024), 1);
	wal_control_get(&c);
	r = wal_reader_open(tenv_datadir, c.sysid, c.seg_size);
	rec = wal_read_record(r, starts[0]);
	for (int i = 0; i < n; i++) {
		ck_assert_ptr_nonnull(rec);
		ck_assert_uint_eq(rec->lsn, starts[i]);
		ck_assert_uint_eq(rec->end_lsn, ends[i]);
		ck_assert_uint_eq(rec->rmid, RM_SEQ);
		ck_assert_uint_eq(rec->xid, (uint64_t)i);
		ck_assert_uint_eq(rec->data_len, size_for((uint32_t)i));
		if (i > 0)
			ck_assert_uint_eq(rec->prev, starts[i - 1]);
		seq_redo(rec);
		rec = wal_read_record(r, WAL_INVALID_LSN);
	}
	ck_assert_ptr_null(rec);
	ck_assert_uint_eq(wal_reader_end(r, &reason), ends[n - 1] % WAL_PAGE_SIZE == 0
	                                                  ? ends[n - 1] + WAL_PAGE_HDR_SIZE
	                                                  : ends[n - 1]);
	ck_assert_ptr_nonnull(strstr(reason, "length"));
	ck_assert_int_eq(nreplayed, n);
	wal_reader_close(r);
}
END_TEST

START_TEST(reader_reports_bad_positions_and_foreign_logs)
{
	wal_control c;
	wal_reader *r;
	const char *reason;
	wal_lsn s, e;

	e = put_seq(1, 100, &s);
	wal_flush(e);
	wal_control_get(&c);
	r = wal_reader_open(tenv_datadir, c.sysid, c.seg_size);
	ck_assert_ptr_null(wal_read_record(r, WAL_INVALID_LSN)); /* no position yet */
	ck_assert_ptr_null(wal_read_record(r, 8192 * 3 + 4));     /* inside a page header */
	wal_reader_end(r, &reason);
	ck_assert_ptr_nonnull(strstr(reason, "page header"));
	ck_assert_ptr_null(wal_read_record(r, s + 4)); /* not a record boundary */
	ck_assert_ptr_null(wal_read_record(r, 1000ull * 1024 * 1024 + 24)); /* missing segment */
	wal_reader_end(r, &reason);
	ck_assert_ptr_nonnull(strstr(reason, "does not exist"));
	ck_assert_ptr_nonnull(wal_read_record(r, s));
	wal_reader_close(r);
	/* another system id */
	r = wal_reader_open(tenv_datadir, c.sysid + 1, c.seg_size);
	ck_assert_ptr_null(wal_read_record(r, s));
	wal_reader_end(r, &reason);
	ck_assert_ptr_nonnull(strstr(reason, "another data directory"));
	wal_reader_close(r);
}
END_TEST

START_TEST(insert_rejects_bad_arguments)
{
	wal_chunk big = { payload, (size_t)WAL_MAX_RECORD_LEN + 1 };
	wal_block b[WAL_MAX_BLOCKS + 1];
	char page[WAL_DATA_PAGE_SIZE];

	memset(b, 0, sizeof(b));
	EXPECT_ERROR("54000", wal_insert(RM_SEQ, 0, 0, &big, 1, NULL, 0));
	EXPECT_ERROR("XX000", wal_insert(RM_SEQ, 0, 0, NULL, 0, b, WAL_MAX_BLOCKS + 1));
	b[0].page = page;
	b[0].hole_off = 8000;
	b[0].hole_len = 500;
	EXPECT_ERROR("XX000", wal_insert(RM_SEQ, 0, 0, NULL, 0, b, 1));
	b[0].hole_len = 0;
	b[0].page = NULL;
	EXPECT_ERROR("XX000", wal_insert(RM_SEQ, 0, 0, NULL, 0, b, 1)); /* image needed, no page */
}
END_TEST

/* ---- several processes at once ------------------------------------------------------------ */

#define NPROC 4
#define PER_PROC 400

static int
insert_worker(void *arg)
{
	int id = (int)(intptr_t)arg;

	for (int i = 0; i < PER_PROC; i++) {
		uint32_t seq = (uint32_t)(id * 100000 + i);
		wal_lsn e = put_seq(seq, 4 + (size_t)((i * 53 + id * 11) % 700) + (i % 50 == 0 ? 20000 : 0), NULL);

		if (i % 25 == 0)
			wal_flush(e);
	}
	return 0;
}

START_TEST(concurrent_inserts_read_back_in_order_with_intact_crcs)
{
	pid_t pids[NPROC];
	wal_control c;
	wal_reader *r;
	const wal_record *rec;
	int next[NPROC] = { 0 }, total = 0;
	wal_lsn begin = wal_insert_lsn(), prev_lsn = 0;

	for (int i = 0; i < NPROC; i++)
		pids[i] = tenv_fork(insert_worker, (void *)(intptr_t)i);
	for (int i = 0; i < NPROC; i++)
		ck_assert_int_eq(tenv_wait(pids[i]), 0);
	wal_flush(wal_insert_lsn());
	wal_control_get(&c);
	r = wal_reader_open(tenv_datadir, c.sysid, c.seg_size);
	for (rec = wal_read_record(r, begin); rec; rec = wal_read_record(r, WAL_INVALID_LSN)) {
		uint32_t seq;
		int id, i;

		ck_assert_uint_gt(rec->lsn, prev_lsn);
		prev_lsn = rec->lsn;
		memcpy(&seq, rec->data, 4);
		seq_redo(rec); /* checks the payload pattern */
		id = (int)(seq / 100000);
		i = (int)(seq % 100000);
		ck_assert_int_lt(id, NPROC);
		/* each process's records appear in the order it inserted them */
		ck_assert_int_eq(i, next[id]);
		next[id]++;
		total++;
	}
	ck_assert_int_eq(total, NPROC * PER_PROC);
	wal_reader_close(r);
}
END_TEST

/* ---- group commit --------------------------------------------------------------------------- */

static int
commit_worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 60; i++) {
		char rec[40] = { 0 };
		wal_chunk ch = { rec, sizeof(rec) };
		wal_lsn e = wal_insert(RM_SEQ, 1, 1000 + (uint64_t)i, &ch, 1, NULL, 0);

		wal_flush_commit(e);
		if (wal_flushed_lsn() < e)
			return 1;
	}
	return 0;
}

START_TEST(group_commit_releases_several_commits_per_fsync)
{
	pid_t pids[8];
	wal_stats before, after;

	settings.fsync = true;
	wal_get_stats(&before);
	for (int i = 0; i < 8; i++)
		pids[i] = tenv_fork(commit_worker, NULL);
	for (int i = 0; i < 8; i++)
		ck_assert_int_eq(tenv_wait(pids[i]), 0);
	wal_get_stats(&after);
	ck_assert_uint_eq(after.commits - before.commits, 480);
	ck_assert_uint_gt(after.fsyncs - before.fsyncs, 0);
	ck_assert_uint_lt(after.fsyncs - before.fsyncs, after.commits - before.commits);
	ck_assert_uint_gt(after.commits_waited - before.commits_waited, 0);
}
END_TEST

START_TEST(walwriter_flushes_asynchronous_commits)
{
	wal_lsn e = put_seq(5, 50, NULL);
	int64_t delay;

	wal_async_commit(e);
	ck_assert_uint_lt(wal_flushed_lsn(), e);
	delay = wal_writer_iteration();
	ck_assert_int_eq(delay, settings.wal_writer_delay);
	ck_assert_uint_ge(wal_flushed_lsn(), e);
	ck_assert_uint_ge(wal_written_lsn(), wal_flushed_lsn());
	/* nothing to do: still returns the delay */
	ck_assert_int_eq(wal_writer_iteration(), settings.wal_writer_delay);
	/* flushing past the end is clamped */
	wal_flush(e + 1000000);
}
END_TEST

/* ---- crash tails -------------------------------------------------------------------------- */

/* Overwrite the log from lsn onwards (to the end of its segment, and remove later segments):
 * mode 0 zeros, mode 1 garbage, mode 2 keep alternating 512-byte sectors (a torn write). */
static void
damage_from(wal_lsn lsn, int mode, unsigned seed)
{
	uint64_t segsz = 1024 * 1024, seg = lsn / segsz;
	char path[300];
	static char buf[1024 * 1024];
	int fd;

	srand(seed);
	wal_seg_path(tenv_datadir, seg, path, sizeof(path));
	fd = open(path, O_RDWR);
	ck_assert_int_ge(fd, 0);
	for (uint64_t off = lsn % segsz; off < segsz; off++) {
		if (mode == 0)
			buf[off] = 0;
		else if (mode == 1)
			buf[off] = (char)rand();
	}
	if (mode == 2) {
		/* keep the first sector that holds lsn as it is up to lsn, garbage afterwards */
		ck_assert_int_eq(pread(fd, buf, segsz, 0), (ssize_t)segsz);
		for (uint64_t off = lsn % segsz; off < segsz; off++)
			if (((off / 512) & 1) || off < (lsn % segsz) + 64)
				buf[off] = (char)(rand() & 0xff);
	}
	ck_assert_int_eq(pwrite(fd, buf + lsn % segsz, segsz - lsn % segsz, (off_t)(lsn % segsz)),
	                 (ssize_t)(segsz - lsn % segsz));
	close(fd);
	for (uint64_t s = seg + 1; s < seg + 20; s++) {
		wal_seg_path(tenv_datadir, s, path, sizeof(path));
		unlink(path);
	}
}

/* unaligned end of a record: the byte after its last byte */
static wal_lsn
raw_end(wal_lsn start, size_t data_len)
{
	return wal_bytepos_to_endlsn(wal_lsn_to_bytepos(start) + WAL_REC_HDR_SIZE + data_len);
}

START_TEST(torn_tail_replays_exactly_the_complete_records)
{
	enum { N = 300 };
	static wal_lsn starts[N], rends[N];
	unsigned seed = (unsigned)_i * 7919u + 17;
	wal_lsn cut, first, last_end;
	int expect = 0;

	srand(seed);
	for (int i = 0; i < N; i++) {
		size_t len = size_for((uint32_t)i + (uint32_t)_i);

		if (len > 100000)
			len = 5000;
		put_seq((uint32_t)i, len, &starts[i]);
		rends[i] = raw_end(starts[i], len < 4 ? 4 : len);
	}
	last_end = wal_insert_lsn();
	wal_flush(last_end);
	first = starts[0];
	cut = first + (wal_lsn)((double)rand() / RAND_MAX * (double)(rends[N - 1] - first));
	if (cut % WAL_PAGE_SIZE < WAL_PAGE_HDR_SIZE && _i % 2)
		cut += 3; /* also cut inside page headers sometimes */
	for (int i = 0; i < N; i++)
		if (rends[i] <= cut)
			expect = i + 1;
	tenv_crash();
	wal_rmgr_register(RM_SEQ, &seq_rmgr);
	damage_from(cut, _i % 3, seed);
	nreplayed = 0;
	tenv_start();
	ck_assert(!tenv_recovery.clean);
	ck_assert_int_eq(nreplayed, expect);
	for (int i = 0; i < nreplayed; i++)
		ck_assert_uint_eq(replayed[i], (uint32_t)i);
	ck_assert_uint_le(tenv_recovery.end_lsn, cut + WAL_PAGE_HDR_SIZE);
	/* the log continues cleanly after the end: new records, a second crash, all found */
	for (int i = 0; i < 20; i++)
		put_seq((uint32_t)(5000 + i), 3000, NULL);
	wal_flush(wal_insert_lsn());
	tenv_crash();
	wal_rmgr_register(RM_SEQ, &seq_rmgr);
	nreplayed = 0;
	tenv_start();
	/* the end-of-recovery checkpoint moved the redo point: only the new ones replay */
	ck_assert_int_eq(nreplayed, 20);
	for (int i = 0; i < 20; i++)
		ck_assert_uint_eq(replayed[i], (uint32_t)(5000 + i));
}
END_TEST

START_TEST(corrupted_byte_ends_replay_before_its_record)
{
	enum { N = 200 };
	wal_lsn starts[N];
	size_t lens[N];
	int victim = 40 + _i * 37;
	uint64_t bp;
	wal_lsn at;
	char path[300];
	unsigned char byte;
	int fd;

	for (int i = 0; i < N; i++) {
		lens[i] = 100 + (size_t)(i * 131) % 12000;
		put_seq((uint32_t)i, lens[i], &starts[i]);
	}
	wal_flush(wal_insert_lsn());
	/* a byte somewhere in the victim's data (possibly on a later page) */
	bp = wal_lsn_to_bytepos(starts[victim]) + (uint64_t)(_i * 977) % (WAL_REC_HDR_SIZE + lens[victim]);
	at = wal_bytepos_to_lsn(bp);
	wal_seg_path(tenv_datadir, at / (1024 * 1024), path, sizeof(path));
	tenv_crash();
	wal_rmgr_register(RM_SEQ, &seq_rmgr);
	fd = open(path, O_RDWR);
	ck_assert_int_eq(pread(fd, &byte, 1, (off_t)(at % (1024 * 1024))), 1);
	byte ^= 0x01;
	ck_assert_int_eq(pwrite(fd, &byte, 1, (off_t)(at % (1024 * 1024))), 1);
	close(fd);
	nreplayed = 0;
	tenv_start();
	ck_assert_int_eq(nreplayed, victim);
	ck_assert_uint_eq(tenv_recovery.end_lsn, starts[victim]);
}
END_TEST

START_TEST(clean_shutdown_replays_nothing)
{
	put_seq(1, 10, NULL);
	wal_checkpoint(true);
	tenv_crash();
	wal_rmgr_register(RM_SEQ, &seq_rmgr);
	nreplayed = 0;
	tenv_start();
	ck_assert(tenv_recovery.clean);
	ck_assert_int_eq(nreplayed, 0);
	/* and the log goes on */
	put_seq(2, 10, NULL);
	wal_flush(wal_insert_lsn());
	tenv_crash();
	wal_rmgr_register(RM_SEQ, &seq_rmgr);
	tenv_start();
	ck_assert(!tenv_recovery.clean);
	ck_assert_int_eq(nreplayed, 1);
	ck_assert_uint_eq(replayed[0], 2);
}
END_TEST

START_TEST(unknown_resource_manager_stops_recovery)
{
	char d[8] = { 0 };
	wal_chunk ch = { d, sizeof(d) };

	wal_insert(200, 0, 0, &ch, 1, NULL, 0);
	wal_flush(wal_insert_lsn());
	tenv_crash();
	EXPECT_ERROR("XX001", tenv_start());
	ck_assert_ptr_nonnull(strstr(err_last()->message, "unknown resource manager"));
}
END_TEST

START_TEST(missing_checkpoint_record_is_reported)
{
	wal_control c;

	wal_control_read(tenv_datadir, &c);
	c.checkpoint_lsn += 8; /* not a record */
	wal_control_write(tenv_datadir, &c);
	tenv_crash();
	EXPECT_ERROR("XX001", tenv_start());
	ck_assert_ptr_nonnull(strstr(err_last()->message, "checkpoint record"));
}
END_TEST

/* ---- pages, full-page images, idempotent redo -------------------------------------------- */

#define NPAGES 6
static char mem_pages[NPAGES][WAL_DATA_PAGE_SIZE]; /* "buffer pool" of the test */

static wal_lsn
page_lsn(const char *p)
{
	wal_lsn l;

	memcpy(&l, p, 8);
	return l;
}

static void
page_set_lsn(char *p, wal_lsn l)
{
	memcpy(p, &l, 8);
}

static void
page_file(char *path, size_t len)
{
	snprintf(path, len, "%s/testpages", tenv_datadir);
}

static void
disk_page(int i, char *buf, bool write)
{
	char path[300];
	int fd;

	page_file(path, sizeof(path));
	fd = open(path, O_RDWR | O_CREAT, 0600);
	ck_assert_int_ge(fd, 0);
	if (write) {
		ck_assert_int_eq(pwrite(fd, buf, WAL_DATA_PAGE_SIZE, (off_t)i * WAL_DATA_PAGE_SIZE),
		                 WAL_DATA_PAGE_SIZE);
	} else {
		memset(buf, 0, WAL_DATA_PAGE_SIZE);
		ck_assert_int_ge(pread(fd, buf, WAL_DATA_PAGE_SIZE, (off_t)i * WAL_DATA_PAGE_SIZE), 0);
	}
	close(fd);
}

static int page_redo_calls;
static int restored, skipped;

/* counter at offset 100 (4 bytes), incremented by each record; a hole from 1000 to 7000 */
static void
page_redo(const wal_record *rec)
{
	char page[WAL_DATA_PAGE_SIZE];
	int i = (int)rec->blocks[0].id.blkno;
	wal_blk_action a;

	if (redo_exit_after >= 0 && page_redo_calls == redo_exit_after)
		exit(0); /* crash in the middle of recovery */
	page_redo_calls++;
	disk_page(i, page, false);
	a = wal_redo_block(rec, 0, page, page_lsn(page));
	if (a == WAL_BLK_NEEDS_REDO) {
		uint32_t v;

		memcpy(&v, page + 100, 4);
		v++;
		memcpy(page + 100, &v, 4);
	}
	if (a == WAL_BLK_RESTORED)
		restored++;
	if (a == WAL_BLK_DONE) {
		skipped++;
		return;
	}
	page_set_lsn(page, rec->end_lsn);
	disk_page(i, page, true); /* written back at once: the next crash may come any time */
}

static const wal_rmgr page_rmgr = { "test-page", page_redo, NULL, NULL, NULL };

static uint32_t
change_page(int i, uint32_t *images)
{
	wal_block b = { { 1, 2, (uint32_t)i, 0 }, mem_pages[i], page_lsn(mem_pages[i]), 1000, 6000, 0 };
	char d[4] = "inc";
	wal_chunk ch = { d, 4 };
	uint32_t v;
	wal_lsn end;

	memcpy(&v, mem_pages[i] + 100, 4);
	v++;
	memcpy(mem_pages[i] + 100, &v, 4);
	memset(mem_pages[i] + 8000, 'x', 50); /* outside the hole: must be in the image */
	end = wal_insert_ex(RM_PAGE, 0, 0, &ch, 1, &b, 1, NULL, images);
	page_set_lsn(mem_pages[i], end);
	return v;
}

static void
flush_pages_hook(bool shutdown)
{
	(void)shutdown;
	for (int i = 0; i < NPAGES; i++) {
		wal_flush(page_lsn(mem_pages[i])); /* the write-ahead rule */
		disk_page(i, mem_pages[i], true);
	}
}

static int
recover_and_crash(void *arg)
{
	(void)arg;
	wal_rmgr_register(RM_PAGE, &page_rmgr);
	redo_exit_after = 7;
	page_redo_calls = 0;
	tenv_start();
	return 1; /* must not get here */
}

START_TEST(full_page_images_repair_torn_pages_and_redo_is_idempotent)
{
	uint32_t images, expect[NPAGES] = { 0 };
	char page[WAL_DATA_PAGE_SIZE];
	pid_t pid;
	wal_stats st;

	memset(mem_pages, 0, sizeof(mem_pages));
	wal_rmgr_register(RM_PAGE, &page_rmgr);
	wal_checkpoint_register(flush_pages_hook);
	/* first change of each page after the checkpoint carries an image, later ones not */
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < NPAGES; i++) {
			expect[i] = change_page(i, &images);
			ck_assert_uint_eq(images, round == 0 ? 1u : 0u);
		}
	wal_get_stats(&st);
	ck_assert_uint_eq(st.fpi, NPAGES);
	wal_checkpoint(false); /* writes the pages (hook), moves the redo point */
	for (int round = 0; round < 4; round++)
		for (int i = 0; i < NPAGES; i++) {
			expect[i] = change_page(i, &images);
			ck_assert_uint_eq(images, round == 0 ? 1u : 0u);
		}
	wal_flush(wal_insert_lsn());
	/* crash; one page on disk is torn (half garbage) */
	tenv_crash();
	memset(page, 0x5a, sizeof(page));
	disk_page(2, page, true);
	/* a first recovery attempt dies after a few records */
	pid = tenv_fork(recover_and_crash, NULL);
	ck_assert_int_eq(tenv_wait(pid), 0);
	/* the second completes */
	tenv_crash();
	wal_rmgr_register(RM_PAGE, &page_rmgr);
	redo_exit_after = -1;
	restored = skipped = 0;
	tenv_start();
	ck_assert_int_eq(tenv_recovery.records, 1 + NPAGES * 4); /* checkpoint + changes */
	ck_assert_int_eq(restored, NPAGES); /* one image per page */
	for (int i = 0; i < NPAGES; i++) {
		uint32_t v;

		disk_page(i, page, false);
		memcpy(&v, page + 100, 4);
		ck_assert_uint_eq(v, expect[i]);
		ck_assert_int_eq(page[8000], 'x');
		ck_assert_int_eq(page[3000], 0); /* hole refilled with zeros */
	}
}
END_TEST

START_TEST(redo_skips_changes_already_on_the_page)
{
	uint32_t images, expect[NPAGES] = { 0 };
	char page[WAL_DATA_PAGE_SIZE];
	pid_t pid;

	settings.full_page_writes = false;
	memset(mem_pages, 0, sizeof(mem_pages));
	wal_rmgr_register(RM_PAGE, &page_rmgr);
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < NPAGES; i++) {
			expect[i] = change_page(i, &images);
			ck_assert_uint_eq(images, 0);
		}
	wal_flush(wal_insert_lsn());
	tenv_crash();
	pid = tenv_fork(recover_and_crash, NULL);
	ck_assert_int_eq(tenv_wait(pid), 0);
	tenv_crash();
	wal_rmgr_register(RM_PAGE, &page_rmgr);
	redo_exit_after = -1;
	restored = skipped = 0;
	tenv_start();
	ck_assert_int_eq(restored, 0);
	ck_assert_int_eq(skipped, 7); /* exactly what the first attempt had applied */
	for (int i = 0; i < NPAGES; i++) {
		uint32_t v;

		disk_page(i, page, false);
		memcpy(&v, page + 100, 4);
		ck_assert_uint_eq(v, expect[i]);
	}
}
END_TEST

START_TEST(checkpoint_recycles_old_segments)
{
	char path[300];
	struct stat st;
	wal_stats s;
	wal_lsn e = 0;

	for (uint32_t i = 0; i < 40; i++)
		e = put_seq(i, 100000, NULL);
	wal_flush(e);
	ck_assert_uint_ge(e / (1024 * 1024), 3);
	wal_seg_path(tenv_datadir, 0, path, sizeof(path));
	ck_assert_int_eq(stat(path, &st), 0);
	wal_checkpoint(false);
	ck_assert_int_ne(stat(path, &st), 0); /* segment 0 is gone (recycled or removed) */
	wal_get_stats(&s);
	ck_assert_uint_gt(s.segments_recycled, 0);
	/* the recycled segments are used after the current one, and recovery still works */
	for (uint32_t i = 0; i < 30; i++)
		e = put_seq(1000 + i, 100000, NULL);
	wal_flush(e);
	tenv_crash();
	wal_rmgr_register(RM_SEQ, &seq_rmgr);
	nreplayed = 0;
	tenv_start();
	ck_assert_int_eq(nreplayed, 30);
}
END_TEST

START_TEST(checkpoint_record_describes_itself)
{
	char buf[200];
	wal_control c;
	wal_reader *r;
	const wal_record *rec;

	wal_checkpoint(false);
	wal_control_get(&c);
	r = wal_reader_open(tenv_datadir, 0, c.seg_size);
	rec = wal_read_record(r, c.checkpoint_lsn);
	ck_assert_ptr_nonnull(rec);
	wal_rmgr_get(RM_XLOG)->describe(rec, buf, sizeof(buf));
	ck_assert_ptr_nonnull(strstr(buf, "checkpoint: redo"));
	ck_assert_ptr_null(wal_rmgr_get(250));
	wal_reader_close(r);
	EXPECT_ERROR("XX000", wal_rmgr_register(RM_XLOG, &seq_rmgr));
}
END_TEST

static Suite *
wal_suite(void)
{
	Suite *s = suite_create("wal");
	TCase *tc;

	tc = tcase_create("crc");
	tcase_add_test(tc, record_crc_is_crc32c_of_data_then_header);
	suite_add_tcase(s, tc);

	tc = tcase_create("control file");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, control_file_round_trips);
	tcase_add_test(tc, control_file_corruption_is_detected);
	tcase_add_test(tc, control_file_with_bad_magic_or_version_is_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("insert and read");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, records_read_back_in_order_with_prev_links);
	tcase_add_test(tc, reader_reports_bad_positions_and_foreign_logs);
	tcase_add_test(tc, insert_rejects_bad_arguments);
	tcase_add_test(tc, concurrent_inserts_read_back_in_order_with_intact_crcs);
	suite_add_tcase(s, tc);

	tc = tcase_create("flush");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, group_commit_releases_several_commits_per_fsync);
	tcase_add_test(tc, walwriter_flushes_asynchronous_commits);
	suite_add_tcase(s, tc);

	tc = tcase_create("recovery");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, torn_tail_replays_exactly_the_complete_records, 0, 9);
	tcase_add_loop_test(tc, corrupted_byte_ends_replay_before_its_record, 0, 4);
	tcase_add_test(tc, clean_shutdown_replays_nothing);
	tcase_add_test(tc, unknown_resource_manager_stops_recovery);
	tcase_add_test(tc, missing_checkpoint_record_is_reported);
	tcase_add_test(tc, full_page_images_repair_torn_pages_and_redo_is_idempotent);
	tcase_add_test(tc, redo_skips_changes_already_on_the_page);
	tcase_add_test(tc, checkpoint_recycles_old_segments);
	tcase_add_test(tc, checkpoint_record_describes_itself);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(wal_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
