#ifndef STORE_STORE_WEBCARE_SRC_H
#define STORE_STORE_WEBCARE_SRC_H

/* Webcare's outside sources (webcare_src.c): the feeds and hashtags an
 * organisation listens to, and the items they gave. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

#define STORE_WSRC_MAX 500 /* sources listed at most */

/* ERR_EXISTS when the organisation has this url (and tag) already. */
int store_wsrc_insert(struct store *s, const struct wsrc *w) WARN_UNUSED;
int store_wsrc_get(struct store *s, struct arena *a, uint64_t id, struct wsrc *out) WARN_UNUSED;
/* One organisation's (org 0: every organisation's), oldest first. */
int store_wsrc_list(struct store *s, struct arena *a, uint64_t org, struct wsrc **out, size_t *n) WARN_UNUSED;
int store_wsrc_count(struct store *s, uint64_t org, int64_t *n) WARN_UNUSED;
/* The source and its items; ERR_NOTFOUND when there is none. */
int store_wsrc_delete(struct store *s, uint64_t id) WARN_UNUSED;
/* What a poll learned: etag, last_modified, min_id, poll_every, next_at,
 * last_poll_at, last_ok_at, last_status, last_error. */
int store_wsrc_polled(struct store *s, const struct wsrc *w) WARN_UNUSED;
/* Keep an item once per source: *added says whether it was new. */
int store_wsrc_item_add(struct store *s, const struct wsrc_item *it, bool *added) WARN_UNUSED;
/* The newest items of a source (source 0: of org), newest first. */
int store_wsrc_items(struct store *s, struct arena *a, uint64_t org, uint64_t source, size_t limit,
                     struct wsrc_item **out, size_t *n) WARN_UNUSED;

#endif
