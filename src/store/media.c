/*
 * Media rows, their files, post attachments, avatars, and the job queue.
 * Portable SQL (RETURNING, ON CONFLICT) as in the rest of store/.
 */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "store/store_int.h"
#include "store/store_api.h"
#include "store/store_media.h"

#define MAX_ROWS 64

static int finish(struct db *db, int rc)
{
	return db_finish(db, rc);
}

int store_media_insert(struct store *s, const struct media *m, const char *job_kind)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db,
	             "INSERT INTO media (id, owner_id, kind, state, mime, alt, created_at, size, blur)"
	             " VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8)",
	             "uuissiii", m->id, m->owner_id, (int64_t)m->kind, m->mime, m->alt ? m->alt : "", m->created_at,
	             m->size, (int64_t)m->blur);
	if (!rc && job_kind) {
		char arg[24];
		snprintf(arg, sizeof arg, "%llu", (unsigned long long)m->id);
		rc = db_exec(db,
		             "INSERT INTO jobs (id, kind, arg, state, attempts, run_at, created_at)"
		             " VALUES (?1, ?2, ?3, 0, 0, ?4, ?4)",
		             "ussi", id_new(), job_kind, arg, m->created_at);
	}
	return finish(db, rc);
}

#define MEDIA_MAX_FILES 8

/* A media_files row (sha256, ext, mime, width, height, size, main) from column `at`. */
static void file_row(struct arena *a, struct db_stmt *st, int at, struct media_file *f)
{
	f->sha256 = arena_strdup(a, db_text(st, at));
	f->ext = arena_strdup(a, db_text(st, at + 1));
	f->mime = arena_strdup(a, db_text(st, at + 2));
	f->width = (int)db_i64(st, at + 3);
	f->height = (int)db_i64(st, at + 4);
	f->size = db_i64(st, at + 5);
	f->main = db_i64(st, at + 6) != 0;
}

static int load_files(struct db *db, struct arena *a, struct media *m)
{
	struct db_stmt *st = db_query(db,
	                              "SELECT sha256, ext, mime, width, height, size, main FROM media_files"
	                              " WHERE media_id = ?1 ORDER BY main DESC, width ASC",
	                              "u", m->id);
	if (!st)
		return ERR_DB;
	m->files = arena_alloc(a, MEDIA_MAX_FILES * sizeof *m->files);
	int rc;
	while ((rc = db_step(st)) == DB_ROW && m->nfiles < MEDIA_MAX_FILES)
		file_row(a, st, 0, &m->files[m->nfiles++]);
	db_done(st);
	return rc < 0 ? -rc : 0;
}

static void files_many_row(struct db_stmt *st, void *ctx)
{
	struct by_id *b = ctx;
	uint64_t id = db_u64(st, 0); /* the account's */
	struct media *m = NULL;
	for (size_t i = 0; i < b->n && !m; i++)
		if (b->ids[i] == id)
			m = b->out[i];
	if (!m) {
		m = arena_alloc(b->a, sizeof *m);
		m->id = db_u64(st, 1);
		m->state = MEDIA_READY;
		m->files = arena_alloc(b->a, MEDIA_MAX_FILES * sizeof *m->files);
		by_id_place(b, id, m);
	}
	if (m->nfiles < MEDIA_MAX_FILES)
		file_row(b->a, st, 2, &m->files[m->nfiles++]);
}

int store_avatars_many(struct store *s, struct arena *a, const uint64_t *ids, size_t n, struct media **out)
{
	DB_OR_FAIL(s);
	memset(out, 0, n * sizeof *out);
	struct by_id b = {a, ids, n, (void **)out};
	return db_each_ids(db,
	                   "SELECT av.account_id, m.id, f.sha256, f.ext, f.mime, f.width, f.height, f.size, f.main"
	                   " FROM " DB_IDS_ROWS " CROSS JOIN account_avatar av JOIN media m ON m.id = av.media_id"
	                   " JOIN media_files f ON f.media_id = m.id"
	                   " WHERE av.account_id = ids.column1 AND m.state = ?41"
	                   " ORDER BY av.account_id, f.main DESC, f.width ASC",
	                   ids, n, MEDIA_READY, files_many_row, &b);
}

