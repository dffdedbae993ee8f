/* Grouped notifications (Mastodon 4.3's /api/v2/notifications) and the
 * notification policy.  The grouping rule is core's (core/notif_group.c). */
#include "api/api_int.h"

#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "http/http.h"

#define TYPES_MAX 16

struct filter_args {
	const char *types[TYPES_MAX], *exclude[TYPES_MAX], *grouped[TYPES_MAX];
	struct notif_filter f;
};

static void filter_from(struct actx *x, struct filter_args *fa)
{
	memset(fa, 0, sizeof *fa);
	fa->f.types = fa->types;
	fa->f.ntypes = arg_all(x, "types", fa->types, TYPES_MAX);
	fa->f.exclude = fa->exclude;
	fa->f.nexclude = arg_all(x, "exclude_types", fa->exclude, TYPES_MAX);
	fa->f.grouped = fa->grouped;
	fa->f.ngrouped = arg_all(x, "grouped_types", fa->grouped, TYPES_MAX);
	fa->f.grouped_set = fa->f.ngrouped > 0;
	arg_id(x, "account_id", &fa->f.account_id);
}

static void group_json(struct actx *x, struct jw *j, const struct notif_group *g, bool paged)
{
	const char *type = core_notif_type(g->latest->kind);
	jw_obj(j);
	jw_kstr(j, "group_key", g->key);
	jw_kint(j, "notifications_count", g->count);
	jw_kstr(j, "type", type);
	jw_kid(j, "most_recent_notification_id", g->latest->id);
	if (paged) {
		jw_kid(j, "page_min_id", g->page_min_id);
		jw_kid(j, "page_max_id", g->page_max_id);
		jw_ktime(j, "latest_page_notification_at", g->page_latest_at);
	}
	jw_key(j, "sample_account_ids");
	jw_arr(j);
	for (size_t i = 0; i < g->nsample; i++)
		jw_id(j, g->sample[i]->id);
	jw_arr_end(j);
	if (g->latest->post)
		jw_kid(j, "status_id", g->latest->post->id);
	else if (!strcmp(type, "mention") || !strcmp(type, "favourite") || !strcmp(type, "reblog"))
		jw_knull(j, "status_id");
	/* kring: for an organisation the reader is staff of. */
	if (g->latest->org)
		jw_kid(j, "kring_organisation_id", g->latest->org->id);
	jw_end(j);
}

/* GroupedNotificationsResults: the accounts and statuses the groups name, once each. */
static void results_json(struct actx *x, struct notif_group *g, size_t n, bool paged)
{
	struct account **acc = arena_alloc(x->a, (n * (CORE_NOTIF_SAMPLE + 1) + 1) * sizeof *acc);
	struct post **posts = arena_alloc(x->a, (n + 1) * sizeof *posts);
	size_t na = 0, np = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t s = 0; s < g[i].nsample; s++) {
			bool dup = false;
			for (size_t k = 0; k < na && !dup; k++)
				dup = acc[k]->id == g[i].sample[s]->id;
			if (!dup)
				acc[na++] = g[i].sample[s];
		}
		if (g[i].latest->org) {
			bool dup = false;
			for (size_t k = 0; k < na && !dup; k++)
				dup = acc[k]->id == g[i].latest->org->id;
			if (!dup)
				acc[na++] = g[i].latest->org;
		}
		struct post *p = g[i].latest->post;
		bool dup = !p;
		for (size_t k = 0; k < np && !dup; k++)
			dup = posts[k]->id == p->id;
		if (!dup)
			posts[np++] = p;
	}
	core_posts_extras(x->c, x->a, x->viewer, posts, np);
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	jw_obj(&j);
	jw_key(&j, "accounts");
	jw_arr(&j);
	for (size_t i = 0; i < na; i++)
		ent_account(x, &j, acc[i]);
	jw_arr_end(&j);
	jw_key(&j, "statuses");
	jw_arr(&j);
	for (size_t i = 0; i < np; i++)
		ent_status(x, &j, posts[i]);
	jw_arr_end(&j);
	jw_key(&j, "notification_groups");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		group_json(x, &j, &g[i], paged);
	jw_arr_end(&j);
	jw_end(&j);
}

