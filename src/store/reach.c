/* Reach: (post, viewer) pairs, portable SQL as post.c.  Only counted. */
#include "store/store_reach.h"

#include "base/err.h"
#include "store/store_int.h"

int store_reach_add(struct store *s, const uint64_t *pairs, size_t n, int64_t day)
{
	DB_OR_FAIL(s);
	for (size_t i = 0; i < n; i++) {
		/* Only a pair not seen before is one more person reached that day. */
		int64_t seen = 0;
		int rc = db_scalar(db, &seen, 0, "SELECT COUNT(*) FROM post_reach WHERE post_id = ?1 AND viewer_id = ?2",
		                   "uu", pairs[2 * i], pairs[2 * i + 1]);
		if (rc)
			return rc;
		if (seen)
			continue;
		rc = db_exec(db, "INSERT INTO post_reach (post_id, viewer_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING", "uu",
		             pairs[2 * i], pairs[2 * i + 1]);
		if (!rc)
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
