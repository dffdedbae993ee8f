"""Reach without surveillance (issue 20, docs/measure.md): timelines and
threads count how many distinct people were shown a post, off the request
path; only the author side sees the numbers, fewer than 5 is not a number,
and no output names a viewer."""
import re

import pytest
import requests

from conftest import uniq, UNLIMITED, own_server
from test_stream_audience import hdr, token


@pytest.fixture(scope="module")
def srv():
    yield from own_server(**UNLIMITED)


def reach(s, tok, pid):
    return requests.get(s.base + "/api/v1/kring/posts/%s/reach" % pid, headers=hdr(tok) if tok else {},
                        timeout=30)


def api_post(s, tok, text, **kw):
    kw.update(status=text, visibility=kw.get("visibility", "public"))
    r = requests.post(s.base + "/api/v1/statuses", headers=hdr(tok), data=kw, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["id"]


def viewers(s, n, prefix="kijk"):
    out = []
    for _ in range(n):
        name = s.add_user(uniq(prefix))
        out.append((name, token(s, name)))
    return out


def test_threshold_and_distinct_people(srv):
    author = srv.add_user(uniq("auteur"))
    atok = token(srv, author)
    pid = api_post(srv, atok, "Bereik telt mensen " + uniq("w"))
    # The author's own views do not count.
    requests.get(srv.base + "/api/v1/timelines/public?local=true", headers=hdr(atok), timeout=10)
    r = reach(srv, atok, pid)
    assert r.status_code == 200, r.text
    assert r.json()["reach"] is None and r.json()["reach_below_5"] is True
    people = viewers(srv, 6)
    # Four people see it on the local timeline page, twice each.
    for name, _ in people[:4]:
        c = srv.login(name)
        for _ in range(2):
            assert str(pid) in c.get("/local").text
    j = reach(srv, atok, pid).json()
    assert j["reach"] is None and j["reach_below_5"] is True, j
    page = srv.login(author).get("/posts/%s/bereik" % pid)
    assert page.status_code == 200 and "minder dan 5" in page.text
    # A fifth in the API's timeline, a sixth in the thread.
    r = requests.get(srv.base + "/api/v1/timelines/public?local=true", headers=hdr(people[4][1]), timeout=10)
    assert pid in [x["id"] for x in r.json()]
    r = requests.get(srv.base + "/api/v1/statuses/%s/context" % pid, headers=hdr(people[5][1]), timeout=10)
    assert r.status_code == 200
    j = reach(srv, atok, pid).json()
    assert j["reach"] == 6 and j["reach_below_5"] is False, j
    assert j["favourites_count"] == 0 and j["reblogs_count"] == 0 and j["replies_count"] == 0
    # Seen again by the same people: still six.
    srv.login(people[0][0]).get("/local")
    assert reach(srv, atok, pid).json()["reach"] == 6
    en = srv.login(author)
    assert en.post("/settings/language", {"lang": "en", "back": "/"}).status_code == 303
    t = en.get("/posts/%s/bereik" % pid).text
    assert "Reach of your post" in t and "People who saw it" in t and "fewer than 5" not in t


def test_thread_page_and_boost_count_the_post(srv):
    author = srv.add_user(uniq("auteur"))
    atok = token(srv, author)
    pid = api_post(srv, atok, "Gedeeld bericht " + uniq("w"))
    people = viewers(srv, 6, "volg")
    # The thread page counts.
    for name, _ in people[:3]:
        assert srv.login(name).get("/posts/%s" % pid).status_code == 200
    # A boost shown on a home timeline counts for the boosted post.
    booster, btok = people[3]
    assert requests.post(srv.base + "/api/v1/statuses/%s/reblog" % pid, headers=hdr(btok),
                         timeout=10).status_code == 200
    bid = requests.get(srv.base + "/api/v1/accounts/lookup", params={"acct": booster}, headers=hdr(btok),
                       timeout=10).json()["id"]
    for name, tok in people[4:]:
        assert requests.post(srv.base + "/api/v1/accounts/%s/follow" % bid, headers=hdr(tok),
                             timeout=10).status_code == 200
        r = requests.get(srv.base + "/api/v1/timelines/home", headers=hdr(tok), timeout=10)
        assert any(x.get("reblog") and x["reblog"]["id"] == pid for x in r.json()), r.text[:300]
    j = reach(srv, atok, pid).json()
    # 3 on the thread page, 2 through the boost (the booster saw it only by boosting).
    assert j["reach"] == 5 and j["reblogs_count"] == 1, j


def test_only_the_author_side_and_no_viewer_anywhere(srv):
    author = srv.add_user(uniq("auteur"))
    atok = token(srv, author)
    pid = api_post(srv, atok, "Niemand anders ziet dit " + uniq("w"))
    people = viewers(srv, 5, "zien")
    for name, tok in people:
        requests.get(srv.base + "/api/v1/statuses/%s/context" % pid, headers=hdr(tok), timeout=10)
    r = reach(srv, atok, pid)
    assert r.json()["reach"] == 5
    page = srv.login(author).get("/posts/%s/bereik" % pid)
    assert page.status_code == 200
    # No viewer's name or id in any output.
    for name, tok in people:
        vid = requests.get(srv.base + "/api/v1/accounts/lookup", params={"acct": name}, headers=hdr(tok),
                           timeout=10).json()["id"]
        for text in (r.text, page.text):
            assert name not in text and vid not in text
    # Everyone else: the numbers do not exist.
    other, otok = people[0]
    assert reach(srv, otok, pid).status_code == 404
    assert srv.login(other).get("/posts/%s/bereik" % pid).status_code == 404
    assert "/bereik" not in srv.login(other).get("/posts/%s" % pid).text
    assert "/posts/%s/bereik" % pid in srv.login(author).get("/posts/%s" % pid).text
    assert reach(srv, None, pid).status_code == 401
    anon = srv.client().get("/posts/%s/bereik" % pid, allow_redirects=False)
    assert anon.status_code in (302, 303, 401)
    assert reach(srv, atok, "999999999").status_code == 404
    assert srv.login(author).get("/posts/abc/bereik").status_code == 404
    # The route asks read:statuses.
    narrow = token(srv, author, scope="read:accounts")
    assert reach(srv, narrow, pid).status_code == 403


def test_organisation_staff_see_the_numbers(srv):
    org = uniq("org")
    srv.cli("org", "add", org, "--display-name", "Zorggroep Bereik")
    nurse = srv.add_user(uniq("nurse"))
    colleague = srv.add_user(uniq("coll"))
    srv.cli("org", "staff", org, nurse)
    srv.cli("org", "staff", org, colleague)
    admin = srv.login(srv.add_user(uniq("adm"), role="admin"))
    r = admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0", "ignore": ""})
    assert r.status_code == 303, r.text[:300]
    c = srv.login(nurse)
    r = c.post("/posts", {"text": "Vacature verzorgende " + uniq("w"), "visibility": "public", "as": org})
    assert r.status_code == 303, r.text[:500]
    pid = re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)
    ctok = token(srv, colleague)
    j = reach(srv, ctok, pid)
    assert j.status_code == 200 and j.json()["reach_below_5"] is True, j.text
    cc = srv.login(colleague)
    assert cc.get("/posts/%s/bereik" % pid).status_code == 200
    assert cc.post("/settings/language", {"lang": "en", "back": "/"}).status_code == 303
    assert "fewer than 5" in cc.get("/posts/%s/bereik" % pid).text
    outsider = srv.add_user(uniq("buiten"))
    assert reach(srv, token(srv, outsider), pid).status_code == 404


