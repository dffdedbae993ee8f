#ifndef STORE_STORE_REMIND_H
#define STORE_STORE_REMIND_H

/*
 * Reminders by push and e-mail (core/remind.c): one notification read by
 * its id (a push names the notification it was queued for), and what a
 * person wants by e-mail (table mail_prefs; no row: nothing).  Same rules as
 * store.h.
 */

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "store/types.h"

/* The notification `id` of `account` (kind, actor, org and note filled; the
 * rest as stored).  ERR_NOTFOUND when it is not theirs or gone. */
int store_notif_get(struct store *s, struct arena *a, uint64_t account, uint64_t id, struct notification *out)
	WARN_UNUSED;
/* Whether the account wants appointment reminders by e-mail (false without a row). */
int store_mail_pref_get(struct store *s, uint64_t account, bool *appointments) WARN_UNUSED;
int store_mail_pref_set(struct store *s, uint64_t account, bool appointments) WARN_UNUSED;

#endif
