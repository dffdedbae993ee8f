/*
 * Posts: the one visibility rule, writing, editing and deleting,
 * addressing and recipients, threads, favourites and boosts.  Timelines,
 * the social graph, notifications, search and polls have files of their own.
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
#include "core/fed_note_int.h"
#include "core/federation.h"
#include "core/fed_page.h"
#include "core/push.h"
#include "store/store_api.h"

bool core_post_visible(uint64_t viewer, const struct post *p)
{
	/* A suspended account's posts are gone from every read path until the
	 * suspension is lifted (its own session is gone too). */
	if (p->author_suspended && viewer != p->author_id)
		return false;
	/* Staff speak for their organisation, so they read what it posted. */
	bool own = viewer && (viewer == p->author_id || viewer == p->writer_id || p->v_staff);
	if (p->group_id) {
		/* Waiting for approval: only the author and the group's moderators. */
		if (p->pending)
			return own || p->v_group_role >= GROLE_MODERATOR;
		if (own)
			return true;
		if (p->group_kind < 0 || !core_group_readable(p->group_kind, p->v_group_role, viewer))
			return false;
	} else if (own) {
		return true;
	}
	/* Think time: nobody else sees a post until it is released. */
	if (p->publish_at && p->publish_at > time_now())
		return false;
	if (p->v_blocked)
		return false;
	/* A group post is read under both its group's rule (above) and its own
	 * visibility (below): the narrower wins, so naming a group never widens
	 * a followers-only post.  Staff of an organisation read what is
	 * addressed to it. */
	bool addressed = p->v_recipient || p->v_staff_recipient;
	switch (p->visibility) {
	case VIS_PUBLIC: return true;
	case VIS_FOLLOWERS: return viewer && (p->v_follows_author || addressed);
	case VIS_DIRECT: return viewer && addressed;
	}
	return false;
}

/* Does x block y or y block x?  An error is an error, never a no. */
int core_blocked_between(struct core *c, uint64_t x, uint64_t y, bool *out)
{
	int rc = store_blocks(c->store, x, y, out);
	if (!rc && !*out)
		rc = store_blocks(c->store, y, x, out);
	return rc;
}

/* May `sender` start a direct conversation with `to`? */
static int dm_allowed(struct core *c, struct arena *a, uint64_t sender, uint64_t to)
{
	struct account *r, *s;
	bool yes;
	int rc = store_account_get(c->store, a, to, &r);
	if (!rc)
		rc = core_blocked_between(c, to, sender, &yes);
	if (rc)
		return rc;
	if (yes)
		return ERR_FORBIDDEN;
	if (r->dm_policy == DM_EVERYONE)
		return 0;
	if ((rc = store_follows(c->store, to, sender, &yes)))
		return rc;
	if (!yes)
		return ERR_FORBIDDEN;
	if (r->dm_policy == DM_FOLLOWED)
		return 0;
	if ((rc = store_account_get(c->store, a, sender, &s)))
		return rc;
	return s->kind == ACCOUNT_ORG || s->person_type == PERSON_PROFESSIONAL ? 0 : ERR_FORBIDDEN;
}

/* Group checks for a new post in group `gid`: membership and pre-moderation. */
static int group_gate(struct core *c, struct arena *a, uint64_t author, uint64_t gid, bool *pending)
{
	struct group *g;
	int rc = store_group_get(c->store, a, author, gid, &g);
	if (rc)
		return rc;
	if (g->v_state != GSTATE_MEMBER)
		return g->kind == GROUP_SECRET ? ERR_NOTFOUND : ERR_FORBIDDEN;
	*pending = false;
	if (g->v_role >= GROLE_MODERATOR || g->premod == PREMOD_NONE)
		return 0;
	if (g->premod == PREMOD_ALL) {
		*pending = true;
		return 0;
	}
	int64_t approved = 0;
	if ((rc = store_group_post_count(c->store, gid, author, &approved)))
		return rc;
	*pending = approved < CORE_NEW_MEMBER_POSTS;
	return 0;
}

static int fill_people(struct core *c, struct arena *a, struct post *p)
{
	int rc = store_account_get(c->store, a, p->author_id, &p->author);
	if (!rc && p->writer_id != p->author_id)
		rc = store_account_get(c->store, a, p->writer_id, &p->writer);
	else if (!rc)
		p->writer = p->author;
	return rc;
}

/* Fill a post for display; false if it (or what it boosts) is not visible. */
static bool prepare(struct core *c, struct arena *a, uint64_t viewer, struct post *p)
{
	if (!core_post_visible(viewer, p))
		return false;
	if (fill_people(c, a, p))
		return false;
	if (p->reblog_of) {
		struct post *orig;
		if (store_post_get(c->store, a, viewer, p->reblog_of, &orig) || !core_post_visible(viewer, orig) ||
		    fill_people(c, a, orig))
			return false;
		p->boosted = orig;
	}
	return true;
}

/* Replies in think time leave the replies counts of the posts shown (each
 * in v once). */
static void replies_held(struct core *c, struct post *const *v, size_t n)
{
	if (store_posts_replies_held(c->store, v, n))
		log_warn("cannot count held replies");
}

/*
 * prepare() for a page of posts: one query for what they boost and one for
 * the people, instead of two or three per post.  ok[i] tells whether v[i]
 * is shown.
 */
