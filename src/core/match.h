#ifndef CORE_MATCH_H
#define CORE_MATCH_H

/*
 * Choosing a care worker (issue 19), core/match.c: a professional's
 * introduction, way of working and "taking new clients"; a client browses
 * one profile at a time (like or skip) or a filtered list, sees why a
 * profile is suggested, and sends a request to those they like.  A like is
 * the client's own until they send a request; a skip is never shown to
 * anyone; the last choice can be undone.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"   /* WARN_UNUSED */
#include "store/types.h"

struct arena;
struct core;
struct guard_ask;

#define CORE_PRO_TEXT_MAX     1000  /* introduction, way of working (characters, bytes) */
#define CORE_MATCH_WORD_MAX   60    /* a filter word */
#define CORE_MATCH_LIST_MAX   50
#define CORE_MATCH_MESSAGE_MAX 1000
#define CORE_MATCH_ROOM_S     (7 * 86400) /* "heeft deze week nog plek": free slots this far ahead */

/* The profile additions of a professional (defaults when none saved). */
int core_pro_profile_get(struct core *c, struct arena *a, uint64_t id, struct pro_profile *out) WARN_UNUSED;
/* viewer's own, when viewer is a professional (ERR_FORBIDDEN otherwise);
 * the texts pass the privacy guard as a profile does.  ERR_INVAL: too long. */
int core_pro_profile_set(struct core *c, uint64_t viewer, const struct pro_profile *p,
                         const struct guard_ask *ask) WARN_UNUSED;
/* Filter words checked and put in lower case (ERR_INVAL: too long or not text). */
int core_match_filter(struct arena *a, const struct match_filter *in, struct match_filter *out) WARN_UNUSED;
/* The next profile for viewer: one not liked or skipped yet, the best
 * match first (why), those taking new clients before others.  ERR_NOTFOUND
 * when there is none left. */
int core_match_next(struct core *c, struct arena *a, uint64_t viewer, const struct match_filter *f,
                    struct match_card *out) WARN_UNUSED;
/* The filtered list (every match, chosen or not), best first, at most CORE_MATCH_LIST_MAX. */
int core_match_list(struct core *c, struct arena *a, uint64_t viewer, const struct match_filter *f,
                    struct match_card **out, size_t *n) WARN_UNUSED;
/* Like or skip a professional (choice: MATCH_LIKE or MATCH_SKIP); a new
 * choice replaces the old one; a like with a request sent stays. */
int core_match_choose(struct core *c, uint64_t viewer, uint64_t pro, int choice) WARN_UNUSED;
/* Undo viewer's last choice (not one with a request): *pro says whose (0: nothing to undo). */
int core_match_undo(struct core *c, uint64_t viewer, uint64_t *pro) WARN_UNUSED;
/* viewer's likes, newest first. */
int core_match_likes(struct core *c, struct arena *a, uint64_t viewer, struct match_card **out,
                     size_t *n) WARN_UNUSED;
/* Send a request to a liked professional: ERR_NOTFOUND without a like,
 * ERR_EXISTS when sent, ERR_INVAL for a message too long; guard on the message. */
int core_match_request(struct core *c, uint64_t viewer, uint64_t pro, const char *message,
                       const struct guard_ask *ask) WARN_UNUSED;
/* The requests to viewer (a professional), newest first. */
int core_match_requests(struct core *c, struct arena *a, uint64_t viewer, struct match_request **out,
                        size_t *n) WARN_UNUSED;

#endif
