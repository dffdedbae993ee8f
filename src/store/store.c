/*
 * Domain storage over the driver-neutral SQL surface of db.h.  SQL here is
 * portable (numbered `?N` parameters, no SQLite-only functions) except where
 * a function says otherwise (full-text search).
 */
#include "store/store_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/store_api.h"

struct conn {
	struct conn *next;
	struct db *db;
};

struct store {
	const struct db_driver *drv;
	char *target;
	pthread_mutex_t lock;
	struct conn *conns; /* every connection opened, to close at the end */
	struct pg_listener *listener;
	struct feed_flusher *flusher; /* started by the first store_feed_kick */
	bool flusher_tried;
};

static _Thread_local struct store *tl_store;
static _Thread_local struct db *tl_db;

struct db *store_db(struct store *s)
{
	if (tl_store == s && tl_db)
		return tl_db;
	int err = 0;
	struct db *db = s->drv->open(s->target, &err);
	if (!db)
		return NULL;
	struct conn *c = xmalloc(sizeof *c);
	c->db = db;
	pthread_mutex_lock(&s->lock);
	c->next = s->conns;
	s->conns = c;
	pthread_mutex_unlock(&s->lock);
	tl_store = s;
	tl_db = db;
	return db;
}

int store_open(const char *target, struct store **out)
{
	struct store *s = xcalloc(1, sizeof *s);
	s->drv = !strncmp(target, "postgresql://", 13) || !strncmp(target, "postgres://", 11) ? &db_pg : &db_sqlite;
	s->target = xstrdup(target);
	pthread_mutex_init(&s->lock, NULL);
	struct db *db = store_db(s);
	int rc = db ? store_migrate(db) : ERR_DB;
	if (rc) {
		store_close(s);
		return rc;
	}
	*out = s;
	return 0;
}

void store_thread_done(struct store *s)
{
	if (tl_store != s || !tl_db)
		return;
	pthread_mutex_lock(&s->lock);
	for (struct conn **pp = &s->conns; *pp; pp = &(*pp)->next) {
		if ((*pp)->db == tl_db) {
			struct conn *c = *pp;
			*pp = c->next;
			db_close(c->db);
			free(c);
			break;
		}
	}
	pthread_mutex_unlock(&s->lock);
	tl_db = NULL;
	tl_store = NULL;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	pg_listen_stop(s->listener);
	/* Before the connections close: it flushes once more on its own. */
	feed_flusher_stop(s->flusher);
	struct conn *c = s->conns;
	while (c) {
		struct conn *next = c->next;
		db_close(c->db);
		free(c);
		c = next;
	}
	if (tl_store == s) {
		tl_store = NULL;
		tl_db = NULL;
	}
	pthread_mutex_destroy(&s->lock);
	free(s->target);
	free(s);
}

void store_feed_kick(struct store *s)
{
	pthread_mutex_lock(&s->lock);
	if (!s->flusher_tried) {
		s->flusher_tried = true;
		s->flusher = feed_flusher_start(s);
	}
	struct feed_flusher *f = s->flusher;
	pthread_mutex_unlock(&s->lock);
	feed_flusher_kick(f);
}

int store_publish(struct store *s, const char *event)
{
	if (s->drv != &db_pg)
		return 0;
	DB_OR_FAIL(s);
	/* Sent when the surrounding transaction (if any) commits. */
	return db_exec(db, "SELECT pg_notify('kring', ?1)", "s", event);
}

int store_read_begin(struct store *s)
{
	DB_OR_FAIL(s);
	/* a new scope each time, odd, also when the last one was not ended */
	db->scope += (db->scope & 1) ? 2 : 1;
	return db->drv->read_begin ? db->drv->read_begin(db) : 0;
}

void store_read_end(struct store *s)
{
	if (tl_store != s || !tl_db)
		return; /* no connection on this thread: nothing open */
	if (tl_db->scope & 1)
		tl_db->scope++;
	if (tl_db->drv->read_end)
		tl_db->drv->read_end(tl_db);
}

int store_begin(struct store *s)
{
	DB_OR_FAIL(s);
	return db_begin(db);
}

