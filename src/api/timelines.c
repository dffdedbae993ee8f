/* Timelines, bookmarks, favourites, notifications, search, tags,
 * conversations and lists. */
#include "api/api_int.h"
#include "core/federation.h"

#include <string.h>

#include "base/err.h"
#include "base/id.h"
#include "base/text.h"

/* A page of posts; older / newer are the cursors of the candidates core scanned. */
static void posts_page_json(struct actx *x, struct post **v, size_t n, uint64_t older, uint64_t newer)
{
	json_begin(x);
	set_link(x, older, newer);
	struct jw j;
	jw_init(&j, &x->r->out);
	/* A status is 1-2 KB of JSON: room for the page at once, not a
	 * dozen reallocations copying what is written so far. */
	buf_nofail(buf_grow(&x->r->out, n * 2048));
	core_posts_extras(x->c, x->a, x->viewer, v, n);
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		ent_status(x, &j, v[i]);
	jw_arr_end(&j);
}

static void posts_json(struct actx *x, struct post **v, size_t n, uint64_t older)
{
	posts_page_json(x, v, n, n ? older : 0, n ? v[0]->id : 0);
}

/* A timeline as the answer, kept in the response cache under k. */
static int timeline(struct actx *x, struct tl_query *q, const struct api_cache_key *k)
{
	arg_page(x, &q->page, CORE_PAGE_MAX);
	struct post **v;
	size_t n;
	uint64_t older, newer;
	int rc = core_timeline(x->c, x->a, x->viewer, q, &v, &n, &older, &newer);
	if (rc)
		return rc;
	posts_json(x, v, n, older);
	api_cache_put(x, k);
	return 0;
}

int a_tl_home(struct http_req *r)
{
	struct actx x;
	struct api_cache_key k;
	int rc = api_begin_cached(r, &x, &k);
	if (rc || k.hit)
		return rc;
	struct tl_query q = {.kind = TL_HOME};
	return timeline(&x, &q, &k);
}

/* Mastodon's local, remote and only_media arguments of the public and tag
 * timelines (local wins when both are asked). */
static struct tl_filter public_filter(struct actx *x)
{
	struct tl_filter f = {.origin = TL_ANY, .only_media = arg_bool(x, "only_media", false)};
	if (arg_bool(x, "local", false))
		f.origin = TL_ONLY_LOCAL;
	else if (arg_bool(x, "remote", false))
		f.origin = TL_ONLY_REMOTE;
	return f;
}

int a_tl_public(struct http_req *r)
{
	struct actx x;
	struct api_cache_key k;
	int rc = api_begin_cached(r, &x, &k);
	if (rc || k.hit)
		return rc;
	struct tl_query q = {.kind = TL_LOCAL, .filter = public_filter(&x)};
	return timeline(&x, &q, &k);
}

/* A tag as core names it (the page's /tags/ too): NULL for one no post could carry. */
static const char *tag_param(struct actx *x, const char *name)
{
	return core_tag_name(x->a, http_param(x->r, name));
}

int a_tl_tag(struct http_req *r)
{
	struct actx x;
	struct api_cache_key k;
	int rc = api_begin_cached(r, &x, &k);
	if (rc || k.hit)
		return rc;
	const char *tag = tag_param(&x, "tag");
	if (!tag)
		return ERR_NOTFOUND;
	struct tl_query q = {.kind = TL_TAG, .tag = tag, .filter = public_filter(&x)};
	return timeline(&x, &q, &k);
}

int a_tl_list(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct page pg;
	arg_page(&x, &pg, CORE_PAGE_MAX);
	struct post **v;
	size_t n;
	uint64_t older, newer;
	if ((rc = core_list_timeline(x.c, x.a, x.viewer, param_id(r, "id"), &pg, &v, &n, &older, &newer)))
		return rc;
	posts_page_json(&x, v, n, older, newer);
	return 0;
}

int a_bookmarks(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct page pg;
	arg_page(&x, &pg, CORE_PAGE_MAX);
	struct post **v;
	size_t n;
	uint64_t older, newer;
	if ((rc = core_bookmarks(x.c, x.a, x.viewer, &pg, &v, &n, &older, &newer)))
		return rc;
	posts_page_json(&x, v, n, older, newer);
	return 0;
}

int a_favourites(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct page pg;
	arg_page(&x, &pg, CORE_PAGE_MAX);
	struct post **v;
	size_t n;
	uint64_t older, newer;
	if ((rc = core_favourites(x.c, x.a, x.viewer, &pg, &v, &n, &older, &newer)))
		return rc;
	posts_page_json(&x, v, n, older, newer);
	return 0;
}

/* ---- notifications ---- */

static bool type_in(const char *type, const char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(type, list[i]))
			return true;
	return false;
}

