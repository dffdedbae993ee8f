#ifndef STORE_STORE_CONSULT_H
#define STORE_STORE_CONSULT_H

/* Consultation hours (consult.c): sessions, their questions and answers,
 * and who follows a session.  No rule here: core/consult.c decides who
 * sees what. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

int store_consult_insert(struct store *s, const struct consult_session *cs) WARN_UNUSED;
int store_consult_set_post(struct store *s, uint64_t id, uint64_t post) WARN_UNUSED;
/* ERR_NOTFOUND when there is none. */
int store_consult_get(struct store *s, struct arena *a, uint64_t id, struct consult_session *out) WARN_UNUSED;
/* The sessions of owner (0: everyone's), newest first, at most STORE_CONSULT_LIST. */
int store_consult_list(struct store *s, struct arena *a, uint64_t owner, struct consult_session **out,
                       size_t *n) WARN_UNUSED;
/* Follow a session (idempotent) or stop. */
int store_consult_follow(struct store *s, uint64_t session, uint64_t account, bool on) WARN_UNUSED;
int store_consult_following(struct store *s, uint64_t session, uint64_t account, bool *out) WARN_UNUSED;
/* Who follows a session, at most STORE_CONSULT_LIST. */
int store_consult_followers(struct store *s, struct arena *a, uint64_t session, uint64_t **out, size_t *n) WARN_UNUSED;

int store_cq_insert(struct store *s, const struct consult_question *q, const char *words) WARN_UNUSED;
/* The pseudonym asker already has in session, or the next free one. */
int store_cq_pseudonym(struct store *s, uint64_t session, uint64_t asker, int *out) WARN_UNUSED;
int store_cq_get(struct store *s, struct arena *a, uint64_t id, struct consult_question *out) WARN_UNUSED;
/* Every question of a session, oldest first, at most STORE_CONSULT_LIST. */
int store_cq_list(struct store *s, struct arena *a, uint64_t session, struct consult_question **out,
                  size_t *n) WARN_UNUSED;
/* answered_at is kept once set (the first answer's time). */
int store_cq_set_state(struct store *s, uint64_t id, int state, const char *reason, uint64_t merged_into,
                       int64_t answered_at) WARN_UNUSED;
int store_cq_set_private(struct store *s, uint64_t id) WARN_UNUSED;
/* Append stemmed words (an answer's) to what a search finds the question by. */
int store_cq_add_words(struct store *s, uint64_t id, const char *words) WARN_UNUSED;
/* Questions whose words hold " word " (one stemmed word), newest first,
 * at most STORE_CONSULT_LIST; the caller checks the other words and who
 * may see them. */
int store_cq_search(struct store *s, struct arena *a, const char *word, uint64_t **ids, char ***words,
                    size_t *n) WARN_UNUSED;

int store_ca_insert(struct store *s, const struct consult_answer *an) WARN_UNUSED;
/* Every answer in a session, oldest first (at most 4 * STORE_CONSULT_LIST). */
int store_ca_list(struct store *s, struct arena *a, uint64_t session, struct consult_answer **out,
                  size_t *n) WARN_UNUSED;
/* Mark answer accepted for its question (and no other); ERR_NOTFOUND when
 * the answer is not the question's. */
int store_ca_accept(struct store *s, uint64_t question, uint64_t answer) WARN_UNUSED;

/* Change a session's topic, text and window; remove it with its questions,
 * answers and followers (core/consult.c checks who may). */
int store_consult_update(struct store *s, uint64_t id, const char *topic, const char *disclaimer, int64_t starts,
                         int64_t ends) WARN_UNUSED;
int store_consult_delete(struct store *s, uint64_t id) WARN_UNUSED;

#endif
