"""A post's audience only narrows, never widens (issue 11 #5, #6, #9, "Also High";
issue 13 #2).

- The guard's review page carries everything the compose form carried, and
  core refuses a confirmed post whose audience is not the one reviewed.
- A group post keeps the narrowest of the requested visibility and the group's
  audience (a followers-only post naming an open group stays followers-only).
- "Only ... may message me" holds for direct replies to public posts too.
- An edit of a group post is a new text: held again under pre-moderation, and
  refused for people no longer in the group."""
import html
import re

import pytest
import requests

from conftest import PASSWORD, uniq

BSN_TEXT = "Mevrouw Jansen op kamer 12 heeft weer een delier. Haar BSN is 123456782."
GROUP_ID_RE = re.compile(r'name="group_id" value="(\d+)"')
FORM_RE = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S)
INPUT_RE = re.compile(r"<input\b([^>]*)>")
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


def make_group(owner, kind, premod="none"):
    name = uniq("k")
    r = owner.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                               "rules": "Wees aardig", "kind": kind, "premod": premod})
    assert r.status_code == 303, r.text[:500]
    return name


def group_id(client, name):
    m = GROUP_ID_RE.search(client.get("/g/" + name).text)
    assert m, "a member sees the group's compose form"
    return m.group(1)


def add_member(server, group, client, role="member"):
    server.cli("group", "member", "add", group, client.name, "--role", role)


def forms(page):
    """[(attrs, {hidden name: [values]}, body)] for each form on a page."""
    out = []
    for attrs, body in FORM_RE.findall(page):
        a = {k: html.unescape(v) for k, v in ATTR_RE.findall(attrs)}
        fields = []
        for inp in INPUT_RE.findall(body):
            ia = {k: html.unescape(v) for k, v in ATTR_RE.findall(inp)}
            if ia.get("type") == "hidden" and "name" in ia:
                fields.append((ia["name"], ia.get("value", "")))
        out.append((a, fields, body))
    return out


def review_form(page, confirm):
    """The review page's "Toch plaatsen" (confirm) or "Opnieuw controleren" form."""
    for a, fields, body in forms(page):
        if a.get("class") == ("danger" if confirm else "compose"):
            return a["action"], fields
    raise AssertionError("no review form in page")


def pid_of(r):
    assert r.status_code == 303, (r.status_code, r.text[:800])
    return int(re.search(r"/posts/(\d+)", r.headers["Location"]).group(1))


def token(server, name):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "t", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"}, timeout=20).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write"}, timeout=20)
    assert r.status_code == 200, r.text
    return {"Authorization": "Bearer " + r.json()["access_token"]}


def api(server, method, path, h, **kw):
    return requests.request(method, server.base + path, headers=h, timeout=20, **kw)


@pytest.fixture
def closed(server):
    """A closed group with an owner, a member and an outsider."""
    owner, member, outsider = (server.new_user(prefix=p) for p in ("own", "mem", "out"))
    g = make_group(owner, "closed")
    add_member(server, g, member)
    return {"name": g, "id": group_id(owner, g), "owner": owner, "member": member, "outsider": outsider}


def guarded_group_post(c, gid):
    r = c.post("/posts", {"text": BSN_TEXT, "group_id": gid})
    assert r.status_code == 422 and "Controleer uw bericht" in r.text, r.status_code
    return r.text


def assert_only_in_group(server, w, pid):
    anon = server.client()
    assert anon.get("/posts/%d" % pid).status_code == 404
    assert w["outsider"].get("/posts/%d" % pid).status_code == 404
    assert "/posts/%d\"" % pid not in anon.get("/local").text
    assert "/posts/%d\"" % pid not in anon.get("/@" + w["member"].name).text
    assert w["owner"].get("/posts/%d" % pid).status_code == 200


def test_publish_anyway_keeps_the_closed_group(server, closed):
    page = guarded_group_post(closed["member"], closed["id"])
    action, fields = review_form(page, confirm=True)
    pid = pid_of(closed["member"].post(action, fields, csrf=False))
    assert_only_in_group(server, closed, pid)


