"""Changing and deleting a consultation hour on its page (issue 18,
docs/consult.md): the session's staff change topic, time and explanation
(the announcement follows), or delete it with its questions and answers;
nobody else can, and the form is not shown to them."""
import datetime
import re

import requests

from test_consult import professional


def local(days=0, hours=0):
    return (datetime.datetime.now() + datetime.timedelta(days=days, hours=hours)).strftime("%Y-%m-%dT%H:%M")


def open_on_page(server, pc, topic):
    pid = re.search(r'<option value="(\d+)"', pc.get("/consult/new").text).group(1)
    r = pc.post("/consult", {"as": pid, "topic": topic, "starts_at": local(1), "ends_at": local(1, 1),
                             "audience": "everyone", "disclaimer": ""})
    assert r.status_code == 303, r.text[:500]
    return re.search(r"/consult/(\d+)", r.headers["Location"]).group(1)


def announcement(server, page):
    m = re.search(r'href="/posts/(\d+)"', page)
    assert m, page
    return m.group(1)


def test_staff_change_the_session_and_its_announcement(server):
    pc, _ = professional(server, prefix="wijzig")
    sid = open_on_page(server, pc, "Slapen bij baby's")
    page = pc.get("/consult/" + sid).text
    assert 'action="/consult/%s/edit"' % sid in page and 'action="/consult/%s/delete"' % sid in page
    assert 'value="Slapen bij baby&#39;s"' in page or "value=\"Slapen bij baby's\"" in page
    post = announcement(server, page)
    other = server.new_user(prefix="ander")
    opage = other.get("/consult/" + sid).text
    assert "/edit" not in opage and "/delete" not in opage
    # Someone else may not change it.
    r = other.post("/consult/%s/edit" % sid, {"topic": "Overgenomen", "starts_at": local(2), "ends_at": local(2, 1)})
    assert r.status_code in (403, 404), r.status_code
    # Bad windows: a clear 422 on the page.
    r = pc.post("/consult/%s/edit" % sid, {"topic": "Slapen", "starts_at": local(2, 1), "ends_at": local(2)})
    assert r.status_code == 422 and "Het eind ligt na" in r.text
    r = pc.post("/consult/%s/edit" % sid, {"topic": "", "starts_at": local(2), "ends_at": local(2, 1)})
    assert r.status_code == 422
    r = pc.post("/consult/%s/edit" % sid, {"topic": "Slapen", "starts_at": "morgen", "ends_at": local(2, 1)})
    assert r.status_code == 422
    # The change: topic, time, explanation; the announcement says it too.
    start, end = local(3), local(3, 2)
    r = pc.post("/consult/%s/edit" % sid, {"topic": "Slapen en voeding", "starts_at": start, "ends_at": end,
                                           "disclaimer": "Geen diagnose. Bel bij spoed de huisarts."})
    assert r.status_code == 303, r.text[:500]
    page = server.client().get("/consult/" + sid).text
    assert "Slapen en voeding" in page and "Bel bij spoed de huisarts" in page
    page = pc.get("/consult/" + sid).text
    assert 'value="%s"' % start in page and 'value="%s"' % end in page
    st = requests.get(server.base + "/api/v1/statuses/" + post, timeout=20).json()
    assert "Slapen en voeding" in st["content"] and "Bel bij spoed de huisarts" in st["content"]


def test_staff_delete_the_session_with_its_questions(server):
    pc, _ = professional(server, prefix="weg")
    sid = open_on_page(server, pc, "Rugpijn")
    asker = server.new_user(prefix="wegvrager")
    r = asker.post("/consult/%s/ask" % sid, {"text": "Helpt zwemmen tegen rugpijn?", "kind": "anonymous"})
    assert r.status_code == 303, r.text[:300]
    page = pc.get("/consult/" + sid).text
    qid = re.search(r'action="/consult/q/(\d+)/answer"', page).group(1)
    post = announcement(server, page)
    # Not without the box ticked, and not by someone else.
    r = pc.post("/consult/%s/delete" % sid, {})
    assert r.status_code == 422 and "echt wilt verwijderen" in r.text
    r = asker.post("/consult/%s/delete" % sid, {"sure": "1"})
    assert r.status_code in (403, 404), r.status_code
    assert pc.get("/consult/" + sid).status_code == 200
    r = pc.post("/consult/%s/delete" % sid, {"sure": "1"})
    assert r.status_code == 303 and r.headers["Location"].startswith("/consult"), r.status_code
    assert pc.get("/consult/" + sid).status_code == 404
    assert pc.get("/consult/q/" + qid).status_code == 404
    assert asker.get("/consult/q/" + qid).status_code == 404
    assert requests.get(server.base + "/api/v1/statuses/" + post, timeout=20).status_code == 404
    assert "Rugpijn" not in server.client().get("/consult").text


def test_the_api_changes_and_deletes_too(server):
    from test_consult import api, open_session
    from test_stream_audience import token
    pc, ptok = professional(server, prefix="apiwijzig")
    s = open_session(server, ptok, topic="Eten en slapen")
    other = token(server, server.add_user(uniq_name("apiander")))
    r = api(server, other, "/api/v1/kring/consult/sessions/%s" % s["id"], "put", data={"topic": "Van mij"})
    assert r.status_code == 403, r.text
    r = api(server, ptok, "/api/v1/kring/consult/sessions/%s" % s["id"], "put", data={"topic": ""})
    assert r.status_code == 422, r.text
    r = api(server, ptok, "/api/v1/kring/consult/sessions/%s" % s["id"], "put", data={"starts_at": "gisteren"})
    assert r.status_code == 422, r.text
    r = api(server, ptok, "/api/v1/kring/consult/sessions/%s" % s["id"], "put", data={"topic": "Eten, slapen, bewegen"})
    assert r.status_code == 200, r.text
    assert r.json()["topic"] == "Eten, slapen, bewegen" and r.json()["starts_at"] == s["starts_at"]
    assert api(server, other, "/api/v1/kring/consult/sessions/%s" % s["id"], "delete").status_code == 403
    r = api(server, ptok, "/api/v1/kring/consult/sessions/%s" % s["id"], "delete")
    assert r.status_code == 200 and r.json() == {}, r.text
    assert api(server, ptok, "/api/v1/kring/consult/sessions/%s" % s["id"]).status_code == 404
    assert api(server, ptok, "/api/v1/kring/consult/sessions/%s" % s["id"], "delete").status_code == 404


def uniq_name(prefix):
    from conftest import uniq
    return uniq(prefix)
