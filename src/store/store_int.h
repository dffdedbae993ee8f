#ifndef STORE_STORE_INT_H
#define STORE_STORE_INT_H

/* Internal to store/: shared between the domain functions and migrations. */

#include "store/db.h"
#include "store/store.h"

int store_migrate(struct db *db);
/* A LIKE pattern "%q%" in out[cap], with % _ and \\ in q escaped (ESCAPE '\\'). */
void store_like_pattern(const char *q, char *out, size_t cap);
int store_migrations_known(void);
/* The PostgreSQL schema, step for step the same as SQLite's (migrate_pg.c). */
extern const char *const store_pg_steps[];
extern const int store_pg_nsteps;
/* This thread's connection to s, opened on first use; NULL if it cannot be. */
struct db *store_db(struct store *s);
/* The calling thread's connection, or the function returns ERR_BUSY (the
 * database is unreachable; a request answers 503 and tries again later). */
#define DB_OR_FAIL(s) \
	struct db *db = store_db(s); \
	if (!db) \
		return ERR_BUSY


/* PostgreSQL's LISTEN in a thread of its own (pg.c): cb gets every payload
 * sent to the "kring" channel, by any process. */
struct pg_listener;
struct pg_listener *pg_listen(const char *target, void (*cb)(const char *payload, void *ctx), void *ctx);
void pg_listen_stop(struct pg_listener *l);

/* For db_each_ids: rows by id into out[i] wherever ids[i] names them (a
 * list may name an id twice). */
struct by_id {
	struct arena *a;
	const uint64_t *ids;
	size_t n;
	void **out;
};

static inline void by_id_place(struct by_id *b, uint64_t id, void *row)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->ids[i] == id)
			b->out[i] = row;
}

/* The ids of v[0..n), each once (a page may hold a post twice, and a row
 * must reach each copy once); returns how many. */
size_t store_post_ids(struct arena *a, struct post *const *v, size_t n, uint64_t **out);

/* The media of v[0..n) into v[i]->x (allocated): store_post_extras's part
 * in media.c. */
struct post;
int store_post_media_many(struct db *db, struct arena *a, struct post *const *v, size_t n);

/* Home feeds (feed.c): a reader's feed is built with this many of the
 * newest posts, and a follow or membership back-fills at most this many. */
#define FEED_BACKFILL 800
/* The flusher moves the queued posts into the feeds at most every
 * FEED_FLUSH_MS, FEED_FLUSH_BATCH posts a transaction, at most
 * FEED_FLUSH_ROUNDS transactions a time (the rest waits for the next kick). */
#define FEED_FLUSH_MS     250
#define FEED_FLUSH_BATCH  64
#define FEED_FLUSH_ROUNDS 64
#define FEED_FLUSH_CACHE_KB "1000" /* the flusher's SQLite page cache (4000 for the others) */
/* PostgreSQL only: run sql, a `SELECT ... FOR UPDATE` of the parent row
 * (?1 = id) that a read-decide-write check must hold so that two processes
 * cannot both pass it (SQLite has one writer at a time: nothing to do). */
int store_lock_pg(struct db *db, const char *sql, uint64_t id) WARN_UNUSED;
/* Run `call` (an int expression: a transaction of its own) again while
 * PostgreSQL asks for it (db_again). */
#define DB_RETRYING(s, rc, call) \
	do { \
		int tries_ = 0; \
		do \
			rc = (call); \
		while (store_again(s, rc, &tries_)); \
	} while (0)
/* The feeds' advisory lock (feed.c), PostgreSQL only: back-fills and fan-outs
 * take it shared for the rest of their transaction, the flusher exclusive. */
int feed_lock_shared(struct db *db) WARN_UNUSED;
struct feed_flusher;
struct feed_flusher *feed_flusher_start(struct store *s);
void feed_flusher_kick(struct feed_flusher *f);
void feed_flusher_stop(struct feed_flusher *f);
int feed_size(void);
int feed_fanout(struct db *db, uint64_t post);
int feed_queue(struct db *db, uint64_t post);
int feed_backfill_author(struct db *db, uint64_t reader, uint64_t author);
int feed_backfill_group(struct db *db, uint64_t reader, uint64_t group);

/* The unread conversations (group.c), kept in the writer's transaction:
 * after a direct post is written, deleted or given recipients, and for a
 * reader whose organisations changed (account 0: everyone). */
int conv_unread_post(struct db *db, uint64_t post) WARN_UNUSED;
int conv_unread_rebuild(struct db *db, uint64_t account) WARN_UNUSED;

#endif
