"""Live poll counts (issue 20): a vote, through the API or the page form,
reaches the open streams that may see the post as a Mastodon `status.update`
with the poll's new counts, so apps update the poll as it happens.  Only
counts travel: no voter, and a viewer's own choices only on their own
stream.  A stream whose viewer may not see the post gets nothing."""
import json
import queue
import time

import requests

from conftest import Server, pg_only
from test_stream_audience import Stream, hdr, token


def poll_post(server, tok, visibility):
    data = {"status": "Wandelen of fietsen?", "visibility": visibility,
            "poll[options][]": ["Wandelen", "Fietsen", "Allebei"], "poll[expires_in]": "3600"}
    r = requests.post(server.base + "/api/v1/statuses", headers=hdr(tok), data=data, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["id"]


def api_vote(server, tok, pid, choice):
    r = requests.post(server.base + "/api/v1/polls/%s/votes" % pid, headers=hdr(tok),
                      data={"choices[]": str(choice)}, timeout=10)
    assert r.status_code == 200, r.text


def page_vote(client, pid, choice):
    r = client.post("/posts/%s/vote" % pid, {"choice": str(choice)})
    assert r.status_code == 303, r.status_code


def next_update(stream, pid, seconds):
    """The next status.update of post pid on stream (as JSON), or None after seconds."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            ev, data = stream.q.get(timeout=max(0.01, deadline - time.time()))
        except queue.Empty:
            return None
        if ev == "status.update":
            st = json.loads(data)
            if st["id"] == pid:
                return st
    return None


def updates_of(stream, pid, seconds):
    return [json.loads(d) for e, d in stream.events(seconds)
            if e == "status.update" and json.loads(d)["id"] == pid]


def counts(st):
    return st["poll"]["votes_count"], [o["votes_count"] for o in st["poll"]["options"]]


def test_votes_on_both_doors_reach_open_streams(server):
    author = server.new_user(prefix="peiler")
    by_api = server.new_user(prefix="appstem")
    by_page = server.new_user(prefix="paginastem")
    ta, tv = token(server, author.name, "read"), token(server, by_api.name)
    pid = poll_post(server, token(server, author.name), "public")
    base = server.base
    streams = {"anon-public": Stream(base + "/api/v1/streaming/public"),
               "author-user": Stream(base + "/api/v1/streaming/user", ta),
               "voter-public": Stream(base + "/api/v1/streaming/public", tv)}
    try:
        time.sleep(0.3)  # the subscriptions are in place
        api_vote(server, tv, pid, 0)
        first = {k: next_update(s, pid, 10) for k, s in streams.items()}
        page_vote(by_page, pid, 1)
        second = {k: next_update(s, pid, 10) for k, s in streams.items()}
    finally:
        for s in streams.values():
            s.close()
    for k in streams:
        assert first[k], "%s: no status.update after the vote through the API" % k
        assert second[k], "%s: no status.update after the vote on the page" % k
        assert counts(first[k]) == (1, [1, 0, 0]), (k, first[k]["poll"])
        assert counts(second[k]) == (2, [1, 1, 0]), (k, second[k]["poll"])
        # Counts only: no voter travels with them.
        for st in (first[k], second[k]):
            text = json.dumps(st)
            assert by_api.name not in text and by_page.name not in text, (k, text)
    # Each stream is rendered for its own viewer: the voter sees their own
    # choice, the author and the anonymous stream none.
    assert second["voter-public"]["poll"]["voted"] and second["voter-public"]["poll"]["own_votes"] == [0]
    for k in ("anon-public", "author-user"):
        assert not second[k]["poll"].get("voted") and not second[k]["poll"].get("own_votes"), second[k]["poll"]


def test_a_followers_only_poll_goes_only_to_those_who_may_see_it(server):
    author = server.new_user(prefix="peiler")
    f1 = server.new_user(prefix="volger")
    f2 = server.new_user(prefix="volger")
    outsider = server.new_user(prefix="buiten")
    for f in (f1, f2):
        assert f.post("/@%s/follow" % author.name).status_code == 303
    ta, t1, tx = token(server, author.name), token(server, f1.name), token(server, outsider.name, "read")
    pid = poll_post(server, ta, "private")
    base = server.base
    streams = {"author-user": Stream(base + "/api/v1/streaming/user", ta),
               "outsider-user": Stream(base + "/api/v1/streaming/user", tx),
               "outsider-public": Stream(base + "/api/v1/streaming/public", tx),
               "anon-public": Stream(base + "/api/v1/streaming/public")}
    try:
        time.sleep(0.3)
        api_vote(server, t1, pid, 2)
        first = next_update(streams["author-user"], pid, 10)
        page_vote(f2, pid, 2)
        second = next_update(streams["author-user"], pid, 10)
        # One fan-out queues every stream's event: by now the others have theirs.
        rest = {k: updates_of(s, pid, 1.5) for k, s in streams.items() if k != "author-user"}
    finally:
        for s in streams.values():
            s.close()
    assert first and counts(first) == (1, [0, 0, 1]), first and first["poll"]
    assert second and counts(second) == (2, [0, 0, 2]), second and second["poll"]
    for k, got in rest.items():
        assert got == [], (k, got)


@pg_only
def test_a_vote_in_another_process_reaches_the_stream(start_server):
    """Two processes on one PostgreSQL database: the vote's event crosses by NOTIFY."""
    a = start_server()
    b = Server()
    b.db_url = a.db_url
    b.start()
    try:
        author = a.new_user(prefix="peiler")
        pid = poll_post(a, token(a, author.name), "public")
        voter = b.new_user(prefix="stemmer")
        s = Stream(a.base + "/api/v1/streaming/public")
        try:
            time.sleep(0.3)
            page_vote(voter, pid, 1)
            st = next_update(s, pid, 10)
        finally:
            s.close()
        assert st, "a vote in the other process did not reach the stream"
        assert counts(st) == (1, [0, 1, 0]), st["poll"]
    finally:
        a.assert_clean_stop()
        b.assert_clean_stop()
        b.cleanup()
