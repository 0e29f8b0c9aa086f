/*
 * ty_fn_misc.c — arrays (operators, functions, unnest), json/jsonb operators and
 * functions, uuid, and type-introspection helpers (pg_typeof, format_type, num_nulls).
 */
#include <stdio.h>
#include <stdlib.h>

#include "types/tyarray.h"
#include "types/tyjson.h"
#include "types/tynumeric.h"
#include "types/ty_catdef.h"

void ty_format_type_nomod(ty_buf *b, Oid type);
Datum ty_uuid_make_v4(void);

/* ---- arrays ------------------------------------------------------------------------------------ */

#define ACMP(name, OP)                                                                            \
	static Datum name(fn_call *c) { return BoolGetDatum(ty_cmp_array(ARG(0), ARG(1)) OP 0); }
ACMP(array_eq, ==)
ACMP(array_ne, !=)
ACMP(array_lt, <)
ACMP(array_le, <=)
ACMP(array_gt, >)
ACMP(array_ge, >=)

static Datum
btarraycmp(fn_call *c)
{
	return Int32GetDatum(ty_cmp_array(ARG(0), ARG(1)));
}

static Datum
array_larger(fn_call *c)
{
	return ty_cmp_array(ARG(0), ARG(1)) > 0 ? ARG(0) : ARG(1);
}

static Datum
array_smaller(fn_call *c)
{
	return ty_cmp_array(ARG(0), ARG(1)) < 0 ? ARG(0) : ARG(1);
}

static Datum
array_ndims(fn_call *c)
{
	int nd = ty_array_ndim(ARG(0));
	if (nd == 0)
		return fn_return_null(c);
	return Int32GetDatum(nd);
}

static Datum
array_length(fn_call *c)
{
	int d = ARG_INT32(1);
	if (d < 1 || d > ty_array_ndim(ARG(0)))
		return fn_return_null(c);
	return Int32GetDatum(ty_array_dim(ARG(0), d));
}

static Datum
array_lower(fn_call *c)
{
	int d = ARG_INT32(1);
	if (d < 1 || d > ty_array_ndim(ARG(0)))
		return fn_return_null(c);
	return Int32GetDatum(ty_array_lbound(ARG(0), d));
}

static Datum
array_upper(fn_call *c)
{
	int d = ARG_INT32(1);
	if (d < 1 || d > ty_array_ndim(ARG(0)))
		return fn_return_null(c);
	return Int32GetDatum(ty_array_lbound(ARG(0), d) + ty_array_dim(ARG(0), d) - 1);
}

static Datum
array_cardinality(fn_call *c)
{
	return Int32GetDatum(ty_array_nitems(ARG(0)));
}

static Datum
array_dims(fn_call *c)
{
	int nd = ty_array_ndim(ARG(0));
	if (nd == 0)
		return fn_return_null(c);
	ty_buf b;
	ty_buf_init(&b, 32);
	for (int d = 1; d <= nd; d++)
		ty_buf_printf(&b, "[%d:%d]", ty_array_lbound(ARG(0), d),
		              ty_array_lbound(ARG(0), d) + ty_array_dim(ARG(0), d) - 1);
	return ty_cstring_to_text(b.data);
}

/* array_append / array_prepend / array_cat (one-dimensional rules as PostgreSQL's) */
static Datum
build_like(Datum proto, Oid elem, int n, Datum *vals, bool *nulls, int lb)
{
	(void)proto;
	int dims[1] = {n}, lbs[1] = {lb};
	return ty_array_build_md(elem, n > 0 ? 1 : 0, dims, lbs, vals, nulls);
}

static Datum
array_append(fn_call *c)
{
	Oid elem = c->argtype ? ty_elem_of(c->rettype ? c->rettype : ARGTYPE(0)) : InvalidOid;
	if (ARG_ISNULL(0)) {
		if (!elem)
			elem = ARGTYPE(1);
		Datum v = ARG(1);
		bool nl = ARG_ISNULL(1);
		return ty_array_build(elem, 1, &v, &nl);
	}
	if (!elem)
		elem = ty_array_elemtype(ARG(0));
	int nd = ty_array_ndim(ARG(0));
	if (nd > 1)
		ph_error(ERRCODE_DATA_EXCEPTION, "argument must be empty or one-dimensional array");
	int n;
	Datum *vals;
	bool *nulls;
	ty_array_deconstruct(ARG(0), &n, &vals, &nulls);
	vals = repalloc(vals, sizeof(Datum) * (size_t)(n + 1));
	nulls = repalloc(nulls, sizeof(bool) * (size_t)(n + 1));
	vals[n] = ARG(1);
	nulls[n] = ARG_ISNULL(1);
	return build_like(ARG(0), elem, n + 1, vals, nulls, nd ? ty_array_lbound(ARG(0), 1) : 1);
}

static Datum
array_prepend(fn_call *c)
{
	Oid elem = c->rettype ? ty_elem_of(c->rettype) : InvalidOid;
	if (ARG_ISNULL(1)) {
		if (!elem)
			elem = ARGTYPE(0);
		Datum v = ARG(0);
		bool nl = ARG_ISNULL(0);
		return ty_array_build(elem, 1, &v, &nl);
	}
	if (!elem)
		elem = ty_array_elemtype(ARG(1));
	int nd = ty_array_ndim(ARG(1));
	if (nd > 1)
		ph_error(ERRCODE_DATA_EXCEPTION, "argument must be empty or one-dimensional array");
	int n;
	Datum *vals;
	bool *nulls;
	ty_array_deconstruct(ARG(1), &n, &vals, &nulls);
	Datum *v2 = palloc(sizeof(Datum) * (size_t)(n + 1));
	bool *n2 = palloc(sizeof(bool) * (size_t)(n + 1));
	v2[0] = ARG(0);
	n2[0] = ARG_ISNULL(0);
	memcpy(v2 + 1, vals, sizeof(Datum) * (size_t)n);
	memcpy(n2 + 1, nulls, sizeof(bool) * (size_t)n);
	int lb = nd ? ty_array_lbound(ARG(1), 1) : 1;
	return build_like(ARG(1), elem, n + 1, v2, n2, lb);
}

