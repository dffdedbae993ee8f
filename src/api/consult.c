/* Consultation hours in kring's own API (/api/v1/kring/consult/...):
 * sessions, questions, answers.  Who sees what, and who asked, is core's
 * (core/consult.c): an anonymous asker reaches this file as asker_id 0, so
 * no answer can name them. */
#include "api/api_int.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/consult.h"
#include "http/http.h"

static const char *audience_name(int a)
{
	return a == CONSULT_FOLLOWERS ? "followers" : a == CONSULT_GROUP ? "group" : "everyone";
}

static const char *state_name(int s)
{
	return s == CQ_ANSWERED ? "answered" : s == CQ_DECLINED ? "declined" : s == CQ_MERGED ? "merged" : "open";
}

/* KringConsultSession (tests/api/entities.py). */
static void ent_session(struct actx *x, struct jw *j, struct consult_session *cs, const struct consult_stats *st)
{
	jw_obj(j);
	jw_kid(j, "id", cs->id);
	jw_key(j, "account");
	ent_account(x, j, cs->owner);
	jw_kstr(j, "topic", cs->topic);
	jw_kstr(j, "disclaimer", cs->disclaimer);
	jw_ktime(j, "starts_at", cs->starts_at);
	jw_ktime(j, "ends_at", cs->ends_at);
	jw_kstr(j, "audience", audience_name(cs->audience));
	if (cs->group_id)
		jw_kid(j, "group_id", cs->group_id);
	else
		jw_knull(j, "group_id");
	jw_kbool(j, "answers_private", cs->answers_private);
	jw_kid(j, "announcement_id", cs->post_id);
	jw_kstr(j, "url", arena_printf(x->a, "%s/consult/%llu", x->base, (unsigned long long)cs->id));
	jw_kbool(j, "following", cs->v_following);
	jw_kbool(j, "staff", cs->v_staff);
	if (st) {
		jw_key(j, "statistics");
		jw_obj(j);
		jw_kint(j, "questions", st->questions);
		jw_kint(j, "answered", st->answered);
		if (st->median_seconds >= 0)
			jw_kint(j, "median_seconds_to_answer", st->median_seconds);
		else
			jw_knull(j, "median_seconds_to_answer");
		jw_end(j);
	}
	jw_end(j);
}

/* KringConsultQuestion, with its answers (KringConsultAnswer). */
static void ent_question(struct actx *x, struct jw *j, const struct consult_question *q)
{
	jw_obj(j);
	jw_kid(j, "id", q->id);
	jw_kid(j, "session_id", q->session_id);
	jw_kstr(j, "text", q->text);
	jw_kstr(j, "visibility", q->private_q ? "private" : q->anonymous ? "anonymous" : "public");
	jw_kbool(j, "anonymous", q->anonymous);
	jw_kstr(j, "state", state_name(q->state));
	jw_kstr(j, "reason", q->reason ? q->reason : "");
	jw_key(j, "account");
	if (q->asker)
		ent_account(x, j, q->asker);
	else
		jw_null(j);
	if (q->pseudonym)
		jw_kint(j, "pseudonym", q->pseudonym);
	else
		jw_knull(j, "pseudonym");
	jw_kbool(j, "mine", q->mine);
	jw_ktime(j, "created_at", q->created_at);
	if (q->merged_into)
		jw_kid(j, "merged_into_id", q->merged_into);
	else
		jw_knull(j, "merged_into_id");
	jw_kstr(j, "url", arena_printf(x->a, "%s/consult/q/%llu", x->base, (unsigned long long)q->id));
	jw_key(j, "answers");
	jw_arr(j);
	for (size_t i = 0; i < q->nanswers; i++) {
		jw_obj(j);
		jw_kid(j, "id", q->answers[i].id);
		jw_kid(j, "question_id", q->id);
		jw_kstr(j, "text", q->answers[i].text);
		jw_ktime(j, "created_at", q->answers[i].created_at);
		jw_kbool(j, "accepted", q->answers[i].accepted);
		jw_end(j);
	}
	jw_arr_end(j);
	jw_end(j);
}

