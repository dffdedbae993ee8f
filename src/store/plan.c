/* My plan: portable SQL with numbered parameters, as match.c. */
#include "store/store_plan.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "store/store_int.h"

int store_plan_goal_insert(struct store *s, const struct plan_goal *g)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO plan_goals (id, owner_id, area, picto, text, state, suggested_by, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	               "uuissiui", g->id, g->owner_id, (int64_t)g->area, g->picto, g->text, (int64_t)g->state,
	               g->suggested_by, g->created_at);
}

int store_plan_step_insert(struct store *s, const struct plan_step *st, uint64_t owner)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO plan_steps (id, goal_id, owner_id, text, state, suggested_by, done_at, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	               "uuusiuii", st->id, st->goal_id, owner, st->text, (int64_t)st->state, st->suggested_by,
	               st->done_at, st->created_at);
}

static void goal_row(struct arena *a, struct db_stmt *st, struct plan_goal *g)
{
	memset(g, 0, sizeof *g);
	g->id = db_u64(st, 0);
	g->owner_id = db_u64(st, 1);
	g->area = (int)db_i64(st, 2);
	g->picto = arena_strdup(a, db_text(st, 3));
	g->text = arena_strdup(a, db_text(st, 4));
	g->state = (int)db_i64(st, 5);
	g->suggested_by = db_u64(st, 6);
	g->created_at = db_i64(st, 7);
}

#define GOAL_COLS "id, owner_id, area, picto, text, state, suggested_by, created_at"
#define STEP_COLS "id, goal_id, text, state, suggested_by, done_at, created_at, owner_id"

static void step_row(struct arena *a, struct db_stmt *st, struct plan_step *p)
{
	memset(p, 0, sizeof *p);
	p->id = db_u64(st, 0);
	p->goal_id = db_u64(st, 1);
	p->text = arena_strdup(a, db_text(st, 2));
	p->state = (int)db_i64(st, 3);
	p->suggested_by = db_u64(st, 4);
	p->done_at = db_i64(st, 5);
	p->created_at = db_i64(st, 6);
}

int store_plan_goals(struct store *s, struct arena *a, uint64_t owner, int max_state, struct plan_goal **out,
                     size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	*out = arena_alloc(a, STORE_PLAN_GOALS_MAX * sizeof **out);
	struct db_stmt *st = db_query(db,
	                              "SELECT " GOAL_COLS " FROM plan_goals WHERE owner_id = ?1 AND state <= ?2"
	                              " ORDER BY id LIMIT ?3",
	                              "uii", owner, (int64_t)max_state, (int64_t)STORE_PLAN_GOALS_MAX);
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < STORE_PLAN_GOALS_MAX && (rc = db_step(st)) == DB_ROW)
		goal_row(a, st, &(*out)[(*n)++]);
	db_done(st);
	if (rc < 0)
		return -rc;
	for (size_t i = 0; i < *n; i++) {
		struct plan_goal *g = &(*out)[i];
		g->steps = arena_alloc(a, STORE_PLAN_STEPS_MAX * sizeof *g->steps);
		st = db_query(db,
		              "SELECT " STEP_COLS " FROM plan_steps WHERE goal_id = ?1 AND state <= ?2"
		              " ORDER BY id LIMIT ?3",
		              "uii", g->id, (int64_t)max_state, (int64_t)STORE_PLAN_STEPS_MAX);
		if (!st)
			return ERR_DB;
		rc = 0;
		while (g->nsteps < STORE_PLAN_STEPS_MAX && (rc = db_step(st)) == DB_ROW)
			step_row(a, st, &g->steps[g->nsteps++]);
		db_done(st);
		if (rc < 0)
			return -rc;
	}
	return 0;
}

int store_plan_goal_get(struct store *s, struct arena *a, uint64_t id, struct plan_goal *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " GOAL_COLS " FROM plan_goals WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc)
		goal_row(a, st, out);
	db_done(st);
	return rc;
}

int store_plan_step_get(struct store *s, struct arena *a, uint64_t id, struct plan_step *out, uint64_t *owner)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " STEP_COLS " FROM plan_steps WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc) {
		step_row(a, st, out);
		*owner = db_u64(st, 7);
	}
	db_done(st);
	return rc;
}

int store_plan_goal_set_state(struct store *s, uint64_t id, int state)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE plan_goals SET state = ?2 WHERE id = ?1", "ui", id, (int64_t)state);
}

