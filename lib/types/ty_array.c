/*
 * ty_array.c — arrays: storage (README format 4), text I/O with PostgreSQL's quoting and
 * dimension decoration, binary I/O, comparison and hashing; int2vector and oidvector.
 */
#include <stdio.h>
#include <stdlib.h>

#include "types/tyarray.h"
#include "types/ty_int.h"

/* header: vl_len, ndim, flags, elemtype, dims[ndim], lbs[ndim], [null bitmap], data */
#define ARR_HDR 16

static int32_t
rd32(const char *p)
{
	int32_t v;
	memcpy(&v, p, 4);
	return v;
}

static void
wr32(char *p, int32_t v)
{
	memcpy(p, &v, 4);
}

int
ty_array_ndim(Datum arr)
{
	return rd32((const char *)DatumGetPointer(arr) + 4);
}

Oid
ty_array_elemtype(Datum arr)
{
	return (Oid)rd32((const char *)DatumGetPointer(arr) + 12);
}

bool
ty_array_has_nulls(Datum arr)
{
	return (rd32((const char *)DatumGetPointer(arr) + 8) & 1) != 0;
}

int
ty_array_dim(Datum arr, int d)
{
	int nd = ty_array_ndim(arr);
	if (d < 1 || d > nd)
		return 0;
	return rd32((const char *)DatumGetPointer(arr) + ARR_HDR + 4 * (d - 1));
}

int
ty_array_lbound(Datum arr, int d)
{
	int nd = ty_array_ndim(arr);
	if (d < 1 || d > nd)
		return 0;
	return rd32((const char *)DatumGetPointer(arr) + ARR_HDR + 4 * nd + 4 * (d - 1));
}

int
ty_array_nitems(Datum arr)
{
	int nd = ty_array_ndim(arr);
	if (nd == 0)
		return 0;
	int64_t n = 1;
	for (int d = 1; d <= nd; d++)
		n *= ty_array_dim(arr, d);
	return (int)n;
}

const int *
ty_array_dims(Datum arr)
{
	int nd = ty_array_ndim(arr);
	int *d = palloc(sizeof(int) * (size_t)(nd + 1));
	for (int i = 0; i < nd; i++)
		d[i] = ty_array_dim(arr, i + 1);
	return d;
}

/* Storage size of an element value. */
static int
elem_size(const ty_type *et, Datum v)
{
	if (et->len > 0)
		return et->len;
	if (et->len == -1)
		return (int)VARSIZE(DatumGetPointer(v));
	return (int)strlen(DatumGetPointer(v)) + 1;
}

static void
elem_store(const ty_type *et, Datum v, char *dst, int sz)
{
	if (et->byval)
		memcpy(dst, &v, (size_t)sz);
	else
		memcpy(dst, DatumGetPointer(v), (size_t)sz);
}

/* Read an element at p; returns the Datum (by-ref: pointer into the array). */
static Datum
elem_fetch(const ty_type *et, const char *p, int *sz)
{
	if (et->byval) {
		Datum v = 0;
		memcpy(&v, p, (size_t)et->len);
		*sz = et->len;
		/* sign-extend small signed integers so the Datum equals a freshly made one */
		if (et->len == 2)
			v = (Datum)(int64_t)(int16_t)v;
		else if (et->len == 4 && et->oid != FLOAT4OID && et->oid != OIDOID && et->category != 'N')
			v = (Datum)(int64_t)(int32_t)v;
		else if (et->len == 4 && et->oid == INT4OID)
			v = (Datum)(int64_t)(int32_t)v;
		return v;
	}
	if (et->len > 0)
		*sz = et->len;
	else if (et->len == -1)
		*sz = (int)VARSIZE(p);
	else
		*sz = (int)strlen(p) + 1;
	return PointerGetDatum(p);
}

