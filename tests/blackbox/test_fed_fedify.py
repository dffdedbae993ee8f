"""kring against an ActivityPub server we did not write (issue 21): a small
peer built with Fedify (npm @fedify/fedify, tests/fedify/peer.mjs) on
127.0.0.1.  Fedify verifies the HTTP Signature of everything kring posts to
it before its listeners see it (its log holds verified activities only), and
kring verifies Fedify's.  The peer follows a kring account (kring's signed
Accept arrives), receives a post (a signed Create), replies (kring shows the
reply in the thread), and is followed back (kring's Follow is verified and
accepted by Fedify; the peer's next post reaches kring).

The node packages are installed from tests/fedify/package-lock.json when
missing (npm ci); without node/npm or the registry the test is skipped."""
import os
import shutil
import subprocess
import tempfile
import time

import pytest
import requests

from conftest import free_port, uniq
from test_federation import fed_server, host, notes, wait_for
from test_federation_remote import api, token

HERE = os.path.dirname(os.path.abspath(__file__))
PEER_DIR = os.path.join(os.path.dirname(HERE), "fedify")
AP = "application/activity+json"


def install_peer():
    """npm ci once (bounded); the reason it cannot be done, or None."""
    stamp = os.path.join(PEER_DIR, "node_modules", ".package-lock.json")
    lock = os.path.join(PEER_DIR, "package-lock.json")
    if os.path.exists(stamp) and os.path.getmtime(stamp) >= os.path.getmtime(lock):
        return None
    if not shutil.which("node") or not shutil.which("npm"):
        return "node and npm are needed for the Fedify peer"
    try:
        r = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PEER_DIR,
                           capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return "npm ci for tests/fedify took more than 300 s"
    if r.returncode != 0:
        return "npm ci for tests/fedify failed (no registry?): " + r.stderr[-300:]
    return None


def inbox_lines(s):
    """kring's log lines about its inboxes and federation, for a failure."""
    return "\n".join(l for l in s.stderr().splitlines() if "inbox" in l or "fed" in l)[-3000:]


