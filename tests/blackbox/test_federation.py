"""ActivityPub federation between two kring instances on 127.0.0.1 (issue 21,
docs/federation.md): WebFinger and actors, a follow from the other server
accepted, a public post delivered, and what is closed staying closed.

Plain http on loopback is allowed only because the servers run with
KRING_FED_LOOPBACK=1, a flag for tests; without it federation reaches
https on public addresses only (test_loopback_refused_without_flag)."""
import random
import re
import time

import pytest
import requests

from conftest import Server, free_port, uniq

AP = "application/activity+json"
GROUP_ID_RE = re.compile(r'name="group_id" value="(\d+)"')


def fed_server(**env):
    """An instance that federates over loopback (env: more settings)."""
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    # A poll's counts go out 1 s after a vote (not a minute).
    s = Server(env=dict({"KRING_FED_LOOPBACK": "1", "KRING_BASE_URL": base, "KRING_FED_POLL_DELAY": "1"}, **env))
    s.start(port=port)
    return s


@pytest.fixture(scope="module")
def pair():
    a, b = fed_server(), fed_server()
    yield a, b
    for s in (a, b):
        s.assert_clean_stop()
        s.cleanup()


def host(s):
    return "127.0.0.1:%d" % s.port


def wait_for(fn, timeout=30):
    """Poll fn until it returns something true, at most timeout seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = fn()
        if v:
            return v
        time.sleep(0.3)
    return fn()


def notes(s):
    return s.cli("fed", "notes").stdout


def follow(frm, name, target, acct, accepted=True):
    """name on frm follows acct on target; wait until target's Accept has
    come back to name's inbox (or, accepted=False, until the Follow arrived)."""
    r = frm.cli("fed", "follow", name, "%s@%s" % (acct, host(target)), check=False)
    assert r.returncode == 0, r.stderr
    if accepted:
        seen = "POST /users/%s/inbox 202" % name
        assert wait_for(lambda: frm.stderr().count(seen) > 0), "no Accept came back"
    else:
        seen = "POST /users/%s/inbox 202" % acct
        assert wait_for(lambda: seen in target.stderr()), "the Follow did not arrive"
    return r


def make_group(owner, kind):
    name = uniq("k")
    r = owner.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                               "rules": "Wees aardig", "kind": kind, "premod": "none"})
    assert r.status_code == 303, r.text[:500]
    r = owner.get("/g/" + name)
    return GROUP_ID_RE.search(r.text).group(1)


