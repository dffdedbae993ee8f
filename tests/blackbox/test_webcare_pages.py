"""Webcare pages for issue 17's other parts: the outside sources on the
settings page ("Bronnen"), staff only."""
import html
import re

from conftest import uniq
from test_webcare import make_org, staff_of


def test_sources_on_settings_page(server, admin, bob):
    org = make_org(server, admin)
    org2 = make_org(server, admin, "Zorggroep Anders")
    nurse = staff_of(server, org)
    nurse2 = staff_of(server, org2)
    page = nurse.get("/webcare/%s/settings" % org).text
    assert "Bronnen" in page
    url = "http://127.0.0.1:9/%s.xml" % uniq("feed")
    r = nurse.post("/webcare/%s/settings/source" % org, {"url": url, "tag": "", "every": "2h"})
    assert r.status_code == 303, r.text[:400]
    r = nurse.post("/webcare/%s/settings/source" % org,
                   {"url": "http://127.0.0.1:9", "tag": "mantelzorg", "every": ""})
    assert r.status_code == 303, r.text[:400]
    page = html.unescape(nurse.get("/webcare/%s/settings" % org).text)
    # The running server may have polled them already: port 9 refuses, and
    # a failing source backs off (its interval doubles), so the numbers vary.
    assert url in page and "(vast)" in page and "#mantelzorg op http://127.0.0.1:9" in page
    assert len(re.findall(r"Om de \d+ (?:minuten|uur|dagen?)", page)) == 2
    assert nurse.get("/webcare/%s/settings" % org, headers={"Accept-Language": "en"}).status_code == 200
    ids = re.findall(r'name="source" value="(\d+)"', page)
    assert len(ids) == 2
    # The same source twice, a bad URL, a bad interval: a readable 400, nothing added.
    for form, why in (({"url": url, "every": ""}, "staat er al"),
                      ({"url": "ftp://example.org/feed", "every": ""}, "klopt niet"),
                      ({"url": "https://example.org/x.xml", "every": "1m"}, "klopt niet"),
                      ({"url": "https://example.org/y.xml", "every": "vaak"}, "klopt niet")):
        r = nurse.post("/webcare/%s/settings/source" % org, form)
        assert r.status_code == 400 and why in html.unescape(r.text), (form, r.status_code)
    out = server.cli("webcare", "source", "list", org).stdout
    assert url in out and "mantelzorg" in out and len(re.findall(r"^\s*\d+", out, re.M)) >= 2
    # Other organisations' staff, outsiders: not there.
    assert nurse2.post("/webcare/%s/settings/source" % org, {"url": "https://example.org/z.xml"}).status_code == 404
    assert bob.post("/webcare/%s/settings/source" % org, {"url": "https://example.org/z.xml"}).status_code == 404
    assert nurse2.post("/webcare/%s/settings/source-remove" % org2, {"source": ids[0]}).status_code == 404
    assert url not in nurse2.get("/webcare/%s/settings" % org2).text
    # Removing one.
    r = nurse.post("/webcare/%s/settings/source-remove" % org, {"source": ids[0]})
    assert r.status_code == 303
    page = html.unescape(nurse.get("/webcare/%s/settings" % org).text)
    assert url not in page and "#mantelzorg" in page
    assert url not in server.cli("webcare", "source", "list", org).stdout


def sql(srv, q):
    """Run q on the server's database (SQLite or PostgreSQL), committed."""
    if srv.db_url:
        from conftest import pg_db_name, pg_psql
        pg_psql(q, db=pg_db_name(srv.data))
        return
    import os
    import sqlite3
    db = sqlite3.connect(os.path.join(srv.data, "kring.db"), timeout=10)
    try:
        db.executescript(q)
        db.commit()
    finally:
        db.close()


