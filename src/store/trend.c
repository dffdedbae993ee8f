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
	/* Each measure a list of moments for the org in [?2, ?3). */
	static const char *const sql_of[TREND_MEASURES] = {
		[TREND_MENTIONS] = "SELECT created_at FROM webcare_items WHERE org_id = ?1 AND created_at >= ?2"
		                   " AND created_at < ?3 LIMIT ?4",
		[TREND_FOLLOWERS] = "SELECT created_at FROM follows WHERE followee_id = ?1 AND created_at >= ?2"
		                    " AND created_at < ?3 LIMIT ?4",
		/* since is when the member became one (store/group.c keeps it on
		 * a change of state); the org and its fellow moderators left out. */
		[TREND_MEMBERS] = "SELECT m.since FROM group_members m WHERE m.state = 0 AND m.role = 0"
		                  " AND m.since >= ?2 AND m.since < ?3 AND m.group_id IN (SELECT o.group_id FROM"
		                  " group_members o WHERE o.account_id = ?1 AND o.state = 0 AND o.role >= 1) LIMIT ?4",
		[TREND_ANSWERED] = "SELECT q.created_at FROM consult_questions q JOIN consult_sessions s ON s.id ="
		                   " q.session_id WHERE s.owner_id = ?1 AND q.merged_into = 0 AND q.answered_at <> 0"
		                   " AND q.answered_at - q.created_at <= 86400 AND q.created_at >= ?2"
		                   " AND q.created_at < ?3 LIMIT ?4",
		[TREND_NEGATIVE] = "SELECT created_at FROM webcare_items WHERE org_id = ?1 AND sentiment = 'neg'"
		                   " AND created_at >= ?2 AND created_at < ?3 LIMIT ?4",
	};
	if (measure < 0 || measure >= TREND_MEASURES)
		return ERR_INVAL;
	const char *sql = sql_of[measure];
	if (!sql) /* a day counter: store_trend_days */
		return ERR_INVAL;
	struct db_stmt *st = db_query(db, sql, "uiii", org, from, to, (int64_t)max);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW)
		(*out)[(*n)++] = db_i64(st, 0);
	db_done(st);
	return rc < 0 ? -rc : 0;
}

static void fill_day(struct db_stmt *st, struct arena *a, void *row)
{
	(void)a;
	struct trend_day *d = row;
	d->day = db_i64(st, 0);
	d->n = db_i64(st, 1);
}

int store_trend_days(struct store *s, struct arena *a, int kind, uint64_t account, int64_t from, int64_t to,
                     size_t max, struct trend_day **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT day, n FROM measure_daily WHERE account_id = ?1 AND kind = ?2 AND day >= ?3"
	                              " AND day < ?4 LIMIT ?5",
	                              "uiiii", account, (int64_t)kind, from, to, (int64_t)max);
	return DB_ROWS(st, a, max, fill_day, out, n);
}