int store_finish(struct store *s, int rc)
{
	struct db *db = store_db(s);
	if (!db)
		return rc ? rc : ERR_BUSY;
	return db_finish(db, rc);
}

bool store_again(struct store *s, int rc, int *tries)
{
	struct db *db = store_db(s);
	return db && db_again(db, rc, tries);
}

int store_lock_pg(struct db *db, const char *sql, uint64_t id)
{
	return db->drv == &db_pg ? db_exec(db, sql, "u", id) : 0;
}

int store_subscribe(struct store *s, void (*cb)(const char *event, void *ctx), void *ctx)
{
	if (s->drv != &db_pg || s->listener)
		return 0;
	s->listener = pg_listen(s->target, cb, ctx);
	return s->listener ? 0 : ERR_IO;
}

int store_version(struct store *s, uint64_t *out)
{
	DB_OR_FAIL(s);
	return db->drv->version(db, out);
}

int store_schema_version(struct store *s, int *out)
{
	DB_OR_FAIL(s);
	int64_t v;
	int rc = db_scalar(db, &v, 0, "SELECT MAX(version) FROM schema_version", "");
	*out = (int)v;
	return rc;
}

/* ---- meta ---- */

int store_meta_get_many(struct store *s, struct arena *a, size_t n, const char *const *keys, const char **vals)
{
	/* one statement for up to four keys: each is a round trip on PostgreSQL */
	static const char *const sql[] = {
		NULL,
		"SELECT key, value FROM meta WHERE key = ?1",
		"SELECT key, value FROM meta WHERE key IN (?1, ?2)",
		"SELECT key, value FROM meta WHERE key IN (?1, ?2, ?3)",
		"SELECT key, value FROM meta WHERE key IN (?1, ?2, ?3, ?4)",
	};
	static const char *const fmt[] = {NULL, "s", "ss", "sss", "ssss"};
	if (n == 0 || n > 4)
		return ERR_INVAL;
	DB_OR_FAIL(s);
	const char *k[4] = {NULL};
	for (size_t i = 0; i < n; i++)
		k[i] = keys[i];
	struct db_stmt *st = db_query(db, sql[n], fmt[n], k[0], k[1], k[2], k[3]);
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *key = db_text(st, 0);
		for (size_t i = 0; i < n; i++)
			if (!strcmp(key, keys[i]))
				vals[i] = arena_strdup(a, db_text(st, 1));
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

const char *store_meta_get(struct store *s, struct arena *a, const char *key, const char *dflt)
{
	const char *v = dflt;
	IGNORE_RESULT(store_meta_get_many(s, a, 1, &key, &v)); /* dflt when unknown */
	return v;
}

int store_meta_set(struct store *s, const char *key, const char *value)
{
	DB_OR_FAIL(s);
	return db_exec(db, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
	                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	               "ss", key, value);
}

/* ---- accounts ---- */

#define ACCOUNT_COLS \
	"a.id, a.username, a.display_name, a.kind, a.person_type, a.role, a.bio, a.profession," \
	" a.expertise, a.languages, a.region, a.locked, a.suspended, a.lang, a.created_at," \
	" a.password_hash IS NOT NULL, a.hold_seconds, a.dm_policy, a.collections, a.text_size"
#define ACCOUNT_NCOLS 20

static struct account *account_row(struct arena *a, struct db_stmt *st)
{
	struct account *acc = arena_alloc(a, sizeof *acc);
	acc->id = db_u64(st, 0);
	acc->username = arena_strdup(a, db_text(st, 1));
	acc->display_name = arena_strdup(a, db_text(st, 2));
	acc->kind = (int)db_i64(st, 3);
	acc->person_type = (int)db_i64(st, 4);
	acc->role = (int)db_i64(st, 5);
	acc->bio = arena_strdup(a, db_text(st, 6));
	acc->profession = arena_strdup(a, db_text(st, 7));
	acc->expertise = arena_strdup(a, db_text(st, 8));
	acc->languages = arena_strdup(a, db_text(st, 9));
	acc->region = arena_strdup(a, db_text(st, 10));
	acc->locked = db_i64(st, 11) != 0;
	acc->suspended = db_i64(st, 12) != 0;
	acc->lang = arena_strdup(a, db_text(st, 13));
	acc->created_at = db_i64(st, 14);
	acc->has_password = db_i64(st, 15) != 0;
	acc->hold_seconds = (int)db_i64(st, 16);
	acc->dm_policy = (int)db_i64(st, 17);
	acc->collections = (int)db_i64(st, 18);
	acc->text_size = (int)db_i64(st, 19);
	return acc;
}

/* Collect the rows of an account query into an arena array. */
static int account_rows(struct arena *a, struct db_stmt *st, struct account ***out, size_t *n)
{
	size_t cap = 0, k = 0;
	struct account **v = NULL;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		v = arena_grow(a, v, &cap, k, sizeof *v);
		v[k++] = account_row(a, st);
	}
	if (!v)
		v = arena_alloc(a, sizeof *v);
	db_done(st);
	*out = v;
	*n = k;
	return rc < 0 ? -rc : 0;
}

