/*
 * Groups (kringen) and their members, invitation links, group timelines and
 * the moderation queue; conversations' read state; reports and the
 * moderation log; organisation guidelines.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/testhook.h"
#include "store/store_int.h"

/* ?1 is the viewer. */
#define GROUP_COLS \
	"SELECT g.id, g.name, g.display_name, g.description, g.rules, g.kind, g.premod, g.owner_id," \
	" g.created_at," \
	" COALESCE((SELECT s.members FROM group_stats s WHERE s.group_id = g.id), 0)," /* migration 47 */ \
	" COALESCE(m.role, -1), COALESCE(m.state, -1), COALESCE(m.muted, 0), COALESCE(m.since, 0), g.picture_id" \
	" FROM groups g LEFT JOIN group_members m ON m.group_id = g.id AND m.account_id = ?1"

static struct group *group_row(struct arena *a, struct db_stmt *st)
{
	struct group *g = arena_alloc(a, sizeof *g);
	g->id = db_u64(st, 0);
	g->name = arena_strdup(a, db_text(st, 1));
	g->display_name = arena_strdup(a, db_text(st, 2));
	g->description = arena_strdup(a, db_text(st, 3));
	g->rules = arena_strdup(a, db_text(st, 4));
	g->kind = (int)db_i64(st, 5);
	g->premod = (int)db_i64(st, 6);
	g->owner_id = db_u64(st, 7);
	g->created_at = db_i64(st, 8);
	g->members = db_i64(st, 9);
	g->v_role = (int)db_i64(st, 10);
	g->v_state = (int)db_i64(st, 11);
	g->v_muted = db_i64(st, 12) != 0;
	g->v_since = db_i64(st, 13);
	g->picture_id = db_u64(st, 14);
	/* A role counts only for a member. */
	if (g->v_state != GSTATE_MEMBER)
		g->v_role = -1;
	return g;
}

static int group_rows(struct arena *a, struct db_stmt *st, struct group ***out, size_t *n)
{
	size_t cap = 0, k = 0;
	struct group **v = NULL;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		v = arena_grow(a, v, &cap, k, sizeof *v);
		v[k++] = group_row(a, st);
	}
	if (!v)
		v = arena_alloc(a, sizeof *v);
	db_done(st);
	*out = v;
	*n = k;
	return rc < 0 ? -rc : 0;
}

static int one_group(struct db_stmt *st, struct arena *a, struct group **out)
{
	int rc = db_one(st);
	if (!rc)
		*out = group_row(a, st);
	db_done(st);
	return rc;
}

int store_group_insert(struct store *s, const struct group *g)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db,
	             "INSERT INTO groups (id, name, display_name, description, rules, kind, premod, owner_id, created_at)"
	             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	             "ussssiiui", g->id, g->name, g->display_name, g->description, g->rules, (int64_t)g->kind,
	             (int64_t)g->premod, g->owner_id, g->created_at);
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO group_members (group_id, account_id, role, state, since) VALUES (?1, ?2, 2, 0, ?3)",
		             "uui", g->id, g->owner_id, g->created_at);
	return db_finish(db, rc);
}

int store_group_update(struct store *s, const struct group *g)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "UPDATE groups SET display_name = ?2, description = ?3, rules = ?4, kind = ?5, premod = ?6"
	               " WHERE id = ?1",
	               "usssii", g->id, g->display_name, g->description, g->rules, (int64_t)g->kind, (int64_t)g->premod);
}

int store_group_get(struct store *s, struct arena *a, uint64_t viewer, uint64_t id, struct group **out)
{
	DB_OR_FAIL(s);
	return one_group(db_query(db, GROUP_COLS " WHERE g.id = ?2", "uu", viewer, id), a, out);
}

int store_group_by_name(struct store *s, struct arena *a, uint64_t viewer, const char *name, struct group **out)
{
	DB_OR_FAIL(s);
	return one_group(db_query(db, GROUP_COLS " WHERE g.name = ?2", "us", viewer, name), a, out);
}

int store_group_set_picture(struct store *s, uint64_t group, uint64_t media_id, uint64_t *old)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	int64_t prev = 0;
	rc = db_scalar(db, &prev, 0, "SELECT picture_id FROM groups WHERE id = ?1", "u", group);
	if (!rc)
		rc = db_exec(db, "UPDATE groups SET picture_id = ?2 WHERE id = ?1", "uu", group, media_id);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	*old = (uint64_t)prev;
	return db_commit(db);
}

