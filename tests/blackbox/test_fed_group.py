"""Groups per FEP-1b12 (issue 21, docs/federation.md "Groups"): an open
kring group is a Group actor; the other instance (and a peer written here)
follow it, a member's post is Announced by the group to the remote members'
servers, a remote member's Note to the group is a post in it and goes to the
other remote members, a tampered copy is refused, and closed and secret
groups never leave the server."""
import json
import random
import re

import pytest
import requests

from conftest import uniq
from test_federation import AP, follow, GROUP_ID_RE, host, notes, pair, Peer, wait_for  # noqa: F401 (pair: the two instances, one per module)
from test_federation_remote import api, home, token

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


class DocPeer(Peer):
    """The Python peer of test_federation.py that also serves the documents
    put in self.docs (path -> JSON) and answers 404 for gone ones."""

    def __init__(self):
        super().__init__()
        self.docs = {}
        base, peer = self.httpd.RequestHandlerClass, self

        class H(base):
            def do_GET(self):
                if self.path not in peer.docs:
                    return base.do_GET(self)
                b = json.dumps(peer.docs[self.path]).encode()
                self.send_response(200)
                self.send_header("Content-Type", AP)
                self.send_header("Content-Length", str(len(b)))
                self.end_headers()
                self.wfile.write(b)

        self.httpd.RequestHandlerClass = H

    def got(self, word):
        return [json.loads(x[2]) for x in self.received if word.encode() in x[2]]


def open_group(owner, kind="open"):
    """A group made on owner's page; its name and id."""
    name = uniq("k")
    r = owner.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                               "rules": "Wees aardig", "kind": kind, "premod": "none"})
    assert r.status_code == 303, r.text[:500]
    return name, GROUP_ID_RE.search(owner.get("/g/" + name).text).group(1)


def group_page(user, name):
    return user.get("/g/" + name).text


def test_open_group_actor_follow_and_announce(pair):
    a, b = pair
    ann = a.new_user(prefix="ann")
    bob = b.add_user(uniq("bob"))
    g, gid = open_group(ann)
    c, cid = open_group(ann, "closed")
    s, sid = open_group(ann, "secret")
    guri = "%s/groups/%s" % (a.base, g)
    # The Group actor, with its key, inbox, outbox and followers.
    r = requests.get(guri, headers={"Accept": AP}, timeout=20)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(AP)
    d = r.json()
    assert d["type"] == "Group" and d["id"] == guri and d["preferredUsername"] == g
    assert d["inbox"] == guri + "/inbox" and d["followers"] == guri + "/followers"
    assert d["publicKey"]["owner"] == guri and "BEGIN PUBLIC KEY" in d["publicKey"]["publicKeyPem"]
    assert d["endpoints"]["sharedInbox"] == a.base + "/inbox"
    f = requests.get(guri + "/followers", headers={"Accept": AP}, timeout=20).json()
    assert f["type"] == "OrderedCollection" and f["totalItems"] == 1  # the owner
    # WebFinger finds it by acct: (no account has its name) and by its URL.
    for res in ("acct:%s@%s" % (g, host(a)), guri):
        r = requests.get(a.base + "/.well-known/webfinger", params={"resource": res}, timeout=20)
        assert r.status_code == 200, res
        assert [l["href"] for l in r.json()["links"] if l["rel"] == "self"] == [guri]
    # A browser reads the group's page.
    r = requests.get(guri, headers={"Accept": "text/html"}, allow_redirects=False, timeout=20)
    assert r.status_code == 303 and r.headers["Location"].endswith("/g/" + g)
    # Closed and secret groups are no actors: 404 everywhere.
    for name in (c, s):
        u = "%s/groups/%s" % (a.base, name)
        assert requests.get(u, headers={"Accept": AP}, timeout=20).status_code == 404
        assert requests.get(u + "/followers", headers={"Accept": AP}, timeout=20).status_code == 404
        for res in ("acct:%s@%s" % (name, host(a)), u):
            assert requests.get(a.base + "/.well-known/webfinger", params={"resource": res},
                                timeout=20).status_code == 404
    # bob on b follows the group: Accept comes back, and he is a member on a.
    follow(b, bob, a, g)
    assert wait_for(lambda: requests.get(guri + "/followers", headers={"Accept": AP}).json()["totalItems"] == 2)
    # ann's post in the open group: Announced by the group, reaching b; the
    # Note at its origin is addressed to the group (audience).
    w = uniq("gp")
    pid = ann.new_post("In de kring " + w, "public", group_id=gid)
    assert wait_for(lambda: w in notes(b)), "the group's Announce did not reach b"
    nu = "%s/users/%s/statuses/%d" % (a.base, ann.name, pid)
    n = requests.get(nu, headers={"Accept": AP}, timeout=20).json()
    assert n["audience"] == guri and guri in n["to"]
    # Posts in the closed and secret groups never leave (nor can be fetched).
    hidden = []
    for k, i in (("closed", cid), ("secret", sid)):
        hw = uniq("h" + k)
        hp = ann.new_post("Besloten " + hw, "public", group_id=i)
        hidden.append(hw)
        assert requests.get("%s/users/%s/statuses/%d" % (a.base, ann.name, hp), headers={"Accept": AP},
                            timeout=20).status_code == 404
    # Update and Delete go out through the group too.
    w2 = uniq("ed")
    ha = token(a, ann.name)
    r = api(a, ha, "PUT", "/api/v1/statuses/%d" % pid, data={"status": "Aangepast " + w2})
    assert r.status_code == 200, r.text
    assert wait_for(lambda: w2 in notes(b)), "the Announced Update did not change the post on b"
    marker = uniq("m")
    ann.new_post("Laatste " + marker, "public", group_id=gid)
    assert wait_for(lambda: marker in notes(b))
    out = notes(b)
    assert [h for h in hidden if h in out] == []
    assert api(a, ha, "DELETE", "/api/v1/statuses/%d" % pid).status_code == 200
    assert wait_for(lambda: w2 not in notes(b)), "the Announced Delete did not remove the post on b"


