/*
 * bt_sort.c — a general external merge sort of byte records (see bt.h).  Records are
 * buffered in a private memory context; when it exceeds the limit they are merge-sorted and
 * written as a run to an unlinked temporary file.  At the end the runs are merged through a
 * binary heap, in several passes when there are more runs than read buffers fit in memory.
 * The comparator is only ever called from this file (never from libc), so it may raise.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "btree/bt_int.h"
#include "util/err.h"
#include "util/mem.h"

#define IOBUF (64 * 1024)
#define MAX_FANIN 256

typedef struct run_reader {
	int fd;
	char *buf;
	size_t pos, end;
	char *rec;          /* current record */
	size_t len, cap;
	bool eof;
} run_reader;

enum { ST_LOADING, ST_MEMORY, ST_MERGE, ST_DONE };

struct bt_sort {
	bt_sort_cmp cmp;
	void *arg;
	size_t mem_limit;
	mem_ctx *ctx;           /* the buffered records */
	char **recs;            /* each: uint32 length, then the bytes */
	size_t n, cap, mem;
	int *runs;              /* descriptors of run files, positioned at 0 */
	int nruns, capruns, total_runs;
	int state;
	size_t pos;
	run_reader *rd;
	int nrd;
	int *heap;
	int nheap;
};

static inline uint32_t
rec_len(const char *r)
{
	uint32_t n;

	memcpy(&n, r, 4);
	return n;
}

static inline int
rec_cmp(bt_sort *s, const char *a, const char *b)
{
	return s->cmp(a + 4, rec_len(a), b + 4, rec_len(b), s->arg);
}

bt_sort *
bt_sort_begin(bt_sort_cmp cmp, void *arg, size_t mem_limit)
{
	bt_sort *s = palloc0(sizeof(*s));

	s->cmp = cmp;
	s->arg = arg;
	s->mem_limit = mem_limit < 64 * 1024 ? 64 * 1024 : mem_limit;
	s->ctx = mem_create(mem_cur, "sort records");
	s->cap = 1024;
	s->recs = palloc(s->cap * sizeof(char *));
	return s;
}

/* Stable merge sort of the pointer array (the comparator may raise: no qsort). */
static void
sort_recs(bt_sort *s, char **a, char **tmp, size_t n)
{
	if (n < 2)
		return;
	if (n <= 8) {
		for (size_t i = 1; i < n; i++) {
			char *x = a[i];
			size_t j = i;

			for (; j > 0 && rec_cmp(s, a[j - 1], x) > 0; j--)
				a[j] = a[j - 1];
			a[j] = x;
		}
		return;
	}
	sort_recs(s, a, tmp, n / 2);
	sort_recs(s, a + n / 2, tmp, n - n / 2);
	{
		size_t i = 0, j = n / 2, k = 0;

		while (i < n / 2 && j < n)
			tmp[k++] = rec_cmp(s, a[j], a[i]) < 0 ? a[j++] : a[i++];
		while (i < n / 2)
			tmp[k++] = a[i++];
		while (j < n)
			tmp[k++] = a[j++];
		memcpy(a, tmp, n * sizeof(char *));
	}
}

/* Descriptors of open run files, so error recovery (bt_release_all) can close them after
 * the sort's memory is gone. */
static int *open_fds;
static int nopen, capopen;

static void
track_fd(int fd)
{
	if (nopen == capopen) {
		int n = capopen ? capopen * 2 : 64;
		int *a = realloc(open_fds, (size_t)n * sizeof(int));

		if (a == NULL) {
			close(fd);
			ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory");
		}
		open_fds = a;
		capopen = n;
	}
	open_fds[nopen++] = fd;
}

static void
close_fd(int fd)
{
	for (int i = 0; i < nopen; i++)
		if (open_fds[i] == fd) {
			open_fds[i] = open_fds[--nopen];
			break;
		}
	close(fd);
}

void
bt_sort_release_files(void)
{
	while (nopen > 0)
		close(open_fds[--nopen]);
}

static int
temp_file(void)
{
	char path[PATH_MAX + 32];
	int fd;

	snprintf(path, sizeof(path), "%s/tmp", smgr_datadir());
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		ph_error(ERRCODE_IO_ERROR, "could not create directory \"%s\": %s", path, strerror(errno));
	snprintf(path, sizeof(path), "%s/tmp/sort.XXXXXX", smgr_datadir());
	fd = mkstemp(path);
	if (fd < 0)
		ph_error(ERRCODE_IO_ERROR, "could not create temporary file \"%s\": %s", path,
		         strerror(errno));
	unlink(path); /* gone with the process, whatever happens */
	track_fd(fd);
	return fd;
}

