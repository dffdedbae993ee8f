// Organisation set-up: the administrator of a home-care organisation sets it
// up through the pages.  She creates the organisation (the name rule is beside
// the field), fills its profile (introduction, address, phone, opening hours,
// website, privacy statement) and sees it on the organisation's page, adds a
// nurse as staff by finding her by name, reads and sets the social media
// guidelines and the privacy guard (in words, "standaard" explained), and
// removes a nurse who left.  That nurse can then no longer post as the
// organisation, not even from a form she had open; the new nurse can.
// See docs/journeys.md.
//
// Run: node --test tests/browser/journey_org.test.mjs

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { VARIANTS, Person, base, cli } from './journey_lib.mjs';

const W = {
  nl: { save: 'Opslaan', anyway: 'Toch opslaan', search: 'Zoeken', add: 'Toevoegen als medewerker',
    remove: 'Verwijderen', guidelines: 'Richtlijnen voor sociale media', manage: 'Organisatie beheren',
    view: 'Bekijk de pagina van de organisatie', create: 'Organisatie maken', admin: 'Beheer',
    privacy: 'Privacyverklaring', dob: 'Geboortedatum', dflt: 'standaard: tegenhouden' },
  en: { save: 'Save', anyway: 'Save anyway', search: 'Search', add: 'Add as staff',
    remove: 'Remove', guidelines: 'Social media guidelines', manage: 'Manage organisation',
    view: "View the organisation's page", create: 'Create organisation', admin: 'Administration',
    privacy: 'Privacy statement', dob: 'Date of birth', dflt: 'default: stop' },
};

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A button or link by its text in the person's language, or the Dutch one.
function named(page, role, lang, key) {
  const names = [...new Set([W[lang][key], W.nl[key]])].map(esc);
  return page.getByRole(role, { name: new RegExp(`^\\s*(${names.join('|')})\\b`, 'i') }).first();
}

// A link in the main menu (folded away on a phone, perhaps).
async function menuLink(p, href, label) {
  await p.goto('/', 'start');
  const link = p.page.locator(`header a[href="${href}"]`).first();
  if (!(await link.isVisible())) {
    const toggle = p.page.locator('nav details > summary, nav button[aria-expanded]').first();
    if (await toggle.count()) await toggle.click();
  }
  await p.click(p.page.locator(`header a[href="${href}"]`).first(), label);
}

