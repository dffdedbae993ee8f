/*
 * SQLite driver: one connection per thread, WAL, synchronous=FULL so a
 * commit is on disk before we answer, a busy timeout so the CLI and the
 * server can write the same database, and a per-connection statement cache.
 */
#include <pthread.h>
#include <stdio.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/db.h"

#define SQLITE_BUSY_MS 5000
/* Pages each connection (one per thread) keeps, in KiB: the operating
 * system's file cache holds the rest of the file, so this bounds memory
 * (threads x 4 MiB) more than it buys speed. */
#define SQLITE_CACHE_KB 4000
/* Prepared statements each connection keeps, keyed by the SQL text's
 * address: more than kring has statements (tools/check-sql.py counts them
 * and fails past half of this), since a thread that has run them all must
 * still find room.  256 was passed once the care features came: a
 * long-running server's threads began to answer 500 ("statement cache
 * full"). */
#define STMT_CACHE 2048

struct sq_stmt {
	struct db_stmt base;
	sqlite3_stmt *st;
	const char *sql; /* key: the literal's address */
};

struct sq_db {
	struct db base;
	sqlite3 *h;
	bool wlocked;     /* this connection holds write_lock */
	bool stmt_locked; /* ... for one write statement outside a transaction */
	int64_t data_version; /* PRAGMA data_version when sq_version last looked */
	bool reading;     /* a request's read transaction is open (sq_read_begin) */
	struct sq_stmt cache[STMT_CACHE];
};

/*
 * SQLite allows one writer at a time.  Threads of this process queue on a
 * mutex instead of meeting SQLITE_BUSY and sleeping in the busy handler
 * (which adds milliseconds to every contended write); the busy timeout is
 * left for other processes (the CLI next to a running server).
 */
static pthread_mutex_t write_lock = PTHREAD_MUTEX_INITIALIZER;

static void wlock(struct sq_db *d)
{
	if (!d->wlocked) {
		pthread_mutex_lock(&write_lock);
		d->wlocked = true;
	}
}

static void wunlock(struct sq_db *d)
{
	if (d->wlocked) {
		d->wlocked = false;
		d->stmt_locked = false;
		pthread_mutex_unlock(&write_lock);
	}
}

/*
 * The database's version for sq_version: bumped after every commit by this
 * process (the WAL hook runs once the commit is done and the write lock
 * released) and whenever a connection's PRAGMA data_version shows that
 * another connection (another process) committed.
 */
static _Atomic uint64_t generation = 1;

#define SQLITE_CHECKPOINT_PAGES 1000 /* what wal_autocheckpoint does by default */

static int sq_wal_hook(void *ctx, sqlite3 *h, const char *name, int pages)
{
	(void)ctx;
	generation++;
	/* Setting a WAL hook replaces SQLite's auto-checkpoint; do its work. */
	if (pages >= SQLITE_CHECKPOINT_PAGES)
		sqlite3_wal_checkpoint_v2(h, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

static int map_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW: return 0;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return ERR_BUSY;
	case SQLITE_CONSTRAINT: return ERR_EXISTS;
	case SQLITE_TOOBIG: return ERR_TOOBIG;
	default: return ERR_DB;
	}
}

/* No memory statistics: they take a process-wide mutex on every
 * allocation, and threads doing full-text search queue on it. */
static void no_memstatus(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static struct db *sq_open(const char *path, int *err)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, no_memstatus);
	struct sq_db *d = xcalloc(1, sizeof *d);
	d->base.drv = &db_sqlite;
	int rc = sqlite3_open_v2(path, &d->h,
	                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		log_err("cannot open database %s: %s", path, d->h ? sqlite3_errmsg(d->h) : "no memory");
		sqlite3_close(d->h);
		free(d);
		*err = ERR_DB;
		return NULL;
	}
	sqlite3_busy_timeout(d->h, SQLITE_BUSY_MS);
	sqlite3_wal_hook(d->h, sq_wal_hook, NULL);
	sqlite3_extended_result_codes(d->h, 1);
	char *msg = NULL;
	char pragmas[256];
	snprintf(pragmas, sizeof pragmas,
	         "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
	         " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-%d;",
	         SQLITE_CACHE_KB);
	rc = sqlite3_exec(d->h, pragmas, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		log_err("cannot set up database %s: %s", path, msg ? msg : "?");
		sqlite3_free(msg);
		sqlite3_close(d->h);
		free(d);
		*err = map_rc(rc) ? map_rc(rc) : ERR_DB;
		return NULL;
	}
	*err = 0;
	return &d->base;
}

