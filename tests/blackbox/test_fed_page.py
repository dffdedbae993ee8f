"""People elsewhere from the pages (issue 21, docs/federation.md "From the
pages"): the search page finds @user@host on its own server and follows it;
a direct message or a mention to @user@host not known yet is looked up when
written, and reaches that one server only; a name nobody has gives a clear
message, never a 500. Two kring instances on 127.0.0.1 (the `pair`
fixture) and a Mastodon-style peer written in the tests."""
import re

import requests

from conftest import uniq
from test_federation import host, pair, Peer, wait_for  # noqa: F401 (pair: the two instances, one per module)
from test_federation_remote import api, token
from test_fed_safe import conversation_with


def search(user, q):
    return user.get("/search", params={"q": q})


def test_follow_from_the_search_page(pair):
    """bob on b finds ann (on a) by @ann@a on the search page, presses
    Volgen, and after a's Accept reads her posts on his home page; a locked
    account on a shows the request as waiting there."""
    a, b = pair
    ann, dora = a.new_user(prefix="ann"), a.new_user(prefix="dora")
    bob = b.new_user(prefix="bob")
    acct = "%s@%s" % (ann.name, host(a))
    r = search(bob, "@" + acct)
    assert r.status_code == 200, r.text[:500]
    assert "Op een andere server" in r.text
    action = "/@%s/follow" % acct
    assert 'action="%s"' % action in r.text
    # Without the @ the same account, now known here (no second fetch needed).
    r = search(bob, acct)
    assert r.status_code == 200 and 'action="%s"' % action in r.text
    # The actor's address finds it too.
    r = search(bob, "%s/users/%s" % (a.base, ann.name))
    assert r.status_code == 200 and 'action="%s"' % action in r.text
    r = bob.post(action, {})
    assert r.status_code == 303, r.text[:500]
    assert r.headers["Location"].startswith("/@%s" % acct)
    # a accepts: the profile page says so (Ontvolgen), and says where ann lives.
    assert wait_for(lambda: "Ontvolgen" in bob.get("/@" + acct).text), "the follow was not accepted"
    page = bob.get("/@" + acct).text
    assert "Dit account staat op een andere server" in page and host(a) in page
    w = uniq("op")
    ha = token(a, ann.name)
    assert api(a, ha, "POST", "/api/v1/statuses", data={"status": "Open dag " + w, "visibility": "public"}).status_code == 200
    assert wait_for(lambda: w in bob.get("/").text), "ann's post is not on bob's home page"
    # Unfollow from the search page's button too.
    r = search(bob, "@" + acct)
    assert 'action="/@%s/unfollow"' % acct in r.text
    assert bob.post("/@%s/unfollow" % acct, {}).status_code == 303
    assert "Ontvolgen" not in bob.get("/@" + acct).text
    # A locked account: a request, waiting on that server.
    assert dora.post("/settings/profile", {"display_name": "Dora", "locked": "on"}).status_code in (200, 303)
    dacct = "%s@%s" % (dora.name, host(a))
    r = search(bob, "@" + dacct)
    assert r.status_code == 200 and 'action="/@%s/follow"' % dacct in r.text
    assert bob.post("/@%s/follow" % dacct, {}).status_code == 303
    assert wait_for(lambda: "POST /users/%s/inbox 202" % dora.name in a.stderr()), "the Follow did not arrive"
    page = bob.get("/@" + dacct).text
    assert "Verzoek intrekken" in page and "wacht op die server" in page
    assert "Verzoek intrekken" in search(bob, "@" + dacct).text


def test_unknown_names_are_told_never_500(pair):
    """A name the other server does not have: the search page is a 404
    saying so; a post naming it is saved and its writer told which name was
    not found; a direct message to it alone comes back with the name; the
    API leaves the mention out, as Mastodon does."""
    a, b = pair
    ann = a.new_user(prefix="ann")
    nobody = "%s@%s" % (uniq("niemand"), host(b))
    r = search(ann, "@" + nobody)
    assert r.status_code == 404, r.text[:500]
    assert "Dit account is niet gevonden op die server" in r.text
    # A server that is not there at all: the same, no 500.
    r = search(ann, "@iemand@127.0.0.1:9")
    assert r.status_code == 404 and "niet gevonden" in r.text
    # Signed out: searched here only, with a hint to log in.
    r = requests.get(a.base + "/search", params={"q": "@" + nobody}, timeout=20)
    assert r.status_code == 200 and "Log in om iemand op een andere server te zoeken" in r.text
    # A public post naming nobody: saved, and the writer is told the name.
    w = uniq("pub")
    r = ann.post("/posts", {"text": "Groet aan @%s %s" % (nobody, w), "visibility": "public"})
    assert r.status_code == 303, r.text[:500]
    page = ann.get(r.headers["Location"]).text
    assert w in page and "niet gevonden" in page and "@" + nobody in page
    # A direct message to nobody alone: the form comes back naming it.
    r = ann.post("/posts", {"text": "Even onder ons " + uniq("dm"), "visibility": "direct", "to": "@" + nobody})
    assert 400 <= r.status_code < 500, r.status_code
    assert nobody in r.text
    # The API: saved, without the mention.
    ha = token(a, ann.name)
    r = api(a, ha, "POST", "/api/v1/statuses", data={"status": "Hallo @%s" % nobody, "visibility": "public"})
    assert r.status_code == 200, r.text
    assert r.json()["mentions"] == []


def test_dm_to_an_unknown_remote_person_reaches_them_only(pair):
    """ann on a writes a direct message on the page to @bob@b, whom a has
    never seen: a looks bob up when it is written, and the message reaches
    bob alone: not eve on b, not ann's follower on a third server."""
    a, b = pair
    ann = a.new_user(prefix="ann")
    bob, eve = b.new_user(prefix="bob"), b.new_user(prefix="eve")
    hb, he = token(b, bob.name), token(b, eve.name)
    peer = Peer()
    try:
        me = "%s/users/%s" % (a.base, ann.name)
        assert peer.post(me + "/inbox", {"id": peer.base + "/f/" + uniq("f"), "type": "Follow",
                                         "actor": peer.actor, "object": me}).status_code == 202
        bob_acct = "%s@%s" % (bob.name, host(b))
        w = uniq("dm")
        r = ann.post("/posts", {"text": "Even onder ons " + w, "visibility": "direct", "to": "@" + bob_acct})
        assert r.status_code == 303, re.findall(r'class="error"[^>]*>([^<]*)', r.text)
        got = wait_for(lambda: conversation_with(b, hb, w))
        assert got, "the direct message did not reach bob"
        assert got[0]["visibility"] == "direct"
        # In the text instead of Aan: the same (a mention is a recipient).
        w2 = uniq("dm")
        carl = b.new_user(prefix="carl")
        hc = token(b, carl.name)
        r = ann.post("/posts", {"text": "@%s@%s even onder ons %s" % (carl.name, host(b), w2), "visibility": "direct"})
        assert r.status_code == 303, r.text[:500]
        assert wait_for(lambda: conversation_with(b, hc, w2)), "the mention did not reach carl"
        # Nobody else: eve on b, the peer following ann.
        assert not conversation_with(b, he, w) and not conversation_with(b, he, w2)
        r = api(b, he, "GET", "/api/v1/timelines/public", params={"limit": 40})
        assert w not in r.text and w2 not in r.text
        assert not any(w.encode() in x[2] or w2.encode() in x[2] for x in peer.received)
    finally:
        peer.close()
