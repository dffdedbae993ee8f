#ifndef CORE_AMBASSADOR_H
#define CORE_AMBASSADOR_H

/*
 * Ambassadors (issue 20, docs/measure.md): staff share the organisation's
 * posts and vacancies with a personal link, /l/<post>-a<code> (the click
 * counter of core/reach.c).  The organisation's staff see, per ambassador
 * and campaign, what was reached, clicked and applied for: by name only
 * with the ambassador's consent, which they can withdraw (then their
 * numbers fold into "others").  Numbers below 5 are not shown.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;
struct arena;

#define CORE_AMB_SHARE_POSTS 20  /* posts offered to share */
#define CORE_AMB_MAX 500         /* ambassadors of one organisation in a report */

/* Join org's ambassadors (viewer is its staff, else ERR_FORBIDDEN), or
 * when already one, change consent. */
int core_amb_join(struct core *c, uint64_t viewer, uint64_t org, bool consent) WARN_UNUSED;
/* Stop: the links stop counting, the numbers are no longer shown. */
int core_amb_leave(struct core *c, uint64_t viewer, uint64_t org) WARN_UNUSED;
/* viewer's ambassadorships, org filled. */
int core_amb_mine(struct core *c, struct arena *a, uint64_t viewer, struct ambassador **out, size_t *n) WARN_UNUSED;
/* The organisations person is an ambassador of (the badge), accounts. */
int core_amb_badges(struct core *c, struct arena *a, uint64_t person, struct account ***out, size_t *n) WARN_UNUSED;
/* The posts viewer may share for org (its latest public posts), for
 * viewer; with viewer's figures per post in f (may be NULL). */
int core_amb_shareable(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct post ***out,
                       struct amb_figures **f, size_t *n) WARN_UNUSED;
/* A visit through the link of code to post, by viewer (0: not signed in):
 * counted (viewer only to count them once) when code is an ambassador of
 * the post's author and the post is public; ERR_NOTFOUND otherwise. */
int core_amb_visit(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, uint64_t code) WARN_UNUSED;
/* After a counted click on how to apply (core_link_click) in post by
 * someone who came through code's link to it: one application, when post
 * is a vacancy and code still an ambassador of its organisation. */
int core_amb_applied(struct core *c, struct arena *a, uint64_t post, uint64_t code) WARN_UNUSED;
/* org's report for viewer (its staff; ERR_NOTFOUND for others): per
 * consenting ambassador a row for all shared posts and one per campaign,
 * then the others together the same way. */
int core_amb_report(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct amb_row **out,
                    size_t *n) WARN_UNUSED;

#endif
