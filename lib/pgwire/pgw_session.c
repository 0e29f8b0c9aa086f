/*
 * pgw_session.c — one client session: startup, ParameterStatus, BackendKeyData, the message
 * loop with the simple and extended query protocols, COPY, notices and errors.  See
 * README.md for the state machine and invariants; the engine is reached through
 * lib/sql/engine.h only.
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pgwire/pgw.h"
#include "pgwire/pgw_int.h"
#include "pgwire/pgw_scram.h"
#include "shm/proc.h"
#include "sql/engine.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"
#include "util/mem.h"

#define PROTO_30 196608u              /* 3 << 16 */
#define STARTUP_MAX 10000
#define CANCEL_REQUEST_CODE 80877102u
#define SSL_REQUEST_CODE 80877103u
#define GSSENC_REQUEST_CODE 80877104u
#define MAX_PARAM_STATUS 64

/* ---- name maps for prepared statements and portals ---------------------------------------- */

typedef struct named {
	char *name;
	void *obj;               /* sql_prepared * or sql_portal * */
	char *query;             /* the statement's text, for ps_query and the log */
	struct named *next;
} named;

#define NBUCKETS 64
typedef struct name_map {
	named *b[NBUCKETS];
	void (*free_obj)(void *obj);
} name_map;

static unsigned
name_hash(const char *s)
{
	unsigned h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % NBUCKETS;
}

static named *
map_find(name_map *m, const char *name)
{
	for (named *e = m->b[name_hash(name)]; e; e = e->next)
		if (strcmp(e->name, name) == 0)
			return e;
	return NULL;
}

static void
map_put(name_map *m, mem_ctx *ctx, const char *name, void *obj, const char *query)
{
	named *e = mem_alloc(ctx, sizeof(*e));
	unsigned h = name_hash(name);

	e->name = mem_strdup(ctx, name);
	e->obj = obj;
	e->query = mem_strdup(ctx, query);
	e->next = m->b[h];
	m->b[h] = e;
}

/* Remove and free an entry; false when there was none.  The engine object is freed first:
 * if that raises, the entry is already unlinked (never freed twice). */
static bool
map_remove(name_map *m, const char *name)
{
	named **pp = &m->b[name_hash(name)];

	for (; *pp; pp = &(*pp)->next) {
		named *e = *pp;

		if (strcmp(e->name, name) == 0) {
			*pp = e->next;
			m->free_obj(e->obj);
			pfree(e->name);
			pfree(e->query);
			pfree(e);
			return true;
		}
	}
	return false;
}

static void
map_clear(name_map *m)
{
	for (int i = 0; i < NBUCKETS; i++)
		while (m->b[i])
			map_remove(m, m->b[i]->name);
}

static void
free_prepared(void *p)
{
	sql_prepared_free(p);
}

static void
free_portal(void *p)
{
	sql_portal_free(p);
}

/* ---- the session ------------------------------------------------------------------------- */

typedef struct session {
	pgw_conn c;
	mem_ctx *ctx;                 /* lives as long as the session */
	mem_ctx *msg_ctx;             /* reset after every message */
	dest_receiver dest;
	const char *user, *database, *appname;
	bool started;                 /* sql_session_start succeeded */
	bool ready_pending;           /* send ReadyForQuery before reading again */
	bool skip_to_sync;            /* an extended-protocol message failed */
	bool in_extended;             /* the message being handled is P/B/D/E/C/H */
	/* ParameterStatus values collected while the engine session starts */
	bool gathering;
	int nparams;
	char *pnames[MAX_PARAM_STATUS], *pvalues[MAX_PARAM_STATUS];
	/* COPY FROM STDIN */
	bool copy_done;
	const char *copy_data;
	size_t copy_len, copy_pos;
	/* the statement running, for the log */
	const char *cur_query;
	int64_t stmt_start;
	name_map stmts, portals;
} session;

static const char *
level_word(int level)
{
	switch (level) {
	case LV_DEBUG2:
	case LV_DEBUG:
		return "DEBUG";
	case LV_INFO:
		return "INFO";
	case LV_NOTICE:
		return "NOTICE";
	case LV_WARNING:
		return "WARNING";
	case LV_FATAL:
		return "FATAL";
	case LV_PANIC:
		return "PANIC";
	default:
		return "ERROR";
	}
}

