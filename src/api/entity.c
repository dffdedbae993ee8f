/* Entities as Mastodon writes them: accounts, statuses, notifications... */
#include "api/api_int.h"
#include "core/federation.h"
#include "api/api_media.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"
#include "core/appointment.h"

static const char *vis_name(int v)
{
	return v == VIS_DIRECT ? "direct" : v == VIS_FOLLOWERS ? "private" : "public";
}

/* core renders site-relative links; clients elsewhere need absolute ones. */
static const char *abs_html(struct actx *x, const char *html)
{
	if (!strstr(html, "href=\"/"))
		return html;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	const char *p = html, *q;
	while ((q = strstr(p, "href=\"/"))) {
		buf_nofail(buf_add(&b, p, (size_t)(q - p) + 6));
		buf_nofail(buf_adds(&b, x->base));
		p = q + 6;
	}
	buf_nofail(buf_adds(&b, p));
	char *out = arena_strdup(x->a, b.ptr);
	buf_release(&b);
	return out;
}

static void field(struct jw *j, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	jw_obj(j);
	jw_kstr(j, "name", name);
	jw_kstr(j, "value", value);
	jw_knull(j, "verified_at");
	jw_end(j);
}

static void account_body(struct actx *x, struct jw *j, struct account *acc)
{
	/* Another server's account: "user@host" is its acct, its address is its origin's. */
	const char *origin = NULL;
	bool remote = core_fed_is_remote(acc) && !core_fed_account_uri(x->c, x->a, acc, &origin);
	jw_kid(j, "id", acc->id);
	jw_kstr(j, "username", remote ? arena_strndup(x->a, acc->username, strcspn(acc->username, "@")) : acc->username);
	jw_kstr(j, "acct", acc->username);
	jw_kstr(j, "display_name", acc->display_name[0] ? acc->display_name : acc->username);
	jw_kbool(j, "locked", acc->locked);
	jw_kbool(j, "bot", false);
	jw_kbool(j, "discoverable", true);
	/* Posts are not offered to full-text search elsewhere, no role badges. */
	jw_kbool(j, "indexable", false);
	jw_kbool(j, "noindex", false);
	jw_kempty(j, "roles");
	if (acc->suspended)
		jw_kbool(j, "suspended", true);
	jw_kbool(j, "group", false);
	jw_ktime(j, "created_at", acc->created_at);
	jw_kstr(j, "note", acc->bio[0] ? abs_html(x, core_render_text(x->c, x->a, acc->bio)) : "");
	const char *url = remote ? origin : arena_cat(x->a, x->base, "/@", acc->username, NULL);
	jw_kstr(j, "url", url);
	/* uri: the ActivityPub id (Mastodon's), the page is url. */
	jw_kstr(j, "uri", remote ? origin : arena_cat(x->a, x->base, "/users/", acc->username, NULL));
	const char *av = arena_cat(x->a, x->base, "/avatar/", acc->username, ".svg", NULL);
	jw_kstr(j, "avatar", av);
	jw_kstr(j, "avatar_static", av);
	const char *hd = arena_cat(x->a, x->base, "/static/icon.svg", NULL);
	jw_kstr(j, "header", hd);
	jw_kstr(j, "header_static", hd);
	if (!acc->has_counts)
		IGNORE_RESULT(core_account_counts(x->c, acc)); /* counts unread stay 0 */
	/* Hidden follower lists hide their sizes too. */
	bool lists = core_collections_visible(x->viewer, acc);
	jw_kint(j, "followers_count", lists ? acc->followers : 0);
	jw_kint(j, "following_count", lists ? acc->following : 0);
	jw_kbool(j, "hide_collections", core_collections_hidden(acc));
	jw_kint(j, "statuses_count", acc->posts);
	jw_key(j, "last_status_at");
	if (acc->last_post_at)
		jw_date(j, acc->last_post_at);
	else
		jw_null(j);
	jw_kempty(j, "emojis");
	jw_key(j, "fields");
	jw_arr(j);
	if (acc->kind == ACCOUNT_PERSON && acc->person_type == PERSON_PROFESSIONAL) {
		field(j, "Beroep", acc->profession);
		field(j, "Deskundig in", acc->expertise);
		field(j, "Talen", acc->languages);
		field(j, "Regio", acc->region);
	}
	jw_arr_end(j);
}

