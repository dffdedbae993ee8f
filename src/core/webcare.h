#ifndef CORE_WEBCARE_H
#define CORE_WEBCARE_H

/*
 * Webcare (issue 17): one inbox per organisation.  Items come from inside
 * kring (mentions of the organisation, replies to its posts, posts in the
 * groups it moderates, direct messages to it), ingested in the same
 * transaction as the post, and from outside through core_webcare_ingest.
 * Only the organisation's staff see or act on its inbox (ERR_NOTFOUND for
 * anyone else: no leak that an item exists).  Triage rules set topic,
 * priority and team; a team's available members get items least-loaded or
 * round robin under a per-person cap, the rest wait first in, first out.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;
struct arena;
struct guard_result;
struct job_handler;

#define CORE_WC_TEXT_MAX     5000  /* an outside item's text, a note, an answer */
#define CORE_WC_FIELD_MAX    300   /* origin key, author name, url, title */
#define CORE_WC_NAME_MAX     80    /* team, rule and template names, topics */
#define CORE_WC_RULE_MAX     500   /* a rule's expression */
#define CORE_WC_RULE_TERMS   32    /* terms and operators in one rule */
#define CORE_WC_RULE_DEPTH   8     /* nested parentheses */
#define CORE_WC_CAP_MAX      100   /* items one person may hold */
#define CORE_WC_PERIODS_MAX  42    /* opening-hours periods of a team (6 per weekday) */
#define CORE_WC_FOLLOWUP_DEFAULT 3 /* days after an answer */
#define CORE_WC_FOLLOWUP_JOB "webcare_followup"

/* The organisations viewer is staff of (their inboxes). */
int core_wc_orgs(struct core *c, struct arena *a, uint64_t viewer, struct account ***out, size_t *n) WARN_UNUSED;
/* The organisation named so, if viewer is its staff: ERR_AUTH for nobody,
 * ERR_NOTFOUND otherwise. */
int core_wc_org(struct core *c, struct arena *a, uint64_t viewer, const char *name, struct account **out) WARN_UNUSED;

/* An item from outside kring (an RSS item, a post on another server). */
struct wc_input {
	const char *origin;      /* [a-z0-9_]{1,20}: "rss", "tag", "cli" (not "kring") */
	const char *origin_key;  /* unique within the origin: a GUID, a link */
	const char *author_name, *url, *title, *text;
	int64_t created_at;      /* 0: now */
};
/* Idempotent: the same org, origin and key again gives the first item's id
 * with *inserted false.  Triage and assignment run in the same transaction. */
int core_webcare_ingest(struct core *c, uint64_t org, const struct wc_input *in, uint64_t *id, bool *inserted)
	WARN_UNUSED;

/* The inbox (f->status: a status, -1 open ones, -2 all). */
int core_wc_items(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, const struct wc_filter *f,
                  struct wc_item **out, size_t *n) WARN_UNUSED;
/* One item with its history (ev may be NULL). */
int core_wc_item(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t id, struct wc_item **out,
                 struct wc_event **ev, size_t *nev) WARN_UNUSED;
/* Set a status; until: the date a pending item comes back (WC_PENDING
 * only, in the future).  WC_ASSIGNED needs an assignee (core_wc_assign). */
int core_wc_status(struct core *c, uint64_t viewer, uint64_t org, uint64_t id, int status, int64_t until) WARN_UNUSED;
int core_wc_note(struct core *c, uint64_t viewer, uint64_t org, uint64_t id, const char *text) WARN_UNUSED;
/* Give the item to person (staff of org), or back to the queue (0). */
int core_wc_assign(struct core *c, uint64_t viewer, uint64_t org, uint64_t id, uint64_t person) WARN_UNUSED;
/* Set topic and priority by hand (topic NULL: keep). */
int core_wc_triage(struct core *c, uint64_t viewer, uint64_t org, uint64_t id, const char *topic, int priority,
                   uint64_t team) WARN_UNUSED;

