// The moderator of a closed peer group, led to the work by notifications:
// a held post and a request to join each reach her as a notification that
// names the group and links to where she acts; she approves the post, lets
// the person in, handles a complaint by removing the post with a reason, and
// the author reads why.  Also the menu at 375 px: folded behind "Menu", small,
// opened with the keyboard, "Uitloggen" in it.  See docs/journeys.md.
//
// Run: tests/browser/run.sh  (or: node --test tests/browser/journey_notify.test.mjs)

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { VARIANTS, Person, cli } from './journey_lib.mjs';

const W = {
  nl: { held: 'wacht op uw goedkeuring', request: 'wil lid worden van de kring', complaint: 'klacht',
    removed: 'heeft uw bericht verwijderd', logout: 'Uitloggen', menu: 'Menu' },
  en: { held: 'waits for your approval', request: 'asks to join the circle', complaint: 'complaint',
    removed: 'removed your post', logout: 'Log out', menu: 'Menu' },
};

// A link in the main menu, as a person reaches it: unfold the menu first
// when it is folded away (on a phone).
async function menu(t, href, label) {
  const link = t.page.locator(`nav a[href="${href}"]`).first();
  if (!(await link.isVisible())) await t.page.locator('nav details > summary').first().click();
  await t.click(link, label);
}

// The notification with these words, and the link in it.
function notification(t, words) {
  return t.page.locator('ul.notifications > li').filter({ hasText: words }).first();
}

