/*
 * Business time: a table of calendar cases (opening hours, lunch gaps,
 * holidays, both DST Sundays, periods past midnight, reopened and snoozed
 * items), and the EU DST rule held against the system's tz database.
 * Expected instants are written as local time with their offset, so the
 * table itself says which side of a DST change each one is on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "base/bizhours.h"

enum { OFFICE, SPLIT, NIGHT, H24, DSTSUN, NHOURS };
static struct biz_hours hours[NHOURS];

/* "2026-03-27 16:30 +01" or with seconds "2026-03-27 16:30:01 +01" -> UTC seconds */
static int64_t t(const char *s)
{
	int y, mo, d, h, mi, sec = 0, off;
	if (sscanf(s, "%d-%d-%d %d:%d:%d %d", &y, &mo, &d, &h, &mi, &sec, &off) != 7) {
		sec = 0;
		if (sscanf(s, "%d-%d-%d %d:%d %d", &y, &mo, &d, &h, &mi, &off) != 6)
			fail_msg("bad time %s", s);
	}
	return biz_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - off * 3600;
}

static void setup_hours(void)
{
	memset(hours, 0, sizeof hours);
	for (int wd = 0; wd < 5; wd++) {
		assert_int_equal(biz_add_period(&hours[OFFICE], wd, 9 * 60, 17 * 60), 0);
		assert_int_equal(biz_add_period(&hours[SPLIT], wd, 13 * 60, 17 * 60), 0);
		assert_int_equal(biz_add_period(&hours[SPLIT], wd, 8 * 60 + 30, 12 * 60), 0);
	}
	assert_int_equal(biz_add_period(&hours[SPLIT], 5, 10 * 60, 12 * 60), 0);
	static const int hol[][3] = {{2026, 4, 6}, {2026, 4, 27}, {2026, 12, 25}, {2026, 12, 26}, {2027, 1, 1}};
	for (size_t i = 0; i < sizeof hol / sizeof hol[0]; i++)
		assert_int_equal(biz_add_holiday(&hours[OFFICE], hol[i][0], hol[i][1], hol[i][2]), 0);
	assert_int_equal(biz_add_holiday(&hours[SPLIT], 2026, 5, 14), 0);
	for (int wd = 0; wd < 7; wd++) {
		assert_int_equal(biz_add_period(&hours[NIGHT], wd, 22 * 60, 2 * 60), 0);
		assert_int_equal(biz_add_period(&hours[H24], wd, 0, 1440), 0);
	}
	assert_int_equal(biz_add_period(&hours[DSTSUN], 6, 60, 240), 0);
}

struct ccase {
	int hours;
	char kind;          /* 'D' deadline, 'S' seconds between */
	const char *from, *to;
	int64_t secs;       /* D: the target; S: the expected seconds */
	const char *expect; /* D: the expected deadline */
};