int store_account_insert(struct store *s, const struct account *acc, const char *pw_hash)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO accounts (id, username, display_name, kind, person_type, role,"
	               " password_hash, bio, profession, expertise, languages, region, locked, lang, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
	               "ussiiissssssisi", acc->id, acc->username, acc->display_name, (int64_t)acc->kind,
	               (int64_t)acc->person_type, (int64_t)acc->role, pw_hash, acc->bio ? acc->bio : "",
	               acc->profession ? acc->profession : "", acc->expertise ? acc->expertise : "",
	               acc->languages ? acc->languages : "", acc->region ? acc->region : "",
	               (int64_t)acc->locked, acc->lang ? acc->lang : "nl", acc->created_at);
}

/*
 * A post in think time is counted by the triggers at once (they cannot know
 * when it is released), but nobody else may see it yet: take such posts out
 * of posts and last_post_at again.  The posts held at this moment are read
 * from their own index (posts_held_until: publish_at, only rows with one),
 * one short range that is empty nearly always, and matched to the page's
 * accounts here; an IN list of the page's authors was an ephemeral table
 * and forty index look-ups on every page, for nothing most of the time.
 */
#define COUNTED_POST " AND deleted = 0 AND reblog_of = 0 AND +visibility = 0 AND group_id = 0 AND pending = 0"

static int held_fix(struct db *db, struct account **v, size_t n)
{
	int64_t now = time_now();
	bool any = false;
	for (size_t i = 0; i < n && !any; i++)
		any = v[i] && v[i]->posts > 0;
	if (!any)
		return 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT author_id FROM posts WHERE publish_at > 0 AND publish_at > ?1" COUNTED_POST,
	                              "i", now);
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		uint64_t author = db_u64(st, 0);
		/* one account may stand in the list twice: counted down once */
		for (size_t i = 0; i < n; i++)
			if (v[i] && v[i]->id == author && v[i]->posts > 0) {
				v[i]->posts--;
				v[i]->last_post_at = -1; /* found again below */
				break;
			}
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	rc = 0;
	for (size_t i = 0; i < n && !rc; i++)
		if (v[i] && v[i]->last_post_at < 0)
			rc = db_scalar(db, &v[i]->last_post_at, 0,
			               "SELECT created_at FROM posts WHERE author_id = ?1 AND publish_at <= ?2" COUNTED_POST
			               " ORDER BY id DESC LIMIT 1",
			               "ui", v[i]->id, now);
	return rc;
}

int store_account_counts(struct store *s, struct account *acc)
{
	DB_OR_FAIL(s);
	/* Only what everyone may see is counted: a count must not reveal
	 * followers-only, direct, group or held posts (the triggers' condition,
	 * and held_fix). */
	struct db_stmt *st = db_query(db,
	                              "SELECT posts, followers, following, last_post_at FROM account_stats"
	                              " WHERE account_id = ?1",
	                              "u", acc->id);
	if (!st)
		return ERR_DB;
	acc->posts = acc->followers = acc->following = acc->last_post_at = 0;
	int rc = db_step(st);
	if (rc == DB_ROW) {
		acc->posts = db_i64(st, 0);
		acc->followers = db_i64(st, 1);
		acc->following = db_i64(st, 2);
		acc->last_post_at = db_i64(st, 3);
	}
	acc->has_counts = rc == DB_ROW;
	db_done(st);
	if (rc < 0)
		return -rc;
	return held_fix(db, &acc, 1);
}