static void
put_field(pgw_conn *c, char code, const char *value)
{
	if (value && *value) {
		pgw_put_int8(c, (uint8_t)code);
		pgw_put_str(c, value);
	}
}

/* ErrorResponse ('E') or NoticeResponse ('N') with every field that is set. */
static void
send_report(pgw_conn *c, char type, const err_info *e)
{
	const char *sev = level_word(e->level);
	char num[16];

	pgw_begin(c, type);
	put_field(c, 'S', sev);
	put_field(c, 'V', sev);
	put_field(c, 'C', e->sqlstate[0] ? e->sqlstate : ERRCODE_INTERNAL_ERROR);
	put_field(c, 'M', e->message);
	put_field(c, 'D', e->detail);
	put_field(c, 'H', e->hint);
	if (e->position > 0) {
		snprintf(num, sizeof(num), "%d", e->position);
		put_field(c, 'P', num);
	}
	put_field(c, 's', e->schema);
	put_field(c, 't', e->table);
	put_field(c, 'c', e->column);
	put_field(c, 'n', e->constraint);
	if (e->file) {
		const char *base = strrchr(e->file, '/');

		put_field(c, 'F', base ? base + 1 : e->file);
	}
	if (e->line > 0) {
		snprintf(num, sizeof(num), "%d", e->line);
		put_field(c, 'L', num);
	}
	put_field(c, 'R', e->func);
	pgw_put_int8(c, 0);
	pgw_end(c);
}

static void
send_row_description(pgw_conn *c, int n, const res_column *cols, bool text_only)
{
	pgw_begin(c, 'T');
	pgw_put_int16(c, (int16_t)n);
	for (int i = 0; i < n; i++) {
		pgw_put_str(c, cols[i].name ? cols[i].name : "?column?");
		pgw_put_int32(c, (int32_t)cols[i].table_oid);
		pgw_put_int16(c, cols[i].column_no);
		pgw_put_int32(c, (int32_t)cols[i].type_oid);
		pgw_put_int16(c, cols[i].type_len);
		pgw_put_int32(c, cols[i].typmod);
		pgw_put_int16(c, text_only ? 0 : cols[i].format);
	}
	pgw_end(c);
}

static void
send_simple(pgw_conn *c, char type)
{
	pgw_begin(c, type);
	pgw_end(c);
}

