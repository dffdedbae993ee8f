/*
 * Home feeds kept at write time (issue 15).
 *
 * feeds (account_id, post_id) holds, for every reader with a feed_floor row,
 * a SUPERSET of their home timeline from feed_floor.floor up: every post the
 * home rule (store_tl_home's HOME_WHERE: own posts, followees' posts, posts
 * of their groups, posts addressed to them) takes in with an id >= floor has
 * a row.  Rows that no longer match (unfollow, leaving or muting a group,
 * deletion) may stay: the read checks the home rule again for the page's rows
 * and core_post_visible decides visibility, so a stale row never shows what
 * the reader may not see.  Below the floor the timeline is read the old way.
 *
 * Keeping the superset complete:
 *   - a new post (and a boost) goes to its author, the author's followers,
 *     every member row of its group and its recipients.  Its own transaction
 *     only queues it in feed_pending; the read takes the pending posts that
 *     match the home rule too, so the post is in its readers' home timelines
 *     at once.  The flusher thread (below; kicked after the commit) moves
 *     the pending posts into the feeds in batches, off the request path: a
 *     post costs about one B-tree page per follower, and a batch of posts
 *     shares those pages, so posting by an account with thousands of
 *     followers neither waits for its fan-out nor holds the write lock for
 *     every post.  A post in think time or waiting for a
 *     moderator gets its rows at once: its position is its id, and core
 *     hides it until it goes out, exactly as the old query did;
 *   - an edit that adds recipients fans out again;
 *   - a new follow or group membership back-fills the followee's / group's
 *     posts above the floor (at most feed_size() of them; if there are
 *     more, the floor rises to the oldest one taken).
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/mem.h"
#include "base/err.h"
#include "base/log.h"
#include "base/id.h"
#include "base/text.h"
#include "store/store_int.h"

/* KRING_FEED_SIZE (tests only: a small feed makes every read cross the
 * floor) or FEED_BACKFILL. */
int feed_size(void)
{
	static int size = 0;
	if (!size) {
		uint64_t v = 0;
		const char *e = getenv("KRING_FEED_SIZE");
		size = e && parse_u64(e, &v) && v >= 1 && v <= 100000 ? (int)v : FEED_BACKFILL;
	}
	return size;
}

/* The feeds' advisory lock on PostgreSQL ("feeds" in ASCII).  Without a
 * database-wide write lock, a follow's back-fill (reading the followee's
 * posts) and the flusher (reading the follows of a pending post's author)
 * could each miss what the other has not committed yet, and the post would
 * reach neither way.  So whatever writes feed rows from the rules (back-fill,
 * fan-out, the first build of a feed) holds this lock shared until its
 * transaction ends, and the flusher takes it exclusively before its snapshot:
 * each sees the other's committed work.  Posting itself does not take it. */
#define FEED_LOCK "439788069235"

int feed_lock_shared(struct db *db)
{
	return db->drv == &db_pg ? db_exec(db, "SELECT pg_advisory_xact_lock_shared(" FEED_LOCK ")", "") : 0;
}

int feed_fanout(struct db *db, uint64_t post)
{
	int rc = feed_lock_shared(db);
	if (rc)
		return rc;
	return db_exec(db,
	               "INSERT INTO feeds (account_id, post_id) SELECT x.a, CAST(?1 AS BIGINT) FROM ("
	               " SELECT fo.follower_id AS a FROM posts p JOIN follows fo ON fo.followee_id = p.author_id"
	               "  WHERE p.id = ?1"
	               " UNION ALL SELECT p.author_id AS a FROM posts p WHERE p.id = ?1"
	               " UNION ALL SELECT gm.account_id AS a FROM posts p JOIN group_members gm ON gm.group_id = p.group_id"
	               "  WHERE p.id = ?1 AND p.group_id <> 0"
	               " UNION ALL SELECT r.account_id AS a FROM post_recipients r WHERE r.post_id = ?1) x"
	               " JOIN feed_floor ff ON ff.account_id = x.a WHERE true ON CONFLICT DO NOTHING",
	               "u", post);
}

int feed_queue(struct db *db, uint64_t post)
{
	return db_exec(db, "INSERT INTO feed_pending (post_id) VALUES (?1) ON CONFLICT DO NOTHING", "u", post);
}

/* KRING_FEED_FLUSH=0 (tests only): posts stay pending, read from there. */
static bool flush_off(void)
{
	static int off = -1;
	if (off < 0) {
		const char *e = getenv("KRING_FEED_FLUSH");
		off = e && !strcmp(e, "0");
	}
	return off;
}

