/*
 * Storage for the client API (see store_api.h).  Written like post.c:
 * portable SQL with numbered parameters, one transaction per write.
 */
#include "store/store_api.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "store/store_int.h"

#define MAX_IDS 200

static int id_rows(struct arena *a, struct db_stmt *st, uint64_t **out, uint64_t **second, size_t *n)
{
	if (!st)
		return ERR_DB;
	uint64_t *v = arena_alloc(a, MAX_IDS * sizeof *v);
	uint64_t *w = arena_alloc(a, MAX_IDS * sizeof *w);
	size_t k = 0;
	int rc;
	while (k < MAX_IDS && (rc = db_step(st)) == DB_ROW) {
		v[k] = db_u64(st, 0);
		if (second)
			w[k] = db_u64(st, 1);
		k++;
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	*out = v;
	if (second)
		*second = w;
	*n = k;
	return 0;
}

static int rev_ids(int rc, bool up, uint64_t *v, uint64_t *w, size_t n)
{
	if (rc || !up)
		return rc;
	for (size_t i = 0; i < n / 2; i++) {
		uint64_t t = v[i];
		v[i] = v[n - 1 - i];
		v[n - 1 - i] = t;
		if (w) {
			t = w[i];
			w[i] = w[n - 1 - i];
			w[n - 1 - i] = t;
		}
	}
	return 0;
}

static uint64_t cursor(const struct page *pg)
{
	return pg->min_id ? pg->min_id : (pg->max_id ? pg->max_id : UINT64_MAX >> 1);
}

static int64_t limit_of(const struct page *pg)
{
	return pg->limit > 0 && pg->limit <= MAX_IDS ? pg->limit : 20;
}

/* ---- OAuth ---- */

static struct oauth_app *app_row(struct arena *a, struct db_stmt *st)
{
	struct oauth_app *p = arena_alloc(a, sizeof *p);
	p->id = db_u64(st, 0);
	p->client_id = arena_strdup(a, db_text(st, 1));
	p->secret_hash = arena_strdup(a, db_text(st, 2));
	p->name = arena_strdup(a, db_text(st, 3));
	p->website = arena_strdup(a, db_text(st, 4));
	p->redirect_uris = arena_strdup(a, db_text(st, 5));
	p->scopes = arena_strdup(a, db_text(st, 6));
	p->created_at = db_i64(st, 7);
	return p;
}

#define APP_COLS "SELECT id, client_id, secret_hash, name, website, redirect_uris, scopes, created_at FROM oauth_apps"

int store_app_insert(struct store *s, const struct oauth_app *p)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO oauth_apps (id, client_id, secret_hash, name, website, redirect_uris, scopes,"
	               " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	               "ussssssi", p->id, p->client_id, p->secret_hash,
	               p->name, p->website, p->redirect_uris, p->scopes, p->created_at);
}

static int one_app(struct arena *a, struct db_stmt *st, struct oauth_app **out)
{
	int rc = db_one(st);
	if (!rc)
		*out = app_row(a, st);
	db_done(st);
	return rc;
}

int store_app_get(struct store *s, struct arena *a, const char *client_id, struct oauth_app **out)
{
	DB_OR_FAIL(s);
	return one_app(a, db_query(db, APP_COLS " WHERE client_id = ?1", "s", client_id), out);
}

int store_app_by_id(struct store *s, struct arena *a, uint64_t id, struct oauth_app **out)
{
	DB_OR_FAIL(s);
	return one_app(a, db_query(db, APP_COLS " WHERE id = ?1", "u", id), out);
}

int store_code_insert(struct store *s, const char *code_hash, const struct oauth_code *c)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO oauth_codes (code_hash, app_id, account_id, redirect_uri, scopes, challenge,"
	               " expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	               "suusssi", code_hash, c->app_id, c->account_id, c->redirect_uri, c->scopes, c->challenge,
	               c->expires_at);
}

int store_code_use(struct store *s, struct arena *a, const char *code_hash, struct oauth_code *out)
{
	DB_OR_FAIL(s);
	/* One statement marks and reads, so two exchanges of one code cannot both win. */
	struct db_stmt *st = db_query(db,
	                              "UPDATE oauth_codes SET used = 1 WHERE code_hash = ?1 AND used = 0"
	                              " RETURNING app_id, account_id, redirect_uri, scopes, challenge, expires_at",
	                              "s", code_hash);
	int rc = db_one(st);
	if (!rc) {
		out->app_id = db_u64(st, 0);
		out->account_id = db_u64(st, 1);
		out->redirect_uri = arena_strdup(a, db_text(st, 2));
		out->scopes = arena_strdup(a, db_text(st, 3));
		out->challenge = arena_strdup(a, db_text(st, 4));
		out->expires_at = db_i64(st, 5);
	}
	db_done(st);
	return rc;
}

int store_otoken_insert(struct store *s, const char *token_hash, const struct oauth_token *t)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO oauth_tokens (id, token_hash, app_id, account_id, scopes, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	               "usuusi", t->id, token_hash, t->app_id, t->account_id, t->scopes, t->created_at);
}

