/*
 * ty_fn_datetime.c — date/time operators (comparisons including date/timestamp/timestamptz
 * cross-type ones, date/time/timestamp/interval arithmetic), extract/date_part, date_trunc,
 * age, make_*, justify_*, AT TIME ZONE, the current-time functions, casts among the
 * date/time types and generate_series over timestamps.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "types/tynumeric.h"
#include "types/ty_catdef.h"
#include "types/ty_dt_int.h"

void ty_interval_add(const Interval *a, const Interval *b, Interval *r);
void ty_interval_sub(const Interval *a, const Interval *b, Interval *r);
void ty_interval_neg(const Interval *a, Interval *r);
void ty_interval_mul(const Interval *a, double f, Interval *r);
void ty_interval_div(const Interval *a, double f, Interval *r);
void ty_interval_justify_hours(const Interval *a, Interval *r);
void ty_interval_justify_days(const Interval *a, Interval *r);
void ty_interval_justify(const Interval *a, Interval *r);
Datum ty_timetz_make(int64_t time, int32_t zone_west);

#define ARG_DATE(n) ((DateADT)(int32_t)c->arg[(n)])
#define ARG_TS(n) ((Timestamp)c->arg[(n)])
#define DATE_DATUM(d) ((Datum)(int64_t)(int32_t)(d))

static Interval
arg_iv(fn_call *c, int n)
{
	Interval iv;
	ty_interval_get(ARG(n), &iv);
	return iv;
}

static TimeTzADT
arg_ttz(fn_call *c, int n)
{
	TimeTzADT t;
	memcpy(&t.time, DatumGetPointer(ARG(n)), 8);
	memcpy(&t.zone, (const char *)DatumGetPointer(ARG(n)) + 8, 4);
	return t;
}

static noreturn void
date_oor(void)
{
	ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date out of range");
}

static noreturn void
ts_oor(void)
{
	ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
}

/* ---- comparisons --------------------------------------------------------------------------- */

/* date vs timestamp(tz): convert the date (infinities map to infinities) */
static int
cmp_ts(Timestamp a, Timestamp b)
{
	return (a > b) - (a < b);
}

static Timestamp
date_as_ts(DateADT d)
{
	if (d == DATEVAL_NOBEGIN)
		return DT_NOBEGIN;
	if (d == DATEVAL_NOEND)
		return DT_NOEND;
	/* past the timestamp range it still compares as later than any timestamp */
	if (d >= TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE)
		return DT_NOEND;
	if ((int64_t)d * USECS_PER_DAY < MIN_TIMESTAMP)
		return DT_NOBEGIN;
	return (Timestamp)d * USECS_PER_DAY;
}

static Timestamp
date_as_tstz(DateADT d)
{
	if (DATE_NOT_FINITE(d) || d >= TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE)
		return date_as_ts(d);
	return ty_date2timestamptz(d);
}

static Timestamp
ts_as_tstz(Timestamp t)
{
	return ty_timestamp2timestamptz(t);
}

#define CMP6(p, EXPR)                                                                           \
	static Datum p##_eq(fn_call *c) { return BoolGetDatum((EXPR) == 0); }                      \
	static Datum p##_ne(fn_call *c) { return BoolGetDatum((EXPR) != 0); }                      \
	static Datum p##_lt(fn_call *c) { return BoolGetDatum((EXPR) < 0); }                       \
	static Datum p##_le(fn_call *c) { return BoolGetDatum((EXPR) <= 0); }                      \
	static Datum p##_gt(fn_call *c) { return BoolGetDatum((EXPR) > 0); }                       \
	static Datum p##_ge(fn_call *c) { return BoolGetDatum((EXPR) >= 0); }                      \
	static Datum p##_cmp(fn_call *c) { return Int32GetDatum(EXPR); }

CMP6(date, cmp_ts(ARG_DATE(0), ARG_DATE(1)))
CMP6(time, cmp_ts(ARG_TS(0), ARG_TS(1)))
CMP6(timetz, ty_cmp_timetz(ARG(0), ARG(1)))
CMP6(timestamp, cmp_ts(ARG_TS(0), ARG_TS(1)))
CMP6(interval, ty_cmp_interval(ARG(0), ARG(1)))
CMP6(date_ts, cmp_ts(date_as_ts(ARG_DATE(0)), ARG_TS(1)))
CMP6(ts_date, cmp_ts(ARG_TS(0), date_as_ts(ARG_DATE(1))))
CMP6(date_tstz, cmp_ts(date_as_tstz(ARG_DATE(0)), ARG_TS(1)))
CMP6(tstz_date, cmp_ts(ARG_TS(0), date_as_tstz(ARG_DATE(1))))
CMP6(ts_tstz, cmp_ts(ts_as_tstz(ARG_TS(0)), ARG_TS(1)))
CMP6(tstz_ts, cmp_ts(ARG_TS(0), ts_as_tstz(ARG_TS(1))))

static Datum
date_larger(fn_call *c)
{
	return ARG_DATE(0) > ARG_DATE(1) ? ARG(0) : ARG(1);
}

static Datum
date_smaller(fn_call *c)
{
	return ARG_DATE(0) < ARG_DATE(1) ? ARG(0) : ARG(1);
}

static Datum
ts_larger(fn_call *c)
{
	return ARG_TS(0) > ARG_TS(1) ? ARG(0) : ARG(1);
}

static Datum
ts_smaller(fn_call *c)
{
	return ARG_TS(0) < ARG_TS(1) ? ARG(0) : ARG(1);
}

static Datum
interval_larger(fn_call *c)
{
	return ty_cmp_interval(ARG(0), ARG(1)) > 0 ? ARG(0) : ARG(1);
}

static Datum
interval_smaller(fn_call *c)
{
	return ty_cmp_interval(ARG(0), ARG(1)) < 0 ? ARG(0) : ARG(1);
}

static Datum
timetz_larger(fn_call *c)
{
	return ty_cmp_timetz(ARG(0), ARG(1)) > 0 ? ARG(0) : ARG(1);
}

static Datum
timetz_smaller(fn_call *c)
{
	return ty_cmp_timetz(ARG(0), ARG(1)) < 0 ? ARG(0) : ARG(1);
}

/* ---- date arithmetic ------------------------------------------------------------------------ */

static Datum
date_pli(fn_call *c)
{
	DateADT d = ARG_DATE(0);
	if (DATE_NOT_FINITE(d))
		return ARG(0);
	int64_t r = (int64_t)d + ARG_INT32(1);
	if (r > INT32_MAX || r < INT32_MIN || !IS_VALID_DATE(r))
		date_oor();
	return DATE_DATUM(r);
}

static Datum
integer_pl_date(fn_call *c)
{
	Datum a[2] = {ARG(1), ARG(0)};
	fn_call c2 = *c;
	c2.arg = a;
	return date_pli(&c2);
}

static Datum
date_mii(fn_call *c)
{
	DateADT d = ARG_DATE(0);
	if (DATE_NOT_FINITE(d))
		return ARG(0);
	int64_t r = (int64_t)d - ARG_INT32(1);
	if (r > INT32_MAX || r < INT32_MIN || !IS_VALID_DATE(r))
		date_oor();
	return DATE_DATUM(r);
}

static Datum
date_mi(fn_call *c)
{
	DateADT a = ARG_DATE(0), b = ARG_DATE(1);
	if (DATE_NOT_FINITE(a) || DATE_NOT_FINITE(b))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "cannot subtract infinite dates");
	return Int32GetDatum(a - b);
}

static Datum
date_pl_interval(fn_call *c)
{
	Interval iv = arg_iv(c, 1);
	return (Datum)ty_timestamp_pl_interval(ty_date2timestamp(ARG_DATE(0)), &iv, false);
}

static Datum
interval_pl_date(fn_call *c)
{
	Interval iv = arg_iv(c, 0);
	return (Datum)ty_timestamp_pl_interval(ty_date2timestamp(ARG_DATE(1)), &iv, false);
}

static Datum
date_mi_interval(fn_call *c)
{
	Interval iv = arg_iv(c, 1);
	return (Datum)ty_timestamp_mi_interval(ty_date2timestamp(ARG_DATE(0)), &iv, false);
}

static Datum
datetime_pl(fn_call *c)
{
	Timestamp t = ty_date2timestamp(ARG_DATE(0));
	if (TIMESTAMP_NOT_FINITE(t))
		return (Datum)t;
	t += ARG_TS(1);
	if (!IS_VALID_TIMESTAMP(t))
		ts_oor();
	return (Datum)t;
}

static Datum
timedate_pl(fn_call *c)
{
	Timestamp t = ty_date2timestamp(ARG_DATE(1));
	if (TIMESTAMP_NOT_FINITE(t))
		return (Datum)t;
	t += ARG_TS(0);
	if (!IS_VALID_TIMESTAMP(t))
		ts_oor();
	return (Datum)t;
}

static Datum
date_timetz_combine(DateADT d, TimeTzADT t)
{
	if (DATE_NOT_FINITE(d))
		return (Datum)ty_date2timestamp(d);
	Timestamp r = (Timestamp)d * USECS_PER_DAY + t.time + (int64_t)t.zone * USECS_PER_SEC;
	if (!IS_VALID_TIMESTAMP(r))
		ts_oor();
	return (Datum)r;
}

static Datum
datetimetz_pl(fn_call *c)
{
	return date_timetz_combine(ARG_DATE(0), arg_ttz(c, 1));
}

static Datum
timetzdate_pl(fn_call *c)
{
	return date_timetz_combine(ARG_DATE(1), arg_ttz(c, 0));
}

