"""Lists of people are paged as Mastodon pages them (issue 14): followers
and following by the follow's id, favourited_by and reblogged_by by the
favourite's (boost's) id, newest first, with a Link header (rel="next" with
max_id, rel="prev" with min_id) and limit (default 40, at most 80).  The
rules stay in core: a suspended follower never appears, a hidden list stays
empty to others.  The profile's lists of people page with "Volgende" /
"Vorige" (40 a page)."""
import re

import requests

from conftest import uniq
from test_api_cache import db_write
from test_graph import profile_settings
from test_stream_audience import hdr, token

LINK_RE = re.compile(r'<([^>]+)>; rel="(next|prev)"')


def links(r):
    return {rel: url for url, rel in LINK_RE.findall(r.headers.get("Link", ""))}


def get(server, tok, url, **kw):
    if not url.startswith("http"):
        url = server.base + url
    r = requests.get(url, headers=hdr(tok), timeout=10, **kw)
    assert r.status_code == 200, r.text
    return r


def walk(server, tok, path, rel="next", limit=2, first=None):
    """Every page from path following rel links: [[usernames]]; bounded."""
    pages = []
    r = get(server, tok, first or path, params=None if first else {"limit": limit})
    for _ in range(50):
        names = [a["username"] for a in r.json()]
        if not names:
            break
        pages.append(names)
        nxt = links(r).get(rel)
        if not nxt:
            break
        r = get(server, tok, nxt)
    return pages


def account_id(server, tok, name):
    return get(server, tok, "/api/v1/accounts/lookup", params={"acct": name}).json()["id"]


def test_followers_walk_every_page_once_in_follow_order(server):
    owner = server.new_user(prefix="veel")
    profile_settings(owner, collections="shown")
    fans = [server.new_user(prefix="fan") for _ in range(5)]
    for f in fans:  # a client who hides their lists is in no one's list (test_counts)
        profile_settings(f, collections="shown")
    gone = server.new_user(prefix="weg")
    # They follow in the reverse order of their accounts, the suspended one
    # in the middle: Mastodon's order is the follow's, not the account's.
    order = list(reversed(fans))
    for c in order[:2] + [gone] + order[2:]:
        assert c.post("/@%s/follow" % owner.name, {}).status_code == 303
    server.cli("user", "suspend", gone.name)
    viewer = server.new_user(prefix="kijk")
    tv = token(server, viewer.name)
    oid = account_id(server, tv, owner.name)
    path = "/api/v1/accounts/%s/followers" % oid
    pages = walk(server, tv, path)
    names = [n for p in pages for n in p]
    want = [c.name for c in reversed(order)]
    assert names == want, pages
    assert gone.name not in names
    assert all(len(p) <= 2 for p in pages) and len(pages) >= 3
    # The first page's prev link leads to nothing newer; walking back from
    # the oldest page with the prev links gives everyone again, once.
    first = get(server, tv, path, params={"limit": 2})
    assert "next" in links(first)
    last_page = get(server, tv, path, params={"limit": 2, "max_id": links(first)["next"].split("max_id=")[1]})
    back = []
    r = last_page
    for _ in range(50):
        prev = links(r).get("prev")
        if not prev:
            break
        r = get(server, tv, prev)
        if not r.json():
            break
        back = [a["username"] for a in r.json()] + back
    assert back == want[:2]
    # limit is honoured; the default is 40.
    assert len(get(server, tv, path, params={"limit": 1}).json()) == 1
    assert [a["username"] for a in get(server, tv, path).json()] == want
    # Following pages alike: the last followed first.
    tf = token(server, fans[0].name)
    for c in fans[1:]:
        r = requests.post(server.base + "/api/v1/accounts/%s/follow" % account_id(server, tf, c.name),
                          headers=hdr(tf), timeout=10)
        assert r.status_code == 200, r.text
    profile_settings(fans[0], collections="shown")
    fid = account_id(server, tv, fans[0].name)
    names = [n for p in walk(server, tv, "/api/v1/accounts/%s/following" % fid) for n in p]
    assert names == [c.name for c in reversed(fans[1:])] + [owner.name]


