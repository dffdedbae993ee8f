/*
 * Export and import of the whole store as JSON Lines (see export.h).
 *
 * The tables and columns come from the database's own catalogue, so a new
 * migration is exported without touching this file.  That makes the SQL here
 * the one place where statements are built at run time: each is built once
 * per table and kept for the life of the process (interned), because the
 * statement cache is keyed on the SQL's address.  Names are checked to be
 * plain identifiers before they go into SQL.
 */
#include "store/export.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/store_int.h"

#define EXPORT_MAX_LINE (64u << 20) /* one row; a post is far below this */
#define EXPORT_MAX_TABLES 200
#define EXPORT_MAX_COLS 64
#define EXPORT_SQL_MAX 8192

struct table {
	char *name;
	int ncols;
	char *cols[EXPORT_MAX_COLS];
	bool is_int[EXPORT_MAX_COLS];
	const char *select_sql, *count_sql, *insert_sql; /* interned */
	int insert_ncols;
};

struct catalog {
	struct table t[EXPORT_MAX_TABLES];
	size_t n;
};

/* Statements built at run time live as long as the process: see above. */
static const char *intern(const char *sql)
{
	return xstrdup(sql);
}

static bool plain_name(const char *s)
{
	if (!*s || strlen(s) > 63)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static void catalog_release(struct catalog *cat)
{
	for (size_t i = 0; i < cat->n; i++) {
		free(cat->t[i].name);
		for (int j = 0; j < cat->t[i].ncols; j++)
			free(cat->t[i].cols[j]);
	}
	cat->n = 0;
}

static int add_col(struct table *t, const char *name, bool is_int)
{
	if (t->ncols == EXPORT_MAX_COLS || !plain_name(name)) {
		log_err("export: unexpected column %s.%s", t->name, name);
		return ERR_INVAL;
	}
	t->cols[t->ncols] = xstrdup(name);
	t->is_int[t->ncols++] = is_int;
	return 0;
}

static int load_columns(struct db *db, struct table *t)
{
	bool pg = db->drv == &db_pg;
	struct db_stmt *st;
	if (pg) {
		st = db_query(db,
		              "SELECT column_name, data_type FROM information_schema.columns"
		              " WHERE table_schema = current_schema() AND table_name = ?1 AND is_generated = 'NEVER'"
		              " ORDER BY ordinal_position",
		              "s", t->name);
	} else {
		/* FTS5 keeps its row key out of the column list. */
		if (!strcmp(t->name, "post_fts") && add_col(t, "rowid", true))
			return ERR_INVAL;
		st = db_query(db, "SELECT name, type FROM pragma_table_info(?1) ORDER BY cid", "s", t->name);
	}
	if (!st)
		return ERR_DB;
	int rc, err = 0;
	while (!err && (rc = db_step(st)) == DB_ROW) {
		const char *type = db_text(st, 1);
		bool is_int = pg ? (!strcmp(type, "bigint") || !strcmp(type, "integer") || !strcmp(type, "smallint"))
		                 : (strstr(type, "INT") != NULL || strstr(type, "int") != NULL);
		err = add_col(t, db_text(st, 0), is_int);
	}
	db_done(st);
	if (err)
		return err;
	return rc < 0 ? -rc : t->ncols ? 0 : ERR_INVAL;
}

/* Build the SELECT and COUNT of a table; the INSERT is built on import. */
static int build_sql(struct table *t)
{
	char sql[EXPORT_SQL_MAX];
	size_t k = (size_t)snprintf(sql, sizeof sql, "SELECT ");
	for (int j = 0; j < t->ncols && k < sizeof sql; j++)
		k += (size_t)snprintf(sql + k, sizeof sql - k, "%s\"%s\"", j ? ", " : "", t->cols[j]);
	if (k < sizeof sql)
		k += (size_t)snprintf(sql + k, sizeof sql - k, " FROM \"%s\" ORDER BY 1", t->name);
	if (k >= sizeof sql)
		return ERR_TOOBIG;
	/* FTS5 answers only to the bare name rowid. */
	char *q = strstr(sql, "\"rowid\"");
	if (q && !strcmp(t->name, "post_fts"))
		memcpy(q, " rowid ", 7);
	t->select_sql = intern(sql);
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM \"%s\"", t->name);
	t->count_sql = intern(sql);
	return 0;
}

