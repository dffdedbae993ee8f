"""Setup, registration, login/logout, passwords, resets, rate limits."""
import re
import time

import requests

from conftest import PASSWORD, Client, assert_error_page, uniq


def register(c, token, name, pw=PASSWORD, pw2=None):
    c.get("/register?invite=%s" % token if token is not None else "/register")
    data = {"username": name, "password": pw, "password2": pw2 or pw}
    if token is not None:
        data["invite"] = token
    return c.post("/register", data)


def logged_in(c):
    r = c.get("/")
    return r.status_code == 200 and 'action="/logout"' in r.text


# ---- 1. setup -------------------------------------------------------------

def test_first_start_prints_setup_link_not_password(start_server):
    srv = start_server()
    link = srv.setup_link()
    assert link and link.startswith(srv.base + "/setup/"), srv.stdout()
    out = srv.stdout() + srv.stderr()
    assert not re.search(r"(?i)(password|wachtwoord)\s*[:=]", out), out

    token_path = link[len(srv.base):]
    c = srv.client()
    r = c.get(token_path)
    assert r.status_code == 200 and 'name="password2"' in r.text
    r = c.post(token_path, {"username": "eerstebeheer", "password": PASSWORD, "password2": PASSWORD})
    assert r.status_code == 303, r.text[:500]
    assert "kring_session" in c.s.cookies
    c.csrf = None
    r = c.get("/admin")
    assert r.status_code == 200, r.status_code
    # The link is single-use.
    c2 = srv.client()
    assert c2.get(token_path).status_code == 404
    r = c2.post(token_path, {"username": "tweedebeheer", "password": PASSWORD, "password2": PASSWORD})
    assert r.status_code == 404
    assert "tweedebeheer" not in srv.cli("user", "list").stdout
    # A bogus setup token is refused too.
    assert c2.get("/setup/" + "0" * 64).status_code == 404
    srv.assert_clean_stop()


def test_restart_with_admin_prints_no_setup_link(start_server):
    srv = start_server()
    srv.add_user("beheerder", role="admin")
    srv.assert_clean_stop()
    srv2 = start_server(data=srv.data)
    assert requests.get(srv2.base + "/healthz").status_code == 200
    assert "/setup/" not in srv2.stdout()
    srv2.assert_clean_stop()


# ---- 2. registration -------------------------------------------------------

def test_register_with_cli_invite(server):
    link, token = server.invite_link()
    assert link.startswith(server.base + "/register?invite=")
    c = server.client()
    r = c.get("/register?invite=" + token)
    assert r.status_code == 200
    name = uniq("reg")
    r = register(c, token, name)
    assert r.status_code == 303, r.text[:500]
    c.csrf = None
    assert logged_in(c)
    # Used invitation is refused.
    c2 = server.client()
    r = register(c2, token, uniq("reg"))
    assert 400 <= r.status_code < 500
    assert "kring_session" not in c2.s.cookies
    # And the account can log in again.
    server.login(name)


def test_register_refused_without_or_with_bogus_invite(server):
    c = server.client()
    before = server.cli("user", "list").stdout
    n1, n2 = uniq("noinv"), uniq("bogus")
    r = register(c, None, n1)
    assert 400 <= r.status_code < 500
    r = register(c, "deadbeef" * 8, n2)
    assert 400 <= r.status_code < 500
    after = server.cli("user", "list").stdout
    assert n1 not in after and n2 not in after
    assert "kring_session" not in c.s.cookies
    assert len(after.splitlines()) == len(before.splitlines())


def test_register_password_rules(server):
    _, token = server.invite_link()
    c = server.client()
    r = register(c, token, uniq("pw"), pw="kort", pw2="kort")
    assert 400 <= r.status_code < 500 or (r.status_code == 200 and 'class="error"' in r.text)
    r = register(c, token, uniq("pw"), pw=PASSWORD, pw2=PASSWORD + "x")
    assert 400 <= r.status_code < 500 or (r.status_code == 200 and 'class="error"' in r.text)
    r = register(c, token, "Bad Name!")
    assert 400 <= r.status_code < 500 or (r.status_code == 200 and 'class="error"' in r.text)
    # The invitation was not consumed by the failed attempts.
    r = register(c, token, uniq("pw"))
    assert r.status_code == 303


def test_admin_invite_and_open_registration(server, admin):
    r = admin.post("/admin/invites", {"role": "member"})
    if r.status_code == 303:
        r = admin.get(r.headers["Location"])
    assert r.status_code == 200
    m = re.search(r'<input id="link" readonly value="([^"]+)"', r.text)
    assert m, r.text[-1500:]
    token = re.search(r"invite=([0-9A-Za-z_-]+)", m.group(1)).group(1)
    c = server.client()
    assert register(c, token, uniq("adm")).status_code == 303

    # Open registration.
    r = admin.post("/admin/site", {"site_name": "kring", "site_description": "test",
                                    "registration": "open"})
    assert r.status_code == 303
    try:
        c = server.client()
        r = c.get("/register")
        assert r.status_code == 200 and 'name="password2"' in r.text
        assert register(c, None, uniq("open")).status_code == 303
    finally:
        r = admin.post("/admin/site", {"site_name": "kring", "site_description": "test",
                                        "registration": "invite"})
        assert r.status_code == 303
    c = server.client()
    assert 400 <= register(c, None, uniq("closed")).status_code < 500


