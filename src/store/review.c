/* Reviews: portable SQL with numbered parameters, as post.c. */
#include "store/store_review.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

#define REVIEW_COLS \
	"id, provider_id, author_id, relation, relation_key, relation_since, mark_info, mark_listen, mark_wait," \
	" mark_result, text, service, experience_at, created_at, updated_at, state, reason, signals, minhash," \
	" reply, reply_at"

static void row(struct arena *a, struct db_stmt *st, struct review *rv)
{
	memset(rv, 0, sizeof *rv);
	rv->id = db_u64(st, 0);
	rv->provider_id = db_u64(st, 1);
	rv->author_id = db_u64(st, 2);
	rv->relation = (int)db_i64(st, 3);
	rv->relation_key = arena_strdup(a, db_text(st, 4));
	rv->relation_since = db_i64(st, 5);
	for (int k = 0; k < REVIEW_ASPECTS; k++)
		rv->marks[k] = (int)db_i64(st, 6 + k);
	rv->text = arena_strdup(a, db_text(st, 10));
	rv->service = arena_strdup(a, db_text(st, 11));
	rv->experience_at = db_i64(st, 12);
	rv->created_at = db_i64(st, 13);
	rv->updated_at = db_i64(st, 14);
	rv->state = (int)db_i64(st, 15);
	rv->reason = arena_strdup(a, db_text(st, 16));
	rv->signals = (int)db_i64(st, 17);
	rv->minhash = arena_strdup(a, db_text(st, 18));
	rv->reply = arena_strdup(a, db_text(st, 19));
	rv->reply_at = db_i64(st, 20);
}

int store_review_insert(struct store *s, const struct review *rv)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO reviews (" REVIEW_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	               " ?13, ?14, ?15, ?16, ?17, ?18, ?19, '', 0)",
	               "uuuisiiiiissiiiisis", rv->id, rv->provider_id, rv->author_id, (int64_t)rv->relation,
	               rv->relation_key, rv->relation_since, (int64_t)rv->marks[0], (int64_t)rv->marks[1],
	               (int64_t)rv->marks[2], (int64_t)rv->marks[3], rv->text, rv->service, rv->experience_at,
	               rv->created_at, rv->updated_at, (int64_t)rv->state, rv->reason, (int64_t)rv->signals,
	               rv->minhash);
}

static int changed(struct db *db, int rc)
{
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

int store_review_update(struct store *s, const struct review *rv)
{
	DB_OR_FAIL(s);
	return changed(db, db_exec(db,
	                           "UPDATE reviews SET mark_info = ?2, mark_listen = ?3, mark_wait = ?4, mark_result = ?5,"
	                           " text = ?6, service = ?7, experience_at = ?8, updated_at = ?9, state = ?10,"
	                           " reason = ?11, signals = ?12, minhash = ?13 WHERE id = ?1",
	                           "uiiiissiiisis", rv->id, (int64_t)rv->marks[0], (int64_t)rv->marks[1],
	                           (int64_t)rv->marks[2], (int64_t)rv->marks[3], rv->text, rv->service,
	                           rv->experience_at, rv->updated_at, (int64_t)rv->state, rv->reason,
	                           (int64_t)rv->signals, rv->minhash));
}

int store_review_set_state(struct store *s, uint64_t id, int state, const char *reason, int64_t now)
{
	DB_OR_FAIL(s);
	return changed(db, db_exec(db, "UPDATE reviews SET state = ?2, reason = ?3, updated_at = ?4 WHERE id = ?1",
	                           "uisi", id, (int64_t)state, reason ? reason : "", now));
}

int store_review_set_reply(struct store *s, uint64_t id, const char *reply, int64_t now)
{
	DB_OR_FAIL(s);
	int rc = changed(db, db_exec(db, "UPDATE reviews SET reply = ?2, reply_at = ?3 WHERE id = ?1 AND reply_at = 0",
	                             "usi", id, reply, now));
	return rc == ERR_NOTFOUND ? ERR_EXISTS : rc;
}

int store_review_get(struct store *s, struct arena *a, uint64_t id, struct review *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " REVIEW_COLS " FROM reviews WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc)
		row(a, st, out);
	db_done(st);
	return rc;
}

int store_review_list(struct store *s, struct arena *a, uint64_t provider, uint64_t author, int state, int64_t since,
                      size_t limit, struct review **out, size_t *n)
{
	DB_OR_FAIL(s);
	if (limit > STORE_REVIEW_LIST_MAX)
		limit = STORE_REVIEW_LIST_MAX;
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT " REVIEW_COLS " FROM reviews WHERE (CAST(?1 AS BIGINT) = 0 OR provider_id = ?1)"
	                              " AND (CAST(?2 AS BIGINT) = 0 OR author_id = ?2) AND (CAST(?3 AS BIGINT) < 0 OR state = ?3)"
	                              " AND created_at >= ?4"
	                              " ORDER BY id DESC LIMIT ?5",
	                              "uuiii", provider, author, (int64_t)state, since, (int64_t)limit);
	if (!st)
		return ERR_DB;
	size_t cap = 16, k = 0;
	struct review *v = arena_alloc(a, cap * sizeof *v);
	int rc = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (k == cap) {
			struct review *w = arena_alloc(a, 2 * cap * sizeof *w);
			memcpy(w, v, k * sizeof *v);
			v = w;
			cap *= 2;
		}
		row(a, st, &v[k++]);
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	*out = v;
	*n = k;
	return 0;
}

