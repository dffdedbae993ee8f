/*
 * The client API's route table and what every handler shares: arguments
 * (query, form or JSON, flattened alike), bearer tokens and scopes, paging
 * and the Link header, errors as Mastodon writes them.
 */
#include "api/api_int.h"
#include "api/api_media.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/err.h"
#include "base/id.h"
#include "base/lru.h"
#include "base/text.h"

struct core *api_core;
static struct lru *api_cache;

void api_init(struct core *c, size_t cache_bytes)
{
	api_core = c;
	if (cache_bytes && !api_cache)
		api_cache = lru_new(cache_bytes);
	stream_start(c);
	c->on_delete = stream_delete;
}

/*
 * Responses cached by viewer, site address and URL, for the version of the
 * database they were made from (see store_version): any commit, by any
 * process, makes them old.  They also expire after API_CACHE_MS, for what
 * changes with time alone (a held post going out, a poll closing).  The
 * value is the Link header, a NUL, then the body.
 */
#define API_CACHE_MS 1000

static const char *bearer(struct actx *x);

/*
 * Looked up before the token is resolved: the key holds the token's hash,
 * and an answer was only kept after that token was found valid, with the
 * scope the endpoint wants (a token's scopes never change), at the same
 * database version.  Revoking the token or suspending its account is a
 * commit, which makes the answer old.
 */
static bool api_cache_get(struct actx *x, struct api_cache_key *k)
{
	memset(k, 0, sizeof *k);
	if (!api_cache || x->r->method != HTTP_GET || store_version(x->c->store, &k->version))
		return false;
	/* Token, site, path and every argument, each encoded so no two
	 * requests share a key. */
	char th[65] = "-";
	const char *t = bearer(x);
	if (t)
		core_token_hash(t, th);
	struct buf key = BUF_INIT(BUF_NOLIMIT);
	buf_addf(&key, "%s\n%s\n", th, x->base);
	url_encode(&key, x->r->path, strlen(x->r->path));
	for (int i = 0; i < x->nargs; i++) {
		if (!strcmp(x->args[i].name, "access_token"))
			continue; /* in the key as its hash */
		buf_addc(&key, i ? '&' : '?');
		url_encode(&key, x->args[i].name, strlen(x->args[i].name));
		buf_addc(&key, '=');
		url_encode(&key, x->args[i].value, x->args[i].len);
	}
	k->key = arena_strdup(x->a, key.ptr);
	buf_release(&key);
	struct buf v = BUF_INIT(BUF_NOLIMIT);
	bool hit = k->hit = lru_get(api_cache, k->key, strlen(k->key), k->version, time_ms(), &v);
	if (hit) {
		size_t link = strlen(v.ptr);
		json_begin(x);
		if (link)
			http_set_header(x->r, "Link", arena_strdup(x->a, v.ptr));
		buf_add(&x->r->out, v.ptr + link + 1, v.len - link - 1);
	}
	buf_release(&v);
	return hit;
}

void api_cache_put(struct actx *x, const struct api_cache_key *k)
{
	struct http_req *r = x->r;
	if (!k->key || k->hit || r->status != 200)
		return;
	const char *link = "";
	for (int i = 0; i < r->nres_hdrs; i++)
		if (!strcmp(r->res_hdr_names[i], "Link"))
			link = r->res_hdr_vals[i];
	struct buf v = BUF_INIT(BUF_NOLIMIT);
	buf_add(&v, link, strlen(link) + 1);
	buf_add(&v, r->out.ptr, r->out.len);
	lru_put(api_cache, k->key, strlen(k->key), k->version, time_ms() + API_CACHE_MS, v.ptr, v.len);
	buf_release(&v);
}

bool api_path(const char *path)
{
	return !strncmp(path, "/api/", 5) || !strcmp(path, "/oauth/token") || !strcmp(path, "/oauth/revoke") ||
	       !strncmp(path, "/.well-known/", 13) || !strncmp(path, "/nodeinfo/", 10);
}

static void error_body(struct http_req *r, const char *msg)
{
	buf_reset(&r->out);
	buf_adds(&r->out, "{\"error\":\"");
	json_escape(&r->out, msg, strlen(msg));
	buf_adds(&r->out, "\"}");
	r->content_type = "application/json; charset=utf-8";
}

