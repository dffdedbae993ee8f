"""Campaigns (issue 20, docs/measure.md): an organisation's posts grouped by
a hashtag or a link over a period, with a goal; the page shows progress as
an SVG bar with the numbers beside it, summed from the per-post reach and
click numbers, where a number below 5 is not shown and counts 0; CSV
export; only the organisation's staff see any of it."""
import csv
import datetime
import io
import re

import pytest
import requests

from conftest import uniq, UNLIMITED, own_server


@pytest.fixture(scope="module")
def srv():
    yield from own_server(**UNLIMITED)


def org_setup(srv):
    """(org, org id, nurse client, colleague name)"""
    org = uniq("org")
    srv.cli("org", "add", org, "--display-name", "Zorggroep " + org)
    nurse, colleague = srv.add_user(uniq("nurse")), srv.add_user(uniq("coll"))
    srv.cli("org", "staff", org, nurse)
    srv.cli("org", "staff", org, colleague)
    admin = srv.login(srv.add_user(uniq("adm"), role="admin"))
    assert admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0", "ignore": ""}).status_code == 303
    oid = requests.get(srv.base + "/api/v1/accounts/lookup", params={"acct": org}, timeout=10).json()["id"]
    return org, oid, srv.login(nurse), colleague


def days():
    today = datetime.datetime.now(datetime.timezone.utc).date()
    return str(today - datetime.timedelta(days=1)), str(today + datetime.timedelta(days=1))


def start(c, oid, by, kind="reach", goal="10", expect=303, **kw):
    starts, ends = days()
    data = {"as": oid, "name": "Werven " + uniq("c"), "by": by, "goal_kind": kind, "goal": goal,
            "starts": starts, "ends": ends}
    data.update(kw)
    r = c.post("/campagnes", data)
    assert r.status_code == expect, (r.status_code, r.text[:600])
    if expect == 303:
        return re.search(r"/campagnes/(\d+)", r.headers["Location"]).group(1)
    return r


def post_as(c, org, text):
    r = c.post("/posts", {"text": text, "visibility": "public", "as": org})
    assert r.status_code == 303, r.text[:500]
    return re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)


def seen_by(srv, n, pid):
    for _ in range(n):
        c = srv.login(srv.add_user(uniq("kijk")))
        assert c.get("/posts/%s" % pid).status_code == 200


def rows(page):
    """{post id: (reach, clicks, applications)} from the campaign page's table."""
    out = {}
    for m in re.finditer(r'<tr><td><a href="/posts/(\d+)">.*?</a></td><td>[^<]*</td><td>([^<]*)</td>'
                         r'<td>([^<]*)</td><td>([^<]*)</td></tr>', page):
        out[m.group(1)] = m.group(2, 3, 4)
    return out