void core_prepare_many(struct core *c, struct arena *a, uint64_t viewer, struct post **v, size_t n, bool *ok)
{
	uint64_t *ids = arena_alloc(a, (4 * n + 1) * sizeof *ids);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		ok[i] = core_post_visible(viewer, v[i]);
		if (ok[i] && v[i]->reblog_of)
			ids[k++] = v[i]->reblog_of;
	}
	struct post **orig = arena_alloc(a, (k + 1) * sizeof *orig);
	if (k && store_posts_get(c->store, a, viewer, ids, k, orig))
		memset(orig, 0, k * sizeof *orig);
	for (size_t i = 0, j = 0; i < n; i++) {
		if (!ok[i] || !v[i]->reblog_of)
			continue;
		struct post *o = orig[j++];
		if (o && core_post_visible(viewer, o))
			v[i]->boosted = o;
		else
			ok[i] = false;
	}
	/* The people: authors and writers of the posts and what they boost. */
	k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!ok[i])
			continue;
		for (struct post *p = v[i]; p; p = p == v[i] ? v[i]->boosted : NULL) {
			ids[k++] = p->author_id;
			if (p->writer_id != p->author_id)
				ids[k++] = p->writer_id;
		}
	}
	struct account **acc = arena_alloc(a, (k + 1) * sizeof *acc);
	if (k && store_accounts_get(c->store, a, ids, k, acc))
		memset(acc, 0, k * sizeof *acc);
	for (size_t i = 0, j = 0; i < n; i++) {
		if (!ok[i])
			continue;
		for (struct post *p = v[i]; p; p = p == v[i] ? v[i]->boosted : NULL) {
			p->author = p->writer = acc[j++];
			if (p->writer_id != p->author_id)
				p->writer = acc[j++];
			if (!p->author || !p->writer)
				ok[i] = false;
		}
	}
	struct post **shown = arena_alloc(a, (2 * n + 1) * sizeof *shown);
	k = 0;
	for (size_t i = 0; i < n; i++)
		for (struct post *p = ok[i] ? v[i] : NULL; p; p = p == v[i] ? v[i]->boosted : NULL) {
			bool seen = false;
			for (size_t j = 0; j < k && !seen; j++)
				seen = shown[j] == p;
			if (!seen)
				shown[k++] = p;
		}
	replies_held(c, shown, k);
}

int core_posts_by_id(struct core *c, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                     struct post **out)
{
	int rc = store_posts_get(c->store, a, viewer, ids, n, out);
	if (rc)
		return rc;
	struct post **got = arena_alloc(a, (n + 1) * sizeof *got);
	size_t *at = arena_alloc(a, (n + 1) * sizeof *at), m = 0;
	for (size_t i = 0; i < n; i++)
		if (out[i]) {
			at[m] = i;
			got[m++] = out[i];
		}
	bool *ok = arena_alloc(a, m + 1);
	core_prepare_many(c, a, viewer, got, m, ok);
	for (size_t j = 0; j < m; j++)
		if (!ok[j])
			out[at[j]] = NULL;
	return 0;
}

int core_posts_shown(struct core *c, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n, bool *ok)
{
	return core_posts_shown_until(c, a, viewer, ids, n, ok, NULL);
}

/* The earliest think time still running among v[0..n): the moment the
 * answer can change with no write at all. */
static void held_until(struct post *const *v, size_t n, int64_t *until)
{
	if (!until)
		return;
	int64_t now = time_now();
	for (size_t i = 0; i < n; i++)
		if (v[i] && v[i]->publish_at > now && (!*until || v[i]->publish_at < *until))
			*until = v[i]->publish_at;
}

int core_posts_shown_until(struct core *c, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                           bool *ok, int64_t *until)
{
	memset(ok, 0, n * sizeof *ok);
	struct post **v = arena_alloc(a, (n + 1) * sizeof *v);
	int rc = store_posts_vis(c->store, a, viewer, ids, n, v);
	if (rc)
		return rc;
	held_until(v, n, until);
	/* A boost is shown when what it boosts is.  (core_posts_by_id also
	 * drops a post whose author's account cannot be read: accounts are
	 * never deleted, so only a database error does that.) */
	uint64_t *orig_ids = arena_alloc(a, (n + 1) * sizeof *orig_ids);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		ok[i] = v[i] && core_post_visible(viewer, v[i]);
		if (ok[i] && v[i]->reblog_of)
			orig_ids[k++] = v[i]->reblog_of;
	}
	if (!k)
		return 0;
	struct post **orig = arena_alloc(a, (k + 1) * sizeof *orig);
	if ((rc = store_posts_vis(c->store, a, viewer, orig_ids, k, orig)))
		return rc;
	held_until(orig, k, until);
	for (size_t i = 0, j = 0; i < n; i++)
		if (ok[i] && v[i]->reblog_of) {
			ok[i] = orig[j] && core_post_visible(viewer, orig[j]);
			j++;
		}
	return 0;
}

void core_posts_extras(struct core *c, struct arena *a, uint64_t viewer, struct post *const *v, size_t n)
{
	/* A boost shows the post it boosts. */
	struct post **all = arena_alloc(a, (n + 1) * sizeof *all);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		struct post *p = v[i]->boosted ? v[i]->boosted : v[i];
		if (!p->x)
			all[k++] = p;
	}
	if (k && store_post_extras(c->store, a, viewer, all, k))
		for (size_t i = 0; i < k; i++)
			all[i]->x = NULL; /* each view fetches its own (media) or shows none */
	else if (k)
		fed_note_media(c, a, all, k); /* a received Note's attachments (federation) */
}

int core_post_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct post **out)
{
	struct post *p;
	int rc = store_post_get(c->store, a, viewer, id, &p);
	if (rc)
		return rc;
	if (!prepare(c, a, viewer, p))
		return ERR_NOTFOUND;
	struct post *both[2] = {p, p->boosted};
	replies_held(c, both, p->boosted ? 2 : 1);
	*out = p;
	return 0;
}

