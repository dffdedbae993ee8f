/* OAuth 2: apps, codes, tokens and scopes (see oauth.h). */
#include "core/oauth.h"

#include <sodium.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core_int.h"

const char *oauth_fail_code(enum oauth_fail f)
{
	switch (f) {
	case OAUTH_OK: return "ok";
	case OAUTH_INVALID_REQUEST: return "invalid_request";
	case OAUTH_INVALID_CLIENT: return "invalid_client";
	case OAUTH_INVALID_GRANT: return "invalid_grant";
	case OAUTH_INVALID_SCOPE: return "invalid_scope";
	case OAUTH_UNSUPPORTED_GRANT: return "unsupported_grant_type";
	case OAUTH_SLOW_DOWN: return "slow_down";
	case OAUTH_SERVER_ERROR: break;
	}
	return "server_error";
}

static const char *const known_scopes[] = {
	"read", "write", "follow", "push", "profile",
	"read:accounts", "read:blocks", "read:bookmarks", "read:favourites", "read:filters", "read:follows",
	"read:lists", "read:mutes", "read:notifications", "read:search", "read:statuses",
	"write:accounts", "write:blocks", "write:bookmarks", "write:conversations", "write:favourites",
	"write:filters", "write:follows", "write:lists", "write:media", "write:mutes", "write:notifications",
	"write:reports", "write:statuses",
	/* kring's own: an organisation's webcare inbox (core/webcare.h) */
	"read:webcare", "write:webcare",
	/* kring's own: appointments (/api/v1/kring/..., issue 18) */
	"read:appointments", "write:appointments",
	/* kring's own: reviews (issue 19) */
	"read:reviews", "write:reviews", "admin:read:reviews", "admin:write:reviews",
	/* kring's own: choosing a care worker (issue 19) */
	"read:match", "write:match",
	/* kring's own: my plan (issue 19) */
	"read:plan", "write:plan",
	/* kring's own: informal carers (issue 19) */
	"read:carers", "write:carers",
	/* Moderation from apps: never part of "read" or "write" (as Mastodon). */
	"admin:read", "admin:read:accounts", "admin:read:reports",
	"admin:write", "admin:write:accounts", "admin:write:reports",
};

/* Call fn for each space-separated word of s (bounded copy). */
static bool each_word(const char *s, bool (*fn)(const char *w, const void *ctx), const void *ctx)
{
	char w[64];
	while (s && *s) {
		while (*s == ' ' || *s == '+')
			s++;
		size_t n = 0;
		while (s[n] && s[n] != ' ' && s[n] != '+')
			n++;
		if (!n)
			break;
		if (n >= sizeof w)
			return false;
		memcpy(w, s, n);
		w[n] = '\0';
		if (!fn(w, ctx))
			return false;
		s += n;
	}
	return true;
}

static bool known(const char *w, const void *ctx)
{
	(void)ctx;
	for (size_t i = 0; i < sizeof known_scopes / sizeof known_scopes[0]; i++)
		if (!strcmp(w, known_scopes[i]))
			return true;
	return false;
}

bool core_scopes_valid(const char *scopes)
{
	return scopes && strlen(scopes) <= OAUTH_MAX_SCOPES && *scopes && each_word(scopes, known, NULL);
}

static bool allows_one(const char *w, const void *need)
{
	const char *n = need;
	if (!strcmp(w, n))
		return false; /* found: stop */
	size_t wl = strlen(w);
	if (!strncmp(n, w, wl) && n[wl] == ':')
		return false;
	/* "follow" is the old umbrella for relationships. */
	if (!strcmp(w, "follow") &&
	    (!strcmp(n, "read:follows") || !strcmp(n, "write:follows") || !strcmp(n, "read:blocks") ||
	     !strcmp(n, "write:blocks") || !strcmp(n, "read:mutes") || !strcmp(n, "write:mutes")))
		return false;
	return true;
}

bool core_scope_allows(const char *granted, const char *need)
{
	/* each_word stops (returns false) at the first scope that allows need. */
	return !each_word(granted, allows_one, need);
}

static bool in_have(const char *w, const void *have)
{
	return core_scope_allows(have, w);
}

bool core_scopes_subset(const char *want, const char *have)
{
	return each_word(want, in_have, have);
}

/* Schemes a browser would run, read from disk or keep in the page instead
 * of handing to an app: a code sent there goes to a script, not the app. */
static const char *const bad_schemes[] = {
	"javascript", "data", "vbscript", "file", "blob", "about", "filesystem", "view-source", "jar", "urn",
};

