/* My plan on the pages (issue 19, docs/plan.md): the client's own page
 * /mijn-plan (large pictures and buttons, few words, every action a form,
 * no JavaScript), a printable page, and /plan/:name for those the client
 * shares the plan with (care workers may suggest).  The rules are core's
 * (core/plan.c). */
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"
#include "core/appointment.h"
#include "core/core.h"
#include "core/plan.h"
#include "core/thuis.h"
#include "web/web_int.h"

static const char *area_label(struct http_req *r, int area)
{
	static const char *const labels[PLAN_NAREAS] = {
	        N_("Leren"), N_("Werk"), N_("Eten en drinken"), N_("Verzorging"),
	        N_("Wonen"), N_("Contact met anderen"), N_("Vrije tijd"),
	};
	return area >= 0 && area < PLAN_NAREAS ? _r(r, labels[area]) : "";
}

static struct tval *goal_model(struct http_req *r, const struct plan_goal *g, bool mine)
{
	struct tval *x = tv_obj(r->a);
	tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)g->id);
	tv_set_str(r->a, x, "area", area_label(r, g->area));
	tv_set_strf(r->a, x, "picto", "/static/picto-%s.svg", g->picto);
	if (g->photo && g->photo->state == MEDIA_READY && g->photo->nfiles) {
		/* the client's own photo carries meaning: its words are its alt text */
		const struct media_file *f = &g->photo->files[0];
		for (size_t k = 0; k < g->photo->nfiles; k++)
			if (!g->photo->files[k].main && g->photo->files[k].width >= 96 &&
			    (f->main || g->photo->files[k].width < f->width))
				f = &g->photo->files[k];
		tv_set_strf(r->a, x, "photo", "/media/%s.%s", f->sha256, f->ext);
		tv_set_str(r->a, x, "photo_alt", g->photo->alt);
	}
	tv_set_str(r->a, x, "text", g->text);
	tv_set_int(r->a, x, "stars", g->stars);
	tv_set_int(r->a, x, "total", g->total);
	tv_set_bool(r->a, x, "reached", g->total > 0 && g->stars == g->total);
	tv_set_bool(r->a, x, "suggested", g->state == PLAN_SUGGESTED);
	tv_set_bool(r->a, x, "mine", mine);
	tv_set_bool(r->a, x, "withdrawable", g->state == PLAN_SUGGESTED && g->suggested_by == WREQ(r)->viewer);
	struct tval *stars = tv_list(r->a);
	for (int i = 0; i < g->stars; i++)
		tv_push(stars, tv_str(r->a, "★"));
	tv_set(x, "star_list", stars);
	struct tval *steps = tv_list(r->a);
	for (size_t i = 0; i < g->nsteps; i++) {
		const struct plan_step *s = &g->steps[i];
		struct tval *y = tv_obj(r->a);
		tv_set_strf(r->a, y, "id", "%llu", (unsigned long long)s->id);
		tv_set_str(r->a, y, "text", s->text);
		tv_set_bool(r->a, y, "done", s->done_at != 0);
		tv_set_bool(r->a, y, "suggested", s->state == PLAN_SUGGESTED);
		tv_set_bool(r->a, y, "mine", mine);
		tv_set_bool(r->a, y, "withdrawable", s->state == PLAN_SUGGESTED && s->suggested_by == WREQ(r)->viewer);
		tv_push(steps, y);
	}
	tv_set(x, "steps", steps);
	return x;
}

static void areas_model(struct http_req *r, struct tval *m)
{
	struct tval *areas = tv_list(r->a);
	for (int i = 0; i < PLAN_NAREAS; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "key", core_plan_area_key(i));
		tv_set_str(r->a, x, "label", area_label(r, i));
		tv_set_bool(r->a, x, "first", i == 0);
		tv_push(areas, x);
	}
	tv_set(m, "areas", areas);
	struct tval *pictos = tv_list(r->a);
	for (int i = PLAN_NAREAS; core_plan_pictos[i]; i++)
		tv_push(pictos, tv_str(r->a, core_plan_pictos[i]));
	tv_set(m, "pictos", pictos);
}

/* The plan page.  error: the form was refused (422).  check: the new goal's
 * sentence comes back with the plain-words check (web/plain.c) and its text
 * kept in the field; nothing was saved. */
