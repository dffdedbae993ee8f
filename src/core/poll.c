/*
 * Polls: expiry, closing and votes.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "base/testhook.h"
#include "core/federation.h"
#include "core/core.h"
#include "core/core_int.h"
#include "core/push.h"
#include "store/store_api.h"

/* ---- polls ---- */

int core_poll_expiry(int64_t secs, int64_t *expires_at)
{
	if (secs < CORE_POLL_MIN_SECS || secs > CORE_POLL_MAX_SECS)
		return ERR_INVAL;
	*expires_at = time_now() + secs;
	return 0;
}

bool core_poll_closed(const struct poll *p, int64_t now)
{
	return p->expires_at && p->expires_at <= now;
}

int core_poll_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, struct poll **out)
{
	struct post *p;
	int rc = core_post_get(c, a, viewer, post, &p);
	if (rc)
		return rc;
	return store_poll_get(c->store, a, post, viewer, out);
}

int core_poll_vote(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, const int *choices, size_t n)
{
	if (!viewer)
		return ERR_AUTH;
	struct poll *poll;
	int rc = core_poll_get(c, a, viewer, post, &poll);
	if (rc)
		return rc;
	if (core_poll_closed(poll, time_now()))
		return ERR_CONFLICT;
	if (!n || n > poll->nopts || (!poll->multiple && n > 1))
		return ERR_INVAL;
	for (size_t i = 0; i < n; i++) {
		if (choices[i] < 0 || (size_t)choices[i] >= poll->nopts)
			return ERR_INVAL;
		for (size_t k = 0; k < i; k++)
			if (choices[k] == choices[i])
				return ERR_INVAL;
	}
	if (poll->voted)
		return ERR_EXISTS;
	if ((rc = store_poll_vote(c->store, post, viewer, choices, n)))
		return rc;
	core_fed_poll_voted(c, viewer, post, poll, choices, n); /* a poll from elsewhere: to its origin */
	/* Live counts: after the commit the post "changed", as an edit does,
	 * so open streams that may see it get a status.update (the streaming
	 * module also tells the other processes).  It is rendered per stream
	 * for that stream's viewer: counts for all, choices only one's own. */
	if (c->on_post)
		c->on_post(c, post, true);
	return 0;
}
