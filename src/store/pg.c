/*
 * PostgreSQL driver (libpq): one connection per thread like the SQLite
 * driver, statements rewritten from `?N` to `$N` and prepared once per
 * connection, cached by their SQL literal's address.  Parameters go as text
 * and PostgreSQL infers their types from the statement.
 *
 * Behaviour the rest of the store relies on, kept the same as on SQLite:
 *  - db_begin's "BEGIN IMMEDIATE" is a plain BEGIN (READ COMMITTED).  There
 *    is no database-wide write lock (there was one, an advisory lock, until
 *    issue 15): writers of different rows of all processes run side by side.
 *    What SQLite's single writer gave for free is kept by the statements
 *    themselves: counters are `n = n + 1` updates (row locks), uniqueness is
 *    a constraint with ON CONFLICT, the appointments' overlap an exclusion
 *    constraint, a read-decide-write check locks its parent row first
 *    (store_lock_pg), and the feeds' flusher and back-fills share an
 *    advisory lock of their own (feed.c).  A transaction that fails on a
 *    serialization failure or deadlock (40001, 40P01) is ERR_BUSY with
 *    db->retry set: db_again / store_again run it again;
 *  - booleans (EXISTS, IS NOT NULL) read as 1/0;
 *  - a lost connection is ERR_BUSY (the web answers 503) and is re-opened on
 *    the next statement, with the statements prepared again.
 */
#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/db.h"
#include "store/store_int.h"

/* Prepared statements each connection keeps, keyed by the SQL text's
 * address: more than kring has statements (tools/check-sql.py counts them
 * and fails past half of this), since a thread that has run them all must
 * still find room.  256 was passed once the care features came: a
 * long-running server's threads began to answer 500 ("statement cache
 * full"). */
#define STMT_CACHE 2048
#define PG_CONNECT_TIMEOUT "5"
#define PG_BEGIN "BEGIN"

struct pg_stmt {
	struct db_stmt base;
	const char *sql;    /* key: the literal's address */
	char *text;         /* the SQL with $N parameters */
	int nparams;
	char **vals;        /* bound values, NULL = SQL NULL */
	unsigned prepared;  /* connection generation it was prepared on; 0 = not */
	int slot;
	PGresult *res;
	int row, nrows;
	int executed;
};

struct pg_db {
	struct db base;
	PGconn *c;
	unsigned gen;    /* bumped on every (re)connection */
	int tx_lost;     /* the connection broke inside a transaction */
	int64_t changes;
	struct pg_stmt cache[STMT_CACHE];
};

#define PGDB(x) ((struct pg_db *)(x))
#define PGST(x) ((struct pg_stmt *)(x))

static int map_state(const char *state)
{
	if (!state || !state[0])
		return ERR_BUSY; /* no server answer: the connection is gone */
	if (!strncmp(state, "23", 2))
		return ERR_EXISTS;
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03") ||
	    !strcmp(state, "57014") || !strncmp(state, "08", 2) || !strncmp(state, "57P", 3) ||
	    !strcmp(state, "53300"))
		return ERR_BUSY;
	if (!strcmp(state, "54000") || !strcmp(state, "22001"))
		return ERR_TOOBIG;
	return ERR_DB;
}

/* The error of a failed result, taking a broken connection into account. */
static int result_err(struct pg_db *d, const PGresult *r)
{
	if (PQstatus(d->c) != CONNECTION_OK) {
		if (d->base.in_tx)
			d->tx_lost = 1;
		return ERR_BUSY;
	}
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	if (state && (!strcmp(state, "40001") || !strcmp(state, "40P01")))
		d->base.retry = 1;
	return map_state(state);
}

/* A serialization failure or deadlock is expected now and then without the
 * write lock; it is retried (db_again), so it is no error to log. */
static bool retryable(const PGresult *r)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	return state && (!strcmp(state, "40001") || !strcmp(state, "40P01"));
}

/*
 * A session's settings.  random_page_cost: PostgreSQL's default (4) prices a
 * random page read as a disk seek, and with it the planner joins a page's
 * id list (DB_IDS_ROWS) to a table of a few thousand rows by reading the
 * whole table (a hash join) instead of looking up forty rows in its index:
 * the home timeline's tags and accounts then cost 1-2 ms a request and grow
 * with the community.  kring's working set is meant to sit in memory (the
 * value is the usual one for SSDs), so the session lowers it -- unless the
 * server's administrator set it (any source but the built-in default).
 */
#define PG_SESSION_SETUP \
	"SET lock_timeout = '5s'; SET client_min_messages = warning;" \
	" SELECT set_config('random_page_cost', '1.1', false) FROM pg_settings" \
	" WHERE name = 'random_page_cost' AND source = 'default'"

