/* Reviews of organisations and professionals: kring's own
 * /api/v1/kring/reviews/... (docs/api.md, docs/reviews.md).  Every rule is
 * core's (core/review.c); this file reads arguments and writes JSON. */
#include "api/api_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/text.h"
#include "core/review.h"
#include "http/http.h"

static const char *state_name(int s)
{
	switch (s) {
	case REVIEW_PUBLISHED: return "published";
	case REVIEW_QUEUED: return "held";
	case REVIEW_REMOVED: return "removed";
	default: return "withdrawn";
	}
}

static const char *relation_name(int r)
{
	switch (r) {
	case REL_GROUP: return "group";
	case REL_CONVERSATION: return "conversation";
	case REL_APPOINTMENT: return "appointment";
	case REL_CONSULT: return "consultation";
	default: return "none";
	}
}

static const char *month_of(struct actx *x, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	return arena_printf(x->a, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1);
}

/* KringReview (tests/api/entities.py). */
static void ent_review(struct actx *x, struct jw *j, struct review *rv, bool moderator)
{
	jw_obj(j);
	jw_kid(j, "id", rv->id);
	jw_kid(j, "provider_id", rv->provider_id);
	jw_key(j, "marks");
	jw_obj(j);
	for (int k = 0; k < REVIEW_ASPECTS; k++)
		jw_kint(j, core_review_aspects[k], rv->marks[k]);
	jw_end(j);
	jw_kstr(j, "text", rv->text);
	jw_kstr(j, "service", rv->service ? rv->service : "");
	jw_kstr(j, "experience", month_of(x, rv->experience_at));
	jw_kstr(j, "relation", relation_name(rv->relation));
	jw_kstr(j, "state", state_name(rv->state));
	jw_ktime(j, "created_at", rv->created_at);
	jw_ktime(j, "updated_at", rv->updated_at);
	if (rv->reply_at)
		jw_kstr(j, "reply", rv->reply);
	else
		jw_knull(j, "reply");
	jw_ktime(j, "reply_at", rv->reply_at);
	jw_kbool(j, "mine", x->viewer && rv->author_id == x->viewer);
	if (rv->author) {
		jw_key(j, "author");
		ent_account(x, j, rv->author);
	} else
		jw_knull(j, "author");
	if (rv->reason && rv->reason[0] && (moderator || rv->author))
		jw_kstr(j, "reason", rv->reason);
	else
		jw_knull(j, "reason");
	jw_key(j, "signals");
	jw_arr(j);
	if (moderator) {
		if (rv->signals & RSIG_DUPLICATE)
			jw_str(j, "duplicate_text");
		if (rv->signals & RSIG_BURST)
			jw_str(j, "burst");
		if (rv->signals & RSIG_NEW_ACCOUNT)
			jw_str(j, "new_account");
	}
	jw_arr_end(j);
	jw_end(j);
}

static const char *problem_text(enum review_problem p)
{
	switch (p) {
	case RP_NOT_PROVIDER: return "Only organisations and professionals can be reviewed";
	case RP_SELF: return "You cannot review yourself or your own organisation";
	case RP_NO_RELATION:
		return "You can review only a provider you have a relation with in kring: membership of its group for"
		       " some weeks, a conversation it answered, a completed appointment or a consultation question it"
		       " answered (following is not enough)";
	case RP_TOO_SOON: return "You have not been a member of the provider's group long enough yet";
	case RP_TAKEN: return "You have already reviewed this provider for this relation";
	case RP_MARKS: return "Validation failed: give every aspect a mark from 1 to 10";
	case RP_TEXT: return "Validation failed: write an explanation of at most 200 words";
	case RP_EXPERIENCE: return "Validation failed: experience must be a month (YYYY-MM) of the last 3 years";
	case RP_SERVICE: return "Reviews are switched off for this service";
	default: return "Not allowed";
	}
}

