"""Reviews of organisations and professionals (issue 19): only someone with
a relation in kring may review (membership of the provider's group for some
weeks, a conversation the provider answered; following is not enough), once
per relation period; thresholds for the average; the code of conduct and the
moderators' queue with a reason for every removal; manipulation signals, and
a bought package of 25 reviews caught.  The test build shortens the
membership weeks to seconds (KRING_TEST_REVIEW_MEMBER_SECONDS)."""
import datetime
import random
import time

import pytest
import requests

from conftest import Server, uniq
from test_stream_audience import hdr, token

SCOPES = "read write follow read:reviews write:reviews"
MOD_SCOPES = "read write admin:read admin:write"


@pytest.fixture(scope="module")
def srv():
    s = Server(env={"KRING_APP_RATE": "0", "KRING_POST_RATE": "0", "KRING_TEST_REVIEW_MEMBER_SECONDS": "2"}).start()
    yield s
    try:
        s.assert_clean_stop()
    finally:
        s.cleanup()


def api(s, tok, path, method="get", **kw):
    return getattr(requests, method)(s.base + path, headers=hdr(tok) if tok else {}, timeout=30, **kw)


def account_id(s, tok, name):
    r = api(s, tok, "/api/v1/accounts/lookup", params={"acct": name})
    assert r.status_code == 200, r.text
    return r.json()["id"]


def month(years_ago=0):
    d = datetime.date.today()
    return "%04d-%02d" % (d.year - years_ago, d.month)


def professional(s):
    c = s.new_user(prefix="pro")
    r = c.post("/settings/profile", {"display_name": c.name, "bio": "", "person_type": "professional"})
    assert r.status_code == 303, r.text[:300]
    c.tok = token(s, c.name, SCOPES)
    c.id = account_id(s, c.tok, c.name)
    return c


def person(s, prefix="cli"):
    name = s.add_user(uniq(prefix))
    return name, token(s, name, SCOPES)


def dm(s, tok, to, text, reply_to=None):
    data = {"status": "@%s %s" % (to, text), "visibility": "direct"}
    if reply_to:
        data["in_reply_to_id"] = reply_to
    r = api(s, tok, "/api/v1/statuses", "post", data=data)
    assert r.status_code == 200, r.text
    return r.json()["id"]


def conversation(s, pro, name, tok):
    """name writes to the provider, who answers: a relation."""
    q = dm(s, tok, pro.name, "Ik heb een vraag over mijn afspraak. " + uniq("q"))
    dm(s, pro.tok, name, "Dank u, ik bel u morgen. " + uniq("a"), reply_to=q)


WORDS = ("fiets boom water licht raam tafel brood zon regen wind dak deur muur gras wolk steen vogel kat hond "
         "lamp stoel boek pen klok trein bus weg brug zee strand duin bos veld berg dal rivier meer vis schip "
         "haven markt plein kerk toren school huis tuin bloem blad tak wortel zaad appel peer kers druif").split()


def text_unique(rng):
    return "Mijn ervaring was goed. " + " ".join(rng.choice(WORDS) for _ in range(25)) + "."


def review(s, tok, provider_id, marks=(7, 8, 6, 7), text=None, **extra):
    data = {"provider_id": provider_id, "informatie": marks[0], "luisteren": marks[1], "wachttijd": marks[2],
            "resultaat": marks[3], "text": text or "Duidelijke uitleg en goed geluisterd. " + uniq("t"),
            "experience": month()}
    data.update(extra)
    return api(s, tok, "/api/v1/kring/reviews", "post", data=data)


@pytest.fixture(scope="module")
def mod(srv):
    name = srv.add_user(uniq("mod"), role="moderator")
    return token(srv, name, MOD_SCOPES)


