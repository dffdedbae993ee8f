/*
 * Ambassadors (issue 20): staff share the organisation's posts with a
 * personal link; their visits, reach and applications are counted, and the
 * organisation sees them by name only with consent.
 */
#include <string.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "base/err.h"
#include "base/id.h"
#include "core/ambassador.h"
#include "core/campaign.h"
#include "core/core_int.h"
#include "store/store_amb.h"
#include "store/store_campaign.h"
#include "store/store_measure.h"

static bool staff_of(struct core *c, uint64_t viewer, uint64_t org)
{
	return viewer && viewer != org && core_may_post_as(c, viewer, org);
}

static int in_tx(struct core *c, int rc_of_work)
{
	return store_finish(c->store, rc_of_work);
}

int core_amb_join(struct core *c, uint64_t viewer, uint64_t org, bool consent)
{
	if (!viewer)
		return ERR_AUTH;
	if (!staff_of(c, viewer, org))
		return ERR_FORBIDDEN;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	return in_tx(c, store_amb_join(c->store, org, viewer, id_new(), consent, time_now()));
}

int core_amb_leave(struct core *c, uint64_t viewer, uint64_t org)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	return in_tx(c, store_amb_leave(c->store, org, viewer));
}

int core_amb_mine(struct core *c, struct arena *a, uint64_t viewer, struct ambassador **out, size_t *n)
{
	*n = 0;
	if (!viewer)
		return ERR_AUTH;
	int rc = store_amb_of_person(c->store, a, viewer, 100, out, n);
	size_t k = 0;
	for (size_t i = 0; !rc && i < *n; i++) {
		struct ambassador *x = &(*out)[i];
		/* No longer staff: no longer an ambassador there. */
		if (!staff_of(c, viewer, x->org_id) || store_account_get(c->store, a, x->org_id, &x->org))
			continue;
		(*out)[k++] = *x;
	}
	*n = k;
	return rc;
}

int core_amb_badges(struct core *c, struct arena *a, uint64_t person, struct account ***out, size_t *n)
{
	struct ambassador *v;
	size_t k = 0;
	int rc = core_amb_mine(c, a, person, &v, &k);
	*out = arena_alloc(a, (k + 1) * sizeof **out);
	*n = 0;
	for (size_t i = 0; !rc && i < k; i++)
		if (!v[i].org->suspended)
			(*out)[(*n)++] = v[i].org;
	return rc;
}

/* viewer's ambassadorship of org, or NULL. */
static struct ambassador *mine_of(struct core *c, struct arena *a, uint64_t viewer, uint64_t org)
{
	struct ambassador *v;
	size_t n;
	if (core_amb_mine(c, a, viewer, &v, &n))
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i].org_id == org)
			return &v[i];
	return NULL;
}

int core_amb_shareable(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct post ***out,
                       struct amb_figures **f, size_t *n)
{
	*n = 0;
	struct ambassador *me = mine_of(c, a, viewer, org);
	if (!me)
		return ERR_NOTFOUND;
	uint64_t *ids;
	size_t k;
	int rc = store_amb_shareable(c->store, a, org, CORE_AMB_SHARE_POSTS, &ids, &k);
	if (rc)
		return rc;
	struct post **posts = arena_alloc(a, (k + 1) * sizeof *posts);
	/* Shared with anyone: what anyone may see. */
	if ((rc = core_posts_by_id(c, a, 0, ids, k, posts)))
		return rc;
	*out = arena_alloc(a, (k + 1) * sizeof **out);
	if (f)
		*f = arena_alloc(a, (k + 1) * sizeof **f);
	for (size_t i = 0; i < k; i++) {
		if (!posts[i])
			continue;
		if (f && (rc = store_amb_figures(c->store, me->code, &ids[i], 1, &(*f)[*n])))
			return rc;
		(*out)[(*n)++] = posts[i];
	}
	return 0;
}

/* code is an ambassador of post's author, and post is public for anyone. */
static int check_link(struct core *c, struct arena *a, uint64_t post, uint64_t code, struct post **p)
{
	struct ambassador *amb;
	int rc = store_amb_by_code(c->store, a, code, &amb);
	if (rc)
		return rc;
	if ((rc = core_post_get(c, a, 0, post, p)))
		return rc;
	if ((*p)->author_id != amb->org_id || (*p)->visibility != VIS_PUBLIC || !staff_of(c, amb->person_id, amb->org_id))
		return ERR_NOTFOUND;
	return 0;
}

