/* Unit tests for store/ on a temporary SQLite database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "store/store_api.h"
#include "store/store_int.h"
#include "store/store_media.h"
#include "store/store_reach.h"
#include "store/store_trend.h"

struct fx {
	char path[64];
	struct store *s;
	struct arena a;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/kring-store-%d-%llu.db", (int)getpid(), (unsigned long long)id_new());
	if (store_open(f->path, &f->s))
		return -1;
	arena_init(&f->a);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_close(f->s);
	arena_release(&f->a);
	char p[80];
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	free(f);
	return 0;
}

static uint64_t add_account(struct fx *f, const char *name)
{
	struct account acc = {.id = id_new(), .username = name, .display_name = name, .lang = "nl", .created_at = 1};
	assert_int_equal(store_account_insert(f->s, &acc, "hash"), 0);
	return acc.id;
}

static void test_migrations_idempotent(void **state)
{
	struct fx *f = *state;
	int v = 0;
	assert_int_equal(store_schema_version(f->s, &v), 0);
	assert_int_equal(v, store_migrations_known());
	/* Opening again does not migrate again or fail. */
	struct store *s2;
	assert_int_equal(store_open(f->path, &s2), 0);
	assert_int_equal(store_schema_version(s2, &v), 0);
	assert_int_equal(v, store_migrations_known());
	store_close(s2);
}

static void test_accounts(void **state)
{
	struct fx *f = *state;
	uint64_t id = add_account(f, "anna");
	struct account dup = {.id = id_new(), .username = "anna", .display_name = "", .lang = "nl"};
	assert_int_equal(store_account_insert(f->s, &dup, NULL), ERR_EXISTS);
	struct account *got;
	assert_int_equal(store_account_by_name(f->s, &f->a, "anna", &got), 0);
	assert_true(got->id == id);
	assert_true(got->has_password);
	assert_int_equal(store_account_get(f->s, &f->a, 12345, &got), ERR_NOTFOUND);
	got->display_name = "Anna de Vries";
	got->bio = "Verpleegkundige";
	got->locked = true;
	assert_int_equal(store_account_update(f->s, got), 0);
	assert_int_equal(store_account_get(f->s, &f->a, id, &got), 0);
	assert_string_equal(got->display_name, "Anna de Vries");
	assert_true(got->locked);
	assert_string_equal(got->lang, "nl");
	struct account **v;
	size_t n;
	add_account(f, "bert");
	assert_int_equal(store_account_search(f->s, &f->a, "vries", 10, &v, &n), 0);
	assert_int_equal(n, 1);
	/* LIKE wildcards in the query match literally. */
	assert_int_equal(store_account_search(f->s, &f->a, "%", 10, &v, &n), 0);
	assert_int_equal(n, 0);
}

static void test_tokens_once(void **state)
{
	struct fx *f = *state;
	assert_int_equal(store_token_insert(f->s, "invite", "h1", 0, ROLE_MODERATOR, 2000000000, 0), 0);
	assert_int_equal(store_token_check(f->s, "invite", "h1", 100), 0);
	assert_int_equal(store_token_check(f->s, "reset", "h1", 100), ERR_NOTFOUND); /* kind matters */
	int role = -1;
	assert_int_equal(store_token_use(f->s, "invite", "h1", 100, 0, NULL, &role), 0);
	assert_int_equal(role, ROLE_MODERATOR);
	assert_int_equal(store_token_use(f->s, "invite", "h1", 100, 0, NULL, &role), ERR_NOTFOUND);
	assert_int_equal(store_token_insert(f->s, "invite", "h2", 0, 0, 50, 0), 0);
	assert_int_equal(store_token_use(f->s, "invite", "h2", 100, 0, NULL, NULL), ERR_NOTFOUND); /* expired */
}

