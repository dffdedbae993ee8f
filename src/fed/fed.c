/*
 * ActivityPub's HTTP side (see fed.h).  A view of core: who an actor is,
 * which post may be fetched and what an inbox takes in are all decided in
 * core/federation.c; here they are read from requests and written as JSON.
 */
#include "fed/fed.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/log.h"
#include "base/text.h"
#include "core/fed_sig.h" /* FED_BODY_MAX */
#include "core/fed_coll.h"
#include "core/fed_fetch.h"
#include "core/federation.h"

#define AP_TYPE "application/activity+json; charset=utf-8"
#define RESOURCE_MAX 512
#define FED_TARGET_MAX 512 /* a query re-encoded for a signature */

static struct core *fc;

void fed_init(struct core *c)
{
	fc = c;
}

static int send_json(struct http_req *r, json_t *o, const char *type)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!s)
		return ERR_IO;
	int rc = buf_adds(&r->out, s);
	free(s);
	r->content_type = type;
	http_set_header(r, "Vary", "Accept");
	return rc;
}

static bool wants_ap(struct http_req *r)
{
	const char *acc = http_header(r, "Accept");
	return acc && (strstr(acc, "application/activity+json") || strstr(acc, "application/ld+json"));
}

static const char *actor_of(struct http_req *r, const char *name)
{
	return arena_printf(r->a, "%s/users/%s", core_fed_base(), name);
}

/* ---- discovery ---- */

/* The account a WebFinger resource names: acct:name@host (our host), or
 * one of our actor or profile URLs; NULL otherwise. */
static const char *resource_name(struct http_req *r, const char *res)
{
	if (!res || strlen(res) > RESOURCE_MAX)
		return NULL;
	const char *base = core_fed_base();
	size_t bl = strlen(base);
	const char *name = NULL;
	if (!strncasecmp(res, "acct:", 5)) {
		const char *s = res + 5;
		if (*s == '@')
			s++;
		const char *at = strchr(s, '@');
		if (!at || strcasecmp(at + 1, core_fed_host()))
			return NULL;
		name = arena_strndup(r->a, s, (size_t)(at - s));
	} else if (!strncmp(res, base, bl) && !strncmp(res + bl, "/users/", 7)) {
		name = res + bl + 7;
	} else if (!strncmp(res, base, bl) && !strncmp(res + bl, "/@", 2)) {
		name = res + bl + 2;
	}
	if (!name || !*name || strchr(name, '/'))
		return NULL;
	char *low = arena_strdup(r->a, name);
	str_lower(low);
	return low;
}

/* The group a WebFinger resource /groups/NAME of ours names, or NULL. */
static const char *group_resource(struct http_req *r, const char *res)
{
	const char *base = core_fed_base();
	size_t bl = strlen(base);
	if (!res || strlen(res) > RESOURCE_MAX || strncmp(res, base, bl) || strncmp(res + bl, "/groups/", 8) ||
	    !res[bl + 8] || strchr(res + bl + 8, '/'))
		return NULL;
	return res + bl + 8;
}

static int f_webfinger(struct http_req *r)
{
	const char *res = http_query(r, "resource");
	if (!res)
		return ERR_INVAL;
	const char *name = resource_name(r, res);
	struct fed_local l;
	const char *gname = NULL;
	if (!name) {
		/* An open group's address (acct:NAME@host, or /groups/NAME). */
		if (!(name = group_resource(r, res)) || core_fed_group_name(fc, r->a, name, &gname))
			return ERR_NOTFOUND;
	} else if (core_fed_local(fc, r->a, name, &l)) {
		if (strncasecmp(res, "acct:", 5) || core_fed_group_name(fc, r->a, name, &gname))
			return ERR_NOTFOUND;
	}
	const char *uname = gname ? gname : l.acc->username;
	const char *actor = gname ? arena_printf(r->a, "%s/groups/%s", core_fed_base(), gname) : actor_of(r, uname);
	const char *page = arena_printf(r->a, gname ? "%s/g/%s" : "%s/@%s", core_fed_base(), uname);
	json_t *o = json_object();
	json_object_set_new(o, "subject", json_string(arena_printf(r->a, "acct:%s@%s", uname, core_fed_host())));
	json_t *al = json_array();
	json_array_append_new(al, json_string(actor));
	json_array_append_new(al, json_string(page));
	json_object_set_new(o, "aliases", al);
	json_t *links = json_array();
	json_array_append_new(links, json_pack("{s:s,s:s,s:s}", "rel", "self", "type", "application/activity+json",
	                                       "href", actor));
	json_array_append_new(links, json_pack("{s:s,s:s,s:s}", "rel", "http://webfinger.net/rel/profile-page", "type",
	                                       "text/html", "href", page));
	json_object_set_new(o, "links", links);
	http_set_header(r, "Access-Control-Allow-Origin", "*");
	return send_json(r, o, "application/jrd+json; charset=utf-8");
}

