#ifndef CORE_MEASURE_H
#define CORE_MEASURE_H

/*
 * Measure and tell, the rest (issue 20, docs/measure.md): changing and
 * ending a campaign, and the ambassador-link visits per week.  For the
 * organisation's staff only; counts, nobody's identity.
 */

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;
struct arena;
struct campaign_input;

#define CORE_AMB_WEEKS 12 /* weeks in the visits-per-week chart */

/* Change campaign id (in->org is ignored: a campaign stays with its
 * organisation): ERR_NOTFOUND unless viewer is its organisation's staff,
 * ERR_INVAL for a bad field. */
int core_campaign_update(struct core *c, struct arena *a, uint64_t viewer, uint64_t id,
                         const struct campaign_input *in) WARN_UNUSED;
/* End it (the posts stay): ERR_NOTFOUND as above. */
int core_campaign_delete(struct core *c, struct arena *a, uint64_t viewer, uint64_t id) WARN_UNUSED;

/* Visits through org's ambassador links per week (Monday to Sunday,
 * Amsterdam), the last CORE_AMB_WEEKS weeks up to this one, oldest first,
 * a week below 5 as -1; for org's staff only (ERR_NOTFOUND otherwise). */
int core_amb_weeks(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct amb_week **out) WARN_UNUSED;

#endif