/* ---- time arithmetic ------------------------------------------------------------------------- */

static int64_t
time_wrap(int64_t t)
{
	t %= USECS_PER_DAY;
	if (t < 0)
		t += USECS_PER_DAY;
	return t;
}

static Datum
time_pl_interval(fn_call *c)
{
	Interval iv = arg_iv(c, 1);
	return (Datum)time_wrap(ARG_TS(0) + iv.time % USECS_PER_DAY);
}

static Datum
interval_pl_time(fn_call *c)
{
	Interval iv = arg_iv(c, 0);
	return (Datum)time_wrap(ARG_TS(1) + iv.time % USECS_PER_DAY);
}

static Datum
time_mi_interval(fn_call *c)
{
	Interval iv = arg_iv(c, 1);
	return (Datum)time_wrap(ARG_TS(0) - iv.time % USECS_PER_DAY);
}

static Datum
time_mi_time(fn_call *c)
{
	Interval iv = {ARG_TS(0) - ARG_TS(1), 0, 0};
	return ty_interval_datum(&iv);
}

static Datum
timetz_pl_interval(fn_call *c)
{
	TimeTzADT t = arg_ttz(c, 0);
	Interval iv = arg_iv(c, 1);
	return ty_timetz_make(time_wrap(t.time + iv.time % USECS_PER_DAY), t.zone);
}

static Datum
timetz_mi_interval(fn_call *c)
{
	TimeTzADT t = arg_ttz(c, 0);
	Interval iv = arg_iv(c, 1);
	return ty_timetz_make(time_wrap(t.time - iv.time % USECS_PER_DAY), t.zone);
}

/* ---- timestamp arithmetic ----------------------------------------------------------------- */

static Datum
timestamp_pl_interval(fn_call *c)
{
	Interval iv = arg_iv(c, 1);
	return (Datum)ty_timestamp_pl_interval(ARG_TS(0), &iv, false);
}

static Datum
interval_pl_timestamp(fn_call *c)
{
	Interval iv = arg_iv(c, 0);
	return (Datum)ty_timestamp_pl_interval(ARG_TS(1), &iv, false);
}

static Datum
timestamp_mi_interval(fn_call *c)
{
	Interval iv = arg_iv(c, 1);
	return (Datum)ty_timestamp_mi_interval(ARG_TS(0), &iv, false);
}

static Datum
timestamptz_pl_interval(fn_call *c)
{
	Interval iv = arg_iv(c, 1);
	return (Datum)ty_timestamp_pl_interval(ARG_TS(0), &iv, true);
}

static Datum
interval_pl_timestamptz(fn_call *c)
{
	Interval iv = arg_iv(c, 0);
	return (Datum)ty_timestamp_pl_interval(ARG_TS(1), &iv, true);
}

static Datum
timestamptz_mi_interval(fn_call *c)
{
	Interval iv = arg_iv(c, 1);
	return (Datum)ty_timestamp_mi_interval(ARG_TS(0), &iv, true);
}

static Datum
timestamp_mi(fn_call *c)
{
	Interval iv;
	ty_interval_from_diff(ARG_TS(0), ARG_TS(1), &iv);
	return ty_interval_datum(&iv);
}

/* ---- interval arithmetic ------------------------------------------------------------------- */

static Datum
interval_pl(fn_call *c)
{
	Interval a = arg_iv(c, 0), b = arg_iv(c, 1), r;
	ty_interval_add(&a, &b, &r);
	return ty_interval_datum(&r);
}

static Datum
interval_mi(fn_call *c)
{
	Interval a = arg_iv(c, 0), b = arg_iv(c, 1), r;
	ty_interval_sub(&a, &b, &r);
	return ty_interval_datum(&r);
}

static Datum
interval_um(fn_call *c)
{
	Interval a = arg_iv(c, 0), r;
	ty_interval_neg(&a, &r);
	return ty_interval_datum(&r);
}

static Datum
interval_mul(fn_call *c)
{
	Interval a = arg_iv(c, 0), r;
	ty_interval_mul(&a, ARG_FLOAT8(1), &r);
	return ty_interval_datum(&r);
}

static Datum
mul_d_interval(fn_call *c)
{
	Interval a = arg_iv(c, 1), r;
	ty_interval_mul(&a, ARG_FLOAT8(0), &r);
	return ty_interval_datum(&r);
}

static Datum
interval_div(fn_call *c)
{
	Interval a = arg_iv(c, 0), r;
	ty_interval_div(&a, ARG_FLOAT8(1), &r);
	return ty_interval_datum(&r);
}

static Datum
interval_justify_hours(fn_call *c)
{
	Interval a = arg_iv(c, 0), r;
	ty_interval_justify_hours(&a, &r);
	return ty_interval_datum(&r);
}

static Datum
interval_justify_days(fn_call *c)
{
	Interval a = arg_iv(c, 0), r;
	ty_interval_justify_days(&a, &r);
	return ty_interval_datum(&r);
}

static Datum
interval_justify_interval(fn_call *c)
{
	Interval a = arg_iv(c, 0), r;
	ty_interval_justify(&a, &r);
	return ty_interval_datum(&r);
}

/* ---- current time -------------------------------------------------------------------------------- */

static Datum
now_fn(fn_call *c)
{
	return (Datum)ty_xact_timestamp();
}

static Datum
statement_timestamp(fn_call *c)
{
	return (Datum)ty_stmt_timestamp();
}

static Datum
clock_timestamp(fn_call *c)
{
	return (Datum)ty_clock_timestamp();
}

static Datum
current_date_fn(fn_call *c)
{
	return DATE_DATUM(ty_timestamptz2date(ty_xact_timestamp()));
}

static Datum
current_time_fn(fn_call *c)
{
	ty_tm tm;
	ty_timestamp2tm(ty_xact_timestamp(), &tm, true, NULL);
	int64_t t = (((int64_t)tm.hour * 60 + tm.min) * 60 + tm.sec) * USECS_PER_SEC + tm.usec;
	if (c->nargs > 0)
		dt_adjust_time_typmod(&t, ARG_INT32(0));
	return ty_timetz_make(t, -tm.gmtoff);
}

static Datum
localtime_fn(fn_call *c)
{
	int64_t t = ty_timestamptz2time(ty_xact_timestamp());
	if (c->nargs > 0)
		dt_adjust_time_typmod(&t, ARG_INT32(0));
	return (Datum)t;
}

static Datum
localtimestamp_fn(fn_call *c)
{
	Timestamp t = ty_timestamptz2timestamp(ty_xact_timestamp());
	if (c->nargs > 0)
		dt_adjust_time_typmod(&t, ARG_INT32(0));
	return (Datum)t;
}

static Datum
current_timestamp_p(fn_call *c)
{
	Timestamp t = ty_xact_timestamp();
	dt_adjust_time_typmod(&t, ARG_INT32(0));
	return (Datum)t;
}

static Datum
timeofday_fn(fn_call *c)
{
	ty_tm tm;
	Timestamp now = ty_clock_timestamp();
	ty_timestamp2tm(now, &tm, true, NULL);
	static const char *const dn[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char buf[128];
	int n = snprintf(buf, sizeof buf, "%s %s %02d %02d:%02d:%02d.%06lld %d %s", dn[tm.wday],
	                 mn[tm.mon - 1], tm.mday, tm.hour, tm.min, tm.sec, (long long)tm.usec, tm.year,
	                 tm.zone ? tm.zone : "");
	return ret_text(buf, n);
}

/* ---- extract / date_part --------------------------------------------------------------------- */

static int
iso_week(int y, int m, int d)
{
	/* ISO 8601 week number */
	int jd = ty_date2j(y, m, d);
	int dow = ty_j2day(jd); /* 0 = Sunday */
	int isodow = dow == 0 ? 7 : dow;
	int thursday = jd - isodow + 4;
	int ty, tm2, td;
	ty_j2date(thursday, &ty, &tm2, &td);
	return (thursday - ty_date2j(ty, 1, 1)) / 7 + 1;
}

static int
iso_year(int y, int m, int d)
{
	int jd = ty_date2j(y, m, d);
	int dow = ty_j2day(jd);
	int isodow = dow == 0 ? 7 : dow;
	int ty, tm2, td;
	ty_j2date(jd - isodow + 4, &ty, &tm2, &td);
	return ty;
}

int ty_iso_week(int y, int m, int d);
int
ty_iso_week(int y, int m, int d)
{
	return iso_week(y, m, d);
}

int ty_iso_year(int y, int m, int d);
int
ty_iso_year(int y, int m, int d)
{
	return iso_year(y, m, d);
}

/* Date of Monday of ISO week woy of ISO year iy. */
static int
isoweek_start_jd(int iy, int woy)
{
	int jan4 = ty_date2j(iy, 1, 4);
	int dow = ty_j2day(jan4);
	int isodow = dow == 0 ? 7 : dow;
	return jan4 - (isodow - 1) + (woy - 1) * 7;
}

typedef struct part_result {
	bool isnull;
	bool is_int;       /* integer result */
	int64_t ival;
	int64_t num;       /* numeric: num / 10^scale */
	int scale;
	double fval;       /* date_part */
	bool numeric_special;  /* infinity */
	bool neg_inf;
	Datum numeric;     /* precomputed numeric (julian) */
} part_result;

static noreturn void
unit_error(const char *unit, Oid type, bool recognized)
{
	if (recognized)
		ph_error(ERRCODE_FEATURE_NOT_SUPPORTED, "unit \"%s\" not supported for type %s", unit,
		         ty_format_type(type, -1));
	ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "unit \"%s\" not recognized for type %s", unit,
	         ty_format_type(type, -1));
}

