/* Scheduled posts: portable SQL with numbered parameters, as post.c. */
#include "store/store_sched.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

#define COLS                                                                                                   \
	"id, account_id, author_id, scheduled_at, text, visibility, visibility_default, in_reply_to,"              \
	" spoiler_text, sensitive, language, poll_options, poll_expires_in, poll_multiple, confirm, state, error," \
	" created_at, group_id"

static void row(struct db_stmt *st, struct arena *a, void *row)
{
	struct sched_post *p = row;
	p->id = db_u64(st, 0);
	p->account_id = db_u64(st, 1);
	p->author_id = db_u64(st, 2);
	p->scheduled_at = db_i64(st, 3);
	p->text = arena_strdup(a, db_text(st, 4));
	p->visibility = (int)db_i64(st, 5);
	p->visibility_default = db_i64(st, 6) != 0;
	p->in_reply_to = db_u64(st, 7);
	p->spoiler_text = arena_strdup(a, db_text(st, 8));
	p->sensitive = db_i64(st, 9) != 0;
	p->language = arena_strdup(a, db_text(st, 10));
	p->poll_options = arena_strdup(a, db_text(st, 11));
	p->poll_expires_in = db_i64(st, 12);
	p->poll_multiple = db_i64(st, 13) != 0;
	p->confirm = db_i64(st, 14) != 0;
	p->state = (int)db_i64(st, 15);
	p->error = arena_strdup(a, db_text(st, 16));
	p->created_at = db_i64(st, 17);
	p->group_id = db_u64(st, 18);
}

int store_sched_insert(struct store *s, const struct sched_post *p)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO scheduled_posts (" COLS ")"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 0, '', ?16, ?17)",
	               "uuuisiiusissiiiiu", p->id, p->account_id, p->author_id, p->scheduled_at, p->text,
	               (int64_t)p->visibility, (int64_t)p->visibility_default, p->in_reply_to, p->spoiler_text,
	               (int64_t)p->sensitive, p->language, p->poll_options, p->poll_expires_in,
	               (int64_t)p->poll_multiple, (int64_t)p->confirm, p->created_at, p->group_id);
}

int store_sched_list(struct store *s, struct arena *a, uint64_t account, const struct page *pg,
                     struct sched_post **out, size_t *n)
{
	DB_OR_FAIL(s);
	uint64_t cur = pg->max_id ? pg->max_id : UINT64_MAX >> 1;
	struct db_stmt *st = db_query(db,
	                              "SELECT " COLS " FROM scheduled_posts"
	                              " WHERE account_id = ?1 AND id < ?2 AND id > ?3 ORDER BY id DESC LIMIT ?4",
	                              "uuui", account, cur, pg->min_id, (int64_t)pg->limit);
	return DB_ROWS(st, a, (size_t)pg->limit, row, out, n);
}

int store_sched_get(struct store *s, struct arena *a, uint64_t account, uint64_t id, struct sched_post *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st =
		account ? db_query(db, "SELECT " COLS " FROM scheduled_posts WHERE id = ?1 AND account_id = ?2", "uu", id,
		                   account)
		        : db_query(db, "SELECT " COLS " FROM scheduled_posts WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc)
		row(st, a, out);
	/* Always: a statement left stepped would keep this connection's old snapshot. */
	db_done(st);
	return rc;
}

int store_sched_count(struct store *s, uint64_t account, int64_t *n)
{
	DB_OR_FAIL(s);
	return db_scalar(db, n, 0, "SELECT COUNT(*) FROM scheduled_posts WHERE account_id = ?1", "u", account);
}

static int changed(struct db *db, int rc)
{
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

int store_sched_set_time(struct store *s, uint64_t account, uint64_t id, int64_t at)
{
	DB_OR_FAIL(s);
	return changed(db, db_exec(db,
	                           "UPDATE scheduled_posts SET scheduled_at = ?3, state = 0, error = ''"
	                           " WHERE id = ?1 AND account_id = ?2",
	                           "uui", id, account, at));
}

int store_sched_delete(struct store *s, uint64_t account, uint64_t id)
{
	DB_OR_FAIL(s);
	int rc = account ? db_exec(db, "DELETE FROM scheduled_posts WHERE id = ?1 AND account_id = ?2", "uu", id, account)
	                 : db_exec(db, "DELETE FROM scheduled_posts WHERE id = ?1", "u", id);
	return changed(db, rc);
}

int store_sched_fail(struct store *s, uint64_t id, const char *error)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE scheduled_posts SET state = 1, error = ?2 WHERE id = ?1", "us", id, error);
}
