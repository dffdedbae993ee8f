"""Web Push end to end on loopback: /api/v1/push/subscription, and kring's
job posting encrypted notifications (RFC 8291 aes128gcm and Mastodon's
legacy aesgcm) with a VAPID JWT to a receiver that decrypts them with the
subscription's keys; 410 removes the subscription, 5xx is retried, alerts,
policy, blocks and mutes hold pushes back; bad input is a 422."""
import os
import sqlite3
import time

import pytest
import requests

from conftest import PASSWORD, TEST_DB, pg_db_name, pg_psql, uniq
from push_receiver import Keys, Receiver, vapid_claims

# The receiver is on http://127.0.0.1: test builds allow it, a release build
# with this (read when the server starts, after collection).
os.environ["KRING_PUSH_LOOPBACK"] = "1"

ALL = ["mention", "status", "reblog", "follow", "follow_request", "favourite", "poll", "update",
       "admin.sign_up", "admin.report"]


@pytest.fixture
def rx():
    r = Receiver()
    yield r
    r.close()


def token(server, name, scope="read write follow push"):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "pushtest", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": scope},
        timeout=10).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": scope}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def api(server, tok, method, path, **kw):
    kw.setdefault("timeout", 20)
    return requests.request(method, server.base + path, headers={"Authorization": "Bearer " + tok}, **kw)


def subscribe(server, tok, endpoint, keys, alerts=("mention",), policy=None, standard=True, as_json=True):
    if as_json:
        body = {"subscription": {"endpoint": endpoint, "keys": {"p256dh": keys.p256dh, "auth": keys.auth64},
                                 "standard": standard},
                "data": {"alerts": {a: True for a in alerts}}}
        if policy:
            body["data"]["policy"] = policy
        return api(server, tok, "POST", "/api/v1/push/subscription", json=body)
    form = {"subscription[endpoint]": endpoint, "subscription[keys][p256dh]": keys.p256dh,
            "subscription[keys][auth]": keys.auth64, "subscription[standard]": "true" if standard else "false"}
    for a in alerts:
        form["data[alerts][%s]" % a] = "true"
    if policy:
        form["data[policy]"] = policy
    return api(server, tok, "POST", "/api/v1/push/subscription", data=form)


def user(server):
    name = server.add_user(uniq("push"))
    return name, token(server, name)


def mention(server, tok, who, text="hallo"):
    r = api(server, tok, "POST", "/api/v1/statuses", data={"status": "@%s %s" % (who, text)})
    assert r.status_code == 200, r.text
    return r.json()


def test_subscription_lifecycle(server, rx):
    name, tok = user(server)
    keys = Keys()
    r = api(server, tok, "GET", "/api/v1/push/subscription")
    assert r.status_code == 404, r.text
    r = subscribe(server, tok, rx.url("/a"), keys, alerts=("mention", "follow", "admin.report"))
    assert r.status_code == 200, r.text
    s = r.json()
    inst = requests.get(server.base + "/api/v2/instance", timeout=10).json()
    vapid = inst["configuration"]["vapid"]["public_key"]
    assert len(vapid) == 87 and s["server_key"] == vapid  # 65 bytes, base64url
    assert s["endpoint"] == rx.url("/a") and s["standard"] is True and s["policy"] == "all"
    assert s["alerts"] == {a: a in ("mention", "follow", "admin.report") for a in ALL}
    assert isinstance(s["id"], str)
    app = requests.post(server.base + "/api/v1/apps", data={"client_name": "x", "redirect_uris":
                        "urn:ietf:wg:oauth:2.0:oob", "scopes": "read push"}, timeout=10).json()
    assert app["vapid_key"] == vapid
    assert api(server, tok, "GET", "/api/v1/push/subscription").json() == s
    # PUT changes alerts and policy, not the endpoint.
    r = api(server, tok, "PUT", "/api/v1/push/subscription",
            data={"data[alerts][favourite]": "true", "data[policy]": "followed"})
    assert r.status_code == 200, r.text
    u = r.json()
    assert u["policy"] == "followed" and u["alerts"]["favourite"] and not u["alerts"]["mention"]
    assert u["endpoint"] == s["endpoint"] and u["id"] == s["id"]
    # One subscription per token: another token of the same person has none,
    # and a new subscription replaces the old one.
    tok2 = token(server, name)
    assert api(server, tok2, "GET", "/api/v1/push/subscription").status_code == 404
    r = subscribe(server, tok, rx.url("/b"), keys, as_json=False, standard=False)
    assert r.status_code == 200, r.text
    assert r.json()["endpoint"] == rx.url("/b") and r.json()["id"] != s["id"] and r.json()["standard"] is False
    assert api(server, tok, "DELETE", "/api/v1/push/subscription").json() == {}
    assert api(server, tok, "GET", "/api/v1/push/subscription").status_code == 404
    # The scope: push.
    tok3 = token(server, name, scope="read write")
    r = subscribe(server, tok3, rx.url("/c"), keys)
    assert r.status_code == 403, r.text
    assert requests.get(server.base + "/api/v1/push/subscription", timeout=10).status_code == 401


