/*
 * The OAuth pages people see: log in and approve an app (the code goes to
 * the app's redirect URI, or is shown for urn:ietf:wg:oauth:2.0:oob), and
 * the settings page listing apps with access, each with a revoke button.
 */
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/text.h"
#include "core/oauth.h"
#include "web/web_int.h"

/* Query arguments kept through the login page (Mastodon sends at most 9). */
#define AUTHZ_MAX_ARGS 24

struct authz {
	const char *client_id, *redirect_uri, *scope, *state, *challenge, *method;
	struct oauth_app *app;
};

static const char *in(struct http_req *r, const char *name)
{
	return r->method == HTTP_POST ? http_form(r, name) : http_query(r, name);
}

/* Check the request before anything is shown: the app, its redirect URI,
 * the scopes and PKCE.  Errors never redirect to an unchecked URI. */
static int authz_read(struct http_req *r, struct authz *z)
{
	z->client_id = in(r, "client_id");
	z->redirect_uri = in(r, "redirect_uri");
	z->scope = in(r, "scope");
	z->state = in(r, "state");
	z->challenge = in(r, "code_challenge");
	z->method = in(r, "code_challenge_method");
	const char *rt = in(r, "response_type");
	if (r->method == HTTP_GET && rt && strcmp(rt, "code"))
		return ERR_INVAL;
	if (core_app_check(CORE(r), r->a, z->client_id, NULL, &z->app))
		return ERR_INVAL;
	if (!z->redirect_uri || !*z->redirect_uri) {
		/* One registered URI may be left out. */
		if (strchr(z->app->redirect_uris, '\n'))
			return ERR_INVAL;
		z->redirect_uri = z->app->redirect_uris;
	}
	if (!core_app_redirect_ok(z->app, z->redirect_uri))
		return ERR_INVAL;
	if (!z->scope || !*z->scope)
		z->scope = z->app->scopes;
	if (!core_scopes_valid(z->scope) || !core_scopes_subset(z->scope, z->app->scopes))
		return ERR_INVAL;
	if (z->challenge && !*z->challenge)
		z->challenge = NULL;
	if (z->challenge && (strlen(z->challenge) < 43 || strlen(z->challenge) > 128 ||
	                     (z->method && *z->method && strcmp(z->method, "S256"))))
		return ERR_INVAL;
	if (z->state && strlen(z->state) > 1000)
		return ERR_INVAL;
	return 0;
}

/* The form may send the browser on to the app's redirect URI: allow it in
 * form-action, or browsers stop the redirect after the form post. */
static void csp_for(struct http_req *r, const char *uri)
{
	struct buf b = BUF_INIT(1024);
	buf_nofail(buf_adds(&b, "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
	                        " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"));
	const char *colon = strchr(uri, ':');
	if (strcmp(uri, OAUTH_OOB) && colon) {
		size_t n = (size_t)(colon - uri) + 1;
		if (!strncmp(colon, "://", 3)) {
			const char *end = colon + 3;
			while (*end && *end != '/' && *end != '?' && *end != '#')
				end++;
			n = (size_t)(end - uri);
		}
		bool ok = n < 300;
		for (size_t i = 0; ok && i < n; i++)
			ok = uri[i] > ' ' && uri[i] != ';' && uri[i] != ',' && uri[i] != '\'' && (unsigned char)uri[i] < 127;
		if (ok) {
			buf_nofail(buf_addc(&b, ' '));
			buf_nofail(buf_add(&b, uri, n));
		}
	}
	http_set_header(r, "Content-Security-Policy", arena_strdup(r->a, b.ptr));
	buf_release(&b);
}

