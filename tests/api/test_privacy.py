"""Privacy over the API: the privacy guard answers, group content stays in its
group on every endpoint, reports reach moderators, and CORS for browser apps."""
import requests

from conftest import PASSWORD


def api(server, token, method, path, **kw):
    kw.setdefault("timeout", 10)
    return requests.request(method, server.base + path, headers={"Authorization": "Bearer " + token}, **kw)


BSN_TEXT = "Mevrouw Jansen op kamer 12 heeft weer een delier. Haar BSN is 123456782."


def test_guard_warn_needs_explicit_confirmation(server, tokens):
    t = tokens["alice"]
    before = api(server, t, "GET", "/api/v1/accounts/verify_credentials").json()["statuses_count"]
    r = api(server, t, "POST", "/api/v1/statuses", data={"status": BSN_TEXT})
    assert r.status_code == 422
    err = r.json()["error"]
    assert "bsn" in err and "privacy_confirm" in err
    assert api(server, t, "GET", "/api/v1/accounts/verify_credentials").json()["statuses_count"] == before
    r = api(server, t, "POST", "/api/v1/statuses", data={"status": BSN_TEXT, "privacy_confirm": "true"})
    assert r.status_code == 200, r.text
    # Edits are checked the same way.
    sid = api(server, t, "POST", "/api/v1/statuses", data={"status": "Mooi weer vandaag."}).json()["id"]
    r = api(server, t, "PUT", "/api/v1/statuses/" + sid, data={"status": BSN_TEXT})
    assert r.status_code == 422
    assert "Mooi weer" in api(server, t, "GET", "/api/v1/statuses/" + sid).json()["content"]


def test_guard_block_for_organisation_is_refused_even_confirmed(server, tokens, app):
    # bob writes as an organisation whose policy blocks (default: bsn is a block, no override).
    assert server.cli("org", "add", "apizorg").returncode == 0
    assert server.cli("org", "staff", "apizorg", "bob").returncode == 0
    # Posting as an organisation is a web feature; over the API a person posts as themselves,
    # so the person's policy applies (warn, confirmable). The organisation rule is covered
    # by tests/blackbox/test_guard.py.
    r = api(server, tokens["bob"], "POST", "/api/v1/statuses", data={"status": BSN_TEXT})
    assert r.status_code == 422


def test_closed_group_posts_stay_in_the_group_over_the_api(server, tokens):
    assert server.cli("group", "add", "apikring", "--kind", "closed", "--owner", "carol").returncode == 0
    web = requests.Session()
    page = web.get(server.base + "/login", timeout=10)
    import re
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)
    web.post(server.base + "/login", data={"csrf": csrf, "username": "carol", "password": PASSWORD, "next": "/"},
             allow_redirects=False, timeout=10)
    page = web.get(server.base + "/g/apikring", timeout=10).text
    gid = re.search(r'name="group_id" value="(\d+)"', page).group(1)
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    r = web.post(server.base + "/posts", data={"csrf": csrf, "text": "Alleen voor de kring #apikringtag geheimwoord",
                                               "visibility": "public", "group_id": gid},
                 allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:300]
    pid = re.search(r"/posts/(\d+)", r.headers["Location"]).group(1)
    # carol (member) sees it through the API
    assert api(server, tokens["carol"], "GET", "/api/v1/statuses/" + pid).status_code == 200
    # dave (outsider) follows carol, and still sees it nowhere
    dave = tokens["dave"]
    carol_id = api(server, tokens["carol"], "GET", "/api/v1/accounts/verify_credentials").json()["id"]
    api(server, dave, "POST", "/api/v1/accounts/%s/follow" % carol_id)
    assert api(server, dave, "GET", "/api/v1/statuses/" + pid).status_code == 404
    assert api(server, dave, "GET", "/api/v1/statuses/%s/context" % pid).status_code == 404
    assert api(server, dave, "POST", "/api/v1/statuses/%s/favourite" % pid).status_code == 404
    for path in ("/api/v1/timelines/home", "/api/v1/timelines/public", "/api/v1/timelines/tag/apikringtag",
                 "/api/v1/accounts/%s/statuses" % carol_id):
        ids = [s["id"] for s in api(server, dave, "GET", path).json()]
        assert pid not in ids, path
    found = api(server, dave, "GET", "/api/v2/search", params={"q": "geheimwoord"}).json()["statuses"]
    assert pid not in [s["id"] for s in found]
    assert requests.get(server.base + "/api/v1/statuses/" + pid, timeout=10).status_code in (401, 404)
    # A reply over the API by an outsider cannot enter the group.
    r = api(server, dave, "POST", "/api/v1/statuses", data={"status": "hoi", "in_reply_to_id": pid})
    assert r.status_code == 404


