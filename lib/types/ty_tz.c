/*
 * ty_tz.c — time zones: the system tz database (TZif files under /usr/share/zoneinfo,
 * RFC 8536, versions 1-4), POSIX TZ strings (the TZif footer, or a name such as
 * "EST5EDT"/"UTC+2" that has no file), fixed offsets, and the abbreviations accepted in
 * date/time input.
 *
 * Loaded zones are cached for the life of the process (allocated in mem_top): zone files
 * do not change under a running server in any way we must honour before a restart, which
 * is PostgreSQL's behaviour too.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "types/tydatetime.h"
#include "types/ty_int.h"
#include "util/cfg.h"

#ifndef TZDIR
#define TZDIR "/usr/share/zoneinfo"
#endif
#define TZ_NAME_MAX 128
#define TZ_ABBR_MAX 16

typedef struct tz_type {
	int32_t off;            /* seconds east of UTC */
	bool isdst;
	char abbr[TZ_ABBR_MAX];
} tz_type;

typedef struct tz_rule {
	char kind;              /* 'M', 'J', 'D' */
	int m, w, d;            /* M: month, week, weekday; J/D: day number in d */
	int32_t time;           /* seconds after local midnight */
} tz_rule;

struct ty_tz {
	char name[TZ_NAME_MAX];    /* lower-cased lookup key */
	int ntrans;
	int64_t *trans;            /* UTC seconds, ascending */
	uint8_t *tidx;
	int ntypes;
	tz_type *types;
	bool has_rule;             /* POSIX rule for times after the last transition */
	tz_type rstd, rdst;
	bool rhasdst;
	tz_rule rstart, rend;
	struct ty_tz *next;
};

static struct ty_tz *tz_cache;

static void *
tz_alloc(size_t n)
{
	if (mem_top == NULL)
		mem_init();
	return mem_zalloc(mem_top, n);
}

/* ---- POSIX TZ strings --------------------------------------------------------------------- */

static const char *
posix_name(const char *p, char *out)
{
	int n = 0;
	if (*p == '<') {
		p++;
		while (*p && *p != '>') {
			if (n < TZ_ABBR_MAX - 1)
				out[n++] = *p;
			p++;
		}
		if (*p != '>')
			return NULL;
		p++;
	} else {
		while (ty_isalpha((unsigned char)*p)) {
			if (n < TZ_ABBR_MAX - 1)
				out[n++] = *p;
			p++;
		}
	}
	out[n] = '\0';
	return n >= 3 ? p : NULL;
}

/* [+-]hh[:mm[:ss]] → seconds; returns NULL on bad syntax. */
static const char *
posix_time(const char *p, int32_t *secs)
{
	int sign = 1;
	if (*p == '+')
		p++;
	else if (*p == '-') {
		sign = -1;
		p++;
	}
	if (!ty_isdigit((unsigned char)*p))
		return NULL;
	int h = 0, m = 0, s = 0;
	while (ty_isdigit((unsigned char)*p))
		h = h * 10 + (*p++ - '0');
	if (h > 167)
		return NULL;
	if (*p == ':') {
		p++;
		if (!ty_isdigit((unsigned char)*p))
			return NULL;
		while (ty_isdigit((unsigned char)*p))
			m = m * 10 + (*p++ - '0');
		if (*p == ':') {
			p++;
			if (!ty_isdigit((unsigned char)*p))
				return NULL;
			while (ty_isdigit((unsigned char)*p))
				s = s * 10 + (*p++ - '0');
		}
	}
	if (m > 59 || s > 59)
		return NULL;
	*secs = sign * (h * 3600 + m * 60 + s);
	return p;
}

