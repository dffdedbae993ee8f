/* Unit tests for api_parse_time (api/scheduled.c): the dates apps send for
 * scheduled_at, and what is refused (untrusted input, bounded). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "api/api_int.h"

static void test_accepted(void **state)
{
	(void)state;
	int64_t t;
	assert_true(api_parse_time("2026-12-02T10:00:00.000Z", &t));
	assert_int_equal(t, 1796205600);
	assert_true(api_parse_time("2026-12-02T10:00:00Z", &t));
	assert_int_equal(t, 1796205600);
	assert_true(api_parse_time("2026-12-02T11:00:00.123456+01:00", &t)); /* Python's isoformat */
	assert_int_equal(t, 1796205600);
	assert_true(api_parse_time("2026-12-02T05:30-0430", &t));
	assert_int_equal(t, 1796205600);
	assert_true(api_parse_time("2026-12-02T10:00", &t)); /* no zone: UTC */
	assert_int_equal(t, 1796205600);
}

static void test_refused(void **state)
{
	(void)state;
	int64_t t;
	static const char *bad[] = {
		"", "morgen", "2026-12-02", "2026-13-02T10:00:00Z", "2026-12-02T24:00:00Z", "2026-12-02T10:60Z",
		"2026-12-02T10:00:00+25:00", "2026-12-02T10:00:00ZZ", "2026-12-02T10:00:00.Z", "1969-12-31T23:59:59Z",
		"2026-12-02T10:00:00.0000000000000000000000000000000000000000000000000000000000000Z",
		"2026-12-02X10:00:00Z", "+026-12-02T10:00:00Z",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(api_parse_time(bad[i], &t));
	assert_false(api_parse_time(NULL, &t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_accepted), cmocka_unit_test(test_refused)};
	return cmocka_run_group_tests_name("api_parse_time", tests, NULL, NULL);
}