def test_no_relation_refused_with_clear_message(srv):
    pro = professional(srv)
    name, tok = person(srv)
    # Following is not a relation.
    assert api(srv, tok, "/api/v1/accounts/%s/follow" % pro.id, "post").status_code == 200
    r = review(srv, tok, pro.id)
    assert r.status_code == 403, r.text
    assert "relation" in r.json()["error"] and "following is not enough" in r.json()["error"]
    e = api(srv, tok, "/api/v1/kring/reviews/eligibility/%s" % pro.id).json()
    assert e["allowed"] is False and e["relation"] == "none" and e["reason"]
    # Writing without an answer is no conversation either.
    q = dm(srv, tok, pro.name, "Hallo, mag ik iets vragen?")
    assert q and review(srv, tok, pro.id).status_code == 403
    # A client is not someone to review; nor oneself.
    other, otok = person(srv)
    oid = account_id(srv, tok, other)
    assert review(srv, tok, oid).status_code == 403
    r = review(srv, pro.tok, pro.id)
    assert r.status_code == 403 and "yourself" in r.json()["error"]
    # The page says it too, in Dutch.
    c = srv.login(name)
    page = c.get("/@%s/reviews/new" % pro.name)
    assert page.status_code == 403 and "relatie" in page.text


def test_group_membership_counts_after_some_weeks_once_per_period(srv):
    pro = professional(srv)
    g = uniq("k")
    r = pro.post("/groups", {"name": g, "display_name": "Kring " + g, "description": "Lotgenoten", "rules": "",
                             "kind": "open", "premod": "none"})
    assert r.status_code == 303, r.text[:300]
    name, tok = person(srv)
    c = srv.login(name)
    assert c.post("/g/%s/join" % g).status_code == 303
    r = review(srv, tok, pro.id)
    assert r.status_code == 403 and "long enough" in r.json()["error"], r.text
    time.sleep(2.2)  # the test build's "weeks"
    assert api(srv, tok, "/api/v1/kring/reviews/eligibility/%s" % pro.id).json()["relation"] == "group"
    r = review(srv, tok, pro.id)
    assert r.status_code == 200, r.text
    rv = r.json()
    assert rv["state"] == "published" and rv["relation"] == "group" and rv["mine"] is True
    # Once per relation period.
    r = review(srv, tok, pro.id)
    assert r.status_code == 403 and "already reviewed" in r.json()["error"]
    # A new conversation is a new period.
    conversation(srv, pro, name, tok)
    assert review(srv, tok, pro.id).status_code == 200


def test_write_reply_once_edit_withdraw(srv):
    pro = professional(srv)
    name, tok = person(srv)
    conversation(srv, pro, name, tok)
    r = review(srv, tok, pro.id, text="De wachttijd was lang maar het gesprek was fijn. " + uniq("w"))
    assert r.status_code == 200, r.text
    rid = r.json()["id"]
    # Public, without its author, to anyone (also without a token).
    lst = api(srv, None, "/api/v1/kring/reviews", params={"provider_id": pro.id}).json()
    mine = [x for x in lst if x["id"] == rid]
    assert mine and mine[0]["author"] is None and mine[0]["mine"] is False and mine[0]["signals"] == []
    # The provider replies publicly, once.
    r = api(srv, pro.tok, "/api/v1/kring/reviews/%s/reply" % rid, "post", data={"text": "Dank voor uw woorden."})
    assert r.status_code == 200 and r.json()["reply"] == "Dank voor uw woorden.", r.text
    r = api(srv, pro.tok, "/api/v1/kring/reviews/%s/reply" % rid, "post", data={"text": "Nog iets."})
    assert r.status_code == 422
    # Someone else cannot reply for the provider.
    _, otok = person(srv)
    assert api(srv, otok, "/api/v1/kring/reviews/%s/reply" % rid, "post", data={"text": "x"}).status_code == 403
    # The author edits ...
    r = api(srv, tok, "/api/v1/kring/reviews/%s" % rid, "put",
            data={"informatie": 9, "luisteren": 9, "wachttijd": 5, "resultaat": 8, "experience": month(),
                  "text": "Achteraf: het gesprek hielp echt. " + uniq("e")})
    assert r.status_code == 200 and r.json()["marks"]["informatie"] == 9, r.text
    # ... nobody else may.
    assert api(srv, otok, "/api/v1/kring/reviews/%s" % rid, "put",
               data={"informatie": 1, "luisteren": 1, "wachttijd": 1, "resultaat": 1, "experience": month(),
                     "text": "x"}).status_code in (403, 404)
    # ... and withdraws it.
    assert api(srv, tok, "/api/v1/kring/reviews/%s" % rid, "delete").status_code == 200
    lst = api(srv, None, "/api/v1/kring/reviews", params={"provider_id": pro.id}).json()
    assert rid not in [x["id"] for x in lst]