#define MEDIA_COLS \
	"SELECT id, owner_id, kind, state, sha256, mime, width, height, size, alt, colour, error, created_at," \
	" faces, blur, seen_text, look_note FROM media"

static struct media *media_row(struct arena *a, struct db_stmt *st)
{
	struct media *m = arena_alloc(a, sizeof *m);
	m->id = db_u64(st, 0);
	m->owner_id = db_u64(st, 1);
	m->kind = (int)db_i64(st, 2);
	m->state = (int)db_i64(st, 3);
	m->sha256 = arena_strdup(a, db_text(st, 4));
	m->mime = arena_strdup(a, db_text(st, 5));
	m->width = (int)db_i64(st, 6);
	m->height = (int)db_i64(st, 7);
	m->size = db_i64(st, 8);
	m->alt = arena_strdup(a, db_text(st, 9));
	m->colour = arena_strdup(a, db_text(st, 10));
	m->error = arena_strdup(a, db_text(st, 11));
	m->created_at = db_i64(st, 12);
	m->faces = (int)db_i64(st, 13);
	m->blur = (int)db_i64(st, 14);
	m->seen_text = arena_strdup(a, db_text(st, 15));
	m->look_note = arena_strdup(a, db_text(st, 16));
	return m;
}

int store_media_get(struct store *s, struct arena *a, uint64_t id, struct media **out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, MEDIA_COLS " WHERE id = ?1", "u", id);
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	struct media *m = rc == DB_ROW ? media_row(a, st) : NULL;
	db_done(st);
	if (rc < 0)
		return -rc;
	if (!m)
		return ERR_NOTFOUND;
	if ((rc = load_files(db, a, m)))
		return rc;
	*out = m;
	return 0;
}

int store_media_ready(struct store *s, uint64_t id, const struct media *m, const struct media_file *f, size_t n)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	/* A retried job replaces what an earlier attempt may have written. */
	rc = db_exec(db, "DELETE FROM media_files WHERE media_id = ?1", "u", id);
	for (size_t i = 0; i < n && !rc; i++)
		rc = db_exec(db,
		             "INSERT INTO media_files (media_id, sha256, ext, mime, width, height, size, main)"
		             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
		             "usssiiii", id, f[i].sha256, f[i].ext, f[i].mime, (int64_t)f[i].width, (int64_t)f[i].height,
		             f[i].size, (int64_t)f[i].main);
	if (!rc)
		rc = db_exec(db,
		             "UPDATE media SET state = 1, sha256 = ?2, mime = ?3, width = ?4, height = ?5, size = ?6,"
		             " colour = ?7, error = '', faces = ?8, blur = ?9, seen_text = ?10, look_note = ?11 WHERE id = ?1",
		             "ussiiisiiss", id, m->sha256, m->mime, (int64_t)m->width, (int64_t)m->height, m->size,
		             m->colour ? m->colour : "", (int64_t)m->faces, (int64_t)m->blur, m->seen_text ? m->seen_text : "",
		             m->look_note ? m->look_note : "");
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_NOTFOUND;
	return finish(db, rc);
}

int store_media_blur_again(struct store *s, uint64_t id, const char *job_kind)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	rc = db_exec(db,
	             "UPDATE media SET state = 0, blur = 1 WHERE id = ?1 AND state = 1 AND blur <> 2"
	             " AND NOT EXISTS (SELECT 1 FROM post_media WHERE media_id = ?1)",
	             "u", id);
	if (!rc && db->drv->changes(db) == 0)
		rc = ERR_CONFLICT;
	if (!rc) {
		char arg[24];
		snprintf(arg, sizeof arg, "%llu", (unsigned long long)id);
		int64_t now = time_now();
		rc = db_exec(db,
		             "INSERT INTO jobs (id, kind, arg, state, attempts, run_at, created_at)"
		             " VALUES (?1, ?2, ?3, 0, 0, ?4, ?4)",
		             "ussi", id_new(), job_kind, arg, now);
	}
	return finish(db, rc);
}

