#ifndef CORE_CONSULT_H
#define CORE_CONSULT_H

/*
 * Consultation hours (issue 18; core/consult.c).  A professional, or staff
 * of an organisation, opens a session on a topic for a time window; people
 * ask questions before and during it: public, private (only the asker and
 * the session's staff see question and answers) or anonymous to the public
 * (others see "een cliënt", the staff a pseudonym that is stable within the
 * session; the asker's account is known to the server only).
 *
 * The one rule for who sees a question and who asked it lives here: the
 * questions core hands out carry asker_id (and asker) only for the asker
 * themselves and, when the question is not anonymous, for whoever may see
 * it; pseudonym only for the staff.  An adapter cannot show what it is not
 * given.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;
struct arena;
struct guard_result;

#define CORE_CONSULT_TOPIC_MAX 200 /* characters */
#define CORE_CONSULT_DISCLAIMER_MAX 500
#define CORE_CONSULT_TEXT_MAX 2000 /* a question or an answer */
#define CORE_CONSULT_REASON_MAX 500
#define CORE_CONSULT_SPAN_MAX (7 * 86400)    /* a session lasts at most a week */
#define CORE_CONSULT_AHEAD_MAX (366 * 86400) /* and starts within a year */
#define CORE_CONSULT_PER_ASKER 10            /* questions one person asks in one session */
#define CORE_CONSULT_QUERY_MAX 200           /* characters of an archive search */
#define CORE_CONSULT_DISCLAIMER "Algemene informatie, geen diagnose. Bij spoed belt u uw huisarts of 112."

enum consult_kind { CONSULT_Q_PUBLIC = 0, CONSULT_Q_PRIVATE = 1, CONSULT_Q_ANONYMOUS = 2 };

struct consult_open {
	uint64_t owner_id; /* the professional (the viewer) or an organisation they are staff of */
	const char *topic;
	const char *disclaimer; /* NULL or "": CORE_CONSULT_DISCLAIMER */
	int64_t starts_at, ends_at;
	int audience;      /* enum consult_audience */
	uint64_t group_id; /* CONSULT_GROUP */
	bool answers_private;
	const char *link_base;      /* "https://host": the announcement links to the session */
	struct guard_result *guard; /* if set: what the guard found in the announcement */
	bool confirm;
};

/* May viewer open sessions as owner / answer for a session of owner?  The
 * professional themselves, or staff of the organisation. */
bool core_consult_may_open(struct core *c, struct arena *a, uint64_t viewer, uint64_t owner);
/*
 * Open a session and announce it as a public post by the owner (the
 * privacy guard reads it: ERR_GUARD / ERR_BLOCKED as for a post;
 * ERR_GUIDELINES for staff who did not accept the organisation's
 * guidelines).  viewer 0 is the operator (command line), acting as the
 * owner.  ERR_FORBIDDEN for someone who may not, ERR_INVAL for an empty or
 * too long topic, an end before the start, a window longer than
 * CORE_CONSULT_SPAN_MAX, an end in the past, a group the viewer is not a
 * member of.
 */
int core_consult_open(struct core *c, struct arena *a, uint64_t viewer, const struct consult_open *in,
                      uint64_t *id) WARN_UNUSED;
/* A session (ERR_NOTFOUND when none, or its owner is hidden from viewer). */
int core_consult_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id,
                     struct consult_session **out) WARN_UNUSED;
/* Sessions of owner (0: everyone's), newest first. */
int core_consult_list(struct core *c, struct arena *a, uint64_t viewer, uint64_t owner, struct consult_session **out,
                      size_t *n) WARN_UNUSED;
/* Follow a session: a notification when answers come. */
int core_consult_follow(struct core *c, uint64_t viewer, uint64_t id, bool on) WARN_UNUSED;
/* May viewer ask in session cs now (ERR_AUTH, ERR_FORBIDDEN: not in the
 * audience; ERR_CONFLICT: the session is over)? */
int core_consult_may_ask(struct core *c, struct arena *a, uint64_t viewer,
                         const struct consult_session *cs) WARN_UNUSED;
