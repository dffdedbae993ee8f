"""Entities as Mastodon documents them (issue 14, part 2): the checker itself,
and the fields kring used to leave out or send as null.  Every other JSON
answer of the suite is checked by the documented_entities fixture."""
import requests

import entities
from conftest import PASSWORD


def H(token):
    return {"Authorization": "Bearer " + token}


def test_the_checker_catches_a_missing_field_a_null_and_a_wrong_type():
    acc = {"id": "1", "username": "a", "acct": "a", "url": "http://x/@a", "uri": "http://x/@a",
           "display_name": "a", "note": "", "avatar": "http://x/a.svg", "avatar_static": "http://x/a.svg",
           "header": "http://x/h.svg", "header_static": "http://x/h.svg", "locked": False, "fields": [],
           "emojis": [], "bot": False, "group": False, "discoverable": True, "indexable": False,
           "created_at": "2026-01-01T00:00:00.000Z", "last_status_at": None, "statuses_count": 0,
           "followers_count": 0, "following_count": 0, "hide_collections": False, "roles": []}
    errs = []
    entities.check_value("Account", acc, "acc", errs)
    assert errs == []
    for field in ("indexable", "uri", "roles", "hide_collections", "bot"):
        errs = []
        entities.check_value("Account", {k: v for k, v in acc.items() if k != field}, "acc", errs)
        assert errs == ["acc: Account lacks required field %r" % field]
    errs = []
    entities.check_value("Account", dict(acc, display_name=None, statuses_count="0", id="x y"), "acc", errs)
    assert len(errs) == 3
    errs = []
    entities.check_value("Notification", {"id": "1", "type": "follow", "group_key": None,
                                          "created_at": "2026-01-01T00:00:00Z", "account": acc}, "n", errs)
    assert errs == ["n.group_key: null where s is documented"]
    # The route table finds the entity of an answer.
    assert entities.route_of("GET", "/api/v1/accounts/123")[1] == "Account"
    assert entities.route_of("GET", "/api/v1/accounts/verify_credentials")[1] == "CredentialAccount"
    assert entities.route_of("POST", "/api/v1/statuses/5/favourite")[1] == "Status"


def test_fields_added_since_4_0(server, tokens):
    base = server.base
    me = requests.get(base + "/api/v1/accounts/verify_credentials", headers=H(tokens["dave"]), timeout=10).json()
    for k in ("indexable", "hide_collections", "roles", "discoverable", "group", "bot", "locked", "uri"):
        assert k in me, k
    assert me["source"]["indexable"] is False and "discoverable" in me["source"]
    v1 = requests.get(base + "/api/v1/instance", timeout=10).json()
    assert v1["configuration"]["accounts"]["max_pinned_statuses"] >= 1
    media = v1["configuration"]["media_attachments"]
    assert "image/jpeg" in media["supported_mime_types"] and media["image_size_limit"] > 0
    v2 = requests.get(base + "/api/v2/instance", timeout=10).json()
    assert v2["icon"] and v2["icon"][0]["src"].startswith(base) and "x" in v2["icon"][0]["size"]
    assert v2["api_versions"]["mastodon"] >= 1


def test_tag_id_and_history_in_tag_and_search(server, tokens):
    base = server.base
    r = requests.post(base + "/api/v1/statuses", headers=H(tokens["dave"]),
                      data={"status": "Zwemmen op dinsdag #zwemclub", "visibility": "public"}, timeout=10)
    assert r.status_code == 200
    tag = requests.get(base + "/api/v1/tags/zwemclub", headers=H(tokens["dave"]), timeout=10).json()
    assert tag["id"].isdigit() and tag["name"] == "zwemclub"
    assert tag["history"] and int(tag["history"][0]["uses"]) >= 1
    again = requests.get(base + "/api/v1/tags/zwemclub", timeout=10).json()
    assert again["id"] == tag["id"]
    found = requests.get(base + "/api/v2/search", params={"q": "#zwemclub", "type": "hashtags"},
                         headers=H(tokens["dave"]), timeout=10).json()["hashtags"]
    assert found and found[0]["id"] == tag["id"] and found[0]["history"]


def test_notification_group_key_and_follow_requests_count(server, app):
    base = server.base
    r = server.cli("user", "add", "locked_lies", "--password", PASSWORD)
    assert r.returncode == 0, r.stderr
    r = server.cli("user", "add", "asker_jan", "--password", PASSWORD)
    assert r.returncode == 0, r.stderr

    def token(name):
        r = requests.post(base + "/oauth/token", data={"grant_type": "password", "client_id": app["client_id"],
                          "client_secret": app["client_secret"], "username": name, "password": PASSWORD,
                          "scope": "read write follow"}, timeout=10)
        return r.json()["access_token"]

    lies, jan = token("locked_lies"), token("asker_jan")
    r = requests.patch(base + "/api/v1/accounts/update_credentials", headers=H(lies), data={"locked": "true"},
                       timeout=10)
    assert r.status_code == 200 and r.json()["locked"] is True
    me = r.json()
    assert me["source"]["follow_requests_count"] == 0
    rel = requests.post(base + "/api/v1/accounts/%s/follow" % me["id"], headers=H(jan), timeout=10).json()
    assert rel["requested"] is True
    me = requests.get(base + "/api/v1/accounts/verify_credentials", headers=H(lies), timeout=10).json()
    assert me["source"]["follow_requests_count"] == 1
    notes = requests.get(base + "/api/v1/notifications", headers=H(lies), timeout=10).json()
    assert notes and all(isinstance(n["group_key"], str) and n["group_key"] for n in notes)


def test_every_served_route_has_its_entity():
    """A route kring serves under /api/ or /oauth/ that the entity table does
    not know would go unchecked: add it to ROUTES in tests/api/entities.py."""
    import re
    import subprocess

    from conftest import KRING_BIN

    out = subprocess.run([KRING_BIN, "routes"], capture_output=True, text=True, timeout=30).stdout

    def norm(p):
        return re.sub(r":\w+", ":x", p)

    known = {(m, norm(p)) for m, p, _ in entities.ROUTES}
    missing = []
    for line in out.splitlines():
        f = line.split()
        if len(f) < 2 or not (f[1].startswith("/api/") or f[1].startswith("/oauth/")):
            continue
        for m in f[0].split("|"):
            if (m, norm(f[1])) not in known and entities.route_of(m, f[1].replace(":", "x")) is None:
                missing.append("%s %s" % (m, f[1]))
    assert not missing, "add these to ROUTES in tests/api/entities.py: %s" % missing
