/*
 * ty_registry.c — the table of built-in types and everything keyed on it: lookups by oid
 * and name, type-name parsing (regtype's grammar), typmod input/output, format_type, and
 * the generic I/O, comparison and hashing entry points.
 */
#include <stdio.h>
#include <stdlib.h>

#include "types/tydatetime.h"
#include "types/ty_int.h"

static Datum
pseudo_in(const char *s, Oid t, int32_t tm)
{
	ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "cannot accept a value of type %s", ty_must(t)->name);
}

static void
pseudo_out(ty_buf *b, Datum v, Oid t)
{
	ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "cannot display a value of type %s", ty_must(t)->name);
}

static Datum
pseudo_recv(const char *d, int n, Oid t, int32_t tm)
{
	ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "cannot accept a value of type %s", ty_must(t)->name);
}

static void
pseudo_send(ty_buf *b, Datum v, Oid t)
{
	ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "cannot display a value of type %s", ty_must(t)->name);
}

#define IO(x) ty_##x##_in, ty_##x##_out, ty_##x##_recv, ty_##x##_send
#define PSEUDO_IO pseudo_in, pseudo_out, pseudo_recv, pseudo_send
#define ARRAY_IO ty_array_in, ty_array_out, ty_array_recv, ty_array_send
#define NOMOD NULL, NULL

/* base type */
#define BT(oid, name, sql, len, byval, align, cat, pref, arr, io, modin, modout, cmp, hash, procs) \
	{oid, name, sql, len, byval, align, cat, pref, 'b', 0, arr, ',', io, modin, modout, cmp, hash, procs}
/* array type */
#define AT(oid, name, elem, align, modin, modout)                                          \
	{oid, name, NULL, -1, false, align, 'A', false, 'b', elem, 0, ',', ARRAY_IO, modin, modout, \
	 ty_cmp_array, ty_hash_array, "array_in array_out array_recv array_send"}
/* pseudo type */
#define PT(oid, name, len, byval, cat, io, cmp, hash)                                       \
	{oid, name, NULL, len, byval, 'i', cat, false, 'p', 0, 0, ',', io, NULL, NULL, cmp, hash, NULL}