uint64_t store_media_group(struct store *s, uint64_t media_id)
{
	struct db *db = store_db(s);
	int64_t v = 0;
	if (db && media_id)
		db_scalar(db, &v, 0, "SELECT id FROM groups WHERE picture_id = ?1 AND picture_id <> 0 LIMIT 1", "u",
		          media_id);
	return (uint64_t)v;
}

int store_group_names(struct store *s, struct arena *a, uint64_t id, const char **name, const char **display)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT name, display_name FROM groups WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc) {
		*name = arena_strdup(a, db_text(st, 0));
		*display = arena_strdup(a, db_text(st, 1));
	}
	db_done(st);
	return rc;
}

int store_group_list(struct store *s, struct arena *a, uint64_t viewer, bool all, struct group ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              GROUP_COLS " WHERE CAST(?2 AS BIGINT) = 1 OR g.kind <> 2 OR m.state IS NOT NULL"
	                                         " ORDER BY g.display_name LIMIT 500",
	                              "ui", viewer, (int64_t)all);
	if (!st)
		return ERR_DB;
	return group_rows(a, st, out, n);
}

int store_directory_groups(struct store *s, struct arena *a, uint64_t viewer, const char *q, int limit,
                           struct group ***out, size_t *n)
{
	DB_OR_FAIL(s);
	char pat[200];
	store_like_pattern(q ? q : "", pat, sizeof pat);
	/* Never a secret group, whoever asks. */
	struct db_stmt *st = db_query(db,
	                              GROUP_COLS " WHERE g.kind <> 2 AND (g.name LIKE ?2 ESCAPE '\\' OR"
	                                         " LOWER(g.display_name) LIKE ?2 ESCAPE '\\' OR"
	                                         " LOWER(g.description) LIKE ?2 ESCAPE '\\')"
	                                         " ORDER BY LOWER(g.display_name) LIMIT ?3",
	                              "usi", viewer, pat, (int64_t)limit);
	if (!st)
		return ERR_DB;
	return group_rows(a, st, out, n);
}

int store_group_mine(struct store *s, struct arena *a, uint64_t account, struct group ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st =
		db_query(db, GROUP_COLS " WHERE m.state = 0 ORDER BY g.display_name LIMIT 500", "u", account);
	if (!st)
		return ERR_DB;
	return group_rows(a, st, out, n);
}

static int member_set(struct store *s, uint64_t group, uint64_t account, int role, int state, const char *message)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db,
	             "INSERT INTO group_members (group_id, account_id, role, state, message, since)"
	             " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (group_id, account_id) DO UPDATE SET"
	             " role = excluded.role, state = excluded.state, message = excluded.message,"
	             " since = CASE WHEN group_members.state = excluded.state THEN group_members.since"
	             " ELSE excluded.since END",
	             "uuiisi", group, account, (int64_t)role, (int64_t)state, message ? message : "",
	             (int64_t)time(NULL));
	/* The group's posts so far join the member's home feed (the home rule
	 * itself checks state and muted on reading). */
	if (!rc && state == 0)
		rc = feed_backfill_group(db, account, group);
	return db_finish(db, rc);
}

/* The transaction above, again while PostgreSQL asks (serialization
 * failure, deadlock with another writer of the same rows). */
int store_member_set(struct store *s, uint64_t group, uint64_t account, int role, int state, const char *message)
{
	int rc;
	DB_RETRYING(s, rc, member_set(s, group, account, role, state, message));
	return rc;
}

int store_member_delete(struct store *s, uint64_t group, uint64_t account)
{
	DB_OR_FAIL(s);
	return db_exec(db, "DELETE FROM group_members WHERE group_id = ?1 AND account_id = ?2", "uu", group, account);
}

int store_member_mute(struct store *s, uint64_t group, uint64_t account, bool on)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE group_members SET muted = ?3 WHERE group_id = ?1 AND account_id = ?2", "uui", group,
	               account, (int64_t)on);
}