int store_media_failed(struct store *s, uint64_t id, const char *error)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE media SET state = 2, error = ?2 WHERE id = ?1", "us", id, error ? error : "");
}

int store_media_set_alt(struct store *s, uint64_t id, const char *alt)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE media SET alt = ?2 WHERE id = ?1", "us", id, alt ? alt : "");
}

static int ids_of(struct arena *a, struct db_stmt *st, uint64_t **out, size_t *n)
{
	if (!st)
		return ERR_DB;
	uint64_t *v = arena_alloc(a, MAX_ROWS * sizeof *v);
	size_t k = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW && k < MAX_ROWS)
		v[k++] = db_u64(st, 0);
	db_done(st);
	if (rc < 0)
		return -rc;
	*out = v;
	*n = k;
	return 0;
}

int store_media_by_sha(struct store *s, struct arena *a, const char *sha256, uint64_t **ids, size_t *n)
{
	DB_OR_FAIL(s);
	return ids_of(a, db_query(db, "SELECT media_id FROM media_files WHERE sha256 = ?1 ORDER BY media_id", "s", sha256),
	              ids, n);
}

int store_media_posts(struct store *s, struct arena *a, uint64_t media_id, uint64_t **posts, size_t *n)
{
	DB_OR_FAIL(s);
	return ids_of(a,
	              db_query(db,
	                       "SELECT pm.post_id FROM post_media pm JOIN posts p ON p.id = pm.post_id"
	                       " WHERE pm.media_id = ?1 AND p.deleted = 0 ORDER BY pm.post_id",
	                       "u", media_id),
	              posts, n);
}

int store_media_attach(struct store *s, uint64_t post_id, const uint64_t *ids, size_t n)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	for (size_t i = 0; i < n && !rc; i++)
		rc = db_exec(db, "INSERT INTO post_media (post_id, media_id, position) VALUES (?1, ?2, ?3)", "uui", post_id,
		             ids[i], (int64_t)i);
	return finish(db, rc);
}

int store_media_attached(struct store *s, uint64_t media_id, bool *out)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	/* shared with a client by a care worker (core/thuis.c) counts as in use too */
	int rc = db_scalar(db, &v, 0,
	                   "SELECT 1 WHERE EXISTS (SELECT 1 FROM post_media WHERE media_id = ?1)"
	                   " OR EXISTS (SELECT 1 FROM care_media WHERE media_id = ?1)"
	                   " OR EXISTS (SELECT 1 FROM plan_photos WHERE media_id = ?1)",
	                   "u", media_id);
	*out = rc || v != 0; /* in doubt, in use: never delete what a post may hold */
	return rc;
}

int store_post_media(struct store *s, struct arena *a, uint64_t post_id, struct media ***out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT m.id, m.owner_id, m.kind, m.state, m.sha256, m.mime, m.width, m.height,"
	                              " m.size, m.alt, m.colour, m.error, m.created_at, m.faces, m.blur, m.seen_text,"
	                              " m.look_note FROM post_media pm JOIN media m ON m.id = pm.media_id"
	                              " WHERE pm.post_id = ?1 ORDER BY pm.position",
	                              "u", post_id);
	if (!st)
		return ERR_DB;
	struct media **v = arena_alloc(a, MAX_ROWS * sizeof *v);
	size_t k = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW && k < MAX_ROWS)
		v[k++] = media_row(a, st);
	db_done(st);
	if (rc < 0)
		return -rc;
	for (size_t i = 0; i < k; i++)
		if ((rc = load_files(db, a, v[i])))
			return rc;
	*out = v;
	*n = k;
	return 0;
}

struct media_rows {
	struct arena *a;
	struct post *const *v;
	size_t n;
};

static void post_media_row(struct db_stmt *st, void *ctx)
{
	struct media_rows *r = ctx;
	struct media *md = media_row(r->a, st);
	uint64_t pid = db_u64(st, 17);
	for (size_t i = 0; i < r->n; i++) {
		struct post_extra *x = r->v[i]->x;
		if (r->v[i]->id != pid || x->nmedia == MAX_ROWS)
			continue;
		if (!x->media)
			x->media = arena_alloc(r->a, MAX_ROWS * sizeof *x->media);
		x->media[x->nmedia++] = md;
	}
}

