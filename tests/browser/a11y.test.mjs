// Real-browser accessibility tests for kring.
//
// Starts the real server on 127.0.0.1, provisions accounts with the CLI,
// creates content through the web forms in Debian's chromium (driven by
// playwright-core, no downloaded browser) and checks every page kind with
// axe-core (WCAG 2.0/2.1 A+AA), plus keyboard use, visible focus, reflow at
// 200%/400% zoom, tap-target size and use without JavaScript.
//
// Run: tests/browser/run.sh  (or: node --test tests/browser/a11y.test.mjs)
// Env: KRING_BIN (default build/release/kring), CHROMIUM (default /usr/bin/chromium)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = resolve(ROOT, process.env.KRING_BIN || 'build/release/kring');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const NAV_TIMEOUT = 15_000;
const TEST_TIMEOUT = 60_000;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const USERS = {
  admin: { name: 'anna', pw: 'anna-wachtwoord-1', role: 'admin' },
  member: { name: 'bram', pw: 'bram-wachtwoord-1', role: 'member' },
  other: { name: 'carla', pw: 'carla-wachtwoord-1', role: 'member' },
};
const ORG = { name: 'zorgdorp', display: 'Zorggroep Het Dorp' };
const TAG = 'koffieochtend';
const WORD = 'wandelen';
const GROUP = { name: 'mantelzorgers', display: 'Mantelzorgers Oost' };

let dataDir, server, serverLog = '', base, browser;
const ids = {}; // post ids created through the UI

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

function cli(...args) {
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

async function newContext(opts = {}) {
  const { lang, ...rest } = opts;
  const ctx = await browser.newContext({
    locale: lang === 'en' ? 'en-GB' : 'nl-NL',
    extraHTTPHeaders: { 'Accept-Language': lang === 'en' ? 'en' : 'nl' },
    viewport: { width: 1280, height: 900 },
    ...rest,
  });
  ctx.setDefaultTimeout(NAV_TIMEOUT);
  ctx.setDefaultNavigationTimeout(NAV_TIMEOUT);
  // Only ever talk to our own server.
  await ctx.route((url) => !url.href.startsWith(base + '/'), (route) => route.abort());
  return ctx;
}

async function login(page, who) {
  await page.goto(base + '/login');
  await page.fill('main form[action="/login"] input[name=username]', who.name);
  await page.fill('main form[action="/login"] input[name=password]', who.pw);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.click('main form[action="/login"] button')]);
}

// Logged-in people get the language stored on their account, so switch it
// with the footer's language button (the real UI) when it differs.
async function setLanguage(page, lang) {
  await page.goto(base + '/');
  if ((await page.getAttribute('html', 'lang')) !== lang) {
    await clickAndWait(page, 'footer form[action="/settings/language"] button[name=lang]');
    await page.goto(base + '/');
    assert.equal(await page.getAttribute('html', 'lang'), lang, 'language switch');
  }
}

async function loggedInContext(role, opts = {}) {
  const ctx = await newContext(opts);
  if (role !== 'anonymous') {
    const page = await ctx.newPage();
    await login(page, USERS[role]);
    await setLanguage(page, opts.lang || 'nl');
    await page.close();
  }
  return ctx;
}

// Post through the compose form on `/` (or a thread page for replies);
// returns the new post id from the redirect to /posts/ID.
async function compose(page, from, text, visibility = 'public') {
  await page.goto(base + from);
  await page.fill('form.compose textarea[name=text]', text);
  await page.selectOption('form.compose select[name=visibility]', visibility);
  await Promise.all([page.waitForURL(/\/posts\/\d+/), page.click('form.compose button.primary')]);
  return new URL(page.url()).pathname.match(/\/posts\/(\d+)/)[1];
}