def test_remote_member_posts_and_tampered_copies(pair):
    a, b = pair
    ann = a.new_user(prefix="ann")
    bob = b.add_user(uniq("bob"))
    g, gid = open_group(ann)
    guri = "%s/groups/%s" % (a.base, g)
    follow(b, bob, a, g)
    peer = DocPeer()
    try:
        # The peer follows the group: the group's Accept comes back, signed.
        fid = peer.base + "/follows/1"
        r = peer.post(guri + "/inbox", {"id": fid, "type": "Follow", "actor": peer.actor, "object": guri})
        assert r.status_code == 202, r.text
        acc = wait_for(lambda: [x for x in peer.received if json.loads(x[2])["type"] == "Accept"])
        assert acc and json.loads(acc[0][2])["actor"] == guri
        assert 'keyId="%s#main-key"' % guri in acc[0][0]["Signature"]
        # A Note of the peer's own addressed to the group: a post in the group
        # here, then Announced to the other remote member (b).
        w = uniq("rm")
        note = {"id": peer.base + "/notes/g1", "type": "Note", "attributedTo": peer.actor,
                "content": "<p>Van elders %s</p>" % w, "to": [guri], "cc": [PUBLIC], "audience": guri,
                "published": "2026-01-01T10:00:00Z"}
        peer.docs["/notes/g1"] = note
        r = peer.post(a.base + "/inbox", {"id": peer.base + "/notes/g1/act", "type": "Create",
                                          "actor": peer.actor, "object": note, "to": [guri]})
        assert r.status_code == 202, r.text
        assert w in group_page(ann, g), "the remote member's post is not in the group"
        assert wait_for(lambda: w in notes(b)), "the remote member's post did not reach the other member"
        # The author's own server gets the Announce too (FEP-1b12), naming the Note by its id.
        ann_ann = wait_for(lambda: [x for x in peer.got(note["id"]) if x["type"] == "Announce"])
        assert ann_ann and ann_ann[0]["actor"] == guri and ann_ann[0]["audience"] == guri
        assert ann_ann[0]["object"]["type"] == "Create" and ann_ann[0]["object"]["object"] == note["id"]
        # The member edits and then deletes its Note: both reach the other
        # member through the group (b takes the text from the origin).
        w5 = uniq("bij")
        note2 = dict(note, content="<p>Bijgewerkt %s</p>" % w5)
        peer.docs["/notes/g1"] = note2
        assert peer.post(a.base + "/inbox", {"id": peer.base + "/upd/1", "type": "Update", "actor": peer.actor,
                                             "object": note2}).status_code == 202
        assert w5 in group_page(ann, g)
        assert wait_for(lambda: w5 in notes(b)), "the member's Update did not reach the other member"
        del peer.docs["/notes/g1"]
        assert peer.post(a.base + "/inbox", {"id": peer.base + "/del/1", "type": "Delete", "actor": peer.actor,
                                             "object": note["id"]}).status_code == 202
        assert w5 not in group_page(ann, g)
        assert wait_for(lambda: w5 not in notes(b)), "the member's Delete did not reach the other member"
        # A Note whose id is on another host than its signer: refused.
        fake = dict(note, id="%s/users/%s/statuses/1" % (a.base, ann.name), content="nep " + uniq("x"))
        r = peer.post(a.base + "/inbox", {"id": peer.base + "/notes/g2/act", "type": "Create",
                                          "actor": peer.actor, "object": fake, "to": [guri]})
        assert r.status_code == 403
        assert fake["content"] not in group_page(ann, g)
        # Someone who is no member cannot post to the group.
        other = DocPeer()
        try:
            w3 = uniq("nm")
            n3 = dict(note, id=other.base + "/notes/1", attributedTo=other.actor, content="Geen lid " + w3)
            r = other.post(a.base + "/inbox", {"id": other.base + "/a/1", "type": "Create", "actor": other.actor,
                                               "object": n3})
            assert r.status_code == 403
            assert w3 not in group_page(ann, g)
        finally:
            other.close()
        # A tampered copy: the peer (followed by bob on b) announces ann's
        # post in a group bob is not in, with other content; b takes the Note
        # from its origin (a), never the copy.
        hb = token(b, bob)
        r = api(b, hb, "GET", "/api/v2/search", params={"q": peer.actor, "resolve": "true"})
        pacc = r.json()["accounts"][0]
        assert api(b, hb, "POST", "/api/v1/accounts/%s/follow" % pacc["id"]).status_code == 200
        fl = wait_for(lambda: [json.loads(x[2]) for x in peer.received if json.loads(x[2])["type"] == "Follow"])
        assert peer.post(b.base + "/inbox", {"id": peer.base + "/acc/9", "type": "Accept", "actor": peer.actor,
                                              "object": fl[0]}).status_code == 202
        g2, gid2 = open_group(ann)
        g2uri = "%s/groups/%s" % (a.base, g2)
        real = uniq("echt")
        p2 = ann.new_post("Echt bericht " + real, "public", group_id=gid2)
        nid = "%s/users/%s/statuses/%d" % (a.base, ann.name, p2)
        bad = uniq("vervalst")
        copy = {"id": nid, "type": "Note", "attributedTo": "%s/users/%s" % (a.base, ann.name),
                "content": "Vervalst " + bad, "to": [g2uri], "cc": [PUBLIC], "audience": g2uri}
        r = peer.post(b.base + "/inbox", {"id": peer.base + "/ann/1", "type": "Announce", "actor": peer.actor,
                                          "object": {"id": nid + "/activity", "type": "Create",
                                                     "actor": copy["attributedTo"], "object": copy}})
        assert r.status_code == 202, r.text
        out = notes(b)
        assert bad not in out, "a tampered copy was taken in"
        assert real in out, "the Note was not fetched from its origin"
        # A copy served by the peer as ann's Note (other host than its author): refused.
        bad2 = uniq("nep")
        peer.docs["/notes/fake"] = {"id": peer.base + "/notes/fake", "type": "Note", "content": bad2,
                                    "attributedTo": "%s/users/%s" % (a.base, ann.name), "cc": [PUBLIC]}
        r = peer.post(b.base + "/inbox", {"id": peer.base + "/ann/2", "type": "Announce", "actor": peer.actor,
                                          "object": peer.base + "/notes/fake"})
        assert r.status_code == 202
        assert bad2 not in notes(b)
        # Undo of the Follow: the peer leaves the group; the next post does not reach it.
        r = peer.post(guri + "/inbox", {"id": peer.base + "/undo/1", "type": "Undo", "actor": peer.actor,
                                        "object": {"id": fid, "type": "Follow", "actor": peer.actor,
                                                   "object": guri}})
        assert r.status_code == 202
        w4 = uniq("na")
        ann.new_post("Na vertrek " + w4, "public", group_id=gid)
        assert wait_for(lambda: w4 in notes(b))
        assert not peer.got(w4)
    finally:
        peer.close()


