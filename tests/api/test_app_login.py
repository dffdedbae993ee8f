"""An app's login as its browser tab meets it: no session, the authorize URL
Mastodon.py builds, the login form, consent, the code, a working token (the
request used to be lost at the login page: issue 14)."""
import html
import re
import urllib.parse

import requests
from mastodon import Mastodon

from conftest import PASSWORD

REDIRECT = "http://127.0.0.1:9/callback"


def hidden(page, name):
    m = re.search(r'<input type="hidden" name="%s" value="([^"]*)"' % name, page)
    return html.unescape(m.group(1)) if m else None


def test_auth_request_url_without_a_session(server):
    cid, secret = Mastodon.create_app("Ivory (test)", scopes=["read", "write"], redirect_uris=REDIRECT,
                                      api_base_url=server.base)
    m = Mastodon(client_id=cid, client_secret=secret, api_base_url=server.base)
    url = m.auth_request_url(redirect_uris=REDIRECT, scopes=["read", "write"], state="app-state-42")
    tab = requests.Session()
    r = tab.get(url, allow_redirects=False, timeout=10)
    assert r.status_code in (302, 303)
    page = tab.get(urllib.parse.urljoin(server.base, r.headers["Location"]), timeout=10).text
    nxt = hidden(page, "next")
    assert nxt.startswith("/oauth/authorize?") and "app-state-42" in nxt and cid in nxt
    r = tab.post(server.base + "/login", data={"csrf": hidden(page, "csrf"), "username": "carol",
                                               "password": PASSWORD, "next": nxt}, allow_redirects=False,
                 timeout=10)
    assert r.status_code == 303 and r.headers["Location"] == nxt
    page = tab.get(server.base + nxt, timeout=10)
    assert page.status_code == 200 and "Ivory (test)" in page.text
    form = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', page.text))
    form = {k: html.unescape(v) for k, v in form.items()}
    form["decision"] = "approve"
    r = tab.post(server.base + "/oauth/authorize", data=form, allow_redirects=False, timeout=10)
    assert r.status_code in (302, 303)
    loc = urllib.parse.urlsplit(r.headers["Location"])
    q = urllib.parse.parse_qs(loc.query)
    assert q["state"] == ["app-state-42"]
    token = m.log_in(code=q["code"][0], redirect_uri=REDIRECT, scopes=["read", "write"])
    assert Mastodon(access_token=token, api_base_url=server.base).account_verify_credentials()["username"] == "carol"
