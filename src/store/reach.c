/* Reach: (post, viewer) pairs, portable SQL as post.c.  Only counted. */
#include "store/store_reach.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/mem.h"
#include "store/store_int.h"

/*
 * A flush's pairs are written a viewer at a time, in statements over up to
 * DB_IDS of their posts (db_each_ids): the insert returns the pairs it
 * made (a pair stored before makes none), and only those add to the
 * authors' and the vacancies' organisations' counters of the day, each
 * counter once per statement with the number of its new pairs.  Three
 * statements for a viewer's page of posts where a statement per pair (and
 * two more per new pair) were a round trip each on PostgreSQL.
 */
#define REACH_INSERT                                                                               \
	"INSERT INTO post_reach (post_id, viewer_id) SELECT ids.column1, CAST(?41 AS BIGINT) FROM " DB_IDS_ROWS \
	" WHERE ids.column1 IS NOT NULL ON CONFLICT DO NOTHING RETURNING post_id"
#define REACH_AUTHORS                                                                                       \
	"INSERT INTO measure_daily (account_id, kind, day, n) SELECT p.author_id, 0, CAST(?41 AS BIGINT), COUNT(*)" \
	" FROM " DB_IDS_ROWS " CROSS JOIN posts p WHERE p.id = ids.column1 GROUP BY p.author_id"                   \
	" ON CONFLICT (account_id, kind, day) DO UPDATE SET n = measure_daily.n + excluded.n"
#define REACH_VACANCIES                                                                                    \
	"INSERT INTO measure_daily (account_id, kind, day, n) SELECT v.org_id, 2, CAST(?41 AS BIGINT), COUNT(*)" \
	" FROM " DB_IDS_ROWS " CROSS JOIN vacancies v WHERE v.post_id = ids.column1 GROUP BY v.org_id"            \
	" ON CONFLICT (account_id, kind, day) DO UPDATE SET n = measure_daily.n + excluded.n"

struct reach_new {
	uint64_t *ids;
	size_t n;
};

static void reach_made(struct db_stmt *st, void *ctx)
{
	struct reach_new *m = ctx;
	m->ids[m->n++] = db_u64(st, 0);
}

static int by_viewer(const void *x, const void *y)
{
	const uint64_t *p = x, *q = y;
	if (p[1] != q[1])
		return p[1] < q[1] ? -1 : 1;
	return p[0] < q[0] ? -1 : p[0] > q[0];
}

int store_reach_add(struct store *s, const uint64_t *pairs, size_t n, int64_t day)
{
	DB_OR_FAIL(s);
	if (!n)
		return 0;
	uint64_t *v = xmalloc(2 * n * sizeof *v), *posts = xmalloc(n * sizeof *posts), *made = xmalloc(n * sizeof *made);
	memcpy(v, pairs, 2 * n * sizeof *v);
	qsort(v, n, 2 * sizeof *v, by_viewer);
	int rc = 0;
	for (size_t i = 0; i < n && !rc;) {
		uint64_t viewer = v[2 * i + 1];
		size_t k = 0;
		for (; i < n && v[2 * i + 1] == viewer; i++)
			if (!k || posts[k - 1] != v[2 * i])
				posts[k++] = v[2 * i];
		struct reach_new m = {made, 0};
		rc = db_each_ids(db, REACH_INSERT, posts, k, viewer, reach_made, &m);
		if (!rc && m.n)
			rc = db_each_ids(db, REACH_AUTHORS, m.ids, m.n, (uint64_t)day, NULL, NULL);
		if (!rc && m.n)
			rc = db_each_ids(db, REACH_VACANCIES, m.ids, m.n, (uint64_t)day, NULL, NULL);
	}
	free(v);
	free(posts);
	free(made);
	return rc;
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
