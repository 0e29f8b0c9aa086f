/*
 * exec.c — libphantom commands: sending the simple and extended query protocols, turning the
 * server's messages into results, blocking and non-blocking retrieval, COPY.
 *
 * State machine of a connection (c->state):
 *   IDLE --send_*--> BUSY --CopyInResponse--> COPY_IN --put_copy_end--> BUSY
 *                     |  --CopyOutResponse-> COPY_OUT --CopyDone-----> BUSY
 *                     +--ReadyForQuery--> IDLE
 * Results are queued (c->qhead) as their last message arrives and handed out in order by
 * phantom_get_result; NULL once the queue is empty and the state is IDLE again.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phc_int.h"

static void
enqueue(phantom_conn *c, phantom_result *r)
{
	if (r == NULL) {
		phc_fail(c, "out of memory");
		return;
	}
	r->next = NULL;
	if (c->qtail)
		c->qtail->next = r;
	else
		c->qhead = r;
	c->qtail = r;
}

static phantom_result *
dequeue(phantom_conn *c)
{
	phantom_result *r = c->qhead;

	if (r) {
		c->qhead = r->next;
		if (c->qhead == NULL)
			c->qtail = NULL;
		r->next = NULL;
	}
	return r;
}

/* The current result, created with the given status if there is none. */
static phantom_result *
current(phantom_conn *c, phantom_res_status status)
{
	if (c->cur == NULL)
		c->cur = phc_result_new(status);
	return c->cur;
}

static void
finish_current(phantom_conn *c)
{
	enqueue(c, c->cur);
	c->cur = NULL;
}

static bool
read_row_description(phantom_conn *c, phc_msg *m)
{
	phantom_result *r = current(c, PHANTOM_TUPLES_OK);
	int n = phc_get_int16(m);

	if (r == NULL || n < 0)
		return false;
	r->status = PHANTOM_TUPLES_OK;
	r->nfields = n;
	r->fields = phc_alloc(r, sizeof(phc_field) * (size_t)(n ? n : 1));
	if (r->fields == NULL)
		return false;
	for (int i = 0; i < n; i++) {
		const char *name = phc_get_str(m);
		phc_field *f = &r->fields[i];

		f->name = name ? phc_strdup(r, name, strlen(name)) : "";
		f->table = (phantom_oid)phc_get_int32(m);
		f->column = phc_get_int16(m);
		f->type = (phantom_oid)phc_get_int32(m);
		f->size = phc_get_int16(m);
		f->mod = phc_get_int32(m);
		f->format = phc_get_int16(m);
	}
	return !m->bad;
}

static bool
read_data_row(phantom_conn *c, phc_msg *m)
{
	phantom_result *r = c->cur;
	int n = phc_get_int16(m);
	phc_value *row;

	if (r == NULL || r->status != PHANTOM_TUPLES_OK || n != r->nfields)
		return false;
	if (r->ntuples == r->rowcap) {
		int cap = r->rowcap ? r->rowcap * 2 : 64;
		phc_value **rows = realloc(r->rows, sizeof(*rows) * (size_t)cap);

		if (rows == NULL)
			return false;
		r->rows = rows;
		r->rowcap = cap;
	}
	row = phc_alloc(r, sizeof(phc_value) * (size_t)(n ? n : 1));
	if (row == NULL)
		return false;
	for (int i = 0; i < n; i++) {
		int32_t len = phc_get_int32(m);

		if (len < 0) {
			row[i].len = -1;
			row[i].v = "";
		} else {
			const char *v = phc_get_bytes(m, (size_t)len);

			if (v == NULL)
				return false;
			row[i].len = len;
			row[i].v = phc_strdup(r, v, (size_t)len);
			if (row[i].v == NULL)
				return false;
		}
	}
	r->rows[r->ntuples++] = row;
	return !m->bad;
}

static void
set_tag(phantom_result *r, const char *tag)
{
	if (r && tag)
		r->tag = phc_strdup(r, tag, strlen(tag));
}

/* Process every complete message in the input buffer (stopping at CopyData during COPY
 * OUT, which phantom_get_copy_data takes).  false when the connection failed. */
