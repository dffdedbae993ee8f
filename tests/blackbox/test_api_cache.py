"""The client API's response cache (timelines) never answers with old data:
every write, by this process or another, is seen by the next request, and
one viewer's answer is never another's.  Runs on SQLite and PostgreSQL."""
import sqlite3

import requests

from conftest import PASSWORD, TEST_DB, pg_db_name, pg_psql, uniq


def token(server, name, with_app=False):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "cachetest", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"},
        timeout=10).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write"}, timeout=30)
    assert r.status_code == 200, r.text
    return (r.json()["access_token"], app) if with_app else r.json()["access_token"]


def db_write(server, sql):
    """Write straight into the database, as another process would."""
    if TEST_DB == "pg":
        pg_psql(sql, db=pg_db_name(server.data))
    else:
        con = sqlite3.connect(server.data + "/kring.db", timeout=10)
        con.execute(sql)
        con.commit()
        con.close()


def timeline(server, tok, path="/api/v1/timelines/home?limit=40"):
    h = {"Authorization": "Bearer " + tok} if tok else {}
    r = requests.get(server.base + path, headers=h, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()


def by_id(statuses, pid):
    return next((s for s in statuses if s["id"] == str(pid)), None)


def followed_post(server, prefix, text):
    """A reader following a writer, both with tokens, the writer's new post,
    and seen(tok) -> the post as tok's home timeline shows it, each time at
    a new address (no response cache: the entity is written afresh or
    reused from src/api/entity.c's kept JSON)."""
    reader = server.new_user(prefix=prefix + "r")
    writer = server.new_user(prefix=prefix + "w")
    assert reader.post("/@%s/follow" % writer.name, {}).status_code in (200, 303)
    t_reader, t_writer = token(server, reader.name), token(server, writer.name)
    pid = writer.new_post(text)
    n = [0]

    def seen(tok):
        n[0] += 1
        s = by_id(timeline(server, tok, "/api/v1/timelines/home?limit=40&n=%d" % n[0]), pid)
        assert s is not None
        return s

    return writer, t_reader, t_writer, pid, seen


def test_home_timeline_shows_every_write_at_once(server):
    reader = server.new_user(prefix="cr")
    writer = server.new_user(prefix="cw")
    assert reader.post("/@%s/follow" % writer.name, {}).status_code in (200, 303)
    tok = token(server, reader.name)
    first = writer.new_post("Eerste bericht voor de cache")
    for _ in range(3):  # the same request again and again: answered from the cache
        assert by_id(timeline(server, tok), first) is not None
    # A new post by someone the reader follows.
    second = writer.new_post("Tweede bericht na het vullen van de cache")
    got = timeline(server, tok)
    assert got[0]["id"] == str(second)
    # A favourite by the reader (on the web) shows in the API at once.
    assert reader.post("/posts/%d/fav" % first, {}).status_code in (200, 303)
    s = by_id(timeline(server, tok), first)
    assert s["favourited"] is True and s["favourites_count"] == 1
    # An edit, then a delete.
    assert writer.post("/posts/%d/edit" % first, {"text": "Bewerkt bericht in de cache"}).status_code in (200, 303)
    assert "Bewerkt bericht" in by_id(timeline(server, tok), first)["content"]
    assert writer.post("/posts/%d/delete" % first, {}).status_code in (200, 303)
    assert by_id(timeline(server, tok), first) is None
    # Unfollow: the writer's posts leave the home timeline.
    assert reader.post("/@%s/unfollow" % writer.name, {}).status_code in (200, 303)
    assert by_id(timeline(server, tok), second) is None


def test_one_viewers_answer_is_never_anothers(server):
    author = server.new_user(prefix="ca")
    muter = server.new_user(prefix="cm")
    other = server.new_user(prefix="co")
    tag = uniq("cachetag")
    pid = author.new_post("Bericht met #%s voor iedereen" % tag)
    assert muter.post("/@%s/mute" % author.name, {}).status_code in (200, 303)
    path = "/api/v1/timelines/tag/%s" % tag
    t_other, t_muter = token(server, other.name), token(server, muter.name)
    # The same address, asked by several viewers in turn.
    for _ in range(2):
        assert by_id(timeline(server, t_other, path), pid) is not None
        assert by_id(timeline(server, None, path), pid) is not None
        assert by_id(timeline(server, t_muter, path), pid) is None
    # A followers-only post is in the home timeline of followers only.
    follower = server.new_user(prefix="cf")
    assert follower.post("/@%s/follow" % author.name, {}).status_code in (200, 303)
    t_follower = token(server, follower.name)
    home = "/api/v1/timelines/home?limit=40"
    timeline(server, t_follower, home)
    timeline(server, t_other, home)
    fo = author.new_post("Alleen voor volgers %s" % tag, visibility="followers")
    for _ in range(2):
        assert by_id(timeline(server, t_follower, home), fo) is not None
        assert by_id(timeline(server, t_other, home), fo) is None


def test_a_write_by_another_process_is_seen(server):
    """Another process (here: this test, straight into the database) changes a
    post; the next API answer has the change."""
    reader = server.new_user(prefix="cx")
    tok = token(server, reader.name)
    pid = reader.new_post("Tekst voor de wijziging van buitenaf")
    for _ in range(2):
        assert "van buitenaf" in by_id(timeline(server, tok), pid)["content"]
    db_write(server, "UPDATE posts SET text = 'Veranderd door een ander proces' WHERE id = %d" % pid)
    assert "Veranderd door een ander proces" in by_id(timeline(server, tok), pid)["content"]


def test_every_argument_is_part_of_the_question(server):
    """Pages (max_id, min_id, limit) are different answers, each with its own
    Link header, also when asked again."""
    reader = server.new_user(prefix="cp")
    tok = token(server, reader.name)
    pids = [reader.new_post("Bericht %d voor het bladeren" % i) for i in range(7)]
    h = {"Authorization": "Bearer " + tok}
    for _ in range(2):
        seen, url = [], server.base + "/api/v1/timelines/home?limit=2"
        for _ in range(10):
            r = requests.get(url, headers=h, timeout=10)
            assert r.status_code == 200, r.text
            page = [s["id"] for s in r.json()]
            if not page:
                break
            assert len(page) <= 2
            seen += page
            nxt = r.links.get("next", {}).get("url")
            if not nxt:
                break
            assert "max_id=" in nxt, r.headers.get("Link")
            url = nxt
        assert seen == [str(p) for p in reversed(pids)], seen
    assert len(timeline(server, tok, "/api/v1/timelines/home?limit=3")) == 3
    assert len(timeline(server, tok, "/api/v1/timelines/home?limit=5")) == 5
    newer = timeline(server, tok, "/api/v1/timelines/home?min_id=%d" % pids[4])
    assert [s["id"] for s in newer] == [str(pids[6]), str(pids[5])]


def test_a_cached_answer_needs_a_token_that_still_works(server):
    """Answers are kept per token: a revoked token, a suspended account, a
    wrong token or none at all never get the cached answer."""
    reader = server.new_user(prefix="ct")
    tok, app = token(server, reader.name, with_app=True)
    reader.new_post("Bericht achter een token")
    home = "/api/v1/timelines/home?limit=40"
    for _ in range(2):
        assert len(timeline(server, tok, home)) == 1
    for bad in (None, "0" * 64, tok[:-1] + ("0" if tok[-1] != "0" else "1")):
        h = {"Authorization": "Bearer " + bad} if bad else {}
        assert requests.get(server.base + home, headers=h, timeout=10).status_code == 401
    # The same token in the query string is the same question.
    r = requests.get(server.base + home + "&access_token=" + tok, timeout=10)
    assert r.status_code == 200 and len(r.json()) == 1
    r = requests.post(server.base + "/oauth/revoke", data={"client_id": app["client_id"],
                      "client_secret": app["client_secret"], "token": tok}, timeout=10)
    assert r.status_code == 200, r.text
    assert requests.get(server.base + home, headers={"Authorization": "Bearer " + tok},
                        timeout=10).status_code == 401
    # A suspended account's token stops working at once, cached answer or not.
    other = server.new_user(prefix="cs")
    tok2 = token(server, other.name)
    for _ in range(2):
        assert requests.get(server.base + home, headers={"Authorization": "Bearer " + tok2},
                            timeout=10).status_code == 200
    db_write(server, "UPDATE accounts SET suspended = 1 WHERE username = '%s'" % other.name)
    assert requests.get(server.base + home, headers={"Authorization": "Bearer " + tok2},
                        timeout=10).status_code == 401


def test_notifications_and_account_statuses_are_fresh(server):
    author = server.new_user(prefix="cn")
    fan = server.new_user(prefix="cv")
    tok = token(server, author.name)
    me = requests.get(server.base + "/api/v1/accounts/verify_credentials",
                      headers={"Authorization": "Bearer " + tok}, timeout=10).json()["id"]
    pid = author.new_post("Een bericht om te waarderen")
    statuses = "/api/v1/accounts/%s/statuses" % me
    for _ in range(2):
        assert timeline(server, tok, "/api/v1/notifications") == []
        assert [s["id"] for s in timeline(server, tok, statuses)] == [str(pid)]
    assert fan.post("/posts/%d/fav" % pid, {}).status_code in (200, 303)
    got = timeline(server, tok, "/api/v1/notifications")
    assert [n["type"] for n in got] == ["favourite"] and got[0]["status"]["id"] == str(pid)
    assert timeline(server, tok, statuses)[0]["favourites_count"] == 1
    pid2 = author.new_post("Nog een bericht")
    assert [s["id"] for s in timeline(server, tok, statuses)] == [str(pid2), str(pid)]
    # Someone else asking for the same account's posts gets their own answer.
    fan_tok = token(server, fan.name)
    for _ in range(2):
        assert timeline(server, fan_tok, statuses)[1]["favourited"] is True
        assert timeline(server, tok, statuses)[1]["favourited"] is False
        assert timeline(server, None, statuses)[1]["favourited"] is False


def test_an_account_changed_is_shown_at_once(server):
    """The account entity is kept rendered per version of what it is made
    of (src/api/entity.c): a new name, a new bio, a new follower, a change
    by another process and another viewer's rights each show at once."""
    writer, t_reader, t_writer, pid, seen = followed_post(server, "a", "Bericht van een schrijver die van naam verandert")

    def author_seen_by(tok):
        return seen(tok)["account"]

    for _ in range(2):
        assert author_seen_by(t_reader)["display_name"] != "Nieuwe Naam Schrijver"
    h = {"Authorization": "Bearer " + t_writer}
    r = requests.patch(server.base + "/api/v1/accounts/update_credentials", headers=h,
                       data={"display_name": "Nieuwe Naam Schrijver"}, timeout=10)
    assert r.status_code == 200, r.text
    assert author_seen_by(t_reader)["display_name"] == "Nieuwe Naam Schrijver"
    r = requests.patch(server.base + "/api/v1/accounts/update_credentials", headers=h,
                       data={"note": "Mantelzorger en vrijwilliger"}, timeout=10)
    assert r.status_code == 200, r.text
    assert "Mantelzorger en vrijwilliger" in author_seen_by(t_reader)["note"]
    # A change by another process, straight into the database.
    db_write(server, "UPDATE accounts SET display_name = 'Buiten Om Gezet' WHERE username = '%s'" % writer.name)
    assert author_seen_by(t_reader)["display_name"] == "Buiten Om Gezet"
    # A new follower: the writer sees their own count grow; whether another
    # viewer sees it is the writer's choice, never the last viewer's answer.
    before = author_seen_by(t_writer)["followers_count"]
    third = server.new_user(prefix="at")
    assert third.post("/@%s/follow" % writer.name, {}).status_code in (200, 303)
    t_third = token(server, third.name)
    mine = author_seen_by(t_writer)
    assert mine["followers_count"] == before + 1
    theirs = author_seen_by(t_third)
    assert theirs["followers_count"] in (0, before + 1)
    assert theirs["followers_count"] == (0 if theirs["hide_collections"] else before + 1)
    assert author_seen_by(t_writer)["followers_count"] == before + 1


def test_a_post_changed_is_shown_at_once(server):
    """A post's text is kept rendered per version (src/api/entity.c, by its
    id and its very text): an edit, and a change straight into the database
    by another process, each show at once to every reader."""
    _, t_reader, t_writer, pid, seen = followed_post(server, "p", "Eerste versie van het bericht #zorg")

    def content_seen_by(tok):
        return seen(tok)["content"]

    for tok in (t_reader, t_writer, t_reader):
        assert "Eerste versie" in content_seen_by(tok)
    h = {"Authorization": "Bearer " + t_writer}
    r = requests.put(server.base + "/api/v1/statuses/%s" % pid, headers=h,
                     data={"status": "Tweede versie, zie https://example.org/info #welzijn"}, timeout=10)
    assert r.status_code == 200, r.text
    for tok in (t_reader, t_writer):
        c = content_seen_by(tok)
        assert "Tweede versie" in c and "Eerste versie" not in c
        assert 'href="https://example.org/info"' in c and "/tags/welzijn" in c
    db_write(server, "UPDATE posts SET text = 'Buiten om gewijzigd' WHERE id = %s" % pid)
    assert content_seen_by(t_reader) == "<p>Buiten om gewijzigd</p>"
