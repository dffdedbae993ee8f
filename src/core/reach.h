#ifndef CORE_REACH_H
#define CORE_REACH_H

/*
 * Reach without surveillance (issue 20, docs/measure.md).  Timelines and
 * threads note which posts a signed-in person was shown; the notes wait in
 * memory and a background thread writes them in batches, so no request
 * waits for the count.  Only the post's author (and, for an organisation's
 * post, its staff) learn the numbers; nobody learns who.
 */

#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;
struct arena;

/* Start the thread that writes the notes every interval_ms (0: 2000). */
int core_reach_start(struct core *c, int interval_ms) WARN_UNUSED;
/* Stop it, writing what is still waiting. */
void core_reach_stop(struct core *c);
/* Write what is waiting now (the thread's work; also tests). */
int core_reach_flush(struct core *c) WARN_UNUSED;

/* The numbers of post for viewer: ERR_NOTFOUND unless viewer wrote it, is
 * the author, or is staff of the organisation that is (to others the
 * numbers do not exist); ERR_AUTH without a viewer. */
int core_post_reach(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, struct post_reach *out)
	WARN_UNUSED;

/* A click on the n-th link of post (the /l/<post>-<n> redirect): counted
 * (no one's identity is kept), and *url is where it leads.  ERR_NOTFOUND
 * when viewer (0: anyone) may not see the post or it has no such counted
 * link: only addresses in the post are ever redirected to. */
int core_link_click(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, int n, const char **url)
	WARN_UNUSED;

/* A group's figures for the last GROUP_WEEKS weeks (Monday to Sunday, UTC),
 * oldest first, for its moderators only (ERR_NOTFOUND / ERR_FORBIDDEN as
 * the moderation queue); activity, growth and reach as numbers. */
int core_group_figures(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct group_week **out)
	WARN_UNUSED;

#endif
