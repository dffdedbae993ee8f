// masto.js's push subscription (create, fetch, update, remove) against the
// real kring server, and one push it sends to a receiver on loopback,
// decrypted here with node:crypto (RFC 8291 aes128gcm, `standard: true`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, copyFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { createServer } from "node:net";
import http from "node:http";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { createRestAPIClient, createOAuthAPIClient } from "masto";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const SRC_BIN = process.env.KRING_BIN || join(ROOT, "build", "release", "kring");
const PASSWORD = "geheim-wachtwoord-1";
const data = mkdtempSync(join(tmpdir(), "kring-masto-push-"));
const BIN = join(data, "kring-bin");
let proc, base, serverErr = "";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

before(async () => {
  copyFileSync(SRC_BIN, BIN);
  chmodSync(BIN, 0o755);
  const env = { ...process.env, ASAN_OPTIONS: "detect_leaks=0", KRING_PUSH_LOOPBACK: "1" };
  for (const u of ["femke", "gijs"]) {
    execFileSync(BIN, ["user", "add", u, "--password", PASSWORD, "--data", join(data, "d")], { env });
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  proc = spawn(BIN, ["serve", "--listen", `127.0.0.1:${port}`, "--data", join(data, "d")],
    { env, stdio: ["ignore", "ignore", "pipe"] });
  proc.stderr.on("data", (d) => { serverErr += d; });
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
  assert.ok(!/AddressSanitizer|runtime error:/.test(serverErr), "sanitizer report in the server's output");
  assert.equal(proc.exitCode, 0, "server did not stop cleanly");
});

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
