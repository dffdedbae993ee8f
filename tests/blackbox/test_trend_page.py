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

from conftest import TEST_DB, pg_db_name, pg_psql, uniq, UNLIMITED, own_server


@pytest.fixture(scope="module")
def srv():
    yield from own_server(**UNLIMITED)


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


# The other measures: a made-up series of 2 a day for 26 weeks, then 6 a day
# for the 4 weeks since the change, at noon UTC, with rows beside it that
# must not count (each measure's own rule).
_ids = [9_100_000_000]


def _insert(srv, head, rows):
    # In slices: psql takes the statement as an argument, which has a limit.
    for i in range(0, len(rows), 300):
        sql(srv, "%s %s;" % (head, ", ".join(rows[i:i + 300])))


def _next_id():
    _ids[0] += 1
    return _ids[0]


def _days(k_before, k_after):
    today = datetime.datetime.now(datetime.timezone.utc).date()
    change = today - datetime.timedelta(days=28)
    for back in range(1, 28 + 7 * 26 + 1):
        d = today - datetime.timedelta(days=back)
        noon = int(datetime.datetime(d.year, d.month, d.day, 12, tzinfo=datetime.timezone.utc).timestamp())
        yield noon, (k_after if d >= change else k_before)


def _change():
    return datetime.datetime.now(datetime.timezone.utc).date() - datetime.timedelta(days=28)


def _assert_break(c, org, meting, what):
    change = _change()
    t = c.get("/trend/%s" % org, params={"meting": meting, "datum": str(change)}).text
    d = "%d-%d-%d" % (change.day, change.month, change.year)
    assert re.search(r"Na %s ongeveer \d+ %% meer %s per week \(tussen \d+ %% en \d+ %%\); "
                     r"dit is zeer waarschijnlijk geen toeval\." % (d, what), t), t[t.find("<main"):][:1500]
    m = re.search(r"ongeveer (\d+) %", t)
    assert 150 <= int(m.group(1)) <= 250
    weeks = re.findall(r"<tr><td>(-?\d+)</td><td>(\d+)</td></tr>", t)
    assert ("-1", "14") in weeks and ("0", "42") in weeks and ("3", "42") in weeks, weeks
    return t


def test_new_group_members(srv):
    org, oid, c = make_org(srv)
    gid, other = _next_id(), _next_id()
    start = int(time.time()) - 86400 * 400
    rows, members = [], []
    for g, name in ((gid, uniq("grp")), (other, uniq("ander"))):
        rows.append("(%d, '%s', '%s', 0, %s, %d)" % (g, name, name, oid if g == gid else 1, start))
    # The org moderates gid; other is somebody else's group (its members do not count).
    members.append("(%d, %s, 2, 0, %d)" % (gid, oid, start))
    for noon, k in _days(2, 6):
        for _ in range(k):
            members.append("(%d, %d, 0, 0, %d)" % (gid, _next_id(), noon))
        members.append("(%d, %d, 0, 0, %d)" % (other, _next_id(), noon))   # not the org's group
        members.append("(%d, %d, 0, 1, %d)" % (gid, _next_id(), noon))     # only asked to join
    _insert(srv, "INSERT INTO groups (id, name, display_name, kind, owner_id, created_at) VALUES", rows)
    _insert(srv, "INSERT INTO group_members (group_id, account_id, role, state, since) VALUES", members)
    _assert_break(c, org, "leden", "nieuwe groepsleden")


