#include "store/db.h"

#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/log.h"

static int bind_args(struct db_stmt *st, const char *fmt, va_list ap)
{
	const struct db_driver *d = st->db->drv;
	int idx = 1;
	for (const char *f = fmt; f && *f; f++, idx++) {
		switch (*f) {
		case 'i': d->bind_i64(st, idx, va_arg(ap, int64_t)); break;
		case 'u': d->bind_i64(st, idx, (int64_t)va_arg(ap, uint64_t)); break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (s)
				d->bind_text(st, idx, s, strlen(s));
			else
				d->bind_null(st, idx);
			break;
		}
		case 'S': {
			const char *s = va_arg(ap, const char *);
			size_t n = va_arg(ap, size_t);
			d->bind_text(st, idx, s, n);
			break;
		}
		case 'n': d->bind_null(st, idx); break;
		default:
			log_err("db: bad bind format '%c'", *f);
			return ERR_INVAL;
		}
	}
	return 0;
}

static struct db_stmt *vquery(struct db *db, const char *sql, const char *fmt, va_list ap)
{
	if (strncmp(sql, "SELECT ", 7) != 0)
		db->writes++;
	struct db_stmt *st = db->drv->prepare(db, sql);
	if (!st)
		return NULL;
	if (bind_args(st, fmt, ap)) {
		db->drv->reset(st);
		return NULL;
	}
	return st;
}

struct db_stmt *db_query(struct db *db, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct db_stmt *st = vquery(db, sql, fmt, ap);
	va_end(ap);
	return st;
}

int db_each_ids(struct db *db, const char *sql, const uint64_t *ids, size_t n, uint64_t extra,
                void (*row)(struct db_stmt *st, void *ctx), void *ctx)
{
	for (size_t off = 0; off < n;) {
		struct db_stmt *st = db->drv->prepare(db, sql);
		if (!st)
			return ERR_DB;
		uint64_t chunk[DB_IDS];
		size_t k = 0;
		for (; off < n && k < DB_IDS; off++) {
			size_t j = 0;
			while (j < k && chunk[j] != ids[off])
				j++;
			if (j == k)
				chunk[k++] = ids[off];
		}
		for (size_t i = 0; i < DB_IDS; i++)
			if (i < k)
				db->drv->bind_i64(st, (int)i + 1, (int64_t)chunk[i]);
			else
				db->drv->bind_null(st, (int)i + 1);
		db->drv->bind_i64(st, DB_IDS + 1, (int64_t)extra);
		int rc;
		while ((rc = db->drv->step(st)) == DB_ROW)
			if (row)
				row(st, ctx);
		db->drv->reset(st);
		if (rc < 0)
			return -rc;
	}
	return 0;
}

int db_exec(struct db *db, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct db_stmt *st = vquery(db, sql, fmt, ap);
	va_end(ap);
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = db->drv->step(st)) == DB_ROW)
		;
	db->drv->reset(st);
	return rc < 0 ? -rc : 0;
}

int db_scalar(struct db *db, int64_t *out, int64_t dflt, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct db_stmt *st = vquery(db, sql, fmt, ap);
	va_end(ap);
	if (!st)
		return ERR_DB;
	int rc = db->drv->step(st);
	*out = dflt;
	if (rc == DB_ROW && !db->drv->col_null(st, 0))
		*out = db->drv->col_i64(st, 0);
	db->drv->reset(st);
	return rc < 0 ? -rc : 0;
}

void db_fill_u64(struct db_stmt *st, struct arena *a, void *row)
{
	(void)a;
	*(uint64_t *)row = db_u64(st, 0);
}

void db_fill_text(struct db_stmt *st, struct arena *a, void *row)
{
	*(const char **)row = arena_strdup(a, db_text(st, 0));
}

int db_rows(struct db_stmt *st, struct arena *a, size_t size, size_t max, db_fill_fn *fill, void *out, size_t *n)
{
	*n = 0;
	if (!st)
		return ERR_DB;
	char *v = arena_alloc(a, (max ? max : 1) * size); /* zeroed */
	size_t k = 0;
	int rc = 0;
	while (k < max && (rc = db_step(st)) == DB_ROW) {
		fill(st, a, v + k * size);
		k++;
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	memcpy(out, &v, sizeof v); /* out is the caller's `struct T **`: object pointers look alike here */
	*n = k;
	return 0;
}

int db_step(struct db_stmt *st) { return st->db->drv->step(st); }
int db_one(struct db_stmt *st)
{
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	return rc == DB_ROW ? 0 : rc < 0 ? -rc : ERR_NOTFOUND;
}

void db_done(struct db_stmt *st) { if (st) st->db->drv->reset(st); }
int64_t db_i64(struct db_stmt *st, int col) { return st->db->drv->col_i64(st, col); }
uint64_t db_u64(struct db_stmt *st, int col) { return (uint64_t)st->db->drv->col_i64(st, col); }
const char *db_text(struct db_stmt *st, int col) { return st->db->drv->col_text(st, col); }
bool db_null(struct db_stmt *st, int col) { return st->db->drv->col_null(st, col); }

void db_close(struct db *db)
{
	free(db->rels);
	db->drv->close(db);
}

int db_begin(struct db *db)
{
	/* Begins and commits pair up; a rollback sets the depth to 0, never below. */
	assert(db->in_tx >= 0);
	db->writes++;
	if (db->in_tx++)
		return 0;
	db->retry = 0;
	int rc = db->drv->exec(db, "BEGIN IMMEDIATE");
	if (rc)
		db->in_tx = 0;
	return rc;
}

int db_commit(struct db *db)
{
	if (db->in_tx <= 0)
		return ERR_INVAL;
	if (--db->in_tx)
		return 0;
	int rc = db->drv->exec(db, "COMMIT");
	if (rc) {
		db->writes++;
		db->drv->exec(db, "ROLLBACK");
		log_err("db: commit failed: %s", db->drv->errmsg(db));
	}
	return rc;
}

void db_rollback(struct db *db)
{
	if (db->in_tx <= 0)
		return;
	db->in_tx = 0;
	db->writes++; /* what was read inside the transaction is undone */
	db->drv->exec(db, "ROLLBACK");
}

int db_finish(struct db *db, int rc)
{
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

bool db_again(struct db *db, int rc, int *tries)
{
	if (!rc || !db->retry || db->in_tx > 0 || *tries + 1 >= DB_TRIES)
		return false;
	db->retry = 0;
	(*tries)++;
	/* 1-2 ms on the first retry, up to ~128 ms on the last: the lock
	 * holder's transaction is short. */
	static _Thread_local uint32_t seed;
	if (!seed)
		seed = (uint32_t)(uintptr_t)&seed ^ (uint32_t)time(NULL);
	seed = seed * 1103515245u + 12345u;
	long us = (1000L << (*tries - 1)) + (long)((seed >> 8) % (1000u << (*tries - 1)));
	struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
	nanosleep(&ts, NULL);
	log_debug("db: transaction retried after a serialization failure or deadlock (try %d)", *tries + 1);
	return true;
}
