/* A received Note's attachments (store_fed_media.h). */
#include "store/store_fed_media.h"

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

int store_fed_media_put(struct store *s, const struct fed_media *m)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO fed_media (post_id, idx, url, mime, name) VALUES (?1, ?2, ?3, ?4, ?5)"
	               " ON CONFLICT DO NOTHING",
	               "uisss", m->post_id, (int64_t)m->idx, m->url, m->mime, m->name);
}

int store_fed_media_clear(struct store *s, uint64_t post)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM fed_media WHERE post_id = ?1", "u", post);
}

struct media_rows {
	struct arena *a;
	struct fed_media *v;
	size_t n, cap;
};

static void media_row(struct db_stmt *st, void *ctx)
{
	struct media_rows *r = ctx;
	if (r->n >= STORE_FED_MEDIA_MAX)
		return;
	if (r->n == r->cap)
		r->v = arena_grow(r->a, r->v, &r->cap, r->n, sizeof *r->v);
	struct fed_media *m = &r->v[r->n++];
	m->post_id = db_u64(st, 0);
	m->idx = (int)db_i64(st, 1);
	m->url = arena_strdup(r->a, db_text(st, 2));
	m->mime = arena_strdup(r->a, db_text(st, 3));
	m->name = arena_strdup(r->a, db_text(st, 4));
}

int store_fed_media_of(struct store *s, struct arena *a, const uint64_t *ids, size_t n, struct fed_media **out,
                       size_t *nout)
{
	DB_OR_FAIL(s);
	struct media_rows r = {.a = a};
	int rc = db_each_ids(db,
	                     "SELECT f.post_id, f.idx, f.url, f.mime, f.name FROM " DB_IDS_ROWS " CROSS JOIN fed_media f"
	                     " WHERE f.post_id = ids.column1 ORDER BY f.post_id, f.idx",
	                     ids, n, 0, media_row, &r);
	*out = r.v;
	*nout = rc ? 0 : r.n;
	return rc;
}