def test_questions_answered_in_time(srv):
    org, oid, c = make_org(srv)
    sess, other = _next_id(), _next_id()
    start = int(time.time()) - 86400 * 400
    sql(srv, "INSERT INTO consult_sessions (id, owner_id, opened_by, topic, disclaimer, starts_at, ends_at,"
             " created_at) VALUES (%d, %s, %s, 'Spreekuur', '', %d, %d, %d), (%d, 1, 1, 'Ander', '', %d, %d, %d);"
        % (sess, oid, oid, start, start + 86400 * 500, start, other, start, start + 86400 * 500, start))
    qs = []
    for noon, k in _days(2, 6):
        for _ in range(k):
            qs.append("(%d, %d, 1, 'vraag', %d, %d)" % (_next_id(), sess, noon, noon + 3600 * 5))
        qs.append("(%d, %d, 1, 'laat', %d, %d)" % (_next_id(), sess, noon, noon + 86400 * 2))   # too late
        qs.append("(%d, %d, 1, 'open', %d, 0)" % (_next_id(), sess, noon))                      # no answer
        qs.append("(%d, %d, 1, 'ander', %d, %d)" % (_next_id(), other, noon, noon + 60))         # not the org's
    _insert(srv, "INSERT INTO consult_questions (id, session_id, asker_id, text, created_at, answered_at) VALUES", qs)
    _assert_break(c, org, "op-tijd", "binnen een dag beantwoorde vragen")


def test_negative_mentions(srv):
    org, oid, c = make_org(srv)
    items = []
    for noon, k in _days(2, 6):
        for i in range(k + 3):
            n = _next_id()
            sent = "neg" if i < k else ("pos", "neu", "unsure")[i - k]
            items.append("(%d, %s, 'test', '%d', 'post', 'iemand', '', '', 'tekst', %d, %d, %d, '%s')"
                         % (n, oid, n, noon, noon, noon, sent))
    _insert(srv, "INSERT INTO webcare_items (id, org_id, origin, origin_key, kind, author_name, url, title, text,"
                 " created_at, visible_at, updated_at, sentiment) VALUES", items)
    _assert_break(c, org, "negatief", "negatieve vermeldingen")
    # All mentions: 5 a day before, 9 after.
    t = c.get("/trend/%s" % org, params={"meting": "vermeldingen", "datum": str(_change())}).text
    weeks = re.findall(r"<tr><td>(-?\d+)</td><td>(\d+)</td></tr>", t)
    assert ("-1", "35") in weeks and ("0", "63") in weeks, weeks
    # English.
    assert c.post("/settings/language", {"lang": "en", "back": "/"}).status_code == 303
    t = c.get("/trend/%s" % org, params={"meting": "negatief", "datum": str(_change())}).text
    assert "negative mentions per week" in t and "very probably not chance" in t


def query(s, text):
    """Rows of a SELECT as lists of strings, on either backend."""
    if TEST_DB == "pg":
        out = pg_psql(text, db=pg_db_name(s.data))
        return [line.split("|") for line in out.splitlines() if line]
    con = sqlite3.connect(s.data + "/kring.db", timeout=10)
    try:
        return [[str(x) for x in row] for row in con.execute(text)]
    finally:
        con.close()


@pytest.mark.parametrize("meting,kind,what", [("bereik", 0, "nieuw bereikte mensen"),
                                              ("klikken", 1, "klikken op links"),
                                              ("vacatures", 2, "nieuwe bezoekers van vacatures")])
def test_day_counters_feed_the_page(srv, meting, kind, what):
    org, oid, c = make_org(srv)
    today = datetime.datetime.now(datetime.timezone.utc).date()
    rows = []
    for back in range(1, 28 + 7 * 26 + 1):
        d = today - datetime.timedelta(days=back)
        day = (d - datetime.date(1970, 1, 1)).days
        rows.append("(%s, %d, %d, %d)" % (oid, kind, day, 6 if back <= 28 else 2))
        rows.append("(%s, %d, %d, 100)" % (oid, (kind + 1) % 3, day))  # another counter
    _insert(srv, "INSERT INTO measure_daily (account_id, kind, day, n) VALUES", rows)
    _assert_break(c, org, meting, what)


