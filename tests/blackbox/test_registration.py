"""Registration paths (issue 13 #12): the front page with open registration, a
group's link that leads a newcomer through registration into the group, the
name rule in Dutch beside the field, and a short welcome after registering."""
import html
import re

import pytest

from conftest import PASSWORD, uniq


def set_registration(admin, how):
    r = admin.post("/admin/site", {"site_name": "kring", "site_description": "test", "registration": how})
    assert r.status_code == 303, r.text[:300]


@pytest.fixture
def open_site(server, admin):
    set_registration(admin, "open")
    yield server
    set_registration(admin, "invite")


def register(c, name, pw=PASSWORD, pw2=None, **extra):
    c.get("/register")
    data = {"username": name, "password": pw, "password2": pw2 or pw}
    data.update(extra)
    return c.post("/register", data)


def group_link(owner, kind="closed"):
    g = uniq("k")
    r = owner.post("/groups", {"name": g, "display_name": "Kring " + g, "description": "Lotgenoten",
                               "rules": "Wees aardig", "kind": kind, "premod": "none"})
    assert r.status_code == 303, r.text[:300]
    r = owner.post("/g/%s/links" % g, {"days": "7", "uses": "5"})
    assert r.status_code == 200, r.text[:300]
    link = html.unescape(re.search(r'<input id="link" readonly value="([^"]+)"', r.text).group(1))
    return g, re.search(r"/join/([0-9a-f]+)", link).group(1)


def is_member(c, group):
    return 'name="group_id"' in c.get("/g/" + group).text


def test_front_page_offers_an_account_when_registration_is_open(open_site):
    page = open_site.client().get("/").text
    assert 'href="/register"' in page
    assert "U krijgt een uitnodiging" not in page


def test_front_page_says_invitation_when_registration_is_closed(server):
    page = server.client().get("/").text
    assert 'href="/register"' not in page
    assert "uitnodiging" in page


def test_register_form_has_no_english_browser_pattern(server):
    _, token = server.invite_link()
    page = server.client().get("/register?invite=" + token).text
    m = re.search(r'<input id="username"[^>]*>', page)
    assert m, page
    # Either no pattern (checked on the server), or a Dutch title the browser shows.
    assert "pattern=" not in m.group(0) or "title=" in m.group(0)


def test_bad_name_gets_a_dutch_message_beside_the_field(open_site):
    c = open_site.client()
    r = register(c, "Jan Jansen!")
    assert r.status_code == 400
    # The message is about the name only, tied to the field, and what was typed stays.
    assert 'id="username-error"' in r.text
    assert 'aria-describedby="username-error' in r.text or 'aria-describedby="username-hint username-error' in r.text
    assert 'aria-invalid="true"' in r.text
    assert 'value="Jan Jansen!"' in r.text
    err = re.search(r'id="username-error"[^>]*>(.*?)<', r.text, re.S).group(1)
    assert "naam" in err and "wachtwoord" not in err.lower()


def test_short_password_talks_about_the_password_only(open_site):
    c = open_site.client()
    r = register(c, uniq("kort"), pw="kort")
    assert r.status_code == 400
    m = re.search(r'class="error"[^>]*>(.*?)<', r.text, re.S)
    assert m and "wachtwoord" in m.group(1).lower() and "naam" not in m.group(1).lower(), r.text[:2000]


def test_after_registering_a_short_welcome_with_three_steps(open_site):
    c = open_site.client()
    r = register(c, uniq("nieuw"))
    assert r.status_code == 303
    assert r.headers["Location"].split("?")[0].endswith("/welcome"), r.headers["Location"]
    page = c.get(r.headers["Location"])
    assert page.status_code == 200
    steps = re.search(r"<ol[^>]*>(.*?)</ol>", page.text, re.S)
    assert steps, page.text
    assert steps.group(1).count("<li") == 3
    for href in ('href="/settings', 'href="/groups"', 'href="/search'):
        assert href in steps.group(1), href
    assert page.text.count("Opslaan") == 0
    # Not for people who are not logged in.
    assert open_site.client().get("/welcome").status_code in (302, 303, 401)


def test_group_link_leads_a_newcomer_through_registration_into_the_group(open_site):
    owner = open_site.new_user(prefix="own")
    g, token = group_link(owner)
    c = open_site.client()
    page = c.get("/join/" + token)
    assert page.status_code == 200
    m = re.search(r'href="(/register\?join=%s)"' % token, page.text)
    assert m, page.text
    form = c.get(m.group(1))
    assert form.status_code == 200
    assert 'name="join" value="%s"' % token in form.text
    name = uniq("nwk")
    r = register(c, name, join=token)
    assert r.status_code == 303, r.text[:500]
    assert r.headers["Location"].startswith("/g/%s" % g), r.headers["Location"]
    assert is_member(c, g)


def test_bad_name_keeps_the_group_token(open_site):
    owner = open_site.new_user(prefix="own")
    g, token = group_link(owner)
    c = open_site.client()
    r = register(c, "Fout Naam", join=token)
    assert r.status_code == 400
    assert 'name="join" value="%s"' % token in r.text


def test_group_link_by_an_administrator_lets_a_newcomer_register_on_an_invite_only_site(server, admin):
    g, token = group_link(admin)
    c = server.client()
    page = c.get("/join/" + token).text
    assert 'href="/register?join=%s"' % token in page
    assert 'name="join" value="%s"' % token in c.get("/register?join=" + token).text
    r = register(c, uniq("nwa"), join=token)
    assert r.status_code == 303, r.text[:500]
    assert is_member(c, g)


def test_group_link_by_a_member_does_not_open_an_invite_only_site(server):
    owner = server.new_user(prefix="own")
    g, token = group_link(owner)
    c = server.client()
    page = c.get("/join/" + token).text
    assert 'href="/register?join=' not in page
    assert "/login?next=/join/%s" % token in page
    r = register(c, uniq("nwb"), join=token)
    assert 400 <= r.status_code < 500


def test_a_newcomer_reading_english_keeps_english_after_registering(open_site):
    c = open_site.client(lang="en")
    r = register(c, uniq("eng"))
    assert r.status_code == 303
    page = c.get("/welcome", headers={"Accept-Language": "nl"})
    assert '<html lang="en">' in page.text
