/*
 * ty_dt_int.h — date/time internals shared by ty_datetime.c, ty_interval.c and
 * ty_datefn.c.
 */
#ifndef PH_TYPES_TY_DT_INT_H
#define PH_TYPES_TY_DT_INT_H

#include "types/ty_int.h"
#include "types/tydatetime.h"

#define MAXDATEFIELDS 25
#define MAXDATELEN 128

/* field types of the tokenizer (PostgreSQL's ParseDateTime) */
enum { DTK_NUMBER = 1, DTK_STRING, DTK_DATE, DTK_TIME, DTK_TZ, DTK_SPECIAL };

/* decode error kinds (PostgreSQL's DTERR_*) */
enum {
	DTERR_BAD_FORMAT = -1,
	DTERR_FIELD_OVERFLOW = -2,
	DTERR_MD_FIELD_OVERFLOW = -3,
	DTERR_INTERVAL_OVERFLOW = -4,
	DTERR_TZDISP_OVERFLOW = -5
};

/* result kinds of decoding */
enum { DTK_DATE_V = 1, DTK_EPOCH_V, DTK_LATE_V, DTK_EARLY_V, DTK_DELTA_V };

typedef struct dt_fields {
	int nf;
	char *field[MAXDATEFIELDS];
	int ftype[MAXDATEFIELDS];
	char buf[MAXDATELEN * 2 + MAXDATEFIELDS];
} dt_fields;

int dt_tokenize(const char *str, dt_fields *f);
noreturn void dt_error(int dterr, const char *str, const char *tname);

/* Session styles */
enum { USE_ISO_DATES = 1, USE_SQL_DATES, USE_POSTGRES_DATES, USE_GERMAN_DATES };
enum { DATEORDER_YMD = 0, DATEORDER_DMY, DATEORDER_MDY };
enum { INTSTYLE_POSTGRES = 0, INTSTYLE_POSTGRES_VERBOSE, INTSTYLE_SQL_STANDARD, INTSTYLE_ISO_8601 };
int dt_datestyle(void);
int dt_dateorder(void);
int dt_intervalstyle(void);

/* units for interval input and date_part/date_trunc */
enum {
	DTK_MICROSEC = 1, DTK_MILLISEC, DTK_SECOND, DTK_MINUTE, DTK_HOUR, DTK_DAY, DTK_WEEK,
	DTK_MONTH, DTK_QUARTER, DTK_YEAR, DTK_DECADE, DTK_CENTURY, DTK_MILLENNIUM,
	DTK_JULIAN, DTK_DOW, DTK_DOY, DTK_ISODOW, DTK_ISOYEAR, DTK_EPOCH, DTK_TZ_OFF,
	DTK_TZ_HOUR, DTK_TZ_MINUTE, DTK_AGO, DTK_IGNORE
};
/* Look up a unit word (lower-cased, PostgreSQL's deltatktbl/datetktbl spellings); 0 if none. */
int dt_unit(const char *lower);

/* Encoding helpers */
void dt_encode_date(ty_buf *b, int year, int mon, int mday, int style);
void dt_encode_time(ty_buf *b, int hour, int min, int sec, int64_t usec);
void dt_encode_tz(ty_buf *b, int gmtoff_east);
void dt_encode_timestamp(ty_buf *b, const ty_tm *tm, bool print_tz, int style);
void dt_encode_interval(ty_buf *b, const Interval *iv, int style);

bool dt_time_overflows(int hour, int min, int sec, int64_t usec);
void dt_adjust_time_typmod(int64_t *t, int32_t typmod);
void dt_adjust_interval_typmod(Interval *iv, int32_t typmod);
Timestamp dt_check_timestamp(Timestamp t);  /* 22008 timestamp out of range */

#define IS_VALID_JULIAN(y, m, d) \
	(((y) > -4713 || ((y) == -4713 && ((m) >= 12 || ((m) == 11 && (d) >= 24)))) && \
	 ((y) < 5874898 || ((y) == 5874898 && (m) < 6)))
#define DATETIME_MIN_JULIAN 0
#define DATE_END_JULIAN 2147483494
#define TIMESTAMP_END_JULIAN 109203528
#define MIN_TIMESTAMP INT64_C(-211813488000000000)
#define END_TIMESTAMP INT64_C(9223371331200000000)
#define IS_VALID_TIMESTAMP(t) (MIN_TIMESTAMP <= (t) && (t) < END_TIMESTAMP)
#define IS_VALID_DATE(d) \
	((DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE) <= (d) && (d) < (DATE_END_JULIAN - POSTGRES_EPOCH_JDATE))

#define TIMESTAMP_NOT_FINITE(t) ((t) == DT_NOBEGIN || (t) == DT_NOEND)
#define DATE_NOT_FINITE(d) ((d) == DATEVAL_NOBEGIN || (d) == DATEVAL_NOEND)

/* local timestamp (no zone) of a timestamptz in the session zone, and back */
int64_t dt_unix_secs(Timestamp t);
Timestamp dt_local_to_utc(const ty_tm *tm, const char *tzname, int *gmtoff);

#endif
