/* check_heap.c — unit tests for lib/heap: tuple format, heap operations, overflow values,
 * free space, pruning, vacuum and the checker. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf/buf.h"
#include "heap/heap.h"
#include "shm/lwlock.h"
#include "storage_test.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

static void setup(void) { st_setup(4 << 20); }
static void setup_tiny(void) { st_setup(64 * PAGE_SIZE); }
static void teardown(void) { st_teardown(); }

static varlena *
text(const char *s)
{
	size_t n = strlen(s);
	varlena *v = palloc(VARHDRSZ + n);

	SET_VARSIZE(v, (uint32_t)(VARHDRSZ + n));
	memcpy(VARDATA(v), s, n);
	return v;
}

static varlena *
blob(uint32_t n, uint32_t seed)
{
	varlena *v = palloc(VARHDRSZ + (size_t)n);

	SET_VARSIZE(v, VARHDRSZ + n);
	for (uint32_t i = 0; i < n; i++)
		VARDATA(v)[i] = (char)((i * 2654435761u + seed) >> 13);
	return v;
}

static bool
text_eq(Datum d, const char *s)
{
	const void *p = DatumGetPointer(d);

	return VARSIZE_ANY_EXHDR(p) == strlen(s) && memcmp(VARDATA(p), s, strlen(s)) == 0;
}

/* (id int4, name text) */
static tuple_desc *
desc_int_text(void)
{
	tuple_desc *d = heap_desc_create(2);

	heap_desc_set(d, 0, 4, true);
	heap_desc_set(d, 1, -1, false);
	return d;
}

static heap_rel *
new_rel(Oid relnode, tuple_desc *d, const char *name)
{
	rel_locator loc = { 1, relnode };

	heap_create(loc);
	return heap_open(loc, d, name);
}

static heap_tuple *
row(const tuple_desc *d, int32_t id, const char *name)
{
	Datum v[2] = { Int32GetDatum(id), PointerGetDatum(name ? text(name) : NULL) };
	bool n[2] = { false, name == NULL };

	return heap_form_tuple(d, v, n);
}

static int32_t
row_id(const tuple_desc *d, const heap_tuple *t)
{
	bool isnull;

	return DatumGetInt32(heap_getattr(d, t, 0, &isnull));
}

static int
count_rows(heap_rel *rel, int flags)
{
	heap_scan *s = heap_beginscan(rel, NULL, flags);
	int n = 0;

	while (heap_getnext(s))
		n++;
	heap_endscan(s);
	return n;
}


/* ---- tuple format ------------------------------------------------------------------------- */

START_TEST(form_and_deform_round_trip_every_kind_of_attribute)
{
	tuple_desc *d = heap_desc_create(8);
	char iv[16] = "0123456789abcdef";
	Datum v[8], out[8];
	bool n[8] = { false }, on[8];
	heap_tuple *t;

	heap_desc_set(d, 0, 1, true);   /* bool */
	heap_desc_set(d, 1, 2, true);   /* int2 */
	heap_desc_set(d, 2, 4, true);   /* int4 */
	heap_desc_set(d, 3, 8, true);   /* int8 */
	heap_desc_set(d, 4, 8, true);   /* float8 */
	heap_desc_set(d, 5, 16, false); /* interval-like, by reference */
	heap_desc_set(d, 6, -1, false); /* text */
	heap_desc_set(d, 7, -1, false); /* text, NULL */
	v[0] = BoolGetDatum(true);
	v[1] = Int16GetDatum(-12345);
	v[2] = Int32GetDatum(-2000000000);
	v[3] = Int64GetDatum(-9000000000000000000LL);
	v[4] = Float8GetDatum(3.25);
	v[5] = PointerGetDatum(iv);
	v[6] = PointerGetDatum(text("hello, heap"));
	v[7] = 0;
	n[7] = true;
	t = heap_form_tuple(d, v, n);
	ck_assert_uint_eq(t->t_len, 32 + 1 + 1 + 2 + 4 + 8 + 8 + 16 + 4 + 11);
	ck_assert(t->t_data->t_infomask & HEAP_HASNULL);
	ck_assert(t->t_data->t_infomask & HEAP_HASVARWIDTH);
	ck_assert_uint_eq(t->t_data->t_natts, 8);
	heap_deform_tuple(d, t, out, on, 8);
	ck_assert(DatumGetBool(out[0]));
	ck_assert_int_eq(DatumGetInt16(out[1]), -12345);
	ck_assert_int_eq(DatumGetInt32(out[2]), -2000000000);
	ck_assert(DatumGetInt64(out[3]) == -9000000000000000000LL);
	ck_assert(DatumGetFloat8(out[4]) == 3.25);
	ck_assert(memcmp(DatumGetPointer(out[5]), iv, 16) == 0);
	ck_assert(text_eq(out[6], "hello, heap"));
	ck_assert(on[7] && !on[6] && !on[0]);
	for (int i = 0; i < 8; i++) {
		bool isnull;
		Datum x = heap_getattr(d, t, i, &isnull);

		ck_assert(isnull == on[i]);
		if (!isnull && d->attrs[i].byval)
			ck_assert(x == out[i]);
	}
	/* a copy is independent of the original */
	{
		heap_tuple *c = heap_copy_tuple(t);

		memset(t->t_data, 0, t->t_len);
		heap_deform_tuple(d, c, out, on, 8);
		ck_assert(text_eq(out[6], "hello, heap"));
		heap_free_tuple(c);
	}
}
END_TEST

