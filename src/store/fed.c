/*
 * Federation's tables (see store_fed.h).
 */
#include "store/store_fed.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "store/store_int.h"

int store_fed_key_get(struct store *s, struct arena *a, uint64_t account, const char **pub, const char **priv)
{
	DB_OR_FAIL(s);
	struct db_stmt *st =
	        db_query(db, "SELECT public_pem, private_pem FROM fed_keys WHERE account_id = ?1", "u", account);
	int rc = db_one(st);
	if (!rc) {
		*pub = arena_strdup(a, db_text(st, 0));
		*priv = arena_strdup(a, db_text(st, 1));
	}
	db_done(st);
	return rc;
}

int store_fed_key_put(struct store *s, uint64_t account, const char *pub, const char *priv)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO fed_keys (account_id, public_pem, private_pem, created_at) VALUES (?1, ?2, ?3, ?4)"
	               " ON CONFLICT DO NOTHING",
	               "ussi", account, pub, priv, time_now());
}

#define ACTOR_COLS "id, uri, inbox, shared_inbox, key_id, public_pem, username, host, fetched_at, account_id"

static int actor_one(struct arena *a, struct db_stmt *st, struct fed_actor **out)
{
	int rc = db_one(st);
	if (!rc) {
		struct fed_actor *f = arena_alloc(a, sizeof *f);
		f->id = db_u64(st, 0);
		f->uri = arena_strdup(a, db_text(st, 1));
		f->inbox = arena_strdup(a, db_text(st, 2));
		f->shared_inbox = arena_strdup(a, db_text(st, 3));
		f->key_id = arena_strdup(a, db_text(st, 4));
		f->public_pem = arena_strdup(a, db_text(st, 5));
		f->username = arena_strdup(a, db_text(st, 6));
		f->host = arena_strdup(a, db_text(st, 7));
		f->fetched_at = db_i64(st, 8);
		f->account_id = db_u64(st, 9);
		*out = f;
	}
	db_done(st);
	return rc;
}

int store_fed_actor_by_uri(struct store *s, struct arena *a, const char *uri, struct fed_actor **out)
{
	DB_OR_FAIL(s);
	return actor_one(a, db_query(db, "SELECT " ACTOR_COLS " FROM fed_actors WHERE uri = ?1", "s", uri), out);
}

int store_fed_actor_by_key(struct store *s, struct arena *a, const char *key_id, struct fed_actor **out)
{
	DB_OR_FAIL(s);
	return actor_one(a, db_query(db, "SELECT " ACTOR_COLS " FROM fed_actors WHERE key_id = ?1 LIMIT 1", "s", key_id),
	                 out);
}

int store_fed_actor_get(struct store *s, struct arena *a, uint64_t id, struct fed_actor **out)
{
	DB_OR_FAIL(s);
	return actor_one(a, db_query(db, "SELECT " ACTOR_COLS " FROM fed_actors WHERE id = ?1", "u", id), out);
}

int store_fed_actor_by_account(struct store *s, struct arena *a, uint64_t account, struct fed_actor **out)
{
	DB_OR_FAIL(s);
	return actor_one(a, db_query(db, "SELECT " ACTOR_COLS " FROM fed_actors WHERE account_id = ?1 AND account_id <> 0",
	                             "u", account), out);
}

int store_fed_actor_link(struct store *s, uint64_t actor, uint64_t account)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE fed_actors SET account_id = ?2 WHERE id = ?1", "uu", actor, account);
}

int store_fed_actor_put(struct store *s, const struct fed_actor *f, uint64_t *id)
{
	DB_OR_FAIL(s);
	uint64_t nid = id_new();
	int rc = db_exec(db,
	                 "INSERT INTO fed_actors (id, uri, inbox, shared_inbox, key_id, public_pem, username, host,"
	                 " fetched_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (uri) DO UPDATE SET"
	                 " inbox = excluded.inbox, shared_inbox = excluded.shared_inbox, key_id = excluded.key_id,"
	                 " public_pem = excluded.public_pem, username = excluded.username, host = excluded.host,"
	                 " fetched_at = excluded.fetched_at",
	                 "usssssssi", nid, f->uri, f->inbox, f->shared_inbox, f->key_id, f->public_pem, f->username,
	                 f->host, f->fetched_at);
	if (!rc) {
		int64_t v = 0;
		rc = db_scalar(db, &v, 0, "SELECT id FROM fed_actors WHERE uri = ?1", "s", f->uri);
		*id = (uint64_t)v;
	}
	return rc;
}

