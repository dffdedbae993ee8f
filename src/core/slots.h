#ifndef CORE_SLOTS_H
#define CORE_SLOTS_H

/*
 * Free appointment slots, computed from a provider's availability and the
 * blocks already booked: pure functions (no store, no clock), so the rule is
 * testable as a table (slots_test.c) and fast (bench: 8 weeks in microseconds).
 *
 * Local time is Europe/Amsterdam, by the EU rule (in force since 1996):
 * CEST (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of
 * October 01:00 UTC, CET (UTC+1) otherwise.  A slot whose local start time
 * does not exist (02:00-03:00 on the last Sunday of March) is not offered;
 * one whose local start exists twice (02:00-03:00 on the last Sunday of
 * October) is offered once, at the first of the two.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

#define SLOTS_MAX_MIN   (8 * 60)   /* a slot or kind lasts at most 8 hours */
#define SLOTS_BUFFER_MAX 240       /* a buffer at most 4 hours */
#define SLOTS_AHEAD_MAX 366        /* book at most a year ahead */
#define SLOTS_NOTICE_MAX (60 * 24 * 60) /* minimum notice at most 60 days */

/* A time already taken (UTC seconds, buffers included), from < to. */
struct busy {
	int64_t from, to;
};

/* Parse the spec text (see docs/appointments.md), at most AVAIL_SPEC_MAX
 * bytes.  Kind keys point into static strings.  ERR_INVAL with a Dutch
 * reason in why, ERR_TOOBIG when too long. */
int avail_parse(const char *spec, struct availability *out, char *why, size_t whylen) WARN_UNUSED;
/* The canonical spec text of a (parses back to the same), into out[cap]. */
size_t avail_format(const struct availability *a, char *out, size_t cap);
/* The length in minutes of kind (NULL or "": the first kind, or the slot
 * length); 0 when the provider does not offer that kind. */
int avail_kind_minutes(const struct availability *a, const char *kind);
/* The known kind key equal to kind, as a static string (NULL if unknown). */
const char *avail_kind_key(const char *kind);

/*
 * The starts (UTC seconds, ascending) of the free slots for an appointment
 * of len minutes that start in [from, to): inside an opening period, outside
 * the breaks, at least the minimum notice after now, at most ahead_days
 * after now, and with the provider's buffers on both sides not overlapping
 * busy[0..nbusy) (sorted by from, not overlapping each other).  At most max
 * are written; returns how many there are in all (may be more than max).
 */
size_t slots_free(const struct availability *a, int len_min, int64_t now, int64_t from, int64_t to,
                  const struct busy *busy, size_t nbusy, int64_t *out, size_t max);
/* The block an appointment at start of len minutes takes (buffers included). */
struct busy slots_block(const struct availability *a, int64_t start, int len_min);

/* Europe/Amsterdam: the offset from UTC at t (3600 or 7200 seconds). */
int ams_offset(int64_t t);
/* The UTC time of local date day (days since 1970-01-01) at minute; the
 * first when it exists twice; INT64_MIN when it does not exist. */
int64_t ams_to_utc(int32_t day, int minute);
/* The local date (days since 1970-01-01) and minute of t. */
void ams_local(int64_t t, int32_t *day, int *minute);
/* Days since 1970-01-01 of a civil date, and back. */
int32_t civil_days(int y, int m, int d);
void civil_from(int32_t days, int *y, int *m, int *d);

#endif
