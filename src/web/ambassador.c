/* Ambassadors (issue 20, docs/measure.md): /ambassadeur (join, consent,
 * personal links), the organisation's report /ambassadeurs/:org, and the
 * personal link /l/<post>-a<code>.  The rules are core's
 * (core/ambassador.c). */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"
#include "core/ambassador.h"
#include "core/campaign.h"
#include "core/core.h"
#include "core/measure.h"
#include "web/web_int.h"

#define VIA_COOKIE "kring_via"
#define VIA_AGE (7 * 86400) /* an application a few days after the visit still counts */

static const char *shown(struct http_req *r, int64_t v)
{
	return v < CORE_COUNT_FLOOR ? _r(r, "minder dan 5") : arena_printf(r->a, "%lld", (long long)v);
}

/* The Monday of an Amsterdam day number, as 1-12-2026. */
static const char *week_label(struct http_req *r, int64_t day)
{
	int y, m, d;
	biz_civil_from_days(day, &y, &m, &d);
	return arena_printf(r->a, "%d-%d-%d", d, m, y);
}

static const char *excerpt(struct http_req *r, const char *text)
{
	size_t n = strlen(text), k = 0, chars = 0;
	while (k < n && chars < 60 && text[k] != '\n') {
		k++;
		while (k < n && ((unsigned char)text[k] & 0xC0) == 0x80)
			k++;
		chars++;
	}
	const char *s = arena_strndup(r->a, text, k);
	return k < n ? arena_printf(r->a, "%s…", s) : s;
}

int h_ambassador(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account **orgs;
	size_t no = 0;
	int rc = core_post_as_orgs(CORE(r), r->a, q->viewer, &orgs, &no);
	if (rc)
		return rc;
	if (!no)
		return ERR_FORBIDDEN;
	struct ambassador *mine;
	size_t nm;
	if ((rc = core_amb_mine(CORE(r), r->a, q->viewer, &mine, &nm)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Ambassadeur"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < no; i++) {
		struct tval *o = account_model(r, orgs[i]);
		tv_set_str(r->a, o, "name", orgs[i]->username);
		tv_set_strf(r->a, o, "report_url", "/ambassadeurs/%s", orgs[i]->username);
		const struct ambassador *me = NULL;
		for (size_t j = 0; j < nm; j++)
			if (mine[j].org_id == orgs[i]->id)
				me = &mine[j];
		tv_set_bool(r->a, o, "joined", me != NULL);
		if (me) {
			tv_set_bool(r->a, o, "consent", me->consent);
			struct post **posts;
			struct amb_figures *f;
			size_t np;
			if ((rc = core_amb_shareable(CORE(r), r->a, q->viewer, orgs[i]->id, &posts, &f, &np)))
				return rc;
			struct tval *pl = tv_list(r->a);
			for (size_t k = 0; k < np; k++) {
				struct tval *x = tv_obj(r->a);
				tv_set_strf(r->a, x, "url", "/posts/%llu", (unsigned long long)posts[k]->id);
				tv_set_str(r->a, x, "text", excerpt(r, posts[k]->text));
				tv_set_strf(r->a, x, "link", "%s/l/%llu-a%llu", q->w->base_url, (unsigned long long)posts[k]->id,
				            (unsigned long long)me->code);
				tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)posts[k]->id);
				tv_set_str(r->a, x, "clicks", shown(r, f[k].clicks));
				tv_set_str(r->a, x, "reached", shown(r, f[k].reached));
				tv_set_str(r->a, x, "applied", shown(r, f[k].applied));
				tv_push(pl, x);
			}
			tv_set(o, "posts", pl);
			tv_set_bool(r->a, o, "no_posts", np == 0);
		}
		tv_push(l, o);
	}
	tv_set(m, "orgs", l);
	return page_render(r, "ambassador", m);
}

int h_ambassador_act(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = core_account_by_name(CORE(r), r->a, http_param(r, "org"), &org);
	if (rc)
		return rc;
	const char *act = http_param(r, "action");
	bool consent = http_form(r, "consent") != NULL;
	if (!strcmp(act, "meedoen") || !strcmp(act, "toestemming"))
		rc = core_amb_join(CORE(r), q->viewer, org->id, consent);
	else if (!strcmp(act, "stoppen"))
		rc = core_amb_leave(CORE(r), q->viewer, org->id);
	else
		return ERR_NOTFOUND;
	if (rc)
		return rc;
	redirect_msg(r, "/ambassadeur", "saved");
	return 0;
}

