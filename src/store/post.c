/*
 * Posts, timelines, search, favourites, boosts, the social graph and
 * notifications.  Every post row comes with its relation to the viewer so
 * core/ can decide visibility in one place without another query.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/store_int.h"

/*
 * V is the viewer's placeholder (0 = anonymous): ?1 for most statements,
 * ?41 with DB_IDS_ROWS.  The viewer's relations to the author that come from
 * the viewer's own short lists (blocks both ways, mutes, the organisations
 * they are staff of, their groups) are not asked per row: viewer_rels_fill
 * reads the lists once for the page.  A post with no favourites or boosts
 * cannot be the viewer's favourite or boost (fav_set and boost_set keep
 * the counts with the rows in one transaction), a post that replies to
 * nothing has no reply author, one outside a group no group, and a public
 * post needs no "addressed to the viewer's organisation" (everyone reads
 * it): each of those rows skips its look-up.
 */
#define POST_SEL_X(V, EX, XE) \
	"SELECT p.id, p.author_id, p.writer_id, p.in_reply_to, p.root_id, p.reblog_of, p.visibility," \
	" p.text, p.created_at, p.edited_at, p.favs, p.boosts, p.replies, p.publish_at," \
	" " EX "SELECT 1 FROM follows f WHERE f.follower_id = " V " AND f.followee_id = p.author_id" XE "," \
	" " EX "SELECT 1 FROM post_recipients r WHERE r.account_id = " V " AND r.post_id = p.id" XE "," \
	" CASE WHEN p.favs = 0 THEN FALSE ELSE" \
	"  " EX "SELECT 1 FROM favourites v WHERE v.account_id = " V " AND v.post_id = p.id" XE " END," \
	" CASE WHEN p.boosts = 0 THEN FALSE ELSE " EX "SELECT 1 FROM posts q WHERE q.author_id = " V \
	"  AND q.reblog_of = p.id AND q.reblog_of <> 0 AND q.deleted = 0" XE " END," \
	" CASE WHEN p.in_reply_to = 0 THEN 0 ELSE" \
	"  COALESCE((SELECT pp.author_id FROM posts pp WHERE pp.id = p.in_reply_to), 0) END," \
	" p.group_id, p.pending, p.pinned," \
	" CASE WHEN p.group_id = 0 THEN -1 ELSE COALESCE((SELECT g.kind FROM groups g WHERE g.id = p.group_id), -1) END," \
	" CASE WHEN p.visibility = 0 THEN FALSE ELSE " EX "SELECT 1 FROM post_recipients rr" \
	"  JOIN org_staff os ON os.org_id = rr.account_id WHERE rr.post_id = p.id AND os.person_id = " V XE " END"
#define POST_SEL_V(V) POST_SEL_X(V, "EXISTS (", ")")
/*
 * The same with each relation a look-up per row, for a few ids
 * (store_posts_get): PostgreSQL plans an EXISTS over forty id slots as a
 * hash of all the viewer's follows, recipients and favourites, built whole
 * even when one slot is filled (the boosted posts of a home page: 123 us a
 * call, 32 us per row); a scalar sub-select is never hashed.  For a full
 * page the hash is the cheaper (a page of 40 favourites: 337-358 us hashed,
 * 376-383 us per row), so the per-row form is for POSTS_FEW ids or fewer.
 * SQLite looks up per row either way, and its EXISTS is the cheaper there
 * (home API 5,680-5,850 req/s against 5,330-5,640 with this form).
 */
#define POST_SEL_ROWS(V) POST_SEL_X(V, "((", " LIMIT 1) IS NOT NULL)")
#define POSTS_FEW 16
#define POSTS_GET_FROM " FROM " DB_IDS_ROWS " CROSS JOIN posts p WHERE p.id = ids.column1 AND p.deleted = 0"
#define POSTS_GET POST_SEL_V("?41") POSTS_GET_FROM
#define POSTS_GET_FEW POST_SEL_ROWS("?41") POSTS_GET_FROM
#define POST_COLS_V(V) POST_SEL_V(V) " FROM posts p"
#define POST_COLS POST_COLS_V("?1")

static struct post *post_row(struct arena *a, struct db_stmt *st)
{
	struct post *p = arena_alloc(a, sizeof *p);
	p->id = db_u64(st, 0);
	p->author_id = db_u64(st, 1);
	p->writer_id = db_u64(st, 2);
	p->in_reply_to = db_u64(st, 3);
	p->root_id = db_u64(st, 4);
	p->reblog_of = db_u64(st, 5);
	p->visibility = (int)db_i64(st, 6);
	p->text = arena_strdup(a, db_text(st, 7));
	p->created_at = db_i64(st, 8);
	p->edited_at = db_i64(st, 9);
	p->favs = db_i64(st, 10);
	p->boosts = db_i64(st, 11);
	p->replies = db_i64(st, 12);
	p->publish_at = db_i64(st, 13);
	p->v_follows_author = db_i64(st, 14) != 0;
	p->v_recipient = db_i64(st, 15) != 0;
	p->v_faved = db_i64(st, 16) != 0;
	p->v_boosted = db_i64(st, 17) != 0;
	p->reply_author = db_i64(st, 18);
	p->group_id = db_u64(st, 19);
	p->pending = db_i64(st, 20) != 0;
	p->pinned = db_i64(st, 21) != 0;
	p->group_kind = (int)db_i64(st, 22);
	p->v_staff_recipient = db_i64(st, 23) != 0;
	return p;
}

static int viewer_rels_fill(struct db *db, struct arena *a, uint64_t viewer, struct post **v, size_t n);

/* The rows of a POST_SEL_V statement, with the viewer's list relations. */
static int post_rows(struct db *db, struct arena *a, uint64_t viewer, struct db_stmt *st, bool reverse,
                     struct post ***out, size_t *n)
{
	size_t cap = 0, k = 0;
	struct post **v = NULL;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		v = arena_grow(a, v, &cap, k, sizeof *v);
		v[k++] = post_row(a, st);
	}
	if (!v)
		v = arena_alloc(a, sizeof *v);
	db_done(st);
	if (reverse)
		for (size_t i = 0; i < k / 2; i++) {
			struct post *t = v[i];
			v[i] = v[k - 1 - i];
			v[k - 1 - i] = t;
		}
	*out = v;
	*n = k;
	return rc < 0 ? -rc : viewer_rels_fill(db, a, viewer, v, k);
}

/*
 * The viewer's own lists, read in one statement for a page of posts: whom
 * they block and who blocks them, whom they mute, the organisations they
 * are staff of and the groups they belong to (with their role).  These
 * lists are short for nearly everyone; asking them per row was four to six
 * index look-ups for each post on every page.  A list longer than REL_CAP
 * is not held: its rows are asked one by one (rel_ask).
 */
enum { REL_BLOCKS_OUT, REL_BLOCKS_IN, REL_MUTES, REL_STAFF, REL_GROUPS, REL_SUSPENDED, REL_N };
#define REL_CAP 1024
#define REL_STR_(x) #x
#define REL_STR(x) REL_STR_(x)
/* one row more than REL_CAP, to know a list is longer */
#define REL_PART(K, COLS, FROM) \
	"SELECT " #K ", t" #K ".* FROM (SELECT " COLS " FROM " FROM " LIMIT " REL_STR(REL_CAP) " + 1) t" #K

/* A group list entry's value: the viewer's role, and whether they muted
 * the group (the home rule leaves a muted group's posts out). */
#define REL_GROUP_VAL "role * 2 + CASE WHEN muted <> 0 THEN 1 ELSE 0 END"

struct rel_entry {
	uint64_t id;
	int64_t val;
};

struct rel_set {
	struct rel_entry *e;
	size_t n, cap;
	bool over;
};

struct viewer_rels {
	uint64_t viewer;
	struct rel_set s[REL_N];
};

static int rel_cmp(const void *x, const void *y)
{
	uint64_t a = ((const struct rel_entry *)x)->id, b = ((const struct rel_entry *)y)->id;
	return a < b ? -1 : a > b;
}

