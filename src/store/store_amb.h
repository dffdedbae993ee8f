#ifndef STORE_STORE_AMB_H
#define STORE_STORE_AMB_H

/* Ambassadors (issue 20, ambassador.c).  Who came through a link is only
 * ever counted; no function here returns a visitor. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Join (a new code) or, when already one, set consent only. */
int store_amb_join(struct store *s, uint64_t org, uint64_t person, uint64_t code, bool consent, int64_t now)
	WARN_UNUSED;
int store_amb_leave(struct store *s, uint64_t org, uint64_t person) WARN_UNUSED;
/* person's ambassadorships (at most max). */
int store_amb_of_person(struct store *s, struct arena *a, uint64_t person, size_t max, struct ambassador **out,
                        size_t *n) WARN_UNUSED;
/* org's ambassadors (at most max). */
int store_amb_of_org(struct store *s, struct arena *a, uint64_t org, size_t max, struct ambassador **out,
                     size_t *n) WARN_UNUSED;
/* The ambassador a code belongs to (ERR_NOTFOUND). */
int store_amb_by_code(struct store *s, struct arena *a, uint64_t code, struct ambassador **out) WARN_UNUSED;
/* A visit through code's link to post; viewer (0: not signed in) is
 * counted once among the reached.  In a transaction. */
int store_amb_visit(struct store *s, uint64_t code, uint64_t post, uint64_t viewer) WARN_UNUSED;
/* A click on how to apply in post by someone who came through code. */
int store_amb_applied(struct store *s, uint64_t code, uint64_t post) WARN_UNUSED;
/* code's figures over posts[0..n) (all its posts when posts is NULL). */
int store_amb_figures(struct store *s, uint64_t code, const uint64_t *posts, size_t n, struct amb_figures *out)
	WARN_UNUSED;
/* The latest public posts of org that are not replies, at most max, newest first. */
int store_amb_shareable(struct store *s, struct arena *a, uint64_t org, size_t max, uint64_t **out, size_t *n)
	WARN_UNUSED;

#endif