int store_member_list(struct store *s, struct arena *a, uint64_t group, int state, struct group_member **out,
                      size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT m.account_id, m.role, m.state, m.message, m.since FROM group_members m"
	                              " JOIN accounts a ON a.id = m.account_id"
	                              " WHERE m.group_id = ?1 AND (CAST(?2 AS BIGINT) < 0 OR m.state = ?2)"
	                              " ORDER BY m.role DESC, a.username LIMIT 5000",
	                              "ui", group, (int64_t)state);
	if (!st)
		return ERR_DB;
	size_t cap = 0, icap = 0, k = 0;
	struct group_member *v = NULL;
	uint64_t *ids = NULL;
	while (db_step(st) == DB_ROW) {
		v = arena_grow(a, v, &cap, k, sizeof *v);
		ids = arena_grow(a, ids, &icap, k, sizeof *ids);
		ids[k] = db_u64(st, 0);
		v[k].role = (int)db_i64(st, 1);
		v[k].state = (int)db_i64(st, 2);
		v[k].message = arena_strdup(a, db_text(st, 3));
		v[k].since = db_i64(st, 4);
		k++;
	}
	db_done(st);
	if (!v)
		v = arena_alloc(a, sizeof *v);
	size_t m = 0;
	for (size_t i = 0; i < k; i++) {
		if (store_account_get(s, a, ids[i], &v[i].account))
			continue;
		v[m++] = v[i];
	}
	*out = v;
	*n = m;
	return 0;
}

int store_group_moderators(struct store *s, struct arena *a, uint64_t group, uint64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT account_id FROM group_members WHERE group_id = ?1 AND state = 0"
	                              " AND role >= 1 LIMIT 100",
	                              "u", group);
	return DB_ROWS(st, a, 100, db_fill_u64, out, n);
}

int store_group_invite_insert(struct store *s, const char *token_hash, uint64_t group, uint64_t by,
                              int64_t expires_at, int max_uses)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO group_invites (token_hash, group_id, created_by, created_at, expires_at, max_uses)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	               "suuiii", token_hash, group, by, (int64_t)time(NULL), expires_at, (int64_t)max_uses);
}

int store_group_invite_check(struct store *s, const char *token_hash, int64_t now, uint64_t *group)
{
	DB_OR_FAIL(s);
	int64_t g = 0;
	int rc = db_scalar(db, &g, 0,
	                   "SELECT group_id FROM group_invites WHERE token_hash = ?1 AND expires_at > ?2"
	                   " AND uses < max_uses",
	                   "si", token_hash, now);
	if (rc)
		return rc;
	*group = (uint64_t)g;
	return g ? 0 : ERR_NOTFOUND;
}

int store_group_invite_use(struct store *s, const char *token_hash, int64_t now, uint64_t *group)
{
	DB_OR_FAIL(s);
	/* One UPDATE takes a use, so two people racing for the last use
	 * cannot both get it. */
	struct db_stmt *st = db_query(db,
	                              "UPDATE group_invites SET uses = uses + 1 WHERE token_hash = ?1 AND expires_at > ?2"
	                              " AND uses < max_uses RETURNING group_id",
	                              "si", token_hash, now);
	int rc = db_one(st);
	if (!rc)
		*group = db_u64(st, 0);
	db_done(st);
	return rc;
}

int store_post_set_pending(struct store *s, uint64_t id, bool pending)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db, "UPDATE posts SET pending = ?2 WHERE id = ?1 AND deleted = 0", "ui", id, (int64_t)pending);
	/* A reply waiting for approval is not in its parent's replies count
	 * (see store_post_insert): count the parent's replies again. */
	if (!rc)
		rc = db_exec(db,
		             "UPDATE posts SET replies = (SELECT COUNT(*) FROM posts r WHERE r.root_id = posts.root_id"
		             " AND r.in_reply_to = posts.id AND r.deleted = 0 AND r.reblog_of = 0 AND r.visibility = 0"
		             " AND r.pending = 0 AND r.group_id = posts.group_id)"
		             " WHERE id = (SELECT in_reply_to FROM posts WHERE id = ?1)",
		             "u", id);
	return db_finish(db, rc);
}

int store_post_set_pinned(struct store *s, uint64_t id, bool pinned)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE posts SET pinned = ?2 WHERE id = ?1 AND deleted = 0", "ui", id, (int64_t)pinned);
}

int store_group_post_count(struct store *s, uint64_t group, uint64_t author, int64_t *n)
{
	DB_OR_FAIL(s);
	return db_scalar(db, n, 0,
	                 "SELECT COUNT(*) FROM posts WHERE group_id = ?1 AND group_id <> 0 AND author_id = ?2 AND deleted = 0"
	                 " AND pending = 0",
	                 "uu", group, author);
}

