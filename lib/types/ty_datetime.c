/*
 * ty_datetime.c — calendar arithmetic, the statement clock, DateStyle/IntervalStyle,
 * and text/binary I/O of date, time, timetz, timestamp and timestamptz.
 *
 * Input follows PostgreSQL's two-stage design: a tokenizer splits the string into typed
 * fields (number, string, date, time, zone, special), and a decoder assigns each field to a
 * calendar component using the session's DateOrder, the field shapes and the components
 * already seen.  The rules (which field is the year, how run-together digits split, how a
 * zone name after a date is recognised, two-digit years, AM/PM, BC) reproduce PostgreSQL's,
 * so the same strings are accepted and rejected with the same messages.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>

#include "types/ty_dt_int.h"
#include "util/cfg.h"

/* ---- calendar ------------------------------------------------------------------------------ */

static int64_t
days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
ty_date2j(int year, int mon, int mday)
{
	return (int)(days_from_civil(year, mon, mday) + UNIX_EPOCH_JDATE);
}

void
ty_j2date(int jd, int *year, int *mon, int *mday)
{
	int64_t z = (int64_t)jd - UNIX_EPOCH_JDATE + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	*mon = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(y + (*mon <= 2));
}

int
ty_j2day(int jd)
{
	int d = (int)(((int64_t)jd + 1) % 7);
	return d < 0 ? d + 7 : d;
}

bool
ty_is_leap(int y)
{
	return (y % 4 == 0) && ((y % 100 != 0) || (y % 400 == 0));
}

int
ty_days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return (m == 2 && ty_is_leap(y)) ? 29 : dim[m - 1];
}

/* ---- clock ---------------------------------------------------------------------------------- */

static Timestamp xact_ts, stmt_ts;
static bool xact_set, stmt_set;

Timestamp
ty_clock_timestamp(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return ((int64_t)tv.tv_sec - (int64_t)(POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY) *
	           USECS_PER_SEC +
	       tv.tv_usec;
}

void
ty_set_xact_timestamp(Timestamp t)
{
	xact_ts = t;
	xact_set = true;
}

void
ty_set_stmt_timestamp(Timestamp t)
{
	stmt_ts = t;
	stmt_set = true;
}

Timestamp
ty_xact_timestamp(void)
{
	if (!xact_set) {
		xact_ts = ty_clock_timestamp();
		xact_set = true;
	}
	return xact_ts;
}

Timestamp
ty_stmt_timestamp(void)
{
	if (!stmt_set)
		return ty_xact_timestamp();
	return stmt_ts;
}

/* ---- session styles --------------------------------------------------------------------------- */

static int cur_style = USE_ISO_DATES, cur_order = DATEORDER_MDY;

static void
parse_datestyle(void)
{
	static char last[64] = "";
	const char *ds = settings.datestyle ? settings.datestyle : "ISO, MDY";
	if (strcmp(last, ds) == 0)
		return;
	int style = USE_ISO_DATES, order = -1;
	char tok[32];
	const char *p = ds;
	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		int n = 0;
		while (*p && *p != ' ' && *p != ',' && *p != '\t') {
			if (n < 31)
				tok[n++] = (char)ty_tolower((unsigned char)*p);
			p++;
		}
		tok[n] = '\0';
		if (n == 0)
			break;
		if (!strcmp(tok, "iso"))
			style = USE_ISO_DATES;
		else if (!strcmp(tok, "sql"))
			style = USE_SQL_DATES;
		else if (!strcmp(tok, "postgres"))
			style = USE_POSTGRES_DATES;
		else if (!strcmp(tok, "german")) {
			style = USE_GERMAN_DATES;
			if (order < 0)
				order = DATEORDER_DMY;
		} else if (!strcmp(tok, "ymd"))
			order = DATEORDER_YMD;
		else if (!strcmp(tok, "dmy") || !strncmp(tok, "euro", 4))
			order = DATEORDER_DMY;
		else if (!strcmp(tok, "mdy") || !strcmp(tok, "us") || !strncmp(tok, "noneuro", 7))
			order = DATEORDER_MDY;
	}
	cur_style = style;
	cur_order = order < 0 ? DATEORDER_MDY : order;
	snprintf(last, sizeof last, "%s", ds);
}

int
dt_datestyle(void)
{
	parse_datestyle();
	return cur_style;
}

int
dt_dateorder(void)
{
	parse_datestyle();
	return cur_order;
}

int
dt_intervalstyle(void)
{
	const char *s = settings.intervalstyle ? settings.intervalstyle : "postgres";
	if (!ty_strncasecmp(s, "postgres_verbose", 17))
		return INTSTYLE_POSTGRES_VERBOSE;
	if (!ty_strncasecmp(s, "sql_standard", 13))
		return INTSTYLE_SQL_STANDARD;
	if (!ty_strncasecmp(s, "iso_8601", 9))
		return INTSTYLE_ISO_8601;
	return INTSTYLE_POSTGRES;
}

/* ---- errors ---------------------------------------------------------------------------------- */

void
dt_error(int dterr, const char *str, const char *tname)
{
	switch (dterr) {
	case DTERR_FIELD_OVERFLOW:
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"%s\"", str);
	case DTERR_MD_FIELD_OVERFLOW:
		ERR_BEGIN(ERRCODE_DATETIME_FIELD_OVERFLOW);
		err_hint("Perhaps you need a different \"datestyle\" setting.");
		err_throw("date/time field value out of range: \"%s\"", str);
	case DTERR_INTERVAL_OVERFLOW:
		ph_error(ERRCODE_INTERVAL_FIELD_OVERFLOW, "interval field value out of range: \"%s\"", str);
	case DTERR_TZDISP_OVERFLOW:
		ph_error(ERRCODE_INVALID_TIME_ZONE_DISPLACEMENT_VALUE,
		         "time zone displacement out of range: \"%s\"", str);
	default:
		ph_error(ERRCODE_INVALID_DATETIME_FORMAT, "invalid input syntax for type %s: \"%s\"", tname,
		         str);
	}
}

/* ---- tokenizer (PostgreSQL's ParseDateTime) ---------------------------------------------------- */

/* Keywords that stop an alphabetic field from being read as a zone name with digits. */
static bool is_date_keyword(const char *lower);

int
dt_tokenize(const char *str, dt_fields *f)
{
	const unsigned char *cp = (const unsigned char *)str;
	char *bufp = f->buf, *bufend = f->buf + sizeof f->buf - 1;
	f->nf = 0;
#define APPEND(c)                                                                              \
	do {                                                                                       \
		if (bufp >= bufend)                                                                    \
			return DTERR_BAD_FORMAT;                                                           \
		*bufp++ = (char)(c);                                                                   \
	} while (0)
	while (*cp) {
		if (ty_isspace(*cp)) {
			cp++;
			continue;
		}
		if (f->nf >= MAXDATEFIELDS)
			return DTERR_BAD_FORMAT;
		f->field[f->nf] = bufp;
		int *ft = &f->ftype[f->nf];
		if (ty_isdigit(*cp)) {
			APPEND(*cp++);
			while (ty_isdigit(*cp))
				APPEND(*cp++);
			if (*cp == ':') {
				*ft = DTK_TIME;
				APPEND(*cp++);
				while (ty_isdigit(*cp) || *cp == ':' || *cp == '.')
					APPEND(*cp++);
			} else if (*cp == '-' || *cp == '/' || *cp == '.') {
				unsigned char delim = *cp;
				APPEND(*cp++);
				if (ty_isdigit(*cp)) {
					*ft = delim == '.' ? DTK_NUMBER : DTK_DATE;
					while (ty_isdigit(*cp))
						APPEND(*cp++);
					if (*cp == delim) {
						*ft = DTK_DATE;
						APPEND(*cp++);
						while (ty_isdigit(*cp) || *cp == delim)
							APPEND(*cp++);
					}
				} else {
					*ft = DTK_DATE;
					while (ty_isdigit(*cp) || ty_isalpha(*cp) || *cp == delim)
						APPEND(ty_tolower(*cp++));
				}
			} else
				*ft = DTK_NUMBER;
		} else if (*cp == '.') {
			APPEND(*cp++);
			while (ty_isdigit(*cp))
				APPEND(*cp++);
			*ft = DTK_NUMBER;
		} else if (ty_isalpha(*cp)) {
			*ft = DTK_STRING;
			APPEND(ty_tolower(*cp++));
			while (ty_isalpha(*cp))
				APPEND(ty_tolower(*cp++));
			bool is_date = false;
			if (*cp == '-' || *cp == '/' || *cp == '.')
				is_date = true;
			else if (*cp == '+' || ty_isdigit(*cp)) {
				*bufp = '\0';
				if (!is_date_keyword(f->field[f->nf]))
					is_date = true;
			}
			if (is_date) {
				*ft = DTK_DATE;
				do {
					APPEND(ty_tolower(*cp++));
				} while (*cp == '+' || *cp == '-' || *cp == '/' || *cp == '_' || *cp == '.' ||
				         *cp == ':' || ty_isdigit(*cp) || ty_isalpha(*cp));
			}
		} else if (*cp == '+' || *cp == '-') {
			APPEND(*cp++);
			while (ty_isspace(*cp))
				cp++;
			if (ty_isdigit(*cp)) {
				*ft = DTK_TZ;
				APPEND(*cp++);
				while (ty_isdigit(*cp) || *cp == ':' || *cp == '.' || *cp == '-')
					APPEND(*cp++);
			} else if (ty_isalpha(*cp)) {
				*ft = DTK_SPECIAL;
				APPEND(ty_tolower(*cp++));
				while (ty_isalpha(*cp))
					APPEND(ty_tolower(*cp++));
			} else
				return DTERR_BAD_FORMAT;
		} else if ((*cp >= 0x21 && *cp <= 0x2F) || (*cp >= 0x3A && *cp <= 0x40) ||
		           (*cp >= 0x5B && *cp <= 0x60) || (*cp >= 0x7B && *cp <= 0x7E)) {
			cp++;
			continue;
		} else
			return DTERR_BAD_FORMAT;
		APPEND('\0');
		f->nf++;
	}
#undef APPEND
	return 0;
}

