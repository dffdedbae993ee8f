/* The reach of a post, for its author side: /posts/:id/bereik (issue 20,
 * docs/measure.md).  The rule is core's (core/reach.c); this page shows the
 * numbers, fewer than 5 people not as a number, and never who. */
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/text.h"
#include "core/core.h"
#include "core/reach.h"
#include "web/web_int.h"

static struct tval *figure(struct http_req *r, const char *label, int64_t n)
{
	struct tval *x = tv_obj(r->a);
	tv_set_str(r->a, x, "label", _r(r, label));
	tv_set_strf(r->a, x, "value", "%lld", (long long)n);
	return x;
}

int h_post_reach(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *s = http_param(r, "id");
	uint64_t id;
	if (!s || !parse_u64(s, &id))
		return ERR_NOTFOUND;
	struct post_reach pr;
	int rc = core_post_reach(q->w->core, r->a, q->viewer, id, &pr);
	if (rc)
		return rc;
	struct post *p;
	if ((rc = core_post_get(q->w->core, r->a, q->viewer, id, &p)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Bereik van uw bericht"));
	tv_set(m, "post", post_model(r, p));
	struct tval *l = tv_list(r->a);
	struct tval *reach = tv_obj(r->a);
	tv_set_str(r->a, reach, "label", _r(r, "Mensen die het zagen"));
	if (pr.reach_below_5)
		tv_set_str(r->a, reach, "value", _r(r, "minder dan 5"));
	else
		tv_set_strf(r->a, reach, "value", "%lld", (long long)pr.reach);
	tv_push(l, reach);
	tv_push(l, figure(r, "Fijn gevonden", pr.favs));
	tv_push(l, figure(r, "Gedeeld", pr.boosts));
	tv_push(l, figure(r, "Reacties", pr.replies));
	if (pr.links_counted) {
		struct tval *cl = tv_obj(r->a);
		tv_set_str(r->a, cl, "label", _r(r, "Klikken op links"));
		if (pr.clicks_below_5)
			tv_set_str(r->a, cl, "value", _r(r, "minder dan 5"));
		else
			tv_set_strf(r->a, cl, "value", "%lld", (long long)pr.clicks);
		tv_push(l, cl);
	}
	tv_set(m, "figures", l);
	return page_render(r, "reach", m);
}

/* /l/<post>-<n>: a click on the n-th link of an organisation's post,
 * counted, then on to the address (only ever one that is in the post). */
int h_link(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *t = http_param(r, "token");
	const char *dash = t ? strchr(t, '-') : NULL;
	uint64_t post, n;
	if (!dash || dash == t || dash - t > 20)
		return ERR_NOTFOUND;
	char num[21];
	memcpy(num, t, (size_t)(dash - t));
	num[dash - t] = '\0';
	if (!parse_u64(num, &post))
		return ERR_NOTFOUND;
	/* An ambassador's personal link to the post (web/ambassador.c). */
	if (dash[1] == 'a')
		return amb_link(r, post, dash + 2);
	if (!parse_u64(dash + 1, &n) || n > 1000)
		return ERR_NOTFOUND;
	const char *url;
	int rc = core_link_click(q->w->core, r->a, q->viewer, post, (int)n, &url);
	if (rc)
		return rc;
	amb_after_click(r, post);
	http_redirect(r, url);
	return 0;
}
