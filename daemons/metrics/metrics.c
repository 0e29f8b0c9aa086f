/*
 * metrics.c — the metrics exporter: a small HTTP/1.x server on metrics_port (the sockets
 * the supervisor bound on listen_addresses) serving
 *
 *   GET /metrics   Prometheus text format 0.0.4, from the process table and the stats region
 *   GET /health    JSON: status ("ok", or "degraded" with HTTP 503 when an auxiliary process
 *                  is not running), version, pids, uptime, sessions, each process
 *
 * One request per connection (Connection: close), requests up to 8 KiB, 5 s to send one.
 * Hand-written rather than nng's HTTP server: it runs in the actor's epoll loop on inherited
 * sockets, and needs two routes.
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "daemons/common/actor.h"
#include "daemons/common/pqwire.h"
#include "daemons/common/roles.h"
#include "shm/proc.h"
#include "shm/shm.h"
#include "shm/stats.h"
#include "util/log.h"

#define HTTP_MAX_REQUEST 8192
#define HTTP_TIMEOUT_MS 5000
#define HTTP_MAX_CONNS 64

typedef struct hconn {
	int fd;
	size_t have;
	int64_t deadline;
	struct hconn *next;
	char buf[HTTP_MAX_REQUEST];
} hconn;

static struct {
	hconn *conns;
	int nconns;
	int sweep_timer;
} M;

/* A growing text buffer. */
typedef struct sbuf {
	char *s;
	size_t len, cap;
} sbuf;

static void __attribute__((format(printf, 2, 3)))
sb_printf(sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
		if (b->s && (size_t)n < b->cap - b->len) {
			b->len += (size_t)n;
			return;
		}
		b->cap = (b->cap + (size_t)n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (b->s == NULL) {
			b->len = b->cap = 0;
			return;
		}
	}
}

static double
uptime_seconds(const shm_stats *st)
{
	return (double)(proc_now_us() - atomic_load(&st->st_server_start_us)) / 1e6;
}

