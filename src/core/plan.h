#ifndef CORE_PLAN_H
#define CORE_PLAN_H

/*
 * My plan (issue 19), core/plan.c: a client's own goals in seven areas,
 * each with a pictogram, a short sentence and small steps; a step done is
 * a star, all steps done a celebration.  The client decides who sees the
 * plan (care workers and family members they name; nobody by default).
 * A care worker it is shared with may suggest a goal or a step; the client
 * accepts or declines.  Every action of the client can be undone.
 * Nobody else sees a plan: not staff of an organisation, not the
 * instance's administrators; it is in no search, feed, notification,
 * federation or export for others.  Who may not see a plan gets
 * ERR_NOTFOUND, as if there were none.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"   /* WARN_UNUSED */
#include "store/types.h"

struct arena;
struct core;

#define CORE_PLAN_TEXT_MAX 140 /* characters of a goal or a step */

/* The area's key ("leren", "werk", "eten", "verzorging", "wonen",
 * "contact", "vrije_tijd") and back (-1: none). */
const char *core_plan_area_key(int area);
int core_plan_area_of(const char *key);
/* The built-in pictograms: one per area (the area's key) plus a few. */
extern const char *const core_plan_pictos[];
bool core_plan_picto_ok(const char *key);

struct plan_view {
	struct account *owner;
	bool mine;                 /* the viewer is the owner */
	int share;                 /* the viewer's share (enum plan_share_kind), when not the owner */
	struct plan_goal *goals;   /* the owner's (and suggestions, for the owner and care workers) */
	size_t ngoals;
	struct plan_share *shares; /* for the owner only */
	size_t nshares;
};

/* owner's plan as viewer may see it; ERR_NOTFOUND when viewer may not. */
int core_plan_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t owner, struct plan_view *out) WARN_UNUSED;
/* A goal in owner's plan: the owner's own, or a care worker's suggestion
 * (family: ERR_FORBIDDEN; others ERR_NOTFOUND).  ERR_INVAL: an unknown area
 * or pictogram, an empty text or one over CORE_PLAN_TEXT_MAX. */
int core_plan_goal_add(struct core *c, uint64_t viewer, uint64_t owner, int area, const char *picto,
                       const char *text, uint64_t *id) WARN_UNUSED;
/* A step in a goal, by the owner or suggested by a care worker, as above. */
int core_plan_step_add(struct core *c, uint64_t viewer, uint64_t goal, const char *text, uint64_t *id) WARN_UNUSED;
/* The owner marks a step done (a star) or not; *celebrate when this made
 * every step of the goal done. */
int core_plan_step_done(struct core *c, uint64_t viewer, uint64_t step, bool done, bool *celebrate) WARN_UNUSED;
/* The owner removes a goal or a step (undo brings it back). */
int core_plan_goal_remove(struct core *c, uint64_t viewer, uint64_t goal) WARN_UNUSED;
int core_plan_step_remove(struct core *c, uint64_t viewer, uint64_t step) WARN_UNUSED;
/* The owner accepts or declines a suggestion (ERR_CONFLICT: not a suggestion). */
int core_plan_goal_answer(struct core *c, uint64_t viewer, uint64_t goal, bool accept) WARN_UNUSED;
int core_plan_step_answer(struct core *c, uint64_t viewer, uint64_t step, bool accept) WARN_UNUSED;
/* The owner gives a goal their own photo (media: an own image upload with
 * alt text, on no post; 0 removes it).  ERR_INVAL: not an image, no alt
 * text; ERR_CONFLICT: processing failed or in use elsewhere; ERR_NOTFOUND:
 * not the viewer's goal or upload.  The photo is seen by whoever sees the
 * plan (core_plan_photo_sees, for core/media.c). */
int core_plan_goal_photo(struct core *c, uint64_t viewer, uint64_t goal, uint64_t media) WARN_UNUSED;
/* Is media a goal photo (*is), and may viewer see it? */
bool core_plan_photo_sees(struct core *c, uint64_t viewer, uint64_t media, bool *is);
/* A care worker takes back their own suggestion (a goal, or a step when
 * step) while the client has not answered it: it is gone for both.
 * ERR_NOTFOUND: not the viewer's suggestion (or the plan is no longer
 * shared with them); ERR_CONFLICT: answered already. */
int core_plan_suggestion_withdraw(struct core *c, uint64_t viewer, bool step, uint64_t id) WARN_UNUSED;
/* The owner shares with who (PLAN_SHARE_CARE: a professional only, else
 * ERR_INVAL; PLAN_SHARE_NONE: stops sharing).  Not with oneself. */
int core_plan_share(struct core *c, uint64_t viewer, uint64_t who, int kind) WARN_UNUSED;
/* Undo the owner's last action; *done false when there was nothing. */
int core_plan_undo(struct core *c, uint64_t viewer, bool *done) WARN_UNUSED;
/* The step of today for viewer's own plan: the first step not done yet of
 * the first goal not reached (ERR_NOTFOUND: none).  *goal and *step point
 * into arena a. */
int core_plan_today(struct core *c, struct arena *a, uint64_t viewer, struct plan_goal **goal,
                    struct plan_step **step) WARN_UNUSED;
/* Whose plans are shared with viewer. */
int core_plan_shared_with(struct core *c, struct arena *a, uint64_t viewer, struct plan_share **out,
                          size_t *n) WARN_UNUSED;

#endif
