"""Groups (kringen), direct messages and moderation, end to end over HTTP.

The heart is the visibility matrix: each kind of group x each kind of viewer x
each read path.  A closed or secret group's content must never show outside it."""
import re

import pytest

from conftest import uniq

GROUP_ID_RE = re.compile(r'name="group_id" value="(\d+)"')


def make_group(owner, kind, premod="none"):
    name = uniq("k")
    r = owner.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                               "rules": "Wees aardig", "kind": kind, "premod": premod})
    assert r.status_code == 303, r.text[:500]
    return name


def group_id(client, name):
    r = client.get("/g/" + name)
    assert r.status_code == 200, r.status_code
    m = GROUP_ID_RE.search(r.text)
    assert m, "member should see the group compose form"
    return m.group(1)


def add_member(server, group, client, role="member"):
    server.cli("group", "member", "add", group, client.name, "--role", role)


def group_post(client, gid, text, expect=303):
    r = client.post("/posts", {"text": text, "visibility": "public", "group_id": gid})
    assert r.status_code == expect, (r.status_code, r.text[:500])
    if expect != 303:
        return None
    return int(re.search(r"/posts/(\d+)", r.headers["Location"]).group(1))


@pytest.fixture(scope="module")
def world(server, admin):
    """Owner, moderator, member, requester, outsider; one group of each kind,
    each with a post that has a tag, a search word and a mention of the outsider.
    Shared by the module: the read-only matrix runs first, the flows that change
    membership after it (pytest keeps file order)."""
    w = {"owner": server.new_user(prefix="own"), "mod": server.new_user(prefix="mod"),
         "member": server.new_user(prefix="mem"), "requester": server.new_user(prefix="req"),
         "other": server.new_user(prefix="oth"), "anon": server.client(), "admin": admin}
    # The outsider follows the member: a follow must not open a group.
    w["other"].post("/@%s/follow" % w["member"].name)
    w["groups"] = {}
    for kind in ("open", "closed", "secret"):
        g = make_group(w["owner"], kind)
        add_member(server, g, w["mod"], "moderator")
        add_member(server, g, w["member"])
        gid = group_id(w["owner"], g)
        word = uniq("woord")
        tag = uniq("tag")
        pid = group_post(w["member"], gid, "Vandaag %s in de kring #%s, hoi @%s" % (word, tag, w["other"].name))
        w["groups"][kind] = {"name": g, "id": gid, "post": pid, "word": word, "tag": tag}
    w["requester"].post("/g/%s/join" % w["groups"]["closed"]["name"], {"message": "Mag ik erbij?"})
    return w


READERS = {
    # kind -> viewers who may read the group's posts
    "open": {"owner", "mod", "member", "requester", "other", "admin"},
    "closed": {"owner", "mod", "member"},
    "secret": {"owner", "mod", "member"},
}
VIEWERS = ["anon", "other", "requester", "member", "mod", "owner", "admin"]


@pytest.mark.parametrize("kind", ["open", "closed", "secret"])
@pytest.mark.parametrize("viewer", VIEWERS)
def test_visibility_matrix(world, kind, viewer):
    g = world["groups"][kind]
    c = world[viewer]
    may = viewer in READERS[kind]
    marker = "/posts/%d" % g["post"]

    # Thread page
    r = c.get(marker)
    assert r.status_code == (200 if may else 404), (kind, viewer, "thread", r.status_code)
    # Group page: a secret group does not exist for outsiders
    r = c.get("/g/" + g["name"])
    if kind == "secret" and viewer in ("anon", "other", "requester", "admin"):
        assert r.status_code == 404
    else:
        assert r.status_code == 200
        assert (marker in r.text) == may, (kind, viewer, "group page")
        # Member counts of closed/secret groups are for members only
        if kind != "open" and not may:
            assert "leden" not in re.sub(r"<nav.*?</nav>", "", r.text, flags=re.S).split("<main", 1)[1].split("</section>", 1)[0]
    # Member list
    r = c.get("/g/%s/members" % g["name"])
    if may and viewer != "anon":
        assert r.status_code == 200 and world["member"].name in r.text
    else:
        assert r.status_code in (401, 403, 404, 303), (kind, viewer, "members", r.status_code)
        assert world["member"].name not in r.text
    # Hashtag, search, profile, local timeline
    for path in ("/tags/" + g["tag"], "/search?q=" + g["word"], "/@" + world["member"].name, "/local"):
        r = c.get(path)
        assert r.status_code == 200, (path, r.status_code)
        expected = may and path != "/local"   # group posts never go to the local timeline
        assert (marker in r.text) == expected, (kind, viewer, path)
    # Home timeline (followers of the author, members of the group)
    if viewer != "anon":
        home = c.get("/").text
        # Members see the group in their home; a follower of the author sees it
        # only where they may read it anyway (an open group).
        in_home = viewer in ("owner", "mod", "member") or (kind == "open" and viewer == "other")
        assert (marker in home) == in_home, (kind, viewer, "home")
    # Directory
    if viewer != "anon":
        listed = g["name"] in c.get("/groups").text
        assert listed == (kind != "secret" or viewer in ("owner", "mod", "member")), (kind, viewer, "directory")