int store_otoken_get(struct store *s, struct arena *a, const char *token_hash, struct oauth_token *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, app_id, account_id, scopes, created_at FROM oauth_tokens"
	                              " WHERE token_hash = ?1 AND revoked = 0",
	                              "s", token_hash);
	int rc = db_one(st);
	if (!rc) {
		out->id = db_u64(st, 0);
		out->app_id = db_u64(st, 1);
		out->account_id = db_u64(st, 2);
		out->scopes = arena_strdup(a, db_text(st, 3));
		out->created_at = db_i64(st, 4);
	}
	db_done(st);
	return rc;
}

int store_otoken_revoke(struct store *s, const char *token_hash)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE oauth_tokens SET revoked = 1 WHERE token_hash = ?1", "s", token_hash);
}

int store_otoken_revoke_id(struct store *s, uint64_t account, uint64_t id)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "UPDATE oauth_tokens SET revoked = 1 WHERE id = ?1 AND account_id = ?2 AND revoked = 0",
	                 "uu", id, account);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

int store_otoken_revoke_account(struct store *s, uint64_t account)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db, "UPDATE oauth_tokens SET revoked = 1 WHERE account_id = ?1 AND revoked = 0", "u", account);
	if (!rc)
		rc = db_exec(db, "UPDATE oauth_codes SET used = 1 WHERE account_id = ?1 AND used = 0", "u", account);
	return db_finish(db, rc);
}

int store_otoken_list(struct store *s, struct arena *a, uint64_t account, struct oauth_token **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT t.id, t.app_id, t.scopes, t.created_at, COALESCE(a.name, '')"
	                              " FROM oauth_tokens t LEFT JOIN oauth_apps a ON a.id = t.app_id"
	                              " WHERE t.account_id = ?1 AND t.revoked = 0 ORDER BY t.id DESC LIMIT 100",
	                              "u", account);
	if (!st)
		return ERR_DB;
	struct oauth_token *v = arena_alloc(a, 100 * sizeof *v);
	size_t k = 0;
	int rc;
	while (k < 100 && (rc = db_step(st)) == DB_ROW) {
		v[k].id = db_u64(st, 0);
		v[k].app_id = db_u64(st, 1);
		v[k].account_id = account;
		v[k].scopes = arena_strdup(a, db_text(st, 2));
		v[k].created_at = db_i64(st, 3);
		v[k].app_name = arena_strdup(a, db_text(st, 4));
		k++;
	}
	db_done(st);
	*out = v;
	*n = k;
	return rc < 0 ? -rc : 0;
}

/* ---- marks, favourites, tags ---- */

int store_mark_set(struct store *s, enum post_mark kind, uint64_t account, uint64_t post, bool on)
{
	DB_OR_FAIL(s);
	uint64_t id = id_new();
	if (kind == MARK_BOOKMARK)
		return on ? db_exec(db,
		                    "INSERT INTO bookmarks (account_id, post_id, id) VALUES (?1, ?2, ?3)"
		                    " ON CONFLICT DO NOTHING",
		                    "uuu", account, post, id)
		          : db_exec(db, "DELETE FROM bookmarks WHERE account_id = ?1 AND post_id = ?2", "uu", account,
		                    post);
	return on ? db_exec(db,
	                    "INSERT INTO pins (account_id, post_id, id) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
	                    "uuu", account, post, id)
	          : db_exec(db, "DELETE FROM pins WHERE account_id = ?1 AND post_id = ?2", "uu", account, post);
}

int store_mark_list(struct store *s, struct arena *a, enum post_mark kind, uint64_t account,
                    const struct page *pg, uint64_t **posts, uint64_t **marks, size_t *n)
{
	DB_OR_FAIL(s);
	bool up = pg->min_id != 0;
	struct db_stmt *st;
	if (kind == MARK_BOOKMARK)
		st = up ? db_query(db,
		                   "SELECT post_id, id FROM bookmarks WHERE account_id = ?1 AND id > ?2"
		                   " ORDER BY id ASC LIMIT ?3",
		                   "uui", account, cursor(pg), limit_of(pg))
		        : db_query(db,
		                   "SELECT post_id, id FROM bookmarks WHERE account_id = ?1 AND id < ?2"
		                   " ORDER BY id DESC LIMIT ?3",
		                   "uui", account, cursor(pg), limit_of(pg));
	else
		st = db_query(db, "SELECT post_id, id FROM pins WHERE account_id = ?1 ORDER BY id DESC LIMIT ?2", "ui",
		              account, limit_of(pg));
	int rc = id_rows(a, st, posts, marks, n); /* before reading *posts (no argument order) */
	return rev_ids(rc, up && kind == MARK_BOOKMARK, rc ? NULL : *posts, rc ? NULL : *marks, rc ? 0 : *n);
}