Datum
ty_array_build_md(Oid elemtype, int ndim, const int *dims, const int *lbs, const Datum *vals,
                  const bool *nulls)
{
	const ty_type *et = ty_must(elemtype);
	if (ndim > MAXDIM)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED,
		         "number of array dimensions (%d) exceeds the maximum allowed (%d)", ndim, MAXDIM);
	int64_t n = ndim > 0 ? 1 : 0;
	for (int d = 0; d < ndim; d++) {
		n *= dims[d];
		if (n > MaxArraySize)
			ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED,
			         "array size exceeds the maximum allowed (%d)", MaxArraySize);
	}
	if (n == 0)
		ndim = 0;
	bool hasnull = false;
	int64_t datasz = 0;
	for (int64_t i = 0; i < n; i++) {
		if (nulls && nulls[i])
			hasnull = true;
		else
			datasz += elem_size(et, vals[i]);
	}
	int64_t bitmap = hasnull ? (n + 7) / 8 : 0;
	int64_t total = ARR_HDR + 8 * ndim + bitmap + datasz;
	if (total > MAX_VARLENA_SIZE)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "array size exceeds the maximum allowed (%d)",
		         MaxArraySize);
	char *p = palloc0((size_t)total);
	SET_VARSIZE(p, (uint32_t)total);
	wr32(p + 4, ndim);
	wr32(p + 8, hasnull ? 1 : 0);
	wr32(p + 12, (int32_t)elemtype);
	for (int d = 0; d < ndim; d++) {
		wr32(p + ARR_HDR + 4 * d, dims[d]);
		wr32(p + ARR_HDR + 4 * ndim + 4 * d, lbs ? lbs[d] : 1);
	}
	unsigned char *bm = (unsigned char *)p + ARR_HDR + 8 * ndim;
	char *data = (char *)bm + bitmap;
	for (int64_t i = 0; i < n; i++) {
		if (nulls && nulls[i])
			continue;
		if (hasnull)
			bm[i / 8] |= (unsigned char)(1 << (i % 8));
		int sz = elem_size(et, vals[i]);
		elem_store(et, vals[i], data, sz);
		data += sz;
	}
	return PointerGetDatum(p);
}

Datum
ty_array_build(Oid elemtype, int n, const Datum *vals, const bool *nulls)
{
	int lb = 1;
	return ty_array_build_md(elemtype, n > 0 ? 1 : 0, &n, &lb, vals, nulls);
}

void
ty_array_deconstruct(Datum arr, int *n, Datum **vals, bool **nulls)
{
	const char *p = DatumGetPointer(arr);
	int nd = ty_array_ndim(arr);
	int cnt = ty_array_nitems(arr);
	const ty_type *et = ty_must(ty_array_elemtype(arr));
	bool hasnull = ty_array_has_nulls(arr);
	const unsigned char *bm = (const unsigned char *)p + ARR_HDR + 8 * nd;
	const char *data = (const char *)bm + (hasnull ? (cnt + 7) / 8 : 0);
	Datum *v = palloc(sizeof(Datum) * (size_t)(cnt + 1));
	bool *nl = palloc(sizeof(bool) * (size_t)(cnt + 1));
	for (int i = 0; i < cnt; i++) {
		if (hasnull && !(bm[i / 8] & (1 << (i % 8)))) {
			v[i] = 0;
			nl[i] = true;
			continue;
		}
		int sz;
		v[i] = elem_fetch(et, data, &sz);
		nl[i] = false;
		data += sz;
	}
	*n = cnt;
	*vals = v;
	if (nulls)
		*nulls = nl;
}

Datum
ty_array_get(Datum arr, int idx, bool *isnull)
{
	const char *p = DatumGetPointer(arr);
	int nd = ty_array_ndim(arr);
	int cnt = ty_array_nitems(arr);
	if (idx < 0 || idx >= cnt) {
		*isnull = true;
		return 0;
	}
	const ty_type *et = ty_must(ty_array_elemtype(arr));
	bool hasnull = ty_array_has_nulls(arr);
	const unsigned char *bm = (const unsigned char *)p + ARR_HDR + 8 * nd;
	const char *data = (const char *)bm + (hasnull ? (cnt + 7) / 8 : 0);
	for (int i = 0; i <= idx; i++) {
		if (hasnull && !(bm[i / 8] & (1 << (i % 8)))) {
			if (i == idx) {
				*isnull = true;
				return 0;
			}
			continue;
		}
		int sz;
		Datum v = elem_fetch(et, data, &sz);
		if (i == idx) {
			*isnull = false;
			return v;
		}
		if (et->len > 0)
			data += et->len;
		else
			data += sz;
	}
	*isnull = true;
	return 0;
}

