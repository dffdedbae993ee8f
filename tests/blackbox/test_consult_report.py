"""Reporting a consultation question (issue 18, docs/consult.md): the
professional (or anyone who can see the question) reports it to the instance
moderators; the moderators see the asker's account, anonymous or not; the
professional's answer, pages and API still never show an anonymous asker."""
import datetime
import json

import requests

from conftest import uniq
from test_stream_audience import hdr, token

ADMIN_SCOPES = "read write admin:read admin:write"


def iso(minutes):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def api(server, tok, path, method="get", **kw):
    return getattr(requests, method)(server.base + path, headers=hdr(tok) if tok else {}, timeout=20, **kw)


def test_report_anonymous_question_moderators_see_asker_professional_does_not(server):
    pro = server.new_user(prefix="arts")
    r = pro.post("/settings/profile", {"display_name": "Dokter " + pro.name, "bio": "", "person_type": "professional"})
    assert r.status_code == 303
    ptok = token(server, pro.name)
    asker = server.new_user(prefix="geheim")
    r = asker.post("/settings/profile", {"display_name": "Geheime Naam " + asker.name, "bio": ""})
    assert r.status_code == 303
    atok = token(server, asker.name)
    acc = api(server, atok, "/api/v1/accounts/verify_credentials").json()
    secrets = [acc["id"], asker.name, acc["display_name"], "@" + asker.name]
    mod = server.add_user(uniq("mod"), role="moderator")
    mtok = token(server, mod, ADMIN_SCOPES)
    stranger = token(server, server.add_user(uniq("ander")))

    s = api(server, ptok, "/api/v1/kring/consult/sessions", "post",
            data={"topic": "Melden " + uniq("t"), "starts_at": iso(-5), "ends_at": iso(120)}).json()
    text = "Jullie zijn allemaal oplichters " + uniq("w")
    q = api(server, atok, "/api/v1/kring/consult/sessions/%s/questions" % s["id"], "post",
            data={"text": text, "visibility": "anonymous"}).json()
    other = token(server, server.add_user(uniq("vrager")))  # a named private asker: the professional may see them
    priv = api(server, other, "/api/v1/kring/consult/sessions/%s/questions" % s["id"], "post",
               data={"text": "Een vraag voor de arts alleen " + uniq("p"), "visibility": "private"}).json()

    # Bad reports: no reason; one's own question; a private question a stranger cannot see.
    assert api(server, ptok, "/api/v1/kring/consult/questions/%s/report" % q["id"], "post").status_code == 422
    assert api(server, atok, "/api/v1/kring/consult/questions/%s/report" % q["id"], "post",
               data={"comment": "x"}).status_code == 422
    assert api(server, stranger, "/api/v1/kring/consult/questions/%s/report" % priv["id"], "post",
               data={"comment": "x"}).status_code == 404
    assert api(server, None, "/api/v1/kring/consult/questions/%s/report" % q["id"], "post",
               data={"comment": "x"}).status_code == 401

    # The professional reports: the answer shows the question as they see it, no asker.
    r = api(server, ptok, "/api/v1/kring/consult/questions/%s/report" % q["id"], "post",
            data={"comment": "Scheldt iedereen uit"})
    assert r.status_code == 200, r.text
    assert r.json()["anonymous"] is True and r.json()["account"] is None
    for secret in secrets:
        assert secret not in r.text, secret

    # The moderators see the asker's account and the question.
    reps = api(server, mtok, "/api/v1/admin/reports", params={"limit": 200}).json()
    mine = [x for x in reps if x["comment"] == "Scheldt iedereen uit"]
    assert len(mine) == 1, reps
    assert mine[0]["target_account"]["id"] == acc["id"]
    page = server.login(mod).get("/moderation")
    assert page.status_code == 200 and text in page.text and asker.name in page.text

    # The report form on the professional's session page, without the asker.
    page = pro.get("/consult/%s" % s["id"])
    assert page.status_code == 200 and "/consult/q/%s/report" % q["id"] in page.text
    assert "De moderatie ziet wie de vraag stelde" in page.text
    assert pro.post("/consult/q/%s/report" % q["id"], {"comment": ""}).status_code == 400
    r = pro.post("/consult/q/%s/report" % q["id"], {"comment": "Via de pagina gemeld"})
    assert r.status_code == 303, r.text[:300]
    reps = api(server, mtok, "/api/v1/admin/reports", params={"limit": 200}).json()
    assert [x["target_account"]["id"] for x in reps if x["comment"] == "Via de pagina gemeld"] == [acc["id"]]

    # The professional's pages and API still never show the asker.
    for where in ("/api/v1/kring/consult/sessions/%s/questions" % s["id"],
                  "/api/v1/kring/consult/questions/%s" % q["id"], "/api/v1/notifications"):
        body = api(server, ptok, where).text
        for secret in secrets:
            assert secret not in body, (where, secret)
    for where in ("/consult/%s" % s["id"], "/consult/%s/queue" % s["id"], "/notifications"):
        body = pro.get(where).text
        for secret in secrets[1:]:
            assert secret not in body, (where, secret)
    # The asker is not told who reported them, nor that they were.
    notes = api(server, atok, "/api/v1/notifications").json()
    assert not any(n["type"] == "admin.report" for n in notes), json.dumps(notes)
