"""Visibility rules: followers-only and direct posts, organisation posts."""
import pytest

from conftest import post_ids, uniq


def word():
    return "geheimwoord" + uniq("v").replace("_", "")


def tagname():
    return "privtag" + uniq("t").replace("_", "")


def follow(a, b):
    r = a.post("/@%s/follow" % b.name, {})
    assert r.status_code == 303


def everywhere(client, author, pid, w, tag):
    """Where the post shows up for `client` (set of page names)."""
    seen = set()
    r = client.get("/posts/%d" % pid)
    if r.status_code == 200:
        seen.add("thread")
    else:
        assert r.status_code == 404, r.status_code
    if w in client.get("/posts/%d/history" % pid).text:
        seen.add("history")
    pages = {
        "profile": "/@" + author,
        "local": "/local",
        "tag": "/tags/" + tag,
        "search": "/search?q=" + w,
        "tagsearch": "/search?q=%23" + tag,
        "home": "/",
    }
    for k, path in pages.items():
        r = client.get(path)
        assert r.status_code == 200, (path, r.status_code)
        body = r.text.replace('value="%s"' % w, "").replace('value="#%s"' % tag, "")
        if pid in post_ids(r.text) or w in body:
            seen.add(k)
    return seen


@pytest.fixture
def trio(server):
    author = server.new_user(prefix="auth")
    follower = server.new_user(prefix="fol")
    stranger = server.new_user(prefix="str")
    follow(follower, author)
    return author, follower, stranger


def test_followers_only_post(server, trio, anon):
    author, follower, stranger = trio
    w, tag = word(), tagname()
    pid = author.new_post("%s voor volgers #%s" % (w, tag), "followers")
    assert everywhere(anon, author.name, pid, w, tag) == set()
    assert everywhere(stranger, author.name, pid, w, tag) == set()
    seen = everywhere(follower, author.name, pid, w, tag)
    assert {"thread", "profile", "home"} <= seen, seen
    assert "local" not in seen, "followers-only posts do not belong on the public local timeline"
    mine = everywhere(author, author.name, pid, w, tag)
    assert {"thread", "profile", "home"} <= mine, mine


def test_followers_only_search_for_follower(server, trio):
    author, follower, stranger = trio
    w, tag = word(), tagname()
    pid = author.new_post("%s zichtbaar #%s" % (w, tag), "followers")
    assert pid in post_ids(follower.get("/search?q=" + w).text)
    assert pid in post_ids(follower.get("/tags/" + tag).text)


def test_followers_only_not_leaked_by_actions(server, trio):
    author, follower, stranger = trio
    pid = author.new_post("alleen volgers " + word(), "followers")
    for action in ("fav", "boost", "edit", "delete"):
        data = {"text": "x"} if action == "edit" else {}
        r = stranger.post("/posts/%d/%s" % (pid, action), data)
        assert r.status_code == 404, (action, r.status_code)
    r = stranger.post("/posts", {"text": "reactie", "visibility": "public", "in_reply_to": str(pid)})
    assert r.status_code == 404 or 400 <= r.status_code < 500
    # Followers cannot boost a followers-only post.
    r = follower.post("/posts/%d/boost" % pid, {})
    assert 400 <= r.status_code < 500
    assert follower.get("/posts/%d" % pid).status_code == 200


def test_unfollow_loses_access(server, trio):
    author, follower, stranger = trio
    pid = author.new_post("voor volgers " + word(), "followers")
    assert follower.get("/posts/%d" % pid).status_code == 200
    assert follower.post("/@%s/unfollow" % author.name, {}).status_code == 303
    assert follower.get("/posts/%d" % pid).status_code == 404


def test_direct_post(server, trio, anon):
    author, follower, stranger = trio
    rcpt = server.new_user(prefix="rcpt")
    extra = server.new_user(prefix="extra")
    w, tag = word(), tagname()
    pid = author.new_post("@%s %s privé #%s" % (rcpt.name, w, tag), "direct", to="@" + extra.name)
    for who in (anon, follower, stranger):
        assert everywhere(who, author.name, pid, w, tag) == set(), who.name
    for who in (rcpt, extra, author):
        seen = everywhere(who, author.name, pid, w, tag)
        assert "thread" in seen, (who.name, seen)
        assert "local" not in seen, (who.name, seen)
    # Notifications: recipients are told, others are not.
    assert pid_in_notifications(rcpt, pid, w)
    assert pid_in_notifications(extra, pid, w)
    assert not pid_in_notifications(follower, pid, w)
    assert not pid_in_notifications(stranger, pid, w)


