// Nothing typed is lost (issue 13 #5, #7): an elderly client writes a post
// on her start page, where "Alleen mijn volgers" is already chosen for her;
// she makes a mistake (private, but to nobody), gets the same page back with
// her text still in the box and the problem said beside the "Aan" field,
// fixes it and posts.  Her post is for her followers only, not for the
// whole internet.  See docs/journeys.md.
//
// Run: KRING_BIN=build/release/kring node --test tests/browser/journey_drafts.test.mjs

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { VARIANTS, Person, base, cli } from './journey_lib.mjs';

for (const v of VARIANTS) {
  describe(`keeping what she typed (${v.id})`, () => {
    const k = v.id.replace(/[^a-z0-9]/g, '');
    const client = { name: `riet${k}`, pw: 'riet-wachtwoord-1' };

    before(() => {
      cli('user', 'add', client.name, '--password', client.pw, '--role', 'member');
    });

    it('a client makes a mistake, gets her text back with the problem explained, fixes it and posts to her followers', async () => {
      const t = await new Person(v, client, 'drafts').open();
      try {
        await t.login();
        await t.goto('/', 'start');
        const p = t.page;
        // Her new post is for her followers unless she chooses otherwise.
        assert.equal(await p.locator('form.compose select[name=visibility]').inputValue(), 'followers',
          'a client\'s new post starts as "Alleen mijn volgers"');

        const text = `Vandaag ben ik met mijn kleindochter naar de markt geweest. Het was gezellig! (${v.id})`;
        await p.fill('form.compose textarea[name=text]', text);
        // The mistake: private, but "Aan" left empty.
        await p.selectOption('form.compose select[name=visibility]', 'direct');
        await t.click(p.locator('form.compose button.primary'), 'mistake');

        // The same page, her text still there, the problem beside the field.
        assert.equal(await p.locator('form.compose textarea[name=text]').inputValue(), text,
          'her text is still in the box');
        const to = p.locator('form.compose input[name=to]');
        assert.equal(await to.getAttribute('aria-invalid'), 'true', 'the "Aan" field is marked');
        const described = await to.getAttribute('aria-describedby');
        assert.ok(described, 'the "Aan" field points at its message');
        const why = (await p.locator(`#${described}`).innerText()).trim();
        assert.ok(why.length > 10, 'the problem is explained beside the field');
        assert.ok(await p.locator('form.compose [role=alert]').count() > 0, 'a screen reader hears it at once');
        assert.equal(await p.getByRole('link', { name: /Naar de startpagina|To the start page/ }).count(), 0,
          'not a dead-end error page');
        assert.equal(await p.locator('form.compose select[name=visibility]').inputValue(), 'direct',
          'her choice is kept too');

        // She fixes it: for her followers after all.
        await p.selectOption('form.compose select[name=visibility]', 'followers');
        await t.click(p.locator('form.compose button.primary'), 'posted');
        const m = new URL(p.url()).pathname.match(/^\/posts\/(\d+)/);
        assert.ok(m, `after fixing it the post is shown (at ${p.url()})`);
        assert.ok(await p.getByText(text).count() > 0, 'her text was posted');
        assert.ok(await p.locator('article.post .meta').first().getByText(/Alleen volgers|Followers only/).count() > 0,
          'the post says it is for her followers');

        // Not readable without logging in.
        const anon = await new Person(v, { name: 'anon' }, 'drafts').open();
        try {
          const r = await anon.page.goto(`${base}/posts/${m[1]}`);
          assert.equal(r.status(), 404, 'a stranger cannot read her post');
        } finally { await anon.close(); }
      } finally { await t.close(); }
    });
  });
}
