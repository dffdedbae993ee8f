"""Appointments (issue 18): availability, free slots, booking (201 / 409),
moving, cancelling, who may see what, and the race: 1,000 concurrent
booking requests at 100 slots give exactly 100 bookings, 900 clear
refusals and no overlap in the table, on both backends (make blackbox-pg
runs this file on PostgreSQL, where an exclusion constraint guards too)."""
import concurrent.futures
import datetime
import random
import re
import sqlite3
import threading

import pytest
import requests

from conftest import TEST_DB, Server, pg_db_name, pg_psql, uniq
from test_counts import settings
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


def professional(s, spec):
    pro = s.new_user(prefix="pro")
    settings(pro, person_type="professional")
    s.cli("availability", "set", pro.name, spec)
    tok = token(s, pro.name, SCOPE)
    me = api(s, tok, "/api/v1/accounts/verify_credentials").json()["id"]
    return pro, tok, me


def client(s):
    name = s.add_user(uniq("cli"))
    tok = token(s, name, SCOPE)
    return name, tok, api(s, tok, "/api/v1/accounts/verify_credentials").json()["id"]


def at(iso_time):
    return datetime.datetime.fromisoformat(iso_time.replace("Z", "+00:00"))


def slots(s, provider, days_from=2, days=3, kind=None):
    now = datetime.datetime.now(datetime.timezone.utc)
    params = {"from": iso(now + datetime.timedelta(days=days_from)),
              "to": iso(now + datetime.timedelta(days=days_from + days))}
    if kind:
        params["kind"] = kind
    r = requests.get(s.base + "/api/v1/kring/providers/%s/slots" % provider, params=params, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def table_rows(s):
    """(id, provider_id, block_from, block_to) of booked appointments, read from the database itself."""
    sql = "SELECT id, provider_id, block_from, block_to FROM appointments WHERE state = 0"
    if TEST_DB == "pg":
        out = pg_psql(sql, db=pg_db_name(s.data))
        return [tuple(int(x) for x in line.split("|")) for line in out.split("\n") if line.strip()]
    con = sqlite3.connect(s.data + "/kring.db", timeout=10)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def no_overlap(rows):
    by = {}
    for _, p, a, b in rows:
        by.setdefault(p, []).append((a, b))
    for blocks in by.values():
        blocks.sort()
        for (a1, b1), (a2, b2) in zip(blocks, blocks[1:]):
            if a2 < b1:
                return False
    return True


def test_race_1000_requests_100_slots(srv):
    """Many clients in threads against one server: each slot wanted ten times."""
    _, _, prov = professional(srv, EVERY_DAY + " slot=15 voor=5 na=5 vooraf=0 vooruit=30 controle=15")
    free = slots(srv, prov, days=5)
    assert len(free) >= 200
    # every other slot: with the buffers (5 + 5) two neighbours could not both be booked
    want = [f["start"] for f in free[:200:2]][:100]
    assert len(want) == 100
    clients = [client(srv)[1] for _ in range(20)]
    jobs = [(want[i % 100], clients[(i * 7 + i // 100) % len(clients)]) for i in range(1000)]
    random.Random(18).shuffle(jobs)
    local = threading.local()

    def book(job):
        start, tok = job
        sess = getattr(local, "s", None)
        if sess is None:
            sess = local.s = requests.Session()
        r = sess.post(srv.base + "/api/v1/kring/appointments", headers=hdr(tok),
                      data={"provider_id": prov, "start": start, "kind": "controle"}, timeout=120)
        return start, r.status_code, r.json()

    with concurrent.futures.ThreadPoolExecutor(max_workers=40) as ex:
        results = list(ex.map(book, jobs))
    codes = [c for _, c, _ in results]
    assert codes.count(201) == 100, sorted(set(codes))
    assert codes.count(409) == 900, sorted(set(codes))
    booked = sorted(st for st, c, _ in results if c == 201)
    assert len(set(booked)) == 100  # one each
    for _, c, body in results:
        if c == 409:
            assert "al bezet" in body["error"] and "already taken" in body["error"]
    rows = [r for r in table_rows(srv) if r[1] == int(prov)]
    assert len(rows) == 100
    assert no_overlap(rows)


def test_stacked_buffers_refused_next_slot(srv):
    """A slot whose buffer would touch a booking's buffer is no longer offered and cannot be booked."""
    _, _, prov = professional(srv, EVERY_DAY + " slot=15 voor=5 na=5 vooraf=0")
    free = slots(srv, prov, days=1)
    # Two slots one after the other on the same day: the window starts at
    # the time the test runs, so its first slot may be a day's last.
    a, b = next((x["start"], y["start"]) for x, y in zip(free, free[1:])
                if at(y["start"]) - at(x["start"]) == datetime.timedelta(minutes=15))
    _, tok, _ = client(srv)
    r = api(srv, tok, "/api/v1/kring/appointments", "post", data={"provider_id": prov, "start": a})
    assert r.status_code == 201, r.text
    assert b not in [f["start"] for f in slots(srv, prov, days=1)]
    r = api(srv, tok, "/api/v1/kring/appointments", "post", data={"provider_id": prov, "start": b})
    assert r.status_code == 409, r.text


def test_book_move_cancel_and_who_sees(srv):
    _, ptok, prov = professional(srv, EVERY_DAY + " slot=30 eerste_gesprek=60 controle=30 telefonisch=10")
    _, tok, me = client(srv)
    _, other, _ = client(srv)
    free = slots(srv, prov, kind="eerste_gesprek")
    r = api(srv, tok, "/api/v1/kring/appointments", "post",
            data={"provider_id": prov, "start": free[0]["start"], "kind": "eerste_gesprek"})
    assert r.status_code == 201, r.text
    ap = r.json()
    assert ap["state"] == "booked" and ap["kind"] == "eerste_gesprek" and ap["sequence"] == 0
    assert ap["client_id"] == me
    start = datetime.datetime.strptime(ap["start"][:19], "%Y-%m-%dT%H:%M:%S")
    end = datetime.datetime.strptime(ap["end"][:19], "%Y-%m-%dT%H:%M:%S")
    assert (end - start).total_seconds() == 3600
    # a time that is no slot at all: 422 with a sentence
    r = api(srv, tok, "/api/v1/kring/appointments", "post",
            data={"provider_id": prov, "start": free[0]["start"][:14] + "07:00Z"})
    assert r.status_code == 422 and "geen afspraak" in r.json()["error"]
    # an unknown kind
    r = api(srv, tok, "/api/v1/kring/appointments", "post",
            data={"provider_id": prov, "start": free[3]["start"], "kind": "videogesprek"})
    assert r.status_code == 422
    # others see nothing: 404
    assert api(srv, other, "/api/v1/kring/appointments/%s" % ap["id"]).status_code == 404
    assert api(srv, other, "/api/v1/kring/appointments/%s" % ap["id"], "delete").status_code == 404
    assert api(srv, None, "/api/v1/kring/appointments/%s" % ap["id"]).status_code == 401
    # the provider does
    assert api(srv, ptok, "/api/v1/kring/appointments/%s" % ap["id"]).status_code == 200
    mine = api(srv, ptok, "/api/v1/kring/providers/%s/appointments" % prov).json()
    assert [a["id"] for a in mine] == [ap["id"]]
    assert api(srv, other, "/api/v1/kring/providers/%s/appointments" % prov).status_code == 404
    # move: the old time is free again, sequence goes up, the id stays
    new = free[6]["start"]
    r = api(srv, tok, "/api/v1/kring/appointments/%s" % ap["id"], "put", data={"start": new})
    assert r.status_code == 200, r.text
    moved = r.json()
    assert moved["id"] == ap["id"] and moved["sequence"] == 1 and moved["start"][:16] == new[:16]
    assert free[0]["start"] in [f["start"] for f in slots(srv, prov, kind="eerste_gesprek")]
    # moving onto a taken time: 409, nothing changes
    r2 = api(srv, other, "/api/v1/kring/appointments", "post",
             data={"provider_id": prov, "start": free[0]["start"], "kind": "eerste_gesprek"})
    assert r2.status_code == 201
    r = api(srv, tok, "/api/v1/kring/appointments/%s" % ap["id"], "put", data={"start": free[0]["start"]})
    assert r.status_code == 409 and "already taken" in r.json()["error"]
    assert api(srv, tok, "/api/v1/kring/appointments/%s" % ap["id"]).json()["sequence"] == 1
    # cancel
    r = api(srv, tok, "/api/v1/kring/appointments/%s" % ap["id"], "delete")
    assert r.status_code == 200 and r.json()["state"] == "cancelled" and r.json()["sequence"] == 2
    assert api(srv, tok, "/api/v1/kring/appointments/%s" % ap["id"], "delete").status_code == 409
    assert new in [f["start"] for f in slots(srv, prov, kind="eerste_gesprek")]
    lst = api(srv, tok, "/api/v1/kring/appointments").json()
    assert [a["state"] for a in lst if a["id"] == ap["id"]] == ["cancelled"]


def test_staff_book_for_a_client(srv):
    org = uniq("praktijk")
    srv.cli("org", "add", org)
    staff = srv.add_user(uniq("balie"))
    srv.cli("org", "staff", org, staff)
    srv.cli("availability", "set", org, EVERY_DAY + " slot=20")
    stok = token(srv, staff, SCOPE)
    _, ctok, cid = client(srv)
    _, otok, _ = client(srv)
    prov = [p for p in requests.get(srv.base + "/api/v1/kring/providers", timeout=10).json() if p["username"] == org]
    assert len(prov) == 1 and prov[0]["kind"] == "organisation"
    pid = prov[0]["id"]
    free = slots(srv, pid)
    r = api(srv, stok, "/api/v1/kring/appointments", "post",
            data={"provider_id": pid, "start": free[0]["start"], "client_id": cid})
    assert r.status_code == 201, r.text
    ap = r.json()
    assert ap["client_id"] == cid and ap["booked_by_id"] != cid
    assert [a["id"] for a in api(srv, ctok, "/api/v1/kring/appointments").json()] == [ap["id"]]
    # a client may not book for someone else
    r = api(srv, otok, "/api/v1/kring/appointments", "post",
            data={"provider_id": pid, "start": free[2]["start"], "client_id": cid})
    assert r.status_code == 404
    # staff move it
    r = api(srv, stok, "/api/v1/kring/appointments/%s" % ap["id"], "put", data={"start": free[3]["start"]})
    assert r.status_code == 200 and r.json()["sequence"] == 1


def test_availability_api_and_bad_input(srv):
    _, ptok, prov = professional(srv, "ma=09:00-12:00")
    r = api(srv, ptok, "/api/v1/kring/providers/%s/availability" % prov, "put",
            data={"spec": "di=09:00-12:00,13:00-17:00 pauze=10:00-10:15 slot=15 voor=5 controle=15"})
    assert r.status_code == 200, r.text
    av = r.json()
    assert av["slot_minutes"] == 15 and av["buffer_before_minutes"] == 5 and av["time_zone"] == "Europe/Amsterdam"
    r = api(srv, ptok, "/api/v1/kring/providers/%s/availability" % prov, "put", data={"spec": "di=9-12"})
    assert r.status_code == 422 and "09:00-12:00" in r.json()["error"]
    _, ctok, _ = client(srv)
    r = api(srv, ctok, "/api/v1/kring/providers/%s/availability" % prov, "put", data={"spec": "di=09:00-12:00"})
    assert r.status_code == 404
    for q in ({"from": "gisteren"}, {"from": "2026-01-01T00:00:00Z", "to": "2025-01-01T00:00:00Z"},
              {"from": "2026-01-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"}):
        r = requests.get(srv.base + "/api/v1/kring/providers/%s/slots" % prov, params=q, timeout=10)
        assert r.status_code == 422
    assert requests.get(srv.base + "/api/v1/kring/providers/1/slots", timeout=10).status_code == 404
    r = api(srv, ctok, "/api/v1/kring/appointments", "post", data={"provider_id": prov, "start": "morgen"})
    assert r.status_code == 422
    # a client is no provider
    r = api(srv, ctok, "/api/v1/kring/appointments", "post",
            data={"provider_id": api(srv, ctok, "/api/v1/accounts/verify_credentials").json()["id"],
                  "start": "2030-01-01T10:00:00Z"})
    assert r.status_code == 404
    # a token without the appointments scope
    rtok = token(srv, srv.add_user(uniq("rd")), "read:statuses")
    assert api(srv, rtok, "/api/v1/kring/appointments").status_code == 403


# ---- pages ----

def test_pages_book_move_cancel_and_feed(srv):
    pro, _, prov = professional(srv, EVERY_DAY + " slot=30 vooraf=0 controle=30 telefonisch=15")
    c = srv.new_user(prefix="pag")
    # the booking page, also for visitors (times, no buttons)
    anon = srv.client()
    r = anon.get("/afspraken/%s" % pro.name)
    assert r.status_code == 200 and "Log in om een afspraak te maken" in r.text
    assert 'name="start"' not in r.text
    r = c.get("/afspraken/%s?soort=telefonisch&week=1" % pro.name)
    assert r.status_code == 200
    starts = re.findall(r'name="start" value="(\d+)"', r.text)
    assert len(starts) > 10 and 'name="soort" value="telefonisch"' in r.text
    r = c.post("/afspraken/%s" % pro.name, {"start": starts[0], "soort": "telefonisch"})
    assert r.status_code == 303, r.text[:300]
    mine = c.get("/mijn-afspraken")
    assert "Telefonisch gesprek" in mine.text and "Afzeggen" in mine.text
    # the same time again, by someone else: 409 with a sentence
    d = srv.new_user(prefix="pag")
    d.get("/afspraken/%s" % pro.name)
    r = d.post("/afspraken/%s" % pro.name, {"start": starts[0], "soort": "telefonisch"})
    assert r.status_code == 409 and "Kies een ander tijdstip" in r.text
    # move
    aid = re.search(r'/mijn-afspraken/(\d+)/verzetten', mine.text).group(1)
    r = c.get("/mijn-afspraken/%s/verzetten" % aid)
    assert r.status_code == 200
    other = [s for s in re.findall(r'name="start" value="(\d+)"', r.text) if s != starts[0]]
    r = c.post("/mijn-afspraken/%s/verzetten" % aid, {"start": other[5]})
    assert r.status_code == 303
    # someone else cannot see the move page
    assert d.get("/mijn-afspraken/%s/verzetten" % aid).status_code == 404
    # the calendar feed: made, served as text/calendar, revoked
    r = c.post("/mijn-afspraken/agenda", {})
    assert r.status_code == 200 and "webcal://" in r.text
    url = re.search(r"<code>(http://[^<]+\.ics)</code>", r.text).group(1)
    f = requests.get(url, timeout=10)
    assert f.status_code == 200 and f.headers["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VTIMEZONE" in f.text and "SEQUENCE:1" in f.text and ("afspraak-%s@" % aid) in f.text
    r = c.post("/mijn-afspraken/%s/afzeggen" % aid, {})
    assert r.status_code == 303
    f = requests.get(url, timeout=10)
    assert "STATUS:CANCELLED" in f.text and "SEQUENCE:2" in f.text
    assert requests.get(url.replace(".ics", "0.ics"), timeout=10).status_code == 404
    r = c.post("/mijn-afspraken/agenda/intrekken", {})
    assert r.status_code == 303
    assert requests.get(url, timeout=10).status_code == 404


def test_availability_page(srv):
    pro = srv.new_user(prefix="pro")
    r = pro.get("/beschikbaarheid")
    assert r.status_code == 200 and "zorgverlener" in r.text
    settings(pro, person_type="professional")
    r = pro.get("/beschikbaarheid")
    assert r.status_code == 200 and 'name="ma"' in r.text
    r = pro.post("/beschikbaarheid", {"ma": "09:00-12:00, 13:00-17:00", "di": "", "pauze": "10:00-10:15",
                                      "slot": "20", "voor_min": "5", "na": "10", "vooraf": "60", "vooruit": "14",
                                      "controle": "20", "eerste_gesprek": "40", "videogesprek": "",
                                      "uitzonderingen": "2026-12-24=09:00-12:00\r\n2026-12-25=dicht"})
    assert r.status_code == 303, r.text[:500]
    r = pro.get("/beschikbaarheid")
    assert 'value="09:00-12:00, 13:00-17:00"' in r.text and "2026-12-25=dicht" in r.text
    out = srv.cli("availability", "show", pro.name).stdout
    assert "ma=09:00-12:00,13:00-17:00" in out and "voor=5" in out and "eerste_gesprek=40" in out
    r = pro.post("/beschikbaarheid", {"ma": "9 tot 12"})
    assert r.status_code == 400 and "09:00-12:00" in r.text
    # someone else's organisation: not found
    assert pro.get("/beschikbaarheid?voor=nobody_here").status_code == 404


# ---- FHIR R4 (read-only), validated by the R4 JSON schema (tests/fhir) ----

FHIR_DIR = __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "fhir")


def fhir_valid(tmp_path, **resources):
    """Run tests/fhir/validate.mjs on the resources; (ok, output)."""
    import json
    import os
    import subprocess
    if not os.path.isdir(os.path.join(FHIR_DIR, "node_modules", "@asymmetrik")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=FHIR_DIR, check=True,
                       timeout=300)
    files = []
    for name, res in resources.items():
        p = tmp_path / (name + ".json")
        p.write_text(json.dumps(res))
        files.append(str(p))
    r = subprocess.run(["node", os.path.join(FHIR_DIR, "validate.mjs")] + files, capture_output=True, text=True,
                       timeout=120)
    return r.returncode == 0, r.stdout + r.stderr


def test_fhir_schedule_slot_appointment(srv, tmp_path):
    org = uniq("fhirprak")
    srv.cli("org", "add", org)
    staff = srv.add_user(uniq("fbalie"))
    srv.cli("org", "staff", org, staff)
    srv.cli("availability", "set", org, EVERY_DAY + " slot=30 controle=30 videogesprek=20")
    stok = token(srv, staff, SCOPE)
    _, ctok, cid = client(srv)
    _, otok, _ = client(srv)
    sch = requests.get(srv.base + "/fhir/Schedule", timeout=10)
    assert sch.status_code == 200 and sch.headers["Content-Type"].startswith("application/fhir+json")
    mine = [e["resource"] for e in sch.json()["entry"] if e["resource"]["actor"][0].get("display") == org]
    assert len(mine) == 1 and mine[0]["actor"][0]["reference"].startswith("Organization/")
    sid = mine[0]["id"]
    start = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)).strftime("%Y-%m-%d")
    slots_b = requests.get(srv.base + "/fhir/Slot", params={"schedule": sid, "start": "ge" + start}, timeout=10)
    assert slots_b.status_code == 200, slots_b.text
    sl = slots_b.json()
    assert sl["total"] > 10 and all(e["resource"]["status"] == "free" for e in sl["entry"])
    first = sl["entry"][0]["resource"]["start"]
    r = api(srv, ctok, "/api/v1/kring/appointments", "post", data={"provider_id": sid, "start": first})
    assert r.status_code == 201
    aid = r.json()["id"]
    r = api(srv, ctok, "/api/v1/kring/appointments/%s" % aid, "put", data={"start": sl["entry"][4]["resource"]["start"]})
    assert r.status_code == 200
    appt = api(srv, ctok, "/fhir/Appointment/%s" % aid)
    assert appt.status_code == 200, appt.text
    a = appt.json()
    assert a["status"] == "booked" and a["meta"]["versionId"] == "1"
    assert {"Patient/%s" % cid, "Organization/%s" % sid} == {p["actor"]["reference"] for p in a["participant"]}
    # the provider's staff see it, others get 404, no token 401
    assert api(srv, stok, "/fhir/Appointment/%s" % aid).status_code == 200
    assert api(srv, otok, "/fhir/Appointment/%s" % aid).status_code == 404
    assert api(srv, None, "/fhir/Appointment/%s" % aid).status_code == 401
    # the taken slot is gone from the free ones
    again = requests.get(srv.base + "/fhir/Slot", params={"schedule": sid, "start": "ge" + start}, timeout=10).json()
    assert sl["entry"][4]["resource"]["start"] not in [e["resource"]["start"] for e in again["entry"]]
    assert requests.get(srv.base + "/fhir/Slot", params={"start": start}, timeout=10).status_code == 400
    assert requests.get(srv.base + "/fhir/Slot", params={"schedule": sid, "start": "morgen"},
                        timeout=10).status_code == 400
    cancelled = api(srv, ctok, "/api/v1/kring/appointments/%s" % aid, "delete")
    assert cancelled.status_code == 200
    c = api(srv, ctok, "/fhir/Appointment/%s" % aid).json()
    assert c["status"] == "cancelled"
    ok, out = fhir_valid(tmp_path, schedule=sch.json(), slots=sl, appointment=a, cancelled=c)
    assert ok, out
    # the validator does reject a broken resource
    broken = dict(a, status="gebookt")
    ok, out = fhir_valid(tmp_path, broken=broken)
    assert not ok and "status" in out


def test_database_itself_refuses_an_overlap(srv):
    """Past core's check: the table refuses an overlapping booked block (SQLite trigger, PostgreSQL exclusion
    constraint), on insert and on a move, but a cancelled one may overlap."""
    _, _, prov = professional(srv, EVERY_DAY + " slot=30 voor=5 na=5")
    _, tok, cid = client(srv)
    free = slots(srv, prov)
    r = api(srv, tok, "/api/v1/kring/appointments", "post", data={"provider_id": prov, "start": free[0]["start"]})
    assert r.status_code == 201
    (aid, _, a, b), = [row for row in table_rows(srv) if row[1] == int(prov)]
    ins = ("INSERT INTO appointments (id, provider_id, client_id, booked_by, kind, starts_at, ends_at, block_from,"
           " block_to, state, seq, created_at, updated_at) VALUES (%d, %s, %s, %s, 'controle', %d, %d, %d, %d, %d, 0, 0, 0)")
    over = ins % (aid + 1, prov, cid, cid, b - 60, b + 1740, b - 60, b + 1800, 0)
    fine = ins % (aid + 2, prov, cid, cid, b - 60, b + 1740, b - 60, b + 1800, 1)
    move = "UPDATE appointments SET block_from = %d, block_to = %d WHERE id = %d" % (a, b, aid + 2)

    def run(sql):
        if TEST_DB == "pg":
            import subprocess
            from conftest import PG_PORT
            r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", PG_PORT, "-U",
                                "kring", "-d", pg_db_name(srv.data), "-c", sql], capture_output=True, text=True,
                               timeout=60)
            return r.returncode == 0
        con = sqlite3.connect(srv.data + "/kring.db", timeout=10)
        try:
            con.execute(sql)
            con.commit()
            return True
        except sqlite3.DatabaseError:
            return False
        finally:
            con.close()

    assert not run(over)
    assert run(fine)  # cancelled: takes no time
    assert not run(move.replace("WHERE", ", state = 0 WHERE"))
    assert no_overlap([row for row in table_rows(srv) if row[1] == int(prov)])


def test_reminder_reaches_the_client_and_follows_a_move(srv):
    """The confirmation arrives through the job queue; after a move the next one names the new sequence."""
    import time
    _, _, prov = professional(srv, EVERY_DAY + " slot=30 vooraf=0")
    _, tok, _ = client(srv)
    free = slots(srv, prov)
    ap = api(srv, tok, "/api/v1/kring/appointments", "post", data={"provider_id": prov, "start": free[0]["start"]}).json()

    def wait(n):
        deadline = time.time() + 20
        while time.time() < deadline:
            got = [x for x in api(srv, tok, "/api/v1/kring/reminders").json() if x["appointment_id"] == ap["id"]]
            if len(got) >= n:
                return got
            time.sleep(0.3)
        return None

    got = wait(1)
    assert got and got[0]["kind"] == "booked" and got[0]["sequence"] == 0
    assert api(srv, tok, "/api/v1/kring/appointments/%s" % ap["id"], "put", data={"start": free[3]["start"]}).status_code == 200
    got = wait(2)
    assert got and got[0]["sequence"] == 1 and got[0]["start"][:16] == free[3]["start"][:16]
