"""Federation, the safety part of issue 21 (docs/federation.md): direct
messages to and from other servers go to their recipients alone. Two
kring instances on 127.0.0.1 (KRING_FED_LOOPBACK=1) and a Mastodon-style
peer written in the tests."""
import json

import pytest
import requests

from conftest import uniq
from test_federation import AP, host, pair, Peer, wait_for  # noqa: F401 (pair: the two instances, one per module)
from test_federation_remote import api, token

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


def resolve(server, h, acct):
    r = api(server, h, "GET", "/api/v2/search", params={"q": "@" + acct, "resolve": "true"})
    assert r.status_code == 200, r.text
    return r.json()["accounts"][0]


def conversation_with(server, h, word):
    r = api(server, h, "GET", "/api/v1/conversations", params={"limit": 40})
    assert r.status_code == 200, r.text
    return [c["last_status"] for c in r.json() if c.get("last_status") and word in c["last_status"]["content"]]


def test_dm_to_a_remote_account_reaches_its_inbox_only(pair):
    """ann on a writes a direct message to bob on b: it reaches bob's own
    inbox, addressed to bob alone; ann's follower elsewhere (a peer) never
    sees it; on b only bob reads it; on a it cannot be fetched; bob's
    direct answer comes back to ann alone, in the same conversation."""
    a, b = pair
    ann, carl = a.new_user(prefix="ann"), a.new_user(prefix="carl")
    bob, eve = b.new_user(prefix="bob"), b.new_user(prefix="eve")
    ha, hc, hb, he = token(a, ann.name), token(a, carl.name), token(b, bob.name), token(b, eve.name)
    # A follower of ann's on a third server: a DM is none of its business.
    peer = Peer()
    try:
        me = "%s/users/%s" % (a.base, ann.name)
        assert peer.post(me + "/inbox", {"id": peer.base + "/f/dm", "type": "Follow", "actor": peer.actor,
                                         "object": me}).status_code == 202
        bob_acct = "%s@%s" % (bob.name, host(b))
        resolve(a, ha, bob_acct)
        before = b.stderr().count("POST /users/%s/inbox 202" % bob.name)
        shared_before = b.stderr().count("POST /inbox 202")
        w = uniq("dm")
        r = api(a, ha, "POST", "/api/v1/statuses", data={"status": "Even onder ons @%s %s" % (bob_acct, w),
                                                         "visibility": "direct"})
        assert r.status_code == 200, r.text
        mine = r.json()
        # bob has it on b, as a direct message.
        got = wait_for(lambda: conversation_with(b, hb, w))
        assert got, "the direct message did not reach bob"
        st = got[0]
        assert st["visibility"] == "direct" and st["account"]["acct"] == "%s@%s" % (ann.name, host(a))
        # Delivered to bob's own inbox, not the shared one.
        assert wait_for(lambda: b.stderr().count("POST /users/%s/inbox 202" % bob.name) > before)
        assert b.stderr().count("POST /inbox 202") == shared_before
        # Nobody else on b reads it.
        assert api(b, he, "GET", "/api/v1/statuses/" + st["id"]).status_code == 404
        assert not conversation_with(b, he, w)
        r = api(b, he, "GET", "/api/v1/timelines/public", params={"limit": 40})
        assert w not in r.text
        # A fetch of it at its origin is 404, signed or not.
        url = "%s/statuses/%s" % (me, mine["id"])
        for hdrs in ({"Accept": AP}, {"Accept": AP, "Signature": 'keyId="k",signature="AAAA"'}):
            assert requests.get(url, headers=hdrs, timeout=20).status_code == 404
        # bob answers, directly: ann reads it on a, carl does not.
        w2 = uniq("re")
        r = api(b, hb, "POST", "/api/v1/statuses", data={"status": "Prima %s" % w2, "visibility": "direct",
                                                         "in_reply_to_id": st["id"]})
        assert r.status_code == 200, r.text
        back = wait_for(lambda: conversation_with(a, ha, w2))
        assert back, "bob's answer did not reach ann"
        assert back[0]["visibility"] == "direct" and back[0]["in_reply_to_id"] == mine["id"]
        assert api(a, hc, "GET", "/api/v1/statuses/" + back[0]["id"]).status_code == 404
        n = api(a, ha, "GET", "/api/v1/notifications").json()
        assert any(x.get("status") and x["status"]["id"] == back[0]["id"] for x in n), "ann was not told"
        # The follower's server got nothing of it.
        seen = b"".join(x[2] for x in peer.received)
        assert w.encode() not in seen and w2.encode() not in seen
        # Edited and deleted: again to bob alone.
        r = api(a, ha, "PUT", "/api/v1/statuses/" + mine["id"],
                data={"status": "Even onder ons @%s %s aangepast" % (bob_acct, w)})
        assert r.status_code == 200, r.text
        assert wait_for(lambda: "aangepast" in api(b, hb, "GET", "/api/v1/statuses/" + st["id"]).text)
        assert api(a, ha, "DELETE", "/api/v1/statuses/" + mine["id"]).status_code == 200
        assert wait_for(lambda: api(b, hb, "GET", "/api/v1/statuses/" + st["id"]).status_code == 404)
        seen = b"".join(x[2] for x in peer.received)
        assert w.encode() not in seen and mine["id"].encode() not in seen
    finally:
        peer.close()