static void test_rate(void **state)
{
	struct fx *f = *state;
	int64_t n = 0;
	for (int i = 0; i < 5; i++)
		assert_int_equal(store_rate_hit(f->s, "k", 1000 + i, 900, &n), 0);
	assert_int_equal(n, 5);
	assert_int_equal(store_rate_count(f->s, "k", 1003, &n), 0);
	assert_int_equal(n, 2);
	/* Old events fall out of the window. */
	assert_int_equal(store_rate_hit(f->s, "k", 2000, 1999, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_rate_clear(f->s, "k"), 0);
	assert_int_equal(store_rate_count(f->s, "k", 0, &n), 0);
	assert_int_equal(n, 0);
}

static uint64_t add_post(struct fx *f, uint64_t author, int vis, const char *text, uint64_t *rcpt, size_t nr)
{
	struct post_new p = {.id = id_new(), .author_id = author, .writer_id = author, .visibility = vis,
	                     .text = text, .search_text = text, .created_at = 1, .recipients = rcpt,
	                     .nrecipients = nr};
	p.root_id = p.id;
	const char *tags[] = {"zorg"};
	p.tags = tags;
	p.ntags = 1;
	assert_int_equal(store_post_insert(f->s, &p), 0);
	return p.id;
}

static void test_posts_and_paging(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_account(f, "auteur"), b = add_account(f, "lezer");
	uint64_t ids[50];
	for (int i = 0; i < 50; i++)
		ids[i] = add_post(f, a, VIS_PUBLIC, "hallo wereld", NULL, 0);
	struct page pg = {.limit = 20};
	struct post **v;
	size_t n;
	assert_int_equal(store_tl_local(f->s, &f->a, b, NULL, &pg, &v, &n), 0);
	assert_int_equal(n, 20);
	assert_true(v[0]->id == ids[49]);
	assert_true(v[19]->id == ids[30]);
	pg.max_id = v[19]->id;
	assert_int_equal(store_tl_local(f->s, &f->a, b, NULL, &pg, &v, &n), 0);
	assert_true(v[0]->id == ids[29]);
	/* min_id gives the page just above, newest first. */
	struct page up = {.min_id = ids[9], .limit = 5};
	assert_int_equal(store_tl_local(f->s, &f->a, b, NULL, &up, &v, &n), 0);
	assert_int_equal(n, 5);
	assert_true(v[0]->id == ids[14] && v[4]->id == ids[10]);
	/* Viewer relations come with each row. */
	assert_false(v[0]->v_follows_author);
	bool ch;
	assert_int_equal(store_follow_set(f->s, b, a, true, &ch), 0);
	assert_true(ch);
	assert_int_equal(store_post_get(f->s, &f->a, b, ids[0], &v[0]), 0);
	assert_true(v[0]->v_follows_author);
	/* Home of the follower has the author's posts. */
	struct page home = {.limit = 10};
	assert_int_equal(store_tl_home(f->s, &f->a, b, &home, &v, &n), 0);
	assert_int_equal(n, 10);
	/* Tag and full text. */
	assert_int_equal(store_tl_tag(f->s, &f->a, b, "zorg", NULL, &home, &v, &n), 0);
	assert_int_equal(n, 10);
	const char *w[] = {"wereld"};
	assert_int_equal(store_search_posts(f->s, &f->a, b, w, 1, &home, &v, &n), 0);
	assert_int_equal(n, 10);
	const char *q[] = {"\"\"quote\" OR *"}; /* FTS syntax in a word is taken literally */
	assert_int_equal(store_search_posts(f->s, &f->a, b, q, 1, &home, &v, &n), 0);
	assert_int_equal(n, 0);
}

static void test_edit_delete_counts(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_account(f, "schrijver"), b = add_account(f, "fan");
	uint64_t p = add_post(f, a, VIS_PUBLIC, "eerste versie", NULL, 0);
	assert_int_equal(store_post_update(f->s, p, "tweede versie", "tweede versie", NULL, 0, NULL, 0, 5), 0);
	struct post_edit *e;
	size_t n;
	assert_int_equal(store_post_edits(f->s, &f->a, p, &e, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].text, "eerste versie");
	bool ch;
	assert_int_equal(store_fav_set(f->s, b, p, true, &ch), 0);
	assert_true(ch);
	assert_int_equal(store_fav_set(f->s, b, p, true, &ch), 0);
	assert_false(ch); /* twice is once */
	assert_int_equal(store_boost_set(f->s, b, p, true, id_new(), 1, &ch), 0);
	struct post *got;
	assert_int_equal(store_post_get(f->s, &f->a, b, p, &got), 0);
	assert_int_equal(got->favs, 1);
	assert_int_equal(got->boosts, 1);
	assert_true(got->v_faved && got->v_boosted);
	assert_int_equal(store_post_delete(f->s, p), 0);
	assert_int_equal(store_post_get(f->s, &f->a, b, p, &got), ERR_NOTFOUND);
	assert_int_equal(store_post_delete(f->s, p), ERR_NOTFOUND);
	const char *w[] = {"tweede"};
	struct post **v;
	struct page pg = {.limit = 10};
	assert_int_equal(store_search_posts(f->s, &f->a, b, w, 1, &pg, &v, &n), 0);
	assert_int_equal(n, 0);
}

static void test_blocks_end_follows(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_account(f, "een"), b = add_account(f, "twee");
	bool ch;
	assert_int_equal(store_follow_set(f->s, a, b, true, &ch), 0);
	assert_int_equal(store_follow_set(f->s, b, a, true, &ch), 0);
	assert_int_equal(store_block_set(f->s, a, b, true), 0);
	bool yes = true;
	assert_int_equal(store_follows(f->s, a, b, &yes), 0);
	assert_false(yes);
	assert_int_equal(store_follows(f->s, b, a, &yes), 0);
	assert_false(yes);
	assert_int_equal(store_blocks(f->s, a, b, &yes), 0);
	assert_true(yes);
	assert_int_equal(store_blocks(f->s, b, a, &yes), 0);
	assert_false(yes);
	uint64_t p = add_post(f, a, VIS_PUBLIC, "x", NULL, 0);
	struct post *got;
	assert_int_equal(store_post_get(f->s, &f->a, b, p, &got), 0);
	assert_true(got->v_blocked);
}

/* The viewer's own lists (blocks both ways, mutes, staff, groups) are read
 * once per page and matched in C; past REL_CAP entries a list is asked row
 * by row.  Both ways give the same flags on every read path. */
static void check_lists(struct fx *f, uint64_t v, const uint64_t *post, size_t n, uint64_t muted)
{
	/* post[0..5]: by the blocker, the blocked, the muted, the organisation,
	 * a stranger, the stranger in the viewer's group */
	struct post *g[6], *h[6];
	assert_int_equal(store_posts_get(f->s, &f->a, v, post, n, g), 0);
	assert_int_equal(store_posts_vis(f->s, &f->a, v, post, n, h), 0);
	for (size_t i = 0; i < n; i++) {
		struct post *one;
		assert_int_equal(store_post_get(f->s, &f->a, v, post[i], &one), 0);
		struct post *p[3] = {g[i], h[i], one};
		for (int k = 0; k < 3; k++) {
			assert_true(p[k]->v_blocked == (i <= 1));
			assert_true(p[k]->v_staff == (i == 3));
			assert_int_equal(p[k]->v_group_role, i == 5 ? 1 : -1);
			if (k != 1) /* POST_VIS does not read mutes for core_post_visible */
				assert_true(p[k]->v_muted == (i == 2));
		}
	}
	struct post **tl;
	size_t m;
	struct page pg = {.limit = 10};
	assert_int_equal(store_tl_profile(f->s, &f->a, v, muted, &pg, &tl, &m), 0);
	assert_int_equal(m, 1);
	assert_true(tl[0]->v_muted && !tl[0]->v_blocked);
	struct post *anon;
	assert_int_equal(store_post_get(f->s, &f->a, 0, post[1], &anon), 0);
	assert_false(anon->v_blocked || anon->v_muted || anon->v_staff);
	assert_int_equal(anon->v_group_role, -1);
}

static void test_viewer_lists(void **state)
{
	struct fx *f = *state;
	uint64_t v = add_account(f, "lezer"), who[5];
	const char *names[5] = {"blokkeert", "geblokt", "gedempt", "organisatie", "vreemde"};
	uint64_t post[6];
	for (int i = 0; i < 5; i++) {
		who[i] = add_account(f, names[i]);
		post[i] = add_post(f, who[i], VIS_PUBLIC, "hallo", NULL, 0);
	}
	post[5] = add_post(f, who[4], VIS_PUBLIC, "in de groep", NULL, 0);
	struct db *db = store_db(f->s);
	assert_int_equal(db_exec(db, "UPDATE posts SET group_id = 4242 WHERE id = ?1", "u", post[5]), 0);
	assert_int_equal(store_block_set(f->s, who[0], v, true), 0);
	assert_int_equal(store_block_set(f->s, v, who[1], true), 0);
	assert_int_equal(db_exec(db, "INSERT INTO mutes (account_id, target_id) VALUES (?1, ?2)", "uu", v, who[2]), 0);
	assert_int_equal(db_exec(db, "INSERT INTO org_staff (org_id, person_id) VALUES (?1, ?2)", "uu", who[3], v), 0);
	assert_int_equal(db_exec(db,
	                         "INSERT INTO group_members (group_id, account_id, role, state, since)"
	                         " VALUES (4242, ?1, 1, 0, 1), (4242, ?2, 2, 1, 1)",
	                         "uu", v, who[4]),
	                 0);
	check_lists(f, v, post, 6, who[2]);
	/* Lists longer than REL_CAP (1024): every one of them, both ways. */
	/* Whole statements: the statement cache knows a statement by its text's
	 * address. */
#define N1100 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100) "
	const char *fill[] = {
		N1100 "INSERT INTO blocks (account_id, target_id) SELECT 9000000 + i, ?1 FROM n",
		N1100 "INSERT INTO blocks (account_id, target_id) SELECT ?1, 9000000 + i FROM n",
		N1100 "INSERT INTO mutes (account_id, target_id) SELECT ?1, 9000000 + i FROM n",
		N1100 "INSERT INTO org_staff (org_id, person_id) SELECT 9000000 + i, ?1 FROM n",
		N1100 "INSERT INTO group_members (group_id, account_id, role, state, since) SELECT 9000000 + i, ?1, 0, 0, 1"
		      " FROM n",
	};
#undef N1100
	assert_int_equal(db_exec(db, "PRAGMA foreign_keys = OFF", ""), 0); /* org_staff names accounts */
	for (size_t i = 0; i < sizeof fill / sizeof *fill; i++)
		assert_int_equal(db_exec(db, fill[i], "u", v), 0);
	check_lists(f, v, post, 6, who[2]);
}

/* A yes-or-no question the database cannot answer is an error, never a
 * "no" (a block check that failed open let messages through). */
static void test_predicates_fail_closed(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_account(f, "een"), b = add_account(f, "twee"), m = 77;
	uint64_t p = add_post(f, a, VIS_PUBLIC, "x", NULL, 0);
	struct db *db = store_db(f->s);
	assert_int_equal(db_exec(db, "ALTER TABLE blocks RENAME TO blocks_gone", ""), 0);
	assert_int_equal(db_exec(db, "ALTER TABLE post_media RENAME TO post_media_gone", ""), 0);
	assert_int_equal(db_exec(db, "ALTER TABLE org_staff RENAME TO org_staff_gone", ""), 0);
	bool yes = false;
	assert_int_not_equal(store_blocks(f->s, a, b, &yes), 0);
	assert_int_not_equal(store_staff_is(f->s, a, b, &yes), 0);
	struct post *got;
	assert_int_not_equal(store_post_get(f->s, &f->a, b, p, &got), 0); /* not "unblocked" */
	assert_int_not_equal(store_media_attached(f->s, m, &yes), 0);
	assert_true(yes); /* in doubt, in use: never deleted */
	assert_int_equal(db_exec(db, "ALTER TABLE blocks_gone RENAME TO blocks", ""), 0);
	assert_int_equal(db_exec(db, "ALTER TABLE post_media_gone RENAME TO post_media", ""), 0);
	assert_int_equal(db_exec(db, "ALTER TABLE org_staff_gone RENAME TO org_staff", ""), 0);
	assert_int_equal(store_blocks(f->s, a, b, &yes), 0);
	assert_false(yes);
}

/* Counts kept by triggers: public posts only, follows both ways, and the
 * batch fetch gives the same numbers as the single one. */
static void test_account_stats(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_account(f, "sa"), b = add_account(f, "sb");
	uint64_t p1 = add_post(f, a, VIS_PUBLIC, "een", NULL, 0);
	add_post(f, a, VIS_FOLLOWERS, "twee", NULL, 0);
	add_post(f, a, VIS_DIRECT, "drie", &b, 1);
	uint64_t p4 = add_post(f, a, VIS_PUBLIC, "vier", NULL, 0);
	bool ch;
	assert_int_equal(store_follow_set(f->s, b, a, true, &ch), 0);
	assert_int_equal(store_boost_set(f->s, b, p1, true, id_new(), 2, &ch), 0);
	struct account *acc;
	assert_int_equal(store_account_get(f->s, &f->a, a, &acc), 0);
	assert_false(acc->has_counts);
	assert_int_equal(store_account_counts(f->s, acc), 0);
	assert_true(acc->has_counts);
	assert_int_equal(acc->posts, 2);
	assert_int_equal(acc->followers, 1);
	assert_int_equal(acc->following, 0);
	assert_int_equal(acc->last_post_at, 1);
	/* A boost is not one of b's posts. */
	uint64_t ids[2] = {b, a};
	struct account *many[2];
	assert_int_equal(store_accounts_get(f->s, &f->a, ids, 2, many), 0);
	assert_true(many[0] && many[0]->id == b && many[0]->has_counts);
	assert_int_equal(many[0]->posts, 0);
	assert_int_equal(many[0]->following, 1);
	assert_true(many[1] && many[1]->id == a);
	assert_int_equal(many[1]->posts, 2);
	/* Deleting and unfollowing count down; with no public post left there is
	 * no last post. */
	assert_int_equal(store_post_delete(f->s, p4), 0);
	assert_int_equal(store_follow_set(f->s, b, a, false, &ch), 0);
	assert_int_equal(store_account_counts(f->s, acc), 0);
	assert_int_equal(acc->posts, 1);
	assert_int_equal(acc->followers, 0);
	assert_int_equal(store_post_delete(f->s, p1), 0);
	assert_int_equal(store_account_counts(f->s, acc), 0);
	assert_int_equal(acc->posts, 0);
	assert_int_equal(acc->last_post_at, 0);
	/* Unknown ids give NULL, in their place. */
	uint64_t none[3] = {a, 12345, a};
	struct account *got[3];
	assert_int_equal(store_accounts_get(f->s, &f->a, none, 3, got), 0);
	assert_true(got[0] && !got[1] && got[2] == got[0]);
}

/* A post in think time is counted by the triggers at once; until it is
 * released the counts leave it out again (account, tag, replies). */
static void test_held_counts(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_account(f, "ha");
	uint64_t p1 = add_post(f, a, VIS_PUBLIC, "een", NULL, 0);
	const char *tags[] = {"zorg"};
	struct post_new h = {.id = id_new(), .author_id = a, .writer_id = a, .visibility = VIS_PUBLIC,
	                     .text = "wacht", .created_at = 2, .publish_at = time_now() + 60, .tags = tags,
	                     .ntags = 1, .in_reply_to = p1, .root_id = p1};
	assert_int_equal(store_post_insert(f->s, &h), 0);
	struct post_new d = {.id = id_new(), .author_id = a, .writer_id = a, .visibility = VIS_DIRECT,
	                     .text = "prive", .created_at = 3, .in_reply_to = p1, .root_id = p1,
	                     .recipients = &a, .nrecipients = 1};
	assert_int_equal(store_post_insert(f->s, &d), 0);
	struct account *acc;
	assert_int_equal(store_account_get(f->s, &f->a, a, &acc), 0);
	assert_int_equal(store_account_counts(f->s, acc), 0);
	assert_int_equal(acc->posts, 1);
	assert_int_equal(acc->last_post_at, 1);
	struct account *many[2];
	uint64_t ids[2] = {a, a};
	assert_int_equal(store_accounts_get(f->s, &f->a, ids, 2, many), 0);
	assert_int_equal(many[0]->posts, 1);
	assert_int_equal(many[0]->last_post_at, 1);
	assert_int_equal(store_tag_count(f->s, "zorg"), 1);
	const char **found;
	int64_t *counts;
	size_t n;
	assert_int_equal(store_search_tags(f->s, &f->a, "zo", 10, &found, &counts, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(counts[0], 1);
	/* The direct reply is never counted, the held one not yet. */
	struct post *p;
	assert_int_equal(store_post_get(f->s, &f->a, a, p1, &p), 0);
	assert_int_equal(p->replies, 1);
	assert_int_equal(store_posts_replies_held(f->s, &p, 1), 0);
	assert_int_equal(p->replies, 0);
}

/* What the API shows beside a post, for a page that holds one post twice
 * and more posts than one statement takes. */
static void test_post_extras(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_account(f, "ea"), b = add_account(f, "eb");
	size_t n = DB_IDS + 5;
	struct post **v = arena_alloc(&f->a, n * sizeof *v);
	uint64_t first = add_post(f, a, VIS_DIRECT, "voor b", &b, 1);
	for (size_t i = 0; i < n; i++) {
		uint64_t id = i == 0 || i == n - 1 ? first : add_post(f, a, VIS_PUBLIC, "p", NULL, 0);
		assert_int_equal(store_post_get(f->s, &f->a, a, id, &v[i]), 0);
	}
	assert_int_equal(store_mark_set(f->s, MARK_BOOKMARK, a, v[3]->id, true), 0);
	/* a's pin of its own post; b's "pin" of a's post shows to no one */
	assert_int_equal(store_mark_set(f->s, MARK_PIN, a, v[4]->id, true), 0);
	assert_int_equal(store_mark_set(f->s, MARK_PIN, b, v[5]->id, true), 0);
	struct db *db = store_db(f->s);
	assert_int_equal(db_exec(db, "INSERT INTO polls (post_id, expires_at) VALUES (?1, 0)", "u", v[6]->id), 0);
	assert_int_equal(db_exec(db,
	                         "INSERT INTO post_meta (post_id, spoiler_text, sensitive, language, app_id)"
	                         " VALUES (?1, 'let op', 1, 'nl', 77)",
	                         "u", v[7]->id),
	                 0);
	assert_int_equal(store_post_extras(f->s, &f->a, a, v, n), 0);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(v[i]->x);
		assert_int_equal(v[i]->x->ntags, 1); /* each row reaches each copy once */
		assert_string_equal(v[i]->x->tags[0], "zorg");
		assert_int_equal(v[i]->x->bookmarked, i == 3);
		assert_int_equal(v[i]->x->pinned, i == 4);
		assert_int_equal(v[i]->x->has_poll, i == 6);
		assert_string_equal(v[i]->x->meta.spoiler_text, i == 7 ? "let op" : "");
		assert_int_equal(v[i]->x->meta.sensitive, i == 7);
		assert_int_equal(v[i]->x->meta.app_id, i == 7 ? 77 : 0);
	}
	assert_int_equal(v[0]->x->nmentions, 1);
	assert_int_equal(v[n - 1]->x->nmentions, 1);
	assert_string_equal(v[n - 1]->x->mentions[0].username, "eb");
	assert_int_equal(v[1]->x->nmentions, 0);
	/* Another reader: not their bookmark, and no pin of theirs. */
	assert_int_equal(store_post_extras(f->s, &f->a, b, v, n), 0);
	for (size_t i = 0; i < n; i++) {
		assert_false(v[i]->x->bookmarked);
		assert_false(v[i]->x->pinned);
		assert_int_equal(v[i]->x->has_poll, i == 6);
	}
}

/* The viewer's lists kept for a request's next page are read afresh after
 * the request wrote (a block in the middle of it), and after its scope. */
static void test_viewer_lists_kept(void **state)
{
	struct fx *f = *state;
	uint64_t v = add_account(f, "kijker"), w = add_account(f, "schrijver");
	uint64_t id = add_post(f, w, VIS_PUBLIC, "hallo", NULL, 0);
	struct post *p;
	assert_int_equal(store_read_begin(f->s), 0);
	assert_int_equal(store_post_get(f->s, &f->a, v, id, &p), 0);
	assert_false(p->v_blocked);
	assert_int_equal(store_post_get(f->s, &f->a, v, id, &p), 0); /* from the kept lists */
	assert_false(p->v_blocked);
	assert_int_equal(store_block_set(f->s, v, w, true), 0);
	assert_int_equal(store_post_get(f->s, &f->a, v, id, &p), 0);
	assert_true(p->v_blocked);
	store_read_end(f->s);
	assert_int_equal(store_read_begin(f->s), 0);
	assert_int_equal(store_post_get(f->s, &f->a, v, id, &p), 0);
	assert_true(p->v_blocked);
	store_read_end(f->s);
	assert_int_equal(store_block_set(f->s, v, w, false), 0);
	assert_int_equal(store_read_begin(f->s), 0);
	assert_int_equal(store_post_get(f->s, &f->a, v, id, &p), 0);
	assert_false(p->v_blocked);
	store_read_end(f->s);
}

/* Tag suggestions count public posts only, and follow deletes and edits. */
static void test_tag_stats(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_account(f, "ta");
	uint64_t p1 = add_post(f, a, VIS_PUBLIC, "een", NULL, 0); /* add_post tags "zorg" */
	add_post(f, a, VIS_PUBLIC, "twee", NULL, 0);
	add_post(f, a, VIS_FOLLOWERS, "drie", NULL, 0);
	const char **tags;
	int64_t *counts;
	size_t n;
	assert_int_equal(store_search_tags(f->s, &f->a, "zo", 10, &tags, &counts, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(tags[0], "zorg");
	assert_int_equal(counts[0], 2);
	const char *nt[] = {"zorgpad"};
	assert_int_equal(store_post_update(f->s, p1, "een", "een", nt, 1, NULL, 0, 5), 0);
	assert_int_equal(store_search_tags(f->s, &f->a, "zorg", 10, &tags, &counts, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(counts[0], 1);
	assert_int_equal(counts[1], 1);
	assert_int_equal(store_post_delete(f->s, p1), 0);
	assert_int_equal(store_search_tags(f->s, &f->a, "zorg", 10, &tags, &counts, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(tags[0], "zorg");
}

/* More ids than one statement takes (DB_IDS) are fetched in several. */
static void test_posts_get_many(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_account(f, "pm");
	uint64_t ids[DB_IDS * 2 + 3];
	size_t n = sizeof ids / sizeof ids[0];
	for (size_t i = 0; i < n; i++)
		ids[i] = add_post(f, a, VIS_PUBLIC, "veel", NULL, 0);
	assert_int_equal(store_post_delete(f->s, ids[DB_IDS + 1]), 0);
	ids[5] = 999; /* no such post */
	struct post **got = arena_alloc(&f->a, n * sizeof *got);
	assert_int_equal(store_posts_get(f->s, &f->a, a, ids, n, got), 0);
	for (size_t i = 0; i < n; i++) {
		if (i == 5 || i == DB_IDS + 1)
			assert_null(got[i]);
		else
			assert_true(got[i] && got[i]->id == ids[i] && !strcmp(got[i]->text, "veel"));
	}
}

/* The viewer's relations to posts read by id, a few and a page of them.
 * On PostgreSQL the few take a look-up per row and the page hashes of the
 * viewer's lists (store_posts_get; tests/blackbox/test_boost_relations.py
 * reads both there); on SQLite both are the one statement. */
static void test_posts_get_relations(void **state)
{
	struct fx *f = *state;
	uint64_t v = add_account(f, "kijker"), a = add_account(f, "gevolgd"), o = add_account(f, "ander"),
	         org = add_account(f, "zorgorg");
	bool ch;
	assert_int_equal(store_follow_set(f->s, v, a, true, &ch), 0);
	assert_int_equal(db_exec(store_db(f->s), "INSERT INTO org_staff (org_id, person_id) VALUES (?1, ?2)", "uu", org,
	                         v),
	                 0);
	uint64_t ids[20];
	ids[0] = add_post(f, a, VIS_PUBLIC, "gevolgd", NULL, 0);
	ids[1] = add_post(f, o, VIS_DIRECT, "aan jou", &v, 1);
	ids[2] = add_post(f, o, VIS_DIRECT, "aan je organisatie", &org, 1);
	ids[3] = add_post(f, o, VIS_PUBLIC, "vreemd", NULL, 0);
	for (size_t i = 4; i < 20; i++)
		ids[i] = add_post(f, o, VIS_PUBLIC, "vulling", NULL, 0);
	assert_int_equal(store_fav_set(f->s, v, ids[0], true, &ch), 0);
	assert_int_equal(store_boost_set(f->s, v, ids[0], true, id_new(), 2, &ch), 0);
	assert_int_equal(store_fav_set(f->s, a, ids[3], true, &ch), 0); /* someone else's */
	size_t sizes[2] = {4, 20}; /* the few and the page */
	for (int k = 0; k < 2; k++) {
		struct post *g[20];
		assert_int_equal(store_posts_get(f->s, &f->a, v, ids, sizes[k], g), 0);
		assert_true(g[0]->v_follows_author && g[0]->v_faved && g[0]->v_boosted && !g[0]->v_recipient);
		assert_true(g[1]->v_recipient && !g[1]->v_follows_author && !g[1]->v_faved && !g[1]->v_staff_recipient);
		assert_true(g[2]->v_staff_recipient && !g[2]->v_recipient);
		assert_true(!g[3]->v_follows_author && !g[3]->v_faved && !g[3]->v_boosted && !g[3]->v_recipient &&
		            !g[3]->v_staff_recipient);
	}
}

/* A pair (post, viewer) is one person reached, counted on its day once,
 * however often it is written (each flush of views writes its pairs anew). */
static void test_reach_pairs_counted_once(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_account(f, "schrijver"), b = add_account(f, "lezer"), c = add_account(f, "buur");
	uint64_t post = add_post(f, a, VIS_PUBLIC, "hallo", NULL, 0);
	int64_t day = 20000;
	uint64_t pairs[] = {post, b, post, c};
	for (int i = 0; i < 2; i++) {
		assert_int_equal(store_begin(f->s), 0);
		assert_int_equal(store_finish(f->s, store_reach_add(f->s, pairs, 1, day)), 0);
	}
	assert_int_equal(store_begin(f->s), 0);
	assert_int_equal(store_finish(f->s, store_reach_add(f->s, pairs, 2, day)), 0);
	int64_t n = 0;
	assert_int_equal(store_reach_count(f->s, post, &n), 0);
	assert_int_equal(n, 2);
	struct trend_day *d;
	size_t nd = 0;
	assert_int_equal(store_trend_days(f->s, &f->a, 0, a, day, day + 1, 10, &d, &nd), 0);
	assert_int_equal(nd, 1);
	assert_int_equal(d[0].n, 2);
	/* a flush with a viewer's two new posts of one author counts both (one
	 * statement per viewer adds its count), and pairs already there none */
	uint64_t post2 = add_post(f, a, VIS_PUBLIC, "nog een", NULL, 0), post3 = add_post(f, a, VIS_PUBLIC, "derde", NULL, 0);
	uint64_t more[] = {post, b, post2, b, post3, b, post2, c};
	assert_int_equal(store_begin(f->s), 0);
	assert_int_equal(store_finish(f->s, store_reach_add(f->s, more, 4, day)), 0);
	assert_int_equal(store_reach_count(f->s, post2, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_trend_days(f->s, &f->a, 0, a, day, day + 1, 10, &d, &nd), 0);
	assert_int_equal(nd, 1);
	assert_int_equal(d[0].n, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrations_idempotent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_accounts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tokens_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_posts_and_paging, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edit_delete_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_blocks_end_follows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_predicates_fail_closed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_viewer_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_account_stats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_held_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_posts_get_many, setup, teardown),
		cmocka_unit_test_setup_teardown(test_posts_get_relations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tag_stats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_post_extras, setup, teardown),
		cmocka_unit_test_setup_teardown(test_viewer_lists_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reach_pairs_counted_once, setup, teardown),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
