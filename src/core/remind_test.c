/* The time in reminders (core/remind.c): words in Europe/Amsterdam on both
 * sides of both DST changes of 2026, the night that happens twice, and
 * English. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "core/core_int.h"

/* "2026-10-25T00:30Z" to UTC seconds. */
static int64_t utc(const char *s)
{
	int y, mo, d, h, mi;
	assert_int_equal(sscanf(s, "%d-%d-%dT%d:%dZ", &y, &mo, &d, &h, &mi), 5);
	return biz_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static void test_when(void **state)
{
	(void)state;
	static const struct {
		const char *at;
		bool en;
		const char *want;
	} cases[] = {
	        {"2026-12-08T09:30Z", false, "dinsdag 8 december 2026 om 10:30"},
	        {"2026-07-01T08:00Z", false, "woensdag 1 juli 2026 om 10:00"},
	        {"2026-03-29T00:59Z", false, "zondag 29 maart 2026 om 01:59"}, /* the last minute of winter time */
	        {"2026-03-29T01:00Z", false, "zondag 29 maart 2026 om 03:00"}, /* 02:00-03:00 does not exist */
	        {"2026-10-25T00:30Z", false, "zondag 25 oktober 2026 om 02:30"}, /* the first 02:30 */
	        {"2026-10-25T01:30Z", false, "zondag 25 oktober 2026 om 02:30"}, /* and the second */
	        {"2026-12-31T23:15Z", false, "vrijdag 1 januari 2027 om 00:15"}, /* a new year in Amsterdam */
	        {"2026-12-08T09:30Z", true, "Tuesday 8 December 2026 at 10:30"},
	        {"1970-01-01T00:00Z", false, "donderdag 1 januari 1970 om 01:00"},
	};
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = remind_when(&a, utc(cases[i].at), cases[i].en);
		if (strcmp(got, cases[i].want))
			fail_msg("%s: got \"%s\", want \"%s\"", cases[i].at, got, cases[i].want);
	}
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_when),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
