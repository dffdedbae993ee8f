/* Webcare's tables: portable SQL with numbered parameters, as post.c. */
#include "store/store_webcare.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "store/store_int.h"

#define ITEM_COLS \
	"id, org_id, origin, origin_key, kind, post_id, author_id, author_name, url, title, text, created_at," \
	" visible_at, status, snooze_until, topic, priority, team_id, assignee_id, sentiment, score_milli, urgent," \
	" first_answer_at, followup_at, followup_sent, updated_at"

static void item_row(struct db_stmt *st, struct arena *a, void *row)
{
	struct wc_item *it = row;
	memset(it, 0, sizeof *it);
	it->id = db_u64(st, 0);
	it->org_id = db_u64(st, 1);
	it->origin = arena_strdup(a, db_text(st, 2));
	it->origin_key = arena_strdup(a, db_text(st, 3));
	it->kind = arena_strdup(a, db_text(st, 4));
	it->post_id = db_u64(st, 5);
	it->author_id = db_u64(st, 6);
	it->author_name = arena_strdup(a, db_text(st, 7));
	it->url = arena_strdup(a, db_text(st, 8));
	it->title = arena_strdup(a, db_text(st, 9));
	it->text = arena_strdup(a, db_text(st, 10));
	it->created_at = db_i64(st, 11);
	it->visible_at = db_i64(st, 12);
	it->status = (int)db_i64(st, 13);
	it->snooze_until = db_i64(st, 14);
	it->topic = arena_strdup(a, db_text(st, 15));
	it->priority = (int)db_i64(st, 16);
	it->team_id = db_u64(st, 17);
	it->assignee_id = db_u64(st, 18);
	it->sentiment = arena_strdup(a, db_text(st, 19));
	it->score_milli = (int)db_i64(st, 20);
	it->urgent = db_i64(st, 21) != 0;
	it->first_answer_at = db_i64(st, 22);
	it->followup_at = db_i64(st, 23);
	it->followup_sent = db_i64(st, 24) != 0;
	it->updated_at = db_i64(st, 25);
}

