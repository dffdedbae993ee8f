// Peer support: a client who reads Dutch poorly finds a group through the
// pages, joins an open one, asks to join a closed one, is admitted by its
// moderator, and writes in it a text the privacy guard questions; posted
// anyway, it stays in the group.  See docs/journeys.md.
//
// Run: tests/browser/run.sh  (or: node --test tests/browser/journeys.test.mjs)

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { VARIANTS, Person, base, button, cli } from './journey_lib.mjs';

for (const v of VARIANTS) {
  describe(`peer support (${v.id})`, () => {
    // Per variant: a moderator who owns a closed and an open group, and a
    // client who reads Dutch poorly and finds them through the pages.
    const k = v.id.replace(/[^a-z0-9]/g, '');
    const mod = { name: `mira${k}`, pw: 'mira-wachtwoord-1' };
    const client = { name: `truus${k}`, pw: 'truus-wachtwoord-1' };
    const closed = { name: `lotgenoten${k}`, display: `Lotgenoten COPD ${v.id}` };
    const open = { name: `wandelen${k}`, display: `Samen wandelen ${v.id}` };

    before(() => {
      cli('user', 'add', mod.name, '--password', mod.pw, '--role', 'member');
      cli('user', 'add', client.name, '--password', client.pw, '--role', 'member');
      cli('group', 'add', closed.name, '--kind', 'closed', '--owner', mod.name, '--display-name', closed.display);
      cli('group', 'add', open.name, '--kind', 'open', '--owner', mod.name, '--display-name', open.display);
    });

    it('a client joins an open group from its page', async () => {
      const t = await new Person(v, client, 'open-group').open();
      try {
        await t.login();
        await t.openGroup(open.display);
        await t.click(button(t.page, v.lang, 'join'), 'joined-open');
        // Now a member: the group's compose form is there.
        assert.equal(await t.page.locator('form.compose textarea[name=text]').count(), 1,
          'after "Lid worden" the group page offers the compose form');
      } finally { await t.close(); }
    });

    it('a client asks to join a closed group, the moderator admits her, and her guarded post stays in the group', async () => {
      const t = await new Person(v, client, 'closed-group').open();
      const m = await new Person(v, mod, 'closed-group').open();
      try {
        await t.login();
        await t.openGroup(closed.display);
        await t.page.fill('textarea[name=message]', 'Ik heb het ook en zoek steun.');
        await t.click(button(t.page, v.lang, 'ask'), 'asked-to-join');
        assert.equal(await t.page.locator('[role=status]').count() > 0, true, 'the request is confirmed on the page');

        // The moderator finds the request under the group's members.
        await m.login();
        await m.openGroup(closed.display);
        await m.click(m.page.locator(`a[href="/g/${closed.name}/members"]`), 'members');
        await m.click(button(m.page, v.lang, 'accept'), 'admitted');

        // The client writes in the group; the guard sees a name and she
        // posts it anyway.
        await t.openGroup(closed.display);
        const text = `Gisteren was Gerda de Vries er weer, ze heeft veel last van haar hart (${v.id}).`;
        await t.page.fill('form.compose textarea[name=text]', text);
        await t.click(t.page.locator('form.compose button.primary'), 'guard-review');
        await t.click(button(t.page, v.lang, 'anyway'), 'posted-anyway');
        const m1 = new URL(t.page.url()).pathname.match(/\/posts\/(\d+)/);
        assert.ok(m1, `after "Toch plaatsen" the post is shown (at ${t.page.url()})`);
        const id = m1[1];

        // It is in the group, for members...
        await m.goto(`/g/${closed.name}`, 'group-as-moderator');
        assert.equal(await m.page.locator(`a[href="/posts/${id}"]`).count() > 0, true,
          'the post appears in the closed group');
        // ...and nowhere else.
        const anon = await new Person(v, { name: 'anon' }, 'closed-group').open();
        try {
          const r = await anon.page.goto(`${base}/posts/${id}`);
          assert.equal(r.status(), 404, 'an outsider cannot open the closed-group post');
          await anon.goto('/local', 'local-anonymous');
          assert.equal(await anon.page.getByText(text).count(), 0, 'the closed-group post is not on /local');
          await anon.goto(`/@${client.name}`, 'profile-anonymous');
          assert.equal(await anon.page.getByText(text).count(), 0, 'the closed-group post is not on her public profile');
        } finally { await anon.close(); }
      } finally { await t.close(); await m.close(); }
    });
  });
}
