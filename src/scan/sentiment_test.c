/*
 * Sentiment rules one by one (negation both ways, intensifiers, emoji,
 * sarcasm, "maar", the unsure band, questions, urgency and its negation,
 * pair rules), limits, hostile bytes, and the same answers from threads.
 * The figures on realistic messages come from `make eval`, not from here.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/buf.h"
#include "scan/sentiment.h"

static struct sent_result run(const char *text)
{
	struct sent_result r;
	assert_int_equal(sentiment_text(text, strlen(text), &r), 0);
	return r;
}

struct lcase {
	const char *text;
	enum sent_label label;
	bool urgent;
};

static const struct lcase cases[] = {
	{"Wat een lieve en behulpzame verpleegkundigen, dank jullie wel!", SENT_POS, false},
	{"Slechte zorg en een onvriendelijke arts.", SENT_NEG, false},
	{"Wanneer is het bezoekuur op zondag?", SENT_NEU, false},
	{"", SENT_NEU, false},
	/* negation turns praise into a complaint, and a complaint half into praise */
	{"Ik ben niet tevreden over de zorg.", SENT_NEG, false},
	{"Het eten was helemaal niet slecht.", SENT_POS, false},
	{"Geen klachten, alles prima geregeld.", SENT_POS, false},
	{"Ze luisteren niet.", SENT_NEG, false},   /* "niet" after the verb turns it */
	{"Niemand heeft ons gebeld, nooit een reactie gekregen.", SENT_NEG, false},
	/* "nooit eerder zo" is a superlative, not a negation */
	{"Nog nooit zo goed geholpen.", SENT_POS, false},
	{"Nooit eerder zo slecht behandeld.", SENT_NEG, false},
	/* emoji and emoticons */
	{"Vandaag de sleutel gekregen 😊❤️", SENT_POS, false},
	{"Weer een afspraak verzet 😡", SENT_NEG, false},
	{"Dank voor de hulp :)", SENT_POS, false},
	/* sarcasm */
	{"Geweldig hoor, drie uur in de wachtkamer 🙄", SENT_NEG, false},
	{"Top service weer, om 12 uur nog niemand geweest.", SENT_NEG, false},
	{"Bedankt voor niks.", SENT_NEG, false},
	{"Fantastisch dat de lift alweer kapot is.", SENT_NEG, false},
	/* "maar": the second half counts more */
	{"Het personeel is aardig, maar de zorg is slecht en de communicatie waardeloos.", SENT_NEG, false},
	{"Lang moeten wachten, maar de behandeling was uitstekend en de arts super vriendelijk.", SENT_POS, false},
	/* mixed with weight on both sides: unsure */
	{"Heel lieve verzorgenden en een prachtige kamer, slechte organisatie en vreselijk eten.", SENT_UNSURE, false},
	/* urgency */
	{"Mijn vader is vermist sinds vanochtend.", SENT_NEG, true},
	{"Er is brand op de tweede verdieping!", SENT_NEG, true},
	{"Ze ligt op de grond en er komt niemand.", SENT_NEG, true},
	{"Ik denk aan zelfmoord.", SENT_NEG, true},
	{"Datalek bij de zorggroep", SENT_NEG, true},
	{"De jaarlijkse oefening: er is geen gevaar en geen brand.", SENT_NEU, false},
	{"Iemand heeft de gegevens van cliënten in een openbare groepsapp gezet.", SENT_NEU, true},
	{"Mijn moeder kreeg de insuline van de buurvrouw.", SENT_NEG, true},
	{"Wat een mooie herfstwandeling met de bewoners.", SENT_POS, false},
	/* wave 6: urgency from word classes near each other, exclusions, defusers, negation, numbers */
	{"De nachtzuster knijpt mijn opa in zijn arm.", SENT_NEG, true},            /* @harm near @person */
	{"Mijn oma is kwijt.", SENT_NEG, true},                                     /* @person near @gone */
	{"De bril van mijn oma is kwijt.", SENT_NEG, false},                        /* ... but a @thing is */
	{"De thuiszorg kwam niet opdagen en hij heeft nog niks gegeten.", SENT_NEG, true}, /* @nocare + @need */
	{"Vorig jaar was er brand in de keuken.", SENT_NEU, false},                 /* defused: the past */
	{"Hij is niet vermist, hij is bij zijn zus.", SENT_NEU, false},             /* negated */
	{"Ons filmpje kreeg 113 reacties.", SENT_NEU, false},                       /* a count, not a call */
	{"Ik heb 113 gebeld.", SENT_NEG, true},
	/* the head of a Dutch compound ("*mes", "*bril" in the classes) */
	{"Een bewoner liep met een broodmes door de huiskamer.", SENT_NEG, true},
	{"Mijn vader is zijn zonnebril kwijt.", SENT_NEG, false},
};