static const struct ccase cases[] = {
	/* office hours Mon-Fri 09:00-17:00, holidays Easter Monday, King's Day, Christmas, New Year */
	{OFFICE, 'D', "2026-03-20 16:30 +01", 0, 3600, "2026-03-23 09:30 +01"},   /* Friday 16:30 + 1 h -> Monday 09:30 */
	{OFFICE, 'D', "2026-03-18 10:00 +01", 0, 3600, "2026-03-18 11:00 +01"},
	{OFFICE, 'D', "2026-03-18 08:00 +01", 0, 3600, "2026-03-18 10:00 +01"},   /* before opening */
	{OFFICE, 'D', "2026-03-18 17:00 +01", 0, 60, "2026-03-19 09:01 +01"},     /* at closing */
	{OFFICE, 'D', "2026-03-21 12:00 +01", 0, 1800, "2026-03-23 09:30 +01"},   /* Saturday */
	{OFFICE, 'D', "2026-03-22 23:59 +01", 0, 28800, "2026-03-23 17:00 +01"},  /* a whole day ends at closing */
	{OFFICE, 'D', "2026-03-23 09:00 +01", 0, 28801, "2026-03-24 09:00:01 +01"},
	{OFFICE, 'D', "2026-04-03 16:00 +02", 0, 7200, "2026-04-07 10:00 +02"},   /* over Easter Monday */
	{OFFICE, 'D', "2026-04-24 16:00 +02", 0, 28800, "2026-04-28 16:00 +02"},  /* over King's Day */
	{OFFICE, 'D', "2026-12-24 16:00 +01", 0, 7200, "2026-12-28 10:00 +01"},   /* Christmas on Fri and Sat */
	{OFFICE, 'D', "2026-12-31 16:00 +01", 0, 7200, "2027-01-04 10:00 +01"},   /* New Year on a Friday */
	{OFFICE, 'S', "2026-03-23 08:00 +01", "2026-03-23 18:00 +01", 28800, 0},
	{OFFICE, 'S', "2026-03-20 16:30 +01", "2026-03-23 09:30 +01", 3600, 0},
	{OFFICE, 'S', "2026-03-23 09:00 +01", "2026-03-30 09:00 +02", 144000, 0}, /* a week over the spring change */
	{OFFICE, 'S', "2026-03-21 00:00 +01", "2026-03-22 23:59 +01", 0, 0},      /* weekend */
	{OFFICE, 'S', "2026-03-23 12:00 +01", "2026-03-23 12:00 +01", 0, 0},      /* empty */
	{OFFICE, 'S', "2026-03-23 15:00 +01", "2026-03-23 12:00 +01", 0, 0},      /* reversed */
	{OFFICE, 'S', "2026-03-27 16:00 +01", "2026-03-30 10:00 +02", 7200, 0},   /* the DST weekend */
	{OFFICE, 'D', "2026-03-27 16:30 +01", 0, 3600, "2026-03-30 09:30 +02"},
	{OFFICE, 'D', "2026-10-23 16:30 +02", 0, 3600, "2026-10-26 09:30 +01"},
	{OFFICE, 'S', "2026-10-23 16:00 +02", "2026-10-26 10:00 +01", 7200, 0},
	{OFFICE, 'S', "2026-04-06 00:00 +02", "2026-04-13 00:00 +02", 115200, 0}, /* Easter week: four days */
	{OFFICE, 'S', "2026-04-27 00:00 +02", "2026-04-28 00:00 +02", 0, 0},      /* King's Day */
	{OFFICE, 'D', "2026-04-27 10:00 +02", 0, 60, "2026-04-28 09:01 +02"},
	{OFFICE, 'D', "2026-03-27 17:00 +01", 0, 1, "2026-03-30 09:00:01 +02"},
	{OFFICE, 'S', "2026-03-30 09:00 +02", "2026-03-30 17:00 +02", 28800, 0},
	{OFFICE, 'S', "2026-12-30 12:00 +01", "2027-01-04 12:00 +01", 57600, 0},  /* over New Year */
	{OFFICE, 'D', "2026-03-21 12:00 +01", 0, 0, "2026-03-21 12:00 +01"},      /* no target: now */
	{OFFICE, 'S', "2026-01-01 00:00 +01", "2027-01-01 00:00 +01", 261 * 28800 - 3 * 28800, 0}, /* a year */
	/* split shifts: Mon-Fri 08:30-12:00 and 13:00-17:00, Sat 10:00-12:00; Ascension Day closed */
	{SPLIT, 'D', "2026-06-01 11:30 +02", 0, 3600, "2026-06-01 13:30 +02"},    /* over lunch */
	{SPLIT, 'D', "2026-06-01 12:15 +02", 0, 600, "2026-06-01 13:10 +02"},     /* asked during lunch */
	{SPLIT, 'D', "2026-06-01 11:59 +02", 0, 60, "2026-06-01 12:00 +02"},
	{SPLIT, 'D', "2026-06-01 11:59 +02", 0, 61, "2026-06-01 13:00:01 +02"},
	{SPLIT, 'D', "2026-06-05 16:00 +02", 0, 7200, "2026-06-06 11:00 +02"},    /* into Saturday */
	{SPLIT, 'D', "2026-06-06 11:30 +02", 0, 3600, "2026-06-08 09:00 +02"},
	{SPLIT, 'S', "2026-06-01 00:00 +02", "2026-06-02 00:00 +02", 27000, 0},
	{SPLIT, 'S', "2026-06-01 12:00 +02", "2026-06-01 13:00 +02", 0, 0},
	{SPLIT, 'S', "2026-06-01 11:00 +02", "2026-06-01 14:00 +02", 7200, 0},
	{SPLIT, 'S', "2026-06-01 00:00 +02", "2026-06-08 00:00 +02", 142200, 0},
	{SPLIT, 'D', "2026-05-13 16:30 +02", 0, 3600, "2026-05-15 09:00 +02"},    /* over Ascension Day */
	{SPLIT, 'S', "2026-05-13 00:00 +02", "2026-05-15 00:00 +02", 27000, 0},
	{SPLIT, 'D', "2026-06-01 07:00 +02", 0, 27000, "2026-06-01 17:00 +02"},
	{SPLIT, 'D', "2026-06-01 07:00 +02", 0, 27001, "2026-06-02 08:30:01 +02"},
	{SPLIT, 'D', "2026-06-07 20:00 +02", 0, 12600, "2026-06-08 12:00 +02"},
	{SPLIT, 'S', "2026-06-06 09:00 +02", "2026-06-06 13:00 +02", 7200, 0},
	/* a night shift every day 22:00-02:00 (past midnight) */
	{NIGHT, 'S', "2026-06-01 21:00 +02", "2026-06-02 03:00 +02", 14400, 0},
	{NIGHT, 'D', "2026-06-01 23:00 +02", 0, 7200, "2026-06-02 01:00 +02"},
	{NIGHT, 'D', "2026-06-02 01:30 +02", 0, 3600, "2026-06-02 22:30 +02"},
	{NIGHT, 'S', "2026-03-28 21:00 +01", "2026-03-29 04:00 +02", 14400, 0},
	{NIGHT, 'S', "2026-10-24 21:00 +02", "2026-10-25 04:00 +01", 14400, 0},
	{NIGHT, 'S', "2026-06-01 00:00 +02", "2026-06-08 00:00 +02", 7 * 14400, 0},
	/* round the clock: the DST days are 23 and 25 hours long */
	{H24, 'S', "2026-03-29 00:00 +01", "2026-03-30 00:00 +02", 82800, 0},
	{H24, 'S', "2026-10-25 00:00 +02", "2026-10-26 00:00 +01", 90000, 0},
	{H24, 'D', "2026-03-28 12:00 +01", 0, 86400, "2026-03-29 13:00 +02"},
	{H24, 'D', "2026-10-24 12:00 +02", 0, 86400, "2026-10-25 11:00 +01"},
	{H24, 'S', "2027-03-28 00:00 +01", "2027-03-29 00:00 +02", 82800, 0},     /* 2027: 28 March */
	{H24, 'S', "2027-10-31 00:00 +02", "2027-11-01 00:00 +01", 90000, 0},     /* 2027: 31 October */
	/* open on Sundays 01:00-04:00 only: through the gap and the repeated hour */
	{DSTSUN, 'S', "2026-03-29 00:00 +01", "2026-03-29 05:00 +02", 7200, 0},
	{DSTSUN, 'S', "2026-10-25 00:00 +02", "2026-10-25 05:00 +01", 14400, 0},
	{DSTSUN, 'D', "2026-03-29 01:30 +01", 0, 3600, "2026-03-29 03:30 +02"},
	{DSTSUN, 'D', "2026-10-25 02:30 +02", 0, 3600, "2026-10-25 02:30 +01"},
	{DSTSUN, 'S', "2026-06-07 00:00 +02", "2026-06-07 05:00 +02", 10800, 0},
	{DSTSUN, 'D', "2026-03-29 03:00 +02", 0, 7200, "2026-04-05 02:00 +02"},
	{DSTSUN, 'D', "2026-10-25 03:59 +01", 0, 120, "2026-11-01 01:01 +01"},
};