def test_tag_campaign_sums_reach_with_the_floor(srv):
    org, oid, nurse, colleague = org_setup(srv)
    tag = uniq("werkenbij").replace("-", "")
    cid = start(nurse, oid, "#" + tag, goal="10")
    a = post_as(nurse, org, "Kom werken in de wijk! #%s" % tag)
    b = post_as(nurse, org, "Open dag op zaterdag #%s" % tag.upper())
    other = post_as(nurse, org, "Gewoon nieuws zonder hashtag")
    person = srv.login(srv.add_user(uniq("pers"))).new_post("Ik wil ook #%s" % tag)
    seen_by(srv, 6, a)
    seen_by(srv, 3, b)
    page = nurse.get("/campagnes/%s" % cid)
    assert page.status_code == 200, page.text[:300]
    t = page.text
    r = rows(t)
    assert set(r) == {a, b}, r  # not the post without the tag, not a person's post
    assert r[a][0] == "6" and r[b][0] == "minder dan 5"
    # b's 3 count 0: the total is 6, 60 % of 10, and the bar is 60 wide.
    assert "6 van het doel van 10 bereik (60 %)" in t
    assert re.search(r'<svg role="img" aria-label="6 van het doel van 10 bereik \(60 %\)"', t)
    assert '<rect x="0" y="0" width="60" height="10"' in t
    assert str(other) not in r and str(person) not in r
    # CSV: the same numbers, small ones as "<5".
    c = nurse.get("/campagnes/%s/cijfers.csv" % cid)
    assert c.status_code == 200 and c.headers["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(c.text)))
    assert table[0] == ["post", "url", "created_at", "reach", "clicks", "applications"]
    by = {row[0]: row for row in table[1:]}
    assert by[a][3] == "6" and by[b][3] == "<5" and by[a][1].endswith("/posts/" + a)
    assert by["total"][3:] == ["6", "<5", "<5"]
    # The colleague sees it too; the list shows it.
    cc = srv.login(colleague)
    assert cc.get("/campagnes/%s" % cid).status_code == 200
    assert 'href="/campagnes/%s"' % cid in cc.get("/campagnes").text


def test_link_campaign_counts_clicks_and_applications(srv):
    org, oid, nurse, _ = org_setup(srv)
    base_link = "https://example.org/%s" % uniq("werven")
    cid = start(nurse, oid, base_link + "/", kind="applications", goal="10")
    p = post_as(nurse, org, "Lees meer op %s/info en kom langs." % base_link)
    r = nurse.post("/vacatures", {"as": oid, "job": "Helpende", "hours": "16 uur", "location": "Oss",
                                  "apply": "Via %s/solliciteer" % base_link})
    assert r.status_code == 303, r.text[:500]
    v = re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)
    outside = post_as(nurse, org, "Iets anders: https://example.net/elders")
    for _ in range(7):
        assert requests.get(srv.base + "/l/%s-0" % p, allow_redirects=False, timeout=10).status_code == 303
    for _ in range(5):
        assert requests.get(srv.base + "/l/%s-0" % v, allow_redirects=False, timeout=10).status_code == 303
    t = nurse.get("/campagnes/%s" % cid).text
    r = rows(t)
    assert set(r) == {p, v} and outside not in r
    assert r[p] == ("minder dan 5", "7", "–") and r[v][1:] == ("5", "5")
    assert "5 van het doel van 10 sollicitaties (50 %)" in t
    assert '<rect x="0" y="0" width="50" height="10"' in t


def test_only_staff_and_bad_input(srv):
    org, oid, nurse, _ = org_setup(srv)
    cid = start(nurse, oid, "#geheim" + uniq("t").replace("-", ""))
    outsider = srv.login(srv.add_user(uniq("buiten")))
    assert outsider.get("/campagnes").status_code == 403
    assert outsider.get("/campagnes/%s" % cid).status_code == 404
    assert outsider.get("/campagnes/%s/cijfers.csv" % cid).status_code == 404
    assert start(outsider, oid, "#poging", expect=403).status_code == 403
    anon = srv.client()
    assert anon.get("/campagnes/%s" % cid).status_code in (302, 303)
    assert nurse.get("/campagnes/99999999999").status_code == 404
    assert nurse.get("/campagnes/abc").status_code == 404
    r = start(nurse, oid, "#ok", name="  ", expect=400)
    assert "Geef de campagne een naam" in r.text and 'aria-invalid="true"' in r.text
    assert "Hashtag of link" in start(nurse, oid, "geen tag!", expect=400).text
    assert "hashtag" in start(nurse, oid, "ftp://example.org", expect=400).text
    assert "heel getal" in start(nurse, oid, "#ok", goal="0", expect=400).text
    assert "heel getal" in start(nurse, oid, "#ok", goal="veel", expect=400).text
    s, e = days()
    assert "einddatum" in start(nurse, oid, "#ok", starts=e, ends=s, expect=400).text
    assert "einddatum" in start(nurse, oid, "#ok", starts="2026-02-31", expect=400).text
    assert "einddatum" in start(nurse, oid, "#ok", starts="2020-01-01", ends="2026-01-01", expect=400).text
    assert "heel getal" in start(nurse, oid, "#ok", kind="bogus", expect=400).text
    # English.
    assert nurse.post("/settings/language", {"lang": "en", "back": "/"}).status_code == 303
    t = nurse.get("/campagnes/%s" % cid).text
    assert "How far are you?" in t and "fewer than 5" in t
    assert "Change the campaign" in t and "Yes, delete this campaign" in t
    r = nurse.post("/campagnes/%s/verwijderen" % cid, {})
    assert r.status_code == 400 and "First tick the box" in r.text
    assert "New campaign" in nurse.get("/campagnes").text


