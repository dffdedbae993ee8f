"""Server-sent events: updates, notifications and deletes reach open streams,
also for posts made on the web pages."""
import json
import queue
import re
import socket
import threading
import time

import pytest
import requests

from conftest import web_login


class Stream:
    """Read an SSE stream in a thread; events land in a queue."""

    def __init__(self, url, token=None):
        h = {"Accept": "text/event-stream"}
        if token:
            h["Authorization"] = "Bearer " + token
        self.r = requests.get(url, headers=h, stream=True, timeout=(5, 60))
        assert self.r.status_code == 200, self.r.text
        assert self.r.headers["Content-Type"].startswith("text/event-stream")
        self.q = queue.Queue()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        buf = b""
        try:
            # chunk_size=None: hand over data as it arrives, not in 512-byte blocks.
            for chunk in self.r.iter_content(chunk_size=None):
                buf += chunk
                while b"\n\n" in buf:
                    block, buf = buf.split(b"\n\n", 1)
                    ev = re.search(rb"^event: (.*)$", block, re.M)
                    data = re.search(rb"^data: (.*)$", block, re.M)
                    if ev and data:
                        self.q.put((ev.group(1).decode(), data.group(1).decode()))
        except Exception:
            pass

    def wait(self, pred, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                ev, data = self.q.get(timeout=max(0.05, deadline - time.time()))
            except queue.Empty:
                break
            if pred(ev, data):
                return ev, data
        return None

    def close(self):
        # Closing does not wake a thread blocked in recv: shut the socket down.
        try:
            self.r.raw._fp.fp.raw._sock.shutdown(socket.SHUT_RDWR)
        except (AttributeError, OSError):
            pass
        self.r.close()


def test_update_notification_delete(server, tokens):
    base = server.base
    ha = {"Authorization": "Bearer " + tokens["alice"]}
    hc = {"Authorization": "Bearer " + tokens["carol"]}
    carol = requests.get(base + "/api/v1/accounts/verify_credentials", headers=hc, timeout=10).json()
    requests.post(base + "/api/v1/accounts/%s/follow" % carol["id"], headers=ha, timeout=10)
    user = Stream(base + "/api/v1/streaming/user", tokens["alice"])
    notif = Stream(base + "/api/v1/streaming/user/notification?access_token=" + tokens["carol"])
    tag = Stream(base + "/api/v1/streaming/hashtag?tag=Stroom")
    pub = Stream(base + "/api/v1/streaming?stream=public")
    try:
        st = requests.post(base + "/api/v1/statuses", headers=hc, data={"status": "Nieuws in de #stroom", "visibility": "public"},
                           timeout=10).json()
        for s in (user, tag, pub):
            got = s.wait(lambda e, d: e == "update" and json.loads(d)["id"] == st["id"])
            assert got, "update not delivered"
        requests.post(base + "/api/v1/statuses/%s/favourite" % st["id"], headers=ha, timeout=10)
        got = notif.wait(lambda e, d: e == "notification" and json.loads(d)["type"] == "favourite")
        assert got and json.loads(got[1])["status"]["id"] == st["id"]
        requests.delete(base + "/api/v1/statuses/" + st["id"], headers=hc, timeout=10)
        assert user.wait(lambda e, d: e == "delete" and d == st["id"])
    finally:
        for s in (user, notif, tag, pub):
            s.close()


def test_web_post_reaches_stream(server, tokens):
    pub = Stream(server.base + "/api/v1/streaming/public/local", tokens["bob"])
    try:
        s = web_login(server.base, "dave")
        page = s.get(server.base + "/", timeout=10)
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)
        r = s.post(server.base + "/posts", data={"csrf": csrf, "text": "Vanaf de website", "visibility": "public"},
                   timeout=10)
        assert r.status_code == 200
        got = pub.wait(lambda e, d: e == "update" and "Vanaf de website" in d, timeout=10)
        assert got, "a post made on the web pages did not reach the stream"
        # Deleted on the web pages: the stream is told, so apps drop it too.
        sid = json.loads(got[1])["id"]
        page = s.get(server.base + "/posts/" + sid, timeout=10)
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)
        r = s.post(server.base + "/posts/%s/delete" % sid, data={"csrf": csrf}, timeout=10)
        assert r.status_code == 200
        assert pub.wait(lambda e, d: e == "delete" and d == sid, timeout=10), \
            "a post deleted on the web pages was not deleted on the stream"
    finally:
        pub.close()


# Shutting the socket down under Mastodon.py's reader thread makes it raise: expected.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_mastodon_py_stream_listener(server, tokens):
    """Mastodon.py's own streaming client (SSE) gets the update and the notification."""
    from mastodon import Mastodon, StreamListener

    got = queue.Queue()

    class L(StreamListener):
        def on_update(self, status):
            got.put(("update", status))

        def on_notification(self, n):
            got.put(("notification", n))

    a = Mastodon(access_token=tokens["alice"], api_base_url=server.base)
    b = Mastodon(access_token=tokens["bob"], api_base_url=server.base)
    handle = a.stream_user(L(), run_async=True, timeout=30)
    try:
        time.sleep(0.3)
        st = b.status_post("@alice hallo via de stream")
        seen = {}
        deadline = time.time() + 10
        while time.time() < deadline and len(seen) < 2:
            try:
                kind, obj = got.get(timeout=0.5)
            except queue.Empty:
                continue
            seen[kind] = obj
        assert "update" in seen, seen
        assert seen["update"]["id"] == st["id"]
        assert seen["notification"]["type"] == "mention"
        assert seen["notification"]["status"]["id"] == st["id"]
    finally:
        try:  # wake the reader thread blocked in recv, then close
            handle.connection.raw._fp.fp.raw._sock.shutdown(socket.SHUT_RDWR)
        except (AttributeError, OSError):
            pass
        handle.close()
