/*
 * anl_seq.c — functions lib/types cannot provide because they need the catalog: the table
 * of extra functions (anl_function_register; the engine adds pg_get_userbyid,
 * pg_table_is_visible ... there), the sequence functions nextval(regclass),
 * currval(regclass), setval(regclass, bigint [, boolean]) and lastval() registered here,
 * and regclass literals.  lib/types cannot provide them
 * (sequences live in the catalog, which lib/types does not link), and serial and identity
 * columns need nextval for their defaults, so the analyzer supplies these table entries
 * when lib/types has none of the name.  A regclass literal ('t_a_seq'::regclass, or the
 * text argument of these functions) is resolved here at analysis through the statement's
 * search_path, as PostgreSQL's regclassin does when the parser folds the constant.
 */
#include <ctype.h>

#include "sql/analyze/anl_int.h"

static Datum
nextval_impl(fn_call *c)
{
	return Int64GetDatum(cat_seq_nextval(DatumGetObjectId(c->arg[0])));
}

static Datum
currval_impl(fn_call *c)
{
	return Int64GetDatum(cat_seq_currval(DatumGetObjectId(c->arg[0])));
}

static Datum
setval2_impl(fn_call *c)
{
	return Int64GetDatum(cat_seq_setval(DatumGetObjectId(c->arg[0]), DatumGetInt64(c->arg[1]), true));
}

static Datum
setval3_impl(fn_call *c)
{
	return Int64GetDatum(cat_seq_setval(DatumGetObjectId(c->arg[0]), DatumGetInt64(c->arg[1]),
	                                    DatumGetBool(c->arg[2])));
}

static Datum
lastval_impl(fn_call *c)
{
	(void)c;
	return Int64GetDatum(cat_seq_lastval());
}

/* PostgreSQL's pg_proc oids for these functions */
static const ty_func seqfuncs[] = {
	{1574, "nextval", 1, {REGCLASSOID}, INT8OID, FN_STRICT, FN_VOLATILE, nextval_impl, "nextval_oid",
	 0, 0, 0, {NULL, NULL}},
	{1575, "currval", 1, {REGCLASSOID}, INT8OID, FN_STRICT, FN_VOLATILE, currval_impl, "currval_oid",
	 0, 0, 0, {NULL, NULL}},
	{1576, "setval", 2, {REGCLASSOID, INT8OID}, INT8OID, FN_STRICT, FN_VOLATILE, setval2_impl,
	 "setval_oid", 0, 0, 0, {NULL, NULL}},
	{1765, "setval", 3, {REGCLASSOID, INT8OID, BOOLOID}, INT8OID, FN_STRICT, FN_VOLATILE,
	 setval3_impl, "setval3_oid", 0, 0, 0, {NULL, NULL}},
	{2559, "lastval", 0, {0}, INT8OID, 0, FN_VOLATILE, lastval_impl, "lastval", 0, 0, 0,
	 {NULL, NULL}},
};

#define MAX_EXTRA 512
static const ty_func *extra[MAX_EXTRA];
static int nextra;
static bool extra_inited;

static void
extra_init(void)
{
	if (extra_inited)
		return;
	extra_inited = true;
	for (size_t i = 0; i < sizeof seqfuncs / sizeof seqfuncs[0]; i++)
		extra[nextra++] = &seqfuncs[i];
}

void
anl_function_register(const struct ty_func *f)
{
	extra_init();
	for (int i = 0; i < nextra; i++)
		if (extra[i] == f)
			return;
	if (nextra == MAX_EXTRA)
		ph_error("54000", "too many functions registered with the analyzer");
	extra[nextra++] = f;
}

/* Whether an argument of type `have` (unknown: a literal) can be passed as `want`. */
static bool
arg_fits(Oid have, Oid want)
{
	if (have == want || have == UNKNOWNOID || want == ANYOID)
		return true;
	if (want == REGCLASSOID && (have == TEXTOID || have == OIDOID))
		return true;
	return ty_can_coerce(1, &have, &want, COERCION_IMPLICIT);
}

const ty_func *
anl_extra_function(const char *name, int nargs, const Oid *types)
{
	extra_init();
	int n;
	ty_funcs_named(name, &n);
	if (n > 0)
		return NULL;   /* lib/types has the name: ordinary resolution */
	const ty_func *best = NULL;
	int best_exact = -1;
	for (int i = 0; i < nextra; i++) {
		const ty_func *f = extra[i];
		if (strcmp(f->name, name) != 0 || nargs > f->nargs || nargs < f->nargs - f->ndefaults)
			continue;
		int exact = 0;
		bool ok = true;
		for (int k = 0; k < nargs && ok; k++) {
			ok = arg_fits(types[k], f->argtypes[k]);
			exact += types[k] == f->argtypes[k];
		}
		if (ok && exact > best_exact) {
			best = f;
			best_exact = exact;
		}
	}
	return best;
}

/* Split a regclass text ("s.t", "\"My Seq\"", "T") into schema and relation names, folding
 * unquoted parts to lower case as the parser does. */
static int
split_name(const char *s, char parts[3][CAT_NAMELEN])
{
	int n = 0;
	const char *p = s;
	while (*p && n < 3) {
		char *out = parts[n];
		int len = 0;
		if (*p == '"') {
			p++;
			while (*p && !(*p == '"' && p[1] != '"')) {
				if (*p == '"')
					p++;
				if (len < CAT_NAMELEN - 1)
					out[len++] = *p;
				p++;
			}
			if (*p == '"')
				p++;
		} else {
			while (*p && *p != '.') {
				if (len < CAT_NAMELEN - 1)
					out[len++] = (char)tolower((unsigned char)*p);
				p++;
			}
		}
		out[len] = '\0';
		n++;
		if (*p == '.')
			p++;
		else
			break;
	}
	return *p ? -1 : n;
}

qry_expr *
anl_regclass_const(anl_pstate *ps, const char *text, int loc)
{
	char parts[3][CAT_NAMELEN];
	int n = split_name(text, parts);
	if (n <= 0 || n > 2)
		ANL_ERROR(ps, loc, "42601", "invalid name syntax");
	RangeVar rv;
	memset(&rv, 0, sizeof rv);
	rv.hdr.type = T_RangeVar;
	rv.hdr.loc = loc;
	rv.schemaname = n == 2 ? parts[0] : NULL;
	rv.relname = parts[n - 1];
	const anl_sysview *sv;
	Oid oid = anl_lookup_relation(ps, &rv, true, &sv);
	if (oid == InvalidOid) {
		if (n == 2)
			ANL_ERROR(ps, loc, "42P01", "relation \"%s.%s\" does not exist", parts[0], parts[1]);
		ANL_ERROR(ps, loc, "42P01", "relation \"%s\" does not exist", parts[0]);
	}
	qry_expr *e = qry_make_const(REGCLASSOID, -1, ObjectIdGetDatum(oid), false);
	e->loc = loc;
	return e;
}