for (const v of VARIANTS) {
  describe(`moderation led by notifications (${v.id})`, () => {
    const k = v.id.replace(/[^a-z0-9]/g, '');
    const w = W[v.lang];
    const mod = { name: `moni${k}`, pw: 'moni-wachtwoord-1' };
    const author = { name: `anke${k}`, pw: 'anke-wachtwoord-1' };
    const asker = { name: `bert${k}`, pw: 'bert-wachtwoord-1' };
    const reporter = { name: `cor${k}`, pw: 'cor-wachtwoord-1' };
    const group = { name: `mantelzorg${k}`, display: `Mantelzorgers ${v.id}` };

    before(() => {
      for (const p of [mod, author, asker, reporter])
        cli('user', 'add', p.name, '--password', p.pw, '--role', 'member');
      cli('group', 'add', group.name, '--kind', 'closed', '--owner', mod.name, '--display-name', group.display);
      cli('group', 'member', 'add', group.name, author.name, '--role', 'member');
      cli('group', 'member', 'add', group.name, reporter.name, '--role', 'member');
    });

    if (v.mobile) {
      it('the menu at 375 px: folded, small, opened with the keyboard, with "Uitloggen"', async () => {
        const t = await new Person(v, mod, 'menu').open();
        try {
          await t.login();
          await t.goto('/', 'start-folded');
          const h = await t.page.locator('header.top').evaluate((e) => e.getBoundingClientRect().height);
          assert.ok(h < v.viewport.height * 0.2, `the header takes ${h}px of ${v.viewport.height}px`);
          assert.equal(await t.page.locator('nav a[href="/groups"]').isVisible(), false, 'the menu is folded');
          // Keyboard: Tab to "Menu", Enter opens it, the links are reachable.
          const summary = t.page.locator('nav details > summary');
          await summary.focus();
          await t.page.keyboard.press('Enter');
          assert.equal(await t.page.locator('nav a[href="/groups"]').isVisible(), true, 'Enter opens the menu');
          await t.seen('menu-open');
          const logout = t.page.locator('nav form[action="/logout"] button');
          assert.equal(await logout.isVisible(), true, 'Uitloggen is in the menu');
          assert.equal((await logout.innerText()).trim(), w.logout);
          await t.page.keyboard.press('Tab');
          const focused = await t.page.evaluate(() => document.activeElement.closest('nav') !== null);
          assert.ok(focused, 'Tab goes from "Menu" into its links');
          await summary.focus();
          await t.page.keyboard.press('Space');
          assert.equal(await t.page.locator('nav a[href="/groups"]').isVisible(), false, 'Space folds it again');
          // Open, the menu is a list to choose from, then the page.
          await summary.click();
          await t.click(logout, 'logged-out');
          assert.equal(await t.page.locator('nav a[href="/login"]').count() > 0, true, 'logged out from the menu');
        } finally { await t.close(); }
      });
    } else {
      it('the menu on a wide screen: unfolded, no "Menu" button', async () => {
        const t = await new Person(v, mod, 'menu').open();
        try {
          await t.login();
          await t.goto('/', 'start-row');
          assert.equal(await t.page.locator('nav a[href="/groups"]').isVisible(), true);
          assert.equal(await t.page.locator('nav details > summary').isVisible(), false);
          const h = await t.page.locator('header.top').evaluate((e) => e.getBoundingClientRect().height);
          assert.ok(h < v.viewport.height * 0.2, `the header takes ${h}px of ${v.viewport.height}px`);
        } finally { await t.close(); }
      });
    }

    it('a held post, a request and a complaint lead the moderator to the work; the author reads why', async () => {
      const m = await new Person(v, mod, 'moderate').open();
      const a = await new Person(v, author, 'moderate').open();
      const b = await new Person(v, asker, 'moderate').open();
      const r = await new Person(v, reporter, 'moderate').open();
      try {
        // The moderator asks that posts wait for approval (the group's settings).
        await m.login();
        await m.goto(`/g/${group.name}/members`, 'group-settings');
        await m.page.selectOption('#s-premod', 'all');
        await m.click(m.page.locator(`form[action="/g/${group.name}/settings"] button.primary`), 'premod-saved');

        // The author writes; the post waits.
        await a.login();
        await a.goto(`/g/${group.name}`, 'group-author');
        const text = `Wie weet een goede dagbesteding in de buurt? (${v.id})`;
        await a.page.fill('form.compose textarea[name=text]', text);
        await a.click(a.page.locator('form.compose button.primary'), 'posted-held');

        // Someone asks to join.
        await b.login();
        await b.goto(`/g/${group.name}`, 'group-asker');
        await b.page.fill('textarea[name=message]', 'Ik zorg voor mijn moeder.');
        await b.click(b.page.locator(`form[action="/g/${group.name}/join"] button`), 'asked');

        // The moderator sees both in her notifications, each naming the group.
        await m.goto('/', 'start-moderator');
        assert.ok(await m.page.locator('nav .badge').count() > 0, 'the menu shows new notifications');
        await menu(m, '/notifications', 'notifications');
        const held = notification(m, w.held);
        assert.ok((await held.innerText()).includes(group.display), 'the held post names the group');
        const req = notification(m, w.request);
        assert.ok((await req.innerText()).includes(group.display), 'the request names the group');
        // Seen now: the count in the menu is gone.
        assert.equal(await m.page.locator('nav .badge').count(), 0, 'viewing the notifications marks them read');

        // The held post's notification leads to the queue; she approves.
        await m.click(held.locator(`a[href="/g/${group.name}/queue"]`), 'queue');
        await m.click(m.page.locator('form[action$="/approve"] button').first(), 'approved');

        // The request's notification leads to the members page; she lets him in.
        await menu(m, '/notifications', 'notifications-2');
        await m.click(notification(m, w.request).locator(`a[href="/g/${group.name}/members"]`), 'requests');
        await m.click(m.page.locator('form[action$="/accept"] button'), 'admitted');

        // A member files a complaint about the post.
        await r.login();
        await r.goto(`/g/${group.name}`, 'group-reporter');
        const post = r.page.locator('article.post').filter({ hasText: text }).first();
        await post.locator('details.report > summary').click();
        await post.locator('input[name=reason]').fill('Dit is reclame.');
        await r.click(post.locator('form[action$="/report"] button'), 'complained');

        // The complaint leads the moderator to the queue; she removes the post with a reason.
        await menu(m, '/notifications', 'notifications-3');
        const comp = notification(m, w.complaint);
        assert.ok((await comp.innerText()).includes(group.display), 'the complaint names the group');
        await m.click(comp.locator(`a[href="/g/${group.name}/queue"]`), 'queue-complaint');
        const why = `Reclame hoort niet in deze kring (${v.id}).`;
        const card = m.page.locator('ul.reports > li').first();
        await card.locator('textarea[name=note]').fill(why);
        await m.click(card.locator('button[formaction$="/remove"]'), 'removed');

        // The author reads that it was removed, where, and why.
        await a.goto('/', 'start-author');
        await menu(a, '/notifications', 'author-notifications');
        const gone = notification(a, w.removed);
        const said = await gone.innerText();
        assert.ok(said.includes(why), `the author reads the reason: ${said}`);
        assert.ok(said.includes(group.display), 'and the group');
      } finally { await m.close(); await a.close(); await b.close(); await r.close(); }
    });
  });
}