static int session_setup(struct pg_db *d)
{
	/* Several statements: the result is the last one's (the SELECT). */
	PGresult *r = PQexec(d->c, PG_SESSION_SETUP);
	int ok = PQresultStatus(r) == PGRES_TUPLES_OK;
	PQclear(r);
	return ok ? 0 : ERR_BUSY;
}

/* Make sure the connection is up, reconnecting if it broke. */
static int pg_alive(struct pg_db *d)
{
	/* A server that shut down or restarted has told idle connections so;
	 * reading that first (the goodbye message, then the end of the stream)
	 * means the statement goes to a fresh connection instead of failing,
	 * and it is never sent twice. */
	for (int i = 0; i < 3 && PQstatus(d->c) == CONNECTION_OK && PQtransactionStatus(d->c) == PQTRANS_IDLE; i++)
		if (!PQconsumeInput(d->c))
			break;
	if (PQstatus(d->c) == CONNECTION_OK)
		return 0;
	PQreset(d->c);
	if (PQstatus(d->c) != CONNECTION_OK)
		return ERR_BUSY;
	d->gen++;
	if (session_setup(d))
		return ERR_BUSY;
	log_info("database connection re-established");
	return 0;
}

static struct db *pg_open(const char *target, int *err)
{
	const char *keys[] = {"connect_timeout", "dbname", NULL};
	const char *vals[] = {PG_CONNECT_TIMEOUT, target, NULL};
	PGconn *c = PQconnectdbParams(keys, vals, 1);
	if (!c || PQstatus(c) != CONNECTION_OK) {
		char msg[256];
		snprintf(msg, sizeof msg, "%s", c ? PQerrorMessage(c) : "no memory");
		msg[strcspn(msg, "\n")] = '\0';
		log_err("cannot connect to database: %s", msg);
		PQfinish(c);
		*err = ERR_BUSY;
		return NULL;
	}
	struct pg_db *d = xcalloc(1, sizeof *d);
	d->base.drv = &db_pg;
	d->c = c;
	d->gen = 1;
	if (session_setup(d)) {
		log_err("cannot set up database session: %s", PQerrorMessage(c));
		PQfinish(c);
		free(d);
		*err = ERR_BUSY;
		return NULL;
	}
	*err = 0;
	return &d->base;
}

static void stmt_clear(struct pg_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	s->row = s->nrows = 0;
	s->executed = 0;
	for (int i = 0; i < s->nparams; i++) {
		free(s->vals[i]);
		s->vals[i] = NULL;
	}
}

static void pg_close(struct db *db)
{
	struct pg_db *d = PGDB(db);
	if (!d)
		return;
	for (int i = 0; i < STMT_CACHE; i++) {
		struct pg_stmt *s = &d->cache[i];
		if (!s->sql)
			continue;
		stmt_clear(s);
		free(s->vals);
		free(s->text);
	}
	PQfinish(d->c);
	free(d);
}

static int pg_exec(struct db *db, const char *sql)
{
	struct pg_db *d = PGDB(db);
	int begin = !strcmp(sql, "BEGIN IMMEDIATE");
	int end = !strcmp(sql, "ROLLBACK") || !strcmp(sql, "COMMIT");
	if (end && d->tx_lost) {
		/* The server dropped the transaction with the connection: nothing
		 * to roll back, and nothing was committed. */
		d->tx_lost = 0;
		return sql[0] == 'R' ? 0 : ERR_BUSY;
	}
	if (begin || !d->base.in_tx)
		d->tx_lost = 0;
	if (d->tx_lost)
		return ERR_BUSY;
	if (pg_alive(d))
		return ERR_BUSY;
	PGresult *r = PQexec(d->c, begin ? PG_BEGIN : sql);
	ExecStatusType st = PQresultStatus(r);
	int rc = 0;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		rc = result_err(d, r);
		if (end)
			d->tx_lost = 0;
		if ((rc != ERR_BUSY || PQstatus(d->c) == CONNECTION_OK) && !retryable(r))
			log_err("sql failed: %s: %.200s", PQresultErrorMessage(r), sql);
		/* A failed BEGIN must not leave half a transaction open. */
		if (begin && PQstatus(d->c) == CONNECTION_OK && PQtransactionStatus(d->c) != PQTRANS_IDLE)
			PQclear(PQexec(d->c, "ROLLBACK"));
	}
	PQclear(r);
	return rc;
}

/*
 * `?N` (and a bare `?`, numbered in order) become `$N`; quoted strings and
 * identifiers are copied as they are.  Returns the highest parameter number.
 */
