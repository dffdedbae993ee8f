// A family carer messages a home-care organisation and a nurse answers for
// it: the carer finds the organisation through Zoeken, sees its "Stuur een
// bericht" button, and writes to it by its display name from Berichten; a
// nurse on its staff sees the new conversation counted on "Berichten" and
// the message among her notifications, marked as for the organisation,
// answers it as the organisation (the default), and the carer reads the
// answer in her conversation, which names the organisation as her partner.
// Issue 13 #4, #6.  See docs/journeys.md.
//
// Run: tests/browser/run.sh  (or: node --test tests/browser/journey_messaging.test.mjs)

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { VARIANTS, Person, cli } from './journey_lib.mjs';

// On a phone the menu is folded behind "Menu": open it, as a person would,
// to read what it counts.
async function openMenu(p) {
  const link = p.page.locator('header a[href="/messages"]').first();
  if (await link.isVisible()) return;
  const toggle = p.page.locator('nav details > summary').first();
  if (await toggle.count()) await toggle.click();
}

// A link in the main menu, unfolding the menu first where a phone folds it.
async function menu(p, href, label) {
  const link = p.page.locator(`header a[href="${href}"]`).first();
  if (!(await link.isVisible())) {
    const toggle = p.page.locator('header nav details > summary, header nav button[aria-expanded]').first();
    if (await toggle.count()) await toggle.click();
  }
  return p.click(link, label);
}

const W = {
  nl: { search: 'Zoeken', send: 'Stuur een bericht', fresh: 'Nieuw bericht', sendBtn: 'Versturen',
    reply: 'Reageren', sent: 'stuurde u een bericht' },
  en: { search: 'Search', send: 'Send a message', fresh: 'New message', sendBtn: 'Send',
    reply: 'Reply', sent: 'sent you a message' },
};

for (const v of VARIANTS) {
  describe(`a family carer messages the home-care organisation (${v.id})`, () => {
    const k = v.id.replace(/[^a-z0-9]/g, '');
    const org = { name: `delinde${k}`, display: `Thuiszorg De Linde ${k}` };
    const carer = { name: `marieke${k}`, pw: 'marieke-wachtwoord-1' };
    const nurse = { name: `zuster${k}`, pw: 'zuster-wachtwoord-1' };
    const admin = { name: `beheer${k}`, pw: 'beheer-wachtwoord-1' };
    const w = W[v.lang];
    const question = `Kan mijn vader morgen later geholpen worden met douchen? (${v.id})`;
    const answer = `Ja, de zuster komt morgen om tien uur. (${v.id})`;

    before(() => {
      cli('user', 'add', admin.name, '--password', admin.pw, '--role', 'admin');
      cli('user', 'add', carer.name, '--password', carer.pw, '--role', 'member');
      cli('user', 'add', nurse.name, '--password', nurse.pw, '--role', 'member');
      cli('org', 'add', org.name, '--display-name', org.display);
      cli('org', 'staff', org.name, nurse.name);
    });

    it('the carer finds the organisation, messages it, and reads the nurse\'s answer', async () => {
      const a = await new Person(v, admin, 'messaging').open();
      const c = await new Person(v, carer, 'messaging').open();
      const n = await new Person(v, nurse, 'messaging').open();
      try {
        // Set-up: the organisation's answers go out at once (no think time).
        await a.login();
        await a.goto(`/admin/orgs/${org.name}/policy`, 'policy');
        await a.page.fill('#hold_seconds', '0');
        await a.click(a.page.locator(`form[action="/admin/orgs/${org.name}/policy"] button`), 'policy-saved');

        // The carer looks the organisation up and finds its button.
        await c.login();
        await menu(c, '/search', 'search');
        await c.page.fill('main input[name=q]', 'De Linde');
        await c.click(c.page.locator('main form button').first(), 'search-results');
        await c.click(c.page.getByRole('link', { name: new RegExp(org.display) }).first(), 'organisation');
        await c.click(c.page.getByRole('link', { name: w.send }), 'compose-from-button');
        assert.equal(await c.page.inputValue('#to'), `@${org.name}`, 'the button fills in the organisation');
        assert.equal(await c.page.locator('input[name=visibility]').getAttribute('value'), 'direct');

        // She writes from Berichten, naming the organisation as she knows it.
        await menu(c, '/messages', 'messages');
        await c.click(c.page.getByRole('link', { name: w.fresh }), 'new-message');
        // A slip in the name: the form comes back with her text and the
        // problem beside "Aan"; she corrects the name.
        await c.page.fill('#to', org.display.replace('Linde', 'Lynde'));
        await c.page.fill('#text', question);
        await c.click(c.page.getByRole('button', { name: w.sendBtn }), 'name-not-found');
        assert.equal(await c.page.inputValue('#text'), question, 'her message is kept');
        assert.equal(await c.page.locator('#to[aria-invalid=true]').count(), 1, 'the problem is marked at "Aan"');
        assert.ok(await c.page.locator('#to-error').isVisible(), 'the problem is explained beside "Aan"');
        await c.page.fill('#to', org.display);
        await c.click(c.page.getByRole('button', { name: w.sendBtn }), 'sent');
        const sent = new URL(c.page.url()).pathname.match(/^\/posts\/(\d+)/);
        assert.ok(sent, `the message is sent (at ${c.page.url()})`);

        // The nurse sees one new conversation and the notification for the organisation.
        await n.login();
        const badge = n.page.locator('header a[href="/messages"] .badge');
        await openMenu(n);
        assert.equal((await badge.innerText()).trim().split(/\s/)[0], '1', 'Berichten counts the new conversation');
        await menu(n, '/notifications', 'notifications');
        const item = n.page.locator('ul.notifications li').filter({ hasText: question }).first();
        assert.ok(await item.count(), 'the message is among her notifications');
        assert.match(await item.innerText(), new RegExp(org.display), 'marked as for the organisation');
        assert.match(await item.innerText(), new RegExp(w.sent), 'a message is sent, not a mention');

        // She opens it from Berichten and answers as the organisation (the default).
        await menu(n, '/messages', 'messages');
        await n.click(n.page.locator('ul.conversations li a').first(), 'conversation');
        assert.equal(await n.page.locator('#as').inputValue(), org.name, '"Plaatsen als" is the organisation');
        assert.equal(await n.page.inputValue('#text'), '', 'no handle in the answer');
        await n.page.fill('#text', answer);
        await n.click(n.page.locator('form.compose button.primary'), 'answered');
        assert.equal(await n.page.locator('header a[href="/messages"] .badge').count(), 0, 'nothing unread left');

        // The carer sees the answer counted, her partner named, and reads it.
        await c.goto('/', 'start-again');
        const cb = c.page.locator('header a[href="/messages"] .badge');
        await openMenu(c);
        assert.equal((await cb.innerText()).trim().split(/\s/)[0], '1', 'Berichten counts the answer');
        await menu(c, '/messages', 'messages-answered');
        const conv = c.page.locator('ul.conversations li').first();
        const partner = await conv.locator('a strong').first().innerText();
        assert.equal(partner, org.display, 'the conversation is named after the organisation, not herself');
        await c.click(conv.locator('a').first(), 'conversation-read');
        assert.ok(await c.page.getByText(answer).count(), 'she reads the answer');
      } finally { await a.close(); await c.close(); await n.close(); }
    });
  });
}
