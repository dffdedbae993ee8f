/*
 * An actor's collections (fed_coll.h): outbox, followers, following and
 * featured.  The outbox and featured hold what core_fed_reach lets anyone
 * fetch (public posts), whoever asks, signed or not: a follower's server
 * got the followers-only ones delivered and needs no list of them.
 */
#include "core/fed_coll.h"

#include <string.h>

#include "base/id.h" /* time_now */
#include "core/core_int.h"
#include "core/fed_int.h"
#include "core/fed_note_int.h"
#include "store/store_api.h"
#include "store/store_fed.h"

/* Batches of a profile looked at for one outbox page: a page of mostly
 * private posts ends early, and its `next` goes on. */
#define SCAN_ROUNDS 10

json_t *fed_actor_context(void)
{
	return json_pack("[s,s,{s:s,s:{s:s,s:s}}]", "https://www.w3.org/ns/activitystreams",
	                 "https://w3id.org/security/v1", "toot", "http://joinmastodon.org/ns#", "featured", "@id",
	                 "toot:featured", "@type", "@id");
}

json_t *fed_create(struct arena *a, const char *actor, json_t *note)
{
	json_t *o = json_object();
	json_object_set_new(o, "@context", fed_note_context());
	json_object_set_new(
	        o, "id", json_string(arena_printf(a, "%s/activity", json_string_value(json_object_get(note, "id")))));
	json_object_set_new(o, "type", json_string("Create"));
	json_object_set_new(o, "actor", json_string(actor));
	json_object_set_new(o, "published", json_incref(json_object_get(note, "published")));
	json_object_set_new(o, "to", json_incref(json_object_get(note, "to")));
	json_object_set_new(o, "cc", json_incref(json_object_get(note, "cc")));
	json_object_set_new(o, "object", note);
	return o;
}

/* A page of name's public posts below max_id, newest first, as Creates. */
static int outbox_page(struct core *c, struct arena *a, const struct account *acc, const char *me, uint64_t max_id,
                       json_t *items, uint64_t *next)
{
	struct page pg = {.max_id = max_id, .limit = FED_COLL_PAGE * 2};
	int64_t now = time_now();
	bool end = false;
	*next = 0;
	for (int round = 0; round < SCAN_ROUNDS && !end && json_array_size(items) < FED_COLL_PAGE; round++) {
		struct post **v;
		size_t n, i = 0;
		int rc = store_tl_profile(c->store, a, 0, acc->id, &pg, &v, &n);
		if (rc)
			return rc;
		for (; i < n && json_array_size(items) < FED_COLL_PAGE; i++) {
			pg.max_id = v[i]->id;
			/* The rule, as for a fetch of the Note; a followers-only
			 * post is no item here, whoever asks. */
			if (v[i]->author_id == acc->id && fed_reach_of(c, v[i], now) == FED_REACH_PUBLIC) {
				json_t *o = fed_create(a, me, fed_note_json(c, a, v[i], acc));
				json_object_del(o, "@context");
				json_array_append_new(items, o);
			}
		}
		end = i == n && n < (size_t)pg.limit;
	}
	if (!end)
		*next = pg.max_id;
	return 0;
}

/* A page of followers (local follows first, by follow id, then remote
 * followers, by actor) or of whom acc follows (remote accounts are
 * accounts here).  The local part is core_followers' for anyone (viewer
 * 0): suspended accounts and those who keep their own lists to themselves
 * are left out, as on the pages.  *next / *next_remote: where the next
 * page starts. */
static int people_page(struct core *c, struct arena *a, const struct account *acc, bool following,
                       const struct fed_coll_at *at, json_t *items, uint64_t *next, uint64_t *next_remote)
{
	int rc;
	*next = *next_remote = 0;
	if (!at->remote) {
		struct page pg = {.max_id = at->max_id, .limit = FED_COLL_PAGE};
		struct account **v;
		size_t k;
		uint64_t newer;
		if ((rc = core_followers(c, a, 0, acc->id, following, &pg, &v, &k, next, &newer)))
			return rc;
		for (size_t i = 0; i < k; i++) {
			const char *uri;
			if (!core_fed_is_remote(v[i]))
				json_array_append_new(items, json_string(fed_actor_uri(a, v[i]->username)));
			else if (!core_fed_account_uri(c, a, v[i], &uri))
				json_array_append_new(items, json_string(uri));
		}
		if (*next || following)
			return 0; /* a full page (more may follow), or whom it follows: accounts here only */
	} else if (following) {
		return 0; /* whom it follows elsewhere are accounts here, listed above */
	}
	int left = FED_COLL_PAGE - (int)json_array_size(items);
	struct fed_actor *f;
	size_t n;
	if ((rc = store_fed_follower_page(c->store, a, acc->id, at->remote, left, &f, &n)))
		return rc;
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, json_string(f[i].uri));
	if (n == (size_t)left)
		*next_remote = f[n - 1].id;
	return 0;
}

