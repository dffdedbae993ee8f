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
/* Nobody is reminded more often than once per this many days (by any of
 * the organisation's staff): a nudge, not nagging. */
#define CORE_REMIND_DAYS 7

/* A notification (NOTIF_GUIDELINES) to each of org's staff who has not
 * accepted its current guidelines and was not reminded in the last
 * CORE_REMIND_DAYS days, in one transaction; out says how many were
 * reminded and how many wait.  ERR_NOTFOUND as above, ERR_CONFLICT when
 * org has no guidelines, ERR_RATE when everyone to remind was reminded too
 * recently (out filled). */
int core_guidelines_remind(struct core *c, struct arena *a, uint64_t viewer, uint64_t org,
                           struct guidelines_remind *out) WARN_UNUSED;

#endif