def test_non_admin_cannot_use_admin(server, alice):
    assert alice.get("/admin").status_code in (403, 404)
    r = alice.post("/admin/invites", {"role": "member"})
    assert r.status_code in (403, 404)
    r = alice.post("/admin/users/%s/role" % alice.name, {"role": "admin"})
    assert r.status_code in (403, 404)
    assert alice.get("/admin").status_code in (403, 404)


# ---- login / logout -------------------------------------------------------

def test_login_logout(server):
    name = server.add_user()
    c = server.client()
    r = c.get("/login")
    assert r.status_code == 200 and c.csrf
    assert r.cookies.get("kring_csrf") == c.csrf
    r = c.post("/login", {"username": name, "password": "verkeerd-wachtwoord", "next": "/"})
    assert_error_page(r, 401) if 'class="error"' in r.text else None
    assert r.status_code == 401
    c.login(name)
    assert logged_in(c)
    r = c.post("/logout", {})
    assert r.status_code == 303
    c.csrf = None
    assert not logged_in(c)
    assert c.get("/notifications").status_code in (303, 401, 403)


def test_login_next_redirect_is_local(server):
    name = server.add_user()
    c = server.client()
    c.ensure_csrf()
    r = c.post("/login", {"username": name, "password": PASSWORD, "next": "https://evil.example/"})
    assert r.status_code == 303
    loc = r.headers["Location"]
    assert not re.match(r"^(https?:)?//", loc) or loc.startswith(server.base), loc


def test_session_cookie_flags(server):
    name = server.add_user()
    c = server.client()
    c.ensure_csrf()
    r = c.post("/login", {"username": name, "password": PASSWORD, "next": "/"})
    sc = r.headers.get("Set-Cookie", "")
    assert "kring_session=" in sc
    assert "HttpOnly" in sc
    assert "SameSite=Lax" in sc


def test_password_change_ends_other_sessions(server):
    name = server.add_user()
    a = server.login(name)
    b = server.login(name)
    a.get("/settings/password")
    r = a.post("/settings/password", {"old_password": "helemaal-fout-123", "password": "nieuw-wachtwoord-9",
                                      "password2": "nieuw-wachtwoord-9"})
    assert r.status_code != 303 or "error" in a.get(r.headers["Location"]).text
    # old password still works
    server.login(name)
    r = a.post("/settings/password", {"old_password": PASSWORD, "password": "nieuw-wachtwoord-9",
                                      "password2": "nieuw-wachtwoord-9"})
    assert r.status_code == 303, r.text[:500]
    a.csrf = None
    assert logged_in(a), "the session that changed the password stays logged in"
    b.csrf = None
    assert not logged_in(b), "other sessions must end after a password change"
    server.client().login(name, PASSWORD, expect=401)
    server.login(name, "nieuw-wachtwoord-9")


def test_cli_reset_link_works_once(server):
    name = server.add_user()
    other = server.login(name)
    link = server.reset_link(name)
    path = link[len(server.base):] if link.startswith(server.base) else re.sub(r"^https?://[^/]+", "", link)
    c = server.client()
    assert c.get(path).status_code == 200
    r = c.post(path, {"password": "na-reset-wachtw1", "password2": "na-reset-wachtw1"})
    assert r.status_code == 303, r.text[:400]
    server.login(name, "na-reset-wachtw1")
    server.client().login(name, PASSWORD, expect=401)
    c2 = server.client()
    assert c2.get(path).status_code == 404
    r = c2.post(path, {"password": "nog-een-wachtw2", "password2": "nog-een-wachtw2"})
    assert r.status_code == 404
    server.client().login(name, "nog-een-wachtw2", expect=401)
    other.csrf = None
    assert not logged_in(other), "a password reset must end existing sessions"


def test_admin_reset_link(server, admin):
    name = server.add_user()
    r = admin.post("/admin/users/%s/reset" % name, {})
    if r.status_code == 303:
        r = admin.get(r.headers["Location"])
    assert r.status_code == 200
    m = re.search(r"(/reset/[0-9A-Za-z_-]+)", r.text)
    assert m, r.text[-1500:]
    c = server.client()
    assert c.get(m.group(1)).status_code == 200
    r = c.post(m.group(1), {"password": "beheer-reset-1", "password2": "beheer-reset-1"})
    assert r.status_code == 303
    server.login(name, "beheer-reset-1")
    assert server.client().get(m.group(1)).status_code == 404


