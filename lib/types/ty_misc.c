/*
 * ty_misc.c — uuid and the reg* types (regclass, regtype, regproc, regnamespace, regrole),
 * whose names need the catalog: they go through the hooks the catalog layer installs.
 */
#include <stdio.h>

#include "types/ty_int.h"

/* ---- uuid: 16 bytes -------------------------------------------------------------------------- */

Datum
ty_uuid_in(const char *s, Oid t, int32_t tm)
{
	const char *src = s;
	unsigned char *u = palloc(16);
	bool braces = false;
	if (*src == '{') {
		src++;
		braces = true;
	}
	for (int i = 0; i < 16; i++) {
		if (src[0] == '\0' || src[1] == '\0')
			ty_err_syntax("uuid", s);
		int h = ty_hexval(src[0]), l = ty_hexval(src[1]);
		if (h < 0 || l < 0)
			ty_err_syntax("uuid", s);
		u[i] = (unsigned char)(h * 16 + l);
		src += 2;
		if (src[0] == '-' && (i % 2) == 1 && i < 15)
			src++;
	}
	if (braces) {
		if (*src != '}')
			ty_err_syntax("uuid", s);
		src++;
	}
	if (*src != '\0')
		ty_err_syntax("uuid", s);
	return PointerGetDatum(u);
}

void
ty_uuid_out(ty_buf *b, Datum v, Oid t)
{
	static const char hx[] = "0123456789abcdef";
	const unsigned char *u = DatumGetPointer(v);
	char out[37];
	int o = 0;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hx[u[i] >> 4];
		out[o++] = hx[u[i] & 15];
	}
	ty_buf_append(b, out, 36);
}

Datum
ty_uuid_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	const char *p = ty_rdbytes(&r, 16);
	ty_rd_end(&r);
	unsigned char *u = palloc(16);
	memcpy(u, p, 16);
	return PointerGetDatum(u);
}

void
ty_uuid_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_append(b, DatumGetPointer(v), 16);
}

int
ty_cmp_uuid(Datum a, Datum b)
{
	int c = memcmp(DatumGetPointer(a), DatumGetPointer(b), 16);
	return (c > 0) - (c < 0);
}

uint32_t
ty_hash_uuid(Datum a)
{
	return ty_hash_bytes(DatumGetPointer(a), 16);
}

/* ---- reg* types ------------------------------------------------------------------------------- */

static ty_catalog_hooks hooks;

void
ty_set_catalog_hooks(const ty_catalog_hooks *h)
{
	if (h)
		hooks = *h;
	else
		memset(&hooks, 0, sizeof hooks);
}

const ty_catalog_hooks *
ty_catalog(void)
{
	return &hooks;
}

static bool
all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!ty_isdigit((unsigned char)*s))
			return false;
	return true;
}

static Datum
reg_name(const char *s, Oid (*hook)(const char *), const char *missing_fmt, const char *missing_code)
{
	/* names are trimmed like identifiers */
	while (ty_isspace((unsigned char)*s))
		s++;
	char *name = pstrdup(s);
	size_t n = strlen(name);
	while (n > 0 && ty_isspace((unsigned char)name[n - 1]))
		name[--n] = '\0';
	if (hook)
		return ObjectIdGetDatum(hook(name));
	ERR_BEGIN(missing_code);
	err_throw(missing_fmt, name);
}

static Datum
reg_in(const char *s, const char *tname, Oid (*hook)(const char *), const char *missing_fmt,
       const char *missing_code)
{
	if (all_digits(s))
		return ty_oid_in(s, OIDOID, -1);
	if (strcmp(s, "-") == 0)
		return ObjectIdGetDatum(InvalidOid);
	return reg_name(s, hook, missing_fmt, missing_code);
}

/* text::regclass looks the string up as a name, even when it is all digits */
Datum ty_regclass_from_name(const char *s);
Datum
ty_regclass_from_name(const char *s)
{
	return reg_name(s, hooks.regclass_in, "relation \"%s\" does not exist", ERRCODE_UNDEFINED_TABLE);
}