static int plan_page_with(struct http_req *r, uint64_t owner, const char *tmpl, const char *error, bool check)
{
	struct plan_view v;
	int rc = core_plan_get(CORE(r), r->a, WREQ(r)->viewer, owner, &v);
	if (rc)
		return rc;
	const char *who = core_shown_name(v.owner);
	struct tval *m = page_model(r, v.mine ? _r(r, "Mijn plan") : arena_printf(r->a, "%s: %s", _r(r, "Plan van"), who));
	tv_set(m, "owner", account_model(r, v.owner));
	tv_set_bool(r->a, m, "mine", v.mine);
	tv_set_bool(r->a, m, "care", v.share == PLAN_SHARE_CARE);
	if (error)
		tv_set_str(r->a, m, "error", error);
	struct tval *goals = tv_list(r->a), *sugg = tv_list(r->a);
	size_t nsugg = 0, ngoals = 0;
	for (size_t i = 0; i < v.ngoals; i++) {
		struct plan_goal *g = &v.goals[i];
		if (g->state == PLAN_SUGGESTED && v.mine) {
			tv_push(sugg, goal_model(r, g, v.mine));
			nsugg++;
		} else {
			tv_push(goals, goal_model(r, g, v.mine));
			ngoals++;
		}
		/* Suggested steps of an accepted goal: listed with the suggestions too. */
		for (size_t k = 0; v.mine && g->state == PLAN_ACTIVE && k < g->nsteps; k++)
			if (g->steps[k].state == PLAN_SUGGESTED) {
				struct tval *y = tv_obj(r->a);
				tv_set_strf(r->a, y, "id", "%llu", (unsigned long long)g->steps[k].id);
				tv_set_str(r->a, y, "text", g->steps[k].text);
				tv_set_str(r->a, y, "goal", g->text);
				tv_set_bool(r->a, y, "is_step", true);
				tv_push(sugg, y);
				nsugg++;
			}
	}
	tv_set(m, "goals", goals);
	tv_set_bool(r->a, m, "has_goals", ngoals > 0);
	tv_set(m, "suggestions", sugg);
	tv_set_bool(r->a, m, "has_suggestions", nsugg > 0);
	struct tval *shares = tv_list(r->a);
	for (size_t i = 0; i < v.nshares; i++) {
		struct tval *x = account_model(r, v.shares[i].acc);
		tv_set_str(r->a, x, "kind", v.shares[i].kind == PLAN_SHARE_CARE ? _r(r, "zorgverlener") : _r(r, "familie"));
		tv_push(shares, x);
	}
	tv_set(m, "shares", shares);
	tv_set_bool(r->a, m, "has_shares", v.nshares > 0);
	if (v.mine) {
		struct plan_share *w;
		size_t n;
		if ((rc = core_plan_shared_with(CORE(r), r->a, WREQ(r)->viewer, &w, &n)))
			return rc;
		struct tval *others = tv_list(r->a);
		for (size_t i = 0; i < n; i++)
			tv_push(others, account_model(r, w[i].acc));
		tv_set(m, "others", others);
		tv_set_bool(r->a, m, "has_others", n > 0);
	}
	areas_model(r, m);
	if (check) {
		const char *text = http_form(r, "text");
		plain_model(r, m);
		tv_set_str(r->a, m, "new_text", text ? text : "");
	}
	int prc = page_render(r, tmpl, m);
	if (error)
		r->status = 422;
	return prc;
}

static int plan_page(struct http_req *r, uint64_t owner, const char *tmpl, const char *error)
{
	return plan_page_with(r, owner, tmpl, error, false);
}

int h_plan(struct http_req *r)
{
	return plan_page(r, WREQ(r)->viewer, "plan", NULL);
}

int h_plan_print(struct http_req *r)
{
	return plan_page(r, WREQ(r)->viewer, "plan_print", NULL);
}

int h_plan_other(struct http_req *r)
{
	struct account *acc;
	const char *name = http_param(r, "name");
	int rc = core_account_by_name(CORE(r), r->a, name ? name : "", &acc);
	if (rc)
		return rc;
	return plan_page(r, acc->id, "plan", NULL);
}

static const char *bad_text(struct http_req *r)
{
	return _r(r, "Kies een onderwerp en schrijf een korte zin: hoogstens 140 tekens.");
}

