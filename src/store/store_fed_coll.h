#ifndef STORE_STORE_FED_COLL_H
#define STORE_STORE_FED_COLL_H

/* A local account's remote followers, a page at a time (the followers
 * collection, core/fed_coll.c; federation, issue 21). */

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

#define STORE_FED_COLL_MAX 100 /* actors on one page at most */

/* The fed_actors ids of account's accepted remote followers above after,
 * in id order, at most limit. */
int store_fed_follower_page(struct store *s, struct arena *a, uint64_t account, uint64_t after, int limit,
                            uint64_t **out, size_t *n) WARN_UNUSED;

#endif
