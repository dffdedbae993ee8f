/* FHIR R4, read-only JSON, for Dutch care systems (Nictiz eAfspraken uses
 * these resources): /fhir/Schedule (one per provider with availability),
 * /fhir/Slot?schedule=ID&start=... (the free slots), /fhir/Appointment/:id
 * (its client's and the provider's staff's only, else 404).  The rules are
 * core's (core/appointment.c); this is a view. */
#include "api/api_int.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/appointment.h"
#include "http/http.h"

#define FHIR_SLOT_DAYS 7

static void fhir_begin(struct actx *x)
{
	json_begin(x);
	x->r->content_type = "application/fhir+json; charset=utf-8";
}

static const char *actor_ref(struct actx *x, const struct account *p)
{
	return arena_printf(x->a, "%s/%llu", p->kind == ACCOUNT_ORG ? "Organization" : "Practitioner",
	                    (unsigned long long)p->id);
}

static void coding_text(struct jw *j, const char *key, const char *text)
{
	jw_key(j, key);
	jw_arr(j);
	jw_obj(j);
	jw_kstr(j, "text", text);
	jw_end(j);
	jw_arr_end(j);
}

static void ent_schedule(struct actx *x, struct jw *j, const struct account *p, const struct availability *av)
{
	jw_obj(j);
	jw_kstr(j, "resourceType", "Schedule");
	jw_kstr(j, "id", arena_printf(x->a, "%llu", (unsigned long long)p->id));
	jw_kbool(j, "active", true);
	jw_key(j, "serviceType");
	jw_arr(j);
	for (int i = 0; i < av->nkinds; i++) {
		jw_obj(j);
		jw_kstr(j, "text", av->kinds[i].key);
		jw_end(j);
	}
	jw_arr_end(j);
	jw_key(j, "actor");
	jw_arr(j);
	jw_obj(j);
	jw_kstr(j, "reference", actor_ref(x, p));
	jw_kstr(j, "display", p->display_name[0] ? p->display_name : p->username);
	jw_end(j);
	jw_arr_end(j);
	jw_kstr(j, "comment", "Europe/Amsterdam");
	jw_end(j);
}

static void bundle_begin(struct jw *j, size_t total)
{
	jw_obj(j);
	jw_kstr(j, "resourceType", "Bundle");
	jw_kstr(j, "type", "searchset");
	jw_kint(j, "total", (int64_t)total);
	jw_key(j, "entry");
	jw_arr(j);
}

static void entry_begin(struct actx *x, struct jw *j, const char *type, const char *id)
{
	jw_obj(j);
	jw_kstr(j, "fullUrl", arena_printf(x->a, "%s/fhir/%s/%s", x->base, type, id));
	jw_key(j, "search");
	jw_obj(j);
	jw_kstr(j, "mode", "match");
	jw_end(j);
	jw_key(j, "resource");
}

int a_fhir_schedules(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct account **v;
	size_t n;
	if ((rc = core_avail_providers(x.c, x.a, 100, &v, &n)))
		return rc;
	struct availability *av = arena_alloc(x.a, (n + 1) * sizeof *av);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!core_avail_get(x.c, x.a, v[i]->id, &av[i], NULL))
			v[k] = v[i], av[k] = av[i], k++;
	fhir_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	bundle_begin(&j, k);
	for (size_t i = 0; i < k; i++) {
		entry_begin(&x, &j, "Schedule", arena_printf(x.a, "%llu", (unsigned long long)v[i]->id));
		ent_schedule(&x, &j, v[i], &av[i]);
		jw_end(&j);
	}
	jw_arr_end(&j);
	jw_end(&j);
	return 0;
}

/* A FHIR search date: [ge|gt|le|lt]YYYY-MM-DD[Thh:mm[:ss][zone]]; a date
 * alone is local midnight. */
static bool search_time(const char *s, int64_t *out, char *prefix)
{
	*prefix = 0;
	if (s && strlen(s) > 2 && (!strncmp(s, "ge", 2) || !strncmp(s, "gt", 2) || !strncmp(s, "le", 2) ||
	                           !strncmp(s, "lt", 2) || !strncmp(s, "eq", 2))) {
		*prefix = s[0];
		s += 2;
	}
	if (s && strlen(s) == 10) {
		int y, m, d;
		char tail;
		if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 ||
		    d > 31)
			return false;
		*out = ams_to_utc(civil_days(y, m, d), 0);
		return *out != INT64_MIN;
	}
	return api_parse_time(s, out);
}

