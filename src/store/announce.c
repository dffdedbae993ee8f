/* Announcements: portable SQL with numbered parameters, as post.c. */
#include "store/store_announce.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

/* ?1 is always the viewer (for read). */
#define ANN_COLS \
	"id, author_id, text, starts_at, ends_at, all_day, published, published_at, updated_at," \
	" CASE WHEN EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = announcements.id" \
	" AND r.account_id = ?1) THEN 1 ELSE 0 END"

static void row(struct arena *a, struct db_stmt *st, struct announcement *an)
{
	memset(an, 0, sizeof *an);
	an->id = db_u64(st, 0);
	an->author_id = db_u64(st, 1);
	an->text = arena_strdup(a, db_text(st, 2));
	an->starts_at = db_i64(st, 3);
	an->ends_at = db_i64(st, 4);
	an->all_day = db_i64(st, 5) != 0;
	an->published = db_i64(st, 6) != 0;
	an->published_at = db_i64(st, 7);
	an->updated_at = db_i64(st, 8);
	an->read = db_i64(st, 9) != 0;
}

/* The reactions on one, in the order they were first given. */
static int reactions(struct db *db, struct arena *a, uint64_t viewer, struct announcement *an)
{
	struct db_stmt *st = db_query(db,
	                              "SELECT name, COUNT(*), SUM(CASE WHEN account_id = ?2 THEN 1 ELSE 0 END)"
	                              " FROM announcement_reactions WHERE announcement_id = ?1"
	                              " GROUP BY name ORDER BY MIN(created_at), name LIMIT 64",
	                              "uu", an->id, viewer);
	if (!st)
		return ERR_DB;
	struct ann_reaction *v = arena_alloc(a, 64 * sizeof *v);
	size_t k = 0;
	int rc = 0;
	while (k < 64 && (rc = db_step(st)) == DB_ROW) {
		v[k].name = arena_strdup(a, db_text(st, 0));
		v[k].count = db_i64(st, 1);
		v[k].me = viewer && db_i64(st, 2) > 0;
		k++;
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	an->reactions = v;
	an->nreactions = k;
	return 0;
}

int store_ann_insert(struct store *s, const struct announcement *an)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO announcements (id, author_id, text, starts_at, ends_at, all_day, published,"
	               " published_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	               "uusiiiiii", an->id, an->author_id, an->text, an->starts_at, an->ends_at, (int64_t)an->all_day,
	               (int64_t)an->published, an->published_at, an->updated_at);
}

