/* My plan (issue 19): see core/plan.h and docs/plan.md. */
#include "core/plan.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "store/store_media.h"
#include "store/store_plan.h"

static const char *const area_keys[PLAN_NAREAS] = {"leren", "werk", "eten", "verzorging",
                                                   "wonen", "contact", "vrije_tijd"};

const char *const core_plan_pictos[] = {"leren", "werk", "eten", "verzorging", "wonen", "contact", "vrije_tijd",
                                        "ster", "hart", "fiets", "muziek", NULL};

const char *core_plan_area_key(int area)
{
	return area >= 0 && area < PLAN_NAREAS ? area_keys[area] : "";
}

int core_plan_area_of(const char *key)
{
	for (int i = 0; key && i < PLAN_NAREAS; i++)
		if (!strcmp(key, area_keys[i]))
			return i;
	return -1;
}

bool core_plan_picto_ok(const char *key)
{
	for (int i = 0; key && core_plan_pictos[i]; i++)
		if (!strcmp(key, core_plan_pictos[i]))
			return true;
	return false;
}

static bool text_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n && n <= 4 * CORE_PLAN_TEXT_MAX && utf8_valid(s, n) && !text_has_controls(s, n) &&
	       utf8_len(s, n) <= CORE_PLAN_TEXT_MAX;
}

/* What viewer may do with owner's plan: 0 nothing, else the share kind,
 * or -1 for the owner.  Administrators and staff have no part in it. */
static int access_of(struct core *c, uint64_t viewer, uint64_t owner, int *kind)
{
	*kind = PLAN_SHARE_NONE;
	if (!viewer)
		return ERR_NOTFOUND;
	if (viewer == owner) {
		*kind = -1;
		return 0;
	}
	int rc = store_plan_share_get(c->store, owner, viewer, kind);
	if (!rc && *kind == PLAN_SHARE_NONE)
		rc = ERR_NOTFOUND;
	return rc;
}

int core_plan_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t owner, struct plan_view *out)
{
	memset(out, 0, sizeof *out);
	int kind;
	int rc = access_of(c, viewer, owner, &kind);
	if (rc)
		return rc;
	if ((rc = store_account_get(c->store, a, owner, &out->owner)))
		return rc;
	out->mine = kind == -1;
	out->share = out->mine ? PLAN_SHARE_NONE : kind;
	/* Suggestions open: the owner answers them, care workers see theirs. */
	int max_state = out->mine || kind == PLAN_SHARE_CARE ? PLAN_SUGGESTED : PLAN_ACTIVE;
	if ((rc = store_plan_goals(c->store, a, owner, max_state, &out->goals, &out->ngoals)))
		return rc;
	for (size_t i = 0; i < out->ngoals; i++) {
		struct plan_goal *g = &out->goals[i];
		uint64_t photo = 0;
		if ((rc = store_plan_photo_get(c->store, g->id, &photo)))
			return rc;
		if (photo && (rc = store_media_get(c->store, a, photo, &g->photo)) && rc != ERR_NOTFOUND)
			return rc;
		for (size_t k = 0; k < g->nsteps; k++)
			if (g->steps[k].state == PLAN_ACTIVE) {
				g->total++;
				g->stars += g->steps[k].done_at != 0;
			}
	}
	if (out->mine) {
		uint64_t ids[STORE_PLAN_SHARES_MAX];
		int kinds[STORE_PLAN_SHARES_MAX];
		size_t n;
		if ((rc = store_plan_shares(c->store, owner, ids, kinds, STORE_PLAN_SHARES_MAX, &n)))
			return rc;
		out->shares = arena_alloc(a, (n ? n : 1) * sizeof *out->shares);
		for (size_t i = 0; i < n; i++) {
			if ((rc = store_account_get(c->store, a, ids[i], &out->shares[out->nshares].acc)))
				return rc;
			out->shares[out->nshares++].kind = kinds[i];
		}
	}
	return 0;
}

/* The state a new goal or step of viewer's gets in owner's plan. */
static int new_state(struct core *c, uint64_t viewer, uint64_t owner, int *state)
{
	int kind;
	int rc = access_of(c, viewer, owner, &kind);
	if (rc)
		return rc;
	if (kind == -1)
		*state = PLAN_ACTIVE;
	else if (kind == PLAN_SHARE_CARE)
		*state = PLAN_SUGGESTED;
	else
		return ERR_FORBIDDEN;
	return 0;
}