int a_notif_groups(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct page pg;
	arg_page(&x, &pg, 80);
	struct filter_args fa;
	filter_from(&x, &fa);
	struct notif_group *g;
	size_t n;
	uint64_t older, newer;
	if ((rc = core_notif_groups(x.c, x.a, x.viewer, &pg, &fa.f, &g, &n, &older, &newer)))
		return rc;
	results_json(&x, g, n, true);
	set_link(&x, older, newer);
	return 0;
}

int a_notif_group_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct notif_group g;
	if ((rc = core_notif_group_get(x.c, x.a, x.viewer, http_param(r, "group_key"), &g)))
		return rc;
	results_json(&x, &g, 1, false);
	return 0;
}

int a_notif_group_accounts(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct notif_group g;
	if ((rc = core_notif_group_get(x.c, x.a, x.viewer, http_param(r, "group_key"), &g)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	/* Everyone of the group, newest first, once each. */
	uint64_t *seen = arena_alloc(x.a, ((size_t)g.count + 1) * sizeof *seen);
	size_t ns = 0;
	for (struct notif_member *m = g.members; m; m = m->next) {
		bool dup = false;
		for (size_t k = 0; k < ns && !dup; k++)
			dup = seen[k] == m->n->actor_id;
		if (dup || !m->n->actor)
			continue;
		seen[ns++] = m->n->actor_id;
		ent_account(&x, &j, m->n->actor);
	}
	jw_arr_end(&j);
	return 0;
}

int a_notif_group_dismiss(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_notif_group_dismiss(x.c, x.viewer, http_param(r, "group_key"))))
		return rc;
	return json_literal(&x, "{}");
}

int a_notif_groups_unread(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t limit = 100;
	if (arg_id(&x, "limit", &limit) && limit > 1000)
		limit = 1000;
	if (!limit)
		limit = 100;
	struct filter_args fa;
	filter_from(&x, &fa);
	int64_t n = 0;
	if ((rc = core_notif_groups_unread(x.c, x.viewer, &fa.f, (int)limit, &n)))
		return rc;
	json_begin(&x);
	buf_nofail(buf_addf(&r->out, "{\"count\":%lld}", (long long)n));
	return 0;
}

/*
 * The notification policy.  kring filters no notifications: every one is
 * delivered (a care client must not miss a message because its sender is
 * new).  The policy reads "accept" everywhere; a change to anything else is
 * refused plainly rather than stored and ignored.
 */
static const char *const policy_v2[] = {"for_not_following", "for_not_followers", "for_new_accounts",
                                        "for_private_mentions", "for_limited_accounts"};
static const char *const policy_v1[] = {"filter_not_following", "filter_not_followers", "filter_new_accounts",
                                        "filter_private_mentions"};

static int policy_answer(struct actx *x, bool v2)
{
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	jw_obj(&j);
	if (v2)
		for (size_t i = 0; i < sizeof policy_v2 / sizeof *policy_v2; i++)
			jw_kstr(&j, policy_v2[i], "accept");
	else
		for (size_t i = 0; i < sizeof policy_v1 / sizeof *policy_v1; i++)
			jw_kbool(&j, policy_v1[i], false);
	jw_key(&j, "summary");
	jw_obj(&j);
	jw_kint(&j, "pending_requests_count", 0);
	jw_kint(&j, "pending_notifications_count", 0);
	jw_end(&j);
	jw_end(&j);
	return 0;
}

int a_notif_policy_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return policy_answer(&x, strstr(r->path, "/api/v2/") == r->path);
}

int a_notif_policy_set(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	bool v2 = strstr(r->path, "/api/v2/") == r->path;
	const char *const *names = v2 ? policy_v2 : policy_v1;
	size_t n = v2 ? sizeof policy_v2 / sizeof *policy_v2 : sizeof policy_v1 / sizeof *policy_v1;
	for (size_t i = 0; i < n; i++) {
		const char *v = arg(&x, names[i]);
		if (!v)
			continue;
		bool ok = v2 ? !strcmp(v, "accept") : !arg_bool(&x, names[i], false);
		if (!ok)
			return api_fail(&x, 422, "Validation failed: kring filters no notifications; every one is delivered");
	}
	return policy_answer(&x, v2);
}
