#ifndef STORE_STORE_SCHED_H
#define STORE_STORE_SCHED_H

/* Scheduled posts (scheduled.c): the rows the job queue publishes from. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

int store_sched_insert(struct store *s, const struct sched_post *p);
/* The account's scheduled posts, newest id first, below max_id (0: all) above min_id. */
int store_sched_list(struct store *s, struct arena *a, uint64_t account, const struct page *pg,
                     struct sched_post **out, size_t *n);
/* One by id; account 0: whoever's (the job). ERR_NOTFOUND when none. */
int store_sched_get(struct store *s, struct arena *a, uint64_t account, uint64_t id, struct sched_post *out);
int store_sched_count(struct store *s, uint64_t account, int64_t *n);
/* A new time (back to waiting); ERR_NOTFOUND when not the account's. */
int store_sched_set_time(struct store *s, uint64_t account, uint64_t id, int64_t at);
int store_sched_delete(struct store *s, uint64_t account, uint64_t id);
int store_sched_fail(struct store *s, uint64_t id, const char *error);

#endif
