"""Vacancies (issue 20, docs/measure.md): an organisation's staff publish a
vacancy (job, hours, place, how to apply) as a public post; it is listed on
/vacatures, in the Atom feed (checked with libxml2's xmllint: well-formed,
the elements RFC 4287 requires), in the JSON Feed 1.1 and in
/api/v1/kring/vacancies.  Only public posts of organisations are listed."""
import json
import re
import subprocess

import pytest
import requests

from conftest import uniq, UNLIMITED, own_server
from test_stream_audience import hdr, token

ATOM = "http://www.w3.org/2005/Atom"


@pytest.fixture(scope="module")
def srv():
    yield from own_server(**UNLIMITED)


def org_with_staff(srv, hold=True):
    """An organisation (think time off unless hold) and one staff member: (org, nurse)."""
    org = uniq("org")
    srv.cli("org", "add", org, "--display-name", "Zorggroep " + org)
    nurse = srv.add_user(uniq("nurse"))
    srv.cli("org", "staff", org, nurse)
    if hold:
        admin = srv.login(srv.add_user(uniq("adm"), role="admin"))
        r = admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0", "ignore": ""})
        assert r.status_code == 303, r.text[:300]
    return org, nurse


def org_id(srv, name):
    r = requests.get(srv.base + "/api/v1/accounts/lookup", params={"acct": name}, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["id"]


def fields(org_id_, job):
    return {"as": org_id_, "job": job, "hours": "24 tot 32 uur per week", "location": "Tilburg",
            "apply": "Mail naar werken@example.org", "about": "Je werkt in een klein team & met plezier <3."}


def publish(c, data, expect=303):
    r = c.post("/vacatures", data)
    assert r.status_code == expect, (r.status_code, r.text[:600])
    if expect == 303:
        return re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)
    return r


def xpath(doc, expr):
    r = subprocess.run(["xmllint", "--xpath", expr, "-"], input=doc, capture_output=True, timeout=30)
    assert r.returncode == 0, r.stderr.decode()[:300]
    return r.stdout.decode().strip()


def A(name):
    return "*[local-name()='%s' and namespace-uri()='%s']" % (name, ATOM)


def check_atom(doc):
    """Well-formed, and the elements RFC 4287 requires of a feed and each entry."""
    r = subprocess.run(["xmllint", "--noout", "-"], input=doc, capture_output=True, timeout=30)
    assert r.returncode == 0, r.stderr.decode()[:500]
    feed = "/" + A("feed")
    for el in ("id", "title", "updated"):
        assert xpath(doc, "count(%s/%s)" % (feed, A(el))) == "1", el
    assert xpath(doc, "count(%s/%s[@rel='self'])" % (feed, A("link"))) == "1"
    n = int(xpath(doc, "count(%s/%s)" % (feed, A("entry"))))
    for el in ("id", "title", "updated"):
        assert xpath(doc, "count(%s/%s/%s)" % (feed, A("entry"), A(el))) == str(n), el
    # Each entry has an author (the feed has none of its own) with a name,
    # and an alternate link or content.
    assert xpath(doc, "count(%s/%s/%s/%s)" % (feed, A("entry"), A("author"), A("name"))) == str(n)
    assert xpath(doc, "count(%s/%s/%s[@rel='alternate'])" % (feed, A("entry"), A("link"))) == str(n)
    return n


def atom_ids(doc):
    return re.findall(r"<id>[^<]*/posts/(\d+)</id>", doc.decode())


