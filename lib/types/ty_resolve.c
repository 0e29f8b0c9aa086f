/*
 * ty_resolve.c — PostgreSQL's overload resolution ("Type Conversion" chapter): exact match,
 * coercion-request detection, elimination of candidates that cannot take the inputs by
 * implicit casts, then the heuristics of func_select_candidate (most exact matches, most
 * preferred types, category of unknown literals with the bias to STRING, the last-gasp
 * "unknowns are the known type" rule), polymorphic type resolution, and
 * select_common_type for UNION/CASE/ARRAY/VALUES/COALESCE.
 */
#include <stdio.h>

#include "types/resolve.h"
#include "types/ty_catdef.h"

void ty_format_type_nomod(ty_buf *b, Oid type);

char
ty_category(Oid t)
{
	const ty_type *ty = ty_get(t);
	return ty ? ty->category : TYPCAT_USER;
}

bool
ty_is_preferred(Oid t)
{
	const ty_type *ty = ty_get(t);
	return ty && ty->preferred;
}

bool
ty_is_polymorphic(Oid t)
{
	return t == ANYELEMENTOID || t == ANYARRAYOID || t == ANYNONARRAYOID ||
	       t == ANYCOMPATIBLEOID || t == ANYCOMPATIBLEARRAYOID || t == ANYCOMPATIBLENONARRAYOID;
}

static bool
is_family1(Oid t)
{
	return t == ANYELEMENTOID || t == ANYARRAYOID || t == ANYNONARRAYOID;
}

static bool
is_family2(Oid t)
{
	return t == ANYCOMPATIBLEOID || t == ANYCOMPATIBLEARRAYOID || t == ANYCOMPATIBLENONARRAYOID;
}

static bool
is_array_type(Oid t)
{
	return ty_elem_of(t) != InvalidOid;
}

/* ---- common type -------------------------------------------------------------------------- */

static bool
can_coerce1(Oid from, Oid to)
{
	return ty_can_coerce(1, &from, &to, COERCION_IMPLICIT);
}

/* select_common_type; context NULL = return InvalidOid instead of raising */
static Oid
common_type(int n, const Oid *types, const char *context, const int *locations)
{
	if (n == 0)
		return TEXTOID;
	Oid ptype = types[0];
	int i = 1;
	if (ptype != UNKNOWNOID) {
		while (i < n && types[i] == ptype)
			i++;
		if (i == n)
			return ptype;
	}
	char pcat = ty_category(ptype);
	bool ppref = ty_is_preferred(ptype);
	for (; i < n; i++) {
		Oid nt = types[i];
		if (nt == UNKNOWNOID || nt == ptype)
			continue;
		char ncat = ty_category(nt);
		bool npref = ty_is_preferred(nt);
		if (ptype == UNKNOWNOID) {
			ptype = nt;
			pcat = ncat;
			ppref = npref;
		} else if (ncat != pcat) {
			if (!context)
				return InvalidOid;
			ERR_BEGIN(ERRCODE_DATATYPE_MISMATCH);
			if (locations && locations[i] > 0)
				err_position(locations[i]);
			ty_buf a, b;
			ty_buf_init(&a, 32);
			ty_buf_init(&b, 32);
			ty_format_type_nomod(&a, ptype);
			ty_format_type_nomod(&b, nt);
			err_throw("%s types %s and %s cannot be matched", context, a.data, b.data);
		} else if (!ppref && can_coerce1(ptype, nt) && !can_coerce1(nt, ptype)) {
			ptype = nt;
			pcat = ncat;
			ppref = npref;
		}
	}
	if (ptype == UNKNOWNOID)
		ptype = TEXTOID;
	return ptype;
}

Oid
ty_select_common_type(int n, const Oid *types, const char *context, const int *locations)
{
	ty_init();
	Oid t = common_type(n, types, context ? context : "UNION", locations);
	for (int i = 0; i < n; i++) {
		if (types[i] == t || types[i] == UNKNOWNOID)
			continue;
		if (!can_coerce1(types[i], t)) {
			ERR_BEGIN(ERRCODE_CANNOT_COERCE);
			if (locations && locations[i] > 0)
				err_position(locations[i]);
			ty_buf a, b;
			ty_buf_init(&a, 32);
			ty_buf_init(&b, 32);
			ty_format_type_nomod(&a, types[i]);
			ty_format_type_nomod(&b, t);
			err_throw("%s could not convert type %s to %s", context ? context : "UNION", a.data,
			          b.data);
		}
	}
	return t;
}

