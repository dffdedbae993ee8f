"""Home feeds kept at write time (issue 15) give the very home timeline the
rule over all posts gives.

The oracle is a second kring process on the same database started with
KRING_HOME_SCAN=1: it reads every home timeline by the old query (own posts,
followees', the groups' and those addressed to the reader, walked newest
first).  After each step of a story (follow, unfollow, block, mute, leaving a
group, deletion, think time, suspension, a direct message, a group post) every
person's home timeline, API (all pages) and page, must be the same in both.
Runs with a feed of 5 posts (every read crosses the feed's floor into the
old query), with the normal feed size, and with posts never leaving the
pending queue (KRING_FEED_FLUSH=0: read from the queue).  SQLite and
PostgreSQL."""
import re
import sqlite3
import time

import pytest
import requests

from conftest import PASSWORD, TEST_DB, Server, pg_db_name, pg_psql, post_ids, uniq

GROUP_ID_RE = re.compile(r'name="group_id" value="(\d+)"')


def db_write(srv, sql):
    if TEST_DB == "pg":
        pg_psql(sql, db=pg_db_name(srv.data))
    else:
        con = sqlite3.connect(srv.data + "/kring.db", timeout=10)
        con.execute(sql)
        con.commit()
        con.close()


def db_count(srv, sql):
    if TEST_DB == "pg":
        return int(pg_psql(sql, db=pg_db_name(srv.data)).strip())
    con = sqlite3.connect(srv.data + "/kring.db", timeout=10)
    n = con.execute(sql).fetchone()[0]
    con.close()
    return n


def flushed(srv):
    """Wait (bounded) until the flusher thread has moved every queued post
    into the feeds: it runs off the request path, so a read right after a
    post may still take it from the queue; this makes the next comparison
    read the feeds themselves."""
    for _ in range(200):
        if db_count(srv, "SELECT COUNT(*) FROM feed_pending") == 0:
            return
        time.sleep(0.05)
    raise AssertionError("the feed flusher left posts queued")


