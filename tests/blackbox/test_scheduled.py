"""Scheduled posts (issue 14, part 3): scheduled_at on POST /api/v1/statuses
and /api/v1/scheduled_statuses. The job queue publishes them at their time
through core_post_create, with the rules of that moment: an author who left
the group the post was written for is told, and the post is not published
(and not widened to the public either). This server lets a post be
scheduled 2 seconds ahead (KRING_TEST_SCHEDULE_AHEAD, test build only)
instead of Mastodon's 5 minutes, so nothing here sleeps for minutes."""
import datetime
import time

import pytest
import requests

from conftest import Server, uniq
from test_groups import group_id, make_group
from test_stream_audience import hdr, token

AHEAD = 2


@pytest.fixture(scope="module")
def srv():
    s = Server(env={"KRING_APP_RATE": "0", "KRING_TEST_SCHEDULE_AHEAD": str(AHEAD)}).start()
    yield s
    try:
        s.assert_clean_stop()
    finally:
        s.cleanup()


def iso(seconds_from_now, fmt="%Y-%m-%dT%H:%M:%S.000Z"):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds_from_now)
    return t.strftime(fmt)


def api(s, tok, path, method="get", **kw):
    return getattr(requests, method)(s.base + path, headers=hdr(tok), timeout=10, **kw)


def statuses_of(s, tok):
    me = api(s, tok, "/api/v1/accounts/verify_credentials").json()["id"]
    return api(s, tok, "/api/v1/accounts/%s/statuses" % me).json()


def wait_for(pred, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        got = pred()
        if got:
            return got
        time.sleep(0.3)
    return None


def test_scheduled_post_is_published_at_its_time(srv):
    tok = token(srv, srv.add_user(uniq("plan")))
    text = "Spreekuur verschoven naar vrijdag %s" % uniq("s")
    r = api(srv, tok, "/api/v1/statuses", "post", data={
        "status": text, "visibility": "public", "scheduled_at": iso(AHEAD + 2), "spoiler_text": "Agenda",
        "poll[options][]": ["ja", "nee"], "poll[expires_in]": "3600"})
    assert r.status_code == 200, r.text
    sch = r.json()
    assert sch["params"]["text"] == text and sch["params"]["visibility"] == "public"
    assert sch["params"]["poll"]["options"] == ["ja", "nee"] and sch["media_attachments"] == []
    assert sch["scheduled_at"].endswith("Z")
    # Waiting: listed, readable, not yet a status.
    assert [x["id"] for x in api(srv, tok, "/api/v1/scheduled_statuses").json()] == [sch["id"]]
    assert api(srv, tok, "/api/v1/scheduled_statuses/" + sch["id"]).json()["params"]["text"] == text
    assert not [st for st in statuses_of(srv, tok) if st["content"].find("verschoven") >= 0]
    posted = wait_for(lambda: [st for st in statuses_of(srv, tok) if "verschoven" in st["content"]])
    assert posted, "the scheduled post was not published"
    st = posted[0]
    assert st["spoiler_text"] == "Agenda" and st["poll"] and len(st["poll"]["options"]) == 2
    assert api(srv, tok, "/api/v1/scheduled_statuses").json() == []
    assert api(srv, tok, "/api/v1/scheduled_statuses/" + sch["id"]).status_code == 404


def test_too_soon_bad_dates_and_media_are_refused(srv):
    tok = token(srv, srv.add_user(uniq("plan")))
    for when in [iso(0), iso(-3600), "morgen", "2026-13-01T10:00:00Z", "9" * 80, iso(3 * 366 * 86400)]:
        r = api(srv, tok, "/api/v1/statuses", "post", data={"status": "Te vroeg", "scheduled_at": when})
        assert r.status_code == 422, (when, r.status_code, r.text)
    # Offsets and microseconds, as Python's isoformat writes them.
    later = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=1))) +
             datetime.timedelta(hours=2)).isoformat()
    r = api(srv, tok, "/api/v1/statuses", "post", data={"status": "Met tijdzone", "scheduled_at": later})
    assert r.status_code == 200, r.text
    r = api(srv, tok, "/api/v1/statuses", "post", data={"status": "", "scheduled_at": iso(3600)})
    assert r.status_code == 422
    r = api(srv, tok, "/api/v1/statuses", "post", data={"status": "x", "scheduled_at": iso(3600), "media_ids[]": "1"})
    assert r.status_code == 422 and "media" in r.json()["error"]
    # The guard reads it when it is scheduled, as a post.
    r = api(srv, tok, "/api/v1/statuses", "post", data={
        "status": "Mevrouw Jansen, BSN 123456782, komt vrijdag.", "visibility": "public", "scheduled_at": iso(3600)})
    assert r.status_code == 422, r.text
    assert "privacy" in r.text.lower() or "bsn" in r.text.lower() or "guard" in r.text.lower(), r.text
    r = api(srv, tok, "/api/v1/statuses", "post", data={
        "status": "Mevrouw Jansen, BSN 123456782, komt vrijdag.", "visibility": "public", "scheduled_at": iso(3600),
        "privacy_confirm": "true"})
    assert r.status_code == 200, r.text