// A small valid PNG (a 64 x 48 grey-blue picture) for the photo forms.
function tinyPng() {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const w = 64, h = 48;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([x * 4, y * 5, 160], y * (w * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function clickAndWait(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

function formatViolations(violations) {
  return violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `      at ${n.target.join(' ')}\n        ${(n.failureSummary || '').replace(/\n/g, '\n        ')}`).join('\n') +
    `\n      ${v.helpUrl}`).join('\n');
}

async function axeCheck(page, label) {
  const res = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  assert.equal(res.violations.length, 0,
    `axe found ${res.violations.length} violation(s) on ${label}:\n${formatViolations(res.violations)}`);
}

before(async () => {
  assert.ok(existsSync(BIN), `server binary not found: ${BIN} (run make build/release/kring)`);
  assert.ok(existsSync(CHROMIUM), `chromium not found: ${CHROMIUM} (apt-get install chromium)`);
  dataDir = mkdtempSync(join(tmpdir(), 'kring-a11y-data-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--data', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  await waitHealthy(base, 15_000);

  for (const u of Object.values(USERS)) cli('user', 'add', u.name, '--password', u.pw, '--role', u.role);
  cli('org', 'add', ORG.name, '--display-name', ORG.display);
  cli('org', 'staff', ORG.name, USERS.admin.name);
  cli('group', 'add', GROUP.name, '--kind', 'closed', '--owner', USERS.admin.name, '--display-name', GROUP.display);
  cli('group', 'member', 'add', GROUP.name, USERS.member.name);
  // Webcare: an outside item in the organisation's inbox (its item page is checked too).
  ids.webcare = cli('webcare', 'ingest', ORG.name, 'rss', 'a11y-1', 'De wachttijd bij de huisarts is lang',
    'https://nieuws.example/1', 'Nieuws', '--display-name', 'Lokale krant').match(/item (\d+)/)[1];
  cli('availability', 'set', ORG.name,
    'ma=09:00-12:00,13:00-17:00 di=09:00-17:00 wo=09:00-17:00 do=09:00-17:00 vr=09:00-12:00 za=10:00-12:00 zo=10:00-12:00 pauze=10:00-10:15 slot=30 vooraf=0 controle=30 eerste_gesprek=60');

  // playwright-core gives the browser a fresh temporary profile (user data dir).
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  // Content, created through the real forms.
  const a = await loggedInContext('admin');
  const b = await loggedInContext('member');
  const c = await loggedInContext('other');
  const pa = await a.newPage(), pb = await b.newPage(), pc = await c.newPage();

  ids.admin = await compose(pa, '/', `Goedemorgen allemaal! Donderdag is er weer een #${TAG} in de huiskamer.`);
  ids.adminFollowers = await compose(pa, '/', `Alleen voor mijn volgers: we gaan ${WORD} in het park.`, 'followers');
  ids.member = await compose(pb, '/', `Ik ga vanmiddag ${WORD} met mijn buurvrouw. Wie gaat er mee? #${TAG}`);
  // Reply (bram on anna's post, anna on bram's post).
  ids.reply = await compose(pb, `/posts/${ids.admin}`, `@${USERS.admin.name} Wat leuk, ik kom ook!`);
  await compose(pa, `/posts/${ids.member}`, `@${USERS.member.name} Veel plezier met ${WORD}!`);
  // A post in the closed group (the group page has no visibility select).
  await pb.goto(`${base}/g/${GROUP.name}`);
  await pb.fill('form.compose textarea[name=text]', `Wie heeft tips voor een ${WORD} met een rolstoel?`);
  await Promise.all([pb.waitForURL(/\/posts\/\d+/), pb.click('form.compose button.primary')]);
  ids.group = new URL(pb.url()).pathname.match(/\/posts\/(\d+)/)[1];
  // A post with a poll, from the compose form (older clients' journey).
  await pb.goto(base + '/');
  await pb.fill('form.compose textarea[name=text]', `Zullen we ${WORD}? Kies een dag.`);
  await pb.locator('form.compose details.poll-add > summary').click();
  await pb.fill('form.compose input[name=poll1]', 'Maandag');
  await pb.fill('form.compose input[name=poll2]', 'Donderdag');
  await Promise.all([pb.waitForURL(/\/posts\/\d+/), pb.click('form.compose button.primary')]);
  ids.poll = new URL(pb.url()).pathname.match(/\/posts\/(\d+)/)[1];
  // Post as the organisation, if the form offers it.
  await pa.goto(base + '/');
  if (await pa.locator('form.compose select[name=as]').count()) {
    await pa.fill('form.compose textarea[name=text]', `Nieuws van ${ORG.display}: de ${TAG} begint om tien uur.`);
    await pa.selectOption('form.compose select[name=as]', ORG.name);
    await Promise.all([pa.waitForURL(/\/posts\/\d+/), pa.click('form.compose button.primary')]);
  }
  // The organisation's details, so its page shows address, phone, hours,
  // website and privacy statement (the guard may ask first: save anyway).
  await pa.goto(`${base}/admin/orgs/${ORG.name}`);
  await pa.fill('#o-bio', 'Wij helpen ouderen thuis en in de wijk.');
  await pa.fill('#o-address', 'Dorpsstraat 1, 1234 AB Ons Dorp');
  await pa.fill('#o-phone', '0123 45 67 89');
  await pa.fill('#o-hours', 'Maandag tot en met vrijdag, 9 tot 17 uur');
  await pa.fill('#o-website', 'https://www.zorgdorp.example');
  await pa.fill('#o-privacy', 'Wij bewaren alleen wat nodig is voor uw zorg.');
  await clickAndWait(pa, `form[action="/admin/orgs/${ORG.name}/profile"] button.primary`);
  if (await pa.locator('input[name=confirm]').count()) await clickAndWait(pa, 'form.danger button');
  // Webcare settings with a team, a rule and a template, so those lists show.
  await pa.goto(`${base}/webcare/${ORG.name}/settings`);
  await pa.fill('#wc-newteam', 'Wijkteam');
  await clickAndWait(pa, `form[action="/webcare/${ORG.name}/settings/team"] button`);
  await pa.fill('#wc-rname', 'Wachttijd');
  await pa.fill('#wc-rexpr', 'wachttijd OF "lang wachten"');
  await pa.fill('#wc-rtopic', 'wachttijd');
  await clickAndWait(pa, `form[action="/webcare/${ORG.name}/settings/rule"] button`);
  await pa.fill('#wc-tmname', 'Dank');
  await pa.fill('#wc-tmbody', 'Beste {naam}, dank voor uw bericht. Groet, {medewerker}');
  await clickAndWait(pa, `form[action="/webcare/${ORG.name}/settings/template"] button`);
  // An outside source, so the "Bronnen" list shows (port 9 refuses: its error shows too).
  await pa.fill('#wc-surl', 'http://127.0.0.1:9/nieuws.xml');
  await pa.fill('#wc-severy', '2h');
  await clickAndWait(pa, `form[action="/webcare/${ORG.name}/settings/source"] button`);
  // Crisis mode on with an update, so the banner and /@ORG/crisis show.
  await pa.goto(`${base}/webcare/${ORG.name}`);
  await pa.click('details:has(#wc-crisis-topic) summary');
  await pa.fill('#wc-crisis-topic', 'wachttijd');
  await clickAndWait(pa, `form[action="/webcare/${ORG.name}/crisis/on"] button`);
  await pa.goto(`${base}/@${ORG.name}/crisis`);
  await pa.fill('#crisis-text', 'De telefoon werkt weer. Wij bellen iedereen terug.');
  await clickAndWait(pa, `form[action="/webcare/${ORG.name}/crisis/update"] button`);
  // An announcement, so /admin/announcements lists one.
  await pa.goto(`${base}/admin/announcements`);
  await pa.fill('#ann-text', 'De huiskamer is maandag gesloten.');
  await clickAndWait(pa, 'form[action="/admin/announcements"] button.primary');
  // Edit a post so /history has versions.
  await pa.goto(`${base}/posts/${ids.admin}/edit`);
  await pa.fill('form.compose textarea[name=text]',
    `Goedemorgen allemaal! Donderdag om tien uur is er weer een #${TAG} in de huiskamer.`);
  await clickAndWait(pa, 'form.compose button.primary');
  // Follows and a favourite.
  await pb.goto(`${base}/@${USERS.admin.name}`);
  await clickAndWait(pb, `form[action="/@${USERS.admin.name}/follow"] button`);
  await pa.goto(`${base}/@${USERS.member.name}`);
  await clickAndWait(pa, `form[action="/@${USERS.member.name}/follow"] button`);
  await pb.goto(`${base}/posts/${ids.admin}`);
  await clickAndWait(pb, `form[action="/posts/${ids.admin}/fav"] button`);
  // Anna approves followers herself; carla then asks to follow her.
  await pa.goto(base + '/settings');
  await pa.check('input[name=locked]');
  await clickAndWait(pa, 'form[action="/settings/profile"] button.primary');
  await pc.goto(`${base}/@${USERS.admin.name}`);
  await clickAndWait(pc, `form[action="/@${USERS.admin.name}/follow"] button`);
  // A consultation hour of the organisation (issue 18): a public and an
  // anonymous question from the member, an answer by the organisation's staff.
  const isoZ = (ms) => new Date(ms).toISOString().slice(0, 19) + 'Z';
  const opened = cli('consult', 'open', ORG.name, '--topic', 'Vragen over slapen',
    '--from', isoZ(Date.now() - 60_000), '--until', isoZ(Date.now() + 3 * 3600_000));
  ids.consult = opened.match(/\/consult\/(\d+)/)[1];
  for (const [text, kind] of [[`Helpt ${WORD} bij slecht slapen?`, 'public'], ['Hoe lang duurt een slaapcursus?', 'anonymous']]) {
    await pb.goto(`${base}/consult/${ids.consult}`);
    await pb.fill('#consult-text', text);
    await pb.check(`input[name=kind][value=${kind}]`);
    await clickAndWait(pb, `form[action="/consult/${ids.consult}/ask"] button.primary`);
  }
  await pa.goto(`${base}/consult/${ids.consult}`);
  ids.question = (await pa.locator('form[action$="/answer"]').first().getAttribute('action')).match(/(\d+)/)[1];
  await pa.locator(`#vraag-${ids.question} details > summary`).click();
  await pa.fill(`#answer-${ids.question}`, 'Ja, overdag wandelen helpt vaak.');
  await clickAndWait(pa, `form[action="/consult/q/${ids.question}/answer"] button.primary`);
  // Carla is a care worker with an introduction, so /kiezen shows a card
  // and the list has one; bram likes her and sends a request (issue 19).
  await pc.goto(base + '/settings');
  await pc.check('input[name=person_type][value=professional]');
  await pc.fill('#expertise', 'autisme, angst');
  await pc.fill('#languages', 'Nederlands, Engels');
  await clickAndWait(pc, 'form[action="/settings/profile"] button.primary');
  await pc.goto(base + '/settings/pro');
  await pc.fill('#p-intro', 'Ik help jongeren en ouders.');
  await pc.fill('#p-appr', 'Ik luister eerst. Daarna maken we samen een plan.');
  await clickAndWait(pc, 'form[action="/settings/pro"] button.primary');
  await pb.goto(`${base}/kiezen/lijst`);
  await clickAndWait(pb, `form[action="/kiezen/${USERS.other.name}/like"] button`);
  await pb.goto(`${base}/kiezen/mijn`);
  await clickAndWait(pb, `form[action="/kiezen/${USERS.other.name}/verzoek"] button`);
  // My plan (issue 19): bram sets a goal with a step, earns a star, shares
  // the plan with carla (a care worker), who suggests a goal.
  await pb.goto(base + '/mijn-plan');
  await pb.check('input[name=area][value=eten]');
  await pb.fill('#doel-tekst', 'Ik smeer zelf mijn brood.');
  await clickAndWait(pb, 'form[action="/mijn-plan/doel"] button.primary');
  await pb.fill('form[action="/mijn-plan/stap"] input[name=text]', 'Bord pakken');
  await clickAndWait(pb, 'form[action="/mijn-plan/stap"] button');
  await pb.fill('form[action="/mijn-plan/stap"] input[name=text]', 'Boter smeren');
  await clickAndWait(pb, 'form[action="/mijn-plan/stap"] button');
  await clickAndWait(pb, 'form[action="/mijn-plan/klaar"] button');
  await pb.fill('#deel-naam', USERS.other.name);
  await clickAndWait(pb, 'form[action="/mijn-plan/delen"] button.plan-big');
  await pc.goto(`${base}/plan/${USERS.member.name}`);
  await pc.fill('#doel-tekst', 'Ik bel oma op zondag.');
  await clickAndWait(pc, `form[action="/plan/${USERS.member.name}/doel"] button.primary`);
  // The client's home (issue 19): bram books at the organisation (anna is its
  // staff), names carla as informal carer who may act; anna names bram as hers;
  // anna shares a photo with bram.
  await pb.goto(`${base}/afspraken/${ORG.name}?week=1`);
  await clickAndWait(pb, 'ul.slots form button');
  await pb.goto(base + '/thuis/mantelzorgers');
  await pb.fill('#mz-naam', USERS.other.name);
  await pb.check('form:has(#mz-naam) input[name=regelen]');
  await clickAndWait(pb, 'form:has(#mz-naam) button.primary');
  await pa.goto(base + '/thuis/mantelzorgers');
  await pa.fill('#mz-naam', USERS.member.name);
  await clickAndWait(pa, 'form:has(#mz-naam) button.primary');
  await pa.goto(`${base}/thuis/delen/${USERS.member.name}`);
  await pa.setInputFiles('#cm-file', { name: 'tuin.png', mimeType: 'image/png', buffer: tinyPng() });
  await pa.fill('#cm-alt', 'Een blauwe tuin met bloemen');
  await pa.fill('#cm-caption', 'De tuin van vandaag');
  await clickAndWait(pa, 'form[action$="/foto"] button.primary');
  await a.close(); await b.close(); await c.close();
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

// Every page kind; functions because post ids exist only after set-up.
const PAGES = [
  ['/', () => '/'],
  ['/login', () => '/login'],
  ['/register', () => '/register'],
  ['/register?invite=bogus', () => '/register?invite=bogus'],
  ['/local', () => '/local'],
  ['/tags/TAG', () => `/tags/${TAG}`],
  ['/search', () => '/search'],
  ['/search?q=WORD', () => `/search?q=${WORD}`],
  ['/search?q=#TAG', () => `/search?q=%23${TAG}`],
  // Someone on another server (issue 21, web/fed_page.c): not found there, or a hint to log in.
  ['/search?q=@user@host', () => '/search?q=%40niemand%40127.0.0.1%3A9'],
  ['/@admin', () => `/@${USERS.admin.name}`],
  ['/@member', () => `/@${USERS.member.name}`],
  ['/@USER/followers', () => `/@${USERS.admin.name}/followers`],
  ['/@USER/following', () => `/@${USERS.member.name}/following`],
  ['/@ORG', () => `/@${ORG.name}`],
  ['/posts/ID', () => `/posts/${ids.admin}`],
  ['/posts/ID (reply)', () => `/posts/${ids.reply}`],
  ['/posts/ID/edit', (role) => `/posts/${role === 'member' ? ids.member : ids.admin}/edit`],
  ['/posts/ID/history', () => `/posts/${ids.admin}/history`],
  ['/notifications', () => '/notifications'],
  ['/follow-requests', () => '/follow-requests'],
  ['/settings', () => '/settings'],
  ['/settings/password', () => '/settings/password'],
  ['/admin', () => '/admin'],
  ['/admin/users', () => '/admin/users'],
  ['/no-such-page (404)', () => '/no-such-page'],
  // Newer page kinds (groups, messages, moderation, organisation policy, apps).
  ['/groups', () => '/groups'],
  ['/messages', () => '/messages'],
  ['/messages/new?to=ORG', () => `/messages/new?to=${ORG.name}`],
  ['/moderation', () => '/moderation'],
  ['/admin/groups', () => '/admin/groups'],
  ['/admin/announcements', () => '/admin/announcements'],
  ['/admin/federatie', () => '/admin/federatie'],
  ['/admin/orgs/ORG/policy', () => `/admin/orgs/${ORG.name}/policy`],
  ['/admin/orgs/ORG', () => `/admin/orgs/${ORG.name}`],
  ['/admin/orgs/ORG?q=NAME', () => `/admin/orgs/${ORG.name}?q=${USERS.member.name}`],
  ['/privacy', () => '/privacy'],
  ['/settings/apps', () => '/settings/apps'],
  ['/g/GROUP', () => `/g/${GROUP.name}`],
  ['/g/GROUP/members', () => `/g/${GROUP.name}/members`],
  ['/g/GROUP/queue', () => `/g/${GROUP.name}/queue`],
  ['/g/GROUP/cijfers', () => `/g/${GROUP.name}/cijfers`],
  ['/posts/ID (group)', () => `/posts/${ids.group}`],
  // Older clients: the directory, a post with a poll (form or results).
  ['/wie', () => '/wie'],
  ['/wie?q=WORD&soort=kringen', () => `/wie?q=${WORD}&soort=kringen`],
  ['/wie?q=ORG&soort=organisaties', () => `/wie?q=${ORG.name}&soort=organisaties`],
  ['/posts/ID (poll)', () => `/posts/${ids.poll}`],
  ['/join/bogus (404)', () => '/join/0000000000000000000000000000000000000000000000000000000000000000'],
  // Passwords and registration paths (issue 13 #9, #12).
  ['/forgot', () => '/forgot'],
  ['/welcome', () => '/welcome'],
  ['/reset/used (gone)', () => '/reset/0000000000000000000000000000000000000000000000000000000000000000'],
  // Webcare (issue 17): the organisation's staff (admin here) see them; others get 404 or the login page.
  ['/webcare', () => '/webcare'],
  ['/webcare/ORG', () => `/webcare/${ORG.name}?status=all`],
  ['/webcare/ORG/items/ID', () => `/webcare/${ORG.name}/items/${ids.webcare}`],
  ['/webcare/ORG/items/ID?template', () => `/webcare/${ORG.name}/items/${ids.webcare}?template=1`],
  ['/webcare/ORG/settings', () => `/webcare/${ORG.name}/settings`],
  ['/webcare/ORG/cijfers', () => `/webcare/${ORG.name}/cijfers`],
  ['/@ORG/crisis', () => `/@${ORG.name}/crisis`],
  // Consultation hours (issue 18): the list and archive search, a session
  // (the staff's queue for admin), a question with its answer, the form.
  ['/consult', () => '/consult'],
  ['/consult?q=WORD', () => `/consult?q=${WORD}`],
  ['/consult/ID', () => `/consult/${ids.consult}`],
  ['/consult/q/ID', () => `/consult/q/${ids.question}`],
  ['/consult/new', () => '/consult/new'],
  // Appointments (issue 18): booking page, mine, availability settings.
  ['/afspraken/ORG', () => `/afspraken/${ORG.name}`],
  ['/afspraken/ORG?soort=eerste_gesprek&week=1', () => `/afspraken/${ORG.name}?soort=eerste_gesprek&week=1`],
  ['/mijn-afspraken', () => '/mijn-afspraken'],
  ['/beschikbaarheid', () => '/beschikbaarheid'],
  ['/beschikbaarheid?voor=ORG', (role) => (role === 'admin' ? `/beschikbaarheid?voor=${ORG.name}` : '/beschikbaarheid')],
  // Reviews (issue 19): a provider's reviews, the form (refused without a relation), the moderators' queue.
  ['/@ORG/reviews', () => `/@${ORG.name}/reviews`],
  ['/@ORG/reviews/new', () => `/@${ORG.name}/reviews/new`],
  ['/moderation/reviews', () => '/moderation/reviews'],
  // Choosing a care worker (issue 19): one at a time, the list with filters, own choices, requests, profile parts.
  ['/kiezen', () => '/kiezen'],
  ['/kiezen/lijst?language=Nederlands', () => '/kiezen/lijst?language=Nederlands'],
  ['/kiezen/mijn', () => '/kiezen/mijn'],
  ['/kiezen/verzoeken', () => '/kiezen/verzoeken'],
  ['/settings/pro', () => '/settings/pro'],
  // Reach of a post (issue 20): the author's own numbers.
  ['/posts/ID/bereik', (role) => `/posts/${role === 'member' ? ids.member : ids.admin}/bereik`],
  // Vacancies (issue 20): the list for everyone, the form for the organisation's staff.
  ['/vacatures', () => '/vacatures'],
  ['/vacatures/nieuw', () => '/vacatures/nieuw'],
  ['/campagnes', () => '/campagnes'],
  ['/ambassadeur', () => '/ambassadeur'],
  ['/ambassadeurs/ORG', () => `/ambassadeurs/${ORG.name}`],
  ['/richtlijnen/ORG', () => `/richtlijnen/${ORG.name}`],
  ['/trend/ORG', () => `/trend/${ORG.name}`],
  // My plan (issue 19): the client's own page (with a suggestion), the printable page, a shared plan (404 for others).
  ['/mijn-plan', () => '/mijn-plan'],
  ['/mijn-plan/print', () => '/mijn-plan/print'],
  ['/plan/MEMBER', () => `/plan/${USERS.member.name}`],
  ['/thuis', () => '/thuis'],
  // The client's home (issue 19): informal carers, a carer's view of a client (404 for the admin: not her own carer),
  // the care worker's share form (404 for the member: no care relation).
  ['/thuis/mantelzorgers', () => '/thuis/mantelzorgers'],
  ['/thuis/voor/ADMIN', () => `/thuis/voor/${USERS.admin.name}`],
  ['/thuis/delen/MEMBER', () => `/thuis/delen/${USERS.member.name}`],
];

it('axe self-check: a known violation is reported', { timeout: TEST_TIMEOUT }, async () => {
  const ctx = await newContext();
  try {
    const page = await ctx.newPage();
    await page.goto(base + '/login');
    await page.evaluate(() => { document.querySelector('label[for=password]').remove(); });
    const res = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.ok(res.violations.some((v) => v.id === 'label'), 'axe should report the unlabelled field');
  } finally { await ctx.close(); }
});

// Each role does Dutch, then English, in order: a logged-in person's language
// is stored on the account, so crawls of one account must not overlap.
describe('axe WCAG 2.1 AA', { timeout: 40 * 60_000 }, () => {
for (const role of ['anonymous', 'member', 'admin']) {
  describe(`as ${role}`, { concurrency: 1 }, () => {
  for (const lang of ['nl', 'en']) {
    describe(`as ${role} (${lang})`, { concurrency: 1 }, () => {
      let ctx, page;
      before(async () => {
        ctx = await loggedInContext(role, { lang });
        page = await ctx.newPage();
      });
      after(async () => { if (ctx) await ctx.close(); });
      for (const [label, path] of PAGES) {
        it(label, { timeout: TEST_TIMEOUT }, async () => {
          const url = base + path(role);
          const resp = await page.goto(url);
          assert.ok(resp, `no response for ${url}`);
          assert.ok(resp.status() < 500, `${url}: HTTP ${resp.status()}`);
          if (label.includes('404')) assert.equal(resp.status(), 404);
          assert.equal(await page.getAttribute('html', 'lang'), lang, `${url}: html lang`);
          await axeCheck(page, `${url} as ${role} (${lang})`);
        });
      }
    });
  }
  });
}
});

describe('keyboard', { timeout: 5 * 60_000 }, () => {
  it('my plan: a step is marked done and back by keyboard only (issue 19)', { timeout: TEST_TIMEOUT }, async () => {
    const ctx = await loggedInContext('member');
    try {
      const page = await ctx.newPage();
      await page.goto(base + '/mijn-plan');
      let found = false;
      for (let i = 0; i < 80 && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate(() => document.activeElement?.classList.contains('plan-step') &&
          document.activeElement.getAttribute('aria-pressed') === 'false');
      }
      assert.ok(found, 'a step button that is not done is reachable by Tab');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.match(await page.textContent('main'), /Hoera|ster/);
      assert.equal(await page.locator('button.plan-step[aria-pressed="false"]').count(), 0);
      const box = await page.locator('button.plan-step').first().boundingBox();
      assert.ok(box.height >= 44 && box.width >= 44, 'a step button is at least 44 px');
      // undo by keyboard too
      await page.focus('form[action="/mijn-plan/ongedaan"] button');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(await page.locator('button.plan-step[aria-pressed="false"]').count(), 1);
    } finally { await ctx.close(); }
  });
  it('home: the client lets informal carers see a shared photo, by keyboard only (issue 19)', { timeout: TEST_TIMEOUT }, async () => {
    const ctx = await loggedInContext('member');
    try {
      const page = await ctx.newPage();
      await page.goto(base + '/thuis');
      assert.ok(await page.locator('.care-media img[alt="Een blauwe tuin met bloemen"]').count() > 0, 'the shared photo shows with its alt text');
      let found = false;
      for (let i = 0; i < 120 && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate(() => !!document.activeElement?.closest('.care-media') &&
          document.activeElement.getAttribute('aria-pressed') === 'false');
      }
      assert.ok(found, 'the "carers may see this" switch is reachable by Tab');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(await page.locator('.care-media button[aria-pressed="true"]').count(), 1);
      const box = await page.locator('.care-media button[aria-pressed]').first().boundingBox();
      assert.ok(box.height >= 44, 'the switch is at least 44 px high');
      // and back
      await page.focus('.care-media button[aria-pressed="true"]');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(await page.locator('.care-media button[aria-pressed="false"]').count(), 1);
    } finally { await ctx.close(); }
  });
  for (const role of ['member', 'admin', 'anonymous']) {
    it(`skip link is the first Tab stop and moves focus to main (${role})`, { timeout: TEST_TIMEOUT }, async () => {
      const ctx = await loggedInContext(role);
      try {
        const page = await ctx.newPage();
        await page.goto(base + '/');
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => ({
          text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href'),
          visible: (() => { const r = document.activeElement.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0; })(),
        }));
        assert.equal(first.text, 'Naar de inhoud');
        assert.equal(first.href, '#main');
        assert.ok(first.visible, 'skip link must be visible when focused');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'main',
          null, { timeout: 5000 });
        assert.equal(await page.evaluate(() => document.activeElement.tagName), 'MAIN');
      } finally { await ctx.close(); }
    });
  }

  const focusPages = [['member', '/', () => '/'], ['member', '/posts/ID', () => `/posts/${ids.admin}`],
    ['member', '/settings', () => '/settings'], ['admin', '/admin', () => '/admin'],
    ['admin', '/admin/users', () => '/admin/users'], ['member', '/@USER', () => `/@${USERS.admin.name}`],
    ['anonymous', '/', () => '/'], ['anonymous', '/login', () => '/login']];
  for (const [role, label, path] of focusPages) {
    it(`every Tab stop has a visible focus indicator (${role} ${label})`,
      { timeout: TEST_TIMEOUT }, async () => {
        const ctx = await loggedInContext(role);
        try {
          const page = await ctx.newPage();
          await page.goto(base + path());
          const interactive = await page.evaluate(() => document.querySelectorAll(
            'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])').length);
          const seen = new Set();
          const bad = [];
          for (let i = 0; i < 300; i++) {
            await page.keyboard.press('Tab');
            const info = await page.evaluate(() => {
              const el = document.activeElement;
              if (!el || el === document.body) return null;
              if (!el.dataset.a11yId) el.dataset.a11yId = String(Math.random());
              const cs = getComputedStyle(el);
              const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
              const shadow = cs.boxShadow && cs.boxShadow !== 'none';
              const r = el.getBoundingClientRect();
              return { id: el.dataset.a11yId, desc: `${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 40)}"`,
                visible: outline || shadow, onScreen: r.width > 0 && r.height > 0,
                style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}` };
            });
            if (!info) break;               // left the document: wrapped around
            if (seen.has(info.id)) break;   // wrapped around
            seen.add(info.id);
            if (!info.visible || !info.onScreen) bad.push(`${info.desc} (${info.style})`);
          }
          assert.ok(seen.size >= Math.min(interactive, 3), `only ${seen.size} Tab stops reached of ${interactive}`);
          assert.deepEqual(bad, [], `focused elements without a visible focus style:\n${bad.join('\n')}`);
        } finally { await ctx.close(); }
      });
  }
});

const REFLOW_PAGES = [
  ['anonymous', () => '/'], ['anonymous', () => '/login'], ['anonymous', () => '/local'],
  ['member', () => '/'], ['member', () => `/posts/${ids.admin}`], ['member', () => `/@${USERS.admin.name}`],
  ['member', () => `/search?q=${WORD}`], ['member', () => '/notifications'], ['member', () => '/settings'],
  ['admin', () => '/admin'], ['admin', () => '/admin/users'], ['admin', () => `/posts/${ids.admin}/history`],
  ['admin', () => '/follow-requests'],
];

describe('reflow at 200% and 400% zoom (no horizontal scrolling)', { timeout: 10 * 60_000 }, () => {
  for (const [w, label] of [[640, '640 px = 1280 px at 200%'], [320, '320 px = 1280 px at 400%']]) {
    for (const role of ['anonymous', 'member', 'admin']) {
      it(`${label} as ${role}`, { timeout: TEST_TIMEOUT }, async () => {
        const ctx = await loggedInContext(role, { viewport: { width: w, height: 800 }, deviceScaleFactor: 1 });
        try {
          const page = await ctx.newPage();
          const bad = [];
          for (const [r, path] of REFLOW_PAGES.filter(([r]) => r === role)) {
            await page.goto(base + path());
            const m = await page.evaluate(() => {
              const vw = window.innerWidth;
              const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > vw + 1)
                .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
              return { sw: document.documentElement.scrollWidth, vw, wide };
            });
            if (m.sw > m.vw + 1) bad.push(`${path()}: scrollWidth ${m.sw} > ${m.vw} (${m.wide.join(', ')})`);
          }
          assert.deepEqual(bad, []);
        } finally { await ctx.close(); }
      });
    }
  }
  it('200% text zoom (CSS zoom on a 1280 px window) as member', { timeout: TEST_TIMEOUT }, async () => {
    const ctx = await loggedInContext('member', { viewport: { width: 1280, height: 800 } });
    try {
      const page = await ctx.newPage();
      const bad = [];
      for (const path of ['/', `/posts/${ids.admin}`, '/settings', `/@${USERS.admin.name}`]) {
        await page.goto(base + path);
        // The CSP forbids inline <style>; CSSOM changes are allowed.
        await page.evaluate(() => { document.documentElement.style.zoom = '2'; });
        const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: window.innerWidth }));
        if (m.sw > m.vw + 1) bad.push(`${path}: scrollWidth ${m.sw} > ${m.vw}`);
      }
      assert.deepEqual(bad, []);
    } finally { await ctx.close(); }
  });
});

describe('tap targets are at least 44×44 CSS px', { timeout: 5 * 60_000 }, () => {
  for (const [role, label, path, w] of [['member', '/', () => '/', 390], ['member', '/', () => '/', 1280],
    ['admin', '/admin/users', () => '/admin/users', 390], ['member', '/posts/ID', () => `/posts/${ids.admin}`, 390],
    ['anonymous', '/', () => '/', 390], ['member', '/@USER', () => `/@${USERS.admin.name}`, 390]]) {
    it(`buttons and nav links (${role}, ${w} px, ${label})`, { timeout: TEST_TIMEOUT }, async () => {
      const ctx = await loggedInContext(role, { viewport: { width: w, height: 844 } });
      try {
        const page = await ctx.newPage();
        await page.goto(base + path());
        const res = await page.evaluate(() => {
          const els = [...document.querySelectorAll('button, .btn, nav a, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select')];
          return { n: els.length, small: els.map((el) => {
            const r = el.getBoundingClientRect();
            return { d: `${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 30)}"`, w: r.width, h: r.height };
          }).filter((x) => x.w > 0 && (x.w < 44 || x.h < 44)).map((x) => `${x.d} ${x.w.toFixed(0)}×${x.h.toFixed(0)}`) };
        });
        assert.ok(res.n >= 3, `expected at least 3 targets, found ${res.n}`);
        assert.deepEqual(res.small, []);
      } finally { await ctx.close(); }
    });
  }
});

describe('without JavaScript', { timeout: 5 * 60_000 }, () => {
  it('can log in, post and see the post (forms post and redirect)', { timeout: TEST_TIMEOUT }, async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      await login(page, USERS.member);
      // A client's first page after login is their home, /thuis (issue 19).
      assert.equal(new URL(page.url()).pathname, '/thuis');
      const text = `Zonder JavaScript geplaatst, ${Date.now()}`;
      const id = await compose(page, '/', text);
      assert.match(await page.textContent('main'), new RegExp(text));
      await page.goto(base + '/');
      assert.match(await page.textContent('main'), new RegExp(text));
      await page.goto(`${base}/posts/${id}`);
      await clickAndWait(page, `form[action="/posts/${id}/fav"] button`);
      assert.equal(await page.getAttribute(`form[action="/posts/${id}/unfav"] button`, 'aria-pressed'), 'true');
    } finally { await ctx.close(); }
  });
  // Issue 20: a poll is one tap without JavaScript too (each option its own
  // form button; the results after voting), here by another person than its author.
  it('votes on a poll with one tap (no separate submit)', { timeout: TEST_TIMEOUT }, async () => {
    const actx = await loggedInContext('admin', { javaScriptEnabled: false });
    const ctx = await loggedInContext('other', { javaScriptEnabled: false });
    try {
      // A public poll from the compose form, without JavaScript too.
      const pa = await actx.newPage();
      await pa.goto(base + '/');
      await pa.fill('form.compose textarea[name=text]', `Welke dag zonder JavaScript? ${Date.now()}`);
      await pa.locator('form.compose details.poll-add > summary').click();
      await pa.fill('form.compose input[name=poll1]', 'Maandag');
      await pa.fill('form.compose input[name=poll2]', 'Donderdag');
      await pa.selectOption('form.compose select[name=visibility]', 'public');
      await clickAndWait(pa, 'form.compose button.primary');
      const pollId = new URL(pa.url()).pathname.match(/\/posts\/(\d+)/)[1];
      const page = await ctx.newPage();
      await page.goto(`${base}/posts/${pollId}`);
      assert.equal(await page.locator('.poll-results').count(), 0, 'no results before voting');
      await clickAndWait(page, '.poll form button:has-text("Donderdag")');
      assert.equal(await page.locator('.poll-results').count(), 1, 'the results after voting');
      assert.equal(await page.locator('.poll form').count(), 0, 'one vote');
    } finally { await ctx.close(); await actx.close(); }
  });
});

