"""The privacy guard reads every text a person publishes, whatever door it came
through: the bio and display name (settings page and update_credentials), a
post's content warning, poll options and media descriptions (with the post,
and set later), and a group's name, description and rules.  A warning is a
422 that names what was found until the author confirms (privacy_confirm on
the API, "Toch opslaan" on the pages); nothing is saved before."""
import re
import struct
import time
import zlib

import requests

from conftest import PASSWORD, uniq

# The examples of test_guard.py: a BSN (block), a client's name + room + health.
BSN_TEXT = "Mevrouw Jansen op kamer 12 heeft weer een delier. Haar BSN is 123456782."
BIO = "Ik verzorg meneer De Vries op kamer 4, hij heeft dementie."
SHORT_BSN = "BSN 123456782"


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


def tiny_png(seed):
    """A small valid RGB PNG whose bytes differ per seed."""
    w = h = 16
    rows = b"".join(b"\0" + bytes(((x * 13 + y * 7 + seed) % 256) for x in range(w * 3)) for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            _chunk(b"IDAT", zlib.compress(rows)) + _chunk(b"IEND", b""))


_seeds = iter(range(1, 10000))


class Api:
    def __init__(self, server, name):
        self.base = server.base
        app = requests.post(self.base + "/api/v1/apps", data={
            "client_name": "guard-test", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
            "scopes": "read write"}, timeout=20).json()
        tok = requests.post(self.base + "/oauth/token", data={
            "grant_type": "password", "username": name, "password": PASSWORD,
            "client_id": app["client_id"], "client_secret": app["client_secret"], "scope": "read write"},
            timeout=20)
        assert tok.status_code == 200, tok.text[:300]
        self.h = {"Authorization": "Bearer " + tok.json()["access_token"]}

    def req(self, method, path, **kw):
        kw.setdefault("timeout", 20)
        return requests.request(method, self.base + path, headers=self.h, **kw)

    def upload(self, description=None):
        data = {"description": description} if description is not None else {}
        r = self.req("POST", "/api/v2/media", data=data,
                     files=[("file", ("p.png", tiny_png(next(_seeds)), "image/png"))])
        assert r.status_code in (200, 202), (r.status_code, r.text[:300])
        return r.json()["id"]


def assert_guard_422(r, *types):
    assert r.status_code == 422, (r.status_code, r.text[:500])
    err = r.json()["error"]
    assert "privacy guard" in err, err
    for t in types:
        assert t in err, (t, err)


def me(api):
    r = api.req("GET", "/api/v1/accounts/verify_credentials")
    assert r.status_code == 200
    return r.json()


# ---- bio and display name: the page and the API give the same answer --------------------

def test_bio_page_and_update_credentials_agree(server, alice):
    api = Api(server, alice.name)
    # The page: review with the finding marked, nothing saved.
    r = alice.post("/settings/profile", {"display_name": alice.name, "bio": BIO})
    assert r.status_code == 422 and "<mark>" in r.text
    # The API: the same text is refused the same way, naming what was found.
    page_types = set(re.findall(r'<span class="sr" data-type="(\w+)"> \([^)]*\)</span></mark>', r.text))
    assert page_types, r.text[:500]
    r = api.req("PATCH", "/api/v1/accounts/update_credentials", data={"note": BIO})
    assert_guard_422(r, *page_types)
    assert "kamer 4" not in me(api)["source"]["note"]
    assert "kamer 4" not in alice.get("/@" + alice.name).text
    # Confirmed, both save it.
    r = api.req("PATCH", "/api/v1/accounts/update_credentials", data={"note": BIO, "privacy_confirm": "true"})
    assert r.status_code == 200, r.text[:300]
    assert "kamer 4" in me(api)["source"]["note"]
    # A harmless change of something else does not re-ask about the bio.
    r = api.req("PATCH", "/api/v1/accounts/update_credentials", data={"locked": "true"})
    assert r.status_code == 200, r.text[:300]


def test_display_name_is_checked_on_page_and_api(server, alice):
    api = Api(server, alice.name)
    r = alice.post("/settings/profile", {"display_name": SHORT_BSN, "bio": ""})
    assert r.status_code == 422, r.status_code
    assert "<mark>123456782" in r.text
    r = api.req("PATCH", "/api/v1/accounts/update_credentials", data={"display_name": SHORT_BSN})
    assert_guard_422(r, "bsn")
    assert "123456782" not in me(api)["display_name"]
    assert "123456782" not in alice.get("/@" + alice.name).text
    # Confirmed on the page ("Toch opslaan"): saved.
    r = alice.post("/settings/profile", {"display_name": SHORT_BSN, "bio": "", "confirm": "1"})
    assert r.status_code == 303


