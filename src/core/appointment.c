/* Appointments: availability, slots, booking, moving, cancelling and the
 * reminders that follow a booking (see appointment.h). */
#include "core/appointment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "core/thuis.h"
#include "job/job.h"

bool core_appt_is_provider(const struct account *acc)
{
	return acc && !acc->suspended &&
	       (acc->kind == ACCOUNT_ORG || (acc->kind == ACCOUNT_PERSON && acc->person_type == PERSON_PROFESSIONAL));
}

static int provider_load(struct core *c, struct arena *a, uint64_t provider, struct account **acc)
{
	int rc = store_account_get(c->store, a, provider, acc);
	if (!rc && !core_appt_is_provider(*acc))
		rc = ERR_NOTFOUND;
	return rc;
}

/* Inside or outside a transaction: the rule of appointment.h. */
static int may_manage(struct core *c, struct arena *a, uint64_t viewer, const struct account *p)
{
	if (!viewer)
		return ERR_AUTH;
	if (p->kind == ACCOUNT_PERSON)
		return viewer == p->id ? 0 : ERR_FORBIDDEN;
	bool staff = false;
	int rc = store_staff_is(c->store, p->id, viewer, &staff);
	if (rc)
		return rc;
	return staff ? 0 : ERR_FORBIDDEN;
}

int core_appt_may_manage(struct core *c, uint64_t viewer, uint64_t provider)
{
	struct arena a;
	arena_init(&a);
	struct account *p;
	int rc = provider_load(c, &a, provider, &p);
	if (!rc)
		rc = may_manage(c, &a, viewer, p);
	arena_release(&a);
	return rc;
}

static int avail_store(struct core *c, uint64_t provider, const struct availability *av)
{
	char canon[AVAIL_SPEC_MAX + 512];
	avail_format(av, canon, sizeof canon);
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	rc = store_avail_set(c->store, provider, canon, time_now());
	return store_finish(c->store, rc);
}

int core_avail_set(struct core *c, uint64_t viewer, uint64_t provider, const char *spec, char *why, size_t whylen)
{
	struct availability av;
	int rc = avail_parse(spec, &av, why, whylen);
	if (!rc)
		rc = core_appt_may_manage(c, viewer, provider); /* ERR_AUTH for viewer 0 */
	return rc ? rc : avail_store(c, provider, &av);
}

int core_avail_set_operator(struct core *c, uint64_t provider, const char *spec, char *why, size_t whylen)
{
	struct availability av;
	int rc = avail_parse(spec, &av, why, whylen);
	if (rc)
		return rc;
	struct arena a;
	arena_init(&a);
	struct account *p;
	rc = provider_load(c, &a, provider, &p);
	arena_release(&a);
	return rc ? rc : avail_store(c, provider, &av);
}

int core_avail_get(struct core *c, struct arena *a, uint64_t provider, struct availability *out, const char **spec)
{
	const char *s;
	int rc = store_avail_get(c->store, a, provider, &s);
	if (rc)
		return rc;
	char why[160];
	if (avail_parse(s, out, why, sizeof why)) {
		log_err("availability of %llu does not parse: %s", (unsigned long long)provider, why);
		return ERR_DB;
	}
	if (spec)
		*spec = s;
	return 0;
}

int core_avail_providers(struct core *c, struct arena *a, size_t max, struct account ***out, size_t *n)
{
	uint64_t *ids;
	size_t k;
	int rc = store_avail_providers(c->store, a, max, &ids, &k);
	if (rc)
		return rc;
	struct account **v = arena_alloc(a, (k + 1) * sizeof *v);
	if ((rc = core_accounts_get(c, a, ids, k, v)))
		return rc;
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (core_appt_is_provider(v[i]))
			v[m++] = v[i];
	*out = v;
	*n = m;
	return 0;
}

/* The free slots of av for len minutes in [from, to), reading the busy
 * blocks that could touch them (except one appointment, when moving). */
static int free_slots(struct core *c, struct arena *a, uint64_t provider, const struct availability *av, int len,
                      int64_t now, int64_t from, int64_t to, uint64_t except, int64_t **out, size_t *n, size_t max)
{
	int64_t margin = ((int64_t)av->before_min + av->after_min + len + 1) * 60;
	int64_t *v;
	size_t nb;
	int rc = store_appt_busy(c->store, a, provider, from - margin, to + margin, except, &v, &nb);
	if (rc)
		return rc;
	struct busy *busy = arena_alloc(a, (nb + 1) * sizeof *busy);
	for (size_t i = 0; i < nb; i++)
		busy[i] = (struct busy){v[2 * i], v[2 * i + 1]};
	int64_t *slots = arena_alloc(a, (max + 1) * sizeof *slots);
	size_t k = slots_free(av, len, now, from, to, busy, nb, slots, max);
	*out = slots;
	*n = k < max ? k : max;
	return 0;
}