static const ty_type types[] = {
	BT(BOOLOID, "bool", "boolean", 1, true, 'c', 'B', true, BOOLARRAYOID, IO(bool), NULL, NULL,
	   ty_cmp_bool, ty_hash_bool, "boolin boolout boolrecv boolsend"),
	BT(BYTEAOID, "bytea", NULL, -1, false, 'i', 'U', false, BYTEAARRAYOID, IO(bytea), NULL, NULL,
	   ty_cmp_bytea, ty_hash_text, "byteain byteaout bytearecv byteasend"),
	BT(CHAROID, "char", "\"char\"", 1, true, 'c', 'Z', false, CHARARRAYOID, IO(char), NULL, NULL,
	   ty_cmp_char, ty_hash_char, "charin charout charrecv charsend"),
	BT(NAMEOID, "name", NULL, NAMEDATALEN, false, 'c', 'S', false, NAMEARRAYOID, IO(name), NULL, NULL,
	   ty_cmp_name, ty_hash_name, "namein nameout namerecv namesend"),
	BT(INT8OID, "int8", "bigint", 8, true, 'd', 'N', false, INT8ARRAYOID, IO(int8), NULL, NULL,
	   ty_cmp_int8, ty_hash_int8, "int8in int8out int8recv int8send"),
	BT(INT2OID, "int2", "smallint", 2, true, 's', 'N', false, INT2ARRAYOID, IO(int2), NULL, NULL,
	   ty_cmp_int2, ty_hash_int2, "int2in int2out int2recv int2send"),
	{INT2VECTOROID, "int2vector", NULL, -1, false, 'i', 'A', false, 'b', INT2OID,
	 INT2VECTORARRAYOID, ',', IO(int2vector), NULL, NULL, ty_cmp_vector, ty_hash_vector,
	 "int2vectorin int2vectorout int2vectorrecv int2vectorsend"},
	BT(INT4OID, "int4", "integer", 4, true, 'i', 'N', false, INT4ARRAYOID, IO(int4), NULL, NULL,
	   ty_cmp_int4, ty_hash_int4, "int4in int4out int4recv int4send"),
	BT(REGPROCOID, "regproc", NULL, 4, true, 'i', 'N', false, REGPROCARRAYOID, IO(regproc),
	   NULL, NULL, ty_cmp_oid, ty_hash_oid, "regprocin regprocout regprocrecv regprocsend"),
	BT(TEXTOID, "text", NULL, -1, false, 'i', 'S', true, TEXTARRAYOID, IO(text), NULL, NULL,
	   ty_text_cmp, ty_hash_text, "textin textout textrecv textsend"),
	BT(OIDOID, "oid", NULL, 4, true, 'i', 'N', true, OIDARRAYOID, IO(oid), NULL, NULL, ty_cmp_oid,
	   ty_hash_oid, "oidin oidout oidrecv oidsend"),
	BT(TIDOID, "tid", NULL, 6, false, 's', 'U', false, TIDARRAYOID, IO(tid), NULL, NULL, ty_cmp_tid,
	   ty_hash_tid, "tidin tidout tidrecv tidsend"),
	BT(XIDOID, "xid", NULL, 4, true, 'i', 'U', false, XIDARRAYOID, IO(xid), NULL, NULL, NULL,
	   ty_hash_oid, "xidin xidout xidrecv xidsend"),
	BT(CIDOID, "cid", NULL, 4, true, 'i', 'U', false, CIDARRAYOID, IO(xid), NULL, NULL, NULL,
	   ty_hash_oid, "cidin cidout cidrecv cidsend"),
	{OIDVECTOROID, "oidvector", NULL, -1, false, 'i', 'A', false, 'b', OIDOID,
	 OIDVECTORARRAYOID, ',', IO(oidvector), NULL, NULL, ty_cmp_vector, ty_hash_vector,
	 "oidvectorin oidvectorout oidvectorrecv oidvectorsend"},
	BT(JSONOID, "json", NULL, -1, false, 'i', 'U', false, JSONARRAYOID, IO(json), NULL, NULL, NULL,
	   NULL, "json_in json_out json_recv json_send"),
	AT(JSONARRAYOID, "_json", JSONOID, 'i', NULL, NULL),
	BT(FLOAT4OID, "float4", "real", 4, true, 'i', 'N', false, FLOAT4ARRAYOID, IO(float4), NULL, NULL,
	   ty_cmp_float4, ty_hash_float4, "float4in float4out float4recv float4send"),
	BT(FLOAT8OID, "float8", "double precision", 8, true, 'd', 'N', true, FLOAT8ARRAYOID,
	   IO(float8), NULL, NULL, ty_cmp_float8, ty_hash_float8, "float8in float8out float8recv float8send"),
	PT(UNKNOWNOID, "unknown", -2, false, 'X', IO(unknown), NULL, NULL),
	AT(BOOLARRAYOID, "_bool", BOOLOID, 'i', NULL, NULL),
	AT(BYTEAARRAYOID, "_bytea", BYTEAOID, 'i', NULL, NULL),
	AT(CHARARRAYOID, "_char", CHAROID, 'i', NULL, NULL),
	AT(NAMEARRAYOID, "_name", NAMEOID, 'i', NULL, NULL),
	AT(INT2ARRAYOID, "_int2", INT2OID, 'i', NULL, NULL),
	AT(INT2VECTORARRAYOID, "_int2vector", INT2VECTOROID, 'i', NULL, NULL),
	AT(INT4ARRAYOID, "_int4", INT4OID, 'i', NULL, NULL),
	AT(REGPROCARRAYOID, "_regproc", REGPROCOID, 'i', NULL, NULL),
	AT(TEXTARRAYOID, "_text", TEXTOID, 'i', NULL, NULL),
	AT(TIDARRAYOID, "_tid", TIDOID, 'i', NULL, NULL),
	AT(XIDARRAYOID, "_xid", XIDOID, 'i', NULL, NULL),
	AT(CIDARRAYOID, "_cid", CIDOID, 'i', NULL, NULL),
	AT(OIDVECTORARRAYOID, "_oidvector", OIDVECTOROID, 'i', NULL, NULL),
	AT(BPCHARARRAYOID, "_bpchar", BPCHAROID, 'i', ty_bpchar_modin, ty_char_modout),
	AT(VARCHARARRAYOID, "_varchar", VARCHAROID, 'i', ty_varchar_modin, ty_char_modout),
	AT(INT8ARRAYOID, "_int8", INT8OID, 'd', NULL, NULL),
	AT(FLOAT4ARRAYOID, "_float4", FLOAT4OID, 'i', NULL, NULL),
	AT(FLOAT8ARRAYOID, "_float8", FLOAT8OID, 'd', NULL, NULL),
	AT(OIDARRAYOID, "_oid", OIDOID, 'i', NULL, NULL),
	BT(BPCHAROID, "bpchar", "character", -1, false, 'i', 'S', false, BPCHARARRAYOID, IO(bpchar),
	   ty_bpchar_modin, ty_char_modout, ty_bpchar_cmp, ty_hash_bpchar,
	   "bpcharin bpcharout bpcharrecv bpcharsend"),
	BT(VARCHAROID, "varchar", "character varying", -1, false, 'i', 'S', false, VARCHARARRAYOID,
	   IO(varchar), ty_varchar_modin, ty_char_modout, ty_text_cmp, ty_hash_text,
	   "varcharin varcharout varcharrecv varcharsend"),
	BT(DATEOID, "date", NULL, 4, true, 'i', 'D', false, DATEARRAYOID, IO(date), NULL, NULL,
	   ty_cmp_date, ty_hash_date, "date_in date_out date_recv date_send"),
	BT(TIMEOID, "time", "time", 8, true, 'd', 'D', false, TIMEARRAYOID, IO(time), ty_time_modin,
	   ty_time_modout, ty_cmp_time, ty_hash_time, "time_in time_out time_recv time_send"),
	BT(TIMESTAMPOID, "timestamp", "timestamp", 8, true, 'd', 'D', false, TIMESTAMPARRAYOID,
	   IO(timestamp), ty_timestamp_modin, ty_timestamp_modout, ty_cmp_int8, ty_hash_int8,
	   "timestamp_in timestamp_out timestamp_recv timestamp_send"),
	AT(TIMESTAMPARRAYOID, "_timestamp", TIMESTAMPOID, 'd', ty_timestamp_modin, ty_timestamp_modout),
	AT(DATEARRAYOID, "_date", DATEOID, 'i', NULL, NULL),
	AT(TIMEARRAYOID, "_time", TIMEOID, 'd', ty_time_modin, ty_time_modout),
	BT(TIMESTAMPTZOID, "timestamptz", "timestamp", 8, true, 'd', 'D', true, TIMESTAMPTZARRAYOID,
	   IO(timestamptz), ty_timestamp_modin, ty_timestamptz_modout, ty_cmp_int8, ty_hash_int8,
	   "timestamptz_in timestamptz_out timestamptz_recv timestamptz_send"),
	AT(TIMESTAMPTZARRAYOID, "_timestamptz", TIMESTAMPTZOID, 'd', ty_timestamp_modin,
	   ty_timestamptz_modout),
	BT(INTERVALOID, "interval", NULL, 16, false, 'd', 'T', true, INTERVALARRAYOID, IO(interval),
	   ty_interval_modin, ty_interval_modout, ty_cmp_interval, ty_hash_interval,
	   "interval_in interval_out interval_recv interval_send"),
	AT(INTERVALARRAYOID, "_interval", INTERVALOID, 'd', ty_interval_modin, ty_interval_modout),
	AT(NUMERICARRAYOID, "_numeric", NUMERICOID, 'i', ty_numeric_modin, ty_numeric_modout),
	AT(CSTRINGARRAYOID, "_cstring", CSTRINGOID, 'i', NULL, NULL),
	BT(TIMETZOID, "timetz", "time", 12, false, 'd', 'D', false, TIMETZARRAYOID, IO(timetz),
	   ty_time_modin, ty_timetz_modout, ty_cmp_timetz, ty_hash_timetz,
	   "timetz_in timetz_out timetz_recv timetz_send"),
	AT(TIMETZARRAYOID, "_timetz", TIMETZOID, 'd', ty_time_modin, ty_timetz_modout),
	BT(NUMERICOID, "numeric", NULL, -1, false, 'i', 'N', false, NUMERICARRAYOID, IO(numeric),
	   ty_numeric_modin, ty_numeric_modout, ty_numeric_cmp, ty_hash_numeric,
	   "numeric_in numeric_out numeric_recv numeric_send"),
	BT(REGCLASSOID, "regclass", NULL, 4, true, 'i', 'N', false, REGCLASSARRAYOID, IO(regclass),
	   NULL, NULL, ty_cmp_oid, ty_hash_oid, "regclassin regclassout regclassrecv regclasssend"),
	BT(REGTYPEOID, "regtype", NULL, 4, true, 'i', 'N', false, REGTYPEARRAYOID, IO(regtype),
	   NULL, NULL, ty_cmp_oid, ty_hash_oid, "regtypein regtypeout regtyperecv regtypesend"),
	AT(REGCLASSARRAYOID, "_regclass", REGCLASSOID, 'i', NULL, NULL),
	AT(REGTYPEARRAYOID, "_regtype", REGTYPEOID, 'i', NULL, NULL),
	PT(RECORDOID, "record", -1, false, 'P', IO(record), NULL, NULL),
	{CSTRINGOID, "cstring", NULL, -2, false, 'c', 'P', false, 'p', 0, CSTRINGARRAYOID, ',',
	 IO(unknown), NULL, NULL, NULL, NULL, NULL},
	PT(ANYOID, "any", 4, true, 'P', PSEUDO_IO, NULL, NULL),
	{ANYARRAYOID, "anyarray", NULL, -1, false, 'd', 'P', false, 'p', 0, 0, ',', pseudo_in,
	 ty_array_out, pseudo_recv, ty_array_send, NULL, NULL, ty_cmp_array, ty_hash_array, NULL},
	PT(VOIDOID, "void", 4, true, 'P', IO(void), NULL, NULL),
	PT(INTERNALOID, "internal", 8, true, 'P', PSEUDO_IO, NULL, NULL),
	PT(ANYELEMENTOID, "anyelement", 4, true, 'P', PSEUDO_IO, NULL, NULL),
	PT(RECORDARRAYOID, "_record", -1, false, 'P', PSEUDO_IO, NULL, NULL),
	PT(ANYNONARRAYOID, "anynonarray", 4, true, 'P', PSEUDO_IO, NULL, NULL),
	BT(UUIDOID, "uuid", NULL, 16, false, 'c', 'U', false, UUIDARRAYOID, IO(uuid), NULL, NULL,
	   ty_cmp_uuid, ty_hash_uuid, "uuid_in uuid_out uuid_recv uuid_send"),
	AT(UUIDARRAYOID, "_uuid", UUIDOID, 'i', NULL, NULL),
	BT(JSONBOID, "jsonb", NULL, -1, false, 'i', 'U', false, JSONBARRAYOID, IO(jsonb), NULL, NULL,
	   ty_cmp_jsonb, ty_hash_jsonb, "jsonb_in jsonb_out jsonb_recv jsonb_send"),
	AT(JSONBARRAYOID, "_jsonb", JSONBOID, 'i', NULL, NULL),
	BT(REGNAMESPACEOID, "regnamespace", NULL, 4, true, 'i', 'N', false, REGNAMESPACEARRAYOID,
	   IO(regnamespace), NULL, NULL, ty_cmp_oid, ty_hash_oid,
	   "regnamespacein regnamespaceout regnamespacerecv regnamespacesend"),
	AT(REGNAMESPACEARRAYOID, "_regnamespace", REGNAMESPACEOID, 'i', NULL, NULL),
	BT(REGROLEOID, "regrole", NULL, 4, true, 'i', 'N', false, REGROLEARRAYOID, IO(regrole), NULL, NULL,
	   ty_cmp_oid, ty_hash_oid, "regrolein regroleout regrolerecv regrolesend"),
	AT(REGROLEARRAYOID, "_regrole", REGROLEOID, 'i', NULL, NULL),
	PT(ANYCOMPATIBLEOID, "anycompatible", 4, true, 'P', PSEUDO_IO, NULL, NULL),
	{ANYCOMPATIBLEARRAYOID, "anycompatiblearray", NULL, -1, false, 'd', 'P', false, 'p', 0, 0,
	 ',', pseudo_in, ty_array_out, pseudo_recv, ty_array_send, NULL, NULL, ty_cmp_array, ty_hash_array,
	 NULL},
	PT(ANYCOMPATIBLENONARRAYOID, "anycompatiblenonarray", 4, true, 'P', PSEUDO_IO, NULL, NULL),
};

