/*
 * The social graph: follows and follow requests, blocks, mutes, relations.
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
#include "core/core.h"
#include "core/federation.h"
#include "core/core_int.h"
#include "core/push.h"
#include "store/store_api.h"

/* ---- social graph ---- */

int core_follow(struct core *c, uint64_t viewer, uint64_t target, bool on, int *state)
{
	if (!viewer)
		return ERR_AUTH;
	if (viewer == target)
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct account *t;
	int rc = store_account_get(c->store, &a, target, &t);
	bool changed = false;
	if (rc)
		goto out;
	if (core_fed_is_remote(t)) {
		/* Another server's account: it answers the Follow (federation.c). */
		bool already = false;
		if (!(rc = store_follows(c->store, viewer, target, &already)) && !(on && already))
			rc = core_fed_follow_account(c, &a, viewer, t, on);
		*state = !on ? FOLLOW_NONE : already ? FOLLOW_YES : FOLLOW_REQUESTED;
		goto out;
	}
	if (!on) {
		/* Unfollowed: off the viewer's lists too (Mastodon's rule), all at once. */
		int tries = 0;
		do {
			if ((rc = store_begin(c->store)))
				goto out;
			rc = store_follow_set(c->store, viewer, target, false, NULL);
			if (!rc)
				rc = store_follow_request_set(c->store, viewer, target, false, NULL);
			if (!rc)
				rc = list_drop(c, &a, viewer, target);
			rc = store_finish(c->store, rc);
		} while (store_again(c->store, rc, &tries));
		*state = FOLLOW_NONE;
		goto out;
	}
	bool yes;
	if ((rc = core_blocked_between(c, target, viewer, &yes)))
		goto out;
	if (yes) {
		rc = ERR_FORBIDDEN;
		goto out;
	}
	if ((rc = store_follows(c->store, viewer, target, &yes)))
		goto out;
	if (yes) {
		*state = FOLLOW_YES;
		goto out;
	}
	if (t->locked) {
		rc = store_follow_request_set(c->store, viewer, target, true, &changed);
		*state = FOLLOW_REQUESTED;
		if (!rc && changed)
			core_notify(c, target, NOTIF_FOLLOW_REQUEST, viewer, 0);
	} else {
		rc = store_follow_set(c->store, viewer, target, true, &changed);
		*state = FOLLOW_YES;
		if (!rc && changed)
			core_notify(c, target, NOTIF_FOLLOW, viewer, 0);
	}
out:
	arena_release(&a);
	return rc;
}

int core_follow_answer(struct core *c, uint64_t viewer, uint64_t requester, bool accept)
{
	if (!viewer)
		return ERR_AUTH;
	bool asked;
	int rc = store_follow_requested(c->store, requester, viewer, &asked);
	if (rc)
		return rc;
	if (!asked)
		return ERR_NOTFOUND;
	/* From another server: it is told (Accept or Reject), as the CLI does. */
	struct arena a;
	arena_init(&a);
	struct account *req;
	bool remote = !store_account_get(c->store, &a, requester, &req) && core_fed_is_remote(req);
	if (remote)
		rc = core_fed_request_answer_account(c, &a, viewer, requester, accept);
	arena_release(&a);
	if (remote)
		return rc;
	if (!accept)
		return store_follow_request_set(c->store, requester, viewer, false, NULL);
	bool changed;
	rc = store_follow_set(c->store, requester, viewer, true, &changed);
	if (!rc && changed)
		core_notify(c, viewer, NOTIF_FOLLOW, requester, 0);
	return rc;
}

int core_block(struct core *c, uint64_t viewer, uint64_t target, bool on)
{
	if (!viewer)
		return ERR_AUTH;
	if (viewer == target)
		return ERR_INVAL;
	if (!on) {
		int rc = store_block_set(c->store, viewer, target, false);
		if (!rc)
			core_fed_account_blocked(c, viewer, target, false); /* Undo, when target is elsewhere */
		return rc;
	}
	/* A block ends following both ways, so neither stays on the other's lists. */
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (!rc) {
		rc = store_block_set(c->store, viewer, target, true);
		if (!rc)
			rc = list_drop(c, &a, viewer, target);
		if (!rc)
			rc = list_drop(c, &a, target, viewer);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	if (!rc)
		core_fed_account_blocked(c, viewer, target, true); /* Block, when target is elsewhere */
	return rc;
}

int core_mute(struct core *c, uint64_t viewer, uint64_t target, bool on)
{
	if (!viewer)
		return ERR_AUTH;
	if (viewer == target)
		return ERR_INVAL;
	return store_mute_set(c->store, viewer, target, on);
}

int core_relation(struct core *c, uint64_t viewer, uint64_t target, struct relation *out)
{
	memset(out, 0, sizeof *out);
	if (!viewer || viewer == target)
		return 0;
	int rc = store_follows(c->store, viewer, target, &out->following);
	if (!rc)
		rc = store_follow_requested(c->store, viewer, target, &out->requested);
	if (!rc)
		rc = store_follow_requested(c->store, target, viewer, &out->requested_by);
	if (!rc)
		rc = store_follows(c->store, target, viewer, &out->followed_by);
	if (!rc)
		rc = store_blocks(c->store, viewer, target, &out->blocking);
	if (!rc)
		rc = store_blocks(c->store, target, viewer, &out->blocked_by);
	if (!rc)
		rc = store_mutes(c->store, viewer, target, &out->muting);
	return rc;
}

int core_tag_followed(struct core *c, uint64_t viewer, const char *tag, bool *out)
{
	*out = false;
	return viewer ? store_tag_followed(c->store, viewer, tag, out) : 0;
}