static int changed(struct db *db, int rc)
{
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

int store_wc_item_insert(struct store *s, const struct wc_item *it, bool *inserted)
{
	DB_OR_FAIL(s);
	*inserted = false;
	int rc = db_exec(db,
	                 "INSERT INTO webcare_items (id, org_id, origin, origin_key, kind, post_id, author_id,"
	                 " author_name, url, title, text, created_at, visible_at, status, topic, priority, team_id,"
	                 " sentiment, score_milli, urgent, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	                 " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
	                 " ON CONFLICT (org_id, origin, origin_key) DO NOTHING",
	                 "uusssuussssiiisiusiii", it->id, it->org_id, it->origin, it->origin_key, it->kind, it->post_id,
	                 it->author_id, it->author_name, it->url, it->title, it->text, it->created_at, it->visible_at,
	                 (int64_t)it->status, it->topic, (int64_t)it->priority, it->team_id, it->sentiment,
	                 (int64_t)it->score_milli, (int64_t)it->urgent, it->updated_at);
	if (!rc)
		*inserted = db->drv->changes(db) > 0;
	return rc;
}

static int one_item(struct db_stmt *st, struct arena *a, struct wc_item **out)
{
	int rc = db_one(st);
	if (!rc) {
		*out = arena_alloc(a, sizeof **out);
		item_row(st, a, *out);
	}
	db_done(st);
	return rc;
}

int store_wc_item_get(struct store *s, struct arena *a, uint64_t org, uint64_t id, struct wc_item **out)
{
	DB_OR_FAIL(s);
	return one_item(db_query(db, "SELECT " ITEM_COLS " FROM webcare_items WHERE id = ?1 AND org_id = ?2", "uu", id,
	                         org),
	                a, out);
}

int store_wc_item_by_key(struct store *s, struct arena *a, uint64_t org, const char *origin, const char *key,
                         struct wc_item **out)
{
	DB_OR_FAIL(s);
	return one_item(db_query(db,
	                         "SELECT " ITEM_COLS " FROM webcare_items WHERE org_id = ?1 AND origin = ?2"
	                         " AND origin_key = ?3",
	                         "uss", org, origin, key),
	                a, out);
}

static int item_list(struct db_stmt *st, struct arena *a, int limit, struct wc_item **out, size_t *n)
{
	return DB_ROWS(st, a, (size_t)limit, item_row, out, n);
}

int store_wc_items(struct store *s, struct arena *a, uint64_t org, const struct wc_filter *f, int64_t now,
                   struct wc_item **out, size_t *n)
{
	DB_OR_FAIL(s);
	int limit = f->limit > 0 && f->limit <= STORE_WC_LIST_MAX ? f->limit : STORE_WC_LIST_MAX;
	/* The statuses asked for, as a list the index (org_id, status, id) can
	 * seek: one status; -1 every open one (not closed); -2 all.  With
	 * "status <> 4" the query read every closed item of the organisation
	 * (100,000 items: 78 ms a page, make bench).  Items snoozed until later
	 * come last; once their date has come they sort as any. */
	int64_t st6[6];
	for (int i = 0; i < 6; i++)
		st6[i] = f->status == -2 ? i : f->status == -1 ? (i == 4 ? WC_PENDING : i) : f->status;
	struct db_stmt *st = db_query(
	        db,
	        "SELECT " ITEM_COLS " FROM webcare_items WHERE org_id = ?1 AND visible_at <= ?2"
	        " AND status IN (?3, ?9, ?10, ?11, ?12, ?13)"
	        " AND (CAST(?4 AS TEXT) = '' OR topic = ?4) AND (CAST(?5 AS BIGINT) = 0 OR team_id = ?5)"
	        " AND (CAST(?6 AS BIGINT) = 0 OR assignee_id = ?6)"
	        " ORDER BY CASE WHEN status = 5 AND snooze_until > ?2 THEN 1 ELSE 0 END,"
	        " CASE WHEN CAST(?8 AS TEXT) <> '' AND topic = ?8 THEN 0 ELSE 1 END, urgent DESC, priority DESC,"
	        " created_at, id LIMIT ?7",
	        "uiisuuisiiiii", org, now, st6[0], f->topic ? f->topic : "", f->team_id, f->assignee_id,
	        (int64_t)limit, f->first_topic ? f->first_topic : "", st6[1], st6[2], st6[3], st6[4], st6[5]);
	return item_list(st, a, limit, out, n);
}

int store_wc_item_update(struct store *s, const struct wc_item *it)
{
	DB_OR_FAIL(s);
	return changed(db, db_exec(db,
	                           "UPDATE webcare_items SET status = ?3, snooze_until = ?4, topic = ?5, priority = ?6,"
	                           " team_id = ?7, assignee_id = ?8, first_answer_at = ?9, followup_at = ?10,"
	                           " followup_sent = ?11, updated_at = ?12 WHERE id = ?1 AND org_id = ?2",
	                           "uuiisiuuiiii", it->id, it->org_id, (int64_t)it->status, it->snooze_until, it->topic,
	                           (int64_t)it->priority, it->team_id, it->assignee_id, it->first_answer_at,
	                           it->followup_at, (int64_t)it->followup_sent, it->updated_at));
}

int store_wc_post_gone(struct store *s, uint64_t post)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db,
	                 "DELETE FROM webcare_events WHERE item_id IN (SELECT id FROM webcare_items WHERE post_id = ?1"
	                 " AND post_id <> 0)",
	                 "u", post);
	if (!rc)
		rc = db_exec(db, "DELETE FROM webcare_items WHERE post_id = ?1 AND post_id <> 0", "u", post);
	return rc;
}

int store_wc_post_text(struct store *s, uint64_t post, const char *text)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE webcare_items SET text = ?2 WHERE post_id = ?1 AND post_id <> 0", "us", post, text);
}

int store_wc_queue(struct store *s, struct arena *a, uint64_t org, uint64_t team, int limit, uint64_t **ids,
                   size_t *n)
{
	DB_OR_FAIL(s);
	if (limit <= 0 || limit > STORE_WC_LIST_MAX)
		limit = STORE_WC_LIST_MAX;
	struct db_stmt *st = db_query(db,
	                              "SELECT id FROM webcare_items WHERE org_id = ?1 AND team_id = ?2 AND assignee_id = 0"
	                              " AND status = 0 ORDER BY id LIMIT ?3",
	                              "uui", org, team, (int64_t)limit);
	return DB_ROWS(st, a, (size_t)limit, db_fill_u64, ids, n);
}