def test_webfinger_actor_and_discovery(pair):
    a, _ = pair
    ann = a.new_user(prefix="ann")
    org = uniq("org")
    a.cli("org", "add", org)
    r = requests.get(a.base + "/.well-known/webfinger", params={"resource": "acct:%s@%s" % (ann.name, host(a))})
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/jrd+json")
    j = r.json()
    assert j["subject"] == "acct:%s@%s" % (ann.name, host(a))
    self_link = [l for l in j["links"] if l["rel"] == "self"][0]
    assert self_link["type"] == AP and self_link["href"] == a.base + "/users/" + ann.name
    # The actor URL itself is a resource too, and an unknown one is 404.
    r = requests.get(a.base + "/.well-known/webfinger", params={"resource": a.base + "/users/" + ann.name})
    assert r.status_code == 200 and r.json()["subject"].startswith("acct:" + ann.name)
    for bad in ("acct:nobody@%s" % host(a), "acct:%s@elsewhere.example" % ann.name, "x" * 600):
        assert requests.get(a.base + "/.well-known/webfinger", params={"resource": bad}).status_code == 404
    assert requests.get(a.base + "/.well-known/webfinger").status_code == 400
    # host-meta points at WebFinger; NodeInfo says activitypub, now true.
    r = requests.get(a.base + "/.well-known/host-meta")
    assert r.status_code == 200 and "/.well-known/webfinger?resource={uri}" in r.text
    assert "activitypub" in requests.get(a.base + "/nodeinfo/2.0").json()["protocols"]
    # The actor: a Person with its key, inbox, outbox, collections, shared inbox.
    r = requests.get(a.base + "/users/" + ann.name, headers={"Accept": AP})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(AP)
    p = r.json()
    assert p["type"] == "Person" and p["id"] == a.base + "/users/" + ann.name
    assert p["inbox"].endswith("/users/%s/inbox" % ann.name) and p["endpoints"]["sharedInbox"] == a.base + "/inbox"
    assert p["publicKey"]["owner"] == p["id"] and "BEGIN PUBLIC KEY" in p["publicKey"]["publicKeyPem"]
    # The key is made once and kept.
    again = requests.get(a.base + "/users/" + ann.name, headers={"Accept": AP}).json()
    assert again["publicKey"]["publicKeyPem"] == p["publicKey"]["publicKeyPem"]
    # Content negotiation: the profile address gives the actor, a browser the page.
    r = requests.get(a.base + "/@" + ann.name, headers={"Accept": 'application/ld+json; profile="x"'})
    assert r.status_code == 200 and r.json()["id"] == p["id"]
    r = requests.get(a.base + "/@" + ann.name, headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    r = requests.get(a.base + "/users/" + ann.name, headers={"Accept": "text/html"}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].endswith("/@" + ann.name)
    # An organisation is an Organization.
    o = requests.get(a.base + "/users/" + org, headers={"Accept": AP}).json()
    assert o["type"] == "Organization"
    # Hide my lists: a client's lists are hidden by default (no count), an
    # organisation's are shown.
    f = requests.get(a.base + "/users/%s/followers" % ann.name, headers={"Accept": AP}).json()
    assert f["type"] == "OrderedCollection" and "totalItems" not in f
    f = requests.get(a.base + "/users/%s/followers" % org, headers={"Accept": AP}).json()
    assert f["totalItems"] == 0
    assert requests.get(a.base + "/users/nobody", headers={"Accept": AP}).status_code == 404


def test_inbox_refuses_unsigned_and_bad(pair):
    a, _ = pair
    ann = a.new_user(prefix="ann")
    body = '{"id":"http://x.example/1","type":"Follow","actor":"http://x.example/u","object":"%s/users/%s"}' % (
        a.base, ann.name)
    for path in ("/inbox", "/users/%s/inbox" % ann.name):
        r = requests.post(a.base + path, data=body, headers={"Content-Type": AP})
        assert r.status_code == 401
        r = requests.post(a.base + path, data=body, headers={"Content-Type": AP, "Signature": 'keyId="x'})
        assert r.status_code == 401
    # A signature whose key lives at a host we may not reach (and an
    # oversized body) is refused without a crash.
    sig = 'keyId="http://10.0.0.1/k#main-key",headers="(request-target) host date digest",signature="AAAA"'
    r = requests.post(a.base + "/inbox", data=body, headers={"Content-Type": AP, "Signature": sig})
    assert r.status_code == 401
    r = requests.post(a.base + "/inbox", data="x" * (1024 * 1024 + 10), headers={"Content-Type": AP})
    assert r.status_code == 413


def test_follow_accept_and_what_leaves(pair):
    a, b = pair
    ann = a.new_user(prefix="ann")
    carol = a.new_user(prefix="car")
    bob = b.add_user(uniq("bob"))
    follow(b, bob, a, ann.name)
    # Accept came back: a public post of ann's now reaches bob's server.
    first = "eerstewoord" + uniq("w")
    ann.new_post("Hallo allemaal " + first)
    got = wait_for(lambda: first in notes(b))
    assert got, "a public post should be delivered to the follower's server"
    out = notes(b)
    assert a.base + "/users/" + ann.name in out
    # Posts of every visibility and group kind, twice each and six more at
    # random, in random order: only public and followers-only posts outside
    # groups ever reach the follower's server (and only public ones can be fetched).
    groups = {k: make_group(ann, k) for k in ("open", "closed", "secret")}
    rnd = random.Random(21)
    public, closed = [], []
    fetch = []
    kinds = ["public", "followers", "direct", "open", "closed", "secret"]
    order = kinds * 2 + [rnd.choice(kinds) for _ in range(6)]
    rnd.shuffle(order)
    for kind in order:
        w = "woord%s%s" % (kind, uniq("x"))
        if kind == "public":
            pid = ann.new_post("Openbaar bericht " + w)
            public.append(w)
        elif kind == "followers":
            # Followers-only: delivered to the follower's server (b), never fetchable.
            pid = ann.new_post("Voor volgers " + w, kind)
            public.append(w)
        elif kind == "direct":
            pid = ann.new_post("Besloten bericht " + w, kind, to=carol.name)
            closed.append(w)
        else:
            pid = ann.new_post("Groepsbericht " + w, "public", group_id=groups[kind])
            closed.append(w)
        fetch.append((kind, pid))
    marker = "laatstewoord" + uniq("m")
    ann.new_post("Tot slot " + marker)
    assert wait_for(lambda: marker in notes(b)), "the last public post should arrive"
    out = notes(b)
    for w in public:
        assert w in out, w
    leaked = [w for w in closed if w in out]
    assert leaked == [], "closed posts left the server: %s" % leaked
    # Deleting a post that went out takes it back from the other server.
    assert len(public) >= 4 and len(closed) >= 8
    gone = [w for w in public if w.startswith("woordpublic")][0]
    gone_id = [pid for (kind, pid) in fetch if kind == "public"][0]
    r = ann.post("/posts/%d/delete" % gone_id, {})
    assert r.status_code == 303, r.status_code
    assert wait_for(lambda: gone not in notes(b)), "the Delete should remove it there"
    assert requests.get("%s/users/%s/statuses/%d" % (a.base, ann.name, gone_id),
                        headers={"Accept": AP}).status_code == 404
    fetch = [(k, pid) for (k, pid) in fetch if pid != gone_id]
    # Fetching: a public post is a Note, and so is an open group's post
    # (which leaves only through its group, test_fed_group.py); any other is
    # 404, signed or not.
    for kind, pid in fetch:
        url = "%s/users/%s/statuses/%d" % (a.base, ann.name, pid)
        for hdrs in ({"Accept": AP}, {"Accept": AP, "Signature": 'keyId="k",signature="AAAA"'}):
            r = requests.get(url, headers=hdrs)
            if kind in ("public", "open"):
                assert r.status_code == 200 and r.json()["type"] == "Note", kind
            else:
                assert r.status_code == 404, (kind, r.status_code)
    # Another author's post under ann's address is 404 too.
    bobs = requests.get("%s/users/%s/statuses/%d" % (a.base, carol.name, fetch[0][1]), headers={"Accept": AP})
    assert bobs.status_code == 404


def test_locked_account_gets_a_request(pair):
    a, b = pair
    dora = a.new_user(prefix="dor")
    r = dora.post("/settings/profile", {"display_name": "Dora", "locked": "on"})
    assert r.status_code in (200, 303), r.status_code
    assert requests.get(a.base + "/users/" + dora.name, headers={"Accept": AP}).json()["manuallyApprovesFollowers"]
    bob = b.add_user(uniq("bob"))
    follow(b, bob, a, dora.name, accepted=False)
    # The follow waits for dora's approval: her public posts do not go out.
    w = "slotwoord" + uniq("l")
    dora.new_post("Openbaar maar op slot " + w)
    # Meanwhile an unlocked account's post does arrive (deliveries run).
    eve = a.new_user(prefix="eve")
    bob2 = b.add_user(uniq("bob"))
    follow(b, bob2, a, eve.name)
    m = "openwoord" + uniq("o")
    eve.new_post("Hallo " + m)
    assert wait_for(lambda: m in notes(b))
    assert w not in notes(b)
    # A second request is refused; dora approves bob's: her next post arrives.
    accepts = b.stderr().count("POST /users/%s/inbox 202" % bob)
    assert a.cli("fed", "approve", dora.name, "%s/users/%s" % (b.base, bob2), check=False).returncode != 0
    a.cli("fed", "approve", dora.name, "%s/users/%s" % (b.base, bob))
    assert wait_for(lambda: b.stderr().count("POST /users/%s/inbox 202" % bob) > accepts), "no Accept came"
    assert a.cli("fed", "approve", dora.name, "%s/users/%s" % (b.base, bob), check=False).returncode != 0
    w2 = "goedgekeurd" + uniq("g")
    dora.new_post("Nu wel " + w2)
    assert wait_for(lambda: w2 in notes(b))
    assert w not in notes(b)


def test_loopback_refused_without_flag(pair):
    a, _ = pair
    # A server without the test flag does not reach loopback addresses.
    plain = Server()
    plain.start()
    try:
        name = plain.add_user(uniq("pla"))
        r = plain.cli("fed", "follow", name, "someone@%s" % host(a), check=False)
        assert r.returncode != 0
        assert "WebFinger" in r.stderr
    finally:
        plain.assert_clean_stop()
        plain.cleanup()


# ---- a peer we did not write the signing code of: Python's cryptography,
# signing the way Mastodon signs (headers "(request-target) host date digest
# content-type", rsa-sha256), and checking kring's signatures the same way.

import base64
import email.utils
import hashlib
import http.server
import json
import threading

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa


class Peer:
    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.pem = self.key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.actor = self.base + "/users/mallory"
        self.received = []  # (headers, body) posted to our inbox
        peer = self

        class H(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                if self.path in ("/users/huge", "/users/moved-real"):
                    # Good actor documents, but one past the 1 MB a fetch may
                    # bring, and one only reached through a redirect.
                    who = peer.base + ("/users/huge" if self.path == "/users/huge" else "/users/moved")
                    doc = {"id": who, "type": "Person", "inbox": who + "/inbox",
                           "publicKey": {"id": who + "#main-key", "owner": who, "publicKeyPem": peer.pem}}
                    if self.path == "/users/huge":
                        doc["pad"] = "x" * (1100 * 1024)
                    b = json.dumps(doc).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", AP)
                    self.send_header("Content-Length", str(len(b)))
                    self.end_headers()
                    try:
                        self.wfile.write(b)
                    except OSError:
                        pass
                    return
                if self.path == "/users/moved":
                    self.send_response(302)
                    self.send_header("Location", peer.base + "/users/moved-real")
                    self.end_headers()
                    return
                if self.path != "/users/mallory":
                    self.send_response(404)
                    self.end_headers()
                    return
                doc = {"@context": ["https://www.w3.org/ns/activitystreams"], "id": peer.actor, "type": "Person",
                       "preferredUsername": "mallory", "inbox": peer.actor + "/inbox",
                       "publicKey": {"id": peer.actor + "#main-key", "owner": peer.actor,
                                     "publicKeyPem": peer.pem}}
                b = json.dumps(doc).encode()
                self.send_response(200)
                self.send_header("Content-Type", AP)
                self.send_header("Content-Length", str(len(b)))
                self.end_headers()
                self.wfile.write(b)

            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(min(n, 1 << 20))
                peer.received.append((dict(self.headers.items()), self.path, body))
                self.send_response(202)
                self.end_headers()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), H)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def post(self, url, activity, date=None, tamper=None, key_id=None):
        """POST activity to url, signed as Mastodon signs."""
        body = json.dumps(activity).encode()
        path = "/" + url.split("/", 3)[3]
        hst = url.split("/")[2]
        date = date or email.utils.formatdate(usegmt=True)
        digest = "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()
        s = "(request-target): post %s\nhost: %s\ndate: %s\ndigest: %s\ncontent-type: %s" % (
            path, hst, date, digest, AP)
        sig = base64.b64encode(self.key.sign(s.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()
        hdr = ('keyId="%s",algorithm="rsa-sha256",headers="(request-target) host date digest '
               'content-type",signature="%s"' % (key_id or self.actor + "#main-key", sig))
        if tamper:
            body = tamper(body)
        return requests.post(url, data=body, timeout=20, headers={
            "Host": hst, "Date": date, "Digest": digest, "Content-Type": AP, "Signature": hdr})


def post9421(peer, url, activity, tamper=None):
    """POST activity signed per RFC 9421 (rsa-v1_5-sha256)."""
    body = json.dumps(activity).encode()
    cd = "sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()).decode() + ":"
    params = '("@method" "@target-uri" "content-digest");created=%d;keyid="%s#main-key";alg="rsa-v1_5-sha256"' % (
        int(time.time()), peer.actor)
    base = '"@method": POST\n"@target-uri": %s\n"content-digest": %s\n"@signature-params": %s' % (url, cd, params)
    sig = base64.b64encode(peer.key.sign(base.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()
    if tamper:
        body = tamper(body)
    return requests.post(url, data=body, timeout=20, headers={
        "Content-Type": AP, "Content-Digest": cd, "Signature-Input": "sig1=" + params, "Signature": "sig1=:%s:" % sig})


def test_rfc9421_signed_follow(pair):
    a, _ = pair
    ann = a.new_user(prefix="ann")
    me = "%s/users/%s" % (a.base, ann.name)
    peer = Peer()
    try:
        fid = peer.base + "/follows/9421"
        act = {"id": fid, "type": "Follow", "actor": peer.actor, "object": me}
        bad = post9421(peer, a.base + "/inbox", dict(act, id=fid + "x"), tamper=lambda b: b.replace(b"9421x", b"9421y"))
        assert bad.status_code in (400, 401)
        r = post9421(peer, a.base + "/inbox", act)
        assert r.status_code == 202, r.text
        assert wait_for(lambda: any(json.loads(x[2]).get("object", {}).get("id") == fid for x in peer.received))
    finally:
        peer.close()


def verify_kring_signature(kring, headers, path, body):
    """Check a delivery from kring as a Mastodon would: the key from the
    actor document, the signing string from the headers it names."""
    params = dict(re.findall(r'(\w+)="([^"]*)"', headers["Signature"]))
    actor = requests.get(params["keyId"].split("#")[0], headers={"Accept": AP}).json()
    assert actor["publicKey"]["id"] == params["keyId"]
    key = serialization.load_pem_public_key(actor["publicKey"]["publicKeyPem"].encode())
    assert params["headers"] == "(request-target) host date digest"
    lines = []
    for h in params["headers"].split():
        lines.append("(request-target): post " + path if h == "(request-target)" else "%s: %s" % (h, headers[
            {"host": "Host", "date": "Date", "digest": "Digest"}[h]]))
    key.verify(base64.b64decode(params["signature"]), "\n".join(lines).encode(), padding.PKCS1v15(),
               hashes.SHA256())
    assert headers["Digest"] == "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()
    return actor["id"]


def test_mastodon_style_peer(pair):
    a, b = pair
    ann = a.new_user(prefix="ann")
    inbox = "%s/users/%s/inbox" % (a.base, ann.name)
    me = "%s/users/%s" % (a.base, ann.name)
    peer = Peer()
    try:
        follow_id = peer.base + "/follows/1"
        r = peer.post(inbox, {"id": follow_id, "type": "Follow", "actor": peer.actor, "object": me})
        assert r.status_code == 202, r.text
        # The same activity again is taken in once: one Accept only.
        assert peer.post(inbox, {"id": follow_id, "type": "Follow", "actor": peer.actor,
                                 "object": me}).status_code == 202
        second = peer.base + "/follows/2"
        assert peer.post(a.base + "/inbox", {"id": second, "type": "Follow", "actor": peer.actor,
                                             "object": me}).status_code == 202
        accepts = lambda: [json.loads(x[2]) for x in peer.received if json.loads(x[2])["type"] == "Accept"]
        assert wait_for(lambda: any(x["object"]["id"] == second for x in accepts()))
        time.sleep(1.5)
        assert sorted(x["object"]["id"] for x in accepts()) == [follow_id, second]
        for hdrs, path, body in peer.received:
            assert verify_kring_signature(a, hdrs, path, body) == me
        # Refused: another actor's activity, a changed body, an old date.
        assert peer.post(inbox, {"id": peer.base + "/x1", "type": "Follow", "actor": a.base + "/users/x",
                                 "object": me}).status_code == 401
        tampered = peer.post(inbox, {"id": peer.base + "/x2", "type": "Follow", "actor": peer.actor, "object": me},
                             tamper=lambda b: b.replace(b"x2", b"x3"))
        assert tampered.status_code in (400, 401)
        old = email.utils.formatdate(time.time() - 15 * 3600, usegmt=True)
        assert peer.post(inbox, {"id": peer.base + "/x4", "type": "Follow", "actor": peer.actor, "object": me},
                         date=old).status_code in (400, 401)
        # A public post reaches the peer, signed; a followers-only one does not.
        w = "peerwoord" + uniq("p")
        ann.new_post("Voor iedereen " + w)
        creates = lambda: [json.loads(x[2]) for x in peer.received if json.loads(x[2])["type"] == "Create"]
        assert wait_for(lambda: any(w in c["object"]["content"] for c in creates()))
        c = [c for c in creates() if w in c["object"]["content"]][0]
        assert c["actor"] == me and "https://www.w3.org/ns/activitystreams#Public" in c["object"]["to"]
        for hdrs, path, body in peer.received:
            verify_kring_signature(a, hdrs, path, body)
        # Undo: the peer no longer follows; a kring follower still gets posts.
        assert peer.post(inbox, {"id": peer.base + "/undo/1", "type": "Undo", "actor": peer.actor,
                                 "object": {"id": follow_id, "type": "Follow", "actor": peer.actor,
                                            "object": me}}).status_code == 202
        bob = b.add_user(uniq("bob"))
        follow(b, bob, a, ann.name)
        hidden = "besloten" + uniq("h")
        ann.new_post("Alleen volgers " + hidden, "followers")
        after = "naundo" + uniq("u")
        ann.new_post("Na het ongedaan maken " + after)
        assert wait_for(lambda: after in notes(b))
        time.sleep(1)
        seen = b"".join(x[2] for x in peer.received)
        assert after.encode() not in seen and hidden.encode() not in seen
    finally:
        peer.close()


def test_key_fetch_limits(pair):
    """Keys are fetched over http(s) only (file:, ftp:, gopher: refused), never
    through a redirect, and never past 1 MB."""
    a, _ = pair
    ann = a.new_user(prefix="ann")
    me = "%s/users/%s" % (a.base, ann.name)
    peer = Peer()
    try:
        for i, (kid, actor) in enumerate((("file:///etc/passwd#k", peer.actor),
                                          ("ftp://127.0.0.1/k#k", peer.actor),
                                          ("gopher://127.0.0.1/k#k", peer.actor),
                                          (peer.base + "/users/moved#main-key", peer.base + "/users/moved"),
                                          (peer.base + "/users/huge#main-key", peer.base + "/users/huge"))):
            act = {"id": peer.base + "/lim/%d" % i, "type": "Follow", "actor": actor, "object": me}
            r = peer.post(a.base + "/inbox", act, key_id=kid)
            assert r.status_code == 401, (kid, r.status_code)
        # The same peer with its real key is taken in: the refusals were the key's.
        ok = peer.post(a.base + "/inbox", {"id": peer.base + "/lim/ok", "type": "Follow", "actor": peer.actor,
                                           "object": me})
        assert ok.status_code == 202
    finally:
        peer.close()


def test_key_fetches_limited_per_address():
    """Each signed request with an unknown key makes the server fetch it
    elsewhere; one address may cause at most 120 such fetches in 10 minutes."""
    s = fed_server()
    try:
        name = s.add_user(uniq("ann"))
        body = '{"id":"http://x.example/%d","type":"Follow","actor":"http://x.example/u","object":"x"}'
        codes = []
        for i in range(130):
            sig = 'keyId="file:///k%d#k",headers="(request-target) host date",signature="AAAA"' % i
            r = requests.post(s.base + "/users/%s/inbox" % name, data=body % i,
                              headers={"Content-Type": AP, "Signature": sig}, timeout=20)
            codes.append(r.status_code)
            if r.status_code == 429:
                break
        assert codes[0] == 401 and codes[-1] == 429 and len(codes) == 121, codes[-3:]
    finally:
        s.assert_clean_stop()
        s.cleanup()


def test_domain_block_both_ways():
    """An administrator blocks another server: its follower is forgotten,
    nothing more is delivered to it, its requests are refused (403) and
    nobody here can follow anyone there; unblocking connects it again."""
    a, b = fed_server(), fed_server()
    try:
        fay = a.new_user(prefix="fay")
        bob = b.add_user(uniq("bob"))
        follow(b, bob, a, fay.name)
        before = "voorblok" + uniq("v")
        fay.new_post("Hallo " + before)
        assert wait_for(lambda: before in notes(b))
        a.cli("fed", "block", host(b))
        after = "nablok" + uniq("n")
        fay.new_post("Hallo " + after)
        # Another follow from there is refused at the door: its signed
        # fetch of the actor already (docs/federation.md, signed fetches).
        bob2 = b.add_user(uniq("bob"))
        r = b.cli("fed", "follow", bob2, "%s@%s" % (fay.name, host(a)), check=False)
        assert r.returncode != 0 and "HTTP 403" in r.stderr, r.stderr
        assert "GET /users/%s 403" % fay.name in a.stderr()
        r = a.cli("fed", "follow", fay.name, "%s@%s" % (bob, host(b)), check=False)
        assert r.returncode != 0 and "blocked" in r.stderr
        time.sleep(2)
        assert after not in notes(b)
        # Unblocked: a new follow works again.
        a.cli("fed", "unblock", host(b))
        follow(b, bob2, a, fay.name)
        again = "weerverbonden" + uniq("w")
        fay.new_post("Hallo " + again)
        assert wait_for(lambda: again in notes(b))
        assert after not in notes(b)
    finally:
        for s in (a, b):
            s.assert_clean_stop()
            s.cleanup()
