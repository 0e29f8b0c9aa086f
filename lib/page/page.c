/* page.c — slotted-page routines and page checksums; see page.h and README.md. */
#include <string.h>

#include "page/page.h"
#include "util/crc32c.h"

void
page_init(char *page, unsigned type, size_t special)
{
	page_header *h = page_hdr(page);

	special = PAGE_ALIGN(special);
	memset(page, 0, PAGE_SIZE);
	h->pd_lower = PAGE_HEADER_SIZE;
	h->pd_upper = (uint16_t)(PAGE_SIZE - special);
	h->pd_special = (uint16_t)(PAGE_SIZE - special);
	h->pd_type = (uint8_t)type;
	h->pd_version = PAGE_LAYOUT_VERSION;
}

size_t
page_free_space(const char *page)
{
	size_t hole = page_hole(page);

	return hole >= 4 ? hole - 4 : 0;
}

unsigned
page_add_item(char *page, const void *item, size_t size, unsigned slot, bool shift,
              unsigned max_slots)
{
	page_header *h = page_hdr(page);
	unsigned maxs = page_max_slot(page);
	size_t asz = PAGE_ALIGN(size), need;
	unsigned newlps;

	if (size == 0 || size > PAGE_MAX_ITEM)
		return 0;
	if (slot == 0) {
		shift = false;
		slot = maxs + 1;
		if (h->pd_flags & PD_HAS_FREE_LINES) {
			for (unsigned i = 1; i <= maxs; i++) {
				uint32_t lp = h->pd_linp[i - 1];

				if (lp_flags(lp) == LP_UNUSED && lp_len(lp) == 0) {
					slot = i;
					break;
				}
			}
			if (slot > maxs)
				h->pd_flags &= ~PD_HAS_FREE_LINES; /* the hint was stale */
		}
		if (slot > maxs && max_slots && slot > max_slots)
			return 0;
	} else if (shift) {
		if (slot > maxs + 1)
			return 0;
	} else if (slot <= maxs) {
		uint32_t lp = h->pd_linp[slot - 1];

		if (lp_flags(lp) != LP_UNUSED || lp_len(lp) != 0)
			return 0;
	}
	newlps = shift ? 1 : (slot > maxs ? slot - maxs : 0);
	need = asz + 4 * (size_t)newlps;
	if ((size_t)(h->pd_upper - h->pd_lower) < need)
		return 0;
	if (shift && slot <= maxs)
		memmove(&h->pd_linp[slot], &h->pd_linp[slot - 1], (maxs - slot + 1) * 4);
	else if (!shift && slot > maxs + 1) {
		for (unsigned i = maxs + 1; i < slot; i++)
			h->pd_linp[i - 1] = lp_make(0, LP_UNUSED, 0);
		h->pd_flags |= PD_HAS_FREE_LINES;
	}
	h->pd_upper = (uint16_t)(h->pd_upper - asz);
	memcpy(page + h->pd_upper, item, size);
	if (asz > size)
		memset(page + h->pd_upper + size, 0, asz - size);
	h->pd_linp[slot - 1] = lp_make(h->pd_upper, LP_NORMAL, (unsigned)size);
	h->pd_lower = (uint16_t)(h->pd_lower + 4 * newlps);
	return slot;
}

void
page_index_delete(char *page, unsigned slot)
{
	page_header *h = page_hdr(page);
	unsigned maxs = page_max_slot(page);
	uint32_t lp = h->pd_linp[slot - 1];
	unsigned off = lp_off(lp);
	size_t asz = PAGE_ALIGN(lp_len(lp));

	if (asz > 0) {
		memmove(page + h->pd_upper + asz, page + h->pd_upper, off - h->pd_upper);
		for (unsigned i = 1; i <= maxs; i++) {
			uint32_t o = h->pd_linp[i - 1];

			if (i != slot && lp_len(o) > 0 && lp_off(o) < off)
				h->pd_linp[i - 1] = lp_make(lp_off(o) + (unsigned)asz, lp_flags(o), lp_len(o));
		}
		h->pd_upper = (uint16_t)(h->pd_upper + asz);
	}
	memmove(&h->pd_linp[slot - 1], &h->pd_linp[slot], (maxs - slot) * 4);
	h->pd_lower = (uint16_t)(h->pd_lower - 4);
}

void
page_index_delete_multi(char *page, const uint16_t *slots, unsigned n)
{
	page_header *h = page_hdr(page);
	unsigned maxs = page_max_slot(page), nkeep = 0;
	unsigned char del[PAGE_SIZE / 4];
	char tmp[PAGE_SIZE];
	unsigned upper = h->pd_special;
	uint32_t *newlp = (uint32_t *)(tmp + PAGE_HEADER_SIZE);

	if (n == 0)
		return;
	memset(del, 0, maxs + 1);
	for (unsigned i = 0; i < n; i++)
		del[slots[i]] = 1;
	for (unsigned i = 1; i <= maxs; i++) {
		uint32_t lp = h->pd_linp[i - 1];
		size_t len = lp_len(lp), asz = PAGE_ALIGN(len);

		if (del[i])
			continue;
		if (len > 0) {
			upper -= (unsigned)asz;
			memcpy(tmp + upper, page + lp_off(lp), asz);
			newlp[nkeep++] = lp_make(upper, lp_flags(lp), (unsigned)len);
		} else {
			newlp[nkeep++] = lp;
		}
	}
	memcpy(page + upper, tmp + upper, h->pd_special - upper);
	memcpy(h->pd_linp, newlp, nkeep * 4);
	h->pd_lower = (uint16_t)(PAGE_HEADER_SIZE + 4 * nkeep);
	h->pd_upper = (uint16_t)upper;
}

