"""`kring export` / `kring import`: move an instance to another database
(SQLite -> SQLite always; SQLite -> PostgreSQL -> SQLite with KRING_TEST_DB=pg)
and check every table arrives whole: per-table row counts and a SHA-256 over
each table's rows (sorted, columns in name order)."""
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile

import pytest

from conftest import (KRING_BIN, TEST_DB, Server, pg_create_db, pg_db_name, pg_drop_db, pg_psql, post_ids, uniq)

# FTS5 shadow tables, and account_names (kept by triggers on accounts, rebuilt on import)
FTS_SHADOW = re.compile(r"^(sqlite_|post_fts_|account_names)")


def pg_drop_db_of(srv):
    """A Server made in pg mode has a database of its own; this one needs none."""
    if srv.db_url:
        pg_drop_db(pg_db_name(srv.data))
    shutil.rmtree(srv.data, ignore_errors=True)


def cli(args, env_db=None):
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    env.pop("KRING_DB", None)
    if env_db:
        env["KRING_DB"] = env_db
    return subprocess.run([KRING_BIN] + args, capture_output=True, text=True, timeout=120, env=env)


def digest(rows):
    rows = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)
    return len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()


def sqlite_tables(path):
    con = sqlite3.connect(path)
    out = {}
    names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
             if not FTS_SHADOW.match(n)]
    for t in names:
        cols = sorted(c for (c,) in con.execute("SELECT name FROM pragma_table_info(?)", (t,)))
        if t == "post_fts":
            cols = sorted(cols + ["rowid"])
        cur = con.execute("SELECT %s FROM %s" % (", ".join(cols), t))
        out[t] = digest(dict(zip(cols, r)) for r in cur)
    con.close()
    return out


def pg_tables(db):
    out = {}
    names = pg_psql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", db=db).split()
    for t in names:
        cols = sorted(pg_psql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                              " AND table_name = '%s' AND is_generated = 'NEVER'" % t, db=db).split())
        rows = json.loads(pg_psql("SELECT COALESCE(json_agg(json_build_object(%s)), '[]') FROM %s" % (
            ", ".join("'%s', %s" % (c, c) for c in cols), t), db=db) or "[]")
        out[t] = digest(rows)
    return out


def populate(srv):
    """Some of everything: people, an organisation, posts, replies, edits,
    a direct message, follows, favourites, boosts, a group, notifications."""
    a = srv.new_user(prefix="exa")
    b = srv.new_user(prefix="exb")
    srv.cli("org", "add", uniq("exorg"), "--display-name", "Zorg & Welzijn")
    assert b.post("/@%s/follow" % a.name, {}).status_code in (200, 303)
    p1 = a.new_post("Wandelingen in het park met 'quotes', \"dubbel\" en een \\ backslash #buiten")
    p2 = b.new_post("Antwoord op de wandeling: één café ☕", in_reply_to=str(p1))
    a.post("/posts/%d/edit" % p1, {"text": "Wandelingen in het park (bewerkt) #buiten"})
    b.post("/posts/%d/fav" % p1, {})
    b.post("/posts/%d/boost" % p1, {})
    a.new_post("Alleen voor @%s" % b.name, visibility="direct")
    name = uniq("k")
    r = a.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                           "rules": "Wees aardig", "kind": "open", "premod": "none"})
    assert r.status_code == 303, r.status_code
    return a, b, p1, p2