int store_fed_follower_put(struct store *s, uint64_t account, uint64_t actor, int state, const char *follow_uri,
                           int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO fed_followers (account_id, actor_id, state, follow_uri, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (account_id, actor_id) DO UPDATE SET"
	               " state = excluded.state, follow_uri = excluded.follow_uri",
	               "uuisi", account, actor, (int64_t)state, follow_uri, now);
}

int store_fed_follower_delete(struct store *s, uint64_t account, uint64_t actor)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM fed_followers WHERE account_id = ?1 AND actor_id = ?2", "uu", account, actor);
}

int store_fed_follower_get(struct store *s, struct arena *a, uint64_t account, uint64_t actor, int *state,
                           const char **follow_uri)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT state, follow_uri FROM fed_followers WHERE account_id = ?1 AND"
	                              " actor_id = ?2",
	                              "uu", account, actor);
	int rc = db_one(st);
	if (!rc) {
		*state = (int)db_i64(st, 0);
		*follow_uri = arena_strdup(a, db_text(st, 1));
	}
	db_done(st);
	return rc;
}

int store_fed_follower_inboxes(struct store *s, struct arena *a, uint64_t account, const char ***out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT DISTINCT CASE WHEN r.shared_inbox <> '' THEN r.shared_inbox ELSE r.inbox END"
	                              " FROM fed_followers f JOIN fed_actors r ON r.id = f.actor_id"
	                              " WHERE f.account_id = ?1 AND f.state = 1 LIMIT 5000",
	                              "u", account);
	if (!st)
		return ERR_DB;
	size_t cap = 0, k = 0;
	const char **v = NULL;
	int rc = 0;
	while (k < STORE_FED_INBOXES_MAX && (rc = db_step(st)) == DB_ROW) {
		if (k == cap)
			v = arena_grow(a, v, &cap, k, sizeof *v);
		v[k++] = arena_strdup(a, db_text(st, 0));
	}
	db_done(st);
	*out = v;
	*n = k;
	return rc < 0 ? -rc : 0;
}

/* A page row of remote followers: the actor's id (the cursor) and address. */
static void fill_follower(struct db_stmt *st, struct arena *a, void *row)
{
	struct fed_actor *f = row;
	*f = (struct fed_actor){.id = db_u64(st, 0), .uri = arena_strdup(a, db_text(st, 1))};
}

int store_fed_follower_page(struct store *s, struct arena *a, uint64_t account, uint64_t after, int limit,
                            struct fed_actor **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	if (limit <= 0 || limit > STORE_FED_COLL_MAX)
		limit = STORE_FED_COLL_MAX;
	struct db_stmt *st = db_query(db,
	                              "SELECT f.actor_id, r.uri FROM fed_followers f JOIN fed_actors r ON r.id = f.actor_id"
	                              " WHERE f.account_id = ?1 AND f.state = 1 AND f.actor_id > ?2"
	                              " ORDER BY f.actor_id LIMIT ?3",
	                              "uui", account, after, (int64_t)limit);
	return DB_ROWS(st, a, STORE_FED_COLL_MAX, fill_follower, out, n);
}

int store_fed_follower_count(struct store *s, uint64_t account, int64_t *n)
{
	DB_OR_FAIL(s);
	return db_scalar(db, n, 0, "SELECT COUNT(*) FROM fed_followers WHERE account_id = ?1 AND state = 1", "u",
	                 account);
}

int store_fed_seen(struct store *s, const char *uri, int64_t now)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "INSERT INTO fed_seen (uri, seen_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING", "si", uri,
	                 now);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_EXISTS;
	return rc;
}

int store_fed_out_put(struct store *s, uint64_t account, const char *body, const char *key_pem, int64_t now,
                      uint64_t *id)
{
	DB_OR_FAIL(s);
	uint64_t nid = id_new();
	int rc = db_exec(db, "INSERT INTO fed_out (id, account_id, body, created_at, key_pem) VALUES (?1, ?2, ?3, ?4, ?5)",
	                 "uusis", nid, account, body, now, key_pem ? key_pem : "");
	if (!rc)
		*id = nid;
	return rc;
}

int store_fed_out_get(struct store *s, struct arena *a, uint64_t id, uint64_t *account, const char **body,
                      const char **key_pem)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT account_id, body, key_pem FROM fed_out WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc) {
		*account = db_u64(st, 0);
		*body = arena_strdup(a, db_text(st, 1));
		*key_pem = arena_strdup(a, db_text(st, 2));
	}
	db_done(st);
	return rc;
}

int store_fed_key_replace(struct store *s, uint64_t account, const char *pub, const char *priv)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE fed_keys SET public_pem = ?2, private_pem = ?3, created_at = ?4 WHERE account_id = ?1",
	               "ussi", account, pub, priv, time_now());
}

