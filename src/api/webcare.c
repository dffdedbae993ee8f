/* kring's own API for webcare: /api/v1/kring/webcare/:org/...  The inbox,
 * an item with its history, status, notes, assignment and answering.  Who
 * may is core's (core/webcare.c): the organisation's staff; anyone else
 * gets 404. */
#include "api/api_int.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/text.h"
#include "core/webcare.h"
#include "http/http.h"

static const char *const status_keys[] = {"new", "assigned", "answered", "followed_up", "closed", "pending"};

static int parse_status(const char *s)
{
	for (int i = 0; s && i < (int)(sizeof status_keys / sizeof status_keys[0]); i++)
		if (!strcmp(s, status_keys[i]))
			return i;
	return -3;
}

/* KringWebcareItem (docs/api.md). */
static void ent_item(struct jw *j, const struct wc_item *it, const struct wc_event *ev, size_t nev)
{
	jw_obj(j);
	jw_kid(j, "id", it->id);
	jw_kstr(j, "kind", it->kind);
	jw_kstr(j, "origin", it->origin);
	jw_kid(j, "status_id", it->post_id);
	jw_kid(j, "account_id", it->author_id);
	jw_kstr(j, "author_name", it->author_name);
	jw_kstr(j, "url", it->url);
	jw_kstr(j, "title", it->title);
	jw_kstr(j, "text", it->text);
	jw_ktime(j, "created_at", it->created_at);
	jw_kstr(j, "status", status_keys[it->status]);
	jw_ktime(j, "snoozed_until", it->status == WC_PENDING ? it->snooze_until : 0);
	jw_kstr(j, "topic", it->topic);
	jw_kint(j, "priority", it->priority);
	jw_kid(j, "team_id", it->team_id);
	jw_kid(j, "assignee_id", it->assignee_id);
	jw_kstr(j, "sentiment", it->sentiment);
	jw_kint(j, "score_milli", it->score_milli);
	jw_kbool(j, "urgent", it->urgent);
	jw_ktime(j, "first_answer_at", it->first_answer_at);
	jw_ktime(j, "follow_up_at", it->followup_sent ? 0 : it->followup_at);
	if (ev) {
		jw_key(j, "history");
		jw_arr(j);
		for (size_t i = 0; i < nev; i++) {
			jw_obj(j);
			jw_kid(j, "id", ev[i].id);
			jw_kstr(j, "action", ev[i].action);
			jw_kstr(j, "note", ev[i].note);
			jw_kid(j, "account_id", ev[i].actor_id);
			jw_ktime(j, "created_at", ev[i].created_at);
			jw_end(j);
		}
		jw_arr_end(j);
	}
	jw_end(j);
}

static int begin(struct http_req *r, struct actx *x, struct account **org)
{
	int rc = api_begin(r, x);
	if (rc)
		return rc;
	if (!x->viewer)
		return ERR_AUTH;
	return core_wc_org(x->c, x->a, x->viewer, http_param(r, "org"), org);
}

