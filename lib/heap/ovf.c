/*
 * ovf.c — out-of-line storage of long values in the fork FORK_OVF of a heap: chains of
 * overflow pages and a metapage with the next value id and a free-page list.  Format and
 * rules in README.md ("Overflow storage").
 *
 * Locks: the metapage, then at most one overflow page; a value's pages are written one at a
 * time (the previous page is re-locked to link it).  May be called while the caller holds a
 * heap page lock (pruning), never the reverse.
 */
#include "heap/heap_int.h"
#include "util/err.h"
#include "util/mem.h"

#define OVF_MAGIC 0x4f564631u /* "OVF1" */

typedef struct ovf_trailer {
	uint64_t ot_value_id;
	uint32_t ot_seq;
	uint32_t ot_next;      /* next page of the chain (or of the free list), BLK_INVALID = end */
	uint32_t ot_nbytes;
	uint32_t ot_pad;
} ovf_trailer;

typedef struct ovf_meta {
	uint32_t om_magic;
	uint32_t om_version;
	uint64_t om_next_id;
	uint32_t om_free_head;
	uint32_t om_pad;
	uint64_t om_free_pages;
} ovf_meta;

#define OVF_CHUNK (PAGE_SIZE - PAGE_HEADER_SIZE - (int)sizeof(ovf_trailer))

static inline ovf_trailer *
trailer(buf_id b)
{
	return (ovf_trailer *)page_special(buf_page(b));
}

static inline ovf_meta *
meta(buf_id b)
{
	return (ovf_meta *)(buf_page(b) + PAGE_HEADER_SIZE);
}

/* The metapage, pinned and locked exclusive; created on first use. */
static buf_id
lock_meta(smgr_rel *r)
{
	buf_id b = buf_read_ext(r, FORK_OVF, 0, BUF_RM_EXTEND, NULL);

	buf_lock(b, BUF_EXCLUSIVE);
	if (page_is_new(buf_page(b))) {
		page_init(buf_page(b), PT_OVFMETA, 0);
		meta(b)->om_magic = OVF_MAGIC;
		meta(b)->om_version = 1;
		meta(b)->om_next_id = 1;
		meta(b)->om_free_head = BLK_INVALID;
		page_hdr(buf_page(b))->pd_lower = PAGE_HEADER_SIZE + sizeof(ovf_meta);
		/* WAL: overflow metapage init */
		buf_mark_dirty(b);
	} else if (page_type(buf_page(b)) != PT_OVFMETA || meta(b)->om_magic != OVF_MAGIC) {
		buf_unlock_release(b);
		ph_error(ERRCODE_DATA_CORRUPTED, "overflow metapage of relation \"%s\" is invalid",
		         r->name);
	}
	return b;
}

/* A fresh overflow page, pinned and locked exclusive, initialised. */
static buf_id
alloc_page(smgr_rel *r, buf_strategy *s, uint32_t *blk)
{
	buf_id m = lock_meta(r), b;
	ovf_meta *om = meta(m);

	if (om->om_free_head != BLK_INVALID) {
		*blk = om->om_free_head;
		b = buf_read(r, FORK_OVF, *blk, s);
		buf_lock(b, BUF_EXCLUSIVE);
		om->om_free_head = trailer(b)->ot_next;
		om->om_free_pages--;
		/* WAL: overflow page taken from the free list */
		buf_mark_dirty(m);
		buf_unlock_release(m);
	} else {
		buf_unlock_release(m);
		b = buf_extend(r, FORK_OVF, s, blk);
	}
	page_init(buf_page(b), PT_OVF, sizeof(ovf_trailer));
	return b;
}