/* ---- text input ------------------------------------------------------------------------------ */

static noreturn void
malformed(const char *s, const char *detail, ...) __attribute__((format(printf, 2, 3)));
static noreturn void
malformed(const char *s, const char *detail, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, detail);
	vsnprintf(buf, sizeof buf, detail, ap);
	va_end(ap);
	ERR_BEGIN(ERRCODE_INVALID_TEXT_REPRESENTATION);
	err_detail("%s", buf);
	err_throw("malformed array literal: \"%s\"", s);
}

typedef struct arr_parse {
	const char *orig;
	const char *p;
	char delim;
	int ndim;              /* depth of leaves (-1 = not yet known) */
	int dims[MAXDIM];
	bool dimset[MAXDIM];
	int nelems, cap;
	char **elems;
	bool *enull;
} arr_parse;

static void
skip_ws(arr_parse *ap)
{
	while (ty_isspace((unsigned char)*ap->p))
		ap->p++;
}

static void
push_elem(arr_parse *ap, char *s, bool isnull)
{
	if (ap->nelems == ap->cap) {
		ap->cap = ap->cap ? ap->cap * 2 : 16;
		ap->elems = repalloc(ap->elems, sizeof(char *) * (size_t)ap->cap);
		ap->enull = repalloc(ap->enull, sizeof(bool) * (size_t)ap->cap);
	}
	ap->elems[ap->nelems] = s;
	ap->enull[ap->nelems] = isnull;
	ap->nelems++;
	if (ap->nelems > MaxArraySize)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "array size exceeds the maximum allowed (%d)",
		         MaxArraySize);
}

static void
parse_elem(arr_parse *ap)
{
	const char *p = ap->p;
	char *out = palloc(strlen(p) + 1);
	int n = 0, last_sig = 0;
	bool quoted = false, escaped_any = false;
	if (*p == '"') {
		quoted = true;
		p++;
		for (;;) {
			if (*p == '\0')
				malformed(ap->orig, "Unexpected end of input.");
			if (*p == '\\') {
				p++;
				if (*p == '\0')
					malformed(ap->orig, "Unexpected end of input.");
				out[n++] = *p++;
			} else if (*p == '"') {
				p++;
				break;
			} else
				out[n++] = *p++;
		}
		last_sig = n;
		const char *q = p;
		while (ty_isspace((unsigned char)*q))
			q++;
		if (*q != ap->delim && *q != '}' && *q != '\0')
			malformed(ap->orig, "Unexpected array element.");
	} else {
		for (;;) {
			char c = *p;
			if (c == '\0')
				malformed(ap->orig, "Unexpected end of input.");
			if (c == '\\') {
				p++;
				if (*p == '\0')
					malformed(ap->orig, "Unexpected end of input.");
				out[n++] = *p++;
				last_sig = n;
				escaped_any = true;
			} else if (c == ap->delim || c == '}')
				break;
			else if (c == '"')
				malformed(ap->orig, "Unexpected array element.");
			else if (c == '{')
				malformed(ap->orig, "Unexpected \"%c\" character.", c);
			else {
				out[n++] = c;
				p++;
				if (!ty_isspace((unsigned char)c))
					last_sig = n;
			}
		}
	}
	out[last_sig] = '\0';
	ap->p = p;
	bool isnull = !quoted && !escaped_any && ty_strncasecmp(out, "null", 5) == 0;
	push_elem(ap, out, isnull);
}