static void
slot_str(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

/* ---- dest_receiver callbacks ------------------------------------------------------------- */

static void
d_describe(dest_receiver *d, int ncols, const res_column *cols)
{
	session *S = d->priv;

	send_row_description(&S->c, ncols, cols, false);
}

static void
d_row(dest_receiver *d, int ncols, const char *const *vals, const int32_t *lens)
{
	pgw_conn *c = &((session *)d->priv)->c;

	pgw_begin(c, 'D');
	pgw_put_int16(c, (int16_t)ncols);
	for (int i = 0; i < ncols; i++) {
		if (vals[i] == NULL || lens[i] < 0) {
			pgw_put_int32(c, -1);
		} else {
			pgw_put_int32(c, lens[i]);
			pgw_put_bytes(c, vals[i], (size_t)lens[i]);
		}
	}
	pgw_end(c);
}

static void
d_complete(dest_receiver *d, const char *tag)
{
	pgw_conn *c = &((session *)d->priv)->c;

	pgw_begin(c, 'C');
	pgw_put_str(c, tag);
	pgw_end(c);
}

static void
d_empty(dest_receiver *d)
{
	send_simple(&((session *)d->priv)->c, 'I');
}

static void
d_notice(dest_receiver *d, const err_info *n)
{
	send_report(&((session *)d->priv)->c, 'N', n);
}

static void
d_param_status(dest_receiver *d, const char *name, const char *value)
{
	session *S = d->priv;

	if (S->gathering) {
		for (int i = 0; i < S->nparams; i++)
			if (strcmp(S->pnames[i], name) == 0) {
				S->pvalues[i] = mem_strdup(S->ctx, value);
				return;
			}
		if (S->nparams < MAX_PARAM_STATUS) {
			S->pnames[S->nparams] = mem_strdup(S->ctx, name);
			S->pvalues[S->nparams++] = mem_strdup(S->ctx, value);
		}
		return;
	}
	pgw_begin(&S->c, 'S');
	pgw_put_str(&S->c, name);
	pgw_put_str(&S->c, value);
	pgw_end(&S->c);
	if (strcmp(name, "application_name") == 0 && proc_me)
		slot_str(proc_me->ps_application, sizeof(proc_me->ps_application), value);
}

static void
copy_response(session *S, char type, copy_format fmt, int ncols)
{
	int16_t f = fmt == COPY_BINARY ? 1 : 0;

	pgw_begin(&S->c, type);
	pgw_put_int8(&S->c, (uint8_t)f);
	pgw_put_int16(&S->c, (int16_t)ncols);
	for (int i = 0; i < ncols; i++)
		pgw_put_int16(&S->c, f);
	pgw_end(&S->c);
}

static void
d_copy_in_begin(dest_receiver *d, copy_format fmt, int ncols)
{
	session *S = d->priv;

	S->copy_done = false;
	S->copy_data = NULL;
	S->copy_len = S->copy_pos = 0;
	copy_response(S, 'G', fmt, ncols);
	pgw_flush(&S->c);
}

static size_t
d_copy_in_read(dest_receiver *d, char *buf, size_t cap)
{
	session *S = d->priv;
	size_t n;

	while (!S->copy_done && S->copy_pos >= S->copy_len) {
		pgw_msg m;

		if (pgw_conn_recv(&S->c, &m, PGW_WAIT_COPY) == 0) {
			S->c.broken = true;
			ph_fatal(ERRCODE_CONNECTION_FAILURE,
			         "unexpected EOF on client connection during COPY from stdin");
		}
		switch (m.type) {
		case 'd':
			S->copy_data = m.data;
			S->copy_len = m.len;
			S->copy_pos = 0;
			break;
		case 'c':
			S->copy_done = true;
			break;
		case 'f':
			S->copy_done = true;
			ph_error(ERRCODE_QUERY_CANCELED, "COPY from stdin failed: %s", pgw_get_str(&m));
		case 'H':
		case 'S':
			break;   /* ignored during COPY, as PostgreSQL does */
		default:
			pgw_protocol_violation("unexpected message type 0x%02x during COPY from stdin",
			                       (unsigned char)m.type);
		}
	}
	if (S->copy_done)
		return 0;
	n = S->copy_len - S->copy_pos;
	if (n > cap)
		n = cap;
	memcpy(buf, S->copy_data + S->copy_pos, n);
	S->copy_pos += n;
	return n;
}

static void
d_copy_out_begin(dest_receiver *d, copy_format fmt, int ncols)
{
	copy_response(d->priv, 'H', fmt, ncols);
}

static void
d_copy_out_data(dest_receiver *d, const char *data, size_t len)
{
	pgw_conn *c = &((session *)d->priv)->c;

	pgw_begin(c, 'd');
	pgw_put_bytes(c, data, len);
	pgw_end(c);
}

static void
d_copy_out_end(dest_receiver *d)
{
	send_simple(&((session *)d->priv)->c, 'c');
}

/* ---- statements ------------------------------------------------------------------------- */

static void
statement_begin(session *S, const char *query)
{
	S->cur_query = query;
	S->stmt_start = proc_now_us();
	if (proc_me) {
		slot_str(proc_me->ps_query, sizeof(proc_me->ps_query), query);
		proc_me->ps_query_start = S->stmt_start;
	}
}

static void
statement_end(session *S)
{
	if (S->cur_query && settings.log_min_duration_statement >= 0) {
		double ms = (double)(proc_now_us() - S->stmt_start) / 1000.0;

		if (ms >= (double)settings.log_min_duration_statement)
			log_msg(LV_INFO, "duration: %.3f ms  statement: %s", ms, S->cur_query);
	}
	S->cur_query = NULL;
	if (proc_me)
		proc_me->ps_query_start = 0;
}

static void
msg_query(session *S, pgw_msg *m)
{
	/* copied: reading CopyData during the statement may move the input buffer */
	const char *query = pstrdup(pgw_get_str(m));

	pgw_get_end(m);
	map_remove(&S->stmts, "");   /* a simple Query drops the unnamed statement */
	statement_begin(S, query);
	sql_exec_simple(query, &S->dest);
	statement_end(S);
	S->ready_pending = true;
}

static void
msg_parse(session *S, pgw_msg *m)
{
	const char *name = pgw_get_str(m);
	const char *query = pgw_get_str(m);
	int16_t n = pgw_get_int16(m);
	Oid *types;
	sql_prepared *p;

	if (n < 0)
		pgw_protocol_violation("invalid number of parameters %d in Parse", n);
	types = palloc(sizeof(Oid) * (size_t)(n ? n : 1));
	for (int i = 0; i < n; i++)
		types[i] = (Oid)pgw_get_int32(m);
	pgw_get_end(m);
	if (*name && map_find(&S->stmts, name))
		ph_error(ERRCODE_DUPLICATE_PREPARED_STATEMENT, "prepared statement \"%s\" already exists",
		         name);
	if (*name == '\0')
		map_remove(&S->stmts, "");
	p = sql_prepare(query, n, types);
	map_put(&S->stmts, S->ctx, name, p, query);
	send_simple(&S->c, '1');
}

static named *
find_statement(session *S, const char *name)
{
	named *e = map_find(&S->stmts, name);

	if (e == NULL) {
		if (*name)
			ph_error(ERRCODE_INVALID_SQL_STATEMENT_NAME, "prepared statement \"%s\" does not exist",
			         name);
		ph_error(ERRCODE_INVALID_SQL_STATEMENT_NAME, "unnamed prepared statement does not exist");
	}
	return e;
}

static named *
find_portal(session *S, const char *name)
{
	named *e = map_find(&S->portals, name);

	if (e == NULL)
		ph_error(ERRCODE_INVALID_CURSOR_NAME, "portal \"%s\" does not exist", name);
	return e;
}

static int16_t *
get_formats(pgw_msg *m, int16_t *count)
{
	int16_t n = pgw_get_int16(m);
	int16_t *f;

	if (n < 0)
		pgw_protocol_violation("invalid number of format codes %d", n);
	f = palloc(sizeof(int16_t) * (size_t)(n ? n : 1));
	for (int i = 0; i < n; i++) {
		f[i] = pgw_get_int16(m);
		if (f[i] != 0 && f[i] != 1)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "unsupported format code: %d", f[i]);
	}
	*count = n;
	return f;
}

