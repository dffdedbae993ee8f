"""Reviews verified by appointments and consultation hours (issues 18 and 19
connected, docs/reviews.md): a completed appointment with the provider and a
consultation question the provider answered (an anonymous one too) are
relations; a booked appointment that has not taken place yet, a cancelled one
and an unanswered question are not.  An anonymous asker's review does not
show them to the professional.  A test cannot wait for an appointment to
pass, so it moves the row into the past in the database itself."""
import datetime
import sqlite3

import pytest
import requests

from conftest import TEST_DB, pg_db_name, pg_psql, uniq, UNLIMITED, own_server
from test_stream_audience import hdr, token

SCOPES = "read write follow read:reviews write:reviews"
EVERY_DAY = " ".join("%s=08:00-20:00" % d for d in ("ma", "di", "wo", "do", "vr", "za", "zo"))


@pytest.fixture(scope="module")
def srv():
    yield from own_server(**UNLIMITED)


def api(s, tok, path, method="get", **kw):
    return getattr(requests, method)(s.base + path, headers=hdr(tok) if tok else {}, timeout=30, **kw)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def me(s, tok):
    return api(s, tok, "/api/v1/accounts/verify_credentials").json()


def professional(s, spec=None):
    c = s.new_user(prefix="pro")
    r = c.post("/settings/profile", {"display_name": c.name, "bio": "", "person_type": "professional"})
    assert r.status_code == 303, r.text[:300]
    if spec:
        s.cli("availability", "set", c.name, spec)
    c.tok = token(s, c.name, SCOPES)
    c.id = me(s, c.tok)["id"]
    return c


def person(s, prefix="cli"):
    c = s.new_user(prefix=prefix)
    c.tok = token(s, c.name, SCOPES)
    c.id = me(s, c.tok)["id"]
    return c


def month():
    d = datetime.date.today()
    return "%04d-%02d" % (d.year, d.month)


def review(s, tok, provider_id):
    return api(s, tok, "/api/v1/kring/reviews", "post",
               data={"provider_id": provider_id, "informatie": 8, "luisteren": 9, "wachttijd": 6, "resultaat": 8,
                     "text": "Goed uitgelegd en rustig geluisterd. " + uniq("t"), "experience": month()})


def eligibility(s, tok, provider_id):
    r = api(s, tok, "/api/v1/kring/reviews/eligibility/%s" % provider_id)
    assert r.status_code == 200, r.text
    return r.json()


def refused(s, c, pro):
    r = review(s, c.tok, pro.id)
    assert r.status_code == 403, r.text
    assert "relation" in r.json()["error"] and "completed appointment" in r.json()["error"]
    assert eligibility(s, c.tok, pro.id)["relation"] == "none"
    page = c.get("/@%s/reviews/new" % pro.name)
    assert page.status_code == 403 and "afspraak die voorbij is" in page.text


def sql(s, text):
    if TEST_DB == "pg":
        pg_psql(text, db=pg_db_name(s.data))
        return
    con = sqlite3.connect(s.data + "/kring.db", timeout=10)
    try:
        con.execute(text)
        con.commit()
    finally:
        con.close()


def into_the_past(s, appt_id, days=20):
    d = days * 86400
    sql(s, "UPDATE appointments SET starts_at = starts_at - %d, ends_at = ends_at - %d, block_from = block_from - %d,"
           " block_to = block_to - %d WHERE id = %d" % (d, d, d, d, int(appt_id)))


