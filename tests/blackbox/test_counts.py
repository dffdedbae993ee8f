"""Counts and lists show only what their reader may see (issue 11: findings 7,
8 and the hidden follower lists of 20).  A number is a leak too: how often a
tag was used in a secret group, that a client wrote a held message, that an
outsider was mentioned in a closed group, who else answered privately."""
import re

import requests

from conftest import PASSWORD, uniq
from test_groups import add_member, group_id, group_post, make_group


def token(server, name):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "counttest", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write follow"},
        timeout=10).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write follow"}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def api(server, path, tok=None, method="GET", **kw):
    h = {"Authorization": "Bearer " + tok} if tok else {}
    r = requests.request(method, server.base + path, headers=h, timeout=20, **kw)
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    return r.json()


def account(server, name, tok=None):
    return api(server, "/api/v1/accounts/lookup?acct=" + name, tok)


def settings(c, **extra):
    data = {"display_name": c.name, "bio": ""}
    data.update(extra)
    r = c.post("/settings/profile", data)
    assert r.status_code == 303, (r.status_code, r.text[:300])


def held_writer(server):
    """Someone with a minute of think time: their new posts are held."""
    h = server.new_user(prefix="held")
    settings(h, hold_seconds="60")
    return h


# ---- finding 7: conversations ----

def test_conversation_lists_only_people_the_viewer_may_see(server):
    a, b, c = server.new_user(prefix="cva"), server.new_user(prefix="cvb"), server.new_user(prefix="cvc")
    root = a.new_post("Wie weet een goede fysiotherapeut? " + uniq("w"))
    b.new_post("Stuur ik je privé.", "direct", in_reply_to=str(root))
    c.new_post("Ik ook, mijn dochter zit daar.", "direct", in_reply_to=str(root))
    convs = api(server, "/api/v1/conversations", token(server, b.name))
    people = {acc["username"] for cv in convs for acc in cv["accounts"]}
    assert a.name in people
    assert c.name not in people, "a private reply bob may not read names its writer"
    page = b.get("/messages").text
    assert c.name not in page
    # The one both were writing to sees them both.
    convs = api(server, "/api/v1/conversations", token(server, a.name))
    people = {acc["username"] for cv in convs for acc in cv["accounts"]}
    assert {b.name, c.name} <= people


# ---- finding 8: tag uses, replies, statuses, notifications ----

def test_tag_uses_count_only_what_everyone_may_see(server, anon):
    tag = uniq("telt")
    a, b, member = server.new_user(prefix="tga"), server.new_user(prefix="tgb"), server.new_user(prefix="tgm")
    a.new_post("Open #%s" % tag)
    a.new_post("Voor volgers #%s" % tag, "followers")
    a.new_post("Privé #%s" % tag, "direct", to="@" + b.name)
    gone = a.new_post("Weg #%s" % tag)
    assert a.post("/posts/%d/delete" % gone).status_code == 303
    for kind in ("secret", "closed"):
        g = make_group(a, kind)
        add_member(server, g, member)
        group_post(member, group_id(a, g), "In de kring #%s" % tag)
    held_writer(server).new_post("Nog even wachten #%s" % tag)
    t = api(server, "/api/v1/tags/" + tag)
    assert t["history"][0]["uses"] == "1", t
    t = api(server, "/api/v1/tags/" + tag, token(server, b.name))
    assert t["history"][0]["uses"] == "1", t
    # The search page's suggestions count the same way.
    page = anon.get("/search?q=%23" + tag).text
    assert re.search(r"#%s</a> \(1\)" % tag, page), page[:2000]
    # A tag used only where nobody else may look is no suggestion at all.
    hidden = uniq("wacht")
    held_writer(server).new_post("Alleen #%s" % hidden)
    assert "#" + hidden + "<" not in anon.get("/search?q=%23" + hidden).text
    assert api(server, "/api/v1/tags/" + hidden)["history"][0]["uses"] == "0"


