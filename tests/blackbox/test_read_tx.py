"""A GET reads in one read transaction (core_read_begin, on SQLite), and the
GETs that write still commit their writes while others write at the same
time: the notifications page marks what it shows as read (one UPDATE outside
a transaction), a thread page marks its conversation read (a transaction), a
newcomer's first home page builds their feed (a transaction).  A write on
the read transaction's old snapshot would fail (SQLITE_BUSY_SNAPSHOT) once
another connection committed after the page began: the write ends the read
transaction first.  Meanwhile another thread of requests posts and favours
without pause."""
import re
import threading
import time

import pytest

from conftest import uniq, UNLIMITED, own_server

ROUNDS = 25


def badges(c):
    """(notifications, unread conversations) in the menu of a page."""
    t = c.get("/local").text
    n = re.search(r'class="badge">(\d+)', t)
    m = re.search(r'class="badge messages">(\d+)', t)
    return (int(n.group(1)) if n else 0, int(m.group(1)) if m else 0)


class Writer(threading.Thread):
    """Posts and favours as fast as it is answered, until stopped (bounded)."""

    def __init__(self, server):
        super().__init__(daemon=True)
        self.c = server.new_user(prefix="rw")
        self.stop = threading.Event()
        self.done = 0
        self.failed = []

    def run(self):
        deadline = time.time() + 120
        while not self.stop.is_set() and time.time() < deadline:
            r = self.c.post("/posts", {"text": "druk " + uniq("w"), "visibility": "public"})
            if r.status_code != 303:
                self.failed.append(r.status_code)
                continue
            pid = re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)
            r = self.c.post("/posts/%s/fav" % pid, {})
            if r.status_code not in (200, 303):
                self.failed.append(r.status_code)
            self.done += 1


@pytest.fixture(scope="module")
def server():
    # No posting limit: the writer posts as fast as it is answered.
    yield from own_server(**UNLIMITED)


def test_writing_gets_commit_while_others_write(server):
    reader = server.new_user(prefix="rr")
    talk = server.new_user(prefix="rt")
    w = Writer(server)
    for c in (reader, talk):
        assert c.post("/@%s/follow" % w.c.name, {}).status_code == 303
    w.start()
    try:
        for i in range(ROUNDS):
            # A mention and a private message for the reader, committed by a third person.
            talk.new_post("hallo @%s %s" % (reader.name, uniq("m")))
            dm = talk.new_post("onder ons " + uniq("d"), "direct", to="@" + reader.name)
            assert badges(reader)[0] >= 1 and badges(reader)[1] >= 1
            # The GETs that write, while the writer commits.
            r = reader.get("/notifications")
            assert r.status_code == 200, (i, r.status_code)
            r = reader.get("/posts/%d" % dm)
            assert r.status_code == 200, (i, r.status_code)
            assert badges(reader) == (0, 0), (i, badges(reader))
            # A newcomer's first home page builds their feed.
            fresh = server.new_user(prefix="rf")
            assert fresh.post("/@%s/follow" % w.c.name, {}).status_code == 303
            r = fresh.get("/")
            assert r.status_code == 200, (i, r.status_code)
            assert r.text.count('<article class="post') >= 1, i
            # The API's read-only GETs answer too.
            r = reader.get("/api/v1/timelines/public?limit=5")
            assert r.status_code == 200, (i, r.status_code)
    finally:
        w.stop.set()
        w.join(timeout=30)
    assert w.done >= ROUNDS, w.done
    assert not w.failed, w.failed
