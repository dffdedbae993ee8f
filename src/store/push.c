/*
 * Web Push subscriptions (see store_push.h).
 */
#include "store/store_push.h"

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

#define SUB_COLS \
	"p.id, p.token_id, p.account_id, p.endpoint, p.p256dh, p.auth, p.token_box, p.alerts, p.policy," \
	" p.standard, p.created_at"

static void sub_row(struct arena *a, struct db_stmt *st, struct push_sub *p)
{
	p->id = db_u64(st, 0);
	p->token_id = db_u64(st, 1);
	p->account_id = db_u64(st, 2);
	p->endpoint = arena_strdup(a, db_text(st, 3));
	p->p256dh = arena_strdup(a, db_text(st, 4));
	p->auth = arena_strdup(a, db_text(st, 5));
	p->token_box = arena_strdup(a, db_text(st, 6));
	p->alerts = (int)db_i64(st, 7);
	p->policy = (int)db_i64(st, 8);
	p->standard = db_i64(st, 9) != 0;
	p->created_at = db_i64(st, 10);
}

static int sub_one(struct arena *a, struct db_stmt *st, struct push_sub **out)
{
	int rc = db_one(st);
	if (!rc) {
		*out = arena_alloc(a, sizeof **out);
		sub_row(a, st, *out);
	}
	db_done(st);
	return rc;
}

int store_push_put(struct store *s, const struct push_sub *p)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db, "DELETE FROM push_subscriptions WHERE token_id = ?1", "u", p->token_id);
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO push_subscriptions (id, token_id, account_id, endpoint, p256dh, auth, alerts,"
		             " policy, standard, token_box, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
		             "?10, ?11)",
		             "uuusssiiisi", p->id, p->token_id, p->account_id, p->endpoint, p->p256dh, p->auth,
		             (int64_t)p->alerts, (int64_t)p->policy, (int64_t)p->standard, p->token_box, p->created_at);
	return db_finish(db, rc);
}

int store_push_get(struct store *s, struct arena *a, uint64_t id, struct push_sub **out)
{
	DB_OR_FAIL(s);
	return sub_one(a,
	               db_query(db,
	                        "SELECT " SUB_COLS " FROM push_subscriptions p JOIN oauth_tokens t ON t.id = p.token_id"
	                        " WHERE p.id = ?1 AND t.revoked = 0",
	                        "u", id),
	               out);
}

int store_push_by_token(struct store *s, struct arena *a, uint64_t token_id, struct push_sub **out)
{
	DB_OR_FAIL(s);
	return sub_one(
	        a, db_query(db, "SELECT " SUB_COLS " FROM push_subscriptions p WHERE p.token_id = ?1", "u", token_id),
	        out);
}

int store_push_update(struct store *s, uint64_t token_id, int alerts, int policy)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "UPDATE push_subscriptions SET alerts = ?1, policy = ?2 WHERE token_id = ?3", "iiu",
	                 (int64_t)alerts, (int64_t)policy, token_id);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

int store_push_delete_token(struct store *s, uint64_t token_id)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM push_subscriptions WHERE token_id = ?1", "u", token_id);
}

int store_push_delete(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM push_subscriptions WHERE id = ?1", "u", id);
}

int store_push_for_account(struct store *s, struct arena *a, uint64_t account, struct push_sub **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	struct db_stmt *st =
	        db_query(db,
	                 "SELECT " SUB_COLS " FROM push_subscriptions p JOIN oauth_tokens t ON t.id = p.token_id"
	                 " WHERE p.account_id = ?1 AND t.revoked = 0 ORDER BY p.id LIMIT 20",
	                 "u", account);
	if (!st)
		return ERR_DB;
	struct push_sub *v = arena_alloc(a, STORE_PUSH_PER_ACCOUNT * sizeof *v);
	size_t k = 0;
	int rc;
	while (k < STORE_PUSH_PER_ACCOUNT && (rc = db_step(st)) == DB_ROW)
		sub_row(a, st, &v[k++]);
	db_done(st);
	*out = v;
	*n = k;
	return rc < 0 ? -rc : 0;
}

int store_notif_find(struct store *s, uint64_t account, int kind, uint64_t actor, uint64_t post, uint64_t *id,
                     uint64_t *org)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, org_id FROM notifications WHERE account_id = ?1 AND kind = ?2"
	                              " AND actor_id = ?3 AND post_id = ?4 ORDER BY id DESC LIMIT 1",
	                              "uiuu", account, (int64_t)kind, actor, post);
	int rc = db_one(st);
	if (!rc) {
		*id = db_u64(st, 0);
		*org = db_u64(st, 1);
	}
	db_done(st);
	return rc;
}

int store_push_jobs_forget(struct store *s, int64_t before)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM jobs WHERE state = 2 AND run_at < ?1 AND kind = 'push'", "i", before);
}
