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

/* Distinct lower-case #tags / @names in s, at most max, into out. */
size_t text_tags(struct arena *a, const char *s, const char **out, size_t max);
size_t text_mentions(struct arena *a, const char *s, const char **out, size_t max);

/* The instance's hierarchy (see core_account_suspend): may actor, with at
 * least min_role, act on target?  actor 0 is the operator. */
int core_instance_may_act(struct core *c, struct arena *a, uint64_t actor, const struct account *target,
                          int min_role);
/* May viewer remove p, someone else's post, as a moderator?  The group's
 * hierarchy when viewer moderates its group, else the instance's.  *group is
 * the log the removal goes in: the group's, or the instance's (0). */
int core_mod_may_remove(struct core *c, struct arena *a, uint64_t viewer, const struct post *p, uint64_t *group);

#endif
