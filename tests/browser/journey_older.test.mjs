// An elderly client who reads Dutch poorly: she makes the text larger, finds
// a physiotherapist by profession in "Wie is er?", opens his profile, votes
// in the poll he posted, and finds a group to join.  Her physiotherapist
// first fills in his profession and posts the poll from the compose form.
// See docs/journeys.md.
//
// Run: tests/browser/run.sh  (or: node --test tests/browser/journey_older.test.mjs)

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { VARIANTS, Person, cli } from './journey_lib.mjs';

const W = {
  nl: { save: 'Opslaan', search: 'Zoeken', vote: 'Stemmen', post: 'Plaatsen', addPoll: 'Peiling toevoegen',
    large: 'Groot', pros: 'Zorgverleners', groups: 'Kringen', yourChoice: 'uw keuze', toPoll: 'Naar de peiling' },
  en: { save: 'Save', search: 'Search', vote: 'Vote', post: 'Post', addPoll: 'Add a poll',
    large: 'Large', pros: 'Care professionals', groups: 'Groups', yourChoice: 'your choice', toPoll: 'To the poll' },
};

// A link in the main menu (folded away on a phone by the compact menu).
async function menu(p, href, label) {
  const link = p.page.locator(`header a[href="${href}"]`).first();
  if (!(await link.isVisible())) {
    const toggle = p.page.locator('nav details > summary, nav button[aria-expanded]').first();
    if (await toggle.count()) await toggle.click();
  }
  return p.click(p.page.locator(`header a[href="${href}"]`).first(), label);
}

for (const v of VARIANTS) {
  describe(`an older client finds care and has her say (${v.id})`, () => {
    const k = v.id.replace(/[^a-z0-9]/g, '');
    const w = W[v.lang];
    const physio = { name: `pieter${k}`, pw: 'pieter-wachtwoord-1' };
    const client = { name: `greet${k}`, pw: 'greet-wachtwoord-1' };
    const owner = { name: `ria${k}`, pw: 'ria-wachtwoord-1' };
    const group = { name: `bewegen${k}`, display: `Samen bewegen ${v.id}` };
    const profession = `Fysiotherapeut ${k}`;
    const question = `Op welke dag wilt u de beweegles? (${v.id})`;

    before(() => {
      cli('user', 'add', physio.name, '--password', physio.pw, '--role', 'member');
      cli('user', 'add', client.name, '--password', client.pw, '--role', 'member');
      cli('user', 'add', owner.name, '--password', owner.pw, '--role', 'member');
      cli('group', 'add', group.name, '--kind', 'open', '--owner', owner.name, '--display-name', group.display);
    });

    it('larger text, a physiotherapist found by profession, his poll, a group', async () => {
      // The physiotherapist says what he does and asks his clients a question.
      const p = await new Person(v, physio, 'older').open();
      try {
        await p.login();
        await menu(p, '/settings', 'physio-settings');
        await p.page.check('input[name=person_type][value=professional]');
        await p.page.fill('#profession', profession);
        await p.page.fill('#expertise', 'knie, heup, vallen voorkomen');
        await p.click(p.page.locator('form[action="/settings/profile"] button.primary'), 'physio-profile-saved');
        await menu(p, '/', 'physio-start');
        await p.page.fill('form.compose textarea[name=text]', question);
        await p.page.locator('form.compose summary', { hasText: w.addPoll }).click();
        await p.page.fill('form.compose input[name=poll1]', 'Maandag');
        await p.page.fill('form.compose input[name=poll2]', 'Donderdag');
        await p.click(p.page.locator('form.compose button.primary'), 'physio-poll-posted');
        assert.match(new URL(p.page.url()).pathname, /^\/posts\/\d+$/, 'the poll is posted');
      } finally { await p.close(); }

      const t = await new Person(v, client, 'older').open();
      try {
        await t.login();
        // Larger text, from the settings in the menu.
        await menu(t, '/settings', 'settings');
        await t.page.getByLabel(w.large, { exact: true }).check();
        await t.click(t.page.locator('form[action="/settings/text"] button.primary'), 'text-large');
        assert.equal(await t.page.getAttribute('html', 'class'), 'tekst-groot', 'the pages now have larger text');
        const size = await t.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
        assert.ok(size >= 21, `the root text is larger (${size}px)`);

        // "Wie is er?": a physiotherapist, by profession.
        await menu(t, '/wie', 'directory');
        await t.page.fill('#dir-q', profession.toLowerCase());
        await t.page.selectOption('#dir-soort', 'zorgverleners');
        await t.click(t.page.locator('main form[role=search] button.primary'), 'directory-physio');
        const hit = t.page.locator(`main a[href="/@${physio.name}"]`);
        assert.equal(await hit.count(), 1, 'the physiotherapist is found by his profession');
        await t.click(hit, 'physio-profile');
        assert.equal(await t.page.getByText(profession).count() > 0, true, 'his profile shows his profession');

        // His poll: from his profile to the post, and a vote.
        const article = t.page.locator('article', { hasText: question }).first();
        await t.click(article.getByRole('link', { name: w.toPoll }), 'poll');
        // One tap on the answer is the vote: no separate "Vote" to find.
        assert.equal(await t.page.getByRole('button', { name: w.vote }).count(), 0, 'no separate submit');
        await t.click(t.page.locator('.poll').getByRole('button', { name: 'Donderdag' }), 'voted');
        assert.equal(await t.page.locator('.poll-results').count(), 1, 'after voting she sees the results');
        assert.equal(await t.page.getByText(w.yourChoice).count() > 0, true, 'her choice is marked');
        assert.equal(await t.page.locator('.poll form').count(), 0, 'she cannot vote twice');

        // A group: "Wie is er?" finds groups too.
        await menu(t, '/wie', 'directory-again');
        await t.page.fill('#dir-q', 'bewegen');
        await t.page.selectOption('#dir-soort', 'kringen');
        await t.click(t.page.locator('main form[role=search] button.primary'), 'directory-groups');
        await t.click(t.page.getByRole('link', { name: group.display }), 'group');
        assert.equal(new URL(t.page.url()).pathname, `/g/${group.name}`);
        assert.equal(await t.page.getAttribute('html', 'class'), 'tekst-groot', 'the larger text stays');
      } finally { await t.close(); }
    });
  });
}
