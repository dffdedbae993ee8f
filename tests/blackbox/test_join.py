"""Joining a group from its page (issue 13 #1): the page's own form, as a browser
would send it — action taken from the HTML, CSRF from the form.

And the class of fault behind it: a template name inside a section resolves
to the section's object first, so {{url}} inside {{#me}} was the viewer's
address.  `me` is an object; templates test `signed_in` and read `me.x`."""
import html
import os
import re

import pytest

from conftest import ROOT, uniq

FORM_RE = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S)
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
INPUT_RE = re.compile(r"<input\b([^>]*)>")


def make_group(owner, kind):
    name = uniq("k")
    r = owner.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                               "rules": "Wees aardig", "kind": kind, "premod": "none"})
    assert r.status_code == 303, r.text[:500]
    return name


def join_form(page, button):
    """(action, hidden fields) of the form whose button says `button`."""
    for attrs, body in FORM_RE.findall(page):
        if button in body:
            a = {k: html.unescape(v) for k, v in ATTR_RE.findall(attrs)}
            fields = {}
            for inp in INPUT_RE.findall(body):
                ia = {k: html.unescape(v) for k, v in ATTR_RE.findall(inp)}
                if ia.get("type") == "hidden":
                    fields[ia["name"]] = ia.get("value", "")
            assert a.get("method") == "post"
            return a["action"], fields
    raise AssertionError("no form with %r on the page" % button)


def is_member(c, group):
    return 'name="group_id"' in c.get("/g/" + group).text


@pytest.mark.parametrize("kind", ["open", "closed"])
def test_join_from_the_group_page(server, kind):
    owner, person = server.new_user(prefix="own"), server.new_user(prefix="nwl")
    g = make_group(owner, kind)
    page = person.get("/g/" + g)
    assert page.status_code == 200
    button = "Lid worden" if kind == "open" else "Vragen om lid te worden"
    action, fields = join_form(page.text, button)
    assert action == "/g/%s/join" % g, action
    if kind == "closed":
        fields["message"] = "Mag ik erbij?"
    r = person.post(action, fields, csrf=False)
    assert r.status_code == 303, (r.status_code, r.text[:300])
    after = person.get("/g/" + g).text
    if kind == "open":
        assert is_member(person, g)
    else:
        assert not is_member(person, g)
        assert "wacht op een moderator" in after
        assert person.name in owner.get("/g/%s/members" % g).text
        assert "Mag ik erbij?" in owner.get("/g/%s/members" % g).text


@pytest.mark.parametrize("kind", ["closed", "secret"])
def test_accept_an_invitation_from_the_group_page(server, kind):
    owner, guest = server.new_user(prefix="own"), server.new_user(prefix="gst")
    g = make_group(owner, kind)
    assert owner.post("/g/%s/invite" % g, {"person": guest.name}).status_code == 303
    page = guest.get("/g/" + g)
    assert page.status_code == 200
    action, fields = join_form(page.text, "Uitnodiging aannemen" if kind != "closed" else "lid te worden")
    assert action == "/g/%s/join" % g, action
    assert guest.post(action, fields, csrf=False).status_code == 303
    assert is_member(guest, g)


def test_english_page_joins_too(server):
    owner = server.new_user(prefix="own")
    g = make_group(owner, "open")
    person = server.login(server.add_user(uniq("eng")))
    person.s.headers["Accept-Language"] = "en"
    page = person.get("/g/" + g).text
    for attrs, body in FORM_RE.findall(page):
        if "/join" in attrs:
            assert 'action="/g/%s/join"' % g in attrs, attrs


def test_templates_never_open_a_section_on_me():
    """`me` is an object: a section on it makes every name inside resolve to the
    viewer first (the join form's {{url}}).  Test `signed_in`, read `me.x`."""
    tdir = os.path.join(ROOT, "templates")
    bad = []
    for f in sorted(os.listdir(tdir)):
        if f.endswith(".html"):
            with open(os.path.join(tdir, f), encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if re.search(r"\{\{[#^]\s*me\s*\}\}", line):
                        bad.append("%s:%d" % (f, n))
    assert not bad, bad


def test_new_group_keeps_its_house_rules(server):
    """The rules text was bound as an integer: the group showed a heap address."""
    owner = server.new_user(prefix="own")
    name = uniq("k")
    rules = "Wees aardig & luister naar elkaar. Wat hier gezegd wordt, blijft hier."
    r = owner.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                               "rules": rules, "kind": "open", "premod": "none"})
    assert r.status_code == 303
    page = owner.get("/g/" + name).text
    assert html.escape(rules, quote=False) in page or html.escape(rules) in page, page[-2000:]