def test_closed_groups_never_leave(pair):
    """Random posts in open, closed and secret groups, of every visibility:
    a remote member of the open group gets exactly the open group's posts;
    0 objects of the closed and secret groups reach it, a Follow of them is
    refused, and none of them can be fetched."""
    a, _ = pair
    ann = a.new_user(prefix="ann")
    groups = {k: open_group(ann, k) for k in ("open", "closed", "secret")}
    peer = DocPeer()
    try:
        for k, (name, _) in groups.items():
            u = "%s/groups/%s" % (a.base, name)
            r = peer.post(a.base + "/inbox", {"id": peer.base + "/f/" + k, "type": "Follow", "actor": peer.actor,
                                              "object": u})
            assert r.status_code == (202 if k == "open" else 404), (k, r.text)
            if k != "open":
                r = peer.post(u + "/inbox", {"id": peer.base + "/f2/" + k, "type": "Follow",
                                             "actor": peer.actor, "object": u})
                assert r.status_code == 404
        assert wait_for(lambda: [x for x in peer.received if json.loads(x[2])["type"] == "Accept"])
        rnd = random.Random(uniq("s"))
        sent, kept, ids = [], [], []
        for i in range(12):
            k = rnd.choice(["open", "closed", "secret"])
            w = uniq("w" + k)
            pid = ann.new_post("Bericht " + w, rnd.choice(["public", "followers"]), group_id=groups[k][1])
            (sent if k == "open" else kept).append(w)
            ids.append((k, pid))
        marker = uniq("eind")
        ann.new_post("Eind " + marker, "public", group_id=groups["open"][1])
        assert wait_for(lambda: peer.got(marker)), "the open group's last post did not arrive"
        leaked = [w for w in kept if peer.got(w)]
        assert leaked == [], "closed or secret group posts left: %s" % leaked
        assert all(peer.got(w) for w in sent)
        for k, pid in ids:
            r = requests.get("%s/users/%s/statuses/%d" % (a.base, ann.name, pid), headers={"Accept": AP},
                             timeout=20)
            assert r.status_code == (200 if k == "open" else 404), k
    finally:
        peer.close()


