"""Measure and tell through kring's own API (issue 20, docs/api.md,
docs/measure.md): campaigns (list, start, progress, change, end),
ambassadors (my links, consent given and withdrawn, the organisation's
figures), guidelines reach and the reminder limit, a group's figures and the
trend break.  The same core rules as the pages: the organisation's staff
only (404 to anyone else), a count below 5 is null with "<name>_below_5",
and no viewer's identity anywhere."""
import datetime
import json
import re

import pytest
import requests

from conftest import uniq, UNLIMITED, own_server
from test_ambassador import setup_org, visit
from test_campaign import post_as, seen_by
from test_join import make_group
from test_stream_audience import hdr, token


@pytest.fixture(scope="module")
def srv():
    yield from own_server(**UNLIMITED)


def api(srv, method, path, tok=None, **kw):
    return requests.request(method, srv.base + path, headers=hdr(tok) if tok else {}, timeout=30, **kw)


def period():
    today = datetime.datetime.now(datetime.timezone.utc).date()
    return str(today - datetime.timedelta(days=1)), str(today + datetime.timedelta(days=1))


def test_campaigns_through_the_api(srv):
    org, oid, (nurse, colleague, _) = setup_org(srv)
    tok = token(srv, nurse)
    tag = uniq("werven").replace("-", "")
    starts, ends = period()
    new = {"account_id": oid, "name": "Werven", "by": "#" + tag, "goal_kind": "reach", "goal": "10",
           "starts": starts, "ends": ends}
    r = api(srv, "POST", "/api/v1/kring/campaigns", tok, data=new)
    assert r.status_code == 200, r.text
    cp = r.json()
    assert (cp["name"], cp["tag"], cp["link"], cp["goal_kind"], cp["goal"]) == ("Werven", tag, "", "reach", 10)
    assert (cp["starts"], cp["ends"], cp["account_id"]) == (starts, ends, oid)
    cid = cp["id"]
    # Bad fields: 422 with the field named.
    for bad, word in (({"name": ""}, "name"), ({"by": "geen tag"}, "by"), ({"goal": "0"}, "goal"),
                      ({"goal_kind": "likes"}, "goal"), ({"ends": "2020-01-01"}, "ends")):
        r = api(srv, "POST", "/api/v1/kring/campaigns", tok, data=dict(new, **bad))
        assert r.status_code == 422 and word in r.json()["error"], (bad, r.text)
    # Posts seen by 6 and by 3: 6 toward the goal, the 3 is not a number.
    nc = srv.login(nurse)
    p6 = post_as(nc, org, "Kom bij ons werken #%s" % tag)
    p3 = post_as(nc, org, "Nog een vacature #%s" % tag)
    seen_by(srv, 6, p6)
    seen_by(srv, 3, p3)
    r = api(srv, "GET", "/api/v1/kring/campaigns/%s" % cid, tok)
    assert r.status_code == 200, r.text
    pr = r.json()
    assert (pr["reach"], pr["value"], pr["percent"]) == (6, 6, 60)
    posts = {p["status_id"]: p for p in pr["posts"]}
    assert (posts[p6]["reach"], posts[p6]["reach_below_5"]) == (6, False)
    assert (posts[p3]["reach"], posts[p3]["reach_below_5"]) == (None, True)
    assert "kijk" not in r.text  # no viewer's name
    # The same numbers as the page.
    page = nc.get("/campagnes/%s" % cid).text
    assert "6 van het doel van 10 bereik (60 %)" in page
    assert [c["id"] for c in api(srv, "GET", "/api/v1/kring/campaigns", tok).json()].count(cid) == 1
    # Change it: the goal and the name; the colleague (staff too) sees it.
    r = api(srv, "PUT", "/api/v1/kring/campaigns/%s" % cid, tok, data=dict(new, name="Werven 2", goal="20"))
    assert r.status_code == 200 and r.json()["name"] == "Werven 2" and r.json()["goal"] == 20, r.text
    ctok = token(srv, colleague)
    assert api(srv, "GET", "/api/v1/kring/campaigns/%s" % cid, ctok).json()["percent"] == 30
    # Others: it does not exist; without a token 401; a read-only token may not write.
    out = token(srv, srv.add_user(uniq("buiten")))
    for m in ("GET", "PUT", "DELETE"):
        assert api(srv, m, "/api/v1/kring/campaigns/%s" % cid, out, data=new).status_code == 404, m
    assert cid not in api(srv, "GET", "/api/v1/kring/campaigns", out).text
    assert api(srv, "POST", "/api/v1/kring/campaigns", out, data=new).status_code == 403
    assert api(srv, "GET", "/api/v1/kring/campaigns").status_code == 401
    ro = token(srv, nurse, scope="read")
    assert api(srv, "DELETE", "/api/v1/kring/campaigns/%s" % cid, ro).status_code == 403
    # End it.
    assert api(srv, "DELETE", "/api/v1/kring/campaigns/%s" % cid, tok).json() == {}
    assert api(srv, "GET", "/api/v1/kring/campaigns/%s" % cid, tok).status_code == 404
    assert nc.get("/campagnes/%s" % cid).status_code == 404


