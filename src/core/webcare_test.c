/* Unit tests for webcare's pure parts (core/webcare.c, core/webcare_rule.c):
 * the assignment rule in a simulation of 10,000 items among 7 people with
 * random availability and caps, and the triage rules' language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/webcare.h"

#define PEOPLE 7
#define ITEMS  10000

/* A tiny deterministic generator: the run is the same every time. */
static uint64_t rng = 88172645463325252ULL;
static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Spread of the load among available members with room (0 when < 2). */
static int64_t spread(const struct wc_member *m, size_t n)
{
	int64_t lo = INT64_MAX, hi = -1;
	for (size_t i = 0; i < n; i++)
		if (m[i].available && m[i].load < m[i].cap) {
			if (m[i].load < lo)
				lo = m[i].load;
			if (m[i].load > hi)
				hi = m[i].load;
		}
	return hi < 0 ? 0 : hi - lo;
}

static bool room(const struct wc_member *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].available && m[i].load < m[i].cap)
			return true;
	return false;
}

/* The store's run_queue, over arrays: the queue's head goes to the pick
 * while there is one.  Checks every assignment. */
static int64_t clock_ms;
static void run_queue(struct wc_member *m, size_t n, int *queue, size_t *nq, int64_t *holder, int *last_seq,
                      int mode, uint64_t *rr)
{
	size_t head = 0;
	while (head < *nq) {
		int64_t before = spread(m, n);
		size_t k = core_wc_pick(m, n, mode, *rr);
		if (k == n)
			break;
		/* Only to someone available with room, and (least loaded) to the least loaded of them. */
		assert_true(m[k].available && m[k].load < m[k].cap);
		if (mode == WC_LEAST_LOADED)
			for (size_t i = 0; i < n; i++)
				if (m[i].available && m[i].load < m[i].cap)
					assert_true(m[k].load <= m[i].load);
		int item = queue[head++];
		/* First come, first served. */
		assert_true(item > *last_seq);
		*last_seq = item;
		holder[item] = (int64_t)k;
		m[k].load++;
		m[k].last_assigned = ++clock_ms;
		*rr = m[k].account_id;
		/* An assignment never widens the spread beyond 1. */
		if (mode == WC_LEAST_LOADED)
			assert_true(spread(m, n) <= (before > 1 ? before : 1));
	}
	memmove(queue, queue + head, (*nq - head) * sizeof *queue);
	*nq -= head;
	/* Nothing waits while someone available has room. */
	assert_true(*nq == 0 || !room(m, n));
}

static void simulate(int mode, bool closes, bool toggles, bool big_caps)
{
	struct wc_member m[PEOPLE];
	memset(m, 0, sizeof m);
	for (size_t i = 0; i < PEOPLE; i++) {
		m[i].account_id = 100 + i;
		m[i].available = toggles ? rnd() % 4 != 0 : true;
		m[i].cap = big_caps ? ITEMS : 1 + (int)(rnd() % 8);
	}
	static int queue[ITEMS];
	static int64_t holder[ITEMS]; /* -1 queued, -2 closed, else who holds it */
	size_t nq = 0;
	int last_seq = -1;
	uint64_t rr = 0;
	int64_t closed = 0;
	for (int item = 0; item < ITEMS; item++) {
		holder[item] = -1;
		queue[nq++] = item;
		run_queue(m, PEOPLE, queue, &nq, holder, &last_seq, mode, &rr);
		/* Random events between arrivals: someone finishes an item,
		 * someone comes or goes. */
		if (closes && rnd() % 2) {
			int pick = (int)(rnd() % (uint64_t)(item + 1));
			for (int j = pick; j >= 0; j--)
				if (holder[j] >= 0) {
					m[holder[j]].load--;
					holder[j] = -2;
					closed++;
					break;
				}
			run_queue(m, PEOPLE, queue, &nq, holder, &last_seq, mode, &rr);
		}
		if (toggles && rnd() % 10 == 0) {
			size_t k = rnd() % PEOPLE;
			m[k].available = !m[k].available;
			run_queue(m, PEOPLE, queue, &nq, holder, &last_seq, mode, &rr);
		}
		if (!toggles && !closes && mode == WC_LEAST_LOADED)
			assert_true(spread(m, PEOPLE) <= 1);
		/* Never lost: every item is queued, held by one person, or closed. */
		int64_t held = 0;
		for (size_t i = 0; i < PEOPLE; i++)
			held += m[i].load;
		assert_int_equal(held + (int64_t)nq + closed, item + 1);
	}
}

static void test_least_loaded_balanced(void **state)
{
	(void)state;
	simulate(WC_LEAST_LOADED, false, false, true);
}

static void test_least_loaded_random(void **state)
{
	(void)state;
	simulate(WC_LEAST_LOADED, true, true, false);
	simulate(WC_LEAST_LOADED, true, false, false);
	simulate(WC_LEAST_LOADED, false, true, false);
}

static void test_round_robin_random(void **state)
{
	(void)state;
	simulate(WC_ROUND_ROBIN, true, true, false);
}