@pytest.mark.parametrize("target", ["sqlite", "pg"])
def test_export_import_moves_every_row(start_server, target):
    if target == "pg" and TEST_DB != "pg":
        pytest.skip("needs KRING_TEST_DB=pg (make blackbox-pg)")
    src = Server()
    if src.db_url:  # the source is always SQLite
        pg_drop_db(pg_db_name(src.data))
    src.db_url = None
    src.start()
    dump = tempfile.mktemp(prefix="kring-export-", suffix=".jsonl")
    dest_dir = tempfile.mkdtemp(prefix="kring-import-")
    pg_name = "kring_imp_%d" % os.getpid()
    try:
        a, b, p1, p2 = populate(src)
        src.assert_clean_stop()
        r = cli(["export", dump, "--data", src.data])
        assert r.returncode == 0, r.stderr
        with open(dump) as f:
            head = json.loads(f.readline())
        assert head["kring_export"] == 1 and head["schema_version"] >= 5
        before = sqlite_tables(os.path.join(src.data, "kring.db"))
        assert before["posts"][0] >= 4 and before["post_fts"][0] >= 3 and before["accounts"][0] >= 3

        if target == "pg":
            url = pg_create_db(pg_name)
            r = cli(["import", dump], env_db=url)
            assert r.returncode == 0, r.stderr
            after = pg_tables(pg_name)
        else:
            url = None
            r = cli(["import", dump, "--data", dest_dir])
            assert r.returncode == 0, r.stderr
            after = sqlite_tables(os.path.join(dest_dir, "kring.db"))
        diff = {t: (before.get(t), after.get(t)) for t in set(before) | set(after) if before.get(t) != after.get(t)}
        assert not diff, diff

        # Importing again is refused: the database is no longer empty.
        r = cli(["import", dump] + ([] if url else ["--data", dest_dir]), env_db=url)
        assert r.returncode != 0 and "not empty" in r.stderr, r.stderr

        if url:
            # And back: PostgreSQL -> a fresh SQLite gives the same tables again.
            dump2 = dump + ".2"
            back = tempfile.mkdtemp(prefix="kring-back-")
            try:
                r = cli(["export", dump2], env_db=url)
                assert r.returncode == 0, r.stderr
                r = cli(["import", dump2, "--data", back])
                assert r.returncode == 0, r.stderr
                again = sqlite_tables(os.path.join(back, "kring.db"))
                assert again == before
            finally:
                subprocess.run(["rm", "-rf", back, dump2], timeout=30)

        # The moved instance works: log in, read, search (the search index moved too).
        dst = Server()
        if not url:
            pg_drop_db_of(dst)
            dst.data, dst.own_data = dest_dir, False
        dst.db_url = url
        dst.start()
        try:
            c = dst.login(a.name)
            page = c.get("/posts/%d" % p1)
            assert page.status_code == 200 and "(bewerkt)" in page.text
            assert p2 in post_ids(c.get("/search", params={"q": "café"}).text) or \
                p1 in post_ids(c.get("/search", params={"q": "wandeling"}).text)
            assert p1 in post_ids(c.get("/search", params={"q": "wandeling"}).text)
        finally:
            dst.assert_clean_stop()
            dst.cleanup()

    finally:
        src.cleanup()
        subprocess.run(["rm", "-rf", dest_dir, dump], timeout=30)
        if target == "pg":
            pg_drop_db(pg_name)


def test_import_rejects_bad_dumps(tmp_path):
    d = str(tmp_path / "data")
    for text, why in [("", "empty"), ("{\"kring_export\": 1, \"schema_version\": 999}\n", "version"),
                      ("{\"kring_export\": 1, \"schema_version\": 5}\n"
                       "{\"table\": \"accounts; DROP TABLE posts\", \"row\": {}}\n", "unknown table"),
                      ("{\"kring_export\": 1, \"schema_version\": 5}\n"
                       "{\"table\": \"meta\", \"row\": {\"key\": \"a\", \"value\\\" = 1\": \"b\"}}\n", "column"),
                      ("not json\n", "json")]:
        p = tmp_path / "dump.jsonl"
        p.write_text(text)
        r = cli(["import", str(p), "--data", d])
        assert r.returncode != 0, (why, r.stdout, r.stderr)
    # Nothing was half imported.
    r = cli(["user", "list", "--data", d])
    assert r.returncode == 0 and r.stdout.count("\n") <= 1, r.stdout