def test_validation(srv):
    pro = professional(srv)
    name, tok = person(srv)
    conversation(srv, pro, name, tok)
    r = review(srv, tok, pro.id, marks=(0, 8, 8, 8))
    assert r.status_code == 422 and "1 to 10" in r.json()["error"]
    r = review(srv, tok, pro.id, marks=(11, 8, 8, 8))
    assert r.status_code == 422
    r = review(srv, tok, pro.id, text=" ".join(["woord"] * 201))
    assert r.status_code == 422 and "200 words" in r.json()["error"]
    r = review(srv, tok, pro.id, text="   ")
    assert r.status_code == 422
    r = review(srv, tok, pro.id, experience=month(4))
    assert r.status_code == 422 and "3 years" in r.json()["error"]
    r = review(srv, tok, pro.id, experience="gisteren")
    assert r.status_code == 422
    # 200 words is allowed.
    assert review(srv, tok, pro.id, text=" ".join(["woord%d" % i for i in range(200)])).status_code == 200


def test_threshold_professional_nine(srv):
    pro = professional(srv)
    rng = random.Random(19)
    for i in range(9):
        name, tok = person(srv)
        conversation(srv, pro, name, tok)
        marks = (6 + i % 3, 7, 5 + i % 4, 8)
        r = review(srv, tok, pro.id, marks=marks, text=text_unique(rng))
        assert r.status_code == 200 and r.json()["state"] == "published", r.text
        s = api(srv, None, "/api/v1/kring/reviews/score/%s" % pro.id).json()
        assert s["count"] == i + 1 and s["threshold"] == 9 and sum(s["spread"]) == i + 1
        assert len(s["spread"]) == 10
        if i < 8:
            assert s["shown"] is False and s["average"] is None and s["aspects"]["informatie"] is None
    assert s["shown"] is True and 5 < s["average"] < 9 and s["aspects"]["resultaat"] == 8.0


def test_moderation_queue_and_removal_log(srv, mod):
    pro = professional(srv)
    name, tok = person(srv)
    conversation(srv, pro, name, tok)
    r = review(srv, tok, pro.id, text="Goede zorg! Kijk ook op www.beterezorg-example.nl voor korting. " + uniq("x"))
    assert r.status_code == 200 and r.json()["state"] == "held", r.text
    held = r.json()["id"]
    assert "reclame" in r.json()["reason"]
    lst = api(srv, None, "/api/v1/kring/reviews", params={"provider_id": pro.id}).json()
    assert held not in [x["id"] for x in lst]
    # A threat goes to the queue too.
    n2, t2 = person(srv)
    conversation(srv, pro, n2, t2)
    r = review(srv, t2, pro.id, marks=(1, 2, 1, 1), text="Ik weet waar je woont, pas maar op. " + uniq("d"))
    assert r.status_code == 200 and r.json()["state"] == "held" and "dreiging" in r.json()["reason"]
    threat = r.json()["id"]
    # Not for a member to see.
    assert api(srv, tok, "/api/v1/kring/reviews/queue").status_code == 403
    q = api(srv, mod, "/api/v1/kring/reviews/queue").json()
    ids = {x["id"]: x for x in q}
    assert held in ids and threat in ids and ids[held]["author"]["username"] == name
    # A removal needs a reason; it is logged with it.
    assert api(srv, mod, "/api/v1/kring/reviews/%s/remove" % threat, "post").status_code == 422
    r = api(srv, mod, "/api/v1/kring/reviews/%s/remove" % threat, "post", data={"reason": "bedreiging"})
    assert r.status_code == 200 and r.json()["state"] == "removed", r.text
    log = api(srv, mod, "/api/v1/kring/reviews/log").json()
    assert any(e["review_id"] == threat and e["action"] == "remove" and e["reason"] == "bedreiging" for e in log)
    # Publishing a held one (the link was harmless after all) is logged too.
    r = api(srv, mod, "/api/v1/kring/reviews/%s/approve" % held, "post")
    assert r.status_code == 200 and r.json()["state"] == "published"
    log = api(srv, mod, "/api/v1/kring/reviews/log").json()
    assert any(e["review_id"] == held and e["action"] == "approve" for e in log)
    lst = api(srv, None, "/api/v1/kring/reviews", params={"provider_id": pro.id}).json()
    assert held in [x["id"] for x in lst]
    # A removed review cannot be edited back or published again.
    assert api(srv, mod, "/api/v1/kring/reviews/%s/approve" % threat, "post").status_code == 404