/* Suspended accounts are few (accounts_suspended: an index of them alone),
 * and every page asks whether its authors are: one list for everyone,
 * anonymous readers too. */
#define REL_SUSPENDED_PART REL_PART(5, "id, 0", "accounts WHERE suspended <> 0")

static int viewer_rels_load(struct db *db, struct arena *a, uint64_t viewer, struct viewer_rels *r)
{
	memset(r, 0, sizeof *r);
	r->viewer = viewer;
	struct db_stmt *st;
	if (viewer)
		st = db_query(db,
		              REL_PART(0, "target_id, 0", "blocks WHERE account_id = ?1") " UNION ALL "
		              REL_PART(1, "account_id, 0", "blocks WHERE target_id = ?1") " UNION ALL "
		              REL_PART(2, "target_id, 0", "mutes WHERE account_id = ?1") " UNION ALL "
		              REL_PART(3, "org_id, 0", "org_staff WHERE person_id = ?1") " UNION ALL "
		              REL_PART(4, "group_id, " REL_GROUP_VAL, "group_members WHERE account_id = ?1"
		                                                     " AND state = 0") " UNION ALL "
		              REL_SUSPENDED_PART,
		              "u", viewer);
	else
		st = db_query(db, REL_SUSPENDED_PART, "");
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t k = db_i64(st, 0);
		if (k < 0 || k >= REL_N)
			continue;
		struct rel_set *set = &r->s[k];
		if (set->n == REL_CAP) {
			set->over = true;
			continue;
		}
		set->e = arena_grow(a, set->e, &set->cap, set->n, sizeof *set->e);
		set->e[set->n].id = db_u64(st, 1);
		set->e[set->n++].val = db_i64(st, 2);
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	for (int k = 0; k < REL_N; k++)
		if (r->s[k].n > 1)
			qsort(r->s[k].e, r->s[k].n, sizeof *r->s[k].e, rel_cmp);
	return 0;
}

/* The one row a list too long to hold is asked for. */
static int rel_ask(struct db *db, int k, uint64_t viewer, uint64_t id, int64_t *val)
{
	static const char *const sql[REL_N] = {
		[REL_BLOCKS_OUT] = "SELECT 0 FROM blocks WHERE account_id = ?1 AND target_id = ?2",
		[REL_BLOCKS_IN] = "SELECT 0 FROM blocks WHERE account_id = ?2 AND target_id = ?1",
		[REL_MUTES] = "SELECT 0 FROM mutes WHERE account_id = ?1 AND target_id = ?2",
		[REL_STAFF] = "SELECT 0 FROM org_staff WHERE org_id = ?2 AND person_id = ?1",
		[REL_GROUPS] = "SELECT " REL_GROUP_VAL " FROM group_members WHERE group_id = ?2 AND account_id = ?1"
		               " AND state = 0",
		[REL_SUSPENDED] = "SELECT 0 FROM accounts WHERE id = ?1 AND suspended <> 0",
	};
	/* (whether an account is suspended is no one's relation: the id alone) */
	if (k == REL_SUSPENDED)
		return db_scalar(db, val, -1, sql[k], "u", id);
	return db_scalar(db, val, -1, sql[k], "uu", viewer, id);
}

/* Is id in list k?  *val is its value (a group role), -1 when it is not. */
static int rel_has(struct db *db, const struct viewer_rels *r, int k, uint64_t id, int64_t *val)
{
	const struct rel_set *set = &r->s[k];
	*val = -1;
	if ((!r->viewer && k != REL_SUSPENDED) || !id)
		return 0;
	if (set->over)
		return rel_ask(db, k, r->viewer, id, val);
	struct rel_entry key = {.id = id};
	const struct rel_entry *hit = set->n ? bsearch(&key, set->e, set->n, sizeof *set->e, rel_cmp) : NULL;
	if (hit)
		*val = hit->val;
	return 0;
}

static int viewer_rels_post(struct db *db, const struct viewer_rels *r, struct post *p)
{
	int64_t v;
	int rc = rel_has(db, r, REL_SUSPENDED, p->author_id, &v);
	p->author_suspended = v >= 0;
	if (!rc)
		rc = rel_has(db, r, REL_BLOCKS_OUT, p->author_id, &v);
	p->v_blocked = v >= 0;
	if (!rc && !p->v_blocked) {
		rc = rel_has(db, r, REL_BLOCKS_IN, p->author_id, &v);
		p->v_blocked = v >= 0;
	}
	if (!rc)
		rc = rel_has(db, r, REL_MUTES, p->author_id, &v);
	p->v_muted = v >= 0;
	if (!rc)
		rc = rel_has(db, r, REL_STAFF, p->author_id, &v);
	p->v_staff = v >= 0;
	if (!rc)
		rc = rel_has(db, r, REL_GROUPS, p->group_id, &v);
	p->v_group_role = v < 0 ? -1 : (int)(v >> 1);
	p->v_group_muted = v >= 0 && (v & 1);
	return rc;
}

/*
 * The viewer's lists of one request, kept for its next page of posts: a
 * home timeline reads them for the feed's rows and again for the posts
 * those boost (on PostgreSQL a round trip each).  Kept with the connection
 * (db->rels) only inside a request's read scope (db->scope odd), for the
 * same viewer, while the connection wrote nothing (db->writes: a request
 * that blocks, mutes or joins reads them afresh).  A viewer_rels pointing
 * into the kept copy lives no longer than one viewer_rels_fill, and only a
 * load replaces the copy.
 */
struct rels_kept {
	uint64_t viewer, scope, writes;
	struct viewer_rels r;
	struct rel_entry e[];
};

static int viewer_rels_get(struct db *db, struct arena *a, uint64_t viewer, struct viewer_rels *r)
{
	struct rels_kept *kept = db->rels;
	if ((db->scope & 1) && kept && kept->viewer == viewer && kept->scope == db->scope &&
	    kept->writes == db->writes) {
		*r = kept->r;
		return 0;
	}
	int rc = viewer_rels_load(db, a, viewer, r);
	if (rc || !(db->scope & 1))
		return rc;
	size_t total = 0;
	for (int k = 0; k < REL_N; k++)
		total += r->s[k].n;
	free(db->rels);
	db->rels = kept = xmalloc(sizeof *kept + total * sizeof *kept->e);
	kept->viewer = viewer;
	kept->scope = db->scope;
	kept->writes = db->writes;
	kept->r = *r;
	for (size_t k = 0, at = 0; k < REL_N; k++) {
		if (r->s[k].n)
			memcpy(kept->e + at, r->s[k].e, r->s[k].n * sizeof *kept->e);
		kept->r.s[k].e = kept->e + at;
		kept->r.s[k].cap = r->s[k].n;
		at += r->s[k].n;
	}
	return 0;
}

/* Fill the viewer's list relations of posts read by POST_SEL_V or POST_VIS;
 * v may hold NULLs (ids not found). */
static int viewer_rels_fill(struct db *db, struct arena *a, uint64_t viewer, struct post **v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += v[i] != NULL;
	if (!k)
		return 0;
	struct viewer_rels r;
	int rc = viewer_rels_get(db, a, viewer, &r);
	for (size_t i = 0; i < n && !rc; i++)
		if (v[i])
			rc = viewer_rels_post(db, &r, v[i]);
	return rc;
}

static int write_tags_recipients(struct db *db, uint64_t id, const char *const *tags, size_t ntags,
                                 const uint64_t *rcpt, size_t nrcpt)
{
	int rc = 0;
	for (size_t i = 0; i < ntags && !rc; i++)
		rc = db_exec(db, "INSERT INTO post_tags (tag, post_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
		             "su", tags[i], id);
	for (size_t i = 0; i < nrcpt && !rc; i++)
		rc = db_exec(db,
		             "INSERT INTO post_recipients (post_id, account_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
		             "uu", id, rcpt[i]);
	return rc;
}

