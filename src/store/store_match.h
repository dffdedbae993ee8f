#ifndef STORE_STORE_MATCH_H
#define STORE_STORE_MATCH_H

/* Choosing a care worker (match.c): professionals' profile additions, and
 * a client's likes, skips and requests. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

#define STORE_MATCH_MAX 200 /* candidates read at most */

/* Defaults (taking new clients, empty texts) when none is saved. */
int store_pro_profile_get(struct store *s, struct arena *a, uint64_t id, struct pro_profile *out) WARN_UNUSED;
int store_pro_profile_set(struct store *s, const struct pro_profile *p) WARN_UNUSED;
/* Professionals (not suspended, not viewer) whose expertise, languages and
 * region contain the filter's words (lower case, "" any); unchosen: only
 * those viewer has not liked or skipped.  Those taking new clients first,
 * then in id order (every candidate matches every given word, so this is
 * the ranking too); at most max. */
int store_match_candidates(struct store *s, uint64_t viewer, const struct match_filter *f, bool unchosen,
                           uint64_t *ids, size_t max, size_t *n) WARN_UNUSED;
/* For the cards of ids[0..n): each one's profile (the defaults of
 * store_pro_profile_get when none is saved), viewer's choice and request
 * time (MATCH_NONE, 0 when none) and whether they published availability
 * (has_avail), in one statement each per DB_IDS ids. */
int store_match_card_parts(struct store *s, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                           struct pro_profile *profiles, int *choices, int64_t *requested, bool *has_avail) WARN_UNUSED;
int store_match_choice_set(struct store *s, uint64_t client, uint64_t pro, int choice, uint64_t seq,
                           int64_t now) WARN_UNUSED;
/* MATCH_NONE when none; requested_at 0 when no request. */
int store_match_choice_get(struct store *s, uint64_t client, uint64_t pro, int *choice,
                           int64_t *requested_at) WARN_UNUSED;
/* Forget client's newest choice without a request; *pro is whose (0: none). */
int store_match_undo_last(struct store *s, uint64_t client, uint64_t *pro) WARN_UNUSED;
/* The pros client liked, newest first (at most max). */
int store_match_likes(struct store *s, uint64_t client, uint64_t *ids, size_t max, size_t *n) WARN_UNUSED;
/* A request on a like: ERR_NOTFOUND without the like, ERR_EXISTS when sent. */
int store_match_request(struct store *s, uint64_t client, uint64_t pro, const char *message, int64_t now) WARN_UNUSED;
/* Requests to pro, newest first: clients, messages and times, at most max. */
int store_match_requests(struct store *s, struct arena *a, uint64_t pro, uint64_t *clients, const char **messages,
                         int64_t *at, size_t max, size_t *n) WARN_UNUSED;

#endif
