// A private kring server for one test file: a copy of the binary, users made
// with the CLI, a free loopback port, extraEnv for test hooks; stop() checks
// for sanitizer reports.
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, copyFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const PASSWORD = "geheim-wachtwoord-1";
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

export async function startServer(users, extraEnv = {}) {
  const src = process.env.KRING_BIN || join(ROOT, "build", "release", "kring");
  const data = mkdtempSync(join(tmpdir(), "kring-js-"));
  const bin = join(data, "kring-bin");
  copyFileSync(src, bin);
  chmodSync(bin, 0o755);
  const env = { ...process.env, ASAN_OPTIONS: "detect_leaks=0", ...extraEnv };
  delete env.KRING_DB;
  for (const u of users) {
    execFileSync(bin, ["user", "add", u, "--password", PASSWORD, "--data", join(data, "d")], { env });
  }
  const port = await freePort();
  const srv = { base: `http://127.0.0.1:${port}`, err: "", data };
  srv.proc = spawn(bin, ["serve", "--listen", `127.0.0.1:${port}`, "--data", join(data, "d")],
    { env, stdio: ["ignore", "ignore", "pipe"] });
  srv.proc.stderr.on("data", (d) => { srv.err += d; });
  srv.stop = async () => {
    if (srv.proc.exitCode === null) {
      srv.proc.kill("SIGTERM");
      for (let i = 0; i < 200 && srv.proc.exitCode === null; i++) await sleep(50);
      if (srv.proc.exitCode === null) srv.proc.kill("SIGKILL");
    }
    rmSync(data, { recursive: true, force: true });
    assert.ok(!/AddressSanitizer|runtime error:/.test(srv.err), "sanitizer report: " + srv.err.slice(-3000));
    assert.equal(srv.proc.exitCode, 0, "server did not stop cleanly");
  };
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(srv.base + "/healthz")).ok) return srv; } catch { /* not yet */ }
    await sleep(50);
  }
  throw new Error("server did not start");
}

// ---- a browser tab, for the OAuth pages ----

function decode(s) {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function hiddenFields(page) {
  const out = {};
  for (const m of page.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)"/g)) out[m[1]] = decode(m[2]);
  return out;
}

// A browser tab: keeps cookies, does not follow redirects by itself.
export function tab(base) {
  const jar = new Map();
  return async (path, form) => {
    const url = path.startsWith("http") ? path : base + path;
    const headers = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") };
    const init = { redirect: "manual", headers };
    if (form) {
      init.method = "POST";
      init.body = new URLSearchParams(form);
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    const r = await fetch(url, init);
    for (const c of r.headers.getSetCookie()) {
      const [kv] = c.split(";");
      const i = kv.indexOf("=");
      jar.set(kv.slice(0, i), kv.slice(i + 1));
    }
    return { status: r.status, location: r.headers.get("location"), text: await r.text() };
  };
}

// The whole authorization-code flow as a tab with no session meets it: the
// authorize URL, the login page, the consent page; returns the code.
export async function approveInTab(base, authorizeUrl, username) {
  const go = tab(base);
  let r = await go(authorizeUrl);
  assert.ok([302, 303].includes(r.status), `authorize: ${r.status}`);
  r = await go(r.location);
  const login = hiddenFields(r.text);
  r = await go("/login", { csrf: login.csrf, username, password: PASSWORD, next: login.next });
  assert.equal(r.status, 303);
  r = await go(r.location);
  assert.equal(r.status, 200, "consent page");
  r = await go("/oauth/authorize", { ...hiddenFields(r.text), decision: "approve" });
  assert.ok([302, 303].includes(r.status));
  return new URL(r.location).searchParams.get("code");
}

// A token by the password grant (quick, for the second user of a scenario).
export async function passwordToken(base, username, scope = "read write follow") {
  const app = await (await fetch(base + "/api/v1/apps", { method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "helper", redirect_uris: "urn:ietf:wg:oauth:2.0:oob", scopes: scope }) })).json();
  const r = await fetch(base + "/oauth/token", { method: "POST", body: new URLSearchParams({ grant_type: "password",
    client_id: app.client_id, client_secret: app.client_secret, username, password: PASSWORD, scope }) });
  assert.equal(r.status, 200);
  return (await r.json()).access_token;
}
