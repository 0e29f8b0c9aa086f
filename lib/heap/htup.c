/*
 * htup.c — tuple descriptors and the tuple format: forming, deforming, copying.  The byte
 * layout is in README.md ("Tuple format").
 */
#include "heap/heap_int.h"
#include "util/err.h"
#include "util/mem.h"

tuple_desc *
heap_desc_create(int natts)
{
	tuple_desc *d;

	if (natts < 0 || natts > HEAP_MAX_ATTRS)
		ph_error(ERRCODE_TOO_MANY_COLUMNS, "tables can have at most %d columns",
		         HEAP_MAX_ATTRS);
	d = palloc0(sizeof(tuple_desc) + (size_t)natts * sizeof(heap_attr));
	d->natts = natts;
	for (int i = 0; i < natts; i++)
		d->attrs[i].typlen = -1;
	return d;
}

void
heap_desc_set(tuple_desc *d, int attno, int16_t typlen, bool byval)
{
	PH_CHECK(attno >= 0 && attno < d->natts);
	PH_CHECK(typlen == -1 || typlen > 0);
	PH_CHECK(!byval || typlen == 1 || typlen == 2 || typlen == 4 || typlen == 8);
	d->attrs[attno].typlen = typlen;
	d->attrs[attno].byval = byval;
}

static inline size_t
value_size(const heap_attr *a, Datum v)
{
	uint32_t h;

	if (a->typlen > 0)
		return (size_t)a->typlen;
	h = load_u32(DatumGetPointer(v));
	return (h & OVF_PTR_FLAG) ? HEAP_OVF_PTR_SIZE : h;
}

size_t
heap_data_size(const tuple_desc *d, int natts, const Datum *values, const bool *isnull)
{
	size_t sz = 0;

	for (int i = 0; i < natts; i++)
		if (!isnull[i])
			sz += value_size(&d->attrs[i], values[i]);
	return sz;
}

void
heap_data_fill(const tuple_desc *d, int natts, const Datum *values, const bool *isnull,
               char *data, uint8_t *bitmap)
{
	if (bitmap)
		memset(bitmap, 0, ((size_t)natts + 7) / 8);
	for (int i = 0; i < natts; i++) {
		const heap_attr *a = &d->attrs[i];
		size_t n;

		if (isnull[i]) {
			bitmap[i >> 3] |= (uint8_t)(1u << (i & 7));
			continue;
		}
		n = value_size(a, values[i]);
		if (a->byval)
			memcpy(data, &values[i], n); /* little endian: the low bytes */
		else
			memcpy(data, DatumGetPointer(values[i]), n);
		data += n;
	}
}

static Datum
external_value(const char *p)
{
	ovf_ptr op;

	memcpy(&op, p, sizeof(op));
	return PointerGetDatum(ovf_fetch(&op));
}

/* Decode the attribute at *pp and advance *pp past it. */
static inline Datum
decode_one(const heap_attr *a, const char **pp, bool fetch_external)
{
	const char *p = *pp;

	if (a->typlen < 0 && (load_u32(p) & OVF_PTR_FLAG)) {
		*pp = p + HEAP_OVF_PTR_SIZE;
		return fetch_external ? external_value(p) : PointerGetDatum(p);
	}
	return heap_att_decode(a, pp);
}

void
heap_data_deform(const tuple_desc *d, int natts_stored, const uint8_t *bitmap, const char *data,
                 Datum *values, bool *isnull, int natts_wanted, bool fetch_external)
{
	int n = natts_stored < natts_wanted ? natts_stored : natts_wanted;

	for (int i = 0; i < n; i++) {
		if (bitmap && (bitmap[i >> 3] & (1u << (i & 7)))) {
			values[i] = 0;
			isnull[i] = true;
			continue;
		}
		isnull[i] = false;
		values[i] = decode_one(&d->attrs[i], &data, fetch_external);
	}
	for (int i = n; i < natts_wanted; i++) {
		isnull[i] = !d->attrs[i].has_missing;
		values[i] = d->attrs[i].has_missing ? d->attrs[i].missing : 0;
	}
}