/* Add a goal or a step to owner's plan (the owner's own, or a suggestion). */
static int add(struct http_req *r, uint64_t owner, const char *back, const char *done_msg)
{
	const char *what = http_param(r, "action");
	uint64_t id = 0, goal = 0;
	int rc;
	const char *check = http_form(r, "check");
	if (!strcmp(what, "doel") && check && !strcmp(check, "plain"))
		return plan_page_with(r, owner, "plan", NULL, true);
	if (!strcmp(what, "doel")) {
		const char *picto = http_form(r, "picto");
		rc = core_plan_goal_add(CORE(r), WREQ(r)->viewer, owner, core_plan_area_of(http_form(r, "area")),
		                        picto && *picto ? picto : NULL, str_trim(arena_strdup(r->a, http_form(r, "text") ? http_form(r, "text") : "")), &id);
	} else {
		if (!parse_u64(http_form(r, "goal") ? http_form(r, "goal") : "", &goal))
			return ERR_NOTFOUND;
		rc = core_plan_step_add(CORE(r), WREQ(r)->viewer, goal,
		                        str_trim(arena_strdup(r->a, http_form(r, "text") ? http_form(r, "text") : "")), &id);
	}
	if (rc == ERR_INVAL || rc == ERR_TOOBIG)
		return plan_page(r, owner, "plan", bad_text(r));
	if (rc)
		return rc;
	redirect_msg(r, back, done_msg);
	return 0;
}

int h_plan_act(struct http_req *r)
{
	const char *act = http_param(r, "action");
	uint64_t viewer = WREQ(r)->viewer, id = 0;
	if (!act)
		return ERR_NOTFOUND;
	if (!strcmp(act, "doel") || !strcmp(act, "stap"))
		return add(r, viewer, "/mijn-plan", "plan_saved");
	if (!strcmp(act, "foto")) {
		/* a goal's own photo: upload, then set (the words are required) */
		uint64_t goal = 0, media = 0;
		if (!parse_u64(http_form(r, "goal") ? http_form(r, "goal") : "", &goal))
			return ERR_NOTFOUND;
		const struct http_file *f = NULL;
		for (int i = 0; i < r->nfiles; i++)
			if (!strcmp(r->files[i].name, "media") && r->files[i].len)
				f = &r->files[i];
		const char *alt = http_form(r, "alt");
		alt = alt ? str_trim(arena_strdup(r->a, alt)) : "";
		const char *bad = _r(r, "Kies een foto en schrijf erbij wat erop staat.");
		if (!f || !*alt)
			return plan_page(r, viewer, "plan", bad);
		enum media_refusal why;
		int rc = core_media_upload(CORE(r), viewer, f->data, f->len, alt, &media, &why);
		if (!rc)
			rc = core_plan_goal_photo(CORE(r), viewer, goal, media);
		if (rc == ERR_INVAL || rc == ERR_TOOBIG || rc == ERR_RATE)
			return plan_page(r, viewer, "plan", bad);
		if (rc)
			return rc;
		redirect_msg(r, "/mijn-plan", "plan_saved");
		return 0;
	}
	if (!strcmp(act, "ongedaan")) {
		bool done;
		int rc = core_plan_undo(CORE(r), viewer, &done);
		if (rc)
			return rc;
		redirect_msg(r, "/mijn-plan", done ? "plan_undone" : "plan_nothing");
		return 0;
	}
	if (!strcmp(act, "delen")) {
		struct account *acc;
		const char *name = http_form(r, "name");
		const char *kind = http_form(r, "kind");
		int k = kind && !strcmp(kind, "zorgverlener") ? PLAN_SHARE_CARE
		      : kind && !strcmp(kind, "familie")      ? PLAN_SHARE_FAMILY
		      : kind && !strcmp(kind, "niemand")      ? PLAN_SHARE_NONE
		                                              : -1;
		int rc = core_account_by_name(CORE(r), r->a, name ? str_trim(arena_strdup(r->a, name)) : "", &acc);
		if (!rc && k < 0)
			rc = ERR_INVAL;
		if (!rc)
			rc = core_plan_share(CORE(r), viewer, acc->id, k);
		if (rc == ERR_NOTFOUND || rc == ERR_INVAL)
			return plan_page(r, viewer, "plan",
			                 _r(r, "Delen ging niet. Vul de naam van een persoon in. Een zorgverlener moet in kring "
			                       "als zorgverlener staan."));
		if (rc)
			return rc;
		redirect_msg(r, "/mijn-plan", k == PLAN_SHARE_NONE ? "plan_unshared" : "plan_shared");
		return 0;
	}
	if (!parse_u64(http_form(r, "id") ? http_form(r, "id") : "", &id))
		return ERR_NOTFOUND;
	bool celebrate = false;
	int rc;
	const char *msg = "plan_saved";
	if (!strcmp(act, "klaar")) {
		rc = core_plan_step_done(CORE(r), viewer, id, true, &celebrate);
		msg = celebrate ? "plan_celebrate" : "plan_star";
	} else if (!strcmp(act, "niet-klaar"))
		rc = core_plan_step_done(CORE(r), viewer, id, false, &celebrate);
	else if (!strcmp(act, "doel-weg"))
		rc = core_plan_goal_remove(CORE(r), viewer, id);
	else if (!strcmp(act, "stap-weg"))
		rc = core_plan_step_remove(CORE(r), viewer, id);
	else if (!strcmp(act, "doel-ja") || !strcmp(act, "doel-nee"))
		rc = core_plan_goal_answer(CORE(r), viewer, id, !strcmp(act, "doel-ja"));
	else if (!strcmp(act, "stap-ja") || !strcmp(act, "stap-nee"))
		rc = core_plan_step_answer(CORE(r), viewer, id, !strcmp(act, "stap-ja"));
	else
		return ERR_NOTFOUND;
	if (rc == ERR_CONFLICT)
		rc = 0; /* pressed twice: the page shows how it is now */
	if (rc)
		return rc;
	redirect_msg(r, "/mijn-plan", msg);
	return 0;
}

