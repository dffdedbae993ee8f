/*
 * Spike detection on synthetic mention series: seeded Poisson counts with a
 * daily and a weekly rhythm, 4x spikes injected at random times.  Holds the
 * detector to >= 95 % of spikes caught in their first 15-minute bucket and at
 * most one false alert per simulated week, and prints the measured rates.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/spike.h"

static uint64_t rng;

static uint64_t next(void)   /* splitmix64 */
{
	uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static double uniform(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

static uint32_t poisson(double lambda)   /* Knuth; lambda stays below a few hundred */
{
	double l = exp(-lambda), p = 1;
	uint32_t k = 0;
	do {
		k++;
		p *= uniform();
	} while (p > l);
	return k - 1;
}

/* Mentions per bucket: `peak` on weekday office hours, a quarter of it at night, less at weekends. */
static double level(size_t bucket, int per_hour, double peak)
{
	size_t per_day = 24 * (size_t)per_hour;
	int day = (int)(bucket / per_day % 7);        /* 0 = Monday */
	double h = (double)(bucket % per_day) / per_hour;
	double shape = h < 6 ? 0.25 : h < 9 ? 0.25 + 0.25 * (h - 6) : h < 17 ? 1.0 : h < 22 ? 0.7 : 0.4;
	double week = day < 5 ? 1.0 : day == 5 ? 0.7 : 0.6;
	return peak * shape * week / (per_hour / 4.0);
}

struct run {
	int caught, spikes, false_alerts, weeks, worst_week, weeks_over_one;
};

/*
 * history + test weeks; in each test week `nspikes` spikes of `factor` x the
 * level lasting an hour.  A spike is caught when its first bucket alerts.
 */
static struct run simulate(uint64_t seed, int bucket_secs, double peak, double factor, bool crisis,
                           int test_weeks, int nspikes)
{
	struct spike_params p = spike_defaults;
	p.bucket_secs = bucket_secs;
	int per_hour = 3600 / bucket_secs;
	size_t week = 7 * 24 * (size_t)per_hour, hist = (size_t)p.weeks * week;
	size_t n = hist + (size_t)test_weeks * week;
	uint32_t *c = calloc(n, sizeof *c);
	uint8_t *spike = calloc(n, 1);   /* 1 = first bucket of a spike, 2 = later buckets */
	rng = seed;
	size_t len = (size_t)per_hour;   /* a spike lasts an hour */
	for (size_t w = 0; w < (size_t)p.weeks + (size_t)test_weeks; w++)
		for (int k = 0; k < nspikes; k++) {
			size_t at = w * week + (size_t)(uniform() * (double)(week - len));
			bool clash = false;
			for (size_t i = at > len ? at - len : 0; i < at + 2 * len && i < n; i++)
				clash |= spike[i] != 0;
			if (clash)
				continue;
			spike[at] = 1;
			for (size_t i = 1; i < len; i++)
				spike[at + i] = 2;
		}
	for (size_t i = 0; i < n; i++)
		c[i] = poisson(level(i, per_hour, peak) * (spike[i] ? factor : 1));
	struct run r = {.weeks = test_weeks};
	int week_false = 0;
	bool prev_alert = false;
	for (size_t i = hist; i < n; i++) {
		struct spike_result s;
		assert_int_equal(spike_check(&p, c, i + 1, crisis, &s), 0);
		assert_true(s.enough_history);
		if (spike[i] == 1) {
			r.spikes++;
			r.caught += s.alert;
		} else if (!spike[i] && s.alert && !prev_alert) {
			/* an alert that goes on over several buckets is one alert */
			r.false_alerts++;
			week_false++;
		}
		prev_alert = s.alert;
		if ((i + 1 - hist) % week == 0) {
			if (week_false > r.worst_week)
				r.worst_week = week_false;
			r.weeks_over_one += week_false > 1;
			week_false = 0;
		}
	}
	free(c);
	free(spike);
	return r;
}

static void report(const char *what, struct run r)
{
	printf("spike: %-44s caught %4d/%4d = %5.1f %%, false alerts %.2f per week "
	       "(weeks with more than one: %d of %d, worst %d)\n", what, r.caught, r.spikes,
	       100.0 * r.caught / r.spikes, (double)r.false_alerts / r.weeks, r.weeks_over_one, r.weeks, r.worst_week);
}

/* Several seeded series of a year each, one spike a week: real spikes are rare, so history is mostly clean. */
static struct run many(uint64_t seed, int series, int bucket_secs, double peak, double factor, bool crisis)
{
	struct run all = {0};
	for (int k = 0; k < series; k++) {
		struct run r = simulate(seed * 1000 + (uint64_t)k, bucket_secs, peak, factor, crisis, 52, 1);
		all.caught += r.caught;
		all.spikes += r.spikes;
		all.false_alerts += r.false_alerts;
		all.weeks += r.weeks;
		all.weeks_over_one += r.weeks_over_one;
		if (r.worst_week > all.worst_week)
			all.worst_week = r.worst_week;
	}
	return all;
}

static void test_four_times_spikes(void **state)
{
	/* a care organisation with 24 mentions per quarter hour at the weekday peak, 10 at night (6 at weekend nights) */
	struct run r = many(1, 10, 900, 40, 4, false);
	report("4x, 15-min buckets, peak 40 (10 x 52 weeks)", r);
	assert_true(r.caught * 100 >= 95 * r.spikes);
	assert_true(r.false_alerts <= r.weeks);
}

static void test_crisis_mode_is_more_sensitive(void **state)
{
	struct run normal = many(7, 4, 900, 24, 2.5, false);
	struct run crisis = many(7, 4, 900, 24, 2.5, true);
	report("2.5x, normal mode", normal);
	report("2.5x, crisis mode", crisis);
	assert_true(crisis.caught > normal.caught);
	assert_true(crisis.false_alerts >= normal.false_alerts);
}

/* Figures only: how far the guarantee reaches (quiet series, hourly buckets). */
static void test_other_volumes(void **state)
{
	report("4x, 15-min buckets, peak 24", many(10, 4, 900, 24, 4, false));
	report("4x, 15-min buckets, peak 8 (quiet)", many(11, 4, 900, 8, 4, false));
	report("4x, 15-min buckets, peak 4 (very quiet)", many(12, 4, 900, 4, 4, false));
	report("4x, hourly buckets, peak 24 per 15 min", many(13, 4, 3600, 24, 4, false));
}

static void test_params_and_edges(void **state)
{
	struct spike_params p = spike_defaults;
	struct spike_result r;
	uint32_t c[200] = {0};
	assert_int_equal(spike_check(&p, c, 0, false, &r), 0);
	assert_false(r.alert);
	c[10] = 50;   /* less than a day of history: no judgement */
	assert_int_equal(spike_check(&p, c, 11, false, &r), 0);
	assert_false(r.enough_history);
	assert_false(r.alert);
	c[96 + 10] = 50;   /* a day of zeros, then 50: an alert */
	memset(c, 0, sizeof c);
	c[96 + 10] = 50;
	assert_int_equal(spike_check(&p, c, 96 + 11, false, &r), 0);
	assert_true(r.enough_history);
	assert_true(r.alert);
	c[96 + 10] = 4;    /* below the minimum count */
	assert_int_equal(spike_check(&p, c, 96 + 11, false, &r), 0);
	assert_false(r.alert);
	assert_int_equal(spike_check(&p, c, 96 + 11, true, &r), 0);
	assert_true(r.alert);   /* crisis: minimum 3 */
	p.bucket_secs = 7;
	assert_int_equal(spike_check(&p, c, 10, false, &r), ERR_INVAL);
	p = spike_defaults;
	p.weeks = 0;
	assert_int_equal(spike_check(&p, c, 10, false, &r), ERR_INVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_four_times_spikes),
		cmocka_unit_test(test_crisis_mode_is_more_sensitive),
		cmocka_unit_test(test_other_volumes),
		cmocka_unit_test(test_params_and_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