void api_error(struct http_req *r, int err)
{
	const char *msg;
	switch (err) {
	case ERR_NOTFOUND: msg = "Record not found"; break;
	case ERR_AUTH: msg = "The access token is invalid"; break;
	case ERR_FORBIDDEN: msg = "This action is outside the authorized scopes"; break;
	case ERR_INVAL: msg = "Validation failed"; break;
	case ERR_TOOBIG: msg = "Request too large"; break;
	case ERR_RATE: msg = "Too many requests"; break;
	case ERR_METHOD: msg = "Method not allowed"; break;
	case ERR_EXISTS: msg = "Already exists"; break;
	case ERR_BUSY: msg = "Service temporarily unavailable"; break;
	default: msg = "Internal error"; break;
	}
	if (err == ERR_AUTH)
		http_set_header(r, "WWW-Authenticate", "Bearer error=\"invalid_token\"");
	error_body(r, msg);
}

int api_fail(struct actx *x, int status, const char *msg)
{
	x->r->status = status;
	error_body(x->r, msg);
	return 0;
}

/* ---- arguments ---- */

static void add_arg(struct actx *x, const char *name, const char *value)
{
	if (x->nargs == API_MAX_ARGS)
		return;
	x->args[x->nargs].name = name;
	x->args[x->nargs].value = value;
	x->args[x->nargs].len = strlen(value);
	x->nargs++;
}

/* JSON bodies become the names a form would use: a[b], a[], a[][b]. */
static int flatten(struct actx *x, const char *name, json_t *v, int depth)
{
	if (depth > 4)
		return ERR_INVAL;
	char num[64];
	switch (json_typeof(v)) {
	case JSON_STRING:
		add_arg(x, name, arena_strndup(x->a, json_string_value(v), json_string_length(v)));
		return 0;
	case JSON_INTEGER:
		snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
		add_arg(x, name, arena_strdup(x->a, num));
		return 0;
	case JSON_REAL:
		snprintf(num, sizeof num, "%.17g", json_real_value(v));
		add_arg(x, name, arena_strdup(x->a, num));
		return 0;
	case JSON_TRUE: add_arg(x, name, "true"); return 0;
	case JSON_FALSE: add_arg(x, name, "false"); return 0;
	case JSON_NULL: return 0;
	case JSON_ARRAY: {
		const char *sub = arena_printf(x->a, "%s[]", name);
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			int rc = flatten(x, sub, e, depth + 1);
			if (rc)
				return rc;
		}
		return 0;
	}
	case JSON_OBJECT: {
		const char *k;
		json_t *e;
		json_object_foreach(v, k, e) {
			const char *sub = *name ? arena_printf(x->a, "%s[%s]", name, k) : arena_strdup(x->a, k);
			int rc = flatten(x, sub, e, depth + 1);
			if (rc)
				return rc;
		}
		return 0;
	}
	}
	return ERR_INVAL;
}

static int parse_args(struct actx *x)
{
	struct http_req *r = x->r;
	const char *ct = http_header(r, "Content-Type");
	if (r->body.len) {
		if (ct && !strncasecmp(ct, "application/json", 16)) {
			json_error_t e;
			json_t *root = json_loadb(r->body.ptr, r->body.len, JSON_REJECT_DUPLICATES, &e);
			if (!root || !json_is_object(root)) {
				json_decref(root);
				return ERR_INVAL;
			}
			int rc = flatten(x, "", root, 0);
			json_decref(root);
			if (rc)
				return rc;
		} else if (http_is_multipart(ct)) {
			/* Some clients (masto.js) send forms as multipart; files are ignored here. */
			struct http_file files[HTTP_MAX_FILES];
			int n = 0, nf = 0;
			int rc = http_parse_multipart(x->a, ct, r->body.ptr, r->body.len, x->args, API_MAX_ARGS / 2, &n,
			                              files, HTTP_MAX_FILES, &nf);
			if (rc)
				return rc;
			x->nargs = n;
		} else if (!ct || !strncasecmp(ct, "application/x-www-form-urlencoded", 33)) {
			int n = 0;
			int rc = http_parse_urlencoded(x->a, r->body.ptr, r->body.len, x->args, API_MAX_ARGS / 2, &n);
			if (rc)
				return rc;
			x->nargs = n;
		} else {
			return ERR_INVAL;
		}
	}
	x->query_from = x->nargs;
	x->nargs += http_query_fields(r, x->args + x->nargs, API_MAX_ARGS - x->nargs);
	return 0;
}

