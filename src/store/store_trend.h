#ifndef STORE_STORE_TREND_H
#define STORE_STORE_TREND_H

/* The trend-break page's series (issue 20, core/trend_page.c). */

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* The moments in [from, to) of measure (enum trend_measure) for org: the
 * items in its webcare inbox (mentions) or its new followers; at most
 * max, *n how many. */
int store_trend_times(struct store *s, struct arena *a, int measure, uint64_t org, int64_t from, int64_t to,
                      size_t max, int64_t **out, size_t *n) WARN_UNUSED;

/* The day counters (enum measure_day_kind) of account for the Amsterdam
 * day numbers [from, to): at most max days; *n how many. */
int store_trend_days(struct store *s, struct arena *a, int kind, uint64_t account, int64_t from, int64_t to,
                     size_t max, struct trend_day **out, size_t *n) WARN_UNUSED;

#endif