START_TEST(added_columns_read_as_default_or_null_from_older_tuples)
{
	tuple_desc *d1 = desc_int_text(), *d2 = heap_desc_create(4);
	heap_tuple *t = row(d1, 7, "old");
	Datum out[4];
	bool on[4], isnull;

	heap_desc_set(d2, 0, 4, true);
	heap_desc_set(d2, 1, -1, false);
	heap_desc_set(d2, 2, 4, true);
	d2->attrs[2].has_missing = true;
	d2->attrs[2].missing = Int32GetDatum(42);
	heap_desc_set(d2, 3, -1, false);
	heap_deform_tuple(d2, t, out, on, 4);
	ck_assert_int_eq(DatumGetInt32(out[0]), 7);
	ck_assert(text_eq(out[1], "old"));
	ck_assert(!on[2]);
	ck_assert_int_eq(DatumGetInt32(out[2]), 42);
	ck_assert(on[3]);
	ck_assert_int_eq(DatumGetInt32(heap_getattr(d2, t, 2, &isnull)), 42);
	ck_assert(!isnull);
	heap_getattr(d2, t, 3, &isnull);
	ck_assert(isnull);
}
END_TEST

static void
too_many_columns(void *arg)
{
	(void)arg;
	heap_desc_create(HEAP_MAX_ATTRS + 1);
}

static void
form_huge_value(void *arg)
{
	tuple_desc *d = desc_int_text();
	char fake[8];
	Datum v[2] = { Int32GetDatum(1), PointerGetDatum(fake) };
	bool n[2] = { false, false };

	(void)arg;
	SET_VARSIZE(fake, HEAP_MAX_VALUE_SIZE + 1); /* claims 1 GiB; nothing reads the bytes */
	heap_form_tuple(d, v, n);
}

START_TEST(limits_raise_54xxx)
{
	char msg[256];

	ck_assert_str_eq(st_catch(too_many_columns, NULL, msg, sizeof(msg)), "54011");
	ck_assert_str_eq(msg, "tables can have at most 1600 columns | ");
	ck_assert_str_eq(st_catch(form_huge_value, NULL, msg, sizeof(msg)), "54000");
	ck_assert_msg(strstr(msg, "exceeds the maximum of 1073741823 bytes") != NULL, "%s", msg);
}
END_TEST

/* ---- heap operations ---------------------------------------------------------------------- */

START_TEST(insert_fetch_scan_delete_round_trip)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(100, d, "people");
	tid tids[2000];
	char name[64];
	heap_tm_info info;

	for (int i = 0; i < 2000; i++) {
		heap_tuple *t;

		snprintf(name, sizeof(name), "person number %d", i);
		t = row(d, i, i % 10 == 0 ? NULL : name);
		tids[i] = heap_insert(rel, t, 5, 1, NULL);
		ck_assert(tid_eq(tids[i], t->t_self));
		heap_free_tuple(t);
	}
	ck_assert_uint_gt(heap_nblocks(rel), 10);
	for (int i = 0; i < 2000; i++) {
		heap_tuple t;
		buf_id b;
		Datum v[2];
		bool n[2];

		ck_assert(heap_fetch(rel, tids[i], NULL, &t, &b));
		heap_deform_tuple(d, &t, v, n, 2);
		ck_assert_int_eq(DatumGetInt32(v[0]), i);
		ck_assert(n[1] == (i % 10 == 0));
		if (!n[1]) {
			snprintf(name, sizeof(name), "person number %d", i);
			ck_assert(text_eq(v[1], name));
		}
		ck_assert_uint_eq(t.t_data->t_xmin, 5);
		ck_assert(tid_eq(heap_tuple_ctid(t.t_data), tids[i]));
		buf_release(b);
	}
	ck_assert_int_eq(count_rows(rel, 0), 2000);
	for (int i = 0; i < 2000; i += 2)
		ck_assert_int_eq(heap_delete(rel, tids[i], 9, 1, &info), HTM_OK);
	ck_assert_int_eq(count_rows(rel, 0), 1000);
	ck_assert_int_eq(count_rows(rel, HEAP_SCAN_BULKREAD), 1000);
	{
		heap_tuple t;
		buf_id b;

		ck_assert(!heap_fetch(rel, tids[0], NULL, &t, &b));
		ck_assert_int_eq(b, BUF_INVALID);
		ck_assert(heap_fetch(rel, tids[0], HEAP_SNAPSHOT_ANY, &t, &b));
		ck_assert_uint_eq(t.t_data->t_xmax, 9);
		buf_release(b);
		ck_assert(!heap_fetch(rel, tid_make(0, 999), NULL, &t, &b));
	}
	/* deleting again reports the conflict */
	ck_assert_int_eq(heap_delete(rel, tids[0], 10, 1, &info), HTM_DELETED);
	ck_assert_uint_eq(info.xmax, 9);
	ck_assert_int_eq(heap_delete(rel, tid_make(0, 999), 10, 1, &info), HTM_INVISIBLE);
	st_problems_reset();
	ck_assert_int_eq(heap_check(rel, st_collect, NULL), 0);
	ck_assert_int_eq(buf_pins_held(), 0);
}
END_TEST

