"""Ambassadors (issue 20, docs/measure.md): staff share the organisation's
posts and vacancies with a personal link (/l/<post>-a<code>); the
organisation sees per ambassador and campaign what was reached, clicked and
applied for, by name only with consent (withdrawn: folded into "others",
shown only as two or more); numbers below 5 are not shown; nobody sees who
came; a badge on the ambassador's profile."""
import datetime
import re

import pytest
import requests

from conftest import uniq, UNLIMITED, own_server


@pytest.fixture(scope="module")
def srv():
    yield from own_server(**UNLIMITED)


def setup_org(srv, nstaff=3):
    org = uniq("org")
    srv.cli("org", "add", org, "--display-name", "Zorggroep " + org)
    staff = []
    for i in range(nstaff):
        name = srv.add_user(uniq("staf%d" % i))
        srv.cli("org", "staff", org, name)
        staff.append(name)
    admin = srv.login(srv.add_user(uniq("adm"), role="admin"))
    assert admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0", "ignore": ""}).status_code == 303
    oid = requests.get(srv.base + "/api/v1/accounts/lookup", params={"acct": org}, timeout=10).json()["id"]
    return org, oid, staff


def join(c, org, consent):
    data = {"consent": "1"} if consent else {}
    r = c.post("/ambassadeur/%s/meedoen" % org, data)
    assert r.status_code == 303, r.text[:400]


def my_link(c, pid):
    t = c.get("/ambassadeur").text
    m = re.search(r'value="https?://[^"]*(/l/%s-a\d+)"' % pid, t)
    assert m, t[:2000]
    return m.group(1)


def visit(srv, link, signed_in=True):
    """A visitor through link: (client, the post page it landed on)."""
    c = srv.login(srv.add_user(uniq("bez"))) if signed_in else srv.client()
    r = c.get(link)
    assert r.status_code == 303, (r.status_code, r.text[:300])
    assert re.match(r"^(https?://[^/]+)?/posts/\d+$", r.headers["Location"])
    return c


def report_rows(t):
    return re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", t)


