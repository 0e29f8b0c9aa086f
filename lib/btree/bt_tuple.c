/*
 * bt_tuple.c — index tuples (leaf entries, pivots, minus-infinity items) and the ordering of
 * keys (README "Ordering").
 */
#include "btree/bt_int.h"
#include "util/err.h"
#include "util/mem.h"

static inline size_t
bitmap_len(const bt_index *idx)
{
	return ((size_t)idx->ncols + 7) / 8;
}

bt_tuple *
bt_form_leaf(bt_index *idx, const Datum *values, const bool *isnull, tid heap_tid)
{
	bool hasnull = false;
	size_t size, bm;
	bt_tuple *t;

	for (int i = 0; i < idx->ncols; i++)
		hasnull |= isnull[i];
	bm = hasnull ? bitmap_len(idx) : 0;
	size = BT_TUPLE_HDR + bm + heap_data_size(idx->kdesc, idx->ncols, values, isnull);
	if (size > BT_MAX_ITEM_SIZE) {
		ERR_BEGIN(ERRCODE_PROGRAM_LIMIT_EXCEEDED);
		err_hint("Values larger than about a quarter of a page cannot be indexed.");
		err_object(NULL, NULL, NULL, idx->name);
		err_throw("index row size %zu exceeds btree maximum %d for index \"%s\"", size,
		          BT_MAX_ITEM_SIZE, idx->name);
	}
	t = palloc(size);
	t->bt_blk = heap_tid.blk;
	t->bt_slot = heap_tid.slot;
	t->bt_info = (uint16_t)(size | (hasnull ? BT_INFO_NULLS : 0));
	heap_data_fill(idx->kdesc, idx->ncols, values, isnull, (char *)t + BT_TUPLE_HDR + bm,
	               hasnull ? (uint8_t *)t + BT_TUPLE_HDR : NULL);
	return t;
}

bt_tuple *
bt_form_pivot(const bt_tuple *src, uint32_t downlink)
{
	size_t size = bt_tuple_size(src);
	bt_tuple *t;

	if (src->bt_info & BT_INFO_PIVOT) {
		t = palloc(size);
		memcpy(t, src, size);
	} else {
		tid ht = bt_tuple_tid(src);

		t = palloc(size + BT_TID_SIZE);
		memcpy(t, src, size);
		memcpy((char *)t + size, &ht.blk, 4);
		memcpy((char *)t + size + 4, &ht.slot, 2);
		t->bt_info = (uint16_t)((size + BT_TID_SIZE) | (src->bt_info & BT_INFO_NULLS) | BT_INFO_PIVOT);
		t->bt_slot = 0;
	}
	t->bt_blk = downlink;
	return t;
}

bt_tuple *
bt_form_minus_inf(uint32_t downlink)
{
	bt_tuple *t = palloc(BT_TUPLE_HDR);

	t->bt_blk = downlink;
	t->bt_slot = 0;
	t->bt_info = BT_TUPLE_HDR | BT_INFO_PIVOT | BT_INFO_MINUS_INF;
	return t;
}

static inline void
deform(bt_index *idx, const bt_tuple *t, Datum *values, bool *isnull, int n)
{
	const uint8_t *bits = (t->bt_info & BT_INFO_NULLS) ? (const uint8_t *)t + BT_TUPLE_HDR : NULL;
	const char *data = (const char *)t + BT_TUPLE_HDR + (bits ? bitmap_len(idx) : 0);

	heap_data_deform(idx->kdesc, idx->ncols, bits, data, values, isnull, n, false);
}

void
bt_tuple_keys(bt_index *idx, const bt_tuple *t, Datum *values, bool *isnull)
{
	deform(idx, t, values, isnull, idx->ncols);
}

void
bt_skey_init(bt_skey *k, int nkeys, const Datum *values, const bool *isnull, int tail)
{
	k->nkeys = nkeys;
	k->has_tid = false;
	k->tail = (int8_t)tail;
	k->heap_tid = tid_make(BT_NONE, 0);
	for (int i = 0; i < nkeys; i++) {
		k->values[i] = values[i];
		k->isnull[i] = isnull ? isnull[i] : false;
	}
}

void
bt_skey_from_tuple(bt_index *idx, const bt_tuple *t, bt_skey *k)
{
	if (t->bt_info & BT_INFO_MINUS_INF) {
		bt_skey_init(k, 0, NULL, NULL, -1);
		return;
	}
	deform(idx, t, k->values, k->isnull, idx->ncols);
	k->nkeys = idx->ncols;
	k->has_tid = true;
	k->tail = 0;
	k->heap_tid = bt_tuple_tid(t);
}

int
bt_compare_col(const bt_column *c, Datum a, bool anull, Datum b, bool bnull)
{
	int r;

	if (anull || bnull) {
		if (anull && bnull)
			return 0;
		return (anull == c->nulls_first) ? -1 : 1;
	}
	r = c->cmp(a, b, c->cmp_arg);
	r = (r > 0) - (r < 0);
	return c->desc ? -r : r;
}

int
bt_compare(bt_index *idx, const bt_skey *k, const bt_tuple *t)
{
	const uint8_t *bits;
	const char *p;

	if (t->bt_info & BT_INFO_MINUS_INF)
		return 1;
	bits = (t->bt_info & BT_INFO_NULLS) ? (const uint8_t *)t + BT_TUPLE_HDR : NULL;
	p = (const char *)t + BT_TUPLE_HDR + (bits ? bitmap_len(idx) : 0);
	/* decode column by column: most comparisons are decided by the first */
	for (int i = 0; i < k->nkeys; i++) {
		bool tn = bits && (bits[i >> 3] & (1u << (i & 7)));
		Datum tv = tn ? 0 : heap_att_decode(&idx->kdesc->attrs[i], &p);
		int r = bt_compare_col(&idx->cols[i], k->values[i], k->isnull[i], tv, tn);

		if (r != 0)
			return r;
	}
	if (k->nkeys < idx->ncols || !k->has_tid)
		return k->tail;
	return tid_cmp(k->heap_tid, bt_tuple_tid(t));
}

bool
bt_keys_equal(bt_index *idx, const Datum *av, const bool *an, const Datum *bv, const bool *bn)
{
	for (int i = 0; i < idx->ncols; i++)
		if (bt_compare_col(&idx->cols[i], av[i], an[i], bv[i], bn[i]) != 0)
			return false;
	return true;
}