START_TEST(updates_chain_versions_hot_on_the_same_page)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(101, d, "upd");
	heap_tuple *t = row(d, 1, "v0");
	tid root = heap_insert(rel, t, 1, 0, NULL), cur = root, nt;
	heap_tm_info info;
	heap_tuple f;
	buf_id b;
	bool hot;

	for (int i = 1; i <= 5; i++) {
		char name[16];

		snprintf(name, sizeof(name), "v%d", i);
		ck_assert_int_eq(heap_update(rel, cur, row(d, 1, name), 1 + (uint64_t)i, 0, true, &nt,
		                             &hot, &info), HTM_OK);
		ck_assert(hot);
		ck_assert_uint_eq(nt.blk, root.blk);
		cur = nt;
	}
	/* the index entry (root) leads to the newest version */
	ck_assert(heap_hot_search(rel, root, NULL, &f, &b));
	ck_assert(tid_eq(f.t_self, cur));
	ck_assert(text_eq(heap_getattr(d, &f, 1, &(bool){ 0 }), "v5"));
	ck_assert(f.t_data->t_infomask2 & HEAP_ONLY_TUPLE);
	ck_assert(f.t_data->t_infomask & HEAP_UPDATED);
	buf_release(b);
	ck_assert_int_eq(count_rows(rel, 0), 1);
	/* updating an old version reports where the new one is */
	ck_assert_int_eq(heap_update(rel, root, row(d, 1, "x"), 99, 0, true, &nt, &hot, &info),
	                 HTM_UPDATED);
	ck_assert_uint_eq(info.xmax, 2);
	/* a non-HOT update (indexed column changed) */
	ck_assert_int_eq(heap_update(rel, cur, row(d, 2, "moved"), 50, 0, false, &nt, &hot, &info),
	                 HTM_OK);
	ck_assert(!hot);
	ck_assert(!heap_hot_search(rel, root, NULL, &f, &b));
	ck_assert(heap_hot_search(rel, nt, NULL, &f, &b));
	ck_assert_int_eq(row_id(d, &f), 2);
	buf_release(b);
	/* row locks leave the tuple visible */
	ck_assert_int_eq(heap_lock_tuple(rel, nt, 60, 0, true, &info), HTM_OK);
	ck_assert(heap_fetch(rel, nt, NULL, &f, &b));
	ck_assert(f.t_data->t_infomask & HEAP_XMAX_LOCK_ONLY);
	buf_release(b);
	st_problems_reset();
	ck_assert_int_eq(heap_check(rel, st_collect, NULL), 0);
}
END_TEST

static bool
xmax_dead(const heap_tuple_header *h, void *arg)
{
	uint64_t horizon = arg ? *(uint64_t *)arg : UINT64_MAX;

	return h->t_xmax != 0 && !(h->t_infomask & (HEAP_XMAX_INVALID | HEAP_XMAX_LOCK_ONLY)) &&
	       h->t_xmax < horizon;
}

