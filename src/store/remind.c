/* Reminders by push and e-mail: see store_remind.h. */
#include "store/store_remind.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

#define DB_OR_FAIL(s) \
	struct db *db = store_db(s); \
	if (!db) \
		return ERR_BUSY

int store_notif_get(struct store *s, struct arena *a, uint64_t account, uint64_t id, struct notification *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT kind, actor_id, post_id, created_at, org_id, group_id, note"
	                              " FROM notifications WHERE id = ?1 AND account_id = ?2",
	                              "uu", id, account);
	int rc = db_one(st);
	if (!rc) {
		const char *note = db_text(st, 6);
		*out = (struct notification){.id = id,
		                             .kind = (int)db_i64(st, 0),
		                             .actor_id = db_u64(st, 1),
		                             .post_id = db_u64(st, 2),
		                             .created_at = db_i64(st, 3),
		                             .org_id = db_u64(st, 4),
		                             .group_id = db_u64(st, 5),
		                             .note = arena_strdup(a, note ? note : "")};
	}
	db_done(st);
	return rc;
}

int store_mail_pref_get(struct store *s, uint64_t account, bool *appointments)
{
	DB_OR_FAIL(s);
	*appointments = false;
	struct db_stmt *st = db_query(db, "SELECT appointments FROM mail_prefs WHERE account_id = ?1", "u", account);
	int rc = db_one(st);
	if (!rc)
		*appointments = db_i64(st, 0) != 0;
	db_done(st);
	return rc == ERR_NOTFOUND ? 0 : rc;
}

int store_mail_pref_set(struct store *s, uint64_t account, bool appointments)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO mail_prefs (account_id, appointments) VALUES (?1, ?2)"
	               " ON CONFLICT (account_id) DO UPDATE SET appointments = excluded.appointments",
	               "ui", account, (int64_t)(appointments ? 1 : 0));
}
