/*
 * Groups per FEP-1b12 (issue 21, docs/federation.md "Groups"): an open
 * kring group is a Group actor at /groups/NAME.  A remote person follows it
 * and is then a member (their account here, "user@host", joins it as any
 * member does); a member's post in it is Announced by the group, with
 * audience, to its remote members' servers; a remote member's Note to the
 * group becomes a post in it here (the group's rules apply) and is
 * Announced to the others.  Closed and secret groups are no actors: 404,
 * and a Follow of them is refused; their posts never leave (core_fed_reach).
 *
 * Receiving a group's Announce (on the follower's side): the announced
 * Note is always fetched from its origin, never taken from the Announce
 * (federation.c's announced(); Update and Delete here).
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "core/core_int.h"
#include "core/fed_int.h"
#include "core/fed_note_int.h"
#include "job/job.h"
#include "scan/feed.h" /* feed_html_text */
#include "store/store_fed.h"

#define AS_CONTEXT  "https://www.w3.org/ns/activitystreams"
#define SEC_CONTEXT "https://w3id.org/security/v1"
#define ADDR_MAX    64 /* entries of to, cc, audience looked at */

static const char *group_uri(struct arena *a, const char *name)
{
	return arena_printf(a, "%s/groups/%s", core_fed_base(), name);
}

/* The open group called name, or NULL: closed and secret groups are no actors. */
static struct group *open_group(struct core *c, struct arena *a, const char *name)
{
	char low[64];
	struct group *g;
	if (!name || !*name || strlen(name) >= sizeof low)
		return NULL;
	snprintf(low, sizeof low, "%s", name);
	str_lower(low);
	if (store_group_by_name(c->store, a, 0, low, &g) || g->kind != GROUP_OPEN)
		return NULL;
	return g;
}

struct group *fed_group_of(struct core *c, struct arena *a, const char *uri)
{
	const char *base = core_fed_base();
	size_t bl = strlen(base);
	if (!uri || !bl || strncmp(uri, base, bl) || strncmp(uri + bl, "/groups/", 8) || strchr(uri + bl + 8, '/'))
		return NULL;
	return open_group(c, a, uri + bl + 8);
}

int core_fed_group_name(struct core *c, struct arena *a, const char *name, const char **canon)
{
	struct account *acc;
	if (!core_account_by_name(c, a, name, &acc))
		return ERR_NOTFOUND; /* an account of that name wins */
	struct group *g = open_group(c, a, name);
	if (!g)
		return ERR_NOTFOUND;
	*canon = g->name;
	return 0;
}