int a_wc_items(struct http_req *r)
{
	struct actx x;
	struct account *org;
	int rc = begin(r, &x, &org);
	if (rc)
		return rc;
	const char *st = arg(&x, "status"), *topic = arg(&x, "topic");
	uint64_t team = 0;
	if (arg(&x, "team_id") && !arg_id(&x, "team_id", &team))
		return api_fail(&x, 422, "Validation failed: team_id is not an id");
	struct wc_filter f = {.status = -1, .topic = topic && *topic ? topic : NULL, .team_id = team};
	const char *lim = arg(&x, "limit");
	uint64_t l = 0;
	f.limit = lim && parse_u64(lim, &l) && l > 0 && l <= 200 ? (int)l : 40;
	if (st && *st && strcmp(st, "open"))
		f.status = !strcmp(st, "all") ? -2 : parse_status(st);
	if (f.status == -3)
		return api_fail(&x, 422, "Validation failed: status is not one of open, all, new, assigned, answered, "
		                         "followed_up, closed, pending");
	struct wc_item *v;
	size_t n;
	if ((rc = core_wc_items(x.c, x.a, x.viewer, org->id, &f, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_item(&j, &v[i], NULL, 0);
	jw_arr_end(&j);
	return 0;
}

static int show(struct actx *x, uint64_t org, uint64_t id)
{
	struct wc_item *it;
	struct wc_event *ev;
	size_t nev;
	int rc = core_wc_item(x->c, x->a, x->viewer, org, id, &it, &ev, &nev);
	if (rc)
		return rc;
	struct jw j;
	json_begin(x);
	jw_init(&j, &x->r->out);
	ent_item(&j, it, ev, nev);
	return 0;
}

int a_wc_item(struct http_req *r)
{
	struct actx x;
	struct account *org;
	int rc = begin(r, &x, &org);
	if (rc)
		return rc;
	return show(&x, org->id, param_id(r, "id"));
}

int a_wc_item_action(struct http_req *r)
{
	struct actx x;
	struct account *org;
	int rc = begin(r, &x, &org);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	const char *action = path_last(r);
	if (!strcmp(action, "status")) {
		int s = parse_status(arg(&x, "status"));
		int64_t until = 0;
		const char *u = arg(&x, "until");
		if (u && *u && !api_parse_time(u, &until))
			return api_fail(&x, 422, "Validation failed: until is not a time");
		rc = s < 0 ? ERR_INVAL : core_wc_status(x.c, x.viewer, org->id, id, s, until);
		if (rc == ERR_INVAL)
			return api_fail(&x, 422,
			                "Validation failed: status (pending needs until, in the future and within a year;"
			                " assigned and new go through assign)");
	} else if (!strcmp(action, "notes")) {
		rc = core_wc_note(x.c, x.viewer, org->id, id, arg(&x, "text"));
		if (rc == ERR_INVAL || rc == ERR_TOOBIG)
			return api_fail(&x, 422, "Validation failed: text must be 1 to 5000 characters");
	} else if (!strcmp(action, "assign")) {
		uint64_t person = 0;
		if (arg(&x, "account_id") && !arg_id(&x, "account_id", &person))
			return api_fail(&x, 422, "Validation failed: account_id is not an id");
		rc = core_wc_assign(x.c, x.viewer, org->id, id, person);
		if (rc == ERR_INVAL)
			return api_fail(&x, 422, "Validation failed: account_id is not staff of the organisation");
	} else if (!strcmp(action, "answer")) {
		struct guard_result g;
		memset(&g, 0, sizeof g);
		int why = 0;
		const char *as = arg(&x, "as");
		struct wc_answer ans = {
			.text = arg(&x, "text"),
			.as_org = !as || strcmp(as, "self"),
			.confirm = arg_bool(&x, "confirm", false),
			.confirm_same = arg_bool(&x, "confirm_same", false),
			.guard = &g,
			.why = &why,
		};
		uint64_t post;
		rc = core_wc_answer(x.c, x.a, x.viewer, org->id, id, &ans, &post);
		if (rc == ERR_GUARD || rc == ERR_BLOCKED)
			return api_guard_fail(&x, rc, &g);
		if (rc == ERR_CONFLICT && why == WC_ANSWER_SAME)
			return api_fail(&x, 409, "This exact text was sent to someone else: make it personal, or send with "
			                         "confirm_same=true");
		if (rc == ERR_INVAL && why == WC_ANSWER_ELSEWHERE)
			return api_fail(&x, 422, "Validation failed: answer a consultation-hour question or a review on its "
			                         "own page (the item's url)");
		if (rc == ERR_INVAL && why == WC_ANSWER_FIELDS)
			return api_fail(&x, 422, "Validation failed: fill in the template's fields ({naam}, ...) first");
		if (rc == ERR_INVAL || rc == ERR_TOOBIG || rc == ERR_GUIDELINES || (rc && why == WC_ANSWER_POST))
			return api_fail(&x, 422, "Validation failed: the answer could not be posted");
	} else {
		return ERR_NOTFOUND;
	}
	if (rc)
		return rc;
	return show(&x, org->id, id);
}
