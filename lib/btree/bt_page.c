/*
 * bt_page.c — index creation, the metapage and root cache, page allocation, the deleted-page
 * list and the operation epochs that decide when a deleted page may be reused (README
 * "Deletion of entries and of pages").
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "btree/bt_int.h"
#include "shm/lwlock.h"
#include "shm/proc.h"
#include "util/err.h"
#include "util/mem.h"

/* ---- operation epochs (region "btree") ------------------------------------------------------ */

#define BT_ANON_SLOTS 64

typedef struct bt_epoch_slot {
	_Atomic uint64_t es_active;   /* epoch at the start of this process's oldest operation, 0 = none */
	_Atomic int32_t es_owner;     /* anonymous slots: pid of the claimant */
	char es_pad[52];
} __attribute__((aligned(64))) bt_epoch_slot;

typedef struct bt_shared {
	_Atomic uint64_t bs_epoch;    /* next deletion epoch */
	uint32_t bs_nproc;            /* slots indexed by process-table index */
	uint32_t bs_nslots;           /* + anonymous slots */
	char bs_pad[48];
	bt_epoch_slot bs_slots[];
} bt_shared;

static bt_shared *bts;
static bt_epoch_slot *my_slot;
static pid_t my_slot_pid;
static int op_depth;

size_t
bt_shmem_size(void)
{
	return sizeof(bt_shared) + (size_t)(proc_nslots() + BT_ANON_SLOTS) * sizeof(bt_epoch_slot);
}

void
bt_shmem_init(void *base, size_t size)
{
	memset(base, 0, size);
	bts = base;
	bts->bs_nproc = proc_nslots();
	bts->bs_nslots = bts->bs_nproc + BT_ANON_SLOTS;
	atomic_store(&bts->bs_epoch, 1);
	my_slot = NULL;
	op_depth = 0;
}

static bt_epoch_slot *
slot_for_me(void)
{
	pid_t pid;

	if (proc_my_index >= 0 && (uint32_t)proc_my_index < bts->bs_nproc)
		return &bts->bs_slots[proc_my_index];
	pid = lwlock_my_pid(); /* cached: no system call on this hot path */
	if (my_slot != NULL && my_slot_pid == pid)
		return my_slot;
	for (uint32_t i = bts->bs_nproc; i < bts->bs_nslots; i++) {
		bt_epoch_slot *s = &bts->bs_slots[i];
		int32_t owner = atomic_load(&s->es_owner);

		if ((owner == 0 || (kill(owner, 0) != 0 && errno == ESRCH)) &&
		    atomic_compare_exchange_strong(&s->es_owner, &owner, (int32_t)pid)) {
			atomic_store(&s->es_active, 0);
			my_slot = s;
			my_slot_pid = pid;
			return s;
		}
	}
	ph_error(ERRCODE_INSUFFICIENT_RESOURCES,
	         "too many processes without a process slot are using btree indexes");
}

static bt_epoch_slot *active_slot; /* the slot published by the outermost bt_op_begin */

void
bt_op_begin(void)
{
	if (bts == NULL || op_depth++ > 0)
		return;
	active_slot = slot_for_me();
	atomic_store(&active_slot->es_active, atomic_load(&bts->bs_epoch));
}

void
bt_op_end(void)
{
	if (bts == NULL)
		return;
	PH_CHECK(op_depth > 0);
	if (--op_depth == 0)
		atomic_store(&active_slot->es_active, 0);
}

void
bt_release_all(void)
{
	bt_sort_release_files();
	if (op_depth > 0) {
		op_depth = 1;
		bt_op_end();
	}
}

uint64_t
bt_next_epoch(void)
{
	return atomic_fetch_add(&bts->bs_epoch, 1);
}

/* No operation that started at or before epoch e is still running. */
static bool
recyclable(uint64_t e)
{
	for (uint32_t i = 0; i < bts->bs_nslots; i++) {
		uint64_t a = atomic_load(&bts->bs_slots[i].es_active);

		if (a != 0 && a <= e)
			return false;
	}
	return true;
}