int store_fed_actor_forget(struct store *s, uint64_t actor)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM fed_followers WHERE actor_id = ?1", "u", actor);
	if (!rc)
		rc = db_exec(db, "DELETE FROM fed_following WHERE actor_id = ?1", "u", actor);
	return rc;
}

int store_fed_note_text(struct store *s, const char *uri, const char *content)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE fed_notes SET content = ?2 WHERE uri = ?1", "ss", uri, content);
}

int store_fed_following_put(struct store *s, uint64_t account, uint64_t actor, int state, const char *follow_uri,
                            int64_t now)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO fed_following (account_id, actor_id, state, follow_uri, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (account_id, actor_id) DO UPDATE SET"
	               " state = excluded.state, follow_uri = excluded.follow_uri",
	               "uuisi", account, actor, (int64_t)state, follow_uri, now);
}

int store_fed_following_answer(struct store *s, uint64_t actor, const char *follow_uri, int state, uint64_t *account)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, -1, "SELECT account_id FROM fed_following WHERE actor_id = ?1 AND follow_uri = ?2",
	                   "us", actor, follow_uri);
	if (!rc && v < 0)
		rc = ERR_NOTFOUND;
	if (!rc)
		rc = state < 0 ? db_exec(db, "DELETE FROM fed_following WHERE actor_id = ?1 AND follow_uri = ?2", "us",
		                         actor, follow_uri)
		               : db_exec(db,
		                         "UPDATE fed_following SET state = ?3 WHERE actor_id = ?1 AND follow_uri = ?2",
		                         "usi", actor, follow_uri, (int64_t)state);
	*account = (uint64_t)v;
	return rc;
}

int store_fed_following_drop(struct store *s, struct arena *a, uint64_t account, uint64_t actor,
                             const char **follow_uri)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT follow_uri FROM fed_following WHERE account_id = ?1 AND actor_id = ?2",
	                              "uu", account, actor);
	int rc = db_one(st);
	if (!rc)
		*follow_uri = arena_strdup(a, db_text(st, 0));
	db_done(st);
	if (rc == ERR_NOTFOUND)
		return 0;
	return rc ? rc
	          : db_exec(db, "DELETE FROM fed_following WHERE account_id = ?1 AND actor_id = ?2", "uu", account, actor);
}

int store_fed_followed(struct store *s, uint64_t actor, bool *yes)
{
	DB_OR_FAIL(s);
	int64_t n = 0;
	int rc = db_scalar(db, &n, 0, "SELECT COUNT(*) FROM fed_following WHERE actor_id = ?1 AND state = 1", "u",
	                   actor);
	*yes = n > 0;
	return rc;
}

int store_fed_note_put(struct store *s, const char *uri, uint64_t actor, const char *content, const char *published,
                       int64_t now, uint64_t post)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO fed_notes (id, uri, actor_id, content, published, received_at, post_id)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
	               "usussiu", id_new(), uri, actor, content, published, now, post);
}

int store_fed_note_post(struct store *s, const char *uri, uint64_t *post, uint64_t *actor)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT post_id, actor_id FROM fed_notes WHERE uri = ?1", "s", uri);
	int rc = db_one(st);
	if (!rc) {
		*post = db_u64(st, 0);
		*actor = db_u64(st, 1);
	}
	db_done(st);
	return rc;
}

int store_fed_note_uri(struct store *s, struct arena *a, uint64_t post, const char **uri)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT uri FROM fed_notes WHERE post_id = ?1 AND post_id <> 0", "u", post);
	int rc = db_one(st);
	if (!rc)
		*uri = arena_strdup(a, db_text(st, 0));
	db_done(st);
	return rc;
}

int store_fed_notes(struct store *s, struct arena *a, size_t max, struct fed_note **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT n.id, n.uri, r.uri, n.content, n.published, n.received_at"
	                              " FROM fed_notes n JOIN fed_actors r ON r.id = n.actor_id"
	                              " ORDER BY n.id DESC LIMIT ?1",
	                              "i", (int64_t)max);
	if (!st)
		return ERR_DB;
	size_t cap = 0, k = 0;
	struct fed_note *v = NULL;
	int rc = 0;
	while (k < max && (rc = db_step(st)) == DB_ROW) {
		if (k == cap)
			v = arena_grow(a, v, &cap, k, sizeof *v);
		v[k].id = db_u64(st, 0);
		v[k].uri = arena_strdup(a, db_text(st, 1));
		v[k].actor_uri = arena_strdup(a, db_text(st, 2));
		v[k].content = arena_strdup(a, db_text(st, 3));
		v[k].published = arena_strdup(a, db_text(st, 4));
		v[k].received_at = db_i64(st, 5);
		k++;
	}
	db_done(st);
	*out = v;
	*n = k;
	return rc < 0 ? -rc : 0;
}

