/*
 * ty_interval.c — the interval type: PostgreSQL's input syntaxes (postgres words, SQL
 * standard "1-2 3 4:05:06", ISO 8601 "P1Y2M" and "P0001-02-03T04:05:06", "@ ... ago"),
 * the four IntervalStyle outputs, field/precision typmods, comparison and hashing
 * (months count 30 days, days 24 hours, as PostgreSQL compares), arithmetic.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "types/ty_dt_int.h"

int dt_decode_time_interval(const char *str, int range, int64_t *usec);

typedef struct itm_in {
	int64_t usec;
	int32_t mday;
	int32_t mon;
	int32_t year;
} itm_in;

static noreturn void
interval_range_error(void)
{
	ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "interval out of range");
}

void
ty_interval_get(Datum d, Interval *out)
{
	memcpy(out, DatumGetPointer(d), sizeof(Interval));
}

Datum
ty_interval_datum(const Interval *iv)
{
	Interval *p = palloc(sizeof(Interval));
	*p = *iv;
	return PointerGetDatum(p);
}

/* ---- the Adjust* helpers of PostgreSQL's interval input ---------------------------------------- */

static bool
adj_fract_usec(double frac, int64_t scale, itm_in *t)
{
	if (frac == 0)
		return true;
	frac *= (double)scale;
	if (isnan(frac) || frac < (double)INT64_MIN || frac >= (double)INT64_MAX)
		return false;
	int64_t us = (int64_t)frac;
	/* round off a fractional microsecond, as PostgreSQL does (ties toward zero) */
	frac -= (double)us;
	if (frac > 0.5)
		us++;
	else if (frac < -0.5)
		us--;
	return !__builtin_add_overflow(t->usec, us, &t->usec);
}

static bool
adj_fract_days(double frac, int scale, itm_in *t)
{
	if (frac == 0)
		return true;
	frac *= scale;
	int extra = (int)frac;
	if (__builtin_add_overflow(t->mday, extra, &t->mday))
		return false;
	frac -= extra;
	return adj_fract_usec(frac, USECS_PER_DAY, t);
}

static bool
adj_fract_years(double frac, int scale, itm_in *t)
{
	int extra = (int)rint(frac * scale * MONTHS_PER_YEAR);
	return !__builtin_add_overflow(t->mon, extra, &t->mon);
}

static bool
adj_usec(int64_t val, double fval, int64_t scale, itm_in *t)
{
	int64_t x;
	if (__builtin_mul_overflow(val, scale, &x) || __builtin_add_overflow(t->usec, x, &t->usec))
		return false;
	return adj_fract_usec(fval, scale, t);
}

static bool
adj_days(int64_t val, int scale, itm_in *t)
{
	int64_t x;
	if (__builtin_mul_overflow(val, (int64_t)scale, &x) || x > INT32_MAX || x < INT32_MIN)
		return false;
	return !__builtin_add_overflow(t->mday, (int32_t)x, &t->mday);
}

static bool
adj_months(int64_t val, itm_in *t)
{
	if (val > INT32_MAX || val < INT32_MIN)
		return false;
	return !__builtin_add_overflow(t->mon, (int32_t)val, &t->mon);
}

static bool
adj_years(int64_t val, int scale, itm_in *t)
{
	int64_t x;
	if (__builtin_mul_overflow(val, (int64_t)scale, &x) || x > INT32_MAX || x < INT32_MIN)
		return false;
	return !__builtin_add_overflow(t->year, (int32_t)x, &t->year);
}

static int
parse_fraction(const char *cp, double *frac)
{
	char *end;
	errno = 0;
	*frac = strtod(cp, &end);
	if (*end != '\0' || errno)
		return DTERR_BAD_FORMAT;
	return 0;
}