int core_amb_visit(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, uint64_t code)
{
	struct post *p;
	int rc = check_link(c, a, post, code, &p);
	if (rc)
		return rc;
	struct ambassador *amb;
	if ((rc = store_amb_by_code(c->store, a, code, &amb)))
		return rc;
	/* The ambassador's own visits do not count. */
	if (viewer == amb->person_id)
		return 0;
	if ((rc = store_begin(c->store)))
		return rc;
	/* The visit and its Amsterdam day (the visits-per-week chart). */
	int64_t now = time_now();
	rc = store_amb_visit(c->store, code, post, viewer);
	if (!rc)
		rc = store_amb_day(c->store, code, biz_amsterdam_day(now));
	return in_tx(c, rc);
}

int core_amb_applied(struct core *c, struct arena *a, uint64_t post, uint64_t code)
{
	struct post *p;
	int rc = check_link(c, a, post, code, &p);
	if (rc)
		return rc;
	bool vac = false;
	if ((rc = store_vacancy_flags(c->store, &post, 1, &vac)))
		return rc;
	if (!vac)
		return ERR_NOTFOUND;
	if ((rc = store_begin(c->store)))
		return rc;
	return in_tx(c, store_amb_applied(c->store, code, post));
}

static void add(struct amb_figures *to, const struct amb_figures *f)
{
	to->reached += f->reached;
	to->clicks += f->clicks;
	to->applied += f->applied;
}

int core_amb_report(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct amb_row **out, size_t *n)
{
	*n = 0;
	if (!viewer)
		return ERR_AUTH;
	if (!staff_of(c, viewer, org))
		return ERR_NOTFOUND;
	struct ambassador *v;
	size_t na;
	int rc = store_amb_of_org(c->store, a, org, CORE_AMB_MAX, &v, &na);
	if (rc)
		return rc;
	/* The organisation's campaigns, with the ids of their posts. */
	struct campaign *cps;
	size_t ncp;
	if ((rc = store_campaigns(c->store, a, &org, 1, CORE_CAMPAIGNS_MAX, &cps, &ncp)))
		return rc;
	uint64_t **cids = arena_alloc(a, (ncp + 1) * sizeof *cids);
	size_t *cn = arena_alloc(a, (ncp + 1) * sizeof *cn);
	for (size_t j = 0; j < ncp; j++) {
		struct campaign *cp;
		struct campaign_progress pr;
		if ((rc = core_campaign_get(c, a, viewer, cps[j].id, &cp, &pr)))
			return rc;
		cids[j] = arena_alloc(a, (pr.n + 1) * sizeof **cids);
		for (size_t i = 0; i < pr.n; i++)
			cids[j][i] = pr.v[i].post->id;
		cn[j] = pr.n;
	}
	size_t per = ncp + 1;
	*out = arena_alloc(a, (na + 1) * per * sizeof **out);
	struct amb_row *others = arena_alloc(a, per * sizeof *others);
	memset(others, 0, per * sizeof *others);
	size_t nother = 0;
	for (size_t i = 0; i < na; i++) {
		/* Staff no longer: their links count no more; their past numbers
		 * go with the others. */
		bool named = v[i].consent && staff_of(c, v[i].person_id, org);
		struct account *person = NULL;
		if (named && store_account_get(c->store, a, v[i].person_id, &person))
			named = false;
		for (size_t j = 0; j < per; j++) {
			struct amb_figures f;
			if ((rc = store_amb_figures(c->store, v[i].code, j ? cids[j - 1] : NULL, j ? cn[j - 1] : 0, &f)))
				return rc;
			if (named) {
				struct amb_row *r = &(*out)[(*n)++];
				r->person = person;
				r->campaign = j ? &cps[j - 1] : NULL;
				r->f = f;
			} else {
				others[j].campaign = j ? &cps[j - 1] : NULL;
				add(&others[j].f, &f);
			}
		}
		nother += !named;
	}
	/* One alone would be "others" by name: shown only as two or more. */
	if (nother >= 2)
		for (size_t j = 0; j < per; j++)
			(*out)[(*n)++] = others[j];
	return 0;
}