int core_fed_group_doc(struct core *c, struct arena *a, const char *name, const char *what, json_t **out)
{
	struct group *g = open_group(c, a, name);
	if (!g)
		return ERR_NOTFOUND;
	const char *me = group_uri(a, g->name);
	json_t *o = json_object();
	if (what) {
		json_object_set_new(o, "@context", json_string(AS_CONTEXT));
		json_object_set_new(o, "id", json_string(arena_printf(a, "%s/%s", me, what)));
		json_object_set_new(o, "type", json_string("OrderedCollection"));
		/* The members are as many as the group's page says; not listed. */
		if (!strcmp(what, "followers"))
			json_object_set_new(o, "totalItems", json_integer(g->members));
		if (!strcmp(what, "featured")) { /* pinned posts (as Lemmy's communities) */
			json_t *items = json_array();
			int rc = fed_group_featured(c, a, g, items);
			json_object_set_new(o, "@context", fed_note_context());
			json_object_set_new(o, "totalItems", json_integer((json_int_t)json_array_size(items)));
			json_object_set_new(o, "orderedItems", items);
			if (rc) {
				json_decref(o);
				return rc;
			}
		}
		*out = o;
		return 0;
	}
	const char *pub, *priv;
	int rc = fed_key_pair(c, a, g->id, &pub, &priv);
	if (rc) {
		json_decref(o);
		return rc;
	}
	json_object_set_new(o, "@context", fed_actor_context());
	json_object_set_new(o, "id", json_string(me));
	json_object_set_new(o, "type", json_string("Group"));
	json_object_set_new(o, "preferredUsername", json_string(g->name));
	json_object_set_new(o, "name", json_string(g->display_name && g->display_name[0] ? g->display_name : g->name));
	if (g->description && g->description[0])
		json_object_set_new(o, "summary", json_string(core_render_text(c, a, g->description)));
	json_object_set_new(o, "url", json_string(arena_printf(a, "%s/g/%s", core_fed_base(), g->name)));
	const char *sub[] = {"inbox", "outbox", "followers", "featured"};
	for (size_t i = 0; i < 4; i++)
		json_object_set_new(o, sub[i], json_string(arena_printf(a, "%s/%s", me, sub[i])));
	json_object_set_new(o, "manuallyApprovesFollowers", json_false());
	json_object_set_new(o, "postingRestrictedToMods", json_false());
	json_object_set_new(o, "endpoints",
	                    json_pack("{s:s}", "sharedInbox", arena_printf(a, "%s/inbox", core_fed_base())));
	json_object_set_new(o, "publicKey", json_pack("{s:s,s:s,s:s}", "id", arena_printf(a, "%s#main-key", me), "owner",
	                                              me, "publicKeyPem", pub));
	*out = o;
	return 0;
}

int fed_group_key_id(struct core *c, struct arena *a, uint64_t id, const char **key_id)
{
	struct group *g;
	/* A group that is no longer open signs nothing: what waits stays home. */
	if (store_group_get(c->store, a, 0, id, &g) || g->kind != GROUP_OPEN)
		return ERR_NOTFOUND;
	*key_id = arena_printf(a, "%s#main-key", group_uri(a, g->name));
	return 0;
}

void fed_group_address(struct core *c, struct arena *a, const struct post *p, json_t *o)
{
	const char *name, *display;
	if (store_group_names(c->store, a, p->group_id, &name, &display))
		return;
	const char *g = group_uri(a, name);
	/* As Lemmy addresses a post in a community: to the group, everyone
	 * may read it (an open group: anyone may join). */
	json_object_set_new(o, "to", json_pack("[s]", g));
	json_object_set_new(o, "cc", json_pack("[s,s]", FED_PUBLIC, arena_printf(a, "%s/followers", g)));
	json_object_set_new(o, "audience", json_string(g));
}

/* ---- out: the group Announces ---- */

/* The Announce of type of p; origin: a remote member's Note id when known
 * (a Delete: no longer kept), NULL to look it up. */
