/* Accounts: credentials, profiles, relationships, follows, blocks, mutes. */
#include "api/api_int.h"
#include "core/federation.h"

#include <string.h>

#include "base/err.h"
#include "base/text.h"

static int visible_account(struct actx *x, uint64_t id, struct account **acc)
{
	int rc = core_account_get(x->c, x->a, id, acc);
	if (rc)
		return rc;
	if (core_account_hidden(x->c, x->viewer, *acc))
		return ERR_NOTFOUND;
	return 0;
}

static int one_account(struct actx *x, struct account *acc)
{
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_account(x, &j, acc);
	return 0;
}

/* Lists of people from core, which left out whom the viewer may not see. */
static void accounts_json(struct actx *x, struct account **v, size_t n)
{
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		ent_account(x, &j, v[i]);
	jw_arr_end(&j);
}

int a_verify_credentials(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_credential_account(&x, &j, x.me);
	return 0;
}

int a_update_credentials(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct account acc = *x.me;
	const char *v;
	if ((v = arg(&x, "display_name")))
		acc.display_name = v;
	if ((v = arg(&x, "note")))
		acc.bio = v;
	if (arg(&x, "locked"))
		acc.locked = arg_bool(&x, "locked", false);
	if ((v = arg(&x, "source[language]")) && (!strcmp(v, "nl") || !strcmp(v, "en")))
		acc.lang = v;
	/* The guard answers as for a status: 422 naming what it found, until privacy_confirm. */
	struct guard_result g;
	struct guard_ask ask = {.confirm = arg_bool(&x, "privacy_confirm", false), .a = x.a, .result = &g};
	rc = core_profile_update_checked(x.c, &acc, &ask);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(&x, rc, &g);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: display name or note is invalid");
	if (rc)
		return rc;
	if (arg(&x, "hide_collections") &&
	    (rc = core_collections_choose(x.c, x.me, arg_bool(&x, "hide_collections", false))))
		return rc;
	struct account *me;
	if ((rc = core_account_get(x.c, x.a, x.viewer, &me)))
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_credential_account(&x, &j, me);
	return 0;
}

static int one_group(struct actx *x, struct group *g)
{
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_group(x, &j, g);
	return 0;
}

int a_account_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct account *acc;
	struct group *g;
	uint64_t id = param_id(r, "id");
	if ((rc = visible_account(&x, id, &acc)) == ERR_NOTFOUND && core_group_by_id(x.c, x.a, x.viewer, id, &g) == 0)
		return one_group(&x, g);
	if (rc)
		return rc;
	return one_account(&x, acc);
}

int a_account_lookup(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *acct = arg(&x, "acct");
	if (!acct || strlen(acct) > 300)
		return ERR_NOTFOUND;
	if (*acct == '@')
		acct++;
	char *name = arena_strdup(x.a, acct);
	char *at = strchr(name, '@');
	struct account *acc;
	if (at) {
		/* Our own domain, or an account of another server known here. */
		const char *host = strstr(x.base, "://") + 3;
		if (strcmp(at + 1, host)) {
			if ((rc = core_fed_lookup(x.c, x.a, name, &acc)))
				return rc;
			return core_account_hidden(x.c, x.viewer, acc) ? ERR_NOTFOUND : one_account(&x, acc);
		}
		*at = '\0';
	}
	str_lower(name);
	struct group *g;
	if ((rc = core_account_by_name(x.c, x.a, name, &acc)) == ERR_NOTFOUND &&
	    core_group_get(x.c, x.a, x.viewer, name, &g) == 0)
		return one_group(&x, g);
	if (rc)
		return rc;
	if (core_account_hidden(x.c, x.viewer, acc))
		return ERR_NOTFOUND;
	return one_account(&x, acc);
}

int a_account_search(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *q = arg(&x, "q");
	if (!q || strlen(q) > CORE_ACCOUNT_QUERY)
		return api_fail(&x, 400, "Missing or too long q");
	struct account **v;
	size_t n;
	uint64_t lim = 40;
	arg_id(&x, "limit", &lim);
	/* The people part of the search page: one rule (core_account_search). */
	rc = core_account_search(x.c, x.a, x.viewer, q, lim > 40 ? 40 : (int)lim, &v, &n);
	if (rc == ERR_INVAL)
		return api_fail(&x, 400, "q is not text");
	if (rc)
		return rc;
	accounts_json(&x, v, n);
	return 0;
}

int a_relationships(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *ids[40];
	size_t n = arg_all(&x, "id", ids, 40);
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++) {
		uint64_t id;
		struct account *acc;
		if (parse_u64(ids[i], &id) && !visible_account(&x, id, &acc))
			ent_relationship(&x, &j, id);
	}
	jw_arr_end(&j);
	return 0;
}

