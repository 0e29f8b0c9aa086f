/*
 * ty_catalog.c — builds the tables of built-in functions, operators and aggregates from the
 * fragments each file of lib/types declares (ty_catdef.h), indexes them by name and oid, and
 * provides the calling helpers of fn.h.
 *
 * OIDs: functions get 10000 + their position, operators 14000 + theirs (below 16384, where
 * PostgreSQL starts user objects, and clear of the type OIDs in datum.h).  They are stable
 * for a given build; nothing persistent may store them.
 */
#include <stdio.h>
#include <stdlib.h>

#include "types/ty_catdef.h"

#define FUNC_OID_BASE 10000
#define OPER_OID_BASE 14000

static ty_func *funcs;
static int nfuncs;
static ty_oper *opers;
static int nopers;
static ty_agg *aggs;
static int naggs;

/* name index: sorted pointer arrays + open-addressing hash of name -> [start, count) */
typedef struct name_slot {
	const char *name;
	int start, count;
} name_slot;

static const ty_func **fsorted;
static const ty_oper **osorted;
static name_slot *fhash, *ohash;
static int fhsize, ohsize;

static uint32_t
str_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static Oid
type_from_name(const char *s, const char *where)
{
	while (*s == ' ')
		s++;
	if (strcmp(s, "any") == 0)
		return ANYOID;
	const ty_type *t = ty_lookup_name(s);
	if (!t)
		ph_panic("lib/types: unknown type \"%s\" in the definition of %s", s, where);
	return t->oid;
}

static void
parse_args(const char *args, ty_func *f)
{
	f->nargs = 0;
	if (!args || !*args)
		return;
	char buf[256];
	snprintf(buf, sizeof buf, "%s", args);
	char *save = NULL;
	for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		if (f->nargs >= FN_MAXARGS)
			ph_panic("lib/types: too many arguments for %s", f->prosrc);
		if (strncmp(tok, "...", 3) == 0) {
			f->flags |= FN_VARIADIC;
			tok += 3;
		}
		f->argtypes[f->nargs++] = type_from_name(tok, f->prosrc);
	}
}

static int
cmp_func_name(const void *a, const void *b)
{
	const ty_func *x = *(const ty_func *const *)a, *y = *(const ty_func *const *)b;
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	return (x->oid > y->oid) - (x->oid < y->oid);
}

static int
cmp_oper_name(const void *a, const void *b)
{
	const ty_oper *x = *(const ty_oper *const *)a, *y = *(const ty_oper *const *)b;
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	return (x->oid > y->oid) - (x->oid < y->oid);
}

static void
build_hash(name_slot **tab, int *size, const void *const *sorted, int n, bool is_func)
{
	int sz = 64;
	while (sz < n * 2)
		sz *= 2;
	name_slot *h = mem_zalloc(mem_top, sizeof(name_slot) * (size_t)sz);
	for (int i = 0; i < n;) {
		const char *nm = is_func ? ((const ty_func *)sorted[i])->name : ((const ty_oper *)sorted[i])->name;
		int j = i;
		while (j < n && strcmp(nm, is_func ? ((const ty_func *)sorted[j])->name
		                                  : ((const ty_oper *)sorted[j])->name) == 0)
			j++;
		uint32_t s = str_hash(nm) & (uint32_t)(sz - 1);
		while (h[s].name)
			s = (s + 1) & (uint32_t)(sz - 1);
		h[s].name = nm;
		h[s].start = i;
		h[s].count = j - i;
		i = j;
	}
	*tab = h;
	*size = sz;
}

static const name_slot *
hash_find(const name_slot *h, int size, const char *name)
{
	if (!h)
		return NULL;
	uint32_t s = str_hash(name) & (uint32_t)(size - 1);
	while (h[s].name) {
		if (strcmp(h[s].name, name) == 0)
			return &h[s];
		s = (s + 1) & (uint32_t)(size - 1);
	}
	return NULL;
}

const ty_func *
ty_func_by_prosrc(const char *prosrc)
{
	for (int i = 0; i < nfuncs; i++)
		if (funcs[i].prosrc && strcmp(funcs[i].prosrc, prosrc) == 0)
			return &funcs[i];
	return NULL;
}

