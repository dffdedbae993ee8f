/*
 * The trend-break page (issue 20): a measure per Amsterdam day around the
 * day an organisation started something, through base/trend.c.
 */
#include <string.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "base/err.h"
#include "base/id.h"
#include "core/core_int.h"
#include "core/trend_page.h"
#include "store/store_trend.h"

int core_trend_page(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, int measure, const char *day,
                    struct trend_page *out)
{
	memset(out, 0, sizeof *out);
	if (!viewer)
		return ERR_AUTH;
	if (viewer == org || !core_may_post_as(c, viewer, org))
		return ERR_NOTFOUND;
	if (measure < 0 || measure >= TREND_MEASURES)
		return ERR_INVAL;
	int64_t k;
	if (!core_parse_day(day, &k))
		return ERR_INVAL;
	int64_t now = time_now();
	/* Today is not over: the series ends with yesterday. */
	int64_t today = biz_amsterdam_day(now);
	if (k >= today)
		return ERR_INVAL;
	int64_t first = k - 7 * CORE_TREND_WEEKS_BEFORE;
	int64_t ndays = today - first;
	int64_t max_after = 7 * (int64_t)(sizeof out->week_totals / sizeof out->week_totals[0] - CORE_TREND_WEEKS_BEFORE);
	if (today - k > max_after)
		ndays = k - first + max_after;
	out->change_at = core_day_start(k);
	double *y = arena_alloc(a, (size_t)ndays * sizeof *y);
	memset(y, 0, (size_t)ndays * sizeof *y);
	int rc;
	if (measure == TREND_REACH || measure == TREND_CLICKS || measure == TREND_VACANCY) {
		/* Counted per day as they happened (store_reach_add, store_link_click). */
		int kind = measure == TREND_REACH ? MDAY_REACH : measure == TREND_CLICKS ? MDAY_CLICKS : MDAY_VACANCY;
		struct trend_day *days;
		size_t n;
		rc = store_trend_days(c->store, a, kind, org, first, first + ndays, (size_t)ndays, &days, &n);
		if (rc)
			return rc;
		for (size_t i = 0; i < n; i++)
			if (days[i].day >= first && days[i].day < first + ndays)
				y[days[i].day - first] += (double)days[i].n;
	} else {
		int64_t *times;
		size_t n;
		rc = store_trend_times(c->store, a, measure, org, core_day_start(first), core_day_start(first + ndays),
		                       CORE_TREND_EVENTS_MAX, &times, &n);
		if (rc)
			return rc;
		for (size_t i = 0; i < n; i++) {
			int64_t d = biz_amsterdam_day(times[i]) - first;
			if (d >= 0 && d < ndays)
				y[d] += 1;
		}
	}
	if (trend_break(y, (size_t)ndays, (size_t)(k - first), &out->r))
		return ERR_INVAL;
	/* Whole weeks aligned on the change day, for the chart. */
	out->weeks_before = CORE_TREND_WEEKS_BEFORE;
	int weeks_after = (int)((ndays - (k - first)) / 7);
	out->nweeks = out->weeks_before + weeks_after;
	for (int w = 0; w < out->nweeks; w++)
		for (int d = 0; d < 7; d++)
			out->week_totals[w] += (int64_t)y[w * 7 + d];
	if (measure == TREND_REACH || measure == TREND_CLICKS || measure == TREND_VACANCY)
		for (int w = 0; w < out->nweeks; w++)
			if (out->week_totals[w] < 5)
				out->week_totals[w] = -1;
	return 0;
}