int32_t
ty_select_common_typmod(int n, const Oid *types, const int32_t *typmods, Oid common)
{
	int32_t tm = -1;
	for (int i = 0; i < n; i++) {
		if (types[i] != common)
			return -1;
		if (i == 0)
			tm = typmods[i];
		else if (typmods[i] != tm)
			return -1;
	}
	return tm;
}

/* ---- polymorphism ------------------------------------------------------------------------- */

/* Consistency of actual types against polymorphic declared ones (check_generic_type_consistency). */
bool ty_check_generic_consistency(int n, const Oid *src, const Oid *tgt);
bool
ty_check_generic_consistency(int n, const Oid *src, const Oid *tgt)
{
	Oid elem = InvalidOid, arr = InvalidOid;
	bool have_nonarray = false;
	int ncompat = 0;
	Oid compat[FUNC_MAX_ARGS];
	for (int i = 0; i < n; i++) {
		Oid s = src[i], t = tgt[i];
		if (t == ANYELEMENTOID || t == ANYNONARRAYOID) {
			if (t == ANYNONARRAYOID)
				have_nonarray = true;
			if (s == UNKNOWNOID)
				continue;
			if (elem && s != elem)
				return false;
			elem = s;
		} else if (t == ANYARRAYOID) {
			if (s == UNKNOWNOID)
				continue;
			if (arr && s != arr)
				return false;
			arr = s;
		} else if (t == ANYCOMPATIBLEOID || t == ANYCOMPATIBLENONARRAYOID) {
			if (s != UNKNOWNOID)
				compat[ncompat++] = s;
		} else if (t == ANYCOMPATIBLEARRAYOID) {
			if (s == UNKNOWNOID)
				continue;
			Oid e = ty_elem_of(s);
			if (!e)
				return false;
			compat[ncompat++] = e;
		}
	}
	if (arr) {
		Oid ae = ty_elem_of(arr);
		if (!ae)
			return false;
		if (elem && elem != ae)
			return false;
		elem = ae;
	}
	if (have_nonarray && elem && is_array_type(elem))
		return false;
	if (ncompat > 0 && common_type(ncompat, compat, NULL, NULL) == InvalidOid)
		return false;
	return true;
}

