/*
 * Notifications: the list, seen and unread.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "base/testhook.h"
#include "core/core.h"
#include "core/core_int.h"
#include "core/push.h"
#include "store/store_api.h"

/* ---- notifications ---- */

/* An organisation's notification is heard while the viewer is among its
 * hearers: someone who left its staff no longer hears it (asked once per
 * organisation of the page).  hear[i] for v[i]; false without an org. */
static void orgs_heard(struct core *c, struct arena *a, uint64_t viewer, const struct notification *v, size_t nv,
                       bool *hear)
{
	uint64_t *asked_org = arena_alloc(a, (nv + 1) * sizeof *asked_org);
	bool *hears = arena_alloc(a, (nv + 1) * sizeof *hears);
	size_t nh = 0;
	for (size_t i = 0; i < nv; i++) {
		hear[i] = false;
		if (!v[i].org_id)
			continue;
		bool asked = false, yes = false;
		for (size_t h = 0; h < nh && !asked; h++)
			if (asked_org[h] == v[i].org_id) {
				asked = true;
				yes = hears[h];
			}
		if (!asked) {
			if (store_staff_is(c->store, v[i].org_id, viewer, &yes))
				yes = false; /* not shown: in doubt, not theirs to read */
			asked_org[nh] = v[i].org_id;
			hears[nh++] = yes;
		}
		hear[i] = yes;
	}
}

int core_notifications(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg,
                       struct notification **out, size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	struct notification *v;
	size_t nv;
	int rc = store_notif_list(c->store, a, viewer, pg, &v, &nv);
	if (rc)
		return rc;
	/* The actors and the posts of the page, each kind in one go. */
	uint64_t *ids = arena_alloc(a, (nv + 1) * sizeof *ids);
	struct account **actors = arena_alloc(a, (nv + 1) * sizeof *actors);
	for (size_t i = 0; i < nv; i++)
		ids[i] = v[i].actor_id;
	if ((rc = store_accounts_get(c->store, a, ids, nv, actors)))
		return rc;
	size_t np = 0;
	for (size_t i = 0; i < nv; i++)
		if (v[i].post_id)
			ids[np++] = v[i].post_id;
	struct post **posts = arena_alloc(a, (np + 1) * sizeof *posts);
	if ((rc = core_posts_by_id(c, a, viewer, ids, np, posts)))
		return rc;
	/* The organisations the staff member's notifications are for. */
	struct account **orgs = arena_alloc(a, (nv + 1) * sizeof *orgs);
	size_t norg = 0;
	for (size_t i = 0; i < nv; i++) {
		ids[i] = v[i].org_id;
		norg += v[i].org_id != 0;
	}
	/* Most pages have none: no query for a page of zeros. */
	if (!norg)
		memset(orgs, 0, (nv + 1) * sizeof *orgs);
	else if ((rc = store_accounts_get(c->store, a, ids, nv, orgs)))
		return rc;
	bool *hear = arena_alloc(a, (nv + 1) * sizeof *hear);
	orgs_heard(c, a, viewer, v, nv, hear);
	for (size_t i = 0; i < nv; i++)
		v[i].org = v[i].org_id && hear[i] ? orgs[i] : NULL;
	size_t k = 0;
	for (size_t i = 0, j = 0; i < nv; i++) {
		v[i].actor = actors[i];
		v[i].post = v[i].post_id ? posts[j++] : NULL;
		v[i].group = NULL;
		if (v[i].group_id && store_group_get(c->store, a, viewer, v[i].group_id, &v[i].group))
			v[i].group = NULL;
		/* A notification never shows a post the viewer may no longer see. */
		if (v[i].actor && (v[i].post || !v[i].post_id) && (v[i].org || !v[i].org_id))
			v[k++] = v[i];
	}
	*out = v;
	*n = k;
	return 0;
}

int core_notif_seen(struct core *c, uint64_t viewer, const struct notification *v, size_t n)
{
	if (!viewer)
		return ERR_AUTH;
	if (!n)
		return 0;
	/* The list is newest first; what lies between was filtered, not unseen. */
	return store_notif_mark_read_range(c->store, viewer, v[n - 1].id, v[0].id);
}