int store_post_media_many(struct db *db, struct arena *a, struct post *const *v, size_t n)
{
	uint64_t *ids;
	size_t nids = store_post_ids(a, v, n, &ids);
	struct media_rows r = {a, v, n};
	int rc = db_each_ids(db,
	                     "SELECT m.id, m.owner_id, m.kind, m.state, m.sha256, m.mime, m.width, m.height, m.size,"
	                     " m.alt, m.colour, m.error, m.created_at, m.faces, m.blur, m.seen_text, m.look_note, pm.post_id"
	                     " FROM " DB_IDS_ROWS " CROSS JOIN post_media pm"
	                     " JOIN media m ON m.id = pm.media_id WHERE pm.post_id = ids.column1"
	                     " ORDER BY pm.post_id, pm.position",
	                     ids, nids, 0, post_media_row, &r);
	/* Media are rare on a page; their files one query each. */
	for (size_t i = 0; i < n && !rc; i++)
		for (size_t k = 0; k < v[i]->x->nmedia && !rc; k++)
			if (!v[i]->x->media[k]->files)
				rc = load_files(db, a, v[i]->x->media[k]);
	return rc;
}

int store_media_release_post(struct store *s, struct arena *a, uint64_t post_id, uint64_t **orphans, size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	int rc = db_begin(db);
	if (rc)
		return rc;
	uint64_t *ids;
	size_t k;
	rc = ids_of(a, db_query(db, "DELETE FROM post_media WHERE post_id = ?1 RETURNING media_id", "u", post_id), &ids,
	            &k);
	if (rc)
		return finish(db, rc);
	uint64_t *v = arena_alloc(a, (k + 1) * sizeof *v);
	for (size_t i = 0; i < k; i++) {
		int64_t used = 0;
		rc = db_scalar(db, &used, 0,
		               "SELECT (SELECT COUNT(*) FROM post_media WHERE media_id = ?1)"
		               " + (SELECT COUNT(*) FROM account_avatar WHERE media_id = ?1)",
		               "u", ids[i]);
		if (rc)
			break;
		if (!used)
			v[(*n)++] = ids[i];
	}
	*orphans = v;
	return finish(db, rc);
}

int store_media_bytes(struct store *s, uint64_t owner, int64_t *all, int64_t *loose)
{
	DB_OR_FAIL(s);
	int rc = db_scalar(db, all, 0, "SELECT SUM(size) FROM media WHERE owner_id = ?1", "u", owner);
	if (!rc)
		rc = db_scalar(db, loose, 0,
		               "SELECT SUM(m.size) FROM media m WHERE m.owner_id = ?1"
		               " AND NOT EXISTS (SELECT 1 FROM post_media pm WHERE pm.media_id = m.id)",
		               "u", owner);
	return rc;
}

/* Uses of a media item that keep it: posts, avatars, group pictures. */
#define MEDIA_UNUSED(m) \
	" NOT EXISTS (SELECT 1 FROM post_media pm WHERE pm.media_id = " m ")" \
	" AND NOT EXISTS (SELECT 1 FROM account_avatar aa WHERE aa.media_id = " m ")" \
	" AND NOT EXISTS (SELECT 1 FROM groups g WHERE g.picture_id = " m ")" \
	" AND NOT EXISTS (SELECT 1 FROM care_media cm WHERE cm.media_id = " m ")" \
	" AND NOT EXISTS (SELECT 1 FROM plan_photos pp WHERE pp.media_id = " m ")"

int store_media_loose(struct store *s, struct arena *a, int64_t before, uint64_t **ids, size_t *n)
{
	DB_OR_FAIL(s);
	return ids_of(a, db_query(db, "SELECT m.id FROM media m WHERE m.created_at < ?1 AND" MEDIA_UNUSED("m.id")
	                              " ORDER BY m.id LIMIT 64", "i", before),
	              ids, n);
}

