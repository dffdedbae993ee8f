/* Crisis mode (core/webcare_crisis.h). */
#include "core/webcare_crisis.h"

#include <string.h>

#include "base/arena.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core_int.h"
#include "core/webcare.h"
#include "store/store_announce.h"
#include "store/store_webcare.h"

/* viewer is org's staff (core_wc_teams checks it, as every webcare action). */
static int need_staff(struct core *c, uint64_t viewer, uint64_t org)
{
	struct arena a;
	arena_init(&a);
	struct wc_team *t;
	size_t n;
	int rc = core_wc_teams(c, &a, viewer, org, &t, &n);
	arena_release(&a);
	return rc;
}

int core_wc_crisis_set(struct core *c, uint64_t viewer, uint64_t org, bool on, const char *topic)
{
	int rc = need_staff(c, viewer, org);
	if (rc)
		return rc;
	struct arena a;
	arena_init(&a);
	struct wc_crisis cr;
	int64_t now = time_now();
	if (on) {
		if (!topic || text_blank(topic) || text_check(topic, strlen(topic), CORE_WC_NAME_MAX)) {
			arena_release(&a);
			return ERR_INVAL;
		}
		cr = (struct wc_crisis){.org_id = org, .topic = topic, .active = true, .started_at = now,
		                        .started_by = viewer};
	} else {
		rc = store_wc_crisis_get(c->store, &a, org, &cr);
		if (rc == ERR_NOTFOUND || (!rc && !cr.active)) { /* off already */
			arena_release(&a);
			return 0;
		}
		cr.active = false;
		cr.ended_at = now;
	}
	if (!rc && !(rc = store_begin(c->store))) {
		rc = store_wc_crisis_set(c->store, &cr);
		if (!rc && on) /* a new crisis is news again for everyone who dismissed the last one */
			rc = store_wc_crisis_ann_reset(c->store, org);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_wc_crisis_post(struct core *c, uint64_t viewer, uint64_t org, const char *text)
{
	int rc = need_staff(c, viewer, org);
	if (rc)
		return rc;
	if (!text || text_blank(text) || text_check(text, strlen(text), CORE_WC_CRISIS_TEXT_MAX))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct wc_crisis cr;
	rc = store_wc_crisis_get(c->store, &a, org, &cr);
	if (rc == ERR_NOTFOUND || (!rc && !cr.active))
		rc = ERR_CONFLICT;
	if (!rc && !(rc = store_begin(c->store)))
		rc = store_finish(c->store, store_wc_crisis_update_add(c->store, org, viewer, text, time_now()));
	arena_release(&a);
	return rc;
}

int core_wc_crisis(struct core *c, struct arena *a, uint64_t org, struct wc_crisis *out)
{
	return store_wc_crisis_get(c->store, a, org, out);
}

int core_wc_crisis_updates(struct core *c, struct arena *a, uint64_t org, struct wc_crisis_update **out, size_t *n)
{
	struct wc_crisis cr;
	int rc = store_wc_crisis_get(c->store, a, org, &cr);
	return rc ? rc : store_wc_crisis_updates(c->store, a, org, cr.started_at, out, n);
}

bool wc_crisis_active(struct core *c, uint64_t org)
{
	struct arena a;
	arena_init(&a);
	struct wc_crisis cr;
	bool on = !store_wc_crisis_get(c->store, &a, org, &cr) && cr.active;
	arena_release(&a);
	return on;
}

const char *wc_crisis_topic(struct core *c, struct arena *a, uint64_t org)
{
	struct wc_crisis cr;
	return !store_wc_crisis_get(c->store, a, org, &cr) && cr.active ? cr.topic : NULL;
}

/* ---- in apps: /api/v1/announcements (core/announce.c asks) ---- */

/* The crisis as an announcement: its id is the organisation's (ids are
 * unique across kinds), the newest update in the text, the crisis page as
 * its link. */
static int crisis_ann(struct core *c, struct arena *a, uint64_t viewer, const struct wc_crisis *cr,
                      struct announcement *out)
{
	struct account *o;
	struct wc_crisis_update *u;
	size_t nu = 0;
	int rc = store_account_get(c->store, a, cr->org_id, &o);
	if (!rc)
		rc = store_wc_crisis_updates(c->store, a, cr->org_id, cr->started_at, &u, &nu);
	if (rc)
		return rc;
	const char *name = core_shown_name(o);
	const char *text = arena_printf(a, "Crisis bij %s: %s", name, cr->topic);
	if (nu) /* newest first */
		text = arena_printf(a, "%s\n\nLaatste nieuws: %s", text, u[0].text);
	*out = (struct announcement){
		.id = cr->org_id,
		.author_id = cr->org_id,
		.text = text,
		.published = true,
		.published_at = cr->started_at,
		.updated_at = nu ? u[0].created_at : cr->started_at,
		.link = arena_printf(a, "/@%s/crisis", o->username),
	};
	return store_ann_extras(c->store, a, viewer, out);
}

int wc_crisis_anns(struct core *c, struct arena *a, uint64_t viewer, bool with_dismissed, struct announcement *v,
                   size_t *k, size_t max)
{
	if (!viewer || *k >= max)
		return 0;
	struct wc_crisis *cr;
	size_t n;
	int rc = store_wc_crises_for(c->store, a, viewer, max - *k, &cr, &n);
	for (size_t i = 0; !rc && i < n && *k < max; i++) {
		struct announcement an;
		if ((rc = crisis_ann(c, a, viewer, &cr[i], &an)))
			break;
		if (an.read && !with_dismissed)
			continue;
		v[(*k)++] = an;
	}
	return rc;
}

int wc_crisis_ann_shown(struct core *c, struct arena *a, uint64_t viewer, uint64_t id)
{
	struct wc_crisis cr;
	return viewer ? store_wc_crisis_for(c->store, a, viewer, id, &cr) : ERR_NOTFOUND;
}
