"""PostgreSQL: several kring processes on one database, and the database
restarting under a running kring (KRING_TEST_DB=pg, run by `make blackbox-pg`)."""
import time

from conftest import PASSWORD, Server, pg_only, pg_server, post_ids

pytestmark = pg_only


def two_servers(start_server):
    """Two processes on different ports sharing the first one's database."""
    a = start_server()
    b = Server()
    b.db_url = a.db_url
    b.start()
    return a, b


def stop_both(*servers):
    """Stop every server; the first one's database is the fixture's to drop."""
    for s in servers:
        s.assert_clean_stop()
    for s in servers[1:]:
        s.cleanup()


def test_two_processes_share_sessions_posts_and_rate_limits(start_server):
    a, b = two_servers(start_server)
    try:
        name = a.add_user()
        ca = a.login(name)
        # The session lives in the database: the cookie works on the other process.
        cb = b.client()
        cb.s.cookies.update(ca.s.cookies)
        r = cb.get("/settings")
        assert r.status_code == 200, r.status_code
        assert name in r.text
        # Written on one, read on the other (and in its timeline).
        pid = cb.new_post("geschreven via proces b")
        r = ca.get("/posts/%d" % pid)
        assert r.status_code == 200 and "geschreven via proces b" in r.text
        assert pid in post_ids(ca.get("/@" + name).text)
        pid2 = ca.new_post("en een antwoord via a", in_reply_to=str(pid))
        assert "en een antwoord via a" in cb.get("/posts/%d" % pid).text or \
            cb.get("/posts/%d" % pid2).status_code == 200
        # Failed logins are counted in the database, across both processes:
        # 20 from one address (on names with one failure each, so no
        # account's own growing wait answers first), then it waits.
        victim = a.add_user()
        codes = []
        for i in range(22):
            srv = (a, b)[i % 2]
            c = srv.client()
            codes.append(c.post("/login", {"username": "onbekend%d" % i, "password": "verkeerd-wachtwoord",
                                           "next": "/"}).status_code)
        assert codes[:20] == [401] * 20, codes
        assert codes[20:] == [429, 429], codes
        r = b.client().post("/login", {"username": victim, "password": PASSWORD, "next": "/"})
        assert r.status_code == 429
        r = a.client().post("/login", {"username": victim, "password": PASSWORD, "next": "/"})
        assert r.status_code == 429
    finally:
        stop_both(a, b)


def wait_status(c, path, want, seconds):
    """Poll until a request answers `want`; return the statuses seen."""
    seen = []
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            seen.append(c.get(path, timeout=10).status_code)
        except Exception as e:  # noqa: BLE001 - a refused or reset request is a failure to report
            seen.append(repr(e)[:60])
        if seen[-1] == want:
            return seen
        time.sleep(0.2)
    return seen


def test_database_restart_gives_503_then_recovers(start_server):
    a, b = two_servers(start_server)
    idle = Server()
    idle.db_url = a.db_url
    idle.start()
    try:
        name = a.add_user()
        ca = a.login(name)
        pid = ca.new_post("voor de herstart")
        cb = b.login(name)
        assert cb.get("/posts/%d" % pid).status_code == 200
        ci = idle.login(name)
        for _ in range(12):  # every worker thread has its connection
            assert ci.get("/posts/%d" % pid).status_code == 200
        pg_server("stop")
        try:
            for srv, c in ((a, ca), (b, cb)):
                seen = wait_status(c, "/posts/%d" % pid, 503, 10)
                assert seen[-1] == 503, seen
                assert 500 not in seen, seen
                # Still 503 (not 500, no crash) while the database stays down.
                assert c.get("/@" + name).status_code == 503
                r = c.post("/posts", {"text": "tijdens de storing", "visibility": "public"})
                # The session cannot be read: 503, never a 500, never accepted.
                assert r.status_code == 503, r.status_code
                assert srv.proc.poll() is None, srv.stderr()[-2000:]
        finally:
            pg_server("start")
        # A process that was idle during the restart notices its connections
        # were closed before using them: no error at all.
        for _ in range(12):
            assert ci.get("/posts/%d" % pid).status_code == 200
        # Back without restarting kring; every worker thread reconnects.
        for c in (ca, cb):
            seen = wait_status(c, "/posts/%d" % pid, 200, 30)
            assert seen[-1] == 200, seen
            for _ in range(12):
                assert c.get("/@" + name).status_code == 200
        pid2 = cb.new_post("na de herstart")
        assert ca.get("/posts/%d" % pid2).status_code == 200
        assert "AddressSanitizer" not in a.stderr() + b.stderr()
    finally:
        stop_both(a, b, idle)