int store_wc_followups_due(struct store *s, struct arena *a, int64_t now, int limit, struct wc_item **out,
                           size_t *n)
{
	DB_OR_FAIL(s);
	if (limit <= 0 || limit > STORE_WC_LIST_MAX)
		limit = STORE_WC_LIST_MAX;
	struct db_stmt *st = db_query(db,
	                              "SELECT " ITEM_COLS " FROM webcare_items WHERE followup_at <> 0 AND followup_at <= ?1"
	                              " AND followup_sent = 0 AND status = 2 ORDER BY followup_at LIMIT ?2",
	                              "ii", now, (int64_t)limit);
	return item_list(st, a, limit, out, n);
}

int store_wc_event_add(struct store *s, uint64_t item, uint64_t actor, const char *action, const char *note,
                       int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO webcare_events (id, item_id, actor_id, action, note, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	               "uuussi", id_new(), item, actor, action, note ? note : "", now);
}

static void fill_wc_event(struct db_stmt *st, struct arena *a, void *row)
{
	struct wc_event *r = row;
	r->id = db_u64(st, 0);
	r->item_id = db_u64(st, 1);
	r->actor_id = db_u64(st, 2);
	r->action = arena_strdup(a, db_text(st, 3));
	r->note = arena_strdup(a, db_text(st, 4));
	r->created_at = db_i64(st, 5);
}

int store_wc_events(struct store *s, struct arena *a, uint64_t item, struct wc_event **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, item_id, actor_id, action, note, created_at FROM webcare_events"
	                              " WHERE item_id = ?1 ORDER BY id LIMIT ?2",
	                              "ui", item, (int64_t)STORE_WC_SMALL_MAX);
	return DB_ROWS(st, a, STORE_WC_SMALL_MAX, fill_wc_event, out, n);
}

int store_wc_team_save(struct store *s, struct wc_team *t)
{
	DB_OR_FAIL(s);
	int64_t taken = 0;
	int rc = db_scalar(db, &taken, 0, "SELECT COUNT(*) FROM webcare_teams WHERE org_id = ?1 AND name = ?2 AND id <> ?3",
	                   "usu", t->org_id, t->name, t->id);
	if (rc)
		return rc;
	if (taken)
		return ERR_CONFLICT;
	if (!t->id) {
		t->id = id_new();
		return db_exec(db,
		               "INSERT INTO webcare_teams (id, org_id, name, topics, mode, followup_days, created_at)"
		               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		               "uussiii", t->id, t->org_id, t->name, t->topics, (int64_t)t->mode, (int64_t)t->followup_days,
		               time_now());
	}
	return changed(db, db_exec(db,
	                           "UPDATE webcare_teams SET name = ?3, topics = ?4, mode = ?5, followup_days = ?6"
	                           " WHERE id = ?1 AND org_id = ?2",
	                           "uussii", t->id, t->org_id, t->name, t->topics, (int64_t)t->mode,
	                           (int64_t)t->followup_days));
}

int store_wc_team_delete(struct store *s, uint64_t org, uint64_t id)
{
	DB_OR_FAIL(s);
	int rc = changed(db, db_exec(db, "DELETE FROM webcare_teams WHERE id = ?1 AND org_id = ?2", "uu", id, org));
	if (!rc)
		rc = db_exec(db, "DELETE FROM webcare_members WHERE team_id = ?1", "u", id);
	if (!rc)
		rc = db_exec(db, "DELETE FROM webcare_hours WHERE team_id = ?1", "u", id);
	if (!rc)
		rc = db_exec(db, "DELETE FROM webcare_holidays WHERE team_id = ?1", "u", id);
	/* Its waiting items go back to the organisation's general queue. */
	if (!rc)
		rc = db_exec(db, "UPDATE webcare_items SET team_id = 0 WHERE team_id = ?1 AND org_id = ?2", "uu", id, org);
	return rc;
}

