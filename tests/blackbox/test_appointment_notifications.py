"""Appointment reminders as notifications (issue 18, docs/appointments.md):
the confirmation, a move and a cancellation reach the client in the
notification list as `kring_appointment` (the provider as `account`,
`kring_appointment` naming the appointment, what happened and its start),
and on the notifications page with a link to "mijn afspraken".  Nobody else
gets them."""
import datetime
import time

import pytest
import requests

from conftest import Server, uniq
from test_stream_audience import hdr, token

SCOPE = "read write"
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
    return getattr(requests, method)(s.base + path, headers=hdr(tok) if tok else {}, timeout=30, **kw)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def appt_notifs(s, tok, ap_id):
    r = api(s, tok, "/api/v1/notifications", params={"limit": 40})
    assert r.status_code == 200, r.text
    return [n for n in r.json() if n["type"] == "kring_appointment" and n["kring_appointment"]["id"] == ap_id]


def wait(s, tok, ap_id, n):
    deadline = time.time() + 20
    got = []
    while time.time() < deadline:
        got = appt_notifs(s, tok, ap_id)
        if len(got) >= n:
            return got
        time.sleep(0.3)
    return got


def test_booked_moved_cancelled_are_notifications(srv):
    pro = srv.new_user(prefix="pro")
    r = pro.post("/settings/profile", {"display_name": pro.name, "bio": "", "person_type": "professional"})
    assert r.status_code == 303
    srv.cli("availability", "set", pro.name, EVERY_DAY + " slot=30")
    ptok = token(srv, pro.name, SCOPE)
    prov = api(srv, ptok, "/api/v1/accounts/verify_credentials").json()["id"]
    cli = srv.new_user(prefix="cli")
    tok = token(srv, cli.name, SCOPE)
    other = token(srv, srv.add_user(uniq("ander")), SCOPE)
    now = datetime.datetime.now(datetime.timezone.utc)
    free = requests.get(srv.base + "/api/v1/kring/providers/%s/slots" % prov,
                        params={"from": iso(now + datetime.timedelta(days=3)),
                                "to": iso(now + datetime.timedelta(days=5))}, timeout=30).json()
    r = api(srv, tok, "/api/v1/kring/appointments", "post", data={"provider_id": prov, "start": free[0]["start"]})
    assert r.status_code == 201, r.text
    ap = r.json()["id"]
    got = wait(srv, tok, ap, 1)
    assert len(got) == 1, got
    n = got[0]
    assert n["kring_appointment"]["event"] == "booked" and n["kring_appointment"]["start"][:16] == free[0]["start"][:16]
    assert n["account"]["id"] == prov and "status" not in n
    # one notification, also by id and in the unread count
    assert api(srv, tok, "/api/v1/notifications/%s" % n["id"]).json()["type"] == "kring_appointment"
    # a move, then a cancellation
    assert api(srv, tok, "/api/v1/kring/appointments/%s" % ap, "put", data={"start": free[4]["start"]}).status_code == 200
    got = wait(srv, tok, ap, 2)
    assert got[0]["kring_appointment"]["event"] == "moved", got
    assert got[0]["kring_appointment"]["start"][:16] == free[4]["start"][:16]
    assert api(srv, tok, "/api/v1/kring/appointments/%s" % ap, "delete").status_code == 200
    got = wait(srv, tok, ap, 3)
    assert got[0]["kring_appointment"]["event"] == "cancelled", got
    assert [g["kring_appointment"]["event"] for g in got] == ["cancelled", "moved", "booked"]
    # nobody else: not the provider, not another person
    assert appt_notifs(srv, ptok, ap) == [] and appt_notifs(srv, other, ap) == []
    # Mastodon's filters: the type can be asked for and left out
    r = api(srv, tok, "/api/v1/notifications", params={"types[]": "kring_appointment"}).json()
    assert len([x for x in r if x["kring_appointment"]["id"] == ap]) == 3
    r = api(srv, tok, "/api/v1/notifications", params={"exclude_types[]": "kring_appointment"}).json()
    assert all(x["type"] != "kring_appointment" for x in r)
    # grouped notifications (v2) name the type too
    r = api(srv, tok, "/api/v2/notifications")
    assert r.status_code == 200 and any(g["type"] == "kring_appointment" for g in r.json()["notification_groups"])
    # the page
    page = cli.get("/notifications")
    assert page.status_code == 200
    assert "over uw afspraak" in page.text and 'href="/mijn-afspraken"' in page.text
    assert "Afgezegd:" in page.text and "verzet naar:" in page.text and "staat vast:" in page.text