int store_fav_list(struct store *s, struct arena *a, uint64_t account, const struct page *pg, uint64_t **out,
                   size_t *n)
{
	DB_OR_FAIL(s);
	bool up = pg->min_id != 0;
	struct db_stmt *st =
		up ? db_query(db,
		              "SELECT post_id FROM favourites WHERE account_id = ?1 AND post_id > ?2"
		              " ORDER BY post_id ASC LIMIT ?3",
		              "uui", account, cursor(pg), limit_of(pg))
		   : db_query(db,
		              "SELECT post_id FROM favourites WHERE account_id = ?1 AND post_id < ?2"
		              " ORDER BY post_id DESC LIMIT ?3",
		              "uui", account, cursor(pg), limit_of(pg));
	int rc = id_rows(a, st, out, NULL, n); /* before reading *out (no argument order) */
	return rev_ids(rc, up, rc ? NULL : *out, NULL, rc ? 0 : *n);
}

/* Paged by the favourite's id or the boost's (Mastodon's order, newest
 * first); ranges of favourites_post_rel and posts_reblogs. */
int store_post_actors(struct store *s, struct arena *a, uint64_t post, bool boosts, const struct page *pg,
                      uint64_t **out, uint64_t **marks, size_t *n)
{
	DB_OR_FAIL(s);
	bool up = pg->min_id != 0;
	struct db_stmt *st;
	if (boosts)
		st = up ? db_query(db,
		                   "SELECT author_id, id FROM posts WHERE reblog_of = ?1 AND reblog_of <> 0 AND deleted = 0"
		                   " AND id > ?2 ORDER BY id ASC LIMIT ?3",
		                   "uui", post, cursor(pg), limit_of(pg))
		        : db_query(db,
		                   "SELECT author_id, id FROM posts WHERE reblog_of = ?1 AND reblog_of <> 0 AND deleted = 0"
		                   " AND id < ?2 ORDER BY id DESC LIMIT ?3",
		                   "uui", post, cursor(pg), limit_of(pg));
	else
		st = up ? db_query(db,
		                   "SELECT account_id, id FROM favourites WHERE post_id = ?1 AND id > ?2"
		                   " ORDER BY id ASC LIMIT ?3",
		                   "uui", post, cursor(pg), limit_of(pg))
		        : db_query(db,
		                   "SELECT account_id, id FROM favourites WHERE post_id = ?1 AND id < ?2"
		                   " ORDER BY id DESC LIMIT ?3",
		                   "uui", post, cursor(pg), limit_of(pg));
	/* id_rows first: the arguments of one call have no order */
	int rc = id_rows(a, st, out, marks, n);
	return rev_ids(rc, up, rc ? NULL : *out, rc ? NULL : *marks, rc ? 0 : *n);
}

/* Paged by the follow's id, newest first (as Mastodon); ranges of
 * follows_followee_rel / follows_follower_rel. */
int store_follow_page(struct store *s, struct arena *a, uint64_t account, bool following, const struct page *pg,
                      uint64_t **out, uint64_t **marks, size_t *n)
{
	DB_OR_FAIL(s);
	bool up = pg->min_id != 0;
	struct db_stmt *st;
	if (following)
		st = up ? db_query(db,
		                   "SELECT followee_id, id FROM follows WHERE follower_id = ?1 AND id > ?2"
		                   " ORDER BY id ASC LIMIT ?3",
		                   "uui", account, cursor(pg), limit_of(pg))
		        : db_query(db,
		                   "SELECT followee_id, id FROM follows WHERE follower_id = ?1 AND id < ?2"
		                   " ORDER BY id DESC LIMIT ?3",
		                   "uui", account, cursor(pg), limit_of(pg));
	else
		st = up ? db_query(db,
		                   "SELECT follower_id, id FROM follows WHERE followee_id = ?1 AND id > ?2"
		                   " ORDER BY id ASC LIMIT ?3",
		                   "uui", account, cursor(pg), limit_of(pg))
		        : db_query(db,
		                   "SELECT follower_id, id FROM follows WHERE followee_id = ?1 AND id < ?2"
		                   " ORDER BY id DESC LIMIT ?3",
		                   "uui", account, cursor(pg), limit_of(pg));
	/* id_rows first: the arguments of one call have no order */
	int rc = id_rows(a, st, out, marks, n);
	return rev_ids(rc, up, rc ? NULL : *out, rc ? NULL : *marks, rc ? 0 : *n);
}

int store_post_tags(struct store *s, struct arena *a, uint64_t post, const char ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT tag FROM post_tags WHERE post_id = ?1 LIMIT 40", "u", post);
	return DB_ROWS(st, a, 40, db_fill_text, out, n);
}

/* ---- lists ---- */

static struct ulist *list_row(struct arena *a, struct db_stmt *st, struct ulist *l)
{
	l->id = db_u64(st, 0);
	l->account_id = db_u64(st, 1);
	l->title = arena_strdup(a, db_text(st, 2));
	l->replies_policy = arena_strdup(a, db_text(st, 3));
	l->exclusive = db_i64(st, 4) != 0;
	return l;
}