static void team_row(struct db_stmt *st, struct arena *a, void *row)
{
	struct wc_team *t = row;
	t->id = db_u64(st, 0);
	t->org_id = db_u64(st, 1);
	t->name = arena_strdup(a, db_text(st, 2));
	t->topics = arena_strdup(a, db_text(st, 3));
	t->mode = (int)db_i64(st, 4);
	t->followup_days = (int)db_i64(st, 5);
	t->rr_last = db_u64(st, 6);
}

int store_wc_teams(struct store *s, struct arena *a, uint64_t org, struct wc_team **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, org_id, name, topics, mode, followup_days, rr_last FROM webcare_teams"
	                              " WHERE org_id = ?1 ORDER BY name, id LIMIT ?2",
	                              "ui", org, (int64_t)STORE_WC_SMALL_MAX);
	return DB_ROWS(st, a, STORE_WC_SMALL_MAX, team_row, out, n);
}

int store_wc_team_get(struct store *s, struct arena *a, uint64_t org, uint64_t id, struct wc_team **out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, org_id, name, topics, mode, followup_days, rr_last FROM webcare_teams"
	                              " WHERE id = ?1 AND org_id = ?2",
	                              "uu", id, org);
	int rc = db_one(st);
	if (!rc) {
		*out = arena_alloc(a, sizeof **out);
		team_row(st, a, *out);
	}
	db_done(st);
	return rc;
}

int store_wc_team_rr(struct store *s, uint64_t team, uint64_t account)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE webcare_teams SET rr_last = ?2 WHERE id = ?1", "uu", team, account);
}

int store_wc_member_set(struct store *s, uint64_t team, uint64_t account, bool available, int cap)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO webcare_members (team_id, account_id, available, cap) VALUES (?1, ?2, ?3, ?4)"
	               " ON CONFLICT (team_id, account_id) DO UPDATE SET available = ?3, cap = ?4",
	               "uuii", team, account, (int64_t)available, (int64_t)cap);
}

int store_wc_member_remove(struct store *s, uint64_t team, uint64_t account)
{
	DB_OR_FAIL(s);
	return changed(db, db_exec(db, "DELETE FROM webcare_members WHERE team_id = ?1 AND account_id = ?2", "uu", team,
	                           account));
}

static void fill_wc_member(struct db_stmt *st, struct arena *a, void *row)
{
	struct wc_member *r = row;
	(void)a;
	r->team_id = db_u64(st, 0);
	r->account_id = db_u64(st, 1);
	r->available = db_i64(st, 2) != 0;
	r->cap = (int)db_i64(st, 3);
	r->last_assigned = db_i64(st, 4);
	r->load = db_i64(st, 5);
}

int store_wc_members(struct store *s, struct arena *a, uint64_t org, uint64_t team, struct wc_member **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT m.team_id, m.account_id, m.available, m.cap, m.last_assigned,"
	                              " (SELECT COUNT(*) FROM webcare_items i WHERE i.org_id = ?1"
	                              " AND i.assignee_id = m.account_id AND i.status = 1)"
	                              " FROM webcare_members m WHERE m.team_id = ?2 ORDER BY m.account_id LIMIT ?3",
	                              "uui", org, team, (int64_t)STORE_WC_SMALL_MAX);
	return DB_ROWS(st, a, STORE_WC_SMALL_MAX, fill_wc_member, out, n);
}

int store_wc_member_touch(struct store *s, uint64_t team, uint64_t account, int64_t ms)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE webcare_members SET last_assigned = ?3 WHERE team_id = ?1 AND account_id = ?2", "uui",
	               team, account, ms);
}

int store_wc_member_teams(struct store *s, struct arena *a, uint64_t org, uint64_t account, uint64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT m.team_id FROM webcare_members m JOIN webcare_teams t ON t.id = m.team_id"
	                              " WHERE t.org_id = ?1 AND m.account_id = ?2 ORDER BY m.team_id LIMIT ?3",
	                              "uui", org, account, (int64_t)STORE_WC_SMALL_MAX);
	return DB_ROWS(st, a, STORE_WC_SMALL_MAX, db_fill_u64, out, n);
}

int store_wc_staff_gone(struct store *s, uint64_t org, uint64_t person)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db,
	                 "DELETE FROM webcare_members WHERE account_id = ?2"
	                 " AND team_id IN (SELECT id FROM webcare_teams WHERE org_id = ?1)",
	                 "uu", org, person);
	return rc;
}