@pytest.mark.parametrize("standard", [True, False])
def test_a_mention_is_pushed_encrypted(server, rx, standard):
    bob, btok = user(server)
    alice, atok = user(server)
    keys = Keys()
    assert subscribe(server, btok, rx.url("/bob"), keys, standard=standard).status_code == 200
    t0 = time.time()
    st = mention(server, atok, bob, "de koffie staat klaar")
    got = rx.next()
    assert got, "no push within 15 s"
    print("push: a mention reached the push service %d ms after the post was sent (%s)"
          % ((time.time() - t0) * 1000, got[1]["Content-Encoding"]))
    path, headers, body, _ = got
    assert path == "/bob"
    assert headers["Content-Encoding"] == ("aes128gcm" if standard else "aesgcm")
    assert int(headers["TTL"]) > 0 and headers["Urgency"] == "normal"
    assert len(body) < 4096
    claims, k = vapid_claims(headers, rx.origin)
    inst = requests.get(server.base + "/api/v2/instance", timeout=10).json()
    assert k == inst["configuration"]["vapid"]["public_key"]
    p = keys.decrypt(headers, body)
    assert set(p) == {"access_token", "preferred_locale", "notification_id", "notification_type", "icon",
                      "title", "body"}, p
    assert p["access_token"] == btok
    assert p["notification_type"] == "mention"
    assert alice in p["title"]
    assert "de koffie staat klaar" in p["body"]
    assert p["icon"].endswith("/avatar/%s.svg" % alice)
    notes = api(server, btok, "GET", "/api/v1/notifications").json()
    assert str(p["notification_id"]) == notes[0]["id"] and notes[0]["status"]["id"] == st["id"]


def test_gone_removes_and_errors_retry(server, rx):
    bob, btok = user(server)
    alice, atok = user(server)
    rx.status["/gone"] = [410]
    assert subscribe(server, btok, rx.url("/gone"), Keys()).status_code == 200
    mention(server, atok, bob)
    got = rx.next()
    assert got and got[0] == "/gone" and got[3] == 410
    for _ in range(100):
        if api(server, btok, "GET", "/api/v1/push/subscription").status_code == 404:
            break
        time.sleep(0.1)
    assert api(server, btok, "GET", "/api/v1/push/subscription").status_code == 404
    # A push service that fails for a moment gets the message again (backoff 2 s).
    rx.status["/flaky"] = [503, 201]
    keys = Keys()
    assert subscribe(server, btok, rx.url("/flaky"), keys).status_code == 200
    mention(server, atok, bob, "nog een keer")
    first, second = rx.next(), rx.next(timeout=20)
    assert first and first[3] == 503
    assert second and second[3] == 201
    assert "nog een keer" in keys.decrypt(second[1], second[2])["body"]
    assert api(server, btok, "GET", "/api/v1/push/subscription").status_code == 200