static int post_insert(struct store *s, const struct post_new *p)
{
	/* Core counted what it passes: a count without its array is a core bug. */
	assert((!p->ntags || p->tags) && (!p->nrecipients || p->recipients));
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db,
	             "INSERT INTO posts (id, author_id, writer_id, in_reply_to, root_id, visibility, text, created_at,"
	             " publish_at, group_id, pending) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	             "uuuuuisiiui", p->id, p->author_id, p->writer_id, p->in_reply_to, p->root_id,
	             (int64_t)p->visibility, p->text, p->created_at, p->publish_at, p->group_id, (int64_t)p->pending);
	if (!rc)
		rc = write_tags_recipients(db, p->id, p->tags, p->ntags, p->recipients, p->nrecipients);
	if (!rc && p->search_text && *p->search_text)
		rc = db_exec(db, "INSERT INTO post_fts (rowid, body) VALUES (?1, ?2)", "us", p->id, p->search_text);
	/* replies counts what everyone who sees the parent may see: public
	 * replies in the parent's own group (or none), not waiting for approval. */
	if (!rc && p->in_reply_to && p->visibility == VIS_PUBLIC && !p->pending)
		rc = db_exec(db, "UPDATE posts SET replies = replies + 1 WHERE id = ?1 AND group_id = ?2", "uu",
		             p->in_reply_to, p->group_id);
	if (!rc)
		rc = feed_queue(db, p->id);
	if (!rc && p->visibility == VIS_DIRECT)
		rc = conv_unread_post(db, p->id);
	return db_finish(db, rc);
}

/* The transaction above, again while PostgreSQL asks (serialization
 * failure, deadlock with another writer of the same rows). */
int store_post_insert(struct store *s, const struct post_new *p)
{
	int rc;
	DB_RETRYING(s, rc, post_insert(s, p));
	return rc;
}

/*
 * A reply in think time is in its parent's replies at once (store_post_insert
 * cannot know when it is released), but nobody else may see it yet: take it
 * out again.  The replies held at this moment are read from their own index
 * (posts_held_until, as held_fix in store.c does for accounts): a short
 * range, empty nearly always, matched to the page's posts here.
 */
int store_posts_replies_held(struct store *s, struct post *const *v, size_t n)
{
	bool any = false;
	for (size_t i = 0; i < n && !any; i++)
		any = v[i]->replies > 0;
	if (!any)
		return 0;
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT in_reply_to, group_id FROM posts WHERE publish_at > 0 AND publish_at > ?1"
	                              " AND in_reply_to <> 0 AND deleted = 0 AND reblog_of = 0 AND +visibility = 0"
	                              " AND pending = 0",
	                              "i", time_now());
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		uint64_t parent = db_u64(st, 0), group = db_u64(st, 1);
		for (size_t i = 0; i < n; i++)
			if (v[i]->id == parent && v[i]->group_id == group && v[i]->replies > 0)
				v[i]->replies--;
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_post_get(struct store *s, struct arena *a, uint64_t viewer, uint64_t id, struct post **out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, POST_COLS " WHERE p.id = ?2 AND p.deleted = 0", "uu", viewer, id);
	int rc = db_one(st);
	if (!rc)
		*out = post_row(a, st);
	db_done(st);
	return rc ? rc : viewer_rels_fill(db, a, viewer, out, 1);
}

int store_post_get_any(struct store *s, struct arena *a, uint64_t viewer, uint64_t id, struct post **out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, POST_COLS " WHERE p.id = ?2", "uu", viewer, id);
	int rc = db_one(st);
	if (!rc)
		*out = post_row(a, st);
	db_done(st);
	return rc ? rc : viewer_rels_fill(db, a, viewer, out, 1);
}

static void posts_by_id_row(struct db_stmt *st, void *ctx)
{
	struct by_id *b = ctx;
	struct post *p = post_row(b->a, st);
	by_id_place(b, p->id, p);
}

int store_posts_get(struct store *s, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                    struct post **out)
{
	DB_OR_FAIL(s);
	memset(out, 0, n * sizeof *out);
	struct by_id b = {a, ids, n, (void **)out};
	int rc = db_each_ids(db, db->drv->round_trip && n <= POSTS_FEW ? POSTS_GET_FEW : POSTS_GET, ids, n, viewer,
	                     posts_by_id_row, &b);
	return rc ? rc : viewer_rels_fill(db, a, viewer, out, n);
}

/* The columns of POST_SEL_V that core_post_visible reads, no text, counts
 * or relations it does not need: half the subqueries. */
#define POST_VIS \
	"SELECT p.id, p.author_id, p.writer_id, p.reblog_of, p.visibility, p.publish_at, p.group_id, p.pending," \
	" EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ?41 AND f.followee_id = p.author_id)," \
	" EXISTS (SELECT 1 FROM post_recipients r WHERE r.account_id = ?41 AND r.post_id = p.id)," \
	" CASE WHEN p.group_id = 0 THEN -1 ELSE COALESCE((SELECT g.kind FROM groups g WHERE g.id = p.group_id), -1) END," \
	" CASE WHEN p.visibility = 0 THEN FALSE ELSE EXISTS (SELECT 1 FROM post_recipients rr" \
	"  JOIN org_staff os ON os.org_id = rr.account_id WHERE rr.post_id = p.id AND os.person_id = ?41) END" \
	" FROM " DB_IDS_ROWS " CROSS JOIN posts p WHERE p.id = ids.column1 AND p.deleted = 0"

static void posts_vis_row(struct db_stmt *st, void *ctx)
{
	struct by_id *b = ctx;
	struct post *p = arena_alloc(b->a, sizeof *p); /* zeroed: the columns not read stay 0 */
	p->id = db_u64(st, 0);
	p->author_id = db_u64(st, 1);
	p->writer_id = db_u64(st, 2);
	p->reblog_of = db_u64(st, 3);
	p->visibility = (int)db_i64(st, 4);
	p->publish_at = db_i64(st, 5);
	p->group_id = db_u64(st, 6);
	p->pending = db_i64(st, 7) != 0;
	p->v_follows_author = db_i64(st, 8) != 0;
	p->v_recipient = db_i64(st, 9) != 0;
	p->group_kind = (int)db_i64(st, 10);
	p->v_staff_recipient = db_i64(st, 11) != 0;
	p->text = "";
	by_id_place(b, p->id, p);
}

int store_posts_vis(struct store *s, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                    struct post **out)
{
	DB_OR_FAIL(s);
	memset(out, 0, n * sizeof *out);
	struct by_id b = {a, ids, n, (void **)out};
	int rc = db_each_ids(db, POST_VIS, ids, n, viewer, posts_vis_row, &b);
	return rc ? rc : viewer_rels_fill(db, a, viewer, out, n);
}

int store_post_update(struct store *s, uint64_t id, const char *text, const char *search_text,
                      const char *const *tags, size_t ntags, const uint64_t *recipients,
                      size_t nrecipients, int64_t now)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	/* Keep the text as it was before this edit in the history. */
	rc = db_exec(db,
	             "INSERT INTO post_edits (post_id, edited_at, text) SELECT id,"
	             " CASE WHEN edited_at = 0 THEN created_at ELSE edited_at END, text FROM posts WHERE id = ?1",
	             "u", id);
	if (!rc)
		rc = db_exec(db, "UPDATE posts SET text = ?2, edited_at = ?3 WHERE id = ?1 AND deleted = 0", "usi", id,
		             text, now);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	if (!rc)
		rc = db_exec(db, "DELETE FROM post_tags WHERE post_id = ?1", "u", id);
	if (!rc)
		rc = write_tags_recipients(db, id, tags, ntags, recipients, nrecipients);
	if (!rc)
		rc = db_exec(db, "DELETE FROM post_fts WHERE rowid = ?1", "u", id);
	if (!rc && search_text && *search_text)
		rc = db_exec(db, "INSERT INTO post_fts (rowid, body) VALUES (?1, ?2)", "us", id, search_text);
	/* New recipients see the post in their home feed. */
	if (!rc && nrecipients)
		rc = feed_fanout(db, id);
	if (!rc && nrecipients)
		rc = conv_unread_post(db, id);
	return db_finish(db, rc);
}

