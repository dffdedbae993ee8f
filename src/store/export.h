#ifndef STORE_EXPORT_H
#define STORE_EXPORT_H

/*
 * A portable dump of the whole store, to move an instance between backends
 * (SQLite <-> PostgreSQL) or machines.  JSON Lines: a header line
 * {"kring_export":1,"schema_version":N}, then one line per row,
 * {"table":"posts","row":{"id":...,"text":...}}, integers as numbers, text as
 * strings, NULL as null.  Search data (post_fts) travels as its words.
 */

#include "store/store.h"

/* Write every table of s to path ("-" = stdout).  0 or ERR_*. */
int store_export(struct store *s, const char *path);

/*
 * Load a dump into s, which must be empty (no accounts, no posts) and at the
 * dump's schema version; all in one transaction, so a failure leaves it
 * empty.  ERR_CONFLICT if s is not empty, ERR_INVAL for a malformed dump or
 * an unknown table or column.
 */
int store_import(struct store *s, const char *path);

#endif
