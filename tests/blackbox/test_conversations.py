"""One conversation model for both doors (issue 12, item 2).

The Berichten pages and /api/v1/conversations read one table and one query
in core: what is read or left on one door is read or left on the other, an
organisation's staff see its conversations in the API as on the page, and
the people named come only from posts the viewer may read."""
import os
import re
import sqlite3

import requests

from conftest import PASSWORD, ROOT, pg_create_db, pg_drop_db, pg_only, pg_psql, sqlite_only, uniq


def token(server, name):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "convtest", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"},
        timeout=20).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write"}, timeout=30)
    assert r.status_code == 200, r.text
    return {"Authorization": "Bearer " + r.json()["access_token"]}


def api(server, h, path, method="GET", status=200):
    r = requests.request(method, server.base + path, headers=h, timeout=20)
    assert r.status_code == status, (path, r.status_code, r.text[:300])
    return r.json()


def api_convs(server, h):
    return {int(c["id"]): c for c in api(server, h, "/api/v1/conversations?limit=40")}


def page_item(c, root):
    """The viewer's entry for root on /messages: None when not listed, else
    whether it is marked unread."""
    page = c.get("/messages").text
    for li in re.findall(r"<li([^>]*)>(.*?)</li>", page, re.S):
        if 'href="/posts/%d"' % root in li[1]:
            return "unread" in li[0]
    return None


def messages_badge(c):
    m = re.search(r'class="badge messages">(\d+)', c.get("/local").text)
    return int(m.group(1)) if m else 0


def dm(sender, to, text=None):
    return sender.new_post(text or "Even onder ons " + uniq("t"), "direct", to="@" + to.name)


def test_read_on_the_page_is_read_in_the_api(server):
    a, b = server.new_user(prefix="rda"), server.new_user(prefix="rdb")
    hb = token(server, b.name)
    root = dm(a, b)
    assert api_convs(server, hb)[root]["unread"] is True
    assert page_item(b, root) is True
    assert b.get("/posts/%d" % root).status_code == 200   # reading on the page marks it read
    assert page_item(b, root) is False
    assert api_convs(server, hb)[root]["unread"] is False
    # Her own message is not news to the sender, on either door.
    ha = token(server, a.name)
    assert page_item(a, root) is False
    assert api_convs(server, ha)[root]["unread"] is False


def test_read_in_the_api_is_read_on_the_page(server):
    a, b = server.new_user(prefix="rpa"), server.new_user(prefix="rpb")
    hb = token(server, b.name)
    root = dm(a, b)
    before = messages_badge(b)
    assert page_item(b, root) is True
    cv = api(server, hb, "/api/v1/conversations/%d/read" % root, "POST")
    assert cv["unread"] is False and int(cv["id"]) == root
    assert page_item(b, root) is False
    assert messages_badge(b) == before - 1
    # A new answer makes it unread on both doors again.
    a.new_post("Nog iets " + uniq("t"), "direct", in_reply_to=str(root))
    assert page_item(b, root) is True
    assert api_convs(server, hb)[root]["unread"] is True


def test_leaving_on_the_page_hides_it_in_the_api(server):
    a, b = server.new_user(prefix="lva"), server.new_user(prefix="lvb")
    hb = token(server, b.name)
    root = dm(a, b)
    assert root in api_convs(server, hb)
    assert b.post("/messages/%d/leave" % root).status_code == 303
    assert page_item(b, root) is None
    assert root not in api_convs(server, hb)
    # Someone writing after the leaving brings it back, on both doors.
    a.new_post("Ben je er nog? " + uniq("t"), "direct", in_reply_to=str(root))
    assert page_item(b, root) is True
    assert api_convs(server, hb)[root]["unread"] is True


def test_deleting_in_the_api_hides_it_on_the_page(server):
    a, b = server.new_user(prefix="dla"), server.new_user(prefix="dlb")
    hb = token(server, b.name)
    root = dm(a, b)
    assert page_item(b, root) is True
    assert api(server, hb, "/api/v1/conversations/%d" % root, "DELETE") == {}
    assert root not in api_convs(server, hb)
    assert page_item(b, root) is None
    # Not the viewer's conversation (or not one at all): not found.
    hc = token(server, server.new_user(prefix="dlc").name)
    api(server, hc, "/api/v1/conversations/%d" % root, "DELETE", status=404)
    api(server, hc, "/api/v1/conversations/%d/read" % root, "POST", status=404)
    api(server, hb, "/api/v1/conversations/abc/read", "POST", status=404)