/* PostgreSQL's DecodeInterval: fields are read right to left so units precede values. */
static int
decode_interval(dt_fields *f, int range, itm_in *t, int *dtype)
{
	bool force_negative = false, is_before = false;
	int fmask = 0, type = DTK_IGNORE;
	memset(t, 0, sizeof *t);
	*dtype = DTK_DELTA_V;
	if (dt_intervalstyle() == INTSTYLE_SQL_STANDARD && f->nf > 0 && f->field[0][0] == '-') {
		force_negative = true;
		for (int i = 1; i < f->nf; i++)
			if (f->field[i][0] == '-' || f->field[i][0] == '+') {
				force_negative = false;
				break;
			}
	}
	for (int i = f->nf - 1; i >= 0; i--) {
		char *fld = f->field[i];
		int tmask = 0, r;
		switch (f->ftype[i]) {
		case DTK_TIME: {
			int64_t us;
			r = dt_decode_time_interval(fld, range, &us);
			if (r)
				return r;
			if (__builtin_add_overflow(t->usec, us, &t->usec))
				return DTERR_FIELD_OVERFLOW;
			if (force_negative && t->usec > 0)
				t->usec = -t->usec;
			tmask = (1 << 10) | (1 << 11) | (1 << 12);
			type = DTK_DAY;
			break;
		}
		case DTK_TZ: {
			int64_t us;
			if (strchr(fld + 1, ':') != NULL && dt_decode_time_interval(fld + 1, range, &us) == 0) {
				if (fld[0] == '-')
					us = -us;
				if (__builtin_add_overflow(t->usec, us, &t->usec))
					return DTERR_FIELD_OVERFLOW;
				if (force_negative && t->usec > 0)
					t->usec = -t->usec;
				tmask = (1 << 10) | (1 << 11) | (1 << 12);
				type = DTK_DAY;
				break;
			}
		}
			/* FALLTHROUGH */
		case DTK_DATE:
		case DTK_NUMBER: {
			if (type == DTK_IGNORE) {
				switch (range) {
				case INTERVAL_MASK_YEAR:
					type = DTK_YEAR;
					break;
				case INTERVAL_MASK_MONTH:
				case INTERVAL_MASK_YEAR | INTERVAL_MASK_MONTH:
					type = DTK_MONTH;
					break;
				case INTERVAL_MASK_DAY:
					type = DTK_DAY;
					break;
				case INTERVAL_MASK_HOUR:
				case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR:
					type = DTK_HOUR;
					break;
				case INTERVAL_MASK_MINUTE:
				case INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE:
				case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE:
					type = DTK_MINUTE;
					break;
				default:
					type = DTK_SECOND;
					break;
				}
			}
			char *cp;
			errno = 0;
			long long v = strtoll(fld, &cp, 10);
			if (errno == ERANGE)
				return DTERR_FIELD_OVERFLOW;
			int64_t val = v;
			double fval = 0;
			if (*cp == '-') {
				/* SQL "years-months" */
				errno = 0;
				long v2 = strtol(cp + 1, &cp, 10);
				if (errno == ERANGE || v2 < 0 || v2 >= MONTHS_PER_YEAR)
					return DTERR_FIELD_OVERFLOW;
				if (*cp != '\0')
					return DTERR_BAD_FORMAT;
				type = DTK_MONTH;
				if (fld[0] == '-')
					v2 = -v2;
				if (__builtin_mul_overflow(val, (int64_t)MONTHS_PER_YEAR, &val) ||
				    __builtin_add_overflow(val, (int64_t)v2, &val))
					return DTERR_FIELD_OVERFLOW;
			} else if (*cp == '.') {
				r = parse_fraction(cp, &fval);
				if (r)
					return r;
				if (fld[0] == '-')
					fval = -fval;
			} else if (*cp != '\0')
				return DTERR_BAD_FORMAT;
			if (force_negative) {
				if (val > 0)
					val = -val;
				if (fval > 0)
					fval = -fval;
			}
			bool ok = true;
			switch (type) {
			case DTK_MICROSEC:
				ok = adj_usec(val, fval, 1, t);
				tmask = 1 << 14;
				break;
			case DTK_MILLISEC:
				ok = adj_usec(val, fval, 1000, t);
				tmask = 1 << 13;
				break;
			case DTK_SECOND:
				ok = adj_usec(val, fval, USECS_PER_SEC, t);
				tmask = fval == 0 ? (1 << 12) : ((1 << 12) | (1 << 13) | (1 << 14));
				break;
			case DTK_MINUTE:
				ok = adj_usec(val, fval, USECS_PER_MINUTE, t);
				tmask = 1 << 11;
				break;
			case DTK_HOUR:
				ok = adj_usec(val, fval, USECS_PER_HOUR, t);
				tmask = 1 << 10;
				type = DTK_DAY;
				break;
			case DTK_DAY:
				ok = adj_days(val, 1, t) && adj_fract_usec(fval, USECS_PER_DAY, t);
				tmask = 1 << 3;
				break;
			case DTK_WEEK:
				ok = adj_days(val, 7, t) && adj_fract_days(fval, 7, t);
				tmask = 1 << 24;
				break;
			case DTK_MONTH:
				ok = adj_months(val, t) && adj_fract_days(fval, DAYS_PER_MONTH, t);
				tmask = 1 << 1;
				break;
			case DTK_YEAR:
				ok = adj_years(val, 1, t) && adj_fract_years(fval, 1, t);
				tmask = 1 << 2;
				break;
			case DTK_DECADE:
				ok = adj_years(val, 10, t) && adj_fract_years(fval, 10, t);
				tmask = 1 << 25;
				break;
			case DTK_CENTURY:
				ok = adj_years(val, 100, t) && adj_fract_years(fval, 100, t);
				tmask = 1 << 26;
				break;
			case DTK_MILLENNIUM:
				ok = adj_years(val, 1000, t) && adj_fract_years(fval, 1000, t);
				tmask = 1 << 27;
				break;
			default:
				return DTERR_BAD_FORMAT;
			}
			if (!ok)
				return DTERR_FIELD_OVERFLOW;
			break;
		}
		case DTK_STRING:
		case DTK_SPECIAL: {
			int u = dt_unit(fld);
			if (u == DTK_IGNORE)
				continue;
			if (u == DTK_AGO) {
				is_before = true;
				type = u;
				break;
			}
			if (u == 0 || u == DTK_DOW || u == DTK_DOY || u == DTK_ISODOW || u == DTK_ISOYEAR ||
			    u == DTK_EPOCH || u == DTK_JULIAN || u == DTK_QUARTER || u == DTK_TZ_OFF ||
			    u == DTK_TZ_HOUR || u == DTK_TZ_MINUTE)
				return DTERR_BAD_FORMAT;
			type = u;
			break;
		}
		default:
			return DTERR_BAD_FORMAT;
		}
		if (tmask & fmask)
			return DTERR_BAD_FORMAT;
		fmask |= tmask;
	}
	if (fmask == 0)
		return DTERR_BAD_FORMAT;
	if (is_before) {
		if (t->usec == INT64_MIN || t->mday == INT32_MIN || t->mon == INT32_MIN ||
		    t->year == INT32_MIN)
			return DTERR_FIELD_OVERFLOW;
		t->usec = -t->usec;
		t->mday = -t->mday;
		t->mon = -t->mon;
		t->year = -t->year;
	}
	return 0;
}