def test_only_what_was_asked_for(server, rx):
    """Alerts, policy, mutes and blocks: the first push that arrives is the one
    that should (the others are never queued)."""
    bob, btok = user(server)
    alice, atok = user(server)
    carol, ctok = user(server)
    dave, dtok = user(server)
    keys = Keys()
    assert subscribe(server, btok, rx.url("/only"), keys, alerts=("mention",), policy="followed").status_code == 200
    ids = {n: api(server, btok, "GET", "/api/v1/accounts/lookup", params={"acct": n}).json()["id"]
           for n in (alice, carol, dave)}
    # A favourite is not asked for; alice is not followed; carol is muted, dave blocked.
    assert api(server, btok, "POST", "/api/v1/accounts/%s/follow" % ids[carol]).status_code == 200
    assert api(server, btok, "POST", "/api/v1/accounts/%s/follow" % ids[dave]).status_code == 200
    assert api(server, btok, "POST", "/api/v1/accounts/%s/mute" % ids[carol]).status_code == 200
    assert api(server, btok, "POST", "/api/v1/accounts/%s/block" % ids[dave]).status_code == 200
    mine = api(server, btok, "POST", "/api/v1/statuses", data={"status": "mijn bericht", "visibility": "public"}).json()
    assert api(server, atok, "POST", "/api/v1/statuses/%s/favourite" % mine["id"]).status_code == 200
    mention(server, atok, bob, "van alice")
    mention(server, ctok, bob, "van carol")
    r = api(server, dtok, "POST", "/api/v1/statuses", data={"status": "@%s van dave" % bob})
    assert r.status_code in (200, 422), r.text
    # Now bob follows alice: her mention is pushed.
    assert api(server, btok, "POST", "/api/v1/accounts/%s/follow" % ids[alice]).status_code == 200
    mention(server, atok, bob, "gevolgd nu")
    got = rx.next()
    assert got
    p = keys.decrypt(got[1], got[2])
    assert "gevolgd nu" in p["body"], p
    assert rx.next(timeout=1) is None


def test_a_revoked_token_stops_its_pushes(server, rx):
    bob = server.add_user(uniq("push"))
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "pushtest", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write push"},
        timeout=10).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": bob, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write push"}, timeout=30)
    btok = r.json()["access_token"]
    alice, atok = user(server)
    assert subscribe(server, btok, rx.url("/rev"), Keys()).status_code == 200
    r = requests.post(server.base + "/oauth/revoke", data={
        "client_id": app["client_id"], "client_secret": app["client_secret"], "token": btok}, timeout=10)
    assert r.status_code == 200, r.text
    mention(server, atok, bob, "na het intrekken")
    assert rx.next(timeout=4) is None


@pytest.mark.parametrize("field,value", [
    ("endpoint", "http://push.example.net/x"),
    ("endpoint", "https://push.example.net/" + "a" * 2100),
    ("endpoint", "javascript:alert(1)"),
    ("endpoint", ""),
    ("p256dh", "BCVxsr7N_eNgVRqvHtD0zTZsEc6"),
    ("p256dh", "A" * 87),
    ("auth", "BTBZMqHH6r4Tts7J_aSI"),
    ("auth", "!!!!!!!!!!!!!!!!!!!!!!"),
    ("policy", "everyone"),
])
def test_bad_subscriptions_are_refused(server, field, value):
    name, tok = user(server)
    keys = Keys()
    body = {"subscription[endpoint]": "https://push.example.net/x", "subscription[keys][p256dh]": keys.p256dh,
            "subscription[keys][auth]": keys.auth64, "data[alerts][mention]": "true"}
    key = {"endpoint": "subscription[endpoint]", "p256dh": "subscription[keys][p256dh]",
           "auth": "subscription[keys][auth]", "policy": "data[policy]"}[field]
    body[key] = value
    r = api(server, tok, "POST", "/api/v1/push/subscription", data=body)
    assert r.status_code == 422, (r.status_code, r.text)
    assert "error" in r.json()
    assert api(server, tok, "GET", "/api/v1/push/subscription").status_code == 404


