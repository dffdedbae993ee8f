"""Announcements (issue 14, part 3): an administrator writes notices on
/admin/announcements; members read them through /api/v1/announcements,
dismiss them and react with unicode emoji.  The server runs with TZ=UTC so
the page's datetime-local fields are UTC here."""
import datetime
import re

import pytest
import requests

from conftest import Server, uniq
from test_stream_audience import hdr, token


@pytest.fixture(scope="module")
def srv():
    s = Server(env={"KRING_APP_RATE": "0", "TZ": "UTC"}).start()
    yield s
    try:
        s.assert_clean_stop()
    finally:
        s.cleanup()


def local(minutes_from_now):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes_from_now)
    return t.strftime("%Y-%m-%dT%H:%M")


def api(s, tok, path, method="get", **kw):
    return getattr(requests, method)(s.base + path, headers=hdr(tok), timeout=10, **kw)


def publish(admin, text, **extra):
    data = {"text": text, "publish": "1"}
    data.update(extra)
    r = admin.post("/admin/announcements", data)
    assert r.status_code == 303, r.text
    return r


def find(lst, text):
    for a in lst:
        if text in a["content"]:
            return a
    return None


@pytest.fixture(scope="module")
def people(srv):
    admin = srv.new_user(role="admin", prefix="beheer")
    member = srv.add_user(uniq("lid"))
    other = srv.add_user(uniq("lid"))
    return admin, token(srv, member), token(srv, other), member


def test_admin_publishes_member_sees(srv, people):
    admin, tok, _, _ = people
    text = "Kerstborrel op 20 december <b>in de huiskamer</b> %s" % uniq("k")
    publish(admin, text + "\n\nIedereen welkom.")
    page = admin.get("/admin/announcements")
    assert page.status_code == 200 and "huiskamer" in page.text
    r = api(srv, tok, "/api/v1/announcements")
    assert r.status_code == 200, r.text
    a = find(r.json(), text.split("</b> ")[1])
    assert a, r.json()
    # Escaped, in paragraphs; the documented fields all there.
    assert "&lt;b&gt;in de huiskamer&lt;/b&gt;" in a["content"]
    assert a["content"].startswith("<p>") and "</p><p>Iedereen welkom.</p>" in a["content"]
    for k, v in (("read", False), ("all_day", False), ("starts_at", None), ("ends_at", None), ("mentions", []),
                 ("statuses", []), ("tags", []), ("emojis", []), ("reactions", [])):
        assert a[k] == v, k
    assert a["published_at"] and a["updated_at"]
    # Without a token: Mastodon asks for one (read).
    assert requests.get(srv.base + "/api/v1/announcements", timeout=10).status_code == 401


def test_dismiss(srv, people):
    admin, tok, other, _ = people
    text = "Wegklikken %s" % uniq("d")
    publish(admin, text)
    a = find(api(srv, tok, "/api/v1/announcements").json(), text)
    r = api(srv, tok, "/api/v1/announcements/%s/dismiss" % a["id"], "post")
    assert r.status_code == 200 and r.json() == {}
    # Twice is fine (idempotent).
    assert api(srv, tok, "/api/v1/announcements/%s/dismiss" % a["id"], "post").status_code == 200
    assert find(api(srv, tok, "/api/v1/announcements").json(), text) is None
    again = find(api(srv, tok, "/api/v1/announcements", params={"with_dismissed": "true"}).json(), text)
    assert again and again["read"] is True
    # Per person: the other member still sees it, unread.
    b = find(api(srv, other, "/api/v1/announcements").json(), text)
    assert b and b["read"] is False
    assert api(srv, tok, "/api/v1/announcements/999999/dismiss", "post").status_code == 404


