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

#endif