int store_list_save(struct store *s, const struct ulist *l)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO lists (id, account_id, title, replies_policy, exclusive) VALUES (?1, ?2, ?3, ?4, ?5)"
	               " ON CONFLICT (id) DO UPDATE SET title = ?3, replies_policy = ?4, exclusive = ?5",
	               "uussi", l->id, l->account_id, l->title, l->replies_policy, (int64_t)l->exclusive);
}

int store_list_get(struct store *s, struct arena *a, uint64_t account, uint64_t id, struct ulist **out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, account_id, title, replies_policy, exclusive FROM lists"
	                              " WHERE id = ?1 AND account_id = ?2",
	                              "uu", id, account);
	int rc = db_one(st);
	if (!rc)
		*out = list_row(a, st, arena_alloc(a, sizeof **out));
	db_done(st);
	return rc;
}

static int list_rows(struct arena *a, struct db_stmt *st, struct ulist **out, size_t *n)
{
	if (!st)
		return ERR_DB;
	struct ulist *v = arena_alloc(a, 100 * sizeof *v);
	size_t k = 0;
	while (k < 100 && db_step(st) == DB_ROW)
		list_row(a, st, &v[k++]);
	db_done(st);
	*out = v;
	*n = k;
	return 0;
}

int store_list_all(struct store *s, struct arena *a, uint64_t account, struct ulist **out, size_t *n)
{
	DB_OR_FAIL(s);
	return list_rows(a,
	                 db_query(db,
	                          "SELECT id, account_id, title, replies_policy, exclusive FROM lists"
	                          " WHERE account_id = ?1 ORDER BY id LIMIT 100",
	                          "u", account),
	                 out, n);
}

int store_list_holding(struct store *s, struct arena *a, uint64_t owner, uint64_t account, struct ulist **out,
                       size_t *n)
{
	DB_OR_FAIL(s);
	return list_rows(a,
	                 db_query(db,
	                          "SELECT l.id, l.account_id, l.title, l.replies_policy, l.exclusive FROM lists l"
	                          " JOIN list_accounts m ON m.list_id = l.id AND m.account_id = ?2"
	                          " WHERE l.account_id = ?1 ORDER BY l.id LIMIT 100",
	                          "uu", owner, account),
	                 out, n);
}

int store_list_delete(struct store *s, uint64_t account, uint64_t id)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db, "DELETE FROM lists WHERE id = ?1 AND account_id = ?2", "uu", id, account);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	if (!rc)
		rc = db_exec(db, "DELETE FROM list_accounts WHERE list_id = ?1", "u", id);
	return db_finish(db, rc);
}

int store_list_member_set(struct store *s, uint64_t list, uint64_t account, bool on)
{
	DB_OR_FAIL(s);
	return on ? db_exec(db, "INSERT INTO list_accounts (list_id, account_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	                    "uu", list, account)
	          : db_exec(db, "DELETE FROM list_accounts WHERE list_id = ?1 AND account_id = ?2", "uu", list, account);
}

int store_list_members(struct store *s, struct arena *a, uint64_t list, uint64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	return id_rows(a, db_query(db, "SELECT account_id FROM list_accounts WHERE list_id = ?1 LIMIT 200", "u", list),
	               out, NULL, n);
}

int store_list_posts(struct store *s, struct arena *a, uint64_t list, const struct page *pg, uint64_t **out,
                     size_t *n)
{
	DB_OR_FAIL(s);
	bool up = pg->min_id != 0;
	struct db_stmt *st =
		up ? db_query(db,
		              "SELECT p.id FROM posts p JOIN list_accounts m ON m.account_id = p.author_id"
		              " WHERE m.list_id = ?1 AND p.deleted = 0 AND p.id > ?2 ORDER BY p.id ASC LIMIT ?3",
		              "uui", list, cursor(pg), limit_of(pg))
		   : db_query(db,
		              "SELECT p.id FROM posts p JOIN list_accounts m ON m.account_id = p.author_id"
		              " WHERE m.list_id = ?1 AND p.deleted = 0 AND p.id < ?2 ORDER BY p.id DESC LIMIT ?3",
		              "uui", list, cursor(pg), limit_of(pg));
	int rc = id_rows(a, st, out, NULL, n); /* before reading *out (no argument order) */
	return rev_ids(rc, up, rc ? NULL : *out, NULL, rc ? 0 : *n);
}

/* ---- markers ---- */

int store_marker_get(struct store *s, uint64_t account, const char *timeline, uint64_t *last, int64_t *version,
                     int64_t *updated)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT last_read_id, version, updated_at FROM markers"
	                              " WHERE account_id = ?1 AND timeline = ?2",
	                              "us", account, timeline);
	int rc = db_one(st);
	if (!rc) {
		*last = db_u64(st, 0);
		*version = db_i64(st, 1);
		*updated = db_i64(st, 2);
	}
	db_done(st);
	return rc;
}

int store_marker_set(struct store *s, uint64_t account, const char *timeline, uint64_t last, int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO markers (account_id, timeline, last_read_id, version, updated_at)"
	               " VALUES (?1, ?2, ?3, 1, ?4) ON CONFLICT (account_id, timeline)"
	               " DO UPDATE SET last_read_id = ?3, version = markers.version + 1, updated_at = ?4",
	               "usui", account, timeline, last, now);
}