int store_media_delete(struct store *s, struct arena *a, uint64_t id, bool if_unused, const char ***gone,
                       size_t *n)
{
	DB_OR_FAIL(s);
	*n = 0;
	int rc = db_begin(db);
	if (rc)
		return rc;
	if (if_unused) {
		/* In the same transaction as the delete: a post that takes it
		 * meanwhile keeps it. */
		int64_t unused = 0;
		rc = db_scalar(db, &unused, 0, "SELECT 1 FROM media WHERE id = ?1 AND" MEDIA_UNUSED("?1"), "u", id);
		if (rc || !unused) {
			*gone = NULL;
			return finish(db, rc ? rc : ERR_CONFLICT);
		}
	}
	struct db_stmt *st = db_query(db, "DELETE FROM media_files WHERE media_id = ?1 RETURNING sha256, ext", "u", id);
	const char **v = arena_alloc(a, 16 * sizeof *v);
	size_t k = 0;
	if (!st) {
		rc = ERR_DB;
	} else {
		int r;
		while ((r = db_step(st)) == DB_ROW)
			if (k < 16)
				v[k++] = arena_printf(a, "%s.%s", db_text(st, 0), db_text(st, 1));
		db_done(st);
		if (r < 0)
			rc = -r;
	}
	if (!rc)
		rc = db_exec(db, "DELETE FROM media WHERE id = ?1", "u", id);
	/* Content-addressed: another upload of the same bytes keeps the file. */
	for (size_t i = 0; i < k && !rc; i++) {
		int64_t used = 0;
		char sha[65];
		snprintf(sha, sizeof sha, "%.64s", v[i]);
		rc = db_scalar(db, &used, 0, "SELECT COUNT(*) FROM media_files WHERE sha256 = ?1", "s", sha);
		if (!rc && !used)
			v[(*n)++] = v[i];
	}
	*gone = v;
	return finish(db, rc);
}

int store_avatar_set(struct store *s, uint64_t account, uint64_t media_id, uint64_t *old)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	int64_t prev = 0;
	rc = db_scalar(db, &prev, 0, "SELECT media_id FROM account_avatar WHERE account_id = ?1", "u", account);
	if (!rc)
		rc = media_id ? db_exec(db,
		                        "INSERT INTO account_avatar (account_id, media_id) VALUES (?1, ?2)"
		                        " ON CONFLICT (account_id) DO UPDATE SET media_id = excluded.media_id",
		                        "uu", account, media_id)
		              : db_exec(db, "DELETE FROM account_avatar WHERE account_id = ?1", "u", account);
	*old = (uint64_t)prev;
	return finish(db, rc);
}

int store_avatar_get(struct store *s, uint64_t account, uint64_t *media_id)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT media_id FROM account_avatar WHERE account_id = ?1", "u", account);
	*media_id = (uint64_t)v;
	return rc;
}

int store_media_is_avatar(struct store *s, uint64_t media_id, bool *out)
{
	DB_OR_FAIL(s);
	int64_t v = 0;
	int rc = db_scalar(db, &v, 0, "SELECT 1 FROM account_avatar WHERE media_id = ?1 LIMIT 1", "u", media_id);
	*out = rc || v != 0; /* in doubt, in use */
	return rc;
}

/* ---- jobs ---- */

int store_job_enqueue(struct store *s, const char *kind, const char *arg, int64_t run_at, uint64_t *id)
{
	DB_OR_FAIL(s);
	uint64_t nid = id_new();
	int rc = db_exec(db,
	                 "INSERT INTO jobs (id, kind, arg, state, attempts, run_at, created_at)"
	                 " VALUES (?1, ?2, ?3, 0, 0, ?4, ?4)",
	                 "ussi", nid, kind, arg, run_at);
	if (!rc && id)
		*id = nid;
	return rc;
}

int store_job_ensure(struct store *s, const char *kind, const char *arg, int64_t run_at)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	int64_t queued = 0;
	rc = db_scalar(db, &queued, 0, "SELECT 1 FROM jobs WHERE kind = ?1 AND arg = ?2 AND state = 0 LIMIT 1", "ss",
	               kind, arg);
	if (!rc && !queued)
		rc = db_exec(db,
		             "INSERT INTO jobs (id, kind, arg, state, attempts, run_at, created_at)"
		             " VALUES (?1, ?2, ?3, 0, 0, ?4, ?4)",
		             "ussi", id_new(), kind, arg, run_at);
	else if (!rc) /* one queued for later: it runs at run_at instead */
		rc = db_exec(db, "UPDATE jobs SET run_at = ?2 WHERE kind = ?1 AND arg = ?3 AND state = 0 AND run_at > ?2", "sis",
		             kind, run_at, arg);
	return finish(db, rc);
}