def test_incoming_dm_for_its_recipients_only(pair):
    """A Note addressed to one account here alone (no Public, no followers)
    is a direct message to that account: nobody else reads it; one who
    blocked the sender does not get it."""
    a, _ = pair
    ann, carl = a.new_user(prefix="ann"), a.new_user(prefix="carl")
    ha, hc = token(a, ann.name), token(a, carl.name)
    peer = Peer()
    try:
        me = "%s/users/%s" % (a.base, ann.name)
        w = uniq("in")
        note = {"id": peer.base + "/notes/dm1", "type": "Note", "attributedTo": peer.actor,
                "content": "<p>Vraagje %s</p>" % w, "to": [me], "cc": [],
                "tag": [{"type": "Mention", "href": me}]}
        assert peer.post(a.base + "/inbox", {"id": peer.base + "/notes/dm1/act", "type": "Create",
                                              "actor": peer.actor, "to": [me], "object": note}).status_code == 202
        got = conversation_with(a, ha, w)
        assert got and got[0]["visibility"] == "direct"
        assert got[0]["account"]["acct"] == "mallory@127.0.0.1:%d" % peer.port
        assert api(a, hc, "GET", "/api/v1/statuses/" + got[0]["id"]).status_code == 404
        assert not conversation_with(a, hc, w)
        assert w not in api(a, hc, "GET", "/api/v1/timelines/public", params={"limit": 40}).text
        # A Note to nobody here, not public, from someone nobody follows: not taken in.
        w2 = uniq("no")
        other = dict(note, id=peer.base + "/notes/dm2", content="x " + w2, to=[peer.base + "/users/someone"])
        assert peer.post(a.base + "/inbox", {"id": peer.base + "/notes/dm2/act", "type": "Create",
                                              "actor": peer.actor, "object": other}).status_code == 202
        assert w2 not in a.cli("fed", "notes").stdout
        # carl blocks mallory: a direct message to carl is not taken in.
        acc = got[0]["account"]
        assert api(a, hc, "POST", "/api/v1/accounts/%s/block" % acc["id"]).status_code == 200
        w3 = uniq("bl")
        cme = "%s/users/%s" % (a.base, carl.name)
        blocked = dict(note, id=peer.base + "/notes/dm3", content="y " + w3, to=[cme])
        assert peer.post(a.base + "/inbox", {"id": peer.base + "/notes/dm3/act", "type": "Create",
                                              "actor": peer.actor, "object": blocked}).status_code == 202
        assert not conversation_with(a, hc, w3)
        assert w3 not in a.cli("fed", "notes").stdout
    finally:
        peer.close()


def relationship(server, h, aid):
    r = api(server, h, "GET", "/api/v1/accounts/relationships", params={"id[]": aid})
    assert r.status_code == 200, r.text
    return r.json()[0]