START_TEST(pruning_shortens_hot_chains_and_keeps_the_root)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(102, d, "prune");
	tid root, cur, nt, other;
	heap_tm_info info;
	heap_tuple f;
	buf_id b;
	bool hot;
	uint16_t roots[PAGE_SIZE / 4 + 1];
	uint64_t horizon = 4;

	root = cur = heap_insert(rel, row(d, 1, "a"), 1, 0, NULL);
	other = heap_insert(rel, row(d, 2, "plain"), 1, 0, NULL);
	for (int i = 0; i < 5; i++) {
		ck_assert_int_eq(heap_update(rel, cur, row(d, 1, "b"), 2 + (uint64_t)i, 0, true, &nt,
		                             &hot, &info), HTM_OK);
		cur = nt;
	}
	b = buf_read(rel->smgr, FORK_MAIN, root.blk, NULL);
	buf_lock(b, BUF_SHARE);
	heap_page_roots(buf_page(b), roots);
	ck_assert_uint_eq(roots[cur.slot], root.slot);
	ck_assert_uint_eq(roots[other.slot], other.slot);
	buf_unlock(b);
	/* versions with xmax < 4 are dead: the first two; the root becomes a redirect */
	buf_lock_cleanup(b);
	ck_assert_int_eq(heap_page_prune(rel, b, xmax_dead, &horizon), 2);
	ck_assert_uint_eq(lp_flags(page_lp_get(buf_page(b), root.slot)), LP_REDIRECT);
	buf_unlock_release(b);
	ck_assert(heap_hot_search(rel, root, NULL, &f, &b));
	ck_assert(tid_eq(f.t_self, cur));
	buf_release(b);
	st_problems_reset();
	ck_assert_int_eq(heap_check(rel, st_collect, NULL), 0);
	/* everything dead: the root stays as LP_DEAD for the indexes */
	ck_assert_int_eq(heap_delete(rel, cur, 100, 0, &info), HTM_OK);
	b = buf_read(rel->smgr, FORK_MAIN, root.blk, NULL);
	buf_lock_cleanup(b);
	ck_assert_int_eq(heap_page_prune(rel, b, xmax_dead, NULL), 4);
	ck_assert_uint_eq(lp_flags(page_lp_get(buf_page(b), root.slot)), LP_DEAD);
	ck_assert_uint_eq(lp_flags(page_lp_get(buf_page(b), other.slot)), LP_NORMAL);
	buf_unlock_release(b);
	ck_assert(!heap_hot_search(rel, root, HEAP_SNAPSHOT_ANY, &f, &b));
	ck_assert_int_eq(heap_check(rel, st_collect, NULL), 0);
}
END_TEST

static size_t cleaned;
static tid first_dead;

static void
index_cleanup(const tid *dead, size_t n, void *arg)
{
	(void)arg;
	for (size_t i = 1; i < n; i++)
		ck_assert_int_lt(tid_cmp(dead[i - 1], dead[i]), 0);
	if (cleaned == 0 && n > 0)
		first_dead = dead[0];
	cleaned += n;
}

START_TEST(vacuum_frees_space_that_inserts_reuse)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(103, d, "vac");
	heap_vacuum_stats st;
	heap_tm_info info;
	tid tids[3000];
	uint32_t nblocks;

	for (int i = 0; i < 3000; i++)
		tids[i] = heap_insert(rel, row(d, i, "some filler text for the row"), 1, 0, NULL);
	nblocks = heap_nblocks(rel);
	for (int i = 0; i < 3000; i++)
		if (i % 3 != 0)
			heap_delete(rel, tids[i], 2, 0, &info);
	heap_vacuum(rel, xmax_dead, NULL, index_cleanup, NULL, &st);
	ck_assert_uint_eq(st.tuples_removed, 2000);
	ck_assert_uint_eq(st.tuples_live, 1000);
	ck_assert_uint_eq(st.items_freed, 2000);
	ck_assert_uint_eq(st.index_passes, 1);
	ck_assert_uint_eq(st.pages, nblocks);
	ck_assert_uint_eq(cleaned, 2000);
	ck_assert(tid_eq(first_dead, tids[1]));
	ck_assert_uint_gt(heap_fsm_get(rel, 0), 4000);
	/* the freed space takes the new rows: the table does not grow */
	rel->target_blk = BLK_INVALID;
	for (int i = 0; i < 2000; i++)
		heap_insert(rel, row(d, 10000 + i, "some filler text for the row"), 3, 0, NULL);
	ck_assert_uint_eq(heap_nblocks(rel), nblocks);
	ck_assert_int_eq(count_rows(rel, 0), 3000);
	st_problems_reset();
	ck_assert_int_eq(heap_check(rel, st_collect, NULL), 0);
	/* vacuum without indexes frees dead items at once */
	for (int i = 0; i < 3000; i += 3)
		heap_delete(rel, tids[i], 4, 0, &info);
	heap_vacuum(rel, xmax_dead, NULL, NULL, NULL, &st);
	ck_assert_uint_eq(st.tuples_removed, 1000);
	ck_assert_uint_eq(st.items_freed, 1000);
	ck_assert_uint_eq(st.index_passes, 0);
	ck_assert_int_eq(count_rows(rel, 0), 2000);
}
END_TEST

START_TEST(fillfactor_leaves_room_and_updates_use_it)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(104, d, "ff");
	heap_tm_info info;
	tid tids[400], nt;
	bool hot;
	int hots = 0;

	heap_set_fillfactor(rel, 50);
	for (int i = 0; i < 400; i++)
		tids[i] = heap_insert(rel, row(d, i, "0123456789012345678901234567890123456789"), 1, 0,
		                      NULL);
	ck_assert_uint_ge(heap_nblocks(rel), 2 * (400 * 88 / 8160));
	for (int i = 0; i < 400; i++) {
		ck_assert_int_eq(heap_update(rel, tids[i], row(d, i, "0123456789012345678901234567890123456789"),
		                             2, 0, true, &nt, &hot, &info), HTM_OK);
		hots += hot;
	}
	ck_assert_int_eq(hots, 400);
	ck_assert_int_eq(count_rows(rel, 0), 400);
}
END_TEST