/* ISO 8601 number: digits with optional sign and fraction. */
static int
iso_number(const char *str, const char **end, int64_t *ipart, double *fpart)
{
	if (!(ty_isdigit((unsigned char)*str) || *str == '-' || *str == '.'))
		return DTERR_BAD_FORMAT;
	errno = 0;
	char *e;
	double val = strtod(str, &e);
	if (e == str || errno != 0)
		return DTERR_BAD_FORMAT;
	if (val < (double)INT64_MIN || val >= (double)INT64_MAX)
		return DTERR_FIELD_OVERFLOW;
	*ipart = (int64_t)val;
	*fpart = val - (double)*ipart;
	if (*ipart == 0 && *fpart == 0)
		*fpart = 0;
	*end = e;
	return 0;
}

static int
iso_int_width(const char *s)
{
	if (*s == '-')
		s++;
	int n = 0;
	while (ty_isdigit((unsigned char)s[n]))
		n++;
	return n;
}

static int
decode_iso8601(const char *str, itm_in *t)
{
	bool datepart = true, havefield = false;
	memset(t, 0, sizeof *t);
	if (strlen(str) < 2 || str[0] != 'P')
		return DTERR_BAD_FORMAT;
	str++;
	while (*str) {
		if (*str == 'T') {
			datepart = false;
			havefield = false;
			str++;
			continue;
		}
		const char *fieldstart = str;
		int64_t val;
		double fval;
		int r = iso_number(str, &str, &val, &fval);
		if (r)
			return r;
		char unit = *str++;
		if (datepart) {
			switch (unit) {
			case 'Y':
				if (!adj_years(val, 1, t) || !adj_fract_years(fval, 1, t))
					return DTERR_FIELD_OVERFLOW;
				break;
			case 'M':
				if (!adj_months(val, t) || !adj_fract_days(fval, DAYS_PER_MONTH, t))
					return DTERR_FIELD_OVERFLOW;
				break;
			case 'W':
				if (!adj_days(val, 7, t) || !adj_fract_days(fval, 7, t))
					return DTERR_FIELD_OVERFLOW;
				break;
			case 'D':
				if (!adj_days(val, 1, t) || !adj_fract_usec(fval, USECS_PER_DAY, t))
					return DTERR_FIELD_OVERFLOW;
				break;
			case 'T':
			case '\0':
				if (iso_int_width(fieldstart) == 8 && !havefield) {
					if (!adj_years(val / 10000, 1, t) || !adj_months((val / 100) % 100, t) ||
					    !adj_days(val % 100, 1, t) || !adj_fract_usec(fval, USECS_PER_DAY, t))
						return DTERR_FIELD_OVERFLOW;
					if (unit == '\0')
						return 0;
					datepart = false;
					havefield = false;
					continue;
				}
				/* FALLTHROUGH */
			case '-':
				if (havefield)
					return DTERR_BAD_FORMAT;
				if (!adj_years(val, 1, t) || !adj_fract_years(fval, 1, t))
					return DTERR_FIELD_OVERFLOW;
				if (unit == '\0')
					return 0;
				if (unit == 'T') {
					datepart = false;
					havefield = false;
					continue;
				}
				r = iso_number(str, &str, &val, &fval);
				if (r)
					return r;
				if (!adj_months(val, t) || !adj_fract_days(fval, DAYS_PER_MONTH, t))
					return DTERR_FIELD_OVERFLOW;
				if (*str == '\0')
					return 0;
				if (*str == 'T') {
					datepart = false;
					havefield = false;
					continue;
				}
				if (*str != '-')
					return DTERR_BAD_FORMAT;
				str++;
				r = iso_number(str, &str, &val, &fval);
				if (r)
					return r;
				if (!adj_days(val, 1, t) || !adj_fract_usec(fval, USECS_PER_DAY, t))
					return DTERR_FIELD_OVERFLOW;
				if (*str == '\0')
					return 0;
				if (*str == 'T') {
					datepart = false;
					havefield = false;
					continue;
				}
				return DTERR_BAD_FORMAT;
			default:
				return DTERR_BAD_FORMAT;
			}
		} else {
			switch (unit) {
			case 'H':
				if (!adj_usec(val, fval, USECS_PER_HOUR, t))
					return DTERR_FIELD_OVERFLOW;
				break;
			case 'M':
				if (!adj_usec(val, fval, USECS_PER_MINUTE, t))
					return DTERR_FIELD_OVERFLOW;
				break;
			case 'S':
				if (!adj_usec(val, fval, USECS_PER_SEC, t))
					return DTERR_FIELD_OVERFLOW;
				break;
			case '\0':
				if (iso_int_width(fieldstart) == 6 && !havefield) {
					if (!adj_usec(val / 10000, 0, USECS_PER_HOUR, t) ||
					    !adj_usec((val / 100) % 100, 0, USECS_PER_MINUTE, t) ||
					    !adj_usec(val % 100, 0, USECS_PER_SEC, t) || !adj_fract_usec(fval, 1, t))
						return DTERR_FIELD_OVERFLOW;
					return 0;
				}
				/* FALLTHROUGH */
			case ':':
				if (havefield)
					return DTERR_BAD_FORMAT;
				if (!adj_usec(val, fval, USECS_PER_HOUR, t))
					return DTERR_FIELD_OVERFLOW;
				if (unit == '\0')
					return 0;
				r = iso_number(str, &str, &val, &fval);
				if (r)
					return r;
				if (!adj_usec(val, fval, USECS_PER_MINUTE, t))
					return DTERR_FIELD_OVERFLOW;
				if (*str == '\0')
					return 0;
				if (*str != ':')
					return DTERR_BAD_FORMAT;
				str++;
				r = iso_number(str, &str, &val, &fval);
				if (r)
					return r;
				if (!adj_usec(val, fval, USECS_PER_SEC, t))
					return DTERR_FIELD_OVERFLOW;
				if (*str == '\0')
					return 0;
				return DTERR_BAD_FORMAT;
			default:
				return DTERR_BAD_FORMAT;
			}
		}
		havefield = true;
	}
	return 0;
}

