#ifndef CORE_CORE_INT_H
#define CORE_CORE_INT_H

/* Internal to core/. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Core's own files reach the store; the adapters see core.h only. */
#include "store/store.h"
#include "store/store_announce.h"
#include "store/store_api.h"
#include "store/store_media.h"
#include "store/store_push.h"
#include "store/store_sched.h"
#include "store/store_appt.h"
#include "store/store_remind.h"

#include "core/core.h"

struct core {
	struct store *store;
	int post_rate;            /* posts per writer per CORE_POST_WINDOW; 0 = no limit */
	int app_rate;             /* app registrations per address per hour; 0 = no limit */
	/* Events after commit, from whichever door the action came through
	 * (pages, API, command line): the API's streams subscribe. */
	void (*on_delete)(uint64_t post);              /* a post was deleted */
	void (*on_post)(struct core *c, uint64_t post, bool edited); /* written, edited, boosted, voted on */
	void (*on_notify)(struct core *c, uint64_t account);        /* a notification for account */
	struct reach_batch *reach; /* views waiting to be counted (reach.c) */
	struct badge_memo *badges; /* the menu badges per person (badge.c); NULL: off */
};

/* Reach (reach.c): the batch, made by core_open and written out and freed
 * by core_close; note the posts v[0..n) a page or answer shows viewer. */
struct reach_batch *reach_new(void);
void reach_free(struct core *c);
struct post;
void reach_note(struct core *c, uint64_t viewer, struct post *const *v, size_t n);
/* The n-th link (from 0) of p's text as core_render_post_text counts them,
 * when p's links are counted (an organisation's post); NULL otherwise. */
const char *post_link_at(struct arena *a, const struct post *p, int n);

/* Amsterdam days (campaign.c): "YYYY-MM-DD" as days since 1970 (a real
 * date, years 2000..2100), and the moment such a day begins (UTC). */
bool core_parse_day(const char *s, int64_t *days);
int64_t core_day_start(int64_t days);
/* Vacancies (vacancy.c): keep the fields of post, in its transaction. */
int vacancy_insert(struct core *c, uint64_t post, uint64_t org, const struct vacancy_fields *f) WARN_UNUSED;


struct arena;
struct core;
struct post;
struct guard_part;
struct guard_result;
struct guard_ask;

/* Whether each post ids[i] names is shown to viewer (ok[i]), by the rule
 * core_posts_by_id applies, with only the columns the rule reads: for the
 * counts of the menu badges. */
int core_posts_shown(struct core *c, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n, bool *ok);
/* The same, and *until (when not NULL) lowered to the earliest think time
 * still running among them (0: none), after which the answer may change. */
int core_posts_shown_until(struct core *c, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                           bool *ok, int64_t *until) WARN_UNUSED;

/* The menu badges remembered per person (badge.c) under the version and
 * epoch store_badge_state read (migration 42): a page whose badge nothing
 * changed since it was last worked out asks one row.  KRING_BADGE_MEMO=0
 * switches the memory off (to measure it). */
enum { BADGE_NOTIF, BADGE_CONV, BADGE_KINDS };
struct badge_memo;
struct badge_memo *badge_new(void);
void badge_free(struct badge_memo *m);
bool badge_get(struct badge_memo *m, int kind, uint64_t viewer, int64_t ver, int64_t epoch, int64_t *count);
void badge_put(struct badge_memo *m, int kind, uint64_t viewer, int64_t ver, int64_t epoch, int64_t until,
               int64_t count);
int conv_unread_at(struct core *c, uint64_t viewer, int64_t ver, int64_t epoch, int64_t *count);

/* core_post_get for many: out[i] is the post ids[i] names, ready to show to
 * viewer, or NULL when it is gone or not the viewer's to see. */
int core_posts_by_id(struct core *c, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                     struct post **out);

/* The group a post's text names ("@kring ..."), when the author is a
 * member of it: how a member posts into a group from any app; 0 for none.
 * Any other name stays plain text, so nothing leaks that a group exists. */
uint64_t core_group_named(struct core *c, struct arena *a, uint64_t author, const char *text);

/* The key for per-address limits: the address itself, but for IPv6 its /64
 * (one household or server gets a whole /64, so single addresses cost an
 * attacker nothing).  "-" for NULL. */
const char *core_addr_bucket(struct arena *a, const char *addr);

/* Distinct lower-case #tags / @names in s, at most max, into out. */
size_t text_tags(struct arena *a, const char *s, const char **out, size_t max);
size_t text_mentions(struct arena *a, const char *s, const char **out, size_t max);
/* Nothing but spaces (or nothing): a blank title or keyword. */
bool text_blank(const char *s);

/*
 * The privacy guard's gate for everything published: scan parts[0..n) as one
 * text as `author` would publish it (see core_guard_check).  0: nothing found,
 * or the author confirmed findings they may override; ERR_GUARD: findings to
 * confirm first; ERR_BLOCKED: findings this author may not publish.  The
 * findings stay in *g.
 */
