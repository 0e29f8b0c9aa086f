/* result.c — libphantom results: an arena per result, accessors, quoting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "phc_int.h"

#define BLOCK_MIN 8192

phantom_result *
phc_result_new(phantom_res_status status)
{
	phantom_result *r = calloc(1, sizeof(*r));

	if (r == NULL)
		return NULL;
	r->status = status;
	r->errmsg = "";
	r->tag = "";
	return r;
}

void *
phc_alloc(phantom_result *r, size_t n)
{
	phc_block *b = r->blocks;
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (b == NULL || b->cap - b->used < n) {
		size_t cap = n > BLOCK_MIN ? n : BLOCK_MIN;

		b = malloc(sizeof(phc_block) + cap);
		if (b == NULL)
			return NULL;
		b->used = 0;
		b->cap = cap;
		/* a big value gets its own block behind the current one, which keeps filling */
		if (r->blocks && n > BLOCK_MIN) {
			b->next = r->blocks->next;
			r->blocks->next = b;
		} else {
			b->next = r->blocks;
			r->blocks = b;
		}
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

char *
phc_strdup(phantom_result *r, const char *s, size_t n)
{
	char *p = phc_alloc(r, n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

void
phc_format_error(phantom_result *r)
{
	const char *sev = r->diag['S'] ? r->diag['S'] : "ERROR";
	const char *msg = r->diag['M'] ? r->diag['M'] : "";
	size_t n = strlen(sev) + strlen(msg) + 16;
	char *p;

	if (r->diag['D'])
		n += strlen(r->diag['D']) + 16;
	if (r->diag['H'])
		n += strlen(r->diag['H']) + 16;
	p = phc_alloc(r, n);
	if (p == NULL)
		return;
	n = (size_t)sprintf(p, "%s:  %s\n", sev, msg);
	if (r->diag['D'])
		n += (size_t)sprintf(p + n, "DETAIL:  %s\n", r->diag['D']);
	if (r->diag['H'])
		sprintf(p + n, "HINT:  %s\n", r->diag['H']);
	r->errmsg = p;
}

phantom_result *
phc_error_result(const char *message)
{
	phantom_result *r = phc_result_new(PHANTOM_ERROR);
	size_t n;

	if (r == NULL)
		return NULL;
	n = strlen(message);
	while (n > 0 && message[n - 1] == '\n')
		n--;
	r->diag['M'] = phc_strdup(r, message, n);
	r->diag['S'] = "FATAL";
	r->diag['C'] = "08006";
	r->errmsg = phc_strdup(r, message, strlen(message));
	if (r->diag['M'] == NULL || r->errmsg == NULL) {
		phantom_clear(r);
		return NULL;
	}
	return r;
}

void
phc_read_fields(phantom_result *r, phc_msg *m)
{
	while (!m->bad && m->pos < m->len) {
		unsigned char code = (unsigned char)m->data[m->pos++];
		const char *v;

		if (code == 0)
			break;
		v = phc_get_str(m);
		if (v && code < 128)
			r->diag[code] = phc_strdup(r, v, strlen(v));
	}
	phc_format_error(r);
}

void
phantom_clear(phantom_result *r)
{
	phc_block *b, *n;

	if (r == NULL)
		return;
	for (b = r->blocks; b; b = n) {
		n = b->next;
		free(b);
	}
	free(r);
}

phantom_res_status
phantom_result_status(const phantom_result *r)
{
	return r ? r->status : PHANTOM_ERROR;
}

const char *
phantom_res_status_name(phantom_res_status s)
{
	static const char *const names[] = {
		"PHANTOM_EMPTY_QUERY", "PHANTOM_COMMAND_OK", "PHANTOM_TUPLES_OK", "PHANTOM_COPY_OUT",
		"PHANTOM_COPY_IN", "PHANTOM_ERROR", "PHANTOM_NOTICE"};

	if ((unsigned)s >= sizeof(names) / sizeof(names[0]))
		return "PHANTOM_UNKNOWN";
	return names[s];
}

const char *
phantom_result_error_message(const phantom_result *r)
{
	return r ? r->errmsg : "";
}

const char *
phantom_result_error_field(const phantom_result *r, int code)
{
	if (r == NULL || code <= 0 || code >= 128)
		return NULL;
	return r->diag[code];
}

int
phantom_ntuples(const phantom_result *r)
{
	return r ? r->ntuples : 0;
}

int
phantom_nfields(const phantom_result *r)
{
	return r ? r->nfields : 0;
}

static const phc_field *
field(const phantom_result *r, int col)
{
	if (r == NULL || col < 0 || col >= r->nfields)
		return NULL;
	return &r->fields[col];
}

const char *
phantom_fname(const phantom_result *r, int col)
{
	const phc_field *f = field(r, col);

	return f ? f->name : NULL;
}

int
phantom_fnumber(const phantom_result *r, const char *name)
{
	if (r == NULL || name == NULL)
		return -1;
	for (int i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].name, name) == 0)
			return i;
	for (int i = 0; i < r->nfields; i++)
		if (strcasecmp(r->fields[i].name, name) == 0)
			return i;
	return -1;
}

