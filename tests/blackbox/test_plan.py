"""My plan (issue 19, docs/plan.md): a client's own goals with pictograms,
small steps, stars and a celebration; undo everywhere; the client decides
who sees the plan (care workers and family they name, nobody by default);
a care worker may suggest, the client accepts or declines.  The sharing
matrix: owner x care worker x family x non-sharee x staff of an
organisation x instance administrator, on the pages and the API."""
import pytest
import requests

from conftest import Server, uniq
from test_stream_audience import hdr, token

SCOPES = "read write read:plan write:plan"


@pytest.fixture(scope="module")
def srv():
    s = Server(env={"KRING_APP_RATE": "0"}).start()
    yield s
    try:
        s.assert_clean_stop()
    finally:
        s.cleanup()


def api(s, tok, path, method="get", **kw):
    h = hdr(tok) if tok else {}
    return getattr(requests, method)(s.base + path, headers=h, timeout=30, **kw)


class Who:
    pass


def person(s, prefix, professional=False, role=None):
    c = s.new_user(prefix=prefix, role=role)
    if professional:
        r = c.post("/settings/profile", {"display_name": c.name, "bio": "", "person_type": "professional",
                                         "expertise": "begeleiding", "languages": "Nederlands", "region": "Ede"})
        assert r.status_code == 303, r.text[:300]
    c.tok = token(s, c.name, SCOPES)
    c.id = api(s, c.tok, "/api/v1/accounts/lookup", params={"acct": c.name}).json()["id"]
    return c


@pytest.fixture(scope="module")
def people(srv):
    p = Who()
    p.owner = person(srv, "cli")
    p.care = person(srv, "zorg", professional=True)
    p.family = person(srv, "fam")
    p.other = person(srv, "ander")
    p.otherpro = person(srv, "zorg2", professional=True)
    org = uniq("org")
    srv.cli("org", "add", org)
    p.staff = person(srv, "staf")
    srv.cli("org", "staff", org, p.staff.name)
    p.admin = person(srv, "beheer", role="admin")
    return p


def goal(s, who, text, area="eten", **kw):
    r = api(s, who.tok, "/api/v1/kring/plan/goals", "post", data=dict(area=area, text=text, **kw))
    assert r.status_code == 200, r.text
    return r.json()["id"]


def step(s, who, gid, text):
    r = api(s, who.tok, "/api/v1/kring/plan/goals/%s/steps" % gid, "post", data={"text": text})
    assert r.status_code == 200, r.text
    return r.json()["id"]


def plan(s, who, owner=None):
    return api(s, who.tok, "/api/v1/kring/plan" + ("/%s" % owner.id if owner else ""))


def test_goal_steps_stars_celebration_and_undo(srv):
    me = person(srv, "ster")
    gid = goal(srv, me, "Ik smeer zelf mijn brood.", pictogram="eten")
    s1 = step(srv, me, gid, "Bord pakken")
    s2 = step(srv, me, gid, "Boter smeren")
    p = plan(srv, me).json()
    assert p["mine"] is True and p["share"] is None and p["shares"] == []
    g = p["goals"][0]
    assert g["area"] == "eten" and g["pictogram_url"] == "/static/picto-eten.svg"
    assert [x["text"] for x in g["steps"]] == ["Bord pakken", "Boter smeren"] and g["stars"] == 0
    r = api(srv, me.tok, "/api/v1/kring/plan/steps/%s/done" % s1, "post").json()
    assert r["celebrate"] is False
    r = api(srv, me.tok, "/api/v1/kring/plan/steps/%s/done" % s2, "post").json()
    assert r["celebrate"] is True
    g = plan(srv, me).json()["goals"][0]
    assert g["stars"] == 2 and g["reached"] is True
    # undo: the last star goes, then the first
    assert api(srv, me.tok, "/api/v1/kring/plan/undo", "post").json()["undone"] is True
    assert plan(srv, me).json()["goals"][0]["stars"] == 1
    # removing a goal, and undo brings it back with its stars
    assert api(srv, me.tok, "/api/v1/kring/plan/goals/%s" % gid, "delete").status_code == 200
    assert plan(srv, me).json()["goals"] == []
    assert api(srv, me.tok, "/api/v1/kring/plan/undo", "post").json()["undone"] is True
    assert plan(srv, me).json()["goals"][0]["stars"] == 1
    # undo as far back as there is, then nothing
    for _ in range(6):
        api(srv, me.tok, "/api/v1/kring/plan/undo", "post")
    assert api(srv, me.tok, "/api/v1/kring/plan/undo", "post").json()["undone"] is False
    assert plan(srv, me).json()["goals"] == []