static char missing[1024];

static const ty_func *
must_prosrc(const char *prosrc, const char *where)
{
	const ty_func *f = ty_func_by_prosrc(prosrc);
	if (!f) {
		size_t l = strlen(missing);
		snprintf(missing + l, sizeof missing - l, " %s(%s)", prosrc, where);
		return &funcs[0];
	}
	return f;
}

static const char *
commutator_of(const char *op)
{
	static const char *const pairs[][2] = {{"=", "="}, {"<>", "<>"}, {"<", ">"}, {">", "<"},
	                                      {"<=", ">="}, {">=", "<="}, {"+", "+"}, {"*", "*"},
	                                      {"&", "&"}, {"|", "|"}, {"#", "#"}};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (strcmp(op, pairs[i][0]) == 0)
			return pairs[i][1];
	return NULL;
}

static const char *
negator_of(const char *op)
{
	static const char *const pairs[][2] = {{"=", "<>"}, {"<>", "="}, {"<", ">="}, {">=", "<"},
	                                      {">", "<="}, {"<=", ">"}, {"~~", "!~~"}, {"!~~", "~~"},
	                                      {"~~*", "!~~*"}, {"!~~*", "~~*"}, {"~", "!~"}, {"!~", "~"},
	                                      {"~*", "!~*"}, {"!~*", "~*"}};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (strcmp(op, pairs[i][0]) == 0)
			return pairs[i][1];
	return NULL;
}

void ty_catalog_init(void);