int store_review_taken(struct store *s, uint64_t author, uint64_t provider, const char *key, bool *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT 1 FROM reviews WHERE author_id = ?1 AND provider_id = ?2"
	                              " AND relation_key = ?3 AND state <> ?4 LIMIT 1",
	                              "uusi", author, provider, key, (int64_t)REVIEW_WITHDRAWN);
	int rc = db_one(st);
	db_done(st);
	*out = rc == 0;
	return rc == ERR_NOTFOUND ? 0 : rc;
}

int store_review_log_add(struct store *s, const struct review_log_entry *e)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO review_log (id, review_id, actor_id, action, reason, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	               "uuussi", e->id, e->review_id, e->actor_id, e->action, e->reason ? e->reason : "",
	               e->created_at);
}

int store_review_log_list(struct store *s, struct arena *a, size_t limit, struct review_log_entry **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = arena_alloc(a, (limit ? limit : 1) * sizeof **out);
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT id, review_id, actor_id, action, reason, created_at FROM review_log"
	                              " ORDER BY id DESC LIMIT ?1",
	                              "i", (int64_t)limit);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < limit && (rc = db_step(st)) == DB_ROW) {
		struct review_log_entry *e = &(*out)[(*n)++];
		e->id = db_u64(st, 0);
		e->review_id = db_u64(st, 1);
		e->actor_id = db_u64(st, 2);
		e->action = arena_strdup(a, db_text(st, 3));
		e->reason = arena_strdup(a, db_text(st, 4));
		e->created_at = db_i64(st, 5);
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_review_off_set(struct store *s, uint64_t org, const char *service, bool off, int64_t now)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM review_services_off WHERE org_id = ?1 AND service = ?2", "us", org, service);
	if (!rc && off)
		rc = db_exec(db, "INSERT INTO review_services_off (org_id, service, created_at) VALUES (?1, ?2, ?3)",
		             "usi", org, service, now);
	return rc;
}

int store_review_off_list(struct store *s, struct arena *a, uint64_t org, const char ***out, size_t *n)
{
	DB_OR_FAIL(s);
	size_t max = 64;
	*out = arena_alloc(a, max * sizeof **out);
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT service FROM review_services_off WHERE org_id = ?1 ORDER BY service LIMIT 64",
	                              "u", org);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW)
		(*out)[(*n)++] = arena_strdup(a, db_text(st, 0));
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_review_rel_groups(struct store *s, uint64_t author, uint64_t provider, int64_t member_before,
                            uint64_t *groups, int64_t *since, size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT m.group_id, m.since FROM group_members m JOIN groups g ON g.id = m.group_id"
	                              " WHERE m.account_id = ?1 AND m.state = ?2 AND m.since <= ?3 AND g.owner_id <> ?1"
	                              " AND (g.owner_id = ?4 OR g.owner_id IN"
	                              " (SELECT person_id FROM org_staff WHERE org_id = ?4))"
	                              " ORDER BY m.since DESC LIMIT 16",
	                              "uiiu", author, (int64_t)GSTATE_MEMBER, member_before, provider);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW) {
		groups[*n] = db_u64(st, 0);
		since[*n] = db_i64(st, 1);
		(*n)++;
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_review_rel_convs(struct store *s, uint64_t author, uint64_t provider, int64_t since, uint64_t *roots,
                           int64_t *at, size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	struct db_stmt *st =
	        db_query(db,
	                 "SELECT p.root_id, MIN(p.created_at) FROM posts p"
	                 " JOIN post_recipients r ON r.post_id = p.id AND r.account_id = ?1"
	                 " WHERE p.author_id = ?2 AND p.visibility = ?3 AND p.deleted = 0 AND p.created_at >= ?4"
	                 " AND EXISTS (SELECT 1 FROM posts q JOIN post_recipients rq ON rq.post_id = q.id"
	                 " AND rq.account_id = ?2 WHERE q.author_id = ?1 AND q.visibility = ?3 AND q.deleted = 0"
	                 " AND q.root_id = p.root_id AND q.id < p.id)"
	                 " GROUP BY p.root_id ORDER BY MIN(p.created_at) DESC LIMIT 16",
	                 "uuii", author, provider, (int64_t)VIS_DIRECT, since);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW) {
		roots[*n] = db_u64(st, 0);
		at[*n] = db_i64(st, 1);
		(*n)++;
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

static int rel_rows(struct db_stmt *st, uint64_t *ids, int64_t *at, size_t max, size_t *n)
{
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW) {
		ids[*n] = db_u64(st, 0);
		at[*n] = db_i64(st, 1);
		(*n)++;
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_review_rel_appts(struct store *s, uint64_t author, uint64_t provider, int64_t since, int64_t now,
                           uint64_t *ids, int64_t *at, size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	return rel_rows(db_query(db,
	                         "SELECT id, ends_at FROM appointments WHERE client_id = ?1 AND provider_id = ?2"
	                         " AND state = ?3 AND ends_at >= ?4 AND ends_at <= ?5 ORDER BY ends_at DESC LIMIT 16",
	                         "uuiii", author, provider, (int64_t)APPT_BOOKED, since, now),
	                ids, at, max, n);
}

int store_review_rel_consults(struct store *s, uint64_t author, uint64_t provider, int64_t since, uint64_t *ids,
                              int64_t *at, size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	return rel_rows(db_query(db,
	                         "SELECT q.id, q.answered_at FROM consult_questions q"
	                         " JOIN consult_sessions c ON c.id = q.session_id"
	                         " WHERE q.asker_id = ?1 AND c.owner_id = ?2 AND q.state = ?3 AND q.answered_at >= ?4"
	                         " ORDER BY q.answered_at DESC LIMIT 16",
	                         "uuii", author, provider, (int64_t)CQ_ANSWERED, since),
	                ids, at, max, n);
}