START_TEST(non_hot_updates_move_rows_between_pages_in_lock_order)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(105, d, "move");
	heap_tm_info info;
	tid tids[300], nt;
	bool hot;
	char big[1500];

	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	for (int i = 0; i < 300; i++)
		tids[i] = heap_insert(rel, row(d, i, "short"), 1, 0, NULL);
	/* growing rows no longer fit their page: they go to other pages, both before and after */
	for (int i = 299; i >= 0; i -= 7) {
		ck_assert_int_eq(heap_update(rel, tids[i], row(d, i, big), 2, 0, true, &nt, &hot, &info),
		                 HTM_OK);
		tids[i] = nt;
	}
	ck_assert_int_eq(count_rows(rel, 0), 300);
	for (int i = 299; i >= 0; i -= 7) {
		heap_tuple f;
		buf_id b;

		ck_assert(heap_fetch(rel, tids[i], NULL, &f, &b));
		ck_assert_int_eq(row_id(d, &f), i);
		buf_release(b);
	}
	st_problems_reset();
	ck_assert_int_eq(heap_check(rel, st_collect, NULL), 0);
}
END_TEST

START_TEST(bulk_insert_and_ring_scan_with_roots)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(106, d, "bulk");
	heap_bulk *bk = heap_bulk_begin(rel);
	heap_scan *s;
	heap_tuple *t;
	long sum = 0;
	int n = 0;

	for (int i = 0; i < 20000; i++) {
		heap_tuple *r = row(d, i, "bulk loaded row with some text");

		heap_insert(rel, r, 1, 0, bk);
		heap_free_tuple(r);
	}
	heap_bulk_end(bk);
	ck_assert_int_eq(buf_pins_held(), 0);
	ck_assert_uint_gt(heap_nblocks(rel), (uint32_t)buf_count() / 4); /* the scan uses a ring */
	s = heap_beginscan(rel, NULL, HEAP_SCAN_ROOTS);
	while ((t = heap_getnext(s)) != NULL) {
		sum += row_id(d, t);
		ck_assert(tid_eq(heap_scan_root(s), t->t_self));
		n++;
	}
	heap_rescan(s);
	ck_assert_ptr_nonnull(heap_getnext(s));
	heap_endscan(s);
	ck_assert_int_eq(n, 20000);
	ck_assert(sum == 20000L * 19999 / 2);
}
END_TEST

/* ---- out-of-line values --------------------------------------------------------------------- */

START_TEST(a_64_MiB_value_round_trips_and_its_pages_are_reused)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(107, d, "docs");
	uint32_t n = 64u << 20;
	varlena *big = blob(n, 1), *got;
	Datum v[2] = { Int32GetDatum(1), PointerGetDatum(big) }, out[2];
	bool isnull[2] = { false, false }, on[2];
	heap_tuple *t = heap_form_tuple(d, v, isnull), f;
	heap_tm_info info;
	heap_vacuum_stats st;
	uint32_t ovf_blocks;
	buf_id b;
	tid id;

	id = heap_insert(rel, t, 1, 0, NULL);
	heap_free_tuple(t);
	ck_assert(heap_fetch(rel, id, NULL, &f, &b));
	ck_assert_uint_eq(f.t_len, 32 + 4 + HEAP_OVF_PTR_SIZE);
	ck_assert(f.t_data->t_infomask & HEAP_HASEXTERNAL);
	heap_deform_tuple(d, &f, out, on, 2);
	buf_release(b);
	got = DatumGetPointer(out[1]);
	ck_assert_uint_eq(VARSIZE(got), VARSIZE(big));
	ck_assert(memcmp(got, big, VARSIZE(big)) == 0);
	pfree(got);
	ovf_blocks = smgr_nblocks(rel->smgr, FORK_OVF);
	ck_assert_uint_ge(ovf_blocks, n / 8136);
	st_problems_reset();
	ck_assert_int_eq(heap_check(rel, st_collect, NULL), 0);
	/* delete + vacuum frees the chain; a second value reuses it */
	heap_delete(rel, id, 2, 0, &info);
	heap_vacuum(rel, xmax_dead, NULL, NULL, NULL, &st);
	ck_assert_uint_eq(st.tuples_removed, 1);
	v[1] = PointerGetDatum(blob(n / 2, 2));
	t = heap_form_tuple(d, v, isnull);
	id = heap_insert(rel, t, 3, 0, NULL);
	ck_assert_uint_eq(smgr_nblocks(rel->smgr, FORK_OVF), ovf_blocks);
	ck_assert(heap_fetch(rel, id, NULL, &f, &b));
	got = DatumGetPointer(heap_getattr(d, &f, 1, &on[1]));
	buf_release(b);
	ck_assert(memcmp(got, DatumGetPointer(v[1]), n / 2 + VARHDRSZ) == 0);
}
END_TEST