static void test_calendar(void **state)
{
	setup_hours();
	int n = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++, n++) {
		const struct ccase *c = &cases[i];
		if (c->kind == 'S') {
			int64_t got = biz_seconds(&hours[c->hours], t(c->from), t(c->to));
			if (got != c->secs)
				fail_msg("case %zu: %s .. %s: %lld s, expected %lld", i, c->from, c->to,
				         (long long)got, (long long)c->secs);
		} else {
			int64_t got;
			assert_int_equal(biz_deadline(&hours[c->hours], t(c->from), c->secs, &got), 0);
			if (got != t(c->expect))
				fail_msg("case %zu: %s + %lld s: %lld, expected %s (%lld)", i, c->from,
				         (long long)c->secs, (long long)got, c->expect, (long long)t(c->expect));
			/* and back: the business seconds up to the deadline are the target */
			assert_int_equal(biz_seconds(&hours[c->hours], t(c->from), got), c->secs);
		}
	}
	printf("bizhours: %d calendar cases\n", n);
}

/* A reopened item counts its open intervals; snoozed time is left out. */
static void test_reopened_and_snoozed(void **state)
{
	setup_hours();
	const struct biz_hours *h = &hours[OFFICE];
	/* open Mon 10-11, reopened Tue 16:30 .. Wed 09:30 */
	int64_t a = biz_seconds(h, t("2026-03-23 10:00 +01"), t("2026-03-23 11:00 +01"));
	int64_t b = biz_seconds(h, t("2026-03-24 16:30 +01"), t("2026-03-25 09:30 +01"));
	assert_int_equal(a + b, 7200);
	/* Friday 16:00-17:30, reopened Monday 08:00-09:15 */
	a = biz_seconds(h, t("2026-03-20 16:00 +01"), t("2026-03-20 17:30 +01"));
	b = biz_seconds(h, t("2026-03-23 08:00 +01"), t("2026-03-23 09:15 +01"));
	assert_int_equal(a + b, 4500);
	struct biz_span snooze[] = {
		{t("2026-03-23 10:00 +01"), t("2026-03-23 12:00 +01")},
		{t("2026-03-23 11:00 +01"), t("2026-03-23 13:00 +01")},
	};
	int64_t from = t("2026-03-23 09:00 +01"), to = t("2026-03-23 17:00 +01");
	assert_int_equal(biz_seconds_except(h, from, to, snooze, 1), 21600);
	assert_int_equal(biz_seconds_except(h, from, to, snooze, 2), 18000);   /* overlapping snoozes */
	struct biz_span all = {t("2026-03-22 00:00 +01"), t("2026-03-24 00:00 +01")};
	assert_int_equal(biz_seconds_except(h, from, to, &all, 1), 0);
	struct biz_span sat = {t("2026-03-28 00:00 +01"), t("2026-03-29 00:00 +01")};
	assert_int_equal(biz_seconds_except(h, from, t("2026-03-30 09:00 +02"), &sat, 1), 144000);
}