/*
 * JSON written once per version of what it is made of (issue 15): a
 * timeline page writes the same authors and the same post texts for every
 * reader, and rendering them is most of the work that is not the
 * database's.  A table of slots by a hash of an id keeps, per slot, the
 * inputs as bytes (the key) and the JSON written from them; the JSON is
 * reused only when the inputs are byte for byte the same, so an edit, a new
 * follower or another viewer's rights can never be answered from an older
 * version.  Shared by the request threads under one mutex per table; at
 * most `n` entries of a few hundred bytes each, freed as slots are reused.
 */
struct kept_slot {
	uint64_t id;
	char *key; /* klen bytes of key, then jlen of JSON, in one block */
	size_t klen, jlen;
};

struct kept {
	struct kept_slot *slot;
	unsigned bits; /* 2^bits slots */
	pthread_mutex_t mu;
};

#define KEPT(b) {.slot = (struct kept_slot[1u << (b)]){{0}}, .bits = (b), .mu = PTHREAD_MUTEX_INITIALIZER}

/* The key: every input as bytes, in a buffer on the stack; inputs that do
 * not fit (a very long note or post) are written as before, not kept. */
struct akey {
	char b[2048];
	size_t len;
	bool full;
};

static void akey_add(struct akey *k, const void *p, size_t n)
{
	if (k->full || n > sizeof k->b - k->len) {
		k->full = true;
		return;
	}
	memcpy(k->b + k->len, p, n);
	k->len += n;
}

static void akey_str(struct akey *k, const char *s)
{
	akey_add(k, s ? s : "", s ? strlen(s) + 1 : 1);
}

static void akey_int(struct akey *k, int64_t v)
{
	akey_add(k, &v, sizeof v);
}

/* The slot of id (ids are a time and a sequence: their low bits repeat, so
 * mixed), or NULL when the key did not fit. */
static struct kept_slot *kept_slot(struct kept *t, uint64_t id, const struct akey *k)
{
	return k->full ? NULL : &t->slot[(id * 0x9E3779B97F4A7C15ull) >> (64 - t->bits)];
}

/* Write the JSON kept in slot when it was made from the same key. */
static bool kept_get(struct kept *t, struct jw *j, struct kept_slot *slot, uint64_t id, const struct akey *k)
{
	pthread_mutex_lock(&t->mu);
	bool hit = slot->key && slot->id == id && slot->klen == k->len && memcmp(slot->key, k->b, k->len) == 0;
	if (hit)
		jw_raw(j, slot->key + slot->klen, slot->jlen);
	pthread_mutex_unlock(&t->mu);
	return hit;
}

/* Keep in slot the value j wrote since `from` (its leading comma off). */
static void kept_put(struct kept *t, struct kept_slot *slot, uint64_t id, const struct akey *k, const struct jw *j,
                     size_t from)
{
	const char *v = j->b->ptr + from;
	size_t n = j->b->len - from;
	if (n && *v == ',') {
		v++;
		n--;
	}
	char *key = xmalloc(k->len + n);
	memcpy(key, k->b, k->len);
	memcpy(key + k->len, v, n);
	pthread_mutex_lock(&t->mu);
	free(slot->key);
	*slot = (struct kept_slot){.id = id, .key = key, .klen = k->len, .jlen = n};
	pthread_mutex_unlock(&t->mu);
}

/* Accounts: 2,048 slots.  Accounts of other servers (their address is read
 * from the database) are not kept. */
static struct kept accounts_kept = KEPT(11);

static void account_key(struct actx *x, struct akey *k, const struct account *acc)
{
	akey_int(k, (int64_t)acc->id);
	akey_str(k, x->base);
	akey_str(k, acc->username);
	akey_str(k, acc->display_name);
	akey_str(k, acc->bio);
	akey_str(k, acc->profession);
	akey_str(k, acc->expertise);
	akey_str(k, acc->languages);
	akey_str(k, acc->region);
	int64_t flags = (int64_t)acc->locked | (int64_t)acc->suspended << 1 |
	                (int64_t)core_collections_visible(x->viewer, acc) << 2 |
	                (int64_t)core_collections_hidden(acc) << 3;
	akey_int(k, flags);
	akey_int(k, acc->kind);
	akey_int(k, acc->person_type);
	akey_int(k, acc->created_at);
	akey_int(k, acc->followers);
	akey_int(k, acc->following);
	akey_int(k, acc->posts);
	akey_int(k, acc->last_post_at);
}

