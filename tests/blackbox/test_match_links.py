"""Choosing a care worker connected to appointments and notifications
(issue 19, docs/matching.md): a profile is suggested because the
professional has free slots in the coming 7 days ("heeft deze week nog
plek", `available_this_week`); the professional gets a notification when a
client sends a request, never on a like alone."""
import datetime

import pytest
import requests

from conftest import Server, uniq
from test_stream_audience import hdr, token

SCOPES = "read write read:match write:match"
EVERY_DAY = " ".join("%s=08:00-20:00" % d for d in ("ma", "di", "wo", "do", "vr", "za", "zo"))


@pytest.fixture(scope="module")
def srv():
    s = Server(env={"KRING_APP_RATE": "0"}).start()
    yield s
    try:
        s.assert_clean_stop()
    finally:
        s.cleanup()


def api(s, tok, path, method="get", **kw):
    return getattr(requests, method)(s.base + path, headers=hdr(tok), timeout=30, **kw)


def pro(s, region, spec=None):
    c = s.new_user(prefix="pro")
    r = c.post("/settings/profile", {"display_name": c.name, "bio": "", "person_type": "professional",
                                     "expertise": "rouw", "languages": "Nederlands", "region": region})
    assert r.status_code == 303, r.text[:300]
    if spec:
        s.cli("availability", "set", c.name, spec)
    c.tok = token(s, c.name, SCOPES)
    c.id = api(s, c.tok, "/api/v1/accounts/lookup", params={"acct": c.name}).json()["id"]
    return c


def test_room_this_week_is_a_reason(srv):
    region = uniq("regio")
    later = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
    free = pro(srv, region, EVERY_DAY + " slot=30")
    far = pro(srv, region, "%s=09:00-12:00 slot=30" % later)  # slots, but only in three weeks
    none = pro(srv, region)  # no availability published
    name = srv.add_user(uniq("cli"))
    tok = token(srv, name, SCOPES)
    lst = api(srv, tok, "/api/v1/kring/match/list", params={"region": region}).json()
    why = {x["account"]["username"]: x["why"] for x in lst}
    assert "available_this_week" in why[free.name], why
    assert "available_this_week" not in why[far.name] and "available_this_week" not in why[none.name], why
    assert lst[0]["account"]["username"] == free.name  # more reasons first
    c = srv.login(name)
    page = c.get("/kiezen/lijst", params={"region": region})
    assert page.status_code == 200 and "heeft deze week nog plek" in page.text


def match_notifs(s, tok):
    r = api(s, tok, "/api/v1/notifications")
    assert r.status_code == 200, r.text
    return [n for n in r.json() if n["type"] == "kring_match_request"]


def test_request_notifies_the_professional_a_like_does_not(srv):
    p = pro(srv, uniq("regio"))
    cli = srv.new_user(prefix="cli")
    tok = token(srv, cli.name, SCOPES)
    assert api(srv, tok, "/api/v1/kring/match/%s/like" % p.id, "post").status_code == 200
    assert match_notifs(srv, p.tok) == []
    assert api(srv, p.tok, "/api/v1/notifications").json() == []  # nothing at all about the like
    r = api(srv, tok, "/api/v1/kring/match/%s/request" % p.id, "post", data={"message": "Ik zoek hulp bij rouw."})
    assert r.status_code == 200, r.text
    got = match_notifs(srv, p.tok)
    assert len(got) == 1 and got[0]["account"]["username"] == cli.name
    # a second request is refused and tells nobody again
    assert api(srv, tok, "/api/v1/kring/match/%s/request" % p.id, "post").status_code >= 400
    assert len(match_notifs(srv, p.tok)) == 1
    # a skip tells nobody
    other = pro(srv, uniq("regio"))
    assert api(srv, tok, "/api/v1/kring/match/%s/skip" % other.id, "post").status_code == 200
    assert api(srv, other.tok, "/api/v1/notifications").json() == []
    page = p.get("/notifications")
    assert page.status_code == 200 and "stuurde u een verzoek" in page.text and 'href="/kiezen/verzoeken"' in page.text
