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
#include "base/log.h"
#include "base/lru.h"
#include "base/mem.h"
#include "base/text.h"

struct core *api_core;
static struct lru *api_cache;
static const struct http_route *api_routes; /* api_table for the server (api_init) */
static size_t api_nroutes;

int api_init(struct core *c, size_t cache_bytes)
{
	/* A route that does not say what it asks of a token is refused here,
	 * before anyone can call it. */
	if (api_routes_check(api_table, api_ntable))
		return ERR_INVAL;
	if (!api_routes) {
		struct http_route *v = xcalloc(api_ntable, sizeof *v);
		for (size_t i = 0; i < api_ntable; i++)
			v[i] = (struct http_route){api_table[i].methods, api_table[i].pattern, api_table[i].fn};
		api_routes = v;
		api_nroutes = api_ntable;
	}
	api_core = c;
	if (cache_bytes && !api_cache)
		api_cache = lru_new(cache_bytes);
	stream_start(c);
	core_set_events(c, stream_post, stream_notify, stream_delete);
	return 0;
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
	if (!api_cache || x->r->method != HTTP_GET || core_version(x->c, &k->version))
		return false;
	/* Token, site, path and every argument, each encoded so no two
	 * requests share a key. */
	char th[65] = "-";
	const char *t = bearer(x);
	if (t)
		core_token_hash(t, th);
	struct buf key = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_addf(&key, "%s\n%s\n", th, x->base));
	url_encode(&key, x->r->path, strlen(x->r->path));
	for (int i = 0; i < x->nargs; i++) {
		if (!strcmp(x->args[i].name, "access_token"))
			continue; /* in the key as its hash */
		buf_nofail(buf_addc(&key, i ? '&' : '?'));
		url_encode(&key, x->args[i].name, strlen(x->args[i].name));
		buf_nofail(buf_addc(&key, '='));
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
		buf_nofail(buf_add(&x->r->out, v.ptr + link + 1, v.len - link - 1));
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
	buf_nofail(buf_add(&v, link, strlen(link) + 1));
	buf_nofail(buf_add(&v, r->out.ptr, r->out.len));
	lru_put(api_cache, k->key, strlen(k->key), k->version, time_ms() + API_CACHE_MS, v.ptr, v.len);
	buf_release(&v);
}

bool api_path(const char *path)
{
	return !strncmp(path, "/api/", 5) || !strcmp(path, "/oauth/token") || !strcmp(path, "/oauth/revoke") ||
	       !strncmp(path, "/.well-known/", 13) || !strncmp(path, "/nodeinfo/", 10) || !strncmp(path, "/fhir/", 6);
}

static void error_body(struct http_req *r, const char *msg)
{
	buf_reset(&r->out);
	buf_nofail(buf_adds(&r->out, "{\"error\":\""));
	json_escape(&r->out, msg, strlen(msg));
	buf_nofail(buf_adds(&r->out, "\"}"));
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

const char *path_last(struct http_req *r)
{
	const char *s = strrchr(r->path, '/');
	return s ? s + 1 : r->path;
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
		/* an over-long query loses arguments in its links, not the links */
		IGNORE_RESULT(buf_addc(&keep, '='));
		url_encode(&keep, x->args[i].value, x->args[i].len);
		IGNORE_RESULT(buf_addc(&keep, '&'));
	}
	struct buf b = BUF_INIT(8192);
	if (older)
		/* no Link past 8 KB: the client stops paging */
		IGNORE_RESULT(buf_addf(&b, "<%s%s?%smax_id=%llu>; rel=\"next\"", x->base, x->r->path, keep.ptr,
		                       (unsigned long long)older));
	if (newer)
		IGNORE_RESULT(buf_addf(&b, "%s<%s%s?%smin_id=%llu>; rel=\"prev\"", older ? ", " : "", x->base, x->r->path, keep.ptr,
		                       (unsigned long long)newer));
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
	buf_nofail(buf_adds(&x->r->out, json));
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
	const char *t = arg(x, "access_token");
	if (t)
		return t;
	/* Browsers cannot set headers on a WebSocket: the token may come as
	 * the subprotocol. */
	const char *up = http_header(x->r, "Upgrade");
	const char *proto = http_header(x->r, "Sec-WebSocket-Protocol");
	if (up && !strcasecmp(up, "websocket") && proto && *proto)
		return proto;
	return NULL;
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

/* What the route that matched r asks of a token (struct api_route), or
 * NULL if r came by no route of the table. */
static const char *route_scope(const struct http_req *r)
{
	const struct http_route *rt = r->route;
	if (!rt)
		return NULL;
	for (size_t i = 0; i < api_ntable; i++)
		if (api_table[i].pattern == rt->pattern && api_table[i].methods == rt->methods &&
		    api_table[i].fn == rt->fn)
			return api_table[i].scope;
	return NULL;
}

/*
 * The token, the viewer and the scope: the one place an API route's scope
 * is checked, for every route, before its handler does anything.
 */
static int api_auth(struct actx *x)
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
	const char *need = route_scope(x->r);
	if (!need)
		return ERR_FORBIDDEN; /* no declared scope: nobody may */
	if (!strcmp(need, API_PUBLIC))
		return 0;
	if (!strcmp(need, API_TOKEN))
		return x->has_token ? 0 : ERR_AUTH;
	if (!strncmp(need, "opt:", 4)) {
		/* Anyone, as anyone; but a token that is sent must allow it. */
		need += 4;
		if (!x->has_token)
			return 0;
	} else if (!x->has_token || !x->viewer) {
		return ERR_AUTH;
	}
	return api_scope_meets(x->tok.scopes, need) ? 0 : ERR_FORBIDDEN;
}

