"""Choosing a care worker (issue 19): professionals' introduction, way of
working and "taking new clients"; one profile at a time (like or skip) or a
filtered list, with why it is suggested; a request to the liked ones.  The
professional learns of a like only when a request is sent; skips are shown
to nobody; the client can undo."""
import pytest
import requests

from conftest import Server, uniq
from test_stream_audience import hdr, token

SCOPES = "read write read:match write:match"


@pytest.fixture(scope="module")
def srv():
    s = Server(env={"KRING_APP_RATE": "0"}).start()
    yield s
    try:
        s.assert_clean_stop()
    finally:
        s.cleanup()


def api(s, tok, path, method="get", **kw):
    return getattr(requests, method)(s.base + path, headers=hdr(tok), timeout=30, **kw)


def pro(s, expertise, languages, region, taking=True):
    c = s.new_user(prefix="pro")
    r = c.post("/settings/profile", {"display_name": c.name, "bio": "", "person_type": "professional",
                                     "expertise": expertise, "languages": languages, "region": region})
    assert r.status_code == 303, r.text[:300]
    c.tok = token(s, c.name, SCOPES)
    r = api(s, c.tok, "/api/v1/kring/match/profile", "put",
            data={"introduction": "Ik ben %s. Ik help jongeren en ouders." % c.name,
                  "approach": "Ik luister eerst. Daarna maken we samen een plan.",
                  "taking_new_clients": "true" if taking else "false"})
    assert r.status_code == 200 and r.json()["taking_new_clients"] is taking, r.text
    c.id = api(s, c.tok, "/api/v1/accounts/lookup", params={"acct": c.name}).json()["id"]
    return c


@pytest.fixture(scope="module")
def pros(srv):
    region = uniq("regio")
    return region, [pro(srv, "autisme, angst", "Nederlands, Arabisch", region),
                    pro(srv, "verslaving", "Nederlands", region),
                    pro(srv, "autisme", "Engels", region, taking=False)]


def client(srv):
    name = srv.add_user(uniq("cli"))
    return name, token(srv, name, SCOPES)


def test_profile_parts_only_for_professionals(srv):
    _, tok = client(srv)
    r = api(srv, tok, "/api/v1/kring/match/profile", "put", data={"introduction": "Hallo"})
    assert r.status_code == 403
    r = api(srv, tok, "/api/v1/kring/match/profile", "put", data={"introduction": "x" * 1001})
    assert r.status_code in (403, 422)


def test_list_filters_and_why(srv, pros):
    region, (a, b, c) = pros
    _, tok = client(srv)
    lst = api(srv, tok, "/api/v1/kring/match/list", params={"region": region, "expertise": "Autisme"}).json()
    names = [x["account"]["username"] for x in lst]
    assert names == [a.name, c.name], names  # taking new clients first
    first = lst[0]
    assert set(first["why"]) == {"expertise", "region", "taking_new_clients"}
    assert "jongeren" in first["introduction"] and "plan" in first["approach"]
    assert lst[1]["taking_new_clients"] is False and "taking_new_clients" not in lst[1]["why"]
    lst = api(srv, tok, "/api/v1/kring/match/list", params={"region": region, "language": "arabisch"}).json()
    assert [x["account"]["username"] for x in lst] == [a.name]
    r = api(srv, tok, "/api/v1/kring/match/list", params={"region": "x" * 61})
    assert r.status_code == 422


def test_like_skip_request_undo_privacy(srv, pros):
    region, (a, b, c) = pros
    name, tok = client(srv)
    nxt = api(srv, tok, "/api/v1/kring/match/next", params={"region": region}).json()
    assert nxt["account"]["username"] == a.name
    # Skip a; the next is another; skips are shown to nobody.
    assert api(srv, tok, "/api/v1/kring/match/%s/skip" % a.id, "post").status_code == 200
    nxt = api(srv, tok, "/api/v1/kring/match/next", params={"region": region}).json()
    assert nxt["account"]["username"] != a.name
    lst = api(srv, tok, "/api/v1/kring/match/list", params={"region": region}).json()
    assert all(x["liked"] is False for x in lst) and "skip" not in str(lst)
    assert api(srv, a.tok, "/api/v1/kring/match/requests").json() == []
    # Undo the skip: a comes back first.
    r = api(srv, tok, "/api/v1/kring/match/undo", "post")
    assert r.status_code == 200 and r.json()["undone_id"] == a.id
    assert api(srv, tok, "/api/v1/kring/match/next", params={"region": region}).json()["account"]["id"] == a.id
    # Like b: the professional does not learn of it ...
    assert api(srv, tok, "/api/v1/kring/match/%s/like" % b.id, "post").status_code == 200
    likes = api(srv, tok, "/api/v1/kring/match/likes").json()
    assert [x["account"]["id"] for x in likes] == [b.id] and likes[0]["liked"] is True
    assert api(srv, b.tok, "/api/v1/kring/match/requests").json() == []
    # ... until a request is sent.
    assert api(srv, tok, "/api/v1/kring/match/%s/request" % c.id, "post").status_code == 404  # not liked
    r = api(srv, tok, "/api/v1/kring/match/%s/request" % b.id, "post", data={"message": "Mag ik kennismaken?"})
    assert r.status_code == 200, r.text
    req = api(srv, b.tok, "/api/v1/kring/match/requests").json()
    assert [x["account"]["username"] for x in req] == [name] and req[0]["message"] == "Mag ik kennismaken?"
    assert api(srv, tok, "/api/v1/kring/match/%s/request" % b.id, "post").status_code == 422
    # A like with a request is not undone; nothing else to undo here.
    r = api(srv, tok, "/api/v1/kring/match/undo", "post")
    assert r.json()["undone_id"] is None
    assert api(srv, tok, "/api/v1/kring/match/%s/skip" % b.id, "post").status_code == 422
    # Another person sees nothing of it.
    _, other = client(srv)
    assert api(srv, other, "/api/v1/kring/match/likes").json() == []
    assert all(x["liked"] is False and x["requested"] is False
               for x in api(srv, other, "/api/v1/kring/match/list", params={"region": region}).json())
    # When every profile is chosen, next says so.
    for p in (a, c):
        assert api(srv, tok, "/api/v1/kring/match/%s/skip" % p.id, "post").status_code == 200
    assert api(srv, tok, "/api/v1/kring/match/next", params={"region": region}).status_code == 404