typedef struct writer {
	int fd;
	char *buf;
	size_t used;
} writer;

static void
w_flush(writer *w)
{
	size_t off = 0;

	while (off < w->used) {
		ssize_t n = write(w->fd, w->buf + off, w->used - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			ph_error(errno == ENOSPC ? ERRCODE_DISK_FULL : ERRCODE_IO_ERROR,
			         "could not write temporary sort file: %s", strerror(errno));
		}
		off += (size_t)n;
	}
	w->used = 0;
}

static void
w_put(writer *w, const void *p, size_t n)
{
	while (n > 0) {
		size_t k = IOBUF - w->used < n ? IOBUF - w->used : n;

		memcpy(w->buf + w->used, p, k);
		w->used += k;
		p = (const char *)p + k;
		n -= k;
		if (w->used == IOBUF)
			w_flush(w);
	}
}

static void
add_run(bt_sort *s, int fd)
{
	if (lseek(fd, 0, SEEK_SET) != 0)
		ph_error(ERRCODE_IO_ERROR, "could not rewind temporary sort file: %s", strerror(errno));
	if (s->nruns == s->capruns) {
		s->capruns = s->capruns ? s->capruns * 2 : 16;
		s->runs = s->runs ? repalloc(s->runs, (size_t)s->capruns * sizeof(int))
		                  : palloc((size_t)s->capruns * sizeof(int));
	}
	s->runs[s->nruns++] = fd;
	s->total_runs++;
}

static void
dump_run(bt_sort *s)
{
	char **tmp = palloc(s->n * sizeof(char *));
	writer w = { temp_file(), palloc(IOBUF), 0 };

	sort_recs(s, s->recs, tmp, s->n);
	pfree(tmp);
	for (size_t i = 0; i < s->n; i++)
		w_put(&w, s->recs[i], 4 + (size_t)rec_len(s->recs[i]));
	w_flush(&w);
	pfree(w.buf);
	add_run(s, w.fd);
	mem_reset(s->ctx);
	s->n = 0;
	s->mem = 0;
}

void
bt_sort_put(bt_sort *s, const void *rec, size_t len)
{
	char *r;
	uint32_t l = (uint32_t)len;

	PH_CHECK(s->state == ST_LOADING);
	if (s->n == s->cap) {
		s->cap *= 2;
		s->recs = repalloc(s->recs, s->cap * sizeof(char *));
	}
	r = mem_alloc(s->ctx, 4 + len);
	memcpy(r, &l, 4);
	memcpy(r + 4, rec, len);
	s->recs[s->n++] = r;
	s->mem += 4 + len + 16 + sizeof(char *);
	if (s->mem > s->mem_limit)
		dump_run(s);
}

/* ---- merging ---------------------------------------------------------------------------------- */

static bool
r_fill(run_reader *r, size_t need)
{
	if (r->end - r->pos >= need)
		return true;
	memmove(r->buf, r->buf + r->pos, r->end - r->pos);
	r->end -= r->pos;
	r->pos = 0;
	while (r->end < need) {
		ssize_t n = read(r->fd, r->buf + r->end, IOBUF - r->end);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			ph_error(ERRCODE_IO_ERROR, "could not read temporary sort file: %s", strerror(errno));
		}
		if (n == 0)
			return false;
		r->end += (size_t)n;
	}
	return true;
}

/* Read the next record of a run into r->rec; sets eof at the end. */
static void
r_next(run_reader *r)
{
	uint32_t len;
	size_t done = 0;

	if (!r_fill(r, 4)) {
		r->eof = true;
		return;
	}
	memcpy(&len, r->buf + r->pos, 4);
	r->pos += 4;
	if (4 + (size_t)len > r->cap) {
		r->cap = 4 + (size_t)len;
		r->rec = r->rec ? repalloc(r->rec, r->cap) : palloc(r->cap);
	}
	memcpy(r->rec, &len, 4);
	while (done < len) {
		size_t k;

		if (!r_fill(r, 1))
			ph_error(ERRCODE_IO_ERROR, "temporary sort file is truncated");
		k = r->end - r->pos < len - done ? r->end - r->pos : len - done;
		memcpy(r->rec + 4 + done, r->buf + r->pos, k);
		r->pos += k;
		done += k;
	}
	r->len = len;
}