static void test_round_robin_cycles(void **state)
{
	(void)state;
	struct wc_member m[3] = {
		{.account_id = 5, .available = true, .cap = 9},
		{.account_id = 7, .available = false, .cap = 9},
		{.account_id = 9, .available = true, .cap = 9},
	};
	assert_int_equal(core_wc_pick(m, 3, WC_ROUND_ROBIN, 0), 0);
	assert_int_equal(core_wc_pick(m, 3, WC_ROUND_ROBIN, 5), 2);
	assert_int_equal(core_wc_pick(m, 3, WC_ROUND_ROBIN, 9), 0);
	m[0].load = 9; /* full */
	assert_int_equal(core_wc_pick(m, 3, WC_ROUND_ROBIN, 9), 2);
	m[2].available = false;
	assert_int_equal(core_wc_pick(m, 3, WC_ROUND_ROBIN, 9), 3); /* nobody: the item waits */
}

static void test_rules(void **state)
{
	(void)state;
	assert_int_equal(core_wc_rule_check("wachttijd"), 0);
	assert_int_equal(core_wc_rule_check("(klacht OF \"lange wachttijd\") EN NIET #test"), 0);
	assert_int_equal(core_wc_rule_check("source:rss AND (a OR b)"), 0);
	assert_int_equal(core_wc_rule_check(""), ERR_INVAL);
	assert_int_equal(core_wc_rule_check("   "), ERR_INVAL);
	assert_int_equal(core_wc_rule_check("(klacht"), ERR_INVAL);
	assert_int_equal(core_wc_rule_check("klacht)"), ERR_INVAL);
	assert_int_equal(core_wc_rule_check("\"open"), ERR_INVAL);
	assert_int_equal(core_wc_rule_check("klacht OR"), ERR_INVAL);
	assert_int_equal(core_wc_rule_check("#"), ERR_INVAL);
	assert_int_equal(core_wc_rule_check("a\x01"), ERR_INVAL);
	assert_int_equal(core_wc_rule_check("((((((((((a))))))))))"), ERR_TOOBIG);
	char big[CORE_WC_RULE_MAX + 10];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(core_wc_rule_check(big), ERR_TOOBIG);
	char many[400];
	size_t used = 0;
	for (int i = 0; i < 40; i++) {
		memcpy(many + used, "w OR ", 5);
		used += 5;
	}
	memcpy(many + used, "w", 2);
	assert_int_equal(core_wc_rule_check(many), ERR_TOOBIG);

	/* Dutch stems: "wachttijden" matches "wachttijd", "klachten" "klacht". */
	assert_true(core_wc_rule_match("wachttijd", "De wachttijden zijn veel te lang!", "kring mention"));
	assert_true(core_wc_rule_match("klacht", "Ik heb twee klachten", "kring mention"));
	assert_false(core_wc_rule_match("klacht", "Alles is prima", "kring mention"));
	/* Phrases in order, words adjacent. */
	assert_true(core_wc_rule_match("\"lange wachttijd\"", "een lange wachttijd bij de huisarts", "rss rss"));
	assert_false(core_wc_rule_match("\"lange wachttijd\"", "wachttijd is lang", "rss rss"));
	/* AND (also by adjacency), OR, NOT, parentheses. */
	assert_true(core_wc_rule_match("eten EN koud", "Het eten was koud", "kring dm"));
	assert_true(core_wc_rule_match("eten koud", "Het eten was koud", "kring dm"));
	assert_false(core_wc_rule_match("eten koud", "Het eten was lekker", "kring dm"));
	assert_true(core_wc_rule_match("brand OF rook", "Ik ruik rook", "kring dm"));
	assert_false(core_wc_rule_match("eten NIET koud", "Het eten was koud", "kring dm"));
	assert_true(core_wc_rule_match("eten NOT koud", "Het eten was warm", "kring dm"));
	assert_true(core_wc_rule_match("(brand OR rook) AND NOT oefening", "Brand op de afdeling", "kring dm"));
	assert_false(core_wc_rule_match("(brand OR rook) AND NOT oefening", "Brand-oefening vandaag", "kring dm"));
	/* Lower-case "niet" and "of" are words, not operators. */
	assert_true(core_wc_rule_match("niet", "ik kom niet", "kring dm"));
	/* Hashtags and sources. */
	assert_true(core_wc_rule_match("#Zorg", "Lang wachten #zorg", "kring mention"));
	assert_false(core_wc_rule_match("#zorg", "Lang wachten in de zorg", "kring mention"));
	assert_true(core_wc_rule_match("source:dm", "hallo", "kring dm"));
	assert_true(core_wc_rule_match("source:kring", "hallo", "kring dm"));
	assert_false(core_wc_rule_match("source:rss", "hallo", "kring dm"));
	/* A bad rule matches nothing. */
	assert_false(core_wc_rule_match("(", "(", "kring dm"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_least_loaded_balanced), cmocka_unit_test(test_least_loaded_random),
		cmocka_unit_test(test_round_robin_random),    cmocka_unit_test(test_round_robin_cycles),
		cmocka_unit_test(test_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