static const char *
posix_rule(const char *p, tz_rule *r)
{
	r->time = 7200;
	if (*p == 'M') {
		r->kind = 'M';
		p++;
		if (sscanf(p, "%d.%d.%d", &r->m, &r->w, &r->d) != 3)
			return NULL;
		if (r->m < 1 || r->m > 12 || r->w < 1 || r->w > 5 || r->d < 0 || r->d > 6)
			return NULL;
		while (ty_isdigit((unsigned char)*p) || *p == '.')
			p++;
	} else if (*p == 'J' || ty_isdigit((unsigned char)*p)) {
		r->kind = *p == 'J' ? 'J' : 'D';
		if (*p == 'J')
			p++;
		if (!ty_isdigit((unsigned char)*p))
			return NULL;
		r->d = 0;
		while (ty_isdigit((unsigned char)*p))
			r->d = r->d * 10 + (*p++ - '0');
		if (r->d > 365 || (r->kind == 'J' && r->d < 1))
			return NULL;
	} else
		return NULL;
	if (*p == '/') {
		p = posix_time(p + 1, &r->time);
		if (!p)
			return NULL;
	}
	return p;
}

static bool
parse_posix(const char *s, struct ty_tz *z)
{
	const char *p = s;
	int32_t off;
	p = posix_name(p, z->rstd.abbr);
	if (!p)
		return false;
	p = posix_time(p, &off);
	if (!p)
		return false;
	z->rstd.off = -off;
	z->rstd.isdst = false;
	z->has_rule = true;
	if (*p == '\0')
		return true;
	p = posix_name(p, z->rdst.abbr);
	if (!p)
		return false;
	z->rhasdst = true;
	z->rdst.isdst = true;
	z->rdst.off = z->rstd.off + 3600;
	if (*p && *p != ',') {
		p = posix_time(p, &off);
		if (!p)
			return false;
		z->rdst.off = -off;
	}
	if (*p == '\0') {
		/* no rules: the US ones, as POSIX implementations default to */
		z->rstart = (tz_rule){'M', 3, 2, 0, 7200};
		z->rend = (tz_rule){'M', 11, 1, 0, 7200};
		return true;
	}
	if (*p++ != ',')
		return false;
	p = posix_rule(p, &z->rstart);
	if (!p || *p++ != ',')
		return false;
	p = posix_rule(p, &z->rend);
	return p && *p == '\0';
}

/* Seconds from the start of year y (local) to the rule's moment. */
static int64_t
rule_secs(const tz_rule *r, int y)
{
	int64_t day;
	if (r->kind == 'J') {
		day = r->d - 1;
		if (ty_is_leap(y) && r->d >= 60)
			day++;
	} else if (r->kind == 'D')
		day = r->d;
	else {
		int jd1 = ty_date2j(y, r->m, 1);
		int wd1 = ty_j2day(jd1);
		int mday = 1 + (r->d - wd1 + 7) % 7 + (r->w - 1) * 7;
		int dim = ty_days_in_month(y, r->m);
		while (mday > dim)
			mday -= 7;
		day = ty_date2j(y, r->m, mday) - ty_date2j(y, 1, 1);
	}
	return day * SECS_PER_DAY + r->time;
}

static int64_t
year_start_unix(int y)
{
	return (int64_t)(ty_date2j(y, 1, 1) - UNIX_EPOCH_JDATE) * SECS_PER_DAY;
}

static int
year_of_unix(int64_t t)
{
	int64_t days = t >= 0 ? t / SECS_PER_DAY : -((-t + SECS_PER_DAY - 1) / SECS_PER_DAY);
	int y, m, d;
	ty_j2date((int)(days + UNIX_EPOCH_JDATE), &y, &m, &d);
	return y;
}

/* UTC moments of DST start and end in year y. */
static void
rule_year(const struct ty_tz *z, int y, int64_t *start, int64_t *end)
{
	int64_t ys = year_start_unix(y);
	*start = ys + rule_secs(&z->rstart, y) - z->rstd.off;
	*end = ys + rule_secs(&z->rend, y) - z->rdst.off;
}

static const tz_type *
rule_type_at(const struct ty_tz *z, int64_t t)
{
	if (!z->rhasdst)
		return &z->rstd;
	int y = year_of_unix(t + z->rstd.off);
	int64_t s, e;
	rule_year(z, y, &s, &e);
	bool dst;
	if (s < e)
		dst = t >= s && t < e;
	else
		dst = !(t >= e && t < s);
	return dst ? &z->rdst : &z->rstd;
}

/* ---- TZif --------------------------------------------------------------------------------- */

static uint32_t
be32(const unsigned char *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)(((uint64_t)be32(p) << 32) | be32(p + 4));
}