static void
metric_head(sbuf *b, const char *name, const char *type, const char *help)
{
	sb_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void
render_metrics(sbuf *b)
{
	shm_stats *st = stats_shm();
	int counts[ROLE_COUNT] = { 0 }, sessions = 0, idle = 0;

	for (uint32_t i = 0; i < proc_tab->pt_nslots; i++) {
		proc_slot *s = &proc_tab->pt_slots[i];
		uint32_t state = atomic_load(&s->ps_state);

		if (state == PS_FREE || s->ps_role >= ROLE_COUNT)
			continue;
		counts[s->ps_role]++;
		if (s->ps_role == ROLE_WORKER && state == PS_SESSION)
			sessions++;
		if (s->ps_role == ROLE_WORKER && state == PS_READY)
			idle++;
	}
	metric_head(b, "phantom_up", "gauge", "1 when the server answers.");
	sb_printf(b, "phantom_up 1\n");
	metric_head(b, "phantom_uptime_seconds", "gauge", "Seconds since the server started.");
	sb_printf(b, "phantom_uptime_seconds %.3f\n", uptime_seconds(st));
	metric_head(b, "phantom_processes", "gauge", "Server processes by role.");
	sb_printf(b, "phantom_processes{role=\"supervisor\"} 1\n");
	for (int r = ROLE_LISTENER; r < ROLE_COUNT; r++)
		sb_printf(b, "phantom_processes{role=\"%s\"} %d\n", proc_role_name((proc_role)r), counts[r]);
	metric_head(b, "phantom_sessions_active", "gauge", "Client sessions being served.");
	sb_printf(b, "phantom_sessions_active %d\n", sessions);
	metric_head(b, "phantom_workers_idle", "gauge", "Query workers waiting for a session.");
	sb_printf(b, "phantom_workers_idle %d\n", idle);
	metric_head(b, "phantom_crash_resets_total", "counter",
	            "Shared-memory resets after a process crashed.");
	sb_printf(b, "phantom_crash_resets_total %llu\n",
	          (unsigned long long)atomic_load(&st->st_crash_resets));
	metric_head(b, "phantom_process_restarts_total", "counter",
	            "Auxiliary processes restarted after they died.");
	for (int r = ROLE_LISTENER; r < ROLE_COUNT; r++)
		if (r != ROLE_WORKER && r != ROLE_RECOVERY)
			sb_printf(b, "phantom_process_restarts_total{role=\"%s\"} %llu\n",
			          proc_role_name((proc_role)r),
			          (unsigned long long)atomic_load(&st->st_restarts[r]));
	metric_head(b, "phantom_connections_total", "counter", "TCP connections accepted.");
	sb_printf(b, "phantom_connections_total %llu\n",
	          (unsigned long long)atomic_load(&st->st_connections));
	metric_head(b, "phantom_connections_refused_total", "counter",
	            "Connections refused because max_connections sessions existed.");
	sb_printf(b, "phantom_connections_refused_total %llu\n",
	          (unsigned long long)atomic_load(&st->st_connections_refused));
}

/* JSON health report; returns true when every auxiliary process is running and ready. */
static bool
render_health(sbuf *b)
{
	static const proc_role aux[] = { ROLE_LISTENER, ROLE_WALWRITER, ROLE_CHECKPOINTER,
		                             ROLE_DEADLOCK, ROLE_COORDINATOR, ROLE_METRICS };
	shm_stats *st = stats_shm();
	cJSON *root = cJSON_CreateObject(), *procs = cJSON_CreateArray();
	bool ready[ROLE_COUNT] = { false }, ok = true;
	int sessions = 0;
	char *text;

	for (uint32_t i = 0; i < proc_tab->pt_nslots; i++) {
		proc_slot *s = &proc_tab->pt_slots[i];
		uint32_t state = atomic_load(&s->ps_state);
		cJSON *p;

		if (state == PS_FREE || s->ps_role >= ROLE_COUNT)
			continue;
		if (state != PS_STARTING && state != PS_EXITING)
			ready[s->ps_role] = true;
		if (s->ps_role == ROLE_WORKER && state == PS_SESSION)
			sessions++;
		p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "role", proc_role_name((proc_role)s->ps_role));
		cJSON_AddNumberToObject(p, "pid", s->ps_pid);
		cJSON_AddStringToObject(p, "state", proc_state_name(state));
		cJSON_AddItemToArray(procs, p);
	}
	for (size_t i = 0; i < sizeof(aux) / sizeof(aux[0]); i++)
		ok = ok && ready[aux[i]];
	cJSON_AddStringToObject(root, "status", ok ? "ok" : "degraded");
	cJSON_AddStringToObject(root, "version", PACKAGE_VERSION);
	cJSON_AddNumberToObject(root, "pid", proc_tab->pt_supervisor_pid);
	cJSON_AddNumberToObject(root, "port", proc_tab->pt_port);
	cJSON_AddNumberToObject(root, "uptime_seconds", uptime_seconds(st));
	cJSON_AddNumberToObject(root, "crash_resets", (double)atomic_load(&st->st_crash_resets));
	cJSON_AddNumberToObject(root, "sessions_active", sessions);
	cJSON_AddItemToObject(root, "processes", procs);
	text = cJSON_PrintUnformatted(root);
	if (text) {
		sb_printf(b, "%s\n", text);
		cJSON_free(text);
	}
	cJSON_Delete(root);
	return ok;
}

static void
respond(int fd, int status, const char *reason, const char *ctype, const char *extra,
        const sbuf *body, bool head_only)
{
	sbuf h = { 0 };
	size_t blen = body ? body->len : 0;

	sb_printf(&h, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n%s"
	          "Connection: close\r\n\r\n", status, reason, ctype, blen, extra ? extra : "");
	if (h.s && pq_write_all(fd, h.s, h.len, 1000) == 0 && blen && !head_only)
		(void)pq_write_all(fd, body->s, blen, 1000);
	free(h.s);
}