const char *arg(struct actx *x, const char *name)
{
	for (int i = 0; i < x->nargs; i++)
		if (!strcmp(x->args[i].name, name))
			return x->args[i].value;
	return NULL;
}

size_t arg_all(struct actx *x, const char *name, const char **out, size_t max)
{
	size_t k = 0, n = strlen(name);
	for (int i = 0; i < x->nargs && k < max; i++) {
		const char *f = x->args[i].name;
		if (!strncmp(f, name, n) && (!f[n] || !strcmp(f + n, "[]")))
			out[k++] = x->args[i].value;
	}
	return k;
}

bool arg_bool(struct actx *x, const char *name, bool dflt)
{
	const char *v = arg(x, name);
	if (!v || !*v)
		return dflt;
	return !strcmp(v, "true") || !strcmp(v, "1") || !strcmp(v, "on") || !strcmp(v, "True");
}

bool arg_id(struct actx *x, const char *name, uint64_t *out)
{
	const char *v = arg(x, name);
	return v && parse_u64(v, out) && *out;
}

uint64_t param_id(struct http_req *r, const char *name)
{
	uint64_t v = 0;
	const char *s = http_param(r, name);
	return s && parse_u64(s, &v) ? v : 0;
}

void arg_page(struct actx *x, struct page *pg, int max)
{
	memset(pg, 0, sizeof *pg);
	uint64_t v;
	if (arg_id(x, "max_id", &v))
		pg->max_id = v;
	if (arg_id(x, "min_id", &v))
		pg->min_id = v;
	else if (arg_id(x, "since_id", &v))
		pg->min_id = v;
	pg->limit = CORE_PAGE_DEFAULT;
	if (arg_id(x, "limit", &v))
		pg->limit = v > (uint64_t)max ? max : (int)v;
}

void set_link(struct actx *x, uint64_t older, uint64_t newer)
{
	struct buf keep = BUF_INIT(4096);
	/* Keep the other query arguments (limit, types[], local...) in the links. */
	for (int i = x->query_from; i < x->nargs; i++) {
		const char *k = x->args[i].name;
		if (!strcmp(k, "max_id") || !strcmp(k, "min_id") || !strcmp(k, "since_id") || !strcmp(k, "access_token"))
			continue;
		url_encode(&keep, k, strlen(k));
		buf_addc(&keep, '=');
		url_encode(&keep, x->args[i].value, x->args[i].len);
		buf_addc(&keep, '&');
	}
	struct buf b = BUF_INIT(8192);
	if (older)
		buf_addf(&b, "<%s%s?%smax_id=%llu>; rel=\"next\"", x->base, x->r->path, keep.ptr,
		         (unsigned long long)older);
	if (newer)
		buf_addf(&b, "%s<%s%s?%smin_id=%llu>; rel=\"prev\"", older ? ", " : "", x->base, x->r->path, keep.ptr,
		         (unsigned long long)newer);
	if (b.len)
		http_set_header(x->r, "Link", arena_strdup(x->a, b.ptr));
	buf_release(&b);
	buf_release(&keep);
}