/*
 * Ask.  The privacy guard reads the question as published: a public or
 * anonymous one with client data answers ERR_GUARD (the adapter offers
 * "ask privately instead", or confirm); a private one goes to the session's
 * owner as a message to a care provider does.  ERR_TOOBIG past
 * CORE_CONSULT_PER_ASKER questions in a session or STORE_CONSULT_LIST in all.
 */
int core_consult_ask(struct core *c, struct arena *a, uint64_t viewer, uint64_t session, int kind, const char *text,
                     bool confirm, struct guard_result *g, uint64_t *id) WARN_UNUSED;
/* The questions of a session viewer may see, oldest first, with their
 * answers; *staff: the viewer answers for the session (sees the queue). */
int core_consult_questions(struct core *c, struct arena *a, uint64_t viewer, uint64_t session,
                           struct consult_question **out, size_t *n, bool *staff) WARN_UNUSED;
/* One question with its session and answers (ERR_NOTFOUND if not viewer's to see). */
int core_consult_question(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct consult_session **cs,
                          struct consult_question **out) WARN_UNUSED;
/* The session's staff answer (threaded under the question; the guard reads
 * it as published: privately to the asker for a private question).  The
 * asker and the session's followers (for a public question) are told. */
int core_consult_answer(struct core *c, struct arena *a, uint64_t viewer, uint64_t question, const char *text,
                        bool confirm, struct guard_result *g, uint64_t *id) WARN_UNUSED;
/* Staff: decline with a reason (the asker is told), move to private, merge
 * a duplicate into another question of the same session. */
int core_consult_decline(struct core *c, uint64_t viewer, uint64_t question, const char *reason) WARN_UNUSED;
int core_consult_make_private(struct core *c, uint64_t viewer, uint64_t question) WARN_UNUSED;
int core_consult_merge(struct core *c, uint64_t viewer, uint64_t question, uint64_t into) WARN_UNUSED;
/* The asker or staff mark an answer to the question accepted (one per question). */
int core_consult_accept(struct core *c, uint64_t viewer, uint64_t question, uint64_t answer) WARN_UNUSED;
/* Report a question the viewer can see to the instance moderators (reason
 * required, as any report).  The report names the asker — anonymous or not —
 * for the moderators only; the reporter learns nothing of them.  ERR_INVAL
 * for one's own question or an empty reason. */
int core_consult_report(struct core *c, struct arena *a, uint64_t viewer, uint64_t question, const char *reason)
	WARN_UNUSED;
/* Numbers of a session, over all its questions (not merged ones). */
int core_consult_stats(struct core *c, struct arena *a, uint64_t viewer, uint64_t session,
                       struct consult_stats *out) WARN_UNUSED;
/* Questions viewer may see whose text or answers hold every word of q
 * (Dutch stemming, as core_search), newest first.  ERR_INVAL for an empty
 * or non-text q, ERR_TOOBIG past CORE_CONSULT_QUERY_MAX. */
int core_consult_search(struct core *c, struct arena *a, uint64_t viewer, const char *q, struct consult_question **out,
                        size_t *n) WARN_UNUSED;
/* The job that tells a session's followers it opens (started with the
 * other jobs). */
#define CORE_CONSULT_JOB "consult_opens"
struct job_handler;
void core_consult_jobs(struct core *c, const struct job_handler **h, size_t *n);
/* "2026-12-02T10:00" (local time), with ":SS" and "Z" (UTC) allowed. */
bool core_consult_time(const char *s, int64_t *out);

/* The session's staff change its topic, explanation and time window (the
 * same rules as opening; audience and private answers stay), and the
 * announcement with it (the guard reads it: ERR_GUARD / ERR_BLOCKED).
 * in->owner_id, audience, group_id and answers_private are not read.
 * ERR_FORBIDDEN for anyone else who can see it. */
int core_consult_edit(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const struct consult_open *in)
	WARN_UNUSED;
/* The session's staff remove it: its questions, answers, followers and the
 * announcement go too.  ERR_FORBIDDEN for anyone else who can see it. */
int core_consult_delete(struct core *c, struct arena *a, uint64_t viewer, uint64_t id) WARN_UNUSED;

#endif