/* enforce_generic_type_consistency: fill declared[] with concrete types, return rettype. */
static Oid
resolve_polymorphic(int n, const Oid *actual, Oid *declared, Oid rettype)
{
	Oid elem = InvalidOid, arr = InvalidOid;
	bool any1 = false, any2 = false;
	int ncompat = 0;
	Oid compat[FUNC_MAX_ARGS];
	for (int i = 0; i < n; i++) {
		Oid t = declared[i], s = actual[i];
		if (is_family1(t)) {
			any1 = true;
			if (s == UNKNOWNOID)
				continue;
			if (t == ANYARRAYOID)
				arr = s;
			else
				elem = s;
		} else if (is_family2(t)) {
			any2 = true;
			if (s == UNKNOWNOID)
				continue;
			compat[ncompat++] = t == ANYCOMPATIBLEARRAYOID ? ty_elem_of(s) : s;
		}
	}
	if (!any1 && !any2 && !ty_is_polymorphic(rettype))
		return rettype;
	if (arr) {
		Oid ae = ty_elem_of(arr);
		if (!ae)
			ph_error(ERRCODE_DATATYPE_MISMATCH, "argument declared %s is not an array but type %s",
			         "anyarray", ty_format_type(arr, -1));
		elem = ae;
	}
	if (any1 || is_family1(rettype)) {
		if (!elem) {
			if (any1)
				ph_error(ERRCODE_DATATYPE_MISMATCH,
				         "could not determine polymorphic type because input has type %s", "unknown");
		}
		if (elem && !arr) {
			arr = ty_array_of(elem);
			if (!arr && (rettype == ANYARRAYOID || any1))
				for (int i = 0; i < n; i++)
					if (declared[i] == ANYARRAYOID)
						ph_error(ERRCODE_UNDEFINED_OBJECT, "could not find array type for data type %s",
						         ty_format_type(elem, -1));
		}
	}
	Oid celem = InvalidOid, carr = InvalidOid;
	if (any2) {
		celem = ncompat ? common_type(ncompat, compat, "anycompatible", NULL) : TEXTOID;
		carr = ty_array_of(celem);
	}
	for (int i = 0; i < n; i++) {
		switch (declared[i]) {
		case ANYELEMENTOID:
		case ANYNONARRAYOID:
			declared[i] = elem;
			break;
		case ANYARRAYOID:
			declared[i] = arr;
			break;
		case ANYCOMPATIBLEOID:
		case ANYCOMPATIBLENONARRAYOID:
			declared[i] = celem;
			break;
		case ANYCOMPATIBLEARRAYOID:
			declared[i] = carr;
			break;
		default:
			break;
		}
	}
	switch (rettype) {
	case ANYELEMENTOID:
	case ANYNONARRAYOID:
		if (!elem)
			ph_error(ERRCODE_DATATYPE_MISMATCH,
			         "could not determine polymorphic type because input has type %s", "unknown");
		return elem;
	case ANYARRAYOID:
		if (!arr)
			ph_error(ERRCODE_DATATYPE_MISMATCH,
			         "could not determine polymorphic type because input has type %s", "unknown");
		return arr;
	case ANYCOMPATIBLEOID:
	case ANYCOMPATIBLENONARRAYOID:
		return celem;
	case ANYCOMPATIBLEARRAYOID:
		return carr;
	default:
		return rettype;
	}
}

/* ---- candidate selection ------------------------------------------------------------------ */

typedef struct cand {
	const ty_func *fn;
	const ty_oper *op;
	Oid args[FUNC_MAX_ARGS];  /* expanded signature for nargs */
	int nvariadic;
	int ndefaults;
} cand;

static bool
preferred_in(char cat, Oid t)
{
	const ty_type *ty = ty_get(t);
	if (!ty)
		return false;
	return (cat == ty->category) ? ty->preferred : false;
}

