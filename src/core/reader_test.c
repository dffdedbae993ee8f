/* Unit tests for what a reader keeps (core/list.c, filter.c, reader.c):
 * the rules the API's lists, filters and followed tags go through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "core/core.h"
#include "core/core_int.h"

struct fx {
	char path[64];
	struct core *c;
	struct arena a;
	uint64_t ann, bob, eve;
};

static int setup(void **state)
{
	log_min = LOG_WARN;
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/kring-reader-%d-%llu.db", (int)getpid(), (unsigned long long)id_new());
	if (core_open(f->path, &f->c))
		return -1;
	arena_init(&f->a);
	if (core_account_create(f->c, "ann", "wachtwoord-ann", ACCOUNT_PERSON, ROLE_MEMBER, &f->ann) ||
	    core_account_create(f->c, "bob", "wachtwoord-bob", ACCOUNT_PERSON, ROLE_MEMBER, &f->bob) ||
	    core_account_create(f->c, "eve", "wachtwoord-eve", ACCOUNT_PERSON, ROLE_MEMBER, &f->eve))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	core_close(f->c);
	arena_release(&f->a);
	char p[80];
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	free(f);
	return 0;
}

/* A tag's name is what a post's text would make of it, and nothing else. */
static void test_tag_name(void **state)
{
	struct arena a;
	arena_init(&a);
	const char *v[8];
	size_t n = text_tags(&a, "#Zorg #Wél_dit #x", v, 8);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(core_tag_name(&a, v[i]), v[i]);
	assert_string_equal(core_tag_name(&a, "#ZORG"), "zorg");
	char longest[CORE_TAG_MAX + 2];
	memset(longest, 'a', sizeof longest);
	longest[CORE_TAG_MAX] = '\0';
	assert_non_null(core_tag_name(&a, longest));
	longest[CORE_TAG_MAX] = 'a';
	longest[CORE_TAG_MAX + 1] = '\0';
	assert_null(core_tag_name(&a, longest));
	static const char *const bad[] = {"", "#", "##zorg", "zorg-buurt", "zorg buurt", "a.b", "\xff\xfe", NULL};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_null(core_tag_name(&a, bad[i]));
	arena_release(&a);
}

static void test_filter_expiry(void **state)
{
	int64_t at = 0;
	assert_int_equal(core_filter_expiry(0, &at), ERR_INVAL);
	assert_int_equal(core_filter_expiry(-5, &at), ERR_INVAL);
	assert_int_equal(core_filter_expiry(CORE_FILTER_EXPIRES_MAX, &at), ERR_INVAL);
	assert_int_equal(core_filter_expiry(3600, &at), 0);
	assert_true(at > time_now() + 3500);
}