def test_bad_input(srv):
    me = person(srv, "fout")
    for data in ({"area": "eten", "text": "x" * 141}, {"area": "eten", "text": ""},
                 {"area": "koken", "text": "Koken"}, {"area": "eten", "text": "a", "pictogram": "../x"},
                 {"area": "eten", "text": "a\x01b"}):
        r = api(srv, me.tok, "/api/v1/kring/plan/goals", "post", data=data)
        assert r.status_code == 422, (data, r.text)
    assert goal(srv, me, "é" * 140)  # 140 characters, more bytes
    assert api(srv, me.tok, "/api/v1/kring/plan/steps/123/done", "post").status_code == 404
    assert api(srv, me.tok, "/api/v1/kring/plan/goals/123/steps", "post", data={"text": "a"}).status_code == 404
    assert api(srv, me.tok, "/api/v1/kring/plan/shares", "post",
               data={"account_id": "1", "kind": "vriend"}).status_code == 422


def test_sharing_matrix_api(srv, people):
    p = people
    gid = goal(srv, p.owner, "Ik fiets naar mijn werk.", area="werk", pictogram="fiets")
    step(srv, p.owner, gid, "Band oppompen")
    everyone = [p.care, p.family, p.other, p.otherpro, p.staff, p.admin]
    # nobody by default: not the administrator, not staff, not a professional
    for w in everyone:
        assert plan(srv, w, p.owner).status_code == 404, w.name
        assert api(srv, w.tok, "/api/v1/kring/plan/shared").json() == []
    assert api(srv, None, "/api/v1/kring/plan/%s" % p.owner.id).status_code == 401
    # family must be a person, a care worker a professional
    r = api(srv, p.owner.tok, "/api/v1/kring/plan/shares", "post", data={"account_id": p.family.id, "kind": "care_worker"})
    assert r.status_code == 422
    for w, kind in ((p.care, "care_worker"), (p.family, "family")):
        r = api(srv, p.owner.tok, "/api/v1/kring/plan/shares", "post", data={"account_id": w.id, "kind": kind})
        assert r.status_code == 200, r.text
    shares = {x["account"]["username"]: x["kind"] for x in plan(srv, p.owner).json()["shares"]}
    assert shares == {p.care.name: "care_worker", p.family.name: "family"}
    for w, kind in ((p.care, "care_worker"), (p.family, "family")):
        r = plan(srv, w, p.owner)
        assert r.status_code == 200 and r.json()["share"] == kind and r.json()["shares"] == []
        assert r.json()["goals"][0]["text"] == "Ik fiets naar mijn werk."
        assert [x["account"]["id"] for x in api(srv, w.tok, "/api/v1/kring/plan/shared").json()] == [p.owner.id]
    for w in (p.other, p.otherpro, p.staff, p.admin):
        assert plan(srv, w, p.owner).status_code == 404, w.name
    # only the owner changes the plan
    sid = plan(srv, p.owner).json()["goals"][0]["steps"][0]["id"]
    for w in everyone:
        assert api(srv, w.tok, "/api/v1/kring/plan/steps/%s/done" % sid, "post").status_code == 404
        assert api(srv, w.tok, "/api/v1/kring/plan/goals/%s" % gid, "delete").status_code == 404
    # the care worker suggests; family may not; others see nothing
    r = api(srv, p.care.tok, "/api/v1/kring/plan/goals", "post",
            data={"account_id": p.owner.id, "area": "contact", "text": "Ik bel oma op zondag."})
    assert r.status_code == 200
    sug = r.json()["id"]
    ssug = step(srv, p.care, gid, "Fietsroute oefenen")
    r = api(srv, p.family.tok, "/api/v1/kring/plan/goals", "post",
            data={"account_id": p.owner.id, "area": "contact", "text": "Ik bel oma."})
    assert r.status_code == 403
    for w in (p.other, p.otherpro, p.staff, p.admin):
        r = api(srv, w.tok, "/api/v1/kring/plan/goals", "post",
                data={"account_id": p.owner.id, "area": "contact", "text": "Ik bel oma."})
        assert r.status_code == 404, w.name
    mine = plan(srv, p.owner).json()["goals"]
    assert [g["state"] for g in mine] == ["active", "suggested"]
    assert mine[1]["suggested_by"] == p.care.id
    assert [g["text"] for g in plan(srv, p.family, p.owner).json()["goals"]] == ["Ik fiets naar mijn werk."]
    assert [x["text"] for x in plan(srv, p.family, p.owner).json()["goals"][0]["steps"]] == ["Band oppompen"]
    # the client accepts the goal, declines the step; undo the decline, accept
    assert api(srv, p.owner.tok, "/api/v1/kring/plan/goals/%s/accept" % sug, "post").status_code == 200
    assert api(srv, p.owner.tok, "/api/v1/kring/plan/steps/%s/decline" % ssug, "post").status_code == 200
    assert api(srv, p.owner.tok, "/api/v1/kring/plan/steps/%s/accept" % ssug, "post").status_code == 409
    assert api(srv, p.owner.tok, "/api/v1/kring/plan/undo", "post").json()["undone"] is True
    assert api(srv, p.owner.tok, "/api/v1/kring/plan/steps/%s/accept" % ssug, "post").status_code == 200
    fam = plan(srv, p.family, p.owner).json()["goals"]
    assert len(fam) == 2 and len(fam[0]["steps"]) == 2
    # the care worker cannot answer suggestions for the client
    assert api(srv, p.care.tok, "/api/v1/kring/plan/goals/%s/accept" % gid, "post").status_code == 404
    # stop sharing with family: gone at once; undo shares again
    r = api(srv, p.owner.tok, "/api/v1/kring/plan/shares", "post", data={"account_id": p.family.id, "kind": "none"})
    assert r.status_code == 200
    assert plan(srv, p.family, p.owner).status_code == 404
    assert api(srv, p.owner.tok, "/api/v1/kring/plan/undo", "post").json()["undone"] is True
    assert plan(srv, p.family, p.owner).status_code == 200


