/* OAuth endpoints of the API: app registration, the token endpoint, revocation. */
#include "api/api_int.h"

#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "base/err.h"
#include "base/text.h"
#include "core/push.h"

static void app_json(struct actx *x, struct jw *j, const struct oauth_app *app, const char *secret)
{
	jw_obj(j);
	jw_kid(j, "id", app->id);
	jw_kstr(j, "name", app->name);
	jw_key(j, "website");
	jw_str(j, app->website[0] ? app->website : NULL);
	jw_key(j, "scopes");
	jw_arr(j);
	char *s = arena_strdup(x->a, app->scopes), *save = NULL;
	for (char *w = strtok_r(s, " ", &save); w; w = strtok_r(NULL, " ", &save))
		jw_str(j, w);
	jw_arr_end(j);
	jw_kstr(j, "redirect_uri", app->redirect_uris);
	jw_key(j, "redirect_uris");
	jw_arr(j);
	char *u = arena_strdup(x->a, app->redirect_uris);
	save = NULL;
	for (char *w = strtok_r(u, "\n", &save); w; w = strtok_r(NULL, "\n", &save))
		jw_str(j, w);
	jw_arr_end(j);
	jw_kstr(j, "vapid_key", core_push_server_key());
	if (secret) {
		jw_kstr(j, "client_id", app->client_id);
		jw_kstr(j, "client_secret", secret);
		jw_knull(j, "client_secret_expires_at");
	}
	jw_end(j);
}

int a_apps_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *uris[8];
	size_t nuris = arg_all(&x, "redirect_uris", uris, 8);
	struct buf b = BUF_INIT(OAUTH_MAX_URIS + 8);
	for (size_t i = 0; i < nuris; i++)
		if (buf_addf(&b, "%s%s", i ? "\n" : "", uris[i])) {
			buf_release(&b);
			return api_fail(&x, 422, "Validation failed: Redirect URI is too long");
		}
	char *joined = arena_strdup(x.a, b.ptr);
	buf_release(&b);
	struct oauth_app *app;
	char *secret;
	rc = core_app_create(x.c, x.a, arg(&x, "client_name"), nuris ? joined : NULL, arg(&x, "scopes"),
	                     arg(&x, "website"), http_client_addr(r), &app, &secret);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: name, redirect URI or scopes are invalid");
	if (rc == ERR_RATE) {
		http_set_header(r, "Retry-After", "3600");
		return api_fail(&x, 429, "Too many apps registered from this address; try again in an hour");
	}
	if (rc)
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	app_json(&x, &j, app, secret);
	return 0;
}

int a_apps_verify(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if (!x.has_token)
		return ERR_AUTH;
	struct oauth_app *app;
	if ((rc = core_app_by_id(x.c, x.a, x.tok.app_id, &app)))
		return rc == ERR_NOTFOUND ? ERR_AUTH : rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	app_json(&x, &j, app, NULL);
	return 0;
}

static int oauth_fail(struct actx *x, enum oauth_fail f)
{
	static const char *desc[] = {
		[OAUTH_INVALID_REQUEST] = "The request is missing a required parameter or is otherwise malformed.",
		[OAUTH_INVALID_CLIENT] = "Client authentication failed due to unknown client or wrong secret.",
		[OAUTH_INVALID_GRANT] = "The provided authorization grant is invalid, expired, revoked, does not match"
		                        " the redirection URI used in the authorization request, or was issued to"
		                        " another client.",
		[OAUTH_INVALID_SCOPE] = "The requested scope is invalid, unknown, or malformed.",
		[OAUTH_UNSUPPORTED_GRANT] = "The authorization grant type is not supported by the authorization server.",
		[OAUTH_SERVER_ERROR] = "The authorization server encountered an unexpected condition.",
		[OAUTH_SLOW_DOWN] = "Too many failed attempts. Wait as many seconds as Retry-After says, then try again.",
	};
	json_begin(x);
	x->r->status = f == OAUTH_INVALID_CLIENT ? 401 : f == OAUTH_SERVER_ERROR ? 503 : f == OAUTH_SLOW_DOWN ? 429 : 400;
	struct jw j;
	jw_init(&j, &x->r->out);
	jw_obj(&j);
	jw_kstr(&j, "error", oauth_fail_code(f));
	jw_kstr(&j, "error_description", desc[f]);
	jw_end(&j);
	return 0;
}

/* Client credentials may also come as HTTP Basic (RFC 6749 2.3.1). */
static void basic_auth(struct actx *x, const char **id, const char **secret)
{
	const char *h = http_header(x->r, "Authorization");
	if (!h || strncasecmp(h, "Basic ", 6) || strlen(h + 6) > 1024)
		return;
	unsigned char raw[800];
	size_t n = 0;
	if (sodium_base642bin(raw, sizeof raw - 1, h + 6, strlen(h + 6), NULL, &n, NULL,
	                      sodium_base64_VARIANT_ORIGINAL))
		return;
	raw[n] = '\0';
	char *s = arena_strndup(x->a, (const char *)raw, n);
	char *colon = strchr(s, ':');
	if (!colon)
		return;
	*colon = '\0';
	url_decode(s, strlen(s), true);
	url_decode(colon + 1, strlen(colon + 1), true);
	if (!*id)
		*id = s;
	if (!*secret)
		*secret = colon + 1;
}

