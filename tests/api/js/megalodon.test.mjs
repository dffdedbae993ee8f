// megalodon (a client library we did not write, used by Whalebird and
// others) runs a scenario of its own against kring: log in through the
// authorize URL megalodon builds, then post, read the home timeline,
// favourite, follow and read notifications.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import megalodon from "megalodon";

const generator = typeof megalodon === "function" ? megalodon : megalodon.default;
import { startServer, approveInTab, passwordToken } from "./server.mjs";

let srv;
before(async () => { srv = await startServer(["gerda", "hamid"]); });
after(async () => { await srv.stop(); });

const REDIRECT = "http://127.0.0.1:9/megalodon";

test("megalodon: login, post, timeline, favourite, follow, notifications", async () => {
  // Log in as megalodon does it: registerApp builds the authorize URL.
  const anon = generator("mastodon", srv.base);
  const app = await anon.registerApp("megalodon test", { scopes: ["read", "write", "follow"], redirect_uris: REDIRECT });
  assert.ok(app.client_id && app.client_secret && app.url);
  const url = new URL(app.url);
  assert.equal(url.origin, srv.base);
  assert.equal(url.pathname, "/oauth/authorize");
  const code = await approveInTab(srv.base, url.pathname + url.search, "gerda");
  const tok = await anon.fetchAccessToken(app.client_id, app.client_secret, code, REDIRECT);
  assert.ok(tok.access_token);
  const gerda = generator("mastodon", srv.base, tok.access_token);
  const hamid = generator("mastodon", srv.base, await passwordToken(srv.base, "hamid"));

  const me = (await gerda.verifyAccountCredentials()).data;
  assert.equal(me.username, "gerda");
  const hamidMe = (await hamid.verifyAccountCredentials()).data;

  // Follow: hamid follows gerda (an open account: at once).
  const rel = (await hamid.followAccount(me.id)).data;
  assert.equal(rel.id, me.id);
  assert.equal(rel.following, true);

  // Post, and see it in the follower's home timeline.
  const st = (await gerda.postStatus("Koffie om tien uur in de recreatiezaal", { visibility: "public" })).data;
  assert.ok(st.id);
  assert.match(st.content, /recreatiezaal/);
  const home = (await hamid.getHomeTimeline({ limit: 20 })).data;
  assert.ok(home.some((s) => s.id === st.id), "the post is in the follower's home timeline");
  const local = (await hamid.getLocalTimeline({ limit: 20 })).data;
  assert.ok(local.some((s) => s.id === st.id), "and in the local timeline");

  // Favourite it.
  const fav = (await hamid.favouriteStatus(st.id)).data;
  assert.equal(fav.favourited, true);
  assert.equal(fav.favourites_count, 1);

  // gerda is told of both: the follow and the favourite.
  const notes = (await gerda.getNotifications({ limit: 20 })).data;
  const kinds = notes.map((n) => n.type);
  assert.ok(kinds.includes("favourite"), `notifications: ${kinds}`);
  assert.ok(kinds.includes("follow"), `notifications: ${kinds}`);
  const f = notes.find((n) => n.type === "favourite");
  assert.equal(f.account.id, hamidMe.id);
  assert.equal(f.status.id, st.id);

  // Unfavourite and unfollow go back.
  assert.equal((await hamid.unfavouriteStatus(st.id)).data.favourited, false);
  assert.equal((await hamid.unfollowAccount(me.id)).data.following, false);
});