int guard_gate(struct core *c, struct arena *a, uint64_t author, uint64_t writer, int visibility,
               const uint64_t *rcpt, size_t nrcpt, struct guard_part *parts, size_t n, bool confirm,
               struct guard_result *g);
/* guard_gate for a text that is not a post (visibility public), answering
 * the adapter through ask; logs an override with post 0. */
int guard_ask_gate(struct core *c, uint64_t author, uint64_t writer, struct guard_part *parts, size_t n,
                   const struct guard_ask *ask);
/* Publishing past a finding is logged for the organisation's audit (or the
 * person's own); post 0 for texts that are not posts. */
int guard_audit(struct core *c, uint64_t author, uint64_t writer, uint64_t post, const struct guard_result *g);
/* The guard for a media description set after upload (core_media_set_alt). */
/* Wait up to CORE_MEDIA_LOOK_WAIT seconds until none of the photos and
 * videos ids[0..n) is still being processed (their privacy checks done). */
void media_wait_looked(struct core *c, const uint64_t *ids, size_t n);
int media_alt_guard(struct core *c, struct arena *a, uint64_t viewer, uint64_t media, const char *alt,
                    const struct guard_ask *ask);
/* The instance's hierarchy (see core_account_suspend): may actor, with at
 * least min_role, act on target?  actor 0 is the operator. */
int core_instance_may_act(struct core *c, struct arena *a, uint64_t actor, const struct account *target,
                          int min_role);
/* May viewer remove p, someone else's post, as a moderator?  The group's
 * hierarchy when viewer moderates its group, else the instance's.  *group is
 * the log the removal goes in: the group's, or the instance's (0). */
int core_mod_may_remove(struct core *c, struct arena *a, uint64_t viewer, const struct post *p, uint64_t *group);
/* Tell the group's moderators (but actor) of kind, about post (or 0). */
void core_group_notify_mods(struct core *c, struct arena *a, uint64_t group, int kind, uint64_t actor,
                            uint64_t post);

/* Take account off owner's lists: a list holds only people its owner
 * follows (core_follow off, core_block call it in their transaction). */
int list_drop(struct core *c, struct arena *a, uint64_t owner, uint64_t account);

/* Tell `to` (kind, actor, post), unless `to` blocked or muted the actor or
 * is the actor; when `to` is an organisation, its hearers
 * (core_org_hearers) are told too, each notification marked as for it. */
void core_notify(struct core *c, uint64_t to, int kind, uint64_t actor, uint64_t post);

/* Shared by post.c, timeline.c and graph.c (core/post.c). */
/* Is there a block between x and y, either way? */
int core_blocked_between(struct core *c, uint64_t x, uint64_t y, bool *out) WARN_UNUSED;
/* Fill authors, boosts and the viewer's relations of v[0..n) at once; ok[i]
 * says whether v[i] may be shown to viewer. */
void core_prepare_many(struct core *c, struct arena *a, uint64_t viewer, struct post **v, size_t n, bool *ok);

/* Shared by group.c, report.c and conv.c (core/group.c). */
bool group_instance_mod(struct core *c, uint64_t viewer);
/* The group as viewer may know it (ERR_NOTFOUND for a secret one they may not). */
int group_load(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct group **g) WARN_UNUSED;
/* The group, if viewer is one of its moderators: ERR_AUTH for nobody,
 * ERR_FORBIDDEN for a reader who is not, ERR_NOTFOUND for anyone else. */
int group_need_mod(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct group **g) WARN_UNUSED;
/* account's role and state in group (-1, -1 when none). */
void group_member_of(struct core *c, struct arena *a, uint64_t group, uint64_t account, int *role, int *state);
/* May actor act (remove, ban, change the role of, delete the posts of) account in g? */
int group_may_act(struct core *c, struct arena *a, const struct group *g, uint64_t actor, uint64_t account) WARN_UNUSED;

/* viewer holds an instance role of at least min_role (ROLE_MODERATOR,
 * ROLE_ADMIN) and is not suspended (core/account.c). */
int core_need_role(struct core *c, struct arena *a, uint64_t viewer, int min_role) WARN_UNUSED;

/* Webcare (core/webcare.c), inside the post's own transaction: a new post
 * becomes an item in the inbox of each organisation it is addressed to,
 * answers or whose group it is in; a deleted post's items go; an edited
 * post's items show the new text. */
int wc_ingest_post(struct core *c, struct arena *a, const struct post_new *pn, const struct post *parent) WARN_UNUSED;
int wc_post_gone(struct core *c, uint64_t post) WARN_UNUSED;
int wc_post_edited(struct core *c, uint64_t post, const char *text) WARN_UNUSED;
/* person is no longer org's staff (in core_org_staff_remove's transaction):
 * out of its teams, their open items back in the queues, which run again. */
int wc_staff_gone(struct core *c, uint64_t org, uint64_t person) WARN_UNUSED;

/* A report about account with a text kept for the moderators (snapshot),
 * as core_report (core/report.c): for content that is not a post, such as
 * a consultation question (core_consult_report). */