phantom_oid
phantom_ftype(const phantom_result *r, int col)
{
	const phc_field *f = field(r, col);

	return f ? f->type : 0;
}

int
phantom_fmod(const phantom_result *r, int col)
{
	const phc_field *f = field(r, col);

	return f ? f->mod : -1;
}

int
phantom_fsize(const phantom_result *r, int col)
{
	const phc_field *f = field(r, col);

	return f ? f->size : 0;
}

int
phantom_fformat(const phantom_result *r, int col)
{
	const phc_field *f = field(r, col);

	return f ? f->format : 0;
}

phantom_oid
phantom_ftable(const phantom_result *r, int col)
{
	const phc_field *f = field(r, col);

	return f ? f->table : 0;
}

int
phantom_ftablecol(const phantom_result *r, int col)
{
	const phc_field *f = field(r, col);

	return f ? f->column : 0;
}

static const phc_value *
value(const phantom_result *r, int row, int col)
{
	if (r == NULL || row < 0 || row >= r->ntuples || col < 0 || col >= r->nfields)
		return NULL;
	return &r->rows[row][col];
}

const char *
phantom_value(const phantom_result *r, int row, int col)
{
	const phc_value *v = value(r, row, col);

	return v ? v->v : "";
}

int
phantom_is_null(const phantom_result *r, int row, int col)
{
	const phc_value *v = value(r, row, col);

	return v ? v->len < 0 : 1;
}

int
phantom_length(const phantom_result *r, int row, int col)
{
	const phc_value *v = value(r, row, col);

	return v && v->len > 0 ? v->len : 0;
}

const char *
phantom_cmd_status(const phantom_result *r)
{
	return r ? r->tag : "";
}

long long
phantom_cmd_tuples(const phantom_result *r)
{
	const char *t, *sp;

	if (r == NULL || r->tag == NULL || r->tag[0] == '\0')
		return -1;
	t = r->tag;
	/* "INSERT oid rows", "SELECT rows", "UPDATE rows", "COPY rows", ... */
	if (strncmp(t, "INSERT ", 7) == 0) {
		sp = strchr(t + 7, ' ');
		return sp ? strtoll(sp + 1, NULL, 10) : -1;
	}
	static const char *const counted[] = {"SELECT ", "UPDATE ", "DELETE ", "COPY ", "FETCH ",
	                                      "MOVE ", "MERGE "};

	for (size_t i = 0; i < sizeof(counted) / sizeof(counted[0]); i++)
		if (strncmp(t, counted[i], strlen(counted[i])) == 0)
			return strtoll(t + strlen(counted[i]), NULL, 10);
	return -1;
}

int
phantom_nparams(const phantom_result *r)
{
	return r ? r->nparams : 0;
}

phantom_oid
phantom_paramtype(const phantom_result *r, int i)
{
	if (r == NULL || i < 0 || i >= r->nparams)
		return 0;
	return r->params[i];
}

void
phantom_free(void *p)
{
	free(p);
}

char *
phantom_escape_literal(const char *s, size_t len)
{
	bool backslash = memchr(s, '\\', len) != NULL;
	char *out = malloc(len * 2 + 4), *p = out;

	if (out == NULL)
		return NULL;
	if (backslash)
		*p++ = 'E';
	*p++ = '\'';
	for (size_t i = 0; i < len && s[i]; i++) {
		if (s[i] == '\'' || (backslash && s[i] == '\\'))
			*p++ = s[i];
		*p++ = s[i];
	}
	*p++ = '\'';
	*p = '\0';
	return out;
}

char *
phantom_escape_identifier(const char *s, size_t len)
{
	char *out = malloc(len * 2 + 3), *p = out;

	if (out == NULL)
		return NULL;
	*p++ = '"';
	for (size_t i = 0; i < len && s[i]; i++) {
		if (s[i] == '"')
			*p++ = '"';
		*p++ = s[i];
	}
	*p++ = '"';
	*p = '\0';
	return out;
}