static bool
parse_input(phantom_conn *c)
{
	for (;;) {
		phc_msg m;
		size_t at = c->in_start;
		int r;

		if (c->status != PHANTOM_CONNECTION_OK)
			return false;
		r = phc_next_msg(c, &m);
		if (r < 0)
			return false;
		if (r == 0)
			return true;
		if (c->state == PHC_COPY_OUT && m.type == 'd') {
			c->in_start = at;   /* leave it for phantom_get_copy_data */
			return true;
		}
		if (phc_common_message(c, &m))
			continue;
		switch (m.type) {
		case 'T':
			if (c->qkind == PHC_Q_DESCRIBE) {
				phantom_result *d = current(c, PHANTOM_COMMAND_OK);

				if (!read_row_description(c, &m))
					goto bad;
				d->status = PHANTOM_COMMAND_OK;
				finish_current(c);
			} else if (!read_row_description(c, &m))
				goto bad;
			break;
		case 'D':
			if (!read_data_row(c, &m))
				goto bad;
			break;
		case 'C': {
			const char *tag = phc_get_str(&m);

			set_tag(current(c, PHANTOM_COMMAND_OK), tag);
			finish_current(c);
			break;
		}
		case 'I':
			phantom_clear(c->cur);
			c->cur = phc_result_new(PHANTOM_EMPTY_QUERY);
			finish_current(c);
			break;
		case 'E': {
			phantom_result *e = phc_result_new(PHANTOM_ERROR);

			phantom_clear(c->cur);
			c->cur = NULL;
			if (e == NULL)
				goto bad;
			phc_read_fields(e, &m);
			phc_set_error(c, "%s", e->errmsg);
			enqueue(c, e);
			if (c->state == PHC_COPY_OUT || c->state == PHC_COPY_IN)
				c->state = PHC_BUSY;
			break;
		}
		case 'Z':
			c->txn = m.len ? m.data[0] : 'I';
			phantom_clear(c->cur);
			c->cur = NULL;
			c->state = PHC_IDLE;
			return true;
		case 'G':
		case 'H': {
			phantom_result *cr = phc_result_new(m.type == 'G' ? PHANTOM_COPY_IN : PHANTOM_COPY_OUT);
			int fmt = (unsigned char)*phc_get_bytes(&m, 1);
			int n = phc_get_int16(&m);

			if (cr == NULL || m.bad)
				goto bad;
			cr->nfields = n;
			cr->fields = phc_alloc(cr, sizeof(phc_field) * (size_t)(n > 0 ? n : 1));
			for (int i = 0; cr->fields && i < n; i++) {
				memset(&cr->fields[i], 0, sizeof(phc_field));
				cr->fields[i].name = "";
				cr->fields[i].format = phc_get_int16(&m);
			}
			(void)fmt;
			enqueue(c, cr);
			c->copy_needs_sync = c->qkind == PHC_Q_EXTENDED;
			c->state = m.type == 'G' ? PHC_COPY_IN : PHC_COPY_OUT;
			break;
		}
		case 'c':   /* CopyDone after COPY OUT */
			if (c->state == PHC_COPY_OUT)
				c->state = PHC_BUSY;
			break;
		case '1':
			if (c->qkind == PHC_Q_PREPARE)
				enqueue(c, phc_result_new(PHANTOM_COMMAND_OK));
			break;
		case '3':
			if (c->qkind == PHC_Q_CLOSE)
				enqueue(c, phc_result_new(PHANTOM_COMMAND_OK));
			break;
		case '2':
		case 's':
			break;
		case 'n':
			if (c->qkind == PHC_Q_DESCRIBE && c->cur)
				finish_current(c);
			break;
		case 't': {
			phantom_result *d;
			int n = phc_get_int16(&m);

			phantom_clear(c->cur);
			c->cur = NULL;
			d = current(c, PHANTOM_COMMAND_OK);
			if (d == NULL || n < 0)
				goto bad;
			d->nparams = n;
			d->params = phc_alloc(d, sizeof(phantom_oid) * (size_t)(n ? n : 1));
			for (int i = 0; d->params && i < n; i++)
				d->params[i] = (phantom_oid)phc_get_int32(&m);
			if (m.bad || d->params == NULL)
				goto bad;
			break;
		}
		default:
			phc_fail(c, "unexpected message type 0x%02x from server\n", (unsigned char)m.type);
			return false;
		}
		continue;
bad:
		phc_fail(c, "malformed message of type 0x%02x from server\n", (unsigned char)m.type);
		return false;
	}
}