void
ovf_store(heap_rel *rel, const void *value, ovf_ptr *out, buf_strategy *s)
{
	uint32_t size = VARSIZE(value), done = 0, seq = 0, blk, prev_blk = BLK_INVALID;
	buf_id m = lock_meta(rel->smgr), b;

	out->op_hdr = OVF_PTR_FLAG | HEAP_OVF_PTR_SIZE;
	out->op_rawsize = size;
	out->op_db = rel->loc.db;
	out->op_relnode = rel->loc.relnode;
	out->op_value_id = meta(m)->om_next_id++;
	/* WAL: next value id */
	buf_mark_dirty(m);
	buf_unlock_release(m);
	while (done < size) {
		uint32_t n = size - done < (uint32_t)OVF_CHUNK ? size - done : (uint32_t)OVF_CHUNK;
		ovf_trailer *t;

		b = alloc_page(rel->smgr, s, &blk);
		memcpy(buf_page(b) + PAGE_HEADER_SIZE, (const char *)value + done, n);
		page_hdr(buf_page(b))->pd_lower = (uint16_t)(PAGE_HEADER_SIZE + n);
		t = trailer(b);
		t->ot_value_id = out->op_value_id;
		t->ot_seq = seq++;
		t->ot_next = BLK_INVALID;
		t->ot_nbytes = n;
		/* WAL: overflow page contents */
		buf_mark_dirty(b);
		buf_unlock_release(b);
		if (prev_blk == BLK_INVALID) {
			out->op_first = blk;
		} else {
			b = buf_read(rel->smgr, FORK_OVF, prev_blk, s);
			buf_lock(b, BUF_EXCLUSIVE);
			trailer(b)->ot_next = blk;
			/* WAL: overflow page link */
			buf_mark_dirty(b);
			buf_unlock_release(b);
		}
		prev_blk = blk;
		done += n;
	}
	out->op_last = prev_blk;
}

static noreturn void
broken_chain(smgr_rel *r, const ovf_ptr *p, uint32_t blk, uint32_t seq)
{
	ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
	err_detail("Value %llu of %u bytes: page %u of the chain (block %u) does not belong to it.",
	           (unsigned long long)p->op_value_id, p->op_rawsize, seq, blk);
	err_throw("out-of-line value of relation \"%s\" is damaged", r->name);
}

void *
ovf_fetch(const ovf_ptr *p)
{
	rel_locator loc = { p->op_db, p->op_relnode };
	smgr_rel *r = smgr_open(loc);
	char *v = palloc(p->op_rawsize);
	uint32_t done = 0, seq = 0, blk = p->op_first;
	buf_strategy *s = p->op_rawsize > (1u << 20) ? buf_strategy_create(BUF_RING_BULKREAD) : NULL;

	while (done < p->op_rawsize) {
		buf_id b;
		const ovf_trailer *t;

		if (blk == BLK_INVALID)
			broken_chain(r, p, blk, seq);
		b = buf_read(r, FORK_OVF, blk, s);
		buf_lock(b, BUF_SHARE);
		t = trailer(b);
		if (page_type(buf_page(b)) != PT_OVF || t->ot_value_id != p->op_value_id ||
		    t->ot_seq != seq || t->ot_nbytes > (uint32_t)OVF_CHUNK ||
		    t->ot_nbytes > p->op_rawsize - done || t->ot_nbytes == 0) {
			buf_unlock_release(b);
			broken_chain(r, p, blk, seq);
		}
		memcpy(v + done, buf_page(b) + PAGE_HEADER_SIZE, t->ot_nbytes);
		done += t->ot_nbytes;
		blk = t->ot_next;
		seq++;
		buf_unlock_release(b);
	}
	buf_strategy_free(s);
	return v;
}

void
ovf_free(const ovf_ptr *p)
{
	rel_locator loc = { p->op_db, p->op_relnode };
	smgr_rel *r = smgr_open(loc);
	buf_id m = lock_meta(r), b;
	uint32_t npages = (p->op_rawsize + OVF_CHUNK - 1) / OVF_CHUNK;

	b = buf_read(r, FORK_OVF, p->op_last, NULL);
	buf_lock(b, BUF_EXCLUSIVE);
	if (trailer(b)->ot_value_id != p->op_value_id) {
		buf_unlock_release(b);
		buf_unlock_release(m);
		broken_chain(r, p, p->op_last, npages - 1);
	}
	trailer(b)->ot_next = meta(m)->om_free_head;
	trailer(b)->ot_value_id = 0;
	meta(m)->om_free_head = p->op_first;
	meta(m)->om_free_pages += npages;
	/* WAL: chain first..last pushed on the free list */
	buf_mark_dirty(b);
	buf_mark_dirty(m);
	buf_unlock_release(b);
	buf_unlock_release(m);
}