START_TEST(long_values_move_out_largest_first_and_updates_copy_them)
{
	tuple_desc *d = heap_desc_create(4);
	heap_rel *rel;
	Datum v[4], out[4];
	bool n[4] = { false, false, false, false }, on[4];
	heap_tuple *t, f;
	heap_tm_info info;
	buf_id b;
	tid id, nt;
	bool hot;

	heap_desc_set(d, 0, 4, true);
	for (int i = 1; i < 4; i++)
		heap_desc_set(d, i, -1, false);
	rel = new_rel(108, d, "mixed");
	v[0] = Int32GetDatum(5);
	v[1] = PointerGetDatum(blob(3000, 1));
	v[2] = PointerGetDatum(blob(100, 2)); /* short: stays inline */
	v[3] = PointerGetDatum(blob(1500, 3));
	t = heap_form_tuple(d, v, n);
	id = heap_insert(rel, t, 1, 0, NULL);
	ck_assert(heap_fetch(rel, id, NULL, &f, &b));
	/* 3000 goes out first; 104 + 1504 + ptr fit under the threshold */
	ck_assert_uint_eq(f.t_len, 32 + 4 + HEAP_OVF_PTR_SIZE + 104 + 1504);
	heap_deform_tuple(d, &f, out, on, 4);
	buf_release(b);
	for (int i = 1; i < 4; i++)
		ck_assert(memcmp(DatumGetPointer(out[i]), DatumGetPointer(v[i]),
		                 VARSIZE(DatumGetPointer(v[i]))) == 0);
	/* re-inserting a tuple that holds out-of-line pointers copies the values */
	{
		heap_tuple *copy;

		ck_assert(heap_fetch(rel, id, NULL, &f, &b));
		copy = heap_copy_tuple(&f);
		buf_release(b);
		ck_assert_int_eq(heap_update(rel, id, copy, 2, 0, true, &nt, &hot, &info), HTM_OK);
	}
	/* the old version's values are freed; the new version owns copies that still read back */
	{
		heap_vacuum_stats st;

		heap_vacuum(rel, xmax_dead, NULL, NULL, NULL, &st);
		ck_assert_uint_eq(st.tuples_removed, 1);
	}
	ck_assert(heap_fetch(rel, nt, NULL, &f, &b));
	heap_deform_tuple(d, &f, out, on, 4);
	buf_release(b);
	for (int i = 1; i < 4; i++)
		ck_assert(memcmp(DatumGetPointer(out[i]), DatumGetPointer(v[i]),
		                 VARSIZE(DatumGetPointer(v[i]))) == 0);
}
END_TEST

static void
insert_too_wide(void *arg)
{
	heap_rel *rel = arg;
	int natts = rel->desc->natts;
	Datum *v = palloc(sizeof(Datum) * (size_t)natts);
	bool *n = palloc0(sizeof(bool) * (size_t)natts);

	for (int i = 0; i < natts; i++)
		v[i] = rel->desc->attrs[i].typlen < 0 ? PointerGetDatum(blob(300, (uint32_t)i))
		                                      : Int64GetDatum(i);
	heap_insert(rel, heap_form_tuple(rel->desc, v, n), 1, 0, NULL);
}

START_TEST(a_row_that_cannot_fit_a_page_gets_54000)
{
	tuple_desc *wide = heap_desc_create(300), *fixed = heap_desc_create(1100);
	heap_rel *r1, *r2;
	char msg[256];

	for (int i = 0; i < 300; i++)
		heap_desc_set(wide, i, -1, false);
	for (int i = 0; i < 1100; i++)
		heap_desc_set(fixed, i, 8, true);
	r1 = new_rel(109, wide, "wide");
	r2 = new_rel(110, fixed, "fixed");
	ck_assert_str_eq(st_catch(insert_too_wide, r1, msg, sizeof(msg)), "54000");
	ck_assert_msg(strstr(msg, "row is too big: size 9632, maximum size 8156") != NULL, "%s", msg);
	ck_assert_str_eq(st_catch(insert_too_wide, r2, msg, sizeof(msg)), "54000");
	ck_assert_msg(strstr(msg, "row is too big: size") != NULL, "%s", msg);
	/* nothing was written for the refused rows */
	ck_assert_uint_eq(smgr_nblocks(r1->smgr, FORK_OVF), 0);
	ck_assert_int_eq(count_rows(r1, 0), 0);
}
END_TEST

