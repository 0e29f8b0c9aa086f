/*
 * bt_build.c — bulk build of a new index from unsorted entries: sort them (bt_sort), fill
 * leaves left to right, push each new page's first key up a level, and write pages straight
 * to the file.  README "Bulk build".
 */
#include "btree/bt_int.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/mem.h"

#define BUILD_LEAF_FILL 0.90
#define BUILD_INTERNAL_FILL 0.70
#define MAX_LEVELS 32

struct bt_build {
	bt_index *idx;
	bt_sort *sort;
	uint64_t n;
};

typedef struct level_state {
	bool active;
	uint32_t blk;           /* block of the page being filled */
	uint32_t prev;          /* previous page of this level */
	int nitems;             /* data items on the page */
	char *page;
} level_state;

typedef struct builder {
	bt_index *idx;
	level_state lv[MAX_LEVELS];
	int nlevels;
	uint32_t next_blk;      /* next block number to hand out */
	uint32_t file_blocks;   /* blocks in the file so far */
} builder;

static int
entry_cmp(const void *a, size_t alen, const void *b, size_t blen, void *arg)
{
	bt_index *idx = arg;
	Datum av[BT_MAX_COLS], bv[BT_MAX_COLS];
	bool an[BT_MAX_COLS], bn[BT_MAX_COLS];

	(void)alen;
	(void)blen;
	bt_tuple_keys(idx, a, av, an);
	bt_tuple_keys(idx, b, bv, bn);
	for (int i = 0; i < idx->ncols; i++) {
		int r = bt_compare_col(&idx->cols[i], av[i], an[i], bv[i], bn[i]);

		if (r != 0)
			return r;
	}
	return tid_cmp(bt_tuple_tid(a), bt_tuple_tid(b));
}

bt_build *
bt_build_begin(bt_index *idx, size_t mem_limit)
{
	bt_build *b;
	bt_meta meta;
	bool empty;

	bt_read_meta(idx, &meta);
	empty = meta.bm_level == 0 && smgr_nblocks(idx->smgr, FORK_MAIN) == 2;
	if (empty) {
		buf_id r = buf_read(idx->smgr, FORK_MAIN, meta.bm_root, NULL);

		buf_lock(r, BUF_SHARE);
		empty = page_max_slot(buf_page(r)) == 0;
		buf_unlock_release(r);
	}
	if (!empty)
		ph_error(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
		         "index \"%s\" must be empty for a bulk build", idx->name);
	b = palloc0(sizeof(*b));
	b->idx = idx;
	b->sort = bt_sort_begin(entry_cmp, idx, mem_limit);
	return b;
}

void
bt_build_add(bt_build *b, const Datum *values, const bool *isnull, tid heap_tid)
{
	bt_tuple *t = bt_form_leaf(b->idx, values, isnull, heap_tid);

	bt_sort_put(b->sort, t, bt_tuple_size(t));
	pfree(t);
	b->n++;
}

/* Write a finished page at its block, extending the file with zero pages over any gap. */
static void
write_page(builder *bd, uint32_t blk, char *page)
{
	page_set_checksum(page, blk);
	while (bd->file_blocks < blk)
		smgr_extend(bd->idx->smgr, FORK_MAIN, bd->file_blocks++, NULL);
	if (blk == bd->file_blocks) {
		smgr_extend(bd->idx->smgr, FORK_MAIN, blk, page);
		bd->file_blocks++;
	} else {
		smgr_write(bd->idx->smgr, FORK_MAIN, blk, page);
	}
}

static void
start_page(builder *bd, int l)
{
	level_state *lv = &bd->lv[l];
	bt_tuple dummy = { 0, 0, BT_TUPLE_HDR | BT_INFO_PIVOT | BT_INFO_MINUS_INF };

	if (lv->page == NULL)
		lv->page = palloc(PAGE_SIZE);
	bt_init_page(lv->page, (uint32_t)l, l == 0 ? BTP_LEAF : 0);
	bt_op(lv->page)->bto_prev = lv->active ? lv->blk : BT_NONE;
	lv->blk = bd->next_blk++;
	lv->active = true;
	lv->nitems = 0;
	/* slot 1 keeps a place for the high key, replaced or removed when the page is done */
	page_add_item(lv->page, &dummy, BT_TUPLE_HDR, 1, true, 0);
}

static void add_item(builder *bd, int l, const bt_tuple *t);

/* The page of level l is full: it gets the high key of `next_first` and a right sibling. */
static void
finish_page(builder *bd, int l, const bt_tuple *next_first)
{
	level_state *lv = &bd->lv[l];
	bt_tuple *hk = bt_form_pivot(next_first, 0), *sep;
	uint32_t done_blk = lv->blk;
	char *done = lv->page;

	lv->page = NULL;
	start_page(bd, l);                      /* the new right sibling, blk assigned */
	bt_op(lv->page)->bto_prev = done_blk;
	bt_op(done)->bto_next = lv->blk;
	if (!page_index_replace(done, 1, hk, bt_tuple_size(hk)))
		ph_internal("bulk build: high key does not fit");
	write_page(bd, done_blk, done);
	pfree(done);
	pfree(hk);
	if (l + 1 == bd->nlevels) {
		/* the first split of this level creates the level above */
		bt_tuple *mi = bt_form_minus_inf(done_blk);

		if (bd->nlevels == MAX_LEVELS)
			ph_internal("bulk build: too many levels");
		bd->nlevels++;
		start_page(bd, l + 1);
		add_item(bd, l + 1, mi);
		pfree(mi);
	}
	sep = bt_form_pivot(next_first, lv->blk);
	add_item(bd, l + 1, sep);
	pfree(sep);
}