/*
 * Move at most FEED_FLUSH_BATCH of the oldest pending posts into their
 * readers' feeds in one transaction; *left: whether more wait.  The
 * followers' rows come author by author, follower by follower, each
 * follower's posts together: every reader's feed page is visited once per
 * batch (in key order), not once per post, without sorting the rows.  On
 * SQLite writes are serialised (BEGIN IMMEDIATE), so nothing enters
 * feed_pending below top while this runs.  On PostgreSQL the batch holds the
 * feeds' lock exclusively (FEED_LOCK) and reads one snapshot taken after it
 * (REPEATABLE READ): a post committed meanwhile below top is neither fanned
 * out nor deleted, it waits for the next batch.
 */
static int flush_batch(struct db *db, bool *left)
{
	int64_t top = 0, more = 0;
	*left = false;
	bool pg = db->drv == &db_pg;
	if (pg && db->drv->exec(db, "SELECT pg_advisory_lock(" FEED_LOCK ")"))
		return ERR_BUSY;
	int rc = db_begin(db);
	if (!rc && pg)
		rc = db->drv->exec(db, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
	if (!rc)
		rc = db_scalar(db, &top, 0, "SELECT post_id FROM feed_pending ORDER BY post_id LIMIT 1 OFFSET ?1", "i",
		               (int64_t)(FEED_FLUSH_BATCH - 1));
	if (!rc && top)
		rc = db_scalar(db, &more, 0, "SELECT 1 FROM feed_pending WHERE post_id > ?1 LIMIT 1", "u", (uint64_t)top);
	if (!rc && !top)
		rc = db_scalar(db, &top, 0, "SELECT MAX(post_id) FROM feed_pending", "");
	if (!rc && top)
		rc = db_exec(db,
		             "INSERT INTO feeds (account_id, post_id) SELECT x.a, x.pid FROM ("
		             " SELECT fo.follower_id AS a, p.id AS pid FROM (SELECT DISTINCT p2.author_id AS id"
		             "  FROM feed_pending q2 CROSS JOIN posts p2 WHERE q2.post_id <= ?1 AND p2.id = q2.post_id) au"
		             "  CROSS JOIN follows fo CROSS JOIN feed_pending q CROSS JOIN posts p WHERE fo.followee_id = au.id"
		             "  AND q.post_id <= ?1 AND p.id = q.post_id AND p.author_id = au.id"
		             " UNION ALL SELECT p.author_id AS a, p.id AS pid FROM feed_pending q CROSS JOIN posts p"
		             "  WHERE q.post_id <= ?1 AND p.id = q.post_id"
		             " UNION ALL SELECT gm.account_id AS a, p.id AS pid FROM feed_pending q CROSS JOIN posts p"
		             "  CROSS JOIN group_members gm WHERE q.post_id <= ?1 AND p.id = q.post_id AND p.group_id <> 0"
		             "  AND gm.group_id = p.group_id"
		             " UNION ALL SELECT r.account_id AS a, r.post_id AS pid FROM feed_pending q CROSS JOIN post_recipients r"
		             "  WHERE q.post_id <= ?1 AND r.post_id = q.post_id) x"
		             " JOIN feed_floor ff ON ff.account_id = x.a WHERE true ON CONFLICT DO NOTHING",
		             "u", (uint64_t)top);
	if (!rc && top)
		rc = db_exec(db, "DELETE FROM feed_pending WHERE post_id <= ?1", "u", (uint64_t)top);
	rc = db_finish(db, rc);
	if (pg && db->drv->exec(db, "SELECT pg_advisory_unlock(" FEED_LOCK ")"))
		log_warn("feeds: cannot release the flusher's lock (it goes with the connection)");
	*left = !rc && more;
	return rc;
}

static int feed_flush(struct store *s)
{
	DB_OR_FAIL(s);
	bool left = true;
	int rc = 0;
	int tries = 0;
	for (int i = 0; i < FEED_FLUSH_ROUNDS && left && !rc; i++)
		do
			rc = flush_batch(db, &left);
		while (db_again(db, rc, &tries));
	return rc;
}

/*
 * The flusher: one thread per store, started by the first post, that moves
 * the queue into the feeds at most every FEED_FLUSH_MS, off the request
 * path.  A post's request only writes its feed_pending row; the posts of
 * FEED_FLUSH_MS share their readers' B-tree pages in one transaction, and
 * the write lock is held for a batch at a time, so other writers get in
 * between.  Its own connection keeps the fan-out's pages out of the request
 * threads' caches.  A flush that fails leaves the posts pending (still
 * read); the next kick retries.
 */
struct feed_flusher {
	struct store *s;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool kicked, stop;
};

static void *flusher_main(void *arg)
{
	struct feed_flusher *f = arg;
	int64_t last = 0;
	/* SQLite: a small page cache (a batch visits each reader's page once,
	 * in key order, so a larger one buys nothing but memory); commits need
	 * not wait for fsync: a flush lost in a crash is lost with its
	 * feed_pending deletions, so those posts are flushed again (and every
	 * later durable commit syncs the log up to it).  Its temporary files
	 * on disk, not in memory: the statement journal of a batch's insert
	 * (the old content of every feed page it changes) was 32 MB of the
	 * server's peak RSS when the most-followed account posted. */
	struct db *db = store_db(f->s);
	if (db && db->drv == &db_sqlite &&
	    (db_exec(db, "PRAGMA synchronous=NORMAL", "") || db_exec(db, "PRAGMA cache_size=-" FEED_FLUSH_CACHE_KB, "") ||
	     db_exec(db, "PRAGMA temp_store=FILE", "")))
		log_warn("feeds: the flusher keeps the default cache");
	pthread_mutex_lock(&f->lock);
	for (;;) {
		while (!f->kicked && !f->stop)
			pthread_cond_wait(&f->cond, &f->lock);
		if (!f->kicked)
			break;
		/* Wait out the rest of FEED_FLUSH_MS since the last flush (or the
		 * stop): what is posted meanwhile goes in the same batch. */
		int64_t due = last + FEED_FLUSH_MS;
		while (!f->stop && time_ms() < due) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			int64_t wait = due - time_ms();
			if (wait <= 0)
				break;
			ts.tv_sec += wait / 1000;
			ts.tv_nsec += (wait % 1000) * 1000000L;
			if (ts.tv_nsec >= 1000000000L) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&f->cond, &f->lock, &ts);
		}
		f->kicked = false;
		pthread_mutex_unlock(&f->lock);
		last = time_ms();
		if (feed_flush(f->s))
			log_warn("feeds: flush failed; the posts stay pending (still read) until the next post");
		pthread_mutex_lock(&f->lock);
	}
	pthread_mutex_unlock(&f->lock);
	store_thread_done(f->s);
	return NULL;
}