int store_wc_hours_set(struct store *s, uint64_t team, const struct wc_period *p, size_t n)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM webcare_hours WHERE team_id = ?1", "u", team);
	for (size_t i = 0; !rc && i < n; i++)
		rc = db_exec(db, "INSERT INTO webcare_hours (team_id, weekday, start_min, end_min) VALUES (?1, ?2, ?3, ?4)",
		             "uiii", team, (int64_t)p[i].weekday, (int64_t)p[i].start_min, (int64_t)p[i].end_min);
	return rc;
}

static void fill_wc_period(struct db_stmt *st, struct arena *a, void *row)
{
	struct wc_period *r = row;
	(void)a;
	r->weekday = (int)db_i64(st, 0);
	r->start_min = (int)db_i64(st, 1);
	r->end_min = (int)db_i64(st, 2);
}

int store_wc_hours(struct store *s, struct arena *a, uint64_t team, struct wc_period **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT weekday, start_min, end_min FROM webcare_hours WHERE team_id = ?1"
	                              " ORDER BY weekday, start_min LIMIT ?2",
	                              "ui", team, (int64_t)STORE_WC_SMALL_MAX);
	return DB_ROWS(st, a, STORE_WC_SMALL_MAX, fill_wc_period, out, n);
}

int store_wc_holidays_set(struct store *s, uint64_t team, const char *const *days, size_t n)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM webcare_holidays WHERE team_id = ?1", "u", team);
	for (size_t i = 0; !rc && i < n; i++)
		rc = db_exec(db, "INSERT INTO webcare_holidays (team_id, day) VALUES (?1, ?2) ON CONFLICT DO NOTHING", "us",
		             team, days[i]);
	return rc;
}

int store_wc_holidays(struct store *s, struct arena *a, uint64_t team, const char ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT day FROM webcare_holidays WHERE team_id = ?1 ORDER BY day LIMIT ?2",
	                              "ui", team, (int64_t)STORE_WC_SMALL_MAX);
	return DB_ROWS(st, a, STORE_WC_SMALL_MAX, db_fill_text, out, n);
}

int store_wc_rule_insert(struct store *s, const struct wc_rule *r)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO webcare_rules (id, org_id, name, expr, topic, priority, team_id, position, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	               "uusssiuii", r->id, r->org_id, r->name, r->expr, r->topic, (int64_t)r->priority, r->team_id,
	               (int64_t)r->position, time_now());
}

int store_wc_rule_delete(struct store *s, uint64_t org, uint64_t id)
{
	DB_OR_FAIL(s);
	return changed(db, db_exec(db, "DELETE FROM webcare_rules WHERE id = ?1 AND org_id = ?2", "uu", id, org));
}

static void fill_wc_rule(struct db_stmt *st, struct arena *a, void *row)
{
	struct wc_rule *r = row;
	r->id = db_u64(st, 0);
	r->org_id = db_u64(st, 1);
	r->name = arena_strdup(a, db_text(st, 2));
	r->expr = arena_strdup(a, db_text(st, 3));
	r->topic = arena_strdup(a, db_text(st, 4));
	r->priority = (int)db_i64(st, 5);
	r->team_id = db_u64(st, 6);
	r->position = (int)db_i64(st, 7);
}

int store_wc_rules(struct store *s, struct arena *a, uint64_t org, struct wc_rule **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, org_id, name, expr, topic, priority, team_id, position FROM webcare_rules"
	                              " WHERE org_id = ?1 ORDER BY position, id LIMIT ?2",
	                              "ui", org, (int64_t)STORE_WC_SMALL_MAX);
	return DB_ROWS(st, a, STORE_WC_SMALL_MAX, fill_wc_rule, out, n);
}

int store_wc_template_insert(struct store *s, const struct wc_template *t)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO webcare_templates (id, org_id, name, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	               "uussi", t->id, t->org_id, t->name, t->body, time_now());
}

int store_wc_template_delete(struct store *s, uint64_t org, uint64_t id)
{
	DB_OR_FAIL(s);
	return changed(db, db_exec(db, "DELETE FROM webcare_templates WHERE id = ?1 AND org_id = ?2", "uu", id, org));
}

