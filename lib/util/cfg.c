/*
 * cfg.c — parsing and applying settings; see cfg.h.
 *
 * For each setting we remember three texts: the file's value (NULL when the file does not
 * set it: the boot value applies), the command-line override, and the session's value.  The
 * effective value is the first present of session, override, file, boot.  Reload and RESET
 * recompute it from these, which is why a setting deleted from the file returns to its
 * default on reload, as operators expect.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/cfg.h"
#include "util/log.h"

#define MAX_SETTINGS 128

typedef union cfg_val {
	bool b;
	int64_t i;
	double r;
	int e;
} cfg_val;

static char *file_text[MAX_SETTINGS];
static char *override_text[MAX_SETTINGS];
static char *session_text[MAX_SETTINGS];
static bool defaults_done;

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL) {
		log_msg(LV_FATAL, "out of memory while reading settings");
		exit(1);
	}
	return p;
}

static void
replace_text(char **slot, const char *text)
{
	free(*slot);
	*slot = text ? xstrdup(text) : NULL;
}

const cfg_def *
cfg_find(const char *name)
{
	size_t n;
	const cfg_def *t = cfg_table(&n);

	for (size_t i = 0; i < n; i++)
		if (strcasecmp(t[i].name, name) == 0)
			return &t[i];
	return NULL;
}

static size_t
def_index(const cfg_def *d)
{
	size_t n;
	const cfg_def *t = cfg_table(&n);

	return (size_t)(d - t);
}

int
cfg_parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "on", "true", "yes", "1", "t", "y" };
	static const char *const no[] = { "off", "false", "no", "0", "f", "n" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = true;
			return 0;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

/* Parse "<number>[ ]<unit>" with units from a table; returns -1 on bad number, -2 bad unit. */
static int
parse_with_unit(const char *s, const char *base_unit, const char *const *units,
                const double *factors, double *out)
{
	char *end;
	double v, base = 0;
	size_t k;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno != 0 || !isfinite(v))
		return -1;
	while (isspace((unsigned char)*end))
		end++;
	for (k = 0; units[k]; k++)
		if (strcmp(units[k], base_unit) == 0)
			base = factors[k];
	if (*end == '\0') {
		*out = v * base;
		return 0;
	}
	for (k = 0; units[k]; k++)
		if (strcmp(units[k], end) == 0) {
			*out = v * factors[k];
			return 0;
		}
	return -2;
}

static const char *const mem_units[] = { "B", "kB", "MB", "GB", "TB", NULL };
static const double mem_factors[] = { 1.0, 1024.0, 1048576.0, 1073741824.0, 1099511627776.0 };
static const char *const time_units[] = { "us", "ms", "s", "min", "h", "d", NULL };
static const double time_factors[] = { 0.001, 1.0, 1000.0, 60000.0, 3600000.0, 86400000.0 };

int
cfg_parse_memory(const char *s, const char *base_unit, int64_t *bytes)
{
	double v;
	int rc = parse_with_unit(s, base_unit, mem_units, mem_factors, &v);

	if (rc == 0)
		*bytes = (int64_t)llround(v);
	return rc;
}

int
cfg_parse_time(const char *s, const char *base_unit, int64_t *ms)
{
	double v;
	int rc = parse_with_unit(s, base_unit, time_units, time_factors, &v);

	if (rc == 0)
		*ms = (int64_t)llround(v);
	return rc;
}

static int
enum_index(const cfg_def *d, const char *s)
{
	const char *p = d->enum_values;
	int i = 0;

	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (strlen(s) == len && strncasecmp(p, s, len) == 0)
			return i;
		i++;
		p = bar ? bar + 1 : NULL;
	}
	return -1;
}