static void
parse_level(arr_parse *ap, int depth)
{
	if (depth >= MAXDIM)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED,
		         "number of array dimensions (%d) exceeds the maximum allowed (%d)", depth + 1, MAXDIM);
	ap->p++; /* '{' */
	skip_ws(ap);
	int count = 0;
	bool nested = false;
	if (*ap->p == '}') {
		if (depth > 0)
			malformed(ap->orig, "Unexpected \"}\" character.");
		ap->p++;
		ap->ndim = 0;
		return;
	}
	for (;;) {
		skip_ws(ap);
		char c = *ap->p;
		if (c == '{') {
			if (count > 0 && !nested)
				malformed(ap->orig, "Unexpected \"{\" character.");
			nested = true;
			parse_level(ap, depth + 1);
		} else {
			if (nested)
				malformed(ap->orig, c ? "Unexpected array element." : "Unexpected end of input.");
			if (c == '\0')
				malformed(ap->orig, "Unexpected end of input.");
			if (c == ap->delim || c == '}')
				malformed(ap->orig, "Unexpected \"%c\" character.", c);
			if (ap->ndim >= 0 && ap->ndim != depth + 1)
				malformed(ap->orig,
				          "Multidimensional arrays must have sub-arrays with matching dimensions.");
			ap->ndim = depth + 1;
			parse_elem(ap);
		}
		count++;
		skip_ws(ap);
		c = *ap->p;
		if (c == ap->delim) {
			ap->p++;
			skip_ws(ap);
			if (*ap->p == '}')
				malformed(ap->orig, "Unexpected \"}\" character.");
			continue;
		}
		if (c == '}') {
			ap->p++;
			break;
		}
		if (c == '\0')
			malformed(ap->orig, "Unexpected end of input.");
		malformed(ap->orig, "Unexpected \"%c\" character.", c);
	}
	if (nested && ap->ndim >= 0 && ap->ndim <= depth)
		malformed(ap->orig, "Multidimensional arrays must have sub-arrays with matching dimensions.");
	if (!ap->dimset[depth]) {
		ap->dims[depth] = count;
		ap->dimset[depth] = true;
	} else if (ap->dims[depth] != count)
		malformed(ap->orig, "Multidimensional arrays must have sub-arrays with matching dimensions.");
}

Datum
ty_array_in(const char *s, Oid t, int32_t typmod)
{
	const ty_type *at = ty_must(t);
	Oid elemtype = at->elem;
	const ty_type *et = ty_must(elemtype);
	arr_parse ap;
	memset(&ap, 0, sizeof ap);
	ap.orig = s;
	ap.p = s;
	ap.delim = et->delim ? et->delim : ',';
	ap.ndim = -1;
	ap.elems = palloc(sizeof(char *) * 16);
	ap.enull = palloc(sizeof(bool) * 16);
	ap.cap = 16;
	int given = 0, glb[MAXDIM], gub[MAXDIM];
	skip_ws(&ap);
	while (*ap.p == '[') {
		if (given >= MAXDIM)
			ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED,
			         "number of array dimensions (%d) exceeds the maximum allowed (%d)", given + 1,
			         MAXDIM);
		ap.p++;
		skip_ws(&ap);
		char *end;
		long a = strtol(ap.p, &end, 10);
		if (end == ap.p)
			malformed(s, "\"[\" must introduce explicitly-specified array dimensions.");
		ap.p = end;
		skip_ws(&ap);
		long lb = 1, ub = a;
		if (*ap.p == ':') {
			ap.p++;
			skip_ws(&ap);
			ub = strtol(ap.p, &end, 10);
			if (end == ap.p)
				malformed(s, "Missing array dimension value.");
			ap.p = end;
			lb = a;
			skip_ws(&ap);
		}
		if (*ap.p != ']')
			malformed(s, "Missing \"%s\" after array dimensions.", "]");
		ap.p++;
		if (ub < lb)
			ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "upper bound cannot be less than lower bound");
		glb[given] = (int)lb;
		gub[given] = (int)ub;
		given++;
		skip_ws(&ap);
	}
	if (given > 0) {
		if (*ap.p != '=')
			malformed(s, "Missing \"%s\" after array dimensions.", "=");
		ap.p++;
		skip_ws(&ap);
	}
	if (*ap.p != '{')
		malformed(s, "Array value must start with \"{\" or dimension information.");
	parse_level(&ap, 0);
	skip_ws(&ap);
	if (*ap.p != '\0')
		malformed(s, "Junk after closing right brace.");
	int ndim = ap.ndim < 0 ? 0 : ap.ndim;
	int lbs[MAXDIM];
	for (int d = 0; d < ndim; d++)
		lbs[d] = 1;
	if (given > 0) {
		if (given != ndim)
			malformed(s, "Specified array dimensions do not match array contents.");
		for (int d = 0; d < ndim; d++) {
			if (gub[d] - glb[d] + 1 != ap.dims[d])
				malformed(s, "Specified array dimensions do not match array contents.");
			lbs[d] = glb[d];
		}
	}
	Datum *vals = palloc(sizeof(Datum) * (size_t)(ap.nelems + 1));
	for (int i = 0; i < ap.nelems; i++)
		vals[i] = ap.enull[i] ? 0 : et->in(ap.elems[i], elemtype, typmod);
	return ty_array_build_md(elemtype, ndim, ap.dims, lbs, vals, ap.enull);
}