def test_scopes(srv, pros):
    name, _ = client(srv)
    tok = token(srv, name, "read:statuses")
    assert api(srv, tok, "/api/v1/kring/match/list").status_code == 403


def test_pages_one_at_a_time_list_request(srv, pros):
    region, (a, b, c) = pros
    name, tok = client(srv)
    cl = srv.login(name)
    page = cl.get("/kiezen?region=%s&expertise=autisme" % region)
    assert page.status_code == 200 and a.name in page.text
    assert "Waarom u dit profiel ziet" in page.text and "deskundig in wat u zoekt" in page.text
    assert "jongeren" in page.text
    # Skip, then the next one; undo brings it back.
    r = cl.post("/kiezen/%s/skip" % a.name, {"region": region, "expertise": "autisme"})
    assert r.status_code == 303 and "/kiezen?" in r.headers["Location"]
    assert "/kiezen/%s/like" % c.name in cl.get(r.headers["Location"]).text
    assert cl.post("/kiezen/undo", {"region": region, "expertise": "autisme"}).status_code == 303
    assert "/kiezen/%s/like" % a.name in cl.get("/kiezen?region=%s&expertise=autisme" % region).text
    # The list, with a like from it (no swiping needed).
    lst = cl.get("/kiezen/lijst?region=%s" % region)
    assert lst.status_code == 200 and all(p.name in lst.text for p in (a, b, c))
    assert cl.post("/kiezen/%s/like" % b.name, {"back": "/kiezen/lijst?region=" + region}).status_code == 303
    assert "U koos: past bij mij" in cl.get("/kiezen/lijst?region=%s" % region).text
    # The professional sees nothing before the request.
    bp = srv.login(b.name)
    assert name not in bp.get("/kiezen/verzoeken").text
    mine = cl.get("/kiezen/mijn")
    assert b.name in mine.text and "Verzoek sturen" in mine.text
    assert cl.post("/kiezen/%s/verzoek" % b.name, {"message": "Hallo, ik zoek hulp."}).status_code == 303
    req = bp.get("/kiezen/verzoeken")
    assert name in req.text and "Hallo, ik zoek hulp." in req.text
    # A request without a like is refused in words.
    r = cl.post("/kiezen/%s/verzoek" % c.name, {"message": ""})
    assert r.status_code == 422 and "Past bij mij" in r.text
    # The professional's own profile parts.
    assert bp.get("/settings/pro").status_code == 200
    assert bp.post("/settings/pro", {"intro": "Ik help graag.", "approach": "Rustig."}).status_code == 303
    assert api(srv, b.tok, "/api/v1/kring/match/profile").json()["taking_new_clients"] is False
    assert cl.post("/settings/pro", {"intro": "x"}).status_code == 403
    # The introduction is on the public profile page too, for anyone.
    pub = requests.get(srv.base + "/@" + b.name, timeout=10).text
    assert "Ik help graag." in pub and "Rustig." in pub and "Zo werk ik" in pub
    assert "Ik help graag." not in requests.get(srv.base + "/@" + name, timeout=10).text


def test_taking_new_clients_ranks_before_the_older_account(srv):
    # the store walks those taking new clients first, then the rest (bench/match.sh)
    region = uniq("rang")
    old = pro(srv, "rouw", "Nederlands", region, taking=False)
    new = pro(srv, "rouw", "Nederlands", region)
    _, tok = client(srv)
    lst = api(srv, tok, "/api/v1/kring/match/list", params={"region": region}).json()
    assert [x["account"]["id"] for x in lst] == [new.id, old.id]
    nxt = api(srv, tok, "/api/v1/kring/match/next", params={"region": region}).json()
    assert nxt["account"]["id"] == new.id
    assert api(srv, tok, "/api/v1/kring/match/%s/skip" % new.id, "post").status_code == 200
    nxt = api(srv, tok, "/api/v1/kring/match/next", params={"region": region}).json()
    assert nxt["account"]["id"] == old.id
    assert api(srv, tok, "/api/v1/kring/match/%s/skip" % old.id, "post").status_code == 200
    assert api(srv, tok, "/api/v1/kring/match/next", params={"region": region}).status_code == 404
