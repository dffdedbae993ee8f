/* Measure and tell (issue 20): kring's own API for campaigns, ambassadors,
 * guidelines reach, a group's figures and the trend break (docs/api.md,
 * docs/measure.md).  The same core functions as the pages, so the same
 * rules: the organisation's staff only (404 for anyone else), no viewer's
 * identity anywhere, and a count below 5 is never a number: it is null with
 * "<name>_below_5": true beside it (as GET /api/v1/kring/posts/:id/reach). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "api/api_int.h"

#include "base/arena.h"
#include "base/bizhours.h"
#include "base/err.h"
#include "base/id.h"
#include "core/ambassador.h"
#include "core/campaign.h"
#include "core/core.h"
#include "core/guidelines_reach.h"
#include "core/measure.h"
#include "core/reach.h"
#include "core/trend_page.h"
#include "http/http.h"

/* A count that may be too small to show. */
static void count(struct jw *j, const char *k, int64_t v)
{
	char below[48];
	snprintf(below, sizeof below, "%s_below_5", k);
	if (v < CORE_COUNT_FLOOR)
		jw_knull(j, k);
	else
		jw_kint(j, k, v);
	jw_kbool(j, below, v < CORE_COUNT_FLOOR);
}

static void kday(struct actx *x, struct jw *j, const char *k, int64_t day)
{
	int y, m, d;
	biz_civil_from_days(day, &y, &m, &d);
	jw_kstr(j, k, arena_printf(x->a, "%04d-%02d-%02d", y, m, d));
}

/* The Amsterdam day of moment t. */
static int64_t day_of(int64_t t)
{
	return biz_amsterdam_day(t);
}

static const char *const goal_names[] = {
        [CAMPAIGN_REACH] = "reach", [CAMPAIGN_CLICKS] = "clicks", [CAMPAIGN_APPLICATIONS] = "applications"};

static void ent_campaign(struct actx *x, struct jw *j, const struct campaign *cp)
{
	jw_obj(j);
	jw_kid(j, "id", cp->id);
	jw_kid(j, "account_id", cp->org_id);
	jw_kstr(j, "name", cp->name);
	jw_kstr(j, "tag", cp->tag);
	jw_kstr(j, "link", cp->link);
	jw_kstr(j, "goal_kind",
	        cp->goal_kind >= 0 && cp->goal_kind <= CAMPAIGN_APPLICATIONS ? goal_names[cp->goal_kind] : "reach");
	jw_kint(j, "goal", cp->goal);
	kday(x, j, "starts", day_of(cp->starts_at));
	kday(x, j, "ends", day_of(cp->ends_at) - 1); /* ends_at is the start of the day after */
	jw_ktime(j, "created_at", cp->created_at);
	jw_end(j);
}