static Datum
array_cat(fn_call *c)
{
	if (ARG_ISNULL(0) && ARG_ISNULL(1))
		return fn_return_null(c);
	if (ARG_ISNULL(0))
		return ARG(1);
	if (ARG_ISNULL(1))
		return ARG(0);
	Datum a = ARG(0), b = ARG(1);
	int na = ty_array_ndim(a), nb = ty_array_ndim(b);
	if (na == 0)
		return b;
	if (nb == 0)
		return a;
	Oid elem = ty_array_elemtype(a);
	int ca, cb;
	Datum *va, *vb;
	bool *la, *lb;
	ty_array_deconstruct(a, &ca, &va, &la);
	ty_array_deconstruct(b, &cb, &vb, &lb);
	Datum *v = palloc(sizeof(Datum) * (size_t)(ca + cb + 1));
	bool *nl = palloc(sizeof(bool) * (size_t)(ca + cb + 1));
	memcpy(v, va, sizeof(Datum) * (size_t)ca);
	memcpy(v + ca, vb, sizeof(Datum) * (size_t)cb);
	memcpy(nl, la, (size_t)ca);
	memcpy(nl + ca, lb, (size_t)cb);
	int dims[MAXDIM], lbs[MAXDIM];
	if (na == nb) {
		for (int d = 1; d < na; d++)
			if (ty_array_dim(a, d + 1) != ty_array_dim(b, d + 1)) {
				ERR_BEGIN(ERRCODE_ARRAY_SUBSCRIPT_ERROR);
				err_detail("Arrays with differing element dimensions are not compatible for concatenation.");
				err_throw("cannot concatenate incompatible arrays");
			}
		for (int d = 0; d < na; d++) {
			dims[d] = ty_array_dim(a, d + 1);
			lbs[d] = ty_array_lbound(a, d + 1);
		}
		dims[0] += ty_array_dim(b, 1);
		return ty_array_build_md(elem, na, dims, lbs, v, nl);
	}
	if (na == nb + 1 || nb == na + 1) {
		Datum big = na > nb ? a : b, small = na > nb ? b : a;
		int nbig = na > nb ? na : nb;
		for (int d = 1; d < nbig; d++)
			if (ty_array_dim(big, d + 1) != ty_array_dim(small, d)) {
				ERR_BEGIN(ERRCODE_ARRAY_SUBSCRIPT_ERROR);
				err_detail("Arrays with differing dimensions are not compatible for concatenation.");
				err_throw("cannot concatenate incompatible arrays");
			}
		for (int d = 0; d < nbig; d++) {
			dims[d] = ty_array_dim(big, d + 1);
			lbs[d] = ty_array_lbound(big, d + 1);
		}
		dims[0] += 1;
		return ty_array_build_md(elem, nbig, dims, lbs, v, nl);
	}
	ERR_BEGIN(ERRCODE_ARRAY_SUBSCRIPT_ERROR);
	err_detail("Arrays of %d and %d dimensions are not compatible for concatenation.", na, nb);
	err_throw("cannot concatenate incompatible arrays");
}

static bool
elem_equal(Oid elem, Datum a, Datum b)
{
	return ty_compare(elem, a, b) == 0;
}

static Datum
array_position(fn_call *c)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	if (ty_array_ndim(ARG(0)) > 1)
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "searching for elements in multidimensional arrays is not supported");
	Oid elem = ty_array_elemtype(ARG(0));
	int n;
	Datum *v;
	bool *nl;
	ty_array_deconstruct(ARG(0), &n, &v, &nl);
	int start = c->nargs > 2 && !ARG_ISNULL(2) ? ARG_INT32(2) - ty_array_lbound(ARG(0), 1) : 0;
	int lb = n ? ty_array_lbound(ARG(0), 1) : 1;
	for (int i = start < 0 ? 0 : start; i < n; i++) {
		if (ARG_ISNULL(1) ? nl[i] : (!nl[i] && elem_equal(elem, v[i], ARG(1))))
			return Int32GetDatum(i + lb);
	}
	return fn_return_null(c);
}

static Datum
array_positions(fn_call *c)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	if (ty_array_ndim(ARG(0)) > 1)
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "searching for elements in multidimensional arrays is not supported");
	Oid elem = ty_array_elemtype(ARG(0));
	int n, k = 0;
	Datum *v;
	bool *nl;
	ty_array_deconstruct(ARG(0), &n, &v, &nl);
	Datum *out = palloc(sizeof(Datum) * (size_t)(n + 1));
	int lb = n ? ty_array_lbound(ARG(0), 1) : 1;
	for (int i = 0; i < n; i++)
		if (ARG_ISNULL(1) ? nl[i] : (!nl[i] && elem_equal(elem, v[i], ARG(1))))
			out[k++] = Int32GetDatum(i + lb);
	return ty_array_build(INT4OID, k, out, NULL);
}

static Datum
array_replace_common(fn_call *c, bool remove)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	Oid elem = ty_array_elemtype(ARG(0));
	if (remove && ty_array_ndim(ARG(0)) > 1)
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "removing elements from multidimensional arrays is not supported");
	int n, k = 0;
	Datum *v;
	bool *nl;
	ty_array_deconstruct(ARG(0), &n, &v, &nl);
	Datum *out = palloc(sizeof(Datum) * (size_t)(n + 1));
	bool *onl = palloc(sizeof(bool) * (size_t)(n + 1));
	for (int i = 0; i < n; i++) {
		bool match = ARG_ISNULL(1) ? nl[i] : (!nl[i] && elem_equal(elem, v[i], ARG(1)));
		if (match && remove)
			continue;
		if (match) {
			out[k] = ARG(2);
			onl[k++] = ARG_ISNULL(2);
		} else {
			out[k] = v[i];
			onl[k++] = nl[i];
		}
	}
	if (!remove) {
		int nd = ty_array_ndim(ARG(0));
		int dims[MAXDIM], lbs[MAXDIM];
		for (int d = 0; d < nd; d++) {
			dims[d] = ty_array_dim(ARG(0), d + 1);
			lbs[d] = ty_array_lbound(ARG(0), d + 1);
		}
		return ty_array_build_md(elem, nd, dims, lbs, out, onl);
	}
	return ty_array_build(elem, k, out, onl);
}

static Datum
array_remove(fn_call *c)
{
	return array_replace_common(c, true);
}

static Datum
array_replace(fn_call *c)
{
	return array_replace_common(c, false);
}