static void
reg_out(ty_buf *b, Datum v, const char *(*hook)(Oid))
{
	Oid o = DatumGetObjectId(v);
	if (o == InvalidOid) {
		ty_buf_putc(b, '-');
		return;
	}
	const char *name = hook ? hook(o) : NULL;
	if (name)
		ty_buf_puts(b, name);
	else
		ty_oid_out(b, v, OIDOID);
}

Datum
ty_regclass_in(const char *s, Oid t, int32_t tm)
{
	return reg_in(s, "regclass", hooks.regclass_in, "relation \"%s\" does not exist",
	              ERRCODE_UNDEFINED_TABLE);
}

void
ty_regclass_out(ty_buf *b, Datum v, Oid t)
{
	reg_out(b, v, hooks.regclass_out);
}

Datum
ty_regproc_in(const char *s, Oid t, int32_t tm)
{
	return reg_in(s, "regproc", hooks.regproc_in, "function \"%s\" does not exist",
	              ERRCODE_UNDEFINED_FUNCTION);
}

void
ty_regproc_out(ty_buf *b, Datum v, Oid t)
{
	reg_out(b, v, hooks.regproc_out);
}

Datum
ty_regnamespace_in(const char *s, Oid t, int32_t tm)
{
	return reg_in(s, "regnamespace", hooks.regnamespace_in, "schema \"%s\" does not exist",
	              ERRCODE_INVALID_SCHEMA_NAME);
}

void
ty_regnamespace_out(ty_buf *b, Datum v, Oid t)
{
	reg_out(b, v, hooks.regnamespace_out);
}

Datum
ty_regrole_in(const char *s, Oid t, int32_t tm)
{
	return reg_in(s, "regrole", hooks.regrole_in, "role \"%s\" does not exist",
	              ERRCODE_UNDEFINED_OBJECT);
}

void
ty_regrole_out(ty_buf *b, Datum v, Oid t)
{
	reg_out(b, v, hooks.regrole_out);
}

Datum
ty_regtype_in(const char *s, Oid t, int32_t tm)
{
	if (all_digits(s))
		return ty_oid_in(s, OIDOID, -1);
	if (strcmp(s, "-") == 0)
		return ObjectIdGetDatum(InvalidOid);
	Oid oid = InvalidOid;
	int32_t typmod;
	volatile bool builtin = false;
	if (hooks.regtype_in == NULL) {
		ty_parse_typename(s, &oid, &typmod);
		return ObjectIdGetDatum(oid);
	}
	/* built-in names first; the catalog for the rest */
	ERR_TRY();
	{
		ty_parse_typename(s, &oid, &typmod);
		builtin = true;
	}
	ERR_CATCH();
	{
		builtin = false;
	}
	ERR_END();
	if (builtin)
		return ObjectIdGetDatum(oid);
	return ObjectIdGetDatum(hooks.regtype_in(s));
}

void
ty_regtype_out(ty_buf *b, Datum v, Oid t)
{
	Oid o = DatumGetObjectId(v);
	if (o == InvalidOid) {
		ty_buf_putc(b, '-');
		return;
	}
	if (ty_get(o)) {
		ty_format_type_buf(b, o, -1);
		return;
	}
	reg_out(b, v, hooks.regtype_out);
}

/* the reg* types share oid's binary format */
#define REG_BINARY(x)                                                              \
	Datum ty_##x##_recv(const char *d, int n, Oid t, int32_t tm)                 \
	{                                                                              \
		return ty_oid_recv(d, n, t, tm);                                           \
	}                                                                              \
	void ty_##x##_send(ty_buf *b, Datum v, Oid t)                                  \
	{                                                                              \
		ty_oid_send(b, v, t);                                                      \
	}
REG_BINARY(regclass)
REG_BINARY(regtype)
REG_BINARY(regproc)
REG_BINARY(regnamespace)
REG_BINARY(regrole)