static int announce(struct core *c, struct arena *a, const struct post *p, const char *type, const char *origin)
{
	struct group *g;
	struct account *author;
	bool del = !strcmp(type, "Delete");
	/* Only what the rule lets out (a Delete: what it let out before). */
	if ((!del && fed_reach_of(c, p, time_now()) != FED_REACH_GROUP) ||
	    store_group_get(c->store, a, 0, p->group_id, &g) || g->kind != GROUP_OPEN ||
	    core_account_get(c, a, p->author_id, &author))
		return 0;
	const char *gme = group_uri(a, g->name), *by, *nid;
	json_t *obj;
	if (core_fed_is_remote(author)) {
		/* A remote member's Note: named by its id at its origin. */
		struct fed_actor *f;
		if (store_fed_actor_by_account(c->store, a, author->id, &f) ||
		    (!(nid = origin) && store_fed_note_uri(c->store, a, p->id, &nid)))
			return 0;
		by = f->uri;
		obj = json_string(nid);
	} else {
		by = fed_actor_uri(a, author->username);
		nid = arena_printf(a, "%s/statuses/%llu", by, (unsigned long long)p->id);
		obj = del ? NULL : fed_note_json(c, a, p, author);
	}
	if (del) {
		json_decref(obj);
		obj = json_pack("{s:s,s:s}", "id", nid, "type", "Tombstone");
	}
	json_t *act = json_object();
	json_object_set_new(act, "id", json_string(!strcmp(type, "Create") ? arena_printf(a, "%s/activity", nid)
	                                           : arena_printf(a, "%s#%s/%llu", nid, type,
	                                                          (unsigned long long)id_new())));
	json_object_set_new(act, "type", json_string(type));
	json_object_set_new(act, "actor", json_string(by));
	json_object_set_new(act, "to", json_pack("[s]", gme));
	json_object_set_new(act, "cc", json_pack("[s]", FED_PUBLIC));
	json_object_set_new(act, "audience", json_string(gme));
	json_object_set_new(act, "object", obj);
	json_t *ann = json_object();
	json_object_set_new(ann, "@context", json_string(AS_CONTEXT));
	json_object_set_new(ann, "id", json_string(arena_printf(a, "%s#announces/%llu", gme, (unsigned long long)id_new())));
	json_object_set_new(ann, "type", json_string("Announce"));
	json_object_set_new(ann, "actor", json_string(gme));
	json_object_set_new(ann, "to", json_pack("[s]", arena_printf(a, "%s/followers", gme)));
	json_object_set_new(ann, "cc", json_pack("[s]", FED_PUBLIC));
	json_object_set_new(ann, "audience", json_string(gme));
	json_object_set_new(ann, "object", act);
	const char *body = fed_dump(a, ann);
	if (!body)
		return ERR_IO;
	/* The remote members' servers: a shared inbox once per server. */
	struct group_member *m;
	size_t n, k = 0;
	int rc = store_member_list(c->store, a, g->id, GSTATE_MEMBER, &m, &n);
	if (rc)
		return rc;
	const char **inboxes = arena_alloc(a, (n + 1) * sizeof *inboxes);
	for (size_t i = 0; i < n; i++) {
		struct fed_actor *f;
		if (!core_fed_is_remote(m[i].account) || store_fed_actor_by_account(c->store, a, m[i].account->id, &f) ||
		    fed_host_blocked(c, a, f->uri))
			continue;
		const char *ib = f->shared_inbox && f->shared_inbox[0] ? f->shared_inbox : f->inbox;
		bool have = false;
		for (size_t j = 0; j < k && !have; j++)
			have = !strcmp(inboxes[j], ib);
		if (!have)
			inboxes[k++] = ib;
	}
	if (!k)
		return 0;
	if (!(rc = store_begin(c->store)))
		rc = store_finish(c->store, fed_deliver(c, a, g->id, body, inboxes, k));
	if (!rc)
		job_kick();
	return rc;
}

int fed_group_announce(struct core *c, struct arena *a, const struct post *p, const char *type)
{
	return announce(c, a, p, type, NULL);
}

int fed_group_relay(struct core *c, struct arena *a, const char *type, uint64_t post, const char *origin)
{
	struct post *p;
	if (!post || store_post_get_any(c->store, a, 0, post, &p) || !p->group_id)
		return 0;
	/* Only what went out through the group (the rule as it stood before a Delete). */
	p->deleted = false;
	if (fed_reach_of(c, p, time_now()) != FED_REACH_GROUP)
		return 0;
	return announce(c, a, p, type, origin);
}

int fed_group_post_job(struct core *c, struct arena *a, const struct post *p, const char *arg)
{
	struct account *author;
	const char *uri;
	if (core_account_get(c, a, p->author_id, &author))
		return 0;
	/* A remote member's post: its origin is kept just after the post is
	 * written (fed_group_take); look again shortly, for a minute at most. */
	if (core_fed_is_remote(author) && store_fed_note_uri(c->store, a, p->id, &uri))
		return p->created_at > time_now() - 60 ? fed_post_again(c, arg, time_now() + 1) : 0;
	return fed_group_announce(c, a, p, "Create");
}

