/* Unit tests for core/fed_read.c: what an incoming activity must hold, its
 * limits, and how the public is written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/err.h"
#include "core/fed_read.h"

static int rd(const char *s, struct fed_head *h, json_t **act)
{
	const char *why = NULL;
	int rc = fed_read_activity(s, strlen(s), act, h, &why);
	assert_true(rc ? why != NULL && *act == NULL : *act != NULL);
	return rc;
}

static void test_fields(void **state)
{
	(void)state;
	struct fed_head h;
	json_t *act;
	assert_int_equal(rd("{\"id\":\"https://m.example/1\",\"type\":\"Create\",\"actor\":{\"id\":\"https://m.example/u\"},"
	                    "\"object\":{\"id\":\"https://m.example/n\",\"type\":\"Note\",\"cc\":\"as:Public\"}}",
	                    &h, &act),
	                 0);
	assert_string_equal(h.type, "Create");
	assert_string_equal(h.actor, "https://m.example/u");
	assert_string_equal(h.object, "https://m.example/n");
	assert_string_equal(h.object_type, "Note");
	assert_true(h.is_public);
	json_decref(act);
	assert_int_equal(rd("{\"id\":\"i\",\"type\":\"Follow\",\"actor\":\"a\",\"object\":\"o\",\"to\":[\"a/followers\"]}",
	                    &h, &act),
	                 0);
	assert_string_equal(h.object, "o");
	assert_null(h.object_type);
	assert_false(h.is_public);
	json_decref(act);
	/* Missing a field, not an object, not JSON, a duplicate key. */
	assert_int_equal(rd("{\"id\":\"i\",\"type\":\"Follow\"}", &h, &act), ERR_INVAL);
	assert_int_equal(rd("[1]", &h, &act), ERR_INVAL);
	assert_int_equal(rd("{\"id\":", &h, &act), ERR_INVAL);
	assert_int_equal(rd("{\"id\":\"i\",\"type\":\"T\",\"actor\":\"a\",\"id\":\"j\"}", &h, &act), ERR_INVAL);
	assert_int_equal(rd("{\"id\":1,\"type\":\"T\",\"actor\":\"a\"}", &h, &act), ERR_INVAL);
}

static void test_limits(void **state)
{
	(void)state;
	struct fed_head h;
	json_t *act;
	/* A list of FED_READ_ITEMS_MAX items passes, one more does not, also
	 * two levels down. */
	char *s = malloc(16 * 1024);
	for (int extra = 0; extra < 2; extra++) {
		for (int deep = 0; deep < 2; deep++) {
			size_t n = (size_t)snprintf(s, 64, "{\"id\":\"i\",\"type\":\"T\",\"actor\":\"a\",%s\"to\":[",
			                            deep ? "\"object\":{\"x\":{" : "");
			for (int i = 0; i < FED_READ_ITEMS_MAX + extra; i++)
				n += (size_t)snprintf(s + n, 8, "%s1", i ? "," : "");
			snprintf(s + n, 8, "]%s}", deep ? "}}" : "");
			assert_int_equal(rd(s, &h, &act), extra ? ERR_TOOBIG : 0);
			json_decref(act);
		}
	}
	free(s);
	/* Over 1 MB: refused before it is parsed. */
	const char *why;
	assert_int_equal(fed_read_activity("{}", FED_READ_BODY_MAX + 1, &act, &h, &why), ERR_TOOBIG);
	/* A URI over FED_READ_URI_MAX is no URI. */
	char *big = malloc(FED_READ_URI_MAX + 64);
	memset(big, 'x', FED_READ_URI_MAX + 63);
	big[FED_READ_URI_MAX + 63] = '\0';
	char *doc = malloc(FED_READ_URI_MAX + 128);
	snprintf(doc, FED_READ_URI_MAX + 128, "{\"id\":\"i\",\"type\":\"T\",\"actor\":\"%s\"}", big);
	assert_int_equal(rd(doc, &h, &act), ERR_INVAL);
	free(doc);
	free(big);
}

static void test_public(void **state)
{
	(void)state;
	assert_true(fed_is_public("https://www.w3.org/ns/activitystreams#Public"));
	assert_true(fed_is_public("as:Public"));
	assert_true(fed_is_public("Public"));
	assert_false(fed_is_public("https://m.example/users/bob/followers"));
	assert_false(fed_is_public(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_fields),
	        cmocka_unit_test(test_limits),
	        cmocka_unit_test(test_public),
	};
	return cmocka_run_group_tests_name("fed_read", tests, NULL, NULL);
}
