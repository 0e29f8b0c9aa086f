/*
 * conn.c — libphantom connections: conninfo and URI parsing, socket I/O, startup and
 * authentication (cleartext, MD5, SCRAM-SHA-256 with server signature check), cancel.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "phc_int.h"
#include "pgwire/pgw_scram.h"

#define DEFAULT_PORT "5544"
#define MAX_MESSAGE (1u << 30)

int64_t
phc_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
phantom_lib_version(void)
{
	return PHANTOM_LIB_VERSION;
}

static char *
xstrdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void
vset_error(phantom_conn *c, const char *fmt, va_list ap)
{
	char *m = NULL;

	if (vasprintf(&m, fmt, ap) < 0)
		m = NULL;
	free(c->errmsg);
	c->errmsg = m;
}

void
phc_set_error(phantom_conn *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset_error(c, fmt, ap);
	va_end(ap);
}

void
phc_fail(phantom_conn *c, const char *fmt, ...)
{
	va_list ap;
	const char *m;

	va_start(ap, fmt);
	vset_error(c, fmt, ap);
	va_end(ap);
	m = c->errmsg;
	if (c->state != PHC_IDLE && c->status == PHANTOM_CONNECTION_OK) {
		phantom_result *r = phc_error_result(m ? m : "connection failure");

		if (r) {
			if (c->qtail)
				c->qtail->next = r;
			else
				c->qhead = r;
			c->qtail = r;
		}
	}
	phantom_clear(c->cur);
	c->cur = NULL;
	c->status = PHANTOM_CONNECTION_BAD;
	c->state = PHC_IDLE;
	if (c->sock >= 0)
		close(c->sock);
	c->sock = -1;
}

/* ---- output ------------------------------------------------------------------------------- */

static bool
out_reserve(phantom_conn *c, size_t n)
{
	if (c->out_cap - c->out_len >= n)
		return true;
	size_t cap = c->out_cap ? c->out_cap : 8192;

	while (cap - c->out_len < n)
		cap *= 2;
	char *p = realloc(c->out, cap);

	if (p == NULL)
		return false;
	c->out = p;
	c->out_cap = cap;
	return true;
}

void
phc_out_bytes(phantom_conn *c, const void *p, size_t n)
{
	if (!out_reserve(c, n)) {
		c->msg_at = SIZE_MAX;   /* phc_out_end will notice */
		return;
	}
	memcpy(c->out + c->out_len, p, n);
	c->out_len += n;
}

void
phc_out_begin(phantom_conn *c, char type)
{
	c->msg_at = c->out_len;
	phc_out_bytes(c, &type, 1);
	phc_out_int32(c, 0);
}

void
phc_out_str(phantom_conn *c, const char *s)
{
	phc_out_bytes(c, s, strlen(s) + 1);
}

void
phc_out_int32(phantom_conn *c, int32_t v)
{
	uint32_t u = (uint32_t)v;
	unsigned char b[4] = {(unsigned char)(u >> 24), (unsigned char)(u >> 16),
	                      (unsigned char)(u >> 8), (unsigned char)u};

	phc_out_bytes(c, b, 4);
}

void
phc_out_int16(phantom_conn *c, int16_t v)
{
	unsigned char b[2] = {(unsigned char)((uint16_t)v >> 8), (unsigned char)v};

	phc_out_bytes(c, b, 2);
}

void
phc_out_end(phantom_conn *c)
{
	uint32_t len;
	unsigned char *p;

	if (c->msg_at == SIZE_MAX) {
		phc_fail(c, "out of memory");
		return;
	}
	len = (uint32_t)(c->out_len - c->msg_at - 1);
	p = (unsigned char *)c->out + c->msg_at + 1;
	p[0] = (unsigned char)(len >> 24);
	p[1] = (unsigned char)(len >> 16);
	p[2] = (unsigned char)(len >> 8);
	p[3] = (unsigned char)len;
}

/* Read into the input buffer without waiting: 1 some, 0 none, -1 failure. */
static int
read_now(phantom_conn *c)
{
	if (c->in_start > 0 && c->in_start == c->in_end)
		c->in_start = c->in_end = 0;
	if (c->in_cap - c->in_end < 4096) {
		if (c->in_start > 0) {
			memmove(c->in, c->in + c->in_start, c->in_end - c->in_start);
			c->in_end -= c->in_start;
			c->in_start = 0;
		}
		if (c->in_cap - c->in_end < 4096) {
			size_t cap = c->in_cap ? c->in_cap * 2 : 16384;
			char *p = realloc(c->in, cap);

			if (p == NULL) {
				phc_fail(c, "out of memory");
				return -1;
			}
			c->in = p;
			c->in_cap = cap;
		}
	}
	for (;;) {
		ssize_t n = recv(c->sock, c->in + c->in_end, c->in_cap - c->in_end, 0);

		if (n > 0) {
			c->in_end += (size_t)n;
			return 1;
		}
		if (n == 0) {
			phc_fail(c, "server closed the connection unexpectedly\n"
			            "\tThis probably means the server terminated abnormally\n"
			            "\tbefore or while processing the request.\n");
			return -1;
		}
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return 0;
		phc_fail(c, "could not receive data from server: %s\n", strerror(errno));
		return -1;
	}
}