static char *
lower_unit(Datum t)
{
	char *s = ty_text_to_cstring(t);
	for (char *p = s; *p; p++)
		*p = (char)ty_tolower((unsigned char)*p);
	return s;
}

static bool
year_like(int u)
{
	return u == DTK_YEAR || u == DTK_DECADE || u == DTK_CENTURY || u == DTK_MILLENNIUM ||
	       u == DTK_JULIAN || u == DTK_ISOYEAR || u == DTK_EPOCH;
}

static int64_t
year_field(int u, int year)
{
	switch (u) {
	case DTK_YEAR:
		return year > 0 ? year : year - 1;
	case DTK_DECADE:
		return year >= 0 ? year / 10 : -((8 - (year - 1)) / 10);
	case DTK_CENTURY:
		return year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
	default: /* millennium */
		return year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
	}
}

/* Parts of a timestamp (type is TIMESTAMPOID, TIMESTAMPTZOID or DATEOID). */
static void
ts_part(const char *unit, Timestamp ts, Oid type, part_result *r)
{
	memset(r, 0, sizeof *r);
	int u = dt_unit(unit);
	bool tz = type == TIMESTAMPTZOID;
	if (u == 0 || u == DTK_AGO || u == DTK_IGNORE)
		unit_error(unit, type, false);
	if (type == DATEOID) {
		if (u == DTK_MICROSEC || u == DTK_MILLISEC || u == DTK_SECOND || u == DTK_MINUTE ||
		    u == DTK_HOUR || u == DTK_TZ_OFF || u == DTK_TZ_HOUR || u == DTK_TZ_MINUTE)
			unit_error(unit, type, true);
	} else if (!tz && (u == DTK_TZ_OFF || u == DTK_TZ_HOUR || u == DTK_TZ_MINUTE))
		unit_error(unit, type, true);
	if (TIMESTAMP_NOT_FINITE(ts)) {
		if (year_like(u)) {
			r->numeric_special = true;
			r->neg_inf = ts == DT_NOBEGIN;
		} else
			r->isnull = true;
		return;
	}
	ty_tm tm;
	if (!ty_timestamp2tm(ts, &tm, tz, NULL))
		ts_oor();
	r->is_int = true;
	switch (u) {
	case DTK_MICROSEC:
		r->ival = tm.sec * USECS_PER_SEC + tm.usec;
		break;
	case DTK_MILLISEC:
		r->is_int = false;
		r->num = tm.sec * USECS_PER_SEC + tm.usec;
		r->scale = 3;
		r->fval = tm.sec * 1000.0 + tm.usec / 1000.0;
		return;
	case DTK_SECOND:
		r->is_int = false;
		r->num = tm.sec * USECS_PER_SEC + tm.usec;
		r->scale = 6;
		r->fval = tm.sec + tm.usec / 1000000.0;
		return;
	case DTK_MINUTE:
		r->ival = tm.min;
		break;
	case DTK_HOUR:
		r->ival = tm.hour;
		break;
	case DTK_DAY:
		r->ival = tm.mday;
		break;
	case DTK_MONTH:
		r->ival = tm.mon;
		break;
	case DTK_QUARTER:
		r->ival = (tm.mon - 1) / 3 + 1;
		break;
	case DTK_WEEK:
		r->ival = iso_week(tm.year, tm.mon, tm.mday);
		break;
	case DTK_YEAR:
	case DTK_DECADE:
	case DTK_CENTURY:
	case DTK_MILLENNIUM:
		r->ival = year_field(u, tm.year);
		break;
	case DTK_JULIAN: {
		int64_t jd = ty_date2j(tm.year, tm.mon, tm.mday);
		int64_t us = (((int64_t)tm.hour * 60 + tm.min) * 60 + tm.sec) * USECS_PER_SEC + tm.usec;
		r->fval = jd + (((int64_t)tm.hour * 60 + tm.min) * 60 + tm.sec + tm.usec / 1000000.0) / (double)SECS_PER_DAY;
		if (type == DATEOID) {
			r->ival = jd;
			break;
		}
		r->is_int = false;
		r->numeric = ty_numeric_add(ty_numeric_from_int64(jd),
		                            ty_numeric_div(ty_numeric_from_int64(us),
		                                           ty_numeric_from_int64(USECS_PER_DAY)));
		return;
	}
	case DTK_ISOYEAR: {
		int y = iso_year(tm.year, tm.mon, tm.mday);
		r->ival = y <= 0 ? y - 1 : y;
		break;
	}
	case DTK_DOW:
	case DTK_ISODOW: {
		int d = ty_j2day(ty_date2j(tm.year, tm.mon, tm.mday));
		r->ival = (u == DTK_ISODOW && d == 0) ? 7 : d;
		break;
	}
	case DTK_DOY:
		r->ival = ty_date2j(tm.year, tm.mon, tm.mday) - ty_date2j(tm.year, 1, 1) + 1;
		break;
	case DTK_TZ_OFF:
		r->ival = tm.gmtoff;
		break;
	case DTK_TZ_HOUR:
		r->ival = tm.gmtoff / 3600;
		break;
	case DTK_TZ_MINUTE:
		r->ival = (tm.gmtoff / 60) % 60;
		break;
	case DTK_EPOCH: {
		int64_t epoch = (int64_t)(UNIX_EPOCH_JDATE - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY;
		if (type == DATEOID) {
			r->ival = (ts - epoch) / USECS_PER_SEC;
			break;
		}
		r->is_int = false;
		r->num = ts - epoch;
		r->scale = 6;
		r->fval = (double)(ts - epoch) / 1000000.0;
		return;
	}
	default:
		unit_error(unit, type, true);
	}
	r->fval = (double)r->ival;
}

static void
interval_part(const char *unit, const Interval *iv, part_result *r)
{
	memset(r, 0, sizeof *r);
	int u = dt_unit(unit);
	if (u == 0 || u == DTK_AGO || u == DTK_IGNORE)
		unit_error(unit, INTERVALOID, false);
	int year = iv->month / MONTHS_PER_YEAR, mon = iv->month % MONTHS_PER_YEAR;
	int64_t t = iv->time;
	int64_t hour = t / USECS_PER_HOUR;
	t -= hour * USECS_PER_HOUR;
	int64_t min = t / USECS_PER_MINUTE;
	t -= min * USECS_PER_MINUTE;
	int64_t sec = t / USECS_PER_SEC;
	int64_t usec = t - sec * USECS_PER_SEC;
	r->is_int = true;
	switch (u) {
	case DTK_MICROSEC:
		r->ival = sec * USECS_PER_SEC + usec;
		break;
	case DTK_MILLISEC:
		r->is_int = false;
		r->num = sec * USECS_PER_SEC + usec;
		r->scale = 3;
		r->fval = sec * 1000.0 + usec / 1000.0;
		return;
	case DTK_SECOND:
		r->is_int = false;
		r->num = sec * USECS_PER_SEC + usec;
		r->scale = 6;
		r->fval = sec + usec / 1000000.0;
		return;
	case DTK_MINUTE:
		r->ival = min;
		break;
	case DTK_HOUR:
		r->ival = hour;
		break;
	case DTK_DAY:
		r->ival = iv->day;
		break;
	case DTK_MONTH:
		r->ival = mon;
		break;
	case DTK_QUARTER:
		r->ival = mon / 3 + 1;
		break;
	case DTK_YEAR:
		r->ival = year;
		break;
	case DTK_DECADE:
		r->ival = year / 10;
		break;
	case DTK_CENTURY:
		r->ival = year / 100;
		break;
	case DTK_MILLENNIUM:
		r->ival = year / 1000;
		break;
	case DTK_EPOCH: {
		int64_t secs = ((int64_t)year * 36525 / 100 + (int64_t)DAYS_PER_MONTH * mon + iv->day) * SECS_PER_DAY;
		/* 365.25 days per year: keep the quarter day in microseconds */
		__int128 us = ((__int128)year * 36525 * SECS_PER_DAY / 100) + ((__int128)DAYS_PER_MONTH * mon + iv->day) * SECS_PER_DAY;
		us = us * USECS_PER_SEC + iv->time;
		(void)secs;
		r->is_int = false;
		r->num = (int64_t)us;
		r->scale = 6;
		r->fval = (double)us / 1000000.0;
		return;
	}
	default:
		unit_error(unit, INTERVALOID, true);
	}
	r->fval = (double)r->ival;
}

static void
time_part(const char *unit, int64_t t, const TimeTzADT *tz, part_result *r)
{
	memset(r, 0, sizeof *r);
	Oid type = tz ? TIMETZOID : TIMEOID;
	int u = dt_unit(unit);
	if (u == 0 || u == DTK_AGO || u == DTK_IGNORE)
		unit_error(unit, type, false);
	int64_t hour = t / USECS_PER_HOUR, min = (t / USECS_PER_MINUTE) % 60, sec = (t / USECS_PER_SEC) % 60;
	int64_t usec = t % USECS_PER_SEC;
	r->is_int = true;
	switch (u) {
	case DTK_MICROSEC:
		r->ival = sec * USECS_PER_SEC + usec;
		break;
	case DTK_MILLISEC:
		r->is_int = false;
		r->num = sec * USECS_PER_SEC + usec;
		r->scale = 3;
		r->fval = sec * 1000.0 + usec / 1000.0;
		return;
	case DTK_SECOND:
		r->is_int = false;
		r->num = sec * USECS_PER_SEC + usec;
		r->scale = 6;
		r->fval = sec + usec / 1000000.0;
		return;
	case DTK_MINUTE:
		r->ival = min;
		break;
	case DTK_HOUR:
		r->ival = hour;
		break;
	case DTK_EPOCH:
		r->is_int = false;
		r->num = t + (tz ? (int64_t)tz->zone * USECS_PER_SEC : 0);
		r->scale = 6;
		r->fval = (double)r->num / 1000000.0;
		return;
	case DTK_TZ_OFF:
	case DTK_TZ_HOUR:
	case DTK_TZ_MINUTE:
		if (!tz)
			unit_error(unit, type, true);
		r->ival = u == DTK_TZ_OFF ? -tz->zone : u == DTK_TZ_HOUR ? -tz->zone / 3600 : (-tz->zone / 60) % 60;
		break;
	default:
		unit_error(unit, type, true);
	}
	r->fval = (double)r->ival;
}

static Datum
part_numeric(fn_call *c, const part_result *r)
{
	if (r->isnull)
		return fn_return_null(c);
	if (r->numeric_special)
		return ty_numeric_from_cstring(r->neg_inf ? "-Infinity" : "Infinity");
	if (r->numeric)
		return r->numeric;
	if (r->is_int)
		return ty_numeric_from_int64(r->ival);
	/* num / 10^scale with exactly `scale` digits */
	char buf[48];
	int64_t v = r->num;
	bool neg = v < 0;
	uint64_t a = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t p = 1;
	for (int i = 0; i < r->scale; i++)
		p *= 10;
	snprintf(buf, sizeof buf, "%s%llu.%0*llu", neg ? "-" : "", (unsigned long long)(a / p), r->scale,
	         (unsigned long long)(a % p));
	return ty_numeric_from_cstring(buf);
}

static Datum
part_float(fn_call *c, const part_result *r)
{
	if (r->isnull)
		return fn_return_null(c);
	if (r->numeric_special)
		return Float8GetDatum(r->neg_inf ? -INFINITY : INFINITY);
	return Float8GetDatum(r->fval);
}

static Datum
extract_timestamp(fn_call *c)
{
	part_result r;
	ts_part(lower_unit(ARG(0)), ARG_TS(1), ARGTYPE(1) == TIMESTAMPTZOID ? TIMESTAMPTZOID : TIMESTAMPOID, &r);
	return part_numeric(c, &r);
}

static Datum
extract_timestamptz(fn_call *c)
{
	part_result r;
	ts_part(lower_unit(ARG(0)), ARG_TS(1), TIMESTAMPTZOID, &r);
	return part_numeric(c, &r);
}

static Datum
extract_date(fn_call *c)
{
	part_result r;
	DateADT d = ARG_DATE(1);
	Timestamp ts = DATE_NOT_FINITE(d) ? (d == DATEVAL_NOBEGIN ? DT_NOBEGIN : DT_NOEND)
	                                  : (Timestamp)d * USECS_PER_DAY;
	ts_part(lower_unit(ARG(0)), ts, DATEOID, &r);
	return part_numeric(c, &r);
}

static Datum
extract_interval(fn_call *c)
{
	part_result r;
	Interval iv = arg_iv(c, 1);
	interval_part(lower_unit(ARG(0)), &iv, &r);
	return part_numeric(c, &r);
}

static Datum
extract_time(fn_call *c)
{
	part_result r;
	time_part(lower_unit(ARG(0)), ARG_TS(1), NULL, &r);
	return part_numeric(c, &r);
}

static Datum
extract_timetz(fn_call *c)
{
	part_result r;
	TimeTzADT t = arg_ttz(c, 1);
	time_part(lower_unit(ARG(0)), t.time, &t, &r);
	return part_numeric(c, &r);
}

static Datum
timestamp_part(fn_call *c)
{
	part_result r;
	ts_part(lower_unit(ARG(0)), ARG_TS(1), TIMESTAMPOID, &r);
	return part_float(c, &r);
}

static Datum
timestamptz_part(fn_call *c)
{
	part_result r;
	ts_part(lower_unit(ARG(0)), ARG_TS(1), TIMESTAMPTZOID, &r);
	return part_float(c, &r);
}

static Datum
date_part_date(fn_call *c)
{
	/* PostgreSQL: date_part(text, date) is date_part(text, date::timestamp) */
	part_result r;
	ts_part(lower_unit(ARG(0)), ty_date2timestamp(ARG_DATE(1)), TIMESTAMPOID, &r);
	return part_float(c, &r);
}

static Datum
interval_part_fn(fn_call *c)
{
	part_result r;
	Interval iv = arg_iv(c, 1);
	interval_part(lower_unit(ARG(0)), &iv, &r);
	return part_float(c, &r);
}

static Datum
time_part_fn(fn_call *c)
{
	part_result r;
	time_part(lower_unit(ARG(0)), ARG_TS(1), NULL, &r);
	return part_float(c, &r);
}

static Datum
timetz_part_fn(fn_call *c)
{
	part_result r;
	TimeTzADT t = arg_ttz(c, 1);
	time_part(lower_unit(ARG(0)), t.time, &t, &r);
	return part_float(c, &r);
}

/* ---- date_trunc ------------------------------------------------------------------------------ */

static void
trunc_tm(ty_tm *tm, int u, const char *unit, Oid type)
{
	switch (u) {
	case DTK_WEEK: {
		int woy = iso_week(tm->year, tm->mon, tm->mday);
		int iy = tm->year;
		if (woy >= 52 && tm->mon == 1)
			iy--;
		if (woy <= 1 && tm->mon == 12)
			iy++;
		ty_j2date(isoweek_start_jd(iy, woy), &tm->year, &tm->mon, &tm->mday);
		tm->hour = tm->min = tm->sec = 0;
		tm->usec = 0;
		return;
	}
	case DTK_MILLENNIUM:
		if (tm->year > 0)
			tm->year = ((tm->year + 999) / 1000) * 1000 - 999;
		else
			tm->year = -((999 - (tm->year - 1)) / 1000) * 1000 + 1;
		/* FALLTHROUGH */
	case DTK_CENTURY:
		if (u == DTK_CENTURY) {
			if (tm->year > 0)
				tm->year = ((tm->year + 99) / 100) * 100 - 99;
			else
				tm->year = -((99 - (tm->year - 1)) / 100) * 100 + 1;
		}
		/* FALLTHROUGH */
	case DTK_DECADE:
		if (u == DTK_DECADE) {
			if (tm->year > 0)
				tm->year = (tm->year / 10) * 10;
			else
				tm->year = -((8 - (tm->year - 1)) / 10) * 10;
		}
		/* FALLTHROUGH */
	case DTK_YEAR:
		tm->mon = 1;
		/* FALLTHROUGH */
	case DTK_QUARTER:
		tm->mon = 3 * ((tm->mon - 1) / 3) + 1;
		/* FALLTHROUGH */
	case DTK_MONTH:
		tm->mday = 1;
		/* FALLTHROUGH */
	case DTK_DAY:
		tm->hour = 0;
		/* FALLTHROUGH */
	case DTK_HOUR:
		tm->min = 0;
		/* FALLTHROUGH */
	case DTK_MINUTE:
		tm->sec = 0;
		/* FALLTHROUGH */
	case DTK_SECOND:
		tm->usec = 0;
		return;
	case DTK_MILLISEC:
		tm->usec = (tm->usec / 1000) * 1000;
		return;
	case DTK_MICROSEC:
		return;
	default:
		/* epoch is a keyword of its own kind for PostgreSQL: "not recognized" here */
		unit_error(unit, type, u != 0 && u != DTK_EPOCH);
	}
}

static Datum
timestamp_trunc(fn_call *c)
{
	char *unit = lower_unit(ARG(0));
	Timestamp ts = ARG_TS(1);
	int u = dt_unit(unit);
	if (u == 0 || u == DTK_AGO || u == DTK_IGNORE)
		unit_error(unit, TIMESTAMPOID, false);
	if (TIMESTAMP_NOT_FINITE(ts))
		return ARG(1);
	ty_tm tm;
	if (!ty_timestamp2tm(ts, &tm, false, NULL))
		ts_oor();
	trunc_tm(&tm, u, unit, TIMESTAMPOID);
	Timestamp r;
	if (!ty_tm2timestamp(&tm, &r))
		ts_oor();
	return (Datum)r;
}

static Datum
timestamptz_trunc_common(fn_call *c, const char *zone)
{
	char *unit = lower_unit(ARG(0));
	Timestamp ts = ARG_TS(1);
	int u = dt_unit(unit);
	if (u == 0 || u == DTK_AGO || u == DTK_IGNORE)
		unit_error(unit, TIMESTAMPTZOID, false);
	if (TIMESTAMP_NOT_FINITE(ts))
		return ARG(1);
	ty_tm tm;
	if (!ty_timestamp2tm(ts, &tm, true, zone))
		ts_oor();
	int off = tm.gmtoff;
	trunc_tm(&tm, u, unit, TIMESTAMPTZOID);
	bool redo = u == DTK_WEEK || u == DTK_MILLENNIUM || u == DTK_CENTURY || u == DTK_DECADE ||
	            u == DTK_YEAR || u == DTK_QUARTER || u == DTK_MONTH || u == DTK_DAY;
	if (redo)
		off = ty_tz_local_offset(&tm, zone);
	Timestamp local;
	if (!ty_tm2timestamp(&tm, &local))
		ts_oor();
	return (Datum)(local - (int64_t)off * USECS_PER_SEC);
}

static Datum
timestamptz_trunc(fn_call *c)
{
	return timestamptz_trunc_common(c, NULL);
}

static Datum
timestamptz_trunc_zone(fn_call *c)
{
	return timestamptz_trunc_common(c, ty_text_to_cstring(ARG(2)));
}

static Datum
interval_trunc(fn_call *c)
{
	char *unit = lower_unit(ARG(0));
	Interval iv = arg_iv(c, 1);
	int u = dt_unit(unit);
	if (u == 0 || u == DTK_AGO || u == DTK_IGNORE)
		unit_error(unit, INTERVALOID, false);
	int64_t year = iv.month / 12, mon = iv.month % 12, day = iv.day;
	int64_t t = iv.time;
	int64_t hour = t / USECS_PER_HOUR;
	t -= hour * USECS_PER_HOUR;
	int64_t min = t / USECS_PER_MINUTE;
	t -= min * USECS_PER_MINUTE;
	int64_t sec = t / USECS_PER_SEC;
	int64_t usec = t - sec * USECS_PER_SEC;
	switch (u) {
	case DTK_MILLENNIUM:
		year = (year / 1000) * 1000;
		/* FALLTHROUGH */
	case DTK_CENTURY:
		year = (year / 100) * 100;
		/* FALLTHROUGH */
	case DTK_DECADE:
		year = (year / 10) * 10;
		/* FALLTHROUGH */
	case DTK_YEAR:
		mon = 0;
		/* FALLTHROUGH */
	case DTK_QUARTER:
		mon = 3 * (mon / 3);
		/* FALLTHROUGH */
	case DTK_MONTH:
		day = 0;
		/* FALLTHROUGH */
	case DTK_DAY:
		hour = 0;
		/* FALLTHROUGH */
	case DTK_HOUR:
		min = 0;
		/* FALLTHROUGH */
	case DTK_MINUTE:
		sec = 0;
		/* FALLTHROUGH */
	case DTK_SECOND:
		usec = 0;
		break;
	case DTK_MILLISEC:
		usec = (usec / 1000) * 1000;
		break;
	case DTK_MICROSEC:
		break;
	default:
		if (u == DTK_WEEK) {
			ERR_BEGIN(ERRCODE_FEATURE_NOT_SUPPORTED);
			err_detail("Months usually have fractional weeks.");
			err_throw("unit \"%s\" not supported for type %s", unit, "interval");
		}
		unit_error(unit, INTERVALOID, true);
	}
	Interval r;
	r.month = (int32_t)(year * 12 + mon);
	r.day = (int32_t)day;
	r.time = ((hour * 60 + min) * 60 + sec) * USECS_PER_SEC + usec;
	return ty_interval_datum(&r);
}

/* ---- age ------------------------------------------------------------------------------------- */

static Datum
age_common(Timestamp dt1, Timestamp dt2, bool tz)
{
	ty_tm t1, t2;
	if (!ty_timestamp2tm(dt1, &t1, tz, NULL) || !ty_timestamp2tm(dt2, &t2, tz, NULL))
		ts_oor();
	int64_t usec = t1.usec - t2.usec;
	int64_t sec = t1.sec - t2.sec, min = t1.min - t2.min, hour = t1.hour - t2.hour;
	int64_t mday = t1.mday - t2.mday, mon = t1.mon - t2.mon, year = t1.year - t2.year;
	bool flip = dt1 < dt2;
	if (flip) {
		usec = -usec;
		sec = -sec;
		min = -min;
		hour = -hour;
		mday = -mday;
		mon = -mon;
		year = -year;
	}
	while (usec < 0) {
		usec += USECS_PER_SEC;
		sec--;
	}
	while (sec < 0) {
		sec += 60;
		min--;
	}
	while (min < 0) {
		min += 60;
		hour--;
	}
	while (hour < 0) {
		hour += 24;
		mday--;
	}
	while (mday < 0) {
		if (flip)
			mday += ty_days_in_month(t1.year, t1.mon);
		else
			mday += ty_days_in_month(t2.year, t2.mon);
		mon--;
	}
	while (mon < 0) {
		mon += 12;
		year--;
	}
	if (flip) {
		usec = -usec;
		sec = -sec;
		min = -min;
		hour = -hour;
		mday = -mday;
		mon = -mon;
		year = -year;
	}
	Interval r;
	int64_t months = year * 12 + mon;
	if (months > INT32_MAX || months < INT32_MIN)
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "interval out of range");
	r.month = (int32_t)months;
	r.day = (int32_t)mday;
	r.time = ((hour * 60 + min) * 60 + sec) * USECS_PER_SEC + usec;
	return ty_interval_datum(&r);
}