static void
msg_bind(session *S, pgw_msg *m)
{
	const char *pname = pgw_get_str(m);
	const char *sname = pgw_get_str(m);
	int16_t nformats, nparams, nresult;
	int16_t *formats, *rformats;
	const char **values;
	int32_t *lengths;
	named *st;
	sql_portal *portal;

	formats = get_formats(m, &nformats);
	nparams = pgw_get_int16(m);
	if (nparams < 0)
		pgw_protocol_violation("invalid number of parameters %d in Bind", nparams);
	values = palloc(sizeof(char *) * (size_t)(nparams ? nparams : 1));
	lengths = palloc(sizeof(int32_t) * (size_t)(nparams ? nparams : 1));
	for (int i = 0; i < nparams; i++) {
		int32_t len = pgw_get_int32(m);

		if (len < -1)
			pgw_protocol_violation("invalid parameter length %d in Bind", len);
		lengths[i] = len;
		if (len == -1) {
			values[i] = NULL;
		} else {
			char *v = palloc((size_t)len + 1);   /* NUL-terminated copy for text values */

			memcpy(v, pgw_get_bytes(m, (size_t)len), (size_t)len);
			v[len] = '\0';
			values[i] = v;
		}
	}
	rformats = get_formats(m, &nresult);
	pgw_get_end(m);
	st = find_statement(S, sname);
	if (*pname && map_find(&S->portals, pname))
		ph_error(ERRCODE_DUPLICATE_CURSOR, "portal \"%s\" already exists", pname);
	map_remove(&S->portals, "");
	portal = sql_bind(st->obj, nparams, values, lengths, nformats, formats, nresult, rformats);
	map_put(&S->portals, S->ctx, pname, portal, st->query);
	send_simple(&S->c, '2');
}

