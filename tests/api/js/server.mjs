// A private kring server for one test file: a copy of the binary, users made
// with the CLI, a free loopback port; stop() checks for sanitizer reports.
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

export async function startServer(users) {
  const src = process.env.KRING_BIN || join(ROOT, "build", "release", "kring");
  const data = mkdtempSync(join(tmpdir(), "kring-js-"));
  const bin = join(data, "kring-bin");
  copyFileSync(src, bin);
  chmodSync(bin, 0o755);
  const env = { ...process.env, ASAN_OPTIONS: "detect_leaks=0" };
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