static char *rewrite(const char *sql, int *nparams)
{
	size_t n = strlen(sql);
	char *out = xmalloc(2 * n + 1);
	size_t k = 0;
	int max = 0, seq = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = sql[i];
		if (ch == '\'' || ch == '"') {
			out[k++] = ch;
			for (i++; i < n; i++) {
				out[k++] = sql[i];
				if (sql[i] == ch) {
					if (i + 1 < n && sql[i + 1] == ch) {
						out[k++] = sql[++i];
						continue;
					}
					break;
				}
			}
			continue;
		}
		if (ch != '?') {
			out[k++] = ch;
			continue;
		}
		int num = 0;
		size_t j = i + 1;
		while (j < n && sql[j] >= '0' && sql[j] <= '9' && num < 10000)
			num = num * 10 + (sql[j++] - '0');
		if (j == i + 1)
			num = ++seq;
		i = j - 1;
		if (num > max)
			max = num;
		k += (size_t)snprintf(out + k, 2 * n + 1 - k, "$%d", num);
	}
	out[k] = '\0';
	*nparams = max;
	return out;
}

static struct db_stmt *pg_prepare(struct db *db, const char *sql)
{
	struct pg_db *d = PGDB(db);
	size_t h = ((uintptr_t)sql >> 3) % STMT_CACHE;
	for (size_t i = 0; i < STMT_CACHE; i++) {
		struct pg_stmt *s = &d->cache[(h + i) % STMT_CACHE];
		if (s->sql == sql)
			return &s->base;
		if (!s->sql) {
			s->text = rewrite(sql, &s->nparams);
			s->vals = xcalloc((size_t)s->nparams + 1, sizeof *s->vals);
			s->sql = sql;
			s->slot = (int)((h + i) % STMT_CACHE);
			s->base.db = db;
			return &s->base;
		}
	}
	log_err("statement cache full");
	return NULL;
}

static void set_val(struct db_stmt *st, int idx, char *v)
{
	struct pg_stmt *s = PGST(st);
	if (idx < 1 || idx > s->nparams) {
		free(v);
		return;
	}
	free(s->vals[idx - 1]);
	s->vals[idx - 1] = v;
}

static void pg_bind_i64(struct db_stmt *st, int idx, int64_t v)
{
	char *t = xmalloc(24);
	snprintf(t, 24, "%lld", (long long)v);
	set_val(st, idx, t);
}

static void pg_bind_text(struct db_stmt *st, int idx, const char *s, size_t n)
{
	char *t = xmalloc(n + 1);
	memcpy(t, s, n);
	t[n] = '\0';
	set_val(st, idx, t);
}

static void pg_bind_null(struct db_stmt *st, int idx) { set_val(st, idx, NULL); }

static int is_write(const PGresult *r)
{
	const char *c = PQcmdStatus((PGresult *)r);
	return !strncmp(c, "INSERT", 6) || !strncmp(c, "UPDATE", 6) || !strncmp(c, "DELETE", 6) ||
	       !strncmp(c, "MERGE", 5);
}

static int run(struct pg_stmt *s)
{
	struct pg_db *d = PGDB(s->base.db);
	s->executed = 1;
	if (d->tx_lost && d->base.in_tx)
		return ERR_BUSY;
	d->tx_lost = 0;
	if (!d->base.in_tx)
		d->base.retry = 0; /* a statement of its own: only its own failure counts */
	if (pg_alive(d))
		return ERR_BUSY;
	char name[16];
	snprintf(name, sizeof name, "k%d", s->slot);
	if (s->prepared != d->gen) {
		PGresult *r = PQprepare(d->c, name, s->text, 0, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			int e = result_err(d, r);
			if (PQstatus(d->c) == CONNECTION_OK)
				log_err("cannot prepare: %s: %.300s", PQresultErrorMessage(r), s->text);
			PQclear(r);
			return e == ERR_EXISTS ? ERR_DB : e;
		}
		PQclear(r);
		s->prepared = d->gen;
	}
	s->res = PQexecPrepared(d->c, name, s->nparams, (const char *const *)s->vals, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(s->res);
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
		s->nrows = PQntuples(s->res);
		s->row = 0;
		if (is_write(s->res))
			d->changes = strtoll(PQcmdTuples(s->res), NULL, 10);
		return 0;
	}
	int e = result_err(d, s->res);
	if (e != ERR_EXISTS && PQstatus(d->c) == CONNECTION_OK && !retryable(s->res))
		log_err("sql step failed: %s: %.300s", PQresultErrorMessage(s->res), s->text);
	PQclear(s->res);
	s->res = NULL;
	return e;
}

static int pg_step(struct db_stmt *st)
{
	struct pg_stmt *s = PGST(st);
	if (!s->executed) {
		int e = run(s);
		if (e)
			return -e;
	}
	if (!s->res || s->row >= s->nrows)
		return DB_DONE;
	s->row++;
	return DB_ROW;
}

