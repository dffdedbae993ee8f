// Passwords and registration paths (issue 13 #9, #12), walked in a browser:
//
//  - Forgotten password: a client adds her e-mail address in her settings,
//    later forgets her password, asks for a mail from "Wachtwoord vergeten?",
//    opens the link from the mail (a local SMTP sink), chooses a new password
//    on a page that names her account, and logs in with it.
//  - A newcomer and a group's QR link: an administrator makes a group's
//    invitation link; a newcomer without an account opens it, makes an account
//    from it (a wrong name first: told in Dutch beside the field), and lands
//    in the group as a member.
//
// Desktop and 375 px, Dutch and English, axe-core on every page.
// Run: tests/browser/run.sh  (or: node --test tests/browser/journey_passwords.test.mjs)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { VARIANTS, Person, base, cli } from './journey_lib.mjs';

// A minimal SMTP server on 127.0.0.1 that keeps every message it is given.
function startSink() {
  const mails = [];
  const srv = net.createServer((sock) => {
    let buf = '', inData = false, data = '', rcpt = [];
    sock.setEncoding('utf8');
    sock.write('220 sink ESMTP\r\n');
    sock.on('error', () => {});
    sock.on('data', (chunk) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            mails.push({ rcpt, data });
            data = '';
            sock.write('250 OK\r\n');
          } else {
            data += (line.startsWith('..') ? line.slice(1) : line) + '\n';
          }
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') sock.write('250-sink\r\n250 8BITMIME\r\n');
        else if (cmd === 'MAIL') { rcpt = []; sock.write('250 OK\r\n'); }
        else if (cmd === 'RCPT') { rcpt.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1')); sock.write('250 OK\r\n'); }
        else if (cmd === 'DATA') { inData = true; sock.write('354 End data with <CR><LF>.<CR><LF>\r\n'); }
        else if (cmd === 'QUIT') sock.end('221 Bye\r\n');
        else sock.write('250 OK\r\n');
      }
    });
  });
  return new Promise((res) => srv.listen(0, '127.0.0.1', () => res({ srv, mails, port: srv.address().port })));
}

// The server the journey library starts reads these.
const sink = await startSink();
process.env.KRING_SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
process.env.KRING_SMTP_FROM = 'kring@zorg.example';
after(() => sink.srv.close());

