"""Bad input gets a 4xx JSON error and changes nothing."""
import requests


def count(server, h):
    return requests.get(server.base + "/api/v1/accounts/verify_credentials", headers=h,
                        timeout=10).json()["statuses_count"]


def test_bad_bodies_and_ids(server, tokens):
    h = {"Authorization": "Bearer " + tokens["bob"]}
    before = count(server, h)
    url = server.base + "/api/v1/statuses"
    cases = [
        dict(data=b"{not json", headers={**h, "Content-Type": "application/json"}),
        dict(data=b"[1,2,3]", headers={**h, "Content-Type": "application/json"}),
        dict(json={"status": {"text": "x"}}, headers=h),           # wrong type: no text
        dict(json={"status": ["a", "b"]}, headers=h),
        dict(json={"status": ""}, headers=h),
        dict(json={"status": "x" * 5001}, headers=h),
        dict(json={"status": "hoi", "visibility": "galaxy"}, headers=h),
        dict(json={"status": "hoi", "poll": {"options": ["één"], "expires_in": 600}}, headers=h),
        dict(json={"status": "hoi", "poll": {"options": ["a", "b"], "expires_in": 5}}, headers=h),
        dict(json={"status": "hoi", "media_ids": ["1"]}, headers=h),
        dict(data={"status": "ctrl \x01 char"}, headers=h),
        dict(data=b"status=%ff%fe", headers={**h, "Content-Type": "application/x-www-form-urlencoded"}),
        dict(data=b"a=b", headers={**h, "Content-Type": "text/plain"}),
        dict(json={"status": "@niemand_hier prive", "visibility": "direct"}, headers=h),
    ]
    for kw in cases:
        r = requests.post(url, timeout=10, **kw)
        assert 400 <= r.status_code < 500, (kw, r.status_code, r.text)
        assert "error" in r.json(), r.text
    r = requests.post(url, json={"status": "antwoord", "in_reply_to_id": "999999999"}, headers=h, timeout=10)
    assert r.status_code == 404 and r.json()["error"]
    r = requests.post(url, json={"status": "antwoord", "in_reply_to_id": "abc"}, headers=h, timeout=10)
    assert r.status_code == 404
    assert count(server, h) == before, "a refused request must not write"
    big = requests.post(url, data=b"status=" + b"a" * (70 * 1024), headers=h, timeout=10)
    assert big.status_code == 413 and big.json()["error"]


def test_unknown_things_are_404_json(server, tokens):
    h = {"Authorization": "Bearer " + tokens["bob"]}
    for method, path in [("GET", "/api/v1/statuses/123"), ("GET", "/api/v1/statuses/notanid"),
                         ("POST", "/api/v1/statuses/123/favourite"), ("DELETE", "/api/v1/statuses/123"),
                         ("GET", "/api/v1/accounts/42"), ("POST", "/api/v1/accounts/42/follow"),
                         ("GET", "/api/v1/lists/7"), ("GET", "/api/v1/polls/1"),
                         ("GET", "/api/v1/nothing/here"), ("GET", "/api/v1/accounts/lookup?acct=nobody"),
                         ("GET", "/api/v1/notifications/5"), ("POST", "/api/v1/statuses/1/explode")]:
        r = requests.request(method, server.base + path, headers=h, timeout=10)
        assert r.status_code == 404, (path, r.status_code, r.text)
        assert r.json()["error"], path
    r = requests.put(server.base + "/api/v1/timelines/home", headers=h, timeout=10)
    assert r.status_code == 405 and "error" in r.json()


def test_scopes_and_tokens_enforced(server, app, tokens):
    from conftest import password_token
    ro = password_token(server.base, app["client_id"], app["client_secret"], "bob", scope="read:statuses")
    h = {"Authorization": "Bearer " + ro}
    assert requests.get(server.base + "/api/v1/timelines/home", headers=h, timeout=10).status_code == 200
    for method, path in [("GET", "/api/v1/notifications"), ("POST", "/api/v1/statuses"),
                         ("GET", "/api/v1/accounts/verify_credentials"), ("GET", "/api/v1/lists"),
                         ("POST", "/api/v1/lists")]:
        r = requests.request(method, server.base + path, headers=h, data={"status": "x", "title": "x"},
                             timeout=10)
        assert r.status_code == 403, (path, r.status_code)
        assert r.json()["error"]
    # No token at all where one is needed.
    for path in ("/api/v1/timelines/home", "/api/v1/notifications", "/api/v1/bookmarks"):
        r = requests.get(server.base + path, timeout=10)
        assert r.status_code == 401 and r.json()["error"]
    # Scope asked beyond the app's registration.
    r = requests.post(server.base + "/oauth/token", data={"grant_type": "client_credentials",
                      "client_id": app["client_id"], "client_secret": app["client_secret"],
                      "scope": "admin:read"}, timeout=10)
    assert r.status_code == 400 and r.json()["error"] == "invalid_scope"


def test_streaming_health_and_auth(server, tokens):
    assert requests.get(server.base + "/api/v1/streaming/health", timeout=10).text == "OK"
    r = requests.get(server.base + "/api/v1/streaming/user", timeout=10)
    assert r.status_code == 401
    r = requests.get(server.base + "/api/v1/streaming/nonsense", timeout=10,
                     headers={"Authorization": "Bearer " + tokens["bob"]})
    assert r.status_code == 404