bool core_post_seen_by(struct core *c, uint64_t viewer, uint64_t id)
{
	struct arena a;
	arena_init(&a);
	struct post *p;
	bool seen = !store_post_get_any(c->store, &a, viewer, id, &p) && core_post_visible(viewer, p);
	arena_release(&a);
	return seen;
}

/* Resolve @names to account ids; unknown names are ignored (plain text). */
static size_t resolve(struct core *c, struct arena *a, const char *const *names, size_t n, uint64_t *ids,
                      size_t have, size_t max)
{
	for (size_t i = 0; i < n && have < max; i++) {
		struct account *acc;
		if (store_account_by_name(c->store, a, names[i], &acc))
			continue;
		bool dup = false;
		for (size_t k = 0; k < have; k++)
			dup |= ids[k] == acc->id;
		if (!dup)
			ids[have++] = acc->id;
	}
	return have;
}

static bool add_id(uint64_t *ids, size_t *n, size_t max, uint64_t id)
{
	for (size_t k = 0; k < *n; k++)
		if (ids[k] == id)
			return true;
	if (*n >= max)
		return false;
	ids[(*n)++] = id;
	return true;
}

/* One @handle (the @ optional), as the viewer may know it. */
static struct account *by_handle(struct core *c, struct arena *a, uint64_t viewer, const char *s)
{
	while (*s == '@')
		s++;
	char *name = arena_strdup(a, s);
	str_lower(name);
	struct account *acc;
	if (!*name || store_account_by_name(c->store, a, name, &acc) || core_account_hidden(c, viewer, acc))
		return NULL;
	return acc;
}

/* People and organisations whose display name is `q` (any case), or, when
 * nobody's is, contains it. */
static size_t by_display_name(struct core *c, struct arena *a, uint64_t viewer, const char *q,
                              struct account ***out)
{
	char *low = arena_strdup(a, q);
	str_lower(low);
	struct account **v;
	size_t nv = 0;
	*out = NULL;
	if (strlen(low) > 100 || store_account_search(c->store, a, low, 20, &v, &nv))
		return 0;
	struct account **exact = arena_alloc(a, (nv + 1) * sizeof *exact);
	struct account **some = arena_alloc(a, (nv + 1) * sizeof *some);
	size_t ne = 0, ns = 0;
	for (size_t i = 0; i < nv; i++) {
		if (v[i]->id == viewer || core_account_hidden(c, viewer, v[i]))
			continue;
		char *dn = arena_strdup(a, v[i]->display_name ? v[i]->display_name : "");
		str_lower(dn);
		if (!strcmp(dn, low) || !strcmp(v[i]->username, low))
			exact[ne++] = v[i];
		else if (strstr(dn, low))
			some[ns++] = v[i];
	}
	*out = ne ? exact : some;
	return ne ? ne : ns;
}

int core_recipients_find(struct core *c, struct arena *a, uint64_t viewer, const char *to, uint64_t *ids,
                         size_t *n, size_t max, struct rcpt_problem *why)
{
	memset(why, 0, sizeof *why);
	if (!to)
		return 0;
	const char *remote[CORE_MAX_MENTIONS]; /* @user@host not known yet: asked there (fed_page.c) */
	core_fed_mentions_find(c, a, viewer, remote, text_mentions(a, to, remote, CORE_MAX_MENTIONS));
	char *list = arena_strdup(a, to);
	for (char *p = list; *p;) {
		/* Pieces are separated by commas (or semicolons, new lines). */
		char *start = p;
		while (*p && *p != ',' && *p != ';' && *p != '\n')
			p++;
		char *piece = arena_strndup(a, start, (size_t)(p - start));
		if (*p)
			p++;
		piece = str_trim(piece);
		for (char *t = piece; *t; t++)
			if (*t == '\t' || *t == '\r')
				*t = ' ';
		if (!*piece)
			continue;
		/* "@a @b": handles; "a b": handles too when no display name fits. */
		bool all_handles = true, all_known = true;
		size_t nwords = 0;
		char *words = arena_strdup(a, piece);
		uint64_t found[CORE_MAX_MENTIONS];
		size_t nfound = 0;
		char *save = NULL;
		for (char *w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
			nwords++;
			all_handles &= w[0] == '@';
			struct account *acc = by_handle(c, a, viewer, w);
			if (acc && nfound < CORE_MAX_MENTIONS)
				found[nfound++] = acc->id;
			else
				all_known = false;
		}
		bool use_handles = (all_handles && nwords > 1) || (nwords == 1 && (all_known || piece[0] == '@'));
		struct account **v = NULL;
		size_t nv = 0;
		if (!use_handles) {
			nv = by_display_name(c, a, viewer, piece, &v);
			if (nv == 0 && all_known)
				use_handles = true;
		}
		if (use_handles) {
			if (!all_known) {
				why->text = piece;
				return ERR_NOTFOUND;
			}
			for (size_t i = 0; i < nfound; i++)
				if (!add_id(ids, n, max, found[i]))
					return ERR_TOOBIG;
			continue;
		}
		why->text = piece;
		if (nv == 0)
			return ERR_NOTFOUND;
		if (nv > 1) {
			why->choices = v;
			why->nchoices = nv;
			return ERR_CONFLICT;
		}
		if (!add_id(ids, n, max, v[0]->id))
			return ERR_TOOBIG;
		why->text = NULL;
	}
	return 0;
}