static void fill_wc_template(struct db_stmt *st, struct arena *a, void *row)
{
	struct wc_template *r = row;
	r->id = db_u64(st, 0);
	r->org_id = db_u64(st, 1);
	r->name = arena_strdup(a, db_text(st, 2));
	r->body = arena_strdup(a, db_text(st, 3));
}

int store_wc_templates(struct store *s, struct arena *a, uint64_t org, struct wc_template **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, org_id, name, body FROM webcare_templates WHERE org_id = ?1"
	                              " ORDER BY name, id LIMIT ?2",
	                              "ui", org, (int64_t)STORE_WC_SMALL_MAX);
	return DB_ROWS(st, a, STORE_WC_SMALL_MAX, fill_wc_template, out, n);
}

int store_wc_sent_other(struct store *s, uint64_t org, const char *key, const char *recipient, bool *out)
{
	DB_OR_FAIL(s);
	int64_t k = 0;
	int rc = db_scalar(db, &k, 0,
	                   "SELECT COUNT(*) FROM webcare_sent WHERE org_id = ?1 AND sent_key = ?2 AND recipient <> ?3",
	                   "uss", org, key, recipient);
	*out = k > 0;
	return rc;
}

int store_wc_sent_add(struct store *s, uint64_t org, const char *key, const char *recipient, uint64_t item,
                      int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO webcare_sent (org_id, sent_key, recipient, item_id, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5)",
	               "ussui", org, key, recipient, item, now);
}

static void fill_wc_mrow(struct db_stmt *st, struct arena *a, void *row)
{
	struct wc_mrow *r = row;
	r->id = db_u64(st, 0);
	r->team_id = db_u64(st, 1);
	r->topic = arena_strdup(a, db_text(st, 2));
	r->sentiment = arena_strdup(a, db_text(st, 3));
	r->status = (int)db_i64(st, 4);
	r->visible_at = db_i64(st, 5);
	r->first_answer_at = db_i64(st, 6);
	r->closed_at = db_i64(st, 7);
	r->followed_up = db_i64(st, 8) > 0;
}

int store_wc_measure_rows(struct store *s, struct arena *a, uint64_t org, int64_t from, int64_t to,
                          struct wc_mrow **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	int64_t count = 0;
	int rc = db_scalar(db, &count, 0,
	                   "SELECT COUNT(*) FROM webcare_items WHERE org_id = ?1 AND visible_at >= ?2 AND visible_at < ?3",
	                   "uii", org, from, to);
	if (rc)
		return rc;
	size_t max = count > STORE_WC_MEASURE_MAX ? STORE_WC_MEASURE_MAX : (size_t)count;
	if (!max)
		return 0;
	/* The closing time and the follow-up come from the history: the item
	 * row keeps only its present status. */
	struct db_stmt *st = db_query(db,
	                              "SELECT i.id, i.team_id, i.topic, i.sentiment, i.status, i.visible_at,"
	                              " i.first_answer_at,"
	                              " (SELECT COALESCE(MAX(e.created_at), 0) FROM webcare_events e"
	                              "   WHERE e.item_id = i.id AND e.action = 'status' AND e.note = 'closed'),"
	                              " (SELECT COUNT(*) FROM webcare_events e"
	                              "   WHERE e.item_id = i.id AND e.action = 'status' AND e.note = 'followed_up')"
	                              " FROM webcare_items i WHERE i.org_id = ?1 AND i.visible_at >= ?2"
	                              " AND i.visible_at < ?3 ORDER BY i.id LIMIT ?4",
	                              "uiii", org, from, to, (int64_t)max);
	return DB_ROWS(st, a, max, fill_wc_mrow, out, n);
}

int store_wc_active_orgs(struct store *s, struct arena *a, int64_t since, size_t max, uint64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT DISTINCT org_id FROM webcare_items WHERE created_at >= ?1 ORDER BY org_id"
	                              " LIMIT ?2",
	                              "ii", since, (int64_t)max);
	if (!st)
		return ERR_DB;
	uint64_t *v = arena_alloc(a, (max ? max : 1) * sizeof *v);
	size_t k = 0;
	int rc = DB_DONE;
	while (k < max && (rc = db_step(st)) == DB_ROW)
		v[k++] = db_u64(st, 0);
	db_done(st);
	if (rc < 0)
		return -rc;
	*out = v;
	*n = k;
	return 0;
}