def test_api_cache_of_one_process_sees_writes_through_another(start_server):
    """Each process caches timeline answers; a post, favourite or delete made
    through the other process shows in the next answer all the same."""
    import requests

    from test_api_cache import by_id, timeline, token
    a, b = two_servers(start_server)
    try:
        reader, writer = a.add_user(), a.add_user()
        ra, wb = a.login(reader), b.login(writer)
        assert ra.post("/@%s/follow" % writer, {}).status_code in (200, 303)
        tok = token(a, reader)
        pid = wb.new_post("via proces b, gelezen via proces a")
        for _ in range(3):
            assert by_id(timeline(a, tok), pid) is not None
        pid2 = wb.new_post("nog een via proces b")
        assert timeline(a, tok)[0]["id"] == str(pid2)
        # The token works on both processes; a favourite through b shows on a.
        r = requests.post(b.base + "/api/v1/statuses/%d/favourite" % pid, timeout=10,
                          headers={"Authorization": "Bearer " + tok})
        assert r.status_code == 200, r.text
        assert by_id(timeline(a, tok), pid)["favourited"] is True
        assert wb.post("/posts/%d/delete" % pid2, {}).status_code in (200, 303)
        assert by_id(timeline(a, tok), pid2) is None
    finally:
        stop_both(a, b)


def sse_events(url, token, out, stop):
    """Read server-sent events into the list out until stop is set."""
    import requests
    r = requests.get(url, headers={"Authorization": "Bearer " + token, "Accept": "text/event-stream"},
                     stream=True, timeout=(5, 30))
    out.append(("status", str(r.status_code)))
    buf = b""
    try:
        for chunk in r.iter_content(chunk_size=None):
            buf += chunk
            while b"\n\n" in buf:
                block, buf = buf.split(b"\n\n", 1)
                ev = [l[7:] for l in block.split(b"\n") if l.startswith(b"event: ")]
                data = [l[6:] for l in block.split(b"\n") if l.startswith(b"data: ")]
                if ev and data:
                    out.append((ev[0].decode(), data[0].decode()))
            if stop.is_set():
                break
    except Exception:  # noqa: BLE001 - the stream ends when the server stops
        pass
    finally:
        r.close()


def test_streams_get_what_another_process_did(start_server):
    """A client streaming from one process hears of posts made and deleted
    through the other (LISTEN/NOTIFY; a delete is never found by polling)."""
    import json
    import threading

    import requests

    from test_api_cache import token
    a, b = two_servers(start_server)
    stop = threading.Event()
    try:
        reader, writer = a.add_user(), a.add_user()
        assert a.login(reader).post("/@%s/follow" % writer, {}).status_code in (200, 303)
        tok_r, tok_w = token(a, reader), token(b, writer)
        events = []
        t = threading.Thread(target=sse_events, args=(a.base + "/api/v1/streaming/user", tok_r, events, stop),
                             daemon=True)
        t.start()

        def wait_for(pred, seconds=15):
            deadline = time.time() + seconds
            while time.time() < deadline:
                for ev in list(events):
                    if pred(ev):
                        return ev
                time.sleep(0.05)
            return None

        assert wait_for(lambda e: e[0] == "status"), events
        assert ("status", "200") in events, events
        time.sleep(0.5)  # the subscription is in place once the headers came
        h = {"Authorization": "Bearer " + tok_w}
        r = requests.post(b.base + "/api/v1/statuses", headers=h, data={"status": "via proces b, live naar a"},
                          timeout=10)
        assert r.status_code == 200, r.text
        sid = r.json()["id"]
        got = wait_for(lambda e: e[0] == "update" and json.loads(e[1])["id"] == sid)
        assert got, events
        assert "live naar a" in json.loads(got[1])["content"]
        r = requests.delete(b.base + "/api/v1/statuses/" + sid, headers=h, timeout=10)
        assert r.status_code == 200, r.text
        assert wait_for(lambda e: e == ("delete", sid)), events
    finally:
        stop.set()
        stop_both(a, b)