def test_held_group_post_leaves_when_approved(pair):
    """A remote member's post in an open group whose moderators approve every
    post: held here (not Announced) until a moderator approves it."""
    a, _ = pair
    ann = a.new_user(prefix="ann")
    name = uniq("k")
    r = ann.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                             "rules": "Wees aardig", "kind": "open", "premod": "all"})
    assert r.status_code == 303, r.text[:500]
    guri = "%s/groups/%s" % (a.base, name)
    peer = DocPeer()
    try:
        assert peer.post(guri + "/inbox", {"id": peer.base + "/f/1", "type": "Follow", "actor": peer.actor,
                                           "object": guri}).status_code == 202
        assert wait_for(lambda: [x for x in peer.received if json.loads(x[2])["type"] == "Accept"])
        w = uniq("wacht")
        note = {"id": peer.base + "/notes/h1", "type": "Note", "attributedTo": peer.actor, "content": w,
                "to": [guri], "cc": [PUBLIC]}
        peer.docs["/notes/h1"] = note
        assert peer.post(a.base + "/inbox", {"id": peer.base + "/a/h1", "type": "Create", "actor": peer.actor,
                                             "object": note}).status_code == 202
        queue = ann.get("/g/%s/queue" % name).text
        m = re.search(r"/posts/(\d+)", queue)
        assert m and w in queue, "the remote member's post should wait for approval"
        marker = uniq("m")
        ann.new_post("Van de eigenaar " + marker, "public", group_id=GROUP_ID_RE.search(
            ann.get("/g/" + name).text).group(1))
        assert wait_for(lambda: peer.got(marker)), "the owner's post should go out"
        assert not peer.got(note["id"]), "a held post left before it was approved"
        assert ann.post("/posts/%s/approve" % m.group(1), {"back": "/g/%s/queue" % name}).status_code == 303
        assert wait_for(lambda: [x for x in peer.got(note["id"]) if x["type"] == "Announce"]), \
            "the approved post was not Announced"
    finally:
        peer.close()
