"""Guidelines reach (issue 20, docs/measure.md): the share of an
organisation's staff who accepted its current social-media guidelines (an
SVG bar with the numbers beside it, no names), and a reminder notification
to those who have not; staff only."""
import re

import pytest
import requests

from conftest import uniq, UNLIMITED, own_server
from test_stream_audience import hdr, token


@pytest.fixture(scope="module")
def srv():
    yield from own_server(**UNLIMITED)


def setup_org(srv, guidelines):
    org = uniq("org")
    srv.cli("org", "add", org, "--display-name", "Zorggroep " + org)
    staff = [srv.add_user(uniq("st%d" % i)) for i in range(4)]
    for s in staff:
        srv.cli("org", "staff", org, s)
    admin = srv.login(srv.add_user(uniq("adm"), role="admin"))
    data = {"hold_seconds": "0"}
    if guidelines:
        data["guidelines"] = guidelines
    assert admin.post("/admin/orgs/%s/policy" % org, data).status_code == 303
    return org, staff


def test_share_and_reminder(srv):
    org, (a, b, c, d) = setup_org(srv, "Ik deel niets over cliënten. Ik blijf vriendelijk.")
    ca = srv.login(a)
    t = ca.get("/richtlijnen/%s" % org).text
    assert "0 van de 4 medewerkers accepteerden de huidige richtlijnen (0 %)" in t
    assert "Ik deel niets over cliënten." in t and 'action="/guidelines/%s/accept"' % org in t
    for name in (a, b):
        assert srv.login(name).post("/guidelines/%s/accept" % org, {}).status_code == 303
    t = ca.get("/richtlijnen/%s" % org).text
    assert "2 van de 4 medewerkers accepteerden de huidige richtlijnen (50 %)" in t
    assert re.search(r'<svg role="img" aria-label="2 van de 4 medewerkers', t)
    assert '<rect x="0" y="0" width="50" height="10"' in t
    assert 'action="/guidelines/%s/accept"' % org not in t  # a accepted already
    for name in (b, c, d):
        assert name not in t.split("<main", 1)[1]  # no names
    r = ca.post("/richtlijnen/%s/herinnering" % org, {})
    assert r.status_code == 303 and r.headers["Location"].endswith("verstuurd=2")
    assert "Herinneringen verstuurd: 2" in ca.get(r.headers["Location"]).text
    # Those who have not accepted are reminded; the others are not.
    for name, want in ((c, True), (d, True), (a, False), (b, False)):
        page = srv.login(name).get("/notifications").text
        assert ("vraagt u de richtlijnen voor sociale media te lezen" in page) == want, name
        if want:
            assert 'href="/richtlijnen/%s"' % org in page
    notes = requests.get(srv.base + "/api/v1/notifications", headers=hdr(token(srv, c)), timeout=10).json()
    assert [n for n in notes if n["type"] == "kring_guidelines" and n["account"]["acct"] == org]
    # Accepting from the page counts.
    cc = srv.login(c)
    assert cc.post("/guidelines/%s/accept" % org, {}).status_code == 303
    assert "3 van de 4" in cc.get("/richtlijnen/%s" % org).text
    # English.
    assert cc.post("/settings/language", {"lang": "en", "back": "/"}).status_code == 303
    assert "Social media guidelines" in cc.get("/richtlijnen/%s" % org).text


def test_staff_only_and_no_guidelines(srv):
    org, (a, b, c, d) = setup_org(srv, None)
    ca = srv.login(a)
    assert "nog geen richtlijnen" in ca.get("/richtlijnen/%s" % org).text
    assert ca.post("/richtlijnen/%s/herinnering" % org, {}).status_code == 409
    outsider = srv.login(srv.add_user(uniq("buiten")))
    assert outsider.get("/richtlijnen/%s" % org).status_code == 404
    assert outsider.post("/richtlijnen/%s/herinnering" % org, {}).status_code == 404
    assert outsider.get("/richtlijnen/bestaatniet").status_code == 404
    assert srv.client().get("/richtlijnen/%s" % org).status_code in (302, 303)