def test_check_again_keeps_the_closed_group(server, closed):
    page = guarded_group_post(closed["member"], closed["id"])
    action, fields = review_form(page, confirm=False)
    fields.append(("text", "Vandaag een goed gesprek gehad in de kring."))
    pid = pid_of(closed["member"].post(action, fields, csrf=False))
    assert_only_in_group(server, closed, pid)


def test_publish_anyway_keeps_premoderation(server):
    owner, member, other = (server.new_user(prefix=p) for p in ("own", "mem", "mem"))
    g = make_group(owner, "closed", premod="all")
    add_member(server, g, member)
    add_member(server, g, other)
    page = guarded_group_post(member, group_id(owner, g))
    action, fields = review_form(page, confirm=True)
    pid = pid_of(member.post(action, fields, csrf=False))
    assert "Wacht op goedkeuring" in member.get("/posts/%d" % pid).text
    assert other.get("/posts/%d" % pid).status_code == 404
    assert server.client().get("/posts/%d" % pid).status_code == 404


def test_core_refuses_a_review_that_lost_the_group(server, closed):
    """Whatever the form sends: a post reviewed for the group is not saved outside it."""
    page = guarded_group_post(closed["member"], closed["id"])
    for confirm in (True, False):
        action, fields = review_form(page, confirm)
        fields = [(k, v) for k, v in fields if k != "group_id"]
        if not confirm:
            fields.append(("text", "Vandaag een goed gesprek gehad."))
        r = closed["member"].post(action, fields, csrf=False)
        assert r.status_code == 400, (confirm, r.status_code, r.headers.get("Location"))


def test_review_that_widens_visibility_is_refused(server, alice):
    r = alice.post("/posts", {"text": BSN_TEXT, "visibility": "followers"})
    assert r.status_code == 422
    action, fields = review_form(r.text, confirm=True)
    fields = [(k, "public" if k == "visibility" else v) for k, v in fields]
    assert alice.post(action, fields, csrf=False).status_code == 400


def test_reply_never_leaves_its_group_or_widens(server, closed):
    m, o = closed["member"], closed["owner"]
    pid = pid_of(m.post("/posts", {"text": "Hoe gaat het met jullie?", "group_id": closed["id"]}))
    other = make_group(o, "open")
    r = o.post("/posts", {"text": "Goed!", "in_reply_to": str(pid), "group_id": group_id(o, other)})
    assert r.status_code == 400
    # Without a group named, the reply stays in its parent's group, whatever the visibility.
    for vis in ("public", "followers"):
        rid = pid_of(o.post("/posts", {"text": "Goed!", "in_reply_to": str(pid), "visibility": vis}))
        assert_only_in_group(server, closed, rid)
    # A reply to a followers-only post is followers-only, whatever was asked.
    fid = pid_of(m.post("/posts", {"text": "Alleen voor volgers", "visibility": "followers"}))
    h = token(server, m.name)
    r = api(server, "POST", "/api/v1/statuses", h, data={"status": "Mooi", "in_reply_to_id": str(fid),
                                                         "visibility": "public"})
    assert r.status_code == 200 and r.json()["visibility"] == "private", r.text
    assert closed["outsider"].get("/posts/%s" % r.json()["id"]).status_code == 404


def test_followers_post_naming_an_open_group_stays_followers_only(server):
    owner, member, follower, stranger = (server.new_user(prefix=p) for p in ("own", "mem", "fol", "str"))
    g = make_group(owner, "open")
    add_member(server, g, member)
    follower.post("/@%s/follow" % member.name)
    h = token(server, member.name)
    # Through the API, naming the group (as fediverse groups are addressed).
    r = api(server, "POST", "/api/v1/statuses", h, data={"status": "@%s hoi allemaal" % g, "visibility": "private"})
    assert r.status_code == 200, r.text
    pid = int(r.json()["id"])
    assert r.json()["visibility"] == "private"
    # Through the page, in the group's own compose form with "followers".
    pid2 = pid_of(member.post("/posts", {"text": "Alleen voor mijn volgers", "visibility": "followers",
                                         "group_id": group_id(owner, g)}))
    for p in (pid, pid2):
        assert stranger.get("/posts/%d" % p).status_code == 404, p
        assert owner.get("/posts/%d" % p).status_code == 404, p    # a member, but not a follower
        assert api(server, "GET", "/api/v1/statuses/%d" % p, token(server, stranger.name)).status_code == 404
        assert server.client().get("/posts/%d" % p).status_code == 404
        assert follower.get("/posts/%d" % p).status_code == 200, p
        assert member.get("/posts/%d" % p).status_code == 200
    assert "/posts/%d\"" % pid2 not in stranger.get("/g/" + g).text