static Datum
timestamp_age(fn_call *c)
{
	return age_common(ARG_TS(0), ARG_TS(1), false);
}

static Datum
timestamptz_age(fn_call *c)
{
	return age_common(ARG_TS(0), ARG_TS(1), true);
}

static Datum
timestamp_age1(fn_call *c)
{
	Timestamp today = (Timestamp)ty_timestamptz2date(ty_xact_timestamp()) * USECS_PER_DAY;
	return age_common(today, ARG_TS(0), false);
}

static Datum
timestamptz_age1(fn_call *c)
{
	Timestamp today = ty_date2timestamptz(ty_timestamptz2date(ty_xact_timestamp()));
	return age_common(today, ARG_TS(0), true);
}

/* ---- constructors ------------------------------------------------------------------------------ */

static Datum
make_date(fn_call *c)
{
	int y = ARG_INT32(0), m = ARG_INT32(1), d = ARG_INT32(2);
	bool bc = false;
	int yy = y;
	if (y < 0) {
		bc = true;
		yy = -y;
	}
	ty_tm tm;
	memset(&tm, 0, sizeof tm);
	tm.year = bc ? -(yy - 1) : yy;
	tm.mon = m;
	tm.mday = d;
	if (y == 0 || m < 1 || m > 12 || d < 1 || d > ty_days_in_month(tm.year, m))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date field value out of range: %d-%02d-%02d", y, m, d);
	if (!IS_VALID_JULIAN(tm.year, m, d))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date out of range: %d-%02d-%02d", y, m, d);
	int64_t r = (int64_t)ty_date2j(tm.year, m, d) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(r))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date out of range: %d-%02d-%02d", y, m, d);
	return DATE_DATUM(r);
}