int store_wc_bucket_counts(struct store *s, uint64_t org, int64_t from, int bucket, size_t n, uint32_t *counts)
{
	DB_OR_FAIL(s);
	memset(counts, 0, n * sizeof *counts);
	if (bucket <= 0 || !n)
		return ERR_INVAL;
	int64_t to = from + (int64_t)n * bucket;
	struct db_stmt *st = db_query(db,
	                              "SELECT (created_at - ?2) / ?4, COUNT(*) FROM webcare_items WHERE org_id = ?1"
	                              " AND created_at >= ?2 AND created_at < ?3 GROUP BY 1",
	                              "uiii", org, from, to, (int64_t)bucket);
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t b = db_i64(st, 0), c = db_i64(st, 1);
		if (b >= 0 && (size_t)b < n)
			counts[b] = c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_wc_alert_add(struct store *s, struct wc_alert *al)
{
	DB_OR_FAIL(s);
	al->id = id_new();
	return db_exec(db,
	               "INSERT INTO webcare_alerts (id, org_id, window_end, count, median_milli, z_milli, crisis,"
	               " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	               "uuiiiiii", al->id, al->org_id, al->window_end, al->count, al->median_milli, al->z_milli,
	               (int64_t)al->crisis, al->created_at);
}

int store_wc_alert_last(struct store *s, uint64_t org, int64_t since, struct wc_alert *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, org_id, window_end, count, median_milli, z_milli, crisis, created_at"
	                              " FROM webcare_alerts WHERE org_id = ?1 AND created_at >= ?2"
	                              " ORDER BY created_at DESC, id DESC LIMIT 1",
	                              "ui", org, since);
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	if (rc == DB_ROW) {
		*out = (struct wc_alert){.id = db_u64(st, 0), .org_id = db_u64(st, 1), .window_end = db_i64(st, 2),
		                         .count = db_i64(st, 3), .median_milli = db_i64(st, 4), .z_milli = db_i64(st, 5),
		                         .crisis = db_i64(st, 6) != 0, .created_at = db_i64(st, 7)};
		rc = 0;
	} else {
		rc = rc < 0 ? -rc : ERR_NOTFOUND;
	}
	db_done(st);
	return rc;
}

int store_wc_crisis_get(struct store *s, struct arena *a, uint64_t org, struct wc_crisis *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT org_id, topic, active, started_at, started_by, ended_at FROM webcare_crisis"
	                              " WHERE org_id = ?1",
	                              "u", org);
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	if (rc == DB_ROW) {
		*out = (struct wc_crisis){.org_id = db_u64(st, 0), .topic = arena_strdup(a, db_text(st, 1)),
		                          .active = db_i64(st, 2) != 0, .started_at = db_i64(st, 3),
		                          .started_by = db_u64(st, 4), .ended_at = db_i64(st, 5)};
		rc = 0;
	} else {
		rc = rc < 0 ? -rc : ERR_NOTFOUND;
	}
	db_done(st);
	return rc;
}

int store_wc_crisis_set(struct store *s, const struct wc_crisis *c)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO webcare_crisis (org_id, topic, active, started_at, started_by, ended_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (org_id) DO UPDATE SET topic = ?2, active = ?3,"
	               " started_at = ?4, started_by = ?5, ended_at = ?6",
	               "usiiui", c->org_id, c->topic, (int64_t)c->active, c->started_at, c->started_by, c->ended_at);
}

int store_wc_crisis_update_add(struct store *s, uint64_t org, uint64_t author, const char *text, int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO webcare_crisis_updates (id, org_id, author_id, text, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5)",
	               "uuusi", id_new(), org, author, text, now);
}