/*
 * A GET reads in one read transaction (core_read_begin), ended by api_done
 * before the answer is sent; begun after the response cache's look (a hit
 * reads nothing more).  Not for the streams, which live on.
 */
static void read_begin(struct actx *x)
{
	if ((x->r->method == HTTP_GET || x->r->method == HTTP_HEAD) && strncmp(x->r->path, "/api/v1/streaming", 17))
		core_read_begin(x->c);
}

static void api_done(struct http_req *r)
{
	(void)r;
	core_read_end(api_core);
}

int api_begin(struct http_req *r, struct actx *x)
{
	int rc = api_setup(r, x);
	if (rc)
		return rc;
	read_begin(x);
	return api_auth(x);
}

int api_begin_cached(struct http_req *r, struct actx *x, struct api_cache_key *k)
{
	int rc = api_setup(r, x);
	if (rc)
		return rc;
	if (api_cache_get(x, k))
		return 0;
	read_begin(x);
	return api_auth(x);
}

/* ---- routes ---- */

#define G HTTP_GET
#define P HTTP_POST
#define PU HTTP_PUT
#define D HTTP_DELETE
#define PA HTTP_PATCH
#define PUB API_PUBLIC
#define OPT API_OPT

/*
 * Every route says what it asks of the caller's token (see struct api_route):
 * Mastodon's scopes, with one rule for what also works without a token: a
 * token that is sent must hold the route's read scope, or the answer is 403,
 * never a view wider than the anonymous one.  Routes about statuses ask
 * read:statuses; bookmarks, favourites, notifications, lists and search
 * their own scope (as Mastodon: the user granted exactly those).
 */