static int64_t
make_time_us(int h, int m, double sec)
{
	int64_t us = (int64_t)rint(sec * USECS_PER_SEC);
	int s = (int)(us / USECS_PER_SEC);
	int64_t f = us - (int64_t)s * USECS_PER_SEC;
	if (dt_time_overflows(h, m, s, f) || sec < 0)
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "time field value out of range: %d:%02d:%02g", h, m, sec);
	return ((int64_t)h * 60 + m) * 60 * USECS_PER_SEC + us;
}

static Datum
make_time(fn_call *c)
{
	return (Datum)make_time_us(ARG_INT32(0), ARG_INT32(1), ARG_FLOAT8(2));
}

static Timestamp
make_ts_local(fn_call *c)
{
	int y = ARG_INT32(0);
	Datum a[3] = {ARG(0), ARG(1), ARG(2)};
	fn_call c2 = *c;
	c2.arg = a;
	c2.nargs = 3;
	DateADT d = (DateADT)(int32_t)make_date(&c2);
	(void)y;
	int64_t t = make_time_us(ARG_INT32(3), ARG_INT32(4), ARG_FLOAT8(5));
	Timestamp r = (Timestamp)d * USECS_PER_DAY + t;
	if (!IS_VALID_TIMESTAMP(r))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range: %d-%02d-%02d %d:%02d:%02g",
		         ARG_INT32(0), ARG_INT32(1), ARG_INT32(2), ARG_INT32(3), ARG_INT32(4), ARG_FLOAT8(5));
	return r;
}

static Datum
make_timestamp(fn_call *c)
{
	return (Datum)make_ts_local(c);
}

static Datum
make_timestamptz(fn_call *c)
{
	Timestamp local = make_ts_local(c);
	ty_tm tm;
	ty_timestamp2tm(local, &tm, false, NULL);
	const char *zone = c->nargs > 6 ? ty_text_to_cstring(ARG(6)) : NULL;
	return (Datum)dt_local_to_utc(&tm, zone, NULL);
}

static Datum
make_interval(fn_call *c)
{
	int64_t years = ARG_INT32(0), months = ARG_INT32(1), weeks = ARG_INT32(2), days = ARG_INT32(3);
	int64_t hours = ARG_INT32(4), mins = ARG_INT32(5);
	double secs = ARG_FLOAT8(6);
	if (isinf(secs) || isnan(secs))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "interval out of range");
	Interval r;
	int64_t mo = years * 12 + months, dd = weeks * 7 + days;
	if (mo > INT32_MAX || mo < INT32_MIN || dd > INT32_MAX || dd < INT32_MIN)
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "interval out of range");
	r.month = (int32_t)mo;
	r.day = (int32_t)dd;
	double t = rint(secs * USECS_PER_SEC);
	r.time = (hours * 60 + mins) * USECS_PER_MINUTE + (int64_t)t;
	return ty_interval_datum(&r);
}

static Datum
to_timestamp_epoch(fn_call *c)
{
	double s = ARG_FLOAT8(0);
	if (isnan(s))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp cannot be NaN");
	if (isinf(s))
		return (Datum)(s < 0 ? DT_NOBEGIN : DT_NOEND);
	double us = rint((s - (double)(POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY) * USECS_PER_SEC);
	if (us < (double)MIN_TIMESTAMP || us >= (double)END_TIMESTAMP)
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"%g\"", s);
	return (Datum)(int64_t)us;
}

static Datum
isfinite_date(fn_call *c)
{
	return BoolGetDatum(!DATE_NOT_FINITE(ARG_DATE(0)));
}