static void
add_item(builder *bd, int l, const bt_tuple *t)
{
	level_state *lv = &bd->lv[l];
	size_t size = bt_tuple_size(t), room = PAGE_SIZE - PAGE_HEADER_SIZE - sizeof(bt_opaque);
	size_t hk = PAGE_ALIGN(l == 0 ? size + BT_TID_SIZE : size) + 4;
	size_t target = (size_t)((double)room * (l == 0 ? BUILD_LEAF_FILL : BUILD_INTERNAL_FILL));
	size_t used = bt_page_used(lv->page) - (PAGE_ALIGN(BT_TUPLE_HDR) + 4);

	if (bd->idx->page_limit && bd->idx->page_limit < target)
		target = bd->idx->page_limit;
	if (lv->nitems > 0 && used + PAGE_ALIGN(size) + 4 + hk > target) {
		finish_page(bd, l, t);
		if (l > 0) {
			/* t went up as the separator; on the new page it is the minus-infinity item */
			bt_tuple *mi = bt_form_minus_inf(t->bt_blk);

			page_add_item(lv->page, mi, BT_TUPLE_HDR, page_max_slot(lv->page) + 1, true, 0);
			lv->nitems++;
			pfree(mi);
			return;
		}
	}
	if (page_add_item(lv->page, t, size, page_max_slot(lv->page) + 1, true, 0) == 0)
		ph_internal("bulk build: item does not fit an empty page");
	lv->nitems++;
}

static void
unique_violation(bt_index *idx, const bt_tuple *t)
{
	Datum v[BT_MAX_COLS];
	bool n[BT_MAX_COLS];
	char *keytext;

	bt_tuple_keys(idx, t, v, n);
	keytext = idx->key_text ? idx->key_text(idx, v, n) : NULL;
	ERR_BEGIN(ERRCODE_UNIQUE_VIOLATION);
	if (keytext)
		err_detail("Key %s is duplicated.", keytext);
	err_object(NULL, NULL, NULL, idx->name);
	err_throw("could not create unique index \"%s\"", idx->name);
}

void
bt_build_finish(bt_build *b)
{
	bt_index *idx = b->idx;
	builder bd;
	const void *rec;
	size_t len;
	char *prev = NULL, *meta;
	bt_meta *bm;
	uint32_t root = 0;

	memset(&bd, 0, sizeof(bd));
	bd.idx = idx;
	bd.next_blk = 1;
	bt_sort_finish(b->sort);
	buf_drop_relation(idx->loc);
	smgr_truncate(idx->smgr, FORK_MAIN, 0);
	bd.nlevels = 1;
	start_page(&bd, 0);
	while (bt_sort_next(b->sort, &rec, &len)) {
		const bt_tuple *t = rec;

		if (idx->unique && !(t->bt_info & BT_INFO_NULLS) && prev != NULL) {
			Datum av[BT_MAX_COLS], bv[BT_MAX_COLS];
			bool an[BT_MAX_COLS], bn[BT_MAX_COLS];

			bt_tuple_keys(idx, (const bt_tuple *)prev, av, an);
			bt_tuple_keys(idx, t, bv, bn);
			if (bt_keys_equal(idx, av, an, bv, bn))
				unique_violation(idx, t);
		}
		add_item(&bd, 0, t);
		if (prev == NULL)
			prev = palloc(BT_MAX_ITEM_SIZE);
		memcpy(prev, t, len);
	}
	for (int l = 0; l < bd.nlevels; l++) {
		level_state *lv = &bd.lv[l];

		page_index_delete(lv->page, 1); /* rightmost: no high key */
		if (l == bd.nlevels - 1) {
			bt_op(lv->page)->bto_flags |= BTP_ROOT;
			root = lv->blk;
		}
		write_page(&bd, lv->blk, lv->page);
		pfree(lv->page);
	}
	meta = palloc(PAGE_SIZE);
	page_init(meta, PT_BTMETA, 0);
	bm = bt_metap(meta);
	bm->bm_magic = BT_MAGIC;
	bm->bm_version = BT_VERSION;
	bm->bm_root = root;
	bm->bm_level = (uint32_t)bd.nlevels - 1;
	bm->bm_free_head = bm->bm_free_tail = BT_NONE;
	page_hdr(meta)->pd_lower = PAGE_HEADER_SIZE + sizeof(bt_meta);
	write_page(&bd, BT_META_BLK, meta);
	/* WAL: a bulk build is logged as full page images (or the file is fsynced, as here) */
	smgr_immedsync(idx->smgr, FORK_MAIN);
	pfree(meta);
	if (prev)
		pfree(prev);
	bt_invalidate_root(idx);
	bt_sort_end(b->sort);
	pfree(b);
}
