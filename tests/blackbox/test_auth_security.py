"""Security review (issue 11): passwords and tokens, login delays instead of
lock-outs, trusted proxies, redirect URIs, token revocation by public
clients, and rate limits on app registration and group creation.

Requests that must come from "another address" bind their socket to another
loopback address (127.0.11.x: the whole 127.0.0.0/8 is local on Linux)."""
import base64
import hashlib
import re
import secrets
import time
import urllib.parse

import requests
from requests.adapters import HTTPAdapter

from conftest import PASSWORD, Client, uniq

OOB = "urn:ietf:wg:oauth:2.0:oob"


class SourceAdapter(HTTPAdapter):
    """Send from a chosen local address, so the server sees another client."""

    def __init__(self, src, **kw):
        self.src = src
        super().__init__(**kw)

    def init_poolmanager(self, *a, **kw):
        kw["source_address"] = (self.src, 0)
        super().init_poolmanager(*a, **kw)


def session_from(src):
    s = requests.Session()
    s.mount("http://", SourceAdapter(src))
    return s


def client_from(server, src):
    c = Client(server.base)
    c.s.mount("http://", SourceAdapter(src))
    return c


# Apps come from their own address: registration is limited per address,
# and the shared test server's 127.0.0.1 is left to the other test files.
APP_SRC = "127.0.11.20"


def make_app(server, s=None, redirect=OOB, scopes="read write"):
    r = (s or session_from(APP_SRC)).post(server.base + "/api/v1/apps", data={
        "client_name": "sectest", "redirect_uris": redirect, "scopes": scopes}, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()


def password_grant(server, app, name, password=PASSWORD, s=None):
    return (s or requests).post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": password, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read"}, timeout=30)


def token_for(server, name, password=PASSWORD):
    r = password_grant(server, make_app(server), name, password)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def me(server, tok):
    return requests.get(server.base + "/api/v1/accounts/verify_credentials",
                        headers={"Authorization": "Bearer " + tok}, timeout=10).status_code


def logged_in(c):
    c.csrf = None
    r = c.get("/")
    return r.status_code == 200 and 'action="/logout"' in r.text


def wrong_login(c, name):
    return c.post("/login", {"username": name, "password": "helemaal-verkeerd-1", "next": "/"})


# ---- #10 a password change or reset ends every token and other session -----

def test_password_change_revokes_tokens(server):
    name = server.add_user()
    tok, tok2 = token_for(server, name), token_for(server, name)
    a, b = server.login(name), server.login(name)
    assert me(server, tok) == 200 and me(server, tok2) == 200
    # An approved but not yet exchanged code, and a reset link made earlier.
    redirect = "http://127.0.0.1:9/cb"
    app = make_app(server, redirect=redirect, scopes="read")
    code, verifier = pkce_code(server, app, redirect, name, b)
    reset = re.sub(r"^https?://[^/]+", "", server.reset_link(name))
    a.get("/settings/password")
    r = a.post("/settings/password", {"old_password": PASSWORD, "password": "nieuw-wachtwoord-9",
                                      "password2": "nieuw-wachtwoord-9"})
    assert r.status_code == 303, r.text[:500]
    assert me(server, tok) == 401 and me(server, tok2) == 401, "tokens must end with a password change"
    assert logged_in(a), "the session that changed the password stays logged in"
    assert not logged_in(b), "other sessions end"
    assert exchange(server, app, redirect, code, verifier).status_code == 400, "codes end too"
    assert server.client().get(reset).status_code == 404, "earlier reset links end too"
    # A token made after the change works.
    assert me(server, token_for(server, name, "nieuw-wachtwoord-9")) == 200


def test_reset_link_revokes_tokens(server, admin):
    name = server.add_user()
    tok = token_for(server, name)
    other = server.login(name)
    for link in (server.reset_link(name), None):
        if link is None:
            # The administrator's page makes the same kind of link.
            tok = token_for(server, name, "na-reset-wachtw1")
            r = admin.post("/admin/users/%s/reset" % name, {})
            page = admin.get(r.headers["Location"]).text if r.status_code == 303 else r.text
            link = re.search(r"(/reset/[0-9A-Za-z_-]+)", page).group(1)
            pw = "na-reset-wachtw2"
        else:
            pw = "na-reset-wachtw1"
        path = re.sub(r"^https?://[^/]+", "", link)
        c = server.client()
        assert c.get(path).status_code == 200
        assert me(server, tok) == 200
        r = c.post(path, {"password": pw, "password2": pw})
        assert r.status_code == 303, r.text[:400]
        assert me(server, tok) == 401, "a reset must end the account's tokens"
    assert not logged_in(other)