static bool
itm_to_interval(const itm_in *t, Interval *iv)
{
	int64_t months = (int64_t)t->year * MONTHS_PER_YEAR + t->mon;
	if (months > INT32_MAX || months < INT32_MIN)
		return false;
	iv->month = (int32_t)months;
	iv->day = t->mday;
	iv->time = t->usec;
	return true;
}

void
dt_adjust_interval_typmod(Interval *iv, int32_t typmod)
{
	if (typmod < 0)
		return;
	int range = INTERVAL_RANGE(typmod), precision = INTERVAL_PRECISION(typmod);
	switch (range) {
	case INTERVAL_FULL_RANGE:
		break;
	case INTERVAL_MASK_YEAR:
		iv->month = (iv->month / MONTHS_PER_YEAR) * MONTHS_PER_YEAR;
		iv->day = 0;
		iv->time = 0;
		break;
	case INTERVAL_MASK_MONTH:
	case INTERVAL_MASK_YEAR | INTERVAL_MASK_MONTH:
		iv->day = 0;
		iv->time = 0;
		break;
	case INTERVAL_MASK_DAY:
		iv->time = 0;
		break;
	case INTERVAL_MASK_HOUR:
	case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR:
		iv->time = (iv->time / USECS_PER_HOUR) * USECS_PER_HOUR;
		break;
	case INTERVAL_MASK_MINUTE:
	case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE:
	case INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE:
		iv->time = (iv->time / USECS_PER_MINUTE) * USECS_PER_MINUTE;
		break;
	case INTERVAL_MASK_SECOND:
	case INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND:
	case INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND:
	case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND:
		break; /* only the precision applies */
	default:
		/* not a typmod that interval's typmod input can produce */
		ph_error(ERRCODE_INTERNAL_ERROR, "unrecognized interval typmod: %d", typmod);
	}
	if (precision != INTERVAL_FULL_PRECISION) {
		if (precision < 0 || precision > 6)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
			         "interval(%d) precision must be between %d and %d", precision, 0, 6);
		dt_adjust_time_typmod(&iv->time, precision);
	}
}

