/* Ambassadors (issue 20): personal links, their visits, reach and
 * applications.  Portable SQL as post.c.  Visitors are only counted. */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_amb.h"
#include "store/store_int.h"

#define AMB_COLS "org_id, person_id, code, consent, joined_at"

static void row(struct db_stmt *st, struct ambassador *x)
{
	memset(x, 0, sizeof *x);
	x->org_id = db_u64(st, 0);
	x->person_id = db_u64(st, 1);
	x->code = db_u64(st, 2);
	x->consent = db_i64(st, 3) != 0;
	x->joined_at = db_i64(st, 4);
}

int store_amb_join(struct store *s, uint64_t org, uint64_t person, uint64_t code, bool consent, int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO ambassadors (" AMB_COLS ") VALUES (?1, ?2, ?3, ?4, ?5)"
	               " ON CONFLICT (org_id, person_id) DO UPDATE SET consent = ?4",
	               "uuuii", org, person, code, (int64_t)consent, now);
}

int store_amb_leave(struct store *s, uint64_t org, uint64_t person)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM ambassadors WHERE org_id = ?1 AND person_id = ?2", "uu", org, person);
}

static int list(struct db *db, struct arena *a, const char *sql, uint64_t id, size_t max, struct ambassador **out,
                size_t *n)
{
	*out = arena_alloc(a, (max + 1) * sizeof **out);
	*n = 0;
	struct db_stmt *st = db_query(db, sql, "ui", id, (int64_t)max);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW)
		row(st, &(*out)[(*n)++]);
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_amb_of_person(struct store *s, struct arena *a, uint64_t person, size_t max, struct ambassador **out,
                        size_t *n)
{
	DB_OR_FAIL(s);
	return list(db, a, "SELECT " AMB_COLS " FROM ambassadors WHERE person_id = ?1 ORDER BY org_id LIMIT ?2", person,
	            max, out, n);
}

int store_amb_of_org(struct store *s, struct arena *a, uint64_t org, size_t max, struct ambassador **out, size_t *n)
{
	DB_OR_FAIL(s);
	return list(db, a, "SELECT " AMB_COLS " FROM ambassadors WHERE org_id = ?1 ORDER BY joined_at, person_id LIMIT ?2",
	            org, max, out, n);
}

int store_amb_by_code(struct store *s, struct arena *a, uint64_t code, struct ambassador **out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " AMB_COLS " FROM ambassadors WHERE code = ?1", "u", code);
	int rc = db_one(st);
	if (!rc) {
		*out = arena_alloc(a, sizeof **out);
		row(st, *out);
	}
	db_done(st);
	return rc;
}

int store_amb_visit(struct store *s, uint64_t code, uint64_t post, uint64_t viewer)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db,
	                 "INSERT INTO amb_clicks (code, post_id, clicks, applied) VALUES (?1, ?2, 1, 0)"
	                 " ON CONFLICT (code, post_id) DO UPDATE SET clicks = amb_clicks.clicks + 1",
	                 "uu", code, post);
	if (!rc && viewer)
		rc = db_exec(db,
		             "INSERT INTO amb_reach (code, post_id, viewer_id) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
		             "uuu", code, post, viewer);
	return rc;
}

int store_amb_applied(struct store *s, uint64_t code, uint64_t post)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO amb_clicks (code, post_id, clicks, applied) VALUES (?1, ?2, 0, 1)"
	               " ON CONFLICT (code, post_id) DO UPDATE SET applied = amb_clicks.applied + 1",
	               "uu", code, post);
}

int store_amb_figures(struct store *s, uint64_t code, const uint64_t *posts, size_t n, struct amb_figures *out)
{
	DB_OR_FAIL(s);
	memset(out, 0, sizeof *out);
	if (!posts) {
		int rc = db_scalar(db, &out->clicks, 0, "SELECT COALESCE(SUM(clicks), 0) FROM amb_clicks WHERE code = ?1",
		                   "u", code);
		if (!rc)
			rc = db_scalar(db, &out->applied, 0,
			               "SELECT COALESCE(SUM(applied), 0) FROM amb_clicks WHERE code = ?1", "u", code);
		if (!rc)
			rc = db_scalar(db, &out->reached, 0,
			               "SELECT COUNT(DISTINCT viewer_id) FROM amb_reach WHERE code = ?1", "u", code);
		return rc;
	}
	/* Per post, then summed: a campaign has at most a few hundred. */
	for (size_t i = 0; i < n; i++) {
		int64_t c = 0, ap = 0, re = 0;
		int rc = db_scalar(db, &c, 0, "SELECT clicks FROM amb_clicks WHERE code = ?1 AND post_id = ?2", "uu", code,
		                   posts[i]);
		if (!rc)
			rc = db_scalar(db, &ap, 0, "SELECT applied FROM amb_clicks WHERE code = ?1 AND post_id = ?2", "uu",
			               code, posts[i]);
		if (!rc)
			rc = db_scalar(db, &re, 0, "SELECT COUNT(*) FROM amb_reach WHERE code = ?1 AND post_id = ?2", "uu",
			               code, posts[i]);
		if (rc)
			return rc;
		out->clicks += c;
		out->applied += ap;
		out->reached += re;
	}
	return 0;
}

int store_amb_shareable(struct store *s, struct arena *a, uint64_t org, size_t max, uint64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = arena_alloc(a, (max + 1) * sizeof **out);
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT id FROM posts WHERE author_id = ?1 AND visibility = 0 AND deleted = 0"
	                              " AND reblog_of = 0 AND in_reply_to = 0 AND group_id = 0 AND pending = 0"
	                              " ORDER BY id DESC LIMIT ?2",
	                              "ui", org, (int64_t)max);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW)
		(*out)[(*n)++] = db_u64(st, 0);
	db_done(st);
	return rc < 0 ? -rc : 0;
}