def test_mentioned_outsider_gets_no_notification_from_closed_group(world):
    other = world["other"]
    page = other.get("/notifications").text
    assert "/posts/%d" % world["groups"]["open"]["post"] in page
    for kind in ("closed", "secret"):
        assert "/posts/%d" % world["groups"][kind]["post"] not in page


def test_admin_sees_secret_group_exists_but_not_its_posts(world):
    admin = world["admin"]
    g = world["groups"]["secret"]
    page = admin.get("/admin/groups").text
    assert "Kring " + g["name"] in page and world["owner"].name in page
    assert admin.get("/posts/%d" % g["post"]).status_code == 404


def test_join_request_flow(world):
    g = world["groups"]["closed"]
    mod, req = world["mod"], world["requester"]
    page = mod.get("/g/%s/members" % g["name"]).text
    assert req.name in page and "Mag ik erbij?" in page
    assert "wil lid worden" in mod.get("/notifications").text
    # A plain member cannot answer requests.
    r = world["member"].post("/g/%s/members/%s/accept" % (g["name"], req.name))
    assert r.status_code == 403
    assert req.get("/posts/%d" % g["post"]).status_code == 404
    r = mod.post("/g/%s/members/%s/accept" % (g["name"], req.name))
    assert r.status_code == 303
    assert req.get("/posts/%d" % g["post"]).status_code == 200
    assert "toegelaten" in req.get("/notifications").text


def test_invite_link_use_limit_and_bogus_tokens(server, world):
    g = world["groups"]["secret"]
    r = world["mod"].post("/g/%s/links" % g["name"], {"days": "7", "uses": "1"})
    assert r.status_code == 200
    assert "<svg" in r.text and "QR" in r.text
    link = re.search(r'id="link" readonly value="([^"]+)"', r.text).group(1)
    token = link.rsplit("/", 1)[1]
    a, b = server.new_user(prefix="inv"), server.new_user(prefix="inv")
    assert a.get("/join/" + token).status_code == 200
    assert a.post("/join/" + token).status_code == 303
    assert a.get("/posts/%d" % g["post"]).status_code == 200
    # Used up: the second person gets nothing, and nothing changes.
    assert b.get("/join/" + token).status_code == 404
    assert b.post("/join/" + token).status_code == 404
    assert b.get("/g/" + g["name"]).status_code == 404
    for bad in ("nonsense", "0" * 64, "zz" * 32, "a" * 65):
        assert b.get("/join/" + bad).status_code == 404
        assert b.post("/join/" + bad).status_code == 404
    # Links are for moderators.
    assert world["member"].post("/g/%s/links" % g["name"], {"days": "7", "uses": "5"}).status_code == 403
    assert world["mod"].post("/g/%s/links" % g["name"], {"days": "0", "uses": "5"}).status_code == 400