const char *core_dm_body(const struct post *p)
{
	const char *t = p->text ? p->text : "";
	if (p->visibility != VIS_DIRECT)
		return t;
	const char *s = t;
	while (*s == '@') {
		const char *e = s + 1;
		while ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') || (*e >= '0' && *e <= '9') || *e == '_' ||
		       *e == '.' || *e == '-' || *e == '@')
			e++;
		if (e == s + 1 || (*e && *e != ' ' && *e != '\n' && *e != ',' && *e != ':'))
			break;
		while (*e == ' ' || *e == '\n' || *e == '\r' || *e == ',' || *e == ':')
			e++;
		s = e;
	}
	return *s ? s : t;
}

int core_post_addressees(struct core *c, struct arena *a, uint64_t viewer, const struct post *p,
                         struct account ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (p->visibility != VIS_DIRECT || !core_post_visible(viewer, p))
		return 0;
	uint64_t *ids;
	size_t ni = 0;
	int rc = store_post_recipients(c->store, a, p->id, &ids, &ni);
	if (rc || !ni)
		return rc;
	struct account **v = arena_alloc(a, ni * sizeof *v);
	if ((rc = store_accounts_get(c->store, a, ids, ni, v)))
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < ni; i++)
		if (v[i] && !core_account_hidden(c, viewer, v[i]))
			v[k++] = v[i];
	*out = v;
	*n = k;
	return 0;
}

int core_org_hearers(struct core *c, struct arena *a, uint64_t org, uint64_t **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct account **staff;
	size_t ns = 0;
	int rc = store_staff_list(c->store, a, org, &staff, &ns);
	if (rc)
		return rc;
	uint64_t *v = arena_alloc(a, (ns + 1) * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < ns; i++)
		if (!staff[i]->suspended)
			v[k++] = staff[i]->id;
	*out = v;
	*n = k;
	return 0;
}

void core_notify(struct core *c, uint64_t to, int kind, uint64_t actor, uint64_t post)
{
	bool blocks = true, mutes = true;
	if (!to || to == actor || store_blocks(c->store, to, actor, &blocks) || blocks ||
	    store_mutes(c->store, to, actor, &mutes) || mutes)
		return; /* nothing to tell, or in doubt whether they want to hear it */
	if (store_notif_insert(c->store, to, kind, actor, post)) {
		log_warn("cannot store notification for %llu", (unsigned long long)to);
	} else {
		core_push_notify(c, to, kind, actor, post);
		if (c->on_notify)
			c->on_notify(c, to);
	}
	/* What is said to an organisation is heard by its staff, each under
	 * their own block and mute, never about their own doing. */
	struct arena a;
	arena_init(&a);
	uint64_t *staff;
	size_t ns = 0;
	if (!core_org_hearers(c, &a, to, &staff, &ns))
		for (size_t i = 0; i < ns; i++) {
			bool b = true, mu = true;
			if (staff[i] == actor || store_blocks(c->store, staff[i], actor, &b) || b ||
			    store_mutes(c->store, staff[i], actor, &mu) || mu)
				continue;
			if (store_notif_insert_for(c->store, staff[i], to, kind, actor, post)) {
				log_warn("cannot store notification for %llu", (unsigned long long)staff[i]);
				continue;
			}
			core_push_notify(c, staff[i], kind, actor, post);
			if (c->on_notify)
				c->on_notify(c, staff[i]);
		}
	arena_release(&a);
}

static int check_text(const char *text)
{
	if (!text)
		return ERR_INVAL;
	size_t n = strlen(text);
	int rc = text_check(text, n, CORE_POST_MAX_CHARS);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
			return 0;
	return ERR_INVAL; /* empty */
}

enum post_problem core_post_text_problem(const char *text)
{
	int rc = check_text(text);
	if (!rc)
		return POST_OK;
	if (rc == ERR_TOOBIG)
		return POST_TOO_LONG;
	if (text && text_check(text, strlen(text), CORE_POST_MAX_CHARS) == 0)
		return POST_EMPTY;
	return POST_BAD_TEXT;
}

int core_default_visibility(const struct account *acc)
{
	if (acc && acc->kind == ACCOUNT_PERSON && acc->person_type != PERSON_PROFESSIONAL)
		return VIS_FOLLOWERS;
	return VIS_PUBLIC;
}

/*
 * What the guard reads of a post: its text, content warning, poll options
 * and the descriptions of its media, as one publication.  Media that cannot
 * be read are left out here; core_media_check refuses them.  A photo's or
 * video's part is what kring-image read in it, with the faces it saw there
 * (blurred ones not: the poster took care of them).
 */
static size_t post_parts(struct core *c, struct arena *a, const char *text, const char *spoiler,
                         const char *const *opts, size_t nopts, const uint64_t *media, size_t nmedia,
                         uint64_t owner, struct guard_part *out, size_t max)
{
	assert(max >= 1); /* the text itself always has a place */
	size_t n = 0;
	out[n++] = (struct guard_part){.what = "status", .text = text};
	if (spoiler && *spoiler && n < max)
		out[n++] = (struct guard_part){.what = "spoiler_text", .text = spoiler};
	for (size_t i = 0; i < nopts && n < max; i++)
		out[n++] = (struct guard_part){.what = "poll option", .text = opts[i]};
	for (size_t i = 0; i < nmedia && n < max; i++) {
		struct media *m;
		/* Only the writer's own uploads: the answer must not tell of others'. */
		if (store_media_get(c->store, a, media[i], &m) || (owner && m->owner_id != owner))
			continue;
		if (m->alt && *m->alt)
			out[n++] = (struct guard_part){.what = "media description", .text = m->alt};
		int faces = m->blur == 2 ? 0 : m->faces;
		if (n < max && ((m->seen_text && *m->seen_text) || faces > 0))
			out[n++] = (struct guard_part){.what = "text in image", .text = m->seen_text, .faces = faces};
	}
	return n;
}

#define POST_PARTS (2 + STORE_POLL_MAX + 2 * CORE_MEDIA_MAX_PER_POST)
#define CORE_SPOILER_MAX 500