static int fail(struct actx *x, int rc)
{
	switch (rc) {
	case ERR_INVAL:
		return api_fail(x, 422, "Validation failed: a text is empty or too long, or a value is invalid");
	case ERR_TOOBIG:
		return api_fail(x, 422, "Validation failed: you asked the most questions one person may ask here");
	case ERR_CONFLICT:
		return api_fail(x, 409, "This consultation hour is over, or the question was already dealt with");
	case ERR_GUIDELINES:
		return api_fail(x, 422, "Validation failed: accept the organisation's guidelines on the website first");
	case ERR_FORBIDDEN:
		return api_fail(x, 403, "You may not do this in this consultation hour");
	default:
		return rc;
	}
}

static int session_out(struct actx *x, uint64_t id)
{
	struct consult_session *cs;
	struct consult_stats st;
	int rc = core_consult_get(x->c, x->a, x->viewer, id, &cs);
	if (rc || (rc = core_consult_stats(x->c, x->a, x->viewer, id, &st)))
		return rc;
	struct jw j;
	json_begin(x);
	jw_init(&j, &x->r->out);
	ent_session(x, &j, cs, &st);
	return 0;
}

static int question_out(struct actx *x, uint64_t id)
{
	struct consult_session *cs;
	struct consult_question *q;
	int rc = core_consult_question(x->c, x->a, x->viewer, id, &cs, &q);
	if (rc)
		return rc;
	struct jw j;
	json_begin(x);
	jw_init(&j, &x->r->out);
	ent_question(x, &j, q);
	return 0;
}