/* ---- sending --------------------------------------------------------------------------- */

static bool
can_send(phantom_conn *c)
{
	if (c == NULL)
		return false;
	if (c->status != PHANTOM_CONNECTION_OK) {
		if (c->errmsg == NULL || *c->errmsg == '\0')
			phc_set_error(c, "connection is not open\n");
		return false;
	}
	if (c->state != PHC_IDLE || c->qhead) {
		phc_set_error(c, "another command is already in progress\n");
		return false;
	}
	return true;
}

static int
start(phantom_conn *c, phc_qkind kind)
{
	c->qkind = kind;
	c->state = PHC_BUSY;
	if (phc_flush(c, false) < 0)
		return 0;
	return 1;
}

int
phantom_send_query(phantom_conn *c, const char *query)
{
	if (!can_send(c) || query == NULL)
		return 0;
	phc_out_begin(c, 'Q');
	phc_out_str(c, query);
	phc_out_end(c);
	return start(c, PHC_Q_SIMPLE);
}

static void
out_parse(phantom_conn *c, const char *name, const char *query, int nparams,
          const phantom_oid *types)
{
	phc_out_begin(c, 'P');
	phc_out_str(c, name);
	phc_out_str(c, query);
	phc_out_int16(c, (int16_t)(types ? nparams : 0));
	for (int i = 0; types && i < nparams; i++)
		phc_out_int32(c, (int32_t)types[i]);
	phc_out_end(c);
}

static void
out_bind_execute(phantom_conn *c, const char *stmt, int nparams, const char *const *values,
                 const int *lengths, const int *formats, int result_format)
{
	phc_out_begin(c, 'B');
	phc_out_str(c, "");
	phc_out_str(c, stmt);
	phc_out_int16(c, (int16_t)(formats ? nparams : 0));
	for (int i = 0; formats && i < nparams; i++)
		phc_out_int16(c, (int16_t)formats[i]);
	phc_out_int16(c, (int16_t)nparams);
	for (int i = 0; i < nparams; i++) {
		if (values == NULL || values[i] == NULL) {
			phc_out_int32(c, -1);
		} else {
			int len = formats && formats[i] == 1 && lengths ? lengths[i]
			                                                : (int)strlen(values[i]);

			phc_out_int32(c, len);
			phc_out_bytes(c, values[i], (size_t)len);
		}
	}
	phc_out_int16(c, 1);
	phc_out_int16(c, (int16_t)result_format);
	phc_out_end(c);
	phc_out_begin(c, 'D');
	phc_out_bytes(c, "P", 1);
	phc_out_str(c, "");
	phc_out_end(c);
	phc_out_begin(c, 'E');
	phc_out_str(c, "");
	phc_out_int32(c, 0);
	phc_out_end(c);
	phc_out_begin(c, 'S');
	phc_out_end(c);
}

static bool
check_nparams(phantom_conn *c, int nparams)
{
	if (nparams < 0 || nparams > 65535) {
		phc_set_error(c, "number of parameters must be between 0 and 65535\n");
		return false;
	}
	return true;
}

int
phantom_send_query_params(phantom_conn *c, const char *query, int nparams,
                          const phantom_oid *types, const char *const *values,
                          const int *lengths, const int *formats, int result_format)
{
	if (!can_send(c) || query == NULL || !check_nparams(c, nparams))
		return 0;
	out_parse(c, "", query, nparams, types);
	out_bind_execute(c, "", nparams, values, lengths, formats, result_format);
	return start(c, PHC_Q_EXTENDED);
}

int
phantom_send_prepare(phantom_conn *c, const char *name, const char *query, int nparams,
                     const phantom_oid *types)
{
	if (!can_send(c) || query == NULL || !check_nparams(c, nparams))
		return 0;
	out_parse(c, name ? name : "", query, nparams, types);
	phc_out_begin(c, 'S');
	phc_out_end(c);
	return start(c, PHC_Q_PREPARE);
}

int
phantom_send_query_prepared(phantom_conn *c, const char *name, int nparams,
                            const char *const *values, const int *lengths, const int *formats,
                            int result_format)
{
	if (!can_send(c) || !check_nparams(c, nparams))
		return 0;
	out_bind_execute(c, name ? name : "", nparams, values, lengths, formats, result_format);
	return start(c, PHC_Q_EXTENDED);
}