/* ---- keyword tables ---------------------------------------------------------------------------- */

enum {
	T_RESERV = 0, T_MONTH = 1, T_YEAR = 2, T_DAY = 3, T_JULIAN = 4, T_TZ = 5, T_DTZ = 6,
	T_IGNORE = 8, T_AMPM = 9, T_HOUR = 10, T_MINUTE = 11, T_SECOND = 12, T_MILLISECOND = 13,
	T_MICROSECOND = 14, T_DOY = 15, T_DOW = 16, T_UNITS = 17, T_ADBC = 18, T_ISOTIME = 23,
	T_DTZMOD = 28, T_UNKNOWN = 31
};
#define DTK_M(t) (1 << (t))
#define DTK_DATE_M (DTK_M(T_YEAR) | DTK_M(T_MONTH) | DTK_M(T_DAY))
#define DTK_TIME_M (DTK_M(T_HOUR) | DTK_M(T_MINUTE) | DTK_M(T_SECOND))

enum { V_NOW = 1, V_TODAY, V_TOMORROW, V_YESTERDAY, V_EPOCH, V_LATE, V_EARLY, V_ZULU };
enum { V_AM = 0, V_PM = 1, V_HR24 = 2 };
enum { V_AD = 0, V_BC = 1 };

typedef struct dtkw {
	const char *tok;
	int type;
	int val;
} dtkw;

/* sorted */
static dtkw datetk[] = {
	{"-infinity", T_RESERV, V_EARLY}, {"ad", T_ADBC, V_AD},           {"allballs", T_RESERV, V_ZULU},
	{"am", T_AMPM, V_AM},             {"apr", T_MONTH, 4},            {"april", T_MONTH, 4},
	{"at", T_IGNORE, 0},              {"aug", T_MONTH, 8},            {"august", T_MONTH, 8},
	{"bc", T_ADBC, V_BC},             {"d", T_UNITS, DTK_DAY},        {"dec", T_MONTH, 12},
	{"december", T_MONTH, 12},        {"dst", T_DTZMOD, 3600},        {"epoch", T_RESERV, V_EPOCH},
	{"feb", T_MONTH, 2},              {"february", T_MONTH, 2},       {"fri", T_DOW, 5},
	{"friday", T_DOW, 5},             {"h", T_UNITS, DTK_HOUR},       {"infinity", T_RESERV, V_LATE},
	{"isodow", T_UNITS, DTK_ISODOW},  {"isoyear", T_UNITS, DTK_ISOYEAR}, {"j", T_UNITS, DTK_JULIAN},
	{"jan", T_MONTH, 1},              {"january", T_MONTH, 1},        {"jd", T_UNITS, DTK_JULIAN},
	{"jul", T_MONTH, 7},              {"julian", T_UNITS, DTK_JULIAN}, {"july", T_MONTH, 7},
	{"jun", T_MONTH, 6},              {"june", T_MONTH, 6},           {"m", T_UNITS, DTK_MONTH},
	{"mar", T_MONTH, 3},              {"march", T_MONTH, 3},          {"may", T_MONTH, 5},
	{"mm", T_UNITS, DTK_MINUTE},      {"mon", T_DOW, 1},              {"monday", T_DOW, 1},
	{"nov", T_MONTH, 11},             {"november", T_MONTH, 11},      {"now", T_RESERV, V_NOW},
	{"oct", T_MONTH, 10},             {"october", T_MONTH, 10},       {"on", T_IGNORE, 0},
	{"pm", T_AMPM, V_PM},             {"s", T_UNITS, DTK_SECOND},     {"sat", T_DOW, 6},
	{"saturday", T_DOW, 6},           {"sep", T_MONTH, 9},            {"sept", T_MONTH, 9},
	{"september", T_MONTH, 9},        {"sun", T_DOW, 0},              {"sunday", T_DOW, 0},
	{"t", T_ISOTIME, 0},              {"thu", T_DOW, 4},              {"thur", T_DOW, 4},
	{"thurs", T_DOW, 4},              {"thursday", T_DOW, 4},         {"today", T_RESERV, V_TODAY},
	{"tomorrow", T_RESERV, V_TOMORROW}, {"tue", T_DOW, 2},            {"tues", T_DOW, 2},
	{"tuesday", T_DOW, 2},            {"wed", T_DOW, 3},              {"wednes", T_DOW, 3},
	{"wednesday", T_DOW, 3},          {"y", T_UNITS, DTK_YEAR},       {"yesterday", T_RESERV, V_YESTERDAY},
};

static int
dtkw_cmp(const void *a, const void *b)
{
	return strcmp(((const dtkw *)a)->tok, ((const dtkw *)b)->tok);
}

static const dtkw *
kw_find(dtkw *tab, int n, const char *tok)
{
	static bool sorted;
	if (!sorted) {
		/* the table is written for reading; keep lookups right whatever its order */
		qsort(datetk, sizeof datetk / sizeof datetk[0], sizeof datetk[0], dtkw_cmp);
		sorted = true;
	}
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(tok, tab[mid].tok);
		if (c == 0)
			return &tab[mid];
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return NULL;
}

static bool
is_date_keyword(const char *lower)
{
	return kw_find(datetk, (int)(sizeof datetk / sizeof datetk[0]), lower) != NULL;
}

/* Interval and date_part units (PostgreSQL's deltatktbl), first 10 characters compared. */
typedef struct unitkw {
	const char *tok;
	int unit;
} unitkw;

static unitkw unittk[] = {
	{"@", DTK_IGNORE},        {"ago", DTK_AGO},          {"c", DTK_CENTURY},
	{"cent", DTK_CENTURY},    {"centuries", DTK_CENTURY}, {"century", DTK_CENTURY},
	{"d", DTK_DAY},           {"day", DTK_DAY},          {"days", DTK_DAY},
	{"dec", DTK_DECADE},      {"decade", DTK_DECADE},    {"decades", DTK_DECADE},
	{"decs", DTK_DECADE},     {"doy", DTK_DOY},          {"dow", DTK_DOW},
	{"epoch", DTK_EPOCH},     {"h", DTK_HOUR},           {"hour", DTK_HOUR},
	{"hours", DTK_HOUR},      {"hr", DTK_HOUR},          {"hrs", DTK_HOUR},
	{"isodow", DTK_ISODOW},   {"isoyear", DTK_ISOYEAR},  {"j", DTK_JULIAN},
	{"jd", DTK_JULIAN},       {"julian", DTK_JULIAN},    {"m", DTK_MINUTE},
	{"microsecon", DTK_MICROSEC}, {"mil", DTK_MILLENNIUM}, {"millennia", DTK_MILLENNIUM},
	{"millennium", DTK_MILLENNIUM}, {"millisecon", DTK_MILLISEC}, {"mils", DTK_MILLENNIUM},
	{"min", DTK_MINUTE},      {"mins", DTK_MINUTE},      {"minute", DTK_MINUTE},
	{"minutes", DTK_MINUTE},  {"mon", DTK_MONTH},        {"mons", DTK_MONTH},
	{"month", DTK_MONTH},     {"months", DTK_MONTH},     {"ms", DTK_MILLISEC},
	{"msec", DTK_MILLISEC},   {"msecond", DTK_MILLISEC}, {"mseconds", DTK_MILLISEC},
	{"msecs", DTK_MILLISEC},  {"qtr", DTK_QUARTER},      {"quarter", DTK_QUARTER},
	{"s", DTK_SECOND},        {"sec", DTK_SECOND},       {"second", DTK_SECOND},
	{"seconds", DTK_SECOND},  {"secs", DTK_SECOND},      {"timezone", DTK_TZ_OFF},
	{"timezone_h", DTK_TZ_HOUR}, {"timezone_m", DTK_TZ_MINUTE}, {"us", DTK_MICROSEC},
	{"usec", DTK_MICROSEC},   {"usecond", DTK_MICROSEC}, {"useconds", DTK_MICROSEC},
	{"usecs", DTK_MICROSEC},  {"w", DTK_WEEK},           {"week", DTK_WEEK},
	{"weeks", DTK_WEEK},      {"y", DTK_YEAR},           {"year", DTK_YEAR},
	{"years", DTK_YEAR},      {"yr", DTK_YEAR},          {"yrs", DTK_YEAR},
};

static int
unitkw_cmp(const void *a, const void *b)
{
	return strcmp(((const unitkw *)a)->tok, ((const unitkw *)b)->tok);
}

int
dt_unit(const char *lower)
{
	static bool sorted;
	if (!sorted) {
		qsort(unittk, sizeof unittk / sizeof unittk[0], sizeof unittk[0], unitkw_cmp);
		sorted = true;
	}
	char key[11];
	snprintf(key, sizeof key, "%s", lower);
	int lo = 0, hi = (int)(sizeof unittk / sizeof unittk[0]) - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(key, unittk[mid].tok);
		if (c == 0)
			return unittk[mid].unit;
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return 0;
}

/* ---- field decoders ------------------------------------------------------------------------- */

typedef struct dtstate {
	ty_tm *tm;
	int64_t *fsec;
	bool is2digits;
	bool have_text_month;
} dtstate;