/* ---- checker and opportunistic pruning ---------------------------------------------------- */

START_TEST(checker_reports_damaged_tuples_and_pages)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(111, d, "damaged");
	tid a = heap_insert(rel, row(d, 1, "first"), 1, 0, NULL);
	tid c = heap_insert(rel, row(d, 2, "second"), 1, 0, NULL);
	buf_id b;
	heap_tuple_header *h;

	b = buf_read(rel->smgr, FORK_MAIN, a.blk, NULL);
	buf_lock(b, BUF_EXCLUSIVE);
	h = (heap_tuple_header *)page_item(buf_page(b), a.slot);
	h->t_hoff = 40;
	buf_mark_dirty(b);
	buf_unlock(b);
	st_problems_reset();
	ck_assert_int_eq(heap_check(rel, st_collect, NULL), 1);
	ck_assert_msg(strstr(st_last_problem, "relation \"damaged\" block 0 slot 1: header length 40")
	              != NULL, "%s", st_last_problem);
	buf_lock(b, BUF_EXCLUSIVE);
	h->t_hoff = 32;
	/* make slot 2 overlap slot 1 and claim a wrong length */
	*page_lp(buf_page(b), c.slot) = lp_make(lp_off(page_lp_get(buf_page(b), a.slot)) - 8,
	                                         LP_NORMAL, 50);
	buf_mark_dirty(b);
	buf_unlock_release(b);
	st_problems_reset();
	ck_assert_int_ge(heap_check(rel, st_collect, NULL), 2);
}
END_TEST

/* Each case damages the page holding rows 1 (slot 1) and 2 (slot 2) in one way. */
typedef struct damage_case {
	const char *expect;
	void (*damage)(char *page);
} damage_case;

static heap_tuple_header *
tup(char *page, unsigned slot)
{
	return (heap_tuple_header *)page_item(page, slot);
}

static void dmg_varlena_long(char *p) { SET_VARSIZE((char *)tup(p, 1) + 36, 5000); }
static void dmg_varlena_short(char *p) { SET_VARSIZE((char *)tup(p, 1) + 36, 2); }
static void dmg_ovf_pointer(char *p) { SET_VARSIZE((char *)tup(p, 1) + 36, 0x80000020u); }
static void dmg_lp_short(char *p) { *page_lp(p, 1) = lp_make(lp_off(page_lp_get(p, 1)), LP_NORMAL, 20); }
static void dmg_lp_long(char *p) { *page_lp(p, 2) = lp_make(lp_off(page_lp_get(p, 2)), LP_NORMAL, 56); }
static void dmg_natts(char *p) { tup(p, 1)->t_natts = 9; }
static void dmg_ctid(char *p) { tup(p, 1)->t_ctid_slot = 0; }
static void dmg_hot(char *p) { tup(p, 1)->t_infomask2 |= HEAP_HOT_UPDATED; tup(p, 1)->t_ctid_blk = 1; }
static void dmg_type(char *p) { page_hdr(p)->pd_type = PT_BTREE; }
static void dmg_unused(char *p) { *page_lp(p, 1) = lp_make(64, LP_UNUSED, 8); }
static void dmg_redirect(char *p) { *page_lp(p, 1) = lp_make(2, LP_REDIRECT, 0); }
static void dmg_outside(char *p) { *page_lp(p, 2) = lp_make(40, LP_NORMAL, 48); }
static void dmg_too_many(char *p) { page_hdr(p)->pd_lower = PAGE_HEADER_SIZE + 4 * 3000; }

static const damage_case damage_cases[] = {
	{ "attribute 2 runs past the end", dmg_varlena_long },
	{ "attribute 2 has an invalid length 2", dmg_varlena_short },
	{ "overflow pointer of attribute 2", dmg_ovf_pointer },
	{ "shorter than its header", dmg_lp_short },
	{ "does not match its attributes", dmg_lp_long },
	{ "tuple has 9 attributes", dmg_natts },
	{ "ctid (0,0) is invalid", dmg_ctid },
	{ "HOT-updated tuple points to another page", dmg_hot },
	{ "not a heap page", dmg_type },
	{ "unused line pointer has storage", dmg_unused },
	{ "redirect to slot 2, which is not a heap-only tuple", dmg_redirect },
	{ "lies outside", dmg_outside },
	{ "3000 line pointers", dmg_too_many },
};

START_TEST(checker_names_each_kind_of_damage)
{
	const damage_case *dc = &damage_cases[_i];
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(200 + (Oid)_i, d, "dmg");
	buf_id b;

	heap_insert(rel, row(d, 1, "first row"), 1, 0, NULL);
	heap_insert(rel, row(d, 2, "second"), 1, 0, NULL);
	b = buf_read(rel->smgr, FORK_MAIN, 0, NULL);
	buf_lock(b, BUF_EXCLUSIVE);
	dc->damage(buf_page(b));
	buf_mark_dirty(b);
	buf_unlock_release(b);
	st_problems_reset();
	ck_assert_int_ge(heap_check(rel, st_collect, NULL), 1);
	ck_assert_msg(strstr(st_all_problems, dc->expect) != NULL, "want \"%s\", got:\n%s", dc->expect,
	              st_all_problems);
}
END_TEST