def test_cli_passwd_revokes_tokens_and_sessions(server):
    name = server.add_user()
    tok = token_for(server, name)
    c = server.login(name)
    server.cli("user", "passwd", name, "--password", "cli-wachtwoord-7")
    assert me(server, tok) == 401
    assert not logged_in(c)


# ---- #13 growing delays, not a fifteen-minute lock-out ----------------------

def test_wrong_passwords_do_not_lock_the_owner_out(start_server):
    srv = start_server()
    name = srv.add_user("eigenaar")
    attacker = client_from(srv, "127.0.11.2")
    codes = [wrong_login(attacker, name).status_code for _ in range(8)]
    assert set(codes) <= {401, 429} and 429 in codes, codes
    for _ in range(5):  # a wait may just have ended: the next failure starts a longer one
        r = wrong_login(attacker, name)
        if r.status_code == 429:
            break
    assert r.status_code == 429
    wait = int(r.headers.get("Retry-After", "0"))
    assert 1 <= wait <= 60, r.headers
    assert "Probeer het over %d seconde" % wait in r.text, r.text[-1500:]
    # The owner, from their own address, gets in at once.
    owner = client_from(srv, "127.0.11.3")
    owner.login(name)
    # The same for the password grant of the API.
    app = make_app(srv)
    s = session_from("127.0.11.4")
    codes = [password_grant(srv, app, name, "fout-fout-fout-1", s).status_code for _ in range(8)]
    assert set(codes) <= {400, 429} and 429 in codes, codes
    for _ in range(5):
        r = password_grant(srv, app, name, "fout-fout-fout-1", s)
        if r.status_code == 429:
            break
    assert r.status_code == 429 and 1 <= int(r.headers["Retry-After"]) <= 60 and r.json()["error"], r.text
    r = password_grant(srv, app, name, PASSWORD, session_from("127.0.11.5"))
    assert r.status_code == 200, r.text
    srv.assert_clean_stop()


def test_same_address_waits_then_logs_in(start_server):
    srv = start_server()
    name = srv.add_user("vergeetachtig")
    c = client_from(srv, "127.0.11.6")
    fails = 0
    deadline = time.time() + 60
    while fails < 5 and time.time() < deadline:
        r = wrong_login(c, name)
        if r.status_code == 401:
            fails += 1
        else:
            assert r.status_code == 429, r.status_code
            time.sleep(int(r.headers["Retry-After"]))
    assert fails == 5
    r = c.post("/login", {"username": name, "password": PASSWORD, "next": "/"})
    if r.status_code == 429:
        wait = int(r.headers["Retry-After"])
        assert wait <= 60
        time.sleep(wait)
        r = c.post("/login", {"username": name, "password": PASSWORD, "next": "/"})
    assert r.status_code == 303, r.status_code
    # A success starts the count again: one mistake costs no wait.
    c2 = client_from(srv, "127.0.11.6")
    assert wrong_login(c2, name).status_code == 401
    c2.login(name)
    srv.assert_clean_stop()


def test_forwarded_for_is_ignored_without_trusted_proxy(start_server):
    srv = start_server()
    name = srv.add_user("achterproxy")
    c = client_from(srv, "127.0.11.7")
    codes = []
    for i in range(25):
        r = c.post("/login", {"username": uniq("niemand"), "password": "x" * 12, "next": "/"},
                   headers={"X-Forwarded-For": "203.0.113.%d" % i})
        codes.append(r.status_code)
    assert codes[-1] == 429 and codes.count(401) <= 20, codes
    # The address waits until its oldest failure is 15 minutes old, and is told so.
    assert 60 < int(r.headers["Retry-After"]) <= 900 and "minuten opnieuw" in r.text, r.headers
    # A made-up X-Forwarded-For does not get this address out of its limit.
    r = c.post("/login", {"username": name, "password": PASSWORD, "next": "/"},
               headers={"X-Forwarded-For": "198.51.100.7"})
    assert r.status_code == 429
    # Another address is not limited by this one.
    client_from(srv, "127.0.11.8").login(name)
    srv.assert_clean_stop()


