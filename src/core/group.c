/*
 * Groups (kringen): who may read, join, post and moderate; invitation links;
 * the moderation queue; reports and moderators' actions; conversations;
 * organisations' guidelines; rate limits.  The read rule for group content
 * is core_group_readable, used by core_post_visible for every read path.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "store/store_api.h"

bool core_group_readable(int kind, int viewer_role, uint64_t viewer)
{
	if (kind == GROUP_OPEN)
		return viewer != 0;
	return viewer != 0 && viewer_role >= GROLE_MEMBER;
}

int core_rate(struct core *c, const char *what, uint64_t who, int max, int window)
{
	char key[96];
	snprintf(key, sizeof key, "%s:%llu", what, (unsigned long long)who);
	int64_t now = time_now(), n = 0;
	int rc = store_rate_hit(c->store, key, now, now - window, &n);
	if (rc)
		return rc;
	return n > max ? ERR_RATE : 0;
}

static bool is_instance_mod(struct core *c, uint64_t viewer)
{
	struct arena a;
	arena_init(&a);
	struct account *acc;
	bool ok = viewer && store_account_get(c->store, &a, viewer, &acc) == 0 && acc->role >= ROLE_MODERATOR;
	arena_release(&a);
	return ok;
}

int core_group_get(struct core *c, struct arena *a, uint64_t viewer, const char *name, struct group **out)
{
	char lower[64];
	if (!name || strlen(name) >= sizeof lower)
		return ERR_NOTFOUND;
	snprintf(lower, sizeof lower, "%s", name);
	str_lower(lower);
	int rc = store_group_by_name(c->store, a, viewer, lower, out);
	if (rc)
		return rc;
	/* To outsiders a secret group does not exist. */
	if (!core_group_known(*out))
		return ERR_NOTFOUND;
	return 0;
}

static int load(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct group **g)
{
	int rc = store_group_get(c->store, a, viewer, group, g);
	if (rc)
		return rc;
	if (!core_group_known(*g))
		return ERR_NOTFOUND;
	return 0;
}

int core_group_by_id(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct group **out)
{
	return load(c, a, viewer, id, out);
}

static int check_group(const struct group *g)
{
	if (!g->name || !core_username_valid(g->name))
		return ERR_INVAL;
	if (!g->display_name || !*g->display_name || text_check(g->display_name, strlen(g->display_name), CORE_DISPLAY_MAX) ||
	    strpbrk(g->display_name, "\r\n"))
		return ERR_INVAL;
	if (!g->description || text_check(g->description, strlen(g->description), CORE_GROUP_DESC_MAX))
		return ERR_INVAL;
	if (!g->rules || text_check(g->rules, strlen(g->rules), CORE_GROUP_RULES_MAX))
		return ERR_INVAL;
	if (g->kind < GROUP_OPEN || g->kind > GROUP_SECRET || g->premod < PREMOD_NONE || g->premod > PREMOD_ALL)
		return ERR_INVAL;
	return 0;
}

/* A group's texts the guard reads: all of a new group's, the changed ones of an update. */
static size_t group_parts(const struct group *old, const struct group *g, struct guard_part *out)
{
	size_t n = 0;
	if (!old)
		out[n++] = (struct guard_part){.what = "name", .text = g->name};
	if (!old || strcmp(old->display_name, g->display_name))
		out[n++] = (struct guard_part){.what = "display_name", .text = g->display_name};
	if (!old || strcmp(old->description, g->description))
		out[n++] = (struct guard_part){.what = "description", .text = g->description};
	if (!old || strcmp(old->rules, g->rules))
		out[n++] = (struct guard_part){.what = "rules", .text = g->rules};
	return n;
}

int core_group_create(struct core *c, uint64_t viewer, const struct group *in, const struct guard_ask *ask,
                      uint64_t *id)
{
	if (!viewer)
		return ERR_AUTH;
	struct group g = *in;
	char name[CORE_NAME_MAX + 2];
	if (!g.name || strlen(g.name) > CORE_NAME_MAX)
		return ERR_INVAL;
	snprintf(name, sizeof name, "%s", g.name);
	str_lower(name);
	g.name = name;
	int rc = check_group(&g);
	if (rc)
		return rc;
	if ((rc = core_rate(c, "group:create", viewer, CORE_GROUP_CREATES_PER_DAY, 86400)))
		return rc;
	/* Groups and accounts share one namespace (the API looks a name up as
	 * either), and every taken name gets the same ERR_EXISTS: the answer
	 * for a secret group's name is that of any name in use. */
	struct arena a;
	arena_init(&a);
	struct account *acc;
	rc = store_account_by_name(c->store, &a, name, &acc);
	arena_release(&a);
	if (rc != ERR_NOTFOUND)
		return rc ? rc : ERR_EXISTS;
	struct guard_part parts[4];
	if ((rc = guard_ask_gate(c, viewer, viewer, parts, group_parts(NULL, &g, parts), ask)))
		return rc;
	g.id = id_new();
	g.owner_id = viewer;
	g.created_at = time_now();
	if ((rc = store_group_insert(c->store, &g)))
		return rc;
	*id = g.id;
	return 0;
}