/* A content warning and poll options are stored as given: plain text, short. */
static int check_extras(const struct post_meta *m, const char *const *opts, size_t nopts)
{
	if (m && (!m->spoiler_text || !m->language ||
	          text_check(m->spoiler_text, strlen(m->spoiler_text), CORE_SPOILER_MAX)))
		return ERR_INVAL;
	return nopts ? core_poll_options_check(opts, nopts) : 0;
}

int core_poll_options_check(const char *const *opts, size_t n)
{
	if (n < 2 || n > STORE_POLL_MAX || !opts)
		return ERR_INVAL;
	for (size_t i = 0; i < n; i++)
		if (!opts[i] || !*opts[i] || text_check(opts[i], strlen(opts[i]), CORE_POLL_OPTION_MAX))
			return ERR_INVAL;
	return 0;
}

/* When a new post by author becomes visible to others (think time). */
static int64_t hold_until(struct core *c, struct arena *a, uint64_t author)
{
	struct account *acc;
	if (store_account_get(c->store, a, author, &acc))
		return 0;
	int hold = acc->hold_seconds;
	if (acc->kind == ACCOUNT_ORG) {
		struct guard_policy gp;
		hold = core_guard_policy_get(c, author, &gp) ? CORE_ORG_HOLD_DEFAULT : gp.hold_seconds;
	}
	return hold > 0 ? time_now() + hold : 0;
}

/*
 * Is (group, vis) no wider than the reviewed audience "<group>.<visibility>"?
 * A post stays in the group it was reviewed for (and does not enter one:
 * that would change who reads it), and its visibility may only narrow.
 */
static bool audience_kept(const char *reviewed, uint64_t group, int vis)
{
	const char *dot = strchr(reviewed, '.');
	uint64_t g, v;
	if (!dot || dot == reviewed || dot - reviewed > 20)
		return false;
	char num[24];
	memcpy(num, reviewed, (size_t)(dot - reviewed));
	num[dot - reviewed] = '\0';
	if (!parse_u64(num, &g) || !parse_u64(dot + 1, &v) || v > VIS_DIRECT)
		return false;
	return g == group && vis >= (int)v;
}

uint64_t core_group_named(struct core *c, struct arena *a, uint64_t author, const char *text)
{
	const char *gn[CORE_MAX_MENTIONS];
	size_t ng = text_mentions(a, text, gn, CORE_MAX_MENTIONS);
	for (size_t i = 0; i < ng; i++) {
		struct account *acc;
		struct group *g;
		if (store_account_by_name(c->store, a, gn[i], &acc) == 0)
			continue;
		if (store_group_by_name(c->store, a, author, gn[i], &g) == 0 && g->v_state == GSTATE_MEMBER)
			return g->id;
	}
	return 0;
}