/* ---- text output ------------------------------------------------------------------------------ */

static void
out_elem(ty_buf *b, const ty_type *et, Datum v, char delim)
{
	ty_buf tmp;
	ty_buf_init(&tmp, 32);
	et->out(&tmp, v, et->oid);
	const char *s = tmp.data;
	bool needquote = tmp.len == 0 || ty_strncasecmp(s, "null", 5) == 0;
	for (int i = 0; i < tmp.len && !needquote; i++) {
		char c = s[i];
		if (c == '"' || c == '\\' || c == '{' || c == '}' || c == delim || ty_isspace((unsigned char)c))
			needquote = true;
	}
	if (!needquote)
		ty_buf_append(b, s, tmp.len);
	else {
		ty_buf_putc(b, '"');
		for (int i = 0; i < tmp.len; i++) {
			if (s[i] == '"' || s[i] == '\\')
				ty_buf_putc(b, '\\');
			ty_buf_putc(b, s[i]);
		}
		ty_buf_putc(b, '"');
	}
	pfree(tmp.data);
}

void
ty_array_out(ty_buf *b, Datum v, Oid t)
{
	int nd = ty_array_ndim(v);
	if (nd == 0) {
		ty_buf_puts(b, "{}");
		return;
	}
	const ty_type *et = ty_must(ty_array_elemtype(v));
	char delim = et->delim ? et->delim : ',';
	int dims[MAXDIM], lbs[MAXDIM];
	bool decorate = false;
	for (int d = 0; d < nd; d++) {
		dims[d] = ty_array_dim(v, d + 1);
		lbs[d] = ty_array_lbound(v, d + 1);
		if (lbs[d] != 1)
			decorate = true;
	}
	if (decorate) {
		for (int d = 0; d < nd; d++)
			ty_buf_printf(b, "[%d:%d]", lbs[d], lbs[d] + dims[d] - 1);
		ty_buf_putc(b, '=');
	}
	int n;
	Datum *vals;
	bool *nulls;
	ty_array_deconstruct(v, &n, &vals, &nulls);
	int idx[MAXDIM] = {0};
	for (int d = 0; d < nd; d++)
		ty_buf_putc(b, '{');
	for (int i = 0; i < n; i++) {
		if (nulls[i])
			ty_buf_puts(b, "NULL");
		else
			out_elem(b, et, vals[i], delim);
		/* advance the index, closing and opening braces */
		int d = nd - 1;
		idx[d]++;
		int closed = 0;
		while (d > 0 && idx[d] == dims[d]) {
			idx[d] = 0;
			d--;
			idx[d]++;
			closed++;
		}
		if (i == n - 1)
			break;
		if (idx[nd - 1] != 0 || closed == 0) {
			if (closed == 0) {
				ty_buf_putc(b, delim);
				continue;
			}
		}
		for (int k = 0; k < closed; k++)
			ty_buf_putc(b, '}');
		ty_buf_putc(b, delim);
		for (int k = 0; k < closed; k++)
			ty_buf_putc(b, '{');
	}
	for (int d = 0; d < nd; d++)
		ty_buf_putc(b, '}');
	pfree(vals);
	pfree(nulls);
}

/* ---- binary --------------------------------------------------------------------------------- */