def test_staff_see_the_organisations_conversations_in_the_api(server, alice):
    org = uniq("org")
    server.cli("org", "add", org, "--display-name", "Thuiszorg API " + uniq("x"))
    nurse = server.new_user(prefix="nurse")
    server.cli("org", "staff", org, nurse.name)
    hn = token(server, nurse.name)
    root = alice.new_post("Komt de zuster vandaag? " + uniq("t"), "direct", to="@" + org)
    assert page_item(nurse, root) is True
    convs = api_convs(server, hn)
    assert root in convs, convs.keys()
    assert convs[root]["unread"] is True
    assert alice.name in {x["username"] for x in convs[root]["accounts"]}
    assert int(convs[root]["last_status"]["id"]) == root
    # Read in the API: read on the page and off the Berichten count.
    before = messages_badge(nurse)
    api(server, hn, "/api/v1/conversations/%d/read" % root, "POST")
    assert page_item(nurse, root) is False
    assert messages_badge(nurse) == before - 1
    # Someone who is not staff sees nothing of it.
    ho = token(server, server.new_user(prefix="oth").name)
    assert root not in api_convs(server, ho)
    api(server, ho, "/api/v1/conversations/%d/read" % root, "POST", status=404)
    # A conversation the organisation starts is the staff's too, on both doors.
    r = nurse.post("/posts", {"text": "Wij komen morgen om negen uur. " + uniq("t"), "visibility": "direct",
                              "to": "@" + alice.name, "as": org})
    assert r.status_code == 303, r.text[:500]
    started = int(re.search(r"/posts/(\d+)", r.headers["Location"]).group(1))
    assert page_item(nurse, started) is False
    assert api_convs(server, hn)[started]["unread"] is False
    assert api(server, hn, "/api/v1/conversations/%d/read" % started, "POST")["unread"] is False
    assert api(server, hn, "/api/v1/conversations/%d" % started, "DELETE") == {}
    assert page_item(nurse, started) is None


def test_people_only_from_posts_the_viewer_may_read(server):
    a, b, c = server.new_user(prefix="ppa"), server.new_user(prefix="ppb"), server.new_user(prefix="ppc")
    # Two people answer a public question privately: each answer is its own
    # conversation with the asker on one thread; neither may read the other's.
    root = a.new_post("Wie kent een goede huisarts? " + uniq("w"))
    b.new_post("Ik stuur je een naam. " + uniq("t"), "direct", in_reply_to=str(root))
    c.new_post("Ik ook, van mijn buurvrouw. " + uniq("t"), "direct", in_reply_to=str(root))
    hb = token(server, b.name)
    cv = api_convs(server, hb)[root]
    people = {x["username"] for x in cv["accounts"]}
    assert a.name in people and c.name not in people, people
    assert cv["last_status"]["account"]["username"] == b.name
    assert c.name not in b.get("/messages").text
    # The asker was written to by both: she sees both.
    ha = token(server, a.name)
    cv = api_convs(server, ha)[root]
    assert {b.name, c.name} <= {x["username"] for x in cv["accounts"]}
    # Opening her public question's thread reads the private answers to it.
    assert cv["unread"] is True and page_item(a, root) is True
    assert a.get("/posts/%d" % root).status_code == 200
    assert api_convs(server, ha)[root]["unread"] is False and page_item(a, root) is False


def test_paging_by_last_message(server):
    a, b = server.new_user(prefix="pga"), server.new_user(prefix="pgb")
    hb = token(server, b.name)
    roots = [dm(a, b) for _ in range(3)]
    first = api(server, hb, "/api/v1/conversations?limit=2")
    assert [int(c["id"]) for c in first] == [roots[2], roots[1]]
    last_id = first[-1]["last_status"]["id"]
    rest = api(server, hb, "/api/v1/conversations?limit=2&max_id=%s" % last_id)
    assert int(rest[0]["id"]) == roots[0]


