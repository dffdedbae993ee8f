/* Unit tests for the webcare measures (core/webcare_measure.c): known items
 * and times give known volumes, medians, 90th percentiles and bands, in
 * wall-clock time and through a business calendar. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "core/core_int.h"
#include "core/webcare_measure.h"

static int64_t wall(void *ctx, uint64_t team, int64_t from, int64_t to)
{
	(void)ctx;
	(void)team;
	return to > from ? to - from : 0;
}

static int64_t biz(void *ctx, uint64_t team, int64_t from, int64_t to)
{
	(void)team;
	return biz_seconds(ctx, from, to);
}

/* Monday 2026-11-30 00:00 UTC. */
#define MON 1795996800LL

static void test_week_start(void **state)
{
	(void)state;
	assert_int_equal(core_wc_week_start(MON), MON);
	assert_int_equal(core_wc_week_start(MON + 6 * 86400 + 86399), MON);
	assert_int_equal(core_wc_week_start(MON - 1), MON - CORE_WC_WEEK);
	assert_int_equal(core_wc_week_start(4 * 86400), 4 * 86400); /* 1970-01-05, a Monday */
}

static void test_known_items(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	/* Ten items of team 1, topic "zorg", Monday 10:00, answered after
	 * 10, 20, ..., 100 minutes; items 1..4 closed after 2, 5, 10, 30 hours;
	 * items 1 and 2 followed up.  Two items of team 2 topic "" the same week,
	 * unanswered; one item of team 1 the week after. */
	struct wc_mrow r[13];
	memset(r, 0, sizeof r);
	const char *sent[] = {"neg", "neg", "neg", "pos", "pos", "neu", "unsure", "neg", "neu", "pos"};
	int64_t closed[] = {2 * 3600, 5 * 3600, 10 * 3600, 30 * 3600};
	for (int i = 0; i < 10; i++) {
		r[i] = (struct wc_mrow){.id = (uint64_t)i + 1, .team_id = 1, .topic = "zorg", .sentiment = sent[i],
		                        .visible_at = MON + 36000, .first_answer_at = MON + 36000 + (i + 1) * 600};
		if (i < 4)
			r[i].closed_at = MON + 36000 + closed[i];
		r[i].followed_up = i < 2;
	}
	r[10] = (struct wc_mrow){.id = 11, .team_id = 2, .topic = "", .sentiment = "neg", .visible_at = MON + 100};
	r[11] = (struct wc_mrow){.id = 12, .team_id = 2, .topic = "", .sentiment = "pos", .visible_at = MON + 200};
	r[12] = (struct wc_mrow){.id = 13, .team_id = 1, .topic = "zorg", .sentiment = "neu",
	                         .visible_at = MON + CORE_WC_WEEK + 5, .first_answer_at = MON + CORE_WC_WEEK + 5 + 7200};
	struct wc_measure *m;
	size_t n;
	wc_measure_compute(&a, r, 13, false, wall, NULL, &m, &n);
	assert_int_equal(n, 3);
	/* Week 1, team 1, zorg. */
	assert_int_equal(m[0].week, MON);
	assert_int_equal(m[0].team_id, 1);
	assert_string_equal(m[0].topic, "zorg");
	assert_int_equal(m[0].volume, 10);
	assert_int_equal(m[0].neg, 4);
	assert_int_equal(m[0].pos, 3);
	assert_int_equal(m[0].neu, 2);
	assert_int_equal(m[0].unsure, 1);
	assert_int_equal(m[0].answered, 10);
	assert_int_equal(m[0].followups_done, 2);
	assert_int_equal(m[0].first_n, 10);
	assert_int_equal(m[0].first_median, 50 * 60);  /* nearest rank: the 5th of 10 */
	assert_int_equal(m[0].first_p90, 90 * 60);     /* the 9th */
	assert_int_equal(m[0].first_bands[0], 5);      /* 10..50 min (60 min is 1-4 h) */
	assert_int_equal(m[0].first_bands[1], 5);
	assert_int_equal(m[0].handle_n, 4);
	assert_int_equal(m[0].handle_median, 5 * 3600);
	assert_int_equal(m[0].handle_p90, 30 * 3600);
	assert_int_equal(m[0].handle_bands[0], 0);
	assert_int_equal(m[0].handle_bands[1], 1);
	assert_int_equal(m[0].handle_bands[2], 1);
	assert_int_equal(m[0].handle_bands[3], 1);
	assert_int_equal(m[0].handle_bands[4], 1);
	/* Week 1, team 2: nothing answered. */
	assert_int_equal(m[1].team_id, 2);
	assert_int_equal(m[1].volume, 2);
	assert_int_equal(m[1].answered, 0);
	assert_int_equal(m[1].first_n, 0);
	assert_int_equal(m[1].first_median, 0);
	/* Week 2. */
	assert_int_equal(m[2].week, MON + CORE_WC_WEEK);
	assert_int_equal(m[2].first_median, 7200);
	assert_int_equal(m[2].first_bands[1], 1);
	/* Totals per week. */
	wc_measure_compute(&a, r, 13, true, wall, NULL, &m, &n);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].volume, 12);
	assert_int_equal(m[0].neg, 5);
	assert_int_equal(m[0].answered, 10);
	assert_int_equal(m[1].volume, 1);
	arena_release(&a);
}

static void test_business_time(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	/* Open Monday to Friday 09:00-17:00 local.  An item on Friday
	 * 2026-12-04 16:30 CET (15:30 UTC) answered Monday 09:30 CET (08:30 UTC):
	 * one business hour, though 65 hours passed on the clock. */
	struct biz_hours h;
	memset(&h, 0, sizeof h);
	for (int d = 0; d < 5; d++)
		assert_int_equal(biz_add_period(&h, d, 9 * 60, 17 * 60), 0);
	int64_t fri = MON + 4 * 86400 + 15 * 3600 + 1800, mon = MON + 7 * 86400 + 8 * 3600 + 1800;
	struct wc_mrow r = {.id = 1, .team_id = 1, .topic = "", .sentiment = "neg", .visible_at = fri,
	                    .first_answer_at = mon, .closed_at = mon + 3 * 3600};
	struct wc_measure *m;
	size_t n;
	wc_measure_compute(&a, &r, 1, false, biz, &h, &m, &n);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].first_median, 3600);
	assert_int_equal(m[0].first_bands[1], 1); /* exactly an hour: 1-4 h */
	assert_int_equal(m[0].handle_median, 4 * 3600);
	wc_measure_compute(&a, &r, 1, false, wall, NULL, &m, &n);
	assert_int_equal(m[0].first_median, mon - fri);
	assert_int_equal(m[0].first_bands[4], 1);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_week_start),
		cmocka_unit_test(test_known_items),
		cmocka_unit_test(test_business_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