def test_plan_never_in_search_timelines_or_notifications(srv, people):
    p = people
    secret = uniq("geheimdoel")
    goal(srv, p.owner, "Ik wil %s leren." % secret, area="leren")
    for w in (p.owner, p.care, p.admin):
        r = api(srv, w.tok, "/api/v2/search", params={"q": secret})
        assert secret not in r.text
        for path in ("/api/v1/timelines/public", "/api/v1/timelines/home", "/api/v1/notifications"):
            assert secret not in api(srv, w.tok, path).text
    assert secret not in requests.get(srv.base + "/@%s" % p.owner.name, timeout=10).text


def test_scopes(srv, people):
    p = people
    ro = token(srv, p.owner.name, "read:plan")
    assert api(srv, ro, "/api/v1/kring/plan").status_code == 200
    r = api(srv, ro, "/api/v1/kring/plan/goals", "post", data={"area": "eten", "text": "x"})
    assert r.status_code == 403
    other = token(srv, p.owner.name, "read:statuses")
    assert api(srv, other, "/api/v1/kring/plan").status_code == 403


# ---- FHIR R4, validated by the R4 JSON schema (tests/fhir) ----

def test_fhir_goal_careplan(srv, tmp_path):
    from test_appointments import fhir_valid
    me = person(srv, "fhir")
    gid = goal(srv, me, "Ik was zelf mijn haar.", area="verzorging")
    s1 = step(srv, me, gid, "Shampoo pakken")
    api(srv, me.tok, "/api/v1/kring/plan/steps/%s/done" % s1, "post")
    goal(srv, me, "Ik ga naar de bibliotheek.", area="vrije_tijd", pictogram="ster")
    r = api(srv, me.tok, "/api/v1/kring/plan/fhir")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/fhir+json")
    b = r.json()
    goals = [e["resource"] for e in b["entry"] if e["resource"]["resourceType"] == "Goal"]
    care = [e["resource"] for e in b["entry"] if e["resource"]["resourceType"] == "CarePlan"]
    assert len(goals) == 2 and len(care) == 1
    assert all(g["expressedBy"]["reference"] == "Patient/%s" % me.id for g in goals)
    assert goals[0]["lifecycleStatus"] == "completed" and goals[1]["lifecycleStatus"] == "active"
    assert len(care[0]["goal"]) == 2
    ok, out = fhir_valid(tmp_path, bundle=b, goal=goals[0], careplan=care[0])
    assert ok, out
    broken = dict(goals[0], lifecycleStatus="bezig")
    ok, out = fhir_valid(tmp_path, broken=broken)
    assert not ok
    assert api(srv, None, "/api/v1/kring/plan/fhir").status_code == 401