static int
send_describe_or_close(phantom_conn *c, char type, const char *name, phc_qkind kind)
{
	if (!can_send(c))
		return 0;
	phc_out_begin(c, type);
	phc_out_bytes(c, "S", 1);
	phc_out_str(c, name ? name : "");
	phc_out_end(c);
	phc_out_begin(c, 'S');
	phc_out_end(c);
	return start(c, kind);
}

int
phantom_send_describe_prepared(phantom_conn *c, const char *name)
{
	return send_describe_or_close(c, 'D', name, PHC_Q_DESCRIBE);
}

/* ---- receiving ------------------------------------------------------------------------- */

int
phantom_set_nonblocking(phantom_conn *c, int on)
{
	if (c == NULL)
		return 0;
	c->nonblocking = on != 0;
	return 1;
}

int
phantom_is_nonblocking(const phantom_conn *c)
{
	return c && c->nonblocking;
}

int
phantom_consume_input(phantom_conn *c)
{
	if (c == NULL || c->status != PHANTOM_CONNECTION_OK)
		return 0;
	while (phc_read(c, false, 0) > 0)
		;
	if (c->status != PHANTOM_CONNECTION_OK)
		return 0;
	return parse_input(c) ? 1 : 0;
}

int
phantom_is_busy(phantom_conn *c)
{
	if (c == NULL)
		return 0;
	parse_input(c);
	return c->qhead == NULL && c->state == PHC_BUSY;
}

phantom_result *
phantom_get_result(phantom_conn *c)
{
	if (c == NULL)
		return NULL;
	for (;;) {
		phantom_result *r;

		parse_input(c);
		r = dequeue(c);
		if (r)
			return r;
		if (c->state == PHC_IDLE)
			return NULL;
		if (c->state == PHC_COPY_IN || c->state == PHC_COPY_OUT)
			return phc_result_new(c->state == PHC_COPY_IN ? PHANTOM_COPY_IN : PHANTOM_COPY_OUT);
		if (c->out_len && phc_flush(c, true) < 0)
			continue;   /* the failure queued an error result */
		if (phc_read(c, true, 0) < 0)
			continue;
	}
}

/* Blocking commands: drop what an earlier command left, send, collect. */
static bool
exec_start(phantom_conn *c)
{
	phantom_result *r;

	if (c == NULL)
		return false;
	if (c->state == PHC_COPY_IN || c->state == PHC_COPY_OUT) {
		phc_set_error(c, "a COPY is in progress\n");
		return false;
	}
	while ((r = phantom_get_result(c)) != NULL)
		phantom_clear(r);
	return true;
}

static phantom_result *
conn_error_result(phantom_conn *c)
{
	return phc_error_result(c && c->errmsg ? c->errmsg : "connection pointer is NULL\n");
}

static phantom_result *
exec_finish(phantom_conn *c)
{
	phantom_result *last = NULL, *r;

	while ((r = phantom_get_result(c)) != NULL) {
		if (r->status == PHANTOM_COPY_IN || r->status == PHANTOM_COPY_OUT) {
			phantom_clear(last);
			return r;
		}
		if (last && last->status == PHANTOM_ERROR) {
			phantom_clear(r);   /* the first error is what the caller needs */
			continue;
		}
		phantom_clear(last);
		last = r;
	}
	return last ? last : conn_error_result(c);
}

phantom_result *
phantom_exec(phantom_conn *c, const char *query)
{
	if (!exec_start(c) || !phantom_send_query(c, query))
		return conn_error_result(c);
	return exec_finish(c);
}

phantom_result *
phantom_exec_params(phantom_conn *c, const char *query, int nparams, const phantom_oid *types,
                    const char *const *values, const int *lengths, const int *formats,
                    int result_format)
{
	if (!exec_start(c) ||
	    !phantom_send_query_params(c, query, nparams, types, values, lengths, formats,
	                               result_format))
		return conn_error_result(c);
	return exec_finish(c);
}

phantom_result *
phantom_prepare(phantom_conn *c, const char *name, const char *query, int nparams,
                const phantom_oid *types)
{
	if (!exec_start(c) || !phantom_send_prepare(c, name, query, nparams, types))
		return conn_error_result(c);
	return exec_finish(c);
}