int core_plan_goal_add(struct core *c, uint64_t viewer, uint64_t owner, int area, const char *picto,
                       const char *text, uint64_t *id)
{
	if (area < 0 || area >= PLAN_NAREAS || !text_ok(text))
		return ERR_INVAL;
	if (!picto || !*picto)
		picto = area_keys[area];
	if (!core_plan_picto_ok(picto))
		return ERR_INVAL;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	struct plan_goal g = {.id = id_new(), .owner_id = owner, .area = area, .picto = picto, .text = text,
	                      .created_at = time_now()};
	rc = new_state(c, viewer, owner, &g.state);
	if (!rc && g.state == PLAN_SUGGESTED)
		g.suggested_by = viewer;
	if (!rc) {
		struct arena a;
		arena_init(&a);
		struct plan_goal *v;
		size_t n;
		rc = store_plan_goals(c->store, &a, owner, PLAN_SUGGESTED, &v, &n);
		if (!rc && n >= STORE_PLAN_GOALS_MAX)
			rc = ERR_TOOBIG;
		arena_release(&a);
	}
	if (!rc)
		rc = store_plan_goal_insert(c->store, &g);
	if (!rc && g.state == PLAN_ACTIVE)
		rc = store_plan_undo_push(c->store, owner, PLAN_UNDO_GOAL, g.id, PLAN_REMOVED, 0, g.created_at);
	rc = store_finish(c->store, rc);
	if (!rc)
		*id = g.id;
	return rc;
}

int core_plan_step_add(struct core *c, uint64_t viewer, uint64_t goal, const char *text, uint64_t *id)
{
	if (!text_ok(text))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (rc) {
		arena_release(&a);
		return rc;
	}
	struct plan_goal g;
	struct plan_step st = {.id = id_new(), .goal_id = goal, .text = text, .created_at = time_now()};
	rc = store_plan_goal_get(c->store, &a, goal, &g);
	if (!rc && g.state > PLAN_SUGGESTED)
		rc = ERR_NOTFOUND;
	if (!rc)
		rc = new_state(c, viewer, g.owner_id, &st.state);
	if (!rc && st.state == PLAN_SUGGESTED)
		st.suggested_by = viewer;
	if (!rc) {
		int64_t nsteps = 0;
		struct plan_goal *v;
		size_t n;
		if (!(rc = store_plan_goals(c->store, &a, g.owner_id, PLAN_SUGGESTED, &v, &n)))
			for (size_t i = 0; i < n; i++)
				if (v[i].id == goal)
					nsteps = (int64_t)v[i].nsteps;
		if (!rc && nsteps >= STORE_PLAN_STEPS_MAX)
			rc = ERR_TOOBIG;
	}
	if (!rc)
		rc = store_plan_step_insert(c->store, &st, g.owner_id);
	if (!rc && st.state == PLAN_ACTIVE)
		rc = store_plan_undo_push(c->store, g.owner_id, PLAN_UNDO_STEP, st.id, PLAN_REMOVED, 0, st.created_at);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	if (!rc)
		*id = st.id;
	return rc;
}

/* The owner's step, read in the open transaction (others: ERR_NOTFOUND,
 * so a sharee learns nothing they could not see). */
static int own_step(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct plan_step *st)
{
	uint64_t owner;
	int rc = store_plan_step_get(c->store, a, id, st, &owner);
	if (!rc && (owner != viewer || !viewer))
		rc = ERR_NOTFOUND;
	return rc;
}

static int own_goal(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct plan_goal *g)
{
	int rc = store_plan_goal_get(c->store, a, id, g);
	if (!rc && (g->owner_id != viewer || !viewer))
		rc = ERR_NOTFOUND;
	return rc;
}

int core_plan_step_done(struct core *c, uint64_t viewer, uint64_t step, bool done, bool *celebrate)
{
	*celebrate = false;
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (rc) {
		arena_release(&a);
		return rc;
	}
	struct plan_step st;
	rc = own_step(c, &a, viewer, step, &st);
	if (!rc && st.state != PLAN_ACTIVE)
		rc = ERR_CONFLICT;
	int64_t now = time_now();
	if (!rc && (st.done_at != 0) != done) {
		rc = store_plan_step_set(c->store, step, PLAN_ACTIVE, done ? now : 0);
		if (!rc)
			rc = store_plan_undo_push(c->store, viewer, PLAN_UNDO_STEP, step, st.state, st.done_at, now);
		if (!rc && done) {
			struct plan_goal *v;
			size_t n;
			if (!(rc = store_plan_goals(c->store, &a, viewer, PLAN_ACTIVE, &v, &n)))
				for (size_t i = 0; i < n; i++) {
					if (v[i].id != st.goal_id)
						continue;
					bool all = v[i].nsteps > 0;
					for (size_t k = 0; k < v[i].nsteps; k++)
						all = all && v[i].steps[k].done_at != 0;
					*celebrate = all;
				}
		}
	}
	rc = store_finish(c->store, rc);
	arena_release(&a);
	if (rc)
		*celebrate = false;
	return rc;
}

