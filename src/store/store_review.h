#ifndef STORE_STORE_REVIEW_H
#define STORE_STORE_REVIEW_H

/* Reviews of organisations and professionals (review.c): the reviews, the
 * moderators' log, the services an organisation switched reviews off for,
 * and the relations that let a person review a provider. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

#define STORE_REVIEW_LIST_MAX 5000 /* reviews read at most in one list */

int store_review_insert(struct store *s, const struct review *rv) WARN_UNUSED;
/* Text, marks, experience, service, state, reason, signals and signature of rv->id. */
int store_review_update(struct store *s, const struct review *rv) WARN_UNUSED;
int store_review_set_state(struct store *s, uint64_t id, int state, const char *reason, int64_t now) WARN_UNUSED;
/* The one reply: ERR_EXISTS when there is one already. */
int store_review_set_reply(struct store *s, uint64_t id, const char *reply, int64_t now) WARN_UNUSED;
int store_review_get(struct store *s, struct arena *a, uint64_t id, struct review *out) WARN_UNUSED;
/* Newest first: provider and author 0 = any, state -1 = any, since: created
 * at or after; at most limit (<= STORE_REVIEW_LIST_MAX). */
int store_review_list(struct store *s, struct arena *a, uint64_t provider, uint64_t author, int state, int64_t since,
                      size_t limit, struct review **out, size_t *n) WARN_UNUSED;
/* A review by author of provider for the relation period key that is not withdrawn. */
int store_review_taken(struct store *s, uint64_t author, uint64_t provider, const char *key, bool *out) WARN_UNUSED;

int store_review_log_add(struct store *s, const struct review_log_entry *e) WARN_UNUSED;
int store_review_log_list(struct store *s, struct arena *a, size_t limit, struct review_log_entry **out,
                          size_t *n) WARN_UNUSED;

/* Services of an organisation with reviews switched off. */
int store_review_off_set(struct store *s, uint64_t org, const char *service, bool off, int64_t now) WARN_UNUSED;
int store_review_off_list(struct store *s, struct arena *a, uint64_t org, const char ***out, size_t *n) WARN_UNUSED;

/* Relations.  Groups owned by provider or by its staff (an organisation's
 * groups are made by its staff) in which author is a member since at most
 * member_before, newest membership first (group ids and since, at most max). */
int store_review_rel_groups(struct store *s, uint64_t author, uint64_t provider, int64_t member_before,
                            uint64_t *groups, int64_t *since, size_t max, size_t *n) WARN_UNUSED;
/* Private conversations in which provider answered author (a direct post
 * by provider to author after one by author to provider, same thread) since
 * `since`: roots and the first answer's time, newest first, at most max. */
int store_review_rel_convs(struct store *s, uint64_t author, uint64_t provider, int64_t since, uint64_t *roots,
                           int64_t *at, size_t max, size_t *n) WARN_UNUSED;
/* Appointments of author (the client) with provider that were booked, not
 * cancelled, and ended between since and now: ids and end times, newest
 * first, at most max. */
int store_review_rel_appts(struct store *s, uint64_t author, uint64_t provider, int64_t since, int64_t now,
                           uint64_t *ids, int64_t *at, size_t max, size_t *n) WARN_UNUSED;
/* Consultation questions author asked (anonymously too) in a session of
 * provider that were answered since `since`: ids and answer times, newest
 * first, at most max. */
int store_review_rel_consults(struct store *s, uint64_t author, uint64_t provider, int64_t since, uint64_t *ids,
                              int64_t *at, size_t max, size_t *n) WARN_UNUSED;

#endif