#define TUPLE_STRUCT_SIZE PAGE_ALIGN(sizeof(heap_tuple))

heap_tuple *
heap_form_tuple(const tuple_desc *d, const Datum *values, const bool *isnull)
{
	bool hasnull = false, varwidth = false, external = false;
	size_t hoff, len;
	heap_tuple *t;
	heap_tuple_header *h;

	for (int i = 0; i < d->natts; i++) {
		if (isnull[i]) {
			hasnull = true;
		} else if (d->attrs[i].typlen < 0) {
			uint32_t sz = load_u32(DatumGetPointer(values[i]));

			varwidth = true;
			if (sz & OVF_PTR_FLAG)
				external = true;
			else if (sz > HEAP_MAX_VALUE_SIZE)
				ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED,
				         "value of %u bytes exceeds the maximum of %u bytes", sz,
				         HEAP_MAX_VALUE_SIZE);
			else if (sz < VARHDRSZ)
				ph_internal("invalid varlena length %u in attribute %d", sz, i + 1);
		}
	}
	hoff = HEAP_TUPLE_HDR + (hasnull ? ((size_t)d->natts + 7) / 8 : 0);
	len = hoff + heap_data_size(d, d->natts, values, isnull);
	t = palloc(TUPLE_STRUCT_SIZE + len);
	t->t_len = (uint32_t)len;
	t->t_self = tid_make(BLK_INVALID, 0);
	t->t_data = h = (heap_tuple_header *)((char *)t + TUPLE_STRUCT_SIZE);
	memset(h, 0, HEAP_TUPLE_HDR);
	h->t_natts = (uint16_t)d->natts;
	h->t_hoff = (uint8_t)hoff;
	h->t_infomask = HEAP_XMAX_INVALID | (hasnull ? HEAP_HASNULL : 0) |
	                (varwidth ? HEAP_HASVARWIDTH : 0) | (external ? HEAP_HASEXTERNAL : 0);
	h->t_ctid_blk = BLK_INVALID;
	heap_data_fill(d, d->natts, values, isnull, (char *)h + hoff, hasnull ? h->t_bits : NULL);
	return t;
}

void
heap_deform_tuple(const tuple_desc *d, const heap_tuple *t, Datum *values, bool *isnull,
                  int natts)
{
	const heap_tuple_header *h = t->t_data;

	PH_CHECK(natts <= d->natts);
	heap_data_deform(d, h->t_natts, (h->t_infomask & HEAP_HASNULL) ? h->t_bits : NULL,
	                 (const char *)h + h->t_hoff, values, isnull, natts, true);
}

Datum
heap_getattr(const tuple_desc *d, const heap_tuple *t, int attno, bool *isnull)
{
	const heap_tuple_header *h = t->t_data;
	const uint8_t *bits = (h->t_infomask & HEAP_HASNULL) ? h->t_bits : NULL;
	const char *p = (const char *)h + h->t_hoff;

	PH_CHECK(attno >= 0 && attno < d->natts);
	if (attno >= h->t_natts) {
		*isnull = !d->attrs[attno].has_missing;
		return d->attrs[attno].has_missing ? d->attrs[attno].missing : 0;
	}
	*isnull = bits && (bits[attno >> 3] & (1u << (attno & 7)));
	if (*isnull)
		return 0;
	for (int i = 0; i < attno; i++)
		if (!bits || !(bits[i >> 3] & (1u << (i & 7))))
			(void)decode_one(&d->attrs[i], &p, false);
	return decode_one(&d->attrs[attno], &p, true);
}

heap_tuple *
heap_copy_tuple(const heap_tuple *t)
{
	heap_tuple *c = palloc(TUPLE_STRUCT_SIZE + t->t_len);

	c->t_len = t->t_len;
	c->t_self = t->t_self;
	c->t_data = (heap_tuple_header *)((char *)c + TUPLE_STRUCT_SIZE);
	memcpy(c->t_data, t->t_data, t->t_len);
	return c;
}

void
heap_free_tuple(heap_tuple *t)
{
	pfree(t);
}
