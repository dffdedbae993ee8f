#ifndef CORE_WEBCARE_CRISIS_H
#define CORE_WEBCARE_CRISIS_H

/*
 * Crisis mode (docs/webcare.md): an organisation's staff switch it on with a
 * topic.  While it is on: a banner on the organisation's profile and in its
 * inbox, a public crisis page (/@org/crisis) with time-stamped updates by
 * staff, items on the topic first in the inbox, and the lower spike
 * threshold.  Switching on, off and posting updates: staff only; the
 * crisis and its updates are public (they are there to inform).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;
struct arena;

#define CORE_WC_CRISIS_TEXT_MAX 2000 /* an update, in characters */

/* On (topic: 1..80 characters) or off.  ERR_INVAL without a topic. */
int core_wc_crisis_set(struct core *c, uint64_t viewer, uint64_t org, bool on, const char *topic) WARN_UNUSED;
/* A time-stamped update while the crisis is on (ERR_CONFLICT when off). */
int core_wc_crisis_post(struct core *c, uint64_t viewer, uint64_t org, const char *text) WARN_UNUSED;
/* org's crisis (on, or the last one); ERR_NOTFOUND if it never had one. */
int core_wc_crisis(struct core *c, struct arena *a, uint64_t org, struct wc_crisis *out) WARN_UNUSED;
/* The updates of org's current (or last) crisis, newest first. */
int core_wc_crisis_updates(struct core *c, struct arena *a, uint64_t org, struct wc_crisis_update **out,
                           size_t *n) WARN_UNUSED;

#endif
