/* kring's own API for appointments (/api/v1/kring/...): providers, their
 * availability and free slots, booking (201 / 409), moving, cancelling and
 * the caller's appointments.  The rules are core's (core/appointment.c). */
#include "api/api_int.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/appointment.h"
#include "core/thuis.h"
#include "http/http.h"

#define MSG_TAKEN                                                                                 \
	"Dit tijdstip is al bezet: kies een ander tijdstip. (This time is already taken: please choose" \
	" another time.)"
#define MSG_TOO_MANY                                                                                \
	"U hebt al veel afspraken bij deze zorgverlener staan: zeg er eerst een af. (You already have many" \
	" upcoming appointments with this care provider: cancel one first.)"
#define MSG_NO_SLOT                                                                                     \
	"Op dit tijdstip kunt u geen afspraak maken: kies een vrij tijdstip uit de lijst. (There is no free" \
	" slot at this time: please choose one from the list.)"

static void ent_kinds(struct jw *j, const struct availability *av)
{
	jw_key(j, "kinds");
	jw_arr(j);
	for (int i = 0; i < av->nkinds; i++) {
		jw_obj(j);
		jw_kstr(j, "key", av->kinds[i].key);
		jw_kint(j, "minutes", av->kinds[i].minutes);
		jw_end(j);
	}
	jw_arr_end(j);
}

/* KringAvailability */
static void ent_availability(struct jw *j, uint64_t provider, const struct availability *av, const char *spec)
{
	jw_obj(j);
	jw_kid(j, "provider_id", provider);
	jw_kstr(j, "spec", spec);
	jw_kint(j, "slot_minutes", av->slot_min);
	jw_kint(j, "buffer_before_minutes", av->before_min);
	jw_kint(j, "buffer_after_minutes", av->after_min);
	jw_kint(j, "minimum_notice_minutes", av->notice_min);
	jw_kint(j, "ahead_days", av->ahead_days);
	ent_kinds(j, av);
	jw_kstr(j, "time_zone", "Europe/Amsterdam");
	jw_end(j);
}

/* KringAppointment */
static void ent_appt(struct jw *j, const struct appointment *ap)
{
	jw_obj(j);
	jw_kid(j, "id", ap->id);
	jw_kid(j, "provider_id", ap->provider_id);
	jw_kid(j, "client_id", ap->client_id);
	jw_kid(j, "booked_by_id", ap->booked_by);
	jw_kstr(j, "kind", ap->kind);
	jw_ktime(j, "start", ap->starts_at);
	jw_ktime(j, "end", ap->ends_at);
	jw_kstr(j, "state", ap->state == APPT_CANCELLED ? "cancelled" : "booked");
	jw_kint(j, "sequence", ap->seq);
	jw_ktime(j, "created_at", ap->created_at);
	jw_ktime(j, "updated_at", ap->updated_at);
	jw_end(j);
}

static int appt_answer(struct actx *x, const struct appointment *ap, int status)
{
	json_begin(x);
	x->r->status = status;
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_appt(&j, ap);
	return 0;
}

/* The error answers every booking route shares. */
static int appt_fail(struct actx *x, int rc)
{
	if (rc == ERR_CONFLICT)
		return api_fail(x, 409, MSG_TAKEN);
	if (rc == ERR_INVAL)
		return api_fail(x, 422, MSG_NO_SLOT);
	if (rc == ERR_RATE)
		return api_fail(x, 429, MSG_TOO_MANY);
	return rc;
}

