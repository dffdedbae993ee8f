#ifndef BASE_ARENA_H
#define BASE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

/*
 * A bump allocator owned by one request (after h2o's mem pool).  Handlers
 * allocate and never free; arena_clear() drops everything at once and keeps
 * the first block for the next request.  Allocation never fails (aborts).
 */
struct arena_block;
struct arena {
	struct arena_block *head;
	size_t total; /* bytes handed out, for stats */
};

void arena_init(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);   /* 16-byte aligned, zeroed */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The strings given, joined; the list ends with NULL.  No format to parse:
 * for the hot paths that build addresses. */
char *arena_cat(struct arena *a, ...) __attribute__((sentinel));
/* A bigger copy of array p (used elements of size elem) when it is full:
 * doubles *cap.  For collecting rows of unknown count in an arena. */
void *arena_grow(struct arena *a, void *p, size_t *cap, size_t used, size_t elem);
void arena_clear(struct arena *a);
void arena_release(struct arena *a);

#endif