static int f_host_meta(struct http_req *r)
{
	r->content_type = "application/xrd+xml; charset=utf-8";
	struct buf *b = &r->out;
	int rc = buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                     "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
	                     "  <Link rel=\"lrdd\" template=\"");
	if (!rc)
		rc = html_escape(b, core_fed_base(), strlen(core_fed_base()));
	if (!rc)
		rc = buf_adds(b, "/.well-known/webfinger?resource={uri}\"/>\n</XRD>\n");
	return rc;
}

static const char *req_header(void *ctx, const char *name)
{
	return http_header(ctx, name);
}

/* The (request-target) a signature covers: the path and its query, which
 * libmicrohttpd split off and decoded; encoded again as our own collection
 * links are (a signer that encoded other bytes does not verify). */
static const char *target_of(struct http_req *r)
{
	struct http_field f[8];
	int n = http_query_fields(r, f, 8);
	char t[FED_TARGET_MAX];
	size_t k = 0;
	for (int i = 0; i < n; i++)
		for (int part = 0; part < 2; part++) {
			const char *s = part ? f[i].value : f[i].name;
			if (k + 2 > sizeof t)
				return r->path;
			t[k++] = part ? '=' : i ? '&' : '?';
			for (; *s; s++) {
				if (k + 4 > sizeof t)
					return r->path;
				if (isalnum((unsigned char)*s) || strchr("-._~", *s))
					t[k++] = *s;
				else
					k += (size_t)snprintf(t + k, 4, "%%%02X", (unsigned char)*s);
			}
		}
	t[k] = '\0';
	return n > 0 ? arena_printf(r->a, "%s%s", r->path, t) : r->path;
}

/* Who asks for an object (a signed GET, core/fed_fetch.h): refused when
 * the signer is blocked, or unsigned under authorized fetch. */
static int fetcher(struct http_req *r, bool objects)
{
	struct fed_request fr = {r->method_str, target_of(r), NULL, 0, req_header, r, http_client_addr(r)};
	const char *by, *why;
	int rc = core_fed_fetcher(fc, r->a, &fr, objects, &by, &why);
	if (rc)
		log_info("GET %s: %s: %s", r->path, err_str(rc), why);
	return rc;
}

/* ---- actors ---- */

static int f_actor(struct http_req *r)
{
	const char *name = http_param(r, "name");
	/* A browser asking for /users/ann reads the profile page. */
	if (!wants_ap(r) && !strncmp(r->path, "/users/", 7)) {
		http_redirect(r, arena_printf(r->a, "/@%s", name));
		return 0;
	}
	json_t *o;
	int rc = fetcher(r, false);
	if (rc)
		return rc;
	if (core_fed_actor_doc(fc, r->a, name, &o))
		return ERR_NOTFOUND;
	return send_json(r, o, AP_TYPE);
}

/* outbox, followers, following, featured (core/fed_coll.c decides what is
 * in them); ?page=...&max_id=N or &remote=N: a page. */
static int collection(struct http_req *r, const char *what)
{
	struct fed_coll_at at = {http_query(r, "page") != NULL, 0, 0};
	const char *max = http_query(r, "max_id"), *rem = http_query(r, "remote");
	if ((max && !parse_u64(max, &at.max_id)) || (rem && !parse_u64(rem, &at.remote)))
		return ERR_INVAL;
	json_t *o;
	int rc = fetcher(r, true);
	if (rc)
		return rc;
	if ((rc = core_fed_collection(fc, r->a, http_param(r, "name"), what, &at, &o)))
		return rc;
	return send_json(r, o, AP_TYPE);
}

static int f_followers(struct http_req *r)
{
	return collection(r, "followers");
}

static int f_following(struct http_req *r)
{
	return collection(r, "following");
}

static int f_outbox(struct http_req *r)
{
	return collection(r, "outbox");
}

static int f_featured(struct http_req *r)
{
	return collection(r, "featured");
}

static int f_note(struct http_req *r)
{
	uint64_t id;
	const char *json, *why = "";
	struct fed_request fr = {r->method_str, r->path, NULL, 0, req_header, r, http_client_addr(r)};
	if (!parse_u64(http_param(r, "id"), &id))
		return ERR_NOTFOUND;
	int rc = core_fed_note_fetch(fc, r->a, http_param(r, "name"), id, &fr, &json, &why);
	if (rc) {
		if (rc != ERR_NOTFOUND)
			log_info("GET %s: %s: %s", r->path, err_str(rc), why);
		return rc;
	}
	r->content_type = AP_TYPE;
	http_set_header(r, "Vary", "Accept");
	return buf_adds(&r->out, json);
}

/* ---- groups (FEP-1b12): open groups only, core_fed_group_doc decides ---- */

static int group_doc(struct http_req *r, const char *what)
{
	const char *name = http_param(r, "name");
	/* A browser asking for /groups/NAME reads the group's page. */
	if (!what && !wants_ap(r)) {
		http_redirect(r, arena_printf(r->a, "/g/%s", name));
		return 0;
	}
	json_t *o;
	int rc = fetcher(r, what != NULL); /* collections as a person's: signed under authorized fetch */
	if (rc)
		return rc;
	if (core_fed_group_doc(fc, r->a, name, what, &o))
		return ERR_NOTFOUND;
	return send_json(r, o, AP_TYPE);
}