/* name's pinned posts that anyone may fetch, newest pin first. */
static int featured(struct core *c, struct arena *a, const struct account *acc, json_t *items)
{
	uint64_t *ids, *marks;
	size_t n;
	struct page pg = {.limit = FED_COLL_PAGE};
	int rc = store_mark_list(c->store, a, MARK_PIN, acc->id, &pg, &ids, &marks, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		struct post *p;
		struct account *author;
		enum fed_reach r;
		if (!fed_post_to(c, a, ids[i], &p, &author, &r) && r == FED_REACH_PUBLIC && author->id == acc->id)
			json_array_append_new(items, fed_note_json(c, a, p, author));
	}
	return rc;
}

int fed_group_featured(struct core *c, struct arena *a, const struct group *g, json_t *items)
{
	struct post **v;
	size_t n;
	struct page pg = {.limit = 1}; /* the first page: its pinned threads lead */
	int rc = store_tl_group(c->store, a, 0, g->id, &pg, &v, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		struct post *p;
		struct account *author;
		enum fed_reach r;
		if (!fed_post_to(c, a, v[i]->id, &p, &author, &r) && r == FED_REACH_GROUP && p->pinned &&
		    p->group_id == g->id)
			json_array_append_new(items, fed_note_json(c, a, p, author));
	}
	return rc;
}

int core_fed_collection(struct core *c, struct arena *a, const char *name, const char *what,
                        const struct fed_coll_at *at, json_t **out)
{
	struct fed_local l;
	int which = !strcmp(what, "outbox")      ? 0
	            : !strcmp(what, "followers") ? 1
	            : !strcmp(what, "following") ? 2
	            : !strcmp(what, "featured")  ? 3
	                                         : -1;
	if (which < 0 || core_fed_local(c, a, name, &l))
		return ERR_NOTFOUND;
	const char *me = fed_actor_uri(a, l.acc->username), *id = arena_printf(a, "%s/%s", me, what);
	bool people = which == 1 || which == 2;
	json_t *o = json_object(), *items = json_array();
	json_object_set_new(o, "@context",
	                    which == 0 || which == 3 ? fed_note_context()
	                                             : json_string("https://www.w3.org/ns/activitystreams"));
	uint64_t next = 0, next_remote = 0;
	int rc = 0;
	if (people && !l.lists_shown) {
		/* Hidden lists: not even their sizes (as the API's counts). */
		json_object_set_new(o, "id", json_string(id));
		json_object_set_new(o, "type", json_string("OrderedCollection"));
		json_decref(items);
		*out = o;
		return 0;
	}
	if (which == 3 || !at->page) {
		int64_t total = which == 0 ? l.acc->posts : which == 1 ? l.followers : l.following;
		if (which == 3)
			rc = featured(c, a, l.acc, items);
		json_object_set_new(o, "id", json_string(id));
		json_object_set_new(o, "type", json_string("OrderedCollection"));
		json_object_set_new(o, "totalItems",
		                    json_integer(which == 3 ? (json_int_t)json_array_size(items) : total));
		if (which == 3)
			json_object_set_new(o, "orderedItems", json_incref(items));
		else
			json_object_set_new(o, "first", json_string(arena_printf(a, "%s?page=true", id)));
		json_decref(items);
		if (rc)
			json_decref(o);
		else
			*out = o;
		return rc;
	}
	rc = which == 0 ? outbox_page(c, a, l.acc, me, at->max_id, items, &next)
	                : people_page(c, a, l.acc, which == 2, at, items, &next, &next_remote);
	if (rc) {
		json_decref(items);
		json_decref(o);
		return rc;
	}
	const char *self = at->remote ? arena_printf(a, "%s?page=true&remote=%llu", id, (unsigned long long)at->remote)
	                   : at->max_id
	                           ? arena_printf(a, "%s?page=true&max_id=%llu", id, (unsigned long long)at->max_id)
	                           : arena_printf(a, "%s?page=true", id);
	json_object_set_new(o, "id", json_string(self));
	json_object_set_new(o, "type", json_string("OrderedCollectionPage"));
	json_object_set_new(o, "partOf", json_string(id));
	if (next || next_remote)
		json_object_set_new(o, "next",
		                    json_string(arena_printf(a, "%s?page=true&%s=%llu", id, next ? "max_id" : "remote",
		                                             (unsigned long long)(next ? next : next_remote))));
	json_object_set_new(o, "orderedItems", items);
	*out = o;
	return 0;
}