int store_post_edits(struct store *s, struct arena *a, uint64_t id, struct post_edit **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT edited_at, text FROM post_edits WHERE post_id = ?1"
	                              " ORDER BY edited_at DESC LIMIT 100",
	                              "u", id);
	if (!st)
		return ERR_DB;
	struct post_edit *v = arena_alloc(a, 100 * sizeof *v);
	size_t k = 0;
	int rc;
	while (k < 100 && (rc = db_step(st)) == DB_ROW) {
		v[k].edited_at = db_i64(st, 0);
		v[k].text = arena_strdup(a, db_text(st, 1));
		k++;
	}
	db_done(st);
	*out = v;
	*n = k;
	return 0;
}

int store_post_delete(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db, "UPDATE posts SET deleted = 1, text = '' WHERE id = ?1 AND deleted = 0", "u", id);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	if (!rc)
		rc = db_exec(db, "UPDATE posts SET replies = replies - 1 WHERE id ="
		                 " (SELECT in_reply_to FROM posts WHERE id = ?1 AND visibility = 0 AND pending = 0)"
		                 " AND group_id = (SELECT group_id FROM posts WHERE id = ?1) AND replies > 0",
		             "u", id);
	/* Boosts of a deleted post go with it. */
	if (!rc)
		rc = db_exec(db, "UPDATE posts SET deleted = 1 WHERE reblog_of = ?1", "u", id);
	if (!rc)
		rc = db_exec(db, "DELETE FROM post_fts WHERE rowid = ?1", "u", id);
	if (!rc)
		rc = db_exec(db, "DELETE FROM post_edits WHERE post_id = ?1", "u", id);
	if (!rc)
		rc = db_exec(db, "DELETE FROM notifications WHERE post_id = ?1", "u", id);
	if (!rc)
		rc = conv_unread_post(db, id);
	return db_finish(db, rc);
}

int store_post_recipients(struct store *s, struct arena *a, uint64_t id, uint64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st =
		db_query(db, "SELECT account_id FROM post_recipients WHERE post_id = ?1 LIMIT 100", "u", id);
	return DB_ROWS(st, a, 100, db_fill_u64, out, n);
}

/* ---- timelines ---- */

/*
 * Each timeline has a newest-first form (below max_id) and an oldest-first
 * form (above min_id, reversed after) so that "newer" pages stay adjacent to
 * the page the reader came from.  ?2 = max_id (or min_id), ?3 = limit.
 */
#define PAGE_DESC " AND p.id < ?2 ORDER BY p.id DESC LIMIT ?3"
#define PAGE_ASC " AND p.id > ?2 ORDER BY p.id ASC LIMIT ?3"

static int run_page(struct db *db, struct arena *a, const char *desc, const char *asc, uint64_t viewer,
                    const struct page *pg, const char *extra_fmt, uint64_t extra, const char *extra_s,
                    struct post ***out, size_t *n)
{
	bool up = pg->min_id != 0;
	uint64_t cur = up ? pg->min_id : (pg->max_id ? pg->max_id : UINT64_MAX >> 1);
	struct db_stmt *st;
	if (extra_fmt && extra_fmt[0] == 'u')
		st = db_query(db, up ? asc : desc, "uuiu", viewer, cur, (int64_t)pg->limit, extra);
	else if (extra_fmt && extra_fmt[0] == 's')
		st = db_query(db, up ? asc : desc, "uuis", viewer, cur, (int64_t)pg->limit, extra_s);
	else
		st = db_query(db, up ? asc : desc, "uui", viewer, cur, (int64_t)pg->limit);
	if (!st)
		return ERR_DB;
	return post_rows(db, a, viewer, st, up, out, n);
}

/* Walk posts newest first by id and test each one: "+" keeps SQLite from
 * building the union first and sorting it, which evaluates the row's
 * subqueries for every candidate instead of one page.  Each walked row
 * costs a lookup per list, so the viewer is one more followee and the
 * group list is only asked about group posts. */
#define HOME_WHERE " WHERE" HOME_WHERE_RULE
#define HOME_WHERE_RULE \
	" p.deleted = 0 AND (+p.author_id IN (SELECT followee_id FROM follows WHERE follower_id = ?1" \
	" UNION ALL SELECT ?1)" \
	" OR (p.group_id <> 0 AND +p.group_id IN (SELECT group_id FROM group_members WHERE account_id = ?1" \
	" AND state = 0 AND muted = 0))" \
	" OR +p.id IN (SELECT post_id FROM post_recipients WHERE account_id = ?1))"

/* The rule over all posts: below the feed's floor, and to build a feed. */
static int home_scan(struct db *db, struct arena *a, uint64_t viewer, const struct page *pg, struct post ***out,
                     size_t *n)
{
	return run_page(db, a, POST_COLS HOME_WHERE PAGE_DESC, POST_COLS HOME_WHERE PAGE_ASC, viewer, pg, NULL, 0,
	                NULL, out, n);
}

/*
 * A reader's first home read builds their feed (feed.c): the newest
 * FEED_BACKFILL posts of the rule; the floor is the oldest of them, or 0
 * when the rule has no more (the feed is then complete).  Returns the floor.
 */
static int home_feed_floor(struct db *db, uint64_t viewer, uint64_t *floor)
{
	int64_t f = -1;
	int rc = db_scalar(db, &f, -1, "SELECT floor FROM feed_floor WHERE account_id = ?1", "u", viewer);
	if (rc || f >= 0) {
		*floor = f < 0 ? 0 : (uint64_t)f;
		return rc;
	}
	if ((rc = db_begin(db)))
		return rc;
	rc = feed_lock_shared(db);
	if (!rc)
		rc = db_exec(db, "DELETE FROM feeds WHERE account_id = ?1", "u", viewer);
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO feeds (account_id, post_id) SELECT CAST(?1 AS BIGINT), p.id FROM posts p"
		             HOME_WHERE " ORDER BY p.id DESC LIMIT ?2 ON CONFLICT DO NOTHING",
		             "ui", viewer, (int64_t)feed_size());
	int64_t low = 0;
	if (!rc && db->drv->changes(db) >= feed_size())
		rc = db_scalar(db, &low, 0, "SELECT MIN(post_id) FROM feeds WHERE account_id = ?1", "u", viewer);
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO feed_floor (account_id, floor, built_at) VALUES (?1, ?2, ?3)"
		             " ON CONFLICT DO NOTHING",
		             "uii", viewer, low, (int64_t)time(NULL));
	if ((rc = db_finish(db, rc)))
		return rc;
	rc = db_scalar(db, &f, 0, "SELECT floor FROM feed_floor WHERE account_id = ?1", "u", viewer);
	*floor = (uint64_t)f;
	return rc;
}

/* One index range of the viewer's feed, each row checked against the home
 * rule again (a stale row is dropped here, visibility in core). */
/*
 * The same rule for the few rows of a feed page, row by row: each test is
 * one primary-key look-up.  HOME_WHERE_RULE's IN lists are made in full for
 * every query, which is right for the scan over all posts but grew with
 * the reader: at 5,000,000 posts person1 is a recipient of 5,169 posts, and
 * the list of them, built twice per page, was half the home timeline's time.
 */
#define HOME_ROW_RULE \
	" p.deleted = 0 AND (p.author_id = ?1" \
	" OR EXISTS (SELECT 1 FROM follows fo WHERE fo.follower_id = ?1 AND fo.followee_id = p.author_id)" \
	" OR (p.group_id <> 0 AND EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = p.group_id" \
	" AND gm.account_id = ?1 AND gm.state = 0 AND gm.muted = 0))" \
	" OR EXISTS (SELECT 1 FROM post_recipients pr WHERE pr.account_id = ?1 AND pr.post_id = p.id))"

