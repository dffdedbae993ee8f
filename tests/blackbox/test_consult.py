"""Consultation hours (issue 18, docs/consult.md): a professional opens a
session, people ask public, private and anonymous questions, the
professional answers from a queue; the archive is searchable and the
question page carries schema.org QAPage data.  The anonymity promise is
tested through every door kring has: pages, the client API and kring's own
API, the streams, notifications, search.  (kring has no RSS/Atom feed and no
export of one person's data for others yet; `kring export` is the
operator's copy of the whole database.)"""
import datetime
import json
import re
import time

import pytest
import requests

from conftest import uniq
from test_stream_audience import Stream, hdr, token

CLIENT_DATA = "Mijn BSN is 123456782. Mag ik mijn dossier zien?"


def iso(minutes):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def api(server, tok, path, method="get", **kw):
    h = hdr(tok) if tok else {}
    return getattr(requests, method)(server.base + path, headers=h, timeout=20, **kw)


def me_id(server, tok):
    return api(server, tok, "/api/v1/accounts/verify_credentials").json()["id"]


def professional(server, prefix="arts"):
    c = server.new_user(prefix=prefix)
    r = c.post("/settings/profile", {"display_name": "Dokter " + c.name, "bio": "", "person_type": "professional"})
    assert r.status_code == 303, r.text[:300]
    return c, token(server, c.name)


def open_session(server, tok, topic=None, **extra):
    data = {"topic": topic or "Slapen " + uniq("t"), "starts_at": iso(-5), "ends_at": iso(120)}
    data.update(extra)
    r = api(server, tok, "/api/v1/kring/consult/sessions", "post", data=data)
    assert r.status_code == 200, r.text
    return r.json()


def ask(server, tok, sid, text, visibility="public", expect=200, **extra):
    data = {"text": text, "visibility": visibility}
    data.update(extra)
    r = api(server, tok, "/api/v1/kring/consult/sessions/%s/questions" % sid, "post", data=data)
    assert r.status_code == expect, r.text
    return r.json()


def answer(server, tok, qid, text, expect=200):
    r = api(server, tok, "/api/v1/kring/consult/questions/%s/answers" % qid, "post", data={"text": text})
    assert r.status_code == expect, r.text
    return r.json()


@pytest.fixture(scope="module")
def pro(server):
    return professional(server)


def test_only_professionals_and_organisations_open(server, pro):
    member = server.new_user(prefix="lid")
    r = api(server, token(server, member.name), "/api/v1/kring/consult/sessions", "post",
            data={"topic": "Mag ik dit?", "starts_at": iso(-5), "ends_at": iso(60)})
    assert r.status_code == 403, r.text
    r = member.get("/consult/new")
    assert r.status_code == 403
    # Bad windows are a clear 422, not a 500.
    _, ptok = pro
    for bad in ({"ends_at": iso(-1)}, {"ends_at": iso(60 * 24 * 8)}, {"topic": " "}, {"starts_at": "morgen"}):
        data = {"topic": "Slapen", "starts_at": iso(-5), "ends_at": iso(60)}
        data.update(bad)
        r = api(server, ptok, "/api/v1/kring/consult/sessions", "post", data=data)
        assert r.status_code == 422, (bad, r.text)


def test_session_is_announced_and_on_the_profile(server, pro):
    pc, ptok = pro
    s = open_session(server, ptok, topic="Zorgen om je knie " + uniq("k"))
    assert s["staff"] and s["following"] and s["statistics"]["questions"] == 0
    st = api(server, None, "/api/v1/statuses/%s" % s["announcement_id"]).json()
    assert s["topic"].split()[0] in st["content"] and "/consult/%s" % s["id"] in st["content"]
    assert "geen diagnose" in s["disclaimer"]
    page = server.client().get("/@" + pc.name).text
    assert s["topic"] in page and "/consult/%s" % s["id"] in page
    lst = api(server, None, "/api/v1/kring/consult/sessions?account_id=%s" % s["account"]["id"]).json()
    assert [x["id"] for x in lst][:1] == [s["id"]]