def org_post(srv, text):
    """An organisation with two staff; one posts text as it.  (org, nurse, colleague, post id)"""
    org = uniq("org")
    srv.cli("org", "add", org, "--display-name", "Zorggroep Klik")
    nurse, colleague = srv.add_user(uniq("nurse")), srv.add_user(uniq("coll"))
    srv.cli("org", "staff", org, nurse)
    srv.cli("org", "staff", org, colleague)
    admin = srv.login(srv.add_user(uniq("adm"), role="admin"))
    assert admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0", "ignore": ""}).status_code == 303
    r = srv.login(nurse).post("/posts", {"text": text, "visibility": "public", "as": org})
    assert r.status_code == 303, r.text[:500]
    return org, nurse, colleague, re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)


def test_link_clicks_of_an_organisations_post(srv):
    text = ("Werken bij ons: https://example.org/vacatures?id=7 en meer op https://example.net/over. "
            + uniq("w"))
    org, nurse, colleague, pid = org_post(srv, text)
    anon = srv.client()
    page = anon.get("/posts/%s" % pid).text
    # The page links through kring's own redirect, not straight out.
    assert 'href="/l/%s-0"' % pid in page and 'href="/l/%s-1"' % pid in page
    assert 'href="https://example.org' not in page
    r = anon.get("/l/%s-0" % pid, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "https://example.org/vacatures?id=7"
    r = anon.get("/l/%s-1" % pid, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "https://example.net/over"
    ctok = token(srv, colleague)
    j = reach(srv, ctok, pid).json()
    assert j["link_clicks"] is None and j["link_clicks_below_5"] is True, j
    for _ in range(4):
        assert anon.get("/l/%s-0" % pid, allow_redirects=False).status_code == 303
    j = reach(srv, ctok, pid).json()
    assert j["link_clicks"] == 6 and j["link_clicks_below_5"] is False, j
    t = srv.login(colleague).get("/posts/%s/bereik" % pid).text
    assert "Klikken op links" in t and "<dd>6</dd>" in t
    # Only addresses that are in the post: no third link, no other post, nothing made up.
    for bad in ("/l/%s-2" % pid, "/l/%s-x" % pid, "/l/-1", "/l/%s" % pid, "/l/1-0", "/l/%s--1" % pid,
                "/l/99999999999999999999999-0"):
        assert anon.get(bad, allow_redirects=False).status_code == 404, bad


def test_person_posts_link_straight_out_and_private_posts_stay_private(srv):
    author = srv.add_user(uniq("auteur"))
    atok = token(srv, author)
    pid = api_post(srv, atok, "Kijk op https://example.com/folder " + uniq("w"))
    c = srv.login(author)
    assert 'href="https://example.com/folder"' in c.get("/posts/%s" % pid).text
    assert srv.client().get("/l/%s-0" % pid, allow_redirects=False).status_code == 404
    j = reach(srv, atok, pid).json()
    assert j["link_clicks"] is None and j["link_clicks_below_5"] is False
    # An organisation's followers-only post: its links do not open for others.
    org, nurse, colleague, _ = org_post(srv, "Openbaar " + uniq("w"))
    r = srv.login(nurse).post("/posts", {"text": "Intern: https://example.org/rooster " + uniq("w"),
                                         "visibility": "followers", "as": org})
    assert r.status_code == 303
    fid = re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)
    assert srv.client().get("/l/%s-0" % fid, allow_redirects=False).status_code == 404
    assert srv.login(nurse).get("/l/%s-0" % fid, allow_redirects=False).status_code == 303