/* The posts still waiting in feed_pending (feed.c), checked in SQL: most
 * of them are not the reader's, and a row the rule drops is never read. */
#define PENDING_FROM \
	POST_SEL_V("?1") " FROM feed_pending fq CROSS JOIN posts p WHERE p.id = fq.post_id AND fq.post_id >= ?4 AND" \
	HOME_ROW_RULE

/*
 * A feed's rows are nearly all the reader's, so there the rule is decided
 * from the columns the row is read with anyway (store_post_in_home): asked in
 * SQL, the follow and recipient look-ups were made twice per row, once for
 * the rule and once for POST_SEL_V's columns.
 */
#define FEED_FROM \
	POST_SEL_V("?1") " FROM feeds fd CROSS JOIN posts p WHERE fd.account_id = ?1 AND p.id = fd.post_id" \
	" AND fd.post_id >= ?4 AND p.deleted = 0"

static int by_id_desc(const void *x, const void *y)
{
	uint64_t a = (*(struct post *const *)x)->id, b = (*(struct post *const *)y)->id;
	return a < b ? 1 : a > b ? -1 : 0;
}

/* HOME_ROW_RULE for a row read by POST_SEL_V with the viewer's lists: the
 * home rule in C, next to its SQL forms (core_post_in_home shows it to the
 * streams). */
bool store_post_in_home(uint64_t viewer, const struct post *p)
{
	return p->author_id == viewer || p->v_follows_author || p->v_recipient ||
	       (p->group_id && p->v_group_role >= 0 && !p->v_group_muted);
}

/*
 * One page of the feed's range: rows the rule drops (stale rows: an
 * unfollow, a group left or muted) are passed over and the range read on
 * from the last row until the page is full or the range ends, as LIMIT
 * after the rule in SQL would.  Newest first, like run_page.
 */
static int feed_rows(struct db *db, struct arena *a, uint64_t viewer, const struct page *pg, uint64_t floor,
                     struct post ***out, size_t *n)
{
	static const char *const desc = FEED_FROM " AND fd.post_id < ?2 ORDER BY fd.post_id DESC LIMIT ?3";
	static const char *const asc = FEED_FROM " AND fd.post_id > ?2 ORDER BY fd.post_id ASC LIMIT ?3";
	struct page q = *pg;
	struct post **v = NULL;
	size_t cap = 0, k = 0;
	bool more = true;
	int reads = 0;
	while (more && k < (size_t)pg->limit) {
		struct post **w;
		size_t m;
		int rc = run_page(db, a, desc, asc, viewer, &q, "u", floor, NULL, &w, &m);
		if (rc)
			return rc;
		reads++;
		more = m == (size_t)q.limit;
		for (size_t i = 0; i < m; i++) {
			if (!store_post_in_home(viewer, w[i]))
				continue;
			v = arena_grow(a, v, &cap, k, sizeof *v);
			v[k++] = w[i];
		}
		/* w is newest first: read on below its oldest, or above its newest */
		if (m && q.min_id)
			q.min_id = w[0]->id;
		else if (m)
			q.max_id = w[m - 1]->id;
		q.limit = pg->limit - (int)k;
	}
	if (!v)
		v = arena_alloc(a, sizeof *v);
	if (reads > 1 && pg->min_id) /* above min_id each read is newer than the one before */
		qsort(v, k, sizeof *v, by_id_desc);
	*out = v;
	*n = k;
	return 0;
}

/*
 * The pending posts and the feed's range in one statement (one round trip
 * on PostgreSQL): each part its own index range, the newest (or, above
 * min_id, the oldest) ?3 of both.  One statement reads one snapshot, so a
 * post moving from the queue to the feed is seen in one of them.
 */
#define BOTH_DESC                                                                                        \
	"SELECT * FROM (" PENDING_FROM " AND fq.post_id < ?2 ORDER BY fq.post_id DESC LIMIT ?3) pq UNION ALL"   \
	" SELECT * FROM (" FEED_FROM " AND fd.post_id < ?2 ORDER BY fd.post_id DESC LIMIT ?3) fr ORDER BY 1 DESC LIMIT ?3"
#define BOTH_ASC                                                                                         \
	"SELECT * FROM (" PENDING_FROM " AND fq.post_id > ?2 ORDER BY fq.post_id ASC LIMIT ?3) pq UNION ALL"    \
	" SELECT * FROM (" FEED_FROM " AND fd.post_id > ?2 ORDER BY fd.post_id ASC LIMIT ?3) fr ORDER BY 1 ASC LIMIT ?3"

/*
 * One page from the feed (id >= floor).  On PostgreSQL it is read with
 * BOTH_DESC or BOTH_ASC first (on SQLite the two statements below cost less
 * than that one: a tenth of a home page's time): when that comes back short
 * (both ranges ended) or drops no row (a stale feed row, a post seen
 * twice), it is the page.  Otherwise, and on SQLite, the page is read part
 * by part (feed_rows reads on past the dropped rows): the pending posts
 * first, then the feed, so that a post moving from one to the other in
 * between is seen twice (kept once), never missed.
 */
static int feed_page(struct db *db, struct arena *a, uint64_t viewer, const struct page *pg, uint64_t floor,
                     struct post ***out, size_t *n)
{
	struct post **v1, **v2;
	size_t n1, n2, k = 0;
	int rc;
	if (db->drv->round_trip) {
		if ((rc = run_page(db, a, BOTH_DESC, BOTH_ASC, viewer, pg, "u", floor, NULL, &v1, &n1)))
			return rc;
		for (size_t i = 0; i < n1; i++)
			if ((!k || v1[k - 1]->id != v1[i]->id) && store_post_in_home(viewer, v1[i]))
				v1[k++] = v1[i];
		if (k == n1 || n1 < (size_t)pg->limit) {
			*out = v1;
			*n = k;
			return 0;
		}
	}
	rc = run_page(db, a, PENDING_FROM " AND fq.post_id < ?2 ORDER BY fq.post_id DESC LIMIT ?3",
	              PENDING_FROM " AND fq.post_id > ?2 ORDER BY fq.post_id ASC LIMIT ?3", viewer, pg, "u", floor, NULL,
	              &v1, &n1);
	if (!rc)
		rc = feed_rows(db, a, viewer, pg, floor, &v2, &n2);
	if (rc)
		return rc;
	if (!n1) {
		*out = v2;
		*n = n2;
		return 0;
	}
	struct post **v = arena_alloc(a, (n1 + n2 + 1) * sizeof *v);
	for (size_t i = 0; i < n1; i++)
		v[i] = v1[i];
	for (size_t i = 0; i < n2; i++)
		v[n1 + i] = v2[i];
	qsort(v, n1 + n2, sizeof *v, by_id_desc);
	k = 0;
	for (size_t i = 0; i < n1 + n2; i++)
		if (!k || v[k - 1]->id != v[i]->id)
			v[k++] = v[i];
	size_t lim = (size_t)pg->limit;
	if (k > lim) {
		/* Newest first: keep the newest; above min_id: the oldest. */
		if (pg->min_id)
			v += k - lim;
		k = lim;
	}
	*out = v;
	*n = k;
	return 0;
}