static void account_stats_row(struct db_stmt *st, void *ctx)
{
	struct by_id *b = ctx;
	struct account *acc = account_row(b->a, st);
	acc->posts = db_i64(st, ACCOUNT_NCOLS);
	acc->followers = db_i64(st, ACCOUNT_NCOLS + 1);
	acc->following = db_i64(st, ACCOUNT_NCOLS + 2);
	acc->last_post_at = db_i64(st, ACCOUNT_NCOLS + 3);
	acc->has_counts = true;
	by_id_place(b, acc->id, acc);
}

int store_accounts_get(struct store *s, struct arena *a, const uint64_t *ids, size_t n, struct account **out)
{
	DB_OR_FAIL(s);
	memset(out, 0, n * sizeof *out);
	struct by_id b = {a, ids, n, (void **)out};
	int rc = db_each_ids(db,
	                     "SELECT " ACCOUNT_COLS ", COALESCE(s.posts, 0), COALESCE(s.followers, 0),"
	                     " COALESCE(s.following, 0), COALESCE(s.last_post_at, 0) FROM " DB_IDS_ROWS
	                     " CROSS JOIN accounts a LEFT JOIN account_stats s ON s.account_id = a.id"
	                     " WHERE a.id = ids.column1",
	                     ids, n, 0, account_stats_row, &b);
	return rc ? rc : held_fix(db, out, n);
}

struct have_ids {
	const uint64_t *ids;
	size_t n;
	bool *have;
};

static void have_row(struct db_stmt *st, void *ctx)
{
	struct have_ids *h = ctx;
	uint64_t id = db_u64(st, 0);
	for (size_t i = 0; i < h->n; i++)
		if (h->ids[i] == id)
			h->have[i] = true;
}

int store_accounts_exist(struct store *s, const uint64_t *ids, size_t n, bool *have)
{
	DB_OR_FAIL(s);
	memset(have, 0, n * sizeof *have);
	struct have_ids h = {ids, n, have};
	return db_each_ids(db, "SELECT a.id FROM " DB_IDS_ROWS " CROSS JOIN accounts a WHERE a.id = ids.column1", ids,
	                   n, 0, have_row, &h);
}

/* The one account a query yields, with its counts. */
static int one_account(struct db *db, struct arena *a, struct db_stmt *st, struct account **out)
{
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	if (rc != DB_ROW) {
		db_done(st);
		return rc < 0 ? -rc : ERR_NOTFOUND;
	}
	*out = account_row(a, st);
	db_done(st);
	return 0;
}

int store_account_get(struct store *s, struct arena *a, uint64_t id, struct account **out)
{
	DB_OR_FAIL(s);
	return one_account(db, a, db_query(db, "SELECT " ACCOUNT_COLS " FROM accounts a WHERE a.id = ?1", "u", id),
	                   out);
}

/* An API token with its account (NULL for an app's own token, or when the
 * account is gone) in one statement: every API request asks both. */
int store_otoken_account(struct store *s, struct arena *a, const char *token_hash, struct oauth_token *out,
                         struct account **acc)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT " ACCOUNT_COLS ", t.id, t.app_id, t.account_id, t.scopes, t.created_at"
	                              " FROM oauth_tokens t LEFT JOIN accounts a ON a.id = t.account_id"
	                              " WHERE t.token_hash = ?1 AND t.revoked = 0",
	                              "s", token_hash);
	int rc = db_one(st);
	if (!rc) {
		*acc = db_null(st, 0) ? NULL : account_row(a, st);
		out->id = db_u64(st, ACCOUNT_NCOLS);
		out->app_id = db_u64(st, ACCOUNT_NCOLS + 1);
		out->account_id = db_u64(st, ACCOUNT_NCOLS + 2);
		out->scopes = arena_strdup(a, db_text(st, ACCOUNT_NCOLS + 3));
		out->created_at = db_i64(st, ACCOUNT_NCOLS + 4);
	}
	db_done(st);
	return rc;
}