/* ---- polls ---- */

int store_poll_insert(struct store *s, uint64_t post, int64_t expires_at, bool multiple, const char *const *opts,
                      size_t n)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db, "INSERT INTO polls (post_id, expires_at, multiple) VALUES (?1, ?2, ?3)", "uii", post,
	             expires_at, (int64_t)multiple);
	for (size_t i = 0; i < n && !rc; i++)
		rc = db_exec(db, "INSERT INTO poll_options (post_id, idx, title) VALUES (?1, ?2, ?3)", "uis", post,
		             (int64_t)i, opts[i]);
	return db_finish(db, rc);
}

int store_poll_get(struct store *s, struct arena *a, uint64_t post, uint64_t viewer, struct poll **out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT expires_at, multiple, origin_voters FROM polls WHERE post_id = ?1", "u",
	                              post);
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	if (rc != DB_ROW) {
		db_done(st);
		return rc < 0 ? -rc : ERR_NOTFOUND;
	}
	struct poll *p = arena_alloc(a, sizeof *p);
	p->id = post;
	p->expires_at = db_i64(st, 0);
	p->multiple = db_i64(st, 1) != 0;
	int64_t origin_voters = db_i64(st, 2);
	db_done(st);
	/* A poll from elsewhere: its origin's counts once it sent them (they
	 * hold the votes sent from here too), or ours while they are higher
	 * (a vote from here on its way). */
	st = db_query(db,
	              "SELECT o.title, (SELECT COUNT(*) FROM poll_votes v WHERE v.post_id = o.post_id AND v.idx = o.idx),"
	              " o.origin_votes FROM poll_options o WHERE o.post_id = ?1 ORDER BY o.idx LIMIT 8",
	              "u", post);
	if (!st)
		return ERR_DB;
	while (p->nopts < STORE_POLL_MAX && db_step(st) == DB_ROW) {
		p->titles[p->nopts] = arena_strdup(a, db_text(st, 0));
		p->votes[p->nopts] = db_i64(st, 1) > db_i64(st, 2) ? db_i64(st, 1) : db_i64(st, 2);
		p->votes_count += p->votes[p->nopts];
		p->nopts++;
	}
	db_done(st);
	db_scalar(db, &p->voters_count, 0, "SELECT COUNT(DISTINCT account_id) FROM poll_votes WHERE post_id = ?1", "u",
	          post);
	if (origin_voters > p->voters_count)
		p->voters_count = origin_voters;
	if (viewer) {
		st = db_query(db, "SELECT idx FROM poll_votes WHERE post_id = ?1 AND account_id = ?2 LIMIT 8", "uu", post,
		              viewer);
		if (!st)
			return ERR_DB;
		while (p->nown < STORE_POLL_MAX && db_step(st) == DB_ROW)
			p->own[p->nown++] = (int)db_i64(st, 0);
		db_done(st);
		p->voted = p->nown > 0;
	}
	*out = p;
	return 0;
}

/* The choices of account's vote in one transaction.  When the account has
 * voted already: ERR_EXISTS (a vote from here carries all its choices at
 * once), or, with further (a choice from elsewhere: Mastodon sends a Note
 * per choice), the choice is added, unless the poll takes one choice only,
 * when nothing changes and *taken stays false (no error: the activity that
 * carried it is still handled). */
static int poll_vote(struct store *s, uint64_t post, uint64_t account, const int *choices, size_t n, bool further,
                     bool *taken)
{
	DB_OR_FAIL(s);
	*taken = false;
	int rc = db_begin(db);
	if (rc)
		return rc;
	int64_t had = 0, multiple = 0;
	/* Two votes of one person at once (two processes, two devices): the
	 * poll's row lock makes the second see the first, never a second set
	 * of choices. */
	rc = store_lock_pg(db, "SELECT 1 FROM polls WHERE post_id = ?1 FOR UPDATE", post);
	if (!rc)
		rc = db_scalar(db, &had, 0, "SELECT COUNT(*) FROM poll_votes WHERE post_id = ?1 AND account_id = ?2", "uu",
		               post, account);
	if (!rc && had && further)
		rc = db_scalar(db, &multiple, 0, "SELECT multiple FROM polls WHERE post_id = ?1", "u", post);
	if (!rc && had && !further)
		rc = ERR_EXISTS;
	if (!rc && (!had || multiple)) {
		for (size_t i = 0; i < n && !rc; i++)
			rc = db_exec(db,
			             "INSERT INTO poll_votes (post_id, account_id, idx) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
			             "uui", post, account, (int64_t)choices[i]);
		*taken = !rc;
	}
	return db_finish(db, rc);
}

/* The transaction above, again while PostgreSQL asks (serialization
 * failure, deadlock with another writer of the same rows). */
int store_poll_vote(struct store *s, uint64_t post, uint64_t account, const int *choices, size_t n)
{
	int rc;
	bool taken;
	DB_RETRYING(s, rc, poll_vote(s, post, account, choices, n, false, &taken));
	return rc;
}