static void
msg_describe(session *S, pgw_msg *m)
{
	uint8_t kind = pgw_get_int8(m);
	const char *name = pgw_get_str(m);
	const res_column *cols;
	int n;

	pgw_get_end(m);
	if (kind == 'S') {
		named *st = find_statement(S, name);
		const Oid *types;
		int np = sql_prepared_params(st->obj, &types);

		pgw_begin(&S->c, 't');
		pgw_put_int16(&S->c, (int16_t)np);
		for (int i = 0; i < np; i++)
			pgw_put_int32(&S->c, (int32_t)types[i]);
		pgw_end(&S->c);
		n = sql_prepared_columns(st->obj, &cols);
		if (n < 0)
			send_simple(&S->c, 'n');
		else
			send_row_description(&S->c, n, cols, true);
	} else if (kind == 'P') {
		named *po = find_portal(S, name);

		n = sql_portal_columns(po->obj, &cols);
		if (n < 0)
			send_simple(&S->c, 'n');
		else
			send_row_description(&S->c, n, cols, false);
	} else {
		pgw_protocol_violation("invalid DESCRIBE message subtype %d", kind);
	}
}

static void
msg_execute(session *S, pgw_msg *m)
{
	const char *name = pgw_get_str(m);
	int32_t max_rows = pgw_get_int32(m);
	named *po;

	pgw_get_end(m);
	po = find_portal(S, name);
	statement_begin(S, po->query);
	if (sql_execute(po->obj, max_rows > 0 ? max_rows : 0, &S->dest))
		send_simple(&S->c, 's');
	statement_end(S);
}

static void
msg_close(session *S, pgw_msg *m)
{
	uint8_t kind = pgw_get_int8(m);
	const char *name = pgw_get_str(m);

	pgw_get_end(m);
	if (kind == 'S')
		map_remove(&S->stmts, name);
	else if (kind == 'P')
		map_remove(&S->portals, name);
	else
		pgw_protocol_violation("invalid CLOSE message subtype %d", kind);
	send_simple(&S->c, '3');
}

static void
send_ready(session *S)
{
	char state = sql_txn_state();

	if (state == 'I')
		map_clear(&S->portals);   /* no transaction: no portal can be alive */
	pgw_begin(&S->c, 'Z');
	pgw_put_int8(&S->c, (uint8_t)state);
	pgw_end(&S->c);
	pgw_flush(&S->c);
	S->ready_pending = false;
	if (state != 'I' && settings.idle_in_transaction_session_timeout > 0)
		S->c.idle_deadline_us =
			proc_now_us() + settings.idle_in_transaction_session_timeout * 1000;
	else
		S->c.idle_deadline_us = 0;
}

/* Handle one message; true ends the session. */
static bool
dispatch(session *S, pgw_msg *m)
{
	S->in_extended = strchr("PBDECH", m->type) != NULL;
	if (S->skip_to_sync && m->type != 'S' && m->type != 'X')
		return false;
	switch (m->type) {
	case 'Q':
		msg_query(S, m);
		break;
	case 'P':
		msg_parse(S, m);
		break;
	case 'B':
		msg_bind(S, m);
		break;
	case 'D':
		msg_describe(S, m);
		break;
	case 'E':
		msg_execute(S, m);
		break;
	case 'C':
		msg_close(S, m);
		break;
	case 'H':
		pgw_get_end(m);
		pgw_flush(&S->c);
		break;
	case 'S':
		pgw_get_end(m);
		S->skip_to_sync = false;
		S->ready_pending = true;
		sql_sync();
		break;
	case 'X':
		return true;
	case 'd':
	case 'c':
	case 'f':
		break;   /* the tail of a COPY that failed: dropped */
	case 'F':
		S->ready_pending = true;
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "fastpath function calls are not supported");
	default:
		pgw_protocol_violation("invalid frontend message type %d", (unsigned char)m->type);
	}
	return false;
}

/* After an error was raised: report it; true when the session must end. */
static bool
handle_error(session *S)
{
	err_info e;
	bool fatal;

	err_copy(&e);
	pgw_abandon_partial(&S->c);
	statement_end(S);
	fatal = e.level >= LV_FATAL;
	if (fatal) {
		if (strcmp(e.sqlstate, ERRCODE_PROTOCOL_VIOLATION) == 0)
			log_msg(LV_WARNING, "protocol violation from %s: %s", S->c.peer, e.message);
		else if (strcmp(e.sqlstate, ERRCODE_CONNECTION_FAILURE) == 0)
			log_msg(LV_INFO, "connection from %s ended: %s", S->c.peer, e.message);
		else
			log_msg(LV_FATAL, "%s (SQLSTATE %s) for %s", e.message, e.sqlstate, S->c.peer);
	} else if (S->cur_query || S->started) {
		log_msg(LV_ERROR, "%s (SQLSTATE %s)%s%s", e.message, e.sqlstate,
		        S->c.peer[0] ? " from " : "", S->c.peer);
	}
	if (!S->c.broken) {
		send_report(&S->c, 'E', &e);
		if (fatal)
			pgw_flush(&S->c);
	}
	if (fatal)
		return true;
	if (S->in_extended)
		S->skip_to_sync = true;
	else
		S->ready_pending = true;
	return false;
}