def test_invite_by_account_to_secret_group(server, world):
    g = world["groups"]["secret"]
    guest = server.new_user(prefix="gst")
    assert guest.get("/g/" + g["name"]).status_code == 404
    r = world["owner"].post("/g/%s/invite" % g["name"], {"person": guest.name})
    assert r.status_code == 303
    page = guest.get("/g/" + g["name"])
    assert page.status_code == 200 and "/posts/%d" % g["post"] not in page.text
    assert guest.post("/g/%s/join" % g["name"]).status_code == 303
    assert guest.get("/posts/%d" % g["post"]).status_code == 200


def test_premoderation(server, world):
    owner, member, mod = world["owner"], world["member"], world["mod"]
    g = make_group(owner, "closed", premod="all")
    add_member(server, g, mod, "moderator")
    add_member(server, g, member)
    gid = group_id(owner, g)
    pid = group_post(member, gid, "Mijn eerste bericht in deze kring")
    page = member.get("/posts/%d" % pid)
    assert page.status_code == 200 and "Wacht op goedkeuring" in page.text
    assert owner.get("/g/" + g).text.count("/posts/%d\"" % pid) == 0
    queue = mod.get("/g/%s/queue" % g)
    assert "/posts/%d" % pid in queue.text
    assert member.get("/g/%s/queue" % g).status_code == 403
    assert member.post("/posts/%d/approve" % pid).status_code == 403
    assert mod.post("/posts/%d/approve" % pid, {"back": "/g/%s/queue" % g}).status_code == 303
    assert "/posts/%d" % pid in owner.get("/g/" + g).text
    # Reject deletes.
    pid2 = group_post(member, gid, "Nog een bericht")
    assert mod.post("/posts/%d/reject" % pid2).status_code == 303
    assert member.get("/posts/%d" % pid2).status_code == 404


def test_pin_and_no_boost_of_group_posts(world):
    g = world["groups"]["open"]
    assert world["member"].post("/posts/%d/boost" % g["post"]).status_code == 403
    assert world["member"].post("/posts/%d/pin" % g["post"]).status_code == 403
    assert world["mod"].post("/posts/%d/pin" % g["post"]).status_code == 303
    assert "Vastgezet" in world["member"].get("/g/" + g["name"]).text


def test_reply_stays_in_group(world):
    g = world["groups"]["closed"]
    r = world["mod"].post("/posts", {"text": "Dank voor het delen", "visibility": "public",
                                     "in_reply_to": str(g["post"])})
    assert r.status_code == 303
    rid = int(re.search(r"/posts/(\d+)", r.headers["Location"]).group(1))
    assert world["other"].get("/posts/%d" % rid).status_code == 404
    assert world["anon"].get("/posts/%d" % rid).status_code == 404
    assert world["member"].get("/posts/%d" % rid).status_code == 200
    # Outsiders cannot post into the group or reply in it.
    assert world["other"].post("/posts", {"text": "hoi", "visibility": "public",
                                          "in_reply_to": str(g["post"])}).status_code == 404
    assert world["other"].post("/posts", {"text": "hoi", "visibility": "public",
                                          "group_id": g["id"]}).status_code == 403


def test_leave_remove_ban(server, world):
    g = world["groups"]["closed"]
    extra = server.new_user(prefix="ext")
    add_member(server, g["name"], extra)
    assert extra.get("/posts/%d" % g["post"]).status_code == 200
    assert extra.post("/g/%s/leave" % g["name"]).status_code == 303
    assert extra.get("/posts/%d" % g["post"]).status_code == 404
    add_member(server, g["name"], extra)
    assert world["mod"].post("/g/%s/members/%s/ban" % (g["name"], extra.name)).status_code == 303
    assert extra.get("/posts/%d" % g["post"]).status_code == 404
    assert extra.post("/g/%s/join" % g["name"]).status_code == 403
    # A moderator cannot remove the owner, a member cannot remove anyone.
    assert world["mod"].post("/g/%s/members/%s/remove" % (g["name"], world["owner"].name)).status_code == 403
    assert world["member"].post("/g/%s/members/%s/remove" % (g["name"], world["mod"].name)).status_code == 403