for (const v of VARIANTS) {
  describe(`organisation set-up (${v.id})`, () => {
    const k = v.id.replace(/[^a-z0-9]/g, '');
    const admin = { name: `ingrid${k}`, pw: 'ingrid-wachtwoord-1' };
    const nurse = { name: `anouk${k}`, pw: 'anouk-wachtwoord-1', display: `Anouk Verpleegkundige ${k}` };
    const leaver = { name: `petra${k}`, pw: 'petra-wachtwoord-1' };
    const org = { name: `delinde${k}`, display: `Thuiszorg De Linde ${v.id}` };

    before(() => {
      cli('user', 'add', admin.name, '--password', admin.pw, '--role', 'admin');
      cli('user', 'add', nurse.name, '--password', nurse.pw, '--role', 'member');
      cli('user', 'add', leaver.name, '--password', leaver.pw, '--role', 'member');
    });

    it('an administrator sets up a home-care organisation, adds a nurse and removes one who left', async () => {
      const a = await new Person(v, admin, 'org-setup').open();
      const n = await new Person(v, nurse, 'org-setup').open();
      const l = await new Person(v, leaver, 'org-setup').open();
      try {
        // Her colleague Anouk has an account already; she sets her name.
        await n.login();
        await n.goto('/settings', 'settings');
        await n.page.fill('input[name=display_name]', nurse.display);
        await n.click(n.page.locator('form[action="/settings/profile"] button.primary'), 'name-saved');

        // The administrator creates the organisation on the admin page.
        await a.login();
        await menuLink(a, '/admin', 'admin');
        const hint = await a.page.getAttribute('#org_username', 'aria-describedby');
        assert.ok(hint, 'the name rule is tied to the field');
        assert.ok(await a.page.locator(`#${hint}`).isVisible(), 'the name rule is shown before trying');
        await a.page.fill('#org_username', org.name);
        await a.page.fill('#org_display', org.display);
        await a.click(a.page.locator('form[action="/admin/orgs"] button.primary'), 'org-created');
        assert.equal(new URL(a.page.url()).pathname, `/admin/orgs/${org.name}`, 'lands on the organisation page');

        // Its profile.
        await a.page.fill('#o-bio', 'Wij helpen mensen thuis, dag en nacht. Bel ons gerust.');
        await a.page.fill('#o-address', 'Lindelaan 12, 3512 AB Utrecht');
        await a.page.fill('#o-phone', '030 123 45 67');
        await a.page.fill('#o-hours', 'Maandag tot en met vrijdag van 8 tot 17 uur');
        await a.page.fill('#o-website', 'https://www.delinde.example');
        await a.page.fill('#o-privacy', 'Thuiszorg De Linde bewaart alleen wat nodig is voor uw zorg.');
        await a.click(a.page.locator(`form[action="/admin/orgs/${org.name}/profile"] button.primary`), 'profile-saved');
        if (await a.page.locator('input[name=confirm]').count()) {
          await a.click(named(a.page, 'button', v.lang, 'anyway'), 'profile-saved-anyway');
        }
        assert.equal(new URL(a.page.url()).pathname, `/admin/orgs/${org.name}`);
        await a.click(named(a.page, 'link', v.lang, 'view'), 'org-profile');
        const main = a.page.locator('main');
        assert.ok((await main.innerText()).includes('Lindelaan 12, 3512 AB Utrecht'), 'address on the profile');
        assert.equal(await a.page.locator('main a[href="tel:0301234567"]').count(), 1, 'phone as a tel: link');
        assert.equal(await a.page.locator('main a[href="https://www.delinde.example"][rel~=nofollow]').count(), 1,
          'website as a nofollow link');
        assert.ok((await main.innerText()).includes('Maandag tot en met vrijdag'), 'opening hours on the profile');
        const ps = a.page.locator('main details.card');
        assert.equal(await ps.count(), 1, 'the organisation\'s privacy statement');
        await ps.locator('summary').click();
        assert.ok((await ps.innerText()).includes('bewaart alleen wat nodig is'), 'its text opens');

        // Petra was staff already (set up by the command line before she left).
        cli('org', 'staff', org.name, leaver.name);

        // Staff: find Anouk by name and add her.
        await a.click(named(a.page, 'link', v.lang, 'manage'), 'manage');
        await a.page.fill('#staff-q', 'anouk');
        await a.click(named(a.page, 'button', v.lang, 'search'), 'staff-found');
        await a.click(a.page.locator(`form[action="/admin/orgs/${org.name}/staff"]:has(input[value="${nurse.name}"]) button`),
          'staff-added');
        const staff = a.page.locator('section[aria-labelledby=staff-h] ul.people');
        assert.ok((await staff.innerText()).includes(nurse.display), 'Anouk is staff now');

        // The guidelines and the privacy guard, in words.
        await a.click(named(a.page, 'link', v.lang, 'guidelines'), 'guidelines');
        const labels = await a.page.locator('table label').allInnerTexts();
        assert.ok(labels.includes(W[v.lang].dob) || labels.includes(W.nl.dob), `types in words: ${labels}`);
        assert.ok(!labels.some((t) => /^[a-z_]+$/.test(t.trim())), `no internal type names: ${labels}`);
        assert.ok((await a.page.locator('main').innerText()).includes(W[v.lang].dflt), '"standaard" says what it does');
        await a.page.fill('#guidelines', 'Noem nooit de naam van een cliënt. Twijfel je? Vraag het je teamleider.');
        await a.page.fill('#hold_seconds', '0');
        await a.click(a.page.locator(`form[action="/admin/orgs/${org.name}/policy"] button.primary`), 'policy-saved');

        // Anouk can now write for the organisation.
        await n.goto('/', 'start');
        assert.equal(await n.page.locator(`select[name=as] option[value="${org.name}"]`).count(), 1,
          'Anouk may post as the organisation');

        // Petra, who left, still has the form open with the organisation chosen.
        await l.login();
        await l.goto('/', 'start-before-removal');
        assert.equal(await l.page.locator(`select[name=as] option[value="${org.name}"]`).count(), 1);
        await l.page.selectOption('form.compose select[name=as]', org.name);
        await l.page.fill('form.compose textarea[name=text]', `Nog één bericht namens De Linde (${v.id}).`);

        // The administrator removes her.
        await a.click(a.page.locator(`main a[href="/admin/orgs/${org.name}"]`).first(), 'manage-again');
        await a.click(a.page.locator(`form[action="/admin/orgs/${org.name}/staff/${leaver.name}/remove"] button`),
          'staff-removed');
        assert.ok(!(await staff.innerText()).includes(leaver.name), 'Petra is no longer staff');

        // Petra's post is refused, and the choice is gone.
        await l.click(l.page.locator('form.compose button.primary'), 'post-refused');
        assert.ok(!/\/posts\/\d+/.test(new URL(l.page.url()).pathname), 'no post was made');
        await l.goto('/', 'start-after-removal');
        assert.equal(await l.page.locator(`select[name=as] option[value="${org.name}"]`).count(), 0,
          'Petra can no longer post as the organisation');
        const anon = await new Person(v, { name: 'anon' }, 'org-setup').open();
        try {
          await anon.goto(`/@${org.name}`, 'org-profile-anonymous');
          assert.equal(await anon.page.getByText('Nog één bericht namens De Linde').count(), 0,
            'nothing appeared under the organisation');
          // The site's privacy statement, from the footer.
          await anon.click(anon.page.locator('footer a[href="/privacy"]'), 'privacy');
          assert.ok((await anon.page.locator('h1').innerText()).length > 0);
        } finally { await anon.close(); }
      } finally { await a.close(); await n.close(); await l.close(); }
    });
  });
}