static bool
parse_tzif(const unsigned char *buf, size_t len, struct ty_tz *z)
{
	if (len < 44 || memcmp(buf, "TZif", 4) != 0)
		return false;
	char version = (char)buf[4];
	const unsigned char *p = buf;
	size_t pos = 0;
	int tsize = 4;
	for (int pass = 0; pass < 2; pass++) {
		if (pos + 44 > len || memcmp(p + pos, "TZif", 4) != 0)
			return false;
		const unsigned char *h = p + pos + 20;
		uint32_t isutcnt = be32(h), isstdcnt = be32(h + 4), leapcnt = be32(h + 8);
		uint32_t timecnt = be32(h + 12), typecnt = be32(h + 16), charcnt = be32(h + 20);
		pos += 44;
		size_t need = (size_t)timecnt * tsize + timecnt + (size_t)typecnt * 6 + charcnt +
		              (size_t)leapcnt * (tsize + 4) + isstdcnt + isutcnt;
		if (typecnt == 0 || typecnt > 256 || timecnt > 100000 || pos + need > len)
			return false;
		if (pass == 0 && version >= '2') {
			pos += need;
			tsize = 8;
			continue;
		}
		const unsigned char *d = p + pos;
		z->ntrans = (int)timecnt;
		z->trans = tz_alloc(sizeof(int64_t) * (timecnt + 1));
		z->tidx = tz_alloc(timecnt + 1);
		for (uint32_t i = 0; i < timecnt; i++)
			z->trans[i] = tsize == 8 ? be64(d + 8 * i) : (int32_t)be32(d + 4 * i);
		d += (size_t)timecnt * tsize;
		for (uint32_t i = 0; i < timecnt; i++) {
			z->tidx[i] = d[i];
			if (d[i] >= typecnt)
				return false;
		}
		d += timecnt;
		z->ntypes = (int)typecnt;
		z->types = tz_alloc(sizeof(tz_type) * typecnt);
		const unsigned char *chars = d + typecnt * 6;
		for (uint32_t i = 0; i < typecnt; i++) {
			z->types[i].off = (int32_t)be32(d + 6 * i);
			z->types[i].isdst = d[6 * i + 4] != 0;
			unsigned idx = d[6 * i + 5];
			if (idx < charcnt) {
				size_t k = 0;
				while (idx + k < charcnt && chars[idx + k] && k < TZ_ABBR_MAX - 1) {
					z->types[i].abbr[k] = (char)chars[idx + k];
					k++;
				}
			}
		}
		pos += need;
		if (tsize == 8 && pos < len && p[pos] == '\n') {
			const unsigned char *f = p + pos + 1;
			const unsigned char *nl = memchr(f, '\n', len - pos - 1);
			if (nl && nl > f) {
				char footer[256];
				size_t fl = (size_t)(nl - f) < sizeof footer - 1 ? (size_t)(nl - f) : sizeof footer - 1;
				memcpy(footer, f, fl);
				footer[fl] = '\0';
				if (!parse_posix(footer, z))
					z->has_rule = false;
			}
		}
		return true;
	}
	return false;
}

/* Find the file for name, matching each path component case-insensitively. */
static bool
find_zone_file(const char *name, char *path, size_t pathlen)
{
	if (name[0] == '\0' || name[0] == '/' || strlen(name) >= TZ_NAME_MAX)
		return false;
	snprintf(path, pathlen, "%s/%s", TZDIR, name);
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && strstr(name, "..") == NULL)
		return true;
	/* case-insensitive walk */
	char comp[TZ_NAME_MAX];
	snprintf(path, pathlen, "%s", TZDIR);
	const char *p = name;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (n == 0 || n >= sizeof comp)
			return false;
		memcpy(comp, p, n);
		comp[n] = '\0';
		if (strcmp(comp, ".") == 0 || strcmp(comp, "..") == 0)
			return false;
		DIR *dir = opendir(path);
		if (!dir)
			return false;
		struct dirent *de;
		bool found = false;
		while ((de = readdir(dir)) != NULL) {
			if (strlen(de->d_name) == n && ty_strncasecmp(de->d_name, comp, n) == 0) {
				size_t l = strlen(path);
				snprintf(path + l, pathlen - l, "/%s", de->d_name);
				found = true;
				break;
			}
		}
		closedir(dir);
		if (!found)
			return false;
		p += n;
		if (*p == '/')
			p++;
	}
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool
load_file(const char *path, struct ty_tz *z)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	unsigned char *buf = malloc(1 << 20);
	if (!buf) {
		fclose(f);
		return false;
	}
	size_t len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	bool ok = parse_tzif(buf, len, z);
	free(buf);
	return ok;
}

