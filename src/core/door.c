/*
 * What the doors (pages and client API) look up beside posting and
 * following: lists of people, marks on posts, lists, tags and events.  The
 * adapters used to ask the store for these themselves and each applied its
 * own rule (issue 12); here each rule is applied once: people through
 * core_account_hidden, posts through core_post_get / core_post_visible,
 * pins through core_post_own.
 */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/log.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "store/store_api.h"

/* v[0..*n) without the accounts hidden from viewer, in place. */
static void drop_hidden(struct core *c, uint64_t viewer, struct account **v, size_t *n)
{
	size_t k = 0;
	for (size_t i = 0; i < *n; i++)
		if (v[i] && !core_account_hidden(c, viewer, v[i]))
			v[k++] = v[i];
	*n = k;
}

/* The accounts ids[0..nids) name, as viewer may know them. */
static int accounts_of(struct core *c, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t nids,
                       struct account ***out, size_t *n)
{
	struct account **v = arena_alloc(a, (nids + 1) * sizeof *v);
	int rc = nids ? store_accounts_get(c->store, a, ids, nids, v) : 0;
	if (rc)
		return rc;
	*n = nids;
	drop_hidden(c, viewer, v, n);
	*out = v;
	return 0;
}

int core_account_counts(struct core *c, struct account *acc)
{
	return store_account_counts(c->store, acc);
}

int core_account_search(struct core *c, struct arena *a, uint64_t viewer, const char *q, int limit,
                        struct account ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!q)
		return 0;
	char *s = str_trim(arena_strdup(a, q));
	size_t len = strlen(s);
	if (len > CORE_ACCOUNT_QUERY || !utf8_valid(s, len))
		return ERR_INVAL;
	if (*s == '@')
		s++;
	if (!*s)
		return 0;
	str_lower(s);
	/* The store leaves suspended accounts out for everyone, moderators too:
	 * a search finds people to talk to. */
	int rc = store_account_search(c->store, a, s, limit, out, n);
	if (rc)
		return rc;
	drop_hidden(c, viewer, *out, n);
	return 0;
}

/* The cursors of a store page: the relation ids of its last and first
 * rows, taken before hidden accounts are left out, so that a page of only
 * hidden people still leads on.  Going down, an older page only when this
 * one was full (as Mastodon's records_continue?); going up (min_id) the
 * older ones are where the reader came from. */
static void page_marks(const struct page *pg, const uint64_t *marks, size_t k, uint64_t *older, uint64_t *newer)
{
	bool full = pg->limit > 0 && k >= (size_t)pg->limit;
	*older = k && (full || pg->min_id) ? marks[k - 1] : 0;
	*newer = k ? marks[0] : 0;
}

int core_followers(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, bool following,
                   const struct page *pg, struct account ***out, size_t *n, uint64_t *older, uint64_t *newer)
{
	*out = NULL;
	*n = 0;
	*older = *newer = 0;
	struct account *acc;
	int rc = store_account_get(c->store, a, account, &acc);
	if (rc)
		return rc;
	if (core_account_hidden(c, viewer, acc))
		return ERR_NOTFOUND;
	/* A hidden list is empty to others (as on Mastodon), its owner sees it. */
	if (!core_collections_visible(viewer, acc))
		return 0;
	uint64_t *ids, *marks;
	size_t k = 0;
	if ((rc = store_follow_page(c->store, a, account, following, pg, &ids, &marks, &k)))
		return rc;
	page_marks(pg, marks, k, older, newer);
	if ((rc = accounts_of(c, a, viewer, ids, k, out, n)))
		return rc;
	size_t kept = 0;
	for (size_t i = 0; i < *n; i++)
		if (core_listed(viewer, account, (*out)[i]))
			(*out)[kept++] = (*out)[i];
	*n = kept;
	return 0;
}

int core_post_actors(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, bool boosts,
                     const struct page *pg, struct account ***out, size_t *n, uint64_t *older, uint64_t *newer)
{
	*out = NULL;
	*n = 0;
	*older = *newer = 0;
	struct post *p;
	int rc = core_post_get(c, a, viewer, post, &p);
	if (rc)
		return rc;
	uint64_t *ids, *marks;
	size_t k = 0;
	if ((rc = store_post_actors(c->store, a, post, boosts, pg, &ids, &marks, &k)))
		return rc;
	page_marks(pg, marks, k, older, newer);
	return accounts_of(c, a, viewer, ids, k, out, n);
}