/* ---- pages -------------------------------------------------------------------------------- */

void
bt_init_page(char *page, uint32_t level, uint16_t flags)
{
	bt_opaque *o;

	page_init(page, PT_BTREE, sizeof(bt_opaque));
	o = bt_op(page);
	o->bto_prev = BT_NONE;
	o->bto_next = BT_NONE;
	o->bto_level = level;
	o->bto_flags = flags;
	o->bto_free_next = BT_NONE;
}

size_t
bt_page_used(const char *page)
{
	const page_header *h = page_chdr(page);

	return (size_t)(h->pd_lower - PAGE_HEADER_SIZE) + (size_t)(h->pd_special - h->pd_upper);
}

bool
bt_fits(bt_index *idx, const char *page, size_t size)
{
	if (page_free_space(page) < PAGE_ALIGN(size))
		return false;
	return idx->page_limit == 0 || bt_page_used(page) + PAGE_ALIGN(size) + 4 <= idx->page_limit;
}

static buf_id
read_meta(bt_index *idx, buf_lock_mode mode)
{
	buf_id m = buf_read(idx->smgr, FORK_MAIN, BT_META_BLK, NULL);
	bt_meta *bm;

	buf_lock(m, mode);
	bm = bt_metap(buf_page(m));
	if (page_type(buf_page(m)) != PT_BTMETA || bm->bm_magic != BT_MAGIC ||
	    bm->bm_version != BT_VERSION) {
		buf_unlock_release(m);
		ph_error(ERRCODE_INDEX_CORRUPTED, "index \"%s\" is not a btree", idx->name);
	}
	return m;
}

void
bt_invalidate_root(bt_index *idx)
{
	idx->root = BLK_INVALID;
}

buf_id
bt_get_root(bt_index *idx, int level, buf_lock_mode mode, uint32_t *blk)
{
	for (int tries = 0;; tries++) {
		buf_id b;
		bt_opaque *o;

		if (idx->root == BLK_INVALID) {
			buf_id m = read_meta(idx, BUF_SHARE);

			idx->root = bt_metap(buf_page(m))->bm_root;
			idx->root_level = bt_metap(buf_page(m))->bm_level;
			buf_unlock_release(m);
		}
		b = buf_read(idx->smgr, FORK_MAIN, idx->root, NULL);
		buf_lock(b, BUF_SHARE);
		o = bt_op(buf_page(b));
		if (!(o->bto_flags & BTP_ROOT) && tries < 3) {
			/* the root split since we cached it: ask the metapage again */
			buf_unlock_release(b);
			idx->root = BLK_INVALID;
			continue;
		}
		if ((int)o->bto_level == level && mode == BUF_EXCLUSIVE) {
			buf_unlock(b);
			buf_lock(b, BUF_EXCLUSIVE);
		}
		*blk = idx->root;
		return b;
	}
}

buf_id
bt_alloc_page(bt_index *idx, uint32_t *blk)
{
	buf_id m = read_meta(idx, BUF_EXCLUSIVE), b;
	bt_meta *bm = bt_metap(buf_page(m));

	if (bm->bm_free_head != BT_NONE) {
		uint32_t head = bm->bm_free_head;
		bt_opaque *o;

		b = buf_read(idx->smgr, FORK_MAIN, head, NULL);
		buf_lock(b, BUF_EXCLUSIVE);
		o = bt_op(buf_page(b));
		if ((o->bto_flags & BTP_DELETED) && recyclable(o->bto_epoch)) {
			bm->bm_free_head = o->bto_free_next;
			if (bm->bm_free_head == BT_NONE)
				bm->bm_free_tail = BT_NONE;
			bm->bm_nfree--;
			/* WAL: page taken from the deleted list (logged with the split that uses it) */
			buf_mark_dirty(m);
			buf_unlock_release(m);
			*blk = head;
			return b;
		}
		buf_unlock_release(b);
	}
	buf_unlock_release(m);
	return buf_extend(idx->smgr, FORK_MAIN, NULL, blk);
}