static int table_order(const void *x, const void *y)
{
	const struct table *a = x, *b = y;
	/* Accounts first: other tables refer to them. */
	int ra = strcmp(a->name, "accounts") != 0, rb = strcmp(b->name, "accounts") != 0;
	return ra != rb ? ra - rb : strcmp(a->name, b->name);
}

static int catalog_load(struct db *db, struct catalog *cat)
{
	struct db_stmt *st =
		db->drv == &db_pg
			? db_query(db,
			           "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
			           " AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'",
			           "")
			: db_query(db,
			           "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_version'"
			           " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'post\\_fts\\_%' ESCAPE '\\'"
			           /* the name index, kept by triggers on accounts (migration 46) */
			           " AND name NOT LIKE 'account\\_names%' ESCAPE '\\'",
			           "");
	if (!st)
		return ERR_DB;
	int rc, err = 0;
	cat->n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *name = db_text(st, 0);
		if (cat->n == EXPORT_MAX_TABLES || !plain_name(name)) {
			log_err("export: unexpected table %s", name);
			err = ERR_INVAL;
			break;
		}
		memset(&cat->t[cat->n], 0, sizeof cat->t[0]);
		cat->t[cat->n++].name = xstrdup(name);
	}
	db_done(st);
	if (!err && rc < 0)
		err = -rc;
	for (size_t i = 0; !err && i < cat->n; i++)
		if (!(err = load_columns(db, &cat->t[i])))
			err = build_sql(&cat->t[i]);
	if (err) {
		catalog_release(cat);
		return err;
	}
	qsort(cat->t, cat->n, sizeof cat->t[0], table_order);
	return 0;
}

static json_t *row_json(struct db_stmt *st, const struct table *t)
{
	json_t *row = json_object();
	for (int j = 0; j < t->ncols; j++) {
		json_t *v;
		if (db_null(st, j))
			v = json_null();
		else if (t->is_int[j])
			v = json_integer((json_int_t)db_i64(st, j));
		else
			v = json_string(db_text(st, j));
		if (!v) {
			log_err("export: %s.%s is not valid UTF-8", t->name, t->cols[j]);
			json_decref(row);
			return NULL;
		}
		json_object_set_new(row, t->cols[j], v);
	}
	return row;
}

static int export_table(struct db *db, FILE *f, const struct table *t, long *rows)
{
	struct db_stmt *st = db_query(db, t->select_sql, "");
	if (!st)
		return ERR_DB;
	int rc, err = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		json_t *row = row_json(st, t);
		if (!row) {
			err = ERR_INVAL;
			break;
		}
		json_t *line = json_pack("{s:s, s:o}", "table", t->name, "row", row);
		if (json_dumpf(line, f, JSON_COMPACT | JSON_SORT_KEYS) || fputc('\n', f) == EOF)
			err = ERR_IO;
		json_decref(line);
		if (err)
			break;
		(*rows)++;
	}
	db_done(st);
	return err ? err : rc < 0 ? -rc : 0;
}