class FedifyPeer:
    def __init__(self):
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.actor = self.base + "/users/fedi"
        fd, self.log_path = tempfile.mkstemp(prefix="kring-fedify-", suffix=".log")
        self.err = os.fdopen(fd, "w+")
        self.proc = subprocess.Popen(["node", os.path.join(PEER_DIR, "peer.mjs"), str(self.port)], cwd=PEER_DIR,
                                     stdout=self.err, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if requests.get(self.base + "/_test/log", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                time.sleep(0.2)
        self.close()
        raise AssertionError("the Fedify peer did not start: " + self.output())

    def output(self):
        self.err.seek(0)
        return self.err.read()[-3000:]

    def log(self):
        return requests.get(self.base + "/_test/log", timeout=10).json()

    def received(self, kind):
        return [x for x in self.log() if x.get("type") == kind]

    def call(self, what, **body):
        r = requests.post(self.base + "/_test/" + what, json=body, timeout=60)
        assert r.status_code == 200, (r.status_code, r.text, self.output())
        return r.json()

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.err.close()
        os.unlink(self.log_path)


@pytest.fixture(scope="module")
def peer():
    why = install_peer()
    if why:
        pytest.skip(why)
    p = FedifyPeer()
    yield p
    p.close()


@pytest.fixture(scope="module")
def kring():
    s = fed_server()
    yield s
    s.assert_clean_stop()
    s.cleanup()


def obj_id(v):
    return v if isinstance(v, str) else (v or {}).get("id")


def test_fedify_peer_follows_receives_replies_and_is_followed_back(peer, kring):
    ann = kring.new_user(prefix="ann")
    me = "%s/users/%s" % (kring.base, ann.name)
    # Fedify checks signatures: an unsigned activity is refused there.
    r = requests.post(peer.base + "/users/fedi/inbox", data='{"@context":"https://www.w3.org/ns/activitystreams",'
                      '"id":"%s#x","type":"Create","actor":"%s","object":{"type":"Note","content":"x"}}' % (me, me),
                      headers={"Content-Type": AP}, timeout=10)
    assert r.status_code == 401, r.status_code
    assert not peer.log()

    # 1. The peer follows ann; kring's Accept arrives at Fedify, verified.
    follow_id = peer.call("follow", actor=me)["id"]
    assert wait_for(lambda: peer.received("Accept")), peer.output()
    acc = peer.received("Accept")[0]
    assert acc["actor"] == me and obj_id(acc["object"]) == follow_id

    # 2. ann posts: the Create reaches Fedify, verified, with the Note.
    w = "fedifywoord" + uniq("w")
    # (not "Hallo Fedify": a greeting to an unknown capitalised word reads as a
    # person greeted by name, and the privacy guard asks about it first)
    pid = ann.new_post("Eerste bericht naar Fedify " + w)
    assert wait_for(lambda: [c for c in peer.received("Create") if w in str(c)]), peer.output()
    create = [c for c in peer.received("Create") if w in str(c)][0]
    note = create["object"]
    assert create["actor"] == me and note["attributedTo"] == me
    note_id = note["id"]
    assert note_id == "%s/statuses/%d" % (me, pid)

    # 3. The peer replies; kring takes it in and shows it in ann's thread.
    rw = "antwoordvanfedify" + uniq("r")
    peer.call("reply", actor=me, inReplyTo=note_id, content="<p>Dank je! %s</p>" % rw)
    ha = token(kring, ann.name)

    def reply_in_thread():
        r = api(kring, ha, "GET", "/api/v1/statuses/%d/context" % pid)
        return r.status_code == 200 and [s for s in r.json()["descendants"] if rw in s["content"]]
    got = wait_for(reply_in_thread)
    assert got, (inbox_lines(kring), peer.output())
    assert got[0]["account"]["acct"] == "fedi@" + host(peer)
    assert got[0]["in_reply_to_id"] == str(pid)

    # 4. ann follows the peer back: Fedify verifies kring's Follow, accepts;
    # the follow counts on kring, and the peer's next post arrives.
    r = kring.cli("fed", "follow", ann.name, "fedi@127.0.0.1:%d" % peer.port, check=False)
    assert r.returncode == 0, r.stderr
    assert wait_for(lambda: peer.received("Follow")), peer.output()
    f = peer.received("Follow")[0]
    assert f["actor"] == me and obj_id(f["object"]) == peer.actor
    assert wait_for(lambda: me in requests.get(peer.base + "/_test/followers", timeout=10).json())
    assert wait_for(lambda: "POST /users/%s/inbox 202" % ann.name in kring.stderr())
    pw = "fedifypost" + uniq("p")
    assert wait_for(lambda: peer.call("post", content="<p>Nieuws %s</p>" % pw)["sent"] >= 1)
    assert wait_for(lambda: pw in notes(kring)), (inbox_lines(kring), peer.output())

    def in_home():
        r = api(kring, ha, "GET", "/api/v1/timelines/home", params={"limit": 40})
        return r.status_code == 200 and [s for s in r.json() if pw in s["content"]]
    assert wait_for(in_home)


def media_ready(s, h, mid):
    deadline = time.time() + 30
    while time.time() < deadline:
        r = api(s, h, "GET", "/api/v1/media/%s" % mid)
        if r.status_code == 200 and r.json().get("url"):
            return r.json()
        time.sleep(0.2)
    raise AssertionError("media not processed")


def test_notes_with_more_than_text_both_ways(peer, kring):
    """Mentions, hashtags, a content warning, media with alt text and a poll
    go out in a Note Fedify understands, and come in from Fedify to the
    Mastodon API as a local post's do (spoiler_text, tags, mentions,
    media_attachments with remote_url and description, poll)."""
    from test_media import png, read
    ann = kring.new_user(prefix="ann")
    bob = kring.add_user(uniq("bob"))
    me = "%s/users/%s" % (kring.base, ann.name)
    peer.call("follow", actor=me)
    assert wait_for(lambda: [x for x in peer.received("Accept") if x["actor"] == me]), peer.output()
    ha = token(kring, ann.name)
    r = requests.post(kring.base + "/api/v2/media", headers=ha, data={"description": "Een foto van de tuin"},
                      files=[("file", ("tuin.png", read(png()), "image/png"))], timeout=30)
    assert r.status_code in (200, 202), r.text
    media = media_ready(kring, ha, r.json()["id"])
    w = "rijkwoord" + uniq("w")
    r = api(kring, ha, "POST", "/api/v1/statuses", data={
        "status": "Koffie of thee, @%s? #Zorgdag %s" % (bob, w), "visibility": "public",
        "spoiler_text": "Over eten", "sensitive": "true", "media_ids[]": [media["id"]]})
    assert r.status_code == 200, r.text
    w2 = "peilwoord" + uniq("p")
    r = api(kring, ha, "POST", "/api/v1/statuses", data={
        "status": "Wat drinkt u? " + w2, "visibility": "public", "poll[options][]": ["Koffie", "Thee"],
        "poll[expires_in]": "3600", "poll[multiple]": "true"})
    assert r.status_code == 200, r.text

    # Out: Fedify parsed (JSON-LD) and verified both; what it kept shows the parts.
    def created(word):
        return [c["object"] for c in peer.received("Create") if word in str(c)]
    assert wait_for(lambda: created(w) and created(w2)), peer.output()
    note = created(w)[0]
    assert note["summary"] == "Over eten" and note["sensitive"] is True
    tags = note["tag"] if isinstance(note["tag"], list) else [note["tag"]]
    assert {"type": "Hashtag", "href": kring.base + "/tags/zorgdag", "name": "#zorgdag"} in tags
    assert [t for t in tags if t["type"] == "Mention" and t["href"] == "%s/users/%s" % (kring.base, bob)]
    att = note["attachment"] if isinstance(note["attachment"], list) else [note["attachment"]]
    assert att[0]["type"] == "Document" and att[0]["name"] == "Een foto van de tuin"
    assert att[0]["url"] == media["url"] and att[0]["mediaType"].startswith("image/")
    q = created(w2)[0]
    assert q["type"] == "Question" and [o["name"] for o in q["anyOf"]] == ["Koffie", "Thee"]
    assert q["anyOf"][0]["replies"]["totalItems"] == 0 and "endTime" in q

    # In: the peer's reply with the same parts, and a poll of its own.
    rw = "rijkantwoord" + uniq("r")
    pid = int(created(w)[0]["id"].rsplit("/", 1)[1])
    peer.call("reply", actor=me, inReplyTo=created(w)[0]["id"], content="<p>Thee! %s</p>" % rw,
              summary="Over <b>drinken</b>", sensitive=True, hashtags=["Theetijd"], mentions=[me],
              attachments=[{"url": peer.base + "/media/kopje.png", "mediaType": "image/png",
                            "name": "Een kopje thee"},
                           {"url": "javascript:alert(1)", "mediaType": "image/png", "name": "niet"},
                           {"url": "file:///etc/passwd", "mediaType": "image/png", "name": "niet"}])
    qw = "fedifypeiling" + uniq("q")
    peer.call("reply", actor=me, inReplyTo=created(w)[0]["id"], content="<p>En u? %s</p>" % qw,
              poll={"options": ["Met suiker", "Zonder"], "multiple": False})

    def in_thread(word):
        r = api(kring, ha, "GET", "/api/v1/statuses/%d/context" % pid)
        return r.status_code == 200 and [s for s in r.json()["descendants"] if word in s["content"]]
    got = wait_for(lambda: in_thread(rw) and in_thread(qw))
    assert got, (inbox_lines(kring), peer.output())
    st = in_thread(rw)[0]
    assert st["spoiler_text"] == "Over drinken" and st["sensitive"] is True
    assert [t["name"] for t in st["tags"]] == ["theetijd"]
    assert [m["acct"] for m in st["mentions"]] == [ann.name]
    # Only http(s) addresses are kept (the others are dropped).
    assert [m["remote_url"] for m in st["media_attachments"]] == [peer.base + "/media/kopje.png"]
    assert st["media_attachments"][0]["description"] == "Een kopje thee"
    pq = in_thread(qw)[0]["poll"]
    assert pq and [o["title"] for o in pq["options"]] == ["Met suiker", "Zonder"] and pq["multiple"] is False