def test_forwarded_for_from_trusted_proxy(start_server, monkeypatch):
    monkeypatch.setenv("KRING_TRUSTED_PROXIES", "127.0.11.9, 10.0.0.0/8")
    srv = start_server()
    name = srv.add_user("achterproxy")
    proxy = client_from(srv, "127.0.11.9")
    codes = []
    for i in range(25):
        r = proxy.post("/login", {"username": uniq("niemand"), "password": "x" * 12, "next": "/"},
                       headers={"X-Forwarded-For": "203.0.113.5"})
        codes.append(r.status_code)
    assert codes[-1] == 429 and codes.count(401) <= 20, codes
    # Everyone behind the proxy is not one client: another client logs in.
    r = proxy.post("/login", {"username": name, "password": PASSWORD, "next": "/"},
                   headers={"X-Forwarded-For": "198.51.100.7"})
    assert r.status_code == 303, r.status_code
    # The client is the address the trusted proxies got it from (right to
    # left, skipping trusted ones); a spoofed left part does not help.
    proxy2 = client_from(srv, "127.0.11.9")
    r = proxy2.post("/login", {"username": name, "password": PASSWORD, "next": "/"},
                    headers={"X-Forwarded-For": "198.51.100.9, 203.0.113.5, 10.1.2.3"})
    assert r.status_code == 429, r.status_code
    # From an address that is not a trusted proxy the header means nothing.
    other = client_from(srv, "127.0.11.10")
    r = other.post("/login", {"username": name, "password": PASSWORD, "next": "/"},
                   headers={"X-Forwarded-For": "203.0.113.5"})
    assert r.status_code == 303, r.status_code
    srv.assert_clean_stop()


# ---- #18 redirect URIs -----------------------------------------------------

BAD_URIS = ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>x</script>",
            "vbscript:msgbox(1)", "file:///etc/passwd", "blob:https://app.example/1", "about:blank",
            "http://app.example/callback", "http://127.0.0.1.evil.example/cb", "http://localhost@evil.example/",
            "http://localhost.evil.example/", "https://", "https:///path", "urn:other:thing", "tusky:",
            "1app://cb", "https://ok.example/cb\njavascript:alert(1)"]
GOOD_URIS = [OOB, "https://app.example/callback?x=1", "http://127.0.0.1:9/cb", "http://127.1.2.3/cb",
             "http://localhost:8080/cb", "http://localhost", "http://[::1]:7/cb", "tusky://oauth",
             "com.example.app:/cb", "https://ok.example/cb\ntusky://oauth"]


def test_redirect_uri_schemes(server):
    s = session_from("127.0.11.11")
    for uri in BAD_URIS:
        r = s.post(server.base + "/api/v1/apps", data={"client_name": "x", "redirect_uris": uri}, timeout=10)
        assert r.status_code == 422, (uri, r.status_code, r.text)
        assert r.json()["error"]
    for uri in GOOD_URIS:
        r = s.post(server.base + "/api/v1/apps", data={"client_name": "x", "redirect_uris": uri}, timeout=10)
        assert r.status_code == 200, (uri, r.status_code, r.text)


# ---- #20 revocation by a public (PKCE) client ------------------------------

def pkce_code(server, app, redirect, name, c=None):
    """Approve the app on the consent page: (code, verifier)."""
    c = c or server.login(name)
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    q = {"client_id": app["client_id"], "redirect_uri": redirect, "response_type": "code", "scope": "read",
         "code_challenge": challenge, "code_challenge_method": "S256"}
    page = c.get("/oauth/authorize?" + urllib.parse.urlencode(q))
    assert page.status_code == 200, page.text[:500]
    form = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', page.text))
    form = {k: v.replace("&amp;", "&") for k, v in form.items()}
    form["decision"] = "approve"
    r = c.post("/oauth/authorize", form, csrf=False)
    assert r.status_code in (302, 303), r.text[:500]
    return urllib.parse.parse_qs(urllib.parse.urlparse(r.headers["Location"]).query)["code"][0], verifier