Datum
ty_interval_in(const char *s, Oid t, int32_t typmod)
{
	int range = typmod >= 0 ? INTERVAL_RANGE(typmod) : INTERVAL_FULL_RANGE;
	dt_fields f;
	itm_in it;
	int dtype;
	if (strlen(s) >= MAXDATELEN)
		dt_error(DTERR_BAD_FORMAT, s, "interval");
	int r = dt_tokenize(s, &f);
	if (r == 0)
		r = decode_interval(&f, range, &it, &dtype);
	if (r == DTERR_BAD_FORMAT)
		r = decode_iso8601(s, &it);
	if (r) {
		if (r == DTERR_FIELD_OVERFLOW)
			r = DTERR_INTERVAL_OVERFLOW;
		dt_error(r, s, "interval");
	}
	Interval iv;
	if (!itm_to_interval(&it, &iv))
		interval_range_error();
	dt_adjust_interval_typmod(&iv, typmod);
	return ty_interval_datum(&iv);
}

/* ---- output ---------------------------------------------------------------------------- */

static void
append_seconds(ty_buf *b, int sec, int64_t fsec, bool fillzeros)
{
	int s = sec < 0 ? -sec : sec;
	if (fillzeros)
		ty_buf_printf(b, "%02d", s);
	else
		ty_buf_printf(b, "%d", s);
	if (fsec != 0) {
		int64_t f = fsec < 0 ? -fsec : fsec;
		char x[24];
		snprintf(x, sizeof x, "%06lld", (long long)f);
		int n = 6;
		while (n > 0 && x[n - 1] == '0')
			n--;
		ty_buf_putc(b, '.');
		ty_buf_append(b, x, n);
	}
}

static void
pg_int_part(ty_buf *b, int value, const char *units, bool *is_zero, bool *is_before)
{
	if (value == 0)
		return;
	ty_buf_printf(b, "%s%s%d %s%s", !*is_zero ? " " : "", (*is_before && value > 0) ? "+" : "",
	              value, units, value != 1 ? "s" : "");
	*is_before = value < 0;
	*is_zero = false;
}

static void
verbose_int_part(ty_buf *b, int value, const char *units, bool *is_zero, bool *is_before)
{
	if (value == 0)
		return;
	if (*is_zero) {
		*is_before = value < 0;
		value = value < 0 ? -value : value;
	} else if (*is_before)
		value = -value;
	ty_buf_printf(b, " %d %s%s", value, units, value == 1 ? "" : "s");
	*is_zero = false;
}

void
dt_encode_interval(ty_buf *b, const Interval *iv, int style)
{
	int year = iv->month / MONTHS_PER_YEAR;
	int mon = iv->month % MONTHS_PER_YEAR;
	int mday = iv->day;
	int64_t time = iv->time;
	int64_t hour = time / USECS_PER_HOUR;
	time -= hour * USECS_PER_HOUR;
	int min = (int)(time / USECS_PER_MINUTE);
	time -= (int64_t)min * USECS_PER_MINUTE;
	int sec = (int)(time / USECS_PER_SEC);
	int64_t fsec = time - (int64_t)sec * USECS_PER_SEC;
	bool is_before = false, is_zero = true;

	switch (style) {
	case INTSTYLE_SQL_STANDARD: {
		bool has_negative = year < 0 || mon < 0 || mday < 0 || hour < 0 || min < 0 || sec < 0 || fsec < 0;
		bool has_positive = year > 0 || mon > 0 || mday > 0 || hour > 0 || min > 0 || sec > 0 || fsec > 0;
		bool has_year_month = year != 0 || mon != 0;
		bool has_day_time = mday != 0 || hour != 0 || min != 0 || sec != 0 || fsec != 0;
		bool has_day = mday != 0;
		bool sql_standard_value = !(has_negative && has_positive) && !(has_year_month && has_day_time);
		if (has_negative && sql_standard_value) {
			ty_buf_putc(b, '-');
			year = -year;
			mon = -mon;
			mday = -mday;
			hour = -hour;
			min = -min;
			sec = -sec;
			fsec = -fsec;
		}
		if (!has_negative && !has_positive)
			ty_buf_putc(b, '0');
		else if (!sql_standard_value) {
			char ys = (year < 0 || mon < 0) ? '-' : '+';
			char ds = mday < 0 ? '-' : '+';
			char ss = (hour < 0 || min < 0 || sec < 0 || fsec < 0) ? '-' : '+';
			ty_buf_printf(b, "%c%d-%d %c%d %c%lld:%02d:", ys, abs(year), abs(mon), ds, abs(mday), ss,
			              (long long)(hour < 0 ? -hour : hour), abs(min));
			append_seconds(b, sec, fsec, true);
		} else if (has_year_month)
			ty_buf_printf(b, "%d-%d", year, mon);
		else if (has_day) {
			ty_buf_printf(b, "%d %lld:%02d:", mday, (long long)hour, min);
			append_seconds(b, sec, fsec, true);
		} else {
			ty_buf_printf(b, "%lld:%02d:", (long long)hour, min);
			append_seconds(b, sec, fsec, true);
		}
		break;
	}
	case INTSTYLE_ISO_8601:
		if (year == 0 && mon == 0 && mday == 0 && hour == 0 && min == 0 && sec == 0 && fsec == 0) {
			ty_buf_puts(b, "PT0S");
			break;
		}
		ty_buf_putc(b, 'P');
		if (year)
			ty_buf_printf(b, "%dY", year);
		if (mon)
			ty_buf_printf(b, "%dM", mon);
		if (mday)
			ty_buf_printf(b, "%dD", mday);
		if (hour != 0 || min != 0 || sec != 0 || fsec != 0)
			ty_buf_putc(b, 'T');
		if (hour)
			ty_buf_printf(b, "%lldH", (long long)hour);
		if (min)
			ty_buf_printf(b, "%dM", min);
		if (sec != 0 || fsec != 0) {
			if (sec < 0 || fsec < 0)
				ty_buf_putc(b, '-');
			append_seconds(b, sec, fsec, false);
			ty_buf_putc(b, 'S');
		}
		break;
	case INTSTYLE_POSTGRES_VERBOSE:
		ty_buf_putc(b, '@');
		verbose_int_part(b, year, "year", &is_zero, &is_before);
		verbose_int_part(b, mon, "mon", &is_zero, &is_before);
		verbose_int_part(b, mday, "day", &is_zero, &is_before);
		verbose_int_part(b, (int)hour, "hour", &is_zero, &is_before);
		verbose_int_part(b, min, "min", &is_zero, &is_before);
		if (sec != 0 || fsec != 0) {
			ty_buf_putc(b, ' ');
			if (sec < 0 || (sec == 0 && fsec < 0)) {
				if (is_zero)
					is_before = true;
				else if (!is_before)
					ty_buf_putc(b, '-');
			} else if (is_before)
				ty_buf_putc(b, '-');
			append_seconds(b, sec, fsec, false);
			ty_buf_printf(b, " sec%s", (abs(sec) != 1 || fsec != 0) ? "s" : "");
			is_zero = false;
		}
		if (is_zero)
			ty_buf_puts(b, " 0");
		if (is_before)
			ty_buf_puts(b, " ago");
		break;
	default: /* postgres */
		pg_int_part(b, year, "year", &is_zero, &is_before);
		pg_int_part(b, mon, "mon", &is_zero, &is_before);
		pg_int_part(b, mday, "day", &is_zero, &is_before);
		if (is_zero || hour != 0 || min != 0 || sec != 0 || fsec != 0) {
			bool minus = hour < 0 || min < 0 || sec < 0 || fsec < 0;
			ty_buf_printf(b, "%s%s%02lld:%02d:", is_zero ? "" : " ", minus ? "-" : (is_before ? "+" : ""),
			              (long long)(hour < 0 ? -hour : hour), abs(min));
			append_seconds(b, sec, fsec, true);
		}
		break;
	}
}