def test_three_kinds_of_question_and_who_sees_them(server, pro):
    pc, ptok = pro
    s = open_session(server, ptok)
    sid = s["id"]
    asker = server.new_user(prefix="vrager")
    atok = token(server, asker.name)
    other = server.new_user(prefix="ander")
    otok = token(server, other.name)
    pub = ask(server, atok, sid, "Hoe lang moet ik slapen? " + uniq("p"))
    priv = ask(server, atok, sid, "Mijn slaappillen werken niet meer. " + uniq("v"), "private")
    assert pub["account"]["username"] == asker.name and priv["visibility"] == "private"
    # Others see the public one only; a private question is not found.
    seen = [q["id"] for q in api(server, otok, "/api/v1/kring/consult/sessions/%s/questions" % sid).json()]
    assert pub["id"] in seen and priv["id"] not in seen
    assert api(server, otok, "/api/v1/kring/consult/questions/%s" % priv["id"]).status_code == 404
    assert other.get("/consult/q/%s" % priv["id"]).status_code == 404
    assert priv["text"] not in other.get("/consult/%s" % sid).text
    assert priv["text"] not in server.client().get("/consult/%s" % sid).text
    # The asker and the professional see it.
    assert api(server, atok, "/api/v1/kring/consult/questions/%s" % priv["id"]).status_code == 200
    queue = pc.get("/consult/%s" % sid).text
    assert priv["text"] in queue and pub["text"] in queue
    # A private answer goes to the asker alone.
    a = answer(server, ptok, priv["id"], "Bespreek dat met uw huisarts, dan kijken we samen.")
    assert a["state"] == "answered" and a["answers"][0]["text"].startswith("Bespreek")
    assert "Bespreek dat" not in other.get("/consult/%s" % sid).text
    assert "Bespreek dat" in asker.get("/consult/%s" % sid).text
    # Nor does a private answer become a post.
    ctx = api(server, otok, "/api/v1/statuses/%s/context" % s["announcement_id"]).json()
    assert not any("Bespreek dat" in d["content"] for d in ctx["descendants"])
    assert "Bespreek dat" not in api(server, None, "/api/v1/timelines/public").text


def test_guard_offers_to_ask_privately(server, pro):
    _, ptok = pro
    s = open_session(server, ptok)
    asker = server.new_user(prefix="vrager")
    r = asker.post("/consult/%s/ask" % s["id"], {"text": CLIENT_DATA, "kind": "public"})
    assert r.status_code == 422, r.text[:300]
    assert "Vraag het privé" in r.text and 'name="kind" value="private"' in r.text
    # Nothing was stored.
    assert CLIENT_DATA not in server.client().get("/consult/%s" % s["id"]).text
    # Asking privately (the page's offer) goes through: one's own data to one's care provider.
    r = asker.post("/consult/%s/ask" % s["id"], {"text": CLIENT_DATA, "kind": "private"})
    assert r.status_code == 303, r.text[:300]
    # The API says the same: 422 naming the guard, then privately fine.
    atok = token(server, asker.name)
    r = api(server, atok, "/api/v1/kring/consult/sessions/%s/questions" % s["id"], "post",
            data={"text": CLIENT_DATA, "visibility": "anonymous"})
    assert r.status_code == 422 and "privacy guard" in r.text
    r = asker.post("/consult/%s/ask" % s["id"], {"text": CLIENT_DATA, "kind": "anonymous"})
    assert r.status_code == 422 and "met uw naam" in r.text  # asking privately is not anonymous
    ask(server, atok, s["id"], CLIENT_DATA, "private")


