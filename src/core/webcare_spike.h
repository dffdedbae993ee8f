#ifndef CORE_WEBCARE_SPIKE_H
#define CORE_WEBCARE_SPIKE_H

/*
 * Webcare spike alerts (docs/webcare.md): every 5 minutes a durable job
 * counts each organisation's inbox items by when they were written, per 15
 * minutes over the last 4 weeks, and asks base/spike whether the last 15
 * minutes rise sharply above the usual level for that time of the week.
 * An alert is stored, shown at the top of the inbox, and sent to the
 * members of the organisation's teams (all its staff when it has no team)
 * as a notification.  After an alert the organisation gets no new one for
 * an hour: a spike that goes on is one alert.
 */

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;

#define CORE_WC_SPIKE_JOB "webcare-spike"
#define CORE_WC_SPIKE_EVERY 300    /* the job runs every 5 minutes */
#define CORE_WC_SPIKE_QUIET 3600   /* no new alert within the hour after one */
#define CORE_WC_SPIKE_SHOW 7200    /* the inbox shows an alert this long */

/* Check org now (the job; `kring webcare spike ORG`): *alerted when a new
 * alert was made (then *out holds it); *res the detector's verdict. */
struct spike_result;
int core_wc_spike_check(struct core *c, uint64_t org, int64_t now, bool *alerted, struct wc_alert *out,
                        struct spike_result *res) WARN_UNUSED;
/* org's alert to show in the inbox (staff only); ERR_NOTFOUND if none. */
int core_wc_spike_current(struct core *c, uint64_t viewer, uint64_t org, struct wc_alert *out) WARN_UNUSED;

#endif
