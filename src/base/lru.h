#ifndef BASE_LRU_H
#define BASE_LRU_H
/*
 * A bounded, thread-safe cache of byte strings by byte-string key, least
 * recently used out first.  Each entry carries the version of the data it
 * was made from and an expiry time; a lookup names the version it wants,
 * so entries made from older data are never returned.  Versions only grow
 * (a version is the database's, and every commit makes a newer one): an
 * entry is dropped as soon as a newer version is stored, so the memory of
 * answers no request can hit again is given back at once.  A key is kept
 * the second time it is offered, not the first: a request made once (a
 * client's unique paging address, a one-off search) does not push out the
 * answers asked for again and again.  Values are copied in and out:
 * nothing in the cache is shared.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

struct lru;

/* max_bytes bounds keys + values + bookkeeping; 0 makes a cache that
 * keeps nothing. */
struct lru *lru_new(size_t max_bytes);
void lru_free(struct lru *c);
/* Append the value for key to out if it is there, made at `version`, and
 * not past its expiry at now_ms. */
bool lru_get(struct lru *c, const void *key, size_t klen, uint64_t version, int64_t now_ms, struct buf *out);
/* Store (or replace) key's value, if the key was offered before and the
 * version is not older than the newest stored; values larger than an
 * eighth of the cache are not kept. */
void lru_put(struct lru *c, const void *key, size_t klen, uint64_t version, int64_t expires_ms, const void *val,
             size_t vlen);
/* Counters since lru_new, for tests and the benchmark. */
void lru_stats(struct lru *c, uint64_t *hits, uint64_t *misses, size_t *bytes, size_t *entries);

#endif