def test_reports_go_to_group_moderators_and_instance_moderators(server, world):
    g = world["groups"]["closed"]
    r = world["owner"].post("/posts/%d/report" % g["post"], {"reason": "Dit hoort hier niet"})
    assert r.status_code == 303
    queue = world["mod"].get("/g/%s/queue" % g["name"]).text
    assert "Dit hoort hier niet" in queue
    rid = re.search(r'/moderation/(\d+)/remove', queue).group(1)
    # An instance admin who is not in the group does not get group reports.
    assert "Dit hoort hier niet" not in world["admin"].get("/moderation").text
    assert world["admin"].post("/moderation/%s/remove" % rid).status_code in (403, 404)
    assert world["mod"].post("/moderation/%s/remove" % rid).status_code == 303
    assert world["member"].get("/posts/%d" % g["post"]).status_code == 404
    log = world["mod"].get("/g/%s/queue" % g["name"])
    assert log.status_code == 200
    # A public post reported goes to the instance moderators; suspend ends sessions.
    bad = server.new_user(prefix="bad")
    pid = bad.new_post("Koop nu goedkope pillen bij mij")
    assert world["other"].post("/posts/%d/report" % pid, {"reason": "spam"}).status_code == 303
    page = world["admin"].get("/moderation").text
    assert "spam" in page
    rid = re.search(r'/moderation/(\d+)/suspend', page).group(1)
    assert world["admin"].post("/moderation/%s/suspend" % rid).status_code == 303
    assert bad.get("/").text.count("Uitloggen") == 0
    assert "Account geschorst" in world["admin"].get("/moderation").text
    # Empty reasons and reports by anonymous visitors are refused.
    assert world["other"].post("/posts/%d/report" % world["groups"]["open"]["post"], {"reason": ""}).status_code == 400


def test_direct_messages_conversations_and_policy(server):
    a, b, c = server.new_user(prefix="dma"), server.new_user(prefix="dmb"), server.new_user(prefix="dmc")
    pid = a.new_post("Hoi, hoe gaat het met je moeder?", visibility="direct", to="@" + b.name)
    page = b.get("/messages").text
    assert "/posts/%d" % pid in page and "unread" in page
    b.get("/posts/%d" % pid)            # reading marks it read
    assert 'class="unread"' not in b.get("/messages").text
    assert "/posts/%d" % pid not in c.get("/messages").text
    assert c.get("/posts/%d" % pid).status_code == 404
    # Leaving hides the conversation.
    assert b.post("/messages/%d/leave" % pid).status_code == 303
    assert "/posts/%d" % pid not in b.get("/messages").text
    # Only people I follow may message me.
    r = c.post("/settings/profile", {"display_name": c.name, "bio": "", "dm_policy": "followed"})
    assert r.status_code == 303
    r = a.post("/posts", {"text": "Mag ik je iets vragen?", "visibility": "direct", "to": "@" + c.name})
    assert r.status_code == 403
    c.post("/@%s/follow" % a.name)
    a.new_post("Mag ik je iets vragen?", visibility="direct", to="@" + c.name)


def test_organisation_conversation_and_guidelines(server, admin):
    staff, client, other = server.new_user(prefix="stf"), server.new_user(prefix="cli"), server.new_user(prefix="oth")
    org = uniq("zorg")
    server.cli("org", "add", org, "--display-name", "Thuiszorg Test")
    server.cli("org", "staff", org, staff.name)
    admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0", "guidelines": "Ik deel niets over cliënten."})
    pid = client.new_post("Wanneer komt de verpleegkundige morgen?", visibility="direct", to="@" + org)
    # Staff of the organisation see and answer its conversations; others do not.
    assert staff.get("/posts/%d" % pid).status_code == 200
    assert "/posts/%d" % pid in staff.get("/messages").text
    assert other.get("/posts/%d" % pid).status_code == 404
    r = staff.post("/posts", {"text": "Morgen om tien uur.", "visibility": "direct", "in_reply_to": str(pid),
                              "as": org})
    assert r.status_code == 422 and "richtlijnen" in r.text.lower()
    assert staff.post("/guidelines/%s/accept" % org).status_code == 303
    rid = staff.new_post("Morgen om tien uur.", visibility="direct", in_reply_to=str(pid), **{"as": org})
    page = client.get("/posts/%d" % rid).text
    assert "Geschreven door" in page and staff.name in page
    # Someone who is not staff cannot accept, and cannot post as the organisation.
    assert other.post("/guidelines/%s/accept" % org).status_code == 403
    assert other.post("/posts", {"text": "hoi", "visibility": "public", "as": org}).status_code == 403


