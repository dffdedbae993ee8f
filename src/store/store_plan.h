#ifndef STORE_STORE_PLAN_H
#define STORE_STORE_PLAN_H

/* My plan (plan.c): a client's goals and steps, shares and undo log.
 * Private rows: only core/plan.c reads them, after its access check. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

#define STORE_PLAN_GOALS_MAX 100
#define STORE_PLAN_STEPS_MAX 50 /* per goal */
#define STORE_PLAN_SHARES_MAX 50

enum plan_undo_what { PLAN_UNDO_GOAL = 0, PLAN_UNDO_STEP = 1, PLAN_UNDO_SHARE = 2 };

int store_plan_goal_insert(struct store *s, const struct plan_goal *g) WARN_UNUSED;
int store_plan_step_insert(struct store *s, const struct plan_step *st, uint64_t owner) WARN_UNUSED;
/* owner's goals (states up to max_state) with their steps (the same), oldest first. */
int store_plan_goals(struct store *s, struct arena *a, uint64_t owner, int max_state, struct plan_goal **out,
                     size_t *n) WARN_UNUSED;
/* ERR_NOTFOUND when there is no such goal. */
int store_plan_goal_get(struct store *s, struct arena *a, uint64_t id, struct plan_goal *out) WARN_UNUSED;
int store_plan_step_get(struct store *s, struct arena *a, uint64_t id, struct plan_step *out,
                        uint64_t *owner) WARN_UNUSED;
int store_plan_goal_set_state(struct store *s, uint64_t id, int state) WARN_UNUSED;
int store_plan_step_set(struct store *s, uint64_t id, int state, int64_t done_at) WARN_UNUSED;
/* PLAN_SHARE_NONE when not shared. */
int store_plan_share_get(struct store *s, uint64_t owner, uint64_t viewer, int *kind) WARN_UNUSED;
/* kind PLAN_SHARE_NONE removes the share. */
int store_plan_share_set(struct store *s, uint64_t owner, uint64_t viewer, int kind, int64_t now) WARN_UNUSED;
/* owner's shares (viewers and kinds), or with viewer: whose plans viewer sees (owners, kinds). */
int store_plan_shares(struct store *s, uint64_t owner, uint64_t *ids, int *kinds, size_t max, size_t *n) WARN_UNUSED;
int store_plan_shared_with(struct store *s, uint64_t viewer, uint64_t *owners, int *kinds, size_t max,
                           size_t *n) WARN_UNUSED;
int store_plan_undo_push(struct store *s, uint64_t owner, int what, uint64_t row, int old_state, int64_t old_done,
                         int64_t now) WARN_UNUSED;
/* The newest entry, removed: ERR_NOTFOUND when there is none. */
int store_plan_undo_pop(struct store *s, uint64_t owner, int *what, uint64_t *row, int *old_state,
                        int64_t *old_done) WARN_UNUSED;

/* A goal's own photo: media 0 removes it; get gives 0 when none. */
int store_plan_photo_set(struct store *s, uint64_t goal, uint64_t owner, uint64_t media) WARN_UNUSED;
int store_plan_photo_get(struct store *s, uint64_t goal, uint64_t *media) WARN_UNUSED;
/* Whose goal photo media is (ERR_NOTFOUND: none). */
int store_plan_photo_owner(struct store *s, uint64_t media, uint64_t *owner) WARN_UNUSED;

#endif
