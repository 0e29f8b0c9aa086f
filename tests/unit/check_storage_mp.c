/*
 * check_storage_mp.c — the storage layer under concurrent processes: workers forked after
 * shared memory was created insert rows into one heap and its unique B+tree, look rows up
 * through the index, scan ranges and delete, while another process reclaims index pages;
 * the pool is smaller than the data.  Afterwards the checkers must find nothing wrong.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include "btree/bt.h"
#include "heap/heap.h"
#include "storage_test.h"
#include "util/err.h"
#include "util/mem.h"

enum { WORKERS = 4, PER_WORKER = 5000 };

/* Rows whose position in the insertion key space is in a deleted block (20% of the rows,
 * in runs long enough to empty whole index pages). */
static inline bool
deleted_row(int32_t ord)
{
	return ord % 200 < 40;
}

static int go_pipe[2];

static void setup(void) { st_setup(256 * PAGE_SIZE); }
static void teardown(void) { st_teardown(); }

static const bt_column id_col = { 4, true, false, false, st_cmp_int4, NULL };
static const rel_locator heap_loc = { 7, 1000 }, idx_loc = { 7, 1001 };
static size_t page_limit;

static tuple_desc *
make_desc(void)
{
	tuple_desc *d = heap_desc_create(2);

	heap_desc_set(d, 0, 4, true);
	heap_desc_set(d, 1, -1, false);
	return d;
}

static heap_tuple *
make_row(tuple_desc *d, int32_t id)
{
	char buf[200];
	size_t n = (size_t)snprintf(buf, sizeof(buf), id >= 0 ? "row %d with a payload of some length"
	                                                       : "row %d with a much longer payload, "
	                                                         "long enough that the new version "
	                                                         "rarely fits the old page", id);
	varlena *v = palloc(VARHDRSZ + n);
	Datum vals[2];
	bool nulls[2] = { false, false };

	SET_VARSIZE(v, (uint32_t)(VARHDRSZ + n));
	memcpy(VARDATA(v), buf, n);
	vals[0] = Int32GetDatum(id);
	vals[1] = PointerGetDatum(v);
	return heap_form_tuple(d, vals, nulls);
}

/* Look id up through the index; returns whether a live row with that id was found. */
static bool
lookup(bt_index *idx, heap_rel *h, int32_t id)
{
	Datum v = Int32GetDatum(id);
	bool n = false, found = false;
	bt_bound b = { 1, &v, &n, true };
	bt_scan *s = bt_beginscan(idx, &b, &b, BT_FORWARD, false);
	tid t;

	while (bt_getnext(s, &t)) {
		heap_tuple ht;
		buf_id buf;
		bool isnull;

		if (heap_hot_search(h, t, NULL, &ht, &buf)) {
			if (DatumGetInt32(heap_getattr(h->desc, &ht, 0, &isnull)) != id)
				ph_internal("index entry for %d leads to another row", id);
			found = true;
			buf_release(buf);
		}
	}
	bt_endscan(s);
	return found;
}

/* Rows updated after loading: a third non-HOT (a longer row, new index entry), some HOT. */
static inline int
update_kind(int32_t ord)
{
	if (deleted_row(ord))
		return 0;
	return ord % 7 == 1 ? 1 : ord % 7 == 2 ? 2 : 0;
}

static heap_rel *hook_heap;

/* Unique check as MVCC would answer it: an entry whose tuple has been deleted or updated
 * does not conflict. */
static bt_heap_status
unique_hook(bt_index *idx, tid t, uint64_t *xid, void *arg)
{
	heap_tuple ht;
	buf_id b;
	bt_heap_status st = BT_HEAP_DEAD;

	(void)idx;
	(void)xid;
	(void)arg;
	if (heap_fetch(hook_heap, t, HEAP_SNAPSHOT_ANY, &ht, &b)) {
		if (ht.t_data->t_xmax == 0)
			st = BT_HEAP_LIVE;
		buf_release(b);
	}
	return st;
}