int core_plan_goal_remove(struct core *c, uint64_t viewer, uint64_t goal)
{
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (!rc) {
		struct plan_goal g;
		rc = own_goal(c, &a, viewer, goal, &g);
		if (!rc && g.state != PLAN_ACTIVE)
			rc = ERR_CONFLICT;
		if (!rc)
			rc = store_plan_goal_set_state(c->store, goal, PLAN_REMOVED);
		if (!rc)
			rc = store_plan_undo_push(c->store, viewer, PLAN_UNDO_GOAL, goal, g.state, 0, time_now());
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_plan_step_remove(struct core *c, uint64_t viewer, uint64_t step)
{
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (!rc) {
		struct plan_step st;
		rc = own_step(c, &a, viewer, step, &st);
		if (!rc && st.state != PLAN_ACTIVE)
			rc = ERR_CONFLICT;
		if (!rc)
			rc = store_plan_step_set(c->store, step, PLAN_REMOVED, st.done_at);
		if (!rc)
			rc = store_plan_undo_push(c->store, viewer, PLAN_UNDO_STEP, step, st.state, st.done_at, time_now());
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_plan_goal_answer(struct core *c, uint64_t viewer, uint64_t goal, bool accept)
{
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (!rc) {
		struct plan_goal g;
		rc = own_goal(c, &a, viewer, goal, &g);
		if (!rc && g.state != PLAN_SUGGESTED)
			rc = ERR_CONFLICT;
		if (!rc)
			rc = store_plan_goal_set_state(c->store, goal, accept ? PLAN_ACTIVE : PLAN_DECLINED);
		if (!rc)
			rc = store_plan_undo_push(c->store, viewer, PLAN_UNDO_GOAL, goal, g.state, 0, time_now());
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_plan_step_answer(struct core *c, uint64_t viewer, uint64_t step, bool accept)
{
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (!rc) {
		struct plan_step st;
		rc = own_step(c, &a, viewer, step, &st);
		if (!rc && st.state != PLAN_SUGGESTED)
			rc = ERR_CONFLICT;
		if (!rc)
			rc = store_plan_step_set(c->store, step, accept ? PLAN_ACTIVE : PLAN_DECLINED, 0);
		if (!rc)
			rc = store_plan_undo_push(c->store, viewer, PLAN_UNDO_STEP, step, st.state, st.done_at, time_now());
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_plan_goal_photo(struct core *c, uint64_t viewer, uint64_t goal, uint64_t media)
{
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (!rc) {
		struct plan_goal g;
		rc = own_goal(c, &a, viewer, goal, &g);
		if (!rc && g.state != PLAN_ACTIVE)
			rc = ERR_NOTFOUND;
		struct media *m = NULL;
		bool used = false, avatar = false;
		if (!rc && media) {
			rc = store_media_get(c->store, &a, media, &m);
			if (!rc && m->owner_id != viewer)
				rc = ERR_NOTFOUND;
			if (!rc && (m->kind != MEDIA_IMAGE || !m->alt || !m->alt[0]))
				rc = ERR_INVAL; /* the words say what the photo shows */
			if (!rc && m->state == MEDIA_FAILED)
				rc = ERR_CONFLICT;
			if (!rc)
				rc = store_media_attached(c->store, media, &used);
			if (!rc)
				rc = store_media_is_avatar(c->store, media, &avatar);
			if (!rc && (used || avatar))
				rc = ERR_CONFLICT;
		}
		if (!rc)
			rc = store_plan_photo_set(c->store, goal, viewer, media); /* the old one is unused now */
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

bool core_plan_photo_sees(struct core *c, uint64_t viewer, uint64_t media, bool *is)
{
	uint64_t owner = 0;
	int rc = store_plan_photo_owner(c->store, media, &owner);
	*is = rc != ERR_NOTFOUND; /* in doubt (an error), a plan's: nobody else sees it */
	int kind;
	return !rc && access_of(c, viewer, owner, &kind) == 0;
}

int core_plan_suggestion_withdraw(struct core *c, uint64_t viewer, bool step, uint64_t id)
{
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (!rc) {
		uint64_t owner = 0, by = 0;
		int state = 0;
		struct plan_goal g;
		struct plan_step st;
		if (step) {
			rc = store_plan_step_get(c->store, &a, id, &st, &owner);
			by = rc ? 0 : st.suggested_by, state = rc ? 0 : st.state;
		} else {
			rc = store_plan_goal_get(c->store, &a, id, &g);
			owner = rc ? 0 : g.owner_id, by = rc ? 0 : g.suggested_by, state = rc ? 0 : g.state;
		}
		int kind;
		if (!rc && by != viewer)
			rc = ERR_NOTFOUND; /* someone else's, or the client's own */
		if (!rc)
			rc = access_of(c, viewer, owner, &kind); /* still shared with them */
		if (!rc && kind != PLAN_SHARE_CARE)
			rc = ERR_NOTFOUND;
		if (!rc && state != PLAN_SUGGESTED)
			rc = ERR_CONFLICT;
		if (!rc)
			rc = step ? store_plan_step_set(c->store, id, PLAN_REMOVED, 0)
			          : store_plan_goal_set_state(c->store, id, PLAN_REMOVED);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_plan_share(struct core *c, uint64_t viewer, uint64_t who, int kind)
{
	if (!viewer)
		return ERR_AUTH;
	if (who == viewer || (kind != PLAN_SHARE_NONE && kind != PLAN_SHARE_CARE && kind != PLAN_SHARE_FAMILY))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct account *acc;
	int rc = store_account_get(c->store, &a, who, &acc);
	/* Only people: an organisation's account is read by its staff. */
	if (!rc && (acc->kind != ACCOUNT_PERSON || (kind == PLAN_SHARE_CARE && acc->person_type != PERSON_PROFESSIONAL)))
		rc = ERR_INVAL;
	if (!rc && !(rc = store_begin(c->store))) {
		int old;
		rc = store_plan_share_get(c->store, viewer, who, &old);
		int64_t now = time_now();
		if (!rc && old != kind) {
			rc = store_plan_share_set(c->store, viewer, who, kind, now);
			if (!rc)
				rc = store_plan_undo_push(c->store, viewer, PLAN_UNDO_SHARE, who, old, 0, now);
		}
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_plan_undo(struct core *c, uint64_t viewer, bool *done)
{
	*done = false;
	if (!viewer)
		return ERR_AUTH;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	int what, old;
	uint64_t row;
	int64_t old_done;
	rc = store_plan_undo_pop(c->store, viewer, &what, &row, &old, &old_done);
	if (rc == ERR_NOTFOUND) {
		rc = store_finish(c->store, 0);
		return rc;
	}
	if (!rc) {
		if (what == PLAN_UNDO_GOAL)
			rc = store_plan_goal_set_state(c->store, row, old);
		else if (what == PLAN_UNDO_STEP)
			rc = store_plan_step_set(c->store, row, old, old_done);
		else
			rc = store_plan_share_set(c->store, viewer, row, old, time_now());
	}
	rc = store_finish(c->store, rc);
	*done = rc == 0;
	return rc;
}

int core_plan_shared_with(struct core *c, struct arena *a, uint64_t viewer, struct plan_share **out, size_t *n)
{
	uint64_t ids[STORE_PLAN_SHARES_MAX];
	int kinds[STORE_PLAN_SHARES_MAX];
	size_t m;
	*n = 0;
	int rc = store_plan_shared_with(c->store, viewer, ids, kinds, STORE_PLAN_SHARES_MAX, &m);
	if (rc)
		return rc;
	*out = arena_alloc(a, (m ? m : 1) * sizeof **out);
	for (size_t i = 0; i < m; i++) {
		if ((rc = store_account_get(c->store, a, ids[i], &(*out)[*n].acc)))
			return rc;
		(*out)[(*n)++].kind = kinds[i];
	}
	return 0;
}

int core_plan_today(struct core *c, struct arena *a, uint64_t viewer, struct plan_goal **goal, struct plan_step **step)
{
	struct plan_goal *v;
	size_t n;
	int rc = store_plan_goals(c->store, a, viewer, PLAN_ACTIVE, &v, &n);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < v[i].nsteps; k++)
			if (!v[i].steps[k].done_at) {
				*goal = &v[i];
				*step = &v[i].steps[k];
				return 0;
			}
	return ERR_NOTFOUND;
}
