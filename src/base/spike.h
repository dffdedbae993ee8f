#ifndef BASE_SPIKE_H
#define BASE_SPIKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/*
 * Spike detection for webcare mentions (docs/webcare.md): is the count in the
 * current bucket (15 minutes or an hour) sharply above the usual level for
 * that time of the week?
 *
 * The usual level is the median of the same bucket and its neighbours
 * (+-SPIKE_SPREAD buckets) in each of the previous `weeks` weeks (with less
 * than a week of history: the previous days).  Its spread is the median
 * absolute deviation (MAD), floored at the Poisson spread sqrt(median) so a
 * quiet, regular series does not alert on one extra mention.  The alert needs
 * all of: modified z-score 0.6745 * (x - median) / MAD >= the threshold,
 * x >= a minimum count, and x >= ratio * median.  Crisis mode uses the lower
 * threshold and minimum.  Pure and stateless: re-alerting on a spike that goes
 * on is the caller's to damp.
 */

#define SPIKE_SPREAD 1       /* neighbouring buckets on each side in the baseline */
#define SPIKE_MAX_WEEKS 12

struct spike_params {
	int bucket_secs;         /* 900 or 3600 (any divisor of a day) */
	int weeks;               /* weeks of history in the baseline, 1..SPIKE_MAX_WEEKS */
	double z_alert, z_crisis;
	uint32_t min_count, min_count_crisis;
	double ratio;            /* x must also be at least ratio * median */
};

/* The defaults: 15-minute buckets, 4 weeks, z 3.5 (crisis 2.5), at least 5 (crisis 3), ratio 1.5. */
extern const struct spike_params spike_defaults;

struct spike_result {
	bool alert;
	bool enough_history;     /* false: less than a day of history; never alerts */
	uint32_t count;
	double median, mad, z;
};

/*
 * counts[0..n-1]: one count per bucket, oldest first, counts[n-1] the bucket
 * to judge (usually the one that just ended).  0, or ERR_INVAL for bad params.
 */
int spike_check(const struct spike_params *p, const uint32_t *counts, size_t n, bool crisis,
                struct spike_result *out) WARN_UNUSED;

#endif
