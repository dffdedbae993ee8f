/* Informal carers: portable SQL with numbered parameters, as plan.c. */
#include "store/store_carer.h"

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

int store_carer_set(struct store *s, uint64_t client, uint64_t carer, int flags, int64_t now)
{
	DB_OR_FAIL(s);
	int64_t since = now; /* a change of flags keeps when the relation began */
	int rc = db_scalar(db, &since, now, "SELECT created_at FROM carers WHERE client_id = ?1 AND carer_id = ?2", "uu",
	                   client, carer);
	if (!rc)
		rc = db_exec(db, "DELETE FROM carers WHERE client_id = ?1 AND carer_id = ?2", "uu", client, carer);
	if (!rc)
		rc = db_exec(db, "INSERT INTO carers (client_id, carer_id, flags, created_at) VALUES (?1, ?2, ?3, ?4)",
		             "uuii", client, carer, (int64_t)flags, since);
	return rc;
}

int store_carer_drop(struct store *s, uint64_t client, uint64_t carer)
{
	DB_OR_FAIL(s);
	int flags;
	int rc = store_carer_get(s, client, carer, &flags);
	if (!rc)
		rc = db_exec(db, "DELETE FROM carers WHERE client_id = ?1 AND carer_id = ?2", "uu", client, carer);
	return rc;
}

int store_carer_get(struct store *s, uint64_t client, uint64_t carer, int *flags)
{
	DB_OR_FAIL(s);
	*flags = 0;
	struct db_stmt *st =
		db_query(db, "SELECT flags FROM carers WHERE client_id = ?1 AND carer_id = ?2", "uu", client, carer);
	int rc = db_one(st);
	if (!rc)
		*flags = (int)db_i64(st, 0);
	db_done(st);
	return rc;
}

int store_carer_list(struct store *s, uint64_t who, bool as_carer, uint64_t *ids, int *flags, int64_t *since,
                     size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	struct db_stmt *st =
		as_carer ? db_query(db,
		                    "SELECT client_id, flags, created_at FROM carers WHERE carer_id = ?1"
		                    " ORDER BY created_at, client_id LIMIT ?2",
		                    "ui", who, (int64_t)max)
		         : db_query(db,
		                    "SELECT carer_id, flags, created_at FROM carers WHERE client_id = ?1"
		                    " ORDER BY created_at, carer_id LIMIT ?2",
		                    "ui", who, (int64_t)max);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW) {
		ids[*n] = db_u64(st, 0);
		flags[*n] = (int)db_i64(st, 1);
		since[(*n)++] = db_i64(st, 2);
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

/* ---- photos and videos shared with a client ---- */

#define CM_COLS "id, client_id, sharer_id, media_id, caption, family, created_at"

static void cm_row(struct arena *a, struct db_stmt *st, struct care_media *m)
{
	*m = (struct care_media){.id = db_u64(st, 0), .client_id = db_u64(st, 1), .sharer_id = db_u64(st, 2),
	                         .media_id = db_u64(st, 3), .caption = arena_strdup(a, db_text(st, 4)),
	                         .family = db_i64(st, 5) != 0, .created_at = db_i64(st, 6)};
}

int store_care_media_insert(struct store *s, const struct care_media *m)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO care_media (" CM_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", "uuuusii", m->id,
	               m->client_id, m->sharer_id, m->media_id, m->caption, (int64_t)m->family, m->created_at);
}

static int cm_one(struct arena *a, struct db_stmt *st, struct care_media *out)
{
	int rc = db_one(st);
	if (!rc)
		cm_row(a, st, out);
	db_done(st);
	return rc;
}

int store_care_media_get(struct store *s, struct arena *a, uint64_t id, struct care_media *out)
{
	DB_OR_FAIL(s);
	return cm_one(a, db_query(db, "SELECT " CM_COLS " FROM care_media WHERE id = ?1", "u", id), out);
}

int store_care_media_by_media(struct store *s, struct arena *a, uint64_t media_id, struct care_media *out)
{
	DB_OR_FAIL(s);
	return cm_one(a, db_query(db, "SELECT " CM_COLS " FROM care_media WHERE media_id = ?1", "u", media_id), out);
}

int store_care_media_list(struct store *s, struct arena *a, uint64_t client, bool family_only, struct care_media **out,
                          size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	*out = arena_alloc(a, STORE_CARE_MEDIA_MAX * sizeof **out);
	struct db_stmt *st = db_query(db,
	                              "SELECT " CM_COLS " FROM care_media WHERE client_id = ?1 AND family >= ?2"
	                              " ORDER BY id DESC LIMIT ?3",
	                              "uii", client, (int64_t)family_only, (int64_t)STORE_CARE_MEDIA_MAX);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < STORE_CARE_MEDIA_MAX && (rc = db_step(st)) == DB_ROW)
		cm_row(a, st, &(*out)[(*n)++]);
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_care_media_family(struct store *s, uint64_t id, bool family)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE care_media SET family = ?2 WHERE id = ?1", "ui", id, (int64_t)family);
}

int store_care_media_delete(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM care_media WHERE id = ?1", "u", id);
}
