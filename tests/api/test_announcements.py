"""Mastodon.py reads kring's announcements (issue 14, part 3): an
administrator publishes a notice on /admin/announcements; a member's app
lists it (announcements()), dismisses it (announcement_dismiss) and reacts
(announcement_reaction_create/delete).  Every answer is checked against
the documented entities (conftest)."""
import re

import pytest
from mastodon import Mastodon, MastodonAPIError, MastodonNotFoundError

from conftest import PASSWORD, web_login


@pytest.fixture(scope="module")
def admin_page(server):
    r = server.cli("user", "add", "annbeheer", "--password", PASSWORD, "--role", "admin")
    assert r.returncode == 0, r.stderr
    return web_login(server.base, "annbeheer")


def publish(server, session, text):
    page = session.get(server.base + "/admin/announcements", timeout=10)
    assert page.status_code == 200, page.text[:500]
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)
    r = session.post(server.base + "/admin/announcements", data={"csrf": csrf, "text": text, "publish": "1"},
                     allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:500]


def mine(api, text, **kw):
    return [a for a in api.announcements(**kw) if text in a["content"]]


def test_announcements_with_mastodon_py(server, tokens, admin_page):
    text = "Het inloopspreekuur is vrijdag gesloten"
    publish(server, admin_page, text)
    alice = Mastodon(access_token=tokens["alice"], api_base_url=server.base)
    bob = Mastodon(access_token=tokens["bob"], api_base_url=server.base)
    got = mine(alice, text)
    assert len(got) == 1
    a = got[0]
    assert a["read"] is False and a["all_day"] is False and a["reactions"] == []
    assert a["published_at"] is not None

    alice.announcement_reaction_create(a["id"], "🎉")
    bob.announcement_reaction_create(a["id"], "🎉")
    r = mine(alice, text)[0]["reactions"]
    assert [(x["name"], x["count"], x["me"]) for x in r] == [("🎉", 2, True)]
    bob.announcement_reaction_delete(a["id"], "🎉")
    r = mine(bob, text)[0]["reactions"]
    assert [(x["name"], x["count"], x["me"]) for x in r] == [("🎉", 1, False)]
    with pytest.raises(MastodonAPIError):
        alice.announcement_reaction_create(a["id"], "blobcat")

    alice.announcement_dismiss(a["id"])
    assert mine(alice, text) == []
    assert mine(bob, text)[0]["read"] is False
    with pytest.raises(MastodonNotFoundError):
        alice.announcement_dismiss("424242")