int a_consult_sessions(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t owner = 0;
	if (arg(&x, "account_id") && !arg_id(&x, "account_id", &owner))
		return api_fail(&x, 422, "Validation failed: account_id is not an id");
	struct consult_session *v;
	size_t n;
	if ((rc = core_consult_list(x.c, x.a, x.viewer, owner, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_session(&x, &j, &v[i], NULL);
	jw_arr_end(&j);
	return 0;
}

int a_consult_open(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct consult_open in = {
	        .topic = arg(&x, "topic"),
	        .disclaimer = arg(&x, "disclaimer"),
	        .answers_private = arg_bool(&x, "answers_private", false),
	        .link_base = x.base,
	        .confirm = arg_bool(&x, "privacy_confirm", false),
	};
	if (!arg_id(&x, "account_id", &in.owner_id))
		in.owner_id = x.viewer;
	const char *aud = arg(&x, "audience");
	in.audience = !aud || !strcmp(aud, "everyone") ? CONSULT_EVERYONE
	              : !strcmp(aud, "followers")      ? CONSULT_FOLLOWERS
	              : !strcmp(aud, "group")          ? CONSULT_GROUP
	                                               : -1;
	if (in.audience == CONSULT_GROUP && !arg_id(&x, "group_id", &in.group_id))
		in.audience = -1;
	struct guard_result g;
	memset(&g, 0, sizeof g);
	in.guard = &g;
	uint64_t id;
	if (!core_consult_time(arg(&x, "starts_at"), &in.starts_at) ||
	    !core_consult_time(arg(&x, "ends_at"), &in.ends_at))
		return api_fail(&x, 422,
		                "Validation failed: starts_at and ends_at are times such as 2026-12-02T10:00:00Z");
	rc = core_consult_open(x.c, x.a, x.viewer, &in, &id);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(&x, rc, &g);
	if (rc)
		return fail(&x, rc);
	return session_out(&x, id);
}

int a_consult_session(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return session_out(&x, param_id(r, "id"));
}

int a_consult_follow(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	if ((rc = core_consult_follow(x.c, x.viewer, id, !strcmp(path_last(r), "follow"))))
		return rc;
	return session_out(&x, id);
}

int a_consult_questions(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct consult_question *v;
	size_t n;
	if ((rc = core_consult_questions(x.c, x.a, x.viewer, param_id(r, "id"), &v, &n, NULL)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_question(&x, &j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

int a_consult_ask(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *k = arg(&x, "visibility");
	int kind = !k || !strcmp(k, "public") ? CONSULT_Q_PUBLIC
	           : !strcmp(k, "private")    ? CONSULT_Q_PRIVATE
	           : !strcmp(k, "anonymous")  ? CONSULT_Q_ANONYMOUS
	                                      : -1;
	struct guard_result g;
	memset(&g, 0, sizeof g);
	uint64_t id;
	rc = core_consult_ask(x.c, x.a, x.viewer, param_id(r, "id"), kind, arg(&x, "text"),
	                      arg_bool(&x, "privacy_confirm", false), &g, &id);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(&x, rc, &g);
	if (rc)
		return fail(&x, rc);
	return question_out(&x, id);
}

int a_consult_question(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return question_out(&x, param_id(r, "id"));
}

int a_consult_answer(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct guard_result g;
	memset(&g, 0, sizeof g);
	uint64_t id = param_id(r, "id");
	rc = core_consult_answer(x.c, x.a, x.viewer, id, arg(&x, "text"), arg_bool(&x, "privacy_confirm", false), &g,
	                         NULL);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(&x, rc, &g);
	if (rc)
		return fail(&x, rc);
	return question_out(&x, id);
}

/* decline (reason), private, merge (into_id), accept (answer_id). */
int a_consult_act(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id"), other = 0;
	const char *action = path_last(r);
	if (!strcmp(action, "decline"))
		rc = core_consult_decline(x.c, x.viewer, id, arg(&x, "reason"));
	else if (!strcmp(action, "private"))
		rc = core_consult_make_private(x.c, x.viewer, id);
	else if (!strcmp(action, "merge"))
		rc = arg_id(&x, "into_id", &other) ? core_consult_merge(x.c, x.viewer, id, other) : ERR_INVAL;
	else if (!strcmp(action, "accept"))
		rc = arg_id(&x, "answer_id", &other) ? core_consult_accept(x.c, x.viewer, id, other) : ERR_INVAL;
	else if (!strcmp(action, "report")) /* the answer is the question as the reporter sees it: no asker */
		rc = core_consult_report(x.c, x.a, x.viewer, id, arg(&x, "comment"));
	else
		rc = ERR_NOTFOUND;
	if (rc)
		return fail(&x, rc);
	return question_out(&x, id);
}

int a_consult_search(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct consult_question *v;
	size_t n;
	if ((rc = core_consult_search(x.c, x.a, x.viewer, arg(&x, "q"), &v, &n)))
		return fail(&x, rc == ERR_TOOBIG ? ERR_INVAL : rc);
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_question(&x, &j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

/* PUT /api/v1/kring/consult/sessions/:id: the session's staff change topic,
 * disclaimer, starts_at, ends_at (each optional: left out, it stays).
 * DELETE: remove it with its questions and answers (answers {}). */
int a_consult_change(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	struct consult_session *cs;
	if ((rc = core_consult_get(x.c, x.a, x.viewer, id, &cs)))
		return rc;
	if (r->method == HTTP_DELETE) {
		if ((rc = core_consult_delete(x.c, x.a, x.viewer, id)))
			return fail(&x, rc);
		return json_literal(&x, "{}");
	}
	const char *topic = arg(&x, "topic"), *disclaimer = arg(&x, "disclaimer");
	const char *from = arg(&x, "starts_at"), *until = arg(&x, "ends_at");
	struct consult_open in = {
	        .topic = topic ? topic : cs->topic,
	        .disclaimer = disclaimer ? disclaimer : cs->disclaimer,
	        .starts_at = cs->starts_at,
	        .ends_at = cs->ends_at,
	        .link_base = x.base,
	        .confirm = arg_bool(&x, "privacy_confirm", false),
	};
	if ((from && !core_consult_time(from, &in.starts_at)) || (until && !core_consult_time(until, &in.ends_at)))
		return api_fail(&x, 422,
		                "Validation failed: starts_at and ends_at are times such as 2026-12-02T10:00:00Z");
	struct guard_result g;
	memset(&g, 0, sizeof g);
	in.guard = &g;
	rc = core_consult_edit(x.c, x.a, x.viewer, id, &in);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(&x, rc, &g);
	if (rc)
		return fail(&x, rc);
	return session_out(&x, id);
}