phantom_result *
phantom_exec_prepared(phantom_conn *c, const char *name, int nparams, const char *const *values,
                      const int *lengths, const int *formats, int result_format)
{
	if (!exec_start(c) ||
	    !phantom_send_query_prepared(c, name, nparams, values, lengths, formats, result_format))
		return conn_error_result(c);
	return exec_finish(c);
}

phantom_result *
phantom_describe_prepared(phantom_conn *c, const char *name)
{
	if (!exec_start(c) || !phantom_send_describe_prepared(c, name))
		return conn_error_result(c);
	return exec_finish(c);
}

phantom_result *
phantom_close_prepared(phantom_conn *c, const char *name)
{
	if (!exec_start(c) || !send_describe_or_close(c, 'C', name, PHC_Q_CLOSE))
		return conn_error_result(c);
	return exec_finish(c);
}

/* ---- COPY -------------------------------------------------------------------------------- */

#define COPY_OUT_LIMIT (64 * 1024)

int
phantom_put_copy_data(phantom_conn *c, const char *buf, int nbytes)
{
	if (c == NULL || c->state != PHC_COPY_IN || nbytes < 0) {
		if (c)
			phc_set_error(c, "no COPY FROM STDIN in progress\n");
		return -1;
	}
	/* read what the server sent (an early error ends the copy from its side) */
	if (phc_read(c, false, 0) < 0 || !parse_input(c))
		return -1;
	if (c->state != PHC_COPY_IN)
		return -1;
	if (c->nonblocking && c->out_len > COPY_OUT_LIMIT && phc_flush(c, false) != 0)
		return c->status == PHANTOM_CONNECTION_OK ? 0 : -1;
	phc_out_begin(c, 'd');
	phc_out_bytes(c, buf, (size_t)nbytes);
	phc_out_end(c);
	if (c->out_len > COPY_OUT_LIMIT && phc_flush(c, false) < 0)
		return -1;
	return 1;
}

int
phantom_put_copy_end(phantom_conn *c, const char *errmsg)
{
	if (c == NULL || c->state != PHC_COPY_IN) {
		if (c)
			phc_set_error(c, "no COPY FROM STDIN in progress\n");
		return -1;
	}
	if (errmsg) {
		phc_out_begin(c, 'f');
		phc_out_str(c, errmsg);
	} else {
		phc_out_begin(c, 'c');
	}
	phc_out_end(c);
	if (c->copy_needs_sync) {
		phc_out_begin(c, 'S');
		phc_out_end(c);
	}
	c->state = PHC_BUSY;
	return phc_flush(c, false) < 0 ? -1 : 1;
}

int
phantom_get_copy_data(phantom_conn *c, char **buffer, int async)
{
	*buffer = NULL;
	if (c == NULL)
		return -2;
	for (;;) {
		size_t have = c->in_end - c->in_start;

		if (c->state == PHC_COPY_OUT && have >= 5 && c->in[c->in_start] == 'd') {
			phc_msg m;
			int r = phc_next_msg(c, &m);

			if (r < 0)
				return -2;
			if (r == 1) {
				char *b = malloc(m.len + 1);

				if (b == NULL) {
					phc_set_error(c, "out of memory\n");
					return -2;
				}
				memcpy(b, m.data, m.len);
				b[m.len] = '\0';
				*buffer = b;
				return (int)m.len;
			}
		}
		if (!parse_input(c))
			return -2;
		if (c->state != PHC_COPY_OUT)
			return c->status == PHANTOM_CONNECTION_OK ? -1 : -2;
		have = c->in_end - c->in_start;
		if (have >= 5 && c->in[c->in_start] == 'd') {
			uint32_t len = (uint32_t)(unsigned char)c->in[c->in_start + 1] << 24 |
			               (uint32_t)(unsigned char)c->in[c->in_start + 2] << 16 |
			               (uint32_t)(unsigned char)c->in[c->in_start + 3] << 8 |
			               (unsigned char)c->in[c->in_start + 4];

			if (have >= (size_t)len + 1)
				continue;   /* complete: take it above */
		}
		if (phc_read(c, !async, 0) < 0)
			return -2;
		if (async && c->in_end - c->in_start == have)
			return 0;
	}
}