static int
parse_value(const cfg_def *d, const char *text, cfg_val *v, char *err, size_t errlen)
{
	char *end;
	int rc;

	switch (d->type) {
	case CFG_BOOL:
		if (cfg_parse_bool(text, &v->b) != 0) {
			seterr(err, errlen, "parameter \"%s\" requires a Boolean value, not \"%s\"", d->name,
			       text);
			return -1;
		}
		return 0;
	case CFG_INT:
		errno = 0;
		v->i = strtoll(text, &end, 10);
		if (end == text || *end != '\0' || errno != 0) {
			seterr(err, errlen, "invalid value for parameter \"%s\": \"%s\" (an integer is required)",
			       d->name, text);
			return -1;
		}
		break;
	case CFG_REAL:
		errno = 0;
		v->r = strtod(text, &end);
		if (end == text || *end != '\0' || errno != 0 || !isfinite(v->r)) {
			seterr(err, errlen, "invalid value for parameter \"%s\": \"%s\" (a number is required)",
			       d->name, text);
			return -1;
		}
		if (v->r < d->min || v->r > d->max) {
			seterr(err, errlen, "%s is outside the valid range for parameter \"%s\" (%g .. %g)",
			       text, d->name, d->min, d->max);
			return -1;
		}
		return 0;
	case CFG_MEMORY:
		rc = cfg_parse_memory(text, d->base_unit, &v->i);
		if (rc == -1) {
			seterr(err, errlen, "invalid value for parameter \"%s\": \"%s\"", d->name, text);
			return -1;
		}
		if (rc == -2) {
			seterr(err, errlen,
			       "invalid unit for parameter \"%s\": \"%s\" (valid units are B, kB, MB, GB and TB)",
			       d->name, text);
			return -1;
		}
		break;
	case CFG_TIME:
		rc = cfg_parse_time(text, d->base_unit, &v->i);
		if (rc == -1) {
			seterr(err, errlen, "invalid value for parameter \"%s\": \"%s\"", d->name, text);
			return -1;
		}
		if (rc == -2) {
			seterr(err, errlen,
			       "invalid unit for parameter \"%s\": \"%s\" (valid units are us, ms, s, min, h and d)",
			       d->name, text);
			return -1;
		}
		break;
	case CFG_ENUM:
		v->e = enum_index(d, text);
		if (v->e < 0) {
			char vals[256];

			snprintf(vals, sizeof(vals), "%s", d->enum_values);
			for (char *p = vals; *p; p++)
				if (*p == '|')
					*p = ',';
			seterr(err, errlen, "invalid value for parameter \"%s\": \"%s\" (available values: %s)",
			       d->name, text, vals);
			return -1;
		}
		return 0;
	case CFG_STRING:
		return 0;
	}
	if (v->i < (int64_t)d->min || (double)v->i > d->max) {
		seterr(err, errlen, "%s is outside the valid range for parameter \"%s\"", text, d->name);
		return -1;
	}
	return 0;
}

static void
assign(const cfg_def *d, const char *text, const cfg_val *v)
{
	switch (d->type) {
	case CFG_BOOL:
		*(bool *)d->var = v->b;
		break;
	case CFG_INT:
	case CFG_MEMORY:
	case CFG_TIME:
		*(int64_t *)d->var = v->i;
		break;
	case CFG_REAL:
		*(double *)d->var = v->r;
		break;
	case CFG_ENUM:
		*(int *)d->var = v->e;
		if (d->var == &settings.log_level)
			log_set_level(v->e);
		break;
	case CFG_STRING:
		replace_text((char **)d->var, text);
		break;
	}
}

static const char *
effective_text(size_t i, const cfg_def *d)
{
	if (session_text[i])
		return session_text[i];
	if (override_text[i])
		return override_text[i];
	if (file_text[i])
		return file_text[i];
	return d->boot_value;
}

static void
apply_effective(size_t i, const cfg_def *d)
{
	cfg_val v;
	const char *text = effective_text(i, d);

	if (parse_value(d, text, &v, NULL, 0) == 0)
		assign(d, text, &v);
}

void
cfg_init_defaults(void)
{
	size_t n;
	const cfg_def *t = cfg_table(&n);

	if (n > MAX_SETTINGS) {
		log_msg(LV_FATAL, "too many settings");
		exit(1);
	}
	for (size_t i = 0; i < n; i++) {
		replace_text(&file_text[i], NULL);
		replace_text(&session_text[i], NULL);
		apply_effective(i, &t[i]);
	}
	defaults_done = true;
}

/* One parsed line of the file. */
typedef struct pending {
	const cfg_def *def;
	char *text;
} pending;

/*
 * Tokenise one line: sets *key and *value (pointers into line or into valbuf) or returns
 * 1 for a blank/comment line, -1 with a reason.
 */
