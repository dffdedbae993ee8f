"""Core is the only door (issue 12): what happens through any door reaches the
API's streams at once, as an event core emits after commit, and one domain
action is one transaction (an Idempotency-Key claimed with its post).

The streams' poll for what was made elsewhere is slowed to ten minutes here
(KRING_TEST_STREAM_POLL, test builds only), so an event that arrives came
from core, not from the poll."""
import concurrent.futures
import queue
import time

import requests

from conftest import uniq
from test_stream_audience import Stream, hdr, token

SLOW_POLL = "600"


def slow_poll_server(start_server, monkeypatch):
    monkeypatch.setenv("KRING_TEST_STREAM_POLL", SLOW_POLL)
    return start_server()


def wait_for(stream, seconds, pred):
    """The first event that pred accepts, as soon as it comes; None after seconds."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            ev = stream.q.get(timeout=max(0.01, deadline - time.time()))
        except queue.Empty:
            return None
        if pred(ev):
            return ev
    return None


def test_a_post_made_on_a_page_reaches_an_open_api_stream(start_server, monkeypatch, capsys):
    srv = slow_poll_server(start_server, monkeypatch)
    author = srv.new_user(prefix="schrijver")
    reader_name = srv.add_user(uniq("lezer"))
    reader = srv.login(reader_name)
    assert reader.post("/@%s/follow" % author.name).status_code == 303
    tok = token(srv, reader_name, "read")
    s = Stream(srv.base + "/api/v1/streaming/user", tok)
    try:
        time.sleep(0.3)  # the subscription is in place
        text = "Vanmiddag koffie in de huiskamer %s" % uniq("k")
        t0 = time.time()
        author.new_post(text, visibility="followers")
        t1 = time.time()
        ev = wait_for(s, 10, lambda e: e[0] == "update" and text in e[1])
        took, after = time.time() - t0, time.time() - t1
        assert ev, "a post made on a page did not reach the reader's open stream (the poll is slowed to %s s)" \
            % SLOW_POLL
        with capsys.disabled():
            print("\nevents: a post made on a page reached an open API stream %.0f ms after the page answered"
                  " (%.0f ms after it was sent)" % (after * 1000, took * 1000))
    finally:
        s.close()
    srv.assert_clean_stop()


def test_a_favourite_on_a_page_reaches_the_authors_notification_stream(start_server, monkeypatch):
    srv = slow_poll_server(start_server, monkeypatch)
    author_name = srv.add_user(uniq("auteur"))
    author = srv.login(author_name)
    fan = srv.new_user(prefix="fan")
    pid = author.new_post("Wie komt er donderdag wandelen? %s" % uniq("w"))
    tok = token(srv, author_name, "read")
    s = Stream(srv.base + "/api/v1/streaming/user/notification", tok)
    try:
        time.sleep(0.3)
        assert fan.post("/posts/%d/fav" % pid).status_code == 303
        ev = wait_for(s, 10, lambda e: e[0] == "notification" and '"favourite"' in e[1])
        assert ev, "a favourite given on a page did not reach the author's notification stream"
    finally:
        s.close()
    srv.assert_clean_stop()


def test_one_idempotency_key_makes_one_post_even_at_once(server):
    name = server.add_user(uniq("app"))
    tok = token(server, name, "read write")
    me = requests.get(server.base + "/api/v1/accounts/verify_credentials", headers=hdr(tok), timeout=10).json()
    for round_ in range(6):
        key = uniq("sleutel")
        text = "Eén bericht, hoe vaak de app ook opnieuw probeert %s" % uniq("i")

        def send(_):
            r = requests.post(server.base + "/api/v1/statuses",
                              headers=dict(hdr(tok), **{"Idempotency-Key": key}), data={"status": text}, timeout=30)
            return r.status_code, r.json().get("id")

        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as ex:
            answers = list(ex.map(send, range(8)))
        assert all(code == 200 for code, _ in answers), answers
        ids = {i for _, i in answers}
        assert len(ids) == 1, "round %d: one Idempotency-Key made %d posts: %s" % (round_, len(ids), sorted(ids))
        # And once more afterwards: the same post.
        assert send(0)[1] in ids
        posts = requests.get(server.base + "/api/v1/accounts/%s/statuses" % me["id"], headers=hdr(tok),
                             timeout=10).json()
        assert sum(1 for p in posts if text in p["content"]) == 1, [p["id"] for p in posts]