def test_ambassadors_through_the_api(srv):
    org, oid, (amb, other, _) = setup_org(srv)
    tok = token(srv, amb)
    pid = post_as(srv.login(amb), org, "Wij zoeken collega's " + uniq("v"))
    r = api(srv, "POST", "/api/v1/kring/ambassador/%s" % oid, tok, data={"consent": "true"})
    assert r.status_code == 200, r.text
    me = r.json()
    assert me["consent"] is True and me["organisation"]["id"] == oid
    link = [x for x in me["links"] if x["status_id"] == pid][0]
    assert link["clicks"] is None and link["clicks_below_5"] is True
    path = re.sub(r"^https?://[^/]+", "", link["url"])
    assert re.match(r"^/l/%s-a\d+$" % pid, path)
    visitors = [visit(srv, path) for _ in range(6)]
    visit(srv, path, signed_in=False)
    mine = api(srv, "GET", "/api/v1/kring/ambassador", tok).json()
    link = [x for x in mine[0]["links"] if x["status_id"] == pid][0]
    assert (link["reached"], link["clicks"], link["applied"], link["applied_below_5"]) == (6, 7, None, True)
    # The organisation's figures: by name with consent, and the visits this week.
    rep = api(srv, "GET", "/api/v1/kring/ambassadors/%s" % oid, token(srv, other))
    assert rep.status_code == 200, rep.text
    rows = rep.json()["rows"]
    alls = [x for x in rows if x["campaign_id"] is None]
    assert [(x["account"]["username"], x["reached"], x["clicks"]) for x in alls] == [(amb, 6, 7)]
    weeks = rep.json()["weeks"]
    assert len(weeks) == 12 and (weeks[-1]["visits"], weeks[-1]["visits_below_5"]) == (7, False)
    assert all(w["visits"] is None and w["visits_below_5"] for w in weeks[:-1])
    for v in visitors:
        assert v.name not in rep.text  # no visitor named
    # Withdrawing consent folds the numbers away (one alone is not shown).
    r = api(srv, "POST", "/api/v1/kring/ambassador/%s" % oid, tok, data={"consent": "false"})
    assert r.json()["consent"] is False
    rows = api(srv, "GET", "/api/v1/kring/ambassadors/%s" % oid, token(srv, other)).json()["rows"]
    assert amb not in json.dumps(rows) and rows == []
    # Outsiders: 404 for the report, 403 to join.
    out = token(srv, srv.add_user(uniq("buiten")))
    assert api(srv, "GET", "/api/v1/kring/ambassadors/%s" % oid, out).status_code == 404
    assert api(srv, "POST", "/api/v1/kring/ambassador/%s" % oid, out).status_code == 403
    # Stop: no longer an ambassador.
    assert api(srv, "DELETE", "/api/v1/kring/ambassador/%s" % oid, tok).json() == {}
    assert api(srv, "GET", "/api/v1/kring/ambassador", tok).json() == []


