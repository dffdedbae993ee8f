/* Appointments: portable SQL with numbered parameters, as post.c.  The
 * overlap guard is the database's own as well as core's check: an exclusion
 * constraint on PostgreSQL, a trigger on SQLite (migration 21). */
#include "store/store_appt.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

int store_avail_set(struct store *s, uint64_t provider, const char *spec, int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO availability (provider_id, spec, updated_at) VALUES (?1, ?2, ?3)"
	               " ON CONFLICT (provider_id) DO UPDATE SET spec = excluded.spec, updated_at = excluded.updated_at",
	               "usi", provider, spec, now);
}

int store_avail_get(struct store *s, struct arena *a, uint64_t provider, const char **spec)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT spec FROM availability WHERE provider_id = ?1", "u", provider);
	int rc = db_one(st);
	if (!rc)
		*spec = arena_strdup(a, db_text(st, 0));
	db_done(st);
	return rc;
}

int store_avail_providers(struct store *s, struct arena *a, size_t max, uint64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st =
		db_query(db, "SELECT provider_id FROM availability ORDER BY provider_id LIMIT ?1", "i", (int64_t)max);
	return DB_ROWS(st, a, max, db_fill_u64, out, n);
}

int store_appt_busy(struct store *s, struct arena *a, uint64_t provider, int64_t from, int64_t to, uint64_t except,
                    int64_t **v, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT block_from, block_to FROM appointments WHERE provider_id = ?1 AND state = 0"
	                              " AND block_to > ?2 AND block_from < ?3 AND id <> ?4 ORDER BY block_from LIMIT ?5",
	                              "uiiui", provider, from, to, except, (int64_t)STORE_APPT_BUSY_MAX);
	if (!st)
		return ERR_DB;
	size_t cap = 64, k = 0;
	int64_t *out = arena_alloc(a, cap * 2 * sizeof *out);
	int rc = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (k == cap) {
			int64_t *bigger = arena_alloc(a, cap * 4 * sizeof *out);
			memcpy(bigger, out, cap * 2 * sizeof *out);
			out = bigger;
			cap *= 2;
		}
		out[2 * k] = db_i64(st, 0);
		out[2 * k + 1] = db_i64(st, 1);
		k++;
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	*v = out;
	*n = k;
	return 0;
}

#define APPT_COLS \
	"id, provider_id, client_id, booked_by, kind, starts_at, ends_at, block_from, block_to, state, seq, created_at, updated_at"

static void row(struct db_stmt *st, struct arena *a, void *row)
{
	struct appointment *p = row;
	p->id = db_u64(st, 0);
	p->provider_id = db_u64(st, 1);
	p->client_id = db_u64(st, 2);
	p->booked_by = db_u64(st, 3);
	p->kind = arena_strdup(a, db_text(st, 4));
	p->starts_at = db_i64(st, 5);
	p->ends_at = db_i64(st, 6);
	p->block_from = db_i64(st, 7);
	p->block_to = db_i64(st, 8);
	p->state = (int)db_i64(st, 9);
	p->seq = db_i64(st, 10);
	p->created_at = db_i64(st, 11);
	p->updated_at = db_i64(st, 12);
}

int store_appt_insert(struct store *s, const struct appointment *ap)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO appointments (" APPT_COLS ")"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, 0, ?10, ?10)",
	               "uuuusiiiii", ap->id, ap->provider_id, ap->client_id, ap->booked_by, ap->kind, ap->starts_at,
	               ap->ends_at, ap->block_from, ap->block_to, ap->created_at);
}

int store_appt_get(struct store *s, struct arena *a, uint64_t id, struct appointment *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " APPT_COLS " FROM appointments WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc)
		row(st, a, out);
	db_done(st);
	return rc;
}

int store_appt_lock(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	return store_lock_pg(db, "SELECT 1 FROM appointments WHERE id = ?1 FOR UPDATE", id);
}

int store_appt_lock_provider(struct store *s, uint64_t provider)
{
	DB_OR_FAIL(s);
	return store_lock_pg(db, "SELECT 1 FROM availability WHERE provider_id = ?1 FOR UPDATE", provider);
}