int store_account_by_name(struct store *s, struct arena *a, const char *username, struct account **out)
{
	DB_OR_FAIL(s);
	return one_account(db, a,
	                   db_query(db, "SELECT " ACCOUNT_COLS " FROM accounts a WHERE a.username = ?1", "s", username),
	                   out);
}

int store_account_password(struct store *s, uint64_t id, struct arena *a, const char **hash)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT password_hash FROM accounts WHERE id = ?1", "u", id);
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	if (rc == DB_ROW && !db_null(st, 0)) {
		*hash = arena_strdup(a, db_text(st, 0));
		rc = 0;
	} else {
		rc = rc < 0 ? -rc : ERR_NOTFOUND;
	}
	db_done(st);
	return rc;
}

static int exec_one(struct db *db, int rc)
{
	if (rc)
		return rc;
	return db->drv->changes(db) > 0 ? 0 : ERR_NOTFOUND;
}

int store_account_set_password(struct store *s, uint64_t id, const char *pw_hash)
{
	DB_OR_FAIL(s);
	return exec_one(db, db_exec(db, "UPDATE accounts SET password_hash = ?2 WHERE id = ?1", "us", id, pw_hash));
}

int store_account_set_role(struct store *s, uint64_t id, int role)
{
	DB_OR_FAIL(s);
	return exec_one(db, db_exec(db, "UPDATE accounts SET role = ?2 WHERE id = ?1", "ui", id, (int64_t)role));
}

int store_account_set_suspended(struct store *s, uint64_t id, bool on)
{
	DB_OR_FAIL(s);
	return exec_one(db, db_exec(db, "UPDATE accounts SET suspended = ?2 WHERE id = ?1", "ui", id, (int64_t)on));
}

int store_account_update(struct store *s, const struct account *acc)
{
	DB_OR_FAIL(s);
	return exec_one(db, db_exec(db,
	                            "UPDATE accounts SET display_name = ?2, bio = ?3, profession = ?4,"
	                            " expertise = ?5, languages = ?6, region = ?7, locked = ?8, lang = ?9,"
	                            " person_type = ?10 WHERE id = ?1",
	                            "ussssssisi", acc->id, acc->display_name, acc->bio, acc->profession,
	                            acc->expertise, acc->languages, acc->region, (int64_t)acc->locked,
	                            acc->lang, (int64_t)acc->person_type));
}

int store_account_count_role(struct store *s, int role, int64_t *out)
{
	DB_OR_FAIL(s);
	return db_scalar(db, out, 0, "SELECT COUNT(*) FROM accounts WHERE role = ?1", "i", (int64_t)role);
}

int store_account_count_admins_active(struct store *s, int64_t *out)
{
	DB_OR_FAIL(s);
	return db_scalar(db, out, 0, "SELECT COUNT(*) FROM accounts WHERE role = ?1 AND suspended = 0", "i",
	                 (int64_t)ROLE_ADMIN);
}

int store_account_list(struct store *s, struct arena *a, const char *after, int limit,
                       struct account ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT " ACCOUNT_COLS " FROM accounts a WHERE a.username > ?1"
	                              " ORDER BY a.username LIMIT ?2",
	                              "si", after ? after : "", (int64_t)limit);
	if (!st)
		return ERR_DB;
	return account_rows(a, st, out, n);
}