#define NTYPES ((int)(sizeof types / sizeof types[0]))

/* ---- indexes ------------------------------------------------------------------------------ */

#define OIDHASH 512
static const ty_type *by_oid[OIDHASH * 2];
static bool initialized;

static unsigned
oid_slot(Oid o)
{
	return (o * 2654435761u) % (OIDHASH * 2);
}

static void
index_types(void)
{
	for (int i = 0; i < NTYPES; i++) {
		unsigned s = oid_slot(types[i].oid);
		while (by_oid[s])
			s = (s + 1) % (OIDHASH * 2);
		by_oid[s] = &types[i];
	}
}

void ty_catalog_init(void);

void
ty_init(void)
{
	if (initialized)
		return;
	initialized = true;
	if (mem_top == NULL)
		mem_init();
	index_types();
	ty_catalog_init();
}

const ty_type *
ty_get(Oid oid)
{
	if (!initialized)
		ty_init();
	unsigned s = oid_slot(oid);
	while (by_oid[s]) {
		if (by_oid[s]->oid == oid)
			return by_oid[s];
		s = (s + 1) % (OIDHASH * 2);
	}
	return NULL;
}

const ty_type *
ty_must(Oid oid)
{
	const ty_type *t = ty_get(oid);
	if (!t)
		ph_error(ERRCODE_UNDEFINED_OBJECT, "cache lookup failed for type %u", oid);
	return t;
}