def test_bad_input(world):
    o = world["owner"]
    assert o.get("/g/bestaat_niet").status_code == 404
    assert o.post("/g/bestaat_niet/join").status_code == 404
    assert o.post("/groups", {"name": "x", "display_name": "", "kind": "open"}).status_code == 400
    assert o.post("/groups", {"name": "goed_naam", "display_name": "Goed", "kind": "anders"}).status_code == 400
    assert o.post("/posts", {"text": "hoi", "visibility": "public", "group_id": "abc"}).status_code == 400
    assert o.post("/posts", {"text": "hoi", "visibility": "public", "group_id": "999"}).status_code in (403, 404)
    g = world["groups"]["open"]
    # Someone else's moderation actions: refused, nothing changed.
    assert world["other"].post("/g/%s/members/%s/ban" % (g["name"], world["member"].name)).status_code in (403, 404)
    assert world["member"].get("/posts/%d" % g["post"]).status_code == 200
    assert world["other"].post("/moderation/1/remove").status_code in (403, 404)


def test_member_can_escalate_group_post_to_instance(server, world):
    g = world["groups"]["secret"]
    pid = group_post(world["member"], g["id"], "De moderator hier scheldt iedereen uit")
    r = world["owner"].post("/posts/%d/report" % pid, {"reason": "moderatie faalt", "escalate": "1"})
    assert r.status_code == 303
    page = world["admin"].get("/moderation").text
    # The administrator sees the reported text, still not the group's posts.
    assert "moderatie faalt" in page and "scheldt iedereen uit" in page
    assert world["admin"].get("/posts/%d" % pid).status_code == 404
    assert "moderatie faalt" not in world["mod"].get("/g/%s/queue" % g["name"]).text


def test_org_audit_log_lists_what_was_said_and_by_whom(server, admin):
    staff = server.new_user(prefix="aud")
    org = uniq("audorg")
    server.cli("org", "add", org)
    server.cli("org", "staff", org, staff.name)
    admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0"})
    pid = staff.new_post("Onze open dag is zaterdag.", **{"as": org})
    page = admin.get("/admin/orgs/%s/policy" % org).text
    assert "/posts/%d" % pid in page and staff.name in page
    assert staff.get("/admin/orgs/%s/policy" % org).status_code == 403


def admin_member_count(admin, display):
    """The member count the admin's group list shows for a group."""
    page = admin.get("/admin/groups").text
    for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        if cells and cells[0] == display:
            return int(cells[-1])
    raise AssertionError("group %s not listed" % display)


def test_member_count_follows_requests_joins_leaves_and_bans(server, admin):
    """The count is kept by triggers (migration 47), not counted per page:
    it must follow every way membership changes, and count members only."""
    owner, asker, extra = (server.new_user(prefix=p) for p in ("cowner", "cask", "cextra"))
    name = make_group(owner, "closed")
    display = "Kring " + name
    assert admin_member_count(admin, display) == 1                 # the owner
    assert asker.post("/g/%s/join" % name, {"message": "Graag"}).status_code == 303
    assert admin_member_count(admin, display) == 1                 # a request is no member
    assert owner.post("/g/%s/members/%s/accept" % (name, asker.name)).status_code == 303
    assert admin_member_count(admin, display) == 2
    add_member(server, name, extra)
    assert admin_member_count(admin, display) == 3
    assert extra.post("/g/%s/leave" % name).status_code == 303
    assert admin_member_count(admin, display) == 2
    add_member(server, name, extra)
    assert owner.post("/g/%s/members/%s/ban" % (name, extra.name)).status_code == 303
    assert admin_member_count(admin, display) == 2                 # banned: no member
    assert owner.post("/g/%s/members/%s/remove" % (name, asker.name)).status_code == 303
    assert admin_member_count(admin, display) == 1