int store_plan_step_set(struct store *s, uint64_t id, int state, int64_t done_at)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE plan_steps SET state = ?2, done_at = ?3 WHERE id = ?1", "uii", id, (int64_t)state,
	               done_at);
}

int store_plan_share_get(struct store *s, uint64_t owner, uint64_t viewer, int *kind)
{
	DB_OR_FAIL(s);
	*kind = PLAN_SHARE_NONE;
	struct db_stmt *st = db_query(db, "SELECT kind FROM plan_shares WHERE owner_id = ?1 AND viewer_id = ?2", "uu",
	                              owner, viewer);
	int rc = db_one(st);
	if (!rc)
		*kind = (int)db_i64(st, 0);
	db_done(st);
	return rc == ERR_NOTFOUND ? 0 : rc;
}

int store_plan_share_set(struct store *s, uint64_t owner, uint64_t viewer, int kind, int64_t now)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM plan_shares WHERE owner_id = ?1 AND viewer_id = ?2", "uu", owner, viewer);
	if (!rc && kind != PLAN_SHARE_NONE)
		rc = db_exec(db, "INSERT INTO plan_shares (owner_id, viewer_id, kind, created_at) VALUES (?1, ?2, ?3, ?4)",
		             "uuii", owner, viewer, (int64_t)kind, now);
	return rc;
}

static int pairs(struct db_stmt *st, uint64_t *ids, int *kinds, size_t max, size_t *n)
{
	*n = 0;
	if (!st)
		return ERR_DB;
	int rc = 0;
	while (*n < max && (rc = db_step(st)) == DB_ROW) {
		ids[*n] = db_u64(st, 0);
		kinds[(*n)++] = (int)db_i64(st, 1);
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_plan_shares(struct store *s, uint64_t owner, uint64_t *ids, int *kinds, size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	return pairs(db_query(db, "SELECT viewer_id, kind FROM plan_shares WHERE owner_id = ?1 ORDER BY created_at, viewer_id"
	                          " LIMIT ?2",
	                      "ui", owner, (int64_t)max),
	             ids, kinds, max, n);
}

int store_plan_shared_with(struct store *s, uint64_t viewer, uint64_t *owners, int *kinds, size_t max, size_t *n)
{
	DB_OR_FAIL(s);
	return pairs(db_query(db, "SELECT owner_id, kind FROM plan_shares WHERE viewer_id = ?1 ORDER BY owner_id LIMIT ?2",
	                      "ui", viewer, (int64_t)max),
	             owners, kinds, max, n);
}

int store_plan_undo_push(struct store *s, uint64_t owner, int what, uint64_t row, int old_state, int64_t old_done,
                         int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO plan_undo (id, owner_id, what, row_id, old_state, old_done_at, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	               "uuiuiii", id_new(), owner, (int64_t)what, row, (int64_t)old_state, old_done, now);
}

int store_plan_undo_pop(struct store *s, uint64_t owner, int *what, uint64_t *row, int *old_state, int64_t *old_done)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, what, row_id, old_state, old_done_at FROM plan_undo WHERE owner_id = ?1"
	                              " ORDER BY id DESC LIMIT 1",
	                              "u", owner);
	int rc = db_one(st);
	uint64_t id = 0;
	if (!rc) {
		id = db_u64(st, 0);
		*what = (int)db_i64(st, 1);
		*row = db_u64(st, 2);
		*old_state = (int)db_i64(st, 3);
		*old_done = db_i64(st, 4);
	}
	db_done(st);
	if (rc)
		return rc;
	return db_exec(db, "DELETE FROM plan_undo WHERE id = ?1", "u", id);
}

int store_plan_photo_set(struct store *s, uint64_t goal, uint64_t owner, uint64_t media)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM plan_photos WHERE goal_id = ?1", "u", goal);
	if (!rc && media)
		rc = db_exec(db, "INSERT INTO plan_photos (goal_id, owner_id, media_id) VALUES (?1, ?2, ?3)", "uuu", goal,
		             owner, media);
	return rc;
}

int store_plan_photo_get(struct store *s, uint64_t goal, uint64_t *media)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT media_id FROM plan_photos WHERE goal_id = ?1", "u", goal);
	*media = (uint64_t)v;
	return rc;
}

int store_plan_photo_owner(struct store *s, uint64_t media, uint64_t *owner)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT owner_id FROM plan_photos WHERE media_id = ?1", "u", media);
	*owner = (uint64_t)v;
	return rc ? rc : v ? 0 : ERR_NOTFOUND;
}