static int
split_line(char *line, char **key, char *valbuf, size_t vallen, const char **why)
{
	char *p = line, *k;
	size_t n = 0;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0' || *p == '#')
		return 1;
	k = p;
	while (isalnum((unsigned char)*p) || *p == '_' || *p == '.')
		p++;
	if (p == k) {
		*why = "syntax error: a setting name is expected";
		return -1;
	}
	if (*p != '\0' && !isspace((unsigned char)*p) && *p != '=') {
		*why = "syntax error: invalid character in setting name";
		return -1;
	}
	if (*p == '=') {
		*p++ = '\0';
	} else {
		*p++ = '\0';
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '=') {
			*why = "syntax error: expected \"=\" after the setting name";
			return -1;
		}
		p++;
	}
	*key = k;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\'') {
		p++;
		for (;;) {
			if (*p == '\0') {
				*why = "syntax error: unterminated quoted string";
				return -1;
			}
			if (*p == '\'') {
				if (p[1] == '\'') {
					p++;
				} else {
					p++;
					break;
				}
			}
			if (n + 1 >= vallen) {
				*why = "value too long";
				return -1;
			}
			valbuf[n++] = *p++;
		}
	} else {
		while (*p && !isspace((unsigned char)*p) && *p != '#') {
			if (n + 1 >= vallen) {
				*why = "value too long";
				return -1;
			}
			valbuf[n++] = *p++;
		}
		if (n == 0) {
			*why = "syntax error: a value is expected after \"=\"";
			return -1;
		}
	}
	valbuf[n] = '\0';
	while (isspace((unsigned char)*p))
		p++;
	if (*p != '\0' && *p != '#') {
		*why = "syntax error: unexpected text after the value";
		return -1;
	}
	return 0;
}

/* The file of the last successful cfg_load (for cfg_reload). */
static char loaded_path[4096];

int
cfg_load(const char *path, bool reloading, char *err, size_t errlen)
{
	size_t n;
	const cfg_def *t = cfg_table(&n);
	char *newtext[MAX_SETTINGS] = { 0 };
	char line[8192], val[8192];
	FILE *f;
	int lineno = 0, rc = -1;

	if (!defaults_done)
		cfg_init_defaults();
	f = fopen(path, "r");
	if (f == NULL) {
		seterr(err, errlen, "%s: could not open configuration file: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *key = NULL;
		const char *why = NULL;
		const cfg_def *d;
		size_t i;
		cfg_val v;
		char perr[512];
		int s;

		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			seterr(err, errlen, "%s:%d: line too long", path, lineno);
			goto out;
		}
		line[strcspn(line, "\r\n")] = '\0';
		s = split_line(line, &key, val, sizeof(val), &why);
		if (s == 1)
			continue;
		if (s < 0) {
			seterr(err, errlen, "%s:%d: %s", path, lineno, why);
			goto out;
		}
		d = cfg_find(key);
		if (d == NULL) {
			seterr(err, errlen, "%s:%d: unrecognized configuration parameter \"%s\"", path, lineno,
			       key);
			goto out;
		}
		if (parse_value(d, val, &v, perr, sizeof(perr)) != 0) {
			seterr(err, errlen, "%s:%d: %s", path, lineno, perr);
			goto out;
		}
		i = def_index(d);
		if (d->list && newtext[i]) {
			size_t a = strlen(newtext[i]), b = strlen(val);
			char *joined = malloc(a + b + 2);

			if (joined == NULL) {
				seterr(err, errlen, "%s:%d: out of memory", path, lineno);
				goto out;
			}
			memcpy(joined, newtext[i], a);
			joined[a] = '\n';
			memcpy(joined + a + 1, val, b + 1);
			free(newtext[i]);
			newtext[i] = joined;
		} else {
			replace_text(&newtext[i], val);
		}
	}
	if (ferror(f)) {
		seterr(err, errlen, "%s: could not read configuration file: %s", path, strerror(errno));
		goto out;
	}
	/* Valid as a whole: apply. */
	for (size_t i = 0; i < n; i++) {
		const cfg_def *d = &t[i];

		if (reloading && d->context == CFG_RESTART) {
			const char *oldt = file_text[i] ? file_text[i] : d->boot_value;
			const char *newt = newtext[i] ? newtext[i] : d->boot_value;

			if (strcmp(oldt, newt) != 0 && override_text[i] == NULL)
				log_msg(LV_WARNING,
				        "parameter \"%s\" cannot be changed without restarting the server; "
				        "keeping \"%s\"", d->name, oldt);
			continue;
		}
		free(file_text[i]);
		file_text[i] = newtext[i];
		newtext[i] = NULL;
		apply_effective(i, d);
	}
	rc = 0;
	if (path != loaded_path)
		snprintf(loaded_path, sizeof(loaded_path), "%s", path);
out:
	for (size_t i = 0; i < n; i++)
		free(newtext[i]);
	fclose(f);
	return rc;
}

int
cfg_reload(char *err, size_t errlen)
{
	if (loaded_path[0] == '\0') {
		seterr(err, errlen, "no configuration file has been loaded");
		return -1;
	}
	return cfg_load(loaded_path, true, err, errlen);
}

const char *
cfg_file(void)
{
	return loaded_path[0] ? loaded_path : NULL;
}