static void sq_close(struct db *db)
{
	struct sq_db *d = (struct sq_db *)db;
	if (!d)
		return;
	wunlock(d);
	for (int i = 0; i < STMT_CACHE; i++)
		sqlite3_finalize(d->cache[i].st);
	sqlite3_close(d->h);
	free(d);
}

static void read_end(struct sq_db *d);

static int sq_exec(struct db *db, const char *sql)
{
	struct sq_db *d = (struct sq_db *)db;
	bool begin = !strcmp(sql, "BEGIN IMMEDIATE");
	bool end = !strcmp(sql, "COMMIT") || !strcmp(sql, "ROLLBACK");
	if (begin) {
		read_end(d); /* a write transaction on a fresh snapshot */
		wlock(d);
	}
	char *msg = NULL;
	int rc = sqlite3_exec(d->h, sql, NULL, NULL, &msg);
	if (end || (begin && rc != SQLITE_OK))
		wunlock(d);
	if (rc != SQLITE_OK) {
		log_err("sql failed: %s: %.200s", msg ? msg : "?", sql);
		sqlite3_free(msg);
	}
	return map_rc(rc);
}

static struct db_stmt *sq_prepare(struct db *db, const char *sql)
{
	struct sq_db *d = (struct sq_db *)db;
	size_t h = ((uintptr_t)sql >> 3) % STMT_CACHE;
	for (size_t i = 0; i < STMT_CACHE; i++) {
		struct sq_stmt *s = &d->cache[(h + i) % STMT_CACHE];
		if (s->sql == sql)
			return &s->base;
		if (!s->sql) {
			int rc = sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st, NULL);
			if (rc != SQLITE_OK) {
				log_err("cannot prepare: %s: %.200s", sqlite3_errmsg(d->h), sql);
				s->st = NULL;
				return NULL;
			}
			s->sql = sql;
			s->base.db = db;
			return &s->base;
		}
	}
	log_err("statement cache full");
	return NULL;
}

#define ST(x) (((struct sq_stmt *)(x))->st)

static void sq_bind_i64(struct db_stmt *st, int idx, int64_t v) { sqlite3_bind_int64(ST(st), idx, v); }
static void sq_bind_text(struct db_stmt *st, int idx, const char *s, size_t n)
{
	sqlite3_bind_text(ST(st), idx, s, (int)n, SQLITE_TRANSIENT);
}
static void sq_bind_null(struct db_stmt *st, int idx) { sqlite3_bind_null(ST(st), idx); }

static int sq_step(struct db_stmt *st)
{
	struct sq_db *d = (struct sq_db *)st->db;
	if (!d->wlocked && !sqlite3_stmt_readonly(ST(st))) {
		read_end(d); /* a write outside a transaction: on a fresh snapshot, committed at once */
		wlock(d);
		d->stmt_locked = true;
	}
	int rc = sqlite3_step(ST(st));
	if (rc != SQLITE_ROW && d->stmt_locked)
		wunlock(d);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	int e = map_rc(rc);
	if (e != ERR_EXISTS)
		log_err("sql step failed: %s: %.200s", sqlite3_errmsg(sqlite3_db_handle(ST(st))),
		        sqlite3_sql(ST(st)));
	return -e;
}

static int64_t sq_col_i64(struct db_stmt *st, int col) { return sqlite3_column_int64(ST(st), col); }
static const char *sq_col_text(struct db_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(ST(st), col);
	return t ? (const char *)t : "";
}
static size_t sq_col_len(struct db_stmt *st, int col) { return (size_t)sqlite3_column_bytes(ST(st), col); }
static bool sq_col_null(struct db_stmt *st, int col) { return sqlite3_column_type(ST(st), col) == SQLITE_NULL; }
static void sq_reset(struct db_stmt *st)
{
	struct sq_db *d = (struct sq_db *)st->db;
	sqlite3_reset(ST(st));
	if (d->stmt_locked)
		wunlock(d);
	sqlite3_clear_bindings(ST(st));
}
static int64_t sq_changes(struct db *db) { return sqlite3_changes64(((struct sq_db *)db)->h); }
static const char *sq_errmsg(struct db *db) { return sqlite3_errmsg(((struct sq_db *)db)->h); }