void ent_account(struct actx *x, struct jw *j, struct account *acc)
{
	/* kept: our own accounts whose inputs fit the key */
	struct akey k = {.len = 0};
	struct kept_slot *slot = NULL;
	if (!core_fed_is_remote(acc)) {
		if (!acc->has_counts)
			IGNORE_RESULT(core_account_counts(x->c, acc)); /* counts unread stay 0 */
		account_key(x, &k, acc);
		slot = kept_slot(&accounts_kept, acc->id, &k);
	}
	if (slot && kept_get(&accounts_kept, j, slot, acc->id, &k))
		return;
	size_t from = j->b->len;
	jw_obj(j);
	account_body(x, j, acc);
	jw_end(j);
	if (slot)
		kept_put(&accounts_kept, slot, acc->id, &k, j, from);
}

/*
 * A group (kring) as Mastodon clients know groups: an account with
 * "group": true.  Following it asks to join; a member posts into it by
 * naming it.  How many are in a closed or secret group is for members only.
 */
void ent_group(struct actx *x, struct jw *j, struct group *g)
{
	jw_obj(j);
	jw_kid(j, "id", g->id);
	jw_kstr(j, "username", g->name);
	jw_kstr(j, "acct", g->name);
	jw_kstr(j, "display_name", g->display_name);
	jw_kbool(j, "locked", g->kind != GROUP_OPEN);
	jw_kbool(j, "bot", false);
	jw_kbool(j, "discoverable", g->kind != GROUP_SECRET);
	jw_kbool(j, "indexable", false);
	jw_kbool(j, "noindex", false);
	jw_kempty(j, "roles");
	jw_kbool(j, "hide_collections", !core_group_members_shown(g));
	jw_kbool(j, "group", true);
	jw_ktime(j, "created_at", g->created_at);
	jw_kstr(j, "note", g->description[0] ? abs_html(x, core_render_text(x->c, x->a, g->description)) : "");
	const char *url = arena_printf(x->a, "%s/g/%s", x->base, g->name);
	jw_kstr(j, "url", url);
	jw_kstr(j, "uri", url);
	const char *icon = arena_cat(x->a, x->base, "/static/icon.svg", NULL);
	jw_kstr(j, "avatar", icon);
	jw_kstr(j, "avatar_static", icon);
	jw_kstr(j, "header", icon);
	jw_kstr(j, "header_static", icon);
	jw_kint(j, "followers_count", core_group_members_shown(g) ? g->members : 0);
	jw_kint(j, "following_count", 0);
	jw_kint(j, "statuses_count", 0);
	jw_knull(j, "last_status_at");
	jw_kempty(j, "emojis");
	jw_kempty(j, "fields");
	jw_end(j);
}

void ent_group_relationship(struct jw *j, struct group *g)
{
	jw_obj(j);
	jw_kid(j, "id", g->id);
	jw_kbool(j, "following", g->v_state == GSTATE_MEMBER);
	jw_kbool(j, "showing_reblogs", false);
	jw_kbool(j, "notifying", false);
	jw_kempty(j, "languages");
	jw_kbool(j, "followed_by", false);
	jw_kbool(j, "blocking", false);
	jw_kbool(j, "blocked_by", g->v_state == GSTATE_BANNED);
	jw_kbool(j, "muting", g->v_muted);
	jw_kbool(j, "muting_notifications", false);
	jw_kbool(j, "requested", g->v_state == GSTATE_REQUESTED);
	jw_kbool(j, "requested_by", false);
	jw_kbool(j, "domain_blocking", false);
	jw_kbool(j, "endorsed", false);
	jw_kstr(j, "note", "");
	jw_end(j);
}

