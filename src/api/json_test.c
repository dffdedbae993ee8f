/* Unit tests for api/: the JSON writer and the scope rule it serves. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "api/api_int.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writer),
	};
	return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
