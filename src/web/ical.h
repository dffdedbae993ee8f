#ifndef WEB_ICAL_H
#define WEB_ICAL_H

/* A personal calendar feed in iCalendar (RFC 5545), built with libical:
 * METHOD:PUBLISH, a VTIMEZONE for Europe/Amsterdam (the EU rule), each
 * appointment a VEVENT with a stable UID (its id), SEQUENCE (bumped on every
 * move) and STATUS (CONFIRMED, or CANCELLED once cancelled). */

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/appointment.h"

/* names[i]: the provider's name for v[i]; host: the UID's domain and the
 * ORGANIZER's site.  Returns the feed text in a, or NULL. */
char *ical_feed(struct arena *a, const struct appointment *v, const char *const *names, size_t n, const char *host,
                const char *base_url);

#endif