def test_privacy_guard_on_every_review(srv):
    pro = professional(srv)
    name, tok = person(srv)
    conversation(srv, pro, name, tok)
    text = "Mijn buurman Jan de Vries met BSN 111222333 in kamer 12 kreeg ook hulp."
    r = review(srv, tok, pro.id, text=text)
    assert r.status_code == 422 and "privacy guard" in r.json()["error"], r.text
    r = review(srv, tok, pro.id, text=text, privacy_confirm="true")
    # Either the guard blocks it, or (confirmed) a moderator looks first.
    assert r.status_code == 422 or r.json()["state"] == "held", r.text


def test_organisation_staff_names_service_switch_threshold(srv, mod):
    org = uniq("org")
    srv.cli("org", "add", org, "--display-name", "Zorg " + org)
    staff = srv.new_user(prefix="staf")
    r = staff.post("/settings/profile", {"display_name": "Annemarie Bakker", "bio": ""})
    assert r.status_code == 303
    srv.cli("org", "staff", org, staff.name)
    stok = token(srv, staff.name, SCOPES)
    org_id = account_id(srv, stok, org)
    g = uniq("k")
    r = staff.post("/groups", {"name": g, "display_name": "Kring " + g, "description": "", "rules": "",
                               "kind": "open", "premod": "none"})
    assert r.status_code == 303
    name, tok = person(srv)
    assert srv.login(name).post("/g/%s/join" % g).status_code == 303
    time.sleep(2.2)
    # Staff cannot review their own organisation.
    assert review(srv, stok, org_id).status_code == 403
    # The organisation switches reviews off for a service where care is not chosen.
    r = api(srv, stok, "/api/v1/kring/reviews/services", "post", data={"org_id": org_id, "service": "Jeugdbescherming"})
    assert r.status_code == 200 and r.json()["services_off"] == ["Jeugdbescherming"], r.text
    assert api(srv, tok, "/api/v1/kring/reviews/services", "post",
               data={"org_id": org_id, "service": "Dagbesteding"}).status_code == 403
    r = review(srv, tok, org_id, service="jeugdbescherming")
    assert r.status_code == 403 and "switched off" in r.json()["error"]
    # A complaint naming staff is held (the guard asks about the name first).
    text = "Annemarie was onvriendelijk en kwam te laat. " + uniq("c")
    r = review(srv, tok, org_id, marks=(3, 2, 4, 3), service="Thuiszorg", text=text)
    assert r.status_code == 422 and "privacy guard" in r.json()["error"]
    r = review(srv, tok, org_id, marks=(3, 2, 4, 3), service="Thuiszorg", text=text, privacy_confirm="true")
    assert r.status_code == 200 and r.json()["state"] == "held" and "medewerker" in r.json()["reason"], r.text
    # Its score needs 30 reviews.
    s = api(srv, None, "/api/v1/kring/reviews/score/%s" % org_id).json()
    assert s["threshold"] == 30 and s["shown"] is False and s["count"] == 0


