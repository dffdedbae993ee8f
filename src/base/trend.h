#ifndef BASE_TREND_H
#define BASE_TREND_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Did the trend break?  (issue 20, docs/measure.md.)  An organisation picks a
 * measure counted per day (mentions, questions answered in time, new group
 * members, ...) and the day it started something; this tells whether the
 * series changed there, and by how much, with an honest interval.
 *
 * The model is a segmented (interrupted time-series) regression on weekly
 * totals, fitted by least squares:
 *
 *     y_w = b0 + b1 w + c1 [w >= 0] + c2 w [w >= 0]
 *
 * where week 0 starts on the day of the change and the weeks before count
 * back from it (-1, -2, ...): c1 is the change in level, c2 the change in
 * slope.  Weeks aligned on the change day take the weekly rhythm out
 * exactly (a Monday-heavy measure is a Monday-heavy measure in every week),
 * and day-to-day attention that lingers for a few days stays inside a week:
 * a day-level model with weekday terms and Newey-West errors called 12-17 %
 * of pure noise a break (trend_test.c), weekly totals with the textbook
 * errors keep to the 5 % they promise.  The verdict is the F test of
 * c1 = c2 = 0; the interval is Student's.  Days before the first whole week
 * and after the last are left out.
 */

enum {
	TREND_MIN_BEFORE = 42, /* days of history before the change, at least (6 weeks) */
	TREND_MIN_AFTER = 21,  /* days after it (3 weeks) */
	TREND_MAX_DAYS = 3660,
};

enum trend_verdict {
	TREND_TOO_SHORT = 0,   /* not enough days before or after */
	TREND_CHANCE = 1,      /* p >= 0.05: could well be chance */
	TREND_PROBABLY = 2,    /* 0.01 <= p < 0.05: probably not chance */
	TREND_VERY_PROBABLY = 3, /* p < 0.01: very probably not chance */
};

struct trend_result {
	int verdict;           /* enum trend_verdict */
	double p;              /* of the joint test of level and slope change */
	double level, slope;   /* c1 (per week), c2 (per week per week) */
	/* The change over the weeks after, against what the old trend
	 * predicted for them: absolute per week, and relative (0.35 = 35 %
	 * more) with a 95 % interval.  relative is NaN when the prediction is
	 * not above zero. */
	double effect, effect_lo, effect_hi;
	double relative, relative_lo, relative_hi;
	double expected;       /* mean per week the old trend predicted after the change */
	double observed;       /* mean per week observed after it */
	int weeks_before, weeks_after;
};

/*
 * y[0..n) are the day counts (any non-negative numbers), k the index of the
 * first day of the change.
 * Returns 0, or -1 for bad arguments (n or k out of range).
 */
int trend_break(const double *y, size_t n, size_t k, struct trend_result *out);

#endif