def test_reports_from_apps_reach_moderators(server, tokens):
    assert server.cli("user", "add", "apimod", "--password", PASSWORD, "--role", "moderator").returncode == 0
    t = tokens["alice"]
    sid = api(server, tokens["bob"], "POST", "/api/v1/statuses", data={"status": "Koop goedkope pillen", "visibility": "public"}).json()["id"]
    bob_id = api(server, tokens["bob"], "GET", "/api/v1/accounts/verify_credentials").json()["id"]
    r = api(server, t, "POST", "/api/v1/reports", data={"account_id": bob_id, "status_ids[]": sid,
                                                        "comment": "spam via de app"})
    assert r.status_code == 200, r.text
    import re
    web = requests.Session()
    page = web.get(server.base + "/login", timeout=10)
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)
    web.post(server.base + "/login", data={"csrf": csrf, "username": "apimod", "password": PASSWORD, "next": "/"},
             allow_redirects=False, timeout=10)
    assert "spam via de app" in web.get(server.base + "/moderation", timeout=10).text
    # Reporting yourself is refused.
    me = api(server, t, "GET", "/api/v1/accounts/verify_credentials").json()["id"]
    assert api(server, t, "POST", "/api/v1/reports", data={"account_id": me}).status_code == 422


def test_cors_preflight_and_headers(server, tokens):
    r = requests.options(server.base + "/api/v1/timelines/home", headers={
        "Origin": "https://elk.example", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization"}, timeout=10)
    assert r.status_code == 204
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" in r.headers["Access-Control-Allow-Headers"]
    r = api(server, tokens["alice"], "GET", "/api/v1/timelines/home")
    assert r.headers.get("Access-Control-Allow-Origin") == "*"
    assert "Link" in r.headers.get("Access-Control-Expose-Headers", "")
    # The web pages (cookie sessions) get no CORS, and OPTIONS there is refused.
    assert "Access-Control-Allow-Origin" not in requests.get(server.base + "/", timeout=10).headers
    assert requests.options(server.base + "/settings", timeout=10).status_code == 405


def test_member_posts_into_group_by_mentioning_it(server, tokens):
    assert server.cli("group", "add", "noemkring", "--kind", "closed", "--owner", "carol").returncode == 0
    assert server.cli("group", "member", "add", "noemkring", "alice").returncode == 0
    r = api(server, tokens["alice"], "POST", "/api/v1/statuses",
            data={"status": "@noemkring wie gaat er mee naar de markt?", "visibility": "public"})
    assert r.status_code == 200, r.text
    sid = r.json()["id"]
    # It went into the closed group: members see it, an outsider and the public timeline do not.
    assert api(server, tokens["carol"], "GET", "/api/v1/statuses/" + sid).status_code == 200
    assert api(server, tokens["dave"], "GET", "/api/v1/statuses/" + sid).status_code == 404
    public = [s["id"] for s in api(server, tokens["dave"], "GET", "/api/v1/timelines/public").json()]
    assert sid not in public
    # A non-member naming the group just writes text: a normal public post.
    r = api(server, tokens["dave"], "POST", "/api/v1/statuses", data={"status": "@noemkring hallo?", "visibility": "public"})
    assert r.status_code == 200
    assert api(server, tokens["bob"], "GET", "/api/v1/statuses/" + r.json()["id"]).status_code == 200


def test_groups_appear_as_accounts_and_follow_means_join(server, tokens):
    assert server.cli("group", "add", "volgkring", "--kind", "closed", "--owner", "carol").returncode == 0
    assert server.cli("group", "add", "geheimkring", "--kind", "secret", "--owner", "carol").returncode == 0
    dave = tokens["dave"]
    r = api(server, dave, "GET", "/api/v1/accounts/lookup", params={"acct": "volgkring"})
    assert r.status_code == 200, r.text
    g = r.json()
    assert g["group"] is True and g["locked"] is True and g["followers_count"] == 0
    # A secret group does not exist for outsiders, by name or by id.
    assert api(server, dave, "GET", "/api/v1/accounts/lookup", params={"acct": "geheimkring"}).status_code == 404
    carol_g = api(server, tokens["carol"], "GET", "/api/v1/accounts/lookup", params={"acct": "geheimkring"}).json()
    assert api(server, dave, "GET", "/api/v1/accounts/" + carol_g["id"]).status_code == 404
    # Following a closed group asks to join; the owner sees the request on the web.
    rel = api(server, dave, "POST", "/api/v1/accounts/%s/follow" % g["id"]).json()
    assert rel["requested"] is True and rel["following"] is False
    assert api(server, dave, "POST", "/api/v1/accounts/%s/follow" % carol_g["id"]).status_code == 404
    rel = api(server, dave, "POST", "/api/v1/accounts/%s/unfollow" % g["id"]).json()
    assert rel["requested"] is False


def _png(w=8, h=8):
    import struct
    import zlib
    raw = b"".join(b"\x00" + bytes([200, 80, 40]) * w for _ in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_media_through_mastodon_py(server, tokens, tmp_path):
    from mastodon import Mastodon
    m = Mastodon(access_token=tokens["alice"], api_base_url=server.base)
    f = tmp_path / "foto.png"
    f.write_bytes(_png())
    media = m.media_post(str(f), mime_type="image/png", description="Een oranje vlak")
    assert media["type"] == "image" and media["description"] == "Een oranje vlak"
    st = m.status_post("Kijk, een foto", media_ids=[media["id"]], visibility="unlisted")
    assert [str(a["id"]) for a in st["media_attachments"]] == [str(media["id"])]
    # Someone else's upload cannot be attached.
    other = Mastodon(access_token=tokens["bob"], api_base_url=server.base)
    r = api(server, tokens["bob"], "POST", "/api/v1/statuses", data={"status": "hoi", "media_ids[]": media["id"]})
    assert r.status_code == 422
    assert other.status(st["id"])["media_attachments"][0]["description"] == "Een oranje vlak"
