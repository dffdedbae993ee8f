#ifndef CORE_WEBCARE_MEASURE_H
#define CORE_WEBCARE_MEASURE_H

/*
 * Webcare measures (docs/webcare.md): per week, team and topic the volume,
 * sentiment, answered share, follow-ups done, and first-response and
 * handling times in the team's business time (median and 90th percentile
 * by nearest rank, and the share per band 0-1 h, 1-4 h, 4-8 h, 8-24 h,
 * > 24 h).  A week starts Monday 00:00 UTC; an item counts in the week it
 * became visible.  First response: visible until the first answer;
 * handling: visible until it was last closed.  Staff of org only.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;
struct arena;

#define CORE_WC_WEEK 604800
#define CORE_WC_WEEKS_MAX 52

/* Monday 00:00 UTC of the week t is in. */
int64_t core_wc_week_start(int64_t t);
/* The figures of the weeks [from, to): per week, team and topic, or (totals)
 * per week.  *truncated: there were more items than were counted. */
int core_wc_measures(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, int64_t from, int64_t to,
                     bool totals, struct wc_measure **out, size_t *n, bool *truncated) WARN_UNUSED;

#endif