def book(s, c, pro):
    now = datetime.datetime.now(datetime.timezone.utc)
    r = requests.get(s.base + "/api/v1/kring/providers/%s/slots" % pro.id,
                     params={"from": iso(now + datetime.timedelta(days=2)),
                             "to": iso(now + datetime.timedelta(days=4))}, timeout=30)
    assert r.status_code == 200, r.text
    taken = {a["start"] for a in api(s, pro.tok, "/api/v1/kring/providers/%s/appointments" % pro.id).json()}
    start = [f["start"] for f in r.json() if f["start"] not in taken][0]
    r = api(s, c.tok, "/api/v1/kring/appointments", "post", data={"provider_id": pro.id, "start": start})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def test_completed_appointment_is_a_relation(srv):
    pro = professional(srv, EVERY_DAY + " slot=30")
    c = person(srv)
    refused(srv, c, pro)
    ap = book(srv, c, pro)
    # Booked but not yet taken place: no relation.
    refused(srv, c, pro)
    # A cancelled appointment that would have been in the past is none either.
    other = person(srv)
    gone = book(srv, other, pro)
    assert api(srv, other.tok, "/api/v1/kring/appointments/%s" % gone, "delete").status_code == 200
    into_the_past(srv, gone, days=30)
    refused(srv, other, pro)
    # The appointment took place: now c may review, once for it.
    into_the_past(srv, ap)
    e = eligibility(srv, c.tok, pro.id)
    assert e["allowed"] is True and e["relation"] == "appointment", e
    r = review(srv, c.tok, pro.id)
    assert r.status_code in (200, 201), r.text
    r = review(srv, c.tok, pro.id)
    assert r.status_code == 403 and "already reviewed" in r.json()["error"]
    # A second completed appointment is a new relation period.
    ap2 = book(srv, c, pro)
    into_the_past(srv, ap2, days=10)
    assert eligibility(srv, c.tok, pro.id)["allowed"] is True
    assert review(srv, c.tok, pro.id).status_code in (200, 201)


def ask(s, tok, sid, text, visibility):
    r = api(s, tok, "/api/v1/kring/consult/sessions/%s/questions" % sid, "post",
            data={"text": text, "visibility": visibility})
    assert r.status_code == 200, r.text
    return r.json()


def open_session(s, pro):
    now = datetime.datetime.now(datetime.timezone.utc)
    r = api(s, pro.tok, "/api/v1/kring/consult/sessions", "post",
            data={"topic": "Slapen " + uniq("t"), "starts_at": iso(now - datetime.timedelta(minutes=5)),
                  "ends_at": iso(now + datetime.timedelta(minutes=120))})
    assert r.status_code == 200, r.text
    return r.json()["id"]


@pytest.mark.parametrize("visibility", ["public", "private", "anonymous"])
def test_answered_consultation_question_is_a_relation(srv, visibility):
    pro = professional(srv)
    c = person(srv, prefix="vrager")
    sid = open_session(srv, pro)
    q = ask(srv, c.tok, sid, "Hoe lang moet ik slapen? " + uniq("q"), visibility)
    # Asked, not answered: no relation.
    refused(srv, c, pro)
    r = api(srv, pro.tok, "/api/v1/kring/consult/questions/%s/answers" % q["id"], "post",
            data={"text": "Zeven tot negen uur is gewoon."})
    assert r.status_code == 200, r.text
    e = eligibility(srv, c.tok, pro.id)
    assert e["allowed"] is True and e["relation"] == "consultation", e
    r = review(srv, c.tok, pro.id)
    assert r.status_code in (200, 201), r.text
    rid = str(r.json()["id"])
    assert review(srv, c.tok, pro.id).status_code == 403  # once per question
    if visibility == "anonymous":
        # The review does not reveal the anonymous asker to the professional.
        acc = me(srv, c.tok)
        secrets = [acc["id"], c.name, "@" + c.name, acc["display_name"]]
        for where in ("/api/v1/kring/reviews?provider_id=%s" % pro.id,
                      "/api/v1/notifications"):
            r = api(srv, pro.tok, where)
            for secret in secrets:
                assert secret not in r.text, (where, secret)
        page = pro.get("/@%s/reviews" % pro.name)
        assert page.status_code == 200
        for secret in secrets[1:]:
            assert secret not in page.text, secret