int h_ambassadors(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = core_account_by_name(CORE(r), r->a, http_param(r, "org"), &org);
	if (rc)
		return rc;
	struct amb_row *v;
	size_t n;
	if ((rc = core_amb_report(CORE(r), r->a, q->viewer, org->id, &v, &n)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Ambassadeurs"));
	tv_set(m, "org", account_model(r, org));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "who",
		           v[i].person ? (v[i].person->display_name && *v[i].person->display_name ? v[i].person->display_name
		                                                                                : v[i].person->username)
		                       : _r(r, "Anderen (zonder toestemming om hun naam te tonen)"));
		tv_set_str(r->a, x, "campaign", v[i].campaign ? v[i].campaign->name : _r(r, "Alle gedeelde berichten"));
		tv_set_str(r->a, x, "reached", shown(r, v[i].f.reached));
		tv_set_str(r->a, x, "clicks", shown(r, v[i].f.clicks));
		tv_set_str(r->a, x, "applied", shown(r, v[i].f.applied));
		tv_push(l, x);
	}
	tv_set(m, "rows", l);
	tv_set_bool(r->a, m, "none", n == 0);
	/* Visits through the links per week: bars with the numbers beside. */
	struct amb_week *w;
	if ((rc = core_amb_weeks(CORE(r), r->a, q->viewer, org->id, &w)))
		return rc;
	int64_t top = CORE_COUNT_FLOOR;
	for (int i = 0; i < CORE_AMB_WEEKS; i++)
		if (w[i].visits > top)
			top = w[i].visits;
	struct tval *wl = tv_list(r->a);
	bool few_any = false;
	for (int i = 0; i < CORE_AMB_WEEKS; i++) {
		struct tval *x = tv_obj(r->a);
		int64_t hv = w[i].visits < 0 ? CORE_COUNT_FLOOR : w[i].visits;
		int h = (int)(hv * 95 / top);
		tv_set_int(r->a, x, "x", i * 10 + 1);
		tv_set_int(r->a, x, "y", 100 - h);
		tv_set_int(r->a, x, "h", h);
		tv_set_bool(r->a, x, "few", w[i].visits < 0);
		few_any |= w[i].visits < 0;
		tv_set_str(r->a, x, "week", week_label(r, w[i].day));
		tv_set_str(r->a, x, "visits", shown(r, w[i].visits));
		tv_push(wl, x);
	}
	tv_set(m, "weeks", wl);
	tv_set_bool(r->a, m, "weeks_few", few_any);
	tv_set_int(r->a, m, "chart_w", CORE_AMB_WEEKS * 10);
	return page_render(r, "ambassadors", m);
}

int h_ambassadors_csv(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = core_account_by_name(CORE(r), r->a, http_param(r, "org"), &org);
	if (rc)
		return rc;
	struct amb_week *w;
	if ((rc = core_amb_weeks(CORE(r), r->a, q->viewer, org->id, &w)))
		return rc;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "week_starting,visits\r\n"));
	for (int i = 0; i < CORE_AMB_WEEKS; i++) {
		int y, mo, d;
		biz_civil_from_days(w[i].day, &y, &mo, &d);
		buf_nofail(buf_addf(&b, "%04d-%02d-%02d,", y, mo, d));
		if (w[i].visits < 0)
			buf_nofail(buf_adds(&b, "<5"));
		else
			buf_nofail(buf_addf(&b, "%lld", (long long)w[i].visits));
		buf_nofail(buf_adds(&b, "\r\n"));
	}
	return csv_send(r, &b, arena_printf(r->a, "ambassadeurs-%s-per-week.csv", org->username));
}

int amb_link(struct http_req *r, uint64_t post, const char *code_s)
{
	uint64_t code;
	if (!parse_u64(code_s, &code))
		return ERR_NOTFOUND;
	int rc = core_amb_visit(CORE(r), r->a, WREQ(r)->viewer, post, code);
	if (rc)
		return rc;
	/* Which link the visitor came through, for an application on the
	 * post (amb_after_click); first-party, nothing about the visitor. */
	http_set_cookie(r, VIA_COOKIE, arena_printf(r->a, "%llu.%llu", (unsigned long long)post, (unsigned long long)code),
	                VIA_AGE);
	http_redirect(r, arena_printf(r->a, "/posts/%llu", (unsigned long long)post));
	return 0;
}

void amb_after_click(struct http_req *r, uint64_t post)
{
	const char *via = http_cookie(r, VIA_COOKIE);
	const char *dot = via ? strchr(via, '.') : NULL;
	if (!dot || dot - via > 20)
		return;
	char num[21];
	memcpy(num, via, (size_t)(dot - via));
	num[dot - via] = '\0';
	uint64_t p, code;
	if (!parse_u64(num, &p) || p != post || !parse_u64(dot + 1, &code))
		return;
	/* Not a vacancy, or the ambassador stopped: nothing to count. */
	IGNORE_RESULT(core_amb_applied(CORE(r), r->a, post, code));
}

void amb_badge_model(struct http_req *r, struct tval *m, const struct account *acc)
{
	if (acc->kind != ACCOUNT_PERSON)
		return;
	struct account **orgs;
	size_t n = 0;
	if (core_amb_badges(CORE(r), r->a, acc->id, &orgs, &n) || !n)
		return;
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, account_model(r, orgs[i]));
	tv_set(m, "amb_badges", l);
}
