/* Unit tests for the grouping rule of core/notif_group.c: likes and shares
 * of one post and follows within one window share a key; other kinds, other
 * posts, other windows and kinds left out of grouped_types do not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "core/core.h"

static const char *key(struct arena *a, int kind, uint64_t id, uint64_t post, int64_t at, uint64_t org,
                       const struct notif_filter *f)
{
	struct notification n = {.id = id, .kind = kind, .post_id = post, .created_at = at, .org_id = org};
	return core_notif_group_key(a, &n, f);
}

static void test_keys(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	int64_t t = 1800000000; /* a window starts at a multiple of CORE_NOTIF_GROUP_SPAN */
	int64_t w = t - t % CORE_NOTIF_GROUP_SPAN;
	assert_string_equal(key(&a, NOTIF_FAVOURITE, 1, 7, w, 0, NULL), key(&a, NOTIF_FAVOURITE, 2, 7, w + 3600, 0, NULL));
	assert_string_not_equal(key(&a, NOTIF_FAVOURITE, 1, 7, w, 0, NULL), key(&a, NOTIF_FAVOURITE, 2, 8, w, 0, NULL));
	assert_string_not_equal(key(&a, NOTIF_FAVOURITE, 1, 7, w, 0, NULL), key(&a, NOTIF_BOOST, 2, 7, w, 0, NULL));
	assert_string_not_equal(key(&a, NOTIF_FAVOURITE, 1, 7, w - 1, 0, NULL), key(&a, NOTIF_FAVOURITE, 2, 7, w, 0, NULL));
	assert_string_equal(key(&a, NOTIF_FOLLOW, 1, 0, w, 0, NULL), key(&a, NOTIF_FOLLOW, 9, 0, w + 60, 0, NULL));
	/* Follows of an organisation the reader is staff of are a group of their own. */
	assert_string_not_equal(key(&a, NOTIF_FOLLOW, 1, 0, w, 0, NULL), key(&a, NOTIF_FOLLOW, 2, 0, w, 5, NULL));
	assert_string_equal(key(&a, NOTIF_MENTION, 42, 7, w, 0, NULL), "ungrouped-42");
	assert_string_equal(key(&a, NOTIF_FOLLOW_REQUEST, 43, 0, w, 0, NULL), "ungrouped-43");
	const char *only[] = {"favourite"};
	struct notif_filter f = {.grouped = only, .ngrouped = 1, .grouped_set = true};
	assert_string_equal(key(&a, NOTIF_BOOST, 44, 7, w, 0, &f), "ungrouped-44");
	assert_string_equal(key(&a, NOTIF_FAVOURITE, 45, 7, w, 0, &f), key(&a, NOTIF_FAVOURITE, 46, 7, w, 0, NULL));
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_keys)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