int a_notifications(struct http_req *r)
{
	struct actx x;
	struct api_cache_key k;
	int rc = api_begin_cached(r, &x, &k);
	if (rc || k.hit)
		return rc;
	struct page pg;
	arg_page(&x, &pg, 80);
	const char *types[16], *excl[16];
	size_t nt = arg_all(&x, "types", types, 16), ne = arg_all(&x, "exclude_types", excl, 16);
	uint64_t from = 0;
	arg_id(&x, "account_id", &from);
	struct notification *v;
	size_t n;
	if ((rc = core_notifications(x.c, x.a, x.viewer, &pg, &v, &n)))
		return rc;
	json_begin(&x);
	set_link(&x, n ? v[n - 1].id : 0, n ? v[0].id : 0);
	struct post **posts = arena_alloc(x.a, (n + 1) * sizeof *posts);
	size_t np = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].post)
			posts[np++] = v[i].post;
	core_posts_extras(x.c, x.a, x.viewer, posts, np);
	struct jw j;
	jw_init(&j, &r->out);
	jw_arr(&j);
	for (size_t i = 0; i < n; i++) {
		const char *t = core_notif_type(v[i].kind);
		if ((nt && !type_in(t, types, nt)) || (ne && type_in(t, excl, ne)) || (from && v[i].actor_id != from))
			continue;
		ent_notification(&x, &j, &v[i]);
	}
	jw_arr_end(&j);
	api_cache_put(&x, &k);
	return 0;
}

int a_notifications_unread(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	int64_t n = 0;
	if ((rc = core_notif_unread(x.c, x.viewer, &n)))
		return rc;
	json_begin(&x);
	buf_nofail(buf_addf(&r->out, "{\"count\":%lld}", (long long)n));
	return 0;
}

int a_notification_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	if (!id)
		return ERR_NOTFOUND;
	struct page pg = {.max_id = id + 1, .limit = 1};
	struct notification *v;
	size_t n;
	if ((rc = core_notifications(x.c, x.a, x.viewer, &pg, &v, &n)))
		return rc;
	if (!n || v[0].id != id)
		return ERR_NOTFOUND;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_notification(&x, &j, &v[0]);
	return 0;
}

int a_notifications_clear(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_notif_clear(x.c, x.viewer)))
		return rc;
	return json_literal(&x, "{}");
}

int a_notification_dismiss(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_notif_dismiss(x.c, x.viewer, param_id(r, "id"))))
		return rc;
	return json_literal(&x, "{}");
}

/* ---- search and tags ---- */

int a_search(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *q = arg(&x, "q");
	if (!q || !*q)
		return api_fail(&x, 400, "Missing q");
	if (strlen(q) > 500 || !utf8_valid(q, strlen(q)))
		return api_fail(&x, 400, "Invalid q");
	const char *type = arg(&x, "type");
	struct page pg;
	arg_page(&x, &pg, CORE_PAGE_MAX);
	struct search_result res;
	if ((rc = core_search(x.c, x.a, x.viewer, q, &pg, &res)))
		return rc;
	/* resolve=true: "@user@host" or a URL of another server, fetched when new. */
	struct account *far = NULL;
	struct post *farp = NULL;
	if (arg_bool(&x, "resolve", false) && x.viewer &&
	    (rc = core_fed_resolve(x.c, x.a, x.viewer, q, &far, &farp)) == ERR_RATE)
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_key(&j, "accounts");
	jw_arr(&j);
	if (far && !core_account_hidden(x.c, x.viewer, far) && (!type || !strcmp(type, "accounts")))
		ent_account(&x, &j, far);
	if (!type || !strcmp(type, "accounts"))
		for (size_t i = 0; i < res.npeople && i < (size_t)pg.limit; i++)
			if (!far || res.people[i]->id != far->id)
			if (!res.people[i]->suspended)
				ent_account(&x, &j, res.people[i]);
	jw_arr_end(&j);
	jw_key(&j, "statuses");
	jw_arr(&j);
	if (farp && (!type || !strcmp(type, "statuses")))
		ent_status(&x, &j, farp);
	if (!type || !strcmp(type, "statuses"))
		for (size_t i = 0; i < res.nposts; i++)
			ent_status(&x, &j, res.posts[i]);
	jw_arr_end(&j);
	jw_key(&j, "hashtags");
	jw_arr(&j);
	if (!type || !strcmp(type, "hashtags"))
		for (size_t i = 0; i < res.ntags && i < (size_t)pg.limit; i++)
			ent_tag(&x, &j, res.tags[i], false);
	jw_arr_end(&j);
	jw_end(&j);
	return 0;
}

int a_tag_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *tag = tag_param(&x, "name");
	if (!tag)
		return ERR_NOTFOUND;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_tag(&x, &j, tag, x.viewer != 0);
	return 0;
}

int a_tag_action(struct http_req *r)
{
	const char *action = path_last(r); /* follow or unfollow (api.c) */
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *tag = tag_param(&x, "name");
	if (!tag)
		return ERR_NOTFOUND;
	rc = core_tag_follow(x.c, x.a, x.viewer, tag, action[0] == 'f');
	if (rc == ERR_TOOBIG)
		return api_fail(&x, 422, "Validation failed: you follow the most tags you can");
	if (rc)
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_tag(&x, &j, tag, true);
	return 0;
}

