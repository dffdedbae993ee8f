#ifndef CORE_CORE_INT_H
#define CORE_CORE_INT_H

/* Internal to core/. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct core;
struct post;

/* core_post_get for many: out[i] is the post ids[i] names, ready to show to
 * viewer, or NULL when it is gone or not the viewer's to see. */
int core_posts_by_id(struct core *c, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                     struct post **out);

/* The key for per-address limits: the address itself, but for IPv6 its /64
 * (one household or server gets a whole /64, so single addresses cost an
 * attacker nothing).  "-" for NULL. */
const char *core_addr_bucket(struct arena *a, const char *addr);

/* Distinct lower-case #tags / @names in s, at most max, into out. */
size_t text_tags(struct arena *a, const char *s, const char **out, size_t max);
size_t text_mentions(struct arena *a, const char *s, const char **out, size_t max);

#endif