int store_poll_vote_one(struct store *s, uint64_t post, uint64_t account, int idx, bool *taken)
{
	int rc;
	DB_RETRYING(s, rc, poll_vote(s, post, account, &idx, 1, true, taken));
	return rc;
}

/* The counts a poll's origin sent (its Question in an Update): n options'
 * votes (-1: not given) and its voters. */
int store_poll_origin_counts(struct store *s, uint64_t post, const int64_t *votes, size_t n, int64_t voters)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "UPDATE polls SET origin_voters = ?2 WHERE post_id = ?1", "ui", post, voters);
	for (size_t i = 0; i < n && !rc; i++)
		rc = db_exec(db, "UPDATE poll_options SET origin_votes = ?3 WHERE post_id = ?1 AND idx = ?2", "uii", post,
		             (int64_t)i, votes[i]);
	return rc;
}

/* ---- filters ---- */

int store_filter_save(struct store *s, const struct filter *f)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db,
	             "INSERT INTO filters (id, account_id, title, context, action, expires_at)"
	             " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET title = ?3, context = ?4,"
	             " action = ?5, expires_at = ?6",
	             "uusssi", f->id, f->account_id, f->title, f->context, f->action, f->expires_at);
	for (size_t i = 0; i < f->nkw && !rc; i++)
		rc = db_exec(db, "INSERT INTO filter_keywords (id, filter_id, keyword, whole_word) VALUES (?1, ?2, ?3, ?4)",
		             "uusi", f->kw[i].id, f->id, f->kw[i].keyword, (int64_t)f->kw[i].whole_word);
	return db_finish(db, rc);
}

int store_filter_all(struct store *s, struct arena *a, uint64_t account, struct filter **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, title, context, action, expires_at FROM filters WHERE account_id = ?1"
	                              " ORDER BY id LIMIT 100",
	                              "u", account);
	if (!st)
		return ERR_DB;
	struct filter *v = arena_alloc(a, 100 * sizeof *v);
	size_t k = 0;
	while (k < 100 && db_step(st) == DB_ROW) {
		v[k].id = db_u64(st, 0);
		v[k].account_id = account;
		v[k].title = arena_strdup(a, db_text(st, 1));
		v[k].context = arena_strdup(a, db_text(st, 2));
		v[k].action = arena_strdup(a, db_text(st, 3));
		v[k].expires_at = db_i64(st, 4);
		k++;
	}
	db_done(st);
	for (size_t i = 0; i < k; i++) {
		st = db_query(db, "SELECT id, keyword, whole_word FROM filter_keywords WHERE filter_id = ?1 LIMIT 50", "u",
		              v[i].id);
		if (!st)
			return ERR_DB;
		v[i].kw = arena_alloc(a, 50 * sizeof *v[i].kw);
		while (v[i].nkw < 50 && db_step(st) == DB_ROW) {
			struct filter_kw *w = &v[i].kw[v[i].nkw++];
			w->id = db_u64(st, 0);
			w->keyword = arena_strdup(a, db_text(st, 1));
			w->whole_word = db_i64(st, 2) != 0;
		}
		db_done(st);
	}
	*out = v;
	*n = k;
	return 0;
}

int store_filter_delete(struct store *s, uint64_t account, uint64_t id)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db, "DELETE FROM filters WHERE id = ?1 AND account_id = ?2", "uu", id, account);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	if (!rc)
		rc = db_exec(db, "DELETE FROM filter_keywords WHERE filter_id = ?1", "u", id);
	return db_finish(db, rc);
}

int store_filter_kw_delete(struct store *s, uint64_t account, uint64_t kw_id)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db,
	                 "DELETE FROM filter_keywords WHERE id = ?1 AND filter_id IN"
	                 " (SELECT id FROM filters WHERE account_id = ?2)",
	                 "uu", kw_id, account);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

/* ---- idempotency, followed tags ---- */

int store_idem_get(struct store *s, uint64_t account, const char *key, uint64_t *post)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT post_id FROM idempotency_keys WHERE account_id = ?1 AND key = ?2", "us",
	                   account, key);
	if (rc)
		return rc;
	*post = (uint64_t)v;
	return v ? 0 : ERR_NOTFOUND;
}

int store_idem_put(struct store *s, uint64_t account, const char *key, uint64_t post, int64_t now)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db,
	                 "INSERT INTO idempotency_keys (account_id, key, post_id, created_at) VALUES (?1, ?2, ?3, ?4)"
	                 " ON CONFLICT DO NOTHING",
	                 "usui", account, key, post, now);
	return rc ? rc : db->drv->changes(db) > 0 ? 0 : ERR_CONFLICT;
}