const struct api_route api_table[] = {
	{P, "/api/v1/apps", a_apps_create, PUB},
	{G, "/api/v1/apps/verify_credentials", a_apps_verify, API_TOKEN},
	{P, "/oauth/token", a_oauth_token, PUB},
	{P, "/oauth/revoke", a_oauth_revoke, PUB},
	{G, "/.well-known/oauth-authorization-server", a_oauth_meta, PUB},
	{G, "/.well-known/nodeinfo", a_nodeinfo_links, PUB},
	{G, "/nodeinfo/2.0", a_nodeinfo, PUB},
	{G, "/api/v1/instance", a_instance_v1, PUB},
	{G, "/api/v1/instance/", a_instance_v1, PUB},
	{G, "/api/v2/instance", a_instance_v2, PUB},
	{G, "/api/v1/preferences", a_preferences, "read:accounts"},
	{G, "/api/v1/custom_emojis", a_empty_list, PUB},
	/* reach (issue 20, docs/measure.md): kring's own */
	{G, "/api/v1/kring/posts/:id/reach", a_post_reach, "read:statuses"},
	/* vacancies (issue 20, docs/measure.md): kring's own */
	{G, "/api/v1/kring/vacancies", a_vacancies, OPT("read:statuses")},
	{P, "/api/v1/kring/vacancies", a_vacancy_create, "write:statuses"},
	/* measure and tell (issue 20, api/measure.c): the organisation's staff */
	{G, "/api/v1/kring/campaigns", a_campaigns, "read:statuses"},
	{P, "/api/v1/kring/campaigns", a_campaign_create, "write:statuses"},
	{G, "/api/v1/kring/campaigns/:id", a_campaign, "read:statuses"},
	{PU, "/api/v1/kring/campaigns/:id", a_campaign_update, "write:statuses"},
	{D, "/api/v1/kring/campaigns/:id", a_campaign_delete, "write:statuses"},
	{G, "/api/v1/kring/ambassador", a_ambassador_mine, "read:accounts"},
	{P, "/api/v1/kring/ambassador/:id", a_ambassador_join, "write:accounts"},
	{D, "/api/v1/kring/ambassador/:id", a_ambassador_leave, "write:accounts"},
	{G, "/api/v1/kring/ambassadors/:id", a_ambassador_report, "read:statuses"},
	{G, "/api/v1/kring/guidelines/:id/reach", a_guidelines_reach, "read:statuses"},
	{P, "/api/v1/kring/guidelines/:id/remind", a_guidelines_remind, "write:statuses"},
	{G, "/api/v1/kring/groups/:id/figures", a_group_figures, "read:statuses"},
	{G, "/api/v1/kring/trend/:id", a_trend, "read:statuses"},
	/* reviews (issue 19, docs/reviews.md): kring's own */
	{G, "/api/v1/kring/reviews", a_review_list, OPT("read:reviews")},
	{G, "/api/v1/kring/reviews/mine", a_review_mine, "read:reviews"},
	{G, "/api/v1/kring/reviews/queue", a_review_queue, "admin:read:reviews"},
	{G, "/api/v1/kring/reviews/log", a_review_log, "admin:read:reviews"},
	{G, "/api/v1/kring/reviews/score/:id", a_review_score, OPT("read:reviews")},
	{G, "/api/v1/kring/reviews/eligibility/:id", a_review_eligibility, "read:reviews"},
	{P, "/api/v1/kring/reviews", a_review_create, "write:reviews"},
	{P, "/api/v1/kring/reviews/services", a_review_services, "write:reviews"},
	{PU, "/api/v1/kring/reviews/:id", a_review_edit, "write:reviews"},
	{D, "/api/v1/kring/reviews/:id", a_review_withdraw, "write:reviews"},
	{P, "/api/v1/kring/reviews/:id/reply", a_review_reply, "write:reviews"},
	{P, "/api/v1/kring/reviews/:id/approve", a_review_approve, "admin:write:reviews"},
	{P, "/api/v1/kring/reviews/:id/remove", a_review_remove, "admin:write:reviews"},
	/* choosing a care worker (issue 19, docs/matching.md): kring's own */
	{G, "/api/v1/kring/match/next", a_match_next, "read:match"},
	{G, "/api/v1/kring/match/list", a_match_list, "read:match"},
	{G, "/api/v1/kring/match/likes", a_match_likes, "read:match"},
	{G, "/api/v1/kring/match/requests", a_match_requests, "read:match"},
	{G, "/api/v1/kring/match/profile", a_match_profile, "read:match"},
	{PU, "/api/v1/kring/match/profile", a_match_profile_set, "write:match"},
	{P, "/api/v1/kring/match/undo", a_match_undo, "write:match"},
	{P, "/api/v1/kring/match/:id/like", a_match_like, "write:match"},
	{P, "/api/v1/kring/match/:id/skip", a_match_skip, "write:match"},
	{P, "/api/v1/kring/match/:id/request", a_match_request, "write:match"},
	/* my plan (issue 19, docs/plan.md): kring's own, private to the client and whom they share it with */
	{G, "/api/v1/kring/plan", a_plan_mine, "read:plan"},
	{G, "/api/v1/kring/plan/shared", a_plan_shared, "read:plan"},
	{G, "/api/v1/kring/plan/fhir", a_plan_fhir, "read:plan"},
	{P, "/api/v1/kring/plan/goals", a_plan_goal_add, "write:plan"},
	{P, "/api/v1/kring/plan/goals/:id/steps", a_plan_step_add, "write:plan"},
	{P, "/api/v1/kring/plan/goals/:id/accept", a_plan_goal_act, "write:plan"},
	{P, "/api/v1/kring/plan/goals/:id/decline", a_plan_goal_act, "write:plan"},
	{D, "/api/v1/kring/plan/goals/:id", a_plan_goal_act, "write:plan"},
	{P, "/api/v1/kring/plan/steps/:id/done", a_plan_step_act, "write:plan"},
	{P, "/api/v1/kring/plan/steps/:id/undone", a_plan_step_act, "write:plan"},
	{P, "/api/v1/kring/plan/steps/:id/accept", a_plan_step_act, "write:plan"},
	{P, "/api/v1/kring/plan/steps/:id/decline", a_plan_step_act, "write:plan"},
	{P, "/api/v1/kring/plan/goals/:id/withdraw", a_plan_goal_act, "write:plan"},
	{P, "/api/v1/kring/plan/goals/:id/photo", a_plan_goal_act, "write:plan"},
	{P, "/api/v1/kring/plan/steps/:id/withdraw", a_plan_step_act, "write:plan"},
	{D, "/api/v1/kring/plan/steps/:id", a_plan_step_act, "write:plan"},
	{P, "/api/v1/kring/plan/undo", a_plan_undo, "write:plan"},
	{P, "/api/v1/kring/plan/shares", a_plan_share, "write:plan"},
	{G, "/api/v1/kring/plan/:id", a_plan_of, "read:plan"},
	{G, "/api/v1/announcements", a_ann_list, "read"},
	{P, "/api/v1/announcements/:id/dismiss", a_ann_dismiss, "write:accounts"},
	{PU, "/api/v1/announcements/:id/reactions/:name", a_ann_react, "write:favourites"},
	{D, "/api/v1/announcements/:id/reactions/:name", a_ann_unreact, "write:favourites"},
	/* kring's own: webcare, for an organisation's staff (core/webcare.c) */
	{G, "/api/v1/kring/webcare/:org/items", a_wc_items, "read:webcare"},
	{G, "/api/v1/kring/webcare/:org/items/:id", a_wc_item, "read:webcare"},
	{P, "/api/v1/kring/webcare/:org/items/:id/status", a_wc_item_action, "write:webcare"},
	{P, "/api/v1/kring/webcare/:org/items/:id/notes", a_wc_item_action, "write:webcare"},
	{P, "/api/v1/kring/webcare/:org/items/:id/assign", a_wc_item_action, "write:webcare"},
	{P, "/api/v1/kring/webcare/:org/items/:id/answer", a_wc_item_action, "write:webcare"},
	/* kring's own: consultation hours (consult.c) */
	{G, "/api/v1/kring/consult/sessions", a_consult_sessions, OPT("read:statuses")},
	{P, "/api/v1/kring/consult/sessions", a_consult_open, "write:statuses"},
	{G, "/api/v1/kring/consult/search", a_consult_search, OPT("read:statuses")},
	{G, "/api/v1/kring/consult/sessions/:id", a_consult_session, OPT("read:statuses")},
	{PU, "/api/v1/kring/consult/sessions/:id", a_consult_change, "write:statuses"},
	{D, "/api/v1/kring/consult/sessions/:id", a_consult_change, "write:statuses"},
	{P, "/api/v1/kring/consult/sessions/:id/follow", a_consult_follow, "write:follows"},
	{P, "/api/v1/kring/consult/sessions/:id/unfollow", a_consult_follow, "write:follows"},
	{G, "/api/v1/kring/consult/sessions/:id/questions", a_consult_questions, OPT("read:statuses")},
	{P, "/api/v1/kring/consult/sessions/:id/questions", a_consult_ask, "write:statuses"},
	{G, "/api/v1/kring/consult/questions/:id", a_consult_question, OPT("read:statuses")},
	{P, "/api/v1/kring/consult/questions/:id/answers", a_consult_answer, "write:statuses"},
	{P, "/api/v1/kring/consult/questions/:id/decline", a_consult_act, "write:statuses"},
	{P, "/api/v1/kring/consult/questions/:id/private", a_consult_act, "write:statuses"},
	{P, "/api/v1/kring/consult/questions/:id/merge", a_consult_act, "write:statuses"},
	{P, "/api/v1/kring/consult/questions/:id/accept", a_consult_act, "write:statuses"},
	{P, "/api/v1/kring/consult/questions/:id/report", a_consult_act, "write:reports"},
	{G, "/api/v1/trends", a_empty_list, PUB},
	{G, "/api/v1/trends/tags", a_empty_list, PUB},
	{G, "/api/v1/trends/statuses", a_empty_list, PUB},
	{G, "/api/v1/suggestions", a_empty_list, "read"},
	{G, "/api/v2/suggestions", a_empty_list, "read"},
	{G, "/api/v1/instance/peers", a_empty_list, PUB},
	{G, "/api/v1/instance/rules", a_empty_list, PUB},
	{G, "/api/v1/endorsements", a_empty_list, "read:accounts"},
	{G, "/api/v1/domain_blocks", a_empty_list, "read:blocks"},
	{G, "/api/v1/featured_tags", a_empty_list, "read:accounts"},
	{G, "/api/v1/filters", a_empty_list, "read:filters"},
	{G, "/api/v1/scheduled_statuses", a_sched_list, "read:statuses"},
	/* appointments (kring's own, issue 18): slots are public, bookings the caller's */
	{G, "/api/v1/kring/providers", a_kring_providers, PUB},
	{G, "/api/v1/kring/providers/:id/availability", a_kring_availability, PUB},
	{PU, "/api/v1/kring/providers/:id/availability", a_kring_availability, "write:appointments"},
	{G, "/api/v1/kring/providers/:id/slots", a_kring_slots, PUB},
	{G, "/api/v1/kring/providers/:id/appointments", a_kring_provider_appts, "read:appointments"},
	{G, "/api/v1/kring/appointments", a_kring_appts, "read:appointments"},
	{G, "/api/v1/kring/reminders", a_kring_reminders, "read:appointments"},
	{P, "/api/v1/kring/appointments", a_kring_appts, "write:appointments"},
	{G, "/api/v1/kring/appointments/:id", a_kring_appt, "read:appointments"},
	{PU, "/api/v1/kring/appointments/:id", a_kring_appt, "write:appointments"},
	{D, "/api/v1/kring/appointments/:id", a_kring_appt, "write:appointments"},
	/* informal carers (issue 19, docs/thuis.md) */
	{G, "/api/v1/kring/carers", a_kring_carers, "read:carers"},
	{P, "/api/v1/kring/carers", a_kring_carers, "write:carers"},
	{D, "/api/v1/kring/carers/:id", a_kring_carer_end, "write:carers"},
	{G, "/api/v1/kring/carers/:id/appointments", a_kring_carer_appts, "read:appointments"},
	{G, "/api/v1/kring/care_media", a_kring_care_media, "read:carers"},
	{P, "/api/v1/kring/care_media", a_kring_care_media, "write:carers"},
	{PU, "/api/v1/kring/care_media/:id", a_kring_care_media_one, "write:carers"},
	{D, "/api/v1/kring/care_media/:id", a_kring_care_media_one, "write:carers"},
	/* FHIR R4, read-only (api/fhir.c): schedules and free slots are public */
	{G, "/fhir/Schedule", a_fhir_schedules, PUB},
	{G, "/fhir/Slot", a_fhir_slots, PUB},
	{G, "/fhir/Appointment/:id", a_fhir_appointment, "read:appointments"},
	{G, "/api/v1/admin/accounts", a_admin_accounts, "admin:read:accounts"},
	{G, "/api/v2/admin/accounts", a_admin_accounts, "admin:read:accounts"},
	{G, "/api/v1/admin/accounts/:id", a_admin_account_get, "admin:read:accounts"},
	{P, "/api/v1/admin/accounts/:id/action", a_admin_account_action, "admin:write:accounts"},
	{P, "/api/v1/admin/accounts/:id/unsuspend", a_admin_account_unsuspend, "admin:write:accounts"},
	{G, "/api/v1/admin/reports", a_admin_reports, "admin:read:reports"},
	{G, "/api/v1/admin/reports/:id", a_admin_report_get, "admin:read:reports"},
	{P, "/api/v1/admin/reports/:id/assign_to_self", a_admin_report_action, "admin:write:reports"},
	{P, "/api/v1/admin/reports/:id/unassign", a_admin_report_action, "admin:write:reports"},
	{P, "/api/v1/admin/reports/:id/resolve", a_admin_report_action, "admin:write:reports"},
	{P, "/api/v1/admin/reports/:id/reopen", a_admin_report_action, "admin:write:reports"},
	{G, "/api/v1/scheduled_statuses/:id", a_sched_get, "read:statuses"},
	{PU, "/api/v1/scheduled_statuses/:id", a_sched_update, "write:statuses"},
	{D, "/api/v1/scheduled_statuses/:id", a_sched_delete, "write:statuses"},
	{G, "/api/v1/accounts/familiar_followers", a_familiar_followers, "read:follows"},
	{G, "/api/v1/directory", a_directory, OPT("read:accounts")},
	{G, "/api/v1/instance/translation_languages", a_translation_languages, PUB},
	{G, "/api/v1/accounts/:id/featured_tags", a_empty_list, OPT("read:accounts")},
	{G, "/api/v1/notifications/unread_count", a_notifications_unread, "read:notifications"},
	{G, "/api/v2/notifications/unread_count", a_notif_groups_unread, "read:notifications"},
	{G, "/api/v2/notifications/policy", a_notif_policy_get, "read:notifications"},
	{PA, "/api/v2/notifications/policy", a_notif_policy_set, "write:notifications"},
	{G, "/api/v1/notifications/policy", a_notif_policy_get, "read:notifications"},
	{PA, "/api/v1/notifications/policy", a_notif_policy_set, "write:notifications"},
	{G, "/api/v2/notifications", a_notif_groups, "read:notifications"},
	{G, "/api/v2/notifications/:group_key", a_notif_group_get, "read:notifications"},
	{G, "/api/v2/notifications/:group_key/accounts", a_notif_group_accounts, "read:notifications"},
	{P, "/api/v2/notifications/:group_key/dismiss", a_notif_group_dismiss, "write:notifications"},
	{G, "/api/v1/statuses", a_statuses_many, OPT("read:statuses")},
	{G, "/api/v1/markers", a_markers_get, "read:statuses"},
	{P, "/api/v1/markers", a_markers_set, "write:statuses"},
	{G, "/api/v2/filters", a_filters_list, "read:filters"},
	{P, "/api/v2/filters", a_filter_create, "write:filters"},
	{G, "/api/v2/filters/:id", a_filter_get, "read:filters"},
	{PU, "/api/v2/filters/:id", a_filter_update, "write:filters"},
	{D, "/api/v2/filters/:id", a_filter_delete, "write:filters"},
	{P, "/api/v2/filters/:id/keywords", a_filter_kw_create, "write:filters"},
	{D, "/api/v2/filters/keywords/:id", a_filter_kw_delete, "write:filters"},
	{P, "/api/v1/reports", a_reports_create, "write:reports"},
	{P, "/api/v1/reports/", a_reports_create, "write:reports"},

	{G, "/api/v1/accounts/verify_credentials", a_verify_credentials, "read:accounts|profile"},
	{PA, "/api/v1/accounts/update_credentials", a_update_credentials, "write:accounts"},
	{G, "/api/v1/accounts/lookup", a_account_lookup, OPT("read:accounts")},
	{G, "/api/v1/accounts/relationships", a_relationships, "read:follows"},
	{G, "/api/v1/accounts/search", a_account_search, "read:accounts"},
	{G, "/api/v1/accounts/:id", a_account_get, OPT("read:accounts")},
	{G, "/api/v1/accounts/:id/statuses", a_account_statuses, OPT("read:statuses")},
	{G, "/api/v1/accounts/:id/followers", a_account_followers, OPT("read:accounts")},
	{G, "/api/v1/accounts/:id/following", a_account_following, OPT("read:accounts")},
	{G, "/api/v1/accounts/:id/lists", a_account_lists, "read:lists"},
	{P, "/api/v1/accounts/:id/follow", a_account_action, "write:follows"},
	{P, "/api/v1/accounts/:id/unfollow", a_account_action, "write:follows"},
	{P, "/api/v1/accounts/:id/block", a_account_action, "write:blocks"},
	{P, "/api/v1/accounts/:id/unblock", a_account_action, "write:blocks"},
	{P, "/api/v1/accounts/:id/mute", a_account_action, "write:mutes"},
	{P, "/api/v1/accounts/:id/unmute", a_account_action, "write:mutes"},
	{P, "/api/v1/accounts/:id/note", a_account_action, "write:accounts"},
	{G, "/api/v1/follow_requests", a_follow_requests, "read:follows"},
	{P, "/api/v1/follow_requests/:id/authorize", a_follow_request_answer, "write:follows"},
	{P, "/api/v1/follow_requests/:id/reject", a_follow_request_answer, "write:follows"},
	{G, "/api/v1/blocks", a_blocks, "read:blocks"},
	{G, "/api/v1/mutes", a_mutes, "read:mutes"},

	{P, "/api/v1/statuses", a_status_create, "write:statuses"},
	{G, "/api/v1/statuses/:id", a_status_get, OPT("read:statuses")},
	{PU, "/api/v1/statuses/:id", a_status_edit, "write:statuses"},
	{D, "/api/v1/statuses/:id", a_status_delete, "write:statuses"},
	{G, "/api/v1/statuses/:id/context", a_status_context, OPT("read:statuses")},
	{G, "/api/v1/statuses/:id/history", a_status_history, OPT("read:statuses")},
	{G, "/api/v1/statuses/:id/source", a_status_source, "read:statuses"},
	/* Who favoured or boosted a post tells of the post: both scopes. */
	{G, "/api/v1/statuses/:id/favourited_by", a_status_actors, OPT("read:statuses read:accounts")},
	{G, "/api/v1/statuses/:id/reblogged_by", a_status_actors, OPT("read:statuses read:accounts")},
	{P, "/api/v1/statuses/:id/favourite", a_status_action, "write:favourites"},
	{P, "/api/v1/statuses/:id/unfavourite", a_status_action, "write:favourites"},
	{P, "/api/v1/statuses/:id/reblog", a_status_action, "write:statuses"},
	{P, "/api/v1/statuses/:id/unreblog", a_status_action, "write:statuses"},
	{P, "/api/v1/statuses/:id/bookmark", a_status_action, "write:bookmarks"},
	{P, "/api/v1/statuses/:id/unbookmark", a_status_action, "write:bookmarks"},
	{P, "/api/v1/statuses/:id/pin", a_status_action, "write:accounts"},
	{P, "/api/v1/statuses/:id/unpin", a_status_action, "write:accounts"},
	{P, "/api/v1/statuses/:id/mute", a_status_action, "write:mutes"},
	{P, "/api/v1/statuses/:id/unmute", a_status_action, "write:mutes"},
	{G, "/api/v1/polls/:id", a_poll_get, OPT("read:statuses")},
	{P, "/api/v1/polls/:id/votes", a_poll_vote, "write:statuses"},

	{G, "/api/v1/timelines/home", a_tl_home, "read:statuses"},
	{G, "/api/v1/timelines/public", a_tl_public, OPT("read:statuses")},
	{G, "/api/v1/timelines/tag/:tag", a_tl_tag, OPT("read:statuses")},
	{G, "/api/v1/timelines/list/:id", a_tl_list, "read:lists"},
	{G, "/api/v1/bookmarks", a_bookmarks, "read:bookmarks"},
	{G, "/api/v1/favourites", a_favourites, "read:favourites"},
	{G, "/api/v1/notifications", a_notifications, "read:notifications"},
	{P, "/api/v1/notifications/clear", a_notifications_clear, "write:notifications"},
	{G, "/api/v1/notifications/:id", a_notification_get, "read:notifications"},
	{P, "/api/v1/notifications/:id/dismiss", a_notification_dismiss, "write:notifications"},
	{G, "/api/v2/search", a_search, OPT("read:search")},
	{G, "/api/v1/tags/:name", a_tag_get, OPT("read:statuses")},
	{P, "/api/v1/tags/:name/follow", a_tag_action, "write:follows"},
	{P, "/api/v1/tags/:name/unfollow", a_tag_action, "write:follows"},
	{G, "/api/v1/followed_tags", a_followed_tags, "read:follows"},
	{G, "/api/v1/conversations", a_conversations, "read:statuses"},
	{G, "/api/v1/conversations/", a_conversations, "read:statuses"},
	{P, "/api/v1/conversations/:id/read", a_conversation_read, "write:conversations"},
	{D, "/api/v1/conversations/:id", a_conversation_delete, "write:conversations"},
	{G, "/api/v1/lists", a_lists, "read:lists"},
	{P, "/api/v1/lists", a_list_create, "write:lists"},
	{G, "/api/v1/lists/:id", a_list_get, "read:lists"},
	{PU, "/api/v1/lists/:id", a_list_update, "write:lists"},
	{D, "/api/v1/lists/:id", a_list_delete, "write:lists"},
	{G, "/api/v1/lists/:id/accounts", a_list_accounts, "read:lists"},
	{P, "/api/v1/lists/:id/accounts", a_list_accounts_add, "write:lists"},
	{D, "/api/v1/lists/:id/accounts", a_list_accounts_remove, "write:lists"},

	{G, "/api/v1/streaming/health", a_stream_health, PUB},
	/* Which stream a token may open is stream_allowed's (stream.c). */
	{G, "/api/v1/streaming", a_stream, OPT("read:statuses|read:notifications")},
	{G, "/api/v1/streaming/:stream", a_stream, OPT("read:statuses|read:notifications")},
	{G, "/api/v1/streaming/:stream/:sub", a_stream, OPT("read:statuses|read:notifications")},
	{P, "/api/v1/media", a_media_create, "write:media"},
	{P, "/api/v2/media", a_media_create, "write:media"},
	{G, "/api/v1/media/:id", a_media_get, "write:media"},
	{PU, "/api/v1/media/:id", a_media_update, "write:media"},
	{P, "/api/v1/push/subscription", a_push_create, "push"},
	{G, "/api/v1/push/subscription", a_push_get, "push"},
	{PU, "/api/v1/push/subscription", a_push_update, "push"},
	{D, "/api/v1/push/subscription", a_push_delete, "push"},
};
const size_t api_ntable = sizeof api_table / sizeof api_table[0];