def test_a_content_warning_is_all_the_push_shows(server, rx):
    """A lock screen shows the push: behind a content warning only the warning."""
    bob, btok = user(server)
    alice, atok = user(server)
    keys = Keys()
    assert subscribe(server, btok, rx.url("/cw"), keys).status_code == 200
    r = api(server, atok, "POST", "/api/v1/statuses", data={
        "status": "@%s de uitslag van het onderzoek is binnen" % bob, "spoiler_text": "Over je afspraak",
        "visibility": "direct"})
    assert r.status_code == 200, r.text
    got = rx.next()
    assert got
    p = keys.decrypt(got[1], got[2])
    assert p["body"] == "Over je afspraak", p
    assert "uitslag" not in p["body"]


def test_think_time_push_waits_and_a_withdrawn_post_is_never_pushed(server, rx):
    """A post in its think time is pushed when it is published; one deleted
    during its think time never reaches a lock screen."""
    bob, btok = user(server)
    h = server.new_user(prefix="held")
    r = h.post("/settings/profile", {"display_name": h.name, "bio": "", "hold_seconds": "4"})
    assert r.status_code == 303, r.text[:300]
    htok = token(server, h.name)
    keys = Keys()
    assert subscribe(server, btok, rx.url("/held"), keys).status_code == 200
    gone = mention(server, htok, bob, "toch niet versturen")
    assert api(server, htok, "DELETE", "/api/v1/statuses/%s" % gone["id"]).status_code == 200
    t0 = time.time()
    mention(server, htok, bob, "na de bedenktijd")
    got = rx.next(timeout=20)
    assert got, "no push after the think time"
    assert time.time() - t0 >= 3, "pushed before the post was published"
    p = keys.decrypt(got[1], got[2])
    assert "na de bedenktijd" in p["body"], p
    assert rx.next(timeout=3) is None


def test_a_long_post_is_cut_on_a_character(server, rx):
    bob, btok = user(server)
    alice, atok = user(server)
    keys = Keys()
    assert subscribe(server, btok, rx.url("/long"), keys, standard=False).status_code == 200
    mention(server, atok, bob, "één café " * 400)
    got = rx.next()
    assert got and len(got[2]) < 4096
    p = keys.decrypt(got[1], got[2])
    assert p["body"].endswith("…") and len(p["body"]) == 141, p["body"]
    assert p["body"].startswith("@%s één café" % bob)


def test_staff_hear_their_organisation_by_name(server, rx):
    """Staff hear what is said to their organisation: the title names it."""
    bob, btok = user(server)
    alice, atok = user(server)
    org = uniq("org")
    server.cli("org", "add", org, "--display-name", "Thuiszorg Push")
    server.cli("org", "staff", org, bob)
    keys = Keys()
    assert subscribe(server, btok, rx.url("/staff"), keys).status_code == 200
    mention(server, atok, org, "wanneer komt de wijkverpleging?")
    got = rx.next()
    assert got
    p = keys.decrypt(got[1], got[2])
    assert p["title"] == "%s noemde Thuiszorg Push" % alice, p
    assert "wijkverpleging" in p["body"]


def db_sql(server, sql):
    if TEST_DB == "pg":
        return pg_psql(sql, db=pg_db_name(server.data)).strip()
    con = sqlite3.connect(server.data + "/kring.db", timeout=10)
    rows = con.execute(sql).fetchall()
    con.commit()
    con.close()
    return "\n".join("|".join(str(v) for v in r) for r in rows)


def test_finished_pushes_leave_the_queue(start_server, rx):
    """One job row per push would pile up: finished ones go a day later."""
    srv = start_server()
    db_sql(srv, "INSERT INTO jobs (id, kind, arg, state, run_at, created_at) VALUES (42, 'push', 'x', 2, 1000, 1000)")
    db_sql(srv, "INSERT INTO jobs (id, kind, arg, state, run_at, created_at) VALUES (43, 'push', 'y', 3, 1000, 1000)")
    bob, btok = user(srv)
    alice, atok = user(srv)
    assert subscribe(srv, btok, rx.url("/sweep"), Keys()).status_code == 200
    mention(srv, atok, bob)
    assert rx.next()
    assert db_sql(srv, "SELECT id FROM jobs WHERE id IN (42, 43) ORDER BY id") == "43"
    assert db_sql(srv, "SELECT COUNT(*) FROM jobs WHERE kind = 'push'") == "2"