def test_block_both_ways(pair):
    """ann on a blocks bob on b, who follows her: b gets Block, bob's follow
    ends there and ann's posts no longer reach b; unblocking sends Undo.
    Then bob blocks ann (whom he follows again): a gets Block, ann's
    follow of him ends on a and she no longer reads his posts."""
    a, b = pair
    ann = a.new_user(prefix="ann")
    bob = b.new_user(prefix="bob")
    ha, hb = token(a, ann.name), token(b, bob.name)
    ann_on_b = resolve(b, hb, "%s@%s" % (ann.name, host(a)))
    bob_on_a = resolve(a, ha, "%s@%s" % (bob.name, host(b)))
    assert api(b, hb, "POST", "/api/v1/accounts/%s/follow" % ann_on_b["id"]).status_code == 200
    assert wait_for(lambda: relationship(b, hb, ann_on_b["id"])["following"])
    # ann blocks bob.
    assert api(a, ha, "POST", "/api/v1/accounts/%s/block" % bob_on_a["id"]).status_code == 200
    assert wait_for(lambda: relationship(b, hb, ann_on_b["id"])["blocked_by"]), "no Block reached b"
    assert not relationship(b, hb, ann_on_b["id"])["following"]
    w = uniq("na")
    assert api(a, ha, "POST", "/api/v1/statuses", data={"status": "Na het blok " + w,
                                                       "visibility": "public"}).status_code == 200
    marker = uniq("mk")
    carl = a.new_user(prefix="carl")
    hc = token(a, carl.name)
    carl_on_b = resolve(b, hb, "%s@%s" % (carl.name, host(a)))
    assert api(b, hb, "POST", "/api/v1/accounts/%s/follow" % carl_on_b["id"]).status_code == 200
    assert wait_for(lambda: relationship(b, hb, carl_on_b["id"])["following"])
    assert api(a, hc, "POST", "/api/v1/statuses", data={"status": "Merk " + marker,
                                                       "visibility": "public"}).status_code == 200
    assert wait_for(lambda: marker in b.cli("fed", "notes").stdout)
    assert w not in b.cli("fed", "notes").stdout, "a post went to a blocked account's server"
    # Unblock: Undo Block.
    assert api(a, ha, "POST", "/api/v1/accounts/%s/unblock" % bob_on_a["id"]).status_code == 200
    assert wait_for(lambda: not relationship(b, hb, ann_on_b["id"])["blocked_by"]), "no Undo reached b"
    # ann follows bob; bob blocks ann: her follow ends on a, his posts are hidden from her.
    assert api(a, ha, "POST", "/api/v1/accounts/%s/follow" % bob_on_a["id"]).status_code == 200
    assert wait_for(lambda: relationship(a, ha, bob_on_a["id"])["following"])
    w2 = uniq("bp")
    bp = api(b, hb, "POST", "/api/v1/statuses", data={"status": "Van bob " + w2, "visibility": "public"}).json()
    assert wait_for(lambda: w2 in a.cli("fed", "notes").stdout)
    st = [s for s in api(a, ha, "GET", "/api/v1/timelines/home").json() if w2 in s["content"]]
    assert st
    assert api(b, hb, "POST", "/api/v1/accounts/%s/block" % ann_on_b["id"]).status_code == 200
    assert wait_for(lambda: not relationship(a, ha, bob_on_a["id"])["following"]), "no Block reached a"
    assert api(a, ha, "GET", "/api/v1/statuses/" + st[0]["id"]).status_code == 404
    assert bp