static Datum
isfinite_ts(fn_call *c)
{
	return BoolGetDatum(!TIMESTAMP_NOT_FINITE(ARG_TS(0)));
}

static Datum
isfinite_interval(fn_call *c)
{
	return BoolGetDatum(true);
}

/* ---- AT TIME ZONE ------------------------------------------------------------------------------ */

static const char *
zone_text(fn_call *c, int n)
{
	char *z = ty_text_to_cstring(ARG(n));
	int off;
	bool dst;
	char low[64];
	snprintf(low, sizeof low, "%s", z);
	for (char *p = low; *p; p++)
		*p = (char)ty_tolower((unsigned char)*p);
	if (ty_tz_abbrev(low, &off, &dst)) {
		/* a fixed abbreviation: express it as a POSIX zone (offset west) */
		char *posix = palloc(32);
		int w = -off;
		snprintf(posix, 32, "<%s>%s%02d:%02d:%02d", "ABBR", w < 0 ? "-" : "+", abs(w) / 3600,
		         (abs(w) / 60) % 60, abs(w) % 60);
		return posix;
	}
	if (!ty_tz_lookup(z))
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "time zone \"%s\" not recognized", z);
	return z;
}

/* timezone(zone, timestamptz) -> timestamp: the local time there */
static Datum
timestamptz_zone(fn_call *c)
{
	Timestamp t = ARG_TS(1);
	if (TIMESTAMP_NOT_FINITE(t))
		return (Datum)t;
	ty_tm tm;
	if (!ty_timestamp2tm(t, &tm, true, zone_text(c, 0)))
		ts_oor();
	Timestamp r;
	if (!ty_tm2timestamp(&tm, &r))
		ts_oor();
	return (Datum)r;
}

/* timezone(zone, timestamp) -> timestamptz: that local time in the zone */
static Datum
timestamp_zone(fn_call *c)
{
	Timestamp t = ARG_TS(1);
	if (TIMESTAMP_NOT_FINITE(t))
		return (Datum)t;
	ty_tm tm;
	if (!ty_timestamp2tm(t, &tm, false, NULL))
		ts_oor();
	return (Datum)dt_local_to_utc(&tm, zone_text(c, 0), NULL);
}

static int64_t
interval_zone(fn_call *c)
{
	Interval iv = arg_iv(c, 0);
	if (iv.month != 0 || iv.day != 0)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE,
		         "interval time zone \"%s\" must not include months or days",
		         ty_output(INTERVALOID, ARG(0)));
	return iv.time;
}

static Datum
timestamptz_izone(fn_call *c)
{
	Timestamp t = ARG_TS(1);
	if (TIMESTAMP_NOT_FINITE(t))
		return (Datum)t;
	return (Datum)dt_check_timestamp(t + interval_zone(c));
}

static Datum
timestamp_izone(fn_call *c)
{
	Timestamp t = ARG_TS(1);
	if (TIMESTAMP_NOT_FINITE(t))
		return (Datum)t;
	return (Datum)dt_check_timestamp(t - interval_zone(c));
}

/* ---- casts ------------------------------------------------------------------------------------------ */

static Datum
ty_date_timestamp(fn_call *c)
{
	return (Datum)ty_date2timestamp(ARG_DATE(0));
}

static Datum
ty_date_timestamptz(fn_call *c)
{
	return (Datum)ty_date2timestamptz(ARG_DATE(0));
}

static Datum
ty_timestamp_date(fn_call *c)
{
	return DATE_DATUM(ty_timestamp2date(ARG_TS(0)));
}

static Datum
ty_timestamptz_date(fn_call *c)
{
	return DATE_DATUM(ty_timestamptz2date(ARG_TS(0)));
}

static Datum
ty_timestamp_time(fn_call *c)
{
	if (TIMESTAMP_NOT_FINITE(ARG_TS(0)))
		return fn_return_null(c);
	return (Datum)ty_timestamp2time(ARG_TS(0));
}

static Datum
ty_timestamptz_time(fn_call *c)
{
	if (TIMESTAMP_NOT_FINITE(ARG_TS(0)))
		return fn_return_null(c);
	return (Datum)ty_timestamptz2time(ARG_TS(0));
}

static Datum
ty_timestamptz_timetz(fn_call *c)
{
	if (TIMESTAMP_NOT_FINITE(ARG_TS(0)))
		return fn_return_null(c);
	ty_tm tm;
	ty_timestamp2tm(ARG_TS(0), &tm, true, NULL);
	return ty_timetz_make((((int64_t)tm.hour * 60 + tm.min) * 60 + tm.sec) * USECS_PER_SEC + tm.usec,
	                      -tm.gmtoff);
}

static Datum
ty_timestamp_timestamptz(fn_call *c)
{
	return (Datum)ty_timestamp2timestamptz(ARG_TS(0));
}

static Datum
ty_timestamptz_timestamp(fn_call *c)
{
	return (Datum)ty_timestamptz2timestamp(ARG_TS(0));
}

static Datum
ty_time_timetz(fn_call *c)
{
	/* the session zone's offset today */
	ty_tm tm;
	ty_timestamp2tm(ty_xact_timestamp(), &tm, true, NULL);
	int64_t t = ARG_TS(0);
	tm.hour = (int)(t / USECS_PER_HOUR);
	tm.min = (int)((t / USECS_PER_MINUTE) % 60);
	tm.sec = (int)((t / USECS_PER_SEC) % 60);
	int off = ty_tz_local_offset(&tm, NULL);
	return ty_timetz_make(t, -off);
}

static Datum
ty_timetz_time(fn_call *c)
{
	return (Datum)arg_ttz(c, 0).time;
}

static Datum
ty_time_interval(fn_call *c)
{
	Interval iv = {ARG_TS(0), 0, 0};
	return ty_interval_datum(&iv);
}

static Datum
ty_interval_time(fn_call *c)
{
	Interval iv = arg_iv(c, 0);
	return (Datum)time_wrap(iv.time);
}

static Datum
ty_time_typmod(fn_call *c)
{
	return ty_coerce_typmod(ARG(0), TIMEOID, ARG_INT32(1), true);
}

static Datum
ty_timetz_typmod(fn_call *c)
{
	return ty_coerce_typmod(ARG(0), TIMETZOID, ARG_INT32(1), true);
}

static Datum
ty_timestamp_typmod(fn_call *c)
{
	return ty_coerce_typmod(ARG(0), TIMESTAMPOID, ARG_INT32(1), true);
}

static Datum
ty_timestamptz_typmod(fn_call *c)
{
	return ty_coerce_typmod(ARG(0), TIMESTAMPTZOID, ARG_INT32(1), true);
}

static Datum
ty_interval_typmod(fn_call *c)
{
	return ty_coerce_typmod(ARG(0), INTERVALOID, ARG_INT32(1), true);
}

/* ---- generate_series over timestamps ------------------------------------------------------- */

typedef struct series_ts {
	Timestamp cur, stop;
	Interval step;
	int dir;
	bool tz;
} series_ts;

static Datum
generate_series_ts_common(fn_call *c, bool tz)
{
	series_ts *st = c->srf_state;
	if (c->srf_call == 0) {
		st = mem_alloc(c->cache_ctx ? c->cache_ctx : mem_cur, sizeof *st);
		st->cur = ARG_TS(0);
		st->stop = ARG_TS(1);
		st->step = arg_iv(c, 2);
		st->tz = tz;
		Interval zero = {0, 0, 0};
		Datum zd = ty_interval_datum(&zero);
		st->dir = ty_cmp_interval(ARG(2), zd);
		if (st->dir == 0)
			ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "step size cannot equal zero");
		c->srf_state = st;
	}
	if ((st->dir > 0 && st->cur > st->stop) || (st->dir < 0 && st->cur < st->stop)) {
		c->srf_done = true;
		return 0;
	}
	Timestamp v = st->cur;
	st->cur = ty_timestamp_pl_interval(st->cur, &st->step, st->tz);
	return (Datum)v;
}

static Datum
generate_series_timestamp(fn_call *c)
{
	return generate_series_ts_common(c, false);
}

static Datum
generate_series_timestamptz(fn_call *c)
{
	return generate_series_ts_common(c, true);
}

/* ---- the fragment --------------------------------------------------------------------------------- */