int core_slots(struct core *c, struct arena *a, uint64_t provider, const char *kind, int64_t from, int64_t to,
               int64_t **out, size_t *n, int *len)
{
	if (to <= from || to - from > CORE_APPT_RANGE_MAX)
		return ERR_INVAL;
	struct account *p;
	int rc = provider_load(c, a, provider, &p);
	struct availability av;
	if (!rc)
		rc = core_avail_get(c, a, provider, &av, NULL);
	if (rc)
		return rc;
	*len = avail_kind_minutes(&av, kind);
	if (!*len)
		return ERR_INVAL;
	return free_slots(c, a, provider, &av, *len, time_now(), from, to, 0, out, n, CORE_APPT_SLOTS_MAX);
}

int core_appt_has_room(struct core *c, struct arena *a, uint64_t provider, int64_t within, bool *out)
{
	*out = false;
	struct availability av;
	int rc = core_avail_get(c, a, provider, &av, NULL);
	if (rc == ERR_NOTFOUND)
		return 0;
	int len = rc ? 0 : avail_kind_minutes(&av, NULL);
	if (rc || !len)
		return rc;
	int64_t now = time_now(), *v;
	size_t n = 0;
	rc = free_slots(c, a, provider, &av, len, now, now, now + within, 0, &v, &n, 1);
	*out = !rc && n > 0;
	return rc;
}

/* Is start a slot of av at all (ignoring bookings)? */
static bool is_slot(const struct availability *av, int len, int64_t now, int64_t start)
{
	int64_t one;
	return slots_free(av, len, now, start, start + 1, NULL, 0, &one, 1) == 1;
}

/* ---- reminders ---- */

static void arg_of(char *out, size_t cap, uint64_t id, int64_t seq, int kind)
{
	snprintf(out, cap, "%llu:%lld:%d", (unsigned long long)id, (long long)seq, kind);
}

/* Drop the queued reminders of id and queue those of its state now. */
static int remind_queue(struct core *c, const struct appointment *ap, int64_t now)
{
	char prefix[32];
	snprintf(prefix, sizeof prefix, "%llu:", (unsigned long long)ap->id);
	int rc = store_job_drop(c->store, CORE_APPT_JOB, prefix);
	char arg[64];
	uint64_t jid;
	if (!rc && ap->state == APPT_CANCELLED) {
		arg_of(arg, sizeof arg, ap->id, ap->seq, APPT_NOTICE_CANCELLED);
		return store_job_enqueue(c->store, CORE_APPT_JOB, arg, now, &jid);
	}
	if (!rc) {
		arg_of(arg, sizeof arg, ap->id, ap->seq, APPT_NOTICE_BOOKED);
		rc = store_job_enqueue(c->store, CORE_APPT_JOB, arg, now, &jid);
	}
	/* booked less than a day ahead: the confirmation is the reminder */
	if (!rc && ap->starts_at - CORE_APPT_REMIND_S > now) {
		arg_of(arg, sizeof arg, ap->id, ap->seq, APPT_NOTICE_DAY_BEFORE);
		rc = store_job_enqueue(c->store, CORE_APPT_JOB, arg, ap->starts_at - CORE_APPT_REMIND_S, &jid);
	}
	return rc;
}