int
phc_read(phantom_conn *c, bool wait, int64_t deadline_ms)
{
	if (c->sock < 0) {
		if (c->errmsg == NULL)
			phc_set_error(c, "connection is not open\n");
		return -1;
	}
	for (;;) {
		int r = read_now(c);
		struct pollfd pfd = {.fd = c->sock, .events = POLLIN};
		int timeout = -1;

		if (r != 0 || !wait)
			return r;
		if (deadline_ms > 0) {
			int64_t left = deadline_ms - phc_now_ms();

			if (left <= 0)
				return 0;
			timeout = (int)left;
		}
		if (poll(&pfd, 1, timeout) < 0 && errno != EINTR) {
			phc_fail(c, "poll() failed: %s\n", strerror(errno));
			return -1;
		}
	}
}

int
phc_flush(phantom_conn *c, bool force_wait)
{
	size_t done = 0;

	if (c->sock < 0) {
		c->out_len = 0;
		return -1;
	}
	while (done < c->out_len) {
		ssize_t n = send(c->sock, c->out + done, c->out_len - done, MSG_NOSIGNAL);

		if (n > 0) {
			done += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			struct pollfd pfd = {.fd = c->sock, .events = POLLOUT | POLLIN};

			if (c->nonblocking && !force_wait)
				break;
			if (poll(&pfd, 1, -1) < 0 && errno != EINTR) {
				phc_fail(c, "poll() failed: %s\n", strerror(errno));
				return -1;
			}
			/* keep reading while the server writes, so neither side stalls */
			if ((pfd.revents & POLLIN) && read_now(c) < 0)
				return -1;
			continue;
		}
		phc_fail(c, "could not send data to server: %s\n", n < 0 ? strerror(errno) : "closed");
		return -1;
	}
	memmove(c->out, c->out + done, c->out_len - done);
	c->out_len -= done;
	return c->out_len > 0 ? 1 : 0;
}

int
phantom_flush(phantom_conn *c)
{
	return phc_flush(c, false);
}

static uint32_t
be32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3];
}

int
phc_next_msg(phantom_conn *c, phc_msg *m)
{
	size_t have = c->in_end - c->in_start;
	uint32_t len;

	if (have < 5)
		return 0;
	len = be32(c->in + c->in_start + 1);
	if (len < 4 || len > MAX_MESSAGE) {
		phc_fail(c, "invalid message length %u from server (type 0x%02x)\n", len,
		         (unsigned char)c->in[c->in_start]);
		return -1;
	}
	if (have < (size_t)len + 1)
		return 0;
	m->type = c->in[c->in_start];
	m->data = c->in + c->in_start + 5;
	m->len = len - 4;
	m->pos = 0;
	m->bad = false;
	c->in_start += (size_t)len + 1;
	return 1;
}

const char *
phc_get_bytes(phc_msg *m, size_t n)
{
	const char *p;

	if (m->bad || m->len - m->pos < n) {
		m->bad = true;
		return NULL;
	}
	p = m->data + m->pos;
	m->pos += n;
	return p;
}

int32_t
phc_get_int32(phc_msg *m)
{
	const char *p = phc_get_bytes(m, 4);

	return p ? (int32_t)be32(p) : 0;
}

int16_t
phc_get_int16(phc_msg *m)
{
	const unsigned char *p = (const unsigned char *)phc_get_bytes(m, 2);

	return p ? (int16_t)(p[0] << 8 | p[1]) : 0;
}

const char *
phc_get_str(phc_msg *m)
{
	const char *s, *nul;

	if (m->bad)
		return NULL;
	s = m->data + m->pos;
	nul = memchr(s, '\0', m->len - m->pos);
	if (nul == NULL) {
		m->bad = true;
		return NULL;
	}
	m->pos += (size_t)(nul - s) + 1;
	return s;
}

/* ---- parameters, notices -------------------------------------------------------------- */

void
phc_set_param(phantom_conn *c, const char *name, const char *value)
{
	phc_param *p;

	for (p = c->params; p; p = p->next)
		if (strcmp(p->name, name) == 0)
			break;
	if (p == NULL) {
		p = calloc(1, sizeof(*p));
		if (p == NULL)
			return;
		p->name = strdup(name);
		p->next = c->params;
		c->params = p;
	}
	free(p->value);
	p->value = strdup(value);
}

const char *
phantom_parameter_status(const phantom_conn *c, const char *name)
{
	if (c == NULL || name == NULL)
		return NULL;
	for (phc_param *p = c->params; p; p = p->next)
		if (strcmp(p->name, name) == 0)
			return p->value;
	return NULL;
}

