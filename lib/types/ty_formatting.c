/*
 * ty_formatting.c — to_char for timestamps, intervals and numbers; to_date, to_timestamp
 * and to_number, with PostgreSQL's template patterns (YYYY MM DD HH24 MI SS MS US Mon Month
 * Dy Day AM/PM TZ OF ..., FM/TH modifiers, "quoted text"; numeric 9 0 . , D G S MI PL SG
 * PR EEEE FM).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "types/tynumeric.h"
#include "types/ty_catdef.h"
#include "types/ty_dt_int.h"

int ty_iso_week(int y, int m, int d);
int ty_iso_year(int y, int m, int d);

enum {
	K_AD_DOT, K_AM_DOT, K_AD, K_AM, K_BC_DOT, K_BC, K_CC, K_DAY, K_DDD, K_DD, K_DY, K_D,
	K_FF1, K_FF2, K_FF3, K_FF4, K_FF5, K_FF6, K_FX, K_HH24, K_HH12, K_HH, K_IDDD, K_ID, K_IW,
	K_IYYY, K_IYY, K_IY, K_I, K_J, K_MI, K_MM, K_MONTH, K_MON, K_MS, K_OF, K_PM_DOT, K_PM, K_Q,
	K_RM, K_SSSSS, K_SSSS, K_SS, K_TZH, K_TZM, K_TZ, K_US, K_WW, K_W, K_Y_YYY, K_YYYY, K_YYY,
	K_YY, K_Y
};

typedef struct dkw {
	const char *name;
	int id;
	char caseform; /* 'U' upper, 'C' capitalised, 'L' lower: for text output */
} dkw;

/* longest first within each starting letter, as PostgreSQL matches */
static const dkw dkws[] = {
	{"A.D.", K_AD_DOT, 'U'}, {"A.M.", K_AM_DOT, 'U'}, {"AD", K_AD, 'U'}, {"AM", K_AM, 'U'},
	{"B.C.", K_BC_DOT, 'U'}, {"BC", K_BC, 'U'}, {"CC", K_CC, 'U'}, {"DAY", K_DAY, 'U'},
	{"DDD", K_DDD, 'U'}, {"DD", K_DD, 'U'}, {"DY", K_DY, 'U'}, {"Day", K_DAY, 'C'},
	{"Dy", K_DY, 'C'}, {"D", K_D, 'U'}, {"FF1", K_FF1, 'U'}, {"FF2", K_FF2, 'U'},
	{"FF3", K_FF3, 'U'}, {"FF4", K_FF4, 'U'}, {"FF5", K_FF5, 'U'}, {"FF6", K_FF6, 'U'},
	{"FX", K_FX, 'U'}, {"HH24", K_HH24, 'U'}, {"HH12", K_HH12, 'U'}, {"HH", K_HH, 'U'},
	{"IDDD", K_IDDD, 'U'}, {"ID", K_ID, 'U'}, {"IW", K_IW, 'U'}, {"IYYY", K_IYYY, 'U'},
	{"IYY", K_IYY, 'U'}, {"IY", K_IY, 'U'}, {"I", K_I, 'U'}, {"J", K_J, 'U'}, {"MI", K_MI, 'U'},
	{"MM", K_MM, 'U'}, {"MONTH", K_MONTH, 'U'}, {"MON", K_MON, 'U'}, {"MS", K_MS, 'U'},
	{"Month", K_MONTH, 'C'}, {"Mon", K_MON, 'C'}, {"OF", K_OF, 'U'}, {"P.M.", K_PM_DOT, 'U'},
	{"PM", K_PM, 'U'}, {"Q", K_Q, 'U'}, {"RM", K_RM, 'U'}, {"SSSSS", K_SSSSS, 'U'},
	{"SSSS", K_SSSS, 'U'}, {"SS", K_SS, 'U'}, {"TZH", K_TZH, 'U'}, {"TZM", K_TZM, 'U'},
	{"TZ", K_TZ, 'U'}, {"US", K_US, 'U'}, {"WW", K_WW, 'U'}, {"W", K_W, 'U'},
	{"Y,YYY", K_Y_YYY, 'U'}, {"YYYY", K_YYYY, 'U'}, {"YYY", K_YYY, 'U'}, {"YY", K_YY, 'U'},
	{"Y", K_Y, 'U'}, {"a.d.", K_AD_DOT, 'L'}, {"a.m.", K_AM_DOT, 'L'}, {"ad", K_AD, 'L'},
	{"am", K_AM, 'L'}, {"b.c.", K_BC_DOT, 'L'}, {"bc", K_BC, 'L'}, {"cc", K_CC, 'L'},
	{"day", K_DAY, 'L'}, {"ddd", K_DDD, 'L'}, {"dd", K_DD, 'L'}, {"dy", K_DY, 'L'},
	{"d", K_D, 'L'}, {"ff1", K_FF1, 'L'}, {"ff2", K_FF2, 'L'}, {"ff3", K_FF3, 'L'},
	{"ff4", K_FF4, 'L'}, {"ff5", K_FF5, 'L'}, {"ff6", K_FF6, 'L'}, {"fx", K_FX, 'L'},
	{"hh24", K_HH24, 'L'}, {"hh12", K_HH12, 'L'}, {"hh", K_HH, 'L'}, {"iddd", K_IDDD, 'L'},
	{"id", K_ID, 'L'}, {"iw", K_IW, 'L'}, {"iyyy", K_IYYY, 'L'}, {"iyy", K_IYY, 'L'},
	{"iy", K_IY, 'L'}, {"i", K_I, 'L'}, {"j", K_J, 'L'}, {"mi", K_MI, 'L'}, {"mm", K_MM, 'L'},
	{"month", K_MONTH, 'L'}, {"mon", K_MON, 'L'}, {"ms", K_MS, 'L'}, {"of", K_OF, 'L'},
	{"p.m.", K_PM_DOT, 'L'}, {"pm", K_PM, 'L'}, {"q", K_Q, 'L'}, {"rm", K_RM, 'L'},
	{"sssss", K_SSSSS, 'L'}, {"ssss", K_SSSS, 'L'}, {"ss", K_SS, 'L'}, {"tzh", K_TZH, 'L'},
	{"tzm", K_TZM, 'L'}, {"tz", K_TZ, 'L'}, {"us", K_US, 'L'}, {"ww", K_WW, 'L'},
	{"w", K_W, 'L'}, {"y,yyy", K_Y_YYY, 'L'}, {"yyyy", K_YYYY, 'L'}, {"yyy", K_YYY, 'L'},
	{"yy", K_YY, 'L'}, {"y", K_Y, 'L'},
};

