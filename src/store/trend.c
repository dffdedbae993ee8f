/* The trend-break page's series (issue 20): moments only, counted by core. */
#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"
#include "store/store_trend.h"

int store_trend_times(struct store *s, struct arena *a, int measure, uint64_t org, int64_t from, int64_t to,
                      size_t max, int64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = arena_alloc(a, (max + 1) * sizeof **out);
	*n = 0;
	const char *sql = measure == TREND_FOLLOWERS
	                          ? "SELECT created_at FROM follows WHERE followee_id = ?1 AND created_at >= ?2"
	                            " AND created_at < ?3 LIMIT ?4"
	                          : "SELECT created_at FROM webcare_items WHERE org_id = ?1 AND created_at >= ?2"
	                            " AND created_at < ?3 LIMIT ?4";
	struct db_stmt *st = db_query(db, sql, "uiii", org, from, to, (int64_t)max);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW)
		(*out)[(*n)++] = db_i64(st, 0);
	db_done(st);
	return rc < 0 ? -rc : 0;
}