int core_report_snapshot(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, const char *snapshot,
                         const char *reason, uint64_t *id) WARN_UNUSED;
/* Webcare measures (core/webcare.c, core/webcare_measure.c). */
struct biz_hours;
/* team's business calendar, or *out NULL when it counts every hour. */
int wc_team_calendar(struct core *c, struct arena *a, uint64_t team, struct biz_hours **out) WARN_UNUSED;
/* Pure: rows into figures per week, team and topic (totals: per week only),
 * durations through dur (business seconds of team between from and to). */
typedef int64_t (*wc_dur_fn)(void *ctx, uint64_t team, int64_t from, int64_t to);
void wc_measure_compute(struct arena *a, const struct wc_mrow *rows, size_t n, bool totals, wc_dur_fn dur, void *ctx,
                        struct wc_measure **out, size_t *nout);

/* Webcare spike alerts (core/webcare_spike.c): the periodic job's handler
 * (queues its first run). */
struct job_handler;
void wc_spike_handler(struct core *c, struct job_handler *out);
/* org is in crisis mode (core/webcare_crisis.c): the lower spike threshold. */
bool wc_crisis_active(struct core *c, uint64_t org);
/* Its topic while it is on, else NULL. */
const char *wc_crisis_topic(struct core *c, struct arena *a, uint64_t org);

/* Webcare items from consultation hours and reviews (core/webcare.c), inside
 * the caller's transaction.  A question in an organisation's consultation
 * hour (anonymous: "een cliënt", no account); a published review of an
 * organisation (its writer is never shown to the organisation). */
struct consult_session;
struct consult_question;
struct review;
/* Crisis mode in apps (core/webcare_crisis.c): the active crises of
 * organisations viewer follows or is in a group of, as announcements
 * appended to v (up to max); one is shown to viewer (0) or not
 * (ERR_NOTFOUND). */
struct announcement;
int wc_crisis_anns(struct core *c, struct arena *a, uint64_t viewer, bool with_dismissed, struct announcement *v,
                   size_t *k, size_t max) WARN_UNUSED;
int wc_crisis_ann_shown(struct core *c, struct arena *a, uint64_t viewer, uint64_t id) WARN_UNUSED;
int wc_ingest_consult(struct core *c, struct arena *a, const struct consult_session *cs,
                      const struct consult_question *q) WARN_UNUSED;
int wc_ingest_review(struct core *c, struct arena *a, const struct review *rv) WARN_UNUSED;
/* A declined or merged consultation question's item closes (why: "declined" or "merged"). */
int wc_consult_closed(struct core *c, struct arena *a, const struct consult_session *cs, uint64_t question,
                      uint64_t actor, const char *why) WARN_UNUSED;
int wc_review_text(struct core *c, const struct review *rv) WARN_UNUSED;
int wc_review_gone(struct core *c, const struct review *rv) WARN_UNUSED;
/* Reminders by push and e-mail (core/remind.c, issue 18). */
#define REMIND_MAIL_JOB "appt_mail"
/* Mail (core/reset.c): one message to `to` with a plain-text body and, when
 * ics is not NULL, that iCalendar text attached; the subject may be UTF-8.
 * The base URL links in mail start with. */
int core_mail_send(struct arena *a, const char *to, const char *subject, const char *body, const char *ics,
                   char *why, size_t whylen) WARN_UNUSED;
const char *core_mail_base(void);
/* Queue the pushes of a kring notification nid (push.c): each subscription
 * of `to` whose alerts hold the kind's; the caller kicks the jobs after commit. */
void core_push_notif(struct core *c, uint64_t to, uint64_t nid, int kind, uint64_t actor, const char *note);
/* The push alert of a kring kind (0: none) and its API type. */
int remind_alert(int kind, const char *note, const char **type);
/* Is a notification of this kind about the person's own booking or work (Web Push
 * sends it whatever the subscription's "from whom" policy, unless it is "none")? */
bool remind_own_work(int kind);
/* A notification of kind from actor was just written for `to` in the open
 * transaction: queue its pushes. */
void remind_push(struct core *c, uint64_t to, int kind, uint64_t actor);
/* What the push of notification nid says, read now; ERR_CONFLICT when it no
 * longer holds (an appointment moved or cancelled since), ERR_NOTFOUND gone. */
int remind_push_text(struct core *c, struct arena *a, uint64_t account, uint64_t nid, bool en, uint64_t *actor,
                     const char **type, const char **title, const char **body) WARN_UNUSED;
/* In the reminder's transaction: queue its e-mail when the client wants one. */
int remind_mail_queue(struct core *c, const struct appointment *ap, int what) WARN_UNUSED;
/* The e-mail job's handler (registered with the password-reset mail's). */
int remind_mail_run(void *ctx, const char *arg, char *why, size_t whylen);
/* "dinsdag 8 december 2026 om 10:30" (en: "Tuesday 8 December 2026 at 10:30"), Amsterdam time. */
const char *remind_when(struct arena *a, int64_t t, bool en);

#endif