# ---- the pages ----

def test_pages_owner_journey(srv):
    me = person(srv, "pagina")
    r = me.get("/mijn-plan")
    assert r.status_code == 200 and "Niemand. Alleen u ziet uw plan." in r.text
    r = me.post("/mijn-plan/doel", {"area": "wonen", "picto": "", "text": "Ik maak zelf mijn bed op."})
    assert r.status_code == 303, r.text[:300]
    gid = plan(srv, me).json()["goals"][0]["id"]
    assert me.post("/mijn-plan/stap", {"goal": gid, "text": "Laken rechttrekken"}).status_code == 303
    sid = plan(srv, me).json()["goals"][0]["steps"][0]["id"]
    page = me.get("/mijn-plan").text
    assert "/static/picto-wonen.svg" in page and "Laken rechttrekken" in page and "0 van 1 stappen gedaan" in page
    r = me.post("/mijn-plan/klaar", {"id": sid}, allow_redirects=False)
    assert r.status_code == 303 and "plan_celebrate" in r.headers["Location"]
    page = me.get(r.headers["Location"]).text
    assert "Hoera!" in page and "1 van 1 stappen gedaan" in page
    r = me.post("/mijn-plan/ongedaan", {}, allow_redirects=False)
    assert "plan_undone" in r.headers["Location"]
    assert plan(srv, me).json()["goals"][0]["stars"] == 0
    # bad input: a clear 422 in Dutch, no crash
    r = me.post("/mijn-plan/doel", {"area": "wonen", "text": "x" * 141})
    assert r.status_code == 422 and "140 tekens" in r.text
    r = me.post("/mijn-plan/doel", {"area": "onbekend", "text": "x"})
    assert r.status_code == 422
    assert me.post("/mijn-plan/klaar", {"id": "abc"}).status_code == 404
    r = me.get("/mijn-plan/print")
    assert r.status_code == 200 and "Ik maak zelf mijn bed op." in r.text and "@media print" in \
        requests.get(srv.base + "/static/style.css", timeout=10).text
    assert "Laken rechttrekken" in r.text
    assert requests.get(srv.base + "/static/picto-wonen.svg", timeout=10).headers["Content-Type"] == "image/svg+xml"


def test_sharing_matrix_pages(srv):
    owner = person(srv, "pcli")
    care = person(srv, "pzorg", professional=True)
    family = person(srv, "pfam")
    other = person(srv, "pander")
    otherpro = person(srv, "pzorg2", professional=True)
    org = uniq("porg")
    srv.cli("org", "add", org)
    staff = person(srv, "pstaf")
    srv.cli("org", "staff", org, staff.name)
    admin = person(srv, "pbeheer", role="admin")
    secret = uniq("doelpagina")
    assert owner.post("/mijn-plan/doel", {"area": "contact", "text": "Ik zie %s." % secret}).status_code == 303
    everyone = [care, family, other, otherpro, staff, admin]
    for w in everyone:
        r = w.get("/plan/%s" % owner.name)
        assert r.status_code == 404 and secret not in r.text, w.name
    assert requests.get(srv.base + "/plan/%s" % owner.name, timeout=10, allow_redirects=False).status_code in (302, 303, 401)
    for w, kind in ((care, "zorgverlener"), (family, "familie")):
        assert owner.post("/mijn-plan/delen", {"name": w.name, "kind": kind}).status_code == 303
    r = owner.post("/mijn-plan/delen", {"name": family.name, "kind": "zorgverlener"})
    assert r.status_code == 422 and "zorgverlener" in r.text
    for w in (care, family):
        r = w.get("/plan/%s" % owner.name)
        assert r.status_code == 200 and secret in r.text, w.name
        assert owner.name in w.get("/mijn-plan").text  # "plans you may see"
    for w in (other, otherpro, staff, admin):
        assert w.get("/plan/%s" % owner.name).status_code == 404, w.name
        assert owner.name not in w.get("/mijn-plan").text
    # suggestions: the care worker's form, family gets none and is refused
    assert "Een doel voorstellen" in care.get("/plan/%s" % owner.name).text
    assert "Een doel voorstellen" not in family.get("/plan/%s" % owner.name).text
    r = care.post("/plan/%s/doel" % owner.name, {"area": "leren", "text": "Ik leer koken."}, allow_redirects=False)
    assert r.status_code == 303 and "plan_suggested" in r.headers["Location"]
    assert family.post("/plan/%s/doel" % owner.name, {"area": "leren", "text": "Ik leer koken."}).status_code == 403
    for w in (other, staff, admin):
        assert w.post("/plan/%s/doel" % owner.name, {"area": "leren", "text": "x"}).status_code == 404
    page = owner.get("/mijn-plan").text
    assert "Voorstellen van uw zorgverlener" in page and "Ik leer koken." in page
    sug = [g for g in plan(srv, owner).json()["goals"] if g["state"] == "suggested"][0]["id"]
    assert "Ik leer koken." not in family.get("/plan/%s" % owner.name).text
    assert owner.post("/mijn-plan/doel-ja", {"id": sug}).status_code == 303
    assert "Ik leer koken." in family.get("/plan/%s" % owner.name).text
    # the plan is in no one's search or timelines
    for w in (owner, care, admin):
        assert "Ik zie %s" % secret not in w.get("/search", params={"q": secret}).text  # the form echoes q
        assert secret not in w.get("/local").text


