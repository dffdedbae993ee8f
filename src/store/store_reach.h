#ifndef STORE_STORE_REACH_H
#define STORE_STORE_REACH_H

/* Reach (issue 20, reach.c): which people were shown a post, only ever
 * counted.  No function here returns a viewer. */

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/types.h"

/* Record the pairs (pairs[2i] post, pairs[2i+1] viewer), i < n; a pair
 * recorded before stays one row.  Each new pair adds one to the author's
 * (and for a vacancy the organisation's) counter of day (an Amsterdam day
 * number) in measure_daily.  Call inside store_begin/store_finish. */
int store_reach_add(struct store *s, const uint64_t *pairs, size_t n, int64_t day) WARN_UNUSED;
/* How many distinct people were shown post. */
int store_reach_count(struct store *s, uint64_t post, int64_t *out) WARN_UNUSED;

/* One more click on link n of post (and on the author's counter of day,
 * an Amsterdam day number); all clicks on post's links. */
int store_link_click(struct store *s, uint64_t post, int n, int64_t day) WARN_UNUSED;
int store_link_clicks(struct store *s, uint64_t post, int64_t *out) WARN_UNUSED;

/* A group's figures for `weeks` weeks of 7 days from `from` (UTC seconds):
 * w[i] covers [from + i weeks, from + i + 1 weeks); start is filled. */
int store_group_weeks(struct store *s, uint64_t group, int64_t from, int weeks, struct group_week *w) WARN_UNUSED;

#endif
