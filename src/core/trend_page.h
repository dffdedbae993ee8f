#ifndef CORE_TREND_PAGE_H
#define CORE_TREND_PAGE_H

/*
 * The trend-break page (issue 20, docs/measure.md): an organisation picks a
 * measure and the day it started something; base/trend.c says whether the
 * series broke there.  For the organisation's staff only.
 */

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/trend.h"
#include "store/types.h"

struct core;
struct arena;

#define CORE_TREND_WEEKS_BEFORE 26 /* the history used, at most */
#define CORE_TREND_EVENTS_MAX 1000000

struct trend_page {
	struct trend_result r;
	/* Whole weeks, oldest first.  -1: fewer than 5 (reach, clicks and
	 * vacancy visitors, as everywhere reach is shown: a number that small
	 * could single out a person). */
	int64_t week_totals[CORE_TREND_WEEKS_BEFORE + 60];
	int nweeks, weeks_before;  /* week_totals[weeks_before] is the first week after the change */
	int64_t change_at;         /* the change day's start (UTC) */
};

/* measure (enum trend_measure) of org around day ("YYYY-MM-DD", an
 * Amsterdam day, not in the future) for viewer, staff of org (ERR_NOTFOUND
 * for anyone else); ERR_INVAL for a bad day or measure.  out->r.verdict is
 * TREND_TOO_SHORT when there are too few days before or after. */
int core_trend_page(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, int measure, const char *day,
                    struct trend_page *out) WARN_UNUSED;

#endif
