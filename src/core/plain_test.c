/* Unit tests for core/plain.c: the compose form's readability check (level,
 * score band, hints with the long sentence quoted and cut on a word). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "core/plain.h"

static void test_hard_text(void **state)
{
	struct arena a;
	arena_init(&a);
	const char *s = "Op grond van de Wet maatschappelijke ondersteuning heeft het college van burgemeester en "
	                "wethouders, na zorgvuldige afweging van de door u verstrekte informatie, besloten uw "
	                "aanvraag voor een maatwerkvoorziening en de bijbehorende indicatiestelling af te wijzen.";
	struct plain_check pc;
	assert_int_equal(core_plain_check(&a, s, &pc), 0);
	assert_int_equal(pc.level, 3);
	assert_string_equal(pc.level_name, "C1");
	assert_true(pc.score >= 0 && pc.score <= 100);
	assert_int_equal(pc.band, 4);
	bool long_sentence = false, jargon = false;
	for (size_t i = 0; i < pc.nhints; i++) {
		const struct plain_hint *h = &pc.hints[i];
		if (h->kind == PLAIN_LONG_SENTENCE) {
			long_sentence = true;
			assert_true(h->words > 20);
			size_t n = strlen(h->text);
			assert_true(n <= PLAIN_QUOTE_MAX + 3);
			assert_string_equal(h->text + n - 3, "...");
			assert_true(h->text[n - 4] != ' ' && !strncmp(h->text, "Op grond van de Wet", 19));
		}
		if (h->kind == PLAIN_JARGON && !strcmp(h->text, "indicatiestelling")) {
			jargon = true;
			assert_non_null(h->alt);
		}
	}
	assert_true(long_sentence && jargon);
	arena_release(&a);
}

static void test_easy_and_empty(void **state)
{
	struct arena a;
	arena_init(&a);
	struct plain_check pc;
	assert_int_equal(core_plain_check(&a, "Wij zijn er voor u. Bel ons gerust.", &pc), 0);
	assert_int_equal(pc.level, 1);
	assert_true(pc.band <= 1);
	assert_int_equal(pc.nhints, 0);
	assert_int_equal(core_plain_check(&a, "", &pc), 0);
	assert_int_equal(pc.words, 0);
	assert_int_equal(core_plain_check(&a, NULL, &pc), ERR_INVAL);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hard_text),
		cmocka_unit_test(test_easy_and_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