int h_oauth_authorize(struct http_req *r)
{
	struct authz z;
	int rc = authz_read(r, &z);
	if (rc)
		return rc;
	if (!WREQ(r)->viewer) {
		/* Log in first, then come back here with the whole request: r->url
		 * is the path only, the query (client_id, redirect_uri, scope,
		 * state...) is rebuilt from its arguments. */
		struct http_field f[AUTHZ_MAX_ARGS];
		int n = http_query_fields(r, f, AUTHZ_MAX_ARGS);
		struct buf q = BUF_INIT(8192), b = BUF_INIT(24576);
		int bad = buf_adds(&q, "/oauth/authorize");
		for (int i = 0; i < n; i++) {
			bad |= buf_addc(&q, i ? '&' : '?');
			bad |= url_encode(&q, f[i].name, strlen(f[i].name));
			bad |= buf_addc(&q, '=');
			bad |= url_encode(&q, f[i].value, strlen(f[i].value));
		}
		bad |= buf_adds(&b, "/login?next=");
		bad |= url_encode(&b, q.ptr, q.len);
		if (!bad)
			http_redirect(r, arena_strdup(r->a, b.ptr));
		buf_release(&q);
		buf_release(&b);
		if (bad)
			return ERR_TOOBIG;
		return 0;
	}
	struct tval *m = page_model(r, _r(r, "Toegang geven aan een app"));
	tv_set_str(r->a, m, "app_name", z.app->name);
	tv_set_str(r->a, m, "website", z.app->website[0] ? z.app->website : NULL);
	tv_set_str(r->a, m, "client_id", z.client_id);
	tv_set_str(r->a, m, "redirect_uri", z.redirect_uri);
	tv_set_str(r->a, m, "scope", z.scope);
	tv_set_str(r->a, m, "state", z.state ? z.state : "");
	tv_set_str(r->a, m, "code_challenge", z.challenge ? z.challenge : "");
	tv_set_str(r->a, m, "code_challenge_method", z.challenge ? "S256" : "");
	tv_set_bool(r->a, m, "can_read", strstr(z.scope, "read") != NULL);
	tv_set_bool(r->a, m, "can_write", strstr(z.scope, "write") != NULL);
	tv_set_bool(r->a, m, "can_follow", strstr(z.scope, "follow") != NULL);
	tv_set_bool(r->a, m, "can_push", strstr(z.scope, "push") != NULL);
	rc = page_render(r, "oauth_authorize", m);
	csp_for(r, z.redirect_uri);
	return rc;
}

static void redirect_with(struct http_req *r, const char *uri, const char *key, const char *value, const char *state)
{
	struct buf b = BUF_INIT(8192);
	buf_nofail(buf_adds(&b, uri));
	buf_nofail(buf_addc(&b, strchr(uri, '?') ? '&' : '?'));
	buf_nofail(buf_addf(&b, "%s=", key));
	url_encode(&b, value, strlen(value));
	if (state && *state) {
		buf_nofail(buf_adds(&b, "&state="));
		url_encode(&b, state, strlen(state));
	}
	http_redirect(r, arena_strdup(r->a, b.ptr));
	buf_release(&b);
}

int h_oauth_approve(struct http_req *r)
{
	int rc;
	struct authz z;
	if ((rc = authz_read(r, &z)))
		return rc;
	const char *decision = http_form(r, "decision");
	bool oob = !strcmp(z.redirect_uri, OAUTH_OOB);
	if (!decision || strcmp(decision, "approve")) {
		if (oob) {
			redirect_msg(r, "/", NULL);
			return 0;
		}
		redirect_with(r, z.redirect_uri, "error", "access_denied", z.state);
		return 0;
	}
	char *code;
	if ((rc = core_code_create(CORE(r), r->a, z.app, WREQ(r)->viewer, z.redirect_uri, z.scope, z.challenge,
	                           &code)))
		return rc;
	if (!oob) {
		redirect_with(r, z.redirect_uri, "code", code, z.state);
		return 0;
	}
	struct tval *m = page_model(r, _r(r, "Uw toegangscode"));
	tv_set_str(r->a, m, "app_name", z.app->name);
	tv_set_str(r->a, m, "code", code);
	return page_render(r, "oauth_code", m);
}

int h_settings_apps(struct http_req *r)
{
	int rc;
	struct oauth_token *v;
	size_t n;
	if ((rc = core_own_tokens(CORE(r), r->a, WREQ(r)->viewer, &v, &n)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Apps met toegang"));
	struct tval *list = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *o = tv_obj(r->a);
		tv_set_strf(r->a, o, "id", "%llu", (unsigned long long)v[i].id);
		tv_set_str(r->a, o, "name", v[i].app_name[0] ? v[i].app_name : "?");
		tv_set_str(r->a, o, "scopes", v[i].scopes);
		tv_set_str(r->a, o, "since", fmt_time(r, v[i].created_at));
		tv_push(list, o);
	}
	if (n)
		tv_set(m, "apps", list);
	return page_render(r, "oauth_apps", m);
}

int h_settings_app_revoke(struct http_req *r)
{
	int rc;
	uint64_t id;
	const char *s = http_param(r, "id");
	if (!s || !parse_u64(s, &id))
		return ERR_NOTFOUND;
	if ((rc = core_own_token_revoke(CORE(r), WREQ(r)->viewer, id)))
		return rc;
	redirect_msg(r, "/settings/apps", "saved");
	return 0;
}
