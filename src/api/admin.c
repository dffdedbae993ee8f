/* The admin API apps use for moderation: /api/v1/admin/accounts and
 * /api/v1/admin/reports, behind the admin:* scopes and kring's own roles
 * (core: moderators act on members only, administrators on everyone,
 * nobody on themselves; only administrators lift a suspension). */
#include "api/api_int.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/text.h"
#include "http/http.h"

static void ent_role(struct jw *j, int role)
{
	jw_key(j, "role");
	jw_obj(j);
	/* Mastodon's built-in roles: everyone (-99), Moderator, Admin. */
	jw_kstr(j, "id", role == ROLE_ADMIN ? "2" : role == ROLE_MODERATOR ? "1" : "-99");
	jw_kstr(j, "name", role == ROLE_ADMIN ? "Admin" : role == ROLE_MODERATOR ? "Moderator" : "");
	jw_kstr(j, "color", "");
	/* Mastodon's permission bits: administrator (1), or manage reports (16) and users (1024), or invite (65536). */
	jw_kstr(j, "permissions", role == ROLE_ADMIN ? "1" : role == ROLE_MODERATOR ? "1040" : "65536");
	jw_kbool(j, "highlighted", role != ROLE_MEMBER);
	jw_end(j);
}

/* Admin::Account.  kring keeps no IP addresses; e-mail addresses (only for
 * password resets) are not shown to apps. */
static void ent_admin_account(struct actx *x, struct jw *j, struct account *acc)
{
	jw_obj(j);
	jw_kid(j, "id", acc->id);
	jw_kstr(j, "username", acc->username);
	jw_knull(j, "domain");
	jw_ktime(j, "created_at", acc->created_at);
	jw_kstr(j, "email", "");
	jw_knull(j, "ip");
	jw_kempty(j, "ips");
	jw_kstr(j, "locale", acc->lang && *acc->lang ? acc->lang : "nl");
	jw_knull(j, "invite_request");
	ent_role(j, acc->role);
	jw_kbool(j, "confirmed", true);
	jw_kbool(j, "approved", true);
	jw_kbool(j, "disabled", false);
	jw_kbool(j, "silenced", false);
	jw_kbool(j, "suspended", acc->suspended);
	jw_kbool(j, "sensitized", false);
	jw_key(j, "account");
	ent_account(x, j, acc);
	jw_end(j);
}

static bool yes(struct actx *x, const char *name)
{
	return arg_bool(x, name, false);
}

int a_admin_accounts(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct page pg;
	arg_page(&x, &pg, 200);
	struct admin_filter f = {.username = arg(&x, "username"), .display_name = arg(&x, "display_name")};
	/* v1: active, suspended, pending, disabled, silenced as booleans; v2: status=. */
	const char *st = arg(&x, "status");
	if (yes(&x, "suspended") || (st && !strcmp(st, "suspended")))
		f.status = 2;
	else if (yes(&x, "pending") || yes(&x, "disabled") || yes(&x, "silenced") || yes(&x, "sensitized") ||
	         (st && strcmp(st, "active")))
		f.status = 3; /* kring has none of these */
	else if (yes(&x, "active") || (st && !strcmp(st, "active")))
		f.status = 1;
	const char *perm = arg(&x, "permissions");
	f.staff = yes(&x, "staff") || (perm && !strcmp(perm, "staff"));
	const char *origin = arg(&x, "origin");
	/* Every account is local: a remote one is asked for, there is none. */
	bool none = yes(&x, "remote") || (origin && !strcmp(origin, "remote")) || (arg(&x, "by_domain") && *arg(&x, "by_domain")) ||
	            (arg(&x, "email") && *arg(&x, "email")) || (arg(&x, "ip") && *arg(&x, "ip"));
	if (none)
		f.status = 3;
	struct account **v;
	size_t n;
	if ((rc = core_admin_accounts(x.c, x.a, x.viewer, &f, &pg, &v, &n)))
		return rc == ERR_INVAL ? api_fail(&x, 422, "Validation failed: the search is too long") : rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_admin_account(&x, &j, v[i]);
	jw_arr_end(&j);
	set_link(&x, n ? v[n - 1]->id : 0, n ? v[0]->id : 0);
	return 0;
}

static int answer_account(struct actx *x, uint64_t id)
{
	struct account *acc;
	int rc = core_admin_account_get(x->c, x->a, x->viewer, id, &acc);
	if (rc)
		return rc;
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_admin_account(x, &j, acc);
	return 0;
}

int a_admin_account_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return answer_account(&x, param_id(r, "id"));
}

/* Errors of a moderation action as the app should show them. */
static int action_fail(struct actx *x, int rc)
{
	if (rc == ERR_FORBIDDEN)
		return api_fail(x, 403, "This action is not allowed: moderators act on members only, administrators on "
		                        "everyone, nobody on themselves, and the last administrator stays");
	if (rc == ERR_INVAL)
		return api_fail(x, 422, "Validation failed: the text is too long or not valid");
	return rc;
}

