/* Guidelines reach (issue 20, docs/measure.md): /richtlijnen/:org shows the
 * organisation's staff how many of them accepted the current guidelines
 * (an SVG bar with the numbers beside it), the text with an accept button
 * for who has not, and a reminder button.  The rule is core's
 * (core/guidelines_reach.c). */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
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
	return page_render(r, "guidelines_reach", m);
}

int h_guidelines_remind(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = core_account_by_name(CORE(r), r->a, http_param(r, "org"), &org);
	if (rc)
		return rc;
	size_t sent;
	if ((rc = core_guidelines_remind(CORE(r), r->a, q->viewer, org->id, &sent)))
		return rc;
	http_redirect(r, arena_printf(r->a, "/richtlijnen/%s?verstuurd=%zu", org->username, sent));
	return 0;
}