int core_appt_remind(struct core *c, const char *arg)
{
	unsigned long long id;
	long long seq;
	int kind;
	char tail;
	if (sscanf(arg, "%llu:%lld:%d%c", &id, &seq, &kind, &tail) != 3 || kind < 0 || kind > APPT_NOTICE_CANCELLED)
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	/* Checked and written in one write transaction: a move or cancel either
	 * happened before (this reminder is stale and does nothing) or after. */
	int rc = store_begin(c->store);
	if (rc) {
		arena_release(&a);
		return rc;
	}
	struct appointment ap;
	rc = store_appt_lock(c->store, id);
	if (!rc)
		rc = store_appt_get(c->store, &a, id, &ap);
	bool stale = rc == ERR_NOTFOUND || (!rc && (ap.seq != seq || (kind == APPT_NOTICE_CANCELLED) !=
	                                                                      (ap.state == APPT_CANCELLED)));
	if (rc == ERR_NOTFOUND)
		rc = 0;
	if (!rc && !stale) {
		struct appt_notice n = {.id = id_new(), .appointment_id = ap.id, .account_id = ap.client_id, .kind = kind,
		                        .seq = ap.seq, .starts_at = ap.starts_at, .created_at = time_now()};
		rc = store_appt_notice_insert(c->store, &n);
		/* The same, as a notification (list, API, stream): written with the
		 * notice in this transaction, so it is never stale either. */
		int what = kind == APPT_NOTICE_DAY_BEFORE ? APPT_NOTIF_DAY_BEFORE
		           : kind == APPT_NOTICE_CANCELLED ? APPT_NOTIF_CANCELLED
		           : ap.seq > 0                    ? APPT_NOTIF_MOVED /* only a move books again */
		                                           : APPT_NOTIF_BOOKED;
		char note[80];
		snprintf(note, sizeof note, "%llu:%d:%lld", (unsigned long long)ap.id, what, (long long)ap.starts_at);
		if (!rc)
			rc = store_notif_insert_in(c->store, ap.client_id, NOTIF_APPOINTMENT, ap.provider_id, 0, 0, note);
		/* Push and e-mail are queued with it, and check again when sent
		 * (core/remind.c). */
		if (!rc) {
			remind_push(c, ap.client_id, NOTIF_APPOINTMENT, ap.provider_id);
			rc = remind_mail_queue(c, &ap, what);
		}
	}
	rc = store_finish(c->store, rc);
	if (!rc && !stale)
		job_kick();
	if (!rc && !stale && c->on_notify)
		c->on_notify(c, ap.client_id);
	arena_release(&a);
	return rc;
}

bool core_appt_notif_of(const char *note, uint64_t *id, int *what, int64_t *starts)
{
	unsigned long long i;
	long long t;
	int w;
	char tail;
	if (!note || sscanf(note, "%llu:%d:%lld%c", &i, &w, &t, &tail) != 3 || w < APPT_NOTIF_BOOKED ||
	    w > APPT_NOTIF_CANCELLED)
		return false;
	*id = i;
	*what = w;
	*starts = t;
	return true;
}

const char *core_appt_notif_word(int what)
{
	static const char *const words[] = {"booked", "moved", "day_before", "cancelled"};
	return what >= 0 && what <= APPT_NOTIF_CANCELLED ? words[what] : "booked";
}

static int remind_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	int rc = core_appt_remind(ctx, arg);
	if (rc)
		snprintf(why, whylen, "%s", err_str(rc));
	return rc;
}

static struct job_handler appt_handlers[1];

void core_appt_jobs(struct core *c, const struct job_handler **h, size_t *n)
{
	appt_handlers[0] = (struct job_handler){.kind = CORE_APPT_JOB, .run = remind_run, .ctx = c};
	*h = appt_handlers;
	*n = 1;
}

/* ---- booking ---- */

/* In the open transaction: is start free for len minutes (except one
 * appointment)?  ERR_INVAL when start is no slot, ERR_CONFLICT when taken. */
static int check_free(struct core *c, struct arena *a, uint64_t provider, const struct availability *av, int len,
                      int64_t now, int64_t start, uint64_t except)
{
	if (!is_slot(av, len, now, start))
		return ERR_INVAL;
	int64_t *v;
	size_t n;
	int rc = free_slots(c, a, provider, av, len, now, start, start + 1, except, &v, &n, 1);
	if (!rc && n != 1)
		rc = ERR_CONFLICT;
	return rc;
}

/* A client who books for themselves (or whose informal carer books for
 * them) holds at most CORE_APPT_PER_PROVIDER upcoming appointments with one
 * provider (ERR_RATE), so one account cannot take a care provider's whole
 * calendar.  Inside the booking's transaction. */
static int within_limit(struct core *c, struct arena *a, uint64_t client, uint64_t viewer, uint64_t provider,
                        int64_t now)
{
	struct appointment *v;
	size_t n = 0, k = 0;
	int rc = store_appt_list(c->store, a, client, 0, now, &v, &n);
	for (size_t i = 0; !rc && i < n; i++)
		k += v[i].provider_id == provider && (v[i].booked_by == client || v[i].booked_by == viewer) &&
		     v[i].state == APPT_BOOKED;
	return rc ? rc : k >= CORE_APPT_PER_PROVIDER ? ERR_RATE : 0;
}