bool
page_index_replace(char *page, unsigned slot, const void *item, size_t size)
{
	uint32_t lp = page_lp_get(page, slot);

	if (page_hole(page) + PAGE_ALIGN(lp_len(lp)) < PAGE_ALIGN(size))
		return false;
	page_index_delete(page, slot);
	return page_add_item(page, item, size, slot, true, 0) == slot;
}

typedef struct item_pos {
	uint16_t slot;
	uint16_t off;
} item_pos;

void
page_compact(char *page)
{
	page_header *h = page_hdr(page);
	unsigned maxs = page_max_slot(page), n = 0, upper = h->pd_special;
	item_pos items[PAGE_SIZE / 4];
	bool has_unused = false;

	for (unsigned i = 1; i <= maxs; i++) {
		uint32_t lp = h->pd_linp[i - 1];

		switch (lp_flags(lp)) {
		case LP_NORMAL:
			items[n].slot = (uint16_t)i;
			items[n].off = (uint16_t)lp_off(lp);
			n++;
			break;
		case LP_DEAD:
			h->pd_linp[i - 1] = lp_make(0, LP_DEAD, 0);
			break;
		case LP_UNUSED:
			h->pd_linp[i - 1] = lp_make(0, LP_UNUSED, 0);
			break;
		default:
			break;
		}
	}
	/* Shell sort by offset, descending: items then only ever move towards the end. */
	for (unsigned gap = n / 2; gap > 0; gap /= 2)
		for (unsigned i = gap; i < n; i++) {
			item_pos t = items[i];
			unsigned j = i;

			for (; j >= gap && items[j - gap].off < t.off; j -= gap)
				items[j] = items[j - gap];
			items[j] = t;
		}
	for (unsigned k = 0; k < n; k++) {
		uint32_t lp = h->pd_linp[items[k].slot - 1];
		size_t len = lp_len(lp);

		upper -= (unsigned)PAGE_ALIGN(len);
		if (upper != lp_off(lp))
			memmove(page + upper, page + lp_off(lp), len);
		h->pd_linp[items[k].slot - 1] = lp_make(upper, LP_NORMAL, (unsigned)len);
	}
	while (maxs > 0 && h->pd_linp[maxs - 1] == lp_make(0, LP_UNUSED, 0))
		maxs--;
	for (unsigned i = 1; i <= maxs && !has_unused; i++)
		has_unused = h->pd_linp[i - 1] == lp_make(0, LP_UNUSED, 0);
	h->pd_lower = (uint16_t)(PAGE_HEADER_SIZE + 4 * maxs);
	h->pd_upper = (uint16_t)upper;
	if (has_unused)
		h->pd_flags |= PD_HAS_FREE_LINES;
	else
		h->pd_flags &= ~PD_HAS_FREE_LINES;
}

/* ---- checksums -------------------------------------------------------------------------------- */

uint32_t
page_checksum(const char *page, uint32_t blkno)
{
	static const uint32_t zero = 0;
	uint32_t c;

	c = crc32c(0, page, 8);
	c = crc32c(c, &zero, 4);
	c = crc32c(c, page + 12, PAGE_SIZE - 12);
	return crc32c(c, &blkno, 4); /* x86-64: little endian, as documented */
}

void
page_set_checksum(char *page, uint32_t blkno)
{
	page_hdr(page)->pd_checksum = page_checksum(page, blkno);
}

static bool
all_zero(const char *page)
{
	const uint64_t *w = (const uint64_t *)page;

	for (size_t i = 0; i < PAGE_SIZE / 8; i++)
		if (w[i])
			return false;
	return true;
}

int
page_verify(const char *page, uint32_t blkno, uint32_t *stored, uint32_t *computed)
{
	const page_header *h = page_chdr(page);

	*stored = h->pd_checksum;
	*computed = 0;
	if (h->pd_upper == 0 && all_zero(page))
		return PAGE_NEW;
	*computed = page_checksum(page, blkno);
	if (*computed != *stored)
		return PAGE_BAD_CHECKSUM;
	if (h->pd_version != PAGE_LAYOUT_VERSION || h->pd_lower < PAGE_HEADER_SIZE ||
	    h->pd_lower > h->pd_upper || h->pd_upper > h->pd_special ||
	    h->pd_special > PAGE_SIZE || (h->pd_special & 7) || (h->pd_upper & 7))
		return PAGE_BAD_HEADER;
	return PAGE_OK;
}

const char *
page_verify_reason(int result)
{
	switch (result) {
	case PAGE_OK:
		return "page is valid";
	case PAGE_NEW:
		return "page is new (all zero)";
	case PAGE_BAD_HEADER:
		return "page header is invalid";
	case PAGE_BAD_CHECKSUM:
		return "checksum mismatch";
	default:
		return "unknown page verification result";
	}
}