static bool
strtoint_c(const char *s, char **end, int *out)
{
	errno = 0;
	long v = strtol(s, end, 10);
	if (errno == ERANGE || v > INT32_MAX || v < INT32_MIN)
		return false;
	*out = (int)v;
	return true;
}

static int
parse_fraction(const char *cp, int64_t *fsec)
{
	char *end;
	errno = 0;
	double frac = strtod(cp, &end);
	if (*end != '\0' || errno)
		return DTERR_BAD_FORMAT;
	*fsec = (int64_t)rint(frac * 1000000);
	return 0;
}

static int decode_number(int flen, char *str, bool have_text_month, int fmask, int *tmask,
                         ty_tm *tm, int64_t *fsec, bool *is2digits);

/* Run-together digits: YYYYMMDD, YYMMDD, hhmmss, hhmm, with optional fraction.
 * Returns 1 (date), 2 (time) or a DTERR. */
static int
decode_number_field(int len, char *str, int fmask, int *tmask, ty_tm *tm, int64_t *fsec,
                    bool *is2digits)
{
	char *cp = strchr(str, '.');
	if (cp) {
		if (cp[1] == '\0')
			*fsec = 0;
		else {
			errno = 0;
			double frac = strtod(cp, NULL);
			if (errno)
				return DTERR_BAD_FORMAT;
			*fsec = (int64_t)rint(frac * 1000000);
		}
		*cp = '\0';
		len = (int)strlen(str);
	} else if ((fmask & DTK_DATE_M) != DTK_DATE_M) {
		if (len >= 6) {
			*tmask = DTK_DATE_M;
			tm->mday = atoi(str + (len - 2));
			str[len - 2] = '\0';
			tm->mon = atoi(str + (len - 4));
			str[len - 4] = '\0';
			tm->year = atoi(str);
			if (len - 4 == 2)
				*is2digits = true;
			return 1;
		}
	}
	if ((fmask & DTK_TIME_M) != DTK_TIME_M) {
		if (len == 6) {
			*tmask = DTK_TIME_M;
			tm->sec = atoi(str + 4);
			str[4] = '\0';
			tm->min = atoi(str + 2);
			str[2] = '\0';
			tm->hour = atoi(str);
			return 2;
		} else if (len == 4) {
			*tmask = DTK_TIME_M;
			tm->sec = 0;
			tm->min = atoi(str + 2);
			str[2] = '\0';
			tm->hour = atoi(str);
			return 2;
		}
	}
	return DTERR_BAD_FORMAT;
}

static int
decode_number(int flen, char *str, bool have_text_month, int fmask, int *tmask, ty_tm *tm,
              int64_t *fsec, bool *is2digits)
{
	int val;
	char *cp;
	*tmask = 0;
	if (!strtoint_c(str, &cp, &val))
		return DTERR_FIELD_OVERFLOW;
	if (cp == str)
		return DTERR_BAD_FORMAT;
	if (*cp == '.') {
		if (cp - str > 2) {
			int r = decode_number_field(flen, str, fmask | DTK_DATE_M, tmask, tm, fsec, is2digits);
			return r < 0 ? r : 0;
		}
		int r = parse_fraction(cp, fsec);
		if (r)
			return r;
	} else if (*cp != '\0')
		return DTERR_BAD_FORMAT;

	if (flen == 3 && (fmask & DTK_DATE_M) == DTK_M(T_YEAR) && val >= 1 && val <= 366) {
		*tmask = DTK_M(T_DOY) | DTK_M(T_MONTH) | DTK_M(T_DAY);
		tm->yday = val;
		return 0;
	}
	int order = dt_dateorder();
	switch (fmask & DTK_DATE_M) {
	case 0:
		if (flen >= 3 || order == DATEORDER_YMD) {
			*tmask = DTK_M(T_YEAR);
			tm->year = val;
		} else if (order == DATEORDER_DMY) {
			*tmask = DTK_M(T_DAY);
			tm->mday = val;
		} else {
			*tmask = DTK_M(T_MONTH);
			tm->mon = val;
		}
		break;
	case DTK_M(T_YEAR):
		*tmask = DTK_M(T_MONTH);
		tm->mon = val;
		break;
	case DTK_M(T_MONTH):
		if (have_text_month) {
			if (flen >= 3 || order == DATEORDER_YMD) {
				*tmask = DTK_M(T_YEAR);
				tm->year = val;
			} else {
				*tmask = DTK_M(T_DAY);
				tm->mday = val;
			}
		} else {
			*tmask = DTK_M(T_DAY);
			tm->mday = val;
		}
		break;
	case DTK_M(T_YEAR) | DTK_M(T_MONTH):
		if (have_text_month) {
			if (flen >= 3 && *is2digits) {
				*tmask = DTK_M(T_DAY);
				tm->mday = tm->year;
				tm->year = val;
				*is2digits = false;
			} else {
				*tmask = DTK_M(T_DAY);
				tm->mday = val;
			}
		} else {
			*tmask = DTK_M(T_DAY);
			tm->mday = val;
		}
		break;
	case DTK_M(T_DAY):
		*tmask = DTK_M(T_MONTH);
		tm->mon = val;
		break;
	case DTK_M(T_MONTH) | DTK_M(T_DAY):
		*tmask = DTK_M(T_YEAR);
		tm->year = val;
		break;
	case DTK_DATE_M: {
		int r = decode_number_field(flen, str, fmask, tmask, tm, fsec, is2digits);
		return r < 0 ? r : 0;
	}
	default:
		return DTERR_BAD_FORMAT;
	}
	if (*tmask == DTK_M(T_YEAR))
		*is2digits = flen <= 2;
	return 0;
}

static int
decode_date(char *str, int fmask, int *tmask, bool *is2digits, ty_tm *tm)
{
	char *field[MAXDATEFIELDS];
	int nf = 0;
	bool have_text_month = false;
	int64_t fsec = 0;
	*tmask = 0;
	while (*str && nf < MAXDATEFIELDS) {
		while (*str && !ty_isdigit((unsigned char)*str) && !ty_isalpha((unsigned char)*str))
			str++;
		if (*str == '\0')
			return DTERR_BAD_FORMAT;
		field[nf] = str;
		if (ty_isdigit((unsigned char)*str))
			while (ty_isdigit((unsigned char)*str))
				str++;
		else
			while (ty_isalpha((unsigned char)*str))
				str++;
		if (*str)
			*str++ = '\0';
		nf++;
	}
	for (int i = 0; i < nf; i++) {
		if (ty_isalpha((unsigned char)*field[i])) {
			const dtkw *k = kw_find(datetk, (int)(sizeof datetk / sizeof datetk[0]), field[i]);
			if (k && k->type == T_IGNORE)
				continue;
			if (!k || k->type != T_MONTH)
				return DTERR_BAD_FORMAT;
			int dmask = DTK_M(T_MONTH);
			tm->mon = k->val;
			have_text_month = true;
			if (fmask & dmask)
				return DTERR_BAD_FORMAT;
			fmask |= dmask;
			*tmask |= dmask;
			field[i] = NULL;
		}
	}
	for (int i = 0; i < nf; i++) {
		if (!field[i])
			continue;
		int len = (int)strlen(field[i]);
		if (len <= 0)
			return DTERR_BAD_FORMAT;
		int dmask;
		int r = decode_number(len, field[i], have_text_month, fmask, &dmask, tm, &fsec, is2digits);
		if (r)
			return r;
		if (fmask & dmask)
			return DTERR_BAD_FORMAT;
		fmask |= dmask;
		*tmask |= dmask;
	}
	if ((fmask & ~(DTK_M(T_DOY) | DTK_M(T_TZ))) != DTK_DATE_M)
		return DTERR_BAD_FORMAT;
	return 0;
}

/* hh:mm[:ss[.fff]] (and mm:ss.fff); hours may exceed 24 for intervals (long form). */
static int
decode_time(const char *str, int range, int *tmask, int64_t *hour, int *min, int *sec,
            int64_t *fsec)
{
	char *cp;
	*tmask = DTK_TIME_M;
	errno = 0;
	long long h = strtoll(str, &cp, 10);
	if (errno == ERANGE)
		return DTERR_FIELD_OVERFLOW;
	if (*cp != ':')
		return DTERR_BAD_FORMAT;
	int m;
	if (!strtoint_c(cp + 1, &cp, &m))
		return DTERR_FIELD_OVERFLOW;
	int s = 0;
	*fsec = 0;
	if (*cp == '\0') {
		if (range == (INTERVAL_MASK_MINUTE | INTERVAL_MASK_SECOND)) {
			s = m;
			m = (int)h;
			h = 0;
		}
	} else if (*cp == '.') {
		int r = parse_fraction(cp, fsec);
		if (r)
			return r;
		s = m;
		m = (int)h;
		h = 0;
	} else if (*cp == ':') {
		if (!strtoint_c(cp + 1, &cp, &s))
			return DTERR_FIELD_OVERFLOW;
		if (*cp == '.') {
			int r = parse_fraction(cp, fsec);
			if (r)
				return r;
		} else if (*cp != '\0')
			return DTERR_BAD_FORMAT;
	} else
		return DTERR_BAD_FORMAT;
	if (h < 0 || m < 0 || m > 59 || s < 0 || s > 60 || *fsec < 0 || *fsec > USECS_PER_SEC)
		return DTERR_FIELD_OVERFLOW;
	*hour = h;
	*min = m;
	*sec = s;
	return 0;
}