struct feed_flusher *feed_flusher_start(struct store *s)
{
	if (flush_off())
		return NULL;
	struct feed_flusher *f = xcalloc(1, sizeof *f);
	f->s = s;
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->cond, NULL);
	if (pthread_create(&f->thread, NULL, flusher_main, f)) {
		log_warn("feeds: cannot start the flusher; posts are read from the queue");
		pthread_cond_destroy(&f->cond);
		pthread_mutex_destroy(&f->lock);
		free(f);
		return NULL;
	}
	return f;
}

void feed_flusher_kick(struct feed_flusher *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->lock);
	f->kicked = true;
	pthread_cond_signal(&f->cond);
	pthread_mutex_unlock(&f->lock);
}

void feed_flusher_stop(struct feed_flusher *f)
{
	if (!f)
		return;
	/* A last flush of what is queued, then the thread ends. */
	pthread_mutex_lock(&f->lock);
	f->stop = true;
	pthread_cond_signal(&f->cond);
	pthread_mutex_unlock(&f->lock);
	pthread_join(f->thread, NULL);
	pthread_cond_destroy(&f->cond);
	pthread_mutex_destroy(&f->lock);
	free(f);
}

/* Back-fill the newest posts matching `where_col = owner` into reader's
 * feed; raise the floor when there are more than FEED_BACKFILL of them. */
static int backfill(struct db *db, uint64_t reader, uint64_t owner, const char *cut_sql, const char *ins_sql)
{
	int64_t has = 0;
	int rc = feed_lock_shared(db);
	if (!rc)
		rc = db_scalar(db, &has, 0, "SELECT 1 FROM feed_floor WHERE account_id = ?1", "u", reader);
	if (rc || !has)
		return rc;
	int64_t cut = 0;
	if ((rc = db_scalar(db, &cut, 0, cut_sql, "ui", owner, (int64_t)(feed_size() - 1))))
		return rc;
	if (cut && (rc = db_exec(db, "UPDATE feed_floor SET floor = ?2 WHERE account_id = ?1 AND floor < ?2", "uu",
	                         reader, (uint64_t)cut)))
		return rc;
	return db_exec(db, ins_sql, "uu", reader, owner);
}

int feed_backfill_author(struct db *db, uint64_t reader, uint64_t author)
{
	return backfill(db, reader, author,
	                "SELECT id FROM posts WHERE author_id = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2",
	                "INSERT INTO feeds (account_id, post_id) SELECT ff.account_id, p.id FROM feed_floor ff"
	                " JOIN posts p ON p.author_id = ?2 AND p.id >= ff.floor"
	                " WHERE ff.account_id = ?1 ON CONFLICT DO NOTHING");
}

int feed_backfill_group(struct db *db, uint64_t reader, uint64_t group)
{
	return backfill(db, reader, group,
	                "SELECT id FROM posts WHERE group_id = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2",
	                "INSERT INTO feeds (account_id, post_id) SELECT ff.account_id, p.id FROM feed_floor ff"
	                " JOIN posts p ON p.group_id = ?2 AND p.id >= ff.floor"
	                " WHERE ff.account_id = ?1 ON CONFLICT DO NOTHING");
}
