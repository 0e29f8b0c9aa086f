/*
 * heap_check.c — the heap integrity checker: page headers, line pointers, tuple headers and
 * attribute encodings, HOT redirects and overflow pointers.  Reads every page under a shared
 * lock; a page failing its checksum is reported (not raised).
 */
#include <stdarg.h>
#include <stdio.h>

#include "heap/heap_int.h"
#include "shm/lwlock.h"
#include "util/err.h"
#include "util/mem.h"

typedef struct check_ctx {
	heap_rel *rel;
	heap_report_fn report;
	void *arg;
	int problems;
	uint32_t blk;
	uint32_t nblocks;
} check_ctx;

static void
problem(check_ctx *c, unsigned slot, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
problem(check_ctx *c, unsigned slot, const char *fmt, ...)
{
	char what[512], msg[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (slot)
		snprintf(msg, sizeof(msg), "relation \"%s\" block %u slot %u: %s", c->rel->name, c->blk,
		         slot, what);
	else
		snprintf(msg, sizeof(msg), "relation \"%s\" block %u: %s", c->rel->name, c->blk, what);
	c->problems++;
	if (c->report)
		c->report(c->arg, msg);
}

/* Length of the attribute data of a tuple according to the descriptor, or 0 on a problem. */
static bool
check_data(check_ctx *c, unsigned slot, const heap_tuple_header *h, size_t len)
{
	const tuple_desc *d = c->rel->desc;
	const uint8_t *bits = (h->t_infomask & HEAP_HASNULL) ? h->t_bits : NULL;
	const char *p = (const char *)h + h->t_hoff, *end = (const char *)h + len;

	for (int i = 0; i < h->t_natts; i++) {
		if (bits && (bits[i >> 3] & (1u << (i & 7))))
			continue;
		if (d->attrs[i].typlen > 0) {
			p += d->attrs[i].typlen;
		} else {
			uint32_t vh;

			if (end - p < 4) {
				problem(c, slot, "attribute %d runs past the end of the tuple", i + 1);
				return false;
			}
			vh = load_u32(p);
			if (vh & OVF_PTR_FLAG) {
				ovf_ptr op;

				if (end - p < HEAP_OVF_PTR_SIZE) {
					problem(c, slot, "overflow pointer of attribute %d is cut short", i + 1);
					return false;
				}
				memcpy(&op, p, sizeof(op));
				if (op.op_hdr != (OVF_PTR_FLAG | HEAP_OVF_PTR_SIZE) || op.op_db != c->rel->loc.db ||
				    op.op_relnode != c->rel->loc.relnode || op.op_rawsize < VARHDRSZ ||
				    op.op_rawsize > HEAP_MAX_VALUE_SIZE || !(h->t_infomask & HEAP_HASEXTERNAL)) {
					problem(c, slot, "overflow pointer of attribute %d is invalid", i + 1);
					return false;
				}
				p += HEAP_OVF_PTR_SIZE;
			} else {
				if (vh < VARHDRSZ) {
					problem(c, slot, "attribute %d has an invalid length %u", i + 1, vh);
					return false;
				}
				p += vh;
			}
		}
		if (p > end) {
			problem(c, slot, "attribute %d runs past the end of the tuple", i + 1);
			return false;
		}
	}
	if (p != end) {
		problem(c, slot, "tuple length %zu does not match its attributes (%zu)", len,
		        (size_t)(p - (const char *)h));
		return false;
	}
	return true;
}

static void
check_tuple(check_ctx *c, const char *page, unsigned slot, uint32_t lp)
{
	const heap_tuple_header *h = (const heap_tuple_header *)(page + lp_off(lp));
	size_t len = lp_len(lp), hoff;

	if (len < HEAP_TUPLE_HDR) {
		problem(c, slot, "tuple length %zu is shorter than its header", len);
		return;
	}
	hoff = HEAP_TUPLE_HDR + ((h->t_infomask & HEAP_HASNULL) ? ((size_t)h->t_natts + 7) / 8 : 0);
	if (h->t_hoff != hoff || hoff > len) {
		problem(c, slot, "header length %u is wrong (expected %zu)", h->t_hoff, hoff);
		return;
	}
	if (h->t_natts > c->rel->desc->natts) {
		problem(c, slot, "tuple has %u attributes, the relation %d", h->t_natts,
		        c->rel->desc->natts);
		return;
	}
	if (h->t_ctid_slot == 0 || (h->t_ctid_blk >= c->nblocks && h->t_ctid_blk != c->blk))
		problem(c, slot, "ctid (%u,%u) is invalid", h->t_ctid_blk, h->t_ctid_slot);
	if ((h->t_infomask2 & HEAP_HOT_UPDATED) && h->t_ctid_blk != c->blk)
		problem(c, slot, "HOT-updated tuple points to another page");
	check_data(c, slot, h, len);
}

typedef struct span {
	uint16_t off, end, slot;
} span;

static void
check_page(check_ctx *c, const char *page)
{
	const page_header *ph = page_chdr(page);
	unsigned maxs;
	span spans[PAGE_SIZE / 4];
	int nspans = 0;

	if (page_is_new(page))
		return;
	if (ph->pd_type != PT_HEAP || ph->pd_special != PAGE_SIZE) {
		problem(c, 0, "not a heap page (type %u, special %u)", ph->pd_type, ph->pd_special);
		return;
	}
	maxs = page_max_slot(page);
	if (maxs > PAGE_SIZE / 4) {
		problem(c, 0, "%u line pointers", maxs);
		return;
	}
	for (unsigned slot = 1; slot <= maxs; slot++) {
		uint32_t lp = page_lp_get(page, slot);
		unsigned off = lp_off(lp), len = lp_len(lp);

		switch (lp_flags(lp)) {
		case LP_UNUSED:
			if (off || len)
				problem(c, slot, "unused line pointer has storage");
			break;
		case LP_REDIRECT: {
			uint32_t t;

			if (off < 1 || off > maxs || (t = page_lp_get(page, off), lp_flags(t) != LP_NORMAL) ||
			    !(((const heap_tuple_header *)(page + lp_off(t)))->t_infomask2 & HEAP_ONLY_TUPLE))
				problem(c, slot, "redirect to slot %u, which is not a heap-only tuple", off);
			break;
		}
		case LP_DEAD:
		case LP_NORMAL:
			if (lp_flags(lp) == LP_DEAD && len == 0)
				break;
			if (off < ph->pd_upper || off + len > ph->pd_special || (off & 7) || len == 0) {
				problem(c, slot, "item at %u length %u lies outside [%u, %u)", off, len,
				        ph->pd_upper, ph->pd_special);
				break;
			}
			spans[nspans].off = (uint16_t)off;
			spans[nspans].end = (uint16_t)(off + len);
			spans[nspans].slot = (uint16_t)slot;
			nspans++;
			if (lp_flags(lp) == LP_NORMAL)
				check_tuple(c, page, slot, lp);
			break;
		}
	}
	/* insertion sort by offset, then look for overlaps */
	for (int i = 1; i < nspans; i++) {
		span t = spans[i];
		int j = i;

		for (; j > 0 && spans[j - 1].off > t.off; j--)
			spans[j] = spans[j - 1];
		spans[j] = t;
	}
	for (int i = 1; i < nspans; i++)
		if (spans[i - 1].end > spans[i].off)
			problem(c, spans[i].slot, "item overlaps the item of slot %u", spans[i - 1].slot);
}

int
heap_check(heap_rel *rel, heap_report_fn report, void *arg)
{
	check_ctx c = { rel, report, arg, 0, 0, heap_nblocks(rel) };

	for (c.blk = 0; c.blk < c.nblocks; c.blk++) {
		volatile buf_id b = BUF_INVALID;

		ERR_TRY();
		{
			b = buf_read(rel->smgr, FORK_MAIN, c.blk, NULL);
		}
		ERR_CATCH();
		{
			if (strcmp(err_last()->sqlstate, "XX001") != 0)
				err_rethrow();
			problem(&c, 0, "%s", err_last()->message);
		}
		ERR_END();
		if (b == BUF_INVALID)
			continue;
		buf_lock(b, BUF_SHARE);
		check_page(&c, buf_page(b));
		buf_unlock_release(b);
	}
	return c.problems;
}