int dt_decode_time_interval(const char *str, int range, int64_t *usec);
int
dt_decode_time_interval(const char *str, int range, int64_t *usec)
{
	int tmask, m, s;
	int64_t h, fs;
	int r = decode_time(str, range, &tmask, &h, &m, &s, &fs);
	if (r)
		return r;
	if (h > INT64_MAX / USECS_PER_HOUR - 1)
		return DTERR_FIELD_OVERFLOW;
	*usec = h * USECS_PER_HOUR + (int64_t)m * USECS_PER_MINUTE + (int64_t)s * USECS_PER_SEC + fs;
	return 0;
}

/* Numeric zone "+hh[:mm[:ss]]" / "+hhmm" → seconds WEST (PostgreSQL's sign). */
static int
decode_tz(const char *str, int *tzp)
{
	int hr, min = 0, sec = 0;
	char *cp;
	if (*str != '+' && *str != '-')
		return DTERR_BAD_FORMAT;
	if (!strtoint_c(str + 1, &cp, &hr))
		return DTERR_TZDISP_OVERFLOW;
	if (*cp == ':') {
		if (!strtoint_c(cp + 1, &cp, &min))
			return DTERR_TZDISP_OVERFLOW;
		if (*cp == ':' && !strtoint_c(cp + 1, &cp, &sec))
			return DTERR_TZDISP_OVERFLOW;
	} else if (*cp == '\0' && strlen(str) > 3) {
		min = hr % 100;
		hr = hr / 100;
	}
	if (hr < 0 || hr > 15 || min < 0 || min >= 60 || sec < 0 || sec >= 60)
		return DTERR_TZDISP_OVERFLOW;
	int tz = (hr * 60 + min) * 60 + sec;
	if (*str == '-')
		tz = -tz;
	*tzp = -tz;
	if (*cp != '\0')
		return DTERR_BAD_FORMAT;
	return 0;
}

static int
validate_date(int fmask, bool isjulian, bool is2digits, bool bc, ty_tm *tm)
{
	if (fmask & DTK_M(T_YEAR)) {
		if (isjulian) {
		} else if (bc) {
			if (tm->year <= 0)
				return DTERR_FIELD_OVERFLOW;
			tm->year = -(tm->year - 1);
		} else if (is2digits) {
			if (tm->year < 0)
				return DTERR_FIELD_OVERFLOW;
			if (tm->year < 70)
				tm->year += 2000;
			else if (tm->year < 100)
				tm->year += 1900;
		} else if (tm->year <= 0)
			return DTERR_FIELD_OVERFLOW;
	}
	if (fmask & DTK_M(T_DOY))
		ty_j2date(ty_date2j(tm->year, 1, 1) + tm->yday - 1, &tm->year, &tm->mon, &tm->mday);
	if ((fmask & DTK_M(T_MONTH)) && (tm->mon < 1 || tm->mon > 12))
		return DTERR_MD_FIELD_OVERFLOW;
	if ((fmask & DTK_M(T_DAY)) && (tm->mday < 1 || tm->mday > 31))
		return DTERR_MD_FIELD_OVERFLOW;
	if ((fmask & DTK_DATE_M) == DTK_DATE_M && tm->mday > ty_days_in_month(tm->year, tm->mon))
		return DTERR_FIELD_OVERFLOW;
	return 0;
}

bool
dt_time_overflows(int hour, int min, int sec, int64_t usec)
{
	if (hour < 0 || hour > 24 || min < 0 || min > 59 || sec < 0 || sec > 60 || usec < 0 ||
	    usec > USECS_PER_SEC)
		return true;
	return (((int64_t)hour * 60 + min) * 60 + sec) * USECS_PER_SEC + usec > USECS_PER_DAY;
}

/* The current date/time in the session zone (for now/today/...). */
static void
current_tm(ty_tm *tm, int *tzwest)
{
	ty_timestamp2tm(ty_xact_timestamp(), tm, true, NULL);
	if (tzwest)
		*tzwest = -tm->gmtoff;
}

/* Offset (seconds WEST) of local time tm in zone z. */
static int
zone_offset_west(const ty_tm *tm, const ty_tz *z, bool *isdst)
{
	int jd = ty_date2j(tm->year, tm->mon, tm->mday);
	int64_t local = ((int64_t)(jd - UNIX_EPOCH_JDATE)) * SECS_PER_DAY + tm->hour * 3600 +
	                tm->min * 60 + tm->sec;
	return -ty_tz_offset_local(z, local, isdst);
}

enum { MODE_DATETIME = 0, MODE_TIMEONLY = 1 };

/* PostgreSQL's DecodeDateTime / DecodeTimeOnly.  tzp (seconds west) may be NULL when the
 * type takes no zone.  Returns 0 or a DTERR; *dtype gets DTK_DATE_V or a special. */