/* The host of http://HOST[:PORT][/...] is this machine (RFC 8252 7.3:
 * native apps listen on the loopback interface). */
static bool loopback_authority(const char *h, size_t n)
{
	char host[64];
	size_t hl = n;
	if (n && h[0] == '[') {
		const char *e = memchr(h, ']', n);
		if (!e)
			return false;
		hl = (size_t)(e - h) + 1;
	} else {
		const char *e = memchr(h, ':', n);
		if (e)
			hl = (size_t)(e - h);
	}
	if (!hl || hl >= sizeof host)
		return false;
	memcpy(host, h, hl);
	host[hl] = '\0';
	for (size_t i = hl; i < n; i++) /* an optional :PORT */
		if (!(i == hl ? h[i] == ':' : h[i] >= '0' && h[i] <= '9'))
			return false;
	if (!strcmp(host, "localhost") || !strcmp(host, "[::1]"))
		return true;
	/* 127.0.0.0/8, written as four decimal parts. */
	int parts = 0, val = -1;
	if (strncmp(host, "127.", 4))
		return false;
	for (const char *p = host;; p++) {
		if (*p >= '0' && *p <= '9') {
			val = (val < 0 ? 0 : val * 10) + (*p - '0');
			if (val > 255)
				return false;
		} else if ((*p == '.' || !*p) && val >= 0) {
			parts++;
			val = -1;
			if (!*p)
				break;
		} else {
			return false;
		}
	}
	return parts == 4;
}

/* A redirect URI an app may register: https, http to this machine only, the
 * out-of-band URN, or an app's own scheme (tusky://, com.example.app:/cb),
 * never one that runs or shows content itself (javascript:, data:, ...). */