// Issue 16: the review page for a photo with a face and text in it (the
// photo's text under "In de foto staat", the question about faces).
describe('privacy guard on photos', { timeout: 5 * 60_000 }, () => {
  const FACE = '/usr/share/doc/opencv-doc/examples/data/messi5.jpg';
  for (const lang of ['nl', 'en']) {
    it(`review page for a photo with a face passes axe (${lang})`, { timeout: 3 * TEST_TIMEOUT }, async (t) => {
      if (!existsSync(FACE)) { t.skip('opencv-doc is not installed'); return; }
      const ctx = await loggedInContext('member', { lang });
      try {
        const page = await ctx.newPage();
        page.setDefaultNavigationTimeout(3 * TEST_TIMEOUT);
        await page.goto(base + '/');
        await page.fill('form.compose textarea[name=text]', 'Een foto van de wedstrijd');
        await page.setInputFiles('form.compose input[name=media]', FACE);
        await clickAndWait(page, 'form.compose button.primary');
        const main = await page.textContent('main');
        assert.match(main, lang === 'nl' ? /Staat iedereen op deze foto er graag op/ : /Is everyone in this photo/);
        await axeCheck(page, `guard review with a face (${lang})`);
      } finally { await ctx.close(); }
    });
  }
});

// Issue 20: "Controleer de leesbaarheid" brings the compose form back with
// the level and hints: axe on that page, and a normal form submit, so it
// works without JavaScript too (axe itself needs JavaScript).
describe('plain language check on the compose form', { timeout: 8 * 60_000 }, () => {
  const HARD = 'Op grond van de Wet maatschappelijke ondersteuning heeft het college, na zorgvuldige afweging ' +
    'van de door u verstrekte informatie, besloten uw aanvraag voor een maatwerkvoorziening en de ' +
    'bijbehorende indicatiestelling af te wijzen.';
  for (const [lang, js] of [['nl', true], ['en', true], ['nl', false]]) {
    it(`the form with hints (${lang}, ${js ? 'axe' : 'without JavaScript'})`, { timeout: 2 * TEST_TIMEOUT }, async () => {
      const ctx = await loggedInContext('member', { lang, javaScriptEnabled: js });
      try {
        const page = await ctx.newPage();
        await page.goto(base + '/');
        await page.fill('form.compose textarea[name=text]', HARD);
        await clickAndWait(page, 'form.compose button[name=check]');
        assert.equal(await page.inputValue('form.compose textarea[name=text]'), HARD);
        assert.match(await page.textContent('main'), lang === 'nl' ? /taalniveau C1/ : /language level C1/);
        assert.ok(await page.locator('#plain li').count() >= 2, 'hints listed');
        if (js)
          await axeCheck(page, `compose form with readability hints (${lang})`);
      } finally { await ctx.close(); }
    });
  }
});

