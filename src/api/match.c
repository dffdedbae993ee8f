/* Choosing a care worker: kring's own /api/v1/kring/match/... (docs/api.md,
 * docs/matching.md).  The rules are core's (core/match.c). */
#include "api/api_int.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/match.h"
#include "http/http.h"

/* KringMatchCard (tests/api/entities.py). */
static void ent_card(struct actx *x, struct jw *j, struct match_card *c)
{
	jw_obj(j);
	jw_key(j, "account");
	ent_account(x, j, c->acc);
	jw_kstr(j, "introduction", c->profile.intro);
	jw_kstr(j, "approach", c->profile.approach);
	jw_kbool(j, "taking_new_clients", c->profile.taking_new);
	jw_key(j, "why");
	jw_arr(j);
	if (c->why & MWHY_EXPERTISE)
		jw_str(j, "expertise");
	if (c->why & MWHY_LANGUAGE)
		jw_str(j, "language");
	if (c->why & MWHY_REGION)
		jw_str(j, "region");
	if (c->why & MWHY_TAKING_NEW)
		jw_str(j, "taking_new_clients");
	if (c->why & MWHY_AVAILABLE)
		jw_str(j, "available_this_week");
	jw_arr_end(j);
	jw_kbool(j, "liked", c->liked);
	jw_kbool(j, "requested", c->requested);
	jw_end(j);
}

/* false: answered 422 already */
static bool read_filter(struct actx *x, struct match_filter *f)
{
	struct match_filter in = {arg(x, "expertise"), arg(x, "language"), arg(x, "region")};
	if (!core_match_filter(x->a, &in, f))
		return true;
	IGNORE_RESULT(api_fail(x, 422, "Validation failed: a filter word is at most 60 characters of text"));
	return false;
}

int a_match_next(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct match_filter f;
	if (!read_filter(&x, &f))
		return 0;
	struct match_card card;
	rc = core_match_next(x.c, x.a, x.viewer, &f, &card);
	if (rc == ERR_NOTFOUND)
		return api_fail(&x, 404, "No more profiles: every match was liked or skipped");
	if (rc)
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &x.r->out);
	ent_card(&x, &j, &card);
	return 0;
}

static int card_list(struct actx *x, struct match_card *v, size_t n)
{
	struct jw j;
	json_list(x, &j);
	for (size_t i = 0; i < n; i++)
		ent_card(x, &j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

int a_match_list(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct match_filter f;
	if (!read_filter(&x, &f))
		return 0;
	struct match_card *v;
	size_t n;
	if ((rc = core_match_list(x.c, x.a, x.viewer, &f, &v, &n)))
		return rc;
	return card_list(&x, v, n);
}

int a_match_likes(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct match_card *v;
	size_t n;
	if ((rc = core_match_likes(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	return card_list(&x, v, n);
}

static int choose(struct http_req *r, int choice)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	rc = core_match_choose(x.c, x.viewer, param_id(r, "id"), choice);
	if (rc == ERR_CONFLICT)
		return api_fail(&x, 422, "Validation failed: a request was sent to this professional");
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: you cannot choose yourself");
	if (rc)
		return rc;
	return json_literal(&x, "{}");
}

int a_match_like(struct http_req *r)
{
	return choose(r, MATCH_LIKE);
}

int a_match_skip(struct http_req *r)
{
	return choose(r, MATCH_SKIP);
}

int a_match_undo(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t pro;
	if ((rc = core_match_undo(x.c, x.viewer, &pro)))
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &x.r->out);
	jw_obj(&j);
	jw_kid(&j, "undone_id", pro);
	jw_end(&j);
	return 0;
}

int a_match_request(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct guard_result g;
	struct guard_ask ask = {.confirm = arg_bool(&x, "privacy_confirm", false), .a = x.a, .result = &g};
	rc = core_match_request(x.c, x.viewer, param_id(r, "id"), arg(&x, "message"), &ask);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(&x, rc, &g);
	if (rc == ERR_NOTFOUND)
		return api_fail(&x, 404, "Like this professional first");
	if (rc == ERR_EXISTS)
		return api_fail(&x, 422, "Validation failed: you sent a request already");
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: the message is at most 1000 characters");
	if (rc)
		return rc;
	return json_literal(&x, "{}");
}

int a_match_requests(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct match_request *v;
	size_t n;
	if ((rc = core_match_requests(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&j);
		jw_key(&j, "account");
		ent_account(&x, &j, v[i].client);
		jw_kstr(&j, "message", v[i].message);
		jw_ktime(&j, "created_at", v[i].at);
		jw_end(&j);
	}
	jw_arr_end(&j);
	return 0;
}

static int profile_answer(struct actx *x)
{
	struct pro_profile p;
	int rc = core_pro_profile_get(x->c, x->a, x->viewer, &p);
	if (rc)
		return rc;
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	jw_obj(&j);
	jw_kstr(&j, "introduction", p.intro);
	jw_kstr(&j, "approach", p.approach);
	jw_kbool(&j, "taking_new_clients", p.taking_new);
	jw_end(&j);
	return 0;
}

int a_match_profile(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	return rc ? rc : profile_answer(&x);
}

int a_match_profile_set(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct pro_profile p;
	if ((rc = core_pro_profile_get(x.c, x.a, x.viewer, &p)))
		return rc;
	const char *v;
	if ((v = arg(&x, "introduction")))
		p.intro = v;
	if ((v = arg(&x, "approach")))
		p.approach = v;
	if (arg(&x, "taking_new_clients"))
		p.taking_new = arg_bool(&x, "taking_new_clients", true);
	struct guard_result g;
	struct guard_ask ask = {.confirm = arg_bool(&x, "privacy_confirm", false), .a = x.a, .result = &g};
	rc = core_pro_profile_set(x.c, x.viewer, &p, &ask);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(&x, rc, &g);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: introduction and approach are at most 1000 characters");
	if (rc == ERR_FORBIDDEN)
		return api_fail(&x, 403, "Only professionals have these profile parts");
	if (rc)
		return rc;
	return profile_answer(&x);
}