int
phantom_server_version(const phantom_conn *c)
{
	const char *v = phantom_parameter_status(c, "server_version");
	int major = 0, minor = 0, rev = 0, n;

	if (v == NULL)
		return 0;
	n = sscanf(v, "%d.%d.%d", &major, &minor, &rev);
	if (n < 1)
		return 0;
	if (major >= 10)
		return major * 10000 + (n >= 2 ? minor : 0);
	return major * 10000 + minor * 100 + rev;
}

static void
default_notice(void *arg, const phantom_result *n)
{
	fputs(phantom_result_error_message(n), stderr);
}

void
phantom_set_notice_handler(phantom_conn *c, phantom_notice_fn fn, void *arg)
{
	c->notice_fn = fn;
	c->notice_arg = arg;
}

bool
phc_common_message(phantom_conn *c, phc_msg *m)
{
	switch (m->type) {
	case 'S': {
		const char *name = phc_get_str(m), *value = phc_get_str(m);

		if (name && value)
			phc_set_param(c, name, value);
		return true;
	}
	case 'N': {
		phantom_result *n = phc_result_new(PHANTOM_NOTICE);

		if (n) {
			phc_read_fields(n, m);
			if (c->notice_fn)
				c->notice_fn(c->notice_arg, n);
			phantom_clear(n);
		}
		return true;
	}
	case 'A':   /* NotificationResponse: LISTEN/NOTIFY is not exposed yet */
	case 'v':   /* NegotiateProtocolVersion: we asked for 3.0 only */
		return true;
	default:
		return false;
	}
}

/* ---- conninfo ----------------------------------------------------------------------------- */

static const char *const known_keys[] = {
	"host", "hostaddr", "port", "user", "dbname", "password", "application_name",
	"fallback_application_name", "connect_timeout", "options", "client_encoding", "sslmode",
	NULL};

static bool
known_key(const char *k)
{
	for (int i = 0; known_keys[i]; i++)
		if (strcmp(known_keys[i], k) == 0)
			return true;
	return false;
}

typedef struct optlist {
	phantom_option *v;
	int n, cap;
} optlist;

static bool
opt_add(optlist *l, const char *k, size_t klen, char *value)
{
	if (l->n + 2 > l->cap) {
		int cap = l->cap ? l->cap * 2 : 8;
		phantom_option *p = realloc(l->v, sizeof(*p) * (size_t)cap);

		if (p == NULL)
			return false;
		l->v = p;
		l->cap = cap;
	}
	/* a later occurrence replaces an earlier one */
	for (int i = 0; i < l->n; i++)
		if (strlen(l->v[i].keyword) == klen && strncmp(l->v[i].keyword, k, klen) == 0) {
			free(l->v[i].value);
			l->v[i].value = value;
			return true;
		}
	l->v[l->n].keyword = strndup(k, klen);
	l->v[l->n].value = value;
	l->n++;
	l->v[l->n].keyword = NULL;
	l->v[l->n].value = NULL;
	return l->v[l->n - 1].keyword != NULL;
}

void
phantom_options_free(phantom_option *opts)
{
	if (opts == NULL)
		return;
	for (phantom_option *o = opts; o->keyword; o++) {
		free(o->keyword);
		free(o->value);
	}
	free(opts);
}

static phantom_option *
parse_fail(optlist *l, char **err, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		va_start(ap, fmt);
		if (vasprintf(err, fmt, ap) < 0)
			*err = NULL;
		va_end(ap);
	}
	if (l->v)
		phantom_options_free(l->v);
	return NULL;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decode [s, s+n) into a new string; NULL if malformed. */
static char *
pct_decode(const char *s, size_t n)
{
	char *out = malloc(n + 1), *p = out;

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			int hi, lo;

			if (i + 2 >= n) {
				free(out);
				return NULL;
			}
			hi = hexval(s[i + 1]);
			lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
				free(out);
				return NULL;
			}
			*p++ = (char)(hi << 4 | lo);
			i += 2;
		} else
			*p++ = s[i];
	}
	*p = '\0';
	return out;
}