/* A bare number of hours east of UTC ("+02", "-3.5", "5") as SET TIME ZONE accepts. */
static bool
parse_hours(const char *s, int32_t *off)
{
	char *end;
	if (!(ty_isdigit((unsigned char)s[0]) || s[0] == '+' || s[0] == '-' || s[0] == '.'))
		return false;
	errno = 0;
	double h = strtod(s, &end);
	if (end == s || *end != '\0' || errno || h < -15.59 || h > 15.59)
		return false;
	*off = (int32_t)lround(h * 3600);
	return true;
}

const ty_tz *
ty_tz_lookup(const char *name)
{
	char key[TZ_NAME_MAX];
	size_t n = strlen(name);
	if (n == 0 || n >= TZ_NAME_MAX)
		return NULL;
	for (size_t i = 0; i <= n; i++)
		key[i] = (char)ty_tolower((unsigned char)name[i]);
	for (struct ty_tz *z = tz_cache; z; z = z->next)
		if (strcmp(z->name, key) == 0)
			return z;
	struct ty_tz tmp;
	memset(&tmp, 0, sizeof tmp);
	char path[512];
	int32_t hours;
	bool ok = false;
	if (find_zone_file(name, path, sizeof path))
		ok = load_file(path, &tmp);
	if (!ok) {
		memset(&tmp, 0, sizeof tmp);
		if (parse_hours(name, &hours)) {
			tmp.has_rule = true;
			tmp.rstd.off = hours;
			int a = abs(hours);
			if (a % 3600 == 0)
				snprintf(tmp.rstd.abbr, TZ_ABBR_MAX, "%c%02d", hours < 0 ? '-' : '+', a / 3600);
			else
				snprintf(tmp.rstd.abbr, TZ_ABBR_MAX, "%c%02d:%02d", hours < 0 ? '-' : '+', a / 3600,
				         (a / 60) % 60);
			ok = true;
		} else
			ok = parse_posix(name, &tmp);
	}
	if (!ok)
		return NULL;
	struct ty_tz *z = tz_alloc(sizeof *z);
	*z = tmp;
	memcpy(z->name, key, n + 1);
	z->next = tz_cache;
	tz_cache = z;
	return z;
}

const char *
ty_tz_name(const ty_tz *z)
{
	return z->name;
}

bool
ty_tz_valid_setting(const char *name)
{
	return ty_tz_lookup(name) != NULL;
}

const ty_tz *
ty_tz_session(void)
{
	static char last[TZ_NAME_MAX];
	static const ty_tz *cur;
	const char *name = settings.timezone ? settings.timezone : "UTC";
	if (cur && strcmp(last, name) == 0)
		return cur;
	const ty_tz *z = ty_tz_lookup(name);
	if (!z)
		z = ty_tz_lookup("UTC");
	if (!z) {
		/* no tz database at all: a fixed UTC zone */
		static struct ty_tz utc;
		strcpy(utc.name, "utc");
		utc.has_rule = true;
		strcpy(utc.rstd.abbr, "UTC");
		z = &utc;
	}
	snprintf(last, sizeof last, "%s", name);
	cur = z;
	return z;
}

static const tz_type *
type_at(const ty_tz *z, int64_t t)
{
	if (z->ntrans == 0)
		return z->has_rule ? rule_type_at(z, t) : &z->types[0];
	if (t < z->trans[0])
		return &z->types[0];
	if (t >= z->trans[z->ntrans - 1] && z->has_rule)
		return rule_type_at(z, t);
	int lo = 0, hi = z->ntrans - 1;
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (z->trans[mid] <= t)
			lo = mid;
		else
			hi = mid - 1;
	}
	return &z->types[z->tidx[lo]];
}