def test_queue_decline_merge_private_accept_numbers(server, pro):
    pc, ptok = pro
    s = open_session(server, ptok)
    sid = s["id"]
    a1 = server.new_user(prefix="vraag")
    t1 = token(server, a1.name)
    a2 = server.new_user(prefix="vraag")
    t2 = token(server, a2.name)
    q1 = ask(server, t1, sid, "Helpt melatonine bij inslapen? " + uniq("m"))
    q2 = ask(server, t2, sid, "Werkt melatonine om in te slapen? " + uniq("m"))
    q3 = ask(server, t2, sid, "Wat vindt u van mijn buurman? " + uniq("b"))
    q4 = ask(server, t1, sid, "Hoeveel koffie mag ik drinken? " + uniq("k"))
    # Only the staff act.
    r = api(server, t2, "/api/v1/kring/consult/questions/%s/decline" % q3["id"], "post", data={"reason": "nee"})
    assert r.status_code == 404
    r = api(server, ptok, "/api/v1/kring/consult/questions/%s/decline" % q3["id"], "post",
            data={"reason": "Dat hoort niet bij dit spreekuur."})
    assert r.status_code == 200 and r.json()["state"] == "declined"
    r = api(server, ptok, "/api/v1/kring/consult/questions/%s/merge" % q2["id"], "post", data={"into_id": q1["id"]})
    assert r.status_code == 200 and r.json()["merged_into_id"] == q1["id"]
    r = api(server, ptok, "/api/v1/kring/consult/questions/%s/private" % q4["id"], "post")
    assert r.status_code == 200 and r.json()["visibility"] == "private"
    ans = answer(server, ptok, q1["id"], "Soms, kort gebruikt. Vraag uw apotheek.")
    # A public answer is also the owner's reply to the announcement.
    ctx = api(server, None, "/api/v1/statuses/%s/context" % s["announcement_id"]).json()
    assert any("Vraag uw apotheek" in d["content"] for d in ctx["descendants"]), ctx
    # The asker accepts; someone else may not.
    aid = ans["answers"][0]["id"]
    r = api(server, t2, "/api/v1/kring/consult/questions/%s/accept" % q1["id"], "post", data={"answer_id": aid})
    assert r.status_code == 403
    r = api(server, t1, "/api/v1/kring/consult/questions/%s/accept" % q1["id"], "post", data={"answer_id": aid})
    assert r.status_code == 200 and r.json()["answers"][0]["accepted"] is True
    # Public: the declined, merged and now private ones are gone from view.
    pub = [q["id"] for q in api(server, None, "/api/v1/kring/consult/sessions/%s/questions" % sid).json()]
    assert pub == [q1["id"]]
    # The askers were told, the reason too.
    assert "Dat hoort niet bij dit spreekuur." in a2.get("/notifications").text
    assert "samengevoegd" in a2.get("/notifications").text
    assert "beantwoord" in a1.get("/notifications").text
    # Numbers: 3 questions (the merged one not counted), 1 answered.
    st = api(server, None, "/api/v1/kring/consult/sessions/%s" % sid).json()["statistics"]
    assert st["questions"] == 3 and st["answered"] == 1 and st["median_seconds_to_answer"] is not None
    # The QAPage on the question page, with the accepted answer.
    page = server.client().get("/consult/q/%s" % q1["id"]).text
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert m, page[:500]
    qa = json.loads(m.group(1))
    assert qa["@type"] == "QAPage" and qa["mainEntity"]["acceptedAnswer"]["text"].startswith("Soms")
    assert qa["mainEntity"]["text"] == q1["text"]


def test_archive_search_with_dutch_stemming(server, pro):
    _, ptok = pro
    s = open_session(server, ptok)
    asker = server.new_user(prefix="zoek")
    word = "wandel" + uniq("x").replace("n", "")
    q = ask(server, token(server, asker.name), s["id"], "Zijn %singen goed voor mijn rug?" % word)
    priv = ask(server, token(server, asker.name), s["id"], "Privé: %singen en mijn hart?" % word, "private")
    answer(server, ptok, q["id"], "Ja, rustig beginnen.")
    found = api(server, None, "/api/v1/kring/consult/search?q=%sing+rustig" % word).json()
    ids = [x["id"] for x in found]
    assert q["id"] in ids and priv["id"] not in ids
    page = server.client().get("/consult?q=%sing" % word).text
    assert "/consult/q/%s" % q["id"] in page and "/consult/q/%s" % priv["id"] not in page
    assert api(server, None, "/api/v1/kring/consult/search?q=").status_code == 422


