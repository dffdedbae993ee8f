#ifndef CORE_CORE_INT_H
#define CORE_CORE_INT_H

/* Internal to core/. */

#include <stddef.h>

struct arena;

/* Distinct lower-case #tags / @names in s, at most max, into out. */
size_t text_tags(struct arena *a, const char *s, const char **out, size_t max);
size_t text_mentions(struct arena *a, const char *s, const char **out, size_t max);

#endif
