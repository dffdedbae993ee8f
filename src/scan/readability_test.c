/* Unit tests for the Dutch readability check: syllables, measures, hints, levels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "readability.c"

static struct arena A;

static void test_syllables(void **state)
{
	static const struct { const char *w; int n; } cases[] = {
		{"kat", 1}, {"huis", 1}, {"moeder", 2}, {"zorg", 1}, {"ziekenhuis", 3}, {"verpleegkundige", 5},
		{"theater", 3}, {"ideaal", 3}, {"biologie", 4}, {"koeien", 2}, {"mooi", 1}, {"nieuw", 1},
		{"leeuw", 1}, {"kraai", 1}, {"beëindigen", 4}, {"geïnformeerd", 4}, {"ruïne", 3}, {"zeeën", 2},
		{"indicatiestelling", 6}, {"afspraak", 2}, {"eigen", 2}, {"huisarts", 2}, {"pff", 1},
		{"cliënt", 2}, {"café", 2}, {"bijwerkingen", 4}, {"uitleggen", 3}, {"auto", 2},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = readability_syllables(cases[i].w, strlen(cases[i].w));
		if (got != cases[i].n)
			fail_msg("%s: %d syllables, want %d", cases[i].w, got, cases[i].n);
	}
}

static struct rd_result measure(const char *s)
{
	struct rd_result r;
	assert_int_equal(readability_text(&A, s, strlen(s), &r), 0);
	return r;
}

static bool has_hint(const char *s, const struct rd_result *r, int kind, const char *text)
{
	for (size_t i = 0; i < r->nhints; i++)
		if (r->hints[i].kind == kind && r->hints[i].end - r->hints[i].start == strlen(text) &&
		    !memcmp(s + r->hints[i].start, text, strlen(text)))
			return true;
	return false;
}

static void test_plain_text_is_b1(void **state)
{
	const char *s = "Wij zijn er voor u. U kunt ons elke dag bellen. Wilt u een afspraak maken? "
			"Dat kan ook op onze website.";
	struct rd_result r = measure(s);
	assert_int_equal(r.sentences, 4);
	assert_int_equal(r.words, 22);
	assert_int_equal(r.nhints, 0);
	assert_true(r.flesch_douma > 70);
	assert_int_equal(r.level, RD_B1);
}

static void test_officialese_is_hard_with_hints(void **state)
{
	const char *s = "Naar aanleiding van uw aanvraag delen wij u mede dat de indicatiestelling ten behoeve van "
			"de toekenning van een maatwerkvoorziening in het kader van de Wmo, conform de geldende "
			"procedures en na afstemming met de betrokken ketenpartners, vooralsnog niet kan worden "
			"afgerond, hetgeen impliceert dat uw zorgcontinuïteit niet kan worden gewaarborgd.";
	struct rd_result r = measure(s);
	assert_int_equal(r.sentences, 1);
	assert_true(r.words > 40);
	assert_int_equal(r.level, RD_C1);
	assert_true(has_hint(s, &r, RD_LONG_SENTENCE, s + 0 == s ? "Naar" : "") || r.hints[0].kind == RD_LONG_SENTENCE);
	assert_true(has_hint(s, &r, RD_JARGON, "indicatiestelling"));
	assert_true(has_hint(s, &r, RD_JARGON, "ten behoeve van"));   /* a phrase */
	assert_true(has_hint(s, &r, RD_JARGON, "maatwerkvoorziening"));
	assert_true(has_hint(s, &r, RD_JARGON, "Wmo"));               /* any case */
	assert_true(has_hint(s, &r, RD_JARGON, "vooralsnog"));
	assert_true(has_hint(s, &r, RD_JARGON, "zorgcontinuïteit"));
	for (size_t i = 0; i < r.nhints; i++)
		if (r.hints[i].kind == RD_JARGON && !memcmp(s + r.hints[i].start, "indicatiestelling", 17))
			assert_string_equal(r.hints[i].alt, "besluit over welke zorg u krijgt");
	/* hints come in text order */
	for (size_t i = 1; i < r.nhints; i++)
		assert_true(r.hints[i].start >= r.hints[i - 1].start);
}

static void test_abbreviations_and_paragraphs(void **state)
{
	/* "t.a.v." and "o.a." do not end sentences; a blank line does */
	const char *s = "Stuur de brief t.a.v. de afdeling zorg, o.a. met uw naam\n\nDank u wel";
	struct rd_result r = measure(s);
	assert_int_equal(r.sentences, 2);
	assert_true(has_hint(s, &r, RD_JARGON, "t.a.v") || has_hint(s, &r, RD_JARGON, "t.a.v."));
}

static void test_edge_cases(void **state)
{
	struct rd_result r = measure("");
	assert_int_equal(r.words, 0);
	assert_int_equal(r.level, RD_B1);
	r = measure("...!!! ???");
	assert_int_equal(r.words, 0);
	r = measure("Ja");
	assert_int_equal(r.sentences, 1);
	/* a very long text is measured up to the limit, without trouble */
	size_t n = RD_MAX_INPUT + 5000;
	char *big = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = "Dit is een zin. "[i % 16];
	big[n] = 0;
	r = measure(big);
	assert_true(r.sentences > 5000);
	free(big);
	/* invalid UTF-8 bytes are not letters */
	r = measure("caf\xc3 \xff\xfe zo");
	assert_true(r.words >= 2);
}

static int setup(void **state)
{
	arena_init(&A);
	return 0;
}

static int teardown(void **state)
{
	arena_release(&A);
	return 0;
}

/* The word-frequency list (build/freq_nl.txt from frogdata) is in: common
 * long words are neither rare nor hinted, a rare one is both, and a name in
 * mid-sentence is not a rare word. */
static void test_word_frequency(void **state)
{
	(void)state;
	const char *s = "Wij organiseren activiteiten met ondersteuning van onze medewerkers.";
	struct rd_result r = measure(s);
	assert_int_equal(r.rare_words, 0);
	assert_false(has_hint(s, &r, RD_HARD_WORD, "activiteiten"));
	s = "Uw ziektekostenverzekeraar betaalt het in Zevenhuizen.";
	r = measure(s);
	assert_int_equal(r.rare_words, 1);
	assert_true(has_hint(s, &r, RD_HARD_WORD, "ziektekostenverzekeraar"));
	assert_true(r.rare_share > 0.1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_syllables),
		cmocka_unit_test(test_plain_text_is_b1),
		cmocka_unit_test(test_officialese_is_hard_with_hints),
		cmocka_unit_test(test_abbreviations_and_paragraphs),
		cmocka_unit_test(test_edge_cases),
		cmocka_unit_test(test_word_frequency),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