int store_export(struct store *s, const char *path)
{
	struct db *db = store_db(s);
	if (!db)
		return ERR_BUSY;
	int version = 0;
	int rc = store_schema_version(s, &version);
	if (rc)
		return rc;
	FILE *f = strcmp(path, "-") ? fopen(path, "w") : stdout;
	if (!f) {
		log_err("cannot create %s", path);
		return ERR_IO;
	}
	static struct catalog cat;
	long rows = 0;
	/* A read-only snapshot: consistent, and the running server keeps writing. */
	if (!(rc = db->drv->exec(db, db->drv == &db_pg ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")) &&
	    !(rc = catalog_load(db, &cat))) {
		json_t *head = json_pack("{s:i, s:i, s:s}", "kring_export", 1, "schema_version", version, "backend",
		                         db->drv->name);
		if (json_dumpf(head, f, JSON_COMPACT | JSON_SORT_KEYS) || fputc('\n', f) == EOF)
			rc = ERR_IO;
		json_decref(head);
		for (size_t i = 0; !rc && i < cat.n; i++)
			rc = export_table(db, f, &cat.t[i], &rows);
		catalog_release(&cat);
	}
	db->drv->exec(db, "ROLLBACK");
	if (f != stdout ? fclose(f) : fflush(f))
		rc = rc ? rc : ERR_IO;
	if (!rc)
		log_info("exported %ld rows", rows);
	return rc;
}

/* ---- import ---- */

static struct table *find_table(struct catalog *cat, const char *name)
{
	for (size_t i = 0; i < cat->n; i++)
		if (!strcmp(cat->t[i].name, name))
			return &cat->t[i];
	return NULL;
}

static int col_index(const struct table *t, const char *name)
{
	for (int j = 0; j < t->ncols; j++)
		if (!strcmp(t->cols[j], name))
			return j;
	return -1;
}

/* The INSERT for a table, built from the first row's columns (every row of
 * a dump has them all). */
static int build_insert(struct table *t, json_t *row)
{
	char sql[EXPORT_SQL_MAX];
	size_t k = (size_t)snprintf(sql, sizeof sql, "INSERT INTO \"%s\" (", t->name);
	int n = 0;
	for (int j = 0; j < t->ncols && k < sizeof sql; j++) {
		if (!json_object_get(row, t->cols[j]))
			continue;
		bool bare = !strcmp(t->name, "post_fts") && !strcmp(t->cols[j], "rowid");
		k += (size_t)snprintf(sql + k, sizeof sql - k, bare ? "%s%s" : "%s\"%s\"", n ? ", " : "", t->cols[j]);
		n++;
	}
	if (n != (int)json_object_size(row)) {
		log_err("import: a row of %s has a column the database does not", t->name);
		return ERR_INVAL;
	}
	for (int j = 1; j <= n && k < sizeof sql; j++)
		k += (size_t)snprintf(sql + k, sizeof sql - k, "%s?%d", j == 1 ? ") VALUES (" : ", ", j);
	if (k < sizeof sql)
		k += (size_t)snprintf(sql + k, sizeof sql - k, ")");
	if (k >= sizeof sql)
		return ERR_TOOBIG;
	t->insert_sql = intern(sql);
	t->insert_ncols = n;
	return 0;
}

static int import_row(struct db *db, struct table *t, json_t *row)
{
	if (!t->insert_sql) {
		int rc = build_insert(t, row);
		if (rc)
			return rc;
	}
	if ((int)json_object_size(row) != t->insert_ncols)
		return ERR_INVAL;
	struct db_stmt *st = db->drv->prepare(db, t->insert_sql);
	if (!st)
		return ERR_DB;
	int idx = 0, err = 0;
	for (int j = 0; j < t->ncols && !err; j++) {
		json_t *v = json_object_get(row, t->cols[j]);
		if (!v)
			continue;
		idx++;
		if (json_is_null(v))
			db->drv->bind_null(st, idx);
		else if (json_is_integer(v))
			db->drv->bind_i64(st, idx, (int64_t)json_integer_value(v));
		else if (json_is_string(v))
			db->drv->bind_text(st, idx, json_string_value(v), json_string_length(v));
		else
			err = ERR_INVAL;
	}
	if (!err && idx != t->insert_ncols)
		err = ERR_INVAL; /* the row names other columns than the first did */
	int rc = err ? 0 : db_step(st);
	db_done(st);
	return err ? err : rc < 0 ? -rc : 0;
}

/* Tables kept by triggers from other tables (migrations 7, 8, 43 and 47: the
 * counters and the menu badges' versions; vis_epoch starts with its one
 * row): exported so a dump is complete, never imported, and not asked to
 * be empty. */
static bool derived(const char *table)
{
	return !strcmp(table, "account_stats") || !strcmp(table, "tag_stats") || !strcmp(table, "notif_count") ||
	       !strcmp(table, "vis_epoch") || !strcmp(table, "group_stats");
}

static int check_empty(struct db *db, struct catalog *cat)
{
	for (size_t i = 0; i < cat->n; i++) {
		if (derived(cat->t[i].name))
			continue;
		int64_t n = 0;
		int rc = db_scalar(db, &n, 0, cat->t[i].count_sql, "");
		if (rc)
			return rc;
		if (n) {
			log_err("import: the database is not empty (table %s has %lld rows)", cat->t[i].name, (long long)n);
			return ERR_CONFLICT;
		}
	}
	return 0;
}

static int import_lines(struct db *db, struct catalog *cat, FILE *f, int version, long *rows)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0;
	int rc = 0;
	while (!rc && (len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if ((size_t)len > EXPORT_MAX_LINE) {
			rc = ERR_TOOBIG;
			break;
		}
		json_error_t jerr;
		json_t *j = json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES, &jerr);
		if (!j || !json_is_object(j)) {
			rc = ERR_INVAL;
		} else if (lineno == 1) {
			json_t *v = json_object_get(j, "schema_version");
			if (json_integer_value(json_object_get(j, "kring_export")) != 1 || !json_is_integer(v)) {
				rc = ERR_INVAL;
			} else if (json_integer_value(v) != version) {
				log_err("import: the dump is at schema version %lld, this database at %d",
				        (long long)json_integer_value(v), version);
				rc = ERR_CONFLICT;
			}
		} else {
			const char *name = json_string_value(json_object_get(j, "table"));
			json_t *row = json_object_get(j, "row");
			struct table *t = name ? find_table(cat, name) : NULL;
			if (t && derived(t->name)) {
				/* rebuilt by the triggers as the rows it counts arrive */
			} else if (!t || !json_is_object(row)) {
				log_err("import: unknown table %s", name ? name : "(none)");
				rc = ERR_INVAL;
			} else {
				const char *key;
				json_t *v;
				json_object_foreach(row, key, v) {
					if (col_index(t, key) < 0) {
						log_err("import: unknown column %s.%s", name, key);
						rc = ERR_INVAL;
						break;
					}
				}
				if (!rc && (rc = import_row(db, t, row)))
					log_err("import: line %ld (%s): %s", lineno, name, err_str(rc));
				(*rows)++;
			}
		}
		if (rc == ERR_INVAL && !j)
			log_err("import: line %ld: %s", lineno, jerr.text);
		json_decref(j);
	}
	free(line);
	if (!rc && lineno == 0)
		rc = ERR_INVAL;
	if (!rc && ferror(f))
		rc = ERR_IO;
	return rc;
}

int store_import(struct store *s, const char *path)
{
	struct db *db = store_db(s);
	if (!db)
		return ERR_BUSY;
	int version = 0;
	int rc = store_schema_version(s, &version);
	if (rc)
		return rc;
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!f) {
		log_err("cannot open %s", path);
		return ERR_IO;
	}
	static struct catalog cat;
	long rows = 0;
	if (!(rc = db_begin(db))) {
		if (!(rc = catalog_load(db, &cat))) {
			if (!(rc = check_empty(db, &cat)))
				rc = import_lines(db, &cat, f, version, &rows);
			catalog_release(&cat);
		}
		if (rc)
			db_rollback(db);
		else
			rc = db_commit(db);
	}
	if (f != stdin)
		fclose(f);
	if (!rc)
		log_info("imported %ld rows", rows);
	return rc;
}