def test_bought_package_of_25_is_caught(srv, mod):
    """A seller's package: 25 fresh accounts, each with a quick conversation,
    write 10s with near-identical texts, also for a second provider."""
    target = professional(srv)
    other = professional(srv)
    honest_name, honest_tok = person(srv)
    conversation(srv, target, honest_name, honest_tok)
    honest = review(srv, honest_tok, target.id, marks=(7, 6, 5, 7),
                    text="Fijne begeleiding, al duurde het even voordat ik terecht kon. " + uniq("h")).json()["id"]
    base = ("Fantastische zorgverlener, echt de beste van Nederland, altijd vriendelijk en snel geholpen, "
            "ik raad iedereen deze zorgverlener aan want de kwaliteit is uitstekend")
    fakes = []
    for i in range(25):
        name, tok = person(srv, "koop")
        prov = target if i < 20 else other
        conversation(srv, prov, name, tok)
        r = review(srv, tok, prov.id, marks=(10, 10, 10, 10), text="%s %d!" % (base, i))
        assert r.status_code == 200, r.text
        fakes.append(r.json()["id"])
    q = {x["id"]: x for x in api(srv, mod, "/api/v1/kring/reviews/queue").json()}
    for f in fakes:
        assert f in q, "a bought review is not before the moderators"
        sig = set(q[f]["signals"])
        assert "duplicate_text" in sig and "new_account" in sig, q[f]
        assert q[f]["state"] == "held", q[f]
    assert sum("burst" in q[f]["signals"] for f in fakes[:20]) >= 15
    # None of them counts; the honest review still shows.
    lst = [x["id"] for x in api(srv, None, "/api/v1/kring/reviews", params={"provider_id": target.id}).json()]
    assert honest in lst and not set(fakes) & set(lst)
    assert api(srv, None, "/api/v1/kring/reviews/score/%s" % target.id).json()["count"] == 1
    # The honest one is no duplicate.
    assert honest not in q or "duplicate_text" not in q[honest]["signals"]


def test_pages_write_show_moderate(srv):
    pro = professional(srv)
    name, tok = person(srv)
    conversation(srv, pro, name, tok)
    c = srv.login(name)
    # The profile links to the reviews; the page says how they are checked.
    assert "/@%s/reviews" % pro.name in c.get("/@" + pro.name).text
    page = c.get("/@%s/reviews" % pro.name)
    assert page.status_code == 200 and "Hoe wij beoordelingen controleren" in page.text
    assert "minstens" in page.text and "9" in page.text
    form = c.get("/@%s/reviews/new" % pro.name)
    assert form.status_code == 200 and "gesprek" in form.text
    # Refused input comes back in Dutch, with what was typed.
    data = {"informatie": "8", "luisteren": "9", "wachttijd": "6", "resultaat": "8", "experience": month(),
            "text": ""}
    r = c.post("/@%s/reviews" % pro.name, data)
    assert r.status_code == 422 and "200 woorden" in r.text
    data["text"] = "Zij nam de tijd en legde alles rustig uit. " + uniq("p")
    r = c.post("/@%s/reviews" % pro.name, data)
    assert r.status_code == 303, r.text[:300]
    page = c.get("/@%s/reviews" % pro.name)
    assert "legde alles rustig uit" in page.text and name not in page.text.split("</nav>")[-1].split("<footer")[0]
    # The provider replies on the page.
    rid = api(srv, tok, "/api/v1/kring/reviews/mine").json()[0]["id"]
    r = pro.post("/reviews/%s/reply" % rid, {"text": "Dank u wel voor uw beoordeling."})
    assert r.status_code == 303
    assert "Dank u wel voor uw beoordeling." in c.get("/@%s/reviews" % pro.name).text
    # The moderators' page: not for members; a removal needs a reason.
    assert c.get("/moderation/reviews").status_code == 403
    m = srv.login(srv.add_user(uniq("mod"), role="moderator"))
    assert m.get("/moderation/reviews").status_code == 200
    assert m.post("/moderation/reviews/%s/remove" % rid, {"reason": ""}).status_code == 422
    assert m.post("/moderation/reviews/%s/remove" % rid, {"reason": "test"}).status_code == 303
    assert "legde alles rustig uit" not in c.get("/@%s/reviews" % pro.name).text
    assert "test" in m.get("/moderation/reviews").text