void
ty_interval_out(ty_buf *b, Datum v, Oid t)
{
	Interval iv;
	ty_interval_get(v, &iv);
	dt_encode_interval(b, &iv, dt_intervalstyle());
}

Datum
ty_interval_recv(const char *d, int n, Oid t, int32_t typmod)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	Interval iv;
	iv.time = (int64_t)ty_rd64(&r);
	iv.day = (int32_t)ty_rd32(&r);
	iv.month = (int32_t)ty_rd32(&r);
	ty_rd_end(&r);
	dt_adjust_interval_typmod(&iv, typmod);
	return ty_interval_datum(&iv);
}

void
ty_interval_send(ty_buf *b, Datum v, Oid t)
{
	Interval iv;
	ty_interval_get(v, &iv);
	ty_buf_put64(b, (uint64_t)iv.time);
	ty_buf_put32(b, (uint32_t)iv.day);
	ty_buf_put32(b, (uint32_t)iv.month);
}

/* ---- typmod --------------------------------------------------------------------------------- */

int32_t
ty_interval_modin(const int32_t *m, int n)
{
	if (n > 0) {
		switch (m[0]) {
		case INTERVAL_MASK_YEAR:
		case INTERVAL_MASK_MONTH:
		case INTERVAL_MASK_DAY:
		case INTERVAL_MASK_HOUR:
		case INTERVAL_MASK_MINUTE:
		case INTERVAL_MASK_SECOND:
		case INTERVAL_MASK_YEAR | INTERVAL_MASK_MONTH:
		case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR:
		case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE:
		case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND:
		case INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE:
		case INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND:
		case INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND:
		case INTERVAL_FULL_RANGE:
			break;
		default:
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid INTERVAL type modifier");
		}
	}
	if (n == 1)
		return m[0] != INTERVAL_FULL_RANGE ? INTERVAL_TYPMOD(INTERVAL_FULL_PRECISION, m[0]) : -1;
	if (n == 2) {
		if (m[1] < 0)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "INTERVAL(%d) precision must not be negative",
			         m[1]);
		return INTERVAL_TYPMOD(m[1] > 6 ? 6 : m[1], m[0]);
	}
	ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid INTERVAL type modifier");
}

