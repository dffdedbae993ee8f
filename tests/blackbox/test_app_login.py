"""Logging in from an app, as the app's browser tab meets it: no session,
the authorize URL Mastodon.py builds (auth_request_url), the login form (or
registration by invitation, or a password reset by e-mail started there),
the consent page, the code at the redirect URI, a working token.  The whole
authorize request (path and query) survives every step; `next` stays a
local path."""
import html
import re
import urllib.parse

import requests
from mastodon import Mastodon

from conftest import PASSWORD, uniq
from test_passwords import body_of, mail_server, set_email  # noqa: F401 (fixture)

REDIRECT = "http://127.0.0.1:9/callback"
SCOPES = ["read", "write", "follow"]


def hidden(page, name):
    m = re.search(r'<input type="hidden" name="%s" value="([^"]*)"' % name, page)
    return html.unescape(m.group(1)) if m else None


def link_with(page, path):
    m = re.search(r'href="(%s[^"]*)"' % re.escape(path), page)
    assert m, "no link to %s in the page" % path
    return html.unescape(m.group(1))


def local(loc):
    """The path and query of a Location header (absolute or not)."""
    u = urllib.parse.urlsplit(loc)
    return u.path + ("?" + u.query if u.query else "")


def same_request(a, b):
    """The same path and the same arguments (encodings may differ)."""
    ua, ub = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    return ua.path == ub.path and urllib.parse.parse_qs(ua.query) == urllib.parse.parse_qs(ub.query)


def new_app(base):
    cid, secret = Mastodon.create_app("Tusky (test)", scopes=SCOPES, redirect_uris=REDIRECT, api_base_url=base)
    m = Mastodon(client_id=cid, client_secret=secret, api_base_url=base)
    url = m.auth_request_url(redirect_uris=REDIRECT, scopes=SCOPES, state="s t&a=te")
    assert url.startswith(base + "/oauth/authorize?")
    return m, url


def to_login(c, url):
    """No session: the authorize URL sends the tab to the login page, which
    carries the whole request as `next`."""
    r = c.get(url)
    assert r.status_code in (302, 303), (r.status_code, r.text[:300])
    login = local(r.headers["Location"])
    assert login.startswith("/login?next=")
    page = c.get(login)
    assert page.status_code == 200
    nxt = hidden(page.text, "next")
    assert same_request(nxt, local(url)), (nxt, local(url))
    return page.text, nxt


def consent_and_token(c, m, nxt, username):
    """From the authorize page (the `next` the login sent us to) to a token."""
    page = c.get(nxt)
    assert page.status_code == 200, (page.status_code, page.text[:300])
    assert "Tusky (test)" in page.text
    form = {k: hidden(page.text, k) for k in ("client_id", "redirect_uri", "scope", "state", "code_challenge",
                                               "code_challenge_method")}
    assert form["state"] == "s t&a=te" and form["redirect_uri"] == REDIRECT
    form["decision"] = "approve"
    r = c.post("/oauth/authorize", form)
    assert r.status_code in (302, 303), r.text[:300]
    loc = urllib.parse.urlsplit(r.headers["Location"])
    assert loc.scheme + "://" + loc.netloc + loc.path == REDIRECT
    q = urllib.parse.parse_qs(loc.query)
    assert q["state"] == ["s t&a=te"]
    token = m.log_in(code=q["code"][0], redirect_uri=REDIRECT, scopes=SCOPES)
    me = Mastodon(access_token=token, api_base_url=m.api_base_url).account_verify_credentials()
    assert me["username"] == username


def test_app_login_without_a_session(server):
    name = server.add_user(uniq("app"))
    m, url = new_app(server.base)
    c = server.client()
    page, nxt = to_login(c, url)
    r = c.post("/login", {"username": name, "password": PASSWORD, "next": nxt})
    assert r.status_code == 303 and local(r.headers["Location"]) == nxt
    consent_and_token(c, m, nxt, name)


def test_app_login_wrong_password_first_keeps_the_request(server):
    name = server.add_user(uniq("app"))
    m, url = new_app(server.base)
    c = server.client()
    page, nxt = to_login(c, url)
    r = c.post("/login", {"username": name, "password": "niet-het-goede-1", "next": nxt})
    assert r.status_code == 401 and hidden(r.text, "next") == nxt
    r = c.post("/login", {"username": name, "password": PASSWORD, "next": hidden(r.text, "next")})
    assert r.status_code == 303 and local(r.headers["Location"]) == nxt
    consent_and_token(c, m, nxt, name)


def test_app_login_through_registration_by_invitation(server):
    m, url = new_app(server.base)
    _, code = server.invite_link()
    c = server.client()
    page, nxt = to_login(c, url)
    # "Nog geen account?" on the login page keeps the request ...
    reg = link_with(page, "/register")
    page = c.get(reg)
    assert page.status_code == 200
    # ... registration is by invitation here: the code goes in on that page.
    assert hidden(page.text, "next") == nxt and 'name="invite"' in page.text
    page = c.get("/register", params={"invite": code, "next": nxt})
    assert page.status_code == 200 and hidden(page.text, "next") == nxt and hidden(page.text, "invite") == code
    name = uniq("nieuw")
    r = c.post("/register", {"username": name, "password": PASSWORD, "password2": PASSWORD, "invite": code,
                             "next": hidden(page.text, "next")})
    assert r.status_code == 303 and local(r.headers["Location"]) == nxt
    consent_and_token(c, m, nxt, name)