/* PostgreSQL's func_select_candidate over cs[0..nc); returns index or -1. */
static int
select_candidate(int nargs, const Oid *input, cand *cs, int nc)
{
	int *idx = palloc(sizeof(int) * (size_t)(nc + 1));
	int n = 0, best = 0;
	int nunknowns = 0;
	for (int i = 0; i < nargs; i++)
		if (input[i] == UNKNOWNOID)
			nunknowns++;
	/* most exact matches */
	for (int k = 0; k < nc; k++) {
		int m = 0;
		for (int i = 0; i < nargs; i++)
			if (input[i] != UNKNOWNOID && cs[k].args[i] == input[i])
				m++;
		if (m > best || n == 0) {
			best = m;
			n = 0;
			idx[n++] = k;
		} else if (m == best)
			idx[n++] = k;
	}
	if (n == 1)
		return idx[0];
	/* exact or preferred (same category) */
	char cat[FUNC_MAX_ARGS];
	for (int i = 0; i < nargs; i++)
		cat[i] = ty_category(input[i]);
	int *idx2 = palloc(sizeof(int) * (size_t)(nc + 1));
	int n2 = 0;
	best = 0;
	for (int j = 0; j < n; j++) {
		int k = idx[j], m = 0;
		for (int i = 0; i < nargs; i++)
			if (input[i] != UNKNOWNOID &&
			    (cs[k].args[i] == input[i] || preferred_in(cat[i], cs[k].args[i])))
				m++;
		if (m > best || n2 == 0) {
			best = m;
			n2 = 0;
			idx2[n2++] = k;
		} else if (m == best)
			idx2[n2++] = k;
	}
	if (n2 == 1)
		return idx2[0];
	memcpy(idx, idx2, sizeof(int) * (size_t)n2);
	n = n2;
	if (nunknowns == 0)
		return -1;
	/* categories at unknown positions */
	bool resolved = true;
	char slotcat[FUNC_MAX_ARGS];
	bool slotpref[FUNC_MAX_ARGS];
	for (int i = 0; i < nargs; i++) {
		if (input[i] != UNKNOWNOID)
			continue;
		slotcat[i] = 0;
		slotpref[i] = false;
		bool conflict = false;
		for (int j = 0; j < n; j++) {
			Oid t = cs[idx[j]].args[i];
			char c = ty_category(t);
			bool p = ty_is_preferred(t);
			if (slotcat[i] == 0) {
				slotcat[i] = c;
				slotpref[i] = p;
			} else if (c == slotcat[i])
				slotpref[i] |= p;
			else if (c == TYPCAT_STRING) {
				slotcat[i] = c;
				slotpref[i] = p;
			} else
				conflict = true;
		}
		if (conflict && slotcat[i] != TYPCAT_STRING) {
			resolved = false;
			break;
		}
	}
	if (resolved) {
		int *keep = palloc(sizeof(int) * (size_t)(nc + 1)), nk = 0;
		for (int j = 0; j < n; j++) {
			bool ok = true;
			for (int i = 0; i < nargs && ok; i++) {
				if (input[i] != UNKNOWNOID)
					continue;
				Oid t = cs[idx[j]].args[i];
				if (ty_category(t) != slotcat[i])
					ok = false;
				else if (slotpref[i] && !ty_is_preferred(t))
					ok = false;
			}
			if (ok)
				keep[nk++] = idx[j];
		}
		if (nk > 0) {
			memcpy(idx, keep, sizeof(int) * (size_t)nk);
			n = nk;
		}
		if (n == 1)
			return idx[0];
	}
	/* last gasp: unknowns take the single known type */
	if (nunknowns < nargs) {
		Oid known = UNKNOWNOID;
		for (int i = 0; i < nargs; i++) {
			if (input[i] == UNKNOWNOID)
				continue;
			if (known == UNKNOWNOID)
				known = input[i];
			else if (known != input[i]) {
				known = UNKNOWNOID;
				break;
			}
		}
		if (known != UNKNOWNOID) {
			Oid in2[FUNC_MAX_ARGS];
			for (int i = 0; i < nargs; i++)
				in2[i] = known;
			int found = -1, cnt = 0;
			for (int j = 0; j < n; j++)
				if (ty_can_coerce(nargs, in2, cs[idx[j]].args, COERCION_IMPLICIT)) {
					if (++cnt > 1)
						break;
					found = idx[j];
				}
			if (cnt == 1)
				return found;
		}
	}
	return -1;
}

/* Choose among candidates; returns index, -1 none, -2 ambiguous. */
static int
choose(int nargs, const Oid *input, cand *cs, int nc)
{
	/* exact match */
	for (int k = 0; k < nc; k++) {
		bool ok = true;
		for (int i = 0; i < nargs && ok; i++)
			ok = cs[k].args[i] == input[i];
		if (ok)
			return k;
	}
	/* keep those that can take the inputs */
	cand *ok = palloc(sizeof(cand) * (size_t)(nc > 0 ? nc : 1));
	int *map = palloc(sizeof(int) * (size_t)(nc + 1));
	int n = 0;
	for (int k = 0; k < nc; k++)
		if (ty_can_coerce(nargs, input, cs[k].args, COERCION_IMPLICIT)) {
			ok[n] = cs[k];
			map[n++] = k;
		}
	if (n == 0)
		return -1;
	if (n == 1)
		return map[0];
	int r = select_candidate(nargs, input, ok, n);
	return r < 0 ? -2 : map[r];
}

