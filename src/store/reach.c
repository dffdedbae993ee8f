/* Reach: (post, viewer) pairs, portable SQL as post.c.  Only counted. */
#include "store/store_reach.h"

#include <stddef.h>

#include "base/err.h"
#include "store/store_int.h"

int store_reach_add(struct store *s, const uint64_t *pairs, size_t n, int64_t day)
{
	DB_OR_FAIL(s);
	for (size_t i = 0; i < n; i++) {
		/* Only a pair not seen before is one more person reached that day:
		 * the insert that made the row counts it (no look-up first, and two
		 * processes writing the same pair count it once). */
		int rc = db_exec(db,
		                 "INSERT INTO post_reach (post_id, viewer_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
		                 "uu", pairs[2 * i], pairs[2 * i + 1]);
		if (rc)
			return rc;
		if (db->drv->changes(db) == 0)
			continue;
		rc = db_exec(db,
		             "INSERT INTO measure_daily (account_id, kind, day, n) SELECT author_id, 0, ?2, 1"
		             " FROM posts WHERE id = ?1 ON CONFLICT (account_id, kind, day) DO UPDATE"
		             " SET n = measure_daily.n + 1",
		             "ui", pairs[2 * i], day);
		if (!rc)
			rc = db_exec(db,
			             "INSERT INTO measure_daily (account_id, kind, day, n) SELECT org_id, 2, ?2, 1"
			             " FROM vacancies WHERE post_id = ?1 ON CONFLICT (account_id, kind, day) DO UPDATE"
			             " SET n = measure_daily.n + 1",
			             "ui", pairs[2 * i], day);
		if (rc)
			return rc;
	}
	return 0;
}

int store_reach_count(struct store *s, uint64_t post, int64_t *out)
{
	DB_OR_FAIL(s);
	return db_scalar(db, out, 0, "SELECT COUNT(*) FROM post_reach WHERE post_id = ?1", "u", post);
}

int store_link_click(struct store *s, uint64_t post, int n, int64_t day)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db,
	                 "INSERT INTO link_clicks (post_id, link, clicks) VALUES (?1, ?2, 1)"
	                 " ON CONFLICT (post_id, link) DO UPDATE SET clicks = link_clicks.clicks + 1",
	                 "ui", post, (int64_t)n);
	if (rc)
		return rc;
	return db_exec(db,
	               "INSERT INTO measure_daily (account_id, kind, day, n) SELECT author_id, 1, ?2, 1"
	               " FROM posts WHERE id = ?1 ON CONFLICT (account_id, kind, day) DO UPDATE"
	               " SET n = measure_daily.n + 1",
	               "ui", post, day);
}

int store_link_clicks(struct store *s, uint64_t post, int64_t *out)
{
	DB_OR_FAIL(s);
	return db_scalar(db, out, 0, "SELECT COALESCE(SUM(clicks), 0) FROM link_clicks WHERE post_id = ?1", "u", post);
}

/* Add the (week, number) rows of st into the field at byte offset off of w. */
static int add_weeks(struct db_stmt *st, struct group_week *w, int weeks, size_t off)
{
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t i = db_i64(st, 0);
		if (i >= 0 && i < weeks)
			*(int64_t *)((char *)&w[i] + off) += db_i64(st, 1);
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_group_weeks(struct store *s, uint64_t group, int64_t from, int weeks, struct group_week *w)
{
	DB_OR_FAIL(s);
	for (int i = 0; i < weeks; i++)
		w[i] = (struct group_week){.start = from + (int64_t)i * 7 * 86400};
	int64_t to = from + (int64_t)weeks * 7 * 86400;
	int rc = add_weeks(db_query(db,
	                            "SELECT (created_at - CAST(?2 AS BIGINT)) / 604800, COUNT(*) FROM posts"
	                            " WHERE group_id = ?1 AND group_id <> 0 AND deleted = 0 AND pending = 0"
	                            " AND reblog_of = 0 AND created_at >= ?2 AND created_at < ?3 GROUP BY 1",
	                            "uii", group, from, to),
	                   w, weeks, offsetof(struct group_week, posts));
	if (!rc)
		rc = add_weeks(db_query(db,
		                        "SELECT (since - CAST(?2 AS BIGINT)) / 604800, COUNT(*) FROM group_members"
		                        " WHERE group_id = ?1 AND state = 0 AND since >= ?2 AND since < ?3 GROUP BY 1",
		                        "uii", group, from, to),
		               w, weeks, offsetof(struct group_week, joined));
	if (!rc)
		rc = add_weeks(db_query(db,
		                        "SELECT (p.created_at - CAST(?2 AS BIGINT)) / 604800, COUNT(DISTINCT r.viewer_id)"
		                        " FROM posts p JOIN post_reach r ON r.post_id = p.id"
		                        " WHERE p.group_id = ?1 AND p.group_id <> 0 AND p.deleted = 0 AND p.pending = 0"
		                        " AND p.created_at >= ?2 AND p.created_at < ?3 GROUP BY 1",
		                        "uii", group, from, to),
		               w, weeks, offsetof(struct group_week, reach));
	return rc;
}
