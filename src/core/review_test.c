/* Unit tests for the pure parts of core/review.c: the score's thresholds
 * and its four-year window, near-duplicate signatures, the code of conduct. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/id.h"
#include "core/review.h"

static struct review rv(int mark, int64_t at)
{
	struct review r;
	memset(&r, 0, sizeof r);
	for (int k = 0; k < REVIEW_ASPECTS; k++)
		r.marks[k] = mark;
	r.created_at = at;
	r.state = REVIEW_PUBLISHED;
	return r;
}

static void test_score(void **state)
{
	(void)state;
	int64_t now = time_now(), year = 365 * 86400;
	struct review v[40];
	for (int i = 0; i < 40; i++)
		v[i] = rv(i % 2 ? 8 : 6, now - 3600 * i);
	struct review_score s;
	core_review_score_of(v, 8, now, false, &s);
	assert_false(s.shown);
	assert_int_equal(s.count, 8);
	assert_int_equal(s.threshold, 9);
	assert_int_equal(s.spread[6] + s.spread[8], 8);
	assert_true(s.average == 0);
	core_review_score_of(v, 9, now, false, &s);
	assert_true(s.shown);
	assert_true(s.average > 6.8 && s.average < 7.0);
	/* An organisation needs 30. */
	core_review_score_of(v, 29, now, true, &s);
	assert_false(s.shown);
	core_review_score_of(v, 30, now, true, &s);
	assert_true(s.shown);
	/* Older than four years drops out; held and removed never count. */
	v[0].created_at = now - 4 * year - 86400 * 2;
	core_review_score_of(v, 9, now, false, &s);
	assert_false(s.shown);
	assert_int_equal(s.count, 8);
	v[0].created_at = now;
	v[1].state = REVIEW_QUEUED;
	core_review_score_of(v, 9, now, false, &s);
	assert_int_equal(s.count, 8);
}

static void test_minhash(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const char *x = core_review_minhash(&a, "Fantastische zorgverlener, echt de beste van Nederland, altijd "
	                                        "vriendelijk en snel geholpen, een aanrader 1!");
	const char *y = core_review_minhash(&a, "fantastische zorgverlener echt de beste van nederland altijd "
	                                        "vriendelijk en snel geholpen een aanrader 2");
	const char *z = core_review_minhash(&a, "De wachttijd was lang, maar de verpleegkundige legde rustig uit "
	                                        "wat er met mijn moeder aan de hand was.");
	assert_int_equal(strlen(x), REVIEW_MINHASH * 8);
	assert_true(core_review_similarity(x, y) >= 0.5);
	assert_true(core_review_similarity(x, z) < 0.2);
	assert_true(core_review_similarity(x, x) == 1.0);
	assert_true(core_review_similarity(x, "zz") == 0);
	arena_release(&a);
}

static void test_conduct(void **state)
{
	(void)state;
	int good[REVIEW_ASPECTS] = {8, 8, 7, 9}, bad[REVIEW_ASPECTS] = {3, 2, 5, 4};
	const char *staff[] = {"Annemarie Bakker", "abakker", NULL};
	assert_null(core_review_conduct("Fijne hulp, rustig uitgelegd.", good, staff));
	assert_non_null(core_review_conduct("Kijk op www.voorbeeld.nl", good, NULL));
	assert_non_null(core_review_conduct("Zie zorgwinkel.com voor meer", good, NULL));
	assert_non_null(core_review_conduct("Bel 06 12345678 voor korting", good, NULL));
	assert_non_null(core_review_conduct("Ik weet waar je woont.", bad, NULL));
	/* Staff names only in a complaint. */
	assert_non_null(core_review_conduct("Annemarie was onbeleefd.", bad, staff));
	assert_null(core_review_conduct("Annemarie was heel lief.", good, staff));
	assert_non_null(core_review_conduct("Mevrouw Pietersen luisterde niet.", bad, NULL));
	assert_null(core_review_conduct("Het was 3.5 uur wachten, en o.a. de uitleg ontbrak.", bad, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_score),
	        cmocka_unit_test(test_minhash),
	        cmocka_unit_test(test_conduct),
	};
	return cmocka_run_group_tests_name("review", tests, NULL, NULL);
}
