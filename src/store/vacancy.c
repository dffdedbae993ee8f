/* Vacancies (issue 20): the fields beside an organisation's public post.
 * Portable SQL as post.c; the listing's conditions are the public ones, and
 * core checks each post again for an anonymous viewer. */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"
#include "store/store_vacancy.h"

int store_vacancy_insert(struct store *s, uint64_t post, uint64_t org, const struct vacancy_fields *f,
                         int64_t created_at)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO vacancies (post_id, org_id, job, hours, location, apply, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	               "uussssi", post, org, f->function, f->hours, f->location, f->apply, created_at);
}

int store_vacancies(struct store *s, struct arena *a, uint64_t org, uint64_t before, int64_t now, size_t max,
                    struct vacancy **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	if (max == 0)
		return 0;
	struct db_stmt *st = db_query(
	        db,
	        "SELECT v.post_id, v.org_id, v.job, v.hours, v.location, v.apply, v.created_at"
	        " FROM vacancies v JOIN posts p ON p.id = v.post_id JOIN accounts o ON o.id = v.org_id"
	        " WHERE (CAST(?1 AS BIGINT) = 0 OR v.org_id = ?1) AND (CAST(?2 AS BIGINT) = 0 OR v.post_id < ?2)"
	        " AND p.author_id = v.org_id AND p.visibility = 0 AND p.deleted = 0 AND p.group_id = 0"
	        " AND p.pending = 0 AND p.publish_at <= ?3 AND o.kind = 1 AND o.suspended = 0"
	        " ORDER BY v.post_id DESC LIMIT ?4",
	        "uuii", org, before, now, (int64_t)max);
	if (!st)
		return ERR_DB;
	struct vacancy *v = arena_alloc(a, max * sizeof *v);
	size_t k = 0;
	int rc = 0;
	while (k < max && (rc = db_step(st)) == DB_ROW) {
		memset(&v[k], 0, sizeof v[k]);
		v[k].post_id = db_u64(st, 0);
		v[k].org_id = db_u64(st, 1);
		v[k].f.function = arena_strdup(a, db_text(st, 2));
		v[k].f.hours = arena_strdup(a, db_text(st, 3));
		v[k].f.location = arena_strdup(a, db_text(st, 4));
		v[k].f.apply = arena_strdup(a, db_text(st, 5));
		v[k].created_at = db_i64(st, 6);
		k++;
	}
	db_done(st);
	if (k < max && rc < 0)
		return -rc;
	*out = v;
	*n = k;
	return 0;
}