int store_fed_note_delete(struct store *s, const char *uri, uint64_t actor)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM fed_notes WHERE uri = ?1 AND actor_id = ?2", "su", uri, actor);
}

int store_fed_block(struct store *s, const char *host, bool block, int64_t now)
{
	DB_OR_FAIL(s);
	return block ? db_exec(db, "INSERT INTO fed_blocks (host, created_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	                       "si", host, now)
	             : db_exec(db, "DELETE FROM fed_blocks WHERE host = ?1", "s", host);
}

int store_fed_blocked(struct store *s, const char *host, bool *yes)
{
	DB_OR_FAIL(s);
	int64_t n = 0;
	int rc = db_scalar(db, &n, 0, "SELECT COUNT(*) FROM fed_blocks WHERE host = ?1", "s", host);
	*yes = n > 0;
	return rc;
}

int store_fed_forget_host(struct store *s, const char *host)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM fed_followers WHERE actor_id IN (SELECT id FROM fed_actors WHERE host = ?1)",
	                 "s", host);
	if (!rc)
		rc = db_exec(db, "DELETE FROM fed_following WHERE actor_id IN (SELECT id FROM fed_actors WHERE host = ?1)",
		             "s", host);
	return rc;
}

int store_fed_local_only_put(struct store *s, uint64_t post)
{
	DB_OR_FAIL(s);
	return db_exec(db, "INSERT INTO fed_local_only (post_id) VALUES (?1) ON CONFLICT DO NOTHING", "u", post);
}

int store_fed_local_only(struct store *s, uint64_t post, bool *yes)
{
	DB_OR_FAIL(s);
	int64_t n = 0;
	int rc = db_scalar(db, &n, 0, "SELECT COUNT(*) FROM fed_local_only WHERE post_id = ?1", "u", post);
	*yes = n > 0;
	return rc;
}

int store_fed_host_failed(struct store *s, const char *host, int *failures)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db,
	                 "INSERT INTO fed_hosts (host, failures, retry_at) VALUES (?1, 1, 0) ON CONFLICT (host) DO UPDATE"
	                 " SET failures = fed_hosts.failures + 1",
	                 "s", host);
	int64_t n = 0;
	if (!rc)
		rc = db_scalar(db, &n, 0, "SELECT failures FROM fed_hosts WHERE host = ?1", "s", host);
	*failures = (int)n;
	return rc;
}

int store_fed_host_retry(struct store *s, const char *host, int64_t at)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE fed_hosts SET retry_at = ?2 WHERE host = ?1", "si", host, at);
}

int store_fed_host_ok(struct store *s, const char *host)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM fed_hosts WHERE host = ?1", "s", host);
}

int store_fed_host_probe(struct store *s, const char *host, int64_t now, int64_t until, int64_t *retry_at)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "UPDATE fed_hosts SET retry_at = ?3 WHERE host = ?1 AND retry_at > 0 AND retry_at <= ?2",
	                 "sii", host, now, until);
	if (rc)
		return rc;
	if (db->drv->changes(db) == 1) {
		*retry_at = 0; /* this caller tries */
		return 0;
	}
	return db_scalar(db, retry_at, 0, "SELECT retry_at FROM fed_hosts WHERE host = ?1", "s", host);
}

int store_fed_out_created(struct store *s, uint64_t id, int64_t *at)
{
	DB_OR_FAIL(s);
	return db_scalar(db, at, 0, "SELECT created_at FROM fed_out WHERE id = ?1", "u", id);
}

int store_fed_account_count(struct store *s, int64_t *n)
{
	DB_OR_FAIL(s);
	return db_scalar(db, n, 0, "SELECT COUNT(*) FROM fed_actors WHERE account_id <> 0", "");
}

/* ---- pruning (issue 21, fedsafe) ---- */

int store_fed_prune(struct store *s, int64_t seen_before, int64_t out_before, int64_t *nseen, int64_t *nout)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM fed_seen WHERE seen_at < ?1", "i", seen_before);
	if (!rc) {
		*nseen = (int64_t)db->drv->changes(db);
		rc = db_exec(db, "DELETE FROM fed_out WHERE created_at < ?1", "i", out_before);
	}
	if (!rc)
		*nout = (int64_t)db->drv->changes(db);
	return rc;
}

int store_fed_block_list(struct store *s, struct arena *a, const char ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT host FROM fed_blocks ORDER BY host LIMIT 1000", "");
	return DB_ROWS(st, a, 1000, db_fill_text, out, n);
}