/* ---- startup ------------------------------------------------------------------------------ */

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool
encoding_is_utf8(const char *name)
{
	char norm[32];
	size_t n = 0;

	for (const char *p = name; *p && n + 1 < sizeof(norm); p++)
		if (*p != '-' && *p != '_')
			norm[n++] = *p;
	norm[n] = '\0';
	return strcasecmp(norm, "UTF8") == 0 || strcasecmp(norm, "UNICODE") == 0 ||
	       strcasecmp(norm, "SQLASCII") == 0 || strcasecmp(norm, "auto") == 0;
}

typedef struct startup_info {
	sql_session_params p;
	const char **names, **values;
	int nextra;
	const char **unknown_opts;
	int nunknown;
	uint32_t minor;
} startup_info;

static void
parse_startup(session *S, const void *data, size_t len, startup_info *si)
{
	const unsigned char *p = data;
	const char *end;
	uint32_t version;
	int cap;

	memset(si, 0, sizeof(*si));
	if (len >= 8 && rd32(p) == len) {   /* the packet with its length word */
		p += 4;
		len -= 4;
	}
	if (len < 4 || len > STARTUP_MAX)
		pgw_protocol_violation("invalid length of startup packet");
	version = rd32(p);
	if (version == SSL_REQUEST_CODE || version == GSSENC_REQUEST_CODE ||
	    version == CANCEL_REQUEST_CODE)
		pgw_protocol_violation("unexpected SSL, GSS or cancel request after startup");
	if (version >> 16 != 3) {
		ERR_BEGIN(ERRCODE_FEATURE_NOT_SUPPORTED);
		err_level(LV_FATAL);
		err_throw("unsupported frontend protocol %u.%u: server supports 3.0 to 3.0",
		          version >> 16, version & 0xffff);
	}
	si->minor = version & 0xffff;
	/* copy: name\0value\0 ... \0 */
	{
		char *buf = mem_alloc(S->ctx, len - 4 + 1);

		memcpy(buf, p + 4, len - 4);
		buf[len - 4] = '\0';
		end = buf + (len - 4);
		if (len - 4 == 0 || end[-1] != '\0')
			pgw_protocol_violation("invalid startup packet layout: expected terminator as last byte");
		cap = (int)(len / 2) + 1;
		si->names = mem_alloc(S->ctx, sizeof(char *) * (size_t)cap);
		si->values = mem_alloc(S->ctx, sizeof(char *) * (size_t)cap);
		si->unknown_opts = mem_alloc(S->ctx, sizeof(char *) * (size_t)cap);
		for (const char *q = buf; q < end && *q;) {
			const char *name = q, *value;

			q += strlen(q) + 1;
			if (q >= end)
				pgw_protocol_violation("invalid startup packet layout: expected terminator as last byte");
			value = q;
			q += strlen(q) + 1;
			if (strcmp(name, "user") == 0)
				si->p.user = value;
			else if (strcmp(name, "database") == 0)
				si->p.database = value;
			else if (strcmp(name, "application_name") == 0)
				si->p.application_name = value;
			else if (strcmp(name, "options") == 0)
				si->p.options = value;
			else if (strcmp(name, "replication") == 0) {
				if (strcmp(value, "false") != 0 && strcmp(value, "0") != 0 &&
				    strcmp(value, "off") != 0 && strcmp(value, "no") != 0)
					ph_fatal(ERRCODE_FEATURE_NOT_SUPPORTED, "replication connections are not supported");
			} else if (strncmp(name, "_pq_.", 5) == 0) {
				si->unknown_opts[si->nunknown++] = name;
			} else {
				if (strcmp(name, "client_encoding") == 0) {
					if (!encoding_is_utf8(value)) {
						ERR_BEGIN(ERRCODE_INVALID_PARAMETER_VALUE);
						err_level(LV_FATAL);
						err_detail("Only UTF8 is supported.");
						err_throw("invalid value for parameter \"client_encoding\": \"%s\"", value);
					}
					value = "UTF8";
				}
				si->names[si->nextra] = name;
				si->values[si->nextra++] = value;
			}
		}
	}
	if (si->p.user == NULL || *si->p.user == '\0')
		ph_fatal(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION,
		         "no PostgreSQL user name specified in startup packet");
	if (si->p.database == NULL || *si->p.database == '\0')
		si->p.database = si->p.user;
	if (si->p.application_name == NULL)
		si->p.application_name = settings.application_name ? settings.application_name : "";
	si->p.nextra = si->nextra;
	si->p.extra_names = si->names;
	si->p.extra_values = si->values;
}