int a_followed_tags(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char **tags;
	size_t n;
	if ((rc = core_tags_followed(x.c, x.a, x.viewer, &tags, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_tag(&x, &j, tags[i], true);
	jw_arr_end(&j);
	return 0;
}

/* ---- conversations ---- */

int a_conversations(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct page pg;
	arg_page(&x, &pg, CORE_PAGE_MAX);
	struct conversation *v;
	size_t n;
	if ((rc = core_conversations(x.c, x.a, x.viewer, &pg, &v, &n)))
		return rc;
	json_begin(&x);
	set_link(&x, n ? v[n - 1].last_id : 0, n ? v[0].last_id : 0);
	struct jw j;
	jw_init(&j, &r->out);
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		ent_conversation(&x, &j, &v[i], v[i].last);
	jw_arr_end(&j);
	return 0;
}

static int conv_mark(struct http_req *r, bool hide)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t root = param_id(r, "id");
	struct conversation *cv = NULL;
	if ((rc = hide ? core_conversation_leave(x.c, x.a, x.viewer, root)
	               : core_conversation_mark_read(x.c, x.a, x.viewer, root, &cv)))
		return rc;
	json_begin(&x);
	if (hide) {
		buf_nofail(buf_adds(&r->out, "{}"));
		return 0;
	}
	struct jw j;
	jw_init(&j, &r->out);
	ent_conversation(&x, &j, cv, cv->last);
	return 0;
}

int a_conversation_read(struct http_req *r)
{
	return conv_mark(r, false);
}

int a_conversation_delete(struct http_req *r)
{
	return conv_mark(r, true);
}

/* ---- lists ---- */

static int list_reply(struct actx *x, const struct ulist *l)
{
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_list(&j, l);
	return 0;
}

/* The fields the request gives; core checks them. */
static void list_fields(struct actx *x, struct ulist *l)
{
	const char *title = arg(x, "title");
	if (title)
		l->title = title;
	const char *rp = arg(x, "replies_policy");
	if (rp)
		l->replies_policy = rp;
	if (arg(x, "exclusive"))
		l->exclusive = arg_bool(x, "exclusive", false);
}

static int list_saved(struct actx *x, struct ulist *l, int rc)
{
	if (rc == ERR_INVAL)
		return api_fail(x, 422, "Validation failed: Title can't be blank");
	if (rc == ERR_TOOBIG)
		return api_fail(x, 422, "Validation failed: you have the most lists you can have");
	if (rc)
		return rc;
	struct ulist *saved;
	if ((rc = core_list_get(x->c, x->a, x->viewer, l->id, &saved)))
		return rc;
	return list_reply(x, saved);
}

int a_lists(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct ulist *v;
	size_t n;
	if ((rc = core_lists(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_list(&j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

int a_list_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct ulist *l;
	if ((rc = core_list_get(x.c, x.a, x.viewer, param_id(r, "id"), &l)))
		return rc;
	return list_reply(&x, l);
}

int a_list_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct ulist l = {0};
	list_fields(&x, &l);
	rc = core_list_save(x.c, x.viewer, &l, &l.id);
	return list_saved(&x, &l, rc);
}

int a_list_update(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct ulist *l;
	if ((rc = core_list_get(x.c, x.a, x.viewer, param_id(r, "id"), &l)))
		return rc;
	list_fields(&x, l);
	rc = core_list_save(x.c, x.viewer, l, NULL);
	return list_saved(&x, l, rc);
}

int a_list_delete(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_list_delete(x.c, x.viewer, param_id(r, "id"))))
		return rc;
	return json_literal(&x, "{}");
}

int a_list_accounts(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct account **v;
	size_t n;
	if ((rc = core_list_members(x.c, x.a, x.viewer, param_id(r, "id"), &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_account(&x, &j, v[i]);
	jw_arr_end(&j);
	return 0;
}

static int list_members(struct http_req *r, bool on)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct ulist *l;
	if ((rc = core_list_get(x.c, x.a, x.viewer, param_id(r, "id"), &l)))
		return rc;
	const char *ids[40];
	size_t n = arg_all(&x, "account_ids", ids, 40);
	if (!n)
		return api_fail(&x, 422, "Validation failed: account_ids is missing");
	uint64_t v[40];
	for (size_t i = 0; i < n; i++)
		if (!parse_u64(ids[i], &v[i]))
			return ERR_NOTFOUND;
	rc = core_list_members_set(x.c, x.a, x.viewer, l->id, v, n, on);
	if (rc == ERR_TOOBIG)
		return api_fail(&x, 422, "Validation failed: the list is full");
	if (rc)
		return rc;
	return json_literal(&x, "{}");
}

int a_list_accounts_add(struct http_req *r)
{
	return list_members(r, true);
}

int a_list_accounts_remove(struct http_req *r)
{
	return list_members(r, false);
}
