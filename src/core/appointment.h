#ifndef CORE_APPOINTMENT_H
#define CORE_APPOINTMENT_H

/*
 * Appointments (issue 18): a provider (a professional, or an organisation
 * whose staff act for it) publishes availability; clients see free slots,
 * book, move and cancel; the provider's staff book for a client.  Booking is
 * one write transaction that checks the slot is free and inserts, and the
 * database refuses an overlap on its own too (migration 21), so no two
 * booked appointments of a provider overlap, buffers included.  Moving is
 * the cancel and the new booking in one transaction: the row keeps its id
 * (the calendar UID) and its seq goes up.  Reminders are jobs that carry
 * the seq they were queued for: a move or cancel drops the queued ones, and
 * a job that still runs for an old seq does nothing.  See docs/appointments.md.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/slots.h"
#include "store/types.h"

struct core;
struct arena;
struct job_handler;

#define CORE_APPT_JOB        "appt_remind"
#define CORE_APPT_REMIND_S   86400  /* the reminder goes a day before */
#define CORE_APPT_SLOTS_MAX  2000   /* slots answered at most */
#define CORE_APPT_RANGE_MAX  (62 * 86400) /* one question spans at most this */
#define CORE_APPT_PER_PROVIDER 20   /* upcoming ones a client booked themselves with one provider */

enum appt_notice_kind { APPT_NOTICE_BOOKED = 0, APPT_NOTICE_DAY_BEFORE = 1, APPT_NOTICE_CANCELLED = 2 };

/* What a NOTIF_APPOINTMENT notification tells. */
enum appt_notif_what { APPT_NOTIF_BOOKED = 0, APPT_NOTIF_MOVED = 1, APPT_NOTIF_DAY_BEFORE = 2, APPT_NOTIF_CANCELLED = 3 };
/* Read a NOTIF_APPOINTMENT's note: the appointment, what happened, its
 * start.  false when the note is not one. */
bool core_appt_notif_of(const char *note, uint64_t *id, int *what, int64_t *starts);
/* "booked", "moved", "day_before", "cancelled" (the API's words). */
const char *core_appt_notif_word(int what);

/* Is acc a provider: an organisation, or a professional? */
bool core_appt_is_provider(const struct account *acc);
/* May viewer act for provider (the professional themself, or staff of the
 * organisation)?  0 yes, ERR_AUTH nobody, ERR_FORBIDDEN no, ERR_NOTFOUND not a provider. */
int core_appt_may_manage(struct core *c, uint64_t viewer, uint64_t provider) WARN_UNUSED;

/* Publish availability (the spec text of slots.h) as viewer, who acts for
 * the provider: why gets a Dutch reason on ERR_INVAL. */
int core_avail_set(struct core *c, uint64_t viewer, uint64_t provider, const char *spec, char *why, size_t whylen)
	WARN_UNUSED;
/* The same by the operator at the command line (kring availability set). */
int core_avail_set_operator(struct core *c, uint64_t provider, const char *spec, char *why, size_t whylen)
	WARN_UNUSED;
/* The provider's availability and its spec (ERR_NOTFOUND when none published). */
int core_avail_get(struct core *c, struct arena *a, uint64_t provider, struct availability *out, const char **spec)
	WARN_UNUSED;
/* Providers with availability, at most max. */
int core_avail_providers(struct core *c, struct arena *a, size_t max, struct account ***out, size_t *n) WARN_UNUSED;

/* Free slot starts of kind (NULL: the first) in [from, to) (at most
 * CORE_APPT_RANGE_MAX long); *len the kind's minutes.  ERR_INVAL: a kind the
 * provider does not offer. */
/* Has the provider a free slot (of its first kind) between now and now +
 * within?  false, not an error, for a provider without availability. */
int core_appt_has_room(struct core *c, struct arena *a, uint64_t provider, int64_t within, bool *out) WARN_UNUSED;
int core_slots(struct core *c, struct arena *a, uint64_t provider, const char *kind, int64_t from, int64_t to,
               int64_t **out, size_t *n, int *len) WARN_UNUSED;

/*
 * Book kind at start with provider for client (0: the viewer; someone else
 * only when the viewer acts for the provider).  ERR_CONFLICT: the slot was
 * taken (or no longer free); ERR_INVAL: no slot at that time (why says);
 * ERR_NOTFOUND: no such provider or client.
 */
int core_appt_book(struct core *c, struct arena *a, uint64_t viewer, uint64_t provider, uint64_t client,
                   const char *kind, int64_t start, struct appointment *out) WARN_UNUSED;
/* Move to start (the client or the provider's staff); same errors. */
int core_appt_move(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, int64_t start,
                   struct appointment *out) WARN_UNUSED;
/* Cancel (the client or the provider's staff); ERR_CONFLICT when cancelled already. */
int core_appt_cancel(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct appointment *out)
	WARN_UNUSED;
/* One appointment: the client's and the provider's staff's only, else ERR_NOTFOUND. */
int core_appt_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct appointment *out) WARN_UNUSED;
/* The viewer's appointments as client that have not ended yet (with cancelled ones). */
int core_appt_mine(struct core *c, struct arena *a, uint64_t viewer, struct appointment **out, size_t *n) WARN_UNUSED;
/* All appointments (since `after`) of a client for the calendar feed. */
int core_appt_feed(struct core *c, struct arena *a, uint64_t account, struct appointment **out, size_t *n) WARN_UNUSED;
/* A provider's coming appointments, for those who act for it. */
int core_appt_of_provider(struct core *c, struct arena *a, uint64_t viewer, uint64_t provider,
                          struct appointment **out, size_t *n) WARN_UNUSED;
/* The reminders that reached the viewer, newest first. */
int core_appt_notices(struct core *c, struct arena *a, uint64_t viewer, struct appt_notice **out, size_t *n)
	WARN_UNUSED;

/* The reminder job's handler (main.c starts it with the others). */
void core_appt_jobs(struct core *c, const struct job_handler **h, size_t *n);
/* Run one reminder job argument ("id:seq:kind") now. */
int core_appt_remind(struct core *c, const char *arg) WARN_UNUSED;

/* The personal calendar feed: a new secret (the old one stops working),
 * revoke it, whether there is one, and the account a secret belongs to. */
int core_calfeed_new(struct core *c, struct arena *a, uint64_t viewer, const char **secret) WARN_UNUSED;
int core_calfeed_revoke(struct core *c, uint64_t viewer) WARN_UNUSED;
int core_calfeed_has(struct core *c, uint64_t viewer, bool *out) WARN_UNUSED;
int core_calfeed_account(struct core *c, const char *secret, uint64_t *account) WARN_UNUSED;

#endif