int store_account_set_text_size(struct store *s, uint64_t id, int size)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE accounts SET text_size = ?2 WHERE id = ?1", "ui", id, (int64_t)size);
}

int store_account_set_collections(struct store *s, uint64_t id, int collections)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE accounts SET collections = ?2 WHERE id = ?1", "ui", id, (int64_t)collections);
}

int store_account_set_dm_policy(struct store *s, uint64_t id, int policy)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE accounts SET dm_policy = ?2 WHERE id = ?1", "ui", id, (int64_t)policy);
}

/* ---- conversations ---- */

/* One query for both doors (the pages and /api/v1/conversations): threads
 * of direct posts the viewer wrote or received, or that an organisation
 * they are staff of wrote or received, newest activity first, paged by the
 * newest post.  What staff wrote as the organisation is its post.  A
 * conversation left is hidden until someone writes after the leaving.
 * The list's candidate posts come from indexes (author, recipient, staff
 * sets), never from a scan of all posts: the menu's Berichten count asks
 * this on every page (an OR over the columns read every post, 100 ms at
 * 200,000 posts).  One thread (marking it read, opening it) starts from its
 * own posts instead and asks the same of each: a staff member of a busy
 * organisation has thousands in the sets (10 ms against 0.02 ms). */
#define CONV_HEAD \
	"SELECT p.root_id, MAX(p.id), MAX(p.created_at)," \
	" MAX(CASE WHEN p.author_id = ?1 OR p.writer_id = ?1 THEN 0 ELSE p.id END)," \
	" COALESCE(MAX(c.last_read), 0)" \
	" FROM posts p LEFT JOIN conv_state c ON c.account_id = ?1 AND c.root_id = p.root_id WHERE "
#define CONV_SETS \
	"p.id IN (" \
	"  SELECT id FROM posts WHERE author_id = ?1 AND visibility = 2" \
	"  UNION SELECT post_id FROM post_recipients WHERE account_id = ?1" \
	"  UNION SELECT r.post_id FROM post_recipients r JOIN org_staff o" \
	"   ON o.org_id = r.account_id WHERE o.person_id = ?1" \
	"  UNION SELECT id FROM posts WHERE visibility = 2 AND author_id IN" \
	"   (SELECT org_id FROM org_staff WHERE person_id = ?1))"
#define CONV_ONE \
	"p.root_id = ?4 AND (p.author_id = ?1 OR p.author_id IN (SELECT org_id FROM org_staff WHERE person_id = ?1)" \
	"  OR EXISTS (SELECT 1 FROM post_recipients r WHERE r.post_id = p.id AND (r.account_id = ?1" \
	"   OR r.account_id IN (SELECT org_id FROM org_staff WHERE person_id = ?1))))"
#define CONV_TAIL(cmp, order) \
	" AND p.visibility = 2 AND p.deleted = 0" \
	" GROUP BY p.root_id HAVING MAX(p.id) > COALESCE(MAX(c.left_at), 0) AND MAX(p.id) " cmp " ?2" \
	" ORDER BY MAX(p.id) " order " LIMIT ?3"

int store_conversations(struct store *s, struct arena *a, uint64_t viewer, uint64_t root, const struct page *pg,
                        struct conversation **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	bool up = !root && pg->min_id != 0;
	uint64_t cur = !root && pg->min_id ? pg->min_id : (!root && pg->max_id ? pg->max_id : UINT64_MAX >> 1);
	int64_t limit = pg->limit > 0 && pg->limit <= STORE_CONV_MAX ? pg->limit : STORE_CONV_MAX;
	struct db_stmt *st = root ? db_query(db, CONV_HEAD CONV_ONE CONV_TAIL("<", "DESC"), "uuiu", viewer, cur, limit, root)
	                     : up ? db_query(db, CONV_HEAD CONV_SETS CONV_TAIL(">", "ASC"), "uui", viewer, cur, limit)
	                          : db_query(db, CONV_HEAD CONV_SETS CONV_TAIL("<", "DESC"), "uui", viewer, cur, limit);
	if (!st)
		return ERR_DB;
	struct conversation *v = arena_alloc(a, ((size_t)limit + 1) * sizeof *v);
	size_t k = 0;
	while (k < (size_t)limit && db_step(st) == DB_ROW) {
		v[k] = (struct conversation){.root_id = db_u64(st, 0), .last_id = db_u64(st, 1), .last_at = db_i64(st, 2)};
		/* Unread: someone else wrote after the reader last read it. */
		v[k].unread = db_u64(st, 3) > db_u64(st, 4);
		k++;
	}
	db_done(st);
	if (up)
		for (size_t i = 0; i < k / 2; i++) {
			struct conversation t = v[i];
			v[i] = v[k - 1 - i];
			v[k - 1 - i] = t;
		}
	*out = v;
	*n = k;
	return 0;
}

