/* Campaigns (issue 20): an organisation's posts grouped by tag or link over
 * a period.  Portable SQL as post.c; the grouping itself is core's. */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_campaign.h"
#include "store/store_int.h"

#define CAMPAIGN_COLS \
	"id, org_id, created_by, name, tag, link, goal_kind, goal, starts_at, ends_at, created_at"

static void row(struct arena *a, struct db_stmt *st, struct campaign *c)
{
	memset(c, 0, sizeof *c);
	c->id = db_u64(st, 0);
	c->org_id = db_u64(st, 1);
	c->created_by = db_u64(st, 2);
	c->name = arena_strdup(a, db_text(st, 3));
	c->tag = arena_strdup(a, db_text(st, 4));
	c->link = arena_strdup(a, db_text(st, 5));
	c->goal_kind = (int)db_i64(st, 6);
	c->goal = db_i64(st, 7);
	c->starts_at = db_i64(st, 8);
	c->ends_at = db_i64(st, 9);
	c->created_at = db_i64(st, 10);
}

int store_campaign_insert(struct store *s, const struct campaign *cp)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO campaigns (" CAMPAIGN_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	               "uuusssiiiii", cp->id, cp->org_id, cp->created_by, cp->name, cp->tag, cp->link,
	               (int64_t)cp->goal_kind, cp->goal, cp->starts_at, cp->ends_at, cp->created_at);
}

int store_campaign_get(struct store *s, struct arena *a, uint64_t id, struct campaign **out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " CAMPAIGN_COLS " FROM campaigns WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc) {
		*out = arena_alloc(a, sizeof **out);
		row(a, st, *out);
	}
	db_done(st);
	return rc;
}

int store_campaigns(struct store *s, struct arena *a, const uint64_t *orgs, size_t norg, size_t max,
                    struct campaign **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = arena_alloc(a, (max + 1) * sizeof **out);
	*n = 0;
	/* One organisation at a time: a person is staff of a few. */
	for (size_t i = 0; i < norg && *n < max; i++) {
		struct db_stmt *st = db_query(db,
		                              "SELECT " CAMPAIGN_COLS " FROM campaigns WHERE org_id = ?1"
		                              " ORDER BY id DESC LIMIT ?2",
		                              "ui", orgs[i], (int64_t)(max - *n));
		if (!st)
			return ERR_DB;
		int rc = 0;
		while (*n < max && (rc = db_step(st)) == DB_ROW)
			row(a, st, &(*out)[(*n)++]);
		db_done(st);
		if (rc < 0)
			return -rc;
	}
	return 0;
}

int store_campaign_post_ids(struct store *s, struct arena *a, uint64_t org, int64_t from, int64_t to, size_t max,
                            uint64_t **out, size_t *n, bool *more)
{
	DB_OR_FAIL(s);
	*out = arena_alloc(a, (max + 1) * sizeof **out);
	*n = 0;
	*more = false;
	struct db_stmt *st = db_query(db,
	                              "SELECT id FROM posts WHERE author_id = ?1 AND created_at >= ?2 AND created_at < ?3"
	                              " AND deleted = 0 AND reblog_of = 0 AND visibility <> 2 ORDER BY id LIMIT ?4",
	                              "uiii", org, from, to, (int64_t)max + 1);
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (*n == max) {
			*more = true;
			break;
		}
		(*out)[(*n)++] = db_u64(st, 0);
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_vacancy_flags(struct store *s, const uint64_t *ids, size_t n, bool *out)
{
	DB_OR_FAIL(s);
	for (size_t i = 0; i < n; i++) {
		int64_t v = 0;
		int rc = db_scalar(db, &v, 0, "SELECT COUNT(*) FROM vacancies WHERE post_id = ?1", "u", ids[i]);
		if (rc)
			return rc;
		out[i] = v > 0;
	}
	return 0;
}
