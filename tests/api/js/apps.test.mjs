// masto.js against the real kring server, for what apps of Mastodon 4.3
// use (issue 14, part 3): grouped notifications and scheduled posts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, PASSWORD, sleep } from "./server.mjs";
import { createRestAPIClient, createOAuthAPIClient } from "masto";

let srv, base;

before(async () => {
  srv = await startServer(["anna", "bram", "cor", "dirk"], { KRING_TEST_SCHEDULE_AHEAD: "2" });
  base = srv.base;
});

after(async () => { await srv.stop(); });

const tokens = new Map();

async function login(username) {
  const anon = createRestAPIClient({ url: base });
  const app = await anon.v1.apps.create({
    clientName: "masto.js test", redirectUris: "urn:ietf:wg:oauth:2.0:oob", scopes: "read write follow",
  });
  assert.ok(app.clientId && app.clientSecret);
  const oauth = createOAuthAPIClient({ url: base });
  const token = await oauth.token.create({
    grantType: "password", clientId: app.clientId, clientSecret: app.clientSecret,
    username, password: PASSWORD, scope: "read write follow",
  });
  assert.equal(token.tokenType, "Bearer");
  const client = createRestAPIClient({ url: base, accessToken: token.accessToken });
  tokens.set(client, token.accessToken);
  return client;
}


test("grouped notifications with masto.js's v2 API", async () => {
  const anna = await login("anna");
  const me = await anna.v1.accounts.verifyCredentials();
  const post = await anna.v1.statuses.create({ status: "Inloopspreekuur vrijdag", visibility: "public" });
  const others = [await login("bram"), await login("cor"), await login("dirk")];
  for (const o of others) await o.v1.statuses.$select(post.id).favourite();
  for (const o of others.slice(0, 2)) await o.v1.accounts.$select(me.id).follow();
  await others[2].v1.statuses.create({ status: "@anna ik kom ook", visibility: "public" });

  const page = await anna.v2.notifications.list({ limit: 10 });
  const groups = page.notificationGroups;
  assert.deepEqual(groups.map((g) => g.type), ["mention", "follow", "favourite"]);
  const fav = groups[2];
  assert.equal(fav.notificationsCount, 3);
  assert.equal(fav.statusId, post.id);
  assert.equal(fav.sampleAccountIds.length, 3);
  assert.ok(page.statuses.some((s) => s.id === post.id));
  for (const id of fav.sampleAccountIds) assert.ok(page.accounts.some((a) => a.id === id));

  // Paging through masto.js's paginator, one group at a time (Link headers).
  const keys = new Set();
  let pages = 0;
  for await (const p of anna.v2.notifications.list({ limit: 1 })) {
    for (const g of p.notificationGroups) keys.add(g.groupKey);
    if (++pages > 10) break;
  }
  assert.equal(keys.size, 3);

  const one = await anna.v2.notifications.$select(fav.groupKey).fetch();
  assert.equal(one.notificationGroups[0].notificationsCount, 3);
  const who = await anna.v2.notifications.$select(fav.groupKey).accounts.fetch();
  assert.equal(who.length, 3);
  assert.equal((await anna.v2.notifications.unreadCount.fetch()).count, 3);
  const policy = await anna.v2.notifications.policy.fetch();
  assert.equal(policy.forNotFollowing, "accept");
  await anna.v2.notifications.$select(fav.groupKey).dismiss();
  const after = await anna.v2.notifications.list();
  assert.deepEqual(after.notificationGroups.map((g) => g.type), ["mention", "follow"]);
});

test("scheduled statuses with masto.js", async () => {
  const cor = await login("cor");
  const me = await cor.v1.accounts.verifyCredentials();
  const soon = new Date(Date.now() + 4000).toISOString();
  const sch = await cor.v1.statuses.create({ status: "Campagne: griepprik deze week", visibility: "public", scheduledAt: soon });
  assert.equal(sch.params.text, "Campagne: griepprik deze week");
  assert.ok(sch.id && sch.scheduledAt);
  const later = await cor.v1.statuses.create({ status: "Later", scheduledAt: new Date(Date.now() + 86400e3).toISOString() });
  const listed = await cor.v1.scheduledStatuses.list();
  assert.deepEqual(listed.map((s) => s.id).sort(), [sch.id, later.id].sort());
  const moved = await cor.v1.scheduledStatuses.$select(later.id).update({
    scheduledAt: new Date(Date.now() + 2 * 86400e3).toISOString(),
  });
  assert.ok(new Date(moved.scheduledAt) > new Date(Date.now() + 86400e3 * 1.5));
  await cor.v1.scheduledStatuses.$select(later.id).remove();
  await assert.rejects(cor.v1.scheduledStatuses.$select(later.id).fetch());
  let found = null;
  for (let i = 0; i < 60 && !found; i++) {
    const mine = await cor.v1.accounts.$select(me.id).statuses.list();
    found = mine.find((s) => s.content.includes("griepprik"));
    if (!found) await sleep(300);
  }
  assert.ok(found, "published at its time");
  assert.deepEqual(await cor.v1.scheduledStatuses.list(), []);
});