// Issue 20: vacancies.  The organisation's staff (admin) publishes one
// through the form, with JavaScript off (a plain form); then axe on the
// list (everyone) and on the form (with a refused field) in nl and en.
describe('vacancies', { timeout: 8 * 60_000 }, () => {
  it('publish through the form without JavaScript', { timeout: 2 * TEST_TIMEOUT }, async () => {
    const ctx = await loggedInContext('admin', { javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      // No think time, so the vacancy is listed at once.
      await page.goto(`${base}/admin/orgs/${ORG.name}/policy`);
      await page.fill('#hold_seconds', '0');
      await clickAndWait(page, `form[action="/admin/orgs/${ORG.name}/policy"] button.primary`);
      await page.goto(base + '/vacatures/nieuw');
      await page.fill('#vacancy-job', 'Verzorgende IG');
      await page.fill('#vacancy-hours', '24 tot 32 uur per week');
      await page.fill('#vacancy-location', 'Tilburg');
      await page.fill('#vacancy-apply', 'Mail naar werken@example.org');
      await Promise.all([page.waitForURL(/\/posts\/\d+/), page.click('form[action="/vacatures"] button.primary')]);
      await page.goto(base + '/vacatures');
      assert.match(await page.textContent('main'), /Verzorgende IG/);
    } finally { await ctx.close(); }
  });
  for (const role of ['anonymous', 'admin']) {
    for (const lang of ['nl', 'en']) {
      it(`axe: the list and the form (${role}, ${lang})`, { timeout: 2 * TEST_TIMEOUT }, async () => {
        const ctx = await loggedInContext(role, { lang });
        try {
          const page = await ctx.newPage();
          const resp = await page.goto(base + '/vacatures');
          assert.equal(resp.status(), 200);
          await axeCheck(page, `/vacatures as ${role} (${lang})`);
          if (role === 'admin') {
            await page.goto(base + '/vacatures/nieuw');
            await axeCheck(page, `/vacatures/nieuw (${lang})`);
            // Refused: the job is only spaces (the browser's own check passes).
            await page.fill('#vacancy-job', '   ');
            await page.fill('#vacancy-hours', '20 uur');
            await page.fill('#vacancy-location', 'Breda');
            await page.fill('#vacancy-apply', 'Bel Anja');
            await clickAndWait(page, 'form[action="/vacatures"] button.primary');
            assert.equal(await page.getAttribute('#vacancy-job', 'aria-invalid'), 'true');
            await axeCheck(page, `/vacatures/nieuw with an error (${lang})`);
          }
        } finally { await ctx.close(); }
      });
    }
  }
});

// Issue 20: campaigns, ambassadors and guidelines reach, for the
// organisation's staff (admin): made through the forms without JavaScript,
// then axe in nl and en.
describe('campaigns, ambassadors, guidelines reach', { timeout: 8 * 60_000 }, () => {
  it('start a campaign and join as ambassador without JavaScript', { timeout: 2 * TEST_TIMEOUT }, async () => {
    const ctx = await loggedInContext('admin', { javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      await page.goto(base + '/campagnes');
      await page.fill('#campaign-name', 'Zomerwerving');
      await page.fill('#campaign-by', `#${TAG}`);
      await page.fill('#campaign-goal', '100');
      const d = new Date();
      const day = (k) => new Date(d.getTime() + k * 86400_000).toISOString().slice(0, 10);
      await page.fill('#campaign-starts', day(-1));
      await page.fill('#campaign-ends', day(1));
      await Promise.all([page.waitForURL(/\/campagnes\/\d+/), page.click('form[action="/campagnes"] button.primary')]);
      ids.campaign = new URL(page.url()).pathname.match(/\/campagnes\/(\d+)/)[1];
      assert.match(await page.textContent('main'), /van het doel van 100/);
      // Change it on its page: the form holds the current values.
      const form = `form[action="/campagnes/${ids.campaign}"]`;
      assert.equal(await page.inputValue(`${form} #campaign-name`), 'Zomerwerving');
      assert.equal(await page.inputValue(`${form} #campaign-ends`), day(1));
      await page.fill(`${form} #campaign-goal`, '200');
      await clickAndWait(page, `${form} button.primary`);
      assert.match(await page.textContent('main'), /van het doel van 200/);
      assert.match(await page.textContent('main'), /De wijzigingen zijn opgeslagen/);
      await page.goto(base + '/ambassadeur');
      await page.check(`form[action="/ambassadeur/${ORG.name}/meedoen"] input[name=consent]`);
      await clickAndWait(page, `form[action="/ambassadeur/${ORG.name}/meedoen"] button.primary`);
      assert.ok(await page.locator('input[readonly][value*="/l/"]').count() >= 1, 'personal links listed');
    } finally { await ctx.close(); }
  });
  for (const lang of ['nl', 'en']) {
    it(`axe: campaign, ambassadors, guidelines (${lang})`, { timeout: 3 * TEST_TIMEOUT }, async () => {
      const ctx = await loggedInContext('admin', { lang });
      try {
        const page = await ctx.newPage();
        const past = new Date(Date.now() - 60 * 86400_000).toISOString().slice(0, 10);
        for (const path of ['/campagnes', `/campagnes/${ids.campaign}`, '/ambassadeur', `/ambassadeurs/${ORG.name}`,
          `/richtlijnen/${ORG.name}`, `/trend/${ORG.name}?meting=vermeldingen&datum=${past}`,
          `/trend/${ORG.name}?meting=bereik&datum=${past}`]) {
          const resp = await page.goto(base + path);
          assert.equal(resp.status(), 200, path);
          await axeCheck(page, `${path} (${lang})`);
        }
        // The campaign's change and delete forms refused (nothing changes): the errors on the page.
        await page.goto(base + `/campagnes/${ids.campaign}`);
        assert.equal(await page.locator(`form[action="/campagnes/${ids.campaign}"] #campaign-name`).count(), 1);
        await page.fill('#campaign-ends', past);
        await clickAndWait(page, `form[action="/campagnes/${ids.campaign}"] button.primary`);
        assert.equal(await page.getAttribute('#campaign-ends', 'aria-invalid'), 'true');
        await axeCheck(page, `/campagnes/ID with an error (${lang})`);
        await clickAndWait(page, `form[action="/campagnes/${ids.campaign}/verwijderen"] button`);
        assert.equal(await page.getAttribute('input[name=sure]', 'aria-invalid'), 'true');
        await axeCheck(page, `/campagnes/ID delete not ticked (${lang})`);
      } finally { await ctx.close(); }
    });
  }
});