int store_tag_follow(struct store *s, uint64_t account, const char *tag, bool on)
{
	DB_OR_FAIL(s);
	return on ? db_exec(db, "INSERT INTO followed_tags (account_id, tag) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	                    "us", account, tag)
	          : db_exec(db, "DELETE FROM followed_tags WHERE account_id = ?1 AND tag = ?2", "us", account, tag);
}

int store_tag_followed(struct store *s, uint64_t account, const char *tag, bool *out)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT 1 FROM followed_tags WHERE account_id = ?1 AND tag = ?2", "us", account,
	                   tag);
	*out = !rc && v != 0;
	return rc;
}

int store_tag_followed_list(struct store *s, struct arena *a, uint64_t account, const char ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st =
		db_query(db, "SELECT tag FROM followed_tags WHERE account_id = ?1 ORDER BY tag LIMIT 100", "u", account);
	return DB_ROWS(st, a, 100, db_fill_text, out, n);
}

/* A tag's posts that everyone may see: kept by triggers (migration 8), less
 * those still held (think time), which the triggers count at once. */
int64_t store_tag_count(struct store *s, const char *tag)
{
	struct db *db = store_db(s);
	int64_t v = 0, now = time_now();
	if (db)
		db_scalar(db, &v, 0,
		          "SELECT COALESCE((SELECT posts FROM tag_stats WHERE tag = ?1), 0) - (SELECT COUNT(*)"
		          " FROM post_tags t JOIN posts h ON h.id = t.post_id WHERE t.tag = ?1 AND t.post_id >= ?2"
		          " AND h.publish_at > ?3 AND h.deleted = 0 AND h.reblog_of = 0 AND h.visibility = 0"
		          " AND h.group_id = 0 AND h.pending = 0)",
		          "sui", tag, id_from_ms((now - STORE_HOLD_WINDOW) * 1000), now);
	return v > 0 ? v : 0;
}

/* ---- conversations ---- */

struct recipient_rows {
	uint64_t *v;
	size_t n, cap;
};

static void recipient_row(struct db_stmt *st, void *ctx)
{
	struct recipient_rows *r = ctx;
	uint64_t id = db_u64(st, 0);
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i] == id)
			return;
	if (r->n < r->cap)
		r->v[r->n++] = id;
}

int store_conv_members(struct store *s, struct arena *a, const uint64_t *posts, size_t nposts, uint64_t **out,
                       size_t *n)
{
	DB_OR_FAIL(s);
	struct recipient_rows r = {arena_alloc(a, MAX_IDS * sizeof *r.v), 0, MAX_IDS};
	int rc = db_each_ids(db, "SELECT DISTINCT r.account_id FROM " DB_IDS_ROWS " CROSS JOIN post_recipients r"
	                     " WHERE r.post_id = ids.column1", posts,
	                     nposts, 0, recipient_row, &r);
	*out = r.v;
	*n = r.n;
	return rc;
}

/* ---- post metadata, notifications, reports ---- */

int store_post_meta_set(struct store *s, uint64_t post, const struct post_meta *m)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO post_meta (post_id, spoiler_text, sensitive, language, app_id)"
	               " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (post_id) DO UPDATE SET spoiler_text = ?2,"
	               " sensitive = ?3, language = ?4",
	               "usisu", post, m->spoiler_text ? m->spoiler_text : "", (int64_t)m->sensitive,
	               m->language ? m->language : "", m->app_id);
}

int store_post_meta_get(struct store *s, struct arena *a, uint64_t post, struct post_meta *out)
{
	DB_OR_FAIL(s);
	memset(out, 0, sizeof *out);
	out->spoiler_text = "";
	out->language = "";
	struct db_stmt *st = db_query(db,
	                              "SELECT spoiler_text, sensitive, language, app_id FROM post_meta WHERE post_id = ?1",
	                              "u", post);
	int rc = db_one(st);
	if (!rc) {
		out->spoiler_text = arena_strdup(a, db_text(st, 0));
		out->sensitive = db_i64(st, 1) != 0;
		out->language = arena_strdup(a, db_text(st, 2));
		out->app_id = db_u64(st, 3);
	}
	db_done(st);
	return rc;
}

int store_notif_dismiss(struct store *s, uint64_t account, uint64_t id)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM notifications WHERE id = ?1 AND account_id = ?2", "uu", id, account);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

int store_notif_clear(struct store *s, uint64_t account)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM notifications WHERE account_id = ?1", "u", account);
}


int store_block_list(struct store *s, struct arena *a, uint64_t account, bool mutes, uint64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	return id_rows(a,
	               mutes ? db_query(db, "SELECT target_id FROM mutes WHERE account_id = ?1 LIMIT 200", "u", account)
	                     : db_query(db, "SELECT target_id FROM blocks WHERE account_id = ?1 LIMIT 200", "u", account),
	               out, NULL, n);
}

uint64_t store_boost_of(struct store *s, uint64_t account, uint64_t post)
{
	struct db *db = store_db(s);
	int64_t v = 0;
	if (db)
		db_scalar(db, &v, 0, "SELECT id FROM posts WHERE author_id = ?1 AND reblog_of = ?2 AND deleted = 0", "uu",
		          account, post);
	return (uint64_t)v;
}

/* ---- what a page of statuses shows besides the post rows ---- */