static int
dt_decode(dt_fields *f, int mode, int *dtype, ty_tm *tm, int64_t *fsec, int *tzp, bool *have_tz)
{
	int fmask = 0, tmask, ptype = 0, mer = V_HR24;
	bool have_text_month = false, isjulian = false, is2digits = false, bc = false;
	const ty_tz *named = NULL;
	int tz = 0;
	memset(tm, 0, sizeof *tm);
	*fsec = 0;
	*dtype = DTK_DATE_V;
	*have_tz = false;
	for (int i = 0; i < f->nf; i++) {
		char *fld = f->field[i];
		int r;
		tmask = 0;
		switch (f->ftype[i]) {
		case DTK_DATE:
			if (ptype == DTK_JULIAN) {
				/* julian day with attached zone, e.g. J2451187-08 */
				char *cp;
				int val;
				if (tzp == NULL)
					return DTERR_BAD_FORMAT;
				if (!strtoint_c(fld, &cp, &val) || val < 0)
					return DTERR_FIELD_OVERFLOW;
				ty_j2date(val, &tm->year, &tm->mon, &tm->mday);
				isjulian = true;
				r = decode_tz(cp, &tz);
				if (r)
					return r;
				*have_tz = true;
				tmask = DTK_DATE_M | DTK_TIME_M | DTK_M(T_TZ);
				ptype = 0;
				break;
			}
			if (mode == MODE_TIMEONLY) {
				/* a date in a time value: decode and ignore it; or a zone name */
				if (i == 0 && f->nf >= 2 &&
				    (f->ftype[f->nf - 1] == DTK_DATE || f->ftype[1] == DTK_TIME)) {
					r = decode_date(fld, fmask, &tmask, &is2digits, tm);
					if (r)
						return r;
					break;
				}
				if (ty_isdigit((unsigned char)*fld)) {
					char *cp;
					if (tzp == NULL)
						return DTERR_BAD_FORMAT;
					if ((cp = strchr(fld, '-')) == NULL)
						return DTERR_BAD_FORMAT;
					r = decode_tz(cp, &tz);
					if (r)
						return r;
					*have_tz = true;
					*cp = '\0';
					r = decode_number_field((int)strlen(fld), fld, fmask | DTK_DATE_M, &tmask, tm,
					                        fsec, &is2digits);
					if (r < 0)
						return r;
					ptype = 0;
					tmask |= DTK_M(T_TZ);
				} else {
					if (tzp == NULL)
						return DTERR_BAD_FORMAT;
					named = ty_tz_lookup(fld);
					if (!named)
						ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "time zone \"%s\" not recognized",
						         fld);
					tmask = DTK_M(T_TZ);
				}
				break;
			}
			if (ptype != 0 || (fmask & (DTK_M(T_MONTH) | DTK_M(T_DAY))) ==
			                      (DTK_M(T_MONTH) | DTK_M(T_DAY))) {
				if (tzp == NULL)
					return DTERR_BAD_FORMAT;
				if (ty_isdigit((unsigned char)*fld) || ptype != 0) {
					char *cp;
					if (ptype != 0) {
						if (ptype != T_ISOTIME)
							return DTERR_BAD_FORMAT;
						ptype = 0;
					}
					if ((fmask & DTK_TIME_M) == DTK_TIME_M)
						return DTERR_BAD_FORMAT;
					if ((cp = strchr(fld, '-')) == NULL)
						return DTERR_BAD_FORMAT;
					r = decode_tz(cp, &tz);
					if (r)
						return r;
					*have_tz = true;
					*cp = '\0';
					r = decode_number_field((int)strlen(fld), fld, fmask, &tmask, tm, fsec,
					                        &is2digits);
					if (r < 0)
						return r;
					tmask |= DTK_M(T_TZ);
				} else {
					named = ty_tz_lookup(fld);
					if (!named)
						ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "time zone \"%s\" not recognized",
						         fld);
					tmask = DTK_M(T_TZ);
				}
			} else {
				r = decode_date(fld, fmask, &tmask, &is2digits, tm);
				if (r)
					return r;
			}
			break;

		case DTK_TIME: {
			if (ptype != 0) {
				if (ptype != T_ISOTIME)
					return DTERR_BAD_FORMAT;
				ptype = 0;
			}
			int64_t h;
			r = decode_time(fld, INTERVAL_FULL_RANGE, &tmask, &h, &tm->min, &tm->sec, fsec);
			if (r)
				return r;
			if (h > 24)
				return DTERR_FIELD_OVERFLOW;
			tm->hour = (int)h;
			if (dt_time_overflows(tm->hour, tm->min, tm->sec, *fsec))
				return DTERR_FIELD_OVERFLOW;
			break;
		}

		case DTK_TZ:
			if (tzp == NULL)
				return DTERR_BAD_FORMAT;
			r = decode_tz(fld, &tz);
			if (r)
				return r;
			*have_tz = true;
			tmask = DTK_M(T_TZ);
			break;

		case DTK_NUMBER: {
			int flen = (int)strlen(fld);
			if (ptype != 0) {
				char *cp;
				int val;
				if (!strtoint_c(fld, &cp, &val))
					return DTERR_FIELD_OVERFLOW;
				if (ptype == DTK_JULIAN) {
					if (val < 0)
						return DTERR_FIELD_OVERFLOW;
					tmask = DTK_DATE_M;
					ty_j2date(val, &tm->year, &tm->mon, &tm->mday);
					isjulian = true;
					if (*cp == '.') {
						double t = strtod(cp, &cp);
						if (*cp != '\0')
							return DTERR_BAD_FORMAT;
						int64_t us = (int64_t)rint(t * USECS_PER_DAY);
						tm->hour = (int)(us / USECS_PER_HOUR);
						us -= tm->hour * USECS_PER_HOUR;
						tm->min = (int)(us / USECS_PER_MINUTE);
						us -= tm->min * USECS_PER_MINUTE;
						tm->sec = (int)(us / USECS_PER_SEC);
						*fsec = us - tm->sec * USECS_PER_SEC;
						tmask |= DTK_TIME_M;
					} else if (*cp != '\0')
						return DTERR_BAD_FORMAT;
					ptype = 0;
					break;
				}
				if (ptype == T_ISOTIME) {
					/* hhmmss[.fff] after 'T' */
					tmask = DTK_TIME_M;
					if (flen < 4)
						return DTERR_BAD_FORMAT;
					r = decode_number_field(flen, fld, fmask | DTK_DATE_M, &tmask, tm, fsec,
					                        &is2digits);
					if (r < 0)
						return r;
					if (tmask != DTK_TIME_M)
						return DTERR_BAD_FORMAT;
					ptype = 0;
					break;
				}
				return DTERR_BAD_FORMAT;
			}
			char *cp = strchr(fld, '.');
			if (mode == MODE_DATETIME && cp != NULL && !(fmask & DTK_DATE_M)) {
				r = decode_date(fld, fmask, &tmask, &is2digits, tm);
				if (r)
					return r;
			} else if (cp != NULL && flen - (int)strlen(cp) > 2) {
				r = decode_number_field(flen, fld, fmask, &tmask, tm, fsec, &is2digits);
				if (r < 0)
					return r;
			} else if (mode == MODE_DATETIME && flen >= 6 &&
			           (!(fmask & DTK_DATE_M) || !(fmask & DTK_TIME_M))) {
				r = decode_number_field(flen, fld, fmask, &tmask, tm, fsec, &is2digits);
				if (r < 0)
					return r;
			} else if (mode == MODE_TIMEONLY && flen >= 4 && !(fmask & DTK_TIME_M)) {
				r = decode_number_field(flen, fld, fmask | DTK_DATE_M, &tmask, tm, fsec, &is2digits);
				if (r < 0)
					return r;
			} else if (mode == MODE_TIMEONLY && (fmask & DTK_TIME_M) == DTK_TIME_M &&
			           !(fmask & DTK_DATE_M) && flen >= 5) {
				r = decode_number_field(flen, fld, fmask, &tmask, tm, fsec, &is2digits);
				if (r < 0)
					return r;
			} else {
				r = decode_number(flen, fld, have_text_month, fmask, &tmask, tm, fsec, &is2digits);
				if (r)
					return r;
			}
			break;
		}

		case DTK_STRING:
		case DTK_SPECIAL: {
			int aoff;
			bool adst;
			const dtkw *k = NULL;
			int type, val = 0;
			if (ty_tz_abbrev(fld, &aoff, &adst)) {
				type = adst ? T_DTZ : T_TZ;
				val = aoff;
			} else if ((k = kw_find(datetk, (int)(sizeof datetk / sizeof datetk[0]), fld)) != NULL) {
				type = k->type;
				val = k->val;
			} else
				type = T_UNKNOWN;
			if (type == T_IGNORE)
				continue;
			tmask = DTK_M(type);
			switch (type) {
			case T_RESERV:
				switch (val) {
				case V_NOW: {
					tmask = DTK_DATE_M | DTK_TIME_M | DTK_M(T_TZ);
					*dtype = DTK_DATE_V;
					ty_tm cur;
					int tzw;
					current_tm(&cur, &tzw);
					int64_t keep_fsec = cur.usec;
					*tm = cur;
					*fsec = keep_fsec;
					tz = tzw;
					*have_tz = true;
					break;
				}
				case V_YESTERDAY:
				case V_TODAY:
				case V_TOMORROW: {
					ty_tm cur;
					tmask = DTK_DATE_M;
					*dtype = DTK_DATE_V;
					current_tm(&cur, NULL);
					int delta = val == V_YESTERDAY ? -1 : val == V_TOMORROW ? 1 : 0;
					ty_j2date(ty_date2j(cur.year, cur.mon, cur.mday) + delta, &tm->year, &tm->mon,
					          &tm->mday);
					break;
				}
				case V_ZULU:
					tmask = DTK_TIME_M | DTK_M(T_TZ);
					*dtype = DTK_DATE_V;
					tm->hour = tm->min = tm->sec = 0;
					tz = 0;
					*have_tz = tzp != NULL;
					break;
				default: /* epoch, infinity, -infinity */
					tmask = DTK_DATE_M | DTK_TIME_M | DTK_M(T_TZ);
					*dtype = val == V_EPOCH ? DTK_EPOCH_V : val == V_LATE ? DTK_LATE_V : DTK_EARLY_V;
					break;
				}
				break;
			case T_MONTH:
				if ((fmask & DTK_M(T_MONTH)) && !have_text_month && !(fmask & DTK_M(T_DAY)) &&
				    tm->mon >= 1 && tm->mon <= 31) {
					tm->mday = tm->mon;
					tmask = DTK_M(T_DAY);
				}
				have_text_month = true;
				tm->mon = val;
				break;
			case T_DTZMOD:
				tmask |= DTK_M(T_DTZ);
				tm->isdst = 1;
				if (tzp == NULL)
					return DTERR_BAD_FORMAT;
				tz -= val;
				break;
			case T_DTZ:
				tmask |= DTK_M(T_TZ);
				tm->isdst = 1;
				if (tzp == NULL)
					return DTERR_BAD_FORMAT;
				tz = -val;
				*have_tz = true;
				break;
			case T_TZ:
				tm->isdst = 0;
				if (tzp == NULL)
					return DTERR_BAD_FORMAT;
				tz = -val;
				*have_tz = true;
				break;
			case T_AMPM:
				mer = val;
				break;
			case T_ADBC:
				bc = val == V_BC;
				break;
			case T_DOW:
				tm->wday = val;
				break;
			case T_UNITS:
				tmask = 0;
				ptype = val;
				break;
			case T_ISOTIME:
				tmask = 0;
				if (mode == MODE_DATETIME && (fmask & DTK_DATE_M) != DTK_DATE_M)
					return DTERR_BAD_FORMAT;
				if (i >= f->nf - 1 ||
				    (f->ftype[i + 1] != DTK_NUMBER && f->ftype[i + 1] != DTK_TIME &&
				     f->ftype[i + 1] != DTK_DATE))
					return DTERR_BAD_FORMAT;
				ptype = T_ISOTIME;
				break;
			default: /* unknown: maybe an all-alpha zone name */
				if (tzp == NULL)
					return DTERR_BAD_FORMAT;
				named = ty_tz_lookup(fld);
				if (!named)
					return DTERR_BAD_FORMAT;
				tmask = DTK_M(T_TZ);
				break;
			}
			break;
		}
		default:
			return DTERR_BAD_FORMAT;
		}
		if (tmask & fmask)
			return DTERR_BAD_FORMAT;
		fmask |= tmask;
	}

	if (mode == MODE_TIMEONLY) {
		int r = validate_date(fmask, isjulian, is2digits, bc, tm);
		if (r)
			return r;
		if (mer != V_HR24 && tm->hour > 12)
			return DTERR_FIELD_OVERFLOW;
		if (mer == V_AM && tm->hour == 12)
			tm->hour = 0;
		else if (mer == V_PM && tm->hour != 12)
			tm->hour += 12;
		if (dt_time_overflows(tm->hour, tm->min, tm->sec, *fsec))
			return DTERR_FIELD_OVERFLOW;
		if ((fmask & DTK_TIME_M) != DTK_TIME_M && *dtype == DTK_DATE_V)
			return DTERR_BAD_FORMAT;
		if (tzp) {
			if (named) {
				/* need a date to resolve the zone's rules */
				if ((fmask & DTK_DATE_M) != DTK_DATE_M)
					return DTERR_BAD_FORMAT;
				tz = zone_offset_west(tm, named, NULL);
				*have_tz = true;
			} else if (!*have_tz) {
				ty_tm cur;
				current_tm(&cur, NULL);
				if ((fmask & DTK_DATE_M) != DTK_DATE_M) {
					tm->year = cur.year;
					tm->mon = cur.mon;
					tm->mday = cur.mday;
				}
				tz = zone_offset_west(tm, ty_tz_session(), NULL);
			}
			*tzp = tz;
		}
		return 0;
	}

	if (*dtype != DTK_DATE_V)
		return 0; /* epoch, infinity, -infinity: the fields do not matter */
	int r = validate_date(fmask, isjulian, is2digits, bc, tm);
	if (r)
		return r;
	if (mer != V_HR24 && tm->hour > 12)
		return DTERR_FIELD_OVERFLOW;
	if (mer == V_AM && tm->hour == 12)
		tm->hour = 0;
	else if (mer == V_PM && tm->hour != 12)
		tm->hour += 12;
	if (*dtype == DTK_DATE_V) {
		if ((fmask & DTK_DATE_M) != DTK_DATE_M) {
			if ((fmask & DTK_TIME_M) == DTK_TIME_M)
				return 1; /* time without date */
			return DTERR_BAD_FORMAT;
		}
		if (named) {
			if (fmask & DTK_M(T_DTZMOD))
				return DTERR_BAD_FORMAT;
			tz = zone_offset_west(tm, named, NULL);
			*have_tz = true;
		}
		if (tzp && !(fmask & DTK_M(T_TZ))) {
			if (fmask & DTK_M(T_DTZMOD))
				return DTERR_BAD_FORMAT;
			tz = zone_offset_west(tm, ty_tz_session(), NULL);
		}
	}
	if (tzp)
		*tzp = tz;
	return 0;
}