int store_wc_crisis_updates(struct store *s, struct arena *a, uint64_t org, int64_t since,
                            struct wc_crisis_update **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT id, org_id, author_id, text, created_at FROM webcare_crisis_updates"
	                              " WHERE org_id = ?1 AND created_at >= ?2 ORDER BY created_at DESC, id DESC"
	                              " LIMIT ?3",
	                              "uii", org, since, (int64_t)STORE_WC_LIST_MAX);
	if (!st)
		return ERR_DB;
	struct wc_crisis_update *v = arena_alloc(a, STORE_WC_LIST_MAX * sizeof *v);
	size_t k = 0;
	int rc = DB_DONE;
	while (k < STORE_WC_LIST_MAX && (rc = db_step(st)) == DB_ROW) {
		v[k] = (struct wc_crisis_update){.id = db_u64(st, 0), .org_id = db_u64(st, 1), .author_id = db_u64(st, 2),
		                                 .text = arena_strdup(a, db_text(st, 3)), .created_at = db_i64(st, 4)};
		k++;
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	*out = v;
	*n = k;
	return 0;
}

/* ---- inside items that are not posts, by key (consultation hours, reviews) ---- */

int store_wc_key_gone(struct store *s, uint64_t org, const char *origin, const char *key)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db,
	                 "DELETE FROM webcare_events WHERE item_id IN (SELECT id FROM webcare_items WHERE org_id = ?1"
	                 " AND origin = ?2 AND origin_key = ?3)",
	                 "uss", org, origin, key);
	if (!rc)
		rc = db_exec(db, "DELETE FROM webcare_items WHERE org_id = ?1 AND origin = ?2 AND origin_key = ?3", "uss",
		             org, origin, key);
	return rc;
}

int store_wc_key_text(struct store *s, uint64_t org, const char *origin, const char *key, const char *text)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE webcare_items SET text = ?4 WHERE org_id = ?1 AND origin = ?2 AND origin_key = ?3",
	               "usss", org, origin, key, text);
}

/* ---- crisis mode in apps (/api/v1/announcements) ---- */

/* An active crisis of an organisation ?1 follows, or whose group (the
 * organisation a moderator or owner of it) ?1 is a member of. */
#define CRISIS_FOR_SQL                                                                                         \
	"SELECT c.org_id, c.topic, c.active, c.started_at, c.started_by, c.ended_at FROM webcare_crisis c"      \
	" WHERE c.active = 1 AND (EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ?1"                    \
	" AND f.followee_id = c.org_id) OR EXISTS (SELECT 1 FROM group_members m JOIN group_members o"          \
	" ON o.group_id = m.group_id WHERE m.account_id = ?1 AND m.state = 0 AND o.account_id = c.org_id"      \
	" AND o.state = 0 AND o.role >= 1))"

static void crisis_row(struct db_stmt *st, struct arena *a, struct wc_crisis *out)
{
	*out = (struct wc_crisis){
		.org_id = db_u64(st, 0),
		.topic = arena_strdup(a, db_text(st, 1)),
		.active = db_i64(st, 2) != 0,
		.started_at = db_i64(st, 3),
		.started_by = db_u64(st, 4),
		.ended_at = db_i64(st, 5),
	};
}

int store_wc_crises_for(struct store *s, struct arena *a, uint64_t viewer, size_t max, struct wc_crisis **out,
                        size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	if (max > 100)
		max = 100;
	struct db_stmt *st = db_query(db, CRISIS_FOR_SQL " ORDER BY c.started_at DESC LIMIT ?2", "ui", viewer,
	                              (int64_t)max);
	if (!st)
		return ERR_DB;
	struct wc_crisis *v = arena_alloc(a, (max ? max : 1) * sizeof *v);
	size_t k = 0;
	int rc = 0;
	while (k < max && (rc = db_step(st)) == DB_ROW)
		crisis_row(st, a, &v[k++]);
	db_done(st);
	if (rc < 0)
		return -rc;
	*out = v;
	*n = k;
	return 0;
}

int store_wc_crisis_for(struct store *s, struct arena *a, uint64_t viewer, uint64_t org, struct wc_crisis *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, CRISIS_FOR_SQL " AND c.org_id = ?2", "uu", viewer, org);
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	if (rc == DB_ROW)
		crisis_row(st, a, out);
	db_done(st);
	if (rc < 0)
		return -rc;
	return rc == DB_ROW ? 0 : ERR_NOTFOUND;
}

int store_wc_crisis_ann_reset(struct store *s, uint64_t org)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM announcement_reads WHERE announcement_id = ?1", "u", org);
	if (!rc)
		rc = db_exec(db, "DELETE FROM announcement_reactions WHERE announcement_id = ?1", "u", org);
	return rc;
}