def test_direct_reply_to_a_public_post_obeys_the_message_policy(server):
    c, a = server.new_user(prefix="cli"), server.new_user(prefix="str")
    r = c.post("/settings/profile", {"display_name": c.name, "bio": "", "dm_policy": "followed"})
    assert r.status_code == 303
    pub = c.new_post("Wie weet een goede fysiotherapeut?")
    r = a.post("/posts", {"text": "@%s ik stuur je privé een nummer" % c.name, "visibility": "direct",
                          "in_reply_to": str(pub)})
    assert r.status_code == 403, (r.status_code, r.headers.get("Location"))
    h = token(server, a.name)
    r = api(server, "POST", "/api/v1/statuses", h, data={"status": "@%s psst" % c.name, "visibility": "direct",
                                                         "in_reply_to_id": str(pub)})
    assert r.status_code in (403, 422), r.text
    # Answering a private message she sent herself is a conversation she started.
    dm = c.new_post("Mag ik u iets vragen?", visibility="direct", to="@" + a.name)
    a.new_post("Natuurlijk, vraag maar.", visibility="direct", in_reply_to=str(dm))
    # A public reply (no private message) stays possible.
    a.new_post("Mijn fysiotherapeut is goed", in_reply_to=str(pub))


def test_edit_of_an_approved_group_post_is_held_again(server):
    owner, mod, member, other = (server.new_user(prefix=p) for p in ("own", "mod", "mem", "oth"))
    g = make_group(owner, "closed", premod="all")
    add_member(server, g, mod, "moderator")
    add_member(server, g, member)
    add_member(server, g, other)
    gid = group_id(owner, g)
    pid = pid_of(member.post("/posts", {"text": "Mijn eerste bericht", "group_id": gid}))
    assert mod.post("/posts/%d/approve" % pid).status_code == 303
    assert "Mijn eerste bericht" in other.get("/posts/%d" % pid).text
    # API edit: held again until a moderator approves the new text.
    h = token(server, member.name)
    r = api(server, "PUT", "/api/v1/statuses/%d" % pid, h, data={"status": "Iets heel anders via de app"})
    assert r.status_code == 200, r.text
    assert other.get("/posts/%d" % pid).status_code == 404
    assert "/posts/%d" % pid in mod.get("/g/%s/queue" % g).text
    assert mod.post("/posts/%d/approve" % pid).status_code == 303
    assert "Iets heel anders via de app" in other.get("/posts/%d" % pid).text
    # Page edit: the same.
    r = member.post("/posts/%d/edit" % pid, {"text": "En nu via de website"})
    assert r.status_code == 303 and "msg=pending" in r.headers["Location"]
    assert other.get("/posts/%d" % pid).status_code == 404
    assert "/posts/%d" % pid in mod.get("/g/%s/queue" % g).text


def test_banned_or_departed_member_cannot_edit_group_posts(server):
    owner, member, leaver = (server.new_user(prefix=p) for p in ("own", "mem", "lvr"))
    g = make_group(owner, "open")
    add_member(server, g, member)
    add_member(server, g, leaver)
    gid = group_id(owner, g)
    pid = pid_of(member.post("/posts", {"text": "Een gewoon bericht", "group_id": gid}))
    lid = pid_of(leaver.post("/posts", {"text": "Tot ziens allemaal", "group_id": gid}))
    h = token(server, member.name)
    assert owner.post("/g/%s/members/%s/ban" % (g, member.name)).status_code == 303
    r = api(server, "PUT", "/api/v1/statuses/%d" % pid, h, data={"status": "Scheldwoorden"})
    assert r.status_code in (403, 404), r.text
    assert member.post("/posts/%d/edit" % pid, {"text": "Scheldwoorden"}).status_code in (403, 404)
    assert "Scheldwoorden" not in owner.get("/posts/%d" % pid).text
    assert leaver.post("/g/%s/leave" % g).status_code == 303
    assert leaver.post("/posts/%d/edit" % lid, {"text": "Iets anders"}).status_code in (403, 404)
    assert "Tot ziens allemaal" in owner.get("/posts/%d" % lid).text