def test_admin_role_change(server, admin):
    name = server.add_user()
    r = admin.post("/admin/users/%s/role" % name, {"role": "moderator"})
    assert r.status_code == 303
    assert re.search(r"%s\s.*moderator" % name, server.cli("user", "list").stdout)
    r = admin.post("/admin/users/%s/role" % name, {"role": "koning"})
    assert 400 <= r.status_code < 500
    # The list is paged by name, 100 at a time (the session's server holds
    # more people than that by now): ask for the page that starts at it.
    r = admin.get("/admin/users", params={"after": name[:-1]})
    assert r.status_code == 200 and name in r.text


def test_login_rate_limit_per_account(start_server):
    """Wrong passwords make this address wait before the next try: free at
    first, then 1, 2, 4 ... seconds (never a lock-out; see test_auth_security)."""
    srv = start_server()
    name = srv.add_user("slachtoffer")
    c = srv.client()
    codes = []
    for _ in range(7):
        r = c.post("/login", {"username": name, "password": "verkeerd-wachtwoord", "next": "/"})
        codes.append(r.status_code)
    assert codes[:3] == [401] * 3, codes
    assert 429 in codes[3:] and set(codes) <= {401, 429}, codes
    # After a fresh failure even the right password waits (2 s or more from
    # that failure, so still at least 1 s now).
    while True:
        r = c.post("/login", {"username": name, "password": "verkeerd-wachtwoord", "next": "/"})
        if r.status_code == 401:
            break
        assert r.status_code == 429 and 1 <= int(r.headers["Retry-After"]) <= 60
        time.sleep(int(r.headers["Retry-After"]))
    r = c.post("/login", {"username": name, "password": PASSWORD, "next": "/"})
    assert r.status_code == 429 and 1 <= int(r.headers["Retry-After"]) <= 60, r.headers
    # Another account is not limited by this one.
    srv.add_user("ander")
    srv.login("ander")
    srv.assert_clean_stop()


def test_login_rate_limit_per_address(start_server):
    srv = start_server()
    names = [srv.add_user("u%02d" % i) for i in range(6)]
    c = srv.client()
    codes = []
    # Never more than CORE_LOGIN_FREE_TRIES (3) failures on one account, so
    # no account's growing wait answers 429 first (a wait is not a failure,
    # and how many there are would depend on the machine's speed): two tries
    # on each real account, then names nobody has.
    for i in range(22):
        name = names[i % 6] if i < 12 else "onbekend%d" % i
        r = c.post("/login", {"username": name, "password": "verkeerd-wachtwoord", "next": "/"})
        codes.append(r.status_code)
    assert codes[:20] == [401] * 20, codes
    assert codes[20:] == [429, 429], codes
    srv.assert_clean_stop()


def test_setup_link_dead_once_admin_exists(start_server):
    """The printed setup link is only for the very first admin."""
    srv = start_server()
    link = srv.setup_link()
    assert link
    srv.add_user("cliadmin", role="admin")
    path = link[len(srv.base):]
    c = srv.client()
    c.get("/")
    r = c.post(path, {"username": "tweedeadmin", "password": PASSWORD, "password2": PASSWORD})
    assert r.status_code == 404, "setup link still creates an admin after one exists (%d)" % r.status_code
    srv.assert_clean_stop()


def test_logout_invalidates_session_server_side(server):
    name = server.add_user()
    c = server.login(name)
    cookie = c.s.cookies.get("kring_session")
    assert c.post("/logout", {}).status_code == 303
    replay = Client(server.base)
    replay.s.cookies.set("kring_session", cookie)
    r = replay.get("/")
    assert 'action="/logout"' not in r.text, "old session cookie still works after logout"


def test_password_change_mismatch_and_short(server):
    name = server.add_user()
    c = server.login(name)
    c.get("/settings/password")
    for pw, pw2 in (("nieuw-wachtwoord-9", "anders-wachtwoord-9"), ("kort", "kort")):
        r = c.post("/settings/password", {"old_password": PASSWORD, "password": pw, "password2": pw2})
        assert r.status_code != 303 or 'class="error"' in c.get(r.headers["Location"]).text
    server.login(name)


def test_invite_with_role(server):
    _, token = server.invite_link(role="moderator")
    c = server.client()
    name = uniq("mod")
    r = register(c, token, name)
    assert r.status_code == 303
    assert re.search(r"%s\s.*moderator" % name, server.cli("user", "list").stdout)


def test_bogus_session_cookie(server):
    c = Client(server.base)
    c.s.cookies.set("kring_session", "x" * 5000)
    r = c.get("/")
    assert r.status_code in (200, 400)
    c.s.cookies.set("kring_session", "\x7f\x01")
    assert c.get("/healthz").status_code == 200