int
cfg_override(const char *assignment, char *err, size_t errlen)
{
	char name[128];
	const char *eq = strchr(assignment, '=');
	const cfg_def *d;
	cfg_val v;
	size_t len, i;

	if (!defaults_done)
		cfg_init_defaults();
	if (eq == NULL || eq == assignment) {
		seterr(err, errlen, "-c %s: expected name=value", assignment);
		return -1;
	}
	len = (size_t)(eq - assignment);
	if (len >= sizeof(name)) {
		seterr(err, errlen, "-c %s: name too long", assignment);
		return -1;
	}
	memcpy(name, assignment, len);
	name[len] = '\0';
	while (len > 0 && isspace((unsigned char)name[len - 1]))
		name[--len] = '\0';
	d = cfg_find(name);
	if (d == NULL) {
		seterr(err, errlen, "unrecognized configuration parameter \"%s\"", name);
		return -1;
	}
	eq++;
	while (isspace((unsigned char)*eq))
		eq++;
	if (parse_value(d, eq, &v, err, errlen) != 0)
		return -1;
	i = def_index(d);
	replace_text(&override_text[i], eq);
	apply_effective(i, d);
	return 0;
}

int
cfg_set_session(const char *name, const char *value, char *err, size_t errlen)
{
	const cfg_def *d = cfg_find(name);
	cfg_val v;
	size_t i;

	if (d == NULL) {
		seterr(err, errlen, "unrecognized configuration parameter \"%s\"", name);
		return -1;
	}
	if (d->context != CFG_SESSION) {
		seterr(err, errlen, "parameter \"%s\" cannot be changed now", d->name);
		return -1;
	}
	if (parse_value(d, value, &v, err, errlen) != 0)
		return -1;
	i = def_index(d);
	replace_text(&session_text[i], value);
	assign(d, value, &v);
	return 0;
}

int
cfg_reset_session(const char *name, char *err, size_t errlen)
{
	size_t n;
	const cfg_def *t = cfg_table(&n);

	if (name != NULL) {
		const cfg_def *d = cfg_find(name);

		if (d == NULL) {
			seterr(err, errlen, "unrecognized configuration parameter \"%s\"", name);
			return -1;
		}
		if (d->context != CFG_SESSION) {
			seterr(err, errlen, "parameter \"%s\" cannot be changed now", d->name);
			return -1;
		}
		replace_text(&session_text[def_index(d)], NULL);
		apply_effective(def_index(d), d);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (session_text[i]) {
			replace_text(&session_text[i], NULL);
			apply_effective(i, &t[i]);
		}
	return 0;
}

static const char *
show_scaled(int64_t v, const char *const *units, const double *factors, size_t nunits,
            size_t min_unit, char *buf, size_t buflen)
{
	size_t k;

	if (v <= 0) {
		snprintf(buf, buflen, "%lld", (long long)v);
		return buf;
	}
	for (k = nunits; k-- > min_unit;) {
		double f = factors[k];

		if (f >= 1.0 && fmod((double)v, f) == 0.0) {
			snprintf(buf, buflen, "%lld%s", (long long)((double)v / f), units[k]);
			return buf;
		}
	}
	snprintf(buf, buflen, "%lld%s", (long long)v, units[min_unit]);
	return buf;
}

const char *
cfg_show(const char *name, char *buf, size_t buflen)
{
	const cfg_def *d = cfg_find(name);

	if (d == NULL)
		return NULL;
	switch (d->type) {
	case CFG_BOOL:
		snprintf(buf, buflen, "%s", *(bool *)d->var ? "on" : "off");
		break;
	case CFG_INT:
		snprintf(buf, buflen, "%lld", (long long)*(int64_t *)d->var);
		break;
	case CFG_REAL:
		snprintf(buf, buflen, "%g", *(double *)d->var);
		break;
	case CFG_MEMORY:
		return show_scaled(*(int64_t *)d->var, mem_units, mem_factors, 5, 0, buf, buflen);
	case CFG_TIME:
		return show_scaled(*(int64_t *)d->var, time_units, time_factors, 6, 1, buf, buflen);
	case CFG_ENUM: {
		int idx = *(int *)d->var;
		const char *p = d->enum_values;

		for (int i = 0; i < idx && p; i++) {
			p = strchr(p, '|');
			if (p)
				p++;
		}
		snprintf(buf, buflen, "%.*s", p ? (int)strcspn(p, "|") : 0, p ? p : "");
		break;
	}
	case CFG_STRING: {
		const char *s = *(char **)d->var;

		snprintf(buf, buflen, "%s", s ? s : "");
		break;
	}
	}
	return buf;
}