def test_publish_list_feeds_and_api(srv):
    org, nurse = org_with_staff(srv)
    oid = org_id(srv, org)
    c = srv.login(nurse)
    form = c.get("/vacatures/nieuw")
    assert form.status_code == 200 and 'value="%s"' % oid in form.text
    job = "Verzorgende IG " + uniq("j")
    pid = publish(c, fields(oid, job))
    # The post itself: public, the organisation's, its text made from the fields.
    anon = requests.get(srv.base + "/api/v1/statuses/%s" % pid, timeout=10).json()
    assert anon["visibility"] == "public" and anon["account"]["acct"] == org
    assert job in anon["content"] and "Tilburg" in anon["content"]
    # The page, for anyone.
    page = requests.get(srv.base + "/vacatures", timeout=10)
    assert page.status_code == 200 and job in page.text
    assert "24 tot 32 uur per week" in page.text and "Mail naar werken@example.org" in page.text
    assert 'href="/posts/%s"' % pid in page.text
    assert 'href="/vacatures/nieuw"' not in page.text  # not for visitors
    assert 'href="/vacatures/nieuw"' in c.get("/vacatures").text
    # Atom.
    r = requests.get(srv.base + "/vacatures.atom", timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/atom+xml")
    assert check_atom(r.content) >= 1
    assert pid in atom_ids(r.content)
    assert "&amp; met plezier &lt;3." in r.text  # escaped, still well-formed
    # JSON Feed 1.1.
    r = requests.get(srv.base + "/vacatures.json", timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/feed+json")
    j = r.json()
    assert j["version"] == "https://jsonfeed.org/version/1.1"
    assert j["title"] and j["home_page_url"].endswith("/vacatures") and j["feed_url"].endswith("/vacatures.json")
    item = [i for i in j["items"] if i["id"].endswith("/posts/" + pid)][0]
    assert item["url"] == item["id"] and job in item["title"] and "Tilburg" in item["content_text"]
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", item["date_published"])
    assert item["authors"][0]["url"].endswith("/@" + org)
    assert item["_kring"] == {"job": job, "hours": "24 tot 32 uur per week", "location": "Tilburg",
                              "how_to_apply": "Mail naar werken@example.org"}
    # The API, without a token, and by organisation.
    r = requests.get(srv.base + "/api/v1/kring/vacancies", timeout=10)
    assert r.status_code == 200, r.text
    v = [x for x in r.json() if x["id"] == pid][0]
    assert v["job"] == job and v["how_to_apply"] == "Mail naar werken@example.org"
    assert v["account"]["acct"] == org and v["status"]["id"] == pid
    r = requests.get(srv.base + "/api/v1/kring/vacancies", params={"account_id": oid}, timeout=10)
    assert [x["id"] for x in r.json()] == [pid]


def test_only_public_posts_of_organisations(srv):
    org, nurse = org_with_staff(srv)
    oid = org_id(srv, org)
    c = srv.login(nurse)
    # Someone who is not the organisation's staff: refused, nothing listed.
    other = srv.add_user(uniq("ander"))
    oc = srv.login(other)
    assert oc.get("/vacatures/nieuw").status_code == 403
    job = "Begeleider " + uniq("j")
    assert oc.post("/vacatures", fields(oid, job)).status_code == 403
    # A person's own account is no organisation.
    assert c.post("/vacatures", fields(org_id(srv, nurse), job)).status_code == 403
    # A person's post about a vacancy is a post, not a listed vacancy.
    srv.login(other).new_post("Vacature: " + job + " #vacature")
    # A vacancy still held (the organisation's think time) is not listed yet.
    held_org, held_nurse = org_with_staff(srv, hold=False)
    hc = srv.login(held_nurse)
    held = publish(hc, fields(org_id(srv, held_org), job + " wacht"))
    for path in ("/vacatures", "/vacatures.atom", "/vacatures.json", "/api/v1/kring/vacancies"):
        t = requests.get(srv.base + path, timeout=10).text
        assert job not in t and "/posts/%s" % held not in t and '"%s"' % held not in t, path
    # Deleted: gone from every list.
    pid = publish(c, fields(oid, job + " weg"))
    assert job + " weg" in requests.get(srv.base + "/vacatures", timeout=10).text
    assert c.post("/posts/%s/delete" % pid, {}).status_code == 303
    for path in ("/vacatures", "/vacatures.atom", "/vacatures.json", "/api/v1/kring/vacancies"):
        assert job + " weg" not in requests.get(srv.base + path, timeout=10).text, path
    # A suspended organisation's vacancies are not listed.
    pid = publish(c, fields(oid, job + " stop"))
    admin = srv.login(srv.add_user(uniq("adm"), role="admin"))
    assert admin.post("/admin/users/%s/suspend" % org, {}).status_code == 303
    for path in ("/vacatures", "/vacatures.atom", "/vacatures.json", "/api/v1/kring/vacancies"):
        assert job + " stop" not in requests.get(srv.base + path, timeout=10).text, path


def test_bad_input_and_english(srv):
    org, nurse = org_with_staff(srv)
    oid = org_id(srv, org)
    c = srv.login(nurse)
    bad = fields(oid, "")
    r = publish(c, bad, expect=400)
    assert "Vul de functie in" in r.text and 'aria-invalid="true"' in r.text
    assert "Tilburg" in r.text  # what was typed comes back
    r = publish(c, dict(fields(oid, "Twee\nregels")), expect=400)
    assert "Vul de functie in" in r.text
    r = publish(c, dict(fields(oid, "Kok"), hours="x" * 201), expect=400)
    assert "Vul de uren in" in r.text
    r = publish(c, dict(fields(oid, "Kok"), apply=""), expect=400)
    assert "solliciteren" in r.text
    assert publish(c, dict(fields(oid, "Kok"), **{"as": "abc"}), expect=400).status_code == 400
    # Not logged in: to the login page.
    anon = srv.client()
    assert anon.get("/vacatures/nieuw").status_code in (302, 303)
    # The API.
    tok = token(srv, nurse)
    url = srv.base + "/api/v1/kring/vacancies"
    d = {"account_id": oid, "job": "Kok " + uniq("j"), "hours": "20 uur", "location": "Breda",
         "how_to_apply": "Bel Anja: 012-3456789"}
    assert requests.post(url, data=d, timeout=10).status_code == 401
    ro = token(srv, nurse, scope="read")
    assert requests.post(url, headers=hdr(ro), data=d, timeout=10).status_code == 403
    r = requests.post(url, headers=hdr(tok), data=dict(d, job=""), timeout=10)
    assert r.status_code == 422 and "job" in r.json()["error"]
    r = requests.post(url, headers=hdr(tok), data=dict(d, account_id=org_id(srv, nurse)), timeout=10)
    assert r.status_code == 403
    r = requests.post(url, headers=hdr(tok), data=d, timeout=10)
    assert r.status_code == 200, r.text
    assert r.json()["job"] == d["job"] and r.json()["account"]["acct"] == org
    assert d["job"] in requests.get(srv.base + "/vacatures", timeout=10).text
    assert requests.get(url, params={"account_id": "x"}, timeout=10).status_code == 422
    # English.
    assert c.post("/settings/language", {"lang": "en", "back": "/"}).status_code == 303
    t = c.get("/vacatures").text
    assert "Vacancies" in t and "Post a vacancy" in t
    assert "Post a vacancy" in c.get("/vacatures/nieuw").text
