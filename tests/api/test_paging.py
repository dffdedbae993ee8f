"""Mastodon.py walks kring's lists of people by their Link headers
(fetch_next / fetch_previous / fetch_remaining): followers in the order of
the follows, favourited_by in the order of the favourites (issue 14)."""
import uuid

from mastodon import Mastodon

from conftest import PASSWORD, password_token


def people(server, app, n):
    """n new accounts, each a Mastodon.py client."""
    out = []
    for _ in range(n):
        name = "pg" + uuid.uuid4().hex[:10]
        r = server.cli("user", "add", name, "--password", PASSWORD)
        assert r.returncode == 0, r.stderr
        tok = password_token(server.base, app["client_id"], app["client_secret"], name)
        out.append(Mastodon(access_token=tok, api_base_url=server.base))
    return out


def ids(items):
    return [str(x["id"]) for x in items]


def test_followers_and_favourited_by_page_with_mastodon_py(server, app):
    owner, *fans = people(server, app, 6)
    me = owner.me()
    # Follow and favourite in the reverse order of the accounts: the lists
    # follow the follows and favourites, newest first.
    fan_ids = [str(f.me()["id"]) for f in fans]
    st = owner.status_post("Wie vindt dit fijn?", visibility="public")
    for f in reversed(fans):
        assert f.account_follow(me["id"])["following"] is True
        assert f.status_favourite(st)["favourited"] is True
    want = fan_ids  # the last to follow (fans[0]) first
    first = owner.account_followers(me["id"], limit=2)
    assert ids(first) == want[:2]
    seen, page = ids(first), first
    for _ in range(10):
        page = owner.fetch_next(page)
        if not page:
            break
        seen += ids(page)
    assert seen == want
    # fetch_remaining from the first page: everyone once.
    assert ids(owner.fetch_remaining(owner.account_followers(me["id"], limit=2))) == want
    # fetch_previous from the second page is the first.
    second = owner.fetch_next(owner.account_followers(me["id"], limit=2))
    assert ids(owner.fetch_previous(second)) == want[:2]
    # status_favourited_by takes no limit: its default page holds all five;
    # a page of two through Mastodon.py's own request (as the limit would).
    assert ids(owner.fetch_remaining(owner.status_favourited_by(st))) == want
    favs = owner._Mastodon__api_request("GET", "/api/v1/statuses/%s/favourited_by" % st["id"], {"limit": 2})
    assert ids(favs) == want[:2]
    assert ids(owner.fetch_next(favs)) == want[2:4]
    assert ids(owner.fetch_remaining(favs)) == want
    assert ids(owner.fetch_remaining(owner.status_reblogged_by(st))) == []
