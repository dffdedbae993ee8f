/* Crisis mode pages (core/webcare_crisis.c): the public crisis page
 * /@org/crisis with its time-stamped updates, the staff's forms to switch
 * it on and off and to post an update, and the banner other pages show. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/err.h"
#include "core/webcare.h"
#include "core/webcare_crisis.h"
#include "web/web_int.h"

static const char *local_time(struct http_req *r, int64_t t)
{
	/* Shown in UTC with its zone named: no guessing of the reader's zone. */
	struct tm tm;
	time_t tt = (time_t)t;
	char b[32];
	if (!gmtime_r(&tt, &tm) || !strftime(b, sizeof b, "%Y-%m-%d %H:%M UTC", &tm))
		return "";
	return arena_strdup(r->a, b);
}

struct tval *webcare_crisis_banner(struct http_req *r, const struct account *org)
{
	struct wc_crisis cr;
	if (!org || org->kind != ACCOUNT_ORG || core_wc_crisis(CORE(r), r->a, org->id, &cr) || !cr.active)
		return NULL;
	struct tval *x = tv_obj(r->a);
	tv_set_str(r->a, x, "topic", cr.topic);
	tv_set_str(r->a, x, "since", local_time(r, cr.started_at));
	tv_set_strf(r->a, x, "url", "/@%s/crisis", org->username);
	return x;
}

int h_crisis(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org, *staff_org;
	int rc = core_account_by_name(CORE(r), r->a, http_param(r, "name"), &org);
	if (rc)
		return rc;
	if (org->kind != ACCOUNT_ORG || core_account_hidden(CORE(r), q->viewer, org))
		return ERR_NOTFOUND;
	struct wc_crisis cr;
	if ((rc = core_wc_crisis(CORE(r), r->a, org->id, &cr)))
		return rc; /* never had one: nothing to show */
	struct wc_crisis_update *u;
	size_t n = 0;
	if ((rc = core_wc_crisis_updates(CORE(r), r->a, org->id, &u, &n)))
		return rc;
	const char *name = core_shown_name(org);
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", name, cr.topic));
	struct tval *o = tv_obj(r->a);
	tv_set_str(r->a, o, "name", org->username);
	tv_set_str(r->a, o, "display", name);
	tv_set(m, "org", o);
	tv_set_str(r->a, m, "topic", cr.topic);
	tv_set_bool(r->a, m, "active", cr.active);
	tv_set_str(r->a, m, "since", local_time(r, cr.started_at));
	if (!cr.active)
		tv_set_str(r->a, m, "ended", local_time(r, cr.ended_at));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "at", local_time(r, u[i].created_at));
		struct tm tm;
		time_t tt = (time_t)u[i].created_at;
		char iso[32];
		if (gmtime_r(&tt, &tm) && strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm))
			tv_set_str(r->a, x, "iso", arena_strdup(r->a, iso));
		tv_set_str(r->a, x, "text", u[i].text);
		tv_push(l, x);
	}
	tv_set(m, "updates", l);
	tv_set_bool(r->a, m, "staff", q->viewer && !core_wc_org(CORE(r), r->a, q->viewer, org->username, &staff_org));
	return page_render(r, "webcare_crisis", m);
}

int h_crisis_action(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = core_wc_org(CORE(r), r->a, q->viewer, http_param(r, "org"), &org); /* staff only */
	if (rc)
		return rc;
	const char *action = http_param(r, "action");
	const char *bad = NULL;
	if (!action)
		return ERR_NOTFOUND;
	if (!strcmp(action, "on")) {
		rc = core_wc_crisis_set(CORE(r), q->viewer, org->id, true, http_form(r, "topic"));
		if (rc == ERR_INVAL)
			bad = _r(r, "Geef de crisis een onderwerp van hoogstens 80 tekens.");
	} else if (!strcmp(action, "off")) {
		rc = core_wc_crisis_set(CORE(r), q->viewer, org->id, false, NULL);
	} else if (!strcmp(action, "update")) {
		rc = core_wc_crisis_post(CORE(r), q->viewer, org->id, http_form(r, "text"));
		if (rc == ERR_INVAL)
			bad = _r(r, "Schrijf een bericht van hoogstens 2000 tekens.");
		else if (rc == ERR_CONFLICT)
			bad = _r(r, "De crisismodus staat uit: zet hem eerst aan.");
	} else {
		return ERR_NOTFOUND;
	}
	if (bad) {
		struct tval *m = page_model(r, _r(r, "Crisismodus"));
		tv_set_str(r->a, m, "error", bad);
		tv_set_strf(r->a, m, "back", "/webcare/%s", org->username);
		r->status = 400;
		return page_render(r, "webcare_crisis_error", m);
	}
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, !strcmp(action, "update") ? "/@%s/crisis" : "/webcare/%s", org->username),
	             "saved");
	return 0;
}