def test_hidden_list_stays_empty_to_others_on_every_page(server):
    owner = server.new_user(prefix="stil")
    profile_settings(owner, collections="hidden")
    fans = [server.new_user(prefix="vlg") for _ in range(3)]
    for c in fans:
        assert c.post("/@%s/follow" % owner.name, {}).status_code == 303
    other = server.new_user(prefix="ander")
    to, tw = token(server, other.name), token(server, owner.name)
    oid = account_id(server, to, owner.name)
    path = "/api/v1/accounts/%s/followers" % oid
    r = get(server, to, path, params={"limit": 1})
    assert r.json() == [] and "Link" not in r.headers
    # A cursor does not open it either.
    assert get(server, to, path, params={"max_id": str(2 ** 62)}).json() == []
    assert get(server, to, path, params={"min_id": "1"}).json() == []
    # Its owner sees it, paged.
    names = [n for p in walk(server, tw, path, limit=1) for n in p]
    assert names == [c.name for c in reversed(fans)]


def test_favourited_and_reblogged_by_page_by_their_own_ids(server):
    author = server.new_user(prefix="schr")
    ta = token(server, author.name)
    pid = requests.post(server.base + "/api/v1/statuses", headers=hdr(ta),
                        data={"status": "Veel mensen vinden dit fijn", "visibility": "public"},
                        timeout=10).json()["id"]
    people = [server.new_user(prefix="lk") for _ in range(5)]
    toks = [token(server, c.name) for c in people]
    # Favourite and boost in the reverse order of the accounts.
    for t in reversed(toks):
        for act in ("favourite", "reblog"):
            r = requests.post(server.base + "/api/v1/statuses/%s/%s" % (pid, act), headers=hdr(t), timeout=10)
            assert r.status_code == 200, r.text
    server.cli("user", "suspend", people[2].name)
    want = [c.name for i, c in enumerate(people) if i != 2]
    for what in ("favourited_by", "reblogged_by"):
        path = "/api/v1/statuses/%s/%s" % (pid, what)
        pages = walk(server, ta, path)
        assert [n for p in pages for n in p] == want, (what, pages)
        assert len(pages) >= 2
        # The default (40) holds them all: no next page (as Mastodon, only
        # after a full one), a prev link for what comes later.
        r = get(server, ta, path)
        assert [a["username"] for a in r.json()] == want
        assert 'rel="next"' not in r.headers["Link"] and 'rel="prev"' in r.headers["Link"]


def test_followers_page_has_next_and_previous(server):
    owner = server.new_user(prefix="druk")
    profile_settings(owner, collections="shown")
    prefix = uniq("wf")[:12]
    names = ["%s_%d" % (prefix, i) for i in range(45)]
    for n in names:
        server.add_user(n)
    # 45 follows straight into the database (ids in name order): quicker
    # than 45 logins, and what the page reads is the same.
    db_write(server, "INSERT INTO follows (follower_id, followee_id, created_at, id)"
                     " SELECT a.id, o.id, 0, 1000 + CAST(SUBSTR(a.username, %d) AS INTEGER)"
                     " FROM accounts a, accounts o WHERE a.username LIKE '%s\\_%%' ESCAPE '\\'"
                     " AND o.username = '%s'" % (len(prefix) + 2, prefix, owner.name))
    # They show their own lists (collections 2): a client who hides them
    # is in no one's list (test_counts).
    db_write(server, "UPDATE accounts SET collections = 2 WHERE username LIKE '%s\\_%%' ESCAPE '\\'" % prefix)
    # A suspended follower on the first page: left out, and the page still
    # leads on (it is full in the store).
    server.cli("user", "suspend", names[40])
    viewer = server.new_user(prefix="bzk")
    html = viewer.get("/@%s/followers" % owner.name).text
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    shown = re.findall(r'href="/@(%s_\d+)"' % prefix, main)
    assert shown == [n for n in reversed(names) if n != names[40]][:39]
    nxt = re.search(r'<a class="btn" href="([^"]+)" rel="next">Volgende</a>', main)
    assert nxt and "Vorige" not in main
    html = viewer.get(nxt.group(1).replace("&amp;", "&")).text
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    shown = re.findall(r'href="/@(%s_\d+)"' % prefix, main)
    assert shown == list(reversed(names))[40:]
    assert "Volgende" not in main
    prev = re.search(r'<a class="btn" href="([^"]+)" rel="prev">Vorige</a>', main)
    assert prev
    html = viewer.get(prev.group(1).replace("&amp;", "&")).text
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert re.findall(r'href="/@(%s_\d+)"' % prefix, main) == [n for n in reversed(names) if n != names[40]][:39]
