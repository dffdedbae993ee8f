#ifndef BASE_MEM_H
#define BASE_MEM_H

#include <stddef.h>

/*
 * Allocation that cannot fail: on exhaustion the process logs and aborts
 * (as redis, git and h2o do), so callers never check for NULL.
 */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * The server's resident memory (docs/performance.md): mem_tune before the
 * threads start keeps the allocator to two heaps (glibc gives every thread
 * its own, each holding what its busiest moment left free); mem_trim hands
 * the free pages of the heaps back to the system (the server calls it once
 * a second).
 */
void mem_tune(void);
void mem_trim(void);

#endif
