"""Pages ask core, never the store (issue 12, items 1, 2 and 5).

The rules the pages used to keep themselves now live once in core: a
suspended account's follower lists are gone with it; which secret groups a
person may know exist is one rule for the group page and the list of groups;
the administrator's lists answer to administrators only."""
import re

from conftest import uniq
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