/* ---- timestamp <-> tm ------------------------------------------------------------------------- */

int64_t
dt_unix_secs(Timestamp t)
{
	int64_t s = t >= 0 ? t / USECS_PER_SEC : -((-t + USECS_PER_SEC - 1) / USECS_PER_SEC);
	return s + (int64_t)(POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY;
}

static const ty_tz *
zone_named(const char *tzname)
{
	if (!tzname)
		return ty_tz_session();
	const ty_tz *z = ty_tz_lookup(tzname);
	if (!z)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "time zone \"%s\" not recognized", tzname);
	return z;
}

bool
ty_timestamp2tm(Timestamp ts, ty_tm *tm, bool use_tz, const char *tzname)
{
	memset(tm, 0, sizeof *tm);
	if (use_tz) {
		const ty_tz *z = zone_named(tzname);
		bool isdst;
		const char *abbr;
		int off = ty_tz_offset_utc(z, dt_unix_secs(ts), &abbr, &isdst);
		tm->gmtoff = off;
		tm->isdst = isdst;
		tm->zone = abbr;
		if (__builtin_add_overflow(ts, (int64_t)off * USECS_PER_SEC, &ts))
			return false;
	}
	int64_t date = ts / USECS_PER_DAY;
	int64_t time = ts - date * USECS_PER_DAY;
	if (time < 0) {
		time += USECS_PER_DAY;
		date -= 1;
	}
	date += POSTGRES_EPOCH_JDATE;
	if (date < 0 || date > INT32_MAX)
		return false;
	ty_j2date((int)date, &tm->year, &tm->mon, &tm->mday);
	tm->wday = ty_j2day((int)date);
	tm->yday = (int)date - ty_date2j(tm->year, 1, 1) + 1;
	tm->hour = (int)(time / USECS_PER_HOUR);
	time -= tm->hour * USECS_PER_HOUR;
	tm->min = (int)(time / USECS_PER_MINUTE);
	time -= tm->min * USECS_PER_MINUTE;
	tm->sec = (int)(time / USECS_PER_SEC);
	tm->usec = time - tm->sec * USECS_PER_SEC;
	return true;
}

bool
ty_tm2timestamp(const ty_tm *tm, Timestamp *out)
{
	if (!IS_VALID_JULIAN(tm->year, tm->mon, tm->mday))
		return false;
	int64_t date = ty_date2j(tm->year, tm->mon, tm->mday) - POSTGRES_EPOCH_JDATE;
	int64_t time = (((int64_t)tm->hour * 60 + tm->min) * 60 + tm->sec) * USECS_PER_SEC + tm->usec;
	int64_t r;
	if (__builtin_mul_overflow(date, USECS_PER_DAY, &r) || __builtin_add_overflow(r, time, &r))
		return false;
	if (!IS_VALID_TIMESTAMP(r))
		return false;
	*out = r;
	return true;
}

int
ty_tz_local_offset(const ty_tm *tm, const char *tzname)
{
	return -zone_offset_west(tm, zone_named(tzname), NULL);
}

/* Local broken-down time in a zone → UTC timestamp; 22008 when out of range. */
Timestamp
dt_local_to_utc(const ty_tm *tm, const char *tzname, int *gmtoff)
{
	Timestamp local;
	if (!ty_tm2timestamp(tm, &local))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	int off = ty_tz_local_offset(tm, tzname);
	if (gmtoff)
		*gmtoff = off;
	Timestamp r = local - (int64_t)off * USECS_PER_SEC;
	if (!IS_VALID_TIMESTAMP(r))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	return r;
}

Timestamp
dt_check_timestamp(Timestamp t)
{
	if (!TIMESTAMP_NOT_FINITE(t) && !IS_VALID_TIMESTAMP(t))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	return t;
}

/* ---- encoding ------------------------------------------------------------------------------- */

static void
put2(ty_buf *b, int v)
{
	char x[2] = {(char)('0' + v / 10 % 10), (char)('0' + v % 10)};
	ty_buf_append(b, x, 2);
}

static void
put_year(ty_buf *b, int year)
{
	int y = year > 0 ? year : -(year - 1);
	if (y < 10000) {
		char x[4] = {(char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
		             (char)('0' + y % 10)};
		ty_buf_append(b, x, 4);
	} else
		ty_buf_printf(b, "%d", y);
}

static void
put_frac(ty_buf *b, int64_t usec)
{
	if (usec == 0)
		return;
	char x[8];
	int n = 7;
	x[0] = '.';
	for (int i = 6; i >= 1; i--) {
		x[i] = (char)('0' + usec % 10);
		usec /= 10;
	}
	while (n > 1 && x[n - 1] == '0')
		n--;
	ty_buf_append(b, x, n);
}

void
dt_encode_time(ty_buf *b, int hour, int min, int sec, int64_t usec)
{
	put2(b, hour);
	ty_buf_putc(b, ':');
	put2(b, min);
	ty_buf_putc(b, ':');
	put2(b, sec);
	put_frac(b, usec);
}

void
dt_encode_tz(ty_buf *b, int east)
{
	int a = east < 0 ? -east : east;
	ty_buf_putc(b, east < 0 ? '-' : '+');
	put2(b, a / 3600);
	if (a % 3600) {
		ty_buf_putc(b, ':');
		put2(b, (a / 60) % 60);
		if (a % 60) {
			ty_buf_putc(b, ':');
			put2(b, a % 60);
		}
	}
}

void
dt_encode_date(ty_buf *b, int year, int mon, int mday, int style)
{
	int order = dt_dateorder();
	switch (style) {
	case USE_SQL_DATES:
		if (order == DATEORDER_DMY) {
			put2(b, mday);
			ty_buf_putc(b, '/');
			put2(b, mon);
		} else {
			put2(b, mon);
			ty_buf_putc(b, '/');
			put2(b, mday);
		}
		ty_buf_putc(b, '/');
		put_year(b, year);
		break;
	case USE_GERMAN_DATES:
		put2(b, mday);
		ty_buf_putc(b, '.');
		put2(b, mon);
		ty_buf_putc(b, '.');
		put_year(b, year);
		break;
	case USE_POSTGRES_DATES:
		if (order == DATEORDER_DMY) {
			put2(b, mday);
			ty_buf_putc(b, '-');
			put2(b, mon);
		} else {
			put2(b, mon);
			ty_buf_putc(b, '-');
			put2(b, mday);
		}
		ty_buf_putc(b, '-');
		put_year(b, year);
		break;
	default:
		put_year(b, year);
		ty_buf_putc(b, '-');
		put2(b, mon);
		ty_buf_putc(b, '-');
		put2(b, mday);
	}
	if (year <= 0)
		ty_buf_puts(b, " BC");
}

static const char *const day_abbr[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const mon_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void
dt_encode_timestamp(ty_buf *b, const ty_tm *tm, bool print_tz, int style)
{
	switch (style) {
	case USE_SQL_DATES:
	case USE_GERMAN_DATES:
		if (style == USE_GERMAN_DATES) {
			put2(b, tm->mday);
			ty_buf_putc(b, '.');
			put2(b, tm->mon);
			ty_buf_putc(b, '.');
		} else if (dt_dateorder() == DATEORDER_DMY) {
			put2(b, tm->mday);
			ty_buf_putc(b, '/');
			put2(b, tm->mon);
			ty_buf_putc(b, '/');
		} else {
			put2(b, tm->mon);
			ty_buf_putc(b, '/');
			put2(b, tm->mday);
			ty_buf_putc(b, '/');
		}
		put_year(b, tm->year);
		ty_buf_putc(b, ' ');
		dt_encode_time(b, tm->hour, tm->min, tm->sec, tm->usec);
		if (print_tz) {
			if (tm->zone && tm->zone[0]) {
				ty_buf_putc(b, ' ');
				ty_buf_puts(b, tm->zone);
			} else
				dt_encode_tz(b, tm->gmtoff);
		}
		break;
	case USE_POSTGRES_DATES:
		ty_buf_puts(b, day_abbr[tm->wday]);
		ty_buf_putc(b, ' ');
		if (dt_dateorder() == DATEORDER_DMY) {
			put2(b, tm->mday);
			ty_buf_putc(b, ' ');
			ty_buf_puts(b, mon_abbr[tm->mon - 1]);
		} else {
			ty_buf_puts(b, mon_abbr[tm->mon - 1]);
			ty_buf_putc(b, ' ');
			put2(b, tm->mday);
		}
		ty_buf_putc(b, ' ');
		dt_encode_time(b, tm->hour, tm->min, tm->sec, tm->usec);
		ty_buf_putc(b, ' ');
		put_year(b, tm->year);
		if (print_tz) {
			if (tm->zone && tm->zone[0]) {
				ty_buf_putc(b, ' ');
				ty_buf_puts(b, tm->zone);
			} else {
				ty_buf_putc(b, ' ');
				dt_encode_tz(b, tm->gmtoff);
			}
		}
		break;
	default:
		put_year(b, tm->year);
		ty_buf_putc(b, '-');
		put2(b, tm->mon);
		ty_buf_putc(b, '-');
		put2(b, tm->mday);
		ty_buf_putc(b, ' ');
		dt_encode_time(b, tm->hour, tm->min, tm->sec, tm->usec);
		if (print_tz)
			dt_encode_tz(b, tm->gmtoff);
	}
	if (tm->year <= 0)
		ty_buf_puts(b, " BC");
}

/* ---- typmod rounding of fractional seconds ------------------------------------------------ */

static const int64_t scales[7] = {1000000, 100000, 10000, 1000, 100, 10, 1};

void
dt_adjust_time_typmod(int64_t *t, int32_t typmod)
{
	if (typmod < 0 || typmod >= 6)
		return;
	int64_t sc = scales[typmod], off = sc / 2;
	if (*t >= 0)
		*t = ((*t + off) / sc) * sc;
	else
		*t = -(((-*t + off) / sc) * sc);
}

static int32_t
precision_modin(const int32_t *m, int n, const char *tname, bool tz)
{
	if (n != 1)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "invalid type modifier");
	if (m[0] < 0)
		ph_error(ERRCODE_INVALID_PARAMETER_VALUE, "%s(%d)%s precision must not be negative", tname,
		         m[0], tz ? " WITH TIME ZONE" : "");
	return m[0] > 6 ? 6 : m[0];
}

int32_t
ty_time_modin(const int32_t *m, int n)
{
	return precision_modin(m, n, "TIME", false);
}

int32_t
ty_timestamp_modin(const int32_t *m, int n)
{
	return precision_modin(m, n, "TIMESTAMP", false);
}

void
ty_time_modout(ty_buf *b, int32_t tm)
{
	if (tm >= 0)
		ty_buf_printf(b, "(%d)", tm);
	ty_buf_puts(b, " without time zone");
}

void
ty_timetz_modout(ty_buf *b, int32_t tm)
{
	if (tm >= 0)
		ty_buf_printf(b, "(%d)", tm);
	ty_buf_puts(b, " with time zone");
}

void
ty_timestamp_modout(ty_buf *b, int32_t tm)
{
	ty_time_modout(b, tm);
}

void
ty_timestamptz_modout(ty_buf *b, int32_t tm)
{
	ty_timetz_modout(b, tm);
}

/* ---- date ---------------------------------------------------------------------------------- */

Datum
ty_date_in(const char *s, Oid t, int32_t typmod)
{
	dt_fields f;
	ty_tm tm;
	int64_t fsec;
	int dtype, tz = 0;
	bool have_tz;
	if (strlen(s) >= MAXDATELEN)
		dt_error(DTERR_BAD_FORMAT, s, "date");
	int r = dt_tokenize(s, &f);
	if (r == 0)
		r = dt_decode(&f, MODE_DATETIME, &dtype, &tm, &fsec, &tz, &have_tz);
	if (r)
		dt_error(r, s, "date");
	switch (dtype) {
	case DTK_EPOCH_V:
		return (Datum)(int64_t)(UNIX_EPOCH_JDATE - POSTGRES_EPOCH_JDATE);
	case DTK_LATE_V:
		return (Datum)(int64_t)DATEVAL_NOEND;
	case DTK_EARLY_V:
		return (Datum)(int64_t)DATEVAL_NOBEGIN;
	default:
		break;
	}
	if (!IS_VALID_JULIAN(tm.year, tm.mon, tm.mday))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date out of range: \"%s\"", s);
	int64_t d = (int64_t)ty_date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(d))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date out of range: \"%s\"", s);
	return (Datum)(int64_t)(int32_t)d;
}

