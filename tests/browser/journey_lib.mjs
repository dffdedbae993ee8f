// What every journey test shares: a kring server, Debian's chromium, and
// Person, someone walking kring's pages.  Journeys are walked from start to
// finish as the people kring is for would walk them, in Debian's chromium (playwright-core,
// no downloaded browser), on a desktop screen and on a 375 px phone, in Dutch
// and in English.  Every page a journey passes is checked with axe-core
// (WCAG 2.1 A+AA), and each step is written as a screenshot to
// build/journeys/<variant>/ for a person to look through (not committed).
//
// The pages are found the way a person finds them: from links and buttons on
// the page before, never by typing a URL that the previous page did not show.
//
// Used by tests/browser/journey*.test.mjs; run them with tests/browser/run.sh.
// Env: KRING_BIN (default build/release/kring), CHROMIUM (default /usr/bin/chromium)

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = resolve(ROOT, process.env.KRING_BIN || 'build/release/kring');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// One folder per test file, so files running side by side keep their shots.
const SHOTS = resolve(ROOT, 'build', 'journeys');
const NAV_TIMEOUT = 15_000;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Each variant is a separate community, so the journeys do not meet.
export const VARIANTS = [
  { id: 'nl-desktop', lang: 'nl', viewport: { width: 1280, height: 900 } },
  { id: 'nl-375', lang: 'nl', viewport: { width: 375, height: 740 }, mobile: true },
  { id: 'en-desktop', lang: 'en', viewport: { width: 1280, height: 900 } },
  { id: 'en-375', lang: 'en', viewport: { width: 375, height: 740 }, mobile: true },
];

let dataDir, server, serverLog = '', browser;
export let base;

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

export function cli(...args) {
  return execFileSync(BIN, [...args, '--data', dataDir], { timeout: 20_000, encoding: 'utf8' });
}

async function waitHealthy(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${serverLog}`);
    try {
      const r = await fetch(url + '/healthz', { signal: AbortSignal.timeout(1000) });
      if (r.status === 200) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy within ${ms} ms:\n${serverLog}`);
}

function formatViolations(violations) {
  return violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `      at ${n.target.join(' ')}`).join('\n')).join('\n');
}

// One person in one variant: a browser context with its own cookies, a page,
// and a step counter for the screenshots.
export class Person {
  constructor(variant, who, journey) {
    this.v = variant;
    this.who = who;
    this.journey = journey;
    this.step = 0;
  }

  async open() {
    this.ctx = await browser.newContext({
      locale: this.v.lang === 'en' ? 'en-GB' : 'nl-NL',
      extraHTTPHeaders: { 'Accept-Language': this.v.lang },
      viewport: this.v.viewport,
      isMobile: !!this.v.mobile,
      hasTouch: !!this.v.mobile,
    });
    this.ctx.setDefaultTimeout(NAV_TIMEOUT);
    this.ctx.setDefaultNavigationTimeout(NAV_TIMEOUT);
    await this.ctx.route((url) => !url.href.startsWith(base + '/'), (route) => route.abort());
    this.page = await this.ctx.newPage();
    return this;
  }

  async close() { await this.ctx.close(); }

  // Every page the journey passes: no server error, no axe violation, a
  // screenshot, and the language the person reads.
  async seen(label) {
    const p = this.page;
    const url = p.url();
    const dir = join(SHOTS, this.v.id);
    mkdirSync(dir, { recursive: true });
    this.step++;
    const name = `${this.journey}-${this.who.name}-${String(this.step).padStart(2, '0')}-${label.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await p.screenshot({ path: join(dir, name), fullPage: true });
    const title = await p.title();
    assert.ok(!/^(Er ging iets mis|Something went wrong)/.test(title), `${label}: server error page at ${url}`);
    const res = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze();
    assert.equal(res.violations.length, 0,
      `${this.v.id} ${label} (${url}): axe found ${res.violations.length} violation(s):\n${formatViolations(res.violations)}`);
  }

  async goto(path, label) {
    const r = await this.page.goto(base + path);
    assert.ok(r.status() < 500, `${path}: HTTP ${r.status()}`);
    await this.seen(label);
    return r;
  }

  // Click what a person would click (a link or button by its visible text)
  // and wait for the page it leads to.
  async click(locator, label) {
    const [resp] = await Promise.all([this.page.waitForNavigation(), locator.click()]);
    assert.ok(!resp || resp.status() < 500, `${label}: HTTP ${resp && resp.status()}`);
    await this.seen(label);
    return resp;
  }

  async login() {
    await this.goto('/login', 'login');
    await this.page.fill('main form[action="/login"] input[name=username]', this.who.name);
    await this.page.fill('main form[action="/login"] input[name=password]', this.who.pw);
    await this.click(this.page.locator('main form[action="/login"] button'), 'logged-in');
    assert.ok(!new URL(this.page.url()).pathname.startsWith('/login'), `${this.who.name} could not log in`);
    // Logged-in people read the language stored on their account.
    if ((await this.page.getAttribute('html', 'lang')) !== this.v.lang) {
      await this.click(this.page.locator('footer form[action="/settings/language"] button[name=lang]'), 'language');
      assert.equal(await this.page.getAttribute('html', 'lang'), this.v.lang);
    }
  }

  // The way to the groups list a person sees: the menu (folded away on a
  // phone) or, failing that, the page's own links.
  async openGroups() {
    await this.goto('/', 'start');
    const link = this.page.locator('a[href="/groups"]').first();
    if (!(await link.isVisible())) {
      const toggle = this.page.locator('nav details > summary, nav button[aria-expanded]').first();
      if (await toggle.count()) await toggle.click();
    }
    await this.click(this.page.locator('a[href="/groups"]').first(), 'groups');
  }

  async openGroup(display) {
    await this.openGroups();
    await this.click(this.page.getByRole('link', { name: display }).first(), 'group-page');
  }
}

export const T = {
  nl: { join: 'Lid worden', ask: 'Vragen om lid te worden', accept: 'Toelaten', post: 'Plaatsen',
    anyway: 'Toch plaatsen' },
  en: { join: 'Join', ask: 'Ask to join', accept: 'Let in', post: 'Post', anyway: 'Publish anyway' },
};

// A button by its text in the person's language, falling back to the Dutch
// one (the English catalogue may word it differently; the test is about the
// journey, the wording is checked by the a11y suite).
export function button(page, lang, key) {
  const names = [T[lang][key], T.nl[key]].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return page.getByRole('button', { name: new RegExp(`^\\s*(${names.join('|')})\\s*$`, 'i') }).first();
}

// Each test file that imports this module gets its own server and browser.
before(async () => {
  assert.ok(existsSync(BIN), `server binary not found: ${BIN} (run make build/release/kring)`);
  assert.ok(existsSync(CHROMIUM), `chromium not found: ${CHROMIUM} (apt-get install chromium)`);
  dataDir = mkdtempSync(join(tmpdir(), 'kring-journeys-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--data', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  await waitHealthy(base, 15_000);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await Promise.race([new Promise((r) => server.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

