"""Odds and ends: CLI changes take effect, odd form values, error page details."""
from conftest import PASSWORD, assert_error_page, uniq


def logged_in(c):
    r = c.get("/")
    return 'action="/logout"' in r.text


def test_cli_passwd_ends_sessions(server):
    name = server.add_user()
    c = server.login(name)
    server.cli("user", "passwd", name, "--password", "via-cli-gewijzigd")
    c.csrf = None
    assert not logged_in(c), "sessions survive a password set with `kring user passwd`"
    server.login(name, "via-cli-gewijzigd")


def test_cli_role_change_takes_effect(server):
    name = server.add_user(role="admin")
    c = server.login(name)
    assert c.get("/admin").status_code == 200
    server.cli("user", "role", name, "member")
    assert c.get("/admin").status_code in (403, 404)
    assert c.post("/admin/invites", {"role": "member"}).status_code in (403, 404)


def test_odd_post_fields(alice):
    n = alice.profile_count(alice.name)
    for data in ({"text": "x", "visibility": "public", "in_reply_to": "abc"},
                 {"text": "x", "visibility": "public", "in_reply_to": "-1"},
                 {"text": "x", "visibility": "public", "as": "bestaatniet" + uniq("o")},
                 {"text": "x"} if False else {"text": "x", "visibility": ""}):
        r = alice.post("/posts", data)
        assert 400 <= r.status_code < 500, (data, r.status_code)
    assert alice.profile_count(alice.name) == n


def test_odd_profile_fields(alice, anon):
    r = alice.post("/settings/profile", {"display_name": "A", "bio": "", "person_type": "robot"})
    assert r.status_code == 303 or 400 <= r.status_code < 500
    assert "zorgprofessional" not in anon.get("/@" + alice.name).text
    r = alice.post("/settings/profile", {"display_name": "x" * 20000, "bio": "", "person_type": "client"})
    assert 400 <= r.status_code < 500
    r = alice.post("/settings/profile", {"display_name": "Nieuwe\x01Naam", "bio": "", "person_type": "client"})
    assert 400 <= r.status_code < 500
    assert "x" * 1000 not in anon.get("/@" + alice.name).text


def test_profile_settings_shown(alice, anon):
    r = alice.post("/settings/profile", {"display_name": "Dokter Jansen", "bio": "Huisarts in Utrecht",
                                         "profession": "huisarts", "expertise": "diabetes",
                                         "languages": "Nederlands, Engels", "region": "Utrecht",
                                         "person_type": "professional"})
    assert r.status_code == 303
    t = anon.get("/@" + alice.name).text
    for s in ("Dokter Jansen", "Huisarts in Utrecht", "huisarts", "diabetes", "Utrecht", "zorgprofessional"):
        assert s in t, s
    assert "Dokter Jansen" in alice.get("/settings").text


def test_rate_limit_page_is_dutch_html(start_server):
    srv = start_server()
    name = srv.add_user("beperkt")
    c = srv.client()
    for _ in range(6):
        r = c.post("/login", {"username": name, "password": "verkeerd-wachtwoord", "next": "/"})
    assert r.status_code == 429
    assert_error_page(r, 429)
    srv.assert_clean_stop()


def test_error_pages_have_security_headers(alice):
    r = alice.s.post(alice.url("/posts"), data="csrf=%s&text=%s" % (alice.csrf, "a" * 70000),
                     headers={"Content-Type": "application/x-www-form-urlencoded"}, allow_redirects=False)
    assert r.status_code == 413
    assert r.headers.get("X-Content-Type-Options") == "nosniff"
    assert "frame-ancestors 'none'" in r.headers.get("Content-Security-Policy", "")


def test_profile_name_case(alice, anon):
    r = anon.get("/@" + alice.name.upper())
    assert r.status_code in (200, 301, 302, 303, 308, 404)


def test_head_request(anon):
    r = anon.s.head(anon.url("/"), timeout=10)
    assert r.status_code in (200, 405)
    assert anon.get("/healthz").status_code == 200