void json_begin(struct actx *x)
{
	struct http_req *r = x->r;
	buf_reset(&r->out);
	r->status = 200;
	r->content_type = "application/json; charset=utf-8";
	http_set_header(r, "Cache-Control", "private, no-store");
	http_set_header(r, "X-RateLimit-Limit", "300");
	http_set_header(r, "X-RateLimit-Remaining", "299");
	time_t t = (time_t)(time_now() / 300 * 300 + 300);
	struct tm tm;
	gmtime_r(&t, &tm);
	char reset[40];
	strftime(reset, sizeof reset, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
	http_set_header(r, "X-RateLimit-Reset", arena_strdup(x->a, reset));
}

int json_literal(struct actx *x, const char *json)
{
	json_begin(x);
	buf_adds(&x->r->out, json);
	return 0;
}

void json_list(struct actx *x, struct jw *j)
{
	json_begin(x);
	jw_init(j, &x->r->out);
	jw_arr(j);
}

static const char *bearer(struct actx *x)
{
	const char *h = http_header(x->r, "Authorization");
	if (h && !strncasecmp(h, "Bearer ", 7))
		return h + 7;
	return arg(x, "access_token");
}

/* The request's site address and arguments. */
static int api_setup(struct http_req *r, struct actx *x)
{
	memset(x, 0, sizeof *x);
	x->r = r;
	x->c = api_core;
	x->a = r->a;
	const char *host = http_header(r, "Host");
	if (!host || !*host || strlen(host) > 200 || strpbrk(host, " /\\\"<>"))
		host = "localhost";
	x->base = arena_printf(r->a, "%s://%s", r->tls ? "https" : "http", host);
	return parse_args(x);
}

/* The token, the viewer and the scope. */
static int api_auth(struct actx *x, const char *scope)
{
	int rc;
	const char *t = bearer(x);
	if (t) {
		/* The token's account comes with it: no second look-up. */
		if ((rc = core_token_resolve(x->c, x->a, t, &x->tok, &x->me)))
			return rc;
		x->has_token = true;
		x->viewer = x->tok.account_id;
	}
	if (!scope)
		return 0;
	bool app_ok = !strncmp(scope, "app:", 4);
	if (app_ok)
		scope += 4;
	if (!x->has_token || (!x->viewer && !app_ok))
		return ERR_AUTH;
	if (!core_scope_allows(x->tok.scopes, scope))
		return ERR_FORBIDDEN;
	return 0;
}

int api_begin(struct http_req *r, struct actx *x, const char *scope)
{
	int rc = api_setup(r, x);
	return rc ? rc : api_auth(x, scope);
}

int api_begin_cached(struct http_req *r, struct actx *x, const char *scope, struct api_cache_key *k)
{
	int rc = api_setup(r, x);
	if (rc)
		return rc;
	if (api_cache_get(x, k))
		return 0;
	return api_auth(x, scope);
}

/* ---- routes ---- */

#define G HTTP_GET
#define P HTTP_POST
#define PU HTTP_PUT
#define D HTTP_DELETE
#define PA HTTP_PATCH

const struct http_route api_routes[] = {
	{P, "/api/v1/apps", a_apps_create},
	{G, "/api/v1/apps/verify_credentials", a_apps_verify},
	{P, "/oauth/token", a_oauth_token},
	{P, "/oauth/revoke", a_oauth_revoke},
	{G, "/.well-known/oauth-authorization-server", a_oauth_meta},
	{G, "/.well-known/nodeinfo", a_nodeinfo_links},
	{G, "/nodeinfo/2.0", a_nodeinfo},
	{G, "/api/v1/instance", a_instance_v1},
	{G, "/api/v1/instance/", a_instance_v1},
	{G, "/api/v2/instance", a_instance_v2},
	{G, "/api/v1/preferences", a_preferences},
	{G, "/api/v1/custom_emojis", a_empty_list},
	{G, "/api/v1/announcements", a_empty_list},
	{G, "/api/v1/trends", a_empty_list},
	{G, "/api/v1/trends/tags", a_empty_list},
	{G, "/api/v1/trends/statuses", a_empty_list},
	{G, "/api/v1/suggestions", a_empty_list},
	{G, "/api/v2/suggestions", a_empty_list},
	{G, "/api/v1/instance/peers", a_empty_list},
	{G, "/api/v1/instance/rules", a_empty_list},
	{G, "/api/v1/endorsements", a_empty_list},
	{G, "/api/v1/domain_blocks", a_empty_list},
	{G, "/api/v1/featured_tags", a_empty_list},
	{G, "/api/v1/filters", a_empty_list},
	{G, "/api/v1/scheduled_statuses", a_empty_list},
	{G, "/api/v1/accounts/familiar_followers", a_empty_list},
	{G, "/api/v1/accounts/:id/featured_tags", a_empty_list},
	{G, "/api/v1/notifications/unread_count", a_notifications_unread},
	{G, "/api/v1/statuses", a_statuses_many},
	{G, "/api/v1/markers", a_markers_get},
	{P, "/api/v1/markers", a_markers_set},
	{G, "/api/v2/filters", a_filters_list},
	{P, "/api/v2/filters", a_filter_create},
	{G, "/api/v2/filters/:id", a_filter_get},
	{PU, "/api/v2/filters/:id", a_filter_update},
	{D, "/api/v2/filters/:id", a_filter_delete},
	{P, "/api/v2/filters/:id/keywords", a_filter_kw_create},
	{D, "/api/v2/filters/keywords/:id", a_filter_kw_delete},
	{P, "/api/v1/reports", a_reports_create},
	{P, "/api/v1/reports/", a_reports_create},

	{G, "/api/v1/accounts/verify_credentials", a_verify_credentials},
	{PA, "/api/v1/accounts/update_credentials", a_update_credentials},
	{G, "/api/v1/accounts/lookup", a_account_lookup},
	{G, "/api/v1/accounts/relationships", a_relationships},
	{G, "/api/v1/accounts/search", a_account_search},
	{G, "/api/v1/accounts/:id", a_account_get},
	{G, "/api/v1/accounts/:id/statuses", a_account_statuses},
	{G, "/api/v1/accounts/:id/followers", a_account_followers},
	{G, "/api/v1/accounts/:id/following", a_account_following},
	{G, "/api/v1/accounts/:id/lists", a_account_lists},
	{P, "/api/v1/accounts/:id/:action", a_account_action},
	{G, "/api/v1/follow_requests", a_follow_requests},
	{P, "/api/v1/follow_requests/:id/:action", a_follow_request_answer},
	{G, "/api/v1/blocks", a_blocks},
	{G, "/api/v1/mutes", a_mutes},

	{P, "/api/v1/statuses", a_status_create},
	{G, "/api/v1/statuses/:id", a_status_get},
	{PU, "/api/v1/statuses/:id", a_status_edit},
	{D, "/api/v1/statuses/:id", a_status_delete},
	{G, "/api/v1/statuses/:id/context", a_status_context},
	{G, "/api/v1/statuses/:id/history", a_status_history},
	{G, "/api/v1/statuses/:id/source", a_status_source},
	{G, "/api/v1/statuses/:id/favourited_by", a_status_actors},
	{G, "/api/v1/statuses/:id/reblogged_by", a_status_actors},
	{P, "/api/v1/statuses/:id/:action", a_status_action},
	{G, "/api/v1/polls/:id", a_poll_get},
	{P, "/api/v1/polls/:id/votes", a_poll_vote},

	{G, "/api/v1/timelines/home", a_tl_home},
	{G, "/api/v1/timelines/public", a_tl_public},
	{G, "/api/v1/timelines/tag/:tag", a_tl_tag},
	{G, "/api/v1/timelines/list/:id", a_tl_list},
	{G, "/api/v1/bookmarks", a_bookmarks},
	{G, "/api/v1/favourites", a_favourites},
	{G, "/api/v1/notifications", a_notifications},
	{P, "/api/v1/notifications/clear", a_notifications_clear},
	{G, "/api/v1/notifications/:id", a_notification_get},
	{P, "/api/v1/notifications/:id/dismiss", a_notification_dismiss},
	{G, "/api/v2/search", a_search},
	{G, "/api/v1/tags/:name", a_tag_get},
	{P, "/api/v1/tags/:name/:action", a_tag_action},
	{G, "/api/v1/followed_tags", a_followed_tags},
	{G, "/api/v1/conversations", a_conversations},
	{G, "/api/v1/conversations/", a_conversations},
	{P, "/api/v1/conversations/:id/read", a_conversation_read},
	{D, "/api/v1/conversations/:id", a_conversation_delete},
	{G, "/api/v1/lists", a_lists},
	{P, "/api/v1/lists", a_list_create},
	{G, "/api/v1/lists/:id", a_list_get},
	{PU, "/api/v1/lists/:id", a_list_update},
	{D, "/api/v1/lists/:id", a_list_delete},
	{G, "/api/v1/lists/:id/accounts", a_list_accounts},
	{P, "/api/v1/lists/:id/accounts", a_list_accounts_add},
	{D, "/api/v1/lists/:id/accounts", a_list_accounts_remove},

	{G, "/api/v1/streaming/health", a_stream_health},
	{G, "/api/v1/streaming", a_stream},
	{G, "/api/v1/streaming/:stream", a_stream},
	{G, "/api/v1/streaming/:stream/:sub", a_stream},
	{P, "/api/v1/media", a_media_create}, {P, "/api/v2/media", a_media_create}, {G, "/api/v1/media/:id", a_media_get}, {PU, "/api/v1/media/:id", a_media_update},
};
const size_t api_nroutes = sizeof api_routes / sizeof api_routes[0];
