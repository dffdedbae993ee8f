/*
 * Measure and tell, the rest (issue 20): changing and ending a campaign,
 * and ambassador-link visits per week.  The same rules as the pages.
 */
#include <string.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "base/err.h"
#include "base/id.h"
#include "core/campaign.h"
#include "core/core_int.h"
#include "core/measure.h"
#include "store/store_campaign.h"
#include "store/store_measure.h"
#include "store/store_trend.h"

static bool staff_of(struct core *c, uint64_t viewer, uint64_t org)
{
	return viewer && viewer != org && core_may_post_as(c, viewer, org);
}

/* The campaign, when viewer is its organisation's staff. */
static int campaign_of_staff(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct campaign **cp)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = store_campaign_get(c->store, a, id, cp);
	if (rc)
		return rc;
	return staff_of(c, viewer, (*cp)->org_id) ? 0 : ERR_NOTFOUND; /* to others it does not exist */
}

int core_campaign_update(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const struct campaign_input *in)
{
	struct campaign *old;
	int rc = campaign_of_staff(c, a, viewer, id, &old);
	if (rc)
		return rc;
	struct campaign cp;
	if (core_campaign_check(a, in, &cp) != CAMPAIGN_OK)
		return ERR_INVAL;
	cp.id = old->id;
	cp.org_id = old->org_id;
	cp.created_by = old->created_by;
	cp.created_at = old->created_at;
	if ((rc = store_begin(c->store)))
		return rc;
	return store_finish(c->store, store_campaign_update(c->store, &cp));
}

int core_campaign_delete(struct core *c, struct arena *a, uint64_t viewer, uint64_t id)
{
	struct campaign *cp;
	int rc = campaign_of_staff(c, a, viewer, id, &cp);
	if (rc)
		return rc;
	if ((rc = store_begin(c->store)))
		return rc;
	return store_finish(c->store, store_campaign_delete(c->store, id));
}

int core_amb_weeks(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct amb_week **out)
{
	*out = NULL;
	if (!viewer)
		return ERR_AUTH;
	if (!staff_of(c, viewer, org))
		return ERR_NOTFOUND;
	int64_t now = time_now();
	int64_t today = biz_amsterdam_day(now);
	/* Day 0 (1 January 1970) was a Thursday. */
	int64_t first = today - ((today + 3) % 7) - 7 * (CORE_AMB_WEEKS - 1);
	struct trend_day *days;
	size_t n;
	int rc = store_trend_days(c->store, a, MDAY_AMB_VISITS, org, first, first + 7 * CORE_AMB_WEEKS,
	                          7 * CORE_AMB_WEEKS, &days, &n);
	if (rc)
		return rc;
	struct amb_week *w = arena_alloc(a, CORE_AMB_WEEKS * sizeof *w);
	memset(w, 0, CORE_AMB_WEEKS * sizeof *w);
	for (int i = 0; i < CORE_AMB_WEEKS; i++)
		w[i].day = first + 7 * i;
	for (size_t i = 0; i < n; i++)
		if (days[i].day >= first && days[i].day < first + 7 * CORE_AMB_WEEKS)
			w[(days[i].day - first) / 7].visits += days[i].n;
	/* As every reach number: below 5 not shown, so no single visit shows. */
	for (int i = 0; i < CORE_AMB_WEEKS; i++)
		if (w[i].visits < CORE_COUNT_FLOOR)
			w[i].visits = -1;
	*out = w;
	return 0;
}