# ---- the migration that folds the API's marks into the one table ----

def fold_step(source):
    """The SQL of the step that folds conversation_state into conv_state, as
    written in src/store/<source> (whatever number the step gets)."""
    text = open(os.path.join(ROOT, "src", "store", source)).read()
    i = text.index("one conversation model")
    lits, rest = [], text[i:]
    for line in rest.splitlines()[1:]:
        line = line.strip()
        if line.startswith("/*") or line.startswith("*"):
            continue
        m = re.match(r'^"((?:\\.|[^"\\])*)"(,?)$', line)
        assert m, line
        lits.append(m.group(1).replace('\\"', '"'))
        if m.group(2):
            break
    sql = "".join(lits)
    assert "DROP TABLE conversation_state" in sql, sql
    return sql


OLD_ROWS = [(1, 10, 5, 0),      # API only: read up to 5
            (1, 11, 7, 7),      # API only: deleted (hidden) at 7
            (2, 10, 9, 0),      # both: the API read further than the page
            (2, 11, 3, 8)]      # both: the page read further, the API hid it
PAGE_ROWS = [(2, 10, 6, 0), (2, 11, 4, 0), (3, 12, 2, 2)]
FOLDED = {(1, 10): (5, 0), (1, 11): (7, 7), (2, 10): (9, 0), (2, 11): (4, 8), (3, 12): (2, 2)}


@sqlite_only
def test_migration_folds_the_api_marks_in_sqlite(tmp_path):
    con = sqlite3.connect(str(tmp_path / "old.db"))
    con.executescript("CREATE TABLE conv_state (account_id INTEGER NOT NULL, root_id INTEGER NOT NULL,"
                      " last_read INTEGER NOT NULL DEFAULT 0, left_at INTEGER NOT NULL DEFAULT 0,"
                      " PRIMARY KEY (account_id, root_id));"
                      "CREATE TABLE conversation_state (account_id INTEGER NOT NULL, root_id INTEGER NOT NULL,"
                      " read_id INTEGER NOT NULL DEFAULT 0, hidden_id INTEGER NOT NULL DEFAULT 0,"
                      " PRIMARY KEY (account_id, root_id));")
    con.executemany("INSERT INTO conversation_state VALUES (?, ?, ?, ?)", OLD_ROWS)
    con.executemany("INSERT INTO conv_state VALUES (?, ?, ?, ?)", PAGE_ROWS)
    con.executescript(fold_step("migrate.c"))
    got = {(a, r): (lr, lf) for a, r, lr, lf in con.execute("SELECT * FROM conv_state")}
    assert got == FOLDED
    assert not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'conversation_state'").fetchall()
    con.close()


@pg_only
def test_migration_folds_the_api_marks_in_postgresql():
    name = "kring_fold_%d" % os.getpid()
    pg_create_db(name)
    try:
        pg_psql("CREATE TABLE conv_state (account_id BIGINT NOT NULL, root_id BIGINT NOT NULL,"
                " last_read BIGINT NOT NULL DEFAULT 0, left_at BIGINT NOT NULL DEFAULT 0,"
                " PRIMARY KEY (account_id, root_id));"
                "CREATE TABLE conversation_state (account_id BIGINT NOT NULL, root_id BIGINT NOT NULL,"
                " read_id BIGINT NOT NULL DEFAULT 0, hidden_id BIGINT NOT NULL DEFAULT 0,"
                " PRIMARY KEY (account_id, root_id));"
                "INSERT INTO conversation_state VALUES %s;" % ",".join("(%d,%d,%d,%d)" % r for r in OLD_ROWS) +
                "INSERT INTO conv_state VALUES %s;" % ",".join("(%d,%d,%d,%d)" % r for r in PAGE_ROWS), db=name)
        pg_psql(fold_step("migrate_pg.c"), db=name)
        out = pg_psql("SELECT account_id, root_id, last_read, left_at FROM conv_state", db=name)
        got = {}
        for line in out.split():
            a, r, lr, lf = map(int, line.split("|"))
            got[(a, r)] = (lr, lf)
        assert got == FOLDED
        assert pg_psql("SELECT to_regclass('conversation_state') IS NULL", db=name).strip() == "t"
    finally:
        pg_drop_db(name)
