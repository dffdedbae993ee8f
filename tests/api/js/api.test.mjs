// masto.js against the real kring server: OAuth app and token, the core
// scenario, and one streaming subscription (server-sent events) that
// receives a new post.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, copyFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createRestAPIClient, createOAuthAPIClient, createStreamingAPIClient } from "masto";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const SRC_BIN = process.env.KRING_BIN || join(ROOT, "build", "release", "kring");
const PASSWORD = "geheim-wachtwoord-1";
const data = mkdtempSync(join(tmpdir(), "kring-masto-"));
const BIN = join(data, "kring-bin");
let proc, base, serverErr = "";

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  copyFileSync(SRC_BIN, BIN);
  chmodSync(BIN, 0o755);
  const env = { ...process.env, ASAN_OPTIONS: "detect_leaks=0" };
  for (const u of ["anna", "bram"]) {
    execFileSync(BIN, ["user", "add", u, "--password", PASSWORD, "--data", join(data, "d")], { env });
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  proc = spawn(BIN, ["serve", "--listen", `127.0.0.1:${port}`, "--data", join(data, "d")],
    { env, stdio: ["ignore", "ignore", "pipe"] });
  proc.stderr.on("data", (d) => { serverErr += d; process.stderr.write(d); });
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(base + "/healthz")).ok) return; } catch { /* not yet */ }
    await sleep(50);
  }
  throw new Error("server did not start");
});

after(async () => {
  if (proc && proc.exitCode === null) {
    proc.kill("SIGTERM");
    for (let i = 0; i < 200 && proc.exitCode === null; i++) await sleep(50);
    if (proc.exitCode === null) proc.kill("SIGKILL");
  }
  rmSync(data, { recursive: true, force: true });
  // The ASan build reports memory errors on stderr: a clean run has none.
  assert.ok(!/AddressSanitizer|runtime error:/.test(serverErr), "sanitizer report in the server's output");
  assert.equal(proc.exitCode, 0, "server did not stop cleanly");
});

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

// Read server-sent events until pred(event, data) holds or the time is up.
async function waitForEvent(res, pred, ms) {
  const reader = res.body.getReader();
  const dec = new TextDecoder();
  let buf = "";
  const deadline = Date.now() + ms;
  try {
    while (Date.now() < deadline) {
      let timer;
      const timeout = new Promise((r) => { timer = setTimeout(() => r(null), deadline - Date.now()); });
      const chunk = await Promise.race([reader.read(), timeout]);
      clearTimeout(timer);
      if (!chunk || chunk.done) break;
      buf += dec.decode(chunk.value, { stream: true });
      let i;
      while ((i = buf.indexOf("\n\n")) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const ev = /^event: (.*)$/m.exec(block);
        const dt = /^data: (.*)$/m.exec(block);
        if (ev && dt && pred(ev[1], dt[1])) return JSON.parse(dt[1]);
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  return null;
}

test("core scenario with masto.js", async () => {
  const anna = await login("anna");
  const bram = await login("bram");
  const me = await anna.v1.accounts.verifyCredentials();
  assert.equal(me.username, "anna");
  const bramMe = await bram.v1.accounts.verifyCredentials();

  const inst = await anna.v2.instance.fetch();
  assert.equal(inst.configuration.statuses.maxCharacters, 5000);

  const rel = await anna.v1.accounts.$select(bramMe.id).follow();
  assert.equal(rel.following, true);

  const posted = [];
  for (let i = 0; i < 5; i++) {
    posted.push((await bram.v1.statuses.create({ status: `Bram schrijft ${i} #masto`, visibility: "public" })).id);
  }
  const reply = await anna.v1.statuses.create({ status: "@bram mooi!", inReplyToId: posted[4] });
  assert.equal(reply.inReplyToId, posted[4]);

  const fav = await anna.v1.statuses.$select(posted[0]).favourite();
  assert.equal(fav.favourited, true);
  const boost = await anna.v1.statuses.$select(posted[1]).reblog();
  assert.equal(boost.reblog.id, posted[1]);

  // Pagination through the home timeline, two at a time.
  const seen = [];
  for await (const page of anna.v1.timelines.home.list({ limit: 2 })) {
    seen.push(...page.map((s) => s.reblog ? s.reblog.id : s.id));
    if (seen.length > 40) break;
  }
  for (const id of posted) assert.ok(seen.includes(id), `home has ${id}`);

  const tag = await anna.v1.timelines.tag.$select("masto").list({ limit: 10 });
  assert.deepEqual(tag.map((s) => s.id), [...posted].reverse());

  const notes = await bram.v1.notifications.list();
  const types = notes.map((n) => n.type);
  assert.ok(types.includes("follow") && types.includes("favourite") && types.includes("reblog"), types.join());

  const found = await anna.v2.search.list({ q: "schrijft" });
  assert.ok(found.statuses.length >= 1);

  const list = await anna.v1.lists.create({ title: "Buren" });
  await anna.v1.lists.$select(list.id).accounts.create({ accountIds: [bramMe.id] });
  const ltl = await anna.v1.timelines.list.$select(list.id).list();
  assert.ok(ltl.some((s) => s.id === posted[4]));

  const poll = await bram.v1.statuses.create({
    visibility: "public",
    status: "Thee of koffie?", poll: { options: ["thee", "koffie"], expiresIn: 3600 },
  });
  const voted = await anna.v1.polls.$select(poll.poll.id).votes.create({ choices: [1] });
  assert.deepEqual(voted.ownVotes, [1]);

  await anna.v1.markers.create({ home: { lastReadId: posted[4] } });
  const markers = await anna.v1.markers.fetch({ timeline: ["home"] });
  assert.equal(markers.home.lastReadId, posted[4]);

  const ctx = await anna.v1.statuses.$select(posted[4]).context.fetch();
  assert.deepEqual(ctx.descendants.map((s) => s.id), [reply.id]);

  await anna.v1.statuses.$select(reply.id).remove();
  await assert.rejects(anna.v1.statuses.$select(reply.id).fetch());
});

test("streaming: a new post arrives on the user stream", async () => {
  const anna = await login("anna");
  const bram = await login("bram");
  const bramMe = await bram.v1.accounts.verifyCredentials();
  await anna.v1.accounts.$select(bramMe.id).follow();
  // A read-only token made by hand: the stream needs only "read".
  const app = await (await fetch(base + "/api/v1/apps", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ client_name: "sse", redirect_uris: "urn:ietf:wg:oauth:2.0:oob", scopes: "read" }),
  })).json();
  const tok = await (await fetch(base + "/oauth/token", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ grant_type: "password", client_id: app.client_id, client_secret: app.client_secret,
      username: "anna", password: PASSWORD, scope: "read" }),
  })).json();
  assert.ok(tok.access_token);
  const ctrl = new AbortController();
  const res = await fetch(base + "/api/v1/streaming/user", {
    headers: { Authorization: "Bearer " + tok.access_token, Accept: "text/event-stream" }, signal: ctrl.signal,
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /text\/event-stream/);
  const waiting = waitForEvent(res, (ev, d) => ev === "update" && d.includes("Live vanuit de stream"), 10000);
  await sleep(200);
  const st = await bram.v1.statuses.create({ status: "Live vanuit de stream", visibility: "public" });
  const got = await waiting;
  ctrl.abort();
  assert.ok(got, "no update event within 10 s");
  assert.equal(got.id, st.id);
  assert.equal(got.account.username, "bram");
});


