#ifndef CORE_GUIDELINES_REACH_H
#define CORE_GUIDELINES_REACH_H

/*
 * Guidelines reach (issue 20, docs/measure.md): the share of an
 * organisation's staff who accepted its current social-media guidelines,
 * and a reminder to those who have not.  For its staff only; counts, no
 * names.
 */

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;
struct arena;

/* For viewer, staff of org (ERR_NOTFOUND for anyone else). */
int core_guidelines_reach(struct core *c, struct arena *a, uint64_t viewer, uint64_t org,
                          struct guidelines_reach *out) WARN_UNUSED;
/* A notification (NOTIF_GUIDELINES) to each of org's staff who has not
 * accepted its current guidelines, in one transaction; *sent is how many.
 * ERR_NOTFOUND as above, ERR_CONFLICT when org has no guidelines. */
int core_guidelines_remind(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, size_t *sent) WARN_UNUSED;

#endif