int store_tl_home(struct store *s, struct arena *a, uint64_t viewer, const struct page *pg,
                  struct post ***out, size_t *n)
{
	DB_OR_FAIL(s);
	/* KRING_HOME_SCAN=1 reads every home timeline by the rule over all
	 * posts, as before the feeds: the tests' oracle, and a way out should a
	 * feed ever be wrong. */
	static int scan = -1;
	if (scan < 0) {
		const char *e = getenv("KRING_HOME_SCAN");
		scan = e && !strcmp(e, "1");
	}
	if (scan)
		return home_scan(db, a, viewer, pg, out, n);
	uint64_t floor = 0;
	int rc, tries = 0;
	do
		rc = home_feed_floor(db, viewer, &floor);
	while (db_again(db, rc, &tries));
	if (rc)
		return rc;
	if (pg->min_id) {
		/* Newer than a page below the floor: the rule itself. */
		if (pg->min_id + 1 < floor)
			return home_scan(db, a, viewer, pg, out, n);
		return feed_page(db, a, viewer, pg, floor, out, n);
	}
	struct post **v = NULL;
	size_t k = 0;
	uint64_t cur = pg->max_id ? pg->max_id : UINT64_MAX >> 1;
	if (cur > floor && (rc = feed_page(db, a, viewer, pg, floor, &v, &k)))
		return rc;
	if (k >= (size_t)pg->limit || floor == 0) {
		*out = v;
		*n = k;
		return 0;
	}
	/* The feed ends at its floor: the rest of the page the old way. */
	struct page rest = *pg;
	rest.max_id = cur < floor ? cur : floor;
	rest.limit = pg->limit - (int)k;
	struct post **w;
	size_t m;
	if ((rc = home_scan(db, a, viewer, &rest, &w, &m)))
		return rc;
	struct post **all = arena_alloc(a, (k + m + 1) * sizeof *all);
	for (size_t i = 0; i < k; i++)
		all[i] = v[i];
	for (size_t i = 0; i < m; i++)
		all[k + i] = w[i];
	*out = all;
	*n = k + m;
	return 0;
}

/*
 * Where a public post was written (enum tl_origin): a remote author is an
 * account that stands for another server's actor (fed_actors.account_id).
 * The list of those is read once per statement (SQLite: an ephemeral
 * index; PostgreSQL: a hashed subplan), and "+" keeps the walk on the
 * posts' id order instead of the author index.
 */
#define ORIGIN_REMOTE_SET " (SELECT account_id FROM fed_actors WHERE account_id <> 0)"
#define ORIGIN_LOCAL " AND +p.author_id NOT IN" ORIGIN_REMOTE_SET
#define ORIGIN_REMOTE " AND +p.author_id IN" ORIGIN_REMOTE_SET
#define WITH_MEDIA " AND EXISTS (SELECT 1 FROM post_media pm WHERE pm.post_id = p.id)"

/* The statements of a public timeline, by [origin][only media][newer]. */
#define PUBLIC_PAIR(where, desc, asc) {POST_COLS where desc, POST_COLS where asc}
#define PUBLIC_SET(where, desc, asc)                                                                   \
	{                                                                                                  \
		{PUBLIC_PAIR(where, desc, asc), PUBLIC_PAIR(where WITH_MEDIA, desc, asc)},                     \
		    {PUBLIC_PAIR(where ORIGIN_LOCAL, desc, asc), PUBLIC_PAIR(where ORIGIN_LOCAL WITH_MEDIA, desc, asc)}, \
		    {PUBLIC_PAIR(where ORIGIN_REMOTE, desc, asc), PUBLIC_PAIR(where ORIGIN_REMOTE WITH_MEDIA, desc, asc)} \
	}

static int public_page(struct db *db, struct arena *a, const char *const sql[3][2][2], uint64_t viewer,
                       const struct tl_filter *f, const struct page *pg, const char *tag, struct post ***out,
                       size_t *n)
{
	unsigned o = f && f->origin <= TL_ONLY_REMOTE ? (unsigned)f->origin : TL_ANY;
	unsigned m = f && f->only_media;
	return run_page(db, a, sql[o][m][0], sql[o][m][1], viewer, pg, tag ? "s" : NULL, 0, tag, out, n);
}

#define LOCAL_WHERE " WHERE p.visibility = 0 AND p.deleted = 0 AND p.reblog_of = 0 AND p.group_id = 0"

int store_tl_local(struct store *s, struct arena *a, uint64_t viewer, const struct tl_filter *f,
                   const struct page *pg, struct post ***out, size_t *n)
{
	static const char *const sql[3][2][2] = PUBLIC_SET(LOCAL_WHERE, PAGE_DESC, PAGE_ASC);
	DB_OR_FAIL(s);
	return public_page(db, a, sql, viewer, f, pg, NULL, out, n);
}

/* Page on the tag index's own order (tag, post_id), so no sort is needed. */
#define TAG_WHERE " JOIN post_tags t ON t.post_id = p.id WHERE t.tag = ?4 AND p.deleted = 0"
#define TAG_DESC " AND t.post_id < ?2 ORDER BY t.post_id DESC LIMIT ?3"
#define TAG_ASC " AND t.post_id > ?2 ORDER BY t.post_id ASC LIMIT ?3"

int store_tl_tag(struct store *s, struct arena *a, uint64_t viewer, const char *tag, const struct tl_filter *f,
                 const struct page *pg, struct post ***out, size_t *n)
{
	static const char *const sql[3][2][2] = PUBLIC_SET(TAG_WHERE, TAG_DESC, TAG_ASC);
	DB_OR_FAIL(s);
	return public_page(db, a, sql, viewer, f, pg, tag, out, n);
}

#define PROFILE_WHERE " WHERE p.author_id = ?4 AND p.deleted = 0"

int store_tl_profile(struct store *s, struct arena *a, uint64_t viewer, uint64_t author,
                     const struct page *pg, struct post ***out, size_t *n)
{
	DB_OR_FAIL(s);
	return run_page(db, a, POST_COLS PROFILE_WHERE PAGE_DESC, POST_COLS PROFILE_WHERE PAGE_ASC, viewer, pg,
	                "u", author, NULL, out, n);
}

int store_thread(struct store *s, struct arena *a, uint64_t viewer, uint64_t root, int limit,
                 struct post ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, POST_COLS " WHERE p.root_id = ?2 AND p.deleted = 0 AND p.reblog_of = 0"
	                                            " ORDER BY p.id LIMIT ?3",
	                              "uui", viewer, root, (int64_t)limit);
	if (!st)
		return ERR_DB;
	return post_rows(db, a, viewer, st, false, out, n);
}

int store_thread_direct(struct store *s, struct arena *a, uint64_t viewer, uint64_t root, int limit,
                        struct post ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, POST_COLS " WHERE p.root_id = ?2 AND p.visibility = 2 AND p.deleted = 0"
	                                            " ORDER BY p.id DESC LIMIT ?3",
	                              "uui", viewer, root, (int64_t)limit);
	if (!st)
		return ERR_DB;
	return post_rows(db, a, viewer, st, false, out, n);
}

/* Driver-specific: FTS5 MATCH on SQLite, a tsvector on PostgreSQL (see
 * migrate_pg.c).  Words are quoted so none is taken as syntax. */
int store_search_posts(struct store *s, struct arena *a, uint64_t viewer, const char *const *words,
                       size_t nwords, const struct page *pg, struct post ***out, size_t *n)
{
	DB_OR_FAIL(s);
	char q[1024];
	size_t k = 0;
	for (size_t i = 0; i < nwords; i++) {
		if (k + 4 + 2 * strlen(words[i]) >= sizeof q)
			break;
		q[k++] = '"';
		for (const char *w = words[i]; *w; w++) {
			if (*w == '"')
				q[k++] = '"';
			q[k++] = *w;
		}
		q[k++] = '"';
		q[k++] = ' ';
	}
	q[k] = '\0';
	*n = 0;
	if (k == 0)
		return 0;
	if (db->drv == &db_pg) {
		/* plainto_tsquery: the words, all required, none taken as syntax. */
		k = 0;
		for (size_t i = 0; i < nwords && k + strlen(words[i]) + 2 < sizeof q; i++)
			k += (size_t)snprintf(q + k, sizeof q - k, "%s ", words[i]);
		/* Paged inside the index, as on SQLite below. */
#define PG_FTS_PAGE(cmp, dir) \
	" WHERE p.id IN (SELECT rowid FROM post_fts WHERE tsv @@ plainto_tsquery('simple', ?4) AND rowid " cmp " ?2" \
	" ORDER BY rowid " dir " LIMIT ?3) AND p.deleted = 0 ORDER BY p.id " dir " LIMIT ?3"
		return run_page(db, a, POST_COLS PG_FTS_PAGE("<", "DESC"), POST_COLS PG_FTS_PAGE(">", "ASC"), viewer, pg,
		                "s", 0, q, out, n);
	}
	/* The page is cut inside the full-text index, so only one page of
	 * matches is joined with posts (deleted posts leave the index). */
#define FTS_PAGE(cmp, dir) \
	" WHERE p.id IN (SELECT rowid FROM post_fts WHERE post_fts MATCH ?4 AND rowid " cmp " ?2" \
	" ORDER BY rowid " dir " LIMIT ?3) AND p.deleted = 0 ORDER BY p.id " dir " LIMIT ?3"
	return run_page(db, a, POST_COLS FTS_PAGE("<", "DESC"), POST_COLS FTS_PAGE(">", "ASC"), viewer, pg, "s", 0, q,
	                out, n);
}