def test_reach_and_clicks_are_counted_per_day(srv):
    """Views and clicks of today land on today's counters of the author:
    a person once per post, every click; a vacancy also on its own."""
    org, oid, c = make_org(srv)
    admin = srv.login(srv.add_user(uniq("adm"), role="admin"))
    assert admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0", "ignore": ""}).status_code == 303
    pids = []
    for text in ("Vacature: kijk op https://example.org/werken ", "Nieuws: https://example.org/nieuws "):
        r = c.post("/posts", {"text": text + uniq("w"), "visibility": "public", "as": org})
        assert r.status_code == 303, r.text[:500]
        pids.append(re.search(r"/posts/(\d+)", r.headers["Location"]).group(1))
    sql(srv, "INSERT INTO vacancies (post_id, org_id, job, hours, location, apply, created_at)"
             " VALUES (%s, %s, 'Verzorgende', '24', 'Tilburg', 'mail', 0);" % (pids[0], oid))
    people = [srv.login(srv.add_user(uniq("kijk"))) for _ in range(3)]
    # Twice, with the batch written between (reading the numbers writes
    # it): the second time nobody is new.
    for _ in range(2):
        for p in people:
            for pid in pids:
                assert p.get("/posts/%s" % pid).status_code == 200
        assert c.get("/posts/%s/bereik" % pids[0]).status_code == 200
    for _ in range(4):
        assert srv.client().get("/l/%s-0" % pids[1], allow_redirects=False).status_code == 303
    # Reading the numbers writes what waits in the batch.
    assert c.get("/posts/%s/bereik" % pids[0]).status_code == 200
    got = {}
    for _ in range(50):
        got = {int(k): int(n) for k, n in query(srv, "SELECT kind, n FROM measure_daily WHERE account_id = %s"
                                                     " ORDER BY kind" % oid)}
        if got.get(0) == 6:
            break
        time.sleep(0.1)
    # 3 people × 2 posts reached (not 12 views), 4 clicks, 3 people shown the vacancy.
    assert got == {0: 6, 1: 4, 2: 3}, got
    days = query(srv, "SELECT DISTINCT day FROM measure_daily WHERE account_id = %s" % oid)
    now = time.time()
    assert len(days) == 1 and abs(int(days[0][0]) - now / 86400) < 2, days


def test_small_reach_numbers_are_not_shown(srv):
    """Reach, clicks and vacancy visitors: a week below 5 is "minder dan 5"
    in the table, as on every reach page; mentions show their numbers."""
    org, oid, c = make_org(srv)
    today = datetime.datetime.now(datetime.timezone.utc).date()
    rows = []
    for back in range(1, 28 + 7 * 26 + 1):
        day = (today - datetime.timedelta(days=back) - datetime.date(1970, 1, 1)).days
        # 1 a day: 7 a week, except a single 3 in one week long ago (3 kinds).
        n = 0 if 100 <= back < 107 and back != 103 else 1
        n = 3 if back == 103 else n
        for kind in (0, 1, 2):
            rows.append("(%s, %d, %d, %d)" % (oid, kind, day, n))
    _insert(srv, "INSERT INTO measure_daily (account_id, kind, day, n) VALUES", rows)
    for meting in ("bereik", "klikken", "vacatures"):
        t = c.get("/trend/%s" % org, params={"meting": meting, "datum": str(_change())}).text
        weeks = dict(re.findall(r"<tr><td>(-?\d+)</td><td>([^<]+)</td></tr>", t))
        assert "minder dan 5" in weeks.values() and "3" not in weeks.values(), weeks
        assert list(weeks.values()).count("7") > 20, weeks
        assert 'fill-opacity="0.35"' in t and "Een lichte staaf: minder dan 5" in t


def test_pages_reachable_from_the_org_profile(srv):
    """The measuring pages are linked from the organisation's profile for its
    staff (they were reachable only by typing the address), and the public
    vacancies from every page's footer; an outsider sees no such links."""
    org, oid, c = make_org(srv)
    page = c.get("/@" + org).text
    for href in ("/trend/" + org, "/richtlijnen/" + org, "/ambassadeurs/" + org, "/campagnes", "/vacatures/nieuw"):
        assert 'href="%s"' % href in page, href
    outsider = srv.login(srv.add_user(uniq("buiten")))
    assert 'href="/trend/%s"' % org not in outsider.get("/@" + org).text
    assert 'href="/vacatures"' in srv.client().get("/@" + org).text
