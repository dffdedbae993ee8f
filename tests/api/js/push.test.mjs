// masto.js's push subscription (create, fetch, update, remove) against the
// real kring server, and one push it sends to a receiver on loopback,
// decrypted here with node:crypto (RFC 8291 aes128gcm, `standard: true`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import crypto from "node:crypto";
import { startServer, PASSWORD, sleep } from "./server.mjs";
import { createRestAPIClient, createOAuthAPIClient } from "masto";

let srv, base;

before(async () => {
  srv = await startServer(["femke", "gijs"], { KRING_PUSH_LOOPBACK: "1" });
  base = srv.base;
});

after(async () => { await srv.stop(); });

async function login(username) {
  const anon = createRestAPIClient({ url: base });
  const scopes = "read write follow push";
  const app = await anon.v1.apps.create({ clientName: "masto.js push", redirectUris: "urn:ietf:wg:oauth:2.0:oob", scopes });
  const token = await createOAuthAPIClient({ url: base }).token.create({
    grantType: "password", clientId: app.clientId, clientSecret: app.clientSecret, username, password: PASSWORD, scope: scopes,
  });
  return { client: createRestAPIClient({ url: base, accessToken: token.accessToken }), token: token.accessToken, app };
}

const hkdf = (salt, ikm, info, n) => Buffer.from(crypto.hkdfSync("sha256", ikm, salt, info, n));

function decrypt(ecdh, auth, body) {
  const salt = body.subarray(0, 16), idlen = body[20], asPub = body.subarray(21, 21 + idlen);
  const ua = ecdh.getPublicKey();
  const secret = ecdh.computeSecret(asPub);
  const ikm = hkdf(auth, secret, Buffer.concat([Buffer.from("WebPush: info\0"), ua, asPub]), 32);
  const cek = hkdf(salt, ikm, Buffer.from("Content-Encoding: aes128gcm\0"), 16);
  const nonce = hkdf(salt, ikm, Buffer.from("Content-Encoding: nonce\0"), 12);
  const ct = body.subarray(21 + idlen);
  const d = crypto.createDecipheriv("aes-128-gcm", cek, nonce);
  d.setAuthTag(ct.subarray(ct.length - 16));
  const rec = Buffer.concat([d.update(ct.subarray(0, ct.length - 16)), d.final()]);
  assert.equal(rec[rec.length - 1], 2);
  return JSON.parse(rec.subarray(0, rec.length - 1).toString("utf8"));
}

test("push subscription: create, fetch, update, remove, and a push decrypted", async () => {
  const pushes = [];
  const rx = http.createServer((req, res) => {
    const parts = [];
    req.on("data", (c) => parts.push(c));
    req.on("end", () => { pushes.push({ headers: req.headers, body: Buffer.concat(parts) }); res.writeHead(201); res.end(); });
  });
  await new Promise((r) => rx.listen(0, "127.0.0.1", r));
  const endpoint = `http://127.0.0.1:${rx.address().port}/femke`;
  try {
    const femke = await login("femke");
    const gijs = await login("gijs");
    assert.ok(femke.app.vapidKey, "the app entity carries the server's key");
    const ecdh = crypto.createECDH("prime256v1");
    ecdh.generateKeys();
    const auth = crypto.randomBytes(16);
    const sub = await femke.client.v1.push.subscription.create({
      subscription: { endpoint, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") }, standard: true },
      data: { alerts: { mention: true } },
      policy: "all",
    });
    assert.equal(sub.endpoint, endpoint);
    assert.equal(sub.alerts.mention, true);
    assert.equal(sub.alerts.favourite, false);
    assert.equal(sub.serverKey, femke.app.vapidKey);
    assert.equal(sub.policy, "all");
    const got = await femke.client.v1.push.subscription.fetch();
    assert.equal(got.id, sub.id);
    const upd = await femke.client.v1.push.subscription.update({ data: { alerts: { mention: true, favourite: true } } });
    assert.equal(upd.alerts.favourite, true);
    assert.equal(upd.id, sub.id);

    await gijs.client.v1.statuses.create({ status: "@femke de vergadering begint om tien uur", visibility: "public" });
    for (let i = 0; i < 150 && pushes.length === 0; i++) await sleep(100);
    assert.equal(pushes.length, 1, "one push within 15 s");
    assert.equal(pushes[0].headers["content-encoding"], "aes128gcm");
    assert.match(pushes[0].headers.authorization, /^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    const p = decrypt(ecdh, auth, pushes[0].body);
    assert.equal(p.notification_type, "mention");
    assert.equal(p.access_token, femke.token);
    assert.match(p.body, /de vergadering begint/);

    await femke.client.v1.push.subscription.remove();
    await assert.rejects(femke.client.v1.push.subscription.fetch(), (e) => e.statusCode === 404);
  } finally {
    rx.close();
  }
});
