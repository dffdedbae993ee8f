"""Server-sent events: updates, notifications and deletes reach open streams,
also for posts made on the web pages."""
import json
import queue
import re
import threading
import time

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
        event = None
        try:
            for line in self.r.iter_lines(decode_unicode=True):
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event:
                    self.q.put((event, line[6:]))
                    event = None
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
        st = requests.post(base + "/api/v1/statuses", headers=hc, data={"status": "Nieuws in de #stroom"},
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
    finally:
        pub.close()
