/* Unit test for core/federation.c's one rule, core_fed_reach: a property
 * test over random posts x visibilities x group kinds x holds.  The oracle
 * below is written from the promise in docs/federation.md, not from the
 * code: what is closed stays closed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/federation.h"
#include "job/job.h"

static uint64_t rnd_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

static void test_reach_property(void **state)
{
	const int64_t now = 1800000000;
	int leaks = 0, out = 0, kept = 0, grouped = 0;
	for (int i = 0; i < 200000; i++) {
		struct post p;
		memset(&p, 0, sizeof p);
		p.id = rnd();
		p.visibility = (int)(rnd() % 3);            /* public, followers, direct */
		int g = (int)(rnd() % 4) - 1;               /* none, open, closed, secret */
		p.group_kind = g;
		p.group_id = g >= 0 ? 1 + rnd() % 100 : 0;
		if (rnd() % 50 == 0)                        /* a stray id without a kind, or a kind without an id */
			p.group_id = rnd() % 2, p.group_kind = (int)(rnd() % 4) - 1;
		p.pending = rnd() % 5 == 0;
		p.reblog_of = rnd() % 6 == 0 ? rnd() : 0;
		p.author_suspended = rnd() % 7 == 0;
		p.deleted = rnd() % 9 == 0;
		int64_t hold = (int64_t)(rnd() % 7200) - 3600; /* think time before or after now */
		p.publish_at = rnd() % 3 == 0 ? 0 : now + hold;
		bool local = rnd() % 4 == 0;                /* the local-only mark */
		bool closed = (p.group_kind == GROUP_CLOSED || p.group_kind == GROUP_SECRET);
		bool free_ = !local && !p.pending && !p.reblog_of && !p.author_suspended && !p.deleted &&
		             p.publish_at <= now;
		bool may = free_ && !p.group_id && p.group_kind < 0;
		/* An open group's post (with its group): only through the group. */
		bool via_group = free_ && p.group_id && p.group_kind == GROUP_OPEN && p.visibility != VIS_DIRECT;
		enum fed_reach r = core_fed_reach(&p, local, now);
		if (r != FED_REACH_NONE && (closed || local || p.publish_at > now || p.pending || p.author_suspended ||
		                            p.deleted))
			leaks++;
		/* A group post never goes to the author's followers, nor as a
		 * direct message, and nothing outside an open group goes through a
		 * group. */
		if ((p.group_id || p.group_kind >= 0) && r != FED_REACH_NONE && r != FED_REACH_GROUP)
			leaks++;
		if (r == FED_REACH_GROUP && (!p.group_id || p.group_kind != GROUP_OPEN || p.visibility == VIS_DIRECT))
			leaks++;
		assert_int_equal(r == FED_REACH_GROUP, via_group);
		if (r == FED_REACH_GROUP)
			grouped++;
		/* Followers-only never goes to everyone; public never only to
		 * followers; a direct message only to its recipients, and nothing
		 * else that way. */
		if ((r == FED_REACH_PUBLIC && p.visibility != VIS_PUBLIC) ||
		    (r == FED_REACH_FOLLOWERS && p.visibility != VIS_FOLLOWERS) ||
		    (p.visibility == VIS_DIRECT && r != FED_REACH_NONE && r != FED_REACH_DIRECT) ||
		    (r == FED_REACH_DIRECT && p.visibility != VIS_DIRECT))
			leaks++;
		assert_int_equal(r == FED_REACH_PUBLIC, may && p.visibility == VIS_PUBLIC);
		assert_int_equal(r == FED_REACH_FOLLOWERS, may && p.visibility == VIS_FOLLOWERS);
		assert_int_equal(r == FED_REACH_DIRECT, may && p.visibility == VIS_DIRECT);
		if (r != FED_REACH_NONE)
			out++;
		else
			kept++;
	}
	assert_int_equal(leaks, 0);
	assert_true(out > 1000 && kept > 1000 && grouped > 1000); /* every side was tried */
	assert_int_equal(core_fed_reach(NULL, false, now), FED_REACH_NONE);
}

/* Deliveries keep trying for at least 48 hours, in at most 20 attempts. */
static void test_delivery_backoff(void **state)
{
	int64_t total = 0;
	for (int n = 1; n < FED_DELIVER_ATTEMPTS; n++) {
		int64_t d = job_backoff(n, FED_BACKOFF_MAX);
		assert_true(d > 0 && d <= FED_BACKOFF_MAX);
		total += d;
	}
	assert_true(total >= 48 * 3600);
	assert_true(FED_DELIVER_ATTEMPTS <= 20);
	assert_true(FED_GIVE_UP_S >= 48 * 3600); /* the circuit breaker waits as long */
	/* Other jobs keep their short default. */
	assert_int_equal(job_backoff(30, 0), JOB_BACKOFF_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_reach_property),
	        cmocka_unit_test(test_delivery_backoff),
	};
	return cmocka_run_group_tests_name("federation", tests, NULL, NULL);
}
