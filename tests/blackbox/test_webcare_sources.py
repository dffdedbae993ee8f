"""Webcare's outside sources (issue 17): RSS/Atom feeds and another server's
hashtag, polled by kring with a conditional GET, read safely, each item kept
once.  Feeds are served on loopback by a small server in this file; the
hashtag comes from a second kring."""
import http.server
import os
import re
import sqlite3
import threading
import time

import pytest

from conftest import uniq

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Dagblad van het Oosten</title><link>https://dvho.example/</link>
{items}
</channel></rss>"""

ITEM = """<item><title>{title}</title><link>https://dvho.example/{n}</link><guid>dvho-{n}</guid>
<dc:creator>Redactie</dc:creator><pubDate>Tue, 01 Dec 2026 09:{n:02d}:00 +0100</pubDate>
<description><![CDATA[<p>Bericht {n} over <b>Zorggroep De Linde</b>.</p><script>x()</script>]]></description></item>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog van een mantelzorger</title>
<entry><title type="html">Moeder &amp;amp; de thuiszorg</title><id>tag:blog.example,2026:1</id>
<link href="https://blog.example/1"/><updated>2026-11-30T08:00:00Z</updated>
<content type="html">&lt;p&gt;Zo blij met de zorg.&lt;/p&gt;</content></entry></feed>"""

LAUGHS = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<rss><channel><item><title>&lol2;</title></item></channel></rss>"""


class Feeds:
    """What the feed server serves and what it was asked."""

    def __init__(self):
        self.items = [ITEM.format(n=1, title="Wachtlijst wijkverpleging"),
                      ITEM.format(n=2, title="Open dag in het verpleeghuis")]
        self.etag = '"v1"'
        self.requests = []  # (path, If-None-Match, If-Modified-Since)


def serve_feeds(feeds):
    class H(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def send(self, code, body=b"", ctype="application/rss+xml; charset=utf-8", extra=()):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            feeds.requests.append((self.path, inm, ims))
            if self.path == "/feed.xml":
                if inm == feeds.etag:
                    return self.send(304)
                body = RSS.format(items="\n".join(reversed(feeds.items))).encode()
                return self.send(200, body, extra=[("ETag", feeds.etag),
                                                   ("Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT")])
            if self.path == "/atom.xml":
                return self.send(200, ATOM.encode(), "application/atom+xml")
            if self.path == "/laughs.xml":
                return self.send(200, LAUGHS.encode())
            if self.path == "/page.html":
                return self.send(200, b"<html><body>Geen feed</body></html>", "text/html")
            if self.path == "/busy.xml":
                return self.send(503, b"druk", "text/plain", [("Retry-After", "7200")])
            if self.path == "/big.xml":
                # 50 MB that never ends in time: kring stops reading at its limit.
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(50 << 20))
                self.end_headers()
                chunk = b"<rss><channel>" + b" " * (1 << 20)
                try:
                    for _ in range(50):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            return self.send(404, b"weg", "text/plain")

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    return srv


@pytest.fixture
def feeds():
    f = Feeds()
    srv = serve_feeds(f)
    f.base = "http://127.0.0.1:%d" % srv.server_address[1]
    yield f
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def offline():
    """A database no server runs on: the polls in a test are the test's own
    (a running kring would poll the sources too, at the same time)."""
    from conftest import Server
    srv = Server()
    srv.cli("init")
    yield srv
    srv.cleanup()


@pytest.fixture
def org(offline):
    name = uniq("org")
    offline.cli("org", "add", name)
    return name


def sql(srv, q):
    """Rows of q on the server's database (SQLite or PostgreSQL), as text."""
    if srv.db_url:
        from conftest import pg_db_name, pg_psql
        out = pg_psql(q, db=pg_db_name(srv.data))
        return [tuple(line.split("|")) for line in out.splitlines() if line]
    db = sqlite3.connect(os.path.join(srv.data, "kring.db"), timeout=10)
    try:
        return [tuple(str(x) for x in row) for row in db.execute(q)]
    finally:
        db.close()


def add(server, org, url, *extra, check=True):
    r = server.cli("webcare", "source", "add", org, url, *extra, check=check)
    if not check:
        return r
    m = re.search(r"added source (\d+)", r.stdout)
    assert m, r.stdout
    return m.group(1)


