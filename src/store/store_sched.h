#ifndef STORE_STORE_SCHED_H
#define STORE_STORE_SCHED_H

/* Scheduled posts (scheduled.c): the rows the job queue publishes from. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

enum sched_state { SCHED_WAITING = 0, SCHED_FAILED = 1 };

struct sched_post {
	uint64_t id;
	uint64_t account_id;        /* who scheduled it (the writer) */
	uint64_t author_id;         /* the writer, or an organisation they speak for */
	int64_t scheduled_at;
	const char *text;
	int visibility;
	bool visibility_default;
	uint64_t in_reply_to;
	uint64_t group_id;          /* the group it was written for (named in it), or 0 */
	const char *spoiler_text, *language;
	bool sensitive;
	const char *poll_options;   /* one option a line, "" for none */
	int64_t poll_expires_in;
	bool poll_multiple;
	bool confirm;               /* the author went on past the guard's warning */
	int state;                  /* enum sched_state */
	const char *error;          /* why it could not be published, or "" */
	int64_t created_at;
};

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