static void
heap_sift(bt_sort *s, int i)
{
	for (;;) {
		int l = 2 * i + 1, r = l + 1, m = i;

		if (l < s->nheap && rec_cmp(s, s->rd[s->heap[l]].rec, s->rd[s->heap[m]].rec) < 0)
			m = l;
		if (r < s->nheap && rec_cmp(s, s->rd[s->heap[r]].rec, s->rd[s->heap[m]].rec) < 0)
			m = r;
		if (m == i)
			return;
		{
			int t = s->heap[i];

			s->heap[i] = s->heap[m];
			s->heap[m] = t;
		}
		i = m;
	}
}

/* Open readers on runs[0..k) and build the heap. */
static void
merge_open(bt_sort *s, const int *fds, int k)
{
	s->rd = palloc0(sizeof(run_reader) * (size_t)k);
	s->heap = palloc(sizeof(int) * (size_t)k);
	s->nrd = k;
	s->nheap = 0;
	for (int i = 0; i < k; i++) {
		s->rd[i].fd = fds[i];
		s->rd[i].buf = palloc(IOBUF);
		r_next(&s->rd[i]);
		if (!s->rd[i].eof)
			s->heap[s->nheap++] = i;
	}
	for (int i = s->nheap / 2 - 1; i >= 0; i--)
		heap_sift(s, i);
}

static void
merge_close(bt_sort *s)
{
	for (int i = 0; i < s->nrd; i++) {
		close_fd(s->rd[i].fd);
		pfree(s->rd[i].buf);
		if (s->rd[i].rec)
			pfree(s->rd[i].rec);
	}
	pfree(s->rd);
	pfree(s->heap);
	s->rd = NULL;
	s->heap = NULL;
	s->nrd = s->nheap = 0;
}

/* Pop the smallest record: returns its reader (the record is in rd->rec until advanced). */
static run_reader *
merge_peek(bt_sort *s)
{
	return s->nheap > 0 ? &s->rd[s->heap[0]] : NULL;
}

static void
merge_advance(bt_sort *s)
{
	run_reader *r = &s->rd[s->heap[0]];

	r_next(r);
	if (r->eof)
		s->heap[0] = s->heap[--s->nheap];
	heap_sift(s, 0);
}

void
bt_sort_finish(bt_sort *s)
{
	int fanin = (int)(s->mem_limit / (2 * IOBUF));

	PH_CHECK(s->state == ST_LOADING);
	if (s->nruns == 0) {
		char **tmp = palloc(s->n * sizeof(char *) + 1);

		sort_recs(s, s->recs, tmp, s->n);
		pfree(tmp);
		s->state = ST_MEMORY;
		return;
	}
	if (s->n > 0)
		dump_run(s);
	if (fanin < 2)
		fanin = 2;
	if (fanin > MAX_FANIN)
		fanin = MAX_FANIN;
	/* intermediate passes: merge groups of runs into longer runs */
	while (s->nruns > fanin) {
		int *old = s->runs, nold = s->nruns;

		s->runs = NULL;
		s->nruns = s->capruns = 0;
		for (int g = 0; g < nold; g += fanin) {
			int k = nold - g < fanin ? nold - g : fanin;
			writer w = { temp_file(), palloc(IOBUF), 0 };
			run_reader *r;

			merge_open(s, old + g, k);
			while ((r = merge_peek(s)) != NULL) {
				w_put(&w, r->rec, 4 + r->len);
				merge_advance(s);
			}
			merge_close(s);
			w_flush(&w);
			pfree(w.buf);
			add_run(s, w.fd);
		}
		pfree(old);
	}
	merge_open(s, s->runs, s->nruns);
	s->state = ST_MERGE;
}

bool
bt_sort_next(bt_sort *s, const void **rec, size_t *len)
{
	if (s->state == ST_MEMORY) {
		if (s->pos >= s->n)
			return false;
		*rec = s->recs[s->pos] + 4;
		*len = rec_len(s->recs[s->pos]);
		s->pos++;
		return true;
	}
	if (s->state == ST_MERGE) {
		run_reader *r;

		if (s->pos > 0)
			merge_advance(s); /* the record returned last time is consumed now */
		r = merge_peek(s);
		if (r == NULL)
			return false;
		*rec = r->rec + 4;
		*len = r->len;
		s->pos = 1;
		return true;
	}
	return false;
}

int
bt_sort_runs(const bt_sort *s)
{
	return s->total_runs;
}

void
bt_sort_end(bt_sort *s)
{
	if (s->state == ST_MERGE)
		merge_close(s);
	else
		for (int i = 0; i < s->nruns; i++)
			close_fd(s->runs[i]);
	if (s->runs)
		pfree(s->runs);
	mem_delete(s->ctx);
	pfree(s->recs);
	pfree(s);
}