static phantom_option *
parse_uri(const char *uri, size_t skip, char **err)
{
	optlist l = {0};
	const char *p = uri + skip, *end = p + strcspn(p, "/?");
	const char *at = NULL;
	char *v;

	for (const char *q = p; q < end; q++)
		if (*q == '@')
			at = q;
	if (at) {
		const char *colon = memchr(p, ':', (size_t)(at - p));
		const char *uend = colon ? colon : at;

		if (uend > p) {
			if ((v = pct_decode(p, (size_t)(uend - p))) == NULL)
				return parse_fail(&l, err, "invalid percent-encoded token in URI \"%s\"", uri);
			opt_add(&l, "user", 4, v);
		}
		if (colon) {
			if ((v = pct_decode(colon + 1, (size_t)(at - colon - 1))) == NULL)
				return parse_fail(&l, err, "invalid percent-encoded token in URI \"%s\"", uri);
			opt_add(&l, "password", 8, v);
		}
		p = at + 1;
	}
	/* host: [v6] or name, then optional :port */
	{
		const char *hs = p, *he, *port = NULL;

		if (*p == '[') {
			he = memchr(p, ']', (size_t)(end - p));
			if (he == NULL)
				return parse_fail(&l, err, "missing \"]\" in IPv6 host address in URI \"%s\"",
				                  uri);
			hs = p + 1;
			p = he + 1;
		} else {
			he = p;
			while (he < end && *he != ':')
				he++;
			p = he;
		}
		if (p < end && *p == ':')
			port = p + 1;
		else if (p < end)
			return parse_fail(&l, err, "unexpected character \"%c\" in URI \"%s\"", *p, uri);
		if (memchr(hs, ',', (size_t)(he - hs)))
			return parse_fail(&l, err, "several hosts in one URI are not supported");
		if (he > hs) {
			if ((v = pct_decode(hs, (size_t)(he - hs))) == NULL)
				return parse_fail(&l, err, "invalid percent-encoded token in URI \"%s\"", uri);
			opt_add(&l, "host", 4, v);
		}
		if (port && end > port) {
			if ((v = pct_decode(port, (size_t)(end - port))) == NULL)
				return parse_fail(&l, err, "invalid percent-encoded token in URI \"%s\"", uri);
			opt_add(&l, "port", 4, v);
		}
	}
	p = end;
	if (*p == '/') {
		const char *de = p + 1 + strcspn(p + 1, "?");

		if (de > p + 1) {
			if ((v = pct_decode(p + 1, (size_t)(de - p - 1))) == NULL)
				return parse_fail(&l, err, "invalid percent-encoded token in URI \"%s\"", uri);
			opt_add(&l, "dbname", 6, v);
		}
		p = de;
	}
	if (*p == '?') {
		p++;
		while (*p) {
			const char *amp = p + strcspn(p, "&"), *eq = memchr(p, '=', (size_t)(amp - p));
			char *key;

			if (eq == NULL)
				return parse_fail(&l, err, "missing key/value separator \"=\" in URI query "
				                           "parameter: \"%.*s\"", (int)(amp - p), p);
			key = pct_decode(p, (size_t)(eq - p));
			v = pct_decode(eq + 1, (size_t)(amp - eq - 1));
			if (key == NULL || v == NULL) {
				free(key);
				free(v);
				return parse_fail(&l, err, "invalid percent-encoded token in URI \"%s\"", uri);
			}
			if (!known_key(key)) {
				phantom_option *r = parse_fail(&l, err, "invalid URI query parameter: \"%s\"", key);

				free(key);
				free(v);
				return r;
			}
			opt_add(&l, key, strlen(key), v);
			free(key);
			p = *amp ? amp + 1 : amp;
		}
	}
	if (l.v == NULL) {
		l.v = calloc(1, sizeof(phantom_option));
		if (l.v == NULL)
			return parse_fail(&l, err, "out of memory");
	}
	return l.v;
}

phantom_option *
phantom_conninfo_parse(const char *s, char **err)
{
	static const char *const schemes[] = {"postgresql://", "postgres://", "phantom://"};
	optlist l = {0};

	if (err)
		*err = NULL;
	if (s == NULL)
		s = "";
	while (isspace((unsigned char)*s))
		s++;
	for (int i = 0; i < 3; i++)
		if (strncmp(s, schemes[i], strlen(schemes[i])) == 0)
			return parse_uri(s, strlen(schemes[i]), err);
	while (*s) {
		const char *k = s;
		size_t klen;
		char *buf, *o;

		while (*s && *s != '=' && !isspace((unsigned char)*s))
			s++;
		klen = (size_t)(s - k);
		while (isspace((unsigned char)*s))
			s++;
		if (*s != '=')
			return parse_fail(&l, err, "missing \"=\" after \"%.*s\" in connection info string",
			                  (int)klen, k);
		s++;
		while (isspace((unsigned char)*s))
			s++;
		o = buf = malloc(strlen(s) + 1);
		if (buf == NULL)
			return parse_fail(&l, err, "out of memory");
		if (*s == '\'') {
			s++;
			for (;;) {
				if (*s == '\0') {
					free(buf);
					return parse_fail(&l, err, "unterminated quoted string in connection info "
					                           "string");
				}
				if (*s == '\\' && s[1]) {
					*o++ = s[1];
					s += 2;
				} else if (*s == '\'') {
					s++;
					break;
				} else
					*o++ = *s++;
			}
		} else {
			while (*s && !isspace((unsigned char)*s)) {
				if (*s == '\\' && s[1])
					s++;
				*o++ = *s++;
			}
		}
		*o = '\0';
		{
			char key[64];

			snprintf(key, sizeof(key), "%.*s", (int)klen, k);
			if (!known_key(key)) {
				free(buf);
				return parse_fail(&l, err, "invalid connection option \"%s\"", key);
			}
		}
		if (!opt_add(&l, k, klen, buf)) {
			free(buf);
			return parse_fail(&l, err, "out of memory");
		}
		while (isspace((unsigned char)*s))
			s++;
	}
	if (l.v == NULL) {
		l.v = calloc(1, sizeof(phantom_option));
		if (l.v == NULL)
			return parse_fail(&l, err, "out of memory");
	}
	return l.v;
}