def token(srv, name):
    app = requests.post(srv.base + "/api/v1/apps", data={
        "client_name": "feeds", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"},
        timeout=20).json()
    r = requests.post(srv.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write"}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def api_home(base, tok, limit=3, pages=40):
    """All of a home timeline through the API, newest first, page by page."""
    out, url = [], "/api/v1/timelines/home?limit=%d" % limit
    for _ in range(pages):
        r = requests.get(base + url, headers={"Authorization": "Bearer " + tok}, timeout=20)
        assert r.status_code == 200, r.text
        ids = [int(s["id"]) for s in r.json()]
        if not ids:
            return out
        out += ids
        url = "/api/v1/timelines/home?limit=%d&max_id=%d" % (limit, ids[-1])
    raise AssertionError("home timeline longer than expected")


def api_newer(base, tok, min_id, limit=3):
    r = requests.get(base + "/api/v1/timelines/home?limit=%d&min_id=%d" % (limit, min_id),
                     headers={"Authorization": "Bearer " + tok}, timeout=20)
    assert r.status_code == 200, r.text
    return [int(s["id"]) for s in r.json()]


@pytest.fixture(params=[("5", "1"), ("800", "1"), ("5", "0")], ids=["feed5", "feed800", "feed5-pending"])
def pair(request):
    size, flush = request.param
    srv = Server(env={"KRING_APP_RATE": "0", "KRING_POST_RATE": "0", "KRING_FEED_SIZE": size,
                      "KRING_FEED_FLUSH": flush}).start()
    srv.feed_flush = flush == "1"
    oracle = None
    try:
        oracle = Server(data=srv.data, env={"KRING_APP_RATE": "0", "KRING_HOME_SCAN": "1"}).start()
        yield srv, oracle
    finally:
        if oracle and oracle.proc:
            oracle.assert_clean_stop()
        srv.assert_clean_stop()
        srv.cleanup()


class Person:
    def __init__(self, srv, prefix):
        self.c = srv.new_user(prefix=prefix)
        self.name = self.c.name
        self.tok = token(srv, self.name)


def same_home(srv, oracle, people, what):
    # As read at once (posts partly still queued), then, with the flusher
    # on, once more after it has moved them into the feeds.
    same_home_now(srv, oracle, people, what)
    if srv.feed_flush:
        flushed(srv)
        same_home_now(srv, oracle, people, what + " (flushed)")


def same_home_now(srv, oracle, people, what):
    for p in people:
        got = api_home(srv.base, p.tok)
        want = api_home(oracle.base, p.tok)
        assert got == want, (what, p.name, got, want)
        # The newer-than pages too, from the middle of the timeline.
        for mid in got[2:len(got):4]:
            assert api_newer(srv.base, p.tok, mid) == api_newer(oracle.base, p.tok, mid), (what, p.name, mid)
        page = post_ids(p.c.get("/").text)
        opage = post_ids(p.c.get(oracle.base + "/").text)
        assert page == opage, (what, p.name, page, opage)


def test_feeds_equal_the_rule(pair):
    srv, oracle = pair
    a, b, c, d, e, f = (Person(srv, x) for x in ("fa", "fb", "fc", "fd", "fe", "ff"))
    people = (a, b, c, d, e, f)
    same_home(srv, oracle, people, "empty")  # everyone's feed is built now

    # Posts before a follow are back-filled; posts after it arrive at once.
    before = [b.c.new_post("eerder %d %s" % (i, uniq())) for i in range(7)]
    assert a.c.post("/@%s/follow" % b.name).status_code == 303
    assert set(before) <= set(api_home(srv.base, a.tok, limit=40))
    now = b.c.new_post("nu " + uniq())
    assert api_home(srv.base, a.tok, limit=40)[0] == now, "a follower sees a new post at once"
    assert f.c.post("/@%s/follow" % b.name).status_code == 303
    [c.c.new_post("van c %d" % i) for i in range(3)]
    [a.c.new_post("van a %d" % i) for i in range(2)]
    same_home(srv, oracle, people, "follow")

    # A direct message reaches its recipient's feed (and not others').
    r = c.c.post("/posts", {"text": "Alleen voor jou, @%s" % a.name, "visibility": "direct"})
    assert r.status_code == 303, r.text[:300]
    # Followers-only posts.
    b.c.new_post("alleen volgers " + uniq(), visibility="followers")
    same_home(srv, oracle, people, "direct")

    # A group: posts before joining are back-filled, later ones fan out.
    g = uniq("k")
    r = e.c.post("/groups", {"name": g, "display_name": "Kring " + g, "description": "Lotgenoten",
                             "rules": "Wees aardig", "kind": "open", "premod": "none"})
    assert r.status_code == 303, r.text[:300]
    gid = GROUP_ID_RE.search(e.c.get("/g/" + g).text).group(1)
    for i in range(4):
        assert e.c.post("/posts", {"text": "kring %d" % i, "visibility": "public", "group_id": gid}).status_code == 303
    assert a.c.post("/g/%s/join" % g).status_code == 303
    assert d.c.post("/g/%s/join" % g).status_code == 303
    assert a.c.post("/posts", {"text": "ik ben er", "visibility": "public", "group_id": gid}).status_code == 303
    same_home(srv, oracle, people, "group")
    assert a.c.post("/g/%s/mute" % g).status_code == 303
    e.c.post("/posts", {"text": "stil", "visibility": "public", "group_id": gid})
    same_home(srv, oracle, people, "group muted")
    assert a.c.post("/g/%s/unmute" % g).status_code == 303
    same_home(srv, oracle, people, "group unmuted")
    assert d.c.post("/g/%s/leave" % g).status_code == 303
    same_home(srv, oracle, people, "left group")

    # Think time: a held post is in nobody else's home until it goes out.
    db_write(srv, "UPDATE accounts SET hold_seconds = 3600 WHERE username = '%s'" % b.name)
    held = b.c.new_post("bedenktijd " + uniq())
    assert held not in api_home(srv.base, a.tok, limit=40)
    same_home(srv, oracle, people, "held")
    db_write(srv, "UPDATE posts SET publish_at = 1 WHERE id = %d" % held)
    assert held in api_home(srv.base, a.tok, limit=40)
    same_home(srv, oracle, people, "held post out")

    # Unfollow, block, mute, deletion, suspension.
    assert f.c.post("/@%s/unfollow" % b.name).status_code == 303
    same_home(srv, oracle, people, "unfollow")
    assert d.c.post("/@%s/follow" % c.name).status_code == 303
    assert d.c.post("/@%s/mute" % c.name).status_code == 303
    same_home(srv, oracle, people, "mute")
    assert a.c.post("/@%s/block" % c.name).status_code == 303
    same_home(srv, oracle, people, "block")
    assert b.c.post("/posts/%d/delete" % before[3]).status_code in (303, 200)
    assert before[3] not in api_home(srv.base, a.tok, limit=40)
    same_home(srv, oracle, people, "delete")
    srv.cli("user", "suspend", e.name)
    people = (a, b, c, d, f)  # a suspended person's token stops working
    same_home(srv, oracle, people, "suspend")
    # Following again after an unfollow back-fills again.
    assert f.c.post("/@%s/follow" % b.name).status_code == 303
    same_home(srv, oracle, people, "follow again")