static void
fill_resolution(ty_resolution *out, const cand *c, int nargs, const Oid *input)
{
	memset(out, 0, offsetof(ty_resolution, argtarget));
	out->fn = c->fn;
	out->op = c->op;
	out->nargs = nargs;
	out->nvariadic = c->nvariadic;
	out->ndefaults = c->ndefaults;
	Oid declared[FUNC_MAX_ARGS];
	for (int i = 0; i < nargs; i++)
		declared[i] = c->args[i];
	out->rettype = resolve_polymorphic(nargs, input, declared, c->fn->rettype);
	for (int i = 0; i < nargs; i++) {
		Oid d = declared[i];
		/* unknown literals given to "any" stay unknown, as in PostgreSQL */
		out->argtarget[i] = (d == ANYOID) ? input[i] : d;
	}
}

/* ---- operators ------------------------------------------------------------------------------- */

static void
oper_name_error(const char *code, const char *fmt_kind, const char *name, Oid left, Oid right,
                int location, const char *hint)
{
	ty_buf b;
	ty_buf_init(&b, 64);
	if (left != InvalidOid) {
		ty_format_type_nomod(&b, left);
		ty_buf_putc(&b, ' ');
	}
	ty_buf_puts(&b, name);
	ty_buf_putc(&b, ' ');
	ty_format_type_nomod(&b, right);
	ERR_BEGIN(code);
	if (location > 0)
		err_position(location);
	err_hint("%s", hint);
	err_throw(fmt_kind, b.data);
}

void
ty_resolve_operator(const char *name, Oid left, Oid right, int location, ty_resolution *out)
{
	ty_init();
	int n;
	const ty_oper *const *ops = ty_opers_named(name, &n);
	char kind = left == InvalidOid ? 'l' : 'b';
	/* binary_oper_exact: an unknown side takes the other side's type */
	if (kind == 'b') {
		Oid l = left, r = right;
		if (l == UNKNOWNOID && r != UNKNOWNOID)
			l = r;
		else if (r == UNKNOWNOID && l != UNKNOWNOID)
			r = l;
		for (int i = 0; i < n; i++)
			if (ops[i]->kind == 'b' && ops[i]->left == l && ops[i]->right == r) {
				cand c;
				memset(&c, 0, sizeof c);
				c.fn = ops[i]->fn;
				c.op = ops[i];
				c.args[0] = l;
				c.args[1] = r;
				Oid in[2] = {left, right};
				fill_resolution(out, &c, 2, in);
				return;
			}
	}
	cand *cs = palloc(sizeof(cand) * (size_t)(n > 0 ? n : 1));
	int nc = 0;
	for (int i = 0; i < n; i++) {
		if (ops[i]->kind != kind)
			continue;
		memset(&cs[nc], 0, sizeof(cand));
		cs[nc].fn = ops[i]->fn;
		cs[nc].op = ops[i];
		if (kind == 'b') {
			cs[nc].args[0] = ops[i]->left;
			cs[nc].args[1] = ops[i]->right;
		} else
			cs[nc].args[0] = ops[i]->right;
		nc++;
	}
	Oid in[2] = {left, right};
	const Oid *input = kind == 'b' ? in : &in[1];
	int nargs = kind == 'b' ? 2 : 1;
	int r = choose(nargs, input, cs, nc);
	if (r == -1)
		oper_name_error(ERRCODE_UNDEFINED_FUNCTION, "operator does not exist: %s", name, left, right,
		                location,
		                kind == 'b' ? "No operator matches the given name and argument types. You "
		                              "might need to add explicit type casts."
		                            : "No operator matches the given name and argument type. You "
		                              "might need to add an explicit type cast.");
	if (r == -2)
		oper_name_error(ERRCODE_AMBIGUOUS_FUNCTION, "operator is not unique: %s", name, left, right,
		                location,
		                "Could not choose a best candidate operator. You might need to add explicit "
		                "type casts.");
	fill_resolution(out, &cs[r], nargs, input);
	pfree(cs);
}

/* ---- functions ------------------------------------------------------------------------------- */

static char *
func_signature(const char *name, int nargs, const Oid *types)
{
	ty_buf b;
	ty_buf_init(&b, 64);
	ty_buf_puts(&b, name);
	ty_buf_putc(&b, '(');
	for (int i = 0; i < nargs; i++) {
		if (i)
			ty_buf_puts(&b, ", ");
		ty_format_type_nomod(&b, types[i]);
	}
	ty_buf_putc(&b, ')');
	return b.data;
}

