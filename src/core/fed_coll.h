#ifndef CORE_FED_COLL_H
#define CORE_FED_COLL_H

/*
 * An actor's collections (core/fed_coll.c; docs/federation.md
 * "Collections"): outbox, followers, following and featured of a local
 * account.  What may be in them is core_fed_reach's: the outbox and
 * featured hold public posts only, for every fetcher alike.
 */

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h" /* WARN_UNUSED */
#include "core/core.h"

#define FED_COLL_PAGE 20 /* items on a page (Mastodon's outbox has 20) */

/* Where a page starts: none for the collection itself. */
struct fed_coll_at {
	bool page;       /* ?page=... given: a page, else the collection */
	uint64_t max_id; /* outbox: posts below; followers/following: follows below */
	uint64_t remote; /* followers: remote followers after this actor (the local ones are done) */
};

/* The collection what ("outbox", "followers", "following", "featured") of
 * the local account name, or a page of it.  ERR_NOTFOUND for no such
 * account or collection.  The caller owns *out. */
struct json_t;
int core_fed_collection(struct core *c, struct arena *a, const char *name, const char *what,
                        const struct fed_coll_at *at, struct json_t **out) WARN_UNUSED;

#endif