def test_reactions(srv, people):
    admin, tok, other, _ = people
    text = "Reageren %s" % uniq("r")
    publish(admin, text)
    aid = find(api(srv, tok, "/api/v1/announcements").json(), text)["id"]
    path = "/api/v1/announcements/%s/reactions/" % aid
    assert api(srv, tok, path + "👍", "put").status_code == 200
    assert api(srv, tok, path + "👍", "put").status_code == 200  # again: still one
    assert api(srv, other, path + "👍", "put").status_code == 200
    assert api(srv, other, path + "❤️", "put").status_code == 200
    mine = {x["name"]: x for x in find(api(srv, tok, "/api/v1/announcements").json(), text)["reactions"]}
    assert mine["👍"]["count"] == 2 and mine["👍"]["me"] is True
    assert mine["❤️"]["count"] == 1 and mine["❤️"]["me"] is False
    assert sorted(mine) == sorted(["👍", "❤️"])
    assert api(srv, other, path + "👍", "delete").status_code == 200
    theirs = {x["name"]: x for x in find(api(srv, other, "/api/v1/announcements").json(), text)["reactions"]}
    assert theirs["👍"]["count"] == 1 and theirs["👍"]["me"] is False
    # Only unicode emoji: no shortcodes or words (kring has no custom emoji).
    for bad in ("blobcat", ":blobcat:", "a👍", "👍 ", "x" * 40):
        r = api(srv, tok, path + requests.utils.quote(bad), "put")
        assert r.status_code == 422, (bad, r.status_code, r.text)
    assert api(srv, tok, "/api/v1/announcements/1/reactions/👍", "put").status_code == 404
    # At most 8 different ones per person.
    for e in ["😀", "😃", "😄", "😁", "😆", "😅", "🤣"]:
        assert api(srv, tok, path + e, "put").status_code == 200
    assert api(srv, tok, path + "🙂", "put").status_code == 422
    assert api(srv, tok, path + "😀", "put").status_code == 200


def test_unpublished_ended_and_future_not_shown(srv, people):
    admin, tok, _, _ = people
    draft = "Concept %s" % uniq("c")
    r = admin.post("/admin/announcements", {"text": draft})
    assert r.status_code == 303
    ended = "Afgelopen %s" % uniq("e")
    publish(admin, ended, starts_at=local(-120), ends_at=local(-60))
    future = "Later %s" % uniq("f")
    publish(admin, future, starts_at=local(60), ends_at=local(120), all_day="1")
    now = "Nu %s" % uniq("n")
    publish(admin, now, starts_at=local(-10), ends_at=local(60))
    lst = api(srv, tok, "/api/v1/announcements").json()
    assert find(lst, draft) is None and find(lst, ended) is None and find(lst, future) is None
    cur = find(lst, now)
    assert cur and cur["starts_at"] and cur["ends_at"]
    # Publishing the draft shows it; withdrawing hides it again.
    page = admin.get("/admin/announcements").text
    m = re.search(r'<p>%s</p>.*?action="/admin/announcements/(\d+)/publish"' % re.escape(draft), page, re.S)
    assert m, page
    assert admin.post("/admin/announcements/%s/publish" % m.group(1)).status_code == 303
    d = find(api(srv, tok, "/api/v1/announcements").json(), draft)
    assert d
    assert admin.post("/admin/announcements/%s/unpublish" % m.group(1)).status_code == 303
    assert find(api(srv, tok, "/api/v1/announcements").json(), draft) is None
    assert admin.post("/admin/announcements/%s/delete" % m.group(1)).status_code == 303
    assert draft not in admin.get("/admin/announcements").text


def test_bad_input_is_a_readable_400(srv, people):
    admin, _, _, _ = people
    for data in ({"text": ""}, {"text": "x" * 2001}, {"text": "a", "starts_at": "morgen"},
                 {"text": "a", "starts_at": local(60), "ends_at": local(30)}):
        r = admin.post("/admin/announcements", data)
        assert r.status_code == 400, (data, r.status_code)
        assert "2000 tekens" in r.text
    assert admin.post("/admin/announcements/123/publish").status_code == 404