int a_account_statuses(struct http_req *r)
{
	struct actx x;
	struct api_cache_key k;
	int rc = api_begin_cached(r, &x, &k);
	if (rc || k.hit)
		return rc;
	struct account *acc;
	if ((rc = visible_account(&x, param_id(r, "id"), &acc)))
		return rc;
	if (arg_bool(&x, "only_media", false)) {
		return json_literal(&x, "[]");
	}
	if (arg_bool(&x, "pinned", false)) {
		struct post **v;
		size_t n;
		if ((rc = core_pinned(x.c, x.a, x.viewer, acc->id, &v, &n)))
			return rc;
		core_posts_extras(x.c, x.a, x.viewer, v, n);
		struct jw j;
		json_list(&x, &j);
		for (size_t i = 0; i < n; i++)
			ent_status(&x, &j, v[i]);
		jw_arr_end(&j);
		return 0;
	}
	struct tl_query q = {.kind = TL_PROFILE, .author = acc->id};
	arg_page(&x, &q.page, CORE_PAGE_MAX);
	struct post **v;
	size_t n;
	uint64_t older, newer;
	if ((rc = core_timeline(x.c, x.a, x.viewer, &q, &v, &n, &older, &newer)))
		return rc;
	bool no_replies = arg_bool(&x, "exclude_replies", false);
	bool no_boosts = arg_bool(&x, "exclude_reblogs", false);
	json_begin(&x);
	set_link(&x, n ? v[n - 1]->id : 0, n ? v[0]->id : 0);
	struct jw j;
	jw_init(&j, &r->out);
	core_posts_extras(x.c, x.a, x.viewer, v, n);
	jw_arr(&j);
	for (size_t i = 0; i < n; i++) {
		/* Replies to oneself (threads) stay, as in Mastodon. */
		if (no_replies && v[i]->in_reply_to && v[i]->reply_author != (int64_t)acc->id)
			continue;
		if (no_boosts && v[i]->reblog_of)
			continue;
		ent_status(&x, &j, v[i]);
	}
	jw_arr_end(&j);
	api_cache_put(&x, &k);
	return 0;
}

static int follow_list(struct http_req *r, bool following)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct account **v;
	size_t n;
	struct page pg;
	arg_page(&x, &pg, 80);
	uint64_t lim;
	if (!arg_id(&x, "limit", &lim))
		pg.limit = 40; /* Mastodon's default for lists of accounts */
	uint64_t older, newer;
	/* The pages' rule (core_followers): a hidden list is empty to others. */
	if ((rc = core_followers(x.c, x.a, x.viewer, param_id(r, "id"), following, &pg, &v, &n, &older, &newer)))
		return rc;
	accounts_json(&x, v, n);
	set_link(&x, older, newer);
	return 0;
}

int a_account_followers(struct http_req *r)
{
	return follow_list(r, false);
}

int a_account_following(struct http_req *r)
{
	return follow_list(r, true);
}

/* Following a group's account asks to join it (open: at once; closed: a
 * request to its moderators); unfollowing leaves; muting hides it from home. */
static int group_action(struct actx *x, struct group *g, const char *action)
{
	int rc, state;
	if (!strcmp(action, "follow"))
		rc = core_group_join(x->c, x->a, x->viewer, g->id, NULL, &state);
	else if (!strcmp(action, "unfollow"))
		rc = core_group_leave(x->c, x->viewer, g->id); /* also withdraws a request */
	else if (!strcmp(action, "mute") || !strcmp(action, "unmute"))
		rc = core_group_mute(x->c, x->viewer, g->id, action[0] == 'm');
	else
		return api_fail(x, 422, "Validation failed: not possible for a group");
	if (rc)
		return rc;
	struct group *now;
	if ((rc = core_group_by_id(x->c, x->a, x->viewer, g->id, &now)))
		return rc;
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_group_relationship(&j, now);
	return 0;
}

int a_account_action(struct http_req *r)
{
	/* One route per action, each with its scope (api.c). */
	const char *action = path_last(r);
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct account *acc;
	uint64_t id = param_id(r, "id");
	struct group *g;
	if ((rc = visible_account(&x, id, &acc)) == ERR_NOTFOUND && core_group_by_id(x.c, x.a, x.viewer, id, &g) == 0)
		return group_action(&x, g, action);
	if (rc)
		return rc;
	int state;
	if (!strcmp(action, "follow") || !strcmp(action, "unfollow"))
		rc = core_follow(x.c, x.viewer, id, action[0] == 'f', &state);
	else if (!strcmp(action, "block") || !strcmp(action, "unblock"))
		rc = core_block(x.c, x.viewer, id, action[0] == 'b');
	else if (!strcmp(action, "mute") || !strcmp(action, "unmute"))
		rc = core_mute(x.c, x.viewer, id, action[0] == 'm');
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: you cannot do this to yourself");
	if (rc)
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_relationship(&x, &j, id);
	return 0;
}

int a_account_lists(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct ulist *v;
	size_t n;
	if ((rc = core_lists_holding(x.c, x.a, x.viewer, param_id(r, "id"), &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_list(&j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

int a_follow_requests(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct account **v;
	size_t n;
	if ((rc = core_follow_requests(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	accounts_json(&x, v, n);
	return 0;
}

int a_follow_request_answer(struct http_req *r)
{
	const char *action = path_last(r); /* authorize or reject (api.c) */
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	if ((rc = core_follow_answer(x.c, x.viewer, id, action[0] == 'a')))
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_relationship(&x, &j, id);
	return 0;
}

static int block_list(struct http_req *r, bool mutes)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct account **v;
	size_t n;
	if ((rc = core_blocked(x.c, x.a, x.viewer, mutes, &v, &n)))
		return rc;
	accounts_json(&x, v, n);
	return 0;
}

int a_blocks(struct http_req *r)
{
	return block_list(r, false);
}

int a_mutes(struct http_req *r)
{
	return block_list(r, true);
}