/* ---- in: following a group here ---- */

int fed_group_follow(struct core *c, struct arena *a, const struct fed_actor *from, const char *id,
                     const struct group *g, bool on)
{
	if (!on) {
		int rc = from->account_id ? core_group_leave(c, from->account_id, g->id) : 0;
		return rc == ERR_FORBIDDEN || rc == ERR_NOTFOUND ? 0 : rc;
	}
	int state = -1;
	int rc = from->account_id ? core_group_join(c, a, from->account_id, g->id, NULL, &state) : ERR_FORBIDDEN;
	if (rc == ERR_RATE || rc == ERR_IO || rc == ERR_BUSY)
		return rc;
	if (!rc && state == GSTATE_REQUESTED)
		return 0; /* waits for a moderator (not for open groups today) */
	bool accept = !rc && state == GSTATE_MEMBER;
	const char *me = group_uri(a, g->name);
	json_t *o = json_object();
	json_object_set_new(o, "@context", json_string(AS_CONTEXT));
	json_object_set_new(o, "id", json_string(arena_printf(a, "%s#%s/%llu", me, accept ? "accepts" : "rejects",
	                                                      (unsigned long long)id_new())));
	json_object_set_new(o, "type", json_string(accept ? "Accept" : "Reject"));
	json_object_set_new(o, "actor", json_string(me));
	json_object_set_new(o, "object",
	                    json_pack("{s:s,s:s,s:s,s:s}", "id", id, "type", "Follow", "actor", from->uri, "object", me));
	const char *body = fed_dump(a, o);
	return body ? fed_deliver(c, a, g->id, body, &from->inbox, 1) : ERR_IO;
}

/* ---- in: a remote member's Note to a group here ---- */

struct group *fed_group_addressed(struct core *c, struct arena *a, json_t *note)
{
	const char *fields[] = {"audience", "to", "cc"};
	for (int f = 0; json_is_object(note) && f < 3; f++) {
		json_t *v = json_object_get(note, fields[f]);
		for (size_t i = 0; i < ADDR_MAX; i++) {
			json_t *e = json_is_array(v) ? json_array_get(v, i) : i ? NULL : v;
			if (!e)
				break;
			struct group *g = json_is_string(e) ? fed_group_of(c, a, json_string_value(e)) : NULL;
			if (g)
				return g;
		}
	}
	return NULL;
}

int fed_group_take(struct core *c, struct arena *a, const struct fed_actor *from, json_t *o, const struct group *g,
                   const char **why)
{
	const char *type = fed_jstr(o, "type"), *id = fed_jstr(o, "id"), *by = fed_jref(o, "attributedTo");
	const char *content = json_string_value(json_object_get(o, "content"));
	const char *published = fed_jstr(o, "published");
	/* Its own Note, with an id on its own host: nobody posts for another. */
	if (!type || strcmp(type, "Note") || !id || !by || strcmp(by, from->uri) || !fed_same_host(a, id, from->uri) ||
	    !content || strlen(content) > FED_NOTE_MAX || !utf8_valid(content, strlen(content)) || !from->account_id) {
		*why = "not a Note of the sender's own";
		return ERR_FORBIDDEN;
	}
	uint64_t have, actor;
	if (!store_fed_note_post(c->store, id, &have, &actor))
		return 0; /* taken in before */
	const char *text = feed_html_text(a, content, strlen(content), CORE_POST_MAX_CHARS);
	uint64_t parent = fed_known_post(c, a, fed_jref(o, "inReplyTo"));
	struct post *pp;
	if (parent && (store_post_get(c->store, a, 0, parent, &pp) || pp->group_id != g->id))
		parent = 0; /* a reply hangs in the group only under a post of it */
	/* As any member's post: membership, bans, approval by a moderator. */
	struct post_input in = {.author_id = from->account_id, .text = text ? text : "", .visibility = VIS_PUBLIC,
	                        .visibility_default = true, .group_id = parent ? 0 : g->id, .in_reply_to = parent,
	                        .confirm = true};
	uint64_t pid;
	int rc = core_post_create(c, a, from->account_id, &in, &pid);
	if (rc) {
		*why = arena_printf(a, "the group does not take this post: %s", err_str(rc));
		return rc == ERR_IO || rc == ERR_BUSY || rc == ERR_RATE ? rc : ERR_FORBIDDEN;
	}
	if (!(rc = store_begin(c->store)))
		rc = store_finish(c->store, store_fed_note_put(c->store, id, from->id, in.text, published ? published : "",
		                                               time_now(), pid));
	return rc;
}