/* ---- connecting ------------------------------------------------------------------------------ */

static const char *
opt_get(const phantom_option *o, const char *key)
{
	for (; o && o->keyword; o++)
		if (strcmp(o->keyword, key) == 0)
			return o->value;
	return NULL;
}

static const char *
pick(const phantom_option *o, const char *key, const char *env, const char *dflt)
{
	const char *v = opt_get(o, key);

	if (v && *v)
		return v;
	if (env && (v = getenv(env)) && *v)
		return v;
	return dflt;
}

static bool
open_socket(phantom_conn *c)
{
	struct addrinfo hints, *res = NULL, *ai;
	int64_t deadline = c->connect_timeout > 0 ? phc_now_ms() + c->connect_timeout * 1000 : 0;
	int rc, last_errno = 0;
	char why[256] = "";

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	rc = getaddrinfo(c->host, c->port, &hints, &res);
	if (rc != 0) {
		phc_set_error(c, "could not translate host name \"%s\" to address: %s\n", c->host,
		              gai_strerror(rc));
		return false;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		int s = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
		               ai->ai_protocol);
		int one = 1, err = 0;
		socklen_t el = sizeof(err);

		if (s < 0) {
			last_errno = errno;
			continue;
		}
		if (connect(s, ai->ai_addr, ai->ai_addrlen) < 0 && errno != EINPROGRESS) {
			last_errno = errno;
			close(s);
			continue;
		}
		for (;;) {
			struct pollfd pfd = {.fd = s, .events = POLLOUT};
			int timeout = -1;

			if (deadline) {
				int64_t left = deadline - phc_now_ms();

				timeout = left > 0 ? (int)left : 0;
			}
			rc = poll(&pfd, 1, timeout);
			if (rc < 0 && errno == EINTR)
				continue;
			break;
		}
		if (rc == 0) {
			snprintf(why, sizeof(why), "timeout expired");
			close(s);
			break;
		}
		if (rc < 0 || getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &el) < 0 || err != 0) {
			last_errno = rc < 0 ? errno : err;
			close(s);
			continue;
		}
		setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		c->sock = s;
		memcpy(&c->addr, ai->ai_addr, ai->ai_addrlen);
		c->addrlen = ai->ai_addrlen;
		freeaddrinfo(res);
		return true;
	}
	freeaddrinfo(res);
	if (why[0] == '\0')
		snprintf(why, sizeof(why), "%s", strerror(last_errno));
	phc_set_error(c, "connection to server at \"%s\", port %s failed: %s\n\tIs the server "
	                 "running on that host and accepting TCP/IP connections?\n", c->host,
	              c->port, why);
	return false;
}

static void
send_startup(phantom_conn *c)
{
	size_t start = c->out_len;

	phc_out_int32(c, 0);
	phc_out_int32(c, 196608);
	phc_out_str(c, "user");
	phc_out_str(c, c->user);
	phc_out_str(c, "database");
	phc_out_str(c, c->dbname);
	if (c->appname && *c->appname) {
		phc_out_str(c, "application_name");
		phc_out_str(c, c->appname);
	}
	if (c->options && *c->options) {
		phc_out_str(c, "options");
		phc_out_str(c, c->options);
	}
	phc_out_str(c, "client_encoding");
	phc_out_str(c, "UTF8");
	phc_out_bytes(c, "", 1);
	{
		uint32_t len = (uint32_t)(c->out_len - start);
		unsigned char *p = (unsigned char *)c->out + start;

		p[0] = (unsigned char)(len >> 24);
		p[1] = (unsigned char)(len >> 16);
		p[2] = (unsigned char)(len >> 8);
		p[3] = (unsigned char)len;
	}
}

typedef struct scram_state {
	bool started, verified;
	char cnonce[32];
	char *cfirst_bare;
	uint8_t server_sig[PGW_SCRAM_KEY_LEN];
} scram_state;

static bool
md5_hex(const char *a, size_t alen, const char *b, size_t blen, char out[33])
{
	unsigned char d[16];
	unsigned int dl = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_md5(), NULL) == 1 &&
	          EVP_DigestUpdate(ctx, a, alen) == 1 && EVP_DigestUpdate(ctx, b, blen) == 1 &&
	          EVP_DigestFinal_ex(ctx, d, &dl) == 1;

	EVP_MD_CTX_free(ctx);
	for (int i = 0; ok && i < 16; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
	return ok;
}

static bool
need_password(phantom_conn *c)
{
	if (c->password == NULL || *c->password == '\0') {
		phc_set_error(c, "password authentication requested by the server but no password "
		                 "was supplied\n");
		return false;
	}
	return true;
}