int
ty_tz_offset_utc(const ty_tz *z, int64_t t, const char **abbrev, bool *isdst)
{
	const tz_type *ty = type_at(z, t);
	if (abbrev)
		*abbrev = ty->abbr;
	if (isdst)
		*isdst = ty->isdst;
	return ty->off;
}

/* First UTC moment > t at which the type changes; false if none. */
static bool
next_boundary(const ty_tz *z, int64_t t, int64_t *boundary)
{
	if (z->ntrans > 0 && t < z->trans[z->ntrans - 1]) {
		int lo = 0, hi = z->ntrans - 1;
		while (lo < hi) {
			int mid = (lo + hi) / 2;
			if (z->trans[mid] > t)
				hi = mid;
			else
				lo = mid + 1;
		}
		*boundary = z->trans[lo];
		return true;
	}
	if (!z->has_rule || !z->rhasdst)
		return false;
	int y = year_of_unix(t);
	int64_t best = INT64_MAX;
	for (int k = -1; k <= 1; k++) {
		int64_t s, e;
		rule_year(z, y + k, &s, &e);
		if (s > t && s < best)
			best = s;
		if (e > t && e < best)
			best = e;
	}
	if (best == INT64_MAX)
		return false;
	*boundary = best;
	return true;
}

/* PostgreSQL's DetermineTimeZoneOffset: a skipped local time takes the offset before the
 * transition, a repeated one the offset after it. */
int
ty_tz_offset_local(const ty_tz *z, int64_t L, bool *isdst)
{
	int64_t prev = L - SECS_PER_DAY;
	int64_t boundary;
	const tz_type *before = type_at(z, prev);
	if (!next_boundary(z, prev, &boundary)) {
		if (isdst)
			*isdst = before->isdst;
		return before->off;
	}
	const tz_type *after = type_at(z, boundary);
	int64_t bt = L - before->off, at = L - after->off;
	const tz_type *use;
	if (bt < boundary && at < boundary)
		use = before;
	else if (bt >= boundary && at >= boundary)
		use = after;
	else if (bt > at)
		use = before;
	else
		use = after;
	if (isdst)
		*isdst = use->isdst;
	return use->off;
}

/* ---- abbreviations accepted in input ------------------------------------------------------ */

static const struct {
	const char *name;
	int off;     /* minutes east */
	bool dst;
} abbrevs[] = {
	{"acdt", 630, true},  {"acst", 570, false}, {"adt", -180, true},  {"aedt", 660, true},
	{"aest", 600, false}, {"akdt", -480, true}, {"akst", -540, false}, {"ast", -240, false},
	{"awst", 480, false}, {"bst", 60, true},    {"cdt", -300, true},  {"cest", 120, true},
	{"cet", 60, false},   {"cst", -360, false}, {"eat", 180, false},  {"edt", -240, true},
	{"eest", 180, true},  {"eet", 120, false},  {"est", -300, false}, {"gmt", 0, false},
	{"hkt", 480, false},  {"hst", -600, false}, {"idt", 180, true},   {"ist", 120, false},
	{"jst", 540, false},  {"kst", 540, false},  {"mdt", -360, true},  {"mest", 120, true},
	{"met", 60, false},   {"msk", 180, false},  {"mst", -420, false}, {"ndt", -150, true},
	{"nst", -210, false}, {"nzdt", 780, true},  {"nzst", 720, false}, {"pdt", -420, true},
	{"pst", -480, false}, {"sast", 120, false}, {"sgt", 480, false},  {"ut", 0, false},
	{"utc", 0, false},    {"wat", 60, false},   {"west", 60, true},   {"wet", 0, false},
	{"z", 0, false},      {"zulu", 0, false},
};

bool
ty_tz_abbrev(const char *lowername, int *offset, bool *isdst)
{
	int lo = 0, hi = (int)(sizeof abbrevs / sizeof abbrevs[0]) - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(lowername, abbrevs[mid].name);
		if (c == 0) {
			*offset = abbrevs[mid].off * 60;
			*isdst = abbrevs[mid].dst;
			return true;
		}
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return false;
}
