"""Durability: SIGKILL mid-burst keeps every acknowledged post; SIGTERM stops cleanly."""
import re
import signal
import subprocess
import threading
import time

import requests

from conftest import KRING_BIN, Client


def burst(srv, clients, per_thread, stop_evt):
    acked = {}
    lock = threading.Lock()

    def run(c):
        for i in range(per_thread):
            if stop_evt.is_set():
                return
            try:
                r = c.post("/posts", {"text": "burst %s %d" % (c.name, i), "visibility": "public"}, timeout=5)
            except requests.RequestException:
                return
            if r.status_code == 303:
                m = re.match(r"^/posts/(\d+)", r.headers.get("Location", ""))
                if m:
                    with lock:
                        acked[int(m.group(1))] = c
    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    return threads, acked


def test_sigkill_keeps_acknowledged_posts(start_server):
    srv = start_server()
    names = [srv.add_user("crash%d" % i) for i in range(3)]
    clients = [srv.login(n) for n in names]
    stop = threading.Event()
    threads, acked = burst(srv, clients, 400, stop)
    deadline = time.time() + 10
    while len(acked) < 40 and time.time() < deadline:
        time.sleep(0.01)
    srv.proc.send_signal(signal.SIGKILL)
    srv.proc.wait(timeout=5)
    stop.set()
    for t in threads:
        t.join(timeout=10)
    assert len(acked) >= 10, "burst too slow to test anything: %d" % len(acked)
    snapshot = dict(acked)

    srv2 = start_server(data=srv.data)
    missing = []
    for pid, c in snapshot.items():
        c2 = Client(srv2.base)
        c2.s.cookies = c.s.cookies  # sessions survive a restart
        r = c2.get("/posts/%d" % pid)
        if r.status_code != 200:
            missing.append((pid, r.status_code))
    assert not missing, "acknowledged posts lost after SIGKILL: %s" % missing[:10]
    # The database still works.
    c = srv2.login(names[0])
    c.new_post("na de crash")
    srv2.assert_clean_stop()


def test_sigterm_while_requests_run(start_server):
    srv = start_server()
    name = srv.add_user("sigterm")
    c = srv.login(name)
    stop = threading.Event()
    errors = []

    def reader():
        s = requests.Session()
        for _ in range(2000):
            if stop.is_set():
                return
            try:
                s.get(srv.base + "/local", timeout=5)
            except requests.RequestException:
                return
            except Exception as e:  # pragma: no cover
                errors.append(e)
                return

    threads, acked = burst(srv, [c], 2000, stop)
    readers = [threading.Thread(target=reader) for _ in range(3)]
    for t in readers:
        t.start()
    deadline = time.time() + 5
    while len(acked) < 10 and time.time() < deadline:
        time.sleep(0.01)
    rc = srv.stop(signal.SIGTERM, timeout=15)
    stop.set()
    for t in threads + readers:
        t.join(timeout=10)
    assert rc == 0, "exit code %s after SIGTERM; stderr: %s" % (rc, srv.stderr()[-2000:])
    err = srv.stderr()
    assert "AddressSanitizer" not in err and "runtime error:" not in err
    # The database opens cleanly: CLI works, and a new server sees every acknowledged post.
    r = subprocess.run([KRING_BIN, "user", "list", "--data", srv.data], capture_output=True, text=True,
                       timeout=30, env=srv.env())
    assert r.returncode == 0 and name in r.stdout, r.stderr
    srv2 = start_server(data=srv.data)
    c2 = srv2.login(name)
    for pid in list(acked)[:50]:
        assert c2.get("/posts/%d" % pid).status_code == 200
    srv2.assert_clean_stop()