void
bt_set_root(bt_index *idx, uint32_t blk, uint32_t level)
{
	buf_id m = read_meta(idx, BUF_EXCLUSIVE);
	bt_meta *bm = bt_metap(buf_page(m));

	bm->bm_root = blk;
	bm->bm_level = level;
	/* WAL: new root (logged with the root split) */
	buf_mark_dirty(m);
	buf_unlock_release(m);
	idx->root = blk;
	idx->root_level = level;
}

void
bt_read_meta(bt_index *idx, bt_meta *out)
{
	buf_id m = read_meta(idx, BUF_SHARE);

	*out = *bt_metap(buf_page(m));
	buf_unlock_release(m);
}

void
bt_free_page_append(bt_index *idx, uint32_t blk)
{
	buf_id m = read_meta(idx, BUF_EXCLUSIVE);
	bt_meta *bm = bt_metap(buf_page(m));

	if (bm->bm_free_tail != BT_NONE) {
		buf_id t = buf_read(idx->smgr, FORK_MAIN, bm->bm_free_tail, NULL);

		buf_lock(t, BUF_EXCLUSIVE);
		bt_op(buf_page(t))->bto_free_next = blk;
		buf_mark_dirty(t);
		buf_unlock_release(t);
	} else {
		bm->bm_free_head = blk;
	}
	bm->bm_free_tail = blk;
	bm->bm_nfree++;
	/* WAL: page appended to the deleted list */
	buf_mark_dirty(m);
	buf_unlock_release(m);
}

/* ---- index creation ----------------------------------------------------------------------- */

void
bt_create(rel_locator loc)
{
	smgr_rel *r = smgr_open(loc);
	uint32_t blk;
	buf_id m, root;
	bt_meta *bm;

	smgr_create(r, FORK_MAIN, false);
	m = buf_extend(r, FORK_MAIN, NULL, &blk);
	PH_CHECK(blk == BT_META_BLK);
	root = buf_extend(r, FORK_MAIN, NULL, &blk);
	page_init(buf_page(m), PT_BTMETA, 0);
	bm = bt_metap(buf_page(m));
	bm->bm_magic = BT_MAGIC;
	bm->bm_version = BT_VERSION;
	bm->bm_root = blk;
	bm->bm_level = 0;
	bm->bm_free_head = bm->bm_free_tail = BT_NONE;
	page_hdr(buf_page(m))->pd_lower = PAGE_HEADER_SIZE + sizeof(bt_meta);
	bt_init_page(buf_page(root), 0, BTP_LEAF | BTP_ROOT);
	/* WAL: create index (metapage, empty root) */
	buf_mark_dirty(m);
	buf_mark_dirty(root);
	buf_unlock_release(root);
	buf_unlock_release(m);
}

bt_index *
bt_open(rel_locator loc, int ncols, const bt_column *cols, bool unique, const char *name)
{
	bt_index *idx;

	if (ncols < 1 || ncols > BT_MAX_COLS)
		ph_error(ERRCODE_TOO_MANY_COLUMNS, "cannot use more than %d columns in an index",
		         BT_MAX_COLS);
	idx = palloc0(sizeof(*idx));
	idx->loc = loc;
	idx->smgr = smgr_open(loc);
	snprintf(idx->name, sizeof(idx->name), "%s", name ? name : idx->smgr->name);
	smgr_set_name(idx->smgr, idx->name);
	idx->ncols = ncols;
	idx->unique = unique;
	memcpy(idx->cols, cols, sizeof(bt_column) * (size_t)ncols);
	idx->kdesc = heap_desc_create(ncols);
	for (int i = 0; i < ncols; i++)
		heap_desc_set(idx->kdesc, i, cols[i].typlen, cols[i].byval);
	idx->root = BLK_INVALID;
	return idx;
}

void
bt_close(bt_index *idx)
{
	pfree(idx->kdesc);
	pfree(idx);
}

void
bt_drop(rel_locator loc)
{
	buf_drop_relation(loc);
	smgr_unlink(loc);
}