const ty_type *
ty_all(int *n)
{
	ty_init();
	*n = NTYPES;
	return types;
}

Oid
ty_array_of(Oid elem)
{
	const ty_type *t = ty_get(elem);
	return t ? t->array : InvalidOid;
}

Oid
ty_elem_of(Oid arraytype)
{
	const ty_type *t = ty_get(arraytype);
	if (!t || t->category != TYPCAT_ARRAY || t->oid == INT2VECTOROID || t->oid == OIDVECTOROID)
		return InvalidOid;
	return t->elem;
}

/* ---- names ------------------------------------------------------------------------------------ */

static const struct {
	const char *alias;
	Oid oid;
} aliases[] = {
	{"bigint", INT8OID},        {"boolean", BOOLOID},           {"char", BPCHAROID},
	{"character", BPCHAROID},   {"dec", NUMERICOID},           {"decimal", NUMERICOID},
	{"double precision", FLOAT8OID}, {"float", FLOAT8OID},     {"int", INT4OID},
	{"integer", INT4OID},       {"real", FLOAT4OID},            {"smallint", INT2OID},
	{"character varying", VARCHAROID}, {"char varying", VARCHAROID},
	{"national character varying", VARCHAROID}, {"national char varying", VARCHAROID},
	{"nchar varying", VARCHAROID}, {"national character", BPCHAROID}, {"national char", BPCHAROID},
	{"nchar", BPCHAROID},       {"timestamp with time zone", TIMESTAMPTZOID},
	{"timestamp without time zone", TIMESTAMPOID}, {"time with time zone", TIMETZOID},
	{"time without time zone", TIMEOID}, {"\"char\"", CHAROID}, {"\"any\"", ANYOID},
};