int store_account_search(struct store *s, struct arena *a, const char *q, int limit,
                         struct account ***out, size_t *n)
{
	DB_OR_FAIL(s);
	/* Three characters or more: on SQLite the trigram index (migration 46)
	 * names the accounts holding q in either name, as a phrase, so nothing
	 * in q is syntax; a phrase never spans the two columns. */
	size_t chars = 0;
	for (const char *p = q; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	bool trigram = db->drv != &db_pg && chars >= 3;
	char arg[2 * 200 + 3];
	if (trigram) {
		size_t k = 0;
		arg[k++] = '"';
		for (const char *p = q; *p && k < sizeof arg - 3; p++) {
			if (*p == '"')
				arg[k++] = '"';
			arg[k++] = *p;
		}
		arg[k++] = '"';
		arg[k] = '\0';
	} else {
		/* Shorter (or PostgreSQL, whose pg_trgm index serves LIKE itself):
		 * LIKE, with % and _ in the caller's text matching literally.
		 * Letters outside ASCII fold as the database's LOWER() does: not
		 * at all on SQLite, by the locale on PostgreSQL. */
		store_like_pattern(q, arg, 200);
	}
#define SEARCH_ORDER " ORDER BY (a.username = ?2) DESC, a.username LIMIT ?3"
	struct db_stmt *st = db_query(
		db,
		trigram ? "SELECT " ACCOUNT_COLS " FROM accounts a WHERE a.id IN"
		          " (SELECT rowid FROM account_names WHERE account_names MATCH ?1) AND a.suspended = 0" SEARCH_ORDER
		        : "SELECT " ACCOUNT_COLS " FROM accounts a WHERE a.suspended = 0 AND (a.username LIKE ?1 ESCAPE '\\'"
		          " OR LOWER(a.display_name) LIKE LOWER(?1) ESCAPE '\\')" SEARCH_ORDER,
		"ssi", arg, q, (int64_t)limit);
#undef SEARCH_ORDER
	if (!st)
		return ERR_DB;
	return account_rows(a, st, out, n);
}

/* A LIKE pattern "%q%" in out[cap], with % _ and \\ in q escaped (ESCAPE '\\'). */
void store_like_pattern(const char *q, char *out, size_t cap)
{
	size_t k = 0;
	out[k++] = '%';
	for (const char *p = q; *p && k < cap - 4; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			out[k++] = '\\';
		out[k++] = *p;
	}
	out[k++] = '%';
	out[k] = '\0';
}

int store_directory_accounts(struct store *s, struct arena *a, const char *q, int which, int limit,
                             struct account ***out, size_t *n)
{
	DB_OR_FAIL(s);
	char pat[200];
	store_like_pattern(q ? q : "", pat, sizeof pat);
	/* Organisations and professionals; clients are nobody's listing. */
	struct db_stmt *st = db_query(db,
	                              "SELECT " ACCOUNT_COLS " FROM accounts a WHERE a.suspended = 0 AND"
	                              " ((a.kind = 1 AND CAST(?2 AS BIGINT) <> 2) OR"
	                              " (a.kind = 0 AND a.person_type = 1 AND CAST(?2 AS BIGINT) <> 1)) AND"
	                              " (a.username LIKE ?1 ESCAPE '\\' OR LOWER(a.display_name) LIKE ?1 ESCAPE '\\'"
	                              " OR LOWER(a.profession) LIKE ?1 ESCAPE '\\' OR LOWER(a.expertise) LIKE ?1 ESCAPE '\\')"
	                              " ORDER BY LOWER(a.display_name), a.username LIMIT ?3",
	                              "sii", pat, (int64_t)which, (int64_t)limit);
	if (!st)
		return ERR_DB;
	return account_rows(a, st, out, n);
}

/* ---- organisation staff ---- */

/* Staff read their organisation's conversations: their unread ones change. */
int store_staff_add(struct store *s, uint64_t org, uint64_t person)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db, "INSERT INTO org_staff (org_id, person_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING", "uu",
	             org, person);
	if (!rc)
		rc = conv_unread_rebuild(db, person);
	return db_finish(db, rc);
}

int store_staff_remove(struct store *s, uint64_t org, uint64_t person)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db, "DELETE FROM org_staff WHERE org_id = ?1 AND person_id = ?2", "uu", org, person);
	if (!rc)
		rc = conv_unread_rebuild(db, person);
	return db_finish(db, rc);
}

int store_staff_is(struct store *s, uint64_t org, uint64_t person, bool *out)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT 1 FROM org_staff WHERE org_id = ?1 AND person_id = ?2", "uu", org,
	                   person);
	*out = !rc && v == 1;
	return rc;
}

int store_staff_orgs(struct store *s, struct arena *a, uint64_t person, struct account ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT " ACCOUNT_COLS " FROM accounts a JOIN org_staff o ON o.org_id = a.id"
	                              " WHERE o.person_id = ?1 ORDER BY a.username",
	                              "u", person);
	if (!st)
		return ERR_DB;
	return account_rows(a, st, out, n);
}

