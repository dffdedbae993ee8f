/* My plan: kring's own /api/v1/kring/plan/... (docs/api.md, docs/plan.md)
 * and its FHIR R4 export (Goal, CarePlan).  The rules are core's
 * (core/plan.c); this is a view. */
#include "api/api_int.h"
#include "api/api_media.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/plan.h"
#include "http/http.h"

static const char *state_key(int state)
{
	return state == PLAN_SUGGESTED ? "suggested" : "active";
}

static const char *share_key(int kind)
{
	return kind == PLAN_SHARE_CARE ? "care_worker" : kind == PLAN_SHARE_FAMILY ? "family" : "none";
}

/* KringPlanStep */
static void ent_step(struct jw *j, const struct plan_step *s)
{
	jw_obj(j);
	jw_kid(j, "id", s->id);
	jw_kid(j, "goal_id", s->goal_id);
	jw_kstr(j, "text", s->text);
	jw_kstr(j, "state", state_key(s->state));
	jw_kid(j, "suggested_by", s->suggested_by);
	jw_kbool(j, "done", s->done_at != 0);
	jw_ktime(j, "done_at", s->done_at);
	jw_end(j);
}

/* KringPlanGoal */
static void ent_goal(struct actx *x, struct jw *j, const struct plan_goal *g)
{
	jw_obj(j);
	jw_kid(j, "id", g->id);
	jw_kstr(j, "area", core_plan_area_key(g->area));
	jw_kstr(j, "pictogram", g->picto);
	jw_kstr(j, "pictogram_url", arena_printf(x->a, "/static/picto-%s.svg", g->picto));
	jw_kstr(j, "text", g->text);
	jw_kstr(j, "state", state_key(g->state));
	jw_kid(j, "suggested_by", g->suggested_by);
	jw_kint(j, "stars", g->stars);
	jw_kint(j, "steps_total", g->total);
	jw_kbool(j, "reached", g->total > 0 && g->stars == g->total);
	if (g->photo) {
		jw_key(j, "photo");
		ent_media(x, j, g->photo);
	} else
		jw_knull(j, "photo");
	jw_key(j, "steps");
	jw_arr(j);
	for (size_t i = 0; i < g->nsteps; i++)
		ent_step(j, &g->steps[i]);
	jw_arr_end(j);
	jw_end(j);
}

/* KringPlanShare */
static void ent_share(struct actx *x, struct jw *j, const struct plan_share *s)
{
	jw_obj(j);
	jw_key(j, "account");
	ent_account(x, j, s->acc);
	jw_kstr(j, "kind", share_key(s->kind));
	jw_end(j);
}

static int plan_answer(struct actx *x, uint64_t owner)
{
	struct plan_view v;
	int rc = core_plan_get(x->c, x->a, x->viewer, owner, &v);
	if (rc == ERR_NOTFOUND)
		return api_fail(x, 404, "Record not found");
	if (rc)
		return rc;
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	jw_obj(&j);
	jw_key(&j, "account");
	ent_account(x, &j, v.owner);
	jw_kbool(&j, "mine", v.mine);
	if (v.mine)
		jw_knull(&j, "share");
	else
		jw_kstr(&j, "share", share_key(v.share));
	jw_key(&j, "goals");
	jw_arr(&j);
	for (size_t i = 0; i < v.ngoals; i++)
		ent_goal(x, &j, &v.goals[i]);
	jw_arr_end(&j);
	jw_key(&j, "shares");
	jw_arr(&j);
	for (size_t i = 0; i < v.nshares; i++)
		ent_share(x, &j, &v.shares[i]);
	jw_arr_end(&j);
	jw_end(&j);
	return 0;
}

int a_plan_mine(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return plan_answer(&x, x.viewer);
}

int a_plan_of(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return plan_answer(&x, param_id(r, "id"));
}

