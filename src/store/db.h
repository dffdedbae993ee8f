#ifndef STORE_DB_H
#define STORE_DB_H

/*
 * Internal to store/: the small SQL surface every driver offers.  SQL text is
 * written once, portable between SQLite and PostgreSQL, with `?` placeholders
 * (a PostgreSQL driver renumbers them to $n when it prepares).  Statements are
 * prepared once per connection and cached by their SQL text pointer, so SQL
 * is always passed as a string literal.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;
struct db_stmt;

enum db_step { DB_ROW = 1, DB_DONE = 0 }; /* negative: -ERR_* */

struct db_driver {
	const char *name;
	/* Each statement is a round trip to a server (PostgreSQL), so one
	 * statement that reads two things beats two; in-process (SQLite) the
	 * two simpler statements are cheaper. */
	bool round_trip;
	struct db *(*open)(const char *target, int *err);
	void (*close)(struct db *db);
	int (*exec)(struct db *db, const char *sql);               /* no params, no rows */
	struct db_stmt *(*prepare)(struct db *db, const char *sql); /* cached; NULL on error */
	void (*bind_i64)(struct db_stmt *st, int idx, int64_t v);  /* idx from 1 */
	void (*bind_text)(struct db_stmt *st, int idx, const char *s, size_t n);
	void (*bind_null)(struct db_stmt *st, int idx);
	int (*step)(struct db_stmt *st);                           /* DB_ROW, DB_DONE or -ERR_* */
	int64_t (*col_i64)(struct db_stmt *st, int col);
	const char *(*col_text)(struct db_stmt *st, int col);      /* "" for NULL */
	size_t (*col_len)(struct db_stmt *st, int col);
	bool (*col_null)(struct db_stmt *st, int col);
	void (*reset)(struct db_stmt *st);                          /* clears bindings too */
	int64_t (*changes)(struct db *db);
	const char *(*errmsg)(struct db *db);
	/* A number that differs from any earlier one once anything was
	 * committed to the database since, by any connection or process.  It
	 * may change without a commit (never the other way round).  Read it
	 * before the statements whose results it stands for. */
	int (*version)(struct db *db, uint64_t *out);
	/* A request's reads in one read transaction (NULL: the driver has none,
	 * each statement reads on its own).  read_begin opens it when no
	 * transaction is open; the driver ends it by itself before anything
	 * writes (db_begin, a write statement) and does not open it again;
	 * read_end ends it if it is still open. */
	int (*read_begin)(struct db *db);
	void (*read_end)(struct db *db);
};

/* Every driver's connection and statement structs start with these. */
struct db {
	const struct db_driver *drv;
	int in_tx; /* nesting depth of db_begin */
	/* The transaction failed on a serialization failure or a deadlock
	 * (PostgreSQL, SQLSTATE 40001/40P01; the error was ERR_BUSY): the
	 * same transaction run again may well succeed.  Cleared by db_begin. */
	int retry;
	/* Statements that may have written (db.c: any but a SELECT, every
	 * BEGIN and every ROLLBACK): what was read before is not kept across a
	 * change. */
	uint64_t writes;
	/* Odd while a request's read scope is open (store_read_begin to
	 * store_read_end), a new number for each. */
	uint64_t scope;
	/* The viewer's lists kept for a request (post.c), freed by db_close. */
	void *rels;
};
struct db_stmt {
	struct db *db;
};

extern const struct db_driver db_sqlite;
extern const struct db_driver db_pg;

/*
 * Run or start a statement with arguments described by fmt, one letter per
 * `?`: 'i' int64_t, 'u' uint64_t, 's' NUL-terminated string (NULL binds
 * NULL), 'S' string and size_t length, 'n' NULL (no argument).
 * db_query returns the statement ready for db_step, or NULL on error (logged);
 * finish it with db_done.  db_exec runs to completion and returns 0 or ERR_*.
 */
struct db_stmt *db_query(struct db *db, const char *sql, const char *fmt, ...);
int db_exec(struct db *db, const char *sql, const char *fmt, ...);
int db_step(struct db_stmt *st);
/* Step a query that yields at most one row: 0 on the row (read it, then
 * db_done), ERR_NOTFOUND without one, ERR_DB when st is NULL (db_query
 * failed), another ERR_* on error. */