async function mailTo(addr, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const m = sink.mails.find((x) => x.rcpt.includes(addr));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${addr} within ${ms} ms`);
}

// The menu's link, or on a phone the folded menu first.
async function menuLink(t, href, label) {
  let link = t.page.locator(`a[href="${href}"]`).first();
  if (!(await link.isVisible())) {
    const toggle = t.page.locator('nav details > summary, nav button[aria-expanded]').first();
    if (await toggle.count()) await toggle.click();
  }
  link = t.page.locator(`a[href="${href}"]`).first();
  await t.click(link, label);
}

for (const v of VARIANTS) {
  describe(`passwords and registration (${v.id})`, () => {
    const k = v.id.replace(/[^a-z0-9]/g, '');
    const client = { name: `riet${k}`, pw: 'riet-wachtwoord-1' };
    const email = `riet.${k}@voorbeeld.nl`;
    const admin = { name: `beheer${k}`, pw: 'beheer-wachtwoord-1' };
    const group = { name: `mantelzorg${k}`, display: `Mantelzorgers ${v.id}` };
    const newcomer = { name: `nieuw_${k}`, pw: 'nieuw-wachtwoord-1' };

    before(() => {
      cli('user', 'add', client.name, '--password', client.pw, '--role', 'member');
      cli('user', 'add', admin.name, '--password', admin.pw, '--role', 'admin');
      cli('group', 'add', group.name, '--kind', 'closed', '--owner', admin.name, '--display-name', group.display);
    });

    it('a client who forgot her password gets a link by e-mail and logs in again', async () => {
      const t = await new Person(v, client, 'forgot').open();
      try {
        // Earlier: she adds her e-mail address in her settings.
        await t.login();
        await menuLink(t, '/settings', 'settings');
        await t.page.fill('form[action="/settings/email"] input[name=email]', email);
        await t.click(t.page.locator('form[action="/settings/email"] button'), 'email-saved');
        assert.equal(await t.page.inputValue('form[action="/settings/email"] input[name=email]'), email);
        await t.click(t.page.locator('form[action="/logout"] button:visible').first(), 'logged-out');

        // Now she has forgotten her password.
        await t.click(t.page.locator('a[href="/forgot"]').first(), 'forgot');
        await t.page.fill('form[action="/forgot"] input[name=email]', email);
        await t.click(t.page.locator('form[action="/forgot"] button'), 'mail-asked');
        assert.ok(await t.page.locator('[role=status]').count() > 0, 'the page says a mail is on its way');

        const mail = await mailTo(email);
        const m = mail.data.match(/https?:\/\/\S+\/reset\/[0-9a-f]{64}/);
        assert.ok(m, `the mail holds a reset link:\n${mail.data}`);
        assert.ok(mail.data.includes(client.name), 'the mail names the account');
        const link = new URL(m[0]);
        assert.equal(link.origin, base, 'the link leads to this site');

        // She opens the link from the mail.
        await t.goto(link.pathname, 'reset');
        assert.equal(await t.page.locator(`text=${client.name}`).count() > 0, true, 'the reset page names her account');
        const pw = 'nieuw-geheim-wachtwoord-2';
        await t.page.fill('input[name=password]', pw);
        await t.page.fill('input[name=password2]', pw);
        await t.click(t.page.locator(`form[action="${link.pathname}"] button`), 'password-set');
        assert.ok(new URL(t.page.url()).pathname.startsWith('/login'), 'after choosing a password: the login page');
        assert.equal(await t.page.inputValue('main form[action="/login"] input[name=username]'), client.name,
          'her name is filled in');
        await t.page.fill('main form[action="/login"] input[name=password]', pw);
        await t.click(t.page.locator('main form[action="/login"] button'), 'logged-in-again');
        assert.ok(!new URL(t.page.url()).pathname.startsWith('/login'), 'she is logged in with the new password');

        // The link from the mail worked once.
        await t.goto(link.pathname, 'link-used');
        assert.ok(await t.page.locator('a[href="/forgot"]').count() > 0, 'a used link says what to do');
      } finally { await t.close(); }
    });

    it('a newcomer opens a group\'s QR link, makes an account and lands in the group', async () => {
      const a = await new Person(v, admin, 'group-link').open();
      const n = await new Person(v, newcomer, 'group-link').open();
      try {
        // The administrator makes the group's invitation link (for a leaflet).
        await a.login();
        await a.openGroup(group.display);
        await a.click(a.page.locator(`a[href="/g/${group.name}/members"]`), 'members');
        await a.click(a.page.locator(`form[action="/g/${group.name}/links"] button.primary`), 'link-made');
        const link = new URL(await a.page.inputValue('#link'));

        // The newcomer scans it.
        await n.goto(link.pathname, 'invitation');
        await n.click(n.page.locator('a[href^="/register?join="]'), 'register');
        // A name with a space: told beside the field, in the page's language, no browser bubble.
        await n.page.fill('#username', 'Nieuwe Buur');
        await n.page.fill('#password', newcomer.pw);
        await n.page.fill('#password2', newcomer.pw);
        await n.click(n.page.locator('form[action="/register"] button'), 'name-refused');
        assert.equal(await n.page.locator('#username-error').count(), 1, 'the name rule is shown beside the field');
        assert.equal(await n.page.getAttribute('#username', 'aria-invalid'), 'true');
        await n.page.fill('#username', newcomer.name);
        await n.page.fill('#password', newcomer.pw);
        await n.page.fill('#password2', newcomer.pw);
        await n.click(n.page.locator('form[action="/register"] button'), 'in-the-group');
        assert.equal(new URL(n.page.url()).pathname, `/g/${group.name}`, 'after registering: the group');
        assert.equal(await n.page.locator('form.compose textarea[name=text]').count(), 1,
          'the newcomer is a member: the group offers the compose form');
        assert.equal(await n.page.getAttribute('html', 'lang'), v.lang, 'still in the language she read');
      } finally { await a.close(); await n.close(); }
    });
  });
}