int core_post_create(struct core *c, struct arena *a, uint64_t viewer, const struct post_input *in, uint64_t *id)
{
	/* The same request again (a client retrying): the post it made. */
	if (in->idem_key && viewer && store_idem_get(c->store, viewer, in->idem_key, id) == 0)
		return 0;
	if (!viewer)
		return ERR_AUTH;
	if (!core_may_post_as(c, viewer, in->author_id))
		return ERR_FORBIDDEN;
	enum post_problem why_local, *why = in->why ? in->why : &why_local;
	*why = POST_OK;
	int rc = check_text(in->text);
	if (rc) {
		*why = core_post_text_problem(in->text);
		return rc;
	}
	if (in->visibility < VIS_PUBLIC || in->visibility > VIS_DIRECT)
		return ERR_INVAL;
	struct post_new pn = {
		.id = id_new(),
		.author_id = in->author_id,
		.writer_id = viewer,
		.visibility = in->visibility,
		.text = in->text,
		.created_at = time_now(),
	};
	pn.root_id = pn.id;
	struct post *parent = NULL;
	uint64_t rcpt[CORE_MAX_MENTIONS + 8];
	size_t nrcpt = 0;
	if (in->in_reply_to) {
		if ((rc = core_post_get(c, a, viewer, in->in_reply_to, &parent)))
			return rc;
		if (parent->reblog_of)
			return ERR_INVAL;
		pn.in_reply_to = parent->id;
		pn.root_id = parent->root_id;
		/* A reply to a group post stays in the group. */
		if (in->group_id && in->group_id != parent->group_id)
			return ERR_INVAL;
		pn.group_id = parent->group_id;
		/* A reply is never wider than what it answers. */
		if (parent->visibility > pn.visibility)
			pn.visibility = parent->visibility;
		if (pn.visibility == VIS_DIRECT) {
			rcpt[nrcpt++] = parent->author_id;
			uint64_t *pr;
			size_t npr;
			if (!store_post_recipients(c->store, a, parent->id, &pr, &npr))
				for (size_t i = 0; i < npr && nrcpt < CORE_MAX_MENTIONS; i++)
					rcpt[nrcpt++] = pr[i];
		}
	}
	if (!pn.group_id)
		pn.group_id = in->group_id;
	/* From any app a member posts into a group by naming it ("@kring …"), as
	 * with groups elsewhere on the fediverse.  Only a group the author is in
	 * counts; any other name stays plain text, so nothing leaks that a
	 * group exists. */
	if (!pn.group_id && pn.visibility != VIS_DIRECT)
		pn.group_id = core_group_named(c, a, in->author_id, in->text);
	if (in->visibility_default && pn.group_id && pn.visibility != VIS_DIRECT)
		pn.visibility = parent ? parent->visibility : VIS_PUBLIC;
	if (pn.group_id && (rc = group_gate(c, a, in->author_id, pn.group_id, &pn.pending)))
		return rc;
	/* A private answer in a group is for its recipients: held for approval,
	 * it would be read by moderators it was not written to. */
	if (pn.visibility == VIS_DIRECT)
		pn.pending = false;
	/* Coming back from the guard's review: the audience may have narrowed
	 * on the way, never widened (a lost group or a wider visibility). */
	if (in->audience && !audience_kept(in->audience, pn.group_id, pn.visibility))
		return ERR_INVAL;
	/* Speaking for an organisation starts with accepting its guidelines. */
	if (in->author_id != viewer) {
		const char *gl = "";
		bool accepted;
		if (store_guidelines_get(c->store, a, in->author_id, &gl) == 0 && *gl) {
			if ((rc = store_guidelines_accepted(c->store, in->author_id, viewer, &accepted)))
				return rc;
			if (!accepted)
				return ERR_GUIDELINES;
		}
	}
	/* Everyone already in a private conversation may be answered there; a
	 * direct reply to a public or followers-only post starts a new private
	 * conversation, under the recipient's rule for who may message them. */
	uint64_t in_conv[CORE_MAX_MENTIONS + 8];
	size_t nconv = parent && parent->visibility == VIS_DIRECT ? nrcpt : 0;
	memcpy(in_conv, rcpt, nrcpt * sizeof *rcpt);
	const char *names[CORE_MAX_MENTIONS];
	size_t nnames = text_mentions(a, in->text, names, CORE_MAX_MENTIONS);
	core_fed_mentions_find(c, a, viewer, names, nnames); /* @user@host not known yet: asked there (fed_page.c) */
	nrcpt = resolve(c, a, names, nnames, rcpt, nrcpt, CORE_MAX_MENTIONS);
	if (in->to && *in->to) {
		struct rcpt_problem rp;
		if ((rc = core_recipients_find(c, a, viewer, in->to, rcpt, &nrcpt, CORE_MAX_MENTIONS + 8, &rp))) {
			if (rc == ERR_NOTFOUND || rc == ERR_CONFLICT)
				*why = POST_UNKNOWN_RECIPIENT;
			return rc; /* a named recipient is not found, or not one */
		}
	}
	/* The author is not their own recipient. */
	size_t k = 0;
	for (size_t i = 0; i < nrcpt; i++)
		if (rcpt[i] != in->author_id && rcpt[i] != viewer)
			rcpt[k++] = rcpt[i];
	nrcpt = k;
	if (pn.visibility == VIS_DIRECT && nrcpt == 0) {
		*why = POST_NO_RECIPIENT;
		return ERR_INVAL;
	}
	/* Who may message whom: people answering within a conversation always may. */
	if (pn.visibility == VIS_DIRECT)
		for (size_t i = 0; i < nrcpt; i++) {
			bool known = false;
			for (size_t j = 0; j < nconv; j++)
				known |= rcpt[i] == in_conv[j];
			if (!known && (rc = dm_allowed(c, a, in->author_id, rcpt[i]))) {
				*why = POST_DM_REFUSED;
				return rc;
			}
		}
	if (c->post_rate && (rc = core_rate(c, "post", viewer, c->post_rate, CORE_POST_WINDOW)))
		return rc;
	if ((rc = check_extras(in->meta, in->poll_options, in->npoll)))
		return rc;
	struct guard_result local, *g = in->guard ? in->guard : &local;
	/* The pictures' privacy checks are a job: a new post waits (bounded) for them. */
	media_wait_looked(c, in->media_ids, in->nmedia);
	struct guard_part parts[POST_PARTS];
	size_t nparts = post_parts(c, a, in->text, in->meta ? in->meta->spoiler_text : NULL, in->poll_options,
	                           in->npoll, in->media_ids, in->nmedia, viewer, parts, POST_PARTS);
	rc = guard_gate(c, a, in->author_id, viewer, pn.visibility, rcpt, nrcpt, parts, nparts, in->confirm, g);
	snprintf(g->audience, sizeof g->audience, "%llu.%d", (unsigned long long)pn.group_id, pn.visibility);
	if (rc)
		return rc;
	pn.publish_at = hold_until(c, a, in->author_id);
	const char *tags[CORE_MAX_TAGS];
	pn.ntags = text_tags(a, in->text, tags, CORE_MAX_TAGS);
	pn.tags = tags;
	pn.recipients = rcpt;
	pn.nrecipients = nrcpt;
	pn.search_text = core_search_words(a, in->text);
	enum media_refusal mwhy;
	if (in->nmedia && (rc = core_media_check(c, viewer, in->author_id, in->media_ids, in->nmedia, &mwhy)))
		return rc;
	/* A vacancy is listed for everyone: nothing narrower, nothing held. */
	if (in->vacancy && (pn.visibility != VIS_PUBLIC || pn.group_id || pn.in_reply_to || pn.pending))
		return ERR_INVAL;
	/* One action, one transaction: all of it is on disk, or none; again
	 * from the start when PostgreSQL aborted it (a deadlock with a writer
	 * of the same rows: tag counts, the author's counters). */
	int tries = 0;
	do {
		if ((rc = store_begin(c->store)))
			return rc;
		rc = store_post_insert(c->store, &pn);
		TESTHOOK_PAUSE("post_create");
		/* In the inboxes of the organisations it speaks to, in the same transaction. */
		if (!rc)
			rc = wc_ingest_post(c, a, &pn, parent);
		if (!rc && in->nmedia)
			rc = core_media_attach(c, pn.id, viewer, in->media_ids, in->nmedia);
		/* The content warning and the poll were read by the guard with the text. */
		const struct post_meta *meta = in->meta;
		if (!rc && meta && (meta->spoiler_text[0] || meta->sensitive || meta->language[0] || meta->app_id))
			rc = store_post_meta_set(c->store, pn.id, meta);
		if (!rc && in->npoll)
			rc = store_poll_insert(c->store, pn.id, in->poll_expires_at, in->poll_multiple, in->poll_options,
			                       in->npoll);
		/* The key is claimed inside the transaction: of two requests with one
		 * key, the second finds it taken and rolls its post back. */
		if (!rc && in->vacancy)
			rc = vacancy_insert(c, pn.id, in->author_id, in->vacancy);
		if (!rc && in->idem_key)
			rc = store_idem_put(c->store, viewer, in->idem_key, pn.id, time_now());
		if (!rc)
			rc = core_fed_mark_local(c, pn.id, pn.in_reply_to, in->local_only);
		if (!rc)
			rc = guard_audit(c, in->author_id, viewer, pn.id, g);
		rc = store_finish(c->store, rc);
	} while (store_again(c->store, rc, &tries));
	if (rc) {
		if (rc == ERR_CONFLICT && in->idem_key && store_idem_get(c->store, viewer, in->idem_key, id) == 0)
			return 0;
		return rc;
	}
	if (c->on_post)
		c->on_post(c, pn.id, false);
	core_fed_post_written(c, pn.id); /* queued only when it may leave (core_fed_reach) */
	/* The post is committed; its readers' home feeds (it is read from the
	 * pending queue until then) and notifications are best effort after it. */
	store_feed_kick(c->store);
	if (parent && parent->author_id != in->author_id)
		core_notify(c, parent->author_id, NOTIF_REPLY, in->author_id, pn.id);
	for (size_t i = 0; i < nrcpt; i++)
		if (!parent || rcpt[i] != parent->author_id)
			core_notify(c, rcpt[i], NOTIF_MENTION, in->author_id, pn.id);
	/* A held post waits for the group's moderators: they hear of it. */
	if (pn.pending)
		core_group_notify_mods(c, a, pn.group_id, NOTIF_GROUP_HELD, in->author_id, pn.id);
	*id = pn.id;
	return 0;
}

