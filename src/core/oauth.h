#ifndef CORE_OAUTH_H
#define CORE_OAUTH_H

/*
 * OAuth 2 for the client API: registered apps, authorization codes (single
 * use, ten minutes, bound to app, redirect URI and PKCE challenge), access
 * tokens (random, shown once, stored as SHA-256) and scopes.
 *
 * Scopes are space separated: read, write, follow, push, and sub-scopes such
 * as read:statuses or write:favourites.  A token allows `need` when it holds
 * `need` itself or its top-level scope ("read" covers "read:statuses").
 */

#include <stdbool.h>
#include <stdint.h>

#include "core/core.h"
#include "base/err.h"   /* WARN_UNUSED */
#include "store/types.h"

#define OAUTH_CODE_SECONDS 600
#define OAUTH_OOB "urn:ietf:wg:oauth:2.0:oob"
#define OAUTH_MAX_URIS 2000
#define OAUTH_MAX_SCOPES 1000

/* Why a grant failed, as the token endpoint reports it. */
enum oauth_fail {
	OAUTH_OK = 0,
	OAUTH_INVALID_REQUEST,
	OAUTH_INVALID_CLIENT,
	OAUTH_INVALID_GRANT,
	OAUTH_INVALID_SCOPE,
	OAUTH_UNSUPPORTED_GRANT,
	OAUTH_SERVER_ERROR,
	OAUTH_SLOW_DOWN,           /* too many wrong passwords: wait (429) */
};
/* The RFC 6749 error code for f ("invalid_grant", ...). */
const char *oauth_fail_code(enum oauth_fail f);

bool core_scopes_valid(const char *scopes);
/* True if every scope of want is allowed by have. */
bool core_scopes_subset(const char *want, const char *have);
/* True if the granted scope list allows need. */
bool core_scope_allows(const char *granted, const char *need);

/* Register an app for a client at address remote (http_client_addr); *secret
 * is shown once.  ERR_INVAL for a bad name, URI or scope; ERR_RATE past
 * CORE_APPS_PER_HOUR from this address.  A redirect URI is https, http to
 * this machine (localhost, 127.0.0.0/8, [::1]), an app's own scheme
 * (tusky://, com.example.app:/cb) or urn:ietf:wg:oauth:2.0:oob; never
 * javascript:, data:, file: and the like. */
int core_app_create(struct core *c, struct arena *a, const char *name, const char *redirect_uris,
                    const char *scopes, const char *website, const char *remote, struct oauth_app **app,
                    char **secret) WARN_UNUSED;
/* The app of client_id if secret matches (secret NULL: only look it up). */
int core_app_check(struct core *c, struct arena *a, const char *client_id, const char *secret,
                   struct oauth_app **app) WARN_UNUSED;
/* A registered app by id (a token's, or the app a post was written with). */
int core_app_by_id(struct core *c, struct arena *a, uint64_t id, struct oauth_app **app) WARN_UNUSED;
/* True if uri is one of the app's registered redirect URIs (exact match). */
bool core_app_redirect_ok(const struct oauth_app *app, const char *uri);

/* After the user approved: a new code for account.  challenge may be NULL (no PKCE). */
int core_code_create(struct core *c, struct arena *a, const struct oauth_app *app, uint64_t account,
                     const char *redirect_uri, const char *scopes, const char *challenge, char **code) WARN_UNUSED;

struct grant {
	const char *grant_type, *client_id, *client_secret, *code, *redirect_uri, *code_verifier;
	const char *scope, *username, *password, *remote;
	int *wait;                 /* out, may be NULL: seconds to wait on OAUTH_SLOW_DOWN */
};
/* The token endpoint: on success *token (shown once) and *scopes. */
enum oauth_fail core_token_grant(struct core *c, struct arena *a, const struct grant *g, char **token,
                                 const char **scopes, int64_t *created_at);
/* Revoke a token presented by its client (unknown tokens are not an error);
 * secret may be NULL for a public client, which names itself by client_id. */
enum oauth_fail core_token_revoke(struct core *c, struct arena *a, const char *client_id, const char *secret,
                                  const char *token);
/* Resolve a bearer token; ERR_AUTH if unknown or revoked, or if its account
 * is gone or suspended.  *acc (if acc is not NULL) is that account, NULL for
 * an app-only token. */
int core_token_resolve(struct core *c, struct arena *a, const char *token, struct oauth_token *out,
                       struct account **acc) WARN_UNUSED;

#endif