int core_group_update(struct core *c, uint64_t viewer, const struct group *in, const struct guard_ask *ask)
{
	struct arena a;
	arena_init(&a);
	struct group *g;
	int rc = load(c, &a, viewer, in->id, &g);
	if (!rc && g->v_role < GROLE_MODERATOR)
		rc = ERR_FORBIDDEN;
	/* Only the owner changes who may see the group. */
	if (!rc && in->kind != g->kind && g->v_role < GROLE_OWNER)
		rc = ERR_FORBIDDEN;
	struct group up = *g;
	up.display_name = in->display_name;
	up.description = in->description;
	up.rules = in->rules;
	up.kind = in->kind;
	up.premod = in->premod;
	if (!rc)
		rc = check_group(&up);
	struct guard_part parts[4];
	if (!rc)
		rc = guard_ask_gate(c, viewer, viewer, parts, group_parts(g, &up, parts), ask);
	if (!rc)
		rc = store_group_update(c->store, &up);
	arena_release(&a);
	return rc;
}

void core_group_notify_mods(struct core *c, struct arena *a, uint64_t group, int kind, uint64_t actor,
                            uint64_t post)
{
	uint64_t *mods;
	size_t n;
	if (store_group_moderators(c->store, a, group, &mods, &n))
		return;
	for (size_t i = 0; i < n; i++)
		if (mods[i] != actor && store_notif_insert_in(c->store, mods[i], kind, actor, post, group, NULL))
			log_warn("cannot store notification for %llu", (unsigned long long)mods[i]);
}

int core_group_join(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, const char *message,
                    int *state)
{
	if (!viewer)
		return ERR_AUTH;
	struct group *g;
	int rc = load(c, a, viewer, group, &g);
	if (rc)
		return rc;
	if (g->v_state == GSTATE_BANNED)
		return ERR_FORBIDDEN;
	if (g->v_state == GSTATE_MEMBER) {
		*state = GSTATE_MEMBER;
		return 0;
	}
	if (message && (text_check(message, strlen(message), 500)))
		return ERR_INVAL;
	if ((rc = core_rate(c, "join", viewer, CORE_JOINS_PER_HOUR, 3600)))
		return rc;
	if (g->kind == GROUP_OPEN || g->v_state == GSTATE_INVITED) {
		*state = GSTATE_MEMBER;
		return store_member_set(c->store, group, viewer, GROLE_MEMBER, GSTATE_MEMBER, NULL);
	}
	if (g->kind == GROUP_SECRET)
		return ERR_NOTFOUND;
	*state = GSTATE_REQUESTED;
	if (g->v_state == GSTATE_REQUESTED)
		return 0;
	rc = store_member_set(c->store, group, viewer, GROLE_MEMBER, GSTATE_REQUESTED, message);
	if (!rc)
		core_group_notify_mods(c, a, group, NOTIF_GROUP_REQUEST, viewer, 0);
	return rc;
}

int core_group_leave(struct core *c, uint64_t viewer, uint64_t group)
{
	struct arena a;
	arena_init(&a);
	struct group *g;
	int rc = load(c, &a, viewer, group, &g);
	/* A banned person stays banned: leaving must not undo that. */
	if (!rc && g->v_state == GSTATE_BANNED)
		rc = ERR_FORBIDDEN;
	/* The owner hands the group over before leaving. */
	if (!rc && g->v_role == GROLE_OWNER)
		rc = ERR_FORBIDDEN;
	if (!rc)
		rc = store_member_delete(c->store, group, viewer);
	arena_release(&a);
	return rc;
}

/* The viewer moderates group; on success *g is loaded. */
static int need_mod(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct group **g)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = load(c, a, viewer, group, g);
	if (rc)
		return rc;
	if ((*g)->v_role < GROLE_MODERATOR)
		return core_group_readable((*g)->kind, (*g)->v_role, viewer) ? ERR_FORBIDDEN : ERR_NOTFOUND;
	return 0;
}

/* The target's row in the group (role, state), or -1s. */
static void member_of(struct core *c, struct arena *a, uint64_t group, uint64_t account, int *role, int *state)
{
	struct group *tg;
	*role = *state = -1;
	if (store_group_get(c->store, a, account, group, &tg) == 0) {
		*state = tg->v_state;
		/* store_group_get hides the role of non-members; read it as member. */
		*role = tg->v_state == GSTATE_MEMBER ? tg->v_role : GROLE_MEMBER;
	}
}

/*
 * The group's hierarchy, the one check for every action on a person in a
 * group (ban, remove, role change, a report's warn, remove or ban):
 * moderators act on members only, the owner also on moderators, nobody on
 * the owner or on themselves.  g is loaded for the actor, who moderates it.
 */