static int f_group(struct http_req *r)
{
	return group_doc(r, NULL);
}

static int f_group_followers(struct http_req *r)
{
	return group_doc(r, "followers");
}

static int f_group_outbox(struct http_req *r)
{
	return group_doc(r, "outbox");
}

static int f_group_featured(struct http_req *r)
{
	return group_doc(r, "featured");
}

static int inbox(struct http_req *r, const char *name);

/* A group's inbox is the shared one: core finds the group in the activity. */
static int f_group_inbox(struct http_req *r)
{
	json_t *o;
	if (core_fed_group_doc(fc, r->a, http_param(r, "name"), "outbox", &o))
		return ERR_NOTFOUND;
	json_decref(o);
	return inbox(r, NULL);
}

/* The instance actor (an Application, as Mastodon's): the key that signs
 * this server's fetches.  Always open: others need its key. */
static int f_instance(struct http_req *r)
{
	json_t *o;
	if (core_fed_instance_doc(fc, r->a, &o))
		return ERR_NOTFOUND;
	return send_json(r, o, AP_TYPE);
}

/* ---- inboxes ---- */

static int inbox(struct http_req *r, const char *name)
{
	if (r->body.len > FED_BODY_MAX)
		return ERR_TOOBIG;
	struct fed_request fr = {r->method_str, r->path, r->body.ptr ? r->body.ptr : "", r->body.len, req_header, r,
	                         http_client_addr(r)};
	const char *why;
	int rc = core_fed_inbox(fc, r->a, name, &fr, &why);
	if (rc) {
		log_info("inbox %s: %s: %s", name ? name : "(shared)", err_str(rc), why);
		if (rc != ERR_RATE && rc != ERR_TOOBIG)
			return rc;
		/* A limit per server: say which, so its operator can tell. */
		r->status = rc == ERR_RATE ? 429 : 413;
		if (rc == ERR_RATE)
			http_set_header(r, "Retry-After", "60");
		return send_json(r, json_pack("{s:s}", "error", why), "application/json; charset=utf-8");
	}
	r->status = 202;
	return 0;
}

static int f_inbox(struct http_req *r)
{
	return inbox(r, http_param(r, "name"));
}

static int f_shared_inbox(struct http_req *r)
{
	return inbox(r, NULL);
}

/* ---- the mount ---- */

static const struct http_route fed_routes[] = {
        {HTTP_GET, "/.well-known/webfinger", f_webfinger},
        {HTTP_GET, "/.well-known/host-meta", f_host_meta},
        {HTTP_GET, "/users/:name", f_actor},
        {HTTP_GET, "/@:name", f_actor},
        {HTTP_GET, "/users/:name/followers", f_followers},
        {HTTP_GET, "/users/:name/following", f_following},
        {HTTP_GET, "/users/:name/outbox", f_outbox},
        {HTTP_GET, "/users/:name/featured", f_featured},
        {HTTP_GET, "/users/:name/statuses/:id", f_note},
        {HTTP_POST, "/users/:name/inbox", f_inbox},
        {HTTP_POST, "/inbox", f_shared_inbox},
        {HTTP_GET, "/actor", f_instance},
        {HTTP_POST, "/actor/inbox", f_shared_inbox},
        {HTTP_GET, "/groups/:name", f_group},
        {HTTP_GET, "/groups/:name/followers", f_group_followers},
        {HTTP_GET, "/groups/:name/outbox", f_group_outbox},
        {HTTP_GET, "/groups/:name/featured", f_group_featured},
        {HTTP_POST, "/groups/:name/inbox", f_group_inbox},
};

static bool fed_owns(const char *path)
{
	return !strcmp(path, "/.well-known/webfinger") || !strcmp(path, "/.well-known/host-meta") ||
	       !strncmp(path, "/users/", 7) || !strcmp(path, "/inbox") || !strcmp(path, "/actor") ||
	       !strcmp(path, "/actor/inbox") || !strncmp(path, "/groups/", 8);
}

/* A profile's address asked for as ActivityPub: /@name with activity+json. */
static bool fed_claims(struct http_req *r)
{
	return (r->method == HTTP_GET || r->method == HTTP_HEAD) && !strncmp(r->path, "/@", 2) &&
	       !strchr(r->path + 2, '/') && wants_ap(r);
}

static void fed_error(struct http_req *r, int err)
{
	buf_reset(&r->out);
	buf_nofail(buf_addf(&r->out, "{\"error\":\"%s\"}", err_str(err)));
	r->content_type = "application/json; charset=utf-8";
}

static size_t fed_body_limit(struct http_req *r)
{
	return FED_BODY_MAX;
}

void fed_mount(struct http_mount *out)
{
	*out = (struct http_mount){
	        .name = "fed",
	        .owns = fed_owns,
	        .claims = fed_claims,
	        .routes = fed_routes,
	        .nroutes = sizeof fed_routes / sizeof fed_routes[0],
	        .error_page = fed_error,
	        .body_limit = fed_body_limit,
	};
}