void ent_credential_account(struct actx *x, struct jw *j, struct account *acc)
{
	jw_obj(j);
	account_body(x, j, acc);
	jw_key(j, "source");
	jw_obj(j);
	jw_kstr(j, "privacy", core_default_visibility(acc) == VIS_FOLLOWERS ? "private" : "public");
	jw_kbool(j, "sensitive", false);
	jw_kstr(j, "language", acc->lang);
	jw_kstr(j, "note", acc->bio);
	jw_kempty(j, "fields");
	jw_kbool(j, "hide_collections", core_collections_hidden(acc));
	jw_kbool(j, "discoverable", true);
	jw_kbool(j, "indexable", false);
	struct account **reqs;
	size_t nreqs = 0;
	if (core_follow_requests(x->c, x->a, acc->id, &reqs, &nreqs))
		nreqs = 0; /* shown, never acted on */
	jw_kint(j, "follow_requests_count", (int64_t)nreqs);
	jw_end(j);
	jw_key(j, "role");
	jw_obj(j);
	jw_kstr(j, "id", acc->role == ROLE_ADMIN ? "3" : acc->role == ROLE_MODERATOR ? "2" : "-99");
	jw_kstr(j, "name", acc->role == ROLE_ADMIN ? "Admin" : acc->role == ROLE_MODERATOR ? "Moderator" : "");
	jw_kstr(j, "permissions", acc->role == ROLE_ADMIN ? "1" : "0");
	jw_kstr(j, "color", "");
	jw_kbool(j, "highlighted", false);
	jw_end(j);
	jw_end(j);
}

void ent_poll(struct actx *x, struct jw *j, struct poll *p)
{
	jw_obj(j);
	jw_kid(j, "id", p->id);
	jw_ktime(j, "expires_at", p->expires_at);
	jw_kbool(j, "expired", p->expires_at && p->expires_at <= time_now());
	jw_kbool(j, "multiple", p->multiple);
	jw_kint(j, "votes_count", p->votes_count);
	jw_kint(j, "voters_count", p->voters_count);
	jw_key(j, "options");
	jw_arr(j);
	for (size_t i = 0; i < p->nopts; i++) {
		jw_obj(j);
		jw_kstr(j, "title", p->titles[i]);
		jw_kint(j, "votes_count", p->votes[i]);
		jw_end(j);
	}
	jw_arr_end(j);
	jw_kempty(j, "emojis");
	if (x->viewer) {
		jw_kbool(j, "voted", p->voted);
		jw_key(j, "own_votes");
		jw_arr(j);
		for (size_t i = 0; i < p->nown; i++)
			jw_int(j, p->own[i]);
		jw_arr_end(j);
	}
	jw_end(j);
}

/* A post's text as HTML: 2,048 slots, by the post's id, its text and the
 * server's address (all the rendering reads). */
static struct kept contents_kept = KEPT(11);

static void status_content(struct actx *x, struct jw *j, const struct post *p)
{
	if (!p->text[0]) {
		jw_str(j, "");
		return;
	}
	struct akey k = {.len = 0};
	akey_int(&k, (int64_t)p->id);
	akey_str(&k, x->base);
	akey_str(&k, p->text);
	struct kept_slot *slot = kept_slot(&contents_kept, p->id, &k);
	if (slot && kept_get(&contents_kept, j, slot, p->id, &k))
		return;
	size_t from = j->b->len;
	jw_str(j, abs_html(x, core_render_text(x->c, x->a, p->text)));
	if (slot)
		kept_put(&contents_kept, slot, p->id, &k, j, from);
}

