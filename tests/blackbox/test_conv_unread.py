"""The menu's Berichten badge is kept at write time (issue 15): one row per
unread conversation in conv_unread, written in the transaction of the post,
read, leaving, deletion or staff change that changes it.

After every step of a story each person's badge must be what the step makes
it, and the number of unread conversations the list itself shows
(/api/v1/conversations, all pages, read by the rule over the direct posts):
send, answer, read on either door, delete, block and unblock, mute, leave
and be written to again, an edit, think time, an
organisation's staff joining and leaving, suspension.  Then the migration's
fill, run on the database the story left, must give the very rows kept at
write time.  SQLite and PostgreSQL."""
import os
import re
import sqlite3

import requests

from conftest import PASSWORD, ROOT, TEST_DB, pg_db_name, pg_psql, uniq


def token(server, name):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "badge", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"},
        timeout=20).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write"}, timeout=30)
    assert r.status_code == 200, r.text
    return {"Authorization": "Bearer " + r.json()["access_token"]}


class Person:
    def __init__(self, server, prefix):
        self.server = server
        self.c = server.new_user(prefix=prefix)
        self.name = self.c.name
        self.h = token(server, self.name)

    def badge(self):
        m = re.search(r'class="badge messages">(\d+)', self.c.get("/local").text)
        return int(m.group(1)) if m else 0

    def listed_unread(self):
        """Unread conversations in the list, all pages (the list's own rule)."""
        n, url = 0, "/api/v1/conversations?limit=40"
        for _ in range(20):
            r = requests.get(self.server.base + url, headers=self.h, timeout=20)
            assert r.status_code == 200, r.text[:300]
            page = r.json()
            if not page:
                return n
            n += sum(1 for c in page if c["unread"])
            url = "/api/v1/conversations?limit=40&max_id=%s" % page[-1]["last_status"]["id"]
        raise AssertionError("more conversations than expected")


def expect(what, **want):
    for p, n in want.items():
        person = PEOPLE[p]
        got = person.badge()
        listed = person.listed_unread()
        assert (got, listed) == (n, n), (what, p, "badge", got, "list", listed, "want", n)


PEOPLE = {}


def db_write(server, sql):
    if TEST_DB == "pg":
        pg_psql(sql, db=pg_db_name(server.data))
    else:
        con = sqlite3.connect(server.data + "/kring.db", timeout=10)
        con.execute(sql)
        con.commit()
        con.close()


def db_rows(server, sql):
    if TEST_DB == "pg":
        out = pg_psql(sql, db=pg_db_name(server.data))
        return sorted(tuple(int(x) for x in line.split("|")) for line in out.split())
    con = sqlite3.connect(server.data + "/kring.db", timeout=10)
    rows = sorted(tuple(r) for r in con.execute(sql))
    con.close()
    return rows


def fill_step(source):
    """The SQL of the migration step that fills conv_unread, as written in
    src/store/<source> (whatever number the step gets), without its CREATE."""
    text = open(os.path.join(ROOT, "src", "store", source)).read()
    i = text.index('"INSERT INTO conv_unread (account_id, root_id, last_id) SELECT s.account_id')
    lits = []
    for line in text[i:].splitlines():
        m = re.match(r'^\s*"((?:\\.|[^"\\])*)"(,?)$', line.strip())
        assert m, line
        lits.append(m.group(1).replace('\\"', '"'))
        if m.group(2):
            break
    return "".join(lits)


def dm(sender, to, text=None, **extra):
    return sender.c.new_post(text or "Even onder ons " + uniq("t"), "direct", to="@" + to.name, **extra)