def test_remote_follow_requests_in_the_api_and_pages(pair):
    """A locked account on a: follow requests from b are listed by
    GET /api/v1/follow_requests and on /follow-requests (ann is told);
    authorize delivers Accept (bob follows her on b), a refusal on the
    page delivers Reject (carl's request ends on b)."""
    a, b = pair
    ann = a.new_user(prefix="ann")
    bob, carl = b.new_user(prefix="bob"), b.new_user(prefix="carl")
    ha, hb, hc = token(a, ann.name), token(b, bob.name), token(b, carl.name)
    r = api(a, ha, "PATCH", "/api/v1/accounts/update_credentials", data={"locked": "true"})
    assert r.status_code == 200 and r.json()["locked"], r.text
    ann_on_b = resolve(b, hb, "%s@%s" % (ann.name, host(a)))
    assert api(b, hb, "POST", "/api/v1/accounts/%s/follow" % ann_on_b["id"]).status_code == 200
    assert api(b, hc, "POST", "/api/v1/accounts/%s/follow" % ann_on_b["id"]).status_code == 200
    want = {"%s@%s" % (bob.name, host(b)), "%s@%s" % (carl.name, host(b))}
    reqs = lambda: {x["acct"]: x for x in api(a, ha, "GET", "/api/v1/follow_requests").json()}
    assert wait_for(lambda: want <= set(reqs())), reqs()
    got = reqs()
    n = api(a, ha, "GET", "/api/v1/notifications").json()
    assert {x["account"]["acct"] for x in n if x["type"] == "follow_request"} >= want
    # The page lists them too.
    page = ann.get("/follow-requests")
    assert page.status_code == 200 and all(w in page.text for w in want)
    assert not relationship(b, hb, ann_on_b["id"])["following"]
    # Authorize (API): bob follows ann on b.
    bob_id = got["%s@%s" % (bob.name, host(b))]["id"]
    r = api(a, ha, "POST", "/api/v1/follow_requests/%s/authorize" % bob_id)
    assert r.status_code == 200, r.text
    assert wait_for(lambda: relationship(b, hb, ann_on_b["id"])["following"]), "no Accept reached b"
    # Refuse (page): carl's request ends on b.
    assert relationship(b, hc, ann_on_b["id"])["requested"]
    r = ann.post("/follow-requests/%s@%s/reject" % (carl.name, host(b)), {})
    assert r.status_code in (200, 303), r.text[:300]
    assert wait_for(lambda: not relationship(b, hc, ann_on_b["id"])["requested"]), "no Reject reached b"
    assert not relationship(b, hc, ann_on_b["id"])["following"]
    assert api(a, ha, "GET", "/api/v1/follow_requests").json() == []
    # The command line sees no request left either.
    assert a.cli("fed", "approve", ann.name, "%s/users/%s" % (b.base, carl.name), check=False).returncode != 0


def test_per_host_limits():
    """A server may send so many activities a minute (here 5, set for the
    test): then 429 with a message naming the limit, for that server only;
    an activity with too many addressees is 413."""
    from conftest import Server, free_port
    port = free_port()
    s = Server(env={"KRING_FED_LOOPBACK": "1", "KRING_BASE_URL": "http://127.0.0.1:%d" % port,
                    "KRING_FED_HOST_RATE": "5"})
    s.start(port=port)
    p1, p2 = Peer(), Peer()
    try:
        ann = s.new_user(prefix="ann")
        me = "%s/users/%s" % (s.base, ann.name)
        codes = []
        for i in range(8):
            r = p1.post(s.base + "/inbox", {"id": p1.base + "/likes/%d" % i, "type": "Like", "actor": p1.actor,
                                             "object": me + "/statuses/1"})
            codes.append(r.status_code)
        assert codes[:5] == [202] * 5 and 429 in codes[5:], codes
        r = p1.post(s.base + "/inbox", {"id": p1.base + "/likes/x", "type": "Like", "actor": p1.actor,
                                         "object": me + "/statuses/1"})
        assert r.status_code == 429 and r.headers.get("Retry-After")
        assert "at most 5 a minute" in r.json()["error"] and "127.0.0.1:%d" % p1.port in r.json()["error"]
        # Another server still may.
        cc = [p2.base + "/users/u%d" % i for i in range(600)]
        assert p2.post(s.base + "/inbox", {"id": p2.base + "/likes/1", "type": "Like", "actor": p2.actor,
                                            "object": me + "/statuses/1"}).status_code == 202
        r = p2.post(s.base + "/inbox", {"id": p2.base + "/likes/2", "type": "Like", "actor": p2.actor,
                                         "object": me + "/statuses/1", "cc": cc})
        assert r.status_code == 413 and "more than 500" in r.json()["error"]
    finally:
        p1.close()
        p2.close()
        s.assert_clean_stop()
        s.cleanup()


