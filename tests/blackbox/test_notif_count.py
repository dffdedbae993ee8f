"""The notifications badge kept at write time (issue 15, migration 42).

notif_count holds each person's unread notifications, kept by triggers in
the transaction of every write to notifications, and a version that every
write which could change what the badge shows raises (a follow, block,
recipient, staff or group change for that person; vis_epoch for a post
deleted or hidden, a suspension).  core remembers the badge under that
version (src/core/badge.c).  After each step of the story the badge must be
what the list would show, on a page read right after the write (so a
remembered badge that missed a change fails here), and the counter must be
the number of unread rows.  SQLite and PostgreSQL."""
import os
import re
import sqlite3
import time

import requests

from conftest import ROOT, TEST_DB, pg_db_name, pg_psql, uniq
from test_conv_unread import Person, db_rows, db_write
from test_groups import add_member, group_id, group_post, make_group


def badge(person):
    m = re.search(r'class="badge">(\d+)', person.c.get("/local").text)
    return int(m.group(1)) if m else 0


def counter_is_the_rows(server):
    kept = db_rows(server, "SELECT account_id, unread FROM notif_count WHERE unread <> 0")
    rows = db_rows(server, "SELECT account_id, COUNT(*) FROM notifications WHERE read = 0 GROUP BY account_id")
    assert kept == rows


def expect(server, what, **want):
    for p, n in want.items():
        got = badge(PEOPLE[p])
        assert got == n, (what, p, "badge", got, "want", n)
    counter_is_the_rows(server)


PEOPLE = {}


def mention(a, b, **extra):
    return a.c.new_post("Hallo @%s %s" % (b.name, uniq("t")), **extra)


def api(server, person, method, path):
    r = requests.request(method, server.base + path, headers=person.h, timeout=20)
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    return r.json()


def test_notif_badge_follows_every_change(server, admin):
    PEOPLE.clear()
    for p in "abc":
        PEOPLE[p] = Person(server, "nc" + p)
    a, b, c = (PEOPLE[p] for p in "abc")
    expect(server, "start", a=0, b=0, c=0)

    # Created: a mention, and a second from someone else.  Two people each
    # have their own badge.
    p1 = mention(a, b)
    expect(server, "mentioned", a=0, b=1)
    mention(c, b)
    mention(b, a)
    expect(server, "mentioned twice", a=1, b=2, c=0)

    # Read: the notifications page marks them read.
    assert b.c.get("/notifications").status_code == 200
    expect(server, "read", a=1, b=0)

    # Dismissed one by one, and cleared, in the API.
    mention(a, b)
    mention(c, b)
    expect(server, "two new", b=2)
    page = api(server, b, "GET", "/api/v1/notifications?limit=1")
    api(server, b, "POST", "/api/v1/notifications/%s/dismiss" % page[0]["id"])
    expect(server, "dismissed", b=1)
    api(server, b, "POST", "/api/v1/notifications/clear")
    expect(server, "cleared", b=0)

    # The post it is about deleted.
    p2 = mention(a, b)
    expect(server, "before delete", b=1)
    assert a.c.post("/posts/%d/delete" % p2).status_code in (200, 303)
    expect(server, "source deleted", b=0)

    # Block and unblock the writer (either way round); mute.
    mention(a, b)
    expect(server, "before block", b=1)
    assert b.c.post("/@%s/block" % a.name).status_code == 303
    expect(server, "blocked", b=0)
    assert b.c.post("/@%s/unblock" % a.name).status_code == 303
    expect(server, "unblocked", b=1)
    assert a.c.post("/@%s/block" % b.name).status_code == 303
    expect(server, "blocked by the writer", b=0)
    assert a.c.post("/@%s/unblock" % b.name).status_code == 303
    expect(server, "writer unblocked", b=1)
    assert b.c.post("/@%s/mute" % a.name).status_code == 303
    mention(c, b)
    expect(server, "muted (not the other)", b=2)
    assert b.c.post("/@%s/unmute" % a.name).status_code == 303
    expect(server, "unmuted", b=2)

    # Suspension of the writer hides their notifications; lifting it brings
    # them back.
    server.cli("user", "suspend", a.name)
    expect(server, "writer suspended", b=1)
    server.cli("user", "unsuspend", a.name)
    expect(server, "suspension lifted", b=2)
    assert b.c.get("/notifications").status_code == 200
    expect(server, "read again", b=0)

    # Leaving a closed group: a mention in its post is no longer readable.
    # (a's sessions ended with the suspension: c writes.)
    g = make_group(c.c, "closed")
    add_member(server, g, b.c)
    gid = group_id(c.c, g)
    group_post(c.c, gid, "In de kring, @%s %s" % (b.name, uniq("t")))
    expect(server, "group mention", b=1)
    assert b.c.post("/g/%s/leave" % g).status_code == 303
    expect(server, "left the group", b=0)
    add_member(server, g, b.c)
    expect(server, "back in the group", b=1)
    assert b.c.get("/notifications").status_code == 200
    expect(server, "group read", b=0)

    # Think time runs out with no write at all: the remembered badge must
    # not outlive it.
    db_write(server, "UPDATE accounts SET hold_seconds = 2 WHERE username = '%s'" % c.name)
    mention(c, b)
    expect(server, "held", b=0)
    db_write(server, "UPDATE accounts SET hold_seconds = 0 WHERE username = '%s'" % c.name)
    for _ in range(40):
        if badge(b) == 1:
            break
        time.sleep(0.25)
    expect(server, "held post out", b=1)

    # The migration's fill gives the counts kept at write time.
    kept = db_rows(server, "SELECT account_id, unread FROM notif_count")
    assert kept
    db_write(server, "DELETE FROM notif_count")
    text = open(os.path.join(ROOT, "src", "store", "migrate_pg.c" if TEST_DB == "pg" else "migrate.c")).read()
    i = text.index('"INSERT INTO notif_count (account_id, unread) SELECT a.id')
    sql = "".join(re.match(r'^\s*"((?:\\.|[^"\\])*)"', line).group(1) for line in text[i:].splitlines()[:2])
    if TEST_DB == "pg":
        pg_psql(sql, db=pg_db_name(server.data))
    else:
        con = sqlite3.connect(server.data + "/kring.db", timeout=10)
        con.executescript(sql)
        con.close()
    assert db_rows(server, "SELECT account_id, unread FROM notif_count") == kept
