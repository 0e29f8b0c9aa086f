/*
 * anl_sysview.c — the table of system views (pg_catalog.*, information_schema.*): their
 * column names and types, for RTE_SYSVIEW entries.  The engine attaches the row producers
 * (anl_sysview_set_impl) and may register more views.  Process-local, built on first use.
 */
#include "sql/analyze/anl_int.h"

extern const anl_sysview anl_builtin_sysviews[];
extern const int anl_nbuiltin_sysviews;

#define SV_HASH 512

static anl_sysview *views;
static int nviews, capviews;
static int hash_head[SV_HASH];
static int *hash_next;
static bool inited;

static unsigned
sv_hash(const char *schema, const char *name)
{
	unsigned h = 2166136261u;
	for (const char *p = schema; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h % SV_HASH;
}

static int
find(const char *schema, const char *name)
{
	for (int i = hash_head[sv_hash(schema, name)]; i >= 0; i = hash_next[i])
		if (strcmp(views[i].name, name) == 0 && strcmp(views[i].schema, schema) == 0)
			return i;
	return -1;
}

static void
add(const anl_sysview *v)
{
	int i = find(v->schema, v->name);
	if (i >= 0) {
		views[i] = *v;
		return;
	}
	if (nviews == capviews)
		ph_error("54000", "too many system views registered");
	views[nviews] = *v;
	unsigned h = sv_hash(v->schema, v->name);
	hash_next[nviews] = hash_head[h];
	hash_head[h] = nviews;
	nviews++;
}

void
anl_sysview_init(void)
{
	if (inited)
		return;
	inited = true;
	for (int i = 0; i < SV_HASH; i++)
		hash_head[i] = -1;
	capviews = 1024;
	views = mem_alloc(mem_top, sizeof(anl_sysview) * (size_t)capviews);
	hash_next = mem_alloc(mem_top, sizeof(int) * (size_t)capviews);
	for (int i = 0; i < anl_nbuiltin_sysviews; i++) {
		/* a copy whose column types lib/types knows (others read as text) */
		anl_sysview v = anl_builtin_sysviews[i];
		anl_sysview_col *cols = mem_alloc(mem_top, sizeof(anl_sysview_col) * (size_t)v.ncols);
		for (int k = 0; k < v.ncols; k++) {
			cols[k] = v.cols[k];
			if (!ty_get(cols[k].type))
				cols[k].type = TEXTOID;
		}
		v.cols = cols;
		add(&v);
	}
}

void
anl_sysview_register(const anl_sysview *v)
{
	anl_sysview_init();
	if (nviews >= capviews && find(v->schema, v->name) < 0)
		ph_error("54000", "too many system views registered");
	add(v);
}

const anl_sysview *
anl_sysview_lookup(const char *schema, const char *name)
{
	anl_sysview_init();
	int i = find(schema, name);
	return i >= 0 ? &views[i] : NULL;
}

const anl_sysview *
anl_sysview_by_oid(Oid oid)
{
	anl_sysview_init();
	for (int i = 0; i < nviews; i++)
		if (views[i].oid == oid)
			return &views[i];
	return NULL;
}

bool
anl_sysview_set_impl(const char *schema, const char *name, void *impl)
{
	anl_sysview_init();
	int i = find(schema, name);
	if (i < 0)
		return false;
	views[i].impl = impl;
	return true;
}