test("streaming with masto.js's own client (WebSocket): user and hashtag streams", async () => {
  const anna = await login("anna");
  const bram = await login("bram");
  const bramMe = await bram.v1.accounts.verifyCredentials();
  await anna.v1.accounts.$select(bramMe.id).follow();
  const instance = await anna.v2.instance.fetch();
  const streaming = createStreamingAPIClient({
    streamingApiUrl: instance.configuration.urls.streaming, accessToken: tokens.get(anna), retry: false,
  });
  const next = (sub, pred, ms) => Promise.race([
    (async () => { for await (const ev of sub) if (pred(ev)) return ev; return null; })(),
    sleep(ms).then(() => null),
  ]);
  const user = streaming.user.subscribe();
  const tag = streaming.hashtag.subscribe({ tag: "wsproef" });
  // masto.js connects lazily: post until the first event shows the
  // subscriptions are live (bounded: 8 tries).  Events are matched on the
  // text, not on the ids the posts' answers bring: the event is sent when
  // the post commits, so it often arrives before the answer (under load,
  // for every post).
  const mine = (e) => e.event === "update" && e.payload.content.includes("Via de websocket");
  const gotUser = next(user, mine, 20000);
  const gotTag = next(tag, mine, 20000);
  let u = null, t = null;
  gotUser.then((v) => { u = v; });
  gotTag.then((v) => { t = v; });
  for (let i = 0; i < 8 && !(u && t); i++) {
    await bram.v1.statuses.create({ status: `Via de websocket ${i} #wsproef`, visibility: "public" });
    await sleep(1500);
  }
  await Promise.all([gotUser, gotTag]);
  assert.ok(u, "no update on the user stream");
  assert.ok(u.payload.content.includes("Via de websocket"));
  assert.deepEqual(u.stream, ["user"]);
  assert.ok(t, "no update on the hashtag stream");
  assert.deepEqual(t.stream, ["hashtag", "wsproef"]);
  // Deleting reaches the (still open) connection too.
  const del = streaming.user.subscribe();
  const gotDelete = next(del, (e) => e.event === "delete" && e.payload === u.payload.id, 10000);
  await sleep(1000);
  await bram.v1.statuses.$select(u.payload.id).remove();
  assert.ok(await gotDelete, "no delete event");
  del.unsubscribe();
  user.unsubscribe();
  tag.unsubscribe();
  streaming.close();
});