static int review_fail(struct actx *x, int rc, enum review_problem why, const struct guard_result *g)
{
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(x, rc, g);
	if (rc == ERR_FORBIDDEN && why != RP_OK)
		return api_fail(x, 403, problem_text(why));
	if (rc == ERR_INVAL)
		return api_fail(x, 422, why != RP_OK ? problem_text(why) : "Validation failed");
	return rc;
}

static bool read_input(struct actx *x, struct review_input *in)
{
	memset(in, 0, sizeof *in);
	for (int k = 0; k < REVIEW_ASPECTS; k++) {
		const char *v = arg(x, core_review_aspects[k]);
		char name[32];
		if (!v) {
			snprintf(name, sizeof name, "marks[%s]", core_review_aspects[k]);
			v = arg(x, name);
		}
		uint64_t m = 0;
		in->marks[k] = v && parse_u64(v, &m) && m <= 10 ? (int)m : 0;
	}
	in->text = arg(x, "text");
	in->experience = arg(x, "experience");
	in->service = arg(x, "service");
	return true;
}

static bool is_mod(struct actx *x)
{
	return core_review_moderator(x->c, x->viewer);
}

int a_review_list(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t provider = 0;
	if (!arg_id(&x, "provider_id", &provider))
		return api_fail(&x, 422, "Validation failed: provider_id is required");
	struct review *v;
	size_t n;
	if ((rc = core_review_list(x.c, x.a, x.viewer, provider, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_review(&x, &j, &v[i], false);
	jw_arr_end(&j);
	return 0;
}

int a_review_mine(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct review *v;
	size_t n;
	if ((rc = core_review_mine(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_review(&x, &j, &v[i], false);
	jw_arr_end(&j);
	return 0;
}

int a_review_score(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t provider = param_id(r, "id");
	struct review_score s;
	if ((rc = core_review_score(x.c, x.a, provider, &s)))
		return rc;
	json_begin(&x);
	struct jw jj, *j = &jj;
	jw_init(j, &x.r->out);
	jw_obj(j);
	jw_kid(j, "provider_id", provider);
	jw_kint(j, "count", s.count);
	jw_kint(j, "threshold", s.threshold);
	jw_kbool(j, "shown", s.shown);
	/* an average is a number: written with one decimal, or null below the threshold */
	jw_key(j, "average");
	if (s.shown)
		jw_dec1(j, s.average);
	else
		jw_null(j);
	jw_key(j, "aspects");
	jw_obj(j);
	for (int k = 0; k < REVIEW_ASPECTS; k++) {
		jw_key(j, core_review_aspects[k]);
		if (s.shown)
			jw_dec1(j, s.aspects[k]);
		else
			jw_null(j);
	}
	jw_end(j);
	jw_key(j, "spread");
	jw_arr(j);
	for (int m = 1; m <= 10; m++)
		jw_int(j, s.spread[m]);
	jw_arr_end(j);
	jw_kint(j, "years", CORE_REVIEW_SCORE_YEARS);
	jw_end(j);
	return 0;
}

int a_review_eligibility(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	enum review_problem why = RP_OK;
	int rel = REL_NONE;
	rc = core_review_can(x.c, x.a, x.viewer, param_id(r, "id"), &why, &rel);
	if (rc && rc != ERR_FORBIDDEN)
		return rc;
	json_begin(&x);
	struct jw jj, *j = &jj;
	jw_init(j, &x.r->out);
	jw_obj(j);
	jw_kbool(j, "allowed", rc == 0);
	jw_kstr(j, "relation", relation_name(rc ? REL_NONE : rel));
	if (rc)
		jw_kstr(j, "reason", problem_text(why));
	else
		jw_knull(j, "reason");
	jw_end(j);
	return 0;
}

static int answer_one(struct actx *x, struct review *rv)
{
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_review(x, &j, rv, false);
	return 0;
}

int a_review_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct review_input in;
	read_input(&x, &in);
	if (!arg_id(&x, "provider_id", &in.provider))
		return api_fail(&x, 422, "Validation failed: provider_id is required");
	struct guard_result g;
	struct guard_ask ask = {.confirm = arg_bool(&x, "privacy_confirm", false), .a = x.a, .result = &g};
	enum review_problem why;
	struct review rv;
	rc = core_review_create(x.c, x.a, x.viewer, &in, &ask, &why, &rv);
	if (rc)
		return review_fail(&x, rc, why, &g);
	return answer_one(&x, &rv);
}

int a_review_edit(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct review_input in;
	read_input(&x, &in);
	struct guard_result g;
	struct guard_ask ask = {.confirm = arg_bool(&x, "privacy_confirm", false), .a = x.a, .result = &g};
	enum review_problem why;
	struct review rv;
	rc = core_review_edit(x.c, x.a, x.viewer, param_id(r, "id"), &in, &ask, &why, &rv);
	if (rc)
		return review_fail(&x, rc, why, &g);
	return answer_one(&x, &rv);
}

int a_review_withdraw(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_review_withdraw(x.c, x.viewer, param_id(r, "id"))))
		return rc;
	return json_literal(&x, "{}");
}

int a_review_reply(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	struct guard_result g;
	struct guard_ask ask = {.confirm = arg_bool(&x, "privacy_confirm", false), .a = x.a, .result = &g};
	rc = core_review_reply(x.c, x.a, x.viewer, id, arg(&x, "text"), &ask);
	if (rc == ERR_EXISTS)
		return api_fail(&x, 422, "Validation failed: the provider has replied to this review already");
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: write a reply of at most 200 words");
	if (rc)
		return review_fail(&x, rc, RP_OK, &g);
	struct review rv;
	if ((rc = core_review_get(x.c, x.a, x.viewer, id, &rv)))
		return rc;
	return answer_one(&x, &rv);
}

int a_review_queue(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct review *v;
	size_t n;
	if ((rc = core_review_queue(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_review(&x, &j, &v[i], true);
	jw_arr_end(&j);
	return 0;
}

static int moderate(struct http_req *r, bool publish)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	rc = core_review_moderate(x.c, x.viewer, id, publish, arg(&x, "reason"));
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: a removal needs a reason (at most 500 characters)");
	if (rc == ERR_CONFLICT)
		return api_fail(&x, 422, "Validation failed: only a held review can be published");
	if (rc)
		return rc;
	struct review rv;
	if ((rc = core_review_get(x.c, x.a, x.viewer, id, &rv)))
		return rc;
	bool mod = is_mod(&x);
	json_begin(&x);
	struct jw j;
	jw_init(&j, &x.r->out);
	ent_review(&x, &j, &rv, mod);
	return 0;
}

int a_review_approve(struct http_req *r)
{
	return moderate(r, true);
}

int a_review_remove(struct http_req *r)
{
	return moderate(r, false);
}

int a_review_log(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct review_log_entry *v;
	size_t n;
	if ((rc = core_review_log(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&j);
		jw_kid(&j, "id", v[i].id);
		jw_kid(&j, "review_id", v[i].review_id);
		jw_kid(&j, "actor_id", v[i].actor_id);
		jw_kstr(&j, "action", v[i].action);
		jw_kstr(&j, "reason", v[i].reason);
		jw_ktime(&j, "created_at", v[i].created_at);
		jw_end(&j);
	}
	jw_arr_end(&j);
	return 0;
}

int a_review_services(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t org = 0;
	if (!arg_id(&x, "org_id", &org))
		return api_fail(&x, 422, "Validation failed: org_id is required");
	rc = core_review_service_set(x.c, x.viewer, org, arg(&x, "service"), arg_bool(&x, "off", true));
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: name the service (at most 80 characters)");
	if (rc)
		return rc;
	const char **v;
	size_t n;
	if ((rc = core_review_services_off(x.c, x.a, org, &v, &n)))
		return rc;
	json_begin(&x);
	struct jw jj, *j = &jj;
	jw_init(j, &x.r->out);
	jw_obj(j);
	jw_kid(j, "org_id", org);
	jw_key(j, "services_off");
	jw_arr(j);
	for (size_t i = 0; i < n; i++)
		jw_str(j, v[i]);
	jw_arr_end(j);
	jw_end(j);
	return 0;
}
