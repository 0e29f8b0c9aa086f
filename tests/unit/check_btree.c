/* check_btree.c — unit tests for lib/btree: randomized operations against an in-memory model
 * (checked after every step, and with bt_check), unique indexes, NULLs, multi-column keys
 * with DESC, bulk build, the external sort, vacuum and page reclamation, the checker. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "btree/bt_int.h"
#include "heap/heap.h"
#include "shm/lwlock.h"
#include "storage_test.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

static void setup(void) { st_setup(8 << 20); }
static void setup_tiny(void) { st_setup(48 * PAGE_SIZE); }
static void teardown(void) { st_teardown(); }

static int
cmp_text(Datum a, Datum b, void *arg)
{
	const char *x = DatumGetPointer(a), *y = DatumGetPointer(b);
	uint32_t lx = VARSIZE_ANY_EXHDR(x), ly = VARSIZE_ANY_EXHDR(y);
	int r = memcmp(VARDATA(x), VARDATA(y), lx < ly ? lx : ly);

	(void)arg;
	return r != 0 ? r : (lx > ly) - (lx < ly);
}

static Datum
text_datum(const char *s)
{
	size_t n = strlen(s);
	varlena *v = palloc(VARHDRSZ + n);

	SET_VARSIZE(v, (uint32_t)(VARHDRSZ + n));
	memcpy(VARDATA(v), s, n);
	return PointerGetDatum(v);
}

static bt_column int_col = { 4, true, false, false, st_cmp_int4, NULL };
static bt_column text_col = { -1, false, false, false, cmp_text, NULL };


static int
check(bt_index *idx)
{
	st_problems_reset();
	bt_check(idx, st_collect, NULL);
	return st_problems;
}

static bt_index *
new_index(Oid relnode, int ncols, const bt_column *cols, bool unique, const char *name)
{
	rel_locator loc = { 1, relnode };

	bt_create(loc);
	return bt_open(loc, ncols, cols, unique, name);
}

/* ---- the model -------------------------------------------------------------------------------- */

typedef struct mkey {
	bool null[2];
	int32_t a;
	char b[160];
} mkey;

typedef struct ment {
	mkey k;
	tid t;
} ment;

static struct {
	int ncols;
	bool a_nulls_first;
	bool b_desc, b_nulls_first;
	ment *e;
	int n, cap;
} M;

/* Index order written independently of lib/btree. */
static int
mcol(int col, const mkey *x, const mkey *y)
{
	bool nf = col == 0 ? M.a_nulls_first : M.b_nulls_first;
	int r;

	if (x->null[col] || y->null[col]) {
		if (x->null[col] && y->null[col])
			return 0;
		return x->null[col] ? (nf ? -1 : 1) : (nf ? 1 : -1);
	}
	if (col == 0)
		return (x->a > y->a) - (x->a < y->a);
	r = strcmp(x->b, y->b);
	r = (r > 0) - (r < 0);
	return M.b_desc ? -r : r;
}

static int
mcmp_prefix(const mkey *x, const mkey *y, int n)
{
	for (int c = 0; c < n; c++) {
		int r = mcol(c, x, y);

		if (r)
			return r;
	}
	return 0;
}

static int
mcmp(const ment *x, const ment *y)
{
	int r = mcmp_prefix(&x->k, &y->k, M.ncols);

	return r ? r : tid_cmp(x->t, y->t);
}

static void
model_reset(int ncols, bool a_nf, bool b_desc, bool b_nf)
{
	M.ncols = ncols;
	M.a_nulls_first = a_nf;
	M.b_desc = b_desc;
	M.b_nulls_first = b_nf;
	M.n = 0;
	M.cap = 1024;
	M.e = realloc(M.e, sizeof(ment) * (size_t)M.cap);
}