const ty_type *
ty_lookup_name(const char *name)
{
	ty_init();
	char buf[128];
	size_t n = strlen(name);
	if (n >= sizeof buf)
		return NULL;
	/* lower-case and collapse whitespace */
	size_t o = 0;
	bool sp = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (ty_isspace(c)) {
			sp = o > 0;
			continue;
		}
		if (sp) {
			buf[o++] = ' ';
			sp = false;
		}
		buf[o++] = (char)ty_tolower(c);
	}
	buf[o] = '\0';
	if (o > 2 && strcmp(buf + o - 2, "[]") == 0) {
		buf[o - 2] = '\0';
		while (o > 2 && buf[o - 3] == ' ')
			buf[--o - 2] = '\0';
		const ty_type *e = ty_lookup_name(buf);
		return e && e->array ? ty_get(e->array) : NULL;
	}
	if (strncmp(buf, "pg_catalog.", 11) == 0)
		memmove(buf, buf + 11, strlen(buf + 11) + 1);
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(buf, aliases[i].alias) == 0)
			return ty_get(aliases[i].oid);
	/* "char" is a keyword for bpchar; the quoted form is the one-byte type */
	for (int i = 0; i < NTYPES; i++)
		if (strcmp(types[i].name, buf) == 0 && types[i].oid != CHAROID && types[i].oid != ANYOID)
			return &types[i];
	if (strcmp(buf, "timestamptz") == 0)
		return ty_get(TIMESTAMPTZOID);
	return NULL;
}

/* ---- type-name grammar (regtype input) --------------------------------------------------------- */

typedef struct tn_lex {
	const char *s;
	const char *p;
	char tok[128];
	bool quoted;
} tn_lex;

static noreturn void
tn_syntax(tn_lex *l, const char *at)
{
	ERR_BEGIN(ERRCODE_SYNTAX_ERROR);
	err_throw("syntax error at or near \"%s\"", at[0] ? at : "end of input");
}

/* next word/punctuation into l->tok; returns false at the end */
static bool
tn_next(tn_lex *l)
{
	while (ty_isspace((unsigned char)*l->p))
		l->p++;
	l->quoted = false;
	if (!*l->p) {
		l->tok[0] = '\0';
		return false;
	}
	int n = 0;
	if (*l->p == '"') {
		l->p++;
		while (*l->p && !(*l->p == '"' && l->p[1] != '"')) {
			if (*l->p == '"')
				l->p++;
			if (n < 126)
				l->tok[n++] = *l->p;
			l->p++;
		}
		if (*l->p != '"')
			tn_syntax(l, l->s);
		l->p++;
		l->quoted = true;
	} else if (ty_isalpha((unsigned char)*l->p) || *l->p == '_' || (unsigned char)*l->p >= 0x80) {
		while (ty_isalpha((unsigned char)*l->p) || ty_isdigit((unsigned char)*l->p) ||
		       *l->p == '_' || *l->p == '$' || (unsigned char)*l->p >= 0x80) {
			if (n < 126)
				l->tok[n++] = (char)ty_tolower((unsigned char)*l->p);
			l->p++;
		}
	} else if (ty_isdigit((unsigned char)*l->p) || *l->p == '-' || *l->p == '+') {
		if (*l->p == '-' || *l->p == '+')
			l->tok[n++] = *l->p++;
		while (ty_isdigit((unsigned char)*l->p))
			if (n < 126)
				l->tok[n++] = *l->p++;
			else
				l->p++;
	} else
		l->tok[n++] = *l->p++;
	l->tok[n] = '\0';
	return true;
}