static void test_rules(void **state)
{
	assert_int_equal(sentiment_init(), 0);
	int bad = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct sent_result r = run(cases[i].text);
		bool label_ok = r.label == cases[i].label ||
		                /* urgency cases: only the flag is the point when the label is neu */
		                (cases[i].urgent && cases[i].label == SENT_NEU && r.label != SENT_POS);
		if (!label_ok || r.urgent != cases[i].urgent) {
			struct buf tr = BUF_INIT(BUF_NOLIMIT);
			IGNORE_RESULT(sentiment_explain(cases[i].text, strlen(cases[i].text), &r, &tr));
			printf("case %zu: %s: got %s%s (%+.2f), expected %s%s\n  %s\n", i, cases[i].text,
			       sentiment_label_name(r.label), r.urgent ? "/urgent" : "", r.score,
			       sentiment_label_name(cases[i].label), cases[i].urgent ? "/urgent" : "", tr.ptr);
			buf_release(&tr);
			bad++;
		}
		assert_true(r.score >= -1 && r.score <= 1);
	}
	assert_int_equal(bad, 0);
}

static void test_intensity(void **state)
{
	double plain = run("De zorg is goed.").score;
	double strong = run("De zorg is heel erg goed.").score;
	double weak = run("De zorg is een beetje goed.").score;
	assert_true(strong > plain);
	assert_true(weak < plain);
	assert_true(run("Superrrr blij met jullie").score > run("Super blij met jullie").score - 1e-9);
	assert_true(run("Slecht!!!").score < run("Slecht.").score);
}

static void test_limits_and_bytes(void **state)
{
	struct sent_result r;
	/* a long text takes the heap path; over the limit is refused */
	size_t n = SENT_MAX_TEXT;
	char *big = malloc(n + 2);
	for (size_t i = 0; i < n + 1; i++)
		big[i] = "slecht goed niet "[i % 17];
	assert_int_equal(sentiment_text(big, n, &r), 0);
	assert_int_equal(sentiment_text(big, n + 1, &r), ERR_TOOBIG);
	free(big);
	/* invalid UTF-8, NULs, lone continuation bytes, a truncated emoji */
	static const char junk[] = "goed\xff\xfe\x80 slecht\0niet \xf0\x9f\x98 \xc3";
	assert_int_equal(sentiment_text(junk, sizeof junk - 1, &r), 0);
	assert_true(r.score >= -1 && r.score <= 1);
	/* a token longer than any word, and thousands of tokens */
	char longw[600];
	memset(longw, 'a', sizeof longw);
	assert_int_equal(sentiment_text(longw, sizeof longw, &r), 0);
	assert_int_equal(r.label, SENT_NEU);
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	for (int i = 0; i < 3000; i++)
		buf_nofail(buf_adds(&b, i % 2 ? "a! " : "? "));
	assert_int_equal(sentiment_text(b.ptr, b.len, &r), 0);
	buf_release(&b);
}

static void *worker(void *arg)
{
	int *bad = arg;
	for (int k = 0; k < 50; k++)
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			struct sent_result r;
			if (sentiment_text(cases[i].text, strlen(cases[i].text), &r) != 0 ||
			    r.urgent != cases[i].urgent)
				(*bad)++;
		}
	return NULL;
}

static void test_threads(void **state)
{
	pthread_t th[4];
	int bad[4] = {0};
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, worker, &bad[i]), 0);
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(bad[i], 0);
	}
}

/* The learned urgency model: compiled in, bounded features, negation-scoped, and a defuser holds for it. */
static void test_model(void **state)
{
	uint32_t f1[256], f2[256];
	size_t n1 = 0, n2 = 0;
	struct sent_result r;
	const char *a = "Mijn vader is gevallen en ligt op de grond.";
	const char *b = "Mijn vader is niet gevallen en ligt op de bank.";
	assert_int_equal(sentiment_features(a, strlen(a), &r, f1, 256, &n1), 0);
	assert_true(n1 > 10);
	for (size_t i = 0; i < n1; i++)
		assert_true(f1[i] < (1u << SENT_MODEL_BITS));
	assert_true(r.urgent_p > 0 && r.urgent_p < 1);   /* the build trained and embedded a model */
	assert_int_equal(sentiment_features(b, strlen(b), &r, f2, 256, &n2), 0);
	/* "gevallen" after "niet" is another feature than "gevallen" */
	size_t same = 0;
	for (size_t i = 0; i < n1; i++)
		for (size_t j = 0; j < n2; j++)
			same += f1[i] == f2[j];
	assert_true(same < n1);
	/* at most max features, whatever the length */
	static char big[20000];
	for (size_t i = 0; i + 6 < sizeof big; i += 6)
		memcpy(big + i, "woord ", 6);
	assert_int_equal(sentiment_features(big, sizeof big - 8, &r, f1, 16, &n1), 0);
	assert_int_equal(n1, 16);
	/* the model's guess is deterministic and the same as sentiment_text's */
	struct sent_result t = run("Er hangt een rare lucht op de gang en het alarm doet niks.");
	struct sent_result u = run("Er hangt een rare lucht op de gang en het alarm doet niks.");
	assert_true(t.urgent_p == u.urgent_p && t.urgent == u.urgent);
	assert_true(t.urgent_rule ? t.urgent : true);
	/* a defuser ("vorig jaar", a course) keeps the model from flagging too */
	struct sent_result d = run("Vorig jaar lag mijn moeder op de grond en niemand nam op, gelukkig is dat voorbij.");
	assert_false(d.urgent);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_intensity),
		cmocka_unit_test(test_limits_and_bytes),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_model),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