int store_search_tags(struct store *s, struct arena *a, const char *prefix, int limit,
                      const char ***out, int64_t **counts, size_t *n)
{
	DB_OR_FAIL(s);
	char hi[256];
	snprintf(hi, sizeof hi, "%s\xf4\x8f\xbf\xbf", prefix);
	/* Counts of posts everyone may see, kept by triggers (migration 8), less
	 * those still held (think time), which the triggers count at once. */
	int64_t now = time_now();
	struct db_stmt *st = db_query(db,
	                              "SELECT s.tag, s.posts - (SELECT COUNT(*) FROM post_tags t JOIN posts h"
	                              " ON h.id = t.post_id WHERE t.tag = s.tag AND t.post_id >= ?4 AND h.publish_at > ?5"
	                              " AND h.deleted = 0 AND h.reblog_of = 0 AND h.visibility = 0 AND h.group_id = 0"
	                              " AND h.pending = 0) FROM tag_stats s WHERE s.tag >= ?1 AND s.tag < ?2"
	                              " ORDER BY s.posts DESC, s.tag LIMIT ?3",
	                              "ssiui", prefix, hi, (int64_t)limit, id_from_ms((now - STORE_HOLD_WINDOW) * 1000),
	                              now);
	if (!st)
		return ERR_DB;
	const char **v = arena_alloc(a, (size_t)limit * sizeof *v);
	int64_t *c = arena_alloc(a, (size_t)limit * sizeof *c);
	size_t k = 0;
	while (k < (size_t)limit && db_step(st) == DB_ROW) {
		c[k] = db_i64(st, 1);
		if (c[k] <= 0)
			continue; /* only held posts carry it so far */
		v[k] = arena_strdup(a, db_text(st, 0));
		k++;
	}
	db_done(st);
	*out = v;
	*counts = c;
	*n = k;
	return 0;
}

/* ---- favourites, boosts ---- */

static int fav_set(struct store *s, uint64_t account, uint64_t post, bool on, bool *changed)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	if (on)
		rc = db_exec(db,
		             "INSERT INTO favourites (account_id, post_id, created_at, id) VALUES (?1, ?2, ?3, ?4)"
		             " ON CONFLICT DO NOTHING",
		             "uuiu", account, post, (int64_t)time(NULL), id_new());
	else
		rc = db_exec(db, "DELETE FROM favourites WHERE account_id = ?1 AND post_id = ?2", "uu", account, post);
	*changed = !rc && db->drv->changes(db) > 0;
	if (!rc && *changed)
		rc = db_exec(db, on ? "UPDATE posts SET favs = favs + 1 WHERE id = ?1"
		                    : "UPDATE posts SET favs = favs - 1 WHERE id = ?1 AND favs > 0",
		             "u", post);
	return db_finish(db, rc);
}

/* The transaction above, again while PostgreSQL asks (serialization
 * failure, deadlock with another writer of the same rows). */
int store_fav_set(struct store *s, uint64_t account, uint64_t post, bool on, bool *changed)
{
	int rc;
	DB_RETRYING(s, rc, fav_set(s, account, post, on, changed));
	return rc;
}

static int boost_set(struct store *s, uint64_t account, uint64_t post, bool on, uint64_t boost_id,
                    int64_t now, bool *changed)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	if (on) {
		/* A deleted earlier boost row would collide with the unique index. */
		rc = db_exec(db, "DELETE FROM posts WHERE author_id = ?1 AND reblog_of = ?2 AND deleted = 1", "uu",
		             account, post);
		if (!rc)
			rc = db_exec(db,
			             "INSERT INTO posts (id, author_id, writer_id, root_id, reblog_of, visibility, text,"
			             " created_at) VALUES (?1, ?2, ?2, ?1, ?3, 0, '', ?4) ON CONFLICT DO NOTHING",
			             "uuui", boost_id, account, post, now);
	} else {
		rc = db_exec(db, "DELETE FROM posts WHERE author_id = ?1 AND reblog_of = ?2", "uu", account, post);
	}
	*changed = !rc && db->drv->changes(db) > 0;
	if (!rc && *changed)
		rc = db_exec(db, on ? "UPDATE posts SET boosts = boosts + 1 WHERE id = ?1"
		                    : "UPDATE posts SET boosts = boosts - 1 WHERE id = ?1 AND boosts > 0",
		             "u", post);
	if (!rc && on && *changed)
		rc = feed_queue(db, boost_id);
	return db_finish(db, rc);
}

/* The transaction above, again while PostgreSQL asks (serialization
 * failure, deadlock with another writer of the same rows). */
int store_boost_set(struct store *s, uint64_t account, uint64_t post, bool on, uint64_t boost_id,
                    int64_t now, bool *changed)
{
	int rc;
	DB_RETRYING(s, rc, boost_set(s, account, post, on, boost_id, now, changed));
	return rc;
}

/* ---- social graph ---- */

/* Does the statement find a row for (x, y)?  An error is never a "no". */
static int exists2(struct store *s, const char *sql, uint64_t x, uint64_t y, bool *out)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, sql, "uu", x, y);
	*out = !rc && v == 1;
	return rc;
}

static int follow_set(struct store *s, uint64_t follower, uint64_t followee, bool on, bool *changed)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	if (on)
		rc = db_exec(db,
		             "INSERT INTO follows (follower_id, followee_id, created_at, id) VALUES (?1, ?2, ?3, ?4)"
		             " ON CONFLICT DO NOTHING",
		             "uuiu", follower, followee, (int64_t)time(NULL), id_new());
	else
		rc = db_exec(db, "DELETE FROM follows WHERE follower_id = ?1 AND followee_id = ?2", "uu", follower,
		             followee);
	bool ch = !rc && db->drv->changes(db) > 0;
	if (!rc && on && ch)
		rc = feed_backfill_author(db, follower, followee);
	/* Following ends any pending request either way. */
	if (!rc)
		rc = db_exec(db, "DELETE FROM follow_requests WHERE requester_id = ?1 AND target_id = ?2", "uu",
		             follower, followee);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	if (changed)
		*changed = ch;
	return db_commit(db);
}

/* The transaction above, again while PostgreSQL asks (serialization
 * failure, deadlock with another writer of the same rows). */
int store_follow_set(struct store *s, uint64_t follower, uint64_t followee, bool on, bool *changed)
{
	int rc;
	DB_RETRYING(s, rc, follow_set(s, follower, followee, on, changed));
	return rc;
}

int store_follows(struct store *s, uint64_t follower, uint64_t followee, bool *out)
{
	return exists2(s, "SELECT 1 FROM follows WHERE follower_id = ?1 AND followee_id = ?2", follower, followee, out);
}