static int changed(struct db *db, int rc)
{
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

int store_appt_move(struct store *s, uint64_t id, int64_t starts, int64_t ends, int64_t bfrom, int64_t bto,
                    int64_t now)
{
	DB_OR_FAIL(s);
	return changed(db, db_exec(db,
	                           "UPDATE appointments SET starts_at = ?2, ends_at = ?3, block_from = ?4, block_to = ?5,"
	                           " seq = seq + 1, updated_at = ?6 WHERE id = ?1 AND state = 0",
	                           "uiiiii", id, starts, ends, bfrom, bto, now));
}

int store_appt_cancel(struct store *s, uint64_t id, int64_t now)
{
	DB_OR_FAIL(s);
	return changed(db, db_exec(db,
	                           "UPDATE appointments SET state = 1, seq = seq + 1, updated_at = ?2"
	                           " WHERE id = ?1 AND state = 0",
	                           "ui", id, now));
}

static int list(struct db_stmt *st, struct arena *a, size_t max, struct appointment **out, size_t *n)
{
	return DB_ROWS(st, a, max, row, out, n);
}

int store_appt_list(struct store *s, struct arena *a, uint64_t client, uint64_t provider, int64_t after,
                    struct appointment **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st =
		client ? db_query(db,
		                  "SELECT " APPT_COLS " FROM appointments WHERE client_id = ?1 AND ends_at > ?2"
		                  " ORDER BY starts_at, id LIMIT ?3",
		                  "uii", client, after, (int64_t)STORE_APPT_LIST_MAX)
		       : db_query(db,
		                  "SELECT " APPT_COLS " FROM appointments WHERE provider_id = ?1 AND ends_at > ?2"
		                  " ORDER BY starts_at, id LIMIT ?3",
		                  "uii", provider, after, (int64_t)STORE_APPT_LIST_MAX);
	return list(st, a, STORE_APPT_LIST_MAX, out, n);
}

int store_appt_all_booked(struct store *s, struct arena *a, size_t max, struct appointment **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " APPT_COLS " FROM appointments WHERE state = 0 ORDER BY id LIMIT ?1", "i",
	                              (int64_t)max);
	return list(st, a, max, out, n);
}

int store_appt_notice_insert(struct store *s, const struct appt_notice *n)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO appt_notices (id, appointment_id, account_id, kind, seq, starts_at, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	               "uuuiiii", n->id, n->appointment_id, n->account_id, (int64_t)n->kind, n->seq, n->starts_at,
	               n->created_at);
}

static void fill_appt_notice(struct db_stmt *st, struct arena *a, void *row)
{
	struct appt_notice *r = row;
	(void)a;
	(*r) = (struct appt_notice){db_u64(st, 0), db_u64(st, 1), db_u64(st, 2), (int)db_i64(st, 3),
	                            db_i64(st, 4), db_i64(st, 5), db_i64(st, 6)};
}

int store_appt_notices(struct store *s, struct arena *a, uint64_t account, struct appt_notice **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, appointment_id, account_id, kind, seq, starts_at, created_at"
	                              " FROM appt_notices WHERE account_id = ?1 ORDER BY id DESC LIMIT ?2",
	                              "ui", account, (int64_t)STORE_APPT_NOTICE_MAX);
	return DB_ROWS(st, a, STORE_APPT_NOTICE_MAX, fill_appt_notice, out, n);
}

int store_job_drop(struct store *s, const char *kind, const char *prefix)
{
	DB_OR_FAIL(s);
	/* substr, not LIKE: the prefix is matched as it is */
	return db_exec(db, "DELETE FROM jobs WHERE kind = ?1 AND state = 0 AND substr(arg, 1, length(?2)) = ?2", "ss",
	               kind, prefix);
}

int store_job_queued(struct store *s, struct arena *a, const char *kind, size_t max, const char ***args,
                     int64_t **run_at, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st =
		db_query(db, "SELECT arg, run_at FROM jobs WHERE kind = ?1 AND state = 0 ORDER BY id LIMIT ?2", "si", kind,
		         (int64_t)max);
	if (!st)
		return ERR_DB;
	const char **v = arena_alloc(a, (max + 1) * sizeof *v);
	int64_t *t = arena_alloc(a, (max + 1) * sizeof *t);
	size_t k = 0;
	int rc = 0;
	while (k < max && (rc = db_step(st)) == DB_ROW) {
		v[k] = arena_strdup(a, db_text(st, 0));
		t[k] = db_i64(st, 1);
		k++;
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	*args = v;
	*run_at = t;
	*n = k;
	return 0;
}

int store_calfeed_set(struct store *s, uint64_t account, const char *hash, int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO calendar_feeds (account_id, token_hash, created_at) VALUES (?1, ?2, ?3)"
	               " ON CONFLICT (account_id) DO UPDATE SET token_hash = excluded.token_hash,"
	               " created_at = excluded.created_at",
	               "usi", account, hash, now);
}

int store_calfeed_drop(struct store *s, uint64_t account)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM calendar_feeds WHERE account_id = ?1", "u", account);
}

int store_calfeed_find(struct store *s, const char *hash, uint64_t *account)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT account_id FROM calendar_feeds WHERE token_hash = ?1", "s", hash);
	if (!rc && !v)
		rc = ERR_NOTFOUND;
	if (!rc)
		*account = (uint64_t)v;
	return rc;
}

int store_calfeed_has(struct store *s, uint64_t account, bool *out)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT COUNT(*) FROM calendar_feeds WHERE account_id = ?1", "u", account);
	*out = v > 0;
	return rc;
}