int core_appt_book(struct core *c, struct arena *a, uint64_t viewer, uint64_t provider, uint64_t client,
                   const char *kind, int64_t start, struct appointment *out)
{
	if (!viewer)
		return ERR_AUTH;
	if (kind && *kind && !avail_kind_key(kind))
		return ERR_INVAL;
	struct account *p;
	int rc = provider_load(c, a, provider, &p);
	if (rc)
		return rc;
	bool as_client = false; /* the client, or their informal carer: the client's limit holds */
	if (!client || client == viewer) {
		client = viewer;
		as_client = true;
		/* Nobody books across a block, either way (the provider's staff
		 * may still book for the client: their decision). */
		bool blocked = false;
		if ((rc = core_blocked_between(c, provider, viewer, &blocked)))
			return rc;
		if (blocked)
			return ERR_NOTFOUND;
	} else if (!core_carer_may_act(c, viewer, client)) {
		/* an informal carer the client allowed books as the client would:
		 * not across a block, within the client's limit */
		bool blocked = false;
		if ((rc = core_blocked_between(c, provider, client, &blocked)))
			return rc;
		if (blocked)
			return ERR_NOTFOUND;
		as_client = true;
	} else {
		if ((rc = may_manage(c, a, viewer, p)))
			return rc == ERR_FORBIDDEN ? ERR_NOTFOUND : rc;
		struct account *cl;
		if ((rc = store_account_get(c->store, a, client, &cl)))
			return rc;
		if (cl->kind != ACCOUNT_PERSON || cl->suspended)
			return ERR_NOTFOUND;
	}
	if (client == provider)
		return ERR_INVAL;
	struct availability av;
	if ((rc = core_avail_get(c, a, provider, &av, NULL)))
		return rc;
	int len = avail_kind_minutes(&av, kind);
	if (!len)
		return ERR_INVAL;
	const char *key = kind && *kind ? avail_kind_key(kind) : (av.nkinds ? av.kinds[0].key : "afspraak");
	int64_t now = time_now();
	struct busy blk = slots_block(&av, start, len);
	*out = (struct appointment){.id = id_new(), .provider_id = provider, .client_id = client, .booked_by = viewer,
	                            .kind = key, .starts_at = start, .ends_at = start + (int64_t)len * 60,
	                            .block_from = blk.from, .block_to = blk.to, .state = APPT_BOOKED, .seq = 0,
	                            .created_at = now, .updated_at = now};
	/* One write transaction: check, insert, queue the reminders.  On
	 * PostgreSQL the provider's agenda is locked first, so that bookings of
	 * one slot take turns instead of meeting in the exclusion constraint
	 * (which deadlocks when several insert at once); a deadlock or
	 * serialization failure anyway runs the transaction again. */
	int tries = 0;
	do {
		if ((rc = store_begin(c->store)))
			return rc;
		rc = store_appt_lock_provider(c->store, provider);
		if (!rc && as_client)
			rc = within_limit(c, a, client, viewer, provider, now);
		if (!rc)
			rc = check_free(c, a, provider, &av, len, now, start, 0);
		if (!rc) {
			rc = store_appt_insert(c->store, out);
			if (rc == ERR_EXISTS)
				rc = ERR_CONFLICT; /* the database's own guard */
		}
		if (!rc)
			rc = remind_queue(c, out, now);
		rc = store_finish(c->store, rc);
	} while (store_again(c->store, rc, &tries));
	if (!rc)
		job_kick();
	return rc;
}

/* The appointment if viewer is its client, acts for its provider, or is
 * the client's informal carer allowed to act (act) or to see it (!act). */
static int appt_load(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, bool act, struct appointment *out)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = store_appt_get(c->store, a, id, out);
	if (rc || out->client_id == viewer)
		return rc;
	rc = act ? core_carer_may_act(c, viewer, out->client_id) : core_carer_may_see(c, viewer, out->client_id);
	if (rc != ERR_NOTFOUND)
		return rc;
	struct account *p;
	if ((rc = store_account_get(c->store, a, out->provider_id, &p)))
		return rc == ERR_NOTFOUND ? ERR_NOTFOUND : rc;
	rc = may_manage(c, a, viewer, p);
	return rc == ERR_FORBIDDEN || rc == ERR_AUTH ? ERR_NOTFOUND : rc;
}

int core_appt_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct appointment *out)
{
	return appt_load(c, a, viewer, id, false, out);
}