static void test_list_rules(void **state)
{
	struct fx *f = *state;
	struct ulist in = {.title = "Buren"};
	uint64_t id = 0;
	assert_int_equal(core_list_save(f->c, f->ann, &in, &id), 0);
	assert_true(id != 0);
	/* Not followed yet: refused; oneself is fine. */
	assert_int_equal(core_list_members_set(f->c, &f->a, f->ann, id, &f->bob, 1, true), ERR_NOTFOUND);
	assert_int_equal(core_list_members_set(f->c, &f->a, f->ann, id, &f->ann, 1, true), 0);
	int st;
	assert_int_equal(core_follow(f->c, f->ann, f->bob, true, &st), 0);
	uint64_t both[2] = {f->bob, f->eve};
	assert_int_equal(core_list_members_set(f->c, &f->a, f->ann, id, both, 2, true), ERR_NOTFOUND);
	struct account **m;
	size_t n;
	assert_int_equal(core_list_members(f->c, &f->a, f->ann, id, &m, &n), 0);
	assert_int_equal(n, 1); /* all or none: only ann */
	assert_int_equal(core_list_members_set(f->c, &f->a, f->ann, id, &f->bob, 1, true), 0);
	assert_int_equal(core_list_members(f->c, &f->a, f->ann, id, &m, &n), 0);
	assert_int_equal(n, 2);
	struct ulist *holding;
	assert_int_equal(core_lists_holding(f->c, &f->a, f->ann, f->bob, &holding, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(holding[0].id, id);
	assert_int_equal(core_lists_holding(f->c, &f->a, f->eve, f->bob, &holding, &n), 0);
	assert_int_equal(n, 0);
	/* Suspended: left out, and not added again. */
	assert_int_equal(core_account_suspend(f->c, 0, f->bob, true, NULL), 0);
	assert_int_equal(core_list_members(f->c, &f->a, f->ann, id, &m, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(m[0]->id, f->ann);
	assert_int_equal(core_account_suspend(f->c, 0, f->bob, false, NULL), 0);
	/* Unfollowed: off the list. */
	assert_int_equal(core_follow(f->c, f->ann, f->bob, false, &st), 0);
	assert_int_equal(core_list_members(f->c, &f->a, f->ann, id, &m, &n), 0);
	assert_int_equal(n, 1);
	/* Another's list is not found; nor is changing it through an id. */
	struct ulist *l;
	assert_int_equal(core_list_get(f->c, &f->a, f->eve, id, &l), ERR_NOTFOUND);
	struct ulist steal = {.id = id, .title = "Van eve"};
	assert_int_equal(core_list_save(f->c, f->eve, &steal, NULL), ERR_NOTFOUND);
	assert_int_equal(core_list_members_set(f->c, &f->a, f->eve, id, &f->eve, 1, true), ERR_NOTFOUND);
	assert_int_equal(core_list_get(f->c, &f->a, f->ann, id, &l), 0);
	assert_string_equal(l->title, "Buren");
	/* Titles and policies. */
	struct ulist blank = {.title = " \t"}, policy = {.title = "x", .replies_policy = "alle"};
	assert_int_equal(core_list_save(f->c, f->ann, &blank, NULL), ERR_INVAL);
	assert_int_equal(core_list_save(f->c, f->ann, &policy, NULL), ERR_INVAL);
	assert_int_equal(core_list_save(f->c, 0, &in, NULL), ERR_AUTH);
	/* At most CORE_LISTS_MAX. */
	for (int i = 1; i < CORE_LISTS_MAX; i++)
		assert_int_equal(core_list_save(f->c, f->ann, &in, NULL), 0);
	assert_int_equal(core_list_save(f->c, f->ann, &in, NULL), ERR_TOOBIG);
}

static void test_filter_rules(void **state)
{
	struct fx *f = *state;
	struct filter_kw kw[CORE_FILTER_KEYWORDS_MAX + 1];
	for (size_t i = 0; i <= CORE_FILTER_KEYWORDS_MAX; i++)
		kw[i] = (struct filter_kw){.keyword = "woord", .whole_word = true};
	struct filter in = {.title = "Niet zien", .context = "home,thread", .kw = kw, .nkw = 2};
	assert_int_equal(core_filter_save(f->c, f->ann, &in), 0);
	assert_true(in.id != 0 && kw[0].id != 0 && kw[1].id != kw[0].id);
	assert_string_equal(in.action, "warn");
	/* Contexts: known ones, comma separated, at least one. */
	static const char *const ctx[] = {NULL, "", "home,", ",home", "home,,thread", "overal", "home thread"};
	for (size_t i = 0; i < sizeof ctx / sizeof ctx[0]; i++) {
		struct filter g = {.title = "x", .context = ctx[i]};
		assert_int_equal(core_filter_save(f->c, f->ann, &g), ERR_INVAL);
	}
	struct filter act = {.title = "x", .context = "public", .action = "wis"};
	assert_int_equal(core_filter_save(f->c, f->ann, &act), ERR_INVAL);
	/* Keywords: at most CORE_FILTER_KEYWORDS_MAX a filter, counted with those it has. */
	struct filter_kw one = {.keyword = "nog"};
	for (size_t i = 2; i < CORE_FILTER_KEYWORDS_MAX; i++)
		assert_int_equal(core_filter_keyword_add(f->c, &f->a, f->ann, in.id, &one), 0);
	assert_int_equal(core_filter_keyword_add(f->c, &f->a, f->ann, in.id, &one), ERR_TOOBIG);
	struct filter *got;
	assert_int_equal(core_filter_get(f->c, &f->a, f->ann, in.id, &got), 0);
	assert_int_equal(got->nkw, CORE_FILTER_KEYWORDS_MAX);
	struct filter many = {.title = "x", .context = "home", .kw = kw, .nkw = CORE_FILTER_KEYWORDS_MAX + 1};
	assert_int_equal(core_filter_save(f->c, f->ann, &many), ERR_TOOBIG);
	/* Someone else's filter: not found, not changed. */
	struct filter steal = *got;
	steal.title = "Van eve";
	steal.nkw = 0;
	assert_int_equal(core_filter_save(f->c, f->eve, &steal), ERR_NOTFOUND);
	assert_int_equal(core_filter_keyword_add(f->c, &f->a, f->eve, in.id, &one), ERR_NOTFOUND);
	assert_int_equal(core_filter_get(f->c, &f->a, f->ann, in.id, &got), 0);
	assert_string_equal(got->title, "Niet zien");
}

static void test_tags_and_markers(void **state)
{
	struct fx *f = *state;
	assert_int_equal(core_tag_follow(f->c, &f->a, f->ann, "#Zorg", true), 0);
	assert_int_equal(core_tag_follow(f->c, &f->a, f->ann, "zorg-buurt", true), ERR_INVAL);
	bool on = false;
	assert_int_equal(core_tag_followed(f->c, f->ann, "zorg", &on), 0);
	assert_true(on);
	const char **tags;
	size_t n;
	assert_int_equal(core_tags_followed(f->c, &f->a, f->ann, &tags, &n), 0);
	assert_int_equal(n, 1);
	const char *tls[2] = {"home", "elders"};
	uint64_t last[2] = {5, 6};
	assert_int_equal(core_markers_set(f->c, f->ann, tls, last, 2), ERR_INVAL);
	struct marker m;
	assert_int_equal(core_marker_get(f->c, f->ann, "home", &m), ERR_NOTFOUND); /* none set: all or none */
	assert_int_equal(core_markers_set(f->c, f->ann, tls, last, 1), 0);
	assert_int_equal(core_marker_get(f->c, f->ann, "home", &m), 0);
	assert_int_equal(m.last_read_id, 5);
	assert_int_equal(m.version, 1);
	assert_int_equal(core_marker_get(f->c, f->bob, "home", &m), ERR_NOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tag_name),
		cmocka_unit_test(test_filter_expiry),
		cmocka_unit_test_setup_teardown(test_list_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tags_and_markers, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
