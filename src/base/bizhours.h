#ifndef BASE_BIZHOURS_H
#define BASE_BIZHOURS_H

#include <stdint.h>

#include "base/err.h"

/*
 * Business time for webcare response times (docs/webcare.md): opening hours
 * per weekday with several periods (split shifts, lunch gaps), holidays, in
 * Europe/Amsterdam local time.  The offset is computed from the EU rule
 * (CEST from the last Sunday of March 01:00 UTC to the last Sunday of
 * October 01:00 UTC, in force since 1996), so there is no TZ state: pure and
 * thread-safe.  A local time that does not exist (the spring gap) maps to the
 * instant an hour later on the wall; one that exists twice (autumn) to the
 * first.  Instants are seconds since the Unix epoch, UTC.
 *
 * Snoozed or closed stretches are the caller's: count each open interval with
 * biz_seconds and add, or use biz_seconds_except.
 */

#define BIZ_MAX_PERIODS 8    /* per weekday */
#define BIZ_MAX_HOLIDAYS 128

struct biz_period { int16_t start, end; };   /* minutes after local midnight, start < end <= 1440 */

struct biz_hours {                           /* zero-initialised = never open */
	struct biz_period day[7][BIZ_MAX_PERIODS];   /* 0 = Monday .. 6 = Sunday, sorted */
	int nper[7];
	int32_t holiday[BIZ_MAX_HOLIDAYS];           /* local dates, days since 1970-01-01, sorted */
	int nholiday;
};

struct biz_span { int64_t from, to; };           /* [from, to) in UTC seconds */

/*
 * Open on `weekday` (0 = Monday) from start_min to end_min (minutes after
 * local midnight; 24:00 = 1440).  end_min <= start_min runs past midnight: the
 * part after it belongs to the next weekday (and to that date's holidays).
 * ERR_INVAL for bad values or an overlap with a period already there,
 * ERR_TOOBIG when the day is full.
 */
int biz_add_period(struct biz_hours *h, int weekday, int start_min, int end_min) WARN_UNUSED;
/* Closed all (local) day on this date.  ERR_INVAL for a bad date, ERR_TOOBIG when full. */
int biz_add_holiday(struct biz_hours *h, int year, int month, int day) WARN_UNUSED;

/* Business seconds in [from, to); 0 when to <= from. */
int64_t biz_seconds(const struct biz_hours *h, int64_t from, int64_t to);
/* The same minus what lies in the given spans (which may overlap each other). */
int64_t biz_seconds_except(const struct biz_hours *h, int64_t from, int64_t to,
                           const struct biz_span *skip, int nskip);
/*
 * The instant at which `secs` business seconds have passed since `from`
 * (from itself when secs <= 0).  ERR_NOTFOUND when the hours give no such
 * time within ten years (never open, or every day a holiday).
 */
int biz_deadline(const struct biz_hours *h, int64_t from, int64_t secs, int64_t *out) WARN_UNUSED;

/* Europe/Amsterdam's offset from UTC at this instant: 3600 or 7200. */
int biz_amsterdam_offset(int64_t utc);
/* The Amsterdam day this instant falls on, in days since 1970-01-01. */
int64_t biz_amsterdam_day(int64_t utc);
/* Days since 1970-01-01 of a civil date (proleptic Gregorian), and back. */
int64_t biz_days_from_civil(int year, int month, int day);
void biz_civil_from_days(int64_t days, int *year, int *month, int *day);

#endif
