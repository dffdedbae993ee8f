/*
 * What password resets need from the store: the optional e-mail address of
 * an account (table account_emails), the account a reset link is for, who
 * made a group's link, and whether a person is a client of an organisation
 * one is staff of.
 */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

#define DB_OR_FAIL(s) \
	struct db *db = store_db(s); \
	if (!db) \
		return ERR_BUSY

int store_email_get(struct store *s, struct arena *a, uint64_t account, const char **email)
{
	DB_OR_FAIL(s);
	*email = NULL;
	struct db_stmt *st = db_query(db, "SELECT email FROM account_emails WHERE account_id = ?1", "u", account);
	int rc = db_one(st);
	if (!rc)
		*email = arena_strdup(a, db_text(st, 0));
	db_done(st);
	return rc;
}

int store_email_set(struct store *s, uint64_t account, const char *email, const char *norm)
{
	DB_OR_FAIL(s);
	if (!email || !*email)
		return db_exec(db, "DELETE FROM account_emails WHERE account_id = ?1", "u", account);
	return db_exec(db,
	               "INSERT INTO account_emails (account_id, email, email_norm) VALUES (?1, ?2, ?3)"
	               " ON CONFLICT (account_id) DO UPDATE SET email = excluded.email, email_norm = excluded.email_norm",
	               "uss", account, email, norm);
}

int store_email_accounts(struct store *s, const char *norm, uint64_t *ids, size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT e.account_id FROM account_emails e JOIN accounts a ON a.id = e.account_id"
	                              " WHERE e.email_norm = ?1 AND a.suspended = 0 ORDER BY e.account_id LIMIT ?2",
	                              "si", norm, (int64_t)max);
	if (!st)
		return ERR_DB;
	int r;
	while ((r = db_step(st)) == DB_ROW && *n < max)
		ids[(*n)++] = db_u64(st, 0);
	db_done(st);
	return r < 0 ? -r : 0;
}

int store_token_account(struct store *s, const char *kind, const char *token_hash, int64_t now, uint64_t *account)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0,
	                   "SELECT account_id FROM tokens WHERE token_hash = ?1 AND kind = ?2 AND used_at = 0"
	                   " AND expires_at > ?3",
	                   "ssi", token_hash, kind, now);
	if (rc)
		return rc;
	*account = (uint64_t)v;
	return v ? 0 : ERR_NOTFOUND;
}

int store_group_invite_creator(struct store *s, const char *token_hash, uint64_t *by)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT created_by FROM group_invites WHERE token_hash = ?1", "s", token_hash);
	if (rc)
		return rc;
	*by = (uint64_t)v;
	return v ? 0 : ERR_NOTFOUND;
}

bool store_staff_client(struct store *s, uint64_t staff, uint64_t person)
{
	struct db *db = store_db(s);
	int64_t v = 0;
	if (!db || db_scalar(db, &v, 0,
	                     "SELECT 1 FROM org_staff s JOIN follows f ON f.followee_id = s.org_id"
	                     " WHERE s.person_id = ?1 AND f.follower_id = ?2 LIMIT 1",
	                     "uu", staff, person))
		return false;
	return v == 1;
}

bool store_staff_any(struct store *s, uint64_t person)
{
	struct db *db = store_db(s);
	int64_t v = 0;
	if (!db || db_scalar(db, &v, 0, "SELECT 1 FROM org_staff WHERE person_id = ?1 LIMIT 1", "u", person))
		return false;
	return v == 1;
}