static void status_body(struct actx *x, struct jw *j, struct post *p)
{
	if (!p->x)
		core_posts_extras(x->c, x->a, x->viewer, &p, 1);
	static const struct post_extra none = {.meta = {.spoiler_text = "", .language = ""}};
	const struct post_extra *e = p->x ? p->x : &none;
	const struct post_meta meta = e->meta;
	jw_kid(j, "id", p->id);
	jw_ktime(j, "created_at", p->created_at);
	jw_kid(j, "in_reply_to_id", p->in_reply_to);
	jw_kid(j, "in_reply_to_account_id", p->in_reply_to ? (uint64_t)p->reply_author : 0);
	jw_kbool(j, "sensitive", meta.sensitive);
	jw_kstr(j, "spoiler_text", meta.spoiler_text);
	jw_kstr(j, "visibility", vis_name(p->visibility));
	jw_kstr(j, "language", meta.language[0] ? meta.language : "nl");
	char idb[24];
	u64_str(idb, p->id);
	const char *url = arena_cat(x->a, x->base, "/posts/", idb, NULL), *uri = url;
	/* A post received from another server: its address there; our own:
	 * its ActivityPub id as uri (what other servers and a search by
	 * address know it by), the page as url. */
	if (p->author && core_fed_is_remote(p->author)) {
		if (core_fed_post_uri(x->c, x->a, p->id, &uri))
			uri = url;
		url = uri;
	} else if (p->author && p->author->username) {
		uri = arena_cat(x->a, x->base, "/users/", p->author->username, "/statuses/", idb, NULL);
	}
	jw_kstr(j, "uri", uri);
	jw_kstr(j, "url", url);
	jw_kint(j, "replies_count", p->replies);
	jw_kint(j, "reblogs_count", p->boosts);
	jw_kint(j, "favourites_count", p->favs);
	jw_ktime(j, "edited_at", p->edited_at);
	jw_kbool(j, "favourited", x->viewer && p->v_faved);
	jw_kbool(j, "reblogged", x->viewer && p->v_boosted);
	jw_kbool(j, "muted", false);
	jw_kbool(j, "bookmarked", x->viewer && e->bookmarked);
	if (x->viewer == p->author_id)
		jw_kbool(j, "pinned", e->pinned);
	jw_key(j, "content");
	status_content(x, j, p);
	struct oauth_app *app;
	/* Optional and, when given, never null (documented so). */
	if (meta.app_id && !core_app_by_id(x->c, x->a, meta.app_id, &app)) {
		jw_key(j, "application");
		jw_obj(j);
		jw_kstr(j, "name", app->name);
		jw_key(j, "website");
		jw_str(j, app->website[0] ? app->website : NULL);
		jw_end(j);
	}
	jw_key(j, "account");
	if (p->author)
		ent_account(x, j, p->author);
	else
		jw_null(j);
	jw_key(j, "media_attachments");
	jw_arr(j);
	for (size_t i = 0; i < e->nmedia; i++)
		ent_media(x, j, e->media[i]);
	jw_arr_end(j);
	jw_key(j, "mentions");
	jw_arr(j);
	for (size_t i = 0; i < e->nmentions; i++) {
		jw_obj(j);
		jw_kid(j, "id", e->mentions[i].id);
		jw_kstr(j, "username", e->mentions[i].username);
		jw_kstr(j, "acct", e->mentions[i].username);
		jw_kstr(j, "url", arena_cat(x->a, x->base, "/@", e->mentions[i].username, NULL));
		jw_end(j);
	}
	jw_arr_end(j);
	jw_key(j, "tags");
	jw_arr(j);
	for (size_t i = 0; i < e->ntags; i++) {
		jw_obj(j);
		jw_kstr(j, "name", e->tags[i]);
		jw_kstr(j, "url", arena_cat(x->a, x->base, "/tags/", e->tags[i], NULL));
		jw_end(j);
	}
	jw_arr_end(j);
	jw_kempty(j, "emojis");
	jw_knull(j, "card");
	struct poll *poll;
	jw_key(j, "poll");
	if (e->has_poll && !core_post_poll(x->c, x->a, x->viewer, p, &poll))
		ent_poll(x, j, poll);
	else
		jw_null(j);
}