def test_app_login_invitation_link_pasted_whole(server):
    m, url = new_app(server.base)
    link, code = server.invite_link()
    c = server.client()
    page, nxt = to_login(c, url)
    page = c.get(link_with(page, "/register"))
    r = c.get("/register", params={"invite": link, "next": nxt})
    assert r.status_code == 200 and hidden(r.text, "invite") == code and hidden(r.text, "next") == nxt


def test_app_login_through_a_password_reset_by_mail(mail_server):
    srv = mail_server
    name = srv.add_user(uniq("mail"))
    c = srv.login(name)
    set_email(c, name + "@example.nl")
    m, url = new_app(srv.base)
    tab = srv.client()
    page, nxt = to_login(tab, url)
    forgot = link_with(page, "/forgot")
    page = tab.get(forgot)
    assert page.status_code == 200 and hidden(page.text, "next") == nxt
    r = tab.post("/forgot", {"email": name + "@example.nl", "next": nxt})
    assert r.status_code == 200
    msgs = srv.sink.wait(1)
    assert len(msgs) == 1
    link = re.search(r"(https?://\S+/reset/\S+)", body_of(msgs[0][2])).group(1)
    page = tab.get(link)
    assert page.status_code == 200
    r = tab.post(local(link), {"password": "nieuw-wachtwoord-12", "password2": "nieuw-wachtwoord-12",
                               "next": hidden(page.text, "next") or ""})
    assert r.status_code == 303
    page = tab.get(local(r.headers["Location"]))
    assert page.status_code == 200 and hidden(page.text, "next") == nxt
    r = tab.post("/login", {"username": name, "password": "nieuw-wachtwoord-12", "next": hidden(page.text, "next")})
    assert r.status_code == 303 and local(r.headers["Location"]) == nxt
    consent_and_token(tab, m, nxt, name)
    srv.assert_clean_stop()


EVIL = ["//evil.example/x", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
        "javascript:alert(1)", "/\t/evil.example", "evil.example"]


def test_next_never_leaves_the_site(server):
    name = server.add_user(uniq("nx"))
    for bad in EVIL:
        c = server.client()
        for path in ("/login", "/register", "/forgot"):
            page = c.get(path, params={"next": bad})
            assert hidden(page.text, "next") in (None, "/"), (path, bad)
        r = c.post("/login", {"username": name, "password": PASSWORD, "next": bad})
        # a client lands on their home (/thuis), never elsewhere
        assert r.status_code == 303 and urllib.parse.urlsplit(r.headers["Location"]).path == "/thuis", (bad, r.headers)
    # Registration with an unsafe next lands on the welcome page.
    _, code = server.invite_link()
    c = server.client()
    c.ensure_csrf()
    r = c.post("/register", {"username": uniq("ev"), "password": PASSWORD, "password2": PASSWORD,
                             "invite": code, "next": "//evil.example/x"})
    assert r.status_code == 303 and local(r.headers["Location"]) == "/welcome"


def test_reset_link_with_unsafe_next_is_ignored(server):
    name = server.add_user(uniq("rs"))
    link = server.reset_link(name)
    c = server.client()
    page = c.get(link + "?next=//evil.example/x")
    assert page.status_code == 200 and hidden(page.text, "next") in (None, "/")
    r = c.post(local(link), {"password": "nieuw-wachtwoord-12", "password2": "nieuw-wachtwoord-12",
                             "next": "//evil.example/x"})
    assert r.status_code == 303 and "evil" not in r.headers["Location"]


def test_authorize_next_keeps_every_query_argument(server):
    m, url = new_app(server.base)
    r = requests.get(url + "&lang=en&force_login=false", allow_redirects=False, timeout=10)
    assert r.status_code in (302, 303)
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(r.headers["Location"]).query)
    nxt = urllib.parse.urlsplit(q["next"][0])
    assert nxt.path == "/oauth/authorize"
    args = urllib.parse.parse_qs(nxt.query)
    assert args["state"] == ["s t&a=te"] and args["redirect_uri"] == [REDIRECT] and "en" in args["lang"]
    assert args["client_id"] == [m.client_id] and args["response_type"] == ["code"]


def test_login_page_when_already_logged_in_goes_on_to_next(server):
    name = server.add_user(uniq("tab"))
    m, url = new_app(server.base)
    c = server.login(name)
    r = c.get("/login", params={"next": local(url)})
    assert r.status_code in (302, 303) and same_request(local(r.headers["Location"]), local(url))
    for bad in EVIL:
        r = c.get("/login", params={"next": bad})
        assert r.status_code in (302, 303) and local(r.headers["Location"]) == "/thuis", (bad, r.headers["Location"])