int core_appt_move(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, int64_t start,
                   struct appointment *out)
{
	struct appointment ap;
	int rc = appt_load(c, a, viewer, id, true, &ap);
	if (rc)
		return rc;
	struct availability av;
	if ((rc = core_avail_get(c, a, ap.provider_id, &av, NULL)))
		return rc;
	int len = (int)((ap.ends_at - ap.starts_at) / 60);
	int64_t now = time_now();
	struct busy blk = slots_block(&av, start, len);
	int tries = 0;
	uint64_t provider = ap.provider_id;
	do {
		if ((rc = store_begin(c->store)))
			return rc;
		/* The provider's agenda, then the appointment (the order booking
		 * takes); read again under the locks: it may have moved or been
		 * cancelled since. */
		rc = store_appt_lock_provider(c->store, provider);
		if (!rc)
			rc = store_appt_lock(c->store, id);
		if (!rc)
			rc = store_appt_get(c->store, a, id, &ap);
		if (!rc && ap.state != APPT_BOOKED)
			rc = ERR_CONFLICT;
		/* cancel + book: the old time is left out of the check, the new one taken */
		if (!rc)
			rc = check_free(c, a, ap.provider_id, &av, len, now, start, id);
		if (!rc) {
			rc = store_appt_move(c->store, id, start, start + (int64_t)len * 60, blk.from, blk.to, now);
			if (rc == ERR_EXISTS)
				rc = ERR_CONFLICT;
		}
		if (!rc)
			rc = store_appt_get(c->store, a, id, out);
		if (!rc)
			rc = remind_queue(c, out, now);
		rc = store_finish(c->store, rc);
	} while (store_again(c->store, rc, &tries));
	if (!rc)
		job_kick();
	return rc;
}

int core_appt_cancel(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct appointment *out)
{
	struct appointment ap;
	int rc = appt_load(c, a, viewer, id, true, &ap);
	if (rc)
		return rc;
	int64_t now = time_now();
	int tries = 0;
	do {
		if ((rc = store_begin(c->store)))
			return rc;
		rc = store_appt_cancel(c->store, id, now);
		if (rc == ERR_NOTFOUND)
			rc = ERR_CONFLICT; /* cancelled already */
		if (!rc)
			rc = store_appt_get(c->store, a, id, out);
		if (!rc)
			rc = remind_queue(c, out, now);
		rc = store_finish(c->store, rc);
	} while (store_again(c->store, rc, &tries));
	if (!rc)
		job_kick();
	return rc;
}

int core_appt_mine(struct core *c, struct arena *a, uint64_t viewer, struct appointment **out, size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	return store_appt_list(c->store, a, viewer, 0, time_now() - 3600, out, n);
}

int core_appt_feed(struct core *c, struct arena *a, uint64_t account, struct appointment **out, size_t *n)
{
	/* the last 30 days too, so a calendar keeps what just happened */
	return store_appt_list(c->store, a, account, 0, time_now() - 30 * 86400, out, n);
}

int core_appt_of_provider(struct core *c, struct arena *a, uint64_t viewer, uint64_t provider,
                          struct appointment **out, size_t *n)
{
	int rc = core_appt_may_manage(c, viewer, provider);
	if (rc)
		return rc;
	return store_appt_list(c->store, a, 0, provider, time_now() - 3600, out, n);
}

int core_appt_notices(struct core *c, struct arena *a, uint64_t viewer, struct appt_notice **out, size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	return store_appt_notices(c->store, a, viewer, out, n);
}

/* ---- the calendar feed's secret ---- */

int core_calfeed_new(struct core *c, struct arena *a, uint64_t viewer, const char **secret)
{
	if (!viewer)
		return ERR_AUTH;
	char *t = core_token_new(a);
	char h[65];
	core_token_hash(t, h);
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	rc = store_calfeed_set(c->store, viewer, h, time_now());
	rc = store_finish(c->store, rc);
	if (!rc)
		*secret = t;
	return rc;
}

int core_calfeed_revoke(struct core *c, uint64_t viewer)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	rc = store_calfeed_drop(c->store, viewer);
	return store_finish(c->store, rc);
}

int core_calfeed_has(struct core *c, uint64_t viewer, bool *out)
{
	return store_calfeed_has(c->store, viewer, out);
}

int core_calfeed_account(struct core *c, const char *secret, uint64_t *account)
{
	if (!secret || strlen(secret) != 2 * CORE_TOKEN_BYTES)
		return ERR_NOTFOUND;
	char h[65];
	core_token_hash(secret, h);
	return store_calfeed_find(c->store, h, account);
}
