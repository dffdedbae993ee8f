#ifndef STORE_STORE_MEASURE_H
#define STORE_STORE_MEASURE_H

/* Measure and tell, the rest (issue 20, measure.c): changing and ending a
 * campaign, the guidelines reminder limit, ambassador visits per day. */

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Name, tag/link, goal and period of cp->id. */
int store_campaign_update(struct store *s, const struct campaign *cp) WARN_UNUSED;
int store_campaign_delete(struct store *s, uint64_t id) WARN_UNUSED;
/* When org last reminded person of its guidelines (0: never). */
int store_remind_last(struct store *s, uint64_t org, uint64_t person, int64_t *at) WARN_UNUSED;
int store_remind_note(struct store *s, uint64_t org, uint64_t person, int64_t now) WARN_UNUSED;
/* One more visit through a link of code on Amsterdam day (the
 * organisation's MDAY_AMB_VISITS counter).  In a transaction. */
int store_amb_day(struct store *s, uint64_t code, int64_t day) WARN_UNUSED;

#endif