static bool
scram_first(phantom_conn *c, phc_msg *m, scram_state *st)
{
	bool offered = false;
	uint8_t raw[18];
	char *msg;

	for (;;) {
		const char *mech = phc_get_str(m);

		if (mech == NULL || *mech == '\0')
			break;
		if (strcmp(mech, PGW_SCRAM_MECHANISM) == 0)
			offered = true;
	}
	if (!offered) {
		phc_set_error(c, "none of the server's SASL authentication mechanisms are supported\n");
		return false;
	}
	if (!need_password(c) || pgw_random_bytes(raw, sizeof(raw)) < 0)
		return false;
	pgw_b64_encode(raw, sizeof(raw), st->cnonce, sizeof(st->cnonce));
	if (asprintf(&st->cfirst_bare, "n=,r=%s", st->cnonce) < 0 ||
	    asprintf(&msg, "n,,%s", st->cfirst_bare) < 0)
		return false;
	phc_out_begin(c, 'p');
	phc_out_str(c, PGW_SCRAM_MECHANISM);
	phc_out_int32(c, (int32_t)strlen(msg));
	phc_out_bytes(c, msg, strlen(msg));
	phc_out_end(c);
	free(msg);
	st->started = true;
	return true;
}

static bool
scram_continue(phantom_conn *c, const char *sfirst, size_t len, scram_state *st)
{
	const char *r, *s, *i;
	size_t rl, sl, il;
	uint8_t salt[PGW_SCRAM_MAX_SALT], salted[32], ckey[32], stored[32], skey[32], sig[32];
	char *sf = strndup(sfirst, len), *final = NULL, *authmsg = NULL, proof64[64];
	int saltlen, iter;
	bool ok = false;

	if (sf == NULL || !st->started)
		goto out;
	r = pgw_scram_attr(sf, len, 'r', &rl);
	s = pgw_scram_attr(sf, len, 's', &sl);
	i = pgw_scram_attr(sf, len, 'i', &il);
	if (!r || !s || !i || rl <= strlen(st->cnonce) ||
	    strncmp(r, st->cnonce, strlen(st->cnonce)) != 0) {
		phc_set_error(c, "invalid SCRAM server-first-message (nonce)\n");
		goto out;
	}
	iter = atoi(i);
	saltlen = pgw_b64_decode(s, sl, salt, sizeof(salt));
	if (saltlen <= 0 || iter < 1) {
		phc_set_error(c, "invalid SCRAM server-first-message (salt or iterations)\n");
		goto out;
	}
	if (pgw_scram_salted_password(c->password, salt, (size_t)saltlen, iter, salted) < 0 ||
	    pgw_scram_keys(salted, ckey, stored, skey) < 0 ||
	    asprintf(&final, "c=biws,r=%.*s", (int)rl, r) < 0 ||
	    asprintf(&authmsg, "%s,%s,%s", st->cfirst_bare, sf, final) < 0 ||
	    pgw_scram_hmac(stored, 32, authmsg, strlen(authmsg), sig) < 0 ||
	    pgw_scram_hmac(skey, 32, authmsg, strlen(authmsg), st->server_sig) < 0) {
		phc_set_error(c, "could not compute SCRAM proof\n");
		goto out;
	}
	for (int k = 0; k < 32; k++)
		ckey[k] ^= sig[k];
	pgw_b64_encode(ckey, 32, proof64, sizeof(proof64));
	phc_out_begin(c, 'p');
	phc_out_bytes(c, final, strlen(final));
	phc_out_bytes(c, ",p=", 3);
	phc_out_bytes(c, proof64, strlen(proof64));
	phc_out_end(c);
	ok = true;
out:
	free(sf);
	free(final);
	free(authmsg);
	return ok;
}

static bool
scram_final(phantom_conn *c, const char *data, size_t len, scram_state *st)
{
	uint8_t sig[64];
	size_t vl;
	const char *v = pgw_scram_attr(data, len, 'v', &vl);

	if (v == NULL || pgw_b64_decode(v, vl, sig, sizeof(sig)) != PGW_SCRAM_KEY_LEN ||
	    !pgw_scram_equal(sig, st->server_sig, PGW_SCRAM_KEY_LEN)) {
		phc_set_error(c, "incorrect server signature in SCRAM authentication\n");
		return false;
	}
	st->verified = true;
	return true;
}

/* One authentication request; false on failure (error set). */
static bool
auth_step(phantom_conn *c, phc_msg *m, scram_state *st, bool *done)
{
	int32_t code = phc_get_int32(m);

	switch (code) {
	case 0:
		if (st->started && !st->verified) {
			phc_set_error(c, "server accepted the connection without completing SCRAM "
			                 "authentication\n");
			return false;
		}
		*done = true;
		return true;
	case 3:
		if (!need_password(c))
			return false;
		phc_out_begin(c, 'p');
		phc_out_str(c, c->password);
		phc_out_end(c);
		return true;
	case 5: {
		const char *salt = phc_get_bytes(m, 4);
		char inner[33], outer[36];

		if (salt == NULL || !need_password(c) ||
		    !md5_hex(c->password, strlen(c->password), c->user, strlen(c->user), inner) ||
		    !md5_hex(inner, 32, salt, 4, outer + 3))
			return false;
		memcpy(outer, "md5", 3);
		phc_out_begin(c, 'p');
		phc_out_str(c, outer);
		phc_out_end(c);
		return true;
	}
	case 10:
		return scram_first(c, m, st);
	case 11:
		return scram_continue(c, m->data + 4, m->len - 4, st);
	case 12:
		return scram_final(c, m->data + 4, m->len - 4, st);
	default:
		phc_set_error(c, "authentication method %d requested by the server is not supported\n",
		              code);
		return false;
	}
}

