/* The slot rule as a table (core/slots.c): periods, breaks, exceptions,
 * notice, how far ahead, buffers that stack (Cal.com's rule: the earlier
 * appointment's buffer after and the later one's buffer before both hold),
 * and both DST weekends of 2026 (29 March, 25 October) in Europe/Amsterdam. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/err.h"
#include "core/slots.h"

/* "2026-03-02 09:00" local time to UTC. */
static int64_t local(const char *s)
{
	int y, mo, d, h, mi;
	assert_int_equal(sscanf(s, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), 5);
	int64_t t = ams_to_utc(civil_days(y, mo, d), h * 60 + mi);
	assert_true(t != INT64_MIN);
	return t;
}

/* "2026-10-24T23:00Z" to UTC. */
static int64_t utc(const char *s)
{
	int y, mo, d, h, mi;
	assert_int_equal(sscanf(s, "%d-%d-%dT%d:%dZ", &y, &mo, &d, &h, &mi), 5);
	return (int64_t)civil_days(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

struct tc {
	const char *name;
	const char *spec;
	int len;           /* minutes; 0: the kind's (first kind or slot) */
	const char *now, *from, *to;  /* local */
	const char *busy;  /* "YYYY-MM-DD HH:MM/minutes,...", appointments booked (buffers added) */
	size_t n;
	const char *first, *last;     /* local, NULL: not checked */
	const char *first_utc, *last_utc;
};

#define NOW "2026-03-01 08:00"
#define MON "2026-03-02 00:00", "2026-03-03 00:00"

static const struct tc cases[] = {
	{"one period", "ma=09:00-12:00", 30, NOW, MON, "", 6, "2026-03-02 09:00", "2026-03-02 11:30", 0, 0},
	{"kind longer than slot", "ma=09:00-12:00", 45, NOW, MON, "", 5, "2026-03-02 09:00", "2026-03-02 11:00", 0, 0},
	{"two periods", "ma=09:00-12:00,13:00-17:00", 30, NOW, MON, "", 14, "2026-03-02 09:00", "2026-03-02 16:30", 0, 0},
	{"periods out of order", "ma=13:00-17:00,09:00-12:00", 30, NOW, MON, "", 14, "2026-03-02 09:00", "2026-03-02 16:30", 0, 0},
	{"break", "ma=09:00-17:00 pauze=12:00-13:00", 30, NOW, MON, "", 14, "2026-03-02 09:00", "2026-03-02 16:30", 0, 0},
	{"break and a longer kind", "ma=09:00-17:00 pauze=12:00-13:00", 45, NOW, MON, "", 12, "2026-03-02 09:00", "2026-03-02 16:00", 0, 0},
	{"closed day", "di=09:00-12:00", 30, NOW, MON, "", 0, 0, 0, 0, 0},
	{"exception closed", "ma=09:00-12:00 2026-03-02=dicht", 30, NOW, MON, "", 0, 0, 0, 0, 0},
	{"exception other hours", "ma=09:00-12:00 2026-03-02=14:00-15:00", 30, NOW, MON, "", 2, "2026-03-02 14:00", "2026-03-02 14:30", 0, 0},
	{"exception opens a closed day", "2026-03-03=10:00-11:00", 30, NOW, "2026-03-03 00:00", "2026-03-04 00:00", "", 2, "2026-03-03 10:00", "2026-03-03 10:30", 0, 0},
	{"exceptions unsorted", "ma=09:00-12:00 2026-03-16=dicht 2026-03-02=dicht 2026-03-09=10:00-11:00", 30, NOW, "2026-03-02 00:00", "2026-03-17 00:00", "", 2, "2026-03-09 10:00", "2026-03-09 10:30", 0, 0},
	{"minimum notice", "ma=09:00-12:00", 30, "2026-03-02 09:10", MON, "", 3, "2026-03-02 10:30", "2026-03-02 11:30", 0, 0},
	{"no notice", "ma=09:00-12:00 vooraf=0", 30, "2026-03-02 09:10", MON, "", 5, "2026-03-02 09:30", "2026-03-02 11:30", 0, 0},
	{"notice exactly on a slot", "ma=09:00-12:00", 30, "2026-03-02 09:00", MON, "", 4, "2026-03-02 10:00", "2026-03-02 11:30", 0, 0},
	{"long notice", "ma=09:00-12:00 vooraf=1530", 30, NOW, "2026-03-02 00:00", "2026-03-10 00:00", "", 11, "2026-03-02 09:30", "2026-03-09 11:30", 0, 0},
	{"ahead one day", "ma=09:00-12:00 vooruit=1", 30, NOW, "2026-03-02 00:00", "2026-03-10 00:00", "", 0, 0, 0, 0, 0},
	{"ahead two days", "ma=09:00-12:00 vooruit=2", 30, NOW, "2026-03-02 00:00", "2026-03-10 00:00", "", 6, "2026-03-02 09:00", "2026-03-02 11:30", 0, 0},
	{"ahead ends before the second Monday", "ma=09:00-12:00 vooruit=8", 30, NOW, "2026-03-02 00:00", "2026-03-10 00:00", "", 6, 0, "2026-03-02 11:30", 0, 0},
	{"ahead reaches the second Monday", "ma=09:00-12:00 vooruit=9", 30, NOW, "2026-03-02 00:00", "2026-03-10 00:00", "", 12, 0, "2026-03-09 11:30", 0, 0},
	{"default ahead is 56 days", "ma=09:00-12:00", 30, NOW, "2026-06-01 00:00", "2026-06-02 00:00", "", 0, 0, 0, 0, 0},
	{"window inside a day", "ma=09:00-12:00", 30, NOW, "2026-03-02 10:00", "2026-03-02 11:00", "", 2, "2026-03-02 10:00", "2026-03-02 10:30", 0, 0},
	{"busy slot", "ma=09:00-12:00", 30, NOW, MON, "2026-03-02 10:00/30", 5, "2026-03-02 09:00", "2026-03-02 11:30", 0, 0},
	{"two busy", "ma=09:00-12:00", 30, NOW, MON, "2026-03-02 09:00/60,2026-03-02 11:00/30", 3, "2026-03-02 10:00", "2026-03-02 11:30", 0, 0},
	{"busy on another day", "ma=09:00-12:00", 30, NOW, MON, "2026-03-09 10:00/30", 6, 0, 0, 0, 0},
	{"buffer after", "ma=09:00-12:00 na=15", 30, NOW, MON, "2026-03-02 10:00/30", 3, "2026-03-02 09:00", "2026-03-02 11:30", 0, 0},
	{"buffer before", "ma=09:00-12:00 voor=15", 30, NOW, MON, "2026-03-02 10:00/30", 3, "2026-03-02 09:00", "2026-03-02 11:30", 0, 0},
	{"buffers both sides", "ma=09:00-12:00 voor=10 na=10", 30, NOW, MON, "2026-03-02 10:00/30", 3, "2026-03-02 09:00", "2026-03-02 11:30", 0, 0},
	{"buffers stack (15-minute grid)", "ma=09:00-10:00 slot=15 voor=5 na=5", 15, NOW, MON, "2026-03-02 09:30/15", 1, "2026-03-02 09:00", "2026-03-02 09:00", 0, 0},
	{"buffers stack (10-minute grid)", "ma=09:00-10:00 slot=10 voor=5 na=5", 10, NOW, MON, "2026-03-02 09:30/10", 3, "2026-03-02 09:00", "2026-03-02 09:50", 0, 0},
	{"buffer reaches before opening", "ma=09:00-12:00 voor=30", 30, NOW, MON, "2026-03-02 08:00/60", 5, "2026-03-02 09:30", "2026-03-02 11:30", 0, 0},
	{"buffers alone, nothing booked", "ma=09:00-12:00 voor=20 na=20", 30, NOW, MON, "", 6, "2026-03-02 09:00", "2026-03-02 11:30", 0, 0},
	{"kind does not fit", "ma=09:00-09:30", 45, NOW, MON, "", 0, 0, 0, 0, 0},
	{"until midnight", "ma=22:00-24:00", 30, NOW, MON, "", 4, "2026-03-02 22:00", "2026-03-02 23:30", 0, 0},
	{"first kind's length by default", "ma=09:00-12:00 controle=60 telefonisch=10", 0, NOW, MON, "", 5, "2026-03-02 09:00", "2026-03-02 11:00", 0, 0},
	{"slot length without kinds", "ma=09:00-12:00 slot=20", 0, NOW, MON, "", 9, "2026-03-02 09:00", "2026-03-02 11:40", 0, 0},
	/* the spring weekend: Sunday 29 March 2026, 02:00 CET becomes 03:00 CEST */
	{"Saturday before spring is CET", "za=09:00-10:00", 30, NOW, "2026-03-28 00:00", "2026-03-29 00:00", "", 2, 0, 0, "2026-03-28T08:00Z", "2026-03-28T08:30Z"},
	{"spring Sunday morning is CEST", "zo=09:00-10:00", 30, NOW, "2026-03-29 00:00", "2026-03-30 00:00", "", 2, 0, 0, "2026-03-29T07:00Z", "2026-03-29T07:30Z"},
	{"spring night skips the lost hour", "zo=01:00-04:00", 30, NOW, "2026-03-29 00:00", "2026-03-30 00:00", "", 4, 0, 0, "2026-03-29T00:00Z", "2026-03-29T01:30Z"},
	{"Monday after spring is CEST", "ma=09:00-10:00", 30, NOW, "2026-03-30 00:00", "2026-03-31 00:00", "", 2, 0, 0, "2026-03-30T07:00Z", "2026-03-30T07:30Z"},
	{"spring week, every day", "ma=09:00-10:00 di=09:00-10:00 wo=09:00-10:00 do=09:00-10:00 vr=09:00-10:00 za=09:00-10:00 zo=09:00-10:00", 30, NOW, "2026-03-26 00:00", "2026-04-02 00:00", "", 14, "2026-03-26 09:00", "2026-04-01 09:30", "2026-03-26T08:00Z", "2026-04-01T07:30Z"},
	{"spring Sunday closed by exception", "zo=09:00-10:00 2026-03-29=dicht", 30, NOW, "2026-03-29 00:00", "2026-03-30 00:00", "", 0, 0, 0, 0, 0},
	{"ahead across spring change", "ma=09:00-12:00 di=09:00-12:00 wo=09:00-12:00 do=09:00-12:00 vr=09:00-12:00 za=09:00-12:00 zo=09:00-12:00 vooruit=1", 30, "2026-03-28 09:30", "2026-03-28 00:00", "2026-03-31 00:00", "", 7, "2026-03-28 10:30", "2026-03-29 10:30", 0, 0},
	{"busy across spring change", "zo=01:00-04:00", 30, NOW, "2026-03-29 00:00", "2026-03-30 00:00", "2026-03-29 03:00/30", 3, 0, 0, "2026-03-29T00:00Z", "2026-03-29T01:30Z"},
	/* the autumn weekend: Sunday 25 October 2026, 03:00 CEST becomes 02:00 CET */
	{"Saturday before autumn is CEST", "za=09:00-10:00", 30, "2026-10-01 08:00", "2026-10-24 00:00", "2026-10-25 00:00", "", 2, 0, 0, "2026-10-24T07:00Z", "2026-10-24T07:30Z"},
	{"autumn Sunday morning is CET", "zo=09:00-10:00", 30, "2026-10-01 08:00", "2026-10-25 00:00", "2026-10-26 00:00", "", 2, 0, 0, "2026-10-25T08:00Z", "2026-10-25T08:30Z"},
	{"autumn night: the doubled hour once", "zo=01:00-04:00", 30, "2026-10-01 08:00", "2026-10-25 00:00", "2026-10-26 00:00", "", 6, 0, 0, "2026-10-24T23:00Z", "2026-10-25T02:30Z"},
	{"autumn busy in the doubled hour", "zo=01:00-04:00", 30, "2026-10-01 08:00", "2026-10-25 00:00", "2026-10-26 00:00", "2026-10-25 02:00/30", 5, 0, 0, "2026-10-24T23:00Z", "2026-10-25T02:30Z"},
	{"Monday after autumn is CET", "ma=09:00-10:00", 30, "2026-10-01 08:00", "2026-10-26 00:00", "2026-10-27 00:00", "", 2, 0, 0, "2026-10-26T08:00Z", "2026-10-26T08:30Z"},
	{"autumn week, every day", "ma=09:00-10:00 di=09:00-10:00 wo=09:00-10:00 do=09:00-10:00 vr=09:00-10:00 za=09:00-10:00 zo=09:00-10:00", 30, "2026-10-01 08:00", "2026-10-22 00:00", "2026-10-29 00:00", "", 14, "2026-10-22 09:00", "2026-10-28 09:30", "2026-10-22T07:00Z", "2026-10-28T08:30Z"},
	{"autumn buffers stack across the change", "zo=01:00-04:00 voor=10 na=10", 30, "2026-10-01 08:00", "2026-10-25 00:00", "2026-10-26 00:00", "2026-10-25 03:00/30", 4, 0, 0, "2026-10-24T23:00Z", "2026-10-25T00:30Z"},
	/* eight weeks of a full practice */
	{"eight weeks", "ma=09:00-12:00,13:00-17:00 di=09:00-12:00,13:00-17:00 wo=09:00-12:00,13:00-17:00 do=09:00-12:00,13:00-17:00 vr=09:00-12:00,13:00-17:00 slot=15", 15, NOW, "2026-03-01 00:00", "2026-05-01 00:00", "", 1120, "2026-03-02 09:00", "2026-04-24 16:45", 0, 0},
};

static void fmt_local(int64_t t, char *out, size_t cap)
{
	int32_t day;
	int minute, y, m, d;
	ams_local(t, &day, &minute);
	civil_from(day, &y, &m, &d);
	snprintf(out, cap, "%04d-%02d-%02d %02d:%02d", y, m, d, minute / 60, minute % 60);
}

static void run_case(const struct tc *c)
{
	struct availability a;
	char why[160] = "";
	int rc = avail_parse(c->spec, &a, why, sizeof why);
	if (rc)
		print_error("%s: %s\n", c->name, why);
	assert_int_equal(rc, 0);
	int len = c->len ? c->len : avail_kind_minutes(&a, NULL);
	struct busy busy[8];
	size_t nb = 0;
	const char *p = c->busy;
	while (*p) {
		char when[17];
		int mins;
		memcpy(when, p, 16);
		when[16] = 0;
		assert_int_equal(sscanf(p + 17, "%d", &mins), 1);
		busy[nb++] = slots_block(&a, local(when), mins);
		p = strchr(p, ',');
		if (!p)
			break;
		p++;
	}
	static int64_t out[2000];
	size_t n = slots_free(&a, len, local(c->now), local(c->from), local(c->to), busy, nb, out, 2000);
	if (n != c->n)
		print_error("%s: %zu slots, expected %zu\n", c->name, n, c->n);
	assert_int_equal(n, c->n);
	char got[32];
	if (c->first) {
		fmt_local(out[0], got, sizeof got);
		if (strcmp(got, c->first))
			print_error("%s: first %s\n", c->name, got);
		assert_string_equal(got, c->first);
	}
	if (c->last) {
		fmt_local(out[n - 1], got, sizeof got);
		if (strcmp(got, c->last))
			print_error("%s: last %s\n", c->name, got);
		assert_string_equal(got, c->last);
	}
	if (c->first_utc)
		assert_int_equal(out[0], utc(c->first_utc));
	if (c->last_utc)
		assert_int_equal(out[n - 1], utc(c->last_utc));
	for (size_t i = 1; i < n; i++)
		assert_true(out[i - 1] < out[i]);
	/* no slot returned overlaps a busy block, buffers included */
	for (size_t i = 0; i < n; i++) {
		struct busy b = slots_block(&a, out[i], len);
		for (size_t k = 0; k < nb; k++)
			assert_false(b.from < busy[k].to && busy[k].from < b.to);
	}
}

static void test_table(void **state)
{
	(void)state;
	size_t n = sizeof cases / sizeof cases[0];
	assert_true(n >= 40);
	for (size_t i = 0; i < n; i++)
		run_case(&cases[i]);
}

static void test_offsets(void **state)
{
	(void)state;
	/* the changes at 01:00 UTC exactly */
	assert_int_equal(ams_offset(utc("2026-03-29T00:59Z")), 3600);
	assert_int_equal(ams_offset(utc("2026-03-29T01:00Z")), 7200);
	assert_int_equal(ams_offset(utc("2026-10-25T00:59Z")), 7200);
	assert_int_equal(ams_offset(utc("2026-10-25T01:00Z")), 3600);
	assert_int_equal(ams_offset(utc("2027-03-28T01:00Z")), 7200);
	assert_int_equal(ams_offset(utc("2025-10-26T00:30Z")), 7200);
	assert_true(ams_to_utc(civil_days(2026, 3, 29), 150) == INT64_MIN);
	assert_int_equal(ams_to_utc(civil_days(2026, 10, 25), 150), utc("2026-10-25T00:30Z"));
	int y, m, d;
	civil_from(civil_days(2028, 2, 29), &y, &m, &d);
	assert_true(y == 2028 && m == 2 && d == 29);
}

static void test_parse(void **state)
{
	(void)state;
	struct availability a, b;
	char why[160];
	static const char *const bad[] = {
		"ma=9-12", "ma=12:00-09:00", "foo=1", "slot=0", "slot=abc", "2026-02-30=dicht",
		"ma=09:00-12:00,11:00-13:00", "ma", "voor=999", "vooruit=0", "controle=1", "ma=09:00-25:00",
		"ma=09:00-12:00,13:00-14:00,14:00-14:30,15:00-15:30,16:00-16:30,17:00-17:30,18:00-18:30,19:00-19:30,20:00-20:30",
		"2026-03-02=dicht 2026-03-02=10:00-11:00",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		why[0] = 0;
		if (avail_parse(bad[i], &a, why, sizeof why) != ERR_INVAL)
			print_error("accepted: %s\n", bad[i]);
		assert_int_equal(avail_parse(bad[i], &a, why, sizeof why), ERR_INVAL);
		assert_true(why[0] != 0);
	}
	char big[AVAIL_SPEC_MAX + 10];
	memset(big, ' ', sizeof big - 1);
	big[sizeof big - 1] = 0;
	assert_int_equal(avail_parse(big, &a, why, sizeof why), ERR_TOOBIG);
	const char *spec = "slot=15 voor=5 na=10 vooraf=120 vooruit=28 ma=09:00-12:00,13:00-17:00 vr=08:00-12:00"
	                   " pauze=10:00-10:15 2026-12-25=dicht 2026-12-24=09:00-12:00 controle=15 eerste_gesprek=45";
	assert_int_equal(avail_parse(spec, &a, why, sizeof why), 0);
	char text[AVAIL_SPEC_MAX];
	avail_format(&a, text, sizeof text);
	assert_int_equal(avail_parse(text, &b, why, sizeof why), 0);
	assert_int_equal(memcmp(&a.week, &b.week, sizeof a.week), 0);
	assert_int_equal(memcmp(&a.ex, &b.ex, sizeof a.ex), 0);
	assert_int_equal(b.nkinds, 2);
	assert_int_equal(avail_kind_minutes(&b, "eerste_gesprek"), 45);
	assert_int_equal(avail_kind_minutes(&b, "controle"), 15);
	assert_int_equal(avail_kind_minutes(&b, NULL), 15);
	assert_int_equal(avail_kind_minutes(&b, "videogesprek"), 0);
	assert_int_equal(b.before_min, 5);
	assert_int_equal(b.after_min, 10);
	assert_int_equal(b.notice_min, 120);
	assert_int_equal(b.ahead_days, 28);
	assert_int_equal(b.nbreaks, 1);
	/* a day named twice: the last counts, and the text says the same (found by fuzz/slots_fuzz) */
	assert_int_equal(avail_parse("di=09:00-12:00,13:00-17:00 di=dicht", &a, why, sizeof why), 0);
	assert_int_equal(a.week[1].n, 0);
	avail_format(&a, text, sizeof text);
	assert_int_equal(avail_parse(text, &b, why, sizeof why), 0);
	assert_int_equal(memcmp(&a.week, &b.week, sizeof a.week), 0);
}

static void test_max(void **state)
{
	(void)state;
	struct availability a;
	char why[80];
	assert_int_equal(avail_parse("ma=09:00-12:00", &a, why, sizeof why), 0);
	int64_t out[3];
	assert_int_equal(slots_free(&a, 30, local(NOW), local("2026-03-02 00:00"), local("2026-03-03 00:00"), NULL, 0, out, 3), 6);
	assert_int_equal(out[2], local("2026-03-02 10:00"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_max),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
