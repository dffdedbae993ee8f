/*
 * Hash table of chained entries plus a doubly linked list in use order,
 * under one mutex.  Every entry is one allocation: the struct, then the
 * key, then the value.
 */
#include "base/lru.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

#define LRU_BUCKETS 1024
/* Keys offered once are remembered by hash in a direct-mapped table: a
 * collision forgets one (it is then kept a request later), and two keys
 * of one hash only make one of them kept a request early. */
#define LRU_OFFERED 4096

struct entry {
	struct entry *hnext;       /* next in the bucket */
	struct entry *prev, *next; /* use order: head is the most recent */
	uint64_t hash, version;
	int64_t expires_ms;
	size_t klen, vlen;
	char data[];               /* key, then value */
};

struct lru {
	pthread_mutex_t lock;
	struct entry **buckets;
	size_t nbuckets;           /* a power of two */
	struct entry *head, *tail;
	size_t bytes, max_bytes, entries;
	uint64_t hits, misses;
	uint64_t newest;           /* the newest version stored */
	uint64_t offered[LRU_OFFERED]; /* hashes of keys offered once */
};

static uint64_t hash_bytes(const void *p, size_t n)
{
	/* FNV-1a, 64 bit */
	const unsigned char *s = p;
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static size_t entry_size(size_t klen, size_t vlen)
{
	return sizeof(struct entry) + klen + vlen;
}

struct lru *lru_new(size_t max_bytes)
{
	struct lru *c = xcalloc(1, sizeof *c);
	pthread_mutex_init(&c->lock, NULL);
	c->nbuckets = LRU_BUCKETS;
	c->buckets = xcalloc(c->nbuckets, sizeof *c->buckets);
	c->max_bytes = max_bytes;
	return c;
}

void lru_free(struct lru *c)
{
	if (!c)
		return;
	for (struct entry *e = c->head, *next; e; e = next) {
		next = e->next;
		free(e);
	}
	free(c->buckets);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

static struct entry **slot_of(struct lru *c, const void *key, size_t klen, uint64_t h)
{
	struct entry **pp = &c->buckets[h & (c->nbuckets - 1)];
	for (; *pp; pp = &(*pp)->hnext)
		if ((*pp)->hash == h && (*pp)->klen == klen && !memcmp((*pp)->data, key, klen))
			break;
	return pp;
}

static void unlink_use(struct lru *c, struct entry *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		c->head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		c->tail = e->prev;
	e->prev = e->next = NULL;
}

static void push_front(struct lru *c, struct entry *e)
{
	e->prev = NULL;
	e->next = c->head;
	if (c->head)
		c->head->prev = e;
	c->head = e;
	if (!c->tail)
		c->tail = e;
}

/* Remove the entry *pp points at from the table and the list, and free it. */
static void drop(struct lru *c, struct entry **pp)
{
	struct entry *e = *pp;
	*pp = e->hnext;
	unlink_use(c, e);
	c->bytes -= entry_size(e->klen, e->vlen);
	c->entries--;
	free(e);
}

bool lru_get(struct lru *c, const void *key, size_t klen, uint64_t version, int64_t now_ms, struct buf *out)
{
	uint64_t h = hash_bytes(key, klen);
	bool found = false;
	pthread_mutex_lock(&c->lock);
	struct entry **pp = slot_of(c, key, klen, h);
	if (*pp && ((*pp)->version != version || (*pp)->expires_ms <= now_ms)) {
		drop(c, pp);
	} else if (*pp) {
		struct entry *e = *pp;
		unlink_use(c, e);
		push_front(c, e);
		found = buf_add(out, e->data + e->klen, e->vlen) == 0;
	}
	if (found)
		c->hits++;
	else
		c->misses++;
	pthread_mutex_unlock(&c->lock);
	return found;
}

/* Drop every entry made before c->newest. */
static void drop_older(struct lru *c)
{
	for (struct entry *e = c->tail, *prev; e; e = prev) {
		prev = e->prev;
		if (e->version < c->newest)
			drop(c, slot_of(c, e->data, e->klen, e->hash));
	}
}

/* Whether a value for the key with hash h, made at version, is to be
 * stored; remembers the key as offered when it is not yet. */
static bool admit(struct lru *c, uint64_t h, uint64_t version)
{
	if (version < c->newest)
		return false;
	uint64_t *seen = &c->offered[h & (LRU_OFFERED - 1)];
	if (*seen == h)
		return true;
	*seen = h;
	return false;
}

void lru_put(struct lru *c, const void *key, size_t klen, uint64_t version, int64_t expires_ms, const void *val,
             size_t vlen)
{
	size_t size = entry_size(klen, vlen);
	if (size > c->max_bytes / 8)
		return;
	uint64_t h = hash_bytes(key, klen);
	pthread_mutex_lock(&c->lock);
	bool keep = admit(c, h, version);
	pthread_mutex_unlock(&c->lock);
	if (!keep)
		return;
	struct entry *e = xmalloc(size);
	memset(e, 0, sizeof *e);
	e->hash = h;
	e->version = version;
	e->expires_ms = expires_ms;
	e->klen = klen;
	e->vlen = vlen;
	memcpy(e->data, key, klen);
	memcpy(e->data + klen, val, vlen);
	pthread_mutex_lock(&c->lock);
	if (version < c->newest) { /* a newer answer came in while copying */
		pthread_mutex_unlock(&c->lock);
		free(e);
		return;
	}
	if (version > c->newest) {
		c->newest = version;
		drop_older(c);
	}
	struct entry **pp = slot_of(c, key, klen, e->hash);
	if (*pp)
		drop(c, pp);
	while (c->tail && c->bytes + size > c->max_bytes)
		drop(c, slot_of(c, c->tail->data, c->tail->klen, c->tail->hash));
	pp = &c->buckets[e->hash & (c->nbuckets - 1)];
	e->hnext = *pp;
	*pp = e;
	push_front(c, e);
	c->bytes += size;
	c->entries++;
	pthread_mutex_unlock(&c->lock);
}

void lru_stats(struct lru *c, uint64_t *hits, uint64_t *misses, size_t *bytes, size_t *entries)
{
	pthread_mutex_lock(&c->lock);
	*hits = c->hits;
	*misses = c->misses;
	*bytes = c->bytes;
	*entries = c->entries;
	pthread_mutex_unlock(&c->lock);
}