/* A care worker the client shares with suggests a goal or a step. */
int h_plan_suggest(struct http_req *r)
{
	struct account *acc;
	const char *name = http_param(r, "name"), *act = http_param(r, "action");
	int rc = core_account_by_name(CORE(r), r->a, name ? name : "", &acc);
	if (rc)
		return rc;
	if (act && !strcmp(act, "intrekken")) {
		/* the care worker takes back their own suggestion */
		uint64_t id = 0;
		const char *what = http_form(r, "what");
		if (!parse_u64(http_form(r, "id") ? http_form(r, "id") : "", &id))
			return ERR_NOTFOUND;
		rc = core_plan_suggestion_withdraw(CORE(r), WREQ(r)->viewer, what && !strcmp(what, "stap"), id);
		if (rc && rc != ERR_CONFLICT)
			return rc;
		redirect_msg(r, arena_printf(r->a, "/plan/%s", acc->username), rc ? "plan_nothing" : "plan_withdrawn");
		return 0;
	}
	if (!act || (strcmp(act, "doel") && strcmp(act, "stap")))
		return ERR_NOTFOUND;
	return add(r, acc->id, arena_printf(r->a, "/plan/%s", acc->username), "plan_suggested");
}

/* The client's home (cliëntenportaal): the next appointment, unread
 * conversations, the step of today and their groups, on one page. */
int h_home_client(struct http_req *r)
{
	uint64_t viewer = WREQ(r)->viewer;
	struct tval *m = page_model(r, _r(r, "Thuis"));
	struct appointment *ap;
	size_t n;
	int rc = core_appt_mine(CORE(r), r->a, viewer, &ap, &n);
	if (rc)
		return rc;
	const struct appointment *next = NULL;
	for (size_t i = 0; i < n; i++)
		if (ap[i].state == APPT_BOOKED && (!next || ap[i].starts_at < next->starts_at))
			next = &ap[i];
	if (next) {
		struct tval *x = tv_obj(r->a);
		struct account *prov;
		if (!core_account_get(CORE(r), r->a, next->provider_id, &prov))
			tv_set_str(r->a, x, "with", core_shown_name(prov));
		tv_set_str(r->a, x, "when", fmt_time(r, next->starts_at));
		tv_set(m, "appointment", x);
	}
	/* only conversations whose newest message is from a care provider */
	int64_t unread = 0;
	if ((rc = core_thuis_unread(CORE(r), viewer, &unread)))
		return rc;
	if ((rc = thuis_carer_model(r, m)))
		return rc;
	thuis_media_model(r, m, viewer);
	tv_set_int(r->a, m, "unread_messages", unread);
	struct plan_goal *g;
	struct plan_step *st;
	rc = core_plan_today(CORE(r), r->a, viewer, &g, &st);
	if (rc && rc != ERR_NOTFOUND)
		return rc;
	if (!rc) {
		struct tval *x = tv_obj(r->a);
		tv_set_strf(r->a, x, "picto", "/static/picto-%s.svg", g->picto);
		tv_set_str(r->a, x, "goal", g->text);
		tv_set_str(r->a, x, "step", st->text);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)st->id);
		tv_set(m, "today", x);
	}
	struct group **gs;
	size_t ng;
	if ((rc = core_groups(CORE(r), r->a, viewer, &gs, &ng)))
		return rc;
	struct tval *groups = tv_list(r->a);
	size_t mine = 0;
	for (size_t i = 0; i < ng; i++)
		if (gs[i]->v_role >= 0) {
			struct tval *x = tv_obj(r->a);
			tv_set_str(r->a, x, "name", gs[i]->name);
			tv_set_str(r->a, x, "display_name", gs[i]->display_name);
			tv_push(groups, x);
			mine++;
		}
	tv_set(m, "groups", groups);
	tv_set_bool(r->a, m, "has_groups", mine > 0);
	return page_render(r, "home_client", m);
}