def test_own_name_in_profile_is_not_a_finding(server, alice):
    """A display name is a name by design, and so is one's own name in one's bio:
    a guard that warns about every profile would be switched off."""
    api = Api(server, alice.name)
    r = api.req("PATCH", "/api/v1/accounts/update_credentials",
                data={"display_name": "Anouk de Vries", "note": "Hallo, ik ben Anouk. Ik wandel graag."})
    assert r.status_code == 200, r.text[:300]
    r = alice.post("/settings/profile", {"display_name": "Anouk de Vries",
                                         "bio": "Ik ben Anouk de Vries en ik fiets graag."})
    assert r.status_code == 303, r.text[:300]
    # Somebody else's name in the bio still is.
    r = api.req("PATCH", "/api/v1/accounts/update_credentials", data={"note": BIO})
    assert_guard_422(r)


def test_professional_fields_are_checked(server, alice):
    r = alice.post("/settings/profile", {"display_name": alice.name, "bio": "", "person_type": "professional",
                                         "profession": "Verpleegkundige", "expertise": BIO})
    assert r.status_code == 422 and "<mark>" in r.text


# ---- a post's content warning, poll options and media descriptions ---------------------

def test_content_warning_is_checked(server, alice):
    api = Api(server, alice.name)
    r = api.req("POST", "/api/v1/statuses", data={"status": "Een verhaal over vandaag.", "spoiler_text": BSN_TEXT})
    assert_guard_422(r, "bsn", "spoiler_text")
    r = api.req("GET", "/api/v1/accounts/%s/statuses" % me(api)["id"])
    assert r.status_code == 200 and r.json() == []
    # Confirmed: posted, with its content warning, and the override is covered.
    r = api.req("POST", "/api/v1/statuses", data={"status": "Een verhaal over vandaag.", "spoiler_text": BIO,
                                                 "privacy_confirm": "true"})
    assert r.status_code == 200, r.text[:300]
    st = r.json()
    assert st["spoiler_text"] == BIO
    # Editing the warning in later is checked too.
    r = api.req("PUT", "/api/v1/statuses/" + st["id"], data={"status": "Een verhaal.", "spoiler_text": BSN_TEXT})
    assert_guard_422(r, "bsn")
    r = api.req("GET", "/api/v1/statuses/%s/source" % st["id"])
    assert "123456782" not in r.json()["spoiler_text"]


def test_poll_options_are_checked(server, alice):
    api = Api(server, alice.name)
    data = [("status", "Wie helpt zaterdag mee?"), ("poll[options][]", "Ik kom"),
            ("poll[options][]", SHORT_BSN), ("poll[expires_in]", "3600")]
    r = api.req("POST", "/api/v1/statuses", data=data)
    assert_guard_422(r, "bsn", "poll")
    r = api.req("GET", "/api/v1/accounts/%s/statuses" % me(api)["id"])
    assert r.json() == []
    r = api.req("POST", "/api/v1/statuses", data=data + [("privacy_confirm", "true")])
    assert r.status_code == 200, r.text[:300]
    assert [o["title"] for o in r.json()["poll"]["options"]] == ["Ik kom", SHORT_BSN]


def test_media_description_is_checked_with_the_post_via_api(server, alice):
    api = Api(server, alice.name)
    mid = api.upload(BSN_TEXT)
    r = api.req("POST", "/api/v1/statuses", data={"status": "Een foto van vandaag.", "media_ids[]": mid})
    assert_guard_422(r, "bsn", "media")
    r = api.req("GET", "/api/v1/accounts/%s/statuses" % me(api)["id"])
    assert r.json() == []


def test_media_description_set_later_is_checked_via_api(server, alice):
    api = Api(server, alice.name)
    mid = api.upload("Een kopje koffie")
    r = api.req("POST", "/api/v1/statuses", data={"status": "Koffie!", "media_ids[]": mid})
    assert r.status_code == 200, r.text[:300]
    r = api.req("PUT", "/api/v1/media/" + mid, data={"description": BSN_TEXT})
    assert_guard_422(r, "bsn")
    r = api.req("GET", "/api/v1/media/" + mid)
    assert "123456782" not in (r.json().get("description") or "")
    r = api.req("PUT", "/api/v1/media/" + mid, data={"description": BIO, "privacy_confirm": "true"})
    assert r.status_code in (200, 206), r.text[:300]
    assert r.json()["description"] == BIO


