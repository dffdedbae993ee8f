/*
 * Groups (kringen): who may read, join, post and moderate; invitation links;
 * the moderation queue; rate limits.  Reports (report.c), conversations
 * (conv.c) and organisations' guidelines (guidelines.c) have files of their own.  The read rule for group content
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
#include "core/federation.h"
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

bool group_instance_mod(struct core *c, uint64_t viewer)
{
	struct arena a;
	arena_init(&a);
	bool ok = core_need_role(c, &a, viewer, ROLE_MODERATOR) == 0;
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

int group_load(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct group **g)
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
	return group_load(c, a, viewer, id, out);
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
	int rc = group_load(c, &a, viewer, in->id, &g);
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
	int rc = group_load(c, a, viewer, group, &g);
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
	int rc = group_load(c, &a, viewer, group, &g);
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
int group_need_mod(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct group **g)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = group_load(c, a, viewer, group, g);
	if (rc)
		return rc;
	if ((*g)->v_role < GROLE_MODERATOR)
		return core_group_readable((*g)->kind, (*g)->v_role, viewer) ? ERR_FORBIDDEN : ERR_NOTFOUND;
	return 0;
}

/* The target's row in the group (role, state), or -1s. */
void group_member_of(struct core *c, struct arena *a, uint64_t group, uint64_t account, int *role, int *state)
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
int group_may_act(struct core *c, struct arena *a, const struct group *g, uint64_t actor, uint64_t account)
{
	int trole, tstate;
	if (account == g->owner_id)
		return ERR_FORBIDDEN;
	group_member_of(c, a, g->id, account, &trole, &tstate);
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
		rc = group_need_mod(c, &a, viewer, group, &g);
	if (!rc) {
		group_member_of(c, &a, group, account, &role, &state);
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
		rc = group_need_mod(c, &a, viewer, group, &g);
	/* Owners appoint moderators. */
	if (!rc && g->v_role != GROLE_OWNER)
		rc = ERR_FORBIDDEN;
	if (!rc && role != GROLE_MEMBER && role != GROLE_MODERATOR)
		rc = ERR_INVAL;
	if (!rc) {
		group_member_of(c, &a, group, account, &trole, &tstate);
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
		rc = group_need_mod(c, &a, viewer, group, &g);
	if (!rc) {
		group_member_of(c, &a, group, account, &trole, &tstate);
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
		rc = group_need_mod(c, &a, viewer, group, &g);
	if (!rc) {
		group_member_of(c, &a, group, account, &role, &state);
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
	int rc = group_need_mod(c, &a, viewer, group, &g), role, state;
	if (!rc) {
		group_member_of(c, &a, group, account, &role, &state);
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
	int rc = group_need_mod(c, a, viewer, group, &g);
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
	int rc = group_load(c, &a, viewer, group, &g);
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
	int rc = group_load(c, a, viewer, group, &g);
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
	int rc = group_need_mod(c, a, viewer, group, &g);
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
	if (!rc && approve)
		core_fed_post_written(c, post); /* an open group's post may leave now (federation.c) */
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
	int rc = group_load(c, a, viewer, group, &g);
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
	reach_note(c, viewer, v, k);
	return 0;
}