Datum
ty_array_recv(const char *data, int len, Oid t, int32_t typmod)
{
	const ty_type *at = ty_must(t);
	ty_rd r;
	ty_rd_init(&r, data, len);
	int ndim = (int32_t)ty_rd32(&r);
	int flags = (int32_t)ty_rd32(&r);
	Oid elemtype = ty_rd32(&r);
	if (ndim < 0)
		ph_error(ERRCODE_INVALID_BINARY_REPRESENTATION, "invalid number of dimensions: %d", ndim);
	if (ndim > MAXDIM)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED,
		         "number of array dimensions (%d) exceeds the maximum allowed (%d)", ndim, MAXDIM);
	if (flags != 0 && flags != 1)
		ph_error(ERRCODE_INVALID_BINARY_REPRESENTATION, "invalid array flags");
	if (elemtype != at->elem)
		ph_error(ERRCODE_DATATYPE_MISMATCH,
		         "binary data has array element type %u (%s) instead of expected %u (%s)", elemtype,
		         ty_get(elemtype) ? ty_get(elemtype)->name : "???", at->elem, ty_must(at->elem)->name);
	const ty_type *et = ty_must(elemtype);
	int dims[MAXDIM], lbs[MAXDIM];
	int64_t n = ndim > 0 ? 1 : 0;
	for (int d = 0; d < ndim; d++) {
		dims[d] = (int32_t)ty_rd32(&r);
		lbs[d] = (int32_t)ty_rd32(&r);
		if (dims[d] < 0)
			ph_error(ERRCODE_INVALID_BINARY_REPRESENTATION, "invalid array dimensions");
		n *= dims[d];
		if (n > MaxArraySize)
			ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "array size exceeds the maximum allowed (%d)",
			         MaxArraySize);
	}
	Datum *vals = palloc(sizeof(Datum) * (size_t)(n + 1));
	bool *nulls = palloc(sizeof(bool) * (size_t)(n + 1));
	for (int64_t i = 0; i < n; i++) {
		int32_t el = (int32_t)ty_rd32(&r);
		if (el == -1) {
			nulls[i] = true;
			vals[i] = 0;
			continue;
		}
		if (el < -1)
			ph_error(ERRCODE_INVALID_BINARY_REPRESENTATION, "insufficient data left in message");
		const char *eb = ty_rdbytes(&r, el);
		nulls[i] = false;
		vals[i] = et->recv(eb, el, elemtype, typmod);
	}
	ty_rd_end(&r);
	return ty_array_build_md(elemtype, ndim, dims, lbs, vals, nulls);
}

void
ty_array_send(ty_buf *b, Datum v, Oid t)
{
	int nd = ty_array_ndim(v);
	Oid elemtype = ty_array_elemtype(v);
	const ty_type *et = ty_must(elemtype);
	ty_buf_put32(b, (uint32_t)nd);
	ty_buf_put32(b, ty_array_has_nulls(v) ? 1 : 0);
	ty_buf_put32(b, elemtype);
	for (int d = 1; d <= nd; d++) {
		ty_buf_put32(b, (uint32_t)ty_array_dim(v, d));
		ty_buf_put32(b, (uint32_t)ty_array_lbound(v, d));
	}
	int n;
	Datum *vals;
	bool *nulls;
	ty_array_deconstruct(v, &n, &vals, &nulls);
	for (int i = 0; i < n; i++) {
		if (nulls[i]) {
			ty_buf_put32(b, (uint32_t)-1);
			continue;
		}
		int at = b->len;
		ty_buf_put32(b, 0);
		et->send(b, vals[i], elemtype);
		uint32_t l = (uint32_t)(b->len - at - 4);
		unsigned char *lp = (unsigned char *)b->data + at;
		lp[0] = (unsigned char)(l >> 24);
		lp[1] = (unsigned char)(l >> 16);
		lp[2] = (unsigned char)(l >> 8);
		lp[3] = (unsigned char)l;
	}
}

/* ---- comparison and hashing ------------------------------------------------------------------- */