int core_post_edit(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *text)
{
	return core_post_edit_checked(c, a, viewer, id, text, false, NULL);
}

int core_post_edit_checked(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *text,
                           bool confirm, struct guard_result *guard)
{
	return core_post_edit_meta(c, a, viewer, id, text, NULL, confirm, guard);
}

int core_post_edit_meta(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *text,
                        const struct post_meta *meta, bool confirm, struct guard_result *guard)
{
	struct post *p;
	int rc = core_post_get(c, a, viewer, id, &p);
	if (rc)
		return rc;
	if (p->reblog_of || !core_post_own(viewer, p))
		return ERR_FORBIDDEN;
	if ((rc = check_text(text)) || (rc = check_extras(meta, NULL, 0)))
		return rc;
	/* An edit is a new text in the group: only a member may write it, and it
	 * waits for a moderator again where a new post would. */
	bool pending = false;
	if (p->group_id && (rc = group_gate(c, a, p->author_id, p->group_id, &pending)))
		return rc == ERR_NOTFOUND ? ERR_FORBIDDEN : rc;
	pending &= p->visibility != VIS_DIRECT;
	const char *tags[CORE_MAX_TAGS];
	size_t ntags = text_tags(a, text, tags, CORE_MAX_TAGS);
	/* Recipients stay as they were.  Someone newly named in a public post
	 * is told about it; in a followers-only or private post they would
	 * become a reader of it and its earlier versions, and an edit never
	 * widens who reads a post. */
	uint64_t *old, rcpt[CORE_MAX_MENTIONS + 8];
	size_t nold = 0, nrcpt = 0;
	/* Not knowing the old recipients would drop them: no edit then. */
	if ((rc = store_post_recipients(c->store, a, id, &old, &nold)))
		return rc;
	for (size_t i = 0; i < nold && nrcpt < CORE_MAX_MENTIONS; i++)
		rcpt[nrcpt++] = old[i];
	const char *names[CORE_MAX_MENTIONS];
	size_t nnames = text_mentions(a, text, names, CORE_MAX_MENTIONS);
	size_t before = nrcpt;
	if (p->visibility == VIS_PUBLIC)
		nrcpt = resolve(c, a, names, nnames, rcpt, nrcpt, CORE_MAX_MENTIONS + 8);
	/* The post as it will read after the edit: new text, the content
	 * warning it will have, its poll and its media's descriptions. */
	struct post_meta old_meta;
	const char *spoiler = meta ? meta->spoiler_text
	                           : store_post_meta_get(c->store, a, id, &old_meta) == 0 ? old_meta.spoiler_text : NULL;
	const char *const *opts = NULL;
	size_t nopts = 0;
	struct poll *poll;
	if (store_poll_get(c->store, a, id, viewer, &poll) == 0) {
		opts = poll->titles;
		nopts = poll->nopts < STORE_POLL_MAX ? poll->nopts : STORE_POLL_MAX;
	}
	struct media **mv;
	size_t nm = 0;
	uint64_t mids[CORE_MEDIA_MAX_PER_POST];
	if (store_post_media(c->store, a, id, &mv, &nm))
		nm = 0;
	if (nm > CORE_MEDIA_MAX_PER_POST)
		nm = CORE_MEDIA_MAX_PER_POST;
	for (size_t i = 0; i < nm; i++)
		mids[i] = mv[i]->id;
	struct guard_part parts[POST_PARTS];
	size_t nparts = post_parts(c, a, text, spoiler, opts, nopts, mids, nm, 0, parts, POST_PARTS);
	struct guard_result local, *g = guard ? guard : &local;
	if ((rc = guard_gate(c, a, p->author_id, viewer, p->visibility, rcpt, nrcpt, parts, nparts, confirm, g)))
		return rc;
	/* One transaction: held again (where pre-moderation applies), the new
	 * text, its content warning and the guard's audit, or none of them. */
	if ((rc = store_begin(c->store)))
		return rc;
	if (pending && !p->pending)
		rc = store_post_set_pending(c->store, id, true);
	if (!rc)
		rc = store_post_update(c->store, id, text, core_search_words(a, text), tags, ntags, rcpt, nrcpt,
		                       time_now());
	if (!rc)
		rc = wc_post_edited(c, id, text);
	if (!rc && meta)
		rc = store_post_meta_set(c->store, id, meta);
	if (!rc)
		rc = guard_audit(c, p->author_id, viewer, id, g);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	core_fed_post_edited(c, id); /* an Update, when it may leave */
	if (c->on_post)
		c->on_post(c, id, true);
	for (size_t i = before; i < nrcpt; i++)
			if (rcpt[i] != p->author_id)
				core_notify(c, rcpt[i], NOTIF_MENTION, p->author_id, id);
	return rc;
}