# ---- the client's home ----

def test_home_client(srv):
    import datetime
    from test_appointments import EVERY_DAY
    me = person(srv, "thuis")
    other = person(srv, "thuis2")
    r = me.get("/thuis")
    assert r.status_code == 200 and "U heeft geen afspraak." in r.text and "Er staat nu geen stap klaar." in r.text
    gid = goal(srv, me, "Ik ga zelf naar de winkel.", area="vrije_tijd")
    s1 = step(srv, me, gid, "Boodschappenlijst maken")
    step(srv, me, gid, "Tas pakken")
    assert "Boodschappenlijst maken" in me.get("/thuis").text
    assert me.post("/mijn-plan/klaar", {"id": s1}).status_code == 303
    page = me.get("/thuis").text
    assert "Tas pakken" in page and "Boodschappenlijst maken" not in page
    assert "Tas pakken" not in other.get("/thuis").text
    # the next appointment
    org = uniq("thuisprak")
    srv.cli("org", "add", org)
    srv.cli("availability", "set", org, EVERY_DAY + " slot=30")
    sch = requests.get(srv.base + "/fhir/Schedule", timeout=10).json()
    sid = [e["resource"]["id"] for e in sch["entry"] if e["resource"]["actor"][0].get("display") == org][0]
    start = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)).strftime("%Y-%m-%d")
    sl = requests.get(srv.base + "/fhir/Slot", params={"schedule": sid, "start": "ge" + start}, timeout=10).json()
    atok = token(srv, me.name, "read write read:appointments write:appointments")
    r = api(srv, atok, "/api/v1/kring/appointments", "post",
            data={"provider_id": sid, "start": sl["entry"][0]["resource"]["start"]})
    assert r.status_code == 201, r.text
    assert org in me.get("/thuis").text and org not in other.get("/thuis").text


def test_goal_sentence_readability_check(srv):
    """The plain-words check on a goal's sentence (issue 19 asks for it,
    issue 20's readability module gives it): the form comes back with the
    text kept, the level and the hints; nothing is saved by checking."""
    me = person(srv, "leesbaar")
    hard = "Ik wil dat de indicatiestelling voor mijn dagbesteding sneller gaat."
    r = me.post("/mijn-plan/doel", {"area": "werk", "picto": "", "text": hard, "check": "plain"})
    assert r.status_code == 200, r.text[:300]
    assert "Leesbaarheid" in r.text and "indicatiestelling" in r.text and "besluit" in r.text
    assert 'value="%s"' % hard in r.text          # the typed sentence comes back in the field
    assert plan(srv, me).json()["goals"] == []    # checking saves nothing
    # a plain sentence: B1
    r = me.post("/mijn-plan/doel", {"area": "werk", "picto": "", "text": "Ik ga werken.", "check": "plain"})
    assert r.status_code == 200 and "taalniveau B1" in r.text
    # saving still works as before
    assert me.post("/mijn-plan/doel", {"area": "werk", "picto": "", "text": hard},
                   allow_redirects=False).status_code == 303