def pid_in_notifications(c, pid, w):
    t = c.get("/notifications").text
    return ("/posts/%d" % pid) in t or w in t


def test_direct_reply_stays_private(server, trio):
    author, follower, stranger = trio
    rcpt = server.new_user(prefix="rcpt")
    root = author.new_post("@%s vraagje %s" % (rcpt.name, word()), "direct")
    w = word()
    rep = rcpt.new_post("@%s antwoord %s" % (author.name, w), "direct", in_reply_to=str(root))
    assert author.get("/posts/%d" % rep).status_code == 200
    assert stranger.get("/posts/%d" % rep).status_code == 404
    assert follower.get("/posts/%d" % rep).status_code == 404
    # A public reply in a thread does not reveal the private root.
    pub = rcpt.new_post("openbaar " + word(), in_reply_to=str(root))
    r = stranger.get("/posts/%d" % pub)
    if r.status_code == 200:
        assert root not in post_ids(r.text)
        assert 'href="/posts/%d"' % root not in r.text


def test_reply_to_followers_post_not_shown_to_stranger_in_thread(server, trio):
    author, follower, stranger = trio
    root = author.new_post("openbaar begin " + word())
    w = word()
    rep = follower.new_post("%s alleen volgers" % w, "followers", in_reply_to=str(root))
    r = stranger.get("/posts/%d" % root)
    assert r.status_code == 200
    assert rep not in post_ids(r.text) and w not in r.text
    r = author.get("/posts/%d" % root)
    assert root in post_ids(r.text)


def no_hold(admin, org):
    """Organisation posts may be held back for a while (bedenktijd); switch that off."""
    if admin.get("/admin/orgs/%s/policy" % org).status_code == 200:
        r = admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0", "ignore": ""})
        assert r.status_code == 303, r.text[:300]


def test_organisation_posts(server, admin, anon):
    org = uniq("org")
    server.cli("org", "add", org, "--display-name", "Zorggroep Test")
    no_hold(admin, org)
    staff = server.new_user(prefix="staff")
    other = server.new_user(prefix="other")
    server.cli("org", "staff", org, staff.name)
    r = staff.get("/")
    assert 'name="as"' in r.text and 'value="%s"' % org in r.text
    w = word()
    pid = staff.new_post("Namens de organisatie " + w, **{"as": org})
    r = anon.get("/posts/%d" % pid)
    assert r.status_code == 200
    assert 'href="/@%s"' % org in r.text
    assert "Geschreven door" in r.text and 'href="/@%s"' % staff.name in r.text
    assert pid in post_ids(anon.get("/@" + org).text)
    assert pid not in post_ids(anon.get("/@" + staff.name).text)
    # Non-staff may not post as the organisation.
    n = anon.profile_count(org)
    r = other.post("/posts", {"text": "ik doe alsof " + word(), "visibility": "public", "as": org})
    assert r.status_code == 403
    r = other.post("/posts", {"text": "ik doe alsof", "visibility": "public", "as": staff.name})
    assert r.status_code == 403
    assert anon.profile_count(org) == n
    # Staff may edit/delete organisation posts? At least the org page still lists staff.
    assert staff.name in anon.get("/@" + org).text


def test_admin_org_and_staff_via_web(server, admin, anon):
    org = uniq("webo")
    r = admin.post("/admin/orgs", {"username": org, "display_name": "Webzorg"})
    assert r.status_code == 303, r.text[:400]
    no_hold(admin, org)
    staff = server.new_user(prefix="wstaff")
    r = admin.post("/admin/orgs/%s/staff" % org, {"person": staff.name})
    assert r.status_code == 303
    pid = staff.new_post("webzorg bericht", **{"as": org})
    assert "Geschreven door" in anon.get("/posts/%d" % pid).text
    # Only admins manage organisations.
    r = staff.post("/admin/orgs", {"username": uniq("evil"), "display_name": "x"})
    assert r.status_code in (403, 404)
    # Organisations cannot log in (no password).
    c = server.client()
    c.ensure_csrf()
    r = c.post("/login", {"username": org, "password": "", "next": "/"})
    assert r.status_code in (400, 401)
