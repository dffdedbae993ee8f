/*
 * What a reader keeps for themselves: bookmarks and favourites (as pages
 * of posts), followed #tags, where they stopped reading (markers) and the
 * notifications they put away.  Each is the viewer's own; a post shows
 * only while core_post_visible lets them read it.
 */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"

/* Candidate post ids (newest first, each with its cursor) as the visible
 * posts among them; the cursors are those of the candidates scanned, so a
 * page of posts the viewer may no longer read still leads on. */
static int visible_page(struct core *c, struct arena *a, uint64_t viewer, const uint64_t *ids,
                        const uint64_t *cursors, size_t k, struct post ***out, size_t *n, uint64_t *older,
                        uint64_t *newer)
{
	struct post **v = arena_alloc(a, (k + 1) * sizeof *v);
	int rc = core_posts_by_id(c, a, viewer, ids, k, v);
	if (rc)
		return rc;
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (v[i])
			v[m++] = v[i];
	*older = k ? cursors[k - 1] : 0;
	*newer = k ? cursors[0] : 0;
	*out = v;
	*n = m;
	return 0;
}

int core_bookmarks(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg, struct post ***out,
                   size_t *n, uint64_t *older, uint64_t *newer)
{
	if (!viewer)
		return ERR_AUTH;
	uint64_t *ids, *marks;
	size_t k;
	int rc = store_mark_list(c->store, a, MARK_BOOKMARK, viewer, pg, &ids, &marks, &k);
	return rc ? rc : visible_page(c, a, viewer, ids, marks, k, out, n, older, newer);
}

int core_favourites(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg, struct post ***out,
                    size_t *n, uint64_t *older, uint64_t *newer)
{
	if (!viewer)
		return ERR_AUTH;
	uint64_t *ids;
	size_t k;
	int rc = store_fav_list(c->store, a, viewer, pg, &ids, &k);
	return rc ? rc : visible_page(c, a, viewer, ids, ids, k, out, n, older, newer);
}

/* ---- tags ---- */

int core_tag_follow(struct core *c, struct arena *a, uint64_t viewer, const char *tag, bool on)
{
	if (!viewer)
		return ERR_AUTH;
	const char *name = core_tag_name(a, tag);
	if (!name)
		return ERR_INVAL;
	if (!on)
		return store_tag_follow(c->store, viewer, name, false);
	/* Counted and written in one transaction: the list the store reads
	 * back holds every followed tag. */
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	const char **v;
	size_t n;
	bool have = false;
	rc = store_tag_followed_list(c->store, a, viewer, &v, &n);
	for (size_t i = 0; i < n && !rc && !have; i++)
		have = !strcmp(v[i], name);
	if (!rc && !have && n >= CORE_TAGS_FOLLOWED_MAX)
		rc = ERR_TOOBIG;
	if (!rc && !have)
		rc = store_tag_follow(c->store, viewer, name, true);
	return store_finish(c->store, rc);
}

int core_tags_followed(struct core *c, struct arena *a, uint64_t viewer, const char ***out, size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	return store_tag_followed_list(c->store, a, viewer, out, n);
}

/* ---- markers ---- */

static bool marker_timeline(const char *tl)
{
	return tl && (!strcmp(tl, "home") || !strcmp(tl, "notifications"));
}

int core_marker_get(struct core *c, uint64_t viewer, const char *timeline, struct marker *out)
{
	if (!viewer)
		return ERR_AUTH;
	if (!marker_timeline(timeline))
		return ERR_INVAL;
	return store_marker_get(c->store, viewer, timeline, &out->last_read_id, &out->version, &out->updated_at);
}

int core_markers_set(struct core *c, uint64_t viewer, const char *const *timelines, const uint64_t *last,
                     size_t n)
{
	if (!viewer)
		return ERR_AUTH;
	if (!n)
		return ERR_INVAL;
	for (size_t i = 0; i < n; i++)
		if (!marker_timeline(timelines[i]))
			return ERR_INVAL;
	int64_t now = time_now();
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	for (size_t i = 0; i < n && !rc; i++)
		rc = store_marker_set(c->store, viewer, timelines[i], last[i], now);
	return store_finish(c->store, rc);
}

/* ---- notifications put away ---- */

int core_notif_dismiss(struct core *c, uint64_t viewer, uint64_t id)
{
	if (!viewer)
		return ERR_AUTH;
	/* Only the viewer's own: someone else's is not found. */
	return store_notif_dismiss(c->store, viewer, id);
}

int core_notif_clear(struct core *c, uint64_t viewer)
{
	if (!viewer)
		return ERR_AUTH;
	return store_notif_clear(c->store, viewer);
}
