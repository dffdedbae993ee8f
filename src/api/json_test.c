/* Unit tests for api/: the JSON writer and the scope rule it serves. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "api/api_int.h"
#include "base/err.h"

static void test_writer(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	struct jw j;
	jw_init(&j, &b);
	jw_obj(&j);
	jw_kid(&j, "id", 42);
	jw_kid(&j, "none", 0);
	jw_kstr(&j, "s", "a\"b<\n");
	jw_kstr(&j, "null", NULL);
	jw_kbool(&j, "t", true);
	jw_kint(&j, "n", -7);
	jw_ktime(&j, "at", 1795375500);
	jw_kempty(&j, "e");
	jw_key(&j, "list");
	jw_arr(&j);
	jw_obj(&j);
	jw_end(&j);
	jw_str(&j, "x");
	jw_int(&j, 1);
	jw_arr_end(&j);
	jw_end(&j);
	assert_string_equal(b.ptr, "{\"id\":\"42\",\"none\":null,\"s\":\"a\\\"b\\u003c\\n\",\"null\":null,\"t\":true,"
	                           "\"n\":-7,\"at\":\"2026-11-22T19:25:00.000Z\",\"e\":[],\"list\":[{},\"x\",1]}");
	buf_release(&b);
}

/* Dates and times are written without strftime: the same text as
 * strftime's for every day from 1970 to 9999 (leap days, centuries), and
 * integers at their limits. */
static void test_writer_dates_and_numbers(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	for (int64_t t = 1; t < INT64_C(253402300800); t += 86401) {
		struct jw j;
		buf_reset(&b);
		jw_init(&j, &b);
		jw_arr(&j);
		jw_time(&j, t);
		jw_date(&j, t);
		jw_arr_end(&j);
		time_t tt = (time_t)t;
		struct tm tm;
		gmtime_r(&tt, &tm);
		char want[80];
		strftime(want, sizeof want, "[\"%Y-%m-%dT%H:%M:%S.000Z\",\"%Y-%m-%d\"]", &tm);
		if (strcmp(b.ptr, want)) {
			print_error("t=%lld: %s, want %s\n", (long long)t, b.ptr, want);
			fail();
		}
	}
	struct jw j;
	buf_reset(&b);
	jw_init(&j, &b);
	jw_arr(&j);
	jw_int(&j, INT64_MIN);
	jw_int(&j, INT64_MAX);
	jw_int(&j, 0);
	jw_id(&j, UINT64_MAX);
	jw_time(&j, INT64_C(253402300799));
	jw_date(&j, 0);
	jw_arr_end(&j);
	assert_string_equal(b.ptr, "[-9223372036854775808,9223372036854775807,0,\"18446744073709551615\","
	                           "\"9999-12-31T23:59:59.000Z\",\"1970-01-01\"]");
	buf_release(&b);
}

static int h_none(struct http_req *r)
{
	(void)r;
	return 0;
}

/* Every route of the table declares a scope; one that does not, or that
 * names no known scope, is refused (the server then does not start). */
static void test_route_scopes(void **state)
{
	(void)state;
	assert_int_equal(api_routes_check(api_table, api_ntable), 0);
	for (size_t i = 0; i < api_ntable; i++)
		assert_non_null(api_table[i].scope);
	const struct api_route bad[] = {
		{HTTP_GET, "/a", h_none, NULL},          {HTTP_GET, "/b", h_none, ""},
		{HTTP_GET, "/c", h_none, "opt:"},        {HTTP_GET, "/d", h_none, "read:everything"},
		{HTTP_GET, "/e", h_none, "read|"},       {HTTP_GET, "/f", h_none, "opt:read||write"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(api_routes_check(&bad[i], 1), ERR_INVAL);
	const struct api_route good[] = {
		{HTTP_GET, "/a", h_none, API_PUBLIC},
		{HTTP_GET, "/b", h_none, API_TOKEN},
		{HTTP_GET, "/c", h_none, API_OPT("read:statuses read:accounts|read")},
	};
	assert_int_equal(api_routes_check(good, 3), 0);
	/* "s1 s2|s3": both of the first, or the second. */
	assert_true(api_scope_meets("read", "read:statuses read:accounts"));
	assert_false(api_scope_meets("read:accounts", "read:statuses read:accounts"));
	assert_true(api_scope_meets("read:accounts read:statuses", "read:statuses read:accounts"));
	assert_true(api_scope_meets("profile", "read:accounts|profile"));
	assert_false(api_scope_meets("write:media", "read:accounts|profile"));
	assert_true(api_scope_meets("follow", "write:blocks"));
	assert_false(api_scope_meets("read:notifications", "read:statuses"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_writer_dates_and_numbers),
		cmocka_unit_test(test_route_scopes),
	};
	return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