def test_seen_ids_pruned_after_their_time(tmp_path):
    """An activity id taken in is ignored when it comes again (a repeat),
    for two weeks; the daily pruning job then forgets it (the server's
    clock moved on through KRING_TEST_CLOCK, test build only)."""
    import email.utils
    import time
    from conftest import Server, free_port
    clock = tmp_path / "clock"
    clock.write_text("0")
    port = free_port()
    s = Server(env={"KRING_FED_LOOPBACK": "1", "KRING_BASE_URL": "http://127.0.0.1:%d" % port,
                    "KRING_TEST_CLOCK": str(clock)})
    s.start(port=port)
    peer = Peer()
    try:
        ann = s.new_user(prefix="ann")
        h = token(s, ann.name)
        me = "%s/users/%s" % (s.base, ann.name)
        pid = api(s, h, "POST", "/api/v1/statuses", data={"status": "Hallo " + uniq("p"),
                                                         "visibility": "public"}).json()["id"]
        like = {"id": peer.base + "/likes/1", "type": "Like", "actor": peer.actor,
                "object": "%s/statuses/%s" % (me, pid)}
        favs = lambda: api(s, h, "GET", "/api/v1/statuses/" + pid).json()["favourites_count"]
        assert peer.post(me + "/inbox", like).status_code == 202 and favs() == 1
        undo = {"id": peer.base + "/likes/1/undo", "type": "Undo", "actor": peer.actor, "object": like}
        assert peer.post(me + "/inbox", undo).status_code == 202 and favs() == 0
        # The same Like again: a repeat, ignored.
        assert peer.post(me + "/inbox", like).status_code == 202 and favs() == 0
        # Fifteen days on, the pruning job has run: the id is forgotten.
        later = 15 * 86400
        clock.write_text(str(later))
        date = email.utils.formatdate(time.time() + later, usegmt=True)
        assert wait_for(lambda: "forgot" in s.stderr(), timeout=20), "the pruning job did not run"
        undo2 = dict(undo, id=peer.base + "/likes/1/undo2")
        assert peer.post(me + "/inbox", like, date=date).status_code == 202
        assert favs() == 1
        assert peer.post(me + "/inbox", undo2, date=date).status_code == 202 and favs() == 0
    finally:
        peer.close()
        s.assert_clean_stop()
        s.cleanup()


def test_admin_page_blocks_a_server(pair):
    """/admin/federatie (administrators only): blocking a server there
    refuses its requests (403), as `kring fed block` does; allowing it
    again lets them in; a bad name is a 400 with a Dutch message."""
    a, _ = pair
    admin, ann = a.new_user(role="admin", prefix="adm"), a.new_user(prefix="ann")
    assert ann.get("/admin/federatie").status_code in (403, 404)
    peer = Peer()
    try:
        me = "%s/users/%s" % (a.base, ann.name)
        follow = lambda i: peer.post(me + "/inbox", {"id": peer.base + "/f/adm%d" % i, "type": "Follow",
                                                     "actor": peer.actor, "object": me}).status_code
        assert follow(1) == 202
        h = "127.0.0.1:%d" % peer.port
        r = admin.post("/admin/federatie/block", {"host": h})
        assert r.status_code == 303, r.text[:300]
        page = admin.get("/admin/federatie")
        assert page.status_code == 200 and h in page.text
        assert follow(2) == 403
        r = admin.post("/admin/federatie/block", {"host": "https://zorg.example/"})
        assert r.status_code == 400 and "Vul een servernaam in" in r.text
        r = admin.post("/admin/federatie/unblock", {"host": h})
        assert r.status_code == 303
        assert h not in admin.get("/admin/federatie").text
        assert follow(3) == 202
    finally:
        peer.close()


def test_incoming_flag_is_a_report(pair):
    """A Flag from another server about a post of ours is a report for the
    moderators here, with its comment (made plain text); about an account
    alone, a report about the account."""
    a, _ = pair
    ann = a.new_user(prefix="ann")
    admin = a.new_user(role="admin", prefix="adm")
    ha = token(a, ann.name)
    hadm = token(a, admin.name, "read write admin:read admin:write")
    pid = api(a, ha, "POST", "/api/v1/statuses", data={"status": "Koop nu " + uniq("s"),
                                                      "visibility": "public"}).json()["id"]
    me = "%s/users/%s" % (a.base, ann.name)
    peer = Peer()
    try:
        w = uniq("fl")
        r = peer.post(a.base + "/inbox", {"id": peer.base + "/flags/1", "type": "Flag", "actor": peer.actor,
                                           "content": "<p>Spam %s</p>" % w,
                                           "object": [me, "%s/statuses/%s" % (me, pid)]})
        assert r.status_code == 202
        reps = api(a, hadm, "GET", "/api/v1/admin/reports").json()
        mine = [x for x in reps if w in (x.get("comment") or "")]
        assert mine, reps
        assert mine[0]["target_account"]["username"] == ann.name
        assert [str(s["id"]) for s in mine[0]["statuses"]] == [pid]
        assert "<p>" not in mine[0]["comment"]
    finally:
        peer.close()