def test_statuses_count_leaves_out_held_posts(server, anon):
    h = server.new_user(prefix="stc")
    h.new_post("Al zichtbaar")
    h.new_post("Voor volgers", "followers")
    settings(h, hold_seconds="60")
    h.new_post("Nog even wachten")
    assert account(server, h.name)["statuses_count"] == 1
    assert anon.profile_count(h.name) == 1


def test_last_status_at_leaves_out_held_posts(server):
    h = server.new_user(prefix="lst")
    settings(h, hold_seconds="60")
    h.new_post("Nog even wachten")
    acc = account(server, h.name)
    assert acc["statuses_count"] == 0 and acc["last_status_at"] is None, acc


def test_replies_count_counts_only_replies_everyone_may_see(server):
    a, b, c, d = (server.new_user(prefix=p) for p in ("rpa", "rpb", "rpc", "rpd"))
    root = a.new_post("Hoe gaat het met jullie? " + uniq("w"))
    b.new_post("Privé: slecht.", "direct", in_reply_to=str(root))
    c.new_post("Alleen voor volgers.", "followers", in_reply_to=str(root))
    d.new_post("Goed, dank je!", in_reply_to=str(root))
    gone = d.new_post("Nog iets.", in_reply_to=str(root))
    assert d.post("/posts/%d/delete" % gone).status_code == 303
    held_writer(server).new_post("Even nadenken...", in_reply_to=str(root))
    assert api(server, "/api/v1/statuses/%d" % root)["replies_count"] == 1
    # The same on a timeline, in a thread and on the web.
    assert api(server, "/api/v1/statuses/%d/context" % root)["descendants"][0]["replies_count"] == 0
    mine = api(server, "/api/v1/accounts/%s/statuses" % account(server, a.name)["id"])
    assert [x["replies_count"] for x in mine if x["id"] == str(root)] == [1]
    assert "Reageren (1)" in a.get("/@" + a.name).text
    assert api(server, "/api/v1/statuses/%d" % root, token(server, c.name))["replies_count"] == 1


def test_unread_count_only_for_what_the_reader_may_see(server):
    owner, member, outsider = (server.new_user(prefix=p) for p in ("uco", "ucm", "uct"))
    tok = token(server, outsider.name)
    assert api(server, "/api/v1/notifications/unread_count", tok)["count"] == 0
    g = make_group(owner, "secret")
    add_member(server, g, member)
    group_post(member, group_id(owner, g), "Ken jij @%s? Die woont bij mij in de straat." % outsider.name)
    held_writer(server).new_post("Hoi @%s, even wachten" % outsider.name)
    assert api(server, "/api/v1/notifications/unread_count", tok)["count"] == 0
    assert outsider.unread() == 0
    owner.new_post("Hallo @%s" % outsider.name)
    assert api(server, "/api/v1/notifications/unread_count", tok)["count"] == 1
    assert outsider.unread() == 1


# ---- finding 20: hidden follower lists ----

def names(v):
    return {x["username"] for x in v}


def listed(c, path):
    """The people a list page shows (the page's own navigation names its reader)."""
    r = c.get(path)
    assert r.status_code == 200, (path, r.status_code)
    return r.text.split('<ul class="people">', 1)[1].split("</ul>", 1)[0]