enum wc_answer_problem {
	WC_ANSWER_OK = 0,
	WC_ANSWER_EMPTY,        /* no text */
	WC_ANSWER_FIELDS,       /* a template field ({naam}, ...) is not filled in */
	WC_ANSWER_SAME,         /* this unchanged text went to someone else: confirm_same */
	WC_ANSWER_POST,         /* the post was refused (see the error code) */
	WC_ANSWER_ELSEWHERE,    /* a consultation-hour question or a review: answer it on its own page */
};
struct wc_answer {
	const char *text;
	bool as_org;            /* as the organisation (the writer is kept), else as oneself */
	bool confirm;           /* past the privacy guard's findings */
	bool confirm_same;      /* past the warning that this text went to someone else */
	struct guard_result *guard;  /* if set, what the guard found */
	int *why;               /* if set, an enum wc_answer_problem */
};
/* Answer an item: a reply to its post (a direct message stays direct, a
 * group post stays in its group) or, for an outside item, a public post
 * linking it; through core_post_create, so the privacy guard reads it.
 * ERR_INVAL (why: EMPTY, FIELDS), ERR_CONFLICT (why: SAME), or the post's
 * own errors (ERR_GUARD, ERR_BLOCKED, ERR_GUIDELINES, ...). */
int core_wc_answer(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t id,
                   const struct wc_answer *ans, uint64_t *post) WARN_UNUSED;

/* Teams, members, opening hours. */
int core_wc_teams(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct wc_team **out, size_t *n)
	WARN_UNUSED;
/* Insert (t->id 0) or update.  ERR_INVAL: bad name or mode; ERR_CONFLICT: name taken. */
int core_wc_team_save(struct core *c, uint64_t viewer, uint64_t org, struct wc_team *t) WARN_UNUSED;
int core_wc_team_delete(struct core *c, uint64_t viewer, uint64_t org, uint64_t team) WARN_UNUSED;
int core_wc_members(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t team,
                    struct wc_member **out, size_t *n) WARN_UNUSED;
/* Add or change a member (staff of org); the queue runs again. */
int core_wc_member_set(struct core *c, uint64_t viewer, uint64_t org, uint64_t team, uint64_t person, bool available,
                       int cap) WARN_UNUSED;
/* Their open items in the team go back to its queue, which runs again. */
int core_wc_member_remove(struct core *c, uint64_t viewer, uint64_t org, uint64_t team, uint64_t person) WARN_UNUSED;
/* Opening hours: periods (several per weekday) and holidays ("YYYY-MM-DD"). */
int core_wc_hours_set(struct core *c, uint64_t viewer, uint64_t org, uint64_t team, const struct wc_period *p,
                      size_t n, const char *const *days, size_t ndays) WARN_UNUSED;
int core_wc_hours(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t team,
                  struct wc_period **p, size_t *n, const char ***days, size_t *ndays) WARN_UNUSED;
/* Seconds from `from` to `to` that count for team. */
int64_t core_wc_duration(struct core *c, uint64_t team, int64_t from, int64_t to);

/* Triage rules: expr is words, "phrases", #tags and source:NAME with AND,
 * OR, NOT (EN, OF, NIET) and parentheses; words match by their Dutch stem. */
int core_wc_rules(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct wc_rule **out, size_t *n)
	WARN_UNUSED;
int core_wc_rule_add(struct core *c, uint64_t viewer, uint64_t org, const struct wc_rule *r) WARN_UNUSED;
int core_wc_rule_delete(struct core *c, uint64_t viewer, uint64_t org, uint64_t id) WARN_UNUSED;
/* Pure: 0 when expr parses within the limits, else ERR_INVAL / ERR_TOOBIG. */
int core_wc_rule_check(const char *expr) WARN_UNUSED;
/* Pure: does expr (checked) match this text from this source? */
bool core_wc_rule_match(const char *expr, const char *text, const char *source);

/* Answer templates with fields {naam}, {medewerker}, {afdeling}. */
int core_wc_templates(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct wc_template **out,
                      size_t *n) WARN_UNUSED;
int core_wc_template_add(struct core *c, uint64_t viewer, uint64_t org, const char *name, const char *body)
	WARN_UNUSED;
int core_wc_template_delete(struct core *c, uint64_t viewer, uint64_t org, uint64_t id) WARN_UNUSED;
/* The template's text for this item, the fields known filled in. */
int core_wc_template_fill(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t item,
                          uint64_t tmpl, char **out) WARN_UNUSED;

/* Pure: who gets the next item among m[0..n): an available member below
 * their cap, least loaded (then longest since their last item, then lowest
 * id) or, round robin, the next after rr_last; n when nobody has room. */
size_t core_wc_pick(const struct wc_member *m, size_t n, int mode, uint64_t rr_last);

/* The follow-up reminder's job (main starts it with the others). */
void core_wc_jobs(struct core *c, const struct job_handler **h, size_t *n);

#endif