/* ---- the unread conversations (the menu's Berichten badge) ----
 *
 * conv_unread holds one row for each conversation store_conversations lists
 * as unread for its reader, with the conversation's newest post (core checks
 * that one is still readable, as the list does).  It is kept in the
 * transaction of every write that changes the answer: a direct post written,
 * given recipients or deleted, a conversation read or left, a person joining
 * or leaving an organisation's staff.  So the badge on every page reads a
 * few rows, not every direct post the reader ever wrote or received. */

/* Everyone's at once: the pairs (reader, direct post) of CONV_SETS, grouped
 * as store_conversations groups them.  Migration 33 fills the table with
 * its own copy of this. */
#define CONV_UNREAD_ALL \
	"INSERT INTO conv_unread (account_id, root_id, last_id) SELECT s.account_id, p.root_id, MAX(p.id) FROM (" \
	"  SELECT author_id AS account_id, id AS post_id FROM posts WHERE visibility = 2" \
	"  UNION SELECT o.person_id, q.id FROM posts q JOIN org_staff o ON o.org_id = q.author_id" \
	"   WHERE q.visibility = 2" \
	"  UNION SELECT account_id, post_id FROM post_recipients" \
	"  UNION SELECT o.person_id, r.post_id FROM post_recipients r JOIN org_staff o ON o.org_id = r.account_id" \
	" ) s JOIN posts p ON p.id = s.post_id" \
	" LEFT JOIN conv_state c ON c.account_id = s.account_id AND c.root_id = p.root_id" \
	" WHERE p.visibility = 2 AND p.deleted = 0 GROUP BY s.account_id, p.root_id" \
	" HAVING MAX(p.id) > COALESCE(MAX(c.left_at), 0)" \
	" AND MAX(CASE WHEN p.author_id = s.account_id OR p.writer_id = s.account_id THEN 0 ELSE p.id END)" \
	" > COALESCE(MAX(c.last_read), 0)"

/* Work the answer for one reader and one conversation out again. */
static int conv_sync(struct db *db, uint64_t account, uint64_t root)
{
	/* PostgreSQL has no write lock over the whole database: two writers in
	 * one conversation (a message and its reading, say) would each decide
	 * without the other's change and the later could undo the earlier's
	 * answer.  One lock per conversation (class 'conv', the root modulo 2^31
	 * - 1; a collision only makes two wait) until commit; the query below
	 * then sees what the other committed. */
	if (db->drv == &db_pg) {
		int rc = db_exec(db, "SELECT pg_advisory_xact_lock(1668247158, CAST(CAST(?1 AS BIGINT) % 2147483647 AS INTEGER))",
		                 "u", root);
		if (rc)
			return rc;
	}
	struct db_stmt *st = db_query(db, CONV_HEAD CONV_ONE CONV_TAIL("<", "DESC"), "uuiu", account,
	                              (uint64_t)(UINT64_MAX >> 1), (int64_t)1, root);
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	bool unread = rc == DB_ROW && db_u64(st, 3) > db_u64(st, 4);
	uint64_t last = rc == DB_ROW ? db_u64(st, 1) : 0;
	db_done(st);
	if (rc < 0)
		return -rc;
	if (unread)
		return db_exec(db,
		               "INSERT INTO conv_unread (account_id, root_id, last_id) VALUES (?1, ?2, ?3)"
		               " ON CONFLICT (account_id, root_id) DO UPDATE SET last_id = excluded.last_id",
		               "uuu", account, root, last);
	return db_exec(db, "DELETE FROM conv_unread WHERE account_id = ?1 AND root_id = ?2", "uu", account, root);
}

/* A direct post was written, deleted or given recipients: its conversation
 * again for everyone who sees it (author, recipients, the staff of either
 * when an organisation).  Any other post: nothing to do. */