static void
peer_name(session *S, startup_info *si)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	char host[INET6_ADDRSTRLEN] = "";
	int port = 0;

	if (getpeername(S->c.sock, (struct sockaddr *)&ss, &sl) == 0 && ss.ss_family == AF_INET) {
		const struct sockaddr_in *a = (const struct sockaddr_in *)&ss;

		inet_ntop(AF_INET, &a->sin_addr, host, sizeof(host));
		port = ntohs(a->sin_port);
	} else if (ss.ss_family == AF_INET6 && sl > 0) {
		const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)&ss;

		inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof(host));
		port = ntohs(a->sin6_port);
	}
	if (host[0]) {
		snprintf(S->c.peer, sizeof(S->c.peer), "%s:%d", host, port);
		si->p.client_addr = mem_strdup(S->ctx, host);
	} else {
		snprintf(S->c.peer, sizeof(S->c.peer), "[local]");
		si->p.client_addr = "[local]";
	}
}

/* The ParameterStatus values clients rely on, unless the engine reported its own. */
static void
send_parameter_status(session *S)
{
	static char version[64];
	const char *defaults[][2] = {
		{"server_version", version},
		{"server_encoding", "UTF8"},
		{"client_encoding", "UTF8"},
		{"DateStyle", settings.datestyle ? settings.datestyle : "ISO, MDY"},
		{"IntervalStyle", settings.intervalstyle ? settings.intervalstyle : "postgres"},
		{"integer_datetimes", "on"},
		{"standard_conforming_strings", "on"},
		{"TimeZone", settings.timezone ? settings.timezone : "UTC"},
		{"application_name", S->appname},
		{"is_superuser", "off"},
		{"session_authorization", S->user},
	};

	snprintf(version, sizeof(version), "15.0 (Phantom-DB %s)", PACKAGE_VERSION);
	S->gathering = false;
	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		bool given = false;

		for (int k = 0; k < S->nparams; k++)
			if (strcasecmp(S->pnames[k], defaults[i][0]) == 0)
				given = true;
		if (!given)
			d_param_status(&S->dest, defaults[i][0], defaults[i][1]);
	}
	for (int k = 0; k < S->nparams; k++)
		d_param_status(&S->dest, S->pnames[k], S->pvalues[k]);
}

static void
negotiate_version(session *S, startup_info *si)
{
	if (si->minor == 0 && si->nunknown == 0)
		return;
	pgw_begin(&S->c, 'v');
	pgw_put_int32(&S->c, (int32_t)PROTO_30);
	pgw_put_int32(&S->c, si->nunknown);
	for (int i = 0; i < si->nunknown; i++)
		pgw_put_str(&S->c, si->unknown_opts[i]);
	pgw_end(&S->c);
}

