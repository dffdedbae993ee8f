/* Choosing a care worker: portable SQL with numbered parameters, as post.c. */
#include "store/store_match.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

int store_pro_profile_get(struct store *s, struct arena *a, uint64_t id, struct pro_profile *out)
{
	DB_OR_FAIL(s);
	memset(out, 0, sizeof *out);
	out->account_id = id;
	out->intro = out->approach = "";
	out->taking_new = true;
	struct db_stmt *st = db_query(db,
	                              "SELECT intro, approach, taking_new, updated_at FROM pro_profiles"
	                              " WHERE account_id = ?1",
	                              "u", id);
	int rc = db_one(st);
	if (!rc) {
		out->intro = arena_strdup(a, db_text(st, 0));
		out->approach = arena_strdup(a, db_text(st, 1));
		out->taking_new = db_i64(st, 2) != 0;
		out->updated_at = db_i64(st, 3);
	}
	db_done(st);
	return rc == ERR_NOTFOUND ? 0 : rc;
}

int store_pro_profile_set(struct store *s, const struct pro_profile *p)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM pro_profiles WHERE account_id = ?1", "u", p->account_id);
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO pro_profiles (account_id, intro, approach, taking_new, updated_at)"
		             " VALUES (?1, ?2, ?3, ?4, ?5)",
		             "ussii", p->account_id, p->intro, p->approach, (int64_t)p->taking_new, p->updated_at);
	return rc;
}

int store_match_candidates(struct store *s, uint64_t viewer, const struct match_filter *f, bool unchosen,
                           uint64_t *ids, size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	if (max > STORE_MATCH_MAX)
		max = STORE_MATCH_MAX;
	/* Those taking new clients first, then the rest, each in id order: two
	 * walks along the primary key that stop at `max`, rather than one sort of
	 * every match (that sort was nearly all of a request's cost). */
	int rc = 0;
	for (int tier = 1; tier >= 0 && !rc && *n < max; tier--) {
		struct db_stmt *st = db_query(
		        db,
		        "SELECT a.id FROM accounts a LEFT JOIN pro_profiles p ON p.account_id = a.id"
		        " WHERE a.kind = ?1 AND a.person_type = ?2 AND a.suspended = 0 AND a.id <> ?3 AND a.id > ?4"
		        " AND COALESCE(p.taking_new, 1) = ?10"
		        " AND (?5 = '' OR lower(a.expertise) LIKE '%' || ?5 || '%')"
		        " AND (?6 = '' OR lower(a.languages) LIKE '%' || ?6 || '%')"
		        " AND (?7 = '' OR lower(a.region) LIKE '%' || ?7 || '%')"
		        " AND (CAST(?8 AS BIGINT) = 0 OR NOT EXISTS (SELECT 1 FROM match_choices m"
		        " WHERE m.client_id = ?3 AND m.pro_id = a.id))"
		        " ORDER BY a.id LIMIT ?9",
		        "iiuusssiii", (int64_t)ACCOUNT_PERSON, (int64_t)PERSON_PROFESSIONAL, viewer, (uint64_t)0,
		        f->expertise ? f->expertise : "", f->language ? f->language : "", f->region ? f->region : "",
		        (int64_t)unchosen, (int64_t)(max - *n), (int64_t)tier);
		if (!st)
			return ERR_DB;
		while (*n < max && (rc = db_step(st)) == DB_ROW)
			ids[(*n)++] = db_u64(st, 0);
		db_done(st);
		rc = rc < 0 ? -rc : 0;
	}
	return rc;
}

struct card_parts {
	struct arena *a;
	const uint64_t *ids;
	size_t n;
	struct pro_profile *profiles;
	int *choices;
	int64_t *requested;
	bool *has_avail;
};

static void profile_row(struct db_stmt *st, void *ctx)
{
	struct card_parts *c = ctx;
	uint64_t id = db_u64(st, 0);
	for (size_t i = 0; i < c->n; i++)
		if (c->ids[i] == id) {
			c->profiles[i].intro = arena_strdup(c->a, db_text(st, 1));
			c->profiles[i].approach = arena_strdup(c->a, db_text(st, 2));
			c->profiles[i].taking_new = db_i64(st, 3) != 0;
			c->profiles[i].updated_at = db_i64(st, 4);
		}
}

static void choice_row(struct db_stmt *st, void *ctx)
{
	struct card_parts *c = ctx;
	uint64_t id = db_u64(st, 0);
	for (size_t i = 0; i < c->n; i++)
		if (c->ids[i] == id) {
			c->choices[i] = (int)db_i64(st, 1);
			c->requested[i] = db_i64(st, 2);
		}
}

static void avail_row(struct db_stmt *st, void *ctx)
{
	struct card_parts *c = ctx;
	uint64_t id = db_u64(st, 0);
	for (size_t i = 0; i < c->n; i++)
		if (c->ids[i] == id)
			c->has_avail[i] = true;
}