int core_blocked(struct core *c, struct arena *a, uint64_t viewer, bool mutes, struct account ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!viewer)
		return ERR_AUTH;
	uint64_t *ids;
	size_t nids = 0;
	int rc = store_block_list(c->store, a, viewer, mutes, &ids, &nids);
	if (rc)
		return rc;
	return accounts_of(c, a, viewer, ids, nids, out, n);
}

int core_bookmark(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, bool on)
{
	if (!viewer)
		return ERR_AUTH;
	struct post *p;
	int rc = core_post_get(c, a, viewer, post, &p);
	if (rc)
		return rc;
	return store_mark_set(c->store, MARK_BOOKMARK, viewer, p->reblog_of ? p->reblog_of : p->id, on);
}

int core_pin(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, bool on)
{
	if (!viewer)
		return ERR_AUTH;
	struct post *p;
	int rc = core_post_get(c, a, viewer, post, &p);
	if (rc)
		return rc;
	/* Who may pin is who may edit: the author, or staff for their organisation. */
	if (p->reblog_of || !core_post_own(viewer, p))
		return ERR_FORBIDDEN;
	if (on && p->visibility == VIS_DIRECT)
		return ERR_INVAL;
	/* On the author's profile, whoever of its staff pinned it. */
	return store_mark_set(c->store, MARK_PIN, p->author_id, p->id, on);
}

int core_pinned(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, struct post ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	uint64_t *ids, *marks;
	size_t nids = 0;
	struct page pg = {.limit = CORE_PAGE_DEFAULT};
	int rc = store_mark_list(c->store, a, MARK_PIN, account, &pg, &ids, &marks, &nids);
	if (rc)
		return rc;
	struct post **v = arena_alloc(a, (nids + 1) * sizeof *v);
	if (nids && (rc = core_posts_by_id(c, a, viewer, ids, nids, v)))
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < nids; i++)
		if (v[i])
			v[k++] = v[i];
	*out = v;
	*n = k;
	return 0;
}

uint64_t core_boost_of(struct core *c, uint64_t viewer, uint64_t post)
{
	return viewer ? store_boost_of(c->store, viewer, post) : 0;
}

int core_post_source(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct post **p,
                     struct post_meta *meta)
{
	int rc = core_post_get(c, a, viewer, id, p);
	if (rc)
		return rc;
	return store_post_meta_get(c->store, a, id, meta);
}

int core_post_poll(struct core *c, struct arena *a, uint64_t viewer, const struct post *p, struct poll **out)
{
	if (!core_post_visible(viewer, p))
		return ERR_NOTFOUND;
	return store_poll_get(c->store, a, p->id, viewer, out);
}

int64_t core_tag_count(struct core *c, const char *tag)
{
	return store_tag_count(c->store, tag);
}

int core_post_tags(struct core *c, struct arena *a, uint64_t post, const char ***out, size_t *n)
{
	return store_post_tags(c->store, a, post, out, n);
}

int core_post_recipients(struct core *c, struct arena *a, uint64_t post, uint64_t **out, size_t *n)
{
	return store_post_recipients(c->store, a, post, out, n);
}

/* The ids on a list, for a stream whose owner was checked when it opened. */
int core_list_member_ids(struct core *c, struct arena *a, uint64_t list, uint64_t **out, size_t *n)
{
	return store_list_members(c->store, a, list, out, n);
}

int core_notif_newest(struct core *c, uint64_t viewer, uint64_t *id)
{
	*id = 0;
	if (!viewer)
		return 0;
	struct arena a;
	arena_init(&a);
	struct page pg = {.limit = 1};
	struct notification *v;
	size_t n = 0;
	int rc = store_notif_list(c->store, &a, viewer, &pg, &v, &n);
	if (!rc && n)
		*id = v[0].id;
	arena_release(&a);
	return rc;
}

int core_publish(struct core *c, const char *event)
{
	return store_publish(c->store, event);
}

int core_subscribe(struct core *c, void (*cb)(const char *event, void *ctx), void *ctx)
{
	return store_subscribe(c->store, cb, ctx);
}

int core_version(struct core *c, uint64_t *out)
{
	return store_version(c->store, out);
}

void core_read_begin(struct core *c)
{
	if (store_read_begin(c->store))
		log_warn("cannot begin a read transaction; the request reads without one");
}

void core_read_end(struct core *c)
{
	store_read_end(c->store);
}