static int group_may_act(struct core *c, struct arena *a, const struct group *g, uint64_t actor, uint64_t account)
{
	int trole, tstate;
	if (account == g->owner_id)
		return ERR_FORBIDDEN;
	member_of(c, a, g->id, account, &trole, &tstate);
	if (tstate == GSTATE_MEMBER && trole == GROLE_OWNER)
		return ERR_FORBIDDEN;
	if (tstate == GSTATE_MEMBER && trole >= GROLE_MODERATOR && g->v_role != GROLE_OWNER)
		return ERR_FORBIDDEN;
	return account == actor ? ERR_INVAL : 0;
}

int core_group_answer(struct core *c, uint64_t viewer, uint64_t group, uint64_t account, bool accept)
{
	struct arena a;
	arena_init(&a);
	struct group *g;
	int role, state, rc = store_begin(c->store);
	if (!rc)
		rc = need_mod(c, &a, viewer, group, &g);
	if (!rc) {
		member_of(c, &a, group, account, &role, &state);
		if (state != GSTATE_REQUESTED)
			rc = ERR_NOTFOUND;
	}
	if (!rc)
		rc = accept ? store_member_set(c->store, group, account, GROLE_MEMBER, GSTATE_MEMBER, NULL)
		            : store_member_delete(c->store, group, account);
	if (!rc && accept)
		rc = store_notif_insert_in(c->store, account, NOTIF_GROUP_ACCEPTED, viewer, 0, group, NULL);
	if (!rc)
		rc = store_mod_log_add(c->store, viewer, group, accept ? "accept" : "reject", account, 0, NULL);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_group_set_role(struct core *c, uint64_t viewer, uint64_t group, uint64_t account, int role)
{
	struct arena a;
	arena_init(&a);
	struct group *g;
	int trole, tstate, rc = store_begin(c->store);
	if (!rc)
		rc = need_mod(c, &a, viewer, group, &g);
	/* Owners appoint moderators. */
	if (!rc && g->v_role != GROLE_OWNER)
		rc = ERR_FORBIDDEN;
	if (!rc && role != GROLE_MEMBER && role != GROLE_MODERATOR)
		rc = ERR_INVAL;
	if (!rc) {
		member_of(c, &a, group, account, &trole, &tstate);
		rc = tstate != GSTATE_MEMBER ? ERR_NOTFOUND : group_may_act(c, &a, g, viewer, account);
	}
	if (!rc)
		rc = store_member_set(c->store, group, account, role, GSTATE_MEMBER, NULL);
	if (!rc)
		rc = store_mod_log_add(c->store, viewer, group,
		                       role == GROLE_MODERATOR ? "make-moderator" : "make-member", account, 0, NULL);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_group_remove(struct core *c, uint64_t viewer, uint64_t group, uint64_t account, bool ban)
{
	struct arena a;
	arena_init(&a);
	struct group *g;
	int trole, tstate, rc = store_begin(c->store);
	if (!rc)
		rc = need_mod(c, &a, viewer, group, &g);
	if (!rc) {
		member_of(c, &a, group, account, &trole, &tstate);
		rc = tstate < 0 && !ban ? ERR_NOTFOUND : group_may_act(c, &a, g, viewer, account);
	}
	if (!rc)
		rc = ban ? store_member_set(c->store, group, account, GROLE_MEMBER, GSTATE_BANNED, NULL)
		         : store_member_delete(c->store, group, account);
	if (!rc)
		rc = store_mod_log_add(c->store, viewer, group, ban ? "ban" : "remove", account, 0, NULL);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_group_unban(struct core *c, uint64_t viewer, uint64_t group, uint64_t account)
{
	struct arena a;
	arena_init(&a);
	struct group *g;
	int role, state, rc = store_begin(c->store);
	if (!rc)
		rc = need_mod(c, &a, viewer, group, &g);
	if (!rc) {
		member_of(c, &a, group, account, &role, &state);
		if (state != GSTATE_BANNED)
			rc = ERR_NOTFOUND;
	}
	if (!rc)
		rc = store_member_delete(c->store, group, account);
	if (!rc)
		rc = store_mod_log_add(c->store, viewer, group, "unban", account, 0, NULL);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_group_invite(struct core *c, uint64_t viewer, uint64_t group, uint64_t account)
{
	struct arena a;
	arena_init(&a);
	struct group *g;
	int rc = need_mod(c, &a, viewer, group, &g), role, state;
	if (!rc) {
		member_of(c, &a, group, account, &role, &state);
		if (state == GSTATE_MEMBER)
			rc = ERR_EXISTS;
		else if (state == GSTATE_BANNED)
			rc = ERR_FORBIDDEN;
	}
	bool blocked;
	if (!rc && !(rc = store_blocks(c->store, account, viewer, &blocked)) && blocked)
		rc = ERR_FORBIDDEN;
	/* Asking to join and being invited meet: the person becomes a member. */
	if (!rc)
		rc = store_member_set(c->store, group, account, GROLE_MEMBER,
		                      state == GSTATE_REQUESTED ? GSTATE_MEMBER : GSTATE_INVITED, NULL);
	/* Best effort after the invitation: it also shows on the groups page. */
	if (!rc && store_notif_insert_in(c->store, account, NOTIF_GROUP_INVITE, viewer, 0, group, NULL))
		log_warn("cannot store notification for %llu", (unsigned long long)account);
	arena_release(&a);
	return rc;
}

int core_group_invite_link(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, int days, int max_uses,
                           char **token)
{
	struct group *g;
	int rc = need_mod(c, a, viewer, group, &g);
	if (rc)
		return rc;
	if (days < 1 || days > CORE_INVITE_DAYS_MAX || max_uses < 1 || max_uses > CORE_INVITE_USES_MAX)
		return ERR_INVAL;
	char *t = core_token_new(a);
	char h[65];
	core_token_hash(t, h);
	if ((rc = store_group_invite_insert(c->store, h, group, viewer, time_now() + (int64_t)days * 86400, max_uses)))
		return rc;
	*token = t;
	return 0;
}

int core_group_invite_check(struct core *c, struct arena *a, const char *token, struct group **out)
{
	if (!core_token_valid(token))
		return ERR_NOTFOUND;
	char h[65];
	core_token_hash(token, h);
	uint64_t group;
	int rc = store_group_invite_check(c->store, h, time_now(), &group);
	if (!rc)
		rc = store_group_get(c->store, a, 0, group, out);
	return rc;
}

int core_group_invite_use(struct core *c, uint64_t viewer, const char *token, uint64_t *group)
{
	if (!viewer)
		return ERR_AUTH;
	if (!core_token_valid(token))
		return ERR_NOTFOUND;
	struct arena a;
	arena_init(&a);
	char h[65];
	core_token_hash(token, h);
	uint64_t gid;
	int rc = store_group_invite_check(c->store, h, time_now(), &gid);
	struct group *g = NULL;
	if (!rc)
		rc = store_group_get(c->store, &a, viewer, gid, &g);
	if (!rc && g->v_state == GSTATE_BANNED)
		rc = ERR_FORBIDDEN;
	/* A member following the link again does not use it up. */
	if (!rc && g->v_state != GSTATE_MEMBER) {
		rc = store_group_invite_use(c->store, h, time_now(), &gid);
		if (!rc)
			rc = store_member_set(c->store, gid, viewer, GROLE_MEMBER, GSTATE_MEMBER, NULL);
	}
	if (!rc)
		*group = gid;
	arena_release(&a);
	return rc;
}

int core_group_mute(struct core *c, uint64_t viewer, uint64_t group, bool on)
{
	struct arena a;
	arena_init(&a);
	struct group *g;
	int rc = load(c, &a, viewer, group, &g);
	if (!rc && g->v_state != GSTATE_MEMBER)
		rc = ERR_FORBIDDEN;
	if (!rc)
		rc = store_member_mute(c->store, group, viewer, on);
	arena_release(&a);
	return rc;
}

int core_group_members(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, int state,
                       struct group_member **out, size_t *n)
{
	struct group *g;
	int rc = load(c, a, viewer, group, &g);
	if (rc)
		return rc;
	/* Who is in a closed or secret group is for its members to know. */
	if (g->kind != GROUP_OPEN && g->v_state != GSTATE_MEMBER)
		return g->kind == GROUP_SECRET ? ERR_NOTFOUND : ERR_FORBIDDEN;
	if (g->kind == GROUP_OPEN && !viewer)
		return ERR_AUTH;
	/* Requests, invitations and bans are for moderators. */
	if (state != GSTATE_MEMBER && g->v_role < GROLE_MODERATOR)
		return ERR_FORBIDDEN;
	return store_member_list(c->store, a, group, state, out, n);
}

int core_group_pending(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct post ***out,
                       size_t *n)
{
	struct group *g;
	int rc = need_mod(c, a, viewer, group, &g);
	if (rc)
		return rc;
	struct post **v;
	size_t k = 0, nv;
	if ((rc = store_group_pending(c->store, a, viewer, group, &v, &nv)))
		return rc;
	for (size_t i = 0; i < nv; i++)
		if (core_post_get(c, a, viewer, v[i]->id, &v[k]) == 0)
			k++;
	*out = v;
	*n = k;
	return 0;
}

/* A group post and the viewer's moderation right over it. */
static int mod_post(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, struct post **p)
{
	int rc = core_post_get(c, a, viewer, post, p);
	if (rc)
		return rc;
	if (!(*p)->group_id)
		return ERR_INVAL;
	return (*p)->v_group_role >= GROLE_MODERATOR ? 0 : ERR_FORBIDDEN;
}

int core_group_approve(struct core *c, uint64_t viewer, uint64_t post, bool approve)
{
	struct arena a;
	arena_init(&a);
	struct post *p;
	int rc = store_begin(c->store);
	if (!rc)
		rc = mod_post(c, &a, viewer, post, &p);
	if (!rc && !p->pending)
		rc = ERR_CONFLICT;
	if (!rc)
		rc = approve ? store_post_set_pending(c->store, post, false) : store_post_delete(c->store, post);
	if (!rc && approve && p->author_id != viewer)
		rc = store_notif_insert_in(c->store, p->author_id, NOTIF_POST_APPROVED, viewer, post, p->group_id, NULL);
	/* The post names what was approved or turned down (a request to join has none). */
	if (!rc)
		rc = store_mod_log_add(c->store, viewer, p->group_id, approve ? "approve" : "reject", p->author_id,
		                       post, NULL);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_group_pin(struct core *c, uint64_t viewer, uint64_t post, bool on)
{
	struct arena a;
	arena_init(&a);
	struct post *p;
	int rc = store_begin(c->store);
	if (!rc)
		rc = mod_post(c, &a, viewer, post, &p);
	if (!rc && (p->pending || p->in_reply_to))
		rc = ERR_INVAL;
	if (!rc)
		rc = store_post_set_pinned(c->store, post, on);
	if (!rc)
		rc = store_mod_log_add(c->store, viewer, p->group_id, on ? "pin" : "unpin", p->author_id, post, NULL);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_group_timeline(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, const struct page *pg,
                        struct post ***out, size_t *n, uint64_t *older)
{
	struct group *g;
	int rc = load(c, a, viewer, group, &g);
	if (rc)
		return rc;
	if (!core_group_readable(g->kind, g->v_role, viewer))
		return viewer ? ERR_FORBIDDEN : ERR_AUTH;
	struct page p = *pg;
	int limit = p.limit > 0 && p.limit <= CORE_PAGE_MAX ? p.limit : CORE_PAGE_DEFAULT;
	p.limit = limit + 1;
	struct post **v;
	size_t nv;
	if ((rc = store_tl_group(c->store, a, viewer, group, &p, &v, &nv)))
		return rc;
	/* The rows for the viewer, then the people, a page at a time. */
	uint64_t *ids = arena_alloc(a, (nv + 1) * sizeof *ids);
	struct post **full = arena_alloc(a, (nv + 1) * sizeof *full);
	for (size_t i = 0; i < nv; i++)
		ids[i] = v[i]->id;
	if ((rc = core_posts_by_id(c, a, viewer, ids, nv, full)))
		return rc;
	size_t k = 0;
	*older = 0;
	for (size_t i = 0; i < nv && k < (size_t)limit; i++) {
		*older = v[i]->id;
		/* Muting someone hides them in groups too. */
		if (full[i] && !full[i]->v_muted)
			v[k++] = full[i];
	}
	if (nv <= (size_t)limit)
		*older = 0;
	*out = v;
	*n = k;
	return 0;
}

/* ---- reports and moderation ---- */

int core_report(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, uint64_t post, const char *reason,
                bool escalate, uint64_t *id)
{
	if (!viewer)
		return ERR_AUTH;
	if (!reason || !*reason || text_check(reason, strlen(reason), 1000))
		return ERR_INVAL;
	struct mod_report r = {.id = id_new(), .reporter_id = viewer, .reason = reason, .created_at = time_now()};
	int rc;
	if (post) {
		struct post *p;
		/* Only what you can see can be reported; the text is kept as it was, so
		 * moderators see it even when they may not read the group. */
		if ((rc = core_post_get(c, a, viewer, post, &p)))
			return rc;
		r.post_id = post;
		r.account_id = p->author_id;
		r.group_id = escalate ? 0 : p->group_id;
		r.snapshot = p->text;
	} else {
		r.account_id = account;
	}
	struct account *target;
	struct group *g = NULL;
	if ((rc = store_account_get(c->store, a, r.account_id, &target)))
		return rc;
	if (r.account_id == viewer)
		return ERR_INVAL;
	/* Nobody in a group acts on its owner: a report about the owner goes to
	 * the instance, as an escalated one does. */
	if (r.group_id && !(rc = store_group_get(c->store, a, 0, r.group_id, &g)) && g->owner_id == r.account_id)
		r.group_id = 0;
	if (rc)
		return rc;
	if ((rc = core_rate(c, "report", viewer, CORE_REPORTS_PER_HOUR, 3600)))
		return rc;
	if ((rc = store_modreport_insert(c->store, &r)))
		return rc;
	/* Told are those who may handle it (core_reports): never the reported
	 * person, who would learn who reported them. */
	int trole, tstate;
	if (r.group_id) {
		member_of(c, a, r.group_id, r.account_id, &trole, &tstate);
		if (tstate == GSTATE_MEMBER && trole >= GROLE_MODERATOR) {
			/* About a moderator: for the owner. */
			if (g->owner_id != viewer &&
			    store_notif_insert_in(c->store, g->owner_id, NOTIF_REPORT, viewer, 0, r.group_id, NULL))
				log_warn("cannot store notification for %llu", (unsigned long long)g->owner_id);
		} else {
			core_group_notify_mods(c, a, r.group_id, NOTIF_REPORT, viewer, 0);
		}
	} else {
		struct account **v;
		size_t n;
		const char *after = "";
		int need = target->role >= ROLE_MODERATOR ? ROLE_ADMIN : ROLE_MODERATOR;
		/* Instance moderators and administrators; about a moderator or an
		 * administrator, administrators only. */
		if (!store_account_list(c->store, a, after, 500, &v, &n))
			for (size_t i = 0; i < n; i++)
				if (v[i]->role >= need && !v[i]->suspended && v[i]->id != viewer &&
				    v[i]->id != r.account_id && store_notif_insert(c->store, v[i]->id, NOTIF_REPORT, viewer, 0))
					log_warn("cannot store notification for %llu", (unsigned long long)v[i]->id);
	}
	*id = r.id;
	return 0;
}

/* The viewer handles group's reports (0: the instance's); *g is the group
 * loaded for the viewer, NULL for the instance. */
static int may_handle(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct group **g)
{
	*g = NULL;
	if (!viewer)
		return ERR_AUTH;
	if (!group)
		return is_instance_mod(c, viewer) ? 0 : ERR_FORBIDDEN;
	return need_mod(c, a, viewer, group, g);
}

/* May viewer, who handles the report's level (g: its group loaded for the
 * viewer), act on it at all?  The hierarchy on the reported person. */
static int report_may_act(struct core *c, struct arena *a, uint64_t viewer, const struct mod_report *r,
                          const struct group *g)
{
	if (r->group_id)
		return group_may_act(c, a, g, viewer, r->account_id);
	struct account *t;
	int rc = store_account_get(c->store, a, r->account_id, &t);
	return rc ? rc : core_instance_may_act(c, a, viewer, t, ROLE_MODERATOR);
}

int core_reports(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct mod_report **out, size_t *n)
{
	struct group *g;
	int rc = may_handle(c, a, viewer, group, &g);
	if (!rc)
		rc = store_modreport_list(c->store, a, group, 0, out, n);
	if (rc)
		return rc;
	/* Each sees the reports they may handle: not those about themselves
	 * (nor who made them), nor about someone above them. */
	size_t k = 0;
	for (size_t i = 0; i < *n; i++)
		if (!report_may_act(c, a, viewer, &(*out)[i], g))
			(*out)[k++] = (*out)[i];
	*n = k;
	return 0;
}

int core_mod_groups(struct core *c, struct arena *a, uint64_t viewer, struct mod_group **out, size_t *n)
{
	*n = 0;
	if (!viewer)
		return ERR_AUTH;
	struct group **v;
	size_t nv;
	int rc = store_group_mine(c->store, a, viewer, &v, &nv);
	if (rc)
		return rc;
	struct mod_group *m = arena_alloc(a, (nv + 1) * sizeof *m);
	size_t k = 0;
	for (size_t i = 0; i < nv; i++) {
		struct mod_report *reps;
		struct post **posts;
		size_t nr = 0, np = 0;
		if (v[i]->v_role < GROLE_MODERATOR)
			continue;
		if ((rc = core_reports(c, a, viewer, v[i]->id, &reps, &nr)) ||
		    (rc = core_group_pending(c, a, viewer, v[i]->id, &posts, &np)))
			return rc;
		m[k++] = (struct mod_group){.group = v[i], .reports = nr, .pending = np};
	}
	*out = m;
	*n = k;
	return 0;
}

/*
 * The instance's hierarchy, the one check for every action on an account
 * (suspend, lift a suspension, a report's warn or remove): moderators act on
 * members only, administrators on everyone, nobody on themselves.  The actor
 * needs at least min_role; actor 0 is the operator on the command line, above
 * every role.  Called inside the action's transaction.
 */
int core_instance_may_act(struct core *c, struct arena *a, uint64_t actor, const struct account *target,
                          int min_role)
{
	if (!actor)
		return 0;
	if (actor == target->id)
		return ERR_FORBIDDEN;
	struct account *v;
	int rc = store_account_get(c->store, a, actor, &v);
	if (rc)
		return rc == ERR_NOTFOUND ? ERR_FORBIDDEN : rc;
	if (v->suspended || v->role < min_role || v->role < ROLE_MODERATOR)
		return ERR_FORBIDDEN;
	if (target->role >= ROLE_MODERATOR && v->role < ROLE_ADMIN)
		return ERR_FORBIDDEN;
	return 0;
}

int core_mod_may_remove(struct core *c, struct arena *a, uint64_t viewer, const struct post *p, uint64_t *group)
{
	int rc;
	if (p->group_id && p->v_group_role >= GROLE_MODERATOR) {
		struct group *g;
		if (!(rc = load(c, a, viewer, p->group_id, &g)) &&
		    !(rc = group_may_act(c, a, g, viewer, p->author_id))) {
			*group = p->group_id;
			return 0;
		}
	}
	/* Not as the group's moderator: as the instance's, or not at all. */
	struct account *t;
	*group = 0;
	if ((rc = store_account_get(c->store, a, p->author_id, &t)))
		return rc;
	return core_instance_may_act(c, a, viewer, t, ROLE_MODERATOR);
}

/* Suspend or lift, inside the caller's transaction: ERR_CONFLICT when the
 * account already is so.  Lifting is for administrators; the last
 * administrator who is not suspended stays, whoever asks. */
static int set_suspended(struct core *c, struct arena *a, uint64_t actor, uint64_t account, bool on)
{
	struct account *t;
	int64_t admins = 0;
	int rc = store_account_get(c->store, a, account, &t);
	if (!rc)
		rc = core_instance_may_act(c, a, actor, t, on ? ROLE_MODERATOR : ROLE_ADMIN);
	if (!rc && t->suspended == on)
		rc = ERR_CONFLICT;
	if (!rc && on && t->role == ROLE_ADMIN && !(rc = store_account_count_admins_active(c->store, &admins)) &&
	    admins <= 1)
		rc = ERR_FORBIDDEN;
	if (!rc)
		rc = store_account_set_suspended(c->store, account, on);
	/* Suspended means logged out everywhere (tokens stop at their next use). */
	if (!rc && on)
		rc = store_session_delete_account(c->store, account, NULL);
	return rc;
}

int core_account_suspend(struct core *c, uint64_t actor, uint64_t account, bool on, const char *note)
{
	if (note && text_check(note, strlen(note), 1000))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	/* The action and its log entry: both or neither. */
	int rc = store_begin(c->store);
	if (!rc)
		rc = set_suspended(c, &a, actor, account, on);
	if (!rc)
		rc = store_mod_log_add(c->store, actor, 0, on ? "suspend" : "unsuspend", account, 0, note);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_report_act(struct core *c, uint64_t viewer, uint64_t report, const char *action, const char *note)
{
	static const char *const actions[] = {"remove", "warn", "suspend", "ban", "dismiss"};
	size_t k = 0;
	while (k < sizeof actions / sizeof actions[0] && strcmp(action, actions[k]))
		k++;
	if (k == sizeof actions / sizeof actions[0])
		return ERR_INVAL;
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	struct mod_report *r = NULL;
	struct group *g = NULL;
	bool removed = false;
	/* Read, check, act, close and log in one transaction: an action without
	 * its log entry, or two moderators acting on one report, cannot happen. */
	int rc = store_begin(c->store);
	if (!rc)
		rc = store_modreport_get(c->store, &a, report, &r);
	if (!rc)
		rc = may_handle(c, &a, viewer, r->group_id, &g);
	if (!rc && r->state != 0)
		rc = ERR_CONFLICT;
	/* Every action, dismissing included, is one on the reported person:
	 * nobody closes a report about themselves or someone above them. */
	if (!rc)
		rc = report_may_act(c, &a, viewer, r, g);
	if (rc)
		goto out;
	/* From here on the report is read, open and ours to act on. */
	assert(r && r->state == 0);
	if (!strcmp(action, "remove")) {
		struct post *p;
		int e = r->post_id ? store_post_get(c->store, &a, 0, r->post_id, &p) : ERR_INVAL;
		/* A post already gone closes the report all the same. */
		if (!e)
			removed = !(rc = store_post_delete(c->store, r->post_id));
		/* The author hears that a moderator removed it, and why. */
		if (removed)
			rc = store_notif_insert_in(c->store, r->account_id, NOTIF_POST_REMOVED, viewer, 0, r->group_id,
			                           note);
		else if (e != ERR_NOTFOUND)
			rc = e;
	} else if (!strcmp(action, "warn")) {
		rc = store_notif_insert_in(c->store, r->account_id, NOTIF_WARNING, viewer, 0, r->group_id, note);
	} else if (!strcmp(action, "suspend")) {
		/* Suspending an account is the instance's decision, not a group's. */
		rc = r->group_id ? ERR_FORBIDDEN : set_suspended(c, &a, viewer, r->account_id, true);
		if (rc == ERR_CONFLICT)
			rc = 0; /* already suspended: the report is closed */
	} else if (!strcmp(action, "ban")) {
		rc = r->group_id ? store_member_set(c->store, r->group_id, r->account_id, GROLE_MEMBER, GSTATE_BANNED, NULL)
		                 : ERR_INVAL;
	}
	if (!rc)
		rc = store_modreport_close(c->store, report);
	if (!rc)
		rc = store_mod_log_add(c->store, viewer, r->group_id, action, r->account_id, r->post_id, note);
out:
	rc = store_finish(c->store, rc);
	/* Streams hear of the removal once it is committed. */
	if (!rc && removed && c->on_delete)
		c->on_delete(r->post_id);
	arena_release(&a);
	return rc;
}

int core_mod_log(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct mod_entry **out, size_t *n)
{
	struct group *g;
	int rc = may_handle(c, a, viewer, group, &g);
	return rc ? rc : store_mod_log_list(c->store, a, group, 100, out, n);
}

int core_org_audit(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct post ***out, size_t *n)
{
	struct account *v, *o;
	int rc = store_account_get(c->store, a, viewer, &v);
	if (rc)
		return rc;
	if (v->role != ROLE_ADMIN)
		return ERR_FORBIDDEN;
	if ((rc = store_account_get(c->store, a, org, &o)))
		return rc;
	if (o->kind != ACCOUNT_ORG)
		return ERR_NOTFOUND;
	return store_org_audit(c->store, a, org, 200, out, n);
}

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

int core_conv_unread(struct core *c, uint64_t viewer, int64_t *count)
{
	*count = 0;
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	struct conversation *v;
	size_t n = 0;
	struct page pg = {.limit = CORE_UNREAD_MAX};
	int rc = store_conversations(c->store, &a, viewer, 0, &pg, &v, &n);
	for (size_t i = 0; !rc && i < n; i++)
		*count += v[i].unread;
	arena_release(&a);
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

int core_collections_choose(struct core *c, const struct account *me, bool hide)
{
	if (!me)
		return ERR_AUTH;
	if (hide == core_collections_hidden(me))
		return 0;
	return store_account_set_collections(c->store, me->id, hide ? COLL_HIDDEN : COLL_SHOWN);
}

/* ---- guidelines ---- */

int core_guidelines_get(struct core *c, struct arena *a, uint64_t org, const char **text)
{
	return store_guidelines_get(c->store, a, org, text);
}

int core_guidelines_set(struct core *c, uint64_t org, const char *text)
{
	if (!text || text_check(text, strlen(text), 10000))
		return ERR_INVAL;
	return store_guidelines_set(c->store, org, text);
}

int core_guidelines_accept(struct core *c, uint64_t viewer, uint64_t org)
{
	if (!viewer)
		return ERR_AUTH;
	if (!core_may_post_as(c, viewer, org) || viewer == org)
		return ERR_FORBIDDEN;
	return store_guidelines_accept(c->store, org, viewer);
}

/* ---- reports for the admin API (api/admin.c) ---- */

int core_reports_state(struct core *c, struct arena *a, uint64_t viewer, bool resolved, struct mod_report **out,
                       size_t *n)
{
	*n = 0;
	struct group *g;
	int rc = may_handle(c, a, viewer, 0, &g);
	if (!rc)
		rc = store_modreport_list(c->store, a, 0, resolved ? 1 : 0, out, n);
	if (rc)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < *n; i++)
		if (!report_may_act(c, a, viewer, &(*out)[i], g))
			(*out)[k++] = (*out)[i];
	*n = k;
	return 0;
}

int core_report_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct mod_report **out)
{
	struct group *g;
	int rc = store_modreport_get(c->store, a, id, out);
	/* The instance's reports only, and only those the viewer may act on:
	 * any other is not there for them (404, no leak of its existence). */
	if (!rc && (*out)->group_id)
		rc = ERR_NOTFOUND;
	if (!rc && (rc = may_handle(c, a, viewer, 0, &g)) == ERR_FORBIDDEN)
		rc = ERR_NOTFOUND;
	if (!rc && report_may_act(c, a, viewer, *out, g))
		rc = ERR_NOTFOUND;
	return rc;
}

static void assigned_key(char *key, size_t cap, uint64_t report)
{
	snprintf(key, cap, "report.%llu.assigned", (unsigned long long)report);
}

uint64_t core_report_assigned(struct core *c, struct arena *a, uint64_t report)
{
	char key[64];
	assigned_key(key, sizeof key, report);
	uint64_t id = 0;
	return parse_u64(store_meta_get(c->store, a, key, "0"), &id) ? id : 0;
}

int core_report_assign(struct core *c, uint64_t viewer, uint64_t report, bool to_self)
{
	struct arena a;
	arena_init(&a);
	struct mod_report *r;
	char key[64], val[32];
	assigned_key(key, sizeof key, report);
	snprintf(val, sizeof val, "%llu", (unsigned long long)(to_self ? viewer : 0));
	int rc = store_begin(c->store);
	if (!rc)
		rc = core_report_get(c, &a, viewer, report, &r);
	if (!rc)
		rc = store_meta_set(c->store, key, val);
	if (!rc)
		rc = store_mod_log_add(c->store, viewer, 0, to_self ? "assign" : "unassign", r->account_id, r->post_id, NULL);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_report_reopen(struct core *c, uint64_t viewer, uint64_t report)
{
	struct arena a;
	arena_init(&a);
	struct mod_report *r;
	int rc = store_begin(c->store);
	if (!rc)
		rc = core_report_get(c, &a, viewer, report, &r);
	if (!rc && r->state == 0)
		rc = ERR_CONFLICT;
	if (!rc)
		rc = store_modreport_reopen(c->store, report);
	if (!rc)
		rc = store_mod_log_add(c->store, viewer, 0, "reopen", r->account_id, r->post_id, NULL);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}