int conv_unread_post(struct db *db, uint64_t post)
{
	int64_t root = 0;
	int rc = db_scalar(db, &root, 0, "SELECT root_id FROM posts WHERE id = ?1 AND visibility = 2", "u", post);
	if (rc || !root)
		return rc;
	struct db_stmt *st = db_query(db,
	                              "SELECT author_id FROM posts WHERE id = ?1"
	                              " UNION SELECT o.person_id FROM posts p JOIN org_staff o ON o.org_id = p.author_id"
	                              "  WHERE p.id = ?1"
	                              " UNION SELECT account_id FROM post_recipients WHERE post_id = ?1"
	                              " UNION SELECT o.person_id FROM post_recipients r JOIN org_staff o"
	                              "  ON o.org_id = r.account_id WHERE r.post_id = ?1",
	                              "u", post);
	if (!st)
		return ERR_DB;
	struct arena a;
	arena_init(&a);
	size_t cap = 0, n = 0;
	uint64_t *who = NULL;
	while ((rc = db_step(st)) == DB_ROW) {
		who = arena_grow(&a, who, &cap, n, sizeof *who);
		who[n++] = db_u64(st, 0);
	}
	db_done(st);
	rc = rc < 0 ? -rc : 0;
	for (size_t i = 0; i < n && !rc; i++)
		rc = conv_sync(db, who[i], (uint64_t)root);
	arena_release(&a);
	return rc;
}

/* Every conversation of one reader again (account != 0), or of everyone
 * (account == 0: the benchmark data, written straight into the tables). */
int conv_unread_rebuild(struct db *db, uint64_t account)
{
	if (!account) {
		int rc = db_exec(db, "DELETE FROM conv_unread WHERE true", "");
		return rc ? rc : db_exec(db, CONV_UNREAD_ALL, "");
	}
	int rc = db_exec(db, "DELETE FROM conv_unread WHERE account_id = ?1", "u", account);
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO conv_unread (account_id, root_id, last_id) SELECT ?1, p.root_id, MAX(p.id)"
		             " FROM posts p LEFT JOIN conv_state c ON c.account_id = ?1 AND c.root_id = p.root_id WHERE "
		             CONV_SETS " AND p.visibility = 2 AND p.deleted = 0 GROUP BY p.root_id"
		             " HAVING MAX(p.id) > COALESCE(MAX(c.left_at), 0)"
		             " AND MAX(CASE WHEN p.author_id = ?1 OR p.writer_id = ?1 THEN 0 ELSE p.id END)"
		             " > COALESCE(MAX(c.last_read), 0)",
		             "u", account);
	return rc;
}

int store_conv_unread(struct store *s, struct arena *a, uint64_t viewer, int limit, uint64_t **last, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	*last = arena_alloc(a, ((size_t)(limit > 0 ? limit : 0) + 1) * sizeof **last);
	struct db_stmt *st = db_query(db,
	                              "SELECT last_id FROM conv_unread WHERE account_id = ?1"
	                              " ORDER BY last_id DESC LIMIT ?2",
	                              "ui", viewer, (int64_t)limit);
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = db_step(st)) == DB_ROW && *n < (size_t)limit)
		(*last)[(*n)++] = db_u64(st, 0);
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_conv_read(struct store *s, uint64_t account, uint64_t root, uint64_t last)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db,
		             "INSERT INTO conv_state (account_id, root_id, last_read) VALUES (?1, ?2, ?3)"
		             " ON CONFLICT (account_id, root_id) DO UPDATE SET last_read = CASE WHEN"
		             " conv_state.last_read > excluded.last_read THEN conv_state.last_read"
		             " ELSE excluded.last_read END",
		             "uuu", account, root, last);
	if (!rc)
		rc = conv_sync(db, account, root);
	return db_finish(db, rc);
}

int store_conv_leave(struct store *s, uint64_t account, uint64_t root, uint64_t last)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db,
		             "INSERT INTO conv_state (account_id, root_id, last_read, left_at) VALUES (?1, ?2, ?3, ?3)"
		             " ON CONFLICT (account_id, root_id) DO UPDATE SET left_at = excluded.left_at,"
		             " last_read = excluded.last_read",
		             "uuu", account, root, last);
	if (!rc)
		rc = conv_sync(db, account, root);
	return db_finish(db, rc);
}

/* ---- reports and moderation log ---- */