void
ty_catalog_init(void)
{
	const ty_fragment *frags[] = {&ty_frag_int, &ty_frag_float, &ty_frag_numeric, &ty_frag_text,
	                              &ty_frag_datetime, &ty_frag_formatting, &ty_frag_misc, &ty_frag_agg};
	int nfr = NELEM(frags);
	int nf = 0, no = 0, na = 0;
	for (int i = 0; i < nfr; i++) {
		nf += frags[i]->nfns;
		no += frags[i]->nops;
		na += frags[i]->naggs;
	}
	funcs = mem_zalloc(mem_top, sizeof(ty_func) * (size_t)(nf + na + 1));
	opers = mem_zalloc(mem_top, sizeof(ty_oper) * (size_t)(no + 1));
	aggs = mem_zalloc(mem_top, sizeof(ty_agg) * (size_t)(na + 1));
	/* functions */
	for (int i = 0; i < nfr; i++)
		for (int k = 0; k < frags[i]->nfns; k++) {
			const ty_fndef *d = &frags[i]->fns[k];
			ty_func *f = &funcs[nfuncs];
			f->oid = FUNC_OID_BASE + (Oid)nfuncs;
			f->name = d->name;
			f->flags = d->flags & 0xFF;
			f->volatility = (d->flags & FV_VOLATILE) ? FN_VOLATILE
			                : (d->flags & FV_STABLE) ? FN_STABLE : FN_IMMUTABLE;
			f->impl = d->impl;
			f->prosrc = d->prosrc;
			f->fastop = d->fastop;
			f->fastkind = d->fastkind;
			parse_args(d->args, f);
			const char *ret = d->ret;
			if (strncmp(ret, "setof ", 6) == 0) {
				f->flags |= FN_RETSET;
				ret += 6;
			}
			f->rettype = type_from_name(ret, d->prosrc);
			if (d->def1) {
				char *list = mem_strdup(mem_top, d->def1), *save = NULL;
				for (char *t = strtok_r(list, ",", &save); t && f->ndefaults < FN_MAXARGS;
				     t = strtok_r(NULL, ",", &save))
					f->defaults[f->ndefaults++] = t;
			}
			nfuncs++;
		}
	/* aggregates (each also a function) */
	for (int i = 0; i < nfr; i++)
		for (int k = 0; k < frags[i]->naggs; k++) {
			const ty_aggdef *d = &frags[i]->aggs[k];
			ty_func *f = &funcs[nfuncs];
			f->oid = FUNC_OID_BASE + (Oid)nfuncs;
			f->name = d->name;
			f->flags = FN_AGG;
			f->volatility = FN_IMMUTABLE;
			f->prosrc = "aggregate_dummy";
			parse_args(d->args, f);
			f->rettype = type_from_name(d->ret, d->name);
			nfuncs++;
			ty_agg *a = &aggs[naggs++];
			a->agg = f;
			a->count_star = d->args[0] == '\0';
			a->transtype = type_from_name(d->transtype, d->name);
			a->initval = d->initval;
			/* transition functions are resolved below, once all functions exist */
		}
	int ai = 0;
	for (int i = 0; i < nfr; i++)
		for (int k = 0; k < frags[i]->naggs; k++, ai++) {
			const ty_aggdef *d = &frags[i]->aggs[k];
			aggs[ai].transfn = must_prosrc(d->transfn, d->name);
			aggs[ai].finalfn = d->finalfn ? must_prosrc(d->finalfn, d->name) : NULL;
			aggs[ai].combinefn = d->combinefn ? must_prosrc(d->combinefn, d->name) : NULL;
		}
	/* operators */
	for (int i = 0; i < nfr; i++)
		for (int k = 0; k < frags[i]->nops; k++) {
			const ty_opdef *d = &frags[i]->ops[k];
			ty_oper *o = &opers[nopers];
			o->oid = OPER_OID_BASE + (Oid)nopers;
			o->name = d->name;
			o->kind = d->left ? 'b' : 'l';
			o->left = d->left ? type_from_name(d->left, d->prosrc) : InvalidOid;
			o->right = type_from_name(d->right, d->prosrc);
			o->fn = must_prosrc(d->prosrc, d->name);
			o->result = o->fn->rettype;
			nopers++;
		}
	if (missing[0])
		ph_panic("lib/types: definitions refer to unknown functions:%s", missing);
	/* sorted name indexes */
	fsorted = mem_alloc(mem_top, sizeof(ty_func *) * (size_t)(nfuncs + 1));
	for (int i = 0; i < nfuncs; i++)
		fsorted[i] = &funcs[i];
	qsort(fsorted, (size_t)nfuncs, sizeof(ty_func *), cmp_func_name);
	build_hash(&fhash, &fhsize, (const void *const *)fsorted, nfuncs, true);
	osorted = mem_alloc(mem_top, sizeof(ty_oper *) * (size_t)(nopers + 1));
	for (int i = 0; i < nopers; i++)
		osorted[i] = &opers[i];
	qsort(osorted, (size_t)nopers, sizeof(ty_oper *), cmp_oper_name);
	build_hash(&ohash, &ohsize, (const void *const *)osorted, nopers, false);
	/* commutators, negators, hash/merge flags */
	for (int i = 0; i < nopers; i++) {
		ty_oper *o = &opers[i];
		if (o->kind != 'b')
			continue;
		const char *c = commutator_of(o->name);
		if (c) {
			const ty_oper *co = ty_oper_exact(c, o->right, o->left);
			o->commutator = co ? co->oid : InvalidOid;
		}
		const char *n = negator_of(o->name);
		if (n) {
			const ty_oper *no2 = ty_oper_exact(n, o->left, o->right);
			o->negator = no2 ? no2->oid : InvalidOid;
		}
		if (strcmp(o->name, "=") == 0 && o->result == BOOLOID) {
			Oid fl = ty_hash_family(o->left), fr = ty_hash_family(o->right);
			const ty_type *tl = ty_get(o->left);
			o->canhash = fl == fr && tl && tl->hash && o->left != JSONOID;
			o->canmerge = tl && tl->cmp != NULL;
		}
	}
}

/* ---- lookups ------------------------------------------------------------------------------- */

const ty_func *const *
ty_funcs_named(const char *name, int *n)
{
	ty_init();
	const name_slot *s = hash_find(fhash, fhsize, name);
	if (!s) {
		*n = 0;
		return NULL;
	}
	*n = s->count;
	return &fsorted[s->start];
}