int store_job_claim(struct store *s, struct arena *a, int64_t now, int64_t lease, struct job **out)
{
	DB_OR_FAIL(s);
	int rc = db_begin(db);
	if (rc)
		return rc;
	/* One statement under the write lock: two workers never get the same
	 * job.  PostgreSQL also skips a row another process holds (SKIP LOCKED)
	 * rather than wait for it. */
#define JOB_CLAIM(lock) \
	"UPDATE jobs SET state = 1, attempts = attempts + 1, locked_until = ?1 + ?2" \
	" WHERE id = (SELECT id FROM jobs WHERE (state = 0 AND run_at <= ?1)" \
	"  OR (state = 1 AND locked_until < ?1) ORDER BY run_at, id LIMIT 1" lock ")" \
	" AND (state = 0 OR (state = 1 AND locked_until < ?1))" \
	" RETURNING id, kind, arg, state, attempts, run_at, error"
	struct db_stmt *st = db->drv == &db_pg ? db_query(db, JOB_CLAIM(" FOR UPDATE SKIP LOCKED"), "ii", now, lease)
	                                       : db_query(db, JOB_CLAIM(""), "ii", now, lease);
	struct job *j = NULL;
	if (!st) {
		rc = ERR_DB;
	} else {
		int r = db_step(st);
		if (r == DB_ROW) {
			j = arena_alloc(a, sizeof *j);
			j->id = db_u64(st, 0);
			j->kind = arena_strdup(a, db_text(st, 1));
			j->arg = arena_strdup(a, db_text(st, 2));
			j->state = (int)db_i64(st, 3);
			j->attempts = (int)db_i64(st, 4);
			j->run_at = db_i64(st, 5);
			j->error = arena_strdup(a, db_text(st, 6));
			r = db_step(st);
		}
		db_done(st);
		if (r < 0)
			rc = -r;
	}
	if ((rc = finish(db, rc)))
		return rc;
	if (!j)
		return ERR_NOTFOUND;
	*out = j;
	return 0;
}

int store_job_done(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE jobs SET state = 2, locked_until = 0, error = '' WHERE id = ?1", "u", id);
}

int store_job_fail(struct store *s, uint64_t id, const char *error, int64_t retry_at)
{
	DB_OR_FAIL(s);
	if (retry_at)
		return db_exec(db, "UPDATE jobs SET state = 0, run_at = ?2, locked_until = 0, error = ?3 WHERE id = ?1",
		               "uis", id, retry_at, error ? error : "");
	return db_exec(db, "UPDATE jobs SET state = 3, locked_until = 0, error = ?2 WHERE id = ?1", "us", id,
	               error ? error : "");
}

int store_job_get(struct store *s, struct arena *a, uint64_t id, struct job **out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st =
		db_query(db, "SELECT id, kind, arg, state, attempts, run_at, error FROM jobs WHERE id = ?1", "u", id);
	if (!st)
		return ERR_DB;
	int rc = db_step(st);
	if (rc == DB_ROW) {
		struct job *j = arena_alloc(a, sizeof *j);
		j->id = db_u64(st, 0);
		j->kind = arena_strdup(a, db_text(st, 1));
		j->arg = arena_strdup(a, db_text(st, 2));
		j->state = (int)db_i64(st, 3);
		j->attempts = (int)db_i64(st, 4);
		j->run_at = db_i64(st, 5);
		j->error = arena_strdup(a, db_text(st, 6));
		*out = j;
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	return rc == DB_ROW ? 0 : ERR_NOTFOUND;
}

int store_job_count(struct store *s, int state, int64_t *out)
{
	DB_OR_FAIL(s);
	return db_scalar(db, out, 0, "SELECT COUNT(*) FROM jobs WHERE state = ?1", "i", (int64_t)state);
}