static bool
startup(phantom_conn *c)
{
	int64_t deadline = c->connect_timeout > 0 ? phc_now_ms() + c->connect_timeout * 1000 : 0;
	scram_state st = {0};
	bool authed = false, ok = false;

	send_startup(c);
	for (;;) {
		phc_msg m;
		int r;

		if (phc_flush(c, true) < 0)
			goto out;
		while ((r = phc_next_msg(c, &m)) == 1) {
			if (m.type == 'R') {
				if (!auth_step(c, &m, &st, &authed))
					goto out;
				continue;
			}
			if (m.type == 'E') {
				phantom_result *e = phc_result_new(PHANTOM_ERROR);

				if (e) {
					phc_read_fields(e, &m);
					phc_set_error(c, "%s", e->errmsg);
					phantom_clear(e);
				}
				goto out;
			}
			if (m.type == 'K') {
				c->be_pid = phc_get_int32(&m);
				c->be_key = phc_get_int32(&m);
				continue;
			}
			if (m.type == 'Z' && authed) {
				c->txn = m.len ? m.data[0] : 'I';
				ok = true;
				goto out;
			}
			if (!phc_common_message(c, &m)) {
				phc_set_error(c, "unexpected message type 0x%02x during startup\n",
				              (unsigned char)m.type);
				goto out;
			}
		}
		if (r < 0)
			goto out;
		if (c->out_len)
			continue;
		r = phc_read(c, true, deadline);
		if (r < 0)
			goto out;
		if (r == 0) {
			phc_set_error(c, "timeout expired\n");
			goto out;
		}
	}
out:
	free(st.cfirst_bare);
	return ok;
}

phantom_conn *
phantom_connect(const char *conninfo)
{
	phantom_conn *c = calloc(1, sizeof(*c));
	phantom_option *o;
	char *err = NULL;
	char login[64] = "";
	const char *v;

	if (c == NULL)
		return NULL;
	c->sock = -1;
	c->status = PHANTOM_CONNECTION_BAD;
	c->txn = 'I';
	c->notice_fn = default_notice;
	o = phantom_conninfo_parse(conninfo, &err);
	if (o == NULL) {
		phc_set_error(c, "%s\n", err ? err : "out of memory");
		free(err);
		return c;
	}
	{
		struct passwd pw, *pp = NULL;
		char buf[1024];

		if (getpwuid_r(getuid(), &pw, buf, sizeof(buf), &pp) == 0 && pp)
			snprintf(login, sizeof(login), "%s", pp->pw_name);
	}
	v = opt_get(o, "hostaddr");
	c->host = xstrdup(v && *v ? v : pick(o, "host", "PHANTOM_HOST", "localhost"));
	c->port = xstrdup(pick(o, "port", "PHANTOM_PORT", DEFAULT_PORT));
	c->user = xstrdup(pick(o, "user", "PHANTOM_USER", login));
	c->dbname = xstrdup(pick(o, "dbname", "PHANTOM_DATABASE", c->user));
	c->password = xstrdup(pick(o, "password", "PHANTOM_PASSWORD", NULL));
	c->appname = xstrdup(pick(o, "application_name", NULL,
	                          pick(o, "fallback_application_name", NULL, NULL)));
	c->options = xstrdup(pick(o, "options", NULL, NULL));
	{
		const char *t = pick(o, "connect_timeout", "PHANTOM_CONNECT_TIMEOUT", "0");
		char *end;
		long n = strtol(t, &end, 10);

		if (*t == '\0' || *end || n < 0 || n > 86400) {
			phc_set_error(c, "invalid integer value \"%s\" for connection option "
			                 "\"connect_timeout\"\n", t);
			goto done;
		}
		c->connect_timeout = (int)(n > 0 && n < 2 ? 2 : n);   /* as libpq: at least 2 s */
	}
	{
		char *end;
		long n = strtol(c->port, &end, 10);

		if (*c->port == '\0' || *end || n < 1 || n > 65535) {
			phc_set_error(c, "invalid port number: \"%s\"\n", c->port);
			goto done;
		}
	}
	v = opt_get(o, "client_encoding");
	if (v && strcasecmp(v, "UTF8") != 0 && strcasecmp(v, "UTF-8") != 0 &&
	    strcasecmp(v, "auto") != 0) {
		phc_set_error(c, "client_encoding \"%s\" is not supported: use UTF8\n", v);
		goto done;
	}
	v = opt_get(o, "sslmode");
	if (v && strcmp(v, "disable") != 0 && strcmp(v, "allow") != 0 && strcmp(v, "prefer") != 0) {
		phc_set_error(c, "sslmode value \"%s\" is not supported: this client has no TLS yet\n",
		              v);
		goto done;
	}
	if (c->user == NULL || *c->user == '\0') {
		phc_set_error(c, "no user name given and the login name is unknown\n");
		goto done;
	}
	if (!open_socket(c))
		goto done;
	if (!startup(c)) {
		char *e = c->errmsg;

		c->errmsg = NULL;
		phc_set_error(c, "connection to server at \"%s\", port %s failed: %s", c->host, c->port,
		              e ? e : "unknown error\n");
		free(e);
		if (c->sock >= 0)
			close(c->sock);
		c->sock = -1;
		goto done;
	}
	c->status = PHANTOM_CONNECTION_OK;
	c->state = PHC_IDLE;
	free(c->errmsg);
	c->errmsg = NULL;
done:
	phantom_options_free(o);
	return c;
}

