"""The trend-break page (issue 20, docs/measure.md): an organisation's staff
pick a measure and the day they started something; the page gives the
sentence in plain words from base/trend.c, an SVG chart of the weekly
totals and the numbers in a table.  Staff only."""
import datetime
import re
import sqlite3
import time

import pytest
import requests

from conftest import TEST_DB, Server, pg_db_name, pg_psql, uniq


@pytest.fixture(scope="module")
def srv():
    s = Server(env={"KRING_APP_RATE": "0", "KRING_POST_RATE": "0"}).start()
    yield s
    try:
        s.assert_clean_stop()
    finally:
        s.cleanup()


def sql(s, text):
    if TEST_DB == "pg":
        pg_psql(text, db=pg_db_name(s.data))
        return
    con = sqlite3.connect(s.data + "/kring.db", timeout=10)
    try:
        con.executescript(text)
        con.commit()
    finally:
        con.close()


def make_org(srv):
    org = uniq("org")
    srv.cli("org", "add", org, "--display-name", "Zorggroep " + org)
    nurse = srv.add_user(uniq("nurse"))
    srv.cli("org", "staff", org, nurse)
    oid = requests.get(srv.base + "/api/v1/accounts/lookup", params={"acct": org}, timeout=10).json()["id"]
    return org, oid, srv.login(nurse)


def test_followers_break_and_the_page(srv):
    org, oid, c = make_org(srv)
    # New followers: 2 a day for 26 weeks, then 6 a day for the 4 weeks
    # since "the change" (made-up followers, only counted here), at noon UTC.
    today = datetime.datetime.now(datetime.timezone.utc).date()
    change = today - datetime.timedelta(days=28)
    rows = []
    fid = 9_000_000_000
    for back in range(1, 28 + 7 * 26 + 1):
        d = today - datetime.timedelta(days=back)
        k = 6 if d >= change else 2
        noon = int(datetime.datetime(d.year, d.month, d.day, 12, tzinfo=datetime.timezone.utc).timestamp())
        for _ in range(k):
            fid += 1
            rows.append("(%d, %s, %d)" % (fid, oid, noon))
    sql(srv, "INSERT INTO follows (follower_id, followee_id, created_at) VALUES %s;" % ", ".join(rows))
    t = c.get("/trend/%s" % org, params={"meting": "volgers", "datum": str(change)}).text
    d = "%d-%d-%d" % (change.day, change.month, change.year)
    assert re.search(r"Na %s ongeveer \d+ %% meer nieuwe volgers per week \(tussen \d+ %% en \d+ %%\); "
                     r"dit is zeer waarschijnlijk geen toeval\." % d, t), t[t.find("<main"):][:1500]
    m = re.search(r"ongeveer (\d+) %", t)
    assert 150 <= int(m.group(1)) <= 250  # 6 against 2 a day: about 200 % more
    assert '<svg role="img" aria-label="Na %s' % d in t
    # The numbers beside the chart: 14 a week before, 42 after.
    weeks = re.findall(r"<tr><td>(-?\d+)</td><td>(\d+)</td></tr>", t)
    assert ("-1", "14") in weeks and ("0", "42") in weeks and ("3", "42") in weeks
    # Mentions: none at all, so no change; too recent a day: too short.
    t = c.get("/trend/%s" % org, params={"meting": "vermeldingen", "datum": str(change)}).text
    assert "dit kan goed toeval zijn" in t or "verwacht was" in t
    t = c.get("/trend/%s" % org, params={"meting": "volgers", "datum": str(today - datetime.timedelta(days=3))}).text
    assert "te weinig gegevens" in t
    # Bad days: 400 with a message.
    for bad in ("morgen", "2026-02-31", str(today + datetime.timedelta(days=2))):
        r = c.get("/trend/%s" % org, params={"meting": "volgers", "datum": bad})
        assert r.status_code == 400 and "Kies een datum in het verleden" in r.text, bad
    # English.
    assert c.post("/settings/language", {"lang": "en", "back": "/"}).status_code == 303
    t = c.get("/trend/%s" % org, params={"meting": "volgers", "datum": str(change)}).text
    assert "Did the trend break?" in t and "very probably not chance" in t


def test_staff_only(srv):
    org, oid, c = make_org(srv)
    outsider = srv.login(srv.add_user(uniq("buiten")))
    assert outsider.get("/trend/%s" % org).status_code == 404
    assert outsider.get("/trend/%s?datum=2026-01-01" % org).status_code == 404
    assert srv.client().get("/trend/%s" % org).status_code in (302, 303)
    assert c.get("/trend/%s" % org).status_code == 200