void
ty_date_out(ty_buf *b, Datum v, Oid t)
{
	DateADT d = (DateADT)(int32_t)v;
	if (d == DATEVAL_NOBEGIN) {
		ty_buf_puts(b, "-infinity");
		return;
	}
	if (d == DATEVAL_NOEND) {
		ty_buf_puts(b, "infinity");
		return;
	}
	int y, m, dd;
	ty_j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
	dt_encode_date(b, y, m, dd, dt_datestyle());
}

Datum
ty_date_recv(const char *d, int n, Oid t, int32_t tm)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	int32_t v = (int32_t)ty_rd32(&r);
	ty_rd_end(&r);
	if (!DATE_NOT_FINITE(v) && !IS_VALID_DATE(v))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date out of range");
	return (Datum)(int64_t)v;
}

void
ty_date_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_put32(b, (uint32_t)(int32_t)v);
}

int
ty_cmp_date(Datum a, Datum b)
{
	int32_t x = (int32_t)a, y = (int32_t)b;
	return (x > y) - (x < y);
}

uint32_t
ty_hash_date(Datum a)
{
	return ty_hash_uint64((uint64_t)(int64_t)(int32_t)a);
}

/* ---- time ------------------------------------------------------------------------------------ */

Datum
ty_time_in(const char *s, Oid t, int32_t typmod)
{
	dt_fields f;
	ty_tm tm;
	int64_t fsec;
	int dtype, tz = 0;
	bool have_tz;
	if (strlen(s) >= MAXDATELEN)
		dt_error(DTERR_BAD_FORMAT, s, "time");
	int r = dt_tokenize(s, &f);
	if (r == 0)
		r = dt_decode(&f, MODE_TIMEONLY, &dtype, &tm, &fsec, &tz, &have_tz);
	if (r)
		dt_error(r, s, "time");
	int64_t v = (((int64_t)tm.hour * 60 + tm.min) * 60 + tm.sec) * USECS_PER_SEC + fsec;
	dt_adjust_time_typmod(&v, typmod);
	return (Datum)v;
}

void
ty_time_out(ty_buf *b, Datum v, Oid t)
{
	int64_t x = (int64_t)v;
	int h = (int)(x / USECS_PER_HOUR);
	x -= h * USECS_PER_HOUR;
	int m = (int)(x / USECS_PER_MINUTE);
	x -= m * USECS_PER_MINUTE;
	int s = (int)(x / USECS_PER_SEC);
	dt_encode_time(b, h, m, s, x - s * USECS_PER_SEC);
}

Datum
ty_time_recv(const char *d, int n, Oid t, int32_t typmod)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	int64_t v = (int64_t)ty_rd64(&r);
	ty_rd_end(&r);
	if (v < 0 || v > USECS_PER_DAY)
		ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, "time out of range");
	dt_adjust_time_typmod(&v, typmod);
	return (Datum)v;
}

void
ty_time_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_put64(b, (uint64_t)v);
}

int
ty_cmp_time(Datum a, Datum b)
{
	int64_t x = (int64_t)a, y = (int64_t)b;
	return (x > y) - (x < y);
}

uint32_t
ty_hash_time(Datum a)
{
	return ty_hash_uint64((uint64_t)a);
}

/* ---- timetz --------------------------------------------------------------------------------- */

static void
timetz_get(Datum v, TimeTzADT *out)
{
	const char *p = DatumGetPointer(v);
	memcpy(&out->time, p, 8);
	memcpy(&out->zone, p + 8, 4);
}

Datum ty_timetz_make(int64_t time, int32_t zone_west);
Datum
ty_timetz_make(int64_t time, int32_t zone_west)
{
	char *p = palloc(16);
	memcpy(p, &time, 8);
	memcpy(p + 8, &zone_west, 4);
	memset(p + 12, 0, 4);
	return PointerGetDatum(p);
}

Datum
ty_timetz_in(const char *s, Oid t, int32_t typmod)
{
	dt_fields f;
	ty_tm tm;
	int64_t fsec;
	int dtype, tz = 0;
	bool have_tz;
	if (strlen(s) >= MAXDATELEN)
		dt_error(DTERR_BAD_FORMAT, s, "time with time zone");
	int r = dt_tokenize(s, &f);
	if (r == 0)
		r = dt_decode(&f, MODE_TIMEONLY, &dtype, &tm, &fsec, &tz, &have_tz);
	if (r)
		dt_error(r, s, "time with time zone");
	int64_t v = (((int64_t)tm.hour * 60 + tm.min) * 60 + tm.sec) * USECS_PER_SEC + fsec;
	dt_adjust_time_typmod(&v, typmod);
	return ty_timetz_make(v, tz);
}

void
ty_timetz_out(ty_buf *b, Datum v, Oid t)
{
	TimeTzADT x;
	timetz_get(v, &x);
	ty_time_out(b, (Datum)x.time, TIMEOID);
	dt_encode_tz(b, -x.zone);
}

Datum
ty_timetz_recv(const char *d, int n, Oid t, int32_t typmod)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	int64_t v = (int64_t)ty_rd64(&r);
	int32_t z = (int32_t)ty_rd32(&r);
	ty_rd_end(&r);
	if (v < 0 || v > USECS_PER_DAY)
		ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, "time out of range");
	if (z < -15 * 3600 - 59 * 60 - 59 || z > 15 * 3600 + 59 * 60 + 59)
		ph_error(ERRCODE_INVALID_TIME_ZONE_DISPLACEMENT_VALUE, "time zone displacement out of range");
	dt_adjust_time_typmod(&v, typmod);
	return ty_timetz_make(v, z);
}

void
ty_timetz_send(ty_buf *b, Datum v, Oid t)
{
	TimeTzADT x;
	timetz_get(v, &x);
	ty_buf_put64(b, (uint64_t)x.time);
	ty_buf_put32(b, (uint32_t)x.zone);
}