const ty_oper *const *
ty_opers_named(const char *name, int *n)
{
	ty_init();
	const name_slot *s = hash_find(ohash, ohsize, name);
	if (!s) {
		*n = 0;
		return NULL;
	}
	*n = s->count;
	return &osorted[s->start];
}

const ty_func *
ty_func_by_oid(Oid oid)
{
	ty_init();
	if (oid < FUNC_OID_BASE || oid >= FUNC_OID_BASE + (Oid)nfuncs)
		return NULL;
	return &funcs[oid - FUNC_OID_BASE];
}

const ty_oper *
ty_oper_by_oid(Oid oid)
{
	ty_init();
	if (oid < OPER_OID_BASE || oid >= OPER_OID_BASE + (Oid)nopers)
		return NULL;
	return &opers[oid - OPER_OID_BASE];
}

const ty_agg *
ty_agg_of(const ty_func *f)
{
	if (!f || !(f->flags & FN_AGG))
		return NULL;
	for (int i = 0; i < naggs; i++)
		if (aggs[i].agg == f)
			return &aggs[i];
	return NULL;
}

const ty_func *
ty_func_exact(const char *name, int nargs, const Oid *argtypes)
{
	int n;
	const ty_func *const *c = ty_funcs_named(name, &n);
	for (int i = 0; i < n; i++) {
		if (c[i]->nargs != nargs)
			continue;
		bool ok = true;
		for (int k = 0; k < nargs && ok; k++)
			ok = c[i]->argtypes[k] == argtypes[k];
		if (ok)
			return c[i];
	}
	return NULL;
}

const ty_oper *
ty_oper_exact(const char *name, Oid left, Oid right)
{
	int n;
	const ty_oper *const *c = ty_opers_named(name, &n);
	for (int i = 0; i < n; i++)
		if (c[i]->left == left && c[i]->right == right)
			return c[i];
	return NULL;
}

const ty_func *
ty_func_table(int *n)
{
	ty_init();
	*n = nfuncs;
	return funcs;
}

const ty_oper *
ty_oper_table(int *n)
{
	ty_init();
	*n = nopers;
	return opers;
}

const ty_agg *
ty_agg_table(int *n)
{
	ty_init();
	*n = naggs;
	return aggs;
}

const ty_oper *
ty_ordering_op(Oid type, bool descending)
{
	Oid t = type;
	if (ty_elem_of(type) && !ty_oper_exact("<", type, type))
		t = ANYARRAYOID;
	return ty_oper_exact(descending ? ">" : "<", t, t);
}

const ty_oper *
ty_equality_op(Oid type)
{
	Oid t = type;
	if (ty_elem_of(type) && !ty_oper_exact("=", type, type))
		t = ANYARRAYOID;
	return ty_oper_exact("=", t, t);
}

/* ---- calling ------------------------------------------------------------------------------- */

Datum
fn_invoke(fn_call *c)
{
	c->isnull = false;
	if (c->fn->flags & FN_STRICT) {
		for (int i = 0; i < c->nargs; i++)
			if (c->argnull && c->argnull[i]) {
				c->isnull = true;
				return 0;
			}
	}
	return c->fn->impl(c);
}

Datum
fn_call1(const ty_func *f, Datum a, bool *isnull)
{
	fn_call c;
	Datum args[1] = {a};
	bool nulls[1] = {false};
	fn_call_init(&c, f, 1, args, nulls, f->argtypes);
	c.rettype = f->rettype;
	Datum r = fn_invoke(&c);
	if (isnull)
		*isnull = c.isnull;
	return r;
}

Datum
fn_call2(const ty_func *f, Datum a, Datum b, bool *isnull)
{
	fn_call c;
	Datum args[2] = {a, b};
	bool nulls[2] = {false, false};
	fn_call_init(&c, f, 2, args, nulls, f->argtypes);
	c.rettype = f->rettype;
	Datum r = fn_invoke(&c);
	if (isnull)
		*isnull = c.isnull;
	return r;
}

Datum
ty_any_to_text(Datum v, Oid type)
{
	ty_buf b;
	ty_buf_init(&b, 32);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	ty_must(type)->out(&b, v, type);
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}