static Datum
array_to_text(fn_call *c)
{
	if (ARG_ISNULL(0) || ARG_ISNULL(1))
		return fn_return_null(c);
	Oid elem = ty_array_elemtype(ARG(0));
	const ty_type *et = ty_must(elem);
	int n;
	Datum *v;
	bool *nl;
	ty_array_deconstruct(ARG(0), &n, &v, &nl);
	bool has_null_str = c->nargs > 2 && !ARG_ISNULL(2);
	ty_buf b;
	ty_buf_init(&b, 64);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	bool first = true;
	for (int i = 0; i < n; i++) {
		if (nl[i] && !has_null_str)
			continue;
		if (!first)
			ty_buf_append(&b, ty_vardata(ARG(1)), ty_varsize(ARG(1)));
		first = false;
		if (nl[i])
			ty_buf_append(&b, ty_vardata(ARG(2)), ty_varsize(ARG(2)));
		else
			et->out(&b, v[i], elem);
	}
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

static Datum
text_to_array(fn_call *c)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	const char *s = ty_vardata(ARG(0));
	int n = ty_varsize(ARG(0));
	bool has_null = c->nargs > 2 && !ARG_ISNULL(2);
	const char *ns = has_null ? ty_vardata(ARG(2)) : NULL;
	int nn = has_null ? ty_varsize(ARG(2)) : 0;
	if (n == 0)
		return ty_array_build(TEXTOID, 0, NULL, NULL);
	int cap = 16, k = 0;
	Datum *v = palloc(sizeof(Datum) * (size_t)cap);
	bool *nl = palloc(sizeof(bool) * (size_t)cap);
#define PUSH(p, l)                                                                                \
	do {                                                                                          \
		if (k == cap) {                                                                           \
			cap *= 2;                                                                             \
			v = repalloc(v, sizeof(Datum) * (size_t)cap);                                         \
			nl = repalloc(nl, sizeof(bool) * (size_t)cap);                                        \
		}                                                                                         \
		nl[k] = has_null && (l) == nn && memcmp((p), ns, (size_t)nn) == 0;                         \
		v[k] = nl[k] ? 0 : ret_text((p), (l));                                                    \
		k++;                                                                                      \
	} while (0)
	if (ARG_ISNULL(1)) {
		/* NULL delimiter: one element per character */
		for (int i = 0; i < n;) {
			int cl = ty_utf8_charlen((unsigned char)s[i]);
			PUSH(s + i, cl);
			i += cl;
		}
	} else {
		const char *d = ty_vardata(ARG(1));
		int dn = ty_varsize(ARG(1));
		if (dn == 0)
			PUSH(s, n);
		else {
			int i = 0;
			for (;;) {
				const char *p = memmem(s + i, (size_t)(n - i), d, (size_t)dn);
				if (!p) {
					PUSH(s + i, n - i);
					break;
				}
				PUSH(s + i, (int)(p - (s + i)));
				i = (int)(p - s) + dn;
			}
		}
	}
#undef PUSH
	return ty_array_build(TEXTOID, k, v, nl);
}

/* @> <@ && */
static bool
array_contains(Datum a, Datum b)
{
	Oid elem = ty_array_elemtype(a);
	int na, nb;
	Datum *va, *vb;
	bool *la, *lb;
	ty_array_deconstruct(a, &na, &va, &la);
	ty_array_deconstruct(b, &nb, &vb, &lb);
	for (int j = 0; j < nb; j++) {
		if (lb[j])
			return false;
		bool found = false;
		for (int i = 0; i < na && !found; i++)
			found = !la[i] && elem_equal(elem, va[i], vb[j]);
		if (!found)
			return false;
	}
	return true;
}

static Datum
arraycontains(fn_call *c)
{
	return BoolGetDatum(array_contains(ARG(0), ARG(1)));
}

static Datum
arraycontained(fn_call *c)
{
	return BoolGetDatum(array_contains(ARG(1), ARG(0)));
}

static Datum
arrayoverlap(fn_call *c)
{
	Oid elem = ty_array_elemtype(ARG(0));
	int na, nb;
	Datum *va, *vb;
	bool *la, *lb;
	ty_array_deconstruct(ARG(0), &na, &va, &la);
	ty_array_deconstruct(ARG(1), &nb, &vb, &lb);
	for (int i = 0; i < na; i++)
		for (int j = 0; j < nb; j++)
			if (!la[i] && !lb[j] && elem_equal(elem, va[i], vb[j]))
				return BoolGetDatum(true);
	return BoolGetDatum(false);
}

typedef struct unnest_state {
	int n, i;
	Datum *v;
	bool *nl;
} unnest_state;

static Datum
array_unnest(fn_call *c)
{
	unnest_state *st = c->srf_state;
	if (c->srf_call == 0) {
		mem_ctx *old = mem_switch(c->cache_ctx ? c->cache_ctx : mem_cur);
		st = palloc(sizeof *st);
		Datum copy = ty_datum_copy(ty_must(ARGTYPE(0) ? ARGTYPE(0) : INT4ARRAYOID), ARG(0));
		ty_array_deconstruct(copy, &st->n, &st->v, &st->nl);
		st->i = 0;
		mem_switch(old);
		c->srf_state = st;
	}
	if (st->i >= st->n) {
		c->srf_done = true;
		return 0;
	}
	int i = st->i++;
	c->isnull = st->nl[i];
	return st->v[i];
}

static Datum
generate_subscripts(fn_call *c)
{
	unnest_state *st = c->srf_state;
	if (c->srf_call == 0) {
		int d = ARG_INT32(1);
		bool rev = c->nargs > 2 && ARG_BOOL(2);
		st = mem_alloc(c->cache_ctx ? c->cache_ctx : mem_cur, sizeof *st);
		st->i = 0;
		st->n = 0;
		st->v = NULL;
		if (d >= 1 && d <= ty_array_ndim(ARG(0))) {
			int lb = ty_array_lbound(ARG(0), d), len = ty_array_dim(ARG(0), d);
			st->n = len;
			st->v = mem_alloc(c->cache_ctx ? c->cache_ctx : mem_cur, sizeof(Datum) * (size_t)(len + 1));
			for (int k = 0; k < len; k++)
				st->v[k] = Int32GetDatum(rev ? lb + len - 1 - k : lb + k);
		}
		c->srf_state = st;
	}
	if (st->i >= st->n) {
		c->srf_done = true;
		return 0;
	}
	return st->v[st->i++];
}

/* ---- json ------------------------------------------------------------------------------------- */

static ty_jnode *
json_tree(fn_call *c, int n, bool *is_jsonb)
{
	*is_jsonb = ARGTYPE(n) == JSONBOID;
	return ty_json_parse(ty_vardata(ARG(n)), ty_varsize(ARG(n)), true, *is_jsonb);
}

/* the source text of a json node, or its jsonb printing */
static Datum
node_value(fn_call *c, int src, const ty_jnode *nd, bool jsonb, bool as_text)
{
	if (as_text) {
		if (nd->kind == 'z')
			return fn_return_null(c);
		if (nd->kind == 's')
			return ret_text(nd->str, nd->slen);
	}
	if (jsonb) {
		ty_buf b;
		ty_buf_init(&b, 64);
		ty_buf_reserve(&b, VARHDRSZ);
		b.len = VARHDRSZ;
		ty_jsonb_normalize((ty_jnode *)nd);
		ty_jsonb_print(&b, nd);
		SET_VARSIZE(b.data, (uint32_t)b.len);
		return PointerGetDatum(b.data);
	}
	return ret_text(ty_vardata(ARG(src)) + nd->start, nd->end - nd->start);
}

