#ifndef CORE_CORE_INT_H
#define CORE_CORE_INT_H

/* Internal to core/. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct core;
struct post;

/* Fill a page of posts for display (the people, what they boost) in a few
 * queries; ok[i] tells whether v[i] may be shown to viewer. */
void core_posts_prepare(struct core *c, struct arena *a, uint64_t viewer, struct post **v, size_t n, bool *ok);

/* Distinct lower-case #tags / @names in s, at most max, into out. */
size_t text_tags(struct arena *a, const char *s, const char **out, size_t max);
size_t text_mentions(struct arena *a, const char *s, const char **out, size_t max);

#endif