/* The unread ones of a page that core_notifications would show, asking
 * only what its filter asks (the actor exists, the post is shown, the
 * organisation is heard), not reading them for display: the menu badge
 * on every page. */
static int notif_count_unread(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg,
                              int64_t *count, int64_t *until)
{
	struct notification *v;
	size_t nv;
	int rc = store_notif_list(c->store, a, viewer, pg, &v, &nv);
	if (rc)
		return rc;
	uint64_t *ids = arena_alloc(a, (nv + 1) * sizeof *ids);
	bool *actor = arena_alloc(a, nv + 1), *shown = arena_alloc(a, nv + 1), *org = arena_alloc(a, nv + 1);
	for (size_t i = 0; i < nv; i++)
		ids[i] = v[i].actor_id;
	if ((rc = store_accounts_exist(c->store, ids, nv, actor)))
		return rc;
	size_t np = 0;
	for (size_t i = 0; i < nv; i++)
		if (v[i].post_id)
			ids[np++] = v[i].post_id;
	if (np && (rc = core_posts_shown_until(c, a, viewer, ids, np, shown, until)))
		return rc;
	size_t norg = 0;
	for (size_t i = 0; i < nv; i++) {
		ids[i] = v[i].org_id;
		norg += v[i].org_id != 0;
	}
	if (norg && (rc = store_accounts_exist(c->store, ids, nv, org)))
		return rc;
	bool *hear = arena_alloc(a, nv + 1);
	orgs_heard(c, a, viewer, v, nv, hear);
	for (size_t i = 0, j = 0; i < nv; i++) {
		bool post_ok = !v[i].post_id || shown[j++];
		bool org_ok = !v[i].org_id || (org[i] && hear[i]);
		*count += actor[i] && post_ok && org_ok && !v[i].read;
	}
	return 0;
}

/* How many unread notifications the viewer's list would show, the badge's
 * state read already (core_notif_unread, core_badges): n unread in the
 * count kept at write time. */
static int notif_unread_at(struct core *c, uint64_t viewer, int64_t n, int64_t ver, int64_t epoch, int64_t *count)
{
	int rc;
	int64_t until = 0;
	*count = 0;
	if (n <= 0 || badge_get(c->badges, BADGE_NOTIF, viewer, ver, epoch, count))
		return 0;
	/* Reading marks every notification read, so the unread ones are the
	 * newest: look at those through the list's own filter. */
	struct arena a;
	arena_init(&a);
	struct page pg = {.limit = n < CORE_UNREAD_MAX ? (int)n : CORE_UNREAD_MAX};
	rc = notif_count_unread(c, &a, viewer, &pg, count, &until);
	arena_release(&a);
	if (!rc)
		badge_put(c->badges, BADGE_NOTIF, viewer, ver, epoch, until, *count);
	return rc;
}

int core_notif_unread(struct core *c, uint64_t viewer, int64_t *count)
{
	*count = 0;
	if (!viewer)
		return ERR_AUTH;
	/* The unread ones are counted at write time (notif_count); the answer
	 * through the list's filter is remembered until a write could change
	 * it (badge.c). */
	int64_t n = 0, ver, epoch;
	int rc = store_badge_state(c->store, viewer, &n, &ver, &epoch);
	return rc ? rc : notif_unread_at(c, viewer, n, ver, epoch, count);
}

int core_badges(struct core *c, uint64_t viewer, int64_t *notif, int64_t *conv)
{
	*notif = *conv = 0;
	if (!viewer)
		return ERR_AUTH;
	int64_t n = 0, ver, epoch;
	int rc = store_badge_state(c->store, viewer, &n, &ver, &epoch);
	if (!rc)
		rc = notif_unread_at(c, viewer, n, ver, epoch, notif);
	if (!rc)
		rc = conv_unread_at(c, viewer, ver, epoch, conv);
	return rc;
}