def test_measures_page_and_csv(server, admin, bob):
    """Known items with known times: the figures on /cijfers and in the CSV,
    first response and handling counted in the team's business time."""
    import csv
    import io
    import time
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo
    from test_webcare import ingest
    org = make_org(server, admin)
    nurse = staff_of(server, org)
    r = nurse.post("/webcare/%s/settings/team" % org, {"name": "Wijkteam", "topics": "zorg"})
    assert r.status_code == 303
    team = re.search(r'name="team" value="(\d+)"', nurse.get("/webcare/%s/settings" % org).text).group(1)
    hours = "\n".join("%s 09:00-17:00" % d for d in ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"))
    assert nurse.post("/webcare/%s/settings/hours" % org, {"team": team, "hours": hours}).status_code == 303
    # This week's Monday and Tuesday, local time.
    ams = ZoneInfo("Europe/Amsterdam")
    now = int(time.time())
    monday_utc = now - (now - 4 * 86400) % (7 * 86400)
    day = datetime.fromtimestamp(monday_utc, ams).date()
    def at(days, hh, mm):
        d = day + timedelta(days=days)
        return int(datetime(d.year, d.month, d.day, hh, mm, tzinfo=ams).timestamp())
    _, a = ingest(server, org, uniq("k"), "Eerste bericht")
    _, b = ingest(server, org, uniq("k"), "Tweede bericht")
    _, c = ingest(server, org, uniq("k"), "Derde bericht")
    # a: Monday 16:30, answered Tuesday 09:30: one business hour (17 on the clock).
    # b: Monday 09:00, answered 09:30, closed 13:00: 30 minutes and 4 hours; followed up.
    # c: Monday 10:00, not answered.
    for item, vis, ans, sent in ((a, at(0, 16, 30), at(1, 9, 30), "neg"), (b, at(0, 9, 0), at(0, 9, 30), "pos"),
                                 (c, at(0, 10, 0), 0, "neg")):
        sql(server, "UPDATE webcare_items SET team_id = %s, topic = 'zorg', sentiment = '%s', visible_at = %d,"
                    " created_at = %d, first_answer_at = %d WHERE id = %d" % (team, sent, vis, vis, ans, item))
    for n, (note, t) in enumerate((("followed_up", at(0, 12, 0)), ("closed", at(0, 13, 0)))):
        sql(server, "INSERT INTO webcare_events (id, item_id, actor_id, action, note, created_at)"
                    " VALUES (%d, %d, 0, 'status', '%s', %d)" % (b * 10 + 1 + n, b, note, t))
    page = html.unescape(nurse.get("/webcare/%s/cijfers" % org).text)
    assert "<svg" in page and "Per team en onderwerp" in page
    row = re.search(r"<td>Wijkteam</td><td>zorg</td>(.*?)</tr>", page).group(1)
    cells = re.findall(r"<td>(.*?)</td>", row)
    assert cells[:5] == ["3", "2", "0", "1", "0"]            # volume, neg, neu, pos, unsure
    assert cells[5] == "66%" and cells[6] == "1 / 2"         # answered, follow-ups done
    assert cells[7:10] == ["0 u 30 m", "1 u 00 m", "1 / 1 / 0 / 0 / 0"]
    assert cells[10:13] == ["4 u 00 m", "4 u 00 m", "0 / 0 / 1 / 0 / 0"]
    r = nurse.get("/webcare/%s/cijfers.csv?weeks=2" % org)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 1
    x = rows[0]
    assert (x["team"], x["topic"], x["volume"], x["answered"], x["followups_done"]) == ("Wijkteam", "zorg", "3", "2", "1")
    assert (x["first_median_s"], x["first_p90_s"], x["first_0_1h"], x["first_1_4h"]) == ("1800", "3600", "1", "1")
    assert (x["handle_n"], x["handle_median_s"], x["handle_4_8h"]) == ("1", "14400", "1")
    # Staff only; bad input is a 400.
    assert bob.get("/webcare/%s/cijfers" % org).status_code == 404
    assert bob.get("/webcare/%s/cijfers.csv" % org).status_code == 404
    assert nurse.get("/webcare/%s/cijfers?weeks=500" % org).status_code == 400
    assert nurse.get("/webcare/%s/cijfers" % org, headers={"Accept-Language": "en"}).status_code == 200


def test_spike_alert_on_a_burst(server, admin, bob):
    """Four weeks of usual traffic (4 items per quarter hour around this time
    of the week), then the same now: no alert; then a burst of 20: an alert, shown in
    the inbox and sent to the team; checked again: no second alert."""
    import time
    from test_webcare import ingest
    from test_webcare_sources import sql as rows
    org = make_org(server, admin)
    nurse = staff_of(server, org)
    other = staff_of(server, org)
    r = nurse.post("/webcare/%s/settings/team" % org, {"name": "Webteam"})
    assert r.status_code == 303
    page = nurse.get("/webcare/%s/settings" % org).text
    team = re.search(r'name="team" value="(\d+)"', page).group(1)
    staff = dict((html.unescape(n), v) for v, n in re.findall(r'<option value="(\d+)">([^<]*)</option>', page))
    pid = [v for k, v in staff.items() if nurse.name in k][0]
    assert nurse.post("/webcare/%s/settings/member" % org,
                      {"team": team, "person": pid, "available": "1", "cap": "50"}).status_code == 303
    # The nurse's phone is subscribed to Web Push (mentions): the alert reaches it.
    from push_receiver import Keys, Receiver
    from test_push import subscribe, token as push_token
    rx = Receiver()
    keys = Keys()
    assert subscribe(server, push_token(server, nurse.name), rx.url("/nurse"), keys,
                     policy="followed").status_code == 200
    _, first = ingest(server, org, uniq("k"), "Gewoon een vraag")
    (org_id,), = rows(server, "SELECT org_id FROM webcare_items WHERE id = %d" % first)
    now = int(time.time())
    stmts = []
    base = 9000000000 + int(org_id) % 1000000 * 1000
    n = 0
    for week in range(1, 5):
        for b in range(-2, 3):
            for k in range(4):
                t = now - week * 7 * 86400 + b * 900 - 300 - k * 60
                n += 1
                stmts.append("INSERT INTO webcare_items (id, org_id, origin, origin_key, kind, author_name, url,"
                             " title, text, created_at, visible_at, updated_at) VALUES (%d, %s, 'rss', 'h%d',"
                             " 'rss', 'x', '', '', 'oud bericht', %d, %d, %d);" % (base + n, org_id, n, t, t, t))
    sql(server, "\n".join(stmts))
    for i in range(3):
        ingest(server, org, uniq("k"), "Een gewone vraag %d" % i)
    out = server.cli("webcare", "spike", org).stdout
    assert out.startswith("no alert: 4 items"), out
    assert "Er wordt ineens veel meer gezegd" not in nurse.get("/webcare/%s" % org).text
    for i in range(16):
        ingest(server, org, uniq("k"), "Wat is er aan de hand bij jullie? %d" % i)
    # The server's own job (every 5 minutes) finds it: made due now.
    sql(server, "UPDATE jobs SET run_at = 0 WHERE kind = 'webcare-spike' AND state = 0")
    for _ in range(100):
        page = html.unescape(nurse.get("/webcare/%s" % org).text)
        if "Er wordt ineens veel meer gezegd" in page:
            break
        time.sleep(0.1)
    assert "Er wordt ineens veel meer gezegd" in page and "20 berichten" in page
    notes = html.unescape(nurse.get("/notifications").text)
    assert "veel meer over de organisatie gezegd" in notes
    # Apps: kring's own type, naming the organisation.
    import requests
    from test_stream_audience import hdr, token
    notes = requests.get(server.base + "/api/v1/notifications", headers=hdr(token(server, nurse.name)),
                         timeout=20).json()
    spikes = [n for n in notes if n["type"] == "kring_webcare_spike"]
    assert len(spikes) == 1 and spikes[0]["account"]["username"] == org and spikes[0].get("status") is None
    # ...and as a Web Push, whatever the "from whom" policy: it is about the nurse's own work.
    try:
        got = rx.next()
        assert got, "no push"
        p = keys.decrypt(got[1], got[2])
        assert p["notification_type"] == "kring_webcare_spike", p
        assert p["title"] == "Ineens veel meer berichten over Thuiszorg De Linde", p
    finally:
        rx.close()
    # Only the team hears it (the other staff member is not in the team).
    assert "veel meer over de organisatie gezegd" not in html.unescape(other.get("/notifications").text)
    # The spike goes on: one alert.
    out = server.cli("webcare", "spike", org).stdout
    assert out.startswith("alert already made"), out
    (count,), = rows(server, "SELECT COUNT(*) FROM webcare_alerts WHERE org_id = %s" % org_id)
    assert int(count) == 1
    # Outsiders see nothing of it.
    assert bob.get("/webcare/%s" % org).status_code == 404
    assert "veel meer over de organisatie gezegd" not in html.unescape(bob.get("/notifications").text)


def test_crisis_mode(server, admin, bob):
    """Staff switch crisis mode on with a topic: a banner on the profile and
    in the inbox, a public crisis page with time-stamped updates, items on
    the topic first in the inbox; off again; outsiders cannot switch it."""
    from test_webcare import ingest
    org = make_org(server, admin)
    nurse = staff_of(server, org)
    assert nurse.post("/webcare/%s/settings/rule" % org, {"name": "Brand", "expr": "brand OF rook",
                                                          "topic": "brand", "priority": "0", "team": "0"}
                      ).status_code == 303
    w = uniq("w")
    _, dringend = ingest(server, org, uniq("k"), "Vermist! Mijn moeder is weg %s" % w)
    _, over = ingest(server, org, uniq("k"), "Er was rook in de gang %s" % w)
    assert bob.get("/@%s/crisis" % org).status_code == 404          # never had one
    assert "Crisis</strong>" not in bob.get("/@%s" % org).text
    # Outsiders and bad input.
    assert bob.post("/webcare/%s/crisis/on" % org, {"topic": "brand"}).status_code == 404
    r = nurse.post("/webcare/%s/crisis/on" % org, {"topic": "  "})
    assert r.status_code == 400 and "onderwerp" in html.unescape(r.text)
    r = nurse.post("/webcare/%s/crisis/update" % org, {"text": "Nog geen crisis"})
    assert r.status_code == 400 and "staat uit" in html.unescape(r.text)
    # On.
    assert nurse.post("/webcare/%s/crisis/on" % org, {"topic": "brand"}).status_code == 303
    page = html.unescape(bob.get("/@%s" % org).text)
    assert "Crisis</strong>: brand" in page and "/@%s/crisis" % org in page
    inbox = html.unescape(nurse.get("/webcare/%s" % org).text)
    assert "Crisismodus staat aan: brand" in inbox
    ids = [int(x) for x in re.findall(r'href="/webcare/%s/items/(\d+)"' % org, inbox)]
    assert ids.index(over) < ids.index(dringend), "the crisis topic comes before everything else"
    # Updates, in order, public.
    assert nurse.post("/webcare/%s/crisis/update" % org,
                      {"text": "Er was een kleine brand in de keuken. Niemand is gewond."}).status_code == 303
    assert nurse.post("/webcare/%s/crisis/update" % org,
                      {"text": "De brandweer is weg. Bewoners zijn terug op hun kamer."}).status_code == 303
    assert bob.post("/webcare/%s/crisis/update" % org, {"text": "nep"}).status_code == 404
    page = html.unescape(bob.get("/@%s/crisis" % org).text)
    a, b = page.find("De brandweer is weg"), page.find("kleine brand in de keuken")
    assert 0 < a < b, "newest first"
    assert len(re.findall(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">', page)) == 2
    assert "crisis/update" not in page                               # no form for outsiders
    assert "crisis/update" in nurse.get("/@%s/crisis" % org).text
    assert bob.get("/@%s/crisis" % org, headers={"Accept-Language": "en"}).status_code == 200
    # Off: no banner, the page says it is over, the inbox sorts as before.
    assert nurse.post("/webcare/%s/crisis/off" % org, {}).status_code == 303
    assert "Crisis</strong>" not in bob.get("/@%s" % org).text
    assert "voorbij" in bob.get("/@%s/crisis" % org).text
    inbox = nurse.get("/webcare/%s" % org).text
    ids = [int(x) for x in re.findall(r'href="/webcare/%s/items/(\d+)"' % org, inbox)]
    assert ids.index(dringend) < ids.index(over), "urgent first again"
