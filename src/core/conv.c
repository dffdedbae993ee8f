/*
 * Conversations (direct posts): one model for the pages and the API.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/testhook.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "core/federation.h"
#include "store/store_api.h"

/* ---- conversations ---- */

/* The viewer's conversations with their newest post each; one whose newest
 * post the viewer may not read now (its writer blocked since, suspended) is
 * left out.  Read and left marks are the viewer's own. */
static int conversations(struct core *c, struct arena *a, uint64_t viewer, uint64_t root, const struct page *pg,
                         struct conversation **out, size_t *n)
{
	struct conversation *v;
	size_t nv;
	int rc = store_conversations(c->store, a, viewer, root, pg, &v, &nv);
	if (rc)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < nv; i++) {
		rc = core_post_get(c, a, viewer, v[i].last_id, &v[i].last);
		if (rc == ERR_NOTFOUND)
			continue;
		if (rc)
			return rc; /* a database error is not "not yours" */
		v[k++] = v[i];
	}
	*out = v;
	*n = k;
	return 0;
}

int core_conversations(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg,
                       struct conversation **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!viewer)
		return ERR_AUTH;
	struct page first = {.limit = CORE_CONV_LIST};
	return conversations(c, a, viewer, 0, pg ? pg : &first, out, n);
}

/*
 * How many of the viewer's conversations someone else wrote in since the
 * viewer last read them, the badge's state (ver, epoch) read already by
 * core_badges.  The unread ones are kept at write time (store_conv_unread);
 * what the list leaves out (a newest post the viewer may not read now: its
 * writer blocked since, suspended, in think time) is left out here too.
 */
int conv_unread_at(struct core *c, uint64_t viewer, int64_t ver, int64_t epoch, int64_t *count)
{
	/* Remembered until a write could change it (badge.c). */
	*count = 0;
	int64_t until = 0;
	if (badge_get(c->badges, BADGE_CONV, viewer, ver, epoch, count))
		return 0;
	int rc;
	struct arena a;
	arena_init(&a);
	uint64_t *last;
	size_t n = 0;
	rc = store_conv_unread(c->store, &a, viewer, CORE_UNREAD_MAX, &last, &n);
	bool *shown = arena_alloc(&a, n + 1);
	if (!rc && n)
		rc = core_posts_shown_until(c, &a, viewer, last, n, shown, &until);
	for (size_t i = 0; !rc && i < n; i++)
		*count += shown[i];
	arena_release(&a);
	if (!rc)
		badge_put(c->badges, BADGE_CONV, viewer, ver, epoch, until, *count);
	return rc;
}

/* Read (hide == false) or leave one of the viewer's conversations, as it is
 * after the change in *out (when out is not NULL). */
static int conversation_mark(struct core *c, struct arena *a, uint64_t viewer, uint64_t root, bool hide,
                             struct conversation **out)
{
	if (!viewer)
		return ERR_AUTH;
	if (!root)
		return ERR_NOTFOUND;
	struct page pg = {.limit = 1};
	struct conversation *v;
	size_t n;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	rc = conversations(c, a, viewer, root, &pg, &v, &n);
	if (!rc && n == 0)
		rc = ERR_NOTFOUND; /* not the viewer's, or left already */
	if (!rc)
		rc = hide ? store_conv_leave(c->store, viewer, root, v[0].last_id)
		          : store_conv_read(c->store, viewer, root, v[0].last_id);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	v[0].unread = false;
	if (out)
		*out = &v[0];
	return 0;
}

int core_conversation_mark_read(struct core *c, struct arena *a, uint64_t viewer, uint64_t root,
                                struct conversation **out)
{
	return conversation_mark(c, a, viewer, root, false, out);
}

int core_conversation_leave(struct core *c, struct arena *a, uint64_t viewer, uint64_t root)
{
	return conversation_mark(c, a, viewer, root, true, NULL);
}

static void add_person(uint64_t *v, size_t *n, size_t cap, uint64_t id, uint64_t viewer)
{
	if (id == viewer)
		return;
	for (size_t i = 0; i < *n; i++)
		if (v[i] == id)
			return;
	if (*n < cap)
		v[(*n)++] = id;
}

int core_conv_people(struct core *c, struct arena *a, uint64_t viewer, uint64_t root, uint64_t **out, size_t *n)
{
	*n = 0;
	*out = NULL;
	if (!viewer)
		return ERR_AUTH;
	struct post **v;
	size_t nv;
	int rc = store_thread_direct(c->store, a, viewer, root, CORE_CONV_POSTS, &v, &nv);
	if (rc)
		return rc;
	uint64_t *ids = arena_alloc(a, (nv + 1) * sizeof *ids);
	uint64_t *people = arena_alloc(a, CORE_CONV_PEOPLE * sizeof *people);
	size_t k = 0, np = 0;
	for (size_t i = 0; i < nv; i++)
		if (core_post_visible(viewer, v[i])) {
			ids[k++] = v[i]->id;
			add_person(people, &np, CORE_CONV_PEOPLE, v[i]->author_id, viewer);
		}
	uint64_t *r;
	size_t nr = 0;
	if (k && (rc = store_conv_members(c->store, a, ids, k, &r, &nr)))
		return rc;
	for (size_t i = 0; i < nr; i++)
		add_person(people, &np, CORE_CONV_PEOPLE, r[i], viewer);
	*out = people;
	*n = np;
	return 0;
}

int core_dm_policy_set(struct core *c, uint64_t viewer, int policy)
{
	if (policy < DM_EVERYONE || policy > DM_PROVIDERS)
		return ERR_INVAL;
	return store_account_set_dm_policy(c->store, viewer, policy);
}

bool core_collections_hidden(const struct account *acc)
{
	if (acc->collections == COLL_HIDDEN || acc->collections == COLL_SHOWN)
		return acc->collections == COLL_HIDDEN;
	return acc->kind == ACCOUNT_PERSON && acc->person_type != PERSON_PROFESSIONAL;
}

bool core_collections_visible(uint64_t viewer, const struct account *acc)
{
	return (viewer && viewer == acc->id) || !core_collections_hidden(acc);
}

bool core_listed(uint64_t viewer, uint64_t owner, const struct account *x)
{
	/* Someone elsewhere: their own server keeps their lists (a client's
	 * default here is no rule about them). */
	return (viewer && viewer == owner) || core_fed_is_remote(x) || core_collections_visible(viewer, x);
}

int core_collections_choose(struct core *c, const struct account *me, bool hide)
{
	if (!me)
		return ERR_AUTH;
	if (hide == core_collections_hidden(me))
		return 0;
	return store_account_set_collections(c->store, me->id, hide ? COLL_HIDDEN : COLL_SHOWN);
}