def test_ambassador_visits_per_week_page_and_csv(srv):
    org, oid, (amb, other, _) = setup_org(srv)
    c = srv.login(amb)
    pid = post_as(c, org, "Werken bij ons " + uniq("v"))
    assert c.post("/ambassadeur/%s/meedoen" % org, {"consent": "1"}).status_code == 303
    m = re.search(r'value="https?://[^"]*(/l/%s-a\d+)"' % pid, c.get("/ambassadeur").text)
    for _ in range(3):
        visit(srv, m.group(1))
    oc = srv.login(other)
    page = oc.get("/ambassadeurs/%s" % org).text
    weeks = re.findall(r"<tr><td>(\d+-\d+-\d{4})</td><td>([^<]*)</td></tr>", page)
    assert len(weeks) == 12 and weeks[-1][1] == "minder dan 5", weeks
    assert "<svg" in page and 'href="/ambassadeurs/%s/bezoeken.csv"' % org in page
    csv = oc.get("/ambassadeurs/%s/bezoeken.csv" % org)
    assert csv.status_code == 200 and csv.headers["Content-Type"].startswith("text/csv")
    lines = csv.text.strip().split("\r\n")
    assert lines[0] == "week_starting,visits" and len(lines) == 13 and lines[-1].endswith(",<5")
    for _ in range(3):
        visit(srv, m.group(1))
    lines = oc.get("/ambassadeurs/%s/bezoeken.csv" % org).text.strip().split("\r\n")
    assert lines[-1].endswith(",6"), lines
    assert re.findall(r"<tr><td>(\d+-\d+-\d{4})</td><td>([^<]*)</td></tr>",
                      oc.get("/ambassadeurs/%s" % org).text)[-1][1] == "6"
    assert srv.login(srv.add_user(uniq("buiten"))).get("/ambassadeurs/%s/bezoeken.csv" % org).status_code == 404


def guidelines_org(srv):
    org, oid, staff = setup_org(srv, nstaff=4)
    admin = srv.login(srv.add_user(uniq("adm"), role="admin"))
    assert admin.post("/admin/orgs/%s/policy" % org,
                      {"hold_seconds": "0", "guidelines": "Ik deel niets over cliënten."}).status_code == 303
    return org, oid, staff


def test_guidelines_reach_and_reminder_limit(srv):
    org, oid, (a, b, c, d) = guidelines_org(srv)
    assert srv.login(a).post("/guidelines/%s/accept" % org, {}).status_code == 303
    ta = token(srv, a)
    g = api(srv, "GET", "/api/v1/kring/guidelines/%s/reach" % oid, ta).json()
    assert (g["staff"], g["accepted"], g["percent"], g["viewer_accepted"], g["remind_every_days"]) == \
        (4, 1, 25, True, 7)
    r = api(srv, "POST", "/api/v1/kring/guidelines/%s/remind" % oid, ta)
    assert r.status_code == 200 and (r.json()["sent"], r.json()["waiting"]) == (3, 0), r.text
    # Again, by a colleague: everyone was reminded just now, so 429 and nobody gets a second one.
    r = api(srv, "POST", "/api/v1/kring/guidelines/%s/remind" % oid, token(srv, b))
    assert r.status_code == 429 and "7 days" in r.json()["error"], r.text
    assert 6 * 86400 < int(r.headers["Retry-After"]) <= 7 * 86400
    # The page says so, and from which day it can be done again.
    cb = srv.login(b)
    assert "hoogstens één herinnering per 7 dagen" in cb.get("/richtlijnen/%s" % org).text
    r = cb.post("/richtlijnen/%s/herinnering" % org, {})
    assert r.status_code == 303 and "verstuurd=0&wacht=3" in r.headers["Location"], r.headers["Location"]
    t = cb.get(r.headers["Location"]).text
    assert "Herinneringen verstuurd: 0" in t and "Nog geen nieuwe herinnering voor 3" in t
    for name in (b, c, d):
        notes = api(srv, "GET", "/api/v1/notifications", token(srv, name)).json()
        assert len([n for n in notes if n["type"] == "kring_guidelines"]) == 1, name
    # Others: 404.
    out = token(srv, srv.add_user(uniq("buiten")))
    assert api(srv, "GET", "/api/v1/kring/guidelines/%s/reach" % oid, out).status_code == 404
    assert api(srv, "POST", "/api/v1/kring/guidelines/%s/remind" % oid, out).status_code == 404