def test_badge_follows_every_change(server, admin):
    PEOPLE.clear()
    for p in ("a", "b", "c", "d"):
        PEOPLE[p] = Person(server, "cu" + p)
    a, b, c, d = (PEOPLE[p] for p in "abcd")
    expect("start", a=0, b=0, c=0, d=0)

    # Send, and answer.
    r1 = dm(a, b)
    expect("sent", a=0, b=1)
    r2 = dm(c, b)
    expect("second", b=2, c=0)
    b.c.new_post("Dank je " + uniq("t"), "direct", in_reply_to=str(r1))
    expect("answered", a=1, b=2)

    # Read on the page, and in the API.
    assert b.c.get("/posts/%d" % r1).status_code == 200
    expect("read on the page", a=1, b=1)
    r = requests.post(server.base + "/api/v1/conversations/%d/read" % r1, headers=a.h, timeout=20)
    assert r.status_code == 200, r.text[:300]
    expect("read in the api", a=0, b=1)

    # Deleting the only message of a conversation takes it off the badge.
    assert c.c.post("/posts/%d/delete" % r2).status_code in (200, 303)
    expect("deleted", b=0, c=0)
    # Deleting the unread answer in a read conversation makes it read again.
    late = a.c.new_post("Nog één ding " + uniq("t"), "direct", in_reply_to=str(r1))
    expect("late answer", b=1)
    assert a.c.post("/posts/%d/delete" % late).status_code in (200, 303)
    expect("late answer deleted", a=0, b=0)

    # Blocking the writer hides the conversation from the list and the
    # badge; unblocking brings it back.  Muting hides no direct message.
    r3 = dm(a, b)
    expect("before block", b=1)
    assert b.c.post("/@%s/block" % a.name).status_code == 303
    expect("blocked", a=0, b=0)
    assert b.c.post("/@%s/unblock" % a.name).status_code == 303
    expect("unblocked", b=1)
    assert b.c.post("/@%s/mute" % a.name).status_code == 303
    expect("muted", b=1)
    assert b.c.post("/@%s/unmute" % a.name).status_code == 303

    # Leaving a conversation; written to again, it comes back unread.
    assert b.c.post("/messages/%d/leave" % r3).status_code == 303
    expect("left", b=0)
    a.c.new_post("Ben je er nog? " + uniq("t"), "direct", in_reply_to=str(r3))
    expect("written to after leaving", b=1)
    assert b.c.get("/posts/%d" % r3).status_code == 200
    expect("read after leaving", b=0)

    # An edit never widens who reads a private message: naming someone new
    # in it gives them nothing.
    r4 = dm(a, b, "Vraagje " + uniq("t"))
    expect("before edit", b=1, d=0)
    r = a.c.post("/posts/%d/edit" % r4, {"text": "Vraagje voor @%s en @%s %s" % (b.name, d.name, uniq("t"))})
    assert r.status_code in (200, 303), r.text[:500]
    expect("edited", b=1, d=0)
    assert b.c.get("/posts/%d" % r4).status_code == 200
    expect("edit read", b=0, d=0)

    # Think time: a held message is counted once it goes out.
    db_write(server, "UPDATE accounts SET hold_seconds = 3600 WHERE username = '%s'" % c.name)
    held = dm(c, d)
    expect("held", d=0)
    db_write(server, "UPDATE posts SET publish_at = 1 WHERE id = %d" % held)
    expect("held message out", d=1)
    db_write(server, "UPDATE accounts SET hold_seconds = 0 WHERE username = '%s'" % c.name)

    # An organisation's conversations are its staff's, each with their own
    # read state; who joins the staff has them, who leaves has them no more.
    org = uniq("org")
    server.cli("org", "add", org, "--display-name", "Thuiszorg " + uniq("x"))
    server.cli("org", "staff", org, b.name)
    expect("staff, nothing yet", b=0)
    a.c.new_post("Komt de zuster vandaag? " + uniq("t"), "direct", to="@" + org)
    expect("to the organisation", a=0, b=1)
    server.cli("org", "staff", org, c.name)
    expect("new staff", b=1, c=1)
    r = admin.post("/admin/orgs/%s/staff/%s/remove" % (org, c.name))
    assert r.status_code in (200, 303), r.text[:300]
    expect("staff left", b=1, c=0)

    # A suspended writer's conversations leave the list and the badge.
    server.cli("user", "suspend", a.name)
    expect("writer suspended", b=0, d=1)
    server.cli("user", "unsuspend", a.name)
    expect("suspension lifted", b=1)

    # The migration's fill gives the rows kept at write time.
    kept = db_rows(server, "SELECT account_id, root_id, last_id FROM conv_unread")
    assert kept
    db_write(server, "DELETE FROM conv_unread")
    sql = fill_step("migrate_pg.c" if TEST_DB == "pg" else "migrate.c")
    if TEST_DB == "pg":
        pg_psql(sql, db=pg_db_name(server.data))
    else:
        con = sqlite3.connect(server.data + "/kring.db", timeout=10)
        con.executescript(sql)
        con.close()
    assert db_rows(server, "SELECT account_id, root_id, last_id FROM conv_unread") == kept


def notif_badge(person):
    m = re.search(r'class="badge">(\d+)', person.c.get("/local").text)
    return int(m.group(1)) if m else 0


def test_notification_badge_counts_what_the_list_shows(server):
    """The notifications badge asks only whether each unread one is shown
    (its post readable, its actor there): blocking the writer of a mention
    takes it off, unblocking brings it back, a held post counts once out."""
    a, b = Person(server, "nba"), Person(server, "nbb")
    assert notif_badge(b) == 0
    a.c.new_post("Hallo @%s %s" % (b.name, uniq("t")))
    assert notif_badge(b) == 1
    assert b.c.post("/@%s/block" % a.name).status_code == 303
    assert notif_badge(b) == 0
    assert b.c.post("/@%s/unblock" % a.name).status_code == 303
    assert notif_badge(b) == 1
    db_write(server, "UPDATE accounts SET hold_seconds = 3600 WHERE username = '%s'" % a.name)
    held = a.c.new_post("Nog eens @%s %s" % (b.name, uniq("t")))
    assert notif_badge(b) == 1
    db_write(server, "UPDATE posts SET publish_at = 1 WHERE id = %d" % held)
    assert notif_badge(b) == 2
