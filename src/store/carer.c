/* Informal carers: portable SQL with numbered parameters, as plan.c. */
#include "store/store_carer.h"

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