static bool
tn_is(tn_lex *l, const char *w)
{
	return !l->quoted && strcmp(l->tok, w) == 0;
}

static int
tn_parse_mods(tn_lex *l, int32_t *mods)
{
	/* after '(' */
	int n = 0;
	for (;;) {
		tn_next(l);
		if (!ty_isdigit((unsigned char)l->tok[0]) && l->tok[0] != '-' && l->tok[0] != '+')
			tn_syntax(l, l->tok);
		if (n < 8)
			mods[n++] = atoi(l->tok);
		tn_next(l);
		if (tn_is(l, ","))
			continue;
		if (tn_is(l, ")"))
			break;
		tn_syntax(l, l->tok);
	}
	return n;
}

static int
interval_field(const char *w)
{
	if (!strcmp(w, "year"))
		return INTERVAL_MASK_YEAR;
	if (!strcmp(w, "month"))
		return INTERVAL_MASK_MONTH;
	if (!strcmp(w, "day"))
		return INTERVAL_MASK_DAY;
	if (!strcmp(w, "hour"))
		return INTERVAL_MASK_HOUR;
	if (!strcmp(w, "minute"))
		return INTERVAL_MASK_MINUTE;
	if (!strcmp(w, "second"))
		return INTERVAL_MASK_SECOND;
	return 0;
}

void
ty_parse_typename(const char *s, Oid *oid, int32_t *typmod)
{
	ty_init();
	tn_lex l = {s, s, "", false};
	char name[160] = "";
	int32_t mods[8];
	int nmods = -1;
	const ty_type *t = NULL;
	bool more = tn_next(&l);
	if (!more)
		tn_syntax(&l, "");
	/* optional schema */
	if (!l.quoted && strcmp(l.tok, "pg_catalog") == 0) {
		const char *save = l.p;
		tn_next(&l);
		if (tn_is(&l, "."))
			tn_next(&l);
		else {
			l.p = save;
			strcpy(l.tok, "pg_catalog");
		}
	}
	if (l.quoted) {
		snprintf(name, sizeof name, "%s", l.tok);
		for (int i = 0; i < NTYPES; i++)
			if (strcmp(types[i].name, name) == 0)
				t = &types[i];
		tn_next(&l);
	} else if (tn_is(&l, "double")) {
		tn_next(&l);
		if (!tn_is(&l, "precision"))
			tn_syntax(&l, l.tok);
		t = ty_get(FLOAT8OID);
		tn_next(&l);
	} else if (tn_is(&l, "character") || tn_is(&l, "char") || tn_is(&l, "national") ||
	           tn_is(&l, "nchar") || tn_is(&l, "varchar")) {
		bool varying = tn_is(&l, "varchar");
		if (tn_is(&l, "national")) {
			tn_next(&l);
			if (!tn_is(&l, "character") && !tn_is(&l, "char"))
				tn_syntax(&l, l.tok);
		}
		tn_next(&l);
		if (tn_is(&l, "varying")) {
			varying = true;
			tn_next(&l);
		}
		t = ty_get(varying ? VARCHAROID : BPCHAROID);
		if (tn_is(&l, "(")) {
			nmods = tn_parse_mods(&l, mods);
			tn_next(&l);
		} else if (!varying) {
			mods[0] = 1;
			nmods = 1;
		}
	} else if (tn_is(&l, "timestamp") || tn_is(&l, "time")) {
		bool ts = tn_is(&l, "timestamp");
		tn_next(&l);
		if (tn_is(&l, "(")) {
			nmods = tn_parse_mods(&l, mods);
			tn_next(&l);
		}
		bool tz = false;
		if (tn_is(&l, "with") || tn_is(&l, "without")) {
			tz = tn_is(&l, "with");
			tn_next(&l);
			if (!tn_is(&l, "time"))
				tn_syntax(&l, l.tok);
			tn_next(&l);
			if (!tn_is(&l, "zone"))
				tn_syntax(&l, l.tok);
			tn_next(&l);
		}
		t = ty_get(ts ? (tz ? TIMESTAMPTZOID : TIMESTAMPOID) : (tz ? TIMETZOID : TIMEOID));
	} else if (tn_is(&l, "interval")) {
		t = ty_get(INTERVALOID);
		tn_next(&l);
		int range = INTERVAL_FULL_RANGE, prec = -1;
		if (tn_is(&l, "(")) {
			int32_t m[8];
			int k = tn_parse_mods(&l, m);
			if (k != 1)
				ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid INTERVAL type modifier");
			prec = m[0];
			tn_next(&l);
		} else if (interval_field(l.tok)) {
			range = interval_field(l.tok);
			tn_next(&l);
			if (tn_is(&l, "to")) {
				tn_next(&l);
				int f2 = interval_field(l.tok);
				if (!f2)
					tn_syntax(&l, l.tok);
				/* fill every field between the two */
				int lo = range, hi = f2, mask = 0;
				static const int order[] = {INTERVAL_MASK_YEAR, INTERVAL_MASK_MONTH, INTERVAL_MASK_DAY,
				                            INTERVAL_MASK_HOUR, INTERVAL_MASK_MINUTE, INTERVAL_MASK_SECOND};
				bool in = false;
				for (int i = 0; i < 6; i++) {
					if (order[i] == lo)
						in = true;
					if (in)
						mask |= order[i];
					if (order[i] == hi)
						break;
				}
				range = mask;
				tn_next(&l);
			}
			if (tn_is(&l, "(")) {
				int32_t m[8];
				int k = tn_parse_mods(&l, m);
				if (k != 1)
					ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid INTERVAL type modifier");
				prec = m[0];
				tn_next(&l);
			}
		}
		if (range != INTERVAL_FULL_RANGE || prec >= 0) {
			mods[0] = range;
			nmods = 1;
			if (prec >= 0) {
				mods[1] = prec;
				nmods = 2;
			}
		}
	} else if (tn_is(&l, "float")) {
		tn_next(&l);
		t = ty_get(FLOAT8OID);
		if (tn_is(&l, "(")) {
			int32_t m[8];
			int k = tn_parse_mods(&l, m);
			if (k != 1)
				tn_syntax(&l, ",");
			if (m[0] < 1)
				ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "precision for type float must be at least 1 bit");
			if (m[0] > 53)
				ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "precision for type float must be less than 54 bits");
			t = ty_get(m[0] <= 24 ? FLOAT4OID : FLOAT8OID);
			tn_next(&l);
		}
	} else if (ty_isalpha((unsigned char)l.tok[0]) || l.tok[0] == '_') {
		snprintf(name, sizeof name, "%s", l.tok);
		t = ty_lookup_name(name);
		if (t && (t->oid == BPCHAROID))
			t = ty_get(BPCHAROID);
		tn_next(&l);
		if (tn_is(&l, "(")) {
			nmods = tn_parse_mods(&l, mods);
			tn_next(&l);
		}
	} else
		tn_syntax(&l, l.tok);
	if (!t)
		ph_error(ERRCODE_UNDEFINED_OBJECT, "type \"%s\" does not exist", name[0] ? name : s);
	/* array bounds */
	bool is_array = false;
	while (tn_is(&l, "[")) {
		tn_next(&l);
		if (ty_isdigit((unsigned char)l.tok[0]))
			tn_next(&l);
		if (!tn_is(&l, "]"))
			tn_syntax(&l, l.tok);
		is_array = true;
		tn_next(&l);
	}
	if (l.tok[0])
		tn_syntax(&l, l.tok);
	*typmod = nmods >= 0 ? ty_typmod_in(t->oid, mods, nmods) : -1;
	if (is_array) {
		if (!t->array)
			ph_error(ERRCODE_UNDEFINED_OBJECT, "could not find array type for data type %s",
			         ty_format_type(t->oid, -1));
		t = ty_get(t->array);
	}
	*oid = t->oid;
}