int a_fhir_slots(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t sched;
	if (!arg_id(&x, "schedule", &sched)) {
		const char *s = arg(&x, "schedule");
		/* "Schedule/123" as a reference */
		if (!s || strncmp(s, "Schedule/", 9) || !parse_u64(s + 9, &sched))
			return api_fail(&x, 400, "schedule (the id of a Schedule) is required");
	}
	int64_t from = time_now(), to = 0;
	const char *v[4];
	size_t nv = arg_all(&x, "start", v, 4);
	for (size_t i = 0; i < nv; i++) {
		int64_t t;
		char p;
		if (!search_time(v[i], &t, &p))
			return api_fail(&x, 400, "start is not a valid FHIR date or dateTime");
		if (p == 'l')
			to = t;
		else
			from = t;
	}
	if (!to)
		to = from + FHIR_SLOT_DAYS * 86400;
	if (to <= from || to - from > CORE_APPT_RANGE_MAX)
		return api_fail(&x, 400, "start must span at most 62 days");
	int64_t *sl;
	size_t n;
	int len;
	rc = core_slots(x.c, x.a, sched, arg(&x, "service-type"), from, to, &sl, &n, &len);
	if (rc == ERR_INVAL)
		return api_fail(&x, 400, "this schedule has no such service-type");
	if (rc)
		return rc;
	fhir_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	bundle_begin(&j, n);
	for (size_t i = 0; i < n; i++) {
		const char *id = arena_printf(x.a, "%llu-%lld", (unsigned long long)sched, (long long)sl[i]);
		entry_begin(&x, &j, "Slot", id);
		jw_obj(&j);
		jw_kstr(&j, "resourceType", "Slot");
		jw_kstr(&j, "id", id);
		jw_key(&j, "schedule");
		jw_obj(&j);
		jw_kstr(&j, "reference", arena_printf(x.a, "Schedule/%llu", (unsigned long long)sched));
		jw_end(&j);
		jw_kstr(&j, "status", "free");
		jw_ktime(&j, "start", sl[i]);
		jw_ktime(&j, "end", sl[i] + (int64_t)len * 60);
		jw_end(&j);
		jw_end(&j);
	}
	jw_arr_end(&j);
	jw_end(&j);
	return 0;
}

int a_fhir_appointment(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct appointment ap;
	if ((rc = core_appt_get(x.c, x.a, x.viewer, param_id(r, "id"), &ap)))
		return rc == ERR_AUTH ? ERR_NOTFOUND : rc;
	struct account *p = NULL;
	if ((rc = core_account_get(x.c, x.a, ap.provider_id, &p)))
		return rc;
	fhir_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_kstr(&j, "resourceType", "Appointment");
	jw_kstr(&j, "id", arena_printf(x.a, "%llu", (unsigned long long)ap.id));
	jw_key(&j, "meta");
	jw_obj(&j);
	jw_kstr(&j, "versionId", arena_printf(x.a, "%lld", (long long)ap.seq));
	jw_ktime(&j, "lastUpdated", ap.updated_at);
	jw_end(&j);
	jw_kstr(&j, "status", ap.state == APPT_CANCELLED ? "cancelled" : "booked");
	coding_text(&j, "serviceType", ap.kind);
	jw_ktime(&j, "start", ap.starts_at);
	jw_ktime(&j, "end", ap.ends_at);
	jw_kint(&j, "minutesDuration", (ap.ends_at - ap.starts_at) / 60);
	jw_ktime(&j, "created", ap.created_at);
	jw_key(&j, "participant");
	jw_arr(&j);
	jw_obj(&j);
	jw_key(&j, "actor");
	jw_obj(&j);
	jw_kstr(&j, "reference", arena_printf(x.a, "Patient/%llu", (unsigned long long)ap.client_id));
	jw_end(&j);
	jw_kstr(&j, "status", "accepted");
	jw_end(&j);
	jw_obj(&j);
	jw_key(&j, "actor");
	jw_obj(&j);
	jw_kstr(&j, "reference", actor_ref(&x, p));
	jw_kstr(&j, "display", p->display_name[0] ? p->display_name : p->username);
	jw_end(&j);
	jw_kstr(&j, "status", "accepted");
	jw_end(&j);
	jw_arr_end(&j);
	jw_end(&j);
	return 0;
}
