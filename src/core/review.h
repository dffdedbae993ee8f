#ifndef CORE_REVIEW_H
#define CORE_REVIEW_H

/*
 * Reviews of organisations and professionals (issue 19), core/review.c.
 * Verified by construction: only a person with a relation to the provider
 * in kring may review it, once per relation period; every review passes the
 * privacy guard and a code of conduct; moderators see a queue, manipulation
 * signals and a log with a reason for every removal; an average is shown
 * only from enough recent reviews.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"   /* WARN_UNUSED */
#include "store/types.h"

struct arena;
struct core;
struct guard_ask;

#define CORE_REVIEW_MAX_WORDS     200
#define CORE_REVIEW_MAX_BYTES     4000
#define CORE_REVIEW_SERVICE_MAX   80
#define CORE_REVIEW_EXPERIENCE_YEARS 3   /* an experience of the last 3 years */
#define CORE_REVIEW_SCORE_YEARS   4      /* the score counts reviews of the last 4 years */
#define CORE_REVIEW_MIN_PRO       9      /* reviews before a professional's average shows */
#define CORE_REVIEW_MIN_ORG       30     /* the same for an organisation */
#define CORE_REVIEW_MEMBER_WEEKS  4      /* group membership that makes a relation */
#define CORE_REVIEW_REASON_MAX    500

/* Why a review was refused (the adapters word it). */
enum review_problem {
	RP_OK = 0,
	RP_NOT_PROVIDER,   /* the account is neither an organisation nor a professional */
	RP_SELF,           /* one's own account, or one's own organisation */
	RP_NO_RELATION,    /* no relation with the provider in kring */
	RP_TOO_SOON,       /* member of its group, but not yet CORE_REVIEW_MEMBER_WEEKS */
	RP_TAKEN,          /* already reviewed for every relation period there is */
	RP_MARKS,          /* a mark missing or outside 1..10 */
	RP_TEXT,           /* explanation empty, or more than 200 words */
	RP_EXPERIENCE,     /* not a month of the last 3 years */
	RP_SERVICE,        /* reviews are switched off for this service */
};

struct review_input {
	uint64_t provider;
	int marks[REVIEW_ASPECTS];  /* informatie, luisteren, wachttijd, resultaat: 1..10 */
	const char *text;
	const char *experience;     /* "YYYY-MM" */
	const char *service;        /* NULL or "": none */
};

/* The aspects' names as the API writes them (informatie, luisteren, wachttijd, resultaat). */
extern const char *const core_review_aspects[REVIEW_ASPECTS];

/* An organisation or a professional: someone who can be reviewed. */
bool core_review_provider(const struct account *acc);
/* Whether viewer may review provider now, and with which relation (kind in
 * *relation): 0 with RP_OK, or ERR_FORBIDDEN with *why. */
int core_review_can(struct core *c, struct arena *a, uint64_t viewer, uint64_t provider, enum review_problem *why,
                    int *relation) WARN_UNUSED;
/* Write a review: ERR_FORBIDDEN / ERR_INVAL with *why; ERR_GUARD /
 * ERR_BLOCKED from the privacy guard (ask).  *out is the review saved: its
 * state is REVIEW_QUEUED when the code of conduct, a confirmed guard finding
 * or manipulation signals hold it for a moderator (reason says why). */
int core_review_create(struct core *c, struct arena *a, uint64_t viewer, const struct review_input *in,
                       const struct guard_ask *ask, enum review_problem *why, struct review *out) WARN_UNUSED;
/* The author edits (checked again as new) or withdraws their review. */
int core_review_edit(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const struct review_input *in,
                     const struct guard_ask *ask, enum review_problem *why, struct review *out) WARN_UNUSED;
int core_review_withdraw(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;
/* The provider's one public reply (the professional, or the organisation's
 * staff): ERR_EXISTS for a second, ERR_INVAL for an empty or long text. */
int core_review_reply(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *text,
                      const struct guard_ask *ask) WARN_UNUSED;
/* One review as viewer may see it: a published one for anyone; the
 * author's own and moderators' in every state.  author filled only for
 * the author and moderators (reviews are shown without their author). */
int core_review_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct review *out) WARN_UNUSED;
/* A provider's published reviews, newest first, without authors. */
int core_review_list(struct core *c, struct arena *a, uint64_t viewer, uint64_t provider, struct review **out,
                     size_t *n) WARN_UNUSED;
/* viewer's own reviews, every state. */
int core_review_mine(struct core *c, struct arena *a, uint64_t viewer, struct review **out, size_t *n) WARN_UNUSED;
/* The score: an average only from CORE_REVIEW_MIN_PRO / _ORG published
 * reviews of the last CORE_REVIEW_SCORE_YEARS years, always with the number
 * and the spread. */
int core_review_score(struct core *c, struct arena *a, uint64_t provider, struct review_score *out) WARN_UNUSED;
void core_review_score_of(const struct review *v, size_t n, int64_t now, bool org, struct review_score *out);

/* ---- moderators (instance moderators and administrators) ---- */
bool core_review_moderator(struct core *c, uint64_t viewer);
/* Held reviews, and published ones of the last 90 days with manipulation
 * signals (worked out anew), newest first, authors and providers filled. */
int core_review_queue(struct core *c, struct arena *a, uint64_t viewer, struct review **out, size_t *n) WARN_UNUSED;
/* Publish a held review, or remove one (reason required: ERR_INVAL), logged. */
int core_review_moderate(struct core *c, uint64_t viewer, uint64_t id, bool publish, const char *reason) WARN_UNUSED;
int core_review_log(struct core *c, struct arena *a, uint64_t viewer, struct review_log_entry **out,
                    size_t *n) WARN_UNUSED;

/* ---- an organisation's services without reviews (its staff, administrators) ---- */
int core_review_service_set(struct core *c, uint64_t viewer, uint64_t org, const char *service,
                            bool off) WARN_UNUSED;
int core_review_services_off(struct core *c, struct arena *a, uint64_t org, const char ***out,
                             size_t *n) WARN_UNUSED;
/* Whether viewer answers for provider (the professional, or its staff). */
bool core_review_speaks_for(struct core *c, uint64_t viewer, uint64_t provider);

/* ---- pure parts (core/review_text.c), for tests and the fuzz target ---- */
/* "YYYY-MM" of the last 3 years, not in the future: its first day (UTC) in *out. */
bool core_review_month(const char *s, int64_t now, int64_t *out);
/* The text's MinHash signature over its 3-word shingles (hex). */
const char *core_review_minhash(struct arena *a, const char *text);
/* The share of equal hashes of two signatures (0..1; 0 when either is bad). */
double core_review_similarity(const char *x, const char *y);
/* The code of conduct: NULL, or why the text goes to a moderator first.
 * staff: the names of the provider's staff (NULL-ended, may be NULL). */
const char *core_review_conduct(const char *text, const int marks[REVIEW_ASPECTS], const char *const *staff);

#endif