int store_follow_request_set(struct store *s, uint64_t requester, uint64_t target, bool on, bool *changed)
{
	DB_OR_FAIL(s);
	int rc;
	if (on)
		rc = db_exec(db,
		             "INSERT INTO follow_requests (requester_id, target_id, created_at) VALUES (?1, ?2, ?3)"
		             " ON CONFLICT DO NOTHING",
		             "uui", requester, target, (int64_t)time(NULL));
	else
		rc = db_exec(db, "DELETE FROM follow_requests WHERE requester_id = ?1 AND target_id = ?2", "uu",
		             requester, target);
	if (changed)
		*changed = !rc && db->drv->changes(db) > 0;
	return rc;
}

int store_follow_requested(struct store *s, uint64_t requester, uint64_t target, bool *out)
{
	return exists2(s, "SELECT 1 FROM follow_requests WHERE requester_id = ?1 AND target_id = ?2", requester,
	               target, out);
}

/* The accounts whose ids the statement yields (at most 500), in order. */
static int id_list(struct arena *a, struct store *s, struct db_stmt *st, struct account ***out, size_t *n)
{
	uint64_t ids[500];
	size_t k = 0;
	while (k < 500 && db_step(st) == DB_ROW)
		ids[k++] = db_u64(st, 0);
	db_done(st);
	struct account **v = arena_alloc(a, (k + 1) * sizeof *v);
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (store_account_get(s, a, ids[i], &v[m]) == 0)
			m++;
	*out = v;
	*n = m;
	return 0;
}

int store_follow_requests(struct store *s, struct arena *a, uint64_t target, struct account ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT requester_id FROM follow_requests WHERE target_id = ?1"
	                              " ORDER BY created_at LIMIT 200",
	                              "u", target);
	if (!st)
		return ERR_DB;
	return id_list(a, s, st, out, n);
}

int store_followers(struct store *s, struct arena *a, uint64_t id, bool following, int limit,
                    struct account ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = following
		? db_query(db, "SELECT followee_id FROM follows WHERE follower_id = ?1 ORDER BY created_at DESC LIMIT ?2",
		           "ui", id, (int64_t)limit)
		: db_query(db, "SELECT follower_id FROM follows WHERE followee_id = ?1 ORDER BY created_at DESC LIMIT ?2",
		           "ui", id, (int64_t)limit);
	if (!st)
		return ERR_DB;
	return id_list(a, s, st, out, n);
}

int store_block_set(struct store *s, uint64_t account, uint64_t target, bool on)
{
	DB_OR_FAIL(s);
	if (!on)
		return db_exec(db, "DELETE FROM blocks WHERE account_id = ?1 AND target_id = ?2", "uu", account, target);
	int rc = db_begin(db);
	if (rc)
		return rc;
	/* A block ends following in both directions, and pending requests. */
	rc = db_exec(db, "INSERT INTO blocks (account_id, target_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING", "uu",
	             account, target);
	if (!rc)
		rc = db_exec(db, "DELETE FROM follows WHERE (follower_id = ?1 AND followee_id = ?2)"
		                 " OR (follower_id = ?2 AND followee_id = ?1)",
		             "uu", account, target);
	if (!rc)
		rc = db_exec(db, "DELETE FROM follow_requests WHERE (requester_id = ?1 AND target_id = ?2)"
		                 " OR (requester_id = ?2 AND target_id = ?1)",
		             "uu", account, target);
	return db_finish(db, rc);
}

int store_mute_set(struct store *s, uint64_t account, uint64_t target, bool on)
{
	DB_OR_FAIL(s);
	return on ? db_exec(db, "INSERT INTO mutes (account_id, target_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	                    "uu", account, target)
	          : db_exec(db, "DELETE FROM mutes WHERE account_id = ?1 AND target_id = ?2", "uu", account, target);
}

int store_blocks(struct store *s, uint64_t account, uint64_t target, bool *out)
{
	return exists2(s, "SELECT 1 FROM blocks WHERE account_id = ?1 AND target_id = ?2", account, target, out);
}

int store_mutes(struct store *s, uint64_t account, uint64_t target, bool *out)
{
	return exists2(s, "SELECT 1 FROM mutes WHERE account_id = ?1 AND target_id = ?2", account, target, out);
}

/* ---- notifications ---- */

/* One notification: for account (or, org != 0, for account as staff of org),
 * about group with a moderator's note when there are. */
static int notif_insert(struct store *s, uint64_t account, uint64_t org, int kind, uint64_t actor, uint64_t post,
                        uint64_t group, const char *note)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO notifications (id, account_id, kind, actor_id, post_id, created_at, org_id, group_id,"
	               " note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	               "uuiuuiuus", id_new(), account, (int64_t)kind, actor, post, (int64_t)time(NULL), org, group,
	               note ? note : "");
}

int store_notif_insert(struct store *s, uint64_t account, int kind, uint64_t actor, uint64_t post)
{
	return notif_insert(s, account, 0, kind, actor, post, 0, NULL);
}

int store_notif_insert_for(struct store *s, uint64_t account, uint64_t org, int kind, uint64_t actor,
                           uint64_t post)
{
	return notif_insert(s, account, org, kind, actor, post, 0, NULL);
}

int store_notif_insert_in(struct store *s, uint64_t account, int kind, uint64_t actor, uint64_t post,
                          uint64_t group, const char *note)
{
	return notif_insert(s, account, 0, kind, actor, post, group, note);
}

int store_notif_list(struct store *s, struct arena *a, uint64_t account, const struct page *pg,
                     struct notification **out, size_t *n)
{
	DB_OR_FAIL(s);
	uint64_t cur = pg->max_id ? pg->max_id : UINT64_MAX >> 1;
	struct db_stmt *st = db_query(db,
	                              "SELECT id, kind, actor_id, post_id, created_at, read, org_id, group_id, note"
	                              " FROM notifications"
	                              " WHERE account_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3",
	                              "uui", account, cur, (int64_t)pg->limit);
	if (!st)
		return ERR_DB;
	struct notification *v = arena_alloc(a, ((size_t)pg->limit + 1) * sizeof *v);
	size_t k = 0;
	int rc;
	while (k < (size_t)pg->limit && (rc = db_step(st)) == DB_ROW) {
		v[k].id = db_u64(st, 0);
		v[k].kind = (int)db_i64(st, 1);
		v[k].actor_id = db_u64(st, 2);
		v[k].post_id = db_u64(st, 3);
		v[k].created_at = db_i64(st, 4);
		v[k].read = db_i64(st, 5) != 0;
		v[k].org_id = db_u64(st, 6);
		v[k].group_id = db_u64(st, 7);
		v[k].note = arena_strdup(a, db_text(st, 8));
		k++;
	}
	db_done(st);
	*out = v;
	*n = k;
	return 0;
}

int store_notif_unread(struct store *s, uint64_t account, int64_t *count)
{
	DB_OR_FAIL(s);
	return db_scalar(db, count, 0, "SELECT COUNT(*) FROM notifications WHERE account_id = ?1 AND read = 0", "u",
	                 account);
}

int store_badge_state(struct store *s, uint64_t account, int64_t *unread, int64_t *ver, int64_t *epoch)
{
	DB_OR_FAIL(s);
	*unread = 0;
	*ver = -1;
	*epoch = 0;
	struct db_stmt *st = db_query(db,
	                              "SELECT COALESCE(c.unread, 0), COALESCE(c.ver, -1), e.n FROM vis_epoch e"
	                              " LEFT JOIN notif_count c ON c.account_id = ?1 WHERE e.id = 1",
	                              "u", account);
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	if (rc == DB_ROW) {
		*unread = db_i64(st, 0);
		*ver = db_i64(st, 1);
		*epoch = db_i64(st, 2);
	}
	db_done(st);
	return rc < 0 ? -rc : 0;
}

int store_notif_mark_read_range(struct store *s, uint64_t account, uint64_t min_id, uint64_t max_id)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE notifications SET read = 1 WHERE account_id = ?1 AND read = 0 AND id >= ?2 AND id <= ?3",
	               "uuu", account, min_id, max_id);
}

int store_notif_mark_read(struct store *s, uint64_t account)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE notifications SET read = 1 WHERE account_id = ?1 AND read = 0", "u", account);
}