/* The current row is row - 1: step moves to a row before it is read. */
static const char *val(struct db_stmt *st, int col)
{
	struct pg_stmt *s = PGST(st);
	if (!s->res || s->row < 1 || col < 0 || col >= PQnfields(s->res))
		return NULL;
	if (PQgetisnull(s->res, s->row - 1, col))
		return NULL;
	return PQgetvalue(s->res, s->row - 1, col);
}

static int64_t pg_col_i64(struct db_stmt *st, int col)
{
	const char *v = val(st, col);
	if (!v)
		return 0;
	if (v[0] == 't' && !v[1])
		return 1;
	if (v[0] == 'f' && !v[1])
		return 0;
	return strtoll(v, NULL, 10);
}

static const char *pg_col_text(struct db_stmt *st, int col)
{
	const char *v = val(st, col);
	return v ? v : "";
}

static size_t pg_col_len(struct db_stmt *st, int col)
{
	struct pg_stmt *s = PGST(st);
	return val(st, col) ? (size_t)PQgetlength(s->res, s->row - 1, col) : 0;
}

static bool pg_col_null(struct db_stmt *st, int col) { return val(st, col) == NULL; }

static void pg_reset(struct db_stmt *st) { stmt_clear(PGST(st)); }

static int64_t pg_changes(struct db *db) { return PGDB(db)->changes; }

static const char *pg_errmsg(struct db *db) { return PQerrorMessage(PGDB(db)->c); }

/* The server's WAL position: every commit (and more) moves it on. */
static int pg_version(struct db *db, uint64_t *out)
{
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT (pg_current_wal_lsn() - '0/0')::bigint", "");
	*out = (uint64_t)v;
	return rc;
}

const struct db_driver db_pg = {
	.name = "pg",
	.round_trip = true,
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.bind_i64 = pg_bind_i64,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.col_i64 = pg_col_i64,
	.col_text = pg_col_text,
	.col_len = pg_col_len,
	.col_null = pg_col_null,
	.reset = pg_reset,
	.changes = pg_changes,
	.errmsg = pg_errmsg,
	.version = pg_version,
};

/* ---- LISTEN: events from the other processes on this database ---- */

struct pg_listener {
	char *target;
	void (*cb)(const char *payload, void *ctx);
	void *ctx;
	pthread_t thread;
	_Atomic bool stop;
};

#define PG_LISTEN_CHANNEL "kring"
#define PG_LISTEN_WAIT_MS 500    /* how often the thread looks at stop */
#define PG_LISTEN_RETRY_S 1      /* between attempts while the server is away */

static PGconn *listen_connect(const char *target)
{
	const char *keys[] = {"connect_timeout", "dbname", NULL};
	const char *vals[] = {PG_CONNECT_TIMEOUT, target, NULL};
	PGconn *c = PQconnectdbParams(keys, vals, 1);
	if (c && PQstatus(c) == CONNECTION_OK) {
		PGresult *r = PQexec(c, "LISTEN " PG_LISTEN_CHANNEL);
		bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		PQclear(r);
		if (ok)
			return c;
	}
	PQfinish(c);
	return NULL;
}

static void *listen_main(void *arg)
{
	struct pg_listener *l = arg;
	PGconn *c = NULL;
	while (!l->stop) {
		if (!c && !(c = listen_connect(l->target))) {
			for (int i = 0; i < PG_LISTEN_RETRY_S * 10 && !l->stop; i++)
				usleep(100 * 1000);
			continue;
		}
		struct pollfd pfd = {.fd = PQsocket(c), .events = POLLIN};
		if (poll(&pfd, 1, PG_LISTEN_WAIT_MS) < 0 && errno != EINTR)
			continue;
		if (!PQconsumeInput(c) || PQstatus(c) != CONNECTION_OK) {
			/* The server went away: what happened meanwhile is found by the
			 * streams' own polling; listen again once it is back. */
			PQfinish(c);
			c = NULL;
			continue;
		}
		PGnotify *n;
		while ((n = PQnotifies(c))) {
			l->cb(n->extra, l->ctx);
			PQfreemem(n);
		}
	}
	PQfinish(c);
	return NULL;
}

struct pg_listener *pg_listen(const char *target, void (*cb)(const char *payload, void *ctx), void *ctx)
{
	struct pg_listener *l = xcalloc(1, sizeof *l);
	l->target = xstrdup(target);
	l->cb = cb;
	l->ctx = ctx;
	if (pthread_create(&l->thread, NULL, listen_main, l)) {
		free(l->target);
		free(l);
		return NULL;
	}
	return l;
}

void pg_listen_stop(struct pg_listener *l)
{
	if (!l)
		return;
	l->stop = true;
	pthread_join(l->thread, NULL);
	free(l->target);
	free(l);
}