static bool
resolve_function(const char *name, int nargs, const Oid *argtypes, int location,
                 ty_resolution *out, bool raise_missing)
{
	ty_init();
	if (nargs > FUNC_MAX_ARGS)
		ph_error(ERRCODE_TOO_MANY_ARGUMENTS, "cannot pass more than %d arguments to a function",
		         FUNC_MAX_ARGS);
	int n;
	const ty_func *const *fs = ty_funcs_named(name, &n);
	cand *cs = palloc(sizeof(cand) * (size_t)(n > 0 ? n : 1));
	int nc = 0;
	for (int i = 0; i < n; i++) {
		const ty_func *f = fs[i];
		if (f->flags & FN_NOSQL)
			continue;
		cand *c = &cs[nc];
		memset(c, 0, sizeof(cand));
		c->fn = f;
		if (f->flags & FN_VARIADIC) {
			/* at least one argument goes to the variadic parameter */
			if (nargs < f->nargs)
				continue;
			for (int k = 0; k < nargs; k++)
				c->args[k] = k < f->nargs - 1 ? f->argtypes[k] : f->argtypes[f->nargs - 1];
			c->nvariadic = nargs - (f->nargs - 1);
		} else if (nargs == f->nargs) {
			for (int k = 0; k < nargs; k++)
				c->args[k] = f->argtypes[k];
		} else if (nargs < f->nargs && f->nargs - nargs <= f->ndefaults) {
			for (int k = 0; k < nargs; k++)
				c->args[k] = f->argtypes[k];
			c->ndefaults = f->nargs - nargs;
		} else
			continue;
		nc++;
	}
	/* exact match first */
	for (int k = 0; k < nc; k++) {
		bool ok = true;
		for (int i = 0; i < nargs && ok; i++)
			ok = cs[k].args[i] == argtypes[i];
		if (ok) {
			fill_resolution(out, &cs[k], nargs, argtypes);
			pfree(cs);
			return true;
		}
	}
	/* a one-argument call whose name is a type: a coercion request */
	if (nargs == 1) {
		const ty_type *tt = ty_lookup_name(name);
		if (tt && tt->typtype == 'b') {
			bool coercion = argtypes[0] == UNKNOWNOID;
			if (!coercion) {
				ty_castpath p;
				if (ty_cast_find(argtypes[0], tt->oid, COERCION_EXPLICIT, &p))
					coercion = p.kind == CASTPATH_RELABEL || p.kind == CASTPATH_IO;
			}
			if (coercion) {
				memset(out, 0, offsetof(ty_resolution, argtarget));
				out->nargs = 1;
				out->argtarget[0] = argtypes[0];
				out->rettype = tt->oid;
				pfree(cs);
				return true;
			}
		}
	}
	int r = choose(nargs, argtypes, cs, nc);
	if (r == -1) {
		pfree(cs);
		if (!raise_missing)
			return false;
		ERR_BEGIN(ERRCODE_UNDEFINED_FUNCTION);
		if (location > 0)
			err_position(location);
		err_hint("No function matches the given name and argument types. You might need to add "
		         "explicit type casts.");
		err_throw("function %s does not exist", func_signature(name, nargs, argtypes));
	}
	if (r == -2) {
		ERR_BEGIN(ERRCODE_AMBIGUOUS_FUNCTION);
		if (location > 0)
			err_position(location);
		err_hint("Could not choose a best candidate function. You might need to add explicit "
		         "type casts.");
		err_throw("function %s is not unique", func_signature(name, nargs, argtypes));
	}
	fill_resolution(out, &cs[r], nargs, argtypes);
	pfree(cs);
	return true;
}

void
ty_resolve_function(const char *name, int nargs, const Oid *argtypes, int location,
                    ty_resolution *out)
{
	resolve_function(name, nargs, argtypes, location, out, true);
}

bool
ty_try_resolve_function(const char *name, int nargs, const Oid *argtypes, int location,
                        ty_resolution *out)
{
	return resolve_function(name, nargs, argtypes, location, out, false);
}