START_TEST(checker_reports_a_page_failing_its_checksum_and_goes_on)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(199, d, "badsum");
	char page[PAGE_SIZE];

	for (int i = 0; i < 400; i++)
		heap_insert(rel, row(d, i, "a row of text"), 1, 0, NULL);
	buf_sync_all();
	buf_drop_relation(rel->loc);
	smgr_read(rel->smgr, FORK_MAIN, 0, page);
	page[3000] ^= 1;
	smgr_write(rel->smgr, FORK_MAIN, 0, page);
	st_problems_reset();
	ck_assert_int_eq(heap_check(rel, st_collect, NULL), 1);
	ck_assert_msg(strstr(st_all_problems, "block 0: invalid page in block 0") != NULL, "%s",
	              st_all_problems);
}
END_TEST

START_TEST(full_pages_are_pruned_opportunistically)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(112, d, "opt");
	heap_tm_info info;
	tid t, nt;
	bool hot;

	heap_dead_hook = xmax_dead;
	heap_dead_hook_arg = NULL;
	t = heap_insert(rel, row(d, 1, "x"), 1, 0, NULL);
	for (int i = 0; i < 2000; i++) {
		ck_assert_int_eq(heap_update(rel, t, row(d, 1, "a row updated again and again"),
		                             2 + (uint64_t)i, 0, true, &nt, &hot, &info), HTM_OK);
		ck_assert(hot);
		t = nt;
	}
	heap_dead_hook = NULL;
	ck_assert_uint_eq(heap_nblocks(rel), 1);
	ck_assert_int_eq(count_rows(rel, 0), 1);
	st_problems_reset();
	ck_assert_int_eq(heap_check(rel, st_collect, NULL), 0);
}
END_TEST

START_TEST(truncate_and_drop_remove_the_data)
{
	tuple_desc *d = desc_int_text();
	heap_rel *rel = new_rel(113, d, "gone");

	for (int i = 0; i < 500; i++)
		heap_insert(rel, row(d, i, "x"), 1, 0, NULL);
	heap_truncate(rel);
	ck_assert_uint_eq(heap_nblocks(rel), 0);
	ck_assert_int_eq(count_rows(rel, 0), 0);
	heap_insert(rel, row(d, 1, "again"), 1, 0, NULL);
	ck_assert_int_eq(count_rows(rel, 0), 1);
	heap_drop(rel->loc);
	ck_assert(!smgr_exists(smgr_open(rel->loc), FORK_MAIN));
}
END_TEST

static Suite *
heap_suite(void)
{
	Suite *s = suite_create("heap");
	TCase *tc;

	tc = tcase_create("tuple format");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, form_and_deform_round_trip_every_kind_of_attribute);
	tcase_add_test(tc, added_columns_read_as_default_or_null_from_older_tuples);
	tcase_add_test(tc, limits_raise_54xxx);
	suite_add_tcase(s, tc);

	tc = tcase_create("operations");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, insert_fetch_scan_delete_round_trip);
	tcase_add_test(tc, updates_chain_versions_hot_on_the_same_page);
	tcase_add_test(tc, pruning_shortens_hot_chains_and_keeps_the_root);
	tcase_add_test(tc, vacuum_frees_space_that_inserts_reuse);
	tcase_add_test(tc, fillfactor_leaves_room_and_updates_use_it);
	tcase_add_test(tc, non_hot_updates_move_rows_between_pages_in_lock_order);
	tcase_add_test(tc, checker_reports_damaged_tuples_and_pages);
	tcase_add_loop_test(tc, checker_names_each_kind_of_damage, 0,
	                    (int)(sizeof(damage_cases) / sizeof(damage_cases[0])));
	tcase_add_test(tc, checker_reports_a_page_failing_its_checksum_and_goes_on);
	tcase_add_test(tc, full_pages_are_pruned_opportunistically);
	tcase_add_test(tc, truncate_and_drop_remove_the_data);
	suite_add_tcase(s, tc);

	tc = tcase_create("tiny pool");
	tcase_add_checked_fixture(tc, setup_tiny, teardown);
	tcase_add_test(tc, bulk_insert_and_ring_scan_with_roots);
	tcase_add_test(tc, a_64_MiB_value_round_trips_and_its_pages_are_reused);
	tcase_add_test(tc, long_values_move_out_largest_first_and_updates_copy_them);
	tcase_add_test(tc, a_row_that_cannot_fit_a_page_gets_54000);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return st_run(heap_suite());
}