static void
model_insert(const ment *x)
{
	int lo = 0, hi = M.n;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (mcmp(&M.e[mid], x) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (M.n == M.cap) {
		M.cap *= 2;
		M.e = realloc(M.e, sizeof(ment) * (size_t)M.cap);
	}
	memmove(&M.e[lo + 1], &M.e[lo], sizeof(ment) * (size_t)(M.n - lo));
	M.e[lo] = *x;
	M.n++;
}

static void
model_remove(int i)
{
	memmove(&M.e[i], &M.e[i + 1], sizeof(ment) * (size_t)(M.n - i - 1));
	M.n--;
}

static void
to_datums(const mkey *k, Datum *v, bool *n)
{
	v[0] = Int32GetDatum(k->a);
	n[0] = k->null[0];
	if (M.ncols > 1) {
		v[1] = k->null[1] ? 0 : text_datum(k->b);
		n[1] = k->null[1];
	}
}

static void
random_key(uint64_t *seed, mkey *k, int amod)
{
	memset(k, 0, sizeof(*k));
	k->a = (int32_t)(st_rand(seed) % (uint64_t)amod) - amod / 4;
	k->null[0] = st_rand(seed) % 23 == 0;
	if (M.ncols > 1) {
		int len = (int)(st_rand(seed) % 8 == 0 ? 60 + st_rand(seed) % 90 : 1 + st_rand(seed) % 6);

		for (int i = 0; i < len; i++)
			k->b[i] = (char)('a' + st_rand(seed) % 3);
		k->null[1] = st_rand(seed) % 17 == 0;
	}
}

/* Scan the index between the bounds and compare with the model, TIDs and keys. */
static void
scan_and_compare(bt_index *idx, const mkey *lo, int lon, bool loi, const mkey *hi, int hin,
                 bool hii, bt_direction dir, const char *what)
{
	Datum lv[2], hv[2], kv[2];
	bool ln[2], hn[2], kn[2];
	bt_bound lb = { lon, lv, ln, loi }, ub = { hin, hv, hn, hii };
	bt_scan *s;
	int *want = malloc(sizeof(int) * (size_t)(M.n + 1)), nwant = 0, got = 0;
	tid t;

	if (lon)
		to_datums(lo, lv, ln);
	if (hin)
		to_datums(hi, hv, hn);
	for (int i = 0; i < M.n; i++) {
		int c1 = lon ? mcmp_prefix(&M.e[i].k, lo, lon) : 1;
		int c2 = hin ? mcmp_prefix(&M.e[i].k, hi, hin) : -1;

		if ((c1 > 0 || (c1 == 0 && loi)) && (c2 < 0 || (c2 == 0 && hii)))
			want[nwant++] = i;
	}
	s = bt_beginscan(idx, lon ? &lb : NULL, hin ? &ub : NULL, dir, true);
	while (bt_getnext(s, &t)) {
		const ment *e;

		ck_assert_msg(got < nwant, "%s: more entries than the model (%d)", what, nwant);
		e = &M.e[want[dir == BT_FORWARD ? got : nwant - 1 - got]];
		ck_assert_msg(tid_eq(t, e->t), "%s: entry %d is (%u,%u), model (%u,%u)", what, got,
		              t.blk, t.slot, e->t.blk, e->t.slot);
		bt_scan_keys(s, kv, kn);
		ck_assert(kn[0] == e->k.null[0]);
		if (!kn[0])
			ck_assert_int_eq(DatumGetInt32(kv[0]), e->k.a);
		if (M.ncols > 1) {
			ck_assert(kn[1] == e->k.null[1]);
			if (!kn[1])
				ck_assert(VARSIZE_ANY_EXHDR(DatumGetPointer(kv[1])) == strlen(e->k.b) &&
				          memcmp(VARDATA(DatumGetPointer(kv[1])), e->k.b, strlen(e->k.b)) == 0);
		}
		got++;
	}
	ck_assert_msg(got == nwant, "%s: %d entries, model %d", what, got, nwant);
	bt_endscan(s);
	free(want);
}

static void
full_compare(bt_index *idx)
{
	scan_and_compare(idx, NULL, 0, false, NULL, 0, false, BT_FORWARD, "full forward");
	scan_and_compare(idx, NULL, 0, false, NULL, 0, false, BT_BACKWARD, "full backward");
}

/*
 * Random inserts, deletes, lookups and range scans; after every step the touched key is
 * looked up and compared with the model; periodically full scans, bt_check and page
 * reclamation.
 */
static void
random_ops(bt_index *idx, int steps, uint64_t seed, int amod, uint64_t *deleted_pages)
{
	uint32_t tidseq = 0;

	for (int step = 0; step < steps; step++) {
		int r = (int)(st_rand(&seed) % 100);
		ment e;
		Datum v[2];
		bool n[2];

		if (r < 55 || M.n == 0) {
			random_key(&seed, &e.k, amod);
			tidseq++;
			e.t = tid_make(tidseq / 200, tidseq % 200 + 1);
			to_datums(&e.k, v, n);
			bt_insert(idx, v, n, e.t);
			model_insert(&e);
		} else if (r < 85) {
			int i = (int)(st_rand(&seed) % (uint64_t)M.n);

			e = M.e[i];
			to_datums(&e.k, v, n);
			ck_assert(bt_delete(idx, v, n, e.t));
			ck_assert(!bt_delete(idx, v, n, e.t));
			model_remove(i);
		} else {
			mkey lo, hi;
			int lon = (int)(st_rand(&seed) % (uint64_t)(M.ncols + 1));
			int hin = (int)(st_rand(&seed) % (uint64_t)(M.ncols + 1));

			random_key(&seed, &lo, amod);
			random_key(&seed, &hi, amod);
			if (mcmp_prefix(&lo, &hi, M.ncols) > 0) {
				mkey t = lo;

				lo = hi;
				hi = t;
			}
			scan_and_compare(idx, &lo, lon, st_rand(&seed) & 1, &hi, hin, st_rand(&seed) & 1,
			                 (st_rand(&seed) & 1) ? BT_FORWARD : BT_BACKWARD, "range");
			e.k = lo;
		}
		/* the key touched by this step: every entry with it, in both directions */
		scan_and_compare(idx, &e.k, M.ncols, true, &e.k, M.ncols, true, BT_FORWARD, "point");
		if (step % 200 == 199) {
			full_compare(idx);
			ck_assert_msg(check(idx) == 0, "step %d: %s", step, st_last_problem);
		}
		if (step % 700 == 699) {
			bt_vacuum_stats st;

			bt_vacuum_pages(idx, &st);
			*deleted_pages += st.pages_deleted;
			ck_assert_uint_eq(st.entries_left, (uint64_t)M.n);
			ck_assert_msg(check(idx) == 0, "after vacuum: %s", st_last_problem);
		}
		ck_assert_int_eq(buf_pins_held(), 0);
		ck_assert_int_eq(lwlock_num_held(), 0);
	}
	full_compare(idx);
	ck_assert_msg(check(idx) == 0, "%s", st_last_problem);
}

START_TEST(random_operations_match_the_model_with_frequent_splits)
{
	bt_index *idx = new_index(10, 1, &int_col, false, "ints");
	uint64_t deleted = 0;
	bt_meta meta;

	idx->page_limit = 400;
	model_reset(1, false, false, false);
	random_ops(idx, 4000, 42, 1500, &deleted);
	bt_read_meta(idx, &meta);
	ck_assert_uint_ge(meta.bm_level, 2);
	/* drain most of it: empty pages are reclaimed and reused */
	while (M.n > 50) {
		Datum v[2];
		bool n[2];

		to_datums(&M.e[M.n / 2].k, v, n);
		ck_assert(bt_delete(idx, v, n, M.e[M.n / 2].t));
		model_remove(M.n / 2);
	}
	{
		bt_vacuum_stats st;
		uint32_t before;

		bt_vacuum_pages(idx, &st);
		deleted += st.pages_deleted;
		ck_assert_uint_gt(st.pages_free, 10);
		ck_assert_int_eq(check(idx), 0);
		before = smgr_nblocks(idx->smgr, FORK_MAIN);
		random_ops(idx, 600, 7, 1500, &deleted);
		ck_assert_uint_eq(smgr_nblocks(idx->smgr, FORK_MAIN), before); /* reused, not grown */
	}
	ck_assert_uint_gt(deleted, 20);
}
END_TEST

START_TEST(multi_column_keys_with_desc_and_nulls_match_the_model)
{
	bt_column cols[2] = { int_col, text_col };
	bt_index *idx;
	uint64_t deleted = 0;

	cols[0].nulls_first = true;
	cols[1].desc = true;
	cols[1].nulls_first = true;
	idx = new_index(11, 2, cols, false, "pairs");
	idx->page_limit = 700;
	model_reset(2, true, true, true);
	random_ops(idx, 3000, 99, 40, &deleted);
	ck_assert_int_gt(M.n, 200);
}
END_TEST

START_TEST(ascending_inserts_fill_pages_and_split_the_root_repeatedly)
{
	bt_index *idx = new_index(12, 1, &int_col, true, "seq");
	bt_meta meta;
	bt_scan *s;
	tid t;
	int32_t expect = 0;
	uint32_t leaves;

	for (int32_t i = 0; i < 60000; i++) {
		Datum v = Int32GetDatum(i);
		bool n = false;

		bt_insert(idx, &v, &n, tid_make((uint32_t)i / 100, (unsigned)(i % 100) + 1));
	}
	bt_read_meta(idx, &meta);
	ck_assert_uint_ge(meta.bm_level, 1);
	/* 90% full leaves: 60000 * 20 bytes / (0.9 * 8128) ~ 164 leaves, not ~330 */
	leaves = smgr_nblocks(idx->smgr, FORK_MAIN);
	ck_assert_uint_lt(leaves, 200);
	s = bt_beginscan(idx, NULL, NULL, BT_FORWARD, false);
	while (bt_getnext(s, &t)) {
		ck_assert(tid_eq(t, tid_make((uint32_t)expect / 100, (unsigned)(expect % 100) + 1)));
		expect++;
	}
	bt_endscan(s);
	ck_assert_int_eq(expect, 60000);
	ck_assert_int_eq(check(idx), 0);
}
END_TEST

/* ---- unique indexes ---------------------------------------------------------------------------- */

static char *
key_text(bt_index *idx, const Datum *values, const bool *isnull)
{
	(void)idx;
	return isnull[0] ? pstrdup("(id)=(null)") : psprintf("(id)=(%d)", DatumGetInt32(values[0]));
}

typedef struct ins_arg {
	bt_index *idx;
	int32_t key;
	bool null;
	tid t;
} ins_arg;

static void
do_insert(void *p)
{
	ins_arg *a = p;
	Datum v = Int32GetDatum(a->key);

	bt_insert(a->idx, &v, &a->null, a->t);
}

START_TEST(unique_violation_raises_23505_naming_the_index)
{
	bt_index *idx = new_index(13, 1, &int_col, true, "accounts_pkey");
	char msg[1024];
	ins_arg a = { idx, 0, false, tid_make(0, 1) };

	idx->key_text = key_text;
	idx->page_limit = 300;
	for (int32_t i = 0; i < 500; i++) {
		a.key = i;
		a.t = tid_make(1, (unsigned)i + 1);
		ck_assert_str_eq(st_catch(do_insert, &a, msg, sizeof(msg)), "");
	}
	a.key = 250;
	a.t = tid_make(9, 9);
	ck_assert_str_eq(st_catch(do_insert, &a, msg, sizeof(msg)), "23505");
	ck_assert_str_eq(msg, "duplicate key value violates unique constraint \"accounts_pkey\" | "
	                      "Key (id)=(250) already exists.");
	ck_assert_str_eq(err_last()->constraint, "accounts_pkey");
	/* NULLs never conflict */
	a.null = true;
	for (unsigned i = 1; i <= 3; i++) {
		a.t = tid_make(20, i);
		ck_assert_str_eq(st_catch(do_insert, &a, msg, sizeof(msg)), "");
	}
	ck_assert_int_eq(check(idx), 0);
}
END_TEST

/* The unique hook: heap tuples in block 66 are dead, block 77 is being inserted by xid 5. */
static int waits;
static bool xid5_done;

static bt_heap_status
fake_unique_hook(bt_index *idx, tid t, uint64_t *xid, void *arg)
{
	(void)idx;
	(void)arg;
	if (t.blk == 66)
		return BT_HEAP_DEAD;
	if (t.blk == 77 && !xid5_done) {
		*xid = 5;
		return BT_HEAP_IN_PROGRESS;
	}
	if (t.blk == 77)
		return BT_HEAP_DEAD; /* xid 5 aborted */
	return BT_HEAP_LIVE;
}

static void
fake_wait(uint64_t xid)
{
	ck_assert_uint_eq(xid, 5);
	waits++;
	xid5_done = true;
}

START_TEST(unique_check_asks_the_hook_about_dead_and_in_progress_tuples)
{
	bt_index *idx = new_index(14, 1, &int_col, true, "u");
	char msg[512];
	ins_arg a = { idx, 7, false, tid_make(66, 1) };

	bt_unique_hook = fake_unique_hook;
	bt_wait_hook = fake_wait;
	/* many dead versions of key 7 spanning pages, as MVCC leaves them */
	idx->page_limit = 200;
	for (unsigned i = 1; i <= 40; i++) {
		a.t = tid_make(66, i);
		ck_assert_str_eq(st_catch(do_insert, &a, msg, sizeof(msg)), "");
	}
	a.t = tid_make(77, 1);
	ck_assert_str_eq(st_catch(do_insert, &a, msg, sizeof(msg)), ""); /* all others dead */
	a.t = tid_make(88, 1);
	ck_assert_str_eq(st_catch(do_insert, &a, msg, sizeof(msg)), ""); /* waits for xid 5 */
	ck_assert_int_eq(waits, 1);
	a.t = tid_make(99, 1);
	ck_assert_str_eq(st_catch(do_insert, &a, msg, sizeof(msg)), "23505"); /* (88,1) is live */
	bt_unique_hook = NULL;
	bt_wait_hook = NULL;
	ck_assert_int_eq(check(idx), 0);
}
END_TEST

static void
insert_big_key(void *p)
{
	bt_index *idx = p;
	char big[3000];
	Datum v;
	bool n = false;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	v = text_datum(big);
	bt_insert(idx, &v, &n, tid_make(0, 1));
}

START_TEST(oversized_entries_get_54000)
{
	bt_index *idx = new_index(15, 1, &text_col, false, "big");
	char msg[512];

	ck_assert_str_eq(st_catch(insert_big_key, idx, msg, sizeof(msg)), "54000");
	ck_assert_msg(strstr(msg, "index row size 3011 exceeds btree maximum 2000 for index \"big\"")
	              != NULL, "%s", msg);
}
END_TEST

/* ---- bulk build and sort ------------------------------------------------------------------------ */

static void
compare_indexes(bt_index *x, bt_index *y)
{
	bt_scan *a = bt_beginscan(x, NULL, NULL, BT_FORWARD, true);
	bt_scan *b = bt_beginscan(y, NULL, NULL, BT_FORWARD, true);
	tid ta, tb;
	int n = 0;

	while (bt_getnext(a, &ta)) {
		Datum va[2], vb[2];
		bool na[2], nb[2];

		ck_assert(bt_getnext(b, &tb));
		ck_assert(tid_eq(ta, tb));
		bt_scan_keys(a, va, na);
		bt_scan_keys(b, vb, nb);
		ck_assert(bt_keys_equal(x, va, na, vb, nb));
		n++;
	}
	ck_assert(!bt_getnext(b, &tb));
	bt_endscan(a);
	bt_endscan(b);
	ck_assert_int_gt(n, 0);
}

START_TEST(bulk_build_equals_incremental_build)
{
	bt_column cols[2] = { int_col, text_col };
	bt_index *inc, *bulk;
	bt_build *bb;
	uint64_t seed = 5;
	char buf[64];

	cols[1].desc = true;
	inc = new_index(16, 2, cols, false, "inc");
	bulk = new_index(17, 2, cols, false, "bulk");
	bb = bt_build_begin(bulk, 64 * 1024); /* small: many runs, several merge passes */
	for (uint32_t i = 0; i < 30000; i++) {
		Datum v[2];
		bool n[2] = { st_rand(&seed) % 50 == 0, st_rand(&seed) % 40 == 0 };
		tid t = tid_make(i / 50, i % 50 + 1);

		snprintf(buf, sizeof(buf), "value-%llu", (unsigned long long)(st_rand(&seed) % 700));
		v[0] = Int32GetDatum((int32_t)(st_rand(&seed) % 5000));
		v[1] = n[1] ? 0 : text_datum(buf);
		bt_insert(inc, v, n, t);
		bt_build_add(bb, v, n, t);
	}
	bt_build_finish(bb);
	ck_assert_int_eq(check(bulk), 0);
	ck_assert_int_eq(check(inc), 0);
	compare_indexes(inc, bulk);
	/* full leaves: fewer pages than random-order inserts */
	ck_assert_uint_lt(smgr_nblocks(bulk->smgr, FORK_MAIN) * 5, smgr_nblocks(inc->smgr, FORK_MAIN) * 4);
	/* the built index takes further inserts like any other */
	for (int32_t i = 0; i < 2000; i++) {
		Datum v[2] = { Int32GetDatum(i), text_datum("later") };
		bool n[2] = { false, false };

		bt_insert(inc, v, n, tid_make(9000, (unsigned)i + 1));
		bt_insert(bulk, v, n, tid_make(9000, (unsigned)i + 1));
	}
	compare_indexes(inc, bulk);
	ck_assert_int_eq(check(bulk), 0);
}
END_TEST

static void
build_with_duplicates(void *p)
{
	bt_index *idx = p;
	bt_build *bb = bt_build_begin(idx, 1 << 20);

	for (int32_t i = 0; i < 1000; i++) {
		Datum v = Int32GetDatum(i == 999 ? 500 : i);
		bool n = false;

		bt_build_add(bb, &v, &n, tid_make(1, (unsigned)i + 1));
	}
	bt_build_finish(bb);
}

static void
build_nonempty(void *p)
{
	bt_build_begin(p, 1 << 20);
}

START_TEST(bulk_build_of_a_unique_index_rejects_duplicates)
{
	bt_index *idx = new_index(18, 1, &int_col, true, "ubuild");
	char msg[512];
	Datum v = Int32GetDatum(1);
	bool n = false;

	idx->key_text = key_text;
	ck_assert_str_eq(st_catch(build_with_duplicates, idx, msg, sizeof(msg)), "23505");
	ck_assert_str_eq(msg, "could not create unique index \"ubuild\" | Key (id)=(500) is duplicated.");
	idx = new_index(19, 1, &int_col, true, "notempty");
	bt_insert(idx, &v, &n, tid_make(1, 1));
	ck_assert_str_eq(st_catch(build_nonempty, idx, msg, sizeof(msg)), "55000");
}
END_TEST

START_TEST(empty_bulk_build_gives_an_empty_usable_index)
{
	bt_index *idx = new_index(20, 1, &int_col, false, "empty");
	bt_scan *s;
	tid t;
	Datum v = Int32GetDatum(3);
	bool n = false;

	bt_build_finish(bt_build_begin(idx, 1 << 20));
	ck_assert_int_eq(check(idx), 0);
	s = bt_beginscan(idx, NULL, NULL, BT_BACKWARD, false);
	ck_assert(!bt_getnext(s, &t));
	bt_endscan(s);
	bt_insert(idx, &v, &n, tid_make(1, 1));
	ck_assert_int_eq(check(idx), 0);
}
END_TEST

static int
cmp_u32(const void *a, size_t alen, const void *b, size_t blen, void *arg)
{
	uint32_t x, y;

	(void)arg;
	ck_assert(alen >= 4 && blen >= 4);
	memcpy(&x, a, 4);
	memcpy(&y, b, 4);
	return (x > y) - (x < y);
}

START_TEST(external_sort_merges_many_runs_in_order)
{
	for (int pass = 0; pass < 2; pass++) {
		bt_sort *s = bt_sort_begin(cmp_u32, NULL, pass == 0 ? 64 * 1024 : 64 << 20);
		uint64_t seed = 77, sum = 0, sum2 = 0;
		const void *rec;
		size_t len;
		uint32_t prev = 0;
		int n = 0;

		for (int i = 0; i < 100000; i++) {
			char r[40];
			uint32_t k = (uint32_t)st_rand(&seed);
			size_t l = 4 + st_rand(&seed) % 30;

			memset(r, 'r', sizeof(r));
			memcpy(r, &k, 4);
			bt_sort_put(s, r, l);
			sum += k;
		}
		bt_sort_finish(s);
		if (pass == 0)
			ck_assert_int_gt(bt_sort_runs(s), 2 * 256 / 256); /* several runs ... */
		else
			ck_assert_int_eq(bt_sort_runs(s), 0);           /* ... or none */
		while (bt_sort_next(s, &rec, &len)) {
			uint32_t k;

			memcpy(&k, rec, 4);
			ck_assert_uint_ge(k, prev);
			ck_assert(len >= 4 && len < 34);
			ck_assert(len == 4 || ((const char *)rec)[len - 1] == 'r');
			prev = k;
			sum2 += k;
			n++;
		}
		ck_assert_int_eq(n, 100000);
		ck_assert(sum == sum2);
		bt_sort_end(s);
	}
}
END_TEST

/* ---- vacuum and the checkers ------------------------------------------------------------------ */

START_TEST(bulkdelete_removes_dead_tids_and_reclaims_pages)
{
	bt_index *idx = new_index(21, 1, &int_col, false, "vac");
	tid *dead = palloc(sizeof(tid) * 3000);
	bt_tid_set set = { dead, 0 };
	bt_vacuum_stats st;
	bt_scan *s;
	tid t;
	int n = 0;

	idx->page_limit = 500;
	for (uint32_t i = 0; i < 5000; i++) {
		Datum v = Int32GetDatum((int32_t)(i * 7919 % 5000));
		bool nl = false;

		bt_insert(idx, &v, &nl, tid_make(i / 100, i % 100 + 1));
	}
	/* heap blocks 10..39 are dead: 3000 entries, most of them contiguous in key order? no: */
	for (uint32_t i = 1000; i < 4000; i++)
		dead[set.n++] = tid_make(i / 100, i % 100 + 1);
	bt_bulkdelete(idx, bt_tid_in_set, &set, &st);
	ck_assert_uint_eq(st.entries_removed, 3000);
	ck_assert_uint_eq(st.entries_left, 2000);
	ck_assert_int_eq(check(idx), 0);
	s = bt_beginscan(idx, NULL, NULL, BT_FORWARD, false);
	while (bt_getnext(s, &t)) {
		ck_assert(!bt_tid_in_set(t, &set));
		n++;
	}
	bt_endscan(s);
	ck_assert_int_eq(n, 2000);
	/* delete everything but the last entries: leaves empty out and are reclaimed */
	set.n = 0;
	for (uint32_t i = 0; i < 5000; i++)
		if (i < 1000 || i >= 4000)
			dead[set.n++] = tid_make(i / 100, i % 100 + 1);
	set.n -= 10;
	bt_bulkdelete(idx, bt_tid_in_set, &set, &st);
	ck_assert_uint_eq(st.entries_left, 10);
	ck_assert_uint_gt(st.pages_deleted, 20);
	ck_assert_int_eq(check(idx), 0);
}
END_TEST

START_TEST(checker_finds_out_of_order_entries_and_broken_links)
{
	bt_index *idx = new_index(22, 1, &int_col, false, "broken");
	buf_id b;
	char *page;
	uint32_t lp2, lp3;

	idx->page_limit = 300;
	for (int32_t i = 0; i < 200; i++) {
		Datum v = Int32GetDatum(i);
		bool n = false;

		bt_insert(idx, &v, &n, tid_make(1, (unsigned)i + 1));
	}
	ck_assert_int_eq(check(idx), 0);
	/* swap two entries of a leaf */
	b = buf_read(idx->smgr, FORK_MAIN, 1, NULL);
	buf_lock(b, BUF_EXCLUSIVE);
	page = buf_page(b);
	lp2 = page_lp_get(page, 2);
	lp3 = page_lp_get(page, 3);
	*page_lp(page, 2) = lp3;
	*page_lp(page, 3) = lp2;
	buf_mark_dirty(b);
	buf_unlock(b);
	ck_assert_int_ge(check(idx), 1);
	ck_assert_msg(strstr(st_last_problem, "is not greater than slot") != NULL, "%s", st_last_problem);
	buf_lock(b, BUF_EXCLUSIVE);
	*page_lp(page, 2) = lp2;
	*page_lp(page, 3) = lp3;
	bt_op(page)->bto_prev = 12345; /* a wrong left-link */
	buf_mark_dirty(b);
	buf_unlock_release(b);
	ck_assert_int_ge(check(idx), 1);
	ck_assert_msg(strstr(st_last_problem, "left-link 12345") != NULL, "%s", st_last_problem);
}
END_TEST

/*
 * Damage cases for bt_check on an index of 0..199 with 300-byte pages: a mutator gets the
 * index and changes one page in the pool.
 */
typedef struct bt_damage {
	const char *expect;
	void (*damage)(bt_index *idx);
} bt_damage;

/* The first page of the given level (walking down the first downlinks) and its buffer. */
static buf_id
level_page(bt_index *idx, uint32_t level)
{
	bt_meta meta;
	uint32_t blk;
	buf_id b;

	bt_read_meta(idx, &meta);
	blk = meta.bm_root;
	for (;;) {
		b = buf_read(idx->smgr, FORK_MAIN, blk, NULL);
		buf_lock(b, BUF_EXCLUSIVE);
		if (bt_op(buf_page(b))->bto_level == level)
			return b;
		blk = bt_item(buf_page(b), bt_first(bt_op(buf_page(b))))->bt_blk;
		buf_unlock_release(b);
	}
}

static void
done_with(buf_id b)
{
	buf_mark_dirty(b);
	buf_unlock_release(b);
}

static void dmg_leaf_pivot(bt_index *i) { buf_id b = level_page(i, 0); bt_item(buf_page(b), 3)->bt_info |= BT_INFO_PIVOT; done_with(b); }
static void dmg_size(bt_index *i) { buf_id b = level_page(i, 0); bt_item(buf_page(b), 3)->bt_info += 1; done_with(b); }
static void dmg_minus_inf(bt_index *i) { buf_id b = level_page(i, 1); bt_item(buf_page(b), 2)->bt_info &= (uint16_t)~BT_INFO_MINUS_INF; done_with(b); }
static void dmg_root_flag(bt_index *i) { buf_id b = level_page(i, 2); bt_op(buf_page(b))->bto_flags &= (uint16_t)~BTP_ROOT; done_with(b); }
static void dmg_downlink(bt_index *i) { buf_id b = level_page(i, 1); bt_item(buf_page(b), 3)->bt_blk = 0; done_with(b); }
static void dmg_cycle(bt_index *i) { buf_id b = level_page(i, 0); bt_op(buf_page(b))->bto_next = buf_blkno(b); done_with(b); }
static void dmg_level(bt_index *i) { buf_id b = level_page(i, 0); bt_op(buf_page(b))->bto_level = 5; done_with(b); }
static void dmg_high_key(bt_index *i)
{
	buf_id b = level_page(i, 0);
	bt_tuple *t = bt_item(buf_page(b), 1);
	int32_t v = -5;

	memcpy((char *)t + BT_TUPLE_HDR, &v, 4); /* high key below the page's items */
	done_with(b);
}
static void dmg_orphan(bt_index *i)
{
	uint32_t blk;
	buf_id b = bt_alloc_page(i, &blk);

	bt_init_page(buf_page(b), 0, BTP_LEAF);
	done_with(b);
}

static const bt_damage bt_damages[] = {
	{ "leaf item is a pivot", dmg_leaf_pivot },
	{ "tuple size", dmg_size },
	{ "is not minus infinity", dmg_minus_inf },
	{ "root flag does not match the metapage", dmg_root_flag },
	{ "which is not a live page of level 0", dmg_downlink },
	{ "the right-links form a cycle", dmg_cycle },
	{ "level 5", dmg_level },
	{ "last item is not below the high key", dmg_high_key },
	{ "not reachable from the root", dmg_orphan },
};

START_TEST(checker_names_each_kind_of_damage)
{
	bt_index *idx = new_index(100 + (Oid)_i, 1, &int_col, false, "dmg");
	bt_meta meta;

	idx->page_limit = 300;
	for (int32_t k = 0; k < 400; k++) {
		Datum v = Int32GetDatum(k);
		bool n = false;

		bt_insert(idx, &v, &n, tid_make(1, (unsigned)k + 1));
	}
	bt_read_meta(idx, &meta);
	ck_assert_uint_eq(meta.bm_level, 2);
	ck_assert_int_eq(check(idx), 0);
	bt_damages[_i].damage(idx);
	ck_assert_int_ge(check(idx), 1);
	ck_assert_msg(strstr(st_all_problems, bt_damages[_i].expect) != NULL, "want \"%s\", got:\n%s",
	              bt_damages[_i].expect, st_all_problems);
}
END_TEST

static bool
key_of_row(const heap_tuple *t, Datum *values, bool *isnull, void *arg)
{
	values[0] = heap_getattr(arg, t, 0, isnull);
	return true;
}

START_TEST(heap_check_finds_missing_and_stray_entries)
{
	tuple_desc *d = heap_desc_create(2);
	rel_locator hl = { 1, 23 };
	heap_rel *h;
	bt_index *idx = new_index(24, 1, &int_col, true, "rows_pkey");
	tid t5 = { 0, 0 }, nt;
	heap_tm_info info;
	bool hot;

	heap_desc_set(d, 0, 4, true);
	heap_desc_set(d, 1, -1, false);
	heap_create(hl);
	h = heap_open(hl, d, "rows");
	for (int32_t i = 0; i < 100; i++) {
		Datum v[2] = { Int32GetDatum(i), text_datum("payload") };
		bool n[2] = { false, false };
		heap_tuple *ht = heap_form_tuple(d, v, n);
		tid t = heap_insert(h, ht, 1, 0, NULL);

		bt_insert(idx, v, n, t);
		if (i == 5)
			t5 = t;
	}
	/* a HOT update needs no new entry: the checker follows the chain */
	{
		Datum v[2] = { Int32GetDatum(5), text_datum("changed") };
		bool n[2] = { false, false };

		ck_assert_int_eq(heap_update(h, t5, heap_form_tuple(d, v, n), 2, 0, true, &nt, &hot, &info),
		                 HTM_OK);
		ck_assert(hot);
	}
	st_problems_reset();
	ck_assert_int_eq(bt_check_heap(idx, h, NULL, key_of_row, d, st_collect, NULL), 0);
	{
		Datum v = Int32GetDatum(5);
		bool n = false;

		ck_assert(bt_delete(idx, &v, &n, t5));
		ck_assert_int_eq(bt_check_heap(idx, h, NULL, key_of_row, d, st_collect, NULL), 1);
		ck_assert_msg(strstr(st_last_problem, "has no index entry") != NULL, "%s", st_last_problem);
		v = Int32GetDatum(100000);
		bt_insert(idx, &v, &n, tid_make(0, 200)); /* no such heap slot */
		v = Int32GetDatum(77777);
		bt_insert(idx, &v, &n, t5);               /* wrong key */
		st_problems_reset();
		ck_assert_int_eq(bt_check_heap(idx, h, NULL, key_of_row, d, st_collect, NULL), 3);
	}
}
END_TEST

static Suite *
btree_suite(void)
{
	Suite *s = suite_create("btree");
	TCase *tc;

	tc = tcase_create("model");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, random_operations_match_the_model_with_frequent_splits);
	tcase_add_test(tc, multi_column_keys_with_desc_and_nulls_match_the_model);
	tcase_add_test(tc, ascending_inserts_fill_pages_and_split_the_root_repeatedly);
	suite_add_tcase(s, tc);

	tc = tcase_create("unique");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, unique_violation_raises_23505_naming_the_index);
	tcase_add_test(tc, unique_check_asks_the_hook_about_dead_and_in_progress_tuples);
	tcase_add_test(tc, oversized_entries_get_54000);
	suite_add_tcase(s, tc);

	tc = tcase_create("build");
	tcase_add_checked_fixture(tc, setup_tiny, teardown);
	tcase_add_test(tc, bulk_build_equals_incremental_build);
	tcase_add_test(tc, bulk_build_of_a_unique_index_rejects_duplicates);
	tcase_add_test(tc, empty_bulk_build_gives_an_empty_usable_index);
	tcase_add_test(tc, external_sort_merges_many_runs_in_order);
	suite_add_tcase(s, tc);

	tc = tcase_create("vacuum and checkers");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, bulkdelete_removes_dead_tids_and_reclaims_pages);
	tcase_add_test(tc, checker_finds_out_of_order_entries_and_broken_links);
	tcase_add_loop_test(tc, checker_names_each_kind_of_damage, 0,
	                    (int)(sizeof(bt_damages) / sizeof(bt_damages[0])));
	tcase_add_test(tc, heap_check_finds_missing_and_stray_entries);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return st_run(btree_suite());
}
