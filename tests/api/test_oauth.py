"""OAuth 2 through the real pages, with Mastodon.py and by hand."""
import requests
from mastodon import Mastodon, MastodonAPIError, MastodonUnauthorizedError

from conftest import OOB, authorize, pkce_pair, web_login


def test_mastodon_py_oob_login(server):
    cid, secret = Mastodon.create_app("Mastodon.py test", scopes=["read", "write", "follow"],
                                      redirect_uris=OOB, api_base_url=server.base)
    m = Mastodon(client_id=cid, client_secret=secret, api_base_url=server.base)
    url = m.auth_request_url(scopes=["read", "write", "follow"], redirect_uris=OOB)
    assert url.startswith(server.base + "/oauth/authorize?")
    s = web_login(server.base, "alice")
    page = s.get(url, timeout=10)
    assert page.status_code == 200 and "Mastodon.py test" in page.text
    code = authorize(server.base, s, cid, OOB, "read write follow")
    token = m.log_in(code=code, scopes=["read", "write", "follow"])
    me = Mastodon(access_token=token, api_base_url=server.base).account_verify_credentials()
    assert me["username"] == "alice" and me["acct"] == "alice"
    assert isinstance(me["id"], int) or me["id"].isdigit()
    # The code was single use.
    r = requests.post(server.base + "/oauth/token", data={"grant_type": "authorization_code", "code": code,
                      "client_id": cid, "client_secret": secret, "redirect_uri": OOB}, timeout=10)
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant"


def test_pkce_redirect_flow_and_grant_errors(server):
    redirect = "http://127.0.0.1:9/callback"
    app = requests.post(server.base + "/api/v1/apps", json={"client_name": "pkce", "redirect_uris": [redirect],
                        "scopes": "read write"}, timeout=10).json()
    cid, secret = app["client_id"], app["client_secret"]
    s = web_login(server.base, "bob")
    verifier, challenge = pkce_pair()

    def exchange(code, **kw):
        data = {"grant_type": "authorization_code", "code": code, "client_id": cid, "redirect_uri": redirect,
                "code_verifier": verifier}
        data.update(kw)
        return requests.post(server.base + "/oauth/token", data=data, timeout=10)

    # Wrong verifier: no token, and the code is spent.
    code = authorize(server.base, s, cid, redirect, "read", challenge)
    r = exchange(code, code_verifier="x" * 50)
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant" and "error_description" in r.json()
    assert exchange(code).json()["error"] == "invalid_grant"
    # Mismatched redirect URI.
    code = authorize(server.base, s, cid, redirect, "read", challenge)
    r = exchange(code, redirect_uri="http://127.0.0.1:9/other")
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant"
    # Wrong secret.
    code = authorize(server.base, s, cid, redirect, "read", challenge)
    r = exchange(code, client_secret="0" * 64)
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"
    # The right way (public client, PKCE only).
    code = authorize(server.base, s, cid, redirect, "read", challenge)
    r = exchange(code)
    assert r.status_code == 200, r.text
    tok = r.json()
    assert tok["token_type"] == "Bearer" and tok["scope"] == "read"
    h = {"Authorization": "Bearer " + tok["access_token"]}
    assert requests.get(server.base + "/api/v1/accounts/verify_credentials", headers=h,
                        timeout=10).json()["username"] == "bob"
    # Read-only token may not post: 403 and nothing written.
    before = requests.get(server.base + "/api/v1/accounts/verify_credentials", headers=h,
                          timeout=10).json()["statuses_count"]
    r = requests.post(server.base + "/api/v1/statuses", headers=h, data={"status": "mag niet"}, timeout=10)
    assert r.status_code == 403 and "error" in r.json()
    assert requests.get(server.base + "/api/v1/accounts/verify_credentials", headers=h,
                        timeout=10).json()["statuses_count"] == before
    # Listed in settings, revoked there.
    page = s.get(server.base + "/settings/apps", timeout=10)
    assert "pkce" in page.text
    assert requests.get(server.base + "/api/v1/apps/verify_credentials", headers=h, timeout=10).json()[
        "name"] == "pkce"
    r = requests.post(server.base + "/oauth/revoke", data={"client_id": cid, "client_secret": secret,
                      "token": tok["access_token"]}, timeout=10)
    assert r.status_code == 200
    r = requests.get(server.base + "/api/v1/accounts/verify_credentials", headers=h, timeout=10)
    assert r.status_code == 401 and r.json()["error"]