int store_modreport_insert(struct store *s, const struct mod_report *r)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO mod_reports (id, reporter_id, account_id, post_id, group_id, reason, snapshot, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	               "uuuuussi", r->id, r->reporter_id, r->account_id, r->post_id, r->group_id, r->reason,
	               r->snapshot ? r->snapshot : "", r->created_at);
}

#define REPORT_COLS "SELECT id, reporter_id, account_id, post_id, group_id, reason, snapshot, state, created_at FROM mod_reports"

static void report_row(struct db_stmt *st, struct arena *a, void *row)
{
	struct mod_report *r = row;
	r->id = db_u64(st, 0);
	r->reporter_id = db_u64(st, 1);
	r->account_id = db_u64(st, 2);
	r->post_id = db_u64(st, 3);
	r->group_id = db_u64(st, 4);
	r->reason = arena_strdup(a, db_text(st, 5));
	r->snapshot = arena_strdup(a, db_text(st, 6));
	r->state = (int)db_i64(st, 7);
	r->created_at = db_i64(st, 8);
}

int store_modreport_get(struct store *s, struct arena *a, uint64_t id, struct mod_report **out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, REPORT_COLS " WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc) {
		*out = arena_alloc(a, sizeof **out);
		report_row(st, a, *out);
	}
	db_done(st);
	return rc;
}

int store_modreport_list(struct store *s, struct arena *a, uint64_t group, int state, struct mod_report **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, REPORT_COLS " WHERE group_id = ?1 AND state = ?2 ORDER BY id DESC LIMIT 200",
	                              "ui", group, (int64_t)state);
	return DB_ROWS(st, a, 200, report_row, out, n);
}

int store_modreport_close(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE mod_reports SET state = 1 WHERE id = ?1", "u", id);
}

int store_modreport_reopen(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE mod_reports SET state = 0 WHERE id = ?1", "u", id);
}

int store_mod_log_add(struct store *s, uint64_t actor, uint64_t group, const char *action, uint64_t account,
                      uint64_t post, const char *note)
{
	/* Every moderation action writes its entry last, inside its transaction. */
	TESTHOOK_PAUSE("mod_log");
	/* Core names every action with a literal: the log is read by people. */
	assert(action && *action);
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO mod_log (id, actor_id, group_id, action, account_id, post_id, note, created_at)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	               "uuusuusi", id_new(), actor, group, action, account, post, note ? note : "",
	               (int64_t)time(NULL));
}

static void fill_mod_entry(struct db_stmt *st, struct arena *a, void *row)
{
	struct mod_entry *r = row;
	r->id = db_u64(st, 0);
	r->actor_id = db_u64(st, 1);
	r->group_id = db_u64(st, 2);
	r->action = arena_strdup(a, db_text(st, 3));
	r->account_id = db_u64(st, 4);
	r->post_id = db_u64(st, 5);
	r->note = arena_strdup(a, db_text(st, 6));
	r->created_at = db_i64(st, 7);
}

int store_mod_log_list(struct store *s, struct arena *a, uint64_t group, int limit, struct mod_entry **out,
                       size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, actor_id, group_id, action, account_id, post_id, note, created_at"
	                              " FROM mod_log WHERE group_id = ?1 ORDER BY id DESC LIMIT ?2",
	                              "ui", group, (int64_t)limit);
	return DB_ROWS(st, a, (size_t)limit, fill_mod_entry, out, n);
}

/* ---- organisation guidelines ---- */

int store_guidelines_get(struct store *s, struct arena *a, uint64_t org, const char **text)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT text FROM org_guidelines WHERE org_id = ?1", "u", org);
	if (!st)
		return ERR_DB;
	*text = "";
	if (db_step(st) == DB_ROW)
		*text = arena_strdup(a, db_text(st, 0));
	db_done(st);
	return 0;
}

int store_guidelines_set(struct store *s, uint64_t org, const char *text)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db,
	             "INSERT INTO org_guidelines (org_id, text, updated_at) VALUES (?1, ?2, ?3)"
	             " ON CONFLICT (org_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
	             "usi", org, text, (int64_t)time(NULL));
	/* New guidelines are accepted anew. */
	if (!rc)
		rc = db_exec(db, "DELETE FROM guideline_accepts WHERE org_id = ?1", "u", org);
	return db_finish(db, rc);
}

int store_guidelines_accepted(struct store *s, uint64_t org, uint64_t person, bool *out)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT 1 FROM guideline_accepts WHERE org_id = ?1 AND person_id = ?2", "uu",
	                   org, person);
	*out = !rc && v == 1;
	return rc;
}