static int changed(struct db *db, int rc)
{
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

int store_ann_set_published(struct store *s, uint64_t id, bool on, int64_t now)
{
	DB_OR_FAIL(s);
	/* published_at is the first publication's: a notice taken back and
	 * published again is the same notice. */
	if (!on)
		return changed(db, db_exec(db, "UPDATE announcements SET published = 0, updated_at = ?2 WHERE id = ?1",
		                           "ui", id, now));
	return changed(db, db_exec(db,
	                           "UPDATE announcements SET published = 1, updated_at = ?2,"
	                           " published_at = CASE WHEN published_at = 0 THEN ?2 ELSE published_at END"
	                           " WHERE id = ?1",
	                           "ui", id, now));
}

int store_ann_delete(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM announcement_reactions WHERE announcement_id = ?1", "u", id);
	if (!rc)
		rc = db_exec(db, "DELETE FROM announcement_reads WHERE announcement_id = ?1", "u", id);
	if (!rc)
		rc = changed(db, db_exec(db, "DELETE FROM announcements WHERE id = ?1", "u", id));
	return rc;
}

int store_ann_get(struct store *s, struct arena *a, uint64_t viewer, uint64_t id, struct announcement *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " ANN_COLS " FROM announcements WHERE id = ?2", "uu", viewer, id);
	int rc = db_one(st);
	if (!rc)
		row(a, st, out);
	db_done(st);
	if (!rc)
		rc = reactions(db, a, viewer, out);
	return rc;
}

int store_ann_list(struct store *s, struct arena *a, uint64_t viewer, bool live, int64_t now, bool with_dismissed,
                   struct announcement **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st =
	        db_query(db,
	                 "SELECT " ANN_COLS " FROM announcements WHERE (CAST(?2 AS BIGINT) = 0 OR (published = 1"
	                 " AND (starts_at = 0 OR starts_at <= ?3) AND (ends_at = 0 OR ends_at > ?3)))"
	                 " AND (CAST(?4 AS BIGINT) = 1 OR NOT EXISTS (SELECT 1 FROM announcement_reads d WHERE "
	                 "d.announcement_id = announcements.id"
	                 " AND d.account_id = ?1))"
	                 " ORDER BY CASE WHEN CAST(?2 AS BIGINT) = 0 THEN -id ELSE 0 END,"
	                 " CASE WHEN starts_at > 0 THEN starts_at ELSE published_at END, id LIMIT ?5",
	                 "uiiii", viewer, (int64_t)live, now, (int64_t)with_dismissed, (int64_t)STORE_ANN_MAX);
	if (!st)
		return ERR_DB;
	struct announcement *v = arena_alloc(a, STORE_ANN_MAX * sizeof *v);
	size_t k = 0;
	int rc = 0;
	while (k < STORE_ANN_MAX && (rc = db_step(st)) == DB_ROW)
		row(a, st, &v[k++]);
	db_done(st);
	if (rc < 0)
		return -rc;
	/* After the list's statement is done: one statement at a time. */
	for (size_t i = 0; i < k; i++)
		if ((rc = reactions(db, a, viewer, &v[i])))
			return rc;
	*out = v;
	*n = k;
	return 0;
}

int store_ann_dismiss(struct store *s, uint64_t account, uint64_t id)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO announcement_reads (account_id, announcement_id) VALUES (?1, ?2)"
	               " ON CONFLICT DO NOTHING",
	               "uu", account, id);
}

int store_ann_react(struct store *s, uint64_t account, uint64_t id, const char *name, int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO announcement_reactions (announcement_id, account_id, name, created_at)"
	               " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
	               "uusi", id, account, name, now);
}

int store_ann_unreact(struct store *s, uint64_t account, uint64_t id, const char *name)
{
	DB_OR_FAIL(s);
	return db_exec(
	        db, "DELETE FROM announcement_reactions WHERE announcement_id = ?1 AND account_id = ?2 AND name = ?3",
	        "uus", id, account, name);
}

int store_ann_react_count(struct store *s, uint64_t account, uint64_t id, int64_t *n)
{
	DB_OR_FAIL(s);
	return db_scalar(db, n, 0,
	                 "SELECT COUNT(*) FROM announcement_reactions WHERE announcement_id = ?1 AND account_id = ?2",
	                 "uu", id, account);
}

int store_ann_org_pins(struct store *s, struct arena *a, uint64_t viewer, uint64_t **ids, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT p.post_id FROM pins p JOIN follows f ON f.followee_id = p.account_id"
	                              " JOIN accounts a ON a.id = p.account_id"
	                              " WHERE f.follower_id = ?1 AND a.kind = ?2 ORDER BY p.id DESC LIMIT ?3",
	                              "uii", viewer, (int64_t)ACCOUNT_ORG, (int64_t)STORE_ANN_MAX);
	return DB_ROWS(st, a, STORE_ANN_MAX, db_fill_u64, ids, n);
}

int store_ann_extras(struct store *s, struct arena *a, uint64_t viewer, struct announcement *an)
{
	DB_OR_FAIL(s);
	int64_t read = 0;
	int rc = db_scalar(db, &read, 0,
	                   "SELECT COUNT(*) FROM announcement_reads WHERE account_id = ?1 AND announcement_id = ?2",
	                   "uu", viewer, an->id);
	if (rc)
		return rc;
	an->read = read > 0;
	return reactions(db, a, viewer, an);
}