def exchange(server, app, redirect, code, verifier):
    return requests.post(server.base + "/oauth/token", data={
        "grant_type": "authorization_code", "code": code, "client_id": app["client_id"], "redirect_uri": redirect,
        "code_verifier": verifier}, timeout=10)


def pkce_token(server, app, redirect, name):
    r = exchange(server, app, redirect, *pkce_code(server, app, redirect, name))
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def test_public_client_revokes_its_token_without_secret(server):
    redirect = "http://127.0.0.1:9/cb"
    name = server.add_user()
    app, other = make_app(server, redirect=redirect, scopes="read"), make_app(server)
    tok = pkce_token(server, app, redirect, name)
    assert me(server, tok) == 200
    # Another client cannot revoke it (the answer tells nothing either way).
    r = requests.post(server.base + "/oauth/revoke", data={"client_id": other["client_id"], "token": tok},
                      timeout=10)
    assert r.status_code == 200
    assert me(server, tok) == 200
    # A wrong secret is still wrong.
    r = requests.post(server.base + "/oauth/revoke", data={"client_id": app["client_id"], "client_secret": "0" * 64,
                      "token": tok}, timeout=10)
    assert r.status_code == 401 and me(server, tok) == 200
    # The client it was issued to revokes it with its client_id alone (RFC 7009).
    r = requests.post(server.base + "/oauth/revoke", data={"client_id": app["client_id"], "token": tok}, timeout=10)
    assert r.status_code == 200, r.text
    assert me(server, tok) == 401


# ---- #19 probing secret group names; rate limits -----------------------------

def try_group(c, name, kind="open"):
    return c.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "", "rules": "",
                              "kind": kind, "premod": "none"})


def test_taken_group_names_all_answer_alike(server):
    owner, prober = server.new_user(prefix="gown"), server.new_user(prefix="gprb")
    secret, open_ = uniq("geheim"), uniq("open")
    assert try_group(owner, secret, "secret").status_code == 303
    assert try_group(owner, open_, "open").status_code == 303
    answers = []
    # A secret group's name, an open group's name and an account's name:
    # the same answer, so the answer does not tell a secret group exists.
    for taken in (secret, open_, owner.name):
        r = try_group(prober, taken)
        msg = re.search(r'class="error"[^>]*>([^<]*)<', r.text)
        answers.append((r.status_code, msg and msg.group(1).strip()))
    assert answers[0] == answers[1] == answers[2], answers
    assert answers[0][0] == 409 and answers[0][1], answers
    assert "/g/" + owner.name not in str(prober.get("/groups").text)


def test_group_creation_is_rate_limited(server):
    c = server.new_user(prefix="gmaker")
    codes = [try_group(c, uniq("veel")).status_code for _ in range(25)]
    assert 429 in codes, codes
    first = codes.index(429)
    assert all(x == 303 for x in codes[:first]) and all(x == 429 for x in codes[first:]), codes
    r = try_group(c, uniq("veel"))
    assert r.status_code == 429 and "Probeer het" in r.text
    # Probing taken names counts as well: it cannot go on without end.
    # Another account is not limited by this one.
    assert try_group(server.new_user(prefix="gother"), uniq("een")).status_code == 303


def test_app_registration_is_rate_limited(start_server):
    server = start_server()
    s = session_from("127.0.11.12")
    codes = []
    for _ in range(300):
        r = s.post(server.base + "/api/v1/apps", data={"client_name": "veel", "redirect_uris": OOB}, timeout=10)
        codes.append(r.status_code)
        if r.status_code != 200:
            break
    assert codes[-1] == 429, codes[-3:]
    assert 1 <= int(r.headers["Retry-After"]) and r.json()["error"]
    # Another address still registers apps.
    assert session_from("127.0.11.13").post(server.base + "/api/v1/apps", data={
        "client_name": "ander", "redirect_uris": OOB}, timeout=10).status_code == 200


def test_bad_trusted_proxies_refuse_to_start(start_server, monkeypatch):
    """A typo in trusted_proxies must not go unnoticed (or trust everyone)."""
    monkeypatch.setenv("KRING_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/33")
    try:
        start_server()
    except RuntimeError as e:
        assert "trusted_proxies" in str(e)
    else:
        raise AssertionError("kring started with a bad trusted_proxies")
