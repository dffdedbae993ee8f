#ifndef STORE_STORE_INT_H
#define STORE_STORE_INT_H

/* Internal to store/: shared between the domain functions and migrations. */

#include "store/db.h"
#include "store/store.h"

int store_migrate(struct db *db);
int store_migrations_known(void);
/* The PostgreSQL schema, step for step the same as SQLite's (migrate_pg.c). */
extern const char *const store_pg_steps[];
extern const int store_pg_nsteps;
/* This thread's connection to s, opened on first use; NULL if it cannot be. */
struct db *store_db(struct store *s);

/* The media of v[0..n) into v[i]->x (allocated): store_post_extras's part
 * in media.c. */
struct post;
int store_post_media_many(struct db *db, struct arena *a, struct post *const *v, size_t n);

#endif