static int
worker(void *arg, int w)
{
	tuple_desc *d = make_desc();
	heap_rel *h = heap_open(heap_loc, d, "mp_rows");
	bt_index *idx = bt_open(idx_loc, 1, &id_col, true, "mp_rows_pkey");
	uint64_t seed = 1000 + (uint64_t)w;
	int32_t *order = palloc(sizeof(int32_t) * PER_WORKER);
	tid *tids = palloc(sizeof(tid) * PER_WORKER);
	char c;

	(void)arg;
	idx->page_limit = page_limit;
	close(go_pipe[1]);
	if (read(go_pipe[0], &c, 1) != 1) /* start together */
		return 13;
	for (int i = 0; i < PER_WORKER; i++)
		order[i] = i;
	for (int i = PER_WORKER - 1; i > 0; i--) { /* shuffle: inserts land all over the tree */
		int j = (int)(st_rand(&seed) % (uint64_t)(i + 1));
		int32_t t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (int i = 0; i < PER_WORKER; i++) {
		int32_t id = order[i] * WORKERS + w;
		heap_tuple *row = make_row(d, id);
		tid t = heap_insert(h, row, 10 + (uint64_t)w, 0, NULL);
		Datum v = Int32GetDatum(id);
		bool n = false;

		bt_insert(idx, &v, &n, t);
		heap_free_tuple(row);
		if (i % 7 == 0) {
			int32_t k = order[st_rand(&seed) % (uint64_t)(i + 1)];

			if (!deleted_row(k) && !lookup(idx, h, k * WORKERS + w))
				return 10; /* one of our own rows is missing */
		}
		if (i % 50 == 0) {
			/* a range scan over everyone's keys must come back in order */
			bt_scan *s = bt_beginscan(idx, NULL, NULL, (i / 50) % 2 ? BT_FORWARD : BT_BACKWARD, true);
			int32_t prev = (i / 50) % 2 ? INT32_MIN : INT32_MAX;
			Datum kv;
			bool kn;
			tid st;

			while (bt_getnext(s, &st)) {
				bt_scan_keys(s, &kv, &kn);
				/* equal keys appear once others update rows (old and new version) */
				if ((i / 50) % 2 ? DatumGetInt32(kv) < prev : DatumGetInt32(kv) > prev)
					return 11;
				prev = DatumGetInt32(kv);
			}
			bt_endscan(s);
		}
		tids[order[i]] = t;
	}
	/* then some rows get new versions: non-HOT ones need a new index entry */
	hook_heap = h;
	bt_unique_hook = unique_hook;
	for (int i = 0; i < PER_WORKER; i++) {
		int kind = update_kind(order[i]);
		int32_t id = order[i] * WORKERS + w;
		heap_tuple *row;
		heap_tm_info info;
		tid nt;
		bool hot;

		if (kind == 0)
			continue;
		row = make_row(d, id);
		if (kind == 1) { /* a longer row: often no room on its page */
			heap_free_tuple(row);
			row = make_row(d, -id);
			*(int32_t *)((char *)row->t_data + row->t_data->t_hoff) = id;
		}
		if (heap_update(h, tids[order[i]], row, 30, 0, kind == 2, &nt, &hot, &info) != HTM_OK)
			return 14;
		if (!hot) {
			Datum v = Int32GetDatum(id);
			bool n = false;

			bt_insert(idx, &v, &n, nt);
		}
		heap_free_tuple(row);
	}
	/* then some of our rows go away again (index entry, heap row) while others still insert */
	for (int i = 0; i < PER_WORKER; i++)
		if (deleted_row(order[i])) {
			Datum v = Int32GetDatum(order[i] * WORKERS + w);
			bool n = false;
			heap_tm_info info;

			if (!bt_delete(idx, &v, &n, tids[order[i]]) ||
			    heap_delete(h, tids[order[i]], 20, 0, &info) != HTM_OK)
				return 12;
		}
	return 0;
}

static volatile int stop_vacuum;

static int
vacuumer(void *arg, int w)
{
	bt_index *idx = bt_open(idx_loc, 1, &id_col, true, "mp_rows_pkey");
	int *pipefd = arg;
	uint64_t deleted = 0;
	bt_vacuum_stats st;
	char c;

	(void)w;
	close(pipefd[1]); /* ours, inherited: the parent's close must be the last one */
	close(go_pipe[1]);
	idx->page_limit = page_limit;
	/* reclaim empty pages until the parent says stop (its pipe closes) */
	for (;;) {
		fd_set fds;
		struct timeval tv = { 0, 20000 };

		bt_vacuum_pages(idx, &st);
		deleted += st.pages_deleted;
		FD_ZERO(&fds);
		FD_SET(pipefd[0], &fds);
		if (select(pipefd[0] + 1, &fds, NULL, NULL, &tv) > 0 && read(pipefd[0], &c, 1) <= 0)
			break;
	}
	bt_vacuum_pages(idx, &st);
	deleted += st.pages_deleted;
	return page_limit && deleted == 0 ? 20 : 0;
}


static bool
key_of(const heap_tuple *t, Datum *values, bool *isnull, void *arg)
{
	values[0] = heap_getattr(arg, t, 0, isnull);
	return true;
}

static void
run(size_t limit)
{
	pid_t pids[WORKERS], vac;
	tuple_desc *d = make_desc();
	heap_rel *h;
	bt_index *idx;
	int pipefd[2];
	int live = 0;

	page_limit = limit;
	heap_create(heap_loc);
	bt_create(idx_loc);
	ck_assert_int_eq(pipe(pipefd), 0);
	ck_assert_int_eq(pipe(go_pipe), 0);
	vac = st_fork_worker(vacuumer, pipefd, WORKERS);
	for (int w = 0; w < WORKERS; w++)
		pids[w] = st_fork_worker(worker, NULL, w);
	ck_assert_int_eq(write(go_pipe[1], "gggg", WORKERS), WORKERS);
	close(go_pipe[1]);
	for (int w = 0; w < WORKERS; w++)
		ck_assert_int_eq(st_wait(pids[w]), 0);
	close(pipefd[1]);
	ck_assert_int_eq(st_wait(vac), 0);

	h = heap_open(heap_loc, d, "mp_rows");
	idx = bt_open(idx_loc, 1, &id_col, true, "mp_rows_pkey");
	for (int32_t id = 0; id < WORKERS * PER_WORKER; id++) {
		bool want = !deleted_row(id / WORKERS);

		ck_assert_msg(lookup(idx, h, id) == want, "row %d", id);
		live += want;
	}
	st_problems_reset();
	ck_assert_msg(bt_check(idx, st_collect, NULL) == 0, "%s", st_last_problem);
	ck_assert_msg(bt_check_heap(idx, h, NULL, key_of, d, st_collect, NULL) == 0, "%s", st_last_problem);
	ck_assert_msg(heap_check(h, st_collect, NULL) == 0, "%s", st_last_problem);
	ck_assert_int_eq(live, WORKERS * PER_WORKER * 4 / 5);
}

START_TEST(concurrent_inserts_lookups_and_page_reclamation_stay_consistent)
{
	run(0);
}
END_TEST

START_TEST(concurrent_splits_of_tiny_pages_stay_consistent)
{
	run(600);
}
END_TEST

static Suite *
mp_suite(void)
{
	Suite *s = suite_create("storage processes");
	TCase *tc = tcase_create("concurrency");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, concurrent_inserts_lookups_and_page_reclamation_stay_consistent);
	tcase_add_test(tc, concurrent_splits_of_tiny_pages_stay_consistent);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return st_run(mp_suite());
}