int store_staff_list(struct store *s, struct arena *a, uint64_t org, struct account ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT " ACCOUNT_COLS " FROM accounts a JOIN org_staff o ON o.person_id = a.id"
	                              " WHERE o.org_id = ?1 ORDER BY a.username",
	                              "u", org);
	if (!st)
		return ERR_DB;
	return account_rows(a, st, out, n);
}

/* ---- sessions ---- */

int store_session_insert(struct store *s, const char *token_hash, uint64_t account, const char *csrf,
                         int64_t expires_at)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO sessions (token_hash, account_id, csrf, created_at, expires_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5)",
	               "susii", token_hash, account, csrf, (int64_t)time(NULL), expires_at);
}

int store_session_get(struct store *s, const char *token_hash, int64_t now, struct session *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT s.account_id, s.csrf, s.expires_at FROM sessions s"
	                              " JOIN accounts a ON a.id = s.account_id"
	                              " WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND a.suspended = 0",
	                              "si", token_hash, now);
	int rc = db_one(st);
	if (!rc) {
		out->account_id = db_u64(st, 0);
		snprintf(out->csrf, sizeof out->csrf, "%s", db_text(st, 1));
		out->expires_at = db_i64(st, 2);
	}
	db_done(st);
	return rc;
}

int store_session_delete(struct store *s, const char *token_hash)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM sessions WHERE token_hash = ?1", "s", token_hash);
}

int store_session_delete_account(struct store *s, uint64_t account, const char *except_hash)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM sessions WHERE account_id = ?1 AND token_hash <> ?2", "us", account,
	               except_hash ? except_hash : "");
}

/* ---- one-time tokens ---- */

int store_token_insert(struct store *s, const char *kind, const char *token_hash, uint64_t account,
                       int role, int64_t expires_at, uint64_t created_by)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO tokens (token_hash, kind, account_id, role, created_by, created_at, expires_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	               "ssuiuii", token_hash, kind, account, (int64_t)role, created_by, (int64_t)time(NULL),
	               expires_at);
}

int store_token_check(struct store *s, const char *kind, const char *token_hash, int64_t now)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0,
	                   "SELECT 1 FROM tokens WHERE token_hash = ?1 AND kind = ?2 AND used_at = 0 AND expires_at > ?3",
	                   "ssi", token_hash, kind, now);
	return rc ? rc : v ? 0 : ERR_NOTFOUND;
}

int store_token_expire_account(struct store *s, const char *kind, uint64_t account, int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE tokens SET used_at = ?3 WHERE kind = ?1 AND account_id = ?2 AND used_at = 0", "sui",
	               kind, account, now);
}

int store_token_use(struct store *s, const char *kind, const char *token_hash, int64_t now,
                    uint64_t used_by, uint64_t *account, int *role)
{
	DB_OR_FAIL(s);
	/* The UPDATE claims the token; only one of two racing users sees a change. */
	struct db_stmt *st = db_query(db,
	                              "UPDATE tokens SET used_at = ?3, used_by = ?4 WHERE token_hash = ?1"
	                              " AND kind = ?2 AND used_at = 0 AND expires_at > ?3"
	                              " RETURNING account_id, role",
	                              "ssiu", token_hash, kind, now, used_by);
	int rc = db_one(st);
	if (!rc) {
		if (account)
			*account = db_u64(st, 0);
		if (role)
			*role = (int)db_i64(st, 1);
	}
	db_done(st);
	return rc;
}

int store_invite_list(struct store *s, struct arena *a, struct invite **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT token_hash, created_by, created_at, expires_at, used_at, used_by, role"
	                              " FROM tokens WHERE kind = 'invite' ORDER BY created_at DESC LIMIT 100",
	                              "");
	if (!st)
		return ERR_DB;
	struct invite *v = arena_alloc(a, 100 * sizeof *v);
	size_t k = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW && k < 100) {
		v[k].token_hash = arena_strdup(a, db_text(st, 0));
		v[k].created_by = db_u64(st, 1);
		v[k].created_at = db_i64(st, 2);
		v[k].expires_at = db_i64(st, 3);
		v[k].used_at = db_i64(st, 4);
		v[k].used_by = db_u64(st, 5);
		v[k].role = (int)db_i64(st, 6);
		k++;
	}
	db_done(st);
	*out = v;
	*n = k;
	return rc < 0 ? -rc : 0;
}

