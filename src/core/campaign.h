#ifndef CORE_CAMPAIGN_H
#define CORE_CAMPAIGN_H

/*
 * Campaigns (issue 20, docs/measure.md): an organisation's posts grouped by
 * a hashtag or a link over a period, with a goal (reach, clicks or
 * applications).  Only the organisation's staff see a campaign.  Progress
 * is summed from the per-post numbers; a post's number below 5 is not
 * shown and counts 0, so no hidden number can be worked out from the sum.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;
struct arena;

#define CORE_CAMPAIGN_NAME_MAX 100  /* characters */
#define CORE_CAMPAIGN_LINK_MAX 500  /* bytes of the address */
#define CORE_CAMPAIGN_POSTS 500     /* posts whose numbers are summed */
#define CORE_CAMPAIGN_DAYS_MAX 366  /* the longest period */
#define CORE_CAMPAIGNS_MAX 200      /* campaigns listed */

struct campaign_input {
	uint64_t org;
	const char *name;
	const char *by;             /* a "#tag" / "tag", or an address "https://..." */
	int goal_kind;              /* enum campaign_goal */
	const char *goal;           /* the number, as typed */
	const char *starts, *ends;  /* "YYYY-MM-DD", Amsterdam days, ends included */
};

enum campaign_problem { CAMPAIGN_OK = 0, CAMPAIGN_NAME, CAMPAIGN_BY, CAMPAIGN_GOAL, CAMPAIGN_PERIOD };

/* Check in; on CAMPAIGN_OK *out holds the campaign to store (tag or link,
 * goal, the period from the start of starts to the end of ends). */
enum campaign_problem core_campaign_check(struct arena *a, const struct campaign_input *in, struct campaign *out);

/* Start one, as viewer (staff of in->org, else ERR_FORBIDDEN; ERR_INVAL
 * for a bad field). */
int core_campaign_create(struct core *c, struct arena *a, uint64_t viewer, const struct campaign_input *in,
                         uint64_t *id) WARN_UNUSED;
/* The campaigns of the organisations viewer is staff of, newest first. */
int core_campaigns(struct core *c, struct arena *a, uint64_t viewer, struct campaign **out, size_t *n) WARN_UNUSED;
/* One, with its posts and progress, for its organisation's staff only
 * (ERR_NOTFOUND for anyone else, ERR_AUTH without a viewer). */
int core_campaign_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct campaign **out,
                      struct campaign_progress *pr) WARN_UNUSED;

/* Below this a count is not shown ("fewer than 5") and counts 0. */
#define CORE_COUNT_FLOOR REACH_MIN_SHOWN /* the one floor, store/types.h */

#endif
