/* Unit tests for core/oauth.c: scopes, apps, codes (single use, bound to
 * app, redirect URI and PKCE), tokens and revocation, on a temporary database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "core/core_int.h"
#include "core/oauth.h"

/* A verifier and its S256 challenge (base64url of SHA-256, no padding). */
#define VERIFIER "dBjftJeZ4CVP-mJ92K1i-HmzgvJkh4sFa8WtfhDhnP4rNGkTUwY"
#define CHALLENGE "1Nt4_lDxdsSON0ue2HRYa0Leu1SaEuBbQyFcG8jGAvk"
#define URI "https://app.example/cb"

struct fx {
	char path[64];
	struct core *c;
	struct arena a;
	uint64_t ann;
	struct oauth_app *app;
	char *secret;
};

static int setup(void **state)
{
	log_min = LOG_WARN;
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/kring-oauth-%d-%llu.db", (int)getpid(), (unsigned long long)id_new());
	if (core_open(f->path, &f->c))
		return -1;
	arena_init(&f->a);
	if (core_account_create(f->c, "ann", "wachtwoord-ann", ACCOUNT_PERSON, ROLE_MEMBER, &f->ann) ||
	    core_app_create(f->c, &f->a, "App", URI "\n" OAUTH_OOB, "read write", NULL, "1.2.3.4", &f->app, &f->secret))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	core_close(f->c);
	arena_release(&f->a);
	char p[80];
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	free(f);
	return 0;
}

static void test_scopes(void **state)
{
	(void)state;
	assert_true(core_scope_allows("read write", "read:statuses"));
	assert_true(core_scope_allows("read:statuses", "read:statuses"));
	assert_false(core_scope_allows("read:statuses", "read:notifications"));
	assert_false(core_scope_allows("read", "write:statuses"));
	assert_false(core_scope_allows("readx", "read:statuses"));
	assert_true(core_scope_allows("follow", "write:blocks"));
	assert_false(core_scope_allows("", "read"));
	assert_true(core_scopes_valid("read write:favourites follow push"));
	assert_false(core_scopes_valid("read admin:everything"));
	/* The admin scopes (issue 14) are their own: never part of read or write. */
	assert_true(core_scopes_valid("read admin:read admin:write:reports"));
	assert_false(core_scope_allows("read write", "admin:read:accounts"));
	assert_true(core_scope_allows("admin:read", "admin:read:accounts"));
	assert_false(core_scope_allows("admin:read", "read:statuses"));
	assert_false(core_scope_allows("admin:read", "admin:write:accounts"));
	assert_false(core_scopes_valid(""));
	assert_true(core_scopes_subset("read:lists write", "read write"));
	assert_false(core_scopes_subset("read follow", "read write"));
}

static enum oauth_fail grant(struct fx *f, const char *code, const char *secret, const char *uri,
                             const char *verifier, char **token)
{
	struct grant g = {.grant_type = "authorization_code", .client_id = f->app->client_id, .client_secret = secret,
	                  .code = code, .redirect_uri = uri, .code_verifier = verifier};
	const char *scopes;
	int64_t at;
	return core_token_grant(f->c, &f->a, &g, token, &scopes, &at);
}

static void test_codes(void **state)
{
	struct fx *f = *state;
	char *code, *tok;
	/* Redirect URI and scopes must match the registration. */
	assert_int_equal(core_code_create(f->c, &f->a, f->app, f->ann, "https://evil.example/cb", "read", NULL, &code),
	                 ERR_INVAL);
	assert_int_equal(core_code_create(f->c, &f->a, f->app, f->ann, URI, "follow", NULL, &code), ERR_INVAL);
	/* PKCE: wrong verifier spends the code. */
	assert_int_equal(core_code_create(f->c, &f->a, f->app, f->ann, URI, "read", CHALLENGE, &code), 0);
	assert_int_equal(grant(f, code, NULL, URI, VERIFIER "x", &tok), OAUTH_INVALID_GRANT);
	assert_int_equal(grant(f, code, NULL, URI, VERIFIER, &tok), OAUTH_INVALID_GRANT);
	assert_int_equal(core_code_create(f->c, &f->a, f->app, f->ann, URI, "read", CHALLENGE, &code), 0);
	assert_int_equal(grant(f, code, NULL, URI, VERIFIER, &tok), OAUTH_OK);
	assert_int_equal(grant(f, code, NULL, URI, VERIFIER, &tok), OAUTH_INVALID_GRANT); /* single use */
	struct oauth_token ot;
	assert_int_equal(core_token_resolve(f->c, &f->a, tok, &ot, NULL), 0);
	assert_int_equal(ot.account_id, f->ann);
	assert_string_equal(ot.scopes, "read");
	/* Without PKCE the secret is needed, and the redirect URI must match. */
	assert_int_equal(core_code_create(f->c, &f->a, f->app, f->ann, OAUTH_OOB, NULL, NULL, &code), 0);
	assert_int_equal(grant(f, code, NULL, OAUTH_OOB, NULL, &tok), OAUTH_INVALID_CLIENT);
	assert_int_equal(grant(f, code, "0000", OAUTH_OOB, NULL, &tok), OAUTH_INVALID_CLIENT);
	assert_int_equal(grant(f, code, f->secret, URI, NULL, &tok), OAUTH_INVALID_GRANT);
	assert_int_equal(core_code_create(f->c, &f->a, f->app, f->ann, OAUTH_OOB, NULL, NULL, &code), 0);
	assert_int_equal(grant(f, code, f->secret, OAUTH_OOB, NULL, &tok), OAUTH_OK);
	/* An expired code is refused (made directly with a past expiry). */
	struct oauth_code old = {.app_id = f->app->id, .account_id = f->ann, .redirect_uri = OAUTH_OOB,
	                         .scopes = "read", .challenge = "", .expires_at = 1000};
	char h[65];
	core_token_hash("expired-code", h);
	assert_int_equal(store_code_insert(f->c->store, h, &old), 0);
	assert_int_equal(grant(f, "expired-code", f->secret, OAUTH_OOB, NULL, &tok), OAUTH_INVALID_GRANT);
	assert_int_equal(core_code_create(f->c, &f->a, f->app, f->ann, OAUTH_OOB, NULL, NULL, &code), 0);
	assert_int_equal(grant(f, code, f->secret, OAUTH_OOB, NULL, &tok), OAUTH_OK);
	/* Revocation by the client that holds the token. */
	assert_int_equal(core_token_revoke(f->c, &f->a, f->app->client_id, f->secret, tok), OAUTH_OK);
	assert_int_equal(core_token_resolve(f->c, &f->a, tok, &ot, NULL), ERR_AUTH);
	assert_int_equal(core_token_resolve(f->c, &f->a, "nonsense", &ot, NULL), ERR_AUTH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scopes),
		cmocka_unit_test_setup_teardown(test_codes, setup, teardown),
	};
	return cmocka_run_group_tests_name("oauth", tests, NULL, NULL);
}