int a_campaigns(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct campaign *v;
	size_t n;
	if ((rc = core_campaigns(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_campaign(&x, &j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

/* The fields of a new or changed campaign; 0, or answered with 422. */
static int campaign_args(struct actx *x, struct campaign_input *in, bool *answered)
{
	*answered = true;
	memset(in, 0, sizeof *in);
	in->name = arg(x, "name");
	in->by = arg(x, "by");
	in->goal = arg(x, "goal");
	in->starts = arg(x, "starts");
	in->ends = arg(x, "ends");
	const char *k = arg(x, "goal_kind");
	in->goal_kind = -1;
	for (int i = 0; k && i <= CAMPAIGN_APPLICATIONS; i++)
		if (!strcmp(k, goal_names[i]))
			in->goal_kind = i;
	if (!k)
		in->goal_kind = CAMPAIGN_REACH;
	struct arena *a = x->a;
	struct campaign cp;
	switch (core_campaign_check(a, in, &cp)) {
	case CAMPAIGN_OK:
		*answered = false;
		return 0;
	case CAMPAIGN_NAME:
		return api_fail(x, 422, "Validation failed: name is empty, too long or not one line");
	case CAMPAIGN_BY:
		return api_fail(x, 422, "Validation failed: by must be a #tag or an http(s) address");
	case CAMPAIGN_GOAL:
		return api_fail(x, 422,
		                "Validation failed: goal must be a whole number from 1, goal_kind reach, clicks or "
		                "applications");
	case CAMPAIGN_PERIOD:
		return api_fail(x, 422,
		                "Validation failed: starts and ends must be YYYY-MM-DD, ends not before starts,"
		                " at most 366 days");
	}
	return 0;
}

static int campaign_answer(struct actx *x, uint64_t id)
{
	struct campaign *cp;
	struct campaign_progress pr;
	int rc = core_campaign_get(x->c, x->a, x->viewer, id, &cp, &pr);
	if (rc)
		return rc;
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_campaign(x, &j, cp);
	return 0;
}

int a_campaign_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct campaign_input in;
	bool answered;
	if ((rc = campaign_args(&x, &in, &answered)) || answered)
		return rc;
	if (!arg_id(&x, "account_id", &in.org))
		return api_fail(&x, 422, "Validation failed: account_id (the organisation) is missing");
	uint64_t id;
	rc = core_campaign_create(x.c, x.a, x.viewer, &in, &id);
	if (rc == ERR_FORBIDDEN)
		return api_fail(&x, 403, "Only an organisation's staff may start its campaigns");
	if (rc)
		return rc;
	return campaign_answer(&x, id);
}

int a_campaign(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct campaign *cp;
	struct campaign_progress pr;
	if ((rc = core_campaign_get(x.c, x.a, x.viewer, param_id(r, "id"), &cp, &pr)))
		return rc;
	json_begin(&x);
	struct jw jj, *j = &jj;
	jw_init(j, &x.r->out);
	jw_obj(j);
	jw_key(j, "campaign");
	ent_campaign(&x, j, cp);
	/* Sums of the per-post numbers of 5 or more (a hidden one counts 0,
	 * so the sum cannot reveal it): numbers, as on the page. */
	jw_kint(j, "reach", pr.reach);
	jw_kint(j, "link_clicks", pr.clicks);
	jw_kint(j, "applications", pr.applications);
	jw_kint(j, "value", pr.value);
	jw_kint(j, "percent", pr.percent);
	jw_kbool(j, "truncated", pr.truncated);
	jw_key(j, "posts");
	jw_arr(j);
	for (size_t i = 0; i < pr.n; i++) {
		const struct campaign_post *p = &pr.v[i];
		jw_obj(j);
		jw_kid(j, "status_id", p->post->id);
		jw_kstr(j, "url", arena_printf(x.a, "%s/posts/%llu", x.base, (unsigned long long)p->post->id));
		jw_kbool(j, "vacancy", p->vacancy);
		count(j, "reach", p->reach);
		count(j, "link_clicks", p->clicks);
		jw_end(j);
	}
	jw_arr_end(j);
	jw_end(j);
	return 0;
}

int a_campaign_update(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct campaign_input in;
	bool answered;
	if ((rc = campaign_args(&x, &in, &answered)) || answered)
		return rc;
	uint64_t id = param_id(r, "id");
	if ((rc = core_campaign_update(x.c, x.a, x.viewer, id, &in)))
		return rc;
	return campaign_answer(&x, id);
}

int a_campaign_delete(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_campaign_delete(x.c, x.a, x.viewer, param_id(r, "id"))))
		return rc;
	return json_literal(&x, "{}");
}

/* viewer's ambassadorship of org with the personal links and their
 * numbers (only the ambassador's own numbers). */
static int ent_ambassadorship(struct actx *x, struct jw *j, const struct ambassador *me, struct account *org)
{
	struct post **posts;
	struct amb_figures *f;
	size_t np;
	int rc = core_amb_shareable(x->c, x->a, x->viewer, org->id, &posts, &f, &np);
	if (rc)
		return rc;
	jw_obj(j);
	jw_key(j, "organisation");
	ent_account(x, j, org);
	jw_kbool(j, "consent", me->consent);
	jw_ktime(j, "joined_at", me->joined_at);
	jw_key(j, "links");
	jw_arr(j);
	for (size_t k = 0; k < np; k++) {
		jw_obj(j);
		jw_kid(j, "status_id", posts[k]->id);
		jw_kstr(j, "url",
		        arena_printf(x->a, "%s/l/%llu-a%llu", x->base, (unsigned long long)posts[k]->id,
		                     (unsigned long long)me->code));
		count(j, "reached", f[k].reached);
		count(j, "clicks", f[k].clicks);
		count(j, "applied", f[k].applied);
		jw_end(j);
	}
	jw_arr_end(j);
	jw_end(j);
	return 0;
}

int a_ambassador_mine(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct ambassador *mine;
	size_t n;
	if ((rc = core_amb_mine(x.c, x.a, x.viewer, &mine, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++) {
		struct account *org = mine[i].org;
		if (!org && core_account_get(x.c, x.a, mine[i].org_id, &org))
			continue;
		if ((rc = ent_ambassadorship(&x, &j, &mine[i], org)))
			return rc;
	}
	jw_arr_end(&j);
	return 0;
}

int a_ambassador_join(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t org = param_id(r, "id");
	rc = core_amb_join(x.c, x.viewer, org, arg_bool(&x, "consent", false));
	if (rc == ERR_FORBIDDEN)
		return api_fail(&x, 403, "Only an organisation's staff can be its ambassadors");
	if (rc)
		return rc;
	struct ambassador *mine;
	size_t n;
	if ((rc = core_amb_mine(x.c, x.a, x.viewer, &mine, &n)))
		return rc;
	for (size_t i = 0; i < n; i++)
		if (mine[i].org_id == org) {
			struct account *o = mine[i].org;
			if (!o && (rc = core_account_get(x.c, x.a, org, &o)))
				return rc;
			json_begin(&x);
			struct jw j;
			jw_init(&j, &x.r->out);
			return ent_ambassadorship(&x, &j, &mine[i], o);
		}
	return ERR_NOTFOUND;
}

int a_ambassador_leave(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_amb_leave(x.c, x.viewer, param_id(r, "id"))))
		return rc;
	return json_literal(&x, "{}");
}

int a_ambassador_report(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t org = param_id(r, "id");
	struct amb_row *v;
	size_t n;
	struct amb_week *w;
	if ((rc = core_amb_report(x.c, x.a, x.viewer, org, &v, &n)) ||
	    (rc = core_amb_weeks(x.c, x.a, x.viewer, org, &w)))
		return rc;
	json_begin(&x);
	struct jw jj, *j = &jj;
	jw_init(j, &x.r->out);
	jw_obj(j);
	jw_key(j, "rows");
	jw_arr(j);
	for (size_t i = 0; i < n; i++) {
		jw_obj(j);
		/* An ambassador by name only with their consent; the others
		 * together (only when two or more: core). */
		jw_key(j, "account");
		if (v[i].person)
			ent_account(&x, j, v[i].person);
		else
			jw_null(j);
		jw_kbool(j, "others", v[i].person == NULL);
		if (v[i].campaign) {
			jw_kid(j, "campaign_id", v[i].campaign->id);
			jw_kstr(j, "campaign_name", v[i].campaign->name);
		} else {
			jw_knull(j, "campaign_id");
			jw_knull(j, "campaign_name");
		}
		count(j, "reached", v[i].f.reached);
		count(j, "clicks", v[i].f.clicks);
		count(j, "applied", v[i].f.applied);
		jw_end(j);
	}
	jw_arr_end(j);
	jw_key(j, "weeks");
	jw_arr(j);
	for (int i = 0; i < CORE_AMB_WEEKS; i++) {
		jw_obj(j);
		kday(&x, j, "week", w[i].day);
		count(j, "visits", w[i].visits);
		jw_end(j);
	}
	jw_arr_end(j);
	jw_end(j);
	return 0;
}

int a_guidelines_reach(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct guidelines_reach g;
	if ((rc = core_guidelines_reach(x.c, x.a, x.viewer, param_id(r, "id"), &g)))
		return rc;
	json_begin(&x);
	struct jw jj, *j = &jj;
	jw_init(j, &x.r->out);
	jw_obj(j);
	jw_kbool(j, "has_guidelines", g.has_guidelines);
	jw_kint(j, "staff", g.staff);
	jw_kint(j, "accepted", g.accepted);
	jw_kint(j, "percent", g.percent);
	jw_kbool(j, "viewer_accepted", g.viewer_accepted);
	jw_kint(j, "remind_every_days", CORE_REMIND_DAYS);
	jw_end(j);
	return 0;
}

int a_guidelines_remind(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct guidelines_remind g;
	rc = core_guidelines_remind(x.c, x.a, x.viewer, param_id(r, "id"), &g);
	if (rc == ERR_CONFLICT)
		return api_fail(&x, 409, "The organisation has no guidelines");
	if (rc == ERR_RATE) {
		/* Everyone to remind was reminded less than CORE_REMIND_DAYS ago. */
		int64_t wait = g.next_at - time_now();
		http_set_header(r, "Retry-After", arena_printf(x.a, "%lld", (long long)(wait > 0 ? wait : 1)));
		return api_fail(&x, 429,
		                arena_printf(x.a, "Too many requests: each person is reminded at most once per %d days",
		                             CORE_REMIND_DAYS));
	}
	if (rc)
		return rc;
	json_begin(&x);
	struct jw jj, *j = &jj;
	jw_init(j, &x.r->out);
	jw_obj(j);
	jw_kint(j, "sent", (int64_t)g.sent);
	jw_kint(j, "waiting", (int64_t)g.waiting);
	if (g.next_at)
		jw_ktime(j, "next_at", g.next_at);
	else
		jw_knull(j, "next_at");
	jw_end(j);
	return 0;
}

int a_group_figures(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct group_week *w;
	if ((rc = core_group_figures(x.c, x.a, x.viewer, param_id(r, "id"), &w)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (int i = 0; i < GROUP_WEEKS; i++) {
		jw_obj(&j);
		kday(&x, &j, "week", w[i].start / 86400); /* Monday, UTC */
		jw_kint(&j, "statuses", w[i].posts);
		jw_kint(&j, "joined", w[i].joined);
		count(&j, "reach", w[i].reach);
		jw_end(&j);
	}
	jw_arr_end(&j);
	return 0;
}

static const char *const measure_names[TREND_MEASURES] = {
        [TREND_MENTIONS] = "mentions", [TREND_FOLLOWERS] = "followers", [TREND_MEMBERS] = "members",
        [TREND_ANSWERED] = "answered", [TREND_NEGATIVE] = "negative",   [TREND_REACH] = "reach",
        [TREND_CLICKS] = "clicks",     [TREND_VACANCY] = "vacancy",
};
static const char *const verdict_names[] = {[TREND_TOO_SHORT] = "too_short",
                                            [TREND_CHANCE] = "chance",
                                            [TREND_PROBABLY] = "probably",
                                            [TREND_VERY_PROBABLY] = "very_probably"};

static void knum(struct jw *j, const char *k, double v)
{
	if (isfinite(v)) {
		jw_key(j, k);
		jw_dec1(j, v);
	} else {
		jw_knull(j, k);
	}
}

int a_trend(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *ms = arg(&x, "measure");
	int measure = -1;
	for (int i = 0; ms && i < TREND_MEASURES; i++)
		if (!strcmp(ms, measure_names[i]))
			measure = i;
	if (measure < 0)
		return api_fail(&x, 422,
		                "Validation failed: measure is one of mentions, followers, members, answered,"
		                " negative, reach, clicks, vacancy");
	struct trend_page t;
	rc = core_trend_page(x.c, x.a, x.viewer, param_id(r, "id"), measure, arg(&x, "day"), &t);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: day must be YYYY-MM-DD, not in the future");
	if (rc)
		return rc;
	json_begin(&x);
	struct jw jj, *j = &jj;
	jw_init(j, &x.r->out);
	jw_obj(j);
	jw_kstr(j, "measure", measure_names[measure]);
	kday(&x, j, "day", day_of(t.change_at));
	int v = t.r.verdict;
	jw_kstr(j, "verdict", v >= 0 && v <= TREND_VERY_PROBABLY ? verdict_names[v] : "too_short");
	bool fit = v != TREND_TOO_SHORT;
	/* The sentence's numbers: percent more (negative: less) per week after
	 * the day than the old trend predicted, with its 95 % interval. */
	knum(j, "relative_percent", fit ? 100 * t.r.relative : NAN);
	knum(j, "relative_percent_low", fit ? 100 * t.r.relative_lo : NAN);
	knum(j, "relative_percent_high", fit ? 100 * t.r.relative_hi : NAN);
	knum(j, "expected_per_week", fit ? t.r.expected : NAN);
	knum(j, "observed_per_week", fit ? t.r.observed : NAN);
	jw_key(j, "weeks");
	jw_arr(j);
	for (int i = 0; i < t.nweeks; i++) {
		jw_obj(j);
		jw_kint(j, "week", i - t.weeks_before); /* 0: the first week from the day */
		/* -1: fewer than 5 (reach, clicks, vacancy visitors: core). */
		if (t.week_totals[i] < 0)
			jw_knull(j, "total");
		else
			jw_kint(j, "total", t.week_totals[i]);
		jw_kbool(j, "total_below_5", t.week_totals[i] < 0);
		jw_end(j);
	}
	jw_arr_end(j);
	jw_end(j);
	return 0;
}