/* ---- typmods and format_type ---------------------------------------------------------------- */

int32_t
ty_typmod_in(Oid type, const int32_t *mods, int n)
{
	const ty_type *t = ty_must(type);
	if (t->category == TYPCAT_ARRAY && t->elem && t->modin)
		return t->modin(mods, n);
	if (!t->modin)
		ph_error(ERRCODE_SYNTAX_ERROR, "type modifier is not allowed for type \"%s\"", t->name);
	return t->modin(mods, n);
}

static void
format_type(ty_buf *b, Oid oid, int32_t typmod, bool typmod_given)
{
	const ty_type *t = ty_get(oid);
	if (!t) {
		ty_buf_puts(b, "???");
		return;
	}
	if (t->category == TYPCAT_ARRAY && t->elem && t->oid != INT2VECTOROID && t->oid != OIDVECTOROID) {
		format_type(b, t->elem, typmod, typmod_given);
		ty_buf_puts(b, "[]");
		return;
	}
	bool with_mod = typmod_given && typmod >= 0;
	switch (oid) {
	case BPCHAROID:
		if (with_mod) {
			ty_buf_puts(b, "character");
			ty_char_modout(b, typmod);
		} else if (typmod_given)
			ty_buf_puts(b, "bpchar");
		else
			ty_buf_puts(b, "character");
		return;
	case TIMEOID:
	case TIMETZOID:
	case TIMESTAMPOID:
	case TIMESTAMPTZOID:
		ty_buf_puts(b, oid == TIMEOID || oid == TIMETZOID ? "time" : "timestamp");
		t->modout(b, with_mod ? typmod : -1);
		return;
	case INTERVALOID:
		ty_buf_puts(b, "interval");
		if (with_mod)
			t->modout(b, typmod);
		return;
	default:
		break;
	}
	ty_buf_puts(b, t->sqlname ? t->sqlname : (oid == ANYOID ? "\"any\"" : t->name));
	if (with_mod && t->modout)
		t->modout(b, typmod);
}

