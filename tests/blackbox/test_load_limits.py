"""Findings 11 and 12 of the security review, under load: one address cannot
take the server down, and anonymous requests cannot make it buffer bodies.

Everything runs on loopback against a private server and stops by itself
(about 30 s).  Linux routes all of 127.0.0.0/8 to lo, so a client socket bound
to 127.0.0.N is another "address" for the server's per-address limit: the
attackers use some addresses, /healthz is asked from another.  Each test
prints how many connections it opened, how many the server kept and how
much memory the server used (pytest -s shows it; -q keeps it in the report
of a failure)."""
import http.client
import os
import resource
import socket
import sqlite3
import subprocess
import time

import pytest

from conftest import KRING_BIN, Server, sqlite_only

HEAD_DEADLINE = 10      # s: the whole request head must arrive in this time
PER_ADDRESS = 64        # connections one client address may hold (default)
SMALL_BODY = 64 * 1024  # the body limit of everything but authenticated uploads


def report(capsys, text):
    """The figures belong in make test's output, not in pytest's capture."""
    with capsys.disabled():
        print(text)


def raise_fd_limit(need):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < need:
        new = need if hard == resource.RLIM_INFINITY else min(need, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def connect_from(src, port, n, until):
    """Open n TCP connections from source address src (stop at time until);
    the kernel completes them even when the server closes them at once."""
    socks = []
    misses = 0
    for _ in range(n):
        if time.time() > until:
            break
        s = socket.socket()
        try:
            s.bind((src, 0))
            s.settimeout(0.5)
            s.connect(("127.0.0.1", port))
            s.setblocking(False)
            socks.append(s)
        except OSError:
            s.close()
            # The listen queue is full: the server stopped accepting.
            misses += 1
            if misses == 3:
                break
    return socks


def still_open(socks):
    """The sockets the server has not closed (no EOF or reset waiting)."""
    alive = []
    for s in socks:
        try:
            if s.recv(1, socket.MSG_PEEK):
                alive.append(s)
        except BlockingIOError:
            alive.append(s)
        except OSError:
            pass
    return alive


def close_all(socks):
    for s in socks:
        try:
            s.close()
        except OSError:
            pass


def healthz(port, src, timeout=3.0):
    """Ask /healthz from source address src; (ok, seconds)."""
    t0 = time.time()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(src, 0))
    try:
        c.request("GET", "/healthz")
        r = c.getresponse()
        ok = r.status == 200 and r.read() == b"ok\n"
    except OSError:
        ok = False
    finally:
        c.close()
    return ok, time.time() - t0


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def test_one_address_cannot_take_the_server_down(start_server, capsys):
    """1,000 idle connections from one address, a 1,000-connection slowloris
    from another and 1,000 slowloris connections spread over 20 addresses
    (50 each, under the per-address limit): /healthz keeps answering from a
    fresh address within 2 s, one address keeps at most its limit, and every
    connection that has not sent a whole request head is cut at the head
    deadline."""
    raise_fd_limit(8192)
    srv = start_server()
    port = srv.port
    head = b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"X-Slow: " + b"a" * 200
    t0 = time.time()
    until = t0 + 6
    idle = connect_from("127.0.0.2", port, 1000, until)
    slow_one = connect_from("127.0.0.3", port, 1000, until)
    slow_many = []
    for i in range(20):
        slow_many += connect_from("127.0.0.%d" % (10 + i), port, 50, until)
    opened = len(idle) + len(slow_one) + len(slow_many)
    slow = slow_one + slow_many
    t_open = time.time()  # the last connection opened
    try:
        time.sleep(0.5)
        kept_idle, kept_one, kept_many = (len(still_open(x)) for x in (idle, slow_one, slow_many))
        rss = rss_kib(srv.proc.pid)
        report(capsys, "\nload: opened %d connections in %.1f s; the server kept %d of 1000 idle from one address, "
              "%d of 1000 slowloris from one address, %d of %d slowloris from 20 addresses; RSS %d MiB"
              % (opened, time.time() - t0, kept_idle, kept_one, kept_many, len(slow_many), rss // 1024))
        worst = 0.0
        fails = 0
        sent = 0
        # One header byte every second on every slow connection, until the
        # deadline plus a margin; /healthz from a fresh address meanwhile.
        while time.time() - t_open < HEAD_DEADLINE + 3:
            for s in slow:
                try:
                    s.send(head[sent % len(head):sent % len(head) + 1])
                except OSError:
                    pass
            sent += 1
            ok, took = healthz(port, "127.0.0.1")
            worst = max(worst, took)
            fails += not ok
            time.sleep(max(0.0, 1.0 - took))
        left_idle, left_slow = len(still_open(idle)), len(still_open(slow))
        report(capsys, "load: /healthz answered in at most %.2f s (%d failures); after %.0f s %d idle and %d slow "
              "connections were left open; RSS %d MiB"
              % (worst, fails, time.time() - t0, left_idle, left_slow, rss_kib(srv.proc.pid) // 1024))
        assert fails == 0 and worst < 2.0, "/healthz failed %d times, slowest %.1f s" % (fails, worst)
        assert kept_idle <= PER_ADDRESS and kept_one <= PER_ADDRESS, (kept_idle, kept_one)
        # Under the per-address limit and far under the global one: all kept.
        assert kept_many >= len(slow_many) - 5, kept_many
        assert left_idle == 0 and left_slow == 0, (left_idle, left_slow)
        assert healthz(port, "127.0.0.2")[0], "the attacking address is not let in again"
    finally:
        close_all(idle + slow)
    srv.assert_clean_stop()


def withheld_post(port, src, path, headers, first):
    s = socket.socket()
    s.bind((src, 0))
    s.settimeout(3)
    s.connect(("127.0.0.1", port))
    req = "POST %s HTTP/1.1\r\nHost: x\r\n%s\r\n" % (path, "".join("%s: %s\r\n" % kv for kv in headers))
    try:
        s.sendall(req.encode() + first)
    except OSError:
        pass
    return s


def test_withheld_bodies_do_not_fill_memory(start_server, capsys):
    """40 anonymous multipart POSTs to /login that announce 16 MiB and send
    2 MiB, and 40 that send 1 MiB in chunks, then wait: the server must not
    hold what they sent (the small body limit applies before any of it is
    read)."""
    raise_fd_limit(4096)
    srv = start_server()
    port = srv.port
    for _ in range(3):
        healthz(port, "127.0.0.1")
    before = rss_kib(srv.proc.pid)
    chunk = b"x" * (256 * 1024)
    mp = [("Content-Type", "multipart/form-data; boundary=XyZ")]
    socks = []
    t0 = time.time()
    try:
        for i in range(40):
            socks.append(withheld_post(port, "127.0.0.4", "/login",
                                       mp + [("Content-Length", str(16 * 1024 * 1024 - 1))],
                                       b"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"))
        for i in range(40):
            socks.append(withheld_post(port, "127.0.0.5", "/login", mp + [("Transfer-Encoding", "chunked")], b""))
        # 2 MiB on each announced body, 1 MiB in chunks on each chunked one.
        dead = set()
        for rnd in range(8):
            for k, s in enumerate(socks):
                if k in dead:
                    continue
                data = chunk if k < 40 else b"%x\r\n%s\r\n" % (len(chunk) // 2, chunk[:len(chunk) // 2])
                try:
                    s.sendall(data)
                except OSError:
                    dead.add(k)
        time.sleep(1.0)
        after = rss_kib(srv.proc.pid)
        grew = (after - before) // 1024
        report(capsys, "\nbodies: %d withheld POSTs (%d MiB sent) in %.1f s; server RSS %d -> %d MiB (+%d MiB)"
              % (len(socks), (40 * 2 + 40 * 1), time.time() - t0, before // 1024, after // 1024, grew))
        assert healthz(port, "127.0.0.1")[0]
        assert grew < 24, "the server buffered %d MiB of anonymous bodies" % grew
    finally:
        close_all(socks)
    srv.assert_clean_stop()


@sqlite_only
def test_a_request_waiting_behind_a_slow_one_is_not_cut(capsys):
    """The head deadline is for clients that do not send their request, not
    for a server that has not read it yet.  With one request thread, a
    connection opened early sends its request while that thread is held by
    another request (a write waiting 5 s for the database, locked here from
    outside) past the connection's head deadline: it must be answered, not
    closed unanswered as a slowloris.  (Seen in CI as "Remote end closed
    connection without response" when 20 bookings of one slot queued on
    four request threads.)"""
    srv = Server(env={"KRING_THREADS": "1"}).start()
    try:
        port = srv.port
        t0 = time.time()
        late = socket.create_connection(("127.0.0.1", port), timeout=30)
        time.sleep(0.3)  # accepted by the one thread, waiting for its head
        slow = socket.create_connection(("127.0.0.1", port), timeout=30)
        time.sleep(0.3)
        db = sqlite3.connect(os.path.join(srv.data, "kring.db"), isolation_level=None, timeout=10)
        db.execute("BEGIN IMMEDIATE")  # the server's writers now wait (busy timeout 5 s)
        try:
            # Just before the late connection's deadline: a write takes the thread...
            time.sleep(max(0.0, HEAD_DEADLINE - 1.5 - (time.time() - t0)))
            body = b"client_name=wacht&redirect_uris=urn:ietf:wg:oauth:2.0:oob"
            slow.sendall(b"POST /api/v1/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            time.sleep(0.5)
            # ...and the late connection's whole request arrives while it waits.
            late.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            got = b""
            while True:
                try:
                    part = late.recv(4096)
                except OSError:
                    break
                if not part:
                    break
                got += part
            took = time.time() - t0
            report(capsys, "\nqueued: the request sent %.1f s after its connection opened was answered %.1f s after"
                   % (HEAD_DEADLINE - 1.0, took))
            assert got.startswith(b"HTTP/1.1 200"), "closed unanswered after %.1f s: %r" % (took, got[:80])
            slow_answer = slow.recv(4096)
            assert slow_answer.startswith(b"HTTP/1.1 "), slow_answer[:80]
        finally:
            db.execute("ROLLBACK")
            db.close()
        late.close()
        slow.close()
    finally:
        srv.assert_clean_stop()
        srv.cleanup()


def test_a_second_server_on_the_same_port_is_refused(start_server):
    """A second kring started on the same port by mistake must stop with a
    clear error, not share the connections (and answer from another
    database), and the first keep serving.  (Listening sockets with
    SO_REUSEPORT, tried in the thirteenth performance round, would have let
    it start: this test failed against them without a bind check.)"""
    first = start_server()
    second = Server()
    try:
        r = subprocess.run([KRING_BIN, "serve", "--listen", first.listen, "--data", second.data],
                           env=second.env(), stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    finally:
        second.cleanup()
    assert r.returncode != 0, "a second server started on port %d" % first.port
    assert b"cannot listen on" in r.stderr, r.stderr[-400:]
    assert healthz(first.port, "127.0.0.1")[0]
    first.assert_clean_stop()