#define DCMP(p, T1, T2, K)                                                                        \
	FOP(#p "_eq", T1 "," T2, "bool", p##_eq, FAST_EQ, K), FOP(#p "_ne", T1 "," T2, "bool", p##_ne, FAST_NE, K), \
	FOP(#p "_lt", T1 "," T2, "bool", p##_lt, FAST_LT, K), FOP(#p "_le", T1 "," T2, "bool", p##_le, FAST_LE, K), \
	FOP(#p "_gt", T1 "," T2, "bool", p##_gt, FAST_GT, K), FOP(#p "_ge", T1 "," T2, "bool", p##_ge, FAST_GE, K), \
	F(#p "_cmp", T1 "," T2, "int4", p##_cmp)
#define DCMPS(p, T1, T2, K)                                                                       \
	{#p "_eq", T1 "," T2, "bool", FN_STRICT | FV_STABLE, p##_eq, #p "_eq", FAST_EQ, K, NULL, NULL}, \
	{#p "_ne", T1 "," T2, "bool", FN_STRICT | FV_STABLE, p##_ne, #p "_ne", FAST_NE, K, NULL, NULL}, \
	{#p "_lt", T1 "," T2, "bool", FN_STRICT | FV_STABLE, p##_lt, #p "_lt", FAST_LT, K, NULL, NULL}, \
	{#p "_le", T1 "," T2, "bool", FN_STRICT | FV_STABLE, p##_le, #p "_le", FAST_LE, K, NULL, NULL}, \
	{#p "_gt", T1 "," T2, "bool", FN_STRICT | FV_STABLE, p##_gt, #p "_gt", FAST_GT, K, NULL, NULL}, \
	{#p "_ge", T1 "," T2, "bool", FN_STRICT | FV_STABLE, p##_ge, #p "_ge", FAST_GE, K, NULL, NULL}, \
	{#p "_cmp", T1 "," T2, "int4", FN_STRICT | FV_STABLE, p##_cmp, #p "_cmp", 0, 0, NULL, NULL}
#define DCMPOPS(p, T1, T2)                                                                        \
	{"=", T1, T2, #p "_eq"}, {"<>", T1, T2, #p "_ne"}, {"<", T1, T2, #p "_lt"},               \
	{"<=", T1, T2, #p "_le"}, {">", T1, T2, #p "_gt"}, {">=", T1, T2, #p "_ge"}
#define CASTF(name, args, ret, impl) {name, args, ret, FN_STRICT | FN_CAST, impl, #impl, 0, 0, NULL, NULL}
#define CASTS(name, args, ret, impl) {name, args, ret, FN_STRICT | FN_CAST | FV_STABLE, impl, #impl, 0, 0, NULL, NULL}
#define FS(name, args, ret, impl) {name, args, ret, FN_STRICT | FV_STABLE, impl, #impl, 0, 0, NULL, NULL}
#define FVOL(name, args, ret, impl, src) {name, args, ret, FN_STRICT | FV_STABLE, impl, src, 0, 0, NULL, NULL}

static const ty_fndef fns[] = {
	DCMP(date, "date", "date", FK_DATE),
	DCMP(time, "time", "time", FK_NONE),
	DCMP(timetz, "timetz", "timetz", FK_NONE),
	DCMP(timestamp, "timestamp", "timestamp", FK_TIMESTAMP),
	{"timestamptz_eq", "timestamptz,timestamptz", "bool", FN_STRICT, timestamp_eq, "timestamptz_eq", FAST_EQ, FK_TIMESTAMP, NULL, NULL},
	{"timestamptz_ne", "timestamptz,timestamptz", "bool", FN_STRICT, timestamp_ne, "timestamptz_ne", FAST_NE, FK_TIMESTAMP, NULL, NULL},
	{"timestamptz_lt", "timestamptz,timestamptz", "bool", FN_STRICT, timestamp_lt, "timestamptz_lt", FAST_LT, FK_TIMESTAMP, NULL, NULL},
	{"timestamptz_le", "timestamptz,timestamptz", "bool", FN_STRICT, timestamp_le, "timestamptz_le", FAST_LE, FK_TIMESTAMP, NULL, NULL},
	{"timestamptz_gt", "timestamptz,timestamptz", "bool", FN_STRICT, timestamp_gt, "timestamptz_gt", FAST_GT, FK_TIMESTAMP, NULL, NULL},
	{"timestamptz_ge", "timestamptz,timestamptz", "bool", FN_STRICT, timestamp_ge, "timestamptz_ge", FAST_GE, FK_TIMESTAMP, NULL, NULL},
	{"timestamptz_cmp", "timestamptz,timestamptz", "int4", FN_STRICT, timestamp_cmp, "timestamptz_cmp", 0, 0, NULL, NULL},
	DCMP(interval, "interval", "interval", FK_NONE),
	DCMPS(date_ts, "date", "timestamp", FK_NONE),
	DCMPS(ts_date, "timestamp", "date", FK_NONE),
	DCMPS(date_tstz, "date", "timestamptz", FK_NONE),
	DCMPS(tstz_date, "timestamptz", "date", FK_NONE),
	DCMPS(ts_tstz, "timestamp", "timestamptz", FK_NONE),
	DCMPS(tstz_ts, "timestamptz", "timestamp", FK_NONE),
	F("date_larger", "date,date", "date", date_larger),
	F("date_smaller", "date,date", "date", date_smaller),
	F("timestamp_larger", "timestamp,timestamp", "timestamp", ts_larger),
	F("timestamp_smaller", "timestamp,timestamp", "timestamp", ts_smaller),
	{"timestamptz_larger", "timestamptz,timestamptz", "timestamptz", FN_STRICT, ts_larger, "timestamptz_larger", 0, 0, NULL, NULL},
	{"timestamptz_smaller", "timestamptz,timestamptz", "timestamptz", FN_STRICT, ts_smaller, "timestamptz_smaller", 0, 0, NULL, NULL},
	{"time_larger", "time,time", "time", FN_STRICT, ts_larger, "time_larger", 0, 0, NULL, NULL},
	{"time_smaller", "time,time", "time", FN_STRICT, ts_smaller, "time_smaller", 0, 0, NULL, NULL},
	F("timetz_larger", "timetz,timetz", "timetz", timetz_larger),
	F("timetz_smaller", "timetz,timetz", "timetz", timetz_smaller),
	F("interval_larger", "interval,interval", "interval", interval_larger),
	F("interval_smaller", "interval,interval", "interval", interval_smaller),
	F("date_pli", "date,int4", "date", date_pli),
	F("integer_pl_date", "int4,date", "date", integer_pl_date),
	F("date_mii", "date,int4", "date", date_mii),
	F("date_mi", "date,date", "int4", date_mi),
	F("date_pl_interval", "date,interval", "timestamp", date_pl_interval),
	F("interval_pl_date", "interval,date", "timestamp", interval_pl_date),
	F("date_mi_interval", "date,interval", "timestamp", date_mi_interval),
	F("datetime_pl", "date,time", "timestamp", datetime_pl),
	F("timedate_pl", "time,date", "timestamp", timedate_pl),
	F("datetimetz_pl", "date,timetz", "timestamptz", datetimetz_pl),
	F("timetzdate_pl", "timetz,date", "timestamptz", timetzdate_pl),
	F("time_pl_interval", "time,interval", "time", time_pl_interval),
	F("interval_pl_time", "interval,time", "time", interval_pl_time),
	F("time_mi_interval", "time,interval", "time", time_mi_interval),
	F("time_mi_time", "time,time", "interval", time_mi_time),
	F("timetz_pl_interval", "timetz,interval", "timetz", timetz_pl_interval),
	F("timetz_mi_interval", "timetz,interval", "timetz", timetz_mi_interval),
	F("timestamp_pl_interval", "timestamp,interval", "timestamp", timestamp_pl_interval),
	F("interval_pl_timestamp", "interval,timestamp", "timestamp", interval_pl_timestamp),
	F("timestamp_mi_interval", "timestamp,interval", "timestamp", timestamp_mi_interval),
	FS("timestamptz_pl_interval", "timestamptz,interval", "timestamptz", timestamptz_pl_interval),
	FS("interval_pl_timestamptz", "interval,timestamptz", "timestamptz", interval_pl_timestamptz),
	FS("timestamptz_mi_interval", "timestamptz,interval", "timestamptz", timestamptz_mi_interval),
	F("timestamp_mi", "timestamp,timestamp", "interval", timestamp_mi),
	{"timestamptz_mi", "timestamptz,timestamptz", "interval", FN_STRICT, timestamp_mi, "timestamptz_mi", 0, 0, NULL, NULL},
	F("interval_pl", "interval,interval", "interval", interval_pl),
	F("interval_mi", "interval,interval", "interval", interval_mi),
	F("interval_um", "interval", "interval", interval_um),
	F("interval_mul", "interval,float8", "interval", interval_mul),
	F("mul_d_interval", "float8,interval", "interval", mul_d_interval),
	F("interval_div", "interval,float8", "interval", interval_div),
	{"justify_hours", "interval", "interval", FN_STRICT, interval_justify_hours, "interval_justify_hours", 0, 0, NULL, NULL},
	{"justify_days", "interval", "interval", FN_STRICT, interval_justify_days, "interval_justify_days", 0, 0, NULL, NULL},
	{"justify_interval", "interval", "interval", FN_STRICT, interval_justify_interval, "interval_justify_interval", 0, 0, NULL, NULL},
	FVOL("now", "", "timestamptz", now_fn, "now"),
	FVOL("transaction_timestamp", "", "timestamptz", now_fn, "now_transaction"),
	FVOL("current_timestamp", "", "timestamptz", now_fn, "now_current"),
	FVOL("current_timestamp", "int4", "timestamptz", current_timestamp_p, "current_timestamp_p"),
	FVOL("statement_timestamp", "", "timestamptz", statement_timestamp, "statement_timestamp"),
	{"clock_timestamp", "", "timestamptz", FN_STRICT | FV_VOLATILE, clock_timestamp, "clock_timestamp", 0, 0, NULL, NULL},
	{"timeofday", "", "text", FN_STRICT | FV_VOLATILE, timeofday_fn, "timeofday", 0, 0, NULL, NULL},
	FVOL("current_date", "", "date", current_date_fn, "current_date"),
	FVOL("current_time", "", "timetz", current_time_fn, "current_time"),
	FVOL("current_time", "int4", "timetz", current_time_fn, "current_time_p"),
	FVOL("localtime", "", "time", localtime_fn, "localtime"),
	FVOL("localtime", "int4", "time", localtime_fn, "localtime_p"),
	FVOL("localtimestamp", "", "timestamp", localtimestamp_fn, "localtimestamp"),
	FVOL("localtimestamp", "int4", "timestamp", localtimestamp_fn, "localtimestamp_p"),
	{"extract", "text,timestamp", "numeric", FN_STRICT, extract_timestamp, "extract_timestamp", 0, 0, NULL, NULL},
	{"extract", "text,timestamptz", "numeric", FN_STRICT | FV_STABLE, extract_timestamptz, "extract_timestamptz", 0, 0, NULL, NULL},
	{"extract", "text,date", "numeric", FN_STRICT, extract_date, "extract_date", 0, 0, NULL, NULL},
	{"extract", "text,interval", "numeric", FN_STRICT, extract_interval, "extract_interval", 0, 0, NULL, NULL},
	{"extract", "text,time", "numeric", FN_STRICT, extract_time, "extract_time", 0, 0, NULL, NULL},
	{"extract", "text,timetz", "numeric", FN_STRICT, extract_timetz, "extract_timetz", 0, 0, NULL, NULL},
	{"date_part", "text,timestamp", "float8", FN_STRICT, timestamp_part, "timestamp_part", 0, 0, NULL, NULL},
	{"date_part", "text,timestamptz", "float8", FN_STRICT | FV_STABLE, timestamptz_part, "timestamptz_part", 0, 0, NULL, NULL},
	{"date_part", "text,date", "float8", FN_STRICT, date_part_date, "date_part_date", 0, 0, NULL, NULL},
	{"date_part", "text,interval", "float8", FN_STRICT, interval_part_fn, "interval_part", 0, 0, NULL, NULL},
	{"date_part", "text,time", "float8", FN_STRICT, time_part_fn, "time_part", 0, 0, NULL, NULL},
	{"date_part", "text,timetz", "float8", FN_STRICT, timetz_part_fn, "timetz_part", 0, 0, NULL, NULL},
	{"date_trunc", "text,timestamp", "timestamp", FN_STRICT, timestamp_trunc, "timestamp_trunc", 0, 0, NULL, NULL},
	{"date_trunc", "text,timestamptz", "timestamptz", FN_STRICT | FV_STABLE, timestamptz_trunc, "timestamptz_trunc", 0, 0, NULL, NULL},
	{"date_trunc", "text,timestamptz,text", "timestamptz", FN_STRICT, timestamptz_trunc_zone, "timestamptz_trunc_zone", 0, 0, NULL, NULL},
	{"date_trunc", "text,interval", "interval", FN_STRICT, interval_trunc, "interval_trunc", 0, 0, NULL, NULL},
	{"age", "timestamp,timestamp", "interval", FN_STRICT, timestamp_age, "timestamp_age", 0, 0, NULL, NULL},
	{"age", "timestamptz,timestamptz", "interval", FN_STRICT | FV_STABLE, timestamptz_age, "timestamptz_age", 0, 0, NULL, NULL},
	{"age", "timestamp", "interval", FN_STRICT | FV_STABLE, timestamp_age1, "timestamp_age1", 0, 0, NULL, NULL},
	{"age", "timestamptz", "interval", FN_STRICT | FV_STABLE, timestamptz_age1, "timestamptz_age1", 0, 0, NULL, NULL},
	F("make_date", "int4,int4,int4", "date", make_date),
	F("make_time", "int4,int4,float8", "time", make_time),
	F("make_timestamp", "int4,int4,int4,int4,int4,float8", "timestamp", make_timestamp),
	FVOL("make_timestamptz", "int4,int4,int4,int4,int4,float8", "timestamptz", make_timestamptz, "make_timestamptz"),
	FVOL("make_timestamptz", "int4,int4,int4,int4,int4,float8,text", "timestamptz", make_timestamptz, "make_timestamptz_at_timezone"),
	{"make_interval", "int4,int4,int4,int4,int4,int4,float8", "interval", FN_STRICT, make_interval, "make_interval", 0, 0, "0,0,0,0,0,0,0.0", NULL},
	{"to_timestamp", "float8", "timestamptz", FN_STRICT, to_timestamp_epoch, "float8_timestamptz", 0, 0, NULL, NULL},
	{"isfinite", "date", "bool", FN_STRICT, isfinite_date, "date_finite", 0, 0, NULL, NULL},
	{"isfinite", "timestamp", "bool", FN_STRICT, isfinite_ts, "timestamp_finite", 0, 0, NULL, NULL},
	{"isfinite", "timestamptz", "bool", FN_STRICT, isfinite_ts, "timestamptz_finite", 0, 0, NULL, NULL},
	{"isfinite", "interval", "bool", FN_STRICT, isfinite_interval, "interval_finite", 0, 0, NULL, NULL},
	{"timezone", "text,timestamptz", "timestamp", FN_STRICT, timestamptz_zone, "timestamptz_zone", 0, 0, NULL, NULL},
	{"timezone", "text,timestamp", "timestamptz", FN_STRICT, timestamp_zone, "timestamp_zone", 0, 0, NULL, NULL},
	{"timezone", "interval,timestamptz", "timestamp", FN_STRICT, timestamptz_izone, "timestamptz_izone", 0, 0, NULL, NULL},
	{"timezone", "interval,timestamp", "timestamptz", FN_STRICT, timestamp_izone, "timestamp_izone", 0, 0, NULL, NULL},
	CASTF("timestamp", "date", "timestamp", ty_date_timestamp),
	CASTS("timestamptz", "date", "timestamptz", ty_date_timestamptz),
	CASTF("date", "timestamp", "date", ty_timestamp_date),
	CASTS("date", "timestamptz", "date", ty_timestamptz_date),
	CASTF("time", "timestamp", "time", ty_timestamp_time),
	CASTS("time", "timestamptz", "time", ty_timestamptz_time),
	CASTS("timetz", "timestamptz", "timetz", ty_timestamptz_timetz),
	CASTS("timestamptz", "timestamp", "timestamptz", ty_timestamp_timestamptz),
	CASTS("timestamp", "timestamptz", "timestamp", ty_timestamptz_timestamp),
	CASTS("timetz", "time", "timetz", ty_time_timetz),
	CASTF("time", "timetz", "time", ty_timetz_time),
	CASTF("interval", "time", "interval", ty_time_interval),
	CASTF("time", "interval", "time", ty_interval_time),
	CASTF("time", "time,int4", "time", ty_time_typmod),
	CASTF("timetz", "timetz,int4", "timetz", ty_timetz_typmod),
	CASTF("timestamp", "timestamp,int4", "timestamp", ty_timestamp_typmod),
	CASTF("timestamptz", "timestamptz,int4", "timestamptz", ty_timestamptz_typmod),
	CASTF("interval", "interval,int4", "interval", ty_interval_typmod),
	{"generate_series", "timestamp,timestamp,interval", "setof timestamp", FN_STRICT | FN_RETSET, generate_series_timestamp, "generate_series_timestamp", 0, 0, NULL, NULL},
	{"generate_series", "timestamptz,timestamptz,interval", "setof timestamptz", FN_STRICT | FN_RETSET | FV_STABLE, generate_series_timestamptz, "generate_series_timestamptz", 0, 0, NULL, NULL},
};

static const ty_opdef ops[] = {
	DCMPOPS(date, "date", "date"),
	DCMPOPS(time, "time", "time"),
	DCMPOPS(timetz, "timetz", "timetz"),
	DCMPOPS(timestamp, "timestamp", "timestamp"),
	DCMPOPS(timestamptz, "timestamptz", "timestamptz"),
	DCMPOPS(interval, "interval", "interval"),
	DCMPOPS(date_ts, "date", "timestamp"),
	DCMPOPS(ts_date, "timestamp", "date"),
	DCMPOPS(date_tstz, "date", "timestamptz"),
	DCMPOPS(tstz_date, "timestamptz", "date"),
	DCMPOPS(ts_tstz, "timestamp", "timestamptz"),
	DCMPOPS(tstz_ts, "timestamptz", "timestamp"),
	{"+", "date", "int4", "date_pli"},
	{"+", "int4", "date", "integer_pl_date"},
	{"-", "date", "int4", "date_mii"},
	{"-", "date", "date", "date_mi"},
	{"+", "date", "interval", "date_pl_interval"},
	{"+", "interval", "date", "interval_pl_date"},
	{"-", "date", "interval", "date_mi_interval"},
	{"+", "date", "time", "datetime_pl"},
	{"+", "time", "date", "timedate_pl"},
	{"+", "date", "timetz", "datetimetz_pl"},
	{"+", "timetz", "date", "timetzdate_pl"},
	{"+", "time", "interval", "time_pl_interval"},
	{"+", "interval", "time", "interval_pl_time"},
	{"-", "time", "interval", "time_mi_interval"},
	{"-", "time", "time", "time_mi_time"},
	{"+", "timetz", "interval", "timetz_pl_interval"},
	{"-", "timetz", "interval", "timetz_mi_interval"},
	{"+", "timestamp", "interval", "timestamp_pl_interval"},
	{"+", "interval", "timestamp", "interval_pl_timestamp"},
	{"-", "timestamp", "interval", "timestamp_mi_interval"},
	{"+", "timestamptz", "interval", "timestamptz_pl_interval"},
	{"+", "interval", "timestamptz", "interval_pl_timestamptz"},
	{"-", "timestamptz", "interval", "timestamptz_mi_interval"},
	{"-", "timestamp", "timestamp", "timestamp_mi"},
	{"-", "timestamptz", "timestamptz", "timestamptz_mi"},
	{"+", "interval", "interval", "interval_pl"},
	{"-", "interval", "interval", "interval_mi"},
	{"-", NULL, "interval", "interval_um"},
	{"*", "interval", "float8", "interval_mul"},
	{"*", "float8", "interval", "mul_d_interval"},
	{"/", "interval", "float8", "interval_div"},
};

const ty_fragment ty_frag_datetime = {fns, NELEM(fns), ops, NELEM(ops), NULL, 0};