def test_direct_reply_in_a_group_stays_between_its_people(server, closed):
    """A private answer to a group post is not published to the whole group."""
    m, o = closed["member"], closed["owner"]
    third = server.new_user(prefix="drd")
    add_member(server, closed["name"], third)
    pid = pid_of(m.post("/posts", {"text": "Wie heeft tips voor de nacht?", "group_id": closed["id"]}))
    rid = pid_of(o.post("/posts", {"text": "@%s ik bel je straks even" % m.name, "visibility": "direct",
                                   "in_reply_to": str(pid)}))
    assert m.get("/posts/%d" % rid).status_code == 200
    assert o.get("/posts/%d" % rid).status_code == 200
    assert third.get("/posts/%d" % rid).status_code == 404
    assert "/posts/%d\"" % rid not in third.get("/g/" + closed["name"]).text
    assert_only_in_group(server, closed, rid)


def test_private_answer_in_a_premoderated_group_is_not_read_by_moderators(server):
    owner, mod, member, other = (server.new_user(prefix=p) for p in ("own", "mod", "mem", "oth"))
    g = make_group(owner, "closed", premod="all")
    add_member(server, g, mod, "moderator")
    add_member(server, g, member)
    add_member(server, g, other)
    pid = pid_of(owner.post("/posts", {"text": "Welkom allemaal", "group_id": group_id(owner, g)}))
    rid = pid_of(member.post("/posts", {"text": "@%s dank u, mag ik u iets vragen?" % owner.name,
                                        "visibility": "direct", "in_reply_to": str(pid)}))
    assert owner.get("/posts/%d" % rid).status_code == 200
    for c in (mod, other):
        assert c.get("/posts/%d" % rid).status_code == 404
    assert "/posts/%d" % rid not in mod.get("/g/%s/queue" % g).text


def test_edit_never_adds_readers_to_a_private_post(server):
    a, b, c = (server.new_user(prefix=p) for p in ("eda", "edb", "edc"))
    c.post("/@%s/follow" % a.name)
    dm = a.new_post("Hoe gaat het met uw moeder?", visibility="direct", to="@" + b.name)
    fo = a.new_post("Alleen voor mijn volgers", visibility="followers")
    d = server.new_user(prefix="edd")
    for pid in (dm, fo):
        r = a.post("/posts/%d/edit" % pid, {"text": "@%s @%s kijk even mee" % (c.name, d.name)})
        assert r.status_code == 303
    assert c.get("/posts/%d" % dm).status_code == 404
    assert c.get("/posts/%d/history" % dm).status_code == 404
    assert d.get("/posts/%d" % fo).status_code == 404
    assert c.get("/posts/%d" % fo).status_code == 200      # a follower already read it
    assert b.get("/posts/%d" % dm).status_code == 200
    h = token(server, a.name)
    r = api(server, "PUT", "/api/v1/statuses/%d" % dm, h, data={"status": "@%s nog een keer" % d.name})
    assert r.status_code == 200
    assert d.get("/posts/%d" % dm).status_code == 404
    # A public post may name someone new: they are told, nobody new gains access.
    pub = a.new_post("Mooi weer vandaag")
    assert a.post("/posts/%d/edit" % pub, {"text": "Mooi weer vandaag, @%s" % d.name}).status_code == 303
    assert "/posts/%d" % pub in d.get("/notifications").text


def test_review_carries_every_compose_field(server, alice):
    """Whatever the compose form sent comes back from both review forms."""
    sent = {"visibility": "followers", "to": "", "spoiler_text": "Zorg", "language": "nl", "sensitive": "1"}
    r = alice.post("/posts", dict(sent, text=BSN_TEXT))
    assert r.status_code == 422
    for confirm in (True, False):
        _, fields = review_form(r.text, confirm)
        got = dict(fields)
        for k, v in sent.items():
            assert got.get(k) == v, (confirm, k, got)
        assert got.get("audience") == "0.1"
        assert [k for k, _ in fields].count("csrf") == 1
