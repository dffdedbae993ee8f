/* Webcare's outside sources: portable SQL with numbered parameters, as post.c. */
#include "store/store_webcare_src.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

#define WSRC_COLS \
	"id, org_id, kind, url, tag, fixed_every, poll_every, etag, last_modified, min_id, next_at," \
	" last_poll_at, last_ok_at, last_status, last_error, created_by, created_at," \
	" (SELECT COUNT(*) FROM webcare_source_items i WHERE i.source_id = webcare_sources.id)"

static void row(struct arena *a, struct db_stmt *st, struct wsrc *w)
{
	memset(w, 0, sizeof *w);
	w->id = db_u64(st, 0);
	w->org_id = db_u64(st, 1);
	w->kind = (int)db_i64(st, 2);
	w->url = arena_strdup(a, db_text(st, 3));
	w->tag = arena_strdup(a, db_text(st, 4));
	w->every = db_i64(st, 5);
	w->interval = db_i64(st, 6);
	w->etag = arena_strdup(a, db_text(st, 7));
	w->last_modified = arena_strdup(a, db_text(st, 8));
	w->min_id = arena_strdup(a, db_text(st, 9));
	w->next_at = db_i64(st, 10);
	w->last_poll_at = db_i64(st, 11);
	w->last_ok_at = db_i64(st, 12);
	w->last_status = (int)db_i64(st, 13);
	w->last_error = arena_strdup(a, db_text(st, 14));
	w->created_by = db_u64(st, 15);
	w->created_at = db_i64(st, 16);
	w->items = db_i64(st, 17);
}

int store_wsrc_insert(struct store *s, const struct wsrc *w)
{
	DB_OR_FAIL(s);
	int64_t n = 0;
	int rc = db_scalar(db, &n, 0, "SELECT COUNT(*) FROM webcare_sources WHERE org_id = ?1 AND url = ?2 AND tag = ?3",
	                   "uss", w->org_id, w->url, w->tag);
	if (rc)
		return rc;
	if (n)
		return ERR_EXISTS;
	return db_exec(db,
	               "INSERT INTO webcare_sources (id, org_id, kind, url, tag, fixed_every, poll_every, next_at,"
	               " created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	               "uuissiiiui", w->id, w->org_id, (int64_t)w->kind, w->url, w->tag, w->every, w->interval,
	               w->next_at, w->created_by, w->created_at);
}

int store_wsrc_get(struct store *s, struct arena *a, uint64_t id, struct wsrc *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " WSRC_COLS " FROM webcare_sources WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc)
		row(a, st, out);
	db_done(st);
	return rc;
}

int store_wsrc_list(struct store *s, struct arena *a, uint64_t org, struct wsrc **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT " WSRC_COLS " FROM webcare_sources"
	                              " WHERE CAST(?1 AS BIGINT) = 0 OR org_id = ?1 ORDER BY created_at, id LIMIT 500",
	                              "u", org);
	if (!st)
		return ERR_DB;
	size_t cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		*out = arena_grow(a, *out, &cap, *n, sizeof **out);
		row(a, st, &(*out)[(*n)++]);
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_wsrc_count(struct store *s, uint64_t org, int64_t *n)
{
	DB_OR_FAIL(s);
	return db_scalar(db, n, 0, "SELECT COUNT(*) FROM webcare_sources WHERE org_id = ?1", "u", org);
}

int store_wsrc_delete(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM webcare_source_items WHERE source_id = ?1", "u", id);
	if (!rc)
		rc = db_exec(db, "DELETE FROM webcare_sources WHERE id = ?1", "u", id);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

int store_wsrc_polled(struct store *s, const struct wsrc *w)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "UPDATE webcare_sources SET etag = ?2, last_modified = ?3, min_id = ?4, poll_every = ?5,"
	               " next_at = ?6, last_poll_at = ?7, last_ok_at = ?8, last_status = ?9, last_error = ?10"
	               " WHERE id = ?1",
	               "usssiiiiis", w->id, w->etag, w->last_modified, w->min_id, w->interval, w->next_at,
	               w->last_poll_at, w->last_ok_at, (int64_t)w->last_status, w->last_error);
}

int store_wsrc_item_add(struct store *s, const struct wsrc_item *it, bool *added)
{
	DB_OR_FAIL(s);
	*added = false;
	int rc = db_exec(db,
	                 "INSERT INTO webcare_source_items (id, source_id, org_id, key, link, title, text, author,"
	                 " published, seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
	                 " ON CONFLICT (source_id, key) DO NOTHING",
	                 "uuusssssii", it->id, it->source_id, it->org_id, it->key, it->link, it->title, it->text,
	                 it->author, it->published, it->seen_at);
	if (!rc)
		*added = db->drv->changes(db) > 0;
	return rc;
}

int store_wsrc_items(struct store *s, struct arena *a, uint64_t org, uint64_t source, size_t limit,
                     struct wsrc_item **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT id, source_id, org_id, key, link, title, text, author, published, seen_at"
	                              " FROM webcare_source_items WHERE (CAST(?2 AS BIGINT) = 0 AND org_id = ?1)"
	                              " OR (CAST(?2 AS BIGINT) <> 0 AND source_id = ?2) ORDER BY id DESC LIMIT ?3",
	                              "uui", org, source, (int64_t)limit);
	if (!st)
		return ERR_DB;
	size_t cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		*out = arena_grow(a, *out, &cap, *n, sizeof **out);
		struct wsrc_item *it = &(*out)[(*n)++];
		it->id = db_u64(st, 0);
		it->source_id = db_u64(st, 1);
		it->org_id = db_u64(st, 2);
		it->key = arena_strdup(a, db_text(st, 3));
		it->link = arena_strdup(a, db_text(st, 4));
		it->title = arena_strdup(a, db_text(st, 5));
		it->text = arena_strdup(a, db_text(st, 6));
		it->author = arena_strdup(a, db_text(st, 7));
		it->published = db_i64(st, 8);
		it->seen_at = db_i64(st, 9);
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}
