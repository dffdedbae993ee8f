"""The PostgreSQL schema (src/store/migrate_pg.c) keeps step with SQLite's
(src/store/migrate.c): same tables, columns, types, NOT NULL, defaults,
primary keys and indexes.  Both are made by `kring migrate`."""
import os
import re
import sqlite3
import subprocess
import tempfile

from conftest import KRING_BIN, pg_create_db, pg_drop_db, pg_only, pg_psql

pytestmark = pg_only

# FTS5's shadow tables; account_names is SQLite's trigram index of names
# (PostgreSQL's is the pg_trgm index account_names_trgm on accounts)
SQLITE_ONLY = re.compile(r"^(sqlite_|post_fts_|account_names)")
PG_TYPES = {"bigint": "INTEGER", "text": "TEXT", "integer": "INTEGER"}


def migrate(args):
    r = subprocess.run([KRING_BIN, "migrate"] + args, capture_output=True, text=True, timeout=60,
                       env=dict(os.environ, ASAN_OPTIONS="detect_leaks=0"))
    assert r.returncode == 0, r.stderr
    return r.stdout


def norm_default(d):
    if d is None:
        return None
    d = re.sub(r"::[a-z ]+$", "", str(d)).strip()
    # PostgreSQL shows a negative default quoted ('-1'::bigint).
    return re.sub(r"^'(-?[0-9]+)'$", r"\1", d)


def sqlite_schema(path):
    con = sqlite3.connect(path)
    tables = {}
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        if SQLITE_ONLY.match(name):
            continue
        cols = {}
        for cid, col, typ, notnull, dflt, pk in con.execute("SELECT * FROM pragma_table_info(?)", (name,)):
            cols[col] = (typ.upper() or "TEXT", bool(notnull) or pk > 0, norm_default(dflt), pk)
        tables[name] = cols
    indexes = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    versions = con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    con.close()
    return tables, indexes, versions


def pg_schema(db):
    tables = {}
    out = pg_psql("SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, COALESCE(c.column_default, '~'),"
                  " COALESCE((SELECT k.ordinal_position FROM information_schema.key_column_usage k"
                  "  JOIN information_schema.table_constraints t ON t.constraint_name = k.constraint_name"
                  "  AND t.table_name = k.table_name AND t.constraint_type = 'PRIMARY KEY'"
                  "  WHERE k.table_name = c.table_name AND k.column_name = c.column_name), 0)"
                  " FROM information_schema.columns c WHERE c.table_schema = 'public'", db=db)
    for line in out.splitlines():
        t, col, typ, nullable, dflt, pk = line.split("|")
        tables.setdefault(t, {})[col] = (PG_TYPES.get(typ, typ), nullable == "NO",
                                         None if dflt == "~" else norm_default(dflt), int(pk))
    indexes = set(pg_psql("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
                          " AND indexname NOT IN (SELECT conname FROM pg_constraint)", db=db).split())
    versions = int(pg_psql("SELECT MAX(version) FROM schema_version", db=db))
    return tables, indexes, versions


def test_pg_schema_matches_sqlite():
    d = tempfile.mkdtemp(prefix="kring-schema-")
    name = "kring_schema_%d" % os.getpid()
    url = pg_create_db(name)
    try:
        migrate(["--data", d])
        migrate(["--db", url])
        st, si, sv = sqlite_schema(os.path.join(d, "kring.db"))
        pt, pi, pv = pg_schema(name)
        assert sv == pv and sv >= 5, (sv, pv)
        assert set(st) == set(pt), (set(st) ^ set(pt))
        problems = []
        for t, cols in st.items():
            for col, (typ, notnull, dflt, pk) in cols.items():
                if col not in pt[t]:
                    problems.append("%s.%s missing on PostgreSQL" % (t, col))
                    continue
                ptyp, pnotnull, pdflt, ppk = pt[t][col]
                if t == "post_fts":
                    continue  # FTS5 declares no types; PostgreSQL's own table (see migrate_pg.c)
                if (typ, notnull, dflt, bool(pk)) != (ptyp, pnotnull, pdflt, bool(ppk)):
                    problems.append("%s.%s: sqlite %s, pg %s" % (t, col, (typ, notnull, dflt, pk),
                                                                  pt[t][col]))
            extra = set(pt[t]) - set(cols) - ({"rowid", "tsv"} if t == "post_fts" else set())
            if extra:
                problems.append("%s: only on PostgreSQL: %s" % (t, sorted(extra)))
        assert not problems, "\n".join(problems)
        assert si == pi - {"post_fts_tsv", "account_names_trgm"}, (si ^ pi)
    finally:
        pg_drop_db(name)
        subprocess.run(["rm", "-rf", d], timeout=30)