int db_one(struct db_stmt *st);
void db_done(struct db_stmt *st);
int64_t db_i64(struct db_stmt *st, int col);
uint64_t db_u64(struct db_stmt *st, int col);
const char *db_text(struct db_stmt *st, int col);
bool db_null(struct db_stmt *st, int col);
/*
 * A set of ids in one statement: DB_IDS_ROWS is a table `ids` of one column
 * (ids.column1), its rows ?1 ... ?DB_IDS, to be joined first:
 *
 *     "SELECT ... FROM " DB_IDS_ROWS " CROSS JOIN tags t WHERE t.post_id = ids.column1"
 *
 * (the rows are walked and each looks up its match, where `x IN (?1, ...)`
 * built a temporary B-tree of the list every time: ten of them were a tenth
 * of a home timeline's instructions).  db_each_ids binds each id once (a
 * repeated id is left out, as IN would) and NULL to the slots left; ?41
 * (DB_IDS + 1) is `extra` (the viewer, say) for statements that want it.
 * It runs sql over ids[0..n), DB_IDS at a time, and calls row (when not
 * NULL) for every row; 0 or ERR_*.
 */
#define DB_IDS 40
#define DB_IDS_ROWS \
	"(VALUES (CAST(?1 AS BIGINT)), (CAST(?2 AS BIGINT)), (CAST(?3 AS BIGINT)), (CAST(?4 AS BIGINT))," \
	" (CAST(?5 AS BIGINT)), (CAST(?6 AS BIGINT)), (CAST(?7 AS BIGINT)), (CAST(?8 AS BIGINT))," \
	" (CAST(?9 AS BIGINT)), (CAST(?10 AS BIGINT)), (CAST(?11 AS BIGINT)), (CAST(?12 AS BIGINT))," \
	" (CAST(?13 AS BIGINT)), (CAST(?14 AS BIGINT)), (CAST(?15 AS BIGINT)), (CAST(?16 AS BIGINT))," \
	" (CAST(?17 AS BIGINT)), (CAST(?18 AS BIGINT)), (CAST(?19 AS BIGINT)), (CAST(?20 AS BIGINT))," \
	" (CAST(?21 AS BIGINT)), (CAST(?22 AS BIGINT)), (CAST(?23 AS BIGINT)), (CAST(?24 AS BIGINT))," \
	" (CAST(?25 AS BIGINT)), (CAST(?26 AS BIGINT)), (CAST(?27 AS BIGINT)), (CAST(?28 AS BIGINT))," \
	" (CAST(?29 AS BIGINT)), (CAST(?30 AS BIGINT)), (CAST(?31 AS BIGINT)), (CAST(?32 AS BIGINT))," \
	" (CAST(?33 AS BIGINT)), (CAST(?34 AS BIGINT)), (CAST(?35 AS BIGINT)), (CAST(?36 AS BIGINT))," \
	" (CAST(?37 AS BIGINT)), (CAST(?38 AS BIGINT)), (CAST(?39 AS BIGINT)), (CAST(?40 AS BIGINT))) ids"
int db_each_ids(struct db *db, const char *sql, const uint64_t *ids, size_t n, uint64_t extra,
                void (*row)(struct db_stmt *st, void *ctx), void *ctx);
/* The single int64 the query yields, or dflt when there is no row. */
int db_scalar(struct db *db, int64_t *out, int64_t dflt, const char *sql, const char *fmt, ...);

/*
 * The rows of a list query, at most max of them, as an arena array of
 * elements `size` bytes long (zeroed, then filled by fill from the current
 * row); finishes st.  *out is the array (never NULL), *n how many.  ERR_DB
 * when st is NULL (db_query failed), else 0 or ERR_* (a failed step is an
 * error, not a short list).  DB_ROWS passes the element size of the
 * caller's array.
 */
struct arena;
typedef void db_fill_fn(struct db_stmt *st, struct arena *a, void *row);
int db_rows(struct db_stmt *st, struct arena *a, size_t size, size_t max, db_fill_fn *fill, void *out, size_t *n);
/* Fill functions for one-column lists: ids (uint64_t), texts (const char *). */
db_fill_fn db_fill_u64, db_fill_text;
#define DB_ROWS(st, a, max, fill, out, n) db_rows((st), (a), sizeof **(out), (max), (fill), (out), (n))

/* Close a connection and free what was kept with it. */
void db_close(struct db *db);

/* Transactions; nested begins join the outer one.  begin takes the write lock
 * on SQLite; on PostgreSQL it is a plain BEGIN (READ COMMITTED, pg.c). */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);
/* End a transaction begun with db_begin: commit when rc is 0, else roll back
 * and return rc. */
int db_finish(struct db *db, int rc);
/* After a whole transaction (begin .. finish) returned rc: true when it
 * should run again from its begin, because PostgreSQL aborted it on a
 * serialization failure or deadlock, it was the outermost one, and it has
 * run fewer than DB_TRIES times (*tries counts; start at 0).  Waits a
 * short, random, growing time first so the two sides do not meet again. */
#define DB_TRIES 8
bool db_again(struct db *db, int rc, int *tries);

#endif
