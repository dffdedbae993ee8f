/* Measure and tell, the rest (issue 20): portable SQL as post.c. */
#include "store/store_measure.h"

#include "base/err.h"
#include "store/store_int.h"

int store_campaign_update(struct store *s, const struct campaign *cp)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "UPDATE campaigns SET name = ?2, tag = ?3, link = ?4, goal_kind = ?5, goal = ?6, starts_at = ?7,"
	               " ends_at = ?8 WHERE id = ?1",
	               "usssiiii", cp->id, cp->name, cp->tag, cp->link, (int64_t)cp->goal_kind, cp->goal, cp->starts_at,
	               cp->ends_at);
}

int store_campaign_delete(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM campaigns WHERE id = ?1", "u", id);
}

int store_remind_last(struct store *s, uint64_t org, uint64_t person, int64_t *at)
{
	DB_OR_FAIL(s);
	return db_scalar(db, at, 0, "SELECT sent_at FROM guidelines_reminders WHERE org_id = ?1 AND person_id = ?2",
	                 "uu", org, person);
}

int store_remind_note(struct store *s, uint64_t org, uint64_t person, int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO guidelines_reminders (org_id, person_id, sent_at) VALUES (?1, ?2, ?3)"
	               " ON CONFLICT (org_id, person_id) DO UPDATE SET sent_at = ?3",
	               "uui", org, person, now);
}

int store_amb_day(struct store *s, uint64_t code, int64_t day)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO measure_daily (account_id, kind, day, n) SELECT org_id, 3, ?2, 1"
	               " FROM ambassadors WHERE code = ?1 ON CONFLICT (account_id, kind, day) DO UPDATE"
	               " SET n = measure_daily.n + 1",
	               "ui", code, day);
}