int a_oauth_token(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc == ERR_AUTH)
		rc = 0; /* a stale bearer header must not hide the grant */
	if (rc)
		return oauth_fail(&x, OAUTH_INVALID_REQUEST);
	struct grant g = {
		.grant_type = arg(&x, "grant_type"),
		.client_id = arg(&x, "client_id"),
		.client_secret = arg(&x, "client_secret"),
		.code = arg(&x, "code"),
		.redirect_uri = arg(&x, "redirect_uri"),
		.code_verifier = arg(&x, "code_verifier"),
		.scope = arg(&x, "scope"),
		.username = arg(&x, "username"),
		.password = arg(&x, "password"),
		.remote = http_client_addr(r),
	};
	int wait = 0;
	g.wait = &wait;
	if (!g.scope)
		g.scope = arg(&x, "scopes");
	basic_auth(&x, &g.client_id, &g.client_secret);
	char *token;
	const char *scopes;
	int64_t created;
	enum oauth_fail f = core_token_grant(x.c, x.a, &g, &token, &scopes, &created);
	if (f == OAUTH_SLOW_DOWN)
		http_set_header(r, "Retry-After", arena_printf(x.a, "%d", wait > 0 ? wait : 1));
	if (f)
		return oauth_fail(&x, f);
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_kstr(&j, "access_token", token);
	jw_kstr(&j, "token_type", "Bearer");
	jw_kstr(&j, "scope", scopes);
	jw_kint(&j, "created_at", created);
	jw_end(&j);
	return 0;
}

int a_oauth_revoke(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc == ERR_AUTH)
		rc = 0;
	if (rc)
		return oauth_fail(&x, OAUTH_INVALID_REQUEST);
	const char *id = arg(&x, "client_id"), *secret = arg(&x, "client_secret");
	basic_auth(&x, &id, &secret);
	enum oauth_fail f = core_token_revoke(x.c, x.a, id, secret, arg(&x, "token"));
	if (f)
		return oauth_fail(&x, f);
	return json_literal(&x, "{}");
}

int a_oauth_meta(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_kstr(&j, "issuer", arena_printf(x.a, "%s/", x.base));
	jw_kstr(&j, "service_documentation", "https://docs.joinmastodon.org/");
	jw_kstr(&j, "authorization_endpoint", arena_printf(x.a, "%s/oauth/authorize", x.base));
	jw_kstr(&j, "token_endpoint", arena_printf(x.a, "%s/oauth/token", x.base));
	jw_kstr(&j, "revocation_endpoint", arena_printf(x.a, "%s/oauth/revoke", x.base));
	jw_kstr(&j, "app_registration_endpoint", arena_printf(x.a, "%s/api/v1/apps", x.base));
	static const char *scopes[] = {"read", "write", "follow", "push", "read:accounts", "read:blocks",
	                               "read:bookmarks", "read:favourites", "read:filters", "read:follows",
	                               "read:lists", "read:mutes", "read:notifications", "read:search",
	                               "read:statuses", "write:accounts", "write:blocks", "write:bookmarks",
	                               "write:conversations", "write:favourites", "write:filters",
	                               "write:follows", "write:lists", "write:media", "write:mutes",
	                               "write:notifications", "write:reports", "write:statuses", "admin:read",
	                               "admin:read:accounts", "admin:read:reports", "admin:write",
	                               "admin:write:accounts", "admin:write:reports"};
	jw_key(&j, "scopes_supported");
	jw_arr(&j);
	for (size_t i = 0; i < sizeof scopes / sizeof scopes[0]; i++)
		jw_str(&j, scopes[i]);
	jw_arr_end(&j);
	jw_key(&j, "response_types_supported");
	jw_arr(&j);
	jw_str(&j, "code");
	jw_arr_end(&j);
	jw_key(&j, "response_modes_supported");
	jw_arr(&j);
	jw_str(&j, "query");
	jw_str(&j, "fragment");
	jw_arr_end(&j);
	jw_key(&j, "code_challenge_methods_supported");
	jw_arr(&j);
	jw_str(&j, "S256");
	jw_arr_end(&j);
	jw_key(&j, "grant_types_supported");
	jw_arr(&j);
	jw_str(&j, "authorization_code");
	jw_str(&j, "password");
	jw_str(&j, "client_credentials");
	jw_arr_end(&j);
	jw_key(&j, "token_endpoint_auth_methods_supported");
	jw_arr(&j);
	jw_str(&j, "client_secret_basic");
	jw_str(&j, "client_secret_post");
	jw_arr_end(&j);
	jw_end(&j);
	return 0;
}