def test_group_figures_and_trend_through_the_api(srv):
    org, oid, (a, b, _) = setup_org(srv)
    ta = token(srv, a)
    day = str(datetime.datetime.now(datetime.timezone.utc).date() - datetime.timedelta(days=3))
    r = api(srv, "GET", "/api/v1/kring/trend/%s" % oid, ta, params={"measure": "reach", "day": day})
    assert r.status_code == 200, r.text
    t = r.json()
    assert t["verdict"] == "too_short" and t["measure"] == "reach" and t["day"] == day
    assert t["relative_percent"] is None
    assert api(srv, "GET", "/api/v1/kring/trend/%s" % oid, ta, params={"measure": "x", "day": day}).status_code == 422
    assert api(srv, "GET", "/api/v1/kring/trend/%s" % oid, ta,
               params={"measure": "reach", "day": "2026-02-31"}).status_code == 422
    out = token(srv, srv.add_user(uniq("buiten")))
    assert api(srv, "GET", "/api/v1/kring/trend/%s" % oid, out,
               params={"measure": "reach", "day": day}).status_code == 404
    # A group's figures for its moderators.
    owner = srv.login(srv.add_user(uniq("own")))
    g = make_group(owner, "open")
    gid = re.search(r'name="group_id" value="(\d+)"', owner.get("/g/" + g).text).group(1)
    assert owner.post("/posts", {"text": "Welkom " + uniq("w"), "group_id": gid}).status_code in (200, 303)
    otok = token(srv, owner.name)
    r = api(srv, "GET", "/api/v1/kring/groups/%s/figures" % gid, otok)
    assert r.status_code == 200, r.text
    w = r.json()
    assert len(w) == 12 and (w[-1]["statuses"], w[-1]["joined"], w[-1]["reach"], w[-1]["reach_below_5"]) == \
        (1, 1, None, True)
    assert api(srv, "GET", "/api/v1/kring/groups/%s/figures" % gid, out).status_code in (403, 404)


def test_csv_beside_every_chart(srv):
    """A group's figures and the trend page have a CSV of their weeks too
    (the campaign, webcare and ambassador pages had or have one)."""
    owner = srv.login(srv.add_user(uniq("own")))
    g = make_group(owner, "open")
    gid = re.search(r'name="group_id" value="(\d+)"', owner.get("/g/" + g).text).group(1)
    assert owner.post("/posts", {"text": "Welkom " + uniq("w"), "group_id": gid}).status_code in (200, 303)
    assert 'href="/g/%s/cijfers.csv"' % g in owner.get("/g/%s/cijfers" % g).text
    r = owner.get("/g/%s/cijfers.csv" % g)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    lines = r.text.strip().split("\r\n")
    assert lines[0] == "week_starting,posts,joined,reach" and len(lines) == 13
    assert re.match(r"^\d{4}-\d\d-\d\d,1,1,<5$", lines[-1]), lines[-1]
    assert srv.login(srv.add_user(uniq("buiten"))).get("/g/%s/cijfers.csv" % g).status_code in (403, 404)
    # The trend page: the weeks around the day.
    org, oid, (a, _, _) = setup_org(srv)
    ca = srv.login(a)
    day = str(datetime.datetime.now(datetime.timezone.utc).date() - datetime.timedelta(days=40))
    r = ca.get("/trend/%s/cijfers.csv" % org, params={"meting": "volgers", "datum": day})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv"), r.text[:300]
    lines = r.text.strip().split("\r\n")
    assert lines[0] == "week,week_starting,total" and len(lines) > 6
    assert any(line.startswith("0,") for line in lines) and all(line.endswith(",0") for line in lines[1:])
    assert 'href="/trend/%s/cijfers.csv?meting=volgers&amp;datum=%s"' % (org, day) in \
        ca.get("/trend/%s" % org, params={"meting": "volgers", "datum": day}).text
    assert ca.get("/trend/%s/cijfers.csv" % org).status_code == 400
    out = srv.login(srv.add_user(uniq("buiten")))
    assert out.get("/trend/%s/cijfers.csv" % org, params={"meting": "volgers", "datum": day}).status_code == 404