def poll(server, sid):
    r = server.cli("webcare", "source", "poll", sid)
    return int(re.search(r": (\d+) new items", r.stdout).group(1)), r.stdout


def items(server, sid):
    return sql(server, "SELECT key, title, text, link, author FROM webcare_source_items"
                       " WHERE source_id = %s ORDER BY key" % sid)


def test_rss_polled_with_conditional_get_and_items_kept_once(offline, org, feeds):
    sid = add(offline, org, feeds.base + "/feed.xml", "--every", "10m")
    n, _ = poll(offline, sid)
    assert n == 2
    got = items(offline, sid)
    assert [k for k, *_ in got] == ["dvho-1", "dvho-2"]
    key, title, text, link, author = got[0]
    assert title == "Wachtlijst wijkverpleging" and link == "https://dvho.example/1"
    assert text == "Bericht 1 over Zorggroep De Linde." and author == "Redactie"  # HTML made plain, no script
    # The second poll sends the validators; the feed answers 304: nothing new.
    n, _ = poll(offline, sid)
    assert n == 0
    assert feeds.requests[-1] == ("/feed.xml", '"v1"', "Tue, 01 Dec 2026 08:00:00 GMT")
    # A new item and a new version: only the new item is added.
    feeds.items.append(ITEM.format(n=3, title="Nieuwe locatie geopend"))
    feeds.etag = '"v2"'
    n, out = poll(offline, sid)
    assert n == 1 and "3 items" in out and "every 600s (fixed)" in out
    n, _ = poll(offline, sid)  # 304 again, with the new etag
    assert n == 0 and feeds.requests[-1][1] == '"v2"'
    assert len(items(offline, sid)) == 3
    # Each new item went into the organisation's webcare inbox, once.
    inbox = sql(offline, "SELECT i.origin, i.origin_key, i.title, i.url FROM webcare_items i"
                         " JOIN accounts a ON a.id = i.org_id WHERE a.username = '%s' ORDER BY i.origin_key" % org)
    assert inbox == [("rss", "dvho-%d" % k, t, "https://dvho.example/%d" % k) for k, t in
                     ((1, "Wachtlijst wijkverpleging"), (2, "Open dag in het verpleeghuis"),
                      (3, "Nieuwe locatie geopend"))]


def test_atom_source(offline, org, feeds):
    sid = add(offline, org, feeds.base + "/atom.xml")
    assert poll(offline, sid)[0] == 1
    (key, title, text, link, author), = items(offline, sid)
    assert key == "tag:blog.example,2026:1" and title == "Moeder & de thuiszorg" and text == "Zo blij met de zorg."
    assert link == "https://blog.example/1"


@pytest.mark.parametrize("path,error", [
    ("/laughs.xml", "declares entities of its own"),
    ("/page.html", "neither RSS nor Atom"),
    ("/big.xml", "larger than 4 MB"),
    ("/nothing.xml", "HTTP 404"),
])
def test_bad_feeds_are_refused_with_a_reason_and_back_off(offline, org, feeds, path, error):
    sid = add(offline, org, feeds.base + path)
    t0 = time.time()
    n, out = poll(offline, sid)
    assert n == 0 and "error: " + error in out, out
    assert time.time() - t0 < 25
    assert items(offline, sid) == []
    # A failing source backs off: its interval doubled from the first 30 minutes.
    assert "every 3600s" in out
    # and the offline is fine


def test_retry_after_is_honoured(offline, org, feeds):
    sid = add(offline, org, feeds.base + "/busy.xml")
    before = int(time.time())
    n, out = poll(offline, sid)
    assert n == 0 and "HTTP 503" in out
    (next_at,), = sql(offline, "SELECT next_at FROM webcare_sources WHERE id = %s" % sid)
    assert int(next_at) >= before + 7200


def test_private_addresses_are_never_fetched(offline, org):
    # The test build allows loopback (for these tests); the rest of the
    # private and link-local ranges stays closed: the socket is refused
    # before anything is sent.
    for url in ("http://10.1.2.3/feed", "http://169.254.169.254/latest/meta-data", "http://192.168.1.1/rss"):
        sid = add(offline, org, url)
        t0 = time.time()
        n, out = poll(offline, sid)
        assert n == 0 and "error:" in out, out
        assert time.time() - t0 < 10