int core_post_delete(struct core *c, uint64_t viewer, uint64_t id)
{
	struct arena a;
	arena_init(&a);
	struct post *p;
	uint64_t log_group = 0;
	bool as_mod = false;
	/* A moderator's removal and its log entry: both or neither. */
	int rc = store_begin(c->store);
	if (!rc)
		rc = core_post_get(c, &a, viewer, id, &p);
	if (!rc && !core_post_own(viewer, p)) {
		/* Moderators (of the group, or of the instance) may remove what harms,
		 * by the hierarchy: not the post of someone above them. */
		rc = core_mod_may_remove(c, &a, viewer, p, &log_group);
		as_mod = true;
	}
	if (!rc && p->reblog_of)
		rc = ERR_INVAL;
	if (!rc)
		rc = store_post_delete(c->store, id);
	if (!rc)
		rc = wc_post_gone(c, id);
	if (!rc && as_mod)
		rc = store_mod_log_add(c->store, viewer, log_group, "remove", p->author_id, id, NULL);
	/* The author hears that a moderator removed it. */
	if (!rc && as_mod)
		rc = store_notif_insert_in(c->store, p->author_id, NOTIF_POST_REMOVED, viewer, 0, p->group_id, NULL);
	rc = store_finish(c->store, rc);
	/* The post is gone either way; media left behind are logged. */
	if (!rc && core_media_release_post(c, id))
		log_warn("cannot release the media of post %llu", (unsigned long long)id);
	if (!rc && c->on_delete)
		c->on_delete(id); /* from the web pages too, not only the API */
	if (!rc)
		core_fed_post_deleted(c, id); /* taken back from other servers when it went out */
	arena_release(&a);
	return rc;
}

int core_post_history(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct post_edit **out,
                      size_t *n)
{
	struct post *p;
	int rc = core_post_get(c, a, viewer, id, &p);
	if (rc)
		return rc;
	return store_post_edits(c->store, a, id, out, n);
}

int core_thread(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct post ***out, size_t *n,
                size_t *focus)
{
	struct post *p;
	int rc = core_post_get(c, a, viewer, id, &p);
	if (rc)
		return rc;
	if (p->reblog_of)
		return core_thread(c, a, viewer, p->reblog_of, out, n, focus);
	struct post **all;
	size_t nall;
	if ((rc = store_thread(c->store, a, viewer, p->root_id, 500, &all, &nall)))
		return rc;
	size_t k = 0;
	*focus = 0;
	for (size_t i = 0; i < nall; i++) {
		if (!prepare(c, a, viewer, all[i]))
			continue;
		if (all[i]->id == id)
			*focus = k;
		all[k++] = all[i];
	}
	replies_held(c, all, k);
	*out = all;
	*n = k;
	reach_note(c, viewer, all, k);
	return 0;
}

int core_fav(struct core *c, uint64_t viewer, uint64_t id, bool on)
{
	struct arena a;
	arena_init(&a);
	struct post *p;
	bool changed = false;
	int rc = core_post_get(c, &a, viewer, id, &p);
	if (!rc && p->reblog_of)
		rc = ERR_INVAL;
	if (!rc)
		rc = store_fav_set(c->store, viewer, id, on, &changed);
	if (!rc && on && changed)
		core_notify(c, p->author_id, NOTIF_FAVOURITE, viewer, id);
	if (!rc && changed)
		core_fed_post_faved(c, viewer, id, on); /* a Like to a remote author */
	arena_release(&a);
	return rc;
}

int core_boost(struct core *c, uint64_t viewer, uint64_t id, bool on)
{
	struct arena a;
	arena_init(&a);
	struct post *p;
	bool changed = false;
	int rc = core_post_get(c, &a, viewer, id, &p);
	/* Only public posts can be shared further; group posts stay in their group. */
	if (!rc && (p->reblog_of || p->visibility != VIS_PUBLIC || p->group_id))
		rc = ERR_FORBIDDEN;
	if (!rc)
		rc = store_boost_set(c->store, viewer, id, on, id_new(), time_now(), &changed);
	if (!rc && on && changed) {
		store_feed_kick(c->store);
		uint64_t b = store_boost_of(c->store, viewer, id);
		if (b && c->on_post)
			c->on_post(c, b, false);
		core_notify(c, p->author_id, NOTIF_BOOST, viewer, id);
	}
	if (!rc && changed)
		core_fed_post_boosted(c, viewer, id, on); /* an Announce, when the post may leave */
	arena_release(&a);
	return rc;
}