int
ty_cmp_array(Datum a, Datum b)
{
	Oid ea = ty_array_elemtype(a), eb = ty_array_elemtype(b);
	if (ea != eb)
		ph_error(ERRCODE_DATATYPE_MISMATCH, "cannot compare arrays of different element types");
	const ty_type *et = ty_must(ea);
	if (!et->cmp)
		ph_error(ERRCODE_UNDEFINED_FUNCTION, "could not identify a comparison function for type %s",
		         ty_format_type(ea, -1));
	int na, nb;
	Datum *va, *vb;
	bool *nla, *nlb;
	ty_array_deconstruct(a, &na, &va, &nla);
	ty_array_deconstruct(b, &nb, &vb, &nlb);
	int n = na < nb ? na : nb;
	int r = 0;
	for (int i = 0; i < n && r == 0; i++) {
		if (nla[i] && nlb[i])
			continue;
		if (nla[i]) {
			r = 1;
			break;
		}
		if (nlb[i]) {
			r = -1;
			break;
		}
		r = et->cmp(va[i], vb[i]);
	}
	if (r == 0 && na != nb)
		r = na < nb ? -1 : 1;
	if (r == 0) {
		int da = ty_array_ndim(a), db = ty_array_ndim(b);
		if (da != db)
			r = da < db ? -1 : 1;
		for (int d = 1; d <= da && r == 0; d++) {
			int x = ty_array_dim(a, d), y = ty_array_dim(b, d);
			if (x != y)
				r = x < y ? -1 : 1;
			x = ty_array_lbound(a, d);
			y = ty_array_lbound(b, d);
			if (r == 0 && x != y)
				r = x < y ? -1 : 1;
		}
	}
	pfree(va);
	pfree(vb);
	pfree(nla);
	pfree(nlb);
	return r > 0 ? 1 : r < 0 ? -1 : 0;
}

uint32_t
ty_hash_array(Datum a)
{
	const ty_type *et = ty_must(ty_array_elemtype(a));
	if (!et->hash)
		ph_error(ERRCODE_UNDEFINED_FUNCTION, "could not identify a hash function for type %s",
		         ty_format_type(et->oid, -1));
	int n;
	Datum *v;
	bool *nl;
	ty_array_deconstruct(a, &n, &v, &nl);
	uint32_t h = 1;
	for (int i = 0; i < n; i++)
		h = h * 31 + (nl[i] ? 0 : et->hash(v[i]));
	pfree(v);
	pfree(nl);
	return h;
}

int
ty_cmp_vector(Datum a, Datum b)
{
	return ty_cmp_array(a, b);
}

uint32_t
ty_hash_vector(Datum a)
{
	return ty_hash_array(a);
}

/* ---- int2vector / oidvector: space-separated, lower bound 0 ----------------------------------- */

static Datum
vector_in(const char *s, Oid elem, const char *tname)
{
	int cap = 8, n = 0;
	Datum *vals = palloc(sizeof(Datum) * (size_t)cap);
	const char *p = s;
	const ty_type *et = ty_must(elem);
	for (;;) {
		while (ty_isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		const char *st = p;
		while (*p && !ty_isspace((unsigned char)*p))
			p++;
		char *tok = pstrndup(st, (size_t)(p - st));
		if (n == cap) {
			cap *= 2;
			vals = repalloc(vals, sizeof(Datum) * (size_t)cap);
		}
		(void)tname;
		vals[n++] = et->in(tok, elem, -1);
	}
	int lb = 0;
	return ty_array_build_md(elem, n > 0 ? 1 : 0, &n, &lb, vals, NULL);
}

static void
vector_out(ty_buf *b, Datum v)
{
	int n;
	Datum *vals;
	bool *nulls;
	const ty_type *et = ty_must(ty_array_elemtype(v));
	ty_array_deconstruct(v, &n, &vals, &nulls);
	for (int i = 0; i < n; i++) {
		if (i)
			ty_buf_putc(b, ' ');
		et->out(b, vals[i], et->oid);
	}
}

Datum
ty_int2vector_in(const char *s, Oid t, int32_t tm)
{
	return vector_in(s, INT2OID, "int2vector");
}

void
ty_int2vector_out(ty_buf *b, Datum v, Oid t)
{
	vector_out(b, v);
}

Datum
ty_int2vector_recv(const char *d, int n, Oid t, int32_t tm)
{
	return ty_array_recv(d, n, INT2VECTOROID, tm);
}

void
ty_int2vector_send(ty_buf *b, Datum v, Oid t)
{
	ty_array_send(b, v, t);
}

Datum
ty_oidvector_in(const char *s, Oid t, int32_t tm)
{
	return vector_in(s, OIDOID, "oidvector");
}

void
ty_oidvector_out(ty_buf *b, Datum v, Oid t)
{
	vector_out(b, v);
}

Datum
ty_oidvector_recv(const char *d, int n, Oid t, int32_t tm)
{
	return ty_array_recv(d, n, OIDVECTOROID, tm);
}

void
ty_oidvector_send(ty_buf *b, Datum v, Oid t)
{
	ty_array_send(b, v, t);
}