/*
 * A request's reads in one deferred transaction: outside a transaction every
 * statement takes and drops SQLite's shared lock (two fcntl calls and a look
 * at the WAL index each), a tenth of a page's time.  A write must not run in
 * it: in WAL mode one that begins on a snapshot another connection has
 * committed past fails (SQLITE_BUSY_SNAPSHOT, no busy wait helps).  So
 * BEGIN IMMEDIATE and a write statement outside a transaction end it first
 * (COMMIT: it has written nothing) and the request reads on without one.
 * Ended before the answer goes out, so no slow client keeps the WAL from
 * being checkpointed.
 */
/* KRING_READ_TX=0 (benchmarks: bench/badge_ab.sh): every statement reads on its own. */
static bool read_tx_off(void)
{
	static _Atomic int off = -1;
	if (off < 0) {
		const char *e = getenv("KRING_READ_TX");
		off = e && !strcmp(e, "0");
	}
	return off;
}

static int sq_read_begin(struct db *db)
{
	struct sq_db *d = (struct sq_db *)db;
	if (d->reading || d->base.in_tx || !sqlite3_get_autocommit(d->h) || read_tx_off())
		return 0;
	struct db_stmt *st = sq_prepare(db, "BEGIN");
	if (!st)
		return ERR_DB;
	int rc = sqlite3_step(ST(st));
	sqlite3_reset(ST(st));
	if (rc != SQLITE_DONE)
		return map_rc(rc) ? map_rc(rc) : ERR_DB;
	d->reading = true;
	return 0;
}

static void read_end(struct sq_db *d)
{
	if (!d->reading)
		return;
	d->reading = false;
	if (sqlite3_get_autocommit(d->h))
		return; /* SQLite ended it already (after an error) */
	struct db_stmt *st = sq_prepare(&d->base, "COMMIT");
	int rc = st ? sqlite3_step(ST(st)) : SQLITE_ERROR;
	if (st)
		sqlite3_reset(ST(st));
	if (rc != SQLITE_DONE) {
		log_err("cannot end a read transaction: %s", sqlite3_errmsg(d->h));
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
	}
}

static void sq_read_end(struct db *db)
{
	read_end((struct sq_db *)db);
}

static int version_now(struct sq_db *d, uint64_t *out)
{
	struct db *db = &d->base;
	struct db_stmt *st = sq_prepare(db, "PRAGMA data_version");
	if (!st)
		return ERR_DB;
	int rc = sq_step(st);
	int64_t v = rc == DB_ROW ? sqlite3_column_int64(ST(st), 0) : 0;
	sq_reset(st);
	if (rc != DB_ROW)
		return rc < 0 ? -rc : ERR_DB;
	if (v != d->data_version) {
		d->data_version = v;
		generation++;
	}
	*out = generation;
	return 0;
}

static int sq_version(struct db *db, uint64_t *out)
{
	struct sq_db *d = (struct sq_db *)db;
	/* The version stands for what is read after it: a snapshot taken
	 * before it could miss a commit the version already counts (and the
	 * API would keep that old answer as new).  So a read transaction
	 * ends here and begins again after. */
	bool reading = d->reading;
	read_end(d);
	int rc = version_now(d, out);
	if (reading && sq_read_begin(db))
		log_warn("cannot begin a read transaction again");
	return rc;
}

const struct db_driver db_sqlite = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.bind_i64 = sq_bind_i64,
	.bind_text = sq_bind_text,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_i64 = sq_col_i64,
	.col_text = sq_col_text,
	.col_len = sq_col_len,
	.col_null = sq_col_null,
	.reset = sq_reset,
	.changes = sq_changes,
	.errmsg = sq_errmsg,
	.version = sq_version,
	.read_begin = sq_read_begin,
	.read_end = sq_read_end,
};