int a_kring_providers(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct account **v;
	size_t n;
	if ((rc = core_avail_providers(x.c, x.a, 100, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++) {
		struct availability av;
		if (core_avail_get(x.c, x.a, v[i]->id, &av, NULL))
			continue;
		jw_obj(&j);
		jw_kid(&j, "id", v[i]->id);
		jw_kstr(&j, "username", v[i]->username);
		jw_kstr(&j, "display_name", v[i]->display_name);
		jw_kstr(&j, "kind", v[i]->kind == ACCOUNT_ORG ? "organisation" : "professional");
		ent_kinds(&j, &av);
		jw_end(&j);
	}
	jw_arr_end(&j);
	return 0;
}

int a_kring_availability(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t provider = param_id(r, "id");
	if (r->method == HTTP_PUT) {
		const char *spec = arg(&x, "spec");
		char why[200] = "";
		if (!spec)
			return api_fail(&x, 422, "Validation failed: spec is missing");
		rc = core_avail_set(x.c, x.viewer, provider, spec, why, sizeof why);
		if (rc == ERR_INVAL || rc == ERR_TOOBIG)
			return api_fail(&x, 422, why[0] ? why : "Validation failed");
		if (rc == ERR_FORBIDDEN)
			return ERR_NOTFOUND;
		if (rc)
			return rc;
	}
	struct availability av;
	const char *spec;
	if ((rc = core_avail_get(x.c, x.a, provider, &av, &spec)))
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_availability(&j, provider, &av, spec);
	return 0;
}

int a_kring_slots(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	int64_t now = time_now(), from = now, to;
	const char *f = arg(&x, "from"), *t = arg(&x, "to");
	if (f && !api_parse_time(f, &from))
		return api_fail(&x, 422, "Validation failed: from is not a valid date and time");
	to = from + 7 * 86400;
	if (t && !api_parse_time(t, &to))
		return api_fail(&x, 422, "Validation failed: to is not a valid date and time");
	if (to <= from || to - from > CORE_APPT_RANGE_MAX)
		return api_fail(&x, 422, "Validation failed: from must come before to, at most 62 days apart");
	const char *kind = arg(&x, "kind");
	int64_t *v;
	size_t n;
	int len;
	rc = core_slots(x.c, x.a, param_id(r, "id"), kind, from, to, &v, &n, &len);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: this provider does not offer that kind of appointment");
	if (rc)
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&j);
		jw_ktime(&j, "start", v[i]);
		jw_ktime(&j, "end", v[i] + (int64_t)len * 60);
		jw_end(&j);
	}
	jw_arr_end(&j);
	return 0;
}

int a_kring_appts(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if (r->method == HTTP_POST) {
		uint64_t provider = 0, client = 0;
		int64_t start;
		if (!arg_id(&x, "provider_id", &provider))
			return api_fail(&x, 422, "Validation failed: provider_id is missing");
		if (arg(&x, "client_id") && !arg_id(&x, "client_id", &client))
			return api_fail(&x, 422, "Validation failed: client_id is not an id");
		if (!api_parse_time(arg(&x, "start"), &start))
			return api_fail(&x, 422, "Validation failed: start is not a valid date and time");
		struct appointment ap;
		rc = core_appt_book(x.c, x.a, x.viewer, provider, client, arg(&x, "kind"), start, &ap);
		if (rc)
			return appt_fail(&x, rc);
		return appt_answer(&x, &ap, 201);
	}
	struct appointment *v;
	size_t n;
	if ((rc = core_appt_mine(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_appt(&j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

/* GET /carers/:id/appointments: client :id's appointments, for their
 * informal carer (core/thuis.c decides; else 404). */
int a_kring_carer_appts(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct appointment *v;
	size_t n;
	rc = core_carer_appts(x.c, x.a, x.viewer, param_id(r, "id"), &v, &n);
	if (rc == ERR_NOTFOUND)
		return api_fail(&x, 404, "Record not found");
	if (rc)
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_appt(&j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

int a_kring_provider_appts(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct appointment *v;
	size_t n;
	rc = core_appt_of_provider(x.c, x.a, x.viewer, param_id(r, "id"), &v, &n);
	if (rc == ERR_FORBIDDEN)
		rc = ERR_NOTFOUND;
	if (rc)
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_appt(&j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

int a_kring_appt(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	struct appointment ap;
	if (r->method == HTTP_GET)
		rc = core_appt_get(x.c, x.a, x.viewer, id, &ap);
	else if (r->method == HTTP_DELETE)
		rc = core_appt_cancel(x.c, x.a, x.viewer, id, &ap);
	else {
		int64_t start;
		if (!api_parse_time(arg(&x, "start"), &start))
			return api_fail(&x, 422, "Validation failed: start is not a valid date and time");
		rc = core_appt_move(x.c, x.a, x.viewer, id, start, &ap);
	}
	if (rc == ERR_CONFLICT && r->method == HTTP_DELETE)
		return api_fail(&x, 409, "Deze afspraak is al afgezegd. (This appointment was cancelled already.)");
	if (rc)
		return appt_fail(&x, rc);
	return appt_answer(&x, &ap, 200);
}

/* KringReminder: the reminders that reached the caller, newest first. */
int a_kring_reminders(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct appt_notice *v;
	size_t n;
	if ((rc = core_appt_notices(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&j);
		jw_kid(&j, "id", v[i].id);
		jw_kid(&j, "appointment_id", v[i].appointment_id);
		jw_kstr(&j, "kind", v[i].kind == APPT_NOTICE_DAY_BEFORE  ? "day_before"
		                    : v[i].kind == APPT_NOTICE_CANCELLED ? "cancelled"
		                                                         : "booked");
		jw_kint(&j, "sequence", v[i].seq);
		jw_ktime(&j, "start", v[i].starts_at);
		jw_ktime(&j, "created_at", v[i].created_at);
		jw_end(&j);
	}
	jw_arr_end(&j);
	return 0;
}