int store_match_card_parts(struct store *s, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                           struct pro_profile *profiles, int *choices, int64_t *requested, bool *has_avail)
{
	DB_OR_FAIL(s);
	for (size_t i = 0; i < n; i++) {
		memset(&profiles[i], 0, sizeof profiles[i]);
		profiles[i].account_id = ids[i];
		profiles[i].intro = profiles[i].approach = "";
		profiles[i].taking_new = true;
		choices[i] = MATCH_NONE;
		requested[i] = 0;
		has_avail[i] = false;
	}
	struct card_parts c = {a, ids, n, profiles, choices, requested, has_avail};
	int rc = db_each_ids(db,
	                     "SELECT p.account_id, p.intro, p.approach, p.taking_new, p.updated_at"
	                     " FROM " DB_IDS_ROWS " CROSS JOIN pro_profiles p WHERE p.account_id = ids.column1",
	                     ids, n, 0, profile_row, &c);
	if (!rc && viewer)
		rc = db_each_ids(db,
		                 "SELECT m.pro_id, m.choice, m.requested_at FROM " DB_IDS_ROWS " CROSS JOIN match_choices m"
		                 " WHERE m.pro_id = ids.column1 AND m.client_id = ?41",
		                 ids, n, viewer, choice_row, &c);
	if (!rc)
		rc = db_each_ids(db, "SELECT v.provider_id FROM " DB_IDS_ROWS " CROSS JOIN availability v"
		                 " WHERE v.provider_id = ids.column1", ids, n, 0,
		                 avail_row, &c);
	return rc;
}

int store_match_choice_set(struct store *s, uint64_t client, uint64_t pro, int choice, uint64_t seq, int64_t now)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM match_choices WHERE client_id = ?1 AND pro_id = ?2", "uu", client, pro);
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO match_choices (client_id, pro_id, choice, created_at, seq)"
		             " VALUES (?1, ?2, ?3, ?4, ?5)",
		             "uuiiu", client, pro, (int64_t)choice, now, seq);
	return rc;
}

int store_match_choice_get(struct store *s, uint64_t client, uint64_t pro, int *choice, int64_t *requested_at)
{
	DB_OR_FAIL(s);
	*choice = MATCH_NONE;
	*requested_at = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT choice, requested_at FROM match_choices WHERE client_id = ?1 AND pro_id = ?2",
	                              "uu", client, pro);
	int rc = db_one(st);
	if (!rc) {
		*choice = (int)db_i64(st, 0);
		*requested_at = db_i64(st, 1);
	}
	db_done(st);
	return rc == ERR_NOTFOUND ? 0 : rc;
}

int store_match_undo_last(struct store *s, uint64_t client, uint64_t *pro)
{
	DB_OR_FAIL(s);
	*pro = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT pro_id FROM match_choices WHERE client_id = ?1 AND requested_at = 0"
	                              " ORDER BY seq DESC LIMIT 1",
	                              "u", client);
	int rc = db_one(st);
	uint64_t which = 0;
	if (!rc)
		which = db_u64(st, 0);
	db_done(st);
	if (rc)
		return rc == ERR_NOTFOUND ? 0 : rc;
	*pro = which;
	return db_exec(db, "DELETE FROM match_choices WHERE client_id = ?1 AND pro_id = ?2", "uu", client, which);
}

int store_match_likes(struct store *s, uint64_t client, uint64_t *ids, size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT pro_id FROM match_choices WHERE client_id = ?1 AND choice = ?2"
	                              " ORDER BY seq DESC LIMIT ?3",
	                              "uii", client, (int64_t)MATCH_LIKE, (int64_t)max);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW)
		ids[(*n)++] = db_u64(st, 0);
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_match_request(struct store *s, uint64_t client, uint64_t pro, const char *message, int64_t now)
{
	DB_OR_FAIL(s);
	int choice;
	int64_t at;
	int rc = store_match_choice_get(s, client, pro, &choice, &at);
	if (rc)
		return rc;
	if (choice != MATCH_LIKE)
		return ERR_NOTFOUND;
	if (at)
		return ERR_EXISTS;
	return db_exec(db,
	               "UPDATE match_choices SET requested_at = ?3, message = ?4 WHERE client_id = ?1 AND pro_id = ?2",
	               "uuis", client, pro, now, message);
}

int store_match_requests(struct store *s, struct arena *a, uint64_t pro, uint64_t *clients, const char **messages,
                         int64_t *at, size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT client_id, message, requested_at FROM match_choices"
	                              " WHERE pro_id = ?1 AND choice = ?2 AND requested_at <> 0"
	                              " ORDER BY requested_at DESC LIMIT ?3",
	                              "uii", pro, (int64_t)MATCH_LIKE, (int64_t)max);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW) {
		clients[*n] = db_u64(st, 0);
		messages[*n] = arena_strdup(a, db_text(st, 1));
		at[*n] = db_i64(st, 2);
		(*n)++;
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}