void
ty_format_type_buf(ty_buf *b, Oid type, int32_t typmod)
{
	format_type(b, type, typmod, true);
}

void ty_format_type_nomod(ty_buf *b, Oid type);
void
ty_format_type_nomod(ty_buf *b, Oid type)
{
	format_type(b, type, -1, false);
}

char *
ty_format_type(Oid type, int32_t typmod)
{
	ty_buf b;
	ty_buf_init(&b, 32);
	format_type(&b, type, typmod, true);
	return b.data;
}

/* ---- generic entry points ------------------------------------------------------------------- */

int
ty_datum_size(const ty_type *t, Datum v)
{
	if (t->len > 0)
		return t->len;
	if (t->len == -1)
		return (int)VARSIZE(DatumGetPointer(v));
	return (int)strlen(DatumGetPointer(v)) + 1;
}

Datum
ty_datum_copy(const ty_type *t, Datum v)
{
	if (t->byval)
		return v;
	int n = ty_datum_size(t, v);
	void *p = palloc((size_t)(n < 8 ? 8 : n));
	memcpy(p, DatumGetPointer(v), (size_t)n);
	return PointerGetDatum(p);
}

Datum
ty_input(Oid type, const char *str, int32_t typmod)
{
	return ty_must(type)->in(str, type, typmod);
}

void
ty_output_buf(ty_buf *b, Oid type, Datum v)
{
	ty_must(type)->out(b, v, type);
}

char *
ty_output(Oid type, Datum v)
{
	ty_buf b;
	ty_buf_init(&b, 32);
	ty_must(type)->out(&b, v, type);
	return b.data;
}

Datum
ty_recv(Oid type, const char *data, int len, int32_t typmod)
{
	const ty_type *t = ty_must(type);
	if (!t->recv)
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "no binary input function available for type %s",
		         ty_format_type(type, -1));
	return t->recv(data, len, type, typmod);
}

void
ty_send(ty_buf *b, Oid type, Datum v)
{
	const ty_type *t = ty_must(type);
	if (!t->send)
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "no binary output function available for type %s",
		         ty_format_type(type, -1));
	t->send(b, v, type);
}

ty_cmp_fn
ty_cmp_for(Oid type)
{
	const ty_type *t = ty_get(type);
	return t ? t->cmp : NULL;
}

ty_hash_fn
ty_hash_for(Oid type)
{
	const ty_type *t = ty_get(type);
	return t ? t->hash : NULL;
}

int
ty_compare(Oid type, Datum a, Datum b)
{
	const ty_type *t = ty_must(type);
	if (!t->cmp)
		ph_error(ERRCODE_UNDEFINED_FUNCTION, "could not identify a comparison function for type %s",
		         ty_format_type(type, -1));
	return t->cmp(a, b);
}

bool
ty_equal(Oid type, Datum a, Datum b)
{
	const ty_type *t = ty_must(type);
	if (type == JSONOID)
		ph_error(ERRCODE_UNDEFINED_FUNCTION,
		         "could not identify an equality operator for type json");
	if (!t->cmp) {
		/* xid/cid: equality only */
		return DatumGetObjectId(a) == DatumGetObjectId(b);
	}
	return t->cmp(a, b) == 0;
}

uint32_t
ty_hash(Oid type, Datum a)
{
	const ty_type *t = ty_must(type);
	if (!t->hash)
		ph_error(ERRCODE_UNDEFINED_FUNCTION, "could not identify a hash function for type %s",
		         ty_format_type(type, -1));
	return t->hash(a);
}

Oid
ty_hash_family(Oid type)
{
	switch (type) {
	case INT2OID:
	case INT4OID:
	case INT8OID:
		return INT8OID;
	case FLOAT4OID:
	case FLOAT8OID:
		return FLOAT8OID;
	case TEXTOID:
	case VARCHAROID:
	case NAMEOID:
		return TEXTOID;
	case OIDOID:
	case REGCLASSOID:
	case REGTYPEOID:
	case REGPROCOID:
	case REGNAMESPACEOID:
	case REGROLEOID:
		return OIDOID;
	case TIMESTAMPOID:
	case TIMESTAMPTZOID:
		return type;
	default:
		return type;
	}
}
