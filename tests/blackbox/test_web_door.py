"""Pages ask core, never the store (issue 12, items 1, 2 and 5).

The rules the pages used to keep themselves now live once in core: a
suspended account's follower lists are gone with it; which secret groups a
person may know exist is one rule for the group page and the list of groups;
the administrator's lists answer to administrators only."""
import os
import re
import subprocess
from urllib.parse import quote

from conftest import KRING_BIN, ROOT, uniq
from test_groups import make_group


def follow(c, name):
    assert c.post("/@%s/follow" % name).status_code == 303


def test_suspended_accounts_lists_are_gone_with_it(server, admin, alice, bob, carol):
    """The profile of a suspended account was a 404 but its lists were still
    shown (seen failing before core_followers)."""
    follow(bob, alice.name)
    follow(alice, carol.name)
    for path in ("/@%s/followers" % alice.name, "/@%s/following" % alice.name):
        assert carol.get(path).status_code == 200
    assert admin.post("/admin/users/%s/suspend" % alice.name).status_code == 303
    assert carol.get("/@" + alice.name).status_code == 404
    for path in ("/@%s/followers" % alice.name, "/@%s/following" % alice.name):
        assert carol.get(path).status_code == 404, path
        assert server.client().get(path).status_code == 404, path
        # Moderators and administrators still see them.
        assert admin.get(path).status_code == 200, path
    # A suspended person is gone from other people's lists too.
    page = bob.get("/@%s/following" % bob.name)
    assert page.status_code == 200 and "/@%s\"" % alice.name not in page.text


def test_the_groups_one_knows_are_the_groups_listed(server, alice, bob):
    """A secret group is known to its members and the people invited to it:
    its page and the list of groups say the same."""
    name = make_group(alice, "secret")
    assert bob.get("/g/" + name).status_code == 404
    assert "/g/%s\"" % name not in bob.get("/groups").text
    assert alice.post("/g/%s/invite" % name, {"person": bob.name}).status_code == 303
    assert bob.get("/g/" + name).status_code == 200
    assert "/g/%s\"" % name in bob.get("/groups").text
    # Its size is for members only.
    page = bob.get("/groups").text
    card = page[page.index("/g/%s\"" % name):]
    card = card[:card.index("</li>")]
    assert not re.search(r"\d+ (?:leden|lid|members?)\b", card), card


def test_administrators_lists_are_for_administrators(server, alice):
    mod = server.new_user(role="moderator")
    for c in (alice, mod):
        assert c.get("/admin").status_code == 403
        assert c.get("/admin/users").status_code == 403
        assert c.get("/admin/groups").status_code == 403
    org = uniq("org")
    server.cli("org", "add", org)
    assert alice.get("/admin/orgs/%s/policy" % org).status_code == 403


def page_routes():
    r = subprocess.run([KRING_BIN, "routes", "pages"], capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    return [tuple(line.split(" ")) for line in r.stdout.splitlines()]


def concrete(pattern):
    """A path for a pattern: the router decides before any handler reads it."""
    path = re.sub(r":(id)\b", "1", pattern)
    return re.sub(r":[a-z]+", "proef", path)


def test_every_page_route_declares_who_may_call_it():
    table = page_routes()
    src = open(os.path.join(ROOT, "src", "web", "web.c")).read()
    body = src[src.index("const struct web_route web_pages[] = {"):]
    body = body[:body.index("\n};")]
    declared = re.findall(r'\{HTTP_(GET|POST), "([^"]+)", \w+, WEB_(\w+)\}', body)
    assert len(declared) >= 80 and len(table) == len(declared)
    assert {(m, p) for m, p, _ in table} == {(m, p) for m, p, _ in declared}
    for method, pattern, who in table:
        assert who in ("anyone", "login", "moderator", "admin"), (method, pattern, who)
    # What only administrators may see is declared so, not left to a handler.
    for method, pattern, who in table:
        if pattern.startswith("/admin") and not pattern.startswith("/admin/orgs/:name"):
            assert who == "admin", (method, pattern)


def test_the_router_keeps_every_page_routes_door(server, alice):
    """Walk the table: a visitor is sent to log in (GET) or refused (POST) on
    every route that needs a login, a member gets 403 or 404 on every route
    for moderators or administrators, and nothing reaches a handler."""
    anon = server.client()
    anon.ensure_csrf()
    checked = 0
    for method, pattern, who in page_routes():
        if who == "anyone":
            continue
        path = concrete(pattern)
        if method == "GET":
            r = anon.get(path)
            assert r.status_code == 303, (method, pattern, r.status_code)
            loc = r.headers["Location"]
            assert loc == "/login?next=" + quote(path, safe=""), (pattern, loc)
        else:
            r = anon.post(path, {"text": "mag niet"})
            assert r.status_code == 401, (method, pattern, r.status_code)
            assert "Log eerst in" in r.text
        checked += 1
        if who in ("moderator", "admin"):
            r = alice.get(path) if method == "GET" else alice.post(path, {"text": "mag niet"})
            assert r.status_code in (403, 404), (method, pattern, r.status_code)
    assert checked > 40
    # The member is still logged in and nothing was posted in their name.
    page = alice.get("/@" + alice.name)
    assert page.status_code == 200 and "mag niet" not in page.text
