#ifndef STORE_STORE_APPT_H
#define STORE_STORE_APPT_H

/* Appointments (appointment.c): providers' availability, the booked
 * appointments, the reminders that reached clients, calendar-feed keys. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

#include "store/store.h"

#define STORE_APPT_LIST_MAX   200 /* appointments listed at most */
#define STORE_APPT_BUSY_MAX   4096 /* blocks read for one computation at most */
#define STORE_APPT_NOTICE_MAX 50

int store_avail_set(struct store *s, uint64_t provider, const char *spec, int64_t now) WARN_UNUSED;
/* ERR_NOTFOUND when the provider published none. */
int store_avail_get(struct store *s, struct arena *a, uint64_t provider, const char **spec) WARN_UNUSED;
/* Providers who published availability, by id, at most max. */
int store_avail_providers(struct store *s, struct arena *a, size_t max, uint64_t **out, size_t *n) WARN_UNUSED;

/* The provider's booked blocks (buffers included) that end after from and
 * start before to, by block_from: v[2i] from, v[2i+1] to.  except: an
 * appointment left out (the one being moved), or 0. */
int store_appt_busy(struct store *s, struct arena *a, uint64_t provider, int64_t from, int64_t to, uint64_t except,
                    int64_t **v, size_t *n) WARN_UNUSED;
/* ERR_EXISTS when its block overlaps a booked one (the database's own guard). */
int store_appt_insert(struct store *s, const struct appointment *ap) WARN_UNUSED;
int store_appt_get(struct store *s, struct arena *a, uint64_t id, struct appointment *out) WARN_UNUSED;
/* Inside a transaction: hold the appointment's row until it ends, so that a
 * check of its state and what is written from it see no move or cancel in
 * between (PostgreSQL; SQLite has one writer at a time). */
int store_appt_lock(struct store *s, uint64_t id) WARN_UNUSED;
/* PostgreSQL: lock the provider's availability row for the transaction, so
 * bookings and moves of one provider's agenda take turns (no-op on SQLite,
 * whose writer is alone). */
int store_appt_lock_provider(struct store *s, uint64_t provider) WARN_UNUSED;
/* New times, seq + 1 (ERR_EXISTS on overlap, ERR_NOTFOUND when not booked). */
int store_appt_move(struct store *s, uint64_t id, int64_t starts, int64_t ends, int64_t bfrom, int64_t bto,
                    int64_t now) WARN_UNUSED;
/* State cancelled, seq + 1 (ERR_NOTFOUND when not booked). */
int store_appt_cancel(struct store *s, uint64_t id, int64_t now) WARN_UNUSED;
/* A client's (who 0: any) or a provider's (provider 0: any) appointments
 * ending after `after`, by start, at most STORE_APPT_LIST_MAX. */
int store_appt_list(struct store *s, struct arena *a, uint64_t client, uint64_t provider, int64_t after,
                    struct appointment **out, size_t *n) WARN_UNUSED;
/* Every booked appointment, for the tests of reminders (at most max). */
int store_appt_all_booked(struct store *s, struct arena *a, size_t max, struct appointment **out, size_t *n) WARN_UNUSED;

int store_appt_notice_insert(struct store *s, const struct appt_notice *n) WARN_UNUSED;
/* The account's notices, newest first, at most STORE_APPT_NOTICE_MAX; all (max 0 means the limit). */
int store_appt_notices(struct store *s, struct arena *a, uint64_t account, struct appt_notice **out, size_t *n)
	WARN_UNUSED;
/* Queued jobs of kind whose argument starts with prefix are dropped. */
int store_job_drop(struct store *s, const char *kind, const char *prefix) WARN_UNUSED;
/* Queued jobs of kind, their arguments and times (the reminder test). */
int store_job_queued(struct store *s, struct arena *a, const char *kind, size_t max, const char ***args,
                     int64_t **run_at, size_t *n) WARN_UNUSED;

/* Calendar feeds: one secret per account, stored as its hash. */
int store_calfeed_set(struct store *s, uint64_t account, const char *hash, int64_t now) WARN_UNUSED;
int store_calfeed_drop(struct store *s, uint64_t account) WARN_UNUSED;
int store_calfeed_find(struct store *s, const char *hash, uint64_t *account) WARN_UNUSED;
int store_calfeed_has(struct store *s, uint64_t account, bool *out) WARN_UNUSED;

#endif
