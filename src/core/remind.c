/*
 * Reminders by Web Push and by e-mail (see remind.h).
 *
 * Push: kring's own notification kinds are pushed through Mastodon's
 * subscriptions, whose alerts object has fixed keys, so each kind is heard
 * under one of them (docs/appointments.md, "Reminders by push"):
 *   kring_appointment            -> "mention"  (addressed to you alone)
 *   kring_consult, to the asker  -> "mention"  (an answer to your question)
 *   kring_consult, to followers  -> "status"   (news of a session you follow)
 *   kring_match_request          -> "follow_request" (someone asks to be
 *                                   your client; you answer it, as a request)
 * The push job carries the notification's id; what it says is read when it
 * is sent, and an appointment's is checked against the appointment then: a
 * push for a time the booking no longer has is not sent.
 *
 * E-mail: a job per reminder ("appt_mail", argument "id:seq:what"), queued
 * in the same transaction as the notification, only when the instance has
 * mail and the client chose it; at sending it checks the appointment again
 * (seq and state), the choice and the address.  Plain-text Dutch, the time
 * in Europe/Amsterdam, a link to "mijn afspraken" and the appointment as an
 * .ics attachment (same UID and SEQUENCE as the calendar feed).
 */
#include "core/remind.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "core/appointment.h"
#include "core/core.h"
#include "core/core_int.h"
#include "core/push.h"
#include "job/job.h"

/* ---- the time, in words ---- */

