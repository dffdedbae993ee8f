/* Webcare spike alerts (core/webcare_spike.h): counts from the store, the
 * verdict from base/spike, the alert stored and sent in one transaction. */
#include "core/webcare_spike.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/id.h"
#include "base/log.h"
#include "base/spike.h"
#include "core/core_int.h"
#include "core/webcare.h"
#include "job/job.h"
#include "store/store_media.h"
#include "store/store_webcare.h"

/* 4 weeks of 15-minute buckets and the one judged. */
#define BUCKETS (4 * 7 * 96 + 1)

/* Who hears of an alert: the members of the organisation's teams, else its staff. */
static int recipients(struct core *c, struct arena *a, uint64_t org, uint64_t **out, size_t *n)
{
	struct wc_team *t;
	size_t nt = 0, k = 0;
	int rc = store_wc_teams(c->store, a, org, &t, &nt);
	if (rc)
		return rc;
	size_t cap = 64;
	uint64_t *v = arena_alloc(a, cap * sizeof *v);
	for (size_t i = 0; i < nt; i++) {
		struct wc_member *m;
		size_t nm = 0;
		if ((rc = store_wc_members(c->store, a, org, t[i].id, &m, &nm)))
			return rc;
		for (size_t j = 0; j < nm && k < cap; j++) {
			bool seen = false;
			for (size_t x = 0; x < k; x++)
				seen = seen || v[x] == m[j].account_id;
			if (!seen)
				v[k++] = m[j].account_id;
		}
	}
	if (!k) {
		struct account **staff;
		size_t ns = 0;
		if ((rc = core_org_staff(c, a, org, &staff, &ns)))
			return rc;
		for (size_t i = 0; i < ns && k < cap; i++)
			v[k++] = staff[i]->id;
	}
	*out = v;
	*n = k;
	return 0;
}

int core_wc_spike_check(struct core *c, uint64_t org, int64_t now, bool *alerted, struct wc_alert *out,
                        struct spike_result *res)
{
	*alerted = false;
	memset(res, 0, sizeof *res);
	const struct spike_params *p = &spike_defaults;
	struct arena a;
	arena_init(&a);
	uint32_t *counts = arena_alloc(&a, BUCKETS * sizeof *counts);
	/* Windows end now, so a rise is judged within minutes of the run, not
	 * at the next quarter hour. */
	int64_t from = now + 1 - (int64_t)BUCKETS * p->bucket_secs; /* up to and with this second */
	bool crisis = wc_crisis_active(c, org);
	int rc = store_wc_bucket_counts(c->store, org, from, p->bucket_secs, BUCKETS, counts);
	if (!rc)
		rc = spike_check(p, counts, BUCKETS, crisis, res);
	if (!rc && res->alert) {
		struct wc_alert last;
		int lrc = store_wc_alert_last(c->store, org, now - CORE_WC_SPIKE_QUIET, &last);
		if (lrc && lrc != ERR_NOTFOUND)
			rc = lrc;
		else if (lrc == ERR_NOTFOUND && !(rc = store_begin(c->store))) {
			*out = (struct wc_alert){.org_id = org, .window_end = now, .count = res->count,
			                         .median_milli = (int64_t)(res->median * 1000),
			                         .z_milli = (int64_t)(res->z * 1000), .crisis = crisis, .created_at = now};
			rc = store_wc_alert_add(c->store, out);
			uint64_t *who;
			size_t nw = 0;
			if (!rc)
				rc = recipients(c, &a, org, &who, &nw);
			for (size_t i = 0; !rc && i < nw; i++)
				if (!(rc = store_notif_insert_for(c->store, who[i], org, NOTIF_WEBCARE_SPIKE, org, 0)))
					remind_push(c, who[i], NOTIF_WEBCARE_SPIKE, org); /* Web Push, core/remind.c */
			rc = store_finish(c->store, rc);
			*alerted = rc == 0;
			if (*alerted)
				job_kick(); /* their pushes */
		}
	}
	arena_release(&a);
	return rc;
}

int core_wc_spike_current(struct core *c, uint64_t viewer, uint64_t org, struct wc_alert *out)
{
	struct arena a;
	arena_init(&a);
	struct wc_team *t;
	size_t nt;
	int rc = core_wc_teams(c, &a, viewer, org, &t, &nt); /* staff only */
	arena_release(&a);
	return rc ? rc : store_wc_alert_last(c->store, org, time_now() - CORE_WC_SPIKE_SHOW, out);
}

/* ---- the job ---- */

static int spike_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	(void)arg;
	struct core *c = ctx;
	struct arena a;
	arena_init(&a);
	int64_t now = time_now();
	uint64_t *orgs;
	size_t n = 0;
	/* Only organisations with an item in the last 4 weeks can rise. */
	int rc = store_wc_active_orgs(c->store, &a, now - 28 * 86400, 10000, &orgs, &n);
	for (size_t i = 0; !rc && i < n && !job_stopping(); i++) {
		bool alerted;
		struct wc_alert al;
		struct spike_result res;
		int src = core_wc_spike_check(c, orgs[i], now, &alerted, &al, &res);
		if (src)
			log_info("webcare spike check of %llu: %s", (unsigned long long)orgs[i], err_str(src));
		else if (alerted)
			log_info("webcare spike alert for %llu: %u items in 15 minutes (usual %.1f)",
			         (unsigned long long)orgs[i], res.count, res.median);
	}
	/* Queued again while this run holds its row (as the source poller). */
	if (!rc)
		rc = store_job_ensure(c->store, CORE_WC_SPIKE_JOB, "", now + CORE_WC_SPIKE_EVERY);
	if (rc)
		snprintf(why, whylen, "%s", err_str(rc));
	arena_release(&a);
	return rc;
}

void wc_spike_handler(struct core *c, struct job_handler *out)
{
	*out = (struct job_handler){.kind = CORE_WC_SPIKE_JOB, .run = spike_run, .ctx = c};
	IGNORE_RESULT(store_job_ensure(c->store, CORE_WC_SPIKE_JOB, "", time_now() + CORE_WC_SPIKE_EVERY));
}