void
ty_interval_modout(ty_buf *b, int32_t tm)
{
	if (tm < 0)
		return;
	const char *f = "";
	switch (INTERVAL_RANGE(tm)) {
	case INTERVAL_MASK_YEAR:
		f = " year";
		break;
	case INTERVAL_MASK_MONTH:
		f = " month";
		break;
	case INTERVAL_MASK_DAY:
		f = " day";
		break;
	case INTERVAL_MASK_HOUR:
		f = " hour";
		break;
	case INTERVAL_MASK_MINUTE:
		f = " minute";
		break;
	case INTERVAL_MASK_SECOND:
		f = " second";
		break;
	case INTERVAL_MASK_YEAR | INTERVAL_MASK_MONTH:
		f = " year to month";
		break;
	case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR:
		f = " day to hour";
		break;
	case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE:
		f = " day to minute";
		break;
	case INTERVAL_MASK_DAY | INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND:
		f = " day to second";
		break;
	case INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE:
		f = " hour to minute";
		break;
	case INTERVAL_MASK_HOUR | INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND:
		f = " hour to second";
		break;
	case INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND:
		f = " minute to second";
		break;
	case INTERVAL_FULL_RANGE:
		break;
	default:
		ph_error(ERRCODE_INTERNAL_ERROR, "invalid INTERVAL typmod: 0x%x", (unsigned)tm);
	}
	ty_buf_puts(b, f);
	if (INTERVAL_PRECISION(tm) != INTERVAL_FULL_PRECISION)
		ty_buf_printf(b, "(%d)", INTERVAL_PRECISION(tm));
}

/* ---- comparison --------------------------------------------------------------------------- */

static __int128
interval_span(const Interval *iv)
{
	return (__int128)iv->time + (__int128)iv->day * USECS_PER_DAY +
	       (__int128)iv->month * (DAYS_PER_MONTH * USECS_PER_DAY);
}

int
ty_cmp_interval(Datum a, Datum b)
{
	Interval x, y;
	ty_interval_get(a, &x);
	ty_interval_get(b, &y);
	__int128 sx = interval_span(&x), sy = interval_span(&y);
	return (sx > sy) - (sx < sy);
}

uint32_t
ty_hash_interval(Datum a)
{
	Interval x;
	ty_interval_get(a, &x);
	__int128 s = interval_span(&x);
	return ty_hash_combine(ty_hash_uint64((uint64_t)s), ty_hash_uint64((uint64_t)(s >> 64)));
}

/* ---- arithmetic (used by the function table) -------------------------------------------------- */

void ty_interval_add(const Interval *a, const Interval *b, Interval *r);
void ty_interval_sub(const Interval *a, const Interval *b, Interval *r);
void ty_interval_neg(const Interval *a, Interval *r);
void ty_interval_mul(const Interval *a, double f, Interval *r);
void ty_interval_div(const Interval *a, double f, Interval *r);
void ty_interval_justify_hours(const Interval *a, Interval *r);
void ty_interval_justify_days(const Interval *a, Interval *r);
void ty_interval_justify(const Interval *a, Interval *r);

void
ty_interval_add(const Interval *a, const Interval *b, Interval *r)
{
	if (__builtin_add_overflow(a->month, b->month, &r->month) ||
	    __builtin_add_overflow(a->day, b->day, &r->day) ||
	    __builtin_add_overflow(a->time, b->time, &r->time))
		interval_range_error();
}

void
ty_interval_sub(const Interval *a, const Interval *b, Interval *r)
{
	if (__builtin_sub_overflow(a->month, b->month, &r->month) ||
	    __builtin_sub_overflow(a->day, b->day, &r->day) ||
	    __builtin_sub_overflow(a->time, b->time, &r->time))
		interval_range_error();
}

void
ty_interval_neg(const Interval *a, Interval *r)
{
	if (a->month == INT32_MIN || a->day == INT32_MIN || a->time == INT64_MIN)
		interval_range_error();
	r->month = -a->month;
	r->day = -a->day;
	r->time = -a->time;
}

static double
tsround(double j)
{
	return rint(j * 1000000.0) / 1000000.0;
}

void
ty_interval_mul(const Interval *span, double factor, Interval *r)
{
	double rd = span->month * factor;
	if (isnan(rd) || rd > INT32_MAX || rd < INT32_MIN)
		interval_range_error();
	r->month = (int32_t)rd;
	rd = span->day * factor;
	if (isnan(rd) || rd > INT32_MAX || rd < INT32_MIN)
		interval_range_error();
	r->day = (int32_t)rd;
	double month_rem_days = tsround((span->month * factor - r->month) * DAYS_PER_MONTH);
	double sec_rem = tsround((span->day * factor - r->day + month_rem_days - (int)month_rem_days) *
	                         SECS_PER_DAY);
	if (fabs(sec_rem) >= SECS_PER_DAY) {
		if (__builtin_add_overflow(r->day, (int)(sec_rem / SECS_PER_DAY), &r->day))
			interval_range_error();
		sec_rem -= (int)(sec_rem / SECS_PER_DAY) * SECS_PER_DAY;
	}
	if (__builtin_add_overflow(r->day, (int32_t)month_rem_days, &r->day))
		interval_range_error();
	rd = rint((double)span->time * factor + sec_rem * USECS_PER_SEC);
	if (isnan(rd) || rd < (double)INT64_MIN || rd >= (double)INT64_MAX)
		interval_range_error();
	r->time = (int64_t)rd;
}