def test_personal_links_consent_and_report(srv):
    org, oid, (nurse, colleague, third) = setup_org(srv)
    tag = uniq("werven").replace("-", "")
    n = srv.login(nurse)
    today = datetime.datetime.now(datetime.timezone.utc).date()
    r = n.post("/campagnes", {"as": oid, "name": "Zomer " + tag, "by": "#" + tag, "goal_kind": "applications",
                              "goal": "20", "starts": str(today - datetime.timedelta(days=1)),
                              "ends": str(today + datetime.timedelta(days=1))})
    assert r.status_code == 303, r.text[:400]
    r = n.post("/vacatures", {"as": oid, "job": "Verzorgende", "hours": "24 uur", "location": "Tilburg",
                              "apply": "https://example.org/%s/solliciteer" % tag, "about": "#" + tag})
    assert r.status_code == 303, r.text[:400]
    vid = re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)
    # Not yet an ambassador: no links; outsiders may not join.
    assert "/l/%s-a" % vid not in n.get("/ambassadeur").text
    outsider = srv.login(srv.add_user(uniq("buiten")))
    assert outsider.get("/ambassadeur").status_code == 403
    assert outsider.post("/ambassadeur/%s/meedoen" % org, {"consent": "1"}).status_code == 403
    join(n, org, consent=True)
    c2, c3 = srv.login(colleague), srv.login(third)
    join(c2, org, consent=False)
    join(c3, org, consent=False)
    link = my_link(n, vid)
    # Six signed-in people come through the nurse's link and apply; one
    # visitor without an account comes too.  The nurse's own visit does not count.
    visitors = []
    for _ in range(6):
        v = visit(srv, link)
        assert v.get("/l/%s-0" % vid).status_code == 303
        visitors.append(v)
    visit(srv, link, signed_in=False)
    assert n.get(link).status_code == 303
    # Two and three anonymous visits through the colleagues' links.
    for c, k in ((c2, 2), (c3, 3)):
        lk = my_link(c, vid)
        for _ in range(k):
            visit(srv, lk, signed_in=False)
    # The nurse's own page: her numbers per post.
    t = n.get("/ambassadeur").text
    assert "bezoeken</span>" not in t  # plain text, not markup
    assert re.search(r"bezoeken 7 · mensen bereikt 6 · sollicitaties 6", t), t[:3000]
    # The report, for the organisation's staff.
    rep = c2.get("/ambassadeurs/%s" % org)
    assert rep.status_code == 200
    rows = report_rows(rep.text)
    name_n = "%s" % nurse
    mine = [x for x in rows if x[0] == name_n]
    assert ("Alle gedeelde berichten", "6", "7", "6") in [x[1:] for x in mine], rows
    assert ("Zomer " + tag, "6", "7", "6") in [x[1:] for x in mine], rows
    others = [x for x in rows if x[0].startswith("Anderen")]
    assert ("Alle gedeelde berichten", "minder dan 5", "5", "minder dan 5") in [x[1:] for x in others], rows
    table = rep.text[rep.text.index("<table"):rep.text.index("</table>")]
    assert colleague not in table and third not in rep.text
    for v in visitors:
        assert v.name not in rep.text and v.name not in t
    # Withdrawn: the nurse's numbers fold into the others.
    assert n.post("/ambassadeur/%s/toestemming" % org, {}).status_code == 303
    rows = report_rows(c2.get("/ambassadeurs/%s" % org).text)
    assert not [x for x in rows if x[0] == name_n]
    assert ["Alle gedeelde berichten", "6", "12", "6"] in [list(x[1:]) for x in rows if x[0].startswith("Anderen")]
    # Outsiders see no report.
    assert outsider.get("/ambassadeurs/%s" % org).status_code == 404
    # The badge, until one stops.
    assert "Ambassadeur van" in requests.get(srv.base + "/@%s" % nurse, timeout=10).text
    assert n.post("/ambassadeur/%s/stoppen" % org, {}).status_code == 303
    assert "Ambassadeur van" not in requests.get(srv.base + "/@%s" % nurse, timeout=10).text
    # Her link counts no more.
    assert requests.get(srv.base + link, allow_redirects=False, timeout=10).status_code == 404


def test_links_that_are_not_an_ambassadors(srv):
    org, oid, (nurse,) = setup_org(srv, 1)
    other_org, other_oid, (other_nurse,) = setup_org(srv, 1)
    n = srv.login(nurse)
    r = n.post("/posts", {"text": "Kom werken bij ons", "visibility": "public", "as": org})
    pid = re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)
    r = n.post("/posts", {"text": "Alleen voor volgers", "visibility": "followers", "as": org})
    fid = re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)
    join(n, org, consent=True)
    link = my_link(n, pid)
    code = link.split("-a")[1]
    o = srv.login(other_nurse)
    join(o, other_org, consent=True)
    other_code = my_link_any(o)
    for bad in ("/l/%s-a%s" % (pid, other_code),   # another organisation's ambassador
                "/l/%s-a%s" % (fid, code),          # not a public post
                "/l/%s-a99999" % pid, "/l/%s-axyz" % pid, "/l/%s-a" % pid):
        assert requests.get(srv.base + bad, allow_redirects=False, timeout=10).status_code == 404, bad
    assert "/l/%s-a" % fid not in n.get("/ambassadeur").text
    # English.
    assert n.post("/settings/language", {"lang": "en", "back": "/"}).status_code == 303
    assert "Your links to share" in n.get("/ambassadeur").text
    assert "Per ambassador and campaign" in n.get("/ambassadeurs/%s" % org).text


def my_link_any(c):
    r = c.post("/posts", {"text": "Iets om te delen", "visibility": "public",
                          "as": re.search(r'action="/ambassadeur/([^/]+)/stoppen"', c.get("/ambassadeur").text).group(1)})
    assert r.status_code == 303
    pid = re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)
    return my_link(c, pid).split("-a")[1]
