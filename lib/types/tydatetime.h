/*
 * tydatetime.h — dates, times, timestamps, intervals: calendar arithmetic, time zones
 * (the system tz database, /usr/share/zoneinfo TZif files, plus POSIX TZ strings), the
 * session's DateStyle/IntervalStyle/TimeZone, and the statement clock.
 *
 * Representations (datum.h): DateADT days since 2000-01-01; TimeADT and Timestamp
 * microseconds (timestamptz in UTC); Interval {time µs, day, month}; TimeTzADT.
 *
 * Time zones are process-local, loaded on first use and cached by name.  The session zone
 * is settings.timezone, re-read whenever the setting's text changes.
 *
 * Errors: 22008 "date/time field value out of range", "timestamp out of range", "date out
 * of range"; 22007 "invalid input syntax for type ..."; 22015 interval overflow; 22023
 * "time zone \"x\" not recognized".  Any process; no locks.
 */
#ifndef PH_TYPES_TYDATETIME_H
#define PH_TYPES_TYDATETIME_H

#include <stdbool.h>
#include <stdint.h>

#include "types/datum.h"

#define USECS_PER_SEC INT64_C(1000000)
#define USECS_PER_MINUTE INT64_C(60000000)
#define USECS_PER_HOUR INT64_C(3600000000)
#define USECS_PER_DAY INT64_C(86400000000)
#define SECS_PER_DAY 86400
#define POSTGRES_EPOCH_JDATE 2451545   /* 2000-01-01 */
#define UNIX_EPOCH_JDATE 2440588       /* 1970-01-01 */
#define DAYS_PER_MONTH 30
#define MONTHS_PER_YEAR 12

/* Broken-down time.  Years are astronomical as in PostgreSQL's internals: year > 0 is AD,
 * 1 BC is year 0, 2 BC is year -1 (text I/O converts). */
typedef struct ty_tm {
	int year;
	int mon;      /* 1..12 */
	int mday;     /* 1..31 */
	int hour;
	int min;
	int sec;
	int64_t usec; /* 0..999999 */
	int wday;     /* 0 = Sunday */
	int yday;     /* 1..366 */
	int isdst;
	int gmtoff;   /* seconds EAST of UTC (for timestamptz) */
	const char *zone; /* abbreviation, may be NULL */
} ty_tm;

/* ---- statement clock ------------------------------------------------------------------------ */

/* The engine sets these at transaction / statement start; now() and current_timestamp
 * return the transaction's, statement_timestamp() the statement's.  When never set, the
 * clock at the first call is used. */
void ty_set_xact_timestamp(Timestamp t);
void ty_set_stmt_timestamp(Timestamp t);
Timestamp ty_xact_timestamp(void);
Timestamp ty_stmt_timestamp(void);
Timestamp ty_clock_timestamp(void);

/* ---- calendar ------------------------------------------------------------------------------ */

int ty_date2j(int year, int mon, int mday);
void ty_j2date(int jd, int *year, int *mon, int *mday);
int ty_j2day(int jd);  /* 0 = Sunday */
bool ty_is_leap(int year);
int ty_days_in_month(int year, int mon);

/* Timestamp <-> broken-down time.  For timestamptz pass a zone (NULL = session zone) and
 * get local fields plus gmtoff/zone; for timestamp pass use_tz=false.  Return false when
 * out of range. */
bool ty_timestamp2tm(Timestamp ts, ty_tm *tm, bool use_tz, const char *tzname);
bool ty_tm2timestamp(const ty_tm *tm, Timestamp *out);  /* local fields, no zone shift */
/* Offset (seconds EAST of UTC) of the local time tm in the zone (NULL = session), with
 * PostgreSQL's rules for skipped and repeated local times. */
int ty_tz_local_offset(const ty_tm *tm, const char *tzname);

/* ---- time zones ------------------------------------------------------------------------------- */

typedef struct ty_tz ty_tz;
/* By name: tz database names (case-insensitive), POSIX TZ strings ("EST5EDT", "UTC+2"),
 * and for SET TIME ZONE a bare number of hours east ("+02", "-3.5").  NULL if unknown. */
const ty_tz *ty_tz_lookup(const char *name);
const ty_tz *ty_tz_session(void);
/* Offset in seconds EAST of UTC at the UTC instant (Unix seconds); abbreviation and DST
 * flag optional. */
int ty_tz_offset_utc(const ty_tz *z, int64_t unix_secs, const char **abbrev, bool *isdst);
/* Offset for a local time (Unix seconds of the local wall clock read as UTC). */
int ty_tz_offset_local(const ty_tz *z, int64_t local_secs, bool *isdst);
const char *ty_tz_name(const ty_tz *z);
/* Whether a name is acceptable for the TimeZone setting (for SET validation). */
bool ty_tz_valid_setting(const char *name);
/* Fixed abbreviation table ("EST", "CEST", "Z"...): offset seconds east, isdst. */
bool ty_tz_abbrev(const char *lowername, int *offset, bool *isdst);

/* ---- conversions used by casts and the executor ---------------------------------------------- */

Timestamp ty_date2timestamp(DateADT d);              /* 22008 when out of range */
Timestamp ty_date2timestamptz(DateADT d);
DateADT ty_timestamp2date(Timestamp t);
DateADT ty_timestamptz2date(Timestamp t);
Timestamp ty_timestamp2timestamptz(Timestamp t);
Timestamp ty_timestamptz2timestamp(Timestamp t);
TimeADT ty_timestamp2time(Timestamp t);
TimeADT ty_timestamptz2time(Timestamp t);

/* Timestamp arithmetic with PostgreSQL's month rules (Jan 31 + 1 month = Feb 28/29); for
 * timestamptz, day and month steps keep local wall-clock time across DST changes. */
Timestamp ty_timestamp_pl_interval(Timestamp t, const Interval *iv, bool tz);
Timestamp ty_timestamp_mi_interval(Timestamp t, const Interval *iv, bool tz);
void ty_interval_from_diff(Timestamp a, Timestamp b, Interval *out);  /* a - b */

/* Interval values are 16 bytes by reference: */
Datum ty_interval_datum(const Interval *iv);
static inline const Interval *
ty_interval_ptr(Datum d)
{
	return (const Interval *)DatumGetPointer(d);
}
/* Read an interval that may be unaligned (from a page). */
void ty_interval_get(Datum d, Interval *out);

/* Interval typmod ranges (PostgreSQL's INTERVAL_MASK bits). */
#define INTERVAL_MASK_YEAR (1 << 2)
#define INTERVAL_MASK_MONTH (1 << 1)
#define INTERVAL_MASK_DAY (1 << 3)
#define INTERVAL_MASK_HOUR (1 << 10)
#define INTERVAL_MASK_MINUTE (1 << 11)
#define INTERVAL_MASK_SECOND (1 << 12)
#define INTERVAL_FULL_RANGE 0x7FFF
#define INTERVAL_FULL_PRECISION 0xFFFF
#define INTERVAL_TYPMOD(p, r) ((((r) & 0x7FFF) << 16) | ((p) & 0xFFFF))
#define INTERVAL_PRECISION(t) ((t) & 0xFFFF)
#define INTERVAL_RANGE(t) (((t) >> 16) & 0x7FFF)

#endif