void
ty_interval_div(const Interval *span, double factor, Interval *r)
{
	if (factor == 0.0)
		ty_err_div0();
	double rd = span->month / factor;
	if (isnan(rd) || rd > INT32_MAX || rd < INT32_MIN)
		interval_range_error();
	r->month = (int32_t)rd;
	rd = span->day / factor;
	if (isnan(rd) || rd > INT32_MAX || rd < INT32_MIN)
		interval_range_error();
	r->day = (int32_t)rd;
	double month_rem_days = tsround((span->month / factor - r->month) * DAYS_PER_MONTH);
	double sec_rem = tsround((span->day / factor - r->day + month_rem_days - (int)month_rem_days) *
	                         SECS_PER_DAY);
	if (fabs(sec_rem) >= SECS_PER_DAY) {
		r->day += (int)(sec_rem / SECS_PER_DAY);
		sec_rem -= (int)(sec_rem / SECS_PER_DAY) * SECS_PER_DAY;
	}
	r->day += (int32_t)month_rem_days;
	rd = rint((double)span->time / factor + sec_rem * USECS_PER_SEC);
	if (isnan(rd) || rd < (double)INT64_MIN || rd >= (double)INT64_MAX)
		interval_range_error();
	r->time = (int64_t)rd;
}

void
ty_interval_justify_hours(const Interval *a, Interval *r)
{
	*r = *a;
	int64_t wd = r->time / USECS_PER_DAY;
	r->time -= wd * USECS_PER_DAY;
	if (__builtin_add_overflow(r->day, (int32_t)wd, &r->day))
		interval_range_error();
	if (r->day > 0 && r->time < 0) {
		r->time += USECS_PER_DAY;
		r->day--;
	} else if (r->day < 0 && r->time > 0) {
		r->time -= USECS_PER_DAY;
		r->day++;
	}
}

void
ty_interval_justify_days(const Interval *a, Interval *r)
{
	*r = *a;
	int32_t wm = r->day / DAYS_PER_MONTH;
	r->day -= wm * DAYS_PER_MONTH;
	if (__builtin_add_overflow(r->month, wm, &r->month))
		interval_range_error();
	if (r->month > 0 && r->day < 0) {
		r->day += DAYS_PER_MONTH;
		r->month--;
	} else if (r->month < 0 && r->day > 0) {
		r->day -= DAYS_PER_MONTH;
		r->month++;
	}
}

void
ty_interval_justify(const Interval *a, Interval *r)
{
	*r = *a;
	int64_t wd;
	int32_t wm;
	/* pre-justify days if it might prevent overflow */
	if ((r->day > 0 && r->time > 0) || (r->day < 0 && r->time < 0)) {
		wm = r->day / DAYS_PER_MONTH;
		r->day -= wm * DAYS_PER_MONTH;
		if (__builtin_add_overflow(r->month, wm, &r->month))
			interval_range_error();
	}
	wd = r->time / USECS_PER_DAY;
	r->time -= wd * USECS_PER_DAY;
	if (__builtin_add_overflow(r->day, (int32_t)wd, &r->day))
		interval_range_error();
	wm = r->day / DAYS_PER_MONTH;
	r->day -= wm * DAYS_PER_MONTH;
	if (__builtin_add_overflow(r->month, wm, &r->month))
		interval_range_error();
	if (r->month > 0 && (r->day < 0 || (r->day == 0 && r->time < 0))) {
		r->day += DAYS_PER_MONTH;
		r->month--;
	} else if (r->month < 0 && (r->day > 0 || (r->day == 0 && r->time > 0))) {
		r->day -= DAYS_PER_MONTH;
		r->month++;
	}
	if (r->day > 0 && r->time < 0) {
		r->time += USECS_PER_DAY;
		r->day--;
	} else if (r->day < 0 && r->time > 0) {
		r->time -= USECS_PER_DAY;
		r->day++;
	}
}

void
ty_interval_from_diff(Timestamp a, Timestamp b, Interval *out)
{
	if (TIMESTAMP_NOT_FINITE(a) || TIMESTAMP_NOT_FINITE(b))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "cannot subtract infinite timestamps");
	Interval iv;
	if (__builtin_sub_overflow(a, b, &iv.time))
		interval_range_error();
	iv.day = 0;
	iv.month = 0;
	ty_interval_justify_hours(&iv, out);
}