def test_media_description_is_checked_on_the_page(server, alice):
    before = alice.profile_count(alice.name)
    files = [("media", ("p.png", tiny_png(next(_seeds)), "image/png"))]
    r = alice.post("/posts", {"text": "Een foto van vandaag.", "visibility": "public", "alt1": BSN_TEXT},
                   files=files)
    assert r.status_code == 422, (r.status_code, r.text[:300])
    assert "<mark>123456782" in r.text
    assert alice.profile_count(alice.name) == before
    # The review page lets the description be changed; a harmless one goes through.
    mid = re.search(r'name="media_id" value="(\d+)"', r.text).group(1)
    assert 'name="alt_%s"' % mid in r.text
    r = alice.post("/posts", {"text": "Een foto van vandaag.", "visibility": "public", "media_id": mid,
                              "alt_" + mid: "Een kopje koffie"})
    assert r.status_code == 303, (r.status_code, r.text[:500])


# ---- groups: name, description, rules ---------------------------------------------------

def group_form(name, **kw):
    d = {"name": name, "display_name": "Lotgenoten", "description": "", "rules": "", "kind": "open",
         "premod": "none"}
    d.update(kw)
    return d


def test_group_texts_are_checked_when_created(server, alice):
    for field, text in (("display_name", "Kring " + SHORT_BSN), ("description", BSN_TEXT), ("rules", BIO)):
        name = uniq("gk")
        r = alice.post("/groups", group_form(name, **{field: text}))
        assert r.status_code == 422, (field, r.status_code, r.text[:300])
        assert "<mark>" in r.text, field
        assert "Toch opslaan" in r.text, field
        assert alice.get("/g/" + name).status_code == 404, field
    # Confirmed: made.
    name = uniq("gk")
    r = alice.post("/groups", group_form(name, description=BIO, confirm="1"))
    assert r.status_code == 303, r.text[:300]
    assert alice.get("/g/" + name).status_code == 200


def test_group_texts_are_checked_when_changed(server, alice):
    name = uniq("gk")
    assert alice.post("/groups", group_form(name)).status_code == 303
    for field, text in (("display_name", "Kring " + SHORT_BSN), ("description", BSN_TEXT), ("rules", BIO)):
        data = {"display_name": "Lotgenoten", "description": "", "rules": "", "kind": "open", "premod": "none"}
        data[field] = text
        r = alice.post("/g/%s/settings" % name, data)
        assert r.status_code == 422, (field, r.status_code, r.text[:300])
        assert "<mark>" in r.text and "Toch opslaan" in r.text, field
        page = alice.get("/g/%s/members" % name).text
        assert "123456782" not in page and "kamer 4" not in page, field
    data = {"display_name": "Lotgenoten", "description": BIO, "rules": "", "kind": "open", "premod": "none",
            "confirm": "1"}
    assert alice.post("/g/%s/settings" % name, data).status_code == 303
    assert "kamer 4" in alice.get("/g/%s/members" % name).text


# ---- the audit covers every part ---------------------------------------------------------

def test_org_audit_names_a_finding_in_a_media_description(server, admin, alice):
    from test_guard import make_org, set_policy
    org = make_org(server, alice)
    set_policy(admin, org, allow_override="1")
    files = [("media", ("p.png", tiny_png(next(_seeds)), "image/png"))]
    r = alice.post("/posts", {"text": "Onze nieuwe tuin.", "visibility": "public", "as": org, "alt1": BSN_TEXT},
                   files=files)
    assert r.status_code == 422 and "<mark>123456782" in r.text
    mid = re.search(r'name="media_id" value="(\d+)"', r.text).group(1)
    r = alice.post("/posts", {"text": "Onze nieuwe tuin.", "visibility": "public", "as": org, "media_id": mid,
                              "confirm": "1"})
    assert r.status_code == 303, (r.status_code, r.text[:300])
    pid = re.match(r"^/posts/(\d+)", r.headers["Location"]).group(1)
    page = admin.get("/admin/orgs/%s/policy" % org).text
    # In words (issue 13): the type and the part where it was found.
    assert "Burgerservicenummer (BSN) (beschrijving van een foto)" in page and "/posts/%s" % pid in page