/* The table as the server routes it (built by api_init). */
void api_mount(struct http_mount *out)
{
	*out = (struct http_mount){
		.name = "api",
		.owns = api_path,
		.routes = api_routes,
		.nroutes = api_nroutes,
		.error_page = api_error,
		.done = api_done,
		.body_limit = api_body_limit,
		.cors = true, /* bearer tokens, never cookies: any origin may call */
	};
}

int api_routes_check(const struct api_route *v, size_t n)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = v[i].scope;
		bool ok = s && v[i].methods && v[i].pattern && v[i].fn;
		if (ok && strcmp(s, API_PUBLIC) && strcmp(s, API_TOKEN)) {
			if (!strncmp(s, "opt:", 4))
				s += 4;
			/* One or more alternatives, each a valid scope list. */
			char alt[256];
			bool any = false;
			while (ok && *s) {
				size_t k = strcspn(s, "|");
				ok = k > 0 && k < sizeof alt;
				if (ok) {
					memcpy(alt, s, k);
					alt[k] = '\0';
					ok = core_scopes_valid(alt);
					any = true;
				}
				s += k;
				if (*s == '|' && !*++s)
					ok = false;
			}
			ok = ok && any;
		}
		if (!ok) {
			log_err("API route %s declares no valid scope (%s)", v[i].pattern ? v[i].pattern : "?",
			        v[i].scope ? v[i].scope : "none");
			rc = ERR_INVAL;
		}
	}
	return rc;
}

bool api_scope_meets(const char *granted, const char *need)
{
	char alt[256];
	while (need && *need) {
		size_t k = strcspn(need, "|");
		if (k && k < sizeof alt) {
			memcpy(alt, need, k);
			alt[k] = '\0';
			if (core_scopes_subset(alt, granted))
				return true;
		}
		need += k;
		if (*need == '|')
			need++;
	}
	return false;
}

int api_routes_print(FILE *f)
{
	static const struct {
		int m;
		const char *name;
	} names[] = {{G, "GET"}, {P, "POST"}, {PU, "PUT"}, {D, "DELETE"}, {PA, "PATCH"}};
	for (size_t i = 0; i < api_ntable; i++)
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
			if (api_table[i].methods & names[k].m)
				fprintf(f, "%s %s %s\n", names[k].name, api_table[i].pattern,
				        api_table[i].scope ? api_table[i].scope : "-");
	return api_routes_check(api_table, api_ntable);
}

const char *api_bearer(struct actx *x)
{
	return bearer(x);
}