void ent_status_open(struct actx *x, struct jw *j, struct post *p)
{
	jw_obj(j);
	if (p->reblog_of && p->boosted) {
		/* A boost: its own id and author, everything else from the original. */
		struct post *o = p->boosted;
		jw_kid(j, "id", p->id);
		jw_ktime(j, "created_at", p->created_at);
		jw_knull(j, "in_reply_to_id");
		jw_knull(j, "in_reply_to_account_id");
		jw_kbool(j, "sensitive", false);
		jw_kstr(j, "spoiler_text", "");
		jw_kstr(j, "visibility", vis_name(p->visibility));
		jw_kstr(j, "language", NULL);
		char idb[24];
		u64_str(idb, p->id);
		const char *url = arena_cat(x->a, x->base, "/posts/", idb, NULL);
		jw_kstr(j, "uri", url);
		jw_kstr(j, "url", url);
		jw_kint(j, "replies_count", 0);
		jw_kint(j, "reblogs_count", 0);
		jw_kint(j, "favourites_count", 0);
		jw_knull(j, "edited_at");
		jw_kbool(j, "favourited", false);
		jw_kbool(j, "reblogged", x->viewer && o->v_boosted);
		jw_kbool(j, "muted", false);
		jw_kbool(j, "bookmarked", false);
		jw_kstr(j, "content", "");
		jw_key(j, "account");
		if (p->author)
			ent_account(x, j, p->author);
		else
			jw_null(j);
		jw_kempty(j, "media_attachments");
		jw_kempty(j, "mentions");
		jw_kempty(j, "tags");
		jw_kempty(j, "emojis");
		jw_knull(j, "card");
		jw_knull(j, "poll");
		jw_key(j, "reblog");
		ent_status(x, j, o);
	} else {
		status_body(x, j, p);
		jw_knull(j, "reblog");
	}
}

void ent_status(struct actx *x, struct jw *j, struct post *p)
{
	ent_status_open(x, j, p);
	jw_end(j);
}

bool ent_status_id(struct actx *x, struct jw *j, uint64_t id)
{
	struct post *p;
	if (core_post_get(x->c, x->a, x->viewer, id, &p))
		return false;
	ent_status(x, j, p);
	return true;
}

void ent_notification(struct actx *x, struct jw *j, struct notification *n)
{
	jw_obj(j);
	jw_kid(j, "id", n->id);
	jw_kstr(j, "type", core_notif_type(n->kind));
	jw_ktime(j, "created_at", n->created_at);
	/* Each notification its own group until grouping is served. */
	jw_kstr(j, "group_key", arena_printf(x->a, "ungrouped-%llu", (unsigned long long)n->id));
	jw_key(j, "account");
	if (n->actor)
		ent_account(x, j, n->actor);
	else
		jw_null(j);
	if (n->post) {
		jw_key(j, "status");
		ent_status(x, j, n->post);
	}
	/* kring: which appointment, what happened, its start. */
	uint64_t ap_id;
	int ap_what;
	int64_t ap_start;
	if (n->kind == NOTIF_APPOINTMENT && core_appt_notif_of(n->note, &ap_id, &ap_what, &ap_start)) {
		jw_key(j, "kring_appointment");
		jw_obj(j);
		jw_kid(j, "id", ap_id);
		jw_kstr(j, "event", core_appt_notif_word(ap_what));
		jw_ktime(j, "start", ap_start);
		jw_end(j);
	}
	/* kring: for an organisation the reader is staff of. */
	if (n->org) {
		jw_key(j, "kring_organisation");
		ent_account(x, j, n->org);
	}
	jw_end(j);
}

void ent_relationship(struct actx *x, struct jw *j, uint64_t target)
{
	struct relation rel;
	/* Written in the middle of an answer: an error shows as all false here,
	 * and the relationship is only shown, never acted on. */
	if (core_relation(x->c, x->viewer, target, &rel))
		log_warn("cannot read the relation of %llu to %llu", (unsigned long long)x->viewer,
		         (unsigned long long)target);
	jw_obj(j);
	jw_kid(j, "id", target);
	jw_kbool(j, "following", rel.following);
	jw_kbool(j, "showing_reblogs", rel.following);
	jw_kbool(j, "notifying", false);
	jw_kempty(j, "languages");
	jw_kbool(j, "followed_by", rel.followed_by);
	jw_kbool(j, "blocking", rel.blocking);
	jw_kbool(j, "blocked_by", rel.blocked_by);
	jw_kbool(j, "muting", rel.muting);
	jw_kbool(j, "muting_notifications", rel.muting);
	jw_kbool(j, "requested", rel.requested);
	jw_kbool(j, "requested_by", rel.requested_by);
	jw_kbool(j, "domain_blocking", false);
	jw_kbool(j, "endorsed", false);
	jw_kstr(j, "note", "");
	jw_end(j);
}