def test_followers_only_session(server, pro):
    pc, ptok = pro
    s = open_session(server, ptok, audience="followers")
    stranger = server.new_user(prefix="vreemd")
    stok = token(server, stranger.name)
    ask(server, stok, s["id"], "Mag ik iets vragen?", expect=403)
    api(server, stok, "/api/v1/accounts/%s/follow" % s["account"]["id"], "post")
    ask(server, stok, s["id"], "Nu wel?")


def test_cli_open_and_list(server, pro):
    pc, _ = pro
    topic = "Spreekuur via de beheerder " + uniq("c")
    out = server.cli("consult", "open", pc.name, "--topic", topic, "--from", iso(-1), "--until", iso(60)).stdout
    m = re.search(r"/consult/(\d+)", out)
    assert m, out
    assert topic in server.cli("consult", "list", pc.name).stdout
    assert topic in server.client().get("/consult/" + m.group(1)).text
    r = server.cli("consult", "open", pc.name, "--topic", topic, "--from", "gisteren", "--until", iso(60), check=False)
    assert r.returncode != 0


def test_pages_open_ask_answer(server):
    pc, _ = professional(server, prefix="pagina")
    r = pc.get("/consult/new")
    assert r.status_code == 200
    start = (datetime.datetime.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    end = (datetime.datetime.now() + datetime.timedelta(days=1, hours=1)).strftime("%Y-%m-%dT%H:%M")
    pid = re.search(r'<option value="(\d+)"', r.text).group(1)
    r = pc.post("/consult", {"as": pid, "topic": "Voeding en diabetes", "starts_at": start, "ends_at": end,
                             "audience": "everyone", "disclaimer": ""})
    assert r.status_code == 303, r.text[:500]
    sid = re.search(r"/consult/(\d+)", r.headers["Location"]).group(1)
    r = pc.post("/consult", {"as": pid, "topic": "", "starts_at": start, "ends_at": end})
    assert r.status_code == 400 and "onderwerp" in r.text
    asker = server.new_user(prefix="pvrager")
    r = asker.post("/consult/%s/ask" % sid, {"text": "Mag ik fruit eten?", "kind": "public"})
    assert r.status_code == 303, r.text[:300]
    r = asker.post("/consult/%s/ask" % sid, {"text": "", "kind": "public"})
    assert r.status_code == 400
    r = asker.post("/consult/%s/ask" % sid, {"text": "x", "kind": "iets"})
    assert r.status_code == 400
    page = pc.get("/consult/" + sid).text
    qid = re.search(r'action="/consult/q/(\d+)/answer"', page).group(1)
    r = pc.post("/consult/q/%s/answer" % qid, {"text": "Ja, met mate."})
    assert r.status_code == 303, r.text[:300]
    assert "Ja, met mate." in server.client().get("/consult/" + sid).text
    # Someone else cannot answer or decline.
    r = asker.post("/consult/q/%s/answer" % qid, {"text": "Ik weet het ook."})
    assert r.status_code == 404
    r = asker.post("/consult/%s/follow" % sid)
    assert r.status_code == 303
    assert "Niet meer volgen" in asker.get("/consult/" + sid).text


# ---- the anonymity promise -------------------------------------------------

def _secrets(server, asker_name, atok):
    acc = api(server, atok, "/api/v1/accounts/verify_credentials").json()
    return [acc["id"], asker_name, acc["display_name"], "@" + asker_name, acc["avatar"],
            acc["avatar"].replace(server.base, "")]


def _assert_absent(where, text, secrets):
    for s in secrets:
        assert s not in text, "anonymous asker's %r appears in %s" % (s, where)


def test_anonymous_asker_appears_nowhere(server):
    pc, ptok = professional(server, prefix="anonarts")
    follower = server.new_user(prefix="volger")
    ftok = token(server, follower.name)
    asker = server.new_user(prefix="geheim")
    r = asker.post("/settings/profile", {"display_name": "Geheime Naam " + asker.name, "bio": ""})
    assert r.status_code == 303
    atok = token(server, asker.name)
    secrets = _secrets(server, asker.name, atok)
    s = open_session(server, ptok, topic="Anoniem vragen " + uniq("a"))
    sid = s["id"]
    api(server, ftok, "/api/v1/kring/consult/sessions/%s/follow" % sid, "post")
    api(server, ftok, "/api/v1/accounts/%s/follow" % s["account"]["id"], "post")
    word = "duizel" + uniq("w").replace("n", "")
    streams = {
        "pro-user": Stream(server.base + "/api/v1/streaming/user", ptok),
        "follower-user": Stream(server.base + "/api/v1/streaming/user", ftok),
        "public": Stream(server.base + "/api/v1/streaming/public"),
    }
    try:
        q = ask(server, atok, sid, "Ik word %sig wakker, wat kan dat zijn?" % word, "anonymous")
        q2 = ask(server, atok, sid, "Nog een vraag over %sigheid." % word, "anonymous")
        assert q["mine"] and q["anonymous"]
        answer(server, ptok, q["id"], "Dat kan veel oorzaken hebben; meet uw bloeddruk.")
        got = {k: v.events(3) for k, v in streams.items()}
    finally:
        for st in streams.values():
            st.close()
    for k, evs in got.items():
        _assert_absent("stream " + k, json.dumps(evs), secrets)
    assert any(e == "notification" for e, _ in got["follower-user"]), got["follower-user"]
    # The public answer went out as a normal post on the public stream.
    assert any(e == "update" and "meet uw bloeddruk" in d for e, d in got["public"]), got["public"]
    # What the professional sees: a stable pseudonym, never the account.
    for where in ("/api/v1/kring/consult/sessions/%s/questions" % sid, "/api/v1/kring/consult/questions/%s" % q["id"],
                  "/api/v1/kring/consult/sessions/%s" % sid, "/api/v1/kring/consult/sessions",
                  "/api/v1/kring/consult/search?q=%sig" % word, "/api/v1/notifications", "/api/v2/notifications",
                  "/api/v1/timelines/home", "/api/v1/timelines/public", "/api/v1/conversations",
                  "/api/v2/search?q=%sig" % word):
        for who, tok in (("pro", ptok), ("follower", ftok), ("visitor", None)):
            r = api(server, tok, where)
            if r.status_code in (401, 403):
                continue
            assert r.status_code == 200, (where, r.status_code, r.text[:200])
            _assert_absent("%s for %s" % (where, who), r.text, secrets)
            if where.endswith("/questions") and who == "pro":
                pseud = {x["pseudonym"] for x in r.json() if x["id"] in (q["id"], q2["id"])}
                assert pseud == {1}, r.text  # one person, one pseudonym in the session
            if where.endswith("/questions") and who != "pro":
                assert all(x["pseudonym"] is None and x["account"] is None
                           for x in r.json() if x["anonymous"]), r.text
    pages = ["/consult", "/consult/%s" % sid, "/consult/q/%s" % q["id"], "/consult/q/%s" % q2["id"],
             "/consult?q=%sig" % word, "/@" + pc.name, "/local", "/search?q=%sig" % word,
             "/wie", "/notifications", "/"]
    for who, c in (("pro", pc), ("follower", follower), ("visitor", server.client())):
        for p in pages:
            r = c.get(p)
            if r.status_code in (302, 303):
                continue
            assert r.status_code == 200, (p, who, r.status_code)
            _assert_absent("page %s for %s" % (p, who), r.text, secrets)
    assert "Cliënt 1" in pc.get("/consult/%s" % sid).text
    assert "Een cliënt" in server.client().get("/consult/%s" % sid).text
    # The asker sees it is theirs, and is told of the answer.
    assert "U (voor anderen: een cliënt)" in asker.get("/consult/%s" % sid).text
    assert "beantwoord" in asker.get("/notifications").text


def test_organisation_session_answered_by_any_staff(server):
    org = uniq("zorg")
    server.cli("org", "add", org)
    staff = server.new_user(prefix="staf")
    colleague = server.new_user(prefix="coll")
    for p in (staff, colleague):
        server.cli("org", "staff", org, p.name)
    stok, ctok = token(server, staff.name), token(server, colleague.name)
    org_id = api(server, None, "/api/v1/accounts/lookup?acct=" + org).json()["id"]
    outsider = server.new_user(prefix="buiten")
    otok = token(server, outsider.name)
    r = api(server, otok, "/api/v1/kring/consult/sessions", "post",
            data={"topic": "Namens een ander", "starts_at": iso(-5), "ends_at": iso(60), "account_id": org_id})
    assert r.status_code == 403
    s = open_session(server, stok, account_id=org_id)
    assert s["account"]["username"] == org and s["staff"]
    asker = server.new_user(prefix="client")
    atok = token(server, asker.name)
    q = ask(server, atok, s["id"], CLIENT_DATA, "private")
    # The colleague sees the private question in the queue and answers it for the organisation.
    queue = api(server, ctok, "/api/v1/kring/consult/sessions/%s/questions" % s["id"]).json()
    assert [x["id"] for x in queue] == [q["id"]] and queue[0]["account"]["username"] == asker.name
    assert api(server, ctok, "/api/v1/kring/consult/sessions/%s" % s["id"]).json()["staff"] is True
    answer(server, otok, q["id"], "Ik ben geen medewerker.", expect=404)
    answer(server, ctok, q["id"], "We bellen u morgen terug over uw dossier.")
    got = api(server, atok, "/api/v1/kring/consult/questions/%s" % q["id"]).json()
    assert got["answers"][0]["text"].startswith("We bellen")
    assert api(server, otok, "/api/v1/kring/consult/questions/%s" % q["id"]).status_code == 404
    # The notification names the organisation, for apps as kring_consult.
    notes = api(server, atok, "/api/v1/notifications").json()
    mine = [n for n in notes if n["type"] == "kring_consult"]
    assert mine and mine[0]["account"]["username"] == org


def test_group_members_only_session_from_the_page(server):
    pc, _ = professional(server, prefix="kringarts")
    name = uniq("kring")
    server.cli("group", "add", name, "--kind", "closed", "--owner", pc.name)
    member = server.new_user(prefix="lid")
    server.cli("group", "member", "add", name, member.name)
    r = pc.get("/consult/new")
    gid = re.search(r'name="group_id"><option value="(\d+)"', r.text).group(1)
    start = (datetime.datetime.now() - datetime.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")
    end = (datetime.datetime.now() + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    pid = re.search(r'<option value="(\d+)"', r.text).group(1)
    r = pc.post("/consult", {"as": pid, "topic": "Alleen voor de kring", "starts_at": start, "ends_at": end,
                             "audience": "group", "group_id": gid})
    assert r.status_code == 303, r.text[:500]
    sid = re.search(r"/consult/(\d+)", r.headers["Location"]).group(1)
    ask(server, token(server, member.name), sid, "Mag ik als lid vragen?")
    stranger = server.new_user(prefix="vreemd")
    ask(server, token(server, stranger.name), sid, "En ik?", expect=403)
    assert "geen vraag stellen" in stranger.get("/consult/" + sid).text
    # A group one is not in cannot be chosen.
    r = pc.post("/consult", {"as": pid, "topic": "Andermans kring", "starts_at": start, "ends_at": end,
                             "audience": "group", "group_id": "1"})
    assert r.status_code == 400


def test_followers_hear_when_it_opens(server, pro):
    _, ptok = pro
    start = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=4)
    s = open_session(server, ptok, starts_at=start.strftime("%Y-%m-%dT%H:%M:%SZ"), ends_at=iso(60))
    fan = server.new_user(prefix="fan")
    ftok = token(server, fan.name)
    api(server, ftok, "/api/v1/kring/consult/sessions/%s/follow" % s["id"], "post")
    # Before and during: a question may be asked before it opens.
    ask(server, ftok, s["id"], "Mag ik al vragen?")
    for _ in range(40):  # bounded: the job runs at the start, polled every second
        if "is nu open" in fan.get("/notifications").text:
            break
        time.sleep(0.5)
    assert "is nu open" in fan.get("/notifications").text
