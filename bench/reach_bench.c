/* What noting reach costs a request (issue 20, docs/measure.md): the only
 * work a timeline request does for reach is reach_note (core/reach.c), one
 * mutex and a copy of the page's (post, viewer) pairs into the batch.  This
 * times it for a page of 40 posts, release build, no database (the batch is
 * written by the background thread, measured by bench/reach_cpu.sh).
 * Prints numbers, not verdicts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/core_int.h"
#include "store/types.h"

#define PAGE 40
#define CALLS 1600 /* 64,000 pairs: under the batch's 65,536, so nothing is dropped */
#define ROUNDS 41

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

int main(void)
{
	static struct post posts[PAGE];
	struct post *page[PAGE];
	for (int i = 0; i < PAGE; i++) {
		posts[i].id = 1000000 + (uint64_t)i;
		posts[i].author_id = posts[i].writer_id = 10 + (uint64_t)i;
		page[i] = &posts[i];
	}
	struct core c;
	memset(&c, 0, sizeof c);
	double per[ROUNDS];
	for (int r = 0; r < ROUNDS; r++) {
		/* A fresh batch each round (the old one is left: this program ends). */
		c.reach = reach_new();
		double t0 = now_ns();
		for (int k = 0; k < CALLS; k++)
			reach_note(&c, 5 + (uint64_t)k, page, PAGE);
		per[r] = (now_ns() - t0) / CALLS;
	}
	qsort(per, ROUNDS, sizeof per[0], cmp);
	printf("reach_note, a page of %d posts: median %.0f ns, 10th %.0f ns, 90th %.0f ns (%d rounds of %d pages)\n",
	       PAGE, per[ROUNDS / 2], per[ROUNDS / 10], per[ROUNDS * 9 / 10], ROUNDS, CALLS);
	return 0;
}