const char *remind_when(struct arena *a, int64_t t, bool en)
{
	static const char *const dag[] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
	static const char *const day[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
	static const char *const maand[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
	                                    "juli",    "augustus", "september", "oktober", "november", "december"};
	static const char *const month[] = {"January", "February", "March",     "April",   "May",      "June",
	                                    "July",    "August",   "September", "October", "November", "December"};
	int64_t local = t + biz_amsterdam_offset(t);
	int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
	int64_t secs = local - days * 86400;
	int y, m, d;
	biz_civil_from_days(days, &y, &m, &d);
	int wd = (int)(((days % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
	int hh = (int)(secs / 3600), mm = (int)(secs % 3600 / 60);
	if (en)
		return arena_printf(a, "%s %d %s %d at %02d:%02d", day[wd], d, month[m - 1], y, hh, mm);
	return arena_printf(a, "%s %d %s %d om %02d:%02d", dag[wd], d, maand[m - 1], y, hh, mm);
}

/* ---- push ---- */

int remind_alert(int kind, const char *note, const char **type)
{
	switch (kind) {
	case NOTIF_APPOINTMENT:
		*type = "kring_appointment";
		return PUSH_MENTION;
	case NOTIF_CONSULT:
		*type = "kring_consult";
		/* core/consult.c writes the asker's notes as "Uw vraag ..." */
		return note && !strncmp(note, "Uw vraag", 8) ? PUSH_MENTION : PUSH_STATUS;
	case NOTIF_MATCH_REQUEST:
		*type = "kring_match_request";
		return PUSH_FOLLOW_REQUEST;
	/* webcare: the team hears a sudden rise in what is said about its
	 * organisation, and the one who answered that it is time to follow up */
	case NOTIF_WEBCARE_SPIKE:
		*type = "kring_webcare_spike";
		return PUSH_MENTION;
	case NOTIF_WEBCARE_FOLLOWUP:
		*type = "kring_webcare_followup";
		return PUSH_MENTION;
	}
	*type = NULL;
	return 0;
}

bool remind_own_work(int kind)
{
	return kind == NOTIF_APPOINTMENT || kind == NOTIF_WEBCARE_SPIKE || kind == NOTIF_WEBCARE_FOLLOWUP;
}

void remind_push(struct core *c, uint64_t to, int kind, uint64_t actor)
{
	uint64_t nid = 0, org = 0;
	/* In the transaction that wrote it: the newest of its kind is this one. */
	if (store_notif_find(c->store, to, kind, actor, 0, &nid, &org))
		return;
	struct arena a;
	arena_init(&a);
	struct notification n;
	if (!store_notif_get(c->store, &a, to, nid, &n))
		core_push_notif(c, to, nid, kind, actor, n.note);
	arena_release(&a);
}

/* Is an appointment notification's note still true of the appointment? */
static bool appt_current(struct core *c, struct arena *a, const char *note, struct appointment *ap, int *what,
                         int64_t *start)
{
	uint64_t id;
	if (!core_appt_notif_of(note, &id, what, start) || store_appt_get(c->store, a, id, ap))
		return false;
	if (*what == APPT_NOTIF_CANCELLED)
		return ap->state == APPT_CANCELLED;
	return ap->state == APPT_BOOKED && ap->starts_at == *start;
}

int remind_push_text(struct core *c, struct arena *a, uint64_t account, uint64_t nid, bool en, uint64_t *actor,
                     const char **type, const char **title, const char **body)
{
	struct notification n;
	struct account *who;
	int rc = store_notif_get(c->store, a, account, nid, &n);
	if (rc)
		return rc;
	if (!remind_alert(n.kind, n.note, type) || core_account_get(c, a, n.actor_id, &who))
		return ERR_NOTFOUND;
	*actor = n.actor_id;
	const char *name = core_shown_name(who);
	if (n.kind == NOTIF_APPOINTMENT) {
		struct appointment ap;
		int what;
		int64_t start;
		if (!appt_current(c, a, n.note, &ap, &what, &start))
			return ERR_CONFLICT; /* moved or cancelled since: not this time */
		const char *w = remind_when(a, start, en);
		*title = arena_printf(a, en ? "Your appointment with %s" : "Uw afspraak bij %s", name);
		*body = what == APPT_NOTIF_DAY_BEFORE ? arena_printf(a, en ? "Tomorrow: %s." : "Morgen: %s.", w)
		        : what == APPT_NOTIF_CANCELLED ? arena_printf(a, en ? "Cancelled: %s." : "Afgezegd: %s.", w)
		        : what == APPT_NOTIF_MOVED
		                ? arena_printf(a, en ? "Moved to %s." : "Verzet naar %s.", w)
		                : arena_printf(a, en ? "Booked: %s." : "Staat vast: %s.", w);
		return 0;
	}
	if (n.kind == NOTIF_WEBCARE_SPIKE) {
		*title = arena_printf(a, en ? "Suddenly much more is said about %s" : "Ineens veel meer berichten over %s",
		                      name);
		*body = en ? "See the webcare inbox." : "Kijk in de webcare-inbox.";
		return 0;
	}
	if (n.kind == NOTIF_WEBCARE_FOLLOWUP) {
		*title = arena_printf(a, en ? "Time to follow up for %s" : "Tijd om terug te koppelen voor %s", name);
		*body = en ? "Tell the person what was done with their message." : "Vertel wat er met het bericht is gedaan.";
		return 0;
	}
	if (n.kind == NOTIF_CONSULT) {
		*title = arena_printf(a, en ? "Consultation hour of %s" : "Spreekuur van %s", name);
		*body = n.note; /* core's Dutch sentence with the topic (docs/consult.md) */
		return 0;
	}
	*title = arena_printf(a, en ? "%s asks you to be their care worker" : "%s vraagt u als zorgverlener", name);
	*body = en ? "See the request on kring." : "Bekijk het verzoek op kring.";
	return 0;
}

/* ---- e-mail ---- */

int core_appt_mail_get(struct core *c, uint64_t viewer, bool *on)
{
	*on = false;
	if (!viewer)
		return ERR_AUTH;
	return store_mail_pref_get(c->store, viewer, on);
}

int core_appt_mail_set(struct core *c, uint64_t viewer, bool on)
{
	if (!viewer)
		return ERR_AUTH;
	if (!core_mail_on())
		return ERR_NOTFOUND;
	int rc = store_begin(c->store);
	if (!rc)
		rc = store_mail_pref_set(c->store, viewer, on);
	return store_finish(c->store, rc);
}

int remind_mail_queue(struct core *c, const struct appointment *ap, int what)
{
	bool on = false;
	const char *to = NULL;
	struct arena a;
	arena_init(&a);
	int rc = core_mail_on() ? store_mail_pref_get(c->store, ap->client_id, &on) : 0;
	if (!rc && on)
		rc = store_email_get(c->store, &a, ap->client_id, &to);
	if (rc == ERR_NOTFOUND)
		rc = 0;
	if (!rc && on && to) {
		char arg[80];
		uint64_t jid;
		snprintf(arg, sizeof arg, "%llu:%lld:%d", (unsigned long long)ap->id, (long long)ap->seq, what);
		rc = store_job_enqueue(c->store, REMIND_MAIL_JOB, arg, time_now(), &jid);
	}
	arena_release(&a);
	return rc;
}

/* "20261208T093000Z" */
static const char *ics_time(struct arena *a, int64_t t)
{
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400, s = t - days * 86400;
	int y, m, d;
	biz_civil_from_days(days, &y, &m, &d);
	return arena_printf(a, "%04d%02d%02dT%02d%02d%02dZ", y, m, d, (int)(s / 3600), (int)(s % 3600 / 60),
	                    (int)(s % 60));
}

/* TEXT escaping of RFC 5545 3.3.11 (a name may hold , ; \ or a newline). */
static const char *ics_text(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *o = arena_alloc(a, 2 * n + 1), *p = o;
	for (; *s; s++) {
		if (*s == '\\' || *s == ';' || *s == ',')
			*p++ = '\\';
		if (*s == '\n' || *s == '\r') {
			*p++ = ' ';
			continue;
		}
		*p++ = *s;
	}
	*p = '\0';
	return o;
}

/* A content line folded at 74 octets (RFC 5545 3.1), never inside a character. */
static const char *ics_fold(struct arena *a, const char *line)
{
	size_t n = strlen(line), w = 0;
	char *o = arena_alloc(a, n + 3 * (n / 60 + 1) + 1), *p = o;
	for (const char *s = line; *s; s++) {
		if (w >= 73 && ((unsigned char)*s & 0xc0) != 0x80) {
			memcpy(p, "\r\n ", 3);
			p += 3;
			w = 1;
		}
		*p++ = *s;
		w++;
	}
	*p = '\0';
	return o;
}

static const char *ics_of(struct arena *a, const struct appointment *ap, const char *provider, const char *host)
{
	/* One VEVENT as in the calendar feed (UID, SEQUENCE, STATUS), in UTC:
	 * no VTIMEZONE needed, and every calendar reads UTC the same way. */
	const char *sum = ics_fold(a, arena_printf(a, "SUMMARY:Afspraak bij %s", ics_text(a, provider)));
	const char *uid = ics_fold(a, arena_printf(a, "UID:afspraak-%llu@%s", (unsigned long long)ap->id, host));
	return arena_printf(a,
	                    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kring//afspraken//NL\r\nMETHOD:PUBLISH\r\n"
	                    "BEGIN:VEVENT\r\n%s\r\nDTSTAMP:%s\r\nDTSTART:%s\r\nDTEND:%s\r\n"
	                    "SEQUENCE:%lld\r\nSTATUS:%s\r\n%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	                    uid, ics_time(a, time_now()), ics_time(a, ap->starts_at),
	                    ics_time(a, ap->ends_at), (long long)ap->seq,
	                    ap->state == APPT_CANCELLED ? "CANCELLED" : "CONFIRMED", sum);
}

int remind_mail_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	struct core *c = ctx;
	unsigned long long id;
	long long seq;
	int what;
	char tail;
	if (sscanf(arg, "%llu:%lld:%d%c", &id, &seq, &what, &tail) != 3 || what < APPT_NOTIF_BOOKED ||
	    what > APPT_NOTIF_CANCELLED)
		return ERR_INVAL;
	if (!core_mail_on())
		return 0; /* mail was switched off since: nothing to send with */
	struct arena a;
	arena_init(&a);
	struct appointment ap;
	struct account *cl, *pro;
	const char *to = NULL;
	bool on = false;
	int rc = store_appt_get(c->store, &a, id, &ap);
	/* Stale: moved (another seq) or cancelled since; then the later
	 * reminder, queued with that change, says what holds. */
	if (rc == ERR_NOTFOUND || (!rc && (ap.seq != seq || (what == APPT_NOTIF_CANCELLED) !=
	                                                         (ap.state == APPT_CANCELLED)))) {
		log_info("appointment mail %s is stale: not sent", arg);
		rc = 0;
		goto out;
	}
	if (!rc)
		rc = store_mail_pref_get(c->store, ap.client_id, &on);
	if (!rc && on)
		rc = store_email_get(c->store, &a, ap.client_id, &to);
	if (rc == ERR_NOTFOUND)
		rc = 0;
	if (rc || !on || !to || !core_email_valid(to) || store_account_get(c->store, &a, ap.client_id, &cl) ||
	    cl->suspended || store_account_get(c->store, &a, ap.provider_id, &pro))
		goto out; /* no longer wanted, no address, or nobody to send it to */
	struct site site;
	core_site_get(c, &a, &site);
	const char *base = core_mail_base();
	const char *host = strstr(base, "://") ? strstr(base, "://") + 3 : base;
	const char *p = core_shown_name(pro);
	const char *w = remind_when(&a, ap.starts_at, false);
	const char *subject = what == APPT_NOTIF_DAY_BEFORE ? arena_printf(&a, "Herinnering: morgen uw afspraak bij %s", p)
	                      : what == APPT_NOTIF_CANCELLED ? arena_printf(&a, "Afgezegd: uw afspraak bij %s", p)
	                      : what == APPT_NOTIF_MOVED     ? arena_printf(&a, "Verzet: uw afspraak bij %s", p)
	                                                     : arena_printf(&a, "Bevestiging: uw afspraak bij %s", p);
	const char *line = what == APPT_NOTIF_DAY_BEFORE
	                           ? arena_printf(&a, "Morgen hebt u een afspraak bij %s:\r\n%s.", p, w)
	                   : what == APPT_NOTIF_CANCELLED
	                           ? arena_printf(&a, "Uw afspraak bij %s is afgezegd:\r\n%s.\r\nDeze afspraak gaat niet door.",
	                                          p, w)
	                   : what == APPT_NOTIF_MOVED
	                           ? arena_printf(&a, "Uw afspraak bij %s is verzet. De nieuwe tijd is:\r\n%s.", p, w)
	                           : arena_printf(&a, "Uw afspraak bij %s staat vast:\r\n%s.", p, w);
	const char *body = arena_printf(&a,
	                                "Hallo,\r\n\r\n%s\r\n(Nederlandse tijd)\r\n\r\n"
	                                "Uw afspraken bekijken, verzetten of afzeggen:\r\n%s/mijn-afspraken\r\n\r\n"
	                                "U krijgt deze e-mail omdat u herinneringen per e-mail hebt aangezet op %s.\r\n"
	                                "Wilt u dat niet meer? Zet het uit bij Instellingen:\r\n%s/settings\r\n",
	                                line, base, site.name, base);
	rc = core_mail_send(&a, to, subject, body, ics_of(&a, &ap, p, host), why, whylen);
	if (!rc)
		log_info("appointment mail %s sent to account %llu", arg, (unsigned long long)ap.client_id);
out:
	arena_release(&a);
	return rc;
}
