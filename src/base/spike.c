/* Spike detection: median baseline for the hour of the week, MAD spread (see spike.h). */
#include <math.h>

#include "base/spike.h"

const struct spike_params spike_defaults = {
	.bucket_secs = 900, .weeks = 4, .z_alert = 3.25, .z_crisis = 2.5,
	.min_count = 5, .min_count_crisis = 3, .ratio = 1.5,
};

enum { MAXS = SPIKE_MAX_WEEKS * 7 * (2 * SPIKE_SPREAD + 1) };

static double median(double *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {   /* insertion sort: at most a few dozen values */
		double x = v[i];
		size_t j = i;
		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int spike_check(const struct spike_params *p, const uint32_t *counts, size_t n, bool crisis,
                struct spike_result *out)
{
	*out = (struct spike_result){0};
	if (p->bucket_secs <= 0 || 86400 % p->bucket_secs || p->weeks < 1 || p->weeks > SPIKE_MAX_WEEKS ||
	    !(p->ratio >= 0) || !(p->z_alert > 0) || !(p->z_crisis > 0))
		return ERR_INVAL;
	if (n == 0)
		return 0;
	size_t day = (size_t)(86400 / p->bucket_secs), week = 7 * day;
	size_t cur = n - 1;
	out->count = counts[cur];
	/* the same time in earlier weeks; with less than a week, earlier days */
	size_t step = cur >= week + SPIKE_SPREAD ? week : day;
	size_t periods = step == week ? (size_t)p->weeks : 7;
	/*
	 * Counts are Poisson-like: their spread grows with the level.  The
	 * Anscombe transform 2 sqrt(x + 3/8) makes it about 1 at every level, so
	 * one threshold fits quiet nights and busy mornings alike.
	 */
	double s[MAXS];
	size_t ns = 0;
	for (size_t k = 1; k <= periods && k * step <= cur; k++) {
		size_t c = cur - k * step;
		for (int d = -SPIKE_SPREAD; d <= SPIKE_SPREAD; d++) {
			size_t i = c + (size_t)d;
			if ((d < 0 && c < (size_t)-d) || i >= cur)
				continue;
			s[ns++] = 2 * sqrt(counts[i] + 0.375);
		}
	}
	if (ns < 3)
		return 0;
	out->enough_history = true;
	double med = median(s, ns);
	for (size_t i = 0; i < ns; i++)
		s[i] = fabs(s[i] - med);
	double mad = median(s, ns);
	/* the transformed spread is at least 1 (MAD = 0.6745 sigma): a flat history is no certainty */
	if (mad < 0.6745)
		mad = 0.6745;
	double x = counts[cur];
	out->median = med * med / 4 - 0.375;  /* back to a count */
	if (out->median < 0)
		out->median = 0;
	out->mad = mad;
	out->z = 0.6745 * (2 * sqrt(x + 0.375) - med) / mad;
	double zt = crisis ? p->z_crisis : p->z_alert;
	uint32_t mc = crisis ? p->min_count_crisis : p->min_count;
	out->alert = out->z >= zt && counts[cur] >= mc && x >= p->ratio * out->median;
	return 0;
}