# Changing and deleting on the page (POST /campagnes/ID and /campagnes/ID/verwijderen).

def edit_data(page_text, **kw):
    """The change form's fields as the page fills them in, with kw changed."""
    form = page_text[page_text.index('<h2 id="campaign-edit">'):page_text.index('<h2 id="campaign-delete">')]
    data = {}
    for name in ("name", "by", "goal", "starts", "ends"):
        m = re.search(r'<input id="campaign-%s" name="%s" [^>]*value="([^"]*)"' % (name, name), form)
        assert m, (name, form[:2000])
        data[name] = m.group(1).replace("&#35;", "#").replace("&amp;", "&")
    m = re.search(r'name="goal_kind" value="(\w+)" checked', form)
    assert m, form[:2000]
    data["goal_kind"] = m.group(1)
    data.update(kw)
    return data


def ago(k):
    return str(datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=k))


def test_edit_changes_values_and_recomputes_progress(srv):
    org, oid, nurse, colleague = org_setup(srv)
    tag = uniq("zomer").replace("-", "")
    # A period in the past: today's post is not in it.
    cid = start(nurse, oid, "#" + tag, goal="10", starts=ago(-20), ends=ago(-10), name="Zomerwerving")
    p = post_as(nurse, org, "Kom in de zomer werken #%s" % tag)
    seen_by(srv, 6, p)
    t = nurse.get("/campagnes/%s" % cid).text
    assert rows(t) == {} and "(0 %)" in t
    # The form holds the current values.
    d = edit_data(t)
    assert d == {"name": "Zomerwerving", "by": "#" + tag, "goal": "10", "starts": ago(-20), "ends": ago(-10),
                 "goal_kind": "reach"}, d
    # A new name, goal and period: the post is in it now.
    r = nurse.post("/campagnes/%s" % cid, edit_data(t, name="Zomerwerving 2", goal="12",
                                                       starts=ago(-1), ends=ago(1)))
    assert r.status_code == 303, (r.status_code, r.text[:600])
    assert r.headers["Location"].endswith("/campagnes/%s?msg=saved" % cid)
    t = nurse.get(r.headers["Location"]).text
    assert "De wijzigingen zijn opgeslagen." in t
    assert "<h1>Zomerwerving 2</h1>" in t
    assert set(rows(t)) == {p} and "6 van het doel van 12 bereik (50 %)" in t
    assert '<rect x="0" y="0" width="50" height="10"' in t
    assert edit_data(t) == {"name": "Zomerwerving 2", "by": "#" + tag, "goal": "12", "starts": ago(-1),
                            "ends": ago(1), "goal_kind": "reach"}
    # Another goal kind: clicks (none yet) and a link instead of the tag.
    link = "https://example.org/%s" % uniq("zomer")
    r = nurse.post("/campagnes/%s" % cid, edit_data(t, goal_kind="clicks", by=link))
    assert r.status_code == 303, r.text[:600]
    t = srv.login(colleague).get("/campagnes/%s" % cid).text  # a colleague sees the change
    assert rows(t) == {} and "van het doel van 12 klikken (0 %)" in t
    d = edit_data(t)
    assert d["goal_kind"] == "clicks" and d["by"] == link
    assert 'href="/campagnes/%s">Zomerwerving 2</a>' % cid in nurse.get("/campagnes").text


@pytest.mark.parametrize("change,message,field", [
    ({"starts": "END", "ends": "START"}, "De einddatum ligt niet voor het begin", "starts"),
    ({"goal": "veel"}, "heel getal", "goal"),
    ({"goal": "-3"}, "heel getal", "goal"),
    ({"name": "  "}, "Geef de campagne een naam", "name"),
    ({"by": "geen tag!"}, "Vul een hashtag in", "by"),
    ({"ends": "2026-02-31"}, "einddatum", "ends"),
])
def test_edit_bad_input_is_refused_and_changes_nothing(srv, change, message, field):
    org, oid, nurse, _ = org_setup(srv)
    cid = start(nurse, oid, "#goed" + uniq("t").replace("-", ""), name="Goede campagne", goal="40")
    before = nurse.get("/campagnes/%s" % cid).text
    s, e = days()
    change = {k: {"END": e, "START": s}.get(v, v) for k, v in change.items()}
    data = edit_data(before, **change)
    data["name"] = change.get("name", "Andere naam")  # a good change beside the bad one is not saved either
    r = nurse.post("/campagnes/%s" % cid, data)
    assert r.status_code == 400, (r.status_code, r.text[:600])
    assert message in r.text
    assert 'role="alert"' in r.text
    assert re.search(r'<input id="campaign-%s" [^>]*aria-invalid="true"' % field, r.text), r.text
    # What was typed is kept on the form.
    kept = edit_data(r.text)
    for k, v in data.items():
        if k != "csrf":
            assert kept[k] == v, (k, kept[k], v)
    after = nurse.get("/campagnes/%s" % cid).text
    assert "<h1>Goede campagne</h1>" in after and "van het doel van 40 bereik" in after
    assert edit_data(after) == edit_data(before)