static const char *const months_full[] = {"January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November",
                                         "December"};
static const char *const days_full[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday"};
static const char *const rm_upper[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                      "XI", "XII"};

typedef struct fmt_node {
	int kind;          /* 0 literal char, 1 keyword, 2 literal text run */
	const dkw *kw;
	bool fm, th, th_lower, sp;
	const char *lit;
	int litlen;
} fmt_node;

static fmt_node *
parse_format(const char *f, int n, int *count)
{
	fmt_node *nodes = palloc0(sizeof(fmt_node) * (size_t)(n + 1));
	int k = 0;
	for (int i = 0; i < n;) {
		fmt_node *nd = &nodes[k];
		bool fm = false;
		/* FM / TM prefixes */
		for (;;) {
			if (i + 2 <= n && (!strncmp(f + i, "FM", 2) || !strncmp(f + i, "fm", 2))) {
				fm = true;
				i += 2;
				continue;
			}
			if (i + 2 <= n && (!strncmp(f + i, "TM", 2) || !strncmp(f + i, "tm", 2))) {
				i += 2;
				continue;
			}
			break;
		}
		const dkw *found = NULL;
		for (size_t j = 0; j < sizeof dkws / sizeof dkws[0]; j++) {
			size_t l = strlen(dkws[j].name);
			if ((int)l <= n - i && strncmp(f + i, dkws[j].name, l) == 0) {
				found = &dkws[j];
				break;
			}
		}
		if (found) {
			nd->kind = 1;
			nd->kw = found;
			nd->fm = fm;
			i += (int)strlen(found->name);
			if (i + 2 <= n && (!strncmp(f + i, "TH", 2) || !strncmp(f + i, "th", 2))) {
				nd->th = true;
				nd->th_lower = f[i] == 't';
				i += 2;
			}
			if (i + 2 <= n && !strncmp(f + i, "SP", 2)) {
				nd->sp = true;
				i += 2;
			}
			k++;
			continue;
		}
		if (f[i] == '"') {
			int st = ++i;
			while (i < n && f[i] != '"') {
				if (f[i] == '\\' && i + 1 < n)
					i++;
				i++;
			}
			nd->kind = 2;
			nd->lit = f + st;
			nd->litlen = i - st;
			if (i < n)
				i++;
			k++;
			continue;
		}
		/* outside quotes a backslash only escapes a double quote (PostgreSQL) */
		if (f[i] == '\\' && i + 1 < n && f[i + 1] == '"')
			i++;
		nd->kind = 0;
		nd->lit = f + i;
		nd->litlen = ty_utf8_charlen((unsigned char)f[i]);
		if (nd->litlen > n - i)
			nd->litlen = n - i;
		i += nd->litlen;
		k++;
	}
	*count = k;
	return nodes;
}

static const char *
ordinal(int64_t v)
{
	int64_t a = v < 0 ? -v : v;
	if (a % 100 >= 11 && a % 100 <= 13)
		return "th";
	switch (a % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	default:
		return "th";
	}
}

static void
put_num(ty_buf *b, const fmt_node *nd, int64_t v, int width)
{
	if (nd->fm || width <= 0)
		ty_buf_printf(b, "%lld", (long long)v);
	else if (v < 0)
		ty_buf_printf(b, "-%0*lld", width, (long long)-v);
	else
		ty_buf_printf(b, "%0*lld", width, (long long)v);
	if (nd->th) {
		const char *o = ordinal(v);
		if (!nd->th_lower) {
			char u[3] = {(char)ty_toupper((unsigned char)o[0]), (char)ty_toupper((unsigned char)o[1]), 0};
			ty_buf_puts(b, u);
		} else
			ty_buf_puts(b, o);
	}
}

static void
put_text(ty_buf *b, const fmt_node *nd, const char *s, int padto)
{
	char tmp[32];
	int n = (int)strlen(s);
	for (int i = 0; i < n && i < 31; i++)
		tmp[i] = nd->kw->caseform == 'U' ? (char)ty_toupper((unsigned char)s[i])
		         : nd->kw->caseform == 'L' ? (char)ty_tolower((unsigned char)s[i]) : s[i];
	tmp[n < 31 ? n : 31] = '\0';
	ty_buf_puts(b, tmp);
	if (!nd->fm)
		for (int i = n; i < padto; i++)
			ty_buf_putc(b, ' ');
}

typedef struct tc_tm {
	ty_tm tm;
	bool is_interval;
	bool has_tz;
	int64_t total_hours; /* interval hours */
} tc_tm;

static void
dt_to_char(ty_buf *b, const tc_tm *t, const char *fmt, int flen)
{
	int n;
	fmt_node *nodes = parse_format(fmt, flen, &n);
	const ty_tm *tm = &t->tm;
	int year = tm->year;
	int dispyear = year > 0 ? year : -(year - 1);
	for (int i = 0; i < n; i++) {
		fmt_node *nd = &nodes[i];
		if (nd->kind == 0 || nd->kind == 2) {
			if (nd->kind == 2) {
				for (int k = 0; k < nd->litlen; k++) {
					if (nd->lit[k] == '\\' && k + 1 < nd->litlen)
						k++;
					ty_buf_putc(b, nd->lit[k]);
				}
			} else
				ty_buf_append(b, nd->lit, nd->litlen);
			continue;
		}
		int hour12 = tm->hour % 12 == 0 ? 12 : tm->hour % 12;
		bool pm = tm->hour >= 12;
		switch (nd->kw->id) {
		case K_AM:
		case K_PM:
			put_text(b, nd, pm ? "PM" : "AM", 0);
			break;
		case K_AM_DOT:
		case K_PM_DOT:
			put_text(b, nd, pm ? "P.M." : "A.M.", 0);
			break;
		case K_AD:
		case K_BC:
			put_text(b, nd, year > 0 ? "AD" : "BC", 0);
			break;
		case K_AD_DOT:
		case K_BC_DOT:
			put_text(b, nd, year > 0 ? "A.D." : "B.C.", 0);
			break;
		case K_HH:
		case K_HH12:
			put_num(b, nd, t->is_interval ? (t->total_hours % 12 == 0 ? 12 : t->total_hours % 12) : hour12, 2);
			break;
		case K_HH24:
			put_num(b, nd, t->is_interval ? t->total_hours : tm->hour, 2);
			break;
		case K_MI:
			put_num(b, nd, tm->min, 2);
			break;
		case K_SS:
			put_num(b, nd, tm->sec, 2);
			break;
		case K_FF1:
		case K_FF2:
		case K_FF3:
		case K_FF4:
		case K_FF5:
		case K_FF6: {
			int digits = nd->kw->id - K_FF1 + 1;
			int64_t v = tm->usec;
			for (int k = digits; k < 6; k++)
				v /= 10;
			put_num(b, nd, v, digits);
			break;
		}
		case K_MS:
			put_num(b, nd, tm->usec / 1000, 3);
			break;
		case K_US:
			put_num(b, nd, tm->usec, 6);
			break;
		case K_SSSS:
		case K_SSSSS:
			put_num(b, nd, (int64_t)tm->hour * 3600 + tm->min * 60 + tm->sec, 0);
			break;
		case K_TZ:
			if (t->has_tz && tm->zone && tm->zone[0]) {
				char z[16];
				snprintf(z, sizeof z, "%s", tm->zone);
				for (char *p = z; *p; p++)
					*p = nd->kw->caseform == 'L' ? (char)ty_tolower((unsigned char)*p) : *p;
				ty_buf_puts(b, z);
			}
			break;
		case K_TZH:
			if (t->has_tz)
				ty_buf_printf(b, "%c%02d", tm->gmtoff < 0 ? '-' : '+', abs(tm->gmtoff) / 3600);
			break;
		case K_TZM:
			if (t->has_tz)
				ty_buf_printf(b, "%02d", (abs(tm->gmtoff) / 60) % 60);
			break;
		case K_OF:
			if (t->has_tz) {
				int a = abs(tm->gmtoff);
				ty_buf_printf(b, "%c%0*d", tm->gmtoff < 0 ? '-' : '+', nd->fm ? 0 : 2, a / 3600);
				if ((a / 60) % 60)
					ty_buf_printf(b, ":%02d", (a / 60) % 60);
			}
			break;
		case K_Y_YYY:
			ty_buf_printf(b, "%d,%03d", dispyear / 1000, dispyear % 1000);
			break;
		case K_YYYY:
			put_num(b, nd, t->is_interval ? year : dispyear, 4);
			break;
		case K_YYY:
			put_num(b, nd, dispyear % 1000, 3);
			break;
		case K_YY:
			put_num(b, nd, dispyear % 100, 2);
			break;
		case K_Y:
			put_num(b, nd, dispyear % 10, 1);
			break;
		case K_IYYY:
		case K_IYY:
		case K_IY:
		case K_I: {
			int iy = ty_iso_year(year, tm->mon, tm->mday);
			int diy = iy > 0 ? iy : -(iy - 1);
			int w = nd->kw->id == K_IYYY ? 4 : nd->kw->id == K_IYY ? 3 : nd->kw->id == K_IY ? 2 : 1;
			int mod = w == 4 ? 1000000 : w == 3 ? 1000 : w == 2 ? 100 : 10;
			put_num(b, nd, diy % mod, w);
			break;
		}
		case K_CC: {
			int64_t cc = year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
			if (t->is_interval)
				cc = year / 100;
			put_num(b, nd, cc, 2);
			break;
		}
		case K_Q:
			put_num(b, nd, (tm->mon - 1) / 3 + 1, 0);
			break;
		case K_MONTH:
			if (tm->mon >= 1)
				put_text(b, nd, months_full[tm->mon - 1], 9);
			break;
		case K_MON:
			if (tm->mon >= 1) {
				char m3[4];
				memcpy(m3, months_full[tm->mon - 1], 3);
				m3[3] = '\0';
				put_text(b, nd, m3, 0);
			}
			break;
		case K_MM:
			put_num(b, nd, tm->mon, 2);
			break;
		case K_RM:
			if (tm->mon >= 1) {
				const char *r = rm_upper[tm->mon - 1];
				char tmp[8];
				snprintf(tmp, sizeof tmp, "%s", r);
				if (nd->kw->caseform == 'L')
					for (char *p = tmp; *p; p++)
						*p = (char)ty_tolower((unsigned char)*p);
				ty_buf_puts(b, tmp);
				if (!nd->fm)
					for (size_t k = strlen(tmp); k < 4; k++)
						ty_buf_putc(b, ' ');
			}
			break;
		case K_DAY:
			put_text(b, nd, days_full[tm->wday], 9);
			break;
		case K_DY: {
			char d3[4];
			memcpy(d3, days_full[tm->wday], 3);
			d3[3] = '\0';
			put_text(b, nd, d3, 0);
			break;
		}
		case K_DDD:
			put_num(b, nd, tm->yday, 3);
			break;
		case K_IDDD: {
			int iy = ty_iso_year(year, tm->mon, tm->mday);
			int jan4 = ty_date2j(iy, 1, 4);
			int dow = ty_j2day(jan4);
			int start = jan4 - ((dow == 0 ? 7 : dow) - 1);
			put_num(b, nd, ty_date2j(year, tm->mon, tm->mday) - start + 1, 3);
			break;
		}
		case K_DD:
			/* plain "%02d" in PostgreSQL, so a negative interval day is "-3", not "-03" */
			put_num(b, nd, tm->mday, tm->mday < 0 ? 1 : 2);
			break;
		case K_D:
			put_num(b, nd, tm->wday + 1, 0);
			break;
		case K_ID:
			put_num(b, nd, tm->wday == 0 ? 7 : tm->wday, 0);
			break;
		case K_WW:
			put_num(b, nd, (tm->yday - 1) / 7 + 1, 2);
			break;
		case K_IW:
			put_num(b, nd, ty_iso_week(year, tm->mon, tm->mday), 2);
			break;
		case K_W:
			put_num(b, nd, (tm->mday - 1) / 7 + 1, 0);
			break;
		case K_J:
			put_num(b, nd, ty_date2j(year, tm->mon, tm->mday), 0);
			break;
		default:
			break;
		}
	}
}

static Datum
timestamp_to_char(fn_call *c, bool tz)
{
	Timestamp ts = (Timestamp)ARG(0);
	if (ty_varsize(ARG(1)) == 0 || TIMESTAMP_NOT_FINITE(ts))
		return fn_return_null(c);
	tc_tm t;
	memset(&t, 0, sizeof t);
	if (!ty_timestamp2tm(ts, &t.tm, tz, NULL))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	t.has_tz = tz;
	ty_buf b;
	ty_buf_init(&b, 64);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	dt_to_char(&b, &t, ty_vardata(ARG(1)), ty_varsize(ARG(1)));
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

static Datum
timestamp_to_char_fn(fn_call *c)
{
	return timestamp_to_char(c, false);
}

static Datum
timestamptz_to_char_fn(fn_call *c)
{
	return timestamp_to_char(c, true);
}

static Datum
interval_to_char_fn(fn_call *c)
{
	if (ty_varsize(ARG(1)) == 0)
		return fn_return_null(c);
	Interval iv;
	ty_interval_get(ARG(0), &iv);
	tc_tm t;
	memset(&t, 0, sizeof t);
	t.is_interval = true;
	t.tm.year = iv.month / 12;
	t.tm.mon = iv.month % 12;
	t.tm.mday = iv.day;
	int64_t x = iv.time;
	t.total_hours = x / USECS_PER_HOUR;
	x -= t.total_hours * USECS_PER_HOUR;
	t.tm.hour = (int)(t.total_hours % 24);
	t.tm.min = (int)(x / USECS_PER_MINUTE);
	x -= (int64_t)t.tm.min * USECS_PER_MINUTE;
	t.tm.sec = (int)(x / USECS_PER_SEC);
	t.tm.usec = x - (int64_t)t.tm.sec * USECS_PER_SEC;
	t.tm.yday = t.tm.mday;
	ty_buf b;
	ty_buf_init(&b, 64);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	dt_to_char(&b, &t, ty_vardata(ARG(1)), ty_varsize(ARG(1)));
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

/* ---- to_date / to_timestamp ---------------------------------------------------------------- */

static noreturn void
bad_value(const char *val, const char *field, const char *detail)
{
	ERR_BEGIN(ERRCODE_INVALID_DATETIME_FORMAT);
	err_detail("%s", detail);
	err_throw("invalid value \"%s\" for \"%s\"", val, field);
}

typedef struct parsed_dt {
	int year, mon, mday, hour, min, sec, yday, isoyear, isoweek, isodow, wday;
	int64_t usec;
	int cc;
	bool bc, pm, has_ampm, clock12, has_tz, has_year, has_doy, has_iso, has_j;
	int tzoff; /* seconds east */
	int j;
	const char *tzname;
} parsed_dt;

static int
read_int(const char **pp, const char *end, int maxw, const char *field, bool *ok)
{
	const char *p = *pp;
	while (p < end && *p == ' ')
		p++;
	bool neg = false;
	if (p < end && (*p == '-' || *p == '+')) {
		neg = *p == '-';
		p++;
	}
	int64_t v = 0;
	int n = 0;
	while (p < end && ty_isdigit((unsigned char)*p) && (maxw <= 0 || n < maxw)) {
		v = v * 10 + (*p - '0');
		if (v > INT32_MAX)
			break;
		p++;
		n++;
	}
	if (n == 0) {
		*ok = false;
		char tmp[32];
		int l = 0;
		while (p + l < end && l < 20 && p[l] != ' ')
			l++;
		snprintf(tmp, sizeof tmp, "%.*s", l, p);
		bad_value(tmp, field, "Value must be an integer.");
	}
	*ok = true;
	*pp = p;
	return neg ? -(int)v : (int)v;
}

static int
read_word(const char **pp, const char *end, const char *const *words, int nwords, int prefixlen,
          const char *field)
{
	const char *p = *pp;
	while (p < end && *p == ' ')
		p++;
	for (int i = 0; i < nwords; i++) {
		int l = prefixlen > 0 ? prefixlen : (int)strlen(words[i]);
		if (p + l <= end && ty_strncasecmp(p, words[i], (size_t)l) == 0) {
			*pp = p + l;
			return i;
		}
	}
	/* PostgreSQL quotes the input up to the next blank */
	char tmp[64];
	int l = 0;
	while (p + l < end && l < 60 && !ty_isspace((unsigned char)p[l]))
		l++;
	snprintf(tmp, sizeof tmp, "%.*s", l, p);
	bad_value(tmp, field, "The given value did not match any of the allowed values for this field.");
}

static void
parse_datetime(const char *s, int slen, const char *fmt, int flen, parsed_dt *pd, const char *orig)
{
	int n;
	fmt_node *nodes = parse_format(fmt, flen, &n);
	const char *p = s, *end = s + slen;
	memset(pd, 0, sizeof *pd);
	pd->mday = 1;
	pd->mon = 1;
	pd->year = 1;
	/* as PostgreSQL: the rest of the template is ignored once the input is used up */
	for (int i = 0; i < n && p < end; i++) {
		fmt_node *nd = &nodes[i];
		bool ok;
		if (nd->kind != 1) {
			/* literal: skip one input character (spaces in the format skip spaces) */
			if (nd->kind == 0 && nd->lit[0] == ' ') {
				while (p < end && *p == ' ')
					p++;
			} else if (nd->kind == 2)
				p += nd->litlen <= end - p ? nd->litlen : end - p;
			else if (p < end)
				p += ty_utf8_charlen((unsigned char)*p);
			continue;
		}
		bool next_is_kw = i + 1 < n && nodes[i + 1].kind == 1;
		const char *name = nd->kw->name;
		switch (nd->kw->id) {
		case K_YYYY:
			pd->year = read_int(&p, end, next_is_kw ? 4 : 0, name, &ok);
			pd->has_year = true;
			break;
		case K_YYY:
			pd->year = read_int(&p, end, 3, name, &ok);
			if (pd->year < 100)
				pd->year += 2000;
			else
				pd->year += 1000;
			pd->has_year = true;
			break;
		case K_YY:
			pd->year = read_int(&p, end, 2, name, &ok);
			pd->year += pd->year < 70 ? 2000 : 1900;
			pd->has_year = true;
			break;
		case K_Y:
			pd->year = 2000 + read_int(&p, end, 1, name, &ok);
			pd->has_year = true;
			break;
		case K_Y_YYY: {
			int a = read_int(&p, end, 0, name, &ok);
			if (p < end && *p == ',')
				p++;
			int bb = read_int(&p, end, 3, name, &ok);
			pd->year = a * 1000 + bb;
			pd->has_year = true;
			break;
		}
		case K_IYYY:
			pd->isoyear = read_int(&p, end, next_is_kw ? 4 : 0, name, &ok);
			pd->has_iso = true;
			break;
		case K_MM:
			pd->mon = read_int(&p, end, 2, name, &ok);
			break;
		case K_MONTH:
			pd->mon = read_word(&p, end, months_full, 12, 0, name) + 1;
			break;
		case K_MON:
			pd->mon = read_word(&p, end, months_full, 12, 3, name) + 1;
			break;
		case K_RM:
			pd->mon = 1;
			{
				static const char *const rms[] = {"XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I"};
				static const int rmv[] = {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
				pd->mon = rmv[read_word(&p, end, rms, 12, 0, name)];
			}
			break;
		case K_DD:
			pd->mday = read_int(&p, end, 2, name, &ok);
			break;
		case K_DDD:
			pd->yday = read_int(&p, end, 3, name, &ok);
			pd->has_doy = true;
			break;
		case K_DAY:
			pd->wday = read_word(&p, end, days_full, 7, 0, name);
			break;
		case K_DY:
			pd->wday = read_word(&p, end, days_full, 7, 3, name);
			break;
		case K_D:
			pd->wday = read_int(&p, end, 1, name, &ok) - 1;
			break;
		case K_ID:
			pd->isodow = read_int(&p, end, 1, name, &ok);
			break;
		case K_IW:
			pd->isoweek = read_int(&p, end, 2, name, &ok);
			break;
		case K_HH:
		case K_HH12:
			pd->hour = read_int(&p, end, 2, name, &ok);
			pd->clock12 = true;
			break;
		case K_HH24:
			pd->hour = read_int(&p, end, 2, name, &ok);
			break;
		case K_MI:
			pd->min = read_int(&p, end, 2, name, &ok);
			break;
		case K_SS:
			pd->sec = read_int(&p, end, 2, name, &ok);
			break;
		case K_SSSS:
		case K_SSSSS: {
			int v = read_int(&p, end, 0, name, &ok);
			pd->hour = v / 3600;
			pd->min = (v / 60) % 60;
			pd->sec = v % 60;
			break;
		}
		case K_MS:
		case K_US:
		case K_FF1:
		case K_FF2:
		case K_FF3:
		case K_FF4:
		case K_FF5:
		case K_FF6: {
			const char *st = p;
			int maxw = nd->kw->id == K_MS ? 3 : nd->kw->id == K_US ? 6 : nd->kw->id - K_FF1 + 1;
			int v = read_int(&p, end, maxw, name, &ok);
			int digits = (int)(p - st);
			while (st < p && (*st == ' '))
				st++, digits--;
			int64_t us = v;
			if (nd->kw->id == K_MS) {
				for (int k = digits; k < 3; k++)
					us *= 10;
				us *= 1000;
			} else
				for (int k = digits; k < 6; k++)
					us *= 10;
			pd->usec = us;
			break;
		}
		case K_AM:
		case K_PM:
		case K_AM_DOT:
		case K_PM_DOT: {
			static const char *const ap[] = {"A.M.", "P.M.", "AM", "PM"};
			int k = read_word(&p, end, ap, 4, 0, name);
			pd->pm = k == 1 || k == 3;
			pd->has_ampm = true;
			break;
		}
		case K_AD:
		case K_BC:
			pd->bc = read_word(&p, end, (const char *const[]){"AD", "BC"}, 2, 0, name) == 1;
			break;
		case K_AD_DOT:
		case K_BC_DOT:
			pd->bc = read_word(&p, end, (const char *const[]){"A.D.", "B.C."}, 2, 0, name) == 1;
			break;
		case K_CC:
			pd->cc = read_int(&p, end, 0, name, &ok);
			break;
		case K_J:
			pd->j = read_int(&p, end, 0, name, &ok);
			pd->has_j = true;
			break;
		case K_TZH: {
			while (p < end && *p == ' ')
				p++;
			int sign = 1;
			if (p < end && (*p == '-' || *p == '+')) {
				sign = *p == '-' ? -1 : 1;
				p++;
			}
			int h = read_int(&p, end, 2, name, &ok);
			pd->tzoff = sign * h * 3600 + (pd->tzoff % 3600);
			pd->has_tz = true;
			break;
		}
		case K_TZM: {
			int m = read_int(&p, end, 2, name, &ok);
			pd->tzoff += (pd->tzoff < 0 ? -1 : 1) * m * 60;
			pd->has_tz = true;
			break;
		}
		case K_FX:
			break;
		default:
			ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "formatting field \"%s\" is only supported in to_char",
			         name);
		}
	}
	(void)orig;
}

static void
finish_parsed(parsed_dt *pd, const char *orig, ty_tm *tm)
{
	memset(tm, 0, sizeof *tm);
	if (pd->clock12 || pd->has_ampm) {
		if (pd->hour < 1 || pd->hour > 12) {
			if (pd->clock12) {
				ERR_BEGIN(ERRCODE_INVALID_DATETIME_FORMAT);
				err_hint("Use the 24-hour clock, or give an hour between 1 and 12.");
				err_throw("hour \"%d\" is invalid for the 12-hour clock", pd->hour);
			}
		}
		if (pd->pm && pd->hour < 12)
			pd->hour += 12;
		else if (!pd->pm && pd->hour == 12)
			pd->hour = 0;
	}
	int year = pd->year;
	if (pd->cc && !pd->has_year)
		year = (pd->cc - 1) * 100 + 1;
	if (pd->bc)
		year = -(year - 1);
	tm->year = year;
	tm->mon = pd->mon;
	tm->mday = pd->mday;
	if (pd->has_j)
		ty_j2date(pd->j, &tm->year, &tm->mon, &tm->mday);
	else if (pd->has_iso && pd->isoweek) {
		int jan4 = ty_date2j(pd->isoyear, 1, 4);
		int dow = ty_j2day(jan4);
		int start = jan4 - ((dow == 0 ? 7 : dow) - 1);
		ty_j2date(start + (pd->isoweek - 1) * 7 + (pd->isodow ? pd->isodow - 1 : 0), &tm->year,
		          &tm->mon, &tm->mday);
	} else if (pd->has_doy) {
		ty_j2date(ty_date2j(year, 1, 1) + pd->yday - 1, &tm->year, &tm->mon, &tm->mday);
	}
	tm->hour = pd->hour;
	tm->min = pd->min;
	tm->sec = pd->sec;
	tm->usec = pd->usec;
	if (tm->mon < 1 || tm->mon > 12 || tm->mday < 1 || tm->mday > ty_days_in_month(tm->year, tm->mon) ||
	    tm->hour > 24 || tm->min > 59 || tm->sec > 60 || tm->hour < 0 || tm->min < 0 || tm->sec < 0)
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"%s\"", orig);
}

static Datum
to_date_fn(fn_call *c)
{
	char *orig = ty_text_to_cstring(ARG(0));
	parsed_dt pd;
	parse_datetime(ty_vardata(ARG(0)), ty_varsize(ARG(0)), ty_vardata(ARG(1)), ty_varsize(ARG(1)), &pd, orig);
	ty_tm tm;
	finish_parsed(&pd, orig, &tm);
	if (!IS_VALID_JULIAN(tm.year, tm.mon, tm.mday))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date out of range: \"%s\"", orig);
	return (Datum)(int64_t)(int32_t)(ty_date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE);
}

static Datum
to_timestamp_fn(fn_call *c)
{
	char *orig = ty_text_to_cstring(ARG(0));
	parsed_dt pd;
	parse_datetime(ty_vardata(ARG(0)), ty_varsize(ARG(0)), ty_vardata(ARG(1)), ty_varsize(ARG(1)), &pd, orig);
	ty_tm tm;
	finish_parsed(&pd, orig, &tm);
	if (pd.has_tz) {
		Timestamp local;
		if (!ty_tm2timestamp(&tm, &local))
			ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
		return (Datum)(local - (int64_t)pd.tzoff * USECS_PER_SEC);
	}
	return (Datum)dt_local_to_utc(&tm, NULL, NULL);
}

/* ---- numeric formatting ---------------------------------------------------------------------- */

typedef struct numfmt {
	int pre;           /* digit positions before the decimal point */
	int post;          /* after */
	int zero_start;    /* position (0-based among pre digits) of the first '0' before the point, -1 */
	bool point, fm, eeee, pr, sign_s, mi, pl, sg, th, th_lower;
	bool sign_at_end;
	bool roman, roman_lower; /* RN / rn */
	int multiplier;    /* V: digits shifted */
} numfmt;

static void
parse_numfmt(const char *f, int n, numfmt *nf)
{
	memset(nf, 0, sizeof *nf);
	nf->zero_start = -1;
	for (int i = 0; i < n; i++) {
		char ch = f[i];
		if ((ch == 'F' || ch == 'f') && i + 1 < n && (f[i + 1] == 'M' || f[i + 1] == 'm')) {
			nf->fm = true;
			i++;
		} else if (ch == '9' || ch == '0') {
			if (nf->point)
				nf->post++;
			else {
				if (ch == '0' && nf->zero_start < 0)
					nf->zero_start = nf->pre;
				nf->pre++;
			}
		} else if (ch == '.' || ch == 'D' || ch == 'd') {
			nf->point = true;
		} else if (ch == 'S' || ch == 's') {
			nf->sign_s = true;
			nf->sign_at_end = nf->pre > 0 || nf->point;
		} else if ((ch == 'M' || ch == 'm') && i + 1 < n && (f[i + 1] == 'I' || f[i + 1] == 'i')) {
			nf->mi = true;
			i++;
		} else if ((ch == 'P' || ch == 'p') && i + 1 < n && (f[i + 1] == 'L' || f[i + 1] == 'l')) {
			nf->pl = true;
			i++;
		} else if ((ch == 'S' || ch == 's') && i + 1 < n && (f[i + 1] == 'G' || f[i + 1] == 'g')) {
			nf->sg = true;
			i++;
		} else if ((ch == 'P' || ch == 'p') && i + 1 < n && (f[i + 1] == 'R' || f[i + 1] == 'r')) {
			nf->pr = true;
			i++;
		} else if ((ch == 'E' || ch == 'e') && i + 3 < n && ty_strncasecmp(f + i, "eeee", 4) == 0) {
			nf->eeee = true;
			i += 3;
		} else if ((ch == 'V' || ch == 'v')) {
			for (int k = i + 1; k < n && (f[k] == '9' || f[k] == '0'); k++)
				nf->multiplier++;
		} else if ((ch == 'R' || ch == 'r') && i + 1 < n && (f[i + 1] == 'N' || f[i + 1] == 'n')) {
			nf->roman = true;
			nf->roman_lower = ch == 'r';
			i++;
		}
	}
}

/* RN: the integer in Roman numerals, right-aligned in 15 columns (FM: not padded);
 * outside 1..3999, 15 '#'. */
static Datum
num_to_roman(const char *digits_str, const numfmt *nf)
{
	static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
	static const char *const sym[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V",
	                                  "IV", "I"};
	long v = digits_str[0] == '-' || strlen(digits_str) > 5 ? -1 : strtol(digits_str, NULL, 10);
	char r[16];
	int n = 0;
	if (v < 1 || v > 3999) {
		memset(r, '#', 15);
		n = 15;
	} else {
		for (int k = 0; k < 13; k++)
			for (; v >= val[k]; v -= val[k])
				for (const char *c = sym[k]; *c; c++)
					r[n++] = nf->roman_lower ? (char)ty_tolower((unsigned char)*c) : *c;
	}
	ty_buf b;
	ty_buf_init(&b, 24);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	for (int k = n; k < 15 && !nf->fm; k++)
		ty_buf_putc(&b, ' ');
	ty_buf_append(&b, r, n);
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

static bool
fmt_at(const char *f, int flen, int i, const char *w)
{
	int n = (int)strlen(w);
	return i + n <= flen && ty_strncasecmp(f + i, w, (size_t)n) == 0;
}

/* Render a value (decimal string "-123.45", already rounded to the format's fraction
 * digits and multiplied for V) through a numeric template, PostgreSQL's way: unused digit
 * positions blank (FM: dropped), the sign column just left of the number unless S, MI,
 * SG or PR place it, '#' everywhere when the integer part does not fit. */
static Datum
num_to_char(const char *digits_str, const char *fmt, int flen)
{
	numfmt nf;
	parse_numfmt(fmt, flen, &nf);
	if (nf.roman)
		return num_to_roman(digits_str, &nf);
	bool neg = digits_str[0] == '-';
	const char *ds = neg ? digits_str + 1 : digits_str;
	const char *dot = strchr(ds, '.');
	int intlen = dot ? (int)(dot - ds) : (int)strlen(ds);
	const char *frac = dot ? dot + 1 : "";
	bool intzero = intlen == 1 && ds[0] == '0';
	if (intzero)
		intlen = 0;
	bool overflow = intlen > nf.pre;
	int lead = nf.pre - intlen;            /* digit positions before the first digit */
	int last_nonzero_frac = -1;
	for (int k = 0; frac[k] && k < nf.post; k++)
		if (frac[k] != '0')
			last_nonzero_frac = k;
	bool sign_lead = false;                /* S before the digits: sign goes at numstart */
	bool default_sign = !nf.sign_s && !nf.mi && !nf.sg && !nf.pr;
	int64_t ival = 0;
	for (int k = 0; k < intlen && k < 18; k++)
		ival = ival * 10 + (ds[k] - '0');
	ty_buf body;
	ty_buf_init(&body, flen * 2 + 8);
	int numstart = -1, di = 0, fi = 0;
	bool after_point = false, any_digit_pos = false;
	for (int i = 0; i < flen; i++) {
		char ch = fmt[i];
		if (fmt_at(fmt, flen, i, "FM")) {
			i++;
			continue;
		}
		if (ch == '9' || ch == '0') {
			any_digit_pos = true;
			if (overflow) {
				if (numstart < 0)
					numstart = body.len;
				ty_buf_putc(&body, '#');
				if (!after_point)
					di++;
				continue;
			}
			if (!after_point) {
				bool forced = ch == '0' || (nf.zero_start >= 0 && di >= nf.zero_start);
				bool last_int = di == nf.pre - 1;
				if (di < lead) {
					if (forced || (intzero && last_int && !nf.point)) {
						if (numstart < 0)
							numstart = body.len;
						ty_buf_putc(&body, '0');
					} else if (!nf.fm)
						ty_buf_putc(&body, ' ');
				} else {
					if (numstart < 0)
						numstart = body.len;
					ty_buf_putc(&body, ds[di - lead]);
				}
				di++;
			} else {
				char d = frac[fi] ? frac[fi] : '0';
				if (!(nf.fm && ch == '9' && fi > last_nonzero_frac))
					ty_buf_putc(&body, d);
				fi++;
			}
			continue;
		}
		if (ch == '.' || ch == 'D' || ch == 'd') {
			if (numstart < 0)
				numstart = body.len;
			ty_buf_putc(&body, '.');
			after_point = true;
			continue;
		}
		if (ch == ',' || ch == 'G' || ch == 'g') {
			if (overflow)
				ty_buf_putc(&body, ',');
			else if (numstart >= 0)
				ty_buf_putc(&body, ',');
			else if (!nf.fm)
				ty_buf_putc(&body, ' ');
			continue;
		}
		if (fmt_at(fmt, flen, i, "SG")) {
			ty_buf_putc(&body, neg ? '-' : '+');
			i++;
			continue;
		}
		if (fmt_at(fmt, flen, i, "MI")) {
			if (neg)
				ty_buf_putc(&body, '-');
			else if (!nf.fm)
				ty_buf_putc(&body, ' ');
			i++;
			continue;
		}
		if (fmt_at(fmt, flen, i, "PL")) {
			ty_buf_putc(&body, neg ? ' ' : '+');
			i++;
			continue;
		}
		if (fmt_at(fmt, flen, i, "PR")) {
			if (neg)
				ty_buf_putc(&body, '>');
			else if (!nf.fm)
				ty_buf_putc(&body, ' ');
			i++;
			continue;
		}
		if (fmt_at(fmt, flen, i, "TH")) {
			if (!neg) {
				const char *o = ordinal(ival);
				if (fmt[i] == 'T')
					ty_buf_putc(&body, (char)ty_toupper((unsigned char)o[0])),
						ty_buf_putc(&body, (char)ty_toupper((unsigned char)o[1]));
				else
					ty_buf_puts(&body, o);
			}
			i++;
			continue;
		}
		if (ch == 'S' || ch == 's') {
			if (!any_digit_pos)
				sign_lead = true;
			else
				ty_buf_putc(&body, neg ? '-' : '+');
			continue;
		}
		if (ch == 'V' || ch == 'v')
			continue;
		if (ch == 'L' || ch == 'l') {
			/* currency symbol: the C locale has none */
			ty_buf_putc(&body, ' ');
			continue;
		}
		if (ch == '"') {
			for (i++; i < flen && fmt[i] != '"'; i++) {
				if (fmt[i] == '\\' && i + 1 < flen)
					i++;
				ty_buf_putc(&body, fmt[i]);
			}
			continue;
		}
		if (ch == '\\' && i + 1 < flen)
			i++;
		ty_buf_putc(&body, fmt[i]);
	}
	if (numstart < 0)
		numstart = body.len;
	ty_buf b;
	ty_buf_init(&b, body.len + 8);
	ty_buf_reserve(&b, VARHDRSZ);
	b.len = VARHDRSZ;
	ty_buf_append(&b, body.data, numstart);
	if (nf.pr) {
		if (neg)
			ty_buf_putc(&b, '<');
		else if (!nf.fm)
			ty_buf_putc(&b, ' ');
	} else if (sign_lead)
		ty_buf_putc(&b, neg ? '-' : '+');
	else if (default_sign) {
		if (neg)
			ty_buf_putc(&b, '-');
		else if (!nf.fm)
			ty_buf_putc(&b, ' ');
	}
	ty_buf_append(&b, body.data + numstart, body.len - numstart);
	SET_VARSIZE(b.data, (uint32_t)b.len);
	return PointerGetDatum(b.data);
}

static Datum
numeric_to_char_fn(fn_call *c)
{
	numfmt nf;
	parse_numfmt(ty_vardata(ARG(1)), ty_varsize(ARG(1)), &nf);
	Datum v = ARG(0);
	if (ARGTYPE(0) != NUMERICOID && ARGTYPE(0) != InvalidOid) {
		if (ARGTYPE(0) == INT4OID)
			v = ty_numeric_from_int64(ARG_INT32(0));
		else if (ARGTYPE(0) == INT8OID)
			v = ty_numeric_from_int64(ARG_INT64(0));
		else if (ARGTYPE(0) == FLOAT8OID)
			v = ty_numeric_from_double(ARG_FLOAT8(0), 15);
		else if (ARGTYPE(0) == FLOAT4OID)
			v = ty_numeric_from_double(ARG_FLOAT4(0), 6);
	}
	if (nf.multiplier) {
		char mul[16];
		snprintf(mul, sizeof mul, "1e%d", nf.multiplier);
		v = ty_numeric_mul(v, ty_numeric_from_cstring(mul));
	}
	if (nf.eeee) {
		double d = ty_numeric_to_double(v);
		char buf[64];
		snprintf(buf, sizeof buf, "%.*e", nf.post, d);
		char *e = strchr(buf, 'e');
		int ex = atoi(e + 1);
		*e = '\0';
		ty_buf b;
		ty_buf_init(&b, 64);
		ty_buf_reserve(&b, VARHDRSZ);
		b.len = VARHDRSZ;
		if (!nf.fm && d >= 0)
			ty_buf_putc(&b, ' ');
		ty_buf_printf(&b, "%se%c%02d", buf, ex < 0 ? '-' : '+', abs(ex));
		SET_VARSIZE(b.data, (uint32_t)b.len);
		return PointerGetDatum(b.data);
	}
	v = ty_numeric_round(v, nf.post);
	char *s = ty_numeric_to_cstring(v);
	return num_to_char(s, ty_vardata(ARG(1)), ty_varsize(ARG(1)));
}

static Datum
to_number_fn(fn_call *c)
{
	const char *s = ty_vardata(ARG(0));
	int n = ty_varsize(ARG(0));
	numfmt nf;
	parse_numfmt(ty_vardata(ARG(1)), ty_varsize(ARG(1)), &nf);
	ty_buf b;
	ty_buf_init(&b, n + 4);
	bool neg = false, seen_digit = false;
	int frac = 0;
	bool point = false;
	for (int i = 0; i < n; i++) {
		char ch = s[i];
		if (ty_isdigit((unsigned char)ch)) {
			ty_buf_putc(&b, ch);
			seen_digit = true;
			if (point)
				frac++;
		} else if (ch == '.' && nf.point && !point) {
			ty_buf_putc(&b, '.');
			point = true;
		} else if (ch == '-' || ch == '<')
			neg = true;
	}
	if (!seen_digit)
		ty_buf_putc(&b, '0');
	char *num = neg ? psprintf("-%s", b.data) : b.data;
	Datum r = ty_numeric_from_cstring(num);
	if (nf.multiplier) {
		/* V: shifted back by a division, whose result scale PostgreSQL keeps */
		char mul[16];
		snprintf(mul, sizeof mul, "1e%d", nf.multiplier);
		return ty_numeric_div(r, ty_numeric_from_cstring(mul));
	}
	return ty_numeric_trunc(r, nf.post > frac ? frac : nf.post);
}

static const ty_fndef fns[] = {
	{"to_char", "timestamp,text", "text", FN_STRICT | FV_STABLE, timestamp_to_char_fn, "timestamp_to_char", 0, 0, NULL, NULL},
	{"to_char", "timestamptz,text", "text", FN_STRICT | FV_STABLE, timestamptz_to_char_fn, "timestamptz_to_char", 0, 0, NULL, NULL},
	{"to_char", "interval,text", "text", FN_STRICT | FV_STABLE, interval_to_char_fn, "interval_to_char", 0, 0, NULL, NULL},
	{"to_char", "numeric,text", "text", FN_STRICT | FV_STABLE, numeric_to_char_fn, "numeric_to_char", 0, 0, NULL, NULL},
	{"to_char", "int4,text", "text", FN_STRICT | FV_STABLE, numeric_to_char_fn, "int4_to_char", 0, 0, NULL, NULL},
	{"to_char", "int8,text", "text", FN_STRICT | FV_STABLE, numeric_to_char_fn, "int8_to_char", 0, 0, NULL, NULL},
	{"to_char", "float4,text", "text", FN_STRICT | FV_STABLE, numeric_to_char_fn, "float4_to_char", 0, 0, NULL, NULL},
	{"to_char", "float8,text", "text", FN_STRICT | FV_STABLE, numeric_to_char_fn, "float8_to_char", 0, 0, NULL, NULL},
	{"to_date", "text,text", "date", FN_STRICT | FV_STABLE, to_date_fn, "to_date", 0, 0, NULL, NULL},
	{"to_timestamp", "text,text", "timestamptz", FN_STRICT | FV_STABLE, to_timestamp_fn, "to_timestamp", 0, 0, NULL, NULL},
	{"to_number", "text,text", "numeric", FN_STRICT | FV_STABLE, to_number_fn, "numeric_to_number", 0, 0, NULL, NULL},
};

const ty_fragment ty_frag_formatting = {fns, NELEM(fns), NULL, 0, NULL, 0};