def test_follower_lists_of_a_client_are_hidden_by_default(server, anon):
    client, friend, pro = (server.new_user(prefix=p) for p in ("hcl", "hfr", "hpr"))
    settings(pro, person_type="professional")
    assert friend.post("/@%s/follow" % client.name).status_code == 303
    assert client.post("/@%s/follow" % pro.name).status_code == 303
    ctok, ftok = token(server, client.name), token(server, friend.name)
    cid = account(server, client.name)["id"]
    pid = account(server, pro.name)["id"]
    for tok in (None, ftok):
        assert api(server, "/api/v1/accounts/%s/followers" % cid, tok) == []
        assert api(server, "/api/v1/accounts/%s/following" % cid, tok) == []
        acc = account(server, client.name, tok)
        assert acc["followers_count"] == 0 and acc["following_count"] == 0, acc
    # The pro's followers are shown, but not the client: that the client
    # follows this care provider is the same fact as the client's own hidden
    # list, seen from the other side (core_listed).  The pro sees them.
    assert client.name not in names(api(server, "/api/v1/accounts/%s/followers" % pid))
    assert client.name not in listed(anon, "/@%s/followers" % pro.name)
    assert client.name in names(api(server, "/api/v1/accounts/%s/followers" % pid, token(server, pro.name)))
    assert api(server, "/api/v1/accounts/%s" % pid)["followers_count"] == 1  # a number names no one
    for who in (anon, friend):
        assert friend.name not in listed(who, "/@%s/followers" % client.name)
        assert pro.name not in listed(who, "/@%s/following" % client.name)
    # The owner sees their own lists.
    assert friend.name in names(api(server, "/api/v1/accounts/%s/followers" % cid, ctok))
    assert pro.name in names(api(server, "/api/v1/accounts/%s/following" % cid, ctok))
    me = api(server, "/api/v1/accounts/verify_credentials", ctok)
    assert me["followers_count"] == 1 and me["hide_collections"] is True
    assert me["source"]["hide_collections"] is True
    # Nor does the profile page tell others how many.
    assert "/followers" not in anon.get("/@" + client.name).text
    assert "1 volgers" in client.get("/@" + client.name).text
    assert friend.name in listed(client, "/@%s/followers" % client.name)


def test_hiding_follower_lists_is_a_setting(server, anon):
    c, f = server.new_user(prefix="hsc"), server.new_user(prefix="hsf")
    settings(f, collections="shown")  # f is in others' lists only when f shows its own
    assert f.post("/@%s/follow" % c.name).status_code == 303
    ctok = token(server, c.name)
    cid = account(server, c.name)["id"]
    me = api(server, "/api/v1/accounts/update_credentials", ctok, "PATCH", data={"hide_collections": "false"})
    assert me["hide_collections"] is False
    assert f.name in names(api(server, "/api/v1/accounts/%s/followers" % cid))
    assert account(server, c.name)["followers_count"] == 1
    assert f.name in listed(anon, "/@%s/followers" % c.name)
    # On the settings page.
    settings(c, collections="hidden")
    assert api(server, "/api/v1/accounts/%s/followers" % cid) == []
    assert f.name not in listed(anon, "/@%s/followers" % c.name)
    assert 'name="collections" value="hidden" checked' in c.get("/settings").text
    # A professional shows them unless they choose otherwise.
    p, g = server.new_user(prefix="hsp"), server.new_user(prefix="hsg")
    settings(p, person_type="professional")
    settings(g, collections="shown")
    assert g.post("/@%s/follow" % p.name).status_code == 303
    assert g.name in listed(anon, "/@%s/followers" % p.name)
    settings(p, collections="hidden")
    assert g.name not in listed(anon, "/@%s/followers" % p.name)
    assert api(server, "/api/v1/accounts/%s/followers" % account(server, p.name)["id"]) == []
    # Saving the form as it was shown keeps the default, so a professional
    # who becomes a client has their lists hidden.
    q, r = server.new_user(prefix="hsq"), server.new_user(prefix="hsr")
    settings(q, person_type="professional")
    settings(q, person_type="professional", collections="shown")
    settings(r, collections="shown")
    assert r.post("/@%s/follow" % q.name).status_code == 303
    assert r.name in listed(anon, "/@%s/followers" % q.name)
    settings(q, person_type="client", collections="shown")
    assert r.name not in listed(anon, "/@%s/followers" % q.name)
    # Nonsense is refused.
    assert c.post("/settings/profile", {"display_name": c.name, "bio": "", "collections": "x"}).status_code == 400
