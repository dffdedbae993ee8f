// An app's login as its browser tab meets it (issue 14): no session, the
// authorize URL, the login form, consent, the code at the redirect URI, and
// a token masto.js works with.  The tab is plain fetch with a cookie jar.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRestAPIClient, createOAuthAPIClient } from "masto";
import { startServer, PASSWORD, tab, hiddenFields } from "./server.mjs";

let srv;
before(async () => { srv = await startServer(["fenna"]); });
after(async () => { await srv.stop(); });

const REDIRECT = "http://127.0.0.1:9/callback";

test("app login from a tab with no session keeps the authorize request", async () => {
  const anon = createRestAPIClient({ url: srv.base });
  const app = await anon.v1.apps.create({ clientName: "Elk (test)", redirectUris: REDIRECT, scopes: "read write" });
  const q = new URLSearchParams({ client_id: app.clientId, redirect_uri: REDIRECT, response_type: "code",
    scope: "read write", state: "elk state/1" });
  const authorize = "/oauth/authorize?" + q;
  const go = tab(srv.base);
  let r = await go(authorize);
  assert.ok([302, 303].includes(r.status), `status ${r.status}`);
  assert.match(r.location, /^\/login\?next=/);
  r = await go(r.location);
  assert.equal(r.status, 200);
  const login = hiddenFields(r.text);
  const next = new URL(login.next, srv.base);
  assert.equal(next.pathname, "/oauth/authorize");
  assert.equal(next.searchParams.get("state"), "elk state/1");
  assert.equal(next.searchParams.get("client_id"), app.clientId);
  r = await go("/login", { csrf: login.csrf, username: "fenna", password: PASSWORD, next: login.next });
  assert.equal(r.status, 303);
  assert.equal(r.location, login.next);
  r = await go(r.location);
  assert.equal(r.status, 200);
  assert.match(r.text, /Elk \(test\)/);
  const consent = hiddenFields(r.text);
  assert.equal(consent.state, "elk state/1");
  r = await go("/oauth/authorize", { ...consent, decision: "approve" });
  assert.ok([302, 303].includes(r.status));
  const back = new URL(r.location);
  assert.equal(back.origin + back.pathname, REDIRECT);
  assert.equal(back.searchParams.get("state"), "elk state/1");
  const oauth = createOAuthAPIClient({ url: srv.base });
  const token = await oauth.token.create({ grantType: "authorization_code", code: back.searchParams.get("code"),
    clientId: app.clientId, clientSecret: app.clientSecret, redirectUri: REDIRECT, scope: "read write" });
  const me = await createRestAPIClient({ url: srv.base, accessToken: token.accessToken })
    .v1.accounts.verifyCredentials();
  assert.equal(me.username, "fenna");
});