static bool uri_ok(const char *u)
{
	if (!strcmp(u, OAUTH_OOB))
		return true;
	for (const char *p = u; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return false;
	/* scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 3.1) */
	const char *colon = strchr(u, ':');
	if (!colon || colon == u || (size_t)(colon - u) > 64 || !colon[1])
		return false;
	char scheme[65];
	size_t sl = (size_t)(colon - u);
	for (size_t i = 0; i < sl; i++) {
		char ch = u[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		bool alpha = ch >= 'a' && ch <= 'z';
		if (!alpha && (!i || !((ch >= '0' && ch <= '9') || ch == '+' || ch == '.' || ch == '-')))
			return false;
		scheme[i] = ch;
	}
	scheme[sl] = '\0';
	for (size_t i = 0; i < sizeof bad_schemes / sizeof bad_schemes[0]; i++)
		if (!strcmp(scheme, bad_schemes[i]))
			return false;
	bool http = !strcmp(scheme, "http"), https = !strcmp(scheme, "https");
	if (!http && !https)
		return true;
	if (strncmp(colon, "://", 3))
		return false;
	const char *h = colon + 3;
	size_t n = strcspn(h, "/?#");
	/* No user-info: "http://localhost@evil.example" goes to evil.example. */
	if (!n || memchr(h, '@', n) || memchr(h, '\\', n))
		return false;
	return https || loopback_authority(h, n);
}

int core_app_create(struct core *c, struct arena *a, const char *name, const char *redirect_uris,
                    const char *scopes, const char *website, const char *remote, struct oauth_app **app,
                    char **secret)
{
	if (!name || !*name || text_check(name, strlen(name), 200))
		return ERR_INVAL;
	if (!redirect_uris || !*redirect_uris || strlen(redirect_uris) > OAUTH_MAX_URIS ||
	    !utf8_valid(redirect_uris, strlen(redirect_uris)))
		return ERR_INVAL;
	if (!scopes || !*scopes)
		scopes = "read";
	if (!core_scopes_valid(scopes))
		return ERR_INVAL;
	if (website && (strlen(website) > 500 || !utf8_valid(website, strlen(website))))
		return ERR_INVAL;
	/* Several URIs come newline (or space) separated; each must be absolute. */
	char *uris = arena_strdup(a, redirect_uris);
	for (char *p = uris; *p; p++)
		if (*p == ' ' || *p == '\r')
			*p = '\n';
	char *copy = arena_strdup(a, uris), *save = NULL;
	int nuris = 0;
	for (char *u = strtok_r(copy, "\n", &save); u; u = strtok_r(NULL, "\n", &save), nuris++)
		if (!uri_ok(u))
			return ERR_INVAL;
	if (!nuris)
		return ERR_INVAL;
	/* Registration needs no account: limit it per address, so nobody
	 * fills the database with apps. */
	int64_t now = time_now(), n = 0;
	int rc;
	if (c->app_rate) {
		rc = store_rate_hit(c->store, arena_printf(a, "apps:addr:%s", core_addr_bucket(a, remote)), now,
		                    now - 3600, &n);
		if (rc)
			return rc;
		if (n > c->app_rate)
			return ERR_RATE;
	}
	struct oauth_app *p = arena_alloc(a, sizeof *p);
	char *sec = core_token_new(a);
	char *h = arena_alloc(a, 65);
	core_token_hash(sec, h);
	p->id = id_new();
	p->client_id = core_token_new(a);
	p->secret_hash = h;
	p->name = name;
	p->website = website ? website : "";
	p->redirect_uris = uris;
	p->scopes = scopes;
	p->created_at = now;
	rc = store_app_insert(c->store, p);
	if (rc)
		return rc;
	*app = p;
	*secret = sec;
	return 0;
}

int core_app_by_id(struct core *c, struct arena *a, uint64_t id, struct oauth_app **app)
{
	if (!id)
		return ERR_NOTFOUND;
	return store_app_by_id(c->store, a, id, app);
}

int core_app_check(struct core *c, struct arena *a, const char *client_id, const char *secret,
                   struct oauth_app **app)
{
	if (!client_id || !*client_id || strlen(client_id) > 128)
		return ERR_AUTH;
	struct oauth_app *p;
	int rc = store_app_get(c->store, a, client_id, &p);
	if (rc)
		return rc == ERR_NOTFOUND ? ERR_AUTH : rc;
	if (secret) {
		char h[65];
		core_token_hash(secret, h);
		if (!str_eq_ct(h, p->secret_hash))
			return ERR_AUTH;
	}
	*app = p;
	return 0;
}

bool core_app_redirect_ok(const struct oauth_app *app, const char *uri)
{
	/* uri_ok again: an app registered before the rule keeps no bad URI. */
	if (!uri || !*uri || !uri_ok(uri))
		return false;
	size_t n = strlen(uri);
	for (const char *p = app->redirect_uris; *p;) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l == n && !memcmp(p, uri, n))
			return true;
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

int core_code_create(struct core *c, struct arena *a, const struct oauth_app *app, uint64_t account,
                     const char *redirect_uri, const char *scopes, const char *challenge, char **code)
{
	if (!account)
		return ERR_AUTH;
	if (!core_app_redirect_ok(app, redirect_uri))
		return ERR_INVAL;
	if (!scopes || !*scopes)
		scopes = app->scopes;
	if (!core_scopes_valid(scopes) || !core_scopes_subset(scopes, app->scopes))
		return ERR_INVAL;
	if (challenge && strlen(challenge) > 128)
		return ERR_INVAL;
	char *k = core_token_new(a);
	char h[65];
	core_token_hash(k, h);
	struct oauth_code oc = {
		.app_id = app->id,
		.account_id = account,
		.redirect_uri = redirect_uri,
		.scopes = scopes,
		.challenge = challenge ? challenge : "",
		.expires_at = time_now() + OAUTH_CODE_SECONDS,
	};
	int rc = store_code_insert(c->store, h, &oc);
	if (!rc)
		*code = k;
	return rc;
}

static bool pkce_ok(const char *challenge, const char *verifier)
{
	size_t n = verifier ? strlen(verifier) : 0;
	if (n < 43 || n > 128)
		return false;
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)verifier, n);
	char b64[64];
	sodium_bin2base64(b64, sizeof b64, h, sizeof h, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return strlen(challenge) == strlen(b64) && str_eq_ct(b64, challenge);
}

static enum oauth_fail issue(struct core *c, struct arena *a, uint64_t app, uint64_t account, const char *scopes,
                             char **token, const char **out_scopes, int64_t *created_at)
{
	char *t = core_token_new(a);
	char h[65];
	core_token_hash(t, h);
	struct oauth_token ot = {.id = id_new(), .app_id = app, .account_id = account, .scopes = scopes,
	                         .created_at = time_now()};
	if (store_otoken_insert(c->store, h, &ot))
		return OAUTH_SERVER_ERROR;
	*token = t;
	*out_scopes = scopes;
	*created_at = ot.created_at;
	return OAUTH_OK;
}

enum oauth_fail core_token_grant(struct core *c, struct arena *a, const struct grant *g, char **token,
                                 const char **scopes, int64_t *created_at)
{
	if (!g->grant_type)
		return OAUTH_INVALID_REQUEST;
	bool is_code = !strcmp(g->grant_type, "authorization_code");
	bool is_client = !strcmp(g->grant_type, "client_credentials");
	bool is_password = !strcmp(g->grant_type, "password");
	if (!is_code && !is_client && !is_password)
		return OAUTH_UNSUPPORTED_GRANT;
	/* A public client may leave out its secret only when PKCE proves it. */
	const char *secret = g->client_secret;
	if (!secret && !(is_code && g->code_verifier))
		return OAUTH_INVALID_CLIENT;
	struct oauth_app *app;
	int rc = core_app_check(c, a, g->client_id, secret, &app);
	if (rc)
		return rc == ERR_AUTH ? OAUTH_INVALID_CLIENT : OAUTH_SERVER_ERROR;
	const char *want = g->scope && *g->scope ? g->scope : NULL;
	if (want && (!core_scopes_valid(want) || !core_scopes_subset(want, app->scopes)))
		return OAUTH_INVALID_SCOPE;
	if (is_client)
		return issue(c, a, app->id, 0, want ? want : app->scopes, token, scopes, created_at);
	if (is_password) {
		char *session;
		uint64_t id;
		rc = core_login(c, a, g->username, g->password, g->remote, &session, &id, g->wait);
		if (rc)
			return rc == ERR_AUTH ? OAUTH_INVALID_GRANT : rc == ERR_RATE ? OAUTH_SLOW_DOWN : OAUTH_SERVER_ERROR;
		/* The session only proved the password; if it cannot be ended it
		 * expires like any other. */
		IGNORE_RESULT(core_logout(c, session));
		return issue(c, a, app->id, id, want ? want : app->scopes, token, scopes, created_at);
	}
	if (!g->code || strlen(g->code) > 128)
		return OAUTH_INVALID_GRANT;
	char h[65];
	core_token_hash(g->code, h);
	struct oauth_code oc;
	/* The code is spent here whatever follows, so a failed try cannot be repeated. */
	rc = store_code_use(c->store, a, h, &oc);
	if (rc)
		return rc == ERR_NOTFOUND ? OAUTH_INVALID_GRANT : OAUTH_SERVER_ERROR;
	if (oc.app_id != app->id || oc.expires_at < time_now())
		return OAUTH_INVALID_GRANT;
	if (!g->redirect_uri || strcmp(g->redirect_uri, oc.redirect_uri))
		return OAUTH_INVALID_GRANT;
	if (oc.challenge[0] ? !pkce_ok(oc.challenge, g->code_verifier) : g->code_verifier != NULL && !secret)
		return OAUTH_INVALID_GRANT;
	return issue(c, a, app->id, oc.account_id, oc.scopes, token, scopes, created_at);
}

enum oauth_fail core_token_revoke(struct core *c, struct arena *a, const char *client_id, const char *secret,
                                  const char *token)
{
	if (!token || !client_id)
		return OAUTH_INVALID_REQUEST;
	/* A public (PKCE) client holds no secret and names itself by client_id
	 * alone (RFC 7009 2.1); whoever holds a token may give it up.  A secret
	 * that is sent must still be right, and the token must be this client's. */
	struct oauth_app *app;
	int rc = core_app_check(c, a, client_id, secret, &app);
	if (rc)
		return rc == ERR_AUTH ? OAUTH_INVALID_CLIENT : OAUTH_SERVER_ERROR;
	char h[65];
	core_token_hash(token, h);
	struct oauth_token ot;
	if (store_otoken_get(c->store, a, h, &ot) == 0 && ot.app_id == app->id && store_otoken_revoke(c->store, h))
		return OAUTH_SERVER_ERROR; /* the token would still work: never say it is revoked */
	return OAUTH_OK;
}

int core_token_resolve(struct core *c, struct arena *a, const char *token, struct oauth_token *out,
                       struct account **acc)
{
	struct account *who = NULL;
	if (acc)
		*acc = NULL;
	if (!token || strlen(token) != 2 * CORE_TOKEN_BYTES)
		return ERR_AUTH;
	char h[65];
	core_token_hash(token, h);
	int rc = store_otoken_account(c->store, a, h, out, &who);
	if (rc)
		return rc == ERR_NOTFOUND ? ERR_AUTH : rc;
	if (out->account_id && (!who || who->suspended))
		return ERR_AUTH;
	if (!out->account_id)
		who = NULL;
	if (acc)
		*acc = who;
	return 0;
}