static void
hconn_free(hconn *c)
{
	hconn **pp = &M.conns;

	while (*pp && *pp != c)
		pp = &(*pp)->next;
	if (*pp)
		*pp = c->next;
	actor_unwatch(c->fd);
	close(c->fd);
	free(c);
	M.nconns--;
	actor_timer_enable(M.sweep_timer, M.nconns > 0);
}

static void
handle_request(hconn *c)
{
	char method[16] = "", path[1024] = "";
	sbuf body = { 0 };
	bool head;

	if (sscanf(c->buf, "%15s %1023s HTTP/", method, path) != 2) {
		sb_printf(&body, "bad request\n");
		respond(c->fd, 400, "Bad Request", "text/plain", NULL, &body, false);
		goto out;
	}
	path[strcspn(path, "?")] = '\0';
	head = strcmp(method, "HEAD") == 0;
	if (strcmp(method, "GET") != 0 && !head) {
		sb_printf(&body, "method not allowed\n");
		respond(c->fd, 405, "Method Not Allowed", "text/plain", "Allow: GET, HEAD\r\n", &body,
		        false);
	} else if (strcmp(path, "/metrics") == 0) {
		render_metrics(&body);
		respond(c->fd, 200, "OK", "text/plain; version=0.0.4; charset=utf-8", NULL, &body, head);
	} else if (strcmp(path, "/health") == 0) {
		bool ok = render_health(&body);

		respond(c->fd, ok ? 200 : 503, ok ? "OK" : "Service Unavailable", "application/json",
		        NULL, &body, head);
	} else {
		sb_printf(&body, "not found: try /metrics or /health\n");
		respond(c->fd, 404, "Not Found", "text/plain", NULL, &body, head);
	}
out:
	free(body.s);
	hconn_free(c);
}

static void
on_readable(int fd, uint32_t events, void *arg)
{
	hconn *c = arg;
	ssize_t n = recv(fd, c->buf + c->have, sizeof(c->buf) - 1 - c->have, 0);

	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		hconn_free(c);
		return;
	}
	if (n < 0)
		return;
	c->have += (size_t)n;
	c->buf[c->have] = '\0';
	if (strstr(c->buf, "\r\n\r\n") || strstr(c->buf, "\n\n")) {
		handle_request(c);
	} else if (c->have >= sizeof(c->buf) - 1) {
		sbuf body = { 0 };

		sb_printf(&body, "request too large\n");
		respond(c->fd, 431, "Request Header Fields Too Large", "text/plain", NULL, &body, false);
		free(body.s);
		hconn_free(c);
	}
}

static void
on_accept(int lfd, uint32_t events, void *arg)
{
	for (int k = 0; k < 16; k++) {
		int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		hconn *c;

		if (fd < 0)
			return;
		if (M.nconns >= HTTP_MAX_CONNS || (c = calloc(1, sizeof(*c))) == NULL) {
			close(fd);
			continue;
		}
		c->fd = fd;
		c->deadline = actor_now_ms() + HTTP_TIMEOUT_MS;
		c->next = M.conns;
		M.conns = c;
		M.nconns++;
		actor_watch(fd, EPOLLIN, on_readable, c);
		actor_timer_enable(M.sweep_timer, true);
	}
}

static void
sweep(void)
{
	int64_t now = actor_now_ms();

	for (hconn *c = M.conns, *next; c; c = next) {
		next = c->next;
		if (now >= c->deadline)
			hconn_free(c);
	}
}

void
metrics_main(int slot)
{
	(void)slot;
	actor_start(ROLE_METRICS, "metrics exporter");
	for (int i = 0; i < child_env.nmetrics; i++)
		actor_watch(child_env.metrics_fds[i], EPOLLIN, on_accept, NULL);
	M.sweep_timer = actor_every(1000, sweep);
	actor_timer_enable(M.sweep_timer, false);
	actor_ready();
	actor_run();
}