int
ty_cmp_timetz(Datum a, Datum b)
{
	TimeTzADT x, y;
	timetz_get(a, &x);
	timetz_get(b, &y);
	/* PostgreSQL: compare the UTC-equivalent time first, then the zone */
	int64_t ux = x.time + (int64_t)x.zone * USECS_PER_SEC, uy = y.time + (int64_t)y.zone * USECS_PER_SEC;
	if (ux != uy)
		return ux < uy ? -1 : 1;
	if (x.zone != y.zone)
		return x.zone > y.zone ? 1 : -1;
	return 0;
}

uint32_t
ty_hash_timetz(Datum a)
{
	TimeTzADT x;
	timetz_get(a, &x);
	return ty_hash_combine(ty_hash_uint64((uint64_t)x.time), ty_hash_uint64((uint32_t)x.zone));
}

/* ---- timestamp / timestamptz ---------------------------------------------------------------- */

static Datum
timestamp_in_common(const char *s, int32_t typmod, bool with_tz)
{
	const char *tname = with_tz ? "timestamp with time zone" : "timestamp";
	dt_fields f;
	ty_tm tm;
	int64_t fsec;
	int dtype, tz = 0;
	bool have_tz;
	if (strlen(s) >= MAXDATELEN)
		dt_error(DTERR_BAD_FORMAT, s, tname);
	int r = dt_tokenize(s, &f);
	if (r == 0)
		r = dt_decode(&f, MODE_DATETIME, &dtype, &tm, &fsec, &tz, &have_tz);
	/* timestamp without time zone accepts and ignores a zone, as PostgreSQL does */
	if (r)
		dt_error(r, s, tname);
	Timestamp result;
	switch (dtype) {
	case DTK_EPOCH_V:
		result = (Timestamp)(UNIX_EPOCH_JDATE - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY;
		break;
	case DTK_LATE_V:
		return (Datum)DT_NOEND;
	case DTK_EARLY_V:
		return (Datum)DT_NOBEGIN;
	default:
		tm.usec = fsec;
		if (!ty_tm2timestamp(&tm, &result))
			ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"%s\"", s);
		if (with_tz) {
			result += (int64_t)tz * USECS_PER_SEC;
			if (!IS_VALID_TIMESTAMP(result))
				ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"%s\"", s);
		}
	}
	dt_adjust_time_typmod(&result, typmod);
	return (Datum)result;
}

Datum
ty_timestamp_in(const char *s, Oid t, int32_t typmod)
{
	return timestamp_in_common(s, typmod, false);
}

Datum
ty_timestamptz_in(const char *s, Oid t, int32_t typmod)
{
	return timestamp_in_common(s, typmod, true);
}

static bool
encode_special(ty_buf *b, Timestamp ts)
{
	if (ts == DT_NOBEGIN) {
		ty_buf_puts(b, "-infinity");
		return true;
	}
	if (ts == DT_NOEND) {
		ty_buf_puts(b, "infinity");
		return true;
	}
	return false;
}

void
ty_timestamp_out(ty_buf *b, Datum v, Oid t)
{
	Timestamp ts = (Timestamp)v;
	if (encode_special(b, ts))
		return;
	ty_tm tm;
	if (!ty_timestamp2tm(ts, &tm, false, NULL))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	dt_encode_timestamp(b, &tm, false, dt_datestyle());
}

void
ty_timestamptz_out(ty_buf *b, Datum v, Oid t)
{
	Timestamp ts = (Timestamp)v;
	if (encode_special(b, ts))
		return;
	ty_tm tm;
	if (!ty_timestamp2tm(ts, &tm, true, NULL))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	dt_encode_timestamp(b, &tm, true, dt_datestyle());
}

Datum
ty_timestamp_recv(const char *d, int n, Oid t, int32_t typmod)
{
	ty_rd r;
	ty_rd_init(&r, d, n);
	int64_t v = (int64_t)ty_rd64(&r);
	ty_rd_end(&r);
	if (!TIMESTAMP_NOT_FINITE(v) && !IS_VALID_TIMESTAMP(v))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	dt_adjust_time_typmod(&v, typmod);
	return (Datum)v;
}

void
ty_timestamp_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_put64(b, (uint64_t)v);
}

Datum
ty_timestamptz_recv(const char *d, int n, Oid t, int32_t typmod)
{
	return ty_timestamp_recv(d, n, t, typmod);
}

void
ty_timestamptz_send(ty_buf *b, Datum v, Oid t)
{
	ty_buf_put64(b, (uint64_t)v);
}

/* ---- conversions ------------------------------------------------------------------------------ */

Timestamp
ty_date2timestamp(DateADT d)
{
	if (d == DATEVAL_NOBEGIN)
		return DT_NOBEGIN;
	if (d == DATEVAL_NOEND)
		return DT_NOEND;
	if (d >= (TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date out of range for timestamp");
	return (Timestamp)d * USECS_PER_DAY;
}

Timestamp
ty_date2timestamptz(DateADT d)
{
	if (DATE_NOT_FINITE(d))
		return ty_date2timestamp(d);
	if (d >= (TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date out of range for timestamp");
	ty_tm tm;
	memset(&tm, 0, sizeof tm);
	ty_j2date(d + POSTGRES_EPOCH_JDATE, &tm.year, &tm.mon, &tm.mday);
	int off = ty_tz_local_offset(&tm, NULL);
	Timestamp r = (Timestamp)d * USECS_PER_DAY - (int64_t)off * USECS_PER_SEC;
	if (!IS_VALID_TIMESTAMP(r))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "date out of range for timestamp");
	return r;
}

DateADT
ty_timestamp2date(Timestamp t)
{
	if (t == DT_NOBEGIN)
		return DATEVAL_NOBEGIN;
	if (t == DT_NOEND)
		return DATEVAL_NOEND;
	ty_tm tm;
	if (!ty_timestamp2tm(t, &tm, false, NULL))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	return ty_date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE;
}

DateADT
ty_timestamptz2date(Timestamp t)
{
	if (TIMESTAMP_NOT_FINITE(t))
		return ty_timestamp2date(t);
	ty_tm tm;
	if (!ty_timestamp2tm(t, &tm, true, NULL))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	return ty_date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE;
}

Timestamp
ty_timestamp2timestamptz(Timestamp t)
{
	if (TIMESTAMP_NOT_FINITE(t))
		return t;
	ty_tm tm;
	if (!ty_timestamp2tm(t, &tm, false, NULL))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	return dt_local_to_utc(&tm, NULL, NULL);
}

Timestamp
ty_timestamptz2timestamp(Timestamp t)
{
	if (TIMESTAMP_NOT_FINITE(t))
		return t;
	ty_tm tm;
	if (!ty_timestamp2tm(t, &tm, true, NULL))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	Timestamp r;
	if (!ty_tm2timestamp(&tm, &r))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	return r;
}

TimeADT
ty_timestamp2time(Timestamp t)
{
	ty_tm tm;
	if (!ty_timestamp2tm(t, &tm, false, NULL))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	return (((int64_t)tm.hour * 60 + tm.min) * 60 + tm.sec) * USECS_PER_SEC + tm.usec;
}

TimeADT
ty_timestamptz2time(Timestamp t)
{
	ty_tm tm;
	if (!ty_timestamp2tm(t, &tm, true, NULL))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	return (((int64_t)tm.hour * 60 + tm.min) * 60 + tm.sec) * USECS_PER_SEC + tm.usec;
}

/* ---- timestamp +/- interval ------------------------------------------------------------------ */

Timestamp
ty_timestamp_pl_interval(Timestamp t, const Interval *iv, bool tz)
{
	if (TIMESTAMP_NOT_FINITE(t))
		return t;
	if (iv->month != 0) {
		ty_tm tm;
		if (!ty_timestamp2tm(t, &tm, tz, NULL))
			ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
		int64_t mon = (int64_t)tm.mon + iv->month;
		int64_t year = tm.year;
		if (mon > 12) {
			year += (mon - 1) / 12;
			mon = (mon - 1) % 12 + 1;
		} else if (mon < 1) {
			year += mon / 12 - 1;
			mon = mon % 12 + 12;
		}
		if (year > INT32_MAX || year < INT32_MIN)
			ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
		tm.year = (int)year;
		tm.mon = (int)mon;
		int dim = ty_days_in_month(tm.year, tm.mon);
		if (tm.mday > dim)
			tm.mday = dim;
		if (tz)
			t = dt_local_to_utc(&tm, NULL, NULL);
		else if (!ty_tm2timestamp(&tm, &t))
			ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	}
	if (iv->day != 0) {
		ty_tm tm;
		if (!ty_timestamp2tm(t, &tm, tz, NULL))
			ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
		int64_t jd = (int64_t)ty_date2j(tm.year, tm.mon, tm.mday) + iv->day;
		if (jd < 0 || jd > INT32_MAX)
			ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
		ty_j2date((int)jd, &tm.year, &tm.mon, &tm.mday);
		if (tz)
			t = dt_local_to_utc(&tm, NULL, NULL);
		else if (!ty_tm2timestamp(&tm, &t))
			ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	}
	if (__builtin_add_overflow(t, iv->time, &t) || !IS_VALID_TIMESTAMP(t))
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "timestamp out of range");
	return t;
}

Timestamp
ty_timestamp_mi_interval(Timestamp t, const Interval *iv, bool tz)
{
	Interval n;
	if (iv->month == INT32_MIN || iv->day == INT32_MIN || iv->time == INT64_MIN)
		ph_error(ERRCODE_DATETIME_FIELD_OVERFLOW, "interval out of range");
	n.month = -iv->month;
	n.day = -iv->day;
	n.time = -iv->time;
	return ty_timestamp_pl_interval(t, &n, tz);
}