static const ty_jnode *
json_field(const ty_jnode *n, const char *key, int klen)
{
	if (n->kind != 'o')
		return NULL;
	const ty_jnode *found = NULL;
	for (int i = 0; i < n->n; i++)
		if (n->klens[i] == klen && memcmp(n->keys[i], key, (size_t)klen) == 0)
			found = n->kids[i];
	return found;
}

static const ty_jnode *
json_elem(const ty_jnode *n, int64_t idx)
{
	if (n->kind != 'a')
		return NULL;
	if (idx < 0)
		idx += n->n;
	if (idx < 0 || idx >= n->n)
		return NULL;
	return n->kids[idx];
}

static Datum
json_get_field(fn_call *c, bool as_text)
{
	bool jb;
	ty_jnode *t = json_tree(c, 0, &jb);
	const ty_jnode *f = json_field(t, ty_vardata(ARG(1)), ty_varsize(ARG(1)));
	if (!f)
		return fn_return_null(c);
	return node_value(c, 0, f, jb, as_text);
}

static Datum
json_get_elem(fn_call *c, bool as_text)
{
	bool jb;
	ty_jnode *t = json_tree(c, 0, &jb);
	const ty_jnode *f = json_elem(t, ARG_INT32(1));
	if (!f)
		return fn_return_null(c);
	return node_value(c, 0, f, jb, as_text);
}

static Datum
json_object_field(fn_call *c)
{
	return json_get_field(c, false);
}

static Datum
json_object_field_text(fn_call *c)
{
	return json_get_field(c, true);
}

static Datum
json_array_element(fn_call *c)
{
	return json_get_elem(c, false);
}

static Datum
json_array_element_text(fn_call *c)
{
	return json_get_elem(c, true);
}

static Datum
json_extract_path_common(fn_call *c, bool as_text)
{
	bool jb;
	ty_jnode *t = json_tree(c, 0, &jb);
	int n;
	Datum *path;
	bool *nulls;
	ty_array_deconstruct(ARG(1), &n, &path, &nulls);
	const ty_jnode *cur = t;
	for (int i = 0; i < n && cur; i++) {
		if (nulls[i])
			return fn_return_null(c);
		const char *k = ty_vardata(path[i]);
		int kl = ty_varsize(path[i]);
		if (cur->kind == 'o')
			cur = json_field(cur, k, kl);
		else if (cur->kind == 'a') {
			char *ks = pstrndup(k, (size_t)kl);
			char *end;
			long idx = strtol(ks, &end, 10);
			cur = (*ks && !*end) ? json_elem(cur, idx) : NULL;
		} else
			cur = NULL;
	}
	if (!cur)
		return fn_return_null(c);
	return node_value(c, 0, cur, jb, as_text);
}

static Datum
json_extract_path_op(fn_call *c)
{
	return json_extract_path_common(c, false);
}

static Datum
json_extract_path_text_op(fn_call *c)
{
	return json_extract_path_common(c, true);
}

static const char *
kind_name(char k)
{
	switch (k) {
	case 'o': return "object";
	case 'a': return "array";
	case 's': return "string";
	case 'n': return "number";
	case 't':
	case 'f': return "boolean";
	default: return "null";
	}
}

static Datum
json_typeof(fn_call *c)
{
	bool jb;
	ty_jnode *t = json_tree(c, 0, &jb);
	const char *k = kind_name(t->kind);
	return ret_text(k, (int)strlen(k));
}

static Datum
json_array_length(fn_call *c)
{
	bool jb;
	ty_jnode *t = json_tree(c, 0, &jb);
	if (t->kind != 'a') {
		if (jb)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "cannot get array length of a %s",
			         t->kind == 'o' ? "non-array" : "scalar");
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "cannot get array length of a %s",
		         t->kind == 'o' ? "non-array" : "scalar");
	}
	return Int32GetDatum(t->n);
}

typedef struct keys_state {
	ty_jnode *t;
	int i;
} keys_state;

static Datum
json_object_keys(fn_call *c)
{
	keys_state *st = c->srf_state;
	if (c->srf_call == 0) {
		mem_ctx *old = mem_switch(c->cache_ctx ? c->cache_ctx : mem_cur);
		bool jb;
		st = palloc(sizeof *st);
		st->t = json_tree(c, 0, &jb);
		if (st->t->kind != 'o')
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "cannot call %s on %s",
			         jb ? "jsonb_object_keys" : "json_object_keys",
			         st->t->kind == 'a' ? "an array" : "a scalar");
		if (jb)
			ty_jsonb_normalize(st->t);
		st->i = 0;
		mem_switch(old);
		c->srf_state = st;
	}
	if (st->i >= st->t->n) {
		c->srf_done = true;
		return 0;
	}
	int i = st->i++;
	return ret_text(st->t->keys[i], st->t->klens[i]);
}