/* Tags have no row of their own: the id is a hash of the name (FNV-1a, 53
 * bits so that apps parsing it as a JavaScript number keep it exact). */
static uint64_t tag_id(const char *tag)
{
	uint64_t h = 14695981039346656037ULL;
	for (const unsigned char *p = (const unsigned char *)tag; *p; p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	h &= (1ULL << 53) - 1;
	return h ? h : 1;
}

void ent_tag(struct actx *x, struct jw *j, const char *tag, bool with_following)
{
	jw_obj(j);
	jw_kid(j, "id", tag_id(tag));
	jw_kstr(j, "name", tag);
	jw_kstr(j, "url", arena_printf(x->a, "%s/tags/%s", x->base, tag));
	jw_key(j, "history");
	jw_arr(j);
	jw_obj(j);
	jw_key(j, "day");
	jw_str(j, arena_printf(x->a, "%lld", (long long)(time_now() / 86400 * 86400)));
	jw_kstr(j, "uses", arena_printf(x->a, "%lld", (long long)core_tag_count(x->c, tag)));
	jw_kstr(j, "accounts", "0");
	jw_end(j);
	jw_arr_end(j);
	bool following = false;
	if (with_following && core_tag_followed(x->c, x->viewer, tag, &following))
		log_warn("cannot read whether %llu follows #%s", (unsigned long long)x->viewer, tag);
	if (with_following)
		jw_kbool(j, "following", following);
	jw_end(j);
}

void ent_list(struct jw *j, const struct ulist *l)
{
	jw_obj(j);
	jw_kid(j, "id", l->id);
	jw_kstr(j, "title", l->title);
	jw_kstr(j, "replies_policy", l->replies_policy);
	jw_kbool(j, "exclusive", l->exclusive);
	jw_end(j);
}

void ent_filter(struct jw *j, const struct filter *f)
{
	jw_obj(j);
	jw_kid(j, "id", f->id);
	jw_kstr(j, "title", f->title);
	jw_key(j, "context");
	jw_arr(j);
	char ctx[256];
	size_t n = strlen(f->context);
	if (n >= sizeof ctx)
		n = sizeof ctx - 1;
	memcpy(ctx, f->context, n);
	ctx[n] = '\0';
	char *save = NULL;
	for (char *w = strtok_r(ctx, ",", &save); w; w = strtok_r(NULL, ",", &save))
		jw_str(j, w);
	jw_arr_end(j);
	jw_ktime(j, "expires_at", f->expires_at);
	jw_kstr(j, "filter_action", f->action);
	jw_key(j, "keywords");
	jw_arr(j);
	for (size_t i = 0; i < f->nkw; i++) {
		jw_obj(j);
		jw_kid(j, "id", f->kw[i].id);
		jw_kstr(j, "keyword", f->kw[i].keyword);
		jw_kbool(j, "whole_word", f->kw[i].whole_word);
		jw_end(j);
	}
	jw_arr_end(j);
	jw_kempty(j, "statuses");
	jw_end(j);
}

void ent_conversation(struct actx *x, struct jw *j, const struct conversation *cv, struct post *last)
{
	jw_obj(j);
	jw_kid(j, "id", cv->root_id);
	jw_kbool(j, "unread", cv->unread);
	jw_key(j, "accounts");
	jw_arr(j);
	uint64_t *ids;
	size_t n = 0;
	/* The people as the Berichten page names them. */
	if (!core_conv_people(x->c, x->a, x->viewer, cv->root_id, &ids, &n) && n) {
		struct account **accs = arena_alloc(x->a, n * sizeof *accs);
		if (!core_accounts_get(x->c, x->a, ids, n, accs))
			for (size_t i = 0; i < n; i++)
				if (accs[i] && !core_account_hidden(x->c, x->viewer, accs[i]))
					ent_account(x, j, accs[i]);
	}
	jw_arr_end(j);
	jw_key(j, "last_status");
	if (last)
		ent_status(x, j, last);
	else
		jw_null(j);
	jw_end(j);
}
