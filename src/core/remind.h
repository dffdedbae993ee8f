#ifndef CORE_REMIND_H
#define CORE_REMIND_H

/*
 * Reminders beyond the notification list (issue 18, docs/appointments.md):
 * kring's own notifications (appointments, consultation hours, match
 * requests) as Web Push, and appointment reminders by e-mail when the
 * instance has mail (smtp_url) and the person chose it in their settings
 * (default off).  Both follow the booking: what is sent is checked against
 * the appointment as it stands when it is sent, so a moved booking never
 * reaches anyone with its old time and a cancelled one sends no reminder.
 */

#include <stdbool.h>

#include "base/err.h"
#include "store/types.h"

struct core;

/* Does the viewer want appointment reminders by e-mail?  (false without a choice) */
int core_appt_mail_get(struct core *c, uint64_t viewer, bool *on) WARN_UNUSED;
/* Choose; ERR_AUTH without a viewer, ERR_NOTFOUND when the instance has no mail. */
int core_appt_mail_set(struct core *c, uint64_t viewer, bool on) WARN_UNUSED;

#endif
