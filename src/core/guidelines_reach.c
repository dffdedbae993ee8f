/*
 * Guidelines reach (issue 20): Laurens wanted its guidelines known by half
 * its staff; this is the number, and a nudge for the rest.
 */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "core/core_int.h"
#include "core/guidelines_reach.h"
#include "store/store_measure.h"

static bool staff_of(struct core *c, uint64_t viewer, uint64_t org)
{
	return viewer && viewer != org && core_may_post_as(c, viewer, org);
}

/* Who of org's staff has not accepted (into *out), and the counts. */
static int count(struct core *c, struct arena *a, uint64_t org, uint64_t viewer, struct guidelines_reach *r,
                 uint64_t **pending, size_t *npending)
{
	memset(r, 0, sizeof *r);
	*npending = 0;
	const char *text = "";
	int rc = store_guidelines_get(c->store, a, org, &text);
	if (rc && rc != ERR_NOTFOUND)
		return rc;
	r->has_guidelines = text && *text;
	struct account **staff;
	size_t n;
	if ((rc = core_org_staff(c, a, org, &staff, &n)))
		return rc;
	*pending = arena_alloc(a, (n + 1) * sizeof **pending);
	for (size_t i = 0; i < n; i++) {
		if (staff[i]->suspended)
			continue;
		r->staff++;
		bool ok = false;
		if (r->has_guidelines && (rc = store_guidelines_accepted(c->store, org, staff[i]->id, &ok)))
			return rc;
		if (ok)
			r->accepted++;
		else
			(*pending)[(*npending)++] = staff[i]->id;
		if (staff[i]->id == viewer)
			r->viewer_accepted = ok;
	}
	r->percent = r->staff ? (int)(r->accepted * 100 / r->staff) : 0;
	return 0;
}

int core_guidelines_reach(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct guidelines_reach *out)
{
	if (!viewer)
		return ERR_AUTH;
	if (!staff_of(c, viewer, org))
		return ERR_NOTFOUND;
	uint64_t *p;
	size_t n;
	return count(c, a, org, viewer, out, &p, &n);
}

int core_guidelines_remind(struct core *c, struct arena *a, uint64_t viewer, uint64_t org,
                           struct guidelines_remind *out)
{
	memset(out, 0, sizeof *out);
	if (!viewer)
		return ERR_AUTH;
	if (!staff_of(c, viewer, org))
		return ERR_NOTFOUND;
	struct guidelines_reach r;
	uint64_t *p;
	size_t n;
	int rc = count(c, a, org, viewer, &r, &p, &n);
	if (rc)
		return rc;
	if (!r.has_guidelines)
		return ERR_CONFLICT;
	int64_t now = time_now(), every = (int64_t)CORE_REMIND_DAYS * 86400;
	uint64_t *to = arena_alloc(a, (n + 1) * sizeof *to);
	size_t nto = 0;
	if ((rc = store_begin(c->store)))
		return rc;
	/* The limit is read and noted in the transaction that sends, so two
	 * presses at once cannot both remind. */
	for (size_t i = 0; i < n && !rc; i++) {
		int64_t last = 0;
		if ((rc = store_remind_last(c->store, org, p[i], &last)))
			break;
		if (last && now - last < every) {
			out->waiting++;
			if (!out->next_at || last + every < out->next_at)
				out->next_at = last + every;
			continue;
		}
		rc = store_notif_insert_for(c->store, p[i], org, NOTIF_GUIDELINES, org, 0);
		if (!rc)
			rc = store_remind_note(c->store, org, p[i], now);
		to[nto++] = p[i];
	}
	if ((rc = store_finish(c->store, rc)))
		return rc;
	for (size_t i = 0; i < nto; i++)
		if (c->on_notify)
			c->on_notify(c, to[i]);
	out->sent = nto;
	return !nto && out->waiting ? ERR_RATE : 0;
}