def test_move_delete_and_only_ones_own(srv):
    tok = token(srv, srv.add_user(uniq("plan")))
    other = token(srv, srv.add_user(uniq("ander")))
    r = api(srv, tok, "/api/v1/statuses", "post", data={"status": "Later %s" % uniq("m"), "scheduled_at": iso(AHEAD + 1)})
    sid = r.json()["id"]
    assert api(srv, other, "/api/v1/scheduled_statuses/" + sid).status_code == 404
    assert api(srv, other, "/api/v1/scheduled_statuses/" + sid, "delete").status_code == 404
    assert api(srv, other, "/api/v1/scheduled_statuses/" + sid, "put", data={"scheduled_at": iso(7200)}).status_code == 404
    assert api(srv, other, "/api/v1/scheduled_statuses").json() == []
    r = api(srv, tok, "/api/v1/scheduled_statuses/" + sid, "put", data={"scheduled_at": iso(7200)})
    assert r.status_code == 200, r.text
    assert api(srv, tok, "/api/v1/scheduled_statuses/" + sid, "put", data={"scheduled_at": iso(0)}).status_code == 422
    # The job queued for the first time finds it moved and leaves it.
    time.sleep(AHEAD + 3)
    assert not [st for st in statuses_of(srv, tok) if "Later" in st["content"]]
    assert [x["id"] for x in api(srv, tok, "/api/v1/scheduled_statuses").json()] == [sid]
    assert api(srv, tok, "/api/v1/scheduled_statuses/" + sid, "delete").status_code == 200
    assert api(srv, tok, "/api/v1/scheduled_statuses/" + sid).status_code == 404
    ro = token(srv, srv.add_user(uniq("ro")), "read")
    assert api(srv, ro, "/api/v1/statuses", "post", data={"status": "x", "scheduled_at": iso(3600)}).status_code == 403


def test_author_who_left_the_group_is_told_and_nothing_is_published(srv):
    owner = srv.new_user(prefix="own")
    member = srv.new_user(prefix="lid")
    g = make_group(owner, "open")
    assert member.post("/g/%s/join" % g).status_code == 303
    group_id(member, g)  # a member now
    tok = token(srv, member.name)
    text = "@%s Wie komt er donderdag? %s" % (g, uniq("g"))
    r = api(srv, tok, "/api/v1/statuses", "post", data={"status": text, "visibility": "public",
                                                         "scheduled_at": iso(AHEAD + 2)})
    assert r.status_code == 200, r.text
    sid = r.json()["id"]
    assert member.post("/g/%s/leave" % g).status_code == 303
    failed = wait_for(lambda: [x for x in api(srv, tok, "/api/v1/scheduled_statuses").json()
                               if x.get("kring_state") == "failed"])
    assert failed and failed[0]["id"] == sid, api(srv, tok, "/api/v1/scheduled_statuses").text
    assert "kring" in failed[0]["kring_error"]
    # Not in the group, and not widened to the public as plain text either.
    assert not [st for st in statuses_of(srv, tok) if "donderdag" in st["content"]]
    pub = api(srv, tok, "/api/v1/timelines/public").json()
    assert not [st for st in pub if "donderdag" in st["content"]]
    # The author hears why, on the notifications page.
    page = member.get("/notifications").text
    assert "ingepland bericht niet plaatsen" in page and "geen lid meer" in page
    # Moved again, it waits again (and fails again while the author is out).
    r = api(srv, tok, "/api/v1/scheduled_statuses/" + sid, "put", data={"scheduled_at": iso(7200)})
    assert r.status_code == 200 and r.json()["kring_state"] == "scheduled"


def test_suspended_author_is_not_published(srv):
    name = srv.add_user(uniq("plan"))
    tok = token(srv, name)
    text = "Geschorst maar ingepland %s" % uniq("x")
    r = api(srv, tok, "/api/v1/statuses", "post", data={"status": text, "visibility": "public",
                                                         "scheduled_at": iso(AHEAD + 1)})
    assert r.status_code == 200, r.text
    srv.cli("user", "suspend", name)
    reader = token(srv, srv.add_user(uniq("lezer")))
    time.sleep(AHEAD + 3)
    pub = api(srv, reader, "/api/v1/timelines/public").json()
    assert not [st for st in pub if "Geschorst" in st["content"]]
    srv.cli("user", "unsuspend", name)
    tok = token(srv, name)
    failed = wait_for(lambda: [x for x in api(srv, tok, "/api/v1/scheduled_statuses").json()
                               if x.get("kring_state") == "failed"])
    assert failed and "geschorst" in failed[0]["kring_error"]
