"""On PostgreSQL a page's id lists (DB_IDS_ROWS joined to a table) are looked
up in the table's index, not answered by reading the whole table.

With PostgreSQL's default random_page_cost (4) the planner joined the home
timeline's forty post ids to a post_tags table of ten thousand rows by a
sequential scan and a hash join: 1-2 ms a request that grows with the
community.  kring's sessions lower random_page_cost unless the server's
administrator set it (src/store/pg.c, PG_SESSION_SETUP).  The plans are read
from the server's log through auto_explain, switched on for this test's
database only."""
import os
import time
import re

import requests

from conftest import PG_DIR, Server, pg_db_name, pg_only, pg_psql
from test_feeds import token

pytestmark = pg_only

TAGS_SQL = "CROSS JOIN post_tags t WHERE t.post_id = ids.column1"
FILLER = 10000


def log_path():
    return os.path.join(PG_DIR, "data", "server.log")


def tag_plans(since):
    """The plans auto_explain logged after byte `since` for the tags statement."""
    with open(log_path(), "rb") as f:
        f.seek(since)
        text = f.read().decode("utf-8", "replace")
    entries = re.split(r"LOG:  duration: [0-9.]+ ms  plan:", text)[1:]
    return [e for e in entries if TAGS_SQL in e]


def home_plans(srv, tok, db, extra_settings):
    """Restart srv with auto_explain (and extra_settings) on its database, read
    a home timeline and return the tags statement's plans."""
    srv.stop()
    for k, v in [("session_preload_libraries", "auto_explain"), ("auto_explain.log_min_duration", "0")] + \
            extra_settings:
        pg_psql("ALTER DATABASE %s SET %s = '%s'" % (db, k, v))
    srv.start()
    since = os.path.getsize(log_path())
    r = requests.get(srv.base + "/api/v1/timelines/home?limit=40",
                     headers={"Authorization": "Bearer " + tok}, timeout=20)
    assert r.status_code == 200, r.text
    assert any(s["tags"] for s in r.json()), "the home timeline should hold the tagged posts"
    plans = []
    for _ in range(50):  # the log is written by another process: bounded wait
        plans = tag_plans(since)
        if plans:
            break
        time.sleep(0.1)
    for k, _ in extra_settings:
        pg_psql("ALTER DATABASE %s RESET %s" % (db, k))
    return plans


def test_id_lists_use_the_index_unless_the_administrator_chose_otherwise():
    srv = Server()
    db = pg_db_name(srv.data)
    try:
        srv.start()
        name = srv.add_user()
        tok = token(srv, name)
        for i in range(3):
            r = requests.post(srv.base + "/api/v1/statuses", data={"status": "Dag %d in de tuin #tuin%d" % (i, i)},
                              headers={"Authorization": "Bearer " + tok}, timeout=20)
            assert r.status_code == 200, r.text
        # Other posts' tags: a table of ten thousand rows, one per post.
        pg_psql("INSERT INTO post_tags (tag, post_id) SELECT 'vul' || (g %% 300), -g FROM generate_series(1, %d) g"
                % FILLER, db=db)
        pg_psql("ANALYZE post_tags", db=db)

        plans = home_plans(srv, tok, db, [])
        assert plans, "auto_explain logged no plan of the tags statement"
        for p in plans:
            assert "Index" in p and "post_tags_post" in p, p
            assert "Seq Scan on post_tags" not in p, p

        # An administrator's own choice (here PostgreSQL's default, set on
        # purpose) is left alone: the planner reads the table again.
        plans = home_plans(srv, tok, db, [("random_page_cost", "4")])
        assert plans, "auto_explain logged no plan of the tags statement"
        assert any("Seq Scan on post_tags" in p for p in plans), plans
        srv.assert_clean_stop()
    finally:
        pg_psql("ALTER DATABASE %s RESET ALL" % db, check=False)
        srv.cleanup()