static Datum
to_json_fn(fn_call *c)
{
	ty_buf b;
	ty_buf_init(&b, 64);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	Oid t = ARGTYPE(0) ? ARGTYPE(0) : TEXTOID;
	if (t == UNKNOWNOID) {
		const char *s = DatumGetPointer(ARG(0));
		ty_json_escape(&b, s, (int)strlen(s));
	} else
		ty_json_append_value(&b, ARG(0), t, false);
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

static Datum
to_jsonb_fn(fn_call *c)
{
	Datum j = to_json_fn(c);
	return ty_jsonb_from_text(ty_vardata(j), ty_varsize(j));
}

static void
append_arg_json(ty_buf *b, fn_call *c, int i, bool jsonb)
{
	if (ARG_ISNULL(i)) {
		ty_buf_puts(b, "null");
		return;
	}
	Oid t = ARGTYPE(i);
	if (t == UNKNOWNOID || t == InvalidOid) {
		const char *s = DatumGetPointer(ARG(i));
		ty_json_escape(b, s, (int)strlen(s));
		return;
	}
	ty_json_append_value(b, ARG(i), t, jsonb);
}

static Datum
build_object(fn_call *c, bool jsonb)
{
	if (c->nargs % 2 != 0) {
		ERR_BEGIN(ERRCODE_INVALID_PARAMETER_VALUE);
		err_hint("The arguments of %s must consist of alternating keys and values.",
		         jsonb ? "jsonb_build_object()" : "json_build_object()");
		err_throw("argument list must have even number of elements");
	}
	ty_buf b;
	ty_buf_init(&b, 64);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	ty_buf_putc(&b, '{');
	for (int i = 0; i < c->nargs; i += 2) {
		if (ARG_ISNULL(i)) {
			ERR_BEGIN(ERRCODE_INVALID_PARAMETER_VALUE);
			err_hint("Object keys should be text.");
			err_throw("argument %d cannot be null", i + 1);
		}
		if (i)
			ty_buf_puts(&b, ", ");
		ty_buf kb;
		ty_buf_init(&kb, 32);
		Oid kt = ARGTYPE(i);
		if (kt == UNKNOWNOID || kt == InvalidOid)
			ty_buf_puts(&kb, DatumGetPointer(ARG(i)));
		else
			ty_must(kt)->out(&kb, ARG(i), kt);
		ty_json_escape(&b, kb.data, kb.len);
		ty_buf_puts(&b, " : ");
		append_arg_json(&b, c, i + 1, jsonb);
	}
	ty_buf_putc(&b, '}');
	if (jsonb)
		return ty_jsonb_from_text(b.data + VARHDRSZ, b.len - VARHDRSZ);
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

static Datum
json_build_object(fn_call *c)
{
	return build_object(c, false);
}

static Datum
jsonb_build_object(fn_call *c)
{
	return build_object(c, true);
}

static Datum
build_array(fn_call *c, bool jsonb)
{
	ty_buf b;
	ty_buf_init(&b, 64);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	ty_buf_putc(&b, '[');
	for (int i = 0; i < c->nargs; i++) {
		if (i)
			ty_buf_puts(&b, ", ");
		append_arg_json(&b, c, i, jsonb);
	}
	ty_buf_putc(&b, ']');
	if (jsonb)
		return ty_jsonb_from_text(b.data + VARHDRSZ, b.len - VARHDRSZ);
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

static Datum
json_build_array(fn_call *c)
{
	return build_array(c, false);
}

static Datum
jsonb_build_array(fn_call *c)
{
	return build_array(c, true);
}

static void
pretty(ty_buf *b, const ty_jnode *n, int level)
{
	switch (n->kind) {
	case 'o':
	case 'a': {
		bool obj = n->kind == 'o';
		ty_buf_putc(b, obj ? '{' : '[');
		for (int i = 0; i < n->n; i++) {
			if (i)
				ty_buf_putc(b, ',');
			ty_buf_putc(b, '\n');
			for (int k = 0; k < (level + 1) * 4; k++)
				ty_buf_putc(b, ' ');
			if (obj) {
				ty_json_escape(b, n->keys[i], n->klens[i]);
				ty_buf_puts(b, ": ");
			}
			pretty(b, n->kids[i], level + 1);
		}
		ty_buf_putc(b, '\n');
		for (int k = 0; k < level * 4; k++)
			ty_buf_putc(b, ' ');
		ty_buf_putc(b, obj ? '}' : ']');
		break;
	}
	default:
		ty_jsonb_print(b, n);
	}
}

static Datum
jsonb_pretty(fn_call *c)
{
	ty_jnode *t = ty_jsonb_tree(ARG(0));
	ty_buf b;
	ty_buf_init(&b, 64);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	pretty(&b, t, 0);
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

#define JBCMP(name, OP)                                                                          \
	static Datum name(fn_call *c) { return BoolGetDatum(ty_cmp_jsonb(ARG(0), ARG(1)) OP 0); }
JBCMP(jsonb_eq, ==)
JBCMP(jsonb_ne, !=)
JBCMP(jsonb_lt, <)
JBCMP(jsonb_le, <=)
JBCMP(jsonb_gt, >)
JBCMP(jsonb_ge, >=)

static Datum
jsonb_cmp(fn_call *c)
{
	return Int32GetDatum(ty_cmp_jsonb(ARG(0), ARG(1)));
}

static bool
jsonb_contains_node(const ty_jnode *a, const ty_jnode *b)
{
	if (a->kind != b->kind) {
		/* a raw scalar array contains the scalar */
		if (a->kind == 'a' && b->kind != 'o' && b->kind != 'a') {
			for (int i = 0; i < a->n; i++)
				if (ty_jsonb_compare_nodes(a->kids[i], b) == 0)
					return true;
		}
		if (!((a->kind == 't' || a->kind == 'f') && (b->kind == 't' || b->kind == 'f')))
			return false;
	}
	if (a->kind == 'o') {
		for (int j = 0; j < b->n; j++) {
			const ty_jnode *f = json_field(a, b->keys[j], b->klens[j]);
			if (!f || !jsonb_contains_node(f, b->kids[j]))
				return false;
		}
		return true;
	}
	if (a->kind == 'a') {
		for (int j = 0; j < b->n; j++) {
			bool found = false;
			for (int i = 0; i < a->n && !found; i++) {
				const ty_jnode *x = a->kids[i], *y = b->kids[j];
				if (y->kind == 'o' || y->kind == 'a')
					found = x->kind == y->kind && jsonb_contains_node(x, y);
				else
					found = ty_jsonb_compare_nodes(x, y) == 0;
			}
			if (!found)
				return false;
		}
		return true;
	}
	return ty_jsonb_compare_nodes(a, b) == 0;
}

static Datum
jsonb_contains(fn_call *c)
{
	return BoolGetDatum(jsonb_contains_node(ty_jsonb_tree(ARG(0)), ty_jsonb_tree(ARG(1))));
}

static Datum
jsonb_contained(fn_call *c)
{
	return BoolGetDatum(jsonb_contains_node(ty_jsonb_tree(ARG(1)), ty_jsonb_tree(ARG(0))));
}

/* Is key k (kl bytes) a top-level key of an object, a string element of an array, or the
 * scalar string itself?  (PostgreSQL's ? operator.) */
static bool
jsonb_has_key(const ty_jnode *t, const char *k, int kl)
{
	if (t->kind == 'o')
		return json_field(t, k, kl) != NULL;
	if (t->kind == 'a') {
		for (int i = 0; i < t->n; i++)
			if (t->kids[i]->kind == 's' && t->kids[i]->slen == kl &&
			    memcmp(t->kids[i]->str, k, (size_t)kl) == 0)
				return true;
		return false;
	}
	return t->kind == 's' && t->slen == kl && memcmp(t->str, k, (size_t)kl) == 0;
}

static Datum
jsonb_exists(fn_call *c)
{
	return BoolGetDatum(jsonb_has_key(ty_jsonb_tree(ARG(0)), ty_vardata(ARG(1)), ty_varsize(ARG(1))));
}

/* ?| (any) and ?& (all) over a text[]; NULL elements are ignored, as in PostgreSQL */
static bool
jsonb_exists_many(fn_call *c, bool all)
{
	ty_jnode *t = ty_jsonb_tree(ARG(0));
	int n;
	Datum *v;
	bool *nulls;
	ty_array_deconstruct(ARG(1), &n, &v, &nulls);
	for (int i = 0; i < n; i++) {
		if (nulls[i])
			continue;
		bool has = jsonb_has_key(t, ty_vardata(v[i]), ty_varsize(v[i]));
		if (has != all)
			return has;
	}
	return all;
}

static Datum
jsonb_exists_any(fn_call *c)
{
	return BoolGetDatum(jsonb_exists_many(c, false));
}

static Datum
jsonb_exists_all(fn_call *c)
{
	return BoolGetDatum(jsonb_exists_many(c, true));
}

static Datum
jsonb_concat(fn_call *c)
{
	ty_jnode *a = ty_jsonb_tree(ARG(0)), *b = ty_jsonb_tree(ARG(1));
	ty_buf out;
	ty_buf_init(&out, 64);
	if (a->kind == 'o' && b->kind == 'o') {
		ty_buf_putc(&out, '{');
		for (int i = 0; i < a->n + b->n; i++) {
			const ty_jnode *o = i < a->n ? a : b;
			int k = i < a->n ? i : i - a->n;
			if (i)
				ty_buf_puts(&out, ", ");
			ty_json_escape(&out, o->keys[k], o->klens[k]);
			ty_buf_puts(&out, ": ");
			ty_jsonb_print(&out, o->kids[k]);
		}
		ty_buf_putc(&out, '}');
	} else {
		/* array concatenation (scalars and objects become one-element arrays) */
		ty_buf_putc(&out, '[');
		bool first = true;
		const ty_jnode *parts[2] = {a, b};
		for (int p = 0; p < 2; p++) {
			const ty_jnode *x = parts[p];
			int cnt = x->kind == 'a' ? x->n : 1;
			for (int i = 0; i < cnt; i++) {
				if (!first)
					ty_buf_puts(&out, ", ");
				first = false;
				ty_jsonb_print(&out, x->kind == 'a' ? x->kids[i] : x);
			}
		}
		ty_buf_putc(&out, ']');
	}
	return ty_jsonb_from_text(out.data, out.len);
}

static Datum
jsonb_delete(fn_call *c)
{
	ty_jnode *t = ty_jsonb_tree(ARG(0));
	const char *k = ty_vardata(ARG(1));
	int kl = ty_varsize(ARG(1));
	if (t->kind != 'o' && t->kind != 'a')
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "cannot delete from scalar");
	ty_buf out;
	ty_buf_init(&out, 64);
	ty_buf_putc(&out, t->kind == 'o' ? '{' : '[');
	bool first = true;
	for (int i = 0; i < t->n; i++) {
		if (t->kind == 'o' && t->klens[i] == kl && memcmp(t->keys[i], k, (size_t)kl) == 0)
			continue;
		if (t->kind == 'a' && t->kids[i]->kind == 's' && t->kids[i]->slen == kl &&
		    memcmp(t->kids[i]->str, k, (size_t)kl) == 0)
			continue;
		if (!first)
			ty_buf_puts(&out, ", ");
		first = false;
		if (t->kind == 'o') {
			ty_json_escape(&out, t->keys[i], t->klens[i]);
			ty_buf_puts(&out, ": ");
		}
		ty_jsonb_print(&out, t->kids[i]);
	}
	ty_buf_putc(&out, t->kind == 'o' ? '}' : ']');
	return ty_jsonb_from_text(out.data, out.len);
}

/* jsonb -> scalar casts */
static const ty_jnode *
jsonb_scalar(fn_call *c, char want, const char *tname)
{
	ty_jnode *t = ty_jsonb_tree(ARG(0));
	if (t->kind == 'a' && t->n == 1 && 0)
		t = t->kids[0];
	bool ok = want == 'b' ? (t->kind == 't' || t->kind == 'f') : t->kind == want;
	if (!ok) {
		const char *kn = t->kind == 'o' ? "object" : t->kind == 'a' ? "array" : t->kind == 's' ? "string"
		                 : t->kind == 'n' ? "numeric" : t->kind == 'z' ? "null" : "boolean";
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "cannot cast jsonb %s to type %s", kn, tname);
	}
	return t;
}

static Datum
jsonb_num(fn_call *c, const char *tname)
{
	const ty_jnode *n = jsonb_scalar(c, 'n', tname);
	return ty_numeric_from_cstring(pstrndup(n->str, (size_t)n->slen));
}

static Datum
ty_jsonb_numeric(fn_call *c)
{
	return jsonb_num(c, "numeric");
}

static Datum
ty_jsonb_int2(fn_call *c)
{
	return Int16GetDatum(ty_numeric_to_int16(jsonb_num(c, "smallint")));
}

static Datum
ty_jsonb_int4(fn_call *c)
{
	return Int32GetDatum(ty_numeric_to_int32(jsonb_num(c, "integer")));
}

static Datum
ty_jsonb_int8(fn_call *c)
{
	return Int64GetDatum(ty_numeric_to_int64(jsonb_num(c, "bigint")));
}

static Datum
ty_jsonb_float8(fn_call *c)
{
	return Float8GetDatum(ty_numeric_to_double(jsonb_num(c, "double precision")));
}

static Datum
ty_jsonb_float4(fn_call *c)
{
	return Float4GetDatum((float)ty_numeric_to_double(jsonb_num(c, "real")));
}

static Datum
ty_jsonb_bool(fn_call *c)
{
	return BoolGetDatum(jsonb_scalar(c, 'b', "boolean")->kind == 't');
}

/* ---- uuid ---------------------------------------------------------------------------------- */

Datum
ty_uuid_make_v4(void)
{
	unsigned char *u = palloc(16);
	ty_random_bytes(u, 16);
	u[6] = (unsigned char)((u[6] & 0x0F) | 0x40);
	u[8] = (unsigned char)((u[8] & 0x3F) | 0x80);
	return PointerGetDatum(u);
}

static Datum
gen_random_uuid(fn_call *c)
{
	return ty_uuid_make_v4();
}

#define UCMP(name, OP)                                                                           \
	static Datum name(fn_call *c) { return BoolGetDatum(ty_cmp_uuid(ARG(0), ARG(1)) OP 0); }
UCMP(uuid_eq, ==)
UCMP(uuid_ne, !=)
UCMP(uuid_lt, <)
UCMP(uuid_le, <=)
UCMP(uuid_gt, >)
UCMP(uuid_ge, >=)

static Datum
uuid_cmp(fn_call *c)
{
	return Int32GetDatum(ty_cmp_uuid(ARG(0), ARG(1)));
}

/* ---- introspection ------------------------------------------------------------------------------ */

static Datum
pg_typeof(fn_call *c)
{
	return ObjectIdGetDatum(ARGTYPE(0));
}

static Datum
format_type_fn(fn_call *c)
{
	if (ARG_ISNULL(0))
		return fn_return_null(c);
	ty_buf b;
	ty_buf_init(&b, 32);
	if (ARG_ISNULL(1))
		ty_format_type_nomod(&b, ARG_OID(0));
	else
		ty_format_type_buf(&b, ARG_OID(0), ARG_INT32(1));
	return ty_cstring_to_text(b.data);
}

static Datum
num_nulls(fn_call *c)
{
	int k = 0;
	for (int i = 0; i < c->nargs; i++)
		k += ARG_ISNULL(i);
	return Int32GetDatum(k);
}

static Datum
num_nonnulls(fn_call *c)
{
	int k = 0;
	for (int i = 0; i < c->nargs; i++)
		k += !ARG_ISNULL(i);
	return Int32GetDatum(k);
}

/* ---- the fragment ------------------------------------------------------------------------------- */

#define FA(name, args, ret, flags, impl, src) {name, args, ret, flags, impl, src, 0, 0, NULL, NULL}
#define CASTF(name, args, ret, impl) {name, args, ret, FN_STRICT | FN_CAST, impl, #impl, 0, 0, NULL, NULL}

static const ty_fndef fns[] = {
	F("array_eq", "anyarray,anyarray", "bool", array_eq),
	F("array_ne", "anyarray,anyarray", "bool", array_ne),
	F("array_lt", "anyarray,anyarray", "bool", array_lt),
	F("array_le", "anyarray,anyarray", "bool", array_le),
	F("array_gt", "anyarray,anyarray", "bool", array_gt),
	F("array_ge", "anyarray,anyarray", "bool", array_ge),
	F("btarraycmp", "anyarray,anyarray", "int4", btarraycmp),
	F("array_larger", "anyarray,anyarray", "anyarray", array_larger),
	F("array_smaller", "anyarray,anyarray", "anyarray", array_smaller),
	F("array_ndims", "anyarray", "int4", array_ndims),
	F("array_length", "anyarray,int4", "int4", array_length),
	F("array_lower", "anyarray,int4", "int4", array_lower),
	F("array_upper", "anyarray,int4", "int4", array_upper),
	FA("cardinality", "anyarray", "int4", FN_STRICT, array_cardinality, "array_cardinality"),
	F("array_dims", "anyarray", "text", array_dims),
	FA("array_append", "anycompatiblearray,anycompatible", "anycompatiblearray", 0, array_append, "array_append"),
	FA("array_prepend", "anycompatible,anycompatiblearray", "anycompatiblearray", 0, array_prepend, "array_prepend"),
	FA("array_cat", "anycompatiblearray,anycompatiblearray", "anycompatiblearray", 0, array_cat, "array_cat"),
	FA("array_position", "anycompatiblearray,anycompatible", "int4", 0, array_position, "array_position"),
	FA("array_position", "anycompatiblearray,anycompatible,int4", "int4", 0, array_position, "array_position_start"),
	FA("array_positions", "anycompatiblearray,anycompatible", "int4[]", 0, array_positions, "array_positions"),
	FA("array_remove", "anycompatiblearray,anycompatible", "anycompatiblearray", 0, array_remove, "array_remove"),
	FA("array_replace", "anycompatiblearray,anycompatible,anycompatible", "anycompatiblearray", 0, array_replace, "array_replace"),
	FA("array_to_string", "anyarray,text", "text", FN_STRICT | FV_STABLE, array_to_text, "array_to_text"),
	FA("array_to_string", "anyarray,text,text", "text", FV_STABLE, array_to_text, "array_to_text_null"),
	FA("string_to_array", "text,text", "text[]", 0, text_to_array, "text_to_array"),
	FA("string_to_array", "text,text,text", "text[]", 0, text_to_array, "text_to_array_null"),
	F("arraycontains", "anyarray,anyarray", "bool", arraycontains),
	F("arraycontained", "anyarray,anyarray", "bool", arraycontained),
	F("arrayoverlap", "anyarray,anyarray", "bool", arrayoverlap),
	FA("unnest", "anyarray", "setof anyelement", FN_STRICT | FN_RETSET, array_unnest, "array_unnest"),
	FA("generate_subscripts", "anyarray,int4", "setof int4", FN_STRICT | FN_RETSET, generate_subscripts, "generate_subscripts"),
	FA("generate_subscripts", "anyarray,int4,bool", "setof int4", FN_STRICT | FN_RETSET, generate_subscripts, "generate_subscripts_rev"),
	FA("json_object_field", "json,text", "json", FN_STRICT, json_object_field, "json_object_field"),
	FA("json_object_field_text", "json,text", "text", FN_STRICT, json_object_field_text, "json_object_field_text"),
	FA("json_array_element", "json,int4", "json", FN_STRICT, json_array_element, "json_array_element"),
	FA("json_array_element_text", "json,int4", "text", FN_STRICT, json_array_element_text, "json_array_element_text"),
	FA("jsonb_object_field", "jsonb,text", "jsonb", FN_STRICT, json_object_field, "jsonb_object_field"),
	FA("jsonb_object_field_text", "jsonb,text", "text", FN_STRICT, json_object_field_text, "jsonb_object_field_text"),
	FA("jsonb_array_element", "jsonb,int4", "jsonb", FN_STRICT, json_array_element, "jsonb_array_element"),
	FA("jsonb_array_element_text", "jsonb,int4", "text", FN_STRICT, json_array_element_text, "jsonb_array_element_text"),
	FA("json_extract_path_op", "json,text[]", "json", FN_STRICT, json_extract_path_op, "json_extract_path_op"),
	FA("json_extract_path_text_op", "json,text[]", "text", FN_STRICT, json_extract_path_text_op, "json_extract_path_text_op"),
	FA("jsonb_extract_path_op", "jsonb,text[]", "jsonb", FN_STRICT, json_extract_path_op, "jsonb_extract_path_op"),
	FA("jsonb_extract_path_text_op", "jsonb,text[]", "text", FN_STRICT, json_extract_path_text_op, "jsonb_extract_path_text_op"),
	FA("json_typeof", "json", "text", FN_STRICT, json_typeof, "json_typeof"),
	FA("jsonb_typeof", "jsonb", "text", FN_STRICT, json_typeof, "jsonb_typeof"),
	FA("json_array_length", "json", "int4", FN_STRICT, json_array_length, "json_array_length"),
	FA("jsonb_array_length", "jsonb", "int4", FN_STRICT, json_array_length, "jsonb_array_length"),
	FA("json_object_keys", "json", "setof text", FN_STRICT | FN_RETSET, json_object_keys, "json_object_keys"),
	FA("jsonb_object_keys", "jsonb", "setof text", FN_STRICT | FN_RETSET, json_object_keys, "jsonb_object_keys"),
	FA("to_json", "anyelement", "json", FN_STRICT | FV_STABLE, to_json_fn, "to_json"),
	FA("to_jsonb", "anyelement", "jsonb", FN_STRICT | FV_STABLE, to_jsonb_fn, "to_jsonb"),
	FA("json_build_object", "...any", "json", FV_STABLE, json_build_object, "json_build_object"),
	FA("json_build_object", "", "json", FV_STABLE, json_build_object, "json_build_object_noargs"),
	FA("jsonb_build_object", "...any", "jsonb", FV_STABLE, jsonb_build_object, "jsonb_build_object"),
	FA("jsonb_build_object", "", "jsonb", FV_STABLE, jsonb_build_object, "jsonb_build_object_noargs"),
	FA("json_build_array", "...any", "json", FV_STABLE, json_build_array, "json_build_array"),
	FA("json_build_array", "", "json", FV_STABLE, json_build_array, "json_build_array_noargs"),
	FA("jsonb_build_array", "...any", "jsonb", FV_STABLE, jsonb_build_array, "jsonb_build_array"),
	FA("jsonb_build_array", "", "jsonb", FV_STABLE, jsonb_build_array, "jsonb_build_array_noargs"),
	F("jsonb_pretty", "jsonb", "text", jsonb_pretty),
	F("jsonb_eq", "jsonb,jsonb", "bool", jsonb_eq),
	F("jsonb_ne", "jsonb,jsonb", "bool", jsonb_ne),
	F("jsonb_lt", "jsonb,jsonb", "bool", jsonb_lt),
	F("jsonb_le", "jsonb,jsonb", "bool", jsonb_le),
	F("jsonb_gt", "jsonb,jsonb", "bool", jsonb_gt),
	F("jsonb_ge", "jsonb,jsonb", "bool", jsonb_ge),
	F("jsonb_cmp", "jsonb,jsonb", "int4", jsonb_cmp),
	F("jsonb_contains", "jsonb,jsonb", "bool", jsonb_contains),
	F("jsonb_contained", "jsonb,jsonb", "bool", jsonb_contained),
	F("jsonb_exists", "jsonb,text", "bool", jsonb_exists),
	F("jsonb_exists_any", "jsonb,text[]", "bool", jsonb_exists_any),
	F("jsonb_exists_all", "jsonb,text[]", "bool", jsonb_exists_all),
	F("jsonb_concat", "jsonb,jsonb", "jsonb", jsonb_concat),
	F("jsonb_delete", "jsonb,text", "jsonb", jsonb_delete),
	CASTF("numeric", "jsonb", "numeric", ty_jsonb_numeric),
	CASTF("int2", "jsonb", "int2", ty_jsonb_int2),
	CASTF("int4", "jsonb", "int4", ty_jsonb_int4),
	CASTF("int8", "jsonb", "int8", ty_jsonb_int8),
	CASTF("float8", "jsonb", "float8", ty_jsonb_float8),
	CASTF("float4", "jsonb", "float4", ty_jsonb_float4),
	CASTF("bool", "jsonb", "bool", ty_jsonb_bool),
	FA("gen_random_uuid", "", "uuid", FV_VOLATILE, gen_random_uuid, "gen_random_uuid"),
	F("uuid_eq", "uuid,uuid", "bool", uuid_eq),
	F("uuid_ne", "uuid,uuid", "bool", uuid_ne),
	F("uuid_lt", "uuid,uuid", "bool", uuid_lt),
	F("uuid_le", "uuid,uuid", "bool", uuid_le),
	F("uuid_gt", "uuid,uuid", "bool", uuid_gt),
	F("uuid_ge", "uuid,uuid", "bool", uuid_ge),
	F("uuid_cmp", "uuid,uuid", "int4", uuid_cmp),
	FA("pg_typeof", "any", "regtype", FV_STABLE, pg_typeof, "pg_typeof"),
	FA("format_type", "oid,int4", "text", FV_STABLE, format_type_fn, "format_type"),
	FA("num_nulls", "...any", "int4", 0, num_nulls, "pg_num_nulls"),
	FA("num_nonnulls", "...any", "int4", 0, num_nonnulls, "pg_num_nonnulls"),
};

static const ty_opdef ops[] = {
	{"=", "anyarray", "anyarray", "array_eq"},
	{"<>", "anyarray", "anyarray", "array_ne"},
	{"<", "anyarray", "anyarray", "array_lt"},
	{"<=", "anyarray", "anyarray", "array_le"},
	{">", "anyarray", "anyarray", "array_gt"},
	{">=", "anyarray", "anyarray", "array_ge"},
	{"||", "anycompatiblearray", "anycompatible", "array_append"},
	{"||", "anycompatible", "anycompatiblearray", "array_prepend"},
	{"||", "anycompatiblearray", "anycompatiblearray", "array_cat"},
	{"@>", "anyarray", "anyarray", "arraycontains"},
	{"<@", "anyarray", "anyarray", "arraycontained"},
	{"&&", "anyarray", "anyarray", "arrayoverlap"},
	{"->", "json", "text", "json_object_field"},
	{"->>", "json", "text", "json_object_field_text"},
	{"->", "json", "int4", "json_array_element"},
	{"->>", "json", "int4", "json_array_element_text"},
	{"->", "jsonb", "text", "jsonb_object_field"},
	{"->>", "jsonb", "text", "jsonb_object_field_text"},
	{"->", "jsonb", "int4", "jsonb_array_element"},
	{"->>", "jsonb", "int4", "jsonb_array_element_text"},
	{"#>", "json", "text[]", "json_extract_path_op"},
	{"#>>", "json", "text[]", "json_extract_path_text_op"},
	{"#>", "jsonb", "text[]", "jsonb_extract_path_op"},
	{"#>>", "jsonb", "text[]", "jsonb_extract_path_text_op"},
	{"=", "jsonb", "jsonb", "jsonb_eq"},
	{"<>", "jsonb", "jsonb", "jsonb_ne"},
	{"<", "jsonb", "jsonb", "jsonb_lt"},
	{"<=", "jsonb", "jsonb", "jsonb_le"},
	{">", "jsonb", "jsonb", "jsonb_gt"},
	{">=", "jsonb", "jsonb", "jsonb_ge"},
	{"@>", "jsonb", "jsonb", "jsonb_contains"},
	{"<@", "jsonb", "jsonb", "jsonb_contained"},
	{"?", "jsonb", "text", "jsonb_exists"},
	{"?|", "jsonb", "text[]", "jsonb_exists_any"},
	{"?&", "jsonb", "text[]", "jsonb_exists_all"},
	{"||", "jsonb", "jsonb", "jsonb_concat"},
	{"-", "jsonb", "text", "jsonb_delete"},
	{"=", "uuid", "uuid", "uuid_eq"},
	{"<>", "uuid", "uuid", "uuid_ne"},
	{"<", "uuid", "uuid", "uuid_lt"},
	{"<=", "uuid", "uuid", "uuid_le"},
	{">", "uuid", "uuid", "uuid_gt"},
	{">=", "uuid", "uuid", "uuid_ge"},
};

const ty_fragment ty_frag_misc = {fns, NELEM(fns), ops, NELEM(ops), NULL, 0};