int a_plan_shared(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct plan_share *v;
	size_t n;
	if ((rc = core_plan_shared_with(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_share(&x, &j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

/* KringPlanAction: what a change did. */
static int action_answer(struct actx *x, int rc, uint64_t id, bool celebrate, bool undone)
{
	if (rc == ERR_INVAL)
		return api_fail(x, 422, "Validation failed: a known area and pictogram, and a text of 1 to 140 characters");
	if (rc == ERR_TOOBIG)
		return api_fail(x, 422, "Validation failed: at most 100 goals and 50 steps a goal");
	if (rc == ERR_CONFLICT)
		return api_fail(x, 409, "This goal or step cannot change that way now");
	if (rc == ERR_FORBIDDEN)
		return api_fail(x, 403, "Only the client and the care workers they chose may add to this plan");
	if (rc == ERR_NOTFOUND)
		return api_fail(x, 404, "Record not found");
	if (rc)
		return rc;
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	jw_obj(&j);
	jw_kid(&j, "id", id);
	jw_kbool(&j, "celebrate", celebrate);
	jw_kbool(&j, "undone", undone);
	jw_end(&j);
	return 0;
}

int a_plan_goal_add(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t owner = x.viewer, id = 0;
	if (arg(&x, "account_id") && !arg_id(&x, "account_id", &owner))
		return api_fail(&x, 404, "Record not found");
	int area = core_plan_area_of(arg(&x, "area"));
	rc = area < 0 ? ERR_INVAL : core_plan_goal_add(x.c, x.viewer, owner, area, arg(&x, "pictogram"), arg(&x, "text"), &id);
	return action_answer(&x, rc, id, false, false);
}

int a_plan_step_add(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = 0;
	rc = core_plan_step_add(x.c, x.viewer, param_id(r, "id"), arg(&x, "text"), &id);
	return action_answer(&x, rc, id, false, false);
}

/* POST /goals/:id/accept|decline|withdraw, DELETE /goals/:id */
int a_plan_goal_act(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	const char *act = path_last(r);
	if (r->method == HTTP_DELETE)
		rc = core_plan_goal_remove(x.c, x.viewer, id);
	else if (!strcmp(act, "withdraw"))
		rc = core_plan_suggestion_withdraw(x.c, x.viewer, false, id);
	else if (!strcmp(act, "photo")) {
		uint64_t media = 0;
		if (!arg(&x, "media_id") || (strcmp(arg(&x, "media_id"), "0") && !arg_id(&x, "media_id", &media)))
			return api_fail(&x, 422, "Validation failed: media_id (0 removes the photo)");
		rc = core_plan_goal_photo(x.c, x.viewer, id, media);
		if (rc == ERR_INVAL)
			return api_fail(&x, 422, "Validation failed: your own image, with a description");
	}
	else
		rc = core_plan_goal_answer(x.c, x.viewer, id, !strcmp(act, "accept"));
	return action_answer(&x, rc, id, false, false);
}

/* POST /steps/:id/done|undone|accept|decline|withdraw, DELETE /steps/:id */
int a_plan_step_act(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	const char *act = path_last(r);
	bool celebrate = false;
	if (r->method == HTTP_DELETE)
		rc = core_plan_step_remove(x.c, x.viewer, id);
	else if (!strcmp(act, "done") || !strcmp(act, "undone"))
		rc = core_plan_step_done(x.c, x.viewer, id, !strcmp(act, "done"), &celebrate);
	else if (!strcmp(act, "withdraw"))
		rc = core_plan_suggestion_withdraw(x.c, x.viewer, true, id);
	else
		rc = core_plan_step_answer(x.c, x.viewer, id, !strcmp(act, "accept"));
	return action_answer(&x, rc, id, celebrate, false);
}

int a_plan_undo(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	bool done;
	rc = core_plan_undo(x.c, x.viewer, &done);
	return action_answer(&x, rc, 0, false, done);
}

int a_plan_share(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t who;
	if (!arg_id(&x, "account_id", &who))
		return api_fail(&x, 422, "Validation failed: account_id is required");
	const char *k = arg(&x, "kind");
	int kind = !k ? -1 : !strcmp(k, "care_worker") ? PLAN_SHARE_CARE : !strcmp(k, "family") ? PLAN_SHARE_FAMILY
	                                                 : !strcmp(k, "none") ? PLAN_SHARE_NONE : -1;
	if (kind < 0)
		return api_fail(&x, 422, "Validation failed: kind is care_worker, family or none");
	rc = core_plan_share(x.c, x.viewer, who, kind);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: share with a person (a care worker: a professional), not yourself");
	if (rc == ERR_NOTFOUND)
		return api_fail(&x, 404, "Record not found");
	return action_answer(&x, rc, who, false, false);
}

/* ---- FHIR R4: the owner's goals as Goal resources in a CarePlan, one Bundle ---- */

static void fhir_text(struct jw *j, const char *key, const char *text)
{
	jw_key(j, key);
	jw_obj(j);
	jw_kstr(j, "text", text);
	jw_end(j);
}

/* The goal's own photo.  R4's Goal has no element for a picture, so it goes
 * in an extension (kring's own, defined under the instance's /fhir) holding an
 * Attachment: the file's address, type and size, and the client's words
 * about it as title.  A photo still processing is left out. */
static void fhir_goal_photo(struct actx *x, struct jw *j, const struct media *m)
{
	const struct media_file *main = NULL;
	for (size_t i = 0; m && i < m->nfiles; i++)
		if (m->files[i].main)
			main = &m->files[i];
	if (!main || m->state != MEDIA_READY)
		return;
	jw_key(j, "extension");
	jw_arr(j);
	jw_obj(j);
	jw_kstr(j, "url", arena_printf(x->a, "%s/fhir/StructureDefinition/kring-goal-photo", x->base));
	jw_key(j, "valueAttachment");
	jw_obj(j);
	jw_kstr(j, "contentType", main->mime);
	jw_kstr(j, "url", arena_printf(x->a, "%s/media/%s.%s", x->base, main->sha256, main->ext));
	if (main->size > 0 && main->size <= 4294967295LL)
		jw_kint(j, "size", main->size);
	if (m->alt && m->alt[0])
		jw_kstr(j, "title", m->alt);
	jw_end(j);
	jw_end(j);
	jw_arr_end(j);
}

int a_plan_fhir(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct plan_view v;
	if ((rc = core_plan_get(x.c, x.a, x.viewer, x.viewer, &v)))
		return rc;
	json_begin(&x);
	x.r->content_type = "application/fhir+json; charset=utf-8";
	const char *patient = arena_printf(x.a, "Patient/%llu", (unsigned long long)x.viewer);
	struct jw j;
	jw_init(&j, &x.r->out);
	jw_obj(&j);
	jw_kstr(&j, "resourceType", "Bundle");
	jw_kstr(&j, "type", "collection");
	jw_key(&j, "entry");
	jw_arr(&j);
	size_t active = 0;
	for (size_t i = 0; i < v.ngoals; i++) {
		const struct plan_goal *g = &v.goals[i];
		if (g->state != PLAN_ACTIVE)
			continue;
		active++;
		jw_obj(&j);
		jw_kstr(&j, "fullUrl", arena_printf(x.a, "urn:kring:Goal:%llu", (unsigned long long)g->id));
		jw_key(&j, "resource");
		jw_obj(&j);
		jw_kstr(&j, "resourceType", "Goal");
		jw_kstr(&j, "id", arena_printf(x.a, "%llu", (unsigned long long)g->id));
		fhir_goal_photo(&x, &j, g->photo);
		bool reached = g->total > 0 && g->stars == g->total;
		jw_kstr(&j, "lifecycleStatus", reached ? "completed" : "active");
		jw_key(&j, "achievementStatus");
		jw_obj(&j);
		jw_key(&j, "coding");
		jw_arr(&j);
		jw_obj(&j);
		jw_kstr(&j, "system", "http://terminology.hl7.org/CodeSystem/goal-achievement");
		jw_kstr(&j, "code", reached ? "achieved" : "in-progress");
		jw_end(&j);
		jw_arr_end(&j);
		jw_end(&j);
		jw_key(&j, "category");
		jw_arr(&j);
		jw_obj(&j);
		jw_kstr(&j, "text", core_plan_area_key(g->area));
		jw_end(&j);
		jw_arr_end(&j);
		fhir_text(&j, "description", g->text);
		jw_key(&j, "subject");
		jw_obj(&j);
		jw_kstr(&j, "reference", patient);
		jw_end(&j);
		jw_key(&j, "expressedBy");
		jw_obj(&j);
		jw_kstr(&j, "reference", patient);
		jw_end(&j);
		jw_key(&j, "note");
		jw_arr(&j);
		for (size_t k = 0; k < g->nsteps; k++) {
			if (g->steps[k].state != PLAN_ACTIVE)
				continue;
			jw_obj(&j);
			jw_kstr(&j, "text", arena_printf(x.a, "%s %s", g->steps[k].done_at ? "[x]" : "[ ]", g->steps[k].text));
			jw_end(&j);
		}
		jw_arr_end(&j);
		jw_end(&j);
		jw_end(&j);
	}
	jw_obj(&j);
	jw_kstr(&j, "fullUrl", arena_printf(x.a, "urn:kring:CarePlan:%llu", (unsigned long long)x.viewer));
	jw_key(&j, "resource");
	jw_obj(&j);
	jw_kstr(&j, "resourceType", "CarePlan");
	jw_kstr(&j, "id", arena_printf(x.a, "plan-%llu", (unsigned long long)x.viewer));
	jw_kstr(&j, "status", "active");
	jw_kstr(&j, "intent", "plan");
	jw_kstr(&j, "title", "Mijn plan");
	jw_key(&j, "subject");
	jw_obj(&j);
	jw_kstr(&j, "reference", patient);
	jw_end(&j);
	jw_key(&j, "author");
	jw_obj(&j);
	jw_kstr(&j, "reference", patient);
	jw_end(&j);
	if (active) {
		jw_key(&j, "goal");
		jw_arr(&j);
		for (size_t i = 0; i < v.ngoals; i++) {
			if (v.goals[i].state != PLAN_ACTIVE)
				continue;
			jw_obj(&j);
			jw_kstr(&j, "reference", arena_printf(x.a, "urn:kring:Goal:%llu", (unsigned long long)v.goals[i].id));
			jw_end(&j);
		}
		jw_arr_end(&j);
	}
	jw_end(&j);
	jw_end(&j);
	jw_arr_end(&j);
	jw_end(&j);
	return 0;
}