def test_unknown_client_and_redirect_are_refused(server):
    s = web_login(server.base, "carol")
    r = s.get(server.base + "/oauth/authorize?client_id=nope&redirect_uri=" + OOB + "&response_type=code",
              timeout=10, allow_redirects=False)
    assert r.status_code == 400
    app = requests.post(server.base + "/api/v1/apps", data={"client_name": "x", "redirect_uris": OOB},
                        timeout=10).json()
    r = s.get(server.base + "/oauth/authorize", params={"client_id": app["client_id"], "response_type": "code",
              "redirect_uri": "https://evil.example/cb"}, timeout=10, allow_redirects=False)
    assert r.status_code == 400 and "Location" not in r.headers
    # Asking for more than the app registered.
    r = s.get(server.base + "/oauth/authorize", params={"client_id": app["client_id"], "response_type": "code",
              "redirect_uri": OOB, "scope": "write"}, timeout=10, allow_redirects=False)
    assert r.status_code == 400


def test_client_credentials_and_bad_tokens(server, app):
    r = requests.post(server.base + "/oauth/token", data={"grant_type": "client_credentials", "client_id":
                      app["client_id"], "client_secret": app["client_secret"], "scope": "read"}, timeout=10)
    assert r.status_code == 200
    h = {"Authorization": "Bearer " + r.json()["access_token"]}
    assert requests.get(server.base + "/api/v1/apps/verify_credentials", headers=h, timeout=10).status_code == 200
    # An app token is not a user.
    r = requests.get(server.base + "/api/v1/accounts/verify_credentials", headers=h, timeout=10)
    assert r.status_code == 401
    for bad in ("x", "0" * 64, ""):
        r = requests.get(server.base + "/api/v1/timelines/home", headers={"Authorization": "Bearer " + bad},
                         timeout=10)
        assert r.status_code == 401 and r.json()["error"]
    r = requests.post(server.base + "/oauth/token", data={"grant_type": "magic", "client_id": app["client_id"],
                      "client_secret": app["client_secret"]}, timeout=10)
    assert r.status_code == 400 and r.json()["error"] == "unsupported_grant_type"
    r = requests.post(server.base + "/oauth/token", data={"grant_type": "password", "client_id": app["client_id"],
                      "client_secret": app["client_secret"], "username": "alice", "password": "wrong-password-x"},
                      timeout=10)
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant" and "access_token" not in r.json()
    m = Mastodon(access_token="f" * 64, api_base_url=server.base)
    try:
        m.account_verify_credentials()
        assert False, "expected an error"
    except (MastodonUnauthorizedError, MastodonAPIError):
        pass


def test_well_known(server):
    meta = requests.get(server.base + "/.well-known/oauth-authorization-server", timeout=10).json()
    assert meta["token_endpoint"] == server.base + "/oauth/token"
    assert "S256" in meta["code_challenge_methods_supported"]
    links = requests.get(server.base + "/.well-known/nodeinfo", timeout=10).json()["links"]
    ni = requests.get(links[0]["href"], timeout=10).json()
    assert ni["software"]["name"] == "kring" and ni["version"] == "2.0"
    v2 = requests.get(server.base + "/api/v2/instance", timeout=10).json()
    assert v2["configuration"]["statuses"]["max_characters"] == 5000
    assert v2["configuration"]["urls"]["streaming"].startswith("ws")
    v1 = requests.get(server.base + "/api/v1/instance", timeout=10).json()
    assert v1["version"].startswith("4.")