/* ---- rate limits ---- */

int store_rate_hit(struct store *s, const char *key, int64_t now, int64_t since, int64_t *count)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db, "DELETE FROM rate_events WHERE key = ?1 AND at < ?2", "si", key, since);
	if (!rc)
		rc = db_exec(db, "INSERT INTO rate_events (key, at) VALUES (?1, ?2)", "si", key, now);
	if (!rc)
		rc = db_scalar(db, count, 0, "SELECT COUNT(*) FROM rate_events WHERE key = ?1", "s", key);
	return db_finish(db, rc);
}

int store_rate_clear(struct store *s, const char *key)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM rate_events WHERE key = ?1", "s", key);
}

int store_rate_count(struct store *s, const char *key, int64_t since, int64_t *count)
{
	DB_OR_FAIL(s);
	return db_scalar(db, count, 0, "SELECT COUNT(*) FROM rate_events WHERE key = ?1 AND at >= ?2", "si", key,
	                 since);
}

int store_rate_span(struct store *s, const char *key, int64_t since, int64_t *count, int64_t *first,
                    int64_t *last)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT COUNT(*), COALESCE(MIN(at), 0), COALESCE(MAX(at), 0) FROM rate_events"
	                              " WHERE key = ?1 AND at >= ?2",
	                              "si", key, since);
	int rc = db_one(st);
	if (!rc) {
		*count = db_i64(st, 0);
		*first = db_i64(st, 1);
		*last = db_i64(st, 2);
	}
	db_done(st);
	return rc;
}

int store_account_set_hold(struct store *s, uint64_t id, int seconds)
{
	DB_OR_FAIL(s);
	return exec_one(db, db_exec(db, "UPDATE accounts SET hold_seconds = ?2 WHERE id = ?1", "ui", id,
	                            (int64_t)seconds));
}

/* ---- privacy guard ---- */

int store_guard_policy_get(struct store *s, struct arena *a, uint64_t org, struct guard_policy_row *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT actions, ignore, allow_override, hold_seconds FROM guard_policy"
	                              " WHERE account_id = ?1",
	                              "u", org);
	int rc = db_one(st);
	if (!rc) {
		out->actions = arena_strdup(a, db_text(st, 0));
		out->ignore = arena_strdup(a, db_text(st, 1));
		out->allow_override = db_i64(st, 2) != 0;
		out->hold_seconds = (int)db_i64(st, 3);
	}
	db_done(st);
	return rc;
}

int store_guard_policy_set(struct store *s, uint64_t org, const struct guard_policy_row *p)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO guard_policy (account_id, actions, ignore, allow_override, hold_seconds)"
	               " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (account_id) DO UPDATE SET actions = excluded.actions,"
	               " ignore = excluded.ignore, allow_override = excluded.allow_override,"
	               " hold_seconds = excluded.hold_seconds",
	               "ussii", org, p->actions, p->ignore, (int64_t)p->allow_override, (int64_t)p->hold_seconds);
}

int store_guard_log_add(struct store *s, uint64_t org, uint64_t writer, uint64_t post, const char *verdict,
                        const char *types)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO guard_log (id, org_id, writer_id, post_id, verdict, types, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	               "uuuussi", id_new(), org, writer, post, verdict, types, (int64_t)time(NULL));
}

static void fill_guard_log_row(struct db_stmt *st, struct arena *a, void *row)
{
	struct guard_log_row *r = row;
	r->id = db_u64(st, 0);
	r->writer_id = db_u64(st, 1);
	r->post_id = db_u64(st, 2);
	r->verdict = arena_strdup(a, db_text(st, 3));
	r->types = arena_strdup(a, db_text(st, 4));
	r->created_at = db_i64(st, 5);
}

int store_guard_log_list(struct store *s, struct arena *a, uint64_t org, int limit, struct guard_log_row **out,
                         size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, writer_id, post_id, verdict, types, created_at FROM guard_log"
	                              " WHERE org_id = ?1 ORDER BY id DESC LIMIT ?2",
	                              "ui", org, (int64_t)limit);
	return DB_ROWS(st, a, (size_t)limit, fill_guard_log_row, out, n);
}
