/* Guidelines reach (issue 20, docs/measure.md): /richtlijnen/:org shows the
 * organisation's staff how many of them accepted the current guidelines
 * (an SVG bar with the numbers beside it), the text with an accept button
 * for who has not, and a reminder button.  The rule is core's
 * (core/guidelines_reach.c). */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "base/err.h"
#include "core/core.h"
#include "core/guidelines_reach.h"
#include "web/web_int.h"

int h_guidelines_reach(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = core_account_by_name(CORE(r), r->a, http_param(r, "org"), &org);
	if (rc)
		return rc;
	struct guidelines_reach g;
	if ((rc = core_guidelines_reach(CORE(r), r->a, q->viewer, org->id, &g)))
		return rc;
	const char *text = "";
	if ((rc = core_guidelines_get(CORE(r), r->a, org->id, &text)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Richtlijnen voor sociale media"));
	tv_set(m, "org", account_model(r, org));
	tv_set_bool(r->a, m, "has_guidelines", g.has_guidelines);
	tv_set_str(r->a, m, "text", text);
	tv_set_int(r->a, m, "percent", g.percent);
	tv_set_str(r->a, m, "progress_text",
	           arena_printf(r->a, "%lld %s %lld %s (%d %%)", (long long)g.accepted, _r(r, "van de"),
	                        (long long)g.staff, _r(r, "medewerkers accepteerden de huidige richtlijnen"), g.percent));
	tv_set_bool(r->a, m, "viewer_accepted", g.viewer_accepted);
	tv_set_bool(r->a, m, "all_accepted", g.accepted == g.staff);
	const char *sent = http_query(r, "verstuurd");
	if (sent && strlen(sent) < 8)
		tv_set_str(r->a, m, "sent", sent);
	const char *wait = http_query(r, "wacht"), *from = http_query(r, "vanaf");
	if (wait && from && strlen(wait) < 8 && strlen(from) <= 10 && strspn(wait, "0123456789") == strlen(wait) &&
	    strspn(from, "0123456789-") == strlen(from)) {
		tv_set_str(r->a, m, "waiting", wait);
		tv_set_str(r->a, m, "waiting_from", from);
	}
	return page_render(r, "guidelines_reach", m);
}

int h_guidelines_remind(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = core_account_by_name(CORE(r), r->a, http_param(r, "org"), &org);
	if (rc)
		return rc;
	struct guidelines_remind g;
	rc = core_guidelines_remind(CORE(r), r->a, q->viewer, org->id, &g);
	if (rc && rc != ERR_RATE)
		return rc;
	/* Everyone to remind was reminded too recently: the page says so and
	 * from which day it is possible again (no one is named). */
	const char *url = arena_printf(r->a, "/richtlijnen/%s?verstuurd=%zu", org->username, g.sent);
	if (g.waiting) {
		int64_t d = biz_amsterdam_day(g.next_at);
		int y, mo, dd;
		biz_civil_from_days(d, &y, &mo, &dd);
		url = arena_printf(r->a, "%s&wacht=%zu&vanaf=%d-%d-%d", url, g.waiting, dd, mo, y);
	}
	http_redirect(r, url);
	return 0;
}
