/* Reach of a post: kring's own GET /api/v1/kring/posts/:id/reach
 * (docs/api.md, docs/measure.md).  The rule is core's (core/reach.c): the
 * author side only, a count and never who, fewer than 5 not as a number. */
#include "api/api_int.h"

#include "base/arena.h"
#include "base/err.h"
#include "core/reach.h"
#include "http/http.h"

int a_post_reach(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct post_reach pr;
	if ((rc = core_post_reach(x.c, x.a, x.viewer, param_id(r, "id"), &pr)))
		return rc;
	json_begin(&x);
	struct jw jj, *j = &jj;
	jw_init(j, &x.r->out);
	jw_obj(j);
	jw_kid(j, "id", pr.post);
	if (pr.reach_below_5)
		jw_knull(j, "reach");
	else
		jw_kint(j, "reach", pr.reach);
	jw_kbool(j, "reach_below_5", pr.reach_below_5);
	jw_kint(j, "favourites_count", pr.favs);
	jw_kint(j, "reblogs_count", pr.boosts);
	jw_kint(j, "replies_count", pr.replies);
	/* Clicks on the links of an organisation's post (the /l/ redirect). */
	if (!pr.links_counted || pr.clicks_below_5)
		jw_knull(j, "link_clicks");
	else
		jw_kint(j, "link_clicks", pr.clicks);
	jw_kbool(j, "link_clicks_below_5", pr.links_counted && pr.clicks_below_5);
	jw_end(j);
	return 0;
}