int a_admin_account_action(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	const char *type = arg(&x, "type");
	const char *text = arg(&x, "text");
	uint64_t report = 0;
	const char *rep = arg(&x, "report_id");
	if (rep && *rep && !parse_u64(rep, &report))
		return api_fail(&x, 422, "Validation failed: report_id");
	if (!type || !*type)
		type = "none";
	if (strcmp(type, "none") && strcmp(type, "suspend"))
		return api_fail(&x, 422, "Validation failed: kring does not disable, silence or mark accounts "
		                         "sensitive; suspend the account, or warn with type none");
	struct account *acc;
	if ((rc = core_admin_account_get(x.c, x.a, x.viewer, id, &acc)))
		return rc;
	if (report) {
		struct mod_report *mr;
		if ((rc = core_report_get(x.c, x.a, x.viewer, report, &mr)))
			return rc;
		if (mr->account_id != id)
			return api_fail(&x, 422, "Validation failed: the report is about another account");
		rc = core_report_act(x.c, x.viewer, report, !strcmp(type, "suspend") ? "suspend" : "warn", text);
	} else if (!strcmp(type, "suspend")) {
		rc = core_account_suspend(x.c, x.viewer, id, true, text);
		if (rc == ERR_CONFLICT)
			rc = 0; /* already suspended: what was asked holds */
	} else
		rc = core_account_warn(x.c, x.viewer, id, text);
	if (rc == ERR_CONFLICT)
		return api_fail(&x, 422, "Validation failed: the report is already resolved");
	if (rc)
		return action_fail(&x, rc);
	return json_literal(&x, "{}");
}

int a_admin_account_unsuspend(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	struct account *acc;
	if ((rc = core_admin_account_get(x.c, x.a, x.viewer, id, &acc)))
		return rc;
	rc = core_account_suspend(x.c, x.viewer, id, false, NULL);
	if (rc == ERR_CONFLICT)
		rc = 0; /* not suspended: what was asked holds */
	if (rc)
		return action_fail(&x, rc);
	return answer_account(&x, id);
}

/* Admin::Report. */
static void ent_admin_report(struct actx *x, struct jw *j, struct mod_report *mr)
{
	uint64_t ids[3] = {mr->reporter_id, mr->account_id, core_report_assigned(x->c, x->a, mr->id)};
	struct account *acc[3] = {0};
	IGNORE_RESULT(core_accounts_get(x->c, x->a, ids, 3, acc)); /* one not found stays NULL: shown as null */
	jw_obj(j);
	jw_kid(j, "id", mr->id);
	jw_kbool(j, "action_taken", mr->state != 0);
	jw_knull(j, "action_taken_at");
	jw_kstr(j, "category", "other");
	jw_kstr(j, "comment", mr->reason ? mr->reason : "");
	jw_kbool(j, "forwarded", false);
	jw_ktime(j, "created_at", mr->created_at);
	jw_ktime(j, "updated_at", mr->created_at);
	const char *keys[3] = {"account", "target_account", "assigned_account"};
	for (int i = 0; i < 3; i++) {
		jw_key(j, keys[i]);
		if (acc[i])
			ent_admin_account(x, j, acc[i]);
		else
			jw_null(j);
	}
	jw_knull(j, "action_taken_by_account");
	jw_key(j, "statuses");
	jw_arr(j);
	if (mr->post_id)
		ent_status_id(x, j, mr->post_id);
	jw_arr_end(j);
	jw_kempty(j, "rules");
	/* kring: the text as it was reported (a post since edited or removed). */
	jw_kstr(j, "kring_snapshot", mr->snapshot && *mr->snapshot ? mr->snapshot : NULL);
	jw_end(j);
}

int a_admin_reports(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct mod_report *v;
	size_t n;
	if ((rc = core_reports_state(x.c, x.a, x.viewer, arg_bool(&x, "resolved", false), &v, &n)))
		return rc;
	uint64_t by = 0, about = 0;
	arg_id(&x, "account_id", &by);
	arg_id(&x, "target_account_id", &about);
	struct page pg;
	arg_page(&x, &pg, 200);
	struct jw j;
	json_list(&x, &j);
	size_t shown = 0;
	uint64_t older = 0, newer = 0;
	for (size_t i = 0; i < n && shown < (size_t)pg.limit; i++) {
		if ((by && v[i].reporter_id != by) || (about && v[i].account_id != about) ||
		    (pg.max_id && v[i].id >= pg.max_id) || v[i].id <= pg.min_id)
			continue;
		ent_admin_report(&x, &j, &v[i]);
		if (!newer)
			newer = v[i].id;
		older = v[i].id;
		shown++;
	}
	jw_arr_end(&j);
	set_link(&x, older, newer);
	return 0;
}

static int answer_report(struct actx *x, uint64_t id)
{
	struct mod_report *mr;
	int rc = core_report_get(x->c, x->a, x->viewer, id, &mr);
	if (rc)
		return rc;
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_admin_report(x, &j, mr);
	return 0;
}

int a_admin_report_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return answer_report(&x, param_id(r, "id"));
}

/* assign_to_self, unassign, resolve, reopen. */
int a_admin_report_action(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	const char *what = path_last(r);
	if (!strcmp(what, "assign_to_self") || !strcmp(what, "unassign"))
		rc = core_report_assign(x.c, x.viewer, id, !strcmp(what, "assign_to_self"));
	else if (!strcmp(what, "resolve")) {
		struct mod_report *mr;
		/* Resolved without an action on the person: kring's "dismiss". */
		if (!(rc = core_report_get(x.c, x.a, x.viewer, id, &mr)) && mr->state == 0)
			rc = core_report_act(x.c, x.viewer, id, "dismiss", NULL);
	} else if (!strcmp(what, "reopen")) {
		rc = core_report_reopen(x.c, x.viewer, id);
		if (rc == ERR_CONFLICT)
			rc = 0; /* open already */
	} else
		rc = ERR_NOTFOUND;
	if (rc)
		return action_fail(&x, rc);
	return answer_report(&x, id);
}