static void
session_startup(session *S, const void *startup, size_t len)
{
	startup_info si;
	int32_t key = 0;

	S->c.deadline_us = proc_now_us() + settings.authentication_timeout * 1000;
	peer_name(S, &si);
	{
		const char *addr = si.p.client_addr;

		parse_startup(S, startup, len, &si);
		si.p.client_addr = addr;
	}
	S->user = si.p.user;
	S->database = si.p.database;
	S->appname = si.p.application_name;
	if (proc_me) {
		slot_str(proc_me->ps_user, sizeof(proc_me->ps_user), S->user);
		slot_str(proc_me->ps_database, sizeof(proc_me->ps_database), S->database);
		slot_str(proc_me->ps_application, sizeof(proc_me->ps_application), S->appname);
		slot_str(proc_me->ps_client, sizeof(proc_me->ps_client), S->c.peer);
		proc_me->ps_session_start = proc_now_us();
	}
	negotiate_version(S, &si);
	pgw_authenticate(&S->c, S->user, S->database);
	S->c.deadline_us = 0;
	S->gathering = true;
	sql_session_start(&si.p, &S->dest);
	S->started = true;
	send_parameter_status(S);
	/* the worker chose the key before the hand-off; tests have none */
	if (proc_me && proc_me->ps_cancel_key != 0)
		key = proc_me->ps_cancel_key;
	while (key == 0)
		(void)pgw_random_bytes(&key, sizeof(key));
	if (proc_me)
		proc_me->ps_cancel_key = key;
	pgw_begin(&S->c, 'K');
	pgw_put_int32(&S->c, (int32_t)getpid());
	pgw_put_int32(&S->c, key);
	pgw_end(&S->c);
	S->ready_pending = true;
	log_msg(LV_DEBUG, "session started: user=%s database=%s client=%s", S->user, S->database,
	        S->c.peer);
}

static void
session_loop(session *S)
{
	for (;;) {
		volatile bool end = false;

		mem_reset(S->msg_ctx);
		mem_switch(S->msg_ctx);
		S->in_extended = false;
		ERR_TRY();
		{
			pgw_msg m;

			if (S->ready_pending)
				send_ready(S);
			if (pgw_conn_recv(&S->c, &m, PGW_WAIT_IDLE) == 0)
				end = true;
			else {
				S->c.idle_deadline_us = 0;
				/* a cancel that arrived while we were idle was meant for an earlier query */
				if (proc_me)
					atomic_fetch_and(&proc_me->ps_interrupts, ~PI_CANCEL);
				end = dispatch(S, &m);
			}
		}
		ERR_CATCH();
		{
			end = handle_error(S);
		}
		ERR_END();
		mem_switch(S->ctx);
		if (end)
			break;
	}
}

void
pgw_session_main(int sock, const void *startup, size_t len)
{
	static session sess;
	session *volatile S = &sess;
	mem_ctx *saved = mem_cur;
	volatile bool ok = false;

	memset(&sess, 0, sizeof(sess));
	S->ctx = mem_create(saved ? saved : mem_top, "pgwire session");
	S->msg_ctx = mem_create(S->ctx, "pgwire message");
	mem_switch(S->ctx);
	pgw_conn_init(&S->c, sock, S->ctx);
	S->stmts.free_obj = free_prepared;
	S->portals.free_obj = free_portal;
	S->dest = (dest_receiver){
		.priv = S,
		.describe = d_describe,
		.row = d_row,
		.complete = d_complete,
		.empty = d_empty,
		.notice = d_notice,
		.param_status = d_param_status,
		.copy_in_begin = d_copy_in_begin,
		.copy_in_read = d_copy_in_read,
		.copy_out_begin = d_copy_out_begin,
		.copy_out_data = d_copy_out_data,
		.copy_out_end = d_copy_out_end,
	};
	if (proc_me)   /* a cancel meant for an earlier session of this worker is stale */
		atomic_fetch_and(&proc_me->ps_interrupts, ~PI_CANCEL);
	ERR_TRY();
	{
		session_startup(S, startup, len);
		ok = true;
	}
	ERR_CATCH();
	{
		err_last()->level = LV_FATAL;   /* any failure before the session runs ends it */
		(void)handle_error(S);
	}
	ERR_END();
	if (ok)
		session_loop(S);
	if (S->started) {
		ERR_TRY();
		{
			/* free the handles while the engine session that made them still exists */
			map_clear(&S->portals);
			map_clear(&S->stmts);
			sql_session_end();
		}
		ERR_CATCH();
		{
			log_error(LV_WARNING, err_last());
		}
		ERR_END();
	}
	pgw_flush(&S->c);   /* the worker closes sock */
	if (proc_me && S->c.set_terminate)
		atomic_fetch_and(&proc_me->ps_interrupts, ~PI_TERMINATE);
	if (proc_me)
		proc_me->ps_query_start = 0;
	mem_switch(saved);
	mem_delete(S->ctx);
}