phantom_conn_status
phantom_status(const phantom_conn *c)
{
	return c ? c->status : PHANTOM_CONNECTION_BAD;
}

const char *
phantom_error_message(const phantom_conn *c)
{
	if (c == NULL)
		return "connection pointer is NULL\n";
	return c->errmsg ? c->errmsg : "";
}

void
phantom_finish(phantom_conn *c)
{
	phc_param *p, *n;
	phantom_result *r, *rn;

	if (c == NULL)
		return;
	if (c->sock >= 0 && c->status == PHANTOM_CONNECTION_OK) {
		c->out_len = 0;
		phc_out_begin(c, 'X');
		phc_out_end(c);
		(void)send(c->sock, c->out, c->out_len, MSG_NOSIGNAL | MSG_DONTWAIT);
	}
	if (c->sock >= 0)
		close(c->sock);
	for (p = c->params; p; p = n) {
		n = p->next;
		free(p->name);
		free(p->value);
		free(p);
	}
	for (r = c->qhead; r; r = rn) {
		rn = r->next;
		phantom_clear(r);
	}
	phantom_clear(c->cur);
	free(c->host);
	free(c->port);
	free(c->user);
	free(c->dbname);
	free(c->password);
	free(c->appname);
	free(c->options);
	free(c->errmsg);
	free(c->in);
	free(c->out);
	free(c);
}

const char *
phantom_host(const phantom_conn *c)
{
	return c ? c->host : NULL;
}

const char *
phantom_port(const phantom_conn *c)
{
	return c ? c->port : NULL;
}

const char *
phantom_user(const phantom_conn *c)
{
	return c ? c->user : NULL;
}

const char *
phantom_db(const phantom_conn *c)
{
	return c ? c->dbname : NULL;
}

int
phantom_backend_pid(const phantom_conn *c)
{
	return c ? c->be_pid : 0;
}

int
phantom_socket(const phantom_conn *c)
{
	return c && c->status == PHANTOM_CONNECTION_OK ? c->sock : -1;
}

phantom_txn_status
phantom_transaction_status(const phantom_conn *c)
{
	if (c == NULL || c->status != PHANTOM_CONNECTION_OK)
		return PHANTOM_TXN_UNKNOWN;
	if (c->state != PHC_IDLE)
		return PHANTOM_TXN_ACTIVE;
	switch (c->txn) {
	case 'T':
		return PHANTOM_TXN_INTRANS;
	case 'E':
		return PHANTOM_TXN_INERROR;
	default:
		return PHANTOM_TXN_IDLE;
	}
}

int
phantom_cancel(phantom_conn *c, char *errbuf, int errbufsize)
{
	unsigned char pkt[16];
	int s;
	uint32_t vals[4];

	if (c == NULL || c->addrlen == 0 || c->be_pid == 0) {
		snprintf(errbuf, (size_t)errbufsize, "no connection to cancel");
		return 0;
	}
	vals[0] = 16;
	vals[1] = 80877102u;
	vals[2] = (uint32_t)c->be_pid;
	vals[3] = (uint32_t)c->be_key;
	for (int i = 0; i < 4; i++)
		for (int k = 0; k < 4; k++)
			pkt[4 * i + k] = (unsigned char)(vals[i] >> (24 - 8 * k));
	s = socket(c->addr.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0 || connect(s, (struct sockaddr *)&c->addr, c->addrlen) < 0 ||
	    send(s, pkt, sizeof(pkt), MSG_NOSIGNAL) != (ssize_t)sizeof(pkt)) {
		snprintf(errbuf, (size_t)errbufsize, "could not send cancel request: %s",
		         strerror(errno));
		if (s >= 0)
			close(s);
		return 0;
	}
	/* wait for the server to close: the request has been handled by then */
	{
		struct pollfd pfd = {.fd = s, .events = POLLIN};
		char b;

		if (poll(&pfd, 1, 5000) > 0)
			(void)recv(s, &b, 1, 0);
	}
	close(s);
	return 1;
}