def test_member_cannot_publish(srv, people):
    _, _, _, member = people
    c = srv.login(member)
    assert c.post("/admin/announcements", {"text": "Van een lid", "publish": "1"}).status_code == 403
    assert c.get("/admin/announcements").status_code == 403
    mod = srv.new_user(role="moderator", prefix="mod")
    assert mod.post("/admin/announcements", {"text": "Van een moderator", "publish": "1"}).status_code == 403


def test_org_pinned_posts_for_followers(srv, people):
    admin, tok, other, _ = people
    staff = srv.new_user(prefix="staf")
    org = uniq("zorgorg")
    srv.cli("org", "add", org)
    srv.cli("org", "staff", org, staff.name)
    # No think time, so followers read the post at once.
    assert admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0"}).status_code in (200, 303)
    text = "Open dag zaterdag %s" % uniq("o")
    pid = str(staff.new_post(text, "public", **{"as": org}))
    ts = token(srv, staff.name)
    assert api(srv, ts, "/api/v1/statuses/%s/pin" % pid, "post").status_code == 200
    oid = api(srv, tok, "/api/v1/accounts/lookup", params={"acct": org}).json()["id"]
    # Not followed: not an announcement.
    assert find(api(srv, tok, "/api/v1/announcements").json(), text) is None
    assert api(srv, tok, "/api/v1/accounts/%s/follow" % oid, "post").status_code == 200
    a = find(api(srv, tok, "/api/v1/announcements").json(), text)
    assert a, api(srv, tok, "/api/v1/announcements").json()
    assert a["id"] == pid and [s["id"] for s in a["statuses"]] == [pid]
    assert a["statuses"][0]["url"].endswith("/posts/" + pid)
    # Reactions and dismissing work on it as on a notice.
    assert api(srv, tok, "/api/v1/announcements/%s/reactions/👏" % pid, "put").status_code == 200
    a = find(api(srv, tok, "/api/v1/announcements").json(), text)
    assert [(x["name"], x["count"], x["me"]) for x in a["reactions"]] == [("👏", 1, True)]
    # Someone who does not follow it cannot react to it or dismiss it.
    assert api(srv, other, "/api/v1/announcements/%s/reactions/👏" % pid, "put").status_code == 404
    assert api(srv, other, "/api/v1/announcements/%s/dismiss" % pid, "post").status_code == 404
    assert api(srv, tok, "/api/v1/announcements/%s/dismiss" % pid, "post").status_code == 200
    assert find(api(srv, tok, "/api/v1/announcements").json(), text) is None
    assert find(api(srv, tok, "/api/v1/announcements", params={"with_dismissed": "1"}).json(), text)["read"]
    # Unpinned: gone.
    assert api(srv, ts, "/api/v1/statuses/%s/unpin" % pid, "post").status_code == 200
    assert find(api(srv, tok, "/api/v1/announcements", params={"with_dismissed": "1"}).json(), text) is None


def test_emoji_kinds(srv, people):
    """Skin tones, flags, families (joiners), keycaps and text-style symbols
    are emoji; letters, digits alone, spaces and controls are not."""
    admin, _, other, _ = people
    text = "Emoji %s" % uniq("j")
    publish(admin, text)
    aid = find(api(srv, other, "/api/v1/announcements").json(), text)["id"]
    path = "/api/v1/announcements/%s/reactions/" % aid
    good = ["👍🏽", "🇳🇱", "👨‍👩‍👧", "1️⃣", "☕", "❤️"]
    for e in good:
        r = api(srv, other, path + requests.utils.quote(e), "put")
        assert r.status_code == 200, (e, r.text)
    names = [x["name"] for x in find(api(srv, other, "/api/v1/announcements").json(), text)["reactions"]]
    assert sorted(names) == sorted(good)
    for bad in ("1", "é", "\u200b", "\u00a0👍", "👍\n", "%F0%9F", "ab"):
        r = api(srv, other, path + requests.utils.quote(bad), "put")
        assert r.status_code in (400, 422), (bad, r.status_code)
    # Removing one never given is fine (idempotent), an unknown name too.
    assert api(srv, other, path + "🙃", "delete").status_code == 200
