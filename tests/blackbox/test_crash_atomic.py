"""One domain action is one transaction (issue 12): kill -9 in the middle of
a moderation action leaves the action and its mod_log entry both there or
both absent, never one without the other; and two requests with one
Idempotency-Key that are both inside core_post_create at once make one post.

The test build stops at a named point when KRING_TEST_PAUSE=name:ms is set
(base/testhook.h): "mod_log" is where every moderation action writes its log
entry, after the action itself; "post_create" is right after the post row.
The test waits for the server's "testhook: paused at" line, then SIGKILLs it.
Runs on SQLite and PostgreSQL."""
import concurrent.futures
import re
import signal
import sqlite3
import threading
import time

import requests

from conftest import PASSWORD, TEST_DB, Client, pg_db_name, pg_psql, uniq


def db_one(data, sql):
    """One number from the server's database, read as another process would."""
    if TEST_DB == "pg":
        return int(pg_psql(sql, db=pg_db_name(data)).strip() or 0)
    con = sqlite3.connect(data + "/kring.db", timeout=10)
    try:
        return int(con.execute(sql).fetchone()[0] or 0)
    finally:
        con.close()


def wait_paused(srv, name, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if "testhook: paused at " + name in srv.stderr():
            return True
        if srv.proc.poll() is not None:
            return False
        time.sleep(0.02)
    return False


def kill_mid_action(srv, client, path, point="mod_log"):
    """POST path in a thread, SIGKILL the server once it stops at point."""
    done = {}

    def run():
        try:
            done["r"] = client.post(path, timeout=60)
        except requests.RequestException as e:
            done["e"] = e
    t = threading.Thread(target=run)
    t.start()
    paused = wait_paused(srv, point)
    srv.proc.send_signal(signal.SIGKILL)
    srv.proc.wait(timeout=10)
    t.join(timeout=30)
    assert paused, "the server never reached %s: %s" % (point, srv.stderr()[-2000:])
    # The client never heard a success for the action that was cut off.
    assert "r" not in done or done["r"].status_code >= 500, done


def account_id(data, name):
    return db_one(data, "SELECT id FROM accounts WHERE username = '%s'" % name)


def test_kill_during_moderation_leaves_action_and_log_together(start_server, monkeypatch):
    # Set up without the stopping point (the CLI shares the environment).
    srv = start_server()
    admin = srv.add_user(uniq("beheer"), role="admin")
    victim = srv.add_user(uniq("dader"))
    other = srv.add_user(uniq("melder"))
    bad = srv.login(victim)
    pid = bad.new_post("Koop nu goedkope pillen bij mij")
    assert srv.login(other).post("/posts/%d/report" % pid, {"reason": "spam"}).status_code == 303
    srv.assert_clean_stop()
    data = srv.data
    vid = account_id(data, victim)
    rid = db_one(data, "SELECT id FROM mod_reports WHERE post_id = %d" % pid)
    assert vid and rid

    def log_count():
        return db_one(data, "SELECT COUNT(*) FROM mod_log WHERE account_id = %d" % vid)

    # 1. Suspending an account, killed between the suspension and its log entry.
    monkeypatch.setenv("KRING_TEST_PAUSE", "mod_log:30000")
    srv2 = start_server(data=data)
    kill_mid_action(srv2, srv2.login(admin), "/admin/users/%s/suspend" % victim)
    assert db_one(data, "SELECT suspended FROM accounts WHERE id = %d" % vid) == 0, \
        "suspended without a log entry after kill -9"
    assert log_count() == 0

    # 2. Acting on a report (remove the post, notify, close, log), killed before the log.
    srv3 = start_server(data=data)
    kill_mid_action(srv3, srv3.login(admin), "/moderation/%d/remove" % rid)
    assert db_one(data, "SELECT deleted FROM posts WHERE id = %d" % pid) == 0, "post removed without a log entry"
    assert db_one(data, "SELECT state FROM mod_reports WHERE id = %d" % rid) == 0
    assert log_count() == 0

    # Without the stopping point both actions complete: action and entry both there.
    monkeypatch.delenv("KRING_TEST_PAUSE")
    srv4 = start_server(data=data)
    c = srv4.login(admin)
    assert c.post("/moderation/%d/remove" % rid).status_code == 303
    assert db_one(data, "SELECT deleted FROM posts WHERE id = %d" % pid) == 1
    assert db_one(data, "SELECT state FROM mod_reports WHERE id = %d" % rid) == 1
    assert log_count() == 1
    assert c.post("/admin/users/%s/suspend" % victim).status_code == 303
    assert db_one(data, "SELECT suspended FROM accounts WHERE id = %d" % vid) == 1
    assert log_count() == 2
    srv4.assert_clean_stop()


def api_token(srv, name):
    app = requests.post(srv.base + "/api/v1/apps", data={
        "client_name": "idem", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"},
        timeout=10).json()
    r = requests.post(srv.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write"}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def test_one_idempotency_key_while_both_are_inside_core(start_server, monkeypatch):
    """Every request stops 300 ms after inserting its post, inside its
    transaction: all have passed the early "seen this key?" look-up before
    the first commits.  Mastodon answers a repeat with the post the key
    made (200, same id); so does kring."""
    srv = start_server()
    name = srv.add_user(uniq("idem"))
    tok = api_token(srv, name)
    srv.assert_clean_stop()
    monkeypatch.setenv("KRING_TEST_PAUSE", "post_create:300")
    srv = start_server(data=srv.data)
    key = uniq("sleutel")
    text = "Eén bericht met één sleutel %s" % uniq("i")
    h = {"Authorization": "Bearer " + tok, "Idempotency-Key": key}
    start = threading.Barrier(4)

    def send(_):
        start.wait(timeout=10)
        r = requests.post(srv.base + "/api/v1/statuses", headers=h, data={"status": text}, timeout=60)
        return r.status_code, r.json().get("id")

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        answers = list(ex.map(send, range(4)))
    assert all(code == 200 for code, _ in answers), answers
    assert len({i for _, i in answers}) == 1, answers
    assert db_one(srv.data, "SELECT COUNT(*) FROM posts WHERE text = '%s'" % text.replace("'", "''")) == 1
    srv.assert_clean_stop()