#define EXTRA_TAGS 40
#define EXTRA_MENTIONS 100

struct extras {
	struct arena *a;
	struct post *const *v;
	size_t n;
	uint64_t viewer;
};

/* The posts of the page with id `want` (a page may hold one post twice). */
#define EACH_POST(e, i, want) \
	for (size_t i = 0; i < (e)->n; i++) \
		if ((e)->v[i]->id == (want))

/*
 * What a page of statuses shows besides the post rows, in one statement: on
 * PostgreSQL each statement is a round trip to the server, and these were
 * six (meta, tags, mentions, polls, bookmarks, pins) of a home page's
 * seventeen.  Each part's rows are tagged with its number (EXTRA_*), its
 * values in two integer and two text columns.  A pin is shown to its
 * author only (the status entity's "pinned"): pins and bookmarks are asked
 * under the viewer's own account (account 0, anonymous, has no rows), and
 * a pin marks the viewer's own posts only.
 */
enum { EXTRA_META, EXTRA_TAG, EXTRA_MENTION, EXTRA_POLL, EXTRA_BOOKMARK, EXTRA_PIN };
#define EXTRA_PART(K, COLS, FROM) \
	"SELECT " #K ", " COLS " FROM " DB_IDS_ROWS " CROSS JOIN " FROM
#define EXTRAS_SQL \
	EXTRA_PART(0, "m.post_id, m.sensitive, m.app_id, m.spoiler_text, m.language", \
	           "post_meta m WHERE m.post_id = ids.column1") \
	" UNION ALL " EXTRA_PART(1, "t.post_id, 0, 0, t.tag, ''", "post_tags t WHERE t.post_id = ids.column1") \
	" UNION ALL " EXTRA_PART(2, "r.post_id, a.id, 0, a.username, ''", \
	                         "post_recipients r JOIN accounts a ON a.id = r.account_id WHERE r.post_id = ids.column1") \
	" UNION ALL " EXTRA_PART(3, "p.post_id, 0, 0, '', ''", "polls p WHERE p.post_id = ids.column1") \
	" UNION ALL " EXTRA_PART(4, "b.post_id, 0, 0, '', ''", \
	                         "bookmarks b WHERE b.account_id = ?41 AND b.post_id = ids.column1") \
	" UNION ALL " EXTRA_PART(5, "p.post_id, 0, 0, '', ''", \
	                         "pins p WHERE p.account_id = ?41 AND p.post_id = ids.column1")

static void extra_row(struct db_stmt *st, void *ctx)
{
	struct extras *e = ctx;
	int part = (int)db_i64(st, 0);
	EACH_POST(e, i, db_u64(st, 1)) {
		struct post_extra *x = e->v[i]->x;
		switch (part) {
		case EXTRA_META:
			x->meta.sensitive = db_i64(st, 2) != 0;
			x->meta.app_id = db_u64(st, 3);
			x->meta.spoiler_text = arena_strdup(e->a, db_text(st, 4));
			x->meta.language = arena_strdup(e->a, db_text(st, 5));
			break;
		case EXTRA_TAG:
			if (!x->tags)
				x->tags = arena_alloc(e->a, EXTRA_TAGS * sizeof *x->tags);
			if (x->ntags < EXTRA_TAGS)
				x->tags[x->ntags++] = arena_strdup(e->a, db_text(st, 4));
			break;
		case EXTRA_MENTION:
			if (!x->mentions)
				x->mentions = arena_alloc(e->a, EXTRA_MENTIONS * sizeof *x->mentions);
			if (x->nmentions < EXTRA_MENTIONS)
				x->mentions[x->nmentions++] =
					(struct mention){db_u64(st, 2), arena_strdup(e->a, db_text(st, 4))};
			break;
		case EXTRA_POLL:
			x->has_poll = true;
			break;
		case EXTRA_BOOKMARK:
			x->bookmarked = true;
			break;
		case EXTRA_PIN:
			x->pinned = e->v[i]->author_id == e->viewer;
			break;
		}
	}
}

size_t store_post_ids(struct arena *a, struct post *const *v, size_t n, uint64_t **out)
{
	uint64_t *ids = arena_alloc(a, (n + 1) * sizeof *ids);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < k && ids[j] != v[i]->id)
			j++;
		if (j == k)
			ids[k++] = v[i]->id;
	}
	*out = ids;
	return k;
}

int store_post_extras(struct store *s, struct arena *a, uint64_t viewer, struct post *const *v, size_t n)
{
	DB_OR_FAIL(s);
	for (size_t i = 0; i < n; i++) {
		v[i]->x = arena_alloc(a, sizeof *v[i]->x);
		v[i]->x->meta.spoiler_text = "";
		v[i]->x->meta.language = "";
	}
	uint64_t *ids;
	size_t nids = store_post_ids(a, v, n, &ids);
	struct extras e = {a, v, n, viewer};
	int rc = db_each_ids(db, EXTRAS_SQL, ids, nids, viewer, extra_row, &e);
	return rc ? rc : store_post_media_many(db, a, v, n);
}