def test_delete_needs_the_box_and_keeps_the_posts(srv):
    org, oid, nurse, colleague = org_setup(srv)
    tag = uniq("weg").replace("-", "")
    cid = start(nurse, oid, "#" + tag, name="Weg ermee")
    p = post_as(nurse, org, "Een bericht #%s" % tag)
    # Without the box ticked: the page again with the question, nothing deleted.
    r = nurse.post("/campagnes/%s/verwijderen" % cid, {})
    assert r.status_code == 400 and "Vink eerst aan" in r.text
    assert re.search(r'<input type="checkbox" name="sure" value="1" aria-invalid="true"', r.text)
    assert nurse.get("/campagnes/%s" % cid).status_code == 200
    # Without the CSRF token: refused.
    assert nurse.post("/campagnes/%s/verwijderen" % cid, {"sure": "1"}, csrf=False).status_code == 403
    assert nurse.get("/campagnes/%s" % cid).status_code == 200
    r = nurse.post("/campagnes/%s/verwijderen" % cid, {"sure": "1"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/campagnes?msg=campaign_deleted")
    t = nurse.get(r.headers["Location"]).text
    assert "De campagne is verwijderd." in t and 'href="/campagnes/%s"' % cid not in t
    assert nurse.get("/campagnes/%s" % cid).status_code == 404
    assert srv.login(colleague).get("/campagnes/%s" % cid).status_code == 404
    assert nurse.post("/campagnes/%s/verwijderen" % cid, {"sure": "1"}).status_code == 404
    assert nurse.post("/campagnes/%s" % cid, {"name": "x"}).status_code == 404
    assert nurse.get("/posts/%s" % p).status_code == 200  # the post stays


def test_edit_and_delete_only_by_the_organisations_staff(srv):
    org, oid, nurse, _ = org_setup(srv)
    cid = start(nurse, oid, "#privé" + uniq("t").replace("-", ""), name="Van ons", goal="30")
    good = edit_data(nurse.get("/campagnes/%s" % cid).text, name="Overgenomen", goal="1")
    _, _, other_staff, _ = org_setup(srv)  # staff of another organisation
    person = srv.login(srv.add_user(uniq("pers")))
    for c in (other_staff, person):
        assert c.get("/campagnes/%s" % cid).status_code == 404
        assert c.post("/campagnes/%s" % cid, good).status_code == 404
        # Bad input too: 404, not a message that would tell the campaign exists.
        r = c.post("/campagnes/%s" % cid, dict(good, goal="veel"))
        assert r.status_code == 404 and "heel getal" not in r.text
        assert c.post("/campagnes/%s/verwijderen" % cid, {}).status_code == 404
        assert c.post("/campagnes/%s/verwijderen" % cid, {"sure": "1"}).status_code == 404
    anon = srv.client()
    r = anon.post("/campagnes/%s/verwijderen" % cid, {"sure": "1"})
    assert r.status_code in (302, 303, 401), r.status_code  # to the login, never done
    for bad in ("abc", "99999999999"):
        assert nurse.post("/campagnes/%s" % bad, good).status_code == 404
        assert nurse.post("/campagnes/%s/verwijderen" % bad, {"sure": "1"}).status_code == 404
    t = nurse.get("/campagnes/%s" % cid).text
    assert "<h1>Van ons</h1>" in t and "van het doel van 30 bereik" in t