/* ---- in: a group followed here announces ---- */

const char *fed_group_inner(json_t *act, const char **itype)
{
	*itype = NULL;
	json_t *o = json_is_object(act) ? json_object_get(act, "object") : NULL;
	const char *t = json_is_object(o) ? fed_jstr(o, "type") : NULL;
	if (t && (!strcmp(t, "Create") || !strcmp(t, "Update") || !strcmp(t, "Delete"))) {
		if (t[0] != 'C')
			*itype = t;
		return fed_jref(o, "object");
	}
	return json_is_object(act) ? fed_jref(act, "object") : NULL;
}

int fed_group_change_in(struct core *c, struct arena *a, const struct fed_actor *from, const char *itype,
                        const char *obj, const char **why)
{
	bool followed = false;
	uint64_t pid = 0, by = 0;
	struct fed_actor *au;
	if (!obj || store_fed_followed(c->store, from->id, &followed) || !followed ||
	    store_fed_note_post(c->store, obj, &pid, &by) || !pid || store_fed_actor_get(c->store, a, by, &au) ||
	    fed_host_blocked(c, a, obj)) {
		*why = "not a Note known here, announced by someone followed here";
		return 0;
	}
	char ebuf[256] = "";
	json_t *j = fed_fetch(a, obj, ebuf, sizeof ebuf);
	int rc = 0;
	if (!strcmp(itype, "Delete")) {
		/* Gone only when its origin says so (fetch_json's words: "HTTP 404"). */
		bool gone = j ? fed_jstr(j, "type") && !strcmp(fed_jstr(j, "type"), "Tombstone")
		              : strstr(ebuf, ": HTTP 404") || strstr(ebuf, ": HTTP 410");
		json_decref(j);
		if (!gone) {
			*why = "the announced Delete: the Note is still at its origin";
			return 0;
		}
		struct post *p;
		if (!(rc = store_begin(c->store))) {
			rc = store_fed_note_delete(c->store, obj, by);
			if (!rc && !store_post_get(c->store, a, 0, pid, &p))
				rc = store_post_delete(c->store, pid);
			rc = store_finish(c->store, rc);
		}
		return rc;
	}
	const char *content = j ? json_string_value(json_object_get(j, "content")) : NULL;
	const char *jid = j ? fed_jstr(j, "id") : NULL, *jby = j ? fed_jref(j, "attributedTo") : NULL;
	if (!content || !jid || strcmp(jid, obj) || !jby || strcmp(jby, au->uri) || strlen(content) > FED_NOTE_MAX ||
	    !utf8_valid(content, strlen(content))) {
		json_decref(j);
		*why = "the announced Update: the Note at its origin does not hold together";
		return 0;
	}
	const char *text = feed_html_text(a, content, strlen(content), FED_TEXT_MAX);
	json_decref(j);
	if (!text)
		text = "";
	if (!(rc = store_begin(c->store))) {
		rc = store_post_update(c->store, pid, text, core_search_words(a, text), NULL, 0, NULL, 0, time_now());
		if (!rc)
			rc = store_fed_note_text(c->store, obj, text);
		rc = store_finish(c->store, rc);
	}
	return rc;
}