def test_bad_sources_refused(offline, org, feeds):
    name = offline.add_user(uniq("mens"))
    for args, why in [
        ((org, "ftp://example.org/feed"), "http(s) URL"),
        ((org, "file:///etc/passwd"), "http(s) URL"),
        ((org, "http://"), "http(s) URL"),
        ((org, feeds.base + "/feed.xml", "--every", "10s"), "between 5m and 1d"),
        ((org, feeds.base + "/feed.xml", "--every", "soms"), "--every"),
        ((org, feeds.base, "--tag", "twee woorden"), "a tag of letters"),
        ((name, feeds.base + "/feed.xml"), "not an organisation"),
        (("niemand-" + uniq(), feeds.base + "/feed.xml"), "find the organisation"),
    ]:
        r = add(offline, *args, check=False)
        assert r.returncode != 0 and why in r.stderr, (args, r.stderr)
    add(offline, org, feeds.base + "/atom.xml")
    r = add(offline, org, feeds.base + "/atom.xml", check=False)
    assert r.returncode != 0 and "has it already" in r.stderr


def test_remove_takes_the_items(offline, org, feeds):
    sid = add(offline, org, feeds.base + "/atom.xml")
    assert poll(offline, sid)[0] == 1
    offline.cli("webcare", "source", "remove", sid)
    assert items(offline, sid) == []
    assert sid not in offline.cli("webcare", "source", "list", org).stdout
    assert offline.cli("webcare", "source", "remove", sid, check=False).returncode != 0


def test_the_server_polls_by_itself(server, feeds):
    """The durable job: a source added while kring runs is polled within seconds."""
    org = uniq("org")
    server.cli("org", "add", org)
    sid = add(server, org, feeds.base + "/atom.xml")
    deadline = time.time() + 30
    while time.time() < deadline and not items(server, sid):
        time.sleep(0.3)
    assert len(items(server, sid)) == 1
    (every, next_at, last_ok), = sql(server, "SELECT poll_every, next_at, last_ok_at FROM webcare_sources"
                                             " WHERE id = %s" % sid)
    assert int(last_ok) > 0 and int(next_at) > int(last_ok)


def test_hashtag_on_another_kring(offline, org, start_server):
    other = start_server()
    from conftest import Client, PASSWORD
    name = uniq("mz")
    other.cli("user", "add", name, "--password", PASSWORD)
    c = Client(other.base)
    c.login(name)
    c.new_post("Vandaag weer een goede dag bij de dagbesteding #mantelzorg", "public")
    c.new_post("Alleen voor volgers #mantelzorg", "followers")
    sid = add(offline, org, other.base + "/some/path", "--tag", "#mantelzorg")
    n, out = poll(offline, sid)
    assert n == 1, out
    (key, title, text, link, author), = items(offline, sid)
    assert "goede dag bij de dagbesteding" in text and "<" not in text
    assert name in author and key.startswith("http")
    # The next poll asks only for what is newer (min_id): a new post is one new item.
    c.new_post("Nog een bericht #mantelzorg", "public")
    n, _ = poll(offline, sid)
    assert n == 1
    (min_id,), = sql(offline, "SELECT min_id FROM webcare_sources WHERE id = %s" % sid)
    assert min_id.isdigit()
    assert poll(offline, sid)[0] == 0
    # Both are in the inbox as hashtag items; the followers-only post is not.
    texts = [t for (t,) in sql(offline, "SELECT text FROM webcare_items WHERE origin = 'tag' ORDER BY id")]
    assert len(texts) == 2 and not any("Alleen voor volgers" in t for t in texts)


def test_inbox_items_get_sentiment_and_urgency(offline, org):
    """The inbox judges each item's text (scan/sentiment.c); before the
    merge every item was 'unsure' and never urgent."""
    for key, text in (("a", "Er is brand op de afdeling en niemand komt, help!"),
                      ("b", "Wat een fantastische zorg, heel hartelijk bedankt aan het hele team!"),
                      ("c", "Al drie weken geen antwoord op mijn klacht, dit is echt schandalig slecht.")):
        offline.cli("webcare", "ingest", org, "rss", key, text)
    got = dict(sql(offline, "SELECT origin_key, sentiment || ' ' || urgent FROM webcare_items"
                            " WHERE origin = 'rss' ORDER BY origin_key"))
    assert got["a"].endswith(" 1"), got
    assert got["b"] == "pos 0", got
    assert got["c"] == "neg 0", got