static void test_bad_input(void **state)
{
	struct biz_hours h = {0};
	int64_t out;
	assert_int_equal(biz_deadline(&h, t("2026-03-23 10:00 +01"), 60, &out), ERR_NOTFOUND);
	assert_int_equal(biz_add_period(&h, 7, 0, 60), ERR_INVAL);
	assert_int_equal(biz_add_period(&h, 0, 60, 60), ERR_INVAL);
	assert_int_equal(biz_add_period(&h, 0, -1, 60), ERR_INVAL);
	assert_int_equal(biz_add_period(&h, 0, 0, 1441), ERR_INVAL);
	assert_int_equal(biz_add_period(&h, 0, 540, 720), 0);
	assert_int_equal(biz_add_period(&h, 0, 700, 800), ERR_INVAL);  /* overlap */
	assert_int_equal(biz_add_period(&h, 0, 720, 780), 0);          /* adjacent is fine */
	assert_int_equal(biz_add_period(&h, 6, 1380, 600), ERR_INVAL); /* past midnight into Monday 09:00 */
	assert_int_equal(biz_add_holiday(&h, 2026, 4, 31), ERR_INVAL);
	assert_int_equal(biz_add_holiday(&h, 2026, 13, 1), ERR_INVAL);
	assert_int_equal(biz_add_holiday(&h, 2026, 2, 29), ERR_INVAL);
	assert_int_equal(biz_add_holiday(&h, 2028, 2, 29), 0);
	for (int i = 0; i < 7; i++)
		assert_int_equal(biz_add_period(&h, 3, i * 60, i * 60 + 30), 0);
	assert_int_equal(biz_add_period(&h, 3, 600, 630), 0);
	assert_int_equal(biz_add_period(&h, 3, 700, 730), ERR_TOOBIG);
}

/* The EU rule against the system's tz database, every hour near each change 1996-2037. */
static void test_offset_matches_tzdata(void **state)
{
	if (setenv("TZ", "Europe/Amsterdam", 1) != 0)
		fail();
	tzset();
	int checked = 0;
	for (int y = 1996; y <= 2037; y++)
		for (int m = 3; m <= 10; m += 7)
			for (int64_t s = biz_days_from_civil(y, m, 20) * 86400; s < biz_days_from_civil(y, m + 1, 2) * 86400; s += 1800) {
				time_t tt = (time_t)s;
				struct tm tm;
				localtime_r(&tt, &tm);
				if (tm.tm_gmtoff != biz_amsterdam_offset(s))
					fail_msg("%lld: tzdata %ld, rule %d", (long long)s, tm.tm_gmtoff, biz_amsterdam_offset(s));
				checked++;
			}
	assert_true(checked > 10000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_reopened_and_snoozed),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_offset_matches_tzdata),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
