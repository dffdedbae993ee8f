/*
 * Reports and moderators' actions: who may handle which report, the
 * actions and their log (one transaction each), and the admin API's view.
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

/* ---- reports and moderation ---- */

static int report_new(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, uint64_t post,
                      const char *snapshot, const char *reason, bool escalate, uint64_t *id);

int core_report(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, uint64_t post, const char *reason,
                bool escalate, uint64_t *id)
{
	return report_new(c, a, viewer, account, post, NULL, reason, escalate, id);
}

int core_report_snapshot(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, const char *snapshot,
                         const char *reason, uint64_t *id)
{
	return report_new(c, a, viewer, account, 0, snapshot, reason, false, id);
}

static int report_new(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, uint64_t post,
                      const char *snapshot, const char *reason, bool escalate, uint64_t *id)
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
		r.snapshot = snapshot;
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
		group_member_of(c, a, r.group_id, r.account_id, &trole, &tstate);
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
		return group_instance_mod(c, viewer) ? 0 : ERR_FORBIDDEN;
	return group_need_mod(c, a, viewer, group, g);
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
		if (!(rc = group_load(c, a, viewer, p->group_id, &g)) &&
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
	if (!rc && on)
		core_fed_account_changed(c, account); /* a Delete of the actor */
	arena_release(&a);
	return rc;
}

int core_report_forward(struct core *c, struct arena *a, uint64_t viewer, uint64_t report, const char *note,
                        bool *forwarded)
{
	*forwarded = false;
	if (!viewer)
		return ERR_AUTH;
	struct mod_report *r;
	struct group *g;
	struct account *acc;
	/* The Flag is queued and logged in one transaction (core_fed_flag's
	 * own nests in it). */
	int rc = store_begin(c->store);
	if (!rc)
		rc = store_modreport_get(c->store, a, report, &r);
	if (!rc)
		rc = may_handle(c, a, viewer, r->group_id, &g);
	/* The instance speaks to another server, not a group; only an open
	 * report about someone elsewhere. */
	if (!rc && (r->group_id || r->state != 0))
		rc = r->group_id ? ERR_FORBIDDEN : ERR_CONFLICT;
	if (!rc && !(rc = store_account_get(c->store, a, r->account_id, &acc)) && !core_fed_is_remote(acc))
		rc = ERR_INVAL;
	if (!rc)
		rc = core_fed_flag(c, a, viewer, r->account_id, &r->post_id, r->post_id ? 1 : 0,
		                   note && note[0] ? note : r->reason, forwarded);
	if (!rc && !*forwarded)
		rc = ERR_CONFLICT; /* its server is blocked or unknown: nothing to send to */
	if (!rc)
		rc = store_mod_log_add(c->store, viewer, 0, "forward", r->account_id, r->post_id, note);
	rc = store_finish(c->store, rc);
	if (rc)
		*forwarded = false;
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
	if (!rc && removed)
		core_fed_post_deleted(c, r->post_id);
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