int store_guidelines_accept(struct store *s, uint64_t org, uint64_t person)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO guideline_accepts (org_id, person_id, accepted_at) VALUES (?1, ?2, ?3)"
	               " ON CONFLICT DO NOTHING",
	               "uui", org, person, (int64_t)time(NULL));
}

/* ---- group timelines ---- */

int store_tl_group(struct store *s, struct arena *a, uint64_t viewer, uint64_t group, const struct page *pg,
                   struct post ***out, size_t *n)
{
	(void)viewer; /* core applies the read rule to each post */
	DB_OR_FAIL(s);
	/* Threads of the group, newest first; pinned threads lead the first page. */
	size_t cap = (size_t)pg->limit + 1, k = 0;
	struct post **v = arena_alloc(a, (cap + 16) * sizeof *v);
	struct db_stmt *st;
	if (!pg->max_id) {
		/* The first page starts with the (few) pinned threads. */
		st = db_query(db,
		              "SELECT p.id FROM posts p WHERE p.group_id = ?1 AND p.group_id <> 0 AND p.pinned = 1 AND p.deleted = 0"
		              " AND p.pending = 0 ORDER BY p.id DESC LIMIT 16",
		              "u", group);
		if (!st)
			return ERR_DB;
		while (k < 16 && db_step(st) == DB_ROW) {
			v[k] = arena_alloc(a, sizeof **v);
			v[k]->id = db_u64(st, 0);
			k++;
		}
		db_done(st);
	}
	/* Then threads newest first, walking the group's index. */
	st = db_query(db,
	              "SELECT p.id FROM posts p WHERE p.group_id = ?1 AND p.group_id <> 0 AND p.id < ?2 AND p.deleted = 0 AND p.pending = 0"
	              " AND p.in_reply_to = 0 AND p.pinned = 0 ORDER BY p.id DESC LIMIT ?3",
	              "uui", group, pg->max_id ? pg->max_id : UINT64_MAX >> 1, (int64_t)pg->limit);
	if (!st)
		return ERR_DB;
	size_t pinned = k;
	while (k < cap + pinned && db_step(st) == DB_ROW) {
		v[k] = arena_alloc(a, sizeof **v);
		v[k]->id = db_u64(st, 0);
		k++;
	}
	db_done(st);
	*out = v;
	*n = k;
	return 0;
}

int store_group_pending(struct store *s, struct arena *a, uint64_t viewer, uint64_t group, struct post ***out,
                        size_t *n)
{
	(void)viewer;
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT p.id FROM posts p WHERE p.group_id = ?1 AND p.group_id <> 0 AND p.deleted = 0 AND p.pending = 1"
	                              " ORDER BY p.id LIMIT 200",
	                              "u", group);
	if (!st)
		return ERR_DB;
	struct post **v = arena_alloc(a, 201 * sizeof *v);
	size_t k = 0;
	while (k < 200 && db_step(st) == DB_ROW) {
		v[k] = arena_alloc(a, sizeof **v);
		v[k]->id = db_u64(st, 0);
		k++;
	}
	db_done(st);
	*out = v;
	*n = k;
	return 0;
}

int store_org_audit(struct store *s, struct arena *a, uint64_t org, int limit, struct post ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, writer_id, visibility, created_at, deleted, group_id, in_reply_to"
	                              " FROM posts WHERE author_id = ?1 AND reblog_of = 0 ORDER BY id DESC LIMIT ?2",
	                              "ui", org, (int64_t)limit);
	if (!st)
		return ERR_DB;
	struct post **v = arena_alloc(a, ((size_t)limit + 1) * sizeof *v);
	size_t k = 0;
	while (k < (size_t)limit && db_step(st) == DB_ROW) {
		struct post *p = arena_alloc(a, sizeof *p);
		p->id = db_u64(st, 0);
		p->author_id = org;
		p->writer_id = db_u64(st, 1);
		p->visibility = (int)db_i64(st, 2);
		p->created_at = db_i64(st, 3);
		p->deleted = db_i64(st, 4) != 0;
		p->group_id = db_u64(st, 5);
		p->in_reply_to = db_u64(st, 6);
		p->text = "";
		v[k++] = p;
	}
	db_done(st);
	*out = v;
	*n = k;
	return 0;
}
